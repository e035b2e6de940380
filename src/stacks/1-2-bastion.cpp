// 1-2-bastion: an EC2 instance in a public subnet for administrative access to the cluster's
// databases (docs: ecs/deployment). Reachable over SSH from the given ranges, or through Session Manager.
// It is numbered before the data stacks and may be deployed before them, so it imports nothing
// from them: its helpers look the endpoints up at run time (templates/1-2-bastion/userdata.sh).
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/stacks.hpp"
#include "ttsgen/util/embedded.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

const std::vector<std::string> kX86InstanceTypes{"t3.nano", "t3.micro", "t3.small", "t3.medium",
                                                 "t3a.nano", "t3a.micro", "t3a.small", "t3a.medium"};
const std::vector<std::string> kGravitonInstanceTypes{"t4g.nano", "t4g.micro", "t4g.small", "t4g.medium"};

const char* kIPv4Cidr = "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/([0-9]|[12][0-9]|3[0-2])$";
const char* kOptionalIPv6Cidr = "^$|^[0-9a-fA-F:]+/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$";

std::string user_data(const Release& release) {
  std::string script(embedded::file("1-2-bastion/userdata.sh"));
  // 3.26.0: UDP Gateway Server references removed (the daemon is gone from the container instances).
  if (release < "3.26.0"_v) script += embedded::file("1-2-bastion/udp-gateway-server.sh");
  return script;
}

}  // namespace

