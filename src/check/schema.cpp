#include "ttsgen/check/schema.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <regex>
#include <set>

#include "ttsgen/cfn/references.hpp"
#include "ttsgen/check/finding.hpp"
#include "ttsgen/util/embedded.hpp"
#include "ttsgen/util/spelling.hpp"

namespace ttsgen::check {

using cfn::Value;
using nlohmann::json;

namespace {

constexpr std::string_view kPrefix = "cloudformation/";

std::string schema_path(std::string_view type) {
  // "AWS::EC2::VPC" → "cloudformation/EC2/VPC.json"
  if (type.substr(0, 5) != "AWS::") return {};
  std::string_view rest = type.substr(5);
  std::size_t sep = rest.find("::");
  if (sep == std::string_view::npos) return {};
  return std::string(kPrefix) + std::string(rest.substr(0, sep)) + "/" + std::string(rest.substr(sep + 2)) + ".json";
}

std::string_view embedded_schema(std::string_view path) {
  const auto& files = embedded::schemas::all_files();
  auto it = files.find(path);
  return it == files.end() ? std::string_view{} : it->second;
}

}  // namespace

SchemaRegistry& SchemaRegistry::embedded() {
  static SchemaRegistry registry(embedded_schema);
  return registry;
}

SchemaRegistry::SchemaRegistry(Source source) : source_(source) {}
SchemaRegistry::~SchemaRegistry() = default;

const json* SchemaRegistry::find(std::string_view type) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key(type);
  if (auto it = parsed_.find(key); it != parsed_.end()) return it->second.get();
  std::string path = schema_path(type);
  std::string_view text = path.empty() ? std::string_view{} : source_(path);
  std::unique_ptr<json> schema;
  if (!text.empty()) schema = std::make_unique<json>(json::parse(text));
  return parsed_.emplace(std::move(key), std::move(schema)).first->second.get();
}

std::vector<std::string> SchemaRegistry::types() const {
  std::vector<std::string> types;
  for (const auto& [path, content] : embedded::schemas::all_files()) {
    if (path.substr(0, kPrefix.size()) != kPrefix || path.size() < 5 + kPrefix.size()) continue;
    std::string rest = path.substr(kPrefix.size(), path.size() - kPrefix.size() - 5);  // "EC2/VPC"
    std::size_t slash = rest.find('/');
    if (slash != std::string::npos) types.push_back("AWS::" + rest.substr(0, slash) + "::" + rest.substr(slash + 1));
  }
  return types;
}

namespace {

// Compiled `pattern` keywords. Registry patterns are written for ECMAScript-like engines; the few
// that std::regex cannot compile are skipped rather than guessed at.
class Patterns {
 public:
  // nullopt when the pattern is not usable.
  const std::regex* get(const std::string& pattern) {
    auto it = cache_.find(pattern);
    if (it == cache_.end()) {
      std::unique_ptr<std::regex> re;
      // std::regex reads Unicode classes (\p{L}) and inline groups ((?i), (?<=...)) as something
      // else without complaint, so patterns that use them are skipped too.
      bool unsupported = pattern.find("\\p{") != std::string::npos || pattern.find("\\P{") != std::string::npos ||
                         pattern.find("(?") != std::string::npos;
      try {
        if (!unsupported) re = std::make_unique<std::regex>(pattern, std::regex::ECMAScript | std::regex::optimize);
      } catch (const std::regex_error&) {
      }
      it = cache_.emplace(pattern, std::move(re)).first;
    }
    return it->second.get();
  }

 private:
  std::unordered_map<std::string, std::unique_ptr<std::regex>> cache_;
};

Patterns& patterns() {
  static thread_local Patterns p;
  return p;
}

// Long strings (UserData, documents) are not matched: std::regex recurses per character.
constexpr std::size_t kMaxPatternSubject = 4096;

bool is_no_value(const Value& v) { return v.is_function("Ref") && v.argument().is_string() && v.argument().text() == "AWS::NoValue"; }

// Whether a property is there: definitely, maybe (a Fn::If with an AWS::NoValue branch), or not.
enum class Presence { Absent, Maybe, Present };

Presence presence(const Value& map, const std::string& key) {
  const Value* v = map.find(key);
  if (!v || is_no_value(*v)) return Presence::Absent;
  if (v->is_function("Fn::If") && v->argument().is_list() && v->argument().size() == 3) {
    const auto& a = v->argument().items();
    if (is_no_value(a[1]) || is_no_value(a[2])) return Presence::Maybe;
  }
  return Presence::Present;
}

std::string join(const std::vector<std::string>& items, std::size_t max = 12) {
  std::string s;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) s += (i ? ", " : "") + items[i];
  if (items.size() > max) s += ", … (" + std::to_string(items.size()) + " in all)";
  return s;
}

