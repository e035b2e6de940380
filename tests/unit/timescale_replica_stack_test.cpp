#include <catch2/catch.hpp>

#include "data_stack_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("2-6-db-timescale-replica exists from 3.30.2", "[stacks][timescale-replica]") {
  CHECK(test::name_in("timescale-replica", "3.30.1"_v).empty());
  CHECK(test::name_in("timescale-replica", "3.30.2"_v) == "2-6-db-timescale-replica");
  CHECK(test::name_in("timescale-replica", "3.35.2"_v) == "2-6-db-timescale-replica");
}

TEST_CASE("2-6: follows a master deployment by DeploymentName and qualifies its export with ReplicaName",
          "[stacks][timescale-replica]") {
  auto model = stacks::build_timescale_replica("3.30.2"_v);
  const auto& t = model.tmpl;
  CHECK(test::export_names(t) ==
        std::vector<std::string>{"${NetworkName}-${Environment}-${Cluster}-timescale-replica-${ReplicaName}-TimescaleReplicaAddress"});
  bool imports_master = false;
  for (const auto* e : model.imports) imports_master |= e->producer == "timescale";
  CHECK(imports_master);
  CHECK(test::mentions(*property(*t.find_resource("ReaderRecord"), "HostedZoneId"),
                       "${NetworkName}-${Environment}-${Cluster}-timescale-${DeploymentName}-HostedZoneId"));
  CHECK(*property(*t.find_resource("ReaderRecord"), "Weight") == Value(1));
  CHECK(test::allowed(t, "DBEngineVersion") == test::allowed(stacks::build_timescale_master("3.30.2"_v).tmpl, "DBEngineVersion"));
  const auto& volume = *t.find_resource("Volume");
  CHECK(test::attribute_text(volume, "DeletionPolicy") == "Snapshot");
  CHECK(*property(volume, "Encrypted") == Value(true));
  CHECK_FALSE(test::has_parameter(t, "DatabasePassword"));  // read from the master's secret
}

TEST_CASE("2-6: the duplicate storage lifecycle policy is gone in 3.35.1", "[stacks][timescale-replica]") {
  CHECK(stacks::build_timescale_replica("3.35.0"_v).tmpl.find_resource("StorageVolumeLifecyclePolicy") != nullptr);
  CHECK(stacks::build_timescale_replica("3.35.1"_v).tmpl.find_resource("StorageVolumeLifecyclePolicy") == nullptr);
  CHECK(stacks::build_timescale_replica("3.35.1"_v).tmpl.find_resource("VolumeLifecycleRole") == nullptr);
}
