// Reading YAML templates back into the value model, with libyaml (the C reference parser that
// PyYAML's CLoader uses). Plain scalars are resolved the way CloudFormation's YAML 1.1 reader does
// (true/yes/on are booleans, 10 is an integer); quoted and block scalars stay strings; short-form
// tags become functions.
//
// Why libyaml and not yaml-cpp, which writes the templates: yaml-cpp 0.7's parser cannot read
// some YAML that its own emitter writes (a tagged block scalar as a list item, "- !Sub |"), and it
// is slow (about 1 MB/s), while `ttsgen validate` reads back every distinct template of every
// release.
#include <yaml.h>

#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <regex>
#include <algorithm>

#include "ttsgen/render/render.hpp"

namespace ttsgen::render {

namespace {

using cfn::Value;

std::string long_name(const std::string& tag) {
  std::string name = tag.substr(1);  // "!Ref" -> "Ref"
  if (name == "Ref" || name == "Condition") return name;
  return "Fn::" + name;
}

// "!Ref" and the like; not "!!str" (resolved to tag:yaml.org,2002:str) nor verbatim "!<...>".
bool is_function_tag(const std::string& tag) { return tag.size() > 1 && tag[0] == '!' && tag[1] != '<' && tag[1] != '!'; }

// The short forms CloudFormation reads (intrinsic-function-reference; Length and ToJsonString
// with the AWS::LanguageExtensions transform; the rule functions). Any other local tag is a typo that CloudFormation
// would refuse, so the reader refuses it too instead of passing it on as a string.
bool is_known_function_tag(const std::string& tag) {
  static const std::array<std::string_view, 26> known = {
      "!Ref",   "!Condition", "!Base64", "!Cidr", "!FindInMap", "!GetAtt", "!GetAZs", "!ImportValue", "!Join",
      "!Select", "!Split",    "!Sub",    "!Transform", "!And",   "!Equals", "!If",    "!Not",         "!Or",
      "!Length", "!ToJsonString",
      // Rule functions (rules-section-structure)
      "!Contains", "!EachMemberEquals", "!EachMemberIn", "!RefAll", "!ValueOf", "!ValueOfAll"};
  return std::find(known.begin(), known.end(), tag) != known.end();
}

// Tags other than the short forms: none, the standard YAML types ("!!str" resolves to
// tag:yaml.org,2002:str), or the non-specific "!".
void check_tag(const std::string& tag, std::size_t line) {
  if (tag.empty() || tag == "!" || tag.rfind("tag:yaml.org,2002:", 0) == 0) return;
  if (is_function_tag(tag) && is_known_function_tag(tag)) return;
  throw ParseError("YAML: unknown tag '" + tag + "' at line " + std::to_string(line) +
                   "; CloudFormation's short forms are !Ref, !GetAtt, !Sub, !Join, !If, ... (intrinsic functions)");
}

bool is_null_word(const std::string& s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

Value plain_scalar(const std::string& s) {
  static const std::regex decimal(R"([-+]?(0|[1-9][0-9]*))");
  static const std::regex floating(R"([-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?)");
  if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "Yes" || s == "YES" || s == "on" ||
      s == "On" || s == "ON")
    return Value(true);
  if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "No" || s == "NO" || s == "off" ||
      s == "Off" || s == "OFF")
    return Value(false);
  if (is_null_word(s)) return Value();
  char c = s.front();
  if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
    if (std::regex_match(s, decimal)) {
      std::int64_t n = 0;
      const char* begin = s.data() + (s.front() == '+' ? 1 : 0);
      auto [end, error] = std::from_chars(begin, s.data() + s.size(), n);
      if (error == std::errc() && end == s.data() + s.size()) return Value(n);
      return Value::number(s);  // beyond 64 bits: kept as written, like a decimal fraction
    }
    if (std::regex_match(s, floating)) return Value::number(s);
  }
  return Value(s);
}

// A map {"Ref": x} or {"Fn::...": x} is the long form of a function.
Value finish_map(Value map) {
  if (map.size() == 1) {
    const std::string& key = map.entries().front().key;
    if (key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0)
      return Value::function(key, std::move(map.entries().front().value));
  }
  return map;
}

