#pragma once
// StackBuilder: what every stack file starts from. It opens the template with the stack's
// description and the re-used parameters (NetworkName, Environment, Cluster), offers the house
// parameter shapes (flags, choices), imports and exports through the typed export catalog, and
// closes the template with the VersionTag output.

#include <string>
#include <string_view>
#include <vector>

#include "ttsgen/catalog/export.hpp"
#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/catalog/version.hpp"
#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/cfn/template.hpp"

namespace ttsgen::stacks {

using catalog::Export;
using catalog::Release;
using catalog::StackModel;
using cfn::Value;
using catalog::operator""_v;

struct SharedParameter;

// Console group of the re-used parameters; every template lists it first.
inline constexpr std::string_view kGeneralGroup = "General";

class StackBuilder {
 public:
  StackBuilder(const Release& release, std::string_view stack_key);

  const Release& release() const { return release_; }
  cfn::Template& tmpl() { return model_.tmpl; }

  const cfn::Parameter& network_name() const { return *network_name_; }
  const cfn::Parameter& environment() const { return *environment_; }
  const cfn::Parameter& cluster() const { return *cluster_; }

  cfn::Parameter& parameter(std::string id, std::string_view type = cfn::param_type::kString);
  // A parameter of the shared-parameter catalog (shared_parameters.hpp), exactly as declared there.
  const cfn::Parameter& shared(const SharedParameter& p);
  // A boolean: String with AllowedValues [true, false].
  cfn::Parameter& flag(std::string id, bool default_value);
  // The condition "<flag>Condition" (flag == true), created the first time it is asked for, so
  // that a template never declares a condition it does not use.
  const cfn::Condition& is_true(const cfn::Parameter& flag);
  // A String parameter whose value must be one of `values`.
  cfn::Parameter& choice(std::string id, std::vector<std::string> values, std::string default_value);
  // A String parameter that may be left empty, and the condition "Has<id>" (value is not empty),
  // created on first use like is_true().
  cfn::Parameter& optional_string(std::string id);
  const cfn::Condition& is_set(const cfn::Parameter& optional);

  cfn::Condition& condition(std::string id, Value expression) { return tmpl().condition(std::move(id), std::move(expression)); }
  cfn::Resource& resource(std::string id, std::string type) { return tmpl().resource(std::move(id), std::move(type)); }
  cfn::Output& output(std::string id, Value value) { return tmpl().output(std::move(id), std::move(value)); }
  cfn::Mapping& mapping(std::string id, Value map) { return tmpl().mapping(std::move(id), std::move(map)); }
  cfn::Rule& rule(std::string id) { return tmpl().rule(std::move(id)); }

  // Fn::ImportValue of an export (wrapped in Fn::Split for list exports). Qualified exports need
  // the consumer's parameter that selects which copy of the producer to use.
  Value import(const Export& e);
  Value import(const Export& e, const cfn::Parameter& qualifier);
  // An output carrying the export. Qualified exports need the producer's qualifier parameter.
  cfn::Output& export_value(const Export& e, Value value);
  cfn::Output& export_value(const Export& e, Value value, const cfn::Parameter& qualifier);

  // "${NetworkName}-${Environment}-${Cluster}-<suffix>": the prefix of every name the stacks
  // give to AWS resources (secrets, log groups, ...).
  Value resource_name(std::string_view suffix) const;
  // Tags every taggable resource carries: Name, Network, Environment, Cluster.
  Value tags(std::string_view name_suffix) const;

  // Adds VersionTag and returns the model.
  StackModel finish();

 private:
  Value import_of(const Export& e, std::string_view qualifier_variable);
  cfn::Output& export_of(const Export& e, Value value, std::string_view qualifier_variable);

  Release release_;
  std::string stack_key_;
  StackModel model_;
  const cfn::Parameter* network_name_ = nullptr;
  const cfn::Parameter* environment_ = nullptr;
  const cfn::Parameter* cluster_ = nullptr;
};

}  // namespace ttsgen::stacks
