
# Until 3.26.0 every container instance runs a UDP Gateway Server daemon on the host network.
# udp-gs-hosts: the private IPs of those hosts, to reach them with SSH from here.
cat > /usr/bin/udp-gs-hosts <<'SCRIPT'
#!/bin/bash
set -euo pipefail
. /etc/profile.d/tts.sh
aws ec2 describe-instances \
  --filters "Name=tag:Name,Values=$TTS_EXPORT_PREFIX-container-instance" "Name=instance-state-name,Values=running" \
  --query 'Reservations[].Instances[].PrivateIpAddress' --output text
SCRIPT
chmod 755 /usr/bin/udp-gs-hosts
