"""The probe on a CUDA device (skipped where there is none): bf16 autocast, the whole search, and the recipe's memory.

Deselected by default (the `gpu` marker; CI has no GPU): `python -m pytest -m gpu` runs them where one is lent, as
`benchmarks/gpu_check.sh` does."""

from __future__ import annotations

import math

import pytest
import tiny_factories as tf
import torch

from warmfind.probing.measure import measure
from warmfind.probing.options import ProbeOptions
from warmfind.probing.prober import Prober
from warmfind.probing.workload import build_workload

pytestmark = [pytest.mark.gpu, pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")]
CUDA = torch.device("cuda")


@pytest.mark.parametrize("precision", ["fp32", "bf16", "fp16"])
def test_a_probe_run_on_cuda_trains_and_stays_on_the_device(precision: str) -> None:
    prober = Prober(build_workload(tf.mlp()), CUDA, precision=precision)
    run, _ = prober.run(lambda step: 1e-2, 20, "t", 1e-2)
    assert run.steps == 20 and all(math.isfinite(v) for v in run.losses + run.grad_norms)
    assert run.losses[-1] < run.losses[0]
    assert all(p.device.type == "cuda" for p in prober.model.parameters())


def test_an_fp16_step_on_cuda_keeps_a_gradient_that_underflows_fp16() -> None:
    """The loss is scaled as GradScaler scales it: a 1e-9 gradient, flushed to zero in an unscaled fp16 backward,
    moves the weight by exactly lr x 4e-9 (``test_loss_scale.py`` has the same case on CPU)."""
    from test_loss_scale import one_step

    assert one_step("fp16", CUDA) == pytest.approx(1 - 4e-3, rel=1e-3)


def test_bf16_autocast_runs_the_matmuls_in_bf16() -> None:
    prober = Prober(build_workload(tf.mlp()), CUDA, precision="bf16")
    seen: list[torch.dtype] = []
    first = next(m for m in prober.model.modules() if isinstance(m, torch.nn.Linear))
    first.register_forward_hook(lambda module, args, out: seen.append(out.dtype))
    prober.run(lambda step: 1e-2, 3, "t", 1e-2)
    assert seen and set(seen) == {torch.bfloat16}
    assert all(p.dtype == torch.float32 for p in prober.model.parameters())  # master weights stay fp32


def test_the_whole_probe_on_cuda_in_bf16_recommends_and_reports_cuda_memory() -> None:
    options = ProbeOptions(entrypoint="tiny_factories:mlp", device="cuda", precision="bf16", total_steps=200)
    recipe = measure(options).recipe
    assert recipe["complete"] and recipe["workload"]["device"].startswith("cuda")
    assert recipe["workload"]["precision"] == "bf16"
    assert math.isfinite(recipe["recommendation"]["peak_lr"]) and recipe["recommendation"]["peak_lr"] > 0
    assert recipe["cost"]["peak_memory_mb"] > 0
