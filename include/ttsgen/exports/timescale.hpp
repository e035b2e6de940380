#pragma once
// Exports of 2-5-db-timescale / 2-5-db-timescale-master (stable key "timescale"). Several
// TimescaleDB deployments may exist in a cluster (AS storage, NOC), told apart by DeploymentName;
// every name is qualified with it: ${NetworkName}-${Environment}-${Cluster}-timescale-${DeploymentName}-<Key>.
// Consumers pass their *TimescaleDBDeploymentName parameter as the qualifier.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::timescale {

using catalog::Export;

// DNS name in the deployment's private zone that always points at the current master instance.
inline constexpr Export address{"timescale", "Address", "DNS name of the TimescaleDB master", false, "timescale"};
// DNS name that resolves to the read replicas (2-6-db-timescale-replica from 3.30.2; replicas of
// the same stack before).
inline constexpr Export reader_address{"timescale", "ReaderAddress", "DNS name of the TimescaleDB read replicas", false, "timescale"};
inline constexpr Export port{"timescale", "Port", "Port of TimescaleDB", false, "timescale"};
inline constexpr Export database_name{"timescale", "DatabaseName", "Name of the TimescaleDB database", false, "timescale"};
// A Secrets Manager secret with JSON keys username and password.
inline constexpr Export credentials_secret_arn{"timescale", "CredentialsSecretArn",
                                               "ARN of the secret with the TimescaleDB username and password", false, "timescale"};
// For 2-6-db-timescale-replica (3.30.2): the deployment's private zone
// (<deployment>.<network>.<environment>.<cluster>.db.as.local), where a replica adds its records,
// and the security group that lets the deployment's instances replicate from each other.
inline constexpr Export hosted_zone_id{"timescale", "HostedZoneId", "ID of the private hosted zone of the TimescaleDB deployment",
                                       false, "timescale"};
inline constexpr Export replication_security_group{"timescale", "ReplicationSecurityGroupId",
                                                   "Security group that lets the deployment's instances replicate", false,
                                                   "timescale"};

// Exports of 2-6-db-timescale-replica (stable key "timescale-replica", 3.30.2). Deployed once per
// replica; its names are qualified with its ReplicaName parameter, unique in the cluster:
// ${NetworkName}-${Environment}-${Cluster}-timescale-replica-${ReplicaName}-<Key>.
inline constexpr Export replica_address{"timescale-replica", "TimescaleReplicaAddress", "DNS name of this TimescaleDB replica",
                                        false, "timescale-replica"};

}  // namespace ttsgen::exports::timescale
