#include "ttsgen/stacks/registry.hpp"

#include <algorithm>

#include "ttsgen/stacks/stacks.hpp"
#include "ttsgen/util/spelling.hpp"

namespace ttsgen::stacks {

using catalog::ClusterRole;
using catalog::Stack;
using catalog::operator""_v;

// Names and first releases before 3.24.0 follow the changelog (facts §4.2) even though ttsgen
// renders from 3.24.0: they tell `list` and `docs` how long a stack has existed.
const std::vector<Stack>& all_stacks() {
  static const std::vector<Stack> stacks{
      {.key = "vpc",
       .names = {{"3.9.0"_v, "1-1-vpc"}},
       .title = "VPC, subnets, NAT gateways and network load balancer",
       .purpose = "The network foundation over two availability zones: public and private subnets, NAT gateways "
                  "with Elastic IPs, the internet-facing network load balancer with an Elastic IP per zone, its "
                  "access-log bucket, the internal hosted zone, and the security groups of the cluster.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_vpc},
      {.key = "bastion",
       .names = {{"3.9.0"_v, "1-2-bastion"}},
       .title = "Bastion host",
       .purpose = "An EC2 instance in a public subnet for administrative access to the databases and Redis, "
                  "reachable over SSH from the given ranges or through Session Manager.",
       .optional = true,
       .role = ClusterRole::Both,
       .build = build_bastion},
      {.key = "opsgenie",
       .names = {{"3.10.0"_v, "1-3-opsgenie"}},
       .title = "Opsgenie alarm forwarding",
       .purpose = "An SNS topic that CloudWatch alarms of the other stacks publish to, with an HTTPS "
                  "subscription that forwards them to Opsgenie.",
       .optional = true,
       .role = ClusterRole::Both,
       .build = build_opsgenie},
      {.key = "ecs-cluster",
       .names = {{"3.9.0"_v, "5-1-ecs-cluster"}},
       .title = "ECS cluster and container instances",
       .purpose = "The ECS cluster, its EC2 container instances (Auto Scaling group in the private subnets, drained "
                  "by a lifecycle hook before termination) and the Cloud Map namespace its services register in.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_ecs_cluster},
      {.key = "ops",
       .names = {{"3.9.0"_v, "5-2-ecs-ops"}},
       .title = "Ops task for database operations",
       .purpose = "The task definition (container ttes) that runs tti-lw-stack database commands on demand: "
                  "is-db, ns-db, as-db, dcs-db, noc-db and storage-db migrations and administration.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_ops},
      {.key = "identity-server",
       .names = {{"3.9.0"_v, "5-3a-ecs-is-service"}},
       .title = "Identity Server service",
       .purpose = "The Identity Server (accounts, OAuth, Account app, tenants, entity registry) as an ECS service, "
                  "with its Aurora database, picture buckets and, with interop on, the load balancer's interop "
                  "target group.",
       .optional = false,
       .role = ClusterRole::Primary,
       .build = build_identity_server},
      {.key = "external-is-proxy",
       .names = {{"3.9.0"_v, "5-3b-ecs-external-is-proxy"}},
       .title = "External Identity Server proxy",
       .purpose = "In a secondary cluster: proxy tasks that forward Identity Server requests to the Identity "
                  "Server of the primary cluster.",
       .optional = false,
       .role = ClusterRole::Secondary,
       .build = build_external_is_proxy},
      {.key = "tenant-billing-server",
       .names = {{"3.9.0"_v, "5-3c-ecs-tbs-service"}},
       .title = "Tenant Billing Server service",
       .purpose = "The Tenant Billing Server, which bills tenants through Stripe (multi-tenant deployments).",
       .optional = true,
       .role = ClusterRole::Primary,
       .build = build_tenant_billing_server},
      {.key = "services",
       .names = {{"3.9.0"_v, "5-4-ecs-services"}},
       .title = "Routing services",
       .purpose = "The Gateway, Network, Application and Join Server, Console, Gateway Configuration Server, Device "
                  "Claiming Server, Packet Broker Agent and Network Operations Center as ECS services, registered "
                  "with the load balancer's target groups.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_services},
      {.key = "tenant-resource-monitoring",
       .names = {{"3.30.0"_v, "5-5-tenant-resource-monitoring"}},
       .title = "Tenant Resource Monitoring",
       .purpose = "A Prometheus for per-tenant resource metrics and an Alertmanager that hands tenant alerts to the "
                  "Alert Routing Server.",
       .optional = true,
       .role = ClusterRole::Both,
       .build = build_tenant_resource_monitoring},
      {.key = "monitoring",
       .names = {{"3.9.0"_v, "5-5-ecs-monitoring"}, {"3.30.0"_v, "5-6-ecs-monitoring"}},
       .title = "Prometheus monitoring",
       .purpose = "Prometheus with the rules of The Things Stack, its data on EFS, optional long-term storage in "
                  "S3 (Thanos) and HTTP probes; alerts go to an external Alertmanager.",
       .optional = true,
       .role = ClusterRole::Both,
       .build = build_monitoring},
      {.key = "proxy",
       .names = {{"3.9.0"_v, "5-6-ecs-proxy"}, {"3.30.0"_v, "5-7-ecs-proxy"}},
       .title = "HTTP and gRPC proxy",
       .purpose = "The Envoy cluster proxy that routes external gRPC and HTTP to the components and, with "
                  "SupportProxyTLS, terminates TLS for interop, LBS CUPS mutual TLS and TTGP.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_proxy},
      {.key = "certs-le",
       .names = {{"3.9.0"_v, "5-7a-certs-le"}, {"3.30.0"_v, "5-8a-certs-le"}},
       .title = "Let's Encrypt certificate task",
       .purpose = "The certbot task that requests a Let's Encrypt certificate (Route 53 DNS challenge), imports it "
                  "into ACM and, with SupportProxyTLS, stores a copy for the proxy.",
       .optional = true,
       .role = ClusterRole::Both,
       .multiplicity = "once per certificate (CertificateID)",
       .build = build_certs_le},
      {.key = "certbot-scheduled-task",
       .names = {{"3.9.0"_v, "5-7b-ecs-certbot-scheduled-task"}, {"3.30.0"_v, "5-8b-ecs-certbot-scheduled-task"}},
       .title = "Scheduled certificate renewal",
       .purpose = "An EventBridge rule that runs the certbot task of one 5-8a-certs-le stack on a schedule.",
       .optional = true,
       .role = ClusterRole::Both,
       .multiplicity = "once per 5-8a-certs-le stack (CertificateID)",
       .build = build_certbot_scheduled_task},
  };
  return stacks;
}

const Stack* find_stack(std::string_view key) {
  for (const auto& s : all_stacks())
    if (s.key == key) return &s;
  return nullptr;
}

std::vector<const Stack*> stacks_in(const catalog::Version& v) {
  std::vector<const Stack*> result;
  for (const auto& s : all_stacks())
    if (s.exists_in(v)) result.push_back(&s);
  std::stable_sort(result.begin(), result.end(), [&v](const Stack* a, const Stack* b) {
    return catalog::numbering_less(a->name_at(v), b->name_at(v));
  });
  return result;
}

const Stack* resolve_stack(std::string_view name, const catalog::Version& v) {
  for (const Stack* s : stacks_in(v))
    if (s->name_at(v) == name || s->key == name) return s;
  return nullptr;
}

std::string explain_unknown_stack(std::string_view name, const catalog::Version& v) {
  // A name from another release: say what it is called in this one, or that it does not exist.
  for (const auto& s : all_stacks()) {
    for (std::size_t i = 0; i < s.names.size(); ++i) {
      const catalog::StackName& n = s.names[i];
      if (n.name != name) continue;
      std::string quoted = "'" + std::string(name) + "'";
      if (!s.exists_in(v)) {
        if (v < s.first()) return quoted + " first appears in " + s.first().str();
        return quoted + " was removed after " + s.last->str();
      }
      const std::string& current = s.name_at(v);
      if (v < n.since) return quoted + " is called '" + current + "' before " + n.since.str();
      return quoted + " was renamed to '" + current + "' in " + s.names[i + 1].since.str();
    }
  }
  std::vector<std::string> candidates;
  for (const Stack* s : stacks_in(v)) candidates.push_back(s->name_at(v));
  if (auto best = util::closest_match(name, candidates)) return "did you mean '" + *best + "'?";
  return "";
}

std::vector<const Stack*> dependencies_of(const catalog::StackModel& model, const catalog::Version& v) {
  std::vector<const Stack*> producers;
  for (const catalog::Export* e : model.imports) {
    const Stack* producer = find_stack(e->producer);
    if (producer && std::find(producers.begin(), producers.end(), producer) == producers.end()) producers.push_back(producer);
  }
  std::sort(producers.begin(), producers.end(), [&v](const Stack* a, const Stack* b) {
    bool a_in = a->exists_in(v), b_in = b->exists_in(v);
    if (a_in != b_in) return a_in;
    return a_in ? catalog::numbering_less(a->name_at(v), b->name_at(v)) : a->key < b->key;
  });
  return producers;
}

}  // namespace ttsgen::stacks