std::vector<std::string> strings_of(const json& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e.is_string() ? e.get<std::string>() : e.dump());
  return out;
}

// The kind of value an intrinsic function gives, as a JSON Schema type; "" when it may be any.
std::string_view intrinsic_type(const Value& v, const Value& document) {
  const std::string& name = v.text();
  if (name == "Fn::Sub" || name == "Fn::Join" || name == "Fn::Base64" || name == "Fn::ImportValue") return "string";
  if (name == "Fn::Split" || name == "Fn::GetAZs" || name == "Fn::Cidr") return "array";
  if (name == "Ref" && v.argument().is_string()) {
    const Value* params = document.find("Parameters");
    const Value* p = params && params->is_map() ? params->find(v.argument().text()) : nullptr;
    const Value* type = p && p->is_map() ? p->find("Type") : nullptr;
    if (!type || !type->is_string()) return v.argument().text() == "AWS::NotificationARNs" ? "array" : "";
    const std::string& t = type->text();
    if (t == "CommaDelimitedList" || t.rfind("List<", 0) == 0 || t.find("<List<") != std::string::npos) return "array";
    return "string";
  }
  return "";
}

class Validator {
 public:
  Validator(const Value& document, SchemaRegistry& registry) : doc_(document), registry_(registry) {}

  std::vector<Finding> run() {
    const Value* resources = doc_.is_map() ? doc_.find("Resources") : nullptr;
    if (!resources || !resources->is_map()) return {};
    for (const auto& r : resources->entries()) {
      if (!r.value.is_map()) continue;
      const Value* type = r.value.find("Type");
      if (!type || !type->is_string()) continue;  // the structure check reports it
      logical_id_ = r.key;
      std::string path = "Resources." + r.key;
      const json* schema = registry_.find(type->text());
      if (!schema) {
        if (type->text().rfind("Custom::", 0) != 0 && type->text() != "AWS::CloudFormation::CustomResource")
          problem(path + ".Type", "no registry schema for resource type " + type->text() +
                                      " (add it to schemas/cloudformation/TYPES and run scripts/refresh-schemas.py)");
        continue;
      }
      root_ = schema;
      const Value* props = r.value.find("Properties");
      Value empty = Value::map();
      validate(props ? *props : empty, *schema, path + ".Properties", true);
    }
    check_attributes(*resources);
    return std::move(findings_);
  }

 private:
  void problem(std::string path, std::string message) {
    Finding f;
    f.rule = "schema";
    f.logical_id = logical_id_;
    f.path = std::move(path);
    f.message = std::move(message);
    findings_.push_back(std::move(f));
  }

  const json& resolve(const json& schema) const {
    const json* s = &schema;
    for (int depth = 0; depth < 32 && s->is_object(); ++depth) {
      auto ref = s->find("$ref");
      if (ref == s->end() || !ref->is_string()) break;
      const std::string& target = ref->get_ref<const std::string&>();
      if (target.rfind("#/definitions/", 0) != 0) break;
      auto defs = root_->find("definitions");
      if (defs == root_->end()) break;
      auto def = defs->find(target.substr(14));
      if (def == defs->end()) break;
      s = &*def;
    }
    return *s;
  }

  static std::vector<std::string> types_of(const json& schema) {
    auto t = schema.find("type");
    if (t == schema.end()) return {};
    if (t->is_string()) return {t->get<std::string>()};
    return strings_of(*t);
  }

  static bool has(const std::vector<std::string>& types, std::string_view t) {
    return std::find(types.begin(), types.end(), t) != types.end();
  }

