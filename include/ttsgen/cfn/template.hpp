#pragma once
// cfn::Template: a CloudFormation template as typed parts. Parameters carry their constraints and
// their console group and label in one place; AWS::CloudFormation::Interface is derived from them.
// Parts are created through the template and handed out by reference; the references stay valid
// for the template's lifetime, and intrinsics (cfn/intrinsics.hpp) are built from them, so a
// misspelt logical id is a compile error rather than a broken template.

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ttsgen/cfn/value.hpp"

namespace ttsgen::cfn {

namespace param_type {
inline constexpr std::string_view kString = "String";
inline constexpr std::string_view kNumber = "Number";
inline constexpr std::string_view kCommaDelimitedList = "CommaDelimitedList";
inline constexpr std::string_view kKeyPairName = "AWS::EC2::KeyPair::KeyName";
// An AMI ID read from a (public) SSM parameter at deployment: the default is the parameter name.
inline constexpr std::string_view kImageIdFromSSM = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>";
}  // namespace param_type

class Parameter {
 public:
  Parameter(std::string id, std::string type) : id_(std::move(id)), type_(std::move(type)) {}

  Parameter& description(std::string text) { description_ = std::move(text); return *this; }
  Parameter& default_value(Value v) { default_ = std::move(v); return *this; }
  Parameter& allowed_values(std::vector<std::string> values) { allowed_values_ = std::move(values); return *this; }
  Parameter& allowed_pattern(std::string regex) { allowed_pattern_ = std::move(regex); return *this; }
  Parameter& constraint_description(std::string text) { constraint_description_ = std::move(text); return *this; }
  Parameter& min_length(int n) { min_length_ = n; return *this; }
  Parameter& max_length(int n) { max_length_ = n; return *this; }
  Parameter& min_value(long long n) { min_value_ = n; return *this; }
  Parameter& max_value(long long n) { max_value_ = n; return *this; }
  Parameter& no_echo() { no_echo_ = true; return *this; }
  // Console presentation: the ParameterGroup this parameter is listed in, and its label.
  Parameter& group(std::string name) { group_ = std::move(name); return *this; }
  Parameter& label(std::string text) { label_ = std::move(text); return *this; }

  const std::string& id() const { return id_; }
  const std::string& type() const { return type_; }
  const std::string& description() const { return description_; }
  const std::optional<Value>& default_value() const { return default_; }
  const std::vector<std::string>& allowed_values() const { return allowed_values_; }
  const std::string& allowed_pattern() const { return allowed_pattern_; }
  const std::string& constraint_description() const { return constraint_description_; }
  std::optional<int> min_length() const { return min_length_; }
  std::optional<int> max_length() const { return max_length_; }
  std::optional<long long> min_value() const { return min_value_; }
  std::optional<long long> max_value() const { return max_value_; }
  bool is_no_echo() const { return no_echo_; }
  const std::string& group() const { return group_; }
  const std::string& label() const { return label_; }

  Value to_value() const;

 private:
  std::string id_;
  std::string type_;
  std::string description_;
  std::optional<Value> default_;
  std::vector<std::string> allowed_values_;
  std::string allowed_pattern_;
  std::string constraint_description_;
  std::optional<int> min_length_, max_length_;
  std::optional<long long> min_value_, max_value_;
  bool no_echo_ = false;
  std::string group_;
  std::string label_;
};

class Condition {
 public:
  Condition(std::string id, Value expression) : id_(std::move(id)), expression_(std::move(expression)) {}
  const std::string& id() const { return id_; }
  const Value& expression() const { return expression_; }

 private:
  std::string id_;
  Value expression_;
};

class Mapping {
 public:
  Mapping(std::string id, Value map) : id_(std::move(id)), map_(std::move(map)) {}
  const std::string& id() const { return id_; }
  const Value& map() const { return map_; }

 private:
  std::string id_;
  Value map_;
};

// A template Rule: when `RuleCondition` holds (or always), every assertion must hold, or
// CloudFormation refuses the parameters before creating anything.
class Rule {
 public:
  explicit Rule(std::string id) : id_(std::move(id)) {}
  Rule& when(Value condition) { when_ = std::move(condition); return *this; }
  Rule& require(Value assertion, std::string description);
  const std::string& id() const { return id_; }
  Value to_value() const;

 private:
  struct Assertion {
    Value assertion;
    std::string description;
  };
  std::string id_;
  std::optional<Value> when_;
  std::vector<Assertion> assertions_;
};

enum class Policy { Delete, Retain, Snapshot, RetainExceptOnCreate };
std::string_view to_string(Policy p);

class Resource {
 public:
  Resource(std::string id, std::string type) : id_(std::move(id)), type_(std::move(type)), properties_(Value::map()) {}

