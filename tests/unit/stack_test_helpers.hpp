#pragma once
// Helpers for the per-stack tests: look into a built template by logical id and property path.

#include <stdexcept>
#include <string>
#include <vector>

#include "ttsgen/catalog/version.hpp"
#include "ttsgen/cfn/template.hpp"
#include "ttsgen/render/render.hpp"

namespace test {

using ttsgen::cfn::Value;

// The property at a dotted path ("Ebs.VolumeType"), or nullptr.
inline const Value* property(const ttsgen::cfn::Resource& r, const std::string& path) {
  const Value* v = &r.properties();
  std::size_t start = 0;
  while (v && start <= path.size()) {
    std::size_t dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    v = v->is_map() ? v->find(key) : nullptr;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return v;
}

inline std::vector<const ttsgen::cfn::Resource*> resources_of_type(const ttsgen::cfn::Template& t, const std::string& type) {
  std::vector<const ttsgen::cfn::Resource*> found;
  for (const auto& r : t.resources())
    if (r.type() == type) found.push_back(&r);
  return found;
}

inline std::vector<std::string> parameter_ids(const ttsgen::cfn::Template& t) {
  std::vector<std::string> ids;
  for (const auto& p : t.parameters()) ids.push_back(p.id());
  return ids;
}

// The resource with logical id `id`; throws (failing the test) when there is none.
inline const ttsgen::cfn::Resource& resource(const ttsgen::cfn::Template& t, const std::string& id) {
  const auto* r = t.find_resource(id);
  if (!r) throw std::runtime_error("no resource " + id);
  return *r;
}

inline bool has_parameter(const ttsgen::cfn::Template& t, const std::string& id) { return t.find_parameter(id) != nullptr; }

// The YAML of a template without the lines that name the release (Description, VersionTag), so
// two releases can be compared for real changes.
inline std::string yaml_without_release(const ttsgen::cfn::Template& t) {
  std::string yaml = ttsgen::render::render(t, ttsgen::render::Format::Yaml);
  std::string out;
  std::size_t pos = 0;
  while (pos < yaml.size()) {
    std::size_t end = yaml.find('\n', pos);
    std::string line = yaml.substr(pos, end - pos);
    bool names_release = line.rfind("Description: ", 0) == 0 || line.find("templates 3.") != std::string::npos;
    if (!names_release) out += line + "\n";
    pos = end + 1;
  }
  std::size_t tag = out.find("  VersionTag:");
  return tag == std::string::npos ? out : out.substr(0, tag);
}

}  // namespace test
