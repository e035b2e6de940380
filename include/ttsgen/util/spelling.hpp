#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ttsgen::util {

// Optimal string alignment distance between `a` and `b`: the number of
// single-byte insertions, deletions, substitutions and swaps of two adjacent
// bytes needed to turn one into the other, where no substring is edited more
// than once. "1-1-vcp" vs "1-1-vpc" is 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Returns the candidate closest to `word` by edit_distance, provided that the
// distance is at most max(2, word.size() / 3); used for "did you mean ...?"
// hints. Ties go to the earliest candidate. Returns std::nullopt if no
// candidate is close enough (or there are none).
std::optional<std::string> closest_match(
    std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ttsgen::util
