"""A re-rank that saw a large share of the run: the recipe warms up over 20% of it at 2^(1/4) x the choice (round 52)."""

from __future__ import annotations

import math

from warmfind.analysis.recommend import Recommendation
from warmfind.analysis.warmup_lift import warmup_lift
from warmfind.probing.search import SearchPlan


def test_a_short_plan_warms_up_over_a_fifth_of_the_run_at_half_an_octave_above_the_choice() -> None:
    plan = SearchPlan.for_run(300)  # the exams' short plans: a T/3 re-rank
    lift = warmup_lift(0.01, 0, plan.rerank_steps, plan.total_steps)
    assert lift is not None and math.isclose(lift.peak_lr, 0.01 * 2 ** 0.5) and lift.warmup_steps == 60
    measured = Recommendation(0.01, 0, 300, 0.001, "linear-warmup-cosine", "stability-probes", ("measured",), 0.04, None)
    rec = lift.apply(measured)
    assert math.isclose(rec.peak_lr, 0.01 * 2 ** 0.5) and math.isclose(rec.min_lr, 0.1 * rec.peak_lr)
    assert rec.warmup_steps == 60 and rec.explanation[1:] == ("measured",) and rec.nearest_unstable_lr == 0.04
    assert "60-step warmup" in rec.explanation[0] and "1.0e-02 with no warmup" in rec.explanation[0]
    assert rec.measured is not None and (rec.measured.peak_lr, rec.measured.warmup_steps) == (0.01, 0)
    assert rec.measured.moved_by == "warmup-lift" and measured.measured is None


def test_a_plan_whose_rerank_saw_less_than_an_eighth_is_halved_instead() -> None:
    for total in (2000, 3000, 20000):
        plan = SearchPlan.for_run(total)
        assert warmup_lift(0.01, 0, plan.rerank_steps, plan.total_steps) is None
    for total in (100, 500, 1000):
        plan = SearchPlan.for_run(total)
        assert warmup_lift(0.01, 0, plan.rerank_steps, plan.total_steps) is not None
