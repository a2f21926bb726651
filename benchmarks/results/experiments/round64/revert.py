"""Round 64's pre-registered revert test (`../../exam101_preregistration.md`): set A (round 64 in the product: SGD long
plans unhalved) against set V (`rehalve.py`: those picks halved as before) on the long rows V moved, pooled from exam
101 on. Round 64 is reverted (the halving applies to SGD again) only once there are at least 8 moved rows per regime
and, in each regime, V wins round 56's four conditions and is better beyond max(1 point, 2 x the row's seed noise) on
more rows than worse: round 58's rule on long rows, as round 64 was adopted.

    python benchmarks/results/experiments/round64/revert.py 101 102 [...] > benchmarks/results/experiments/round64/revert.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".rehalve", "V", 8, "the halving restored on SGD long plans (round 64 reverted)",
              long=True)
