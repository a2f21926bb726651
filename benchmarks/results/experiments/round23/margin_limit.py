"""Round 23 (offline replay on recorded recipes, spent exams only): where the safety margin moved the pick.

Rows: short plans of the pooled first scorings whose recorded explanation says the measured best "sits closer than 2x
to a failed probe". Today (`keep_margin`): the best measured candidate under the limit (failure LR / SAFETY_RATIO),
which can sit far below it. Replayed: (a) the measured best itself, no margin; (b) the measured best lowered to the
limit itself, its own warmup (an LR between two measured probes, not measured). Full-length regrets are interpolated
on the exam's grid (coverage.py), so every column is an estimate. Run from the repository root:
    python benchmarks/results/experiments/round23/margin_limit.py > benchmarks/results/experiments/round23/margin_limit.txt
"""
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, "benchmarks")
sys.path.insert(0, str(Path(__file__).parent))
from coverage import grid_means, loss_at, quality, recorded  # noqa: E402


out = []
for exam, score, r, f in recorded():
    recipe = json.loads(f.read_text())
    if "sits closer than 2x to a failed probe" not in ((recipe.get("recommendation") or {}).get("explanation") or [""])[0]:
        continue
    probes = recipe["evidence"]["probes"]
    rr = [p for p in probes if p["stage"] == "rerank" and not p["failed"] and p["diverged_step"] is None]
    top = min(rr, key=quality)
    w = top["warmup_steps"] / top["horizon"]
    fails = [p["peak_lr"] for p in probes if p["failed"] in ("diverged", "spiked", "stalled")
             and p["peak_lr"] > top["peak_lr"] * 1.001 and p["warmup_steps"] / p["horizon"] <= w + 1e-9]
    if not fails:
        continue
    limit = min(min(fails) / 2, top["peak_lr"])
    grid = grid_means(score.parent, r["workload"])
    best = r["best"]["loss"]
    total = recipe["recommendation"]["total_steps"]

    def est(lr, wf):
        v = loss_at(grid, lr, wf)
        return None if v is None else v / best - 1

    today = est(r["pick"]["lr"], recipe["recommendation"]["warmup_steps"] / total)
    a, b = est(top["peak_lr"], round(w, 2)), est(limit, round(w, 2))
    out.append((exam, r["workload"], r["data"], r["pick"]["regret"], today, a, b, r["pick"]["lr"] / r["best"]["lr"],
                top["peak_lr"] / r["best"]["lr"], limit / r["best"]["lr"], r["long"]))

print(f"{'exam':<8}{'workload':<28}{'data':<8}{'scored':>8}{'today~':>8}{'best~':>9}{'limit~':>9}   LR/best: today, best, limit")
fmt = lambda v: "   n/a" if v is None else f"{v:+.1%}"
for x in out:
    print(f"{x[0]:<8}{x[1]:<28}{x[2]:<8}{x[3]:>+8.1%}{fmt(x[4]):>8}{fmt(x[5]):>9}{fmt(x[6]):>9}   {x[7]:.2f}, {x[8]:.2f}, {x[9]:.2f}")
ok = [x for x in out if None not in x[4:7]]
for long in (False, True):
    sub = [x for x in ok if x[10] == long]
    if sub:
        print(f"\n{'long' if long else 'short'} rows with all three estimates: {len(sub)}")
        for i, name in ((4, "today (margin to the best measured under the limit)"), (5, "the measured best, no margin"),
                        (6, "the measured best lowered to the limit")):
            v = [x[i] for x in sub]
            print(f"  {name:<55} median {statistics.median(v):+.2%}  mean {statistics.mean(v):+.2%}  worst {max(v):+.1%}  within 3% {sum(t <= 0.03 for t in v)}")
