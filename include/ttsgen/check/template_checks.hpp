#pragma once
// The checks that judge one template on its own (the set checks are in set_checks.hpp):
//   structure  the document is a CloudFormation template: known sections and attributes, a Type
//              on every resource and parameter, valid logical ids, defaults that satisfy their
//              own parameter's AllowedValues and AllowedPattern
//   quota      CloudFormation's limits, on the exact bytes written
//   security   the security baseline of docs/decisions-check.md
// Findings carry rule, logical id and path; the caller adds release and stack.

#include <string_view>
#include <vector>

#include "ttsgen/cfn/value.hpp"
#include "ttsgen/check/finding.hpp"

namespace ttsgen::check {

std::vector<Finding> check_structure(const cfn::Value& document);

// CloudFormation quotas (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
namespace quota {
inline constexpr std::size_t kBodyBytes = 51'200;      // template body passed directly
inline constexpr std::size_t kS3Bytes = 1'000'000;     // template from S3 (--template-url)
inline constexpr std::size_t kResources = 500;
inline constexpr std::size_t kParameters = 200;
inline constexpr std::size_t kOutputs = 200;
inline constexpr std::size_t kMappings = 200;
inline constexpr std::size_t kMappingAttributes = 200;  // per mapping
inline constexpr std::size_t kDescriptionBytes = 1'024;
inline constexpr std::size_t kDynamicReferences = 60;  // {{resolve:...}}
}  // namespace quota

// `bytes` are the template as written; `document` is those bytes parsed.
std::vector<Finding> check_quotas(std::string_view bytes, const cfn::Value& document);

std::vector<Finding> check_security(const cfn::Value& document);

// Ports that the security baseline lets a parameter open to the internet: the public gateway
// and API ports of The Things Stack (docs: concepts/networking, ecs/architecture).
bool is_public_port(long port);

}  // namespace ttsgen::check
