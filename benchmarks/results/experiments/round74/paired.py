"""Round 74 (descriptive): warmfind against the plain T/5 grid row by row, on the pooled first scorings of the exams
named: the rows where each beat the other by over a point, and a two-sided sign test on those counts (ties left out).
Pre-registered for exams 113-120 (`../../exam119_preregistration.md`); exams 39-112 are the comparison.

    { python benchmarks/results/experiments/round74/paired.py 39 112; python benchmarks/results/experiments/round74/paired.py 113 118; python benchmarks/results/experiments/round74/paired.py 113 120; } > benchmarks/results/experiments/round74/paired.txt
"""
import sys
from math import comb

sys.path.insert(0, "benchmarks")
from exam_pool import exam_number, row_regret, rows  # noqa: E402

POINT = 0.01  # a row counts for one side when it beat the other by over a point of regret


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact sign test of ``wins`` against ``losses`` (p = 1 with no decided rows)."""
    n, k = wins + losses, min(wins, losses)
    return min(1.0, 2 * sum(comb(n, i) for i in range(k + 1)) / 2 ** n) if n else 1.0


def main(first: int, last: int) -> None:
    print(f"Exams {first}-{last}: rows where warmfind / the plain T/5 grid beat the other by over a point")
    for long in (False, True):
        for data in ("eval", "no-eval"):
            found = [r for r in rows() if first <= exam_number(r["exam"]) <= last and r["long"] == long
                     and r["data"] == data]
            ours = sum(row_regret(r) < r["plain"]["regret"] - POINT for r in found)
            grid = sum(row_regret(r) > r["plain"]["regret"] + POINT for r in found)
            print(f"  {'long' if long else 'short':<5} {data:<8} {len(found):>3} rows: warmfind {ours:>3}, grid {grid:>3}, "
                  f"within a point {len(found) - ours - grid:>3}; sign test p = {sign_test(ours, grid):.2g}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
