#pragma once
// Exports of 1-1-vpc: the network, the load balancer, the internal zone and the security groups
// that the later stacks attach to (security groups are created here; 3-1 adds their rules).

#include "ttsgen/catalog/export.hpp"

namespace ttsgen::exports::vpc {

using catalog::Export;

inline constexpr Export vpc_id{"vpc", "VpcId", "ID of the VPC"};
inline constexpr Export vpc_cidr_block{"vpc", "VpcCidrBlock", "CIDR block of the VPC"};
inline constexpr Export public_subnet_ids{"vpc", "PublicSubnetIds", "IDs of the public subnets, one per availability zone", true};
inline constexpr Export private_subnet_ids{"vpc", "PrivateSubnetIds", "IDs of the private subnets, one per availability zone", true};

inline constexpr Export load_balancer_arn{"vpc", "LoadBalancerArn", "ARN of the network load balancer"};
inline constexpr Export load_balancer_full_name{"vpc", "LoadBalancerFullName",
                                                "Full name of the network load balancer, the dimension of its CloudWatch metrics"};
inline constexpr Export load_balancer_dns_name{"vpc", "LoadBalancerDNSName", "DNS name of the network load balancer"};
inline constexpr Export load_balancer_hosted_zone_id{"vpc", "LoadBalancerCanonicalHostedZoneID",
                                                     "Route 53 zone of the load balancer, for alias records"};

inline constexpr Export internal_hosted_zone_id{"vpc", "InternalHostedZoneId",
                                                "ID of the private hosted zone <cluster>.<environment>.<network>.cluster.local"};
inline constexpr Export internal_hosted_zone_name{"vpc", "InternalHostedZoneName",
                                                  "Name of the private hosted zone for service discovery"};

inline constexpr Export tasks_security_group{"vpc", "TasksSecurityGroupId", "Security group of every ECS task of the cluster"};
inline constexpr Export container_instances_security_group{"vpc", "ContainerInstancesSecurityGroupId",
                                                           "Security group of the EC2 container instances"};
inline constexpr Export bastion_security_group{"vpc", "BastionSecurityGroupId", "Security group of the bastion host"};
inline constexpr Export aurora_security_group{"vpc", "AuroraSecurityGroupId", "Security group of the Aurora PostgreSQL cluster"};
inline constexpr Export redis_security_group{"vpc", "RedisSecurityGroupId", "Security group of the Redis clusters"};
inline constexpr Export timescale_security_group{"vpc", "TimescaleSecurityGroupId", "Security group of the TimescaleDB instances"};
inline constexpr Export monitoring_storage_security_group{"vpc", "MonitoringStorageSecurityGroupId",
                                                          "Security group of the monitoring EFS mount targets"};

}  // namespace ttsgen::exports::vpc
