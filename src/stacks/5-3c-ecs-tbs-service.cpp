// 5-3c-ecs-tbs-service: the Tenant Billing Server (Stripe) of a multi-tenant primary cluster
// (docs: ecs/deployment). Stripe's webhooks reach it through the proxy.
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_tenant_billing_server(const Release& release) {
  StackBuilder s(release, "tenant-billing-server");
  ecs::Cluster cluster = ecs::cluster(s, true);
  ecs::TtsRuntime runtime = ecs::tts_runtime(s, cluster);
  // 3.13.0: rate limiting per service.
  auto& rate_limiting = s.flag("EnableTBSRateLimiting", true)
                            .description("Apply the rate limiting of 4-2b-configuration-rate-limiting to the Tenant "
                                         "Billing Server.")
                            .group("Tenant Billing Server")
                            .label("Rate limiting");

  ecs::Component tbs(s, cluster,
                     {.prefix = "TenantBillingServer",
                      .title = "Tenant Billing Server",
                      .name = "tbs",
                      .image = ecs::tts_image(release),
                      .cpu = 256,
                      .memory = 512,
                      .desired_count = 2});
  tbs.command({"tti-lw-stack", "start", "tbs"}).port(1884).port(1885);
  tbs.tts(runtime, &rate_limiting)
      .config("TTS_CONFIG_TBS", exports::configuration::tenant_billing_server)
      // The Stripe secret of 4-1: {"api_key", "endpoint_secret"}.
      .secret("TTN_LW_TBS_STRIPE_API_KEY", exports::secrets::stripe, "api_key")
      .secret("TTN_LW_TBS_STRIPE_ENDPOINT_SECRET_KEY", exports::secrets::stripe, "endpoint_secret");
  tbs.build();
  return s.finish();
}

}  // namespace ttsgen::stacks
