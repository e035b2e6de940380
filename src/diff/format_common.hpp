#pragma once
// Helpers shared by the text and Markdown formatters: how a value and a change of it are shown.

#include <optional>
#include <string>
#include <vector>

#include "ttsgen/diff/diff.hpp"

namespace ttsgen::diff::detail {

// The value on one line in YAML flow notation ("ip", "!Ref ImageIdX86", "[a, b]"), or nullopt
// when it needs several lines or more than `width` characters.
std::optional<std::string> one_line(const cfn::Value& v, std::size_t width = 100);

// The body of a unified diff (hunks only, no file header) between the YAML of two values, or
// between two multi-line strings line by line. An absent side is an empty text.
std::vector<std::string> diff_lines(const std::optional<cfn::Value>& before, const std::optional<cfn::Value>& after);

// The two sides of a change when each fits on one line (nullopt for an absent side), or nullopt
// when the change needs diff_lines().
struct InlineSides {
  std::optional<std::string> before, after;
};
std::optional<InlineSides> inline_change(const ValueChange& c);

// For AllowedValues lists of strings: "added: t4g.nano, t4g.micro; removed: t3.nano", else nullopt.
std::optional<std::string> list_change(const ValueChange& c);

// A parameter's settings in one line: "String, default `false`, allowed `true`, `false`" with
// `code` wrapping each value (backticks for Markdown, nothing for text).
std::string parameter_summary(const cfn::Value& parameter, bool markdown);

// "release 3.30.0" style headline counts for a stack: "parameters +1 -0 ~2; resources ~1 (replacement: true)".
std::string stack_summary(const StackDiff& s);

// Whether a parameter has no Default, so an update must supply a value.
bool requires_value(const cfn::Value& parameter);

}  // namespace ttsgen::diff::detail
