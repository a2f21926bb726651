"""The learning-rate schedule a recipe describes, as pure functions, plus a torch scheduler built from it.

The canonical shape is ``linear-warmup-cosine`` over integer optimizer steps ``s = 0 .. T-1``:

    s <  W:  lr(s) = peak * s / W                                   (Hugging Face / torchtune convention)
    s >= W:  lr(s) = min_lr + (peak - min_lr) * 0.5 * (1 + cos(pi * (s - W) / (T - W)))

so ``lr(0) = 0`` when ``W > 0``, ``lr(W) = peak`` and the decay reaches ``min_lr`` at ``s = T``.
``constant`` holds the peak after warmup (the stability probes use it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:  # torch is only needed by from_recipe
    import torch

SCHEDULES = ("linear-warmup-cosine", "linear-warmup-constant")


@dataclass(frozen=True)
class Schedule:
    """A warmup-then-decay schedule in optimizer steps."""

    peak_lr: float
    warmup_steps: int
    total_steps: int
    min_lr: float = 0.0
    shape: str = "linear-warmup-cosine"  # one of SCHEDULES

    def __post_init__(self) -> None:
        if self.shape not in SCHEDULES:
            raise ValueError(f"unknown schedule {self.shape!r}; expected one of {', '.join(SCHEDULES)}")
        if self.total_steps < 1 or not 0 <= self.warmup_steps <= self.total_steps:
            raise ValueError(f"need 0 <= warmup_steps ({self.warmup_steps}) <= total_steps ({self.total_steps})")

    def lr_at(self, step: int) -> float:
        """The LR for optimizer step ``step`` (0-based); steps past the end keep the final value."""
        return self.peak_lr * self.factor_at(step) if self.peak_lr else 0.0

    def factor_at(self, step: int) -> float:
        """``lr_at(step) / peak_lr``: the multiplier a LambdaLR applies to every parameter group."""
        return warmup_factor(step, self.warmup_steps) if step < self.warmup_steps else self._after_warmup(step)

    def _after_warmup(self, step: int) -> float:
        if self.shape == "linear-warmup-constant":
            return 1.0
        floor = self.min_lr / self.peak_lr if self.peak_lr else 0.0
        return floor + (1.0 - floor) * cosine_factor(step - self.warmup_steps, self.total_steps - self.warmup_steps)


def warmup_factor(step: int, warmup_steps: int) -> float:
    """Linear warmup ``step / W`` for ``step < W``, then 1."""
    return step / warmup_steps if step < warmup_steps else 1.0


def cosine_factor(step: int, decay_steps: int) -> float:
    """Half-cosine from 1 at ``step = 0`` to 0 at ``step = decay_steps``: ``0.5 * (1 + cos(pi * step / n))``."""
    if decay_steps <= 0:
        return 1.0
    progress = min(max(step / decay_steps, 0.0), 1.0)
    return 0.5 * (1.0 + math.cos(math.pi * progress))


def from_mapping(recommendation: Mapping[str, Any], total_steps: int | None = None) -> Schedule:
    """The schedule of a recipe's ``recommendation`` block (optionally stretched to another length)."""
    total = int(total_steps if total_steps is not None else recommendation["total_steps"])
    warmup = int(recommendation["warmup_steps"])
    if total_steps is not None and int(recommendation["total_steps"]) > 0:
        # A different run length keeps the same warmup in steps: warmup is about early stability, not length.
        warmup = min(warmup, total)
    return Schedule(
        peak_lr=float(recommendation["peak_lr"]),
        warmup_steps=warmup,
        total_steps=total,
        min_lr=float(recommendation.get("min_lr", 0.0)),
        shape=str(recommendation.get("schedule", "linear-warmup-cosine")),
    )


RecipeLike = Union[str, Path, Mapping[str, Any]]


def _recommendation(recipe: RecipeLike) -> Mapping[str, Any]:
    if isinstance(recipe, Mapping):
        return recipe["recommendation"] if "recommendation" in recipe else recipe
    from warmfind.recipe import load_recipe

    return load_recipe(Path(recipe))["recommendation"]


def lr_at(recipe: RecipeLike, step: int, total_steps: int | None = None) -> float:
    """The recipe's LR at optimizer step ``step``; ``recipe`` is a path, a loaded recipe or its recommendation."""
    return from_mapping(_recommendation(recipe), total_steps).lr_at(step)


def from_recipe(
    recipe: RecipeLike, optimizer: torch.optim.Optimizer, total_steps: int | None = None
) -> torch.optim.lr_scheduler.LambdaLR:
    """A ``LambdaLR`` that reproduces the recipe's schedule; call ``scheduler.step()`` after each ``optimizer.step()``.

    Every parameter group's LR is set to ``peak_lr`` times the ratio it had to the first group, so groups
    configured with different LRs keep their ratios.
    """
    import torch

    sched = from_mapping(_recommendation(recipe), total_steps)
    base = optimizer.param_groups[0]["lr"] or 1.0
    for group in optimizer.param_groups:
        group["initial_lr"] = sched.peak_lr * (group["lr"] / base if group["lr"] else 1.0)
        group["lr"] = group["initial_lr"]
    return torch.optim.lr_scheduler.LambdaLR(optimizer, sched.factor_at)
