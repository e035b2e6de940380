// The diff engine on hand-made stack sets (tests/unit/diff_fixtures.hpp): renames by stable key,
// create-only changes, logical id changes, exports removed or changed while imported, parameters,
// nested values, and what is left out as release-only or console layout.
#include "ttsgen/diff/diff.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "diff_fixtures.hpp"
#include "ttsgen/diff/format.hpp"

using namespace ttsgen::diff;
using ttsgen::cfn::Value;

namespace {

const StackDiff& stack(const ReleaseDiff& d, const std::string& key) {
  auto it = std::find_if(d.stacks.begin(), d.stacks.end(), [&](const StackDiff& s) { return s.key == key; });
  REQUIRE(it != d.stacks.end());
  return *it;
}

const ResourceChange& resource(const StackDiff& s, const std::string& id) {
  auto it = std::find_if(s.resources.begin(), s.resources.end(), [&](const ResourceChange& r) { return r.id == id; });
  REQUIRE(it != s.resources.end());
  return *it;
}

const EntryChange& parameter(const StackDiff& s, const std::string& id) {
  auto it = std::find_if(s.parameters.begin(), s.parameters.end(), [&](const EntryChange& p) { return p.id == id; });
  REQUIRE(it != s.parameters.end());
  return *it;
}

ReleaseDiff fixture_diff() { return compare(fixtures::side("1.0"), fixtures::side("2.0"), fixtures::options()); }

}  // namespace

TEST_CASE("stacks are matched by stable key: a new name is a rename", "[diff]") {
  ReleaseDiff d = fixture_diff();
  const StackDiff& mon = stack(d, "monitoring");
  CHECK(mon.renamed());
  CHECK(mon.before_name == "5-5-mon");
  CHECK(mon.after_name == "5-6-mon");
  // Its Description changes only by name and release, VersionTag only by release.
  CHECK(mon.status == StackStatus::Unchanged);
  CHECK(mon.release_only.size() == 2);
  CHECK(std::count_if(d.stacks.begin(), d.stacks.end(), [](const StackDiff& s) { return s.key == "monitoring"; }) == 1);

  CHECK(stack(d, "fresh").status == StackStatus::Added);
  CHECK(stack(d, "old").status == StackStatus::Removed);
  // Numbering order of the published names (new names where a stack exists in both).
  std::vector<std::string> names;
  for (const auto& s : d.stacks) names.push_back(s.name());
  CHECK(names == std::vector<std::string>{"1-1-net", "2-6-fresh", "3-1-app", "4-1-late", "5-6-mon", "6-1-old"});
  CHECK(d.has_changes());
}

TEST_CASE("a changed create-only property replaces the resource", "[diff]") {
  ReleaseDiff d = fixture_diff();
  const StackDiff& app = stack(d, "app");
  const ResourceChange& tg = resource(app, "TargetGroup");
  CHECK(tg.kind == Change::Modified);
  CHECK(tg.replacement == Replacement::True);
  REQUIRE(tg.changes.size() == 1);
  CHECK(to_string(tg.changes[0].change.path) == "Properties.TargetType");
  CHECK(tg.changes[0].reason == "TargetType is create-only for AWS::ElasticLoadBalancingV2::TargetGroup");

  // A nested change of a property that is not create-only updates in place.
  const ResourceChange& queue = resource(app, "Queue");
  CHECK(queue.replacement == Replacement::False);
  REQUIRE(queue.changes.size() == 3);
  CHECK(to_string(queue.changes[0].change.path) == "Properties.RedrivePolicy.maxReceiveCount");
  CHECK(to_string(queue.changes[1].change.path) == "Properties.RedrivePolicy.Extra.Items");
  CHECK(to_string(queue.changes[2].change.path) == "Properties.RedrivePolicy.Extra.Rules");

  // The security group of 1-1-net: GroupDescription is create-only.
  CHECK(resource(stack(d, "net"), "Group").replacement == Replacement::True);
}

