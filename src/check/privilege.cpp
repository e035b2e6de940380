// The least-privilege checks of validate (production_checks.hpp): wildcard and kms.
#include <algorithm>
#include <set>

#include "ttsgen/check/production_checks.hpp"
#include "walk.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

// Actions that mint or replace credentials or names others trust: issuing a certificate from a
// private CA, importing over a certificate, changing DNS records, passing a role.
constexpr std::string_view kSensitive[] = {"acm-pca:IssueCertificate", "acm:ImportCertificate",
                                           "route53:ChangeResourceRecordSets", "iam:PassRole"};

bool matches_action(const std::string& pattern, std::string_view action) {
  // IAM action patterns are case-insensitive and may end in (or be) a wildcard.
  auto lower = [](std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
  };
  std::string p = lower(pattern), a = lower(action);
  if (p == "*" || p == a) return true;
  return p.size() > 1 && p.back() == '*' && a.rfind(p.substr(0, p.size() - 1), 0) == 0;
}

// The text of a Resource item as written (a string or the text of an Fn::Sub).
std::string resource_text(const Value& v) {
  if (v.is_string()) return v.text();
  if (v.is_function("Fn::Sub")) {
    const Value& a = v.argument();
    if (a.is_string()) return a.text();
    if (a.is_list() && a.size() >= 1 && a.items()[0].is_string()) return a.items()[0].text();
  }
  return "";
}

std::set<std::string> actions_of_role(const Value& resource, const std::string& type) {
  std::set<std::string> actions;
  walk::each_statement(resource, type, "", [&](const Value& s, const std::string&) {
    if (!s.is_map()) return;
    const Value* effect = s.find("Effect");
    if (!effect || !effect->is_string() || effect->text() != "Allow") return;
    for (auto& a : walk::strings_of(s.find("Action"))) actions.insert(a);
  });
  return actions;
}

bool allows(const std::set<std::string>& actions, std::string_view action) {
  return std::any_of(actions.begin(), actions.end(), [&](const std::string& a) { return matches_action(a, action); });
}

// The parameters a property takes its value from (Ref, or Ref inside Fn::If).
std::vector<std::string> parameters_in(const Value& v, const Value& doc) {
  std::vector<std::string> out;
  const Value* params = doc.find("Parameters");
  walk::each_branch(v, "", [&](const Value& x, const std::string&) {
    if (x.is_function("Ref") && x.argument().is_string() && params && params->is_map() && params->find(x.argument().text()))
      out.push_back(x.argument().text());
  });
  return out;
}

}  // namespace

std::vector<Finding> check_sensitive_wildcards(const Value& document) {
  std::vector<Finding> out;
  walk::each_resource(document, [&](const std::string& id, const Value& r, const std::string& type) {
    walk::each_statement(r, type, "Resources." + id + ".Properties", [&](const Value& s, const std::string& at) {
      if (!s.is_map() || s.find("Condition")) return;
      const Value* effect = s.find("Effect");
      if (!effect || !effect->is_string() || effect->text() != "Allow") return;
      std::vector<std::string> sensitive;
      for (const auto& a : walk::strings_of(s.find("Action")))
        for (std::string_view action : kSensitive)
          if (matches_action(a, action) && std::find(sensitive.begin(), sensitive.end(), action) == sensitive.end())
            sensitive.emplace_back(action);
      if (sensitive.empty()) return;
      const Value* resources = s.find("Resource");
      if (!resources) return;
      // A hosted zone is every record in it: DNS changes need a Condition on the record names even
      // on one zone.
      bool dns = std::find(sensitive.begin(), sensitive.end(), "route53:ChangeResourceRecordSets") != sensitive.end();
      walk::each_item(*resources, at + ".Resource", [&](const Value& x, const std::string& path) {
        std::string text = resource_text(x);
        if (text.find('*') == std::string::npos && !(dns && text.find(":hostedzone/") != std::string::npos)) return;
        std::string list;
        for (const auto& a : sensitive) list += (list.empty() ? "" : ", ") + a;
        const Value* sid = s.find("Sid");
        std::string reason = walk::security_reason(r, sid && sid->is_string() ? sid->text() : "");
        Finding f;
        f.rule = "wildcard";
        f.logical_id = id;
        f.path = path;
        f.message = list + " on '" + text + "' without a Condition: name the one resource (a CA, a zone's records, a "
                    "certificate, a role) or add a Condition that narrows it";
        if (!reason.empty()) {
          f.severity = Severity::Note;
          f.message = "accepted (" + reason + "): " + f.message;
        }
        out.push_back(std::move(f));
      });
    });
  });
  return out;
}

std::vector<Finding> check_kms_permissions(const TemplateSet& set) {
  // What needs a customer key, when one is given as a parameter: roles that use the encrypted
  // resource through these actions need the KMS action beside them.
  struct Need {
    std::string_view type, key_property;
    std::string_view uses;        // an action that touches the encrypted data
    std::string_view kms_action;  // what the role then needs
    std::string_view what;
  };
  static constexpr Need kNeeds[] = {
      {"AWS::SQS::Queue", "KmsMasterKeyId", "sqs:SendMessage", "kms:GenerateDataKey", "sends to an SQS queue"},
      {"AWS::SQS::Queue", "KmsMasterKeyId", "sqs:ReceiveMessage", "kms:Decrypt", "receives from an SQS queue"},
      {"AWS::EC2::Volume", "KmsKeyId", "ec2:AttachVolume", "kms:CreateGrant", "attaches an EBS volume"},
  };
  std::vector<std::pair<const Need*, std::string>> keyed;  // need, "<stack> parameter <name>"
  for (const auto& t : set.templates) {
    if (!t.parsed->error.empty()) continue;
    const Value& doc = t.parsed->document;
    walk::each_resource(doc, [&](const std::string&, const Value& r, const std::string& type) {
      const Value* props = r.find("Properties");
      for (const Need& n : kNeeds) {
        if (n.type != type || !props || !props->is_map()) continue;
        const Value* key = props->find(n.key_property);
        if (!key) continue;
        for (const auto& p : parameters_in(*key, doc)) {
          std::string origin = t.name + " parameter " + p;
          if (std::none_of(keyed.begin(), keyed.end(), [&](const auto& k) { return k.first == &n && k.second == origin; }))
            keyed.emplace_back(&n, origin);
        }
      }
    });
  }
  std::vector<Finding> out;
  if (keyed.empty()) return out;
  for (const auto& t : set.templates) {
    if (!t.parsed->error.empty()) continue;
    walk::each_resource(t.parsed->document, [&](const std::string& id, const Value& r, const std::string& type) {
      if (type != "AWS::IAM::Role" && type != "AWS::IAM::Policy" && type != "AWS::IAM::ManagedPolicy") return;
      std::set<std::string> actions = actions_of_role(r, type);
      for (const auto& [need, origin] : keyed) {
        if (!allows(actions, need->uses) || allows(actions, need->kms_action)) continue;
        Finding f;
        f.rule = "kms";
        f.stack = t.name;
        f.logical_id = id;
        f.path = "Resources." + id;
        f.message = "the role " + std::string(need->what) + " (" + std::string(need->uses) + ") that a customer managed key (" +
                    origin + ") may encrypt, but has no " + std::string(need->kms_action) + ": with the key given, every call fails";
        out.push_back(std::move(f));
      }
    });
  }
  return out;
}

}  // namespace ttsgen::check
