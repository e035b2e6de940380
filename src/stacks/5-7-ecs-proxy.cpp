// 5-7-ecs-proxy (5-6-ecs-proxy before 3.30.0): the Envoy-based cluster proxy (docs: ecs/deployment) that
// routes external gRPC (1884) and HTTP (1885) to the components and, with SupportProxyTLS,
// terminates TLS itself for interop (8886), LBS CUPS mutual TLS (8987, 3.30.0) and The Things
// Industries Gateway Protocol (8889, 3.32.0). The route table ships with the -aws-proxy image
// (routes change with the image, docs: ecs/deployment); the template gives it what is deployment-specific,
// as environment variables (docs/decisions-ecs.md).
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/exports/load_balancer.hpp"
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

Parameter& switch_flag(StackBuilder& s, const std::string& id, bool default_value, const std::string& group,
                       const std::string& label, const std::string& description) {
  return s.flag(id, default_value).description(description).group(group).label(label);
}

}  // namespace

StackModel build_proxy(const Release& release) {
  StackBuilder s(release, "proxy");
  ecs::Cluster cluster = ecs::cluster(s, true);
  const std::string routes = "Routing";
  const std::string listeners = "Listeners and TLS";

  // 3.12.2 (default true); services exposed on the proxy (3.11.2).
  auto& gcs = switch_flag(s, "IncludeGatewayConfigurationServer", true, routes, "Gateway Configuration Server",
                          "Route the Gateway Configuration Server (CUPS, gateway configuration).");
  // 3.19.2
  auto& noc = s.shared(shared::include_network_operations_center());
  // 3.12.2: virtual hosts and the catch-all redirect.
  auto& with_tenant = switch_flag(s, "EnableVirtualHostWithTenantSubdomain", true, routes, "Tenant subdomains",
                                  "Serve <tenant-id>.<domain> (multi-tenant deployments).");
  auto& without_tenant = switch_flag(s, "EnableVirtualHostWithoutTenantSubdomain", true, routes, "Cluster domain",
                                     "Serve <domain> itself.");
  auto& redirect = s.optional_string("RedirectToDomain")
                       .description("Domain that requests for any other host are redirected to (in a multi-cluster "
                                    "network typically the cluster picker). Leave empty for none.")
                       .allowed_pattern("^$|^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
                       .constraint_description("empty, or a domain name in lowercase")
                       .group(routes)
                       .label("Redirect to domain");
  // 3.17.2: which listener families of 3-2 exist.
  auto& tls_listeners = switch_flag(s, "EnableTLSListeners", true, listeners, "TLS listeners",
                                    "The load balancer has its TLS listeners (443, 8884): the proxy marks requests as "
                                    "HTTPS and sends HSTS.");
  auto& non_tls_listeners = switch_flag(s, "EnableNonTLSListeners", true, listeners, "Non-TLS listeners",
                                        "The load balancer has its non-TLS listeners (80, 1884), as EnableNonTLSListeners "
                                        "of 3-2-load-balancer-rules.");
  // 3.23.0: TLS termination in Envoy.
  auto& proxy_tls = s.shared(shared::support_proxy_tls());
  const Condition& tls = s.is_true(proxy_tls);
  // The listener switches of 3-2 for the proxy's target groups ("services exposed on the proxy",
  // 3.11.2): ECS refuses a target group without a listener, so the proxy registers with one only
  // while 3-2 has its listener. InteropEnabled (8886) is not in the changelog for the proxy either;
  // with SupportProxyTLS the proxy terminates interop.
  namespace lb = exports::load_balancer;
  const Condition& grpc = ecs::listener_switch(s, lb::grpc_enabled, "proxy");
  const Condition& http = ecs::listener_switch(s, lb::http_enabled, "proxy");
  const Condition& interop = ecs::listener_switch(s, lb::interop_enabled, "proxy");

  ecs::Component proxy(s, cluster,
                       {.prefix = "Proxy",
                        .title = "proxy",
                        .name = "proxy",
                        .image = ecs::tts_image(release, "-aws-proxy"),
                        .cpu = 512,
                        .memory = 1024,
                        .nofile = 65536,
                        .group = "Proxy"});
  // 9901: Envoy's statistics, scraped by Prometheus (5-6); the -aws-proxy image serves them there.
  proxy.port(1884).port(1885).port(8886).port(9901);
  proxy.register_with(lb::proxy_grpc, 1884, &grpc);
  if (release >= "3.30.0"_v) {
    // 3.30.0: 443 no longer depends on SupportProxyTLSCondition: it always reaches 1885.
    proxy.register_with(lb::proxy_http, 1885, &http);
  } else {
    // 3.23.0 … 3.29.2: with SupportProxyTLS, 443 passes TLS through to 8443 and only 80 reaches 1885.
    // (Two conditions: cfn-lint time grows with the depth of a condition.)
    const Condition& plain_or_tls_at_load_balancer =
        s.condition("HTTPListenerToProxy", or_({not_(condition(tls)), condition(s.is_true(non_tls_listeners))}));
    const Condition& http_to_proxy =
        s.condition("HTTPTargetHasListener", and_({condition(http), condition(plain_or_tls_at_load_balancer)}));
    const Condition& https_to_proxy = s.condition("HTTPSListenerToProxy", and_({condition(http), condition(tls)}));
    proxy.port(8443)
        .register_with(lb::proxy_http, 1885, &http_to_proxy)
        .register_with(lb::proxy_https, 8443, &https_to_proxy);
  }
  const Condition& interop_at_proxy = s.condition("InteropAtProxy", and_({condition(interop), condition(tls)}));
  proxy.register_with(lb::proxy_interop, 8886, &interop_at_proxy);
  // The rules of 3-2 for the listeners that only the proxy's TLS makes possible.
  auto needs_proxy_tls = [&](const char* rule, const lb::ListenerSwitch& sw, const std::string& why) {
    s.rule(rule).require(or_({equals(ref(*s.tmpl().find_parameter(sw.name)), "false"), equals(ref(proxy_tls), "true")}),
                         std::string(sw.name) + " needs SupportProxyTLS: " + why);
  };
  if (release >= "3.30.0"_v) {
    // 3.30.0: LBS CUPS mutual TLS on 8987 (LBSCUPSmTLSEnabled, same value in 3-1, 3-2 and here).
    const Condition& cups = ecs::listener_switch(s, lb::lbs_cups_mtls_enabled, "proxy");
    proxy.port(8987).register_with(lb::proxy_lbs_cups_mtls, 8987, &cups);
    proxy.env("PROXY_LBS_CUPS_MTLS", ref(*s.tmpl().find_parameter(lb::lbs_cups_mtls_enabled.name)));
    needs_proxy_tls("LBSCUPSmTLSNeedsProxyTLS", lb::lbs_cups_mtls_enabled, "the proxy terminates the mutual TLS");
  }
  if (release >= "3.32.0"_v) {
    // 3.32.0: The Things Industries Gateway Protocol, 8889 → proxy → Gateway Server 1889; "requires
    // SupportProxyTLS".
    const Condition& ttgp = ecs::listener_switch(s, lb::ttgp_enabled, "proxy");
    proxy.port(8889).register_with(lb::proxy_ttgp, 8889, &ttgp);
    needs_proxy_tls("TTGPNeedsProxyTLS", lb::ttgp_enabled, "the proxy terminates the gateways' mutual TLS");
  }

  Value proxy_tls_secret = s.import(exports::secrets::proxy_tls);
  proxy.env("TTS_SERVICE_DISCOVERY_NAMESPACE", cluster.namespace_name)
      .env("TTS_DOMAIN", s.import(exports::configuration::domain))
      // The Identity Server is is.<namespace> (primary) or is-proxy.<namespace> (secondary); Envoy
      // resolves both names and uses the one that exists.
      .env("PROXY_IDENTITY_SERVER_HOSTS", sub("is.${Namespace},is-proxy.${Namespace}", {{"Namespace", cluster.namespace_name}}))
      .env("PROXY_INCLUDE_GATEWAY_CONFIGURATION_SERVER", ref(gcs))
      .env("PROXY_INCLUDE_NETWORK_OPERATIONS_CENTER", ref(noc))
      .env("PROXY_VIRTUAL_HOST_WITH_TENANT_SUBDOMAIN", ref(with_tenant))
      .env("PROXY_VIRTUAL_HOST_WITHOUT_TENANT_SUBDOMAIN", ref(without_tenant))
      .env("PROXY_REDIRECT_TO_DOMAIN", ref(redirect))
      .env("PROXY_TLS_LISTENERS", ref(tls_listeners))
      .env("PROXY_NON_TLS_LISTENERS", ref(non_tls_listeners))
      .env("PROXY_SUPPORT_TLS", ref(proxy_tls))
      .env("PROXY_INTEROP", ref(*s.tmpl().find_parameter(lb::interop_enabled.name)))
      // The image loads the certificate through static SDS and re-reads the secret daily.
      .env("PROXY_TLS_SECRET_ARN", proxy_tls_secret, &tls)
      .task_permission(allow("ReadProxyTLSCertificate", {"secretsmanager:GetSecretValue"}, proxy_tls_secret), &tls);
  proxy.build();
  return s.finish();
}

}  // namespace ttsgen::stacks
