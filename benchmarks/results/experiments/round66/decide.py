"""Round 66's pre-registered rule (`../../exam99_preregistration.md`): set A against set Q (`quarter.py`: A's halved
RAdam long picks halved again) on the long rows Q moved, pooled over every pre-registered exam from 99 on; decided
once, at the first reading with at least 8 moved rows per regime, by round 58's rule on long rows (as round 64 was).

    python benchmarks/results/experiments/round66/decide.py 99 100 [...] > benchmarks/results/experiments/round66/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".quarter", "Q", 8, "a quarter for RAdam long plans", long=True)
