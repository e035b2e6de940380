// ttsgen validate on real releases and on broken copies of them. Each broken set is a real render
// with one template changed on its document and rendered again, so the checks read the bytes of
// the broken template as they would read a folder.
#include <catch2/catch.hpp>

#include <functional>

#include "check_fixtures.hpp"
#include "ttsgen/catalog/version.hpp"
#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/check/validate.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/release_set.hpp"

using namespace ttsgen;
using cfn::Value;
using test::at;
using check::Finding;
using check::Severity;

namespace {

check::TemplateSet release(const std::string& v) {
  static check::TemplateLoader loader;
  return loader.release(*catalog::parse_version(v));
}

using test::mutated;

std::vector<Finding> findings_of(const check::TemplateSet& set, Severity severity = Severity::Error,
                                 const check::ReleaseResult* previous = nullptr) {
  check::Validator validator;
  auto result = validator.validate(set, previous);
  std::vector<Finding> out;
  for (auto& f : result.findings)
    if (f.severity == severity) out.push_back(f);
  return out;
}

// The findings of `rule` in `stack` whose path starts with `path` and whose message contains `text`.
std::size_t count(const std::vector<Finding>& findings, const std::string& rule, const std::string& stack,
                  const std::string& path, const std::string& text) {
  std::size_t n = 0;
  for (const auto& f : findings)
    if (f.rule == rule && f.stack == stack && f.path.rfind(path, 0) == 0 && f.message.find(text) != std::string::npos) ++n;
  return n;
}

std::string describe_all(const std::vector<Finding>& findings) {
  std::string s;
  for (const auto& f : findings) s += check::format_text(f) + "\n";
  return s;
}

// Replaces every Fn::ImportValue whose name ends in `suffix` by `replacement`.
void replace_imports(Value& v, const std::string& suffix, const Value& replacement) {
  if (v.is_function("Fn::ImportValue")) {
    const Value& arg = v.argument();
    const Value* text = arg.is_function("Fn::Sub") ? &arg.argument() : &arg;
    if (text->is_string() && text->text().size() >= suffix.size() &&
        text->text().compare(text->text().size() - suffix.size(), std::string::npos, suffix) == 0) {
      v = replacement;
      return;
    }
  }
  if (v.is_function()) return replace_imports(v.items()[0], suffix, replacement);
  for (auto& item : v.items()) replace_imports(item, suffix, replacement);
  for (auto& e : v.entries()) replace_imports(e.value, suffix, replacement);
}

Value import_of(const std::string& key) {
  return Value::function("Fn::ImportValue", cfn::sub("${NetworkName}-${Environment}-${Cluster}-" + key));
}

Value output(Value value, std::string export_name = {}) {
  Value o = Value::map({{"Value", std::move(value)}});
  if (!export_name.empty()) o.set("Export", Value::map({{"Name", cfn::sub(export_name)}}));
  return o;
}

}  // namespace

TEST_CASE("every supported release validates without errors", "[check][validate]") {
  check::TemplateLoader loader;
  check::Validator validator;
  std::vector<check::ReleaseResult> results;
  for (const auto& v : catalog::supported_releases()) {
    results.push_back(validator.validate(loader.release(v), results.empty() ? nullptr : &results.back()));
    INFO(v.str() << "\n" << describe_all(results.back().findings));
    CHECK(check::count(results.back().findings, Severity::Error) == 0);
    CHECK(results.back().analysis.order.ok());
  }
  // Most templates do not change between releases: they are parsed and checked once.
  CHECK(validator.distinct_templates() < loader.release(catalog::newest_release()).templates.size() * results.size());
}

TEST_CASE("a removed export is an unresolved import of the stacks that use it", "[check][validate][fixture]") {
  auto set = mutated(release("3.35.2"), "1-1-vpc", [](Value& doc) { at(doc, {"Outputs"}).erase("BastionSecurityGroupId"); });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "import", "1-2-bastion", "Resources.SSHIngressIPv4.Properties.GroupId", "BastionSecurityGroupId") == 1);
  CHECK(count(f, "import", "1-2-bastion", "Resources.Bastion.Properties.NetworkInterfaces[0].GroupSet[0]", "which no stack of release 3.35.2 exports") == 1);
  for (const auto& x : f) {
    CHECK(x.release == "3.35.2");
    CHECK_FALSE(x.logical_id.empty());
  }
}

