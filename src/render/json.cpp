// JSON rendering and reading on nlohmann::ordered_json, which keeps keys in insertion order.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <vector>

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

// Builds the value model straight from nlohmann's SAX events: no recursion however deep the
// input (the depth is bounded instead), and a duplicate key is seen where it occurs.
class Builder : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return add(Value()); }
  bool boolean(bool b) override { return add(Value(b)); }
  bool number_integer(number_integer_t n) override { return add(Value(n)); }
  bool number_unsigned(number_unsigned_t n) override {
    // Beyond int64 the number is kept as written, like a decimal fraction.
    return add(n > static_cast<number_unsigned_t>(INT64_MAX) ? Value::number(std::to_string(n)) : Value(static_cast<std::int64_t>(n)));
  }
  bool number_float(number_float_t x, const string_t&) override { return add(Value::number(Json(x).dump())); }
  bool string(string_t& s) override { return add(Value(std::move(s))); }
  bool binary(binary_t&) override { throw ParseError("JSON: binary values are not JSON"); }
  bool start_object(std::size_t) override { return open(Value::map()); }
  bool key(string_t& k) override {
    count();
    if (open_.back().value.find(k)) throw ParseError("JSON: duplicate key '" + k + "' (CloudFormation would keep only one of them)");
    open_.back().key = std::move(k);
    return true;
  }
  bool end_object() override {
    Value map = std::move(open_.back().value);
    open_.pop_back();
    if (map.size() == 1 && is_intrinsic_key(map.entries().front().key)) {
      std::string name = map.entries().front().key;
      return add(Value::function(std::move(name), std::move(map.entries().front().value)));
    }
    return add(std::move(map));
  }
  bool start_array(std::size_t) override { return open(Value::list()); }
  bool end_array() override {
    Value list = std::move(open_.back().value);
    open_.pop_back();
    return add(std::move(list));
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    // nlohmann's message already names the line and column; the position is the byte offset.
    std::string what = e.what();
    if (auto colon = what.find("] "); colon != std::string::npos) what = what.substr(colon + 2);
    throw ParseError("JSON: " + what + " (byte " + std::to_string(position) + ")");
  }

  Value result() { return std::move(result_); }

 private:
  struct Open {
    Value value;
    std::string key;  // of the next value, in a map
  };

  void count() {
    if (++nodes_ > kMaxNodes) throw ParseError("JSON: more than " + std::to_string(kMaxNodes) + " values; a CloudFormation template is at most 1,000,000 bytes");
  }
  bool open(Value container) {
    count();
    if (open_.size() >= kMaxNestingDepth) throw ParseError("JSON: nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels");
    open_.push_back(Open{std::move(container), {}});
    return true;
  }
  bool add(Value v) {
    if (!v.is_map() && !v.is_list()) count();  // containers were counted when opened
    if (open_.empty()) {
      result_ = std::move(v);
    } else if (open_.back().value.is_list()) {
      open_.back().value.push_back(std::move(v));
    } else {
      open_.back().value.set(std::move(open_.back().key), std::move(v));
    }
    return true;
  }

  std::vector<Open> open_;
  Value result_;
  std::size_t nodes_ = 0;
};

}  // namespace

std::string to_json(const cfn::Value& document) {
  // error_handler strict: invalid UTF-8 in a string is a bug in the model, not something to hide.
  return to_json_value(document).dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
}

cfn::Value parse_json(std::string_view text) {
  Builder builder;
  try {
    Json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const Json::exception& e) {
    throw ParseError(std::string("JSON: ") + e.what());
  }
  return builder.result();
}

}  // namespace ttsgen::render
