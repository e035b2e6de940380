#pragma once
// A small CloudFormation evaluator for the tests: resolves values (Ref, Fn::Sub, Fn::If, Fn::Join,
// Fn::Select, Fn::ImportValue) and evaluates conditions and template Rules (Fn::Equals, Fn::And,
// Fn::Or, Fn::Not, Condition, Fn::Contains) for given parameter values, as CloudFormation would
// at deploy time. Imports are resolved by a function the test supplies (see cross_stack.hpp).

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "ttsgen/cfn/template.hpp"

namespace test::eval {

using ttsgen::cfn::Value;
using Values = std::map<std::string, std::string>;

// The pseudo parameters of an example deployment.
inline const Values& pseudo_parameters() {
  static const Values values{{"AWS::Partition", "aws"},       {"AWS::Region", "eu-west-1"},
                             {"AWS::AccountId", "123456789012"}, {"AWS::StackName", "example-stack"},
                             {"AWS::URLSuffix", "amazonaws.com"}};
  return values;
}

// A parameter's default as text ("" for none).
inline std::string default_text(const ttsgen::cfn::Parameter& p) {
  if (!p.default_value()) return "";
  const Value& d = *p.default_value();
  return d.kind() == Value::Kind::Integer ? std::to_string(d.as_integer()) : d.text();
}

// Every parameter with a default at its default, overridden by `given`.
inline Values with_defaults(const ttsgen::cfn::Template& t, const Values& given = {}) {
  Values values = given;
  for (const auto& p : t.parameters())
    if (!values.count(p.id()) && p.default_value()) values[p.id()] = default_text(p);
  return values;
}

// What the value of an Fn::ImportValue is, given the export name.
using ImportResolver = std::function<std::string(const std::string& export_name)>;
// What a Ref of a resource resolves to (its name or ARN), given the resource.
using ResourceResolver = std::function<std::string(const ttsgen::cfn::Resource& resource)>;

class Scope {
 public:
  Scope(const ttsgen::cfn::Template& t, Values parameters, ImportResolver imports = {}, ResourceResolver resources = {})
      : t_(t), values_(std::move(parameters)), imports_(std::move(imports)), resources_(std::move(resources)) {
    for (const auto& [k, v] : pseudo_parameters()) values_.emplace(k, v);
  }

  const ttsgen::cfn::Template& tmpl() const { return t_; }
  const Values& values() const { return values_; }

  bool condition(const std::string& id) const {
    const ttsgen::cfn::Condition* c = t_.find_condition(id);
    if (!c) throw std::runtime_error("no condition " + id);
    return truth(c->expression());
  }

  // A condition function (or a rule assertion).
  bool truth(const Value& v) const {
    const Value& arg = v.argument();
    if (v.is_function("Fn::Equals")) return resolve(arg.items()[0]) == resolve(arg.items()[1]);
    if (v.is_function("Fn::Not")) return !truth(arg.items()[0]);
    if (v.is_function("Fn::And"))
      return std::all_of(arg.items().begin(), arg.items().end(), [&](const Value& c) { return truth(c); });
    if (v.is_function("Fn::Or"))
      return std::any_of(arg.items().begin(), arg.items().end(), [&](const Value& c) { return truth(c); });
    if (v.is_function("Condition")) return condition(arg.text());
    if (v.is_function("Fn::Contains")) {
      std::string needle = resolve(arg.items()[1]);
      const auto& hay = arg.items()[0].items();
      return std::any_of(hay.begin(), hay.end(), [&](const Value& h) { return resolve(h) == needle; });
    }
    throw std::runtime_error("cannot evaluate condition " + ttsgen::cfn::describe(v));
  }

