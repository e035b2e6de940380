// 5-3a-ecs-is-service: the Identity Server of the primary cluster (docs: ecs/deployment). It also serves
// OAuth and the Account app (through the proxy) and, with interop on, Backend Interfaces
// HomeNSReq on 1886 behind the load balancer's 8886 listener.
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

StackModel build_identity_server(const Release& release) {
  StackBuilder s(release, "identity-server");
  ecs::Cluster cluster = ecs::cluster(s, true);
  ecs::TtsRuntime runtime = ecs::tts_runtime(s, cluster);
  const std::string group = "Identity Server";

  // 3.24.0: InteropEnabledIS is a boolean (server or mutual authentication → true).
  auto& interop = s.flag("InteropEnabledIS", false)
                      .description("Serve LoRaWAN Backend Interfaces (HomeNSReq) on the interop listener 8886. "
                                   "Must match InteropEnabled of 3-2-load-balancer-rules.")
                      .group(group)
                      .label("Interop");
  // 3.18.0: ExternalIdentityServer.
  auto& external = s.flag("ExternalIdentityServer", false)
                       .description("The Identity Server of the network runs in another cluster (this is a secondary "
                                    "cluster, which uses 5-3b-ecs-external-is-proxy): the service runs no task.")
                       .group(group)
                       .label("External Identity Server");
  // Not in the changelog for 5-3a: when the proxy terminates interop TLS (3-2 SupportProxyTLS), the
  // load balancer's interop target group of the Identity Server has no listener, and ECS refuses
  // to register with it. Same value in every template (docs: ecs/deployment).
  auto& proxy_tls = s.shared(shared::support_proxy_tls());
  // 3.13.0: rate limiting per service.
  auto& rate_limiting = s.flag("EnableISRateLimiting", true)
                            .description("Apply the rate limiting of 4-2b-configuration-rate-limiting to the Identity Server.")
                            .group(group)
                            .label("Rate limiting");
  const Condition& interop_on_load_balancer =
      s.condition("InteropOnLoadBalancer", and_({condition(s.is_true(interop)), not_(condition(s.is_true(proxy_tls)))}));

  ecs::Component is(s, cluster,
                    {.prefix = "IdentityServer",
                     .title = "Identity Server",
                     .name = "is",
                     .image = ecs::tts_image(release),
                     .cpu = 512,
                     .memory = 1024,
                     .desired_count = 2});
  is.command({"tti-lw-stack", "start", "is"}).port(1884).port(1885).port(1886).no_tasks_when(s.is_true(external));
  // The gateway secrets encryption key and the GCS token hash key are Key Vault keys (IS document);
  // the Identity Server reads them at run time.
  is.tts(runtime, &rate_limiting)
      .config("TTS_CONFIG_IS", exports::configuration::identity_server)
      .database("IS", ecs::aurora(s))
      .http_sessions();
  // The email provider's credentials: the JSON keys of the email secret of 4-1 into is.email.*.
  const std::pair<const char*, const char*> email[] = {{"provider", "TTN_LW_IS_EMAIL_PROVIDER"},
                                                       {"sendgrid_api_key", "TTN_LW_IS_EMAIL_SENDGRID_API_KEY"},
                                                       {"smtp_address", "TTN_LW_IS_EMAIL_SMTP_ADDRESS"},
                                                       {"smtp_username", "TTN_LW_IS_EMAIL_SMTP_USERNAME"},
                                                       {"smtp_password", "TTN_LW_IS_EMAIL_SMTP_PASSWORD"}};
  for (const auto& [key, setting] : email) is.secret(setting, exports::secrets::email, key);
  // Profile and end device pictures (2-4a).
  Value profile_pictures = s.import(exports::s3::profile_picture_bucket);
  Value device_pictures = s.import(exports::s3::end_device_picture_bucket);
  is.env("TTN_LW_IS_PROFILE_PICTURE_BUCKET", profile_pictures)
      .env("TTN_LW_IS_END_DEVICE_PICTURE_BUCKET", device_pictures);
  Value pictures = ecs::bucket_arns(profile_pictures);
  Value device_picture_arns = ecs::bucket_arns(device_pictures);
  for (const auto& a : device_picture_arns.items()) pictures.push_back(a);
  is.task_permission(allow("StorePictures", {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"}, pictures));
  is.register_with(exports::load_balancer::is_interop, 1886, &interop_on_load_balancer);
  is.build();
  return s.finish();
}

}  // namespace ttsgen::stacks
