#pragma once
// Structural comparison of two cfn::Value trees: the smallest subtrees that differ, each with its
// path. Maps are compared key by key (key order is not a difference), lists of objects element by
// element when both have the same length; everything else is compared as a whole: scalars,
// intrinsic functions (an expression is one value to a reader), lists of scalars and lists whose
// length changed. The formatters print a whole-value change as `before → after` when both fit on
// a line and as an indented unified diff of their YAML otherwise.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ttsgen/cfn/value.hpp"

namespace ttsgen::diff {

// One step into a value: a map key, or a list index.
struct PathSegment {
  std::string key;
  std::optional<std::size_t> index;

  bool operator==(const PathSegment&) const = default;
};
using Path = std::vector<PathSegment>;

Path key_path(std::initializer_list<std::string> keys);
// "Properties.Tags[1].Value"; a key that is not a plain name is quoted: Metadata["cfn-lint"].
std::string to_string(const Path& path);
// The schema pointer of a path below a resource's Properties: Properties.A[2].B → "/properties/A/*/B".
// Empty when the path does not start with "Properties".
std::string schema_pointer(const Path& path);

// The node at `path` inside `root`, or nullptr.
const cfn::Value* find_path(const cfn::Value& root, const Path& path);

struct ValueChange {
  Path path;
  std::optional<cfn::Value> before;  // nullopt: the path was added
  std::optional<cfn::Value> after;   // nullopt: the path was removed
};

// Equality as CloudFormation reads a template: maps by key (key order is not a difference: a
// template passed through `jq -S` is the same template), lists and functions item by item.
// cfn::Value's own == is order-sensitive on purpose (it stands for the rendered bytes).
bool same_value(const cfn::Value& a, const cfn::Value& b);

std::vector<ValueChange> diff_values(const cfn::Value& before, const cfn::Value& after, const Path& base = {});

// True when the value contains an intrinsic function anywhere (its deployed value depends on
// parameters, conditions or other resources).
bool has_intrinsics(const cfn::Value& v);

}  // namespace ttsgen::diff
