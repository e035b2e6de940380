// 5-4-ecs-services: the routing services of The Things Stack as ECS services (docs: ecs/deployment, ecs/architecture):
// Gateway Server, Network Server, Application Server (with Device Repository, QR Code Generator
// and Device Template Converter), Join Server, Console, Gateway Configuration Server, Device
// Claiming Server, Packet Broker Agent, Network Operations Center and its Grafana, and until
// 3.25.2 the UDP Gateway Server daemon on the container instances.
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/exports/load_balancer.hpp"
#include "ttsgen/exports/s3.hpp"
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

// The NOC Grafana image: its default tag moved with 3.25.1, 3.26.0, 3.27.2 (Grafana 10.1.0) and
// 3.30.0. The changelog names no tag before 3.25.1; the NOC's first release (3.19.2) is used.
std::string noc_grafana_image(const Release& release) {
  const char* tag = release >= "3.30.0"_v   ? "3.30.0"
                    : release >= "3.27.2"_v ? "3.27.2"
                    : release >= "3.26.0"_v ? "3.26.0"
                    : release >= "3.25.1"_v ? "3.25.1"
                                            : "3.19.2";
  return std::string("ghcr.io/thethingsindustries/lorawan-stack-noc-grafana:") + tag;
}

// Rate limiting per service (3.13.0), with the configuration of 4-2b.
Parameter& rate_limiting_flag(StackBuilder& s, const std::string& id, const std::string& title) {
  return s.flag(id, true)
      .description("Apply the rate limiting of 4-2b-configuration-rate-limiting to the " + title + ".")
      .group(title)
      .label("Rate limiting");
}

Parameter& include_flag(StackBuilder& s, const std::string& id, const std::string& title, bool default_value = true) {
  return s.flag(id, default_value).description("Deploy the " + title + ".").group("Components").label(title);
}

// The interop client configuration of the Network and Application Server (2-4b, config.yml).
void read_interop_config(StackBuilder& s, ecs::Component& c, const std::string& component, const Parameter& semtech_rjs) {
  Value bucket = s.import(exports::s3::interop_config_bucket);
  c.env("TTN_LW_" + component + "_INTEROP_CONFIG_SOURCE", "blob")
      .env("TTN_LW_" + component + "_INTEROP_BLOB_BUCKET", bucket)
      .env("TTN_LW_" + component + "_INTEROP_BLOB_PATH", "config.yml")
      // 3.14.1: the Semtech RJS join server entry only when its Key Vault credentials exist.
      .env("TTS_INTEROP_SEMTECH_RJS", ref(semtech_rjs))
      .task_permission(ecs::read_bucket("ReadInteropConfiguration", bucket));
}

// The CA certificates that verify client certificates forwarded by the proxy (2-4c, optional:
// imported only with SupportProxyTLS): <component>.mtls.ca-store.blob.bucket (the document says
// `source: blob` and `path: index.yml`).
void read_client_cas(StackBuilder& s, ecs::Component& c, const std::string& component, const Condition& mtls) {
  Value bucket = s.import(exports::s3::mtls_ca_bucket);
  c.env("TTN_LW_" + component + "_MTLS_CA_STORE_BLOB_BUCKET", bucket, &mtls)
      .task_permission(ecs::read_bucket("ReadClientCAs", bucket), &mtls);
}

// 3.32.0: The Things Gateway Controller with a custom TLS client certificate (4-1, base64 of the
// PEM files; empty unless EnableTTGCCustomCertificate): ttgc.tls.certificate and ttgc.tls.key are
// files. Without it the certificate comes from the Private CA (4-2a CertificateAuthorityARN).
void ttgc_client_certificate(ecs::Component& c) {
  c.file_secret("TTGC_TLS_CERTIFICATE", exports::secrets::ttgc_custom_certificate, "cert")
      .file_secret("TTGC_TLS_KEY", exports::secrets::ttgc_custom_certificate, "key");
}

}  // namespace

