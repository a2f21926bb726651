"""Round 23 (offline replay on recorded recipes, spent exams only): a wider warmup tie on short plans.

Today (WARMUP_TIE = 1%): a no-warmup choice that is the measured best moves to the largest-LR re-rank candidate with
warmup above it whose score is within 1% of its own. Replayed here with a tolerance X on every short row of the pooled
first scorings: any pick (with or without warmup) moves to the largest-LR stable re-rank candidate with warmup above
it whose ranking loss is within X of the best stable re-rank candidate's. Both picks are placed on the full-length grid
(coverage.py's interpolation), so today's column is an estimate too. With ``--any``, the candidate need not have
warmup (a tie toward any larger LR: round 24's rule), tolerances 0.5-2%, measured-best picks only. Run from the
repository root:
    python benchmarks/results/experiments/round23/warmup_tie.py > benchmarks/results/experiments/round23/warmup_tie.txt
    python benchmarks/results/experiments/round23/warmup_tie.py --any > benchmarks/results/experiments/round23/tie_any.txt
"""
import json
import math
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
sys.path.insert(0, str(Path(__file__).parent))
from coverage import grid_means, loss_at, quality, recorded  # noqa: E402


def replay(x_tol, best_only, any_lr=False):
    out = []
    for exam, score, r, f in recorded(short_only=True):
        recipe = json.loads(f.read_text())
        total = recipe["recommendation"]["total_steps"]
        grid = grid_means(score.parent, r["workload"])
        best = r["best"]["loss"]
        rr = [p for p in recipe["evidence"]["probes"] if p["stage"] == "rerank" and not p["failed"]
              and p["diverged_step"] is None and p["loss"] is not None and math.isfinite(quality(p))]
        if not rr:
            continue
        lead = min(quality(p) for p in rr)
        pick_lr, pick_w = r["pick"]["lr"], recipe["recommendation"]["warmup_steps"] / total
        top = min(rr, key=quality)
        is_best = abs(top["peak_lr"] / pick_lr - 1) < 0.01 and abs(top["warmup_steps"] / top["horizon"] - pick_w) < 0.01
        moved = [] if best_only and not is_best else [p for p in rr if (any_lr or p["warmup_steps"] > 0) and p["peak_lr"] > pick_lr * 1.01 and quality(p) <= lead * (1 + x_tol)]
        new_lr, new_w = (pick_lr, pick_w)
        if moved:
            m = max(moved, key=lambda p: p["peak_lr"])
            new_lr, new_w = m["peak_lr"], round(m["warmup_steps"] / m["horizon"], 2)
        def est(lr, w):
            v = loss_at(grid, lr, w)
            return None if v is None else v / best - 1
        a, b = est(pick_lr, pick_w), est(new_lr, new_w)
        if a is None or b is None:
            continue
        out.append((exam, r["workload"], r["data"], a, b, new_lr != pick_lr, r["best"]["lr"], pick_lr, new_lr))
    return out


ANY = "--any" in sys.argv
SETTINGS = (((True, 0.005), (True, 0.01), (True, 0.02)) if ANY else
            ((False, 0.01), (False, 0.02), (False, 0.03), (True, 0.01), (True, 0.02), (True, 0.03), (True, 0.05)))
for best_only, tol in SETTINGS:
    rows = replay(tol, best_only, ANY)
    print(f"{'pick is the measured best' if best_only else 'any pick'}, X = {tol:.1%}")
    for data in ("eval", "no-eval"):
        sub = [x for x in rows if x[2] == data]
        a, b = [x[3] for x in sub], [x[4] for x in sub]
        mv = [x for x in sub if x[5]]
        print(f"  {data:<8} rows {len(sub)}: median {statistics.median(a):+.2%} -> {statistics.median(b):+.2%}, "
              f"mean {statistics.mean(a):+.2%} -> {statistics.mean(b):+.2%}, 90th pct {sorted(a)[int(0.9 * len(a))]:+.1%} -> "
              f"{sorted(b)[int(0.9 * len(b))]:+.1%}, within 3% {sum(v <= 0.03 for v in a)} -> {sum(v <= 0.03 for v in b)}; "
              f"moved {len(mv)}: better by >1pt {sum(x[4] < x[3] - 0.01 for x in mv)}, worse by >1pt {sum(x[4] > x[3] + 0.01 for x in mv)}; "
              f"LR/best median {statistics.median(x[7] / x[6] for x in sub):.2f} -> {statistics.median(x[8] / x[6] for x in sub):.2f}")
    for x in rows:
        if x[5] and abs(x[4] - x[3]) > 0.01:
            print(f"    {x[0]:<8}{x[1]:<26}{x[2]:<8} {x[3]:+.1%} -> {x[4]:+.1%}  (LR {x[7]:.3g} -> {x[8]:.3g}, best {x[6]:.3g})")
    print()
