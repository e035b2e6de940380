// ttsgen's verdicts beside AWS's change set (see change_set.hpp). The JSON shape is that of
// `aws cloudformation describe-change-set` (CloudFormation API reference, DescribeChangeSet and
// ResourceChange): Changes[].ResourceChange.{Action, LogicalResourceId, ResourceType,
// Replacement, Details[].ChangeSource}.
#include "ttsgen/diff/change_set.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace ttsgen::diff {

namespace {

std::string string_at(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string ttsgen_verdict(const ResourceChange& r) {
  if (r.kind != Change::Modified) return std::string(to_string(r.kind));
  if (r.new_revision) return "new revision (replacement true)";
  std::string text = "modified, replacement " + std::string(to_string(r.replacement));
  if (r.replacement == Replacement::Conditional && !r.depends_on.empty()) {
    text += " (depends on ";
    for (std::size_t i = 0; i < r.depends_on.size(); ++i) text += (i ? ", " : "") + r.depends_on[i];
    text += ")";
  }
  return text;
}

const ResourceChange* find_change(const StackDiff& s, const std::string& id, bool as_previous) {
  for (const auto& r : s.resources)
    if ((as_previous ? r.previous_id : r.id) == id) return &r;
  return nullptr;
}

ChangeSetRow row_for(const ChangeSetResource& aws, const StackDiff& s) {
  ChangeSetRow row{aws.logical_id, aws.type, aws.action, "no change", false, ""};
  if (aws.action == "Modify") row.aws += ", Replacement " + aws.replacement;
  const ResourceChange* mine = find_change(s, aws.logical_id, false);
  const ResourceChange* renamed = find_change(s, aws.logical_id, true);
  if (aws.action == "Remove" && renamed) {
    row.ttsgen = "logical id changed to " + renamed->id + " (the old one is deleted)";
    return row;
  }
  if (mine) row.ttsgen = ttsgen_verdict(*mine);
  if (aws.action == "Add") {
    row.disagrees = !mine || mine->kind == Change::Removed;
    return row;
  }
  if (aws.action == "Remove") {
    row.disagrees = !mine || mine->kind != Change::Removed;
    return row;
  }
  if (aws.action != "Modify") {
    row.note = "not compared (" + aws.action + ")";
    return row;
  }
  if (!mine) {
    if (!aws.indirect_cause.empty()) {
      row.note = aws.indirect_cause + ": not a template change";
    } else {
      row.disagrees = true;
    }
    return row;
  }
  if (mine->kind != Change::Modified) {
    row.disagrees = true;
    return row;
  }
  Replacement theirs = aws.replacement == "True" ? Replacement::True : aws.replacement == "False" ? Replacement::False : Replacement::Conditional;
  if (theirs == Replacement::Conditional && mine->replacement != Replacement::Conditional) {
    row.note = "AWS cannot tell before it runs (a dynamic value)";
  } else if (mine->replacement == Replacement::Conditional && theirs != Replacement::Conditional) {
    row.note = "AWS resolved it with the deployed parameter values";
  } else if (theirs != mine->replacement) {
    row.disagrees = true;
  }
  return row;
}

}  // namespace

std::size_t ChangeSetComparison::disagreements() const {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const ChangeSetRow& r) { return r.disagrees; }));
}

ChangeSet parse_change_set(const std::string& json_text) {
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error("not JSON (expected the output of `aws cloudformation describe-change-set`)");
  if (!j.is_object() || !j.contains("Changes") || !j["Changes"].is_array())
    throw std::runtime_error("no \"Changes\" list (expected the output of `aws cloudformation describe-change-set`)");
  ChangeSet cs;
  cs.stack_name = string_at(j, "StackName");
  cs.change_set_name = string_at(j, "ChangeSetName");
  cs.status = string_at(j, "Status");
  for (const auto& change : j["Changes"]) {
    if (!change.is_object() || string_at(change, "Type") != "Resource") continue;
    auto rc = change.find("ResourceChange");
    if (rc == change.end() || !rc->is_object()) throw std::runtime_error("a change of type Resource without a ResourceChange object");
    ChangeSetResource r{string_at(*rc, "Action"), string_at(*rc, "LogicalResourceId"), string_at(*rc, "ResourceType"),
                        string_at(*rc, "Replacement"), ""};
    if (r.logical_id.empty() || r.action.empty()) throw std::runtime_error("a ResourceChange without Action or LogicalResourceId");
    static const std::vector<std::string> actions{"Add", "Modify", "Remove", "Import", "Dynamic"};
    if (std::find(actions.begin(), actions.end(), r.action) == actions.end())
      throw std::runtime_error("unknown Action '" + r.action + "' of " + r.logical_id + "; valid: Add, Modify, Remove, Import, Dynamic");
    if (r.action == "Modify" && r.replacement != "True" && r.replacement != "False" && r.replacement != "Conditional")
      throw std::runtime_error("Replacement '" + r.replacement + "' of " + r.logical_id + "; valid: True, False, Conditional");
    if (auto details = rc->find("Details"); details != rc->end() && details->is_array() && !details->empty()) {
      std::string causes;
      bool indirect = true;
      for (const auto& d : *details) {
        std::string source = string_at(d, "ChangeSource"), entity = string_at(d, "CausingEntity");
        if (source == "ParameterReference") {
          causes += (causes.empty() ? "" : ", ") + std::string("parameter ") + entity;
        } else if (source == "ResourceReference" || source == "ResourceAttribute") {
          causes += (causes.empty() ? "" : ", ") + std::string("resource ") + entity;
        } else {
          indirect = false;
        }
      }
      if (indirect) r.indirect_cause = "caused by " + causes;
    }
    cs.resources.push_back(std::move(r));
  }
  return cs;
}

