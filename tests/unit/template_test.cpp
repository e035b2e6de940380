#include <catch2/catch.hpp>

#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/cfn/references.hpp"
#include "ttsgen/cfn/template.hpp"

using namespace ttsgen::cfn;

namespace {
std::vector<std::string> keys(const Value& map) {
  std::vector<std::string> k;
  for (const auto& e : map.entries()) k.push_back(e.key);
  return k;
}
}  // namespace

TEST_CASE("sections come in canonical order whatever the declaration order", "[cfn][template]") {
  Template t("d");
  auto& p = t.parameter("P", param_type::kString);
  t.output("O", ref(p));
  t.resource("R", "AWS::SNS::Topic");
  t.condition("C", equals(ref(p), "x"));
  t.mapping("M", Value::map({{"a", Value::map({{"b", "c"}})}}));
  t.rule("Ru").require(equals(ref(p), "x"), "must be x");
  CHECK(keys(t.to_value()) == std::vector<std::string>{"AWSTemplateFormatVersion", "Description", "Parameters", "Rules",
                                                       "Mappings", "Conditions", "Resources", "Outputs"});
}

TEST_CASE("resource attributes are in a fixed order with Type first", "[cfn][template]") {
  Template t;
  auto& c = t.condition("C", equals("a", "a"));
  auto& a = t.resource("A", "AWS::SNS::Topic");
  auto& b = t.resource("B", "AWS::S3::Bucket");
  b.set("BucketName", "x").metadata("Note", "n").update_replace_policy(Policy::Retain).deletion_policy(Policy::Retain);
  b.depends_on(a).condition(c);
  CHECK(keys(b.to_value()) == std::vector<std::string>{"Type", "Condition", "DependsOn", "DeletionPolicy",
                                                       "UpdateReplacePolicy", "Metadata", "Properties"});
  CHECK(*b.to_value().find("DependsOn") == Value("A"));
}

TEST_CASE("the console interface is derived from the parameters", "[cfn][template]") {
  Template t;
  t.parameter("A", param_type::kString).group("Second").label("Label A");
  t.parameter("B", param_type::kString).group("First");
  t.parameter("C", param_type::kString).group("Second");
  t.parameter("D", param_type::kString);  // no group: "Other parameters" in the console
  Value interface = *t.to_value().find("Metadata")->find("AWS::CloudFormation::Interface");
  const Value& groups = *interface.find("ParameterGroups");
  REQUIRE(groups.size() == 2);
  CHECK(*groups.items()[0].find("Label")->find("default") == Value("Second"));
  CHECK(*groups.items()[0].find("Parameters") == Value::strings({"A", "C"}));
  CHECK(*groups.items()[1].find("Parameters") == Value::strings({"B"}));
  CHECK(keys(*interface.find("ParameterLabels")) == std::vector<std::string>{"A"});
}

TEST_CASE("parameters carry their constraints", "[cfn][template]") {
  Template t;
  t.parameter("Count", param_type::kNumber).default_value(2).min_value(0).max_value(5).description("How many");
  t.parameter("Secret", param_type::kString).no_echo().min_length(8);
  Value params = *t.to_value().find("Parameters");
  CHECK(keys(*params.find("Count")) == std::vector<std::string>{"Type", "Description", "Default", "MinValue", "MaxValue"});
  CHECK(*params.find("Secret")->find("NoEcho") == Value(true));
}

TEST_CASE("logical ids are checked and unique among Ref targets", "[cfn][template]") {
  Template t;
  t.parameter("Name", param_type::kString);
  CHECK_THROWS_AS(t.resource("Name", "AWS::SNS::Topic"), std::logic_error);
  CHECK_THROWS_AS(t.parameter("Bad-Id", param_type::kString), std::logic_error);
  CHECK_THROWS_AS(t.parameter("", param_type::kString), std::logic_error);
  t.condition("Name", equals("a", "a"));  // conditions have a namespace of their own
  CHECK_THROWS_AS(t.condition("Name", equals("a", "a")), std::logic_error);
}

TEST_CASE("lint suppressions need a reason and land in the resource metadata", "[cfn][template]") {
  Template t;
  auto& r = t.resource("R", "AWS::SNS::Topic");
  CHECK_THROWS_AS(r.lint_suppress("W1", ""), std::logic_error);
  r.lint_suppress("W3005", "because");
  const Value resource = r.to_value();  // kept: `checks` points into it
  const Value* checks = resource.find("Metadata")->find("cfn-lint")->find("config")->find("ignore_checks");
  CHECK(*checks == Value::strings({"W3005"}));
}

TEST_CASE("the reference check finds every dangling name", "[cfn][references]") {
  Template t;
  auto& p = t.parameter("P", param_type::kString);
  auto& r = t.resource("R", "AWS::SNS::Topic");
  t.condition("Good", equals(ref(p), "x"));
  t.condition("UsesResource", equals(Value::function("Ref", "R"), "x"));
  auto& s = t.resource("S", "AWS::SNS::Topic");
  s.set("A", Value::function("Ref", "Missing"))
      .set("B", Value::function("Fn::GetAtt", Value::list({"Nope", "Arn"})))
      .set("C", sub("${P}-${R.TopicName}-${AWS::Region}-${!Literal}-${Ghost}"))
      .set("D", sub("${Local}", {{"Local", 1}}))
      .set("E", Value::function("Fn::If", Value::list({"NoSuchCondition", 1, 2})))
      .set("F", Value::function("Fn::FindInMap", Value::list({"NoMap", "a", "b"})))
      .set("G", sub("${Gone.Arn}"));
  s.depends_on(r);
  auto problems = check_references(t);
  std::vector<std::string> messages;
  for (const auto& pr : problems) messages.push_back(pr.path + ": " + pr.message);
  CHECK(messages == std::vector<std::string>{
                        "Conditions.UsesResource.Fn::Equals[0]: reference to resource 'R' where only parameters may be referenced",
                        "Resources.S.Properties.A: reference to undefined 'Missing'",
                        "Resources.S.Properties.B: Fn::GetAtt of undefined resource 'Nope'",
                        "Resources.S.Properties.C: reference to undefined 'Ghost'",
                        "Resources.S.Properties.E: undefined condition 'NoSuchCondition'",
                        "Resources.S.Properties.F: Fn::FindInMap of undefined mapping 'NoMap'",
                        "Resources.S.Properties.G: ${Gone.Arn} names undefined resource 'Gone'",
                    });
}

TEST_CASE("Fn::Sub variables are parsed with escapes", "[cfn][references]") {
  CHECK(sub_variables("a${B}c${D.E}${!F}${AWS::Region}") == std::vector<std::string>{"B", "D.E", "AWS::Region"});
  CHECK(sub_variables("no vars, $HOME and $(cmd)").empty());
}
