// 2-6-db-timescale-replica (3.30.2): one read replica of a 2-5-db-timescale-master deployment
// (docs: ecs/deployment), a TimescaleDB node (see timescaledb.hpp) with its own data volume that a new
// instance reattaches. Deployed once per replica. It joins the deployment's weighted
// replica.<zone> record, which readers use (ApplicationServerStorageReplicaEnabled), and has its
// own replica-<ReplicaName>.<zone>.
#include "ttsgen/exports/timescale.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"
#include "ttsgen/stacks/timescaledb.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_timescale_replica(const Release& release) {
  StackBuilder s(release, "timescale-replica");

  TimescaleParameters p;
  p.deployment_name = &s.shared(shared::timescale_replica_deployment_name());
  auto& replica_name = copy_name_parameter(s, "ReplicaName",
                                           "Name of this replica, unique in the cluster (e.g. storage1, noc1). It "
                                           "names the replica's DNS record and qualifies the stack's export.")
                           .group("TimescaleDB")
                           .label("Replica name");
  timescale_version_parameters(s, p);
  timescale_instance_parameters(s, p);
  auto& zone_number = s.choice("ReplicaZone", {"1", "2"}, "2")
                          .description("Availability zone of the replica, as numbered by 1-1-vpc (the master is in zone 1).")
                          .group("Instance")
                          .label("Zone");
  timescale_volume_size_parameter(s, p, "Size of the replica's data volume: at least the size of the master's data.");
  timescale_exporter_parameters(s, p);

  const Parameter& deployment = *p.deployment_name;
  Value secret = s.import(exports::timescale::credentials_secret_arn, deployment);
  const Resource& profile = timescale_instance_profile(s, p, secret, "timescale-${DeploymentName}-replica-${ReplicaName}");

  const Condition& second_zone = s.condition("SecondZone", equals(ref(zone_number), "2"));
  auto in_zone = [&second_zone](const Value& list) { return if_(second_zone, select(1, list), select(0, list)); };
  Value backup_tag;
  if (release < "3.35.1"_v) {
    // Until 3.35.1 the replica snapshots its own volume daily. 3.35.1: "− duplicate storage
    // lifecycle policy" (a replica's data is a copy of the master's, which has its own backups).
    backup_tag = sub("${NetworkName}-${Environment}-${Cluster}-timescale-${DeploymentName}-replica-${ReplicaName}");
    timescale_volume_backups(s, backup_tag);
  }
  Value address = timescale_dns_name("replica-${ReplicaName}");
  TimescaleNodeResources node = timescale_node(
      s, p, profile,
      {.prefix = "",
       .name_suffix = "timescale-${DeploymentName}-replica-${ReplicaName}",
       .role = TimescaleRole::Replica,
       .subnet = in_zone(s.import(exports::vpc::private_subnet_ids)),
       .availability_zone = in_zone(get_azs("")),
       .backup_tag = backup_tag,
       .security_groups = Value::list({s.import(exports::vpc::timescale_security_group),
                                       s.import(exports::timescale::replication_security_group, deployment)}),
       .address = address,
       .script_values = {{"CredentialsSecretArn", secret},
                         {"DBName", s.import(exports::timescale::database_name, deployment)},
                         {"VpcCidr", s.import(exports::vpc::vpc_cidr_block)},
                         {"MasterAddress", s.import(exports::timescale::address, deployment)}}});

  Value zone = s.import(exports::timescale::hosted_zone_id, deployment);
  timescale_record(s, {.id = "ReplicaRecord", .zone_id = zone, .name = address, .network_interface = node.network_interface});
  timescale_record(s, {.id = "ReaderRecord",
                       .zone_id = zone,
                       .name = timescale_dns_name("replica"),
                       .network_interface = node.network_interface,
                       .set_identifier = sub("replica-${ReplicaName}"),
                       .weight = 1});

  s.export_value(exports::timescale::replica_address, address, replica_name);
  return s.finish();
}

}  // namespace ttsgen::stacks
