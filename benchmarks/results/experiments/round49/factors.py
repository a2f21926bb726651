"""Round 49 (descriptive, spent exams read again, deciding nothing): is the long plans' uniform correction at its optimum?

Round 38 halved long-plan picks (the re-rank's best x 0.5) from exam 39 on. For every long row of the pooled first
scorings with a pick and a kept recipe (``round23/coverage.py``'s ``picked``), this reads the full-length loss at the
pick's LR times 2^(k/4), k = -4..4, off the exam's grid (mean of seeds 0 and 1, interpolated in log LR at the pick's
warmup fraction; rows where any factor falls off the grid are left out) and prints each factor's regret against the
grid's best cell. Read off the grid, not trained: the pick's own row reads its interpolated loss, not its scored one,
so the k = 0 line differs from the exams' scorings. Nothing is re-run. Run from the repository root:
    python benchmarks/results/experiments/round49/factors.py > benchmarks/results/experiments/round49/factors.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402

FACTORS = [2 ** (k / 4) for k in range(-4, 5)]
ERAS = ((39, 58, "exams 39-58 (picks halved)"), (7, 38, "exams 7-38 (picks unhalved)"))


def factor_rows(long: bool, exams: range, data: str) -> list[list[float]]:
    """Per row (long or short plans of ``exams``, one data regime): the regret read off the grid at each factor."""
    rows = []
    for _, r, _, _, wf, grid, best in picked(exams=set(exams)):
        if r["long"] != long or r["data"] != data:
            continue
        vals = [loss_at(grid, r["pick"]["lr"] * f, wf) for f in FACTORS]
        if all(v is not None for v in vals):
            rows.append([v / best - 1 for v in vals])
    return rows


def main() -> None:
    for lo, hi, label in ERAS:
        for data in ("eval", "no-eval"):
            rows = factor_rows(True, range(lo, hi + 1), data)
            print(f"{label}, {data}: {len(rows)} long rows")
            print_factors(rows, "pick ")


def print_factors(rows: list[list[float]], prefix: str = "", mean: bool = False) -> None:
    """One line per factor of ``FACTORS``: the median regret over ``rows`` (one regret per factor each), within 3%, over 8%."""
    for i, f in enumerate(FACTORS):
        xs = [v[i] for v in rows]
        avg = f"  mean {statistics.mean(xs):+6.1%}" if mean else ""
        print(f"  {prefix}x{f:4.2f}  median {statistics.median(xs):+6.2%}{avg}  within 3% {sum(x <= 0.03 for x in xs):>3}"
              f"  over 8% {sum(x > 0.08 for x in xs):>3}")


if __name__ == "__main__":
    main()
