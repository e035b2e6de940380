#pragma once
// AWS's own verdict beside ttsgen's: the JSON that `aws cloudformation describe-change-set`
// prints for one stack (a change set of the deployed stack against the new template), compared
// resource by resource with the diff of that stack. AWS knows the deployed parameter values, so
// it settles what the diff leaves to parameters; where the two contradict each other, one of them
// is wrong and a reviewer should look.

#include <string>
#include <vector>

#include "ttsgen/diff/diff.hpp"

namespace ttsgen::diff {

struct ChangeSetResource {
  std::string action;       // Add, Modify, Remove, Import, Dynamic
  std::string logical_id;
  std::string type;
  std::string replacement;  // True, False, Conditional (Modify only), else empty
  // Set when no detail is a change of the template itself: every ChangeSource is a parameter
  // value of the deployment or another resource (a replaced resource it refers to). Says which.
  std::string indirect_cause;
};

struct ChangeSet {
  std::string stack_name, change_set_name, status;
  std::vector<ChangeSetResource> resources;
};

// Parses the describe-change-set JSON; throws std::runtime_error naming what is wrong.
ChangeSet parse_change_set(const std::string& json_text);

struct ChangeSetRow {
  std::string logical_id, type;
  std::string aws;     // "Modify, Replacement True", or "no change"
  std::string ttsgen;  // "modified, replacement true", "new revision", "no change", ...
  bool disagrees = false;
  std::string note;
};

struct ChangeSetComparison {
  std::string file;             // as given on the command line
  std::string change_set_name, aws_stack_name, status;
  std::string stack;            // the stack of the diff it was matched to (published name)
  std::vector<ChangeSetRow> rows;
  std::size_t disagreements() const;
};

// Matches the change set to the stack of `d` that has most of its logical ids among its changes;
// throws std::runtime_error when none has any.
ChangeSetComparison compare_change_set(const ChangeSet& cs, const ReleaseDiff& d, const std::string& file);

}  // namespace ttsgen::diff

#include <nlohmann/json.hpp>

namespace ttsgen::diff {

// The comparisons as a section after the diff: a table in Markdown, lines in text.
std::string change_sets_report(const std::vector<ChangeSetComparison>& sets, bool markdown);
nlohmann::ordered_json change_sets_json(const std::vector<ChangeSetComparison>& sets);

}  // namespace ttsgen::diff
