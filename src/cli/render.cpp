// ttsgen render: writes DIR/<name>.gen.template for the stacks of a release, plus manifest.json.
// Everything is rendered in memory first; files are written only when all of it succeeded, and
// then all together (util::write_files_atomically).
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <algorithm>
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
  bool force = false;
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

using Json = nlohmann::ordered_json;

Json manifest_entry(const stacks::RenderedTemplate& f) {
  return {{"name", f.name}, {"file", f.file_name}, {"sha256", util::sha256_hex(f.content)}, {"bytes", f.content.size()}};
}

// The manifest's lists: one entry per template, and one per stack policy written beside it.
struct ManifestEntries {
  std::vector<Json> templates;
  std::vector<Json> stack_policies;
};

Json stack_policy_entry(const stacks::RenderedTemplate& f) {
  return {{"name", f.name}, {"file", stacks::stack_policy_file_name(f.name)}, {"sha256", util::sha256_hex(f.stack_policy)},
          {"bytes", f.stack_policy.size()}};
}

std::string manifest(const catalog::Version& v, render::Format format, const ManifestEntries& entries) {
  Json j;
  j["version"] = v.str();
  j["format"] = std::string(render::to_string(format));
  j["templates"] = entries.templates;
  // Stack policies of the stateful stacks (stack_policy.hpp), part of the release's files.
  if (!entries.stack_policies.empty()) j["stack_policies"] = entries.stack_policies;
  return j.dump(2) + "\n";
}

// What an earlier render left in the folder: its manifest (null if none) and every file the
// manifest names (any "file" value, so files that other parts add to the manifest are owned too).
struct Earlier {
  Json manifest;
  std::set<std::string> files;
};

void collect_files(const Json& j, std::set<std::string>& files) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "file" && it.value().is_string()) files.insert(it.value().get<std::string>());
      else collect_files(it.value(), files);
    }
  } else if (j.is_array()) {
    for (const auto& item : j) collect_files(item, files);
  }
}

Earlier earlier_render(const fs::path& dir) {
  Earlier earlier;
  fs::path path = dir / "manifest.json";
  std::error_code ec;
  if (!fs::exists(path, ec)) return earlier;
  std::string text;
  try {
    text = util::read_input_file(path, render::kMaxTemplateBytes);
  } catch (const util::InputError& e) {
    throw UsageError(e.what());
  }
  earlier.manifest = Json::parse(text, nullptr, false);
  if (!earlier.manifest.is_object() || !earlier.manifest.contains("templates") || !earlier.manifest["templates"].is_array())
    throw UsageError("'" + path.string() + "' is not a manifest written by ttsgen render; remove it or render into another folder");
  collect_files(earlier.manifest, earlier.files);
  for (const auto& f : earlier.files)
    if (f.empty() || f.find('/') != std::string::npos || f == "." || f == "..")
      throw UsageError("'" + path.string() + "' names '" + f + "', which is not a file of the folder");
  return earlier;
}

// Files that look like a render's output: templates, and what is published beside them.
bool looks_rendered(const std::string& name) {
  return name.ends_with(".gen.template") || name.ends_with(".stack-policy.json");
}

