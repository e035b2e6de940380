#include "ttsgen/check/parameter_contract.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "ttsgen/stacks/features.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

// The keys that decide which values a parameter accepts and what it is when left alone. The
// console text (Description, ConstraintDescription, labels) is the model's business: shared
// parameters take it from their one declaration.
constexpr std::string_view kAcceptKeys[] = {"Type",      "Default",   "AllowedValues", "AllowedPattern", "MinLength",
                                            "MaxLength", "MinValue", "MaxValue",      "NoEcho"};
constexpr std::string_view kClusterIdentity[] = {"NetworkName", "Environment", "Cluster"};

std::string shown(const Value* v) {
  if (!v) return "(none)";
  if (v->is_string()) return "'" + v->text() + "'";
  if (v->is_list()) {
    std::string out = "[";
    for (const auto& item : v->items()) out += (out.size() > 1 ? ", " : "") + shown(&item);
    return out + "]";
  }
  return cfn::describe(*v);
}

// A parameter's value of `key` as a string for comparison (Default "true" and true alike).
std::string scalar(const Value* v) {
  if (!v) return {};
  if (v->is_string()) return v->text();
  return shown(v);
}

// Equal values; scalars by their text, since a hand-edited copy may write true for 'true'.
bool same(const Value* a, const Value* b) {
  if (!a || !b) return !a && !b;
  if (!a->is_list() && !a->is_map() && !b->is_list() && !b->is_map()) return scalar(a) == scalar(b);
  return *a == *b;
}

struct Declared {
  std::size_t stack;
  const Value* definition;
  const Value* get(std::string_view key) const { return definition->is_map() ? definition->find(key) : nullptr; }
};

class ContractCheck {
 public:
  ContractCheck(const TemplateSet& set, const std::vector<const Contracts*>& contracts) : set_(set), contracts_(contracts) {
    for (std::size_t i = 0; i < set_.templates.size(); ++i) {
      const Value& doc = set_.templates[i].parsed->document;
      const Value* parameters = doc.is_map() ? doc.find("Parameters") : nullptr;
      if (!parameters || !parameters->is_map()) continue;
      for (const auto& e : parameters->entries()) by_name_[e.key].push_back({i, &e.value});
    }
  }

  std::vector<Finding> run() {
    shared_parameters();
    selectors();
    feature_switches();
    return std::move(findings_);
  }

 private:
  const std::string& name(std::size_t i) const { return set_.templates[i].name; }

  void add(std::string rule, std::size_t stack, const std::string& parameter, std::string message) {
    Finding f;
    f.rule = std::move(rule);
    f.release = set_.label;
    f.stack = name(stack);
    f.logical_id = parameter;
    f.path = "Parameters." + parameter;
    f.message = std::move(message);
    findings_.push_back(std::move(f));
  }

  const Declared* find(std::size_t stack, std::string_view parameter) const {
    auto it = by_name_.find(std::string(parameter));
    if (it == by_name_.end()) return nullptr;
    for (const auto& d : it->second)
      if (d.stack == stack) return &d;
    return nullptr;
  }

  // Every template that differs from the first one that declares the name is reported, naming
  // the key, both values and both stacks.
  void shared_parameters() {
    for (const auto& [parameter, declared] : by_name_) {
      if (declared.size() < 2) continue;
      if (std::find(std::begin(kClusterIdentity), std::end(kClusterIdentity), parameter) != std::end(kClusterIdentity))
        continue;  // set_checks' "parameter" rule
      if (stacks::find_same_name_exception(parameter)) continue;
      const Declared& first = declared.front();
      for (std::size_t k = 1; k < declared.size(); ++k) {
        const Declared& other = declared[k];
        for (std::string_view key : kAcceptKeys) {
          const Value* a = first.get(key);
          const Value* b = other.get(key);
          if (same(a, b)) continue;
          add("shared-parameter", other.stack, parameter,
              "shared parameter " + parameter + " has " + std::string(key) + " " + shown(b) + " here but " + shown(a) +
                  " in " + name(first.stack) + "; a parameter that several templates take must accept the same values "
                  "with the same default in each (declare it once in stacks/shared_parameters)");
          break;
        }
      }
    }
  }

  // "${NetworkName}-…-timescale-${DeploymentName}-Address" → literals and variables.
  static std::vector<std::string> split_name(const std::string& text, std::vector<std::string>& variables) {
    std::vector<std::string> literals{""};
    for (std::size_t at = 0; at < text.size();) {
      if (text.compare(at, 2, "${") == 0) {
        std::size_t end = text.find('}', at);
        if (end == std::string::npos) break;
        variables.push_back(text.substr(at + 2, end - at - 2));
        literals.emplace_back();
        at = end + 1;
      } else {
        literals.back() += text[at++];
      }
    }
    return literals;
  }

