"""Round 106, a side reading (descriptive, spent exams 71-180, deciding nothing), after exam 180's samovar RAdam GRU
(+396%, picked at 0.05x: its no-warmup screen trained stably up to 16x the re-rank's b and first failed at 32x): does a
large gap between b and the lowest failed screen rung (f / b) say a 4x larger lifted pick (5.66 b behind 20%, read off
the full-length grids) would do better? Uses round 76's features. Run from the repository root:
    python benchmarks/results/experiments/round106/failure_gap.py > benchmarks/results/experiments/round106/failure_gap.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round76")
import low_misses as lm
rows = lm.features(71, 180)
print(len(rows), "short eval rows with the three pairs")
for lo, hi in [(0, 4.1), (4.1, 8.1), (8.1, 16.1), (16.1, 1e9)]:
    sel = [x for x in rows if lo <= (x["f_over_b"] or 1e8) < hi]
    if not sel: continue
    low = sum(x["ratio"] < 0.35 for x in sel)
    g = [x for x in sel if x["pick_read"] and x["up4_read"]]
    a = [x["pick_read"]/x["best"]-1 for x in g]; u = [x["up4_read"]/x["best"]-1 for x in g]
    print(f"f/b in [{lo},{hi}): {len(sel)} rows, low misses {low}, ratio median {statistics.median(x['ratio'] for x in sel):.2f}; grid reads {len(g)}: pick {statistics.median(a):+.1%}, 4x {statistics.median(u):+.1%}, better {sum(y<v-0.01 for v,y in zip(a,u))}, worse {sum(y>v+0.01 for v,y in zip(a,u))}")
