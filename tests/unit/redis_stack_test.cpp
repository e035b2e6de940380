#include <catch2/catch.hpp>

#include "data_stack_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("2-3-db-redis is deployed once per purpose and qualifies its exports with Purpose", "[stacks][redis]") {
  for (const auto& v : catalog::supported_releases()) CHECK(test::name_in("redis", v) == "2-3-db-redis");
  auto model = stacks::build_redis("3.35.2"_v);
  const auto& t = model.tmpl;
  CHECK(test::allowed(t, "Purpose") == std::vector<std::string>{"general", "cache", "events"});
  CHECK(test::default_of(t, "Purpose") == "general");
  std::string prefix = "${NetworkName}-${Environment}-${Cluster}-redis-${Purpose}-";
  CHECK(test::export_names(t) == std::vector<std::string>{prefix + "PrimaryAddress", prefix + "ReaderAddress",
                                                          prefix + "Port", prefix + "AuthTokenSecretArn"});
  for (const auto& o : t.outputs()) CHECK(o.condition_id().empty());
  // Every name given to AWS carries the purpose too.
  CHECK(test::mentions(*property(*t.find_resource("RedisAuthToken"), "Name"), "redis-${Purpose}-auth-token"));
}

TEST_CASE("2-3-db-redis node families per release: r6g from 3.25.0, r7g from 3.28.0", "[stacks][redis]") {
  auto v3_24_2 = stacks::build_redis("3.24.2"_v);
  auto v3_25_0 = stacks::build_redis("3.25.0"_v);
  auto v3_27_2 = stacks::build_redis("3.27.2"_v);
  auto v3_28_0 = stacks::build_redis("3.28.0"_v);
  for (const auto* m : {&v3_24_2, &v3_25_0, &v3_27_2, &v3_28_0}) {
    CHECK(test::default_of(m->tmpl, "InstanceType") == "cache.m6g.large");
    for (const char* type : {"cache.t3.medium", "cache.t4g.medium", "cache.m5.large", "cache.m6g.16xlarge", "cache.r5.large"})
      CHECK(test::allows(m->tmpl, "InstanceType", type));
  }
  CHECK_FALSE(test::allows(v3_24_2.tmpl, "InstanceType", "cache.r6g.large"));
  CHECK(test::allows(v3_25_0.tmpl, "InstanceType", "cache.r6g.large"));
  CHECK_FALSE(test::allows(v3_27_2.tmpl, "InstanceType", "cache.r7g.large"));
  CHECK(test::allows(v3_28_0.tmpl, "InstanceType", "cache.r7g.large"));
}

TEST_CASE("2-3-db-redis: Multi-AZ, replicas, TLS with AUTH, encryption at rest, snapshots", "[stacks][redis]") {
  auto model = stacks::build_redis("3.35.2"_v);
  const auto& t = model.tmpl;
  const auto& group = *t.find_resource("RedisReplicationGroup");
  // 3.22.0: RedisMultiAZ sets both.
  Value multi_az = Value::function("Fn::If", Value::list({"RedisMultiAZCondition", true, false}));
  CHECK(*property(group, "AutomaticFailoverEnabled") == multi_az);
  CHECK(*property(group, "MultiAZEnabled") == multi_az);
  CHECK(test::default_of(t, "RedisMultiAZ") == "true");
  CHECK(test::default_of(t, "RedisReplicas") == "2");
  CHECK(*property(group, "NumCacheClusters") ==
        Value::function("Fn::FindInMap", Value::list({"ReplicaCount", Value::function("Ref", "RedisReplicas"), "NumCacheClusters"})));
  CHECK(*property(group, "AtRestEncryptionEnabled") == Value(true));
  CHECK(*property(group, "TransitEncryptionEnabled") == Value::function("Fn::If", Value::list({"RedisTLSCondition", true, false})));
  CHECK(test::default_of(t, "RedisTLS") == "true");
  // AUTH token from the generated secret, only with TLS; never a literal.
  CHECK(test::mentions(*property(group, "AuthToken"), "{{resolve:secretsmanager:${RedisAuthToken}:SecretString:token}}"));
  CHECK(test::mentions(*property(*t.find_resource("RedisAuthToken"), "GenerateSecretString"), "token"));
  CHECK(test::mentions(*property(group, "KmsKeyId"), "RedisKMSKeyID"));
  CHECK(test::mentions(*property(group, "SnapshotName"), "RedisSnapshotName"));
  CHECK(test::attribute_text(group, "DeletionPolicy") == "Snapshot");
  CHECK(test::attribute_text(group, "UpdateReplacePolicy") == "Snapshot");
  CHECK(std::stoi(test::default_of(t, "RedisSnapshotRetentionLimit")) >= 1);
  CHECK(*test::parameter(t, "RedisSnapshotRetentionLimit").min_value() == 1);
}

TEST_CASE("2-3-db-redis refuses Multi-AZ without replicas", "[stacks][redis]") {
  auto model = stacks::build_redis("3.24.0"_v);
  const auto* rule = test::rule(model.tmpl, "MultiAZNeedsReplicas");
  REQUIRE(rule);
  Value v = rule->to_value();
  CHECK(*v.find("RuleCondition") == Value::function("Fn::Equals", Value::list({Value::function("Ref", "RedisMultiAZ"), "true"})));
  CHECK(test::mentions(*v.find("Assertions"), "RedisReplicas"));
}

TEST_CASE("2-3-db-redis alarms exist per node only with alerting and import 1-3-opsgenie only then", "[stacks][redis]") {
  auto model = stacks::build_redis("3.35.2"_v);
  const auto& t = model.tmpl;
  auto alarms = test::resources_of_type(t, "AWS::CloudWatch::Alarm");
  CHECK(alarms.size() == 12);  // CPU and memory on up to 6 nodes
  CHECK(t.find_resource("RedisNode1CPUAlarm")->condition_id() == "RedisAlertingEnabledCondition");
  CHECK(t.find_resource("RedisNode3MemoryAlarm")->condition_id() == "RedisNode3Alarms");
  CHECK(*property(*t.find_resource("RedisNode3MemoryAlarm"), "Dimensions") ==
        Value::list({Value::map({{"Name", "CacheClusterId"}, {"Value", Value::function("Fn::Sub", "${RedisReplicationGroup}-003")}})}));
  CHECK(test::default_of(t, "RedisAlertingEnabled") == "false");
  for (const auto& r : t.resources()) {
    INFO(r.id());
    if (test::mentions(r.properties(), "-AlarmTopicArn")) CHECK_FALSE(r.condition_id().empty());
  }
  for (const auto& o : t.outputs()) CHECK_FALSE(test::mentions(o.value(), "AlarmTopicArn"));
  bool imports_opsgenie = false;
  for (const auto* e : model.imports) imports_opsgenie |= e->producer == "opsgenie";
  CHECK(imports_opsgenie);
}
