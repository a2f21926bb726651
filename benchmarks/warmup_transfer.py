"""Warmup transfer benchmark: does the noise-scale warmup rule move the best warmup to another batch size?

The rule (warmfind.analysis.noise_scale.predicted_warmup): a warmup measured at batch B lasts
W' = W (1 + B_noise/B') / (1 + B_noise/B) steps at batch B', the steps the same stretch of early training
takes (McCandlish et al. 2018, S = S_min (1 + B_noise/B)); the peak LR moves by the matching
eps(B) = eps_max / (1 + B_noise/B). Two fixed rules bracket it: the same warmup steps, and the same warmup
examples (W B/B', Goyal et al.'s warmup in epochs).

For each workload, at an LR where warmup matters (the recommendation benchmark's grid shows it helping; at LRs
far above the best, the best warmup is simply the longest, which says nothing about transfer):
1. B_noise is measured the way `warmfind probe` does after its constant-LR check: train at the LR (5% warmup)
   for 40 steps, then `noise_report.measure_now` (NOISE_BATCHES batches, no update).
2. A warmup grid (0, 4, 8, ... steps) is trained in full at batch B (T steps), B/2 (2T steps) and 2B (T/2
   steps), and for charlm_postln also B/4 and 4B: the same examples each, the LR moved by the noise-scale rule,
   3 seeds; held-out loss.
3. From the best warmup at B, each rule predicts the warmup at the other batch sizes; its loss there
   (interpolated on log(1 + warmup)) against the best of that grid gives its regret.

Run (about 10 minutes on 2 CPU cores):
    python benchmarks/warmup_transfer.py --out benchmarks/results/warmup_transfer
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from recommendation import BENCHES, _batch, _mean, _setup, _workload, train

SEEDS = (0, 1, 2)
WARMUPS = (0, 4, 8, 16, 32, 64, 128, 256, 512)
NOISE_AFTER = 40  # steps trained at the LR before B_noise is measured (a probe's check is warmup + 30)


@dataclass(frozen=True)
class Case:
    name: str  # a workload of benchmarks/recommendation.py
    lr: float  # at its own batch size: a grid LR where warmup changed the loss
    factors: tuple[float, ...] = (0.5, 1.0, 2.0)  # batch sizes trained, as multiples of the workload's own


CASES = (  # the grid's best LR (charlm_postln: one rung above it, where warmup matters more)
    # the one workload whose loss-vs-warmup curve has a clear interior minimum: 16x range of batch sizes, from
    # well below its noise scale to well above it, where the three rules disagree most
    Case("charlm_postln", 2e-2, (0.25, 0.5, 1.0, 2.0, 4.0)),
    Case("charlm_preln", 2e-2),
    Case("cnn_bn_sgd", 1e-1),
    Case("deep_mlp_adam", 2e-3),
)


def measure_b_noise(name: str, lr: float) -> float:
    """B_simple after NOISE_AFTER steps at ``lr``, measured as the probe does (warmfind.probing.noise_report.measure_now)."""
    _setup()
    import torch

    from warmfind.probing.noise_report import measure_now
    from warmfind.probing.prober import Prober
    from warmfind.recipe.schedule import Schedule

    bench = BENCHES[name]
    prober = Prober(_workload(bench, 0), torch.device("cpu"), seed=0)
    sched = Schedule(lr, int(0.05 * bench.total_steps), bench.total_steps, lr * 0.1)
    prober.run(sched.lr_at, NOISE_AFTER, "noise", lr, sched.warmup_steps)
    noise = measure_now(prober, _batch(name))
    return noise.b_simple if noise is not None else math.inf


def loss_at(curve: dict[int, float], warmup: float) -> float:
    """The mean-loss curve over warmup steps, linear in log(1 + warmup) between grid points (clamped at its ends)."""
    points = sorted(curve.items())
    x = math.log1p(warmup)
    if x <= math.log1p(points[0][0]):
        return points[0][1]
    for (w0, l0), (w1, l1) in zip(points, points[1:]):
        x0, x1 = math.log1p(w0), math.log1p(w1)
        if x <= x1:
            if not (math.isfinite(l0) and math.isfinite(l1)):
                return l0 if x - x0 < x1 - x else l1
            return l0 + (l1 - l0) * (x - x0) / (x1 - x0)
    return points[-1][1]


def score(case: Case, b_noise: float, curves: dict[float, dict[int, float]]) -> dict[str, Any]:
    """Per target batch: the measured best warmup and each rule's prediction with its regret."""
    from warmfind.analysis.noise_scale import steps_factor

    batch = _batch(case.name)
    base = curves[1.0]
    best_w = min(base, key=lambda w: base[w])
    rows = []
    for factor in case.factors:
        if factor == 1.0:
            continue
        new_batch = round(batch * factor)
        curve = curves[factor]
        best = min(curve.values())
        rules = {
            "same steps": best_w,
            "same examples": best_w * batch / new_batch,
            "noise rule": best_w * steps_factor(batch, new_batch, b_noise),
        }
        rows.append({
            "batch": new_batch,
            "best_warmup": min(curve, key=lambda w: curve[w]),
            "predictions": {k: round(w, 1) for k, w in rules.items()},
            "regret": {k: loss_at(curve, w) / best - 1 for k, w in rules.items()},
        })
    return {"workload": case.name, "batch": batch, "lr": case.lr, "b_noise": b_noise, "best_warmup": best_w,
            "curves": {str(f): c for f, c in curves.items()}, "targets": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="benchmarks/results/warmup_transfer")
    parser.add_argument("--only", nargs="*", help="workload names (default: all cases)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    cases = [c for c in CASES if not args.only or c.name in args.only]
    started = time.monotonic()
    from warmfind.analysis.noise_scale import predicted_lr

    with ProcessPoolExecutor(args.workers) as pool:
        noise = {c.name: pool.submit(measure_b_noise, c.name, c.lr) for c in cases}
        b_noise = {n: f.result() for n, f in noise.items()}
        jobs = {}
        for c in cases:
            batch, total = _batch(c.name), BENCHES[c.name].total_steps
            for factor in c.factors:
                new_batch, steps = round(batch * factor), round(total / factor)
                lr = predicted_lr(c.lr, batch, new_batch, b_noise[c.name])
                for w in WARMUPS:
                    if w < steps:
                        for s in SEEDS:
                            jobs[(c.name, factor, w, s)] = pool.submit(train, c.name, lr, w, s, new_batch, steps)
        losses = {k: f.result() for k, f in jobs.items()}
    results = []
    for c in cases:
        curves = {f: {w: _mean([losses[(c.name, f, w, s)] for s in SEEDS]) for w in WARMUPS if (c.name, f, w, 0) in losses}
                  for f in c.factors}
        results.append(score(c, b_noise[c.name], curves))
    report = {"command": "python benchmarks/warmup_transfer.py --out benchmarks/results/warmup_transfer",
              "minutes": round((time.monotonic() - started) / 60, 1), "seeds": list(SEEDS), "results": results}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(report, indent=1))
    text = render(report)
    out.with_suffix(".md").write_text(text)
    print(text)


