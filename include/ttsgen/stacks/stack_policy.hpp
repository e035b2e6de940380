#pragma once
// The stack policy of a stateful stack (docs/decisions-production.md): rendered beside its
// template as <name>.stack-policy.json, listed in manifest.json, applied by the operator with
// `aws cloudformation set-stack-policy`. It allows every update except replacing or deleting a
// resource that holds data (cfn/stateful.hpp): such an update then needs an explicit, temporary
// override policy (--stack-policy-during-update-body), never an accident.

#include <string>

#include "ttsgen/catalog/version.hpp"
#include "ttsgen/cfn/value.hpp"

namespace ttsgen::stacks {

// The policy JSON for a template document, or "" when the template has no data-holding resource
// or the release predates the production fixes (catalog/production.hpp).
std::string stack_policy(const catalog::Version& release, const cfn::Value& document);

// "2-1-db-aurora-master.stack-policy.json"
std::string stack_policy_file_name(const std::string& stack_name);

}  // namespace ttsgen::stacks
