"""A re-rank that saw a small share of the run: the pick is a share of its best (2^(-3/4) unless the optimizer has its
own), and the advice names the best."""

from __future__ import annotations

import math

from warmfind import defaults
from warmfind.analysis.recommend import Recommendation
from warmfind.analysis.second_run import second_run
from warmfind.probing.search import SearchPlan


def test_a_long_plan_whose_rerank_the_budget_shrank_picks_a_share_of_its_best_and_advises_the_best() -> None:
    plan = SearchPlan.for_run(3000)  # the exams' long plans: the re-rank shrank to fit half a run of probing
    assert plan.rerank_steps < 3000 / 3
    advice = second_run(0.03, plan.rerank_steps, plan.total_steps, floor_ratio=0.1)
    share = 2 ** -0.75  # round 89: a quarter octave above half
    assert defaults.HALVING_SHARE == share
    assert advice is not None and math.isclose(advice.chosen_lr, 0.03 * share) and math.isclose(advice.other_lr, 0.03)
    assert "the re-rank's best, peak LR 3.0e-02" in advice.sentence() and "same warmup" in advice.sentence()
    assert "`warmfind emit RECIPE --format FORMAT --set peak_lr=0.03 --set min_lr=0.003`" in advice.sentence()
    measured = Recommendation(0.03, 36, 3000, 0.003, "linear-warmup-cosine", "stability-probes", ("measured",), 0.12, None)
    rec = advice.apply(measured)
    assert math.isclose(rec.peak_lr, 0.03 * share) and math.isclose(rec.min_lr, 0.003 * share) and rec.warmup_steps == 36
    assert rec.explanation[1:] == ("measured",) and rec.nearest_unstable_lr == 0.12
    assert f"{plan.rerank_steps} of the planned 3,000 steps" in rec.explanation[0] and "3.0e-02" in rec.explanation[0]
    assert "0.59x the re-rank's best, 3.0e-02" in rec.explanation[0]
    assert "margin to the nearest failed probe is 6.7x" in rec.explanation[0]  # 0.12 / 0.0178: the shipped peak's
    assert rec.measured is not None and (rec.measured.peak_lr, rec.measured.warmup_steps) == (0.03, 36)
    assert rec.measured.moved_by == "halving"


def test_a_plan_whose_rerank_saw_an_eighth_or_more_is_not_advised() -> None:
    for total in (100, 250, 500, 600, 1000):  # short plans (T/3) and plans the budget shrank less (1,000: 182 steps)
        plan = SearchPlan.for_run(total)
        assert second_run(0.01, plan.rerank_steps, plan.total_steps) is None
    assert second_run(0.01, 50, 500) is not None  # a --rerank-fraction of 0.1 asked for a shorter look
    assert SearchPlan.for_run(2000).rerank_steps < 2000 / 8  # from about 1,500 steps the default plan is advised


def test_sgd_long_plans_are_not_halved_and_adagrad_ones_go_above_the_best() -> None:
    """Round 64 (SGD): its long plans ship the re-rank's best itself, with no second-run advice. Rounds 80 and 84
    (Adagrad): sqrt(2) x the best, whose steps shrink as the accumulator grows; the advice names the best itself."""
    plan = SearchPlan.for_run(3000)
    assert second_run(0.03, plan.rerank_steps, plan.total_steps, optimizer="sgd") is None
    assert second_run(0.03, plan.rerank_steps, plan.total_steps, optimizer="adamw") is not None
    adagrad = second_run(0.03, plan.rerank_steps, plan.total_steps, optimizer="adagrad")
    assert adagrad is not None and math.isclose(adagrad.chosen_lr, 0.03 * 2 ** 0.5) and adagrad.other_lr == 0.03
    assert "1.4x the re-rank's best, 3.0e-02" in adagrad.halving(None) and "too small an LR first" in adagrad.halving(None)
    assert "also train at the re-rank's best, peak LR 3.0e-02" in adagrad.sentence()
    # never raised onto a probe that failed at the choice's warmup: the best itself is shipped there
    assert second_run(0.03, plan.rerank_steps, plan.total_steps, optimizer="adagrad", failed_lr=0.04) is None
    above = second_run(0.03, plan.rerank_steps, plan.total_steps, optimizer="adagrad", failed_lr=0.06)
    assert above is not None and math.isclose(above.chosen_lr, 0.03 * 2 ** 0.5)
    halved = second_run(0.03, plan.rerank_steps, plan.total_steps, optimizer="adamw", failed_lr=0.04)
    assert halved is not None and math.isclose(halved.chosen_lr, 0.03 * defaults.HALVING_SHARE)  # no guard below 1


def test_radam_long_plans_take_a_quarter_of_the_best_and_advise_twice_the_pick() -> None:
    """Round 66: under RAdam the long-plan pick is a quarter of the re-rank's best; round 69: the advice names twice
    the pick (half the best), not the best."""
    plan = SearchPlan.for_run(3000)
    advice = second_run(0.04, plan.rerank_steps, plan.total_steps, optimizer="radam")
    assert advice is not None and math.isclose(advice.chosen_lr, 0.01) and math.isclose(advice.other_lr, 0.02)
    assert "a quarter of the re-rank's best, 4.0e-02" in advice.halving(None)
    assert "twice this peak (half the re-rank's best), peak LR 2.0e-02" in advice.sentence()
    adam = second_run(0.04, plan.rerank_steps, plan.total_steps, optimizer="adam")
    assert adam is not None and "0.59x the re-rank's best" in adam.halving(None)
