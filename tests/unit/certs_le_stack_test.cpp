#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/exports/ecs.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("5-x-certs-le: certbot task, RunCertbotTaskCLICommand and the exports per certificate", "[stacks][certs-le]") {
  auto model = stacks::build_certs_le("3.35.2"_v);
  const auto& t = model.tmpl;
  CHECK(test::has_parameter(t, "ExistingCertARN"));
  CHECK(*t.find_parameter("ExistingCertARN")->default_value() == Value(""));
  CHECK(test::has_parameter(t, "SupportProxyTLS"));
  bool command = false;
  for (const auto& o : t.outputs())
    if (o.id() == "RunCertbotTaskCLICommand") {
      command = true;
      CHECK(o.value().argument().items()[0].text().rfind("aws ecs run-task", 0) == 0);
    }
  CHECK(command);
  // The revision ARN stays exported for one release after the production fixes (nobody imports it
  // any more), so that it can be removed without breaking a 5-8b that still imports it.
  CHECK(model.exports == std::vector<const catalog::Export*>{&exports::ecs::certbot_task_definition_arn,
                                                             &exports::ecs::certbot_task_definition_family_arn,
                                                             &exports::ecs::certbot_task_role_arn,
                                                             &exports::ecs::certbot_execution_role_arn});
  for (const auto& o : t.outputs())
    if (o.export_name()) CHECK(o.export_name()->text() == "Fn::Sub");
  // The proxy copy only with SupportProxyTLS.
  const Value& env = *test::container(t, "CertbotTaskDefinition", "certbot")->find("Environment");
  bool conditional = false;
  for (const auto& e : env.items())
    if (test::unwrap_if(e).find("Name")->text() == "PROXY_TLS_SECRET_ARN") conditional = e.is_function("Fn::If");
  CHECK(conditional);
  test::check_ecs_baseline(t);
}
