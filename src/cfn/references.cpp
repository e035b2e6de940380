#include "ttsgen/cfn/references.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <string_view>

namespace ttsgen::cfn {

bool is_pseudo_parameter(const std::string& name) {
  static const std::set<std::string> names{"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
                                           "AWS::Partition", "AWS::Region",           "AWS::StackId",
                                           "AWS::StackName", "AWS::URLSuffix"};
  return names.count(name) > 0;
}

std::vector<std::string> sub_variables(const std::string& text) {
  std::vector<std::string> vars;
  std::size_t pos = 0;
  while ((pos = text.find("${", pos)) != std::string::npos) {
    std::size_t end = text.find('}', pos + 2);
    if (end == std::string::npos) break;
    std::string name = text.substr(pos + 2, end - pos - 2);
    if (!name.empty() && name.front() != '!') vars.push_back(name);
    pos = end + 1;
  }
  return vars;
}

namespace {

// The ids a template declares, read from its document (the rendered tree, or a parsed file).
struct Declared {
  std::set<std::string, std::less<>> parameters, resources, conditions, mappings;

  explicit Declared(const Value& document) {
    collect(document, "Parameters", parameters);
    collect(document, "Resources", resources);
    collect(document, "Conditions", conditions);
    collect(document, "Mappings", mappings);
  }

  static void collect(const Value& document, std::string_view section, std::set<std::string, std::less<>>& ids) {
    const Value* s = document.is_map() ? document.find(section) : nullptr;
    if (s && s->is_map())
      for (const auto& e : s->entries()) ids.insert(e.key);
  }
};

class Checker {
 public:
  explicit Checker(const Value& document) : doc_(document), declared_(document) {}

  std::vector<ReferenceProblem> run() {
    for (const auto& p : section("Parameters"))
      if (const Value* d = p.value.is_map() ? p.value.find("Default") : nullptr)
        walk(*d, "Parameters." + p.key + ".Default", Scope::Parameters);
    for (const auto& r : section("Rules")) walk(r.value, "Rules." + r.key, Scope::Rules);
    for (const auto& c : section("Conditions")) walk(c.value, "Conditions." + c.key, Scope::Conditions);
    for (const auto& r : section("Resources")) {
      if (!r.value.is_map()) continue;  // the structure check reports it
      std::string path = "Resources." + r.key;
      need_condition_attribute(r.value, path);
      if (const Value* deps = r.value.find("DependsOn")) {
        std::vector<const Value*> ids;
        if (deps->is_list())
          for (const auto& d : deps->items()) ids.push_back(&d);
        else
          ids.push_back(deps);
        for (const Value* d : ids)
          if (!d->is_string() || !declared_.resources.count(d->text()))
            problem(path + ".DependsOn", "DependsOn undefined resource '" + (d->is_string() ? d->text() : describe(*d)) + "'");
      }
      if (const Value* props = r.value.find("Properties")) walk(*props, path + ".Properties", Scope::Resources);
    }
    for (const auto& o : section("Outputs")) {
      if (!o.value.is_map()) continue;
      std::string path = "Outputs." + o.key;
      need_condition_attribute(o.value, path);
      if (const Value* v = o.value.find("Value")) walk(*v, path + ".Value", Scope::Resources);
      const Value* exp = o.value.find("Export");
      if (const Value* name = exp && exp->is_map() ? exp->find("Name") : nullptr) walk(*name, path + ".Export.Name", Scope::Resources);
    }
    return std::move(problems_);
  }

 private:
  // Conditions and Rules may only Ref parameters; resources and outputs may Ref resources too.
  enum class Scope { Parameters, Rules, Conditions, Resources };

  const std::vector<Value::Entry>& section(std::string_view name) const {
    static const std::vector<Value::Entry> none;
    const Value* s = doc_.is_map() ? doc_.find(name) : nullptr;
    return s && s->is_map() ? s->entries() : none;
  }

  void problem(std::string path, std::string message) {
    problems_.push_back(ReferenceProblem{std::move(path), std::move(message)});
  }

  void need_condition(const std::string& id, const std::string& path) {
    if (!declared_.conditions.count(id)) problem(path, "undefined condition '" + id + "'");
  }

