"""Tiny models with parameters that start at zero, reached through real entrypoints (``zero_start_models:lora_mlp``)."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from warmfind.workloads import charlm


class LoRALinear(nn.Module):
    """A frozen linear layer plus a trainable low-rank update ``B @ A`` with ``B = 0`` at init (Hu et al. 2021)."""

    def __init__(self, d_in: int, d_out: int, rank: int = 4) -> None:
        super().__init__()
        self.base = nn.Linear(d_in, d_out)
        self.base.requires_grad_(False)
        self.lora_A = nn.Linear(d_in, rank, bias=False)  # kaiming-uniform, as peft does
        self.lora_B = nn.Linear(rank, d_out, bias=False)
        nn.init.zeros_(self.lora_B.weight)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + self.lora_B(self.lora_A(x))


def lora_mlp() -> dict[str, Any]:
    """A LoRA-adapted 16 -> 32 -> 32 -> 1 MLP under AdamW: only the adapters (and the head) train."""
    torch.manual_seed(0)
    x = torch.randn(256, 16)
    y = (x @ torch.randn(16, 1)).tanh()
    model = nn.Sequential(LoRALinear(16, 32), nn.Tanh(), LoRALinear(32, 32), nn.Tanh(), nn.Linear(32, 1))
    return {"model": model, "data": [(x[i : i + 16], y[i : i + 16]) for i in range(0, 256, 16)],
            "optimizer": lambda params, lr: torch.optim.AdamW(params, lr=lr)}


def zero_pos_charlm() -> dict[str, Any]:
    """The built-in character transformer, tiny, with its position embedding initialised to zero."""
    out = charlm.build(batch_size=8, seq_len=16, d_model=16, layers=1, heads=2, num_batches=32)
    with torch.no_grad():
        out["model"].pos.zero_()
    return out
