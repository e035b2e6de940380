#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "ttsgen/profile/profile.hpp"
#include "ttsgen/stacks/features.hpp"
#include "ttsgen/stacks/registry.hpp"

using namespace ttsgen;
using catalog::operator""_v;

namespace {

const std::string kMinimal = "network: acme\nenvironment: prod\ncluster: eu1\ndomain: lns.example.com\n";

std::string error_of(const std::string& text) {
  try {
    profile::read_profile(text, "p.yaml");
  } catch (const profile::ProfileError& e) {
    return e.what();
  }
  return "";
}

const profile::StackParameters* file_of(const std::vector<profile::StackParameters>& files, std::string_view name) {
  for (const auto& f : files)
    if (f.file_name == name) return &f;
  return nullptr;
}

std::optional<std::string> value_of(const profile::StackParameters& f, std::string_view key) {
  for (const auto& v : f.values)
    if (v.key == key) return v.value;
  return std::nullopt;
}

}  // namespace

TEST_CASE("a minimal profile reads with the newest release and the primary role", "[profile]") {
  auto p = profile::read_profile(kMinimal, "p.yaml");
  CHECK(p.network == "acme");
  CHECK(p.release == catalog::newest_release());
  CHECK(p.role == catalog::ClusterRole::Primary);
}

TEST_CASE("bad profiles are refused naming the key, stack, parameter and valid values", "[profile]") {
  CHECK_THAT(error_of(kMinimal + "relase: 3.35.2\n"),
             Catch::Contains("relase: unknown key (did you mean 'release'?)"));
  CHECK_THAT(error_of(kMinimal + "features:\n  redis-tsl: true\n"),
             Catch::Contains("features.redis-tsl: unknown key (did you mean 'redis-tls'?)"));
  CHECK_THAT(error_of(kMinimal + "features:\n  noc: yes\n"), Catch::Contains("features.noc: 'yes' is not one of true, false"));
  CHECK_THAT(error_of(kMinimal + "role: tertiary\n"), Catch::Contains("role: 'tertiary' is not one of primary, secondary"));
  CHECK_THAT(error_of(kMinimal + "release: 3.1.0\n"), Catch::Contains("release: '3.1.0' is not a supported release"));
  CHECK_THAT(error_of("network: acme\nenvironment: prod\ncluster: eu1\n"), Catch::Contains("domain: missing"));
  CHECK_THAT(error_of("network: Acme\nenvironment: prod\ncluster: eu1\ndomain: lns.example.com\n"),
             Catch::Contains("network: 'Acme' does not match"));
  CHECK_THAT(error_of("network: acme\nenvironment: test\ncluster: eu1\ndomain: lns.example.com\n"),
             Catch::Contains("environment: 'test' is not one of prod, staging (parameter Environment)"));
  CHECK_THAT(error_of(kMinimal + "parameters:\n  vpc:\n    LoadBalancerAccessLogingEnabled: \"true\"\n"),
             Catch::Contains("parameters.vpc.LoadBalancerAccessLogingEnabled: stack 1-1-vpc has no parameter "
                             "LoadBalancerAccessLogingEnabled (did you mean 'LoadBalancerAccessLoggingEnabled'?)"));
  CHECK_THAT(error_of(kMinimal + "parameters:\n  vpc:\n    LoadBalancerAccessLoggingEnabled: \"maybe\"\n"),
             Catch::Contains("parameters.vpc.LoadBalancerAccessLoggingEnabled: stack 1-1-vpc, parameter "
                             "LoadBalancerAccessLoggingEnabled: 'maybe' is not one of"));
  CHECK_THAT(error_of(kMinimal + "parameters:\n  vpx: {}\n"), Catch::Contains("parameters.vpx: unknown key (did you mean 'vpc'?)"));
  CHECK_THAT(error_of(kMinimal + "parameters:\n  secrets:\n    LicenseKeyValue: abc\n"),
             Catch::Contains("is a secret (NoEcho)"));
  CHECK_THAT(error_of(kMinimal + "instances:\n  redis: [general, Cache]\n"),
             Catch::Contains("instances.redis[1]: stack 2-3-db-redis, parameter Purpose: 'Cache' is not one of"));
  CHECK_THAT(error_of(kMinimal + "instances:\n  redis: [general, general]\n"), Catch::Contains("listed twice"));
  CHECK_THAT(error_of(kMinimal + "features: [noc]\n"), Catch::Contains("features: expected a map"));
}

TEST_CASE("every instance stack's qualifier is a parameter of its template", "[profile]") {
  auto built = stacks::build_release(catalog::newest_release());
  for (const auto& is : profile::instance_stacks()) {
    INFO(is.key);
    bool found = false;
    for (const auto& b : built)
      if (b.stack->key == is.key) found = b.model.tmpl.find_parameter(is.qualifier) != nullptr;
    CHECK(found);
  }
}

TEST_CASE("the profile schema follows the model: every feature, instance stack and stack key", "[profile]") {
  auto schema = nlohmann::json::parse(profile::profile_schema());
  CHECK(schema["additionalProperties"] == false);
  CHECK(schema["required"] == nlohmann::json({"network", "environment", "cluster", "domain"}));
  CHECK(schema["properties"]["features"]["properties"].size() == stacks::features().size());
  CHECK(schema["properties"]["instances"]["properties"].size() == profile::instance_stacks().size());
  CHECK(schema["properties"]["parameters"]["properties"].size() == stacks::all_stacks().size());
  CHECK(schema["properties"]["environment"]["enum"] == nlohmann::json({"prod", "staging"}));
}

