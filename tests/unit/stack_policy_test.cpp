// The stack policies rendered beside the templates (stacks/stack_policy.hpp).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "ttsgen/catalog/production.hpp"
#include "ttsgen/stacks/release_set.hpp"
#include "ttsgen/stacks/stack_policy.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;

TEST_CASE("a stateful stack's policy denies replacing or deleting its data stores only", "[stack-policy]") {
  auto doc = stacks::build_aurora_master(catalog::kProductionFixes).tmpl.to_value();
  auto policy = nlohmann::json::parse(stacks::stack_policy(catalog::kProductionFixes, doc));
  REQUIRE(policy["Statement"].size() == 2);
  CHECK(policy["Statement"][0]["Effect"] == "Allow");
  CHECK(policy["Statement"][0]["Action"] == "Update:*");
  const auto& deny = policy["Statement"][1];
  CHECK(deny["Effect"] == "Deny");
  CHECK(deny["Action"] == nlohmann::json::array({"Update:Replace", "Update:Delete"}));
  // The cluster and its generated credentials; the writer instance holds no data of its own.
  CHECK(deny["Resource"] == nlohmann::json::array({"LogicalResourceId/AuroraCredentials", "LogicalResourceId/AuroraCluster"}));
}

TEST_CASE("stack policies exist from the production fixes on, for stacks with data only", "[stack-policy]") {
  auto with = [](const catalog::Version& v) {
    std::vector<std::string> names;
    for (const auto& r : stacks::render_release(v, render::Format::Yaml))
      if (!r.stack_policy.empty()) names.push_back(r.name);
    return names;
  };
  CHECK(with("3.35.1"_v).empty());
  auto names = with(catalog::kProductionFixes);
  CHECK(std::find(names.begin(), names.end(), "4-1-secrets") != names.end());
  CHECK(std::find(names.begin(), names.end(), "2-7-queue-sqs") != names.end());
  CHECK(std::find(names.begin(), names.end(), "1-3-opsgenie") == names.end());
  CHECK(std::find(names.begin(), names.end(), "2-2-db-aurora-replica") == names.end());
  CHECK(std::find(names.begin(), names.end(), "5-4-ecs-services") == names.end());
}
