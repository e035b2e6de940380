// 4-1-secrets: the secrets of the cluster in AWS Secrets Manager (docs: ecs/deployment), named
// <network>-<environment>-<cluster>-<suffix>. Values the operator knows come in through NoEcho
// parameters without defaults; values nobody needs to know are generated. Every exported secret
// exists whatever the parameters say, so that task definitions can import them unconditionally: a
// switched-off feature keeps its secret, marked unused in its description. Secrets that The
// Things Stack reads through its Key Vault (key-vault.provider aws) are named
// <KeyVaultSecretPrefix><id>. JSON layouts: include/ttsgen/exports/secrets.hpp.
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

// Secret text goes into JSON through Fn::Sub, so it may hold neither `"` nor `\` nor control
// characters (CloudFormation cannot escape them).
constexpr std::string_view kSecretText = "[^\"\\\\\\x00-\\x1F]";
constexpr std::string_view kJSONSafe = "JSON-safe text: no quotes, backslashes or control characters";

constexpr std::string_view kKeyVaultInfix = "key-vault-";

std::string optional_secret_pattern(int min_length) {
  return "^$|^" + std::string(kSecretText) + "{" + std::to_string(min_length) + ",}$";
}

Resource& secret(StackBuilder& s, const std::string& id, const std::string& suffix, Value description,
                 const std::string& content_property, Value content) {
  return keep_data(s, s.resource(id, "AWS::SecretsManager::Secret"))
      .set("Name", s.resource_name(suffix))
      .set("Description", std::move(description))
      .set(content_property, std::move(content))
      .set("Tags", s.tags(suffix));
}

// A secret whose value is text the operator gives (or a JSON document built from it).
Resource& given_secret(StackBuilder& s, const std::string& id, const std::string& suffix, Value description, Value text) {
  return secret(s, id, suffix, std::move(description), "SecretString", std::move(text));
}

// A generated password: letters and digits, so that it fits in URLs and configuration files.
Value password(int length) {
  return Value::map({{"PasswordLength", length}, {"ExcludePunctuation", true}, {"IncludeSpace", false}});
}

// A generated key of `bytes` bytes, written as lowercase hexadecimal (what TTS reads for cookie
// and hash keys).
Value hex_key(int bytes) {
  return Value::map({{"PasswordLength", bytes * 2},
                     {"ExcludeUppercase", true},
                     {"ExcludePunctuation", true},
                     {"ExcludeCharacters", "ghijklmnopqrstuvwxyz"},
                     {"IncludeSpace", false}});
}

// "<what>", or "Unused while <flag> is false: <what>" — the secret exists either way.
Value in_use_when(StackBuilder& s, const Parameter& flag, const std::string& what) {
  return if_(s.is_true(flag), what, "Unused while " + flag.id() + " is false: " + what);
}

Value empty(const Parameter& p) { return equals(ref(p), ""); }
Value given(const Parameter& p) { return not_(empty(p)); }

Parameter& secret_input(StackBuilder& s, const std::string& id, std::string pattern, std::string constraint,
                        std::string group, std::string label, std::string description) {
  return s.parameter(id)
      .description(std::move(description))
      .allowed_pattern(std::move(pattern))
      .constraint_description(std::move(constraint))
      .no_echo()
      .group(std::move(group))
      .label(std::move(label));
}

// An OAuth client of the cluster: {"client_id", "client_secret"}, as the docs name them.
struct OAuthClient {
  const Parameter* id;
  const Parameter* secret;
};

