#pragma once
// The diff applied to The Things Stack's releases: the two sides come from the catalog (a
// release's render) or from a folder of templates read as a release, and the result carries the
// upgrade procedures the changelog asks for.
//
// UPGRADING notes are per minor: docs/UPGRADING-3.30.md has one section per release R of 3.30
// (newest first), each the diff from the supported release before R to R; the section of 3.30.0
// compares with 3.29.2, the last release of the previous minor. The oldest supported release has
// no predecessor and says so.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ttsgen/catalog/version.hpp"
#include "ttsgen/diff/diff.hpp"

namespace ttsgen::diff {

// Every stack of release v, rendered in memory (throws stacks::BuildError for a broken model).
Side release_side(const catalog::Version& v);

struct FolderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The templates in `dir` read as release v: <name>.gen.template (also .yaml, .yml, .json,
// .template) whose name is a published name of v. Stacks of v without a file are `missing`;
// files that match no stack of v are `unmatched_files`; manifest.json is ignored. Throws
// FolderError when the folder or a template cannot be read.
Side folder_side(const std::filesystem::path& dir, const catalog::Version& v);

// The diff of two sides with the release strings of `from` and `to` for the release-only
// comparison and the upgrade notes of `to` (when `to` follows `from`).
ReleaseDiff diff_releases(const Side& before, const Side& after, const catalog::Version& from, const catalog::Version& to);

// Upgrade steps that the changelog asks for when updating to `to` (docs: ecs/changelog, ecs/updating), as Markdown
// sentences; empty for most releases.
std::vector<std::string> upgrade_procedures(const catalog::Version& to);

// The supported release before v, if any.
std::optional<catalog::Version> predecessor(const catalog::Version& v);

// The supported releases of a minor ("3.30"), oldest first; empty when there is none.
std::vector<catalog::Version> releases_of_minor(const std::string& minor);
// Every minor with a supported release, oldest first ("3.24", ..., "3.35").
std::vector<std::string> supported_minors();

// The UPGRADING note of a minor: a heading, how to read it, then one diff section per release of
// the minor, newest first. format: "markdown", "text" or "json".
std::string minor_document(const std::string& minor, const std::string& format);

}  // namespace ttsgen::diff
