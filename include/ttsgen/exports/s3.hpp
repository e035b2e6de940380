#pragma once
// Exports of the S3 stacks: 2-4a-is-s3 ("is-s3"), 2-4b-routing-s3 ("routing-s3"), 2-4c-mtls-s3
// ("mtls-s3"). Values are bucket names (an ARN is arn:${AWS::Partition}:s3:::<name>). The
// routing bucket keys are the output names the docs use (InteropConfigBucket, EDCSConfigBucket,
// PluginsConfigBucket).

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::s3 {

using catalog::Export;

inline constexpr Export profile_picture_bucket{"is-s3", "ProfilePictureBucket", "Name of the bucket for profile pictures"};
inline constexpr Export end_device_picture_bucket{"is-s3", "EndDevicePictureBucket", "Name of the bucket for end device pictures"};

inline constexpr Export interop_config_bucket{"routing-s3", "InteropConfigBucket",
                                              "Name of the bucket with the LoRaWAN Backend Interfaces configuration (config.yml)"};
// 3.18.2
inline constexpr Export edcs_config_bucket{"routing-s3", "EDCSConfigBucket",
                                           "Name of the bucket with the Device Claiming Server configuration (config.yml)"};
// 3.25.1
inline constexpr Export plugins_config_bucket{"routing-s3", "PluginsConfigBucket", "Name of the bucket with plugins.yml"};

// 3.23.0
inline constexpr Export mtls_ca_bucket{"mtls-s3", "MTLSCABucket",
                                       "Name of the bucket with the CA certificates that verify client certificates (index.yml)"};

}  // namespace ttsgen::exports::s3
