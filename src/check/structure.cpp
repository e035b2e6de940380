// The structure check: what CloudFormation itself refuses before looking at any resource.
#include <algorithm>
#include <regex>
#include <set>

#include "ttsgen/cfn/template.hpp"
#include "ttsgen/check/template_checks.hpp"
#include "ttsgen/util/spelling.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

const std::vector<std::string> kSections{"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules",
                                         "Mappings", "Conditions", "Transform", "Resources", "Outputs"};
const std::vector<std::string> kResourceAttributes{"Type", "Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy",
                                                   "CreationPolicy", "UpdatePolicy", "Metadata", "Properties"};
const std::vector<std::string> kParameterKeys{"Type", "Description", "Default", "AllowedValues", "AllowedPattern",
                                              "MinLength", "MaxLength", "MinValue", "MaxValue", "ConstraintDescription",
                                              "NoEcho"};
const std::vector<std::string> kOutputKeys{"Description", "Condition", "Value", "Export"};
const std::vector<std::string> kPolicies{"Delete", "Retain", "Snapshot", "RetainExceptOnCreate"};

bool is_parameter_type(const std::string& t) {
  static const std::set<std::string> plain{"String", "Number", "List<Number>", "CommaDelimitedList"};
  if (plain.count(t)) return true;
  return t.rfind("AWS::", 0) == 0 || t.rfind("List<AWS::", 0) == 0;
}

class Structure {
 public:
  explicit Structure(const Value& doc) : doc_(doc) {}

  std::vector<Finding> run() {
    if (!doc_.is_map()) {
      problem("", "", "a template is a map of sections, not " + describe(doc_));
      return std::move(findings_);
    }
    for (const auto& e : doc_.entries()) unknown_key(e.key, kSections, "", "", "section");
    if (const Value* v = doc_.find("AWSTemplateFormatVersion"); v && !(v->is_string() && v->text() == "2010-09-09"))
      problem("AWSTemplateFormatVersion", "", "AWSTemplateFormatVersion must be '2010-09-09', not " + describe(*v));
    const Value* resources = doc_.find("Resources");
    if (!resources || !resources->is_map() || resources->size() == 0) problem("Resources", "", "a template needs at least one resource");
    for_each("Parameters", [this](const std::string& id, const Value& p, const std::string& path) { parameter(id, p, path); });
    for_each("Resources", [this](const std::string& id, const Value& r, const std::string& path) { resource(id, r, path); });
    for_each("Outputs", [this](const std::string& id, const Value& o, const std::string& path) { output(id, o, path); });
    for_each("Conditions", [](const std::string&, const Value&, const std::string&) {});
    for_each("Mappings", [](const std::string&, const Value&, const std::string&) {});
    return std::move(findings_);
  }

 private:
  void problem(std::string path, std::string id, std::string message) {
    Finding f;
    f.rule = "structure";
    f.logical_id = std::move(id);
    f.path = std::move(path);
    f.message = std::move(message);
    findings_.push_back(std::move(f));
  }

  void unknown_key(const std::string& key, const std::vector<std::string>& known, const std::string& path,
                   const std::string& id, const char* what) {
    if (std::find(known.begin(), known.end(), key) != known.end()) return;
    auto hint = util::closest_match(key, known);
    problem(path.empty() ? key : path + "." + key, id,
            std::string("unknown ") + what + " '" + key + "'" + (hint ? "; did you mean '" + *hint + "'?" : ""));
  }

  template <typename F>
  void for_each(const char* section, F check) {
    const Value* s = doc_.find(section);
    if (!s) return;
    if (!s->is_map()) return problem(section, "", std::string(section) + " must be a map, not " + describe(*s));
    for (const auto& e : s->entries()) {
      std::string path = std::string(section) + "." + e.key;
      if (!cfn::is_valid_logical_id(e.key)) problem(path, e.key, "logical id '" + e.key + "' is not 1-255 letters and digits");
      check(e.key, e.value, path);
    }
  }

  void parameter(const std::string& id, const Value& p, const std::string& path) {
    if (!p.is_map()) return problem(path, id, "a parameter is a map, not " + describe(p));
    for (const auto& e : p.entries()) unknown_key(e.key, kParameterKeys, path, id, "parameter key");
    const Value* type = p.find("Type");
    if (!type || !type->is_string()) return problem(path, id, "parameter without a Type");
    if (!is_parameter_type(type->text())) problem(path + ".Type", id, "unknown parameter type '" + type->text() + "'");
    const Value* def = p.find("Default");
    if (!def || !def->is_string()) return;
    if (const Value* allowed = p.find("AllowedValues"); allowed && allowed->is_list() && type->text() == "String") {
      bool ok = std::any_of(allowed->items().begin(), allowed->items().end(),
                            [&](const Value& a) { return a.is_string() && a.text() == def->text(); });
      if (!ok) problem(path + ".Default", id, "default '" + def->text() + "' is not among the AllowedValues");
    }
    if (const Value* pattern = p.find("AllowedPattern"); pattern && pattern->is_string() && type->text() == "String") {
      try {
        // CloudFormation matches AllowedPattern against the whole value.
        if (!std::regex_match(def->text(), std::regex(pattern->text(), std::regex::ECMAScript)))
          problem(path + ".Default", id, "default '" + def->text() + "' does not match the AllowedPattern " + pattern->text());
      } catch (const std::regex_error&) {
        problem(path + ".AllowedPattern", id, "AllowedPattern " + pattern->text() + " is not a valid regular expression");
      }
    }
  }

  void resource(const std::string& id, const Value& r, const std::string& path) {
    if (!r.is_map()) return problem(path, id, "a resource is a map, not " + describe(r));
    for (const auto& e : r.entries()) unknown_key(e.key, kResourceAttributes, path, id, "resource attribute");
    const Value* type = r.find("Type");
    if (!type || !type->is_string() || type->text().empty()) problem(path, id, "resource without a Type");
    for (const char* policy : {"DeletionPolicy", "UpdateReplacePolicy"}) {
      const Value* v = r.find(policy);
      if (v && !(v->is_string() && std::find(kPolicies.begin(), kPolicies.end(), v->text()) != kPolicies.end()))
        problem(path + "." + policy, id, describe(*v) + " is not a valid " + policy + "; valid: Delete, Retain, Snapshot, RetainExceptOnCreate");
    }
    if (const Value* props = r.find("Properties"); props && !props->is_map())
      problem(path + ".Properties", id, "Properties must be a map, not " + describe(*props));
  }

  void output(const std::string& id, const Value& o, const std::string& path) {
    if (!o.is_map()) return problem(path, id, "an output is a map, not " + describe(o));
    for (const auto& e : o.entries()) unknown_key(e.key, kOutputKeys, path, id, "output key");
    if (!o.find("Value")) problem(path, id, "output without a Value");
    if (const Value* exp = o.find("Export"); exp && !(exp->is_map() && exp->find("Name")))
      problem(path + ".Export", id, "Export needs a Name");
  }

  const Value& doc_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> check_structure(const Value& document) { return Structure(document).run(); }

}  // namespace ttsgen::check
