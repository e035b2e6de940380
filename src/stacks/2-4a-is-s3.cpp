// 2-4a-is-s3: the Identity Server's upload buckets, profile pictures and end device pictures
// (docs: ecs/deployment). Primary cluster only. Both block public access, are encrypted, refuse requests
// without TLS and survive the stack's deletion. The templates do not turn on versioning here
// (docs, best practices).
#include "ttsgen/exports/s3.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

StackModel build_is_s3(const Release& release) {
  StackBuilder s(release, "is-s3");
  exported_bucket(s, {exports::s3::profile_picture_bucket, "ProfilePictureBucket", "ProfilePictureBucketName",
                      "profile picture", "Profile picture bucket name", "profile-pictures"});
  exported_bucket(s, {exports::s3::end_device_picture_bucket, "EndDevicePictureBucket", "EndDevicePictureBucketName",
                      "end device picture", "End device picture bucket name", "end-device-pictures"});
  return s.finish();
}

}  // namespace ttsgen::stacks
