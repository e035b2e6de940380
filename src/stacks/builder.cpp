#include "ttsgen/stacks/builder.hpp"

#include <algorithm>
#include <stdexcept>

#include "ttsgen/stacks/registry.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackBuilder::StackBuilder(const Release& release, std::string_view stack_key)
    : release_(release), stack_key_(stack_key) {
  const catalog::Stack* stack = find_stack(stack_key);
  if (!stack) throw std::logic_error("no stack with key '" + std::string(stack_key) + "'");
  tmpl().set_description(stack->name_at(release) + ": " + stack->title + " (The Things Stack for AWS ECS, templates " +
                         release.str() + ")");

  // The re-used parameters: the same names and constraints in every template (docs: ecs/prerequisites). They
  // name every exported value and every named resource, so they are short and lowercase.
  network_name_ = &parameter("NetworkName")
                       .description("Name of the network, the same in every cluster and template (e.g. ttich).")
                       .allowed_pattern("^[a-z][a-z0-9]{1,19}$")
                       .max_length(20)  // as the pattern; lets the size of documents that hold it be bounded
                       .constraint_description("2-20 lowercase letters and digits, starting with a letter")
                       .group(std::string(kGeneralGroup))
                       .label("Network name");
  environment_ = &parameter("Environment")
                      .description("Environment of the network, the same in every template of the cluster.")
                      .allowed_values({"prod", "staging"})
                      .group(std::string(kGeneralGroup))
                      .label("Environment");
  cluster_ = &parameter("Cluster")
                  .description("Name of the cluster, the same in every template of the cluster (e.g. eu1, nam1).")
                  .allowed_pattern("^[a-z][a-z0-9]{1,15}$")
                  .max_length(16)  // as the pattern
                  .constraint_description("2-16 lowercase letters and digits, starting with a letter")
                  .group(std::string(kGeneralGroup))
                  .label("Cluster name");
}

Parameter& StackBuilder::parameter(std::string id, std::string_view type) { return tmpl().parameter(std::move(id), type); }

Parameter& StackBuilder::flag(std::string id, bool default_value) {
  return parameter(std::move(id)).default_value(default_value ? "true" : "false").allowed_values({"true", "false"});
}

const Condition& StackBuilder::is_true(const Parameter& flag) {
  std::string id = flag.id() + "Condition";
  if (const Condition* existing = tmpl().find_condition(id)) return *existing;
  return condition(id, equals(ref(flag), "true"));
}

Parameter& StackBuilder::choice(std::string id, std::vector<std::string> values, std::string default_value) {
  if (std::find(values.begin(), values.end(), default_value) == values.end())
    throw std::logic_error("default '" + default_value + "' of " + id + " is not among its allowed values");
  return parameter(std::move(id)).allowed_values(std::move(values)).default_value(std::move(default_value));
}

Parameter& StackBuilder::optional_string(std::string id) { return parameter(std::move(id)).default_value(""); }

const Condition& StackBuilder::is_set(const Parameter& optional) {
  std::string id = "Has" + optional.id();
  if (const Condition* existing = tmpl().find_condition(id)) return *existing;
  return condition(id, not_(equals(ref(optional), "")));
}

Value StackBuilder::import_of(const Export& e, std::string_view qualifier_variable) {
  if (std::find(model_.imports.begin(), model_.imports.end(), &e) == model_.imports.end()) model_.imports.push_back(&e);
  Value value = import_value(sub(catalog::export_name_pattern(e, qualifier_variable)));
  return e.is_list ? split(",", std::move(value)) : value;
}

Value StackBuilder::import(const Export& e) {
  if (e.is_qualified()) throw std::logic_error("import of qualified export " + std::string(e.key) + " needs a qualifier");
  return import_of(e, {});
}

Value StackBuilder::import(const Export& e, const Parameter& qualifier) { return import_of(e, qualifier.id()); }

Output& StackBuilder::export_of(const Export& e, Value value, std::string_view qualifier_variable) {
  if (e.producer != stack_key_)
    throw std::logic_error("stack " + stack_key_ + " exports " + std::string(e.key) + " of " + std::string(e.producer));
  model_.exports.push_back(&e);
  return output(catalog::export_output_id(e), std::move(value))
      .description(std::string(e.description))
      .export_name(sub(catalog::export_name_pattern(e, qualifier_variable)));
}

Output& StackBuilder::export_value(const Export& e, Value value) {
  if (e.is_qualified()) throw std::logic_error("export of qualified " + std::string(e.key) + " needs a qualifier");
  return export_of(e, std::move(value), {});
}

Output& StackBuilder::export_value(const Export& e, Value value, const Parameter& qualifier) {
  return export_of(e, std::move(value), qualifier.id());
}

Value StackBuilder::resource_name(std::string_view suffix) const {
  return sub("${NetworkName}-${Environment}-${Cluster}-" + std::string(suffix));
}

Value StackBuilder::tags(std::string_view name_suffix) const {
  return Value::list({
      Value::map({{"Key", "Name"}, {"Value", resource_name(name_suffix)}}),
      Value::map({{"Key", "Network"}, {"Value", ref(network_name())}}),
      Value::map({{"Key", "Environment"}, {"Value", ref(environment())}}),
      Value::map({{"Key", "Cluster"}, {"Value", ref(cluster())}}),
  });
}

StackModel StackBuilder::finish() {
  // Since 3.16.2 every template outputs its version: CloudFormation refuses an update that changes
  // only parameters, and a changed output makes every release's update valid (docs: ecs/updating).
  output("VersionTag", release_.str()).description("Version of the template");
  return std::move(model_);
}

}  // namespace ttsgen::stacks
