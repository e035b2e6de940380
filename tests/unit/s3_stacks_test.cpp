#include <catch2/catch.hpp>

#include "data_stack_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

namespace {

// Every bucket blocks public access, is encrypted, is kept on deletion and has a policy whose
// first statement denies requests without TLS.
void check_bucket_baseline(const cfn::Template& t) {
  for (const auto* bucket : test::resources_of_type(t, "AWS::S3::Bucket")) {
    INFO(bucket->id());
    for (const char* block : {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"})
      CHECK(*property(*bucket, std::string("PublicAccessBlockConfiguration.") + block) == Value(true));
    CHECK(property(*bucket, "BucketEncryption.ServerSideEncryptionConfiguration") != nullptr);
    CHECK(test::attribute_text(*bucket, "DeletionPolicy") == "Retain");
    CHECK(test::attribute_text(*bucket, "UpdateReplacePolicy") == "Retain");
    const auto* policy = t.find_resource(bucket->id() + "Policy");
    REQUIRE(policy);
    const Value& deny = property(*policy, "PolicyDocument.Statement")->items().front();
    CHECK(*deny.find("Effect") == Value("Deny"));
    CHECK(*deny.find("Condition")->find("Bool")->find("aws:SecureTransport") == Value("false"));
  }
}

}  // namespace

TEST_CASE("S3 stacks meet the bucket baseline in every release", "[stacks][s3]") {
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    check_bucket_baseline(stacks::build_is_s3(v).tmpl);
    check_bucket_baseline(stacks::build_routing_s3(v).tmpl);
    check_bucket_baseline(stacks::build_mtls_s3(v).tmpl);
  }
}

TEST_CASE("2-4a-is-s3: profile and end device picture buckets, unversioned, primary only", "[stacks][s3]") {
  auto model = stacks::build_is_s3("3.35.2"_v);
  const auto& t = model.tmpl;
  CHECK(test::resources_of_type(t, "AWS::S3::Bucket").size() == 2);
  for (const auto* b : test::resources_of_type(t, "AWS::S3::Bucket")) CHECK(property(*b, "VersioningConfiguration") == nullptr);
  CHECK(test::export_names(t) == std::vector<std::string>{"${NetworkName}-${Environment}-${Cluster}-ProfilePictureBucket",
                                                          "${NetworkName}-${Environment}-${Cluster}-EndDevicePictureBucket"});
  CHECK(test::default_of(t, "ProfilePictureBucketName").empty());
  CHECK(test::pattern_accepts(t, "ProfilePictureBucketName", ""));
  CHECK_FALSE(test::pattern_accepts(t, "ProfilePictureBucketName", "Not_A_Bucket"));
  CHECK(stacks::find_stack("is-s3")->role == catalog::ClusterRole::Primary);
}

TEST_CASE("2-4b-routing-s3: interop and EDCS buckets always, plugins from 3.25.1, versioned by default", "[stacks][s3]") {
  auto before = stacks::build_routing_s3("3.25.0"_v);
  auto after = stacks::build_routing_s3("3.25.1"_v);
  std::string prefix = "${NetworkName}-${Environment}-${Cluster}-";
  CHECK(test::export_names(before.tmpl) ==
        std::vector<std::string>{prefix + "InteropConfigBucket", prefix + "EDCSConfigBucket"});
  CHECK(test::export_names(after.tmpl) ==
        std::vector<std::string>{prefix + "InteropConfigBucket", prefix + "EDCSConfigBucket", prefix + "PluginsConfigBucket"});
  CHECK_FALSE(test::has_parameter(before.tmpl, "PluginsConfigBucketName"));
  CHECK(test::has_parameter(after.tmpl, "PluginsConfigBucketName"));
  // The documented output names.
  for (const char* output : {"InteropConfigBucket", "EDCSConfigBucket", "PluginsConfigBucket"}) {
    bool found = false;
    for (const auto& o : after.tmpl.outputs()) found |= o.id() == output;
    CHECK(found);
  }
  // 3.22.1: versioning on by default.
  CHECK(test::default_of(after.tmpl, "VersioningEnabled") == "true");
  for (const auto* b : test::resources_of_type(after.tmpl, "AWS::S3::Bucket"))
    CHECK(*property(*b, "VersioningConfiguration.Status") ==
          Value::function("Fn::If", Value::list({"VersioningEnabledCondition", "Enabled", "Suspended"})));
}

TEST_CASE("2-4c-mtls-s3: one CA bucket, optional", "[stacks][s3]") {
  auto model = stacks::build_mtls_s3("3.30.0"_v);
  CHECK(test::resources_of_type(model.tmpl, "AWS::S3::Bucket").size() == 1);
  CHECK(test::export_names(model.tmpl) == std::vector<std::string>{"${NetworkName}-${Environment}-${Cluster}-MTLSCABucket"});
  CHECK(stacks::find_stack("mtls-s3")->optional);
  CHECK(stacks::find_stack("mtls-s3")->first() == "3.23.0"_v);
}