// `optional`: the client may be left empty while its component is not included (a Rule then
// requires it when it is).
OAuthClient oauth_client_inputs(StackBuilder& s, const std::string& prefix, const std::string& what,
                                const std::string& id_convention, bool optional) {
  std::string when_empty = optional ? " Empty only when the " + what + " is not included." : "";
  auto& id = s.parameter(prefix + "OAuthClientIDValue")
                 .description("ID of the OAuth client of the " + what + ", by convention " + id_convention + "." + when_empty)
                 .allowed_pattern(std::string(optional ? "^$|" : "^") + "[a-z0-9](?:[-]?[a-z0-9]){2,35}$")
                 .constraint_description(std::string(optional ? "empty, or " : "") + "3-36 lowercase letters, digits and dashes")
                 .group("OAuth clients")
                 .label(what + " OAuth client ID");
  std::string secret_pattern = optional ? optional_secret_pattern(16) : "^" + std::string(kSecretText) + "{16,}$";
  auto& secret = secret_input(s, prefix + "OAuthClientSecretValue", secret_pattern, std::string(kJSONSafe),
                              "OAuth clients", what + " OAuth client secret",
                              "Secret of the OAuth client of the " + what + " (openssl rand -hex 24)." + when_empty);
  return {&id, &secret};
}

Value oauth_client_json(const OAuthClient& c) {
  return sub("{\"client_id\":\"${" + c.id->id() + "}\",\"client_secret\":\"${" + c.secret->id() + "}\"}");
}

void require_oauth_client(StackBuilder& s, const std::string& rule, const Parameter& include, const OAuthClient& c,
                          const std::string& what) {
  s.rule(rule)
      .when(equals(ref(include), "true"))
      .require(and_({given(*c.id), given(*c.secret)}), "The " + what + " needs its OAuth client ID and secret.");
}

}  // namespace

