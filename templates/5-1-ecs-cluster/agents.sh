
# Session Manager (the agent updates itself only when asked: yum update amazon-ssm-agent).
yum install -y amazon-ssm-agent
systemctl enable --now amazon-ssm-agent

# node_exporter for the monitoring stack (host metrics on port 9100).
systemctl start docker
docker run --detach --name node-exporter --restart always --net host --pid host \
  --volume /:/host:ro,rslave \
  quay.io/prometheus/node-exporter:v${NodeExporterVersion} --path.rootfs=/host
