"""Round 52, part 3 (spent exams 55-62's long plans re-probed, read off their grids; deciding nothing): does a second
data order in the re-rank (`warmfind probe --seeds 2`, every re-rank candidate run twice and averaged) rank long plans
better? Picks were made at `64c5ec0` with one data order (`examN.seeds1.jsonl`) and two (`examN.seeds2.jsonl`):
    python benchmarks/exam.py --registry examN_workloads --results /tmp/r52s/examN --make-picks OUT --only NAMES@long [--probe-args --seeds 2]
and the recorded first-scoring pick (A) stands beside them. Run from the repository root:
    python benchmarks/results/experiments/round52/seeds2/compare.py > benchmarks/results/experiments/round52/seeds2/compare.txt
"""
import json, statistics, sys
from pathlib import Path
sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import recorded, grid_means, loss_at
R = Path("benchmarks/results/experiments/round52/seeds2")
def picks(n, tag):
    f = R / f"exam{n}.{tag}.jsonl"
    return {(p["name"], p["data"]): p for p in map(json.loads, f.read_text().splitlines())} if f.exists() else {}
out = {d: [] for d in ("eval", "no-eval")}
costs = {"seeds1": [], "seeds2": []}
for exam, score, r, f in recorded(exams=set(range(55, 63))):
    if not r["long"]:
        continue
    n = int(exam.split()[-1]); key = (r["workload"], r["data"])
    s1, s2 = picks(n, "seeds1").get(key), picks(n, "seeds2").get(key)
    if not s1 or not s2 or r["pick"].get("lr") is None:
        continue
    grid = grid_means(score.parent, r["workload"]); best = r["best"]["loss"]
    vals = []
    for lr, ws in ((r["pick"]["lr"], r["pick"]["warmup_steps"]), (s1["peak_lr"], s1["warmup_steps"]), (s2["peak_lr"], s2["warmup_steps"])):
        v = loss_at(grid, lr, (ws or 0) / r["total_steps"]) if lr else None
        vals.append(None if v is None else v / best - 1)
    if None in vals:
        print("off grid:", exam, key, vals); continue
    out[r["data"]].append((exam, r["workload"], *vals, s1["peak_lr"], s2["peak_lr"], r["best"]["lr"]))
    costs["seeds1"].append(s1["probe_steps"] / s1["total_steps"]); costs["seeds2"].append(s2["probe_steps"] / s2["total_steps"])
f = lambda v: f"{statistics.median(v):+6.1%} in3 {sum(t <= 0.03 for t in v):>2} over8 {sum(t > 0.08 for t in v):>2}"
for d, rows in out.items():
    print(f"{d}: {len(rows)} rows; A (recorded) {f([x[2] for x in rows])} | seeds1 {f([x[3] for x in rows])} | seeds2 {f([x[4] for x in rows])}; "
          f"seeds2 better than seeds1 by >1pt on {sum(x[4] < x[3] - 0.01 for x in rows)}, worse on {sum(x[4] > x[3] + 0.01 for x in rows)}")
    for x in rows:
        print(f"   {x[0]:<8} {x[1]:<34} A {x[2]:+7.1%} s1 {x[3]:+7.1%} s2 {x[4]:+7.1%}   lr s1/best {x[5]/x[7]:.2f} s2/best {x[6]/x[7]:.2f}")
print("cost (runs) median:", {k: round(statistics.median(v), 2) for k, v in costs.items() if v})
