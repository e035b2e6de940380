// The deployment profile: reading and checking it, its JSON Schema, the profile `init` writes, and
// the parameter files `params` derives from it. See docs/decisions-profile.md.
#include "ttsgen/profile/profile.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "ttsgen/stacks/features.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/util/spelling.hpp"

namespace ttsgen::profile {

namespace {

using catalog::ClusterRole;

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  auto m = util::closest_match(word, candidates);
  return m ? fmt::format(" (did you mean '{}'?)", *m) : "";
}

// The scalar keys of the profile: declared once, read by read_profile, described by the schema and
// written by init.
struct ScalarField {
  std::string_view key;
  std::string_view parameter;  // the CloudFormation parameter it sets, if any
  std::string_view description;
  bool required;
  std::string Profile::*member;
};

const std::vector<ScalarField>& scalar_fields() {
  static const std::vector<ScalarField> f{
      {"network", "NetworkName", "Name of the network, the same in every cluster (NetworkName).", true, &Profile::network},
      {"environment", "Environment", "Environment of the network (Environment).", true, &Profile::environment},
      {"cluster", "Cluster", "Name of this cluster (Cluster).", true, &Profile::cluster},
      {"domain", "Domain", "The cluster's domain (Domain).", true, &Profile::domain},
  };
  return f;
}

// The identity parameters are declared by the templates: find one in any stack of the release.
const cfn::Parameter* identity_parameter(const std::vector<stacks::BuiltStack>& built, std::string_view name) {
  for (const auto& b : built)
    if (const auto* p = b.model.tmpl.find_parameter(name)) return p;
  return nullptr;
}

std::string scalar_text(const cfn::Value& v) {
  switch (v.kind()) {
    case cfn::Value::Kind::Bool: return v.as_bool() ? "true" : "false";
    case cfn::Value::Kind::Integer: return std::to_string(v.as_integer());
    default: return v.text();
  }
}

std::vector<std::string> names_of(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

std::vector<std::string> feature_ids() {
  std::vector<std::string> ids;
  for (const auto& f : stacks::features()) ids.emplace_back(f.id);
  return ids;
}

std::vector<std::string> stack_keys() {
  std::vector<std::string> keys;
  for (const auto& s : stacks::all_stacks()) keys.push_back(s.key);
  return keys;
}

std::vector<std::string> instance_keys() {
  std::vector<std::string> keys;
  for (const auto& s : instance_stacks()) keys.emplace_back(s.key);
  return keys;
}

const InstanceStack* find_instance_stack(std::string_view key) {
  for (const auto& s : instance_stacks())
    if (s.key == key) return &s;
  return nullptr;
}

std::string scalar_of(const YAML::Node& n, const std::string& key) {
  if (!n.IsScalar()) throw ProfileError(fmt::format("{}: expected a string, got a {}", key, n.IsMap() ? "map" : n.IsSequence() ? "list" : "null"));
  return n.Scalar();
}

void check_keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& allowed) {
  for (const auto& kv : map) {
    std::string k = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
      throw ProfileError(fmt::format("{}{}: unknown key{}; valid keys: {}", where, k, did_you_mean(k, allowed), join(allowed)));
  }
}

std::string role_text(ClusterRole r) { return r == ClusterRole::Secondary ? "secondary" : "primary"; }

// The value that switches a feature off: the template's default when it is not the "on" value,
// otherwise the other of two allowed values.
std::optional<std::string> off_value(const cfn::Parameter& p, std::string_view on) {
  if (p.default_value() && scalar_text(*p.default_value()) != on) return scalar_text(*p.default_value());
  if (p.allowed_values().size() == 2) return p.allowed_values()[0] == on ? p.allowed_values()[1] : p.allowed_values()[0];
  return std::nullopt;
}

// A feature is on by default when the templates' defaults already switch it on.
bool on_by_default(const stacks::Feature& f, const std::vector<stacks::BuiltStack>& built) {
  auto settings = stacks::feature_settings(f, built);
  if (settings.empty()) return false;
  for (const auto& s : settings)
    for (const auto& b : built)
      if (b.name == s.stack)
        if (const auto* p = b.model.tmpl.find_parameter(s.parameter))
          if (!p->default_value() || scalar_text(*p->default_value()) != s.value) return false;
  // Switches alone do not deploy a stack: a feature that needs an optional stack is off by default.
  for (auto key : f.stacks)
    if (const auto* s = stacks::find_stack(key); s && s->optional) return false;
  return true;
}

bool stack_enabled(const Profile& p, const catalog::Stack& s) {
  if (s.role == ClusterRole::Primary && p.role != ClusterRole::Primary) return false;
  if (s.role == ClusterRole::Secondary && p.role != ClusterRole::Secondary) return false;
  if (!s.optional) return true;
  if (p.instances.contains(s.key) && !p.instances.at(s.key).empty()) return true;
  for (const auto& [id, on] : p.features) {
    if (!on) continue;
    const auto* f = stacks::find_feature(id);
    if (f && std::find(f->stacks.begin(), f->stacks.end(), s.key) != f->stacks.end()) return true;
  }
  return false;
}

// A working value for a parameter without a default, for init: empty when the template allows
// it (the feature stays off), else one that follows from the cluster's identity.
std::optional<std::string> suggested_value(const Profile& p, const cfn::Parameter& param) {
  if (param.type() == "String" && !constraint_violation(param, "")) return std::string();
  std::map<std::string, std::string> derived{
      {"IdentityServerDomain", p.domain},
      {"ClusterID", p.cluster},
      // The EC2 key pair must exist before 5-1 is deployed (deployment guide: prerequisites).
      {"KeyName", fmt::format("{}-{}-{}", p.network, p.environment, p.cluster)},
      {"DeviceClaimingOAuthClientIDValue", "device-claiming"},
      {"ConsoleOAuthClientIDValue", "console"},
  };
  auto it = derived.find(param.id());
  if (it == derived.end() || constraint_violation(param, it->second)) return std::nullopt;
  return it->second;
}

}  // namespace

