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

}  // namespace ttsgen::stacks
