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

from warmfind.analysis.noise_scale import regime
from warmfind.analysis.runs import ProbeRun
from warmfind.analysis.smoothing import ema
from warmfind.probing.noise_probe import (
    measure_at_init,
    micro_batch_grad_sq,
    noise_from_probe,
)
from warmfind.probing.prober import Prober
from warmfind.probing.workload import Workload


@pytest.fixture(autouse=True)
def _seeded() -> None:
    torch.set_num_threads(1)
    torch.manual_seed(0)


def _exact_pair(grad_sq: float, trace: float, b_small: int, b_big: int) -> tuple[float, float]:
    """The expected squared norms E|G_B|^2 = |G|^2 + tr(Sigma)/B at both batch sizes."""
    return grad_sq + trace / b_small, grad_sq + trace / b_big


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
    from warmfind.probing.noise_report import noise_batches

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
    from warmfind.probing.noise_report import noise_line

    block = {"batch_size": batch, "at_init": {"b_simple": at_init, "stderr": at_init / 4}, "at_peak_lr": None,
             "b_noise_used": used, "regime": regime(batch, used)}
    line = noise_line(block)
    assert line is not None and line.startswith(f"gradient noise scale B_simple ~ {at_init:.3g}")
    assert all(s in line for s in says) and not any(s in line for s in not_says)


# --- at init from the range test: every pair of its first batches, no extra step ------------------------------

def test_the_range_test_records_the_running_gradient_sum_and_other_runs_do_not() -> None:
    model, x, y = _least_squares()
    data = [(x[i : i + 16], y[i : i + 16]) for i in range(0, 80, 16)]
    prober = Prober(Workload(model, data, _mse, lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"), torch.device("cpu"))
    sweep, _ = prober.run(lambda step: 0.0, steps=5, label="range-test", peak_lr=0.0, schedule="exponential")
    per_batch = torch.stack([_per_example_grads(model, bx, by, lambda out, t: ((out.squeeze(-1) - t) ** 2).mean()).mean(0)
                             for bx, by in data]).double()  # the stream's seed-0 order is the list's
    assert sweep.grad_sum_sq == pytest.approx((per_batch.cumsum(0) ** 2).sum(1).tolist(), rel=1e-5)
    other, _ = prober.run(lambda step: 0.0, steps=5, label="rerank", peak_lr=0.0)
    assert other.grad_sum_sq == () and prober.train_step.grad_sum is None  # the buffer lives for the range test only


@pytest.mark.parametrize("case", list(CASES))
def test_b_simple_at_init_from_the_range_test_matches_the_exact_value(case: str) -> None:
    """The real 100-step sweep from 1e-7 on batches drawn with replacement: its first steps give B_simple at init."""
    from warmfind.analysis.lr_range import analyse_range_test
    from warmfind.probing.noise_report import at_init_from_range_test
    from warmfind.probing.search import _range_test

    make, loss_fn, loss_one = CASES[case]
    model, x, y = make()
    grad_sq, trace = _exact(_per_example_grads(model, x, y, loss_one or (lambda out, t: ((out.squeeze(-1) - t) ** 2).mean())))
    stream = _with_replacement(x, y, 16, seed=5)
    workload = Workload(model, [next(stream) for _ in range(100)], loss_fn,
                        lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd")
    prober = Prober(workload, torch.device("cpu"))
    sweep = _range_test(prober)
    ns = at_init_from_range_test([sweep], analyse_range_test(sweep.lrs, sweep.losses).blowup_lr, 16)
    assert ns is not None and 40 <= ns.samples <= 70 and prober.budget.steps == sweep.steps  # no step beyond the sweep
    assert ns.b_simple == pytest.approx(trace / grad_sq, rel=0.15)
    assert abs(ns.b_simple - trace / grad_sq) <= 2 * ns.stderr and ns.measured


def _noise(b_simple: float, stderr: float) -> Any:
    from warmfind.analysis.noise_scale import NoiseScale

    return NoiseScale(b_simple, 1.0, b_simple, 32, 1600, 50, stderr, noise_dominated=math.isinf(b_simple))


@pytest.mark.parametrize(
    ("at_init", "shown"),
    [
        pytest.param(_noise(math.inf, math.inf), "not measured (inf)", id="inf"),
        pytest.param(_noise(math.nan, math.nan), "not measured (nan)", id="nan"),
        pytest.param(_noise(242.0, 179.0), "not measured (242 +-74%)", id="loose"),
    ],
)
def test_inf_nan_and_loose_estimates_are_shown_as_not_measured_and_drive_nothing(at_init: Any, shown: str) -> None:
    from warmfind.probing.noise_report import NOT_MEASURED, noise_block, noise_line

    block = noise_block(at_init, None, 32, 1e-2, warmup_steps=10)
    assert block is not None and block["b_noise_used"] is None and "batch_table" not in block
    assert block["regime"] == NOT_MEASURED
    line = noise_line(block)
    assert line is not None and f"B_simple ~ {shown} at init" in line
    assert "waste compute" not in line and "linearly" not in line and "batch_table" not in line


def test_an_infinite_estimate_after_training_falls_back_to_the_measured_one_at_init() -> None:
    from warmfind.probing.noise_report import noise_block, noise_line

    block = noise_block(_noise(111.0, 9.0), _noise(math.inf, math.inf), 32, 1e-2)
    assert block is not None and block["b_noise_used"] == 111.0 and block["batch_table"]
    line = noise_line(block)
    assert line is not None and "111 (+-9) at init, not measured (inf) after training" in line
    assert "sub-linearly" in line and "waste compute" not in line


def test_the_window_at_init_ends_with_the_first_pass_over_a_list_of_batches() -> None:
    """A second pass repeats the same batches (identical gradients at init), so they are not new samples."""
    from warmfind.probing.noise_report import at_init_from_range_test
    from warmfind.probing.search import _range_test

    model, x, y = _least_squares()
    stream = _with_replacement(x, y, 16, seed=5)
    data = [next(stream) for _ in range(12)]
    prober = Prober(Workload(model, data, _mse, lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"), torch.device("cpu"))
    sweep = _range_test(prober)
    ns = at_init_from_range_test([sweep], 1.0, 16, epoch_batches=len(data))
    assert ns is not None and ns.samples == 12
    assert at_init_from_range_test([sweep], 1.0, 16, epoch_batches=5) is None  # under NOISE_INIT_MIN_STEPS
