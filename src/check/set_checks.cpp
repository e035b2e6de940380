#include "ttsgen/check/set_checks.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "ttsgen/util/spelling.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

// The cluster roles that deploy a stack.
std::vector<catalog::ClusterRole> roles_of(catalog::ClusterRole r) {
  if (r == catalog::ClusterRole::Both) return {catalog::ClusterRole::Primary, catalog::ClusterRole::Secondary};
  return {r};
}

bool deploys(catalog::ClusterRole stack, catalog::ClusterRole cluster) {
  return stack == catalog::ClusterRole::Both || stack == cluster;
}

const std::vector<std::string> kReusedParameters{"NetworkName", "Environment", "Cluster"};

class Analyser {
 public:
  Analyser(const TemplateSet& set, const std::vector<const Contracts*>& contracts) : set_(set), contracts_(contracts) {}

  SetAnalysis run() {
    for (const auto& t : set_.templates) result_.graph.nodes.push_back(t.name);
    collect_exports();
    resolve_imports();
    check_parameters();
    result_.order = deployment_order(result_.graph);
    if (!result_.order.ok()) {
      std::string cycle;
      for (std::size_t i : result_.order.cycle) cycle += (cycle.empty() ? "" : " → ") + set_.templates[i].name;
      add("cycle", "", "", "", "dependency cycle: " + cycle + " (each imports from the one before it); the set cannot be deployed");
    }
    return std::move(result_);
  }

 private:
  struct Exporter {
    std::size_t stack;
    const ExportSite* site;
  };

  void add(std::string rule, std::string stack, std::string logical_id, std::string path, std::string message) {
    Finding f;
    f.rule = std::move(rule);
    f.release = set_.label;
    f.stack = std::move(stack);
    f.logical_id = std::move(logical_id);
    f.path = std::move(path);
    f.message = std::move(message);
    result_.findings.push_back(std::move(f));
  }

  const std::string& name(std::size_t i) const { return set_.templates[i].name; }

  void collect_exports() {
    for (std::size_t i = 0; i < set_.templates.size(); ++i) {
      if (!contracts_[i]) continue;
      for (const auto& e : contracts_[i]->exports) {
        if (!e.name.problem.empty()) {
          add("export", name(i), e.output_id, e.path, "export name " + e.name.text + ": " + e.name.problem);
          continue;
        }
        for (const auto& x : e.name.expansions) {
          if (const Exporter* other = exporter_of(x, true)) {
            add("export", name(i), e.output_id, e.path,
                "export name " + x + " is also exported by " + name(other->stack) + " " + other->site->path +
                    "; CloudFormation refuses a second export of a name");
            continue;
          }
          exact_.emplace(x, exporters_.size());
          if (x.find(kWildcard) != std::string::npos) wildcards_.push_back(exporters_.size());
          exporters_.push_back(Exporter{i, &e});
          names_.push_back(x);
          result_.exported.push_back(x);
        }
      }
    }
  }

  // The exporter of `name`: exact, or through an exporter's wildcard; with `both_ways`, also an
  // exporter whose exact name `name`'s wildcard covers (for duplicate detection).
  const Exporter* exporter_of(const std::string& name, bool both_ways = false) const {
    if (auto it = exact_.find(name); it != exact_.end()) return &exporters_[it->second];
    for (std::size_t w : wildcards_)
      if (names_match(names_[w], name)) return &exporters_[w];
    if (both_ways && name.find(kWildcard) != std::string::npos)
      for (std::size_t k = 0; k < names_.size(); ++k)
        if (names_match(name, names_[k])) return &exporters_[k];
    return nullptr;
  }

  void resolve_imports() {
    for (std::size_t i = 0; i < set_.templates.size(); ++i) {
      if (!contracts_[i]) continue;
      for (const auto& im : contracts_[i]->imports) {
        if (!im.name.problem.empty()) {
          add("import", name(i), im.logical_id, im.path, "import name " + im.name.text + ": " + im.name.problem);
          continue;
        }
        for (const auto& x : im.name.expansions) resolve(i, im, x);
      }
    }
  }

  void resolve(std::size_t consumer, const ImportSite& im, const std::string& x) {
    const Exporter* e = exporter_of(x);
    if (!e) {
      std::string message = "imports " + x + ", which no stack of release " + set_.label + " exports";
      if (x.find(kWildcard) != std::string::npos)
        message += " (a parameter in the name has no AllowedValues, so it may name any export; list the values the exporter uses)";
      else if (auto hint = hint_for(x))
        message += "; did you mean " + *hint + "?";
      return add("import", name(consumer), im.logical_id, im.path, message);
    }
    std::size_t producer = e->stack;
    if (producer == consumer)
      return add("order", name(consumer), im.logical_id, im.path, "imports its own export " + x + "; use the value directly");
    result_.graph.link(producer, consumer, im.name.text);
    result_.imported.emplace(x, SetAnalysis::Use{name(consumer), name(producer)});
    if (!reported_.insert({&im, "order"}).second) return;
    if (producer > consumer)
      add("order", name(consumer), im.logical_id, im.path,
          "imports " + x + " from " + name(producer) + ", which comes later in the deployment order");
    const catalog::Stack* c = set_.templates[consumer].stack;
    const catalog::Stack* p = set_.templates[producer].stack;
    if (!c || !p || im.conditional) return;
    for (catalog::ClusterRole role : roles_of(c->role)) {
      if (deploys(p->role, role)) continue;
      add("role", name(consumer), im.logical_id, im.path,
          "imports " + x + " from " + name(producer) + ", which " + std::string(catalog::to_string(role)) +
              " clusters do not deploy (it is " + std::string(catalog::to_string(p->role)) + "-only), yet " + name(consumer) +
              " is deployed in " + std::string(catalog::to_string(c->role)) +
              " clusters; import it only under a condition that is false there");
    }
    if (!c->optional && p->optional)
      add("optional", name(consumer), im.logical_id, im.path,
          "required stack imports " + x + " from optional stack " + name(producer) +
              " without a condition; it fails when the operator skips " + name(producer));
  }

