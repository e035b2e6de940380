// 1-3-opsgenie: the SNS topic that CloudWatch alarms of the other stacks publish to, and an HTTPS
// subscription that forwards every alarm to Opsgenie's CloudWatch integration (docs: ecs/deployment).
#include "ttsgen/exports/opsgenie.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_opsgenie(const Release& release) {
  StackBuilder s(release, "opsgenie");

  s.parameter("OpsgenieAPIKey")
      .description("API key of the Amazon CloudWatch integration in Opsgenie.")
      .allowed_pattern("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
      .constraint_description("an Opsgenie API key (a UUID in lowercase hex)")
      .no_echo()
      .group("Opsgenie")
      .label("Opsgenie CloudWatch API key");
  s.choice("OpsgenieAPIHost", {"api.opsgenie.com", "api.eu.opsgenie.com"}, "api.opsgenie.com")
      .description("Opsgenie API host of the account: api.eu.opsgenie.com for accounts in the EU instance.")
      .group("Opsgenie")
      .label("Opsgenie API host");

  // Not KMS-encrypted: CloudWatch alarms cannot publish to a topic encrypted with the AWS managed
  // SNS key, and a customer managed key would be one more thing to keep for a stream of alarms.
  Resource& topic = s.resource("AlarmTopic", "AWS::SNS::Topic")
                        .set("DisplayName", s.resource_name("alarms"))
                        .set("Tags", s.tags("alarms"));
  s.resource("OpsgenieSubscription", "AWS::SNS::Subscription")
      .set("TopicArn", ref(topic))
      .set("Protocol", "https")
      .set("Endpoint", sub("https://${OpsgenieAPIHost}/v1/json/cloudwatch?apiKey=${OpsgenieAPIKey}"));

  s.export_value(exports::opsgenie::alarm_topic_arn, ref(topic));
  return s.finish();
}

}  // namespace ttsgen::stacks
