// Structural comparison of value trees.
#include "ttsgen/diff/value_diff.hpp"

#include <catch2/catch.hpp>

#include "ttsgen/cfn/intrinsics.hpp"

using namespace ttsgen::diff;
using ttsgen::cfn::Value;

TEST_CASE("key order is not a difference", "[diff][value]") {
  Value a = Value::map({{"A", 1}, {"B", 2}});
  Value b = Value::map({{"B", 2}, {"A", 1}});
  CHECK(diff_values(a, b).empty());
}

TEST_CASE("changes are reported at the deepest differing path", "[diff][value]") {
  Value tags_before = Value::list({Value::map({{"Key", "Name"}, {"Value", "a"}}), Value::map({{"Key", "Env"}, {"Value", "prod"}})});
  Value tags_after = Value::list({Value::map({{"Key", "Name"}, {"Value", "a"}}), Value::map({{"Key", "Env"}, {"Value", "staging"}})});
  Value before = Value::map({{"Properties", Value::map({{"Tags", tags_before}, {"Old", true}})}});
  Value after = Value::map({{"Properties", Value::map({{"Tags", tags_after}, {"New", 3}})}});
  auto changes = diff_values(before, after);
  REQUIRE(changes.size() == 3);
  CHECK(to_string(changes[0].path) == "Properties.Tags[1].Value");
  CHECK(changes[0].before == Value("prod"));
  CHECK(changes[0].after == Value("staging"));
  CHECK(schema_pointer(changes[0].path) == "/properties/Tags/*/Value");
  CHECK(to_string(changes[1].path) == "Properties.Old");
  CHECK_FALSE(changes[1].after.has_value());
  CHECK(to_string(changes[2].path) == "Properties.New");
  CHECK_FALSE(changes[2].before.has_value());
}

TEST_CASE("lists of scalars, lists that change length and intrinsics are whole values", "[diff][value]") {
  auto changes = diff_values(Value::strings({"a", "b"}), Value::strings({"a", "c"}));
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].path.empty());

  Value one = Value::list({Value::map({{"A", 1}})});
  Value two = Value::list({Value::map({{"A", 1}}), Value::map({{"A", 2}})});
  REQUIRE(diff_values(one, two).size() == 1);

  Value ref_a = Value::function("Ref", "A");
  Value if_ab = Value::function("Fn::If", Value::list({"C", Value::function("Ref", "B"), Value::function("Ref", "A")}));
  changes = diff_values(Value::map({{"ImageId", ref_a}}), Value::map({{"ImageId", if_ab}}));
  REQUIRE(changes.size() == 1);
  CHECK(to_string(changes[0].path) == "ImageId");
  CHECK(has_intrinsics(*changes[0].after));
  CHECK_FALSE(has_intrinsics(Value::map({{"A", Value::strings({"x"})}})));
}

TEST_CASE("paths print unambiguously and find their node", "[diff][value]") {
  Path p = key_path({"Resources", "Bucket", "Metadata", "cfn-lint"});
  CHECK(to_string(p) == "Resources.Bucket.Metadata[\"cfn-lint\"]");
  CHECK(schema_pointer(key_path({"DeletionPolicy"})).empty());
  Value doc = Value::map({{"A", Value::list({Value::map({{"B", "x"}})})}});
  Path inside{PathSegment{"A", std::nullopt}, PathSegment{"", 0}, PathSegment{"B", std::nullopt}};
  REQUIRE(find_path(doc, inside) != nullptr);
  CHECK(*find_path(doc, inside) == Value("x"));
  CHECK(find_path(doc, key_path({"A", "B"})) == nullptr);
}
