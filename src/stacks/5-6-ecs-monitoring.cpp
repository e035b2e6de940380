// 5-6-ecs-monitoring (5-5-ecs-monitoring before 3.30.0): Prometheus in the ECS cluster (docs:
// ecs/deployment, ecs/monitoring), with its data on EFS, an optional Thanos sidecar that ships blocks to S3
// (UseLongTermStorage) and an optional blackbox exporter that probes the components (ProbeHTTP).
// The rules ship with the -aws-prometheus image; the scrape configuration, which depends on the
// deployment, is written here (templates/5-6-ecs-monitoring/) into an SSM parameter.
#include <map>
#include <string>
#include <vector>

#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"
#include "ttsgen/util/embedded.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

std::string text(const std::string& file) { return std::string(embedded::file("5-6-ecs-monitoring/" + file)); }

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
  return s;
}

struct Job {
  const char* job;
  const char* service;  // Cloud Map name
  const char* include;  // Include* parameter, or nullptr when always scraped
};

}  // namespace

StackModel build_monitoring(const Release& release) {
  StackBuilder s(release, "monitoring");
  ecs::Cluster cluster = ecs::cluster(s, true);
  const std::string group = "Prometheus";

  auto& alertmanager = s.optional_string("AlertmanagerURL")
                           .description("URL of the Alertmanager that receives the alerts (scheme, host and port, e.g. "
                                        "https://alertmanager.example.com:9093). Leave empty for none.")
                           .allowed_pattern("^$|^https?://[a-zA-Z0-9.-]+(:[0-9]{1,5})?$")
                           .constraint_description("empty, or http(s)://host[:port]")
                           .group(group)
                           .label("Alertmanager URL");
  auto& password = s.optional_string("PrometheusPassword")
                       .description("Password of the user metrics for Prometheus. Leave empty to use the password "
                                    "of HTTPMetricsPasswordSecret (output of 4-1-secrets).")
                       .no_echo()
                       .group(group)
                       .label("Prometheus password");
  // 3.11.3: Thanos off by default.
  auto& long_term = s.flag("UseLongTermStorage", false)
                        .description("Ship the metrics to an S3 bucket with a Thanos sidecar (no querying from S3). "
                                     "Turn it off to free resources if the task stops with 'Essential container in "
                                     "task exited'.")
                        .group(group)
                        .label("Long-term storage");
  // 3.23.1: Thanos 0.29.0.
  auto& thanos_image = s.parameter("ThanosImage")
                           .description("Docker image of the Thanos sidecar.")
                           .default_value("quay.io/thanos/thanos:v0.29.0")
                           .group(group)
                           .label("Thanos image");
  // 3.16.1: ProbeHTTP.
  auto& probe = s.flag("ProbeHTTP", true)
                    .description("Probe the HTTP health endpoints of the components with a blackbox exporter.")
                    .group(group)
                    .label("Probe HTTP");
  auto& blackbox_image = s.parameter("BlackboxExporterImage")
                             .description("Docker image of the blackbox exporter (ProbeHTTP).")
                             .default_value("quay.io/prometheus/blackbox-exporter:v0.25.0")
                             .group(group)
                             .label("Blackbox exporter image");

  // 3.14.0: Include* per component (IncludeIdentityServer and IncludeIdentityServerProxy default
  // true); 3.19.2: IncludeNetworkOperationsCenter.
  auto include = [&s](const char* id, bool default_value, const std::string& title) -> const Condition& {
    const SharedParameter& noc = shared::include_network_operations_center();
    if (id == noc.id) return s.is_true(s.shared(noc));
    return s.is_true(s.flag(id, default_value)
                         .description("Scrape the " + title + " (its alerts fire when it has no targets).")
                         .group("Components")
                         .label(title));
  };
  const std::vector<Job> jobs{
      {"identity-server", "is", "IncludeIdentityServer"},
      {"identity-server-proxy", "is-proxy", "IncludeIdentityServerProxy"},
      {"gateway-server", "gs", nullptr},
      {"network-server", "ns", nullptr},
      {"application-server", "as", nullptr},
      {"join-server", "js", nullptr},
      {"console", "console", nullptr},
      {"gateway-configuration-server", "gcs", "IncludeGatewayConfigurationServer"},
      {"device-claiming-server", "dcs", "IncludeDeviceClaimingServer"},
      {"packet-broker-agent", "pba", "IncludePacketBroker"},
      {"tenant-billing-server", "tbs", "IncludeTenantBillingServer"},
      {"network-operations-center", "noc", "IncludeNetworkOperationsCenter"},
  };
  const std::map<std::string, std::pair<bool, std::string>> includes{
      {"IncludeIdentityServer", {true, "Identity Server"}},
      {"IncludeIdentityServerProxy", {true, "Identity Server proxy"}},
      {"IncludeGatewayConfigurationServer", {true, "Gateway Configuration Server"}},
      {"IncludeDeviceClaimingServer", {true, "Device Claiming Server"}},
      {"IncludePacketBroker", {true, "Packet Broker Agent"}},
      {"IncludeTenantBillingServer", {false, "Tenant Billing Server"}},
      {"IncludeNetworkOperationsCenter", {false, "Network Operations Center"}},
  };

  // The configuration: the header, the Alertmanager when given, then one scrape job per component.
  Value namespace_variable = cluster.namespace_name;
  auto piece = [&](const std::string& yaml) { return sub(yaml, {{"Namespace", namespace_variable}}); };
  const Condition& has_alertmanager = s.is_set(alertmanager);
  Value alertmanager_url = split("://", ref(alertmanager));
  Value parts = Value::list({sub(text("prometheus.yml")),
                             if_(has_alertmanager,
                                 sub(text("alerting.yml"), {{"Scheme", select(0, alertmanager_url)},
                                                            {"Target", select(1, alertmanager_url)}}),
                                 ""),
                             piece(text("scrape-header.yml"))});
  std::string probed;
  for (const auto& job : jobs) {
    Value yaml = piece(replaced(replaced(text("component.yml"), "@JOB@", job.job), "@SERVICE@", job.service));
    if (job.include) {
      const auto& [default_value, title] = includes.at(job.include);
      yaml = if_(include(job.include, default_value, title), yaml, "");
    }
    parts.push_back(yaml);
    probed += std::string(probed.empty() ? "" : ", ") + "'" + job.service + ".${Namespace}'";
  }
  parts.push_back(sub(text("hosts.yml")));
  // 3.26.0: UDP Gateway Server references removed.
  if (release < "3.26.0"_v) parts.push_back(sub(text("udp-gateway-server.yml")));
  const Condition& probing = s.is_true(probe);
  parts.push_back(if_(probing, piece(replaced(text("http-probes.yml"), "@SERVICES@", probed)), ""));

  Resource& config = s.resource("PrometheusConfiguration", "AWS::SSM::Parameter")
                         .set("Name", ssm_parameter_name("monitoring/prometheus"))
                         .set("Description", "Prometheus configuration (prometheus.yml) of 5-x-ecs-monitoring")
                         .set("Type", "String")
                         .set("Tier", "Intelligent-Tiering")
                         .set("Value", join("", parts));

  const Condition& custom_password = s.is_set(password);
  Resource& password_secret = secret_from_parameter(s, "PrometheusPasswordSecret", password, "prometheus-password",
                                                    "Password of the user metrics for Prometheus (PrometheusPassword)")
                                  .condition(custom_password);

  ecs::Component prometheus(s, cluster,
                            {.prefix = "Prometheus",
                             .title = "Prometheus",
                             .name = "prometheus",
                             .image = ecs::tts_image(release, "-aws-prometheus"),
                             .cpu = 1024,
                             .memory = 2048,
                             // One Prometheus owns its data directory.
                             .desired_count = std::nullopt});
  // No port mapping: the Thanos and blackbox sidecars reach Prometheus (9090) over localhost, and no
  // stack queries it from outside (3-1 has no rule for it).
  prometheus.config("PROMETHEUS_CONFIG", ref(config))
      .secret("METRICS_PASSWORD", exports::secrets::http_metrics_password)
      .secret("PROMETHEUS_PASSWORD",
              if_(custom_password, ref(password_secret), s.import(exports::secrets::http_metrics_password)))
      // ec2_sd_configs (node_exporter, TimescaleDB hosts): DescribeInstances has no resource-level permissions.
      .task_permission(allow("DiscoverHosts", {"ec2:DescribeInstances", "ec2:DescribeAvailabilityZones"}, "*"));
  ecs::persistent_volume(s, cluster, prometheus, "Prometheus", "data", "/prometheus");

  // Thanos sidecar and its bucket (UseLongTermStorage).
  const Condition& thanos = s.is_true(long_term);
  Resource& bucket = secure_bucket(s, "LongTermStorageBucket", "prometheus-long-term", BucketOptions{}).condition(thanos);
  bucket_policy(s, bucket);
  Value objstore = sub("type: S3\nconfig:\n  bucket: ${LongTermStorageBucket}\n  endpoint: s3.${AWS::Region}.amazonaws.com\n");
  prometheus.sidecar(if_(thanos,
                         Value::map({{"Name", "thanos"},
                                     {"Image", ref(thanos_image)},
                                     {"Essential", false},
                                     {"Command", Value::list({"sidecar", "--tsdb.path=/prometheus",
                                                              "--prometheus.url=http://localhost:9090",
                                                              join("", Value::list({"--objstore.config=", objstore}))})},
                                     {"MountPoints", Value::list({Value::map({{"SourceVolume", "data"},
                                                                              {"ContainerPath", "/prometheus"},
                                                                              {"ReadOnly", false}})})},
                                     {"LogConfiguration", prometheus.log_configuration("thanos")}}),
                         pseudo::no_value()))
      .task_permission(allow("ShipToLongTermStorage", {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"},
                             Value::list({get_att(bucket, "Arn"), sub("${LongTermStorageBucket.Arn}/*")})),
                       &thanos);
  prometheus.sidecar(if_(probing,
                         Value::map({{"Name", "blackbox-exporter"},
                                     {"Image", ref(blackbox_image)},
                                     {"Essential", false},
                                     {"LogConfiguration", prometheus.log_configuration("blackbox-exporter")}}),
                         pseudo::no_value()));
  prometheus.build();
  return s.finish();
}

}  // namespace ttsgen::stacks