const std::vector<InstanceStack>& instance_stacks() {
  static const std::vector<InstanceStack> list{
      {"aurora-replica", "ReplicaName", {}, {}},
      // The deployment guide deploys 2-3-db-redis once per purpose; the services import all three.
      {"redis", "Purpose", {"general", "cache", "events"}, {}},
      {"timescale", "DeploymentName", {}, {}},
      {"timescale-replica", "ReplicaName", {}, {}},
      {"certs-le", "CertificateID", {}, {}},
      {"certbot-scheduled-task", "CertificateID", {}, "certs-le"},
  };
  return list;
}

bool StackParameters::has_secrets() const {
  return std::any_of(values.begin(), values.end(), [](const ParameterValue& v) { return v.secret && v.value; });
}

std::optional<std::string> constraint_violation(const cfn::Parameter& p, const std::string& value) {
  const auto& allowed = p.allowed_values();
  if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), value) == allowed.end())
    return fmt::format("'{}' is not one of {}", value, join(allowed));
  if (p.type() == "Number") {
    long long n = 0;
    std::size_t used = 0;
    try {
      n = std::stoll(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != value.size()) return fmt::format("'{}' is not a number", value);
    if (p.min_value() && n < *p.min_value()) return fmt::format("{} is below the minimum {}", n, *p.min_value());
    if (p.max_value() && n > *p.max_value()) return fmt::format("{} is above the maximum {}", n, *p.max_value());
    return std::nullopt;
  }
  if (p.min_length() && static_cast<int>(value.size()) < *p.min_length())
    return fmt::format("'{}' is shorter than {} characters", value, *p.min_length());
  if (p.max_length() && static_cast<int>(value.size()) > *p.max_length())
    return fmt::format("'{}' is longer than {} characters", value, *p.max_length());
  if (!p.allowed_pattern().empty()) {
    bool match = true;
    try {
      match = std::regex_match(value, std::regex(p.allowed_pattern()));
    } catch (const std::regex_error&) {
      match = true;  // a pattern std::regex cannot read is left to CloudFormation
    }
    if (!match)
      return fmt::format("'{}' does not match {}{}", value, p.allowed_pattern(),
                         p.constraint_description().empty() ? "" : " (" + p.constraint_description() + ")");
  }
  return std::nullopt;
}

