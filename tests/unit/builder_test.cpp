#include <catch2/catch.hpp>

#include "ttsgen/catalog/export.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/builder.hpp"

using namespace ttsgen;
using namespace ttsgen::cfn;
using catalog::operator""_v;

namespace {
constexpr catalog::Export kQualified{"vpc", "PrimaryAddress", "test", false, "redis"};
}

TEST_CASE("export names use the re-used parameters, qualified where a stack is deployed several times", "[catalog][export]") {
  CHECK(catalog::export_name_pattern(exports::vpc::vpc_id) == "${NetworkName}-${Environment}-${Cluster}-VpcId");
  CHECK(catalog::export_name_pattern(kQualified, "Purpose") ==
        "${NetworkName}-${Environment}-${Cluster}-redis-${Purpose}-PrimaryAddress");
  CHECK(catalog::export_name(kQualified, "ttich", "prod", "eu1", "general") == "ttich-prod-eu1-redis-general-PrimaryAddress");
  CHECK_THROWS_AS(catalog::export_name_pattern(kQualified), std::logic_error);
  CHECK(catalog::export_output_id(catalog::Export{"x", "A-b_c", ""}) == "Abc");
}

TEST_CASE("the builder opens every template with the re-used parameters and closes it with VersionTag", "[stacks][builder]") {
  stacks::StackBuilder s("3.30.0"_v, "vpc");
  auto model = s.finish();
  const auto& params = model.tmpl.parameters();
  REQUIRE(params.size() == 3);
  CHECK(params[0].id() == "NetworkName");
  CHECK(params[1].id() == "Environment");
  CHECK(params[1].allowed_values() == std::vector<std::string>{"prod", "staging"});
  CHECK(params[2].id() == "Cluster");
  // Their lengths are bounded (as their patterns say), so documents that embed them can be sized.
  CHECK(params[0].max_length() == 20);
  CHECK(params[2].max_length() == 16);
  REQUIRE(model.tmpl.outputs().size() == 1);
  CHECK(model.tmpl.outputs()[0].id() == "VersionTag");
  CHECK(model.tmpl.outputs()[0].value() == Value("3.30.0"));
  CHECK(model.tmpl.description() == "1-1-vpc: VPC, subnets, NAT gateways and network load balancer "
                                    "(The Things Stack for AWS ECS, templates 3.30.0)");
}

TEST_CASE("flags are true/false strings with a condition created on first use", "[stacks][builder]") {
  stacks::StackBuilder s("3.30.0"_v, "vpc");
  auto& f = s.flag("SupportProxyTLS", false);
  CHECK(f.allowed_values() == std::vector<std::string>{"true", "false"});
  CHECK(*f.default_value() == Value("false"));
  CHECK(s.tmpl().find_condition("SupportProxyTLSCondition") == nullptr);
  const Condition& c = s.is_true(f);
  CHECK(c.id() == "SupportProxyTLSCondition");
  CHECK(&s.is_true(f) == &c);
  CHECK_THROWS_AS(s.choice("X", {"a", "b"}, "c"), std::logic_error);
}

TEST_CASE("imports and exports go through the catalog and are recorded", "[stacks][builder]") {
  stacks::StackBuilder s("3.30.0"_v, "bastion");
  Value subnets = s.import(exports::vpc::private_subnet_ids);
  CHECK(render::to_yaml(Value::map({{"K", subnets}})) ==
        "K: !Split\n  - ','\n  - Fn::ImportValue: !Sub ${NetworkName}-${Environment}-${Cluster}-PrivateSubnetIds\n");
  s.import(exports::vpc::private_subnet_ids);
  // A stack may only export what the catalog says it produces.
  CHECK_THROWS_AS(s.export_value(exports::vpc::vpc_id, "x"), std::logic_error);
  auto model = s.finish();
  CHECK(model.imports == std::vector<const catalog::Export*>{&exports::vpc::private_subnet_ids});
}
