#include "ttsgen/stacks/shared_parameters.hpp"

#include <algorithm>
#include <stdexcept>

#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/data.hpp"

namespace ttsgen::stacks {

namespace {

SharedParameter flag(std::string id, bool default_value, std::string description, std::string label, std::string group,
                     catalog::Version since) {
  return {.id = std::move(id),
          .description = std::move(description),
          .default_value = default_value ? "true" : "false",
          .allowed_values = {"true", "false"},
          .group = std::move(group),
          .label = std::move(label),
          .since = since};
}

// A lowercase domain name of labels of at most 63 characters (RFC 1035), ending in a top-level
// domain of letters; at most 128 characters, so the documents that hold it stay bounded.
SharedParameter domain_parameter(std::string id, std::string description, std::string label) {
  return {.id = std::move(id),
          .description = std::move(description),
          .allowed_pattern = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$",
          .constraint_description = "a lowercase domain name such as thethings.example.com",
          .max_length = 128,
          .group = "Cluster",
          .label = std::move(label),
          .since = "3.9.0"_v};
}

// On by default (security baseline): 2-3-db-redis creates its replication group with TLS and an
// AUTH token unless RedisTLS is false there (docs/decisions-shared-parameters.md).
SharedParameter redis_tls(const std::string& use, const std::string& what) {
  return flag(use + "RedisTLS", true,
              "The " + what + " Redis cluster uses TLS and its AUTH token: the same value as RedisTLS of its "
              "2-3-db-redis stack.",
              use + " cluster TLS", "Redis", "3.16.1"_v);
}

}  // namespace

namespace shared {

const SharedParameter& support_proxy_tls() {
  static const SharedParameter p =
      flag("SupportProxyTLS", false,
           "The proxy (Envoy) terminates TLS and mutual TLS (interop, LBS CUPS with mutual TLS, TTGP) with the "
           "certificate in the ProxyTLSSecret of 4-1-secrets. Set the same value in every template that has it.",
           "Proxy terminates TLS", "Proxy TLS", "3.23.0"_v);
  return p;
}

const SharedParameter& include_network_operations_center() {
  // Off by default: the NOC needs a TimescaleDB deployment and its OAuth client (4-1 IncludeNOC).
  static const SharedParameter p =
      flag("IncludeNetworkOperationsCenter", false,
           "Run the Network Operations Center (needs a 2-5-db-timescale-master deployment, and IncludeNOC in "
           "4-1-secrets). Set the same value in every template that has it.",
           "Network Operations Center", "Network Operations Center", "3.19.2"_v);
  return p;
}

const SharedParameter& general_redis_tls() {
  static const SharedParameter p = redis_tls("General", "general");
  return p;
}
const SharedParameter& cache_redis_tls() {
  static const SharedParameter p = redis_tls("Cache", "cache");
  return p;
}
const SharedParameter& events_redis_tls() {
  static const SharedParameter p = redis_tls("Events", "events");
  return p;
}

const SharedParameter& domain() {
  static const SharedParameter p = domain_parameter(
      "Domain",
      "Domain of the cluster, as in its certificate and Route 53 records. Multi-tenant deployments serve tenants at "
      "<tenant-id>.<domain>.",
      "Domain");
  return p;
}

const SharedParameter& identity_server_domain() {
  static const SharedParameter p = domain_parameter(
      "IdentityServerDomain",
      "Domain of the cluster that runs the Identity Server: Domain in the primary cluster, the primary cluster's "
      "domain in a secondary cluster.",
      "Identity Server domain");
  return p;
}

const SharedParameter& timescale_deployment_name() {
  static const SharedParameter p{.id = "DeploymentName",
                                 .description = "Name of this TimescaleDB deployment, unique in the cluster (e.g. default, "
                                                "storage, noc). It qualifies the stack's exports, which the consumers "
                                                "select by it; their defaults select default.",
                                 .default_value = "default",
                                 .allowed_pattern = kCopyNamePattern,
                                 .constraint_description = kCopyNameConstraint,
                                 .group = "TimescaleDB",
                                 .label = "Deployment name",
                                 .since = "3.19.2"_v};
  return p;
}

const SharedParameter& timescale_replica_deployment_name() {
  static const SharedParameter p =
      selector_of(timescale_deployment_name(), "DeploymentName",
                  "DeploymentName of the 2-5-db-timescale-master stack that this replica copies.", "Deployment name",
                  "TimescaleDB");
  return p;
}

const SharedParameter& storage_timescale_deployment_name() {
  static const SharedParameter p =
      selector_of(timescale_deployment_name(), "ApplicationServerStorageTimescaleDBDeploymentName",
                  "DeploymentName of the 2-5-db-timescale-master stack that holds the Storage Integration data.",
                  "Storage Integration deployment", "TimescaleDB");
  return p;
}

const SharedParameter& noc_timescale_deployment_name() {
  static const SharedParameter p =
      selector_of(timescale_deployment_name(), "NOCTimescaleDBDeploymentName",
                  "DeploymentName of the 2-5-db-timescale-master stack that holds the NOC data.", "NOC deployment",
                  "TimescaleDB");
  return p;
}

}  // namespace shared

std::vector<const SharedParameter*> shared_parameters() {
  using namespace shared;
  return {&support_proxy_tls(),        &include_network_operations_center(), &general_redis_tls(),
          &cache_redis_tls(),          &events_redis_tls(),                  &domain(),
          &identity_server_domain(),   &timescale_deployment_name(),         &timescale_replica_deployment_name(),
          &storage_timescale_deployment_name(), &noc_timescale_deployment_name()};
}

SharedParameter selector_of(const SharedParameter& producer, std::string id, std::string description, std::string label,
                            std::string group) {
  SharedParameter p = producer;
  p.id = std::move(id);
  p.description = std::move(description);
  p.label = std::move(label);
  p.group = std::move(group);
  return p;
}

const std::vector<SameNameException>& same_name_exceptions() {
  static const std::vector<SameNameException> list{
      {"InstanceType", "the instance type of each stack's own machines: EC2 (1-2, 2-5, 2-6, 5-1) or ElastiCache (2-3)"},
      {"DBEngineVersion", "Aurora PostgreSQL (2-1, major.minor) and the PostgreSQL of TimescaleDB (2-5, 2-6, major)"},
  };
  return list;
}

const SameNameException* find_same_name_exception(std::string_view name) {
  const auto& list = same_name_exceptions();
  auto it = std::find_if(list.begin(), list.end(), [&](const SameNameException& e) { return e.name == name; });
  return it == list.end() ? nullptr : &*it;
}

const std::vector<ChangedDefault>& changed_defaults() {
  static const std::vector<ChangedDefault> list{
      {"GeneralRedisTLS, CacheRedisTLS, EventsRedisTLS", "5-2, 5-3a, 5-3c, 5-4", "false", "true",
       "2-3-db-redis creates its group with TLS and an AUTH token by default (RedisTLS true); with the old default "
       "the tasks connected without TLS and without the token and failed",
       "a cluster whose Redis runs without TLS (RedisTLS false) passes false to these parameters in the update"},
      {"IncludeNetworkOperationsCenter", "4-2a", "true", "false",
       "the NOC is optional and off in 5-2, 5-4, 5-6 and 5-7; it needs a TimescaleDB deployment",
       "a cluster that runs the NOC passes true, else the update removes the NOC configuration"},
      {"IncludeNOC", "4-1", "true", "false",
       "the same switch as IncludeNetworkOperationsCenter; on, its rule demanded the NOC OAuth client of a cluster "
       "without a NOC",
       "a cluster that runs the NOC passes true, so that the template keeps requiring the NOC OAuth client"},
      {"ApplicationServerStorageTimescaleDBDeploymentName, NOCTimescaleDBDeploymentName", "5-2, 5-4",
       "storage, noc (pattern ^[a-z][a-z0-9-]{0,31}$)", "default (^[a-z][a-z0-9]{0,15}$)",
       "they select a 2-5-db-timescale-master by its DeploymentName, whose default is default: the old defaults "
       "selected no deployment, and the old pattern accepted names no deployment can have",
       "a cluster whose deployments are named storage and noc passes those names"},
  };
  return list;
}

const cfn::Parameter& StackBuilder::shared(const SharedParameter& p) {
  if (release_ < p.since)
    throw std::logic_error("shared parameter " + p.id + " exists from " + p.since.str() + ", not in " + release_.str());
  cfn::Parameter& out = parameter(p.id, p.type).description(p.description).group(p.group).label(p.label);
  if (p.default_value) out.default_value(*p.default_value);
  if (!p.allowed_values.empty()) out.allowed_values(p.allowed_values);
  if (!p.allowed_pattern.empty()) out.allowed_pattern(p.allowed_pattern);
  if (!p.constraint_description.empty()) out.constraint_description(p.constraint_description);
  if (p.max_length) out.max_length(*p.max_length);
  return out;
}

}  // namespace ttsgen::stacks
