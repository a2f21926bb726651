"""Round 85's pre-registered decision (`../../exam139_preregistration.md`): set A against set B (`back.py`: the
Adagrad long picks back at the re-rank's best) on the long rows B moved, pooled from exam 139 on, by round 58's rule,
decided once at 8 or more moved rows per regime; round 84 is reverted only if B wins in both regimes.
    python benchmarks/results/experiments/round85/decide.py 139 140 [...] > benchmarks/results/experiments/round85/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".back", "B", 8, "Adagrad long plans back at the re-rank's best (round 84 reverted)",
         long=True)
