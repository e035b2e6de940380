#pragma once
// The production check classes of `ttsgen validate` (issue 15, docs/decisions-production.md):
// what cfn-lint and the emulator accept but real AWS refuses, or where data is lost. Each judges a
// class of problem on the templates as written, not one known instance:
//   retention            a resource that holds data (cfn/stateful.hpp) has no Retain or Snapshot
//                        DeletionPolicy and UpdateReplacePolicy
//   deletion-protection  a database cluster or stand-alone database instance without
//                        DeletionProtection true
//   name-length          a physical name, evaluated with the longest value every parameter
//                        accepts (AllowedValues, MaxLength, AllowedPattern), exceeds its type's limit
//   wildcard             a sensitive action (certificate issuing and import, DNS changes,
//                        iam:PassRole) allowed on a resource with "*" and no Condition; DNS
//                        changes on a whole hosted zone (every record of it) count as a wildcard
//   single-writer        an ECS service whose task mounts an EFS volume (one writer's data) and whose
//                        deployment may run two tasks at once
//   stable-export        an export whose value changes on every update (a task definition revision,
//                        a launch template version) is imported by another stack of the set:
//                        CloudFormation refuses to change an export in use
//   kms                  a role uses a resource that a customer managed key given as a parameter
//                        encrypts (an SQS queue, an EBS volume) without any kms: permission for it
// Releases before catalog::kProductionFixes are reported as notes (Validator), since they were
// published so.

#include <optional>
#include <string_view>
#include <vector>

#include "ttsgen/cfn/value.hpp"
#include "ttsgen/check/finding.hpp"
#include "ttsgen/check/template_set.hpp"

namespace ttsgen::check {

std::vector<Finding> check_retention(const cfn::Value& document);
std::vector<Finding> check_deletion_protection(const cfn::Value& document);
std::vector<Finding> check_name_lengths(const cfn::Value& document);
std::vector<Finding> check_sensitive_wildcards(const cfn::Value& document);
std::vector<Finding> check_single_writers(const cfn::Value& document);
// Set checks: they need every template of the release. Findings carry the stack.
std::vector<Finding> check_stable_exports(const TemplateSet& set);
std::vector<Finding> check_kms_permissions(const TemplateSet& set);

// The longest text a parameter declaration accepts: its longest AllowedValue, else the smaller of
// MaxLength and the longest match of AllowedPattern; nullopt when neither bounds it.
std::optional<std::size_t> longest_accepted(const cfn::Value& parameter);
// The longest match of a regular expression (ECMAScript subset used by AllowedPattern); nullopt
// when unbounded (*, +, {n,}) or not understood.
std::optional<std::size_t> longest_match(std::string_view regex);

}  // namespace ttsgen::check
