#include <catch2/catch.hpp>

#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/render/render.hpp"

using namespace ttsgen::cfn;
using namespace ttsgen::render;

TEST_CASE("JSON is two-space indented, in model order, with long-form intrinsics", "[render][json]") {
  Template t;
  auto& p = t.parameter("Env", param_type::kString);
  Value doc = Value::map({{"Z", ref(p)}, {"A", Value::list({1, "yes", true})}});
  CHECK(to_json(doc) ==
        "{\n"
        "  \"Z\": {\n"
        "    \"Ref\": \"Env\"\n"
        "  },\n"
        "  \"A\": [\n"
        "    1,\n"
        "    \"yes\",\n"
        "    true\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("JSON and YAML renders parse back to the same tree", "[render][json][yaml]") {
  Template t("round trip");
  auto& p = t.parameter("Env", param_type::kString).allowed_values({"prod", "staging"}).group("G").label("L");
  auto& c = t.condition("IsProd", equals(ref(p), "prod"));
  auto& r = t.resource("Topic", "AWS::SNS::Topic");
  r.condition(c).set("TopicName", sub("${Env}-alarms")).set("Count", 3).set("Ratio", Value::number("0.25"));
  r.set("Script", base64(sub("#!/bin/sh\necho '${Env}'\n"))).set("Tricky", Value::list({"0755", "on", "", "a: b"}));
  t.output("Arn", ref(r)).export_name(sub("${Env}-TopicArn")).condition(c);
  Value doc = t.to_value();
  CHECK(parse_json(to_json(doc)) == doc);
  CHECK(parse_yaml(to_yaml(doc)) == doc);
  CHECK(parse_template(to_json(doc)) == doc);
  CHECK(parse_template(to_yaml(doc)) == doc);
}

TEST_CASE("bad input is a parse error, not a crash", "[render]") {
  CHECK_THROWS_AS(parse_json("{\"a\": "), ParseError);
  CHECK_THROWS_AS(parse_yaml("a: [1, 2"), ParseError);
  CHECK(parse_format("yaml") == Format::Yaml);
  CHECK(parse_format("json") == Format::Json);
  CHECK_FALSE(parse_format("xml").has_value());
}
