"""Round 89's revert test (`../../exam145_preregistration.md`): set V, set A's long picks at the default share
(2^(-3/4) of the re-rank's best since round 89) put back at half the best (2^(-1/4) x the pick), the warmup unchanged;
every other pick unchanged; exact offline from A's recipes, as ``share.py``. Decided by round 58's rule on the long rows
V moved, pooled from exam 145 on, at 8 per regime: V (the revert) is adopted only if it wins in both regimes; otherwise
round 89 stays. Run from the repository root:
    python benchmarks/results/experiments/round89/revert.py <exam picks.A.jsonl> <out picks.A.half.jsonl>
    python benchmarks/results/experiments/round89/revert.py --decide 145 146 [...] > benchmarks/results/experiments/round89/revert.txt
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1] / "round58")]
from share import rescale_default_share  # noqa: E402  (round 89's own, before round 58's path brings others')
from pooled_rule import rule  # noqa: E402

SHARE = 2 ** -0.75  # round 89's default share, what set A ships


if __name__ == "__main__":
    if sys.argv[1] == "--decide":
        rule([int(a) for a in sys.argv[2:]], ".half", "V", 8, "the revert to half the re-rank's best (set V)", long=True)
    else:
        print(rescale_default_share(sys.argv[1], sys.argv[2], 0.5 / SHARE, SHARE))  # back to half the best
