"""Round 61 (descriptive, spent exams read again after their first scorings, deciding nothing): the short-plan lift,
on RAdam plans and the others. Exams 85-86's two worst short rows (a sandcastle and a gong RAdam MLP, +5,245% and +81,374%) are RAdam
plans whose pick the lift (round 53: a 20% warmup at 2^(1/2) x the re-rank's choice) put on a cliff. RAdam's
rectification term grows with the step (``round56/readoff.py``), so a later peak (a longer warmup) also takes larger
steps: on a 300-step plan at beta2 = 0.999 the largest step per unit of peak LR is 0.206 with a 20% warmup against
0.176 with 5%. For every lifted short row of exams 71-86 (the 2^(1/2) lift), this reads the full-length loss off the
exam's grid (round 23's ``loss_at``: seeds 0 and 1, interpolated in log LR at the nearest grid warmup) at the pick
(the lift, a 20% warmup) and at the choice with the warmup the re-rank measured for it (``recommendation.measured``),
RAdam rows apart from the others. Nothing is re-run.

    python benchmarks/results/experiments/round61/lift_readoff.py > benchmarks/results/experiments/round61/lift_readoff.txt
"""
import statistics
import sys

sys.path.insert(0, "benchmarks/results/experiments/round23")
from coverage import loss_at, picked  # noqa: E402


def main(first: int = 71, last: int = 86) -> None:
    for data in ("eval", "no-eval"):
        groups: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
        for exam, r, rec, total, wf, grid, best in picked(exams=set(range(first, last + 1))):
            measured = (rec.get("recommendation") or {}).get("measured") or {}
            if r["long"] or r["data"] != data or measured.get("moved_by") != "warmup-lift":
                continue
            radam = r["optimizer"].startswith("radam")
            lifted = loss_at(grid, r["pick"]["lr"], wf)
            unlifted = loss_at(grid, measured["peak_lr"], (measured.get("warmup_steps") or 0) / total)
            if lifted is None or unlifted is None:
                print(f"  {exam} {data:<8} {r['workload']:<32} off the grid")
                continue
            pair = (lifted / best - 1, unlifted / best - 1)
            groups[radam].append(pair)
            if radam:
                print(f"  {exam} {data:<8} {r['workload']:<32} lift {pair[0]:+9.1%} (scored {r['pick']['regret']:+9.1%})"
                      f"   choice at its measured warmup {pair[1]:+9.1%}")
        for radam, rows in groups.items():
            if rows:
                for i, name in enumerate(("lift (what ships)", "choice, measured warmup")):
                    xs = [v[i] for v in rows]
                    print(f"{data} {'RAdam' if radam else 'other'}: {len(xs)} rows, {name}: median {statistics.median(xs):+.1%}, "
                          f"within 3% {sum(x <= 0.03 for x in xs)}, over 8% {sum(x > 0.08 for x in xs)}, worst {max(xs):+.1%}")


if __name__ == "__main__":
    main(*map(int, sys.argv[1:3]))
