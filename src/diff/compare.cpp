// diff::compare: matches the stacks of two sides by stable key and compares them section by
// section. Resources and exports have their own files (resources.cpp, exports.cpp).
#include <algorithm>
#include <map>

#include "internal.hpp"
#include "resolve.hpp"
#include "ttsgen/cfn/stateful.hpp"
#include "ttsgen/diff/create_only.hpp"
#include "ttsgen/catalog/stack.hpp"

namespace ttsgen::diff {

using cfn::Value;

std::string_view to_string(Replacement r) {
  switch (r) {
    case Replacement::False:
      return "false";
    case Replacement::Conditional:
      return "conditional";
    case Replacement::True:
      return "true";
  }
  return "?";
}

std::string_view to_string(Change c) {
  switch (c) {
    case Change::Added:
      return "added";
    case Change::Removed:
      return "removed";
    case Change::Modified:
      return "modified";
  }
  return "?";
}

std::string_view to_string(StackStatus s) {
  switch (s) {
    case StackStatus::Added:
      return "added";
    case StackStatus::Removed:
      return "removed";
    case StackStatus::Modified:
      return "modified";
    case StackStatus::Unchanged:
      return "unchanged";
  }
  return "?";
}

std::string_view to_string(ExportIssueKind k) {
  switch (k) {
    case ExportIssueKind::RemovedWhileImported:
      return "removed-while-imported";
    case ExportIssueKind::ValueChangedWhileImported:
      return "value-changed-while-imported";
    case ExportIssueKind::Moved:
      return "moved";
  }
  return "?";
}

Replacement StackDiff::worst_replacement() const {
  Replacement worst = Replacement::False;
  for (const auto& r : resources)
    if (r.kind == Change::Modified) worst = std::max(worst, r.replacement);
  return worst;
}

bool ReleaseDiff::has_changes() const {
  return !export_issues.empty() || std::any_of(stacks.begin(), stacks.end(), [](const StackDiff& s) {
           return s.status != StackStatus::Unchanged || s.renamed();
         });
}

namespace {

const Value kEmptyMap = Value::map();
constexpr std::string_view kInterface = "AWS::CloudFormation::Interface";

const Value& section_of(const Value& document, std::string_view name) {
  const Value* s = document.is_map() ? document.find(name) : nullptr;
  return s && s->is_map() ? *s : kEmptyMap;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// `before` with the release strings (and the stack's old name) replaced by their `after` values.
Value with_release_of_after(const Value& before, const std::vector<std::pair<std::string, std::string>>& substitutions) {
  if (!before.is_string()) return before;
  std::string text = before.text();
  for (const auto& [from, to] : substitutions) text = replace_all(text, from, to);
  return Value(text);
}

// Entries of one section (Parameters, Outputs, Conditions, ...) by id: removed and modified in the
// order of `before`, then added in the order of `after`.
std::vector<EntryChange> compare_entries(std::string_view section, const Value& before, const Value& after) {
  std::vector<EntryChange> changes;
  for (const auto& e : before.entries()) {
    const Value* other = after.find(e.key);
    if (!other) {
      changes.push_back(EntryChange{std::string(section), Change::Removed, e.key, e.value, Value(), {}});
      continue;
    }
    auto paths = diff_values(e.value, *other);
    if (!paths.empty())
      changes.push_back(EntryChange{std::string(section), Change::Modified, e.key, e.value, *other, std::move(paths)});
  }
  for (const auto& e : after.entries())
    if (!before.find(e.key)) changes.push_back(EntryChange{std::string(section), Change::Added, e.key, Value(), e.value, {}});
  return changes;
}

const char* const kSections[] = {"Parameters", "Rules", "Mappings", "Conditions", "Resources", "Outputs", "Metadata"};

bool is_section(std::string_view key) {
  return std::find(std::begin(kSections), std::end(kSections), key) != std::end(kSections);
}

// The console group and label of a parameter, from Metadata AWS::CloudFormation::Interface.
void add_console_names(EntryChange& p, const Value& document) {
  const Value& interface = section_of(section_of(document, "Metadata"), kInterface);
  if (const Value* groups = interface.find("ParameterGroups"); groups && groups->is_list()) {
    for (const auto& g : groups->items()) {
      const Value* ids = g.is_map() ? g.find("Parameters") : nullptr;
      const Value* label = g.is_map() ? g.find("Label") : nullptr;
      const Value* name = label && label->is_map() ? label->find("default") : nullptr;
      if (ids && ids->is_list() && name && name->is_string() &&
          std::find(ids->items().begin(), ids->items().end(), Value(p.id)) != ids->items().end())
        p.group = name->text();
    }
  }
  const Value& labels = section_of(interface, "ParameterLabels");
  if (const Value* label = labels.find(p.id); label && label->is_map())
    if (const Value* text = label->find("default"); text && text->is_string()) p.label = text->text();
}

// Parameters that feed a create-only property of a resource that holds data, with what a new
// value would lose: "replaces AuroraCluster (AWS::RDS::DBCluster: StorageEncrypted); the database is lost".
std::map<std::string, std::string> create_only_parameters_of_stateful(const Value& document) {
  std::map<std::string, std::string> out;
  for (const auto& r : section_of(document, "Resources").entries()) {
    const Value* type = r.value.find("Type");
    const cfn::StatefulType* stateful = type && type->is_string() ? cfn::stateful_type(type->text()) : nullptr;
    if (!stateful) continue;
    const Value* policy = r.value.find("UpdateReplacePolicy");
    if (policy && policy->is_string() &&
        (policy->text() == "Retain" || (policy->text() == "Snapshot" && stateful->snapshot_supported)))
      continue;
    for (const auto& p : section_of(r.value, "Properties").entries()) {
      if (create_only(type->text(), "/properties/" + p.key) != CreateOnly::Yes) continue;
      for (const auto& name : detail::parameters_referenced(document, p.value)) {
        std::string& text = out[name];
        text += (text.empty() ? "" : "; ") + std::string("a new value replaces ") + r.key + " (" + type->text() + " " + p.key +
                " is create-only) and " + std::string(stateful->holds) + " is lost";
      }
    }
  }
  return out;
}

void compare_documents(StackDiff& d, const Value& before, const Value& after, const Options& options) {
  auto substitutions = options.release_strings;
  if (d.renamed()) substitutions.emplace_back(d.before_name, d.after_name);

  d.parameters = compare_entries("Parameters", section_of(before, "Parameters"), section_of(after, "Parameters"));
  auto stateful_before = create_only_parameters_of_stateful(before);
  auto stateful_after = create_only_parameters_of_stateful(after);
  for (auto& p : d.parameters) {
    add_console_names(p, p.kind == Change::Removed ? before : after);
    const auto& stateful = p.kind == Change::Removed ? stateful_before : stateful_after;
    if (auto it = stateful.find(p.id); it != stateful.end()) p.data_loss = it->second;
    const Value* old_default = p.before.is_map() ? p.before.find("Default") : nullptr;
    const Value* new_default = p.after.is_map() ? p.after.find("Default") : nullptr;
    p.follows_release = old_default && new_default && *old_default != *new_default &&
                        with_release_of_after(*old_default, options.release_strings) == *new_default;
  }
  d.resources = detail::compare_resources(before, after);
  if (!d.resources.empty()) detail::compare_security(d, before, after);

  // Outputs: the release output changes in every release; only its Value's release string.
  for (auto& change : compare_entries("Outputs", section_of(before, "Outputs"), section_of(after, "Outputs"))) {
    if (change.kind == Change::Modified && change.id == options.release_output) {
      Value normalised = change.before;
      if (Value* v = normalised.find("Value")) *v = with_release_of_after(*v, substitutions);
      if (diff_values(normalised, change.after).empty()) {
        for (auto& c : change.changes) {
          c.path.insert(c.path.begin(), {PathSegment{"Outputs", std::nullopt}, PathSegment{change.id, std::nullopt}});
          d.release_only.push_back(std::move(c));
        }
        continue;
      }
    }
    d.outputs.push_back(std::move(change));
  }

  for (const char* section : {"Conditions", "Mappings", "Rules"}) {
    for (auto& change : compare_entries(section, section_of(before, section), section_of(after, section)))
      d.other.push_back(std::move(change));
  }

  // Metadata: the console layout apart, the rest as entries.
  Value before_metadata = section_of(before, "Metadata");
  Value after_metadata = section_of(after, "Metadata");
  const Value* before_interface = before_metadata.find(kInterface);
  const Value* after_interface = after_metadata.find(kInterface);
  d.console_layout = diff_values(before_interface ? *before_interface : kEmptyMap, after_interface ? *after_interface : kEmptyMap,
                                 key_path({"Metadata", std::string(kInterface)}));
  before_metadata.erase(kInterface);
  after_metadata.erase(kInterface);
  for (auto& change : compare_entries("Metadata", before_metadata, after_metadata)) d.other.push_back(std::move(change));

  // The template's own keys (AWSTemplateFormatVersion, Description, Transform, ...).
  Value before_top = Value::map(), after_top = Value::map();
  for (const auto& e : before.entries())
    if (!is_section(e.key)) before_top.set(e.key, e.key == "Description" ? with_release_of_after(e.value, substitutions) : e.value);
  for (const auto& e : after.entries())
    if (!is_section(e.key)) after_top.set(e.key, e.value);
  for (auto& change : compare_entries("Template", before_top, after_top)) {
    if (change.kind == Change::Modified) change.before = *before.find(change.id);
    d.other.push_back(std::move(change));
  }
  const Value* before_description = before.find("Description");
  const Value* after_description = after.find("Description");
  if (before_description && after_description && *before_description != *after_description &&
      with_release_of_after(*before_description, substitutions) == *after_description)
    d.release_only.push_back(ValueChange{key_path({"Description"}), *before_description, *after_description});

  bool changed = !d.parameters.empty() || !d.resources.empty() || !d.outputs.empty() || !d.other.empty();
  d.status = changed ? StackStatus::Modified : StackStatus::Unchanged;
}

}  // namespace

ReleaseDiff compare(const Side& before, const Side& after, const Options& options) {
  ReleaseDiff result;
  result.from = before.label;
  result.to = after.label;
  result.unmatched_files = before.unmatched_files;
  result.unmatched_files.insert(result.unmatched_files.end(), after.unmatched_files.begin(), after.unmatched_files.end());

  std::map<std::string, const StackDocument*> after_by_key;
  for (const auto& s : after.stacks) after_by_key[s.key] = &s;
  auto missing_in = [](const Side& side, const std::string& key) {
    return std::any_of(side.missing.begin(), side.missing.end(), [&key](const auto& m) { return m.first == key; });
  };

  for (const auto& b : before.stacks) {
    StackDiff d;
    d.key = b.key;
    d.before_name = b.name;
    auto it = after_by_key.find(b.key);
    if (it == after_by_key.end()) {
      if (missing_in(after, b.key)) {
        result.not_compared.emplace_back(b.key, b.name);
        continue;
      }
      d.status = StackStatus::Removed;
    } else {
      d.after_name = it->second->name;
      compare_documents(d, b.document, it->second->document, options);
      after_by_key.erase(it);
    }
    result.stacks.push_back(std::move(d));
  }
  for (const auto& a : after.stacks) {
    if (!after_by_key.count(a.key)) continue;  // matched above
    if (missing_in(before, a.key)) {
      result.not_compared.emplace_back(a.key, a.name);
      continue;
    }
    StackDiff d;
    d.key = a.key;
    d.after_name = a.name;
    d.status = StackStatus::Added;
    d.added_document = a.document;
    result.stacks.push_back(std::move(d));
  }
  std::stable_sort(result.stacks.begin(), result.stacks.end(),
                   [](const StackDiff& x, const StackDiff& y) { return catalog::numbering_less(x.name(), y.name()); });
  std::sort(result.not_compared.begin(), result.not_compared.end(),
            [](const auto& x, const auto& y) { return catalog::numbering_less(x.second, y.second); });

  result.export_issues = detail::export_issues(before, after, result.stacks);
  return result;
}

}  // namespace ttsgen::diff
