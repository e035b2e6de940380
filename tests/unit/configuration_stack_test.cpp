#include <catch2/catch.hpp>

#include <set>

#include "config_test_helpers.hpp"
#include "stack_test_helpers.hpp"
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/configuration.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::Lifetime;
using test::property;
using test::Value;

namespace {

// Every 4-2a parameter the public docs name (docs: ecs/deployment, ecs/changelog), with the release it
// appeared in and the release that removed it. Typed from the public docs, not read from the model.
const std::vector<Lifetime> kDocumentedParameters{
    {"Domain", "3.9.0"},
    {"DefaultTenantID", "3.9.0"},
    {"PacketBrokerAddress", "3.9.0"},
    {"PacketBrokerDevAddrPrefix", "3.9.0", "3.10.6"},
    {"PacketBrokerTenantID", "3.11.0"},
    {"AdminRightsAll", "3.10.6"},
    {"PacketBrokerIAM", "3.10.6"},
    {"ConsoleURLForAccountApp", "3.11.0"},
    {"UDPAddrChangeBlock", "3.11.3"},
    {"UDPDownlinkPathExpires", "3.11.3"},
    {"UDPPacketHandlers", "3.11.3"},
    {"PacketBrokerControlPlane", "3.12.0"},
    {"PacketBrokerPacketBrokerForwarderIncludeGatewayEUI", "3.12.0"},
    {"PacketBrokerForwarderIncludeGatewayID", "3.12.0"},
    {"PacketBrokerForwarderHashGatewayID", "3.12.0"},
    {"PubSubProviderAWSIoT", "3.9.0", "3.12.0"},
    {"IncludeConsole", "3.12.2"},
    {"IncludeGatewayConfigurationServer", "3.12.2"},
    {"PacketBrokerEnabled", "3.9.0", "3.12.2"},
    {"IncludePacketBrokerAgent", "3.12.2"},
    {"SLAApplies", "3.13.0"},
    {"SupportPlanApplies", "3.13.0"},
    {"SLAInformationURL", "3.13.0"},
    {"FairUsePolicyInformationURL", "3.13.0"},
    {"SupportPlanInformationURL", "3.13.0"},
    {"ClusterPickerURL", "3.13.0"},
    {"EventsStorageEnabled", "3.13.0"},
    {"DevEUIBlockEnabled", "3.13.0"},
    {"DevEUIBlockApplicationLimit", "3.13.0"},
    {"DevEUIBlockPrefix", "3.13.0"},
    {"DevEUIBlockInitCounter", "3.13.0"},
    {"NetworkServerClusterID", "3.14.0", "3.15.0"},
    {"ClusterID", "3.15.0"},
    {"ApplicationPackagesWorkerCount", "3.14.0"},
    {"ISSupportLink", "3.15.0"},
    {"UplinkTasksNumConsumers", "3.15.0"},
    {"DownlinkTasksNumConsumers", "3.15.0"},
    {"SkipVersionCheck", "3.15.0"},
    {"UDPConnectionExpires", "3.15.2"},
    {"UDPConnectionErrorExpires", "3.15.2"},
    {"ExperimentalFeatures", "3.15.2"},
    {"UserCredentialsLoginDisabled", "3.15.2"},
    {"PacketBrokerClusterID", "3.12.0", "3.15.2"},
    {"ForwardOnlyOwnedDevAddrs", "3.16.0"},
    {"InteropEnabled", "3.16.0", "3.24.0"},
    {"InteropPacketBrokerEnabled", "3.16.0"},
    {"InteropPacketBrokerTokenIssuer", "3.16.0"},
    {"CryptoServerDNSName", "3.16.0", "3.24.0"},
    {"PacketBrokerMapper", "3.16.0"},
    {"WebhooksUnhealthyAttemptsThreshold", "3.18.0"},
    {"WebhooksUnhealthyRetryInterval", "3.18.0"},
    {"DatabaseMaxIdleConns", "3.18.0"},
    {"DatabaseMaxOpenConns", "3.18.0"},
    {"ConsoleStatusPageBaseURL", "3.19.0"},
    {"UserRightsUpdatePrimaryEmailAddress", "3.19.0"},
    {"UserRightsUpdateName", "3.19.0"},
    {"RedisConnectionPoolSize", "3.19.0"},
    {"RedisConnectionPoolIdleTimeout", "3.19.0"},
    {"ClusterIDAddressTemplate", "3.19.0"},
    {"ConsoleURLForNOC", "3.19.2"},
    {"IncludeNetworkOperationsCenter", "3.19.2"},
    {"NOCMaxIdleConnections", "3.19.2"},
    {"NOCMaxOpenConnections", "3.19.2"},
    {"NOCRawDataRetention", "3.19.2"},
    {"NOCTargetInsertBatchSize", "3.19.2"},
    {"NOCTargetInsertBatchWindow", "3.19.2"},
    {"EventsRedisPublishQueueSize", "3.20.0"},
    {"EventsRedisPublishMaxWorkers", "3.20.0"},
    {"PacketBrokerHomeNetworkWorkerCountLimit", "3.20.0"},
    {"PacketBrokerForwarderWorkerCountLimit", "3.20.0"},
    {"PubSubProviderMQTT", "3.9.0"},
    {"PubSubProviderNATS", "3.9.0"},
    {"SupportProxyTLS", "3.23.0"},
    {"HomeNSID", "3.23.1"},
    {"CertificateAuthorityARN", "3.24.0"},
    {"RedisConnectionPoolMaxLifetime", "3.24.1"},
    {"KeyVaultCacheSize", "3.24.1"},
    {"KeyVaultCacheTTL", "3.24.1"},
    {"KeyVaultCacheErrorTTL", "3.24.1"},
    {"RestrictAdminManagedFieldUpdates", "3.25.0"},
    {"CollaboratorRightsSetOthersAsContacts", "3.27.1"},
    {"EventsBatchingEnabled", "3.28.0"},
    {"EventsBatchingTargetSize", "3.28.0"},
    {"EventsBatchingDelay", "3.28.0"},
    {"UDPRateLimitingFirewallEnabled", "3.30.2"},
    {"UDPRateLimitingFirewallMessages", "3.30.2"},
    {"UDPRateLimitingFirewallThreshold", "3.30.2"},
    {"MetadataStorageCacheEnabled", "3.34.0"},
    {"DownlinkQueueCapacity", "3.35.2"},
};

// Names ttsgen chose where the public docs give only a label or a concept (docs/decisions-config.md).
const std::vector<Lifetime> kChosenParameters{
    {"IdentityServerDomain", "3.9.0"}, {"NetID", "3.9.0"},        {"DevAddrPrefix", "3.9.0"},
    {"JoinEUIPrefix", "3.9.0"},        {"NetworkTitle", "3.9.0"}, {"EmailSenderAddress", "3.9.0"},
    {"ApplicationPackagesTimeout", "3.14.0"},
    {"StripeRecurringPlanIDs", "3.11.0"},
    {"StripeMeteredPlanIDs", "3.11.0"},
    {"EntityLimitsApplicationsPerUser", "3.21.0"},
    {"EntityLimitsGatewaysPerUser", "3.21.0"},
    {"EntityLimitsOrganizationsPerUser", "3.21.0"},
    {"EntityLimitsClientsPerUser", "3.21.0"},
};

const test::Parameters kRequired{{"NetworkName", "ttich"},
                                 {"Environment", "prod"},
                                 {"Cluster", "eu1"},
                                 {"Domain", "eu1.cloud.example.com"},
                                 {"IdentityServerDomain", "eu1.cloud.example.com"},
                                 {"ClusterID", "eu1"}};

const std::vector<std::string> kDocuments{"GlobalConfiguration", "ISConfiguration",      "GSConfiguration",
                                          "NSConfiguration",     "ASConfiguration",      "JSConfiguration",
                                          "ConsoleConfiguration", "GCSConfiguration",    "DCSConfiguration",
                                          "PBAConfiguration",    "NOCConfiguration",     "TBSConfiguration"};

// The resolved document of an SSM parameter of the template, parsed.
Value document(const cfn::Template& t, const std::string& id, const test::Parameters& values) {
  const auto* r = t.find_resource(id);
  REQUIRE(r);
  return render::parse_yaml(test::resolve(t, *property(*r, "Value"), values));
}

const Value* at(const Value& doc, const std::string& dotted) {
  const Value* v = &doc;
  std::size_t start = 0;
  while (v) {
    std::size_t dot = dotted.find('.', start);
    std::string key = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    v = v->is_map() ? v->find(key) : nullptr;
    if (dot == std::string::npos) return v;
    start = dot + 1;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("4-2a-configuration has every documented parameter in exactly its releases", "[stacks][configuration]") {
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_configuration(v);
    for (const auto* list : {&kDocumentedParameters, &kChosenParameters}) {
      for (const auto& p : *list) {
        INFO(v.str() + " " + p.name);
        CHECK(test::has_parameter(model.tmpl, p.name) == p.exists_in(v));
      }
    }
    CHECK(model.tmpl.parameters().size() <= 200);
    CHECK(model.tmpl.resources().size() <= 500);
  }
}

TEST_CASE("4-2a-configuration names: 4-2-configuration before 3.13.0", "[stacks][configuration]") {
  const auto* stack = stacks::find_stack("configuration");
  REQUIRE(stack);
  CHECK(stack->name_at("3.12.2"_v) == "4-2-configuration");
  CHECK(stack->name_at("3.24.0"_v) == "4-2a-configuration");
  CHECK(stacks::find_stack("rate-limiting")->first() == "3.13.0"_v);
  CHECK(stacks::find_stack("resource-limiting")->first() == "3.15.0"_v);
  CHECK(stacks::find_stack("resource-limiting")->optional);
  CHECK_FALSE(stacks::find_stack("rate-limiting")->optional);
}

TEST_CASE("4-2a-configuration's documents fit their SSM tier whatever the parameters", "[stacks][configuration]") {
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_configuration(v);
    auto parameters = test::resources_of_type(model.tmpl, "AWS::SSM::Parameter");
    REQUIRE(parameters.size() == kDocuments.size());
    for (const auto* r : parameters) {
      INFO(v.str() + " " + r->id());
      std::size_t bound = test::size_bound(model.tmpl, *property(*r, "Value"));
      const std::string& tier = property(*r, "Tier")->text();
      CHECK(bound <= (tier == "Standard" ? stacks::config::kStandardTierLimit : stacks::config::kAdvancedTierLimit));
      CHECK((tier == "Advanced") == (bound > stacks::config::kStandardTierLimit));
      CHECK(*property(*r, "Type") == Value("String"));
      // moto and humans both need the name.
      REQUIRE(property(*r, "Name"));
      CHECK(property(*r, "Name")->argument().text().rfind("/${NetworkName}/${Environment}/${Cluster}/config/", 0) == 0);
    }
  }
}

TEST_CASE("4-2a-configuration's documents are YAML with the settings at their keys", "[stacks][configuration]") {
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_configuration(v);
    const auto& t = model.tmpl;
    // Every document on: the NOC is off by default (docs/decisions-shared-parameters.md).
    test::Parameters given = kRequired;
    given["IncludeNetworkOperationsCenter"] = "true";
    auto values = test::parameter_values(t, given);
    INFO(v.str());
    for (const auto& id : kDocuments) {
      INFO(id);
      Value doc = document(t, id, values);
      CHECK(doc.is_map());
    }
    Value ns = document(t, "NSConfiguration", values);
    CHECK(*at(ns, "ns.net-id") == Value("000000"));
    CHECK(*at(ns, "ns.cluster-id") == Value("eu1"));
    CHECK((at(ns, "ns.downlink-queue-capacity") != nullptr) == (v >= "3.35.2"_v));
    if (v >= "3.35.2"_v) CHECK(*at(ns, "ns.downlink-queue-capacity") == Value(10000));

    Value as = document(t, "ASConfiguration", values);
    CHECK((at(as, "as.end-device-metadata-storage.location.cache.enable") != nullptr) == (v >= "3.34.0"_v));
    CHECK(*at(as, "as.pubsub.providers.mqtt") == Value("disabled"));
    CHECK((at(as, "as.packages.storage.max-page-size") != nullptr) == (v >= "3.32.0"_v));

    Value gs = document(t, "GSConfiguration", values);
    CHECK((at(gs, "gs.udp.rate-limiting.enable") != nullptr) == (v >= "3.30.2"_v));
    CHECK((at(gs, "gs.gateway-tokens.hash-key-id") != nullptr) == (v < "3.30.0"_v));  // 3.30.0: − GSGatewayTokensHashKey
    CHECK((at(gs, "gs.mtls") != nullptr) == (v >= "3.30.0"_v));
    CHECK((at(gs, "gs.ttigw.listen") != nullptr) == (v >= "3.32.0"_v));
    CHECK(*at(gs, "gs.udp.addr-change-block") == Value("1m"));
    CHECK(*at(gs, "gs.basic-station.use-traffic-tls-address") == Value(false));

    Value global = document(t, "GlobalConfiguration", values);
    CHECK(*at(global, "key-vault.aws.secret-id-prefix") == Value("ttich-prod-eu1-key-vault-"));
    CHECK(*at(global, "cluster.cluster-id-address-template") == Value("eu1.cloud.example.com"));
    CHECK((at(global, "key-vault.cache.ttl") != nullptr) == (v >= "3.24.1"_v));
    CHECK((at(global, "events.batch.enable") != nullptr) == (v >= "3.28.0"_v));
    CHECK((at(global, "grpc.correlation-ids-ignore-methods") != nullptr) == (v >= "3.28.0"_v));
    CHECK(at(global, "experimental.features")->is_list());
    CHECK(at(global, "cluster.crypto-server") == nullptr);  // 3.24.0: − CryptoServerDNSName

    Value is = document(t, "ISConfiguration", values);
    CHECK(*at(is, "is.email.sender-address") == Value("noreply@eu1.cloud.example.com"));
    CHECK(*at(is, "is.oauth.ui.console-url") == Value("https://eu1.cloud.example.com/console"));
    CHECK((at(is, "is.collaborator-rights.set-others-as-contacts") != nullptr) == (v >= "3.27.1"_v));
    CHECK((at(is, "is.admin-rights.restrict-managed-field-updates") != nullptr) == (v >= "3.25.0"_v));
  }
}

