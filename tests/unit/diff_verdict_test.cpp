// Replacement verdicts by evaluation, the override table of the CloudFormation reference,
// data-loss call-outs, task definition revisions, security-group and IAM tables, maps compared by
// key, and AWS change sets beside the diff. Templates are written as YAML here so that each case
// shows exactly what it compares.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "ttsgen/diff/change_set.hpp"
#include "ttsgen/diff/create_only.hpp"
#include "ttsgen/diff/diff.hpp"
#include "ttsgen/diff/format.hpp"
#include "ttsgen/diff/release.hpp"
#include "ttsgen/render/render.hpp"

using namespace ttsgen::diff;
using ttsgen::catalog::operator""_v;
using ttsgen::cfn::Value;

namespace {

ReleaseDiff compare_yaml(const std::string& before, const std::string& after) {
  Side b{"1.0", {StackDocument{"s", "1-1-s", ttsgen::render::parse_yaml(before)}}, {}, {}};
  Side a{"2.0", {StackDocument{"s", "1-1-s", ttsgen::render::parse_yaml(after)}}, {}, {}};
  return compare(b, a);
}

// A copy: callers pass the diff as a temporary.
ResourceChange only_resource(const ReleaseDiff& d) {
  REQUIRE(d.stacks.size() == 1);
  REQUIRE(d.stacks[0].resources.size() == 1);
  return d.stacks[0].resources[0];
}

// A bastion-like instance whose ImageId is `image`, with the Graviton condition.
std::string instance(const std::string& image) {
  return R"(Parameters:
  InstanceType: {Type: String, Default: t3.micro, AllowedValues: [t3.micro, t4g.micro]}
  ImageIdX86: {Type: String}
  ImageIdArm64: {Type: String}
Conditions:
  Graviton: !Equals [!Ref InstanceType, t4g.micro]
Resources:
  Host:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: )" + image + "\n";
}

std::string task(const std::string& environment) {
  return R"(Parameters:
  UseTls: {Type: String, Default: 'false', AllowedValues: ['true', 'false']}
  Image: {Type: String}
Conditions:
  Tls: !Equals [!Ref UseTls, 'true']
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: !Ref Image
          Environment: )" + environment + "\n";
}

}  // namespace

TEST_CASE("a create-only expression that resolves to another value under some parameters names them", "[diff][verdict]") {
  ResourceChange host =
      only_resource(compare_yaml(instance("!Ref ImageIdX86"), instance("!If [Graviton, !Ref ImageIdArm64, !Ref ImageIdX86]")));
  CHECK(host.replacement == Replacement::Conditional);
  // The condition's parameter decides, and on Graviton the two image parameters.
  CHECK(host.depends_on == std::vector<std::string>{"ImageIdArm64", "ImageIdX86", "InstanceType"});
  CHECK(host.changes.at(0).reason.find("with the defaults it stays the same") != std::string::npos);
}

TEST_CASE("a create-only expression that resolves to the same value is no replacement", "[diff][verdict]") {
  // Written differently, the same text for every parameter value.
  ResourceChange host = only_resource(
      compare_yaml(instance("!Sub 'ami-${ImageIdX86}'"), instance("!Join ['', [ami-, !Ref ImageIdX86]]")));
  CHECK(host.replacement == Replacement::False);
  CHECK(host.changes.at(0).reason.find("same for every parameter value") != std::string::npos);
  // An Fn::If whose branches agree.
  ResourceChange same = only_resource(
      compare_yaml(instance("!Ref ImageIdX86"), instance("!If [Graviton, !Ref ImageIdX86, !Ref ImageIdX86]")));
  CHECK(same.replacement == Replacement::False);
}

TEST_CASE("a literal line removed from an Fn::Sub replaces under every parameter value", "[diff][verdict]") {
  auto launch = [](const std::string& middle_lines) {
    return R"(Parameters: {Cluster: {Type: String}}
Resources:
  Launch:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      UserData: !Base64
        Fn::Sub: |
          echo ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config
)" + middle_lines + "          echo done\n";
  };
  ResourceChange r = only_resource(compare_yaml(launch("          chmod 755 /usr/bin/helper\n"), launch("")));
  CHECK(r.replacement == Replacement::True);
  CHECK(r.depends_on.empty());
  CHECK(r.changes.at(0).reason.find("changes for every parameter value") != std::string::npos);
}

