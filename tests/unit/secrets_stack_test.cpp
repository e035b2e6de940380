#include <catch2/catch.hpp>

#include <set>

#include "config_test_helpers.hpp"
#include "stack_test_helpers.hpp"
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::Lifetime;
using test::property;
using test::Value;

namespace {

// 4-1-secrets parameters the public docs name (docs: ecs/prerequisites, ecs/deployment, ecs/changelog), typed from the public docs.
const std::vector<Lifetime> kDocumentedParameters{
    {"ClusterSecretValue", "3.9.0"},
    {"IncludeConsole", "3.12.2"},
    {"IncludeNOC", "3.19.2"},
    {"NOCGrafanaAdminPassword", "3.19.2"},
    {"NOCOAuthClientIDValue", "3.19.2"},
    {"NOCOAuthClientSecretValue", "3.19.2"},
    {"SupportProxyTLS", "3.23.0"},
    {"EnableTTGCCustomCertificate", "3.32.0"},
};

// Names ttsgen chose for the inputs the docs describe by label (docs/decisions-config.md).
const std::vector<Lifetime> kChosenParameters{
    {"LicenseKeyValue", "3.9.0"},
    {"GatewaySecretsEncryptionKeyValue", "3.10.0"},
    {"ConsoleOAuthClientIDValue", "3.9.0"},
    {"ConsoleOAuthClientSecretValue", "3.9.0"},
    {"DeviceClaimingOAuthClientIDValue", "3.9.0"},
    {"DeviceClaimingOAuthClientSecretValue", "3.9.0"},
    {"EmailProvider", "3.9.0"},
    {"SendGridAPIKeyValue", "3.9.0"},
    {"SMTPAddress", "3.9.0"},
    {"SMTPUsername", "3.9.0"},
    {"SMTPPasswordValue", "3.9.0"},
    {"PacketBrokerAPIKeyIDValue", "3.10.6"},
    {"PacketBrokerAPIKeySecretValue", "3.10.6"},
    {"StripeAPIKeyValue", "3.9.0"},
    {"StripeEndpointSecretKeyValue", "3.9.0"},
    {"TTGCCustomCertificate", "3.32.0"},
    {"TTGCCustomCertificateKey", "3.32.0"},
};

// Resources and outputs the public docs name.
const std::vector<Lifetime> kDocumentedResources{
    {"PacketBrokerAgentSecrets", "3.10.6"},
    {"ProxyTLSSecret", "3.23.0"},
    {"GSGatewayTokensHashKey", "3.23.0", "3.30.0"},
    {"InteropTLSSecret", "3.16.0", "3.24.0"},
};
const std::vector<Lifetime> kDocumentedOutputs{
    {"HTTPMetricsPasswordSecret", "3.9.0"},
    {"TenantResourceMetricsPasswordSecret", "3.9.0"},
    {"InteropTLSSecretID", "3.16.0", "3.24.0"},
    {"GSGatewayTokensHashKeySecretArn", "3.23.0", "3.30.0"},
    {"TTGCCustomCertificateSecretArn", "3.32.0"},
};

// Inputs that are secret: NoEcho, no default.
const std::set<std::string> kSecretInputs{
    "LicenseKeyValue",           "ClusterSecretValue",           "GatewaySecretsEncryptionKeyValue",
    "ConsoleOAuthClientSecretValue", "DeviceClaimingOAuthClientSecretValue", "NOCOAuthClientSecretValue",
    "SendGridAPIKeyValue",       "SMTPPasswordValue",            "PacketBrokerAPIKeySecretValue",
    "StripeAPIKeyValue",         "StripeEndpointSecretKeyValue", "NOCGrafanaAdminPassword",
    "TTGCCustomCertificateKey",
};

}  // namespace

TEST_CASE("4-1-secrets has every documented name in exactly its releases", "[stacks][secrets]") {
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_secrets(v);
    const auto& t = model.tmpl;
    for (const auto* list : {&kDocumentedParameters, &kChosenParameters})
      for (const auto& p : *list) {
        INFO(v.str() + " parameter " + p.name);
        CHECK(test::has_parameter(t, p.name) == p.exists_in(v));
      }
    for (const auto& r : kDocumentedResources) {
      INFO(v.str() + " resource " + r.name);
      CHECK((t.find_resource(r.name) != nullptr) == r.exists_in(v));
    }
    std::set<std::string> outputs;
    for (const auto& o : t.outputs()) outputs.insert(o.id());
    for (const auto& o : kDocumentedOutputs) {
      INFO(v.str() + " output " + o.name);
      CHECK(outputs.count(o.name) == (o.exists_in(v) ? 1u : 0u));
    }
  }
}

