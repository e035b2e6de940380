#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::Value;

TEST_CASE("5-3c-ecs-tbs-service: Tenant Billing Server with the Stripe secret", "[stacks][tenant-billing-server]") {
  auto model = stacks::build_tenant_billing_server("3.35.2"_v);
  const auto& t = model.tmpl;
  auto secrets = test::entry_names(*test::container(t, "TenantBillingServerTaskDefinition", "tbs"), "Secrets");
  CHECK(test::has(secrets, "TTN_LW_TBS_STRIPE_API_KEY"));
  CHECK(test::has(secrets, "TTN_LW_TBS_STRIPE_ENDPOINT_SECRET_KEY"));
  CHECK(test::has(secrets, "TTS_CONFIG_TBS"));
  for (const char* id : {"UseCertificateAuthorityARN", "GeneralRedisTLS", "GOGCValue", "EnableTBSRateLimiting"}) {
    INFO(id);
    CHECK(test::has_parameter(t, id));
  }
  test::check_ecs_baseline(t);
}
