#pragma once
// Helpers for the group-5 (ECS) stack tests: containers, their environment and secrets, and the
// checks every ECS stack must pass (security baseline, house rules).

#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "stack_test_helpers.hpp"
#include "ttsgen/cfn/template.hpp"

namespace test {

// The value of an Fn::If's true branch, or the value itself.
inline const Value& unwrap_if(const Value& v) { return v.is_function("Fn::If") ? v.argument().items()[1] : v; }

// The container definition `name` of a task definition, or nullptr.
inline const Value* container(const ttsgen::cfn::Template& t, const std::string& task_definition, const std::string& name) {
  const auto* td = t.find_resource(task_definition);
  if (!td) return nullptr;
  for (const auto& c : property(*td, "ContainerDefinitions")->items()) {
    const Value& def = unwrap_if(c);
    if (def.find("Name") && *def.find("Name") == Value(name)) return &def;
  }
  return nullptr;
}

// Names of the Environment (or Secrets) entries of a container, conditional ones included.
inline std::set<std::string> entry_names(const Value& container, const std::string& list) {
  std::set<std::string> names;
  if (const Value* entries = container.find(list))
    for (const auto& e : entries->items()) names.insert(unwrap_if(e).find("Name")->text());
  return names;
}

inline bool has(const std::set<std::string>& names, const std::string& name) { return names.count(name) > 0; }

// Every Fn::ImportValue, Fn::If, … anywhere below `v`.
inline void walk(const Value& v, const std::function<void(const Value&)>& visit) {
  visit(v);
  if (v.is_list() || v.is_function())
    for (const auto& i : v.items()) walk(i, visit);
  if (v.is_map())
    for (const auto& e : v.entries()) walk(e.value, visit);
}

inline int condition_depth(const Value& v) {
  if (!v.is_function()) return 0;
  int deepest = 0;
  walk(v.argument(), [&](const Value& inner) {
    if (&inner != &v.argument() && inner.is_function()) deepest = std::max(deepest, condition_depth(inner));
  });
  return 1 + deepest;
}

// The baseline every ECS template keeps: parameters with description, group and label; log groups
// with retention; no plain-text secret in an Environment; every Secrets entry read with ValueFrom;
// shallow conditions; quotas.
inline void check_ecs_baseline(const ttsgen::cfn::Template& t) {
  for (const auto& p : t.parameters()) {
    INFO("parameter " << p.id());
    CHECK_FALSE(p.description().empty());
    CHECK_FALSE(p.group().empty());
    CHECK_FALSE(p.label().empty());
  }
  for (const auto* lg : resources_of_type(t, "AWS::Logs::LogGroup")) {
    INFO(lg->id());
    CHECK(property(*lg, "RetentionInDays") != nullptr);
  }
  std::set<std::string> no_echo;
  for (const auto& p : t.parameters())
    if (p.is_no_echo()) no_echo.insert(p.id());
  for (const auto* td : resources_of_type(t, "AWS::ECS::TaskDefinition")) {
    for (const auto& c : property(*td, "ContainerDefinitions")->items()) {
      const Value& def = unwrap_if(c);
      if (def.is_function()) continue;  // AWS::NoValue
      for (const std::string& name : entry_names(def, "Environment")) {
        INFO(td->id() << " environment " << name);
        for (const char* secretive : {"_PASSWORD", "_SECRET", "_KEY", "_TOKEN", "_CREDENTIALS", "_CERTIFICATE", "KEYS"})
          CHECK_FALSE((name.size() >= std::string(secretive).size() &&
                       name.compare(name.size() - std::string(secretive).size(), std::string::npos, secretive) == 0));
      }
      if (const Value* env = def.find("Environment"))
        walk(*env, [&](const Value& v) {
          if (v.is_function("Ref")) CHECK(no_echo.count(v.argument().text()) == 0);
        });
      if (const Value* secrets = def.find("Secrets"))
        for (const auto& e : secrets->items()) {
          const Value& entry = unwrap_if(e);
          REQUIRE(entry.find("ValueFrom"));
          CHECK(entry.find("ValueFrom")->is_function());  // an import, a Ref or an ARN built with Fn::Sub/Fn::If
        }
    }
  }
  for (const auto& c : t.conditions()) {
    INFO("condition " << c.id());
    CHECK(condition_depth(c.expression()) <= 3);
  }
  CHECK(t.parameters().size() < 200);
  CHECK(t.resources().size() < 500);
  CHECK(t.outputs().size() < 200);
}

}  // namespace test
