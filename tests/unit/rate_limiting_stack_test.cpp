#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "config_test_helpers.hpp"
#include "stack_test_helpers.hpp"
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/configuration.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::Lifetime;
using test::property;
using test::Value;

namespace {

const test::Parameters kRequired{{"NetworkName", "ttich"}, {"Environment", "prod"}, {"Cluster", "eu1"}};

// The service switches and their releases (docs: ecs/deployment, ecs/changelog: UDP GS rate limiting deprecated and
// NOC rate limiting added in 3.26.0).
const std::vector<Lifetime> kFlags{
    {"EnableISRateLimiting", "3.13.0"},      {"EnableGSRateLimiting", "3.13.0"},
    {"EnableUDPGSRateLimiting", "3.13.0", "3.26.0"}, {"EnableGCSRateLimiting", "3.13.0"},
    {"EnableASRateLimiting", "3.13.0"},      {"EnableNOCRateLimiting", "3.26.0"},
};

// Rate-limiting classes (Appendix B) and the releases whose document has them.
const std::vector<Lifetime> kClasses{
    {"gs:up", "3.13.0"},
    {"gs:up:udp", "3.13.0"},
    {"http:oauth", "3.28.2"},                                   // 3.28.2: + OAuth server
    {"http:account", "3.28.2"},                                 // 3.28.2: + Account app
    {"http:as:io:packages:azure:iotcentral", "3.28.2"},         // 3.28.2: + Azure overrides
    {"grpc:stream:accept:/ttn.lorawan.v3.Events/Stream", "3.28.1"},  // 3.28.1: + Console events
    {"http:noc", "3.26.0"},                                     // 3.26.0: + NOC
    // 3.32.0: fixed profile for ApplicationUpStorage.
    {"grpc:method:/ttn.lorawan.v3.ApplicationUpStorage/GetStoredApplicationUp", "3.13.0", "3.32.0"},
    {"grpc:stream:accept:/ttn.lorawan.v3.ApplicationUpStorage/GetStoredApplicationUp", "3.32.0"},
};

std::vector<std::string> associations(const Value& doc) {
  std::vector<std::string> all;
  for (const auto& profile : doc.find("rate-limiting")->find("profiles")->items())
    for (const auto& c : profile.find("associations")->items()) all.push_back(c.text());
  return all;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("4-2b has its service switches and profiles in exactly their releases", "[stacks][rate-limiting]") {
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_rate_limiting(v);
    const auto& t = model.tmpl;
    for (const auto& f : kFlags) {
      INFO(v.str() + " " + f.name);
      CHECK(test::has_parameter(t, f.name) == f.exists_in(v));
    }
    auto values = test::parameter_values(t, kRequired);
    Value doc = render::parse_yaml(test::resolve(t, *property(*t.find_resource("RateLimitingConfiguration"), "Value"), values));
    auto classes = associations(doc);
    for (const auto& c : kClasses) {
      INFO(v.str() + " " + c.name);
      CHECK(has(classes, c.name) == c.exists_in(v));
    }
    CHECK(doc.find("rate-limiting")->find("provider")->text() == "memory");
    for (const auto& p : t.parameters()) {
      INFO(p.id());
      CHECK_FALSE(p.group().empty());
      CHECK_FALSE(p.label().empty());
    }
  }
}

TEST_CASE("4-2b drops a service's profiles when its switch is off, keeping the general ones", "[stacks][rate-limiting]") {
  auto model = stacks::build_rate_limiting("3.35.2"_v);
  const auto& t = model.tmpl;
  test::Parameters given = kRequired;
  for (const char* flag : {"EnableISRateLimiting", "EnableGSRateLimiting", "EnableGCSRateLimiting", "EnableASRateLimiting",
                           "EnableNOCRateLimiting"})
    given[flag] = "false";
  auto values = test::parameter_values(t, given);
  Value doc = render::parse_yaml(test::resolve(t, *property(*t.find_resource("RateLimitingConfiguration"), "Value"), values));
  auto classes = associations(doc);
  CHECK(has(classes, "grpc:method"));
  CHECK(has(classes, "http"));
  CHECK_FALSE(has(classes, "gs:up"));
  CHECK_FALSE(has(classes, "as:down:mqtt"));
  CHECK_FALSE(has(classes, "http:noc"));

  given["EnableGSRateLimiting"] = "true";
  given["GatewayUplinkRateLimit"] = "1000";
  values = test::parameter_values(t, given);
  doc = render::parse_yaml(test::resolve(t, *property(*t.find_resource("RateLimitingConfiguration"), "Value"), values));
  bool found = false;
  for (const auto& profile : doc.find("rate-limiting")->find("profiles")->items())
    if (profile.find("name")->text() == "Gateway uplink") {
      found = true;
      CHECK(*profile.find("max-per-min") == Value(1000));
    }
  CHECK(found);
}

TEST_CASE("4-2b's document fits its tier and is exported", "[stacks][rate-limiting]") {
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_rate_limiting(v);
    const auto* r = model.tmpl.find_resource("RateLimitingConfiguration");
    REQUIRE(r);
    INFO(v.str());
    std::size_t bound = test::size_bound(model.tmpl, *property(*r, "Value"));
    CHECK(bound <= stacks::config::kStandardTierLimit);
    CHECK(*property(*r, "Tier") == Value("Standard"));
    CHECK(property(*r, "Name")->argument().text() == "/${NetworkName}/${Environment}/${Cluster}/config/rate-limiting");
    REQUIRE(model.exports.size() == 1);
    CHECK(model.exports[0] == &exports::configuration::rate_limiting);
  }
}

TEST_CASE("4-2b changes only where the changelog says", "[stacks][rate-limiting]") {
  // 3.26.0: UDP GS rate limiting deprecated, + NOC; 3.28.1: + Console events; 3.28.2: + OAuth
  // server, Account app, Azure overrides; 3.32.0: fixed ApplicationUpStorage profile.
  CHECK(test::changed_releases(stacks::build_rate_limiting) == std::set<std::string>{"3.26.0", "3.28.1", "3.28.2", "3.32.0"});
}
