#pragma once
// The three ways to print a ReleaseDiff: text for a terminal, Markdown for an UPGRADING note, JSON
// for programs. Text and Markdown leave out what changes in every release (the release string in
// the Description and VersionTag) and reduce console-layout changes to one line; JSON carries all.

#include <nlohmann/json.hpp>

#include <string>

#include "ttsgen/diff/diff.hpp"

namespace ttsgen::diff {

std::string to_text(const ReleaseDiff& d);

// One section of an UPGRADING note: "## <to> (from <from>)", then the changes by stack in
// numbering order, parameters first.
std::string to_markdown(const ReleaseDiff& d);

nlohmann::ordered_json to_json_value(const ReleaseDiff& d);
std::string to_json(const ReleaseDiff& d);  // 2-space indented, final newline

}  // namespace ttsgen::diff