TEST_CASE("a change inside an Fn::If branch depends on the condition's parameter only", "[diff][verdict]") {
  ResourceChange r = only_resource(compare_yaml(task("[!If [Tls, {Name: TLS, Value: 'on'}, !Ref AWS::NoValue]]"),
                                                       task("[!If [Tls, {Name: TLS, Value: strict}, !Ref AWS::NoValue]]")));
  CHECK(r.replacement == Replacement::Conditional);
  CHECK(r.depends_on == std::vector<std::string>{"UseTls"});
  CHECK(r.changes.at(0).reason.find("with the defaults it stays the same") != std::string::npos);
  CHECK_FALSE(r.new_revision);
}

TEST_CASE("a task definition replaced is a new revision, not a replacement to weigh", "[diff][verdict]") {
  ReleaseDiff d = compare_yaml(task("[{Name: A, Value: '1'}]"), task("[{Name: A, Value: '2'}]"));
  ResourceChange r = only_resource(d);
  CHECK(r.replacement == Replacement::True);
  CHECK(r.new_revision);
  std::string md = to_markdown(d);
  CHECK(md.find("new revision") != std::string::npos);
  CHECK(md.find("- Replacements: none") != std::string::npos);
  CHECK(md.find("**replacement**") == std::string::npos);
}

TEST_CASE("the override table: an Auto Scaling group moving to a launch template is updated in place", "[diff][verdict]") {
  auto group = [](const std::string& launch, const std::string& policy) {
    return "Resources:\n  Group:\n    Type: AWS::AutoScaling::AutoScalingGroup\n" + policy +
           "    Properties:\n      MinSize: '1'\n      MaxSize: '2'\n" + launch;
  };
  std::string config = "      LaunchConfigurationName: !Ref Launch\n";
  std::string tmpl = "      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}\n";
  ResourceChange in_place = only_resource(compare_yaml(group(config, ""), group(tmpl, "")));
  CHECK(in_place.replacement == Replacement::False);
  REQUIRE(in_place.changes.size() == 2);
  for (const auto& c : in_place.changes) CHECK(c.reason.find("updated in place (CloudFormation reference") != std::string::npos);

  // With AutoScalingReplacingUpdate WillReplace the group itself is replaced.
  std::string replacing = "    UpdatePolicy:\n      AutoScalingReplacingUpdate: {WillReplace: true}\n";
  CHECK(only_resource(compare_yaml(group(config, replacing), group(tmpl, replacing))).replacement == Replacement::True);
}

TEST_CASE("every override is of a conditionally create-only property of the vendored schema", "[diff][verdict]") {
  REQUIRE_FALSE(update_overrides().empty());
  for (const auto& o : update_overrides()) {
    INFO(o.type << " " << o.pointer);
    CHECK(create_only(o.type, o.pointer) == CreateOnly::Conditional);
    CHECK(o.source.starts_with("CloudFormation reference, " + std::string(o.type)));
    CHECK(update_override(o.type, o.pointer) == &o);
  }
  CHECK(update_override("AWS::EC2::Instance", "/properties/ImageId") == nullptr);
}

TEST_CASE("removing or replacing a resource that holds data without a policy is data loss", "[diff][data-loss]") {
  std::string secret = "Resources:\n  Key:\n    Type: AWS::SecretsManager::Secret\n    Properties: {Name: k}\n";
  std::string kept = "Resources:\n  Key:\n    Type: AWS::SecretsManager::Secret\n    DeletionPolicy: Retain\n    Properties: {Name: k}\n";
  std::string none = "Resources: {}\n";
  ReleaseDiff removed = compare_yaml(secret, none);
  CHECK(only_resource(removed).data_loss.find("the secret's value is lost") != std::string::npos);
  CHECK(to_markdown(removed).find("- Data-loss risks: `1-1-s` `Key` removed: the secret's value is lost") != std::string::npos);
  CHECK(only_resource(compare_yaml(kept, none)).data_loss.empty());
  // A queue-less resource holds nothing.
  CHECK(only_resource(compare_yaml("Resources:\n  L:\n    Type: AWS::Logs::LogGroup\n", none)).data_loss.empty());
  // Replaced (Name is create-only) without UpdateReplacePolicy.
  ReleaseDiff renamed = compare_yaml(secret, "Resources:\n  Key:\n    Type: AWS::SecretsManager::Secret\n    Properties: {Name: k2}\n");
  CHECK(only_resource(renamed).data_loss.find("no UpdateReplacePolicy Retain") != std::string::npos);
}