TEST_CASE("4-2a-configuration keeps every document, with a placeholder for excluded components", "[stacks][configuration]") {
  auto model = stacks::build_configuration("3.35.2"_v);
  const auto& t = model.tmpl;
  test::Parameters given = kRequired;
  for (const char* flag : {"IncludeConsole", "IncludeGatewayConfigurationServer", "IncludePacketBrokerAgent",
                           "IncludeNetworkOperationsCenter"})
    given[flag] = "false";
  auto values = test::parameter_values(t, given);
  for (const char* id : {"ConsoleConfiguration", "GCSConfiguration", "PBAConfiguration", "NOCConfiguration"}) {
    INFO(id);
    std::string text = test::resolve(t, *property(*t.find_resource(id), "Value"), values);
    CHECK(text.rfind("# Include", 0) == 0);
    CHECK(render::parse_yaml(text).is_null());
  }
  // Without the Packet Broker Agent the Gateway Server forwards nothing to Packet Broker, and the
  // Console does not offer the Gateway Configuration Server.
  Value gs = document(t, "GSConfiguration", values);
  CHECK(at(gs, "gs.forward.packetbroker")->size() == 0);
  CHECK(at(gs, "gs.forward.cluster")->items().at(0) == Value("00000000/0"));

  given["ForwardOnlyOwnedDevAddrs"] = "true";
  given["DevAddrPrefix"] = "26000000/20";
  given["IncludePacketBrokerAgent"] = "true";
  values = test::parameter_values(t, given);
  gs = document(t, "GSConfiguration", values);
  CHECK(at(gs, "gs.forward.cluster")->items().at(0) == Value("26000000/20"));
  CHECK(at(gs, "gs.forward.packetbroker")->items().at(0) == Value("00000000/0"));
}

