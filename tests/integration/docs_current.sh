#!/usr/bin/env bash
# The committed generated documentation equals what ttsgen generates now:
#   docs/stacks/ == `ttsgen docs --out …` (same files, same bytes, nothing extra), and
#   docs/UPGRADING-<minor>.md == `ttsgen diff --minor <minor> --format markdown` for every
#   supported minor, with no UPGRADING file for another minor.
# Usage: docs_current.sh <ttsgen binary> <source folder>
set -euo pipefail
ttsgen=$(realpath "$1")
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

"$ttsgen" -q docs --out "$work/stacks"
if ! diff -ru "$src/docs/stacks" "$work/stacks"; then
  echo "docs/stacks/ is not current" >&2
  status=1
fi

minors=$("$ttsgen" versions | awk '{print $1}' | cut -d. -f1,2 | uniq)
mkdir -p "$work/upgrading"
for minor in $minors; do
  "$ttsgen" -q diff --minor "$minor" --format markdown > "$work/upgrading/UPGRADING-$minor.md"
done
mkdir -p "$work/committed"
cp "$src"/docs/UPGRADING-*.md "$work/committed/" 2>/dev/null || true
if ! diff -ru "$work/committed" "$work/upgrading"; then
  echo "docs/UPGRADING-*.md are not current" >&2
  status=1
fi

if [ $status -ne 0 ]; then
  echo "regenerate with scripts/update-docs.sh (or make docs) and review git diff docs" >&2
fi
exit $status
