#include <catch2/catch.hpp>

#include "config_test_helpers.hpp"
#include "stack_test_helpers.hpp"
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/configuration.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("4-2c holds Application Server connection limits, most specific profile first", "[stacks][resource-limiting]") {
  auto model = stacks::build_resource_limiting("3.35.2"_v);
  const auto& t = model.tmpl;
  auto values = test::parameter_values(t, {{"NetworkName", "ttich"}, {"Environment", "prod"}, {"Cluster", "eu1"}});
  const auto* r = t.find_resource("ResourceLimitingConfiguration");
  REQUIRE(r);
  Value doc = render::parse_yaml(test::resolve(t, *property(*r, "Value"), values));
  const Value& profiles = *doc.find("resource-limiting")->find("profiles");
  REQUIRE(profiles.size() == 3);
  CHECK(profiles.items()[0].find("associations")->items()[0] == Value("as:conn:frontend:mqtt"));
  CHECK(profiles.items()[2].find("associations")->items()[0] == Value("as:conn"));
  CHECK(*profiles.items()[0].find("max-concurrent") == Value(10));
  CHECK(test::size_bound(t, *property(*r, "Value")) <= stacks::config::kStandardTierLimit);
  REQUIRE(model.exports.size() == 1);
  CHECK(model.exports[0] == &exports::configuration::resource_limiting);
  for (const auto& p : t.parameters()) {
    CHECK_FALSE(p.group().empty());
    CHECK_FALSE(p.label().empty());
  }
}

TEST_CASE("4-2c is the same in every supported release (no changelog entry after 3.15.0)", "[stacks][resource-limiting]") {
  CHECK(test::changed_releases(stacks::build_resource_limiting).empty());
}
