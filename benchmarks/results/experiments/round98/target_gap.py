"""Round 98 (descriptive, spent exams read off their grids, deciding nothing): should the short plans' warmup lift
stand where the re-rank measured the lift's own target, and measured it worse than the choice?

Asked after exam 168's desk lamp (+355.8%): the re-rank's choice 0.307 behind a 20% warmup scored 0.896; its probe at
0.434 = 2^(1/2) x the choice, behind the same warmup, scored 1.016 (13% worse, no better than untrained), and the lift
still shipped 0.434. Issue 20's third item: no rule moves the pick away from the measured best unless measured noise
says the two are equal. Every lifted short pick (``recommendation.measured.moved_by == "warmup-lift"``) of the pooled
first scorings (exams 4-168, spent): ``gap`` = the lift target's own re-rank probe (same LR within 0.1%, a warmup,
the longest horizon it was probed at) against the choice's probe at that horizon (its ranking loss, round 23's
``quality``); ``failed`` where that probe failed. Read off the exam's full-length grid (round 23's interpolation,
mean of seeds 0 and 1, rows where an LR falls off the grid left out): the pick as made (L; its scored regret beside
it), the choice at its own warmup (N, 20% where the choice had none: the lift's warmup, the nearest cell). Nothing is
re-run. Run from the repository root:
    python benchmarks/results/experiments/round98/target_gap.py > benchmarks/results/experiments/round98/target_gap.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked, quality  # noqa: E402

BANDS = (("target measured, over 10% worse", lambda g: isinstance(g, float) and g > 0.10),
         ("target measured, 3-10% worse", lambda g: isinstance(g, float) and 0.03 < g <= 0.10),
         ("target measured, within 3% or better", lambda g: isinstance(g, float) and g <= 0.03),
         ("target's probe failed", lambda g: g == "failed"),
         ("target not measured", lambda g: g is None), ("all", lambda g: True))


def gap(rec: dict, choice: float, pick: float) -> float | str | None:
    """The lift target's longest re-rank probe against the choice's probe at that horizon; "failed"; None unmeasured."""
    probes = [p for p in rec["evidence"]["probes"] if p["stage"] == "rerank"]
    target = [p for p in probes if abs(p["peak_lr"] / pick - 1) < 1e-3 and p["warmup_steps"]]
    if not target:
        return None
    t = max(target, key=lambda p: p["horizon"])
    if t.get("failed"):
        return "failed"
    own = [quality(p) for p in probes if abs(p["peak_lr"] / choice - 1) < 1e-6 and p["horizon"] == t["horizon"]
           and not p.get("failed")]
    return quality(t) / min(own) - 1 if own else None


def summary(v: list[float]) -> str:
    return (f"{statistics.median(v):+7.1%} (within 3% {sum(t <= 0.03 for t in v):>3}, over 8% "
            f"{sum(t > 0.08 for t in v):>3}, worst {max(v):+8.1%})")


def main() -> None:
    rows = {"eval": [], "no-eval": []}
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(4, 169))):  # as read after exam 168
        m = (rec.get("recommendation") or {}).get("measured") or {}
        if r["long"] or m.get("moved_by") != "warmup-lift" or not total:
            continue
        choice, cw = m["peak_lr"], (m.get("warmup_steps") or 0) / total
        pick = rec["recommendation"]["peak_lr"]
        read = [loss_at(grid, pick, wf), loss_at(grid, choice, cw)]
        if None in read:
            continue
        rows[r["data"]].append((gap(rec, choice, pick), r["pick"]["regret"], *(v / best - 1 for v in read),
                                f"{exam} {r['workload']}"))
    print("Lifted short picks of the pooled first scorings (exams 4-168), read off the full-length grids: L = the pick as")
    print("made (its scored regret, then read off), N = the re-rank's choice at its own warmup (read off)")
    for data, found in rows.items():
        print(f"\n{data}: {len(found)} lifted rows")
        for name, keep in BANDS:
            v = [x for x in found if keep(x[0])]
            if not v:
                continue
            better = sum(x[3] < x[2] - 0.01 for x in v)  # N read off over a point better than L read off
            worse = sum(x[3] > x[2] + 0.01 for x in v)
            print(f"  {name:<40} {len(v):>4} rows  L scored {summary([x[1] for x in v])}")
            print(f"  {'':<40} {'':>4}       L read   {summary([x[2] for x in v])}")
            print(f"  {'':<40} {'':>4}       N read   {summary([x[3] for x in v])}  N better by a point on {better}, worse on {worse}")
        for x in sorted(found, key=lambda x: -x[1]):  # every row whose target read over 3% worse
            if isinstance(x[0], float) and x[0] > 0.03:
                print(f"    {x[4]:<50} gap {x[0]:+6.1%}  L scored {x[1]:+8.1%}  L read {x[2]:+8.1%}  N read {x[3]:+8.1%}")


if __name__ == "__main__":
    main()