TEST_CASE("a changed logical id is one resource, replaced", "[diff]") {
  ReleaseDiff d = fixture_diff();
  const StackDiff& app = stack(d, "app");
  const ResourceChange& ingress = resource(app, "IngressUdp");
  CHECK(ingress.kind == Change::Modified);
  CHECK(ingress.previous_id == "Ingress");
  CHECK(ingress.replacement == Replacement::True);
  CHECK(ingress.changes.empty());
  REQUIRE(ingress.reasons.size() == 1);
  CHECK(ingress.reasons[0].find("logical id changed from Ingress to IngressUdp") != std::string::npos);
  CHECK(std::none_of(app.resources.begin(), app.resources.end(), [](const ResourceChange& r) { return r.id == "Ingress"; }));
}

TEST_CASE("an expression on a create-only property is a possible replacement", "[diff]") {
  auto make = [](Value image) {
    ttsgen::cfn::Template t("x");
    t.resource("Host", "AWS::EC2::Instance").set("ImageId", std::move(image)).set("UserData", "a");
    return fixtures::doc("host", "1-2-host", t);
  };
  Side before{"1.0", {make(Value::function("Ref", "ImageX86"))}, {}, {}};
  Side after{"2.0", {make(Value::function("Fn::If", Value::list({"Arm", Value::function("Ref", "ImageArm"), Value::function("Ref", "ImageX86")})))}, {}, {}};
  const ResourceChange& host = compare(before, after).stacks.at(0).resources.at(0);
  CHECK(host.replacement == Replacement::Conditional);
  // The condition Arm is not declared: the diff cannot decide it and names what it would need.
  CHECK(host.changes.at(0).reason.find("whether the resolved value changes depends on") != std::string::npos);

  Side literal{"3.0", {make("ami-1")}, {}, {}};
  Side literal2{"4.0", {make("ami-2")}, {}, {}};
  CHECK(compare(literal, literal2).stacks.at(0).resources.at(0).replacement == Replacement::True);
}

TEST_CASE("a removed export that a stack still imports is reported with its consumers", "[diff][exports]") {
  ReleaseDiff d = fixture_diff();
  auto removed = std::find_if(d.export_issues.begin(), d.export_issues.end(),
                              [](const ExportIssue& i) { return i.kind == ExportIssueKind::RemovedWhileImported; });
  REQUIRE(removed != d.export_issues.end());
  CHECK(removed->export_name == "${NetworkName}-${Environment}-${Cluster}-OldThing");
  CHECK(removed->producer == "1-1-net");
  REQUIRE(removed->consumers.size() == 2);
  CHECK(removed->consumers[0].stack == "3-1-app");
  CHECK(removed->consumers[0].reason == "still imports it in 2.0");
  CHECK(removed->consumers[1].stack == "4-1-late");
  CHECK(removed->consumers[1].reason == "imports it in 1.0 and is updated after 1-1-net in numbering order");
}

TEST_CASE("an exported value that changes because its resource is replaced", "[diff][exports]") {
  ReleaseDiff d = fixture_diff();
  auto changed = std::find_if(d.export_issues.begin(), d.export_issues.end(),
                              [](const ExportIssue& i) { return i.kind == ExportIssueKind::ValueChangedWhileImported; });
  REQUIRE(changed != d.export_issues.end());
  CHECK(changed->export_name == "${NetworkName}-${Environment}-${Cluster}-GroupId");
  CHECK(changed->certain);
  CHECK(changed->detail.find("Group, which is replaced") != std::string::npos);
  REQUIRE(changed->consumers.size() == 1);
  CHECK(changed->consumers[0].stack == "3-1-app");
  // VpcId is unchanged and its resource stays: no issue.
  CHECK(std::none_of(d.export_issues.begin(), d.export_issues.end(),
                     [](const ExportIssue& i) { return i.export_name.ends_with("-VpcId"); }));
}

TEST_CASE("qualified exports match imports whatever the qualifier parameter is called", "[diff][exports]") {
  auto producer = [](bool exported) {
    ttsgen::cfn::Template t("p");
    t.resource("R", "AWS::SNS::Topic");
    if (exported) t.output("Address", "x").export_name(Value::function("Fn::Sub", "${NetworkName}-redis-${Purpose}-Address"));
    return fixtures::doc("redis", "2-3-redis", t);
  };
  ttsgen::cfn::Template consumer("c");
  consumer.resource("P", "AWS::SSM::Parameter").set("Value", Value::function("Fn::ImportValue", Value::function("Fn::Sub", "${NetworkName}-redis-${CacheCluster}-Address")));
  Side before{"1.0", {producer(true), fixtures::doc("app", "5-4-app", consumer)}, {}, {}};
  Side after{"2.0", {producer(false), fixtures::doc("app", "5-4-app", consumer)}, {}, {}};
  ReleaseDiff d = compare(before, after);
  REQUIRE(d.export_issues.size() == 1);
  CHECK(d.export_issues[0].export_name == "${NetworkName}-redis-${Purpose}-Address");
  CHECK(d.export_issues[0].consumers.at(0).stack == "5-4-app");
}