  // The text CloudFormation would pass for a scalar, or nullopt for lists and maps.
  static std::optional<std::string> scalar_text(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::String:
      case Value::Kind::Number:
        return v.text();
      case Value::Kind::Integer:
        return std::to_string(v.as_integer());
      case Value::Kind::Bool:
        return v.as_bool() ? "true" : "false";
      default:
        return std::nullopt;
    }
  }

  static bool is_integer_text(const std::string& s) {
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    return i < s.size() && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  static bool is_number_text(const std::string& s) {
    if (s.empty()) return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size();
  }

  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  // Does the literal `v` fit one of `types`? CloudFormation converts scalars: a string "5" is an
  // integer, "true" a boolean, and numbers and booleans are strings.
  static bool fits(const Value& v, const std::vector<std::string>& types) {
    if (types.empty()) return true;
    switch (v.kind()) {
      case Value::Kind::List:
        return has(types, "array");
      case Value::Kind::Map:
        return has(types, "object");
      case Value::Kind::Null:
        return has(types, "null");
      case Value::Kind::Bool:
        return has(types, "boolean") || has(types, "string");
      case Value::Kind::Integer:
        return has(types, "integer") || has(types, "number") || has(types, "string");
      case Value::Kind::Number:
        return has(types, "number") || has(types, "string") || (has(types, "integer") && is_integer_text(v.text()));
      case Value::Kind::String: {
        const std::string& s = v.text();
        return has(types, "string") || (has(types, "integer") && is_integer_text(s)) ||
               (has(types, "number") && is_number_text(s)) ||
               (has(types, "boolean") && (lower(s) == "true" || lower(s) == "false"));
      }
      case Value::Kind::Function:
        return true;
    }
    return true;
  }

  static std::string kind_name(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::Null: return "null";
      case Value::Kind::Bool: return "a boolean";
      case Value::Kind::Integer: return "an integer";
      case Value::Kind::Number: return "a number";
      case Value::Kind::String: return "a string";
      case Value::Kind::List: return "a list";
      case Value::Kind::Map: return "a map";
      case Value::Kind::Function: return describe(v);
    }
    return "?";
  }

  void validate(const Value& v, const json& raw_schema, const std::string& path, bool top = false) {
    const json& schema = resolve(raw_schema);
    if (!schema.is_object()) return;
    if (v.is_function()) return validate_function(v, schema, path);

    auto types = types_of(schema);
    if (!fits(v, types)) {
      std::string desc = v.is_string() || v.kind() == Value::Kind::Number ? " '" + v.text() + "'" : "";
      return problem(path, "expected " + join(types) + ", got " + kind_name(v) + desc);
    }
    if (auto any = schema.find("anyOf"); any != schema.end()) validate_alternatives(v, *any, path);
    if (auto one = schema.find("oneOf"); one != schema.end()) validate_alternatives(v, *one, path);
    if (auto all = schema.find("allOf"); all != schema.end())
      for (const auto& s : *all) validate(v, s, path);

    if (auto text = scalar_text(v)) return validate_scalar(*text, v, schema, path);
    if (v.is_list()) return validate_list(v, schema, path);
    if (v.is_map()) return validate_object(v, schema, path, top);
  }

  // anyOf/oneOf: the value must fit at least one alternative. (oneOf is read as anyOf: the
  // registry's alternatives often overlap, and CloudFormation itself is as lenient.)
  void validate_alternatives(const Value& v, const json& alternatives, const std::string& path) {
    std::vector<Finding> best;
    bool first = true;
    for (const auto& alt : alternatives) {
      std::vector<Finding> saved = std::move(findings_);
      findings_.clear();
      validate(v, alt, path);
      std::vector<Finding> these = std::move(findings_);
      findings_ = std::move(saved);
      if (these.empty()) return;
      if (first || these.size() < best.size()) best = std::move(these);
      first = false;
    }
    for (auto& f : best) findings_.push_back(std::move(f));
  }

  void validate_function(const Value& v, const json& schema, const std::string& path) {
    const Value& arg = v.argument();
    if (v.is_function("Fn::If") && arg.is_list() && arg.size() == 3) {
      for (std::size_t branch : {std::size_t{1}, std::size_t{2}})
        if (!is_no_value(arg.items()[branch])) validate(arg.items()[branch], schema, path + ".Fn::If[" + std::to_string(branch) + "]");
      return;
    }
    if (is_no_value(v)) return;
    auto types = types_of(schema);
    std::string_view gives = intrinsic_type(v, doc_);
    bool scalar_ok = has(types, "string") || has(types, "integer") || has(types, "number") || has(types, "boolean");
    if (!types.empty() && !gives.empty() && !(gives == "string" ? scalar_ok : has(types, std::string(gives))))
      problem(path, "expected " + join(types) + ", but " + describe(v) + " gives a" + (gives == "array" ? " list" : " string"));
    if (v.is_function("Ref") && arg.is_string()) check_parameter_values(arg.text(), schema, path);
  }

  // A Ref to a parameter with AllowedValues: each allowed value must be acceptable here.
  void check_parameter_values(const std::string& parameter, const json& schema, const std::string& path) {
    auto e = schema.find("enum");
    if (e == schema.end()) return;
    const Value* params = doc_.find("Parameters");
    const Value* p = params && params->is_map() ? params->find(parameter) : nullptr;
    const Value* allowed = p && p->is_map() ? p->find("AllowedValues") : nullptr;
    if (!allowed || !allowed->is_list()) return;
    auto valid = strings_of(*e);
    for (const auto& a : allowed->items()) {
      auto text = scalar_text(a);
      if (text && std::find(valid.begin(), valid.end(), *text) == valid.end())
        problem(path, "parameter " + parameter + " allows '" + *text + "', which is not valid here (valid: " + join(valid) + ")");
    }
  }

  void validate_scalar(const std::string& text, const Value& v, const json& schema, const std::string& path) {
    if (auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
      auto valid = strings_of(*e);
      bool insensitive = schema.value("enumCaseInsensitive", false);
      bool found = std::any_of(valid.begin(), valid.end(), [&](const std::string& s) {
        return insensitive ? lower(s) == lower(text) : s == text;
      });
      if (!found) {
        auto hint = util::closest_match(text, valid);
        problem(path, "'" + text + "' is not a valid value" + (hint ? " (did you mean '" + *hint + "'?)" : "") + "; valid: " + join(valid));
        return;
      }
    }
    if (auto c = schema.find("const"); c != schema.end()) {
      std::string expected = c->is_string() ? c->get<std::string>() : c->dump();
      if (expected != text) problem(path, "must be '" + expected + "', not '" + text + "'");
    }
    bool is_text = v.is_string();
    if (is_text) {
      std::size_t length = 0;  // characters, not bytes
      for (char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      if (auto n = schema.find("minLength"); n != schema.end() && n->is_number_unsigned() && length < n->get<std::size_t>())
        problem(path, "'" + text + "' is shorter than " + std::to_string(n->get<std::size_t>()) + " characters");
      if (auto n = schema.find("maxLength"); n != schema.end() && n->is_number_unsigned() && length > n->get<std::size_t>())
        problem(path, "value is " + std::to_string(length) + " characters long, more than " + std::to_string(n->get<std::size_t>()));
      if (auto p = schema.find("pattern"); p != schema.end() && p->is_string() && text.size() <= kMaxPatternSubject) {
        if (const std::regex* re = patterns().get(p->get<std::string>()); re && !std::regex_search(text, *re))
          problem(path, "'" + text + "' does not match the pattern " + p->get<std::string>());
      }
    }
    auto types = types_of(schema);
    bool numeric = (has(types, "integer") || has(types, "number")) && !has(types, "string") && is_number_text(text);
    if (numeric) {
      double x = std::strtod(text.c_str(), nullptr);
      if (auto n = schema.find("minimum"); n != schema.end() && n->is_number() && x < n->get<double>())
        problem(path, text + " is less than the minimum " + n->dump());
      if (auto n = schema.find("maximum"); n != schema.end() && n->is_number() && x > n->get<double>())
        problem(path, text + " is more than the maximum " + n->dump());
    }
  }

  void validate_list(const Value& v, const json& schema, const std::string& path) {
    if (auto n = schema.find("minItems"); n != schema.end() && n->is_number_unsigned() && v.size() < n->get<std::size_t>())
      problem(path, "needs at least " + n->dump() + " items, has " + std::to_string(v.size()));
    if (auto n = schema.find("maxItems"); n != schema.end() && n->is_number_unsigned() && v.size() > n->get<std::size_t>())
      problem(path, "takes at most " + n->dump() + " items, has " + std::to_string(v.size()));
    if (schema.value("uniqueItems", false)) {
      for (std::size_t i = 0; i < v.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
          if (!v.items()[i].is_function() && v.items()[i] == v.items()[j])
            problem(path + "[" + std::to_string(i) + "]", "repeats item " + std::to_string(j) + " (" + describe(v.items()[i]) + ")");
    }
    if (auto items = schema.find("items"); items != schema.end() && items->is_object())
      for (std::size_t i = 0; i < v.size(); ++i) validate(v.items()[i], *items, path + "[" + std::to_string(i) + "]");
  }

  void validate_object(const Value& v, const json& schema, const std::string& path, bool top) {
    auto props = schema.find("properties");
    auto pattern_props = schema.find("patternProperties");
    auto additional = schema.find("additionalProperties");
    std::set<std::string> read_only;
    if (top)
      if (auto ro = schema.find("readOnlyProperties"); ro != schema.end())
        for (const auto& p : strings_of(*ro))
          if (p.rfind("/properties/", 0) == 0 && p.find('/', 12) == std::string::npos) read_only.insert(p.substr(12));

    for (const auto& e : v.entries()) {
      std::string at = path + "." + e.key;
      if (props != schema.end()) {
        if (auto p = props->find(e.key); p != props->end()) {
          if (read_only.count(e.key)) problem(at, "'" + e.key + "' is read-only: an attribute, not a property you can set");
          validate(e.value, *p, at);
          continue;
        }
      }
      bool matched = false;
      if (pattern_props != schema.end() && pattern_props->is_object()) {
        for (const auto& [pattern, sub] : pattern_props->items()) {
          // A pattern std::regex cannot read (e.g. \p{L} in tag keys) cannot refuse a key.
          const std::regex* re = patterns().get(pattern);
          if (!re || std::regex_search(e.key, *re)) {
            validate(e.value, sub, at);
            matched = true;
            break;
          }
        }
      }
      if (matched) continue;
      if (additional != schema.end() && additional->is_boolean() && !additional->get<bool>()) {
        std::vector<std::string> known;
        if (props != schema.end())
          for (const auto& [name, sub] : props->items())
            if (!read_only.count(name)) known.push_back(name);
        auto hint = util::closest_match(e.key, known);
        problem(at, "unknown property '" + e.key + "'" +
                        (hint ? "; did you mean '" + *hint + "'?" : known.empty() ? "" : "; valid: " + join(known)));
      } else if (additional != schema.end() && additional->is_object()) {
        validate(e.value, *additional, at);
      }
    }

    if (auto req = schema.find("required"); req != schema.end())
      for (const auto& name : strings_of(*req))
        if (presence(v, name) == Presence::Absent) problem(path, "missing required property '" + name + "'");
    check_combinations(v, schema, path);
  }

  // The registry's (and cfn-lint's) rules on combinations of properties.
  void check_combinations(const Value& v, const json& schema, const std::string& path) {
    if (auto x = schema.find("requiredXor"); x != schema.end() && x->is_array()) {
      auto names = strings_of(*x);
      std::size_t present = 0, maybe = 0;
      for (const auto& n : names) {
        Presence p = presence(v, n);
        present += p == Presence::Present;
        maybe += p == Presence::Maybe;
      }
      if (present > 1) problem(path, "set only one of " + join(names));
      if (present + maybe == 0) problem(path, "set one of " + join(names));
    }
    if (auto x = schema.find("requiredOr"); x != schema.end() && x->is_array()) {
      auto names = strings_of(*x);
      bool any = std::any_of(names.begin(), names.end(), [&](const std::string& n) { return presence(v, n) != Presence::Absent; });
      if (!any) problem(path, "set at least one of " + join(names));
    }
    for (const char* keyword : {"dependentRequired", "dependentExcluded"}) {
      auto x = schema.find(keyword);
      if (x == schema.end() || !x->is_object()) continue;
      bool required = std::string_view(keyword) == "dependentRequired";
      for (const auto& [name, others] : x->items()) {
        if (presence(v, name) != Presence::Present) continue;
        for (const auto& other : strings_of(others)) {
          Presence p = presence(v, other);
          if (required && p == Presence::Absent) problem(path, "'" + name + "' needs '" + other + "' as well");
          if (!required && p == Presence::Present) problem(path, "'" + name + "' and '" + other + "' exclude each other");
        }
      }
    }
  }

  // Fn::GetAtt [R, A] and ${R.A}: A must be an attribute of R's type (a read-only property, or a
  // property; cfn-lint reads the registry the same way).
  void check_attributes(const Value& resources) {
    for (const auto& r : resources.entries()) {
      if (!r.value.is_map()) continue;
      logical_id_ = r.key;
      if (const Value* props = r.value.find("Properties")) walk_attributes(*props, resources, "Resources." + r.key + ".Properties");
    }
    if (const Value* outputs = doc_.find("Outputs"); outputs && outputs->is_map()) {
      for (const auto& o : outputs->entries()) {
        logical_id_ = o.key;
        walk_attributes(o.value, resources, "Outputs." + o.key);
      }
    }
  }

  void walk_attributes(const Value& v, const Value& resources, const std::string& path) {
    if (v.is_function("Fn::GetAtt") && v.argument().is_list() && v.argument().size() == 2 && v.argument().items()[0].is_string() &&
        v.argument().items()[1].is_string()) {
      need_attribute(v.argument().items()[0].text(), v.argument().items()[1].text(), resources, path);
    } else if (v.is_function("Fn::Sub")) {
      const Value& arg = v.argument();
      const Value* text = arg.is_string() ? &arg : (arg.is_list() && arg.size() > 0 ? &arg.items()[0] : nullptr);
      const Value* locals = arg.is_list() && arg.size() == 2 && arg.items()[1].is_map() ? &arg.items()[1] : nullptr;
      if (text && text->is_string())
        for (const auto& var : cfn::sub_variables(text->text())) {
          std::size_t dot = var.find('.');
          if (dot == std::string::npos || cfn::is_pseudo_parameter(var) || (locals && locals->find(var))) continue;
          need_attribute(var.substr(0, dot), var.substr(dot + 1), resources, path);
        }
    }
    if (v.is_function()) return walk_attributes(v.argument(), resources, path + "." + v.text());
    if (v.is_list())
      for (std::size_t i = 0; i < v.size(); ++i) walk_attributes(v.items()[i], resources, path + "[" + std::to_string(i) + "]");
    if (v.is_map())
      for (const auto& e : v.entries()) walk_attributes(e.value, resources, path + "." + e.key);
  }

  void need_attribute(const std::string& resource, const std::string& attribute, const Value& resources, const std::string& path) {
    const Value* r = resources.find(resource);
    const Value* type = r && r->is_map() ? r->find("Type") : nullptr;
    if (!type || !type->is_string()) return;  // the reference check reports unknown resources
    const json* schema = registry_.find(type->text());
    if (!schema) return;
    std::vector<std::string> attributes;
    if (auto ro = schema->find("readOnlyProperties"); ro != schema->end())
      for (auto p : strings_of(*ro)) {
        if (p.rfind("/properties/", 0) != 0) continue;
        p = p.substr(12);
        std::replace(p.begin(), p.end(), '/', '.');
        attributes.push_back(p);
      }
    if (auto props = schema->find("properties"); props != schema->end())
      for (const auto& [name, sub] : props->items()) attributes.push_back(name);
    if (std::find(attributes.begin(), attributes.end(), attribute) != attributes.end()) return;
    auto hint = util::closest_match(attribute, attributes);
    problem(path, type->text() + " " + resource + " has no attribute '" + attribute + "'" + (hint ? "; did you mean '" + *hint + "'?" : ""));
  }

  const Value& doc_;
  SchemaRegistry& registry_;
  const json* root_ = nullptr;
  std::string logical_id_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> check_schemas(const Value& document, SchemaRegistry& registry) { return Validator(document, registry).run(); }

}  // namespace ttsgen::check
