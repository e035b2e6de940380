// Ports and security groups agree: for every release, the (port, protocol, source → destination
// group) set the stacks need is derived from the models and checked against the ingress rules of
// 3-1-security-group-rules (and of the stack that owns a group, such as 2-5's replication group):
//   - a container port registered with a target group of 3-2: the clients' range of 3-1 (the load
//     balancer preserves client addresses) and the target group's health check from the VPC range;
//   - every other container port a task maps: the tasks of the cluster (components, the proxy and
//     Prometheus call each other there);
//   - the cluster addresses of the TTS components (the start wrapper's <name>.<namespace>:1884) and
//     every <name>.<namespace>:<port> a container or the Prometheus configuration names: from the
//     caller's group to the group of the tasks behind that Cloud Map name;
//   - a listener whose target switches to the proxy (interop): from the proxy to the other target;
//   - host discovery of Prometheus (node_exporter, postgres_exporter, the UDP daemon): by tag Name;
//   - Redis, Aurora, TimescaleDB from every container that imports their address; EFS (2049) from
//     the tasks that mount it;
// the source of a container is its task's group: the tasks' group (awsvpc) or the container
// instances' group (host networking: the UDP Gateway Server daemon before 3.26.0).
// Conversely, no internal rule of 3-1 is wider than a need (the bastion's operator access aside).
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cross_stack.hpp"
#include "ecs_test_helpers.hpp"
#include "ttsgen/stacks/ecs_service.hpp"

using namespace ttsgen;
using test::Value;

namespace {

constexpr const char* kTasks = "TasksSecurityGroupId";
constexpr const char* kPublic = "clients";    // a client range parameter of 3-1 (<Service>IPv4Range)
constexpr const char* kVpc = "vpc-cidr";      // the VPC range (the load balancer's health checks)

struct Need {
  std::string group;  // export key of the destination security group
  std::string protocol;
  int port;
  std::string source;  // export key of the source group, kPublic or kVpc
  bool operator<(const Need& o) const {
    return std::tie(group, protocol, port, source) < std::tie(o.group, o.protocol, o.port, o.source);
  }
};

// The export key an import names (Fn::ImportValue of "${NetworkName}-…-<Key>"), or "".
std::string imported_key(const Value& v) {
  std::string key;
  test::walk(v, [&](const Value& x) {
    if (key.empty() && x.is_function("Fn::ImportValue")) {
      const Value& name = x.argument();
      key = test::Deployment::key_of(name.is_function("Fn::Sub") ? name.argument().text() : name.text());
    }
  });
  return key;
}

// Every security group a model imports.
std::set<std::string> imported_groups(const cfn::Template& t) {
  std::set<std::string> groups;
  for (const auto& r : t.resources())
    test::walk(r.properties(), [&](const Value& x) {
      if (!x.is_function("Fn::ImportValue")) return;
      std::string key = imported_key(x);
      if (key.size() > 15 && key.compare(key.size() - 15, 15, "SecurityGroupId") == 0) groups.insert(key);
    });
  return groups;
}

std::string only(const std::set<std::string>& s, const std::string& what) {
  INFO(what);
  REQUIRE(s.size() == 1);
  return *s.begin();
}

struct Ingress {
  std::string id, group, protocol, source;
  int from, to;
};

// The ingress rules of a template (3-1, 2-5).
std::vector<Ingress> ingress_rules(const cfn::Template& t) {
  std::vector<Ingress> out;
  for (const auto* r : test::resources_of_type(t, "AWS::EC2::SecurityGroupIngress")) {
    const Value& group = *test::property(*r, "GroupId");
    Ingress in{r->id(), group.is_function("Fn::GetAtt") ? "own:" + group.argument().items()[0].text() : imported_key(group),
               test::property(*r, "IpProtocol")->text(), "",
               static_cast<int>(test::property(*r, "FromPort")->as_integer()),
               static_cast<int>(test::property(*r, "ToPort")->as_integer())};
    if (const Value* sg = test::property(*r, "SourceSecurityGroupId")) {
      in.source = sg->is_function("Fn::GetAtt") ? "own:" + sg->argument().items()[0].text() : imported_key(*sg);
    } else if (const Value* cidr = test::property(*r, "CidrIp")) {
      if (cidr->is_function("Ref")) {
        CHECK(std::regex_match(cidr->argument().text(), std::regex(".+IPv4Range")));
        in.source = kPublic;
      } else {
        CHECK(imported_key(*cidr) == "VpcCidrBlock");
        in.source = kVpc;
      }
    }
    out.push_back(in);
  }
  return out;
}

bool covers(const Ingress& r, const Need& n) {
  return r.group == n.group && r.protocol == n.protocol && r.from <= n.port && n.port <= r.to && r.source == n.source;
}

// What the models of one release need.
class Needs {
 public:
  explicit Needs(const test::Deployment& d) : d_(d) {
    instances_ = only(imported_groups(d.model("ecs-cluster").tmpl), "the container instances' group of 5-1");
    collect_services();
    for (const auto& [key, model] : d.models()) collect_tasks(model.tmpl);
    collect_load_balancer();
    collect_prometheus();
  }
  const std::map<Need, std::string>& all() const { return needs_; }

