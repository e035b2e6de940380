// YAML rendering. The scalar style (plain, quoted, literal block) and the form of each intrinsic
// are decided here, because yaml-cpp 0.7 neither quotes YAML-1.1-ambiguous scalars nor writes
// every block scalar so that it reads back the same (see docs/decisions.md, "YAML emitter").
//
// The layout is written here too, as yaml-cpp's emitter lays it out (2-space indentation, block
// sequences indented under their key, "- " items whose first map entry shares the line), byte for
// byte: the unit test yaml_emitter_oracle_test holds this writer to the former yaml-cpp-based one
// over every release and random documents. Writing directly into a string is what makes rendering
// every release fast; yaml-cpp checked every character of every scalar through its regular
// expression engine. yaml-cpp is still asked, one scalar at a time, whenever its answer is not
// certain from the text: a plain scalar that writes_plain_verbatim does not vouch for, and every
// double-quoted one (its escapes).
#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "ttsgen/render/render.hpp"
#include "ttsgen/render/yaml_style.hpp"

namespace ttsgen::render {

bool writes_plain_verbatim(std::string_view s, bool in_flow) {
  // yaml-cpp writes a string plain unless it is a null word, starts with a blank or an indicator,
  // ends with a blank, or contains ': ' or ' #', a control character, a C1 control or a byte-order
  // mark (in flow context also ,?[]{} and ':' before ,]}). Rather than copy those rules, this
  // accepts a subset that none of them touches: printable ASCII, first character a letter, digit
  // or one of $/._(=+^;, last not a blank, ':' only before a non-blank and '#' only after one (in
  // flow context neither, nor any of ,?[]{}), no '&' (later yaml-cpp versions refuse it), and no
  // null word. Anything else is asked of yaml-cpp. The unit test holds this to yaml-cpp.
  if (s.empty() || s.size() > 1024) return false;  // yaml-cpp writes keys over 1024 bytes as "? key"
  if (s == "null" || s == "Null" || s == "NULL") return false;
  char first = s.front();
  bool plain_first = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9') ||
                     std::string_view("$/._(=+^;").find(first) != std::string_view::npos;
  if (!plain_first || s.back() == ' ') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c < 0x20 || c > 0x7e || c == '&') return false;
    if (in_flow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}' || c == ':' || c == '#')) return false;
    if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return false;
    if (c == '#' && (i == 0 || s[i - 1] == ' ')) return false;
  }
  return true;
}

namespace {

using cfn::Value;
using namespace yaml_style;

// yaml-cpp's rendering of one scalar in the given style (Auto: plain if it may be), in block or
// flow context.
std::string yaml_cpp_scalar(const std::string& s, YAML::EMITTER_MANIP style, bool in_flow) {
  YAML::Emitter out;
  if (in_flow) {
    out << YAML::Flow << YAML::BeginSeq << style << s << YAML::EndSeq;
    std::string text = out.c_str();
    return text.substr(1, text.size() - 2);  // "[x]" → "x"
  }
  out << YAML::BeginMap << YAML::Key << "k" << YAML::Value << style << s << YAML::EndMap;
  return std::string(out.c_str()).substr(3);  // "k: x" → "x"
}

std::string single_quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += '\'';
    q += c;
  }
  return q + "'";
}

class Writer {
 public:
  std::string text;

  void document(const Value& v) {
    // The top node is the first group (depth 1), its block content at column 0. A function at the
    // top (the diff renders sub-trees such as `!If [...]` on their own) takes the shape of its
    // argument, like a value after a key.
    const Value* tagged = nullptr;
    Shape s = shape(v, &tagged);
    const Value& content = tagged ? *tagged : v;
    std::string tag = tagged ? "!" + short_tag(v.text()) : "";
    switch (s) {
      case Shape::Map:
        return map_entries(as_map(v), 0, false, 1);
      case Shape::List:
        if (tagged) text += tag + "\n";
        return list_items(content, 0, 1);
      case Shape::Literal:
        text += tagged ? tag + " " : "";
        return literal(content.text(), 2);
      case Shape::Inline:
        text += inline_text(v, false, 0, 1);
        text += '\n';
        return;
    }
  }

 private:
  void indent(std::size_t column) { text.append(column, ' '); }

  // The text of a string scalar that fits on the line (not a literal block).
  std::string string_text(const std::string& s, bool in_flow) {
    if (s.find('\n') != std::string::npos || has_control_characters(s)) return yaml_cpp_scalar(s, YAML::DoubleQuoted, in_flow);
    if (is_ambiguous_plain_scalar(s) || needs_quotes_for_syntax(s)) return single_quoted(s);
    if (writes_plain_verbatim(s, in_flow)) return s;
    return yaml_cpp_scalar(s, YAML::Auto, in_flow);
  }

  // Whether `v` is written over several lines (a block map, block list, or literal block,
  // possibly behind a tag) rather than on the line of its key or dash.
  enum class Shape { Inline, Map, List, Literal };

