// Reading back a tagged block scalar that is a sequence item (an Fn::If branch holding a !Sub
// document), which yaml-cpp 0.7 alone refuses (jbeder/yaml-cpp#1163).
#include <catch2/catch.hpp>

#include "ttsgen/render/render.hpp"

using namespace ttsgen::render;
using ttsgen::cfn::Value;

TEST_CASE("a !Sub block as an Fn::If branch reads back", "[render][yaml]") {
  Value doc = Value::map({{"Value", Value::function("Fn::If", Value::list({"C", Value::function("Fn::Sub", "console:\n  ui:\n    url: https://${Domain}/console\n\n  z: 1\n"), "plain"}))}});
  std::string yaml = to_yaml(doc);
  REQUIRE(yaml.find("  - !Sub |\n    console:\n") != std::string::npos);  // the shape yaml-cpp 0.7 cannot read
  CHECK(parse_yaml(yaml) == doc);
  CHECK(parse_template(yaml) == doc);
}

TEST_CASE("widening a block does not change what follows it", "[render][yaml]") {
  std::string yaml = "A:\n- !Sub |\n  x: 1\n\n  y: 2\n- after\nB: !Sub |\n  kept\n";
  Value v = parse_yaml(yaml);
  const Value* a = v.find("A");
  REQUIRE(a != nullptr);
  REQUIRE(a->size() == 2);
  CHECK(a->items()[0] == Value::function("Fn::Sub", "x: 1\n\ny: 2\n"));
  CHECK(a->items()[1] == Value("after"));
  CHECK(*v.find("B") == Value::function("Fn::Sub", "kept\n"));
}
