#!/bin/bash
# 1-2-bastion boot script. It goes through Fn::Sub, which replaces every dollar-brace name with a
# template value, so the shell variables below are written without braces.
# Installs the clients to administer the cluster's databases and a few helpers.
set -euxo pipefail

yum update -y
yum install -y amazon-ssm-agent jq
amazon-linux-extras install -y postgresql14 redis6
systemctl enable --now amazon-ssm-agent

# Aurora requires TLS (since 3.18.0): keep the RDS certificate bundle for verify-full connections.
mkdir -p /etc/pki/rds
curl -fsSL -o /etc/pki/rds/global-bundle.pem https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem

cat > /etc/profile.d/tts.sh <<'PROFILE'
export AWS_DEFAULT_REGION=${AWS::Region}
export TTS_EXPORT_PREFIX=${NetworkName}-${Environment}-${Cluster}
PROFILE

# tts-export KEY: the value of the cluster's CloudFormation export <network>-<environment>-<cluster>-KEY.
cat > /usr/bin/tts-export <<'SCRIPT'
#!/bin/bash
set -euo pipefail
. /etc/profile.d/tts.sh
name="$TTS_EXPORT_PREFIX-$1"
value=$(aws cloudformation list-exports --query "Exports[?Name=='$name'].Value" --output text)
if [ -z "$value" ] || [ "$value" = "None" ]; then echo "no export $name" >&2; exit 1; fi
echo "$value"
SCRIPT
chmod 755 /usr/bin/tts-export

# db-ro USER DATABASE: a read-only psql session on the Aurora reader endpoint, over verified TLS.
cat > /usr/bin/db-ro <<'SCRIPT'
#!/bin/bash
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: db-ro USER DATABASE" >&2; exit 2; fi
host=$(tts-export AuroraReaderEndpoint)
PGOPTIONS='-c default_transaction_read_only=on' \
  exec psql "host=$host port=5432 user=$1 dbname=$2 sslmode=verify-full sslrootcert=/etc/pki/rds/global-bundle.pem"
SCRIPT
chmod 755 /usr/bin/db-ro
