#pragma once
// The builders, one per stack, each in src/stacks/<name>.cpp (named after the newest name).

#include "ttsgen/catalog/stack.hpp"

namespace ttsgen::stacks {

using catalog::Release;
using catalog::StackModel;

StackModel build_vpc(const Release& release);       // 1-1-vpc
StackModel build_bastion(const Release& release);   // 1-2-bastion
StackModel build_opsgenie(const Release& release);  // 1-3-opsgenie
StackModel build_aurora_master(const Release& release);      // 2-1-db-aurora-master
StackModel build_aurora_replica(const Release& release);     // 2-2-db-aurora-replica
StackModel build_redis(const Release& release);              // 2-3-db-redis
StackModel build_is_s3(const Release& release);              // 2-4a-is-s3
StackModel build_routing_s3(const Release& release);         // 2-4b-routing-s3
StackModel build_mtls_s3(const Release& release);            // 2-4c-mtls-s3
StackModel build_timescale_master(const Release& release);   // 2-5-db-timescale-master (2-5-db-timescale)
StackModel build_timescale_replica(const Release& release);  // 2-6-db-timescale-replica
StackModel build_queue_sqs(const Release& release);          // 2-7-queue-sqs (5-9a-sqs, 2-6-queue-sqs)
StackModel build_security_group_rules(const Release& release);  // 3-1-security-group-rules
StackModel build_load_balancer_rules(const Release& release);   // 3-2-load-balancer-rules

StackModel build_secrets(const Release& release);            // 4-1-secrets
StackModel build_configuration(const Release& release);      // 4-2a-configuration
StackModel build_rate_limiting(const Release& release);      // 4-2b-configuration-rate-limiting
StackModel build_resource_limiting(const Release& release);  // 4-2c-configuration-resource-limiting

StackModel build_ecs_cluster(const Release& release);                 // 5-1-ecs-cluster
StackModel build_ops(const Release& release);                         // 5-2-ecs-ops
StackModel build_identity_server(const Release& release);             // 5-3a-ecs-is-service
StackModel build_external_is_proxy(const Release& release);           // 5-3b-ecs-external-is-proxy
StackModel build_tenant_billing_server(const Release& release);       // 5-3c-ecs-tbs-service
StackModel build_services(const Release& release);                    // 5-4-ecs-services
StackModel build_tenant_resource_monitoring(const Release& release);  // 5-5-tenant-resource-monitoring
StackModel build_monitoring(const Release& release);                  // 5-6-ecs-monitoring (5-5- before 3.30.0)
StackModel build_proxy(const Release& release);                       // 5-7-ecs-proxy (5-6- before 3.30.0)
StackModel build_certs_le(const Release& release);                    // 5-8a-certs-le (5-7a- before 3.30.0)
StackModel build_certbot_scheduled_task(const Release& release);      // 5-8b-ecs-certbot-scheduled-task (5-7b-)

}  // namespace ttsgen::stacks
