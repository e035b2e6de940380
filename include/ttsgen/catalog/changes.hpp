#pragma once
// The named-change catalog: every entry of the public template changelog (docs: ecs/changelog)
// for the releases ttsgen renders, 3.24.0 … 3.36.0, as one named constant: its release, the
// stacks as the changelog's heading names them (sic), the changelog line, and how the model
// covers it. Stack code gates on the name, not on a version literal:
//
//   if (release >= changes::kLBSCUPSmTLSListener) { … }
//
// (a Change converts to its release), so a gate says which changelog entry it implements and
// the "changelog coverage" page (`ttsgen docs`, src/docs/changelog_coverage.cpp) is generated
// from this list. Style: AWS CDK's feature flags, where a behaviour change has a name.
//
// The entries under "Unreleased" in the changelog belong to 3.36.0: they were written in the
// docs commit that released 3.36.0, and twice before (3.34.0, 3.35.2) the entries written under
// "Unreleased" in a release's docs commit were headed with that release by the next one
// (docs/audit.md, "Unreleased").
//
// A release whose templates did not change (3.32.2, 3.33.x, 3.34.2, 3.35.0) has no entry here;
// it is one line in supported_releases() (src/catalog/version.cpp).

#include <span>
#include <string_view>

#include "ttsgen/catalog/version.hpp"

namespace ttsgen::catalog {

// How the model accounts for a changelog entry.
enum class Coverage {
  Implemented,  // the rendered templates change at this release; `where` names the code
  Image,        // the change lives in an image whose tag is the release (proxy, Prometheus, certbot):
                // the template's only change is the tag, which every release has
  Procedure,    // an upgrade step; a note of the UPGRADING page (src/diff/procedures.cpp)
  Baseline,     // a 3.24.0 removal or a fix of behaviour ttsgen never had: every rendered release
                // already has the state after it
  OutsideSet,   // a template outside the ECS stack set (AMI/BYOL single template, 200-1-crypto)
  DocsError,    // the entry is wrong as written; `where` says what the model does instead
  OurChoice,    // not modelled on purpose; `where` says why (docs/audit.md)
};

std::string_view coverage_name(Coverage c);

struct Change {
  std::string_view name;    // the constant's name without its k
  Version release;          // the release whose templates first have it
  std::string_view stacks;  // the changelog's heading over the entry, as written (sic); empty: none
  std::string_view line;    // the changelog entry (sub-items joined)
  Coverage coverage;
  std::string_view where;   // where the model implements it, or why it does not apply

