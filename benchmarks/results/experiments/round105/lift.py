"""Round 105 (descriptive, spent exams 4-178's pooled first scorings, deciding nothing): the short-plan lift (20% warmup
at 2^(1/2) x the re-rank's choice) where the re-rank itself measured that warmup hurt. Exam 176's stirrup NAdam MLP:
the choice 0.0575 without warmup (held-out 0.0389), the same LR behind a 20% warmup 15% worse (0.0447), 0.115 behind
it stalled; the lift shipped 0.0813 behind 20% and the full run read +786% (the grid: 0.064 at 20% 5x worse than at 0%).

For every lifted short pick whose choice had no warmup: the re-rank probe at the choice's LR behind a warmup, at the
same horizon ("the warm twin"), and its ranking loss against the choice's (the warmup penalty); and whether a probe
behind a warmup failed within 2x above the lifted LR. Read off the full-length grid (round 23's interpolation): the
pick as shipped against the un-lifted choice (its LR, no warmup). Nothing is re-run.

    python benchmarks/results/experiments/round105/lift.py > benchmarks/results/experiments/round105/lift.txt
"""
import math
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked, quality  # noqa: E402

PENALTIES = (0.0, 0.02, 0.05, 0.10)


def same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6)


def twin(rec: dict, lr: float) -> tuple[float, float, float | None] | None:
    """(choice's ranking loss, its warm twin's, the smallest LR of a warmed probe that failed within 2x above
    2^(1/2) x lr, else None) or None."""
    probes = [p for p in (rec.get("evidence") or {}).get("probes", []) if p["stage"] == "rerank"]
    cold = [p for p in probes if same(p["peak_lr"], lr) and not p.get("warmup_steps") and not p.get("failed")]
    if not cold:
        return None
    h = cold[0]["horizon"]
    warm = [p for p in probes if same(p["peak_lr"], lr) and p.get("warmup_steps") and p["horizon"] == h]
    if not warm:
        return None
    lifted = lr * 2 ** 0.5
    failed = min((p["peak_lr"] for p in probes if p.get("failed") and p.get("warmup_steps")
                  and lifted < p["peak_lr"] <= 2 * lifted * (1 + 1e-6)), default=None)
    qw = math.inf if warm[0].get("failed") else quality(warm[0])
    return quality(cold[0]), qw, failed


def fmt(v: list[float]) -> str:
    if not v:
        return "none"
    return (f"median {statistics.median(v):+7.1%}, within 3% {sum(x <= 0.03 for x in v):>3}, over 8% "
            f"{sum(x > 0.08 for x in v):>3}, mean {statistics.mean(v):+9.1%}, worst {max(v):+9.1%}")


def main() -> None:
    rows = []
    for exam, r, rec, total, wf, grid, best in picked(exams=set(range(4, 179))):
        if r["long"]:
            continue
        m = (rec.get("recommendation") or {}).get("measured") or {}
        if m.get("moved_by") != "warmup-lift" or m.get("warmup_steps"):
            continue
        t = twin(rec, m["peak_lr"])
        if t is None:
            continue
        shipped, unlifted = loss_at(grid, r["pick"]["lr"], wf), loss_at(grid, m["peak_lr"], 0.0)
        if shipped is None or unlifted is None:
            continue
        capped = loss_at(grid, t[2] / 2, wf) if t[2] else shipped  # the lift held 2x below the failure
        capped = shipped if capped is None else capped
        # or, where holding it would not lift it at all (the failure within 2x of the choice), the choice as measured
        kept = unlifted if t[2] and t[2] / 2 <= m["peak_lr"] * (1 + 1e-6) else capped
        rows.append((exam, r["workload"], r["data"], t[1] / t[0] - 1, t[2] is not None, shipped / best - 1,
                     unlifted / best - 1, r["pick"]["regret"], capped / best - 1, kept / best - 1))
    for data in ("eval", "no-eval"):
        mine = [x for x in rows if x[2] == data]
        print(f"{data}: {len(mine)} lifted short rows whose no-warmup choice has a warm twin at the same horizon")
        for pen in PENALTIES:
            sel = [x for x in mine if x[3] > pen]
            print(f"  warm twin over {pen:.0%} worse: {len(sel)} rows")
            print(f"    shipped (lifted), read off  {fmt([x[5] for x in sel])}")
            print(f"    un-lifted choice, read off  {fmt([x[6] for x in sel])}")
            print(f"    lifted better by over a point on {sum(a < b - 0.01 for a, b in zip([x[5] for x in sel], [x[6] for x in sel]))}, "
                  f"worse on {sum(a > b + 0.01 for a, b in zip([x[5] for x in sel], [x[6] for x in sel]))}")
        sel = [x for x in mine if x[4]]
        print(f"  a warmed probe failed within 2x above the lifted LR: {len(sel)} rows")
        print(f"    shipped (lifted), read off  {fmt([x[5] for x in sel])}")
        print(f"    un-lifted choice, read off  {fmt([x[6] for x in sel])}")
        print(f"    lift held 2x under the fail {fmt([x[8] for x in sel])}")
        print(f"    held, or none if it cannot  {fmt([x[9] for x in sel])}")
        for i, name in ((6, "un-lifted"), (8, "held"), (9, "held or none")):
            print(f"    {name} against shipped: better by over a point on "
                  f"{sum(x[i] < x[5] - 0.01 for x in sel)}, worse on {sum(x[i] > x[5] + 0.01 for x in sel)}")
        for x in sel:
            print(f"    {x[0]:<9} {x[1]:<40} shipped {x[5]:+8.1%} un-lifted {x[6]:+8.1%} held {x[8]:+8.1%} "
                  f"held or none {x[9]:+8.1%} (scored {x[7]:+8.1%})")
        for x in sorted(mine, key=lambda x: -x[3])[:12]:
            print(f"    {x[0]:<9} {x[1]:<40} twin {x[3]:+6.1%} failed-above {str(x[4]):<5} shipped {x[5]:+8.1%} "
                  f"un-lifted {x[6]:+8.1%} (scored {x[7]:+8.1%})")
        print()


if __name__ == "__main__":
    main()
