// The named-change catalog and the changelog coverage page.
#include "ttsgen/catalog/changes.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "ttsgen/docs/changelog_coverage.hpp"

using namespace ttsgen::catalog;
namespace changes = ttsgen::catalog::changes;

TEST_CASE("every changelog entry of 3.24.0 … 3.36.0 is in the catalog, once, in a supported release",
          "[catalog][changes]") {
  std::set<std::string_view> names;
  std::map<Version, int> per_release;
  for (const Change* c : all_changes()) {
    CHECK(names.insert(c->name).second);
    CHECK(is_supported(c->release));
    CHECK_FALSE(c->line.empty());
    CHECK_FALSE(c->where.empty());
    ++per_release[c->release];
  }
  // Bullet entries per release heading, counted by hand in docs: ecs/changelog (sub-items are part
  // of their entry; "Unreleased" is 3.36.0).
  CHECK(all_changes().size() == 155);
  CHECK(per_release["3.36.0"_v] == 7);
  CHECK(per_release["3.35.1"_v] == 3);
  CHECK(per_release["3.34.0"_v] == 6);
  CHECK(per_release["3.32.3"_v] == 6);
  CHECK(per_release["3.30.2"_v] == 9);
  CHECK(per_release["3.30.0"_v] == 17);
  CHECK(per_release["3.26.0"_v] == 13);
  CHECK(per_release["3.24.0"_v] == 20);
  // Releases whose templates did not change have no entry.
  for (Version v : {"3.29.1"_v, "3.29.2"_v, "3.32.1"_v, "3.32.2"_v, "3.33.0"_v, "3.33.1"_v, "3.33.2"_v, "3.34.2"_v,
                    "3.35.0"_v})
    CHECK(per_release.count(v) == 0);
}

TEST_CASE("a gate on a named change opens at the change's release", "[catalog][changes]") {
  Version before = "3.29.2"_v, at = "3.30.0"_v, after = "3.36.0"_v;
  CHECK_FALSE(before >= changes::kLBSCUPSmTLSListener);
  CHECK(at >= changes::kLBSCUPSmTLSListener);
  CHECK(after >= changes::kLBSCUPSmTLSListener);
  CHECK(before < changes::kLBSCUPSmTLSListener);
  CHECK(changes::kNLBAccessLogsToCloudWatch.release == "3.36.0"_v);
  CHECK(changes::kNLBAccessLogsToCloudWatch.stacks == "1-1-vpc");
  CHECK(changes::kUDPGSRateLimitingDeprecated.coverage == Coverage::Implemented);
}

TEST_CASE("the coverage page names every entry and every supported release", "[docs][changes]") {
  const auto page = ttsgen::docs::changelog_coverage();
  CHECK(page.file_name == "changelog-coverage.md");
  for (const Change* c : all_changes()) CHECK(page.content.find("`k" + std::string(c->name) + "`") != std::string::npos);
  for (const Version& v : supported_releases()) CHECK(page.content.find("\n## " + v.str() + "\n") != std::string::npos);
  CHECK(page.content.find("| **all** | 155 |") != std::string::npos);
  CHECK(page.content.find("No heading in the changelog") != std::string::npos);  // 3.32.2
}
