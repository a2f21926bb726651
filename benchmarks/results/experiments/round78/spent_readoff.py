"""Round 78's motive on spent exams (descriptive, deciding nothing): set U, round 77's look at b without warmup and
2b, 4b behind the 20% warmup taken only where its lifted winner is above the pick, against set L (always taken) and
the pick as made, read off the full-length grids on round 77's looked-at rows (exams 71-124, eval_data). Run from the
repository root:
    python benchmarks/results/experiments/round78/spent_readoff.py > benchmarks/results/experiments/round78/spent_readoff.txt
"""
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "round77"))
from subsets import lifted_winner, spent_rows  # noqa: E402
from coverage import loss_at  # noqa: E402  (round 23's, on the path subsets set)

LOOK = ((1, 0.0), (2, 0.2), (4, 0.2))  # set L's pairs (multiples of b, warmup)


def main() -> None:
    res = []
    for d, grid, best, a, low, pick_lr in spent_rows():
        lr = lifted_winner(d, LOOK)
        g = loss_at(grid, lr, 0.2)
        if g is None:
            continue
        up = lr > pick_lr * (1 + 1e-6)
        moved = abs(lr / pick_lr - 1) > 1e-6
        res.append((a, g / best - 1, g / best - 1 if up else a, up, moved))
    print(f"{len(res)} rows; L moves {sum(x[4] for x in res)}, {sum(x[3] for x in res)} of them upward")
    for name, i in (("the pick as made (A)", 0), ("L", 1), ("U (L only upward)", 2)):
        v = [x[i] for x in res]
        print(f"  {name:<22} median {statistics.median(v):+.1%}, over 8% {sum(x > 0.08 for x in v)}, within 3% "
              f"{sum(x <= 0.03 for x in v)}")
    for name, sel in (("upward", [x for x in res if x[4] and x[3]]), ("downward", [x for x in res if x[4] and not x[3]])):
        print(f"  L's {name} moves: {len(sel)}, better by over a point {sum(x[1] < x[0] - 0.01 for x in sel)}, worse "
              f"{sum(x[1] > x[0] + 0.01 for x in sel)}; median A {statistics.median(x[0] for x in sel):+.1%}, L "
              f"{statistics.median(x[1] for x in sel):+.1%}")


if __name__ == "__main__":
    main()
