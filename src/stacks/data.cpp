#include "ttsgen/stacks/data.hpp"

#include "ttsgen/exports/opsgenie.hpp"

namespace ttsgen::stacks {

using namespace cfn;

Parameter& copy_name_parameter(StackBuilder& s, std::string id, std::string description) {
  return s.parameter(std::move(id))
      .description(std::move(description))
      .allowed_pattern(kCopyNamePattern)
      .constraint_description(kCopyNameConstraint);
}

Value ref_if_set(StackBuilder& s, const Parameter& optional) {
  return if_(s.is_set(optional), ref(optional), pseudo::no_value());
}

const Condition& at_least(StackBuilder& s, std::string id, const Parameter& count, int n) {
  std::vector<Value> fewer;
  for (int k = 0; k < n; ++k) fewer.push_back(equals(ref(count), std::to_string(k)));
  return s.condition(std::move(id), not_(fewer.size() == 1 ? fewer.front() : or_(std::move(fewer))));
}

Parameter& kms_key_parameter(StackBuilder& s, std::string id, std::string what) {
  return s.optional_string(std::move(id))
      .description("KMS key (ID, ARN or alias) that encrypts " + what + ". Leave empty for the AWS managed key.")
      .allowed_pattern(kOptionalKmsKeyPattern)
      .constraint_description(kOptionalKmsKeyConstraint);
}

Parameter& bucket_name_parameter(StackBuilder& s, std::string id, const std::string& what, std::string label,
                                 std::string group) {
  return s.optional_string(std::move(id))
      .description("Name of the " + what + " bucket to create. Leave empty for a generated name.")
      .allowed_pattern("^$|^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
      .constraint_description("empty, or a valid S3 bucket name")
      .group(std::move(group))
      .label(std::move(label));
}

Resource& exported_bucket(StackBuilder& s, const ExportedBucket& b, BucketOptions options) {
  auto& name = bucket_name_parameter(s, b.parameter, b.what, b.label, "Buckets");
  options.name = ref_if_set(s, name);
  Resource& bucket = secure_bucket(s, b.id, b.name_suffix, options);
  bucket_policy(s, bucket);
  s.export_value(b.export_, ref(bucket));
  return bucket;
}

Resource& credentials_secret(StackBuilder& s, const CredentialsSecretOptions& o) {
  const std::string user = "${" + o.username->id() + "}";
  Value generated = Value::map({
      {"SecretStringTemplate", sub("{\"username\":\"" + user + "\"}")},
      {"GenerateStringKey", "password"},
      {"PasswordLength", 32},
      // Letters and digits only: the password goes into connection URLs unescaped.
      {"ExcludePunctuation", true},
  });
  Resource& secret = keep_data(s, s.resource(o.id, "AWS::SecretsManager::Secret"))
                         .set("Name", s.resource_name(o.name_suffix))
                         .set("Description", o.description);
  if (o.password) {
    Value given = sub("{\"username\":\"" + user + "\",\"password\":\"${" + o.password->id() + "}\"}");
    if (o.password_optional) {
      const Condition& has_password = s.is_set(*o.password);
      secret.set("SecretString", if_(has_password, given, pseudo::no_value()))
          .set("GenerateSecretString", if_(has_password, pseudo::no_value(), generated));
    } else {
      secret.set("SecretString", given);
    }
  } else {
    secret.set("GenerateSecretString", generated);
  }
  return secret.set("Tags", s.tags(o.name_suffix));
}

Value secret_value(const Resource& secret, const std::string& json_key) {
  return sub("{{resolve:secretsmanager:${" + secret.id() + "}:SecretString:" + json_key + "}}");
}

// docs: ecs/deployment, 2-1 and 2-2 (all before 3.24.0, so the same in every supported release): db.r5 and the
// Graviton db.r6g classes came with 3.16.2, db.t4g with 3.22.0, which also made db.t4g.medium the
// default.
std::vector<std::string> aurora_instance_classes(const Release& /*release*/) {
  std::vector<std::string> classes{"db.t3.medium", "db.t3.large", "db.t4g.medium", "db.t4g.large"};
  for (const char* size : {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"})
    classes.push_back(std::string("db.r5.") + size);
  for (const char* size : {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"})
    classes.push_back(std::string("db.r6g.") + size);
  return classes;
}

std::string default_aurora_instance_class(const Release& /*release*/) { return "db.t4g.medium"; }

Resource& alarm(StackBuilder& s, const AlarmOptions& o, const Condition& when) {
  Value topic = Value::list({s.import(exports::opsgenie::alarm_topic_arn)});
  return s.resource(o.id, "AWS::CloudWatch::Alarm")
      .condition(when)
      .set("AlarmDescription", o.description)
      .set("Namespace", o.metric_namespace)
      .set("MetricName", o.metric)
      .set("Dimensions", o.dimensions)
      .set("Statistic", o.statistic)
      .set("Period", o.period_seconds)
      .set("EvaluationPeriods", o.evaluation_periods)
      .set("Threshold", o.threshold)
      .set("ComparisonOperator", o.comparison)
      .set("TreatMissingData", "notBreaching")
      .set("AlarmActions", topic)
      .set("OKActions", topic);
}

}  // namespace ttsgen::stacks
