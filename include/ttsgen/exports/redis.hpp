#pragma once
// Exports of 2-3-db-redis (stable key "redis"). The stack is deployed once per purpose (general,
// cache, events); every name is qualified with the purpose:
// ${NetworkName}-${Environment}-${Cluster}-redis-${Purpose}-<Key>. A consumer passes its own
// parameter that selects the purpose (e.g. GeneralRedisCluster) as the qualifier.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::redis {

using catalog::Export;

inline constexpr Export primary_address{"redis", "PrimaryAddress", "Primary endpoint address of the Redis replication group", false, "redis"};
inline constexpr Export reader_address{"redis", "ReaderAddress", "Reader endpoint address of the Redis replication group", false, "redis"};
inline constexpr Export port{"redis", "Port", "Port of the Redis replication group", false, "redis"};
// A Secrets Manager secret with the AUTH token (JSON key token); used when the group has TLS.
inline constexpr Export auth_token_secret_arn{"redis", "AuthTokenSecretArn", "ARN of the secret with the Redis AUTH token", false, "redis"};

}  // namespace ttsgen::exports::redis
