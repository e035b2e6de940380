# Drains an ECS container instance before the Auto Scaling group terminates it: the lifecycle
# hook posts to an SNS topic; this function sets the container instance to DRAINING and posts
# the message again until no task runs there, then lets the termination continue.
import json
import os
import time

import boto3
from botocore.exceptions import ClientError

ecs = boto3.client("ecs")
autoscaling = boto3.client("autoscaling")
sns = boto3.client("sns")
CLUSTER = os.environ["CLUSTER"]


def container_instance(instance_id):
    arns = ecs.list_container_instances(
        cluster=CLUSTER, filter="ec2InstanceId == " + instance_id
    )["containerInstanceArns"]
    if not arns:
        return None
    return ecs.describe_container_instances(cluster=CLUSTER, containerInstances=arns)["containerInstances"][0]


def handler(event, context):
    for record in event["Records"]:
        message = json.loads(record["Sns"]["Message"])
        if message.get("LifecycleTransition") != "autoscaling:EC2_INSTANCE_TERMINATING":
            continue
        instance = container_instance(message["EC2InstanceId"])
        if instance is not None:
            if instance["status"] != "DRAINING":
                ecs.update_container_instances_state(
                    cluster=CLUSTER, containerInstances=[instance["containerInstanceArn"]], status="DRAINING"
                )
            if instance["runningTasksCount"] + instance["pendingTasksCount"] > 0:
                time.sleep(30)
                sns.publish(TopicArn=record["Sns"]["TopicArn"], Message=json.dumps(message))
                continue
        try:
            autoscaling.complete_lifecycle_action(
                LifecycleHookName=message["LifecycleHookName"],
                AutoScalingGroupName=message["AutoScalingGroupName"],
                LifecycleActionToken=message["LifecycleActionToken"],
                LifecycleActionResult="CONTINUE",
            )
        except ClientError as error:
            # The hook timed out (HeartbeatTimeout) and the instance is gone: nothing left to do.
            print("lifecycle action already completed:", error)
