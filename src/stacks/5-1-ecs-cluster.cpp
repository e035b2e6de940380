// 5-1-ecs-cluster: the ECS cluster and its EC2 container instances in the private subnets
// (docs: ecs/deployment), the Cloud Map namespace its services register in, and the lifecycle hook that
// drains an instance before the Auto Scaling group terminates it.
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/exports/ecs.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/stacks.hpp"
#include "ttsgen/util/embedded.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

struct Family {
  const char* name;
  std::vector<const char*> sizes;
  bool arm64;
};

// Instance types offered for container instances. 3.30.0: Graviton families c6g, c7g, m6g, m7g,
// t4g, r6g and r7g.
std::vector<Family> instance_families(const Release& release) {
  std::vector<Family> families{
      {"t3", {"micro", "small", "medium", "large", "xlarge", "2xlarge"}, false},
      {"t3a", {"micro", "small", "medium", "large", "xlarge", "2xlarge"}, false},
      {"m5", {"large", "xlarge", "2xlarge", "4xlarge"}, false},
      {"m5a", {"large", "xlarge", "2xlarge", "4xlarge"}, false},
      {"m6i", {"large", "xlarge", "2xlarge", "4xlarge"}, false},
      {"c5", {"large", "xlarge", "2xlarge", "4xlarge"}, false},
      {"c6i", {"large", "xlarge", "2xlarge", "4xlarge"}, false},
      {"r5", {"large", "xlarge", "2xlarge"}, false},
      {"r6i", {"large", "xlarge", "2xlarge"}, false},
  };
  if (release >= changes::kClusterGravitonFamilies) {
    const std::vector<const char*> sizes{"large", "xlarge", "2xlarge", "4xlarge"};
    families.push_back({"t4g", {"micro", "small", "medium", "large", "xlarge", "2xlarge"}, true});
    for (const char* name : {"m6g", "m7g", "c6g", "c7g", "r6g", "r7g"}) families.push_back({name, sizes, true});
  }
  return families;
}

// node_exporter on the hosts: 1.4.0 (3.22.0), 1.5.0 (3.25.2), 1.7.0 (3.29.0).
std::string node_exporter_version(const Release& release) {
  if (release >= changes::kClusterNodeExporter1_7_0) return "1.7.0";
  if (release >= changes::kClusterNodeExporter1_5_0) return "1.5.0";
  return "1.4.0";
}

// The draining function's Python runtime: 3.35.1 moved it to Python 3.14.
std::string lambda_runtime(const Release& release) { return release >= changes::kLambdaPython3_14 ? "python3.14" : "python3.12"; }

std::string user_data(const Release& release) {
  std::string script(embedded::file("5-1-ecs-cluster/userdata.sh"));
  // Until 3.26.0 the UDP Gateway Server daemon ran on instances with the attribute schedule_gs.
  if (release < changes::kUDPGatewayServerRemoved) script += embedded::file("5-1-ecs-cluster/udp-gateway-server.sh");
  script += embedded::file("5-1-ecs-cluster/agents.sh");
  return script;
}

// ASG tags reach the instances (the bastion finds them by Name before 3.26.0).
Value propagated(Value tags) {
  for (auto& tag : tags.items()) tag.set("PropagateAtLaunch", true);
  return tags;
}

Value block_devices() {
  // 3.23.1: gp3 volumes.
  return Value::list({Value::map({{"DeviceName", "/dev/xvda"},
                                  {"Ebs", Value::map({{"VolumeType", "gp3"},
                                                      {"VolumeSize", 30},
                                                      {"Encrypted", true},
                                                      {"DeleteOnTermination", true}})}})});
}

