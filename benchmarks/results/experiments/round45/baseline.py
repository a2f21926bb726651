"""Round 45 (measured before shipping the blow-up baseline fix): what the new start level changes on recorded exams.

Two changes, both from exam 54's bridge network (per-batch loss spread ~20x at init, first batch one of the smallest):
  1. the range test's divergence cut (`lr_range.divergence_index`) no longer counts the first RANGE_SKIP_START points
     of the bias-corrected EMA as its "best" (settle=10);
  2. probes measure a blow-up against the untrained model's mean loss over its first START_LOSS_BATCHES batches, not
     the first batch's loss alone (`spikes.start_level`). Recipes record no per-step probe losses, so (2) is sized by
     the range test's own proxy: sweep_start (the mean of its first 10 losses, LRs ~1e-7) / its first loss.

Every committed exam recipe's range test is re-analysed with settle=0 (the old cut) and settle=10 (the new one); rows
where the cut's LR moved start the screen ladder elsewhere and must be re-probed to know their new pick.

    python benchmarks/results/experiments/round45/baseline.py > benchmarks/results/experiments/round45/baseline.txt
"""
import glob
import json
import math

from warmfind import defaults
from warmfind.analysis.lr_range import divergence_index, sweep_start
from warmfind.analysis.smoothing import ema

rows, moved, line = 0, [], []
for path in sorted(glob.glob("benchmarks/results/exam*/picks.*.recipes/*.json")):
    curve = ((json.load(open(path)).get("evidence") or {}).get("lr_range_test") or {}).get("curve") or {}
    lrs, losses = curve.get("lr") or [], curve.get("loss") or []
    if len(losses) < 2:
        continue
    rows += 1
    smoothed = ema(losses, defaults.SMOOTHING_BETA)
    old, new = divergence_index(smoothed), divergence_index(smoothed, settle=defaults.RANGE_SKIP_START)
    name = path.split("results/", 1)[1]
    if old != new:
        at = lambda i: f"{lrs[i]:.3g}" if i is not None else "none"  # noqa: E731
        moved.append(f"  {name}: cut at {at(old)} -> {at(new)}")
    if math.isfinite(losses[0]) and losses[0] > 0:
        line.append((sweep_start(losses) / losses[0], name))
print(f"{rows} recorded range tests (exam picks, both regimes).")
print(f"(1) the divergence cut moved on {len(moved)}:")
print("\n".join(moved) or "  none")
line.sort()
for lo, hi in ((0.0, 0.8), (0.8, 0.9), (0.9, 1.1), (1.1, 1.25), (1.25, 2.0), (2.0, math.inf)):
    print(f"(2) start level / first loss in [{lo}, {hi}): {sum(lo <= r < hi for r, _ in line)}")
print("the ten largest and five smallest ratios:")
for r, name in line[::-1][:10] + line[:5]:
    print(f"  {r:5.2f}  {name}")
