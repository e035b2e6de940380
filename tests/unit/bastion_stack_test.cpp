#include <catch2/catch.hpp>

#include "stack_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

namespace {
std::string user_data(const cfn::Template& t) {
  const Value& b64 = *property(*t.find_resource("Bastion"), "UserData");
  return b64.argument().argument().text();  // Fn::Base64 -> Fn::Sub -> text
}
bool allows(const cfn::Template& t, const std::string& type) {
  for (const auto& v : t.find_parameter("InstanceType")->allowed_values())
    if (v == type) return true;
  return false;
}
}  // namespace

TEST_CASE("1-2-bastion allows Graviton instance types from 3.24.2", "[stacks][bastion]") {
  auto before = stacks::build_bastion("3.24.1"_v);
  auto after = stacks::build_bastion("3.24.2"_v);
  CHECK_FALSE(allows(before.tmpl, "t4g.micro"));
  CHECK_FALSE(test::has_parameter(before.tmpl, "ImageIdArm64"));
  CHECK(allows(after.tmpl, "t4g.micro"));
  CHECK(test::has_parameter(after.tmpl, "ImageIdArm64"));
  CHECK(after.tmpl.find_condition("GravitonInstance") != nullptr);
}

TEST_CASE("1-2-bastion drops its UDP Gateway Server helper in 3.26.0", "[stacks][bastion]") {
  CHECK(user_data(stacks::build_bastion("3.25.2"_v).tmpl).find("udp-gs-hosts") != std::string::npos);
  CHECK(user_data(stacks::build_bastion("3.26.0"_v).tmpl).find("udp-gs-hosts") == std::string::npos);
  CHECK(user_data(stacks::build_bastion("3.26.0"_v).tmpl).find("/usr/bin/db-ro") != std::string::npos);
}

TEST_CASE("1-2-bastion has an encrypted gp3 root volume and SSH only from its parameters", "[stacks][bastion]") {
  auto model = stacks::build_bastion("3.35.2"_v);
  const auto& t = model.tmpl;
  const Value& ebs = *property(*t.find_resource("Bastion"), "BlockDeviceMappings")->items()[0].find("Ebs");
  CHECK(*ebs.find("VolumeType") == Value("gp3"));
  CHECK(*ebs.find("Encrypted") == Value(true));
  for (const char* id : {"EBSKmsKeyId", "SessionManagerLogGroup", "SSHIPv4Range", "SSHIPv6Range", "KeyName"}) {
    INFO(id);
    CHECK(test::has_parameter(t, id));
  }
  auto rules = test::resources_of_type(t, "AWS::EC2::SecurityGroupIngress");
  REQUIRE(rules.size() == 2);
  CHECK(*property(*rules[0], "CidrIp") == Value::function("Ref", "SSHIPv4Range"));
  CHECK(*property(*rules[1], "CidrIpv6") == Value::function("Ref", "SSHIPv6Range"));
  CHECK(*property(*rules[0], "FromPort") == Value(22));
  // Deployed before the data stacks, so it imports only from 1-1-vpc.
  for (const auto* e : model.imports) CHECK(e->producer == "vpc");
}
