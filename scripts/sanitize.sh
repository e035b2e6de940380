#!/usr/bin/env bash
# The unit tests (and the fuzz regressions among them) built with AddressSanitizer and
# UndefinedBehaviorSanitizer in a second build tree, build-asan/ (core library and unit tests only).
#   scripts/sanitize.sh            (CI runs it through `make sanitize`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build-asan"
cmake -S "$root" -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTTSGEN_SANITIZE=ON >/dev/null
cmake --build "$out" -j "$(nproc)" --target unit_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$out/tests/unit_tests" --order rand --rng-seed 1
