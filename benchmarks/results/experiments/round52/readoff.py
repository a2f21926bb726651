"""Round 52, part 1 (descriptive, spent exams read again off their grids, deciding nothing): on short plans, does a
20% warmup with the peak raised by 2^(1/4) beat the pick as it was made?

For every short-plan row of the pooled first scorings with a pick and a kept recipe (``round23/coverage.py``'s
``picked``), this reads the full-length loss off the exam's grid (mean of seeds 0 and 1, interpolated in log LR) at
the pick as made (A) and at 2^(1/4) x its LR with the grid's 20% warmup (W), and prints, by blocks of exams, each
one's median regret against the grid's best cell, rows within 3% and over 8%, and on how many rows W reads better or
worse. With ``--factors`` it prints the whole table of factors 2^(k/4), k = -4..4, under each warmup. Nothing is re-run.
Run from the repository root:
    python benchmarks/results/experiments/round52/readoff.py > benchmarks/results/experiments/round52/readoff.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402

BLOCKS = ((4, 20), (21, 38), (39, 50), (51, 62))
UP = 2 ** 0.25
WARMUPS = (("as picked", None), ("none", 0.0), ("5%", 0.05), ("20%", 0.2))
FACTORS = [2 ** (k / 4) for k in range(-4, 5)]


def summary(v: list[float]) -> str:
    return f"{statistics.median(v):+6.1%}  within 3% {sum(t <= 0.03 for t in v):>3}  over 8% {sum(t > 0.08 for t in v):>3}"


def blocks() -> None:
    print("short plans: A = the pick as made; W = 2^(1/4) x its LR with a 20% warmup (read off the grid)")
    for lo, hi in BLOCKS:
        for data in ("eval", "no-eval"):
            a, w = [], []
            for _, r, _, _, wf, grid, best in picked(exams=set(range(lo, hi + 1))):
                if r["long"] or r["data"] != data:
                    continue
                x, y = loss_at(grid, r["pick"]["lr"], wf), loss_at(grid, r["pick"]["lr"] * UP, 0.2)
                if x is not None and y is not None:
                    a.append(x / best - 1)
                    w.append(y / best - 1)
            better = sum(y < x - 1e-9 for x, y in zip(a, w))
            worse = sum(y > x + 1e-9 for x, y in zip(a, w))
            print(f"exams {lo}-{hi} {data:<8} {len(a):>3} rows  A {summary(a)}   W {summary(w)}   W better on {better}, worse on {worse}")


def factors(lo: int, hi: int) -> None:
    for long in (False, True):
        for data in ("eval", "no-eval"):
            res: dict[tuple[float, str], list[float]] = {}
            for _, r, _, _, wf, grid, best in picked(exams=set(range(lo, hi + 1))):
                if r["long"] != long or r["data"] != data:
                    continue
                vals = {(f, name): loss_at(grid, r["pick"]["lr"] * f, wf if w is None else w)
                        for f in FACTORS for name, w in WARMUPS}
                if all(v is not None for v in vals.values()):
                    for k, v in vals.items():
                        res.setdefault(k, []).append(v / best - 1)
            n = len(next(iter(res.values()), []))
            print(f"exams {lo}-{hi}, {'long' if long else 'short'} plans, {data}: {n} rows (median regret / within 3%)")
            for name, _ in WARMUPS:
                print(f"  {name:<10}" + " ".join(f"x{f:.2f} {statistics.median(res[(f, name)]):+.1%}/{sum(x <= 0.03 for x in res[(f, name)])}"
                                                 for f in FACTORS))


if __name__ == "__main__":
    blocks()
    if "--factors" in sys.argv:
        for lo, hi in ((4, 38), (39, 62)):
            factors(lo, hi)
