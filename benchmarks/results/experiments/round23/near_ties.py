"""Round 23 (recorded data only): how often the re-rank's measured best has a near-tie, a stable candidate at an LR
at least 1.9x away (either side) within 1% of its ranking loss, and how the full run (grid-interpolated) ordered the
two. The basis of the recipe's `near-tie` advice. Run from the repository root:
    python benchmarks/results/experiments/round23/near_ties.py > benchmarks/results/experiments/round23/near_ties.txt
"""
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
sys.path.insert(0, str(Path(__file__).parent))
from coverage import grid_means, loss_at, quality, recorded  # noqa: E402

BAND, APART = 0.01, 1.9


counts = {}
for exam, score, r, f in recorded():
    rr = [p for p in json.loads(f.read_text())["evidence"]["probes"]
          if p["stage"] == "rerank" and not p["failed"] and p["diverged_step"] is None]
    if len(rr) < 2:
        continue
    best = min(rr, key=quality)
    ties = [p for p in rr if quality(p) <= quality(best) * (1 + BAND)
            and max(p["peak_lr"] / best["peak_lr"], best["peak_lr"] / p["peak_lr"]) >= APART]
    key = ("long" if r["long"] else "short", r["data"])
    c = counts.setdefault(key, {"rows": 0, "tied": 0, "other better": 0, "other worse": 0, "even": 0,
                                "larger better": 0, "larger worse": 0})
    c["rows"] += 1
    if not ties:
        continue
    c["tied"] += 1
    grid = grid_means(score.parent, r["workload"])

    def est(p):
        return loss_at(grid, p["peak_lr"], round(p["warmup_steps"] / p["horizon"], 2))

    other = max(ties, key=lambda p: abs(math.log(p["peak_lr"] / best["peak_lr"])))
    a, b = est(best), est(other)
    if a is None or b is None:
        continue
    d = b / a - 1
    c["other better" if d < -0.01 else "other worse" if d > 0.01 else "even"] += 1
    if other["peak_lr"] > best["peak_lr"]:
        c["larger better" if d < -0.01 else "larger worse" if d > 0.01 else "even"] += 0
        c["larger better"] += d < -0.01
        c["larger worse"] += d > 0.01
    else:
        c["larger better"] += d > 0.01
        c["larger worse"] += d < -0.01
for k, c in sorted(counts.items()):
    print(f"{k[0]:<6}{k[1]:<8} rows {c['rows']:>3}; a near-tie (another stable candidate >= {APART}x away within "
          f"{BAND:.0%}): {c['tied']:>2}; at full length the other one better by > 1 point {c['other better']}, worse "
          f"{c['other worse']}, within a point {c['even']}; the larger LR of the two better {c['larger better']}, worse {c['larger worse']}")
