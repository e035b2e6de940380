// 2-1-db-aurora-master: the Aurora PostgreSQL cluster of the Identity Server with its writer
// instance (docs: ecs/deployment). Primary cluster only. Readers are added by 2-2-db-aurora-replica.
// The cluster is encrypted at rest and refuses connections without TLS; deleting or replacing it
// leaves a final snapshot.
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/exports/aurora.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_aurora_master(const Release& release) {
  StackBuilder s(release, "aurora");

  auto& database_name = s.parameter("DatabaseName")
                            .description("Name of the Identity Server database to create. When restoring a snapshot, "
                                         "the name of the database in the snapshot.")
                            .default_value("ttn_lorawan")
                            .allowed_pattern(kDatabaseIdentifierPattern)
                            .constraint_description(kDatabaseIdentifierConstraint)
                            .group("Database")
                            .label("Database name");
  auto& username = s.parameter("DatabaseUsername")
                       .description("Master user name. When restoring a snapshot, the master user name of the snapshot.")
                       .default_value("ttn")
                       .allowed_pattern(kDatabaseIdentifierPattern)
                       .constraint_description(kDatabaseIdentifierConstraint)
                       .group("Database")
                       .label("Username");
  // 3.18.2: AuroraPassword; empty keeps (or creates) the generated password.
  auto& password = s.optional_string("AuroraPassword")
                       .description("Master password. Leave empty to have one generated (and, on updates, to keep "
                                    "the generated one). Either way it is stored in the credentials secret.")
                       .allowed_pattern(std::string("^$|") + kPasswordPattern)
                       .constraint_description(std::string("empty, or ") + kPasswordConstraint)
                       .no_echo()
                       .group("Database")
                       .label("Password");

  // 3.14.2: the engine version is any string matching ((10)|(11))\.\d+; 3.18.0 adds 12 and 13.
  std::vector<std::string> majors{"10", "11", "12", "13"};
  std::string default_version = "13.7";
  if (release >= changes::kAuroraEngines14To16) {
    // 3.29.0: "default engine 13.8; + 14, 15, 16"
    majors.insert(majors.end(), {"14", "15", "16"});
    default_version = "13.8";
  }
  std::string alternatives, listed;
  for (const auto& m : majors) {
    alternatives += (alternatives.empty() ? "" : "|") + m;
    listed += (listed.empty() ? "" : ", ") + m;
  }
  auto& engine_version = s.parameter("DBEngineVersion")
                             .description("Aurora PostgreSQL engine version (major.minor). A new major version "
                                          "upgrades the cluster in place and gives it a new parameter group.")
                             .default_value(default_version)
                             .allowed_pattern("^(" + alternatives + ")\\.[0-9]+$")
                             .constraint_description("an Aurora PostgreSQL version major.minor, major one of " + listed)
                             .group("Database")
                             .label("Engine version");
  auto& instance_class = s.choice("DBInstanceClass", aurora_instance_classes(release), default_aurora_instance_class(release))
                             .description("Instance class of the writer. db.t3.medium or db.t4g.medium suit small "
                                          "clusters; scale up as the network grows.")
                             .group("Database")
                             .label("Instance class");
  auto& backup_retention = s.parameter("BackupRetentionPeriod", param_type::kNumber)
                               .description("Days to keep automatic backups.")
                               .default_value("7")
                               .min_value(1)
                               .max_value(35)
                               .group("Backup and restore")
                               .label("Backup retention (days)");
  auto& snapshot = s.optional_string("AuroraSnapshotARN")
                       .description("ARN of a DB cluster snapshot to restore (migration or upgrade). Leave empty "
                                    "for a new cluster. Once set, keep the same value on updates: changing it "
                                    "replaces the cluster. With a snapshot the encryption follows the snapshot.")
                       .allowed_pattern("^$|^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:cluster-snapshot:[a-zA-Z0-9:-]+$")
                       .constraint_description("empty, or the ARN of an RDS DB cluster snapshot")
                       .group("Backup and restore")
                       .label("Snapshot");
  // 3.14.0: encryption at rest; the key is optional (empty: the AWS managed RDS key).
  auto& kms_key = kms_key_parameter(s, "AuroraKMSKeyID", "the cluster's storage")
                      .group("Encryption")
                      .label("KMS key");
  const Condition& restoring = s.is_set(snapshot);

  Resource& secret = credentials_secret(s, {.id = "AuroraCredentials",
                                            .name_suffix = "aurora-credentials",
                                            .description = "Master user name and password of the Aurora cluster",
                                            .username = &username,
                                            .password = &password,
                                            .password_optional = true});

  Resource& subnets = s.resource("AuroraSubnetGroup", "AWS::RDS::DBSubnetGroup")
                          .set("DBSubnetGroupDescription", sub("Aurora of ${NetworkName}-${Environment}-${Cluster}"))
                          .set("SubnetIds", s.import(exports::vpc::private_subnet_ids))
                          .set("Tags", s.tags("aurora"));
  // 3.18.0: the database expects TLS. The family follows the major version of DBEngineVersion.
  Resource& parameters =
      s.resource("AuroraClusterParameterGroup", "AWS::RDS::DBClusterParameterGroup")
          .set("Description", sub("Aurora of ${NetworkName}-${Environment}-${Cluster}: TLS required"))
          .set("Family", sub("aurora-postgresql${Major}", {{"Major", select(0, split(".", ref(engine_version)))}}))
          .set("Parameters", Value::map({{"rds.force_ssl", "1"}}))
          .set("Tags", s.tags("aurora"));

  Resource& cluster =
      s.resource("AuroraCluster", "AWS::RDS::DBCluster")
          .deletion_policy(Policy::Snapshot)
          .update_replace_policy(Policy::Snapshot)
          .lint_suppress("W1011",
                         "A given AuroraPassword (NoEcho) is passed as such: behind a dynamic reference a changed "
                         "password would reach the secret but never the cluster")
          .set("Engine", "aurora-postgresql")
          .set("EngineVersion", ref(engine_version))
          .set("DatabaseName", ref(database_name))
          // A restored cluster keeps the snapshot's master user and gets the password of the secret.
          // A given AuroraPassword is passed as such, so that changing it changes the cluster too
          // (CloudFormation does not notice a changed secret behind a dynamic reference).
          .set("MasterUsername", if_(restoring, pseudo::no_value(), ref(username)))
          .set("MasterUserPassword", if_(s.is_set(password), ref(password), secret_value(secret, "password")))
          .set("SnapshotIdentifier", ref_if_set(s, snapshot))
          .set("StorageEncrypted", if_(restoring, pseudo::no_value(), true))
          .set("KmsKeyId", ref_if_set(s, kms_key))
          .set("Port", 5432)
          .set("DBSubnetGroupName", ref(subnets))
          .set("VpcSecurityGroupIds", Value::list({s.import(exports::vpc::aurora_security_group)}))
          .set("DBClusterParameterGroupName", ref(parameters))
          .set("BackupRetentionPeriod", ref(backup_retention))
          .set("CopyTagsToSnapshot", true);
  // Production fix (catalog/production.hpp): deleting the cluster takes a deliberate step first.
  if (catalog::has_production_fixes(release)) cluster.set("DeletionProtection", true);
  cluster.set("Tags", s.tags("aurora"));

  // Minor versions change only when the operator says so (best practice: control over downtime).
  s.resource("AuroraWriter", "AWS::RDS::DBInstance")
      .set("Engine", "aurora-postgresql")
      .set("DBClusterIdentifier", ref(cluster))
      .set("DBInstanceClass", ref(instance_class))
      .set("PubliclyAccessible", false)
      .set("AutoMinorVersionUpgrade", false)
      .set("Tags", s.tags("aurora-writer"));

  s.export_value(exports::aurora::cluster_identifier, ref(cluster));
  s.export_value(exports::aurora::endpoint, get_att(cluster, "Endpoint.Address"));
  s.export_value(exports::aurora::reader_endpoint, get_att(cluster, "ReadEndpoint.Address"));
  s.export_value(exports::aurora::port, get_att(cluster, "Endpoint.Port"));
  s.export_value(exports::aurora::database_name, ref(database_name));
  s.export_value(exports::aurora::credentials_secret_arn, ref(secret));
  return s.finish();
}

}  // namespace ttsgen::stacks