 private:
  void need(std::string group, std::string protocol, int port, std::string source, std::string why) {
    needs_.emplace(Need{std::move(group), std::move(protocol), port, std::move(source)}, std::move(why));
  }

  // The group of a task definition's tasks, and the Cloud Map names of the services.
  void collect_services() {
    for (const auto& [key, model] : d_.models()) {
      const auto& t = model.tmpl;
      for (const auto* service : test::resources_of_type(t, "AWS::ECS::Service")) {
        std::string task = test::property(*service, "TaskDefinition")->argument().text();
        std::string group = instances_;  // host networking: the instance's group
        if (const Value* network = test::property(*service, "NetworkConfiguration"))
          group = imported_key(*network->find("AwsvpcConfiguration")->find("SecurityGroups"));
        groups_[{&t, task}] = group;
        if (const Value* registries = test::property(*service, "ServiceRegistries")) {
          std::string registry = registries->items()[0].find("RegistryArn")->argument().items()[0].text();
          discovery_[d_.scope(t).resolve(*test::property(test::resource(t, registry), "Name"))] = group;
        }
        if (const Value* balancers = test::property(*service, "LoadBalancers"))
          for (const auto& lb : balancers->items()) {
            const Value& entry = test::unwrap_if(lb);
            std::string target = test::Deployment::key_of(d_.scope(t).resolve(entry.find("TargetGroupArn")->argument()));
            registered_[{&t, task}][static_cast<int>(entry.find("ContainerPort")->as_integer())] = target;
            consumers_[target] = {group, static_cast<int>(entry.find("ContainerPort")->as_integer())};
          }
      }
    }
  }

