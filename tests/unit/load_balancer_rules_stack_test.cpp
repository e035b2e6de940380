#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "cfn_eval.hpp"
#include "stack_test_helpers.hpp"
#include "ttsgen/exports/load_balancer.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::resource;
using test::Value;

namespace {

// True when `text` appears anywhere in `v` (a string, a function name's argument, a key's value).
bool mentions(const Value& v, const std::string& text) {
  if (v.text() == text) return true;
  for (const auto& item : v.items())
    if (mentions(item, text)) return true;
  for (const auto& entry : v.entries())
    if (mentions(entry.value, text)) return true;
  return false;
}

// The value of a target group attribute, or "" when the attribute is not set.
std::string attribute(const cfn::Template& t, const std::string& group, const std::string& key) {
  for (const auto& a : property(resource(t, group), "TargetGroupAttributes")->items())
    if (a.find("Key")->text() == key) return a.find("Value")->text();
  return "";
}

// The ids of the Rules that refuse the given parameter values (defaults for the others).
std::set<std::string> refused(const cfn::Template& t, const test::eval::Values& values) {
  return test::eval::Scope(t, test::eval::with_defaults(t, values)).refused_rules();
}

const char* kCertificate = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

}  // namespace

TEST_CASE("3-2: the UDP target group targets instances before 3.26.0 and tasks from 3.26.0", "[stacks][load-balancer-rules]") {
  auto before = stacks::build_load_balancer_rules("3.25.2"_v);
  auto after = stacks::build_load_balancer_rules("3.26.0"_v);
  CHECK(*property(resource(before.tmpl, "GatewayServerUDPTargetGroup"), "TargetType") == Value("instance"));
  CHECK(*property(resource(after.tmpl, "GatewayServerUDPTargetGroup"), "TargetType") == Value("ip"));
  for (const auto* t : {&before.tmpl, &after.tmpl}) {
    const auto& udp = resource(*t, "GatewayServerUDPTargetGroup");
    CHECK(*property(udp, "Protocol") == Value("UDP"));
    CHECK(*property(udp, "Port") == Value(1700));
    // A UDP target group is health-checked over TCP, on the Gateway Server's HTTP port.
    CHECK(*property(udp, "HealthCheckProtocol") == Value("TCP"));
    CHECK(*property(udp, "HealthCheckPort") == Value("1885"));
  }
  // Every other target group targets awsvpc tasks in every release.
  for (const auto* g : test::resources_of_type(before.tmpl, "AWS::ElasticLoadBalancingV2::TargetGroup")) {
    if (g->id() == "GatewayServerUDPTargetGroup") continue;
    INFO(g->id());
    CHECK(*property(*g, "TargetType") == Value("ip"));
  }
}

TEST_CASE("3-2: UDP target groups terminate flows on deregistration (3.23.1)", "[stacks][load-balancer-rules]") {
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    auto model = stacks::build_load_balancer_rules(v);
    CHECK(attribute(model.tmpl, "GatewayServerUDPTargetGroup", "deregistration_delay.connection_termination.enabled") == "true");
  }
}

TEST_CASE("3-2: client IP preservation on the gateway and MQTT target groups (3.13.1)", "[stacks][load-balancer-rules]") {
  auto model = stacks::build_load_balancer_rules("3.24.0"_v);
  for (const char* id : {"GatewayServerMQTTV2TargetGroup", "GatewayServerMQTTTargetGroup", "GatewayServerBasicStationTargetGroup",
                         "GatewayServerTabsHubsTargetGroup", "ApplicationServerMQTTTargetGroup",
                         // ttsgen's choice: the proxy's target groups too, so 3-1's ranges hold for them.
                         "ProxyGRPCTargetGroup", "ProxyHTTPTargetGroup", "IdentityServerInteropTargetGroup",
                         "ProxyInteropTargetGroup", "ProxyHTTPSTargetGroup"}) {
    INFO(id);
    CHECK(attribute(model.tmpl, id, "preserve_client_ip.enabled") == "true");
  }
  // UDP preserves client addresses always; the attribute cannot be set.
  CHECK(attribute(model.tmpl, "GatewayServerUDPTargetGroup", "preserve_client_ip.enabled").empty());
}