TEST_CASE("a misspelt property is named with a suggestion", "[check][validate][fixture]") {
  auto set = mutated(release("3.35.2"), "1-1-vpc", [](Value& doc) {
    Value& props = at(doc, {"Resources", "PublicSubnet1", "Properties"});
    Value vpc = *props.find("VpcId");
    props.erase("VpcId");
    props.set("VpcID", vpc);
  });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "schema", "1-1-vpc", "Resources.PublicSubnet1.Properties.VpcID", "unknown property 'VpcID'; did you mean 'VpcId'?") == 1);
  CHECK(count(f, "schema", "1-1-vpc", "Resources.PublicSubnet1.Properties", "missing required property 'VpcId'") == 1);
  REQUIRE_FALSE(f.empty());
  CHECK(f.front().logical_id == "PublicSubnet1");
}

TEST_CASE("a wrong enum value names the valid values", "[check][validate][fixture]") {
  auto set = mutated(release("3.35.2"), "1-1-vpc",
                     [](Value& doc) { at(doc, {"Resources", "LoadBalancer", "Properties"}).set("Type", "netwrok"); });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "schema", "1-1-vpc", "Resources.LoadBalancer.Properties.Type", "'netwrok' is not a valid value (did you mean 'network'?)") == 1);
}

TEST_CASE("a template over 1 MB is an error; over 51,200 bytes only a note", "[check][validate][fixture]") {
  auto big = mutated(release("3.35.2"), "1-3-opsgenie",
                     [](Value& doc) { at(doc, {"Metadata"}).set("Padding", std::string(1'000'001, 'x')); });
  auto f = findings_of(big);
  INFO(describe_all(f));
  CHECK(count(f, "quota", "1-3-opsgenie", "", "CloudFormation accepts at most 1000000 bytes from S3") == 1);

  auto medium = mutated(release("3.35.2"), "1-3-opsgenie",
                        [](Value& doc) { at(doc, {"Metadata"}).set("Padding", std::string(60'000, 'x')); });
  CHECK(findings_of(medium).empty());
  CHECK(count(findings_of(medium, Severity::Note), "quota", "1-3-opsgenie", "", "above the 51200-byte limit of --template-body") == 1);
}

TEST_CASE("a bucket without encryption breaks the security baseline", "[check][validate][fixture]") {
  auto set = mutated(release("3.35.2"), "1-1-vpc",
                     [](Value& doc) { at(doc, {"Resources", "LoadBalancerLogsBucket", "Properties"}).erase("BucketEncryption"); });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "security", "1-1-vpc", "Resources.LoadBalancerLogsBucket.Properties.BucketEncryption", "the bucket is not encrypted") == 1);
  CHECK(f.size() == 1);
}

TEST_CASE("an import from a later stack is out of order; a required stack may not need an optional one", "[check][validate][fixture]") {
  auto set = mutated(release("3.35.2"), "1-1-vpc",
                     [](Value& doc) { at(doc, {"Outputs"}).set("Alarms", output(import_of("AlarmTopicArn"))); });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "order", "1-1-vpc", "Outputs.Alarms.Value", "from 1-3-opsgenie, which comes later in the deployment order") == 1);
  CHECK(count(f, "optional", "1-1-vpc", "Outputs.Alarms.Value", "from optional stack 1-3-opsgenie without a condition") == 1);
}

TEST_CASE("a dependency cycle is an error and leaves no order", "[check][validate][fixture]") {
  auto set = mutated(release("3.35.2"), "1-1-vpc",
                     [](Value& doc) { at(doc, {"Outputs"}).set("Alarms", output(import_of("AlarmTopicArn"))); });
  set = mutated(set, "1-3-opsgenie", [](Value& doc) { at(doc, {"Outputs"}).set("Vpc", output(import_of("VpcId"))); });
  check::Validator validator;
  auto result = validator.validate(set);
  INFO(describe_all(result.findings));
  CHECK_FALSE(result.analysis.order.ok());
  CHECK(count(result.findings, "cycle", "", "", "dependency cycle: 1-1-vpc → 1-3-opsgenie → 1-1-vpc") == 1);
}

TEST_CASE("an export name produced twice is an error", "[check][validate][fixture]") {
  auto set = mutated(release("3.35.2"), "1-3-opsgenie", [](Value& doc) {
    at(doc, {"Outputs"}).set("Copy", output(Value::function("Ref", "AlarmTopic"), "${NetworkName}-${Environment}-${Cluster}-VpcId"));
  });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "export", "1-3-opsgenie", "Outputs.Copy.Export.Name", "is also exported by 1-1-vpc Outputs.VpcId.Export.Name") == 1);
}

