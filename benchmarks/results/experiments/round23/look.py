"""Round 23: an upper bound for a "longer look": when a stable re-rank candidate at a larger LR than the pick scored within
BAND of it, an oracle takes the better of the two at full length (grid-interpolated). A real second look at 2T/3
would capture part of this, for about 1.3 more runs where it fires. Run from the repository root:
    python benchmarks/results/experiments/round23/look.py > benchmarks/results/experiments/round23/look.txt
"""
import json, statistics, sys
sys.path.insert(0, "benchmarks"); sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import grid_means, loss_at, quality, recorded
for band in (0.02, 0.03, 0.05, 0.10):
    res = {"eval": [], "no-eval": []}; fired = {"eval": 0, "no-eval": 0}
    for exam, score, r, f in recorded(short_only=True):
        rec = json.loads(f.read_text()); total = rec["recommendation"]["total_steps"]
        grid = grid_means(score.parent, r["workload"]); best = r["best"]["loss"]
        def est(lr, wf):
            v = loss_at(grid, lr, wf)
            return None if v is None else v / best - 1
        rr = [p for p in rec["evidence"]["probes"] if p["stage"] == "rerank" and not p["failed"] and p["diverged_step"] is None]
        plr, pw = r["pick"]["lr"], rec["recommendation"]["warmup_steps"] / total
        pq = min((quality(p) for p in rr if abs(p["peak_lr"] / plr - 1) < 0.01), default=None)
        if pq is None: pq = min(quality(p) for p in rr)
        up = [p for p in rr if p["peak_lr"] > plr * 1.01 and quality(p) <= pq * (1 + band)]
        a = est(plr, pw)
        if a is None: continue
        b = a
        if up:
            u = max(up, key=lambda p: p["peak_lr"]); bu = est(u["peak_lr"], round(u["warmup_steps"] / u["horizon"], 2))
            if bu is not None:
                fired[r["data"]] += 1; b = min(a, bu)
        res[r["data"]].append((a, b))
    for d, v in res.items():
        a = [x[0] for x in v]; b = [x[1] for x in v]
        print(f"band {band:.0%} {d:<8} fired {fired[d]:>2}/{len(v)}: median {statistics.median(a):+.2%} -> {statistics.median(b):+.2%}, mean {statistics.mean(a):+.2%} -> {statistics.mean(b):+.2%}, within 3% {sum(t<=0.03 for t in a)} -> {sum(t<=0.03 for t in b)}, 90th {sorted(a)[int(.9*len(a))]:+.1%} -> {sorted(b)[int(.9*len(b))]:+.1%}")
