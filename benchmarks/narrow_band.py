"""Issue 22's shape, built: a model that learns only far below its blow-up (``tests/honesty_factories.narrow_band``).

A full-length grid (300 steps, warmup 0, linear-warmup-cosine to 10%, seed 0, held-out loss) over a sqrt(2) ladder
from 1.2e-6 to 5, next to warmfind's pick for the same 300-step plan. One torch thread.

    python benchmarks/narrow_band.py          # writes benchmarks/results/narrow_band.md / .json (~30 s)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import honesty_factories  # noqa: E402

from warmfind.probing.measure import measure  # noqa: E402
from warmfind.probing.options import ProbeOptions  # noqa: E402
from warmfind.recipe.schedule import Schedule  # noqa: E402

TOTAL = 300
OUT = ROOT / "benchmarks" / "results" / "narrow_band"


def full_run(lr: float) -> tuple[float, float]:
    """(final training tail, held-out loss) of one full-length run at peak ``lr``."""
    w = honesty_factories.narrow_band()
    model, data, held = w["model"], w["data"], w["eval_data"]
    opt = w["optimizer"](model.parameters(), lr)
    sched = Schedule(lr, 0, TOTAL, lr * 0.1, "linear-warmup-cosine")
    losses = []
    for t in range(TOTAL):
        for g in opt.param_groups:
            g["lr"] = sched.lr_at(t)
        x, y = data[t % len(data)]
        loss = torch.nn.functional.mse_loss(model(x), y)
        losses.append(float(loss.detach()))
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        held_out = sum(float(torch.nn.functional.mse_loss(model(x), y)) for x, y in held) / len(held)
    return sum(losses[-60:]) / 60, held_out


def main() -> None:
    torch.set_num_threads(1)
    grid = [(1e-2 * 2 ** (k / 2), *full_run(1e-2 * 2 ** (k / 2))) for k in range(-26, 19, 2)]
    best = min(grid, key=lambda g: g[2])
    recipe = measure(ProbeOptions(entrypoint=f"{ROOT / 'tests' / 'honesty_factories.py'}:narrow_band", total_steps=TOTAL,
                                  device="cpu", threads=1)).recipe
    pick = recipe["recommendation"]["peak_lr"]
    picked = full_run(pick)
    rt = recipe["evidence"]["lr_range_test"]
    lines = ["# Issue 22's shape: learning only far below the blow-up", "",
             "Command: `python benchmarks/narrow_band.py` (one torch thread). Model: `tests/honesty_factories.narrow_band`",
             f"(Adam, tanh MLP with its first layer's steps scaled 3000x), a {TOTAL}-step plan.", "",
             f"Range test: blow-up {rt['blowup_lr']:.2g}, steepest {rt['steepest_lr']:.2g}, valley {rt['valley_lr']:.2g}.",
             f"warmfind's pick: **{pick:.2g}** (warmup {recipe['recommendation']['warmup_steps']}), held-out "
             f"{picked[1]:.4g}: {pick / best[0]:.2f}x the grid's best LR, regret {picked[1] / best[2] - 1:+.1%}; "
             f"probe cost {recipe['cost']['full_run_equivalents']} runs.", "",
             "| peak LR | train (last 20%) | held-out |", "|---|---|---|"]
    lines += [f"| {lr:.3g}{' (best)' if lr == best[0] else ''} | {tr:.4g} | {ho:.4g} |" for lr, tr, ho in grid]
    OUT.with_suffix(".md").write_text("\n".join(lines) + "\n")
    OUT.with_suffix(".json").write_text(json.dumps({"grid": grid, "pick": pick, "pick_loss": picked, "best": best}, indent=1))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
