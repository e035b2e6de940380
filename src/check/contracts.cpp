#include "ttsgen/check/contracts.hpp"

#include <set>

#include "ttsgen/cfn/references.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

// Names that are the same for every stack of one cluster: they stay symbolic in expansions.
const std::set<std::string, std::less<>> kClusterIdentity{"NetworkName", "Environment", "Cluster"};
constexpr std::size_t kMaxExpansions = 1024;

const Value* section_entry(const Value& document, std::string_view section, std::string_view id) {
  const Value* s = document.is_map() ? document.find(section) : nullptr;
  return s && s->is_map() ? s->find(id) : nullptr;
}

// A piece of a name: literal text, or the names a variable can take.
using Choices = std::vector<std::string>;

// The values a ${name} of an import or export name can take, or a problem.
Choices choices_of(const std::string& name, const Value& document, std::string& problem) {
  if (kClusterIdentity.count(name) || cfn::is_pseudo_parameter(name)) return {"${" + name + "}"};
  const Value* parameter = section_entry(document, "Parameters", name);
  if (!parameter) {
    std::string resource = name.substr(0, name.find('.'));
    problem = section_entry(document, "Resources", resource)
                  ? "the name uses resource '" + resource + "'; import and export names may use only parameters"
                  : "the name uses '" + name + "', which is not a parameter";
    return {};
  }
  const Value* allowed = parameter->is_map() ? parameter->find("AllowedValues") : nullptr;
  if (!allowed || !allowed->is_list() || allowed->size() == 0) return {std::string(kWildcard)};
  Choices values;
  for (const auto& a : allowed->items()) values.push_back(a.is_string() ? a.text() : describe(a));
  return values;
}

// Splits a Fn::Sub string into literal pieces and variables (${!x} is the literal "${x}").
std::vector<Choices> pieces_of(const std::string& text, const Value* locals, const Value& document, std::string& problem) {
  std::vector<Choices> pieces;
  std::string literal;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find("${", pos);
    std::size_t close = open == std::string::npos ? std::string::npos : text.find('}', open + 2);
    if (close == std::string::npos) {
      literal.append(text, pos, std::string::npos);
      break;
    }
    literal.append(text, pos, open - pos);
    std::string var = text.substr(open + 2, close - open - 2);
    pos = close + 1;
    if (!var.empty() && var.front() == '!') {
      literal += "${" + var.substr(1) + "}";
      continue;
    }
    pieces.push_back({literal});
    literal.clear();
    const Value* local = locals ? locals->find(var) : nullptr;
    if (local && local->is_string()) {
      pieces.push_back({local->text()});
    } else if (local && local->is_function("Ref") && local->argument().is_string()) {
      pieces.push_back(choices_of(local->argument().text(), document, problem));
    } else if (local) {
      problem = "Fn::Sub variable '" + var + "' of the name is neither text nor a Ref to a parameter";
      return {};
    } else {
      pieces.push_back(choices_of(var, document, problem));
    }
    if (!problem.empty()) return {};
  }
  pieces.push_back({literal});
  return pieces;
}

void expand(const std::vector<Choices>& pieces, std::size_t i, const std::string& prefix, std::vector<std::string>& out) {
  if (out.size() >= kMaxExpansions) return;
  if (i == pieces.size()) {
    out.push_back(prefix);
    return;
  }
  for (const auto& c : pieces[i]) expand(pieces, i + 1, prefix + c, out);
}

class Collector {
 public:
  explicit Collector(const Value& document) : doc_(document) {}

  Contracts run() {
    if (const Value* resources = doc_.is_map() ? doc_.find("Resources") : nullptr; resources && resources->is_map()) {
      for (const auto& r : resources->entries()) {
        if (!r.value.is_map()) continue;
        const Value* props = r.value.find("Properties");
        if (props) walk(*props, r.key, "Resources." + r.key + ".Properties", r.value.find("Condition") != nullptr);
      }
    }
    if (const Value* outputs = doc_.is_map() ? doc_.find("Outputs") : nullptr; outputs && outputs->is_map()) {
      for (const auto& o : outputs->entries()) {
        if (!o.value.is_map()) continue;
        bool conditional = o.value.find("Condition") != nullptr;
        std::string path = "Outputs." + o.key;
        if (const Value* v = o.value.find("Value")) walk(*v, o.key, path + ".Value", conditional);
        const Value* exp = o.value.find("Export");
        if (const Value* name = exp && exp->is_map() ? exp->find("Name") : nullptr)
          result_.exports.push_back(ExportSite{o.key, path + ".Export.Name", read_name(*name, doc_), conditional});
      }
    }
    return std::move(result_);
  }

 private:
  void walk(const Value& v, const std::string& id, const std::string& path, bool conditional) {
    switch (v.kind()) {
      case Value::Kind::Function:
        if (v.is_function("Fn::ImportValue")) {
          result_.imports.push_back(ImportSite{id, path, read_name(v.argument(), doc_), conditional});
        } else if (v.is_function("Fn::If") && v.argument().is_list() && v.argument().size() == 3) {
          // Only the branch the condition selects is evaluated.
          walk(v.argument().items()[1], id, path + ".Fn::If[1]", true);
          walk(v.argument().items()[2], id, path + ".Fn::If[2]", true);
        } else {
          walk(v.argument(), id, path + "." + v.text(), conditional);
        }
        break;
      case Value::Kind::List:
        for (std::size_t i = 0; i < v.size(); ++i) walk(v.items()[i], id, path + "[" + std::to_string(i) + "]", conditional);
        break;
      case Value::Kind::Map:
        for (const auto& e : v.entries()) walk(e.value, id, path + "." + e.key, conditional);
        break;
      default:
        break;
    }
  }

  const Value& doc_;
  Contracts result_;
};

}  // namespace

NamePattern read_name(const Value& name, const Value& document) {
  NamePattern p;
  const Value* text = nullptr;
  const Value* locals = nullptr;
  if (name.is_string()) {
    p.text = name.text();
    p.expansions = {name.text()};
    return p;
  }
  if (name.is_function("Fn::Sub")) {
    const Value& arg = name.argument();
    if (arg.is_string()) text = &arg;
    if (arg.is_list() && arg.size() == 2 && arg.items()[0].is_string() && arg.items()[1].is_map()) {
      text = &arg.items()[0];
      locals = &arg.items()[1];
    }
  }
  if (!text) {
    p.text = describe(name);
    p.problem = "the name must be a string or a Fn::Sub over parameters, not " + describe(name);
    return p;
  }
  p.text = text->text();
  auto pieces = pieces_of(p.text, locals, document, p.problem);
  if (p.problem.empty()) expand(pieces, 0, "", p.expansions);
  return p;
}

bool names_match(std::string_view exported, std::string_view imported) {
  // Glob matching where the exporter's "${*}" matches one or more characters.
  std::size_t star = exported.find(kWildcard);
  if (star == std::string_view::npos) return exported == imported;
  if (imported.substr(0, star) != exported.substr(0, star)) return false;
  std::string_view rest = exported.substr(star + kWildcard.size());
  for (std::size_t i = star + 1; i <= imported.size(); ++i)
    if (names_match(rest, imported.substr(i))) return true;
  return false;
}

Contracts contracts_of(const Value& document) { return Collector(document).run(); }

}  // namespace ttsgen::check
