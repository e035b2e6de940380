// 3-2-load-balancer-rules: the listeners and target groups of the network load balancer that
// 1-1-vpc creates (docs: ecs/deployment, ecs/architecture). Every public port of The Things Stack is a listener that
// forwards to one target group per container port; the ECS services of 5-3a, 5-4 and 5-7 register
// with those target groups (the export contract in include/ttsgen/exports/load_balancer.hpp).
//
// Target groups always exist and are always exported; the operator switches listeners on and off
// (a flag per service, EnableNonTLSListeners, and no TLS listener without a certificate).
// TLS ends at the load balancer (ACM certificate) except where the proxy must see the client's
// certificate: with SupportProxyTLS the listener is plain TCP to Envoy, which terminates TLS.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ttsgen/exports/load_balancer.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;
namespace lb = exports::load_balancer;

namespace {

constexpr const char* kTLSGroup = "TLS";
constexpr const char* kListenersGroup = "Listeners";
constexpr const char* kCertificatesGroup = "Certificates per listener (optional)";

// An ACM certificate ARN (the certbot task of 5-8a imports Let's Encrypt certificates into ACM).
constexpr const char* kOptionalCertificateArn =
    "^$|^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}$";

// Security policies the load balancer's TLS listeners accept; the default allows TLS 1.2 and 1.3.
const std::vector<std::string> kSSLPolicies{
    "ELBSecurityPolicy-TLS13-1-2-2021-06",     "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",     "ELBSecurityPolicy-TLS13-1-1-2021-06",
    "ELBSecurityPolicy-TLS13-1-0-2021-06",     "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    "ELBSecurityPolicy-TLS-1-2-2017-01",       "ELBSecurityPolicy-TLS-1-1-2017-01",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",    "ELBSecurityPolicy-2016-08",
};

// The proxy's plain HTTP port (1885). Target groups of the proxy whose traffic port speaks TLS
// (Envoy terminates it) are health-checked here, so that checks do not litter Envoy's TLS logs.
constexpr const char* kProxyHealthCheckPort = "1885";
// A UDP target group needs a TCP health check: the Gateway Server's HTTP port 1885, on the task
// (target type ip) or on the container instance that runs the UDP daemon (target type instance).
constexpr const char* kUDPHealthCheckPort = "1885";

using Attributes = std::vector<std::pair<std::string, std::string>>;

// One target group per container port (docs: ecs/architecture).
struct TargetGroupSpec {
  const catalog::Export& exported;
  std::string id;
  std::string name_suffix;
  int port;
  std::string protocol;     // TCP or UDP
  std::string target_type;  // ip (awsvpc tasks) or instance (the UDP daemon on EC2, before 3.26.0)
  std::string health_check_port;
  Attributes attributes;
};

std::vector<TargetGroupSpec> target_groups(const Release& release) {
  // 3.13.1: "client IP preservation on GS MQTTv2, GS MQTTv3, GS BasicStation, GS TabsHubs, AS MQTT
  // TGs". ttsgen preserves client addresses on the proxy's target groups as well, so that the ranges
  // of 3-1-security-group-rules hold for every port and Envoy sees who connects (decisions-edge.md).
  const Attributes preserve{{"preserve_client_ip.enabled", "true"}};
  Attributes lns = preserve;
  // 3.25.1: "Basic Station and Tabs Hubs TG deregistration delay 0": gateways reconnect at once.
  if (release >= "3.25.1"_v) lns.emplace_back("deregistration_delay.timeout_seconds", "0");
  // UDP: client IP preservation is always on; 3.23.1: "UDP TGs terminate flows to deregistered
  // targets", so replacing a task or an instance does not black-hole gateways.
  const Attributes udp{{"deregistration_delay.connection_termination.enabled", "true"}};
  // 3.26.0: "UDP TG target type instance → ip": UDP is served by the GS service, not a daemon.
  const std::string udp_target_type = release >= "3.26.0"_v ? "ip" : "instance";

  std::vector<TargetGroupSpec> groups{
      {lb::gs_udp, "GatewayServerUDPTargetGroup", "gs-udp", 1700, "UDP", udp_target_type, kUDPHealthCheckPort, udp},
      {lb::gs_mqtt_v2, "GatewayServerMQTTV2TargetGroup", "gs-mqttv2", 1881, "TCP", "ip", "traffic-port", preserve},
      {lb::gs_mqtt, "GatewayServerMQTTTargetGroup", "gs-mqtt", 1882, "TCP", "ip", "traffic-port", preserve},
      {lb::gs_basic_station, "GatewayServerBasicStationTargetGroup", "gs-basicstation", 1887, "TCP", "ip", "traffic-port", lns},
      {lb::gs_tabs_hubs, "GatewayServerTabsHubsTargetGroup", "gs-tabshubs", 1888, "TCP", "ip", "traffic-port", lns},
      {lb::as_mqtt, "ApplicationServerMQTTTargetGroup", "as-mqtt", 1883, "TCP", "ip", "traffic-port", preserve},
      {lb::proxy_grpc, "ProxyGRPCTargetGroup", "proxy-grpc", 1884, "TCP", "ip", "traffic-port", preserve},
      {lb::proxy_http, "ProxyHTTPTargetGroup", "proxy-http", 1885, "TCP", "ip", "traffic-port", preserve},
      {lb::is_interop, "IdentityServerInteropTargetGroup", "is-interop", 1886, "TCP", "ip", "traffic-port", preserve},
      {lb::proxy_interop, "ProxyInteropTargetGroup", "proxy-interop", 8886, "TCP", "ip", kProxyHealthCheckPort, preserve},
  };
  // 3.30.0: "removed the dependency of 443 and 8886 on SupportProxyTLSCondition": 443 no longer
  // passes TLS through to the proxy. The pass-through target group stays, without a listener: the
  // changelog does not remove it, and removing its export would make the numbering-order update of
  // 3.30.0 fail while the 3.29.x proxy stack still imports it (3-2 is updated before the proxy).
  groups.push_back({lb::proxy_https, "ProxyHTTPSTargetGroup", "proxy-https", 8443, "TCP", "ip", kProxyHealthCheckPort, preserve});
  // 3.30.0: "+ listener LBSCUPSmTLS (8987)".
  if (release >= "3.30.0"_v)
    groups.push_back({lb::proxy_lbs_cups_mtls, "ProxyLBSCUPSmTLSTargetGroup", "proxy-lbscups", 8987, "TCP", "ip",
                      kProxyHealthCheckPort, preserve});
  // 3.32.0: "+ public listener 8889 (TTGP) → proxy → GS 1889".
  if (release >= "3.32.0"_v)
    groups.push_back({lb::proxy_ttgp, "ProxyTTGPTargetGroup", "proxy-ttgp", 8889, "TCP", "ip", kProxyHealthCheckPort, preserve});
  return groups;
}

// How a listener treats TLS.
enum class Kind {
  UDP,          // Semtech UDP
  Plain,        // TCP without TLS; exists only with EnableNonTLSListeners
  TLS,          // the load balancer terminates TLS with TLSCertificateARN (or the listener's own certificate)
  Passthrough,  // TCP to the proxy, which terminates (mutual) TLS itself
  TLSOrProxy    // TLS at the load balancer; with SupportProxyTLS TCP to `proxy_target`, the proxy terminates TLS
};

struct ListenerSpec {
  std::string id;
  int port;
  Kind kind;
  std::string target;                // logical id of the target group
  std::string proxy_target = {};     // TLSOrProxy: the target group when the proxy terminates TLS
  std::string certificate_key = {};  // TLS: parameters <key>CertificateARN and <key>AlternativeCertificateARN
  Value alpn = {};                   // TLS: AlpnPolicy, or null
  // TLSOrProxy: a template rule, not the listener's condition, makes sure there is a certificate
  // when the proxy does not terminate TLS.
  bool certificate_by_rule = false;
};

// A service the operator switches on and off: a flag and the listeners it governs. The flag's name,
// label and default are part of the contract (exports/load_balancer.hpp): the stacks that register
// with the target groups mirror them.
struct Service {
  const lb::ListenerSwitch& flag;
  std::string description;
  std::vector<ListenerSpec> listeners;
};

// The parameters and conditions shared by every listener.
struct Context {
  StackBuilder& s;
  Value load_balancer;
  const Parameter& certificate;
  const Parameter& ssl_policy;
  const Condition& has_certificate;
  const Condition& non_tls;
  const Condition& proxy_tls;
  const Condition& http2;
  std::map<std::string, const Resource*> target_groups;
};

std::vector<Service> services(const Release& release, const Context& c) {
  Value http2 = if_(c.http2, Value::strings({"HTTP2Preferred"}), pseudo::no_value());
  // gRPC is HTTP/2: its TLS listener always offers h2, whatever the HTTP/2 option says.
  Value grpc_alpn = Value::strings({"HTTP2Preferred"});

  Service http{lb::http_enabled, "Listeners 80 (HTTP) and 443 (HTTPS) to the proxy: Console, OAuth, HTTP APIs.",
               {{"HTTPListener", 80, Kind::Plain, "ProxyHTTPTargetGroup"}}};
  Service interop{lb::interop_enabled, "Listener 8886 for LoRaWAN Backend Interfaces interoperability (TLS).", {}};
  if (release >= "3.30.0"_v) {
    // 3.30.0: "removed the dependency of 443 and 8886 on SupportProxyTLSCondition; Interop TLS target
    // group changes when SupportProxyTLSCondition": 443 always ends TLS at the load balancer; 8886
    // exists with InteropEnabled alone (a rule asks for the certificate) and switches its target.
    http.listeners.push_back({.id = "HTTPSListener", .port = 443, .kind = Kind::TLS, .target = "ProxyHTTPTargetGroup",
                              .certificate_key = "HTTPS", .alpn = http2});
    interop.listeners.push_back({.id = "InteropListener", .port = 8886, .kind = Kind::TLSOrProxy,
                                 .target = "IdentityServerInteropTargetGroup", .proxy_target = "ProxyInteropTargetGroup",
                                 .certificate_key = "Interop", .certificate_by_rule = true});
  } else {
    // 3.23.0: "rules to terminate TLS in Envoy if SupportProxyTLS": with it, 443 and 8886 pass TLS
    // through to the proxy, and the listeners exist with a certificate or SupportProxyTLS.
    http.listeners.push_back({.id = "HTTPSListener", .port = 443, .kind = Kind::TLSOrProxy, .target = "ProxyHTTPTargetGroup",
                              .proxy_target = "ProxyHTTPSTargetGroup", .certificate_key = "HTTPS", .alpn = http2});
    interop.listeners.push_back({.id = "InteropListener", .port = 8886, .kind = Kind::TLSOrProxy,
                                 .target = "IdentityServerInteropTargetGroup", .proxy_target = "ProxyInteropTargetGroup",
                                 .certificate_key = "Interop"});
  }

  auto plain_and_tls = [](std::string key, int plain, int tls, std::string target, Value alpn = {}) {
    return std::vector<ListenerSpec>{
        {.id = key + "Listener", .port = plain, .kind = Kind::Plain, .target = target},
        {.id = key + "TLSListener", .port = tls, .kind = Kind::TLS, .target = target, .certificate_key = key, .alpn = alpn}};
  };
  // The stacks that register with a service's target groups carry its switch too (5-4: the gateway
  // and application MQTT services; the proxy: gRPC, HTTP, interop, LBS CUPS, TTGP; 5-3a: interop as
  // InteropEnabledIS): "set the same value" is in every description.
  std::vector<Service> list{
      {lb::udp_enabled, "Listener 1700/udp for gateways with the Semtech UDP packet forwarder.",
       {{"UDPListener", 1700, Kind::UDP, "GatewayServerUDPTargetGroup"}}},
      {lb::gateway_mqtt_v2_enabled, "Listeners 1881 and 8881 (TLS) for gateways with MQTT v2 (legacy).",
       plain_and_tls("GatewayMQTTV2", 1881, 8881, "GatewayServerMQTTV2TargetGroup")},
      {lb::gateway_mqtt_enabled, "Listeners 1882 and 8882 (TLS) for gateways with MQTT v3.",
       plain_and_tls("GatewayMQTT", 1882, 8882, "GatewayServerMQTTTargetGroup")},
      {lb::basic_station_enabled, "Listeners 1887 and 8887 (TLS) for LoRa Basics Station gateways (LNS).",
       plain_and_tls("BasicStation", 1887, 8887, "GatewayServerBasicStationTargetGroup")},
      {lb::tabs_hubs_enabled, "Listeners 1888 and 8888 (TLS) for Tabs Hubs (LNS).",
       plain_and_tls("TabsHubs", 1888, 8888, "GatewayServerTabsHubsTargetGroup")},
      {lb::application_mqtt_enabled, "Listeners 1883 and 8883 (TLS) for MQTT integrations of the Application Server.",
       plain_and_tls("ApplicationMQTT", 1883, 8883, "ApplicationServerMQTTTargetGroup")},
      {lb::grpc_enabled, "Listeners 1884 and 8884 (TLS) to the proxy for the gRPC API (CLI, integrations).",
       plain_and_tls("GRPC", 1884, 8884, "ProxyGRPCTargetGroup", grpc_alpn)},
      std::move(http),
      std::move(interop),
  };
  // 3.30.0: "+ listener LBSCUPSmTLS (8987)": LBS CUPS with mutual TLS, terminated by the proxy.
  if (release >= "3.30.0"_v)
    list.push_back({lb::lbs_cups_mtls_enabled,
                    "Listener 8987 to the proxy, which authenticates LoRa Basics Station gateways by client certificate "
                    "(CUPS). Needs SupportProxyTLS; set the same value in 3-1-security-group-rules and the proxy stack.",
                    {{"LBSCUPSmTLSListener", 8987, Kind::Passthrough, "ProxyLBSCUPSmTLSTargetGroup"}}});
  // 3.32.0: "+ public listener 8889 (TTGP) → proxy → GS 1889; requires SupportProxyTLS".
  if (release >= "3.32.0"_v)
    list.push_back({lb::ttgp_enabled,
                    "Listener 8889 to the proxy, which terminates the gateways' mutual TLS and forwards to the Gateway "
                    "Server. Needs SupportProxyTLS.",
                    {{"TTGPListener", 8889, Kind::Passthrough, "ProxyTTGPTargetGroup"}}});
  return list;
}

const Resource& add_target_group(StackBuilder& s, const Value& vpc, const TargetGroupSpec& spec) {
  Value attributes = Value::list();
  for (const auto& [key, value] : spec.attributes) attributes.push_back(Value::map({{"Key", key}, {"Value", value}}));
  Resource& group = s.resource(spec.id, "AWS::ElasticLoadBalancingV2::TargetGroup")
                        .set("VpcId", vpc)
                        .set("Protocol", spec.protocol)
                        .set("Port", spec.port)
                        .set("TargetType", spec.target_type)
                        .set("HealthCheckProtocol", "TCP")
                        .set("HealthCheckPort", spec.health_check_port)
                        .set("HealthCheckIntervalSeconds", 10)
                        .set("HealthyThresholdCount", 3)
                        .set("UnhealthyThresholdCount", 3)
                        .set("TargetGroupAttributes", attributes)
                        .set("Tags", s.tags("tg-" + spec.name_suffix));
  s.export_value(spec.exported, ref(group));
  return group;
}

// The condition under which a listener exists: all of `parts`; a new And condition when there are
// several.
Value when_all(StackBuilder& s, const std::string& id, std::vector<Value> parts) {
  if (parts.size() == 1) return parts.front();
  return condition(s.condition(id, and_(std::move(parts))));
}

const Condition& condition_of(StackBuilder& s, const Value& when) {
  return *s.tmpl().find_condition(when.argument().text());
}

Value certificates(const Value& arn) { return Value::list({Value::map({{"CertificateArn", arn}})}); }

// The per-listener certificate parameters (3.11.2: "certificate overrides for all listeners";
// 3.14.0: "alternative certificates for all TLS listeners").
struct ListenerCertificates {
  const Parameter& override_;
  const Parameter& alternative;
};

ListenerCertificates certificate_parameters(StackBuilder& s, const std::string& key, int port) {
  std::string listener = "listener " + std::to_string(port);
  auto& override_ = s.optional_string(key + "CertificateARN")
                        .description("ACM certificate of " + listener + " instead of TLSCertificateARN (empty: TLSCertificateARN).")
                        .allowed_pattern(kOptionalCertificateArn)
                        .constraint_description("empty, or an ACM certificate ARN")
                        .group(kCertificatesGroup)
                        .label("Certificate ARN, " + listener);
  auto& alternative = s.optional_string(key + "AlternativeCertificateARN")
                          .description("Additional ACM certificate of " + listener +
                                       ", e.g. another key type or chain for older clients (empty: none).")
                          .allowed_pattern(kOptionalCertificateArn)
                          .constraint_description("empty, or an ACM certificate ARN")
                          .group(kCertificatesGroup)
                          .label("Alternative certificate ARN, " + listener);
  return {override_, alternative};
}

void add_listener(Context& c, const Condition& enabled, const ListenerSpec& spec, std::vector<const Parameter*>& overrides) {
  StackBuilder& s = c.s;
  const bool switches = spec.kind == Kind::TLSOrProxy;  // TLS here, or passed through to the proxy
  std::vector<Value> parts{condition(enabled)};
  if (spec.kind == Kind::Plain) parts.push_back(condition(c.non_tls));
  if (spec.kind == Kind::TLS) parts.push_back(condition(c.has_certificate));
  if (switches && !spec.certificate_by_rule) parts.push_back(or_({condition(c.has_certificate), condition(c.proxy_tls)}));
  Value when = when_all(s, "Create" + spec.id, parts);

  Value target = ref(*c.target_groups.at(spec.target));
  Value protocol = spec.kind == Kind::UDP ? "UDP" : spec.kind == Kind::TLS ? "TLS" : "TCP";
  if (switches) {
    target = if_(c.proxy_tls, ref(*c.target_groups.at(spec.proxy_target)), target);
    protocol = if_(c.proxy_tls, "TCP", "TLS");
  }
  Resource& listener = s.resource(spec.id, "AWS::ElasticLoadBalancingV2::Listener")
                           .condition(condition_of(s, when))
                           .set("LoadBalancerArn", c.load_balancer)
                           .set("Port", spec.port)
                           .set("Protocol", protocol);
  if (!spec.certificate_key.empty()) {
    auto certs = certificate_parameters(s, spec.certificate_key, spec.port);
    overrides.push_back(&certs.override_);
    overrides.push_back(&certs.alternative);
    // Settings of the load balancer's TLS, left out where the proxy terminates it.
    auto tls_only = [&](Value v) { return switches ? if_(c.proxy_tls, pseudo::no_value(), std::move(v)) : v; };
    Value arn = if_(s.is_set(certs.override_), ref(certs.override_), ref(c.certificate));
    listener.set("Certificates", tls_only(certificates(arn))).set("SslPolicy", tls_only(ref(c.ssl_policy)));
    if (!spec.alpn.is_null()) listener.set("AlpnPolicy", tls_only(spec.alpn));
    if (switches)
      listener.lint_suppress("W1030", spec.certificate_by_rule
                                          ? "TLSCertificateARN may be empty only with SupportProxyTLS, which drops the "
                                            "certificate; the template rule InteropNeedsCertificate refuses the other case, "
                                            "which cfn-lint cannot see."
                                          : "TLSCertificateARN may be empty only with SupportProxyTLS (the listener's "
                                            "condition), which drops the certificate; cfn-lint does not combine the "
                                            "condition with the Fn::If.");

    std::vector<Value> alternative_parts{when};
    if (switches) alternative_parts.push_back(not_(condition(c.proxy_tls)));
    alternative_parts.push_back(condition(s.is_set(certs.alternative)));
    std::string alternative_id = spec.id + "AlternativeCertificate";
    s.resource(alternative_id, "AWS::ElasticLoadBalancingV2::ListenerCertificate")
        .condition(condition_of(s, when_all(s, "Create" + alternative_id, alternative_parts)))
        .set("ListenerArn", ref(listener))
        .set("Certificates", certificates(ref(certs.alternative)));
  }
  listener.set("DefaultActions", Value::list({Value::map({{"Type", "forward"}, {"TargetGroupArn", target}})}));
}

}  // namespace

