#pragma once
// The command definitions of the ttsgen program read back from its CLI11 tree, for the generators
// that must agree with `--help`: the manual page (`ttsgen man`) and the shell completions
// (`ttsgen completion bash|zsh`). Nothing here is written by hand per option.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace ttsgen::cli {

// What a completion proposes for an option's value.
enum class ValueHint { None, Choices, Release, Path };

struct OptionInfo {
  std::vector<std::string> names;  // "-v", "--verbose": short names first; empty for a positional argument
  std::string description;
  bool takes_value = false;
  bool repeatable = false;
  std::string value_name;  // "V", "yaml|json", ...
  std::string default_value;
  ValueHint hint = ValueHint::None;
  std::vector<std::string> choices;  // ValueHint::Choices
};

struct CommandInfo {
  std::string name;
  std::string description;
  std::vector<OptionInfo> options;
};

// The options of one command, in definition order; --help included.
std::vector<OptionInfo> options_of(const CLI::App& command);
// The visible subcommands of the program (hidden ones, such as `man`, are left out).
std::vector<CommandInfo> commands_of(const CLI::App& root);
// The program itself: the root of the tree a subcommand belongs to.
const CLI::App& root_of(const CLI::App& command);

}  // namespace ttsgen::cli
