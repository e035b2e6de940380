#pragma once
// Exports of 4-2a-configuration ("configuration"), 4-2b-configuration-rate-limiting
// ("rate-limiting") and 4-2c-configuration-resource-limiting ("resource-limiting"): names of the
// SSM parameters that hold The Things Stack configuration documents, one per component. Task
// definitions pass them to containers with Secrets/ValueFrom.
//
// The parameters are named /<network>/<environment>/<cluster>/config/<document> (global, is, gs,
// ns, as, js, console, gcs, dcs, pba, noc, tbs, rate-limiting, resource-limiting); each holds a
// TTS YAML configuration file. How a container turns them into its configuration:
// docs/decisions-config.md.

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::configuration {

using catalog::Export;

inline constexpr Export global{"configuration", "GlobalConfigurationParameter", "SSM parameter with the configuration every component reads"};
inline constexpr Export identity_server{"configuration", "ISConfigurationParameter", "SSM parameter with the Identity Server configuration"};
inline constexpr Export gateway_server{"configuration", "GSConfigurationParameter", "SSM parameter with the Gateway Server configuration"};
inline constexpr Export network_server{"configuration", "NSConfigurationParameter", "SSM parameter with the Network Server configuration"};
inline constexpr Export application_server{"configuration", "ASConfigurationParameter",
                                           "SSM parameter with the Application Server configuration"};
inline constexpr Export join_server{"configuration", "JSConfigurationParameter", "SSM parameter with the Join Server configuration"};
inline constexpr Export console{"configuration", "ConsoleConfigurationParameter", "SSM parameter with the Console configuration"};
inline constexpr Export gateway_configuration_server{"configuration", "GCSConfigurationParameter",
                                                     "SSM parameter with the Gateway Configuration Server configuration"};
inline constexpr Export device_claiming_server{"configuration", "DCSConfigurationParameter",
                                               "SSM parameter with the Device Claiming Server configuration"};
inline constexpr Export packet_broker_agent{"configuration", "PBAConfigurationParameter",
                                            "SSM parameter with the Packet Broker Agent configuration"};
inline constexpr Export network_operations_center{"configuration", "NOCConfigurationParameter",
                                                  "SSM parameter with the Network Operations Center configuration"};
inline constexpr Export tenant_billing_server{"configuration", "TBSConfigurationParameter",
                                              "SSM parameter with the Tenant Billing Server configuration"};
inline constexpr Export domain{"configuration", "Domain", "Domain of the cluster"};
inline constexpr Export identity_server_domain{"configuration", "IdentityServerDomain", "Domain of the cluster with the Identity Server"};
// Added by 4-2a: the path every configuration parameter of the cluster (4-2a, 4-2b, 4-2c) is
// under, "/<network>/<environment>/<cluster>/config/", for IAM policies
// (arn:<partition>:ssm:<region>:<account>:parameter<path>*).
inline constexpr Export parameter_path{"configuration", "ConfigurationParameterPath",
                                       "Path of the SSM parameters with the configuration documents of the cluster"};

// Production fix (catalog/production.hpp): the AWS Private CA set as CertificateAuthorityARN,
// exported only when it is set, so that the task roles of services with UseCertificateAuthorityARN
// may issue certificates from that CA alone instead of from every CA of the account.
inline constexpr Export certificate_authority_arn{"configuration", "CertificateAuthorityArn",
                                                  "ARN of the AWS Private CA that issues client certificates"};

inline constexpr Export rate_limiting{"rate-limiting", "RateLimitingConfigurationParameter",
                                      "SSM parameter with the rate-limiting configuration"};
inline constexpr Export resource_limiting{"resource-limiting", "ResourceLimitingConfigurationParameter",
                                          "SSM parameter with the resource-limiting configuration"};

}  // namespace ttsgen::exports::configuration
