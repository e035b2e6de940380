
# Metrics for the monitoring stack: node_exporter (port 9100) and postgres_exporter (port 9187).
docker rm -f node-exporter postgres-exporter >/dev/null 2>&1 || true
docker run -d --name node-exporter --restart unless-stopped --network host --pid host -v /:/host:ro,rslave \
  'quay.io/prometheus/node-exporter:v${NodeExporterVersion}' --path.rootfs=/host
docker run -d --name postgres-exporter --restart unless-stopped --network host --env-file /etc/timescaledb/exporter.env \
  'quay.io/prometheuscommunity/postgres-exporter:v${PostgresExporterVersion}'

signal 0
