// The shared-parameter catalog and the features: every stack takes a shared parameter exactly as
// the catalog declares it, selectors agree with their producer, and the features drive the stack
// parameters the public guide names.
#include <catch2/catch.hpp>

#include <algorithm>

#include "ttsgen/catalog/version.hpp"
#include "ttsgen/docs/features.hpp"
#include "ttsgen/stacks/features.hpp"
#include "ttsgen/stacks/release_set.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"

using namespace ttsgen;
using namespace ttsgen::stacks;
using ttsgen::catalog::operator""_v;

TEST_CASE("every template of every release takes a shared parameter as the catalog declares it", "[shared-parameters]") {
  std::size_t taken = 0;
  for (const auto& v : catalog::supported_releases()) {
    for (const auto& built : build_release(v)) {
      for (const SharedParameter* p : shared_parameters()) {
        const cfn::Parameter* x = built.model.tmpl.find_parameter(p->id);
        if (!x) continue;
        // DeploymentName is the qualifier in 2-5 and the replica's selector in 2-6.
        if (p == &shared::timescale_replica_deployment_name() || p == &shared::timescale_deployment_name())
          if ((built.name == "2-6-db-timescale-replica") != (p == &shared::timescale_replica_deployment_name())) continue;
        INFO(v.str() << " " << built.name << " " << p->id);
        CHECK(v >= p->since);
        CHECK(x->type() == p->type);
        CHECK(x->description() == p->description);
        CHECK((x->default_value() ? std::optional<std::string>(x->default_value()->text()) : std::nullopt) == p->default_value);
        CHECK(x->allowed_values() == p->allowed_values);
        CHECK(x->allowed_pattern() == p->allowed_pattern);
        CHECK(x->max_length() == p->max_length);
        CHECK(x->label() == p->label);
        CHECK(x->group() == p->group);
        ++taken;
      }
    }
  }
  CHECK(taken > 100);
}

TEST_CASE("a selector takes its producer's pattern and default", "[shared-parameters]") {
  const SharedParameter& producer = shared::timescale_deployment_name();
  for (const SharedParameter* s : {&shared::storage_timescale_deployment_name(), &shared::noc_timescale_deployment_name(),
                                   &shared::timescale_replica_deployment_name()}) {
    CHECK(s->allowed_pattern == producer.allowed_pattern);
    CHECK(s->default_value == producer.default_value);
    CHECK(s->max_length == producer.max_length);
  }
  for (const SharedParameter* p : shared_parameters())
    if (p->default_value && !p->allowed_values.empty())
      CHECK(std::find(p->allowed_values.begin(), p->allowed_values.end(), *p->default_value) != p->allowed_values.end());
}

namespace {
bool sets(const std::vector<FeatureSetting>& settings, const std::string& stack, const std::string& parameter) {
  return std::any_of(settings.begin(), settings.end(),
                     [&](const FeatureSetting& s) { return s.stack == stack && s.parameter == parameter; });
}
}  // namespace

TEST_CASE("interop and TTGP drive every stack parameter they need", "[shared-parameters][features]") {
  auto built = build_release("3.35.2"_v);
  auto interop = feature_settings(*find_feature("interop"), built);
  CHECK(sets(interop, "3-1-security-group-rules", "InteropIngressEnabled"));
  CHECK(sets(interop, "3-2-load-balancer-rules", "InteropEnabled"));
  CHECK(sets(interop, "5-3a-ecs-is-service", "InteropEnabledIS"));
  CHECK(sets(interop, "5-3a-ecs-is-service", "SupportProxyTLS"));  // through the feature it needs (proxy TLS)
  CHECK(sets(interop, "5-7-ecs-proxy", "InteropEnabled"));
  auto ttgp = feature_settings(*find_feature("ttgp"), built);
  CHECK(sets(ttgp, "3-1-security-group-rules", "TTGPIngressEnabled"));
  CHECK(sets(ttgp, "3-2-load-balancer-rules", "TTGPEnabled"));
  CHECK(sets(ttgp, "5-7-ecs-proxy", "TTGPEnabled"));
  CHECK(sets(ttgp, "5-7-ecs-proxy", "SupportProxyTLS"));
  // TTGP came with 3.32.0: before, only the proxy TLS it needs has settings.
  auto before = feature_settings(*find_feature("ttgp"), build_release("3.30.0"_v));
  CHECK(!before.empty());
  for (const auto& s : before) CHECK(s.parameter == "SupportProxyTLS");
}

TEST_CASE("the features page lists every feature, per release range", "[shared-parameters][features][docs]") {
  std::string page = docs::features_page();
  for (const auto& f : features()) CHECK(page.find("## " + std::string(f.title).substr(0, 10)) != std::string::npos);
  CHECK(page.find("| `5-3a-ecs-is-service` | `InteropEnabledIS` | `true` |") != std::string::npos);
  CHECK(page.find(std::to_string(docs::feature_table_size()) + " stack parameters in 3.35.2") != std::string::npos);
}
