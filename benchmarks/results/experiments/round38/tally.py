"""Round 38: the fresh long rows on which set A (the pick) and set H (half the pick where the re-rank saw under 1/8 of
the run) were both scored once, each exam's pair of score files as committed. Prints each row and each group's median,
within 3%, over 8% and worst, for A, H and the better of the two (what a user following round 35's advice gets).
Run from the repository root:
    python benchmarks/results/experiments/round38/tally.py 33 34 35 36 37 38 > benchmarks/results/experiments/round38/tally.txt
From exam 39 on, set A is already halved and the pair is A and S (the advised second run, `score.*.second.json`):
    python benchmarks/results/experiments/round38/tally.py --pair second 39 40
"""
import glob
import json
import statistics
import sys


args = sys.argv[1:]
PAIR, OTHER = ("second", "S (second)") if args[:2] == ["--pair", "second"] else ("half", "H (half)")
args = args[2:] if PAIR == "second" else args


def rows(exam: int) -> list[tuple[str, str, float, float]]:
    a = [f for f in glob.glob(f"benchmarks/results/exam{exam}/score.*.json") if not f.endswith((".half.json", ".second.json"))
         and glob.glob(f[:-len(".json")] + f".{PAIR}.json")]
    assert len(a) == 1, a
    h = json.load(open(a[0][:-len(".json")] + f".{PAIR}.json"))["rows"]
    by = {(r["workload"], r["data"]): r["pick"]["regret"] for r in h if r["long"]}
    return [(r["workload"], r["data"], r["pick"]["regret"], by[(r["workload"], r["data"])])
            for r in json.load(open(a[0]))["rows"] if r["long"]]


def summary(name: str, v: list[float]) -> str:
    return (f"{name:<12} median {statistics.median(v):+6.1%}  within 3% {sum(x <= 0.03 for x in v):2}  over 8% "
            f"{sum(x > 0.08 for x in v):2}  worst {max(v):+7.1%}")


def report(title: str, rs: list[tuple]) -> None:
    print(f"{title}: {len(rs)} long rows")
    for name, idx in (("A (pick)", 2), (OTHER, 3)):
        print("  " + summary(name, [r[idx] for r in rs]))
    print("  " + summary("better of", [min(r[2], r[3]) for r in rs]))


exams = [int(x) for x in args]
allrows = []
for e in exams:
    rs = rows(e)
    for r in rs:
        print(f"exam {e:<3} {r[0]:<28}{r[1]:<8} A {r[2]:+7.1%}  {OTHER[0]} {r[3]:+7.1%}")
    allrows += [(e,) + r for r in rs]
print()
for i in range(0, len(exams), 2):
    pair = exams[i:i + 2]
    report(f"exams {'-'.join(map(str, pair))}", [r[1:] for r in allrows if r[0] in pair])
report(f"exams {exams[0]}-{exams[-1]}", [r[1:] for r in allrows])
