#include <catch2/catch.hpp>

#include "data_stack_test_helpers.hpp"
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("the SQS stack is 5-9a-sqs in 3.28.2, 2-6-queue-sqs in 3.29.0-3.30.1, 2-7-queue-sqs from 3.30.2", "[stacks][sqs]") {
  CHECK(test::name_in("queue-sqs", "3.28.1"_v).empty());
  CHECK(test::name_in("queue-sqs", "3.28.2"_v) == "5-9a-sqs");
  CHECK(test::name_in("queue-sqs", "3.29.0"_v) == "2-6-queue-sqs");
  CHECK(test::name_in("queue-sqs", "3.30.1"_v) == "2-6-queue-sqs");
  CHECK(test::name_in("queue-sqs", "3.30.2"_v) == "2-7-queue-sqs");
  CHECK(test::name_in("queue-sqs", "3.35.2"_v) == "2-7-queue-sqs");
  CHECK(stacks::find_stack("queue-sqs")->optional);
}

TEST_CASE("SQS: a FIFO queue for the Alert Routing Server and a webhooks queue, each with a dead-letter queue", "[stacks][sqs]") {
  auto model = stacks::build_queue_sqs("3.28.2"_v);
  const auto& t = model.tmpl;
  const auto& alerts = *t.find_resource("AlertRoutingQueue");
  CHECK(*property(alerts, "FifoQueue") == Value(true));
  CHECK(test::mentions(*property(alerts, "QueueName"), "-alert-routing.fifo"));
  CHECK(*property(*t.find_resource("AlertRoutingDeadLetterQueue"), "FifoQueue") == Value(true));
  CHECK(test::mentions(*property(alerts, "RedrivePolicy"), "AlertRoutingDeadLetterQueue"));
  CHECK(test::mentions(*property(alerts, "ContentBasedDeduplication"), "AlertRoutingContentBasedDeduplicationCondition"));
  CHECK(test::mentions(*property(alerts, "FifoThroughputLimit"), "perMessageGroupId"));
  const auto& webhooks = *t.find_resource("WebhooksQueue");
  CHECK(property(webhooks, "FifoQueue") == nullptr);
  CHECK(test::mentions(*property(webhooks, "RedrivePolicy"), "WebhooksDeadLetterQueue"));
  std::string prefix = "${NetworkName}-${Environment}-${Cluster}-";
  CHECK(test::export_names(t) == std::vector<std::string>{prefix + "AlertRoutingQueueUrl", prefix + "AlertRoutingQueueArn",
                                                          prefix + "WebhooksQueueUrl", prefix + "WebhooksQueueArn"});
}

TEST_CASE("SQS: every queue is encrypted and refuses requests without TLS", "[stacks][sqs]") {
  auto model = stacks::build_queue_sqs("3.35.2"_v);
  const auto& t = model.tmpl;
  auto queues = test::resources_of_type(t, "AWS::SQS::Queue");
  CHECK(queues.size() == 4);
  for (const auto* q : queues) {
    INFO(q->id());
    CHECK(*property(*q, "SqsManagedSseEnabled") ==
          Value::function("Fn::If", Value::list({"HasQueueKMSKeyId", Value::function("Ref", "AWS::NoValue"), true})));
    CHECK(test::mentions(*property(*q, "KmsMasterKeyId"), "QueueKMSKeyId"));
  }
  const auto& policy = *t.find_resource("QueuePolicy");
  CHECK(property(policy, "Queues")->size() == 4);
  const Value& deny = property(policy, "PolicyDocument.Statement")->items().front();
  CHECK(*deny.find("Effect") == Value("Deny"));
  CHECK(*deny.find("Condition")->find("Bool")->find("aws:SecureTransport") == Value("false"));
}

TEST_CASE("SQS template content is the same under all three names", "[stacks][sqs]") {
  std::string first = test::yaml_without_release(stacks::build_queue_sqs("3.28.2"_v).tmpl);
  for (const auto& v : catalog::supported_releases()) {
    if (v < "3.28.2"_v || catalog::has_production_fixes(v)) continue;
    INFO(v.str());
    // The description names the stack; everything else is equal.
    CHECK(test::yaml_without_release(stacks::build_queue_sqs(v).tmpl) == first);
  }
  // The production fixes (ours) retain every queue, and change nothing else.
  Value doc = stacks::build_queue_sqs(catalog::kProductionFixes).tmpl.to_value();
  for (const char* q : {"AlertRoutingQueue", "AlertRoutingDeadLetterQueue", "WebhooksQueue", "WebhooksDeadLetterQueue"}) {
    INFO(q);
    Value& queue = *doc.find("Resources")->find(q);
    CHECK(*queue.find("DeletionPolicy") == Value("Retain"));
    CHECK(*queue.find("UpdateReplacePolicy") == Value("Retain"));
    queue.erase("DeletionPolicy");
    queue.erase("UpdateReplacePolicy");
  }
  Value before = stacks::build_queue_sqs("3.35.1"_v).tmpl.to_value();
  CHECK(*doc.find("Resources") == *before.find("Resources"));
}
