#!/usr/bin/env bash
# Runs cfn-lint once over every distinct template of every supported release. A template names its
# release (Description, VersionTag, image tags); a stack the changelog does not touch differs from
# its predecessor only there, and no lint rule depends on those digits. So templates that are equal
# once their release string is masked are linted once, in a single cfn-lint call (its start-up,
# about 2 s, is paid once).
# Usage: lint_all_releases.sh <ttsgen binary>
set -euo pipefail
ttsgen=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v cfn-lint >/dev/null || { echo "cfn-lint is not installed; it is required (never skipped)" >&2; exit 1; }

releases=$("$ttsgen" versions --format json | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["releases"]))')
for v in $releases; do
  "$ttsgen" -q render --version "$v" --out "$work/$v"
done

# One path per distinct content with the release string masked.
python3 - "$work" $releases > "$work/files" <<'PY'
import hashlib, json, os, sys
work, releases = sys.argv[1], sys.argv[2:]
seen = {}
for v in releases:
    for t in json.load(open(os.path.join(work, v, "manifest.json")))["templates"]:
        path = os.path.join(work, v, t["file"])
        masked = open(path, encoding="utf-8").read().replace(v, "0.0.0")
        seen.setdefault(hashlib.sha256(masked.encode()).hexdigest(), path)
print("\n".join(sorted(seen.values())))
PY
total=$(find "$work" -name '*.gen.template' | wc -l)
distinct=$(wc -l < "$work/files")
echo "cfn-lint: $distinct distinct templates (of $total rendered over $(echo $releases | wc -w) releases)"

status=0
mapfile -t files < "$work/files"
output=$(cfn-lint --format parseable -- "${files[@]}" 2>&1) || status=$?
if [ "$status" -ne 0 ] || [ -n "$output" ]; then
  echo "$output" | sed "s|$work/||g"
  echo "cfn-lint reported findings (exit $status)" >&2
  exit 1
fi
echo "cfn-lint: no findings"
