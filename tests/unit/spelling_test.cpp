#include "ttsgen/util/spelling.hpp"

#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {

using ttsgen::util::closest_match;
using ttsgen::util::edit_distance;

TEST_CASE("edit_distance counts basic edits", "[util]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("flaw", "lawn") == 2);
  CHECK(edit_distance("json", "jsn") == 1);
}

TEST_CASE("edit_distance counts an adjacent swap as one edit", "[util]") {
  CHECK(edit_distance("1-1-vcp", "1-1-vpc") == 1);
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("abcd", "badc") == 2);
}

TEST_CASE("edit_distance is optimal string alignment, not full Damerau",
          "[util]") {
  // With unrestricted Damerau-Levenshtein "ca" -> "abc" costs 2 (swap, then
  // insert between the swapped letters); OSA may not edit a swapped pair
  // again, so it costs 3.
  CHECK(edit_distance("ca", "abc") == 3);
}

TEST_CASE("edit_distance is symmetric", "[util]") {
  const std::vector<std::string> words = {"", "a", "ab", "ba", "abc", "ca",
                                          "1-1-vcp", "1-1-vpc", "kitten"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      INFO(a << " vs " << b);
      CHECK(edit_distance(a, b) == edit_distance(b, a));
    }
  }
}

TEST_CASE("closest_match finds near misses", "[util]") {
  CHECK(closest_match("1-1-vcp", {"1-1-vpc", "1-1-ccp"}) ==
        std::optional<std::string>("1-1-vpc"));
  CHECK(closest_match("jsn", {"yaml", "json"}) ==
        std::optional<std::string>("json"));
  CHECK(closest_match("json", {"yaml", "json"}) ==
        std::optional<std::string>("json"));
}

TEST_CASE("closest_match rejects words that are too far away", "[util]") {
  CHECK(closest_match("zzzzzz", {"yaml", "json", "toml"}) == std::nullopt);
  CHECK(closest_match("anything", {}) == std::nullopt);
}

TEST_CASE("closest_match threshold is max(2, size / 3)", "[util]") {
  // 3 letters: threshold 2.
  CHECK(closest_match("abc", {"xyc"}) == std::optional<std::string>("xyc"));
  CHECK(closest_match("abc", {"xyz"}) == std::nullopt);
  // 9 letters: threshold 3.
  CHECK(closest_match("abcdefghi", {"xyzdefghi"}) ==
        std::optional<std::string>("xyzdefghi"));
  CHECK(closest_match("abcdefghi", {"wxyzefghi"}) == std::nullopt);
}

TEST_CASE("closest_match breaks ties in favour of the earliest candidate",
          "[util]") {
  CHECK(closest_match("cat", {"bat", "cot", "cat2"}) ==
        std::optional<std::string>("bat"));
  CHECK(closest_match("cat", {"cot", "bat"}) ==
        std::optional<std::string>("cot"));
  // A closer later candidate still wins over an earlier, farther one.
  CHECK(closest_match("cat", {"cxx", "bat"}) ==
        std::optional<std::string>("bat"));
}

}  // namespace
