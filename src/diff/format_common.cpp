#include "format_common.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ttsgen/render/render.hpp"
#include "ttsgen/util/text_diff.hpp"

namespace ttsgen::diff::detail {

using cfn::Value;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool is_multiline_string(const std::optional<Value>& v) {
  return v && v->is_string() && v->text().find('\n') != std::string::npos;
}

std::string text_of(const std::optional<Value>& v, bool raw) {
  if (!v) return "";
  if (raw) return v->is_string() ? v->text() : "";
  return render::to_yaml(*v);
}

std::vector<std::string> string_list(const Value& v, bool& ok) {
  std::vector<std::string> items;
  if (!v.is_list()) ok = false;
  for (const auto& item : v.items()) {
    if (!item.is_string()) ok = false;
    items.push_back(item.text());
  }
  return items;
}

std::string join(const std::vector<std::string>& items, bool markdown) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + (markdown ? "`" + item + "`" : item);
  return text;
}

}  // namespace

std::optional<std::string> one_line(const Value& v, std::size_t width) {
  // A plain one-line string reads best as it is ('false' and '0' are strings in a template anyway);
  // YAML shows the rest, and the empty string as ''.
  if (v.is_string() && !v.text().empty() && v.text().find('\n') == std::string::npos && v.text().front() != ' ' &&
      v.text().back() != ' ')
    return v.text().size() <= width ? std::optional<std::string>(v.text()) : std::nullopt;
  std::string yaml = render::to_yaml(v);
  if (!yaml.empty() && yaml.back() == '\n') yaml.pop_back();
  if (yaml.find('\n') != std::string::npos || yaml.size() > width) return std::nullopt;
  return yaml;
}

std::vector<std::string> diff_lines(const std::optional<Value>& before, const std::optional<Value>& after) {
  // Two multi-line strings (scripts, documents) are compared line by line as they are; anything
  // else as its YAML rendering, which indents nested values.
  bool raw = (is_multiline_string(before) || !before) && (is_multiline_string(after) || !after) && (before || after);
  std::string diff = util::unified_diff(text_of(before, raw), text_of(after, raw), "before", "after");
  std::vector<std::string> lines = split_lines(diff);
  if (lines.size() >= 2 && lines[0].starts_with("--- ") && lines[1].starts_with("+++ ")) lines.erase(lines.begin(), lines.begin() + 2);
  if (lines.empty()) lines.push_back("(the values differ only in their type)");
  return lines;
}

// Each side of a change printed inline at most this wide; a short Fn::If still fits.
constexpr std::size_t kInlineWidth = 72;

std::optional<InlineSides> inline_change(const ValueChange& c) {
  InlineSides sides;
  if (c.before && !(sides.before = one_line(*c.before, kInlineWidth))) return std::nullopt;
  if (c.after && !(sides.after = one_line(*c.after, kInlineWidth))) return std::nullopt;
  return sides;
}

std::optional<std::string> list_change(const ValueChange& c) {
  if (!c.before || !c.after) return std::nullopt;
  bool ok = true;
  auto before = string_list(*c.before, ok);
  auto after = string_list(*c.after, ok);
  if (!ok) return std::nullopt;
  std::vector<std::string> added, removed;
  for (const auto& a : after)
    if (std::find(before.begin(), before.end(), a) == before.end()) added.push_back(a);
  for (const auto& b : before)
    if (std::find(after.begin(), after.end(), b) == after.end()) removed.push_back(b);
  if (added.empty() && removed.empty()) return std::string("same values, new order");
  std::string text;
  if (!added.empty()) text += "added " + join(added, false);
  if (!removed.empty()) text += (text.empty() ? "" : "; ") + std::string("removed ") + join(removed, false);
  return text;
}

bool requires_value(const Value& parameter) { return parameter.is_map() && !parameter.find("Default"); }

std::string parameter_summary(const Value& parameter, bool markdown) {
  auto code = [markdown](const std::string& s) { return markdown ? "`" + s + "`" : s; };
  std::string text;
  const Value* type = parameter.find("Type");
  text += type && type->is_string() ? code(type->text()) : "?";
  if (const Value* def = parameter.find("Default")) {
    auto line = one_line(*def, 80);
    text += ", default " + (line ? code(*line) : std::string("(long value)"));
  } else {
    text += ", no default (a value is required)";
  }
  if (const Value* allowed = parameter.find("AllowedValues")) {
    bool ok = true;
    auto values = string_list(*allowed, ok);
    if (ok) text += ", allowed " + join(values, markdown);
  }
  if (const Value* pattern = parameter.find("AllowedPattern"); pattern && pattern->is_string())
    text += ", pattern " + code(pattern->text());
  if (const Value* no_echo = parameter.find("NoEcho"); no_echo && *no_echo == Value(true)) text += ", NoEcho";
  return text;
}

std::string stack_summary(const StackDiff& s) {
  auto counts = [](const auto& changes) {
    int added = 0, removed = 0, modified = 0;
    for (const auto& c : changes) {
      if (c.kind == Change::Added) ++added;
      if (c.kind == Change::Removed) ++removed;
      if (c.kind == Change::Modified) ++modified;
    }
    std::string text;
    if (added) text += fmt::format("{} added", added);
    if (removed) text += fmt::format("{}{} removed", text.empty() ? "" : ", ", removed);
    if (modified) text += fmt::format("{}{} changed", text.empty() ? "" : ", ", modified);
    return text;
  };
  std::vector<std::string> parts;
  if (s.status == StackStatus::Added) return "new stack";
  if (s.status == StackStatus::Removed) return "removed";
  if (s.renamed()) parts.push_back("renamed from " + s.before_name);
  if (!s.parameters.empty()) parts.push_back("parameters: " + counts(s.parameters));
  if (!s.resources.empty()) {
    std::string text = "resources: " + counts(s.resources);
    Replacement worst = s.worst_replacement();
    if (worst == Replacement::True) text += " (replacement)";
    if (worst == Replacement::Conditional) text += " (possible replacement)";
    parts.push_back(text);
  }
  if (!s.outputs.empty()) parts.push_back("outputs: " + counts(s.outputs));
  if (!s.other.empty()) parts.push_back("other: " + counts(s.other));
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
  return text.empty() ? "release only" : text;
}

}  // namespace ttsgen::diff::detail
