// Every YAML render must read back with ttsgen's own reader (yaml-cpp), which `validate`,
// `diff --dir` and `render --check` rely on, not only with PyYAML.
#include <catch2/catch.hpp>

#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/render/render.hpp"

using namespace ttsgen;
using cfn::Value;

TEST_CASE("a multi-line Fn::Sub as a list item reads back", "[render][yaml]") {
  // yaml-cpp cannot read "- !Sub |" back; the emitter writes "- Fn::Sub: |" there.
  Value text = cfn::sub("console:\n  ui: ${Domain}\n");
  Value doc = Value::map({{"A", Value::function("Fn::If", Value::list({"C", text, Value::function("Ref", "AWS::NoValue")}))},
                          {"B", Value::function("Fn::Join", Value::list({"", Value::list({text, "tail"})}))},
                          {"C", Value::list({Value::function("Fn::Base64", "line one\nline two\n")})}});
  std::string yaml = render::to_yaml(doc);
  INFO(yaml);
  CHECK(yaml.find("- Fn::Sub: |") != std::string::npos);
  CHECK(render::parse_yaml(yaml) == doc);
  // One-line strings keep the short form.
  Value short_item = Value::map({{"A", Value::list({cfn::sub("${X}-y")})}});
  CHECK(render::to_yaml(short_item).find("Fn::Sub") == std::string::npos);
}
