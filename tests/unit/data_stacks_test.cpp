// Properties every data stack (2-1 … 2-7) has in every release where it exists.
#include <catch2/catch.hpp>

#include "data_stack_test_helpers.hpp"
#include "ttsgen/stacks/release_set.hpp"

using namespace ttsgen;
using test::property;
using test::Value;

namespace {
const std::vector<std::string> kDataStacks{"aurora", "aurora-replica", "redis", "is-s3", "routing-s3",
                                           "mtls-s3", "timescale", "timescale-replica", "queue-sqs"};
}

TEST_CASE("data stacks: parameters, exports and data resources follow the house rules in every release", "[stacks][data]") {
  for (const auto& v : catalog::supported_releases()) {
    for (const auto& key : kDataStacks) {
      const auto* stack = stacks::find_stack(key);
      REQUIRE(stack);
      if (!stack->exists_in(v)) continue;
      INFO(v.str() + " " + stack->name_at(v));
      auto model = stack->build(v);
      const auto& t = model.tmpl;
      for (const auto& p : t.parameters()) {
        INFO(p.id());
        CHECK_FALSE(p.description().empty());
        CHECK_FALSE(p.group().empty());
        CHECK_FALSE(p.label().empty());
        // Secrets: NoEcho, and never a default other than "empty: generated".
        if (p.is_no_echo()) CHECK((!p.default_value() || p.default_value()->text().empty()));
      }
      // Consumers import without conditions.
      for (const auto& o : t.outputs()) CHECK(o.condition_id().empty());
      CHECK_FALSE(model.exports.empty());
      // Data survives deletion and replacement: snapshot or retain.
      for (const auto& r : t.resources()) {
        static const std::vector<std::string> data_types{"AWS::RDS::DBCluster", "AWS::ElastiCache::ReplicationGroup",
                                                         "AWS::S3::Bucket", "AWS::EC2::Volume"};
        if (std::find(data_types.begin(), data_types.end(), r.type()) == data_types.end()) continue;
        INFO(r.id());
        std::string deletion = test::attribute_text(r, "DeletionPolicy");
        CHECK((deletion == "Snapshot" || deletion == "Retain"));
        CHECK(test::attribute_text(r, "UpdateReplacePolicy") == deletion);
      }
      // Encryption at rest wherever the resource type has a switch for it.
      for (const auto* volume : test::resources_of_type(t, "AWS::EC2::Volume")) CHECK(*property(*volume, "Encrypted") == Value(true));
      for (const auto* group : test::resources_of_type(t, "AWS::ElastiCache::ReplicationGroup"))
        CHECK(*property(*group, "AtRestEncryptionEnabled") == Value(true));
    }
  }
}

TEST_CASE("data stacks are listed in numbering order in the registry", "[stacks][data]") {
  auto v = catalog::newest_release();
  std::vector<std::string> names;
  for (const auto* s : stacks::stacks_in(v)) names.push_back(s->name_at(v));
  std::vector<std::string> table;
  for (const auto& s : stacks::all_stacks())
    if (s.exists_in(v)) table.push_back(s.name_at(v));
  CHECK(names == table);
  for (const char* name : {"2-1-db-aurora-master", "2-2-db-aurora-replica", "2-3-db-redis", "2-4a-is-s3", "2-4b-routing-s3",
                           "2-4c-mtls-s3", "2-5-db-timescale-master", "2-6-db-timescale-replica", "2-7-queue-sqs"})
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
}
