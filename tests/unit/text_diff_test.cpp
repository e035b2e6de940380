#include "ttsgen/util/text_diff.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>

#include <catch2/catch.hpp>

namespace {

using ttsgen::util::unified_diff;

// Joins "1\n2\n...\n<count>\n", replacing the lines listed in `changed` (by
// 1-based number) with "<n>x".
std::string NumberedLines(int count, std::initializer_list<int> changed = {}) {
  std::string text;
  for (int i = 1; i <= count; ++i) {
    text += std::to_string(i);
    for (int c : changed) {
      if (c == i) text += 'x';
    }
    text += '\n';
  }
  return text;
}

// Expected outputs below were worked out by hand from the GNU diff format
// and then confirmed with `diff -u --label before --label after A B`
// (GNU diffutils 3.8).

TEST_CASE("unified_diff returns nothing for equal texts", "[util]") {
  CHECK(unified_diff("", "", "before", "after") == "");
  CHECK(unified_diff("a\nb\n", "a\nb\n", "before", "after") == "");
  CHECK(unified_diff("a\nb", "a\nb", "before", "after") == "");
}

TEST_CASE("unified_diff inserts at the start", "[util]") {
  CHECK(unified_diff("a\nb\nc\nd\ne\n", "new\na\nb\nc\nd\ne\n", "before",
                     "after") ==
        "--- before\n"
        "+++ after\n"
        "@@ -1,3 +1,4 @@\n"
        "+new\n"
        " a\n"
        " b\n"
        " c\n");
}

TEST_CASE("unified_diff deletes at the end", "[util]") {
  CHECK(unified_diff("a\nb\nc\nd\ne\n", "a\nb\nc\nd\n", "before", "after") ==
        "--- before\n"
        "+++ after\n"
        "@@ -2,4 +2,3 @@\n"
        " b\n"
        " c\n"
        " d\n"
        "-e\n");
}

TEST_CASE("unified_diff changes a line in the middle", "[util]") {
  CHECK(unified_diff(NumberedLines(9), NumberedLines(9, {5}), "before",
                     "after") ==
        "--- before\n"
        "+++ after\n"
        "@@ -2,7 +2,7 @@\n"
        " 2\n"
        " 3\n"
        " 4\n"
        "-5\n"
        "+5x\n"
        " 6\n"
        " 7\n"
        " 8\n");
}

TEST_CASE("unified_diff merges changes whose context touches", "[util]") {
  // Six unchanged lines (3..8) between the changes: the three lines of
  // trailing context of the first change and the three lines of leading
  // context of the second exactly cover them, so GNU prints one hunk.
  CHECK(unified_diff(NumberedLines(12), NumberedLines(12, {2, 9}), "before",
                     "after") ==
        "--- before\n"
        "+++ after\n"
        "@@ -1,12 +1,12 @@\n"
        " 1\n"
        "-2\n"
        "+2x\n"
        " 3\n"
        " 4\n"
        " 5\n"
        " 6\n"
        " 7\n"
        " 8\n"
        "-9\n"
        "+9x\n"
        " 10\n"
        " 11\n"
        " 12\n");
}

TEST_CASE("unified_diff splits changes further apart into two hunks",
          "[util]") {
  // Seven unchanged lines (3..9) between the changes: one more than the
  // context can cover, so line 6 is not printed.
  CHECK(unified_diff(NumberedLines(14), NumberedLines(14, {2, 10}), "before",
                     "after") ==
        "--- before\n"
        "+++ after\n"
        "@@ -1,5 +1,5 @@\n"
        " 1\n"
        "-2\n"
        "+2x\n"
        " 3\n"
        " 4\n"
        " 5\n"
        "@@ -7,7 +7,7 @@\n"
        " 7\n"
        " 8\n"
        " 9\n"
        "-10\n"
        "+10x\n"
        " 11\n"
        " 12\n"
        " 13\n");
}

TEST_CASE("unified_diff marks a missing final newline", "[util]") {
  SECTION("only in the new text") {
    // "c" and "c\n" are different lines.
    CHECK(unified_diff("a\nb\nc\n", "a\nb\nc", "before", "after") ==
          "--- before\n"
          "+++ after\n"
          "@@ -1,3 +1,3 @@\n"
          " a\n"
          " b\n"
          "-c\n"
          "+c\n"
          "\\ No newline at end of file\n");
  }
  SECTION("only in the old text, with a changed last line") {
    CHECK(unified_diff("a\nb", "a\nc\n", "before", "after") ==
          "--- before\n"
          "+++ after\n"
          "@@ -1,2 +1,2 @@\n"
          " a\n"
          "-b\n"
          "\\ No newline at end of file\n"
          "+c\n");
  }
  SECTION("in both texts, on a context line") {
    CHECK(unified_diff("a\nb\nc", "a\nx\nc", "before", "after") ==
          "--- before\n"
          "+++ after\n"
          "@@ -1,3 +1,3 @@\n"
          " a\n"
          "-b\n"
          "+x\n"
          " c\n"
          "\\ No newline at end of file\n");
  }
}

TEST_CASE("unified_diff against an empty text", "[util]") {
  SECTION("empty before") {
    // An empty range is written as the line before it (0 here) plus ",0".
    CHECK(unified_diff("", "a\nb\n", "before", "after") ==
          "--- before\n"
          "+++ after\n"
          "@@ -0,0 +1,2 @@\n"
          "+a\n"
          "+b\n");
  }
  SECTION("empty after") {
    // A one-line range omits ",1".
    CHECK(unified_diff("a\n", "", "before", "after") ==
          "--- before\n"
          "+++ after\n"
          "@@ -1 +0,0 @@\n"
          "-a\n");
  }
}

TEST_CASE("unified_diff honours the context size", "[util]") {
  SECTION("no context: an insertion has an empty old range") {
    CHECK(unified_diff("a\nb\nc\n", "a\nb\nnew\nc\n", "before", "after", 0) ==
          "--- before\n"
          "+++ after\n"
          "@@ -2,0 +3 @@\n"
          "+new\n");
  }
  SECTION("one line of context") {
    CHECK(unified_diff(NumberedLines(9), NumberedLines(9, {5}), "before",
                       "after", 1) ==
          "--- before\n"
          "+++ after\n"
          "@@ -4,3 +4,3 @@\n"
          " 4\n"
          "-5\n"
          "+5x\n"
          " 6\n");
  }
}

TEST_CASE("unified_diff places an ambiguous insertion like GNU diff",
          "[util]") {
  // Either "b" could be the new one; GNU reports the later one.
  CHECK(unified_diff("a\nb\nc\n", "a\nb\nb\nc\n", "before", "after") ==
        "--- before\n"
        "+++ after\n"
        "@@ -1,3 +1,4 @@\n"
        " a\n"
        " b\n"
        "+b\n"
        " c\n");
}

TEST_CASE("unified_diff copies labels verbatim", "[util]") {
  CHECK(unified_diff("a\n", "b\n", "templates/x.yaml (saved)",
                     "templates/x.yaml (generated)") ==
        "--- templates/x.yaml (saved)\n"
        "+++ templates/x.yaml (generated)\n"
        "@@ -1 +1 @@\n"
        "-a\n"
        "+b\n");
}

TEST_CASE("unified_diff handles large texts with scattered changes",
          "[util]") {
  // 20,000 lines with every 1000th line changed: 20 separate hunks. This is
  // a correctness check on a template-sized input; with a quadratic
  // algorithm it would also take noticeably long.
  std::string before;
  std::string after;
  for (int i = 1; i <= 20000; ++i) {
    const std::string line = "line " + std::to_string(i) + "\n";
    before += line;
    after += i % 1000 == 0 ? "edited " + line : line;
  }
  const std::string diff = unified_diff(before, after, "before", "after");

  std::size_t hunks = 0;
  for (std::size_t pos = diff.find("\n@@ "); pos != std::string::npos;
       pos = diff.find("\n@@ ", pos + 1)) {
    ++hunks;
  }
  CHECK(hunks == 20);
  CHECK(diff.find("@@ -997,7 +997,7 @@\n"
                  " line 997\n"
                  " line 998\n"
                  " line 999\n"
                  "-line 1000\n"
                  "+edited line 1000\n"
                  " line 1001\n") != std::string::npos);
  // The last change has no lines after it to show as context.
  CHECK_THAT(diff, Catch::Matchers::EndsWith("@@ -19997,4 +19997,4 @@\n"
                                             " line 19997\n"
                                             " line 19998\n"
                                             " line 19999\n"
                                             "-line 20000\n"
                                             "+edited line 20000\n"));
}

}  // namespace
