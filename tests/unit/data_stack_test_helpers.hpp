#pragma once
// Helpers for the tests of the data stacks (2-1 … 2-7), on top of stack_test_helpers.hpp.

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "stack_test_helpers.hpp"
#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/registry.hpp"

namespace test {

inline const ttsgen::cfn::Parameter& parameter(const ttsgen::cfn::Template& t, const std::string& id) {
  const auto* p = t.find_parameter(id);
  if (!p) throw std::runtime_error("no parameter " + id);
  return *p;
}

inline std::vector<std::string> allowed(const ttsgen::cfn::Template& t, const std::string& id) {
  return parameter(t, id).allowed_values();
}

inline bool allows(const ttsgen::cfn::Template& t, const std::string& id, const std::string& value) {
  auto values = allowed(t, id);
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Whether the parameter's AllowedPattern accepts `value` (ECMAScript regex, as CloudFormation's
// patterns here are written).
inline bool pattern_accepts(const ttsgen::cfn::Template& t, const std::string& id, const std::string& value) {
  return std::regex_search(value, std::regex(parameter(t, id).allowed_pattern()));
}

inline std::string default_of(const ttsgen::cfn::Template& t, const std::string& id) {
  const auto& d = parameter(t, id).default_value();
  return d ? d->text() : "<none>";
}

// A resource attribute such as DeletionPolicy, as rendered ("" when absent).
inline std::string attribute_text(const ttsgen::cfn::Resource& r, const std::string& name) {
  Value rendered = r.to_value();
  const Value* a = rendered.find(name);
  return a ? a->text() : "";
}

// Whether any string or function name anywhere below `v` contains `needle`.
inline bool mentions(const Value& v, const std::string& needle) {
  if (v.text().find(needle) != std::string::npos) return true;
  for (const auto& item : v.items())
    if (mentions(item, needle)) return true;
  for (const auto& e : v.entries())
    if (e.key.find(needle) != std::string::npos || mentions(e.value, needle)) return true;
  return false;
}

// Export name patterns (the Fn::Sub text) of a template's outputs.
inline std::vector<std::string> export_names(const ttsgen::cfn::Template& t) {
  std::vector<std::string> names;
  for (const auto& o : t.outputs())
    if (o.export_name()) names.push_back(o.export_name()->argument().text());
  return names;
}

inline bool has_export(const ttsgen::cfn::Template& t, const std::string& name) {
  auto names = export_names(t);
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The published name of stack `key` in release v, or "" when the stack does not exist then.
inline std::string name_in(const std::string& key, const ttsgen::catalog::Version& v) {
  const auto* s = ttsgen::stacks::find_stack(key);
  return s && s->exists_in(v) ? s->name_at(v) : "";
}

// The rule's rendered form, or nullptr.
inline const ttsgen::cfn::Rule* rule(const ttsgen::cfn::Template& t, const std::string& id) {
  for (const auto& r : t.rules())
    if (r.id() == id) return &r;
  return nullptr;
}

}  // namespace test
