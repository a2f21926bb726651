"""fp16's dynamic loss scaling for probe steps, as ``torch.amp.GradScaler`` does it in the user's own fp16 training.

Without it, gradients under fp16's smallest subnormal (about 6e-8) flush to zero in the backward pass and the probe
trains a different model than the user's run will: the updates a scaler keeps are lost. Each probe run gets a fresh
scaler, so runs do not depend on the order they ran in. Its first scale is calibrated once, on the first step the
prober takes (from the initial weights, as every run starts): the largest power of two up to GradScaler's own 2^16
whose scaled gradients are finite. Runs then start at a scale that fits the model instead of skipping their first
steps while the scaler backs off, which would also spoil the noise scale measured on them.

Later overflows are what they are in training: the step is skipped and the scale halves. Such a step records an
infinite gradient norm (``ProbeSummary.grad_blowup_step`` reports it) and adds nothing to the range test's gradient sum.
"""

from __future__ import annotations

from typing import Any

import torch

from warmfind import defaults


def new_scaler(device: torch.device, init_scale: float) -> Any:
    """A GradScaler for ``device`` starting at ``init_scale`` (``torch.amp`` since torch 2.3, ``torch.cuda.amp`` before)."""
    if hasattr(torch.amp, "GradScaler"):
        return torch.amp.GradScaler(device.type, init_scale=init_scale)
    return torch.cuda.amp.GradScaler(init_scale=init_scale)  # pragma: no cover - torch 2.2, CUDA only


class LossScale:
    """The loss scale of one prober's fp16 steps: calibrated once, then one GradScaler per run."""

    def __init__(self, device: torch.device) -> None:
        self.device = device
        self.init_scale: float | None = None  # set by calibration, on the prober's first step
        self.scaler: Any = new_scaler(device, defaults.FP16_MAX_LOSS_SCALE)  # calibration's first trial

    @property
    def calibrated(self) -> bool:
        return self.init_scale is not None

    def begin_run(self) -> None:
        if self.init_scale is not None:
            self.scaler = new_scaler(self.device, self.init_scale)

    def scaled(self, loss: torch.Tensor) -> torch.Tensor:
        """The loss to call ``backward`` on."""
        return self.scaler.scale(loss)  # type: ignore[no-any-return]

    def settle(self, overflowed: bool) -> bool:
        """Calibration, after a trial backward: True when its gradients fit (the scale is kept and this run's scaler
        carries on from it); else the scale halves and False says to run the backward again."""
        scale = float(self.scaler.get_scale())
        if not overflowed or scale <= defaults.FP16_MIN_LOSS_SCALE:
            self.init_scale = scale
            return True
        self.scaler = new_scaler(self.device, scale / 2)
        return False

    def unscale(self, optimizer: torch.optim.Optimizer) -> float:
        """Unscale this step's gradients in place (GradScaler.unscale_); returns the factor they had been scaled by."""
        factor = float(self.scaler.get_scale())
        self.scaler.unscale_(optimizer)
        return factor

    def step(self, optimizer: torch.optim.Optimizer) -> None:
        """The optimizer step, skipped when the gradients overflowed; then the scale moves as GradScaler moves it."""
        self.scaler.step(optimizer)
        self.scaler.update()
