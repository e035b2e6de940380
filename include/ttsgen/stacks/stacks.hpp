#pragma once
// The builders, one per stack, each in src/stacks/<name>.cpp (named after the newest name).

#include "ttsgen/catalog/stack.hpp"

namespace ttsgen::stacks {

using catalog::Release;
using catalog::StackModel;

StackModel build_vpc(const Release& release);       // 1-1-vpc
StackModel build_bastion(const Release& release);   // 1-2-bastion
StackModel build_opsgenie(const Release& release);  // 1-3-opsgenie
StackModel build_security_group_rules(const Release& release);  // 3-1-security-group-rules
StackModel build_load_balancer_rules(const Release& release);   // 3-2-load-balancer-rules

StackModel build_secrets(const Release& release);            // 4-1-secrets
StackModel build_configuration(const Release& release);      // 4-2a-configuration
StackModel build_rate_limiting(const Release& release);      // 4-2b-configuration-rate-limiting
StackModel build_resource_limiting(const Release& release);  // 4-2c-configuration-resource-limiting

}  // namespace ttsgen::stacks