  // Sets a property; properties keep the order in which they are first set.
  Resource& set(std::string property, Value v) { properties_.set(std::move(property), std::move(v)); return *this; }
  Resource& depends_on(const Resource& other);
  Resource& condition(const Condition& c) { condition_ = c.id(); return *this; }
  Resource& deletion_policy(Policy p) { deletion_policy_ = p; return *this; }
  Resource& update_replace_policy(Policy p) { update_replace_policy_ = p; return *this; }
  Resource& creation_policy(Value v) { creation_policy_ = std::move(v); return *this; }
  Resource& update_policy(Value v) { update_policy_ = std::move(v); return *this; }
  Resource& metadata(std::string key, Value v);
  // Silences one cfn-lint rule for this resource only. The reason is required and is written next
  // to the suppression, so every exception is explained where a reviewer reads it.
  Resource& lint_suppress(std::string rule_id, std::string reason);
  // States why a rule of the security baseline (docs/decisions-check.md) does not apply to this resource:
  // `key` is the policy statement's Sid (write actions on Resource "*" where the service has no
  // resource-level permissions) or the property the rule is about (e.g. a documented parameter
  // that may turn TransitEncryptionEnabled off). Written to the resource's Metadata
  // (ttsgen-security-reasons), where `ttsgen validate` reads it and reports a note instead.
  Resource& security_exception(std::string key, std::string reason);

  const std::string& id() const { return id_; }
  const std::string& type() const { return type_; }
  const Value& properties() const { return properties_; }
  Value& properties() { return properties_; }
  const std::vector<std::string>& dependencies() const { return depends_on_; }
  const std::string& condition_id() const { return condition_; }
  Value to_value() const;

 private:
  std::string id_;
  std::string type_;
  Value properties_;
  std::vector<std::string> depends_on_;
  std::string condition_;
  std::optional<Policy> deletion_policy_, update_replace_policy_;
  std::optional<Value> creation_policy_, update_policy_;
  Value metadata_;
};

class Output {
 public:
  Output(std::string id, Value value) : id_(std::move(id)), value_(std::move(value)) {}
  Output& description(std::string text) { description_ = std::move(text); return *this; }
  Output& export_name(Value name) { export_name_ = std::move(name); return *this; }
  Output& condition(const Condition& c) { condition_ = c.id(); return *this; }

  const std::string& id() const { return id_; }
  const std::string& description() const { return description_; }
  const Value& value() const { return value_; }
  const std::optional<Value>& export_name() const { return export_name_; }
  const std::string& condition_id() const { return condition_; }
  Value to_value() const;

 private:
  std::string id_;
  Value value_;
  std::string description_;
  std::optional<Value> export_name_;
  std::string condition_;
};

class Template {
 public:
  explicit Template(std::string description = {}) : description_(std::move(description)) {}
  // Parts are owned by the template; copying would leave references pointing at the original.
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;
  Template(Template&&) = default;
  Template& operator=(Template&&) = default;

  void set_description(std::string text) { description_ = std::move(text); }
  // Top-level Metadata besides the derived AWS::CloudFormation::Interface.
  void set_metadata(std::string key, Value v) { metadata_.set(std::move(key), std::move(v)); }

  // Each throws std::logic_error on an invalid or duplicate logical id.
  Parameter& parameter(std::string id, std::string_view type);
  Condition& condition(std::string id, Value expression);
  Mapping& mapping(std::string id, Value map);
  Rule& rule(std::string id);
  Resource& resource(std::string id, std::string type);
  Output& output(std::string id, Value value);

  const std::string& description() const { return description_; }
  const std::deque<Parameter>& parameters() const { return parameters_; }
  const std::deque<Condition>& conditions() const { return conditions_; }
  const std::deque<Mapping>& mappings() const { return mappings_; }
  const std::deque<Rule>& rules() const { return rules_; }
  const std::deque<Resource>& resources() const { return resources_; }
  const std::deque<Output>& outputs() const { return outputs_; }
  const Parameter* find_parameter(std::string_view id) const;
  const Resource* find_resource(std::string_view id) const;
  const Condition* find_condition(std::string_view id) const;
  const Mapping* find_mapping(std::string_view id) const;

  // The whole template in canonical order: AWSTemplateFormatVersion, Description, Metadata,
  // Parameters, Rules, Mappings, Conditions, Resources, Outputs (empty sections left out).
  Value to_value() const;

 private:
  void claim_id(std::string_view section, const std::string& id, bool shares_ref_namespace);
  Value interface_metadata() const;

  std::string description_;
  Value metadata_;
  std::deque<Parameter> parameters_;
  std::deque<Rule> rules_;
  std::deque<Mapping> mappings_;
  std::deque<Condition> conditions_;
  std::deque<Resource> resources_;
  std::deque<Output> outputs_;
};

// Logical ids are 1-255 ASCII letters and digits.
bool is_valid_logical_id(std::string_view id);

}  // namespace ttsgen::cfn
