"""GPU scale check: warmfind's pick on a 19M-parameter character transformer (cuda, bf16) against full runs.

The README's workload at GPU size (``speed.py``'s ``charlm_large``: d_model 512, 6 layers, 8 heads, sequence 256,
batch 64), planned for ``--total-steps`` steps. warmfind probes it (``measure``, cuda, bf16 autocast); then a plain
training loop (this file's own, bf16 autocast, warmup + cosine to 10% as the recipe writes it) trains the full length
at factor-2 LRs around the pick at a 5% warmup, and at the pick itself with its own warmup, one seed, each scored by
the mean held-out loss of the factory's eval batches. Regret = the pick's loss over the best run's. One grid and one
seed: a check at scale, not an exam. Run on a GPU from the repository root (about 4 minutes on one H200):
    python benchmarks/gpu_scale.py --out gpu-results/scale.json
``--cells LR:WARMUP:SEED ...`` trains only those cells and records their training-loss curves (every 50 steps).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from speed import FACTORY_ARGS, WORKLOADS  # noqa: E402
from suite_train import lr_at  # noqa: E402

from warmfind.probing.batches import BatchStream, data_length  # noqa: E402
from warmfind.probing.measure import load_workload, measure  # noqa: E402
from warmfind.probing.options import ProbeOptions  # noqa: E402

NAME = "charlm_large"


def full_run(options: ProbeOptions, lr: float, warmup: int, total: int, device: torch.device,
             curve: list[float] | None = None) -> float:
    """Held-out loss after ``total`` steps at peak ``lr`` (inf if the loss went non-finite); ``curve`` collects the
    mean training loss of every 50 steps."""
    workload = load_workload(options)  # seeds torch with options.seed, then builds
    model = workload.model.to(device)
    optimizer = workload.optimizer_factory(model.parameters(), lr=lr)
    batches = BatchStream(workload.data, options.seed, device).batches()
    window = torch.zeros((), device=device)
    model.train()
    for step in range(total):
        for group in optimizer.param_groups:
            group["lr"] = lr_at(step, lr, warmup, total)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16):
            loss = workload.loss_fn(model, next(batches))
        loss.backward()
        optimizer.step()
        if curve is not None:
            window = window + loss.detach().float() if step % 50 else loss.detach().float()
            if step % 50 == 49:
                curve.append(round(float(window) / 50, 4))
        if step % 100 == 99 and not math.isfinite(float(loss.detach())):
            return math.inf
    model.eval()
    total_loss, count = 0.0, 0
    with torch.no_grad(), torch.autocast(device_type=device.type, dtype=torch.bfloat16):
        for batch in itertools.islice(BatchStream(workload.eval_data, 0, device).batches(), data_length(workload.eval_data)):
            total_loss += float(workload.loss_fn(model, batch))
            count += 1
    value = total_loss / count
    return value if math.isfinite(value) else math.inf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total-steps", type=int, default=1000)
    parser.add_argument("--factors", type=float, nargs="*", default=[0.125, 0.25, 0.5, 1, 2, 4])
    parser.add_argument("--cells", nargs="*", default=None, metavar="LR:WARMUP:SEED",
                        help="no probe: train these cells only, with their training-loss curves")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    device = torch.device("cuda")
    options = ProbeOptions(entrypoint=WORKLOADS[NAME], factory_args=FACTORY_ARGS[NAME], device="cuda",
                           precision="bf16", total_steps=args.total_steps)
    if args.cells is not None:
        cells = []
        for cell in args.cells:
            lr, warmup, seed = cell.split(":")
            curve: list[float] = []
            loss = full_run(replace(options, seed=int(seed)), float(lr), int(warmup), args.total_steps, device, curve)
            cells.append({"lr": float(lr), "warmup": int(warmup), "seed": int(seed), "loss": loss, "curve_every_50": curve})
            print(cells[-1], flush=True)
        Path(args.out).write_text(json.dumps({"device": torch.cuda.get_device_name(0), "cells": cells}, indent=2))
        return
    began = time.monotonic()
    recipe = measure(options).recipe
    rec = recipe["recommendation"]
    pick, warmup = rec["peak_lr"], rec["warmup_steps"]
    print(f"warmfind: {pick:.3g}, warmup {warmup}, {recipe['cost']['full_run_equivalents']} runs, "
          f"{time.monotonic() - began:.0f} s", flush=True)
    five = int(round(0.05 * args.total_steps))
    runs = []
    for factor in args.factors:
        t = time.monotonic()
        loss = full_run(options, pick * factor, five, args.total_steps, device)
        runs.append({"lr": pick * factor, "warmup": five, "loss": loss, "seconds": round(time.monotonic() - t, 1)})
        print(runs[-1], flush=True)
    same = next((r for r in runs if r["warmup"] == warmup and math.isclose(r["lr"], pick)), None)  # the pick itself ran
    mine = same["loss"] if same else full_run(options, pick, warmup, args.total_steps, device)
    best = min(runs, key=lambda r: r["loss"])
    if mine < best["loss"]:
        best = {"lr": pick, "warmup": warmup, "loss": mine}
    out = {"device": torch.cuda.get_device_name(0), "torch": torch.__version__, "workload": NAME,
           "factory_args": FACTORY_ARGS[NAME], "total_steps": args.total_steps,
           "pick": {"lr": pick, "warmup": warmup, "loss": mine, "regret": mine / best["loss"] - 1,
                    "lr_over_best": pick / best["lr"]},
           "probe": {k: recipe["cost"][k] for k in ("probe_steps", "seconds", "full_run_equivalents")},
           "explanation": rec["explanation"][:3], "grid": runs, "best": best}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2))
    print(f"pick {pick:.3g} (warmup {warmup}): {mine:.4f}; best {best['lr']:.3g} (warmup {best['warmup']}): "
          f"{best['loss']:.4f}; regret {mine / best['loss'] - 1:+.1%}", flush=True)


if __name__ == "__main__":
    main()
