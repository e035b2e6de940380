# A failed boot reports the failure to CloudFormation and terminates the instance (shutdown
# terminates, see the launch template), so that the Auto Scaling group starts a fresh one.
trap 'signal 1; shutdown -h now' ERR
