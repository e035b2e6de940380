#!/usr/bin/env bash
# Installs the Debian packages ttsgen builds and tests with, if any is missing (Debian 12).
# cfn-lint, moto_server and the aws CLI come with the machine image; they are checked, not installed.
set -euo pipefail
packages=(cmake g++ make libyaml-cpp-dev libyaml-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev catch2 python3
          clang libclang-rt-14-dev)  # clang and its libFuzzer runtime: scripts/fuzz.sh
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
for tool in cfn-lint moto_server aws; do
  command -v "$tool" >/dev/null || echo "warning: $tool is not on PATH; the tests that use it will fail" >&2
done