TEST_CASE("parameters: added, allowed values and defaults", "[diff]") {
  ReleaseDiff d = fixture_diff();
  const StackDiff& app = stack(d, "app");
  const EntryChange& secret = parameter(app, "Secret");
  CHECK(secret.kind == Change::Added);
  CHECK(secret.group == "Sizing");
  CHECK(secret.label == "Secret");
  const EntryChange& size = parameter(app, "Size");
  CHECK(size.kind == Change::Modified);
  REQUIRE(size.changes.size() == 2);
  CHECK(to_string(size.changes[0].path) == "Default");
  CHECK(to_string(size.changes[1].path) == "AllowedValues");
  // Moving Size to another console group is layout, not a parameter change.
  CHECK_FALSE(app.console_layout.empty());
}

TEST_CASE("release-only and console-layout changes leave a stack unchanged", "[diff]") {
  auto make = [](const std::string& release, const std::string& group) {
    ttsgen::cfn::Template t("1-1-x: X (templates " + release + ")");
    t.parameter("A", "String").group(group);
    t.output("VersionTag", release);
    return fixtures::doc("x", "1-1-x", t);
  };
  Options o;
  o.release_strings.emplace_back("3.29.2", "3.30.0");
  ReleaseDiff d = compare(Side{"3.29.2", {make("3.29.2", "General")}, {}, {}}, Side{"3.30.0", {make("3.30.0", "Other")}, {}, {}}, o);
  const StackDiff& s = d.stacks.at(0);
  CHECK(s.status == StackStatus::Unchanged);
  CHECK(s.release_only.size() == 2);
  CHECK_FALSE(s.console_layout.empty());
  CHECK_FALSE(d.has_changes());
  CHECK(to_text(d).find("Unchanged apart from the release (VersionTag): 1-1-x.") != std::string::npos);

  // Without the release strings, the VersionTag is an ordinary change.
  CHECK(compare(Side{"a", {make("3.29.2", "General")}, {}, {}}, Side{"b", {make("3.30.0", "General")}, {}, {}}).has_changes());
}

TEST_CASE("stacks missing from a folder are not compared, not added", "[diff]") {
  Side folder = fixtures::side("1.0");
  folder.stacks.erase(folder.stacks.begin() + 2);  // 4-1-late not deployed
  folder.missing.emplace_back("late", "4-1-late");
  folder.unmatched_files.push_back("notes.txt");
  ReleaseDiff d = compare(folder, fixtures::side("2.0"), fixtures::options());
  CHECK(std::none_of(d.stacks.begin(), d.stacks.end(), [](const StackDiff& s) { return s.key == "late"; }));
  REQUIRE(d.not_compared.size() == 1);
  CHECK(d.not_compared[0].second == "4-1-late");
  CHECK(d.unmatched_files == std::vector<std::string>{"notes.txt"});
}

