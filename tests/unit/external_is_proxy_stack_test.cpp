#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("5-3b-ecs-external-is-proxy: proxy tasks registered as is-proxy, forwarding to the IS domain", "[stacks][external-is-proxy]") {
  auto model = stacks::build_external_is_proxy("3.35.2"_v);
  const auto& t = model.tmpl;
  CHECK(*property(*t.find_resource("ISProxyDiscovery"), "Name") == Value("is-proxy"));
  CHECK(t.find_parameter("ISProxyImage")->default_value()->text() == "docker.io/thethingsindustries/lorawan-stack:3.35.2-aws-proxy");
  CHECK(test::has(test::entry_names(*test::container(t, "ISProxyTaskDefinition", "is-proxy"), "Environment"),
                  "IDENTITY_SERVER_DOMAIN"));
  // Not a The Things Stack binary: no GOGC, no Redis.
  CHECK_FALSE(test::has_parameter(t, "GOGCValue"));
  CHECK_FALSE(test::has_parameter(t, "GeneralRedisCluster"));
  CHECK(test::has_parameter(t, "ISProxyCPU"));
  test::check_ecs_baseline(t);
}
