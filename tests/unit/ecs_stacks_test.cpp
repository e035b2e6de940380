#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/registry.hpp"

using namespace ttsgen;
using catalog::operator""_v;

TEST_CASE("group 5 names per release (3.30.0 renames)", "[stacks][ecs][registry]") {
  struct Expect {
    const char* key;
    const char* before;
    const char* after;
  };
  const Expect names[] = {
      {"ecs-cluster", "5-1-ecs-cluster", "5-1-ecs-cluster"},
      {"ops", "5-2-ecs-ops", "5-2-ecs-ops"},
      {"identity-server", "5-3a-ecs-is-service", "5-3a-ecs-is-service"},
      {"external-is-proxy", "5-3b-ecs-external-is-proxy", "5-3b-ecs-external-is-proxy"},
      {"tenant-billing-server", "5-3c-ecs-tbs-service", "5-3c-ecs-tbs-service"},
      {"services", "5-4-ecs-services", "5-4-ecs-services"},
      {"monitoring", "5-5-ecs-monitoring", "5-6-ecs-monitoring"},
      {"proxy", "5-6-ecs-proxy", "5-7-ecs-proxy"},
      {"certs-le", "5-7a-certs-le", "5-8a-certs-le"},
      {"certbot-scheduled-task", "5-7b-ecs-certbot-scheduled-task", "5-8b-ecs-certbot-scheduled-task"},
  };
  for (const auto& n : names) {
    INFO(n.key);
    const auto* s = stacks::find_stack(n.key);
    REQUIRE(s);
    CHECK(s->name_at("3.29.2"_v) == n.before);
    CHECK(s->name_at("3.30.0"_v) == n.after);
  }
  CHECK(stacks::explain_unknown_stack("5-5-ecs-monitoring", "3.30.0"_v) == "'5-5-ecs-monitoring' was renamed to '5-6-ecs-monitoring' in 3.30.0");
}

TEST_CASE("every group-5 template of every release keeps the ECS baseline and the quotas", "[stacks][ecs]") {
  for (const auto& v : catalog::supported_releases()) {
    for (const auto* s : stacks::stacks_in(v)) {
      if (s->name_at(v).rfind("5-", 0) != 0) continue;
      INFO(v.str() << " " << s->name_at(v));
      auto model = s->build(v);
      test::check_ecs_baseline(model.tmpl);
      CHECK(render::render(model.tmpl, render::Format::Yaml).size() < 1000000);
    }
  }
}
