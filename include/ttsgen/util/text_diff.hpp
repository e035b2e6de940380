#pragma once

#include <string>
#include <string_view>

namespace ttsgen::util {

// Compares two texts line by line and returns a unified diff in the format
// produced by GNU `diff -u --label before_label --label after_label`:
//
//   --- before_label
//   +++ after_label
//   @@ -l,s +l,s @@
//    context line
//   -removed line
//   +added line
//
// including GNU's conventions for hunk ranges (",1" is omitted, an empty
// range is written as the line before it followed by ",0"), merging of hunks
// whose context would touch or overlap, and the
// "\ No newline at end of file" marker. A final line with and without a
// trailing newline counts as two different lines, as in GNU diff.
//
// `context` is the number of unchanged lines shown around each change
// (negative values are treated as 0). Returns "" when the texts are equal.
//
// The edit script is a minimal one, computed with Myers' O(ND) algorithm, so
// the cost grows with the size of the texts times the number of differences.
std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view before_label,
                         std::string_view after_label, int context = 3);

}  // namespace ttsgen::util
