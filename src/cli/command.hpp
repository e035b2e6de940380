#pragma once
// The subcommand table of the ttsgen program: each command lives in its own file and registers its
// options on a CLI11 subcommand, returning the function that runs it.

#include <CLI/CLI.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ttsgen/catalog/version.hpp"
#include "ttsgen/render/render.hpp"

namespace ttsgen::cli {

// Exit codes, the same for every command (docs/cli.md): 0 success, 1 findings or failed work,
// 2 bad usage or unusable input (a file that cannot be read, is not a regular file, is too big,
// or is not a template where one is needed).
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// Bad input from the user: reported on stderr, exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Runner = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  Runner (*setup)(CLI::App& command);
};

Runner setup_versions(CLI::App& command);
Runner setup_list(CLI::App& command);
Runner setup_render(CLI::App& command);
Runner setup_validate(CLI::App& command);
Runner setup_graph(CLI::App& command);
Runner setup_diff(CLI::App& command);
Runner setup_docs(CLI::App& command);
Runner setup_publish(CLI::App& command);
Runner setup_completion(CLI::App& command);
Runner setup_man(CLI::App& command);

// "ttsgen <version>" (the CMake project version) and the releases it renders.
std::string version_text();
Runner setup_profile_schema(CLI::App& command);
Runner setup_init(CLI::App& command);
Runner setup_params(CLI::App& command);

// Shared option helpers.
// --version V (the newest release when the option was not given; CLI options refuse "").
catalog::Version release_from(const std::string& text);
// A value option that must not be empty: `--version ""` or `--dir ""` is a mistake (a shell
// variable that was never set), not a request for the default.
extern const CLI::Validator kNonEmpty;
// --format for commands that print either text or JSON.
void add_output_format(CLI::App& command, std::string& format, const std::vector<std::string>& choices);
render::Format template_format_from(const std::string& text);

}  // namespace ttsgen::cli