Profile read_profile(const std::string& text, const std::string& source) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ProfileError(fmt::format("{}: not YAML: {}", source, e.what()));
  }
  if (!root.IsMap()) throw ProfileError(fmt::format("{}: expected a map of profile keys", source));
  std::vector<std::string> top;
  for (const auto& f : scalar_fields()) top.emplace_back(f.key);
  for (const char* k : {"role", "release", "templates", "features", "instances", "parameters"}) top.emplace_back(k);
  check_keys(root, "", top);

  Profile p;
  for (const auto& f : scalar_fields()) {
    if (!root[std::string(f.key)]) throw ProfileError(fmt::format("{}: missing (required: {})", f.key, f.description));
    p.*f.member = scalar_of(root[std::string(f.key)], std::string(f.key));
  }
  if (auto r = root["role"]) {
    std::string role = scalar_of(r, "role");
    if (role != "primary" && role != "secondary")
      throw ProfileError(fmt::format("role: '{}' is not one of primary, secondary", role));
    p.role = role == "primary" ? ClusterRole::Primary : ClusterRole::Secondary;
  }
  p.release = catalog::newest_release();
  if (auto r = root["release"]) {
    std::string text_version = scalar_of(r, "release");
    auto v = catalog::parse_version(text_version);
    std::vector<std::string> known;
    for (const auto& s : catalog::supported_releases()) known.push_back(s.str());
    if (!v || !catalog::is_supported(*v))
      throw ProfileError(fmt::format("release: '{}' is not a supported release; valid: {}", text_version, join(known)));
    p.release = *v;
  }
  if (auto t = root["templates"]) {
    if (!t.IsMap()) throw ProfileError("templates: expected a map with bucket and prefix");
    check_keys(t, "templates.", {"bucket", "prefix"});
    if (t["bucket"]) p.templates_bucket = scalar_of(t["bucket"], "templates.bucket");
    if (t["prefix"]) p.templates_prefix = scalar_of(t["prefix"], "templates.prefix");
  }
  if (auto f = root["features"]) {
    if (!f.IsMap()) throw ProfileError("features: expected a map of feature names to true or false");
    check_keys(f, "features.", feature_ids());
    for (const auto& kv : f) {
      std::string id = kv.first.Scalar();
      std::string value = scalar_of(kv.second, "features." + id);
      if (value != "true" && value != "false")
        throw ProfileError(fmt::format("features.{}: '{}' is not one of true, false", id, value));
      p.features[id] = value == "true";
    }
  }

  // The rest is checked against the templates of the profile's release.
  auto built = stacks::build_release(p.release);
  for (const auto& f : scalar_fields()) {
    if (const auto* param = identity_parameter(built, f.parameter))
      if (auto why = constraint_violation(*param, p.*f.member))
        throw ProfileError(fmt::format("{}: {} (parameter {})", f.key, *why, f.parameter));
  }
  // After the identity: init derives the bucket name from it, so a bad network is named as such.
  {
    static const std::regex bucket_name("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    if (!p.templates_bucket.empty() && !std::regex_match(p.templates_bucket, bucket_name))
      throw ProfileError(fmt::format("templates.bucket: '{}' is not an S3 bucket name (3-63 lowercase letters, digits, '.' and '-')",
                                     p.templates_bucket));
  }
  auto stack_in_release = [&](const std::string& key) -> const stacks::BuiltStack* {
    for (const auto& b : built)
      if (b.stack->key == key) return &b;
    return nullptr;
  };

  if (auto in = root["instances"]) {
    if (!in.IsMap()) throw ProfileError("instances: expected a map of stack keys to lists of instance names");
    check_keys(in, "instances.", instance_keys());
    for (const auto& kv : in) {
      std::string key = kv.first.Scalar();
      std::string where = "instances." + key;
      if (!kv.second.IsSequence()) throw ProfileError(fmt::format("{}: expected a list of instance names", where));
      const auto* is = find_instance_stack(key);
      const auto* b = stack_in_release(key);
      auto& names = p.instances[key];
      for (std::size_t i = 0; i < kv.second.size(); ++i) {
        std::string name = scalar_of(kv.second[i], fmt::format("{}[{}]", where, i));
        if (std::find(names.begin(), names.end(), name) != names.end())
          throw ProfileError(fmt::format("{}[{}]: '{}' is listed twice", where, i, name));
        if (b)
          if (const auto* q = b->model.tmpl.find_parameter(is->qualifier))
            if (auto why = constraint_violation(*q, name))
              throw ProfileError(fmt::format("{}[{}]: stack {}, parameter {}: {}", where, i, b->name, is->qualifier, *why));
        names.push_back(name);
      }
    }
  }

  if (auto ps = root["parameters"]) {
    if (!ps.IsMap()) throw ProfileError("parameters: expected a map of stack keys to maps of parameter overrides");
    check_keys(ps, "parameters.", stack_keys());
    for (const auto& kv : ps) {
      std::string key = kv.first.Scalar();
      std::string where = "parameters." + key;
      if (!kv.second.IsMap()) throw ProfileError(fmt::format("{}: expected a map of CloudFormation parameter names to values", where));
      const auto* b = stack_in_release(key);
      if (!b) throw ProfileError(fmt::format("{}: the stack is not in release {}", where, p.release.str()));
      std::vector<std::string> names;
      for (const auto& param : b->model.tmpl.parameters()) names.push_back(param.id());
      for (const auto& pv : kv.second) {
        std::string name = pv.first.Scalar();
        const auto* param = b->model.tmpl.find_parameter(name);
        if (!param)
          throw ProfileError(fmt::format("{}.{}: stack {} has no parameter {}{}", where, name, b->name, name, did_you_mean(name, names)));
        if (param->is_no_echo())
          throw ProfileError(fmt::format("{}.{}: stack {}, parameter {} is a secret (NoEcho): give it with --secrets or TTSGEN_SECRET_{}, never in the profile",
                                         where, name, b->name, name, name));
        std::string value = scalar_of(pv.second, where + "." + name);
        if (auto why = constraint_violation(*param, value))
          throw ProfileError(fmt::format("{}.{}: stack {}, parameter {}: {}", where, name, b->name, name, *why));
        p.parameters[key][name] = value;
      }
    }
  }
  return p;
}