StackModel build_secrets(const Release& release) {
  StackBuilder s(release, "secrets");
  namespace e = exports::secrets;

  // --- Inputs --------------------------------------------------------------------------------
  auto& license = secret_input(s, "LicenseKeyValue", "^[A-Za-z0-9+/=]+$", "the base64 license key",
                               "License", "License key", "License key of The Things Stack Enterprise (base64).");
  auto& cluster_secret = secret_input(s, "ClusterSecretValue", "^([0-9a-fA-F]{2}){16,32}$",
                                      "16-32 bytes in hexadecimal", "Cluster", "Cluster secret",
                                      "Secret of the internal communication of the cluster (openssl rand -hex 24). "
                                      "The same in every cluster of the network.");
  auto& gateway_key = secret_input(s, "GatewaySecretsEncryptionKeyValue", "^[A-Za-z0-9+/]{22}==$",
                                   "an AES-128 key in base64 (openssl rand -base64 16)", "Cluster",
                                   "Gateway secrets encryption key",
                                   "AES-128 key in base64 that encrypts gateway secrets (openssl rand -base64 16).");

  auto& include_console = s.flag("IncludeConsole", true)
                              .description("The cluster runs the Console (its OAuth client is then required).")
                              .group("Components")
                              .label("Include Console");
  // 3.19.2: + IncludeNOC, NOCGrafanaAdminPassword, NOCOAuthClientIDValue, NOCOAuthClientSecretValue.
  // Off by default like IncludeNetworkOperationsCenter of the other stacks (docs/decisions-shared-parameters.md).
  auto& include_noc = s.flag("IncludeNOC", false)
                          .description("The cluster runs the Network Operations Center (its OAuth client is then required).")
                          .group("Components")
                          .label("Include Network Operations Center");
  // 3.23.0: + SupportProxyTLS: the proxy's server certificate lives in ProxyTLSSecret.
  auto& proxy_tls = s.shared(shared::support_proxy_tls());

  OAuthClient console = oauth_client_inputs(s, "Console", "Console", "console-<cluster>", true);
  // The Device Claiming Server always runs: its client is required.
  OAuthClient claiming = oauth_client_inputs(s, "DeviceClaiming", "Device Claiming Server", "device-claiming-<cluster>", false);
  OAuthClient noc = oauth_client_inputs(s, "NOC", "Network Operations Center", "noc-<cluster>", true);

  auto& email_provider = s.choice("EmailProvider", {"sendgrid", "smtp"}, "sendgrid")
                             .description("Service that sends the emails of the Identity Server.")
                             .group("Email")
                             .label("Email provider");
  auto& sendgrid_key = secret_input(s, "SendGridAPIKeyValue", "^$|^SG\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
                                    "empty, or a SendGrid API key (SG.…)", "Email", "SendGrid API key",
                                    "SendGrid API key with Mail Send rights (provider sendgrid).");
  auto& smtp_address = s.parameter("SMTPAddress")
                           .description("SMTP server as host:port (provider smtp).")
                           .allowed_pattern("^$|^[A-Za-z0-9.-]+:[0-9]{1,5}$")
                           .constraint_description("empty, or host:port")
                           .group("Email")
                           .label("SMTP server");
  s.parameter("SMTPUsername")
                            .description("User name at the SMTP server (provider smtp).")
                            .allowed_pattern("^" + std::string(kSecretText) + "*$")
                            .constraint_description(std::string(kJSONSafe))
                            .group("Email")
                            .label("SMTP user name");
  secret_input(s, "SMTPPasswordValue", "^" + std::string(kSecretText) + "*$",
                                     std::string(kJSONSafe), "Email", "SMTP password",
                                     "Password at the SMTP server (provider smtp).");

  // 3.10.6: Packet Broker API key ID and secret (the TLS client certificate is gone).
  auto& pb_key_id = s.parameter("PacketBrokerAPIKeyIDValue")
                        .description("ID of the Packet Broker API key. Empty when not connected to Packet Broker.")
                        .allowed_pattern("^$|^[A-Za-z0-9_-]{1,64}$")
                        .constraint_description("empty, or a Packet Broker API key ID")
                        .group("Packet Broker")
                        .label("Packet Broker API key ID");
  auto& pb_key = secret_input(s, "PacketBrokerAPIKeySecretValue", optional_secret_pattern(1), std::string(kJSONSafe),
                              "Packet Broker", "Packet Broker API key",
                              "Secret of the Packet Broker API key. Empty when not connected to Packet Broker.");

  auto& stripe_key = secret_input(s, "StripeAPIKeyValue", "^$|^(sk|rk)_(live|test)_[A-Za-z0-9]+$",
                                  "empty, or a Stripe secret key (sk_…)", "Stripe", "Stripe API key",
                                  "Stripe secret API key for tenant billing (multi-tenant). Empty without Stripe.");
  auto& stripe_webhook = secret_input(s, "StripeEndpointSecretKeyValue", "^$|^whsec_[A-Za-z0-9]+$",
                                      "empty, or a Stripe webhook signing secret (whsec_…)", "Stripe",
                                      "Stripe endpoint secret key",
                                      "Signing secret of the Stripe webhook endpoint. Empty without Stripe.");

  auto& grafana_password = secret_input(s, "NOCGrafanaAdminPassword", optional_secret_pattern(8), std::string(kJSONSafe),
                                        "Network Operations Center", "NOC Grafana admin password",
                                        "Password of the admin of the NOC's Grafana. Leave empty for a generated one.");

  // --- Secrets -------------------------------------------------------------------------------
  Resource& license_secret = given_secret(s, "LicenseSecret", "license", "License key of The Things Stack", ref(license));
  Resource& cluster_secret_secret =
      given_secret(s, "ClusterSecret", "cluster-secret", "Secret of the internal communication of the cluster", ref(cluster_secret));

  Resource& console_secret = given_secret(s, "ConsoleOAuthClientSecret", "console-oauth-client",
                                          in_use_when(s, include_console, "OAuth client of the Console"),
                                          oauth_client_json(console));
  Resource& claiming_secret = given_secret(s, "DeviceClaimingOAuthClientSecret", "device-claiming-oauth-client",
                                           "OAuth client of the Device Claiming Server", oauth_client_json(claiming));
  Resource& noc_secret = given_secret(s, "NOCOAuthClientSecret", "noc-oauth-client",
                                      in_use_when(s, include_noc, "OAuth client of the Network Operations Center"),
                                      oauth_client_json(noc));
  require_oauth_client(s, "ConsoleOAuthClientRequired", include_console, console, "Console");
  require_oauth_client(s, "NOCOAuthClientRequired", include_noc, noc, "Network Operations Center");

  Resource& email_secret = given_secret(
      s, "EmailSecret", "email", "Credentials of the email provider of the Identity Server",
      sub("{\"provider\":\"${EmailProvider}\",\"sendgrid_api_key\":\"${SendGridAPIKeyValue}\","
          "\"smtp_address\":\"${SMTPAddress}\",\"smtp_username\":\"${SMTPUsername}\","
          "\"smtp_password\":\"${SMTPPasswordValue}\"}"));
  s.rule("SendGridNeedsAPIKey")
      .when(equals(ref(email_provider), "sendgrid"))
      .require(given(sendgrid_key), "Email provider sendgrid needs SendGridAPIKeyValue.");
  s.rule("SMTPNeedsServer")
      .when(equals(ref(email_provider), "smtp"))
      .require(given(smtp_address), "Email provider smtp needs SMTPAddress.");

  // The resource name is the one of the changelog (3.10.6).
  Resource& pb_secret = given_secret(s, "PacketBrokerAgentSecrets", "packet-broker-agent",
                                     "API key of the Packet Broker Agent (empty when not connected)",
                                     sub("{\"api_key_id\":\"${PacketBrokerAPIKeyIDValue}\",\"api_key\":\"${PacketBrokerAPIKeySecretValue}\"}"));
  s.rule("PacketBrokerAPIKeyComplete")
      .require(or_({and_({empty(pb_key_id), empty(pb_key)}), and_({given(pb_key_id), given(pb_key)})}),
               "Give both the Packet Broker API key ID and its secret, or neither.");

  Resource& stripe_secret = given_secret(s, "StripeSecret", "stripe", "Stripe keys of the Tenant Billing Server (empty without Stripe)",
                                         sub("{\"api_key\":\"${StripeAPIKeyValue}\",\"endpoint_secret\":\"${StripeEndpointSecretKeyValue}\"}"));
  s.rule("StripeKeysComplete")
      .require(or_({and_({empty(stripe_key), empty(stripe_webhook)}), and_({given(stripe_key), given(stripe_webhook)})}),
               "Give both the Stripe API key and the endpoint secret key, or neither.");

  std::string key_vault = std::string(kKeyVaultInfix);
  Resource& gateway_key_secret = given_secret(s, "GatewaySecretsEncryptionKey", key_vault + "gateway-secrets-encryption-key",
                                              "Key Vault: key that encrypts gateway secrets", ref(gateway_key));

  const Condition& grafana_given = s.is_set(grafana_password);
  Resource& grafana_secret = keep_data(s, s.resource("NOCGrafanaAdminPasswordSecret", "AWS::SecretsManager::Secret"))
                                 .set("Name", s.resource_name("noc-grafana-admin-password"))
                                 .set("Description", in_use_when(s, include_noc, "Password of the admin of the NOC's Grafana"))
                                 .set("SecretString", if_(grafana_given, ref(grafana_password), pseudo::no_value()))
                                 .set("GenerateSecretString", if_(grafana_given, pseudo::no_value(), password(32)))
                                 .set("Tags", s.tags("noc-grafana-admin-password"));

  // 3.23.0: server TLS credentials of the proxy; the certbot task (5-8a) writes them.
  Resource& proxy_tls_secret = given_secret(s, "ProxyTLSSecret", "proxy-tls",
                                            in_use_when(s, proxy_tls, "TLS certificate and key of the proxy, written by the certbot task"),
                                            "{\"cert\":\"\",\"key\":\"\"}");
  const std::pair<const catalog::Export*, const Resource*> given_secrets[] = {
      {&e::license, &license_secret},
      {&e::cluster_secret, &cluster_secret_secret},
      {&e::console_oauth_client, &console_secret},
      {&e::device_claiming_oauth_client, &claiming_secret},
      {&e::noc_oauth_client, &noc_secret},
      {&e::email, &email_secret},
      {&e::packet_broker_agent, &pb_secret},
      {&e::stripe, &stripe_secret},
      {&e::gateway_secrets_encryption_key, &gateway_key_secret},
      {&e::noc_grafana_admin_password, &grafana_secret},
      {&e::proxy_tls, &proxy_tls_secret},
  };
  for (const auto& [x, r] : given_secrets) s.export_value(*x, ref(*r));

  // Generated secrets: values no operator needs to know, the same for every task of the cluster.
  struct Generated {
    const char* id;
    std::string suffix;
    const char* description;
    Value spec;
    const catalog::Export& export_;
  };
  std::vector<Generated> generated{
      // 3.23.0: Key Vault IDs for gateway tokens; the GCS token hash key is shared by GCS and IS.
      {"GCSTokenHashKey", key_vault + "gcs-token-hash-key",
       "Key Vault: hash key of the gateway tokens of the Gateway Configuration Server", hex_key(32), e::gcs_token_hash_key},
      {"HTTPMetricsPassword", "http-metrics-password", "Password of the metrics endpoints (user metrics)", password(32),
       e::http_metrics_password},
      {"TenantResourceMetricsPassword", "tenant-resource-metrics-password",
       "Password of the Tenant Resource Monitoring Prometheus (user metrics)", password(32),
       e::tenant_resource_metrics_password},
      {"HTTPCookieHashKey", "http-cookie-hash-key", "Key that signs the HTTP cookies", hex_key(64), e::http_cookie_hash_key},
      {"HTTPCookieBlockKey", "http-cookie-block-key", "Key that encrypts the HTTP cookies", hex_key(32),
       e::http_cookie_block_key},
  };
  // 3.30.0: − GSGatewayTokensHashKey (the Gateway Server no longer hashes gateway tokens itself).
  if (release < "3.30.0"_v) {
    generated.push_back({"GSGatewayTokensHashKey", key_vault + "gs-gateway-tokens-hash-key",
                         "Key Vault: hash key of the gateway tokens of the Gateway Server", hex_key(32),
                         e::gs_gateway_tokens_hash_key});
  }
  for (const auto& g : generated)
    s.export_value(g.export_, ref(secret(s, g.id, g.suffix, g.description, "GenerateSecretString", g.spec)));

  // 3.32.0: + EnableTTGCCustomCertificate: a custom TLS client certificate for The Things Gateway
  // Controller instead of one issued by CertificateAuthorityARN (4-2a).
  if (release >= "3.32.0"_v) {
    auto& enable_ttgc = s.flag("EnableTTGCCustomCertificate", false)
                            .description("Use your own TLS client certificate towards The Things Gateway Controller "
                                         "instead of one issued by the certificate authority of 4-2a-configuration.")
                            .group("The Things Gateway Controller")
                            .label("Custom TTGC client certificate");
    auto& ttgc_cert = s.parameter("TTGCCustomCertificate")
                          .description("The client certificate (with its chain) as one line of base64: base64 -w0 cert.pem. "
                                       "Empty unless EnableTTGCCustomCertificate is true.")
                          .allowed_pattern("^$|^[A-Za-z0-9+/=]+$")
                          .constraint_description("empty, or base64 without line breaks")
                          .max_length(4096)
                          .group("The Things Gateway Controller")
                          .label("TTGC client certificate");
    auto& ttgc_key = secret_input(s, "TTGCCustomCertificateKey", "^$|^[A-Za-z0-9+/=]+$",
                                  "empty, or base64 without line breaks", "The Things Gateway Controller",
                                  "TTGC client certificate key",
                                  "The private key of the client certificate as one line of base64: base64 -w0 key.pem. "
                                  "Empty unless EnableTTGCCustomCertificate is true.")
                         .max_length(4096);
    Resource& ttgc_secret = given_secret(s, "TTGCCustomCertificateSecret", "ttgc-custom-certificate",
                                         in_use_when(s, enable_ttgc, "TLS client certificate for The Things Gateway Controller"),
                                         sub("{\"cert\":\"${TTGCCustomCertificate}\",\"key\":\"${TTGCCustomCertificateKey}\"}"));
    s.rule("TTGCCustomCertificateComplete")
        .when(equals(ref(enable_ttgc), "true"))
        .require(and_({given(ttgc_cert), given(ttgc_key)}), "A custom TTGC certificate needs the certificate and its key.");
    s.export_value(e::ttgc_custom_certificate, ref(ttgc_secret));
  }

  s.export_value(e::key_vault_prefix, s.resource_name(key_vault));
  return s.finish();
}

}  // namespace ttsgen::stacks
