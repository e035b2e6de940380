#include <catch2/catch.hpp>

#include <algorithm>

#include "ecs_test_helpers.hpp"
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/exports/ecs.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("5-x-ecs-certbot-scheduled-task runs the certbot task of one certificate stack", "[stacks][certbot-scheduled-task]") {
  auto model = stacks::build_certbot_scheduled_task("3.35.2"_v);
  const auto& t = model.tmpl;
  const auto* rule = t.find_resource("CertbotSchedule");
  REQUIRE(rule);
  const Value& target = property(*rule, "Targets")->items()[0];
  CHECK(*target.find("RoleArn") == cfn::get_att(*t.find_resource("RuleRole"), "Arn"));
  // Production fix: the family (stable across 5-8a updates), not a revision.
  CHECK(target.find("EcsParameters")->find("TaskDefinitionArn")->argument().argument().text() ==
        "${NetworkName}-${Environment}-${Cluster}-certbot-${CertificateID}-CertbotTaskDefinitionFamilyArn");
  CHECK(*t.find_parameter("ScheduleExpression")->default_value() == Value("rate(2 days)"));
  bool imports_family = false, imports_revision = false;
  for (const auto* e : model.imports) {
    imports_family = imports_family || e == &exports::ecs::certbot_task_definition_family_arn;
    imports_revision = imports_revision || e == &exports::ecs::certbot_task_definition_arn;
  }
  CHECK(imports_family);
  CHECK_FALSE(imports_revision);
  // Released before the fixes: the revision ARN.
  auto published = stacks::build_certbot_scheduled_task("3.35.1"_v);
  CHECK(std::find(published.imports.begin(), published.imports.end(), &exports::ecs::certbot_task_definition_arn) !=
        published.imports.end());
  test::check_ecs_baseline(t);
}
