#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

namespace {
std::vector<std::string> target_groups(const cfn::Template& t, const std::string& service) {
  std::vector<std::string> keys;
  for (const auto& lb : property(*t.find_resource(service), "LoadBalancers")->items()) {
    std::string name = test::unwrap_if(lb).find("TargetGroupArn")->argument().argument().text();
    keys.push_back(name.substr(name.rfind('-') + 1));
  }
  return keys;
}
}  // namespace

TEST_CASE("5-4-ecs-services: the UDP Gateway Server daemon until 3.25.2, UDP on the GS service from 3.26.0", "[stacks][services]") {
  auto old = stacks::build_services("3.25.2"_v);
  auto newer = stacks::build_services("3.26.0"_v);
  REQUIRE(old.tmpl.find_resource("UDPGatewayServerService"));
  CHECK(*property(*old.tmpl.find_resource("UDPGatewayServerService"), "SchedulingStrategy") == Value("DAEMON"));
  CHECK(old.tmpl.find_resource("UDPGatewayServerService")->condition_id() == "IncludeUDPGatewayServerCondition");
  CHECK(test::has_parameter(old.tmpl, "IncludeUDPGatewayServer"));
  CHECK(test::has_parameter(old.tmpl, "EnableUDPGSRateLimiting"));
  CHECK(target_groups(old.tmpl, "UDPGatewayServerService") == std::vector<std::string>{"GatewayServerUDPTargetGroupArn"});
  CHECK(target_groups(old.tmpl, "GatewayServerService").size() == 4);

  CHECK(newer.tmpl.find_resource("UDPGatewayServerService") == nullptr);
  CHECK_FALSE(test::has_parameter(newer.tmpl, "IncludeUDPGatewayServer"));
  CHECK_FALSE(test::has_parameter(newer.tmpl, "EnableUDPGSRateLimiting"));
  auto gs = target_groups(newer.tmpl, "GatewayServerService");
  CHECK(gs.size() == 5);  // ECS allows five target groups per service
  CHECK(gs.front() == "GatewayServerUDPTargetGroupArn");
}

TEST_CASE("5-4-ecs-services: every service of the changelog with its parameters", "[stacks][services]") {
  auto model = stacks::build_services("3.35.2"_v);
  const auto& t = model.tmpl;
  for (const char* prefix : {"GatewayServer", "NetworkServer", "ApplicationServer", "JoinServer", "Console",
                             "GatewayConfigurationServer", "DeviceClaimingServer", "PacketBrokerAgent",
                             "NetworkOperationsCenter", "NetworkOperationsCenterGrafana"}) {
    INFO(prefix);
    CHECK(t.find_resource(std::string(prefix) + "Service") != nullptr);
    for (const char* suffix : {"Image", "LaunchType", "CPU", "Memory", "RuntimePlatform"})
      CHECK(test::has_parameter(t, std::string(prefix) + suffix));
  }
  for (const char* id : {"NetworkServerDesiredCount", "ApplicationServerDesiredCount", "IncludeConsole",
                         "IncludeGatewayConfigurationServer", "IncludePacketBroker", "IncludeNetworkOperationsCenter",
                         "IncludeSemtechRJSConfiguration", "ExternalIdentityServer", "SupportProxyTLS",
                         "UseCertificateAuthorityARN", "GOGCValue", "ApplicationServerStorageTimescaleDBDeploymentName",
                         "ApplicationServerStorageReplicaEnabled", "NOCTimescaleDBDeploymentName", "GeneralRedisTLS",
                         "CacheRedisTLS", "EventsRedisTLS", "EnableNOCRateLimiting"}) {
    INFO(id);
    CHECK(test::has_parameter(t, id));
  }
  // Single instance: the Packet Broker Agent.
  CHECK_FALSE(test::has_parameter(t, "PacketBrokerAgentDesiredCount"));
  CHECK(*property(*t.find_resource("PacketBrokerAgentService"), "DesiredCount") == Value(1));
  // The Network Server has no minimum healthy percent (3.11.0).
  CHECK(property(*t.find_resource("NetworkServerService"), "DeploymentConfiguration.MinimumHealthyPercent") == nullptr);
  CHECK(property(*t.find_resource("GatewayServerService"), "DeploymentConfiguration.MinimumHealthyPercent") != nullptr);
  // Device Repository, QR Code Generator and Device Template Converter run in the AS task.
  CHECK(*test::container(t, "ApplicationServerTaskDefinition", "as")->find("Command") ==
        Value::strings({"tti-lw-stack", "start", "as", "dr", "qrg", "dtc"}));
  CHECK_FALSE(test::has_parameter(stacks::build_services("3.25.2"_v).tmpl, "EnableNOCRateLimiting"));
}

