#include <catch2/catch.hpp>

#include "stack_test_helpers.hpp"
#include "ttsgen/exports/opsgenie.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("1-3-opsgenie forwards the alarm topic to Opsgenie over HTTPS", "[stacks][opsgenie]") {
  auto model = stacks::build_opsgenie("3.35.2"_v);
  const auto& t = model.tmpl;
  REQUIRE(t.find_parameter("OpsgenieAPIKey"));
  CHECK(t.find_parameter("OpsgenieAPIKey")->is_no_echo());
  CHECK_FALSE(t.find_parameter("OpsgenieAPIKey")->default_value().has_value());
  const auto* subscription = t.find_resource("OpsgenieSubscription");
  REQUIRE(subscription);
  CHECK(*property(*subscription, "Protocol") == Value("https"));
  CHECK(property(*subscription, "Endpoint")->argument().text().rfind("https://${OpsgenieAPIHost}/", 0) == 0);
  CHECK(model.exports == std::vector<const catalog::Export*>{&exports::opsgenie::alarm_topic_arn});
  // The API key never appears in an output.
  for (const auto& o : t.outputs()) CHECK(o.value() != Value::function("Ref", "OpsgenieAPIKey"));
}
