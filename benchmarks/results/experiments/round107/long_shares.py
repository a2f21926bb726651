"""Round 107, a side reading (descriptive, spent exams 139-186, deciding nothing): the long plans lose to the plain T/5
grid row by row, and their picks sit at a median 0.6x-0.7x the best LR. Would another share of the re-rank's best do
better, per optimizer family? Every long pick (its recorded LR and warmup) read off the full-length grids (round 23's
interpolation in log LR) at 0.5x-2x, per family and regime; then the Adagrad rows (the most: two per exam by brief since
exam 133) at 1.41x the pick (a share of 2, round 80's set D4) row by row. Exams 139 on carry round 84's sqrt(2) share.
Run from the repository root:
    python benchmarks/results/experiments/round107/long_shares.py > benchmarks/results/experiments/round107/long_shares.txt
"""
import math
import statistics
import sys

sys.path[:0] = ["benchmarks", "benchmarks/results/experiments/round23", "benchmarks/results/experiments/round76"]
from coverage import loss_at, picked  # noqa: E402
from exam_pool import exam_number  # noqa: E402
from low_misses import better_worse  # noqa: E402

FACTORS = (0.5, 2 ** -0.5, 1.0, 2 ** 0.5, 2.0)
FIRST, LAST = 139, 186


def long_rows() -> dict[tuple[str, str], list[dict]]:
    """(regime, optimizer family) -> the long rows with the pick's regret read off the grid at each factor."""
    out: dict[tuple[str, str], list[dict]] = {}
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(FIRST, LAST + 1))):
        if not r["long"]:
            continue
        read = [loss_at(grid, k * r["pick"]["lr"], wf) for k in FACTORS]
        out.setdefault((r["data"], r["optimizer"].split("_")[0]), []).append({
            "exam": exam_number(exam), "workload": r["workload"], "ratio": r["pick"]["lr_ratio"],
            "scored": r["pick"]["regret"], "read": None if None in read else [v / best - 1 for v in read]})
    return out


def moved(a: list[float], b: list[float]) -> str:
    """Regrets read off before (``a``) and after (``b``) a move, row by row: median, within 3%, over 8%, the rows
    better / worse by over a point, and the rows newly read as diverged (``checkundo.py`` says its move so too)."""
    better, worse = better_worse(a, b)
    return (f"median {statistics.median(a):+.1%} -> {statistics.median(b):+.1%}, within 3% "
            f"{sum(x <= 0.03 for x in a)} -> {sum(x <= 0.03 for x in b)}, over 8% {sum(x > 0.08 for x in a)} -> "
            f"{sum(x > 0.08 for x in b)}, better by over a point on {better}, worse on {worse}, newly read as diverged "
            f"{sum(math.isinf(y) and not math.isinf(x) for x, y in zip(a, b))}")


def by_family(rows: dict[tuple[str, str], list[dict]]) -> None:
    print("regime   family     rows  LR/best  scored | read off at " + "  ".join(f"{k:.2f}x" for k in FACTORS)
          + " (median; within 3%)")
    for (data, family), v in sorted(rows.items()):
        full = [x["read"] for x in v if x["read"]]
        cells = "  ".join(f"{statistics.median(x[i] for x in full):+6.1%};{sum(x[i] <= 0.03 for x in full):3d}"
                          for i in range(len(FACTORS)))
        print(f"{data:8} {family:9} {len(v):4d}   {statistics.median(x['ratio'] for x in v):5.2f}  "
              f"{statistics.median(x['scored'] for x in v):+6.1%} | {cells}  ({len(full)} read)")


def adagrad_up(rows: dict[tuple[str, str], list[dict]]) -> None:
    up = FACTORS.index(2 ** 0.5)
    for data in ("eval", "no-eval"):
        v = [x for x in rows[(data, "adagrad")] if x["read"]]
        a, b = [x["read"][FACTORS.index(1.0)] for x in v], [x["read"][up] for x in v]
        print(f"\nAdagrad long, {data}: {len(v)} rows; at 1.41x the pick {moved(a, b)} (picks at or above the best LR: "
              f"{sum(x['ratio'] >= 1 for x in v)})")
        for x, y, row in sorted(zip(a, b, v), key=lambda t: t[1] - t[0])[-5:]:
            print(f"  worst: exam {row['exam']} {row['workload']:<38} LR/best {row['ratio']:.2f}  {x:+.1%} -> {y:+.1%}")


def main() -> None:
    rows = long_rows()
    by_family(rows)
    adagrad_up(rows)


if __name__ == "__main__":
    main()
