#pragma once
// Exports of 4-1-secrets (stable key "secrets"): ARNs of Secrets Manager secrets, named
// ${NetworkName}-${Environment}-${Cluster}-<suffix>. Every exported secret exists whatever the
// parameters say (a feature that is off keeps an unused secret), so consumers can import them
// unconditionally. Task definitions read them through Secrets/ValueFrom.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::secrets {

using catalog::Export;

inline constexpr Export license{"secrets", "LicenseSecretArn", "ARN of the secret with the license key"};
inline constexpr Export cluster_secret{"secrets", "ClusterSecretArn", "ARN of the secret with the cluster secret for internal communication"};
// JSON keys client_id and client_secret; names <network>-<environment>-<cluster>-console-oauth-client etc.
inline constexpr Export console_oauth_client{"secrets", "ConsoleOAuthClientSecretArn", "ARN of the Console OAuth client secret"};
inline constexpr Export device_claiming_oauth_client{"secrets", "DeviceClaimingOAuthClientSecretArn",
                                                     "ARN of the Device Claiming OAuth client secret"};
inline constexpr Export noc_oauth_client{"secrets", "NOCOAuthClientSecretArn", "ARN of the Network Operations Center OAuth client secret"};
inline constexpr Export email{"secrets", "EmailSecretArn", "ARN of the secret with the email provider credentials"};
inline constexpr Export packet_broker_agent{"secrets", "PacketBrokerAgentSecretArn", "ARN of the Packet Broker API key secret"};
inline constexpr Export stripe{"secrets", "StripeSecretArn", "ARN of the secret with the Stripe API key and endpoint secret"};
inline constexpr Export gateway_secrets_encryption_key{"secrets", "GatewaySecretsEncryptionKeySecretArn",
                                                       "ARN of the secret with the gateway secrets encryption key"};
inline constexpr Export noc_grafana_admin_password{"secrets", "NOCGrafanaAdminPasswordSecretArn",
                                                   "ARN of the secret with the NOC Grafana admin password"};
// Server TLS certificate and key for the proxy (Envoy), written by the certbot task (5-8a).
inline constexpr Export proxy_tls{"secrets", "ProxyTLSSecretArn", "ARN of the proxy TLS certificate secret"};
inline constexpr Export gcs_token_hash_key{"secrets", "GCSTokenHashKeySecretArn", "ARN of the GCS token hash key secret"};
// 3.23.0 … 3.29.2
inline constexpr Export gs_gateway_tokens_hash_key{"secrets", "GSGatewayTokensHashKeySecretArn",
                                                   "ARN of the Gateway Server gateway tokens hash key secret"};
// 3.32.0
inline constexpr Export ttgc_custom_certificate{"secrets", "TTGCCustomCertificateSecretArn",
                                                "ARN of the custom TLS client certificate for The Things Gateway Controller"};
// Output names from the docs: the metrics passwords (user `metrics`).
inline constexpr Export http_metrics_password{"secrets", "HTTPMetricsPasswordSecret",
                                              "ARN of the secret with the password of the HTTP metrics endpoints"};
inline constexpr Export tenant_resource_metrics_password{"secrets", "TenantResourceMetricsPasswordSecret",
                                                         "ARN of the secret with the Tenant Resource Monitoring Prometheus password"};
// Prefix of the Key Vault secrets (key-vault.aws.secret-id-prefix), for IAM scoping.
inline constexpr Export key_vault_prefix{"secrets", "KeyVaultSecretPrefix", "Name prefix of the Key Vault secrets"};

}  // namespace ttsgen::exports::secrets
