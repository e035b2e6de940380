#pragma once
// Building blocks shared by the data stacks (2-1 … 2-7): the database parameters and their
// constraints, credentials secrets, optional values, bucket names and CloudWatch alarms.

#include <string>
#include <vector>

#include "ttsgen/cfn/template.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"

namespace ttsgen::stacks {

// Passwords and user names end up in SQL, shell, JSON and connection URLs
// (postgresql://user:password@host/db), so they are limited to characters that need no escaping
// in any of them: letters, digits and the URL-unreserved "_.~-".
inline constexpr const char* kPasswordPattern = "^[A-Za-z0-9_.~-]{8,128}$";
inline constexpr const char* kPasswordConstraint = "8-128 letters, digits and _ . ~ -";
inline constexpr const char* kDatabaseIdentifierPattern = "^[a-z][a-z0-9_]{0,62}$";
inline constexpr const char* kDatabaseIdentifierConstraint = "1-63 lowercase letters, digits and _, starting with a letter";
// KMS key ID, key ARN, alias name or alias ARN; empty for the AWS managed key.
inline constexpr const char* kOptionalKmsKeyPattern =
    "^$|^[a-f0-9-]{36}$|^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[a-f0-9-]{36}|alias/[a-zA-Z0-9/_-]+)$|^alias/[a-zA-Z0-9/_-]+$";
inline constexpr const char* kOptionalKmsKeyConstraint = "empty, or a KMS key ID, key ARN, alias name or alias ARN";
// Names that qualify exports and DNS labels of stacks deployed several times.
inline constexpr const char* kCopyNamePattern = "^[a-z][a-z0-9]{0,15}$";
inline constexpr const char* kCopyNameConstraint = "1-16 lowercase letters and digits, starting with a letter";

// A required name that tells the copies of a stack apart (kCopyNamePattern), e.g. ReplicaName.
cfn::Parameter& copy_name_parameter(StackBuilder& s, std::string id, std::string description);

// {"Fn::If": [Has<p>, {"Ref": p}, AWS::NoValue]}: the optional parameter's value, or nothing.
Value ref_if_set(StackBuilder& s, const cfn::Parameter& optional);

// The condition `id`: the String parameter `count` (a choice of "0", "1", …) is at least n.
const cfn::Condition& at_least(StackBuilder& s, std::string id, const cfn::Parameter& count, int n);

// An optional KMS key parameter (empty: the AWS managed key of the service).
cfn::Parameter& kms_key_parameter(StackBuilder& s, std::string id, std::string what);

// An optional bucket name ("empty: generated"), in console group `group`.
cfn::Parameter& bucket_name_parameter(StackBuilder& s, std::string id, const std::string& what, std::string label,
                                      std::string group);

// A bucket of an S3 stack: its optional name parameter (group "Buckets"), the bucket (see
// secure_bucket; `options.name` is set from the parameter), its TLS-only policy and the export of
// its name.
struct ExportedBucket {
  const catalog::Export& export_;
  std::string id;           // logical id, e.g. "InteropConfigBucket"
  std::string parameter;    // e.g. "InteropConfigBucketName"
  std::string what;         // e.g. "interop configuration"
  std::string label;        // console label of the parameter
  std::string name_suffix;  // Name tag suffix
};
cfn::Resource& exported_bucket(StackBuilder& s, const ExportedBucket& bucket, BucketOptions options = {});

// A Secrets Manager secret ${NetworkName}-${Environment}-${Cluster}-<name_suffix> with JSON keys
// username and password. With `password`, the secret holds that parameter's value; when
// `password` is optional (it has a Has<id> condition, see StackBuilder::is_set) and empty, or when
// there is no password parameter, Secrets Manager generates a password.
struct CredentialsSecretOptions {
  std::string id;
  std::string name_suffix;
  std::string description;
  const cfn::Parameter* username = nullptr;
  const cfn::Parameter* password = nullptr;
  bool password_optional = false;
};
cfn::Resource& credentials_secret(StackBuilder& s, const CredentialsSecretOptions& options);
// A dynamic reference to one JSON key of a secret: {{resolve:secretsmanager:<arn>:SecretString:<key>}}.
Value secret_value(const cfn::Resource& secret, const std::string& json_key);

// Aurora PostgreSQL instance classes offered in `release`, and the default.
std::vector<std::string> aurora_instance_classes(const Release& release);
std::string default_aurora_instance_class(const Release& release);

// A CloudWatch alarm that exists when `when` holds and notifies the 1-3-opsgenie topic, imported
// inside the conditional alarm only, so that 1-3 is needed only with alerting switched on.
struct AlarmOptions {
  std::string id;
  std::string description;
  std::string metric_namespace;
  std::string metric;
  Value dimensions;  // list of {Name, Value}
  std::string statistic = "Average";
  Value threshold;
  std::string comparison = "GreaterThanThreshold";
  int period_seconds = 300;
  int evaluation_periods = 3;
};
cfn::Resource& alarm(StackBuilder& s, const AlarmOptions& options, const cfn::Condition& when);

}  // namespace ttsgen::stacks
