#!/usr/bin/env bash
# `make spark-demo`: the BBC articles (../shared/eval/summaries/bbc/articles, 2225 files; skipped
# when absent) as JSON lines through examples/spark/pith_batch.py, Spark in local mode on every
# core; checks that there are as many output records as input records, with the same ids.
# Installs a JRE (Debian) and pyspark (PyPI) first when missing: scripts/bootstrap.sh spark.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=../shared/eval/summaries/bbc/articles
if [ ! -d "$dir" ]; then echo "spark-demo: $dir not found; skipped"; exit 0; fi
bash scripts/bootstrap.sh spark
venv=${PITH_SPARK_VENV:-$HOME/.cache/pith/spark-venv}
cargo build --release --quiet --bin pith
work=target/spark-demo
rm -rf "$work" && mkdir -p "$work"
python3 - "$dir" > "$work/in.jsonl" <<'PY'
import json, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    text = p.read_bytes().decode("utf-8", errors="replace")
    print(json.dumps({"id": f"{p.parent.name}/{p.name}", "text": text}))
PY
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"
start=$(date +%s.%N)
"$venv/bin/spark-submit" --master "local[$(nproc)]" --conf spark.ui.enabled=false \
  --files target/release/pith examples/spark/pith_batch.py \
  --input "$work/in.jsonl" --output "$work/out" --partitions 8 2> "$work/spark.log" \
  || { tail -30 "$work/spark.log" >&2; exit 1; }
end=$(date +%s.%N)
python3 - "$work/in.jsonl" "$work/out" "$(python3 -c "print($end - $start)")" <<'PY'
import json, pathlib, sys
ids_in = [json.loads(l)["id"] for l in open(sys.argv[1])]
rows = [json.loads(l) for p in sorted(pathlib.Path(sys.argv[2]).glob("part-*")) for l in open(p)]
errors = sum("error" in r for r in rows)
print(f"spark-demo: {len(ids_in)} records in, {len(rows)} out ({errors} errors) in {float(sys.argv[3]):.1f} s "
      f"(Spark local mode, JSON lines in {sys.argv[2]})")
if len(rows) != len(ids_in) or [r.get("id") for r in rows] != ids_in:
    sys.exit("spark-demo: the output records are not the input records")
PY