  // `release >= changes::kX`: the gate of a stack model.
  constexpr operator Version() const { return release; }  // NOLINT(google-explicit-constructor)
};

namespace changes {

// Defined, with their release, stacks, changelog line and coverage, in src/catalog/changes.cpp.
extern const Change kProxyISHttp2Streams;
extern const Change kProxyMainHttp2Streams;
extern const Change kProxyConnectionBufferLimit;
extern const Change kProxyISUpstreamMaxStreams;
extern const Change kNLBAccessLogsToCloudWatch;
extern const Change kAmiTTGCClientCertificate;
extern const Change kProxyEnvoy1_31_10;
extern const Change kDownlinkQueueCapacity;
extern const Change kTimescaleAmazonLinux2Again;
extern const Change kTimescaleReplicaSingleLifecyclePolicy;
extern const Change kLambdaPython3_14;
extern const Change kClusterAmiArm64MappingFix;
extern const Change kCertbotRenewalFix;
extern const Change kServiceMemoryMoreOptions;
extern const Change kMetadataStorageCacheEnabled;
extern const Change kAmiManagedGateways;
extern const Change kAmiRedisPubSubStore;
extern const Change kAmiEuWest1Fix;
extern const Change kAmiParameterOrder;
extern const Change kAmiM7iDbR7g;
extern const Change kPrometheusGrpcMethodRateLimitRule;
extern const Change kUpgradeTimescale2_15_2Script;
extern const Change kProxyNsMACSettingsProfileRegistry;
extern const Change kAmiTLSCertificateSecretARN;
extern const Change kAmiSecretsManagerPolicy;
extern const Change kAmiPostgres16_4;
extern const Change kManagedGatewaysTTGC;
extern const Change kTTGPListener;
extern const Change kApplicationUpStorageRateLimitFix;
extern const Change kApplicationUpStoragePageSizes;
extern const Change kProxyTenantAccess;
extern const Change kClusterAmisUpdated;
extern const Change kTimescaleReplicaTemplate;
extern const Change kUpgradeTimescaleSplitDisableReplicas;
extern const Change kUpgradeTimescaleSplitMaster;
extern const Change kUpgradeTimescaleSplitDeployReplicas;
extern const Change kUpgradeTimescaleSplitEnableReplicas;
extern const Change kTimescaleMasterRename;
extern const Change kTimescaleMasterNoReplicas;
extern const Change kTimescaleReplicaStack;
extern const Change kUDPRateLimitingFirewall;
extern const Change kProxyEmailValidationPaths;
extern const Change kMtlsBucketPolicyCleanup;
extern const Change kLBSCUPSmTLSIngress;
extern const Change kLBSCUPSmTLSListener;
extern const Change kProxyTLSPortsUnconditional;
extern const Change kInteropTLSTargetGroupProxy;
extern const Change kGSGatewayTokensHashKeySecretRemoved;
extern const Change kGSGatewayTokensHashKeyConfigRemoved;
extern const Change kClusterLaunchTemplate;
extern const Change kClusterGravitonFamilies;
extern const Change kGCSTaskRoleMtls;
extern const Change kNocGrafanaImage3_30_0;
extern const Change kMonitoringRename;
extern const Change kProxyRename;
extern const Change kProxyLBSCUPSmTLSConditions;
extern const Change kCertsLeRename;
extern const Change kCertsLeMtlsInputNames;
extern const Change kCertbotScheduleRename;
extern const Change kAuroraEngine13_8;
extern const Change kAuroraEngines14To16;
extern const Change kTimescaleNodeExporter1_7_0;
extern const Change kTimescalePostgresExporter1_5_0;
extern const Change kTimescaleExtension2_13_1;
extern const Change kTimescaleEngine16;
extern const Change kTimescaleDefaultExtension2_10_1;
extern const Change kTimescaleDefaultEngine15;
extern const Change kSqsRename2_6;
extern const Change kClusterNodeExporter1_7_0;
extern const Change kProxyNocGrafanaWebSocket;
extern const Change kOAuthAccountAppRateLimit;
extern const Change kAzureIoTRateLimit;
extern const Change kSqsStack;
extern const Change kProxyConsoleEventsPaths;
extern const Change kConsoleEventsRateLimit;
extern const Change kRedisR7g;
extern const Change kEventsBatching;
extern const Change kCorrelationIDsIgnoredMethods;
extern const Change kISNetworkNSID;
extern const Change kNocGrafanaImage3_27_2;
extern const Change kTimescaleInitFailureTerminates;
extern const Change kCollaboratorRightsSetOthersAsContacts;
extern const Change kSmallServicesTwoTasks;
extern const Change kGOGCValueOps;
extern const Change kGOGCValueIS;
extern const Change kGOGCValueTBS;
extern const Change kGrafanaAlertingDisabled;
extern const Change kGOGCValueServices;
extern const Change kLargeTaskSizes;
extern const Change kLargeTaskSizesIS;
extern const Change kLargeTaskSizesISProxy;
extern const Change kLargeTaskSizesTBS;
extern const Change kLargeTaskSizesServices;
extern const Change kLargeTaskSizesMonitoring;
extern const Change kLargeTaskSizesProxy;
extern const Change kUDPGatewayServerRemoved;
extern const Change kUpgradeUDPGSRemovalOrder;
extern const Change kUpgradeUDPGSRemovalParameters;
extern const Change kUpgradeUDPGSRemovalThenStandard;
extern const Change kUpgradeUDPGSRemovalMoreGSTasks;
extern const Change kBastionUDPGSRemoved;
extern const Change kUDPTargetTypeIp;
extern const Change kUDPGSRateLimitingDeprecated;
extern const Change kNocRateLimitingConfig;
extern const Change kUDPServedByGatewayServer;
extern const Change kNocGrafanaImage3_26_0;
extern const Change kNocRateLimiting;
extern const Change kMonitoringUDPGSRemoved;
extern const Change kProxyEnvoy1_26_0;
extern const Change kTimescaleNodeExporter1_5_0;
extern const Change kTimescaleReplicaRollingUpdate;
extern const Change kTimescaleCustomSettingsOnProvisioning;
extern const Change kClusterNodeExporter1_5_0;
extern const Change kPrometheus2_43_0;
extern const Change kPluginsConfigBucket;
extern const Change kProxyNocRouteTimeout;
extern const Change kBasicStationZeroDeregistration;
extern const Change kMinimumHealthyPercentEC2OnlyIS;
extern const Change kMinimumHealthyPercentEC2OnlyISProxy;
extern const Change kMinimumHealthyPercentEC2OnlyTBS;
extern const Change kGrafanaGzip;
extern const Change kMinimumHealthyPercentEC2Only;
extern const Change kNocGrafanaImage3_25_1;
extern const Change kMinimumHealthyPercentEC2OnlyProxy;
extern const Change kProxyNocApi;
extern const Change kTimescaleExtension2_10_1;
extern const Change kRedisR6g;
extern const Change kNocApiPaths;
extern const Change kRestrictAdminManagedFieldUpdates;
extern const Change kBastionGraviton;
extern const Change kTimescaleExtension2_10_0;
extern const Change kTimescaleEngine15Extension2_9_3;
extern const Change kTimescaleEngine12MasterConfigFix;
extern const Change kRedisConnectionPoolMaxLifetime;
extern const Change kKeyVaultCache;
extern const Change kStackMtlsTerminationRemoved;
extern const Change kJoinServerInteropRemoved;
extern const Change kCryptoServerRemoved;
extern const Change kUpgradeInteropRemovalOrder;
extern const Change kUpgradeInteropRemovalCertsLeFirst;
extern const Change kUpgradeInteropRemovalISNext;
extern const Change kUpgradeInteropRemovalThenStandard;
extern const Change kInteropEnabledBoolean;
extern const Change kInteropTLSSecretRemoved;
extern const Change kInteropEnabledConfigRemoved;
extern const Change kCryptoServerDNSNameRemoved;
extern const Change kCertificateAuthorityARN;
extern const Change kUseCertificateAuthorityARNOps;
extern const Change kInteropEnabledISBoolean;
extern const Change kUseCertificateAuthorityARNIS;
extern const Change kUseCertificateAuthorityARNTBS;
extern const Change kInteropEnabledJSRemoved;
extern const Change kUseCertificateAuthorityARNServices;
extern const Change kCertsLeInteropStorageRemoved;
extern const Change kCryptoStackRemoved;
}  // namespace changes

// Every entry above, newest release first, in the changelog's order.
std::span<const Change* const> all_changes();

}  // namespace ttsgen::catalog