  // The shape of `v`, and for functions written with a tag, the tagged value in `*tagged`.
  Shape shape(const Value& v, const Value** tagged) {
    *tagged = nullptr;
    switch (v.kind()) {
      case Value::Kind::Map:
        return v.size() > 0 ? Shape::Map : Shape::Inline;
      case Value::Kind::List:
        return is_flow_list(v, false) ? Shape::Inline : Shape::List;
      case Value::Kind::String:
        return v.text().find('\n') != std::string::npos && fits_literal_block(v.text()) ? Shape::Literal : Shape::Inline;
      case Value::Kind::Function: {
        const Value& arg = v.argument();
        // One node carries one tag: a function whose argument is itself a function (or a mapping,
        // which some parsers never convert) is written in long form, a map of one key.
        if (arg.is_function() || arg.is_map()) return Shape::Map;
        if (is_get_att(v)) return Shape::Inline;
        const Value* ignored = nullptr;
        Shape inner = shape(arg, &ignored);
        if (inner == Shape::Inline) return Shape::Inline;
        *tagged = &arg;
        return inner;
      }
      default:
        return Shape::Inline;
    }
  }

  static bool is_get_att(const Value& fn) {
    const Value& arg = fn.argument();
    return fn.text() == "Fn::GetAtt" && arg.is_list() && arg.size() == 2 && arg.items()[0].is_string() && arg.items()[1].is_string();
  }

  // A node written on one line, starting at `column`: scalars, flow lists, empty maps, tagged
  // inline values. `depth` is the nesting depth a collection here has (the top map is 1).
  // yaml-cpp indents an empty collection to its depth's indentation (2 per enclosing group) when
  // the line has not reached it yet: "- [ []]", "[[ []]]" but "k: [[]]"; this copies that.
  std::string inline_text(const Value& v, bool in_flow, std::size_t column, std::size_t depth) {
    auto empty = [&](const char* brackets) {
      std::size_t indentation = 2 * (depth - 1);
      return std::string(indentation > column ? indentation - column : 0, ' ') + brackets;
    };
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
        return string_text(v.text(), in_flow);
      case Value::Kind::List: {
        if (v.size() == 0) return empty("[]");
        std::string s = "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (i) s += ", ";
          s += inline_text(v.items()[i], true, column + s.size(), depth + 1);
        }
        return s + "]";
      }
      case Value::Kind::Map:
        if (in_flow) throw std::logic_error("mapping inside a flow sequence");
        return empty("{}");
      case Value::Kind::Function: {
        const Value& arg = v.argument();
        if (arg.is_function() || arg.is_map()) throw std::logic_error("long-form intrinsic inside a flow sequence");
        if (is_get_att(v)) {
          // "Resource.Attribute" goes to yaml-cpp as it is (logical ids and attribute names need
          // no quotes of ours), so only its own plain-scalar rule applies.
          std::string name = arg.items()[0].text() + "." + arg.items()[1].text();
          return "!GetAtt " + (writes_plain_verbatim(name, in_flow) ? name : yaml_cpp_scalar(name, YAML::Auto, in_flow));
        }
        std::string tag = "!" + short_tag(v.text()) + " ";
        return tag + inline_text(arg, in_flow, column + tag.size(), depth);
      }
    }
    return {};
  }

  void literal(const std::string& s, std::size_t column) {
    // The text without its final newline, every line indented to `column`; empty lines stay empty.
    text += "|\n";
    std::size_t start = 0;
    while (start < s.size() - 1) {
      std::size_t end = s.find('\n', start);
      if (end > start) indent(column);
      text.append(s, start, end - start);
      text += '\n';
      start = end + 1;
    }
  }

  // Writes `v` after "key:" or "-" (the indicator is already written); `column` is where its
  // block content starts, `depth` the depth it has as a collection.
  void after_indicator(const Value& v, std::size_t column, bool is_item, std::size_t depth) {
    const Value* tagged = nullptr;
    Shape s = shape(v, &tagged);
    std::string tag = tagged ? " !" + short_tag(v.text()) : "";
    const Value& content = tagged ? *tagged : v;
    switch (s) {
      case Shape::Inline: {
        std::size_t line_start = text.rfind('\n') + 1;  // npos + 1 == 0 on the first line
        text += " ";
        text += inline_text(v, false, text.size() - line_start, depth);
        text += "\n";
        return;
      }
      case Shape::Literal:
        text += tag + " ";
        return literal(content.text(), column);
      case Shape::List:
        text += tag + "\n";
        return list_items(content, column, depth);
      case Shape::Map:
        if (is_item) {
          text += " ";
          return map_entries(as_map(v), column, true, depth);
        }
        text += "\n";
        return map_entries(as_map(v), column, false, depth);
    }
  }

  // A long-form function is the map {name: argument}.
  static Value as_map(const Value& v) {
    if (!v.is_function()) return v;
    Value m = Value::map();
    m.set(v.text(), v.argument());
    return m;
  }

  void map_entries(const Value& map, std::size_t column, bool first_inline, std::size_t depth) {
    bool first = true;
    for (const auto& e : map.entries()) {
      if (!(first && first_inline)) indent(column);
      first = false;
      text += string_text(e.key, false) + ":";
      after_indicator(e.value, column + 2, false, depth + 1);
    }
  }

  void list_items(const Value& list, std::size_t column, std::size_t depth) {
    for (const auto& item : list.items()) {
      indent(column);
      text += "-";
      after_indicator(item, column + 2, true, depth + 1);
    }
  }
};

}  // namespace

std::string to_yaml(const cfn::Value& document) {
  Writer w;
  w.document(document);
  return std::move(w.text);
}

}  // namespace ttsgen::render
