"""Round 44 (descriptive, after exam 54): how often is a range test's first loss an outlier low against its next steps?

The blow-up test measures every probe against its first step's loss (3x for 10 steps: `spikes.divergence_step`, the
prober's `_blew_up`). Exam 54's bridge network starts on a batch whose loss is about 4x below the median of its first
ten, so every rung "diverged". This counts, over every committed exam recipe, the ratio median(first 10 losses) /
first loss of the range test (whose first steps run at LRs near 1e-7, so they are the untrained model's batch losses).

    python benchmarks/results/experiments/round44/first_loss.py > benchmarks/results/experiments/round44/first_loss.txt
"""
import glob
import json
import statistics

rows = []
for path in sorted(glob.glob("benchmarks/results/exam*/picks.*.recipes/*.json")):
    curve = ((json.load(open(path)).get("evidence") or {}).get("lr_range_test") or {}).get("curve") or {}
    losses = curve.get("loss") or []
    if len(losses) >= 10 and losses[0] > 0:
        rows.append((statistics.median(losses[:10]) / losses[0], path.split("results/", 1)[1]))
rows.sort(reverse=True)
print(f"{len(rows)} recipes with a range test; median(first 10) / first loss over 1.5x: {sum(r > 1.5 for r, _ in rows)}, "
      f"over 2x: {sum(r > 2 for r, _ in rows)}, over 3x: {sum(r > 3 for r, _ in rows)}")
for ratio, path in rows[:10]:
    print(f"{ratio:5.2f}  {path}")