TEST_CASE("3-2: Basic Station and Tabs Hubs deregister at once from 3.25.1", "[stacks][load-balancer-rules]") {
  auto before = stacks::build_load_balancer_rules("3.25.0"_v);
  auto after = stacks::build_load_balancer_rules("3.25.1"_v);
  for (const char* id : {"GatewayServerBasicStationTargetGroup", "GatewayServerTabsHubsTargetGroup"}) {
    INFO(id);
    CHECK(attribute(before.tmpl, id, "deregistration_delay.timeout_seconds").empty());
    CHECK(attribute(after.tmpl, id, "deregistration_delay.timeout_seconds") == "0");
  }
  CHECK(attribute(after.tmpl, "GatewayServerMQTTTargetGroup", "deregistration_delay.timeout_seconds").empty());
}

TEST_CASE("3-2: LBS CUPS mutual TLS listener and parameters from 3.30.0, TTGP 8889 from 3.32.0", "[stacks][load-balancer-rules]") {
  auto v3_29 = stacks::build_load_balancer_rules("3.29.2"_v);
  auto v3_30 = stacks::build_load_balancer_rules("3.30.0"_v);
  auto v3_31 = stacks::build_load_balancer_rules("3.31.1"_v);
  auto v3_32 = stacks::build_load_balancer_rules("3.32.0"_v);
  CHECK_FALSE(test::has_parameter(v3_29.tmpl, "LBSCUPSmTLSEnabled"));
  CHECK(v3_29.tmpl.find_resource("LBSCUPSmTLSListener") == nullptr);
  CHECK(v3_29.tmpl.find_resource("ProxyLBSCUPSmTLSTargetGroup") == nullptr);
  REQUIRE(test::has_parameter(v3_30.tmpl, "LBSCUPSmTLSEnabled"));
  CHECK(*v3_30.tmpl.find_parameter("LBSCUPSmTLSEnabled")->default_value() == Value("false"));
  const auto& cups = resource(v3_30.tmpl, "LBSCUPSmTLSListener");
  CHECK(cups.condition_id() == "LBSCUPSmTLSEnabledCondition");
  CHECK(*property(cups, "Port") == Value(8987));
  CHECK(*property(cups, "Protocol") == Value("TCP"));  // the proxy terminates the mutual TLS
  CHECK(*property(resource(v3_30.tmpl, "ProxyLBSCUPSmTLSTargetGroup"), "Port") == Value(8987));

  CHECK_FALSE(test::has_parameter(v3_31.tmpl, "TTGPEnabled"));
  CHECK(v3_31.tmpl.find_resource("TTGPListener") == nullptr);
  const auto& ttgp = resource(v3_32.tmpl, "TTGPListener");
  CHECK(*property(ttgp, "Port") == Value(8889));
  CHECK(*property(ttgp, "Protocol") == Value("TCP"));
  CHECK(*property(resource(v3_32.tmpl, "ProxyTTGPTargetGroup"), "Port") == Value(8889));
}

TEST_CASE("3-2: the parameters the public docs name exist in exactly their releases", "[stacks][load-balancer-rules]") {
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    auto model = stacks::build_load_balancer_rules(v);
    const auto& t = model.tmpl;
    for (const char* id : {"TLSCertificateARN", "SSLPolicy", "EnableNonTLSListeners", "SupportProxyTLS", "InteropEnabled"})
      CHECK(test::has_parameter(t, id));
    CHECK(test::has_parameter(t, "LBSCUPSmTLSEnabled") == (v >= "3.30.0"_v));
    CHECK(test::has_parameter(t, "TTGPEnabled") == (v >= "3.32.0"_v));
    // 3.24.0: InteropEnabled is a boolean again.
    CHECK(t.find_parameter("InteropEnabled")->allowed_values() == std::vector<std::string>{"true", "false"});
    CHECK(*t.find_parameter("SupportProxyTLS")->default_value() == Value("false"));
    CHECK(t.find_condition("SupportProxyTLSCondition") != nullptr);
    // The console stays usable: every parameter is described, grouped and labelled.
    for (const auto& p : t.parameters()) {
      INFO(p.id());
      CHECK_FALSE(p.description().empty());
      CHECK_FALSE(p.group().empty());
      CHECK_FALSE(p.label().empty());
    }
  }
}

