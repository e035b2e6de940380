// ttsgen diff: what changes between two releases, or between a folder of templates (a deployed
// copy, an older render) and a release. Exit 0 when the comparison ran, whether or not anything
// changed (consecutive releases always differ in VersionTag); with --exit-code, 1 when something
// worth reading changed, as `git diff --exit-code`. 2 for bad usage or an unusable folder.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command.hpp"
#include "ttsgen/check/template_set.hpp"
#include "ttsgen/diff/change_set.hpp"
#include "ttsgen/diff/format.hpp"
#include "ttsgen/diff/release.hpp"

namespace ttsgen::cli {

namespace {

struct DiffOptions {
  std::string from, to, dir, minor;
  std::vector<std::string> change_sets;
  std::string format = "text";
  bool exit_code = false;
};

std::string print(const diff::ReleaseDiff& d, const std::string& format, const std::vector<diff::ChangeSetComparison>& sets) {
  if (format == "json") {
    auto j = diff::to_json_value(d);
    if (!sets.empty()) j["change_sets"] = diff::change_sets_json(sets);
    return j.dump(2) + "\n";
  }
  std::string text = format == "markdown" ? diff::to_markdown(d) : diff::to_text(d);
  if (!sets.empty()) text += (text.ends_with("\n") ? "" : "\n") + diff::change_sets_report(sets, format == "markdown");
  return text;
}

// Each --change-set file compared with the diff; an unreadable or malformed file is unusable input.
std::vector<diff::ChangeSetComparison> read_change_sets(const std::vector<std::string>& files, const diff::ReleaseDiff& d) {
  std::vector<diff::ChangeSetComparison> sets;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::error_code ec;
    if (!in || !std::filesystem::is_regular_file(file, ec)) throw UsageError("--change-set " + file + ": cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    try {
      sets.push_back(diff::compare_change_set(diff::parse_change_set(text.str()), d, file));
    } catch (const std::runtime_error& e) {
      throw UsageError("--change-set " + file + ": " + e.what());
    }
  }
  return sets;
}

int run_minor(const DiffOptions& o) {
  if (!o.from.empty() || !o.to.empty() || !o.dir.empty() || !o.change_sets.empty())
    throw UsageError("--minor cannot be combined with --from, --to, --dir or --change-set");
  if (o.exit_code) throw UsageError("--exit-code has no effect with --minor (it prints a document; every release differs from the one before)");
  auto minors = diff::supported_minors();
  if (std::find(minors.begin(), minors.end(), o.minor) == minors.end()) {
    std::string list;
    for (const auto& m : minors) list += (list.empty() ? "" : ", ") + m;
    throw UsageError("unknown minor '" + o.minor + "'; valid: " + list);
  }
  std::cout << diff::minor_document(o.minor, o.format);
  return 0;
}

int run_diff(const DiffOptions& o) {
  if (!o.minor.empty()) return run_minor(o);
  if (o.from.empty()) throw UsageError("--from is required (or --minor); e.g. --from 3.29.2 --to 3.30.0");
  if (o.to.empty() && o.dir.empty()) throw UsageError("give --to V2, --dir DIR, or both");
  catalog::Version from = release_from(o.from);
  catalog::Version to = o.to.empty() ? from : release_from(o.to);

  diff::Side before;
  if (o.dir.empty()) {
    before = diff::release_side(from);
  } else {
    // A folder that cannot be read, or that holds no template of the release, is unusable input
    // (exit 2, as in validate and graph): "nothing compared" must not pass for "nothing changed".
    try {
      check::TemplateLoader().folder(o.dir, from);  // the same reader limits, and its release must be --from
      before = diff::folder_side(o.dir, from);
    } catch (const check::LoadError& e) {
      throw UsageError(e.what());
    } catch (const diff::FolderError& e) {
      throw UsageError(e.what());
    }
    if (before.stacks.empty())
      throw UsageError("no template of release " + from.str() + " in '" + o.dir + "' (nothing to compare)");
  }
  spdlog::debug("comparing {} ({} templates) with release {}", o.dir.empty() ? from.str() : o.dir, before.stacks.size(), to.str());
  diff::ReleaseDiff d = diff::diff_releases(before, diff::release_side(to), from, to);
  auto sets = read_change_sets(o.change_sets, d);
  std::cout << print(d, o.format, sets);
  bool disagreement = std::any_of(sets.begin(), sets.end(), [](const auto& s) { return s.disagreements() > 0; });
  return o.exit_code && (d.has_changes() || disagreement) ? kExitFindings : 0;
}

}  // namespace

Runner setup_diff(CLI::App& command) {
  auto o = std::make_shared<DiffOptions>();
  command.add_option("--from", o->from, "Release to compare from (with --dir: the release the folder holds)")->check(kNonEmpty);
  command.add_option("--to", o->to, "Release to compare to (default with --dir: the --from release)")->check(kNonEmpty);
  command.add_option("--dir", o->dir, "Folder of templates to compare instead of the --from release (e.g. a deployed copy)")->check(kNonEmpty);
  command.add_option("--minor", o->minor, "Print the UPGRADING note of a minor (e.g. 3.30): every release of it against its predecessor")->check(kNonEmpty);
  add_output_format(command, o->format, {"text", "markdown", "json"});
  command.add_option("--change-set", o->change_sets,
                     "JSON of `aws cloudformation describe-change-set` for one stack: AWS's verdict per resource beside "
                     "ttsgen's, disagreements flagged (repeatable)");
  command.add_flag("--exit-code", o->exit_code, "Exit 1 when anything but the release string changed");
  command.footer(
      "Stacks are matched by stable key, so a renamed template is reported as a rename. Resources are marked "
      "'replacement' when a create-only property (registry schema) or the logical id changes.\n"
      "Exit codes: 0 compared (also when there are differences; see --exit-code), 1 differences with --exit-code, "
      "2 bad usage or an unusable folder (unreadable, no template of the release, another release than --from).");
  return [o] { return run_diff(*o); };
}

}  // namespace ttsgen::cli
