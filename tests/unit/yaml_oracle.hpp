#pragma once
// The YAML emitter as it was on yaml-cpp's emitter (foundation commit d02327e), kept for the tests
// only: render::to_yaml must write exactly what this writes, for every document. yaml-cpp lays out
// blocks and escapes here; the scalar style and the form of each intrinsic are decided as in
// render::to_yaml.
#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "ttsgen/render/render.hpp"

namespace test::oracle {

using ttsgen::render::is_ambiguous_plain_scalar;

namespace detail {

using ttsgen::cfn::Value;

// A `|` block reads back exactly only for text that ends in exactly one newline, whose first line
// does not start with a blank (yaml-cpp writes no indentation indicator), and without trailing
// blanks or control characters that the block would keep or mangle.
inline bool fits_literal_block(const std::string& s) {
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

inline bool has_control_characters(const std::string& s) {
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// Blanks at either end, or characters that start YAML syntax, make a plain scalar mean something
// else; yaml-cpp catches most, this catches them all so the rule is ours and tested.
inline bool needs_quotes_for_syntax(const std::string& s) {
  if (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t') return true;
  static const std::string indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (indicators.find(s.front()) != std::string::npos) {
    // "-foo" and ":foo" are plain-safe only when not followed by a blank; keep it simple: quote.
    return true;
  }
  return s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':';
}

inline void emit_string(YAML::Emitter& out, const std::string& s) {
  if (s.find('\n') != std::string::npos) {
    if (fits_literal_block(s)) {
      // yaml-cpp always writes `|` (clip), which reads back with exactly one final newline; given
      // the text with that newline it would add a stray blank line after the block.
      out << YAML::Literal << s.substr(0, s.size() - 1);
    } else {
      out << YAML::DoubleQuoted << s;
    }
  } else if (has_control_characters(s)) {
    out << YAML::DoubleQuoted << s;
  } else if (is_ambiguous_plain_scalar(s) || needs_quotes_for_syntax(s)) {
    out << YAML::SingleQuoted << s;
  } else {
    out << s;
  }
}

inline std::string short_tag(const std::string& function) {
  if (function.rfind("Fn::", 0) == 0) return function.substr(4);
  return function;  // Ref, Condition
}

// Flow style ([a, !Ref B]) for short lists of one-line scalars, block style for the rest.
constexpr std::size_t kFlowWidth = 72;

inline std::size_t flow_width(const Value& v, bool& simple);

inline std::size_t flow_width_of_function(const Value& v, bool& simple) {
  const Value& arg = v.argument();
  if (arg.is_function() || arg.is_map()) {
    simple = false;
    return 0;
  }
  return short_tag(v.text()).size() + 2 + flow_width(arg, simple);
}

inline std::size_t flow_width(const Value& v, bool& simple) {
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
    case Value::Kind::Function:
      return flow_width_of_function(v, simple);
  }
  return 0;
}

inline void emit(YAML::Emitter& out, const Value& v, bool in_flow);

inline void emit_list(YAML::Emitter& out, const Value& list, bool in_flow) {
  bool flow = in_flow;
  if (!flow && !list.items().empty()) {
    bool simple = true;
    std::size_t width = flow_width(list, simple);
    flow = simple && width <= kFlowWidth;
  }
  if (list.items().empty()) flow = true;
  out << (flow ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
  for (const auto& item : list.items()) emit(out, item, flow);
  out << YAML::EndSeq;
}

inline void emit_key(YAML::Emitter& out, const std::string& key) {
  out << YAML::Key;
  emit_string(out, key);
}

inline void emit_map(YAML::Emitter& out, const Value& map) {
  if (map.entries().empty()) {
    out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
    return;
  }
  out << YAML::Block << YAML::BeginMap;
  for (const auto& e : map.entries()) {
    emit_key(out, e.key);
    out << YAML::Value;
    emit(out, e.value, false);
  }
  out << YAML::EndMap;
}

inline void emit_long_form(YAML::Emitter& out, const Value& fn) {
  out << YAML::Block << YAML::BeginMap << YAML::Key << fn.text() << YAML::Value;
  emit(out, fn.argument(), false);
  out << YAML::EndMap;
}

inline void emit_function(YAML::Emitter& out, const Value& fn, bool in_flow) {
  const Value& arg = fn.argument();
  // One node carries one tag: a function whose argument is itself a function (or a mapping, which
  // some parsers never convert) is written in long form, its argument in short form.
  if (arg.is_function() || arg.is_map()) {
    if (in_flow) throw std::logic_error("long-form intrinsic inside a flow sequence");
    emit_long_form(out, fn);
    return;
  }
  if (fn.text() == "Fn::GetAtt" && arg.is_list() && arg.size() == 2 && arg.items()[0].is_string() &&
      arg.items()[1].is_string()) {
    out << YAML::LocalTag("GetAtt") << (arg.items()[0].text() + "." + arg.items()[1].text());
    return;
  }
  out << YAML::LocalTag(short_tag(fn.text()));
  emit(out, arg, in_flow);
}

inline void emit(YAML::Emitter& out, const Value& v, bool in_flow) {
  switch (v.kind()) {
    case Value::Kind::Null:
      out << YAML::Null;
      break;
    case Value::Kind::Bool:
      out << (v.as_bool() ? "true" : "false");
      break;
    case Value::Kind::Integer:
      out << std::to_string(v.as_integer());
      break;
    case Value::Kind::Number:
      out << v.text();
      break;
    case Value::Kind::String:
      emit_string(out, v.text());
      break;
    case Value::Kind::List:
      emit_list(out, v, in_flow);
      break;
    case Value::Kind::Map:
      if (in_flow) throw std::logic_error("mapping inside a flow sequence");
      emit_map(out, v);
      break;
    case Value::Kind::Function:
      emit_function(out, v, in_flow);
      break;
  }
}

}  // namespace detail

inline std::string to_yaml(const ttsgen::cfn::Value& document) {
  using namespace detail;
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetNullFormat(YAML::LowerNull);
  emit(out, document, false);
  if (!out.good()) throw std::logic_error("YAML emitter: " + out.GetLastError());
  std::string text = out.c_str();
  text.push_back('\n');
  return text;
}

}  // namespace test::oracle
