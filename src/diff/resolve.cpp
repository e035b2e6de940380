// Symbolic evaluation of template values for the replacement verdict (see resolve.hpp).
//
// A resolved value is a cfn::Value whose strings may hold symbols: "\x01Name\x02" for a value the
// diff cannot know (a parameter that decides no condition, a pseudo parameter, an import), and
// "\x03Id\x04" for a resource's own value (its physical id or an attribute), which is the same
// on both sides of an update of the same resource and different between two resources.
#include "resolve.hpp"

#include "ttsgen/diff/value_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace ttsgen::diff::detail {

using cfn::Value;

namespace {

constexpr char kSymbolOpen = '\x01', kSymbolClose = '\x02', kTokenOpen = '\x03', kTokenClose = '\x04';
// The candidate value of a condition parameter that equals none of the literals it is compared
// with: a Ref of it stays a symbol.
const std::string kAnyOther = "\x05other";

std::string symbol(const std::string& name) { return std::string(1, kSymbolOpen) + name + kSymbolClose; }
std::string token(const std::string& name) { return std::string(1, kTokenOpen) + name + kTokenClose; }

// A condition that cannot be decided for the assignment (it compares two unknown values).
struct Undecidable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const Value& section(const Value& document, std::string_view name) {
  static const Value empty = Value::map();
  const Value* s = document.is_map() ? document.find(name) : nullptr;
  return s && s->is_map() ? *s : empty;
}

bool is_no_value(const Value& v) { return v.is_function("Ref") && v.argument().is_string() && v.argument().text() == "AWS::NoValue"; }

using Assignment = std::map<std::string, std::string>;

class Resolver {
 public:
  Resolver(const Value& document, const Assignment& assignment, std::set<std::string>& symbols)
      : doc_(document), assignment_(assignment), symbols_(symbols) {}

  Value resolve(const Value& v) const {
    switch (v.kind()) {
      case Value::Kind::Null:
      case Value::Kind::String:
        return v;
      case Value::Kind::Bool:
        return Value(v.as_bool() ? "true" : "false");
      case Value::Kind::Integer:
        return Value(std::to_string(v.as_integer()));
      case Value::Kind::Number:
        return Value(v.text());
      case Value::Kind::List: {
        Value out = Value::list();
        for (const auto& item : v.items()) {
          Value r = resolve(item);
          if (!is_no_value(r)) out.push_back(std::move(r));
        }
        return out;
      }
      case Value::Kind::Map: {
        Value out = Value::map();
        for (const auto& e : v.entries()) {
          Value r = resolve(e.value);
          if (!is_no_value(r)) out.set(e.key, std::move(r));
        }
        return out;
      }
      case Value::Kind::Function:
        return function(v);
    }
    return v;
  }

  bool condition(const std::string& id) const {
    const Value* c = section(doc_, "Conditions").find(id);
    if (!c) throw Undecidable("no condition " + id);
    return truth(*c);
  }

 private:
  std::string text(const Value& v) const {
    Value r = resolve(v);
    if (r.is_string()) return r.text();
    return token(cfn::describe(r));  // a structure where text is expected: compared as a whole
  }

  Value reference(const std::string& name) const {
    if (name == "AWS::NoValue") return Value::function("Ref", Value("AWS::NoValue"));
    if (auto it = assignment_.find(name); it != assignment_.end() && it->second != kAnyOther) return Value(it->second);
    if (section(doc_, "Resources").find(name)) return Value(token(name));
    symbols_.insert(name);
    return Value(symbol(name));
  }

