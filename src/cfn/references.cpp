#include "ttsgen/cfn/references.hpp"

#include <algorithm>
#include <set>

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

class Checker {
 public:
  explicit Checker(const Template& t) : t_(t) {}

  std::vector<ReferenceProblem> run() {
    for (const auto& p : t_.parameters())
      if (p.default_value()) walk(*p.default_value(), "Parameters." + p.id() + ".Default", Scope::Parameters);
    for (const auto& r : t_.rules()) walk(r.to_value(), "Rules." + r.id(), Scope::Rules);
    for (const auto& c : t_.conditions()) walk(c.expression(), "Conditions." + c.id(), Scope::Conditions);
    for (const auto& r : t_.resources()) {
      std::string path = "Resources." + r.id();
      if (!r.condition_id().empty()) need_condition(r.condition_id(), path + ".Condition");
      for (const auto& d : r.dependencies())
        if (!t_.find_resource(d)) problem(path + ".DependsOn", "DependsOn undefined resource '" + d + "'");
      walk(r.properties(), path + ".Properties", Scope::Resources);
    }
    for (const auto& o : t_.outputs()) {
      std::string path = "Outputs." + o.id();
      if (!o.condition_id().empty()) need_condition(o.condition_id(), path + ".Condition");
      walk(o.value(), path + ".Value", Scope::Resources);
      if (o.export_name()) walk(*o.export_name(), path + ".Export.Name", Scope::Resources);
    }
    return std::move(problems_);
  }

 private:
  // Conditions and Rules may only Ref parameters; resources and outputs may Ref resources too.
  enum class Scope { Parameters, Rules, Conditions, Resources };

  void problem(std::string path, std::string message) {
    problems_.push_back(ReferenceProblem{std::move(path), std::move(message)});
  }

  void need_condition(const std::string& id, const std::string& path) {
    if (!t_.find_condition(id)) problem(path, "undefined condition '" + id + "'");
  }

  void need_ref_target(const std::string& name, const std::string& path, Scope scope,
                       const std::set<std::string>& locals = {}) {
    if (locals.count(name) || is_pseudo_parameter(name) || t_.find_parameter(name)) return;
    if (t_.find_resource(name)) {
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
      if (!t_.find_resource(arg.items()[0].text()))
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
      if (arg.items()[0].is_string() && !t_.find_mapping(arg.items()[0].text()))
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
        if (!t_.find_resource(resource)) problem(path, "${" + var + "} names undefined resource '" + resource + "'");
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

  const Template& t_;
  std::vector<ReferenceProblem> problems_;
};

}  // namespace

std::vector<ReferenceProblem> check_references(const Template& t) { return Checker(t).run(); }

}  // namespace ttsgen::cfn
