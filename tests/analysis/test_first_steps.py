"""Screens that measured only the optimizer's first steps (exam 60's DistoX net), as pure functions."""

from __future__ import annotations

import math
from types import SimpleNamespace

from warmfind.analysis.first_steps import first_steps_advice, first_steps_only
from warmfind.analysis.recommend import ladder
from warmfind.analysis.runs import ProbeSummary


def probe(lr: float, warmup: int = 0, diverged: int | None = None) -> ProbeSummary:
    return ProbeSummary(label="screen", peak_lr=lr, warmup_steps=warmup, horizon=34, steps=34,
                        score=math.inf if diverged is not None else 1.0, eval_loss=None, diverged_step=diverged,
                        spike=None, grad_blowup_step=None, top_layers=())


def distox_screen(stable_below: float, first_step: int = 1) -> list:
    """A no-warmup ladder from 10 down: rungs above ``stable_below`` blew up at ``first_step``, the rest trained."""
    return [probe(lr, diverged=first_step) if lr > stable_below else probe(lr) for lr in ladder(10.0, 25)]


def test_fires_when_the_ramp_trained_far_above_every_rung_that_survived_its_first_steps() -> None:
    # exam 60: every rung from 10 to 1.5e-4 blew up at step 1; the range test's ramp diverged only at 5.7
    found = first_steps_only(distox_screen(1e-4), SimpleNamespace(divergence_lr=5.7))
    assert found is not None and "blew up within their first 2 steps" in found.reason()
    assert "first steps, not the LR" in found.reason()
    assert (found.highest_stable_lr, found.divergence_lr) == (10 / 2 ** 17, 5.7) and found.gap > 1024


def test_silent_where_the_gap_is_an_ordinary_one() -> None:
    # the largest gap among the other recorded exam recipes was 296x (exam 2's SIREN): the LR, not the start
    assert first_steps_only(distox_screen(5.7 / 296), SimpleNamespace(divergence_lr=5.7)) is None


def test_silent_where_the_rungs_failed_later_than_their_first_steps() -> None:
    assert first_steps_only(distox_screen(1e-4, first_step=20), SimpleNamespace(divergence_lr=5.7)) is None


def test_silent_without_a_range_test_divergence() -> None:
    # a sweep that never diverged says nothing: measured from its last LR the rule fired on sweeps that only climbed back
    assert first_steps_only(distox_screen(1e-4), SimpleNamespace(divergence_lr=None)) is None
    assert first_steps_only(distox_screen(1e-4), None) is None


def test_warmup_rungs_are_not_the_no_warmup_screen() -> None:
    screen = [probe(lr, warmup=7, diverged=1) for lr in ladder(10.0, 10)]
    assert first_steps_only(screen, SimpleNamespace(divergence_lr=5.7)) is None


def test_advice_names_the_valley_with_a_five_percent_warmup_and_its_config() -> None:
    found = first_steps_only(distox_screen(1e-4), SimpleNamespace(divergence_lr=5.7))
    advice = first_steps_advice(found, SimpleNamespace(valley_lr=0.03126), 3000, 0.1)
    assert advice is not None and (advice.other_lr, advice.warmup_steps) == (0.03126, 150)
    assert "--set peak_lr=0.03126 --set min_lr=0.003126 --set warmup_steps=150" in advice.sentence()
    assert first_steps_advice(None, SimpleNamespace(valley_lr=0.03), 3000, 0.1) is None
    assert first_steps_advice(found, SimpleNamespace(valley_lr=None), 3000, 0.1) is None
