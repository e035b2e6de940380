#pragma once
// The deployment profile: one YAML file that states one cluster (identity, where its templates are
// published, the features it uses, the copies of the stacks deployed several times, and parameter
// overrides by CloudFormation name). Everything else an operator types into the console follows
// from it: `ttsgen params` derives one parameter file per stack instance.
//
// The profile's keys are declared once (profile_fields and the model it reads: features,
// instance stacks, the stacks of the release); the reader, `ttsgen profile-schema` and `ttsgen init`
// all follow from that one declaration.

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/catalog/version.hpp"
#include "ttsgen/stacks/release_set.hpp"

namespace ttsgen::profile {

// An unusable profile: the message names the profile key (and stack, parameter, valid values).
struct ProfileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Profile {
  std::string network;      // NetworkName
  std::string environment;  // Environment
  std::string cluster;      // Cluster
  std::string domain;       // Domain
  catalog::ClusterRole role = catalog::ClusterRole::Primary;
  catalog::Version release;
  std::string templates_bucket;
  std::string templates_prefix;
  std::map<std::string, bool> features;                            // feature id -> on
  std::map<std::string, std::vector<std::string>> instances;       // stack key -> instance names
  std::map<std::string, std::map<std::string, std::string>> parameters;  // stack key -> name -> value
};

// A stack deployed several times, told apart by one of its parameters.
struct InstanceStack {
  std::string_view key;        // stack key, e.g. "redis"
  std::string_view qualifier;  // the parameter that tells the copies apart, e.g. "Purpose"
  std::vector<std::string_view> default_instances;  // empty: one copy with the qualifier's default
  std::string_view follows;    // another instance stack whose copies this one mirrors
};
const std::vector<InstanceStack>& instance_stacks();

// Reads and checks a profile (YAML text); `source` names it in errors. Throws ProfileError.
Profile read_profile(const std::string& text, const std::string& source);
Profile load_profile(const std::string& path);

// The JSON Schema of the profile (draft 2020-12), from the same model the reader follows.
std::string profile_schema();

// A complete, commented profile in which every other value has a working default.
struct InitOptions {
  std::string network, environment, cluster, domain;
  catalog::ClusterRole role = catalog::ClusterRole::Primary;
  std::optional<catalog::Version> release;  // newest when empty
};
std::string init_profile(const InitOptions& o);

// One stack instance's parameter file.
struct ParameterValue {
  std::string key;
  std::optional<std::string> value;  // none: UsePreviousValue (a secret that was not given)
  bool secret = false;
};
struct StackParameters {
  const catalog::Stack* stack;
  std::string stack_name;  // published name in the release, e.g. "2-3-db-redis"
  std::string instance;    // empty for stacks deployed once
  std::string file_name;   // e.g. "2-3-db-redis-cache.parameters.json"
  std::vector<ParameterValue> values;
  bool has_secrets() const;
};

// Secret values (NoEcho parameters) by parameter name.
using Secrets = std::map<std::string, std::string>;

// The parameter files of every enabled stack instance of `release` (the profile's when empty), in
// deployment order. Checks every value against the template's constraints; throws ProfileError.
std::vector<StackParameters> stack_parameters(const Profile& p, const Secrets& secrets,
                                              std::optional<catalog::Version> release = std::nullopt);
// The create-stack --parameters JSON of one instance.
std::string parameters_json(const StackParameters& s);

// Whether `value` meets the parameter's constraints; the reason when not.
std::optional<std::string> constraint_violation(const cfn::Parameter& p, const std::string& value);

// The template URL of a published template file: https://<bucket>.s3.amazonaws.com/<prefix>/<file>.
std::string template_url(const Profile& p, const std::string& file_name);

}  // namespace ttsgen::profile
