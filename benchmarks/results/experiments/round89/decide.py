"""Round 89's pre-registered decision (`../../exam143_preregistration.md`): set A against set H (`share.py`: long picks
halved at the default share moved a quarter octave up, to 2^(-3/4) x the re-rank's best) on the long rows H moved,
pooled from exam 143 on, by round 58's rule (median, within 3%, over 8%, mean, and better than worse beyond
max(1 point, 2 x seed noise)), decided once at 8 or more moved rows per regime. Run from the repository root:
    python benchmarks/results/experiments/round89/decide.py 143 144 [...] > benchmarks/results/experiments/round89/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".quarterup", "H", 8,
         "long plans' default share at 2^(-3/4) of the re-rank's best (set H)", long=True)
