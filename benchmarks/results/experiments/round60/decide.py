"""Round 60's pre-registered rule (`../../exam85_preregistration.md`, exams 85-88): set A against set C (the same
search with the re-rank at a fifth of the run instead of a third: ``exam.py --make-picks --defaults
RERANK_FRACTION=0.2``), each set scored once per exam, on every row of exams 85-88 (short and long, both regimes).
C is cheaper, so it is adopted if it is no worse: in each of the four groups (short / long x eval_data / none), C's
median regret at most A's + 0.5 point, C within 3% on at least as many rows as A less one, and C over 8% on no more
rows than A (a divergence counts as infinite). Cost (the recipes' full-run equivalents, median) is printed, not a
condition.

    python benchmarks/results/experiments/round60/decide.py 85 86 87 88 > benchmarks/results/experiments/round60/decide.txt
"""
import importlib.util
import json
import statistics
import sys
from pathlib import Path

# round 56's decide.py under its own name (round 52's revert.py imports round 52's module called decide)
_spec = importlib.util.spec_from_file_location("round56_decide", "benchmarks/results/experiments/round56/decide.py")
_r56 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_r56)
one_file, regrets = _r56.one_file, _r56.regrets

TAG = ".cheap"


def no_worse(a: list[float], c: list[float]) -> tuple[bool, bool, bool]:
    """Round 60's three conditions: median at most 0.5 point higher, within 3% at most one row fewer, over 8% no more."""
    return (statistics.median(c) <= statistics.median(a) + 0.005,
            sum(v <= 0.03 for v in c) >= sum(v <= 0.03 for v in a) - 1,
            sum(v > 0.08 for v in c) <= sum(v > 0.08 for v in a))


def costs(exam: int, tag: str, long: bool) -> list[float]:
    """The full-run equivalents of the set's recipes on the exam's short (or long) plans, both regimes."""
    picks = Path(one_file(exam, "picks", tag, "jsonl"))
    out = []
    for p in map(json.loads, open(picks)):
        if p.get("recipe") and ("@" in p["name"]) == long:
            rec = json.loads((picks.with_suffix(".recipes") / Path(p["recipe"]).name).read_text())
            out.append(rec["cost"]["full_run_equivalents"])
    return out


def main(exams: list[int]) -> None:
    verdicts = []
    for long in (False, True):
        for data in ("eval", "no-eval"):
            a, c = [], []
            for exam in exams:
                ra, rc = regrets(exam, "", long), regrets(exam, TAG, long)
                for k in sorted(k for k in ra if k[1] == data):
                    a.append(ra[k])
                    c.append(rc[k])
                    print(f"  exam {exam} {data:<8} {k[0]:<34} A {ra[k]:+9.1%}   C {rc[k]:+9.1%}")
            conds = no_worse(a, c)
            verdicts.append(all(conds))
            print(f"{'long' if long else 'short'} {data}: {len(a)} rows; median A {statistics.median(a):+.1%}, C "
                  f"{statistics.median(c):+.1%}; within 3% A {sum(v <= 0.03 for v in a)}, C {sum(v <= 0.03 for v in c)}; "
                  f"over 8% A {sum(v > 0.08 for v in a)}, C {sum(v > 0.08 for v in c)}; worst A {max(a):+.1%}, C "
                  f"{max(c):+.1%}; C better by over a point on {sum(y < x - 0.01 for x, y in zip(a, c))}, worse on "
                  f"{sum(y > x + 0.01 for x, y in zip(a, c))}; three conditions {conds}")
        ca = [v for e in exams for v in costs(e, "", long)]
        cc = [v for e in exams for v in costs(e, TAG, long)]
        print(f"{'long' if long else 'short'} cost (full-run equivalents, median): A {statistics.median(ca):.2f}, "
              f"C {statistics.median(cc):.2f}")
    print(f"Decision: RERANK_FRACTION {'1/5 adopted' if all(verdicts) else 'stays 1/3'}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])
