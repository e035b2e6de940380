#!/usr/bin/env bash
# Regenerates tests/golden/<version>/ for every version in tests/golden/VERSIONS.
# Usage: scripts/update-golden.sh [path/to/ttsgen]   (default: build/ttsgen)
set -euo pipefail
cd "$(dirname "$0")/.."
ttsgen=${1:-build/ttsgen}
grep -E '^[0-9]' tests/golden/VERSIONS | while read -r version; do
  rm -rf "tests/golden/$version"
  "$ttsgen" -q render --version "$version" --out "tests/golden/$version"
done
git status --short tests/golden | head -50
echo "Golden files regenerated; review them with: git diff --stat tests/golden && git diff tests/golden"
