"""Round 88's pre-registered decision (`../../exam141_preregistration.md`, amended before either module): set A
against set Y (`stallext.patch`: the re-rank's upward extension no longer blocked by a probe that only stalled at a
shorter horizon) on the long rows Y moved, pooled from exam 141 on, by round 58's rule, decided once at 8 or more moved
long rows per regime; Y is adopted only if it wins in both regimes. Short rows Y moves are listed by `short=True`
(reported, deciding nothing).
    python benchmarks/results/experiments/round88/decide.py 141 142 [...] > benchmarks/results/experiments/round88/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import rule  # noqa: E402

if __name__ == "__main__":
    exams = [int(a) for a in sys.argv[1:]]
    rule(exams, ".stallext", "Y", 8, "the re-rank extends past short stalls (set Y)", long=True)
    print("\nShort rows Y moved (reported, deciding nothing):")
    rule(exams, ".stallext", "Y", 10 ** 6, "(short rows: no decision)", long=False)