  // A value, resolved to text.
  std::string resolve(const Value& v) const {
    if (v.is_string()) return v.text();
    if (v.kind() == Value::Kind::Integer) return std::to_string(v.as_integer());
    if (v.kind() == Value::Kind::Bool) return v.as_bool() ? "true" : "false";
    const Value& arg = v.is_function() ? v.argument() : v;
    if (v.is_function("Ref")) return variable(arg.text());
    if (v.is_function("Fn::If")) return resolve(condition(arg.items()[0].text()) ? arg.items()[1] : arg.items()[2]);
    if (v.is_function("Fn::ImportValue")) {
      if (!imports_) throw std::runtime_error("no import resolver for " + ttsgen::cfn::describe(v));
      return imports_(resolve(arg));
    }
    if (v.is_function("Fn::Join")) {
      std::string out;
      bool first = true;
      for (const auto& item : arg.items()[1].items()) {
        if (item.is_function("Ref") && item.argument().text() == "AWS::NoValue") continue;
        out += (first ? "" : arg.items()[0].text()) + resolve(item);
        first = false;
      }
      return out;
    }
    if (v.is_function("Fn::Select")) {
      std::vector<std::string> items = list(arg.items()[1]);
      return items.at(static_cast<std::size_t>(std::stoi(resolve(arg.items()[0]))));
    }
    if (v.is_function("Fn::Sub")) return substitute(arg);
    throw std::runtime_error("cannot resolve " + ttsgen::cfn::describe(v));
  }

  // A list value (a list, Fn::Split, or an import of a comma-joined list).
  std::vector<std::string> list(const Value& v) const {
    std::vector<std::string> out;
    if (v.is_list()) {
      for (const auto& item : v.items()) out.push_back(resolve(item));
    } else if (v.is_function("Fn::Split")) {
      std::string sep = v.argument().items()[0].text();
      std::string text = resolve(v.argument().items()[1]);
      for (std::size_t pos = 0;;) {
        std::size_t next = text.find(sep, pos);
        out.push_back(text.substr(pos, next - pos));
        if (next == std::string::npos) break;
        pos = next + sep.size();
      }
    } else {
      throw std::runtime_error("not a list: " + ttsgen::cfn::describe(v));
    }
    return out;
  }

  // The ids of the Rules that refuse the parameter values, as CloudFormation checks them before
  // it creates anything.
  std::set<std::string> refused_rules() const {
    std::set<std::string> refused;
    for (const auto& rule : t_.rules()) {
      Value r = rule.to_value();
      const Value* when = r.find("RuleCondition");
      if (when && !truth(*when)) continue;
      for (const auto& a : r.find("Assertions")->items())
        if (!truth(*a.find("Assert"))) refused.insert(rule.id());
    }
    return refused;
  }

 private:
  std::string variable(const std::string& name) const {
    auto it = values_.find(name);
    if (it != values_.end()) return it->second;
    if (const auto* r = t_.find_resource(name)) {
      if (!resources_) throw std::runtime_error("no resource resolver for " + name);
      return resources_(*r);
    }
    throw std::runtime_error("no value for " + name);
  }

  std::string substitute(const Value& arg) const {
    std::string text = arg.is_list() ? arg.items()[0].text() : arg.text();
    std::map<std::string, std::string> own;
    if (arg.is_list())
      for (const auto& e : arg.items()[1].entries()) own[e.key] = resolve(e.value);
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
      } else {
        out += variable(name);
      }
      pos = end + 1;
    }
    return out + text.substr(pos);
  }

  const ttsgen::cfn::Template& t_;
  Values values_;
  ImportResolver imports_;
  ResourceResolver resources_;
};

// Every parameter that `v` refers to, directly or through the conditions it names.
inline void referenced_parameters(const ttsgen::cfn::Template& t, const Value& v, std::set<std::string>& out) {
  if (v.is_function("Ref") && t.find_parameter(v.argument().text())) out.insert(v.argument().text());
  if (v.is_function("Condition") || (v.is_function("Fn::If") && v.argument().items()[0].is_string())) {
    const std::string& id = v.is_function("Condition") ? v.argument().text() : v.argument().items()[0].text();
    if (const auto* c = t.find_condition(id)) referenced_parameters(t, c->expression(), out);
  }
  if (v.is_function("Fn::Sub")) {
    const Value& arg = v.argument();
    std::string text = arg.is_list() ? arg.items()[0].text() : arg.text();
    for (std::size_t pos = 0; (pos = text.find("${", pos)) != std::string::npos; ++pos) {
      std::string name = text.substr(pos + 2, text.find('}', pos) - pos - 2);
      if (t.find_parameter(name)) out.insert(name);
    }
  }
  if (v.is_list() || v.is_function())
    for (const auto& i : v.items()) referenced_parameters(t, i, out);
  if (v.is_map())
    for (const auto& e : v.entries()) referenced_parameters(t, e.value, out);
}

}  // namespace test::eval
