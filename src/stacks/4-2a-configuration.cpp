// 4-2a-configuration (4-2-configuration before 3.13.0): The Things Stack configuration, one SSM
// parameter per component (docs: ecs/deployment). Each parameter holds a TTS YAML configuration document:
// the file templates/4-2a-configuration/<component>.yml (what does not depend on a parameter, and
// values derived from Domain and friends) plus the settings of the table below, added at their
// configuration keys. Every task reads GlobalConfiguration and then its component's document;
// values from other stacks and secrets reach the containers as TTN_LW_* environment variables
// (docs/decisions-config.md).
#include <algorithm>
#include <optional>
#include <stdexcept>

#include "ttsgen/catalog/production.hpp"
#include "ttsgen/cfn/references.hpp"
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/configuration.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"
#include "ttsgen/util/embedded.hpp"

namespace ttsgen::stacks {

using namespace cfn;
using catalog::Version;

namespace {

// How a setting is asked for, and how its value is written into the YAML document.
enum class Kind {
  Flag,      // true/false, written bare
  Number,    // Number with MinValue/MaxValue, written bare
  Duration,  // Go duration (1m, 15s, 72h), written bare
  Choice,    // one of `values`, written quoted
  Text,      // free text within `pattern`, written quoted
  List,      // comma-separated items within `pattern`, written as a YAML flow sequence
};

// Console groups, in the order the console shows them (after "General").
constexpr std::string_view kCluster = "Cluster";
constexpr std::string_view kComponents = "Components";
constexpr std::string_view kLoRaWAN = "LoRaWAN";
constexpr std::string_view kIS = "Identity Server";
constexpr std::string_view kDevEUI = "DevEUI issuing";
constexpr std::string_view kConsole = "Console";
constexpr std::string_view kGS = "Gateway Server";
constexpr std::string_view kNS = "Network Server";
constexpr std::string_view kAS = "Application Server";
constexpr std::string_view kPB = "Packet Broker";
constexpr std::string_view kInterop = "Interoperability";
constexpr std::string_view kNOC = "Network Operations Center";
constexpr std::string_view kEvents = "Events";
constexpr std::string_view kRedis = "Redis";
constexpr std::string_view kKeyVault = "Key Vault and certificates";
constexpr std::string_view kTBS = "Tenant billing";
constexpr std::string_view kAdvanced = "Advanced";

// Patterns. Free text never holds `"` or `\`, so it can be written inside YAML double quotes.
constexpr std::string_view kOptionalURLPattern = "^$|^https?://[^\\s\"\\\\]+$";
constexpr std::string_view kOptionalTextPattern = "^[^\"\\\\]*$";
constexpr std::string_view kOptionalIDPattern = "^$|^[a-z0-9](?:[-]?[a-z0-9]){2,35}$";
constexpr std::string_view kAddressPattern = "^[a-z0-9.-]+:[0-9]{1,5}$";
constexpr std::string_view kOptionalEUIPattern = "^$|^[0-9A-Fa-f]{16}$";

// One parameter of the stack. Every release boundary is explicit: `since` is the first release
// with the parameter (under this name), `until` the last one. Rows of parameters removed before
// 3.24.0 stay in the table as history; they never render.
struct Setting {
  std::string_view name;
  Version since;
  std::optional<Version> until = std::nullopt;
  Kind kind = Kind::Text;
  std::string_view default_value = {};
  bool required = false;  // no default: the operator must give a value
  std::vector<std::string> values = {};
  long long min = 0, max = 0;
  std::string_view pattern = {};
  std::string_view constraint = {};
  int max_length = 0;
  std::string_view group = {}, label = {}, description = {};
  // The document ("global", "gs", ...) and key the value is written at. Empty for a parameter the
  // documents use in their own text (Domain, ...) or that shapes the stack (Include*).
  std::string_view component = {};
  std::string_view key = {};
  // For an optional value: the Fn::Sub text used when it is left empty.
  std::string_view fallback = {};
  // A parameter of the shared-parameter catalog: declared there, not by the fields above.
  const SharedParameter* shared = nullptr;
};

const std::vector<Setting>& settings() {
  static const std::vector<Setting> table{
      // --- Cluster ---------------------------------------------------------------------------
      {.name = "Domain", .since = "3.9.0"_v, .shared = &shared::domain()},
      {.name = "IdentityServerDomain", .since = "3.9.0"_v, .shared = &shared::identity_server_domain()},
      {.name = "DefaultTenantID", .since = "3.9.0"_v, .pattern = kOptionalIDPattern,
       .constraint = "empty, or a tenant ID (3-36 lowercase letters, digits and dashes)", .max_length = 36,
       .group = kCluster, .label = "Default tenant ID",
       .description = "The only tenant of a single-tenant deployment, or the optional default tenant of a "
                      "multi-tenant one. The stack does not create it: see is-db create-tenant.",
       .component = "global", .key = "tenancy.default-id"},
      // 3.14.0: + NetworkServerClusterID; 3.15.0: renamed ClusterID (keep the old value).
      {.name = "NetworkServerClusterID", .since = "3.14.0"_v, .until = "3.14.2"_v, .required = true,
       .pattern = "^[a-z0-9][a-z0-9.-]{0,62}$", .max_length = 63, .group = kCluster, .label = "Cluster ID",
       .description = "Cluster ID of the Network Server.", .component = "ns", .key = "ns.cluster-id"},
      {.name = "ClusterID", .since = "3.15.0"_v, .required = true, .pattern = "^[a-z0-9][a-z0-9.-]{0,62}$",
       .constraint = "1-63 lowercase letters, digits, dots and dashes", .max_length = 63,
       .group = kCluster, .label = "Cluster ID",
       .description = "ID of this cluster among the clusters of the network (e.g. eu1). Keep the value of "
                      "NetworkServerClusterID when updating from 3.14.",
       .component = "ns", .key = "ns.cluster-id"},
      // 3.19.0: + ClusterIDAddressTemplate (equals Domain for a single cluster).
      {.name = "ClusterIDAddressTemplate", .since = "3.19.0"_v, .pattern = "^$|^[a-zA-Z0-9.%{}_-]+$",
       .constraint = "empty, or a host name template", .max_length = 128,
       .group = kCluster, .label = "Cluster ID address template",
       .description = "Template that builds the address of a cluster from its cluster ID. Leave empty for a "
                      "single-cluster network (Domain is used).",
       .component = "global", .key = "cluster.cluster-id-address-template", .fallback = "${Domain}"},

      // --- Components --------------------------------------------------------------------------
      // 3.12.2: + IncludeConsole.
      {.name = "IncludeConsole", .since = "3.12.2"_v, .kind = Kind::Flag, .default_value = "true",
       .group = kComponents, .label = "Include Console", .description = "Configure the Console."},
      // 3.11.2: per-service configuration selectable; 3.12.2: default true.
      {.name = "IncludeGatewayConfigurationServer", .since = "3.11.2"_v, .kind = Kind::Flag, .default_value = "true",
       .group = kComponents, .label = "Include Gateway Configuration Server",
       .description = "Configure the Gateway Configuration Server (CUPS, managed gateways)."},
      // 3.12.2: PacketBrokerEnabled renamed IncludePacketBrokerAgent.
      {.name = "PacketBrokerEnabled", .since = "3.10.6"_v, .until = "3.12.1"_v, .kind = Kind::Flag,
       .default_value = "true", .group = kComponents, .label = "Packet Broker",
       .description = "Configure the Packet Broker Agent."},
      {.name = "IncludePacketBrokerAgent", .since = "3.12.2"_v, .kind = Kind::Flag, .default_value = "true",
       .group = kComponents, .label = "Include Packet Broker Agent",
       .description = "Configure the Packet Broker Agent, and forward gateway traffic to Packet Broker."},
      // 3.19.2: + IncludeNetworkOperationsCenter.
      {.name = "IncludeNetworkOperationsCenter", .since = "3.19.2"_v, .kind = Kind::Flag, .shared = &shared::include_network_operations_center()},
      // 3.23.0: + SupportProxyTLS (the same value in every template; changes GSConfiguration only).
      {.name = "SupportProxyTLS", .since = "3.23.0"_v, .kind = Kind::Flag, .shared = &shared::support_proxy_tls()},

      // --- LoRaWAN (names chosen by ttsgen: the docs ask for a NetID and a DevAddr block) -------
      {.name = "NetID", .since = "3.9.0"_v, .default_value = "000000", .pattern = "^[0-9A-Fa-f]{6}$",
       .constraint = "a NetID of 6 hexadecimal digits", .max_length = 6, .group = kLoRaWAN, .label = "NetID",
       .description = "LoRa Alliance NetID of the network; 000000 or 000001 for tests."},
      {.name = "DevAddrPrefix", .since = "3.9.0"_v, .default_value = "00000000/7",
       .pattern = "^[0-9A-Fa-f]{8}/([0-9]|[12][0-9]|3[0-2])$", .constraint = "a DevAddr prefix such as 26000000/20",
       .max_length = 11, .group = kLoRaWAN, .label = "DevAddr prefix",
       .description = "DevAddr block of the network (00000000/7 with NetID 000000, 02000000/7 with 000001)."},
      {.name = "JoinEUIPrefix", .since = "3.9.0"_v, .default_value = "0000000000000000/0",
       .pattern = "^[0-9A-Fa-f]{16}/([0-9]|[1-5][0-9]|6[0-4])$", .constraint = "a JoinEUI prefix such as 70B3D57ED0000000/40",
       .max_length = 19, .group = kLoRaWAN, .label = "JoinEUI prefix",
       .description = "JoinEUIs the Join Server handles (0000000000000000/0 for all)."},
      // 3.23.1: + HomeNSID for the DCS configuration.
      {.name = "HomeNSID", .since = "3.23.1"_v, .pattern = kOptionalEUIPattern,
       .constraint = "empty, or an EUI of 16 hexadecimal digits", .max_length = 16, .group = kLoRaWAN,
       .label = "Home NSID", .description = "NSID (EUI-64) of this network's Network Server, for device claiming.",
       .component = "dcs", .key = "dcs.edcs.ns-id"},

      // --- Identity Server ---------------------------------------------------------------------
      // Names chosen by ttsgen: the emails need a network name and a sender.
      {.name = "NetworkTitle", .since = "3.9.0"_v, .default_value = "The Things Stack", .pattern = "^[^\"\\\\]{1,64}$",
       .constraint = "1-64 characters, without quotes or backslashes", .max_length = 64, .group = kIS,
       .label = "Network title", .description = "Name of the network in emails.",
       .component = "is", .key = "is.email.network.name"},
      {.name = "EmailSenderAddress", .since = "3.9.0"_v, .pattern = "^$|^[^@\\s\"\\\\]+@[^@\\s\"\\\\]+$",
       .constraint = "empty, or an email address", .max_length = 128, .group = kIS, .label = "Email sender address",
       .description = "Sender of the emails. Leave empty for noreply@<Domain>.",
       .component = "is", .key = "is.email.sender-address", .fallback = "noreply@${Domain}"},
      // 3.10.6: + AdminRightsAll.
      {.name = "AdminRightsAll", .since = "3.10.6"_v, .kind = Kind::Flag, .default_value = "true", .group = kIS,
       .label = "Admins have all rights", .description = "Administrators have all rights on every entity.",
       .component = "is", .key = "is.admin-rights.all"},
      // 3.15.2: + UserCredentialsLoginDisabled.
      {.name = "UserCredentialsLoginDisabled", .since = "3.15.2"_v, .kind = Kind::Flag, .default_value = "false",
       .group = kIS, .label = "Disable password login",
       .description = "Users cannot log in with a password (only through external authentication providers).",
       .component = "is", .key = "is.user-login.disable-credentials-login"},
      // 3.19.0: + UserRightsUpdatePrimaryEmailAddress, UserRightsUpdateName.
      {.name = "UserRightsUpdatePrimaryEmailAddress", .since = "3.19.0"_v, .kind = Kind::Flag,
       .default_value = "true", .group = kIS, .label = "Users may change their email address",
       .description = "Users may change their primary email address.",
       .component = "is", .key = "is.user-rights.update-primary-email-address"},
      {.name = "UserRightsUpdateName", .since = "3.19.0"_v, .kind = Kind::Flag, .default_value = "true",
       .group = kIS, .label = "Users may change their name", .description = "Users may change their name.",
       .component = "is", .key = "is.user-rights.update-name"},
      // 3.25.0: + RestrictAdminManagedFieldUpdates.
      {.name = "RestrictAdminManagedFieldUpdates", .since = "3.25.0"_v, .kind = Kind::Flag,
       .default_value = "false", .group = kIS, .label = "Restrict updates of admin-managed fields",
       .description = "Only administrators may update fields that administrators manage.",
       .component = "is", .key = "is.admin-rights.restrict-managed-field-updates"},
      // 3.27.1: + CollaboratorRightsSetOthersAsContacts.
      {.name = "CollaboratorRightsSetOthersAsContacts", .since = "3.27.1"_v, .kind = Kind::Flag,
       .default_value = "true", .group = kIS, .label = "Collaborators may set others as contacts",
       .description = "Collaborators may make other collaborators the contacts of an entity.",
       .component = "is", .key = "is.collaborator-rights.set-others-as-contacts"},
      // 3.18.0: + DatabaseMaxIdleConns, DatabaseMaxOpenConns.
      {.name = "DatabaseMaxIdleConns", .since = "3.18.0"_v, .kind = Kind::Number, .default_value = "10", .min = 0,
       .max = 1000, .group = kIS, .label = "Database idle connections",
       .description = "Idle connections each Identity Server keeps to the database.",
       .component = "is", .key = "is.database-max-idle-conns"},
      {.name = "DatabaseMaxOpenConns", .since = "3.18.0"_v, .kind = Kind::Number, .default_value = "20", .min = 1,
       .max = 1000, .group = kIS, .label = "Database open connections",
       .description = "Open connections each Identity Server may have to the database.",
       .component = "is", .key = "is.database-max-open-conns"},
      // 3.11.0: + ConsoleURLForAccountApp (optional).
      {.name = "ConsoleURLForAccountApp", .since = "3.11.0"_v, .pattern = kOptionalURLPattern,
       .constraint = "empty, or an http(s) URL", .max_length = 200, .group = kIS, .label = "Console URL for the Account app",
       .description = "Console URL the Account app links to. Leave empty for https://<Domain>/console.",
       .component = "is", .key = "is.oauth.ui.console-url", .fallback = "https://${Domain}/console"},
      // 3.21.0: + EntityLimits parameters (names and keys chosen by ttsgen).
      {.name = "EntityLimitsApplicationsPerUser", .since = "3.21.0"_v, .kind = Kind::Number, .default_value = "0",
       .min = 0, .max = 1000000, .group = kIS, .label = "Applications per user",
       .description = "Applications a user may create; 0 for no limit.",
       .component = "is", .key = "is.application-limits.max-per-user"},
      {.name = "EntityLimitsGatewaysPerUser", .since = "3.21.0"_v, .kind = Kind::Number, .default_value = "0",
       .min = 0, .max = 1000000, .group = kIS, .label = "Gateways per user",
       .description = "Gateways a user may create; 0 for no limit.",
       .component = "is", .key = "is.gateway-limits.max-per-user"},
      {.name = "EntityLimitsOrganizationsPerUser", .since = "3.21.0"_v, .kind = Kind::Number, .default_value = "0",
       .min = 0, .max = 1000000, .group = kIS, .label = "Organizations per user",
       .description = "Organizations a user may create; 0 for no limit.",
       .component = "is", .key = "is.organization-limits.max-per-user"},
      {.name = "EntityLimitsClientsPerUser", .since = "3.21.0"_v, .kind = Kind::Number, .default_value = "0",
       .min = 0, .max = 1000000, .group = kIS, .label = "OAuth clients per user",
       .description = "OAuth clients a user may create; 0 for no limit.",
       .component = "is", .key = "is.client-limits.max-per-user"},

      // --- DevEUI issuing (3.13.0; the Console uses them since 3.14.0) -------------------------
      {.name = "DevEUIBlockEnabled", .since = "3.13.0"_v, .kind = Kind::Flag, .default_value = "false",
       .group = kDevEUI, .label = "Issue DevEUIs", .description = "The Identity Server issues DevEUIs from a block.",
       .component = "is", .key = "is.dev-eui-block.enable"},
      {.name = "DevEUIBlockApplicationLimit", .since = "3.13.0"_v, .kind = Kind::Number, .default_value = "3",
       .min = 0, .max = 1000000, .group = kDevEUI, .label = "DevEUIs per application",
       .description = "DevEUIs an application may be issued.", .component = "is",
       .key = "is.dev-eui-block.application-limit"},
      {.name = "DevEUIBlockPrefix", .since = "3.13.0"_v, .pattern = "^$|^[0-9A-Fa-f]{16}/([0-9]|[1-5][0-9]|6[0-4])$",
       .constraint = "empty, or an EUI prefix such as 70B3D57ED0000000/36", .max_length = 19, .group = kDevEUI,
       .label = "DevEUI block", .description = "Block the DevEUIs are issued from (required to issue DevEUIs).",
       .component = "is", .key = "is.dev-eui-block.prefix"},
      {.name = "DevEUIBlockInitCounter", .since = "3.13.0"_v, .kind = Kind::Number, .default_value = "0", .min = 0,
       .max = 1000000000, .group = kDevEUI, .label = "DevEUI initial counter",
       .description = "Counter of the first DevEUI to issue from the block.", .component = "is",
       .key = "is.dev-eui-block.init-counter"},

      // --- Console -----------------------------------------------------------------------------
      // 3.15.0: + ISSupportLink.
      {.name = "ISSupportLink", .since = "3.15.0"_v, .pattern = kOptionalURLPattern,
       .constraint = "empty, or an http(s) URL", .max_length = 200, .group = kConsole, .label = "Support link",
       .description = "Target of the support button.", .component = "console", .key = "console.ui.support-link"},
      // 3.13.0: + SLAApplies, SupportPlanApplies, SLAInformationURL, FairUsePolicyInformationURL,
      // SupportPlanInformationURL, ClusterPickerURL.
      {.name = "SLAApplies", .since = "3.13.0"_v, .pattern = kOptionalTextPattern,
       .constraint = "text without quotes or backslashes", .max_length = 32, .group = kConsole,
       .label = "Applicable SLA", .description = "Service level agreement of the deployment, e.g. >99.9%.",
       .component = "console", .key = "console.ui.sla-applies"},
      {.name = "SLAInformationURL", .since = "3.13.0"_v, .pattern = kOptionalURLPattern,
       .constraint = "empty, or an http(s) URL", .max_length = 200, .group = kConsole, .label = "SLA information URL",
       .description = "Page about the SLA.", .component = "console", .key = "console.ui.sla-information-url"},
      {.name = "SupportPlanApplies", .since = "3.13.0"_v, .pattern = kOptionalTextPattern,
       .constraint = "text without quotes or backslashes", .max_length = 32, .group = kConsole,
       .label = "Applicable support plan", .description = "Support plan of the deployment, e.g. priority or 24h.",
       .component = "console", .key = "console.ui.support-plan-applies"},
      {.name = "SupportPlanInformationURL", .since = "3.13.0"_v, .pattern = kOptionalURLPattern,
       .constraint = "empty, or an http(s) URL", .max_length = 200, .group = kConsole,
       .label = "Support plan information URL", .description = "Page about the support plan.",
       .component = "console", .key = "console.ui.support-plan-information-url"},
      {.name = "FairUsePolicyInformationURL", .since = "3.13.0"_v, .pattern = kOptionalURLPattern,
       .constraint = "empty, or an http(s) URL", .max_length = 200, .group = kConsole,
       .label = "Fair use policy URL", .description = "Page about the fair use policy.",
       .component = "console", .key = "console.ui.fair-use-policy-information-url"},
      {.name = "ClusterPickerURL", .since = "3.13.0"_v, .pattern = kOptionalURLPattern,
       .constraint = "empty, or an http(s) URL", .max_length = 200, .group = kConsole, .label = "Cluster picker URL",
       .description = "Page where users pick the cluster of a multi-cluster network.",
       .component = "console", .key = "console.ui.cluster-picker-url"},
      // 3.19.0: + ConsoleStatusPageBaseURL.
      {.name = "ConsoleStatusPageBaseURL", .since = "3.19.0"_v, .pattern = kOptionalURLPattern,
       .constraint = "empty, or an http(s) URL", .max_length = 200, .group = kConsole, .label = "Status page URL",
       .description = "Base URL of the status page the Console links to.",
       .component = "console", .key = "console.ui.status-page-base-url"},

      // --- Gateway Server ----------------------------------------------------------------------
      // 3.11.3: + UDPAddrChangeBlock, UDPDownlinkPathExpires, UDPPacketHandlers.
      {.name = "UDPAddrChangeBlock", .since = "3.11.3"_v, .kind = Kind::Duration, .default_value = "1m",
       .group = kGS, .label = "UDP address change block",
       .description = "Time to block traffic when the address of a UDP gateway changes.",
       .component = "gs", .key = "gs.udp.addr-change-block"},
      {.name = "UDPDownlinkPathExpires", .since = "3.11.3"_v, .kind = Kind::Duration, .default_value = "15s",
       .group = kGS, .label = "UDP downlink path expiry",
       .description = "Time after which the downlink path to a UDP gateway expires.",
       .component = "gs", .key = "gs.udp.downlink-path-expires"},
      {.name = "UDPPacketHandlers", .since = "3.11.3"_v, .kind = Kind::Number, .default_value = "10", .min = 1,
       .max = 10000, .group = kGS, .label = "UDP packet handlers",
       .description = "Concurrent handlers of UDP packets.", .component = "gs", .key = "gs.udp.packet-handlers"},
      // 3.15.2: + UDPConnectionExpires, UDPConnectionErrorExpires.
      {.name = "UDPConnectionExpires", .since = "3.15.2"_v, .kind = Kind::Duration, .default_value = "1m",
       .group = kGS, .label = "UDP connection expiry",
       .description = "Time after which the connection of a UDP gateway expires.",
       .component = "gs", .key = "gs.udp.connection-expires"},
      {.name = "UDPConnectionErrorExpires", .since = "3.15.2"_v, .kind = Kind::Duration, .default_value = "5m",
       .group = kGS, .label = "UDP connection error expiry",
       .description = "Time after which a connection error of a UDP gateway expires.",
       .component = "gs", .key = "gs.udp.connection-error-expires"},
      // 3.16.0: + ForwardOnlyOwnedDevAddrs.
      {.name = "ForwardOnlyOwnedDevAddrs", .since = "3.16.0"_v, .kind = Kind::Flag, .default_value = "false",
       .group = kGS, .label = "Forward only own DevAddrs",
       .description = "Forward to the cluster's Network Server only uplinks with a DevAddr of DevAddrPrefix."},
      // 3.30.2: + UDPRateLimitingFirewallEnabled, ...Messages, ...Threshold (not needed with the
      // Gateway Server rate limiting of 4-2b).
      {.name = "UDPRateLimitingFirewallEnabled", .since = "3.30.2"_v, .kind = Kind::Flag, .default_value = "false",
       .group = kGS, .label = "UDP rate-limiting firewall",
       .description = "Drop UDP packets whose timestamps are not newer than those of recent packets. Not needed "
                      "with the Gateway Server rate limiting of 4-2b-configuration-rate-limiting.",
       .component = "gs", .key = "gs.udp.rate-limiting.enable"},
      {.name = "UDPRateLimitingFirewallMessages", .since = "3.30.2"_v, .kind = Kind::Number, .default_value = "10",
       .min = 1, .max = 1000, .group = kGS, .label = "UDP firewall messages",
       .description = "Past messages whose timestamps the firewall compares with.",
       .component = "gs", .key = "gs.udp.rate-limiting.messages"},
      {.name = "UDPRateLimitingFirewallThreshold", .since = "3.30.2"_v, .kind = Kind::Duration,
       .default_value = "10ms", .group = kGS, .label = "UDP firewall threshold",
       .description = "How much newer than the previous messages a packet's timestamp must be.",
       .component = "gs", .key = "gs.udp.rate-limiting.threshold"},

      // --- Network Server ----------------------------------------------------------------------
      // 3.15.0: + UplinkTasksNumConsumers, DownlinkTasksNumConsumers.
      {.name = "UplinkTasksNumConsumers", .since = "3.15.0"_v, .kind = Kind::Number, .default_value = "1", .min = 1,
       .max = 1000, .group = kNS, .label = "Uplink task consumers",
       .description = "Consumers of the queue of uplinks for the Application Server, per Network Server.",
       .component = "ns", .key = "ns.application-uplink-queue.num-consumers"},
      {.name = "DownlinkTasksNumConsumers", .since = "3.15.0"_v, .kind = Kind::Number, .default_value = "1",
       .min = 1, .max = 1000, .group = kNS, .label = "Downlink task consumers",
       .description = "Consumers of the downlink task queue, per Network Server.",
       .component = "ns", .key = "ns.downlink-task-queue.num-consumers"},
      // 3.35.2: + DownlinkQueueCapacity.
      {.name = "DownlinkQueueCapacity", .since = "3.35.2"_v, .kind = Kind::Number, .default_value = "10000",
       .min = 1, .max = 1000000, .group = kNS, .label = "Downlink queue capacity",
       .description = "Downlink messages an end device's queue holds.",
       .component = "ns", .key = "ns.downlink-queue-capacity"},

      // --- Application Server ------------------------------------------------------------------
      // 3.14.0: + ApplicationPackagesWorkerCount (listed twice in the changelog; ttsgen reads the
      // second as the packages timeout).
      {.name = "ApplicationPackagesWorkerCount", .since = "3.14.0"_v, .kind = Kind::Number,
       .default_value = "1024", .min = 1, .max = 100000, .group = kAS, .label = "Application package workers",
       .description = "Workers per application package.", .component = "as", .key = "as.packages.workers"},
      {.name = "ApplicationPackagesTimeout", .since = "3.14.0"_v, .kind = Kind::Duration, .default_value = "10s",
       .group = kAS, .label = "Application package timeout",
       .description = "Processing timeout of a message in an application package.",
       .component = "as", .key = "as.packages.timeout"},
      // 3.12.0: − PubSubProviderAWSIoT.
      {.name = "PubSubProviderAWSIoT", .since = "3.9.0"_v, .until = "3.11.3"_v, .kind = Kind::Choice,
       .default_value = "enabled", .values = {"enabled", "warning", "disabled"}, .group = kAS,
       .label = "AWS IoT Pub/Sub", .description = "AWS IoT Pub/Sub provider.", .component = "as",
       .key = "as.pubsub.providers.awsiot"},
      // 3.23.0: PubSubProviderMQTT and PubSubProviderNATS default to disabled.
      {.name = "PubSubProviderMQTT", .since = "3.9.0"_v, .kind = Kind::Choice, .default_value = "disabled",
       .values = {"enabled", "warning", "disabled"}, .group = kAS, .label = "MQTT Pub/Sub",
       .description = "MQTT Pub/Sub integrations: enabled, warning (enabled, with a deprecation warning) or disabled.",
       .component = "as", .key = "as.pubsub.providers.mqtt"},
      {.name = "PubSubProviderNATS", .since = "3.9.0"_v, .kind = Kind::Choice, .default_value = "disabled",
       .values = {"enabled", "warning", "disabled"}, .group = kAS, .label = "NATS Pub/Sub",
       .description = "NATS Pub/Sub integrations: enabled, warning (enabled, with a deprecation warning) or disabled.",
       .component = "as", .key = "as.pubsub.providers.nats"},
      // 3.18.0: + WebhooksUnhealthyAttemptsThreshold, WebhooksUnhealthyRetryInterval.
      {.name = "WebhooksUnhealthyAttemptsThreshold", .since = "3.18.0"_v, .kind = Kind::Number,
       .default_value = "5", .min = 0, .max = 1000, .group = kAS, .label = "Webhook failures before disabling",
       .description = "Successive failures after which a webhook is disabled for a while; 0 never disables.",
       .component = "as", .key = "as.webhooks.unhealthy-attempts-threshold"},
      {.name = "WebhooksUnhealthyRetryInterval", .since = "3.18.0"_v, .kind = Kind::Duration, .default_value = "1m",
       .group = kAS, .label = "Disabled webhook retry interval",
       .description = "Time after which a disabled webhook is tried again.",
       .component = "as", .key = "as.webhooks.unhealthy-retry-interval"},
      // 3.34.0: + MetadataStorageCacheEnabled.
      {.name = "MetadataStorageCacheEnabled", .since = "3.34.0"_v, .kind = Kind::Flag, .default_value = "true",
       .group = kAS, .label = "End device metadata cache",
       .description = "Cache end device metadata (locations) in the Application Server.",
       .component = "as", .key = "as.end-device-metadata-storage.location.cache.enable"},

      // --- Packet Broker -----------------------------------------------------------------------
      // 3.10.6: allowed values changed; 3.12.0: + routing clusters nam and apac; 3.12.2: .org -> .net.
      {.name = "PacketBrokerAddress", .since = "3.9.0"_v, .kind = Kind::Choice,
       .default_value = "eu.packetbroker.net:443",
       .values = {"eu.packetbroker.net:443", "nam.packetbroker.net:443", "apac.packetbroker.net:443"},
       .group = kPB, .label = "Packet Broker data plane",
       .description = "Packet Broker routing cluster the agent connects to.",
       .component = "pba", .key = "pba.data-plane-address"},
      // 3.10.6: − PacketBrokerTenantID, − PacketBrokerDevAddrPrefix; 3.11.0: + PacketBrokerTenantID.
      {.name = "PacketBrokerDevAddrPrefix", .since = "3.9.0"_v, .until = "3.10.5"_v,
       .pattern = "^[0-9A-Fa-f]{8}/([0-9]|[12][0-9]|3[0-2])$", .max_length = 11, .group = kPB,
       .label = "Packet Broker DevAddr prefix", .description = "DevAddr prefix to subscribe to.",
       .component = "pba", .key = "pba.home-network.dev-addr-prefixes"},
      {.name = "PacketBrokerTenantID", .since = "3.11.0"_v, .pattern = "^$|^[a-z0-9](?:[-]?[a-z0-9]){0,35}$",
       .constraint = "empty, or a Packet Broker tenant ID", .max_length = 36, .group = kPB,
       .label = "Packet Broker tenant ID", .description = "Tenant ID within the NetID at Packet Broker; empty for none.",
       .component = "pba", .key = "pba.tenant-id"},
      // 3.10.6: + PacketBrokerIAM.
      {.name = "PacketBrokerIAM", .since = "3.10.6"_v, .default_value = "iam.packetbroker.net:443",
       .pattern = kAddressPattern, .constraint = "host:port", .max_length = 128, .group = kPB,
       .label = "Packet Broker IAM", .description = "Address of Packet Broker IAM.",
       .component = "pba", .key = "pba.iam-address"},
      // 3.12.0: + PacketBrokerControlPlane (cp.packetbroker.org:443, .net since 3.12.2).
      {.name = "PacketBrokerControlPlane", .since = "3.12.0"_v, .default_value = "cp.packetbroker.net:443",
       .pattern = kAddressPattern, .constraint = "host:port", .max_length = 128, .group = kPB,
       .label = "Packet Broker control plane",
       .description = "Address of the Packet Broker control plane; cp.packetbroker.net:443 outside of tests.",
       .component = "pba", .key = "pba.control-plane-address"},
      // 3.16.0: + PacketBrokerMapper.
      {.name = "PacketBrokerMapper", .since = "3.16.0"_v, .default_value = "mapper.packetbroker.net:443",
       .pattern = kAddressPattern, .constraint = "host:port", .max_length = 128, .group = kPB,
       .label = "Packet Broker Mapper", .description = "Address of the Packet Broker Mapper.",
       .component = "pba", .key = "pba.mapper-address"},
      // 3.12.0: + PacketBrokerPacketBrokerForwarderIncludeGatewayEUI (sic),
      // PacketBrokerForwarderIncludeGatewayID, PacketBrokerForwarderHashGatewayID.
      {.name = "PacketBrokerPacketBrokerForwarderIncludeGatewayEUI", .since = "3.12.0"_v, .kind = Kind::Flag,
       .default_value = "true", .group = kPB, .label = "Forward gateway EUIs",
       .description = "Include the gateway EUI in uplinks forwarded to Packet Broker.",
       .component = "pba", .key = "pba.forwarder.include-gateway-eui"},
      {.name = "PacketBrokerForwarderIncludeGatewayID", .since = "3.12.0"_v, .kind = Kind::Flag,
       .default_value = "true", .group = kPB, .label = "Forward gateway IDs",
       .description = "Include the gateway ID (plain or hashed) in uplinks forwarded to Packet Broker.",
       .component = "pba", .key = "pba.forwarder.include-gateway-id"},
      {.name = "PacketBrokerForwarderHashGatewayID", .since = "3.12.0"_v, .kind = Kind::Flag,
       .default_value = "false", .group = kPB, .label = "Hash forwarded gateway IDs",
       .description = "Hash the gateway IDs forwarded to Packet Broker.",
       .component = "pba", .key = "pba.forwarder.hash-gateway-id"},
      // 3.15.2: − PacketBrokerClusterID (Domain is used).
      {.name = "PacketBrokerClusterID", .since = "3.12.0"_v, .until = "3.15.1"_v, .pattern = kOptionalIDPattern,
       .max_length = 36, .group = kPB, .label = "Packet Broker cluster ID", .description = "Cluster ID at Packet Broker.",
       .component = "pba", .key = "pba.cluster-id"},
      // 3.20.0: + PacketBrokerHomeNetworkWorkerCountLimit, PacketBrokerForwarderWorkerCountLimit.
      {.name = "PacketBrokerHomeNetworkWorkerCountLimit", .since = "3.20.0"_v, .kind = Kind::Number,
       .default_value = "4096", .min = 1, .max = 1000000, .group = kPB, .label = "Home Network workers",
       .description = "Workers that process uplinks from and downlinks to Packet Broker.",
       .component = "pba", .key = "pba.home-network.worker-pool.limit"},
      {.name = "PacketBrokerForwarderWorkerCountLimit", .since = "3.20.0"_v, .kind = Kind::Number,
       .default_value = "1024", .min = 1, .max = 1000000, .group = kPB, .label = "Forwarder workers",
       .description = "Workers that forward uplinks to and downlinks from Packet Broker.",
       .component = "pba", .key = "pba.forwarder.worker-pool.limit"},

      // --- Interoperability --------------------------------------------------------------------
      // 3.16.0: + InteropEnabled (− 3.24.0), CryptoServerDNSName (− 3.24.0),
      // InteropPacketBrokerEnabled, InteropPacketBrokerTokenIssuer.
      {.name = "InteropEnabled", .since = "3.16.0"_v, .until = "3.23.2"_v, .kind = Kind::Flag,
       .default_value = "false", .group = kInterop, .label = "Interoperability",
       .description = "Serve LoRaWAN Backend Interfaces."},
      {.name = "CryptoServerDNSName", .since = "3.16.0"_v, .until = "3.23.2"_v, .pattern = "^$|^[a-z0-9.-]+$",
       .max_length = 128, .group = kInterop, .label = "Crypto Server DNS name",
       .description = "DNS name of the Crypto Server.", .component = "global", .key = "cluster.crypto-server"},
      {.name = "InteropPacketBrokerEnabled", .since = "3.16.0"_v, .kind = Kind::Flag, .default_value = "false",
       .group = kInterop, .label = "Packet Broker interoperability",
       .description = "Packet Broker may authenticate to the Backend Interfaces server (HomeNSReq).",
       .component = "is", .key = "interop.packet-broker.enabled"},
      {.name = "InteropPacketBrokerTokenIssuer", .since = "3.16.0"_v, .default_value = "iam.packetbroker.net",
       .pattern = "^$|^[a-z0-9.-]+$", .constraint = "a host name", .max_length = 128, .group = kInterop,
       .label = "Packet Broker token issuer", .description = "Issuer of the tokens Packet Broker authenticates with.",
       .component = "is", .key = "interop.packet-broker.token-issuer"},

      // --- Network Operations Center (3.19.2) --------------------------------------------------
      {.name = "ConsoleURLForNOC", .since = "3.19.2"_v, .pattern = kOptionalURLPattern,
       .constraint = "empty, or an http(s) URL", .max_length = 200, .group = kNOC, .label = "Console URL for the NOC",
       .description = "Console URL the Network Operations Center links to. Leave empty for https://<Domain>/console.",
       .component = "noc", .key = "noc.grafana.console-url", .fallback = "https://${Domain}/console"},
      {.name = "NOCMaxIdleConnections", .since = "3.19.2"_v, .kind = Kind::Number, .default_value = "2", .min = 0,
       .max = 1000, .group = kNOC, .label = "Database idle connections",
       .description = "Idle connections of the NOC to TimescaleDB.",
       .component = "noc", .key = "noc.store.max-idle-connections"},
      {.name = "NOCMaxOpenConnections", .since = "3.19.2"_v, .kind = Kind::Number, .default_value = "10", .min = 1,
       .max = 1000, .group = kNOC, .label = "Database open connections",
       .description = "Open connections of the NOC to TimescaleDB.",
       .component = "noc", .key = "noc.store.max-open-connections"},
      {.name = "NOCRawDataRetention", .since = "3.19.2"_v, .kind = Kind::Duration, .default_value = "72h",
       .group = kNOC, .label = "Raw data retention", .description = "How long the NOC keeps raw data.",
       .component = "noc", .key = "noc.store.raw-data-retention"},
      {.name = "NOCTargetInsertBatchSize", .since = "3.19.2"_v, .kind = Kind::Number, .default_value = "1000",
       .min = 1, .max = 1000000, .group = kNOC, .label = "Insert batch size",
       .description = "Target size of the NOC's INSERT batches.",
       .component = "noc", .key = "noc.store.target-insert-batch-size"},
      {.name = "NOCTargetInsertBatchWindow", .since = "3.19.2"_v, .kind = Kind::Duration, .default_value = "5s",
       .group = kNOC, .label = "Insert batch window", .description = "Target window of the NOC's INSERT batches.",
       .component = "noc", .key = "noc.store.target-insert-batch-window"},

      // --- Events ------------------------------------------------------------------------------
      // 3.13.0: + EventsStorageEnabled.
      {.name = "EventsStorageEnabled", .since = "3.13.0"_v, .kind = Kind::Flag, .default_value = "true",
       .group = kEvents, .label = "Store events", .description = "Keep recent events in Redis for the event history.",
       .component = "global", .key = "events.redis.store.enable"},
      // 3.20.0: + EventsRedisPublishQueueSize, EventsRedisPublishMaxWorkers.
      {.name = "EventsRedisPublishQueueSize", .since = "3.20.0"_v, .kind = Kind::Number, .default_value = "8192",
       .min = 1, .max = 10000000, .group = kEvents, .label = "Publish queue size",
       .description = "Events that may wait to be published to Redis.",
       .component = "global", .key = "events.redis.publish.queue-size"},
      {.name = "EventsRedisPublishMaxWorkers", .since = "3.20.0"_v, .kind = Kind::Number, .default_value = "1024",
       .min = 1, .max = 100000, .group = kEvents, .label = "Publish workers",
       .description = "Workers that publish events to Redis.",
       .component = "global", .key = "events.redis.publish.max-workers"},
      // 3.28.0: + EventsBatchingEnabled, EventsBatchingTargetSize, EventsBatchingDelay.
      {.name = "EventsBatchingEnabled", .since = "3.28.0"_v, .kind = Kind::Flag, .default_value = "false",
       .group = kEvents, .label = "Batch events", .description = "Publish events to Redis in batches.",
       .component = "global", .key = "events.batch.enable"},
      {.name = "EventsBatchingTargetSize", .since = "3.28.0"_v, .kind = Kind::Number, .default_value = "100",
       .min = 1, .max = 100000, .group = kEvents, .label = "Event batch size",
       .description = "Target number of events in a batch.", .component = "global", .key = "events.batch.target-size"},
      {.name = "EventsBatchingDelay", .since = "3.28.0"_v, .kind = Kind::Duration, .default_value = "100ms",
       .group = kEvents, .label = "Event batch delay", .description = "Longest wait before a batch is published.",
       .component = "global", .key = "events.batch.delay"},

      // --- Redis -------------------------------------------------------------------------------
      // 3.19.0: + RedisConnectionPoolSize, RedisConnectionPoolIdleTimeout.
      {.name = "RedisConnectionPoolSize", .since = "3.19.0"_v, .kind = Kind::Number, .default_value = "0", .min = 0,
       .max = 100000, .group = kRedis, .label = "Connection pool size",
       .description = "Connections per Redis client; 0 lets the client choose (10 per CPU).",
       .component = "global", .key = "redis.pool-size"},
      {.name = "RedisConnectionPoolIdleTimeout", .since = "3.19.0"_v, .kind = Kind::Duration,
       .default_value = "5m", .group = kRedis, .label = "Idle connection timeout",
       .description = "Time after which idle Redis connections are closed.",
       .component = "global", .key = "redis.idle-timeout"},
      // 3.24.1: + RedisConnectionPoolMaxLifetime.
      {.name = "RedisConnectionPoolMaxLifetime", .since = "3.24.1"_v, .kind = Kind::Duration,
       .default_value = "0s", .group = kRedis, .label = "Connection lifetime",
       .description = "Time after which Redis connections are replaced; 0s keeps them.",
       .component = "global", .key = "redis.conn-max-lifetime"},

      // --- Key Vault and certificates ----------------------------------------------------------
      // 3.24.0: + CertificateAuthorityARN (3.32.0: also issues the TTGC client certificates).
      {.name = "CertificateAuthorityARN", .since = "3.24.0"_v,
       .pattern = "^$|^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:[0-9]{12}:certificate-authority/[0-9a-f-]{36}$",
       .constraint = "empty, or the ARN of an AWS Private CA", .max_length = 160, .group = kKeyVault,
       .label = "Certificate authority ARN",
       .description = "AWS Private CA that issues client certificates (services with UseCertificateAuthorityARN, "
                      "and The Things Gateway Controller since 3.32.0). Empty for none.",
       .component = "global", .key = "key-vault.aws.certificate-authority-arn"},
      // 3.24.1: + KeyVaultCacheSize, KeyVaultCacheTTL, KeyVaultCacheErrorTTL.
      {.name = "KeyVaultCacheSize", .since = "3.24.1"_v, .kind = Kind::Number, .default_value = "1024", .min = 0,
       .max = 1000000, .group = kKeyVault, .label = "Key Vault cache size",
       .description = "Keys kept in the Key Vault cache.", .component = "global", .key = "key-vault.cache.size"},
      {.name = "KeyVaultCacheTTL", .since = "3.24.1"_v, .kind = Kind::Duration, .default_value = "1h",
       .group = kKeyVault, .label = "Key Vault cache TTL", .description = "How long keys stay in the cache.",
       .component = "global", .key = "key-vault.cache.ttl"},
      {.name = "KeyVaultCacheErrorTTL", .since = "3.24.1"_v, .kind = Kind::Duration, .default_value = "1m",
       .group = kKeyVault, .label = "Key Vault cache error TTL", .description = "How long lookup errors stay in the cache.",
       .component = "global", .key = "key-vault.cache.error-ttl"},

      // --- Tenant billing (relaxed validation of the plan IDs in 3.11.0) ----------------------
      {.name = "StripeRecurringPlanIDs", .since = "3.11.0"_v, .kind = Kind::List,
       .pattern = "^$|^[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*$", .constraint = "empty, or comma-separated Stripe price IDs",
       .max_length = 512, .group = kTBS, .label = "Recurring pricing plans",
       .description = "Stripe IDs of the recurring pricing plans the Tenant Billing Server manages.",
       .component = "tbs", .key = "tbs.stripe.recurring-plan-ids"},
      {.name = "StripeMeteredPlanIDs", .since = "3.11.0"_v, .kind = Kind::List,
       .pattern = "^$|^[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*$", .constraint = "empty, or comma-separated Stripe price IDs",
       .max_length = 512, .group = kTBS, .label = "Metered pricing plans",
       .description = "Stripe IDs of the metered pricing plans the Tenant Billing Server manages.",
       .component = "tbs", .key = "tbs.stripe.metered-plan-ids"},

      // --- Advanced ----------------------------------------------------------------------------
      // 3.15.0: + SkipVersionCheck; 3.15.2: + ExperimentalFeatures.
      {.name = "SkipVersionCheck", .since = "3.15.0"_v, .kind = Kind::Flag, .default_value = "false",
       .group = kAdvanced, .label = "Skip version check", .description = "Do not check for newer versions.",
       .component = "global", .key = "skip-version-check"},
      {.name = "ExperimentalFeatures", .since = "3.15.2"_v, .kind = Kind::List,
       .pattern = "^$|^[a-z0-9_.-]+(,[a-z0-9_.-]+)*$", .constraint = "empty, or comma-separated feature names",
       .max_length = 256, .group = kAdvanced, .label = "Experimental features",
       .description = "Experimental features to turn on, comma-separated.",
       .component = "global", .key = "experimental.features"},
  };
  return table;
}

bool exists_in(const Setting& x, const Release& release) { return release >= x.since && (!x.until || release <= *x.until); }

const Parameter& declare(StackBuilder& s, const Setting& x) {
  if (x.shared) return s.shared(*x.shared);
  std::string name(x.name);
  Parameter* p = nullptr;
  switch (x.kind) {
    case Kind::Flag:
      p = &s.flag(name, x.default_value == "true");
      break;
    case Kind::Choice:
      p = &s.choice(name, x.values, std::string(x.default_value));
      break;
    case Kind::Number:
      p = &s.parameter(name, param_type::kNumber).min_value(x.min).max_value(x.max);
      p->default_value(static_cast<long long>(std::stoll(std::string(x.default_value))));
      break;
    case Kind::Duration:
      p = &s.parameter(name)
               .default_value(std::string(x.default_value))
               .allowed_pattern("^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$")
               .constraint_description("a duration such as 500ms, 15s, 5m or 72h")
               .max_length(32);
      break;
    case Kind::Text:
    case Kind::List:
      p = &s.parameter(name).allowed_pattern(std::string(x.pattern)).max_length(x.max_length);
      if (!x.required) p->default_value(std::string(x.default_value));
      if (!x.constraint.empty()) p->constraint_description(std::string(x.constraint));
      break;
  }
  std::string description(x.description);
  if (!x.key.empty()) description += " (TTS " + std::string(x.key) + ")";
  return p->description(description).group(std::string(x.group)).label(std::string(x.label));
}

// How the value of a setting is written into its document.
std::string yaml_value(const Setting& x) {
  std::string variable = std::string(x.name) + (x.fallback.empty() ? "" : "OrDefault");
  switch (x.kind) {
    case Kind::Flag:
    case Kind::Number:
    case Kind::Duration:
      return "${" + variable + "}";
    case Kind::List:
      return "[${" + variable + "}]";
    case Kind::Choice:
    case Kind::Text:
      return "\"${" + variable + "}\"";
  }
  return {};
}

struct Component {
  std::string_view file;  // templates/4-2a-configuration/<file>.yml, and the SSM path config/<file>
  std::string_view logical_id;
  const catalog::Export& export_;
  std::string_view description;
  std::string_view include_flag = {};  // empty: always configured
};

const std::vector<Component>& components() {
  namespace e = exports::configuration;
  static const std::vector<Component> list{
      {"global", "GlobalConfiguration", e::global, "The Things Stack configuration every component reads"},
      {"is", "ISConfiguration", e::identity_server, "Identity Server configuration"},
      {"gs", "GSConfiguration", e::gateway_server, "Gateway Server configuration"},
      {"ns", "NSConfiguration", e::network_server, "Network Server configuration"},
      {"as", "ASConfiguration", e::application_server, "Application Server configuration"},
      {"js", "JSConfiguration", e::join_server, "Join Server configuration"},
      {"console", "ConsoleConfiguration", e::console, "Console configuration", "IncludeConsole"},
      {"gcs", "GCSConfiguration", e::gateway_configuration_server, "Gateway Configuration Server configuration",
       "IncludeGatewayConfigurationServer"},
      {"dcs", "DCSConfiguration", e::device_claiming_server, "Device Claiming Server configuration"},
      {"pba", "PBAConfiguration", e::packet_broker_agent, "Packet Broker Agent configuration", "IncludePacketBrokerAgent"},
      {"noc", "NOCConfiguration", e::network_operations_center, "Network Operations Center configuration",
       "IncludeNetworkOperationsCenter"},
      {"tbs", "TBSConfiguration", e::tenant_billing_server, "Tenant Billing Server configuration"},
  };
  return list;
}

const Parameter& parameter(StackBuilder& s, std::string_view name) {
  const Parameter* p = s.tmpl().find_parameter(name);
  if (!p) throw std::logic_error("4-2a-configuration: no parameter " + std::string(name));
  return *p;
}

// The document of `component` in this release, as Fn::Sub text: the file, plus every setting of
// the component at its key.
std::string document_text(const Component& component, const Release& release) {
  std::string file = config::select_release(embedded::file("4-2a-configuration/" + std::string(component.file) + ".yml"), release);
  config::YamlTree tree = config::YamlTree::parse(file);
  for (const auto& x : settings())
    if (x.component == component.file && exists_in(x, release)) tree.set(x.key, yaml_value(x));
  return tree.str();
}

}  // namespace

StackModel build_configuration(const Release& release) {
  StackBuilder s(release, "configuration");
  for (const auto& x : settings()) {
    if (!exists_in(x, release)) continue;
    declare(s, x);
    // A setting with a document must name one that exists, and a key to write its value at.
    bool known = std::any_of(components().begin(), components().end(), [&](const Component& c) { return c.file == x.component; });
    if (x.component.empty() != x.key.empty() || (!x.component.empty() && !known))
      throw std::logic_error("4-2a-configuration: setting " + std::string(x.name) + " has document '" +
                             std::string(x.component) + "' and key '" + std::string(x.key) + "'");
  }

  // Variables of the documents that are not plain parameters: optional values with a fallback,
  // and the Gateway Server's forwarding targets.
  std::vector<std::pair<std::string, Value>> variables;
  for (const auto& x : settings()) {
    if (x.fallback.empty() || !exists_in(x, release)) continue;
    const Parameter& p = parameter(s, x.name);
    variables.emplace_back(std::string(x.name) + "OrDefault", if_(s.is_set(p), ref(p), sub(std::string(x.fallback))));
  }
  // 3.16.0 ForwardOnlyOwnedDevAddrs: the cluster's Network Server gets only its own DevAddrs.
  variables.emplace_back("GSForwardCluster", if_(s.is_true(parameter(s, "ForwardOnlyOwnedDevAddrs")),
                                                 ref(parameter(s, "DevAddrPrefix")), "00000000/0"));
  variables.emplace_back("GSForwardPacketBroker",
                         if_(s.is_true(parameter(s, "IncludePacketBrokerAgent")), "00000000/0", ""));

  for (const auto& c : components()) {
    std::string text = document_text(c, release);
    std::vector<std::pair<std::string, Value>> used;
    for (const auto& var : sub_variables(text))
      for (const auto& v : variables)
        if (v.first == var && std::find_if(used.begin(), used.end(), [&](const auto& u) { return u.first == var; }) == used.end())
          used.push_back(v);
    Value value = used.empty() ? sub(text) : sub(text, used);
    if (!c.include_flag.empty()) {
      value = config::unless_included(s.is_true(parameter(s, c.include_flag)), std::move(value),
                                      std::string(c.include_flag) + " is false: this cluster does not run the component.");
    }
    Resource& document = config::document_parameter(s, std::string(c.logical_id), c.file, std::string(c.description), std::move(value));
    s.export_value(c.export_, ref(document));
  }

  // Bad combinations are refused before anything is created.
  s.rule("DevEUIBlockNeedsPrefix")
      .when(equals(ref(parameter(s, "DevEUIBlockEnabled")), "true"))
      .require(not_(equals(ref(parameter(s, "DevEUIBlockPrefix")), "")), "Issuing DevEUIs needs the DevEUI block (DevEUIBlockPrefix).");
  s.rule("InteropPacketBrokerNeedsIssuer")
      .when(equals(ref(parameter(s, "InteropPacketBrokerEnabled")), "true"))
      .require(not_(equals(ref(parameter(s, "InteropPacketBrokerTokenIssuer")), "")),
               "Packet Broker interoperability needs the token issuer (InteropPacketBrokerTokenIssuer).");

  s.export_value(exports::configuration::domain, ref(parameter(s, "Domain")));
  s.export_value(exports::configuration::identity_server_domain, ref(parameter(s, "IdentityServerDomain")));
  s.export_value(exports::configuration::parameter_path, sub("/${NetworkName}/${Environment}/${Cluster}/config/"));
  if (catalog::has_production_fixes(release)) {
    const Parameter& ca = parameter(s, "CertificateAuthorityARN");
    s.export_value(exports::configuration::certificate_authority_arn, ref(ca)).condition(s.is_set(ca));
  }
  return s.finish();
}

}  // namespace ttsgen::stacks
