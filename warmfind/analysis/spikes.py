"""Loss spikes and divergence in a probe's loss curve, as pure functions."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from warmfind import defaults
from warmfind.analysis.smoothing import ema, running_min


@dataclass(frozen=True)
class Spike:
    """The largest rise of the smoothed loss above its running minimum (a "catapult" when it recovers)."""

    step: int  # step at which the smoothed loss peaked
    start_step: int  # first step of the excursion above the threshold
    ratio: float  # peak smoothed loss / running minimum before it (inf: the loss blew up)
    recovered: bool  # the smoothed loss came back under the threshold before the curve ended
    recovery_step: int | None = None  # first step back under the threshold (None: it did not come back)


def find_spike(
    losses: Sequence[float],
    ratio: float = defaults.SPIKE_RATIO,
    beta: float = defaults.SPIKE_BETA,
    min_rise: float = defaults.SPIKE_MIN_RISE,
    min_step: int = defaults.SPIKE_MIN_STEP,
    noise_multiple: float | None = None,
    start: float | None = None,
) -> Spike | None:
    """The biggest excursion where ``smoothed > ratio * running_min`` and the rise exceeds both ``min_rise`` times the
    start level and ``noise_multiple`` standard deviations of the smoothed loss's own batch-to-batch noise
    (``smoothed_noise``). The curve's first point is raised to the start level (``start_level``, given the untrained
    model's mean loss ``start``): a low first batch would otherwise be the floor every later batch "spikes" above.

    Returns None when the curve never leaves that band after ``min_step``.
    """
    if not losses:
        return None
    scale = start_level(losses, start) if math.isfinite(losses[0]) else 1.0
    smoothed = spike_curve(losses, beta, start)
    floor = running_min(smoothed)
    multiple = defaults.SPIKE_NOISE_MULTIPLE if noise_multiple is None else noise_multiple
    least_rise = max(min_rise * scale, multiple * smoothed_noise(losses, beta))
    best: Spike | None = None
    start: int | None = None
    peak, peak_step = 0.0, 0
    for t in range(min_step, len(smoothed) + 1):
        above = t < len(smoothed) and _above(smoothed[t], floor[t - 1] if t else floor[0], ratio, least_rise)
        if above:
            if start is None:
                start, peak, peak_step = t, 0.0, t
            ref = floor[start - 1] if start else floor[0]
            rise = smoothed[t] / ref if math.isfinite(smoothed[t]) and ref > 0 else math.inf
            if rise > peak:
                peak, peak_step = rise, t
        elif start is not None:
            back = t < len(smoothed)
            spike = Spike(step=peak_step, start_step=start, ratio=peak, recovered=back, recovery_step=t if back else None)
            if best is None or spike.ratio > best.ratio:
                best = spike
            start = None
    return best


def spike_curve(losses: Sequence[float], beta: float = defaults.SPIKE_BETA, start: float | None = None) -> list[float]:
    """The curve spikes are measured on: an EMA(``beta``) of the losses whose first point is raised to ``start`` (the
    untrained model's mean loss) where that is higher, so one low first batch is not the floor."""
    if losses and math.isfinite(losses[0]) and start is not None and math.isfinite(start):
        return ema([max(losses[0], start), *losses[1:]], beta)
    return ema(losses, beta)


def came_back(losses: Sequence[float], spike: Spike, start: float | None = None,
              beta: float = defaults.SPIKE_BETA) -> bool:
    """Whether a run ended back near where it was before ``spike``: its tail mean (``tail_score``) is not measurably
    above SPIKE_RATIO x the floor the spike rose from (the running minimum of ``spike_curve`` before it), measurably
    meaning by more than two standard errors of that mean under the curve's own batch noise (``batch_noise``).

    One that dipped under the spike threshold for a moment and ended above where it started did not (a language model
    at 1.4, 47x up, ending at 1.6x its start). Against the lowest single batch before it, and without the noise, a
    heavy-tailed loss never "came back": exam 54's bridge network met one batch at 4.7x its mean at step 10 of every
    screen rung, down to LRs that move nothing, and all 30 rungs "spiked"."""
    before = spike_curve(losses[: max(1, spike.start_step)], beta, start)
    floor = min((v for v in before if math.isfinite(v)), default=math.nan)
    if not math.isfinite(floor):
        return True
    standard_error = batch_noise(losses) / math.sqrt(len(score_tail(losses)))
    return tail_score(losses) <= defaults.SPIKE_RATIO * floor + 2 * standard_error


def batch_noise(losses: Sequence[float]) -> float:
    """The standard deviation of one batch's loss around the curve's trend, estimated robustly: ``1.4826 * MAD / sqrt(2)``
    of the first differences (a difference of two independent draws has variance ``2 sigma^2``, and the median ignores
    the few steps of a spike or a trend). Zero for fewer than three finite losses."""
    finite = [v for v in losses if math.isfinite(v)]
    diffs = [b - a for a, b in zip(finite, finite[1:])]
    if len(diffs) < 2:
        return 0.0
    mid = statistics.median(diffs)
    return 1.4826 * statistics.median(abs(d - mid) for d in diffs) / math.sqrt(2)


def smoothed_noise(losses: Sequence[float], beta: float = defaults.SPIKE_BETA) -> float:
    """The standard deviation of batch-to-batch noise in an EMA(``beta``) of ``losses``: an EMA of white noise of
    standard deviation ``sigma`` (``batch_noise``) has variance ``sigma^2 (1 - beta) / (1 + beta)``."""
    return batch_noise(losses) * math.sqrt((1 - beta) / (1 + beta))


def _above(value: float, floor: float, ratio: float, min_rise: float) -> bool:
    if not math.isfinite(value):
        return True
    if not math.isfinite(floor):
        return False
    return value > ratio * floor and value - floor > min_rise


def divergence_step(losses: Sequence[float], multiple: float = defaults.BLOWUP_MULTIPLE, stopped: bool = False,
                    start: float | None = None) -> int | None:
    """The step a run diverged at: its first non-finite loss, or the start of a final excursion above the blow-up
    line that did not come back (the curve's last ``SCORE_TAIL`` averages above that line, or the
    run was ``stopped`` there by the prober). None when the run came back: an excursion that recovers is a spike
    (``blowup_excursion``), not a divergence. The line is ``multiple`` x ``start_level(losses, start)``, where
    ``start`` is the untrained model's mean loss (``ProbeRun.start_loss``; None: the curve's first loss alone).
    """
    if not losses:
        return None
    for t, value in enumerate(losses):
        if not math.isfinite(value):
            return t
    limit = multiple * start_level(losses, start)
    if not stopped and tail_score(losses) <= limit:
        return None
    start_step = len(losses)
    while start_step > 0 and losses[start_step - 1] > limit:
        start_step -= 1
    return min(start_step, len(losses) - 1)


def start_level(losses: Sequence[float], start: float | None = None) -> float:
    """The loss a blow-up is measured against: the larger of the curve's first loss and ``start``, the untrained
    model's mean over several batches (``ProbeRun.start_loss``; None: the first loss alone).

    One batch is a fragile yardstick when batch losses spread: exam 54's bridge network spread them about 20x at
    initialisation and began on one of its smallest (0.22 against a mean of 0.89), so every probe sat 3x above it and
    "diverged". The line only rises from the first loss, never falls below it: where the first batch was a typical
    or a high one, the rule measured on exams 4-54 is unchanged (round 45).
    """
    first = abs(losses[0])
    return max(first, abs(start)) if start is not None and math.isfinite(start) else first


def blowup_excursion(losses: Sequence[float], multiple: float = defaults.BLOWUP_MULTIPLE,
                     start: float | None = None) -> Spike | None:
    """The largest excursion of the raw loss above ``multiple`` times the ``start`` loss (``start_level``) that came
    back under it.

    This is what an optimizer with a large first step (RMSprop: no bias correction on its second moment, so the
    first update is about ``lr / sqrt(1 - alpha)`` per coordinate) or a catapult (Lewkowycz et al. 2020) does:
    the loss jumps, then trains. Its ``ratio`` is the peak over the start loss. None when there is none.
    """
    if not losses or not math.isfinite(losses[0]):
        return None
    level = start_level(losses, start)
    limit = multiple * level
    best: Spike | None = None
    t = 0
    while t < len(losses):
        if losses[t] > limit:
            first = t
            while t < len(losses) and losses[t] > limit:
                t += 1
            if t < len(losses):  # it came back
                peak = max(range(first, t), key=lambda i: losses[i])
                spike = Spike(step=peak, start_step=first, ratio=losses[peak] / level, recovered=True, recovery_step=t)
                if best is None or spike.ratio > best.ratio:
                    best = spike
        t += 1
    return best


def grad_blowup_step(grad_norms: Sequence[float], multiple: float = defaults.GRAD_BLOWUP_MULTIPLE) -> int | None:
    """First step whose gradient norm is non-finite or ``multiple`` times the median of the norms before it."""
    for t in range(3, len(grad_norms)):
        value = grad_norms[t]
        before = sorted(grad_norms[:t])
        median = before[len(before) // 2]
        if not math.isfinite(value) or (math.isfinite(median) and median > 0 and value > multiple * median):
            return t
    return None


def score_tail(losses: Sequence[float], fraction: float = defaults.SCORE_TAIL) -> Sequence[float]:
    """The last ``fraction`` of the curve (at least one step): what a probe is scored on."""
    return losses[-max(1, int(round(len(losses) * fraction))) :]


def tail_score(losses: Sequence[float], fraction: float = defaults.SCORE_TAIL) -> float:
    """Mean loss over the last ``fraction`` of the curve (``score_tail``; inf when any of it is non-finite)."""
    if not losses:
        return math.inf
    tail = score_tail(losses, fraction)
    if not all(math.isfinite(v) for v in tail):
        return math.inf
    return sum(tail) / len(tail)
