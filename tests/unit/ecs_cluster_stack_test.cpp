#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/exports/ecs.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

namespace {
std::string user_data(const cfn::Template& t, const char* holder, const char* path) {
  const Value& b64 = *property(*t.find_resource(holder), path);
  return b64.argument().argument().text();  // Fn::Base64 -> Fn::Sub -> text
}
bool offers(const cfn::Template& t, const std::string& type) {
  const auto& v = t.find_parameter("InstanceType")->allowed_values();
  return std::find(v.begin(), v.end(), type) != v.end();
}
}  // namespace

TEST_CASE("5-1-ecs-cluster: launch configuration until 3.29.2, launch template from 3.30.0", "[stacks][ecs-cluster]") {
  auto before = stacks::build_ecs_cluster("3.29.2"_v);
  auto after = stacks::build_ecs_cluster("3.30.0"_v);
  REQUIRE(before.tmpl.find_resource("ECSLaunchConfiguration"));
  CHECK(before.tmpl.find_resource("ECSLaunchTemplate") == nullptr);
  CHECK(*property(*before.tmpl.find_resource("ECSAutoScalingGroup"), "LaunchConfigurationName") ==
        Value::function("Ref", "ECSLaunchConfiguration"));
  REQUIRE(after.tmpl.find_resource("ECSLaunchTemplate"));
  CHECK(after.tmpl.find_resource("ECSLaunchConfiguration") == nullptr);
  CHECK(*property(*after.tmpl.find_resource("ECSAutoScalingGroup"), "LaunchTemplate.LaunchTemplateId") ==
        Value::function("Ref", "ECSLaunchTemplate"));
  // Both encrypt gp3 root volumes and require IMDSv2.
  const Value& lc_ebs = *property(*before.tmpl.find_resource("ECSLaunchConfiguration"), "BlockDeviceMappings")->items()[0].find("Ebs");
  CHECK(*lc_ebs.find("VolumeType") == Value("gp3"));
  CHECK(*lc_ebs.find("Encrypted") == Value(true));
  CHECK(*property(*after.tmpl.find_resource("ECSLaunchTemplate"), "LaunchTemplateData.MetadataOptions.HttpTokens") ==
        Value("required"));
}

TEST_CASE("5-1-ecs-cluster: Graviton families and the arm64 image from 3.30.0", "[stacks][ecs-cluster]") {
  auto before = stacks::build_ecs_cluster("3.29.2"_v);
  auto after = stacks::build_ecs_cluster("3.30.0"_v);
  CHECK(offers(before.tmpl, "m5.large"));
  CHECK_FALSE(offers(before.tmpl, "m7g.large"));
  CHECK_FALSE(test::has_parameter(before.tmpl, "ECSImageIdArm64"));
  for (const char* type : {"c6g.large", "c7g.large", "m6g.large", "m7g.large", "t4g.medium", "r6g.large", "r7g.large"}) {
    INFO(type);
    CHECK(offers(after.tmpl, type));
  }
  REQUIRE(after.tmpl.find_mapping("AWSInstanceTypeToArch"));
  const Value& map = after.tmpl.find_mapping("AWSInstanceTypeToArch")->map();
  CHECK(*map.find("m7g.large")->find("Arch") == Value("arm64"));
  CHECK(*map.find("m5.large")->find("Arch") == Value("x86_64"));
  CHECK(after.tmpl.find_condition("Arm64Instances") != nullptr);
}

TEST_CASE("5-1-ecs-cluster: draining hook with the Lambda runtime of the release", "[stacks][ecs-cluster]") {
  auto runtime = [](const catalog::Release& r) {
    auto m = stacks::build_ecs_cluster(r);
    return property(*m.tmpl.find_resource("ECSAutoScalingGroupDrainingFunction"), "Runtime")->text();
  };
  CHECK(runtime("3.35.0"_v) == "python3.12");
  CHECK(runtime("3.35.1"_v) == "python3.14");
  auto model = stacks::build_ecs_cluster("3.35.2"_v);
  const auto* hook = model.tmpl.find_resource("ECSAutoScalingGroupDrainingHook");
  REQUIRE(hook);
  CHECK(*property(*hook, "LifecycleTransition") == Value("autoscaling:EC2_INSTANCE_TERMINATING"));
  CHECK(property(*model.tmpl.find_resource("ECSAutoScalingGroupDrainingFunction"), "Code.ZipFile")->text().find(
            "update_container_instances_state") != std::string::npos);
  CHECK(property(*model.tmpl.find_resource("ECSAutoScalingGroupDrainingLogGroup"), "RetentionInDays") != nullptr);
  // CloudFormation takes at most 4096 characters of inline code.
  CHECK(property(*model.tmpl.find_resource("ECSAutoScalingGroupDrainingFunction"), "Code.ZipFile")->text().size() <= 4096);
}

TEST_CASE("5-1-ecs-cluster: UDP Gateway Server attribute until 3.25.2, node_exporter per release", "[stacks][ecs-cluster]") {
  auto old = stacks::build_ecs_cluster("3.25.2"_v);
  auto newer = stacks::build_ecs_cluster("3.26.0"_v);
  CHECK(user_data(old.tmpl, "ECSLaunchConfiguration", "UserData").find("schedule_gs") != std::string::npos);
  CHECK(user_data(newer.tmpl, "ECSLaunchConfiguration", "UserData").find("schedule_gs") == std::string::npos);
  CHECK(user_data(newer.tmpl, "ECSLaunchConfiguration", "UserData").find("ECS_CLUSTER=${ECSCluster}") != std::string::npos);
  auto node_exporter = [](const catalog::Release& r) {
    return stacks::build_ecs_cluster(r).tmpl.find_parameter("NodeExporterVersion")->default_value()->text();
  };
  CHECK(node_exporter("3.25.1"_v) == "1.4.0");
  CHECK(node_exporter("3.25.2"_v) == "1.5.0");
  CHECK(node_exporter("3.29.0"_v) == "1.7.0");
}

TEST_CASE("5-1-ecs-cluster: instances tagged for the bastion, ContainerInsights, Session Manager, exports", "[stacks][ecs-cluster]") {
  auto model = stacks::build_ecs_cluster("3.35.2"_v);
  const auto& t = model.tmpl;
  const Value& tags = *property(*t.find_resource("ECSAutoScalingGroup"), "Tags");
  CHECK(*tags.items()[0].find("Value") == Value::function("Fn::Sub", "${NetworkName}-${Environment}-${Cluster}-container-instance"));
  CHECK(*tags.items()[0].find("PropagateAtLaunch") == Value(true));
  CHECK(test::has_parameter(t, "ContainerInsights"));
  CHECK(test::has_parameter(t, "SessionManagerLogGroup"));
  CHECK(*property(*t.find_resource("ECSCluster"), "ClusterSettings")->items()[0].find("Value") ==
        cfn::if_(*t.find_condition("ContainerInsightsCondition"), "enabled", "disabled"));
  CHECK(model.exports == std::vector<const catalog::Export*>{&exports::ecs::cluster_name, &exports::ecs::cluster_arn,
                                                             &exports::ecs::service_discovery_namespace_id,
                                                             &exports::ecs::service_discovery_namespace_name});
  for (const auto* e : model.imports) CHECK(e->producer == "vpc");
  test::check_ecs_baseline(t);
}
