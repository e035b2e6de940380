// 2-4b-routing-s3: configuration buckets of the routing services (docs: ecs/deployment): LoRaWAN Backend
// Interfaces (interop) config.yml, the Device Claiming Server's EDCS config.yml (3.18.2) and
// plugins.yml (3.25.1). After deploying, upload those files (empty ones will do). Required in
// every cluster: 5-4-ecs-services reads the buckets. Versioned by default (3.22.1), blocked from
// public access, encrypted, TLS only, kept when the stack is deleted.
#include "ttsgen/exports/s3.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_routing_s3(const Release& release) {
  StackBuilder s(release, "routing-s3");

  // 3.22.1: "S3 versioning, on by default".
  auto& versioning = s.flag("VersioningEnabled", true)
                         .description("Keep every version of the configuration files, so that an overwritten or "
                                      "deleted file can be restored.")
                         .group("Buckets")
                         .label("Versioning");
  BucketOptions options{.versioning_status = if_(s.is_true(versioning), "Enabled", "Suspended")};

  exported_bucket(s, {exports::s3::interop_config_bucket, "InteropConfigBucket", "InteropConfigBucketName",
                      "interop configuration", "Interop configuration bucket name", "interop-config"},
                  options);
  exported_bucket(s, {exports::s3::edcs_config_bucket, "EDCSConfigBucket", "EDCSConfigBucketName",
                      "EDCS (Device Claiming Server) configuration", "EDCS configuration bucket name", "edcs-config"},
                  options);
  if (release >= "3.25.1"_v) {
    // 3.25.1: "+ PluginsConfigBucket"
    exported_bucket(s, {exports::s3::plugins_config_bucket, "PluginsConfigBucket", "PluginsConfigBucketName",
                        "plugins configuration", "Plugins configuration bucket name", "plugins-config"},
                    options);
  }
  return s.finish();
}

}  // namespace ttsgen::stacks
