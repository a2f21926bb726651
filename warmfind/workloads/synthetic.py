"""Small synthetic workloads with held-out data: the tests' and the recommendation benchmark's models.

Each factory returns ``{model, data, eval_data, optimizer}``; the training data is a fixed pool of examples
sampled into random mini-batches (so there is something to over-fit), the held-out data a separate pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from torch import nn

from warmfind.workloads.sampling import RandomBatches


def pool_batches(x: torch.Tensor, y: torch.Tensor, batch_size: int, num_batches: int) -> RandomBatches:
    """Mini-batches drawn with replacement from a fixed pool of examples."""

    def draw(gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        idx = torch.randint(0, len(x), (batch_size,), generator=gen)
        return x[idx], y[idx]

    return RandomBatches(draw, num_batches)


def eval_batches(x: torch.Tensor, y: torch.Tensor, batch_size: int = 512) -> list[tuple[torch.Tensor, torch.Tensor]]:
    return [(x[i : i + batch_size], y[i : i + batch_size]) for i in range(0, len(x), batch_size)]


def _sgd(momentum: float = 0.9, weight_decay: float = 0.0) -> Callable[..., torch.optim.Optimizer]:
    def make(params: Any, lr: float) -> torch.optim.Optimizer:
        return torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)

    make.__name__ = "sgd"
    return make


def _adam(weight_decay: float = 0.0) -> Callable[..., torch.optim.Optimizer]:
    def make(params: Any, lr: float) -> torch.optim.Optimizer:
        return torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay)

    make.__name__ = "adamw"
    return make


def mlp_sgd(batch_size: int = 32, train_size: int = 2048, seed: int = 0, num_batches: int = 64) -> dict[str, Any]:
    """A 32->128->10 MLP classifying teacher-network labels, trained with SGD + momentum."""
    gen = torch.Generator().manual_seed(1234)
    teacher = torch.randn(32, 10, generator=gen)
    x = torch.randn(train_size + 2048, 32, generator=gen)
    y = (torch.tanh(x @ teacher) + 0.3 * torch.randn(len(x), 10, generator=gen)).argmax(1)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 10))
    return {
        "model": model,
        "data": pool_batches(x[:train_size], y[:train_size], batch_size, num_batches),
        "eval_data": eval_batches(x[train_size:], y[train_size:]),
        "optimizer": _sgd(),
        "train_pool": (x[:train_size], y[:train_size]),  # for exact per-example noise-scale checks
    }


class _SmallCNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 32, 3, padding=1, stride=2), nn.BatchNorm2d(32), nn.ReLU(),
            nn.AdaptiveAvgPool2d(2),
        )
        self.head = nn.Linear(32 * 4, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


def cnn_bn(batch_size: int = 32, train_size: int = 2048, seed: int = 0, num_batches: int = 64) -> dict[str, Any]:
    """A two-conv CNN with BatchNorm on 12x12 noisy class templates, trained with SGD + momentum + weight decay."""
    gen = torch.Generator().manual_seed(4321)
    templates = torch.randn(10, 1, 12, 12, generator=gen)
    labels = torch.randint(0, 10, (train_size + 2048,), generator=gen)
    shift = torch.randint(-2, 3, (len(labels), 2), generator=gen)
    images = torch.stack([torch.roll(templates[c], tuple(s.tolist()), dims=(1, 2)) for c, s in zip(labels, shift)])
    images = images + 1.5 * torch.randn(images.shape, generator=gen)
    torch.manual_seed(seed)
    return {
        "model": _SmallCNN(),
        "data": pool_batches(images[:train_size], labels[:train_size], batch_size, num_batches),
        "eval_data": eval_batches(images[train_size:], labels[train_size:]),
        "optimizer": _sgd(weight_decay=5e-4),
    }


def deep_mlp_adam(batch_size: int = 32, depth: int = 8, width: int = 64, train_size: int = 2048, seed: int = 0,
                  num_batches: int = 64) -> dict[str, Any]:
    """An 8-layer ReLU MLP with no normalisation, regressing a teacher network's outputs under AdamW."""
    gen = torch.Generator().manual_seed(999)
    x = torch.randn(train_size + 2048, 16, generator=gen)
    w1, w2 = torch.randn(16, 32, generator=gen) / 2, torch.randn(32, 4, generator=gen) / 32**0.5
    y = torch.tanh(x @ w1) @ w2 + 0.1 * torch.randn(len(x), 4, generator=gen)
    torch.manual_seed(seed)
    layers: list[nn.Module] = [nn.Linear(16, width), nn.ReLU()]
    for _ in range(depth - 2):
        layers += [nn.Linear(width, width), nn.ReLU()]
    layers.append(nn.Linear(width, 4))
    return {
        "model": nn.Sequential(*layers),
        "data": pool_batches(x[:train_size], y[:train_size], batch_size, num_batches),
        "eval_data": eval_batches(x[train_size:], y[train_size:]),
        "optimizer": _adam(),
        "train_pool": (x[:train_size], y[:train_size]),
    }


def least_squares(batch_size: int = 32, n: int = 512, dim: int = 16, seed: int = 0, full_batch: bool = False,
                  momentum: float = 0.0, num_batches: int = 64) -> dict[str, Any]:
    """Linear regression ``mean((Xw - y)^2)`` with an ill-conditioned X; plain SGD (GD when ``full_batch``).

    Its Hessian is ``2 X^T X / n``, so full-batch GD diverges exactly above ``2 / lambda_max``.
    """
    gen = torch.Generator().manual_seed(77)
    scales = torch.logspace(0, -1.5, dim)
    x_all = torch.randn(n + 1024, dim, generator=gen) * scales
    w_true = torch.randn(dim, 1, generator=gen)
    y_all = x_all @ w_true + 0.1 * torch.randn(n + 1024, 1, generator=gen)
    x, y = x_all[:n], y_all[:n]
    torch.manual_seed(seed)
    model = nn.Linear(dim, 1, bias=False)
    data: Any = [(x, y)] if full_batch else pool_batches(x, y, batch_size, num_batches)
    return {
        "model": model,
        "data": data,
        "eval_data": eval_batches(x_all[n:], y_all[n:]),
        "optimizer": _sgd(momentum=momentum),
        "hessian_lambda_max": float(torch.linalg.eigvalsh(2 * x.T @ x / n).max()),
        "train_pool": (x, y),
    }
