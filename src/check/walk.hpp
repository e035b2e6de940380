#pragma once
// Walking a template document as CloudFormation evaluates it: both branches of Fn::If, lists whose
// items may be Fn::If, the policy statements of IAM resources. Shared by the security baseline
// (security.cpp) and the production checks (production_checks.hpp).

#include <functional>
#include <string>

#include "ttsgen/cfn/value.hpp"

namespace ttsgen::check::walk {

using cfn::Value;
using Visit = std::function<void(const Value&, const std::string&)>;

inline bool is_no_value(const Value& v) {
  return v.is_function("Ref") && v.argument().is_string() && v.argument().text() == "AWS::NoValue";
}

// Calls f on every value `v` can take: both branches of Fn::If (recursively), except
// AWS::NoValue; other values as they are.
inline void each_branch(const Value& v, const std::string& path, const Visit& f) {
  if (v.is_function("Fn::If") && v.argument().is_list() && v.argument().size() == 3) {
    for (std::size_t i : {std::size_t{1}, std::size_t{2}})
      if (!is_no_value(v.argument().items()[i])) each_branch(v.argument().items()[i], path + ".Fn::If[" + std::to_string(i) + "]", f);
    return;
  }
  f(v, path);
}

// Each item of a list (items may be Fn::If too); a scalar counts as a list of one.
inline void each_item(const Value& v, const std::string& path, const Visit& f) {
  each_branch(v, path, [&](const Value& list, const std::string& at) {
    if (!list.is_list()) return f(list, at);
    for (std::size_t i = 0; i < list.size(); ++i) each_branch(list.items()[i], at + "[" + std::to_string(i) + "]", f);
  });
}

// Every resource of the document with its type: f(logical id, resource, type).
inline void each_resource(const Value& doc, const std::function<void(const std::string&, const Value&, const std::string&)>& f) {
  const Value* resources = doc.is_map() ? doc.find("Resources") : nullptr;
  if (!resources || !resources->is_map()) return;
  for (const auto& r : resources->entries()) {
    const Value* type = r.value.is_map() ? r.value.find("Type") : nullptr;
    if (type && type->is_string()) f(r.key, r.value, type->text());
  }
}

// Every policy statement of an IAM role (Policies), policy or managed policy (PolicyDocument),
// with its path; `resource` is the resource's value.
inline void each_statement(const Value& resource, const std::string& type, const std::string& base, const Visit& f) {
  const Value* props = resource.find("Properties");
  if (!props || !props->is_map()) return;
  auto document = [&](const Value* doc, const std::string& path) {
    const Value* statements = doc && doc->is_map() ? doc->find("Statement") : nullptr;
    if (statements) each_item(*statements, path + ".Statement", f);
  };
  if (type == "AWS::IAM::Role") {
    if (const Value* policies = props->find("Policies"))
      each_item(*policies, base + ".Policies", [&](const Value& p, const std::string& at) {
        if (p.is_map()) document(p.find("PolicyDocument"), at + ".PolicyDocument");
      });
  } else if (type == "AWS::IAM::Policy" || type == "AWS::IAM::ManagedPolicy") {
    document(props->find("PolicyDocument"), base + ".PolicyDocument");
  }
}

// The string items of an Action (or Resource) entry, across Fn::If branches.
inline std::vector<std::string> strings_of(const Value* v) {
  std::vector<std::string> out;
  if (v)
    each_item(*v, "", [&](const Value& x, const std::string&) {
      if (x.is_string()) out.push_back(x.text());
    });
  return out;
}

// The reason a resource states for an exception to a rule (Metadata ttsgen-security-reasons.<key>,
// cfn::Resource::security_exception), or "" when it states none.
inline std::string security_reason(const Value& resource, const std::string& key) {
  const Value* meta = resource.find("Metadata");
  const Value* reasons = meta && meta->is_map() ? meta->find("ttsgen-security-reasons") : nullptr;
  const Value* reason = reasons && reasons->is_map() && !key.empty() ? reasons->find(key) : nullptr;
  return reason && reason->is_string() ? reason->text() : "";
}

}  // namespace ttsgen::check::walk
