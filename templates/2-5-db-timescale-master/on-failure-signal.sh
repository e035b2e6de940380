# A failed boot reports the failure to CloudFormation, which rolls the deployment back.
trap 'signal 1' ERR
