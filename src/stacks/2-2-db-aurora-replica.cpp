// 2-2-db-aurora-replica: one more read-only instance in the cluster of 2-1-db-aurora-master
// (docs: ecs/deployment). Deployed once per reader; ReplicaName tells the copies apart. The instance takes
// its engine version, encryption and backups from the cluster.
#include "ttsgen/exports/aurora.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_aurora_replica(const Release& release) {
  StackBuilder s(release, "aurora-replica");

  auto& replica_name = copy_name_parameter(s, "ReplicaName",
                                           "Name of this reader, unique among the cluster's Aurora replicas (e.g. "
                                           "reader1, reader2 or reports). It qualifies the stack's export.")
                           .group("Database")
                           .label("Replica name");
  auto& instance_class = s.choice("DBInstanceClass", aurora_instance_classes(release), default_aurora_instance_class(release))
                             .description("Instance class of the reader, usually the writer's.")
                             .group("Database")
                             .label("Instance type");

  Resource& replica = s.resource("AuroraReplica", "AWS::RDS::DBInstance")
                          .set("Engine", "aurora-postgresql")
                          .set("DBClusterIdentifier", s.import(exports::aurora::cluster_identifier))
                          .set("DBInstanceClass", ref(instance_class))
                          .set("PubliclyAccessible", false)
                          .set("AutoMinorVersionUpgrade", false)
                          .set("Tags", s.tags("aurora-replica-${ReplicaName}"));

  s.export_value(exports::aurora::replica_endpoint, get_att(replica, "Endpoint.Address"), replica_name);
  return s.finish();
}

}  // namespace ttsgen::stacks
