// JSON for programs: everything the engine found, including what text and Markdown leave out
// (release-only changes and the console layout). Values are CloudFormation JSON (long-form
// intrinsics). See docs/cli.md for the shape.
#include "ttsgen/diff/format.hpp"
#include "ttsgen/render/render.hpp"

namespace ttsgen::diff {

namespace {

using Json = nlohmann::ordered_json;

Json value_json(const cfn::Value& v) { return Json::parse(render::to_json(v)); }

Json path_json(const Path& path) {
  Json segments = Json::array();
  for (const auto& s : path) {
    if (s.index) {
      segments.push_back(*s.index);
    } else {
      segments.push_back(s.key);
    }
  }
  return segments;
}

Json change_json(const ValueChange& c) {
  Json j;
  j["path"] = to_string(c.path);
  j["segments"] = path_json(c.path);
  j["before"] = c.before ? value_json(*c.before) : Json();
  j["after"] = c.after ? value_json(*c.after) : Json();
  if (!c.before) j["change"] = "added";
  else if (!c.after) j["change"] = "removed";
  else j["change"] = "modified";
  return j;
}

template <typename Item, typename ToJson>
Json list_json(const std::vector<Item>& items, ToJson to_json_item) {
  Json list = Json::array();
  for (const auto& item : items) list.push_back(to_json_item(item));
  return list;
}

Json changes_json(const std::vector<ValueChange>& changes) { return list_json(changes, change_json); }

Json entry_json(const EntryChange& e) {
  Json j;
  if (e.section != "Parameters" && e.section != "Outputs") j["section"] = e.section;
  j["id"] = e.id;
  j["change"] = std::string(to_string(e.kind));
  if (!e.label.empty()) j["label"] = e.label;
  if (!e.group.empty()) j["group"] = e.group;
  if (e.kind != Change::Added) j["before"] = value_json(e.before);
  if (e.kind != Change::Removed) j["after"] = value_json(e.after);
  if (e.kind == Change::Modified) j["changes"] = changes_json(e.changes);
  if (!e.data_loss.empty()) j["data_loss"] = e.data_loss;
  return j;
}

Json entries_json(const std::vector<EntryChange>& entries) { return list_json(entries, entry_json); }

Json resource_json(const ResourceChange& r) {
  Json j;
  j["id"] = r.id;
  j["type"] = r.type;
  j["change"] = std::string(to_string(r.kind));
  if (!r.previous_id.empty()) j["previous_id"] = r.previous_id;
  if (!r.previous_type.empty()) j["previous_type"] = r.previous_type;
  if (r.kind == Change::Modified) {
    j["replacement"] = std::string(to_string(r.replacement));
    if (r.replacement == Replacement::Conditional) j["depends_on"] = r.depends_on;
    j["new_revision"] = r.new_revision;
    j["reasons"] = r.reasons;
    Json changes = Json::array();
    for (const auto& p : r.changes) {
      Json c = change_json(p.change);
      c["replacement"] = std::string(to_string(p.replacement));
      if (!p.reason.empty()) c["reason"] = p.reason;
      if (p.replacement == Replacement::Conditional) c["depends_on"] = p.depends_on;
      changes.push_back(std::move(c));
    }
    j["changes"] = std::move(changes);
  }
  if (!r.data_loss.empty()) j["data_loss"] = r.data_loss;
  if (r.kind == Change::Added) j["after"] = value_json(r.after);
  if (r.kind == Change::Removed) j["before"] = value_json(r.before);
  return j;
}

Json stack_json(const StackDiff& s) {
  Json j;
  j["key"] = s.key;
  j["name"] = s.name();
  j["status"] = std::string(to_string(s.status));
  j["before_name"] = s.before_name.empty() ? Json() : Json(s.before_name);
  j["after_name"] = s.after_name.empty() ? Json() : Json(s.after_name);
  j["renamed"] = s.renamed();
  j["replacement"] = std::string(to_string(s.worst_replacement()));
  j["parameters"] = entries_json(s.parameters);
  j["resources"] = list_json(s.resources, resource_json);
  j["outputs"] = entries_json(s.outputs);
  j["other"] = entries_json(s.other);
  j["security_rules"] = list_json(s.security_rules, [](const SecurityChange<SecurityRule>& c) {
    const SecurityRule& x = c.item;
    return Json{{"change", std::string(to_string(c.kind))}, {"group", x.group},     {"direction", x.direction},
                {"protocol", x.protocol},                  {"ports", x.ports},     {"peer", x.peer},
                {"description", x.description},            {"when", x.when},       {"source", x.source}};
  });
  j["iam_statements"] = list_json(s.iam_statements, [](const SecurityChange<IamStatement>& c) {
    const IamStatement& x = c.item;
    return Json{{"change", std::string(to_string(c.kind))}, {"resource", x.resource},   {"policy", x.policy},
                {"effect", x.effect},                      {"principal", x.principal}, {"actions", x.actions},
                {"resources", x.resources},                {"conditions", x.conditions}, {"when", x.when}};
  });
  j["console_layout"] = changes_json(s.console_layout);
  j["release_only"] = changes_json(s.release_only);
  return j;
}

}  // namespace

Json to_json_value(const ReleaseDiff& d) {
  Json j;
  j["from"] = d.from;
  j["to"] = d.to;
  j["has_changes"] = d.has_changes();
  j["notes"] = d.notes;
  Json issues = Json::array();
  for (const auto& i : d.export_issues) {
    Json consumers = Json::array();
    for (const auto& c : i.consumers) consumers.push_back({{"stack", c.stack}, {"reason", c.reason}});
    issues.push_back({{"kind", std::string(to_string(i.kind))},
                      {"export", i.export_name},
                      {"producer", i.producer},
                      {"certain", i.certain},
                      {"detail", i.detail},
                      {"consumers", std::move(consumers)}});
  }
  j["export_issues"] = std::move(issues);
  j["stacks"] = list_json(d.stacks, stack_json);
  Json not_compared = Json::array();
  for (const auto& [key, name] : d.not_compared) not_compared.push_back({{"key", key}, {"name", name}});
  j["not_compared"] = std::move(not_compared);
  j["unmatched_files"] = d.unmatched_files;
  return j;
}

std::string to_json(const ReleaseDiff& d) { return to_json_value(d).dump(2) + "\n"; }

}  // namespace ttsgen::diff
