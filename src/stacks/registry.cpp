#include "ttsgen/stacks/registry.hpp"

#include <algorithm>

#include "ttsgen/stacks/stacks.hpp"
#include "ttsgen/util/spelling.hpp"

namespace ttsgen::stacks {

using catalog::ClusterRole;
using catalog::Stack;
using catalog::operator""_v;

// Names and first releases before 3.24.0 follow the changelog (docs: ecs/changelog) even though ttsgen
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
      {.key = "aurora",
       .names = {{"3.9.0"_v, "2-1-db-aurora-master"}},
       .title = "Aurora PostgreSQL cluster and writer",
       .purpose = "The Identity Server database: an encrypted Aurora PostgreSQL cluster that requires TLS, with "
                  "its writer instance, automatic backups, a final snapshot on deletion, and the credentials "
                  "secret (generated unless AuroraPassword is given).",
       .optional = false,
       .role = ClusterRole::Primary,
       .build = build_aurora_master},
      {.key = "aurora-replica",
       .names = {{"3.9.0"_v, "2-2-db-aurora-replica"}},
       .title = "Aurora PostgreSQL reader",
       .purpose = "One more read-only instance in the Aurora cluster of 2-1-db-aurora-master.",
       .optional = true,
       .role = ClusterRole::Primary,
       .multiplicity = "once per reader (ReplicaName)",
       .build = build_aurora_replica},
      {.key = "redis",
       .names = {{"3.9.0"_v, "2-3-db-redis"}},
       .title = "Redis replication group",
       .purpose = "An encrypted ElastiCache Redis replication group with TLS and an AUTH token for one purpose: "
                  "general (always), cache or events; daily snapshots, optional CloudWatch alarms to 1-3-opsgenie.",
       .optional = false,
       .role = ClusterRole::Both,
       .multiplicity = "once per purpose (Purpose: general, cache, events)",
       .build = build_redis},
      {.key = "is-s3",
       .names = {{"3.9.0"_v, "2-4a-is-s3"}},
       .title = "Identity Server buckets",
       .purpose = "S3 buckets for profile pictures and end device pictures.",
       .optional = false,
       .role = ClusterRole::Primary,
       .build = build_is_s3},
      {.key = "routing-s3",
       .names = {{"3.9.0"_v, "2-4b-routing-s3"}},
       .title = "Routing configuration buckets",
       .purpose = "Versioned S3 buckets for the interop (LoRaWAN Backend Interfaces), EDCS and plugins "
                  "configuration; upload config.yml and plugins.yml after deploying.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_routing_s3},
      {.key = "mtls-s3",
       .names = {{"3.23.0"_v, "2-4c-mtls-s3"}},
       .title = "Mutual TLS CA bucket",
       .purpose = "An S3 bucket with the CA certificates (index.yml, common/) that verify client certificates "
                  "forwarded by the proxy.",
       .optional = true,
       .role = ClusterRole::Both,
       .build = build_mtls_s3},
      {.key = "timescale",
       .names = {{"3.10.0"_v, "2-5-db-timescale"}, {"3.30.2"_v, "2-5-db-timescale-master"}},
       .title = "TimescaleDB master",
       .purpose = "TimescaleDB on an EC2 instance for the Application Server storage integration and the NOC: "
                  "an Auto Scaling group of one whose instances reattach a persistent encrypted data volume and "
                  "address, in a private zone per deployment (until 3.30.1 with its read replicas).",
       .optional = true,
       .role = ClusterRole::Both,
       .multiplicity = "once per deployment (DeploymentName)",
       .build = build_timescale_master},
      {.key = "timescale-replica",
       .names = {{"3.30.2"_v, "2-6-db-timescale-replica"}},
       .title = "TimescaleDB read replica",
       .purpose = "One streaming read replica of a TimescaleDB deployment, with its own persistent data volume.",
       .optional = true,
       .role = ClusterRole::Both,
       .multiplicity = "once per replica (ReplicaName)",
       .build = build_timescale_replica},
      {.key = "queue-sqs",
       .names = {{"3.28.2"_v, "5-9a-sqs"}, {"3.29.0"_v, "2-6-queue-sqs"}, {"3.30.2"_v, "2-7-queue-sqs"}},
       .title = "SQS queues",
       .purpose = "Encrypted SQS queues with dead-letter queues: a FIFO queue for the Alert Routing Server and a "
                  "standard queue for Application Server webhooks.",
       .optional = true,
       .role = ClusterRole::Both,
       .build = build_queue_sqs},
      {.key = "security-group-rules",
       .names = {{"3.9.0"_v, "3-1-security-group-rules"}},
       .title = "Security group rules",
       .purpose = "Ingress rules of the cluster's security groups: the public gateway and API ports from ranges the "
                  "operator may narrow, the load balancer's health checks, gRPC and HTTP between the tasks, and the "
                  "databases, Redis and monitoring storage from the tasks (and the bastion) only.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_security_group_rules},
      {.key = "load-balancer-rules",
       .names = {{"3.9.0"_v, "3-2-load-balancer-rules"}},
       .title = "Load balancer listeners and target groups",
       .purpose = "The listeners of the network load balancer for every public port (TLS with the ACM certificate, "
                  "or passed through to the proxy) and the target groups the ECS services register with.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_load_balancer_rules},
      {.key = "secrets",
       .names = {{"3.9.0"_v, "4-1-secrets"}},
       .title = "Secrets",
       .purpose = "The secrets of the cluster in Secrets Manager: license, cluster secret, OAuth clients, email, "
                  "Packet Broker and Stripe credentials, Key Vault keys, proxy and TTGC certificates, and generated "
                  "passwords and keys.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_secrets},
      {.key = "configuration",
       .names = {{"3.9.0"_v, "4-2-configuration"}, {"3.13.0"_v, "4-2a-configuration"}},
       .title = "The Things Stack configuration",
       .purpose = "The configuration of The Things Stack as SSM parameters, one YAML document per component "
                  "(global, IS, GS, NS, AS, JS, Console, GCS, DCS, PBA, NOC, TBS).",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_configuration},
      {.key = "rate-limiting",
       .names = {{"3.13.0"_v, "4-2b-configuration-rate-limiting"}},
       .title = "Rate-limiting configuration",
       .purpose = "The rate-limiting profiles of The Things Stack as an SSM parameter, enabled per service. "
                  "Required even without rate limiting.",
       .optional = false,
       .role = ClusterRole::Both,
       .build = build_rate_limiting},
      {.key = "resource-limiting",
       .names = {{"3.15.0"_v, "4-2c-configuration-resource-limiting"}},
       .title = "Resource-limiting configuration",
       .purpose = "Limits of the concurrent data-plane connections of the Application Server, as an SSM parameter.",
       .optional = true,
       .role = ClusterRole::Both,
       .build = build_resource_limiting},

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
