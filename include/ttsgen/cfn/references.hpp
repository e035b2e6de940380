#pragma once
// The reference check of one template: every Ref, Fn::GetAtt, ${...} in Fn::Sub, Fn::FindInMap,
// Condition and DependsOn names something the template declares (or a pseudo parameter).
// Rendering refuses a template that fails it, so a broken reference never reaches a file.

#include <string>
#include <vector>

#include "ttsgen/cfn/template.hpp"

namespace ttsgen::cfn {

struct ReferenceProblem {
  std::string path;     // e.g. "Resources.Subnet1.Properties.VpcId"
  std::string message;  // e.g. "Ref to undefined 'Vpcc'"
};

std::vector<ReferenceProblem> check_references(const Template& t);

// The variable names of a Fn::Sub template string: "${A}-${B.Arn}-${!Literal}" gives A and B.Arn.
std::vector<std::string> sub_variables(const std::string& text);

bool is_pseudo_parameter(const std::string& name);

}  // namespace ttsgen::cfn
