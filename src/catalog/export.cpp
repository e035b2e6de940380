#include "ttsgen/catalog/export.hpp"

#include <stdexcept>

namespace ttsgen::catalog {

namespace {
std::string with_prefix(const Export& e, std::string_view prefix, std::string_view qualifier) {
  std::string name(prefix);
  if (e.is_qualified()) {
    if (qualifier.empty())
      throw std::logic_error("export " + std::string(e.key) + " is qualified; a qualifier is required");
    name += "-" + std::string(e.qualifier_prefix) + "-" + std::string(qualifier);
  }
  return name + "-" + std::string(e.key);
}
}  // namespace

std::string export_name_pattern(const Export& e, std::string_view qualifier_variable) {
  std::string qualifier = qualifier_variable.empty() ? "" : "${" + std::string(qualifier_variable) + "}";
  return with_prefix(e, "${NetworkName}-${Environment}-${Cluster}", qualifier);
}

std::string export_name(const Export& e, std::string_view network, std::string_view environment,
                        std::string_view cluster, std::string_view qualifier) {
  std::string prefix = std::string(network) + "-" + std::string(environment) + "-" + std::string(cluster);
  return with_prefix(e, prefix, qualifier);
}

std::string export_output_id(const Export& e) {
  std::string id;
  for (char c : e.key)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) id.push_back(c);
  return id;
}

}  // namespace ttsgen::catalog
