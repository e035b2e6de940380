#pragma once
// cfn::Value: one node of a CloudFormation template. A node is a literal (null, bool, integer,
// number, string, list, ordered map) or an intrinsic function call such as {"Ref": "Vpc"}.
// Intrinsics are their own kind (not a one-key map) so that renderers can choose the YAML short
// form and the checks can find every reference without guessing.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace ttsgen::cfn {

class Value {
 public:
  enum class Kind { Null, Bool, Integer, Number, String, List, Map, Function };
  struct Entry;  // a key and its value, in a Map

  Value() = default;  // null
  Value(bool b) : kind_(Kind::Bool), integer_(b ? 1 : 0) {}
  template <typename Int, typename = std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>>>
  Value(Int i) : kind_(Kind::Integer), integer_(static_cast<std::int64_t>(i)) {}
  Value(std::string s) : kind_(Kind::String), text_(std::move(s)) {}
  Value(std::string_view s) : kind_(Kind::String), text_(s) {}
  Value(const char* s) : kind_(Kind::String), text_(s) {}

  // A decimal number kept in its written form ("0.5"), so that output never depends on
  // floating-point printing.
  static Value number(std::string decimal);
  static Value list(std::vector<Value> items = {});
  static Value map(std::initializer_list<std::pair<std::string, Value>> entries = {});
  // An intrinsic function: `name` is the long form ("Ref", "Fn::GetAtt", "Condition", ...).
  static Value function(std::string name, Value argument);
  // A list of strings, e.g. for AllowedValues or subnet lists.
  static Value strings(const std::vector<std::string>& items);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_map() const { return kind_ == Kind::Map; }
  bool is_function() const { return kind_ == Kind::Function; }
  // True for "Ref", "Fn::Sub", ... when this is that function.
  bool is_function(std::string_view name) const { return kind_ == Kind::Function && text_ == name; }

  bool as_bool() const;
  std::int64_t as_integer() const;
  // The string of a String, the decimal text of a Number, the name of a Function.
  const std::string& text() const { return text_; }
  // Items of a List; for a Function, one item: the argument.
  const std::vector<Value>& items() const { return items_; }
  std::vector<Value>& items() { return items_; }
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& entries() { return entries_; }
  // The argument of a Function.
  const Value& argument() const;

  // Map: replaces the value of an existing key in place, or appends the key.
  Value& set(std::string key, Value value);
  // Map: the value of `key`, or nullptr.
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  bool erase(std::string_view key);
  // List: appends.
  Value& push_back(Value item);
  std::size_t size() const;

  friend bool operator==(const Value& a, const Value& b);
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

 private:
  Kind kind_ = Kind::Null;
  std::int64_t integer_ = 0;
  std::string text_;
  std::vector<Value> items_;
  std::vector<Entry> entries_;
};

struct Value::Entry {
  std::string key;
  Value value;
};

// A short, one-line description for error messages ("map", "!Ref Vpc", "'text'").
std::string describe(const Value& v);

}  // namespace ttsgen::cfn
