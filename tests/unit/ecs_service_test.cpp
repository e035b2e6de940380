#include <catch2/catch.hpp>

#include <algorithm>

#include "ecs_test_helpers.hpp"
#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/exports/load_balancer.hpp"
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/ecs_service.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using stacks::ecs::Component;
using stacks::ecs::ComponentOptions;
using stacks::ecs::Kind;
using stacks::ecs::MemoryChoices;
using test::property;
using test::Value;

namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// A stack with one service component, as a stack file would write it.
catalog::StackModel one_service(const catalog::Release& release, Kind kind = Kind::Service, bool min_healthy = true) {
  stacks::StackBuilder s(release, "services");
  auto cluster = stacks::ecs::cluster(s, true);
  auto runtime = stacks::ecs::tts_runtime(s, cluster);
  Component c(s, cluster,
              {.prefix = "Example", .title = "Example Server", .name = "ex", .image = "example:1", .cpu = 512,
               .memory = 1024, .kind = kind, .minimum_healthy_percent = min_healthy});
  c.port(1884).tts(runtime).secret("TTS_EXAMPLE_SECRET", exports::secrets::license);
  if (kind != Kind::Task) c.register_with(exports::load_balancer::gs_mqtt, 1884);
  c.build();
  return s.finish();
}

}  // namespace

TEST_CASE("task sizes: the valid Fargate CPU/memory pairs", "[ecs]") {
  using stacks::ecs::fargate_allows;
  CHECK(fargate_allows(256, 512));
  CHECK(fargate_allows(256, 2048));
  CHECK_FALSE(fargate_allows(256, 3072));
  CHECK(fargate_allows(512, 4096));
  CHECK_FALSE(fargate_allows(512, 512));
  CHECK(fargate_allows(1024, 8192));
  CHECK_FALSE(fargate_allows(1024, 16384));
  CHECK(fargate_allows(4096, 30720));
  CHECK_FALSE(fargate_allows(4096, 4096));
  CHECK(fargate_allows(8192, 16384));
  CHECK(fargate_allows(8192, 61440));
  CHECK_FALSE(fargate_allows(8192, 18432));  // 8 vCPU: 4 GB steps
  CHECK(fargate_allows(16384, 122880));
  CHECK_FALSE(fargate_allows(16384, 36864));  // 16 vCPU: 8 GB steps
  CHECK_FALSE(fargate_allows(384, 1024));
}

TEST_CASE("task sizes: 8 and 16 vCPU from 3.26.1, every CPU size has a memory size", "[ecs]") {
  using namespace stacks::ecs;
  CHECK_FALSE(contains(cpu_choices("3.26.0"_v), 8192));
  CHECK(contains(cpu_choices("3.26.1"_v), 8192));
  CHECK(contains(cpu_choices("3.26.1"_v), kFargateOnlyCpu));
  for (auto release : {"3.24.0"_v, "3.26.1"_v, "3.35.2"_v}) {
    for (auto choices : {MemoryChoices::Standard, MemoryChoices::Expanded}) {
      auto memories = memory_choices(release, choices);
      for (int cpu : cpu_choices(release)) {
        INFO(release.str() << " cpu " << cpu);
        CHECK(std::any_of(memories.begin(), memories.end(), [cpu](int m) { return fargate_allows(cpu, m); }));
      }
    }
  }
  // Expanded: every valid Fargate size of the offered CPUs (5-4 from 3.34.1).
  auto expanded = memory_choices("3.34.1"_v, MemoryChoices::Expanded);
  CHECK(contains(expanded, 9216));
  CHECK(contains(expanded, 36864));
  CHECK(contains(expanded, 114688));
  CHECK_FALSE(contains(memory_choices("3.34.1"_v, MemoryChoices::Standard), 9216));
  for (int m : expanded) {
    auto cpus = cpu_choices("3.34.1"_v);
    CHECK(std::any_of(cpus.begin(), cpus.end(), [m](int cpu) { return fargate_allows(cpu, m); }));
  }
}

