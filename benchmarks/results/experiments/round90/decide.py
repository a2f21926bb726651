"""Round 90's pre-registered decision (`../../exam147_preregistration.md`, committed before either module of exams
147-148): set A against set Z (`../round88/stallext_adagrad.patch`: the re-rank's upward extension no longer blocked by
a probe that only stalled at a shorter horizon, under Adagrad only) on the long rows Z moved, pooled from exam 147 on
together with exams 141-142's long rows round 88's set Y moved (both Adagrad: on Adagrad rows Y and Z are the same
change), by round 58's rule, decided once at 8 or more moved long rows per regime; Z is adopted only if it wins in both
regimes. Short rows Z moves are listed beside (reported, deciding nothing).

    python benchmarks/results/experiments/round90/decide.py 147 148 [...] > benchmarks/results/experiments/round90/decide.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "round58"))
from pooled_rule import paired, rule  # noqa: E402

EARLIER = ([141, 142], ".stallext")  # round 88's set Y, pre-registered and scored once there; it moved only Adagrad long rows


def pooled(exams: list[int], long: bool) -> dict[str, list[tuple[int, str, float, float, float]]]:
    earlier = paired(*EARLIER, long=long) if long else {"eval": [], "no-eval": []}
    assert all("adagrad" in row[1] for rows in earlier.values() for row in rows), "Y moved a non-Adagrad long row"
    fresh = paired(exams, ".stallada", long=long)
    return {data: earlier[data] + fresh[data] for data in ("eval", "no-eval")}


if __name__ == "__main__":
    exams = [int(a) for a in sys.argv[1:]]
    rule(exams, ".stallada", "Z", 8, "round 90 (set Z)", long=True, pairs=pooled(exams, long=True))
    print("\nShort rows Z moved (reported, deciding nothing):")
    rule(exams, ".stallada", "Z", 10 ** 6, "(short rows: no decision)", pairs=pooled(exams, long=False))
