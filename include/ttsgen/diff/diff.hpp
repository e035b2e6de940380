#pragma once
// The semantic diff of two sets of rendered templates ("sides": two releases, or a folder of
// deployed templates and a release). Stacks are matched by their stable key, so a renamed
// template is one stack that changed its name; inside a stack, parameters, resources, outputs,
// conditions, mappings, rules and metadata are compared by logical id. The engine knows nothing of
// The Things Stack: the catalog-specific parts (which release, which folder, which upgrade
// procedure) are in diff/release.hpp.
//
// What an operator needs to read is kept apart from what changes in every release: the template
// Description and the VersionTag output carry the release string (`release_only`), and the
// console layout (Metadata AWS::CloudFormation::Interface) moves parameters around without
// changing a resource (`console_layout`).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ttsgen/cfn/value.hpp"
#include "ttsgen/diff/value_diff.hpp"

namespace ttsgen::diff {

// One template of a side.
struct StackDocument {
  std::string key;   // stable key: the same stack across renames ("monitoring")
  std::string name;  // published name ("5-6-ecs-monitoring")
  cfn::Value document;
};

struct Side {
  std::string label;  // "3.29.2", or "folder deployed/ (as 3.29.2)"
  std::vector<StackDocument> stacks;
  // Stacks that exist in this side's release but are not in `stacks` (a folder without the file
  // of an optional stack); the other side's copy is then not compared rather than "added".
  std::vector<std::pair<std::string, std::string>> missing;  // key, name
  // Files of a folder that match no stack of the release.
  std::vector<std::string> unmatched_files;
};

// Whether an update replaces the resource, in CloudFormation change-set terms.
enum class Replacement { False, Conditional, True };
std::string_view to_string(Replacement r);  // "false", "conditional", "true"

enum class Change { Added, Removed, Modified };
std::string_view to_string(Change c);  // "added", "removed", "modified"

struct PropertyChange {
  ValueChange change;
  Replacement replacement = Replacement::False;
  std::string reason;  // why it replaces the resource, may replace it, or (for an expression or an
                       // override of the schema) why it does not; empty for an ordinary update
  // Conditional: the parameters (or imports) whose values decide it, sorted.
  std::vector<std::string> depends_on;
};

struct ResourceChange {
  Change kind = Change::Modified;
  std::string id;
  std::string previous_id;  // set when the logical id changed (then kind is Modified)
  std::string type;
  std::string previous_type;  // set when the type changed
  Replacement replacement = Replacement::False;
  std::vector<std::string> reasons;     // resource-level: logical id or type changed
  std::vector<PropertyChange> changes;  // Modified: the changed paths (Properties.X, DeletionPolicy, ...)
  cfn::Value before, after;             // the whole resource (null on the side that lacks it)
  // Conditional: the parameters (or imports) whose values decide the replacement, sorted.
  std::vector<std::string> depends_on;
  // A task definition replaced: that is how ECS updates a task (a new revision, the old one is
  // deregistered), not a replacement a reviewer must weigh.
  bool new_revision = false;
  // Set when the change may lose data (cfn/stateful.hpp): the resource is removed or replaced
  // without a Retain or Snapshot policy. Says what is lost.
  std::string data_loss;
};

// Parameters, outputs and the entries of the other sections share one shape; `changes` holds the
// changed paths inside the entry for Modified.
struct EntryChange {
  std::string section;  // "Parameters", "Outputs", "Conditions", "Mappings", "Rules", "Metadata", "Template"
  Change kind = Change::Modified;
  std::string id;
  cfn::Value before, after;
  std::vector<ValueChange> changes;
  // Parameters: the console group and label (from the new side, or the old one when removed).
  std::string group, label;
  // Parameters: the Default changed by nothing but the release string (an image tag).
  bool follows_release = false;
  // Parameters: the value feeds a create-only property of a resource that holds data: a new
  // value replaces the resource and loses the data unless a policy keeps it. Says which.
  std::string data_loss;
};

// One security-group rule, as a reviewer reads it. Rules inside an Fn::If are expanded per branch
// (`when` names the condition: "if UseX", "unless UseX"); a rule of a conditional resource says
// "only when C". Values that stay expressions are shown in YAML short form (`!Ref ClusterSG`).
struct SecurityRule {
  std::string group;      // the security group: logical id, or the GroupId expression of a rule resource
  std::string direction;  // "ingress" or "egress"
  std::string protocol;   // "tcp", "udp", "icmp", "all"
  std::string ports;      // "443", "1700-1710", "all"
  std::string peer;       // CIDR, security group or prefix list
  std::string description;
  std::string when;       // empty: always
  std::string source;     // the resource that declares it (the group, or an ingress/egress resource)
  bool operator==(const SecurityRule&) const = default;
};

// One IAM policy statement: of a role's trust policy or inline policies, of a managed or inline
// policy resource, or of a resource policy (key, topic, queue, bucket). Statements inside an Fn::If
// are expanded per branch like rules.
struct IamStatement {
  std::string resource;  // logical id of the role, policy or resource that holds the policy
  std::string policy;    // "trust", an inline policy name, "policy", "key policy"
  std::string effect;    // "Allow" or "Deny"
  std::string principal; // trust and resource policies
  std::string actions;   // "ecs:RunTask, iam:PassRole", or "NotAction: ..."
  std::string resources; // "*", "arn:…" (YAML short form for expressions)
  std::string conditions;// "StringEquals ecs:cluster = !Ref Cluster" or empty
  std::string when;
  bool operator==(const IamStatement&) const = default;
};

template <typename T>
struct SecurityChange {
  Change kind;  // Added or Removed (a changed rule is a removed one and an added one)
  T item;
};

enum class StackStatus { Added, Removed, Modified, Unchanged };
std::string_view to_string(StackStatus s);

struct StackDiff {
  std::string key;
  std::string before_name, after_name;  // empty on the side that lacks the stack
  StackStatus status = StackStatus::Unchanged;
  std::vector<EntryChange> parameters;
  std::vector<ResourceChange> resources;
  std::vector<EntryChange> outputs;
  std::vector<EntryChange> other;           // Conditions, Mappings, Rules, Metadata, Template
  std::vector<SecurityChange<SecurityRule>> security_rules;  // what opens or closes
  std::vector<SecurityChange<IamStatement>> iam_statements;  // what is allowed or no longer
  std::vector<ValueChange> console_layout;  // Metadata["AWS::CloudFormation::Interface"]
  std::vector<ValueChange> release_only;    // changes of nothing but the release string
  cfn::Value added_document;                // the whole template of an added stack

