#pragma once
// Helpers for the tests of the secrets and configuration stacks: resolve what CloudFormation
// would resolve (Ref, Fn::Sub, Fn::If, conditions) for given parameter values, bound the size of
// a value from the parameters' constraints, and the presence of names across releases.

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/catalog/version.hpp"
#include "ttsgen/cfn/references.hpp"
#include "ttsgen/cfn/template.hpp"
#include "cfn_eval.hpp"
#include "stack_test_helpers.hpp"

namespace test {

using ttsgen::cfn::Value;
using Parameters = std::map<std::string, std::string>;

// A name the public docs give, and the releases it exists in: from `since` up to (not including)
// `removed`. Names added before 3.24.0 use their first release; the check covers only the
// supported releases.
struct Lifetime {
  const char* name;
  const char* since;
  const char* removed = nullptr;

  bool exists_in(const ttsgen::catalog::Version& v) const {
    if (v < *ttsgen::catalog::parse_version(since)) return false;
    return removed == nullptr || v < *ttsgen::catalog::parse_version(removed);
  }
};

// Every parameter at its default; parameters without a default take `given` (which must name
// them all).
inline Parameters parameter_values(const ttsgen::cfn::Template& t, const Parameters& given) {
  Parameters values;
  for (const auto& p : t.parameters()) {
    auto it = given.find(p.id());
    if (it != given.end()) {
      values[p.id()] = it->second;
    } else if (p.default_value()) {
      const Value& d = *p.default_value();
      values[p.id()] = d.kind() == Value::Kind::Integer ? std::to_string(d.as_integer()) : d.text();
    } else {
      throw std::runtime_error("no value for required parameter " + p.id());
    }
  }
  return values;
}

// What CloudFormation would make of a condition or a value for the given parameter values (the
// shared evaluator of cfn_eval.hpp).
inline bool condition_named(const ttsgen::cfn::Template& t, const std::string& id, const Parameters& values) {
  return eval::Scope(t, values).condition(id);
}

inline bool evaluate_condition(const ttsgen::cfn::Template& t, const Value& v, const Parameters& values) {
  return eval::Scope(t, values).truth(v);
}

inline std::string resolve(const ttsgen::cfn::Template& t, const Value& v, const Parameters& values) {
  return eval::Scope(t, values).resolve(v);
}

// The longest value a parameter may take, as its constraints say.
inline std::size_t longest_value(const ttsgen::cfn::Parameter& p) {
  if (!p.allowed_values().empty()) {
    std::size_t n = 0;
    for (const auto& v : p.allowed_values()) n = std::max(n, v.size());
    return n;
  }
  if (p.max_value()) return std::max(std::to_string(*p.max_value()).size(), std::to_string(*p.min_value()).size());
  if (p.max_length()) return static_cast<std::size_t>(*p.max_length());
  throw std::runtime_error("parameter " + p.id() + " has no bound");
}

// Upper bound of the resolved size of a value: every parameter at its longest, the longer branch
// of every Fn::If.
inline std::size_t size_bound(const ttsgen::cfn::Template& t, const Value& v) {
  if (v.is_string()) return v.text().size();
  if (v.is_function("Ref")) return longest_value(*t.find_parameter(v.argument().text()));
  if (v.is_function("Fn::If"))
    return std::max(size_bound(t, v.argument().items()[1]), size_bound(t, v.argument().items()[2]));
  if (v.is_function("Fn::Sub")) {
    const Value& arg = v.argument();
    std::string text = arg.is_list() ? arg.items()[0].text() : arg.text();
    std::size_t size = 0;
    std::size_t pos = 0;
    while (true) {
      std::size_t start = text.find("${", pos);
      if (start == std::string::npos) break;
      std::size_t end = text.find('}', start);
      size += start - pos;
      std::string name = text.substr(start + 2, end - start - 2);
      const Value* local = arg.is_list() ? arg.items()[1].find(name) : nullptr;
      if (local) {
        size += size_bound(t, *local);
      } else if (const auto* p = t.find_parameter(name)) {
        size += longest_value(*p);
      } else {
        throw std::runtime_error("unbounded ${" + name + "}");
      }
      pos = end + 1;
    }
    return size + text.size() - pos;
  }
  throw std::runtime_error("cannot bound " + ttsgen::cfn::describe(v));
}

// The supported releases whose template differs from the previous release's (release strings
// aside): what the changelog must list for the stack.
inline std::set<std::string> changed_releases(ttsgen::catalog::BuildFunction build) {
  std::set<std::string> changed;
  std::string previous;
  for (const auto& v : ttsgen::catalog::supported_releases()) {
    std::string yaml = yaml_without_release(build(v).tmpl);
    if (!previous.empty() && yaml != previous) changed.insert(v.str());
    previous = yaml;
  }
  return changed;
}

}  // namespace test
