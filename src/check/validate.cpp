#include "ttsgen/check/validate.hpp"

#include "ttsgen/catalog/production.hpp"
#include "ttsgen/cfn/references.hpp"
#include "ttsgen/check/parameter_contract.hpp"
#include "ttsgen/check/production_checks.hpp"
#include "ttsgen/check/template_checks.hpp"

namespace ttsgen::check {

namespace {

// A production check (production_checks.hpp) on a release published before the production fixes
// reports what that release is, as a note: it cannot be changed any more.
Finding as_published(const TemplateSet& set, Finding f) {
  if (set.version && !catalog::has_production_fixes(*set.version) && f.severity == Severity::Error) {
    f.severity = Severity::Note;
    f.message = "published before the production fixes of " + catalog::kProductionFixes.str() + ": " + f.message;
  }
  return f;
}

}  // namespace

Validator::Validator(SchemaRegistry& registry) : registry_(registry) {}

const Validator::PerTemplate& Validator::per_template(const Parsed& parsed) {
  if (auto it = cache_.find(&parsed); it != cache_.end()) return it->second;
  PerTemplate result;
  auto append = [&result](std::vector<Finding> more) {
    for (auto& f : more) result.findings.push_back(std::move(f));
  };
  if (!parsed.error.empty()) {
    Finding f;
    f.rule = "structure";
    f.message = "the template does not parse: " + parsed.error;
    result.findings.push_back(std::move(f));
  } else {
    const cfn::Value& doc = parsed.document;
    append(check_structure(doc));
    for (auto& p : cfn::check_references(doc)) {
      Finding f;
      f.rule = "reference";
      f.path = std::move(p.path);
      f.logical_id = logical_id_of(f.path);
      f.message = std::move(p.message);
      result.findings.push_back(std::move(f));
    }
    append(check_schemas(doc, registry_));
    append(check_security(doc));
    for (auto* production : {&check_retention, &check_deletion_protection, &check_name_lengths, &check_sensitive_wildcards,
                             &check_single_writers})
      for (auto& f : production(doc)) result.production.push_back(std::move(f));
    result.contracts = contracts_of(doc);
  }
  return cache_.emplace(&parsed, std::move(result)).first->second;
}

ReleaseResult Validator::validate(const TemplateSet& set, const ReleaseResult* previous) {
  ReleaseResult out;
  out.label = set.label;
  out.templates = set.templates.size();
  std::vector<const Contracts*> contracts;
  for (const auto& t : set.templates) {
    out.bytes += t.bytes.size();
    const PerTemplate& checked = per_template(*t.parsed);
    contracts.push_back(t.parsed->error.empty() ? &checked.contracts : nullptr);
    std::vector<Finding> findings = checked.findings;
    if (t.parsed->error.empty())
      for (auto& q : check_quotas(t.bytes, t.parsed->document)) findings.push_back(std::move(q));
    for (auto& f : findings) {
      f.release = set.label;
      f.stack = t.name;
      out.findings.push_back(std::move(f));
    }
    for (Finding f : checked.production) {
      f.release = set.label;
      f.stack = t.name;
      out.findings.push_back(as_published(set, std::move(f)));
    }
  }
  out.analysis = analyse_set(set, contracts);
  for (const auto& f : out.analysis.findings) out.findings.push_back(f);
  for (auto* production : {&check_stable_exports, &check_kms_permissions})
    for (auto& f : production(set)) {
      f.release = set.label;
      out.findings.push_back(as_published(set, std::move(f)));
    }
  for (auto& f : check_parameter_contract(set, contracts)) out.findings.push_back(std::move(f));
  if (previous)
    for (auto& f : removed_exports(previous->analysis, previous->label, out.analysis, out.label)) out.findings.push_back(std::move(f));
  return out;
}

}  // namespace ttsgen::check
