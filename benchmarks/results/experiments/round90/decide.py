"""Round 90's pre-registered decision (`../../exam147_preregistration.md`, committed before either module of exams
147-148): set A against set Z (`../round88/stallext_adagrad.patch`: the re-rank's upward extension no longer blocked by
a probe that only stalled at a shorter horizon, under Adagrad only) on the long rows Z moved, pooled from exam 147 on
together with exams 141-142's long rows round 88's set Y moved (both Adagrad: on Adagrad rows Y and Z are the same
change), by round 58's rule, decided once at 8 or more moved long rows per regime; Z is adopted only if it wins in both
regimes. Short rows Z moves are listed beside (reported, deciding nothing).

    python benchmarks/results/experiments/round90/decide.py 147 148 [...] > benchmarks/results/experiments/round90/decide.txt
"""
import importlib.util
import statistics
import sys

_spec = importlib.util.spec_from_file_location("round56_decide", "benchmarks/results/experiments/round56/decide.py")
_r56 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r56)
conditions, margin_wins, paired = _r56.conditions, _r56.margin_wins, _r56.paired

EARLIER = ([141, 142], ".stallext")  # round 88's set Y, pre-registered and scored once there; it moved only Adagrad long rows
LEAST = 8


def pooled(exams: list[int], long: bool) -> dict[str, list[tuple[int, str, float, float, float]]]:
    earlier = paired(*EARLIER, long=long) if long else {"eval": [], "no-eval": []}
    assert all("adagrad" in row[1] for rows in earlier.values() for row in rows), "Y moved a non-Adagrad long row"
    fresh = paired(exams, ".stallada", long=long)
    return {data: earlier[data] + fresh[data] for data in ("eval", "no-eval")}


def main(exams: list[int]) -> None:
    verdicts = []
    pairs = pooled(exams, long=True)
    for data in ("eval", "no-eval"):
        ra, rz, noise = [], [], []
        for exam, name, x, y, sd in pairs[data]:
            ra.append(x), rz.append(y), noise.append(sd)
            print(f"  exam {exam} {data:<8} {name:<36} A {x:+9.1%}   Z {y:+9.1%}   seed noise {sd:.1%}")
        if len(ra) < LEAST:
            print(f"{data}: {len(ra)} long rows moved: fewer than {LEAST}, no decision yet")
            verdicts.append(None)
            continue
        conds = conditions(ra, rz, mean=True)
        better, worse = margin_wins(ra, rz, noise)
        verdicts.append(all(conds) and better > worse)
        print(f"{data}: {len(ra)} rows; median A {statistics.median(ra):+.1%}, Z {statistics.median(rz):+.1%}; within 3% A "
              f"{sum(v <= 0.03 for v in ra)}, Z {sum(v <= 0.03 for v in rz)}; over 8% A {sum(v > 0.08 for v in ra)}, Z "
              f"{sum(v > 0.08 for v in rz)}; mean A {statistics.mean(ra):+.1%}, Z {statistics.mean(rz):+.1%}; four "
              f"conditions {conds}; beyond the margin Z better on {better}, worse on {worse}")
    if None in verdicts:
        print(f"Decision: none yet (fewer than {LEAST} moved long rows in a regime); the product stays as it is")
    else:
        print(f"Decision: round 90 (set Z) {'adopted' if all(verdicts) else 'not adopted'}")
    print("\nShort rows Z moved (reported, deciding nothing):")
    for data, rows in pooled(exams, long=False).items():
        for exam, name, x, y, sd in rows:
            print(f"  exam {exam} {data:<8} {name:<36} A {x:+9.1%}   Z {y:+9.1%}   seed noise {sd:.1%}")
        if not rows:
            print(f"  {data}: none")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
