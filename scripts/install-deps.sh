#!/usr/bin/env bash
# Installs the Debian packages ttsgen builds and tests with, if any is missing (Debian 12).
# cfn-lint, moto_server and the aws CLI are Python tools from PyPI (Debian packages none of the three
# in the versions the tests need); they are checked, and where one is missing this says how to get it.
set -euo pipefail
packages=(cmake g++ make libyaml-cpp-dev libyaml-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev catch2 python3
          clang libclang-rt-14-dev       # clang and its libFuzzer runtime: scripts/fuzz.sh
          lintian dpkg-dev zsh bash-completion groff-base man-db gzip)  # the package, man page and completion tests
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
# The versions the suite is known to pass with (the ones on the CI machine).
declare -A pip_package=([cfn-lint]="cfn-lint==1.51.0" [moto_server]="moto[server]==5.2.1" [aws]="awscli==1.45.11")
absent=()
for tool in cfn-lint moto_server aws; do
  command -v "$tool" >/dev/null || absent+=("${pip_package[$tool]}")
done
if [ ${#absent[@]} -gt 0 ]; then
  cat >&2 <<MSG
warning: not on PATH: ${absent[*]%%=*}. The lint, e2e, publish and ci_recipes tests need them.
They come from PyPI in these versions (Debian 12 packages older ones, or none); install them into a Python 3.11 environment, e.g.
    python3 -m venv ~/.venvs/ttsgen && . ~/.venvs/ttsgen/bin/activate
    pip install $(printf "'%s' " "${absent[@]}")boto3==1.43.11
then configure the build from that shell (CMake then runs the tests with the environment's Python).
MSG
fi
