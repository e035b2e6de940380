// What opens or closes: the security-group rules and IAM statements of both sides, expanded across
// Fn::If branches, and compared as sets. A reviewer reads "+ ingress tcp 443 from 0.0.0.0/0"
// rather than a nested YAML diff of SecurityGroupIngress.
#include <algorithm>

#include "format_common.hpp"
#include "internal.hpp"

namespace ttsgen::diff::detail {

using cfn::Value;

namespace {

// A value and the condition under which it applies.
struct Branch {
  Value value;
  std::string when;
};

std::string both(const std::string& outer, const std::string& inner) {
  if (outer.empty()) return inner;
  if (inner.empty()) return outer;
  return outer + " and " + inner;
}

bool is_no_value(const Value& v) { return v.is_function("Ref") && v.argument().is_string() && v.argument().text() == "AWS::NoValue"; }

// The alternatives of a value: an Fn::If becomes its two branches (AWS::NoValue dropped).
void alternatives(const Value& v, const std::string& when, std::vector<Branch>& out) {
  if (v.is_function("Fn::If") && v.argument().is_list() && v.argument().size() == 3 && v.argument().items()[0].is_string()) {
    const std::string& c = v.argument().items()[0].text();
    alternatives(v.argument().items()[1], both(when, "if " + c), out);
    alternatives(v.argument().items()[2], both(when, "unless " + c), out);
    return;
  }
  if (!is_no_value(v)) out.push_back({v, when});
}

// The items of a list value across branches: each item (itself possibly an Fn::If) with its condition.
std::vector<Branch> items(const Value* v, const std::string& when) {
  std::vector<Branch> out;
  if (!v) return out;
  std::vector<Branch> lists;
  alternatives(*v, when, lists);
  for (const auto& list : lists) {
    if (!list.value.is_list()) {
      alternatives(list.value, list.when, out);  // a single item where a list is expected
      continue;
    }
    for (const auto& item : list.value.items()) alternatives(item, list.when, out);
  }
  return out;
}

std::string text(const Value* v);

// An expression on one line, as a reviewer reads it: the variables of an Fn::Sub put in place
// (`arn:${AWS::Partition}:s3:::{!ImportValue ${Cluster}-MTLSCABucket}`).
std::string expression(const Value& v) {
  const Value& arg = v.argument();
  if (v.is_function("Fn::Sub")) {
    const Value& tmpl = arg.is_list() && !arg.items().empty() ? arg.items()[0] : arg;
    if (!tmpl.is_string()) return cfn::describe(v);
    std::string out = tmpl.text();
    if (arg.is_list() && arg.size() > 1 && arg.items()[1].is_map())
      for (const auto& e : arg.items()[1].entries()) {
        std::string placeholder = "${" + e.key + "}", value = "{" + text(&e.value) + "}";
        for (std::size_t at = out.find(placeholder); at != std::string::npos; at = out.find(placeholder, at + value.size()))
          out.replace(at, placeholder.size(), value);
      }
    return out;
  }
  if (v.is_function("Fn::ImportValue")) return "!ImportValue " + text(&arg);
  if (v.is_function("Fn::If") && arg.is_list() && arg.size() == 3)
    return "!If [" + text(&arg.items()[0]) + ", " + text(&arg.items()[1]) + ", " + text(&arg.items()[2]) + "]";
  if (auto line = one_line(v, 400)) return *line;
  return cfn::describe(v);
}

std::string text(const Value* v) {
  if (!v) return "";
  if (v->is_function()) return expression(*v);
  if (auto line = one_line(*v, 400)) return *line;
  return cfn::describe(*v);
}

// A list of strings (or one string) as "a, b"; expressions in YAML short form.
std::string list_text(const Value* v) {
  if (!v) return "";
  if (!v->is_list()) return text(v);
  std::string out;
  for (const auto& i : v->items()) out += (out.empty() ? "" : ", ") + text(&i);
  return out;
}

const Value* property(const Value& properties, std::string_view name) { return properties.is_map() ? properties.find(name) : nullptr; }

std::string resource_condition(const Value& resource) {
  const Value* c = resource.find("Condition");
  return c && c->is_string() ? "only when " + c->text() : "";
}

// --- Security-group rules ---

SecurityRule rule(const std::string& group, const std::string& direction, const Value& r, const std::string& when,
                  const std::string& source) {
  SecurityRule out;
  out.group = group;
  out.direction = direction;
  std::string protocol = text(property(r, "IpProtocol"));
  out.protocol = protocol == "-1" ? "all" : protocol;
  std::string from = text(property(r, "FromPort")), to = text(property(r, "ToPort"));
  if (out.protocol == "all" || (from == "-1" && (to == "-1" || to.empty())) || (from.empty() && to.empty()))
    out.ports = "all";
  else
    out.ports = from == to || to.empty() ? from : from + "-" + to;
  for (const char* peer : {"CidrIp", "CidrIpv6", "SourceSecurityGroupId", "DestinationSecurityGroupId", "SourcePrefixListId",
                           "DestinationPrefixListId", "SourceSecurityGroupName"})
    if (const Value* p = property(r, peer)) out.peer = (out.peer.empty() ? "" : out.peer + ", ") + text(p);
  out.description = text(property(r, "Description"));
  out.when = when;
  out.source = source;
  return out;
}

// Calls visit(id, type, properties, when) for each resource with a type and map Properties.
template <typename Visit>
void each_resource(const Value& document, Visit visit) {
  const Value* resources = document.find("Resources");
  if (!resources || !resources->is_map()) return;
  for (const auto& e : resources->entries()) {
    const Value* type = e.value.find("Type");
    const Value* props = e.value.find("Properties");
    if (type && type->is_string() && props && props->is_map()) visit(e.key, type->text(), *props, resource_condition(e.value));
  }
}

std::vector<SecurityRule> security_rules(const Value& document) {
  std::vector<SecurityRule> rules;
  each_resource(document, [&](const std::string& id, const std::string& type, const Value& props, const std::string& when) {
    if (type == "AWS::EC2::SecurityGroup") {
      for (const auto& [key, direction] : {std::pair{"SecurityGroupIngress", "ingress"}, std::pair{"SecurityGroupEgress", "egress"}})
        for (const auto& b : items(property(props, key), when)) rules.push_back(rule(id, direction, b.value, b.when, id));
    } else if (type == "AWS::EC2::SecurityGroupIngress" || type == "AWS::EC2::SecurityGroupEgress") {
      std::string direction = type.ends_with("Ingress") ? "ingress" : "egress";
      std::vector<Branch> whole;
      alternatives(props, when, whole);
      for (const auto& b : whole) rules.push_back(rule(text(property(b.value, "GroupId")), direction, b.value, b.when, id));
    }
  });
  return rules;
}

// --- IAM statements ---

std::string principal_text(const Value* p) {
  if (!p) return "";
  if (!p->is_map()) return text(p);
  std::string out;
  for (const auto& e : p->entries()) out += (out.empty() ? "" : "; ") + e.key + " " + list_text(&e.value);
  return out;
}

std::string conditions_text(const Value* c) {
  if (!c || !c->is_map()) return text(c);
  std::string out;
  for (const auto& op : c->entries()) {
    if (!op.value.is_map()) {
      out += (out.empty() ? "" : "; ") + op.key + " " + text(&op.value);
      continue;
    }
    for (const auto& k : op.value.entries()) out += (out.empty() ? "" : "; ") + op.key + " " + k.key + " = " + list_text(&k.value);
  }
  return out;
}

void add_statements(std::vector<IamStatement>& out, const std::string& resource, const std::string& policy, const Value* document,
                    const std::string& when) {
  if (!document) return;
  std::vector<Branch> documents;
  alternatives(*document, when, documents);
  for (const auto& d : documents) {
    const Value* statements = d.value.is_map() ? d.value.find("Statement") : nullptr;
    for (const auto& s : items(statements, d.when)) {
      if (!s.value.is_map()) continue;
      IamStatement st;
      st.resource = resource;
      st.policy = policy;
      st.effect = text(s.value.find("Effect"));
      st.principal = principal_text(s.value.find("Principal"));
      if (const Value* np = s.value.find("NotPrincipal")) st.principal = "NotPrincipal " + principal_text(np);
      st.actions = list_text(s.value.find("Action"));
      if (const Value* na = s.value.find("NotAction")) st.actions = "NotAction " + list_text(na);
      st.resources = list_text(s.value.find("Resource"));
      if (const Value* nr = s.value.find("NotResource")) st.resources = "NotResource " + list_text(nr);
      st.conditions = conditions_text(s.value.find("Condition"));
      st.when = s.when;
      out.push_back(std::move(st));
    }
  }
}

std::vector<IamStatement> iam_statements(const Value& document) {
  std::vector<IamStatement> out;
  each_resource(document, [&](const std::string& id, const std::string&, const Value& props, const std::string& when) {
    add_statements(out, id, "trust", props.find("AssumeRolePolicyDocument"), when);
    add_statements(out, id, "policy", props.find("PolicyDocument"), when);
    add_statements(out, id, "key policy", props.find("KeyPolicy"), when);
    for (const auto& p : items(props.find("Policies"), when)) {
      if (!p.value.is_map()) continue;
      std::string name = text(p.value.find("PolicyName"));
      add_statements(out, id, name.empty() ? "inline policy" : name, p.value.find("PolicyDocument"), p.when);
    }
    for (const auto& arn : items(props.find("ManagedPolicyArns"), when)) {
      IamStatement st;
      st.resource = id;
      st.policy = "managed policy";
      st.effect = "Attach";
      st.resources = text(&arn.value);
      st.when = arn.when;
      out.push_back(std::move(st));
    }
  });
  return out;
}

// Removed: in `before` and not in `after`; then added: in `after` and not in `before`.
template <typename T>
std::vector<SecurityChange<T>> set_changes(const std::vector<T>& before, const std::vector<T>& after) {
  std::vector<SecurityChange<T>> out;
  for (const auto& b : before)
    if (std::find(after.begin(), after.end(), b) == after.end()) out.push_back({Change::Removed, b});
  for (const auto& a : after)
    if (std::find(before.begin(), before.end(), a) == before.end()) out.push_back({Change::Added, a});
  return out;
}

}  // namespace

void compare_security(StackDiff& d, const Value& before_document, const Value& after_document) {
  d.security_rules = set_changes(security_rules(before_document), security_rules(after_document));
  d.iam_statements = set_changes(iam_statements(before_document), iam_statements(after_document));
}

}  // namespace ttsgen::diff::detail
