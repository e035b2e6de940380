#!/bin/bash
# TimescaleDB instance of 2-5-db-timescale-master or 2-6-db-timescale-replica: the boot script of
# an Amazon Linux 2 instance in a single-instance Auto Scaling group. It goes through Fn::Sub:
# dollar-brace names are template values, so shell variables are written without braces.
# The data lives on an EBS volume and the address on a network interface that the stack keeps:
# every new instance attaches both, so replacing the instance loses nothing.
set -Eeuo pipefail
exec >>/var/log/timescaledb-boot.log 2>&1

signal() {
  /opt/aws/bin/cfn-signal --exit-code "$1" --stack '${AWS::StackName}' --resource '${SignalResource}' --region '${AWS::Region}' || true
}
