#include <catch2/catch.hpp>

#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/stacks/configuration.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using stacks::config::YamlTree;

TEST_CASE("release markers keep a line and its block only in their releases", "[configuration]") {
  const char* doc =
      "# a comment\n"
      "a:\n"
      "  b: 1\n"
      "  c:  # since 3.28.0\n"
      "    d: 2\n"
      "  e: 3  # until 3.29.2\n"
      "  list:\n"
      "    - x\n"
      "    - y  # since 3.30.0\n"
      "f: 4\n";
  CHECK(stacks::config::select_release(doc, "3.27.0"_v) == "a:\n  b: 1\n  e: 3\n  list:\n    - x\nf: 4\n");
  CHECK(stacks::config::select_release(doc, "3.30.0"_v) == "a:\n  b: 1\n  c:\n    d: 2\n  list:\n    - x\n    - y\nf: 4\n");
  CHECK_THROWS_AS(stacks::config::select_release("a: 1  # sometime 3.1.0\n", "3.30.0"_v), std::logic_error);
  CHECK_THROWS_AS(stacks::config::select_release("a: 1  # since 3.x\n", "3.30.0"_v), std::logic_error);
}

TEST_CASE("markers can name a changelog entry of the catalog", "[configuration]") {
  // kTTGPListener is 3.32.0; kGSGatewayTokensHashKeyConfigRemoved is 3.30.0.
  const char* doc =
      "a: 1  # since kTTGPListener\n"
      "b: 2  # before kGSGatewayTokensHashKeyConfigRemoved\n"
      "c: 3\n";
  CHECK(stacks::config::select_release(doc, "3.29.2"_v) == "b: 2\nc: 3\n");
  CHECK(stacks::config::select_release(doc, "3.30.0"_v) == "c: 3\n");
  CHECK(stacks::config::select_release(doc, "3.32.0"_v) == "a: 1\nc: 3\n");
  // A name that is not in the catalog is an error, not a line that never exists.
  CHECK_THROWS_AS(stacks::config::select_release("a: 1  # since kNoSuchChange\n", "3.30.0"_v), std::logic_error);
  CHECK_THROWS_AS(stacks::config::select_release("a: 1  # before\n", "3.30.0"_v), std::logic_error);
}

TEST_CASE("settings join the document at their dotted keys", "[configuration]") {
  YamlTree tree = YamlTree::parse("gs:\n  udp:\n    a: 1\n  list:\n    - x\nns:\n  b: 2\n");
  tree.set("gs.udp.c", "${C}");
  tree.set("gs.mqtt.d", "4");
  tree.set("js.e", "[${E}]");
  CHECK(tree.has("gs.udp.a"));
  CHECK_FALSE(tree.has("gs.udp.z"));
  CHECK(tree.str() == "gs:\n  udp:\n    a: 1\n    c: ${C}\n  list:\n    - x\n  mqtt:\n    d: 4\nns:\n  b: 2\njs:\n  e: [${E}]\n");
  // A setting lives in one place.
  CHECK_THROWS_AS(tree.set("gs.udp.a", "5"), std::logic_error);
  CHECK_THROWS_AS(tree.set("gs.udp.a.b", "5"), std::logic_error);
  CHECK_THROWS_AS(tree.set("gs.udp", "5"), std::logic_error);
  CHECK_THROWS_AS(YamlTree::parse("a: 1\na: 2\n"), std::logic_error);
  CHECK_THROWS_AS(YamlTree::parse("a:\n- x\n"), std::logic_error);
  CHECK_THROWS_AS(YamlTree::parse("a\n"), std::logic_error);
}

TEST_CASE("the resolved size of a value is bounded by its parameters", "[configuration]") {
  cfn::Template t;
  t.parameter("Text", "String").max_length(10);
  t.parameter("Count", "Number").min_value(0).max_value(1000);
  t.parameter("Mode", "String").allowed_values({"memory", "redis"});
  t.parameter("Free", "String");
  auto& on = t.condition("On", cfn::equals(cfn::ref(*t.find_parameter("Mode")), "redis"));
  using cfn::Value;
  CHECK(stacks::config::max_resolved_size(t, cfn::sub("a${Text}b")) == 12);
  CHECK(stacks::config::max_resolved_size(t, cfn::sub("${Count}${Mode}${!Literal}")) == 4 + 6 + 10);
  CHECK(stacks::config::max_resolved_size(t, cfn::sub("x${V}", {{"V", cfn::if_(on, "long value", "")}})) == 11);
  CHECK(stacks::config::max_resolved_size(t, cfn::sub("${AWS::Region}")) == 32);
  CHECK_THROWS_AS(stacks::config::max_resolved_size(t, cfn::sub("${Free}")), std::logic_error);
}