  void selectors() {
    struct Site {
      std::size_t stack;
      std::vector<std::string> literals, variables;
    };
    std::vector<Site> exports;
    for (std::size_t i = 0; i < set_.templates.size(); ++i) {
      if (!contracts_[i]) continue;
      for (const auto& e : contracts_[i]->exports) {
        Site s{i, {}, {}};
        s.literals = split_name(e.name.text, s.variables);
        if (s.variables.size() > 3) exports.push_back(std::move(s));  // qualified: more than the cluster identity
      }
    }
    std::set<std::tuple<std::size_t, std::string, std::size_t>> seen;  // consumer, selector, producer
    for (std::size_t i = 0; i < set_.templates.size(); ++i) {
      if (!contracts_[i]) continue;
      for (const auto& im : contracts_[i]->imports) {
        std::vector<std::string> variables;
        std::vector<std::string> literals = split_name(im.name.text, variables);
        for (const Site& e : exports) {
          if (e.stack == i || e.literals != literals || e.variables.size() != variables.size()) continue;
          for (std::size_t v = 0; v < variables.size(); ++v) {
            const std::string& selector = variables[v];
            const std::string& qualifier = e.variables[v];
            if (std::find(std::begin(kClusterIdentity), std::end(kClusterIdentity), selector) != std::end(kClusterIdentity))
              continue;
            if (!seen.insert({i, selector, e.stack}).second) continue;
            compare_selector(i, selector, e.stack, qualifier);
          }
        }
      }
    }
  }

  void compare_selector(std::size_t consumer, const std::string& selector, std::size_t producer, const std::string& qualifier) {
    const Declared* s = find(consumer, selector);
    const Declared* q = find(producer, qualifier);
    if (!s || !q) return;  // a pseudo parameter or a missing one: the reference check reports it
    auto problem = [&](const std::string& what) {
      add("selector", consumer, selector,
          "selector " + selector + " picks the " + name(producer) + " copy by its " + qualifier + ", but " + what +
              "; declare the selector from the producer's qualifier (stacks::selector_of)");
    };
    for (std::string_view key : {"Type", "AllowedPattern", "MinLength", "MaxLength"}) {
      const Value* a = s->get(key);
      const Value* b = q->get(key);
      if (same(a, b)) continue;
      return problem("its " + std::string(key) + " is " + shown(a) + " where " + qualifier + "'s is " + shown(b));
    }
    if (const Value* allowed = q->get("AllowedValues"); allowed && allowed->is_list()) {
      const Value* mine = s->get("AllowedValues");
      if (!mine || !mine->is_list())
        return problem("it accepts any value where " + qualifier + " accepts " + shown(allowed));
      for (const auto& item : mine->items())
        if (std::find(allowed->items().begin(), allowed->items().end(), item) == allowed->items().end())
          return problem("it accepts " + shown(&item) + ", which " + qualifier + " does not (" + shown(allowed) + ")");
    }
    const Value* producer_default = q->get("Default");
    const Value* consumer_default = s->get("Default");
    if (producer_default && consumer_default && scalar(producer_default) != scalar(consumer_default))
      problem("it defaults to " + shown(consumer_default) + " where " + qualifier + " defaults to " + shown(producer_default) +
              ", so the defaults select no copy that a default deployment has");
  }

  void feature_switches() {
    for (const auto& feature : stacks::features()) {
      const Declared* first = nullptr;
      std::string first_parameter;
      bool first_on = false;
      for (const auto& sw : feature.switches) {
        auto it = by_name_.find(std::string(sw.parameter));
        if (it == by_name_.end()) continue;
        for (const Declared& d : it->second) {
          const Value* def = d.get("Default");
          if (!def) continue;
          bool on = scalar(def) == sw.on;
          if (!first) {
            first = &d;
            first_parameter = std::string(sw.parameter);
            first_on = on;
            continue;
          }
          if (on == first_on) continue;
          add("feature", d.stack, std::string(sw.parameter),
              "feature '" + std::string(feature.title) + "' is " + (on ? "on" : "off") + " by default here (" +
                  std::string(sw.parameter) + " " + shown(def) + ") but " + (first_on ? "on" : "off") + " in " +
                  name(first->stack) + " (" + first_parameter + " " + shown(first->get("Default")) +
                  "); the switches of one feature must default alike, or the defaults deploy half of it");
        }
      }
    }
  }

  const TemplateSet& set_;
  const std::vector<const Contracts*>& contracts_;
  std::map<std::string, std::vector<Declared>> by_name_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> check_parameter_contract(const TemplateSet& set, const std::vector<const Contracts*>& contracts) {
  return ContractCheck(set, contracts).run();
}

}  // namespace ttsgen::check
