"""Round 89's motive on spent exams (descriptive, deciding nothing): the long picks the product halves (the re-rank
saw under an eighth of the run and the optimizer has no share of its own in ``defaults.HALVING_SHARES``: Adam, AdamW,
NAdam, Adamax, RMSprop and the like, at half the re-rank's best since round 38), read off the full-length grids
(round 23's interpolation in log LR at the pick's warmup, seeds 0 and 1) at 2^(k/4) x the pick, by block of exams.
Read-offs run about two points high and mislead across cliffs; the full runs decide. Run from the repository root:
    python benchmarks/results/experiments/round89/readoff.py > benchmarks/results/experiments/round89/readoff.txt
"""
import math
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parents[4]), str(HERE.parents[1] / "round23"), str(HERE.parents[1] / "round56")]
from coverage import loss_at, picked  # noqa: E402
from offline import measured_choice, optimizer_name  # noqa: E402

from warmfind import defaults  # noqa: E402

FACTORS = (2 ** -0.5, 1.0, 2 ** 0.25, 2 ** 0.5, 2.0)
BLOCKS = ((39, 78), (79, 112), (113, 142), (39, 142))


def at_default_share(rec: dict, lr: float, share: float = 0.5) -> bool:
    """A long pick the halving moved at the default share (``share`` of the probes' choice: half before round 89), under
    an optimizer without a share of its own."""
    choice = measured_choice(rec, "halving")
    return (choice is not None and optimizer_name(rec) not in defaults.HALVING_SHARES
            and abs(lr / choice[0] - share) < 1e-6)


def main() -> None:
    rows = []
    for exam, r, rec, total, wf, grid, best in picked():
        n = int(exam.split()[-1])
        if not r["long"] or n < 39 or not at_default_share(rec, r["pick"]["lr"]):
            continue
        read = [loss_at(grid, k * r["pick"]["lr"], wf) for k in FACTORS]
        if None not in read:
            rows.append((n, r["data"], optimizer_name(rec), [v / best - 1 for v in read]))
    print("Long picks halved at the default share, read off the full-length grids at k x the pick "
          "(the product's pick is 1x; 1.19x is 2^(-3/4) of the re-rank's best, 1.41x is 2^(-1/2))")
    for lo, hi in BLOCKS:
        for data in ("eval", "no-eval"):
            group = [x for x in rows if lo <= x[0] <= hi and x[1] == data]
            print(f"exams {lo}-{hi}, {data}: {len(group)} rows ({', '.join(sorted({x[2] for x in group}))})")
            base = [x[3][1] for x in group]
            for i, k in enumerate(FACTORS):
                v = [x[3][i] for x in group]
                print(f"  {k:4.2f}x: median {statistics.median(v):+6.1%}, within 3% {sum(x <= 0.03 for x in v):3d}, over 8% "
                      f"{sum(x > 0.08 for x in v):3d}, read as diverged {sum(math.isinf(x) for x in v)}; against 1x better "
                      f"by over a point on {sum(a < b - 0.01 for a, b in zip(v, base)):3d}, worse on "
                      f"{sum(a > b + 0.01 for a, b in zip(v, base)):3d}")
    print("By optimizer, exams 39-142, eval_data (1x -> 1.19x: median, better / worse by over a point)")
    for name in sorted({x[2] for x in rows}):
        group = [x for x in rows if x[2] == name and x[1] == "eval" and x[0] <= 142]
        a, b = [x[3][1] for x in group], [x[3][2] for x in group]
        print(f"  {name:<8} {len(group):3d} rows: {statistics.median(a):+6.1%} -> {statistics.median(b):+6.1%}, "
              f"{sum(y < x - 0.01 for x, y in zip(a, b))} / {sum(y > x + 0.01 for x, y in zip(a, b))}")


if __name__ == "__main__":
    main()
