#include "ttsgen/check/validate.hpp"

#include "ttsgen/cfn/references.hpp"
#include "ttsgen/check/parameter_contract.hpp"
#include "ttsgen/check/template_checks.hpp"

namespace ttsgen::check {

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
  }
  out.analysis = analyse_set(set, contracts);
  for (const auto& f : out.analysis.findings) out.findings.push_back(f);
  for (auto& f : check_parameter_contract(set, contracts)) out.findings.push_back(std::move(f));
  if (previous)
    for (auto& f : removed_exports(previous->analysis, previous->label, out.analysis, out.label)) out.findings.push_back(std::move(f));
  return out;
}

}  // namespace ttsgen::check
