// ttsgen diff: what changes between two releases, or between a folder of templates (a deployed
// copy, an older render) and a release. Exit 0 when the comparison ran, whether or not anything
// changed (consecutive releases always differ in VersionTag); with --exit-code, 1 when something
// worth reading changed, as `git diff --exit-code`. 2 for bad usage, 1 for an unreadable folder.
#include <algorithm>
#include <iostream>

#include "command.hpp"
#include "ttsgen/diff/format.hpp"
#include "ttsgen/diff/release.hpp"

namespace ttsgen::cli {

namespace {

struct DiffOptions {
  std::string from, to, dir, minor;
  std::string format = "text";
  bool exit_code = false;
};

std::string print(const diff::ReleaseDiff& d, const std::string& format) {
  if (format == "json") return diff::to_json(d);
  return (format == "markdown" ? diff::to_markdown(d) : diff::to_text(d));
}

int run_minor(const DiffOptions& o) {
  if (!o.from.empty() || !o.to.empty() || !o.dir.empty()) throw UsageError("--minor cannot be combined with --from, --to or --dir");
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

  // A folder that cannot be read is failed work (exit 1), reported by main with its message.
  diff::Side before = o.dir.empty() ? diff::release_side(from) : diff::folder_side(o.dir, from);
  diff::ReleaseDiff d = diff::diff_releases(before, diff::release_side(to), from, to);
  std::cout << print(d, o.format);
  return o.exit_code && d.has_changes() ? kExitFindings : 0;
}

}  // namespace

Runner setup_diff(CLI::App& command) {
  auto o = std::make_shared<DiffOptions>();
  command.add_option("--from", o->from, "Release to compare from (with --dir: the release the folder holds)");
  command.add_option("--to", o->to, "Release to compare to (default with --dir: the --from release)");
  command.add_option("--dir", o->dir, "Folder of templates to compare instead of the --from release (e.g. a deployed copy)");
  command.add_option("--minor", o->minor, "Print the UPGRADING note of a minor (e.g. 3.30): every release of it against its predecessor");
  add_output_format(command, o->format, {"text", "markdown", "json"});
  command.add_flag("--exit-code", o->exit_code, "Exit 1 when anything but the release string changed");
  command.footer(
      "Stacks are matched by stable key, so a renamed template is reported as a rename. Resources are marked "
      "'replacement' when a create-only property (registry schema) or the logical id changes.\n"
      "Exit codes: 0 compared (also when there are differences; see --exit-code), 1 differences with --exit-code "
      "or an unreadable folder, 2 bad usage.");
  return [o] { return run_diff(*o); };
}

}  // namespace ttsgen::cli