TEST_CASE("4-2a-configuration exports every document name and the domains", "[stacks][configuration]") {
  namespace e = exports::configuration;
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_configuration(v);
    std::set<std::string> keys;
    for (const auto* x : model.exports) keys.insert(std::string(x->key));
    for (const auto* x : {&e::global, &e::identity_server, &e::gateway_server, &e::network_server, &e::application_server,
                          &e::join_server, &e::console, &e::gateway_configuration_server, &e::device_claiming_server,
                          &e::packet_broker_agent, &e::network_operations_center, &e::tenant_billing_server, &e::domain,
                          &e::identity_server_domain, &e::parameter_path}) {
      INFO(v.str() + " " + std::string(x->key));
      CHECK(keys.count(std::string(x->key)) == 1);
    }
    CHECK(model.imports.empty());
    // The exports are the parameters' names (Ref), never a condition away; except the Private CA
    // (production fixes), exported only when it is set, for the task roles that issue from it.
    for (const auto& o : model.tmpl.outputs())
      CHECK(o.condition_id() == (o.id() == "CertificateAuthorityArn" ? "HasCertificateAuthorityARN" : ""));
    CHECK(keys.count("CertificateAuthorityArn") == (catalog::has_production_fixes(v) ? 1u : 0u));
  }
  auto model = stacks::build_configuration("3.35.2"_v);
  CHECK(model.tmpl.find_resource("GSConfiguration") != nullptr);
  auto values = test::parameter_values(model.tmpl, kRequired);
  const auto* name = property(*model.tmpl.find_resource("GSConfiguration"), "Name");
  CHECK(test::resolve(model.tmpl, *name, values) == "/ttich/prod/eu1/config/gs");
}