StackModel build_services(const Release& release) {
  StackBuilder s(release, "services");
  ecs::Cluster cluster = ecs::cluster(s, true);
  ecs::TtsRuntime runtime = ecs::tts_runtime(s, cluster);
  const std::string image = ecs::tts_image(release);
  // 3.34.1: more memory parameter options.
  const auto memory = release >= "3.34.1"_v ? ecs::MemoryChoices::Expanded : ecs::MemoryChoices::Standard;
  // 3.27.0: default desired count 2 for GCS, NOC and NOC Grafana.
  const int small_default_count = release >= "3.27.0"_v ? 2 : 1;

  auto& external_is = s.flag("ExternalIdentityServer", false)
                          .description("Use the Identity Server of another cluster through 5-3b-ecs-external-is-proxy "
                                       "(a secondary cluster) instead of 5-3a-ecs-is-service in this cluster.")
                          .group("The Things Stack")
                          .label("External Identity Server");
  runtime.identity_server = if_(s.is_true(external_is), ecs::discovery_address(cluster, "is-proxy", 1884),
                                ecs::discovery_address(cluster, "is", 1884));
  // 3.23.0: mTLS through the proxy; Gateway and Gateway Configuration Server read the CA bucket.
  auto& proxy_tls = s.shared(shared::support_proxy_tls());
  const Condition& mtls = s.is_true(proxy_tls);
  auto& semtech_rjs = s.flag("IncludeSemtechRJSConfiguration", false)
                          .description("Include the Semtech RJS join server in the interop client configuration of "
                                       "the Network and Application Server (needs its credentials in the Key Vault).")
                          .group("The Things Stack")
                          .label("Semtech RJS");
  ecs::TimescaleSwitches timescale = ecs::timescale_switches(s);
  auto& resource_limiting = s.flag("EnableResourceLimiting", false)
                                .description("Apply the resource limiting of 4-2c-configuration-resource-limiting to the "
                                             "Application Server (deploy 4-2c first).")
                                .group("Application Server")
                                .label("Resource limiting");

  // The listener switches of 3-2 for the target groups the Gateway and Application Server serve: a
  // service registers with a target group only while 3-2 has its listener.
  namespace lb = exports::load_balancer;
  // 3.26.0: UDP is served by the Gateway Server service, before by the UDP Gateway Server daemon.
  const Condition& udp_listener =
      ecs::listener_switch(s, lb::udp_enabled, release >= "3.26.0"_v ? "Gateway Server" : "UDP Gateway Server");
  const Condition& mqtt_v2_listener = ecs::listener_switch(s, lb::gateway_mqtt_v2_enabled, "Gateway Server");
  const Condition& mqtt_listener = ecs::listener_switch(s, lb::gateway_mqtt_enabled, "Gateway Server");
  const Condition& basic_station_listener = ecs::listener_switch(s, lb::basic_station_enabled, "Gateway Server");
  const Condition& tabs_hubs_listener = ecs::listener_switch(s, lb::tabs_hubs_enabled, "Gateway Server");
  const Condition& application_mqtt_listener = ecs::listener_switch(s, lb::application_mqtt_enabled, "Application Server");

  const Condition& console_on = s.is_true(include_flag(s, "IncludeConsole", "Console"));
  const Condition& gcs_on = s.is_true(include_flag(s, "IncludeGatewayConfigurationServer", "Gateway Configuration Server"));
  const Condition& dcs_on = s.is_true(include_flag(s, "IncludeDeviceClaimingServer", "Device Claiming Server"));
  // 3.12.2: PacketBrokerEnabled renamed IncludePacketBroker.
  const Condition& pba_on = s.is_true(include_flag(s, "IncludePacketBroker", "Packet Broker Agent"));

  // Gateway Server.
  ecs::Component gs(s, cluster,
                    {.prefix = "GatewayServer", .title = "Gateway Server", .name = "gs", .image = image, .cpu = 1024,
                     .memory = 2048, .memory_choices = memory, .nofile = 65536});
  gs.command({"tti-lw-stack", "start", "gs"});
  // 3.26.0: the Gateway Server service serves UDP (the daemon is gone).
  if (release >= "3.26.0"_v) gs.port(1700, "udp").register_with(lb::gs_udp, 1700, &udp_listener);
  gs.port(1881).port(1882).port(1887).port(1888);
  // 3.32.0: The Things Industries Gateway Protocol through the proxy (8889 → GS 1889).
  if (release >= "3.32.0"_v) gs.port(1889);
  gs.port(1884).port(1885)
      .register_with(lb::gs_mqtt_v2, 1881, &mqtt_v2_listener)
      .register_with(lb::gs_mqtt, 1882, &mqtt_listener)
      .register_with(lb::gs_basic_station, 1887, &basic_station_listener)
      .register_with(lb::gs_tabs_hubs, 1888, &tabs_hubs_listener);
  gs.tts(runtime, &rate_limiting_flag(s, "EnableGSRateLimiting", "Gateway Server"))
      .config("TTS_CONFIG_GS", exports::configuration::gateway_server);
  // 3.23.0 … 3.29.2: the gateway tokens hash key is a Key Vault key (GS document) read at run time,
  // never an import: so 4-1 can drop it in 3.30.0 ("− GSGatewayTokensHashKey") before 5-4 is
  // updated in numbering order. 3.30.0 removes the mTLS bucket support of the Gateway Server task role.
  if (release < "3.30.0"_v) read_client_cas(s, gs, "GS", mtls);
  gs.build();

  // UDP Gateway Server daemon on the container instances, until 3.25.2 (3.26.0: removed).
  if (release < "3.26.0"_v) {
    const Condition& udp_on = s.is_true(include_flag(s, "IncludeUDPGatewayServer", "UDP Gateway Server"));
    ecs::Component udp(s, cluster,
                       {.prefix = "UDPGatewayServer", .title = "UDP Gateway Server", .name = "udp-gs", .image = image,
                        .cpu = 512, .memory = 1024, .kind = ecs::Kind::Daemon, .include = &udp_on, .discovery = false,
                        .nofile = 65536});
    // 1884: the components' gRPC reaches the Gateway Server that holds a gateway's connection; 1885:
    // HTTP, metrics and the UDP target group's health check.
    udp.command({"tti-lw-stack", "start", "gs"}).port(1700, "udp").port(1884).port(1885);
    udp.placement_constraint(Value::map({{"Type", "memberOf"}, {"Expression", "attribute:schedule_gs == true"}}))
        .register_with(lb::gs_udp, 1700, &udp_listener);
    udp.tts(runtime, &rate_limiting_flag(s, "EnableUDPGSRateLimiting", "UDP Gateway Server"))
        .config("TTS_CONFIG_GS", exports::configuration::gateway_server);
    udp.build();
  }

  // Network Server: no minimum healthy percent since 3.11.0; NetworkServerDesiredCount.
  ecs::Component ns(s, cluster,
                    {.prefix = "NetworkServer", .title = "Network Server", .name = "ns", .image = image, .cpu = 1024,
                     .memory = 2048, .memory_choices = memory, .minimum_healthy_percent = false});
  ns.command({"tti-lw-stack", "start", "ns"}).port(1884).port(1885);
  ns.tts(runtime, &rate_limiting_flag(s, "EnableNSRateLimiting", "Network Server"))
      .config("TTS_CONFIG_NS", exports::configuration::network_server);
  read_interop_config(s, ns, "NS", semtech_rjs);
  ns.build();

  // Application Server, with the Device Repository (3.11.0), QR Code Generator and Device
  // Template Converter in the same task; ApplicationServerDesiredCount (3.12.0).
  ecs::Component as(s, cluster,
                    {.prefix = "ApplicationServer", .title = "Application Server", .name = "as", .image = image,
                     .cpu = 1024, .memory = 2048, .memory_choices = memory, .nofile = 65536});
  as.command({"tti-lw-stack", "start", "as", "dr", "qrg", "dtc"}).port(1883).port(1884).port(1885);
  as.register_with(lb::as_mqtt, 1883, &application_mqtt_listener);
  as.tts(runtime, &rate_limiting_flag(s, "EnableASRateLimiting", "Application Server"))
      .config("TTS_CONFIG_AS", exports::configuration::application_server)
      .config("TTS_CONFIG_RESOURCE_LIMITING", exports::configuration::resource_limiting, &s.is_true(resource_limiting));
  read_interop_config(s, as, "AS", semtech_rjs);
  if (release >= "3.25.1"_v) {
    // 3.25.1: plugins.yml in the plugins bucket of 2-4b.
    Value plugins = s.import(exports::s3::plugins_config_bucket);
    as.env("TTS_PLUGINS_BUCKET", plugins)
        .task_permission(ecs::read_bucket("ReadPluginsConfiguration", plugins));
  }
  ecs::storage_database(s, as, timescale);
  as.build();

  // Join Server.
  ecs::Component js(s, cluster,
                    {.prefix = "JoinServer", .title = "Join Server", .name = "js", .image = image, .cpu = 256,
                     .memory = 512, .memory_choices = memory});
  js.command({"tti-lw-stack", "start", "js"}).port(1884).port(1885);
  js.tts(runtime, &rate_limiting_flag(s, "EnableJSRateLimiting", "Join Server"))
      .config("TTS_CONFIG_JS", exports::configuration::join_server);
  js.build();

  // Console (3.12.2: IncludeConsole).
  ecs::Component console(s, cluster,
                         {.prefix = "Console", .title = "Console", .name = "console", .image = image, .cpu = 256,
                          .memory = 512, .memory_choices = memory, .include = &console_on});
  console.command({"tti-lw-stack", "start", "console"}).port(1885);
  console.tts(runtime)
      .config("TTS_CONFIG_CONSOLE", exports::configuration::console)
      .http_sessions()
      .secret("TTN_LW_CONSOLE_OAUTH_CLIENT_ID", exports::secrets::console_oauth_client, "client_id")
      .secret("TTN_LW_CONSOLE_OAUTH_CLIENT_SECRET", exports::secrets::console_oauth_client, "client_secret");
  console.build();

  // Gateway Configuration Server (3.12.2).
  ecs::Component gcs(s, cluster,
                     {.prefix = "GatewayConfigurationServer", .title = "Gateway Configuration Server", .name = "gcs",
                      .image = image, .cpu = 256, .memory = 512, .desired_count = small_default_count,
                      .memory_choices = memory, .include = &gcs_on});
  gcs.command({"tti-lw-stack", "start", "gcs"}).port(1884).port(1885);
  // The GCS token hash key is a Key Vault key (GCS document).
  gcs.tts(runtime, &rate_limiting_flag(s, "EnableGCSRateLimiting", "Gateway Configuration Server"))
      .config("TTS_CONFIG_GCS", exports::configuration::gateway_configuration_server);
  // 3.30.0: the GCS task role reads the mTLS CA bucket.
  if (release >= "3.30.0"_v) read_client_cas(s, gcs, "GCS", mtls);
  // 3.32.0: managed gateways through The Things Gateway Controller with TLS client authentication.
  if (release >= "3.32.0"_v) ttgc_client_certificate(gcs);
  gcs.build();

  // Device Claiming Server (3.12.0), with its EDCS bucket (3.18.2).
  ecs::Component dcs(s, cluster,
                     {.prefix = "DeviceClaimingServer", .title = "Device Claiming Server", .name = "dcs", .image = image,
                      .cpu = 256, .memory = 512, .memory_choices = memory, .include = &dcs_on});
  dcs.command({"tti-lw-stack", "start", "dcs"}).port(1884).port(1885);
  Value edcs = s.import(exports::s3::edcs_config_bucket);
  dcs.tts(runtime, &rate_limiting_flag(s, "EnableDCSRateLimiting", "Device Claiming Server"))
      .config("TTS_CONFIG_DCS", exports::configuration::device_claiming_server)
      .http_sessions()
      .secret("TTN_LW_DCS_OAUTH_CLIENT_ID", exports::secrets::device_claiming_oauth_client, "client_id")
      .secret("TTN_LW_DCS_OAUTH_CLIENT_SECRET", exports::secrets::device_claiming_oauth_client, "client_secret")
      .env("TTN_LW_DCS_EDCS_CONFIG_SOURCE", "blob")
      .env("TTN_LW_DCS_EDCS_BLOB_BUCKET", edcs)
      .env("TTN_LW_DCS_EDCS_BLOB_PATH", "config.yml")
      .task_permission(ecs::read_bucket("ReadEDCSConfiguration", edcs));
  if (release >= "3.32.0"_v) ttgc_client_certificate(dcs);
  dcs.build();

  // Packet Broker Agent: a single instance (docs/decisions-ecs.md).
  ecs::Component pba(s, cluster,
                     {.prefix = "PacketBrokerAgent", .title = "Packet Broker Agent", .name = "pba", .image = image,
                      .cpu = 256, .memory = 512, .desired_count = std::nullopt, .memory_choices = memory,
                      .include = &pba_on});
  pba.command({"tti-lw-stack", "start", "pba"}).port(1884).port(1885);
  pba.tts(runtime)
      .config("TTS_CONFIG_PBA", exports::configuration::packet_broker_agent)
      // The Packet Broker secret of 4-1: {"api_key_id", "api_key"} (pba.authentication-mode oauth2).
      .secret("TTN_LW_PBA_OAUTH2_CLIENT_ID", exports::secrets::packet_broker_agent, "api_key_id")
      .secret("TTN_LW_PBA_OAUTH2_CLIENT_SECRET", exports::secrets::packet_broker_agent, "api_key");
  pba.build();

  // Network Operations Center and its Grafana (3.19.2).
  ecs::Component noc(s, cluster,
                     {.prefix = "NetworkOperationsCenter", .title = "Network Operations Center", .name = "noc",
                      .image = image, .cpu = 512, .memory = 1024, .desired_count = small_default_count,
                      .memory_choices = memory, .include = timescale.noc_enabled});
  noc.command({"tti-lw-stack", "start", "noc"}).port(1884).port(1885);
  // 3.26.0: NOC rate limiting.
  const Parameter* noc_rate_limiting =
      release >= "3.26.0"_v ? &rate_limiting_flag(s, "EnableNOCRateLimiting", "Network Operations Center") : nullptr;
  noc.tts(runtime, noc_rate_limiting)
      .config("TTS_CONFIG_NOC", exports::configuration::network_operations_center)
      .http_sessions()
      .secret("TTN_LW_NOC_OAUTH_CLIENT_ID", exports::secrets::noc_oauth_client, "client_id")
      .secret("TTN_LW_NOC_OAUTH_CLIENT_SECRET", exports::secrets::noc_oauth_client, "client_secret");
  ecs::noc_database(s, noc, timescale);
  // The NOC is a reverse proxy to its Grafana, which it manages as admin; Grafana's data source
  // plugin calls the NOC back (noc.grafana.noc-address).
  noc.env("TTN_LW_NOC_GRAFANA_TARGET_URL", sub("http://noc-grafana.${Namespace}:3000", {{"Namespace", cluster.namespace_name}}))
      .secret("TTN_LW_NOC_GRAFANA_ADMIN_PASSWORD", exports::secrets::noc_grafana_admin_password)
      .env("TTN_LW_NOC_GRAFANA_NOC_ADDRESS", ecs::discovery_address(cluster, "noc", 1885));
  noc.build();

  ecs::Component grafana(s, cluster,
                         {.prefix = "NetworkOperationsCenterGrafana", .title = "NOC Grafana", .name = "noc-grafana",
                          .image = noc_grafana_image(release), .cpu = 256, .memory = 512,
                          .desired_count = small_default_count, .memory_choices = memory,
                          .include = timescale.noc_enabled});
  grafana.port(3000)
      .env("GF_SERVER_ROOT_URL", sub("https://${Domain}/noc/grafana/", {{"Domain", s.import(exports::configuration::domain)}}))
      .env("GF_SERVER_SERVE_FROM_SUB_PATH", "true")
      .secret("GF_SECURITY_ADMIN_PASSWORD", exports::secrets::noc_grafana_admin_password);
  // No database: Grafana's data source is the NOC (its plugin calls noc.<namespace>:1885).
  // 3.25.1: gzip.
  if (release >= "3.25.1"_v) grafana.env("GF_SERVER_ENABLE_GZIP", "true");
  // 3.26.2: Grafana alerting off by default.
  if (release >= "3.26.2"_v) grafana.env("GF_UNIFIED_ALERTING_ENABLED", "false").env("GF_ALERTING_ENABLED", "false");
  grafana.build();

  return s.finish();
}

}  // namespace ttsgen::stacks
