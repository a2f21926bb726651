"""Round 76, a side reading (descriptive, spent exams, deciding nothing): should the lift start from the re-rank's
best warmed-up candidate instead of its choice?

Asked before set W was run: exam 118's parking-meter transformer (+45.1% at 0.08x the best LR) had its re-rank's
warmed-up pairs improve with the LR (b 0.142, 2b 0.131 at 100 steps) while its no-warmup choice b (0.108) won, and the
lift (2^(1/2) x the choice behind 20%) kept the pick near b. For every short pick of exams 71-120's first scorings, the
lift from the larger of the choice and the best stable 20%-warmup re-rank probe is read off the full-length grid
(round 23's interpolation), on the rows where that moves the pick. Run from the repository root:
    python benchmarks/results/experiments/round76/arm_lift.py > benchmarks/results/experiments/round76/arm_lift.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked, quality  # noqa: E402

LIFT = 2 ** 0.5


def main() -> None:
    rows: dict[str, list[tuple]] = {}
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(71, 121))):
        if r["long"]:
            continue
        measured = (rec.get("recommendation") or {}).get("measured") or {}
        probes = rec["evidence"]["probes"]
        warm = [p for p in probes if p["stage"] == "rerank" and not p.get("failed") and p.get("diverged_step") is None
                and p["warmup_steps"] > 0 and abs(p["warmup_steps"] / p["horizon"] - 0.2) < 0.02]
        if not warm or not measured:
            continue
        w = min(warm, key=quality)
        new = LIFT * max(measured["peak_lr"], w["peak_lr"])
        pick = r["pick"]["lr"]
        at_top = abs(w["peak_lr"] / max(p["peak_lr"] for p in warm) - 1) < 1e-6
        a, b = loss_at(grid, pick, wf), loss_at(grid, new, 0.2)
        if abs(new / pick - 1) < 1e-6 or a is None or b is None:
            continue
        rows.setdefault(r["data"], []).append((a / best - 1, b / best - 1, at_top, new / pick))
    print("short picks of exams 71-120 where the lift from the best warmed-up re-rank candidate moves the pick; "
          "read off the full-length grids")
    for data, v in rows.items():
        for name, sel in (("all moved", v), ("the warmed-up best at its largest LR", [x for x in v if x[2]])):
            a, b = [x[0] for x in sel], [x[1] for x in sel]
            print(f"{data:<8} {name:<38} {len(sel):>3} rows  pick {statistics.median(a):+6.1%}  arm lift "
                  f"{statistics.median(b):+7.1%}  better by over a point {sum(y < x - 0.01 for x, y in zip(a, b)):>2}, "
                  f"worse {sum(y > x + 0.01 for x, y in zip(a, b)):>2}, over 8% {sum(x > 0.08 for x in a)} -> "
                  f"{sum(y > 0.08 for y in b)}, new / pick LR median {statistics.median(x[3] for x in sel):.2f}")


if __name__ == "__main__":
    main()
