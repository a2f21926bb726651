"""Round 100's pre-registered decision (`../../exam171_preregistration.md`): set A against set Q4 (`share.py`: the
Adagrad long picks at 2^(3/4) x the re-rank's best instead of sqrt(2)) on the long rows Q4 moved, pooled from exam 171
on, by round 58's rule (median, within 3%, over 8%, mean, and better than worse beyond max(1 point, 2 x seed noise)),
decided once at 8 or more moved rows per regime. Run from the repository root:
    python benchmarks/results/experiments/round100/decide.py 171 172 [...] > benchmarks/results/experiments/round100/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".share75", "Q4", 8,
         "Adagrad long plans at 2^(3/4) x the re-rank's best", long=True)
