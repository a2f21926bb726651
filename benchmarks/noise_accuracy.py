"""Noise-scale accuracy benchmark: B_simple at init against the exact per-example value.

For each workload whose per-example gradients can be computed exactly (least squares in closed form, the two
MLPs with torch.func), estimate B_simple at initialisation over 16 independent draws of batches, two ways:

- **along the range test** (what `warmfind probe` reports, no extra step): the LR range test exactly as the
  search runs it (`search._range_test`, 100 steps from 1e-7), then `noise_report.at_init_from_range_test`: its
  steps under NOISE_INIT_LR_FRACTION x the blow-up LR, every pair of their batches (`noise_scale.noise_from_sums`).
  The same runs are also read with other fractions, to show what the window costs or buys;
- **extra batches** (`noise_probe.measure_at_init`, batch split 4 ways, no update) from n = 16 ... 256 batches:
  what the probe spent before issue 19, and what `measure_now` still spends after training.

Report the median and worst relative error against the exact value, and how often the exact value lies within
the estimate's ±2 standard errors (a calibrated stderr covers it ~95% of the time).

Run (about 1 minute on 2 CPU cores, one torch thread each):
    python benchmarks/noise_accuracy.py --out benchmarks/results/noise_accuracy
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from recommendation import BENCHES, _setup, _workload, exact_b_simple

WORKLOADS = ("least_squares_sgd", "mlp_sgd", "deep_mlp_adam")
SIZES = (16, 32, 64, 128, 256)
DRAWS = 16
MICRO = 4
FRACTIONS = (1e-4, 1e-3, 1e-2)  # windows of the range test read besides the default NOISE_INIT_LR_FRACTION


def estimates(name: str) -> dict[str, Any]:
    """The exact B_simple and, per number of batches, the (estimate, stderr) of each draw."""
    _setup()
    import torch

    from warmfind.probing.batches import BatchStream
    from warmfind.probing.noise_probe import measure_at_init

    workload = _workload(BENCHES[name], 0)
    out: dict[str, Any] = {"workload": name, "exact": exact_b_simple(name), "draws": {}, "range_test": {}}
    for fraction, draws in range_test_estimates(name).items():
        out["range_test"][fraction] = draws
    for n in SIZES:
        draws = []
        for draw in range(DRAWS):
            stream = BatchStream(workload.data, 7919 + 101 * draw, torch.device("cpu")).batches()
            noise = measure_at_init(workload.model, stream, workload.loss_fn, MICRO, n)
            draws.append((noise.b_simple, noise.stderr))
        out["draws"][n] = draws
    return out


def range_test_estimates(name: str) -> dict[float, list[tuple[float, float, int]]]:
    """Per window fraction, the (estimate, stderr, steps used) of each draw's range test (a fresh data order each)."""
    import torch

    from warmfind import defaults
    from warmfind.analysis.lr_range import analyse_range_test
    from warmfind.probing import search
    from warmfind.probing.batches import data_length
    from warmfind.probing.noise_report import at_init_from_range_test
    from warmfind.probing.prober import Prober

    out: dict[float, list[tuple[float, float, int]]] = {f: [] for f in sorted({*FRACTIONS, defaults.NOISE_INIT_LR_FRACTION})}
    for draw in range(DRAWS):
        workload = _workload(BENCHES[name], 0)  # the same initial weights as the exact value
        prober = Prober(workload, torch.device("cpu"), seed=7919 + 101 * draw)
        sweep = search._range_test(prober)
        blowup = analyse_range_test(sweep.lrs, sweep.losses, stopped_diverged=sweep.stopped == "diverged").blowup_lr
        batch = len(next(iter(workload.data))[0])
        for fraction in out:
            noise = at_init_from_range_test([sweep], blowup, batch, data_length(workload.data), fraction)
            out[fraction].append((noise.b_simple, noise.stderr, noise.samples) if noise else (math.nan, math.inf, 0))
    return out


def _row(draws: list[Any], exact: float) -> dict[str, Any]:
    errors = [abs(d[0] / exact - 1) if math.isfinite(d[0]) else math.inf for d in draws]
    covered = [math.isfinite(d[0]) and abs(d[0] - exact) <= 2 * d[1] for d in draws]
    return {"median_error": statistics.median(errors), "worst_error": max(errors), "coverage": sum(covered) / len(covered),
            "range": [min(d[0] for d in draws), max(d[0] for d in draws)]}


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    exact = result["exact"]
    rows = []
    for fraction, draws in result["range_test"].items():
        rows.append({"source": f"range test, lr < {float(fraction):g} x blow-up", "extra_batches": 0,
                     "steps": statistics.median(d[2] for d in draws), **_row(draws, exact)})
    for n, draws in result["draws"].items():
        rows.append({"source": "extra batches, split 4 ways", "extra_batches": int(n), "steps": int(n), **_row(draws, exact)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="benchmarks/results/noise_accuracy")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    started = time.monotonic()
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(estimates, WORKLOADS))
    report = {"command": "python benchmarks/noise_accuracy.py --out benchmarks/results/noise_accuracy",
              "minutes": round((time.monotonic() - started) / 60, 1), "draws": DRAWS, "micro": MICRO,
              "results": [{**r, "summary": summary(r)} for r in results]}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str))
    text = render(report)
    out.with_suffix(".md").write_text(text)
    print(text)


def render(report: dict[str, Any]) -> str:
    lines = [
        "# Noise-scale accuracy benchmark", "",
        f"Command: `{report['command']}` ({report['minutes']} min, 2 CPU workers)", "",
        (f"B_simple at init, {report['draws']} independent draws of batches, against the exact value from per-example "
         "gradients. *Range test*: the steps of the 100-step LR range test (1e-7 upwards) under the fraction of its "
         "blow-up LR shown, all pairs of their batches, no extra step (the default fraction is what `warmfind probe` "
         "reports). *Extra batches*: n batches each split "
         f"{report['micro']} ways, no update, n extra forward/backward passes. Steps = batches read (median). "
         "Coverage = share of draws whose ±2 stderr holds the exact value."), "",
        "| workload | exact | source | extra batches | steps | median error | worst error | estimates (min-max) | ±2 stderr coverage |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in report["results"]:
        for row in r["summary"]:
            low, high = row["range"]
            lines.append(f"| {r['workload']} | {r['exact']:.3g} | {row['source']} | {row['extra_batches']} | {row['steps']:g} | "
                         f"{_pct(row['median_error'])} | {_pct(row['worst_error'])} | {low:.3g}-{high:.3g} | {row['coverage']:.0%} |")
    return "\n".join(lines) + "\n"


def _pct(x: float) -> str:
    return "inf" if not math.isfinite(x) else f"{x:.0%}"


if __name__ == "__main__":
    main()
