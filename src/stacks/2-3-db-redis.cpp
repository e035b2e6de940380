// 2-3-db-redis: an ElastiCache Redis replication group for one purpose (docs: ecs/deployment): `general`
// (always; alone it serves everything), `cache` (temporary data) or `events`. Deployed once per
// purpose; Purpose qualifies every export and name. Redis holds real data here (Network Server
// sessions, …): it is encrypted at rest, backed up daily and snapshotted when deleted or replaced.
#include "ttsgen/exports/redis.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

constexpr int kMaxReplicas = 5;  // ElastiCache's limit for a replication group without cluster mode

void add_sizes(std::vector<std::string>& types, const char* family, std::initializer_list<const char*> sizes) {
  for (const char* size : sizes) types.push_back(std::string("cache.") + family + "." + size);
}

// Node types offered in `release`. Before 3.24.0 (the same in every supported release): the x86
// t3, m5 and r5 families; Graviton m6g with 3.16.2 ("ARM RDS/ElastiCache instance types"), t4g
// with 3.22.0, which also made cache.m6g.large the default.
std::vector<std::string> redis_node_types(const Release& release) {
  std::vector<std::string> types;
  add_sizes(types, "t3", {"micro", "small", "medium"});
  add_sizes(types, "t4g", {"micro", "small", "medium"});
  add_sizes(types, "m5", {"large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"});
  add_sizes(types, "m6g", {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"});
  add_sizes(types, "r5", {"large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"});
  if (release >= changes::kRedisR6g)  // 3.25.0: "+ r4g (sic) family", read as r6g: there is no r4g
    add_sizes(types, "r6g", {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"});
  if (release >= changes::kRedisR7g)  // 3.28.0: "+ r7g"
    add_sizes(types, "r7g", {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"});
  return types;
}

std::vector<std::string> replica_counts() {
  std::vector<std::string> counts;
  for (int n = 0; n <= kMaxReplicas; ++n) counts.push_back(std::to_string(n));
  return counts;
}

// CPU and memory alarms on every node. Member clusters of a replication group are named
// <group>-001, <group>-002, …; which one is the primary changes on failover, so every node has
// the same alarms (3.16.2 replaced RedisPrimary*/RedisReplica* by Redis*). Node n exists when
// there are at least n-1 replicas.
void add_alarms(StackBuilder& s, const Resource& group, const Parameter& replicas) {
  auto& alerting = s.flag("RedisAlertingEnabled", false)
                       .description("Send CloudWatch alarms of the nodes to the SNS topic of 1-3-opsgenie "
                                    "(deploy 1-3-opsgenie first).")
                       .group("Alerting")
                       .label("Alerting");
  auto& cpu = s.parameter("RedisCPUAlarmThreshold", param_type::kNumber)
                  .description("Alarm when a node's engine CPU utilization stays above this percentage for 15 minutes.")
                  .default_value("90")
                  .min_value(1)
                  .max_value(100)
                  .group("Alerting")
                  .label("CPU alarm threshold (%)");
  auto& memory = s.parameter("RedisMemoryAlarmThreshold", param_type::kNumber)
                     .description("Alarm when a node's memory usage stays above this percentage of its maximum for 15 minutes.")
                     .default_value("80")
                     .min_value(1)
                     .max_value(100)
                     .group("Alerting")
                     .label("Memory alarm threshold (%)");
  const Condition& alerting_on = s.is_true(alerting);
  struct Metric {
    const char* id;
    const char* metric;
    const char* what;
    const Parameter* threshold;
  };
  const Metric metrics[] = {{"CPU", "EngineCPUUtilization", "engine CPU utilization", &cpu},
                            {"Memory", "DatabaseMemoryUsagePercentage", "memory usage", &memory}};

  for (int n = 1; n <= kMaxReplicas + 1; ++n) {
    const Condition* when = &alerting_on;
    if (n > 1) {
      const Condition& exists = at_least(s, "RedisNode" + std::to_string(n) + "Exists", replicas, n - 1);
      when = &s.condition("RedisNode" + std::to_string(n) + "Alarms", and_({condition(alerting_on), condition(exists)}));
    }
    std::string node = "00" + std::to_string(n);
    Value dimensions = Value::list({Value::map({{"Name", "CacheClusterId"}, {"Value", sub("${" + group.id() + "}-" + node)}})});
    for (const Metric& m : metrics) {
      alarm(s,
            {.id = "RedisNode" + std::to_string(n) + m.id + "Alarm",
             .description = "Redis node " + node + ": " + m.what + " above the threshold",
             .metric_namespace = "AWS/ElastiCache",
             .metric = m.metric,
             .dimensions = dimensions,
             .threshold = ref(*m.threshold)},
            *when);
    }
  }
}

}  // namespace

StackModel build_redis(const Release& release) {
  StackBuilder s(release, "redis");

  auto& purpose = s.choice("Purpose", {"general", "cache", "events"}, "general")
                      .description("What this Redis cluster is for. Deploy general always; cache and events "
                                   "only to move those loads off it. One stack per purpose; it qualifies the "
                                   "stack's exports, which consumers select by purpose.")
                      .group("Redis")
                      .label("Purpose");
  auto& node_type = s.choice("InstanceType", redis_node_types(release), "cache.m6g.large")
                        .description("Node type. cache.t3.medium or cache.t4g.medium suit small clusters; scale "
                                     "up as the network grows.")
                        .group("Redis")
                        .label("Instance type");
  // 3.22.0: RedisMultiAZ sets MultiAZEnabled as well as AutomaticFailoverEnabled.
  auto& multi_az = s.flag("RedisMultiAZ", true)
                       .description("Spread the nodes over both zones with automatic failover. Needs at least one replica.")
                       .group("Redis")
                       .label("Multi-AZ");
  auto& replicas = s.choice("RedisReplicas", replica_counts(), "2")
                       .description("Number of read replicas besides the primary. 2 is recommended; more are "
                                    "rarely useful since most load is read-write.")
                       .group("Redis")
                       .label("Replicas");
  // 3.16.1: RedisTLS, in-transit encryption with an AUTH token.
  auto& tls = s.flag("RedisTLS", true)
                  .description("Encrypt connections with TLS and require the AUTH token of the stack's secret. "
                               "Consumers set their *RedisTLS parameter to the same value. Keep true; false only "
                               "for groups created without TLS.")
                  .group("Redis")
                  .label("TLS and AUTH");
  // 3.16.2: RedisKMSKeyID; data at rest is always encrypted, a key is optional.
  auto& kms_key = kms_key_parameter(s, "RedisKMSKeyID", "the data at rest. Changing it replaces the cluster")
                      .group("Encryption")
                      .label("KMS key");
  auto& snapshot = s.optional_string("RedisSnapshotName")
                       .description("Name of a snapshot to restore (migration, upgrade or recovery). Leave empty "
                                    "for an empty cluster. Once set, keep the same value: changing it replaces the cluster.")
                       .allowed_pattern("^$|^[a-zA-Z0-9][a-zA-Z0-9.:-]{0,254}$")
                       .constraint_description("empty, or an ElastiCache snapshot name")
                       .group("Backup and restore")
                       .label("Snapshot");
  auto& retention = s.parameter("RedisSnapshotRetentionLimit", param_type::kNumber)
                        .description("Days to keep automatic daily snapshots.")
                        .default_value("7")
                        .min_value(1)
                        .max_value(35)
                        .group("Backup and restore")
                        .label("Snapshot retention (days)");

  s.rule("MultiAZNeedsReplicas")
      .when(equals(ref(multi_az), "true"))
      .require(not_(equals(ref(replicas), "0")), "RedisMultiAZ needs at least one replica (RedisReplicas 1 or more)");

  // Node count = replicas + 1. NumCacheClusters can change in place; ReplicasPerNodeGroup would
  // replace the group.
  Value counts = Value::map();
  for (const auto& n : replica_counts())
    counts.set(n, Value::map({{"NumCacheClusters", std::stoi(n) + 1}}));
  auto& nodes = s.mapping("ReplicaCount", counts);

  Resource& token = keep_data(s, s.resource("RedisAuthToken", "AWS::SecretsManager::Secret"))
                        .set("Name", s.resource_name("redis-${Purpose}-auth-token"))
                        .set("Description", sub("AUTH token of the ${Purpose} Redis cluster"))
                        // Letters and digits: ElastiCache refuses @, " and / in tokens.
                        .set("GenerateSecretString", Value::map({{"SecretStringTemplate", "{}"},
                                                                 {"GenerateStringKey", "token"},
                                                                 {"PasswordLength", 64},
                                                                 {"ExcludePunctuation", true}}))
                        .set("Tags", s.tags("redis-${Purpose}-auth-token"));
  Resource& subnets = s.resource("RedisSubnetGroup", "AWS::ElastiCache::SubnetGroup")
                          .set("Description", sub("Redis ${Purpose} of ${NetworkName}-${Environment}-${Cluster}"))
                          .set("SubnetIds", s.import(exports::vpc::private_subnet_ids))
                          .set("Tags", s.tags("redis-${Purpose}"));

  const Condition& multi_az_on = s.is_true(multi_az);
  const Condition& tls_on = s.is_true(tls);
  Resource& group =
      s.resource("RedisReplicationGroup", "AWS::ElastiCache::ReplicationGroup")
          .deletion_policy(Policy::Snapshot)
          .update_replace_policy(Policy::Snapshot)
          .set("ReplicationGroupDescription", sub("Redis ${Purpose} of ${NetworkName}-${Environment}-${Cluster}"))
          .set("Engine", "redis")
          // 3.18.0: Redis 6.2 (The Things Stack needs 6.2 or newer).
          .set("EngineVersion", "6.2")
          .set("CacheNodeType", ref(node_type))
          .set("NumCacheClusters", find_in_map(nodes, ref(replicas), "NumCacheClusters"))
          .set("AutomaticFailoverEnabled", if_(multi_az_on, true, false))
          .set("MultiAZEnabled", if_(multi_az_on, true, false))
          .set("CacheSubnetGroupName", ref(subnets))
          .set("SecurityGroupIds", Value::list({s.import(exports::vpc::redis_security_group)}))
          .set("AtRestEncryptionEnabled", true)
          .set("KmsKeyId", ref_if_set(s, kms_key))
          .set("TransitEncryptionEnabled", if_(tls_on, true, false))
          .set("AuthToken", if_(tls_on, secret_value(token, "token"), pseudo::no_value()))
          .set("SnapshotName", ref_if_set(s, snapshot))
          .set("SnapshotRetentionLimit", ref(retention))
          .set("Tags", s.tags("redis-${Purpose}"))
          // RedisTLS (3.16.1, default true) exists for replication groups created before 3.16.1
          // without TLS: turning TLS on replaces such a group, so the operator decides when.
          .security_exception("TransitEncryptionEnabled",
                              "RedisTLS=false keeps a replication group created before 3.16.1 without TLS "
                              "(enabling it replaces the group and needs a planned migration); new groups use TLS");

  add_alarms(s, group, replicas);

  s.export_value(exports::redis::primary_address, get_att(group, "PrimaryEndPoint.Address"), purpose);
  s.export_value(exports::redis::reader_address, get_att(group, "ReaderEndPoint.Address"), purpose);
  s.export_value(exports::redis::port, get_att(group, "PrimaryEndPoint.Port"), purpose);
  s.export_value(exports::redis::auth_token_secret_arn, ref(token), purpose);
  return s.finish();
}

}  // namespace ttsgen::stacks
