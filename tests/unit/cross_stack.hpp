#pragma once
// The stack set of one release as an example deployment resolves it: every template's parameters
// at their defaults plus example values (network ttn, environment prod, cluster eu1), imports
// resolved to the value the producing stack exports, Refs of named resources to their names or
// ARNs. Cross-stack tests use it to check what a consumer reads against what a producer creates.

#include <map>
#include <memory>
#include <regex>
#include <vector>
#include <stdexcept>
#include <string>

#include "cfn_eval.hpp"
#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/stacks/registry.hpp"

namespace test {

class Deployment {
 public:
  explicit Deployment(const ttsgen::catalog::Version& release) : release_(release) {
    for (const auto* stack : ttsgen::stacks::stacks_in(release)) {
      models_.emplace(stack->key, stack->build(release));
      for (const auto& o : models_.at(stack->key).tmpl.outputs())
        if (o.export_name()) exporters_[key_of(o.export_name()->argument().text())].push_back({stack->key, &o});
    }
  }

  const ttsgen::catalog::Version& release() const { return release_; }
  const ttsgen::catalog::StackModel& model(const std::string& key) const { return models_.at(key); }
  const std::map<std::string, ttsgen::catalog::StackModel>& models() const { return models_; }

  // The example values of a template's parameters: the re-used ones, defaults, "example" for
  // other required ones, then `given`.
  eval::Values parameters(const ttsgen::cfn::Template& t, const eval::Values& given = {}) const {
    eval::Values values = given;
    for (const auto& [k, v] : eval::Values{{"NetworkName", "ttn"}, {"Environment", "prod"}, {"Cluster", "eu1"}})
      values.emplace(k, v);
    values = eval::with_defaults(t, values);
    for (const auto& p : t.parameters()) values.emplace(p.id(), "example");
    return values;
  }

  eval::Scope scope(const ttsgen::cfn::Template& t, const eval::Values& given = {}) const {
    return eval::Scope(t, parameters(t, given), [this](const std::string& name) { return import(name); },
                       [&t, this](const ttsgen::cfn::Resource& r) { return resource(t, r); });
  }

  // The output that exports `name` (a concrete export name such as
  // "ttn-prod-eu1-redis-general-PrimaryAddress"), its stack key and, for a qualified export, the
  // qualifier variable and value; nullptr when nothing exports it.
  const ttsgen::cfn::Output* exporter(const std::string& name, std::string* stack_key = nullptr,
                                      std::pair<std::string, std::string>* qualifier = nullptr) const {
    auto it = exporters_.find(key_of(name));
    if (it == exporters_.end()) return nullptr;
    for (const auto& [stack, o] : it->second) {
      // "${NetworkName}-${Environment}-${Cluster}[-<prefix>-${Qualifier}]-<Key>" as a pattern.
      std::string pattern = o->export_name()->argument().text(), regex = "^";
      std::string variable;
      for (std::size_t pos = 0; pos < pattern.size();) {
        std::size_t open = pattern.find("${", pos);
        regex += std::regex_replace(pattern.substr(pos, open - pos), std::regex("[.^$|()\\[\\]{}*+?\\\\]"), "\\$&");
        if (open == std::string::npos) break;
        std::size_t close = pattern.find('}', open);
        std::string v = pattern.substr(open + 2, close - open - 2);
        static const std::map<std::string, std::string> reused{{"NetworkName", "ttn"}, {"Environment", "prod"}, {"Cluster", "eu1"}};
        if (reused.count(v)) {
          regex += reused.at(v);
        } else {
          regex += "([a-z0-9-]+)";
          variable = v;
        }
        pos = close + 1;
      }
      std::smatch m;
      if (!std::regex_match(name, m, std::regex(regex + "$"))) continue;
      if (stack_key) *stack_key = stack;
      if (qualifier && !variable.empty()) *qualifier = {variable, m[1]};
      return o;
    }
    return nullptr;
  }

  // The value of the export named `name`, as the producer resolves it (a qualified export with the
  // producer's qualifier set to the one in the name).
  std::string import(const std::string& name) const {
    std::string stack;
    std::pair<std::string, std::string> qualifier;
    const ttsgen::cfn::Output* o = exporter(name, &stack, &qualifier);
    if (!o) throw std::runtime_error("nothing exports " + name);
    eval::Values given;
    if (!qualifier.first.empty()) given[qualifier.first] = qualifier.second;
    return scope(models_.at(stack).tmpl, given).resolve(o->value());
  }

  // What a Ref of a resource of `t` resolves to: an SSM parameter's name, a secret's ARN, else a
  // placeholder naming the resource.
  std::string resource(const ttsgen::cfn::Template& t, const ttsgen::cfn::Resource& r) const {
    const ttsgen::cfn::Value* name = r.properties().find("Name");
    if (r.type() == "AWS::SSM::Parameter" && name) return scope(t).resolve(*name);
    if (r.type() == "AWS::SecretsManager::Secret" && name)
      return "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + scope(t).resolve(*name) + "-AbCdEf";
    return "ref-" + r.id();
  }

  // The export key at the end of an export name or name pattern.
  static std::string key_of(const std::string& name) { return name.substr(name.rfind('-') + 1); }

 private:
  ttsgen::catalog::Version release_;
  std::map<std::string, ttsgen::catalog::StackModel> models_;
  // Export key → the outputs that export it (qualified exports of several stacks may share a key,
  // e.g. Port of 2-3 and of 2-5).
  std::map<std::string, std::vector<std::pair<std::string, const ttsgen::cfn::Output*>>> exporters_;
};

}  // namespace test
