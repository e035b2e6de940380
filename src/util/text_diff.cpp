#include "ttsgen/util/text_diff.hpp"

#include <algorithm>
#include <climits>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ttsgen::util {
namespace {

// Each line keeps its terminating '\n' when it has one. Comparing the views
// as a whole therefore makes an unterminated last line differ from the same
// text with a newline, exactly like GNU diff.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end =
        newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// Replaces every distinct line by a small integer so that the diff core
// compares ints instead of strings.
void NumberLines(const std::vector<std::string_view>& lines_a,
                 const std::vector<std::string_view>& lines_b,
                 std::vector<int>& ids_a, std::vector<int>& ids_b) {
  std::unordered_map<std::string_view, int> ids;
  ids.reserve(lines_a.size() + lines_b.size());
  auto number = [&ids](const std::vector<std::string_view>& lines,
                       std::vector<int>& out) {
    out.reserve(lines.size());
    for (std::string_view line : lines) {
      // try_emplace leaves an existing id alone, so repeats share it.
      out.push_back(
          ids.try_emplace(line, static_cast<int>(ids.size())).first->second);
    }
  };
  number(lines_a, ids_a);
  number(lines_b, ids_b);
}

// Myers' O(ND) difference algorithm in its linear-space form: find the middle
// snake of an optimal edit path, then recurse on both halves. Marks lines of
// `a` that are deleted and lines of `b` that are inserted.
class MyersDiff {
 public:
  MyersDiff(const std::vector<int>& a, const std::vector<int>& b,
            std::vector<char>& deleted, std::vector<char>& inserted)
      : a_(a),
        b_(b),
        deleted_(deleted),
        inserted_(inserted),
        // Diagonals k = x - y range over [-|b|, |a|]; one sentinel slot on
        // each side is written while widening the search.
        offset_(static_cast<int>(b.size()) + 1),
        forward_(a.size() + b.size() + 3),
        backward_(a.size() + b.size() + 3) {}

  void Run() {
    Compare(0, static_cast<int>(a_.size()), 0, static_cast<int>(b_.size()));
  }

 private:
  // Marks for "no path reaches this diagonal inside the grid". Forward x
  // values are never negative and backward ones never exceed |a|.
  static constexpr int kNoForward = -1;
  static constexpr int kNoBackward = INT_MAX;

  // Line ids by signed index; the search works with signed coordinates
  // because diagonals (x - y) can be negative.
  int A(int x) const { return a_[static_cast<std::size_t>(x)]; }
  int B(int y) const { return b_[static_cast<std::size_t>(y)]; }

  int& Forward(int diagonal) { return forward_[Slot(diagonal)]; }
  int& Backward(int diagonal) { return backward_[Slot(diagonal)]; }
  std::size_t Slot(int diagonal) const {
    const int slot = diagonal + offset_;  // Never negative, see offset_.
    return static_cast<std::size_t>(slot);
  }

  void Compare(int x_lo, int x_hi, int y_lo, int y_hi) {
    // Common prefix and suffix are never part of the edit.
    while (x_lo < x_hi && y_lo < y_hi && A(x_lo) == B(y_lo)) {
      ++x_lo;
      ++y_lo;
    }
    while (x_lo < x_hi && y_lo < y_hi && A(x_hi - 1) == B(y_hi - 1)) {
      --x_hi;
      --y_hi;
    }
    if (x_lo == x_hi) {
      std::fill(inserted_.begin() + y_lo, inserted_.begin() + y_hi, 1);
      return;
    }
    if (y_lo == y_hi) {
      std::fill(deleted_.begin() + x_lo, deleted_.begin() + x_hi, 1);
      return;
    }
    // Both ranges are non-empty and differ at both ends, so the edit costs at
    // least 2 and the split point lies strictly inside: both halves shrink.
    const auto [x_mid, y_mid] = MiddleSnake(x_lo, x_hi, y_lo, y_hi);
    Compare(x_lo, x_mid, y_lo, y_mid);
    Compare(x_mid, x_hi, y_mid, y_hi);
  }

