#!/usr/bin/env bash
# Benchmark (not a test): `ttsgen validate --all-versions` (render every release, parse every
# template back, check it alone and as a set) against a reference run in the same command:
# cfn-lint, in one call, over the very same templates (every template of every release).
# Reports the mean times and the ratio (findings do not stop it: it measures time, not results). Measure on an idle machine; other work on the 2 cores
# skews both sides.
# Usage: scripts/bench.sh [ttsgen binary]
#   RUNS=n       runs of ttsgen (default 10)
#   LINT_RUNS=n  runs of cfn-lint (default 2: one run over every template takes minutes)
set -euo pipefail
ttsgen=$(realpath "${1:-build/ttsgen}")
runs=${RUNS:-10}
lint_runs=${LINT_RUNS:-2}
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
command -v cfn-lint >/dev/null || { echo "cfn-lint is not installed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

releases=$("$ttsgen" versions --format json | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["releases"]))')
for v in $releases; do "$ttsgen" -q render --version "$v" --out "$work/t/$v"; done
find "$work/t" -name '*.gen.template' | sort > "$work/files"
count=$(wc -l < "$work/files")
bytes=$(cat $(cat "$work/files") | wc -c)
echo "templates: $count ($(echo $releases | wc -w) releases, $bytes bytes of YAML); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-json "$work/ttsgen.json" \
  -n "ttsgen validate --all-versions" "$ttsgen validate --all-versions"
hyperfine --runs "$lint_runs" --ignore-failure --export-json "$work/lint.json" \
  -n "cfn-lint (same $count templates, one call)" "cfn-lint --format parseable -- \$(cat $work/files)"

python3 - "$work/ttsgen.json" "$work/lint.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["results"][0]
c = json.load(open(sys.argv[2]))["results"][0]
print(f"\nttsgen validate --all-versions: {t['mean']:.3f} s ± {t['stddev'] or 0:.3f}")
print(f"cfn-lint on the same files:     {c['mean']:.3f} s ± {c['stddev'] or 0:.3f}")
print(f"ratio: ttsgen takes {t['mean'] / c['mean']:.3f} of cfn-lint's time ({c['mean'] / t['mean']:.1f}x faster)")
PY
