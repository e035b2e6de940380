#!/usr/bin/env bash
# Renders every release twice, from different working directories, time zones and locales, in
# both formats, and requires identical bytes.
# Usage: determinism.sh <ttsgen binary>
set -euo pipefail
ttsgen=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a/deep/cwd" "$work/b"

releases=$("$ttsgen" versions --format json | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["releases"]))')
for v in $releases; do
  for f in yaml json; do
    (cd "$work/a/deep/cwd" && TZ=Pacific/Kiritimati LC_ALL=C LANG=C "$ttsgen" -q render --version "$v" --format $f --out "$work/first/$f/$v")
    (cd "$work/b" && TZ=America/St_Johns LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 "$ttsgen" -q render --version "$v" --format $f --out ../second/$f/$v)
  done
done
diff -r "$work/first" "$work/second"
echo "identical: $(find "$work/first" -type f | wc -l) files"
