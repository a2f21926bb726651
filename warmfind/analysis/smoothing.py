"""Loss-curve smoothing: a bias-corrected exponential moving average that tolerates non-finite points."""

from __future__ import annotations

import math
from collections.abc import Sequence


def ema(values: Sequence[float], beta: float) -> list[float]:
    """Bias-corrected EMA: ``m_t = beta * m_{t-1} + (1 - beta) * x_t``, reported as ``m_t / (1 - beta^t)``.

    The correction removes the pull towards zero of the first points (Adam's bias correction), so the
    smoothed curve starts at the first value instead of near 0. A non-finite value makes every later
    point non-finite: a curve that has blown up stays blown up.
    """
    out: list[float] = []
    mean = 0.0
    for t, value in enumerate(values, start=1):
        mean = beta * mean + (1.0 - beta) * value
        out.append(mean / (1.0 - beta**t) if math.isfinite(mean) else math.inf)
    return out


def running_min(values: Sequence[float]) -> list[float]:
    """``out[t] = min(values[:t+1])`` over the finite values seen so far (``inf`` before any)."""
    best = math.inf
    out = []
    for value in values:
        if math.isfinite(value) and value < best:
            best = value
        out.append(best)
    return out
