#pragma once
// Whether a changed value resolves to a different value at deploy time. CloudFormation replaces a
// resource only when the *resolved* value of a create-only property changes, so a template diff
// that sees an intrinsic function must evaluate it: both sides are resolved symbolically under
// every combination of the parameter values that decide the templates' conditions, and compared.
//
// Parameters that only appear as values (not in conditions) stay symbols: `!Ref ImageIdX86` on
// both sides is the same value whatever the operator chose, and a literal line removed from an
// `Fn::Sub` changes the text for every value of the placeholders around it.

#include <string>
#include <vector>

#include "ttsgen/cfn/value.hpp"
#include "ttsgen/diff/diff.hpp"

namespace ttsgen::diff::detail {

struct ResolvedComparison {
  // False: the same value for every parameter value; True: a different value for every parameter
  // value; Conditional: it depends on `depends_on`.
  Replacement outcome = Replacement::False;
  // The parameters (and imports) the outcome depends on, sorted; empty unless Conditional.
  std::vector<std::string> depends_on;
  // For Conditional: the outcome with every parameter at its default ("changes", "stays the same"
  // or "depends on ..."), for the reader who deploys with defaults.
  std::string with_defaults;
};

// Compares `before` (a value inside the template `before_document`) with `after` (inside
// `after_document`); an absent side is nullptr.
ResolvedComparison compare_resolved(const cfn::Value& before_document, const cfn::Value* before,
                                    const cfn::Value& after_document, const cfn::Value* after);

// The parameters a value depends on: Refs, Fn::Sub placeholders, and the parameters of the
// conditions its Fn::If branches test. Only names declared in the document's Parameters.
std::vector<std::string> parameters_referenced(const cfn::Value& document, const cfn::Value& v);

}  // namespace ttsgen::diff::detail