  void collect_tasks(const cfn::Template& t) {
    auto scope = d_.scope(t);
    const std::string ns = "svc.eu1.prod.ttn.cluster.local";
    for (const auto* task : test::resources_of_type(t, "AWS::ECS::TaskDefinition")) {
      // Tasks without a service (ops, certbot) run in the tasks' group (run-task arguments).
      auto it = groups_.find({&t, task->id()});
      std::string group = it == groups_.end() ? kTasks : it->second;
      const auto& registered = registered_[{&t, task->id()}];
      for (const auto& c : test::property(*task, "ContainerDefinitions")->items()) {
        const Value& def = test::unwrap_if(c);
        if (def.is_function()) continue;
        std::string name = def.find("Name")->text();
        if (const Value* mappings = def.find("PortMappings"))
          for (const auto& m : mappings->items()) {
            int port = static_cast<int>(m.find("ContainerPort")->as_integer());
            std::string protocol = m.find("Protocol")->text();
            if (!registered.count(port)) need(group, protocol, port, kTasks, name + " maps " + std::to_string(port));
          }
        // The start wrapper makes every cluster address <name>.<namespace>:1884.
        const Value* entry = def.find("EntryPoint");
        if (entry && entry->items().size() == 4 && entry->items()[2] == Value(stacks::ecs::tts_start_script()))
          for (const auto& [service, callee] : discovery_)
            if (tts_services_.count(service)) need(callee, "tcp", 1884, group, name + " calls " + service + " (cluster gRPC)");
        // Addresses <name>.<namespace>:<port> it is given.
        if (const Value* env = def.find("Environment"))
          for (const auto& e : env->items()) {
            std::string value;
            try {
              value = scope.resolve(*test::unwrap_if(e).find("Value"));
            } catch (const std::exception&) {
              continue;
            }
            std::smatch m;
            for (auto s = value; std::regex_search(s, m, std::regex("([a-z0-9-]+)\\." + std::regex_replace(ns, std::regex("\\."), "\\.") + ":([0-9]+)"));
                 s = m.suffix()) {
              REQUIRE(discovery_.count(m[1]));
              need(discovery_.at(m[1]), "tcp", std::stoi(m[2]), group, name + " is given " + m.str());
            }
          }
        // The data stores whose address it imports.
        test::walk(def, [&](const Value& x) {
          if (!x.is_function("Fn::ImportValue")) return;
          std::string key = imported_key(x);
          if (key != "PrimaryAddress" && key != "AuroraEndpoint" && key != "Address" && key != "ReaderAddress") return;
          std::string stack;
          std::string export_name = scope.resolve(x.argument());
          REQUIRE(d_.exporter(export_name, &stack));
          const auto& producer = d_.model(stack).tmpl;
          std::string store = only(imported_groups(producer), "the group of " + stack);
          need(store, "tcp", data_port(stack, producer, export_name), group, name + " uses " + stack);
        });
      }
      // EFS: the mount targets' group, NFS from the tasks that mount the file system.
      for (const auto* mt : test::resources_of_type(t, "AWS::EFS::MountTarget"))
        need(imported_key(*test::property(*mt, "SecurityGroups")), "tcp", 2049, group, task->id() + " mounts EFS");
    }
  }

  // The port of a data store: Aurora's cluster Port, TimescaleDB's exported Port; Redis (2-3 sets
  // none, so ElastiCache's default).
  int data_port(const std::string& stack, const cfn::Template& producer, const std::string& export_name) {
    if (stack == "redis") return 6379;
    if (stack == "aurora") return static_cast<int>(test::property(test::resource(producer, "AuroraCluster"), "Port")->as_integer());
    return std::stoi(d_.import(export_name.substr(0, export_name.rfind('-')) + "-Port"));
  }

  // The load balancer: public ports and health checks per registered target, and what the proxy
  // forwards when it terminates TLS for a listener that otherwise goes to a component.
  void collect_load_balancer() {
    const auto& edge = d_.model("load-balancer-rules").tmpl;
    std::map<std::string, std::string> export_of;  // target group logical id → export key
    for (const auto& o : edge.outputs())
      if (o.export_name() && o.value().is_function("Ref"))
        export_of[o.value().argument().text()] = test::Deployment::key_of(o.export_name()->argument().text());
    for (const auto* tg : test::resources_of_type(edge, "AWS::ElasticLoadBalancingV2::TargetGroup")) {
      auto it = consumers_.find(export_of.at(tg->id()));
      if (it == consumers_.end()) continue;
      const auto& [group, port] = it->second;
      std::string protocol = test::property(*tg, "Protocol")->text() == "UDP" ? "udp" : "tcp";
      need(group, protocol, port, kPublic, tg->id() + ": clients");
      std::string check = test::property(*tg, "HealthCheckPort")->text();
      need(group, "tcp", check == "traffic-port" ? port : std::stoi(check), kVpc, tg->id() + ": health checks");
    }
    for (const auto* l : test::resources_of_type(edge, "AWS::ElasticLoadBalancingV2::Listener")) {
      const Value& target = *test::property(*l, "DefaultActions")->items()[0].find("TargetGroupArn");
      if (!target.is_function("Fn::If")) continue;
      auto proxy = consumers_.find(export_of.at(target.argument().items()[1].argument().text()));
      auto component = consumers_.find(export_of.at(target.argument().items()[2].argument().text()));
      REQUIRE(proxy != consumers_.end());
      REQUIRE(component != consumers_.end());
      need(component->second.first, "tcp", component->second.second, proxy->second.first,
           l->id() + ": the proxy forwards what it terminated");
    }
  }

