#include <catch2/catch.hpp>

#include "ecs_test_helpers.hpp"
#include "ttsgen/stacks/stacks.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::property;
using test::Value;

TEST_CASE("5-2-ecs-ops: container ttes running tti-lw-stack, and OpsRunTaskArguments", "[stacks][ops]") {
  auto model = stacks::build_ops("3.35.2"_v);
  const auto& t = model.tmpl;
  const Value* ttes = test::container(t, "OpsTaskDefinition", "ttes");
  REQUIRE(ttes);
  CHECK(ttes->find("Command")->items()[0] == Value("tti-lw-stack"));
  CHECK(t.find_resource("OpsService") == nullptr);
  const auto* out = [&]() -> const cfn::Output* {
    for (const auto& o : t.outputs())
      if (o.id() == "OpsRunTaskArguments") return &o;
    return nullptr;
  }();
  REQUIRE(out);
  // TASK_DEFINITION CLUSTER_NAME SUBNET_ONE SUBNET_TWO SECURITY_GROUP
  REQUIRE(out->value().is_function("Fn::Join"));
  CHECK(out->value().argument().items()[0] == Value(" "));
  CHECK(out->value().argument().items()[1].size() == 5);
  CHECK(out->value().argument().items()[1].items()[0] == Value::function("Ref", "OpsTaskDefinition"));
  auto secrets = test::entry_names(*ttes, "Secrets");
  for (const char* name : {"TTS_IS_DATABASE_PASSWORD", "TTS_AS_PACKAGES_STORAGE_POSTGRES_DATABASE_PASSWORD",
                           "TTS_NOC_STORE_DATABASE_PASSWORD",
                           "TTS_CONFIG_RATE_LIMITING", "TTS_CONFIG_IS"}) {
    INFO(name);
    CHECK(test::has(secrets, name));
  }
  test::check_ecs_baseline(t);
}

TEST_CASE("5-2-ecs-ops: parameters of the changelog, in their releases", "[stacks][ops]") {
  for (const char* id : {"IncludeNetworkOperationsCenter", "NOCTimescaleDBDeploymentName",
                         "ApplicationServerStorageTimescaleDBDeploymentName", "ApplicationServerStorageReplicaEnabled",
                         "ApplicationServerStorageEnabled", "GeneralRedisTLS", "CacheRedisTLS", "EventsRedisTLS",
                         "UseCertificateAuthorityARN", "OpsRuntimePlatform", "OpsImage"}) {
    INFO(id);
    CHECK(test::has_parameter(stacks::build_ops("3.24.0"_v).tmpl, id));
  }
  CHECK_FALSE(test::has_parameter(stacks::build_ops("3.26.1"_v).tmpl, "GOGCValue"));
  CHECK(test::has_parameter(stacks::build_ops("3.26.2"_v).tmpl, "GOGCValue"));
  // The task definition is run on EC2 or FARGATE: always a Fargate size (3.18.0: 1 vCPU, 2 GB).
  auto t = stacks::build_ops("3.35.2"_v);
  CHECK(*t.tmpl.find_parameter("OpsCPU")->default_value() == Value("1024"));
  CHECK(*property(*t.tmpl.find_resource("OpsTaskDefinition"), "RequiresCompatibilities") == Value::strings({"EC2", "FARGATE"}));
  // 3.26.1's 8 and 16 vCPU sizes are for the service templates, not the ops task.
  const auto& cpus = t.tmpl.find_parameter("OpsCPU")->allowed_values();
  CHECK(std::find(cpus.begin(), cpus.end(), "8192") == cpus.end());
  const auto& memories = t.tmpl.find_parameter("OpsMemory")->allowed_values();
  CHECK(std::find(memories.begin(), memories.end(), "61440") == memories.end());
}

TEST_CASE("5-2-ecs-ops: optional databases are imported only under their switches", "[stacks][ops]") {
  auto model = stacks::build_ops("3.35.2"_v);
  const Value* ttes = test::container(model.tmpl, "OpsTaskDefinition", "ttes");
  for (const auto& e : ttes->find("Environment")->items()) {
    const std::string& name = test::unwrap_if(e).find("Name")->text();
    if (name.rfind("TTS_IS_DATABASE", 0) == 0 || name.rfind("TTS_STORAGE_DATABASE", 0) == 0 ||
        name.rfind("TTS_NOC_DATABASE", 0) == 0) {
      INFO(name);
      CHECK(e.is_function("Fn::If"));
    }
  }
}
