// The contract between the ECS task definitions (group 5) and the stacks whose configuration
// documents and secrets they read (4-1, 4-2a/b/c, 2-x): checked on the templates of every
// release, with the names an example deployment gives them (cross_stack.hpp).
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cross_stack.hpp"
#include "ecs_test_helpers.hpp"

using namespace ttsgen;
using test::Value;

namespace {

// The group-5 stacks of a deployment.
std::vector<const catalog::StackModel*> ecs_models(const test::Deployment& d) {
  std::vector<const catalog::StackModel*> out;
  for (const auto* s : stacks::stacks_in(d.release()))
    if (s->name_at(d.release()).rfind("5-", 0) == 0) out.push_back(&d.model(s->key));
  return out;
}

// The containers of a task definition (conditional sidecars included).
std::vector<const Value*> containers(const cfn::Resource& task) {
  std::vector<const Value*> out;
  for (const auto& c : test::property(task, "ContainerDefinitions")->items()) {
    const Value& def = test::unwrap_if(c);
    if (!def.is_function()) out.push_back(&def);
  }
  return out;
}

// The statements of a role's inline policies (conditional ones included).
std::vector<const Value*> statements(const cfn::Resource& role) {
  std::vector<const Value*> out;
  if (const Value* policies = test::property(role, "Policies"))
    for (const auto& p : policies->items()) {
      const Value& policy = test::unwrap_if(p);
      if (policy.is_function()) continue;
      for (const auto& st : policy.find("PolicyDocument")->find("Statement")->items()) out.push_back(&test::unwrap_if(st));
    }
  return out;
}

bool has_action(const Value& statement, const std::string& action) {
  const Value& a = *statement.find("Action");
  if (a.is_string()) return a.text() == action;
  for (const auto& i : a.items())
    if (i.text() == action) return true;
  return false;
}

std::vector<const Value*> resources_of(const Value& statement) {
  std::vector<const Value*> out;
  const Value& r = *statement.find("Resource");
  if (r.is_list()) {
    for (const auto& i : r.items()) out.push_back(&test::unwrap_if(i));
  } else {
    out.push_back(&r);
  }
  return out;
}

const cfn::Resource& role_of(const cfn::Template& t, const cfn::Resource& task, const char* property) {
  return test::resource(t, test::property(task, property)->argument().items()[0].text());
}

}  // namespace

TEST_CASE("every SSM parameter ARN of an ECS template is well formed and names a parameter its tasks read",
          "[stacks][ecs][contract]") {
  // arn:<partition>:ssm:<region>:<account>:parameter/<path>, the path without empty segments.
  const std::regex well_formed("^arn:aws:ssm:eu-west-1:123456789012:parameter(/[A-Za-z0-9_.-]+)+$");
  const std::string prefix = "arn:aws:ssm:eu-west-1:123456789012:parameter";
  for (const auto& v : catalog::supported_releases()) {
    test::Deployment d(v);
    for (const auto* model : ecs_models(d)) {
      const auto& t = model->tmpl;
      auto scope = d.scope(t);
      for (const auto* task : test::resources_of_type(t, "AWS::ECS::TaskDefinition")) {
        INFO(v.str() << " " << task->id());
        // The SSM parameters the containers read: ValueFrom that resolve to a parameter name.
        std::set<std::string> read;
        for (const Value* c : containers(*task))
          if (const Value* secrets = c->find("Secrets"))
            for (const auto& e : secrets->items()) {
              std::string from = scope.resolve(*test::unwrap_if(e).find("ValueFrom"));
              if (from.rfind("arn:", 0) != 0) {
                CHECK(from.rfind("/ttn/prod/eu1/", 0) == 0);  // a path of this cluster
                read.insert(prefix + from);
              }
            }
        std::set<std::string> granted;
        for (const Value* st : statements(role_of(t, *task, "ExecutionRoleArn")))
          if (has_action(*st, "ssm:GetParameters"))
            for (const Value* r : resources_of(*st)) {
              std::string arn = scope.resolve(*r);
              INFO(arn);
              CHECK(std::regex_match(arn, well_formed));
              granted.insert(arn);
            }
        // Exactly the parameters read, and each one as the ARN of that very parameter.
        CHECK(granted == read);
      }
    }
  }
}
