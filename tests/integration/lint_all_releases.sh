#!/usr/bin/env bash
# Runs cfn-lint over every distinct template of every supported release. A template names its
# release (Description, VersionTag, image tags); a stack the changelog does not touch differs from
# its predecessor only there, and no lint rule depends on those digits. So templates that are equal
# once their release string is masked are linted once. The distinct files are split into one group
# per CPU (LINT_JOBS, default: the number of CPUs, at most the number of files), balanced by size
# (the 5-4 templates dominate), and each group is linted by one cfn-lint process in a single call
# (its start-up, about 2 s, is paid once per process). Any finding of any process fails the run.
# Usage: lint_all_releases.sh <ttsgen binary>
set -euo pipefail
ttsgen=$1
work=$(mktemp -d)
pids=()  # the cfn-lint processes below: stopped if this script ends early
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

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

# Groups of about equal size, largest files first, each to the lightest group so far.
jobs=${LINT_JOBS:-$(nproc)}
python3 - "$work" "$jobs" <<'PY'
import os, sys
work, jobs = sys.argv[1], max(1, int(sys.argv[2]))
files = [line.strip() for line in open(os.path.join(work, "files")) if line.strip()]
jobs = min(jobs, len(files))
groups = [[] for _ in range(jobs)]
sizes = [0] * jobs
for f in sorted(files, key=os.path.getsize, reverse=True):
    i = sizes.index(min(sizes))
    groups[i].append(f)
    sizes[i] += os.path.getsize(f)
for i, g in enumerate(groups):
    with open(os.path.join(work, f"group-{i}.list"), "w") as out:
        out.write("\n".join(sorted(g)) + "\n")
PY
groups=$(find "$work" -maxdepth 1 -name 'group-*.list' | wc -l)
[ "$groups" -gt 0 ] || { echo "no templates to lint" >&2; exit 1; }
echo "cfn-lint: $groups processes in parallel"

# One cfn-lint call per group, in the background; each writes its findings and its exit status.
for group in "$work"/group-*.list; do
  (
    mapfile -t files < "$group"
    status=0
    cfn-lint --format parseable -- "${files[@]}" > "${group%.list}.out" 2>&1 || status=$?
    echo "$status" > "${group%.list}.status"
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

failed=0
for group in "$work"/group-*.list; do
  status=$(cat "${group%.list}.status")
  if [ "$status" -ne 0 ] || [ -s "${group%.list}.out" ]; then
    sed "s|$work/||g" "${group%.list}.out"
    echo "cfn-lint reported findings (exit $status) for $(wc -l < "$group") templates" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
echo "cfn-lint: no findings"
