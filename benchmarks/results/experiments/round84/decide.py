"""Round 84's pre-registered decision (`../../exam137_preregistration.md`): set A against set Q (`share.py`: the
Adagrad long picks at sqrt(2) x the re-rank's best) on the long rows Q moved, pooled from exam 137 on, by round 58's
rule (median, within 3%, over 8%, mean, and better than worse beyond max(1 point, 2 x seed noise)), decided once at 8
or more moved rows per regime. Run from the repository root:
    python benchmarks/results/experiments/round84/decide.py 137 138 [...] > benchmarks/results/experiments/round84/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".sqrt2", "Q", 8, "Adagrad long plans at sqrt(2) x the re-rank's best",
         long=True)
