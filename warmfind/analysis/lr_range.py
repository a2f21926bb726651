"""The LR range test as pure analysis: an exponential LR sweep's losses in, divergence/steepest/valley LRs out."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from warmfind import defaults
from warmfind.analysis.smoothing import ema
from warmfind.analysis.spikes import smoothed_noise, start_level


@dataclass(frozen=True)
class RangeTest:
    """What one exponential LR sweep says about the model."""

    lrs: tuple[float, ...]  # the LR of each step of the sweep
    losses: tuple[float, ...]  # raw training loss at each step
    smoothed: tuple[float, ...]  # bias-corrected EMA of the losses
    divergence_lr: float | None  # LR where the loss starts to grow step over step (edge of stability estimate)
    blowup_lr: float | None  # first LR whose smoothed loss left DIVERGE_MULTIPLE x best (None: never)
    steepest_lr: float | None  # steepest fall of smoothed loss vs log-LR (torch-lr-finder / Lightning)
    valley_lr: float | None  # middle of the longest descending stretch (fastai's default)
    min_loss_lr: float | None  # LR at the smoothed minimum
    blowup_kind: str | None = None  # "diverged": the loss blew up (non-finite, or past BLOWUP_MULTIPLE x its start);
    #   "returned": it only climbed back towards where it started (too large an LR to learn, nothing blew up)

    @cached_property
    def start_loss(self) -> float:
        """The loss as initialised (``sweep_start``)."""
        return sweep_start(self.losses)

    @cached_property
    def min_loss(self) -> float:
        """The best the sweep reached before the cut, on a lightly smoothed curve (EMA SPIKE_BETA, ~5 steps), less
        its noise: the sweep crosses a narrow learning band in a few steps, which the heavier SMOOTHING_BETA curve
        averages away (issue 22's model dipped to 0.06 for a handful of steps, smoothed 0.09), while the minimum of a
        noisy curve sits about two of its standard deviations below where the loss really went, so that is added
        back (on random targets the light curve's minimum was a lucky run of batches, not learning)."""
        cut = self.lrs.index(self.blowup_lr) if self.blowup_lr is not None else len(self.losses)
        finite = [v for v in ema(self.losses[:cut], defaults.SPIKE_BETA) if math.isfinite(v)]
        if not finite:
            return math.nan
        return min(min(finite) + 2 * smoothed_noise(self.losses[:cut], defaults.SPIKE_BETA), self.start_loss)


def sweep_start(losses: Sequence[float]) -> float:
    """The loss as initialised: the mean of a sweep's first RANGE_SKIP_START finite losses (LRs ~1e-7, nothing moves;
    NaN when there are none)."""
    first = [v for v in losses[: defaults.RANGE_SKIP_START] if math.isfinite(v)]
    return sum(first) / len(first) if first else math.nan


def exponential_lrs(start: float, end: float, steps: int) -> list[float]:
    """``steps`` LRs spaced evenly in log space from ``start`` to ``end`` (both included)."""
    if steps < 2:
        return [start]
    ratio = (end / start) ** (1.0 / (steps - 1))
    return [start * ratio**i for i in range(steps)]


def divergence_index(smoothed: Sequence[float], multiple: float = defaults.DIVERGE_MULTIPLE, settle: int = 0) -> int | None:
    """Index of the first point that is non-finite or above ``multiple`` times the best point before it, where the
    first ``settle`` points are no "best": a bias-corrected EMA's first points average only a few batches, and on a
    loss whose batches spread 20x (exam 54's bridge network) the first was a low batch, 4x below the smoothed curve
    a few steps on, so the sweep "blew up" at its third LR (1.7e-7; the loss really blew up near 1)."""
    best = math.inf
    for i, value in enumerate(smoothed):
        if not math.isfinite(value) or (math.isfinite(best) and value > multiple * best):
            return i
        if i >= settle:
            best = min(best, value)
    return None


def steepest_index(
    smoothed: Sequence[float], skip_start: int = defaults.RANGE_SKIP_START, skip_end: int = defaults.RANGE_SKIP_END
) -> int | None:
    """Index of the most negative finite difference of the curve, ignoring the ends (as torch-lr-finder)."""
    end = len(smoothed) - skip_end
    if end - skip_start < 2:
        skip_start, end = 0, len(smoothed)
    diffs = [(smoothed[i + 1] - smoothed[i], i) for i in range(skip_start, end - 1)]
    diffs = [(d, i) for d, i in diffs if math.isfinite(d)]
    if not diffs:
        return None
    return min(diffs)[1]


def valley_index(smoothed: Sequence[float]) -> int | None:
    """fastai's "valley": the point two thirds down the longest strictly descending run of the curve.

    fastai takes the longest decreasing subsequence and returns the point at 2/3 of its span; we use the
    longest contiguous descending run, which is what that computes on a smoothed curve.
    """
    best_start, best_len, start = 0, 0, 0
    for i in range(1, len(smoothed) + 1):
        if i == len(smoothed) or not smoothed[i] < smoothed[i - 1]:
            if i - start > best_len:
                best_start, best_len = start, i - start
            start = i
    if best_len < 2:
        return None
    return best_start + int(round((best_len - 1) * 2 / 3))


def analyse_range_test(
    lrs: Sequence[float], losses: Sequence[float], beta: float = defaults.SMOOTHING_BETA, stopped_diverged: bool = False
) -> RangeTest:
    """Smooth the sweep, cut it at divergence and pick the classic points on what is left.

    ``stopped_diverged``: the sweep was cut by the probe loop's own blow-up rule, so its last LR diverged
    even if the smoothed curve had not yet left DIVERGE_MULTIPLE x its best.
    """
    smoothed = ema(losses, beta)
    cut = divergence_index(smoothed, settle=defaults.RANGE_SKIP_START)
    if cut is None and stopped_diverged and len(losses) > 1:
        cut = len(losses) - 1
    edge = edge_lr(lrs, losses, cut) if cut is not None else None
    usable = smoothed[:cut] if cut is not None else smoothed
    finite = [(v, i) for i, v in enumerate(usable) if math.isfinite(v)]

    def lr_of(index: int | None) -> float | None:
        return lrs[index] if index is not None else None

    return RangeTest(
        lrs=tuple(lrs),
        losses=tuple(losses),
        smoothed=tuple(smoothed),
        divergence_lr=edge if edge is not None else lr_of(cut),
        blowup_lr=lr_of(cut),
        steepest_lr=lr_of(steepest_index(usable)),
        valley_lr=lr_of(valley_index(usable)),
        min_loss_lr=lr_of(min(finite)[1]) if finite else None,
        blowup_kind="diverged" if stopped_diverged else blowup_kind(losses, cut),
    )


def blowup_kind(losses: Sequence[float], cut: int | None, multiple: float = defaults.BLOWUP_MULTIPLE) -> str | None:
    """``diverged`` when the raw loss at or after ``cut`` went non-finite or past ``multiple`` x its start level (its
    first loss, or the mean of its first RANGE_SKIP_START steps where higher: ``spikes.start_level``), ``returned``
    when it only climbed back towards the start (an LR too large to learn at, not a blow-up), None without a cut."""
    if cut is None:
        return None
    start = start_level(losses, sweep_start(losses)) if losses and math.isfinite(losses[0]) else math.inf
    after = losses[cut:]
    blew = any(not math.isfinite(v) or v > multiple * start for v in after)
    return "diverged" if blew else "returned"


def edge_lr(lrs: Sequence[float], losses: Sequence[float], cut: int, min_growth: float = 2.0) -> float | None:
    """The LR at which the loss became unstable, from how fast it grew in the steps before the cut.

    Gradient descent on a quadratic multiplies the excess loss along the top Hessian direction by
    ``r = (1 - lr * lambda)^2`` per step, so one step of growth gives ``lambda = (1 + sqrt(r)) / lr`` and the
    stability limit ``2 / lambda = 2 * lr / (1 + sqrt(r))``. The excess is measured above the loss at the
    start of the final growing stretch (what the stable directions still contribute). Any dilution left
    makes ``r`` smaller and the estimate of lambda lower, so the sharpest step is the best estimate:
    ``min_t 2 * lr_t / (1 + sqrt(r_t))`` over steps whose excess at least ``min_growth``-folded. Exact for
    full-batch GD on a quadratic, a first-order estimate elsewhere (momentum and Adam raise the true limit);
    the smoothed-loss cut itself overshoots because the exploding direction starts from a tiny error.
    None when the loss did not grow that fast.
    """
    end = min(cut, len(losses) - 1)
    while end > 0 and not math.isfinite(losses[end]):
        end -= 1
    start = end
    while start > 0 and 0 < losses[start - 1] < losses[start]:
        start -= 1
    floor = losses[start]
    estimates: list[float] = []
    for t in range(start + 1, end):
        before, after = losses[t] - floor, losses[t + 1] - floor
        if before > 0.01 * floor and after / before >= min_growth:
            estimates.append(2 * lrs[t] / (1 + math.sqrt(after / before)))
    return min(estimates) if estimates else None
