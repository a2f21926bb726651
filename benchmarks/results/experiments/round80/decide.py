"""Round 80's pre-registered rule (`../../exam133_preregistration.md`): set A against set D (`unhalve.py`: A's halved
Adagrad long picks put back to the re-rank's best) on the long rows D moved, pooled over every fresh exam from 131 on;
decided once, at the first reading with at least 8 moved rows per regime, by round 58's rule on long rows (as rounds
64 and 65 were).

    python benchmarks/results/experiments/round80/decide.py 131 132 133 134 [...] > benchmarks/results/experiments/round80/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".adagrad", "D", 8, "a halving that skips Adagrad", long=True)
