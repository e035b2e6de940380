#pragma once
// Exports of 1-3-opsgenie.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::opsgenie {

inline constexpr catalog::Export alarm_topic_arn{"opsgenie", "AlarmTopicArn",
                                                 "ARN of the SNS topic that CloudWatch alarms publish to"};

}  // namespace ttsgen::exports::opsgenie
