// ttsgen docs: writes the stack reference of a release (one Markdown page per stack and an index
// with the deployment order) into a folder, all files or none (util::write_files_atomically).
#include <spdlog/spdlog.h>

#include "command.hpp"
#include "ttsgen/docs/features.hpp"
#include "ttsgen/docs/reference.hpp"
#include "ttsgen/util/files.hpp"

namespace ttsgen::cli {

namespace {

struct DocsOptions {
  std::string version;
  std::string out;
};

int run_docs(const DocsOptions& o) {
  catalog::Version v = release_from(o.version);
  if (o.out.empty()) throw UsageError("--out DIR is required (e.g. --out docs/stacks)");
  std::vector<util::OutputFile> files;
  for (auto& page : docs::stack_reference(v)) files.push_back(util::OutputFile{page.file_name, std::move(page.content)});
  files.push_back(util::OutputFile{"features.md", docs::features_page()});
  util::write_files_atomically(o.out, files);
  spdlog::info("release {}: wrote {} pages to {}/", v.str(), files.size(), o.out);
  return 0;
}

}  // namespace

Runner setup_docs(CLI::App& command) {
  auto o = std::make_shared<DocsOptions>();
  command.add_option("--version", o->version, "Release (default: the newest, " + catalog::newest_release().str() + ")");
  command.add_option("--out", o->out, "Output folder: README.md (index, deployment order) and <stack>.md per stack")->required();
  command.footer("Pages of stacks that are not in the release are not removed; write into an empty folder to get exactly the release's pages.");
  return [o] { return run_docs(*o); };
}

}  // namespace ttsgen::cli
