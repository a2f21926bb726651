"""Round 63's pre-registered rule (`../../exam91_preregistration.md`): set A against set F (`fifth.py`: the re-rank at
a fifth of the run on short plans only; long plans keep A's picks) on every short row of the pre-registered exams from
91 on, decided once at the first reading with at least 16 short rows per regime. F is cheaper, so it is adopted if it
is no worse in both regimes by round 60's three conditions (median at most 0.5 point higher, within 3% at most one row
fewer, over 8% no more). Cost (median full-run equivalents of the short recipes) is printed, not a condition.

    python benchmarks/results/experiments/round63/decide.py 91 92 [93 94 ...] > benchmarks/results/experiments/round63/decide.txt
"""
import importlib.util
import statistics
import sys

_spec = importlib.util.spec_from_file_location("round60_decide", "benchmarks/results/experiments/round60/decide.py")
_r60 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r60)

TAG, LEAST = ".fifth", 16


def main(exams: list[int]) -> None:
    verdicts = []
    for data in ("eval", "no-eval"):
        a, f = [], []
        for exam in exams:
            ra, rf = _r60.regrets(exam, "", False), _r60.regrets(exam, TAG, False)
            for k in sorted(k for k in ra if k[1] == data):
                a.append(ra[k])
                f.append(rf[k])
                print(f"  exam {exam} {data:<8} {k[0]:<34} A {ra[k]:+9.1%}   F {rf[k]:+9.1%}")
        if len(a) < LEAST:
            print(f"{data}: {len(a)} short rows: fewer than {LEAST}, no decision yet")
            verdicts.append(None)
            continue
        conds = _r60.no_worse(a, f)
        verdicts.append(all(conds))
        print(f"short {data}: {len(a)} rows; median A {statistics.median(a):+.1%}, F {statistics.median(f):+.1%}; within "
              f"3% A {sum(v <= 0.03 for v in a)}, F {sum(v <= 0.03 for v in f)}; over 8% A {sum(v > 0.08 for v in a)}, F "
              f"{sum(v > 0.08 for v in f)}; worst A {max(a):+.1%}, F {max(f):+.1%}; three conditions {conds}")
    ca = [v for e in exams for v in _r60.costs(e, "", False)]
    cf = [v for e in exams for v in _r60.costs(e, TAG, False)]
    print(f"short cost (full-run equivalents, median): A {statistics.median(ca):.2f}, F {statistics.median(cf):.2f}")
    if None in verdicts:
        print(f"Decision: none yet (fewer than {LEAST} short rows in a regime); RERANK_FRACTION stays 1/3")
    else:
        print(f"Decision: {'a fifth on short plans adopted' if all(verdicts) else 'RERANK_FRACTION stays 1/3 everywhere'}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
