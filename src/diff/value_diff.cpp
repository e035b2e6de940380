#include "ttsgen/diff/value_diff.hpp"

#include <algorithm>

namespace ttsgen::diff {

using cfn::Value;

Path key_path(std::initializer_list<std::string> keys) {
  Path path;
  for (const auto& k : keys) path.push_back(PathSegment{k, std::nullopt});
  return path;
}

namespace {

bool is_plain_name(const std::string& key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
  });
}

bool all_maps(const Value& list) {
  return std::all_of(list.items().begin(), list.items().end(), [](const Value& v) { return v.is_map(); });
}

void collect(const Value& before, const Value& after, Path& path, std::vector<ValueChange>& out) {
  if (before.is_map() && after.is_map()) {
    // Keys of `before` in its order (changed or removed), then keys only `after` has.
    for (const auto& e : before.entries()) {
      path.push_back(PathSegment{e.key, std::nullopt});
      if (const Value* other = after.find(e.key)) {
        collect(e.value, *other, path, out);
      } else {
        out.push_back(ValueChange{path, e.value, std::nullopt});
      }
      path.pop_back();
    }
    for (const auto& e : after.entries()) {
      if (before.find(e.key)) continue;
      path.push_back(PathSegment{e.key, std::nullopt});
      out.push_back(ValueChange{path, std::nullopt, e.value});
      path.pop_back();
    }
    return;
  }
  if (before.is_list() && after.is_list() && before.size() == after.size() && before.size() > 0 && all_maps(before) &&
      all_maps(after)) {
    for (std::size_t i = 0; i < before.size(); ++i) {
      path.push_back(PathSegment{"", i});
      collect(before.items()[i], after.items()[i], path, out);
      path.pop_back();
    }
    return;
  }
  if (!same_value(before, after)) out.push_back(ValueChange{path, before, after});
}

}  // namespace

bool same_value(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  if (a.is_map()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.entries().size(); ++i) {
      const Value::Entry& e = a.entries()[i];
      // Same order (the common case) without a lookup; else by key. Keys are unique.
      const Value* other = b.entries()[i].key == e.key ? &b.entries()[i].value : b.find(e.key);
      if (!other || !same_value(e.value, *other)) return false;
    }
    return true;
  }
  if (a.is_list() || a.is_function()) {
    if (a.text() != b.text() || a.items().size() != b.items().size()) return false;
    for (std::size_t i = 0; i < a.items().size(); ++i)
      if (!same_value(a.items()[i], b.items()[i])) return false;
    return true;
  }
  return a == b;
}

std::string to_string(const Path& path) {
  std::string text;
  for (const auto& s : path) {
    if (s.index) {
      text += "[" + std::to_string(*s.index) + "]";
    } else if (is_plain_name(s.key)) {
      text += (text.empty() ? "" : ".") + s.key;
    } else {
      text += "[\"" + s.key + "\"]";
    }
  }
  return text;
}

std::string schema_pointer(const Path& path) {
  if (path.empty() || path.front().index || path.front().key != "Properties") return "";
  std::string pointer = "/properties";
  for (std::size_t i = 1; i < path.size(); ++i) pointer += "/" + (path[i].index ? std::string("*") : path[i].key);
  return pointer;
}

const Value* find_path(const Value& root, const Path& path) {
  const Value* v = &root;
  for (const auto& s : path) {
    if (s.index) {
      if (!v->is_list() || *s.index >= v->size()) return nullptr;
      v = &v->items()[*s.index];
    } else {
      if (!v->is_map()) return nullptr;
      v = v->find(s.key);
      if (!v) return nullptr;
    }
  }
  return v;
}

std::vector<ValueChange> diff_values(const Value& before, const Value& after, const Path& base) {
  std::vector<ValueChange> out;
  Path path = base;
  collect(before, after, path, out);
  return out;
}

bool has_intrinsics(const Value& v) {
  if (v.is_function()) return true;
  for (const auto& item : v.items())
    if (has_intrinsics(item)) return true;
  for (const auto& e : v.entries())
    if (has_intrinsics(e.value)) return true;
  return false;
}

}  // namespace ttsgen::diff
