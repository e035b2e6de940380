#pragma once
// The generated stack reference: one Markdown page per stack of a release (purpose, cluster role,
// optional or not, parameters by console group, outputs and exports, imports and their producing
// stacks, resources) and an index (README.md) with the deployment order. docs/stacks/ holds the
// pages of the newest release; a test keeps them equal to this output.

#include <string>
#include <vector>

#include "ttsgen/catalog/version.hpp"

namespace ttsgen::docs {

struct Page {
  std::string file_name;  // "README.md", "1-1-vpc.md"
  std::string content;
};

// The index first, then one page per stack in numbering order.
std::vector<Page> stack_reference(const catalog::Version& v);

// Markdown helpers, public for the tests: text with Markdown syntax characters escaped, and a
// table cell (escaped, `|` escaped, line breaks as spaces).
std::string escape(const std::string& text);
std::string cell(const std::string& text);
// Inline code that is safe in a table cell.
std::string code_cell(const std::string& text);

}  // namespace ttsgen::docs