TEST_CASE("4-2a-configuration groups and labels every parameter for the console", "[stacks][configuration]") {
  for (const auto& v : {"3.24.0"_v, "3.30.2"_v, "3.35.2"_v}) {
    auto model = stacks::build_configuration(v);
    for (const auto& p : model.tmpl.parameters()) {
      INFO(v.str() + " " + p.id());
      CHECK_FALSE(p.group().empty());
      CHECK_FALSE(p.label().empty());
      CHECK_FALSE(p.description().empty());
      CHECK_FALSE(p.is_no_echo());  // nothing secret is configured here
    }
    CHECK(model.tmpl.parameters().front().group() == "General");
  }
}

TEST_CASE("4-2a-configuration refuses bad combinations with Rules", "[stacks][configuration]") {
  auto model = stacks::build_configuration("3.35.2"_v);
  Value whole = model.tmpl.to_value();
  const Value* rules = whole.find("Rules");
  REQUIRE(rules);
  CHECK(rules->find("DevEUIBlockNeedsPrefix") != nullptr);
  CHECK(rules->find("InteropPacketBrokerNeedsIssuer") != nullptr);
}

TEST_CASE("4-2a-configuration changes only where the changelog says", "[stacks][configuration]") {
  // Releases without a 4-2a entry render the same as their predecessor.
  CHECK(test::changed_releases(stacks::build_configuration) ==
        std::set<std::string>{"3.24.1", "3.25.0", "3.27.1", "3.28.0", "3.30.0", "3.30.2", "3.32.0", "3.34.0", "3.35.2"});
}
