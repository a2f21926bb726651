"""Tiny workloads whose probe records are easy to get wrong (issue 19): an optimizer with a large first step, a
catapult, a loss that turns NaN part-way on clean data, and a model that learns only in a narrow LR band (issue 22)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn


def _regression(n: int = 256, dim: int = 20, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(n, dim, generator=gen)
    return x, x @ (0.1 * torch.randn(dim, 1, generator=gen))


def _batches(x: torch.Tensor, y: torch.Tensor, size: int) -> list[tuple[torch.Tensor, torch.Tensor]]:
    return [(x[i : i + size], y[i : i + size]) for i in range(0, len(x), size)]


def rmsprop_linear() -> dict[str, Any]:
    """Least squares from zero weights under RMSprop: no bias correction on its second moment, so the first update
    is about ``10 x lr`` per coordinate and the loss jumps 4-80x at step 1 for LRs 3e-2..1e-1, then trains to ~0."""
    x, y = _regression()
    model = nn.Linear(20, 1, bias=False)
    nn.init.zeros_(model.weight)
    return {"model": model, "data": _batches(x, y, 32),
            "optimizer": lambda params, lr: torch.optim.RMSprop(params, lr=lr)}


class UV(nn.Module):
    """A two-layer linear network in NTK scaling, ``f(x) = x U v / sqrt(m)``: its curvature falls as ``|U|, |v|``
    shrink, so full-batch GD between about 2/lambda0 and 4/lambda0 first spikes, then settles (a catapult)."""

    def __init__(self, dim: int = 8, width: int = 256) -> None:
        super().__init__()
        gen = torch.Generator().manual_seed(1)
        self.u = nn.Parameter(torch.randn(dim, width, generator=gen))
        self.v = nn.Parameter(torch.randn(width, 1, generator=gen))
        self.width = width

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return (x @ self.u) @ self.v / self.width**0.5


def catapult() -> dict[str, Any]:
    """Full-batch SGD on ``UV``: LR 4 spikes ~10x around step 4 and trains to ~0; LR 8 diverges."""
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(64, 8, generator=gen) / 8**0.5
    y = x @ torch.randn(8, 1, generator=gen)
    return {"model": UV(), "data": [(x, y)], "optimizer": lambda params, lr: torch.optim.SGD(params, lr=lr)}


def nan_part_way(floor: float = 1.0) -> dict[str, Any]:
    """``loss = sqrt(mse - floor)`` on clean data: finite at init (mse ~ 3), NaN once an LR trains mse below ``floor``."""
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(256, 8, generator=gen)
    y = x @ torch.randn(8, 1, generator=gen) * 0.6
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))

    def loss_fn(model: nn.Module, batch: Any) -> torch.Tensor:
        return torch.sqrt(nn.functional.mse_loss(model(batch[0]), batch[1]) - floor)

    return {"model": model, "data": _batches(x, y, 32), "loss_fn": loss_fn}


def nothing_learns() -> dict[str, Any]:
    """A clean, deterministic loss that turns NaN as soon as the weights leave their initial values, at any LR: no
    probe can train, so the honest result is no recommendation."""
    out = nan_part_way()
    start = [p.detach().clone() for p in out["model"].parameters()]

    def loss_fn(model: nn.Module, batch: Any) -> torch.Tensor:
        moved = sum(float((p.detach() - s).abs().sum()) for p, s in zip(model.parameters(), start))
        mse = nn.functional.mse_loss(model(batch[0]), batch[1])
        return mse + (float("nan") if moved > 0 else 0.0)

    out["loss_fn"] = loss_fn
    return out


def narrow_band(seed: int = 0) -> dict[str, Any]:
    """Adam on a tanh MLP whose first layer is scaled by 3000: an Adam step of size ``lr`` moves pre-activations by
    about ``3000 lr |x|``, so only small LRs learn; above, the tanh units saturate into random sign features and the
    loss sits on a plateau far above what small LRs reach, without blowing up until the output layer does, near
    1e-1 (issue 22's workload, built: a ladder of 8 rungs down from there never leaves the plateau)."""
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(2048, 8, generator=gen)
    teacher = torch.randn(8, 1, generator=gen)
    y = torch.sigmoid(x @ teacher)
    torch.manual_seed(seed)
    model = Scaled()
    return {"model": model, "data": _batches(x[:1792], y[:1792], 32), "eval_data": _batches(x[1792:], y[1792:], 64),
            "optimizer": lambda params, lr: torch.optim.Adam(params, lr=lr)}


class Scaled(nn.Module):
    def __init__(self, scale: float = 3000.0) -> None:
        super().__init__()
        self.inner = nn.Linear(8, 64)
        self.outer = nn.Linear(64, 1)
        self.scale = scale
        with torch.no_grad():  # the pre-activations start at the usual size; only the steps are scaled
            self.inner.weight /= scale
            self.inner.bias /= scale

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.outer(torch.tanh(self.scale * self.inner(x)))


def readme_noise(batch_size: int = 32) -> dict[str, Any]:
    """The README's example before issue 21 (an MLP regressing random targets under AdamW): its probe at 1.3e-1 read
    ``steps 300/300 loss 1.299`` in the log and "diverged at step 1" in the recipe (issue 19)."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 1))
    gen = torch.Generator().manual_seed(0)
    x, y = torch.randn(4096, 16, generator=gen), torch.randn(4096, 1, generator=gen)
    return {"model": model, "data": _batches(x, y, batch_size),
            "optimizer": lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.1)}


def hf_gpt2_clip() -> dict[str, Any]:
    """A tiny GPT-2 from ``transformers`` under the HF Trainer's default optimizer (AdamW, betas 0.9/0.999, eps 1e-8,
    no weight decay) and its clip at 1.0, on bytes of the standard library's source: issue 19's third case, whose
    screen lines read ``steps 30/30`` while the recipe said ``diverged_step: 2``."""
    import sysconfig

    from transformers import GPT2Config, GPT2LMHeadModel

    text = (Path(sysconfig.get_paths()["stdlib"]) / "textwrap.py").read_bytes()[:40000]
    tokens = torch.tensor(list(text), dtype=torch.long)
    gen = torch.Generator().manual_seed(0)

    def batch() -> dict[str, torch.Tensor]:
        starts = torch.randint(0, len(tokens) - 33, (8,), generator=gen)
        ids = torch.stack([tokens[s : s + 32] for s in starts])
        return {"input_ids": ids, "labels": ids}

    torch.manual_seed(0)
    model = GPT2LMHeadModel(GPT2Config(vocab_size=256, n_positions=32, n_embd=32, n_layer=2, n_head=2))
    return {"model": model, "data": [batch() for _ in range(64)], "eval_data": [batch() for _ in range(8)],
            "optimizer": lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0),
            "grad_clip": 1.0}