// The lifecycle hook posts to a topic, the function drains the instance (3.12.2).
void add_draining(StackBuilder& s, const Resource& cluster, const Value& group_name, const Resource& group) {
  const Release& release = s.release();
  Resource& topic = s.resource("ECSAutoScalingGroupDrainingTopic", "AWS::SNS::Topic")
                        .set("DisplayName", s.resource_name("container-instance-draining"))
                        .set("Tags", s.tags("container-instance-draining"));
  Resource& hook_role =
      s.resource("ECSAutoScalingGroupDrainingHookRole", "AWS::IAM::Role")
          .set("AssumeRolePolicyDocument", service_trust_policy("autoscaling.amazonaws.com"))
          .set("Policies", Value::list({inline_policy("publish-lifecycle", {allow({"sns:Publish"}, ref(topic))})}))
          .set("Tags", s.tags("container-instance-draining-hook"));
  s.resource("ECSAutoScalingGroupDrainingHook", "AWS::AutoScaling::LifecycleHook")
      .set("AutoScalingGroupName", ref(group))
      .set("LifecycleTransition", "autoscaling:EC2_INSTANCE_TERMINATING")
      .set("DefaultResult", "CONTINUE")
      .set("HeartbeatTimeout", 900)
      .set("NotificationTargetARN", ref(topic))
      .set("RoleARN", get_att(hook_role, "Arn"));

  // Production fix (catalog/production.hpp): Lambda accepts function names of at most 64
  // characters, and "<network>-<environment>-<cluster>-container-instance-draining" reaches 73
  // with the longest accepted NetworkName and Cluster; "-drain" keeps it at 52.
  const std::string function_suffix =
      catalog::has_production_fixes(s.release()) ? "drain" : "container-instance-draining";
  Value function_name = s.resource_name(function_suffix);
  Resource& logs = s.resource("ECSAutoScalingGroupDrainingLogGroup", "AWS::Logs::LogGroup")
                       .set("LogGroupName", sub("/aws/lambda/${NetworkName}-${Environment}-${Cluster}-" + function_suffix))
                       .set("RetentionInDays", 30)
                       .set("Tags", s.tags("container-instance-draining"));
  Value container_instances = sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/${ECSCluster}/*");
  Resource& role =
      s.resource("ECSAutoScalingGroupDrainingFunctionRole", "AWS::IAM::Role")
          .set("AssumeRolePolicyDocument", service_trust_policy("lambda.amazonaws.com"))
          .set("Policies",
               Value::list({inline_policy(
                   "drain-container-instances",
                   {allow("WriteLogs", {"logs:CreateLogStream", "logs:PutLogEvents"}, get_att(logs, "Arn")),
                    allow("FindContainerInstance", {"ecs:ListContainerInstances"}, get_att(cluster, "Arn")),
                    allow("DrainContainerInstance", {"ecs:DescribeContainerInstances", "ecs:UpdateContainerInstancesState"},
                          container_instances),
                    allow("RepostLifecycleMessage", {"sns:Publish"}, ref(topic)),
                    allow("CompleteLifecycleAction", {"autoscaling:CompleteLifecycleAction"},
                          sub("arn:${AWS::Partition}:autoscaling:${AWS::Region}:${AWS::AccountId}:autoScalingGroup:*:"
                              "autoScalingGroupName/${Name}",
                              {{"Name", group_name}}))})}))
          .set("Tags", s.tags("container-instance-draining-function"));
  Resource& function = s.resource("ECSAutoScalingGroupDrainingFunction", "AWS::Lambda::Function")
                           .depends_on(logs)
                           .set("FunctionName", function_name)
                           .set("Description", "Drains an ECS container instance before it is terminated")
                           .set("Runtime", lambda_runtime(release))
                           .set("Handler", "index.handler")
                           .set("Timeout", 60)
                           .set("Role", get_att(role, "Arn"))
                           .set("Environment", Value::map({{"Variables", Value::map({{"CLUSTER", ref(cluster)}})}}))
                           .set("Code", Value::map({{"ZipFile", std::string(embedded::file("5-1-ecs-cluster/drain.py"))}}))
                           .set("Tags", s.tags("container-instance-draining"));
  s.resource("ECSAutoScalingGroupDrainingPermission", "AWS::Lambda::Permission")
      .set("FunctionName", ref(function))
      .set("Action", "lambda:InvokeFunction")
      .set("Principal", "sns.amazonaws.com")
      .set("SourceArn", ref(topic));
  s.resource("ECSAutoScalingGroupDrainingSubscription", "AWS::SNS::Subscription")
      .set("TopicArn", ref(topic))
      .set("Protocol", "lambda")
      .set("Endpoint", get_att(function, "Arn"));
}

}  // namespace

StackModel build_ecs_cluster(const Release& release) {
  StackBuilder s(release, "ecs-cluster");
  const bool graviton = release >= changes::kClusterGravitonFamilies;
  // 3.30.0: Launch Configuration → Launch Template.
  const bool launch_template = release >= changes::kClusterLaunchTemplate;

  std::vector<std::string> types;
  Value architectures = Value::map();
  for (const auto& family : instance_families(release)) {
    for (const char* size : family.sizes) {
      std::string type = std::string(family.name) + "." + size;
      types.push_back(type);
      architectures.set(type, Value::map({{"Arch", family.arm64 ? "arm64" : "x86_64"}}));
    }
  }
  auto& instance_type = s.choice("InstanceType", types, "m5.large")
                            .description("EC2 instance type of the container instances. t3 instances lack ENI "
                                         "trunking, which limits the number of awsvpc tasks per instance.")
                            .group("Container instances")
                            .label("Instance type");
  auto& count = s.parameter("ContainerInstanceCount", param_type::kNumber)
      .description("Number of container instances, spread over the private subnets of both zones. Services on "
                   "FARGATE need none.")
      .default_value(2)
      .min_value(0)
      .max_value(50)
      .group("Container instances")
      .label("Number of container instances");
  auto& key_name = s.parameter("KeyName", param_type::kKeyPairName)
                       .description("Name of the SSH key pair for the container instances.")
                       .group("Container instances")
                       .label("SSH key name");
  auto& ami_x86 = s.parameter("ECSImageIdX86", param_type::kImageIdFromSSM)
                      .description("ECS-optimized Amazon Linux 2 image for x86_64 instance types (public SSM parameter).")
                      .default_value("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id")
                      .group("Advanced")
                      .label("x86_64 image");
  Value image_id = ref(ami_x86);
  if (graviton) {
    auto& ami_arm = s.parameter("ECSImageIdArm64", param_type::kImageIdFromSSM)
                        .description("ECS-optimized Amazon Linux 2 image for Graviton (arm64) instance types (public "
                                     "SSM parameter).")
                        .default_value("/aws/service/ecs/optimized-ami/amazon-linux-2/arm64/recommended/image_id")
                        .group("Advanced")
                        .label("arm64 image");
    // The AMI mapping: instance type → architecture → image.
    const Mapping& arch = s.mapping("AWSInstanceTypeToArch", architectures);
    const Condition& arm = s.condition("Arm64Instances", equals(find_in_map(arch, ref(instance_type), "Arch"), "arm64"));
    image_id = if_(arm, ref(ami_arm), ref(ami_x86));
  }
  s.parameter("NodeExporterVersion")
      .description("Version of node_exporter on the container instances (host metrics for 5-x monitoring).")
      .default_value(node_exporter_version(release))
      .allowed_pattern("^[0-9]+\\.[0-9]+\\.[0-9]+$")
      .constraint_description("a version such as 1.7.0")
      .group("Advanced")
      .label("node_exporter version");
  // 3.16.2: ContainerInsights.
  auto& insights = s.flag("ContainerInsights", false)
                       .description("Enable CloudWatch Container Insights for the cluster (charged per metric).")
                       .group("Cluster")
                       .label("Container Insights");
  // 3.17.2: Session Manager.
  auto& session_logs = s.optional_string("SessionManagerLogGroup")
                           .description("CloudWatch Logs group that Session Manager writes session logs to, as "
                                        "configured in the account's Session Manager preferences. Leave empty for none.")
                           .allowed_pattern("^$|^[a-zA-Z0-9_/.#-]{1,512}$")
                           .group("Cluster")
                           .label("Session Manager log group");

  Resource& cluster = s.resource("ECSCluster", "AWS::ECS::Cluster")
                          .set("ClusterName", sub("${NetworkName}-${Environment}-${Cluster}"))
                          .set("ClusterSettings", Value::list({Value::map(
                                                      {{"Name", "containerInsights"},
                                                       {"Value", if_(s.is_true(insights), "enabled", "disabled")}})}))
                          .set("Tags", s.tags("cluster"));
  Value namespace_name = sub("svc.${Cluster}.${Environment}.${NetworkName}.cluster.local");
  Resource& discovery = s.resource("ServiceDiscoveryNamespace", "AWS::ServiceDiscovery::PrivateDnsNamespace")
                            .set("Name", namespace_name)
                            .set("Description", "Service discovery of the ECS services of the cluster")
                            .set("Vpc", s.import(exports::vpc::vpc_id))
                            .set("Tags", s.tags("service-discovery"));

  // The container instances run the ECS agent (scoped to this cluster) and the SSM agent.
  Value container_instances = sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/${ECSCluster}/*");
  std::vector<Value> agent{
      allow("JoinCluster", {"ecs:RegisterContainerInstance", "ecs:DeregisterContainerInstance"}, get_att(cluster, "Arn")),
      allow("RunTasks", {"ecs:Poll", "ecs:StartTelemetrySession", "ecs:SubmitAttachmentStateChanges",
                         "ecs:SubmitContainerStateChange", "ecs:SubmitTaskStateChange", "ecs:UpdateContainerInstancesState"},
            container_instances),
      // DiscoverPollEndpoint and DescribeTags have no resource-level permissions.
      allow("FindEndpoints", {"ecs:DiscoverPollEndpoint", "ec2:DescribeTags"}, "*"),
      allow("PullFromECR", {"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"},
            arn("ecr", "repository/*")),
      // GetAuthorizationToken has no resource-level permissions.
      allow("AuthenticateToECR", {"ecr:GetAuthorizationToken"}, "*"),
      if_(s.is_set(session_logs),
          allow("WriteSessionLogs", {"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
                arn("logs", "log-group:${SessionManagerLogGroup}:*")),
          pseudo::no_value()),
  };
  Resource& role = s.resource("ContainerInstanceRole", "AWS::IAM::Role")
                       .set("AssumeRolePolicyDocument", service_trust_policy("ec2.amazonaws.com"))
                       .set("ManagedPolicyArns", Value::list({managed_policy_arn("AmazonSSMManagedInstanceCore")}))
                       .set("Policies", Value::list({inline_policy("container-instance", agent)}))
                       .set("Tags", s.tags("container-instance"))
                       .security_exception("FindEndpoints",
                                           "ecs:DiscoverPollEndpoint and ec2:DescribeTags have no resource-level "
                                           "permissions; the ECS agent needs both");
  Resource& profile =
      s.resource("ContainerInstanceProfile", "AWS::IAM::InstanceProfile").set("Roles", Value::list({ref(role)}));

  Value security_groups = Value::list({s.import(exports::vpc::container_instances_security_group)});
  Value metadata = Value::map({{"HttpTokens", "required"}, {"HttpEndpoint", "enabled"}});
  Value user_data_value = base64(sub(user_data(release)));
  Value group_name = s.resource_name("container-instances");
  std::pair<std::string, Value> launch;
  if (launch_template) {
    Resource& lt = s.resource("ECSLaunchTemplate", "AWS::EC2::LaunchTemplate")
                       .set("LaunchTemplateName", s.resource_name("container-instance"))
                       .set("LaunchTemplateData",
                            Value::map({{"ImageId", image_id},
                                        {"InstanceType", ref(instance_type)},
                                        {"IamInstanceProfile", Value::map({{"Arn", get_att(profile, "Arn")}})},
                                        {"SecurityGroupIds", security_groups},
                                        {"KeyName", ref(key_name)},
                                        {"BlockDeviceMappings", block_devices()},
                                        {"MetadataOptions", metadata},
                                        {"UserData", user_data_value},
                                        {"TagSpecifications",
                                         Value::list({Value::map({{"ResourceType", "volume"},
                                                                  {"Tags", s.tags("container-instance")}})})}}));
    launch = {"LaunchTemplate", Value::map({{"LaunchTemplateId", ref(lt)}, {"Version", get_att(lt, "LatestVersionNumber")}})};
  } else {
    Resource& lc = s.resource("ECSLaunchConfiguration", "AWS::AutoScaling::LaunchConfiguration")
                       .lint_suppress("W3697", "the templates use a launch configuration until 3.30.0 (changelog); "
                                               "3.30.0 replaces it with a launch template")
                       .set("ImageId", image_id)
                       .set("InstanceType", ref(instance_type))
                       .set("IamInstanceProfile", ref(profile))
                       .set("SecurityGroups", security_groups)
                       .set("KeyName", ref(key_name))
                       .set("AssociatePublicIpAddress", false)
                       .set("BlockDeviceMappings", block_devices())
                       .set("MetadataOptions", metadata)
                       .set("UserData", user_data_value);
    launch = {"LaunchConfigurationName", ref(lc)};
  }
  Resource& group = s.resource("ECSAutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup");
  if (catalog::has_production_fixes(release)) {
    // Production fix: a new launch template version (every update resolves the ECS-optimized AMI
    // parameter anew) replaces the container instances one at a time; without an update policy
    // only instances launched later would run the new AMI. The draining hook moves the tasks off
    // each instance before it terminates.
    group.update_policy(Value::map({{"AutoScalingRollingUpdate", Value::map({{"MinInstancesInService", 0},
                                                                             {"MaxBatchSize", 1},
                                                                             {"PauseTime", "PT5M"}})}}));
  }
  group.set(launch.first, launch.second)
                        .set("AutoScalingGroupName", group_name)
      .set("VPCZoneIdentifier", s.import(exports::vpc::private_subnet_ids))
      .set("MinSize", ref(count))
      .set("MaxSize", ref(count))
      .set("DesiredCapacity", ref(count))
      .set("HealthCheckType", "EC2")
      .set("Tags", propagated(s.tags("container-instance")));

  add_draining(s, cluster, group_name, group);

  s.export_value(exports::ecs::cluster_name, ref(cluster));
  s.export_value(exports::ecs::cluster_arn, get_att(cluster, "Arn"));
  s.export_value(exports::ecs::service_discovery_namespace_id, get_att(discovery, "Id"));
  s.export_value(exports::ecs::service_discovery_namespace_name, namespace_name);
  return s.finish();
}

}  // namespace ttsgen::stacks
