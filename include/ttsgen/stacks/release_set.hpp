#pragma once
// Building and rendering the stack set of one release, in memory. Callers write files only after
// everything rendered, so an error leaves nothing half-written.

#include <stdexcept>
#include <string>
#include <vector>

#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/catalog/version.hpp"
#include "ttsgen/render/render.hpp"

namespace ttsgen::stacks {

struct BuiltStack {
  const catalog::Stack* stack;
  std::string name;  // published name in the release
  catalog::StackModel model;
};

struct RenderedTemplate {
  const catalog::Stack* stack;
  std::string name;       // e.g. "1-1-vpc"
  std::string file_name;  // e.g. "1-1-vpc.gen.template"
  std::string content;
  std::string stack_policy;  // stack_policy.hpp; empty when the stack has none
};

struct BuildError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Builds `selection` (every stack of the release when empty), in numbering order, and checks the
// references of each template; throws BuildError listing every broken reference.
std::vector<BuiltStack> build_release(const catalog::Version& v, const std::vector<const catalog::Stack*>& selection = {});

std::vector<RenderedTemplate> render_release(const catalog::Version& v, render::Format format,
                                             const std::vector<const catalog::Stack*>& selection = {});

std::string template_file_name(const std::string& stack_name);

}  // namespace ttsgen::stacks
