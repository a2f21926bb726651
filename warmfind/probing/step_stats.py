"""Per-step measurements of a probe run, kept as device tensors and read back to the host in batches."""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from warmfind import defaults


class StepRecorder:
    """Per-step measurements kept as device tensors and copied to the host in batches.

    Update ratios arrive as per-parameter norms ``[|w| ..., |delta w| ...]`` of the measured steps only; ``sync``
    sums them per module in one batched op and repeats each measurement until the next one. A module that started
    at zero is measured against ``max(|w|, its init scale)`` (``weight_floor``, see ``zero_start_floors``).
    """

    def __init__(self, layer_index: torch.Tensor, n_layers: int, weight_floor: torch.Tensor | None = None) -> None:
        self.n_layers = n_layers
        self.weight_floor_sq = None if weight_floor is None else weight_floor.float() ** 2  # per module, 0: no floor
        self.pair_index = torch.cat([layer_index, layer_index + n_layers])  # weight sums, then update sums
        self.lrs: list[float] = []
        self.losses: list[torch.Tensor] = []
        self.grad_norms: list[torch.Tensor] = []
        self.ratio_norms: list[torch.Tensor] = []
        self.ratio_steps: list[int] = []  # the step (within the run) of each entry in ratio_norms
        self.small_sq: list[torch.Tensor] = []
        self.sum_sq: list[torch.Tensor] = []  # |g_0 + ... + g_t|^2 per step, when the step keeps a gradient sum
        self.host_losses: list[float] = []
        self.host_grad_sq: list[float] = []
        self.host_ratios: list[tuple[float, ...]] = []
        self.host_small_sq: list[float] = []
        self.host_sum_sq: list[float] = []
        self.ratios_read = 0
        self.last_ratio: tuple[float, ...] = ()

    def record_failure(self, device: torch.device) -> None:
        """Record the step being taken as a non-finite loss (the loss or its step raised): drops what the step had
        recorded so far, so every per-step list stays aligned with ``losses``."""
        n = len(self.losses)
        del self.small_sq[n:], self.sum_sq[n:]
        while self.ratio_steps and self.ratio_steps[-1] >= n:
            self.ratio_steps.pop()
            self.ratio_norms.pop()
        self.losses.append(torch.tensor(math.nan, device=device))
        self.grad_norms.append(torch.tensor(math.nan, device=device))

    def sync(self) -> None:
        done = len(self.host_losses)
        if len(self.losses) > done:
            self.host_losses += torch.stack(self.losses[done:]).float().tolist()
            self.host_grad_sq += (torch.stack(self.grad_norms[done:]).float() ** 2).tolist()
            self._sync_ratios(done, len(self.losses))
        if len(self.small_sq) > len(self.host_small_sq):
            self.host_small_sq += torch.stack(self.small_sq[len(self.host_small_sq):]).tolist()
        if len(self.sum_sq) > len(self.host_sum_sq):
            self.host_sum_sq += torch.stack(self.sum_sq[len(self.host_sum_sq):]).tolist()

    def _sync_ratios(self, begin: int, end: int) -> None:
        fresh = self.ratio_norms[self.ratios_read:]
        measured: dict[int, tuple[float, ...]] = {}
        if fresh:
            sq = torch.stack(fresh).float() ** 2
            sums = torch.zeros(len(fresh), 2 * self.n_layers, device=sq.device).index_add_(1, self.pair_index, sq)
            weights = sums[:, : self.n_layers]
            if self.weight_floor_sq is not None:
                weights = torch.maximum(weights, self.weight_floor_sq.to(weights.device))
            rows = (sums[:, self.n_layers:] / weights.clamp_min(1e-30)).sqrt().tolist()
            measured = dict(zip(self.ratio_steps[self.ratios_read:], map(tuple, rows)))
            self.ratios_read = len(self.ratio_norms)
        for step in range(begin, end):
            self.last_ratio = measured.get(step, self.last_ratio)
            self.host_ratios.append(self.last_ratio)


def grad_sq(params: Sequence[torch.Tensor]) -> torch.Tensor:
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return torch.zeros(())
    return (torch.stack(torch._foreach_norm(grads)).float() ** 2).sum()


def module_groups(model: torch.nn.Module) -> tuple[tuple[str, ...], torch.Tensor]:
    """Group trainable parameters by the module that owns them (``layers.2.attn.qkv.weight`` -> ``layers.2.attn.qkv``)."""
    names: list[str] = []
    index: list[int] = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        owner = name.rsplit(".", 1)[0] if "." in name else name
        if owner not in names:
            names.append(owner)
        index.append(names.index(owner))
    return tuple(names), torch.tensor(index, dtype=torch.long)


def init_scale(param: torch.Tensor) -> float:
    """The norm a default (fan-in) init gives a tensor of this shape: ``sqrt(numel / fan_in)`` for a weight
    (entries of std ``1/sqrt(fan_in)``, fan_in as torch counts it), ``sqrt(numel)`` for a vector (a norm's
    gain of ones), 1 for a scalar."""
    if param.dim() >= 2:
        fan_in = param[0].numel()  # size(1) times the receptive field
        return math.sqrt(param.numel() / fan_in)
    return math.sqrt(param.numel()) if param.dim() == 1 else 1.0


def zero_start_floors(params: Sequence[torch.Tensor], layer_index: torch.Tensor, n_layers: int) -> torch.Tensor:
    """Per module: its init scale (the root sum of ``init_scale`` squares) when it starts near zero, else 0.

    A module whose norm is under ZERO_START_FRACTION of its init scale (LoRA's B, a zero-init position embedding,
    a layer scale of 1e-5) has no relative update ratio of its own: ``|delta w| / |w|`` is unbounded at step 0.
    Its ratio is measured against ``max(|w|, init scale)`` instead, which is what the floor feeds to ``StepRecorder``.
    """
    norms_sq = torch.zeros(n_layers, dtype=torch.float64)
    scales_sq = torch.zeros(n_layers, dtype=torch.float64)
    with torch.no_grad():
        for param, module in zip(params, layer_index.tolist()):
            norms_sq[module] += float(param.detach().double().pow(2).sum())
            scales_sq[module] += init_scale(param) ** 2
    zero_start = norms_sq.sqrt() < defaults.ZERO_START_FRACTION * scales_sq.sqrt()
    return torch.where(zero_start, scales_sq.sqrt(), torch.zeros_like(scales_sq)).float()
