"""One optimizer step of a probe, as the user's training would take it: autocast, micro-batches, data-parallel averaging.

It records loss, gradient norm and (when asked) per-module update ratios as device tensors, so a probe step
costs a handful of extra kernels and no host sync. During a run that ``begin_run(sum_gradients=True)`` opened
(the LR range test) it also keeps the running sum of the gradients and records its squared norm: the noise
scale at init comes from those (``noise_scale.noise_from_sums``) at no extra step.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

import torch

from warmfind.errors import WarmfindError
from warmfind.probing.batches import split_batch
from warmfind.probing.distributed import Group, any_rank, average, average_gradients, local_slice
from warmfind.probing.loss_scale import LossScale
from warmfind.probing.step_stats import StepRecorder, grad_sq
from warmfind.probing.workload import LossFn

PRECISIONS = {"fp32": None, "bf16": torch.bfloat16, "fp16": torch.float16}


class TrainStep:
    """The forward/backward/step of one probe step for one model, loss and precision (and, under torchrun, one rank)."""

    def __init__(self, model: torch.nn.Module, train_model: torch.nn.Module, loss_fn: LossFn, device: torch.device,
                 precision: str = "fp32", accumulate: int = 1, channels_last: bool = False,
                 group: Group | None = None, grad_clip: float | None = None) -> None:
        if precision not in PRECISIONS:
            raise WarmfindError(f"unknown precision {precision!r}; choose fp32, bf16 or fp16")
        self.train_model = train_model
        self.loss_fn = loss_fn
        self.device = device
        self.autocast_dtype = PRECISIONS[precision]
        self.accumulate = accumulate
        self.channels_last = channels_last
        self.group = group  # data-parallel under torchrun: this rank trains on its slice of every batch
        self.grad_clip = grad_clip  # max gradient norm, clipped as torch.nn.utils.clip_grad_norm_ does
        self.params = [p for p in model.parameters() if p.requires_grad]
        self.param_values = [p.detach() for p in self.params]  # views of the same storage, outside autograd
        self.grad_sum: list[torch.Tensor] | None = None  # running sum of this run's gradients, when asked
        self.raised: Exception | None = None  # under torchrun: what this rank's last step raised (see __call__)
        # fp16 scales the loss as the user's GradScaler would (the CLI allows fp16 on CUDA only; torch runs it on CPU too)
        self.loss_scale = LossScale(device) if precision == "fp16" else None

    def begin_run(self, sum_gradients: bool) -> None:
        """Start a run; ``sum_gradients`` keeps the running sum of its gradients (one parameter-sized buffer, freed
        at the next run) and records ``|g_0 + ... + g_t|^2`` per step."""
        self.grad_sum = [torch.zeros_like(p) for p in self.params] if sum_gradients else None
        if self.loss_scale is not None:
            self.loss_scale.begin_run()

    def __call__(self, optimizer: torch.optim.Optimizer, batch: Any, rec: StepRecorder, measure_ratio: bool = True) -> None:
        """One optimizer step, recording loss and gradient norm (and update ratios when asked) as device tensors.

        Every extra kernel launch here is paid on every probe step, so the per-step work is a handful of
        foreach ops; reductions to per-module numbers wait for ``StepRecorder.sync``.
        """
        optimizer.zero_grad(set_to_none=True)
        if self.group is not None:
            batch = local_slice(batch, self.group)
        if self.channels_last:
            batch = channels_last_batch(batch)
        self.raised = None
        try:
            total, small_sq = self._forward_backward(batch)
        except WarmfindError:
            raise
        except Exception as exc:
            if self.group is None:  # the prober decides: the LR broke the model, or the batch is broken
                raise
            # under torchrun the other ranks are about to wait for this one in the all-reduce: this rank's gradients
            # and loss become NaN instead, so every rank sees a non-finite step and the run ends on all of them at once
            self.raised = exc
            for p in self.params:
                p.grad = torch.full_like(p, math.nan)
            total, small_sq = torch.tensor(math.nan, device=self.device), None
        if self.group is not None:  # this rank's gradient is the small batch; the average is the big one
            if small_sq is None:
                small_sq = grad_sq(self.params)
            average_gradients(self.params, self.group.world)
            total = average(total, self.group.world)
        if self.loss_scale is not None:
            factor = self.loss_scale.unscale(optimizer)
            small_sq = None if small_sq is None else small_sq / factor**2
        grads = [p.grad for p in self.params if p.grad is not None]
        grad_norm = torch.linalg.vector_norm(torch.stack(torch._foreach_norm(grads)), dtype=torch.float32) if grads else None
        if self.grad_sum is not None:  # before clipping: the noise scale is about the raw gradients
            skipped = self.loss_scale is not None and grad_norm is not None and not torch.isfinite(grad_norm).item()
            rec.sum_sq.append(torch.tensor(math.nan, device=self.device) if skipped else self._add_to_sum())
        if self.grad_clip is not None and grad_norm is not None:
            # clip_grad_norm_'s own arithmetic, on the (averaged) gradient; the recorded norm stays the raw one,
            # which the noise scale and the blow-up check need
            torch._foreach_mul_(grads, torch.clamp(self.grad_clip / (grad_norm + 1e-6), max=1.0))
        if measure_ratio:
            before = torch._foreach_mul(self.param_values, 1.0)  # an exact copy, in one foreach call
            weight_norms = torch._foreach_norm(before)
        if self.loss_scale is not None:
            self.loss_scale.step(optimizer)  # skipped, as GradScaler skips it, when the gradients overflowed
        else:
            optimizer.step()
        if measure_ratio:
            torch._foreach_sub_(before, self.param_values)  # before - after = -update
            rec.ratio_norms.append(torch.stack(weight_norms + torch._foreach_norm(before)))
            rec.ratio_steps.append(len(rec.losses))
        rec.losses.append(total)
        rec.grad_norms.append(grad_norm if grad_norm is not None else torch.zeros((), device=self.device))
        if small_sq is not None:
            rec.small_sq.append(small_sq)

    def _forward_backward(self, batch: Any) -> tuple[torch.Tensor, torch.Tensor | None]:
        """The loss and gradients of one batch (in micro-batches when accumulating); the loss and, when split, |g|^2
        of the first micro-batch."""
        if self.loss_scale is not None and not self.loss_scale.calibrated:
            return self._calibrate(batch)
        return self._pass(batch)

    def _pass(self, batch: Any) -> tuple[torch.Tensor, torch.Tensor | None]:
        return self._accumulate(batch) if self.accumulate > 1 else self._whole(batch)

    def _whole(self, batch: Any) -> tuple[torch.Tensor, None]:
        with self.autocast():
            loss = self.loss_fn(self.train_model, batch)
        self._backward(loss)
        return loss.detach(), None

    def _backward(self, loss: torch.Tensor) -> None:
        (loss if self.loss_scale is None else self.loss_scale.scaled(loss)).backward()

    def _calibrate(self, batch: Any) -> tuple[torch.Tensor, torch.Tensor | None]:
        """fp16's first step: the forward and backward again at half the loss scale while the gradients overflow
        (on any rank), from GradScaler's own 2^16 down. The scale that fits starts every run (loss_scale.py)."""
        assert self.loss_scale is not None
        while True:
            raised: Exception | None = None
            try:
                total, small_sq = self._pass(batch)
            except WarmfindError:
                raise
            except Exception as exc:
                if self.group is None:
                    raise
                raised = exc
            if self.group is not None and any_rank(raised is not None, self.device):
                # a rank's loss raised: every rank keeps this scale and leaves calibration at the same collective, and
                # the raising rank's step goes on as every raising step does under torchrun (__call__)
                self.loss_scale.settle(overflowed=False)
                if raised is not None:
                    raise raised
                return total, small_sq
            overflowed = not all(bool(torch.isfinite(g).all()) for g in (p.grad for p in self.params) if g is not None)
            if self.group is not None:
                overflowed = any_rank(overflowed, self.device)
            if self.loss_scale.settle(overflowed):
                return total, small_sq
            for p in self.params:
                p.grad = None

    def _add_to_sum(self) -> torch.Tensor:
        """Add this step's gradient to the running sum and return the sum's squared norm (float64, on the device)."""
        assert self.grad_sum is not None
        pairs = [(s, p.grad) for s, p in zip(self.grad_sum, self.params) if p.grad is not None]
        if pairs:
            torch._foreach_add_([s for s, _ in pairs], [g for _, g in pairs])
        return (torch.stack(torch._foreach_norm(self.grad_sum)).double() ** 2).sum()

    def _accumulate(self, batch: Any) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Forward and backward over micro-batches; the mean loss and |g|^2 of the first micro-batch alone."""
        micro = split_batch(batch, self.accumulate)
        total = torch.zeros((), device=self.device)
        small_sq = None
        for i, part in enumerate(micro):
            with self.autocast():
                loss = self.loss_fn(self.train_model, part)
            self._backward(loss / len(micro))
            total += loss.detach().float() / len(micro)
            if i == 0 and len(micro) > 1:
                small_sq = grad_sq(self.params) * len(micro) ** 2  # grads hold part 0 / n so far
        return total, small_sq

    def autocast(self) -> contextlib.AbstractContextManager[Any]:
        if self.autocast_dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.device.type, dtype=self.autocast_dtype)


def channels_last_batch(batch: Any) -> Any:
    """Every 4-d floating-point tensor in a batch in channels-last layout (images, NCHW -> NHWC strides)."""
    if isinstance(batch, torch.Tensor):
        return batch.contiguous(memory_format=torch.channels_last) if batch.dim() == 4 and batch.is_floating_point() else batch
    if isinstance(batch, dict):
        return {k: channels_last_batch(v) for k, v in batch.items()}
    if isinstance(batch, (tuple, list)):
        return type(batch)(channels_last_batch(v) for v in batch)
    return batch
