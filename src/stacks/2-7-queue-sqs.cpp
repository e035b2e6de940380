// 2-7-queue-sqs (5-9a-sqs in 3.28.2, 2-6-queue-sqs in 3.29.0 … 3.30.1): SQS queues (docs: ecs/deployment).
// The Alert Routing Server reads a FIFO queue (it must be FIFO: alerts of one tenant stay in
// order); Application Server webhooks can target a standard queue. Each queue has a dead-letter
// queue, is encrypted and refuses requests without TLS.
#include "ttsgen/exports/sqs.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

struct QueueSettings {
  Value encryption_key;     // KmsMasterKeyId, or AWS::NoValue
  Value managed_sse;        // SqsManagedSseEnabled, or AWS::NoValue
  Value retention;          // MessageRetentionPeriod
};

Resource& queue(StackBuilder& s, const std::string& id, const std::string& name, bool fifo, const QueueSettings& q) {
  // Messages (a dead-letter queue holds them up to 14 days) survive deletion and replacement.
  Resource& r = keep_data(s, s.resource(id, "AWS::SQS::Queue")).set("QueueName", s.resource_name(name + (fifo ? ".fifo" : "")));
  if (fifo) r.set("FifoQueue", true);
  return r.set("MessageRetentionPeriod", q.retention)
      .set("KmsMasterKeyId", q.encryption_key)
      .set("SqsManagedSseEnabled", q.managed_sse)
      .set("Tags", s.tags(name));
}

}  // namespace

StackModel build_queue_sqs(const Release& release) {
  StackBuilder s(release, "queue-sqs");

  auto& retention = s.parameter("MessageRetentionPeriod", param_type::kNumber)
                        .description("Seconds a message stays in a queue before SQS deletes it (60 s to 14 days).")
                        .default_value("345600")
                        .min_value(60)
                        .max_value(1209600)
                        .group("Queues")
                        .label("Message retention (seconds)");
  auto& visibility = s.parameter("VisibilityTimeout", param_type::kNumber)
                         .description("Seconds a received message stays hidden from other consumers (0 to 12 hours).")
                         .default_value("30")
                         .min_value(0)
                         .max_value(43200)
                         .group("Queues")
                         .label("Visibility timeout (seconds)");
  auto& max_receives = s.parameter("MaxReceiveCount", param_type::kNumber)
                           .description("Receives after which a message that keeps failing moves to the dead-letter queue.")
                           .default_value("5")
                           .min_value(1)
                           .max_value(1000)
                           .group("Queues")
                           .label("Receives before dead-letter");
  auto& kms_key = kms_key_parameter(s, "QueueKMSKeyId", "the messages (empty: SQS managed encryption)")
                      .group("Queues")
                      .label("KMS key");
  auto& deduplication = s.flag("AlertRoutingContentBasedDeduplication", true)
                            .description("Deduplicate alerts by a hash of their body, so that senders need not set "
                                         "a deduplication ID.")
                            .group("Alert Routing Server queue (FIFO)")
                            .label("Content-based deduplication");
  auto& high_throughput = s.flag("AlertRoutingHighThroughput", false)
                              .description("FIFO high throughput: order and deduplication per message group instead "
                                           "of per queue.")
                              .group("Alert Routing Server queue (FIFO)")
                              .label("High throughput");

  const Condition& has_key = s.is_set(kms_key);
  // Every queue is encrypted: with the given key, or else with SQS managed keys.
  QueueSettings settings{.encryption_key = ref_if_set(s, kms_key),
                         .managed_sse = if_(has_key, pseudo::no_value(), true),
                         .retention = ref(retention)};
  QueueSettings dead_letters = settings;
  dead_letters.retention = 1209600;  // 14 days, the longest SQS allows, to investigate failures

  auto redrive = [&](const Resource& dead_letter_queue) {
    return Value::map({{"deadLetterTargetArn", get_att(dead_letter_queue, "Arn")}, {"maxReceiveCount", ref(max_receives)}});
  };

  Resource& alerts_dlq = queue(s, "AlertRoutingDeadLetterQueue", "alert-routing-dlq", true, dead_letters);
  const Condition& high = s.is_true(high_throughput);
  Resource& alerts = queue(s, "AlertRoutingQueue", "alert-routing", true, settings)
                         .set("ContentBasedDeduplication", if_(s.is_true(deduplication), true, false))
                         .set("DeduplicationScope", if_(high, "messageGroup", "queue"))
                         .set("FifoThroughputLimit", if_(high, "perMessageGroupId", "perQueue"))
                         .set("VisibilityTimeout", ref(visibility))
                         .set("RedrivePolicy", redrive(alerts_dlq));
  Resource& webhooks_dlq = queue(s, "WebhooksDeadLetterQueue", "webhooks-dlq", false, dead_letters);
  Resource& webhooks = queue(s, "WebhooksQueue", "webhooks", false, settings)
                           .set("VisibilityTimeout", ref(visibility))
                           .set("RedrivePolicy", redrive(webhooks_dlq));

  std::vector<const Resource*> all{&alerts, &alerts_dlq, &webhooks, &webhooks_dlq};
  Value urls = Value::list(), arns = Value::list();
  for (const Resource* q : all) {
    urls.push_back(ref(*q));
    arns.push_back(get_att(*q, "Arn"));
  }
  s.resource("QueuePolicy", "AWS::SQS::QueuePolicy")
      .set("Queues", urls)
      .set("PolicyDocument", policy_document({deny_insecure_transport("sqs:*", arns)}));

  s.export_value(exports::sqs::alert_routing_queue_url, ref(alerts));
  s.export_value(exports::sqs::alert_routing_queue_arn, get_att(alerts, "Arn"));
  s.export_value(exports::sqs::webhooks_queue_url, ref(webhooks));
  s.export_value(exports::sqs::webhooks_queue_arn, get_att(webhooks, "Arn"));
  s.output("AlertRoutingDeadLetterQueueUrl", ref(alerts_dlq)).description("URL of the Alert Routing Server dead-letter queue");
  s.output("WebhooksDeadLetterQueueUrl", ref(webhooks_dlq)).description("URL of the webhooks dead-letter queue");
  return s.finish();
}

}  // namespace ttsgen::stacks
