
export AWS_DEFAULT_REGION='${AWS::Region}'
token=$(curl -fsS -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 600')
instance_id=$(curl -fsS -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/instance-id)

yum update -y
yum install -y jq xfsprogs openssl
amazon-linux-extras install -y docker
systemctl enable --now docker

# attach volume|interface ID: attaches the stack's data volume or network interface to this
# instance, waiting (up to 30 minutes) while the instance it replaces still holds it.
attach() {
  for attempt in $(seq 1 180); do
    if [ "$1" = volume ]; then
      holder=$(aws ec2 describe-volumes --volume-ids "$2" --query 'Volumes[0].Attachments[0].InstanceId' --output text)
    else
      holder=$(aws ec2 describe-network-interfaces --network-interface-ids "$2" \
        --query 'NetworkInterfaces[0].Attachment.InstanceId' --output text)
    fi
    if [ "$holder" = "$instance_id" ]; then return 0; fi
    if [ "$holder" = None ]; then
      if [ "$1" = volume ]; then
        aws ec2 attach-volume --volume-id "$2" --instance-id "$instance_id" --device /dev/sdf || true
      else
        aws ec2 attach-network-interface --network-interface-id "$2" --instance-id "$instance_id" --device-index 1 || true
      fi
    fi
    echo "waiting for $1 $2 (attempt $attempt, held by $holder)"
    sleep 10
  done
  echo "could not attach $1 $2" >&2
  return 1
}
attach volume '${VolumeId}'
attach interface '${NetworkInterfaceId}'

# The data volume is /dev/sdf on Xen instance types and an NVMe device named after the volume on
# Nitro ones.
serial=$(echo '${VolumeId}' | tr -d -)
device=
for attempt in $(seq 1 60); do
  for candidate in "/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_$serial" /dev/sdf /dev/xvdf; do
    if [ -b "$candidate" ]; then device=$candidate; break 2; fi
  done
  sleep 5
done
test -n "$device"

# Only a blank volume is formatted: one with a file system (the replaced instance's, or one
# restored from a snapshot) keeps its data. It may have grown since the last boot.
if ! blkid "$device" >/dev/null; then mkfs.xfs "$device"; fi
uuid=$(blkid -s UUID -o value "$device")
mkdir -p /data
grep -q "$uuid" /etc/fstab || echo "UUID=$uuid /data xfs defaults,nofail 0 2" >>/etc/fstab
mountpoint -q /data || mount /data
xfs_growfs /data

# The network interface carries the address that the deployment's DNS records point at.
address_ip=$(aws ec2 describe-network-interfaces --network-interface-ids '${NetworkInterfaceId}' \
  --query 'NetworkInterfaces[0].PrivateIpAddress' --output text)
for attempt in $(seq 1 60); do
  if ip -4 -o addr show | grep -q " $address_ip/"; then break; fi
  sleep 5
done
ip -4 -o addr show | grep -q " $address_ip/"

# Credentials from the deployment's secret; they never appear in the template or user data.
secret=$(aws secretsmanager get-secret-value --secret-id '${CredentialsSecretArn}' --query SecretString --output text)
db_user=$(jq -r .username <<<"$secret")
db_password=$(jq -r .password <<<"$secret")
install -d -m 700 /etc/timescaledb
(
  umask 077
  printf 'POSTGRES_USER=%s\nPOSTGRES_PASSWORD=%s\nPOSTGRES_DB=%s\nPGDATA=/data/pgdata\n' "$db_user" "$db_password" '${DBName}' \
    >/etc/timescaledb/postgres.env
  printf 'DATA_SOURCE_NAME=postgresql://%s:%s@127.0.0.1:5432/postgres?sslmode=disable\n' "$db_user" "$db_password" \
    >/etc/timescaledb/exporter.env
)

# PostgreSQL with the TimescaleDB extension, in the versions of the stack's parameters.
engine='${DBEngineVersion}'
image="timescale/timescaledb:${DBTimescaleDBExtensionVersion}-pg$engine"
docker pull "$image"
pg_uid=$(docker run --rm --entrypoint id "$image" -u postgres)
pg_gid=$(docker run --rm --entrypoint id "$image" -g postgres)

# TLS: a self-signed certificate for this instance's DNS name, kept on the data volume. Clients
# connect with sslmode=require; pg_hba.conf refuses unencrypted connections from the network.
install -d -m 700 -o "$pg_uid" -g "$pg_gid" /data/tls
if [ ! -s /data/tls/server.crt ]; then
  openssl req -new -x509 -days 3650 -nodes -subj '/CN=${Address}' \
    -keyout /data/tls/server.key -out /data/tls/server.crt
fi
chown "$pg_uid:$pg_gid" /data/tls/server.key /data/tls/server.crt
chmod 600 /data/tls/server.key

# The settings are written on every boot, so an instance always runs with its release's.
install -d -m 755 /etc/timescaledb/conf
cat >/etc/timescaledb/conf/pg_hba.conf <<'HBA'
# TYPE   DATABASE     USER  ADDRESS        METHOD
local    all          all                  trust
host     all          all   127.0.0.1/32   scram-sha-256
hostssl  all          all   ${VpcCidr}     scram-sha-256
hostssl  replication  all   ${VpcCidr}     scram-sha-256
HBA
settings="-c listen_addresses=0.0.0.0 -c ssl=on -c ssl_cert_file=/data/tls/server.crt -c ssl_key_file=/data/tls/server.key"
settings="$settings -c hba_file=/etc/timescaledb/conf/pg_hba.conf -c password_encryption=scram-sha-256"
settings="$settings -c shared_preload_libraries=timescaledb -c wal_level=replica -c max_wal_senders=10 -c hot_standby=on"
if [ "$engine" = 12 ]; then
  settings="$settings -c wal_keep_segments=128"
else
  settings="$settings -c wal_keep_size=2048"
fi

start_postgres() {
  docker rm -f timescaledb >/dev/null 2>&1 || true
  # shellcheck disable=SC2086 # $settings holds several arguments
  docker run -d --name timescaledb --restart unless-stopped --network host --shm-size 1g \
    --env-file /etc/timescaledb/postgres.env -e POSTGRES_INITDB_ARGS=--auth-host=scram-sha-256 \
    -v /data:/data -v /etc/timescaledb/conf:/etc/timescaledb/conf:ro "$image" postgres $settings
  for attempt in $(seq 1 120); do
    if docker exec timescaledb pg_isready -q -h 127.0.0.1; then return 0; fi
    sleep 5
  done
  docker logs --tail 50 timescaledb >&2
  return 1
}
