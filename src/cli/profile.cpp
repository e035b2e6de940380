// The operator's commands around a deployment profile: `profile-schema` (its JSON Schema), `init`
// (a complete, commented profile) and `params` (one create-stack parameter file per stack
// instance). A bad profile is exit 2 and writes nothing.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <yaml-cpp/yaml.h>

#include "command.hpp"
#include "ttsgen/profile/profile.hpp"

namespace ttsgen::cli {

namespace {

namespace fs = std::filesystem;

// Writes `content` to `path` (mode 600 when it holds secrets), through a temporary file.
void write_file(const fs::path& path, const std::string& content, bool secret) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(fmt::format("{}: cannot write", tmp.string()));
    if (secret) fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    out << content;
    if (!out.flush()) throw std::runtime_error(fmt::format("{}: cannot write", tmp.string()));
  }
  fs::rename(tmp, path);
}

struct InitCliOptions {
  profile::InitOptions init;
  std::string role = "primary";
  std::string version;
  std::string out;
};

int run_init(InitCliOptions& o) {
  o.init.role = o.role == "secondary" ? catalog::ClusterRole::Secondary : catalog::ClusterRole::Primary;
  if (!o.version.empty()) o.init.release = release_from(o.version);
  std::string text;
  try {
    text = profile::init_profile(o.init);
  } catch (const profile::ProfileError& e) {
    throw UsageError(e.what());
  }
  if (o.out.empty()) {
    std::cout << text;
    return 0;
  }
  if (fs::exists(o.out)) throw UsageError(fmt::format("--out {}: exists; init does not overwrite a profile", o.out));
  write_file(o.out, text, false);
  spdlog::info("wrote {}", o.out);
  return 0;
}

// Secrets: a YAML or JSON map of parameter name to value, then TTSGEN_SECRET_<name> variables.
profile::Secrets read_secrets(const std::string& path, const std::vector<profile::StackParameters>& wanted) {
  profile::Secrets s;
  if (!path.empty()) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(path);
    } catch (const YAML::Exception&) {
      // The parser's message may quote the file: say only where.
      throw UsageError(fmt::format("--secrets {}: not a readable YAML or JSON map", path));
    }
    if (!root.IsMap()) throw UsageError(fmt::format("--secrets {}: expected a map of parameter names to values", path));
    for (const auto& kv : root) {
      if (!kv.second.IsScalar())
        throw UsageError(fmt::format("--secrets {}: {}: expected a string", path, kv.first.Scalar()));
      s[kv.first.Scalar()] = kv.second.Scalar();
    }
  }
  for (const auto& sp : wanted)
    for (const auto& v : sp.values)
      if (v.secret && !s.contains(v.key))
        if (const char* env = std::getenv(("TTSGEN_SECRET_" + v.key).c_str())) s[v.key] = env;
  return s;
}

struct ParamsOptions {
  std::string profile;
  std::string version;
  std::string out;
  std::string secrets;
};

int run_params(const ParamsOptions& o) {
  std::vector<profile::StackParameters> files;
  try {
    auto p = profile::load_profile(o.profile);
    std::optional<catalog::Version> v;
    if (!o.version.empty()) v = release_from(o.version);
    auto names = profile::stack_parameters(p, {}, v);  // which secrets are wanted
    files = profile::stack_parameters(p, read_secrets(o.secrets, names), v);
  } catch (const profile::ProfileError& e) {
    throw UsageError(e.what());
  }
  fs::create_directories(o.out);
  for (const auto& f : files) {
    for (const auto& v : f.values)
      if (v.secret && !v.value)
        spdlog::warn("{}: no value for secret {}: UsePreviousValue (an update keeps it; a create needs --secrets or TTSGEN_SECRET_{})",
                     f.file_name, v.key, v.key);
    write_file(fs::path(o.out) / f.file_name, profile::parameters_json(f), f.has_secrets());
  }
  spdlog::info("wrote {} parameter files into {}", files.size(), o.out);
  return 0;
}

}  // namespace

Runner setup_profile_schema(CLI::App& command) {
  return [] {
    std::cout << profile::profile_schema();
    return 0;
  };
  (void)command;
}

Runner setup_init(CLI::App& command) {
  auto o = std::make_shared<InitCliOptions>();
  command.add_option("--network", o->init.network, "Name of the network (NetworkName)")->required();
  command.add_option("--environment", o->init.environment, "Environment: prod or staging")->required();
  command.add_option("--cluster", o->init.cluster, "Name of the cluster")->required();
  command.add_option("--domain", o->init.domain, "The cluster's domain")->required();
  command.add_option("--role", o->role, "primary (default) or secondary")->check(CLI::IsMember({"primary", "secondary"}));
  command.add_option("--version", o->version, "Release (default: the newest)")->check(kNonEmpty);
  command.add_option("--out", o->out, "Write the profile to FILE (default: stdout)")->check(kNonEmpty);
  return [o] { return run_init(*o); };
}

Runner setup_params(CLI::App& command) {
  auto o = std::make_shared<ParamsOptions>();
  command.add_option("--profile", o->profile, "The deployment profile (YAML)")->required()->check(kNonEmpty);
  command.add_option("--version", o->version, "Release (default: the profile's)")->check(kNonEmpty);
  command.add_option("--out", o->out, "Folder for the parameter files")->required()->check(kNonEmpty);
  command.add_option("--secrets", o->secrets, "YAML/JSON map of secret (NoEcho) parameter names to values")->check(kNonEmpty);
  return [o] { return run_params(*o); };
}

}  // namespace ttsgen::cli
