"""Round 93 (descriptive, spent exams 139-148, deciding nothing): the Adagrad long picks as the product ships them
(round 84: sqrt(2) x the re-rank's best), read off the full-length grids (round 23's interpolation in log LR at the
pick's warmup, seeds 0 and 1) at k x the pick: is a larger Adagrad share a candidate? Read-offs run about two points
high and mislead across cliffs. Run from the repository root:
    python benchmarks/results/experiments/round93/readoff.py > benchmarks/results/experiments/round93/readoff.txt
"""
import math, statistics, sys, json, glob
from pathlib import Path
sys.path[:0] = [".", "benchmarks/results/experiments/round23", "benchmarks/results/experiments/round56"]
from coverage import loss_at, picked
from offline import optimizer_name, measured_choice
F = (2**-0.5, 1.0, 2**0.25, 2**0.5, 2.0)
rows = []
for exam, r, rec, total, wf, grid, best in picked():
    n = int(exam.split()[-1])
    if n < 139 or not r["long"]: continue
    if "adagrad" not in r["optimizer"]: continue
    ch = measured_choice(rec, "halving")
    share = r["pick"]["lr"] / ch[0] if ch else None
    read = [loss_at(grid, k * r["pick"]["lr"], wf) for k in F]
    if None in read: print("skip", n, r["workload"]); continue
    rows.append((n, r["data"], r["workload"], share, r["pick"]["lr_ratio"], [v / best - 1 for v in read]))
for data in ("eval", "no-eval"):
    g = [x for x in rows if x[1] == data]
    print(data, len(g), "shares", sorted({round(x[3],3) if x[3] else None for x in g}, key=str))
    for x in g: print(f"   {x[0]} {x[2]:<40} {x[4]:.2f} " + " ".join(f"{v:+7.1%}" for v in x[5]))
    for i, k in enumerate(F):
        v = [x[5][i] for x in g]; b = [x[5][1] for x in g]
        print(f"  {k:4.2f}x median {statistics.median(v):+6.1%} within3 {sum(x<=.03 for x in v)} over8 {sum(x>.08 for x in v)} inf {sum(math.isinf(x) for x in v)} better {sum(a<c-.01 for a,c in zip(v,b))} worse {sum(a>c+.01 for a,c in zip(v,b))}")
