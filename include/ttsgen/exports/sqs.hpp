#pragma once
// Exports of 5-9a-sqs / 2-6-queue-sqs / 2-7-queue-sqs (stable key "queue-sqs"), from 3.28.2.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::sqs {

using catalog::Export;

// FIFO queue of the Alert Routing Server.
inline constexpr Export alert_routing_queue_url{"queue-sqs", "AlertRoutingQueueUrl", "URL of the Alert Routing Server FIFO queue"};
inline constexpr Export alert_routing_queue_arn{"queue-sqs", "AlertRoutingQueueArn", "ARN of the Alert Routing Server FIFO queue"};
// Standard queue that Application Server webhooks can target.
inline constexpr Export webhooks_queue_url{"queue-sqs", "WebhooksQueueUrl", "URL of the Application Server webhooks queue"};
inline constexpr Export webhooks_queue_arn{"queue-sqs", "WebhooksQueueArn", "ARN of the Application Server webhooks queue"};

}  // namespace ttsgen::exports::sqs
