#pragma once
// Broken copies of real renders for the tests of `ttsgen validate`: a set with one template
// changed on its document and rendered again, so the checks read the broken bytes as they would
// read a folder.

#include <catch2/catch.hpp>

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "ttsgen/check/template_set.hpp"
#include "ttsgen/render/render.hpp"

namespace ttsgen::test {

inline check::TemplateSet mutated(check::TemplateSet set, const std::string& stack, const std::function<void(cfn::Value&)>& edit) {
  bool found = false;
  for (auto& t : set.templates) {
    if (t.name != stack) continue;
    cfn::Value doc = t.parsed->document;
    edit(doc);
    auto parsed = std::make_shared<check::Parsed>();
    t.bytes = render::to_yaml(doc);
    parsed->document = render::parse_template(t.bytes);
    parsed->release = t.parsed->release;
    t.parsed = parsed;
    found = true;
  }
  REQUIRE(found);
  return set;
}

// The value at a path of keys in a document (a test fails where a key is missing).
inline cfn::Value& at(cfn::Value& v, std::initializer_list<std::string_view> keys) {
  cfn::Value* x = &v;
  for (auto k : keys) {
    x = x->find(k);
    REQUIRE(x);
  }
  return *x;
}

}  // namespace ttsgen::test
