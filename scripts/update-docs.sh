#!/usr/bin/env bash
# Regenerates the generated documentation:
#   docs/stacks/            `ttsgen docs` of the newest release (index README.md + a page per stack)
#   docs/UPGRADING-3.x.md   `ttsgen diff --minor 3.x --format markdown` for every supported minor
# The ctest test docs_current fails until this has been run after a change of the templates.
# Usage: scripts/update-docs.sh [path/to/ttsgen]   (default: build/ttsgen)
set -euo pipefail
cd "$(dirname "$0")/.."
ttsgen=${1:-build/ttsgen}
rm -rf docs/stacks
"$ttsgen" -q docs --out docs/stacks
rm -f docs/UPGRADING-*.md
for minor in $("$ttsgen" versions | awk '{print $1}' | cut -d. -f1,2 | uniq); do
  "$ttsgen" -q diff --minor "$minor" --format markdown > "docs/UPGRADING-$minor.md"
done
git status --short docs | head -50
echo "Documentation regenerated; review it with: git diff --stat docs && git diff docs"
