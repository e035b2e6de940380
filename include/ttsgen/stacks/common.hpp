#pragma once
// Building blocks shared by the stack files: IAM policy documents and S3 buckets that meet the
// security baseline (docs/decisions-check.md).

#include <string>
#include <vector>

#include "ttsgen/cfn/value.hpp"
#include "ttsgen/stacks/builder.hpp"

namespace ttsgen::stacks {

// {"Version": "2012-10-17", "Statement": [...]}
Value policy_document(std::vector<Value> statements);
// An Allow statement for `actions` on `resources`.
Value allow(std::vector<std::string> actions, Value resources);
// The same with a Sid, which says why (e.g. why a Resource is "*").
Value allow(std::string sid, std::vector<std::string> actions, Value resources);
// A trust policy that lets an AWS service (e.g. "ec2.amazonaws.com") assume the role.
Value service_trust_policy(const std::string& service);
// An inline policy entry for AWS::IAM::Role's Policies.
Value inline_policy(std::string name, std::vector<Value> statements);
// "arn:${AWS::Partition}:<service>:${AWS::Region}:${AWS::AccountId}:<resource>" as Fn::Sub.
Value arn(const std::string& service, const std::string& resource);
// The ARN of an AWS managed policy, e.g. "AmazonSSMManagedInstanceCore".
Value managed_policy_arn(const std::string& name);

// "/${NetworkName}/${Environment}/${Cluster}/<path>": the name of every SSM parameter the stacks
// create. A path (leading "/") so that IAM can grant a whole cluster's documents by prefix, and the
// parameter's ARN is "arn:…:parameter" followed by the name (ecs::ssm_parameter_arn).
Value ssm_parameter_name(const std::string& path);

// DeletionPolicy and UpdateReplacePolicy Retain on a resource whose data cannot be recreated (a
// generated secret, a file system, a queue's messages), from the production fixes on
// (catalog/production.hpp); earlier releases are rendered as they were.
cfn::Resource& keep_data(StackBuilder& s, cfn::Resource& r);

// An Allow of KMS `actions` on the account's keys, only as used by the AWS service `service`
// (kms:ViaService <service>.<region>.amazonaws.com): for a role that uses a resource encrypted with
// a customer managed key that is a parameter (an ID, ARN or alias the role cannot name exactly).
Value use_keys_via(std::string sid, std::vector<std::string> actions, const std::string& service);

// A Deny statement for `action` (e.g. "s3:*") on `resources` for every request without TLS.
Value deny_insecure_transport(const std::string& action, Value resources);

// Silences one cfn-lint rule for the whole template (for findings outside resources, such as
// outputs), with its reason next to it in the template's Metadata. One call per template.
void lint_suppress_template(StackBuilder& s, std::string rule_id, std::string reason);

// A Secrets Manager secret <network>-<environment>-<cluster>-<name_suffix> holding the value of a
// NoEcho parameter, so that tasks read it with ValueFrom instead of seeing it in plain text.
cfn::Resource& secret_from_parameter(StackBuilder& s, const std::string& id, const cfn::Parameter& parameter,
                                     const std::string& name_suffix, const std::string& description);

struct BucketOptions {
  // Bucket name; a null Value lets CloudFormation generate one.
  Value name;
  bool versioning = false;
  // When not null, VersioningConfiguration.Status (e.g. an Fn::If on a flag: Enabled/Suspended);
  // it takes precedence over `versioning`.
  Value versioning_status;
  // Data the operator would miss: the bucket survives stack deletion and replacement.
  bool retain = true;
};

// An S3 bucket that blocks public access, enforces bucket-owner ownership, is encrypted (SSE-S3)
// and, with bucket_policy(), refuses requests without TLS.
cfn::Resource& secure_bucket(StackBuilder& s, const std::string& id, const std::string& name_suffix,
                             const BucketOptions& options);
// The bucket's policy: deny every request that does not use TLS, plus `statements`.
cfn::Resource& bucket_policy(StackBuilder& s, const cfn::Resource& bucket, std::vector<Value> statements = {});

}  // namespace ttsgen::stacks
