// Every YAML render must read back with ttsgen's own reader (yaml-cpp), which `validate`,
// `diff --dir` and `render --check` rely on, not only with PyYAML.
#include <catch2/catch.hpp>

#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/render/render.hpp"

using namespace ttsgen;
using cfn::Value;

TEST_CASE("a multi-line Fn::Sub as a list item reads back", "[render][yaml]") {
  // yaml-cpp's parser cannot read the "- !Sub |" that yaml-cpp writes; the libyaml reader can.
  Value text = cfn::sub("console:\n  ui: ${Domain}\n");
  Value doc = Value::map({{"A", Value::function("Fn::If", Value::list({"C", text, Value::function("Ref", "AWS::NoValue")}))},
                          {"B", Value::function("Fn::Join", Value::list({"", Value::list({text, "tail"})}))},
                          {"C", Value::list({Value::function("Fn::Base64", "line one\nline two\n")})}});
  std::string yaml = render::to_yaml(doc);
  INFO(yaml);
  CHECK(yaml.find("- !Sub |") != std::string::npos);
  CHECK(render::parse_yaml(yaml) == doc);
  // One-line strings keep the short form.
  Value short_item = Value::map({{"A", Value::list({cfn::sub("${X}-y")})}});
  CHECK(render::to_yaml(short_item).find("Fn::Sub") == std::string::npos);
}

TEST_CASE("the YAML reader resolves scalars, tags, long forms and anchors", "[render][yaml]") {
  Value doc = render::parse_yaml(
      "a: yes\nb: '10'\nc: 10\nd: 1.5\ne: ~\nf: !GetAtt R.Arn\ng: {Ref: X}\nh: !If [C, &x [1, 2], *x]\n"
      "i: |\n  text\nj: !GetAZs ''\nk: \"q\"\nl: -7\n");
  CHECK(*doc.find("a") == Value(true));
  CHECK(*doc.find("b") == Value("10"));
  CHECK(*doc.find("c") == Value(10));
  CHECK(*doc.find("d") == Value::number("1.5"));
  CHECK(doc.find("e")->is_null());
  CHECK(*doc.find("f") == Value::function("Fn::GetAtt", Value::list({"R", "Arn"})));
  CHECK(*doc.find("g") == Value::function("Ref", "X"));
  CHECK(*doc.find("h") == Value::function("Fn::If", Value::list({"C", Value::list({1, 2}), Value::list({1, 2})})));
  CHECK(*doc.find("i") == Value("text\n"));
  CHECK(*doc.find("j") == Value::function("Fn::GetAZs", ""));
  CHECK(*doc.find("k") == Value("q"));
  CHECK(*doc.find("l") == Value(-7));
  CHECK_THROWS_AS(render::parse_yaml("a: [1, 2\n"), render::ParseError);
  CHECK(render::parse_yaml("").is_null());
}
