"""Round 62's pre-registered rule (`../../exam91_preregistration.md`): set A against set N (`nolift.py`: A's lifted
NAdam and RAdam short picks put back to the re-rank's choice at its measured warmup) on the short rows N moved, pooled
over every pre-registered exam from 91 on. N is adopted (the lift skips NAdam and RAdam plans) only once there are at
least 12 moved rows per regime and, in each regime, N wins round 56's four conditions and is better beyond max(1
point, 2 x the row's seed noise) on more rows than worse: round 58's rule (`../round58/decide.py`) with 12 rows.

    python benchmarks/results/experiments/round62/decide.py 91 92 [93 94 ...] > benchmarks/results/experiments/round62/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    rule([int(a) for a in sys.argv[1:]], ".nolift", "N", 12, "a lift that skips NAdam and RAdam")
