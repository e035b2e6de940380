#pragma once
// The stack set of one release as an example deployment resolves it: every template's parameters
// at their defaults plus example values (network ttn, environment prod, cluster eu1), imports
// resolved to the value the producing stack exports, Refs of named resources to their names or
// ARNs. Cross-stack tests use it to check what a consumer reads against what a producer creates.

#include <map>
#include <memory>
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
        if (o.export_name()) exporters_[key_of(o.export_name()->argument().text())] = {stack->key, &o};
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

  // The stack key and output that export `key` (e.g. "GSConfigurationParameter"), or nullptr.
  const ttsgen::cfn::Output* exporter(const std::string& key, std::string* stack_key = nullptr) const {
    auto it = exporters_.find(key);
    if (it == exporters_.end()) return nullptr;
    if (stack_key) *stack_key = it->second.first;
    return it->second.second;
  }

  // The value of the export named `name` (e.g. "ttn-prod-eu1-redis-general-PrimaryAddress"), as
  // the producer resolves it; a qualified export is resolved with the producer's qualifier set to
  // the one in the name.
  std::string import(const std::string& name) const {
    std::string key = key_of(name);
    std::string stack;
    const ttsgen::cfn::Output* o = exporter(key, &stack);
    if (!o) throw std::runtime_error("nothing exports " + name);
    const auto& t = models_.at(stack).tmpl;
    eval::Values given;
    // "${NetworkName}-${Environment}-${Cluster}-<prefix>-${Qualifier}-<Key>": the qualifier is the
    // segment before the key.
    const std::string& pattern = o->export_name()->argument().text();
    std::size_t open = pattern.rfind("${");
    if (open != std::string::npos && pattern.compare(open, 10, "${Cluster}") != 0) {
      std::string variable = pattern.substr(open + 2, pattern.find('}', open) - open - 2);
      std::size_t end = name.rfind('-');
      std::size_t begin = name.rfind('-', end - 1);
      given[variable] = name.substr(begin + 1, end - begin - 1);
    }
    return scope(t, given).resolve(o->value());
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
  std::map<std::string, std::pair<std::string, const ttsgen::cfn::Output*>> exporters_;
};

}  // namespace test
