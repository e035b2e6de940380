#pragma once
// Which resource properties CloudFormation cannot change in place. The registry schema of a
// resource type lists them as JSON pointers (`createOnlyProperties`: "/properties/TargetType",
// "/properties/PosixUser/Uid"); a change to one of them makes CloudFormation replace the resource.
// `conditionalCreateOnlyProperties` are those that replace it only in some cases (EC2 UserData,
// InstanceType, ...). The table is extracted at build time from schemas/cloudformation/ by
// cmake/CreateOnlyTable.cmake.
//
// This is a deliberately narrow interface, separate from the schema validation of `ttsgen
// validate`, so that both can later read one embedded copy of the schemas.

#include <string>
#include <string_view>
#include <vector>

namespace ttsgen::diff {

struct CreateOnlyPointer {
  std::string_view type;     // "AWS::ElasticLoadBalancingV2::TargetGroup"
  std::string_view pointer;  // "/properties/TargetType"; list items are "*"
  bool conditional;          // from conditionalCreateOnlyProperties
};

// Every pointer of every vendored schema (generated).
const std::vector<CreateOnlyPointer>& create_only_pointers();
// Every resource type with a vendored schema (generated).
const std::vector<std::string_view>& schema_types();

enum class CreateOnly { No, Conditional, Yes };

bool has_schema(std::string_view type);

// How a change at `pointer` (a schema pointer such as "/properties/TargetType" or
// "/properties/PosixUser/Uid"; a list index is written "*") of a resource of `type` is applied:
// Yes when the pointer is a create-only property or lies inside one, Conditional for a
// conditionally create-only one, No otherwise (also for types without a schema; ask has_schema).
// A change to a whole object that contains a create-only member (a pointer above it) is reported
// by create_only_members(), because whether it replaces depends on whether that member changed.
CreateOnly create_only(std::string_view type, std::string_view pointer);
bool is_create_only(std::string_view type, std::string_view pointer);

// The segments of a schema pointer: "/properties/A/*/B" → properties, A, *, B.
std::vector<std::string_view> pointer_segments(std::string_view pointer);

// The create-only pointers of `type` that lie strictly below `pointer`.
std::vector<CreateOnlyPointer> create_only_members(std::string_view type, std::string_view pointer);

}  // namespace ttsgen::diff

namespace ttsgen::diff {

// Where the registry schema is broader than CloudFormation's behaviour. The schema marks some
// properties *conditionally* create-only without saying when; the CloudFormation reference (the
// "Update requires" line of each property) says it. Each entry names that page.
enum class UpdateRule {
  InPlace,                  // never replaces the resource (no or some interruption)
  ReplacedByReplacingUpdate // replaces it only with UpdatePolicy AutoScalingReplacingUpdate WillReplace: true
};

struct UpdateOverride {
  std::string type;
  std::string pointer;  // a conditionally create-only property
  UpdateRule rule;
  std::string source;   // the CloudFormation reference page and what it says
};

const std::vector<UpdateOverride>& update_overrides();
// The override for a change at `pointer` (the property or a value inside it), or nullptr.
const UpdateOverride* update_override(std::string_view type, std::string_view pointer);

}  // namespace ttsgen::diff