// --check: compares the folder with what would be written; prints a unified diff per difference.
int check_folder(const fs::path& dir, const std::vector<util::OutputFile>& expected, bool whole_release) {
  int differences = 0;
  std::set<std::string> names;
  for (const auto& f : expected) {
    names.insert(f.name);
    fs::path path = dir / f.name;
    std::error_code ec;
    if (fs::exists(path, ec) && !util::read_file(path))
      throw UsageError("cannot read '" + path.string() + "' (not a readable regular file)");
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

// The folder belongs to the render that writes it, through manifest.json: files an earlier
// render listed and this one does not write are removed; files that look rendered but no manifest
// lists are someone else's and make it refuse (unless --force, which removes them); temporaries of
// a killed render are removed; a lock keeps two renders from interleaving. With --stack the other
// stacks' entries are kept, so the manifest stays whole.
int write_folder(const fs::path& dir, const catalog::Version& version, render::Format format, std::vector<util::OutputFile> files,
                 ManifestEntries entries, bool partial, bool force, std::size_t bytes,
                 std::chrono::steady_clock::time_point started) {
  std::error_code ec;
  fs::path first_created;  // the outermost folder this render creates, removed again on failure
  for (fs::path p = fs::absolute(dir); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    first_created = p;
    if (p == p.parent_path()) break;
  }
  bool created = !first_created.empty();
  if (!created && !fs::is_directory(dir, ec)) throw UsageError("'" + dir.string() + "' exists and is not a folder");
  try {
    if (created && !fs::create_directories(dir, ec) && ec)
      throw std::runtime_error("cannot create folder '" + dir.string() + "': " + ec.message());
    util::FolderLock lock(dir);
    Earlier earlier = earlier_render(dir);
    std::set<std::string> writing;
    for (const auto& f : files) writing.insert(f.name);

    std::vector<fs::path> leftovers, foreign;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (util::is_staging_name(name)) leftovers.push_back(it->path());
      else if (looks_rendered(name) && !earlier.files.count(name) && !it->is_directory(ec)) foreign.push_back(it->path());
    }
    if (ec) throw UsageError("cannot list '" + dir.string() + "': " + ec.message());
    std::sort(foreign.begin(), foreign.end());
    if (!foreign.empty() && !force)
      throw UsageError("'" + dir.string() + "' holds " + std::to_string(foreign.size()) + " file(s) that no earlier render listed in its manifest.json, e.g. '" +
                       foreign.front().filename().string() + "'; render into another folder, or give --force to replace them");

    if (partial && earlier.manifest.is_object()) {
      std::string old_version = earlier.manifest.value("version", ""), old_format = earlier.manifest.value("format", "");
      if (old_version != version.str() || old_format != render::to_string(format))
        throw UsageError("'" + dir.string() + "' holds release " + old_version + " (" + old_format + "); --stack adds to a folder of the same release and format only");
      auto keep_earlier = [&](std::vector<Json>& list, const char* key) {
        std::set<std::string> names;
        for (const auto& e : list) names.insert(e.value("name", ""));
        if (earlier.manifest.contains(key) && earlier.manifest[key].is_array())
          for (const auto& e : earlier.manifest[key])
            if (!names.count(e.value("name", ""))) list.push_back(e);
        std::stable_sort(list.begin(), list.end(), [](const Json& a, const Json& b) {
          return catalog::numbering_less(a.value("name", ""), b.value("name", ""));
        });
      };
      keep_earlier(entries.templates, "templates");
      keep_earlier(entries.stack_policies, "stack_policies");
    }
    files.push_back(util::OutputFile{"manifest.json", manifest(version, format, entries)});

    for (const auto& p : leftovers) {
      spdlog::debug("removing {} (left by an interrupted render)", p.string());
      fs::remove(p, ec);
    }
    util::write_files_atomically(dir, files);
    std::vector<fs::path> stale;
    if (!partial)
      for (const auto& name : earlier.files)
        if (!writing.count(name) && name != "manifest.json") stale.push_back(dir / name);
    for (const auto& p : foreign) stale.push_back(p);
    for (const auto& p : stale) {
      spdlog::debug("removing {} (not part of release {})", p.string(), version.str());
      if (!fs::remove(p, ec) && ec) throw std::runtime_error("cannot remove '" + p.string() + "': " + ec.message());
    }
    for (const auto& f : files) spdlog::debug("wrote {}", (dir / f.name).string());
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    auto policies = static_cast<std::size_t>(std::count_if(files.begin(), files.end(), [](const util::OutputFile& f) { return f.name.ends_with(".stack-policy.json"); }));
    spdlog::info("release {}: wrote {} templates ({} bytes, {}), {} stack policies and manifest.json to {}/ in {} ms{}", version.str(),
                 files.size() - 1 - policies, bytes, render::to_string(format), policies, render::to_string(format), dir.string(), ms,
                 stale.empty() ? "" : "; removed " + std::to_string(stale.size()) + " file(s) of an earlier render");
    return 0;
  } catch (...) {
    if (created) fs::remove_all(first_created, ec);  // nothing half-written: the folder did not exist before
    throw;
  }
}

int run_render(const RenderOptions& o) {
  auto started = std::chrono::steady_clock::now();
  catalog::Version version = release_from(o.version);
  render::Format format = template_format_from(o.format);
  auto selection = resolve_selection(o.stacks, version);
  auto rendered = stacks::render_release(version, format, selection);

  if (o.out == "-") {
    if (o.check) throw UsageError("--check compares a folder; it cannot be combined with --out - (stdout)");
    if (rendered.size() != 1) throw UsageError("--out - writes one template to stdout; choose it with exactly one --stack");
    std::cout << rendered.front().content;
    return 0;
  }

  fs::path dir = o.out.empty() ? fs::path("dist") / version.str() : fs::path(o.out);
  std::vector<util::OutputFile> files;
  ManifestEntries entries;
  std::size_t bytes = 0;
  for (const auto& r : rendered) {
    files.push_back(util::OutputFile{r.file_name, r.content});
    entries.templates.push_back(manifest_entry(r));
    bytes += r.content.size();
    if (r.stack_policy.empty()) continue;
    files.push_back(util::OutputFile{stacks::stack_policy_file_name(r.name), r.stack_policy});
    entries.stack_policies.push_back(stack_policy_entry(r));
  }

  if (o.check) {
    files.push_back(util::OutputFile{"manifest.json", manifest(version, format, entries)});
    return check_folder(dir, files, selection.empty());
  }
  return write_folder(dir, version, format, files, std::move(entries), !selection.empty(), o.force, bytes, started);
}

}  // namespace

Runner setup_render(CLI::App& command) {
  auto o = std::make_shared<RenderOptions>();
  command.add_option("--version", o->version, "Release to render (default: the newest, " + catalog::newest_release().str() + ")")->check(kNonEmpty);
  command.add_option("--out", o->out, "Output folder (default: dist/<version>)->check(kNonEmpty); '-' writes one template to stdout");
  command.add_option("--format", o->format, "Template format: yaml|json")->default_str("yaml")->check(CLI::IsMember({"yaml", "json"}));
  command.add_option("--stack", o->stacks, "Render only this stack (published name or stable key)->check(kNonEmpty); repeatable");
  command.add_flag("--check", o->check, "Write nothing; exit 1 with a unified diff when the folder differs from the render");
  command.add_flag("--force", o->force,
                   "Also when the folder holds *.gen.template files that no earlier render listed in manifest.json (they are removed)");
  command.footer(
      "The folder is the render's: files an earlier render listed in manifest.json and this one does not write are removed, "
      "temporaries of an interrupted render too; --stack keeps the other stacks' manifest entries. "
      "Exit 0 written (or --check equal), 1 --check differences or failed work, 2 bad usage or unusable folder.");
  return [o] { return run_render(*o); };
}

}  // namespace ttsgen::cli
