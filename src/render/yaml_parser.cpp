// Reading YAML templates back into the value model with yaml-cpp. Plain scalars are resolved the
// way CloudFormation's YAML 1.1 reader does (true/yes/on are booleans, 10 is an integer); quoted
// scalars stay strings; short-form tags become functions.
#include <yaml-cpp/yaml.h>

#include <regex>

#include "ttsgen/render/render.hpp"

namespace ttsgen::render {

namespace {

using cfn::Value;

std::string long_name(const std::string& tag) {
  std::string name = tag.substr(1);  // "!Ref" -> "Ref"
  if (name == "Ref" || name == "Condition") return name;
  return "Fn::" + name;
}

Value plain_scalar(const std::string& s) {
  static const std::regex decimal(R"([-+]?(0|[1-9][0-9]*))");
  static const std::regex floating(R"([-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?)");
  if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "Yes" || s == "YES" || s == "on" ||
      s == "On" || s == "ON")
    return Value(true);
  if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "No" || s == "NO" || s == "off" ||
      s == "Off" || s == "OFF")
    return Value(false);
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return Value();
  char c = s.front();
  if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
    if (std::regex_match(s, decimal)) return Value(std::stoll(s));
    if (std::regex_match(s, floating)) return Value::number(s);
  }
  return Value(s);
}

Value from_node(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  bool function_tag = tag.size() > 1 && tag[0] == '!' && tag[1] != '<';
  switch (node.Type()) {
    case YAML::NodeType::Null:
      if (function_tag) return Value::function(long_name(tag), "");
      return Value();
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (function_tag) {
        std::string name = long_name(tag);
        if (name == "Fn::GetAtt") {
          std::size_t dot = text.find('.');
          if (dot == std::string::npos) throw ParseError("!GetAtt without a dot: " + text);
          return Value::function(name, Value::list({text.substr(0, dot), text.substr(dot + 1)}));
        }
        return Value::function(name, Value(text));
      }
      // yaml-cpp reports "!" for quoted and block scalars, "?" for plain ones.
      if (tag == "!") return Value(text);
      return plain_scalar(text);
    }
    case YAML::NodeType::Sequence: {
      Value list = Value::list();
      for (const auto& item : node) list.push_back(from_node(item));
      return function_tag ? Value::function(long_name(tag), std::move(list)) : list;
    }
    case YAML::NodeType::Map: {
      Value map = Value::map();
      for (const auto& kv : node) map.set(kv.first.Scalar(), from_node(kv.second));
      if (function_tag) return Value::function(long_name(tag), std::move(map));
      if (map.size() == 1) {
        const std::string& key = map.entries().front().key;
        if (key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0)
          return Value::function(key, map.entries().front().value);
      }
      return map;
    }
    case YAML::NodeType::Undefined:
      break;
  }
  throw ParseError("undefined YAML node");
}

std::size_t indentation(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// yaml-cpp 0.7 cannot read a tagged block scalar that is a sequence item with its text indented
// less than three columns past the dash (jbeder/yaml-cpp#1163): "- !Sub |\n  text" fails with
// "illegal map value". ttsgen writes exactly that for an Fn::If branch that holds a !Sub document.
// Indenting the lines of such a block two more columns leaves its content unchanged (a block's
// indentation is taken from its first line; empty lines stay empty) and yaml-cpp reads it.
std::string widen_tagged_blocks_in_sequences(std::string_view text) {
  static const std::regex header(R"( *- ![A-Za-z:]+ [|>][-+0-9]*)");
  std::string out;
  out.reserve(text.size() + 256);
  std::size_t block_indent = std::string::npos;  // dash column of the block being widened
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    bool blank = line.find_first_not_of(' ') == std::string_view::npos;
    if (block_indent != std::string::npos && !blank && indentation(line) <= block_indent) block_indent = std::string::npos;
    if (block_indent != std::string::npos && !line.empty()) out += "  ";
    out += line;
    if (end != std::string_view::npos) out += '\n';
    if (block_indent == std::string::npos && !blank && (line.back() == '|' || line.back() == '>' || line.back() == '-' ||
                                                        line.back() == '+' || (line.back() >= '0' && line.back() <= '9')) &&
        line.find("- !") != std::string_view::npos && std::regex_match(line.begin(), line.end(), header))
      block_indent = indentation(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace

cfn::Value parse_yaml(std::string_view text) {
  try {
    return from_node(YAML::Load(widen_tagged_blocks_in_sequences(text)));
  } catch (const YAML::Exception& e) {
    throw ParseError(std::string("YAML: ") + e.what());
  }
}

}  // namespace ttsgen::render