TEST_CASE("a changed create-only parameter of a stateful resource is data loss", "[diff][data-loss]") {
  auto cluster = [](const std::string& default_name) {
    return "Parameters:\n  DatabaseName: {Type: String, Default: " + default_name +
           "}\nResources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    DeletionPolicy: Snapshot\n    Properties:\n"
           "      Engine: aurora-postgresql\n      DatabaseName: !Ref DatabaseName\n";
  };
  ReleaseDiff d = compare_yaml(cluster("tts"), cluster("ttn"));
  REQUIRE(d.stacks.at(0).parameters.size() == 1);
  const EntryChange& p = d.stacks[0].parameters[0];
  CHECK(p.data_loss.find("a new value replaces Db (AWS::RDS::DBCluster DatabaseName is create-only) and the database is lost") !=
        std::string::npos);
  CHECK(to_markdown(d).find("**data loss**") != std::string::npos);
  // With UpdateReplacePolicy Snapshot a replacement keeps a snapshot: no call-out.
  auto snap = [&](const std::string& n) {
    std::string t = cluster(n);
    return t.replace(t.find("    Properties:"), 0, "    UpdateReplacePolicy: Snapshot\n");
  };
  CHECK(compare_yaml(snap("tts"), snap("ttn")).stacks.at(0).parameters.at(0).data_loss.empty());
}

TEST_CASE("security-group rules and IAM statements are tables, across Fn::If branches", "[diff][security]") {
  auto doc = [](const std::string& port, const std::string& action) {
    return R"(Conditions:
  Open: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: g
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
        - !If [Open, {IpProtocol: udp, FromPort: )" +
           port + ", ToPort: " + port + R"(, CidrIp: 10.0.0.0/8}, !Ref AWS::NoValue]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - !If [Open, {Effect: Allow, Action: [)" +
           action + R"(], Resource: '*', Condition: {StringEquals: {'aws:RequestedRegion': eu-west-1}}}, !Ref AWS::NoValue]
)";
  };
  ReleaseDiff d = compare_yaml(doc("1700", "s3:GetObject"), doc("1800", "s3:GetObject, s3:PutObject"));
  const StackDiff& s = d.stacks.at(0);
  REQUIRE(s.security_rules.size() == 2);
  CHECK(s.security_rules[0].kind == Change::Removed);
  CHECK(s.security_rules[0].item.ports == "1700");
  CHECK(s.security_rules[1].kind == Change::Added);
  CHECK(s.security_rules[1].item.ports == "1800");
  CHECK(s.security_rules[1].item.protocol == "udp");
  CHECK(s.security_rules[1].item.peer == "10.0.0.0/8");
  CHECK(s.security_rules[1].item.when == "if Open");
  REQUIRE(s.iam_statements.size() == 2);
  CHECK(s.iam_statements[1].item.actions == "s3:GetObject, s3:PutObject");
  CHECK(s.iam_statements[1].item.conditions == "StringEquals aws:RequestedRegion = eu-west-1");
  CHECK(s.iam_statements[1].item.policy == "p");
  std::string md = to_markdown(d);
  CHECK(md.find("**Security group rules**") != std::string::npos);
  CHECK(md.find("| + | `Group` | ingress | udp | 1800 | `10.0.0.0/8` |") != std::string::npos);
  CHECK(md.find("**IAM statements**") != std::string::npos);
  auto j = nlohmann::json::parse(to_json(d));
  CHECK(j["stacks"][0]["iam_statements"].size() == 2);
  // The trust policy did not change: not listed.
  CHECK(md.find("sts:AssumeRole") == std::string::npos);
}

namespace {

// Every map's keys sorted, as `jq -S` prints a template.
Value sorted_keys(const Value& v) {
  if (v.is_map()) {
    std::vector<Value::Entry> entries = v.entries();
    std::sort(entries.begin(), entries.end(), [](const Value::Entry& a, const Value::Entry& b) { return a.key < b.key; });
    Value out = Value::map();
    for (auto& e : entries) out.set(e.key, sorted_keys(e.value));
    return out;
  }
  if (v.is_list()) {
    Value out = Value::list();
    for (const auto& i : v.items()) out.push_back(sorted_keys(i));
    return out;
  }
  if (v.is_function()) return Value::function(v.text(), sorted_keys(v.argument()));
  return v;
}

}  // namespace

