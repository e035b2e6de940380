#pragma once
// The builders, one per stack, each in src/stacks/<name>.cpp (named after the newest name).

#include "ttsgen/catalog/stack.hpp"

namespace ttsgen::stacks {

using catalog::Release;
using catalog::StackModel;

StackModel build_vpc(const Release& release);       // 1-1-vpc
StackModel build_bastion(const Release& release);   // 1-2-bastion
StackModel build_opsgenie(const Release& release);  // 1-3-opsgenie

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