  // Prometheus (5-6): Cloud Map targets (dns_sd_configs) and hosts by tag Name (ec2_sd_configs).
  void collect_prometheus() {
    const auto& t = d_.model("monitoring").tmpl;
    test::eval::Values every_job;
    for (const auto& p : t.parameters())
      if (p.id().rfind("Include", 0) == 0) every_job[p.id()] = "true";
    std::string yaml = d_.scope(t, every_job).resolve(*test::property(test::resource(t, "PrometheusConfiguration"), "Value"));
    std::string group = groups_.at({&t, "PrometheusTaskDefinition"});
    std::map<std::string, std::string> hosts{
        {"container-instance", instances_},
        {"timescale", only(imported_groups(d_.model("timescale").tmpl), "the group of 2-5")}};
    std::size_t pos = 0;
    while ((pos = yaml.find("- job_name:", pos)) != std::string::npos) {
      std::size_t end = yaml.find("- job_name:", pos + 1);
      std::string job = yaml.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
      pos = end == std::string::npos ? yaml.size() : end;
      std::smatch port;
      if (!std::regex_search(job, port, std::regex("\\n +port: ([0-9]+)"))) continue;  // static targets (localhost)
      std::smatch m;
      if (std::regex_search(job, m, std::regex("names: \\[([^\\]]*)\\]"))) {
        std::string names = m[1];
        for (std::smatch n; std::regex_search(names, n, std::regex("'([a-z0-9-]+)\\.")); names = n.suffix())
          need(discovery_.at(n[1]), "tcp", std::stoi(port[1]), group, "Prometheus scrapes " + std::string(n[1]));
      }
      if (std::regex_search(job, m, std::regex("values: \\[([^\\]]*)\\]"))) {
        std::string values = m[1];
        for (const auto& [tag, host_group] : hosts)
          if (values.find("-" + tag) != std::string::npos)
            need(host_group, "tcp", std::stoi(port[1]), group, "Prometheus scrapes the " + tag + " hosts");
      }
    }
  }

  const test::Deployment& d_;
  std::string instances_;
  std::map<std::pair<const cfn::Template*, std::string>, std::string> groups_;  // task definition → group
  std::map<std::pair<const cfn::Template*, std::string>, std::map<int, std::string>> registered_;
  std::map<std::string, std::pair<std::string, int>> consumers_;  // target group export → group, container port
  std::map<std::string, std::string> discovery_;                  // Cloud Map name → group
  // The Cloud Map names of the components of The Things Stack, which the wrapper addresses.
  const std::set<std::string> tts_services_{"is", "is-proxy", "gs", "ns", "as", "js", "gcs", "dcs", "pba", "noc", "tbs"};
  std::map<Need, std::string> needs_;
};

}  // namespace

TEST_CASE("ports and security groups agree: every port the stacks use has its ingress rule, no rule is wider",
          "[stacks][contract][security-group-rules]") {
  for (const auto& v : catalog::supported_releases()) {
    test::Deployment d(v);
    Needs needs(d);
    auto rules = ingress_rules(d.model("security-group-rules").tmpl);
    for (const auto& [n, why] : needs.all()) {
      INFO(v.str() << ": " << n.source << " -> " << n.group << " " << n.protocol << "/" << n.port << " (" << why << ")");
      bool covered = false;
      for (const auto& r : rules) covered = covered || covers(r, n);
      CHECK(covered);
    }
    // No internal rule of 3-1 opens a group to a source that nothing needs (the bastion's operator
    // access to the hosts and data stores is documented in decisions-edge.md).
    for (const auto& r : rules) {
      if (r.source == kPublic || r.source == kVpc || r.source == "BastionSecurityGroupId") continue;
      INFO(v.str() << ": 3-1 " << r.id);
      bool needed = false;
      for (const auto& [n, why] : needs.all()) needed = needed || covers(r, n);
      CHECK(needed);
    }
    // TimescaleDB replication stays inside one deployment: 2-5's own group, to itself.
    auto replication = ingress_rules(d.model("timescale").tmpl);
    REQUIRE(replication.size() == 1);
    CHECK(replication[0].group == "own:ReplicationSecurityGroup");
    CHECK(replication[0].source == "own:ReplicationSecurityGroup");
    CHECK(replication[0].from == 5432);
    CHECK(replication[0].to == 5432);
  }
}
