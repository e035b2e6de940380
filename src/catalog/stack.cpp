#include "ttsgen/catalog/stack.hpp"

#include <stdexcept>

namespace ttsgen::catalog {

std::string_view to_string(ClusterRole role) {
  switch (role) {
    case ClusterRole::Primary:
      return "primary";
    case ClusterRole::Secondary:
      return "secondary";
    case ClusterRole::Both:
      return "both";
  }
  return "?";
}

bool Stack::exists_in(const Version& v) const { return v >= first() && (!last || v <= *last); }

const std::string& Stack::name_at(const Version& v) const {
  if (!exists_in(v)) throw std::logic_error("stack " + key + " does not exist in " + v.str());
  const StackName* current = &names.front();
  for (const auto& n : names)
    if (n.since <= v) current = &n;
  return current->name;
}

bool numbering_less(std::string_view a, std::string_view b) {
  // Natural order: runs of digits compare as numbers, everything else character by character.
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool da = a[i] >= '0' && a[i] <= '9';
    bool db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      std::size_t si = i, sj = j;
      while (i < a.size() && a[i] >= '0' && a[i] <= '9') ++i;
      while (j < b.size() && b[j] >= '0' && b[j] <= '9') ++j;
      long na = std::stol(std::string(a.substr(si, i - si)));
      long nb = std::stol(std::string(b.substr(sj, j - sj)));
      if (na != nb) return na < nb;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

}  // namespace ttsgen::catalog
