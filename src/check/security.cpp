// The security baseline of docs/decisions-check.md, checked on the template as written:
//   S3 buckets block public access, are encrypted and refuse non-TLS requests;
//   RDS and ElastiCache encrypt at rest and in transit; EBS volumes (and EFS) are encrypted;
//   log groups have a retention;
//   IAM policies name actions and resources: no "*" or "*:*" actions, no NotAction allows, no
//   write actions on Resource "*" (unless the service has no resource-level permissions, stated
//   as below);
//   security groups open to 0.0.0.0/0 or ::/0 only the public gateway and API ports, and only
//   through a parameter the operator can narrow; SSH only from parameter ranges.
// A value behind Fn::If must satisfy the rule in both branches. Where a rule does not apply, the
// resource states why in its Metadata (ttsgen-security-reasons, cfn::Resource::security_exception);
// the finding is then a note that carries the reason.
#include <algorithm>
#include <functional>
#include <optional>

#include "ttsgen/check/template_checks.hpp"
#include "walk.hpp"

namespace ttsgen::check {

using cfn::Value;

bool is_public_port(long port) {
  // HTTP(S) 80/443; UDP packet forwarder 1700; 1881-1889 and 8881-8889 (MQTT, gRPC, HTTP,
  // interop, Basic Station, Tabs Hubs, TTGP); 8987 LBS CUPS mTLS; 8443, the proxy's port behind
  // the public 443 while TLS passes through the load balancer (until 3.29.2). The load balancer
  // keeps client addresses, so the target ports of public listeners are opened to the internet.
  return port == 80 || port == 443 || port == 1700 || (port >= 1881 && port <= 1889) || (port >= 8881 && port <= 8889) ||
         port == 8443 || port == 8987;
}

namespace {

using walk::each_branch;
using walk::each_item;
using walk::is_no_value;

bool is_true(const Value& v) {
  return (v.kind() == Value::Kind::Bool && v.as_bool()) || (v.is_string() && (v.text() == "true" || v.text() == "True"));
}

std::string text_of(const Value& v) {
  if (v.is_string()) return v.text();
  if (v.kind() == Value::Kind::Integer) return std::to_string(v.as_integer());
  return "";
}

class Security {
 public:
  explicit Security(const Value& doc) : doc_(doc) {}

  std::vector<Finding> run() {
    const Value* resources = doc_.is_map() ? doc_.find("Resources") : nullptr;
    if (!resources || !resources->is_map()) return {};
    resources_ = resources;
    for (const auto& r : resources->entries()) {
      if (!r.value.is_map()) continue;
      const Value* type = r.value.find("Type");
      if (!type || !type->is_string()) continue;
      id_ = r.key;
      resource_ = &r.value;
      static const Value kEmpty = Value::map();
      const Value* props = r.value.find("Properties");
      props_ = props && props->is_map() ? props : &kEmpty;
      base_ = "Resources." + r.key + ".Properties";
      const std::string& t = type->text();
      if (t == "AWS::S3::Bucket") bucket();
      else if (t == "AWS::RDS::DBCluster") rds_cluster();
      else if (t == "AWS::RDS::DBInstance") rds_instance();
      else if (t == "AWS::ElastiCache::ReplicationGroup") elasticache();
      else if (t == "AWS::EC2::Volume") must_be_true("Encrypted", "the EBS volume is not encrypted");
      else if (t == "AWS::EFS::FileSystem") must_be_true("Encrypted", "the file system is not encrypted at rest");
      else if (t == "AWS::EC2::Instance") block_devices(props_, base_, "the instance");
      else if (t == "AWS::AutoScaling::LaunchConfiguration") block_devices(props_, base_, "the launch configuration");
      else if (t == "AWS::EC2::LaunchTemplate") launch_template();
      else if (t == "AWS::Logs::LogGroup") log_group();
      else if (t == "AWS::IAM::Role") role();
      else if (t == "AWS::IAM::Policy" || t == "AWS::IAM::ManagedPolicy") policy_document(props_->find("PolicyDocument"), base_ + ".PolicyDocument");
      else if (t == "AWS::EC2::SecurityGroup") security_group();
      else if (t == "AWS::EC2::SecurityGroupIngress") ingress(*props_, base_);
    }
    return std::move(findings_);
  }

