#include <catch2/catch.hpp>

#include "data_stack_test_helpers.hpp"
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("2-1-db-aurora-master exists in every release under one name, in primary clusters", "[stacks][aurora]") {
  for (const auto& v : catalog::supported_releases()) CHECK(test::name_in("aurora", v) == "2-1-db-aurora-master");
  CHECK(stacks::find_stack("aurora")->role == catalog::ClusterRole::Primary);
  CHECK_FALSE(stacks::find_stack("aurora")->optional);
}

TEST_CASE("2-1-db-aurora-master engine versions: 13.8 and majors 14-16 from 3.29.0", "[stacks][aurora]") {
  auto before = stacks::build_aurora_master("3.28.2"_v);
  auto after = stacks::build_aurora_master("3.29.0"_v);
  CHECK(test::default_of(before.tmpl, "DBEngineVersion") == "13.7");
  CHECK(test::default_of(after.tmpl, "DBEngineVersion") == "13.8");
  for (const char* v : {"10.21", "11.9", "12.15", "13.8"}) {
    INFO(v);
    CHECK(test::pattern_accepts(before.tmpl, "DBEngineVersion", v));
    CHECK(test::pattern_accepts(after.tmpl, "DBEngineVersion", v));
  }
  for (const char* v : {"14.9", "15.4", "16.1"}) {
    INFO(v);
    CHECK_FALSE(test::pattern_accepts(before.tmpl, "DBEngineVersion", v));
    CHECK(test::pattern_accepts(after.tmpl, "DBEngineVersion", v));
  }
  for (const char* bad : {"17.1", "13", "13.8.1", "x13.8", ""}) {
    INFO(bad);
    CHECK_FALSE(test::pattern_accepts(after.tmpl, "DBEngineVersion", bad));
  }
  // The parameter group's family follows the major version.
  CHECK(test::mentions(*property(*after.tmpl.find_resource("AuroraClusterParameterGroup"), "Family"), "aurora-postgresql${Major}"));
}

TEST_CASE("2-1-db-aurora-master instance classes: db.t4g.medium by default, r5 and Graviton r6g", "[stacks][aurora]") {
  for (const auto& v : {"3.24.0"_v, "3.35.2"_v}) {
    auto model = stacks::build_aurora_master(v);
    CHECK(test::default_of(model.tmpl, "DBInstanceClass") == "db.t4g.medium");
    for (const char* c : {"db.t3.medium", "db.t4g.large", "db.r5.24xlarge", "db.r6g.large", "db.r6g.16xlarge"}) {
      INFO(c);
      CHECK(test::allows(model.tmpl, "DBInstanceClass", c));
    }
    CHECK_FALSE(test::allows(model.tmpl, "DBInstanceClass", "db.r6g.24xlarge"));
  }
}

TEST_CASE("2-1-db-aurora-master encrypts, requires TLS and snapshots the cluster on deletion", "[stacks][aurora]") {
  auto model = stacks::build_aurora_master("3.35.2"_v);
  const auto& t = model.tmpl;
  const auto& cluster = *t.find_resource("AuroraCluster");
  CHECK(test::attribute_text(cluster, "DeletionPolicy") == "Snapshot");
  CHECK(test::attribute_text(cluster, "UpdateReplacePolicy") == "Snapshot");
  // Encrypted unless restoring, where the snapshot's encryption applies.
  CHECK(*property(cluster, "StorageEncrypted") ==
        Value::function("Fn::If", Value::list({"HasAuroraSnapshotARN", Value::function("Ref", "AWS::NoValue"), true})));
  CHECK(*property(cluster, "KmsKeyId") ==
        Value::function("Fn::If", Value::list({"HasAuroraKMSKeyID", Value::function("Ref", "AuroraKMSKeyID"),
                                               Value::function("Ref", "AWS::NoValue")})));
  CHECK(*property(*t.find_resource("AuroraClusterParameterGroup"), "Parameters")->find("rds.force_ssl") == Value("1"));
  CHECK(*property(cluster, "DBClusterParameterGroupName") == Value::function("Ref", "AuroraClusterParameterGroup"));
  CHECK(*property(*t.find_resource("AuroraWriter"), "PubliclyAccessible") == Value(false));
  CHECK(*property(*t.find_resource("AuroraWriter"), "DBClusterIdentifier") == Value::function("Ref", "AuroraCluster"));
}

TEST_CASE("2-1-db-aurora-master never holds a password: NoEcho parameter or a generated secret", "[stacks][aurora]") {
  auto model = stacks::build_aurora_master("3.35.2"_v);
  const auto& t = model.tmpl;
  const auto& password = test::parameter(t, "AuroraPassword");
  CHECK(password.is_no_echo());
  CHECK(test::default_of(t, "AuroraPassword").empty());
  CHECK(test::pattern_accepts(t, "AuroraPassword", ""));
  CHECK_FALSE(test::pattern_accepts(t, "AuroraPassword", "short"));
  CHECK_FALSE(test::pattern_accepts(t, "AuroraPassword", "with@and/quote\"char"));
  const auto& secret = *t.find_resource("AuroraCredentials");
  CHECK(test::mentions(*property(secret, "GenerateSecretString"), "HasAuroraPassword"));
  CHECK(test::mentions(*property(secret, "GenerateSecretString"), "password"));
  // The cluster gets the given password, or the generated one through a dynamic reference.
  CHECK(*property(*t.find_resource("AuroraCluster"), "MasterUserPassword") ==
        Value::function("Fn::If", Value::list({"HasAuroraPassword", Value::function("Ref", "AuroraPassword"),
                                               Value::function("Fn::Sub", "{{resolve:secretsmanager:${AuroraCredentials}:SecretString:password}}")})));
  // A restored cluster keeps the snapshot's master user.
  CHECK(test::mentions(*property(*t.find_resource("AuroraCluster"), "MasterUsername"), "HasAuroraSnapshotARN"));
}

TEST_CASE("2-1-db-aurora-master exports the contract in every release", "[stacks][aurora]") {
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    auto model = stacks::build_aurora_master(v);
    CHECK(model.exports.size() == 6);
    for (const char* key : {"AuroraClusterIdentifier", "AuroraEndpoint", "AuroraReaderEndpoint", "AuroraPort",
                            "AuroraDatabaseName", "AuroraCredentialsSecretArn"})
      CHECK(test::has_export(model.tmpl, std::string("${NetworkName}-${Environment}-${Cluster}-") + key));
    for (const auto& o : model.tmpl.outputs()) CHECK(o.condition_id().empty());
  }
}

TEST_CASE("2-1-db-aurora-master changes only in 3.29.0 and with the production fixes", "[stacks][aurora]") {
  std::string before = test::yaml_without_release(stacks::build_aurora_master("3.24.0"_v).tmpl);
  std::string after = test::yaml_without_release(stacks::build_aurora_master("3.29.0"_v).tmpl);
  std::string fixed = test::yaml_without_release(stacks::build_aurora_master(catalog::kProductionFixes).tmpl);
  CHECK(before != after);
  CHECK(after != fixed);
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    CHECK(test::yaml_without_release(stacks::build_aurora_master(v).tmpl) ==
          (v < "3.29.0"_v ? before : v < catalog::kProductionFixes ? after : fixed));
  }
  // The production fix: deleting the cluster takes turning DeletionProtection off first.
  CHECK(*test::property(*stacks::build_aurora_master(catalog::kProductionFixes).tmpl.find_resource("AuroraCluster"),
                        "DeletionProtection") == Value(true));
}