TEST_CASE("an import from a stack that the importer's cluster role does not deploy", "[check][validate][fixture]") {
  auto set = release("3.35.2");
  catalog::Stack primary_vpc = *set.templates[0].stack;
  primary_vpc.role = catalog::ClusterRole::Primary;
  set.templates[0].stack = &primary_vpc;
  auto f = findings_of(set);
  INFO(describe_all(f));
  // Every unconditional import of 1-2-bastion (deployed in both roles) is a finding; the one in
  // the resource with Condition HasSSHIPv6Range is not.
  CHECK(count(f, "role", "1-2-bastion", "Resources.SSHIngressIPv4", "which secondary clusters do not deploy") == 1);
  CHECK(count(f, "role", "1-2-bastion", "Resources.SSHIngressIPv6", "") == 0);
}

TEST_CASE("removing an export that the previous release imports is an error", "[check][validate][fixture]") {
  check::Validator validator;
  auto before = validator.validate(release("3.35.1"));
  auto set = mutated(release("3.35.2"), "1-1-vpc", [](Value& doc) { at(doc, {"Outputs"}).erase("BastionSecurityGroupId"); });
  for (const char* importer : {"1-2-bastion", "3-1-security-group-rules"})
    set = mutated(set, importer, [](Value& doc) { replace_imports(doc, "-BastionSecurityGroupId", "sg-0123456789abcdef0"); });
  auto f = findings_of(set, Severity::Error, &before);
  INFO(describe_all(f));
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "removed-export");
  CHECK(f[0].stack == "1-1-vpc");
  CHECK(f[0].message.find("BastionSecurityGroupId is gone, but 1-2-bastion imports it in 3.35.1") != std::string::npos);
}

TEST_CASE("qualified imports resolve when the importer's values fit the exporter's", "[check][validate][fixture]") {
  auto qualifier = [](std::vector<std::string> values) {
    Value p = Value::map({{"Type", "String"}});
    if (!values.empty()) p.set("AllowedValues", Value::strings(values));
    if (!values.empty()) p.set("Default", values.front());
    return p;
  };
  auto base = mutated(release("3.35.2"), "1-1-vpc", [&](Value& doc) {
    at(doc, {"Parameters"}).set("Purpose", qualifier({"general", "cache", "events"}));
    at(doc, {"Outputs"}).set("Port", output(Value::function("Ref", "Purpose"), "${NetworkName}-${Environment}-${Cluster}-fixture-${Purpose}-Port"));
  });
  auto importer = [&](std::vector<std::string> values) {
    return mutated(base, "1-2-bastion", [&](Value& doc) {
      at(doc, {"Parameters"}).set("RedisPurpose", qualifier(values));
      at(doc, {"Outputs"}).set("Port", output(Value::function("Fn::ImportValue",
                                                              cfn::sub("${NetworkName}-${Environment}-${Cluster}-fixture-${RedisPurpose}-Port"))));
    });
  };
  {
    auto fits = findings_of(importer({"general", "cache"}));
    INFO(describe_all(fits));
    CHECK(fits.empty());
  }
  auto f = findings_of(importer({"general", "sessions"}));
  INFO(describe_all(f));
  CHECK(count(f, "import", "1-2-bastion", "Outputs.Port.Value", "fixture-sessions-Port, which no stack") == 1);
  f = findings_of(importer({}));
  CHECK(count(f, "import", "1-2-bastion", "Outputs.Port.Value", "has no AllowedValues") == 1);
}

