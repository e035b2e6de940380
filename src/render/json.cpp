// JSON rendering and reading on nlohmann::ordered_json, which keeps keys in insertion order.
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "ttsgen/render/render.hpp"

namespace ttsgen::render {

namespace {

using cfn::Value;
using Json = nlohmann::ordered_json;

Json to_json_value(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return nullptr;
    case Value::Kind::Bool:
      return v.as_bool();
    case Value::Kind::Integer:
      return v.as_integer();
    case Value::Kind::Number:
      return std::strtod(v.text().c_str(), nullptr);
    case Value::Kind::String:
      return v.text();
    case Value::Kind::List: {
      Json list = Json::array();
      for (const auto& item : v.items()) list.push_back(to_json_value(item));
      return list;
    }
    case Value::Kind::Map: {
      Json map = Json::object();
      for (const auto& e : v.entries()) map[e.key] = to_json_value(e.value);
      return map;
    }
    case Value::Kind::Function: {
      Json fn = Json::object();
      fn[v.text()] = to_json_value(v.argument());
      return fn;
    }
  }
  return nullptr;
}

bool is_intrinsic_key(const std::string& key) {
  return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

Value from_json_value(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return Value();
    case Json::value_t::boolean:
      return Value(j.get<bool>());
    case Json::value_t::number_integer:
      return Value(j.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return Value(static_cast<std::int64_t>(j.get<std::uint64_t>()));
    case Json::value_t::number_float:
      return Value::number(j.dump());
    case Json::value_t::string:
      return Value(j.get<std::string>());
    case Json::value_t::array: {
      Value list = Value::list();
      for (const auto& item : j) list.push_back(from_json_value(item));
      return list;
    }
    case Json::value_t::object: {
      if (j.size() == 1 && is_intrinsic_key(j.begin().key()))
        return Value::function(j.begin().key(), from_json_value(j.begin().value()));
      Value map = Value::map();
      for (auto it = j.begin(); it != j.end(); ++it) map.set(it.key(), from_json_value(it.value()));
      return map;
    }
    default:
      throw ParseError("unsupported JSON value");
  }
}

}  // namespace

std::string to_json(const cfn::Value& document) {
  // error_handler strict: invalid UTF-8 in a string is a bug in the model, not something to hide.
  return to_json_value(document).dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
}

cfn::Value parse_json(std::string_view text) {
  try {
    return from_json_value(Json::parse(text.begin(), text.end()));
  } catch (const Json::exception& e) {
    throw ParseError(std::string("JSON: ") + e.what());
  }
}

}  // namespace ttsgen::render
