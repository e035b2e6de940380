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
#include "stack_test_helpers.hpp"

namespace test {

using ttsgen::cfn::Value;
using Parameters = std::map<std::string, std::string>;

// A name the facts give, and the releases it exists in: from `since` up to (not including)
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

inline bool evaluate_condition(const ttsgen::cfn::Template& t, const Value& v, const Parameters& values);
inline std::string resolve(const ttsgen::cfn::Template& t, const Value& v, const Parameters& values);

inline bool condition_named(const ttsgen::cfn::Template& t, const std::string& id, const Parameters& values) {
  const ttsgen::cfn::Condition* c = t.find_condition(id);
  if (!c) throw std::runtime_error("no condition " + id);
  return evaluate_condition(t, c->expression(), values);
}

inline bool evaluate_condition(const ttsgen::cfn::Template& t, const Value& v, const Parameters& values) {
  const Value& arg = v.argument();
  if (v.is_function("Fn::Equals")) return resolve(t, arg.items()[0], values) == resolve(t, arg.items()[1], values);
  if (v.is_function("Fn::Not")) return !evaluate_condition(t, arg.items()[0], values);
  if (v.is_function("Fn::And"))
    return std::all_of(arg.items().begin(), arg.items().end(), [&](const Value& c) { return evaluate_condition(t, c, values); });
  if (v.is_function("Fn::Or"))
    return std::any_of(arg.items().begin(), arg.items().end(), [&](const Value& c) { return evaluate_condition(t, c, values); });
  if (v.is_function("Condition")) return condition_named(t, arg.text(), values);
  throw std::runtime_error("cannot evaluate condition " + ttsgen::cfn::describe(v));
}

inline std::string resolve(const ttsgen::cfn::Template& t, const Value& v, const Parameters& values) {
  if (v.is_string()) return v.text();
  if (v.kind() == Value::Kind::Integer) return std::to_string(v.as_integer());
  if (v.is_function("Ref")) {
    auto it = values.find(v.argument().text());
    if (it == values.end()) throw std::runtime_error("no value for " + v.argument().text());
    return it->second;
  }
  if (v.is_function("Fn::If")) {
    const auto& items = v.argument().items();
    return resolve(t, condition_named(t, items[0].text(), values) ? items[1] : items[2], values);
  }
  if (v.is_function("Fn::Sub")) {
    const Value& arg = v.argument();
    std::string text = arg.is_list() ? arg.items()[0].text() : arg.text();
    std::map<std::string, std::string> own;
    if (arg.is_list())
      for (const auto& e : arg.items()[1].entries()) own[e.key] = resolve(t, e.value, values);
    std::string out;
    std::size_t pos = 0;
    while (true) {
      std::size_t start = text.find("${", pos);
      if (start == std::string::npos) break;
      std::size_t end = text.find('}', start);
      out += text.substr(pos, start - pos);
      std::string name = text.substr(start + 2, end - start - 2);
      if (!name.empty() && name[0] == '!') {
        out += "${" + name.substr(1) + "}";
      } else if (own.count(name)) {
        out += own[name];
      } else if (values.count(name)) {
        out += values.at(name);
      } else {
        throw std::runtime_error("unresolved ${" + name + "}");
      }
      pos = end + 1;
    }
    return out + text.substr(pos);
  }
  throw std::runtime_error("cannot resolve " + ttsgen::cfn::describe(v));
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
