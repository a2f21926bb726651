"""The near-tie advice: two re-rank LRs far apart that the probe measured as equal."""

from __future__ import annotations

import math

from warmfind.analysis.near_tie import near_tie
from warmfind.analysis.runs import ProbeSummary
from warmfind.analysis.spikes import Spike


def rerank(lr: float, loss: float, warmup: int = 0, spike: bool = False, label: str = "rerank") -> ProbeSummary:
    return ProbeSummary(
        label=label, peak_lr=lr, warmup_steps=warmup, horizon=100, steps=100, score=loss, eval_loss=loss,
        diverged_step=None, spike=Spike(step=60, start_step=58, ratio=3.0, recovered=False) if spike else None,
        grad_blowup_step=None, top_layers=(),
    )


def test_a_candidate_2x_away_within_1_percent_is_a_near_tie() -> None:
    # exam 20's hourglass heatmaps: 0.0046 and 0.0091 (20% warmup) 0.2% apart at T/3; the full run wanted 0.016
    probes = [rerank(0.00114, 0.009909), rerank(0.00228, 0.009706, 20), rerank(0.00455, 0.009306, 20),
              rerank(0.00911, 0.009326, 20)]
    tie = near_tie(probes, 0.00455, 300, 60, floor_ratio=0.1)  # the recipe: a 20% warmup of a 300-step plan
    assert tie is not None and math.isclose(tie.other_lr, 0.00911)
    assert math.isclose(tie.spread, 0.009326 / 0.009306 - 1)
    assert "0.2%" in tie.sentence() and "9.1e-03" in tie.sentence() and "2.0x" in tie.sentence()
    # the other run's config: same warmup, so only its peak and floor are set
    assert tie.sentence().endswith("`warmfind emit RECIPE --format FORMAT --set peak_lr=0.00911 --set min_lr=0.000911`")


def test_a_choice_moved_up_by_the_warmup_tie_names_the_measured_best_below_it() -> None:
    # the README's default workload: 7.3e-03 without warmup measured best, 1.5e-02 with 20% within 0.5%, chosen
    probes = [rerank(0.0073, 2.049), rerank(0.0146, 2.059, 37), rerank(0.0037, 2.2)]
    tie = near_tie(probes, 0.0146, 300, 111)
    assert tie is not None and math.isclose(tie.other_lr, 0.0073) and "1/2.0x" in tie.sentence()
    assert "--set peak_lr=0.0073 --set min_lr=0 --set warmup_steps=0`" in tie.sentence()  # the other had no warmup
    assert near_tie(probes, 0.0121, 300, 111) is not None  # stepped down once by the constant-LR check: still the same choice


def test_no_near_tie_when_the_gap_is_wider_the_lrs_closer_the_other_failed_or_the_choice_left_the_band() -> None:
    assert near_tie([rerank(0.1, 1.0), rerank(0.2, 1.02)], 0.1, 300, 0) is None  # 2% apart
    assert near_tie([rerank(0.1, 1.0), rerank(0.141, 1.001)], 0.1, 300, 0) is None  # a sqrt(2) refinement, not a ladder neighbour
    assert near_tie([rerank(0.1, 1.0), rerank(0.2, 1.001, spike=True)], 0.1, 300, 0) is None  # ended in a spike: no candidate
    assert near_tie([rerank(0.1, 1.0), rerank(0.2, 1.001, label="screen")], 0.1, 300, 0) is None  # screens are not re-ranked
    assert near_tie([rerank(0.1, 1.0)], 0.1, 300, 0) is None
    assert near_tie([rerank(0.1, 1.0), rerank(0.2, 1.001), rerank(0.025, 1.2)], 0.025, 300, 0) is None  # the margin moved it


def test_the_farthest_tied_lr_is_named_on_either_side() -> None:
    tie = near_tie([rerank(0.4, 1.0), rerank(0.2, 1.004), rerank(0.1, 1.008), rerank(0.8, 1.5)], 0.4, 300, 0)
    assert tie is not None and math.isclose(tie.other_lr, 0.1)


def test_a_lifted_peak_midway_between_two_tied_probes_stands_on_the_choice() -> None:
    # the README's default workload since round 53: the choice 2.43e-02 (20% warmup), 4.86e-02 within 0.1%; the recipe's
    # peak is 2^(1/2) x the choice, 3.44e-02, as near 4.86e-02 as 2.43e-02 in LR: the advice names the 2x candidate
    probes = [rerank(0.0243, 2.049, 37), rerank(0.0486, 2.051, 37), rerank(0.0122, 2.10, 37)]
    tie = near_tie(probes, 0.0344, 600, 120, measured_lr=0.0243)
    assert tie is not None and math.isclose(tie.other_lr, 0.0486) and "1.4x" in tie.sentence()
    wrong = near_tie(probes, 0.0344, 600, 120)  # anchored at the lifted peak it took the 2x candidate for the choice
    assert wrong is not None and math.isclose(wrong.other_lr, 0.0243)
