#pragma once
// Resource properties checked against the CloudFormation registry schemas of their types: names,
// required properties, types, enums, patterns, lengths, ranges and the exclusive/dependent
// property rules, plus the attributes of Fn::GetAtt. The schemas are vendored under
// schemas/cloudformation/ (from the installed cfn-lint) and embedded into the binary; each is
// parsed the first time a template uses its type.
//
// What CloudFormation cannot know before deploy time is not judged: the value of an intrinsic
// function is accepted wherever its kind fits (a Fn::Sub is a string, a Fn::Split a list), both
// branches of Fn::If are checked, and `Ref AWS::NoValue` counts as an absent property. A Ref to
// a parameter with AllowedValues is checked value by value against the property's enum.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "ttsgen/cfn/value.hpp"

namespace ttsgen::check {

struct Finding;

// The registry schemas, by resource type ("AWS::EC2::VPC"), parsed on first use.
class SchemaRegistry {
 public:
  // The schemas embedded in the binary (schemas/cloudformation/<Service>/<Resource>.json).
  static SchemaRegistry& embedded();
  // A registry over other files, e.g. in tests: path "cloudformation/EC2/VPC.json" → content.
  using Source = std::string_view (*)(std::string_view path);
  explicit SchemaRegistry(Source source);
  ~SchemaRegistry();

  // The schema of `type`, or nullptr when none is vendored.
  const nlohmann::json* find(std::string_view type);
  // Every type with a vendored schema, sorted.
  std::vector<std::string> types() const;

 private:
  Source source_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<nlohmann::json>> parsed_;
};

// Checks the properties of every resource of a template document, and the attributes its
// Fn::GetAtt and ${Resource.Attribute} use. Findings carry path, logical id, rule "schema".
std::vector<Finding> check_schemas(const cfn::Value& document, SchemaRegistry& registry);

}  // namespace ttsgen::check
