"""The range test's analysis on hand-written curves with one right answer each."""

from __future__ import annotations

import math

import pytest

from warmfind.analysis.lr_range import (
    analyse_range_test,
    divergence_index,
    edge_lr,
    exponential_lrs,
    steepest_index,
    valley_index,
)


def test_exponential_lrs_spans_both_ends() -> None:
    lrs = exponential_lrs(1e-7, 10, 100)
    assert lrs[0] == pytest.approx(1e-7)
    assert lrs[-1] == pytest.approx(10)
    assert all(b / a == pytest.approx(lrs[1] / lrs[0]) for a, b in zip(lrs, lrs[1:]))


@pytest.mark.parametrize(
    ("curve", "index"),
    [
        ([10, 8, 4, 1, 4, 16], 1),  # steepest fall 8 -> 4 is at index 1 (diffs -2, -4, -3)
        ([5, 5, 5, 1, 1], 2),
        ([3, 2, 1], 0),
    ],
)
def test_steepest_index(curve: list[float], index: int) -> None:
    assert steepest_index(curve, skip_start=0, skip_end=0) == index


def test_steepest_index_skips_ends() -> None:
    curve = [10.0, 1.0] + [1.0 - 0.01 * i for i in range(20)] + [0.0]
    assert steepest_index(curve, skip_start=2, skip_end=1) not in (0, len(curve) - 2)


@pytest.mark.parametrize(
    ("curve", "index"),
    [
        ([1.0, 2.0, 1.5, 1.0, 0.5, 0.2, 3.0], 4),  # longest descending run 2.0..0.2 = idx 1..5; 2/3 of the way -> 4
        ([1.0, 1.0, 1.0], None),
    ],
)
def test_valley_index(curve: list[float], index: int | None) -> None:
    assert valley_index(curve) == index


@pytest.mark.parametrize(
    ("curve", "index"),
    [
        ([4.0, 3.0, 2.0, 2.5, 9.0], 4),  # 9 > 4 x 2
        ([4.0, 3.0, math.nan, 1.0], 2),
        ([4.0, 3.0, 2.0], None),
    ],
)
def test_divergence_index(curve: list[float], index: int | None) -> None:
    assert divergence_index(curve, multiple=4.0) == index


def test_the_first_points_of_a_smoothed_sweep_are_no_best_until_it_settles() -> None:
    # exam 54's bridge network: the bias-corrected EMA began on a low batch (0.22) and rose to the batches' mean (~0.9)
    curve = [0.22, 0.5, 0.7, 0.95, 0.9, 0.92, 0.88, 0.9, 0.91, 0.9, 0.89, 0.9, 0.88, 0.9, 4.0, 50.0]
    assert divergence_index(curve, multiple=4.0) == 3  # 0.95 > 4 x 0.22: the old cut, at the sweep's fourth LR
    assert divergence_index(curve, multiple=4.0, settle=10) == 14  # only the real blow-up
    assert divergence_index([1.0, math.inf], multiple=4.0, settle=10) == 1  # non-finite is never settled away


def test_edge_lr_is_exact_for_gradient_descent_on_a_quadratic() -> None:
    # One direction with curvature lam: the loss is multiplied by (1 - lr * lam)^2 each step.
    lam, loss = 2.0, 1e-6
    lrs = exponential_lrs(1e-3, 10, 60)
    losses = []
    for lr in lrs:
        losses.append(loss + 0.01)  # a floor from the stable directions
        loss *= (1 - lr * lam) ** 2
    cut = divergence_index(losses, 4.0)
    assert cut is not None
    assert edge_lr(lrs, losses, cut) == pytest.approx(2 / lam, rel=0.1)


def test_analysis_cuts_at_divergence_and_reports_points() -> None:
    lrs = exponential_lrs(1e-5, 1, 40)
    losses = [2.0 - 1.5 / (1 + math.exp(-(math.log10(lr) + 3) * 3)) for lr in lrs[:30]] + [2.0 * 3**k for k in range(10)]
    rt = analyse_range_test(lrs, losses, beta=0.5)
    assert rt.blowup_lr is not None and 0.01 < rt.blowup_lr < 1
    assert rt.divergence_lr is not None and rt.divergence_lr <= rt.blowup_lr
    assert rt.steepest_lr is not None and 1e-4 < rt.steepest_lr < 1e-2  # the sigmoid's steepest point is 1e-3
    assert rt.valley_lr is not None and rt.steepest_lr <= rt.valley_lr < rt.blowup_lr


def test_analysis_without_divergence() -> None:
    lrs = exponential_lrs(1e-5, 1, 20)
    rt = analyse_range_test(lrs, [1.0 / (i + 1) for i in range(20)])
    assert rt.divergence_lr is None and rt.blowup_lr is None
    assert rt.min_loss_lr == pytest.approx(lrs[-1])
