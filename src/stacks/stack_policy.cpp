#include "ttsgen/stacks/stack_policy.hpp"

#include <nlohmann/json.hpp>

#include "ttsgen/catalog/production.hpp"
#include "ttsgen/cfn/stateful.hpp"

namespace ttsgen::stacks {

std::string stack_policy_file_name(const std::string& stack_name) { return stack_name + ".stack-policy.json"; }

std::string stack_policy(const catalog::Version& release, const cfn::Value& document) {
  if (!catalog::has_production_fixes(release)) return "";
  const cfn::Value* resources = document.is_map() ? document.find("Resources") : nullptr;
  if (!resources || !resources->is_map()) return "";
  nlohmann::ordered_json protected_ids = nlohmann::ordered_json::array();
  for (const auto& r : resources->entries()) {
    const cfn::Value* type = r.value.is_map() ? r.value.find("Type") : nullptr;
    if (type && type->is_string() && cfn::stateful_type(type->text()) && !cfn::is_cluster_member(r.value))
      protected_ids.push_back("LogicalResourceId/" + r.key);
  }
  if (protected_ids.empty()) return "";
  nlohmann::ordered_json policy;
  policy["Statement"] = nlohmann::ordered_json::array(
      {{{"Effect", "Allow"}, {"Action", "Update:*"}, {"Principal", "*"}, {"Resource", "*"}},
       {{"Effect", "Deny"},
        {"Action", nlohmann::ordered_json::array({"Update:Replace", "Update:Delete"})},
        {"Principal", "*"},
        {"Resource", protected_ids}}});
  return policy.dump(2) + "\n";
}

}  // namespace ttsgen::stacks
