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

}  // namespace

cfn::Value parse_yaml(std::string_view text) {
  try {
    return from_node(YAML::Load(std::string(text)));
  } catch (const YAML::Exception& e) {
    throw ParseError(std::string("YAML: ") + e.what());
  }
}

}  // namespace ttsgen::render
