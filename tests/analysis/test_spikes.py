"""Spike and divergence detection on synthetic loss curves."""

from __future__ import annotations

import math
import random

import pytest

from warmfind.analysis.spikes import (
    Spike,
    blowup_excursion,
    came_back,
    divergence_step,
    find_spike,
    grad_blowup_step,
    smoothed_noise,
    tail_score,
)


def decaying(n: int, start: float = 4.0) -> list[float]:
    return [start * 0.97**t + 0.5 for t in range(n)]


def test_smooth_descent_has_no_spike() -> None:
    assert find_spike(decaying(80)) is None


def test_catapult_is_found_with_its_step_and_recovery() -> None:
    curve = decaying(80)
    for t, bump in zip(range(30, 36), [2, 5, 8, 6, 3, 1]):
        curve[t] *= bump  # a rise and a recovery around step 32
    spike = find_spike(curve)
    assert spike is not None
    assert 30 <= spike.start_step <= 32 and 31 <= spike.step <= 34
    assert spike.ratio > 1.5
    assert spike.recovered


def test_blow_up_is_an_unrecovered_spike() -> None:
    curve = decaying(30) + [10.0, 100.0, math.inf]
    spike = find_spike(curve)
    assert spike is not None and not spike.recovered and spike.ratio == math.inf


def test_noise_near_zero_loss_is_not_a_spike() -> None:
    # Ratios are huge near zero loss, but the rise is tiny next to the starting loss.
    curve = [1.0] + [1e-4 * (1 + (t % 3)) for t in range(60)]
    assert find_spike(curve) is None


def noisy_plateau(n: int, sigma: float, seed: int = 0) -> list[float]:
    """A loss that has stopped falling: 1.0 plus Gaussian batch noise of standard deviation ``sigma``."""
    rng = random.Random(seed)
    return [1.0 + rng.gauss(0.0, sigma) for _ in range(n)]


def test_smoothed_noise_of_white_noise_is_sigma_times_the_ema_factor() -> None:
    # EMA(0.8) of white noise has sd sigma * sqrt(0.2 / 1.8) = sigma / 3.
    assert smoothed_noise(noisy_plateau(4000, 0.3), beta=0.8) == pytest.approx(0.1, rel=0.05)
    assert smoothed_noise([1.0, 0.5]) == 0.0  # too short to tell


def test_an_outlier_batch_on_a_noisy_plateau_is_not_a_spike() -> None:
    # Random-target regression: batch losses ~1 +- 0.25 and one batch at 2.6; without the noise floor the
    # smoothed curve rises 1.6x over its (noise-lowered) running minimum and reads as a spike.
    curve = noisy_plateau(125, 0.25, seed=1)
    curve[104] = 2.6
    assert find_spike(curve, noise_multiple=0.0) is not None
    assert find_spike(curve) is None


def test_a_real_spike_on_a_noisy_plateau_is_still_found() -> None:
    curve = noisy_plateau(125, 0.25)
    for t, bump in zip(range(60, 66), [2, 4, 6, 5, 3, 2]):
        curve[t] *= bump
    spike = find_spike(curve)
    assert spike is not None and 60 <= spike.step <= 64 and spike.recovered


@pytest.mark.parametrize(
    ("curve", "step"),
    [([2.0, 1.0, 0.5], None), ([2.0, 1.0, 7.0], 2), ([2.0, math.nan, 1.0], 1)],
)
def test_divergence_step(curve: list[float], step: int | None) -> None:
    assert divergence_step(curve, multiple=3.0) == step


def test_a_low_first_batch_is_no_floor_to_spike_above_given_the_start_level() -> None:
    curve = noisy_plateau(60, 0.1)  # batch losses ~1
    curve[0] = 0.1  # the first batch a low outlier: the EMA starts there and every later batch "spikes" above it
    assert find_spike(curve) is not None
    assert find_spike(curve, start=1.0) is None
    assert find_spike(curve, start=0.05) is not None  # the start level only rises from the first loss


@pytest.mark.parametrize(
    ("start", "step"),
    [(None, 2), (0.4, 2), (1.0, None), (math.nan, 2)],  # the start level only rises from the first loss (0.5)
)
def test_divergence_is_measured_against_the_start_level(start: float | None, step: int | None) -> None:
    assert divergence_step([0.5, 1.0, 1.8, 2.0, 1.9], multiple=3.0, start=start) == step


def test_a_run_that_ends_above_where_it_spiked_from_did_not_come_back() -> None:
    # a language model at 1.4, 47x up, dipping under the threshold for a moment and ending at 1.6x its start
    curve = [4.0 - 2.6 * min(1.0, t / 20) for t in range(30)] + [60.0, 30.0, 8.0] + [2.24] * 20
    spike = Spike(step=30, start_step=30, ratio=47.0, recovered=True, recovery_step=33)
    assert not came_back(curve, spike)
    assert came_back(curve[:33] + [1.45] * 20, spike)


def test_one_outlier_batch_on_a_heavy_tailed_loss_came_back() -> None:
    # exam 54's bridge network at an LR that moves nothing: batch losses spread 20x, one at 4.7x the mean at step 10
    curve = noisy_plateau(30, 0.1, seed=2)
    curve = [v * m for v, m in zip(curve, [0.25, 1.0, 0.7, 2.4, 1.0, 0.4, 1.0, 0.35, 1.05, 2.0] * 3)]
    curve[10] = 4.7
    spike = blowup_excursion(curve, start=sum(curve[:10]) / 10)
    assert spike is not None and spike.step == 10
    assert came_back(curve, spike, start=sum(curve[:10]) / 10)


def test_grad_blowup_step() -> None:
    assert grad_blowup_step([1.0, 1.1, 0.9, 1.0, 1.2, 30.0]) == 5
    assert grad_blowup_step([1.0, 1.1, 0.9, 1.0, 1.2]) is None


def test_tail_score_is_mean_of_last_fifth() -> None:
    assert tail_score([9, 9, 9, 9, 9, 9, 9, 9, 1, 3]) == pytest.approx(2.0)
    assert tail_score([1.0, math.inf]) == math.inf
