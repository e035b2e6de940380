// The diff on the real releases of the stacks that exist (1-1, 1-2, 1-3): the bastion's changes at
// 3.24.2 (Graviton) and 3.26.0 (UDP Gateway Server references removed), and the UPGRADING notes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "ttsgen/diff/format.hpp"
#include "ttsgen/diff/release.hpp"
#include "ttsgen/stacks/registry.hpp"

using namespace ttsgen::diff;
using ttsgen::catalog::operator""_v;

namespace {

ReleaseDiff releases(ttsgen::catalog::Version from, ttsgen::catalog::Version to) {
  return diff_releases(release_side(from), release_side(to), from, to);
}

const StackDiff& stack(const ReleaseDiff& d, const std::string& name) {
  auto it = std::find_if(d.stacks.begin(), d.stacks.end(), [&](const StackDiff& s) { return s.name() == name; });
  REQUIRE(it != d.stacks.end());
  return *it;
}

}  // namespace

TEST_CASE("3.24.0 to 3.24.2: Graviton instances for the bastion", "[diff][release]") {
  ReleaseDiff d = releases("3.24.0"_v, "3.24.2"_v);
  CHECK(stack(d, "1-1-vpc").status == StackStatus::Unchanged);
  CHECK(stack(d, "1-3-opsgenie").status == StackStatus::Unchanged);
  const StackDiff& bastion = stack(d, "1-2-bastion");
  CHECK(bastion.status == StackStatus::Modified);
  REQUIRE(bastion.parameters.size() == 2);
  CHECK(bastion.parameters[0].id == "InstanceType");
  CHECK(bastion.parameters[1].id == "ImageIdArm64");
  CHECK(bastion.parameters[1].kind == Change::Added);
  REQUIRE(bastion.resources.size() == 1);
  CHECK(bastion.resources[0].id == "Bastion");
  // ImageId is create-only, but !Ref ImageIdX86 → !If [GravitonInstance, ...] resolves to the same
  // image on x86 instance types.
  CHECK(bastion.resources[0].replacement == Replacement::Conditional);
  CHECK(to_string(bastion.resources[0].changes.at(0).change.path) == "Properties.ImageId");
  std::string md = to_markdown(d);
  CHECK(md.find("`AllowedValues`: added t4g.nano, t4g.micro, t4g.small, t4g.medium") != std::string::npos);
  CHECK(md.find("Unchanged apart from the release (VersionTag): `1-1-vpc`, `1-3-opsgenie`") != std::string::npos);
}

TEST_CASE("3.25.2 to 3.26.0: the bastion loses the UDP Gateway Server helpers", "[diff][release]") {
  ReleaseDiff d = releases("3.25.2"_v, "3.26.0"_v);
  const StackDiff& bastion = stack(d, "1-2-bastion");
  CHECK(bastion.parameters.empty());
  REQUIRE(bastion.resources.size() == 2);
  CHECK(bastion.resources[0].id == "BastionRole");
  CHECK(bastion.resources[0].replacement == Replacement::False);
  CHECK(bastion.resources[1].id == "Bastion");
  // UserData is conditionally create-only in the schema; the CloudFormation reference says an
  // EBS-backed instance is stopped and started, not replaced (the override table).
  CHECK(bastion.resources[1].replacement == Replacement::False);
  CHECK(bastion.resources[1].changes.at(0).reason.find("UserData is updated in place (CloudFormation reference") != std::string::npos);
  // 5-1's launch configuration loses two literal lines of its Fn::Sub UserData: replaced under
  // every parameter value.
  const StackDiff& cluster = stack(d, "5-1-ecs-cluster");
  REQUIRE(cluster.resources.size() == 1);
  CHECK(cluster.resources[0].id == "ECSLaunchConfiguration");
  CHECK(cluster.resources[0].replacement == Replacement::True);
  CHECK(cluster.resources[0].changes.at(0).reason.find("changes for every parameter value") != std::string::npos);
  // The changelog's 3.26.0 procedure for 5-4-ecs-services.
  CHECK(std::any_of(d.notes.begin(), d.notes.end(), [](const std::string& n) { return n.find("IncludeUDPGatewayServer") != std::string::npos; }));
  std::string text = to_text(d);
  CHECK(text.find("          -  chmod 755 /usr/bin/udp-gs-hosts\n") != std::string::npos);
}

TEST_CASE("3.29.2 to 3.30.0: the Auto Scaling group moves to a launch template in place", "[diff][release]") {
  ReleaseDiff d = releases("3.29.2"_v, "3.30.0"_v);
  const StackDiff& cluster = stack(d, "5-1-ecs-cluster");
  auto group = std::find_if(cluster.resources.begin(), cluster.resources.end(), [](const ResourceChange& r) { return r.id == "ECSAutoScalingGroup"; });
  REQUIRE(group != cluster.resources.end());
  CHECK(group->replacement == Replacement::False);
  std::string md = to_markdown(d);
  CHECK(md.find("**Security group rules**") != std::string::npos);
  CHECK(md.find("**IAM statements**") != std::string::npos);
  CHECK(md.rfind("**Summary**", 200) != std::string::npos);  // first, under the heading
}

TEST_CASE("every pair of consecutive releases compares, and JSON parses", "[diff][release]") {
  const auto& all = ttsgen::catalog::supported_releases();
  for (std::size_t i = 1; i < all.size(); ++i) {
    ReleaseDiff d = releases(all[i - 1], all[i]);
    // Every replacement verdict is certain, never, or names what it depends on.
    for (const auto& s : d.stacks)
      for (const auto& r : s.resources)
        if (r.replacement == Replacement::Conditional) {
          INFO(all[i].str() << " " << s.name() << " " << r.id);
          CHECK_FALSE(r.depends_on.empty());
        }
    CHECK(d.stacks.size() >= ttsgen::stacks::stacks_in(all[i]).size());
    // No release removes an export that one of its own stacks still imports.
    for (const auto& issue : d.export_issues)
      for (const auto& c : issue.consumers) CHECK_FALSE(c.reason.starts_with("still imports it in"));
    CHECK_NOTHROW(nlohmann::json::parse(to_json(d)));
  }
}

TEST_CASE("UPGRADING notes cover every release of a minor, newest first", "[diff][release]") {
  CHECK(predecessor("3.30.0"_v) == "3.29.2"_v);
  CHECK_FALSE(predecessor("3.24.0"_v).has_value());
  CHECK(releases_of_minor("3.30") == std::vector<ttsgen::catalog::Version>{"3.30.0"_v, "3.30.1"_v, "3.30.2"_v});
  CHECK(supported_minors().front() == "3.24");
  CHECK(supported_minors().back() == "3.36");

  std::string md = minor_document("3.30", "markdown");
  CHECK(md.starts_with("# Upgrading to 3.30\n"));
  auto s2 = md.find("## 3.30.2 (from 3.30.1)");
  auto s1 = md.find("## 3.30.1 (from 3.30.0)");
  auto s0 = md.find("## 3.30.0 (from 3.29.2)");
  CHECK(s2 < s1);
  CHECK(s1 < s0);
  CHECK(s0 != std::string::npos);
  // Each section is exactly `ttsgen diff --from P --to R --format markdown`.
  CHECK(md.find(to_markdown(releases("3.30.0"_v, "3.30.1"_v))) != std::string::npos);

  std::string first = minor_document("3.24", "markdown");
  CHECK(first.find("3.24.0 is the oldest release ttsgen renders") != std::string::npos);
  CHECK_NOTHROW(nlohmann::json::parse(minor_document("3.26", "json")));
  CHECK_THROWS(minor_document("3.23", "markdown"));
}
