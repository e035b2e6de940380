# tts-start: the entry point of every container of The Things Stack in the ECS stacks (5-2, 5-3a,
# 5-3c, 5-4). It turns what the task definition gives into configuration files and TTN_LW_*
# variables, then runs the command with those files. The task definition runs it as
#   EntryPoint: ["/bin/sh", "-c", <this script>, "tts-start"]
#   Command:    ["tti-lw-stack", "start", "gs"]        (ops run-task overrides: ["tti-lw-stack", "is-db", "migrate"])
# The contract is described once, in docs/decisions-config.md ("How a container gets its
# configuration and secrets"). Comment lines are dropped from the copy in the task definitions.
#
#   TTS_CONFIG_DOCUMENTS   the configuration documents, in order, e.g. "GLOBAL GS RATE_LIMITING";
#   TTS_CONFIG_<DOC>       each document (Secrets: ValueFrom its SSM parameter of 4-2a/4-2b/4-2c);
#   TTS_DATABASES          database keys, e.g. "IS": TTS_<KEY>_DATABASE_HOST, _PORT, _NAME
#                          (Environment) and _USERNAME, _PASSWORD (Secrets) make
#                          TTN_LW_<KEY>_DATABASE_URI; TTS_<KEY>_DATABASE_READ_HOST, when set, also
#                          TTN_LW_<KEY>_READ_DATABASE_URI (the read replicas);
#   TTS_SERVICE_DISCOVERY_NAMESPACE  the Cloud Map namespace of 5-1: each cluster address the task
#                          does not set is TTN_LW_CLUSTER_<COMPONENT>=<name>.<namespace>:1884;
#   TTS_FILES              settings whose value is a file, e.g. "TTGC_TLS_CERTIFICATE": the base64
#                          TTS_FILE_<KEY> (Secrets) is decoded into a file and TTN_LW_<KEY> names it;
#                          an empty value is left out.
# Every other TTN_LW_* variable of the task is read by The Things Stack itself.
set -eu
umask 077

# The command names the program, as the documented run-task overrides do.
if [ "${1:-}" = tti-lw-stack ]; then shift; fi

# What the task gave, or a clear error (printenv fails for a variable that is not set).
given() {
  printenv "$1" || { echo "tts-start: $1 is not set in the task definition" >&2; exit 1; }
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/tts-start.XXXXXX")

# The configuration documents: one --config each, later files override earlier ones key by key.
# The paths have no blanks, so the list is split on blanks below.
config=""
for doc in ${TTS_CONFIG_DOCUMENTS:?tts-start: TTS_CONFIG_DOCUMENTS is not set in the task definition}; do
  given "TTS_CONFIG_$doc" > "$dir/$doc.yml"
  unset "TTS_CONFIG_$doc"
  config="$config --config $dir/$doc.yml"
done

# The databases: PostgreSQL URIs with TLS (Aurora forces it; TimescaleDB accepts TLS only). The
# user names and passwords of the data stacks are letters, digits and _ . ~ -, which a URI
# carries without escaping.
# (Values are assigned before use: a failed $(…) inside an argument would go unnoticed.)
uri() {
  user=$(given "TTS_$1_DATABASE_USERNAME")
  password=$(given "TTS_$1_DATABASE_PASSWORD")
  port=$(given "TTS_$1_DATABASE_PORT")
  name=$(given "TTS_$1_DATABASE_NAME")
  printf 'postgres://%s:%s@%s:%s/%s?sslmode=require' "$user" "$password" "$2" "$port" "$name"
}
for key in ${TTS_DATABASES:-}; do
  host=$(given "TTS_${key}_DATABASE_HOST")
  value=$(uri "$key" "$host")
  export "TTN_LW_${key}_DATABASE_URI=$value"
  read_host=$(printenv "TTS_${key}_DATABASE_READ_HOST" || true)
  if [ -n "$read_host" ]; then
    value=$(uri "$key" "$read_host")
    export "TTN_LW_${key}_READ_DATABASE_URI=$value"
  fi
  unset "TTS_${key}_DATABASE_USERNAME" "TTS_${key}_DATABASE_PASSWORD"
done

# The other components of the cluster, by their Cloud Map names (docs/decisions-ecs.md). The task
# sets an address itself where it differs (the Identity Server of a secondary cluster).
namespace=${TTS_SERVICE_DISCOVERY_NAMESPACE:?tts-start: TTS_SERVICE_DISCOVERY_NAMESPACE is not set in the task definition}
for peer in IDENTITY_SERVER:is GATEWAY_SERVER:gs NETWORK_SERVER:ns APPLICATION_SERVER:as JOIN_SERVER:js \
  DEVICE_REPOSITORY:as QR_CODE_GENERATOR:as DEVICE_TEMPLATE_CONVERTER:as GATEWAY_CONFIGURATION_SERVER:gcs \
  DEVICE_CLAIMING_SERVER:dcs PACKET_BROKER_AGENT:pba NETWORK_OPERATIONS_CENTER:noc TENANT_BILLING_SERVER:tbs; do
  variable="TTN_LW_CLUSTER_${peer%%:*}"
  if [ -z "$(printenv "$variable" || true)" ]; then export "$variable=${peer#*:}.$namespace:1884"; fi
done

# Settings whose value is a file.
for key in ${TTS_FILES:-}; do
  value=$(printenv "TTS_FILE_$key" || true)
  unset "TTS_FILE_$key"
  if [ -z "$value" ]; then continue; fi
  printf '%s' "$value" | base64 -d > "$dir/$key"
  export "TTN_LW_$key=$dir/$key"
done

# shellcheck disable=SC2086 # $config is a list of --config options, split on purpose
exec tti-lw-stack $config "$@"
