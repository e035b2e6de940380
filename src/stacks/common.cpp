#include "ttsgen/stacks/common.hpp"

#include <stdexcept>

#include "ttsgen/catalog/production.hpp"

namespace ttsgen::stacks {

using namespace cfn;

Value policy_document(std::vector<Value> statements) {
  return Value::map({{"Version", "2012-10-17"}, {"Statement", Value::list(std::move(statements))}});
}

Value allow(std::vector<std::string> actions, Value resources) {
  Value action = actions.size() == 1 ? Value(actions.front()) : Value::strings(actions);
  return Value::map({{"Effect", "Allow"}, {"Action", std::move(action)}, {"Resource", std::move(resources)}});
}

Value allow(std::string sid, std::vector<std::string> actions, Value resources) {
  Value statement = allow(std::move(actions), std::move(resources));
  Value with_sid = Value::map({{"Sid", std::move(sid)}});
  for (auto& e : statement.entries()) with_sid.set(e.key, e.value);
  return with_sid;
}

Value service_trust_policy(const std::string& service) {
  return policy_document({Value::map({{"Effect", "Allow"},
                                      {"Principal", Value::map({{"Service", service}})},
                                      {"Action", "sts:AssumeRole"}})});
}

Value inline_policy(std::string name, std::vector<Value> statements) {
  return Value::map({{"PolicyName", std::move(name)}, {"PolicyDocument", policy_document(std::move(statements))}});
}

Value arn(const std::string& service, const std::string& resource) {
  return sub("arn:${AWS::Partition}:" + service + ":${AWS::Region}:${AWS::AccountId}:" + resource);
}

Value managed_policy_arn(const std::string& name) { return sub("arn:${AWS::Partition}:iam::aws:policy/" + name); }

Value ssm_parameter_name(const std::string& path) { return sub("/${NetworkName}/${Environment}/${Cluster}/" + path); }

Value deny_insecure_transport(const std::string& action, Value resources) {
  return Value::map({
      {"Sid", "DenyInsecureTransport"},
      {"Effect", "Deny"},
      {"Principal", "*"},
      {"Action", action},
      {"Resource", std::move(resources)},
      {"Condition", Value::map({{"Bool", Value::map({{"aws:SecureTransport", "false"}})}})},
  });
}

void lint_suppress_template(StackBuilder& s, std::string rule_id, std::string reason) {
  s.tmpl().set_metadata("cfn-lint", Value::map({{"config", Value::map({{"ignore_checks", Value::list({rule_id})}})}}));
  s.tmpl().set_metadata("ttsgen-lint-reasons", Value::map({{std::move(rule_id), std::move(reason)}}));
}

Value use_keys_via(std::string sid, std::vector<std::string> actions, const std::string& service) {
  Value statement = allow(std::move(sid), std::move(actions), arn("kms", "key/*"));
  statement.set("Condition", Value::map({{"StringEquals", Value::map({{"kms:ViaService",
                                                                       sub(service + ".${AWS::Region}.amazonaws.com")}})}}));
  return statement;
}

Resource& keep_data(StackBuilder& s, Resource& r) {
  if (catalog::has_production_fixes(s.release())) r.deletion_policy(Policy::Retain).update_replace_policy(Policy::Retain);
  return r;
}

Resource& secret_from_parameter(StackBuilder& s, const std::string& id, const Parameter& parameter,
                                const std::string& name_suffix, const std::string& description) {
  if (!parameter.is_no_echo()) throw std::logic_error(id + ": " + parameter.id() + " must be NoEcho");
  return keep_data(s, s.resource(id, "AWS::SecretsManager::Secret"))
      .set("Name", s.resource_name(name_suffix))
      .set("Description", description)
      .set("SecretString", ref(parameter))
      .set("Tags", s.tags(name_suffix));
}

Resource& secure_bucket(StackBuilder& s, const std::string& id, const std::string& name_suffix,
                        const BucketOptions& options) {
  Resource& bucket = s.resource(id, "AWS::S3::Bucket");
  if (!options.name.is_null()) bucket.set("BucketName", options.name);
  bucket.set("BucketEncryption",
             Value::map({{"ServerSideEncryptionConfiguration",
                          Value::list({Value::map({{"ServerSideEncryptionByDefault",
                                                    Value::map({{"SSEAlgorithm", "AES256"}})}})})}}));
  bucket.set("PublicAccessBlockConfiguration", Value::map({{"BlockPublicAcls", true},
                                                           {"BlockPublicPolicy", true},
                                                           {"IgnorePublicAcls", true},
                                                           {"RestrictPublicBuckets", true}}));
  bucket.set("OwnershipControls",
             Value::map({{"Rules", Value::list({Value::map({{"ObjectOwnership", "BucketOwnerEnforced"}})})}}));
  if (!options.versioning_status.is_null())
    bucket.set("VersioningConfiguration", Value::map({{"Status", options.versioning_status}}));
  else if (options.versioning)
    bucket.set("VersioningConfiguration", Value::map({{"Status", "Enabled"}}));
  bucket.set("Tags", s.tags(name_suffix));
  if (options.retain) bucket.deletion_policy(Policy::Retain).update_replace_policy(Policy::Retain);
  return bucket;
}

Resource& bucket_policy(StackBuilder& s, const Resource& bucket, std::vector<Value> statements) {
  statements.insert(statements.begin(),
                    deny_insecure_transport("s3:*", Value::list({get_att(bucket, "Arn"), sub("${" + bucket.id() + ".Arn}/*")})));
  Resource& policy = s.resource(bucket.id() + "Policy", "AWS::S3::BucketPolicy");
  policy.set("Bucket", ref(bucket)).set("PolicyDocument", policy_document(std::move(statements)));
  // The policy exists exactly when its bucket does.
  if (!bucket.condition_id().empty()) policy.condition(*s.tmpl().find_condition(bucket.condition_id()));
  return policy;
}

}  // namespace ttsgen::stacks
