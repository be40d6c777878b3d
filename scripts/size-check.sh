#!/usr/bin/env bash
# The size budget (part of `make test`, after `make wasm`): the shipped wasm module and its JS
# glue, gzipped (-9), must fit in the number of bytes recorded in size-budget.txt.
# Prints both numbers; exits 1 when over. README "Size" explains the budget and how to change it.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in pkg/pith_bg.wasm pkg/pith.js; do
  [ -f "$f" ] || { echo "size-check: $f missing; run \`make wasm\` first" >&2; exit 1; }
done
budget=$(tr -d '[:space:]' < size-budget.txt)
case "$budget" in ''|*[!0-9]*) echo "size-check: size-budget.txt must hold one number of bytes" >&2; exit 1 ;; esac
wasm=$(gzip -9 -c pkg/pith_bg.wasm | wc -c)
glue=$(gzip -9 -c pkg/pith.js | wc -c)
total=$((wasm + glue))
printf 'size: %d bytes gzipped (wasm %d + JS glue %d); budget %d bytes (size-budget.txt)\n' \
  "$total" "$wasm" "$glue" "$budget"
if [ "$total" -gt "$budget" ]; then
  printf 'size: OVER BUDGET by %d bytes: cut the bytes (twiggy top pkg/pith_bg.wasm) or raise the budget with a reason in README\n' \
    "$((total - budget))" >&2
  exit 1
fi
