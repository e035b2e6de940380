#include <catch2/catch.hpp>

#include <set>

#include "stack_test_helpers.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::resource;
using test::Value;

namespace {

// The export key a GroupId/SourceSecurityGroupId imports, e.g. "TasksSecurityGroupId".
std::string imported_key(const Value& import) {
  const std::string& name = import.argument().argument().text();  // Fn::ImportValue -> Fn::Sub -> text
  return name.substr(name.rfind('-') + 1);
}

std::string group_of(const cfn::Resource& rule) { return imported_key(*property(rule, "GroupId")); }

}  // namespace

TEST_CASE("3-1: Semtech UDP goes to the container instances before 3.26.0 and to the tasks from 3.26.0",
          "[stacks][security-group-rules]") {
  auto before = stacks::build_security_group_rules("3.25.2"_v);
  auto after = stacks::build_security_group_rules("3.26.0"_v);
  const auto& daemon = resource(before.tmpl, "UDPDaemonIngress");
  CHECK(group_of(daemon) == "ContainerInstancesSecurityGroupId");
  CHECK(*property(daemon, "IpProtocol") == Value("udp"));
  CHECK(*property(daemon, "FromPort") == Value(1700));
  CHECK(*property(daemon, "CidrIp") == Value::function("Ref", "UDPIPv4Range"));
  CHECK(before.tmpl.find_resource("UDPDaemonHealthChecks") != nullptr);
  CHECK(before.tmpl.find_resource("UDPIngress") == nullptr);

  const auto& udp = resource(after.tmpl, "UDPIngress");
  CHECK(group_of(udp) == "TasksSecurityGroupId");
  CHECK(*property(udp, "IpProtocol") == Value("udp"));
  CHECK(after.tmpl.find_resource("UDPDaemonIngress") == nullptr);
  CHECK(after.tmpl.find_resource("UDPDaemonHealthChecks") == nullptr);
  CHECK(after.tmpl.find_resource("ContainerInstancesGRPCFromTasks") == nullptr);
}

TEST_CASE("3-1: LBSCUPSmTLS ingress from 3.30.0, TTGP from 3.32.0, 8443 pass-through until 3.29.2",
          "[stacks][security-group-rules]") {
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    auto model = stacks::build_security_group_rules(v);
    const auto& t = model.tmpl;
    CHECK(test::has_parameter(t, "LBSCUPSmTLSEnabled") == (v >= "3.30.0"_v));
    CHECK((t.find_resource("LBSCUPSmTLSIngress") != nullptr) == (v >= "3.30.0"_v));
    CHECK((t.find_resource("TTGPIngress") != nullptr) == (v >= "3.32.0"_v));
    CHECK((t.find_resource("TasksTTGPFromTasks") != nullptr) == (v >= "3.32.0"_v));
    CHECK((t.find_resource("HTTPSProxyIngress") != nullptr) == (v < "3.30.0"_v));
    // Console: every parameter is described, grouped and labelled.
    for (const auto& p : t.parameters()) {
      INFO(p.id());
      CHECK_FALSE(p.description().empty());
      CHECK_FALSE(p.group().empty());
      CHECK_FALSE(p.label().empty());
    }
  }
  auto model = stacks::build_security_group_rules("3.30.0"_v);
  const auto& cups = resource(model.tmpl, "LBSCUPSmTLSIngress");
  CHECK(cups.condition_id() == "LBSCUPSmTLSEnabledCondition");
  CHECK(*property(cups, "FromPort") == Value(8987));
  CHECK(*model.tmpl.find_parameter("LBSCUPSmTLSEnabled")->default_value() == Value("false"));
}