 private:
  // A finding, unless the resource states why the rule does not apply to it: its Metadata
  // ttsgen-security-reasons.<key> (written by cfn::Resource::security_exception) turns the error
  // into a note that carries the reason. The key is the statement's Sid for IAM, else the
  // top-level property the finding is about.
  void problem(const std::string& path, std::string message, std::string key = {}) {
    if (key.empty()) key = top_level_property(path);
    Finding f;
    f.rule = "security";
    f.logical_id = id_;
    f.path = path;
    const Value* meta = resource_->find("Metadata");
    const Value* reasons = meta && meta->is_map() ? meta->find("ttsgen-security-reasons") : nullptr;
    const Value* reason = reasons && reasons->is_map() && !key.empty() ? reasons->find(key) : nullptr;
    if (reason && reason->is_string() && !reason->text().empty()) {
      f.severity = Severity::Note;
      message = "accepted (" + key + ": " + reason->text() + "): " + message;
    }
    f.message = std::move(message);
    findings_.push_back(std::move(f));
  }

  std::string top_level_property(const std::string& path) const {
    if (path.size() <= base_.size() + 1 || path.compare(0, base_.size() + 1, base_ + ".") != 0) return {};
    std::string rest = path.substr(base_.size() + 1);
    return rest.substr(0, rest.find_first_of(".["));
  }

  const Value* resource_named(const Value& ref) const {
    if (!ref.is_function("Ref") || !ref.argument().is_string()) return nullptr;
    return resources_->find(ref.argument().text());
  }

  const Value* parameter_of(const Value& v) const {
    if (!v.is_function("Ref") || !v.argument().is_string()) return nullptr;
    const Value* params = doc_.find("Parameters");
    return params && params->is_map() ? params->find(v.argument().text()) : nullptr;
  }

  // A boolean property that must be true in every branch.
  void must_be_true(const std::string& property, const std::string& message, const Value* props = nullptr, std::string base = {}) {
    if (!props) props = props_;
    if (base.empty()) base = base_;
    const Value* v = props->find(property);
    std::string path = base + "." + property;
    if (!v || is_no_value(*v)) return problem(path, message + ": set " + property + " to true");
    each_branch(*v, path, [&](const Value& x, const std::string& at) {
      if (is_true(x)) return;
      if (parameter_of(x))
        return problem(at, message + " when the operator chooses so: " + property + " comes from parameter " + x.argument().text() +
                               "; set it to true");
      problem(at, message + ": " + property + " is " + describe(x) + ", not true");
    });
  }

