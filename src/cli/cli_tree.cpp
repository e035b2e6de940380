// Reads the command definitions back from the CLI11 tree (see cli_tree.hpp).
#include "cli_tree.hpp"

#include <algorithm>

namespace ttsgen::cli {

namespace {

// CLI11 describes an IsMember check in the type name as "TEXT:{yaml,json}".
std::vector<std::string> choices_in(const std::string& type_name) {
  auto open = type_name.find('{');
  auto close = type_name.find('}', open);
  std::vector<std::string> choices;
  if (open == std::string::npos || close == std::string::npos) return choices;
  std::string list = type_name.substr(open + 1, close - open - 1);
  std::size_t start = 0;
  while (start <= list.size()) {
    auto comma = std::min(list.find(',', start), list.size());
    if (comma > start) choices.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return choices;
}

// Options whose value is a release, or a path; the rest propose nothing (or their choices).
ValueHint hint_for(const std::string& long_name) {
  if (long_name == "version" || long_name == "from" || long_name == "to") return ValueHint::Release;
  if (long_name == "out" || long_name == "dir") return ValueHint::Path;
  return ValueHint::None;
}

}  // namespace

std::vector<OptionInfo> options_of(const CLI::App& command) {
  std::vector<OptionInfo> out;
  for (const CLI::Option* opt : command.get_options()) {
    OptionInfo info;
    for (const auto& s : opt->get_snames()) info.names.push_back("-" + s);
    for (const auto& l : opt->get_lnames()) info.names.push_back("--" + l);
    info.description = opt->get_description();
    info.takes_value = opt->get_items_expected_max() > 0;  // 0 for a flag
    info.repeatable = opt->get_expected_max() > 1;
    info.default_value = opt->get_default_str();
    if (info.takes_value) {
      info.choices = choices_in(opt->get_type_name());
      std::string long_name = opt->get_lnames().empty() ? opt->get_name(true) : opt->get_lnames().front();
      info.hint = !info.choices.empty() ? ValueHint::Choices : hint_for(long_name);
      if (!info.choices.empty()) {
        for (const auto& c : info.choices) info.value_name += (info.value_name.empty() ? "" : "|") + c;
      } else {
        info.value_name = long_name.empty() ? "VALUE" : long_name;
        std::transform(info.value_name.begin(), info.value_name.end(), info.value_name.begin(),
                       [](unsigned char c) { return c == '-' ? '_' : static_cast<char>(std::toupper(c)); });
      }
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<CommandInfo> commands_of(const CLI::App& root) {
  std::vector<CommandInfo> out;
  for (const CLI::App* sub : root.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    out.push_back(CommandInfo{sub->get_name(), sub->get_description(), options_of(*sub)});
  }
  return out;
}

const CLI::App& root_of(const CLI::App& command) {
  const CLI::App* app = &command;
  while (app->get_parent() != nullptr) app = app->get_parent();
  return *app;
}

}  // namespace ttsgen::cli