  // "did you mean" for an unresolved name, comparing the part after the cluster identity (the
  // key), once per name: a broken set repeats the same name in many places.
  std::optional<std::string> hint_for(const std::string& name) {
    auto key_of = [](const std::string& n) {
      constexpr std::string_view prefix = "${NetworkName}-${Environment}-${Cluster}-";
      return n.rfind(prefix, 0) == 0 ? n.substr(prefix.size()) : n;
    };
    auto [it, inserted] = hints_.emplace(name, std::nullopt);
    if (!inserted) return it->second;
    if (keys_.empty())
      for (const auto& n : names_) keys_.push_back(key_of(n));
    if (auto key = util::closest_match(key_of(name), keys_)) {
      auto pos = std::find(keys_.begin(), keys_.end(), *key);
      it->second = names_[static_cast<std::size_t>(pos - keys_.begin())];
    }
    return it->second;
  }

  static const Value* find_path(const Value& doc, std::initializer_list<std::string_view> keys) {
    const Value* v = &doc;
    for (auto k : keys) {
      v = v && v->is_map() ? v->find(k) : nullptr;
      if (!v) return nullptr;
    }
    return v;
  }

  void check_parameters() {
    std::map<std::string, std::pair<std::size_t, Value>> first;  // parameter → (stack, definition)
    for (std::size_t i = 0; i < set_.templates.size(); ++i) {
      const Value& doc = set_.templates[i].parsed->document;
      if (!doc.is_map()) continue;
      for (const auto& p : kReusedParameters) {
        const Value* def = find_path(doc, {"Parameters", p});
        if (!def) {
          add("parameter", name(i), p, "Parameters", "does not take the re-used parameter " + p + ", which every template takes");
          continue;
        }
        // The console description may differ; what the parameter accepts may not.
        Value accepts = Value::map();
        for (const char* key : {"Type", "Default", "AllowedValues", "AllowedPattern", "MinLength", "MaxLength"})
          if (const Value* v = def->is_map() ? def->find(key) : nullptr) accepts.set(key, *v);
        auto [it, inserted] = first.emplace(p, std::make_pair(i, accepts));
        if (!inserted && it->second.second != accepts)
          add("parameter", name(i), p, "Parameters." + p,
              "re-used parameter " + p + " accepts other values than in " + name(it->second.first) + "; it must be the same in every template");
      }
      // A parse shared between releases holds the release of the text it was read from; the texts
      // are equal apart from that string, so this file's VersionTag is right when that one was.
      const Value* tag = find_path(doc, {"Outputs", "VersionTag", "Value"});
      const std::string& parsed_from = set_.templates[i].parsed->release;
      std::string release = !parsed_from.empty() ? parsed_from : set_.version ? set_.version->str() : "";
      if (!tag)
        add("parameter", name(i), "VersionTag", "Outputs", "has no VersionTag output");
      else if (!release.empty() && !(tag->is_string() && tag->text() == release))
        add("parameter", name(i), "VersionTag", "Outputs.VersionTag.Value",
            "VersionTag is " + describe(*tag) + ", not the release " + (set_.version ? set_.version->str() : release));
    }
  }

  const TemplateSet& set_;
  const std::vector<const Contracts*>& contracts_;
  SetAnalysis result_;
  std::vector<Exporter> exporters_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::size_t> exact_;
  std::vector<std::size_t> wildcards_;
  std::set<std::pair<const ImportSite*, std::string>> reported_;
  std::vector<std::string> keys_;                                    // names_ without the cluster identity
  std::map<std::string, std::optional<std::string>> hints_;          // unresolved name → suggestion
};

}  // namespace

SetAnalysis analyse_set(const TemplateSet& set, const std::vector<const Contracts*>& contracts) { return Analyser(set, contracts).run(); }

SetAnalysis analyse_set(const TemplateSet& set) {
  std::vector<Contracts> contracts;
  contracts.reserve(set.templates.size());
  std::vector<const Contracts*> pointers;
  for (const auto& t : set.templates) {
    contracts.push_back(contracts_of(t.parsed->document));
    pointers.push_back(&contracts.back());
  }
  return analyse_set(set, pointers);
}

std::vector<Finding> removed_exports(const SetAnalysis& previous, const std::string& previous_label, const SetAnalysis& current,
                                     const std::string& current_label) {
  std::vector<Finding> out;
  for (const auto& [name, use] : previous.imported) {
    bool kept = std::any_of(current.exported.begin(), current.exported.end(), [&](const std::string& e) { return names_match(e, name); });
    if (kept) continue;
    Finding f;
    f.rule = "removed-export";
    f.release = current_label;
    f.stack = use.exporter;
    f.message = "export " + name + " is gone, but " + use.importer + " imports it in " + previous_label +
                ": updating " + use.exporter + " first (numbering order) fails while the old " + use.importer +
                " still imports it; stop importing it one release before removing the export";
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace ttsgen::check
