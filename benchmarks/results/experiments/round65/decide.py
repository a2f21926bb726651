"""Round 65's pre-registered rule (`../../exam99_preregistration.md`): set A against set R (`unhalve.py`: A's halved
RMSprop long picks put back to the re-rank's best) on the long rows R moved, pooled over every pre-registered exam from
99 on; decided once, at the first reading with at least 8 moved rows per regime, by round 58's rule on long rows (as
round 64 was).

    python benchmarks/results/experiments/round65/decide.py 99 100 [...] > benchmarks/results/experiments/round65/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".rmsprop", "R", 8, "a halving that skips RMSprop", long=True)