  const std::string& name() const { return after_name.empty() ? before_name : after_name; }
  bool renamed() const { return !before_name.empty() && !after_name.empty() && before_name != after_name; }
  Replacement worst_replacement() const;
};

// A cross-stack hazard of the update. CloudFormation refuses to delete an export, or to change its
// value, while another stack imports it; stacks are updated in numbering order.
enum class ExportIssueKind {
  RemovedWhileImported,       // the export disappears while a stack imports it
  ValueChangedWhileImported,  // the exported value changes while a stack imports it
  Moved,                      // another stack exports the name now
};
std::string_view to_string(ExportIssueKind k);

struct ExportConsumer {
  std::string stack;   // published name (in `to` when the stack exists there)
  std::string reason;  // what blocks the update, e.g. "still imports it in 3.30.0"
};

struct ExportIssue {
  ExportIssueKind kind;
  std::string export_name;  // the producer's name pattern, e.g. ${NetworkName}-${Environment}-${Cluster}-VpcId
  std::string producer;     // published name of the producing stack
  std::string detail;       // e.g. why the value changes
  bool certain = true;      // false when the value is an expression that may resolve to the same
  std::vector<ExportConsumer> consumers;
};

struct Options {
  // Text replaced in `before` when comparing the template Description and the VersionTag output:
  // {"3.29.2", "3.30.0"}. A change that disappears is recorded as release_only.
  std::vector<std::pair<std::string, std::string>> release_strings;
  std::string release_output = "VersionTag";
};

struct ReleaseDiff {
  std::string from, to;            // side labels
  std::vector<StackDiff> stacks;   // numbering order of the published names
  std::vector<ExportIssue> export_issues;
  std::vector<std::string> notes;  // upgrade procedure notes, added by the caller (Markdown text)
  std::vector<std::string> unmatched_files;
  std::vector<std::pair<std::string, std::string>> not_compared;  // key, name: no file in the folder

  // True when anything but release_only and console_layout changed.
  bool has_changes() const;
};

ReleaseDiff compare(const Side& before, const Side& after, const Options& options = {});

// The export name of an Export.Name or Fn::ImportValue argument as text: the Fn::Sub template
// string, or the literal; placeholders are kept ("${NetworkName}-${Environment}-${Cluster}-VpcId").
std::string export_name_text(const cfn::Value& name);

}  // namespace ttsgen::diff
