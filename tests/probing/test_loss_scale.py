"""fp16 probe steps scale the loss as the user's GradScaler does: exact cases on CPU (torch runs fp16 autocast there).

A gradient under fp16's smallest subnormal (about 6e-8) flushes to zero in the backward pass unless the loss is scaled;
these tests build such gradients on purpose and check that the probe's step keeps them, as training with a scaler would.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import tiny_factories as tf
import torch
from torch import nn

from warmfind import defaults
from warmfind.probing.prober import Prober
from warmfind.probing.step_stats import StepRecorder
from warmfind.probing.train_step import TrainStep
from warmfind.probing.workload import build_workload

CPU = torch.device("cpu")


def _fp16_autocast_on_cpu() -> bool:
    try:
        with torch.autocast("cpu", dtype=torch.float16):
            return nn.Linear(1, 1)(torch.ones(1, 1)).dtype == torch.float16
    except RuntimeError:
        return False


pytestmark = pytest.mark.skipif(not (_fp16_autocast_on_cpu() and hasattr(torch.amp, "GradScaler")),
                                reason="this torch has no fp16 autocast or GradScaler on CPU")

TINY = 1e-9  # the loss's scale: dL/dy = 1e-9 in the fp16 backward, under fp16's smallest subnormal


def _tiny_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    return (model(batch).float() * TINY).sum()


def one_step(precision: str, device: torch.device = CPU, lr: float = 1e6) -> float:
    """One SGD step of w = 1 on x = 1 with the loss 1e-9 * w x: the exact update is lr * 1e-9 (1e-3 at lr 1e6).
    ``test_cuda.py`` takes it on a GPU too."""
    model = nn.Linear(1, 1, bias=False).to(device)
    nn.init.ones_(model.weight)
    step = TrainStep(model, model, _tiny_loss, device, precision)
    step.begin_run(sum_gradients=False)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    rec = StepRecorder(torch.zeros(1, dtype=torch.long, device=device), 1)
    step(optimizer, torch.ones(4, 1, device=device), rec, measure_ratio=False)
    return float(model.weight.detach())


def test_an_fp16_step_keeps_a_gradient_that_underflows_fp16() -> None:
    assert one_step("fp32") == pytest.approx(1 - 4e-3, rel=1e-6)  # 4 examples, each dL/dw = 1e-9
    assert one_step("fp16") == pytest.approx(1 - 4e-3, rel=1e-3)  # scaled: the user's GradScaler keeps it
    with torch.autocast("cpu", dtype=torch.float16):  # the failure the scaler prevents: unscaled, dL/dy flushes to 0
        y = torch.ones(4, 1, requires_grad=True)
        w = torch.ones(1, 1, requires_grad=True)
        (torch.nn.functional.linear(y, w).float() * TINY).sum().backward()
    assert float(w.grad) == 0.0


def test_calibration_starts_runs_at_the_largest_scale_whose_gradients_fit() -> None:
    """One example, dL/dy = dL/dw = 1: scaled by 2^16 it overflows fp16 (max 65504), by 2^15 it fits. Every run then
    starts at 2^15. (Two examples would sum dL/dw to 2^16 at that scale, in fp16, and take 2^14.)"""
    model = nn.Linear(1, 1, bias=False)
    nn.init.ones_(model.weight)
    step = TrainStep(model, model, lambda m, b: m(b).float().sum(), CPU, "fp16")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    for _ in range(2):
        step.begin_run(sum_gradients=True)
        rec = StepRecorder(torch.zeros(1, dtype=torch.long), 1)
        step(optimizer, torch.ones(1, 1), rec, measure_ratio=False)
        assert step.loss_scale is not None and step.loss_scale.init_scale == defaults.FP16_MAX_LOSS_SCALE / 2
        assert math.isfinite(float(rec.grad_norms[0])) and float(rec.grad_norms[0]) == pytest.approx(1.0)
        assert float(rec.sum_sq[0]) == pytest.approx(1.0)  # the range test's gradient sum holds the unscaled gradient


def test_an_fp16_probe_trains_as_fp32_does_and_records_finite_norms() -> None:
    runs = {}
    for precision in ("fp32", "fp16"):
        prober = Prober(build_workload(tf.mlp()), CPU, precision=precision)
        runs[precision], _ = prober.run(lambda step: 1e-2, 20, "t", 1e-2)
    fp16, fp32 = runs["fp16"], runs["fp32"]
    assert fp16.steps == 20 and all(math.isfinite(v) for v in fp16.losses + fp16.grad_norms)
    assert fp16.losses[-1] < fp16.losses[0]
    assert fp16.losses[-1] == pytest.approx(fp32.losses[-1], rel=0.05)


def test_a_step_whose_gradients_overflow_is_skipped_and_the_scale_halves() -> None:
    """Batch (x, k), loss k * w x: k = 1e6 at the second step overflows fp16 at the calibrated 2^15, as a sudden
    gradient burst does in training. GradScaler skips that step (w unchanged) and halves the scale; the record says so
    with an infinite gradient norm and adds nothing to the range test's gradient sum."""
    model = nn.Linear(1, 1, bias=False)
    nn.init.ones_(model.weight)
    step = TrainStep(model, model, lambda m, b: (m(b[0]).float() * b[1]).sum(), CPU, "fp16")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    step.begin_run(sum_gradients=True)
    rec = StepRecorder(torch.zeros(1, dtype=torch.long), 1)
    ones = torch.ones(1, 1)
    step(optimizer, (ones, 1.0), rec, measure_ratio=False)
    after_first = float(model.weight.detach())
    step(optimizer, (ones, 1e6), rec, measure_ratio=False)
    assert float(model.weight.detach()) == after_first == pytest.approx(1 - 1e-3)
    assert step.loss_scale is not None and float(step.loss_scale.scaler.get_scale()) == 2.0**14
    assert math.isinf(float(rec.grad_norms[1])) and math.isnan(float(rec.sum_sq[1]))
    assert float(rec.losses[1]) == pytest.approx(1e6 * after_first, rel=1e-3)  # the loss is what it was (fp16 w x)


def test_micro_batch_norms_for_the_noise_scale_are_unscaled() -> None:
    """Under --accumulate the first micro-batch's |g|^2 (the noise scale's small batch) is measured on scaled
    gradients; it is reported unscaled, as fp32 measures it."""
    small = {}
    for precision in ("fp32", "fp16"):
        prober = Prober(build_workload(tf.mlp()), CPU, precision=precision, accumulate=2)
        run, _ = prober.run(lambda step: 1e-3, 3, "t", 1e-3)
        small[precision] = run.small_batch_sq
    assert len(small["fp16"]) == 3
    assert small["fp16"] == pytest.approx(small["fp32"], rel=0.02)
