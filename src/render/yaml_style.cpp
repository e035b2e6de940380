// The style decisions of the YAML emitter (see include/ttsgen/render/yaml_style.hpp).
#include "ttsgen/render/yaml_style.hpp"

namespace ttsgen::render::yaml_style {

using cfn::Value;

bool fits_literal_block(const std::string& s) {
  if (s.size() < 2 || s.back() != '\n' || s[s.size() - 2] == '\n') return false;
  if (s.front() == ' ' || s.front() == '\t') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t')) return false;
      continue;
    }
    if (c < 0x20 && c != '\t') return false;
    if (c == 0x7f) return false;
  }
  return true;
}

bool has_control_characters(const std::string& s) {
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

bool needs_quotes_for_syntax(const std::string& s) {
  if (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t') return true;
  static const std::string indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (indicators.find(s.front()) != std::string::npos) {
    // "-foo" and ":foo" are plain-safe only when not followed by a blank; keep it simple: quote.
    return true;
  }
  return s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':';
}

std::string short_tag(const std::string& function) {
  if (function.rfind("Fn::", 0) == 0) return function.substr(4);
  return function;  // Ref, Condition
}

namespace {

constexpr std::size_t kFlowWidth = 72;

// The width of a value written in flow style; `simple` turns false for what flow cannot hold
// (maps, multi-line strings, functions of functions or of maps).
std::size_t flow_width(const Value& v, bool& simple) {
  switch (v.kind()) {
    case Value::Kind::Null:
    case Value::Kind::Bool:
      return 5;
    case Value::Kind::Integer:
      return std::to_string(v.as_integer()).size();
    case Value::Kind::Number:
      return v.text().size();
    case Value::Kind::String:
      if (v.text().find('\n') != std::string::npos) simple = false;
      return v.text().size() + 2;
    case Value::Kind::List: {
      std::size_t width = 2;
      for (const auto& item : v.items()) width += flow_width(item, simple) + 2;
      return width;
    }
    case Value::Kind::Map:
      simple = false;
      return 0;
    case Value::Kind::Function: {
      const Value& arg = v.argument();
      if (arg.is_function() || arg.is_map()) {
        simple = false;
        return 0;
      }
      return short_tag(v.text()).size() + 2 + flow_width(arg, simple);
    }
  }
  return 0;
}

}  // namespace

bool is_flow_list(const Value& list, bool in_flow) {
  if (in_flow || list.items().empty()) return true;
  bool simple = true;
  std::size_t width = flow_width(list, simple);
  return simple && width <= kFlowWidth;
}

}  // namespace ttsgen::render::yaml_style
