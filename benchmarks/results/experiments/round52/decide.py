"""Round 52's pre-registered decision (`../../exam63_preregistration.md`): on exams 63-64's short rows, set A (the pick)
against set W (a 20% warmup at 2^(1/4) x the pick), both scored once by full runs. W is adopted only if, in both
regimes, its median regret is lower, it is within 3% on at least as many rows, and over 8% on no more.

    python benchmarks/results/experiments/round52/decide.py 63 64 > benchmarks/results/experiments/round52/decide.txt
"""
import glob
import json
import statistics
import sys


def scored(exam: int, tag: str) -> dict[tuple[str, str], dict]:
    (path,) = [f for f in glob.glob(f"benchmarks/results/exam{exam}/score.*{tag}.json") if f.count(".") == 2 + bool(tag)]
    return {(r["workload"], r["data"]): r for r in json.load(open(path))["rows"] if not r["long"]}


def main() -> None:
    exams = [int(a) for a in sys.argv[1:]]
    a, w = {}, {}
    for exam in exams:
        a.update(scored(exam, ""))
        w.update(scored(exam, ".warm"))
    verdicts = []
    print(f"# Round 52's decision on exams {'-'.join(map(str, exams))}' short rows (A: the pick; W: 20% warmup, 2^(1/4) x)\n")
    for data in ("eval", "no-eval"):
        keys = sorted(k for k in a if k[1] == data)
        ra = [a[k]["pick"]["regret"] for k in keys]
        rw = [w[k]["pick"]["regret"] for k in keys]
        med = statistics.median(rw) < statistics.median(ra)
        within = sum(x <= 0.03 for x in rw) >= sum(x <= 0.03 for x in ra)
        tail = sum(x > 0.08 for x in rw) <= sum(x > 0.08 for x in ra)
        verdicts.append(med and within and tail)
        print(f"## {data}: {len(keys)} rows\n")
        print("| workload | A regret | W regret | A LR / best | best warmup |")
        print("|---|---|---|---|---|")
        for k, x, y in zip(keys, ra, rw):
            print(f"| {k[0]} | {x:+.1%} | {y:+.1%} | {a[k]['pick']['lr_ratio']:.2f} | {a[k]['best']['warmup_fraction']:g} |")
        print(f"\nmedian A {statistics.median(ra):+.1%}, W {statistics.median(rw):+.1%} ({'lower' if med else 'not lower'}); "
              f"within 3% A {sum(x <= 0.03 for x in ra)}, W {sum(x <= 0.03 for x in rw)} ({'held' if within else 'not held'}); "
              f"over 8% A {sum(x > 0.08 for x in ra)}, W {sum(x > 0.08 for x in rw)} ({'held' if tail else 'not held'}); "
              f"W better by over a point on {sum(y < x - 0.01 for x, y in zip(ra, rw))}, worse on "
              f"{sum(y > x + 0.01 for x, y in zip(ra, rw))}\n")
    print(f"**Decision: W is {'adopted' if all(verdicts) else 'not adopted'}** (all three conditions in both regimes: "
          f"{'met' if all(verdicts) else 'not met'}).")


if __name__ == "__main__":
    main()