TEST_CASE("maps are compared by key: a release with every key sorted has no changes", "[diff][keys]") {
  CHECK(same_value(Value::map({{"A", 1}, {"B", Value::list({Value::map({{"X", 1}, {"Y", 2}})})}}),
                   Value::map({{"B", Value::list({Value::map({{"Y", 2}, {"X", 1}})})}, {"A", 1}})));
  CHECK_FALSE(same_value(Value::map({{"A", 1}}), Value::map({{"A", 2}})));
  CHECK_FALSE(same_value(Value::list({1, 2}), Value::list({2, 1})));  // list order is meaningful
  Side release = release_side("3.30.0"_v);
  Side sorted = release;
  for (auto& s : sorted.stacks) s.document = sorted_keys(s.document);
  REQUIRE(sorted.stacks.at(0).document != Value());
  ReleaseDiff d = compare(release, sorted);
  CHECK_FALSE(d.has_changes());
  for (const auto& s : d.stacks) CHECK(s.resources.empty());
}

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const ChangeSetRow& row(const ChangeSetComparison& c, const std::string& id) {
  auto it = std::find_if(c.rows.begin(), c.rows.end(), [&](const ChangeSetRow& r) { return r.logical_id == id; });
  REQUIRE(it != c.rows.end());
  return *it;
}

}  // namespace

TEST_CASE("a recorded change set of 5-1 for 3.29.2 to 3.30.0 agrees with the diff", "[diff][change-set]") {
  ReleaseDiff d = diff_releases(release_side("3.29.2"_v), release_side("3.30.0"_v), "3.29.2"_v, "3.30.0"_v);
  ChangeSet cs = parse_change_set(read_file(TTSGEN_TEST_DATA "/change-sets/5-1-ecs-cluster_3.29.2_3.30.0.json"));
  ChangeSetComparison c = compare_change_set(cs, d, "5-1.json");
  CHECK(c.stack == "5-1-ecs-cluster");
  CHECK(row(c, "ECSAutoScalingGroup").aws == "Modify, Replacement False");
  CHECK_FALSE(row(c, "ECSAutoScalingGroup").disagrees);
  CHECK(c.disagreements() == 0);
  CHECK(change_sets_report({c}, true).find("AWS and ttsgen agree on every resource.") != std::string::npos);
}

TEST_CASE("a change set that contradicts the diff is flagged", "[diff][change-set]") {
  ReleaseDiff d = diff_releases(release_side("3.25.2"_v), release_side("3.26.0"_v), "3.25.2"_v, "3.26.0"_v);
  // A recording with one seeded fault: AWS "says" the launch configuration is not replaced.
  ChangeSet cs = parse_change_set(read_file(TTSGEN_TEST_DATA "/change-sets/5-1-ecs-cluster_3.25.2_3.26.0-seeded-fault.json"));
  ChangeSetComparison c = compare_change_set(cs, d, "x.json");
  CHECK(c.stack == "5-1-ecs-cluster");
  CHECK(row(c, "ECSLaunchConfiguration").disagrees);
  CHECK(row(c, "ECSLaunchConfiguration").ttsgen == "modified, replacement true");
  // The group follows the replaced launch configuration, the cluster a parameter value: neither
  // is a template change, so neither contradicts the diff.
  CHECK_FALSE(row(c, "ECSAutoScalingGroup").disagrees);
  CHECK(row(c, "ECSAutoScalingGroup").note == "caused by resource ECSLaunchConfiguration: not a template change");
  CHECK_FALSE(row(c, "ECSCluster").disagrees);
  CHECK(row(c, "ECSCluster").note.find("parameter ContainerInsights") != std::string::npos);
  CHECK(c.disagreements() == 1);
  CHECK(change_sets_report({c}, false).find("! ECSLaunchConfiguration") != std::string::npos);
}

TEST_CASE("a malformed change set is refused with its reason", "[diff][change-set]") {
  CHECK_THROWS_WITH(parse_change_set("{"), Catch::Contains("not JSON"));
  CHECK_THROWS_WITH(parse_change_set("{\"Stacks\": []}"), Catch::Contains("no \"Changes\" list"));
  CHECK_THROWS_WITH(parse_change_set(R"({"Changes":[{"Type":"Resource","ResourceChange":{"Action":"Modify","LogicalResourceId":"A","Replacement":"Maybe"}}]})"),
                    Catch::Contains("Replacement 'Maybe' of A; valid: True, False, Conditional"));
  ReleaseDiff d = diff_releases(release_side("3.29.2"_v), release_side("3.30.0"_v), "3.29.2"_v, "3.30.0"_v);
  ChangeSet unrelated = parse_change_set(R"({"StackName":"x","ChangeSetName":"c","Changes":[{"Type":"Resource","ResourceChange":{"Action":"Add","LogicalResourceId":"Nothing"}}]})");
  CHECK_THROWS_WITH(compare_change_set(unrelated, d, "f"), Catch::Contains("names no resource that changes"));
}
