#pragma once
// Exports of 4-1-secrets (stable key "secrets"): ARNs of Secrets Manager secrets, named
// ${NetworkName}-${Environment}-${Cluster}-<suffix>. Every exported secret exists whatever the
// parameters say (a feature that is off keeps an unused secret), so consumers can import them
// unconditionally. Task definitions read them through Secrets/ValueFrom.
//
// Secret contents (JSON keys are always all present, empty when unused, so that a task definition
// may name them in ValueFrom "<arn>:<key>::"):
//   license, cluster secret, gateway secrets encryption key, NOC Grafana admin password, metrics
//   passwords, GCS/GS token hash keys, HTTP cookie keys: the plain value (hash and cookie keys hex)
//   console/device-claiming/noc OAuth clients: {"client_id", "client_secret"}
//   email:               {"provider" (sendgrid|smtp), "sendgrid_api_key", "smtp_address",
//                         "smtp_username", "smtp_password"}
//   Packet Broker:       {"api_key_id", "api_key"}
//   Stripe:              {"api_key", "endpoint_secret"}
//   proxy TLS:           {"cert", "key"} (PEM; empty until the certbot task of 5-8a writes them)
//   TTGC certificate:    {"cert", "key"} (base64 of the PEM files; empty unless enabled)
// Key Vault secrets (key-vault.aws.secret-id-prefix = KeyVaultSecretPrefix) are named
// <prefix><id>: gateway-secrets-encryption-key, gcs-token-hash-key, gs-gateway-tokens-hash-key.

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
// Added by 4-1: the keys of the HTTP cookies (http.cookie.hash-key, http.cookie.block-key), the
// same in every task of the cluster so that sessions survive restarts and load balancing.
inline constexpr Export http_cookie_hash_key{"secrets", "HTTPCookieHashKeySecretArn",
                                             "ARN of the secret with the HTTP cookie hash key (hex, 64 bytes)"};
inline constexpr Export http_cookie_block_key{"secrets", "HTTPCookieBlockKeySecretArn",
                                              "ARN of the secret with the HTTP cookie block key (hex, 32 bytes)"};

}  // namespace ttsgen::exports::secrets
