#include <catch2/catch.hpp>

#include "ttsgen/check/contracts.hpp"
#include "ttsgen/render/render.hpp"

using namespace ttsgen;
using check::names_match;

namespace {

const char* kTemplate = R"(
Parameters:
  NetworkName: {Type: String}
  Environment: {Type: String}
  Cluster: {Type: String}
  Purpose: {Type: String, AllowedValues: [general, cache]}
  Free: {Type: String}
Conditions:
  On: !Equals [!Ref Free, x]
Resources:
  A:
    Type: AWS::SNS::Topic
    Properties:
      TopicName:
        Fn::ImportValue: !Sub ${NetworkName}-${Environment}-${Cluster}-VpcId
      DisplayName: !If
        - On
        - Fn::ImportValue: !Sub ${NetworkName}-${Environment}-${Cluster}-redis-${Purpose}-Port
        - !Ref AWS::NoValue
  B:
    Type: AWS::SNS::Topic
    Condition: On
    Properties:
      TopicName:
        Fn::ImportValue: !Sub ${NetworkName}-${Environment}-${Cluster}-x-${Free}-Key
Outputs:
  Out:
    Value: !Ref A
    Export:
      Name: !Sub ${NetworkName}-${Environment}-${Cluster}-Topic
  Bad:
    Value: !Ref A
    Export:
      Name: !Sub ${A}-Topic
)";

}  // namespace

TEST_CASE("imports and exports are read with their conditions and expansions", "[check][contracts]") {
  auto doc = render::parse_yaml(kTemplate);
  auto c = check::contracts_of(doc);
  REQUIRE(c.imports.size() == 3);
  CHECK(c.imports[0].logical_id == "A");
  CHECK(c.imports[0].path == "Resources.A.Properties.TopicName");
  CHECK_FALSE(c.imports[0].conditional);
  CHECK(c.imports[0].name.expansions == std::vector<std::string>{"${NetworkName}-${Environment}-${Cluster}-VpcId"});
  // Inside Fn::If: conditional, and the qualifier is expanded over its allowed values.
  CHECK(c.imports[1].conditional);
  CHECK(c.imports[1].name.expansions == std::vector<std::string>{"${NetworkName}-${Environment}-${Cluster}-redis-general-Port",
                                                                  "${NetworkName}-${Environment}-${Cluster}-redis-cache-Port"});
  // A resource with a Condition; a parameter without AllowedValues becomes the wildcard.
  CHECK(c.imports[2].conditional);
  CHECK(c.imports[2].name.expansions == std::vector<std::string>{"${NetworkName}-${Environment}-${Cluster}-x-${*}-Key"});

  REQUIRE(c.exports.size() == 2);
  CHECK(c.exports[0].path == "Outputs.Out.Export.Name");
  CHECK(c.exports[0].name.problem.empty());
  CHECK(c.exports[1].name.problem == "the name uses resource 'A'; import and export names may use only parameters");
}

TEST_CASE("an exporter's wildcard matches any qualifier; an importer's only a wildcard", "[check][contracts]") {
  CHECK(names_match("a-redis-${*}-Port", "a-redis-general-Port"));
  CHECK(names_match("a-redis-${*}-Port", "a-redis-${*}-Port"));
  CHECK_FALSE(names_match("a-redis-${*}-Port", "a-redis--Port"));
  CHECK_FALSE(names_match("a-redis-general-Port", "a-redis-${*}-Port"));
  CHECK(names_match("a-VpcId", "a-VpcId"));
  CHECK_FALSE(names_match("a-VpcId", "a-VpcID"));
}
