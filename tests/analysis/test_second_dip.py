"""A screen that dips twice: the re-rank runs around both minima."""

from __future__ import annotations

import math

from warmfind.analysis.recommend import around, rerank_candidates, second_dip, with_dip
from warmfind.analysis.runs import ProbeSummary


def rung(lr: float, loss: float, failed: bool = False) -> ProbeSummary:
    return ProbeSummary(
        label="screen", peak_lr=lr, warmup_steps=0, horizon=30, steps=30, score=loss, eval_loss=loss,
        diverged_step=3 if failed else None, spike=None, grad_blowup_step=None, top_layers=(),
        stopped="diverged" if failed else None,
    )


def tfn_screen() -> list[ProbeSummary]:
    # exam 22's tensor fusion network, 30-step rungs top down (held-out loss): two dips, 0.078 and 0.0049
    losses = [None, None, 1.2411, 1.2685, 0.9655, 1.1558, 1.0566, 1.1095, 1.0039, 1.0869, 1.2129]
    return [rung(0.625 / 2**k, math.inf if v is None else v, failed=v is None) for k, v in enumerate(losses)]


def test_the_fusion_networks_screen_has_a_second_dip_at_0_0049() -> None:
    dip = second_dip(tfn_screen())
    assert dip is not None and math.isclose(dip.peak_lr, 0.625 / 2**8)
    assert rerank_candidates(tfn_screen(), 0.2)[0] == (0.625 / 2**4, 0.0)  # the best rung is still the centre
    assert around(dip.peak_lr, 0.2) == [(dip.peak_lr, 0.0), (dip.peak_lr / 2, 0.0), (dip.peak_lr, 0.2), (dip.peak_lr * 2, 0.2)]
    assert len(with_dip(rerank_candidates(tfn_screen(), 0.2), dip, 0.2)) == 8  # 16x apart: no pair shared
    near = rung(0.625 / 2**6, 1.0)  # a dip 4x below the best rung: 2 b2 with warmup is b/2's LR, a new pair still
    assert len(with_dip(rerank_candidates(tfn_screen(), 0.2), near, 0.2)) == 8
    assert len(with_dip(around(0.1, 0.2), rung(0.05, 1.0), 0.2)) == 6  # (0.05, no warmup) and (0.1, warmup) already there


def test_no_second_dip_when_it_is_too_high_too_near_or_not_a_minimum() -> None:
    screen = tfn_screen()
    screen[8] = rung(screen[8].peak_lr, 1.02)  # 5.6% above the best rung's 0.9655
    assert second_dip(screen) is None
    two = [rung(0.4, 1.3), rung(0.2, 1.0), rung(0.1, 1.2), rung(0.05, 1.01), rung(0.025, 1.1)]
    assert math.isclose(second_dip(two).peak_lr, 0.05)  # two rungs (4x) away: the nearest a second minimum can be
    assert second_dip(two[:4]) is None  # the last rung has no neighbour below: not a minimum yet
    u = [rung(0.4, 1.3), rung(0.2, 1.1), rung(0.1, 1.0), rung(0.05, 1.02), rung(0.025, 1.04), rung(0.0125, 1.2)]
    assert second_dip(u) is None  # one U: the rungs below the best rise, none is a minimum


def test_failed_rungs_are_skipped_when_finding_neighbours() -> None:
    screen = [rung(0.8, 1.3), rung(0.4, 1.0), rung(0.2, 1.2), rung(0.1, math.inf, failed=True), rung(0.05, 1.03),
              rung(0.025, 1.1)]
    dip = second_dip(screen)
    assert dip is not None and math.isclose(dip.peak_lr, 0.05)  # its stable neighbours are 0.2 and 0.025
