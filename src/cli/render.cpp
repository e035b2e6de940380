// ttsgen render: writes DIR/<name>.gen.template for the stacks of a release, plus manifest.json.
// Everything is rendered in memory first; files are written only when all of it succeeded, and
// then all together (util::write_files_atomically).
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>

#include "command.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/release_set.hpp"
#include "ttsgen/stacks/stack_policy.hpp"
#include "ttsgen/util/files.hpp"
#include "ttsgen/util/sha256.hpp"
#include "ttsgen/util/text_diff.hpp"

namespace ttsgen::cli {

namespace fs = std::filesystem;

namespace {

struct RenderOptions {
  std::string version;
  std::string out;
  std::string format = "yaml";
  std::vector<std::string> stacks;
  bool check = false;
};

std::vector<const catalog::Stack*> resolve_selection(const std::vector<std::string>& names, const catalog::Version& v) {
  std::vector<const catalog::Stack*> selection;
  for (const auto& name : names) {
    const catalog::Stack* stack = stacks::resolve_stack(name, v);
    if (!stack) {
      std::string hint = stacks::explain_unknown_stack(name, v);
      throw UsageError("unknown stack '" + name + "' in release " + v.str() + (hint.empty() ? "" : "; " + hint) +
                       " (see 'ttsgen list --version " + v.str() + "')");
    }
    selection.push_back(stack);
  }
  return selection;
}

std::string manifest(const catalog::Version& v, render::Format format, const std::vector<stacks::RenderedTemplate>& files) {
  nlohmann::ordered_json j;
  j["version"] = v.str();
  j["format"] = std::string(render::to_string(format));
  j["templates"] = nlohmann::ordered_json::array();
  for (const auto& f : files) {
    j["templates"].push_back({{"name", f.name}, {"file", f.file_name}, {"sha256", util::sha256_hex(f.content)},
                              {"bytes", f.content.size()}});
  }
  // Stack policies of the stateful stacks (stack_policy.hpp), part of the release's files.
  for (const auto& f : files) {
    if (f.stack_policy.empty()) continue;
    if (!j.contains("stack_policies")) j["stack_policies"] = nlohmann::ordered_json::array();
    j["stack_policies"].push_back({{"name", f.name}, {"file", stacks::stack_policy_file_name(f.name)},
                                   {"sha256", util::sha256_hex(f.stack_policy)}, {"bytes", f.stack_policy.size()}});
  }
  return j.dump(2) + "\n";
}

// --check: compares the folder with what would be written; prints a unified diff per difference.
int check_folder(const fs::path& dir, const std::vector<util::OutputFile>& expected, bool whole_release) {
  int differences = 0;
  std::set<std::string> names;
  for (const auto& f : expected) {
    names.insert(f.name);
    fs::path path = dir / f.name;
    auto actual = util::read_file(path);
    if (!actual) {
      std::cout << "missing: " << path.string() << "\n";
      ++differences;
      continue;
    }
    std::string diff = util::unified_diff(*actual, f.content, path.string(), path.string() + " (rendered)");
    if (!diff.empty()) {
      std::cout << diff;
      ++differences;
    }
  }
  if (whole_release && fs::is_directory(dir)) {
    std::vector<std::string> extra;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string name = entry.path().filename().string();
      if (name.size() > 13 && name.compare(name.size() - 13, 13, ".gen.template") == 0 && !names.count(name)) extra.push_back(name);
    }
    std::sort(extra.begin(), extra.end());
    for (const auto& name : extra) {
      std::cout << "unexpected: " << (dir / name).string() << " (not a template of this release)\n";
      ++differences;
    }
  }
  if (differences > 0) {
    spdlog::error("{} differs from the rendered release in {} file(s)", dir.string(), differences);
    return kExitFindings;
  }
  spdlog::info("{} matches the rendered release ({} files)", dir.string(), expected.size());
  return 0;
}

int run_render(const RenderOptions& o) {
  auto started = std::chrono::steady_clock::now();
  catalog::Version version = release_from(o.version);
  render::Format format = template_format_from(o.format);
  auto selection = resolve_selection(o.stacks, version);
  auto rendered = stacks::render_release(version, format, selection);

  if (o.out == "-") {
    if (rendered.size() != 1) throw UsageError("--out - writes one template to stdout; choose it with exactly one --stack");
    std::cout << rendered.front().content;
    return 0;
  }

  fs::path dir = o.out.empty() ? fs::path("dist") / version.str() : fs::path(o.out);
  std::vector<util::OutputFile> files;
  std::size_t bytes = 0;
  for (const auto& r : rendered) {
    files.push_back(util::OutputFile{r.file_name, r.content});
    bytes += r.content.size();
    if (!r.stack_policy.empty()) files.push_back(util::OutputFile{stacks::stack_policy_file_name(r.name), r.stack_policy});
  }
  files.push_back(util::OutputFile{"manifest.json", manifest(version, format, rendered)});

  if (o.check) return check_folder(dir, files, selection.empty());

  util::write_files_atomically(dir, files);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("release {}: wrote {} templates ({} bytes, {}) and manifest.json to {}/ in {} ms", version.str(),
               rendered.size(), bytes, render::to_string(format), dir.string(), ms);
  return 0;
}

}  // namespace

Runner setup_render(CLI::App& command) {
  auto o = std::make_shared<RenderOptions>();
  command.add_option("--version", o->version, "Release to render (default: the newest, " + catalog::newest_release().str() + ")");
  command.add_option("--out", o->out, "Output folder (default: dist/<version>); '-' writes one template to stdout");
  command.add_option("--format", o->format, "Template format: yaml|json")->default_str("yaml")->check(CLI::IsMember({"yaml", "json"}));
  command.add_option("--stack", o->stacks, "Render only this stack (published name or stable key); repeatable");
  command.add_flag("--check", o->check, "Write nothing; exit 1 with a unified diff when the folder differs from the render");
  return [o] { return run_render(*o); };
}

}  // namespace ttsgen::cli
