"""Per-step measurements of a probe run, kept as device tensors and read back to the host in batches."""

from __future__ import annotations

from collections.abc import Sequence

import torch


class StepRecorder:
    """Per-step measurements kept as device tensors and copied to the host in batches.

    Update ratios arrive as per-parameter norms ``[|w| ..., |delta w| ...]`` of the measured steps only; ``sync``
    sums them per module in one batched op and repeats each measurement until the next one.
    """

    def __init__(self, layer_index: torch.Tensor, n_layers: int) -> None:
        self.n_layers = n_layers
        self.pair_index = torch.cat([layer_index, layer_index + n_layers])  # weight sums, then update sums
        self.lrs: list[float] = []
        self.losses: list[torch.Tensor] = []
        self.grad_norms: list[torch.Tensor] = []
        self.ratio_norms: list[torch.Tensor] = []
        self.ratio_steps: list[int] = []  # the step (within the run) of each entry in ratio_norms
        self.small_sq: list[torch.Tensor] = []
        self.host_losses: list[float] = []
        self.host_grad_sq: list[float] = []
        self.host_ratios: list[tuple[float, ...]] = []
        self.host_small_sq: list[float] = []
        self.ratios_read = 0
        self.last_ratio: tuple[float, ...] = ()

    def sync(self) -> None:
        done = len(self.host_losses)
        if len(self.losses) > done:
            self.host_losses += torch.stack(self.losses[done:]).float().tolist()
            self.host_grad_sq += (torch.stack(self.grad_norms[done:]).float() ** 2).tolist()
            self._sync_ratios(done, len(self.losses))
        if len(self.small_sq) > len(self.host_small_sq):
            self.host_small_sq += torch.stack(self.small_sq[len(self.host_small_sq):]).tolist()

    def _sync_ratios(self, begin: int, end: int) -> None:
        fresh = self.ratio_norms[self.ratios_read:]
        measured: dict[int, tuple[float, ...]] = {}
        if fresh:
            sq = torch.stack(fresh).float() ** 2
            sums = torch.zeros(len(fresh), 2 * self.n_layers, device=sq.device).index_add_(1, self.pair_index, sq)
            rows = (sums[:, self.n_layers:] / sums[:, : self.n_layers].clamp_min(1e-30)).sqrt().tolist()
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