TEST_CASE("3-1: public ports open to parameter ranges, each behind its switch", "[stacks][security-group-rules]") {
  auto model = stacks::build_security_group_rules("3.35.2"_v);
  const auto& t = model.tmpl;
  std::set<int> public_ports;
  for (const auto* rule : test::resources_of_type(t, "AWS::EC2::SecurityGroupIngress")) {
    INFO(rule->id());
    const Value* cidr = property(*rule, "CidrIp");
    if (!cidr) continue;
    if (rule->id() == "LoadBalancerHealthChecks") {
      // Health checks come from the load balancer's addresses in the VPC, whatever the ranges are.
      CHECK(imported_key(*cidr) == "VpcCidrBlock");
      CHECK(rule->condition_id().empty());
      CHECK(*property(*rule, "FromPort") == Value(1881));
      CHECK(*property(*rule, "ToPort") == Value(1888));
      continue;
    }
    // Never a literal range: the operator can narrow every one.
    REQUIRE(cidr->is_function("Ref"));
    const auto* range = t.find_parameter(cidr->argument().text());
    REQUIRE(range);
    CHECK(*range->default_value() == Value("0.0.0.0/0"));
    CHECK_FALSE(range->allowed_pattern().empty());
    CHECK_FALSE(rule->condition_id().empty());
    CHECK(group_of(*rule) == "TasksSecurityGroupId");
    public_ports.insert(static_cast<int>(property(*rule, "FromPort")->as_integer()));
  }
  CHECK(public_ports == std::set<int>{1700, 1881, 1882, 1883, 1884, 1885, 1886, 1887, 1888, 8886, 8889, 8987});
  CHECK(resource(t, "GatewayMQTTIngress").condition_id() == "GatewayMQTTIngressEnabledCondition");
  CHECK(resource(t, "InteropProxyIngress").condition_id() == "InteropIngressEnabledCondition");
}

TEST_CASE("3-1: databases, Redis and monitoring storage only from the tasks and the bastion (and the UDP daemon's hosts for Redis)",
          "[stacks][security-group-rules]") {
  for (const auto& v : {"3.24.0"_v, "3.35.2"_v}) {
    INFO(v.str());
    auto model = stacks::build_security_group_rules(v);
    std::set<std::string> data_groups{"AuroraSecurityGroupId", "RedisSecurityGroupId", "TimescaleSecurityGroupId",
                                      "MonitoringStorageSecurityGroupId"};
    std::set<std::string> opened;
    for (const auto* rule : test::resources_of_type(model.tmpl, "AWS::EC2::SecurityGroupIngress")) {
      if (!data_groups.count(group_of(*rule))) continue;
      INFO(rule->id());
      opened.insert(group_of(*rule));
      CHECK(property(*rule, "CidrIp") == nullptr);
      const std::string source = imported_key(*property(*rule, "SourceSecurityGroupId"));
      // TimescaleDB replication is 2-5's own group (ReplicationSecurityGroup), narrower than this one.
      CHECK((source == "TasksSecurityGroupId" || source == "BastionSecurityGroupId" ||
             (source == "ContainerInstancesSecurityGroupId" && rule->id() == "RedisFromContainerInstances" &&
              v < "3.26.0"_v)));
      CHECK(rule->condition_id().empty());
    }
    CHECK(opened == data_groups);
    CHECK(*property(resource(model.tmpl, "AuroraFromTasks"), "FromPort") == Value(5432));
    CHECK(*property(resource(model.tmpl, "RedisFromBastion"), "FromPort") == Value(6379));
    CHECK(*property(resource(model.tmpl, "MonitoringStorageFromTasks"), "FromPort") == Value(2049));
    // gRPC and HTTP between the tasks.
    CHECK(imported_key(*property(resource(model.tmpl, "TasksGRPCFromTasks"), "SourceSecurityGroupId")) == "TasksSecurityGroupId");
    CHECK(*property(resource(model.tmpl, "TasksHTTPFromTasks"), "FromPort") == Value(1885));
  }
}

TEST_CASE("3-1 imports only the security groups and the VPC range of 1-1-vpc and exports nothing", "[stacks][security-group-rules]") {
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_security_group_rules(v);
    CHECK(model.exports.empty());
    for (const auto* e : model.imports) CHECK(e->producer == "vpc");
    CHECK(model.tmpl.resources().size() <= 500);
    CHECK(model.tmpl.parameters().size() <= 200);
  }
}
