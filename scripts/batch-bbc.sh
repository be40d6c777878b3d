#!/usr/bin/env bash
# Times `pith batch` over the 2225 BBC articles in ../shared/eval (skips when absent), with one
# worker thread and with all cores in the same run, and prints the ratio. Runs alternate (1, N,
# 1, N, ...) and the best of each is kept, so a burst of load from elsewhere on a shared machine
# hits both sides alike rather than one. Checks that both outputs are identical (input order).
# Usage: scripts/batch-bbc.sh [ROUNDS]   (builds the release CLI first; default 3 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
dir=../shared/eval/summaries/bbc/articles
if [ ! -d "$dir" ]; then echo "batch-bbc: $dir not found; skipped"; exit 0; fi
cargo build --release --quiet --bin pith
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$dir" > "$tmp/in.jsonl" <<'PY'
import json, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    text = p.read_bytes().decode("utf-8", errors="replace")
    print(json.dumps({"id": f"{p.parent.name}/{p.name}", "text": text}))
PY
cores=$(nproc)
for ((r = 0; r < rounds; r++)); do
  for t in 1 "$cores"; do
    start=$(date +%s.%N)
    ./target/release/pith batch --threads "$t" --input "$tmp/in.jsonl" > "$tmp/out-$t.jsonl" 2> /dev/null
    end=$(date +%s.%N)
    echo "$t $(python3 -c "print($end - $start)")" >> "$tmp/times"
  done
done
cmp -s "$tmp/out-1.jsonl" "$tmp/out-$cores.jsonl" || { echo "batch-bbc: outputs differ between 1 and $cores threads" >&2; exit 1; }
python3 - "$tmp/times" "$(wc -l < "$tmp/in.jsonl")" "$(wc -c < "$tmp/in.jsonl")" "$cores" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
times, n, size, cores, load = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
best = {}
for line in open(times):
    t, s = line.split()
    best[t] = min(best.get(t, float("inf")), float(s))
for t, s in best.items():
    print(f"pith batch --threads {t}: {n} articles, {size/1e6:.1f} MB of JSON lines in {s:.2f} s = {n/s:.0f} articles/s, {size/1e6/s:.1f} MB/s (best of the rounds)")
print(f"pith batch: {cores} threads are {best['1']/best[cores]:.2f}x faster than 1 (load average {load} at the end)")
PY
