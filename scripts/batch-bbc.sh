#!/usr/bin/env bash
# Times `pith batch` over the 2225 BBC articles in ../shared/eval (skips when absent).
# Usage: scripts/batch-bbc.sh   (builds the release CLI first)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=../shared/eval/summaries/bbc/articles
if [ ! -d "$dir" ]; then echo "batch-bbc: $dir not found; skipped"; exit 0; fi
cargo build --release --quiet --bin pith
jsonl=$(mktemp)
trap 'rm -f "$jsonl"' EXIT
python3 - "$dir" > "$jsonl" <<'PY'
import json, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    text = p.read_bytes().decode("utf-8", errors="replace")
    print(json.dumps({"id": f"{p.parent.name}/{p.name}", "text": text}))
PY
n=$(wc -l < "$jsonl"); bytes=$(wc -c < "$jsonl")
start=$(date +%s.%N)
./target/release/pith batch < "$jsonl" > /dev/null
end=$(date +%s.%N)
python3 -c "
s=$end-$start; n=$n; b=$bytes
print(f'pith batch: {n} articles, {b/1e6:.1f} MB of JSON lines in {s:.2f} s = {n/s:.0f} articles/s, {b/1e6/s:.1f} MB/s')"
