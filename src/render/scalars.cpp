// Which plain scalars YAML parsers would not read back as strings.
#include <array>
#include <regex>

#include "ttsgen/render/render.hpp"

namespace ttsgen::render {

namespace {

bool is_bool_or_null_word(std::string_view s) {
  // YAML 1.1 booleans (PyYAML, and so cfn-lint, read all of these as bools) and nulls.
  static constexpr std::array<std::string_view, 26> words{
      "y",    "Y",    "yes",   "Yes",   "YES", "n",   "N",   "no",  "No",    "NO",   "true", "True", "TRUE",
      "false", "False", "FALSE", "on",  "On",  "ON",  "off", "Off", "OFF",  "null", "Null", "NULL", "~"};
  for (auto w : words)
    if (s == w) return true;
  return false;
}

bool is_numeric_or_timestamp(const std::string& s) {
  // Integers (YAML 1.1: binary, octal, decimal, hex, sexagesimal; 1.2: 0o octal), floats (1.1 and
  // 1.2 forms, exponents, .inf, .nan) and timestamps. One regex per family, compiled once.
  static const std::regex integer(
      R"([-+]?(0b[01_]+|0o?[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+))");
  static const std::regex floating(
      R"([-+]?(([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|\.(inf|Inf|INF))|\.(nan|NaN|NAN))");
  static const std::regex timestamp(
      R"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?)");
  return std::regex_match(s, integer) || std::regex_match(s, floating) || std::regex_match(s, timestamp);
}

}  // namespace

bool is_ambiguous_plain_scalar(std::string_view text) {
  if (text.empty()) return true;
  if (is_bool_or_null_word(text) || text == "<<" || text == "=") return true;
  // Only text that starts like a number can be one; checking the first character first keeps the
  // regexes off the hot path (most scalars are names and ARNs).
  char c = text.front();
  bool numeric_start = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
  return numeric_start && text.size() < 64 && is_numeric_or_timestamp(std::string(text));
}

}  // namespace ttsgen::render