  Value function(const Value& v) const {
    const Value& arg = v.argument();
    if (v.is_function("Ref") && arg.is_string()) return reference(arg.text());
    if (v.is_function("Fn::If") && arg.is_list() && arg.size() == 3 && arg.items()[0].is_string())
      return resolve(condition(arg.items()[0].text()) ? arg.items()[1] : arg.items()[2]);
    if (v.is_function("Fn::Sub")) return Value(substitute(arg));
    if (v.is_function("Fn::Join") && arg.is_list() && arg.size() == 2) {
      Value items = resolve(arg.items()[1]);
      if (items.is_list()) {
        std::string sep = text(arg.items()[0]), out;
        for (std::size_t i = 0; i < items.size(); ++i)
          out += (i ? sep : "") + (items.items()[i].is_string() ? items.items()[i].text() : token(cfn::describe(items.items()[i])));
        return Value(out);
      }
    }
    if (v.is_function("Fn::GetAtt")) {
      std::string target = arg.is_list() ? (arg.size() == 2 ? text(arg.items()[0]) + "." + text(arg.items()[1]) : "")
                                          : arg.is_string() ? arg.text() : "";
      return Value(token(target));
    }
    if (v.is_function("Fn::ImportValue")) {
      std::string name = "Fn::ImportValue " + readable(text(arg));
      symbols_.insert(name);
      return Value(symbol(name));
    }
    if (v.is_function("Fn::Select") && arg.is_list() && arg.size() == 2) {
      Value index = resolve(arg.items()[0]);
      Value list = resolve(arg.items()[1]);
      if (index.is_string() && list.is_list() && index.text().find_first_not_of("0123456789") == std::string::npos &&
          !index.text().empty()) {
        std::size_t i = std::stoul(index.text());
        if (i < list.size()) return list.items()[i];
      }
      return Value::function(v.text(), Value::list({index, list}));
    }
    if (v.is_function("Fn::FindInMap") && arg.is_list() && arg.size() >= 3) {
      Value map = resolve(arg.items()[0]), first = resolve(arg.items()[1]), second = resolve(arg.items()[2]);
      if (map.is_string() && first.is_string() && second.is_string()) {
        const Value* m = section(doc_, "Mappings").find(map.text());
        const Value* level = m && m->is_map() ? m->find(first.text()) : nullptr;
        const Value* found = level && level->is_map() ? level->find(second.text()) : nullptr;
        if (found) return resolve(*found);
      }
      return Value::function(v.text(), Value::list({map, first, second}));
    }
    // Fn::Base64, Fn::Split, Fn::GetAZs, Fn::Cidr, ...: the same function of the same resolved
    // arguments is the same value; these are injective or deterministic for our purpose.
    return Value::function(v.text(), resolve(arg));
  }

  std::string substitute(const Value& arg) const {
    std::string tmpl = arg.is_list() && !arg.items().empty() ? text(arg.items()[0]) : arg.is_string() ? arg.text() : text(arg);
    const Value* own = arg.is_list() && arg.size() > 1 && arg.items()[1].is_map() ? &arg.items()[1] : nullptr;
    std::string out;
    std::size_t pos = 0;
    while (true) {
      std::size_t start = tmpl.find("${", pos);
      std::size_t end = start == std::string::npos ? start : tmpl.find('}', start);
      if (end == std::string::npos) break;
      out += tmpl.substr(pos, start - pos);
      std::string name = tmpl.substr(start + 2, end - start - 2);
      if (!name.empty() && name[0] == '!') {
        out += "${" + name.substr(1) + "}";
      } else if (const Value* local = own ? own->find(name) : nullptr) {
        out += text(*local);
      } else if (name.find('.') != std::string::npos && section(doc_, "Resources").find(name.substr(0, name.find('.')))) {
        out += token(name);
      } else {
        Value r = reference(name);
        out += r.is_string() ? r.text() : token(name);
      }
      pos = end + 1;
    }
    return out + tmpl.substr(pos);
  }

  // Fn::Equals: two resolved texts. A symbol of a condition parameter that takes "any other"
  // value differs from every literal; two unknown values cannot be compared.
  bool equals(const std::string& a, const std::string& b) const {
    if (a == b) return true;
    auto unknown = [](const std::string& s) { return s.find(kSymbolOpen) != std::string::npos; };
    if (unknown(a) && unknown(b)) throw Undecidable("compares two unknown values");
    const std::string& s = unknown(a) ? a : b;
    if (!unknown(s)) return false;
    // A whole symbol of an enumerated parameter is "any other value": it differs from the literal.
    if (s.front() == kSymbolOpen && s.back() == kSymbolClose && s.find(kSymbolOpen, 1) == std::string::npos) {
      std::string name = s.substr(1, s.size() - 2);
      if (auto it = assignment_.find(name); it != assignment_.end() && it->second == kAnyOther) return false;
    }
    throw Undecidable("compares an unknown value");
  }

