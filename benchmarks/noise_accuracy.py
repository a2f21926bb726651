"""Noise-scale accuracy benchmark: B_simple at init from n batches against the exact per-example value.

For each workload whose per-example gradients can be computed exactly (least squares in closed form, the two
MLPs with torch.func), estimate B_simple at initialisation the way `warmfind probe` does
(`noise_probe.measure_at_init`, batch split 4 ways) from n = 16 ... 256 batches, over 16 independent draws of
batches. Report the median and worst relative error against the exact value, and how often the exact value
lies within the estimate's ±2 standard errors (a calibrated stderr covers it ~95% of the time).

This is what sets `NOISE_BATCHES` (16, the fewest) and `NOISE_BATCHES_MAX` (128) in warmfind/defaults.py: a
probe takes `NOISE_FRACTION` = 1% of the planned run between those bounds.

Run (about 1 minute on 2 CPU cores):
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


def estimates(name: str) -> dict[str, Any]:
    """The exact B_simple and, per number of batches, the (estimate, stderr) of each draw."""
    _setup()
    import torch

    from warmfind.probing.batches import BatchStream
    from warmfind.probing.noise_probe import measure_at_init

    workload = _workload(BENCHES[name], 0)
    out: dict[str, Any] = {"workload": name, "exact": exact_b_simple(name), "draws": {}}
    for n in SIZES:
        draws = []
        for draw in range(DRAWS):
            stream = BatchStream(workload.data, 7919 + 101 * draw, torch.device("cpu")).batches()
            noise = measure_at_init(workload.model, stream, workload.loss_fn, MICRO, n)
            draws.append((noise.b_simple, noise.stderr))
        out["draws"][n] = draws
    return out


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    exact = result["exact"]
    rows = []
    for n, draws in result["draws"].items():
        errors = [abs(b / exact - 1) if math.isfinite(b) else math.inf for b, _ in draws]
        covered = [math.isfinite(b) and abs(b - exact) <= 2 * se for b, se in draws]
        rows.append({"batches": int(n), "median_error": statistics.median(errors), "worst_error": max(errors),
                     "coverage": sum(covered) / len(covered),
                     "range": [min(b for b, _ in draws), max(b for b, _ in draws)]})
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
        (f"B_simple at init from n batches (each split {report['micro']} ways), {report['draws']} independent draws, "
         "against the exact value from per-example gradients. Coverage = share of draws whose ±2 stderr holds "
         "the exact value."), "",
        "| workload | exact | batches | median error | worst error | estimates (min-max) | ±2 stderr coverage |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in report["results"]:
        for row in r["summary"]:
            low, high = row["range"]
            lines.append(f"| {r['workload']} | {r['exact']:.3g} | {row['batches']} | {_pct(row['median_error'])} | "
                         f"{_pct(row['worst_error'])} | {low:.3g}-{high:.3g} | {row['coverage']:.0%} |")
    return "\n".join(lines) + "\n"


def _pct(x: float) -> str:
    return "inf" if not math.isfinite(x) else f"{x:.0%}"


if __name__ == "__main__":
    main()
