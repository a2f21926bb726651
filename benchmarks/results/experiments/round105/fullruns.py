"""Round 105's full runs (`fullruns.sh`, spent exams only, deciding nothing): the candidate (`candidate.py`: the lift
held 2x under a failure behind a warmup, or no lift where that would not lift) against the product's first scorings
on the rows it changes, per regime, with each row's seed noise. Reads ``score.c.examN.json`` here and the pooled first
scorings (``exam_pool.FIRST_SCORINGS``).

    python benchmarks/results/experiments/round105/fullruns.py > benchmarks/results/experiments/round105/fullruns.txt
"""
import json
import math
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, "benchmarks")
from exam_pool import FIRST_SCORINGS  # noqa: E402

RES = Path("benchmarks/results")


def fmt(v: list[float]) -> str:
    finite = [x for x in v if math.isfinite(x)]
    return (f"median {statistics.median(v):+7.1%}, within 3% {sum(x <= 0.03 for x in v):>2}, over 8% "
            f"{sum(x > 0.08 for x in v):>2}, diverged {sum(not math.isfinite(x) for x in v)}, mean of finite "
            f"{statistics.mean(finite):+8.1%}, worst finite {max(finite):+8.1%}")


def compare(here: Path, stem: str, kind: str) -> None:
    """The candidate's full runs (``here``'s ``stem``.examN.json files) against the pooled first scorings, per regime
    (round 107's long candidate reads its own through this)."""
    first = {int(e.split()[-1]): RES / rel for e, rel, _ in FIRST_SCORINGS}
    rows = []
    for f in sorted(here.glob(f"{stem}.exam*.json"), key=lambda p: int(p.name.split("exam")[1].split(".")[0])):
        n = int(f.name.split("exam")[1].split(".")[0])
        a = {(r["workload"], r["data"]): r for r in json.loads(first[n].read_text())["rows"]}
        for r in json.loads(f.read_text())["rows"]:
            if "pick" in r and "regret" in r["pick"]:
                k = (r["workload"], r["data"])
                rows.append((n, *k, a[k]["pick"]["regret"], r["pick"]["regret"], r["seed_noise"] or 0.0,
                             a[k]["pick"]["lr_ratio"], r["pick"]["lr_ratio"], r["pick"]["warmup_steps"]))
    for data in ("eval", "no-eval"):
        mine = [x for x in rows if x[2] == data]
        print(f"{data}: {len(mine)} {kind} rows the candidate changes (regret: the product's first scoring -> the candidate, "
              "full runs, seeds 0 and 1)")
        for x in mine:
            print(f"  {x[0]:>3} {x[1]:<36} {x[3]:+9.1%} -> {x[4]:+9.1%}   {x[6]:.2f}x -> {x[7]:.2f}x"
                  f"{' (no lift)' if x[8] == 0 and kind == 'short' else ''}   seed noise {x[5]:.1%}")
        better = sum(x[4] < x[3] - max(0.01, 2 * x[5]) for x in mine)
        worse = sum(x[4] > x[3] + max(0.01, 2 * x[5]) for x in mine)
        print(f"  product:   {fmt([x[3] for x in mine])}")
        print(f"  candidate: {fmt([x[4] for x in mine])}")
        print(f"  beyond max(1 point, 2 x seed noise): candidate better on {better}, worse on {worse}\n")


if __name__ == "__main__":
    compare(HERE, "score.c", "short")
