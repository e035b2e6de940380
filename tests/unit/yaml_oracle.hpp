#pragma once
// The YAML emitter as it was on yaml-cpp's emitter (foundation commit d02327e), kept for the tests
// only: render::to_yaml must write exactly what this writes, for every document. yaml-cpp lays out
// blocks and escapes here; the scalar style, the tag of each intrinsic and flow or block for a list
// are decided by the rules render::to_yaml uses (render/yaml_style.hpp).
#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "ttsgen/render/render.hpp"
#include "ttsgen/render/yaml_style.hpp"

namespace test::oracle {

using ttsgen::render::is_ambiguous_plain_scalar;

namespace detail {

using ttsgen::cfn::Value;
using namespace ttsgen::render::yaml_style;

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

inline void emit(YAML::Emitter& out, const Value& v, bool in_flow);

inline void emit_list(YAML::Emitter& out, const Value& list, bool in_flow) {
  bool flow = is_flow_list(list, in_flow);
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
