"""The gradient noise scale as pure analysis: exact estimator algebra, the batch-size table and the warmup rule."""

from __future__ import annotations

import math

import pytest
import torch  # only to draw synthetic gradients; the package under test is torch-free

from warmfind.analysis.noise_scale import (
    BatchRow,
    batch_table,
    estimate_noise_scale,
    init_window,
    is_measured,
    noise_from_sums,
    predicted_lr,
    recipe_noise,
    predicted_warmup,
    regime,
    steps_factor,
    warmup_fraction_factor,
)
from warmfind.analysis.smoothing import ema


def _exact_pair(grad_sq: float, trace: float, b_small: int, b_big: int) -> tuple[float, float]:
    """The expected squared norms E|G_B|^2 = |G|^2 + tr(Sigma)/B at both batch sizes."""
    return grad_sq + trace / b_small, grad_sq + trace / b_big


# --- pure estimators -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "grad_sq, trace, b_small, b_big",
    [
        pytest.param(1.0, 10.0, 1, 2, id="tiny-batches"),
        pytest.param(3.0, 55.0, 8, 32, id="B_simple-near-B_small"),
        pytest.param(0.01, 500.0, 16, 256, id="noise-heavy"),
        pytest.param(7.0, 0.5, 4, 64, id="signal-heavy"),
    ],
)
def test_estimators_invert_the_exact_model(grad_sq: float, trace: float, b_small: int, b_big: int) -> None:
    small, big = _exact_pair(grad_sq, trace, b_small, b_big)
    for ema_beta in (None, 0.9):
        ns = estimate_noise_scale([small] * 5, [big] * 5, b_small, b_big, ema_beta=ema_beta)
        assert ns.grad_sq == pytest.approx(grad_sq, rel=1e-9)
        assert ns.trace_sigma == pytest.approx(trace, rel=1e-9)
        assert ns.b_simple == pytest.approx(trace / grad_sq, rel=1e-9)
        assert ns.stderr == pytest.approx(0.0, abs=1e-9 * ns.b_simple)  # identical samples: no spread
        assert (ns.samples, ns.b_small, ns.b_big, ns.noise_dominated) == (5, b_small, b_big, False)


def test_ratio_of_averages_not_average_of_ratios() -> None:
    # samples with (|G|^2, tr) = (1, 10) and (3, 10): ratio of means 20/4 = 5; mean of ratios would be 6.67
    pairs = [_exact_pair(1.0, 10.0, 2, 8), _exact_pair(3.0, 10.0, 2, 8)]
    ns = estimate_noise_scale([p[0] for p in pairs], [p[1] for p in pairs], 2, 8)
    assert ns.b_simple == pytest.approx(5.0)
    assert ns.grad_sq == pytest.approx(2.0) and ns.trace_sigma == pytest.approx(10.0)


def test_ema_weighs_like_the_smoothing_ema() -> None:
    truths = [(1.0, 4.0), (2.0, 30.0), (0.5, 12.0), (1.5, 3.0)]
    pairs = [_exact_pair(g, t, 4, 16) for g, t in truths]
    ns = estimate_noise_scale([p[0] for p in pairs], [p[1] for p in pairs], 4, 16, ema_beta=0.7)
    grad_sq, trace = ema([g for g, _ in truths], 0.7)[-1], ema([t for _, t in truths], 0.7)[-1]
    assert ns.grad_sq == pytest.approx(grad_sq)
    assert ns.trace_sigma == pytest.approx(trace)
    assert ns.b_simple == pytest.approx(trace / grad_sq)


def test_noise_dominated_when_grad_sq_estimate_is_not_positive() -> None:
    ns = estimate_noise_scale([10.0, 9.0], [1.0, 1.0], 1, 2)  # |G|^2 ~ (2*1 - 10)/1 < 0
    assert ns.noise_dominated and ns.grad_sq < 0
    assert math.isinf(ns.b_simple) and math.isinf(ns.stderr) and math.isinf(ns.relative_stderr)