class Reader {
 public:
  explicit Reader(std::string_view text) {
    if (!yaml_parser_initialize(&parser_)) throw ParseError("YAML: cannot initialise libyaml");
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Reader() { yaml_parser_delete(&parser_); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  Value document() {
    expect(YAML_STREAM_START_EVENT);
    Event e = next();
    if (e.get().type == YAML_STREAM_END_EVENT) return Value();  // an empty file
    if (e.get().type != YAML_DOCUMENT_START_EVENT) fail("a document", e);
    Value v = node(next());
    expect(YAML_DOCUMENT_END_EVENT);
    return v;
  }

 private:
  // An event, freed when it goes out of scope.
  class Event {
   public:
    Event() = default;
    ~Event() { yaml_event_delete(&event_); }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    Event(Event&& other) noexcept : event_(other.event_) { other.event_ = yaml_event_t{}; }
    yaml_event_t& get() { return event_; }

   private:
    yaml_event_t event_{};
  };

  Event next() {
    Event e;
    if (!yaml_parser_parse(&parser_, &e.get())) {
      std::string problem = parser_.problem ? parser_.problem : "syntax error";
      throw ParseError("YAML: error at line " + std::to_string(parser_.problem_mark.line + 1) + ", column " +
                       std::to_string(parser_.problem_mark.column + 1) + ": " + problem);
    }
    return e;
  }

  [[noreturn]] void fail(const std::string& wanted, Event& e) {
    throw ParseError("YAML: expected " + wanted + " at line " + std::to_string(line_of(e)));
  }

  void expect(yaml_event_type_t type) {
    Event e = next();
    if (e.get().type != type) fail("the structure of a single document", e);
  }

  static std::string text_of(const unsigned char* s, std::size_t n = std::string::npos) {
    if (!s) return {};
    const char* c = reinterpret_cast<const char*>(s);
    return n == std::string::npos ? std::string(c) : std::string(c, n);
  }

  static std::size_t line_of(Event& e) { return e.get().start_mark.line + 1; }

  // Every value and key counts, and an alias counts as the whole value it repeats: that is what
  // it costs in memory, and what the bound is for.
  void count(std::size_t nodes, Event& e) {
    nodes_ += nodes;
    if (nodes_ > kMaxNodes)
      throw ParseError("YAML: more than " + std::to_string(kMaxNodes) + " values (aliases expanded) at line " +
                       std::to_string(line_of(e)) + "; a CloudFormation template is at most 1,000,000 bytes");
  }

  void remember(const std::string& anchor, const Value& v, std::size_t nodes) {
    if (!anchor.empty()) anchors_[anchor] = Anchored{v, nodes};
  }

  // Depth of the node being read; a guard per map or list.
  struct Nesting {
    explicit Nesting(Reader& r, Event& e) : reader(r) {
      if (++reader.depth_ > kMaxNestingDepth)
        throw ParseError("YAML: nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels at line " +
                         std::to_string(line_of(e)));
    }
    ~Nesting() { --reader.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    Reader& reader;
  };

  Value node(Event e) {
    yaml_event_t& ev = e.get();
    std::size_t first = nodes_;
    switch (ev.type) {
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(text_of(ev.data.alias.anchor));
        if (it == anchors_.end()) throw ParseError("YAML: unknown alias *" + text_of(ev.data.alias.anchor) + " at line " + std::to_string(line_of(e)));
        count(it->second.nodes, e);
        return it->second.value;
      }
      case YAML_SCALAR_EVENT: {
        count(1, e);
        std::string tag = text_of(ev.data.scalar.tag);
        check_tag(tag, line_of(e));
        std::string text = text_of(ev.data.scalar.value, ev.data.scalar.length);
        bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        Value v;
        if (is_function_tag(tag)) {
          std::string name = long_name(tag);
          if (name == "Fn::GetAtt") {
            std::size_t dot = text.find('.');
            if (dot == std::string::npos)
              throw ParseError("YAML: !GetAtt without a dot at line " + std::to_string(line_of(e)) + ": " + text);
            v = Value::function(name, Value::list({text.substr(0, dot), text.substr(dot + 1)}));
          } else {
            v = Value::function(name, Value(text));
          }
        } else {
          v = plain && tag != "tag:yaml.org,2002:str" ? plain_scalar(text) : Value(text);
        }
        remember(text_of(ev.data.scalar.anchor), v, 1);
        return v;
      }
      case YAML_SEQUENCE_START_EVENT: {
        Nesting nesting(*this, e);
        count(1, e);
        std::string tag = text_of(ev.data.sequence_start.tag);
        check_tag(tag, line_of(e));
        std::string anchor = text_of(ev.data.sequence_start.anchor);
        Value list = Value::list();
        while (true) {
          Event item = next();
          if (item.get().type == YAML_SEQUENCE_END_EVENT) break;
          list.push_back(node(std::move(item)));
        }
        Value v = is_function_tag(tag) ? Value::function(long_name(tag), std::move(list)) : std::move(list);
        remember(anchor, v, nodes_ - first);
        return v;
      }
      case YAML_MAPPING_START_EVENT: {
        Nesting nesting(*this, e);
        count(1, e);
        std::string tag = text_of(ev.data.mapping_start.tag);
        check_tag(tag, line_of(e));
        std::string anchor = text_of(ev.data.mapping_start.anchor);
        Value map = Value::map();
        while (true) {
          Event key = next();
          if (key.get().type == YAML_MAPPING_END_EVENT) break;
          if (key.get().type != YAML_SCALAR_EVENT) fail("a plain mapping key", key);
          count(1, key);
          std::string name = text_of(key.get().data.scalar.value, key.get().data.scalar.length);
          if (map.find(name))
            throw ParseError("YAML: duplicate key '" + name + "' at line " + std::to_string(line_of(key)) +
                             " (CloudFormation would keep only one of them)");
          map.set(std::move(name), node(next()));
        }
        Value v = is_function_tag(tag) ? Value::function(long_name(tag), std::move(map)) : finish_map(std::move(map));
        remember(anchor, v, nodes_ - first);
        return v;
      }
      default:
        fail("a value", e);
    }
  }

  struct Anchored {
    Value value;
    std::size_t nodes = 0;  // what repeating it costs
  };
  yaml_parser_t parser_{};
  std::map<std::string, Anchored> anchors_;
  std::size_t depth_ = 0;
  std::size_t nodes_ = 0;
};

}  // namespace

cfn::Value parse_yaml(std::string_view text) { return Reader(text).document(); }

}  // namespace ttsgen::render
