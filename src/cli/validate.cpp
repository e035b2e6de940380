// ttsgen validate: every check of docs/cli.md on the templates as written: references, the
// cross-stack contracts of the whole set (imports, exports, order, cluster roles), properties
// against the registry schemas, quotas on the exact bytes, the security baseline. For one release,
// every release, or a folder of templates (a deployed copy, a fixture).
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <optional>

#include "command.hpp"
#include "ttsgen/check/set_checks.hpp"
#include "ttsgen/check/validate.hpp"

namespace ttsgen::cli {

namespace {

struct ValidateOptions {
  std::string version;
  bool all_versions = false;
  std::string dir;
  std::string format = "text";
  std::string template_format = "yaml";
  bool notes = false;
};

// The release before v, if v is not the oldest.
std::optional<catalog::Version> predecessor(const catalog::Version& v) {
  const auto& releases = catalog::supported_releases();
  auto it = std::find(releases.begin(), releases.end(), v);
  if (it == releases.end() || it == releases.begin()) return std::nullopt;
  return *(it - 1);
}

nlohmann::ordered_json to_json(const check::Finding& f) {
  return {{"severity", std::string(check::to_string(f.severity))},
          {"rule", f.rule},
          {"release", f.release},
          {"stack", f.stack},
          {"logical_id", f.logical_id},
          {"path", f.path},
          {"message", f.message}};
}

int run_validate(const ValidateOptions& o) {
  auto started = std::chrono::steady_clock::now();
  if (o.all_versions && !o.version.empty()) throw UsageError("--version and --all-versions exclude each other; give one");
  if (o.all_versions && !o.dir.empty()) throw UsageError("--dir validates one folder; it cannot be combined with --all-versions");
  render::Format format = template_format_from(o.template_format);

  check::TemplateLoader loader;
  check::Validator validator;
  std::vector<check::ReleaseResult> results;
  if (!o.dir.empty()) {
    std::optional<catalog::Version> v;
    if (!o.version.empty()) v = release_from(o.version);
    try {
      results.push_back(validator.validate(loader.folder(o.dir, v)));
    } catch (const check::LoadError& e) {
      throw UsageError(e.what());
    }
  } else if (o.all_versions) {
    for (const auto& set : loader.releases(catalog::supported_releases(), format))
      results.push_back(validator.validate(set, results.empty() ? nullptr : &results.back()));
  } else {
    catalog::Version v = release_from(o.version);
    // The release before is read only for what it imports (removed-export check).
    std::optional<check::ReleaseResult> before;
    if (auto p = predecessor(v)) {
      before.emplace();
      before->label = p->str();
      before->analysis = check::analyse_set(loader.release(*p, format));
    }
    results.push_back(validator.validate(loader.release(v, format), before ? &*before : nullptr));
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::vector<check::Finding> findings;
  std::size_t templates = 0, bytes = 0;
  for (auto& r : results) {
    templates += r.templates;
    bytes += r.bytes;
    for (auto& f : r.findings) findings.push_back(std::move(f));
  }
  std::size_t errors = check::count(findings, check::Severity::Error);
  std::size_t notes = check::count(findings, check::Severity::Note);

  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["releases"] = nlohmann::ordered_json::array();
    for (const auto& r : results) j["releases"].push_back(r.label);
    j["templates"] = templates;
    j["distinct_templates"] = validator.distinct_templates();
    j["bytes"] = bytes;
    j["seconds"] = seconds;
    j["errors"] = errors;
    j["notes"] = notes;
    j["findings"] = nlohmann::ordered_json::array();
    for (const auto& f : findings) j["findings"].push_back(to_json(f));
    std::cout << j.dump(2) << "\n";
  } else {
    for (const auto& f : findings)
      if (f.severity == check::Severity::Error || o.notes) std::cout << check::format_text(f) << "\n";
    std::string what = results.size() == 1 ? "release " + results.front().label
                                            : std::to_string(results.size()) + " releases";
    std::cout << fmt::format("validated {}: {} templates ({} distinct, {} bytes) in {:.2f} s: {} error{}, {} note{}{}\n", what,
                             templates, validator.distinct_templates(), bytes, seconds, errors, errors == 1 ? "" : "s", notes,
                             notes == 1 ? "" : "s", notes && !o.notes ? " (--notes shows them)" : "");
  }
  return errors > 0 ? kExitFindings : 0;
}

}  // namespace

Runner setup_validate(CLI::App& command) {
  auto o = std::make_shared<ValidateOptions>();
  command.add_option("--version", o->version,
                     "Release to validate (default: the newest, " + catalog::newest_release().str() +
                         "); with --dir, the release of the folder");
  command.add_flag("--all-versions", o->all_versions, "Validate every supported release, each against the one before");
  command.add_option("--dir", o->dir, "Validate the *.gen.template files of this folder as one set instead of a render");
  add_output_format(command, o->format, {"text", "json"});
  command.add_option("--template-format", o->template_format, "Render and check the templates as yaml|json")
      ->default_str("yaml")
      ->check(CLI::IsMember({"yaml", "json"}));
  command.add_flag("--notes", o->notes, "Also print notes (facts that are not errors, e.g. a template above 51,200 bytes)");
  command.footer(
      "Checks: references, structure, imports/exports across the set (order, cluster roles, duplicates, removed exports), "
      "registry schemas, quotas on the written bytes, security baseline. Exit 0 clean, 1 errors, 2 bad usage.");
  return [o] { return run_validate(*o); };
}

}  // namespace ttsgen::cli
