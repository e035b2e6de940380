#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("5-5-tenant-resource-monitoring first appears in 3.30.0", "[stacks][tenant-resource-monitoring]") {
  const auto* trm = stacks::find_stack("tenant-resource-monitoring");
  REQUIRE(trm);
  CHECK_FALSE(trm->exists_in("3.29.2"_v));
  CHECK(trm->exists_in("3.30.0"_v));
  CHECK(trm->name_at("3.35.2"_v) == "5-5-tenant-resource-monitoring");
}

TEST_CASE("5-5-tenant-resource-monitoring: Prometheus and Alertmanager, passwords only in secrets", "[stacks][tenant-resource-monitoring]") {
  auto model = stacks::build_tenant_resource_monitoring("3.35.2"_v);
  const auto& t = model.tmpl;
  REQUIRE(test::has_parameter(t, "AlertmanagerPassword"));
  CHECK(t.find_parameter("AlertmanagerPassword")->is_no_echo());
  // Optional (docs: ecs/deployment, "can configure a custom AlertmanagerPassword"): empty generates one.
  REQUIRE(t.find_parameter("AlertmanagerPassword")->default_value().has_value());
  CHECK(*t.find_parameter("AlertmanagerPassword")->default_value() == Value(""));
  const auto* secret = t.find_resource("AlertmanagerPasswordSecret");
  REQUIRE(secret);
  CHECK(test::property(*secret, "SecretString")->is_function("Fn::If"));
  CHECK(test::property(*secret, "GenerateSecretString")->is_function("Fn::If"));
  const Value* alertmanager = test::container(t, "TenantResourcePrometheusTaskDefinition", "alertmanager");
  REQUIRE(alertmanager);
  CHECK(test::has(test::entry_names(*alertmanager, "Secrets"), "ALERTMANAGER_PASSWORD"));
  CHECK(test::has(test::entry_names(*test::container(t, "TenantResourcePrometheusTaskDefinition", "trm"), "Secrets"),
                  "PROMETHEUS_PASSWORD"));
  // The Alert Routing Server's queue is imported only when alert routing is on.
  CHECK(test::entry_names(*alertmanager, "Environment").count("ALERT_ROUTING_QUEUE_URL") == 1);
  CHECK(alertmanager->find("Environment")->items()[0].is_function("Fn::If"));
  for (const auto& o : t.outputs()) CHECK(o.value() != Value::function("Ref", "AlertmanagerPassword"));
  test::check_ecs_baseline(t);
}