ChangeSetComparison compare_change_set(const ChangeSet& cs, const ReleaseDiff& d, const std::string& file) {
  const StackDiff* best = nullptr;
  std::size_t best_hits = 0;
  for (const auto& s : d.stacks) {
    std::size_t hits = 0;
    for (const auto& r : cs.resources)
      if (find_change(s, r.logical_id, false) || find_change(s, r.logical_id, true)) ++hits;
    if (hits > best_hits) best = &s, best_hits = hits;
  }
  if (!best)
    throw std::runtime_error("change set '" + cs.change_set_name + "' of stack '" + cs.stack_name +
                             "' names no resource that changes in any stack of this diff");
  ChangeSetComparison out;
  out.file = file;
  out.change_set_name = cs.change_set_name;
  out.aws_stack_name = cs.stack_name;
  out.status = cs.status;
  out.stack = best->name();
  for (const auto& r : cs.resources) out.rows.push_back(row_for(r, *best));
  // What ttsgen sees change and AWS does not list.
  for (const auto& r : best->resources) {
    bool listed = std::any_of(cs.resources.begin(), cs.resources.end(),
                              [&](const ChangeSetResource& a) { return a.logical_id == r.id || a.logical_id == r.previous_id; });
    if (listed) continue;
    ChangeSetRow row{r.id, r.type, "no change", ttsgen_verdict(r), true, ""};
    const cfn::Value& doc = r.kind == Change::Removed ? r.before : r.after;
    if (const cfn::Value* c = doc.is_map() ? doc.find("Condition") : nullptr; c && r.kind != Change::Modified) {
      row.disagrees = false;
      row.note = "its condition is false in this deployment";
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace ttsgen::diff

namespace ttsgen::diff {

std::string change_sets_report(const std::vector<ChangeSetComparison>& sets, bool markdown) {
  std::string out;
  auto code = [markdown](const std::string& s) { return markdown ? "`" + s + "`" : s; };
  for (const auto& cs : sets) {
    std::string title = "AWS change set " + code(cs.change_set_name) + " of stack " + code(cs.aws_stack_name) + " beside " +
                        code(cs.stack) + " (" + code(cs.file) + ")";
    std::size_t n = cs.disagreements();
    std::string verdict = n == 0 ? "AWS and ttsgen agree on every resource." : std::to_string(n) + (n == 1 ? " disagreement" : " disagreements") + ": look at the resources marked so.";
    if (markdown) {
      out += "\n### " + title + "\n\n" + verdict + "\n\n| Resource | Type | AWS | ttsgen | |\n|---|---|---|---|---|\n";
      for (const auto& r : cs.rows)
        out += "| " + code(r.logical_id) + " | " + code(r.type) + " | " + r.aws + " | " + r.ttsgen + " | " +
               (r.disagrees ? std::string("**disagree**") : std::string("agree")) + (r.note.empty() ? "" : ": " + r.note) + " |\n";
    } else {
      out += "\n" + title + "\n  " + verdict + "\n";
      for (const auto& r : cs.rows)
        out += std::string(r.disagrees ? "  ! " : "    ") + r.logical_id + " (" + r.type + "): AWS " + r.aws + "; ttsgen " + r.ttsgen +
               (r.note.empty() ? "" : " (" + r.note + ")") + "\n";
    }
  }
  return out;
}

nlohmann::ordered_json change_sets_json(const std::vector<ChangeSetComparison>& sets) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& cs : sets) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& r : cs.rows)
      rows.push_back({{"logical_id", r.logical_id}, {"type", r.type}, {"aws", r.aws}, {"ttsgen", r.ttsgen}, {"disagrees", r.disagrees}, {"note", r.note}});
    list.push_back({{"file", cs.file}, {"change_set", cs.change_set_name}, {"aws_stack", cs.aws_stack_name}, {"status", cs.status},
                    {"stack", cs.stack}, {"disagreements", cs.disagreements()}, {"resources", std::move(rows)}});
  }
  return list;
}

}  // namespace ttsgen::diff