def test_negative_trace_gives_zero_b_simple() -> None:
    ns = estimate_noise_scale([1.0, 1.0], [1.2, 1.1], 4, 8)  # big batch noisier than small: tr(Sigma) < 0
    assert ns.trace_sigma < 0 and ns.b_simple == 0.0 and not ns.noise_dominated


def test_single_sample_has_no_stderr() -> None:
    small, big = _exact_pair(1.0, 8.0, 2, 8)
    assert math.isinf(estimate_noise_scale([small], [big], 2, 8).stderr)


@pytest.mark.parametrize(
    "small, big, b_small, b_big",
    [
        pytest.param([1.0], [1.0, 2.0], 1, 2, id="unpaired"),
        pytest.param([1.0], [1.0], 4, 4, id="equal-batches"),
        pytest.param([1.0], [1.0], 0, 4, id="zero-batch"),
        pytest.param([], [], 1, 2, id="empty"),
        pytest.param([math.nan], [1.0], 1, 2, id="nan"),
    ],
)
def test_estimator_rejects_bad_input(small: list[float], big: list[float], b_small: int, b_big: int) -> None:
    with pytest.raises(ValueError):
        estimate_noise_scale(small, big, b_small, b_big)


def test_stderr_is_calibrated() -> None:
    """Over many synthetic experiments with Gaussian gradients, ~95% of +-1.96 stderr intervals cover the truth."""
    dim, b_small, b_big, samples, trials = 20, 4, 16, 60, 300
    true_g = torch.full((dim,), 0.5, dtype=torch.float64)  # |G|^2 = 5, tr(Sigma) = 40: B_simple = 8
    sigma = math.sqrt(2.0)
    gen = torch.Generator().manual_seed(1)
    noise = torch.randn(trials, samples, b_big, dim, generator=gen, dtype=torch.float64) * sigma
    per_example = true_g + noise
    small = (per_example[:, :, :b_small].mean(2) ** 2).sum(-1)
    big = (per_example.mean(2) ** 2).sum(-1)
    covered = 0
    for t in range(trials):
        ns = estimate_noise_scale(small[t].tolist(), big[t].tolist(), b_small, b_big)
        covered += abs(ns.b_simple - 8.0) <= 1.96 * ns.stderr
    assert 0.90 <= covered / trials <= 0.99


# --- along a probe: every pair of a window of consecutive batches ------------------------------------------

def _sums(grads: torch.Tensor) -> tuple[list[float], list[float]]:
    """``|g_t|^2`` and the running ``|g_0 + ... + g_t|^2`` of a (steps, dim) table, as the probe loop records them."""
    return (grads**2).sum(1).tolist(), (grads.cumsum(0) ** 2).sum(1).tolist()


def test_noise_from_sums_is_the_all_pairs_estimate() -> None:
    """|G|^2 is the mean dot product over all pairs of batches, tr(Sigma)/B their sample variance: exact algebra."""
    grads = torch.tensor([[1.0, 2.0], [3.0, 0.0], [0.0, -1.0], [2.0, 2.0]], dtype=torch.float64)
    pairs = [float(grads[s] @ grads[t]) for s in range(4) for t in range(s + 1, 4)]  # 2, -2, 6, 0, 6, -2
    ns = noise_from_sums(*_sums(grads), batch=8)
    assert ns.grad_sq == pytest.approx(sum(pairs) / len(pairs))  # 10 / 6
    assert ns.trace_sigma == pytest.approx(8 * float(((grads - grads.mean(0)) ** 2).sum(1).sum() / 3))
    assert ns.b_simple == pytest.approx(ns.trace_sigma / ns.grad_sq)
    assert (ns.b_small, ns.b_big, ns.samples) == (8, 32, 4)


