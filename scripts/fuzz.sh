#!/usr/bin/env bash
# Builds the libFuzzer target over the template readers with clang (tests/fuzz/, build-fuzz/) and
# runs it for a bounded time, seeded with every template of every release in YAML and JSON.
#   scripts/fuzz.sh TTSGEN [SECONDS]      (default 60 s; CI runs it through `make fuzz`)
# A finding fails the run; its input is left in build-fuzz/findings/: add it to
# tests/fuzz/regressions/ (see the README there) with the fix.
set -euo pipefail
ttsgen=$(realpath "$1")
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build-fuzz"
cmake -S "$root/tests/fuzz" -B "$out" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$out" -j "$(nproc)" >/dev/null

seeds="$out/seeds"
corpus="$out/corpus"
rm -rf "$seeds" "$out/findings" && mkdir -p "$seeds" "$corpus" "$out/findings"
for v in $("$ttsgen" versions); do
  for f in yaml json; do
    "$ttsgen" -q render --version "$v" --format "$f" --out "$seeds/$v-$f"
    for t in "$seeds/$v-$f"/*.gen.template; do cp "$t" "$seeds/$v-$f-$(basename "$t")"; done
    rm -rf "${seeds:?}/$v-$f"
  done
done
cp "$root"/tests/fuzz/regressions/* "$seeds/"
# Most templates are the same text in many releases: one seed per distinct text.
(cd "$seeds" && sha256sum -- * | sort -k1,1 | awk 'seen[$1]++ { print $2 }' | xargs -r rm --)
echo "fuzz: $(ls "$seeds" | wc -l) seed inputs; running fuzz_readers for ${seconds} s"

# -max_len: the biggest template; -rss_limit_mb and -timeout: a reader that needs more memory or
# time than this on one input is a finding (the limits in render.hpp keep a template far below).
max_len=$(find "$seeds" -type f -printf '%s\n' | sort -n | tail -n 1)
log="$out/fuzz.log"
status=0
"$out/fuzz_readers" "$corpus" "$seeds" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
grep -E "^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb" "$log" || true
if [ "$status" -ne 0 ] || [ -n "$(ls -A "$out/findings")" ]; then
  tail -n 40 "$log"
  echo "fuzz: FINDING (exit $status); inputs in $out/findings/" >&2
  exit 1
fi
echo "fuzz: no finding"
