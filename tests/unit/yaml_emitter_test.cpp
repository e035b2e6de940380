#include <catch2/catch.hpp>

#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/render/render.hpp"

using namespace ttsgen::cfn;
using ttsgen::render::is_ambiguous_plain_scalar;
using ttsgen::render::parse_yaml;
using ttsgen::render::to_yaml;

namespace {
std::string one(const Value& v) { return to_yaml(Value::map({{"K", v}})); }
}  // namespace

TEST_CASE("YAML 1.1 and 1.2 ambiguous scalars are quoted and read back as strings", "[render][yaml]") {
  // Each of these, written plain, loads as a bool, null, number or date in PyYAML (cfn-lint) or
  // in a YAML 1.2 parser; CloudFormation would then see the wrong type.
  const char* ambiguous[] = {"yes", "No", "ON", "off", "y", "N", "true", "False", "null", "~", "",
                             "0755", "0o17", "0x1F", "0b101", "123", "-7", "+3", "1.0", ".5", "1e3", "1E-3",
                             "6.02e+23", ".inf", "-.Inf", ".NaN", "2010-09-09", "2001-12-14t21:59:43.10-05:00",
                             "12:30", "1:20:30", "<<", "="};
  for (const char* s : ambiguous) {
    INFO(s);
    CHECK(is_ambiguous_plain_scalar(s));
    std::string yaml = one(s);
    CHECK(yaml == "K: '" + std::string(s) + "'\n");
    CHECK(parse_yaml(yaml) == Value::map({{"K", s}}));
  }
}

TEST_CASE("ordinary strings stay plain", "[render][yaml]") {
  const char* plain[] = {"prod", "10.0.0.0/16", "3.30.0", "t3.micro", "AWS::EC2::VPC", "arn:aws:s3:::bucket/*",
                         "/aws/service/ami", "ok text", "v1.2.3-aws", "yesterday", "1.2.3.4", "0.0.0.0/0"};
  for (const char* s : plain) {
    INFO(s);
    CHECK_FALSE(is_ambiguous_plain_scalar(s));
    CHECK(one(s) == "K: " + std::string(s) + "\n");
    CHECK(parse_yaml(one(s)) == Value::map({{"K", s}}));
  }
}

TEST_CASE("strings that look like YAML syntax are quoted", "[render][yaml]") {
  const char* syntax[] = {" lead", "trail ", "a: b", "#comment", "- dash", "!tag", "&anchor", "*alias", "@at",
                          "`tick", "{brace", "[bracket", "|pipe", ">fold", "%percent", "'quote", "\"dq", "key:",
                          "a #b", "?q"};
  for (const char* s : syntax) {
    INFO(s);
    std::string yaml = one(s);
    CHECK(yaml.rfind("K: '", 0) == 0);
    CHECK(parse_yaml(yaml) == Value::map({{"K", s}}));
  }
}

TEST_CASE("non-string scalars are written plain", "[render][yaml]") {
  CHECK(one(true) == "K: true\n");
  CHECK(one(false) == "K: false\n");
  CHECK(one(1700) == "K: 1700\n");
  CHECK(one(-1) == "K: -1\n");
  CHECK(one(Value::number("0.5")) == "K: 0.5\n");
  CHECK(one(Value()) == "K: null\n");
  CHECK(parse_yaml(one(Value::number("0.5"))) == Value::map({{"K", Value::number("0.5")}}));
  CHECK(parse_yaml(one(1700)) == Value::map({{"K", 1700}}));
}

TEST_CASE("multi-line strings are literal blocks only where they round-trip", "[render][yaml]") {
  SECTION("text ending in one newline is a | block without a stray blank line") {
    std::string yaml = one("line 1\n  indented\nline 3\n");
    CHECK(yaml == "K: |\n  line 1\n    indented\n  line 3\n");
    CHECK(parse_yaml(yaml) == Value::map({{"K", "line 1\n  indented\nline 3\n"}}));
  }
  SECTION("a leading empty line is fine in a block") {
    std::string yaml = one("\nafter an empty line\n");
    CHECK(yaml == "K: |\n\n  after an empty line\n");
    CHECK(parse_yaml(yaml) == Value::map({{"K", "\nafter an empty line\n"}}));
  }
  // Each of these would change on read-back as a | block in yaml-cpp 0.7: no final newline
  // (clip adds one), extra final newlines (clip drops them), a first line starting with a blank
  // (no indentation indicator), trailing blanks, a tab-only oddity, control characters.
  const char* not_literal[] = {"no final newline\nx", "two\n\n", "three\n\n\n", " leading\nx\n", "trailing \nx\n",
                               "bell\a\n", "cr\r\n"};
  for (const char* s : not_literal) {
    INFO(s);
    std::string yaml = one(s);
    CHECK(yaml.rfind("K: \"", 0) == 0);
    CHECK(parse_yaml(yaml) == Value::map({{"K", s}}));
  }
}

