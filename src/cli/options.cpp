// Option helpers shared by the commands.
#include "command.hpp"

namespace ttsgen::cli {

const CLI::Validator kNonEmpty(
    [](const std::string& value) {
      return value.empty() ? std::string("an empty value is not allowed (leave the option out for its default)") : std::string();
    },
    "", "NON_EMPTY");

catalog::Version release_from(const std::string& text) {
  if (text.empty()) return catalog::newest_release();
  try {
    return catalog::require_supported(text);
  } catch (const catalog::UnsupportedRelease& e) {
    throw UsageError(e.what());
  }
}

void add_output_format(CLI::App& command, std::string& format, const std::vector<std::string>& choices) {
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : "|") + c;
  command.add_option("--format", format, "Output format: " + list)
      ->default_str(choices.front())
      ->check(CLI::IsMember(choices));
}

render::Format template_format_from(const std::string& text) {
  auto f = render::parse_format(text);
  if (!f) throw UsageError("unknown format '" + text + "'; valid: yaml, json");
  return *f;
}

}  // namespace ttsgen::cli