Profile load_profile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ProfileError(fmt::format("{}: cannot read the profile", path));
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return read_profile(ss.str(), path);
  } catch (const ProfileError& e) {
    throw ProfileError(fmt::format("{}: {}", path, e.what()));
  }
}

std::string profile_schema() {
  using J = nlohmann::ordered_json;
  J props = J::object();
  J required = J::array();
  for (const auto& f : scalar_fields()) {
    props[std::string(f.key)] = {{"type", "string"}, {"description", f.description}};
    if (f.required) required.push_back(f.key);
  }
  auto built = stacks::build_release(catalog::newest_release());
  for (const auto& f : scalar_fields())
    if (const auto* param = identity_parameter(built, f.parameter)) {
      auto& j = props[std::string(f.key)];
      if (!param->allowed_values().empty()) j["enum"] = param->allowed_values();
      if (!param->allowed_pattern().empty()) j["pattern"] = param->allowed_pattern();
      if (param->max_length()) j["maxLength"] = *param->max_length();
    }
  props["role"] = {{"enum", {"primary", "secondary"}}, {"default", "primary"}, {"description", "The cluster's role in a multi-cluster network."}};
  J releases = J::array();
  for (const auto& v : catalog::supported_releases()) releases.push_back(v.str());
  props["release"] = {{"enum", releases}, {"default", catalog::newest_release().str()}, {"description", "Release of The Things Stack templates."}};
  props["templates"] = {{"type", "object"},
                        {"description", "Where the templates are published: https://<bucket>.s3.amazonaws.com/<prefix>/<file>."},
                        {"properties", {{"bucket", {{"type", "string"}, {"pattern", "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"}}},
                                        {"prefix", {{"type", "string"}}}}},
                        {"additionalProperties", false}};
  J feats = J::object();
  for (const auto& f : stacks::features())
    feats[std::string(f.id)] = {{"type", "boolean"}, {"description", std::string(f.title)}};
  props["features"] = {{"type", "object"}, {"properties", feats}, {"additionalProperties", false}};
  J inst = J::object();
  for (const auto& s : instance_stacks())
    inst[std::string(s.key)] = {{"type", "array"}, {"items", {{"type", "string"}}}, {"uniqueItems", true},
                                {"description", fmt::format("One stack per name, given as {}.", s.qualifier)}};
  props["instances"] = {{"type", "object"}, {"properties", inst}, {"additionalProperties", false}};
  J params = J::object();
  for (const auto& s : stacks::all_stacks())
    params[s.key] = {{"type", "object"},
                     {"description", fmt::format("Overrides of {} by CloudFormation parameter name.", s.names.back().name)},
                     {"additionalProperties", {{"type", {"string", "number", "boolean"}}}}};
  props["parameters"] = {{"type", "object"}, {"properties", params}, {"additionalProperties", false}};
  J schema = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
              {"title", "ttsgen deployment profile"},
              {"type", "object"},
              {"properties", props},
              {"required", required},
              {"additionalProperties", false}};
  return schema.dump(2) + "\n";
}

