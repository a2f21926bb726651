"""Round 83's reading of `other_look.py`'s probes (descriptive, spent exams 71-134, deciding nothing): set U's rule (the
look's winner, lifted by LIFT_FACTOR, taken only where it is above the pick) against the pick as made, read off the
full-length grids (round 23's interpolation, the lifted pick behind the 20% warmup), by optimizer and for the low
misses (picks under 0.35x the best LR). Run from the repository root:
    python benchmarks/results/experiments/round83/read_other.py > benchmarks/results/experiments/round83/read_other.txt
"""
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = ["benchmarks", str(HERE.parent / "round23")]
from coverage import loss_at, picked  # noqa: E402
from exam_pool import exam_number  # noqa: E402

from warmfind import defaults  # noqa: E402

LOOK = HERE / "look.jsonl"


def summary(name: str, res: list[tuple]) -> str:
    if not res:
        return f"  {name:<26} no rows"
    a, u = [x[0] for x in res], [x[1] for x in res]
    moved = [x for x in res if x[2]]
    return (f"  {name:<26} {len(res):3d} rows, moved {len(moved):2d}: median A {statistics.median(a):+.1%} U "
            f"{statistics.median(u):+.1%}; over 8% {sum(v > 0.08 for v in a)} -> {sum(v > 0.08 for v in u)}; within 3% "
            f"{sum(v <= 0.03 for v in a)} -> {sum(v <= 0.03 for v in u)}; U better by over a point on "
            f"{sum(y < x - 0.01 for x, y, _m, _l, _o in res)}, worse on {sum(y > x + 0.01 for x, y, _m, _l, _o in res)}")


def main() -> None:
    looks = {(d["exam"], d["workload"]): d for d in map(json.loads, LOOK.read_text().splitlines()) if "probes" in d}
    res = []
    for exam, r, rec, total, wf, grid, best in picked(exams={e for e, _ in looks}):
        key = (exam_number(exam), r["workload"])
        if r["long"] or r["data"] != "eval" or key not in looks:
            continue
        d = looks[key]
        a = loss_at(grid, r["pick"]["lr"], wf)
        winner = min(d["probes"], key=lambda p: p["eval"])
        lr = defaults.LIFT_FACTOR * winner["lr"]
        up = winner["eval"] < float("inf") and lr > d["pick_lr"] * (1 + 1e-6)
        u = loss_at(grid, lr, defaults.LIFT_WARMUP) if up else a
        if a is None or u is None:
            continue
        res.append((a / best - 1, u / best - 1, up, r["pick"]["lr_ratio"] < 0.35, d["optimizer"].split("_")[0]))
    print(f"spent exams 71-134, short rows with eval_data whose optimizer the look skips: {len(res)} read off the grids")
    print(summary("all", res))
    print(summary("low misses (under 0.35x)", [x for x in res if x[3]]))
    print(summary("the others", [x for x in res if not x[3]]))
    for opt in sorted({x[4] for x in res}):
        print(summary(opt, [x for x in res if x[4] == opt]))


if __name__ == "__main__":
    main()
