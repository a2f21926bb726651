"""Round 64's pre-registered rule (`../../exam95_preregistration.md`'s addendum): set A against set H (`unhalve.py`:
A's halved SGD long picks put back to the re-rank's best) on the long rows H moved, pooled over every pre-registered
exam from 95 on. H is adopted (the long-plan halving skips SGD) only once there are at least 8 moved rows per regime
and, in each regime, H wins round 56's four conditions and is better beyond max(1 point, 2 x the row's seed noise) on
more rows than worse: round 58's rule (`../round58/decide.py`) on long rows, with 8 rows.

    python benchmarks/results/experiments/round64/decide.py 95 96 [...] > benchmarks/results/experiments/round64/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".unhalve", "H", 8, "a halving that skips SGD", long=True)
