// The template readers against hostile input: every case ends in a one-line ParseError within
// the reader's bounds (render.hpp), never a crash, a hang or gigabytes of memory.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "ttsgen/cfn/value.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/util/files.hpp"

namespace {

using ttsgen::cfn::Value;
using ttsgen::render::parse_json;
using ttsgen::render::parse_template;
using ttsgen::render::parse_yaml;
using ttsgen::render::ParseError;
namespace fs = std::filesystem;

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The message of the ParseError that parsing `text` throws ("" if none).
template <typename Parse>
std::string refusal(Parse parse, const std::string& text) {
  try {
    parse(text);
  } catch (const ParseError& e) {
    return e.what();
  }
  return "";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("10,000 nested brackets are refused, not a stack overflow", "[reader]") {
  std::string deep = repeat("[", 10000);
  CHECK_THAT(refusal(parse_yaml, deep), Catch::Contains("nesting deeper than 100 levels"));
  CHECK_THAT(refusal(parse_json, deep), Catch::Contains("nesting deeper than 100 levels"));
  CHECK_THAT(refusal(parse_yaml, repeat("{a: ", 10000)), Catch::Contains("nesting deeper than 100 levels"));
  CHECK_THAT(refusal(parse_json, repeat("{\"a\": ", 10000)), Catch::Contains("nesting deeper than 100 levels"));
  // At the bound itself it still reads.
  CHECK_NOTHROW(parse_json(repeat("[", 100) + repeat("]", 100)));
  CHECK_NOTHROW(parse_yaml(repeat("[", 100) + repeat("]", 100)));
}

TEST_CASE("billion laughs: aliases count as what they repeat", "[reader]") {
  // Nine levels of ten aliases each: 10^9 strings if expanded.
  std::string yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'i'; prev = c, ++c)
    yaml += std::string(1, c) + ": &" + c + " [" + repeat(std::string("*") + prev + ",", 9) + "*" + prev + "]\n";
  auto start = std::chrono::steady_clock::now();
  CHECK_THAT(refusal(parse_yaml, yaml), Catch::Contains("more than 1000000 values (aliases expanded)"));
  CHECK(seconds_since(start) < 5);
  // A modest alias still works.
  CHECK(parse_yaml("a: &x [1, 2]\nb: *x\n") == Value::map({{"a", Value::list({1, 2})}, {"b", Value::list({1, 2})}}));
}

TEST_CASE("duplicate keys are errors in YAML and JSON", "[reader]") {
  CHECK_THAT(refusal(parse_yaml, "Resources:\n  A: 1\n  A: 2\n"), Catch::Contains("duplicate key 'A' at line 3"));
  CHECK_THAT(refusal(parse_json, R"({"Resources": {"A": 1, "A": 2}})"), Catch::Contains("duplicate key 'A'"));
  // The same key in two maps is fine.
  CHECK_NOTHROW(parse_yaml("A: {K: 1}\nB: {K: 2}\n"));
}

TEST_CASE("unknown tags are errors; CloudFormation's short forms and standard tags are not", "[reader]") {
  CHECK_THAT(refusal(parse_yaml, "A: !Bogus x\n"), Catch::Contains("unknown tag '!Bogus' at line 1"));
  CHECK_THAT(refusal(parse_yaml, "A: !Bogus [1]\n"), Catch::Contains("unknown tag '!Bogus'"));
  CHECK_THAT(refusal(parse_yaml, "A: !<tag:example.com,2000:x> 1\n"), Catch::Contains("unknown tag"));
  CHECK(parse_yaml("A: !Ref B\n") == Value::map({{"A", Value::function("Ref", "B")}}));
  CHECK(parse_yaml("A: !!str 10\n") == Value::map({{"A", "10"}}));
  CHECK(parse_yaml("A: !Length [1]\n").find("A")->is_function("Fn::Length"));
}

TEST_CASE("numbers beyond 64 bits do not leak stoll", "[reader]") {
  Value v = parse_yaml("A: 123456789012345678901234567890\n");
  CHECK(*v.find("A") == Value::number("123456789012345678901234567890"));
  CHECK(*parse_yaml("A: 9223372036854775807\n").find("A") == Value(INT64_MAX));
  CHECK(*parse_yaml("A: +5\n").find("A") == Value(5));
  CHECK(*parse_json(R"({"A": 18446744073709551615})").find("A") == Value::number("18446744073709551615"));
}

TEST_CASE("syntax errors are one line naming the place", "[reader]") {
  std::string yaml = refusal(parse_yaml, "A: [1, 2\nB: 3\n");
  CHECK_THAT(yaml, Catch::StartsWith("YAML: error at line"));
  std::string json = refusal(parse_json, "{not json");
  CHECK_THAT(json, Catch::StartsWith("JSON: parse error at line 1, column 3"));
  CHECK(json.find('\n') == std::string::npos);
}

TEST_CASE("300k resources: map lookups stay fast and keep the order", "[reader][value]") {
  std::string yaml = "Resources:\n";
  for (int i = 0; i < 300000; ++i) yaml += "  R" + std::to_string(i) + ": AWS::SNS::Topic\n";  // 2 values each: within kMaxNodes
  auto start = std::chrono::steady_clock::now();
  Value doc = parse_template(yaml);
  const Value& resources = *doc.find("Resources");
  REQUIRE(resources.size() == 300000);
  CHECK(resources.entries()[0].key == "R0");
  CHECK(resources.entries()[299999].key == "R299999");
  for (int i = 0; i < 300000; i += 7) REQUIRE(resources.find("R" + std::to_string(i)) != nullptr);
  CHECK(resources.find("R300000") == nullptr);
  CHECK(seconds_since(start) < 30);  // was 190 s with linear lookups; ASan builds are slower
}

TEST_CASE("Value's key index follows set, erase and copies", "[value]") {
  Value m = Value::map();
  for (int i = 0; i < 40; ++i) m.set("K" + std::to_string(i), i);
  m.set("K3", 300);  // replaced in place
  CHECK(m.entries()[3].value == Value(300));
  CHECK(m.erase("K0"));
  CHECK(!m.erase("K0"));
  CHECK(m.find("K0") == nullptr);
  CHECK(*m.find("K39") == Value(39));
  CHECK(m.entries().front().key == "K1");
  Value copy = m;
  copy.set("K39", -1);
  CHECK(*m.find("K39") == Value(39));
  CHECK(*copy.find("K39") == Value(-1));
  // Renaming through the mutable entries drops the index; lookups then see the new key.
  copy.entries()[0].key = "Renamed";
  CHECK(copy.find("Renamed") != nullptr);
  CHECK(copy.find("K1") == nullptr);
  copy.set("New", 1);
  CHECK(copy.entries().back().key == "New");
  CHECK(copy.find("Renamed") != nullptr);
}

TEST_CASE("input files: regular files of bounded size only", "[reader][files]") {
  fs::path dir = fs::temp_directory_path() / ("ttsgen-reader-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  using ttsgen::util::InputError;
  using ttsgen::util::read_input_file;

  fs::path fifo = dir / "fifo.gen.template";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(read_input_file(fifo, 100), Catch::Contains("is not a regular file"));
  CHECK(!ttsgen::util::read_file(fifo));  // does not block either

  fs::path zero = dir / "zero.gen.template";
  fs::create_symlink("/dev/zero", zero);
  CHECK_THROWS_WITH(read_input_file(zero, 100), Catch::Contains("is not a regular file"));

  fs::path big = dir / "big.gen.template";
  std::ofstream(big) << std::string(101, 'x');
  CHECK_THROWS_WITH(read_input_file(big, 100), Catch::Contains("is 101 bytes; at most 100"));
  CHECK(read_input_file(big, 101).size() == 101);

  fs::path link = dir / "link.gen.template";
  fs::create_symlink(big, link);
  CHECK(read_input_file(link, 200).size() == 101);  // a link to a regular file is fine
  CHECK_THROWS_WITH(read_input_file(dir / "missing", 100), Catch::Contains("cannot read"));
  CHECK_THROWS_AS(read_input_file(dir, 100), InputError);
  fs::remove_all(dir);
}

TEST_CASE("staging names of an interrupted write are recognised", "[files]") {
  CHECK(ttsgen::util::is_staging_name(".1-1-vpc.gen.template.tmp-12345"));
  CHECK(ttsgen::util::is_staging_name(".manifest.json.tmp-1"));
  CHECK(!ttsgen::util::is_staging_name("1-1-vpc.gen.template"));
  CHECK(!ttsgen::util::is_staging_name(".x.tmp-"));
  CHECK(!ttsgen::util::is_staging_name(".x.tmp-12a"));
}
