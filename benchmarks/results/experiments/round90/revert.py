"""Round 90's revert test (`../../exam153_preregistration.md`, committed before either module of exams 153-154): the
product (Z adopted) against set R (tag `.stallblock`: the worktree at each module's commit with `product.patch`
reverse-applied, the product before round 90), by round 58's rule on the long rows R moves, pooled from exam 153 on,
decided once at 8 or more per regime; R (the revert) is adopted only if it wins in both regimes.

    python benchmarks/results/experiments/round90/revert.py 153 154 [...] > benchmarks/results/experiments/round90/revert.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    exams = [int(a) for a in sys.argv[1:]]
    rule(exams, ".stallblock", "R", 8, "round 90's revert (set R)", long=True)
    print("\nShort rows R moved (reported, deciding nothing):")
    rule(exams, ".stallblock", "R", 10 ** 6, "(short rows: no decision)")
