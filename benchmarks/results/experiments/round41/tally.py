"""Round 41: which second run should the long-plan advice name, above the pick (S: the re-rank's best, twice the
pick, as shipped) or below it (Q: half the pick)? For each exam's long rows: set A (the pick, as shipped since round
38), S and Q, each one full-run scoring, and the better of A and S against the better of A and Q (what a user who
trains two runs and keeps the better gets). Q's scores live in this folder for exams 39-42 (spent exams, a labelled
second reading) and beside A's in the exam's folder (`score.*.quarter.json`) for exams 43 on (pre-registered).
Run from the repository root:
    python benchmarks/results/experiments/round41/tally.py 39 40 41 42 > benchmarks/results/experiments/round41/tally.txt
"""
import glob
import json
import statistics
import sys

HERE = "benchmarks/results/experiments/round41"


def long_regrets(path: str) -> dict[tuple[str, str], float]:
    return {(r["workload"], r["data"]): r["pick"]["regret"] for r in json.load(open(path))["rows"] if r["long"]}


def rows(exam: int) -> list[tuple[str, str, float, float, float]]:
    (a,) = [f for f in glob.glob(f"benchmarks/results/exam{exam}/score.*.json") if f.count(".") == 2]
    q = glob.glob(f"{HERE}/score.exam{exam}.quarter.json") or glob.glob(a[:-len(".json")] + ".quarter.json")
    sa, ss, sq = long_regrets(a), long_regrets(a[:-len(".json")] + ".second.json"), long_regrets(q[0])
    return [(w, d, sa[w, d], ss[w, d], sq[w, d]) for w, d in sa]


def summary(name: str, v: list[float]) -> str:
    return (f"  {name:<16} median {statistics.median(v):+6.1%}  within 3% {sum(x <= 0.03 for x in v):2}  over 8% "
            f"{sum(x > 0.08 for x in v):2}  worst {max(v):+7.1%}")


def main() -> None:
    exams = [int(a) for a in sys.argv[1:]]
    every = []
    for exam in exams:
        for w, d, a, s, q in rows(exam):
            every.append((a, s, q))
            print(f"exam {exam}  {w:<30}{d:<8} A {a:+7.1%}  S {s:+7.1%}  Q {q:+7.1%}")
    print(f"\nexams {', '.join(map(str, exams))}: {len(every)} long rows")
    for name, f in (("A (pick)", lambda r: r[0]), ("S (twice)", lambda r: r[1]), ("Q (half)", lambda r: r[2]),
                    ("better of A, S", lambda r: min(r[0], r[1])), ("better of A, Q", lambda r: min(r[0], r[2]))):
        print(summary(name, [f(r) for r in every]))


if __name__ == "__main__":
    main()
