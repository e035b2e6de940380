#pragma once
// The reference check of one template: every Ref, Fn::GetAtt, ${...} in Fn::Sub, Fn::FindInMap,
// Condition and DependsOn names something the template declares (or a pseudo parameter).
// Rendering refuses a template that fails it, so a broken reference never reaches a file; and
// `ttsgen validate` runs the same check on the template as written (parsed back from its bytes).

#include <string>
#include <vector>

#include "ttsgen/cfn/template.hpp"

namespace ttsgen::cfn {

struct ReferenceProblem {
  std::string path;     // e.g. "Resources.Subnet1.Properties.VpcId"
  std::string message;  // e.g. "Ref to undefined 'Vpcc'"
};

// Checks a template document: the tree Template::to_value() gives, or a parsed template file.
std::vector<ReferenceProblem> check_references(const Value& document);
// The same check on a model (through its document).
std::vector<ReferenceProblem> check_references(const Template& t);

// The variable names of a Fn::Sub template string: "${A}-${B.Arn}-${!Literal}" gives A and B.Arn.
std::vector<std::string> sub_variables(const std::string& text);

bool is_pseudo_parameter(const std::string& name);

}  // namespace ttsgen::cfn
