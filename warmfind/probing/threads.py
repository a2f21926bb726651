"""How many CPU threads torch uses for the probe: measured on the real model (1 against torch's default), or forced.

torch defaults to one thread per core. On a small model, or a machine other processes also use, that
oversubscribes the cores: a 2-core machine ran the default probe 7x slower than with one thread. So on CPU
warmfind times a few steps at each count and keeps the faster one; the recipe's cost block says what it chose.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import torch

from warmfind import defaults
from warmfind.errors import WarmfindError
from warmfind.probing.batches import BatchStream
from warmfind.probing.prober import Prober, batch_error
from warmfind.probing.step_stats import StepRecorder


@dataclass(frozen=True)
class ThreadChoice:
    """The thread count the probe ran with, and why."""

    threads: int
    chosen_by: str  # "measured", "--threads" or "default" (not on CPU, already 1, or under torchrun)
    step_seconds: dict[int, float] = field(default_factory=dict)  # measured seconds per step, by thread count


def choose_threads(prober: Prober, forced: int | None = None, steps: int = defaults.THREAD_TIMING_STEPS) -> ThreadChoice:
    """Set torch's CPU thread count for the rest of the probe: ``forced``, or the faster of 1 and the default."""
    if forced is not None:
        if forced < 1:
            raise WarmfindError(f"--threads must be at least 1, got {forced}")
        torch.set_num_threads(forced)
        return ThreadChoice(forced, "--threads")
    default = torch.get_num_threads()
    if prober.device.type != "cpu" or default == 1 or prober.group is not None:
        return ThreadChoice(default, "default")
    timings = {}
    for count in (1, default):
        torch.set_num_threads(count)
        timings[count] = step_seconds(prober, steps)
    best = min(timings, key=lambda n: timings[n])
    torch.set_num_threads(best)
    return ThreadChoice(best, "measured", {n: round(s, 5) for n, s in timings.items()})


def step_seconds(prober: Prober, steps: int) -> float:
    """Wall seconds per training step of the real model (LR 0, after one warm-up step), leaving its state as it was."""
    optimizer = prober.restore(prober.initial)
    for group in optimizer.param_groups:
        group["lr"] = 0.0
    batches = BatchStream(prober.workload.data, prober.seed, prober.device).batches()
    recorder = StepRecorder(prober.layer_index.to(prober.device), len(prober.layer_names))

    def step(index: int) -> None:
        try:
            prober.train_step(optimizer, next(batches), recorder, measure_ratio=False)
        except WarmfindError:
            raise
        except Exception as exc:  # at LR 0 the weights never move: the batch or the loss function fails
            raise batch_error(exc, f"at batch {index} of the data, at LR 0 on the initial weights") from exc

    step(0)
    recorder.sync()
    started = time.perf_counter()
    for index in range(steps):
        step(index + 1)
    recorder.sync()  # waits for the device, so the clock sees every step
    seconds = (time.perf_counter() - started) / steps
    prober.restore(prober.initial)
    return seconds
