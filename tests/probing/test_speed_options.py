"""Throughput and memory options of the probe: each gives the same measurements as the plain loop (no timings)."""

from __future__ import annotations

import math
import os
import time
from typing import Any

import pytest
import tiny_factories as tf
import torch
from torch import nn

from warmfind.errors import WarmfindError
from warmfind.probing.measure import measure
from warmfind.probing.options import ProbeOptions
from warmfind.probing.prober import Budget, Prober
from warmfind.probing.search import SearchPlan
from warmfind.probing.workload import build_workload

CPU = torch.device("cpu")


def constant(lr: float):  # noqa: ANN201
    return lambda step: lr


def tiny_cnn() -> dict[str, Any]:
    """A conv + BatchNorm classifier on 6x6 single-channel images (4-d inputs for channels-last)."""
    torch.manual_seed(0)
    x = torch.randn(64, 1, 6, 6)
    y = (x.mean(dim=(1, 2, 3)) > 0).long()
    model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(144, 2))
    return {"model": model, "data": tf.batches(x, y), "optimizer": lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9)}


def test_snapshot_on_disk_gives_the_same_runs_as_in_memory() -> None:
    memory = Prober(build_workload(tf.batchnorm()), CPU)
    disk = Prober(build_workload(tf.batchnorm()), CPU, snapshot="disk")
    assert disk.initial.path is not None and os.path.exists(disk.initial.path) and not disk.initial.model_state
    lr = lambda s: 1e-2 * (s + 1) / 10  # noqa: E731
    a, saved_a = memory.run(lr, 10, "a", 1e-2, save_at=4)
    b, saved_b = disk.run(lr, 10, "b", 1e-2, save_at=4)
    assert a.losses == b.losses and a.update_ratios == b.update_ratios
    assert saved_b is not None and saved_b.path is not None  # optimizer state goes to disk too
    tail_a, _ = memory.run(lr, 10, "ta", 1e-2, start=saved_a)
    tail_b, _ = disk.run(lr, 10, "tb", 1e-2, start=saved_b)
    assert tail_a.losses == tail_b.losses
    assert disk.snapshot_bytes == memory.snapshot_bytes > 0


def test_unknown_snapshot_place_is_an_error() -> None:
    with pytest.raises(WarmfindError, match="memory or disk"):
        Prober(build_workload(tf.mlp()), CPU, snapshot="gpu")


def test_channels_last_gives_the_same_losses_on_a_cnn() -> None:
    plain, _ = Prober(build_workload(tiny_cnn()), CPU).run(constant(1e-2), 12, "a", 1e-2)
    prober = Prober(build_workload(tiny_cnn()), CPU, channels_last=True)
    nhwc, _ = prober.run(constant(1e-2), 12, "b", 1e-2)
    assert prober.model[0].weight.is_contiguous(memory_format=torch.channels_last)
    assert nhwc.losses == pytest.approx(plain.losses, rel=1e-4)


def test_bf16_autocast_on_cpu_trains_and_stays_finite() -> None:
    run, _ = Prober(build_workload(tiny_cnn()), CPU, precision="bf16").run(constant(1e-2), 12, "t", 1e-2)
    assert run.steps == 12 and all(math.isfinite(v) for v in run.losses + run.grad_norms)


def test_update_ratios_are_measured_every_k_steps_and_held_between() -> None:
    every, _ = Prober(build_workload(tf.mlp()), CPU, ratio_every=1).run(constant(1e-2), 7, "a", 1e-2)
    sparse, _ = Prober(build_workload(tf.mlp()), CPU, ratio_every=3).run(constant(1e-2), 7, "b", 1e-2)
    assert sparse.losses == every.losses and sparse.grad_norms == every.grad_norms
    held = [every.update_ratios[s] for s in (0, 0, 0, 3, 3, 3, 6)]  # measured on steps 0, 3, 6
    assert [v for row in sparse.update_ratios for v in row] == pytest.approx([v for row in held for v in row], rel=1e-6)


def test_budget_in_seconds_stops_the_whole_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    start, reads = time.monotonic(), iter(range(1, 10**9))
    monkeypatch.setattr(time, "monotonic", lambda: start + next(reads) * 0.01)  # every clock read is 10 ms later
    options = ProbeOptions(entrypoint="tiny_factories:mlp", device="cpu", total_steps=1000, budget_seconds=3.0)
    heard: list[Any] = []
    cost = measure(options, on_step=lambda *step: heard.append("step"), on_estimate=heard.append).recipe["cost"]
    assert cost["stopped_by"] == "budget"
    plan = SearchPlan.for_run(1000)  # the contract's AdamW: the estimate counts the longer look, before the first step
    assert heard[0] == plan.expected_steps + plan.look_steps and plan.look_steps > 0 and set(heard[1:]) == {"step"}
    assert cost["expected_steps"] == heard[0]  # the recipe keeps the number the log line cited
    assert cost["snapshot_mb"] >= 0 and (cost["peak_memory_mb"] is None or cost["peak_memory_mb"] > 0)


def test_budget_in_seconds_stops_a_run() -> None:
    run, _ = Prober(build_workload(tf.mlp()), CPU, budget=Budget(max_seconds=0.0)).run(constant(1e-2), 20, "t", 1e-2)
    assert run.stopped == "budget"


@pytest.mark.slow  # torch.compile takes ~20 s on CPU, even for a tiny model
def test_compile_gives_the_same_losses_as_eager() -> None:
    if not hasattr(torch, "compile"):
        pytest.skip("torch.compile is not available")
    eager, _ = Prober(build_workload(tf.mlp()), CPU).run(constant(1e-2), 10, "a", 1e-2)
    try:
        compiled, _ = Prober(build_workload(tf.mlp()), CPU, compile=True).run(constant(1e-2), 10, "b", 1e-2)
    except Exception as exc:  # no C++ compiler, unsupported platform: not this test's concern
        pytest.skip(f"torch.compile does not run here: {type(exc).__name__}: {exc}")
    assert compiled.losses == pytest.approx(eager.losses, rel=1e-4)
