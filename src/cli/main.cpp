// ttsgen: generates the CloudFormation templates of The Things Stack on AWS ECS.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <map>

#include "command.hpp"

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
};

void configure_logging(bool verbose, bool quiet) {
  // Progress and diagnostics go to stderr; stdout is for results a program may read.
  auto logger = spdlog::stderr_logger_st("ttsgen");
  logger->set_pattern("ttsgen: %v");
  logger->set_level(verbose ? spdlog::level::debug : quiet ? spdlog::level::warn : spdlog::level::info);
  spdlog::set_default_logger(logger);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ttsgen: CloudFormation templates of The Things Stack on AWS ECS, for every release 3.24.0 to 3.36.0"};
  app.require_subcommand(1);
  app.fallthrough();  // -v and -q also work after the subcommand
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "Print debug output on stderr");
  app.add_flag("-q,--quiet", quiet, "Print only warnings and errors on stderr");

  std::map<const CLI::App*, ttsgen::cli::Runner> runners;
  for (const auto& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    runners[sub] = c.setup(*sub);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
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
    } catch (const std::exception& e) {
      std::cerr << "ttsgen " << sub->get_name() << ": error: " << e.what() << "\n";
      return ttsgen::cli::kExitFindings;
    }
  }
  return ttsgen::cli::kExitUsage;
}
