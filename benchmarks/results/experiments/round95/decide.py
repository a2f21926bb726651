"""Round 95's pre-registered decision (`../../exam155_preregistration.md`, committed before any module of exams
155-158): the product against set W (tag `.warmarm`, `product.patch`: under Adagrad, when the re-rank's 20%-warmup
arm measured its best at its own largest LR, the extension goes one rung up that arm), by round 58's rule on the long
rows W moves, pooled from exam 155 on, decided once at 8 or more per regime; W is adopted only if it wins in both
regimes. Short rows W moves are listed beside (reported, deciding nothing).

    python benchmarks/results/experiments/round95/decide.py 155 156 [...] > benchmarks/results/experiments/round95/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    exams = [int(a) for a in sys.argv[1:]]
    rule(exams, ".warmarm", "W", 8, "round 95 (set W)", long=True)
    print("\nShort rows W moved (reported, deciding nothing):")
    rule(exams, ".warmarm", "W", 10 ** 6, "(short rows: no decision)")
