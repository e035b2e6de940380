#pragma once
// The parameter contract of a template set (rules "shared-parameter", "selector", "feature"),
// read from the documents, so it judges a folder (--dir) as it judges a release:
//   shared-parameter  a parameter name that several templates take has one Type, Default,
//                     AllowedValues, AllowedPattern, Min/MaxLength, Min/MaxValue and NoEcho in all of
//                     them, except the names the model lists as different things
//                     (stacks::same_name_exceptions, each with its reason);
//   selector          a consumer's parameter that selects which copy of a producer it imports from
//                     (in the import name where the producer's export name has its qualifier)
//                     accepts what the qualifier accepts (same Type, AllowedPattern and lengths;
//                     AllowedValues among the qualifier's) and defaults to the qualifier's default,
//                     so that the consumer's defaults select the producer's default copy;
//   feature           the switches of one feature (stacks::features) default alike: a feature on by
//                     default in one stack and off in another deploys half of it.
// The names shared by the listener switches of 3-2 and the services that register with their
// target groups (UDPEnabled, ...) fall under shared-parameter: a target group registered while its
// listener's switch is off shows as a different default.

#include <vector>

#include "ttsgen/check/contracts.hpp"
#include "ttsgen/check/finding.hpp"
#include "ttsgen/check/template_set.hpp"

namespace ttsgen::check {

// `contracts[i]` are the contracts of set.templates[i] (nullptr for a template that did not parse).
std::vector<Finding> check_parameter_contract(const TemplateSet& set, const std::vector<const Contracts*>& contracts);

}  // namespace ttsgen::check
