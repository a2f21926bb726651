"""Exams 51-52's pre-registered checks (`../../exam51_preregistration.md`): on the pair's rows pooled, per plan length and
data regime, is warmfind (set A) within 3% on at least as many rows as the plain T/5 grid's argmin (check 1), is its
median regret no higher (check 2), and are there 0 divergences (check 3)? Reads each exam's committed first scoring.

    python benchmarks/results/experiments/round39/checks.py 51 52 > benchmarks/results/exam51_checks.md
"""
import glob
import json
import statistics
import sys

exams = [int(a) for a in sys.argv[1:]]
rows = []
for exam in exams:
    (path,) = [f for f in glob.glob(f"benchmarks/results/exam{exam}/score.*.json") if f.count(".") == 2]
    rows += json.load(open(path))["rows"]
print(f"# Exams {'-'.join(map(str, exams))}: the pre-registered checks, on their first scorings\n")
print(f"Command: `python benchmarks/results/experiments/round39/checks.py {' '.join(map(str, exams))}`.\n")
print("| plans | data | rows | median: warmfind / plain T/5 grid | within 3%: warmfind / grid | 1 (within 3%) | 2 (median) "
      "| 3: divergences |")
print("|---|---|---|---|---|---|---|---|")
for long in (False, True):
    for data in ("eval", "no-eval"):
        group = [r for r in rows if r["long"] == long and r["data"] == data]
        mine = [r["pick"]["regret"] for r in group]
        grid = [r["plain"]["regret"] for r in group]
        within, grid_within = sum(x <= 0.03 for x in mine), sum(x <= 0.03 for x in grid)
        median, grid_median = statistics.median(mine), statistics.median(grid)
        diverged = sum(bool(r["pick"]["diverged"]) for r in group)
        no_pick = sum(bool(r["pick"].get("no_recommendation")) for r in group)  # regret inf: a miss
        print(f"| {'long' if long else 'short'} | {data} | {len(group)} | {median:+.1%} / {grid_median:+.1%} | {within} / "
              f"{grid_within} | {'held' if within >= grid_within else 'not held'} | "
              f"{'held' if median <= grid_median else 'not held'} | {diverged}{f' ({no_pick} without a pick)' if no_pick else ''} |")
