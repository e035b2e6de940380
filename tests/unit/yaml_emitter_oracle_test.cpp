// render::to_yaml lays out YAML itself; it must write exactly what the former yaml-cpp-based
// emitter (yaml_oracle.hpp) writes: for every template of every release, and for random documents
// built from the shapes and strings that templates use.
#include <catch2/catch.hpp>

#include <random>

#include "ttsgen/catalog/version.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/release_set.hpp"
#include "yaml_oracle.hpp"

using namespace ttsgen;
using cfn::Value;

namespace {

const std::vector<std::string> kStrings{
    "prod", "a b", "x: y", "a:b", "arn:aws:s3:::x/*", "${AWS::Region}", "${NetworkName}-${Cluster}", "#c", "a #b", "a#b",
    "-x", "- x", "?x", "yes", "10", "1.5", "", "~", "null", "it's", "say \"hi\"", "back\\slash", "tab\there", "é ü",
    "line1\nline2\n", "  lead\n", "l1\n\nl3\n", "no end\nnewline", "{x}", "[y]", "a,b", "*star", "&amp", "!bang", "%p",
    "@at", "`t", "trailing ", "x:", "0.0.0.0/0", "3.35.2", "a\x01b", "\xc2\x85", "x{", "x}", "x]", "x[", "x,y", "x?y"};
const std::vector<std::string> kFunctions{"Ref", "Fn::Sub", "Fn::If", "Fn::Join", "Fn::GetAtt", "Fn::Select", "Fn::ImportValue",
                                          "Fn::Base64", "Fn::Split", "Condition", "Fn::Equals"};

class Random {
 public:
  explicit Random(unsigned seed) : rng_(seed) {}

  Value value(int depth) {
    int pick = below(depth <= 0 ? 5 : 9);
    switch (pick) {
      case 0: return Value(string());
      case 1: return Value(static_cast<int>(below(2000)) - 1000);
      case 2: return Value(below(2) == 0);
      case 3: return below(3) == 0 ? Value() : Value::number("1.25");
      case 4: return Value(string());
      case 5: case 6: {
        Value m = Value::map();
        for (int i = below(4); i >= 0; --i) m.set(key(), value(depth - 1));
        return below(8) == 0 ? Value::map() : m;
      }
      case 7: {
        Value l = Value::list();
        for (int i = below(4); i >= 0; --i) l.push_back(value(depth - 1));
        return below(8) == 0 ? Value::list() : l;
      }
      default: {
        const std::string& f = kFunctions[static_cast<std::size_t>(below(static_cast<int>(kFunctions.size())))];
        if (f == "Fn::GetAtt" && below(2) == 0) return Value::function(f, Value::list({"Res", "Attr.Name"}));
        return Value::function(f, value(depth - 1));
      }
    }
  }

 private:
  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::string string() { return kStrings[static_cast<std::size_t>(below(static_cast<int>(kStrings.size())))]; }
  // Keys are one line (logical ids, property names, mapping keys).
  std::string key() {
    std::string k = below(3) == 0 ? string() : "Key" + std::to_string(below(50));
    return k.find('\n') == std::string::npos ? k : "Key";
  }
  std::mt19937 rng_;
};

// The oracle throws for what the emitter refuses (a map in a flow list); both must agree on that.
std::optional<std::string> oracle(const Value& doc) {
  try {
    return test::oracle::to_yaml(doc);
  } catch (const std::logic_error&) {
    return std::nullopt;
  }
}

// The first line where two texts differ, with its neighbours, for a readable failure.
std::string first_difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  std::size_t from = a.rfind('\n', i > 200 ? i - 200 : 0);
  from = from == std::string::npos ? 0 : from;
  return "expected:\n" + b.substr(from, 400) + "\n---- got:\n" + a.substr(from, 400);
}

}  // namespace

TEST_CASE("the YAML writer writes what yaml-cpp wrote, for every release", "[render][yaml][oracle]") {
  for (const auto& v : catalog::supported_releases()) {
    for (auto& b : stacks::build_release(v)) {
      Value doc = b.model.tmpl.to_value();
      std::string got = render::to_yaml(doc), expected = test::oracle::to_yaml(doc);
      INFO(v.str() << " " << b.name << "\n" << first_difference(got, expected));
      CHECK(got == expected);
    }
  }
}

TEST_CASE("the YAML writer writes what yaml-cpp wrote, for random documents", "[render][yaml][oracle]") {
  Random random(20261126);
  for (int i = 0; i < 10000; ++i) {
    Value doc = Value::map({{"Root", random.value(5)}, {"Other", random.value(3)}});
    auto expected = oracle(doc);
    if (!expected) {
      CHECK_THROWS_AS(render::to_yaml(doc), std::logic_error);
      continue;
    }
    std::string got = render::to_yaml(doc);
    INFO(first_difference(got, *expected));
    REQUIRE(got == *expected);
  }
}
