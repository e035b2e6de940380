// The YAML emitter writes some plain scalars without yaml-cpp's per-character check
// (render::writes_plain_verbatim). Whenever it does, yaml-cpp itself must write the text plain and
// unchanged, in block and in flow context; this holds the shortcut to yaml-cpp's answer over
// every short combination of the characters its rules look at, and over every string of every
// release.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <set>

#include "ttsgen/catalog/version.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/release_set.hpp"

using namespace ttsgen;

namespace {

bool yaml_cpp_writes_plain(const std::string& s, bool in_flow) {
  YAML::Emitter out;
  if (in_flow) {
    out << YAML::Flow << YAML::BeginSeq << s << YAML::EndSeq;
    return std::string(out.c_str()) == "[" + s + "]";
  }
  out << YAML::BeginMap << YAML::Key << "k" << YAML::Value << s << YAML::EndMap;
  return std::string(out.c_str()) == "k: " + s;
}

void check(const std::string& s) {
  for (bool flow : {false, true}) {
    if (!render::writes_plain_verbatim(s, flow)) continue;
    INFO("'" << s << "' in " << (flow ? "flow" : "block") << " context");
    CHECK(yaml_cpp_writes_plain(s, flow));
  }
}

void strings(const cfn::Value& v, std::set<std::string>& out) {
  if (v.is_string()) out.insert(v.text());
  for (const auto& item : v.items()) strings(item, out);
  for (const auto& e : v.entries()) {
    out.insert(e.key);
    strings(e.value, out);
  }
}

}  // namespace

TEST_CASE("the plain-scalar shortcut agrees with yaml-cpp on short strings", "[render][yaml]") {
  const std::string alphabet = "a0-:# ,?[]{}&*!|>'\"%@`~.\\$/(=+^;_\t\x7f\xc2\x85";
  for (char a : alphabet) {
    check(std::string(1, a));
    for (char b : alphabet) {
      check(std::string{'x', a, b});
      check(std::string{a, b});
      for (char c : alphabet) check(std::string{'x', a, b, c});
    }
  }
  for (const char* s : {"null", "Null", "~", "a: b", "a :b", "a #b", "a#b", "arn:aws:s3:::x", "${AWS::Region}", "x:", "-a", "- a"})
    check(s);
}

TEST_CASE("the plain-scalar shortcut agrees with yaml-cpp on every string of the newest release", "[render][yaml]") {
  std::set<std::string> all;
  for (auto& b : stacks::build_release(catalog::newest_release())) strings(b.model.tmpl.to_value(), all);
  REQUIRE(all.size() > 100);
  for (const auto& s : all)
    if (!render::is_ambiguous_plain_scalar(s)) check(s);
}
