#pragma once
// Cross-stack contracts. Stacks talk only through CloudFormation exports, and every export is one
// named object, declared once in include/ttsgen/exports/<producer>.hpp. The producer exports the
// object and consumers import the same object, so a consumer cannot ask for a name nobody
// exports, and the dependency graph between stacks is derived from these imports.
//
// Export names: ${NetworkName}-${Environment}-${Cluster}-<Key>. They use the re-used parameters,
// never the stack name, which stays the operator's choice ($PREFIX-$NAME). A stack deployed
// several times in one cluster (a Redis cluster per purpose, a database replica per stack)
// qualifies its names with the parameter that tells the copies apart:
// ${NetworkName}-${Environment}-${Cluster}-<prefix>-${<Qualifier>}-<Key>.

#include <string>
#include <string_view>

namespace ttsgen::catalog {

struct Export {
  std::string_view producer;     // stable key of the producing stack, e.g. "vpc"
  std::string_view key;          // unique among all exports, e.g. "VpcId"
  std::string_view description;  // what the value is, for the output and the docs
  bool is_list = false;          // the value is a comma-separated list (imported with Fn::Split)
  std::string_view qualifier_prefix = {};  // non-empty for stacks deployed several times

  bool is_qualified() const { return !qualifier_prefix.empty(); }
};

// The Fn::Sub text of the export name. `qualifier_variable` is the name of the parameter (of the
// producer or of the consumer) that holds the qualifier; it is required for qualified exports.
std::string export_name_pattern(const Export& e, std::string_view qualifier_variable = {});

// The export name with concrete values, e.g. for documentation and emulator checks.
std::string export_name(const Export& e, std::string_view network, std::string_view environment,
                        std::string_view cluster, std::string_view qualifier = {});

// A logical id for the output that carries the export: the key without non-alphanumerics.
std::string export_output_id(const Export& e);

}  // namespace ttsgen::catalog
