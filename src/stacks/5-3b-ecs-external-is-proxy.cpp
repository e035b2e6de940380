// 5-3b-ecs-external-is-proxy: in a secondary cluster, proxy containers (the -aws-proxy image in
// its Identity Server proxy mode) that forward the cluster's Identity Server requests to the
// Identity Server of the primary cluster (docs: ecs/deployment). The components of this cluster find it as
// is-proxy.<namespace> (5-4 ExternalIdentityServer), the cluster proxy as one of its upstreams.
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_external_is_proxy(const Release& release) {
  StackBuilder s(release, "external-is-proxy");
  ecs::Cluster cluster = ecs::cluster(s, true);
  auto& domain = s.shared(shared::identity_server_domain());

  ecs::Component proxy(s, cluster,
                       {.prefix = "ISProxy",
                        .title = "Identity Server proxy",
                        .name = "is-proxy",
                        .image = ecs::tts_image(release, "-aws-proxy"),
                        .cpu = 256,
                        .memory = 512,
                        .desired_count = 2,
                        .nofile = 65536});
  proxy.port(1884).port(1885)
      .env("PROXY_MODE", "identity-server")
      .env("IDENTITY_SERVER_DOMAIN", ref(domain))
      .env("TTS_SERVICE_DISCOVERY_NAMESPACE", cluster.namespace_name);
  proxy.build();
  return s.finish();
}

}  // namespace ttsgen::stacks
