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

#include <map>
#include <memory>
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

// "!Ref" and the like; not "!!str" (resolved to tag:yaml.org,2002:str) nor verbatim "!<...>".
bool is_function_tag(const std::string& tag) { return tag.size() > 1 && tag[0] == '!' && tag[1] != '<' && tag[1] != '!'; }

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
    if (std::regex_match(s, decimal)) return Value(std::stoll(s));
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
    throw ParseError("YAML: expected " + wanted + " at line " + std::to_string(e.get().start_mark.line + 1));
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

  void remember(const unsigned char* anchor, const Value& v) {
    if (anchor) anchors_[text_of(anchor)] = v;
  }

  Value node(Event e) {
    yaml_event_t& ev = e.get();
    switch (ev.type) {
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(text_of(ev.data.alias.anchor));
        if (it == anchors_.end()) throw ParseError("YAML: unknown alias *" + text_of(ev.data.alias.anchor));
        return it->second;
      }
      case YAML_SCALAR_EVENT: {
        std::string tag = text_of(ev.data.scalar.tag);
        std::string text = text_of(ev.data.scalar.value, ev.data.scalar.length);
        bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        Value v;
        if (is_function_tag(tag)) {
          std::string name = long_name(tag);
          if (name == "Fn::GetAtt") {
            std::size_t dot = text.find('.');
            if (dot == std::string::npos) throw ParseError("!GetAtt without a dot: " + text);
            v = Value::function(name, Value::list({text.substr(0, dot), text.substr(dot + 1)}));
          } else {
            v = Value::function(name, Value(text));
          }
        } else {
          v = plain ? plain_scalar(text) : Value(text);
        }
        remember(ev.data.scalar.anchor, v);
        return v;
      }
      case YAML_SEQUENCE_START_EVENT: {
        std::string tag = text_of(ev.data.sequence_start.tag);
        std::string anchor = text_of(ev.data.sequence_start.anchor);
        Value list = Value::list();
        while (true) {
          Event item = next();
          if (item.get().type == YAML_SEQUENCE_END_EVENT) break;
          list.push_back(node(std::move(item)));
        }
        Value v = is_function_tag(tag) ? Value::function(long_name(tag), std::move(list)) : std::move(list);
        if (!anchor.empty()) anchors_[anchor] = v;
        return v;
      }
      case YAML_MAPPING_START_EVENT: {
        std::string tag = text_of(ev.data.mapping_start.tag);
        std::string anchor = text_of(ev.data.mapping_start.anchor);
        Value map = Value::map();
        while (true) {
          Event key = next();
          if (key.get().type == YAML_MAPPING_END_EVENT) break;
          if (key.get().type != YAML_SCALAR_EVENT) fail("a plain mapping key", key);
          std::string name = text_of(key.get().data.scalar.value, key.get().data.scalar.length);
          map.set(std::move(name), node(next()));
        }
        Value v = is_function_tag(tag) ? Value::function(long_name(tag), std::move(map)) : finish_map(std::move(map));
        if (!anchor.empty()) anchors_[anchor] = v;
        return v;
      }
      default:
        fail("a value", e);
    }
  }

  yaml_parser_t parser_{};
  std::map<std::string, Value> anchors_;
};

}  // namespace

cfn::Value parse_yaml(std::string_view text) { return Reader(text).document(); }

}  // namespace ttsgen::render