TEST_CASE("a component's parameters: image, launch type, CPU, memory, desired count, runtime platform", "[ecs]") {
  auto model = one_service("3.35.2"_v);
  const auto& t = model.tmpl;
  for (const char* id : {"ExampleImage", "ExampleLaunchType", "ExampleCPU", "ExampleMemory", "ExampleDesiredCount",
                         "ExampleRuntimePlatform", "LogRetentionInDays", "EnableAlarms"}) {
    INFO(id);
    CHECK(test::has_parameter(t, id));
  }
  CHECK(t.find_parameter("ExampleLaunchType")->allowed_values() == std::vector<std::string>{"EC2", "FARGATE"});
  CHECK(t.find_parameter("ExampleRuntimePlatform")->allowed_values() == std::vector<std::string>{"X86_64", "ARM64"});
  const auto* td = t.find_resource("ExampleTaskDefinition");
  REQUIRE(td);
  CHECK(*property(*td, "RequiresCompatibilities") == Value::list({Value::function("Ref", "ExampleLaunchType")}));
  CHECK(*property(*td, "NetworkMode") == Value("awsvpc"));
  CHECK(*property(*td, "RuntimePlatform.CpuArchitecture") == Value::function("Ref", "ExampleRuntimePlatform"));
  test::check_ecs_baseline(t);
}

TEST_CASE("the task-size Rule: valid Fargate pairs, and 16 vCPU refused on EC2 from 3.26.1", "[ecs]") {
  auto before = one_service("3.26.0"_v);
  auto after = one_service("3.26.1"_v);
  auto rule_of = [](const cfn::Template& t) -> Value {
    for (const auto& r : t.rules())
      if (r.id() == "ExampleTaskSize") return r.to_value();
    return {};
  };
  Value rule = rule_of(after.tmpl);
  REQUIRE(rule.is_map());
  const Value& assertions = *rule.find("Assertions");
  REQUIRE(assertions.size() == 2);
  // The first assertion allows EC2, or one of the CPU sizes with its Fargate memory sizes.
  const Value& any = assertions.items()[0].find("Assert")->argument();
  CHECK(any.items()[0] == cfn::equals(Value::function("Ref", "ExampleLaunchType"), "EC2"));
  CHECK(any.size() == 1 + stacks::ecs::cpu_choices("3.26.1"_v).size());
  const Value& cpu256 = any.items()[1].argument();
  CHECK(cpu256.items()[1] == cfn::contains(Value::strings({"512", "1024", "2048"}), Value::function("Ref", "ExampleMemory")));
  CHECK(assertions.items()[1].find("AssertDescription")->text().find("FARGATE") != std::string::npos);
  CHECK(rule_of(before.tmpl).find("Assertions")->size() == 1);
}

TEST_CASE("MinimumHealthyPercent: 50 everywhere before 3.25.1, on EC2 services only from 3.25.1", "[ecs]") {
  auto before = one_service("3.25.0"_v);
  auto after = one_service("3.25.1"_v);
  CHECK(*property(*before.tmpl.find_resource("ExampleService"), "DeploymentConfiguration.MinimumHealthyPercent") == Value(50));
  CHECK(*property(*after.tmpl.find_resource("ExampleService"), "DeploymentConfiguration.MinimumHealthyPercent") ==
        cfn::if_(*after.tmpl.find_condition("ExampleOnEC2"), 50, cfn::pseudo::no_value()));
  CHECK(after.tmpl.find_condition("ExampleOnEC2")->expression() ==
        cfn::equals(Value::function("Ref", "ExampleLaunchType"), "EC2"));
  // Without it (the Network Server), no percent at all.
  auto ns_like = one_service("3.35.2"_v, Kind::Service, false);
  CHECK(property(*ns_like.tmpl.find_resource("ExampleService"), "DeploymentConfiguration.MinimumHealthyPercent") == nullptr);
}

TEST_CASE("GOGCValue from 3.26.2 sets GOGC", "[ecs]") {
  auto before = one_service("3.26.1"_v);
  auto after = one_service("3.26.2"_v);
  CHECK_FALSE(test::has_parameter(before.tmpl, "GOGCValue"));
  REQUIRE(test::has_parameter(after.tmpl, "GOGCValue"));
  CHECK(*after.tmpl.find_parameter("GOGCValue")->default_value() == Value("100"));
  CHECK_FALSE(test::has(test::entry_names(*test::container(before.tmpl, "ExampleTaskDefinition", "ex"), "Environment"), "GOGC"));
  CHECK(test::has(test::entry_names(*test::container(after.tmpl, "ExampleTaskDefinition", "ex"), "Environment"), "GOGC"));
}

