"""The learning-rate schedule a recipe describes, as pure functions, plus torch schedulers built from it.

The canonical shape is ``linear-warmup-cosine`` over integer optimizer steps ``s = 0 .. T-1``:

    s <  W:  lr(s) = peak * s / W                                   (Hugging Face / torchtune convention)
    s >= W:  lr(s) = min_lr + (peak - min_lr) * c(s),   c(s) = 0.5 * (1 + cos(pi * min(1, (s - W) / (T - W))))

so ``lr(0) = 0`` when ``W > 0``, ``lr(W) = peak`` and the decay reaches ``min_lr`` at ``s = T`` and stays there.
The decay is evaluated as ``c * peak + (1 - c) * min_lr``, the same number in exact arithmetic, because that form
hits both endpoints exactly in floating point (``min_lr + (peak - min_lr)`` need not round back to ``peak``).
``linear-warmup-constant`` holds the peak after warmup (the stability probes use it).

``warmup-stable-decay`` (WSD) warms up the same way, holds the peak, then decays linearly over the last
``D = round(decay_fraction * T)`` steps, exactly as Hugging Face's ``warmup_stable_decay`` scheduler with
``decay_type="linear"`` and ``min_lr_ratio = min_lr / peak``:

    W <= s < T - D:  lr(s) = peak
    T - D <= s < T:  lr(s) = min_lr + (peak - min_lr) * (1 - (s - (T - D)) / D),   and min_lr from s = T on

(HF's warmup also starts from ``min_lr``; warmfind's WSD recipes decay to ``min_lr = 0``, where the two agree.)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:  # torch is only needed by the scheduler builders, not by the pure schedule
    import torch

SCHEDULES = ("linear-warmup-cosine", "linear-warmup-constant", "warmup-stable-decay")
WSD = "warmup-stable-decay"


@dataclass(frozen=True)
class Schedule:
    """A warmup-then-decay schedule in optimizer steps."""

    peak_lr: float
    warmup_steps: int
    total_steps: int
    min_lr: float = 0.0  # the floor the cosine decays to; ignored by linear-warmup-constant
    shape: str = "linear-warmup-cosine"  # one of SCHEDULES
    decay_fraction: float = 0.2  # warmup-stable-decay only: the share of the run the final linear decay takes

    def __post_init__(self) -> None:
        if self.shape not in SCHEDULES:
            raise ValueError(f"unknown schedule {self.shape!r}; expected one of {', '.join(SCHEDULES)}")
        if self.total_steps < 1 or not 0 <= self.warmup_steps <= self.total_steps:
            raise ValueError(f"need 0 <= warmup_steps ({self.warmup_steps}) <= total_steps ({self.total_steps})")
        if not (math.isfinite(self.peak_lr) and math.isfinite(self.min_lr)) or not 0 <= self.min_lr <= self.peak_lr:
            raise ValueError(f"need 0 <= min_lr ({self.min_lr}) <= peak_lr ({self.peak_lr}), both finite")
        if self.shape == WSD and not 0 < self.decay_fraction <= 1:
            raise ValueError(f"need 0 < decay_fraction ({self.decay_fraction}) <= 1")

    @property
    def decay_steps(self) -> int:
        """WSD's final decay length ``D``: ``round(decay_fraction * T)``, at least 1, at most ``T - W``."""
        return min(max(1, round(self.decay_fraction * self.total_steps)), max(1, self.total_steps - self.warmup_steps))

    @property
    def stable_steps(self) -> int:
        """WSD's constant stretch between the warmup and the decay."""
        return max(0, self.total_steps - self.warmup_steps - self.decay_steps)

    def _wsd_factor(self, step: int) -> float:
        """WSD after warmup, as a fraction of the peak: 1 while stable, then linear to the floor ratio."""
        start = self.warmup_steps + self.stable_steps
        if step < start:
            return 1.0
        remaining = max(0.0, 1.0 - (step - start) / self.decay_steps)
        return remaining * (1.0 - self.floor_ratio) + self.floor_ratio

    def lr_at(self, step: int) -> float:
        """The LR for optimizer step ``step`` (0-based); steps past the end keep the final value."""
        step = max(step, 0)
        if step < self.warmup_steps:
            return self.peak_lr * step / self.warmup_steps
        if self.shape == "linear-warmup-constant":
            return self.peak_lr
        if self.shape == WSD:
            return self.peak_lr * self._wsd_factor(step)
        c = cosine_factor(step - self.warmup_steps, self.total_steps - self.warmup_steps)
        return c * self.peak_lr + (1.0 - c) * self.min_lr

    def factor_at(self, step: int) -> float:
        """``lr_at(step) / peak_lr``: the multiplier a LambdaLR applies to every parameter group.

        ``s / W`` during warmup, then ``c(s) + (1 - c(s)) * min_lr / peak``.
        """
        step = max(step, 0)
        if step < self.warmup_steps:
            return warmup_factor(step, self.warmup_steps)
        if self.shape == "linear-warmup-constant":
            return 1.0
        if self.shape == WSD:
            return self._wsd_factor(step)
        c = cosine_factor(step - self.warmup_steps, self.total_steps - self.warmup_steps)
        return c + (1.0 - c) * self.floor_ratio

    @property
    def floor_ratio(self) -> float:
        """``min_lr / peak_lr`` (0 for a zero peak): the floor as a fraction, as ratio-based stacks want it."""
        return self.min_lr / self.peak_lr if self.peak_lr else 0.0


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
    """The schedule of a recipe's ``recommendation`` block, optionally stretched to ``total_steps``.

    A different run length keeps the warmup in steps (warmup is about early stability, not about length),
    cut to the new length if it no longer fits.
    """
    total = int(total_steps if total_steps is not None else recommendation["total_steps"])
    warmup = int(recommendation["warmup_steps"])
    if total_steps is not None:
        warmup = min(warmup, total)
    min_lr = recommendation.get("min_lr")
    shape = recommendation.get("schedule")
    decay = recommendation.get("decay_fraction")
    return Schedule(
        peak_lr=float(recommendation["peak_lr"]),
        warmup_steps=warmup,
        total_steps=total,
        min_lr=float(min_lr) if min_lr is not None else 0.0,  # a recipe may write `min_lr: null`
        shape=str(shape) if shape else SCHEDULES[0],
        decay_fraction=float(decay) if decay is not None else 0.2,
    )


