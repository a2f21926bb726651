"""The gradient noise scale: exact estimator algebra, the batch-size table, and B_simple at init against exact values.

The exact B_simple of a finite dataset is tr(Sigma)/|G|^2 with G the mean per-example gradient and Sigma their
population covariance (divide by N): batches drawn i.i.d. *with replacement* then satisfy
E|G_B|^2 = |G|^2 + tr(Sigma)/B exactly, which is the model the estimators invert. (Without replacement the
variance term carries the factor (N-B)/(N-1), and the estimators return the N-1 sample covariance instead.)
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest
import torch
from torch import nn
from torch.func import functional_call, grad, vmap

from warmfind.noise_probe import measure_at_init, micro_batch_grad_sq, noise_from_probe
from warmfind.noise_scale import (
    BatchRow,
    batch_table,
    estimate_noise_scale,
    predicted_lr,
    predicted_warmup,
    steps_factor,
    warmup_fraction_factor,
    regime,
)
from warmfind.probe import Prober
from warmfind.runs import ProbeRun
from warmfind.smoothing import ema
from warmfind.workload import Workload


@pytest.fixture(autouse=True)
def _seeded() -> None:
    torch.set_num_threads(1)
    torch.manual_seed(0)


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

def _per_example_grads(model: nn.Module, x: torch.Tensor, y: torch.Tensor, loss_one: Any) -> torch.Tensor:
    """Per-example gradients of every trainable parameter, flattened: shape (N, n_params)."""
    params = {k: v.detach() for k, v in model.named_parameters()}

    def loss(p: dict[str, torch.Tensor], xi: torch.Tensor, yi: torch.Tensor) -> torch.Tensor:
        return loss_one(functional_call(model, p, (xi[None],)), yi[None])

    grads = vmap(grad(loss), in_dims=(None, 0, 0))(params, x, y)
    return torch.cat([g.reshape(len(x), -1) for g in grads.values()], dim=1)


def _exact(per_example: torch.Tensor) -> tuple[float, float]:
    """|G|^2 and tr(Sigma) of the dataset: mean gradient and population covariance of the per-example ones."""
    g = per_example.double()
    mean = g.mean(0)
    return float(mean @ mean), float(((g - mean) ** 2).sum(1).mean())


def _with_replacement(x: torch.Tensor, y: torch.Tensor, batch: int, seed: int) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    gen = torch.Generator().manual_seed(seed)
    while True:
        idx = torch.randint(len(x), (batch,), generator=gen)
        yield x[idx], y[idx]


def _least_squares() -> tuple[nn.Module, torch.Tensor, torch.Tensor]:
    n, d = 256, 8
    x = torch.randn(n, d)
    w_star = torch.randn(d)
    y = x @ w_star + torch.randn(n)
    model = nn.Linear(d, 1, bias=False)
    with torch.no_grad():
        model.weight.copy_((w_star + 0.3 * torch.randn(d))[None])
    return model, x, y


def _mse(model: nn.Module, batch: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
    x, y = batch
    return ((model(x).squeeze(-1) - y) ** 2).mean()


def _mlp() -> tuple[nn.Module, torch.Tensor, torch.Tensor]:
    n = 256
    x = torch.randn(n, 4)
    teacher = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 3))
    with torch.no_grad():
        y = torch.distributions.Categorical(logits=3 * teacher(x)).sample()
    model = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3))
    return model, x, y


def _cross_entropy(model: nn.Module, batch: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
    x, y = batch
    return nn.functional.cross_entropy(model(x), y)


def test_least_squares_per_example_gradients_match_closed_form() -> None:
    model, x, y = _least_squares()
    w = model.weight.detach()[0]
    closed = 2 * (x @ w - y)[:, None] * x  # d/dw (x.w - y)^2
    per_example = _per_example_grads(model, x, y, lambda out, t: ((out.squeeze(-1) - t) ** 2).mean())
    torch.testing.assert_close(per_example, closed, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("micro", [2, 4])
def test_micro_batch_norms_are_exact_on_one_batch(micro: int) -> None:
    model, x, y = _mlp()
    per_example = _per_example_grads(model, x, y, nn.functional.cross_entropy).double()
    batch = (x[:32], y[:32])
    small, big = micro_batch_grad_sq(model, iter([batch]), _cross_entropy, micro, 1)
    parts = per_example[:32].reshape(micro, 32 // micro, -1).mean(1)
    assert small[0] == pytest.approx(float((parts**2).sum(1).mean()), rel=1e-5)
    assert big[0] == pytest.approx(float((per_example[:32].mean(0) ** 2).sum()), rel=1e-5)


CASES = {"least-squares": (_least_squares, _mse, None), "mlp": (_mlp, _cross_entropy, nn.functional.cross_entropy)}


@pytest.mark.parametrize("case", list(CASES))
def test_measure_at_init_matches_exact_b_simple(case: str) -> None:
    make, loss_fn, loss_one = CASES[case]
    model, x, y = make()
    if loss_one is None:
        loss_one = lambda out, t: ((out.squeeze(-1) - t) ** 2).mean()  # noqa: E731
    grad_sq, trace = _exact(_per_example_grads(model, x, y, loss_one))
    exact = trace / grad_sq
    ns = measure_at_init(model, _with_replacement(x, y, 32, seed=1), loss_fn, micro=4, num_batches=1000)
    assert (ns.b_small, ns.b_big, ns.samples) == (8, 32, 1000)
    assert ns.b_simple == pytest.approx(exact, rel=0.15)
    assert abs(ns.b_simple - exact) <= 4 * ns.stderr  # the reported stderr covers the real error
    assert ns.grad_sq == pytest.approx(grad_sq, rel=0.15)
    assert ns.trace_sigma == pytest.approx(trace, rel=0.15)


def test_measure_at_init_leaves_the_model_as_it_was() -> None:
    model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Dropout(0.1), nn.Linear(8, 1))
    model.eval()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    batches = [(torch.randn(16, 4), torch.randn(16, 1)) for _ in range(3)]
    ns = measure_at_init(model, batches, lambda m, b: ((m(b[0]) - b[1]) ** 2).mean(), micro=2, num_batches=3)
    assert ns.samples == 3 and not model.training
    assert all(p.grad is None for p in model.parameters())
    for key, value in model.state_dict().items():  # parameters and BatchNorm running statistics
        assert torch.equal(value, before[key]), key


def test_measure_at_init_skips_a_short_last_batch_and_checks_the_split() -> None:
    model, x, y = _least_squares()
    batches = [(x[:12], y[:12]), (x[12:24], y[12:24]), (x[24:30], y[24:30]), (x[30:42], y[30:42])]
    assert measure_at_init(model, batches, _mse, micro=4, num_batches=3).samples == 3
    from warmfind.errors import WarmfindError

    with pytest.raises(WarmfindError, match="cannot be split"):
        measure_at_init(model, batches, _mse, micro=5, num_batches=1)
    with pytest.raises(WarmfindError, match="yielded 3 batches"):
        measure_at_init(model, batches, _mse, micro=4, num_batches=4)


def test_measure_at_init_stops_in_whole_chunks_when_asked() -> None:
    model, x, y = _least_squares()
    asked = []

    def stop() -> bool:
        asked.append(True)
        return len(asked) >= 2  # the budget runs out at the second question

    ns = measure_at_init(model, _with_replacement(x, y, 32, seed=1), _mse, micro=4, num_batches=128, stop=stop)
    assert ns.samples == 32 and len(asked) == 2  # asked after 16 and 32 batches, never before the first 16
    never = measure_at_init(model, _with_replacement(x, y, 32, seed=1), _mse, micro=4, num_batches=16, stop=lambda: True)
    assert never.samples == 16


@pytest.mark.parametrize(("total", "batches"), [(300, 16), (1000, 16), (5000, 50), (12_800, 128), (10**6, 128)])
def test_noise_batches_grow_with_the_run(total: int, batches: int) -> None:
    from warmfind.noise_report import noise_batches

    assert noise_batches(total) == batches


# --- along a probe run ---------------------------------------------------------------------------

def _run(small: tuple[float, ...], big: tuple[float, ...]) -> ProbeRun:
    n = len(big)
    return ProbeRun(
        label="probe", peak_lr=1e-3, warmup_steps=0, planned_steps=n, schedule="linear-warmup-constant",
        lrs=(1e-3,) * n, losses=(1.0,) * n, grad_norms=(1.0,) * n, layer_names=(), update_ratios=(),
        stopped=None, seconds=0.0, small_batch_sq=small, big_batch_sq=big,
    )


def test_noise_from_probe_uses_the_recorded_norms() -> None:
    truths = [(2.0, 40.0), (1.0, 40.0), (0.5, 40.0)]  # |G|^2 falls as training goes on
    pairs = [_exact_pair(g, t, 8, 32) for g, t in truths]
    run = _run(tuple(p[0] for p in pairs) + (math.nan,), tuple(p[1] for p in pairs) + (math.inf,))
    ns = noise_from_probe(run, 8, 32, ema_beta=0.5)
    assert ns.samples == 3  # the non-finite step is dropped
    assert ns.b_simple == pytest.approx(40.0 / ema([g for g, _ in truths], 0.5)[-1])
    from warmfind.errors import WarmfindError

    with pytest.raises(WarmfindError, match="--accumulate"):
        noise_from_probe(_run((), (1.0,)), 8, 32)


def test_probe_loop_records_what_noise_from_probe_expects() -> None:
    """A probe run at LR 0 under --accumulate 4 recovers the exact B_simple from its recorded norms."""
    model, x, y = _least_squares()
    grad_sq, trace = _exact(_per_example_grads(model, x, y, lambda out, t: ((out.squeeze(-1) - t) ** 2).mean()))
    stream = _with_replacement(x, y, 32, seed=2)
    data = [next(stream) for _ in range(1500)]
    workload = Workload(model, data, _mse, lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd")
    prober = Prober(workload, torch.device("cpu"), accumulate=4)
    run, _ = prober.run(lambda step: 0.0, steps=1500, label="noise", peak_lr=0.0, schedule="linear-warmup-constant")
    ns = noise_from_probe(run, 8, 32, ema_beta=None)
    assert ns.samples == 1500
    assert ns.b_simple == pytest.approx(trace / grad_sq, rel=0.15)


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


@pytest.mark.parametrize(
    ("batch", "at_init", "used", "says", "not_says"),
    [
        pytest.param(32, 533.0, 533.0, ["small against the noise scale", "keeps its examples"], ["keeps its steps"], id="B<<B_noise"),
        pytest.param(16, 1.8, 1.8, ["keeps its steps"], ["small against the noise scale"], id="B>>B_noise"),
        pytest.param(32, 8.5, 30.5, ["between the same examples and the same steps"], ["small against"], id="B~B_noise"),
    ],
)
def test_noise_line_names_the_regime_and_the_warmup_transfer(
    batch: int, at_init: float, used: float, says: list[str], not_says: list[str]
) -> None:
    from warmfind.noise_report import noise_line

    block = {"batch_size": batch, "at_init": {"b_simple": at_init, "stderr": at_init / 4}, "at_peak_lr": None,
             "b_noise_used": used, "regime": regime(batch, used)}
    line = noise_line(block)
    assert line is not None and line.startswith(f"gradient noise scale B_simple ~ {at_init:.3g}")
    assert all(s in line for s in says) and not any(s in line for s in not_says)