def test_noise_from_sums_recovers_b_simple_and_its_stderr_is_calibrated() -> None:
    """Gaussian batch gradients with |G|^2 = 5 and tr(Sigma) = 40 x B: B_simple = 8 x 16 = 128 from 50 batches of 16,
    a noise-dominated case (B_simple = 8 B); ~95% of +-1.96 stderr intervals cover the truth."""
    dim, batch, steps, trials = 40, 16, 50, 300
    gen = torch.Generator().manual_seed(3)
    true_g = torch.full((dim,), math.sqrt(5.0 / dim), dtype=torch.float64)
    grads = true_g + torch.randn(trials, steps, dim, generator=gen, dtype=torch.float64) * math.sqrt(40.0 / dim)
    estimates = [noise_from_sums(*_sums(grads[t]), batch) for t in range(trials)]
    covered = sum(abs(ns.b_simple - 128.0) <= 1.96 * ns.stderr for ns in estimates) / trials
    assert 0.88 <= covered <= 0.99
    assert sorted(ns.b_simple for ns in estimates)[trials // 2] == pytest.approx(128.0, rel=0.1)


def test_noise_from_sums_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        noise_from_sums([1.0, 1.0], [1.0, 2.0], 8)  # fewer than 3 steps
    with pytest.raises(ValueError):
        noise_from_sums([1.0, 1.0, math.nan], [1.0, 2.0, 3.0], 8)
    assert noise_from_sums([1.0, 1.0, 1.0], [1.0, 0.0, 1.0], 8).noise_dominated  # the pairs cancel: |G|^2 <= 0


@pytest.mark.parametrize(("fraction", "steps"), [(1e-3, 3), (1e-2, 4), (1.0, 6), (1e-9, 0)])
def test_init_window_counts_the_steps_far_below_the_blowup(fraction: float, steps: int) -> None:
    lrs = [1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2]
    assert init_window(lrs, 0.05, fraction) == steps


@pytest.mark.parametrize(
    ("b_simple", "stderr", "measured"),
    [(100.0, 20.0, True), (100.0, 50.0, True), (100.0, 51.0, False), (math.inf, math.inf, False),
     (math.nan, 1.0, False), (0.0, 0.0, False), (100.0, None, False)],
)
def test_only_finite_tight_estimates_count_as_measured(b_simple: float, stderr: float | None, measured: bool) -> None:
    assert is_measured(b_simple, stderr) is measured


def test_a_recipe_with_a_loose_or_infinite_noise_scale_has_none_to_move_a_batch_by() -> None:
    assert recipe_noise({"b_noise_used": None, "at_init": {"b_simple": 242.0, "stderr": 179.0}}) is None
    assert recipe_noise({"b_noise_used": None, "at_init": {"b_simple": math.inf, "stderr": math.inf}}) is None
    assert recipe_noise({"b_noise_used": None, "at_init": {"b_simple": 111.0, "stderr": 9.0}}) == (111.0, 9.0)


# --- batch-size predictions ------------------------------------------------------------------------

def test_predicted_lr_limits() -> None:
    assert predicted_lr(1e-3, 32, 64, 1e9) == pytest.approx(2e-3, rel=1e-6)  # B << B_noise: linear
    assert predicted_lr(1e-3, 32, 64, 1e-6) == pytest.approx(1e-3, rel=1e-6)  # B >> B_noise: saturated
    assert predicted_lr(1e-3, 32, 64, 32.0) == pytest.approx(1e-3 * 2 / 1.5)  # (1 + 1) / (1 + 1/2)
    assert predicted_lr(1e-3, 32, 256, math.inf) == pytest.approx(8e-3)  # noise only: the linear rule
    assert predicted_lr(1e-3, 32, 32, 50.0) == 1e-3
    there = predicted_lr(1e-3, 32, 512, 100.0)
    assert predicted_lr(there, 512, 32, 100.0) == pytest.approx(1e-3)
    # never more than linear, never less than flat, and the limit eps_max = lr(B) (1 + B_noise/B)
    assert 1e-3 < there < 16e-3
    assert predicted_lr(1e-3, 32, 10**12, 100.0) == pytest.approx(1e-3 * (1 + 100 / 32), rel=1e-6)


def test_batch_table_flags() -> None:
    rows = batch_table(1e-3, 32, 100.0)
    assert [r.batch_size for r in rows] == [16, 64, 128, 256]
    assert [r.trusted for r in rows] == [True, True, True, False]
    assert "2x B_simple" in rows[3].caveat and "4x from the probed batch" in rows[3].caveat
    assert all(r.peak_lr == pytest.approx(predicted_lr(1e-3, 32, r.batch_size, 100.0)) for r in rows)
    assert rows[0].caveat == ""


@pytest.mark.parametrize(
    "b_noise, stderr, factors, trusted",
    [
        pytest.param(100.0, 60.0, (0.5, 2.0), [False, False], id="uncertain-B_noise"),
        pytest.param(100.0, 40.0, (0.5, 2.0), [True, True], id="40%-is-fine"),
        pytest.param(20.0, None, (0.5, 2.0), [True, False], id="past-2x-B_noise"),
        pytest.param(1e6, None, (0.125, 0.25, 4.0, 8.0), [False, True, True, False], id="far-from-probed-batch"),
        pytest.param(math.inf, math.inf, (2.0,), [False], id="noise-dominated"),
    ],
)
def test_batch_table_trust(b_noise: float, stderr: float | None, factors: tuple[float, ...], trusted: list[bool]) -> None:
    rows = batch_table(1e-3, 32, b_noise, factors=factors, b_noise_stderr=stderr)
    assert [r.trusted for r in rows] == trusted
    assert all(isinstance(r, BatchRow) and (r.trusted == (r.caveat == "")) for r in rows)


@pytest.mark.parametrize(
    "batch, b_noise, starts",
    [
        pytest.param(8, 1000.0, "batch << B_simple", id="small-batch"),
        pytest.param(8, math.inf, "batch << B_simple", id="pure-noise"),
        pytest.param(1000, 8.0, "batch >> B_simple", id="big-batch"),
        pytest.param(64, 100.0, "batch ~ B_simple", id="between"),
    ],
)
def test_regime(batch: int, b_noise: float, starts: str) -> None:
    assert regime(batch, b_noise).startswith(starts)


# --- exact per-example gradients -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("batch", "new_batch", "b_noise", "factor"),
    [
        pytest.param(32, 64, 1e-9, 1.0, id="B>>B_noise: same steps"),
        pytest.param(32, 64, 1e12, 0.5, id="B<<B_noise: same examples"),
        pytest.param(32, 64, math.inf, 0.5, id="noise only: same examples"),
        pytest.param(32, 64, 32.0, 0.75, id="(1 + 1/2) / (1 + 1)"),
        pytest.param(32, 16, 32.0, 1.5, id="(1 + 2) / (1 + 1)"),
    ],
)
def test_steps_factor(batch: int, new_batch: int, b_noise: float, factor: float) -> None:
    assert steps_factor(batch, new_batch, b_noise) == pytest.approx(factor, rel=1e-6)
    # the LR rule is its inverse: eps(B) = eps_max / (1 + B_noise/B) and S(B) = S_min (1 + B_noise/B)
    assert predicted_lr(1e-3, batch, new_batch, b_noise) * factor == pytest.approx(1e-3, rel=1e-6)


def test_warmup_rule() -> None:
    assert predicted_warmup(100, 32, 64, 32.0) == 75
    assert predicted_warmup(100, 32, 16, 1e12) == 200  # noise-dominated: the warmup's examples stay fixed
    assert predicted_warmup(100, 32, 256, 1e-9) == 100  # curvature-dominated: its steps stay fixed
    assert predicted_warmup(0, 32, 64, 32.0) == 0
    # as a share of a run over the same examples (steps x B/B'): (B' + B_noise) / (B + B_noise)
    share = predicted_warmup(100, 32, 64, 32.0) / (1000 * 32 / 64) / (100 / 1000)
    assert warmup_fraction_factor(32, 64, 32.0) == pytest.approx(share)
    assert warmup_fraction_factor(32, 64, None) == 1.0
    rows = batch_table(1e-3, 32, 32.0, factors=(0.5, 2.0), warmup_steps=100)
    assert [r.warmup_steps for r in rows] == [150, 75]
    assert all(r.warmup_steps is None for r in batch_table(1e-3, 32, 32.0))
