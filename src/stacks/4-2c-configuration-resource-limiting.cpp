// 4-2c-configuration-resource-limiting (optional, 3.15.0): limits of the concurrent data-plane
// connections of the Application Server (docs: ecs/deployment, enterprise/management/rate-limiting), one SSM parameter that the
// Application Server reads as one more configuration file. The first profile that matches a
// connection applies, so the per-frontend profiles come before the general one.
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/configuration.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

struct Profile {
  std::string_view parameter;  // holds max-concurrent
  std::string_view name;
  std::string_view association;
  long long max_concurrent;
  std::string_view description;
};

// No changelog entry touches 4-2c after 3.15.0: the same profiles in every supported release.
const std::vector<Profile>& profiles() {
  static const std::vector<Profile> list{
      {"MQTTConnectionsPerApplication", "MQTT connections", "as:conn:frontend:mqtt", 10,
       "Concurrent MQTT connections of one application."},
      {"GRPCConnectionsPerApplication", "gRPC streams", "as:conn:frontend:grpc", 10,
       "Concurrent gRPC Subscribe streams of one application."},
      {"ConnectionsPerApplication", "Connections", "as:conn", 20,
       "Concurrent data-plane connections of one application over any other frontend."},
  };
  return list;
}

}  // namespace

StackModel build_resource_limiting(const Release& release) {
  StackBuilder s(release, "resource-limiting");

  std::string text = "resource-limiting:\n  profiles:\n";
  for (const auto& p : profiles()) {
    s.parameter(std::string(p.parameter), param_type::kNumber)
        .description(std::string(p.description) + " Connections beyond it are refused (gRPC ResourceExhausted, "
                                                  "MQTT ServerUnavailable).")
        .default_value(p.max_concurrent)
        .min_value(1)
        .max_value(1000000)
        .group("Application Server connections")
        .label(std::string(p.name) + " per application");
    text += "    - name: " + std::string(p.name) + "\n      max-concurrent: ${" + std::string(p.parameter) +
            "}\n      associations:\n        - " + std::string(p.association) + "\n";
  }

  Resource& document = config::document_parameter(s, "ResourceLimitingConfiguration", "resource-limiting",
                                                   "Resource-limiting configuration of the Application Server", sub(text));
  s.export_value(exports::configuration::resource_limiting, ref(document));
  return s.finish();
}

}  // namespace ttsgen::stacks
