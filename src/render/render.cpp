// Format selection and the entry points shared by both formats.
#include "ttsgen/render/render.hpp"

namespace ttsgen::render {

cfn::Value parse_template(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return parse_json(text);
  return parse_yaml(text);
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "yaml") return Format::Yaml;
  if (name == "json") return Format::Json;
  return std::nullopt;
}

std::string_view to_string(Format f) { return f == Format::Yaml ? "yaml" : "json"; }

std::string render(const cfn::Template& t, Format f) {
  cfn::Value document = t.to_value();
  return f == Format::Yaml ? to_yaml(document) : to_json(document);
}

}  // namespace ttsgen::render
