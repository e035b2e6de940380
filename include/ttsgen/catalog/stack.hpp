#pragma once
// The stack descriptor: what the catalog knows of one stack of the set, across releases.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ttsgen/catalog/export.hpp"
#include "ttsgen/catalog/version.hpp"
#include "ttsgen/cfn/template.hpp"

namespace ttsgen::catalog {

// Which clusters of a multi-cluster network deploy the stack.
enum class ClusterRole { Primary, Secondary, Both };
std::string_view to_string(ClusterRole role);

// A published name and the release from which it is used.
struct StackName {
  Version since;
  std::string name;
};

// What a stack builder produces for one release: the template, and the exports it imports and
// produces (the graph and the set checks read these).
struct StackModel {
  cfn::Template tmpl;
  std::vector<const Export*> imports;
  std::vector<const Export*> exports;
};

using BuildFunction = StackModel (*)(const Release&);

struct Stack {
  std::string key;               // stable across renames, e.g. "monitoring"
  std::vector<StackName> names;  // oldest first; the first entry's `since` is the first release
  std::string title;             // short, e.g. "VPC, subnets and network load balancer"
  std::string purpose;           // a sentence or two for list/docs
  bool optional = false;
  ClusterRole role = ClusterRole::Both;
  // Empty when deployed once per cluster; otherwise what tells the copies apart,
  // e.g. "once per Redis purpose".
  std::string multiplicity;
  std::optional<Version> last;  // the last release that has the stack, if it was removed
  BuildFunction build = nullptr;

  Version first() const { return names.front().since; }
  bool exists_in(const Version& v) const;
  // The published name in release v (the file is <name>.gen.template).
  const std::string& name_at(const Version& v) const;
};

// Orders published names as the deployment numbering does: "2-4a-is-s3" < "2-4b-…" < "2-10-…".
bool numbering_less(std::string_view a, std::string_view b);

}  // namespace ttsgen::catalog