TEST_CASE("security groups, IAM policies and log groups follow the baseline", "[check][validate][security]") {
  auto set = mutated(release("3.35.2"), "1-2-bastion", [](Value& doc) {
    Value& resources = at(doc, {"Resources"});
    at(resources, {"SSHIngressIPv4", "Properties"}).set("CidrIp", "0.0.0.0/0");
    resources.set("Logs", Value::map({{"Type", "AWS::Logs::LogGroup"}}));
    Value& statements = at(resources, {"BastionRole", "Properties", "Policies"}).items()[0];
    Value& list = at(statements, {"PolicyDocument", "Statement"});
    list.push_back(Value::map({{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "arn:aws:s3:::x"}}));
    list.push_back(Value::map({{"Sid", "Tasks"}, {"Effect", "Allow"}, {"Action", Value::strings({"ecs:RunTask", "ecs:ListTasks"})}, {"Resource", "*"}}));
  });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "security", "1-2-bastion", "Resources.SSHIngressIPv4.Properties.CidrIp", "opens port 22 to the internet with a fixed 0.0.0.0/0") == 1);
  CHECK(count(f, "security", "1-2-bastion", "Resources.Logs.Properties.RetentionInDays", "keeps its logs forever") == 1);
  CHECK(count(f, "security", "1-2-bastion", "Resources.BastionRole.Properties.Policies[0].PolicyDocument.Statement[2].Action", "allows every action") == 1);
  CHECK(count(f, "security", "1-2-bastion", "Resources.BastionRole.Properties.Policies[0].PolicyDocument.Statement[3].Resource",
              "write actions (ecs:RunTask) on Resource '*'") == 1);

  // A stated reason for the Sid accepts the wildcard: the finding becomes a note with the reason.
  auto explained = mutated(set, "1-2-bastion", [](Value& doc) {
    at(doc, {"Resources", "BastionRole"}).set("Metadata", Value::map({{"ttsgen-security-reasons", Value::map({{"Tasks", "why"}})}}));
  });
  CHECK(count(findings_of(explained), "security", "1-2-bastion", "Resources.BastionRole", "write actions") == 0);
  CHECK(count(findings_of(explained, Severity::Note), "security", "1-2-bastion", "Resources.BastionRole", "accepted (Tasks: why): write actions") == 1);
}

TEST_CASE("parameters feeding an enum, attributes and resource attributes are checked", "[check][validate][schema]") {
  auto set = mutated(release("3.35.2"), "1-1-vpc", [](Value& doc) {
    at(doc, {"Parameters"}).set("Scheme", Value::map({{"Type", "String"}, {"Default", "internal"},
                                                      {"AllowedValues", Value::strings({"internal", "external"})}}));
    Value& lb = at(doc, {"Resources", "LoadBalancer"});
    at(lb, {"Properties"}).set("Scheme", Value::function("Ref", "Scheme"));
    at(doc, {"Outputs"}).set("Bad", output(Value::function("Fn::GetAtt", Value::list({"LoadBalancer", "DNSNam"}))));
    at(doc, {"Resources", "Vpc"}).set("Propertes", Value::map());
  });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "schema", "1-1-vpc", "Resources.LoadBalancer.Properties.Scheme", "parameter Scheme allows 'external'") == 1);
  CHECK(count(f, "schema", "1-1-vpc", "Outputs.Bad.Value", "has no attribute 'DNSNam'; did you mean 'DNSName'?") == 1);
  CHECK(count(f, "structure", "1-1-vpc", "Resources.Vpc.Propertes", "did you mean 'Properties'?") == 1);
}

TEST_CASE("findings format with release, stack and path", "[check][finding]") {
  Finding f{Severity::Error, "schema", "3.35.2", "1-1-vpc", "Vpc", "Resources.Vpc.Properties.X", "bad"};
  CHECK(check::format_text(f) == "3.35.2 1-1-vpc Resources.Vpc.Properties.X: bad [schema]");
  f.severity = Severity::Note;
  CHECK(check::format_text(f) == "3.35.2 1-1-vpc Resources.Vpc.Properties.X: note: bad [schema]");
  CHECK(check::logical_id_of("Outputs.Z.Value") == "Z");
  CHECK(check::logical_id_of("Resources.A[0]") == "A");
}

TEST_CASE("a security exception is written where validate reads it", "[check][security]") {
  cfn::Template t;
  auto& role = t.resource("Role", "AWS::IAM::Role");
  role.security_exception("Tasks", "ecs:RunTask has no resource-level permission here");
  CHECK_THROWS(role.security_exception("Other", ""));
  Value doc = t.to_value();
  CHECK(at(doc, {"Resources", "Role", "Metadata", "ttsgen-security-reasons", "Tasks"}) ==
        Value("ecs:RunTask has no resource-level permission here"));
}

TEST_CASE("a property-level exception turns an encryption finding into a note", "[check][security]") {
  auto set = mutated(release("3.35.2"), "1-1-vpc", [](Value& doc) {
    Value& bucket = at(doc, {"Resources", "LoadBalancerLogsBucket"});
    at(bucket, {"Properties"}).erase("BucketEncryption");
    bucket.set("Metadata", Value::map({{"ttsgen-security-reasons", Value::map({{"BucketEncryption", "test"}})}}));
  });
  CHECK(findings_of(set).empty());
  CHECK(count(findings_of(set, Severity::Note), "security", "1-1-vpc", "Resources.LoadBalancerLogsBucket", "accepted (BucketEncryption: test)") == 1);
}

