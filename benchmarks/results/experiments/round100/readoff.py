"""Round 100's motive on spent exams (descriptive, deciding nothing): the Adagrad long picks as the product ships them
since round 84 (sqrt(2) x the re-rank's best), exams 139-170's pooled first scorings, read off the full-length grids
(round 23's interpolation in log LR, mean of seeds 0 and 1, at the pick's warmup) at 1x, 2^(1/4)x, 2^(1/2)x (the
re-rank's best x 2) and 2x. Nothing is re-run. Run from the repository root:
    python benchmarks/results/experiments/round100/readoff.py > benchmarks/results/experiments/round100/readoff.txt
"""
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402

FACTORS = (1.0, 2 ** 0.25, 2 ** 0.5, 2.0)


def main() -> None:
    rows = {"eval": [], "no-eval": []}
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(139, 171))):  # as read after exam 170
        if not r["long"] or "adagrad" not in r["optimizer"].lower():
            continue
        read = [loss_at(grid, k * r["pick"]["lr"], wf) for k in FACTORS]
        if None in read:
            continue
        rows[r["data"]].append((exam, r["workload"], r["pick"]["lr_ratio"], r["pick"]["regret"],
                                [v / best - 1 for v in read]))
    for data, found in rows.items():
        print(f"{data}: {len(found)} Adagrad long rows; exam | workload | pick LR / best | scored | read off at "
              + ", ".join(f"{k:.2f}x" for k in FACTORS))
        for exam, name, ratio, scored, read in found:
            print(f"  {exam} {name:<44} {ratio:5.2f} {scored:+8.1%}   " + "  ".join(f"{v:+9.1%}" for v in read))
        base = [x[4][0] for x in found]
        for i, k in enumerate(FACTORS):
            v = [x[4][i] for x in found]
            finite = [x for x in v if not math.isinf(x)]
            print(f"  {k:.2f}x: median {statistics.median(v):+.1%}, mean of finite {statistics.mean(finite):+.1%}, "
                  f"within 3% {sum(x <= 0.03 for x in v)}, over 8% {sum(x > 0.08 for x in v)}, read as diverged "
                  f"{sum(math.isinf(x) for x in v)}; against 1x better by over a point on "
                  f"{sum(a < b - 0.01 for a, b in zip(v, base))}, worse on {sum(a > b + 0.01 for a, b in zip(v, base))}")
        print()


if __name__ == "__main__":
    main()
