#pragma once
// cfn::Value: one node of a CloudFormation template. A node is a literal (null, bool, integer,
// number, string, list, ordered map) or an intrinsic function call such as {"Ref": "Vpc"}.
// Intrinsics are their own kind (not a one-key map) so that renderers can choose the YAML short
// form and the checks can find every reference without guessing.

#include <cstdint>
#include <initializer_list>
#include <memory>
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
  // Special members out of line: Entry (which holds a Value) is complete only after the class,
  // and clang instantiates the inline ones where they are declared.
  Value(const Value&);
  Value(Value&&) noexcept;
  Value& operator=(const Value&);
  Value& operator=(Value&&) noexcept;
  ~Value();
  Value(bool b) : Value(Kind::Bool, b ? 1 : 0) {}
  template <typename Int, typename = std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>>>
  Value(Int i) : Value(Kind::Integer, static_cast<std::int64_t>(i)) {}
  Value(std::string s);
  Value(std::string_view s) : Value(std::string(s)) {}
  Value(const char* s) : Value(std::string(s)) {}

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
  // Mutable access is for the values; a caller that renames, adds or removes entries through it
  // must not hold on to it across set/find/erase (the key index is dropped here and rebuilt by set).
  std::vector<Entry>& entries() {
    index_.reset();
    return entries_;
  }
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
  Value(Kind kind, std::int64_t integer);
  Kind kind_ = Kind::Null;
  std::int64_t integer_ = 0;
  std::string text_;
  std::vector<Value> items_;
  std::vector<Entry> entries_;
  // Key -> position in entries_, kept for maps of kIndexedFrom entries or more so that find and
  // set stay O(1) on a template with thousands of resources; entries_ alone keeps the order.
  struct KeyIndex;
  struct IndexPtr {
    std::unique_ptr<KeyIndex> p;
    IndexPtr() noexcept;
    IndexPtr(const IndexPtr& other);
    IndexPtr& operator=(const IndexPtr& other);
    IndexPtr(IndexPtr&&) noexcept;
    IndexPtr& operator=(IndexPtr&&) noexcept;
    ~IndexPtr();
    void reset();
  };
  IndexPtr index_;
  void rebuild_index();
};

struct Value::Entry {
  std::string key;
  Value value;
};

// A short, one-line description for error messages ("map", "!Ref Vpc", "'text'").
std::string describe(const Value& v);

}  // namespace ttsgen::cfn
