#!/usr/bin/env bash
# Compares `ttsgen diff --from FROM --to TO --format FORMAT` with its golden file.
# Usage: golden_diff.sh <ttsgen binary> <golden-diff folder> <from> <to> <format>
set -euo pipefail
ttsgen=$1 dir=$2 from=$3 to=$4 format=$5
case $format in markdown) ext=md ;; text) ext=txt ;; json) ext=json ;; *) echo "bad format $format" >&2; exit 2 ;; esac
expected="$dir/${from}_${to}.$ext"
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$ttsgen" -q diff --from "$from" --to "$to" --format "$format" > "$actual"
if ! diff -u --label "$expected" --label "ttsgen diff --from $from --to $to --format $format" "$expected" "$actual"; then
  echo "golden diff output differs; after an intended change run 'make golden' and review git diff tests/golden-diff" >&2
  exit 1
fi
