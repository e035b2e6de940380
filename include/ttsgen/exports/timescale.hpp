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

}  // namespace ttsgen::exports::timescale