std::string init_profile(const InitOptions& o) {
  Profile p;
  p.network = o.network;
  p.environment = o.environment;
  p.cluster = o.cluster;
  p.domain = o.domain;
  p.role = o.role;
  p.release = o.release.value_or(catalog::newest_release());
  auto built = stacks::build_release(p.release);
  std::string out = "# ttsgen deployment profile: one cluster. Schema: `ttsgen profile-schema`.\n"
                    "# Secrets (NoEcho parameters) never go here: give them to `ttsgen params` with --secrets FILE\n"
                    "# or TTSGEN_SECRET_<ParameterName> environment variables.\n";
  for (const auto& f : scalar_fields())
    out += fmt::format("# {}\n{}: {}\n", f.description, f.key, nlohmann::json(p.*f.member).dump());
  out += fmt::format("# primary or secondary (a secondary cluster leaves out the primary-only stacks).\nrole: {}\n", role_text(p.role));
  out += fmt::format("# Release of the templates.\nrelease: {}\n", p.release.str());
  out += fmt::format(
      "# Where the templates are published: https://<bucket>.s3.amazonaws.com/<prefix>/<file>.\n"
      "templates:\n  bucket: {}-{}-{}-templates\n  prefix: ttsgen/{}\n",
      p.network, p.environment, p.cluster, p.release.str());
  out += "# Features (true: on). Defaults are those of the templates.\nfeatures:\n";
  for (const auto& f : stacks::features())
    out += fmt::format("  {}: {}  # {}\n", f.id, on_by_default(f, built) ? "true" : "false", f.title);
  out += "# Stacks deployed several times: one stack per name (enabled stacks without a list: one copy\n"
         "# with the template's default name).\ninstances:\n";
  for (const auto& s : instance_stacks()) {
    if (s.default_instances.empty()) continue;
    out += fmt::format("  {}:  # {}\n", s.key, s.qualifier);
    for (auto n : s.default_instances) out += fmt::format("    - {}\n", n);
  }
  for (const auto& f : stacks::features()) p.features[std::string(f.id)] = on_by_default(f, built);
  out += "# Per stack (by key, see `ttsgen list`): parameter overrides by CloudFormation name, e.g.\n"
         "#   vpc:\n#     LoadBalancerAccessLoggingEnabled: \"true\"\n"
         "# Listed: the parameters of the enabled stacks that have no default, with a working value.\n";
  std::string overrides;
  for (const auto& b : built) {
    if (!stack_enabled(p, *b.stack)) continue;
    const auto* is = find_instance_stack(b.stack->key);
    std::string lines;
    for (const auto& param : b.model.tmpl.parameters()) {
      bool identity = std::any_of(scalar_fields().begin(), scalar_fields().end(),
                                  [&](const ScalarField& f) { return f.parameter == param.id(); });
      if (param.default_value() || param.is_no_echo() || identity || (is && is->qualifier == param.id())) continue;
      auto value = suggested_value(p, param);
      if (!value) continue;  // `params` names it: the operator must choose
      lines += fmt::format("    # {}\n    {}: {}\n", param.description(), param.id(), nlohmann::json(*value).dump());
    }
    if (!lines.empty()) overrides += fmt::format("  {}:  # {}\n{}", b.stack->key, b.name, lines);
  }
  out += overrides.empty() ? "parameters: {}\n" : "parameters:\n" + overrides;
  read_profile(out, "init");  // what init writes must read back: checks the identity values too
  return out;
}