  // Extends the furthest-reaching forward and backward paths one edit at a
  // time until they overlap, and returns a point on an optimal path. Expects
  // the ranges to have no common prefix or suffix.
  std::pair<int, int> MiddleSnake(int x_lo, int x_hi, int y_lo, int y_hi) {
    const int diag_min = x_lo - y_hi;
    const int diag_max = x_hi - y_lo;
    const int forward_mid = x_lo - y_lo;
    const int backward_mid = x_hi - y_hi;
    // The paths can only meet after a forward step when the total cost is
    // odd, and after a backward step when it is even.
    const bool odd = ((forward_mid - backward_mid) & 1) != 0;

    int f_min = forward_mid, f_max = forward_mid;
    int b_min = backward_mid, b_max = backward_mid;
    Forward(forward_mid) = x_lo;
    Backward(backward_mid) = x_hi;

    for (;;) {
      // Widen the forward band by one diagonal each side, or narrow it by
      // one where it hits the grid edge so the parity stays right. The slot
      // just outside the band gets a sentinel so it is never chosen.
      if (f_min > diag_min) {
        Forward(--f_min - 1) = kNoForward;
      } else {
        ++f_min;
      }
      if (f_max < diag_max) {
        Forward(++f_max + 1) = kNoForward;
      } else {
        --f_max;
      }
      for (int d = f_max; d >= f_min; d -= 2) {
        const int x = ForwardStep(d, x_hi, y_hi);
        if (x == kNoForward) continue;
        if (odd && d >= b_min && d <= b_max && Backward(d) != kNoBackward &&
            Backward(d) <= x) {
          return {x, x - d};
        }
      }

      if (b_min > diag_min) {
        Backward(--b_min - 1) = kNoBackward;
      } else {
        ++b_min;
      }
      if (b_max < diag_max) {
        Backward(++b_max + 1) = kNoBackward;
      } else {
        --b_max;
      }
      for (int d = b_max; d >= b_min; d -= 2) {
        const int x = BackwardStep(d, x_lo, y_lo);
        if (x == kNoBackward) continue;
        if (!odd && d >= f_min && d <= f_max && Forward(d) != kNoForward &&
            x <= Forward(d)) {
          return {x, x - d};
        }
      }
    }
  }

  // Computes the furthest point on diagonal d reachable with one more edit
  // than the previous round, follows the snake of matching lines, stores and
  // returns its x (or kNoForward if no in-grid move reaches the diagonal).
  int ForwardStep(int d, int x_hi, int y_hi) {
    const int from_left = Forward(d - 1);   // Delete a[x]: move right.
    const int from_above = Forward(d + 1);  // Insert b[y]: move down.
    int x = kNoForward;
    if (from_left != kNoForward && from_left < x_hi) x = from_left + 1;
    if (from_above != kNoForward && from_above - (d + 1) < y_hi) {
      x = std::max(x, from_above);
    }
    if (x != kNoForward) {
      int y = x - d;
      while (x < x_hi && y < y_hi && A(x) == B(y)) {
        ++x;
        ++y;
      }
    }
    Forward(d) = x;
    return x;
  }

  // Mirror image of ForwardStep, walking from the end towards the start.
  int BackwardStep(int d, int x_lo, int y_lo) {
    const int from_below = Backward(d - 1);  // Insert b[y-1]: move up.
    const int from_right = Backward(d + 1);  // Delete a[x-1]: move left.
    int x = kNoBackward;
    if (from_below != kNoBackward && from_below - (d - 1) > y_lo) {
      x = from_below;
    }
    if (from_right != kNoBackward && from_right > x_lo) {
      x = std::min(x, from_right - 1);
    }
    if (x != kNoBackward) {
      int y = x - d;
      while (x > x_lo && y > y_lo && A(x - 1) == B(y - 1)) {
        --x;
        --y;
      }
    }
    Backward(d) = x;
    return x;
  }

