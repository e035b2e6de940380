#pragma once
// The production review (issue 15, docs/decisions-production.md): fixes of ours to what real AWS
// refuses or loses (retention, least privilege, stable exports, name lengths, single writers,
// alarms). They are changes of ours, not of the template changelog, and apply from one release,
// named here once: the stack files gate each fix on it, and `ttsgen validate` reports the
// production check classes on releases before it as notes (what those releases were) rather than
// errors. When a newer release is added, the fixes stay where they first shipped.

#include "ttsgen/catalog/version.hpp"

namespace ttsgen::catalog {

inline constexpr Version kProductionFixes = "3.35.2"_v;

inline bool has_production_fixes(const Version& release) { return release >= kProductionFixes; }

}  // namespace ttsgen::catalog