  bool truth(const Value& v) const {
    const Value& arg = v.is_function() ? v.argument() : v;
    auto all = [&](bool want_all) {
      for (const auto& c : arg.items())
        if (truth(c) != want_all) return !want_all;
      return want_all;
    };
    if (v.is_function("Fn::Equals") && arg.is_list() && arg.size() == 2) return equals(text(arg.items()[0]), text(arg.items()[1]));
    if (v.is_function("Fn::Not") && arg.is_list() && arg.size() == 1) return !truth(arg.items()[0]);
    if (v.is_function("Fn::And")) return all(true);
    if (v.is_function("Fn::Or")) return all(false);
    if (v.is_function("Condition") && arg.is_string()) return condition(arg.text());
    if (v.is_string()) return condition(v.text());
    throw Undecidable("cannot evaluate " + cfn::describe(v));
  }

  static std::string readable(std::string s) {
    for (char& c : s)
      if (c == kSymbolOpen || c == kTokenOpen) c = '{';
      else if (c == kSymbolClose || c == kTokenClose) c = '}';
    return s;
  }

  const Value& doc_;
  const Assignment& assignment_;
  std::set<std::string>& symbols_;
};

// --- Which parameters decide the conditions a value uses, and which values to try for each ---

void conditions_used(const Value& document, const Value& v, std::set<std::string>& out) {
  auto add = [&](const std::string& id) {
    if (!out.insert(id).second) return;
    if (const Value* c = section(document, "Conditions").find(id)) conditions_used(document, *c, out);
  };
  if (v.is_function("Fn::If") && v.argument().is_list() && !v.argument().items().empty() && v.argument().items()[0].is_string())
    add(v.argument().items()[0].text());
  if (v.is_function("Condition") && v.argument().is_string()) add(v.argument().text());
  for (const auto& i : v.items()) conditions_used(document, i, out);
  for (const auto& e : v.entries()) conditions_used(document, e.value, out);
}

// Parameters (and pseudo parameters) referenced inside condition expressions, with the literals
// they are compared to.
void condition_parameters(const Value& v, std::map<std::string, std::set<std::string>>& out) {
  if (v.is_function("Fn::Equals") && v.argument().is_list() && v.argument().size() == 2) {
    const Value& a = v.argument().items()[0];
    const Value& b = v.argument().items()[1];
    for (const auto& [ref, lit] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
      if (ref->is_function("Ref") && ref->argument().is_string()) {
        auto& literals = out[ref->argument().text()];
        if (lit->is_string()) literals.insert(lit->text());
        if (lit->kind() == Value::Kind::Integer) literals.insert(std::to_string(lit->as_integer()));
        if (lit->kind() == Value::Kind::Bool) literals.insert(lit->as_bool() ? "true" : "false");
      }
    }
  }
  if (v.is_function("Ref") && v.argument().is_string()) out[v.argument().text()];
  for (const auto& i : v.items()) condition_parameters(i, out);
  for (const auto& e : v.entries()) condition_parameters(e.value, out);
}

std::vector<std::string> candidates(const std::string& name, const std::set<std::string>& literals, const Value& before_doc,
                                    const Value& after_doc) {
  std::vector<std::string> values(literals.begin(), literals.end());
  // AllowedValues (of the new side, else the old) bound what "any other value" can be.
  const Value* allowed = nullptr;
  for (const Value* doc : {&after_doc, &before_doc}) {
    const Value* p = section(*doc, "Parameters").find(name);
    if (!allowed && p && p->is_map()) allowed = p->find("AllowedValues");
  }
  if (allowed && allowed->is_list()) {
    std::vector<std::string> in;
    for (const auto& v : values)
      if (std::find(allowed->items().begin(), allowed->items().end(), Value(v)) != allowed->items().end()) in.push_back(v);
    for (const auto& a : allowed->items())
      if (a.is_string() && std::find(values.begin(), values.end(), a.text()) == values.end()) {
        in.push_back(a.text());  // one representative of the allowed values no condition names
        break;
      }
    return in.empty() ? std::vector<std::string>{kAnyOther} : in;
  }
  values.push_back(kAnyOther);
  return values;
}

// --- Comparing two resolved values ---

std::vector<std::string> symbols_in(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; (pos = s.find(kSymbolOpen, pos)) != std::string::npos; ++pos)
    out.push_back(s.substr(pos + 1, s.find(kSymbolClose, pos) - pos - 1));
  return out;
}