def render(report: dict[str, Any]) -> str:
    lines = [
        "# Warmup transfer benchmark", "",
        f"Command: `{report['command']}` ({report['minutes']} min, 2 CPU workers, seeds {report['seeds']})", "",
        ("Best warmup (steps) measured at batch B, moved to other batch sizes by three rules; regret = mean held-out loss "
         "at the predicted warmup (interpolated on log(1+steps)) / the best of that batch's warmup grid - 1."), "",
        "| workload | B, LR | B_noise | best W at B | batch | best W there | same steps | same examples | noise rule |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    totals: dict[str, list[float]] = {}
    for r in report["results"]:
        for t in r["targets"]:
            cells = []
            for rule in ("same steps", "same examples", "noise rule"):
                totals.setdefault(rule, []).append(t["regret"][rule])
                cells.append(f"{t['predictions'][rule]:g} ({t['regret'][rule]:+.2%})")
            lines.append(f"| {r['workload']} | {r['batch']}, {r['lr']:g} | {r['b_noise']:.3g} | {r['best_warmup']} | "
                         f"{t['batch']} | {t['best_warmup']} | " + " | ".join(cells) + " |")
    lines += ["", "| rule | mean regret | worst regret |", "|---|---|---|"]
    for rule, values in totals.items():
        lines.append(f"| {rule} | {sum(values) / len(values):+.2%} | {max(values):+.2%} |")
    lines += ["", "## Mean held-out loss by warmup steps", ""]
    for r in report["results"]:
        for factor, curve in r["curves"].items():
            cells = ", ".join(f"{w}: {loss:.4g}" for w, loss in curve.items())
            lines.append(f"- {r['workload']} at batch x{factor}: {cells}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
