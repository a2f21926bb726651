"""Round 61's pre-registered rule (`../../exam85_preregistration.md`'s addendum): set A against set U (`unlift.py`: A's
lifted short picks put back to the re-rank's choice at its measured warmup) on the short rows U moved, pooled over
every pre-registered exam from 87 on. U is adopted (the lift leaves the product) only once there are at least 16
moved rows per regime and, in each regime, U wins round 56's four conditions and is better beyond max(1 point, 2 x the
row's seed noise) on more rows than worse: round 58's rule (`../round58/decide.py`) with 16 rows.

    python benchmarks/results/experiments/round61/decide.py 87 88 [89 90 ...] > benchmarks/results/experiments/round61/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".unlift", "U", 16, "removing the lift")