TEST_CASE("3-2: 443 and 8886 depend on SupportProxyTLS until 3.29.2, not from 3.30.0", "[stacks][load-balancer-rules]") {
  auto before = stacks::build_load_balancer_rules("3.29.2"_v);
  auto after = stacks::build_load_balancer_rules("3.30.0"_v);
  auto switched = [](const Value& ref_when_proxy, const Value& ref_otherwise) {
    return Value::function("Fn::If", Value::list({"SupportProxyTLSCondition", ref_when_proxy, ref_otherwise}));
  };
  auto target_of = [](const cfn::Resource& listener) { return *property(listener, "DefaultActions")->items()[0].find("TargetGroupArn"); };
  const Value tcp_or_tls = switched("TCP", "TLS");

  // Before: with SupportProxyTLS, 443 and 8886 pass TLS through to the proxy; each is one listener
  // (its port is switched in place, never by a second listener on the same port).
  REQUIRE(before.tmpl.find_resource("ProxyHTTPSTargetGroup") != nullptr);
  CHECK(*property(resource(before.tmpl, "ProxyHTTPSTargetGroup"), "Port") == Value(8443));
  const auto& https = resource(before.tmpl, "HTTPSListener");
  CHECK(*property(https, "Port") == Value(443));
  CHECK(*property(https, "Protocol") == tcp_or_tls);
  CHECK(target_of(https) == switched(Value::function("Ref", "ProxyHTTPSTargetGroup"), Value::function("Ref", "ProxyHTTPTargetGroup")));
  for (const char* id : {"CreateHTTPSListener", "CreateInteropListener"}) {
    INFO(id);
    REQUIRE(before.tmpl.find_condition(id) != nullptr);
    CHECK(mentions(before.tmpl.find_condition(id)->expression(), "SupportProxyTLSCondition"));
  }
  CHECK(*property(resource(before.tmpl, "InteropListener"), "Protocol") == tcp_or_tls);

  // From 3.30.0: 443 always ends TLS at the load balancer; 8886 exists with InteropEnabled alone.
  // The pass-through target group stays (its export is imported by the 3.29.x proxy stack while
  // 3-2 is updated first) but no listener forwards to it.
  REQUIRE(after.tmpl.find_resource("ProxyHTTPSTargetGroup") != nullptr);
  for (const auto* l : test::resources_of_type(after.tmpl, "AWS::ElasticLoadBalancingV2::Listener")) {
    INFO(l->id());
    CHECK_FALSE(mentions(*property(*l, "DefaultActions"), "ProxyHTTPSTargetGroup"));
  }
  const auto& https_after = resource(after.tmpl, "HTTPSListener");
  CHECK(*property(https_after, "Protocol") == Value("TLS"));
  CHECK(target_of(https_after) == Value::function("Ref", "ProxyHTTPTargetGroup"));
  CHECK_FALSE(mentions(after.tmpl.find_condition(https_after.condition_id())->expression(), "SupportProxyTLSCondition"));
  const auto& interop = resource(after.tmpl, "InteropListener");
  CHECK(interop.condition_id() == "InteropEnabledCondition");
  CHECK(*property(interop, "Protocol") == tcp_or_tls);
  CHECK(target_of(interop) ==
        switched(Value::function("Ref", "ProxyInteropTargetGroup"), Value::function("Ref", "IdentityServerInteropTargetGroup")));
  // No two listeners ever share a port (CloudFormation creates before it deletes).
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_load_balancer_rules(v);
    std::set<std::int64_t> ports;
    for (const auto* l : test::resources_of_type(model.tmpl, "AWS::ElasticLoadBalancingV2::Listener")) {
      INFO(v.str() + " " + l->id());
      CHECK(ports.insert(property(*l, "Port")->as_integer()).second);
    }
  }
}

TEST_CASE("3-2: TLS listeners use the certificate, the SSL policy and the HTTP/2 option", "[stacks][load-balancer-rules]") {
  auto model = stacks::build_load_balancer_rules("3.35.2"_v);
  const auto& t = model.tmpl;
  auto listeners = test::resources_of_type(t, "AWS::ElasticLoadBalancingV2::Listener");
  int tls = 0;
  for (const auto* l : listeners) {
    INFO(l->id());
    CHECK(*property(*l, "LoadBalancerArn") == *property(resource(t, "UDPListener"), "LoadBalancerArn"));
    if (*property(*l, "Protocol") != Value("TLS")) continue;
    ++tls;
    CHECK(*property(*l, "SslPolicy") == Value::function("Ref", "SSLPolicy"));
    CHECK(mentions(*property(*l, "Certificates"), "TLSCertificateARN"));
    CHECK(t.find_resource(l->id() + "AlternativeCertificate") != nullptr);
  }
  CHECK(tls == 7);  // 8881, 8882, 8883, 8884, 443, 8887, 8888 (8886 switches between TLS and TCP)
  CHECK(test::resources_of_type(t, "AWS::ElasticLoadBalancingV2::ListenerCertificate").size() == 8);
  CHECK(*property(resource(t, "HTTPSListener"), "AlpnPolicy") ==
        Value::function("Fn::If", Value::list({"EnableHTTP2Condition", Value::strings({"HTTP2Preferred"}),
                                               Value::function("Ref", "AWS::NoValue")})));
  CHECK(*property(resource(t, "GRPCTLSListener"), "AlpnPolicy") == Value::strings({"HTTP2Preferred"}));
  // Non-TLS listeners can be switched off; plain MQTT follows EnableNonTLSListeners.
  CHECK(mentions(t.find_condition("CreateGatewayMQTTListener")->expression(), "EnableNonTLSListenersCondition"));
  CHECK(resource(t, "UDPListener").condition_id() == "UDPEnabledCondition");
}

