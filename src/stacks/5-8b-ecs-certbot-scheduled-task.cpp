// 5-8b-ecs-certbot-scheduled-task (5-7b- before 3.30.0): an EventBridge rule that runs the certbot
// task definition of one 5-8a-certs-le stack on a schedule (docs: ecs/deployment), with the RuleRole that
// may run exactly that task and pass exactly its roles.
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/exports/ecs.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_certbot_scheduled_task(const Release& release) {
  StackBuilder s(release, "certbot-scheduled-task");
  const std::string group = "Schedule";
  auto& certificate_id = ecs::certificate_id(
      s, "CertificateID of the 5-8a-certs-le stack whose certificate this schedule renews.", group);
  // 3.11.0: every 2 days by default (the docs recommend 14 days).
  auto& schedule = s.parameter("ScheduleExpression")
                       .description("When the renewal runs: an EventBridge rate() or cron() expression.")
                       .default_value("rate(2 days)")
                       .allowed_pattern("^(rate\\(.+\\)|cron\\(.+\\))$")
                       .constraint_description("rate(...) or cron(...)")
                       .group(group)
                       .label("Schedule");
  auto& launch_type = s.choice("LaunchType", {"EC2", "FARGATE"}, "FARGATE")
                          .description("Run the certbot task on the container instances (EC2) or on FARGATE.")
                          .group(group)
                          .label("Launch type");

  // Production fix (catalog/production.hpp): the family, stable across 5-8a updates; the rule runs
  // its latest ACTIVE revision, and the role may run any revision of that family.
  const bool fixes = catalog::has_production_fixes(release);
  Value task_definition = fixes ? s.import(exports::ecs::certbot_task_definition_family_arn, certificate_id)
                                : s.import(exports::ecs::certbot_task_definition_arn, certificate_id);
  Value runnable = fixes ? sub("${Family}:*", {{"Family", task_definition}}) : task_definition;
  Value cluster_arn = s.import(exports::ecs::cluster_arn);
  Resource& role =
      s.resource("RuleRole", "AWS::IAM::Role")
          .set("AssumeRolePolicyDocument", service_trust_policy("events.amazonaws.com"))
          .set("Policies",
               Value::list({inline_policy(
                   "run-certbot",
                   {Value::map({{"Sid", "RunCertbotTask"},
                                {"Effect", "Allow"},
                                {"Action", "ecs:RunTask"},
                                {"Resource", runnable},
                                {"Condition", Value::map({{"ArnEquals", Value::map({{"ecs:cluster", cluster_arn}})}})}}),
                    Value::map({{"Sid", "PassCertbotRoles"},
                                {"Effect", "Allow"},
                                {"Action", "iam:PassRole"},
                                {"Resource", Value::list({s.import(exports::ecs::certbot_task_role_arn, certificate_id),
                                                          s.import(exports::ecs::certbot_execution_role_arn, certificate_id)})},
                                {"Condition", Value::map({{"StringEquals", Value::map({{"iam:PassedToService",
                                                                                         "ecs-tasks.amazonaws.com"}})}})}})})}))
          .set("Tags", s.tags("certbot-schedule"));
  Value subnets = s.import(exports::vpc::private_subnet_ids);
  s.resource("CertbotSchedule", "AWS::Events::Rule")
      .set("Description", sub("Renews the Let's Encrypt certificate ${CertificateID}"))
      .set("ScheduleExpression", ref(schedule))
      .set("State", "ENABLED")
      .set("Targets",
           Value::list({Value::map(
               {{"Id", "certbot"},
                {"Arn", cluster_arn},
                {"RoleArn", get_att(role, "Arn")},
                {"EcsParameters",
                 Value::map({{"TaskDefinitionArn", task_definition},
                             {"TaskCount", 1},
                             {"LaunchType", ref(launch_type)},
                             {"NetworkConfiguration",
                              Value::map({{"AwsVpcConfiguration",
                                           Value::map({{"AssignPublicIp", "DISABLED"},
                                                       {"SecurityGroups", Value::list({s.import(exports::vpc::tasks_security_group)})},
                                                       {"Subnets", subnets}})}})}})}})}));
  return s.finish();
}

}  // namespace ttsgen::stacks
