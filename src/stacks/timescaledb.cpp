#include "ttsgen/stacks/timescaledb.hpp"

#include <algorithm>

#include "ttsgen/catalog/production.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/util/embedded.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

// EC2 instance types for TimescaleDB: burstable ones for small deployments, general purpose and
// memory optimized ones, all x86_64 (one Amazon Linux 2 image parameter).
std::vector<std::string> instance_types() {
  std::vector<std::string> types;
  for (const char* size : {"medium", "large", "xlarge", "2xlarge"}) types.push_back(std::string("t3.") + size);
  for (const char* family : {"m5", "m6i", "r5", "r6i"})
    for (const char* size : {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge"})
      types.push_back(std::string(family) + "." + size);
  return types;
}

// PostgreSQL major versions (among those the templates offer: 12, 15, 16) that a TimescaleDB
// version supports, from Timescale's release notes: 2.9 added 15, 2.12 dropped 12, 2.13 added 16.
bool extension_supports(const std::string& extension, const std::string& engine) {
  if (extension == "2.7.0") return engine == "12";
  if (extension == "2.13.1" || extension == "2.15.2") return engine == "15" || engine == "16";
  return engine == "12" || engine == "15";  // 2.9.3, 2.10.0, 2.10.1
}

Value deployment_tag_value() { return sub("${NetworkName}-${Environment}-${Cluster}-${DeploymentName}"); }

Value tag(const char* key, Value value) { return Value::map({{"Key", key}, {"Value", std::move(value)}}); }

// The standard tags plus TimescaleDeployment, which the instance role's attach permissions
// require on the instance, the volume and the network interface.
Value node_tags(StackBuilder& s, const std::string& name_suffix) {
  Value tags = s.tags(name_suffix);
  tags.push_back(tag("TimescaleDeployment", deployment_tag_value()));
  return tags;
}

std::string boot_script(const Release& release, TimescaleRole role) {
  std::string script(embedded::file("2-5-db-timescale-master/node-begin.sh"));
  // 3.27.1: "init terminates instance on failure" (the Auto Scaling group then starts a new one).
  if (release >= "3.27.1"_v)
    script += embedded::file("2-5-db-timescale-master/on-failure-terminate.sh");
  else
    script += embedded::file("2-5-db-timescale-master/on-failure-signal.sh");
  script += embedded::file("2-5-db-timescale-master/node.sh");
  script += embedded::file(role == TimescaleRole::Master ? "2-5-db-timescale-master/master.sh"
                                                          : "2-6-db-timescale-replica/replica.sh");
  script += embedded::file("2-5-db-timescale-master/node-end.sh");
  return script;
}

}  // namespace

void timescale_version_parameters(StackBuilder& s, TimescaleParameters& p) {
  const Release& release = s.release();
  // 3.22.2: "+ DBEngineVersion (default 12), DBTimescaleDBExtensionVersion (default 2.7.0)".
  std::vector<std::string> engines{"12"};
  std::vector<std::string> extensions{"2.7.0"};
  std::string default_engine = "12", default_extension = "2.7.0";
  if (release >= "3.24.1"_v) {  // 3.24.1: "+ Postgres 15, TimescaleDB 2.9.3"
    engines.push_back("15");
    extensions.push_back("2.9.3");
  }
  if (release >= "3.24.2"_v) extensions.push_back("2.10.0");  // 3.24.2: "+ TimescaleDB 2.10.0"
  if (release >= "3.25.0"_v) extensions.push_back("2.10.1");  // 3.25.0: "+ TimescaleDB 2.10.1"
  if (release >= "3.29.0"_v) {
    // 3.29.0: "+ ext 2.13.1; + engine 16 (needs ext >= 2.13.1); ~ default ext 2.10.1; ~ default engine 15"
    engines.push_back("16");
    extensions.push_back("2.13.1");
    default_engine = "15";
    default_extension = "2.10.1";
  }
  std::string extension_note;
  if (release >= "3.32.3"_v) {
    // 3.32.3: "after upgrading Timescale to 2.15.2, run the SQL script from the Timescale 2.15.2 changelog".
    extensions.push_back("2.15.2");
    extension_note = " After an upgrade to 2.15.2, run the SQL script of the TimescaleDB 2.15.2 release notes.";
  }

  p.engine_version = &s.choice("DBEngineVersion", engines, default_engine)
                          .description("PostgreSQL major version. Changing it on a deployment with data needs a "
                                       "manual pg_upgrade first; replicas must use the master's version.")
                          .group("TimescaleDB")
                          .label("PostgreSQL version");
  p.extension_version = &s.choice("DBTimescaleDBExtensionVersion", extensions, default_extension)
                             .description("TimescaleDB extension version; the extension is updated when the master "
                                          "starts. Replicas must use the master's version." + extension_note)
                             .group("TimescaleDB")
                             .label("TimescaleDB version");

  for (const auto& engine : engines) {
    std::vector<std::string> supported;
    std::copy_if(extensions.begin(), extensions.end(), std::back_inserter(supported),
                 [&engine](const std::string& e) { return extension_supports(e, engine); });
    if (supported.size() == extensions.size()) continue;
    std::string list;
    for (const auto& e : supported) list += (list.empty() ? "" : ", ") + e;
    s.rule("TimescaleDBVersionForPostgreSQL" + engine)
        .when(equals(ref(*p.engine_version), engine))
        .require(contains(Value::strings(supported), ref(*p.extension_version)),
                 "PostgreSQL " + engine + " needs TimescaleDB " + list);
  }
}

void timescale_instance_parameters(StackBuilder& s, TimescaleParameters& p) {
  p.instance_type = &s.choice("InstanceType", instance_types(), "m5.large")
                         .description("EC2 instance type of the TimescaleDB instance.")
                         .group("Instance")
                         .label("Instance type");
  p.key_name = &s.parameter("KeyName", param_type::kKeyPairName)
                    .description("Name of the SSH key pair for the instance.")
                    .group("Instance")
                    .label("SSH key name");
  // Amazon Linux 2 (docs: ecs/deployment): the newest image when the stack is deployed or updated, so an
  // update may replace the instance; the data volume and address stay.
  p.image_id = &s.parameter("ImageId", param_type::kImageIdFromSSM)
                    .description("Amazon Linux 2 image for x86_64 (a public SSM parameter).")
                    .default_value("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2")
                    .group("Instance")
                    .label("Image");
  // 3.15.0: EBSKmsKeyId; the volumes are always encrypted.
  p.kms_key = &kms_key_parameter(s, "EBSKmsKeyId",
                                 "the instance's volumes. A customer managed key must allow the Auto Scaling "
                                 "service-linked role to use it")
                   .group("Instance")
                   .label("EBS KMS key ID");
  // 3.17.2: SessionManagerLogGroup.
  p.session_logs = &s.optional_string("SessionManagerLogGroup")
                        .description("CloudWatch Logs group that Session Manager writes session logs to, as "
                                     "configured in the account's Session Manager preferences. Leave empty for none.")
                        .allowed_pattern("^$|^[a-zA-Z0-9_/.#-]{1,512}$")
                        .group("Instance")
                        .label("Session Manager log group");
}

void timescale_volume_size_parameter(StackBuilder& s, TimescaleParameters& p, std::string description) {
  p.volume_size = &s.parameter("VolumeSize", param_type::kNumber)
                       .description(std::move(description))
                       .default_value("100")
                       .min_value(10)
                       .max_value(16384)
                       .group("Storage")
                       .label("EBS volume size (GiB)");
}

void timescale_exporter_parameters(StackBuilder& s, TimescaleParameters& p) {
  const Release& release = s.release();
  std::string node_exporter = "1.4.0";  // 3.22.0: "node_exporter 1.4.0"
  std::string postgres_exporter = "0.11.1";
  if (release >= "3.25.2"_v) node_exporter = "1.5.0";  // 3.25.2: "~ node_exporter 1.5.0"
  if (release >= "3.29.0"_v) {
    // 3.29.0: "~ node_exporter 1.7.0; ~ postgres_exporter 1.5.0" (postgres_exporter has no 1.5.0;
    // 0.15.0 is its release of that time, see docs/decisions-data.md)
    node_exporter = "1.7.0";
    postgres_exporter = "0.15.0";
  }
  const char* version = "^[0-9]+\\.[0-9]+\\.[0-9]+$";
  p.node_exporter = &s.parameter("NodeExporterVersion")
                         .description("Version of the Prometheus node_exporter on the instance (port 9100).")
                         .default_value(node_exporter)
                         .allowed_pattern(version)
                         .constraint_description("a version such as 1.7.0")
                         .group("Monitoring")
                         .label("node_exporter version");
  p.postgres_exporter = &s.parameter("PostgresExporterVersion")
                             .description("Version of the Prometheus postgres_exporter on the instance (port 9187).")
                             .default_value(postgres_exporter)
                             .allowed_pattern(version)
                             .constraint_description("a version such as 0.15.0")
                             .group("Monitoring")
                             .label("postgres_exporter version");
}

Value timescale_dns_name(const std::string& host) {
  return sub((host.empty() ? "" : host + ".") + "${DeploymentName}.${NetworkName}.${Environment}.${Cluster}.db.as.local");
}

const Resource& timescale_instance_profile(StackBuilder& s, const TimescaleParameters& p, Value credentials_secret_arn,
                                           const std::string& name_suffix) {
  Value same_deployment =
      Value::map({{"StringEquals", Value::map({{"aws:ResourceTag/TimescaleDeployment", deployment_tag_value()}})}});
  std::vector<Value> statements{
      Value::map({{"Sid", "AttachDeploymentStorageAndAddress"},
                  {"Effect", "Allow"},
                  {"Action", Value::strings({"ec2:AttachVolume", "ec2:AttachNetworkInterface"})},
                  {"Resource", Value::list({arn("ec2", "volume/*"), arn("ec2", "network-interface/*"), arn("ec2", "instance/*")})},
                  {"Condition", same_deployment}}),
      // Describe* have no resource-level permissions, hence "*".
      Value::map({{"Sid", "DescribeHasNoResourceLevelPermissions"},
                  {"Effect", "Allow"},
                  {"Action", Value::strings({"ec2:DescribeVolumes", "ec2:DescribeNetworkInterfaces"})},
                  {"Resource", "*"}}),
      allow({"secretsmanager:GetSecretValue"}, std::move(credentials_secret_arn)),
      allow({"cloudformation:SignalResource"}, arn("cloudformation", "stack/${AWS::StackName}/*")),
      if_(s.is_set(*p.session_logs),
          allow({"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
                arn("logs", "log-group:${SessionManagerLogGroup}:*")),
          pseudo::no_value()),
  };
  // Production fix (catalog/production.hpp): attaching a volume encrypted with a customer managed
  // key (EBSKmsKeyId) needs a grant for EC2 on that key.
  if (catalog::has_production_fixes(s.release())) {
    Value grant = use_keys_via("AttachEncryptedVolume", {"kms:CreateGrant", "kms:DescribeKey"}, "ec2");
    grant.find("Condition")->set("Bool", Value::map({{"kms:GrantIsForAWSResource", true}}));
    statements.push_back(if_(s.is_set(*p.kms_key), std::move(grant), pseudo::no_value()));
  }
  Resource& role = s.resource("InstanceRole", "AWS::IAM::Role")
                       .set("AssumeRolePolicyDocument", service_trust_policy("ec2.amazonaws.com"))
                       .set("ManagedPolicyArns", Value::list({managed_policy_arn("AmazonSSMManagedInstanceCore")}))
                       .set("Policies", Value::list({inline_policy("timescaledb", statements)}))
                       .set("Tags", s.tags(name_suffix));
  return s.resource("InstanceProfile", "AWS::IAM::InstanceProfile").set("Roles", Value::list({ref(role)}));
}

TimescaleNodeResources timescale_node(StackBuilder& s, const TimescaleParameters& p, const Resource& profile,
                                      const TimescaleNode& n) {
  auto when = [&n](Resource& r) -> Resource& { return n.condition ? r.condition(*n.condition) : r; };

  Value volume_tags = node_tags(s, n.name_suffix);
  if (!n.backup_tag.is_null()) volume_tags.push_back(tag("TimescaleBackup", n.backup_tag));
  Value kms_key = ref_if_set(s, *p.kms_key);
  // The data: never replaced by accident (no property of it depends on the instance), snapshotted
  // when the stack deletes or replaces it.
  Resource& volume = when(s.resource(n.prefix + "Volume", "AWS::EC2::Volume"))
                         .deletion_policy(Policy::Snapshot)
                         .update_replace_policy(Policy::Snapshot)
                         .set("AvailabilityZone", n.availability_zone)
                         .set("VolumeType", "gp3")
                         .set("Size", ref(*p.volume_size));
  if (!n.volume_snapshot.is_null()) volume.set("SnapshotId", n.volume_snapshot);
  volume.set("Encrypted", true).set("KmsKeyId", kms_key).set("Tags", volume_tags);
  Resource& interface = when(s.resource(n.prefix + "NetworkInterface", "AWS::EC2::NetworkInterface"))
                            .set("Description", s.resource_name(n.name_suffix))
                            .set("SubnetId", n.subnet)
                            .set("GroupSet", n.security_groups)
                            .set("Tags", node_tags(s, n.name_suffix));

  std::vector<std::pair<std::string, Value>> values{
      {"SignalResource", n.prefix + "AutoScalingGroup"},
      {"VolumeId", ref(volume)},
      {"NetworkInterfaceId", ref(interface)},
      {"Address", n.address},
  };
  values.insert(values.end(), n.script_values.begin(), n.script_values.end());
  Value instance_tags = node_tags(s, n.name_suffix);
  Resource& launch_template =
      when(s.resource(n.prefix + "LaunchTemplate", "AWS::EC2::LaunchTemplate"))
          .set("LaunchTemplateData",
               Value::map({
                   {"ImageId", ref(*p.image_id)},
                   {"InstanceType", ref(*p.instance_type)},
                   {"KeyName", ref(*p.key_name)},
                   {"IamInstanceProfile", Value::map({{"Arn", get_att(profile, "Arn")}})},
                   {"SecurityGroupIds", n.security_groups},
                   // A failed boot shuts the instance down, which terminates it (3.27.1).
                   {"InstanceInitiatedShutdownBehavior", "terminate"},
                   {"MetadataOptions", Value::map({{"HttpTokens", "required"}, {"HttpEndpoint", "enabled"}})},
                   {"BlockDeviceMappings",
                    Value::list({Value::map({{"DeviceName", "/dev/xvda"},
                                             {"Ebs", Value::map({{"VolumeType", "gp3"},
                                                                 {"VolumeSize", 30},
                                                                 {"Encrypted", true},
                                                                 {"KmsKeyId", kms_key},
                                                                 {"DeleteOnTermination", true}})}})})},
                   {"UserData", base64(sub(boot_script(s.release(), n.role), values))},
                   {"TagSpecifications",
                    Value::list({Value::map({{"ResourceType", "instance"}, {"Tags", instance_tags}}),
                                 Value::map({{"ResourceType", "volume"}, {"Tags", instance_tags}})})},
               }));

  // One instance at a time: an update terminates the old instance before the new one can attach
  // the volume and the address; the new one must signal within 30 minutes (3.20.0: longer
  // redeployment timeouts).
  Resource& group =
      when(s.resource(n.prefix + "AutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup"))
          .creation_policy(Value::map({{"ResourceSignal", Value::map({{"Count", 1}, {"Timeout", "PT30M"}})}}))
          .update_policy(Value::map({{"AutoScalingRollingUpdate", Value::map({{"MinInstancesInService", 0},
                                                                              {"MaxBatchSize", 1},
                                                                              {"PauseTime", "PT30M"},
                                                                              {"WaitOnResourceSignals", true}})}}))
          .set("LaunchTemplate", Value::map({{"LaunchTemplateId", ref(launch_template)},
                                             {"Version", get_att(launch_template, "LatestVersionNumber")}}))
          .set("MinSize", "1")
          .set("MaxSize", "1")
          .set("DesiredCapacity", "1")
          .set("VPCZoneIdentifier", Value::list({n.subnet}));
  for (const Resource* before : n.after) group.depends_on(*before);
  return {&volume, &interface, &group};
}

const Resource& timescale_record(StackBuilder& s, const TimescaleRecord& r) {
  Resource& record = s.resource(r.id, "AWS::Route53::RecordSet")
                         .set("HostedZoneId", r.zone_id)
                         .set("Name", r.name)
                         .set("Type", "A")
                         .set("TTL", "60")
                         .set("ResourceRecords", Value::list({get_att(*r.network_interface, "PrimaryPrivateIpAddress")}));
  if (!r.set_identifier.is_null()) record.set("SetIdentifier", r.set_identifier).set("Weight", r.weight);
  if (r.condition) record.condition(*r.condition);
  return record;
}

void timescale_volume_backups(StackBuilder& s, Value backup_tag) {
  Resource& role = s.resource("VolumeLifecycleRole", "AWS::IAM::Role")
                       .set("AssumeRolePolicyDocument", service_trust_policy("dlm.amazonaws.com"))
                       .set("ManagedPolicyArns",
                            Value::list({managed_policy_arn("service-role/AWSDataLifecycleManagerServiceRole")}))
                       .set("Tags", s.tags("timescale-${DeploymentName}-backups"));
  s.resource("StorageVolumeLifecyclePolicy", "AWS::DLM::LifecyclePolicy")
      .set("Description", sub("Daily snapshots of TimescaleDB ${DeploymentName} of ${NetworkName}-${Environment}-${Cluster}"))
      .set("State", "ENABLED")
      .set("ExecutionRoleArn", get_att(role, "Arn"))
      .set("PolicyDetails",
           Value::map({{"ResourceTypes", Value::strings({"VOLUME"})},
                       {"TargetTags", Value::list({tag("TimescaleBackup", std::move(backup_tag))})},
                       {"Schedules", Value::list({Value::map({{"Name", "daily"},
                                                              {"CreateRule", Value::map({{"Interval", 24},
                                                                                         {"IntervalUnit", "HOURS"},
                                                                                         {"Times", Value::strings({"03:00"})}})},
                                                              {"RetainRule", Value::map({{"Count", 7}})},
                                                              {"CopyTags", true}})})}}))
      .set("Tags", s.tags("timescale-${DeploymentName}-backups"));
}

}  // namespace ttsgen::stacks
