// The sides of a release diff: a release rendered in memory, or a folder of templates read as a
// release (a deployed copy carries the names of its release).
#include "ttsgen/diff/release.hpp"

#include <algorithm>
#include <set>

#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/release_set.hpp"
#include "ttsgen/util/files.hpp"

namespace ttsgen::diff {

namespace fs = std::filesystem;

Side release_side(const catalog::Version& v) {
  Side side;
  side.label = v.str();
  for (auto& b : stacks::build_release(v)) side.stacks.push_back(StackDocument{b.stack->key, b.name, b.model.tmpl.to_value()});
  return side;
}

namespace {

// Suffixes a template file may have, longest first so that ".gen.template" wins over ".template".
const char* const kSuffixes[] = {".gen.template", ".template", ".yaml", ".yml", ".json"};

std::string stem_of(const std::string& file) {
  for (const char* suffix : kSuffixes) {
    std::string_view s(suffix);
    if (file.size() > s.size() && file.ends_with(s)) return file.substr(0, file.size() - s.size());
  }
  return "";
}

}  // namespace

Side folder_side(const fs::path& dir, const catalog::Version& v) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw FolderError("'" + dir.string() + "' is not a folder");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file()) files.push_back(entry.path().filename().string());
  if (ec) throw FolderError("cannot list '" + dir.string() + "': " + ec.message());
  std::sort(files.begin(), files.end());

  Side side;
  side.label = dir.string() + " (as " + v.str() + ")";
  std::set<std::string> found;
  for (const auto& file : files) {
    if (file == "manifest.json") continue;  // written by `ttsgen render` beside the templates
    std::string stem = stem_of(file);
    const catalog::Stack* stack = nullptr;
    for (const catalog::Stack* s : stacks::stacks_in(v))
      if (s->name_at(v) == stem) stack = s;
    if (!stack) {
      std::string hint = stem.empty() ? "" : stacks::explain_unknown_stack(stem, v);
      side.unmatched_files.push_back(hint.empty() ? file : file + " (" + hint + ")");
      continue;
    }
    if (!found.insert(stem).second) throw FolderError("two files for stack " + stem + " in '" + dir.string() + "'");
    auto text = util::read_file(dir / file);
    if (!text) throw FolderError("cannot read '" + (dir / file).string() + "'");
    try {
      side.stacks.push_back(StackDocument{stack->key, stem, render::parse_template(*text)});
    } catch (const std::exception& e) {
      throw FolderError("'" + (dir / file).string() + "' is not a template: " + e.what());
    }
  }
  for (const catalog::Stack* s : stacks::stacks_in(v))
    if (!found.count(s->name_at(v))) side.missing.emplace_back(s->key, s->name_at(v));
  // Numbering order, as a release side.
  std::stable_sort(side.stacks.begin(), side.stacks.end(),
                   [](const StackDocument& a, const StackDocument& b) { return catalog::numbering_less(a.name, b.name); });
  return side;
}

ReleaseDiff diff_releases(const Side& before, const Side& after, const catalog::Version& from, const catalog::Version& to) {
  Options options;
  if (from != to) options.release_strings.emplace_back(from.str(), to.str());
  ReleaseDiff d = compare(before, after, options);

  // The changelog's procedures of every release after `from` up to `to`.
  std::vector<catalog::Version> covered;
  for (const auto& r : catalog::supported_releases())
    if (from < r && r <= to) covered.push_back(r);
  for (const auto& r : covered)
    for (const auto& p : upgrade_procedures(r)) d.notes.push_back(covered.size() > 1 ? r.str() + ": " + p : p);

  // docs: ecs/updating: the images of the 5-x stacks are parameters; they move with every release.
  bool has_ecs_stacks = std::any_of(after.stacks.begin(), after.stacks.end(),
                                    [](const StackDocument& s) { return s.name.starts_with("5-"); });
  if (from != to && has_ecs_stacks)
    d.notes.push_back("Set the image parameters of every `5-*` stack to the images of " + to.str() +
                      ", also where this section lists no change to the stack.");
  return d;
}

std::optional<catalog::Version> predecessor(const catalog::Version& v) {
  std::optional<catalog::Version> previous;
  for (const auto& r : catalog::supported_releases()) {
    if (r >= v) break;
    previous = r;
  }
  return previous;
}

std::vector<catalog::Version> releases_of_minor(const std::string& minor) {
  std::vector<catalog::Version> releases;
  for (const auto& r : catalog::supported_releases())
    if (r.minor_str() == minor) releases.push_back(r);
  return releases;
}

std::vector<std::string> supported_minors() {
  std::vector<std::string> minors;
  for (const auto& r : catalog::supported_releases())
    if (minors.empty() || minors.back() != r.minor_str()) minors.push_back(r.minor_str());
  return minors;
}

}  // namespace ttsgen::diff