TEST_CASE("4-1-secrets takes secret values only through NoEcho parameters without defaults", "[stacks][secrets]") {
  for (const auto& v : {"3.24.0"_v, "3.29.2"_v, "3.32.0"_v, "3.35.2"_v}) {
    auto model = stacks::build_secrets(v);
    for (const auto& p : model.tmpl.parameters()) {
      INFO(v.str() + " " + p.id());
      bool secret = kSecretInputs.count(p.id()) == 1;
      CHECK(p.is_no_echo() == secret);
      if (secret) CHECK_FALSE(p.default_value().has_value());
      CHECK_FALSE(p.group().empty());
      CHECK_FALSE(p.label().empty());
    }
    // Outputs carry ARNs and names, never a value: Refs to secrets and the Key Vault prefix.
    for (const auto& o : model.tmpl.outputs()) {
      INFO(o.id());
      if (o.id() == "VersionTag") continue;
      bool ref_to_secret = o.value().is_function("Ref") &&
                           model.tmpl.find_resource(o.value().argument().text())->type() == "AWS::SecretsManager::Secret";
      CHECK((ref_to_secret || o.id() == "KeyVaultSecretPrefix"));
    }
  }
}

TEST_CASE("4-1-secrets names its secrets <network>-<environment>-<cluster>-<suffix>", "[stacks][secrets]") {
  auto model = stacks::build_secrets("3.35.2"_v);
  const auto& t = model.tmpl;
  std::set<std::string> names;
  for (const auto* r : test::resources_of_type(t, "AWS::SecretsManager::Secret")) {
    INFO(r->id());
    const Value& name = *property(*r, "Name");
    REQUIRE(name.is_function("Fn::Sub"));
    CHECK(name.argument().text().rfind("${NetworkName}-${Environment}-${Cluster}-", 0) == 0);
    CHECK(names.insert(name.argument().text()).second);
    // Each secret has content: given (SecretString) or generated.
    CHECK((property(*r, "SecretString") || property(*r, "GenerateSecretString")));
  }
  // The names the docs give (database operations).
  CHECK(names.count("${NetworkName}-${Environment}-${Cluster}-console-oauth-client") == 1);
  CHECK(names.count("${NetworkName}-${Environment}-${Cluster}-noc-oauth-client") == 1);
  CHECK(test::resources_of_type(t, "AWS::SecretsManager::Secret").size() == 17);
}

TEST_CASE("4-1-secrets writes the documented JSON layouts", "[stacks][secrets]") {
  auto model = stacks::build_secrets("3.35.2"_v);
  const auto& t = model.tmpl;
  test::Parameters given{{"NetworkName", "ttich"},
                         {"Environment", "prod"},
                         {"Cluster", "eu1"},
                         {"LicenseKeyValue", "QUJD"},
                         {"ClusterSecretValue", "00112233445566778899aabbccddeeff0011223344556677"},
                         {"GatewaySecretsEncryptionKeyValue", "AAAAAAAAAAAAAAAAAAAAAA=="},
                         {"ConsoleOAuthClientIDValue", "console-eu1"},
                         {"ConsoleOAuthClientSecretValue", "0123456789abcdef0123"},
                         {"DeviceClaimingOAuthClientIDValue", "device-claiming-eu1"},
                         {"DeviceClaimingOAuthClientSecretValue", "0123456789abcdef0123"},
                         {"NOCOAuthClientIDValue", "noc-eu1"},
                         {"NOCOAuthClientSecretValue", "0123456789abcdef0123"},
                         {"SendGridAPIKeyValue", "SG.a.b"},
                         {"SMTPAddress", ""},
                         {"SMTPUsername", ""},
                         {"SMTPPasswordValue", ""},
                         {"PacketBrokerAPIKeyIDValue", ""},
                         {"PacketBrokerAPIKeySecretValue", ""},
                         {"StripeAPIKeyValue", ""},
                         {"StripeEndpointSecretKeyValue", ""},
                         {"NOCGrafanaAdminPassword", ""},
                         {"TTGCCustomCertificate", ""},
                         {"TTGCCustomCertificateKey", ""}};
  auto values = test::parameter_values(t, given);
  auto content = [&](const char* id) { return test::resolve(t, *property(*t.find_resource(id), "SecretString"), values); };
  CHECK(content("ConsoleOAuthClientSecret") == R"({"client_id":"console-eu1","client_secret":"0123456789abcdef0123"})");
  CHECK(content("EmailSecret") ==
        R"({"provider":"sendgrid","sendgrid_api_key":"SG.a.b","smtp_address":"","smtp_username":"","smtp_password":""})");
  CHECK(content("PacketBrokerAgentSecrets") == R"({"api_key_id":"","api_key":""})");
  CHECK(content("StripeSecret") == R"({"api_key":"","endpoint_secret":""})");
  CHECK(content("ProxyTLSSecret") == R"({"cert":"","key":""})");
  CHECK(content("TTGCCustomCertificateSecret") == R"({"cert":"","key":""})");
  CHECK(content("LicenseSecret") == "QUJD");
  // An empty Grafana password means a generated one.
  const Value& generated = *property(*t.find_resource("NOCGrafanaAdminPasswordSecret"), "GenerateSecretString");
  CHECK(test::condition_named(t, generated.argument().items()[0].text(), values) == false);
  // Generated hex keys: only 0-9 and a-f, of the right length.
  const auto* hash = property(*t.find_resource("HTTPCookieHashKey"), "GenerateSecretString");
  CHECK(*hash->find("PasswordLength") == Value(128));
  CHECK(*hash->find("ExcludeCharacters") == Value("ghijklmnopqrstuvwxyz"));
  // A feature that is off keeps its secret, described as unused.
  given["SupportProxyTLS"] = "false";
  values = test::parameter_values(t, given);
  CHECK(test::resolve(t, *property(*t.find_resource("ProxyTLSSecret"), "Description"), values).rfind("Unused while SupportProxyTLS", 0) == 0);
}

