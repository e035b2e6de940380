// 5-5-tenant-resource-monitoring: Tenant Resource Monitoring (docs: ecs/deployment): a Prometheus that
// collects per-tenant resource metrics and an Alertmanager beside it that hands tenant alerts to
// the Alert Routing Server through its SQS FIFO queue (2-7-queue-sqs). No changelog entry names
// it; it first appears in 3.30.0, the release that renumbered 5-5-ecs-monitoring to 5-6 and
// introduced the Alert Routing Server (docs/decisions-ecs.md).
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/exports/sqs.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_tenant_resource_monitoring(const Release& release) {
  StackBuilder s(release, "tenant-resource-monitoring");
  ecs::Cluster cluster = ecs::cluster(s, true);
  const std::string group = "Alertmanager";

  auto& alertmanager_image = s.parameter("AlertmanagerImage")
                                 .description("Docker image of the Tenant Resource Monitoring Alertmanager.")
                                 .default_value(ecs::tts_image(release, "-aws-trm-alertmanager"))
                                 .group(group)
                                 .label("Alertmanager image");
  // docs: ecs/deployment: operators "can configure a custom AlertmanagerPassword", so it is optional:
  // empty, and the secret generates one (docs/audit.md).
  auto& password = s.optional_string("AlertmanagerPassword")
                       .description("Password of the user alerts for the Alertmanager. Leave empty to generate one "
                                    "(in the secret AlertmanagerPasswordSecret).")
                       .max_length(128)
                       .allowed_pattern("^$|^[!-~]{12,128}$")
                       .constraint_description("empty, or 12-128 printable characters without blanks")
                       .no_echo()
                       .group(group)
                       .label("Alertmanager password");
  // The Alert Routing Server's queue comes from the optional 2-7-queue-sqs, imported only when on.
  auto& routing = s.flag("EnableAlertRouting", false)
                      .description("Hand the alerts to the Alert Routing Server through the FIFO queue of "
                                   "2-7-queue-sqs (deploy it first).")
                      .group(group)
                      .label("Alert Routing Server");
  const Condition& routed = s.is_true(routing);

  const Condition& custom_password = s.is_set(password);
  Resource& password_secret =
      secret_from_parameter(s, "AlertmanagerPasswordSecret", password, "trm-alertmanager-password",
                            "Password of the user alerts for the Tenant Resource Monitoring Alertmanager (AlertmanagerPassword)");
  password_secret.set("SecretString", if_(custom_password, ref(password), pseudo::no_value()))
      .set("GenerateSecretString",
           if_(custom_password, pseudo::no_value(),
               Value::map({{"PasswordLength", 32}, {"ExcludePunctuation", true}})));

  ecs::Component trm(s, cluster,
                     {.prefix = "TenantResourcePrometheus",
                      .title = "Tenant Resource Monitoring Prometheus",
                      .name = "trm",
                      .image = ecs::tts_image(release, "-aws-trm-prometheus"),
                      .cpu = 1024,
                      .memory = 2048,
                      // One Prometheus owns its data directory.
                      .desired_count = std::nullopt,
                      .group = "Prometheus"});
  // No port mappings: Prometheus (9090) and the Alertmanager (9093) talk over localhost inside the
  // task, and no stack queries them from outside (3-1 has no rule for them; a consumer would need
  // one, and the mapping, tests/unit/security_group_coverage_test.cpp).
  trm.env("TTS_SERVICE_DISCOVERY_NAMESPACE", cluster.namespace_name)
      .env("ALERTMANAGER_URL", "http://localhost:9093")
      .secret("PROMETHEUS_PASSWORD", exports::secrets::tenant_resource_metrics_password);
  ecs::persistent_volume(s, cluster, trm, "TenantResourcePrometheus", "data", "/prometheus");

  Value environment = Value::list({if_(routed,
                                       Value::map({{"Name", "ALERT_ROUTING_QUEUE_URL"},
                                                   {"Value", s.import(exports::sqs::alert_routing_queue_url)}}),
                                       pseudo::no_value())});
  trm.sidecar(Value::map({{"Name", "alertmanager"},
                          {"Image", ref(alertmanager_image)},
                          {"Essential", true},
                          {"Environment", environment},
                          {"Secrets", Value::list({trm.secret_entry("ALERTMANAGER_PASSWORD", ref(password_secret))})},
                          {"LogConfiguration", trm.log_configuration("alertmanager")}}))
      .task_permission(allow("RouteAlerts", {"sqs:SendMessage", "sqs:GetQueueAttributes"},
                             s.import(exports::sqs::alert_routing_queue_arn)),
                       &routed);
  // Production fix (catalog/production.hpp): with QueueKMSKeyId set in 2-7, sending needs the key.
  if (catalog::has_production_fixes(release))
    trm.task_permission(use_keys_via("UseQueueKey", {"kms:GenerateDataKey", "kms:Decrypt"}, "sqs"), &routed);
  trm.build();
  return s.finish();
}

}  // namespace ttsgen::stacks
