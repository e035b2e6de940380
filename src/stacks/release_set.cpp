#include "ttsgen/stacks/release_set.hpp"

#include <algorithm>

#include "ttsgen/cfn/references.hpp"
#include "ttsgen/stacks/registry.hpp"

namespace ttsgen::stacks {

std::string template_file_name(const std::string& stack_name) { return stack_name + ".gen.template"; }

std::vector<BuiltStack> build_release(const catalog::Version& v, const std::vector<const catalog::Stack*>& selection) {
  std::vector<BuiltStack> built;
  std::string problems;
  for (const catalog::Stack* stack : stacks_in(v)) {
    if (!selection.empty() && std::find(selection.begin(), selection.end(), stack) == selection.end()) continue;
    BuiltStack b{stack, stack->name_at(v), stack->build(v)};
    for (const auto& p : cfn::check_references(b.model.tmpl))
      problems += "\n  " + b.name + ": " + p.path + ": " + p.message;
    built.push_back(std::move(b));
  }
  if (!problems.empty()) throw BuildError("broken references in release " + v.str() + ":" + problems);
  return built;
}

std::vector<RenderedTemplate> render_release(const catalog::Version& v, render::Format format,
                                             const std::vector<const catalog::Stack*>& selection) {
  std::vector<RenderedTemplate> rendered;
  for (auto& b : build_release(v, selection)) {
    rendered.push_back(RenderedTemplate{b.stack, b.name, template_file_name(b.name), render::render(b.model.tmpl, format)});
  }
  return rendered;
}

}  // namespace ttsgen::stacks
