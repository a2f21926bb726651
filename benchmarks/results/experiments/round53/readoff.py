"""Round 53 (descriptive, spent exams read again, deciding nothing): where do today's picks sit against the grids'
factors? Round 49's table (the full-length loss read off each exam's grid at the pick x 2^(k/4), at the pick's own
warmup, mean of seeds 0 and 1 interpolated in log LR; rows where a factor falls off the grid left out) for

- short plans: exams 65-68 (the first first-scorings with round 52's lift: the picks are 2^(1/4) x the re-rank's
  choice behind a 20% warmup) and exams 39-64 (unlifted picks, at their own warmups);
- long plans: exams 59-68 and 39-68 (halved picks).

Exams 67-68 were scored once at 07:50-07:53 UTC before this was run (their second reading, labelled). Nothing is
re-run. From the repository root:
    python benchmarks/results/experiments/round53/readoff.py > benchmarks/results/experiments/round53/readoff.txt
"""
import sys

sys.path.insert(0, "benchmarks/results/experiments/round49")
sys.path.insert(0, "benchmarks/results/experiments/round23")
from factors import factor_rows, print_factors  # noqa: E402

BLOCKS = ((False, 65, 68, "short, exams 65-68 (lifted)"), (False, 39, 64, "short, exams 39-64 (unlifted)"),
          (True, 59, 68, "long, exams 59-68 (halved)"), (True, 39, 68, "long, exams 39-68 (halved)"))


def read_off(blocks: tuple) -> None:
    """Round 49's factor table for each (long, first exam, last exam, label) block, in both data regimes."""
    for long, lo, hi, label in blocks:
        for data in ("eval", "no-eval"):
            rows = factor_rows(long, range(lo, hi + 1), data)
            print(f"{label}, {data}: {len(rows)} rows (x the pick, at its own warmup)")
            print_factors(rows, "pick ")


if __name__ == "__main__":
    read_off(BLOCKS)
