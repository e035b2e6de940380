#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

namespace {
std::vector<std::pair<std::string, std::string>> registrations(const cfn::Template& t) {
  std::vector<std::pair<std::string, std::string>> out;  // target group key, condition ("" if none)
  for (const auto& lb : property(*t.find_resource("ProxyService"), "LoadBalancers")->items()) {
    std::string name = test::unwrap_if(lb).find("TargetGroupArn")->argument().argument().text();
    out.emplace_back(name.substr(name.rfind('-') + 1), lb.is_function("Fn::If") ? lb.argument().items()[0].text() : "");
  }
  return out;
}
}  // namespace

TEST_CASE("5-x-ecs-proxy: registrations follow the listeners of 3-2 in every release", "[stacks][proxy]") {
  using R = std::vector<std::pair<std::string, std::string>>;
  // Each registration under the condition of 3-2's listener (mirrored switches; the cross-stack
  // evaluation is in target_group_registration_test.cpp).
  CHECK(registrations(stacks::build_proxy("3.29.2"_v).tmpl) ==
        R{{"ProxyGRPCTargetGroupArn", "GRPCEnabledCondition"},
          {"ProxyHTTPTargetGroupArn", "HTTPTargetHasListener"},
          {"ProxyHTTPSTargetGroupArn", "HTTPSListenerToProxy"},
          {"ProxyInteropTargetGroupArn", "InteropAtProxy"}});
  CHECK(registrations(stacks::build_proxy("3.30.0"_v).tmpl) ==
        R{{"ProxyGRPCTargetGroupArn", "GRPCEnabledCondition"},
          {"ProxyHTTPTargetGroupArn", "HTTPEnabledCondition"},
          {"ProxyInteropTargetGroupArn", "InteropAtProxy"},
          {"ProxyLBSCUPSmTLSTargetGroupArn", "LBSCUPSmTLSEnabledCondition"}});
  CHECK(registrations(stacks::build_proxy("3.32.0"_v).tmpl).size() == 5);
  CHECK(registrations(stacks::build_proxy("3.32.0"_v).tmpl).back() ==
        std::pair<std::string, std::string>{"ProxyTTGPTargetGroupArn", "TTGPEnabledCondition"});
}

TEST_CASE("5-x-ecs-proxy: the documented switches in their releases", "[stacks][proxy]") {
  auto before = stacks::build_proxy("3.29.2"_v);
  auto after = stacks::build_proxy("3.30.0"_v);
  for (const char* id : {"EnableVirtualHostWithTenantSubdomain", "EnableVirtualHostWithoutTenantSubdomain", "RedirectToDomain",
                         "EnableTLSListeners", "EnableNonTLSListeners", "IncludeNetworkOperationsCenter",
                         "IncludeGatewayConfigurationServer", "SupportProxyTLS", "ProxyRuntimePlatform"}) {
    INFO(id);
    CHECK(test::has_parameter(before.tmpl, id));
  }
  CHECK_FALSE(test::has_parameter(before.tmpl, "LBSCUPSmTLSEnabled"));
  CHECK(test::has_parameter(after.tmpl, "LBSCUPSmTLSEnabled"));
  bool rule = false;
  for (const auto& r : after.tmpl.rules()) rule = rule || r.id() == "LBSCUPSmTLSNeedsProxyTLS";
  CHECK(rule);
  test::check_ecs_baseline(after.tmpl);
}