TEST_CASE("formatters: indented nested diffs, Markdown sections, JSON that parses", "[diff][format]") {
  ReleaseDiff d = fixture_diff();
  std::string text = to_text(d);
  CHECK(text.find("Changes from 1.0 to 2.0") != std::string::npos);
  CHECK(text.find("    ~ TargetGroup (AWS::ElasticLoadBalancingV2::TargetGroup): replacement") != std::string::npos);
  CHECK(text.find("        Properties.TargetType: instance → ip (replacement: TargetType is create-only") != std::string::npos);
  // Short values print on one line; nested ones as an indented YAML diff, not one long line.
  CHECK(text.find("        Properties.RedrivePolicy.Extra.Items: [a] → [a, b, c]\n") != std::string::npos);
  CHECK(text.find("        Properties.RedrivePolicy.Extra.Rules:\n          @@ -1,2 +1,4 @@\n           - Name: a\n             Value: 1\n"
                  "          +- Name: b\n          +  Value: 2\n") != std::string::npos);
  CHECK(text.find("5-6-mon (renamed from 5-5-mon)") != std::string::npos);
  CHECK(text.find("AllowedValues: added huge; removed tiny (a stack that uses a removed value") != std::string::npos);
  CHECK(text.find("+ Secret: String, no default (a value is required), NoEcho; label \"Secret\", group \"Sizing\"") != std::string::npos);

  std::string md = to_markdown(d);
  CHECK(md.starts_with("## 2.0 (from 1.0)\n"));
  CHECK(md.find("### `5-6-mon` (renamed from `5-5-mon`)") != std::string::npos);
  CHECK(md.find("- **Changed** `TargetGroup` (`AWS::ElasticLoadBalancingV2::TargetGroup`): **replacement**") != std::string::npos);
  CHECK(md.find("    ```diff\n") != std::string::npos);
  CHECK(md.find("### Cross-stack exports") != std::string::npos);
  // Parameters come before resources within a stack.
  auto app = md.find("### `3-1-app`");
  CHECK(md.find("**Parameters**", app) < md.find("**Resources**", app));

  auto j = nlohmann::json::parse(to_json(d));
  CHECK(j["from"] == "1.0");
  CHECK(j["stacks"].size() == 6);
  auto mon = std::find_if(j["stacks"].begin(), j["stacks"].end(), [](const auto& s) { return s["key"] == "monitoring"; });
  CHECK((*mon)["renamed"] == true);
  CHECK((*mon)["release_only"].size() == 2);  // JSON carries what text leaves out
}

TEST_CASE("resources that differ in a create-only property are not one renamed resource", "[diff]") {
  auto make = [](const std::string& id, int port) {
    ttsgen::cfn::Template t("x");
    t.resource(id, "AWS::ElasticLoadBalancingV2::TargetGroup")
        .set("Port", port)
        .set("Protocol", "TCP")
        .set("TargetType", "ip")
        .set("VpcId", "vpc-1")
        .set("HealthCheckProtocol", "TCP");
    return fixtures::doc("lb", "3-2-lb", t);
  };
  auto resources = compare(Side{"1.0", {make("HTTPSGroup", 8443)}, {}, {}}, Side{"2.0", {make("CUPSGroup", 8987)}, {}, {}})
                       .stacks.at(0)
                       .resources;
  REQUIRE(resources.size() == 2);
  CHECK(resources[0].kind == Change::Removed);
  CHECK(resources[1].kind == Change::Added);
}

TEST_CASE("Markdown details: image defaults, whole-value entries, long values", "[diff][format]") {
  auto make = [](const std::string& release, int rows) {
    ttsgen::cfn::Template t("5-2-ops (" + release + ")");
    t.parameter("OpsImage", "String").default_value("lorawan-stack:" + release + "-aws");
    t.condition("Big", Value::function("Fn::Equals", Value::list({Value::function("Ref", "OpsImage"), release == "1.0" ? "a" : "b"})));
    Value map = Value::map();
    for (int i = 0; i < rows; ++i) map.set("k" + std::to_string(i), Value::map({{"Arch", "x86_64"}}));
    if (rows > 0) t.mapping("Types", map);
    return fixtures::doc("ops", "5-2-ops", t);
  };
  Options o;
  o.release_strings.emplace_back("1.0", "2.0");
  ReleaseDiff d = compare(Side{"1.0", {make("1.0", 0)}, {}, {}}, Side{"2.0", {make("2.0", 30)}, {}, {}}, o);
  CHECK(d.stacks.at(0).parameters.at(0).follows_release);
  std::string md = to_markdown(d);
  CHECK(md.find("`Default`: `lorawan-stack:1.0-aws` → `lorawan-stack:2.0-aws` (it names the release: set it in this update") != std::string::npos);
  CHECK(md.find("- **Changed** `Conditions.Big`: `!Equals [!Ref OpsImage, a]` → `!Equals [!Ref OpsImage, b]`\n") != std::string::npos);
  CHECK(md.find("… 41 more lines (all of them in --format json)") != std::string::npos);
}
