"""One full training run of a suite workload, in plain torch (independent of warmfind's probe code).

``train(name, peak_lr, warmup_steps, seed)`` trains ``total_steps`` optimizer steps with linear warmup and a
cosine (or WSD, or constant) schedule and returns the mean held-out loss, ``inf`` if the run diverged.
``registry`` names the module the workload comes from (default ``suite_workloads``; the exam passes
``exam_workloads``): any module with ``get(name)`` returning an object with ``total_steps`` and ``build(seed,
batch_size)``.
"""

from __future__ import annotations

import importlib
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import suite_workloads  # noqa: E402
import torch  # noqa: E402

BLOWUP = 1e4  # a loss above this multiple of the first one is a divergence
SCHEDULES = ("cosine", "wsd", "constant")
REGISTRY = "suite_workloads"


def workloads(registry: str | None = None) -> Any:
    """The workload registry module (``suite_workloads`` unless another is named)."""
    return suite_workloads if registry in (None, REGISTRY) else importlib.import_module(registry)


def lr_at(step: int, peak: float, warmup: int, total: int, floor_ratio: float = 0.1, schedule: str = "cosine") -> float:
    """The LR of optimizer step ``step`` (0-based) of ``total``.

    Warmup: ``peak * (step + 1) / warmup`` for ``step < warmup`` (so the first step is not wasted at LR 0 and
    step ``warmup - 1`` reaches the peak). Then ``cosine``: from the peak at ``step = warmup`` to
    ``floor_ratio * peak`` at the last step ``total - 1``; ``wsd``: the peak held, then a linear decay over
    the last 20% of the run reaching the floor at the last step; ``constant``: the peak.
    """
    if step < warmup:
        return peak * (step + 1) / warmup
    floor = floor_ratio * peak
    if schedule == "constant":
        return peak
    if schedule == "cosine":
        span = total - 1 - warmup
        progress = min(1.0, (step - warmup) / span) if span > 0 else 1.0
        c = 0.5 * (1 + math.cos(math.pi * progress))
        return c * peak + (1 - c) * floor
    if schedule == "wsd":
        decay_start = max(warmup, total - max(1, round(0.2 * total)))
        if step < decay_start:
            return peak
        progress = min(1.0, (step - decay_start + 1) / (total - decay_start))
        return (1 - progress) * peak + progress * floor
    raise ValueError(f"unknown schedule {schedule!r}; expected one of {', '.join(SCHEDULES)}")


def _cycle(data: Any, seed: int) -> Any:
    """Endless batches: torch seeded with ``seed`` right before the first ``iter()``, re-iterated when exhausted."""
    torch.manual_seed(seed)
    while True:
        produced = 0
        for batch in data:
            produced += 1
            yield batch
        if produced == 0:
            raise RuntimeError("the data yielded no batches")


def evaluate(model: torch.nn.Module, loss_fn: Any, batches: list[Any]) -> float:
    model.eval()
    with torch.no_grad():
        losses = [float(loss_fn(model, b)) for b in batches]
    model.train()
    value = sum(losses) / len(losses)
    return value if math.isfinite(value) else math.inf


def run(name: str, peak_lr: float, warmup_steps: int, seed: int, batch_size: int | None = None,
        total_steps: int | None = None, schedule: str = "cosine", train_eval_batches: int = 0,
        registry: str | None = None) -> dict[str, Any]:
    """The full run with its record: held-out loss, per-step training losses, and (optionally) the final loss
    on ``train_eval_batches`` training batches drawn with a fixed seed."""
    w = workloads(registry).get(name)
    total = total_steps or w.total_steps
    torch.manual_seed(seed)
    parts = w.build(seed, batch_size)
    model, loss_fn = parts["model"], parts["loss_fn"]
    optimizer = parts["optimizer"](model.parameters(), peak_lr)
    ratios = [g["lr"] / peak_lr for g in optimizer.param_groups]
    batches = _cycle(parts["data"], seed)
    model.train()
    losses: list[float] = []
    first = None
    diverged = False
    for step in range(total):
        lr = lr_at(step, peak_lr, warmup_steps, total, schedule=schedule)
        for group, ratio in zip(optimizer.param_groups, ratios):
            group["lr"] = lr * ratio
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model, next(batches))
        value = loss.item()
        losses.append(value)
        if first is None:
            first = value
        if not math.isfinite(value) or value > BLOWUP * abs(first):
            diverged = True
            break
        loss.backward()
        optimizer.step()
    out: dict[str, Any] = {"losses": losses, "diverged": diverged}
    out["heldout"] = math.inf if diverged else evaluate(model, loss_fn, parts["eval_data"])
    if train_eval_batches and not diverged:
        torch.manual_seed(12345)
        it = iter(parts["data"])
        out["train"] = evaluate(model, loss_fn, [next(it) for _ in range(min(train_eval_batches, len(parts["data"])))])
    return out


def train(name: str, peak_lr: float, warmup_steps: int, seed: int, batch_size: int | None = None,
          total_steps: int | None = None, schedule: str = "cosine", registry: str | None = None) -> float:
    """Train the full length and return the mean held-out loss (``inf`` if the run diverged)."""
    return float(run(name, peak_lr, warmup_steps, seed, batch_size, total_steps, schedule, registry=registry)["heldout"])


def init_worker() -> None:
    """For process pools: one thread per worker, no warnings."""
    import warnings

    warnings.filterwarnings("ignore")
    os.environ["OMP_NUM_THREADS"] = "1"
    torch.set_num_threads(1)


def timed_train(name: str, peak_lr: float, warmup_steps: int, seed: int, schedule: str = "cosine",
                registry: str | None = None) -> tuple[float, float]:
    """``train`` and its wall seconds (the grid runner's job)."""
    torch.set_num_threads(1)
    started = time.perf_counter()
    loss = train(name, peak_lr, warmup_steps, seed, schedule=schedule, registry=registry)
    return loss, time.perf_counter() - started


def list_workloads(description: str, workloads: Any, describe: Any, timed: Any, footer: str) -> None:
    """The workload registries' command line: one ``describe(w)`` line per workload; with ``--time`` each also
    runs ``timed(w)`` (one full run, one torch thread) and shows its seconds and what it returned."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    if args.time:
        torch.set_num_threads(1)
    for w in workloads.values():
        if args.only and w.name not in args.only:
            continue
        line = describe(w)
        if args.time:
            started = time.perf_counter()
            result = timed(w)
            line += f" {time.perf_counter() - started:5.1f}s  {result}"
        print(line, flush=True)
    print(footer)