RecipeLike = Union[str, Path, Mapping[str, Any]]


def _recommendation(recipe: RecipeLike) -> Mapping[str, Any]:
    if not isinstance(recipe, Mapping):
        path = Path(recipe).resolve()
        try:
            stat = path.stat()
        except OSError:
            stat = None  # load_recipe names the missing file
        recipe = _loaded(str(path), stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)
    block = recipe.get("recommendation", recipe)
    if not isinstance(block, Mapping):
        raise ValueError("the recipe has no recommendation (was the probe interrupted?)")
    return block


@functools.lru_cache(maxsize=32)
def _loaded(path: str, mtime_ns: int, size: int) -> Mapping[str, Any]:
    """A recipe file, read and validated once per version: ``lr_at`` in a training loop must not re-parse the YAML
    (400 calls took 9.8-47 s before). Keyed by modification time and size, so an edited file is read again."""
    from warmfind.recipe.schema import load_recipe

    return MappingProxyType(load_recipe(Path(path)))


def lr_at(recipe: RecipeLike, step: int, total_steps: int | None = None) -> float:
    """The recipe's LR at optimizer step ``step``; ``recipe`` is a path (read once, then cached until the file
    changes), a loaded recipe or its recommendation."""
    return from_mapping(_recommendation(recipe), total_steps).lr_at(step)


def group_peaks(peak_lr: float, group_lrs: list[float]) -> list[float]:
    """Each parameter group's peak: ``peak_lr * lr_g / lr_ref``, ``lr_ref`` the first non-zero group LR.

    A group set to LR 0 (frozen on purpose) stays at 0; when every group is 0 (no LR was configured),
    all of them get ``peak_lr``.
    """
    reference = next((lr for lr in group_lrs if lr), 0.0)
    if not reference:
        return [peak_lr for _ in group_lrs]
    return [peak_lr * (lr / reference) for lr in group_lrs]


def from_recipe(
    recipe: RecipeLike, optimizer: torch.optim.Optimizer, total_steps: int | None = None
) -> torch.optim.lr_scheduler.LambdaLR:
    """A ``LambdaLR`` that reproduces the recipe's schedule; call ``scheduler.step()`` after each ``optimizer.step()``.

    Every parameter group's LR is set to ``peak_lr`` times the ratio it had to the first (non-zero) group,
    so groups configured with different LRs keep their ratios (see ``group_peaks``).
    """
    import torch

    sched = from_mapping(_recommendation(recipe), total_steps)
    peaks = group_peaks(sched.peak_lr, [float(g["lr"]) for g in optimizer.param_groups])
    for group, peak in zip(optimizer.param_groups, peaks):
        # LambdaLR multiplies `initial_lr` (it only sets it when absent), so this is where the peak goes.
        group["initial_lr"] = peak
        group["lr"] = peak
    return torch.optim.lr_scheduler.LambdaLR(optimizer, sched.factor_at)


def _warmup_cosine_lr_class() -> type:
    """Build ``WarmupCosineLR`` on first use, so importing this module does not import torch."""
    import torch

    class WarmupCosineLR(torch.optim.lr_scheduler.LambdaLR):
        """The recipe's schedule as a plain LR scheduler class, for configs that name a class (LightningCLI).

        The optimizer's LR is the peak; ``min_lr`` is absolute and is applied to every group as the fraction
        ``min_lr / lr_ref`` of its own peak, so group ratios hold. Step it once per optimizer step.
        """

        def __init__(
            self,
            optimizer: torch.optim.Optimizer,
            warmup_steps: int,
            total_steps: int,
            min_lr: float = 0.0,
            shape: str = SCHEDULES[0],
            last_epoch: int = -1,
            decay_fraction: float = 0.2,
        ) -> None:
            group_lrs = [float(g.get("initial_lr", g["lr"])) for g in optimizer.param_groups]
            reference = next((lr for lr in group_lrs if lr), 0.0)
            # Only the bound method is kept: state_dict() then holds plain numbers, which weights_only loads accept.
            schedule = Schedule(reference, int(warmup_steps), int(total_steps), float(min_lr), shape, float(decay_fraction))
            super().__init__(optimizer, schedule.factor_at, last_epoch)

    WarmupCosineLR.__module__ = __name__
    WarmupCosineLR.__qualname__ = "WarmupCosineLR"
    return WarmupCosineLR


_LAZY: dict[str, type] = {}


def __getattr__(name: str) -> Any:
    # `warmfind.recipe.schedule.WarmupCosineLR` resolves here (PEP 562), so jsonargparse's class_path import works.
    if name == "WarmupCosineLR":
        if name not in _LAZY:
            _LAZY[name] = _warmup_cosine_lr_class()
        return _LAZY[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