std::vector<StackParameters> stack_parameters(const Profile& p, const Secrets& secrets, std::optional<catalog::Version> release) {
  catalog::Version v = release.value_or(p.release);
  auto built = stacks::build_release(v);
  // Feature settings: parameter -> value, per stack name.
  std::map<std::string, std::map<std::string, std::string>> switched;
  for (const auto& [id, on] : p.features) {
    const auto* f = stacks::find_feature(id);
    for (const auto& s : stacks::feature_settings(*f, built)) {
      if (on) {
        switched[s.stack][s.parameter] = s.value;
        continue;
      }
      for (const auto& b : built)
        if (b.name == s.stack)
          if (const auto* param = b.model.tmpl.find_parameter(s.parameter)) {
            auto off = off_value(*param, s.value);
            if (!off) throw ProfileError(fmt::format("features.{}: stack {}, parameter {} has no 'off' value", id, s.stack, s.parameter));
            // A feature that requires this one may switch the parameter on: on wins.
            switched[s.stack].try_emplace(s.parameter, *off);
          }
    }
  }
  std::vector<StackParameters> out;
  for (const auto& b : built) {
    if (!stack_enabled(p, *b.stack)) continue;
    std::vector<std::string> instances{""};
    if (const auto* is = find_instance_stack(b.stack->key)) {
      std::string_view key = is->follows.empty() ? is->key : is->follows;
      const auto* source = find_instance_stack(key);
      if (p.instances.contains(std::string(key)) && !p.instances.at(std::string(key)).empty())
        instances = p.instances.at(std::string(key));
      else if (!source->default_instances.empty())
        instances = names_of(source->default_instances);
      else if (const auto* q = b.model.tmpl.find_parameter(is->qualifier); q && q->default_value())
        instances = {scalar_text(*q->default_value())};
    }
    for (const auto& instance : instances) {
      StackParameters sp{.stack = b.stack, .stack_name = b.name, .instance = instance, .file_name = {}, .values = {}};
      sp.file_name = b.name + (instance.empty() ? "" : "-" + instance) + ".parameters.json";
      for (const auto& param : b.model.tmpl.parameters()) {
        const std::string& name = param.id();
        std::string where = fmt::format("stack {}{}, parameter {}", b.name, instance.empty() ? "" : " (" + instance + ")", name);
        if (param.is_no_echo()) {
          ParameterValue pv{.key = name, .value = std::nullopt, .secret = true};
          if (auto it = secrets.find(name); it != secrets.end()) {
            if (auto why = constraint_violation(param, it->second))
              throw ProfileError(fmt::format("secrets: {}: the value does not meet the parameter's constraints", where));
            pv.value = it->second;
          }
          sp.values.push_back(pv);
          continue;
        }
        std::optional<std::string> value;
        std::string source = "template default";
        if (param.default_value()) value = scalar_text(*param.default_value());
        for (const auto& f : scalar_fields())
          if (f.parameter == name) value = p.*f.member, source = std::string(f.key);
        if (auto it = switched.find(b.name); it != switched.end())
          if (auto s = it->second.find(name); s != it->second.end()) value = s->second, source = "features";
        if (const auto* is = find_instance_stack(b.stack->key); is && is->qualifier == name && !instance.empty())
          value = instance, source = "instances." + std::string(is->follows.empty() ? is->key : is->follows);
        if (auto it = p.parameters.find(b.stack->key); it != p.parameters.end())
          if (auto o = it->second.find(name); o != it->second.end()) value = o->second, source = "parameters." + b.stack->key + "." + name;
        if (!value)
          throw ProfileError(fmt::format("{}: no value and no default; set parameters.{}.{}", where, b.stack->key, name));
        if (auto why = constraint_violation(param, *value))
          throw ProfileError(fmt::format("{} (from {}): {}", where, source, *why));
        sp.values.push_back({.key = name, .value = value, .secret = false});
      }
      out.push_back(std::move(sp));
    }
  }
  return out;
}

std::string parameters_json(const StackParameters& s) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& v : s.values) {
    if (v.value)
      list.push_back({{"ParameterKey", v.key}, {"ParameterValue", *v.value}});
    else
      list.push_back({{"ParameterKey", v.key}, {"UsePreviousValue", true}});
  }
  return list.dump(2) + "\n";
}

std::string template_url(const Profile& p, const std::string& file_name) {
  std::string prefix = p.templates_prefix;
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return fmt::format("https://{}.s3.amazonaws.com/{}{}", p.templates_bucket, prefix.empty() ? "" : prefix + "/", file_name);
}

}  // namespace ttsgen::profile