TEST_CASE("secrets and configuration reach the container through Secrets/ValueFrom, scoped in IAM", "[ecs]") {
  auto model = one_service("3.35.2"_v);
  const auto& t = model.tmpl;
  const Value* c = test::container(t, "ExampleTaskDefinition", "ex");
  REQUIRE(c);
  auto secrets = test::entry_names(*c, "Secrets");
  for (const char* name : {"TTN_LW_LICENSE_KEY", "TTN_LW_CLUSTER_KEYS", "TTS_CONFIG_GLOBAL", "TTN_LW_REDIS_PASSWORD",
                           "TTS_EXAMPLE_SECRET"}) {
    INFO(name);
    CHECK(test::has(secrets, name));
  }
  auto env = test::entry_names(*c, "Environment");
  CHECK(test::has(env, "TTN_LW_REDIS_ADDRESS"));
  CHECK(test::has(env, "TTS_SERVICE_DISCOVERY_NAMESPACE"));
  CHECK_FALSE(test::has(env, "TTN_LW_LICENSE_KEY"));
  // The Redis AUTH token only with TLS.
  for (const auto& e : c->find("Secrets")->items())
    if (test::unwrap_if(e).find("Name")->text() == "TTN_LW_REDIS_PASSWORD")
      CHECK(e.is_function("Fn::If"));
  // The execution role reads exactly the secrets and parameters named in Secrets.
  const auto* role = t.find_resource("ExampleExecutionRole");
  REQUIRE(role);
  const Value& statements = *property(*role, "Policies")->items()[0].find("PolicyDocument")->find("Statement");
  bool reads_secrets = false, reads_config = false;
  for (const auto& st : statements.items()) {
    CHECK(st.find("Effect")->text() == "Allow");
    if (st.find("Sid")->text() == "ReadSecrets") reads_secrets = st.find("Resource")->is_list();
    if (st.find("Sid")->text() == "ReadConfiguration") reads_config = st.find("Resource")->is_list();
    if (st.find("Resource")->is_string() && st.find("Resource")->text() == "*")
      CHECK(st.find("Sid")->text() == "AuthenticateToECR");  // the only action without resource-level permissions
  }
  CHECK(reads_secrets);
  CHECK(reads_config);
  test::check_ecs_baseline(t);
}

TEST_CASE("a component registers with target groups, is discovered in Cloud Map and has alarms", "[ecs]") {
  auto model = one_service("3.35.2"_v);
  const auto& t = model.tmpl;
  const auto* service = t.find_resource("ExampleService");
  REQUIRE(service);
  const Value& lb = property(*service, "LoadBalancers")->items()[0];
  CHECK(*lb.find("ContainerName") == Value("ex"));
  CHECK(*lb.find("ContainerPort") == Value(1884));
  CHECK(*property(*service, "HealthCheckGracePeriodSeconds") == Value(60));
  CHECK(t.find_resource("ExampleDiscovery") != nullptr);
  CHECK(*property(*t.find_resource("ExampleDiscovery"), "Name") == Value("ex"));
  for (const char* alarm : {"ExampleCPUAlarm", "ExampleMemoryAlarm"}) {
    INFO(alarm);
    REQUIRE(t.find_resource(alarm));
    CHECK(t.find_resource(alarm)->condition_id() == "EnableAlarmsCondition");
  }
  CHECK(*property(*t.find_resource("ExampleLogGroup"), "RetentionInDays") == Value::function("Ref", "LogRetentionInDays"));
}

TEST_CASE("a task-only component is compatible with EC2 and FARGATE and always Fargate-sized", "[ecs]") {
  auto model = one_service("3.35.2"_v, Kind::Task);
  const auto& t = model.tmpl;
  CHECK(t.find_resource("ExampleService") == nullptr);
  CHECK_FALSE(test::has_parameter(t, "ExampleLaunchType"));
  CHECK(*property(*t.find_resource("ExampleTaskDefinition"), "RequiresCompatibilities") == Value::strings({"EC2", "FARGATE"}));
  REQUIRE(t.rules().size() == 1);
  CHECK(t.rules().front().to_value().find("Assertions")->size() == 1);
}

TEST_CASE("a daemon runs on EC2 with host networking and offers no Fargate-only size", "[ecs]") {
  auto model = one_service("3.25.2"_v, Kind::Daemon);
  const auto& t = model.tmpl;
  CHECK(*property(*t.find_resource("ExampleService"), "SchedulingStrategy") == Value("DAEMON"));
  CHECK(*property(*t.find_resource("ExampleService"), "LaunchType") == Value("EC2"));
  CHECK(*property(*t.find_resource("ExampleTaskDefinition"), "NetworkMode") == Value("host"));
  CHECK(t.rules().empty());
}

TEST_CASE("an invalid default task size is a programming error", "[ecs]") {
  stacks::StackBuilder s("3.35.2"_v, "services");
  auto cluster = stacks::ecs::cluster(s, false);
  CHECK_THROWS_AS(Component(s, cluster, {.prefix = "Bad", .title = "Bad", .name = "bad", .image = "x", .cpu = 256, .memory = 4096}),
                  std::logic_error);
}
