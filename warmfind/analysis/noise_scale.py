"""The gradient noise scale B_simple = tr(Sigma)/|G|^2 (McCandlish et al. 2018) and what it says about batch size (no torch).

The mean gradient of a batch of B examples drawn i.i.d. from the data satisfies

    E|G_B|^2 = |G|^2 + tr(Sigma)/B

(G the true gradient, Sigma the per-example gradient covariance), so squared gradient norms measured at two
batch sizes B_small < B_big give unbiased estimates of both terms:

    |G|^2    ~ (B_big |G_big|^2 - B_small |G_small|^2) / (B_big - B_small)
    tr(Sigma) ~ (|G_small|^2 - |G_big|^2) / (1/B_small - 1/B_big)

Their ratio is not unbiased, so each is averaged over many samples first and only the averages are divided.

Along a probe (``noise_from_sums``) the small batch is each step's own batch and the big one the mean of a window
of n consecutive steps, from the running sum of their gradients: every pair of batches in the window is a sample.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from warmfind.defaults import (
    BATCH_FACTORS,
    REGIME_MARGIN,
    TRUST_MAX_BATCH_FACTOR,
    TRUST_MAX_OVER_NOISE,
    TRUST_MAX_REL_STDERR,
)

@dataclass(frozen=True)
class NoiseScale:
    """An estimate of the simple noise scale B_simple from squared gradient norms at two batch sizes."""

    b_simple: float  # averaged tr(Sigma) / averaged |G|^2; inf when noise_dominated, 0 when tr(Sigma) <= 0
    grad_sq: float  # unbiased estimate of |G|^2, the squared norm of the true gradient (may be <= 0 by noise)
    trace_sigma: float  # unbiased estimate of tr(Sigma), the per-example gradient variance (may be <= 0 by noise)
    b_small: int  # examples behind each small-batch gradient
    b_big: int  # examples behind each big-batch gradient
    samples: int  # (small, big) pairs averaged
    stderr: float  # standard error of b_simple (delta method over the pairs); inf when it cannot be estimated
    noise_dominated: bool  # the |G|^2 estimate is <= 0: noise swamps the signal, B_simple is huge or undefined

    @property
    def relative_stderr(self) -> float:
        """stderr / b_simple (inf when b_simple is 0 or undefined)."""
        if self.b_simple <= 0 or not math.isfinite(self.b_simple):
            return math.inf
        return self.stderr / self.b_simple

    @property
    def measured(self) -> bool:
        """``is_measured`` of this estimate: the only kind that may drive a batch table, a regime sentence or a batch move."""
        return is_measured(self.b_simple, self.stderr)


def is_measured(b_simple: Any, stderr: Any) -> bool:
    """A finite, positive B_simple whose stderr is at most TRUST_MAX_REL_STDERR of it; anything else (inf, NaN, 0,
    a missing or looser stderr) is shown as "not measured" and used for nothing."""
    return (_positive_finite(b_simple) and isinstance(stderr, (int, float)) and not isinstance(stderr, bool)
            and stderr / b_simple <= TRUST_MAX_REL_STDERR)


@dataclass(frozen=True)
class BatchRow:
    """The peak LR the noise-scale model predicts at another batch size, and whether to believe it."""

    batch_size: int
    peak_lr: float
    warmup_steps: int | None  # the warmup for the same training progress (None when the recipe has no warmup step count)
    trusted: bool  # False: an extrapolation the measurement does not support (see caveat)
    caveat: str  # why it is not trusted ("" when trusted)


def grad_sq_estimate(small_sq: float, big_sq: float, b_small: int, b_big: int) -> float:
    """Unbiased |G|^2 from one pair: ``(B_big |G_big|^2 - B_small |G_small|^2) / (B_big - B_small)``."""
    return (b_big * big_sq - b_small * small_sq) / (b_big - b_small)


def trace_sigma_estimate(small_sq: float, big_sq: float, b_small: int, b_big: int) -> float:
    """Unbiased tr(Sigma) from one pair: ``(|G_small|^2 - |G_big|^2) / (1/B_small - 1/B_big)``."""
    return (small_sq - big_sq) / (1.0 / b_small - 1.0 / b_big)


def sample_weights(n: int, ema_beta: float | None) -> list[float]:
    """Weights (summing to 1) of ``n`` samples: equal, or a bias-corrected EMA's ``(1-beta) beta^(n-t) / (1-beta^n)``.

    The EMA weights are exactly those of the last point of ``warmfind.analysis.smoothing.ema``: recent samples count most,
    which follows a noise scale that drifts as training proceeds.
    """
    if n < 1:
        raise ValueError("need at least one sample")
    if ema_beta is None:
        return [1.0 / n] * n
    if not 0.0 <= ema_beta < 1.0:
        raise ValueError(f"ema_beta must be in [0, 1), got {ema_beta}")
    norm = 1.0 - ema_beta**n
    return [(1.0 - ema_beta) * ema_beta ** (n - t) / norm for t in range(1, n + 1)]


def estimate_noise_scale(
    small_sq: Sequence[float],
    big_sq: Sequence[float],
    b_small: int,
    b_big: int,
    ema_beta: float | None = None,
) -> NoiseScale:
    """B_simple = tr(Sigma)/|G|^2 from paired squared gradient norms ``|G_small|^2``, ``|G_big|^2``.

    Each pair gives unbiased |G|^2 and tr(Sigma) estimates (module docstring); both are averaged over the pairs
    (a plain mean, or a bias-corrected EMA when ``ema_beta`` is given) and the averages divided. The standard
    error is the delta method's: with weights w_t and residuals ``r_t = (T_t - b G_t)/G``,
    ``Var(b) ~ sum(w_t^2) * sum(w_t r_t^2) / (1 - sum(w_t^2))``, which treats the pairs as independent.

    Args:
        small_sq: ``|G_small|^2`` per sample; may already be a mean over several small batches of one sample.
        big_sq: ``|G_big|^2`` per sample, paired with ``small_sq``.
        b_small, b_big: the batch sizes behind them, ``0 < b_small < b_big``.
        ema_beta: None for a plain mean over samples; else the EMA factor (later samples weigh more).
    """
    if len(small_sq) != len(big_sq):
        raise ValueError(f"small_sq has {len(small_sq)} samples but big_sq has {len(big_sq)}")
    if not 0 < b_small < b_big:
        raise ValueError(f"need 0 < b_small ({b_small}) < b_big ({b_big})")
    if not all(math.isfinite(v) for v in (*small_sq, *big_sq)):
        raise ValueError("squared gradient norms must be finite")
    weights = sample_weights(len(small_sq), ema_beta)
    grads = [grad_sq_estimate(s, g, b_small, b_big) for s, g in zip(small_sq, big_sq)]
    traces = [trace_sigma_estimate(s, g, b_small, b_big) for s, g in zip(small_sq, big_sq)]
    grad_sq = sum(w * g for w, g in zip(weights, grads))
    trace_sigma = sum(w * t for w, t in zip(weights, traces))
    noise_dominated = grad_sq <= 0.0
    if noise_dominated:
        b_simple, stderr = math.inf, math.inf
    else:
        b_simple = max(trace_sigma, 0.0) / grad_sq
        stderr = _ratio_stderr(traces, grads, weights, trace_sigma / grad_sq, grad_sq)
    return NoiseScale(
        b_simple=b_simple, grad_sq=grad_sq, trace_sigma=trace_sigma, b_small=b_small, b_big=b_big,
        samples=len(grads), stderr=stderr, noise_dominated=noise_dominated,
    )


def _ratio_stderr(traces: list[float], grads: list[float], weights: list[float], ratio: float, grad_sq: float) -> float:
    """Delta-method standard error of ``sum(w T) / sum(w G)`` for independent samples."""
    sum_w2 = sum(w * w for w in weights)
    if sum_w2 >= 1.0 - 1e-12:  # a single sample (or an EMA with beta = 0): no spread to measure
        return math.inf
    spread = sum(w * ((t - ratio * g) / grad_sq) ** 2 for w, t, g in zip(weights, traces, grads)) / (1.0 - sum_w2)
    return math.sqrt(sum_w2 * spread)


def noise_from_sums(grad_sq: Sequence[float], sum_sq: Sequence[float], batch: int) -> NoiseScale:
    """B_simple from ``n`` consecutive batches at (nearly) fixed weights: ``|g_t|^2`` and the running ``|g_0 + ... + g_t|^2``.

    The small batch is one batch (B), the big one the mean of all n (nB); with ``Q = mean |g_t|^2`` and
    ``U = (|S_n|^2 - n Q) / (n (n - 1))`` (the mean of ``g_s . g_t`` over the n(n-1)/2 pairs s < t) the two-batch
    estimators of the module docstring reduce to

        |G|^2 ~ U,    tr(Sigma) ~ B (Q - U),    B_simple = B (Q - U) / U

    which use every pair in the window, not only neighbours. The standard error is a plug-in for this U-statistic:
    ``Var(U) = 2 (2 (n-2) z1 + z2) / (n (n-1))`` with ``z1 = Var(g.G)`` and ``z2 = Var(g_s.g_t)``, both read off
    ``u_t = g_t . mean(g_<t)``, whose spread about U is ``z1 + (z2 - z1)/t``; the delta method carries it, with the
    spread of Q, to the ratio. The gradients must come from independent batches at the same weights.
    """
    n = len(grad_sq)
    if n != len(sum_sq):
        raise ValueError(f"grad_sq has {n} steps but sum_sq has {len(sum_sq)}")
    if n < 3 or batch < 1:
        raise ValueError(f"need at least 3 steps and a positive batch, got {n} steps of batch {batch}")
    if not all(math.isfinite(v) for v in (*grad_sq, *sum_sq)):
        raise ValueError("squared gradient norms must be finite")
    q = sum(grad_sq) / n
    u = (sum_sq[-1] - n * q) / (n * (n - 1))
    base = estimate_noise_scale([q], [sum_sq[-1] / n**2], batch, n * batch)
    if base.noise_dominated:
        return base
    dots = [(sum_sq[t] - sum_sq[t - 1] - grad_sq[t]) / 2 for t in range(1, n)]  # g_t . (g_0 + ... + g_{t-1})
    z1, z2 = _pair_spreads([d / t for t, d in enumerate(dots, start=1)], u)
    var_u = 2 * (2 * (n - 2) * z1 + z2) / (n * (n - 1))
    var_q = sum((v - q) ** 2 for v in grad_sq) / (n * (n - 1))
    cov_qu = 4 * z1 / n  # both carry the g.G term
    var_ratio = var_q / u**2 + q**2 * var_u / u**4 - 2 * q * cov_qu / u**3
    return replace(base, samples=n, stderr=batch * math.sqrt(max(var_ratio, q**2 * var_u / u**4 / 4)))


def _pair_spreads(means: Sequence[float], u: float) -> tuple[float, float]:
    """``(z1, z2)`` from ``u_t = g_t . mean(g_<t)`` (t = 1..): least squares of ``(u_t - U)^2`` on ``z1 + (z2 - z1)/t``."""
    xs = [1.0 / t for t in range(1, len(means) + 1)]
    ys = [(m - u) ** 2 for m in means]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx > 0 else 0.0
    z1 = max(my - slope * mx, 0.0)
    return z1, z1 + max(slope, 0.0)


def init_window(lrs: Sequence[float], top_lr: float, fraction: float) -> int:
    """How many leading steps of an LR range test ran at ``lr <= fraction * top_lr``: the weights barely moved.

    The sweep rises by a constant factor r per step, so the weights moved by at most ``lr_t / (1 - 1/r)`` in
    total by step t (about 6 ``lr_t`` at the usual 100 steps over 1e-7..10): at a thousandth of the LR that blows
    up, the gradient is the one at init to within far less than its noise.
    """
    limit = fraction * top_lr
    return next((i for i, lr in enumerate(lrs) if lr > limit), len(lrs))


def predicted_lr(peak_lr: float, batch: int, new_batch: int, b_noise: float) -> float:
    """Peak LR at ``new_batch`` given ``peak_lr`` at ``batch``, from eps(B) = eps_max / (1 + B_noise/B).

    ``lr(new) = lr(batch) * (1 + B_noise/batch) / (1 + B_noise/new_batch)``, i.e. ``lr / steps_factor``: linear in
    the batch size while both are << B_noise, flat once both are >> B_noise. Derived for SGD; Adam's best LR
    grows more slowly.
    """
    return peak_lr / steps_factor(batch, new_batch, b_noise)


def steps_factor(batch: int, new_batch: int, b_noise: float) -> float:
    """How many more optimizer steps ``new_batch`` needs than ``batch`` for the same training progress.

    McCandlish et al. 2018 (eq. 2.11): reaching a given loss takes ``S = S_min (1 + B_noise/B)`` steps, so the
    ratio is ``(1 + B_noise/new_batch) / (1 + B_noise/batch)``: about ``batch/new_batch`` (the same number of
    examples) while both are << B_noise, and 1 (the same number of steps) once both are >> B_noise.
    """
    if batch <= 0 or new_batch <= 0:
        raise ValueError(f"batch sizes must be positive, got {batch} and {new_batch}")
    if b_noise < 0 or math.isnan(b_noise):
        raise ValueError(f"b_noise must be >= 0, got {b_noise}")
    if math.isinf(b_noise):
        return batch / new_batch
    return (1.0 + b_noise / new_batch) / (1.0 + b_noise / batch)


def predicted_warmup(warmup_steps: int, batch: int, new_batch: int, b_noise: float) -> int:
    """Warmup steps at ``new_batch`` for a ``warmup_steps`` warmup measured at ``batch``: the warmup rule.

    Warmup has to span the same stretch of early training, whose fast weight changes are what a large LR
    cannot take yet (Goyal et al. 2017), so it scales as the steps that stretch takes: ``steps_factor``.
    Below the noise scale that keeps the warmup's examples fixed (Goyal et al.'s warmup in epochs); above it,
    its steps. As a fraction of a run that sees the same examples, the warmup changes by
    ``(new_batch + B_noise) / (batch + B_noise)`` (see ``warmup_fraction_factor``).
    """
    return max(0, round(warmup_steps * steps_factor(batch, new_batch, b_noise)))


def warmup_fraction_factor(batch: int, new_batch: int, b_noise: float | None) -> float:
    """How the warmup's share of a run with the same examples changes from ``batch`` to ``new_batch``.

    ``steps_factor * new_batch / batch = (new_batch + B_noise) / (batch + B_noise)``: a bigger batch needs a
    larger share of its (fewer) steps to warm up, up to ``new_batch / batch`` when B_noise is small. Without a
    noise scale (None) the share is kept, which is the linear-scaling rule's warmup in examples.
    """
    if b_noise is None or math.isinf(b_noise):
        return 1.0
    return (new_batch + b_noise) / (batch + b_noise)


def batch_table(
    peak_lr: float,
    batch: int,
    b_noise: float,
    factors: Sequence[float] = BATCH_FACTORS,
    b_noise_stderr: float | None = None,
    warmup_steps: int | None = None,
) -> tuple[BatchRow, ...]:
    """Predicted peak LR (and warmup steps, ``predicted_warmup``) at ``batch * factor``, each flagged trusted or not.

    A row is untrusted when (any of) its batch is above TRUST_MAX_OVER_NOISE x B_noise (the flat part of the
    curve, where B_simple is a rough stand-in for B_crit), it is more than TRUST_MAX_BATCH_FACTOR x away from the
    probed batch (either way), or ``b_noise_stderr / b_noise`` exceeds TRUST_MAX_REL_STDERR (B_noise itself is
    not known well enough). An infinite B_noise (noise-dominated measurement) is never trusted.
    """
    relative = _relative(b_noise_stderr, b_noise)
    rows = []
    for factor in factors:
        new_batch = max(1, round(batch * factor))
        caveats = []
        if not math.isfinite(b_noise):
            caveats.append("B_simple not measured (noise swamps |G|^2)")
        elif new_batch > TRUST_MAX_OVER_NOISE * b_noise:
            caveats.append(f"batch > {TRUST_MAX_OVER_NOISE:g}x B_simple")
        if max(new_batch / batch, batch / new_batch) > TRUST_MAX_BATCH_FACTOR:
            caveats.append(f"more than {TRUST_MAX_BATCH_FACTOR:g}x from the probed batch")
        if relative > TRUST_MAX_REL_STDERR and math.isfinite(b_noise):
            caveats.append(f"B_simple uncertain (+-{relative:.0%})")
        warmup = predicted_warmup(warmup_steps, batch, new_batch, b_noise) if warmup_steps is not None else None
        rows.append(BatchRow(new_batch, predicted_lr(peak_lr, batch, new_batch, b_noise), warmup, not caveats, "; ".join(caveats)))
    return tuple(rows)


def move_caveat(batch: int, new_batch: int, b_noise: float, b_noise_stderr: float | None = None) -> str:
    """Why ``batch_table`` would not trust moving a measurement from ``batch`` to ``new_batch`` ("" if it would)."""
    (row,) = batch_table(1.0, batch, b_noise, factors=(new_batch / batch,), b_noise_stderr=b_noise_stderr)
    return row.caveat


def _relative(stderr: float | None, value: float) -> float:
    if stderr is None:
        return 0.0
    if value <= 0 or not math.isfinite(value) or not math.isfinite(stderr):
        return math.inf
    return stderr / value


def regime(batch: int, b_noise: float) -> str:
    """Where ``batch`` sits against B_noise, within a factor REGIME_MARGIN, in words for the user."""
    if batch * REGIME_MARGIN <= b_noise:
        return "batch << B_simple: LR scales about linearly with batch"
    if batch >= REGIME_MARGIN * b_noise:
        return "batch >> B_simple: bigger batches waste compute"
    return "batch ~ B_simple: LR grows sub-linearly with batch; the compute-efficient trade-off"


def recipe_noise(block: Any) -> tuple[float, float | None] | None:
    """The noise scale a recipe's ``evidence.gradient_noise_scale`` used for its batch table, and its stderr.

    ``b_noise_used`` (what ``warmfind probe`` writes, None when nothing was measured), else a hand-written
    ``b_simple``, else ``at_init.b_simple`` when it has no stderr or a tight one (``is_measured``); only a finite
    positive number counts (None when there is none). The stderr is the one recorded with the measurement that
    gave the value (``at_peak_lr``, ``along_probe`` or ``at_init``), None when not found.
    """
    if not isinstance(block, Mapping):
        return None
    measured = [m for m in (block.get("at_peak_lr"), block.get("along_probe"), block.get("at_init")) if isinstance(m, Mapping)]
    at_init = block.get("at_init")
    init_value = None
    if isinstance(at_init, Mapping) and (at_init.get("stderr") is None or is_measured(at_init.get("b_simple"), at_init.get("stderr"))):
        init_value = at_init.get("b_simple")
    candidates = (block.get("b_noise_used"), block.get("b_simple"), init_value)
    value = next((float(v) for v in candidates if v is not None and _positive_finite(v)), None)
    if value is None:
        return None
    stderr = next((float(m["stderr"]) for m in measured if m.get("b_simple") == value and _positive_finite(m.get("stderr"))), None)
    return value, stderr


def _positive_finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < math.inf


def for_batch(rec: Mapping[str, Any], batch: int, new_batch: int, b_noise: float) -> dict[str, Any]:
    """A recommendation (peak_lr, min_lr, warmup_steps, total_steps) moved from ``batch`` to ``new_batch``.

    Peak and floor by ``predicted_lr``, warmup by ``predicted_warmup``, and the length to the same number of
    examples (``total_steps * batch / new_batch``), which is what a run with a new batch size usually keeps.
    """
    out = dict(rec)
    lr_factor = predicted_lr(1.0, batch, new_batch, b_noise)
    for key in ("peak_lr", "min_lr"):
        if isinstance(rec.get(key), (int, float)):
            out[key] = rec[key] * lr_factor
    if isinstance(rec.get("warmup_steps"), int):
        out["warmup_steps"] = predicted_warmup(rec["warmup_steps"], batch, new_batch, b_noise)
    if isinstance(rec.get("total_steps"), int):
        out["total_steps"] = max(1, round(rec["total_steps"] * batch / new_batch))
        if "warmup_steps" in out:
            out["warmup_steps"] = min(out["warmup_steps"], out["total_steps"])
    return out
