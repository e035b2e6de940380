// ttsgen: generates the CloudFormation templates of The Things Stack on AWS ECS.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "command.hpp"
#include "ttsgen/util/spelling.hpp"

namespace {

using ttsgen::cli::Command;

const Command kCommands[] = {
    {"versions", "List the supported releases", ttsgen::cli::setup_versions},
    {"list", "List the stacks of a release: name, title, optional, cluster role, dependencies, size", ttsgen::cli::setup_list},
    {"render", "Render the templates of a release into a folder (or check a folder against them)", ttsgen::cli::setup_render},
    {"validate", "Check a release (or every release, or a folder) as a set: references, imports, schemas, quotas, security",
     ttsgen::cli::setup_validate},
    {"graph", "Show the stack dependency graph derived from imports, and the deployment order", ttsgen::cli::setup_graph},
    {"diff", "What changes between two releases, or between a folder of templates and a release", ttsgen::cli::setup_diff},
    {"docs", "Write the Markdown reference of a release's stacks (one page per stack and an index)", ttsgen::cli::setup_docs},
    {"publish", "Upload a rendered release to S3 through the aws CLI, refusing to change a published release", ttsgen::cli::setup_publish},
    {"completion", "Print the bash or zsh completion script", ttsgen::cli::setup_completion},
    {"man", "Print the manual page (roff)", ttsgen::cli::setup_man},  // hidden: the build writes ttsgen.1 with it
    {"profile-schema", "Print the JSON Schema of the deployment profile", ttsgen::cli::setup_profile_schema},
    {"init", "Write a complete, commented deployment profile for one cluster", ttsgen::cli::setup_init},
    {"params", "Write one create-stack parameter file per stack instance of a profile", ttsgen::cli::setup_params},
};

void configure_logging(bool verbose, bool quiet) {
  // Progress and diagnostics go to stderr; stdout is for results a program may read.
  auto logger = spdlog::stderr_logger_st("ttsgen");
  logger->set_pattern("ttsgen: %v");
  logger->set_level(verbose ? spdlog::level::debug : quiet ? spdlog::level::warn : spdlog::level::info);
  spdlog::set_default_logger(logger);
}

// CLI11 reads an unknown first word as a stray argument and answers "A subcommand is required";
// name it instead, with the closest command. Returns false after printing the error.
bool first_word_is_a_command(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.empty() || word[0] == '-') continue;  // -v, -q, --help before the command
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), word) != names.end()) return true;
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    auto close = ttsgen::util::closest_match(word, names);
    std::cerr << "ttsgen: unknown command '" << word << "'" << (close ? "; did you mean '" + *close + "'?" : "")
              << " (commands: " << list << ")\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ttsgen: CloudFormation templates of The Things Stack on AWS ECS, for every release 3.24.0 to 3.36.0"};
  app.require_subcommand(1);
  app.fallthrough();  // -v and -q also work after the subcommand
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "Print debug output on stderr");
  app.add_flag("-q,--quiet", quiet, "Print only warnings and errors on stderr");
  app.set_version_flag("--version", ttsgen::cli::version_text(), "Print the version of ttsgen and exit");

  std::map<const CLI::App*, ttsgen::cli::Runner> runners;
  for (const auto& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    runners[sub] = c.setup(*sub);
  }

  if (!first_word_is_a_command(app, argc, argv)) return ttsgen::cli::kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << "ttsgen: " << e.what() << "\n";
    std::cerr << "Run 'ttsgen --help' or 'ttsgen <command> --help' for usage.\n";
    return ttsgen::cli::kExitUsage;
  }

  configure_logging(verbose, quiet);
  for (const auto& [sub, run] : runners) {
    if (!sub->parsed()) continue;
    try {
      return run();
    } catch (const ttsgen::cli::UsageError& e) {
      std::cerr << "ttsgen " << sub->get_name() << ": " << e.what() << "\n";
      return ttsgen::cli::kExitUsage;
    } catch (const std::filesystem::filesystem_error& e) {
      // Not the library's "filesystem error: ... [path]" text: what failed, on which file, why.
      std::cerr << "ttsgen " << sub->get_name() << ": error: cannot use '" << e.path1().string() << "': " << e.code().message()
                << "\n";
      return ttsgen::cli::kExitFindings;
    } catch (const std::exception& e) {
      std::cerr << "ttsgen " << sub->get_name() << ": error: " << e.what() << "\n";
      return ttsgen::cli::kExitFindings;
    }
  }
  return ttsgen::cli::kExitUsage;
}
