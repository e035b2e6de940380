#pragma once
// The "changelog coverage" page of `ttsgen docs`: every entry of the public template changelog for
// the supported releases (include/ttsgen/catalog/changes.hpp), release by release, with how the
// model covers it (implemented, in the release's image, an upgrade step, baseline, not applicable,
// docs error) and where or why. Releases without entries are listed too.

#include "ttsgen/docs/reference.hpp"

namespace ttsgen::docs {

// changelog-coverage.md; the same for every release (it covers them all).
Page changelog_coverage();

}  // namespace ttsgen::docs
