#include <catch2/catch.hpp>

#include "stack_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("1-1-vpc spans two zones with public and private subnets and NAT per zone", "[stacks][vpc]") {
  auto model = stacks::build_vpc("3.30.0"_v);
  const auto& t = model.tmpl;
  CHECK(test::resources_of_type(t, "AWS::EC2::Subnet").size() == 4);
  CHECK(test::resources_of_type(t, "AWS::EC2::NatGateway").size() == 2);
  CHECK(test::resources_of_type(t, "AWS::EC2::EIP").size() == 4);  // 2 NAT + 2 load balancer
  for (const char* id : {"PublicSubnet1", "PublicSubnet2", "PrivateSubnet1", "PrivateSubnet2"}) {
    INFO(id);
    CHECK(*property(*t.find_resource(id), "MapPublicIpOnLaunch") == Value(false));
  }
  // Private subnets route to their own zone's NAT gateway.
  CHECK(*property(*t.find_resource("PrivateDefaultRoute1"), "NatGatewayId") == Value::function("Ref", "NatGateway1"));
  CHECK(*property(*t.find_resource("PrivateDefaultRoute2"), "NatGatewayId") == Value::function("Ref", "NatGateway2"));
}

TEST_CASE("1-1-vpc has an internet-facing NLB with an Elastic IP per zone", "[stacks][vpc]") {
  auto model = stacks::build_vpc("3.35.2"_v);
  const auto* nlb = model.tmpl.find_resource("LoadBalancer");
  REQUIRE(nlb);
  CHECK(*property(*nlb, "Type") == Value("network"));
  CHECK(*property(*nlb, "Scheme") == Value("internet-facing"));
  const Value& mappings = *property(*nlb, "SubnetMappings");
  REQUIRE(mappings.size() == 2);
  CHECK(*mappings.items()[1].find("AllocationId") ==
        Value::function("Fn::GetAtt", Value::list({"LoadBalancerEIP2", "AllocationId"})));
}

TEST_CASE("1-1-vpc's access-log bucket meets the baseline and exists only with logging on", "[stacks][vpc]") {
  auto model = stacks::build_vpc("3.35.2"_v);
  const auto& t = model.tmpl;
  const auto* bucket = t.find_resource("LoadBalancerLogsBucket");
  REQUIRE(bucket);
  CHECK(bucket->condition_id() == "LoadBalancerAccessLoggingEnabledCondition");
  CHECK(property(*bucket, "BucketEncryption") != nullptr);
  CHECK(*property(*bucket, "PublicAccessBlockConfiguration.RestrictPublicBuckets") == Value(true));
  const auto* policy = t.find_resource("LoadBalancerLogsBucketPolicy");
  REQUIRE(policy);
  CHECK(policy->condition_id() == bucket->condition_id());
  const Value& deny = property(*policy, "PolicyDocument.Statement")->items().front();
  CHECK(*deny.find("Effect") == Value("Deny"));
  CHECK(*deny.find("Condition")->find("Bool")->find("aws:SecureTransport") == Value("false"));
  CHECK(test::has_parameter(t, "LoadBalancerAccessLoggingEnabled"));
  CHECK(test::has_parameter(t, "LoadBalancerLogsBucketName"));
}

TEST_CASE("1-1-vpc creates and exports the cluster's security groups and internal zone", "[stacks][vpc]") {
  auto model = stacks::build_vpc("3.35.2"_v);
  CHECK(test::resources_of_type(model.tmpl, "AWS::EC2::SecurityGroup").size() == 7);
  CHECK(model.tmpl.find_resource("InternalHostedZone") != nullptr);
  CHECK(*property(*model.tmpl.find_resource("InternalHostedZone"), "Name") ==
        Value::function("Fn::Sub", "${Cluster}.${Environment}.${NetworkName}.cluster.local"));
  CHECK(model.exports.size() == 17);
  CHECK(model.imports.empty());
}

TEST_CASE("1-1-vpc changes only at 3.36.0 (the changelog's one entry for it)", "[stacks][vpc]") {
  std::string first = test::yaml_without_release(stacks::build_vpc("3.24.0"_v).tmpl);
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    const auto model = stacks::build_vpc(v);
    // 3.36.0: "Add optional CloudWatch Logs support for NLB access logs" (the "Unreleased" section).
    const bool cloudwatch = v >= "3.36.0"_v;
    CHECK((test::yaml_without_release(model.tmpl) == first) == !cloudwatch);
    CHECK(test::has_parameter(model.tmpl, "LoadBalancerAccessLogsToCloudWatch") == cloudwatch);
    if (!cloudwatch) continue;
    for (const char* id : {"LoadBalancerAccessLogGroup", "LoadBalancerAccessLogSource", "LoadBalancerAccessLogDestination",
                           "LoadBalancerAccessLogDelivery"}) {
      INFO(id);
      REQUIRE(model.tmpl.find_resource(id));
      CHECK(model.tmpl.find_resource(id)->condition_id() == "LoadBalancerAccessLogsToCloudWatchCondition");
    }
    CHECK(*property(*model.tmpl.find_resource("LoadBalancerAccessLogSource"), "LogType") == Value("NLB_ACCESS_LOGS"));
    CHECK(*property(*model.tmpl.find_resource("LoadBalancerAccessLogSource"), "ResourceArn") ==
          Value::function("Ref", "LoadBalancer"));
  }
}
