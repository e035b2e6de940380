#include "ttsgen/catalog/changes.hpp"

#include <array>

namespace ttsgen::catalog {

namespace changes {

// The changelog entries of 3.24.0 … 3.36.0, newest release first, in the changelog's order
// (docs: ecs/changelog; "Unreleased" is 3.36.0, docs/audit.md).
constexpr Change kProxyISHttp2Streams{"ProxyISHttp2Streams", "3.36.0"_v, "5-6-ecs-proxy",
    "Increase the allowed number of concurrent streams (downstream) per HTTP/2 connection for the Identity Server proxy.",
    Coverage::Image, "5-7-ecs-proxy: the Envoy configuration is part of the proxy image, whose tag is the release"};
constexpr Change kProxyMainHttp2Streams{"ProxyMainHttp2Streams", "3.36.0"_v, "5-6-ecs-proxy",
    "Increase the allowed number of concurrent streams (downstream) per HTTP/2 connection for the main proxy.",
    Coverage::Image, "5-7-ecs-proxy: in the proxy image (tag = release)"};
constexpr Change kProxyConnectionBufferLimit{"ProxyConnectionBufferLimit", "3.36.0"_v, "5-6-ecs-proxy",
    "Increase the per-connection buffer limit for the main proxy listeners and Identity Server clusters.",
    Coverage::Image, "5-7-ecs-proxy: in the proxy image (tag = release)"};
constexpr Change kProxyISUpstreamMaxStreams{"ProxyISUpstreamMaxStreams", "3.36.0"_v, "5-6-ecs-proxy",
    "Add max-concurrent-streams to IS proxy upstream connections",
    Coverage::Image, "5-7-ecs-proxy: in the proxy image (tag = release)"};
constexpr Change kNLBAccessLogsToCloudWatch{"NLBAccessLogsToCloudWatch", "3.36.0"_v, "1-1-vpc",
    "Add optional CloudWatch Logs support for NLB access logs.",
    Coverage::Implemented, "src/stacks/1-1-vpc.cpp: NLBAccessLogsCloudWatchEnabled"};
constexpr Change kAmiTTGCClientCertificate{"AmiTTGCClientCertificate", "3.36.0"_v, "AMI/BYOL template",
    "Add `TTGCTLSCertificateSecretARN`, `TTGCTLSCertificate` and `TTGCTLSCertificateKey` parameters for specifying a separate TTGC client TLS certificate.",
    Coverage::OutsideSet, "the AMI/BYOL single template is not in the ECS stack set"};
constexpr Change kProxyEnvoy1_31_10{"ProxyEnvoy1_31_10", "3.36.0"_v, "Proxy",
    "Upgrade to Envoy `1.31.10`.",
    Coverage::Image, "5-7-ecs-proxy: Envoy ships in the proxy image (tag = release)"};
constexpr Change kDownlinkQueueCapacity{"DownlinkQueueCapacity", "3.35.2"_v, "4-2a-configuration",
    "Add `DownlinkQueueCapacity` parameter.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp"};
constexpr Change kTimescaleAmazonLinux2Again{"TimescaleAmazonLinux2Again", "3.35.1"_v, "2-5-db-timescale-master, 2-6-db-timescale-replica",
    "Use Amazon Linux 2 (AL2) instead of Amazon Linux 2023. These templates can be used to fix AL2023-related issues in versions `3.34.1` through `3.35.0`.",
    Coverage::OurChoice, "timescaledb.cpp: every rendered release runs TimescaleDB on Amazon Linux 2; the AL2023 images of 3.34.1 \u2026 3.35.0 are not reproduced, since 3.35.1 reverts them to fix their issues (docs/audit.md, AMIs)"};
constexpr Change kTimescaleReplicaSingleLifecyclePolicy{"TimescaleReplicaSingleLifecyclePolicy", "3.35.1"_v, "2-6-db-timescale-replica",
    "Remove duplicate storage lifecycle policy.",
    Coverage::Implemented, "src/stacks/2-6-db-timescale-replica.cpp"};
constexpr Change kLambdaPython3_14{"LambdaPython3_14", "3.35.1"_v, "5-1-ecs-cluster",
    "Update Python Lambda runtime to `3.14`.",
    Coverage::Implemented, "src/stacks/5-1-ecs-cluster.cpp"};
constexpr Change kClusterAmiArm64MappingFix{"ClusterAmiArm64MappingFix", "3.34.3"_v, "5-1-ecs-cluster",
    "Fix `AWSRegionToAMI` arm64 mappings.",
    Coverage::OurChoice, "5-1-ecs-cluster: no AWSRegionToAMI mapping; the arm64 image comes from the arm64 ECS-optimized AMI SSM parameter (docs/audit.md, AMIs)"};
constexpr Change kCertbotRenewalFix{"CertbotRenewalFix", "3.34.1"_v, "",
    "Resolve issues with certificate renewal in the certbot scheduled task to ensure proper execution.",
    Coverage::Image, "5-8a-certs-le / 5-8b: certbot runs from the certbot image, whose tag is the release; the templates did not change (docs/audit.md)"};
constexpr Change kServiceMemoryMoreOptions{"ServiceMemoryMoreOptions", "3.34.1"_v, "5-4-ecs-services",
    "Add more options to the memory parameters.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp, ecs_service.cpp"};
constexpr Change kMetadataStorageCacheEnabled{"MetadataStorageCacheEnabled", "3.34.0"_v, "4-2a-configuration",
    "Add `MetadataStorageCacheEnabled` parameter to enable caching of metadata storage in AS.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp"};
constexpr Change kAmiManagedGateways{"AmiManagedGateways", "3.34.0"_v, "AMI/BYOL template",
    "Add `ManagedGateways` parameter to enable connecting with The Things Gateway Controller for claiming and remotely managing e.g. The Things Indoor Gateway Pro.",
    Coverage::OutsideSet, "AMI/BYOL template"};
constexpr Change kAmiRedisPubSubStore{"AmiRedisPubSubStore", "3.34.0"_v, "AMI/BYOL template",
    "Fix pub/sub errors by enabling the Redis store.",
    Coverage::OutsideSet, "AMI/BYOL template"};
constexpr Change kAmiEuWest1Fix{"AmiEuWest1Fix", "3.34.0"_v, "AMI/BYOL template",
    "Fix deployments to `eu-west-1`.",
    Coverage::OutsideSet, "AMI/BYOL template"};
constexpr Change kAmiParameterOrder{"AmiParameterOrder", "3.34.0"_v, "AMI/BYOL template",
    "Reorder parameters and update descriptions.",
    Coverage::OutsideSet, "AMI/BYOL template"};
constexpr Change kAmiM7iDbR7g{"AmiM7iDbR7g", "3.34.0"_v, "AMI/BYOL template",
    "Add `m7i` and `db.r7g` instance types.",
    Coverage::OutsideSet, "AMI/BYOL template"};
constexpr Change kPrometheusGrpcMethodRateLimitRule{"PrometheusGrpcMethodRateLimitRule", "3.32.3"_v, "",
    "Add GRPC methods rate limiting metric to prometheus rules.",
    Coverage::Image, "5-6-ecs-monitoring: the alerting rules ship with the Prometheus image, whose tag is the release"};
constexpr Change kUpgradeTimescale2_15_2Script{"UpgradeTimescale2_15_2Script", "3.32.3"_v, "Upgrade procedure",
    "After upgrading Timescale version to `2.15.2` it's necessary to run a SQL script [provided in the changelog](https://github.com/timescale/timescaledb/releases/tag/2.15.2).",
    Coverage::Procedure, "src/diff/procedures.cpp (UPGRADING-3.32.md)"};
constexpr Change kProxyNsMACSettingsProfileRegistry{"ProxyNsMACSettingsProfileRegistry", "3.32.3"_v, "Proxy",
    "Add `NsMACSettingsProfileRegistry` grpc service and routes.",
    Coverage::Image, "5-7-ecs-proxy: routes are in the proxy image (tag = release)"};
constexpr Change kAmiTLSCertificateSecretARN{"AmiTLSCertificateSecretARN", "3.32.3"_v, "AMI/BYOL template",
    "Add a new `TLSCertificateSecretARN` parameter to allow loading TLS certificates from AWS secrets to BYOL and PAYG single template deployments.",
    Coverage::OutsideSet, "AMI/BYOL template"};
constexpr Change kAmiSecretsManagerPolicy{"AmiSecretsManagerPolicy", "3.32.3"_v, "AMI/BYOL template",
    "Add new IAM policy role that allows reading secrets from AWS Secret Manager",
    Coverage::OutsideSet, "AMI/BYOL template"};
constexpr Change kAmiPostgres16_4{"AmiPostgres16_4", "3.32.3"_v, "AMI/BYOL template",
    "Update default postgres version to 16.4",
    Coverage::OutsideSet, "AMI/BYOL template"};
constexpr Change kManagedGatewaysTTGC{"ManagedGatewaysTTGC", "3.32.0"_v, "",
    "Add support for managed gateways via The Things Gateway Controller. The Gateway Configuration Server and Device Claiming Server use TLS client authentication. When using AWS Private CA (`CertificateAuthorityARN` in `4-2a-configuration`), the client certificate can be issued automatically. To specify a custom TLS client certificate, enable `EnableTTGCCustomCertificate` in `4-1-secrets` and specify the certificate and key according to the format in the description.",
    Coverage::Implemented, "src/stacks/4-1-secrets.cpp (EnableTTGCCustomCertificate), 5-4-ecs-services.cpp, templates/4-2a-configuration/gcs.yml, dcs.yml"};
constexpr Change kTTGPListener{"TTGPListener", "3.32.0"_v, "",
    "Add support for gateways using The Things Industries Gateway Protocol. This requires TLS mutual authentication and TLS termination by the proxy. Make sure that `SupportProxyTLS` is enabled. This adds a new public listener (port `8889`) that is mapped to the proxy that forwards traffic to the Gateway Server (port `1889`).",
    Coverage::Implemented, "src/stacks/3-1-security-group-rules.cpp, 3-2-load-balancer-rules.cpp, 5-4-ecs-services.cpp, 5-7-ecs-proxy.cpp"};
constexpr Change kApplicationUpStorageRateLimitFix{"ApplicationUpStorageRateLimitFix", "3.32.0"_v, "",
    "Fixed the rate-limiting profile for the `ApplicationUpStorage` service in the Application Server.",
    Coverage::Implemented, "src/stacks/4-2b-configuration-rate-limiting.cpp"};
constexpr Change kApplicationUpStoragePageSizes{"ApplicationUpStoragePageSizes", "3.32.0"_v, "",
    "Add default values for the default and maximum page sizes in the `ApplicationUpStorage` service in the Application Server.",
    Coverage::Implemented, "templates/4-2a-configuration/as.yml"};
constexpr Change kProxyTenantAccess{"ProxyTenantAccess", "3.31.1"_v, "Proxy",
    "Add `TenantAccess` grpc service and routes.",
    Coverage::Image, "5-7-ecs-proxy: routes are in the proxy image (tag = release)"};
constexpr Change kClusterAmisUpdated{"ClusterAmisUpdated", "3.31.0"_v, "",
    "Updated ECS AMIs to the latest versions.",
    Coverage::OurChoice, "5-1-ecs-cluster: the ECS-optimized AMI comes from the public SSM parameter of AWS, not from a per-release AWSRegionToAMI mapping; the docs give no AMI ids (docs/audit.md, AMIs)"};
constexpr Change kTimescaleReplicaTemplate{"TimescaleReplicaTemplate", "3.30.2"_v, "",
    "TimescaleDB replicas are now split to a separate template. Previously replicas had an ephemeral disk that needed to be copied when the replica was re-deployed. This made some upgrades really long to complete. Now the replicas are standalone and have their own disk that can be reattached to a new instance. This change should make upgrades faster and more reliable.",
    Coverage::Implemented, "src/stacks/2-5-db-timescale-master.cpp, 2-6-db-timescale-replica.cpp"};
constexpr Change kUpgradeTimescaleSplitDisableReplicas{"UpgradeTimescaleSplitDisableReplicas", "3.30.2"_v, "Upgrade procedure",
    "Disable TimescaleDB replicas in the `5-4-ecs-services` template.",
    Coverage::Procedure, "src/diff/procedures.cpp (UPGRADING-3.30.md)"};
constexpr Change kUpgradeTimescaleSplitMaster{"UpgradeTimescaleSplitMaster", "3.30.2"_v, "Upgrade procedure",
    "Upgrade the `2-5-db-timescale` template. This will remove TimescaleDB replicas if there were any.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kUpgradeTimescaleSplitDeployReplicas{"UpgradeTimescaleSplitDeployReplicas", "3.30.2"_v, "Upgrade procedure",
    "Deploy the `2-6-db-timescale-replica` template for each replica that was removed in the previous step.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kUpgradeTimescaleSplitEnableReplicas{"UpgradeTimescaleSplitEnableReplicas", "3.30.2"_v, "Upgrade procedure",
    "Re-enable TimescaleDB replicas in the `5-4-ecs-services` template.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kTimescaleMasterRename{"TimescaleMasterRename", "3.30.2"_v, "2-5-db-timescale",
    "Rename to `2-5-db-timescale-master`.",
    Coverage::Implemented, "src/stacks/registry.cpp"};
constexpr Change kTimescaleMasterNoReplicas{"TimescaleMasterNoReplicas", "3.30.2"_v, "2-5-db-timescale",
    "Remove replica configuration from the template.",
    Coverage::Implemented, "src/stacks/2-5-db-timescale-master.cpp"};
constexpr Change kTimescaleReplicaStack{"TimescaleReplicaStack", "3.30.2"_v, "2-6-db-timescale-replica",
    "Add new optional template for TimescaleDB replica.",
    Coverage::Implemented, "src/stacks/registry.cpp, 2-6-db-timescale-replica.cpp"};
constexpr Change kUDPRateLimitingFirewall{"UDPRateLimitingFirewall", "3.30.2"_v, "4-2a-configuration",
    "Add configuration parameters for the UDP rate limiting firewall (`UDPRateLimitingFirewallEnabled`/`UDPRateLimitingFirewallMessages`/`UDPRateLimitingFirewallThreshold`). Environments which use the general purpose rate limiting of the Gateway Server (via `4-2b-configuration-rate-limiting`) do not need to enable this firewall.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp"};
constexpr Change kProxyEmailValidationPaths{"ProxyEmailValidationPaths", "3.30.1"_v, "Proxy",
    "Add email validation paths.",
    Coverage::Image, "5-7-ecs-proxy: routes are in the proxy image (tag = release)"};
constexpr Change kMtlsBucketPolicyCleanup{"MtlsBucketPolicyCleanup", "3.30.0"_v, "2-4c-mtls-s3",
    "Remove unused bucket policies and update resource tags.",
    Coverage::OurChoice, "2-4c-mtls-s3: the model never had the unused policies (its only policy is the TLS-only one) and uses the standard tags in every release; nothing to remove (docs/audit.md)"};
constexpr Change kLBSCUPSmTLSIngress{"LBSCUPSmTLSIngress", "3.30.0"_v, "3-1-security-group-rules",
    "Add ingress rules for `LBSCUPSmTLS`. Only enabled if `LBSCUPSmTLSEnabled` is true.",
    Coverage::Implemented, "src/stacks/3-1-security-group-rules.cpp"};
constexpr Change kLBSCUPSmTLSListener{"LBSCUPSmTLSListener", "3.30.0"_v, "3-2-load-balancer-rules",
    "Add new listener for `LBSCUPSmTLS`.",
    Coverage::Implemented, "src/stacks/3-2-load-balancer-rules.cpp"};
constexpr Change kProxyTLSPortsUnconditional{"ProxyTLSPortsUnconditional", "3.30.0"_v, "3-2-load-balancer-rules",
    "Remove dependency of port `443` and `8886` on `SupportProxyTLSCondition`.",
    Coverage::Implemented, "src/stacks/3-2-load-balancer-rules.cpp"};
constexpr Change kInteropTLSTargetGroupProxy{"InteropTLSTargetGroupProxy", "3.30.0"_v, "3-2-load-balancer-rules",
    "Update target group on Interop TLS connections when `SupportProxyTLSCondition` is true.",
    Coverage::Implemented, "src/stacks/3-2-load-balancer-rules.cpp"};
constexpr Change kGSGatewayTokensHashKeySecretRemoved{"GSGatewayTokensHashKeySecretRemoved", "3.30.0"_v, "4-1-secrets",
    "Remove `GSGatewayTokensHashKey`.",
    Coverage::Implemented, "src/stacks/4-1-secrets.cpp"};
constexpr Change kGSGatewayTokensHashKeyConfigRemoved{"GSGatewayTokensHashKeyConfigRemoved", "3.30.0"_v, "4-2a-configuration",
    "Remove `GSGatewayTokensHashKey` configuration.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp, 5-4-ecs-services.cpp"};
constexpr Change kClusterLaunchTemplate{"ClusterLaunchTemplate", "3.30.0"_v, "5-1-ecs-cluster",
    "Migrated from ECS Launch Configuration to ECS Launch Templates.",
    Coverage::Implemented, "src/stacks/5-1-ecs-cluster.cpp"};
constexpr Change kClusterGravitonFamilies{"ClusterGravitonFamilies", "3.30.0"_v, "5-1-ecs-cluster",
    "The `c6g`, `c7g`, `m6g`, `m7g`, `t4g`, `r6g` and `r7g` families of machines are now available for hosting.",
    Coverage::Implemented, "src/stacks/5-1-ecs-cluster.cpp"};
constexpr Change kGCSTaskRoleMtls{"GCSTaskRoleMtls", "3.30.0"_v, "5-4-ecs-services",
    "Update GCS task role and remove mTLS bucket support for GS task role.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kNocGrafanaImage3_30_0{"NocGrafanaImage3_30_0", "3.30.0"_v, "5-4-ecs-services",
    "The default NOC Grafana image has been updated to `ghcr.io/thethingsindustries/lorawan-stack-noc-grafana:3.30.0`.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kMonitoringRename{"MonitoringRename", "3.30.0"_v, "5-5-ecs-monitoring",
    "Renamed to `5-6-ecs-monitoring`.",
    Coverage::Implemented, "src/stacks/registry.cpp"};
constexpr Change kProxyRename{"ProxyRename", "3.30.0"_v, "5-6-ecs-proxy",
    "Renamed to `5-7-ecs-proxy`.",
    Coverage::Implemented, "src/stacks/registry.cpp"};
constexpr Change kProxyLBSCUPSmTLSConditions{"ProxyLBSCUPSmTLSConditions", "3.30.0"_v, "5-6-ecs-proxy",
    "Add conditions for `LBSCUPSmTLS`.",
    Coverage::Implemented, "src/stacks/5-7-ecs-proxy.cpp"};
constexpr Change kCertsLeRename{"CertsLeRename", "3.30.0"_v, "5-7a-certs-le",
    "Renamed to `5-8a-certs-le`.",
    Coverage::Implemented, "src/stacks/registry.cpp"};
constexpr Change kCertsLeMtlsInputNames{"CertsLeMtlsInputNames", "3.30.0"_v, "5-7a-certs-le",
    "Updated naming of inputs related to mTLS.",
    Coverage::OurChoice, "5-8a-certs-le: the model has no mTLS input in any release (interop certificates went in 3.24.0; the mTLS CA bucket is read by the proxy, not by certbot), so there is nothing to rename; the docs do not give the names (docs/audit.md)"};
constexpr Change kCertbotScheduleRename{"CertbotScheduleRename", "3.30.0"_v, "5-7b-ecs-certbot-scheduled-task",
    "Renamed to `5-8b-ecs-certbot-scheduled-task`.",
    Coverage::Implemented, "src/stacks/registry.cpp"};
constexpr Change kAuroraEngine13_8{"AuroraEngine13_8", "3.29.0"_v, "2-1-db-aurora-master, 2-2-db-aurora-replica",
    "Update the default database engine version to `13.8`.",
    Coverage::Implemented, "src/stacks/2-1-db-aurora-master.cpp (2-2 readers take the cluster engine: docs/audit.md)"};
constexpr Change kAuroraEngines14To16{"AuroraEngines14To16", "3.29.0"_v, "2-1-db-aurora-master, 2-2-db-aurora-replica",
    "Engine versions `14`, `15` and `16` are now supported.",
    Coverage::Implemented, "src/stacks/2-1-db-aurora-master.cpp (2-2 readers take the cluster engine: docs/audit.md)"};
constexpr Change kTimescaleNodeExporter1_7_0{"TimescaleNodeExporter1_7_0", "3.29.0"_v, "2-5-db-timescale",
    "Updated the default `node_exporter` version to `1.7.0`.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kTimescalePostgresExporter1_5_0{"TimescalePostgresExporter1_5_0", "3.29.0"_v, "2-5-db-timescale",
    "Updated the default `postgres_exporter` version to `1.5.0`.",
    Coverage::DocsError, "timescaledb.cpp: postgres_exporter 1.5.0 does not exist; the model uses 0.15.0 (docs/decisions-data.md)"};
constexpr Change kTimescaleExtension2_13_1{"TimescaleExtension2_13_1", "3.29.0"_v, "2-5-db-timescale",
    "Extension version `2.13.1` is now supported.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kTimescaleEngine16{"TimescaleEngine16", "3.29.0"_v, "2-5-db-timescale",
    "Engine version `16` is now supported, but note that this requires an extension version of at least `2.13.1`.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kTimescaleDefaultExtension2_10_1{"TimescaleDefaultExtension2_10_1", "3.29.0"_v, "2-5-db-timescale",
    "The default extension version is now `2.10.1`.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kTimescaleDefaultEngine15{"TimescaleDefaultEngine15", "3.29.0"_v, "2-5-db-timescale",
    "The default engine version is now `15`.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kSqsRename2_6{"SqsRename2_6", "3.29.0"_v, "2-6-queue-sqs",
    "Renamed from `5-9a-sqs`.",
    Coverage::Implemented, "src/stacks/registry.cpp"};
constexpr Change kClusterNodeExporter1_7_0{"ClusterNodeExporter1_7_0", "3.29.0"_v, "5-4-ecs-cluster",
    "Updated the default `node_exporter` version to `1.7.0`.",
    Coverage::DocsError, "5-1-ecs-cluster.cpp: the changelog says 5-4-ecs-cluster (no such stack); implemented in 5-1-ecs-cluster"};
constexpr Change kProxyNocGrafanaWebSocket{"ProxyNocGrafanaWebSocket", "3.28.2"_v, "Proxy",
    "Add Network Operations Center Grafana WebSocket paths support.",
    Coverage::Image, "5-7-ecs-proxy: routes are in the proxy image (tag = release)"};
constexpr Change kOAuthAccountAppRateLimit{"OAuthAccountAppRateLimit", "3.28.2"_v, "4-2b-configuration-rate-limiting",
    "Add OAuth server and Account app rate limiting.",
    Coverage::Implemented, "src/stacks/4-2b-configuration-rate-limiting.cpp"};
constexpr Change kAzureIoTRateLimit{"AzureIoTRateLimit", "3.28.2"_v, "4-2b-configuration-rate-limiting",
    "Add Azure IoT Hub and Central rate limiting overrides.",
    Coverage::Implemented, "src/stacks/4-2b-configuration-rate-limiting.cpp"};
constexpr Change kSqsStack{"SqsStack", "3.28.2"_v, "5-9a-sqs",
    "Add new optional template for AWS SQS.",
    Coverage::Implemented, "src/stacks/registry.cpp, 2-7-queue-sqs.cpp"};
constexpr Change kProxyConsoleEventsPaths{"ProxyConsoleEventsPaths", "3.28.1"_v, "Proxy",
    "Add Console events paths.",
    Coverage::Image, "5-7-ecs-proxy: routes are in the proxy image (tag = release)"};
constexpr Change kConsoleEventsRateLimit{"ConsoleEventsRateLimit", "3.28.1"_v, "4-2b-configuration-rate-limiting",
    "Add Console events request rate limiting.",
    Coverage::Implemented, "src/stacks/4-2b-configuration-rate-limiting.cpp"};
constexpr Change kRedisR7g{"RedisR7g", "3.28.0"_v, "2-3-db-redis",
    "The `r7g` family of machines is now available for hosting.",
    Coverage::Implemented, "src/stacks/2-3-db-redis.cpp"};
constexpr Change kEventsBatching{"EventsBatching", "3.28.0"_v, "4-2a-configuration",
    "Add `EventsBatchingEnabled`, `EventsBatchingTargetSize`, `EventsBatchingDelay` parameters.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp"};
constexpr Change kCorrelationIDsIgnoredMethods{"CorrelationIDsIgnoredMethods", "3.28.0"_v, "4-2a-configuration",
    "Add correlation IDs ignored methods to the gRPC server configuration.",
    Coverage::Implemented, "templates/4-2a-configuration/global.yml"};
constexpr Change kISNetworkNSID{"ISNetworkNSID", "3.28.0"_v, "4-2a-configuration",
    "Add Identity Server NS-ID configuration.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp, templates/4-2a-configuration/is.yml"};
constexpr Change kNocGrafanaImage3_27_2{"NocGrafanaImage3_27_2", "3.27.2"_v, "5-4-ecs-services",
    "The default NOC Grafana image has been updated to `ghcr.io/thethingsindustries/lorawan-stack-noc-grafana:3.27.2`. This upgrades Grafana to version 10.1.0 and disables the news feed.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kTimescaleInitFailureTerminates{"TimescaleInitFailureTerminates", "3.27.1"_v, "2-5-db-timescale",
    "The instance initialization scripts now automatically terminates the instance if the initialization fails.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kCollaboratorRightsSetOthersAsContacts{"CollaboratorRightsSetOthersAsContacts", "3.27.1"_v, "4-2a-configuration",
    "Added the `CollaboratorRightsSetOthersAsContacts` parameter.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp"};
constexpr Change kSmallServicesTwoTasks{"SmallServicesTwoTasks", "3.27.0"_v, "5-4-ecs-services",
    "The default number of desired instances for the Gateway Configuration Server, Network Operations Center and Network Operations Center Grafana services has been increased to 2. We recommend that production deployments consider deploying extra replicas in order to ensure high availability.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kGOGCValueOps{"GOGCValueOps", "3.26.2"_v, "5-2-ecs-ops",
    "Add `GOGCValue` parameter which controls the Go garbage collector target. Sets the `GOGC` environment variable for stack components. Defaults to 100, which is also the default value in the absence of the environment variable.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kGOGCValueIS{"GOGCValueIS", "3.26.2"_v, "5-3a-ecs-is-service",
    "Add `GOGCValue` parameter which controls the Go garbage collector target. Sets the `GOGC` environment variable for stack components. Defaults to 100, which is also the default value in the absence of the environment variable.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kGOGCValueTBS{"GOGCValueTBS", "3.26.2"_v, "5-3c-tbs-service",
    "Add `GOGCValue` parameter which controls the Go garbage collector target. Sets the `GOGC` environment variable for stack components. Defaults to 100, which is also the default value in the absence of the environment variable.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kGrafanaAlertingDisabled{"GrafanaAlertingDisabled", "3.26.2"_v, "5-4-ecs-services",
    "Grafana alerting is now disabled by default, as it is not usable in the current setup.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kGOGCValueServices{"GOGCValueServices", "3.26.2"_v, "5-4-ecs-services",
    "Add `GOGCValue` parameter which controls the Go garbage collector target. Sets the `GOGC` environment variable for stack components. Defaults to 100, which is also the default value in the absence of the environment variable.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kLargeTaskSizes{"LargeTaskSizes", "3.26.1"_v, "ECS Templates",
    "This release adds support for large (8 and 16 vCPU) task sizes. These large tasks are [supported](https://aws.amazon.com/about-aws/whats-new/2022/09/aws-fargate-increases-compute-memory-resource-configurations-4x/) by AWS Fargate. Please note that due to limitations to the EC2 launch type, the 16 vCPU tasks [may not be used](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html) with the EC2 launch type.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kLargeTaskSizesIS{"LargeTaskSizesIS", "3.26.1"_v, "5-3a-ecs-is-service",
    "Add support for 8 and 16 vCPUs tasks.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kLargeTaskSizesISProxy{"LargeTaskSizesISProxy", "3.26.1"_v, "5-3b-ecs-external-is-proxy",
    "Add support for 8 and 16 vCPUs tasks.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kLargeTaskSizesTBS{"LargeTaskSizesTBS", "3.26.1"_v, "5-3c-tbs-service",
    "Add support for 8 and 16 vCPUs tasks.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kLargeTaskSizesServices{"LargeTaskSizesServices", "3.26.1"_v, "5-4-ecs-services",
    "Add support for 8 and 16 vCPUs tasks.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kLargeTaskSizesMonitoring{"LargeTaskSizesMonitoring", "3.26.1"_v, "5-5-ecs-monitoring",
    "Add support for 8 and 16 vCPUs tasks.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kLargeTaskSizesProxy{"LargeTaskSizesProxy", "3.26.1"_v, "5-6-ecs-proxy",
    "Add support for 8 and 16 vCPUs tasks.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kUDPGatewayServerRemoved{"UDPGatewayServerRemoved", "3.26.0"_v, "ECS templates",
    "The UDP Gateway Server service has been removed. Historically this service has been used in order to work around various limitations that AWS Network Load Balancer had with UDP traffic. The service is problematic as it runs as a daemon service on each available ECS host machine, and does not support rolling updates. As the support for UDP traffic has improved in the AWS Network Load Balancer, we have decided to remove this service and have UDP traffic be served by the replica Gateway Server service.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp, 5-1-ecs-cluster.cpp, 3-1-security-group-rules.cpp"};
constexpr Change kUpgradeUDPGSRemovalOrder{"UpgradeUDPGSRemovalOrder", "3.26.0"_v, "Upgrade procedure",
    "As this version upgrade removes certain resources, the standard upgrade procedure which follows the template numbering order cannot be followed directly.",
    Coverage::Procedure, "src/diff/procedures.cpp (UPGRADING-3.26.md)"};
constexpr Change kUpgradeUDPGSRemovalParameters{"UpgradeUDPGSRemovalParameters", "3.26.0"_v, "Upgrade procedure",
    "The configuration of the `5-4-ecs-services` template needs to be updated such that the `EnableUDPGSRateLimiting` and `IncludeUDPGatewayServer` parameters are set to `false`. The template does not have to be updated yet, only the configuration. This will remove the UDP Gateway Server service instances.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kUpgradeUDPGSRemovalThenStandard{"UpgradeUDPGSRemovalThenStandard", "3.26.0"_v, "Upgrade procedure",
    "The standard upgrade procedure can commence after the template has been upgraded.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kUpgradeUDPGSRemovalMoreGSTasks{"UpgradeUDPGSRemovalMoreGSTasks", "3.26.0"_v, "Upgrade procedure",
    "While upgrading the `5-4-ecs-services` template, consider increasing the number of tasks, or allocated resources, for the Gateway Server service.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kBastionUDPGSRemoved{"BastionUDPGSRemoved", "3.26.0"_v, "1-2-bastion",
    "UDP Gateway Server references have been removed.",
    Coverage::Implemented, "src/stacks/1-2-bastion.cpp"};
constexpr Change kUDPTargetTypeIp{"UDPTargetTypeIp", "3.26.0"_v, "3-2-load-balancer-rules",
    "The UDP target group target type has been changed from `instance` to `ip`.",
    Coverage::Implemented, "src/stacks/3-2-load-balancer-rules.cpp"};
constexpr Change kUDPGSRateLimitingDeprecated{"UDPGSRateLimitingDeprecated", "3.26.0"_v, "4-2b-configuration-rate-limiting",
    "The UDP Gateway Server rate limiting configuration has been marked as deprecated. The configuration will be removed in a future version.",
    Coverage::Implemented, "src/stacks/4-2b-configuration-rate-limiting.cpp: EnableUDPGSRateLimiting stays, marked deprecated (docs/audit.md)"};
constexpr Change kNocRateLimitingConfig{"NocRateLimitingConfig", "3.26.0"_v, "4-2b-configuration-rate-limiting",
    "Add NOC rate limiting configuration.",
    Coverage::Implemented, "src/stacks/4-2b-configuration-rate-limiting.cpp"};
constexpr Change kUDPServedByGatewayServer{"UDPServedByGatewayServer", "3.26.0"_v, "5-4-ecs-services",
    "The UDP Gateway Server service has been removed. The UDP traffic will now be served by the existing Gateway Server service.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp, 3-2-load-balancer-rules.cpp"};
constexpr Change kNocGrafanaImage3_26_0{"NocGrafanaImage3_26_0", "3.26.0"_v, "5-4-ecs-services",
    "The default NOC Grafana image has been updated to `ghcr.io/thethingsindustries/lorawan-stack-noc-grafana:3.26.0`.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kNocRateLimiting{"NocRateLimiting", "3.26.0"_v, "5-4-ecs-services",
    "Add NOC rate limiting.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kMonitoringUDPGSRemoved{"MonitoringUDPGSRemoved", "3.26.0"_v, "5-5-ecs-monitoring",
    "UDP Gateway Server references have been removed.",
    Coverage::Implemented, "src/stacks/5-6-ecs-monitoring.cpp"};
constexpr Change kProxyEnvoy1_26_0{"ProxyEnvoy1_26_0", "3.25.2"_v, "Proxy",
    "Upgraded to Envoy 1.26.0.",
    Coverage::Image, "5-7-ecs-proxy: Envoy ships in the proxy image (tag = release)"};
constexpr Change kTimescaleNodeExporter1_5_0{"TimescaleNodeExporter1_5_0", "3.25.2"_v, "2-5-db-timescale",
    "Updated the default `node_exporter` version to 1.5.0.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kTimescaleReplicaRollingUpdate{"TimescaleReplicaRollingUpdate", "3.25.2"_v, "2-5-db-timescale",
    "Replica updates now always maintain at least one instance during the upgrade.",
    Coverage::Implemented, "src/stacks/2-5-db-timescale-master.cpp"};
constexpr Change kTimescaleCustomSettingsOnProvisioning{"TimescaleCustomSettingsOnProvisioning", "3.25.2"_v, "2-5-db-timescale",
    "Postgres custom settings are now re-created on every master instance provisioning.",
    Coverage::Implemented, "templates/2-5-db-timescale-master/node.sh: the settings are written on every provisioning in every rendered release"};
constexpr Change kClusterNodeExporter1_5_0{"ClusterNodeExporter1_5_0", "3.25.2"_v, "5-4-ecs-cluster",
    "Updated the default `node_exporter` version to 1.5.0.",
    Coverage::DocsError, "5-1-ecs-cluster.cpp: the changelog says 5-4-ecs-cluster (no such stack); implemented in 5-1-ecs-cluster"};
constexpr Change kPrometheus2_43_0{"Prometheus2_43_0", "3.25.2"_v, "5-5-ecs-monitoring",
    "Prometheus has been upgraded to version 2.43.0.",
    Coverage::Image, "5-6-ecs-monitoring: Prometheus ships in the -aws-prometheus image (tag = release)"};
constexpr Change kPluginsConfigBucket{"PluginsConfigBucket", "3.25.1"_v, "2-4b-routing-s3",
    "Added `PluginsConfigBucket`.",
    Coverage::Implemented, "src/stacks/2-4b-routing-s3.cpp"};
constexpr Change kProxyNocRouteTimeout{"ProxyNocRouteTimeout", "3.25.1"_v, "Proxy",
    "The Network Operations Center routes now have a 30 second timeout.",
    Coverage::Image, "5-7-ecs-proxy: routes are in the proxy image (tag = release)"};
constexpr Change kBasicStationZeroDeregistration{"BasicStationZeroDeregistration", "3.25.1"_v, "3-2-load-balancer-rules",
    "The Basic Station and Tabs Hubs target groups now have a deregistration delay of zero.",
    Coverage::Implemented, "src/stacks/3-2-load-balancer-rules.cpp"};
constexpr Change kMinimumHealthyPercentEC2OnlyIS{"MinimumHealthyPercentEC2OnlyIS", "3.25.1"_v, "5-3a-ecs-is-service",
    "Service deployment configuration `MinimumHealthyPercent` is now applied only to EC2 services.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kMinimumHealthyPercentEC2OnlyISProxy{"MinimumHealthyPercentEC2OnlyISProxy", "3.25.1"_v, "5-3b-ecs-external-is-proxy",
    "Service deployment configuration `MinimumHealthyPercent` is now applied only to EC2 services.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kMinimumHealthyPercentEC2OnlyTBS{"MinimumHealthyPercentEC2OnlyTBS", "3.25.1"_v, "5-3c-tbs-service",
    "Service deployment configuration `MinimumHealthyPercent` is now applied only to EC2 services.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kGrafanaGzip{"GrafanaGzip", "3.25.1"_v, "5-4-ecs-services",
    "Grafana `gzip` encoding is now enabled.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kMinimumHealthyPercentEC2Only{"MinimumHealthyPercentEC2Only", "3.25.1"_v, "5-4-ecs-services",
    "Service deployment configuration `MinimumHealthyPercent` is now applied only to EC2 services.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kNocGrafanaImage3_25_1{"NocGrafanaImage3_25_1", "3.25.1"_v, "5-4-ecs-services",
    "The default NOC Grafana image has been updated to `ghcr.io/thethingsindustries/lorawan-stack-noc-grafana:3.25.1`.",
    Coverage::Implemented, "src/stacks/5-4-ecs-services.cpp"};
constexpr Change kMinimumHealthyPercentEC2OnlyProxy{"MinimumHealthyPercentEC2OnlyProxy", "3.25.1"_v, "5-6-ecs-proxy",
    "Service deployment configuration `MinimumHealthyPercent` is now applied only to EC2 services.",
    Coverage::Implemented, "src/stacks/ecs_service.cpp"};
constexpr Change kProxyNocApi{"ProxyNocApi", "3.25.0"_v, "Proxy",
    "The NOC API is now exposed by the proxy.",
    Coverage::Image, "5-7-ecs-proxy: routes are in the proxy image (tag = release)"};
constexpr Change kTimescaleExtension2_10_1{"TimescaleExtension2_10_1", "3.25.0"_v, "2-5-db-timescale",
    "Added TimescaleDB 2.10.1 support.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kRedisR6g{"RedisR6g", "3.25.0"_v, "2-3-db-redis",
    "The `r4g` family of machines is now available for hosting.",
    Coverage::DocsError, "2-3-db-redis.cpp: there is no r4g family; read as r6g, the Graviton family of that time (docs/decisions-data.md)"};
constexpr Change kNocApiPaths{"NocApiPaths", "3.25.0"_v, "4-2a-configuration",
    "Added the NOC API paths.",
    Coverage::Implemented, "templates/4-2a-configuration (the NOC API base paths)"};
constexpr Change kRestrictAdminManagedFieldUpdates{"RestrictAdminManagedFieldUpdates", "3.25.0"_v, "4-2a-configuration",
    "Added `RestrictAdminManagedFieldUpdates` parameter.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp"};
constexpr Change kBastionGraviton{"BastionGraviton", "3.24.2"_v, "1-2-bastion",
    "AWS Graviton instances can now be used as bastion hosts.",
    Coverage::Implemented, "src/stacks/1-2-bastion.cpp"};
constexpr Change kTimescaleExtension2_10_0{"TimescaleExtension2_10_0", "3.24.2"_v, "2-5-db-timescale",
    "Added TimescaleDB 2.10.0 support.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kTimescaleEngine15Extension2_9_3{"TimescaleEngine15Extension2_9_3", "3.24.1"_v, "2-5-db-timescale",
    "Added support for Postgres engine version 15 and TimescaleDB 2.9.3.",
    Coverage::Implemented, "src/stacks/timescaledb.cpp"};
constexpr Change kTimescaleEngine12MasterConfigFix{"TimescaleEngine12MasterConfigFix", "3.24.1"_v, "2-5-db-timescale",
    "Fixed the master configuration for new Postgres engine version 12 deployments.",
    Coverage::Baseline, "timescaledb.cpp: the node scripts configure every engine the same way in every release"};
constexpr Change kRedisConnectionPoolMaxLifetime{"RedisConnectionPoolMaxLifetime", "3.24.1"_v, "4-2a-configuration",
    "Added `RedisConnectionPoolMaxLifetime` parameter.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp"};
constexpr Change kKeyVaultCache{"KeyVaultCache", "3.24.1"_v, "4-2a-configuration",
    "Added `KeyVaultCacheSize`, `KeyVaultCacheTTL`, `KeyVaultCacheErrorTTL` parameters.",
    Coverage::Implemented, "src/stacks/4-2a-configuration.cpp"};
constexpr Change kStackMtlsTerminationRemoved{"StackMtlsTerminationRemoved", "3.24.0"_v, "ECS templates",
    "Support for TLS mutual authentication terminated by The Things Stack has been removed. TLS authentication is now only terminated by the Network Load Balancer or Envoy Proxy.",
    Coverage::Baseline, "ttsgen renders from 3.24.0: no release has mutual TLS terminated by The Things Stack"};
constexpr Change kJoinServerInteropRemoved{"JoinServerInteropRemoved", "3.24.0"_v, "ECS templates",
    "Support for LoRaWAN Backend Interfaces interoperability with the Join Server has been removed.",
    Coverage::Baseline, "ttsgen renders from 3.24.0: no release has Join Server interop"};
constexpr Change kCryptoServerRemoved{"CryptoServerRemoved", "3.24.0"_v, "ECS templates",
    "Crypto Server deployment has been removed.",
    Coverage::Baseline, "ttsgen renders from 3.24.0: no release has the Crypto Server"};
constexpr Change kUpgradeInteropRemovalOrder{"UpgradeInteropRemovalOrder", "3.24.0"_v, "Upgrade procedure",
    "As this version upgrade removes certain resources, the standard upgrade procedure which follows the template numbering order cannot be followed directly.",
    Coverage::Procedure, "src/diff/procedures.cpp (UPGRADING-3.24.md)"};
constexpr Change kUpgradeInteropRemovalCertsLeFirst{"UpgradeInteropRemovalCertsLeFirst", "3.24.0"_v, "Upgrade procedure",
    "The `5-7a-certs-le` template needs to be upgraded first.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kUpgradeInteropRemovalISNext{"UpgradeInteropRemovalISNext", "3.24.0"_v, "Upgrade procedure",
    "The `5-3a-ecs-is-service` template needs to be upgraded next, and have `InteropEnabled` set to `disabled`. The value may be enabled again after every other template has been upgraded.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kUpgradeInteropRemovalThenStandard{"UpgradeInteropRemovalThenStandard", "3.24.0"_v, "Upgrade procedure",
    "The standard upgrade procedure can commence after these two templates have been upgraded.",
    Coverage::Procedure, "src/diff/procedures.cpp"};
constexpr Change kInteropEnabledBoolean{"InteropEnabledBoolean", "3.24.0"_v, "3-2-load-balancer-rules",
    "Changed `InteropEnabled` to a boolean since TLS mutual authentication is no longer terminated by The Things Stack. If you were using `server-authentication` or `mutual-authentication`, select `true`; If you were using `disabled`, select `false`.",
    Coverage::Baseline, "src/stacks/3-2-load-balancer-rules.cpp: a boolean in every rendered release"};
constexpr Change kInteropTLSSecretRemoved{"InteropTLSSecretRemoved", "3.24.0"_v, "4-1-secrets",
    "Removed `InteropTLSSecret` and output `InteropTLSSecretID`.",
    Coverage::Baseline, "src/stacks/4-1-secrets.cpp: absent in every rendered release"};
constexpr Change kInteropEnabledConfigRemoved{"InteropEnabledConfigRemoved", "3.24.0"_v, "4-2a-configuration",
    "Removed `InteropEnabled` parameter.",
    Coverage::Baseline, "src/stacks/4-2a-configuration.cpp: until 3.23.2"};
constexpr Change kCryptoServerDNSNameRemoved{"CryptoServerDNSNameRemoved", "3.24.0"_v, "4-2a-configuration",
    "Removed `CryptoServerDNSName` parameter.",
    Coverage::Baseline, "src/stacks/4-2a-configuration.cpp: until 3.23.2"};
constexpr Change kCertificateAuthorityARN{"CertificateAuthorityARN", "3.24.0"_v, "4-2a-configuration",
    "Added `CertificateAuthorityARN` parameter.",
    Coverage::Baseline, "src/stacks/4-2a-configuration.cpp: in every rendered release"};
constexpr Change kUseCertificateAuthorityARNOps{"UseCertificateAuthorityARNOps", "3.24.0"_v, "5-2-ecs-ops",
    "Added `UseCertificateAuthorityARN` parameter.",
    Coverage::Baseline, "src/stacks/ecs_service.cpp: in every rendered release"};
constexpr Change kInteropEnabledISBoolean{"InteropEnabledISBoolean", "3.24.0"_v, "5-3a-ecs-is-service",
    "Changed `InteropEnabledIS` to a boolean since TLS mutual authentication is no longer terminated by The Things Stack. If you were using `server-authentication` or `mutual-authentication`, select `true`; If you were using `disabled`, select `false`.",
    Coverage::Baseline, "src/stacks/5-3a-ecs-is-service.cpp: a boolean in every rendered release"};
constexpr Change kUseCertificateAuthorityARNIS{"UseCertificateAuthorityARNIS", "3.24.0"_v, "5-3a-ecs-is-service",
    "Added `UseCertificateAuthorityARN` parameter.",
    Coverage::Baseline, "src/stacks/ecs_service.cpp"};
constexpr Change kUseCertificateAuthorityARNTBS{"UseCertificateAuthorityARNTBS", "3.24.0"_v, "5-3c-ecs-tbs-service",
    "Added `UseCertificateAuthorityARN` parameter.",
    Coverage::Baseline, "src/stacks/ecs_service.cpp"};
constexpr Change kInteropEnabledJSRemoved{"InteropEnabledJSRemoved", "3.24.0"_v, "5-4-ecs-services",
    "Removed `InteropEnabledJS` parameter.",
    Coverage::Baseline, "src/stacks/5-4-ecs-services.cpp: absent in every rendered release"};
constexpr Change kUseCertificateAuthorityARNServices{"UseCertificateAuthorityARNServices", "3.24.0"_v, "5-4-ecs-services",
    "Added `UseCertificateAuthorityARN` parameter.",
    Coverage::Baseline, "src/stacks/ecs_service.cpp"};
constexpr Change kCertsLeInteropStorageRemoved{"CertsLeInteropStorageRemoved", "3.24.0"_v, "5-7a-certs-le",
    "Removed configuration for storing certificates for interoperability.",
    Coverage::Baseline, "src/stacks/5-8a-certs-le.cpp: absent in every rendered release"};
constexpr Change kCryptoStackRemoved{"CryptoStackRemoved", "3.24.0"_v, "200-1-crypto",
    "This template has been removed and can be undeployed.",
    Coverage::OutsideSet, "200-1-crypto: not in the stack set of any rendered release"};

}  // namespace changes

std::string_view coverage_name(Coverage c) {
  switch (c) {
    case Coverage::Implemented: return "implemented";
    case Coverage::Image: return "in the release's image";
    case Coverage::Procedure: return "upgrade procedure";
    case Coverage::Baseline: return "baseline (every rendered release)";
    case Coverage::OutsideSet: return "not applicable: template outside the set";
    case Coverage::DocsError: return "docs error";
    case Coverage::OurChoice: return "not applicable: our choice";
  }
  return "?";
}

std::span<const Change* const> all_changes() {
  using namespace changes;
  static constexpr std::array list{
      &kProxyISHttp2Streams,
      &kProxyMainHttp2Streams,
      &kProxyConnectionBufferLimit,
      &kProxyISUpstreamMaxStreams,
      &kNLBAccessLogsToCloudWatch,
      &kAmiTTGCClientCertificate,
      &kProxyEnvoy1_31_10,
      &kDownlinkQueueCapacity,
      &kTimescaleAmazonLinux2Again,
      &kTimescaleReplicaSingleLifecyclePolicy,
      &kLambdaPython3_14,
      &kClusterAmiArm64MappingFix,
      &kCertbotRenewalFix,
      &kServiceMemoryMoreOptions,
      &kMetadataStorageCacheEnabled,
      &kAmiManagedGateways,
      &kAmiRedisPubSubStore,
      &kAmiEuWest1Fix,
      &kAmiParameterOrder,
      &kAmiM7iDbR7g,
      &kPrometheusGrpcMethodRateLimitRule,
      &kUpgradeTimescale2_15_2Script,
      &kProxyNsMACSettingsProfileRegistry,
      &kAmiTLSCertificateSecretARN,
      &kAmiSecretsManagerPolicy,
      &kAmiPostgres16_4,
      &kManagedGatewaysTTGC,
      &kTTGPListener,
      &kApplicationUpStorageRateLimitFix,
      &kApplicationUpStoragePageSizes,
      &kProxyTenantAccess,
      &kClusterAmisUpdated,
      &kTimescaleReplicaTemplate,
      &kUpgradeTimescaleSplitDisableReplicas,
      &kUpgradeTimescaleSplitMaster,
      &kUpgradeTimescaleSplitDeployReplicas,
      &kUpgradeTimescaleSplitEnableReplicas,
      &kTimescaleMasterRename,
      &kTimescaleMasterNoReplicas,
      &kTimescaleReplicaStack,
      &kUDPRateLimitingFirewall,
      &kProxyEmailValidationPaths,
      &kMtlsBucketPolicyCleanup,
      &kLBSCUPSmTLSIngress,
      &kLBSCUPSmTLSListener,
      &kProxyTLSPortsUnconditional,
      &kInteropTLSTargetGroupProxy,
      &kGSGatewayTokensHashKeySecretRemoved,
      &kGSGatewayTokensHashKeyConfigRemoved,
      &kClusterLaunchTemplate,
      &kClusterGravitonFamilies,
      &kGCSTaskRoleMtls,
      &kNocGrafanaImage3_30_0,
      &kMonitoringRename,
      &kProxyRename,
      &kProxyLBSCUPSmTLSConditions,
      &kCertsLeRename,
      &kCertsLeMtlsInputNames,
      &kCertbotScheduleRename,
      &kAuroraEngine13_8,
      &kAuroraEngines14To16,
      &kTimescaleNodeExporter1_7_0,
      &kTimescalePostgresExporter1_5_0,
      &kTimescaleExtension2_13_1,
      &kTimescaleEngine16,
      &kTimescaleDefaultExtension2_10_1,
      &kTimescaleDefaultEngine15,
      &kSqsRename2_6,
      &kClusterNodeExporter1_7_0,
      &kProxyNocGrafanaWebSocket,
      &kOAuthAccountAppRateLimit,
      &kAzureIoTRateLimit,
      &kSqsStack,
      &kProxyConsoleEventsPaths,
      &kConsoleEventsRateLimit,
      &kRedisR7g,
      &kEventsBatching,
      &kCorrelationIDsIgnoredMethods,
      &kISNetworkNSID,
      &kNocGrafanaImage3_27_2,
      &kTimescaleInitFailureTerminates,
      &kCollaboratorRightsSetOthersAsContacts,
      &kSmallServicesTwoTasks,
      &kGOGCValueOps,
      &kGOGCValueIS,
      &kGOGCValueTBS,
      &kGrafanaAlertingDisabled,
      &kGOGCValueServices,
      &kLargeTaskSizes,
      &kLargeTaskSizesIS,
      &kLargeTaskSizesISProxy,
      &kLargeTaskSizesTBS,
      &kLargeTaskSizesServices,
      &kLargeTaskSizesMonitoring,
      &kLargeTaskSizesProxy,
      &kUDPGatewayServerRemoved,
      &kUpgradeUDPGSRemovalOrder,
      &kUpgradeUDPGSRemovalParameters,
      &kUpgradeUDPGSRemovalThenStandard,
      &kUpgradeUDPGSRemovalMoreGSTasks,
      &kBastionUDPGSRemoved,
      &kUDPTargetTypeIp,
      &kUDPGSRateLimitingDeprecated,
      &kNocRateLimitingConfig,
      &kUDPServedByGatewayServer,
      &kNocGrafanaImage3_26_0,
      &kNocRateLimiting,
      &kMonitoringUDPGSRemoved,
      &kProxyEnvoy1_26_0,
      &kTimescaleNodeExporter1_5_0,
      &kTimescaleReplicaRollingUpdate,
      &kTimescaleCustomSettingsOnProvisioning,
      &kClusterNodeExporter1_5_0,
      &kPrometheus2_43_0,
      &kPluginsConfigBucket,
      &kProxyNocRouteTimeout,
      &kBasicStationZeroDeregistration,
      &kMinimumHealthyPercentEC2OnlyIS,
      &kMinimumHealthyPercentEC2OnlyISProxy,
      &kMinimumHealthyPercentEC2OnlyTBS,
      &kGrafanaGzip,
      &kMinimumHealthyPercentEC2Only,
      &kNocGrafanaImage3_25_1,
      &kMinimumHealthyPercentEC2OnlyProxy,
      &kProxyNocApi,
      &kTimescaleExtension2_10_1,
      &kRedisR6g,
      &kNocApiPaths,
      &kRestrictAdminManagedFieldUpdates,
      &kBastionGraviton,
      &kTimescaleExtension2_10_0,
      &kTimescaleEngine15Extension2_9_3,
      &kTimescaleEngine12MasterConfigFix,
      &kRedisConnectionPoolMaxLifetime,
      &kKeyVaultCache,
      &kStackMtlsTerminationRemoved,
      &kJoinServerInteropRemoved,
      &kCryptoServerRemoved,
      &kUpgradeInteropRemovalOrder,
      &kUpgradeInteropRemovalCertsLeFirst,
      &kUpgradeInteropRemovalISNext,
      &kUpgradeInteropRemovalThenStandard,
      &kInteropEnabledBoolean,
      &kInteropTLSSecretRemoved,
      &kInteropEnabledConfigRemoved,
      &kCryptoServerDNSNameRemoved,
      &kCertificateAuthorityARN,
      &kUseCertificateAuthorityARNOps,
      &kInteropEnabledISBoolean,
      &kUseCertificateAuthorityARNIS,
      &kUseCertificateAuthorityARNTBS,
      &kInteropEnabledJSRemoved,
      &kUseCertificateAuthorityARNServices,
      &kCertsLeInteropStorageRemoved,
      &kCryptoStackRemoved,
  };
  return list;
}

}  // namespace ttsgen::catalog
