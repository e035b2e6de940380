#pragma once
// Rendering a template to the bytes of a .gen.template file, and reading such a file back.
// Output is deterministic to the byte: the order is the model's canonical order, nothing depends
// on the host, locale, time zone or time.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ttsgen/cfn/template.hpp"
#include "ttsgen/cfn/value.hpp"

namespace ttsgen::render {

enum class Format { Yaml, Json };

std::optional<Format> parse_format(std::string_view name);
std::string_view to_string(Format f);

// YAML: short-form tags (!Ref, !Sub, !GetAtt A.B, ...), long form where two functions would be
// stacked on one node (Fn::Base64: !Sub ...), `|` blocks for multi-line strings that round-trip,
// quotes on every scalar that YAML 1.1 or 1.2 would read as something other than a string.
std::string to_yaml(const cfn::Value& document);
// JSON: 2-space indentation, keys in model order, long-form intrinsics.
std::string to_json(const cfn::Value& document);
std::string render(const cfn::Template& t, Format f);

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What the readers accept (docs/decisions-inputs.md): CloudFormation itself refuses a template
// body above 1,000,000 bytes (S3 URL; 51,200 inline), and no template it accepts comes near
// these bounds, which keep a hostile file (deep nesting, "billion laughs" aliases) to a fraction
// of a second and a few hundred MB at most.
inline constexpr std::size_t kMaxTemplateBytes = 1'000'000;  // CloudFormation's own limit
inline constexpr std::size_t kMaxNestingDepth = 100;         // maps and lists inside each other
inline constexpr std::size_t kMaxNodes = 1'000'000;          // values and keys, aliases expanded

// Reads a template (YAML with short or long forms, or JSON) into the value model; intrinsics in
// either form become Function values, so a render and its parse compare equal. A duplicate key,
// an unknown tag (!Bogus), a bound above exceeded, or a syntax error throws ParseError with a
// one-line message naming the line where there is one.
cfn::Value parse_yaml(std::string_view text);
cfn::Value parse_json(std::string_view text);
// JSON when the first non-blank character is '{', YAML otherwise.
cfn::Value parse_template(std::string_view text);

// True when a plain YAML scalar with this text would not load as that string (a YAML 1.1 or 1.2
// bool, null, integer, float, timestamp, merge or value key), so it must be quoted.
bool is_ambiguous_plain_scalar(std::string_view text);

// For text ttsgen writes as a plain scalar: true when yaml-cpp's own (slow) plain-scalar check is
// known to pass, so the YAML emitter writes the text directly. Exposed for the test that holds it
// to yaml-cpp's answer.
bool writes_plain_verbatim(std::string_view text, bool in_flow);

}  // namespace ttsgen::render
