#pragma once
// The generated page "features" (docs/stacks/features.md): per feature of the model
// (stacks::features) and per range of releases, each stack and parameter to set to switch it on,
// and the stacks it needs — the table the public deployment guide lacks.

#include <string>

namespace ttsgen::docs {

std::string features_page();

// Features × stack parameters of the newest release: the number of (stack, parameter) settings
// of every feature's own switches, summed (for the page's summary and the tests).
std::size_t feature_table_size();

}  // namespace ttsgen::docs
