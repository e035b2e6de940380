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
