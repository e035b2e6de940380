#pragma once
// Hand-made stack sets for the diff engine tests: small templates built with the cfn model, in
// two versions ("1.0" and "2.0") that exercise one kind of change each.

#include <string>

#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/cfn/template.hpp"
#include "ttsgen/diff/diff.hpp"

namespace fixtures {

using ttsgen::cfn::Template;
using ttsgen::cfn::Value;
using ttsgen::diff::Side;
using ttsgen::diff::StackDocument;

inline Value export_name(const std::string& key) {
  return Value::function("Fn::Sub", "${NetworkName}-${Environment}-${Cluster}-" + key);
}
inline Value import(const std::string& key) { return Value::function("Fn::ImportValue", export_name(key)); }

// The common frame: a Description with the stack name and release, and the VersionTag output
// (added by finish()).
inline Template frame(const std::string& name, const std::string& release) {
  Template t(name + ": fixture (release " + release + ")");
  t.parameter("NetworkName", "String").group("General").label("Network name");
  return t;
}
inline void finish(Template& t, const std::string& release) { t.output("VersionTag", release).description("Version"); }

inline StackDocument doc(const std::string& key, const std::string& name, const Template& t) {
  return StackDocument{key, name, t.to_value()};
}

// 1-1-net: the network. 2.0 drops the export OldThing, keeps VpcId, and replaces its security
// group (GroupDescription is create-only), whose id it exports as GroupId.
inline Template net(const std::string& release) {
  bool v2 = release == "2.0";
  Template t = frame("1-1-net", release);
  auto& vpc = t.resource("Vpc", "AWS::EC2::VPC").set("CidrBlock", "10.0.0.0/16");
  auto& group = t.resource("Group", "AWS::EC2::SecurityGroup")
                    .set("GroupDescription", v2 ? "tasks of the cluster" : "tasks")
                    .set("VpcId", ttsgen::cfn::ref(vpc));
  t.output("VpcId", ttsgen::cfn::ref(vpc)).export_name(export_name("VpcId"));
  t.output("GroupId", ttsgen::cfn::ref(group)).export_name(export_name("GroupId"));
  if (!v2) t.output("OldThing", "x").export_name(export_name("OldThing"));
  finish(t, release);
  return t;
}

// A list of objects that gains an element: printed as an indented YAML diff.
inline Value rules(bool v2) {
  Value list = Value::list({Value::map({{"Name", "a"}, {"Value", 1}})});
  if (v2) list.push_back(Value::map({{"Name", "b"}, {"Value", 2}}));
  return list;
}

// 3-1-app: imports OldThing in both releases (so 2.0 is inconsistent), and GroupId. Its target
// group changes TargetType (create-only), its parameter gains allowed values and a new default,
// a parameter without default is added, a nested property changes, one resource gets a new
// logical id, and the console layout moves a parameter.
inline Template app(const std::string& release) {
  bool v2 = release == "2.0";
  Template t = frame("3-1-app", release);
  auto& size = t.parameter("Size", "String")
                   .default_value(v2 ? "large" : "small")
                   .allowed_values(v2 ? std::vector<std::string>{"small", "large", "huge"} : std::vector<std::string>{"small", "tiny", "large"})
                   .group(v2 ? "Sizing" : "General")
                   .label("Size");
  if (v2) t.parameter("Secret", "String").description("A new required value.").no_echo().group("Sizing").label("Secret");
  t.resource("TargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup")
      .set("Port", 1700)
      .set("Protocol", "UDP")
      .set("TargetType", v2 ? "ip" : "instance")
      .set("VpcId", import("VpcId"));
  t.resource("Task", "AWS::ECS::TaskDefinition")
      .set("Family", "app")
      .set("Tags", Value::list({Value::map({{"Key", "Size"}, {"Value", ttsgen::cfn::ref(size)}})}));
  t.resource("Queue", "AWS::SQS::Queue")
      .set("MessageRetentionPeriod", 60)
      .set("RedrivePolicy", Value::map({{"maxReceiveCount", v2 ? 5 : 3},
                                        {"deadLetterTargetArn", "arn:aws:sqs:eu-west-1:1:dlq"},
                                        {"Extra", Value::map({{"Items", v2 ? Value::strings({"a", "b", "c"}) : Value::strings({"a"})},
                                                              {"Rules", rules(v2)}})}}));
  t.resource(v2 ? "IngressUdp" : "Ingress", "AWS::EC2::SecurityGroupIngress")
      .set("GroupId", import("GroupId"))
      .set("IpProtocol", "udp")
      .set("FromPort", 1700)
      .set("ToPort", 1700)
      .set("CidrIp", "0.0.0.0/0");
  t.resource("Thing", "AWS::SSM::Parameter").set("Type", "String").set("Value", import("OldThing"));
  finish(t, release);
  return t;
}

// 4-1-late: imports OldThing in 1.0 only; it is updated after 1-1-net, which drops the export.
inline Template late(const std::string& release) {
  Template t = frame("4-1-late", release);
  t.resource("Param", "AWS::SSM::Parameter").set("Type", "String").set("Value", release == "2.0" ? Value("y") : import("OldThing"));
  finish(t, release);
  return t;
}

// The monitoring stack: renamed from 5-5-mon to 5-6-mon, nothing else changes.
inline Template mon(const std::string& name, const std::string& release) {
  Template t = frame(name, release);
  t.resource("Logs", "AWS::Logs::LogGroup").set("RetentionInDays", 30);
  finish(t, release);
  return t;
}

inline Side side(const std::string& release) {
  bool v2 = release == "2.0";
  Side s;
  s.label = release;
  s.stacks.push_back(doc("net", "1-1-net", net(release)));
  s.stacks.push_back(doc("app", "3-1-app", app(release)));
  s.stacks.push_back(doc("late", "4-1-late", late(release)));
  s.stacks.push_back(doc("monitoring", v2 ? "5-6-mon" : "5-5-mon", mon(v2 ? "5-6-mon" : "5-5-mon", release)));
  if (v2) {
    Template fresh = frame("2-6-fresh", release);
    fresh.parameter("Required", "String");
    finish(fresh, release);
    s.stacks.push_back(doc("fresh", "2-6-fresh", fresh));
  } else {
    Template old = frame("6-1-old", release);
    finish(old, release);
    s.stacks.push_back(doc("old", "6-1-old", old));
  }
  return s;
}

inline ttsgen::diff::Options options() {
  ttsgen::diff::Options o;
  o.release_strings.emplace_back("1.0", "2.0");
  return o;
}

}  // namespace fixtures
