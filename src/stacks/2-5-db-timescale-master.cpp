// 2-5-db-timescale-master (2-5-db-timescale until 3.30.1): TimescaleDB for the Application
// Server's storage integration and the Network Operations Center (docs: ecs/deployment). Optional; needed
// for those two. Several deployments may exist in a cluster, told apart by DeploymentName, which
// names the deployment's private zone and qualifies its exports.
// The master is a TimescaleDB node (see timescaledb.hpp): its data volume `Volume` and its address
// survive every update; only the instance is replaced. Until 3.30.1 the stack also runs up to
// NumReplicas read replicas; from 3.30.2 each replica is a 2-6-db-timescale-replica stack.
#include "ttsgen/exports/timescale.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"
#include "ttsgen/stacks/timescaledb.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

constexpr int kMaxReplicas = 3;

std::vector<std::string> replica_counts() {
  std::vector<std::string> counts;
  for (int n = 0; n <= kMaxReplicas; ++n) counts.push_back(std::to_string(n));
  return counts;
}

}  // namespace

StackModel build_timescale_master(const Release& release) {
  StackBuilder s(release, "timescale");
  // 3.30.2: the replicas moved to 2-6-db-timescale-replica ("− replica configuration (NumReplicas)").
  const bool replicas_here = release < "3.30.2"_v;

  TimescaleParameters p;
  p.deployment_name = &s.shared(shared::timescale_deployment_name());
  timescale_version_parameters(s, p);
  auto& database_name = s.parameter("DatabaseName")
                            .description("Name of the database to create. When restoring a volume snapshot, the "
                                         "name of the database on it.")
                            .default_value("ttn_lorawan")
                            .allowed_pattern(kDatabaseIdentifierPattern)
                            .constraint_description(kDatabaseIdentifierConstraint)
                            .group("TimescaleDB")
                            .label("Database name");
  auto& username = s.parameter("DatabaseUsername")
                       .description("User that owns the database. When restoring a volume snapshot, the user on it.")
                       .default_value("ttn")
                       .allowed_pattern(kDatabaseIdentifierPattern)
                       .constraint_description(kDatabaseIdentifierConstraint)
                       .group("TimescaleDB")
                       .label("Username");
  auto& password = s.parameter("DatabasePassword")
                       .description("Password of the user. When restoring a volume snapshot, the password on it. "
                                    "Stored in the deployment's credentials secret.")
                       .allowed_pattern(kPasswordPattern)
                       .constraint_description(kPasswordConstraint)
                       .no_echo()
                       .group("TimescaleDB")
                       .label("Password");
  const Parameter* replica_count = nullptr;
  if (replicas_here) {
    // 3.19.2: NumReplicas (removed 3.30.2).
    replica_count = &s.choice("NumReplicas", replica_counts(), "0")
                         .description("Number of read replicas, each an instance with its own data volume in the "
                                      "other zone than the previous one. Consumers read from them with "
                                      "ApplicationServerStorageReplicaEnabled.")
                         .group("TimescaleDB")
                         .label("Replicas");
  }
  timescale_instance_parameters(s, p);
  auto& snapshot = s.optional_string("VolumeSnapshotID")
                       .description("EBS snapshot to restore the data volume from (EBS Volume Size must be at "
                                    "least its size). Leave empty for a new volume. Once set, keep it: changing it "
                                    "replaces the volume.")
                       .allowed_pattern("^$|^snap-[0-9a-f]{8,17}$")
                       .constraint_description("empty, or an EBS snapshot ID such as snap-0123456789abcdef0")
                       .group("Storage")
                       .label("EBS volume snapshot ID");
  timescale_volume_size_parameter(s, p,
                                  "Size of the data volume, at least that of the snapshot when restoring one" +
                                      std::string(replicas_here ? "; also the size of each replica's volume." : ".") +
                                      " It can grow later; the file system grows at the next boot.");
  timescale_exporter_parameters(s, p);

  Resource& secret = credentials_secret(s, {.id = "TimescaleCredentials",
                                            .name_suffix = "timescale-${DeploymentName}-credentials",
                                            .description = "User name and password of the TimescaleDB deployment",
                                            .username = &username,
                                            .password = &password});
  const Resource& profile = timescale_instance_profile(s, p, ref(secret), "timescale-${DeploymentName}");

  // 3.15.0: a private hosted zone for internal use; 3.19.2: one per deployment.
  Resource& zone = s.resource("HostedZone", "AWS::Route53::HostedZone")
                       .set("Name", timescale_dns_name())
                       .set("HostedZoneConfig", Value::map({{"Comment", "TimescaleDB deployment of the cluster"}}))
                       .set("VPCs", Value::list({Value::map({{"VPCId", s.import(exports::vpc::vpc_id)},
                                                             {"VPCRegion", pseudo::region()}})}))
                       .set("HostedZoneTags", s.tags("timescale-${DeploymentName}"));
  // Replicas copy from and follow the master: the deployment's instances reach each other on the
  // PostgreSQL port without waiting for 3-1-security-group-rules.
  Resource& replication = s.resource("ReplicationSecurityGroup", "AWS::EC2::SecurityGroup")
                              .set("GroupDescription", "TimescaleDB replication inside one deployment")
                              .set("VpcId", s.import(exports::vpc::vpc_id))
                              .set("Tags", s.tags("timescale-${DeploymentName}-replication"));
  s.resource("ReplicationSecurityGroupIngress", "AWS::EC2::SecurityGroupIngress")
      .set("GroupId", get_att(replication, "GroupId"))
      .set("SourceSecurityGroupId", get_att(replication, "GroupId"))
      .set("Description", "PostgreSQL replication between the deployment's instances")
      .set("IpProtocol", "tcp")
      .set("FromPort", 5432)
      .set("ToPort", 5432);

  Value groups = Value::list({s.import(exports::vpc::timescale_security_group), get_att(replication, "GroupId")});
  Value subnets = s.import(exports::vpc::private_subnet_ids);
  std::vector<std::pair<std::string, Value>> script_values{
      {"CredentialsSecretArn", ref(secret)},
      {"DBName", ref(database_name)},
      {"VpcCidr", s.import(exports::vpc::vpc_cidr_block)},
  };
  Value backup_tag = sub("${NetworkName}-${Environment}-${Cluster}-timescale-${DeploymentName}");
  // The master lives in the first zone, like private subnet 1 of 1-1-vpc (Fn::GetAZs order).
  TimescaleNodeResources master = timescale_node(s, p, profile,
                                                 {.prefix = "",
                                                  .name_suffix = "timescale-${DeploymentName}-master",
                                                  .role = TimescaleRole::Master,
                                                  .subnet = select(0, subnets),
                                                  .availability_zone = select(0, get_azs("")),
                                                  .volume_snapshot = ref_if_set(s, snapshot),
                                                  .backup_tag = backup_tag,
                                                  .security_groups = groups,
                                                  .address = timescale_dns_name("master"),
                                                  .script_values = script_values});
  timescale_volume_backups(s, backup_tag);

  // master.<zone> is the master; replica.<zone> is a weighted set where each replica has weight 1
  // and the master weight 0, so readers reach a replica, or the master while there is none.
  timescale_record(s, {.id = "MasterRecord",
                       .zone_id = ref(zone),
                       .name = timescale_dns_name("master"),
                       .network_interface = master.network_interface});
  timescale_record(s, {.id = "ReaderFallbackRecord",
                       .zone_id = ref(zone),
                       .name = timescale_dns_name("replica"),
                       .network_interface = master.network_interface,
                       .set_identifier = "master",
                       .weight = 0});

  if (replicas_here) {
    script_values.emplace_back("MasterAddress", timescale_dns_name("master"));
    const Resource* previous = nullptr;
    for (int i = 1; i <= kMaxReplicas; ++i) {
      std::string n = std::to_string(i);
      const Condition& exists = at_least(s, "Replica" + n + "Exists", *replica_count, i);
      std::vector<const Resource*> after{master.group};
      // 3.25.2: "replica updates keep >= 1 instance": replica groups are updated one after another.
      if (release >= "3.25.2"_v && previous) after.push_back(previous);
      TimescaleNodeResources replica = timescale_node(s, p, profile,
                                                      {.prefix = "Replica" + n,
                                                       .name_suffix = "timescale-${DeploymentName}-replica-" + n,
                                                       .role = TimescaleRole::Replica,
                                                       .subnet = select(i % 2, subnets),
                                                       .availability_zone = select(i % 2, get_azs("")),
                                                       .security_groups = groups,
                                                       .address = timescale_dns_name("replica-" + n),
                                                       .script_values = script_values,
                                                       .condition = &exists,
                                                       .after = after});
      timescale_record(s, {.id = "Replica" + n + "Record",
                           .zone_id = ref(zone),
                           .name = timescale_dns_name("replica-" + n),
                           .network_interface = replica.network_interface,
                           .condition = &exists});
      timescale_record(s, {.id = "Replica" + n + "ReaderRecord",
                           .zone_id = ref(zone),
                           .name = timescale_dns_name("replica"),
                           .network_interface = replica.network_interface,
                           .set_identifier = "replica-" + n,
                           .weight = 1,
                           .condition = &exists});
      previous = replica.group;
    }
  }

  const Parameter& deployment = *p.deployment_name;
  s.export_value(exports::timescale::address, timescale_dns_name("master"), deployment);
  s.export_value(exports::timescale::reader_address, timescale_dns_name("replica"), deployment);
  s.export_value(exports::timescale::port, kTimescalePort, deployment);
  s.export_value(exports::timescale::database_name, ref(database_name), deployment);
  s.export_value(exports::timescale::credentials_secret_arn, ref(secret), deployment);
  s.export_value(exports::timescale::hosted_zone_id, ref(zone), deployment);
  s.export_value(exports::timescale::replication_security_group, get_att(replication, "GroupId"), deployment);
  return s.finish();
}

}  // namespace ttsgen::stacks
