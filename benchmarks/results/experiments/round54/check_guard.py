"""Round 54 (descriptive, spent exams read again, deciding nothing): a lift that lands on an LR the constant-LR check
failed at. Exam 70's kart plan (round 53): the check failed at 0.0575 and 0.0483 and lowered the choice to 0.0407; the
lift put the peak back on the failed LRs (+30% at 2^(1/4), +212% at 2^(1/2)).

For every short-plan row of the pooled first scorings (exams 39-70) whose constant-LR check lowered the choice (a
check probe above the choice's LR: the check only steps down after a failure), this reads the full-length loss off the
exam's grid (round 23's ``loss_at``: seeds 0 and 1, interpolated in log LR at a 20% warmup) at the choice x 2^(k/4),
k = 0, 1, 2, and at the guarded lift: the largest of those strictly below the lowest LR the check failed at. The
choice is the recipe's ``measured`` where it has one, else the pick over the lift factor where the first explanation
line names the lift (exams 65-70's code before the field: 2^(1/4)), else the pick. Nothing is re-run.
    python benchmarks/results/experiments/round54/check_guard.py > benchmarks/results/experiments/round54/check_guard.txt
Exams 71-78 (read again after their first scorings, with each failed check's spike ratio):
    python benchmarks/results/experiments/round54/check_guard.py 71 78 > benchmarks/results/experiments/round54/check_guard71_78.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402

FACTORS = (1.0, 2 ** 0.25, 2 ** 0.5)


def choice(rec: dict, pick_lr: float) -> float:
    r = rec.get("recommendation") or {}
    if r.get("measured"):
        return r["measured"]["peak_lr"]
    first = (r.get("explanation") or [""])[0]
    return pick_lr / 2 ** 0.25 if "x the re-rank's choice" in first else pick_lr


def main(first: int = 39, last: int = 70) -> None:
    for data in ("eval", "no-eval"):
        rows = []
        for exam, r, rec, total, _, grid, best in picked(exams=set(range(first, last + 1))):
            if r["long"] or r["data"] != data:
                continue
            c = choice(rec, r["pick"]["lr"])
            checks = [p for p in rec["evidence"]["probes"] if p["stage"] == "check" and p["peak_lr"] > c * 1.001]
            if not checks:
                continue
            limit = min(p["peak_lr"] for p in checks)
            vals = [loss_at(grid, c * f, 0.2) for f in FACTORS]
            guarded = max(f for f in FACTORS if c * f < limit * 0.999)
            g = loss_at(grid, c * guarded, 0.2)
            if None in vals or g is None:
                continue
            reg = [v / best - 1 for v in vals] + [g / best - 1]
            rows.append(reg)
            print(f"  {exam} {data:<8} {r['workload']:<32} lowest failed check {limit / c:4.2f}x the choice: "
                  + "  ".join(f"x{f:.2f} {x:+7.1%}" for f, x in zip(FACTORS, reg)) + f"  guarded (x{guarded:.2f}) {reg[3]:+7.1%}"
                  + ("" if (first, last) == (39, 70) else "  spikes " + ", ".join(
                      f"x{p['spike']['ratio']:.1f}{'' if p['spike'].get('recovered') else ' unrecovered'}" if p.get("spike")
                      else ("diverged" if p.get("diverged_step") is not None else "none") for p in checks)))
        for i, name in enumerate(("x1.00", "x1.19", "x1.41", "guarded x1.41")):
            xs = [v[i] for v in rows]
            if xs:
                print(f"{data}: {len(xs)} rows, {name}: median {statistics.median(xs):+.1%}, over 8% {sum(x > 0.08 for x in xs)}, "
                      f"worst {max(xs):+.1%}")


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))
