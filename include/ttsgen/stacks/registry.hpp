#pragma once
// The stack set: every stack ttsgen models, with its builder, and lookups by key and by name.

#include <string>
#include <string_view>
#include <vector>

#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/catalog/version.hpp"

namespace ttsgen::stacks {

// Every modelled stack, in the numbering order of the newest release.
const std::vector<catalog::Stack>& all_stacks();

const catalog::Stack* find_stack(std::string_view key);

// The stacks of release v, in numbering order (the suggested deployment order).
std::vector<const catalog::Stack*> stacks_in(const catalog::Version& v);

// Resolves a name the user gave for release v: a published name of v or a stable key.
// nullptr when neither matches.
const catalog::Stack* resolve_stack(std::string_view name, const catalog::Version& v);

// For a name that is wrong in release v: a sentence that helps ("'5-5-ecs-monitoring' was
// renamed to '5-6-ecs-monitoring' in 3.30.0", "did you mean '1-1-vpc'?"), or "".
std::string explain_unknown_stack(std::string_view name, const catalog::Version& v);

// The stacks whose exports `model` imports, in numbering order of release v.
std::vector<const catalog::Stack*> dependencies_of(const catalog::StackModel& model, const catalog::Version& v);

}  // namespace ttsgen::stacks
