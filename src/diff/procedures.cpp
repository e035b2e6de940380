// Upgrade steps the template changelog asks for, by release (docs: ecs/changelog, the
// "Upgrade procedure" entries, and ecs/updating). They are procedures a template diff cannot derive: what to set before an
// update, what to deploy or run around it. Stack names are those of the release concerned.
#include "ttsgen/catalog/changes.hpp"
#include "ttsgen/diff/release.hpp"

#include "ttsgen/catalog/production.hpp"

namespace ttsgen::diff {

namespace changes = catalog::changes;

std::vector<std::string> upgrade_procedures(const catalog::Version& to) {
  // 3.24.0: TLS mutual authentication terminated by TTS and interop with the Join Server removed.
  if (to == changes::kUpgradeInteropRemovalOrder.release)
    return {"Update `5-7a-certs-le` first, then `5-3a-ecs-is-service` with `InteropEnabled` set to `disabled`; "
            "then update the stacks in numbering order and enable interop again afterwards."};
  // 3.26.0: the UDP Gateway Server daemon is gone; UDP is served by the Gateway Server service.
  if (to == changes::kUpgradeUDPGSRemovalOrder.release)
    return {"Before updating, set `EnableUDPGSRateLimiting` and `IncludeUDPGatewayServer` to `false` on the existing "
            "`5-4-ecs-services` stack (parameters only, same template). UDP traffic moves to the Gateway Server "
            "service: consider more Gateway Server tasks or resources."};
  // 3.30.2: TimescaleDB replicas move out of 2-5 into 2-6-db-timescale-replica.
  if (to == changes::kUpgradeTimescaleSplitDisableReplicas.release)
    return {"Disable the TimescaleDB replicas in `5-4-ecs-services`, update `2-5-db-timescale-master` (this removes "
            "the replicas), deploy `2-6-db-timescale-replica` once per replica, then enable the replicas in "
            "`5-4-ecs-services` again."};
  // 3.32.3: TimescaleDB 2.15.2.
  if (to == changes::kUpgradeTimescale2_15_2Script.release)
    return {"After upgrading TimescaleDB to 2.15.2, run the SQL script from the TimescaleDB 2.15.2 changelog."};
  // The production fixes: changes of ours, not of the changelog (catalog/production.hpp,
  // docs/decisions-production.md).
  if (to == catalog::kProductionFixes)
    return {"This release carries ttsgen's production fixes (changes of ours, not of the template changelog: "
            "docs/decisions-production.md). Update the stacks that hold data first (`4-1-secrets`, `2-1-db-aurora-master`, "
            "`2-3-db-redis`, `2-5-db-timescale-master`, `2-7-queue-sqs`, `5-5-tenant-resource-monitoring`, "
            "`5-6-ecs-monitoring`): that update only adds Retain policies, deletion protection and backups. Then apply "
            "each stack's `<name>.stack-policy.json` with `aws cloudformation set-stack-policy`.",
            "Certbot: delete each `5-8b-ecs-certbot-scheduled-task` stack, update `5-8a-certs-le`, then deploy 5-8b "
            "again: 5-8b now runs the task definition family, and the old revision export cannot change while imported.",
            "Update `4-2a-configuration` before the ECS stacks: services with `UseCertificateAuthorityARN` import its "
            "new `CertificateAuthorityArn` export, which exists only with `CertificateAuthorityARN` set.",
            "`5-1-ecs-cluster` replaces its drain function (a shorter name) and rolls the container instances onto the "
            "current ECS-optimized AMI, one at a time."};
  return {};
}

}  // namespace ttsgen::diff
