// 5-2-ecs-ops: the task definition for database operations (docs: ecs/deployment, ecs/database-operations), run on demand:
// container `ttes`, command `tti-lw-stack <command> …` (is-db migrate, ns-db migrate, …). The
// output OpsRunTaskArguments gives what `aws ecs run-task` needs besides the command.
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

StackModel build_ops(const Release& release) {
  StackBuilder s(release, "ops");
  ecs::Cluster cluster = ecs::cluster(s, false);
  ecs::TtsRuntime runtime = ecs::tts_runtime(s, cluster);
  ecs::TimescaleSwitches timescale = ecs::timescale_switches(s);
  // The Identity Server database (Aurora) exists in the primary cluster only.
  auto& identity_server = s.flag("IncludeIdentityServer", true)
                              .description("This cluster hosts the Identity Server and its Aurora database (the "
                                           "primary cluster): the task gets access to it for is-db commands.")
                              .group("The Things Stack")
                              .label("Identity Server database");
  const Condition& is_db = s.is_true(identity_server);

  ecs::Component ops(s, cluster,
                     {.prefix = "Ops",
                      .title = "ops",
                      .name = "ops",
                      .container = "ttes",
                      .image = ecs::tts_image(release),
                      // 3.18.0: more CPU and memory for the ops task.
                      .cpu = 1024,
                      .memory = 2048,
                      .kind = ecs::Kind::Task,
                      // 3.26.1 added 8 and 16 vCPU to the service templates only.
                      .large_task_sizes = false,
                      .group = "Ops task"});
  // The command is the one of the documented run-task overrides (tti-lw-stack is-db migrate, …);
  // the start wrapper gives it the documents of every component whose database it manages.
  ops.command({"tti-lw-stack", "version"}).tts(runtime);
  ops.config("TTS_CONFIG_IS", exports::configuration::identity_server)
      .config("TTS_CONFIG_NS", exports::configuration::network_server)
      .config("TTS_CONFIG_AS", exports::configuration::application_server)
      .config("TTS_CONFIG_JS", exports::configuration::join_server)
      .config("TTS_CONFIG_DCS", exports::configuration::device_claiming_server)
      .config("TTS_CONFIG_NOC", exports::configuration::network_operations_center, timescale.noc_enabled)
      // 3.13.0: the ops task reads the rate-limiting configuration (4-2b is always deployed).
      .config("TTS_CONFIG_RATE_LIMITING", exports::configuration::rate_limiting);
  ops.database("IS", ecs::aurora(s), &is_db);
  // 3.15.0: the TimescaleDB address is imported (from the deployment's private zone).
  ecs::storage_database(s, ops, timescale);
  ecs::noc_database(s, ops, timescale, timescale.noc_enabled);
  Resource& task = ops.build();

  lint_suppress_template(s, "W6001",
                         "OpsRunTaskArguments is documented to carry the cluster, subnets and security group of "
                         "run-task; they are imports of 5-1-ecs-cluster and 1-1-vpc");
  s.output("OpsRunTaskArguments",
           join(" ", Value::list({ref(task), cluster.name, select(0, cluster.subnets), select(1, cluster.subnets),
                                  cluster.tasks_security_group})))
      .description("TASK_DEFINITION CLUSTER_NAME SUBNET_ONE SUBNET_TWO SECURITY_GROUP for aws ecs run-task "
                   "(container ttes, command tti-lw-stack …)");
  return s.finish();
}

}  // namespace ttsgen::stacks
