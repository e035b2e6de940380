#pragma once
// Exports of group 5: 5-1-ecs-cluster (stable key "ecs-cluster") and 5-8a-certs-le ("certs-le").
// 3.18.0 "5-1: new export required by other stacks": the cluster every ECS stack of the cluster
// deploys into, and the Cloud Map namespace its services register in for service discovery.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::ecs {

using catalog::Export;

inline constexpr Export cluster_name{"ecs-cluster", "ECSClusterName", "Name of the ECS cluster"};
inline constexpr Export cluster_arn{"ecs-cluster", "ECSClusterArn", "ARN of the ECS cluster"};
// Cloud Map private DNS namespace svc.<cluster>.<environment>.<network>.cluster.local: every ECS
// service registers <name>.<namespace> (A records of its tasks), e.g. is, gs, ns, as, proxy.
inline constexpr Export service_discovery_namespace_id{"ecs-cluster", "ServiceDiscoveryNamespaceId",
                                                       "ID of the Cloud Map namespace of the cluster's ECS services"};
inline constexpr Export service_discovery_namespace_name{"ecs-cluster", "ServiceDiscoveryNamespaceName",
                                                         "DNS name of the Cloud Map namespace of the cluster's ECS services"};

// 5-8a-certs-le is deployed once per certificate (3.11.2); each copy is told apart by its
// CertificateID parameter: ${NetworkName}-${Environment}-${Cluster}-certbot-${CertificateID}-<Key>.
// 5-8b-ecs-certbot-scheduled-task runs that task definition on a schedule.
inline constexpr Export certbot_task_definition_arn{"certs-le", "CertbotTaskDefinitionArn",
                                                    "ARN of the certbot task definition", false, "certbot"};
// Production fix (catalog/production.hpp): the task definition's family as an ARN without a
// revision. Unlike the revision ARN above, it stays the same when an update replaces the task
// definition, so CloudFormation can update 5-8a while 5-8b imports it; RunTask (and the
// EventBridge target) then runs the latest ACTIVE revision.
inline constexpr Export certbot_task_definition_family_arn{"certs-le", "CertbotTaskDefinitionFamilyArn",
                                                           "ARN of the certbot task definition family (no revision)", false,
                                                           "certbot"};
inline constexpr Export certbot_task_role_arn{"certs-le", "CertbotTaskRoleArn", "ARN of the certbot task role", false,
                                              "certbot"};
inline constexpr Export certbot_execution_role_arn{"certs-le", "CertbotExecutionRoleArn",
                                                   "ARN of the certbot task execution role", false, "certbot"};

}  // namespace ttsgen::exports::ecs
