// Lookups in the create-only table generated from the vendored registry schemas.
#include "ttsgen/diff/create_only.hpp"

#include <algorithm>

namespace ttsgen::diff {

std::vector<std::string_view> pointer_segments(std::string_view pointer) {
  std::vector<std::string_view> parts;
  std::size_t start = pointer.starts_with('/') ? 1 : 0;
  while (start <= pointer.size()) {
    std::size_t slash = pointer.find('/', start);
    std::size_t end = slash == std::string_view::npos ? pointer.size() : slash;
    parts.push_back(pointer.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

namespace {

// Two segments match when they are equal or one is "*" (any list item).
bool segment_matches(std::string_view a, std::string_view b) { return a == b || a == "*" || b == "*"; }

// True when every segment of `prefix` matches the corresponding segment of `path`.
bool is_prefix(const std::vector<std::string_view>& prefix, const std::vector<std::string_view>& path) {
  if (prefix.size() > path.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (!segment_matches(prefix[i], path[i])) return false;
  return true;
}

}  // namespace

bool has_schema(std::string_view type) {
  const auto& types = schema_types();
  return std::find(types.begin(), types.end(), type) != types.end();
}

CreateOnly create_only(std::string_view type, std::string_view pointer) {
  auto path = pointer_segments(pointer);
  CreateOnly result = CreateOnly::No;
  for (const auto& entry : create_only_pointers()) {
    if (entry.type != type || !is_prefix(pointer_segments(entry.pointer), path)) continue;
    if (!entry.conditional) return CreateOnly::Yes;
    result = CreateOnly::Conditional;
  }
  return result;
}

bool is_create_only(std::string_view type, std::string_view pointer) { return create_only(type, pointer) == CreateOnly::Yes; }

std::vector<CreateOnlyPointer> create_only_members(std::string_view type, std::string_view pointer) {
  auto path = pointer_segments(pointer);
  std::vector<CreateOnlyPointer> members;
  for (const auto& entry : create_only_pointers()) {
    if (entry.type != type) continue;
    auto member = pointer_segments(entry.pointer);
    if (member.size() > path.size() && is_prefix(path, member)) members.push_back(entry);
  }
  return members;
}

}  // namespace ttsgen::diff

namespace ttsgen::diff {

const std::vector<UpdateOverride>& update_overrides() {
  // Only conditionally create-only properties the templates use; a test checks that each entry
  // is conditional in the vendored schema (an override of a plain create-only property would be
  // a mistake) and that each is applied.
  auto group = [](const std::string& property, const std::string& update_requires) {
    return UpdateOverride{"AWS::AutoScaling::AutoScalingGroup", "/properties/" + property, UpdateRule::ReplacedByReplacingUpdate,
                          "CloudFormation reference, AWS::AutoScaling::AutoScalingGroup, " + property + ": \"Update requires: " +
                              update_requires + "\"; UpdatePolicy attribute: the group is replaced only with AutoScalingReplacingUpdate WillReplace"};
  };
  auto instance = [](const std::string& property) {
    return UpdateOverride{"AWS::EC2::Instance", "/properties/" + property, UpdateRule::InPlace,
                          "CloudFormation reference, AWS::EC2::Instance, " + property +
                              ": \"Update requires: Some interruptions\" for an EBS-backed instance (stopped and started); "
                              "the templates' AMIs are EBS-backed"};
  };
  static const std::vector<UpdateOverride> table{
      group("LaunchConfigurationName", "No interruption"), group("LaunchTemplate", "No interruption"),
      group("MixedInstancesPolicy", "No interruption"),    group("VPCZoneIdentifier", "Some interruptions"),
      instance("UserData"),                                instance("InstanceType"),
      instance("EbsOptimized"),
  };
  return table;
}

const UpdateOverride* update_override(std::string_view type, std::string_view pointer) {
  auto path = pointer_segments(pointer);
  for (const auto& o : update_overrides())
    if (o.type == type && is_prefix(pointer_segments(o.pointer), path)) return &o;
  return nullptr;
}

}  // namespace ttsgen::diff
