// The stable-export check of validate (production_checks.hpp). CloudFormation refuses to update
// an export's value while another stack imports it; an export whose value changes with every
// update of its resource (a task definition is replaced, so its Ref, a revision ARN, changes) makes
// every such update of the exporting stack fail as long as the importer exists.
#include <algorithm>

#include "ttsgen/check/contracts.hpp"
#include "ttsgen/check/production_checks.hpp"
#include "walk.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

// Values that change on updates: the Ref of a type that every property change replaces or
// versions, and attributes that name a version.
struct Unstable {
  std::string_view type;
  std::string_view attribute;  // "" for Ref
  std::string_view why;
};
constexpr Unstable kUnstable[] = {
    {"AWS::ECS::TaskDefinition", "", "a task definition revision ARN, new whenever the task definition changes (every image update)"},
    {"AWS::Lambda::Version", "", "a function version ARN, new with every published version"},
    {"AWS::EC2::LaunchTemplate", "LatestVersionNumber", "the launch template's latest version, new with every change"},
    {"AWS::Lambda::LayerVersion", "", "a layer version ARN, new with every change"},
};

// Why the output's value changes on update, or "" when it does not (as far as can be told).
std::string unstable(const Value& value, const Value& resources) {
  std::string why;
  walk::each_branch(value, "", [&](const Value& v, const std::string&) {
    std::string target, attribute;
    if (v.is_function("Ref") && v.argument().is_string()) {
      target = v.argument().text();
    } else if (v.is_function("Fn::GetAtt") && v.argument().is_list() && v.argument().size() == 2 && v.argument().items()[0].is_string() &&
               v.argument().items()[1].is_string()) {
      target = v.argument().items()[0].text();
      attribute = v.argument().items()[1].text();
    } else {
      return;
    }
    const Value* r = resources.is_map() ? resources.find(target) : nullptr;
    const Value* type = r && r->is_map() ? r->find("Type") : nullptr;
    if (!type || !type->is_string()) return;
    for (const Unstable& u : kUnstable)
      if (u.type == type->text() && u.attribute == attribute) why = std::string(u.why);
  });
  return why;
}

}  // namespace

std::vector<Finding> check_stable_exports(const TemplateSet& set) {
  std::vector<Contracts> contracts;
  for (const auto& t : set.templates) contracts.push_back(t.parsed->error.empty() ? contracts_of(t.parsed->document) : Contracts{});
  std::vector<Finding> out;
  for (std::size_t i = 0; i < set.templates.size(); ++i) {
    const auto& t = set.templates[i];
    if (!t.parsed->error.empty()) continue;
    const Value& doc = t.parsed->document;
    const Value* outputs = doc.find("Outputs");
    const Value* resources = doc.find("Resources");
    if (!outputs || !outputs->is_map() || !resources) continue;
    for (const ExportSite& e : contracts[i].exports) {
      const Value* output = outputs->find(e.output_id);
      const Value* value = output && output->is_map() ? output->find("Value") : nullptr;
      if (!value) continue;
      std::string why = unstable(*value, *resources);
      if (why.empty()) continue;
      std::string importer;
      for (std::size_t j = 0; j < set.templates.size() && importer.empty(); ++j) {
        if (j == i) continue;
        for (const ImportSite& im : contracts[j].imports)
          for (const auto& exported : e.name.expansions)
            for (const auto& imported : im.name.expansions)
              if (importer.empty() && names_match(exported, imported)) importer = set.templates[j].name;
      }
      if (importer.empty()) continue;
      Finding f;
      f.rule = "stable-export";
      f.stack = t.name;
      f.logical_id = e.output_id;
      f.path = "Outputs." + e.output_id + ".Value";
      f.message = "export " + e.name.text + " is " + why + ", and " + importer +
                  " imports it: CloudFormation refuses to change an export in use, so updating " + t.name +
                  " fails; export a value that stays (a family, a name) instead";
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace ttsgen::check
