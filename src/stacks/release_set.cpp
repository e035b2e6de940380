#include "ttsgen/stacks/release_set.hpp"

#include <algorithm>

#include "ttsgen/cfn/references.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/stack_policy.hpp"

namespace ttsgen::stacks {

std::string template_file_name(const std::string& stack_name) { return stack_name + ".gen.template"; }

namespace {

// Builds the selected stacks of release v in numbering order; `each` gets every built stack and
// its document (Template::to_value(), made once), after the reference check of that document.
// Throws BuildError listing every broken reference of the release.
template <typename Each>
void build_each(const catalog::Version& v, const std::vector<const catalog::Stack*>& selection, Each each) {
  std::string problems;
  for (const catalog::Stack* stack : stacks_in(v)) {
    if (!selection.empty() && std::find(selection.begin(), selection.end(), stack) == selection.end()) continue;
    BuiltStack b{stack, stack->name_at(v), stack->build(v)};
    cfn::Value document = b.model.tmpl.to_value();
    for (const auto& p : cfn::check_references(document)) problems += "\n  " + b.name + ": " + p.path + ": " + p.message;
    each(std::move(b), std::move(document));
  }
  if (!problems.empty()) throw BuildError("broken references in release " + v.str() + ":" + problems);
}

}  // namespace

std::vector<BuiltStack> build_release(const catalog::Version& v, const std::vector<const catalog::Stack*>& selection) {
  std::vector<BuiltStack> built;
  build_each(v, selection, [&](BuiltStack b, cfn::Value) { built.push_back(std::move(b)); });
  return built;
}

std::vector<RenderedTemplate> render_release(const catalog::Version& v, render::Format format,
                                             const std::vector<const catalog::Stack*>& selection) {
  // The document the reference check read is the one rendered: one Template::to_value() each.
  std::vector<RenderedTemplate> rendered;
  build_each(v, selection, [&](BuiltStack b, cfn::Value document) {
    std::string content = format == render::Format::Yaml ? render::to_yaml(document) : render::to_json(document);
    rendered.push_back(RenderedTemplate{b.stack, b.name, template_file_name(b.name), std::move(content), stack_policy(v, document)});
  });
  return rendered;
}

}  // namespace ttsgen::stacks
