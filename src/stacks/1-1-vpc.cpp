// 1-1-vpc: the network foundation over two availability zones (docs: ecs/deployment). Per zone a public
// subnet (load balancer node, NAT gateway) and a private subnet (databases, container instances,
// tasks). All inbound traffic arrives on the load balancer's Elastic IPs and all outbound traffic
// leaves through the NAT gateways' Elastic IPs, so both stay stable for allow-lists.
#include <cctype>

#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

using namespace cfn;

namespace {

constexpr int kZones = 2;

struct Zone {
  int number;  // 1 or 2
  Resource* public_subnet;
  Resource* private_subnet;
  Resource* private_route_table;
  Resource* nat_ip;
  Resource* load_balancer_ip;
};

// The VPC's /16 is cut into four /18s: public subnets take the first two, private subnets the
// last two. Fn::Cidr keeps the split inside CloudFormation, so the only input is the VPC CIDR.
Value subnet_cidr(const Parameter& cidr_block, int index) { return select(index, cidr(ref(cidr_block), 4, 14)); }

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Nothing launched into a subnet gets a public IP by itself; the bastion asks for one explicitly.
Resource& subnet(StackBuilder& s, const std::string& kind, const std::string& n, const Resource& vpc, Value cidr_block,
                 Value zone) {
  return s.resource(kind + "Subnet" + n, "AWS::EC2::Subnet")
      .set("VpcId", ref(vpc))
      .set("CidrBlock", std::move(cidr_block))
      .set("AvailabilityZone", std::move(zone))
      .set("MapPublicIpOnLaunch", false)
      .set("Tags", s.tags(lowercase(kind) + "-" + n));
}

struct Routes {
  Resource* table;
  Resource* default_route;
};

// A route table of its own for `subnet`, with the default route to `target` (the internet gateway
// for public subnets, the zone's NAT gateway for private ones).
Routes route_subnet(StackBuilder& s, const std::string& kind, const std::string& n, const Resource& vpc,
                    const Resource& subnet, const char* target_property, const Resource& target) {
  Resource& table = s.resource(kind + "RouteTable" + n, "AWS::EC2::RouteTable")
                        .set("VpcId", ref(vpc))
                        .set("Tags", s.tags(lowercase(kind) + "-" + n));
  Resource& route = s.resource(kind + "DefaultRoute" + n, "AWS::EC2::Route")
                        .set("RouteTableId", ref(table))
                        .set("DestinationCidrBlock", "0.0.0.0/0")
                        .set(target_property, ref(target));
  s.resource(kind + "Subnet" + n + "RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation")
      .set("SubnetId", ref(subnet))
      .set("RouteTableId", ref(table));
  return Routes{&table, &route};
}

Zone add_zone(StackBuilder& s, int number, const Parameter& cidr_block, const Resource& vpc,
              const Resource& gateway_attachment, const Resource& internet_gateway) {
  std::string n = std::to_string(number);
  Value zone = select(number - 1, get_azs(""));

  Resource& public_subnet = subnet(s, "Public", n, vpc, subnet_cidr(cidr_block, number - 1), zone);
  Resource& private_subnet = subnet(s, "Private", n, vpc, subnet_cidr(cidr_block, kZones + number - 1), zone);

  Routes public_routes = route_subnet(s, "Public", n, vpc, public_subnet, "GatewayId", internet_gateway);
  public_routes.default_route->depends_on(gateway_attachment);

  Resource& nat_ip = s.resource("NatGatewayEIP" + n, "AWS::EC2::EIP")
                         .depends_on(gateway_attachment)
                         .set("Domain", "vpc")
                         .set("Tags", s.tags("nat-" + n));
  Resource& nat = s.resource("NatGateway" + n, "AWS::EC2::NatGateway")
                      .set("AllocationId", get_att(nat_ip, "AllocationId"))
                      .set("SubnetId", ref(public_subnet))
                      .set("Tags", s.tags("nat-" + n));

  Routes private_routes = route_subnet(s, "Private", n, vpc, private_subnet, "NatGatewayId", nat);

  Resource& load_balancer_ip = s.resource("LoadBalancerEIP" + n, "AWS::EC2::EIP")
                                   .depends_on(gateway_attachment)
                                   .set("Domain", "vpc")
                                   .set("Tags", s.tags("nlb-" + n));
  return Zone{number, &public_subnet, &private_subnet, private_routes.table, &nat_ip, &load_balancer_ip};
}

// Security groups of the whole cluster live here so that every later stack can import them and
// 3-1-security-group-rules can wire them together without depending on the stacks that use them.
void add_security_groups(StackBuilder& s, const Resource& vpc) {
  struct Group {
    const catalog::Export& export_;
    const char* id;
    const char* suffix;
    const char* description;
  };
  const Group groups[] = {
      {exports::vpc::tasks_security_group, "TasksSecurityGroup", "tasks", "ECS tasks of The Things Stack"},
      {exports::vpc::container_instances_security_group, "ContainerInstancesSecurityGroup", "container-instances",
       "EC2 container instances of the ECS cluster"},
      {exports::vpc::bastion_security_group, "BastionSecurityGroup", "bastion", "Bastion host"},
      {exports::vpc::aurora_security_group, "AuroraSecurityGroup", "aurora", "Aurora PostgreSQL cluster"},
      {exports::vpc::redis_security_group, "RedisSecurityGroup", "redis", "Redis clusters"},
      {exports::vpc::timescale_security_group, "TimescaleSecurityGroup", "timescale", "TimescaleDB instances"},
      {exports::vpc::monitoring_storage_security_group, "MonitoringStorageSecurityGroup", "monitoring-storage",
       "EFS mount targets of the monitoring stack"},
  };
  for (const auto& g : groups) {
    Resource& group = s.resource(g.id, "AWS::EC2::SecurityGroup")
                          .set("GroupDescription", g.description)
                          .set("VpcId", ref(vpc))
                          .set("Tags", s.tags(g.suffix));
    s.export_value(g.export_, get_att(group, "GroupId"));
  }
}

void add_load_balancer(StackBuilder& s, const std::vector<Zone>& zones, const Resource& gateway_attachment) {
  auto& logging = s.flag("LoadBalancerAccessLoggingEnabled", false)
                      .description("Write access logs of the TLS listeners of the network load balancer to an S3 bucket.")
                      .group("Load balancer")
                      .label("Access logging");
  auto& bucket_name = s.optional_string("LoadBalancerLogsBucketName")
                          .description("Name of the access-log bucket to create. Leave empty for a generated name.")
                          .allowed_pattern("^$|^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
                          .constraint_description("empty, or a valid S3 bucket name")
                          .group("Load balancer")
                          .label("Access-log bucket name");
  const Condition& logging_on = s.is_true(logging);

  // Network load balancers deliver access logs only to SSE-S3 encrypted buckets.
  Resource& bucket = secure_bucket(s, "LoadBalancerLogsBucket", "nlb-logs",
                                   BucketOptions{.name = if_(s.is_set(bucket_name), ref(bucket_name), pseudo::no_value())})
                         .condition(logging_on);
  Value log_objects = sub("${LoadBalancerLogsBucket.Arn}/AWSLogs/${AWS::AccountId}/*");
  Value source_account = Value::map({{"StringEquals", Value::map({{"aws:SourceAccount", pseudo::account_id()}})}});
  Resource& policy = bucket_policy(s, bucket,
                {Value::map({{"Sid", "AllowLogDeliveryWrite"},
                             {"Effect", "Allow"},
                             {"Principal", Value::map({{"Service", "delivery.logs.amazonaws.com"}})},
                             {"Action", "s3:PutObject"},
                             {"Resource", log_objects},
                             {"Condition", source_account}}),
                 Value::map({{"Sid", "AllowLogDeliveryAclCheck"},
                             {"Effect", "Allow"},
                             {"Principal", Value::map({{"Service", "delivery.logs.amazonaws.com"}})},
                             {"Action", "s3:GetBucketAcl"},
                             {"Resource", get_att(bucket, "Arn")},
                             {"Condition", source_account}})});

  Value mappings = Value::list();
  for (const auto& z : zones) {
    mappings.push_back(Value::map({{"SubnetId", ref(*z.public_subnet)},
                                   {"AllocationId", get_att(*z.load_balancer_ip, "AllocationId")}}));
  }
  auto attribute = [](const char* key, Value value) { return Value::map({{"Key", key}, {"Value", std::move(value)}}); };
  Value attributes = Value::list({
      // Some components run a single task; cross-zone balancing lets it serve both Elastic IPs.
      attribute("load_balancing.cross_zone.enabled", "true"),
      attribute("access_logs.s3.enabled", if_(logging_on, "true", "false")),
      attribute("access_logs.s3.bucket", if_(logging_on, ref(bucket), pseudo::no_value())),
  });
  Resource& load_balancer = s.resource("LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer")
                                .depends_on(gateway_attachment)
                                .set("Type", "network")
                                .set("Scheme", "internet-facing")
                                .set("SubnetMappings", mappings)
                                .set("LoadBalancerAttributes", attributes)
                                .set("Tags", s.tags("nlb"));
  // The bucket policy must exist before the load balancer is told to log, or AWS refuses the
  // attribute ("Access Denied for bucket"). DependsOn cannot name a conditional resource from an
  // unconditional one; a conditional Ref in Metadata orders them just the same.
  load_balancer.metadata("AccessLogsBucketPolicy", if_(logging_on, ref(policy), pseudo::no_value()));

  s.export_value(exports::vpc::load_balancer_arn, ref(load_balancer));
  s.export_value(exports::vpc::load_balancer_full_name, get_att(load_balancer, "LoadBalancerFullName"));
  s.export_value(exports::vpc::load_balancer_dns_name, get_att(load_balancer, "DNSName"));
  s.export_value(exports::vpc::load_balancer_hosted_zone_id, get_att(load_balancer, "CanonicalHostedZoneID"));
  s.output("LoadBalancerIPs", join(",", Value::list({ref(*zones[0].load_balancer_ip), ref(*zones[1].load_balancer_ip)})))
      .description("Public IPv4 addresses of the load balancer: every inbound connection arrives on one of these");
}

// 3.16.0: VPC peering with an external Crypto Server account. The Crypto Server was removed in
// 3.24.0, but the changelog records no change to 1-1-vpc then, so the parameter stays.
void add_crypto_server_peering(StackBuilder& s, const Resource& vpc, const std::vector<Zone>& zones) {
  auto& peer_account = s.optional_string("PeerRequesterAccountId")
                           .description("AWS account ID of an external Crypto Server that requests VPC peering. "
                                        "Leave empty when there is none.")
                           .allowed_pattern("^$|^[0-9]{12}$")
                           .constraint_description("empty, or a 12-digit AWS account ID")
                           .group("Crypto Server peering")
                           .label("Peer requester account ID");
  const Condition& peering = s.is_set(peer_account);
  Resource& role = s.resource("PeerRole", "AWS::IAM::Role")
                       .condition(peering)
                       .set("AssumeRolePolicyDocument",
                            policy_document({Value::map(
                                {{"Effect", "Allow"},
                                 {"Principal", Value::map({{"AWS", sub("arn:${AWS::Partition}:iam::${PeerRequesterAccountId}:root")}})},
                                 {"Action", "sts:AssumeRole"}})}))
                       .set("Policies", Value::list({inline_policy(
                                            "accept-vpc-peering",
                                            {allow({"ec2:AcceptVpcPeeringConnection"},
                                                   arn("ec2", "vpc-peering-connection/*"))})}));
  s.output("PeerVpcId", ref(vpc)).condition(peering).description("VPC to peer with (input of the Crypto Server stack)");
  s.output("PeerVpcCidrBlock", get_att(vpc, "CidrBlock")).condition(peering).description("CIDR block of the VPC to peer with");
  s.output("PeerOwnerId", pseudo::account_id()).condition(peering).description("AWS account ID of the VPC to peer with");
  s.output("PeerRoleArn", get_att(role, "Arn")).condition(peering).description("Role the Crypto Server account assumes to accept the peering");
  s.output("PeerRouteTableIds", join(",", Value::list({ref(*zones[0].private_route_table), ref(*zones[1].private_route_table)})))
      .condition(peering)
      .description("Private route tables that need a route to the peered VPC");
}

}  // namespace

StackModel build_vpc(const Release& release) {
  StackBuilder s(release, "vpc");

  auto& cidr_block = s.parameter("CidrBlock")
                         .description("CIDR block of the VPC, a /16. Give each cluster of a network its own, "
                                      "non-overlapping block.")
                         .default_value("10.0.0.0/16")
                         .allowed_pattern("^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){2}0\\.0/16$")
                         .constraint_description("a /16 IPv4 CIDR block such as 10.0.0.0/16")
                         .group("Network")
                         .label("CIDR block");

  Resource& vpc = s.resource("Vpc", "AWS::EC2::VPC")
                      .set("CidrBlock", ref(cidr_block))
                      .set("EnableDnsSupport", true)
                      .set("EnableDnsHostnames", true)
                      .set("Tags", s.tags("vpc"));
  Resource& internet_gateway = s.resource("InternetGateway", "AWS::EC2::InternetGateway").set("Tags", s.tags("igw"));
  Resource& gateway_attachment = s.resource("InternetGatewayAttachment", "AWS::EC2::VPCGatewayAttachment")
                                     .set("VpcId", ref(vpc))
                                     .set("InternetGatewayId", ref(internet_gateway));

  std::vector<Zone> zones;
  for (int number = 1; number <= kZones; ++number)
    zones.push_back(add_zone(s, number, cidr_block, vpc, gateway_attachment, internet_gateway));

  add_load_balancer(s, zones, gateway_attachment);

  // 3.19.2: hosted zone for internal use, cluster first: <cluster>.<environment>.<network>.cluster.local.
  Resource& zone = s.resource("InternalHostedZone", "AWS::Route53::HostedZone")
                       .set("Name", sub("${Cluster}.${Environment}.${NetworkName}.cluster.local"))
                       .set("HostedZoneConfig", Value::map({{"Comment", "Service discovery inside the cluster"}}))
                       .set("VPCs", Value::list({Value::map({{"VPCId", ref(vpc)}, {"VPCRegion", pseudo::region()}})}));

  add_security_groups(s, vpc);
  add_crypto_server_peering(s, vpc, zones);

  s.export_value(exports::vpc::vpc_id, ref(vpc));
  s.export_value(exports::vpc::vpc_cidr_block, get_att(vpc, "CidrBlock"));
  s.export_value(exports::vpc::public_subnet_ids,
                 join(",", Value::list({ref(*zones[0].public_subnet), ref(*zones[1].public_subnet)})));
  s.export_value(exports::vpc::private_subnet_ids,
                 join(",", Value::list({ref(*zones[0].private_subnet), ref(*zones[1].private_subnet)})));
  s.export_value(exports::vpc::internal_hosted_zone_id, ref(zone));
  s.export_value(exports::vpc::internal_hosted_zone_name,
                 sub("${Cluster}.${Environment}.${NetworkName}.cluster.local"));
  s.output("NatGatewayIPs", join(",", Value::list({ref(*zones[0].nat_ip), ref(*zones[1].nat_ip)})))
      .description("Public IPv4 addresses of the NAT gateways: every outbound connection leaves from one of these");
  return s.finish();
}

}  // namespace ttsgen::stacks
