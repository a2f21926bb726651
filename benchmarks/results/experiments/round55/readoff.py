"""Round 55 (descriptive, spent exams read again, deciding nothing): where do the lifted short-plan picks sit against
the grids' factors, now that exams 71-72 carry round 53's 2^(1/2)? Round 49's table (the full-length loss read off
each exam's grid at the pick x 2^(k/4), at the pick's own 20% warmup, seeds 0 and 1 interpolated in log LR; rows
where a factor falls off the grid left out) for

- exams 71-72 (picks 2^(1/2) x the re-rank's choice: "pick x1.19" is 2^(3/4) x the choice), their second reading;
- exams 65-70 (picks 2^(1/4) x the choice: "pick x1.41" is 2^(3/4) x the choice), read several times before.

Run after exams 71-72 were scored once (2026-12-05 09:41-09:46 UTC) and pooled; nothing is re-run. From the root:
    python benchmarks/results/experiments/round55/readoff.py > benchmarks/results/experiments/round55/readoff.txt
"""
import sys

sys.path.insert(0, "benchmarks/results/experiments/round53")
from readoff import read_off  # noqa: E402

BLOCKS = ((False, 71, 72, "short, exams 71-72 (picks 2^(1/2) x the choice)"),
          (False, 65, 70, "short, exams 65-70 (picks 2^(1/4) x the choice)"))

if __name__ == "__main__":
    read_off(BLOCKS)
