// Cross-stack hazards of an update. CloudFormation refuses to delete an export, or to change its
// value, while another stack imports it, and the stacks of a cluster are updated one by one in
// numbering order. So an export that disappears, moves or changes value is a problem when a stack
// still imports it at the moment its producer is updated:
// - a stack of the new release that still imports it (the new release is inconsistent);
// - a stack of the old release that imports it and is updated after the producer, or is removed
//   in the new release (it still imports the old export when the producer is updated).
// Export names are matched with their placeholders made anonymous, because a stack deployed once
// per purpose is exported as ...-redis-${Purpose}-... and imported as ...-redis-${CacheCluster}-...
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "internal.hpp"
#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/cfn/references.hpp"
#include "ttsgen/render/render.hpp"

namespace ttsgen::diff {

using cfn::Value;

std::string export_name_text(const Value& name) {
  if (name.is_string()) return name.text();
  if (name.is_function("Fn::Sub")) {
    const Value& arg = name.argument();
    if (arg.is_string()) return arg.text();
    if (arg.is_list() && arg.size() > 0 && arg.items()[0].is_string()) return arg.items()[0].text();
  }
  std::string json = render::to_json(name);
  json.erase(std::remove(json.begin(), json.end(), '\n'), json.end());
  return json;
}

namespace detail {

namespace {

// "${A}-x-${B}" → "${}-x-${}"; "${!Literal}" stays.
std::string match_key(const std::string& name) {
  static const std::regex placeholder(R"(\$\{[^!}][^}]*\})");
  return std::regex_replace(name, placeholder, "${}");
}

struct Exported {
  std::string name;   // as the producer writes it
  std::string stack;  // producer's published name
  std::string key;    // producer's stable key
  std::string output; // logical id of the output
  Value value;
};

std::map<std::string, Exported> exports_of(const Side& side) {
  std::map<std::string, Exported> exports;
  for (const auto& s : side.stacks) {
    const Value* outputs = s.document.is_map() ? s.document.find("Outputs") : nullptr;
    if (!outputs || !outputs->is_map()) continue;
    for (const auto& o : outputs->entries()) {
      const Value* e = o.value.is_map() ? o.value.find("Export") : nullptr;
      const Value* name = e && e->is_map() ? e->find("Name") : nullptr;
      if (!name) continue;
      const Value* value = o.value.find("Value");
      std::string text = export_name_text(*name);
      exports.emplace(match_key(text), Exported{text, s.name, s.key, o.key, value ? *value : Value()});
    }
  }
  return exports;
}

void collect_imports(const Value& v, std::set<std::string>& out) {
  if (v.is_function("Fn::ImportValue")) out.insert(match_key(export_name_text(v.argument())));
  for (const auto& item : v.items()) collect_imports(item, out);
  for (const auto& e : v.entries()) collect_imports(e.value, out);
}

// Stack key → match keys of the exports it imports.
std::map<std::string, std::set<std::string>> imports_of(const Side& side) {
  std::map<std::string, std::set<std::string>> imports;
  for (const auto& s : side.stacks) collect_imports(s.document, imports[s.key]);
  return imports;
}

// Logical ids the value refers to: Ref, Fn::GetAtt, ${X} and ${X.Attr} in Fn::Sub.
void collect_references(const Value& v, std::set<std::string>& out) {
  if (v.is_function("Ref") && v.argument().is_string()) out.insert(v.argument().text());
  if (v.is_function("Fn::GetAtt")) {
    const Value& arg = v.argument();
    if (arg.is_list() && arg.size() > 0 && arg.items()[0].is_string()) out.insert(arg.items()[0].text());
    if (arg.is_string()) out.insert(arg.text().substr(0, arg.text().find('.')));
  }
  if (v.is_function("Fn::Sub")) {
    const Value& arg = v.argument();
    const Value* text = arg.is_string() ? &arg : (arg.is_list() && arg.size() > 0 ? &arg.items()[0] : nullptr);
    if (text && text->is_string())
      for (const auto& var : cfn::sub_variables(text->text())) out.insert(var.substr(0, var.find('.')));
  }
  for (const auto& item : v.items()) collect_references(item, out);
  for (const auto& e : v.entries()) collect_references(e.value, out);
}

}  // namespace

std::vector<ExportIssue> export_issues(const Side& before, const Side& after, const std::vector<StackDiff>& stacks) {
  auto before_exports = exports_of(before);
  auto after_exports = exports_of(after);
  auto before_imports = imports_of(before);
  auto after_imports = imports_of(after);

  std::map<std::string, const StackDiff*> diff_by_key;
  for (const auto& d : stacks) diff_by_key[d.key] = &d;
  // The name a stack has in the new release, or in the old one if it was removed.
  auto current_name = [&](const std::string& key, const std::string& fallback) {
    auto it = diff_by_key.find(key);
    return it == diff_by_key.end() ? fallback : it->second->name();
  };
  auto is_removed = [&](const std::string& key) {
    auto it = diff_by_key.find(key);
    return it != diff_by_key.end() && it->second->status == StackStatus::Removed;
  };

  // The stacks that import `match` at the moment the producer (`producer_key`) is updated: those
  // updated before it import what the new release says, those updated after it what the old says.
  auto blocking_consumers = [&](const std::string& match, const std::string& producer_key, bool removed) {
    std::vector<ExportConsumer> consumers;
    std::string producer = current_name(producer_key, "");
    auto add = [&consumers](const std::string& name, std::string reason) {
      if (std::none_of(consumers.begin(), consumers.end(), [&](const ExportConsumer& c) { return c.stack == name; }))
        consumers.push_back({name, std::move(reason)});
    };
    for (const auto& s : after.stacks) {
      if (s.key == producer_key || !after_imports[s.key].count(match)) continue;
      if (catalog::numbering_less(s.name, producer))
        add(s.name, "is updated before " + producer + " and still imports it in " + after.label);
      else if (removed)
        add(s.name, "still imports it in " + after.label);
    }
    for (const auto& s : before.stacks) {
      if (s.key == producer_key || !before_imports[s.key].count(match)) continue;
      std::string name = current_name(s.key, s.name);
      if (is_removed(s.key))
        add(name, "imports it and is removed in " + after.label + ": delete it before updating " + producer);
      else if (catalog::numbering_less(producer, name))
        add(name, "imports it in " + before.label + " and is updated after " + producer + " in numbering order");
    }
    return consumers;
  };

  std::vector<ExportIssue> issues;
  for (const auto& [match, old] : before_exports) {
    auto now = after_exports.find(match);
    if (now == after_exports.end()) {
      ExportIssue issue{ExportIssueKind::RemovedWhileImported, old.name, current_name(old.key, old.stack), "", true,
                        blocking_consumers(match, old.key, true)};
      if (is_removed(old.key)) issue.detail = "the producing stack is removed";
      if (!issue.consumers.empty()) issues.push_back(std::move(issue));
      continue;
    }
    if (now->second.key != old.key) {
      ExportIssue issue{ExportIssueKind::Moved, old.name, current_name(old.key, old.stack),
                        "now exported by " + now->second.stack + "; an export name must be unique in the region, so " +
                            current_name(old.key, old.stack) + " must drop it before " + now->second.stack + " can add it",
                        true, blocking_consumers(match, old.key, false)};
      issues.push_back(std::move(issue));
      continue;
    }
    // Same producer: does the value change, directly or because the resource it names is replaced?
    std::vector<ExportConsumer> consumers = blocking_consumers(match, old.key, false);
    if (consumers.empty()) continue;
    ExportIssue issue{ExportIssueKind::ValueChangedWhileImported, old.name, now->second.stack, "", true, consumers};
    if (!diff_values(old.value, now->second.value).empty()) {
      issue.detail = "the exported value changes";
      issue.certain = !has_intrinsics(old.value) && !has_intrinsics(now->second.value);
      if (!issue.certain) issue.detail += " (an expression: CloudFormation refuses the update only if the resolved value changes)";
      issues.push_back(std::move(issue));
      continue;
    }
    std::set<std::string> referenced;
    collect_references(now->second.value, referenced);
    auto d = diff_by_key.find(now->second.key);
    if (d == diff_by_key.end()) continue;
    for (const auto& r : d->second->resources) {
      if (r.kind != Change::Modified || r.replacement == Replacement::False || !referenced.count(r.id)) continue;
      issue.certain = r.replacement == Replacement::True;
      issue.detail = "the exported value names " + r.id + ", which is " +
                     (issue.certain ? "replaced" : "possibly replaced") + ", so its value changes";
      issues.push_back(std::move(issue));
      break;
    }
  }
  return issues;
}

}  // namespace detail

}  // namespace ttsgen::diff
