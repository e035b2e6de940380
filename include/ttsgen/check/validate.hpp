#pragma once
// `ttsgen validate`: every check of docs/cli.md over a template set. The checks that judge one
// template (structure, references, schema, security) run once per distinct parsed template and
// are remembered, because most templates are the same from one release to the next apart from
// the release string (TemplateLoader shares their parse); quotas are measured on each file's own
// bytes, and the set checks run per release.

#include <string>
#include <unordered_map>
#include <vector>

#include "ttsgen/check/contracts.hpp"
#include "ttsgen/check/finding.hpp"
#include "ttsgen/check/schema.hpp"
#include "ttsgen/check/set_checks.hpp"
#include "ttsgen/check/template_set.hpp"

namespace ttsgen::check {

struct ReleaseResult {
  std::string label;  // the release, or the folder
  std::size_t templates = 0;
  std::size_t bytes = 0;
  SetAnalysis analysis;           // graph, order and what the next release is compared with
  std::vector<Finding> findings;  // every finding: per template in numbering order, then the set's
};

class Validator {
 public:
  explicit Validator(SchemaRegistry& registry = SchemaRegistry::embedded());

  // Validates `set`. With `previous` (the result of the release before), also checks that no
  // export imported there has been removed.
  ReleaseResult validate(const TemplateSet& set, const ReleaseResult* previous = nullptr);

  // How many distinct templates were checked (the rest were the same as one of these).
  std::size_t distinct_templates() const { return cache_.size(); }

 private:
  struct PerTemplate {
    std::vector<Finding> findings;
    std::vector<Finding> production;  // production_checks.hpp: severity depends on the release
    Contracts contracts;
  };
  const PerTemplate& per_template(const Parsed& parsed);

  SchemaRegistry& registry_;
  std::unordered_map<const Parsed*, PerTemplate> cache_;
};

}  // namespace ttsgen::check
