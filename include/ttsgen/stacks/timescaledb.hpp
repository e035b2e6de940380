#pragma once
// The TimescaleDB building block shared by 2-5-db-timescale(-master) and 2-6-db-timescale-replica
// (docs: ecs/deployment). A TimescaleDB instance ("node") is:
//   - an encrypted gp3 EBS data volume and a network interface with a fixed private address, both
//     kept by the stack (the volume is snapshotted when deleted or replaced);
//   - a single-instance Auto Scaling group of Amazon Linux 2 whose instances attach both at boot,
//     run PostgreSQL with the TimescaleDB extension (the timescale/timescaledb image of the chosen
//     versions) and signal CloudFormation when ready.
// A replaced instance (new image, new settings, failed health) finds its data and address again.
// DNS names live in the deployment's private zone
// <DeploymentName>.<NetworkName>.<Environment>.<Cluster>.db.as.local.

#include <string>
#include <utility>
#include <vector>

#include "ttsgen/cfn/template.hpp"
#include "ttsgen/stacks/builder.hpp"

namespace ttsgen::stacks {

// The parameters of both stacks, declared by the functions below.
struct TimescaleParameters {
  const cfn::Parameter* deployment_name = nullptr;
  const cfn::Parameter* engine_version = nullptr;     // DBEngineVersion
  const cfn::Parameter* extension_version = nullptr;  // DBTimescaleDBExtensionVersion
  const cfn::Parameter* instance_type = nullptr;
  const cfn::Parameter* key_name = nullptr;
  const cfn::Parameter* image_id = nullptr;
  const cfn::Parameter* kms_key = nullptr;            // EBSKmsKeyId
  const cfn::Parameter* session_logs = nullptr;       // SessionManagerLogGroup
  const cfn::Parameter* volume_size = nullptr;
  const cfn::Parameter* node_exporter = nullptr;
  const cfn::Parameter* postgres_exporter = nullptr;
};

// DBEngineVersion and DBTimescaleDBExtensionVersion (3.22.2) with the release's choices and
// defaults, and Rules that refuse an extension version that does not support the engine version.
void timescale_version_parameters(StackBuilder& s, TimescaleParameters& p);
// Instance type, SSH key, image, EBSKmsKeyId (3.15.0), SessionManagerLogGroup (3.17.2).
void timescale_instance_parameters(StackBuilder& s, TimescaleParameters& p);
// VolumeSize and the exporter versions.
void timescale_volume_size_parameter(StackBuilder& s, TimescaleParameters& p, std::string description);
void timescale_exporter_parameters(StackBuilder& s, TimescaleParameters& p);

// "<host>.<DeploymentName>.<NetworkName>.<Environment>.<Cluster>.db.as.local" (Fn::Sub); an empty
// host gives the zone's name.
cfn::Value timescale_dns_name(const std::string& host = "");
inline constexpr const char* kTimescalePort = "5432";

// The instance profile of a stack's nodes: attach the deployment's volumes and network interfaces
// (by tag), read the credentials secret, signal the stack, Session Manager.
const cfn::Resource& timescale_instance_profile(StackBuilder& s, const TimescaleParameters& p, cfn::Value credentials_secret_arn,
                                                const std::string& name_suffix);

enum class TimescaleRole { Master, Replica };

struct TimescaleNode {
  std::string prefix;       // logical-id prefix: "" gives Volume, NetworkInterface, LaunchTemplate, AutoScalingGroup
  std::string name_suffix;  // Name tag suffix, e.g. "timescale-${DeploymentName}-master"
  TimescaleRole role = TimescaleRole::Master;
  cfn::Value subnet;             // one private subnet: the node's zone
  cfn::Value availability_zone;  // the same zone, for the volume
  cfn::Value volume_snapshot;    // SnapshotId to restore; null: a blank volume of VolumeSize
  cfn::Value backup_tag;         // value of the TimescaleBackup tag that a lifecycle policy snapshots; null: none
  cfn::Value security_groups;    // list of security group IDs
  cfn::Value address;            // the node's DNS name (certificate subject)
  // Values of the boot script's ${CredentialsSecretArn}, ${DBName}, ${VpcCidr} and, for
  // replicas, ${MasterAddress}.
  std::vector<std::pair<std::string, cfn::Value>> script_values;
  const cfn::Condition* condition = nullptr;  // the node exists only when it holds
  std::vector<const cfn::Resource*> after;    // groups to create and update before this one
};

struct TimescaleNodeResources {
  const cfn::Resource* volume;
  const cfn::Resource* network_interface;
  const cfn::Resource* group;
};

TimescaleNodeResources timescale_node(StackBuilder& s, const TimescaleParameters& p, const cfn::Resource& profile,
                                      const TimescaleNode& node);

// An A record (TTL 60) in the deployment zone pointing at a node's address. With a set
// identifier it is one weighted member of a record set that several stacks share.
struct TimescaleRecord {
  std::string id;
  cfn::Value zone_id;
  cfn::Value name;
  const cfn::Resource* network_interface;
  cfn::Value set_identifier;  // null: a simple record
  cfn::Value weight;
  const cfn::Condition* condition = nullptr;
};
const cfn::Resource& timescale_record(StackBuilder& s, const TimescaleRecord& record);

// Daily snapshots of the volumes tagged TimescaleBackup=<tag> (StorageVolumeLifecyclePolicy, run
// by VolumeLifecycleRole; docs: ecs/deployment: 3.10.6, names as in 3.15.0).
void timescale_volume_backups(StackBuilder& s, cfn::Value backup_tag);

}  // namespace ttsgen::stacks
