"""Round 72 (descriptive, spent exams read off their grids, deciding nothing): should the short plans' warmup lift
depend on what the re-rank measured above its choice?

Every lifted short pick (``recommendation.measured.moved_by == "warmup-lift"``: the recipe ships 2^(1/2) x the
re-rank's choice behind a 20% warmup; 2^(1/4) on exams 65-70) of the pooled first scorings. ``gap``, for a choice without warmup: how much
worse the best stable re-rank probe with a warmup at a larger LR than the choice scored than the choice itself (its
ranking loss, ``coverage.quality``). Choices that already had a warmup form their own band. Asked after exam 116's metronome: its re-rank measured 2x the choice behind a warmup
26% worse, the lift still moved the pick to 1.41x, and the full run's best sat at no warmup (+8.5%). Read off the
exam's full-length grid (round 23's interpolation: mean of seeds 0 and 1, in log LR at the grid's warmup fraction;
rows where an LR falls off the grid left out): the pick as made (L), the choice at its own warmup (N) and at 5% (F).
Nothing is re-run. Run from the repository root:
    python benchmarks/results/experiments/round72/lift_gap.py > benchmarks/results/experiments/round72/lift_gap.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
sys.path.insert(0, "benchmarks/results/experiments/round37")
sys.path.insert(0, "benchmarks/results/experiments/round56")
from coverage import loss_at, picked, quality  # noqa: E402
from offline import measured_choice  # noqa: E402
from side_signals import stable_rerank  # noqa: E402

WARMED = "choice already warmed up"
BANDS = (("gap over 10%", lambda g: isinstance(g, float) and g > 0.10),
         ("gap 10% or less", lambda g: isinstance(g, float) and g <= 0.10),
         ("no warmed-up probe above (or all failed)", lambda g: g is None), (WARMED, lambda g: g == WARMED),
         ("all", lambda g: True))


def gap(rec: dict, choice: float) -> float | None:
    """The best stable warmed-up re-rank probe above ``choice`` against the choice's own score, or None without one."""
    probes = stable_rerank(rec)
    own = [quality(p) for p in probes if abs(p["peak_lr"] / choice - 1) < 1e-9 and not p["warmup_steps"]]
    above = [quality(p) for p in probes if p["peak_lr"] > choice * 1.01 and p["warmup_steps"]]
    return min(above) / min(own) - 1 if own and above else None


def summary(v: list[float]) -> str:
    return f"{statistics.median(v):+6.1%} (within 3% {sum(t <= 0.03 for t in v):>2}, over 8% {sum(t > 0.08 for t in v):>2})"


def main() -> None:
    rows = {"eval": [], "no-eval": []}
    for exam, r, rec, _, wf, grid, best in picked():
        choice = None if r["long"] else measured_choice(rec, "warmup-lift")
        if choice is None:
            continue
        c, warmed = choice[0], bool(choice[1])
        read = [loss_at(grid, lr, w) for lr, w in ((r["pick"]["lr"], wf), (c, 0.2 if warmed else 0.0), (c, 0.05))]
        if None not in read:
            rows[r["data"]].append((WARMED if warmed else gap(rec, c), *(v / best - 1 for v in read)))
    print("Lifted short picks of the pooled first scorings, read off the full-length grids: L = as made (2^(1/2) x the")
    print("re-rank's choice, 2^(1/4) on exams 65-70, 20% warmup), N = the choice at its own warmup (none, or 20%), F = the")
    print("choice with a 5% warmup")
    for data, found in rows.items():
        for name, keep in BANDS:
            v = [x for x in found if keep(x[0])]
            if not v:
                continue
            lift, none, five = ([x[i] for x in v] for i in (1, 2, 3))
            print(f"{data:<8} {name:<40} {len(v):>3} rows  L {summary(lift)}  N {summary(none)}  F {summary(five)}  "
                  f"N better than L by over a point on {sum(n < l - 0.01 for l, n in zip(lift, none))}, worse on "
                  f"{sum(n > l + 0.01 for l, n in zip(lift, none))}")


if __name__ == "__main__":
    main()