StackModel build_bastion(const Release& release) {
  StackBuilder s(release, "bastion");
  // 3.24.2: Graviton (arm64) instance types for the bastion.
  const bool graviton = release >= "3.24.2"_v;

  std::vector<std::string> instance_types = kX86InstanceTypes;
  if (graviton) instance_types.insert(instance_types.end(), kGravitonInstanceTypes.begin(), kGravitonInstanceTypes.end());
  auto& instance_type = s.choice("InstanceType", instance_types, "t3.micro")
                            .description("EC2 instance type of the bastion. A small one is enough: it only gives access.")
                            .group("Instance")
                            .label("Instance type");
  auto& key_name = s.parameter("KeyName", param_type::kKeyPairName)
      .description("Name of the SSH key pair for the bastion.")
      .group("Instance")
      .label("SSH key name");
  auto& ssh_ipv4 = s.parameter("SSHIPv4Range")
      .description("IPv4 range allowed to connect with SSH, e.g. the office network. Use 0.0.0.0/0 only with care.")
      .allowed_pattern(kIPv4Cidr)
      .constraint_description("an IPv4 CIDR block such as 192.0.2.0/24")
      .group("Access")
      .label("SSH IPv4 range");
  auto& ssh_ipv6 = s.optional_string("SSHIPv6Range")
                       .description("IPv6 range allowed to connect with SSH. Leave empty for none.")
                       .allowed_pattern(kOptionalIPv6Cidr)
                       .constraint_description("empty, or an IPv6 CIDR block such as 2001:db8::/32")
                       .group("Access")
                       .label("SSH IPv6 range");
  // 3.15.0: the boot volume is always encrypted, with this key or the account's default EBS key.
  auto& kms_key = kms_key_parameter(s, "EBSKmsKeyId", "the boot volume").group("Instance").label("EBS KMS key ID");
  // 3.17.2: Session Manager; sessions are logged to this log group when it is given.
  auto& session_logs = s.optional_string("SessionManagerLogGroup")
                           .description("CloudWatch Logs group that Session Manager writes session logs to, "
                                        "as configured in the account's Session Manager preferences. Leave empty for none.")
                           .allowed_pattern("^$|^[a-zA-Z0-9_/.#-]{1,512}$")
                           .group("Access")
                           .label("Session Manager log group");
  auto& ami_x86 = s.parameter("ImageIdX86", param_type::kImageIdFromSSM)
                      .description("Amazon Linux 2 image for x86_64 instance types (a public SSM parameter).")
                      .default_value("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2")
                      .group("Advanced")
                      .label("x86_64 image");
  Value image_id = ref(ami_x86);
  if (graviton) {
    auto& ami_arm = s.parameter("ImageIdArm64", param_type::kImageIdFromSSM)
                        .description("Amazon Linux 2 image for Graviton (arm64) instance types (a public SSM parameter).")
                        .default_value("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-arm64-gp2")
                        .group("Advanced")
                        .label("arm64 image");
    std::vector<Value> is_graviton;
    for (const auto& type : kGravitonInstanceTypes) is_graviton.push_back(equals(ref(instance_type), type));
    const Condition& arm = s.condition("GravitonInstance", or_(is_graviton));
    image_id = if_(arm, ref(ami_arm), ref(ami_x86));
  }

  Value bastion_group = s.import(exports::vpc::bastion_security_group);
  s.resource("SSHIngressIPv4", "AWS::EC2::SecurityGroupIngress")
      .set("GroupId", bastion_group)
      .set("Description", "SSH to the bastion")
      .set("IpProtocol", "tcp")
      .set("FromPort", 22)
      .set("ToPort", 22)
      .set("CidrIp", ref(ssh_ipv4));
  s.resource("SSHIngressIPv6", "AWS::EC2::SecurityGroupIngress")
      .condition(s.is_set(ssh_ipv6))
      .set("GroupId", bastion_group)
      .set("Description", "SSH to the bastion")
      .set("IpProtocol", "tcp")
      .set("FromPort", 22)
      .set("ToPort", 22)
      .set("CidrIpv6", ref(ssh_ipv6));

  std::vector<Value> statements{
      // Read-only lookups of the cluster's exports for the helpers; ListExports has no
      // resource-level permissions, so its resource is "*".
      Value::map({{"Sid", "ReadClusterExports"}, {"Effect", "Allow"}, {"Action", "cloudformation:ListExports"}, {"Resource", "*"}}),
      if_(s.is_set(session_logs),
          allow({"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
                arn("logs", "log-group:${SessionManagerLogGroup}:*")),
          pseudo::no_value()),
  };
  if (release < "3.26.0"_v) {
    // udp-gs-hosts lists the container instances; DescribeInstances has no resource-level permissions.
    statements.push_back(Value::map(
        {{"Sid", "FindUDPGatewayServerHosts"}, {"Effect", "Allow"}, {"Action", "ec2:DescribeInstances"}, {"Resource", "*"}}));
  }
  Resource& role = s.resource("BastionRole", "AWS::IAM::Role")
                       .set("AssumeRolePolicyDocument", service_trust_policy("ec2.amazonaws.com"))
                       .set("ManagedPolicyArns", Value::list({managed_policy_arn("AmazonSSMManagedInstanceCore")}))
                       .set("Policies", Value::list({inline_policy("bastion", statements)}))
                       .set("Tags", s.tags("bastion"));
  Resource& profile = s.resource("BastionInstanceProfile", "AWS::IAM::InstanceProfile").set("Roles", Value::list({ref(role)}));

  Resource& instance =
      s.resource("Bastion", "AWS::EC2::Instance")
          .set("ImageId", image_id)
          .set("InstanceType", ref(instance_type))
          .set("KeyName", ref(key_name))
          .set("IamInstanceProfile", ref(profile))
          .set("NetworkInterfaces",
               Value::list({Value::map({{"DeviceIndex", "0"},
                                        {"SubnetId", select(0, s.import(exports::vpc::public_subnet_ids))},
                                        {"AssociatePublicIpAddress", true},
                                        {"GroupSet", Value::list({bastion_group})}})}))
          // 3.23.1: gp3 volumes.
          .set("BlockDeviceMappings",
               Value::list({Value::map({{"DeviceName", "/dev/xvda"},
                                        {"Ebs", Value::map({{"VolumeType", "gp3"},
                                                            {"VolumeSize", 16},
                                                            {"Encrypted", true},
                                                            {"KmsKeyId", if_(s.is_set(kms_key), ref(kms_key), pseudo::no_value())},
                                                            {"DeleteOnTermination", true}})}})}))
          .set("MetadataOptions", Value::map({{"HttpTokens", "required"}, {"HttpEndpoint", "enabled"}}))
          .set("UserData", base64(sub(user_data(release))))
          .set("Tags", s.tags("bastion"));

  s.output("BastionPublicIP", get_att(instance, "PublicIp")).description("Public IPv4 address of the bastion, for SSH");
  s.output("BastionInstanceId", ref(instance)).description("Instance ID of the bastion, for Session Manager");
  return s.finish();
}

}  // namespace ttsgen::stacks
