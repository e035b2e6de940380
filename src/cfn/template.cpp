#include "ttsgen/cfn/template.hpp"

#include <algorithm>
#include <stdexcept>

namespace ttsgen::cfn {

bool is_valid_logical_id(std::string_view id) {
  if (id.empty() || id.size() > 255) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

std::string_view to_string(Policy p) {
  switch (p) {
    case Policy::Delete:
      return "Delete";
    case Policy::Retain:
      return "Retain";
    case Policy::Snapshot:
      return "Snapshot";
    case Policy::RetainExceptOnCreate:
      return "RetainExceptOnCreate";
  }
  return "?";
}

// Key order inside a parameter follows the AWS documentation's examples: what it is, then what
// it defaults to, then what it accepts.
Value Parameter::to_value() const {
  Value v = Value::map();
  v.set("Type", type_);
  if (!description_.empty()) v.set("Description", description_);
  if (default_) v.set("Default", *default_);
  if (!allowed_values_.empty()) v.set("AllowedValues", Value::strings(allowed_values_));
  if (!allowed_pattern_.empty()) v.set("AllowedPattern", allowed_pattern_);
  if (min_length_) v.set("MinLength", *min_length_);
  if (max_length_) v.set("MaxLength", *max_length_);
  if (min_value_) v.set("MinValue", *min_value_);
  if (max_value_) v.set("MaxValue", *max_value_);
  if (!constraint_description_.empty()) v.set("ConstraintDescription", constraint_description_);
  if (no_echo_) v.set("NoEcho", true);
  return v;
}

Rule& Rule::require(Value assertion, std::string description) {
  assertions_.push_back(Assertion{std::move(assertion), std::move(description)});
  return *this;
}

Value Rule::to_value() const {
  Value v = Value::map();
  if (when_) v.set("RuleCondition", *when_);
  Value list = Value::list();
  for (const auto& a : assertions_) {
    list.push_back(Value::map({{"Assert", a.assertion}, {"AssertDescription", a.description}}));
  }
  v.set("Assertions", std::move(list));
  return v;
}

Resource& Resource::depends_on(const Resource& other) {
  if (std::find(depends_on_.begin(), depends_on_.end(), other.id()) == depends_on_.end())
    depends_on_.push_back(other.id());
  return *this;
}

Resource& Resource::metadata(std::string key, Value v) {
  metadata_.set(std::move(key), std::move(v));
  return *this;
}

namespace {
// The map under `key` in `map`, created empty when missing.
Value& map_entry(Value& map, const std::string& key) {
  if (Value* existing = map.find(key)) return *existing;
  map.set(key, Value::map());
  return *map.find(key);
}
}  // namespace

Resource& Resource::lint_suppress(std::string rule_id, std::string reason) {
  if (reason.empty()) throw std::logic_error("lint_suppress(" + rule_id + ") on " + id_ + " needs a reason");
  Value* lint = metadata_.find("cfn-lint");
  if (!lint) {
    metadata_.set("cfn-lint", Value::map({{"config", Value::map({{"ignore_checks", Value::list()}})}}));
    lint = metadata_.find("cfn-lint");
  }
  lint->find("config")->find("ignore_checks")->push_back(rule_id);
  map_entry(metadata_, "ttsgen-lint-reasons").set(std::move(rule_id), std::move(reason));
  return *this;
}

Resource& Resource::security_exception(std::string key, std::string reason) {
  if (reason.empty()) throw std::logic_error("security_exception(" + key + ") on " + id_ + " needs a reason");
  map_entry(metadata_, "ttsgen-security-reasons").set(std::move(key), std::move(reason));
  return *this;
}

// Attribute order is fixed: Type first (what it is), then the attributes that decide whether and
// when it exists, then its lifecycle policies, then Metadata and Properties.
Value Resource::to_value() const {
  Value v = Value::map();
  v.set("Type", type_);
  if (!condition_.empty()) v.set("Condition", condition_);
  if (depends_on_.size() == 1) v.set("DependsOn", depends_on_.front());
  if (depends_on_.size() > 1) v.set("DependsOn", Value::strings(depends_on_));
  if (deletion_policy_) v.set("DeletionPolicy", std::string(to_string(*deletion_policy_)));
  if (update_replace_policy_) v.set("UpdateReplacePolicy", std::string(to_string(*update_replace_policy_)));
  if (creation_policy_) v.set("CreationPolicy", *creation_policy_);
  if (update_policy_) v.set("UpdatePolicy", *update_policy_);
  if (metadata_.is_map() && metadata_.size() > 0) v.set("Metadata", metadata_);
  if (properties_.size() > 0) v.set("Properties", properties_);
  return v;
}

Value Output::to_value() const {
  Value v = Value::map();
  if (!description_.empty()) v.set("Description", description_);
  if (!condition_.empty()) v.set("Condition", condition_);
  v.set("Value", value_);
  if (export_name_) v.set("Export", Value::map({{"Name", *export_name_}}));
  return v;
}

void Template::claim_id(std::string_view section, const std::string& id, bool shares_ref_namespace) {
  if (!is_valid_logical_id(id))
    throw std::logic_error(std::string(section) + " id '" + id + "' is not 1-255 letters and digits");
  auto duplicate = [&](const auto& parts) {
    return std::any_of(parts.begin(), parts.end(), [&](const auto& p) { return p.id() == id; });
  };
  bool taken = false;
  if (section == "condition") taken = duplicate(conditions_);
  else if (section == "mapping") taken = duplicate(mappings_);
  else if (section == "rule") taken = duplicate(rules_);
  else if (section == "output") taken = duplicate(outputs_);
  // Parameters and resources share one namespace: both are targets of Ref.
  if (shares_ref_namespace) taken = duplicate(parameters_) || duplicate(resources_);
  if (taken) throw std::logic_error("duplicate " + std::string(section) + " id '" + id + "'");
}

Parameter& Template::parameter(std::string id, std::string_view type) {
  claim_id("parameter", id, true);
  return parameters_.emplace_back(std::move(id), std::string(type));
}

Condition& Template::condition(std::string id, Value expression) {
  claim_id("condition", id, false);
  return conditions_.emplace_back(std::move(id), std::move(expression));
}

Mapping& Template::mapping(std::string id, Value map) {
  claim_id("mapping", id, false);
  return mappings_.emplace_back(std::move(id), std::move(map));
}

Rule& Template::rule(std::string id) {
  claim_id("rule", id, false);
  return rules_.emplace_back(std::move(id));
}

Resource& Template::resource(std::string id, std::string type) {
  claim_id("resource", id, true);
  return resources_.emplace_back(std::move(id), std::move(type));
}

Output& Template::output(std::string id, Value value) {
  claim_id("output", id, false);
  return outputs_.emplace_back(std::move(id), std::move(value));
}

namespace {
template <typename Parts>
auto find_by_id(const Parts& parts, std::string_view id) -> decltype(&parts.front()) {
  for (const auto& p : parts)
    if (p.id() == id) return &p;
  return nullptr;
}
}  // namespace

const Parameter* Template::find_parameter(std::string_view id) const { return find_by_id(parameters_, id); }
const Resource* Template::find_resource(std::string_view id) const { return find_by_id(resources_, id); }
const Condition* Template::find_condition(std::string_view id) const { return find_by_id(conditions_, id); }
const Mapping* Template::find_mapping(std::string_view id) const { return find_by_id(mappings_, id); }

// Groups are listed in the order in which their first parameter was declared, parameters in
// declaration order; parameters without a group fall under the console's "Other parameters".
Value Template::interface_metadata() const {
  std::vector<std::string> group_names;
  for (const auto& p : parameters_) {
    if (!p.group().empty() && std::find(group_names.begin(), group_names.end(), p.group()) == group_names.end())
      group_names.push_back(p.group());
  }
  Value groups = Value::list();
  for (const auto& name : group_names) {
    Value ids = Value::list();
    for (const auto& p : parameters_)
      if (p.group() == name) ids.push_back(p.id());
    groups.push_back(Value::map({{"Label", Value::map({{"default", name}})}, {"Parameters", std::move(ids)}}));
  }
  Value labels = Value::map();
  for (const auto& p : parameters_)
    if (!p.label().empty()) labels.set(p.id(), Value::map({{"default", p.label()}}));

  Value interface = Value::map();
  if (groups.size() > 0) interface.set("ParameterGroups", std::move(groups));
  if (labels.size() > 0) interface.set("ParameterLabels", std::move(labels));
  return interface;
}

Value Template::to_value() const {
  Value v = Value::map();
  v.set("AWSTemplateFormatVersion", "2010-09-09");
  if (!description_.empty()) v.set("Description", description_);

  Value metadata = Value::map();
  Value interface = interface_metadata();
  if (interface.size() > 0) metadata.set("AWS::CloudFormation::Interface", std::move(interface));
  if (metadata_.is_map())
    for (const auto& e : metadata_.entries()) metadata.set(e.key, e.value);
  if (metadata.size() > 0) v.set("Metadata", std::move(metadata));

  auto section = [&v](const char* name, const auto& parts, auto to_value) {
    if (parts.empty()) return;
    Value s = Value::map();
    for (const auto& p : parts) s.set(p.id(), to_value(p));
    v.set(name, std::move(s));
  };
  section("Parameters", parameters_, [](const Parameter& p) { return p.to_value(); });
  section("Rules", rules_, [](const Rule& r) { return r.to_value(); });
  section("Mappings", mappings_, [](const Mapping& m) { return m.map(); });
  section("Conditions", conditions_, [](const Condition& c) { return c.expression(); });
  section("Resources", resources_, [](const Resource& r) { return r.to_value(); });
  section("Outputs", outputs_, [](const Output& o) { return o.to_value(); });
  return v;
}

}  // namespace ttsgen::cfn