TEST_CASE("5-4-ecs-services: release differences of the changelog", "[stacks][services]") {
  auto count_default = [](const catalog::Release& r, const char* id) {
    return stacks::build_services(r).tmpl.find_parameter(id)->default_value()->as_integer();
  };
  // 3.27.0: desired count 2 for GCS, NOC and NOC Grafana.
  CHECK(count_default("3.26.2"_v, "GatewayConfigurationServerDesiredCount") == 1);
  CHECK(count_default("3.27.0"_v, "GatewayConfigurationServerDesiredCount") == 2);
  CHECK(count_default("3.27.0"_v, "NetworkOperationsCenterGrafanaDesiredCount") == 2);
  // NOC Grafana image.
  CHECK(stacks::build_services("3.30.0"_v).tmpl.find_parameter("NetworkOperationsCenterGrafanaImage")->default_value()->text() ==
        "ghcr.io/thethingsindustries/lorawan-stack-noc-grafana:3.30.0");
  CHECK(stacks::build_services("3.27.2"_v).tmpl.find_parameter("NetworkOperationsCenterGrafanaImage")->default_value()->text() ==
        "ghcr.io/thethingsindustries/lorawan-stack-noc-grafana:3.27.2");
  // Environment or Secrets names of a container of 5-4 in release r.
  auto entries = [](const catalog::Release& r, const std::string& prefix, const char* container, const char* list) {
    auto m = stacks::build_services(r);
    return test::entry_names(*test::container(m.tmpl, prefix + "TaskDefinition", container), list);
  };
  // 3.26.2: Grafana alerting off.
  CHECK_FALSE(test::has(entries("3.26.1"_v, "NetworkOperationsCenterGrafana", "noc-grafana", "Environment"), "GF_UNIFIED_ALERTING_ENABLED"));
  CHECK(test::has(entries("3.26.2"_v, "NetworkOperationsCenterGrafana", "noc-grafana", "Environment"), "GF_UNIFIED_ALERTING_ENABLED"));
  // 3.30.0: the mTLS bucket leaves the GS, the GCS task role reads it. (The gateway tokens hash
  // keys are Key Vault keys, read at run time, never task secrets.)
  CHECK(test::has(entries("3.29.2"_v, "GatewayServer", "gs", "Environment"), "TTN_LW_GS_MTLS_CA_STORE_BLOB_BUCKET"));
  CHECK_FALSE(test::has(entries("3.30.0"_v, "GatewayServer", "gs", "Environment"), "TTN_LW_GS_MTLS_CA_STORE_BLOB_BUCKET"));
  CHECK_FALSE(test::has(entries("3.29.2"_v, "GatewayConfigurationServer", "gcs", "Environment"), "TTN_LW_GCS_MTLS_CA_STORE_BLOB_BUCKET"));
  CHECK(test::has(entries("3.30.0"_v, "GatewayConfigurationServer", "gcs", "Environment"), "TTN_LW_GCS_MTLS_CA_STORE_BLOB_BUCKET"));
  // 3.32.0: TTGC client certificate for GCS and DCS (files written by the start wrapper).
  CHECK_FALSE(test::has(entries("3.31.1"_v, "GatewayConfigurationServer", "gcs", "Secrets"), "TTS_FILE_TTGC_TLS_CERTIFICATE"));
  for (const char* name : {"TTS_FILE_TTGC_TLS_CERTIFICATE", "TTS_FILE_TTGC_TLS_KEY"}) {
    CHECK(test::has(entries("3.32.0"_v, "GatewayConfigurationServer", "gcs", "Secrets"), name));
    CHECK(test::has(entries("3.32.0"_v, "DeviceClaimingServer", "dcs", "Secrets"), name));
  }
  // 3.34.1: more memory options.
  CHECK(stacks::build_services("3.34.0"_v).tmpl.find_parameter("GatewayServerMemory")->allowed_values().size() <
        stacks::build_services("3.34.1"_v).tmpl.find_parameter("GatewayServerMemory")->allowed_values().size());
}

TEST_CASE("5-4-ecs-services stays under the quotas: 200 parameters, 500 resources, 1 MB", "[stacks][services]") {
  for (const auto& v : catalog::supported_releases()) {
    INFO(v.str());
    auto model = stacks::build_services(v);
    CHECK(model.tmpl.parameters().size() < 200);
    CHECK(model.tmpl.resources().size() < 500);
    CHECK(render::render(model.tmpl, render::Format::Yaml).size() < 1000000);
    CHECK(render::render(model.tmpl, render::Format::Json).size() < 1000000);
  }
  test::check_ecs_baseline(stacks::build_services("3.24.0"_v).tmpl);
  test::check_ecs_baseline(stacks::build_services("3.35.2"_v).tmpl);
}
