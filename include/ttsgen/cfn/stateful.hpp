#pragma once
// Resource types that hold data which is lost when CloudFormation deletes or replaces the resource
// (a database, a bucket, a secret's generated value, a file system, a queue's messages). One list,
// used wherever a check or a report must know whether a resource keeps data: the data-retention
// checks of `ttsgen validate`, and the data-loss warnings of `ttsgen diff`.
// The policies each type accepts come from the CloudFormation reference, "DeletionPolicy
// attribute": Snapshot is supported only by the types marked so.

#include <array>
#include <string_view>

#include "ttsgen/cfn/value.hpp"

namespace ttsgen::cfn {

struct StatefulType {
  std::string_view type;    // e.g. "AWS::RDS::DBCluster"
  std::string_view holds;   // what is lost, for messages: "the database"
  bool snapshot_supported;  // DeletionPolicy/UpdateReplacePolicy Snapshot is valid for this type
};

inline constexpr std::array<StatefulType, 9> kStatefulTypes{{
    {"AWS::RDS::DBCluster", "the database", true},
    {"AWS::RDS::DBInstance", "the database", true},
    {"AWS::ElastiCache::ReplicationGroup", "the Redis data", true},
    {"AWS::ElastiCache::CacheCluster", "the Redis data", true},
    {"AWS::EC2::Volume", "the volume's data", true},
    {"AWS::S3::Bucket", "the bucket's objects", false},
    {"AWS::SecretsManager::Secret", "the secret's value", false},
    {"AWS::EFS::FileSystem", "the file system's data", false},
    {"AWS::SQS::Queue", "the queued messages", false},
}};

// The entry for `type`, or nullptr when a resource of that type holds no data of its own.
inline const StatefulType* stateful_type(std::string_view type) {
  for (const StatefulType& t : kStatefulTypes)
    if (t.type == type) return &t;
  return nullptr;
}

// An Aurora member instance (AWS::RDS::DBInstance with DBClusterIdentifier) holds no data of its
// own: its cluster does. `resource` is the resource's value in a template document.
inline bool is_cluster_member(const Value& resource) {
  const Value* type = resource.is_map() ? resource.find("Type") : nullptr;
  if (!type || !type->is_string() || type->text() != "AWS::RDS::DBInstance") return false;
  const Value* props = resource.is_map() ? resource.find("Properties") : nullptr;
  const Value* cluster = props && props->is_map() ? props->find("DBClusterIdentifier") : nullptr;
  return cluster != nullptr && !cluster->is_null();
}

}  // namespace ttsgen::cfn
