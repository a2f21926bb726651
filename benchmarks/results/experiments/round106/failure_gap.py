"""Round 106, a side reading (descriptive, spent exams 71-180, deciding nothing), after exam 180's samovar RAdam GRU
(+396%, picked at 0.05x: its no-warmup screen trained stably up to 16x the re-rank's b and first failed at 32x): does a
large gap between b and the lowest failed screen rung (f / b) say a 4x larger lifted pick (5.66 b behind 20%, read off
the full-length grids) would do better? Uses round 76's features and read-off. Run from the repository root:
    python benchmarks/results/experiments/round106/failure_gap.py > benchmarks/results/experiments/round106/failure_gap.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round76")
from low_misses import better_worse, features, read_off  # noqa: E402

BANDS = ((0, 4.1), (4.1, 8.1), (8.1, 16.1), (16.1, 1e9))  # f / b; a row with no failed rung above b counts as the widest


def main() -> None:
    rows = features(71, 180)
    print(len(rows), "short eval rows with the three pairs")
    for lo, hi in BANDS:
        sel = [x for x in rows if lo <= (x["f_over_b"] or 1e8) < hi]
        if not sel:
            continue
        g, a, u = read_off(sel)
        better, worse = better_worse(a, u)
        print(f"f/b in [{lo},{hi}): {len(sel)} rows, low misses {sum(x['ratio'] < 0.35 for x in sel)}, ratio median "
              f"{statistics.median(x['ratio'] for x in sel):.2f}; grid reads {len(g)}: pick {statistics.median(a):+.1%}, "
              f"4x {statistics.median(u):+.1%}, better {better}, worse {worse}")


if __name__ == "__main__":
    main()
