#include <catch2/catch.hpp>

#include "ttsgen/catalog/version.hpp"

using namespace ttsgen::catalog;

TEST_CASE("versions parse and order numerically", "[catalog][version]") {
  CHECK(parse_version("3.30.2") == Version{3, 30, 2});
  CHECK(*parse_version("3.9.0") < *parse_version("3.10.0"));
  CHECK("3.30.10"_v > "3.30.9"_v);
  CHECK("3.30.2"_v.str() == "3.30.2");
  CHECK("3.30.2"_v.minor_str() == "3.30");
  for (const char* bad : {"", "3", "3.30", "3.30.", "v3.30.0", "3.30.0.1", "3.030.0", "3.x.0", "3.30.0 "}) {
    INFO(bad);
    CHECK_FALSE(parse_version(bad).has_value());
  }
}

TEST_CASE("the supported releases run from 3.24.0 to 3.36.0 in order", "[catalog][version]") {
  const auto& all = supported_releases();
  CHECK(all.front() == "3.24.0"_v);
  CHECK(all.back() == "3.36.0"_v);
  CHECK(newest_release() == "3.36.0"_v);
  CHECK(std::is_sorted(all.begin(), all.end()));
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
  // Releases the changelog names, including headings without entries (3.33.0, 3.35.0) ...
  for (Version v : {"3.29.1"_v, "3.30.2"_v, "3.32.3"_v, "3.33.0"_v, "3.35.0"_v}) CHECK(is_supported(v));
  // ... and 3.32.2, a release ("what's new" page) without a changelog heading, and 3.36.0.
  CHECK(is_supported("3.32.2"_v));
  CHECK(is_supported("3.36.0"_v));
  CHECK_FALSE(is_supported("3.31.2"_v));
  CHECK(all.size() == 38);
}

TEST_CASE("unsupported releases are refused with the supported range", "[catalog][version]") {
  CHECK(require_supported("3.30.0") == "3.30.0"_v);
  CHECK_THROWS_WITH(require_supported("9.9.9"), "unsupported release 9.9.9; supported: 3.24.0 … 3.36.0");
  CHECK_THROWS_WITH(require_supported("3.23.0"), "unsupported release 3.23.0; supported: 3.24.0 … 3.36.0");
  CHECK_THROWS_WITH(require_supported("3.31.2"),
                    "unsupported release 3.31.2; supported: 3.24.0 … 3.36.0 (3.31.2 is not a release of The Things Stack)");
  CHECK_THROWS_AS(require_supported("latest"), UnsupportedRelease);
}
