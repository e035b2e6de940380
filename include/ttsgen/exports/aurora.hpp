#pragma once
// Exports of 2-1-db-aurora-master (stable key "aurora"). The contract the consumers (2-2 replicas,
// 5-2 ops, 5-3a Identity Server, the bastion's db-ro helper) are built against.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::aurora {

using catalog::Export;

inline constexpr Export cluster_identifier{"aurora", "AuroraClusterIdentifier", "Identifier of the Aurora PostgreSQL DB cluster"};
inline constexpr Export endpoint{"aurora", "AuroraEndpoint", "Writer endpoint address of the Aurora cluster"};
inline constexpr Export reader_endpoint{"aurora", "AuroraReaderEndpoint", "Reader endpoint address of the Aurora cluster"};
inline constexpr Export port{"aurora", "AuroraPort", "Port of the Aurora cluster"};
inline constexpr Export database_name{"aurora", "AuroraDatabaseName", "Name of the Identity Server database"};
// A Secrets Manager secret with JSON keys username and password.
inline constexpr Export credentials_secret_arn{"aurora", "AuroraCredentialsSecretArn",
                                               "ARN of the secret with the database username and password"};

// Exports of 2-2-db-aurora-replica (stable key "aurora-replica"). The stack is deployed once per
// reader instance; its names are qualified with its ReplicaName parameter:
// ${NetworkName}-${Environment}-${Cluster}-aurora-replica-${ReplicaName}-<Key>.
inline constexpr Export replica_endpoint{"aurora-replica", "AuroraReplicaEndpoint",
                                         "Endpoint address of this Aurora reader instance", false, "aurora-replica"};

}  // namespace ttsgen::exports::aurora
