#include <catch2/catch.hpp>

#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/cfn/value.hpp"

using namespace ttsgen::cfn;

TEST_CASE("literals keep their kind", "[cfn][value]") {
  CHECK(Value().is_null());
  CHECK(Value(true).kind() == Value::Kind::Bool);
  CHECK(Value(42).kind() == Value::Kind::Integer);
  CHECK(Value("42").kind() == Value::Kind::String);  // a const char* is a string, never a bool
  CHECK(Value::number("0.5").kind() == Value::Kind::Number);
  CHECK(Value(42) != Value("42"));
  CHECK(Value(true) != Value("true"));
}

TEST_CASE("maps keep insertion order and replace keys in place", "[cfn][value]") {
  Value m = Value::map({{"B", 1}, {"A", 2}});
  m.set("C", 3);
  m.set("B", 4);
  REQUIRE(m.size() == 3);
  CHECK(m.entries()[0].key == "B");
  CHECK(m.entries()[0].value == Value(4));
  CHECK(m.entries()[1].key == "A");
  CHECK(m.entries()[2].key == "C");
  CHECK(m.find("A") != nullptr);
  CHECK(m.find("Z") == nullptr);
  CHECK(m.erase("A"));
  CHECK_FALSE(m.erase("A"));
  CHECK(m.size() == 2);
}

TEST_CASE("map equality is order-sensitive, as the rendered bytes are", "[cfn][value]") {
  CHECK(Value::map({{"A", 1}, {"B", 2}}) != Value::map({{"B", 2}, {"A", 1}}));
  CHECK(Value::map({{"A", 1}, {"B", 2}}) == Value::map({{"A", 1}, {"B", 2}}));
}

TEST_CASE("intrinsics are functions with one argument", "[cfn][value]") {
  Template t;
  auto& p = t.parameter("Env", param_type::kString);
  auto& r = t.resource("Bucket", "AWS::S3::Bucket");
  auto& c = t.condition("IsProd", equals(ref(p), "prod"));
  CHECK(ref(p) == Value::function("Ref", "Env"));
  CHECK(get_att(r, "Arn") == Value::function("Fn::GetAtt", Value::list({"Bucket", "Arn"})));
  CHECK(if_(c, 1, 2).argument().items()[0] == Value("IsProd"));
  CHECK(sub("${Env}", {{"X", 1}}).argument().is_list());
  CHECK(pseudo::no_value() == Value::function("Ref", "AWS::NoValue"));
  CHECK(describe(ref(p)) == "!Ref Env");
}

TEST_CASE("misuse of a value is a logic error", "[cfn][value]") {
  CHECK_THROWS_AS(Value("x").as_integer(), std::logic_error);
  Value list = Value::list();
  CHECK_THROWS_AS(list.set("k", 1), std::logic_error);
  Value map = Value::map();
  CHECK_THROWS_AS(map.push_back(1), std::logic_error);
}
