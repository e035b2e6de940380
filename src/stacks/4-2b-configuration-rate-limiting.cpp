// 4-2b-configuration-rate-limiting: the rate-limiting configuration of The Things Stack (docs:
// ecs/deployment, enterprise/management/rate-limiting), one SSM parameter that every service with rate limiting reads as one more
// configuration file. Mandatory, even without rate limiting. Rate limiting is enabled per
// service: a service's profiles apply only while its Enable*RateLimiting flag is true (otherwise
// they are associated with no class), and the service's own flag in its ECS stack says whether it
// reads the document at all — the two must agree. The general API profiles always apply.
#include <optional>

#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/configuration.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;
using catalog::Version;

namespace {

// Who a profile belongs to: its flag (empty for the profiles every service applies).
struct Service {
  std::string_view flag;
  std::string_view name;
  Version since;
  std::optional<Version> until = std::nullopt;
};

const std::vector<Service>& services() {
  static const std::vector<Service> list{
      {"EnableISRateLimiting", "Identity Server", "3.13.0"_v},
      {"EnableGSRateLimiting", "Gateway Server", "3.13.0"_v},
      // 3.26.0: the UDP Gateway Server daemon is gone; UDP traffic is limited with the Gateway Server.
      {"EnableUDPGSRateLimiting", "UDP Gateway Server", "3.13.0"_v, "3.25.2"_v},
      {"EnableGCSRateLimiting", "Gateway Configuration Server", "3.13.0"_v},
      {"EnableASRateLimiting", "Application Server", "3.13.0"_v},
      // 3.26.0: + NOC rate limiting.
      {"EnableNOCRateLimiting", "Network Operations Center", "3.26.0"_v},
  };
  return list;
}

// One rate-limiting profile: `parameter` holds its max-per-min, `classes` are its associations.
// A profile that changed keeps one row per shape, with the releases of each.
struct Profile {
  std::string_view parameter;
  std::string_view name;
  std::string_view flag;  // service flag; empty: always in the document
  std::vector<std::string_view> classes;
  long long per_minute;
  Version since = "3.13.0"_v;
  std::optional<Version> until = std::nullopt;
};

const std::vector<Profile>& profiles() {
  static const std::vector<Profile> list{
      // Every service.
      {"APIRateLimit", "gRPC API", {}, {"grpc:method", "grpc:stream:accept"}, 600},
      {"HTTPRateLimit", "HTTP endpoints", {}, {"http"}, 1200},
      {"StreamMessagesRateLimit", "gRPC stream messages", {}, {"grpc:stream:up"}, 6000},
      // 3.28.1: + Console events requests.
      {"ConsoleEventsRateLimit", "Console events", {},
       {"grpc:stream:accept:/ttn.lorawan.v3.Events/Stream", "grpc:method:/ttn.lorawan.v3.Events/FindRelated"}, 60,
       "3.28.1"_v},
      // Identity Server.
      {"UserRegistrationRateLimit", "User registration", "EnableISRateLimiting",
       {"grpc:method:/ttn.lorawan.v3.UserRegistry/Create"}, 10},
      // 3.28.2: + OAuth server and Account app.
      {"OAuthRateLimit", "OAuth server", "EnableISRateLimiting", {"http:oauth"}, 60, "3.28.2"_v},
      {"AccountAppRateLimit", "Account app", "EnableISRateLimiting", {"http:account"}, 60, "3.28.2"_v},
      {"InteropRateLimit", "Backend Interfaces", "EnableISRateLimiting", {"http:interop"}, 600},
      // Gateway Server.
      {"GatewayConnectionRateLimit", "Gateway connections", "EnableGSRateLimiting",
       {"gs:accept:mqtt", "gs:accept:semtechws/lbslns", "grpc:stream:accept:/ttn.lorawan.v3.GtwGs/LinkGateway"}, 10},
      // 3.13.1: default Gateway Server uplink rate 100/s.
      {"GatewayUplinkRateLimit", "Gateway uplink", "EnableGSRateLimiting", {"gs:up"}, 6000},
      {"UDPGatewayUplinkRateLimit", "UDP gateway uplink", "EnableUDPGSRateLimiting", {"gs:up:udp"}, 6000,
       "3.13.0"_v, "3.25.2"_v},
      // 3.26.0: UDP Gateway Server rate limiting deprecated; UDP traffic counts with the Gateway Server.
      {"UDPGatewayUplinkRateLimit", "UDP gateway uplink", "EnableGSRateLimiting", {"gs:up:udp"}, 6000, "3.26.0"_v},
      // Gateway Configuration Server.
      {"GatewayConfigurationRateLimit", "Gateway configuration", "EnableGCSRateLimiting",
       {"http:gcs:cups", "http:gcs"}, 60},
      // Application Server.
      {"ApplicationMQTTConnectionRateLimit", "Application MQTT connections", "EnableASRateLimiting",
       {"as:accept:mqtt"}, 10},
      {"ApplicationDownlinkRateLimit", "Application downlink", "EnableASRateLimiting",
       {"as:down:mqtt", "as:down:web", "grpc:method:/ttn.lorawan.v3.AppAs/DownlinkQueuePush",
        "grpc:method:/ttn.lorawan.v3.AppAs/DownlinkQueueReplace"},
       600},
      {"UplinkSimulationRateLimit", "Uplink simulation", "EnableASRateLimiting",
       {"grpc:method:/ttn.lorawan.v3.AppAs/SimulateUplink"}, 10},
      {"ApplicationUpStorageRateLimit", "Application uplink storage", "EnableASRateLimiting",
       {"grpc:method:/ttn.lorawan.v3.ApplicationUpStorage/GetStoredApplicationUp"}, 60, "3.13.0"_v, "3.31.1"_v},
      // 3.32.0: fixed profile for ApplicationUpStorage (GetStoredApplicationUp is a stream).
      {"ApplicationUpStorageRateLimit", "Application uplink storage", "EnableASRateLimiting",
       {"grpc:stream:accept:/ttn.lorawan.v3.ApplicationUpStorage/GetStoredApplicationUp"}, 60, "3.32.0"_v},
      // 3.28.2: + Azure IoT Hub/Central overrides.
      {"AzureIoTRateLimit", "Azure IoT integrations", "EnableASRateLimiting",
       {"http:as:io:packages:azure:iotcentral", "http:as:io:packages:azure:iothub"}, 6000, "3.28.2"_v},
      // Network Operations Center (3.26.0).
      {"NOCRateLimit", "Network Operations Center", "EnableNOCRateLimiting", {"http:noc"}, 600, "3.26.0"_v},
  };
  return list;
}

// "GatewayUplinkRateLimit" -> "GatewayUplinkClasses"
std::string classes_variable(const Profile& p) {
  std::string_view name = p.parameter.substr(0, p.parameter.size() - std::string_view("RateLimit").size());
  return std::string(name) + "Classes";
}

template <typename T>
bool exists_in(const T& x, const Release& release) {
  return release >= x.since && (!x.until || release <= *x.until);
}

// A profile of the document. A service's profile takes its classes from a variable that is empty
// while the service's flag is off: the profile stays, associated with nothing, so it never applies.
std::string profile_yaml(const Profile& p) {
  std::string out = "    - name: " + std::string(p.name) + "\n      max-per-min: ${" + std::string(p.parameter) + "}\n";
  if (!p.flag.empty()) return out + "      associations: [${" + classes_variable(p) + "}]\n";
  out += "      associations:\n";
  for (const auto& c : p.classes) out += "        - " + std::string(c) + "\n";
  return out;
}

}  // namespace