TEST_CASE("intrinsics use short forms, long form where two would stack", "[render][yaml]") {
  Template t;
  auto& p = t.parameter("Env", param_type::kString);
  auto& r = t.resource("Vpc", "AWS::EC2::VPC");
  auto& c = t.condition("IsProd", equals(ref(p), "prod"));
  CHECK(one(ref(p)) == "K: !Ref Env\n");
  CHECK(one(get_att(r, "CidrBlock")) == "K: !GetAtt Vpc.CidrBlock\n");
  CHECK(one(get_att(r, "Endpoint.Address")) == "K: !GetAtt Vpc.Endpoint.Address\n");
  CHECK(one(sub("${Env}-x")) == "K: !Sub ${Env}-x\n");
  CHECK(one(if_(c, "a", pseudo::no_value())) == "K: !If [IsProd, a, !Ref AWS::NoValue]\n");
  CHECK(one(select(0, get_azs(""))) == "K: !Select [0, !GetAZs '']\n");
  CHECK(one(import_value(sub("${Env}-VpcId"))) == "K:\n  Fn::ImportValue: !Sub ${Env}-VpcId\n");
  CHECK(one(base64(sub("#!/bin/bash\necho ${Env}\n"))) == "K:\n  Fn::Base64: !Sub |\n    #!/bin/bash\n    echo ${Env}\n");
  CHECK(one(not_(equals(ref(p), ""))) == "K: !Not [!Equals [!Ref Env, '']]\n");
  CHECK(one(join("", Value::list({"arn:aws:s3:::", ref(r), "/*"}))) == "K: !Join ['', ['arn:aws:s3:::', !Ref Vpc, /*]]\n");
  CHECK(one(sub("${A}", {{"A", ref(p)}})) == "K: !Sub\n  - ${A}\n  - A: !Ref Env\n");
}

TEST_CASE("intrinsics nested inside intrinsics keep every level", "[render][yaml]") {
  // goformation #551: a Ref inside a Join was lost. Every level must survive a round trip.
  Template t;
  auto& p = t.parameter("Env", param_type::kString);
  auto& c = t.condition("C", equals(ref(p), "x"));
  Value nested = join(",", Value::list({if_(c, ref(p), sub("${Env}")), select(1, split(",", import_value(sub("${Env}-L")))),
                                        base64(join("", Value::list({ref(p)})))}));
  Value doc = Value::map({{"K", nested}});
  CHECK(parse_yaml(to_yaml(doc)) == doc);
}

TEST_CASE("long lists and lists of maps are block sequences", "[render][yaml]") {
  Value long_list = Value::list();
  for (int i = 0; i < 20; ++i) long_list.push_back("item-number-" + std::to_string(i));
  std::string yaml = one(long_list);
  CHECK(yaml.rfind("K:\n  - item-number-0\n", 0) == 0);
  CHECK(one(Value::list({Value::map({{"A", 1}})})) == "K:\n  - A: 1\n");
  CHECK(one(Value::list()) == "K: []\n");
  CHECK(one(Value::map()) == "K: {}\n");
}

TEST_CASE("keys are quoted like values", "[render][yaml]") {
  CHECK(to_yaml(Value::map({{"Y", 1}, {"on", 2}, {"80", 3}})) == "'Y': 1\n'on': 2\n'80': 3\n");
}

TEST_CASE("a function at the top of a document takes the shape of its argument", "[render][yaml]") {
  // The diff renders sub-trees on their own; a top-level !If over maps once threw
  // "mapping inside a flow sequence".
  Template t;
  auto& c = t.condition("C", equals("a", "a"));
  Value top = if_(c, Value::map({{"A", 1}}), pseudo::no_value());
  std::string yaml = to_yaml(top);
  CHECK(yaml == "!If\n- C\n- A: 1\n- !Ref AWS::NoValue\n");
  CHECK(parse_yaml(yaml) == top);
  Value long_form = import_value(sub("${X}"));
  CHECK(to_yaml(long_form) == "Fn::ImportValue: !Sub ${X}\n");
  CHECK(parse_yaml(to_yaml(long_form)) == long_form);
  Value block = sub("line 1\nline 2\n");
  CHECK(parse_yaml(to_yaml(block)) == block);
}
