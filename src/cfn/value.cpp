#include "ttsgen/cfn/value.hpp"

#include <stdexcept>
#include <unordered_map>

namespace ttsgen::cfn {

namespace {
// Below this many entries a linear scan is as fast as hashing and costs no memory.
constexpr std::size_t kIndexedFrom = 16;

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
}  // namespace

struct Value::KeyIndex {
  std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>> position;
};

Value::IndexPtr::IndexPtr(const IndexPtr& other) : p(other.p ? std::make_unique<KeyIndex>(*other.p) : nullptr) {}
Value::IndexPtr& Value::IndexPtr::operator=(const IndexPtr& other) {
  if (this != &other) p = other.p ? std::make_unique<KeyIndex>(*other.p) : nullptr;
  return *this;
}
Value::IndexPtr::IndexPtr() noexcept = default;
Value::IndexPtr::IndexPtr(IndexPtr&&) noexcept = default;
Value::IndexPtr& Value::IndexPtr::operator=(IndexPtr&&) noexcept = default;
Value::IndexPtr::~IndexPtr() = default;
void Value::IndexPtr::reset() { p.reset(); }

Value::Value(Kind kind, std::int64_t integer) : kind_(kind), integer_(integer) {}
Value::Value(std::string s) : kind_(Kind::String), text_(std::move(s)) {}
Value::Value(const Value&) = default;
Value::Value(Value&&) noexcept = default;
Value& Value::operator=(const Value&) = default;
Value& Value::operator=(Value&&) noexcept = default;
Value::~Value() = default;

void Value::rebuild_index() {
  index_.p = std::make_unique<KeyIndex>();
  index_.p->position.reserve(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) index_.p->position.emplace(entries_[i].key, i);
}

Value Value::number(std::string decimal) {
  Value v;
  v.kind_ = Kind::Number;
  v.text_ = std::move(decimal);
  return v;
}

Value Value::list(std::vector<Value> items) {
  Value v;
  v.kind_ = Kind::List;
  v.items_ = std::move(items);
  return v;
}

Value Value::map(std::initializer_list<std::pair<std::string, Value>> entries) {
  Value v;
  v.kind_ = Kind::Map;
  for (const auto& [key, value] : entries) v.set(key, value);
  return v;
}

Value Value::function(std::string name, Value argument) {
  Value v;
  v.kind_ = Kind::Function;
  v.text_ = std::move(name);
  v.items_.push_back(std::move(argument));
  return v;
}

Value Value::strings(const std::vector<std::string>& items) {
  Value v = list();
  for (const auto& s : items) v.items_.emplace_back(s);
  return v;
}

bool Value::as_bool() const {
  if (kind_ != Kind::Bool) throw std::logic_error("not a bool: " + describe(*this));
  return integer_ != 0;
}

std::int64_t Value::as_integer() const {
  if (kind_ != Kind::Integer) throw std::logic_error("not an integer: " + describe(*this));
  return integer_;
}

const Value& Value::argument() const {
  if (kind_ != Kind::Function) throw std::logic_error("not a function: " + describe(*this));
  return items_.front();
}

Value& Value::set(std::string key, Value value) {
  if (kind_ == Kind::Null) kind_ = Kind::Map;
  if (kind_ != Kind::Map) throw std::logic_error("set('" + key + "') on " + describe(*this));
  if (!index_.p && entries_.size() + 1 >= kIndexedFrom) rebuild_index();
  if (Value* existing = find(key)) {
    *existing = std::move(value);
  } else {
    if (index_.p) index_.p->position.emplace(key, entries_.size());
    entries_.push_back(Entry{std::move(key), std::move(value)});
  }
  return *this;
}

const Value* Value::find(std::string_view key) const {
  if (index_.p) {
    auto it = index_.p->position.find(key);
    return it == index_.p->position.end() ? nullptr : &entries_[it->second].value;
  }
  for (const auto& e : entries_)
    if (e.key == key) return &e.value;
  return nullptr;
}

Value* Value::find(std::string_view key) {
  return const_cast<Value*>(static_cast<const Value&>(*this).find(key));
}

bool Value::erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->key == key) {
      entries_.erase(it);
      index_.reset();  // positions after `it` moved
      if (entries_.size() >= kIndexedFrom) rebuild_index();
      return true;
    }
  }
  return false;
}

Value& Value::push_back(Value item) {
  if (kind_ == Kind::Null) kind_ = Kind::List;
  if (kind_ != Kind::List) throw std::logic_error("push_back on " + describe(*this));
  items_.push_back(std::move(item));
  return *this;
}

std::size_t Value::size() const {
  return kind_ == Kind::Map ? entries_.size() : items_.size();
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Value::Kind::Null:
      return true;
    case Value::Kind::Bool:
    case Value::Kind::Integer:
      return a.integer_ == b.integer_;
    case Value::Kind::Number:
    case Value::Kind::String:
      return a.text_ == b.text_;
    case Value::Kind::List:
      return a.items_ == b.items_;
    case Value::Kind::Function:
      return a.text_ == b.text_ && a.items_ == b.items_;
    case Value::Kind::Map:
      if (a.entries_.size() != b.entries_.size()) return false;
      for (std::size_t i = 0; i < a.entries_.size(); ++i) {
        if (a.entries_[i].key != b.entries_[i].key || a.entries_[i].value != b.entries_[i].value) return false;
      }
      return true;
  }
  return false;
}

std::string describe(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return "null";
    case Value::Kind::Bool:
      return v.as_bool() ? "true" : "false";
    case Value::Kind::Integer:
      return std::to_string(v.as_integer());
    case Value::Kind::Number:
      return v.text();
    case Value::Kind::String:
      return "'" + (v.text().size() > 40 ? v.text().substr(0, 40) + "..." : v.text()) + "'";
    case Value::Kind::List:
      return "list of " + std::to_string(v.size());
    case Value::Kind::Map:
      return "map of " + std::to_string(v.size());
    case Value::Kind::Function: {
      const Value& arg = v.argument();
      std::string short_name = v.text().rfind("Fn::", 0) == 0 ? v.text().substr(4) : v.text();
      return "!" + short_name + (arg.is_string() ? " " + arg.text() : "");
    }
  }
  return "?";
}

}  // namespace ttsgen::cfn
