#!/bin/bash
# Container instance of the ECS cluster ${ECSCluster}.
set -euo pipefail

cat >> /etc/ecs/ecs.config <<'CONFIG'
ECS_CLUSTER=${ECSCluster}
ECS_ENABLE_TASK_IAM_ROLE=true
ECS_AWSVPC_BLOCK_IMDS=true
ECS_ENABLE_SPOT_INSTANCE_DRAINING=false
ECS_CONTAINER_STOP_TIMEOUT=60s
CONFIG