TEST_CASE("3-2 exports every declared target group in exactly its releases", "[stacks][load-balancer-rules]") {
  namespace lb = exports::load_balancer;
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    auto model = stacks::build_load_balancer_rules(v);
    std::set<const catalog::Export*> expected{&lb::gs_udp,   &lb::gs_mqtt_v2,  &lb::gs_mqtt,    &lb::gs_basic_station,
                                              &lb::gs_tabs_hubs, &lb::as_mqtt, &lb::proxy_grpc, &lb::proxy_http,
                                              &lb::is_interop,   &lb::proxy_interop, &lb::proxy_https};
    if (v >= "3.30.0"_v) expected.insert(&lb::proxy_lbs_cups_mtls);
    if (v >= "3.32.0"_v) expected.insert(&lb::proxy_ttgp);
    CHECK(std::set<const catalog::Export*>(model.exports.begin(), model.exports.end()) == expected);
    CHECK(model.exports.size() == expected.size());
    // Target groups are exported unconditionally: the ECS services import them whatever the switches say.
    for (const auto& o : model.tmpl.outputs()) CHECK(o.condition_id().empty());
    for (const auto* e : model.imports) CHECK(e->producer == "vpc");
  }
}

TEST_CASE("3-2 rules refuse invalid combinations", "[stacks][load-balancer-rules]") {
  auto model = stacks::build_load_balancer_rules("3.35.2"_v);
  const auto& t = model.tmpl;
  // The defaults are valid, with or without a certificate.
  CHECK(refused(t, {}).empty());
  CHECK(refused(t, {{"TLSCertificateARN", kCertificate}}).empty());
  // LBS CUPS mutual TLS and TTGP need the proxy to terminate TLS.
  CHECK(refused(t, {{"LBSCUPSmTLSEnabled", "true"}}) == std::set<std::string>{"LBSCUPSmTLSNeedsProxyTLS"});
  CHECK(refused(t, {{"TTGPEnabled", "true"}}) == std::set<std::string>{"TTGPNeedsProxyTLS"});
  CHECK(refused(t, {{"LBSCUPSmTLSEnabled", "true"}, {"TTGPEnabled", "true"}, {"SupportProxyTLS", "true"}}).empty());
  // Interop needs TLS from the load balancer or from the proxy.
  CHECK(refused(t, {{"InteropEnabled", "true"}}) == std::set<std::string>{"InteropNeedsCertificate"});
  CHECK(refused(t, {{"InteropEnabled", "true"}, {"SupportProxyTLS", "true"}}).empty());
  CHECK(refused(t, {{"InteropEnabled", "true"}, {"TLSCertificateARN", kCertificate}}).empty());
  // Without non-TLS listeners, TLS is all there is.
  CHECK(refused(t, {{"EnableNonTLSListeners", "false"}}) == std::set<std::string>{"TLSOnlyNeedsCertificate"});
  // A listener's own certificate needs the default one.
  CHECK(refused(t, {{"HTTPSAlternativeCertificateARN", kCertificate}}) ==
        std::set<std::string>{"ListenerCertificatesNeedDefault"});
  CHECK(refused(t, {{"HTTPSAlternativeCertificateARN", kCertificate}, {"TLSCertificateARN", kCertificate}}).empty());

  // Before 3.30.0 there are neither LBS CUPS nor TTGP rules.
  auto old = stacks::build_load_balancer_rules("3.29.2"_v);
  CHECK(refused(old.tmpl, {{"InteropEnabled", "true"}}) == std::set<std::string>{"InteropNeedsCertificate"});
  CHECK_FALSE(test::has_parameter(old.tmpl, "TTGPEnabled"));
}

TEST_CASE("3-2 stays within the CloudFormation quotas", "[stacks][load-balancer-rules]") {
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_load_balancer_rules(v);
    CHECK(model.tmpl.parameters().size() <= 200);
    CHECK(model.tmpl.resources().size() <= 500);
    CHECK(model.tmpl.outputs().size() <= 200);
  }
}
