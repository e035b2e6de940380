#!/usr/bin/env bash
# Regenerates tests/golden/<version>/ for every version in tests/golden/VERSIONS, and the pinned
# diff outputs tests/golden-diff/<from>_<to>.<md|txt|json> for every line of tests/golden-diff/PAIRS.
# Usage: scripts/update-golden.sh [path/to/ttsgen]   (default: build/ttsgen)
set -euo pipefail
cd "$(dirname "$0")/.."
ttsgen=${1:-build/ttsgen}
grep -E '^[0-9]' tests/golden/VERSIONS | while read -r version; do
  rm -rf "tests/golden/$version"
  "$ttsgen" -q render --version "$version" --out "tests/golden/$version"
done
grep -E '^[0-9]' tests/golden-diff/PAIRS | while read -r from to format; do
  case $format in markdown) ext=md ;; text) ext=txt ;; json) ext=json ;; esac
  "$ttsgen" -q diff --from "$from" --to "$to" --format "$format" > "tests/golden-diff/${from}_${to}.$ext"
done
git status --short tests/golden tests/golden-diff | head -50
echo "Golden files regenerated; review them with: git diff --stat tests/golden tests/golden-diff && git diff tests/golden tests/golden-diff"
