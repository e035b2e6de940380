#pragma once
// Intrinsic functions and pseudo parameters. References are made from the template's own parts
// (ref(parameter), get_att(resource, "Arn"), if_(condition, ...)), never from bare strings, so a
// reference to something that does not exist fails to compile. Strings inside Fn::Sub are the
// one exception; the reference check (cfn/references.hpp) covers them.

#include <string>
#include <utility>
#include <vector>

#include "ttsgen/cfn/template.hpp"
#include "ttsgen/cfn/value.hpp"

namespace ttsgen::cfn {

Value ref(const Parameter& p);
Value ref(const Resource& r);
Value get_att(const Resource& r, std::string attribute);

// Fn::Sub with a template string, optionally with variables of its own.
Value sub(std::string text);
Value sub(std::string text, std::vector<std::pair<std::string, Value>> variables);

Value join(std::string delimiter, Value list);
Value select(int index, Value list);
Value split(std::string delimiter, Value source);
Value get_azs(Value region = "");
Value cidr(Value ip_block, int count, int cidr_bits);
Value find_in_map(const Mapping& map, Value top_key, Value second_key);
Value base64(Value v);
Value import_value(Value export_name);

// Conditions.
Value equals(Value a, Value b);
Value and_(std::vector<Value> conditions);
Value or_(std::vector<Value> conditions);
Value not_(Value condition);
Value condition(const Condition& c);   // {"Condition": id}, for use inside And/Or/Not
Value if_(const Condition& c, Value when_true, Value when_false);

// Rule functions (only valid inside Rules).
Value contains(Value list, Value item);
Value each_member_in(Value strings, Value allowed);

// Pseudo parameters.
namespace pseudo {
Value account_id();
Value region();
Value partition();
Value stack_name();
Value stack_id();
Value url_suffix();
Value no_value();   // AWS::NoValue: removes the property it is assigned to
}  // namespace pseudo

}  // namespace ttsgen::cfn