  void need_condition_attribute(const Value& part, const std::string& path) {
    if (const Value* c = part.find("Condition")) {
      if (!c->is_string()) return problem(path + ".Condition", "Condition needs a condition name");
      need_condition(c->text(), path + ".Condition");
    }
  }

  void need_ref_target(const std::string& name, const std::string& path, Scope scope,
                       const std::set<std::string>& locals = {}) {
    if (locals.count(name) || is_pseudo_parameter(name) || declared_.parameters.count(name)) return;
    if (declared_.resources.count(name)) {
      if (scope == Scope::Conditions || scope == Scope::Rules)
        problem(path, "reference to resource '" + name + "' where only parameters may be referenced");
      return;
    }
    problem(path, "reference to undefined '" + name + "'");
  }

  void check_function(const Value& v, const std::string& path, Scope scope) {
    const std::string& name = v.text();
    const Value& arg = v.argument();
    if (name == "Ref") {
      if (!arg.is_string()) return problem(path, "Ref needs a logical id");
      need_ref_target(arg.text(), path, scope);
    } else if (name == "Fn::GetAtt") {
      if (!arg.is_list() || arg.size() != 2 || !arg.items()[0].is_string())
        return problem(path, "Fn::GetAtt needs [resource, attribute]");
      if (!declared_.resources.count(arg.items()[0].text()))
        problem(path, "Fn::GetAtt of undefined resource '" + arg.items()[0].text() + "'");
    } else if (name == "Fn::Sub") {
      check_sub(arg, path, scope);
    } else if (name == "Condition") {
      if (!arg.is_string()) return problem(path, "Condition needs a condition name");
      need_condition(arg.text(), path);
    } else if (name == "Fn::If") {
      if (!arg.is_list() || arg.size() != 3 || !arg.items()[0].is_string())
        return problem(path, "Fn::If needs [condition, value if true, value if false]");
      need_condition(arg.items()[0].text(), path);
    } else if (name == "Fn::FindInMap") {
      if (!arg.is_list() || arg.size() != 3) return problem(path, "Fn::FindInMap needs [map, key, key]");
      if (arg.items()[0].is_string() && !declared_.mappings.count(arg.items()[0].text()))
        problem(path, "Fn::FindInMap of undefined mapping '" + arg.items()[0].text() + "'");
    }
  }

  void check_sub(const Value& arg, const std::string& path, Scope scope) {
    const Value* text = &arg;
    std::set<std::string> locals;
    if (arg.is_list()) {
      if (arg.size() != 2 || !arg.items()[0].is_string() || !arg.items()[1].is_map())
        return problem(path, "Fn::Sub needs a string or [string, variables]");
      text = &arg.items()[0];
      for (const auto& e : arg.items()[1].entries()) locals.insert(e.key);
    }
    if (!text->is_string()) return problem(path, "Fn::Sub needs a string");
    for (const auto& var : sub_variables(text->text())) {
      std::size_t dot = var.find('.');
      if (dot != std::string::npos && !locals.count(var) && !is_pseudo_parameter(var)) {
        std::string resource = var.substr(0, dot);
        if (!declared_.resources.count(resource)) problem(path, "${" + var + "} names undefined resource '" + resource + "'");
      } else {
        need_ref_target(var, path, scope, locals);
      }
    }
  }

  void walk(const Value& v, const std::string& path, Scope scope) {
    switch (v.kind()) {
      case Value::Kind::Function:
        check_function(v, path, scope);
        walk(v.argument(), path + "." + v.text(), scope);
        break;
      case Value::Kind::List:
        for (std::size_t i = 0; i < v.items().size(); ++i) walk(v.items()[i], path + "[" + std::to_string(i) + "]", scope);
        break;
      case Value::Kind::Map:
        for (const auto& e : v.entries()) walk(e.value, path + "." + e.key, scope);
        break;
      default:
        break;
    }
  }

  const Value& doc_;
  Declared declared_;
  std::vector<ReferenceProblem> problems_;
};

}  // namespace

std::vector<ReferenceProblem> check_references(const Value& document) { return Checker(document).run(); }

std::vector<ReferenceProblem> check_references(const Template& t) { return check_references(t.to_value()); }

}  // namespace ttsgen::cfn
