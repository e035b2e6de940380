#include "ttsgen/util/spelling.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ttsgen::util {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Classic dynamic programme over prefixes. The transposition rule looks two
  // rows back, so three rolling rows are enough and memory stays
  // O(|b|) rather than O(|a| * |b|).
  const std::size_t cols = b.size() + 1;
  std::vector<std::size_t> two_back(cols), previous(cols), current(cols);
  for (std::size_t j = 0; j < cols; ++j) {
    previous[j] = j;  // Distance from the empty prefix of `a`.
  }

  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j < cols; ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({previous[j] + 1,         // delete a[i-1]
                                   current[j - 1] + 1,      // insert b[j-1]
                                   previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, two_back[j - 2] + 1);  // swap neighbours
      }
      current[j] = best;
    }
    // Rotate rows without reallocating.
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return previous[cols - 1];
}

std::optional<std::string> closest_match(
    std::string_view word, const std::vector<std::string>& candidates) {
  // Short words get a floor of 2 so that a couple of typos in a name like
  // "jsn" are still forgiven; longer words scale with their length.
  const std::size_t max_distance = std::max<std::size_t>(2, word.size() / 3);

  const std::string* best = nullptr;
  std::size_t best_distance = max_distance + 1;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    // Strictly less, so that the earliest candidate wins a tie.
    if (distance < best_distance) {
      best = &candidate;
      best_distance = distance;
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  return *best;
}

}  // namespace ttsgen::util