  const std::vector<int>& a_;
  const std::vector<int>& b_;
  std::vector<char>& deleted_;
  std::vector<char>& inserted_;
  int offset_;
  std::vector<int> forward_;
  std::vector<int> backward_;
};

// Computes which lines of `a` are deleted and which lines of `b` are
// inserted. The common prefix and suffix are set aside first. In the rest,
// lines that occur nowhere in the other text can never be matched, so they
// are marked up front and left out of the Myers search; this keeps mostly
// rewritten texts cheap without giving up minimality. (GNU diff does both of
// these too, and doing them the same way makes it pick the same script among
// equally short ones more often.)
void FindChanges(const std::vector<int>& a, const std::vector<int>& b,
                 std::vector<char>& deleted, std::vector<char>& inserted) {
  deleted.assign(a.size(), 0);
  inserted.assign(b.size(), 0);

  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  std::size_t a_end = a.size(), b_end = b.size();
  while (a_end > prefix && b_end > prefix && a[a_end - 1] == b[b_end - 1]) {
    --a_end;
    --b_end;
  }

  int max_id = -1;
  for (int id : a) max_id = std::max(max_id, id);
  for (int id : b) max_id = std::max(max_id, id);
  std::vector<char> in_a(static_cast<std::size_t>(max_id + 1), 0);
  std::vector<char> in_b(static_cast<std::size_t>(max_id + 1), 0);
  for (std::size_t i = prefix; i < a_end; ++i) {
    in_a[static_cast<std::size_t>(a[i])] = 1;
  }
  for (std::size_t j = prefix; j < b_end; ++j) {
    in_b[static_cast<std::size_t>(b[j])] = 1;
  }

  // Keep only the lines that have a partner, remembering where they came
  // from so results can be mapped back.
  auto keep_matchable = [prefix](const std::vector<int>& lines,
                                 std::size_t end,
                                 const std::vector<char>& in_other,
                                 std::vector<char>& changed,
                                 std::vector<int>& kept,
                                 std::vector<std::size_t>& origin) {
    for (std::size_t i = prefix; i < end; ++i) {
      if (in_other[static_cast<std::size_t>(lines[i])]) {
        kept.push_back(lines[i]);
        origin.push_back(i);
      } else {
        changed[i] = 1;
      }
    }
  };
  std::vector<int> kept_a, kept_b;
  std::vector<std::size_t> origin_a, origin_b;
  keep_matchable(a, a_end, in_b, deleted, kept_a, origin_a);
  keep_matchable(b, b_end, in_a, inserted, kept_b, origin_b);

  std::vector<char> kept_deleted(kept_a.size(), 0);
  std::vector<char> kept_inserted(kept_b.size(), 0);
  MyersDiff(kept_a, kept_b, kept_deleted, kept_inserted).Run();
  for (std::size_t i = 0; i < kept_a.size(); ++i) {
    if (kept_deleted[i]) deleted[origin_a[i]] = 1;
  }
  for (std::size_t j = 0; j < kept_b.size(); ++j) {
    if (kept_inserted[j]) inserted[origin_b[j]] = 1;
  }
}

// Several equally short edit scripts often exist, e.g. when a block is
// inserted next to a copy of its own first line. Like GNU diff, slide each
// run of changed lines so that runs merge where possible, then as far down as
// possible, unless it can end next to a change in the other text so the two
// print together as a single replacement. This mostly reproduces GNU's
// choice, and keeps the output stable regardless of search details.
void SlideChanges(const std::vector<int>& ids, std::vector<char>& changed,
                  const std::vector<char>& other_changed) {
  // Unchanged lines pair up in order between the two texts. The gap between
  // this text's unchanged lines u-1 and u matches the gap between the other
  // text's unchanged lines u-1 and u.
  std::vector<int> other_unchanged;
  for (std::size_t i = 0; i < other_changed.size(); ++i) {
    if (!other_changed[i]) other_unchanged.push_back(static_cast<int>(i));
  }
  const int other_size = static_cast<int>(other_changed.size());
  auto other_changes_in_gap = [&](std::size_t u) {
    const int before = u == 0 ? -1 : other_unchanged[u - 1];
    const int after =
        u < other_unchanged.size() ? other_unchanged[u] : other_size;
    return after - before > 1;
  };

  const std::size_t n = ids.size();
  std::size_t i = 0;
  std::size_t unchanged_before = 0;  // Unchanged lines before position i.
  for (;;) {
    while (i < n && !changed[i]) {
      ++i;
      ++unchanged_before;
    }
    if (i == n) break;
    std::size_t start = i;
    std::size_t end = i;
    while (end < n && changed[end]) ++end;

    // Whether the run can end next to a change in the other text, and the
    // lowest such end.
    bool has_corresponding = false;
    std::size_t corresponding_end = 0;
    std::size_t run_length = 0;
    do {
      run_length = end - start;
      // Slide up while the line above equals the run's last line, absorbing
      // any run that becomes adjacent.
      while (start > 0 && ids[start - 1] == ids[end - 1]) {
        changed[--start] = 1;
        changed[--end] = 0;
        --unchanged_before;
        while (start > 0 && changed[start - 1]) --start;
      }
      has_corresponding = other_changes_in_gap(unchanged_before);
      corresponding_end = end;
      // Slide down while the line below equals the run's first line.
      while (end < n && ids[start] == ids[end]) {
        changed[start++] = 0;
        changed[end++] = 1;
        ++unchanged_before;
        while (end < n && changed[end]) ++end;
        if (other_changes_in_gap(unchanged_before)) {
          has_corresponding = true;
          corresponding_end = end;
        }
      }
    } while (run_length != end - start);

    if (has_corresponding) {
      while (end > corresponding_end) {
        changed[--start] = 1;
        changed[--end] = 0;
        --unchanged_before;
      }
    }
    i = end;
  }
}

// One contiguous edit: `deleted` lines of the old text starting at `line_a`
// are replaced by `inserted` lines of the new text starting at `line_b`.
struct Change {
  std::size_t line_a;
  std::size_t deleted;
  std::size_t line_b;
  std::size_t inserted;
};

std::vector<Change> CollectChanges(const std::vector<char>& deleted,
                                   const std::vector<char>& inserted) {
  std::vector<Change> changes;
  std::size_t i = 0, j = 0;
  while (i < deleted.size() || j < inserted.size()) {
    const bool del = i < deleted.size() && deleted[i];
    const bool ins = j < inserted.size() && inserted[j];
    if (!del && !ins) {  // An unchanged line present in both texts.
      ++i;
      ++j;
      continue;
    }
    Change change{i, 0, j, 0};
    while (i < deleted.size() && deleted[i]) ++i;
    while (j < inserted.size() && inserted[j]) ++j;
    change.deleted = i - change.line_a;
    change.inserted = j - change.line_b;
    changes.push_back(change);
  }
  return changes;
}

// GNU's range notation: "start,count" with 1-based start, just "start" when
// the count is 1, and "line-before,0" for an empty range.
void AppendRange(std::string& out, std::size_t begin, std::size_t end) {
  const std::size_t count = end - begin;
  if (count == 0) {
    out += std::to_string(begin);
    out += ",0";
  } else if (count == 1) {
    out += std::to_string(begin + 1);
  } else {
    out += std::to_string(begin + 1);
    out += ',';
    out += std::to_string(count);
  }
}

void AppendLine(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  if (!line.empty() && line.back() == '\n') {
    out += line;
  } else {
    // Only a file's last line can lack its newline.
    out += line;
    out += "\n\\ No newline at end of file\n";
  }
}

// Prints the hunk covering changes[first, last] with `context` lines around.
void AppendHunk(std::string& out, const std::vector<Change>& changes,
                std::size_t first, std::size_t last,
                const std::vector<std::string_view>& lines_a,
                const std::vector<std::string_view>& lines_b,
                std::size_t context) {
  const Change& head = changes[first];
  const Change& tail = changes[last];
  // Lines before the first change (and after the last) are unchanged in both
  // texts, so the leading and trailing context lengths agree.
  const std::size_t leading = std::min(context, head.line_a);
  const std::size_t tail_end_a = tail.line_a + tail.deleted;
  const std::size_t trailing =
      std::min(context, lines_a.size() - tail_end_a);
  const std::size_t begin_a = head.line_a - leading;
  const std::size_t end_a = tail_end_a + trailing;
  const std::size_t begin_b = head.line_b - leading;
  const std::size_t end_b = tail.line_b + tail.inserted + trailing;

  out += "@@ -";
  AppendRange(out, begin_a, end_a);
  out += " +";
  AppendRange(out, begin_b, end_b);
  out += " @@\n";

  std::size_t i = begin_a;
  for (std::size_t c = first; c <= last; ++c) {
    const Change& change = changes[c];
    for (; i < change.line_a; ++i) AppendLine(out, ' ', lines_a[i]);
    for (std::size_t k = 0; k < change.deleted; ++k) {
      AppendLine(out, '-', lines_a[change.line_a + k]);
    }
    for (std::size_t k = 0; k < change.inserted; ++k) {
      AppendLine(out, '+', lines_b[change.line_b + k]);
    }
    i = change.line_a + change.deleted;
  }
  for (; i < end_a; ++i) AppendLine(out, ' ', lines_a[i]);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view before_label,
                         std::string_view after_label, int context) {
  if (before == after) return "";
  const std::size_t context_lines =
      context > 0 ? static_cast<std::size_t>(context) : 0;

  const std::vector<std::string_view> lines_a = SplitLines(before);
  const std::vector<std::string_view> lines_b = SplitLines(after);
  std::vector<int> ids_a, ids_b;
  NumberLines(lines_a, lines_b, ids_a, ids_b);

  std::vector<char> deleted, inserted;
  FindChanges(ids_a, ids_b, deleted, inserted);
  SlideChanges(ids_a, deleted, inserted);
  SlideChanges(ids_b, inserted, deleted);
  const std::vector<Change> changes = CollectChanges(deleted, inserted);

  std::string out;
  out += "--- ";
  out += before_label;
  out += "\n+++ ";
  out += after_label;
  out += '\n';
  // Neighbouring changes share a hunk when at most 2 * context unchanged
  // lines separate them, i.e. when their context would touch or overlap.
  std::size_t first = 0;
  while (first < changes.size()) {
    std::size_t last = first;
    while (last + 1 < changes.size() &&
           changes[last + 1].line_a -
                   (changes[last].line_a + changes[last].deleted) <=
               2 * context_lines) {
      ++last;
    }
    AppendHunk(out, changes, first, last, lines_a, lines_b, context_lines);
    first = last + 1;
  }
  return out;
}

}  // namespace ttsgen::util
