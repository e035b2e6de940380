// The create-only table extracted from the vendored registry schemas.
#include "ttsgen/diff/create_only.hpp"

#include <catch2/catch.hpp>

using namespace ttsgen::diff;

TEST_CASE("create-only properties come from the vendored schemas", "[diff][create_only]") {
  CHECK(has_schema("AWS::ElasticLoadBalancingV2::TargetGroup"));
  CHECK(has_schema("AWS::IAM::Policy"));  // a schema without create-only properties
  CHECK_FALSE(has_schema("AWS::Foo::Bar"));
  CHECK(create_only_pointers().size() > 100);

  // The UDP target group's TargetType instance -> ip (3.26.0) replaces it.
  CHECK(is_create_only("AWS::ElasticLoadBalancingV2::TargetGroup", "/properties/TargetType"));
  CHECK_FALSE(is_create_only("AWS::ElasticLoadBalancingV2::TargetGroup", "/properties/HealthCheckPath"));
  CHECK_FALSE(is_create_only("AWS::ElasticLoadBalancingV2::Listener", "/properties/TargetType"));
  CHECK_FALSE(is_create_only("AWS::Foo::Bar", "/properties/Anything"));
}

TEST_CASE("nested pointers and paths inside create-only properties", "[diff][create_only]") {
  // Schema pointers below /properties: /properties/PosixUser/Uid.
  CHECK(is_create_only("AWS::EFS::AccessPoint", "/properties/PosixUser/Uid"));
  CHECK(is_create_only("AWS::EFS::AccessPoint", "/properties/RootDirectory/CreationInfo/OwnerGid"));
  // A change deep inside a create-only property is a change of that property.
  CHECK(is_create_only("AWS::EC2::Instance", "/properties/NetworkInterfaces/*/SubnetId"));
  CHECK(is_create_only("AWS::ECS::TaskDefinition", "/properties/ContainerDefinitions/*/Environment/*/Value"));
  // Only the member is create-only, not its parent object.
  CHECK(is_create_only("AWS::ECS::CapacityProvider", "/properties/AutoScalingGroupProvider/AutoScalingGroupArn"));
  CHECK_FALSE(is_create_only("AWS::ECS::CapacityProvider", "/properties/AutoScalingGroupProvider"));
  CHECK_FALSE(is_create_only("AWS::ECS::CapacityProvider", "/properties/AutoScalingGroupProvider/ManagedScaling"));
  auto members = create_only_members("AWS::ECS::CapacityProvider", "/properties/AutoScalingGroupProvider");
  REQUIRE(members.size() == 1);
  CHECK(members[0].pointer == "/properties/AutoScalingGroupProvider/AutoScalingGroupArn");
  // A prefix of a name is not its parent: /properties/Name does not contain /properties/NameX.
  CHECK_FALSE(is_create_only("AWS::ElasticLoadBalancingV2::TargetGroup", "/properties/NameX"));
}

TEST_CASE("conditionally create-only properties", "[diff][create_only]") {
  CHECK(create_only("AWS::EC2::Instance", "/properties/UserData") == CreateOnly::Conditional);
  CHECK(create_only("AWS::EC2::Instance", "/properties/ImageId") == CreateOnly::Yes);
  CHECK(create_only("AWS::EC2::Instance", "/properties/Tags") == CreateOnly::No);
  CHECK_FALSE(is_create_only("AWS::EC2::Instance", "/properties/UserData"));
}