  void bucket() {
    const Value* enc = props_->find("BucketEncryption");
    if (!enc || is_no_value(*enc)) problem(base_ + ".BucketEncryption", "the bucket is not encrypted: set BucketEncryption (SSE-S3 or SSE-KMS)");
    const Value* block = props_->find("PublicAccessBlockConfiguration");
    if (!block || !block->is_map()) {
      problem(base_ + ".PublicAccessBlockConfiguration", "the bucket does not block public access: set PublicAccessBlockConfiguration");
    } else {
      for (const char* flag : {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"})
        must_be_true(flag, "the bucket does not block public access", block, base_ + ".PublicAccessBlockConfiguration");
    }
    if (!has_tls_only_policy())
      problem(base_, "the bucket accepts requests without TLS: add an AWS::S3::BucketPolicy that denies aws:SecureTransport false",
              "BucketPolicy");
  }

  // An AWS::S3::BucketPolicy of this template on this bucket with a Deny on aws:SecureTransport false.
  bool has_tls_only_policy() const {
    for (const auto& r : resources_->entries()) {
      const Value* type = r.value.is_map() ? r.value.find("Type") : nullptr;
      if (!type || !type->is_string() || type->text() != "AWS::S3::BucketPolicy") continue;
      const Value* props = r.value.find("Properties");
      const Value* bucket = props && props->is_map() ? props->find("Bucket") : nullptr;
      if (!bucket || !bucket->is_function("Ref") || bucket->argument() != Value(id_)) continue;
      const Value* doc = props->find("PolicyDocument");
      const Value* statements = doc && doc->is_map() ? doc->find("Statement") : nullptr;
      bool found = false;
      if (statements)
        each_item(*statements, "", [&](const Value& s, const std::string&) {
          if (!s.is_map()) return;
          const Value* effect = s.find("Effect");
          const Value* condition = s.find("Condition");
          const Value* b = condition && condition->is_map() ? condition->find("Bool") : nullptr;
          const Value* secure = b && b->is_map() ? b->find("aws:SecureTransport") : nullptr;
          if (effect && effect->is_string() && effect->text() == "Deny" && secure &&
              ((secure->kind() == Value::Kind::Bool && !secure->as_bool()) || (secure->is_string() && secure->text() == "false")))
            found = true;
        });
      if (found) return true;
    }
    return false;
  }

  // The parameter group a database uses must force TLS (PostgreSQL rds.force_ssl, MySQL
  // require_secure_transport). A group this template does not create cannot be judged.
  void forces_tls(const char* property, const char* group_type) {
    const Value* name = props_->find(property);
    std::string path = base_ + "." + property;
    if (!name || is_no_value(*name))
      return problem(path, std::string("the default parameter group does not force TLS: use an ") + group_type +
                               " with rds.force_ssl 1 (PostgreSQL) or require_secure_transport ON (MySQL)");
    each_branch(*name, path, [&](const Value& v, const std::string& at) {
      const Value* group = resource_named(v);
      const Value* type = group && group->is_map() ? group->find("Type") : nullptr;
      if (!type || !type->is_string() || type->text() != group_type) return;
      const Value* props = group->find("Properties");
      const Value* params = props && props->is_map() ? props->find("Parameters") : nullptr;
      const Value* ssl = params && params->is_map() ? params->find("rds.force_ssl") : nullptr;
      const Value* secure = params && params->is_map() ? params->find("require_secure_transport") : nullptr;
      bool ok = (ssl && text_of(*ssl) == "1") || (secure && (text_of(*secure) == "ON" || text_of(*secure) == "1"));
      if (!ok) problem(at, "parameter group " + v.argument().text() + " does not force TLS: set rds.force_ssl to 1 (PostgreSQL) or require_secure_transport to ON (MySQL)");
    });
  }

  void rds_cluster() {
    must_be_true("StorageEncrypted", "the database cluster is not encrypted at rest");
    forces_tls("DBClusterParameterGroupName", "AWS::RDS::DBClusterParameterGroup");
  }

  void rds_instance() {
    if (props_->find("DBClusterIdentifier")) return;  // a cluster member: the cluster decides
    must_be_true("StorageEncrypted", "the database instance is not encrypted at rest");
    forces_tls("DBParameterGroupName", "AWS::RDS::DBParameterGroup");
  }

  void elasticache() {
    must_be_true("AtRestEncryptionEnabled", "the Redis replication group is not encrypted at rest");
    must_be_true("TransitEncryptionEnabled", "the Redis replication group is not encrypted in transit");
  }

  // EBS volumes of an instance, launch configuration or launch template: every mapping with Ebs
  // is encrypted, and the root volume is declared (otherwise it follows the image, unencrypted).
  void block_devices(const Value* props, const std::string& base, const std::string& what) {
    const Value* mappings = props->find("BlockDeviceMappings");
    std::string path = base + ".BlockDeviceMappings";
    if (!mappings || is_no_value(*mappings))
      return problem(path, what + " declares no block device mappings, so its root volume is not encrypted: map the root device with Ebs.Encrypted true");
    each_item(*mappings, path, [&](const Value& m, const std::string& at) {
      if (!m.is_map()) return;
      const Value* ebs = m.find("Ebs");
      if (ebs && ebs->is_map()) must_be_true("Encrypted", "the EBS volume is not encrypted", ebs, at + ".Ebs");
    });
  }

  void launch_template() {
    const Value* data = props_->find("LaunchTemplateData");
    if (data && data->is_map()) block_devices(data, base_ + ".LaunchTemplateData", "the launch template");
  }

  void log_group() {
    const Value* r = props_->find("RetentionInDays");
    if (!r || is_no_value(*r)) problem(base_ + ".RetentionInDays", "the log group keeps its logs forever: set RetentionInDays");
  }

  void role() {
    if (const Value* policies = props_->find("Policies"))
      each_item(*policies, base_ + ".Policies", [&](const Value& p, const std::string& at) {
        if (p.is_map()) policy_document(p.find("PolicyDocument"), at + ".PolicyDocument");
      });
    if (const Value* arns = props_->find("ManagedPolicyArns"))
      each_item(*arns, base_ + ".ManagedPolicyArns", [&](const Value& a, const std::string& at) {
        std::string text = a.is_string() ? a.text() : a.is_function("Fn::Sub") && a.argument().is_string() ? a.argument().text() : "";
        for (const char* broad : {"policy/AdministratorAccess", "policy/PowerUserAccess", "policy/IAMFullAccess"})
          if (text.size() >= std::string_view(broad).size() && text.compare(text.size() - std::string_view(broad).size(), std::string::npos, broad) == 0)
            problem(at, std::string("the role has the managed policy ") + (broad + 7) + ", which does not name actions and resources");
      });
  }

  static bool is_read_only(const std::string& action) {
    std::size_t colon = action.find(':');
    std::string verb = colon == std::string::npos ? action : action.substr(colon + 1);
    for (const char* read : {"Describe", "Get", "List", "BatchGet", "Head", "Lookup", "Search", "Query", "Scan", "Filter"})
      if (verb.rfind(read, 0) == 0) return true;
    return false;
  }

  void policy_document(const Value* doc, const std::string& path) {
    if (!doc || !doc->is_map()) return;
    const Value* statements = doc->find("Statement");
    if (!statements) return;
    each_item(*statements, path + ".Statement", [&](const Value& s, const std::string& at) {
      if (!s.is_map()) return;
      const Value* effect = s.find("Effect");
      if (!effect || !effect->is_string() || effect->text() != "Allow") return;
      if (s.find("NotAction")) problem(at + ".NotAction", "an Allow with NotAction allows every other action: name the actions");
      if (s.find("NotResource")) problem(at + ".NotResource", "an Allow with NotResource allows every other resource: name the resources");
      std::vector<std::string> actions, writes;
      if (const Value* a = s.find("Action"))
        each_item(*a, at + ".Action", [&](const Value& x, const std::string&) {
          if (x.is_string()) actions.push_back(x.text());
        });
      for (const auto& a : actions) {
        if (a == "*" || a == "*:*") problem(at + ".Action", "the statement allows every action ('" + a + "'): name the actions");
        else if (!is_read_only(a)) writes.push_back(a);
      }
      bool any_resource = false;
      if (const Value* r = s.find("Resource"))
        each_item(*r, at + ".Resource", [&](const Value& x, const std::string&) { any_resource |= x.is_string() && x.text() == "*"; });
      if (any_resource && !writes.empty()) {
        std::string list;
        for (const auto& w : writes) list += (list.empty() ? "" : ", ") + w;
        const Value* sid = s.find("Sid");
        problem(at + ".Resource",
                "write actions (" + list + ") on Resource '*': name the resources, or, where the service has no resource-level "
                "permissions, give the statement a Sid and state that with cfn::Resource::security_exception(Sid, reason)",
                sid && sid->is_string() ? sid->text() : "");
      }
    });
  }

  void security_group() {
    if (const Value* rules = props_->find("SecurityGroupIngress"))
      each_item(*rules, base_ + ".SecurityGroupIngress", [&](const Value& rule, const std::string& at) {
        if (rule.is_map()) ingress(rule, at);
      });
  }

  // The port range of a rule, or nullopt when a port is not a literal (then it cannot be judged).
  static std::optional<std::pair<long, long>> ports_of(const Value& rule) {
    const Value* protocol = rule.find("IpProtocol");
    std::string p = protocol ? text_of(*protocol) : "";
    if (p == "-1" || p == "all") return std::make_pair(0L, 65535L);
    auto number = [](const Value* v) -> std::optional<long> {
      if (!v) return std::nullopt;
      std::string t = text_of(*v);
      if (t.empty() || t.find_first_not_of("-0123456789") != std::string::npos) return std::nullopt;
      return std::stol(t);
    };
    auto from = number(rule.find("FromPort")), to = number(rule.find("ToPort"));
    if (!from || !to) return std::nullopt;
    if (*from == -1) return std::make_pair(0L, 65535L);  // ICMP all
    return std::make_pair(*from, *to);
  }

  static bool is_open(const std::string& cidr) { return cidr == "0.0.0.0/0" || cidr == "::/0"; }

  void ingress(const Value& rule, const std::string& base) {
    auto ports = ports_of(rule);
    bool ssh = ports && ports->first <= 22 && 22 <= ports->second;
    bool all_public = ports && ports->second - ports->first < 1000;
    if (ports)
      for (long p = ports->first; all_public && p <= ports->second; ++p) all_public = is_public_port(p);
    std::string range = ports ? (ports->first == ports->second ? "port " + std::to_string(ports->first)
                                                               : "ports " + std::to_string(ports->first) + "-" + std::to_string(ports->second))
                              : "its ports";
    for (const char* key : {"CidrIp", "CidrIpv6"}) {
      const Value* cidr = rule.find(key);
      if (!cidr) continue;
      each_branch(*cidr, base + "." + key, [&](const Value& v, const std::string& at) {
        if (v.is_string()) {
          if (is_open(v.text())) problem(at, "opens " + range + " to the internet with a fixed " + v.text() + ": take the range from a parameter the operator can narrow");
          else if (ssh) problem(at, "SSH from a fixed range " + v.text() + ": take the range from a parameter");
          return;
        }
        const Value* p = parameter_of(v);
        if (!p) return;  // an import or another stack's value: not an operator choice here
        const Value* def = p->is_map() ? p->find("Default") : nullptr;
        bool open_default = def && def->is_string() && is_open(def->text());
        if (open_default && ssh)
          problem(at, "SSH open to the internet by default: parameter " + v.argument().text() + " defaults to " + def->text());
        else if (open_default && ports && !all_public)
          problem(at, range + " open to the internet by default (parameter " + v.argument().text() + " defaults to " + def->text() +
                          "), and not all of them are public gateway or API ports");
      });
    }
  }

  const Value& doc_;
  const Value* resources_ = nullptr;
  const Value* resource_ = nullptr;
  const Value* props_ = nullptr;
  std::string id_;
  std::string base_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> check_security(const Value& document) { return Security(document).run(); }

}  // namespace ttsgen::check