StackModel build_rate_limiting(const Release& release) {
  StackBuilder s(release, "rate-limiting");

  s.choice("RateLimitingProvider", {"memory", "redis"}, "memory")
                       .description("Where the rate limits are counted: memory (per task) or redis (shared by the "
                                    "tasks of a service, in the general Redis cluster).")
                       .group("Rate limiting")
                       .label("Provider");
  for (const auto& service : services()) {
    if (!exists_in(service, release)) continue;
    s.flag(std::string(service.flag), true)
        .description("Rate-limit the " + std::string(service.name) +
                     ". Set the same in the ECS stack that runs it, which decides whether it reads this document.")
        .group("Services")
        .label(std::string(service.name));
  }
  for (const auto& p : profiles()) {
    if (!exists_in(p, release) || s.tmpl().find_parameter(p.parameter)) continue;
    std::string service = "every service";
    for (const auto& sv : services())
      if (sv.flag == p.flag) service = "the " + std::string(sv.name);
    s.parameter(std::string(p.parameter), param_type::kNumber)
        .description("Requests per minute of the profile '" + std::string(p.name) + "' (" + service + ").")
        .default_value(p.per_minute)
        .min_value(1)
        .max_value(1000000)
        .group("Limits (per minute)")
        .label(std::string(p.name));
  }

  // The document: the profiles of every service, then those of each service.
  std::string text = "rate-limiting:\n  provider: ${RateLimitingProvider}\n  profiles:\n";
  std::vector<std::pair<std::string, Value>> variables;
  for (const auto& p : profiles())
    if (exists_in(p, release) && p.flag.empty()) text += profile_yaml(p);
  for (const auto& service : services()) {
    if (!exists_in(service, release)) continue;
    const Condition& on = s.is_true(*s.tmpl().find_parameter(service.flag));
    for (const auto& p : profiles()) {
      if (!exists_in(p, release) || p.flag != service.flag) continue;
      text += profile_yaml(p);
      std::string classes;
      for (const auto& c : p.classes) classes += (classes.empty() ? "" : ", ") + std::string(c);
      variables.emplace_back(classes_variable(p), if_(on, classes, ""));
    }
  }

  Resource& document = config::document_parameter(s, "RateLimitingConfiguration", "rate-limiting",
                                                   "Rate-limiting configuration of The Things Stack", sub(text, variables));
  s.export_value(exports::configuration::rate_limiting, ref(document));
  return s.finish();
}

}  // namespace ttsgen::stacks
