#pragma once
// Markdown text from arbitrary strings, for the generated notes and reference pages.

#include <string>

namespace ttsgen::util {

// `text` with the characters that Markdown would read as syntax backslash-escaped
// (\ ` * _ [ ] < > | #), so that "<cluster>.local" or "x_y_z" print as written.
std::string markdown_escape(const std::string& text);

}  // namespace ttsgen::util
