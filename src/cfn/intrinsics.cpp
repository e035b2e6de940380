#include "ttsgen/cfn/intrinsics.hpp"

namespace ttsgen::cfn {

Value ref(const Parameter& p) { return Value::function("Ref", p.id()); }
Value ref(const Resource& r) { return Value::function("Ref", r.id()); }

Value get_att(const Resource& r, std::string attribute) {
  return Value::function("Fn::GetAtt", Value::list({r.id(), std::move(attribute)}));
}

Value sub(std::string text) { return Value::function("Fn::Sub", std::move(text)); }

Value sub(std::string text, std::vector<std::pair<std::string, Value>> variables) {
  Value vars = Value::map();
  for (auto& [name, value] : variables) vars.set(std::move(name), std::move(value));
  return Value::function("Fn::Sub", Value::list({std::move(text), std::move(vars)}));
}

Value join(std::string delimiter, Value list) {
  return Value::function("Fn::Join", Value::list({std::move(delimiter), std::move(list)}));
}

Value select(int index, Value list) {
  return Value::function("Fn::Select", Value::list({index, std::move(list)}));
}

Value split(std::string delimiter, Value source) {
  return Value::function("Fn::Split", Value::list({std::move(delimiter), std::move(source)}));
}

Value get_azs(Value region) { return Value::function("Fn::GetAZs", std::move(region)); }

Value cidr(Value ip_block, int count, int cidr_bits) {
  return Value::function("Fn::Cidr", Value::list({std::move(ip_block), count, cidr_bits}));
}

Value find_in_map(const Mapping& map, Value top_key, Value second_key) {
  return Value::function("Fn::FindInMap", Value::list({map.id(), std::move(top_key), std::move(second_key)}));
}

Value base64(Value v) { return Value::function("Fn::Base64", std::move(v)); }
Value import_value(Value export_name) { return Value::function("Fn::ImportValue", std::move(export_name)); }

Value equals(Value a, Value b) { return Value::function("Fn::Equals", Value::list({std::move(a), std::move(b)})); }
Value and_(std::vector<Value> conditions) { return Value::function("Fn::And", Value::list(std::move(conditions))); }
Value or_(std::vector<Value> conditions) { return Value::function("Fn::Or", Value::list(std::move(conditions))); }
Value not_(Value condition) { return Value::function("Fn::Not", Value::list({std::move(condition)})); }
Value condition(const Condition& c) { return Value::function("Condition", c.id()); }

Value if_(const Condition& c, Value when_true, Value when_false) {
  return Value::function("Fn::If", Value::list({c.id(), std::move(when_true), std::move(when_false)}));
}

Value contains(Value list, Value item) {
  return Value::function("Fn::Contains", Value::list({std::move(list), std::move(item)}));
}

Value each_member_in(Value strings, Value allowed) {
  return Value::function("Fn::EachMemberIn", Value::list({std::move(strings), std::move(allowed)}));
}

namespace pseudo {
Value account_id() { return Value::function("Ref", "AWS::AccountId"); }
Value region() { return Value::function("Ref", "AWS::Region"); }
Value partition() { return Value::function("Ref", "AWS::Partition"); }
Value stack_name() { return Value::function("Ref", "AWS::StackName"); }
Value stack_id() { return Value::function("Ref", "AWS::StackId"); }
Value url_suffix() { return Value::function("Ref", "AWS::URLSuffix"); }
Value no_value() { return Value::function("Ref", "AWS::NoValue"); }
}  // namespace pseudo

}  // namespace ttsgen::cfn