// Differs for every value of the symbols (True), the same (False), or only for some (Conditional,
// with the symbols that decide it).
Replacement compare_values(const Value& a, const Value& b, std::set<std::string>& deciding) {
  if (same_value(a, b)) return Replacement::False;
  if (a.kind() != b.kind()) {
    if (a.is_string() && !symbols_in(a.text()).empty()) {
      for (auto& s : symbols_in(a.text())) deciding.insert(s);
      return Replacement::Conditional;
    }
    if (b.is_string() && !symbols_in(b.text()).empty()) {
      for (auto& s : symbols_in(b.text())) deciding.insert(s);
      return Replacement::Conditional;
    }
    return Replacement::True;
  }
  if (a.is_string()) {
    // The same symbols in the same order around different literal text: different for every
    // value (short of a parameter value that repeats the template's own text).
    auto sa = symbols_in(a.text()), sb = symbols_in(b.text());
    if (sa == sb) return Replacement::True;
    for (auto& s : sa) deciding.insert(s);
    for (auto& s : sb) deciding.insert(s);
    return Replacement::Conditional;
  }
  if (a.is_list() || a.is_function()) {
    if (a.size() != b.size() || a.text() != b.text()) return Replacement::True;
    Replacement worst = Replacement::False;
    for (std::size_t i = 0; i < a.size(); ++i) {
      Replacement r = compare_values(a.items()[i], b.items()[i], deciding);
      if (r == Replacement::True) return r;
      worst = std::max(worst, r);
    }
    return worst;
  }
  if (a.is_map()) {
    Replacement worst = Replacement::False;
    for (const auto& e : a.entries()) {
      const Value* other = b.find(e.key);
      if (!other) return Replacement::True;
      Replacement r = compare_values(e.value, *other, deciding);
      if (r == Replacement::True) return r;
      worst = std::max(worst, r);
    }
    for (const auto& e : b.entries())
      if (!a.find(e.key)) return Replacement::True;
    return worst;
  }
  return Replacement::True;
}

std::string default_text(const Value& d) {
  if (d.kind() == Value::Kind::Integer) return std::to_string(d.as_integer());
  if (d.kind() == Value::Kind::Bool) return d.as_bool() ? "true" : "false";
  return d.text();
}

// The value an updated stack has for each parameter with a default: the old default when the
// parameter existed (an update keeps the value), the new default for a new parameter.
Assignment defaults(const Value& before_doc, const Value& after_doc) {
  Assignment values;
  for (const Value* doc : {&before_doc, &after_doc})
    for (const auto& e : section(*doc, "Parameters").entries())
      if (const Value* d = e.value.is_map() ? e.value.find("Default") : nullptr; d && !values.count(e.key))
        values[e.key] = default_text(*d);
  return values;
}

struct Outcome {
  Replacement result;
  std::set<std::string> deciding;
};

Outcome evaluate(const Value& before_doc, const Value* before, const Value& after_doc, const Value* after, const Assignment& a) {
  Outcome o{Replacement::False, {}};
  std::set<std::string> symbols;
  try {
    Value rb = before ? Resolver(before_doc, a, symbols).resolve(*before) : Value();
    Value ra = after ? Resolver(after_doc, a, symbols).resolve(*after) : Value();
    if (is_no_value(rb)) rb = Value();
    if (is_no_value(ra)) ra = Value();
    o.result = compare_values(rb, ra, o.deciding);
  } catch (const Undecidable&) {
    o.result = Replacement::Conditional;
    o.deciding = symbols;
    for (const auto& [name, value] : a) o.deciding.insert(name);
  }
  return o;
}

constexpr std::size_t kMaxAssignments = 4096;