TEST_CASE("init writes a profile that reads back and gives every enabled stack its parameters", "[profile]") {
  profile::InitOptions o{.network = "acme", .environment = "prod", .cluster = "eu1", .domain = "lns.example.com"};
  std::string text = profile::init_profile(o);
  auto p = profile::read_profile(text, "init");
  CHECK(p.instances.at("redis") == std::vector<std::string>{"general", "cache", "events"});
  auto files = profile::stack_parameters(p, {});
  REQUIRE(file_of(files, "2-3-db-redis-events.parameters.json"));
  CHECK(value_of(*file_of(files, "2-3-db-redis-events.parameters.json"), "Purpose") == "events");
  CHECK(value_of(*file_of(files, "1-1-vpc.parameters.json"), "NetworkName") == "acme");
  CHECK(value_of(*file_of(files, "4-2a-configuration.parameters.json"), "Domain") == "lns.example.com");
  // Optional stacks stay out until a feature or an instance list asks for them.
  CHECK_FALSE(file_of(files, "1-2-bastion.parameters.json"));
  // A secret without a value keeps the previous one.
  const auto* secrets = file_of(files, "4-1-secrets.parameters.json");
  REQUIRE(secrets);
  CHECK_FALSE(secrets->has_secrets());
  CHECK(profile::parameters_json(*secrets).find("\"UsePreviousValue\": true") != std::string::npos);

  o.role = catalog::ClusterRole::Secondary;
  auto secondary = profile::stack_parameters(profile::read_profile(profile::init_profile(o), "init"), {});
  CHECK_FALSE(file_of(secondary, "2-1-db-aurora-master.parameters.json"));
}

TEST_CASE("params: features switch their parameters, secrets and overrides are checked", "[profile]") {
  auto p = profile::read_profile(kMinimal + "features:\n  noc: true\n  redis-tls: false\n"
                                            "parameters:\n  vpc:\n    LoadBalancerAccessLoggingEnabled: \"true\"\n"
                                            "  ecs-cluster:\n    KeyName: acme\n  timescale:\n    KeyName: acme\n"
                                            "  configuration:\n    IdentityServerDomain: lns.example.com\n    ClusterID: eu1\n"
                                            "  secrets:\n    DeviceClaimingOAuthClientIDValue: device-claiming\n    ConsoleOAuthClientIDValue: console\n"
                                            "    NOCOAuthClientIDValue: noc\n    SMTPAddress: \"\"\n    SMTPUsername: \"\"\n"
                                            "    PacketBrokerAPIKeyIDValue: \"\"\n    TTGCCustomCertificate: \"\"\n",
                                 "p.yaml");
  auto files = profile::stack_parameters(p, {{"LicenseKeyValue", "dGVzdA=="}});
  CHECK(value_of(*file_of(files, "1-1-vpc.parameters.json"), "LoadBalancerAccessLoggingEnabled") == "true");
  CHECK(value_of(*file_of(files, "2-3-db-redis-general.parameters.json"), "RedisTLS") == "false");
  // The NOC needs a TimescaleDB deployment: one copy with the template's default name.
  CHECK(file_of(files, "2-5-db-timescale-master-default.parameters.json"));
  CHECK(file_of(files, "4-1-secrets.parameters.json")->has_secrets());
  CHECK(value_of(*file_of(files, "4-1-secrets.parameters.json"), "LicenseKeyValue") == "dGVzdA==");

  // Seeded fault: a secret outside its pattern is refused without echoing it.
  try {
    profile::stack_parameters(p, {{"LicenseKeyValue", "not base64!"}});
    FAIL("accepted a bad secret");
  } catch (const profile::ProfileError& e) {
    CHECK_THAT(e.what(), Catch::Contains("parameter LicenseKeyValue"));
    CHECK_THAT(e.what(), !Catch::Contains("not base64!"));
  }
}

TEST_CASE("constraint checks: allowed values, pattern, lengths, numbers", "[profile]") {
  cfn::Parameter n("N", "Number");
  n.min_value(1).max_value(3);
  CHECK(profile::constraint_violation(n, "2") == std::nullopt);
  CHECK(profile::constraint_violation(n, "4"));
  CHECK(profile::constraint_violation(n, "x"));
  cfn::Parameter s("S", "String");
  s.allowed_pattern("^[a-z]+$").max_length(4);
  CHECK(profile::constraint_violation(s, "abc") == std::nullopt);
  CHECK(profile::constraint_violation(s, "abcde"));
  CHECK(profile::constraint_violation(s, "ab1"));
}

TEST_CASE("template URLs join bucket, prefix and file", "[profile]") {
  profile::Profile p;
  p.templates_bucket = "b";
  p.templates_prefix = "ttsgen/3.35.2/";
  CHECK(profile::template_url(p, "1-1-vpc.gen.template") == "https://b.s3.amazonaws.com/ttsgen/3.35.2/1-1-vpc.gen.template");
}
