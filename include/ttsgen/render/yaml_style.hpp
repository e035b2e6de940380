#pragma once
// The style decisions of the YAML emitter: which scalar style a string takes, the short tag of an
// intrinsic, and flow or block for a list. Shared by render::to_yaml and the yaml-cpp-based oracle
// the tests hold it to, so that the oracle checks layout and escaping, not a second copy of these
// rules.

#include <string>

#include "ttsgen/cfn/value.hpp"

namespace ttsgen::render::yaml_style {

// A `|` block reads back exactly only for text that ends in exactly one newline, whose first line
// does not start with a blank (no indentation indicator is written), and without trailing blanks
// or control characters that the block would keep or mangle.
bool fits_literal_block(const std::string& s);

// Control characters (other than in a literal block) need a double-quoted scalar and its escapes.
bool has_control_characters(const std::string& s);

// Blanks at either end, or characters that start YAML syntax, make a plain scalar mean something
// else; yaml-cpp catches most, this catches them all so the rule is ours and tested.
bool needs_quotes_for_syntax(const std::string& s);

// "Fn::Sub" → "Sub"; Ref and Condition stay.
std::string short_tag(const std::string& function);

// Flow style ([a, !Ref B]) for empty lists, lists inside flow, and short lists of one-line
// scalars; block style for the rest.
bool is_flow_list(const cfn::Value& list, bool in_flow);

}  // namespace ttsgen::render::yaml_style