TEST_CASE("the graph read from the bytes agrees with the typed model's imports", "[check][graph]") {
  for (const auto& v : catalog::supported_releases()) {
    auto set = release(v.str());
    auto analysis = check::analyse_set(set);
    auto built = stacks::build_release(v);
    REQUIRE(built.size() == set.templates.size());
    for (std::size_t i = 0; i < built.size(); ++i) {
      std::vector<std::string> from_bytes, from_model;
      for (std::size_t d : analysis.graph.dependencies_of(i)) from_bytes.push_back(set.templates[d].name);
      for (const auto* s : stacks::dependencies_of(built[i].model, v)) from_model.push_back(s->name_at(v));
      INFO(v.str() << " " << built[i].name);
      CHECK(from_bytes == from_model);
    }
  }
}

// --- The parameter contract (check/parameter_contract.hpp): one seeded fault per rule. ------

TEST_CASE("a shared parameter with another default in one template names both stacks", "[check][validate][parameter-contract]") {
  auto set = mutated(release("3.35.2"), "5-4-ecs-services",
                     [](Value& doc) { at(doc, {"Parameters", "SupportProxyTLS"}).set("Default", "true"); });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "shared-parameter", "5-4-ecs-services", "Parameters.SupportProxyTLS",
              "has Default 'true' here but 'false' in 3-2-load-balancer-rules") == 1);
  std::size_t shared = 0;
  for (const auto& x : f) shared += x.rule == "shared-parameter";
  CHECK(shared == 1);  // only the changed template is reported, once
}

TEST_CASE("a shared parameter with another pattern is reported; a listed same-name exception is not", "[check][validate][parameter-contract]") {
  auto set = mutated(release("3.35.2"), "5-8a-certs-le", [](Value& doc) {
    at(doc, {"Parameters", "Domain"}).set("AllowedPattern", "^.*$");
    at(doc, {"Parameters", "SupportProxyTLS"}).set("Description", "worded differently");  // text is not the contract
  });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "shared-parameter", "5-8a-certs-le", "Parameters.Domain", "AllowedPattern '^.*$' here") == 1);
  CHECK(count(f, "shared-parameter", "5-8a-certs-le", "Parameters.SupportProxyTLS", "") == 0);
  std::size_t instance_type = 0;
  for (const auto& x : f) instance_type += x.logical_id == "InstanceType";
  CHECK(instance_type == 0);  // EC2 and ElastiCache types: stacks::same_name_exceptions
}

TEST_CASE("a selector whose default or pattern differs from its producer's qualifier", "[check][validate][parameter-contract]") {
  auto set = mutated(release("3.35.2"), "5-2-ecs-ops", [](Value& doc) {
    at(doc, {"Parameters", "NOCTimescaleDBDeploymentName"}).set("Default", "noc");
    at(doc, {"Parameters", "ApplicationServerStorageTimescaleDBDeploymentName"}).set("AllowedPattern", "^[a-z][a-z0-9-]{0,31}$");
    at(doc, {"Parameters", "CacheRedisCluster"}).set("AllowedValues", Value::strings({"general", "cache", "sessions"}));
  });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "selector", "5-2-ecs-ops", "Parameters.NOCTimescaleDBDeploymentName",
              "defaults to 'noc' where DeploymentName defaults to 'default'") == 1);
  CHECK(count(f, "selector", "5-2-ecs-ops", "Parameters.ApplicationServerStorageTimescaleDBDeploymentName",
              "picks the 2-5-db-timescale-master copy by its DeploymentName, but its AllowedPattern") == 1);
  CHECK(count(f, "selector", "5-2-ecs-ops", "Parameters.CacheRedisCluster", "accepts 'sessions', which Purpose does not") == 1);
}

TEST_CASE("the switches of one feature default alike", "[check][validate][parameter-contract]") {
  auto set = mutated(release("3.35.2"), "2-3-db-redis",
                     [](Value& doc) { at(doc, {"Parameters", "RedisTLS"}).set("Default", "false"); });
  auto f = findings_of(set);
  INFO(describe_all(f));
  CHECK(count(f, "feature", "5-2-ecs-ops", "Parameters.GeneralRedisTLS", "feature 'Redis TLS' is on by default here") == 1);
  CHECK(count(f, "feature", "5-4-ecs-services", "Parameters.EventsRedisTLS", "off in 2-3-db-redis (RedisTLS 'false')") == 1);
}
