#include <catch2/catch.hpp>

#include <set>

#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/release_set.hpp"

using namespace ttsgen;
using catalog::operator""_v;

TEST_CASE("numbering order is natural", "[catalog]") {
  CHECK(catalog::numbering_less("1-1-vpc", "1-2-bastion"));
  CHECK(catalog::numbering_less("2-4a-is-s3", "2-4b-routing-s3"));
  CHECK(catalog::numbering_less("2-4c-mtls-s3", "2-5-db-timescale"));
  CHECK(catalog::numbering_less("2-9-x", "2-10-y"));
  CHECK_FALSE(catalog::numbering_less("5-8b-x", "5-8a-x"));
  CHECK_FALSE(catalog::numbering_less("1-1-vpc", "1-1-vpc"));
}

TEST_CASE("stack keys and published names are unique in every release", "[catalog][registry]") {
  std::set<std::string> keys;
  for (const auto& s : stacks::all_stacks()) {
    CHECK(keys.insert(s.key).second);
    CHECK(s.build != nullptr);
    CHECK_FALSE(s.names.empty());
    CHECK(std::is_sorted(s.names.begin(), s.names.end(),
                         [](const auto& a, const auto& b) { return a.since < b.since; }));
  }
  for (const auto& v : catalog::supported_releases()) {
    std::set<std::string> names;
    for (const auto* s : stacks::stacks_in(v)) CHECK(names.insert(s->name_at(v)).second);
  }
}

TEST_CASE("unknown stack names get a helpful hint", "[catalog][registry]") {
  CHECK(stacks::explain_unknown_stack("1-1-vcp", "3.30.0"_v) == "did you mean '1-1-vpc'?");
  CHECK(stacks::explain_unknown_stack("zzzzzzzzz", "3.30.0"_v).empty());
  CHECK(stacks::resolve_stack("1-1-vpc", "3.30.0"_v)->key == "vpc");
  CHECK(stacks::resolve_stack("vpc", "3.30.0"_v)->key == "vpc");
  CHECK(stacks::resolve_stack("1-1-vcp", "3.30.0"_v) == nullptr);
}

TEST_CASE("every export is produced by its declared stack and imported only from existing producers", "[catalog][registry]") {
  for (const auto& v : catalog::supported_releases()) {
    auto built = stacks::build_release(v);
    std::set<const catalog::Export*> exported;
    for (const auto& b : built) {
      for (const auto* e : b.model.exports) {
        CHECK(e->producer == b.stack->key);
        CHECK(exported.insert(e).second);  // produced once per release
      }
    }
    for (const auto& b : built) {
      for (const auto* e : b.model.imports) {
        INFO(v.str() + " " + b.name + " imports " + std::string(e->key));
        CHECK(exported.count(e) == 1);
      }
    }
  }
}
