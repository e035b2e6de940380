#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

namespace {
std::string configuration(const cfn::Template& t) {
  std::string text;
  test::walk(*property(*t.find_resource("PrometheusConfiguration"), "Value"), [&](const Value& v) {
    if (v.is_string()) text += v.text();
  });
  return text;
}
}  // namespace

TEST_CASE("5-x-ecs-monitoring: the documented parameters", "[stacks][monitoring]") {
  auto model = stacks::build_monitoring("3.35.2"_v);
  const auto& t = model.tmpl;
  for (const char* id : {"PrometheusPassword", "UseLongTermStorage", "ProbeHTTP", "AlertmanagerURL", "IncludeIdentityServer",
                         "IncludeIdentityServerProxy", "IncludeNetworkOperationsCenter", "PrometheusRuntimePlatform",
                         "PrometheusCPU", "PrometheusMemory"}) {
    INFO(id);
    CHECK(test::has_parameter(t, id));
  }
  CHECK(t.find_parameter("PrometheusPassword")->is_no_echo());
  CHECK(*t.find_parameter("UseLongTermStorage")->default_value() == Value("false"));
  CHECK(*t.find_parameter("IncludeIdentityServer")->default_value() == Value("true"));
  CHECK(*t.find_parameter("IncludeIdentityServerProxy")->default_value() == Value("true"));
  CHECK(*t.find_parameter("PrometheusCPU")->default_value() == Value("1024"));
  CHECK(*t.find_parameter("PrometheusMemory")->default_value() == Value("2048"));
  // The custom password goes into a secret, never into the task definition.
  REQUIRE(t.find_resource("PrometheusPasswordSecret"));
  CHECK(t.find_resource("PrometheusPasswordSecret")->condition_id() == "HasPrometheusPassword");
  // Data on EFS, encrypted, mounted over TLS.
  CHECK(*property(*t.find_resource("PrometheusFileSystem"), "Encrypted") == Value(true));
  CHECK(t.find_resource("LongTermStorageBucket")->condition_id() == "UseLongTermStorageCondition");
  CHECK(test::container(t, "PrometheusTaskDefinition", "thanos") != nullptr);
  test::check_ecs_baseline(t);
}

TEST_CASE("5-x-ecs-monitoring: scrapes the UDP Gateway Server until 3.25.2", "[stacks][monitoring]") {
  CHECK(configuration(stacks::build_monitoring("3.25.2"_v).tmpl).find("udp-gateway-server") != std::string::npos);
  CHECK(configuration(stacks::build_monitoring("3.26.0"_v).tmpl).find("udp-gateway-server") == std::string::npos);
  std::string config = configuration(stacks::build_monitoring("3.35.2"_v).tmpl);
  CHECK(config.find("job_name: gateway-server") != std::string::npos);
  CHECK(config.find("job_name: node") != std::string::npos);
  CHECK(config.find("password_file") != std::string::npos);
}
