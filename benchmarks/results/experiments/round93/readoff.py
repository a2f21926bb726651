"""Round 93 (descriptive, spent exams 139-148, deciding nothing): the Adagrad long picks as the product ships them
(round 84: sqrt(2) x the re-rank's best), read off the full-length grids (round 23's interpolation in log LR at the
pick's warmup, seeds 0 and 1) at k x the pick: is a larger Adagrad share a candidate? Read-offs run about two points
high and mislead across cliffs. Run from the repository root:
    python benchmarks/results/experiments/round93/readoff.py > benchmarks/results/experiments/round93/readoff.txt
    python benchmarks/results/experiments/round93/readoff.py 150 > benchmarks/results/experiments/round93/readoff150.txt
(the pool's exams from 139 up to the last one given, 148 by default: the exams pooled when it was first read).
"""
import math
import statistics
import sys

sys.path[:0] = [".", "benchmarks/results/experiments/round23", "benchmarks/results/experiments/round56"]
from coverage import loss_at, picked  # noqa: E402
from offline import measured_choice  # noqa: E402

FACTORS = (2 ** -0.5, 1.0, 2 ** 0.25, 2 ** 0.5, 2.0)


def main(last: int = 148) -> None:
    rows = []
    for exam, r, rec, total, wf, grid, best in picked():
        n = int(exam.split()[-1])
        if not 139 <= n <= last or not r["long"] or "adagrad" not in r["optimizer"]:
            continue
        choice = measured_choice(rec, "halving")
        share = r["pick"]["lr"] / choice[0] if choice else None  # the share the product took (1.414 on every row)
        read = [loss_at(grid, k * r["pick"]["lr"], wf) for k in FACTORS]
        if None in read:
            print("skip", n, r["workload"])
            continue
        rows.append((n, r["data"], r["workload"], share, r["pick"]["lr_ratio"], [v / best - 1 for v in read]))
    for data in ("eval", "no-eval"):
        g = [x for x in rows if x[1] == data]
        print(data, len(g), "shares", sorted({round(x[3], 3) if x[3] else None for x in g}, key=str))
        for x in g:
            print(f"   {x[0]} {x[2]:<40} {x[4]:.2f} " + " ".join(f"{v:+7.1%}" for v in x[5]))
        base = [x[5][1] for x in g]
        for i, k in enumerate(FACTORS):
            v = [x[5][i] for x in g]
            print(f"  {k:4.2f}x median {statistics.median(v):+6.1%} within3 {sum(x <= .03 for x in v)} over8 "
                  f"{sum(x > .08 for x in v)} inf {sum(math.isinf(x) for x in v)} better "
                  f"{sum(a < c - .01 for a, c in zip(v, base))} worse {sum(a > c + .01 for a, c in zip(v, base))}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
