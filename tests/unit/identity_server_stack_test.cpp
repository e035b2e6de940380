#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("5-3a-ecs-is-service: InteropEnabledIS is a boolean and registers only when the load balancer terminates", "[stacks][identity-server]") {
  auto model = stacks::build_identity_server("3.24.0"_v);
  const auto& t = model.tmpl;
  REQUIRE(test::has_parameter(t, "InteropEnabledIS"));
  CHECK(t.find_parameter("InteropEnabledIS")->allowed_values() == std::vector<std::string>{"true", "false"});
  const Value& lb = property(*t.find_resource("IdentityServerService"), "LoadBalancers")->items()[0];
  REQUIRE(lb.is_function("Fn::If"));
  CHECK(lb.argument().items()[0] == Value("InteropOnLoadBalancer"));
  CHECK(*test::unwrap_if(lb).find("ContainerPort") == Value(1886));
  CHECK(test::has_parameter(t, "UseCertificateAuthorityARN"));
  CHECK(test::has_parameter(t, "ExternalIdentityServer"));
  test::check_ecs_baseline(t);
}

TEST_CASE("5-3a-ecs-is-service: reads its database, pictures and secrets; no task with an external IS", "[stacks][identity-server]") {
  auto model = stacks::build_identity_server("3.35.2"_v);
  const auto& t = model.tmpl;
  const Value* is = test::container(t, "IdentityServerTaskDefinition", "is");
  REQUIRE(is);
  auto secrets = test::entry_names(*is, "Secrets");
  for (const char* name : {"TTS_IS_DATABASE_USERNAME", "TTS_IS_DATABASE_PASSWORD", "TTS_CONFIG_IS", "TTN_LW_IS_EMAIL_PROVIDER",
                           "TTN_LW_IS_EMAIL_SENDGRID_API_KEY", "TTN_LW_HTTP_COOKIE_HASH_KEY",
                           "TTS_CONFIG_RATE_LIMITING"}) {
    INFO(name);
    CHECK(test::has(secrets, name));
  }
  CHECK(*property(*t.find_resource("IdentityServerService"), "DesiredCount") ==
        cfn::if_(*t.find_condition("ExternalIdentityServerCondition"), 0, Value::function("Ref", "IdentityServerDesiredCount")));
  CHECK(test::has_parameter(t, "GOGCValue"));
  CHECK_FALSE(test::has_parameter(stacks::build_identity_server("3.26.1"_v).tmpl, "GOGCValue"));
}
