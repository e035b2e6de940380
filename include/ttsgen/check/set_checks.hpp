#pragma once
// The checks that only a whole template set can make (cfn-lint sees one template at a time):
//   import   every Fn::ImportValue names an export of a stack of the same release
//   export   export names are readable (parameters only) and no name is exported twice
//   order    the exporter comes earlier in the deployment (numbering) order than the importer
//   role     every cluster role that deploys the importer also deploys the exporter, unless the
//            import is conditional (see docs/decisions-check.md)
//   optional a required stack does not depend unconditionally on an optional one
//   parameter the re-used parameters are the same in every template; VersionTag is the release
//   cycle    the dependency graph has no cycle
//   removed-export  an export imported in the previous release still exists (an update in
//            numbering order would otherwise fail on the exporter while the importer still uses it)
// Deriving the dependency graph is part of the same pass: an edge for every resolved import.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "ttsgen/check/contracts.hpp"
#include "ttsgen/check/finding.hpp"
#include "ttsgen/check/graph.hpp"
#include "ttsgen/check/template_set.hpp"

namespace ttsgen::check {

struct SetAnalysis {
  StackGraph graph;
  DeploymentOrder order;
  std::vector<Finding> findings;
  // For the next release's removed-export check: every name some import of this release
  // resolved to, with its importer and exporter; and every name this release exports.
  struct Use {
    std::string importer;
    std::string exporter;
  };
  std::map<std::string, Use> imported;
  std::vector<std::string> exported;
};

// `contracts[i]` are the contracts of set.templates[i] (empty for a template that did not parse).
SetAnalysis analyse_set(const TemplateSet& set, const std::vector<const Contracts*>& contracts);

// The same for a set whose contracts are not at hand (ttsgen graph): reads them first.
SetAnalysis analyse_set(const TemplateSet& set);

// Exports imported in `previous` (release `previous_label`) that `current` no longer exports.
std::vector<Finding> removed_exports(const SetAnalysis& previous, const std::string& previous_label, const SetAnalysis& current,
                                     const std::string& current_label);

}  // namespace ttsgen::check
