#pragma once
// Building blocks of the configuration stacks (4-2a, 4-2b, 4-2c): The Things Stack configuration
// documents held in SSM parameters.
//
// A document is TTS YAML configuration; its SSM value is an Fn::Sub, so `${X}` names a template
// parameter or a local variable of that Fn::Sub, and CloudFormation writes the final YAML at deploy
// time. ECS tasks read the parameter through Secrets/ValueFrom (see docs/decisions-config.md).
//
// Documents are written as files under templates/ in a small subset of YAML: block mappings with
// scalar values, and block sequences of scalars. Two conventions on top of YAML:
//   - a line ending in `  # since kName` or `  # before kName` exists only from, or before, the
//     release of that named changelog entry (catalog/changes.hpp), and takes the lines indented
//     below it along; `  # since 3.x.y` / `  # until 3.x.y` (up to and including) mark history
//     before 3.24.0, which has no named changes;
//   - full-line comments and those markers are for the reader of the file and are dropped.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ttsgen/cfn/template.hpp"
#include "ttsgen/stacks/builder.hpp"

namespace ttsgen::stacks::config {

// SSM parameter value quotas (bytes): Standard tier 4 KB, Advanced tier 8 KB.
inline constexpr std::size_t kStandardTierLimit = 4096;
inline constexpr std::size_t kAdvancedTierLimit = 8192;

// The document as it is in `release`: marked lines of other releases and all comments removed.
std::string select_release(std::string_view document, const Release& release);

// A YAML document of nested block mappings, so that settings can be added at their dotted keys
// ("gs.udp.addr-change-block") next to the settings the file already has.
class YamlTree {
 public:
  static YamlTree parse(std::string_view text);
  // Adds `value` (YAML text, written as given) at `dotted_key`, creating the mappings on the way.
  // Throws std::logic_error when the key already has a value: a setting lives in one place.
  void set(std::string_view dotted_key, std::string value);
  bool has(std::string_view dotted_key) const;
  std::string str() const;

  struct Node {
    std::string key;
    std::string value;                // scalar text after "key: ", empty for a mapping or sequence
    std::vector<std::string> items;   // block sequence items (text after "- ")
    std::vector<Node> children;
  };

 private:
  Node root_;
};

// The largest number of bytes `v` can take once CloudFormation has resolved it: a string, a Ref
// to a parameter, Fn::If (the longer branch), Fn::Sub (with its own variables) or Fn::Join.
// Parameters must bound their values (AllowedValues, MaxLength, or MinValue/MaxValue for Number);
// throws std::logic_error for a value it cannot bound.
std::size_t max_resolved_size(const cfn::Template& t, const Value& v);
std::size_t max_resolved_size(const cfn::Parameter& p);

// SSM parameter names: /<network>/<environment>/<cluster>/config/<path>, e.g.
// /ttich/prod/eu1/config/gs. Ref of the resource returns this name; that is what is exported.
Value parameter_name(std::string_view path);

// An AWS::SSM::Parameter of type String that holds a configuration document. Its tier follows
// from the largest value it can take: Standard up to 4 KB, Advanced up to 8 KB; larger documents
// are a modelling error (std::logic_error), to be split.
cfn::Resource& document_parameter(StackBuilder& s, const std::string& logical_id, std::string_view path,
                                  const std::string& description, Value value);

// Fn::If(condition, document, placeholder): the value of a document whose component is switched
// off. The parameter still exists (consumers import its name unconditionally); it then holds
// only a comment that says why.
Value unless_included(const cfn::Condition& included, Value document, const std::string& why);

}  // namespace ttsgen::stacks::config
