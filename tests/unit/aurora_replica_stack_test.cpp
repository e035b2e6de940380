#include <catch2/catch.hpp>

#include "data_stack_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("2-2-db-aurora-replica adds one reader to the imported cluster", "[stacks][aurora-replica]") {
  for (const auto& v : catalog::supported_releases()) CHECK(test::name_in("aurora-replica", v) == "2-2-db-aurora-replica");
  auto model = stacks::build_aurora_replica("3.35.2"_v);
  const auto& t = model.tmpl;
  REQUIRE(t.resources().size() == 1);
  const auto& replica = *t.find_resource("AuroraReplica");
  CHECK(replica.type() == "AWS::RDS::DBInstance");
  CHECK(*property(replica, "Engine") == Value("aurora-postgresql"));
  CHECK(test::mentions(*property(replica, "DBClusterIdentifier"), "-AuroraClusterIdentifier"));
  CHECK(*property(replica, "PubliclyAccessible") == Value(false));
  REQUIRE(model.imports.size() == 1);
  CHECK(model.imports[0]->producer == "aurora");
  CHECK(test::default_of(t, "DBInstanceClass") == "db.t4g.medium");
  CHECK(test::allowed(t, "DBInstanceClass") == test::allowed(stacks::build_aurora_master("3.35.2"_v).tmpl, "DBInstanceClass"));
}

TEST_CASE("2-2-db-aurora-replica qualifies its export with ReplicaName so that copies coexist", "[stacks][aurora-replica]") {
  auto model = stacks::build_aurora_replica("3.24.0"_v);
  CHECK(test::export_names(model.tmpl) ==
        std::vector<std::string>{"${NetworkName}-${Environment}-${Cluster}-aurora-replica-${ReplicaName}-AuroraReplicaEndpoint"});
  CHECK(test::pattern_accepts(model.tmpl, "ReplicaName", "reports"));
  CHECK_FALSE(test::pattern_accepts(model.tmpl, "ReplicaName", "Reports-1"));
  CHECK_FALSE(test::parameter(model.tmpl, "ReplicaName").default_value().has_value());
  CHECK(stacks::find_stack("aurora-replica")->multiplicity.find("ReplicaName") != std::string::npos);
}
