#!/usr/bin/env python3
"""Refits the positions' confidence model and embeds its weights (and the display threshold
chosen on dev) in src/positions.

Runs `pith train positions` on PolNeAR train (dev only for the report) and replaces the
CONFIDENCE_WEIGHTS array in the source. Usage, from the repository root after
`cargo build --release --bin pith`:

    python3 scripts/embed-confidence.py ../shared/eval/attribution
"""
import re
import subprocess
import sys
from pathlib import Path

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/attribution"
out = subprocess.run(
    ["./target/release/pith", "train", "positions", "--data", f"{data}/train", "--dev", f"{data}/dev"],
    capture_output=True, text=True, check=True,
).stdout
print(out)
array = re.search(r"const CONFIDENCE_WEIGHTS: \[f64; CONFIDENCE_FEATURES\] = \[\n(.*?)\n\];", out, re.S)
path = next(p for p in [Path("src/positions/confidence.rs"), Path("src/positions.rs")] if p.exists())
src = path.read_text()
new = re.sub(
    r"(const CONFIDENCE_WEIGHTS: \[f64; CONFIDENCE_FEATURES\] = \[\n).*?(\n\];)",
    lambda m: m.group(1) + array.group(1) + m.group(2),
    src, count=1, flags=re.S,
)
threshold = re.search(r"lowest threshold with P >= [0-9.]+: ([0-9.]+)", out)
if threshold:
    new = re.sub(
        r"pub const DISPLAY_CONFIDENCE: f64 = [0-9.]+;",
        f"pub const DISPLAY_CONFIDENCE: f64 = {threshold.group(1)};",
        new,
        count=1,
    )
path.write_text(new)
