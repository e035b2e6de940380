// 3-1-security-group-rules: the ingress rules of the security groups that 1-1-vpc creates (docs:
// ecs/deployment). Public ports: the load balancer preserves client addresses (3.13.1), so each rule opens
// the target's container port to the clients' range, which the operator may narrow; a switch per
// service leaves a port closed. Internal traffic: gRPC and HTTP between tasks, the databases and
// Redis from the tasks and the bastion only, monitoring from the tasks.
#include <string>
#include <vector>

#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;
namespace vpc = exports::vpc;

namespace {

constexpr const char* kIPv4Cidr =
    "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/([0-9]|[12][0-9]|3[0-2])$";

// One ingress rule: `port` of `group` opened to a range or to another security group.
struct Opening {
  std::string id;
  const catalog::Export& group;
  std::string protocol;  // tcp or udp
  int port;
  std::string description;  // security group rule descriptions allow a-z A-Z 0-9 spaces ._-:/()#,@[]+=&;{}!$*
};

// A public service: the operator's switch and allowed range, and the container ports it opens.
struct PublicService {
  std::string key;   // parameters <key>IngressEnabled and <key>IPv4Range
  std::string flag;  // the switch's name when the public docs give one, else <key>IngressEnabled
  std::string title;
  bool enabled_by_default;
  std::vector<Opening> openings;
};

std::vector<PublicService> public_services(const Release& release) {
  const auto& tasks = vpc::tasks_security_group;
  // 3.26.0 (ECS templates): "UDP served by the GS service": before, the UDP Gateway Server daemon
  // listens on the container instances themselves (load balancer target type instance).
  Opening udp = release >= "3.26.0"_v
                    ? Opening{"UDPIngress", tasks, "udp", 1700, "Semtech UDP to the Gateway Server"}
                    : Opening{"UDPDaemonIngress", vpc::container_instances_security_group, "udp", 1700,
                              "Semtech UDP to the UDP Gateway Server daemon"};
  PublicService http{"HTTP", "", "HTTP and HTTPS (80, 443)", true,
                     {{"HTTPIngress", tasks, "tcp", 1885, "HTTP and HTTPS to the proxy"}}};
  // 3.30.0 (3-2): "removed the dependency of 443 … on SupportProxyTLSCondition": before, 443 passes
  // TLS through to the proxy's port 8443 when the proxy terminates TLS.
  if (release < "3.30.0"_v)
    http.openings.push_back({"HTTPSProxyIngress", tasks, "tcp", 8443, "HTTPS passed through to the proxy"});

  std::vector<PublicService> services{
      {"UDP", "", "Semtech UDP (1700)", true, {udp}},
      {"GatewayMQTTV2", "", "Gateway MQTT v2 (1881, 8881)", true,
       {{"GatewayMQTTV2Ingress", tasks, "tcp", 1881, "Gateway MQTT v2 to the Gateway Server"}}},
      {"GatewayMQTT", "", "Gateway MQTT (1882, 8882)", true,
       {{"GatewayMQTTIngress", tasks, "tcp", 1882, "Gateway MQTT to the Gateway Server"}}},
      // 3.13.2: "+ Basic Station port 1887" (the target port, as the load balancer preserves clients).
      {"BasicStation", "", "LoRa Basics Station (1887, 8887)", true,
       {{"BasicStationIngress", tasks, "tcp", 1887, "LoRa Basics Station LNS to the Gateway Server"}}},
      {"TabsHubs", "", "Tabs Hubs (1888, 8888)", true,
       {{"TabsHubsIngress", tasks, "tcp", 1888, "Tabs Hubs LNS to the Gateway Server"}}},
      {"ApplicationMQTT", "", "Application MQTT (1883, 8883)", true,
       {{"ApplicationMQTTIngress", tasks, "tcp", 1883, "MQTT integrations to the Application Server"}}},
      {"GRPC", "", "gRPC (1884, 8884)", true, {{"GRPCIngress", tasks, "tcp", 1884, "gRPC API to the proxy"}}},
      http,
      {"Interop", "", "Backend Interfaces interop (8886)", false,
       {{"InteropIngress", tasks, "tcp", 1886, "Interop to the Identity Server (TLS ends at the load balancer)"},
        {"InteropProxyIngress", tasks, "tcp", 8886, "Interop to the proxy (the proxy terminates TLS)"}}},
  };
  // 3.30.0: "+ ingress for LBSCUPSmTLS if LBSCUPSmTLSEnabled".
  if (release >= "3.30.0"_v)
    services.push_back({"LBSCUPSmTLS", "LBSCUPSmTLSEnabled", "LBS CUPS with mutual TLS (8987)", false,
                        {{"LBSCUPSmTLSIngress", tasks, "tcp", 8987, "LBS CUPS with mutual TLS to the proxy"}}});
  // 3.32.0 (3-2, proxy, GS): "+ public listener 8889 (TTGP) → proxy → GS 1889".
  if (release >= "3.32.0"_v)
    services.push_back({"TTGP", "", "The Things Industries Gateway Protocol (8889)", false,
                        {{"TTGPIngress", tasks, "tcp", 8889, "TTGP to the proxy"}}});
  return services;
}

// Traffic inside the cluster: `port` of `group` from the members of `source`.
struct InternalOpening {
  Opening opening;
  const catalog::Export& source;
};

std::vector<InternalOpening> internal_openings(const Release& release) {
  const auto& tasks = vpc::tasks_security_group;
  const auto& instances = vpc::container_instances_security_group;
  const auto& bastion = vpc::bastion_security_group;
  const auto& timescale = vpc::timescale_security_group;
  std::vector<InternalOpening> rules{
      // Components talk gRPC and HTTP inside the cluster (docs: concepts/networking); Prometheus scrapes HTTP.
      {{"TasksGRPCFromTasks", tasks, "tcp", 1884, "gRPC between components"}, tasks},
      {{"TasksHTTPFromTasks", tasks, "tcp", 1885, "HTTP between components and metrics"}, tasks},
      {{"TasksInteropFromTasks", tasks, "tcp", 1886, "Interop from the proxy to the Identity Server"}, tasks},
      {{"TasksNOCGrafanaFromTasks", tasks, "tcp", 3000, "NOC Grafana behind the Network Operations Center"}, tasks},
      // The proxy's statistics (Envoy, port mapping of 5-7) for Prometheus (5-6): the scrape job
      // "proxy" and the proxy's alerts (3.13.2: fd limit) need them.
      {{"TasksProxyMetricsFromTasks", tasks, "tcp", 9901, "Proxy statistics scraped by Prometheus"}, tasks},
      {{"AuroraFromTasks", vpc::aurora_security_group, "tcp", 5432, "PostgreSQL from the tasks"}, tasks},
      {{"AuroraFromBastion", vpc::aurora_security_group, "tcp", 5432, "PostgreSQL from the bastion"}, bastion},
      {{"RedisFromTasks", vpc::redis_security_group, "tcp", 6379, "Redis from the tasks"}, tasks},
      {{"RedisFromBastion", vpc::redis_security_group, "tcp", 6379, "Redis from the bastion"}, bastion},
      {{"TimescaleFromTasks", timescale, "tcp", 5432, "TimescaleDB from the tasks"}, tasks},
      {{"TimescaleFromBastion", timescale, "tcp", 5432, "TimescaleDB from the bastion"}, bastion},
      {{"TimescaleSSHFromBastion", timescale, "tcp", 22, "SSH from the bastion"}, bastion},
      {{"TimescaleNodeExporterFromTasks", timescale, "tcp", 9100, "node_exporter scraped by Prometheus"}, tasks},
      {{"TimescalePostgresExporterFromTasks", timescale, "tcp", 9187, "postgres_exporter scraped by Prometheus"}, tasks},
      {{"ContainerInstancesNodeExporterFromTasks", instances, "tcp", 9100, "node_exporter scraped by Prometheus"}, tasks},
      {{"ContainerInstancesSSHFromBastion", instances, "tcp", 22, "SSH from the bastion"}, bastion},
      {{"MonitoringStorageFromTasks", vpc::monitoring_storage_security_group, "tcp", 2049, "NFS (EFS) from Prometheus"},
       tasks},
  };
  // 3.32.0 (3-2, proxy, GS): "public listener 8889 (TTGP) → proxy → GS 1889".
  if (release >= "3.32.0"_v)
    rules.push_back({{"TasksTTGPFromTasks", tasks, "tcp", 1889, "TTGP from the proxy to the Gateway Server"}, tasks});
  // 3.26.0 (ECS templates): "− UDP Gateway Server service (daemon)". Until then the daemon on the
  // container instances talks gRPC with the other components, and Prometheus scrapes it.
  if (release < "3.26.0"_v) {
    rules.push_back({{"TasksGRPCFromContainerInstances", tasks, "tcp", 1884, "gRPC from the UDP Gateway Server daemon"}, instances});
    rules.push_back({{"ContainerInstancesGRPCFromTasks", instances, "tcp", 1884, "gRPC to the UDP Gateway Server daemon"}, tasks});
    rules.push_back(
        {{"ContainerInstancesHTTPFromTasks", instances, "tcp", 1885, "HTTP and metrics of the UDP Gateway Server daemon"}, tasks});
    // The daemon uses the Redis clusters like every Gateway Server (host networking: its source is
    // the container instances' group).
    rules.push_back({{"RedisFromContainerInstances", vpc::redis_security_group, "tcp", 6379, "Redis from the UDP Gateway Server daemon"},
                     instances});
  }
  return rules;
}

Resource& ingress(StackBuilder& s, const Opening& o, int to_port, const char* source_key, Value source) {
  return s.resource(o.id, "AWS::EC2::SecurityGroupIngress")
      .set("GroupId", s.import(o.group))
      .set("Description", o.description)
      .set("IpProtocol", o.protocol)
      .set("FromPort", o.port)
      .set("ToPort", to_port)
      .set(source_key, std::move(source));
}

void add_public_service(StackBuilder& s, const PublicService& service) {
  std::string flag_name = service.flag.empty() ? service.key + "IngressEnabled" : service.flag;
  auto& enabled = s.flag(flag_name, service.enabled_by_default)
                      .description("Open the ports of " + service.title + " to the clients. Set it like " + service.key +
                                   "Enabled of 3-2-load-balancer-rules.")
                      .group(service.title)
                      .label("Open");
  auto& range = s.parameter(service.key + "IPv4Range")
                    .description("IPv4 range of the clients allowed to connect to " + service.title +
                                 ". The default allows everyone; narrow it for a private deployment.")
                    .default_value("0.0.0.0/0")
                    .allowed_pattern(kIPv4Cidr)
                    .constraint_description("an IPv4 CIDR block such as 192.0.2.0/24 (0.0.0.0/0 for everyone)")
                    .group(service.title)
                    .label("Allowed IPv4 range");
  for (const Opening& o : service.openings) ingress(s, o, o.port, "CidrIp", ref(range)).condition(s.is_true(enabled));
}

}  // namespace