TEST_CASE("4-1-secrets exports every declared secret in its releases, unconditionally", "[stacks][secrets]") {
  namespace e = exports::secrets;
  const std::vector<const catalog::Export*> always{
      &e::license,       &e::cluster_secret,     &e::console_oauth_client,         &e::device_claiming_oauth_client,
      &e::noc_oauth_client, &e::email,           &e::packet_broker_agent,          &e::stripe,
      &e::gateway_secrets_encryption_key, &e::noc_grafana_admin_password, &e::proxy_tls, &e::gcs_token_hash_key,
      &e::http_metrics_password, &e::tenant_resource_metrics_password, &e::key_vault_prefix,
      &e::http_cookie_hash_key, &e::http_cookie_block_key};
  for (const auto& v : catalog::supported_releases()) {
    auto model = stacks::build_secrets(v);
    std::set<const catalog::Export*> exported(model.exports.begin(), model.exports.end());
    INFO(v.str());
    for (const auto* x : always) CHECK(exported.count(x) == 1);
    CHECK(exported.count(&e::gs_gateway_tokens_hash_key) == (v < "3.30.0"_v ? 1u : 0u));
    CHECK(exported.count(&e::ttgc_custom_certificate) == (v >= "3.32.0"_v ? 1u : 0u));
    for (const auto& o : model.tmpl.outputs()) CHECK(o.condition_id().empty());
    for (const auto& r : model.tmpl.resources()) CHECK(r.condition_id().empty());
    CHECK(model.imports.empty());
  }
}

TEST_CASE("4-1-secrets refuses incomplete credentials with Rules", "[stacks][secrets]") {
  auto model = stacks::build_secrets("3.35.2"_v);
  Value rules = *model.tmpl.to_value().find("Rules");
  for (const char* rule : {"ConsoleOAuthClientRequired", "NOCOAuthClientRequired", "SendGridNeedsAPIKey", "SMTPNeedsServer",
                           "PacketBrokerAPIKeyComplete", "StripeKeysComplete", "TTGCCustomCertificateComplete"}) {
    INFO(rule);
    CHECK(rules.find(rule) != nullptr);
  }
  CHECK(stacks::build_secrets("3.31.1"_v).tmpl.to_value().find("Rules")->find("TTGCCustomCertificateComplete") == nullptr);
}

TEST_CASE("4-1-secrets changes only where the changelog says", "[stacks][secrets]") {
  // 3.30.0: − GSGatewayTokensHashKey; 3.32.0: + EnableTTGCCustomCertificate; the production fixes
  // (ours): every secret is retained.
  CHECK(test::changed_releases(stacks::build_secrets) == std::set<std::string>{"3.30.0", "3.32.0", catalog::kProductionFixes.str()});
  auto model = stacks::build_secrets(catalog::kProductionFixes);
  Value doc = model.tmpl.to_value();
  std::size_t secrets = 0;
  for (const auto& r : doc.find("Resources")->entries()) {
    if (r.value.find("Type")->text() != "AWS::SecretsManager::Secret") continue;
    INFO(r.key);
    ++secrets;
    CHECK(*r.value.find("DeletionPolicy") == Value("Retain"));
    CHECK(*r.value.find("UpdateReplacePolicy") == Value("Retain"));
  }
  CHECK(secrets > 10);
}