StackModel build_load_balancer_rules(const Release& release) {
  StackBuilder s(release, "load-balancer-rules");

  auto& certificate = s.optional_string("TLSCertificateARN")
                          .description("ARN of the ACM certificate of the domain (and *.domain for multi-tenant), or of the "
                                       "Let's Encrypt certificate that 5-8a-certs-le imported. Every TLS listener uses it "
                                       "unless it has its own. Leave empty to deploy without TLS listeners for now.")
                          .allowed_pattern(kOptionalCertificateArn)
                          .constraint_description("empty, or an ACM certificate ARN")
                          .group(kTLSGroup)
                          .label("TLS certificate ARN");
  // 3.16.0: "+ SSLPolicy".
  auto& ssl_policy = s.choice("SSLPolicy", kSSLPolicies, kSSLPolicies.front())
                         .description("Security policy (TLS versions and ciphers) of the TLS listeners.")
                         .group(kTLSGroup)
                         .label("SSL policy");
  auto& http2 = s.flag("EnableHTTP2", true)
                    .description("Offer HTTP/2 (ALPN) on the HTTPS listener. Recommended for all deployments.")
                    .group(kTLSGroup)
                    .label("Serve HTTP/2");
  // 3.16.1: "+ EnableNonTLSListeners".
  auto& non_tls = s.flag("EnableNonTLSListeners", true)
                      .description("Create the listeners without TLS (80, 1881, 1882, 1883, 1884, 1887, 1888) besides the "
                                   "TLS ones. Semtech UDP has its own switch.")
                      .group(kTLSGroup)
                      .label("Non-TLS listeners");
  // 3.23.0: "+ SupportProxyTLS" (docs: ecs/deployment: the same value in all templates).
  auto& proxy_tls = s.shared(shared::support_proxy_tls());

  Context c{.s = s,
            .load_balancer = s.import(exports::vpc::load_balancer_arn),
            .certificate = certificate,
            .ssl_policy = ssl_policy,
            .has_certificate = s.is_set(certificate),
            .non_tls = s.is_true(non_tls),
            .proxy_tls = s.is_true(proxy_tls),
            .http2 = s.is_true(http2),
            .target_groups = {}};

  Value vpc = s.import(exports::vpc::vpc_id);
  for (const auto& spec : target_groups(release)) c.target_groups[spec.id] = &add_target_group(s, vpc, spec);

  std::vector<const Parameter*> certificate_overrides;
  std::map<std::string, const Parameter*> flags;
  for (const Service& service : services(release, c)) {
    const std::string name(service.flag.name);
    auto& flag = s.flag(name, service.flag.enabled_by_default)
                     .description(service.description + " Set the same value in the stacks that serve it.")
                     .group(kListenersGroup)
                     .label(std::string(service.flag.label));
    flags[name] = &flag;
    for (const auto& listener : service.listeners) add_listener(c, s.is_true(flag), listener, certificate_overrides);
  }

  // Combinations CloudFormation refuses before creating anything (docs/decisions.md).
  Value no_certificate = equals(ref(certificate), "");
  Value proxy_tls_on = equals(ref(proxy_tls), "true");
  s.rule("TLSOnlyNeedsCertificate")
      .when(equals(ref(non_tls), "false"))
      .require(not_(no_certificate), "Without non-TLS listeners (EnableNonTLSListeners=false) a TLSCertificateARN is required: "
                                     "every switched-on service needs a listener, and the stacks that register with its "
                                     "target group rely on that.");
  s.rule("InteropNeedsCertificate")
      .when(and_({equals(ref(*flags.at("InteropEnabled")), "true"), equals(ref(proxy_tls), "false")}))
      .require(not_(no_certificate),
               "Interop (InteropEnabled=true) needs TLS: a TLSCertificateARN, or SupportProxyTLS=true so that the proxy "
               "terminates it.");
  // Fn::And takes at most 10 conditions: one assertion per 8 listener certificates.
  auto& overrides_rule = s.rule("ListenerCertificatesNeedDefault").when(no_certificate);
  for (std::size_t first = 0; first < certificate_overrides.size(); first += 8) {
    std::vector<Value> empty;
    for (std::size_t i = first; i < std::min(first + 8, certificate_overrides.size()); ++i)
      empty.push_back(equals(ref(*certificate_overrides[i]), ""));
    overrides_rule.require(empty.size() == 1 ? empty.front() : and_(empty),
                           "The certificates per listener apply only with a TLSCertificateARN; set that first.");
  }
  // 3.30.0: LBS CUPS mutual TLS is terminated by the proxy (docs: ecs/mutual-tls enables both together).
  if (release >= "3.30.0"_v)
    s.rule("LBSCUPSmTLSNeedsProxyTLS")
        .when(equals(ref(*flags.at("LBSCUPSmTLSEnabled")), "true"))
        .require(proxy_tls_on, "LBSCUPSmTLSEnabled=true needs SupportProxyTLS=true: the proxy terminates the mutual TLS.");
  // 3.32.0: "+ public listener 8889 (TTGP) … requires SupportProxyTLS".
  if (release >= "3.32.0"_v)
    s.rule("TTGPNeedsProxyTLS")
        .when(equals(ref(*flags.at("TTGPEnabled")), "true"))
        .require(proxy_tls_on, "TTGPEnabled=true needs SupportProxyTLS=true: the proxy terminates the gateways' mutual TLS.");

  return s.finish();
}

}  // namespace ttsgen::stacks
