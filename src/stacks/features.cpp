#include "ttsgen/stacks/features.hpp"

#include <algorithm>

namespace ttsgen::stacks {

const std::vector<Feature>& features() {
  static const std::vector<Feature> list{
      {.id = "redis-tls",
       .title = "Redis TLS",
       .description = "In-transit encryption and the AUTH token of every Redis cluster; on by default (security "
                      "baseline). The consumers' switch of each use must match RedisTLS of the cluster it selects.",
       .switches = {{"RedisTLS"}, {"GeneralRedisTLS"}, {"CacheRedisTLS"}, {"EventsRedisTLS"}},
       .stacks = {"redis"}},
      {.id = "proxy-tls",
       .title = "Proxy TLS",
       .description = "The proxy (Envoy) terminates TLS and mutual TLS with the certificate that the certbot task "
                      "of 5-8a-certs-le writes into the ProxyTLSSecret of 4-1-secrets.",
       .switches = {{"SupportProxyTLS"}},
       .stacks = {"proxy", "certs-le"}},
      {.id = "interop",
       .title = "LoRaWAN Backend Interfaces interoperability",
       .description = "Listener 8886 for interop with other join and network servers; its ingress, listener, "
                      "Identity Server endpoint and proxy route, through the proxy's TLS.",
       .switches = {{"InteropIngressEnabled"}, {"InteropEnabled"}, {"InteropEnabledIS"}},
       .stacks = {"routing-s3", "proxy"},
       .requires_features = {"proxy-tls"}},
      {.id = "ttgp",
       .title = "The Things Industries Gateway Protocol (TTGP)",
       .description = "Listener 8889 for gateways that speak TTGP; the proxy terminates their mutual TLS.",
       .switches = {{"TTGPIngressEnabled"}, {"TTGPEnabled"}},
       .stacks = {"mtls-s3", "proxy"},
       .requires_features = {"proxy-tls"}},
      {.id = "lbs-cups-mtls",
       .title = "LBS CUPS with mutual TLS",
       .description = "Listener 8987 for LoRa Basics Station gateways that authenticate CUPS with a client "
                      "certificate; the proxy checks it against the CA bundle of 2-4c-mtls-s3.",
       .switches = {{"LBSCUPSmTLSEnabled"}},
       .stacks = {"mtls-s3", "proxy"},
       .requires_features = {"proxy-tls"}},
      {.id = "ttgc",
       .title = "The Things Gateway Controller custom client certificate",
       .description = "A TLS client certificate of the operator's own for The Things Gateway Controller instead "
                      "of the one The Things Stack issues.",
       .switches = {{"EnableTTGCCustomCertificate"}}},
      {.id = "noc",
       .title = "Network Operations Center",
       .description = "The NOC and its Grafana, with their data in a TimescaleDB deployment and their OAuth client.",
       .switches = {{"IncludeNOC"}, {"IncludeNetworkOperationsCenter"}},
       .stacks = {"timescale"}},
      {.id = "storage-integration",
       .title = "Application Server Storage Integration",
       .description = "The Application Server keeps application uplinks in a TimescaleDB deployment.",
       .switches = {{"ApplicationServerStorageEnabled"}},
       .stacks = {"timescale"}},
      {.id = "timescale-replicas",
       .title = "TimescaleDB read replicas",
       .description = "Storage Integration reads from read replicas of its TimescaleDB deployment (NumReplicas of "
                      "2-5 before 3.30.2, a 2-6-db-timescale-replica stack per replica from 3.30.2).",
       .switches = {{"NumReplicas", "1"}, {"ApplicationServerStorageReplicaEnabled"}},
       .stacks = {"timescale", "timescale-replica"},
       .requires_features = {"storage-integration"}},
      {.id = "rate-limiting",
       .title = "Rate limiting",
       .description = "Each component applies the rate limits of 4-2b-configuration-rate-limiting; on by default.",
       .switches = {{"EnableISRateLimiting"}, {"EnableGSRateLimiting"}, {"EnableUDPGSRateLimiting"},
                    {"EnableNSRateLimiting"}, {"EnableASRateLimiting"}, {"EnableJSRateLimiting"},
                    {"EnableGCSRateLimiting"}, {"EnableDCSRateLimiting"}, {"EnableNOCRateLimiting"},
                    {"EnableTBSRateLimiting"}},
       .stacks = {"rate-limiting"}},
      {.id = "resource-limiting",
       .title = "Resource limiting",
       .description = "The services apply the resource limits of 4-2c-configuration-resource-limiting.",
       .switches = {{"EnableResourceLimiting"}},
       .stacks = {"resource-limiting"}},
      {.id = "external-identity-server",
       .title = "External Identity Server (secondary cluster)",
       .description = "This cluster uses the Identity Server of the primary cluster through 5-3b-ecs-external-is-proxy.",
       .switches = {{"ExternalIdentityServer"}, {"IncludeIdentityServer", "false"}},
       .stacks = {"external-is-proxy"}},
      {.id = "tenant-billing",
       .title = "Tenant Billing Server",
       .description = "The Tenant Billing Server and its monitoring.",
       .switches = {{"IncludeTenantBillingServer"}},
       .stacks = {"tenant-billing-server"}},
      {.id = "alerting",
       .title = "Alarms and alert routing",
       .description = "CloudWatch alarms of the stacks notify the Opsgenie topic of 1-3-opsgenie.",
       .switches = {{"RedisAlertingEnabled"}, {"EnableAlarms"}, {"EnableAlertRouting"}},
       .stacks = {"opsgenie"}},
      {.id = "monitoring",
       .title = "Monitoring (Prometheus)",
       .description = "Prometheus scrapes the components (optional stack, no switch).",
       .stacks = {"monitoring"}},
      {.id = "tenant-resource-monitoring",
       .title = "Tenant resource monitoring",
       .description = "Per-tenant resource metrics (optional stack, no switch).",
       .stacks = {"tenant-resource-monitoring"}},
      {.id = "lets-encrypt",
       .title = "Let's Encrypt certificates",
       .description = "Certificates requested and renewed by certbot (optional stacks, no switch).",
       .stacks = {"certs-le", "certbot-scheduled-task"}},
      {.id = "bastion",
       .title = "Bastion host",
       .description = "An instance for SSH and Session Manager access to the private subnets (optional stack).",
       .stacks = {"bastion"}},
      {.id = "aurora-replicas",
       .title = "Aurora read replicas",
       .description = "Reader instances of the Identity Server database, one 2-2-db-aurora-replica stack each.",
       .stacks = {"aurora-replica"}},
      {.id = "sqs-queues",
       .title = "SQS queues",
       .description = "The SQS queues of 2-7-queue-sqs (optional stack, no switch).",
       .stacks = {"queue-sqs"}},
  };
  return list;
}

const Feature* find_feature(std::string_view id) {
  const auto& list = features();
  auto it = std::find_if(list.begin(), list.end(), [&](const Feature& f) { return f.id == id; });
  return it == list.end() ? nullptr : &*it;
}

std::vector<const Feature*> features_switched_by(std::string_view parameter) {
  std::vector<const Feature*> out;
  for (const auto& f : features())
    if (std::any_of(f.switches.begin(), f.switches.end(), [&](const FeatureSwitch& s) { return s.parameter == parameter; }))
      out.push_back(&f);
  return out;
}

std::vector<FeatureSetting> feature_settings(const Feature& feature, const std::vector<BuiltStack>& release) {
  std::vector<const Feature*> all{&feature};
  for (auto id : feature.requires_features)
    if (const Feature* f = find_feature(id)) all.push_back(f);
  std::vector<FeatureSetting> out;
  for (const auto& built : release)
    for (const Feature* f : all)
      for (const auto& sw : f->switches)
        if (built.model.tmpl.find_parameter(sw.parameter))
          out.push_back({built.name, std::string(sw.parameter), std::string(sw.on)});
  return out;
}

}  // namespace ttsgen::stacks