void collect_parameters(const Value& document, const Value& v, std::set<std::string>& seen_conditions, std::set<std::string>& out) {
  const Value& parameters = section(document, "Parameters");
  auto add = [&](const std::string& name) {
    if (parameters.find(name)) out.insert(name);
  };
  if (v.is_function("Ref") && v.argument().is_string()) add(v.argument().text());
  if (v.is_function("Fn::Sub")) {
    const Value& arg = v.argument();
    const Value& t = arg.is_list() && !arg.items().empty() ? arg.items()[0] : arg;
    if (t.is_string())
      for (std::size_t pos = 0; (pos = t.text().find("${", pos)) != std::string::npos; ++pos)
        add(t.text().substr(pos + 2, t.text().find('}', pos) - pos - 2));
  }
  std::set<std::string> conditions;
  if (v.is_function("Fn::If") || v.is_function("Condition")) conditions_used(document, Value::list({v}), conditions);
  for (const auto& id : conditions)
    if (seen_conditions.insert(id).second)
      if (const Value* c = section(document, "Conditions").find(id)) collect_parameters(document, *c, seen_conditions, out);
  for (const auto& i : v.items()) collect_parameters(document, i, seen_conditions, out);
  for (const auto& e : v.entries()) collect_parameters(document, e.value, seen_conditions, out);
}

}  // namespace

std::vector<std::string> parameters_referenced(const Value& document, const Value& v) {
  std::set<std::string> seen, out;
  collect_parameters(document, v, seen, out);
  return {out.begin(), out.end()};
}

ResolvedComparison compare_resolved(const Value& before_document, const Value* before, const Value& after_document, const Value* after) {
  // The parameters that decide the conditions either side uses, and the values worth trying.
  std::map<std::string, std::set<std::string>> literals;
  for (const auto& [doc, v] : {std::pair{&before_document, before}, std::pair{&after_document, after}}) {
    if (!v) continue;
    std::set<std::string> used;
    conditions_used(*doc, *v, used);
    for (const auto& id : used)
      if (const Value* c = section(*doc, "Conditions").find(id)) condition_parameters(*c, literals);
  }
  // Both templates' comparisons of a parameter matter once it is enumerated.
  for (auto& [name, values] : literals) {
    std::map<std::string, std::set<std::string>> all;
    for (const Value* doc : {&before_document, &after_document}) condition_parameters(section(*doc, "Conditions"), all);
    values.insert(all[name].begin(), all[name].end());
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> axes;
  std::size_t combinations = 1;
  for (const auto& [name, values] : literals) {
    axes.emplace_back(name, candidates(name, values, before_document, after_document));
    combinations *= axes.back().second.size();
    if (combinations > kMaxAssignments) break;
  }

  ResolvedComparison result;
  std::set<std::string> deciding;
  if (combinations > kMaxAssignments) {
    result.outcome = Replacement::Conditional;
    for (const auto& [name, values] : literals) deciding.insert(name);
  } else {
    bool any_true = false;
    std::vector<Replacement> outcomes(combinations);
    Assignment a;
    for (std::size_t n = 0; n < combinations; ++n) {
      std::size_t rest = n;
      for (const auto& [name, values] : axes) {
        a[name] = values[rest % values.size()];
        rest /= values.size();
      }
      Outcome o = evaluate(before_document, before, after_document, after, a);
      outcomes[n] = o.result;
      any_true |= o.result == Replacement::True;
      if (o.result == Replacement::Conditional) deciding.insert(o.deciding.begin(), o.deciding.end());
    }
    // A condition parameter decides when changing only its value changes the outcome.
    std::size_t stride = 1;
    for (const auto& [name, values] : axes) {
      for (std::size_t n = 0; n < combinations && !deciding.count(name); ++n)
        if ((n / stride) % values.size() + 1 < values.size() && outcomes[n] != outcomes[n + stride]) deciding.insert(name);
      stride *= values.size();
    }
    result.outcome = !deciding.empty() ? Replacement::Conditional : any_true ? Replacement::True : Replacement::False;
  }
  if (result.outcome == Replacement::Conditional) {
    result.depends_on.assign(deciding.begin(), deciding.end());
    Outcome d = evaluate(before_document, before, after_document, after, defaults(before_document, after_document));
    result.with_defaults = d.result == Replacement::True    ? "changes"
                           : d.result == Replacement::False ? "stays the same"
                                                            : "depends on values without a default";
  }
  return result;
}

}  // namespace ttsgen::diff::detail
