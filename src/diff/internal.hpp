#pragma once
// Internal steps of diff::compare, one file each.

#include <vector>

#include "ttsgen/diff/diff.hpp"

namespace ttsgen::diff::detail {

// Resources of one stack: by logical id, with replacement from the create-only table, and logical
// id changes recognised between removed and added resources of the same type.
std::vector<ResourceChange> compare_resources(const cfn::Value& before_document, const cfn::Value& after_document);

// Cross-stack hazards: exports removed, moved or changed while a stack imports them.
std::vector<ExportIssue> export_issues(const Side& before, const Side& after, const std::vector<StackDiff>& stacks);

// The security-group rules and IAM statements that the update adds or removes (security.cpp).
void compare_security(StackDiff& d, const cfn::Value& before_document, const cfn::Value& after_document);

}  // namespace ttsgen::diff::detail