StackModel build_security_group_rules(const Release& release) {
  StackBuilder s(release, "security-group-rules");

  for (const PublicService& service : public_services(release)) add_public_service(s, service);

  // Health checks of the load balancer come from its private addresses in the VPC; they must pass
  // however narrow the client ranges are. The checked ports are the target ports 1881-1888, and
  // 1885 for the UDP and TLS-terminating proxy target groups (3-2-load-balancer-rules).
  Value vpc_cidr = s.import(vpc::vpc_cidr_block);
  ingress(s, {"LoadBalancerHealthChecks", vpc::tasks_security_group, "tcp", 1881, "Load balancer health checks"}, 1888, "CidrIp",
          vpc_cidr);
  // 3.26.0 (3-2): "UDP TG target type instance → ip": until then the UDP target group checks the
  // daemon on the container instances.
  if (release < "3.26.0"_v)
    ingress(s, {"UDPDaemonHealthChecks", vpc::container_instances_security_group, "tcp", 1885, "Load balancer health checks"},
            1885, "CidrIp", vpc_cidr);

  for (const InternalOpening& rule : internal_openings(release))
    ingress(s, rule.opening, rule.opening.port, "SourceSecurityGroupId", s.import(rule.source));

  return s.finish();
}

}  // namespace ttsgen::stacks
