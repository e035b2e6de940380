#pragma once
// Cross-stack contracts as written in a template: the names it imports (Fn::ImportValue) and the
// names it exports (Outputs.*.Export.Name), read from the document.
//
// A name is a pattern over parameters: "${NetworkName}-${Environment}-${Cluster}-VpcId", or for a
// stack deployed several times "...-redis-${Purpose}-Port". To compare the names of two templates,
// each pattern is expanded into the names it can take:
//   - the cluster identity (NetworkName, Environment, Cluster) and pseudo parameters stay symbolic
//     ("${Cluster}"): they are the same for every stack of a cluster;
//   - any other parameter with AllowedValues (a qualifier such as a Redis purpose) is expanded
//     over its allowed values;
//   - a parameter without AllowedValues becomes the wildcard "${*}".
// An import resolves when every name it can take is a name some export can take, where an
// exporter's "${*}" stands for any text (see names_match).

#include <string>
#include <vector>

#include "ttsgen/cfn/value.hpp"

namespace ttsgen::check {

inline constexpr std::string_view kWildcard = "${*}";

struct NamePattern {
  std::string text;                     // as written, e.g. "${NetworkName}-...-VpcId"
  std::vector<std::string> expansions;  // the names it can take (see above)
  std::string problem;                  // why the name cannot be read; empty when fine
};

struct ImportSite {
  std::string logical_id;  // the resource or output that imports
  std::string path;        // e.g. "Resources.SSHIngressIPv4.Properties.GroupId"
  NamePattern name;
  // True when the import is only evaluated under a condition: it is inside a branch of Fn::If,
  // or its resource or output has a Condition.
  bool conditional = false;
};

struct ExportSite {
  std::string output_id;
  std::string path;  // "Outputs.<id>.Export.Name"
  NamePattern name;
  bool conditional = false;
};

struct Contracts {
  std::vector<ImportSite> imports;
  std::vector<ExportSite> exports;
};

// The imports and exports of a template document.
Contracts contracts_of(const cfn::Value& document);

// Reads an import or export name (a string, or Fn::Sub over parameters) of `document`.
NamePattern read_name(const cfn::Value& name, const cfn::Value& document);

// True when the exported name `exported` (which may contain "${*}") can be the imported name
// `imported`. A "${*}" in `imported` matches only a "${*}" of the exporter.
bool names_match(std::string_view exported, std::string_view imported);

}  // namespace ttsgen::check
