#include <catch2/catch.hpp>

#include "data_stack_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

namespace {
std::string user_data(const cfn::Template& t, const std::string& launch_template) {
  const Value& b64 = *property(*t.find_resource(launch_template), "LaunchTemplateData.UserData");
  return b64.argument().argument().items()[0].text();  // Fn::Base64 -> Fn::Sub [text, variables]
}
using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("2-5-db-timescale is renamed 2-5-db-timescale-master in 3.30.2", "[stacks][timescale]") {
  CHECK(test::name_in("timescale", "3.24.0"_v) == "2-5-db-timescale");
  CHECK(test::name_in("timescale", "3.30.1"_v) == "2-5-db-timescale");
  CHECK(test::name_in("timescale", "3.30.2"_v) == "2-5-db-timescale-master");
  CHECK(test::name_in("timescale", "3.35.2"_v) == "2-5-db-timescale-master");
  CHECK(stacks::find_stack("timescale")->optional);
}

TEST_CASE("2-5: NumReplicas and the replicas exist until 3.30.1 only", "[stacks][timescale]") {
  auto before = stacks::build_timescale_master("3.30.1"_v);
  auto after = stacks::build_timescale_master("3.30.2"_v);
  CHECK(test::has_parameter(before.tmpl, "NumReplicas"));
  CHECK_FALSE(test::has_parameter(after.tmpl, "NumReplicas"));
  CHECK(before.tmpl.find_resource("Replica3AutoScalingGroup")->condition_id() == "Replica3Exists");
  CHECK(after.tmpl.find_resource("Replica1AutoScalingGroup") == nullptr);
  CHECK(test::resources_of_type(after.tmpl, "AWS::AutoScaling::AutoScalingGroup").size() == 1);
  for (const char* id : {"DeploymentName", "VolumeSnapshotID", "VolumeSize", "EBSKmsKeyId", "SessionManagerLogGroup",
                         "DBEngineVersion", "DBTimescaleDBExtensionVersion", "KeyName", "InstanceType"}) {
    INFO(id);
    CHECK(test::has_parameter(before.tmpl, id));
    CHECK(test::has_parameter(after.tmpl, id));
  }
}

TEST_CASE("2-5: DBEngineVersion and DBTimescaleDBExtensionVersion choices and defaults per release", "[stacks][timescale]") {
  struct Expect {
    catalog::Version release;
    Strings engines;
    std::string engine;
    Strings extensions;
    std::string extension;
  };
  const Expect expected[] = {
      {"3.24.0"_v, {"12"}, "12", {"2.7.0"}, "2.7.0"},
      {"3.24.1"_v, {"12", "15"}, "12", {"2.7.0", "2.9.3"}, "2.7.0"},
      {"3.24.2"_v, {"12", "15"}, "12", {"2.7.0", "2.9.3", "2.10.0"}, "2.7.0"},
      {"3.25.0"_v, {"12", "15"}, "12", {"2.7.0", "2.9.3", "2.10.0", "2.10.1"}, "2.7.0"},
      {"3.28.2"_v, {"12", "15"}, "12", {"2.7.0", "2.9.3", "2.10.0", "2.10.1"}, "2.7.0"},
      {"3.29.0"_v, {"12", "15", "16"}, "15", {"2.7.0", "2.9.3", "2.10.0", "2.10.1", "2.13.1"}, "2.10.1"},
      {"3.32.1"_v, {"12", "15", "16"}, "15", {"2.7.0", "2.9.3", "2.10.0", "2.10.1", "2.13.1"}, "2.10.1"},
      {"3.32.3"_v, {"12", "15", "16"}, "15", {"2.7.0", "2.9.3", "2.10.0", "2.10.1", "2.13.1", "2.15.2"}, "2.10.1"},
      {"3.35.2"_v, {"12", "15", "16"}, "15", {"2.7.0", "2.9.3", "2.10.0", "2.10.1", "2.13.1", "2.15.2"}, "2.10.1"},
  };
  for (const auto& e : expected) {
    INFO(e.release.str());
    auto model = stacks::build_timescale_master(e.release);
    CHECK(test::allowed(model.tmpl, "DBEngineVersion") == e.engines);
    CHECK(test::default_of(model.tmpl, "DBEngineVersion") == e.engine);
    CHECK(test::allowed(model.tmpl, "DBTimescaleDBExtensionVersion") == e.extensions);
    CHECK(test::default_of(model.tmpl, "DBTimescaleDBExtensionVersion") == e.extension);
  }
}

TEST_CASE("2-5: Rules refuse an extension version that does not support the engine", "[stacks][timescale]") {
  CHECK(stacks::build_timescale_master("3.24.0"_v).tmpl.rules().empty());
  auto model = stacks::build_timescale_master("3.29.0"_v);
  const auto* pg16 = test::rule(model.tmpl, "TimescaleDBVersionForPostgreSQL16");
  REQUIRE(pg16);
  Value v = pg16->to_value();
  CHECK(*v.find("RuleCondition") == Value::function("Fn::Equals", Value::list({Value::function("Ref", "DBEngineVersion"), "16"})));
  // 3.29.0: engine 16 needs extension >= 2.13.1.
  CHECK(*v.find("Assertions")->items()[0].find("Assert") ==
        Value::function("Fn::Contains", Value::list({Value::strings({"2.13.1"}), Value::function("Ref", "DBTimescaleDBExtensionVersion")})));
  const auto* pg12 = test::rule(model.tmpl, "TimescaleDBVersionForPostgreSQL12");
  REQUIRE(pg12);
  CHECK_FALSE(test::mentions(pg12->to_value(), "2.13.1"));
  const auto* pg15 = test::rule(model.tmpl, "TimescaleDBVersionForPostgreSQL15");
  REQUIRE(pg15);
  CHECK_FALSE(test::mentions(pg15->to_value(), "2.7.0"));
}

TEST_CASE("2-5: the data volume is encrypted, restorable and survives deletion and replacement", "[stacks][timescale]") {
  for (const auto& v : {"3.24.0"_v, "3.30.2"_v, "3.35.2"_v}) {
    INFO(v.str());
    auto model = stacks::build_timescale_master(v);
    const auto& volume = *model.tmpl.find_resource("Volume");  // the name the updating docs use
    CHECK(volume.type() == "AWS::EC2::Volume");
    CHECK(test::attribute_text(volume, "DeletionPolicy") == "Snapshot");
    CHECK(test::attribute_text(volume, "UpdateReplacePolicy") == "Snapshot");
    CHECK(*property(volume, "Encrypted") == Value(true));
    CHECK(*property(volume, "VolumeType") == Value("gp3"));
    CHECK(test::mentions(*property(volume, "SnapshotId"), "VolumeSnapshotID"));
    CHECK(test::mentions(*property(volume, "KmsKeyId"), "EBSKmsKeyId"));
    CHECK(model.tmpl.find_resource("StorageVolumeLifecyclePolicy") != nullptr);
    CHECK(test::pattern_accepts(model.tmpl, "VolumeSnapshotID", "snap-0123456789abcdef0"));
    CHECK_FALSE(test::pattern_accepts(model.tmpl, "VolumeSnapshotID", "vol-0123456789abcdef0"));
    // The instance is replaceable; its root volume is encrypted too.
    const auto& lt = *model.tmpl.find_resource("LaunchTemplate");
    CHECK(*property(lt, "LaunchTemplateData.BlockDeviceMappings")->items()[0].find("Ebs")->find("Encrypted") == Value(true));
    CHECK(*property(lt, "LaunchTemplateData.MetadataOptions.HttpTokens") == Value("required"));
    // Amazon Linux 2 in every release (docs: ecs/deployment).
    CHECK(test::default_of(model.tmpl, "ImageId").find("amzn2-ami") != std::string::npos);
  }
}

TEST_CASE("2-5: the password is a NoEcho parameter kept in a secret, never in user data", "[stacks][timescale]") {
  auto model = stacks::build_timescale_master("3.35.2"_v);
  const auto& t = model.tmpl;
  CHECK(test::parameter(t, "DatabasePassword").is_no_echo());
  CHECK_FALSE(test::parameter(t, "DatabasePassword").default_value().has_value());
  CHECK(test::mentions(*property(*t.find_resource("TimescaleCredentials"), "SecretString"), "${DatabasePassword}"));
  std::string script = user_data(t, "LaunchTemplate");
  CHECK(script.find("${DatabasePassword}") == std::string::npos);
  CHECK(script.find("get-secret-value") != std::string::npos);
  // Unencrypted connections from the network are refused.
  CHECK(script.find("hostssl  all") != std::string::npos);
  CHECK(script.find("host     all          all   ${VpcCidr}") == std::string::npos);
}

TEST_CASE("2-5: boot failures terminate the instance from 3.27.1", "[stacks][timescale]") {
  CHECK(user_data(stacks::build_timescale_master("3.27.0"_v).tmpl, "LaunchTemplate").find("shutdown -h now") == std::string::npos);
  CHECK(user_data(stacks::build_timescale_master("3.27.1"_v).tmpl, "LaunchTemplate").find("shutdown -h now") != std::string::npos);
}

TEST_CASE("2-5: replica groups are updated one after another from 3.25.2", "[stacks][timescale]") {
  auto before = stacks::build_timescale_master("3.25.1"_v);
  auto after = stacks::build_timescale_master("3.25.2"_v);
  CHECK(before.tmpl.find_resource("Replica2AutoScalingGroup")->dependencies() == Strings{"AutoScalingGroup"});
  CHECK(after.tmpl.find_resource("Replica2AutoScalingGroup")->dependencies() ==
        Strings{"AutoScalingGroup", "Replica1AutoScalingGroup"});
  CHECK(after.tmpl.find_resource("Replica1AutoScalingGroup")->dependencies() == Strings{"AutoScalingGroup"});
}

TEST_CASE("2-5: exporter versions per release", "[stacks][timescale]") {
  CHECK(test::default_of(stacks::build_timescale_master("3.25.1"_v).tmpl, "NodeExporterVersion") == "1.4.0");
  CHECK(test::default_of(stacks::build_timescale_master("3.25.2"_v).tmpl, "NodeExporterVersion") == "1.5.0");
  CHECK(test::default_of(stacks::build_timescale_master("3.29.0"_v).tmpl, "NodeExporterVersion") == "1.7.0");
  CHECK(test::default_of(stacks::build_timescale_master("3.28.2"_v).tmpl, "PostgresExporterVersion") == "0.11.1");
  CHECK(test::default_of(stacks::build_timescale_master("3.29.0"_v).tmpl, "PostgresExporterVersion") == "0.15.0");
}

TEST_CASE("2-5: exports are qualified with DeploymentName and the zone is per deployment", "[stacks][timescale]") {
  for (const auto& v : {"3.24.0"_v, "3.35.2"_v}) {
    auto model = stacks::build_timescale_master(v);
    const auto& t = model.tmpl;
    std::string prefix = "${NetworkName}-${Environment}-${Cluster}-timescale-${DeploymentName}-";
    CHECK(test::export_names(t) == Strings{prefix + "Address", prefix + "ReaderAddress", prefix + "Port",
                                           prefix + "DatabaseName", prefix + "CredentialsSecretArn",
                                           prefix + "HostedZoneId", prefix + "ReplicationSecurityGroupId"});
    for (const auto& o : t.outputs()) CHECK(o.condition_id().empty());
    CHECK(*property(*t.find_resource("HostedZone"), "Name") ==
          Value::function("Fn::Sub", "${DeploymentName}.${NetworkName}.${Environment}.${Cluster}.db.as.local"));
    CHECK(*property(*t.find_resource("ReaderFallbackRecord"), "Weight") == Value(0));
    CHECK(test::default_of(t, "DeploymentName") == "default");
  }
}
