"""The longer look (rounds 77-78): on an Adam-family plan the lift applies to, b without warmup and 2b, 4b behind the
warmup are probed again over twice the re-rank's horizon, and the best of that look is the choice where its LR is above
the re-rank's choice."""

from __future__ import annotations

import math

import tiny_factories as tf
import torch

from warmfind import defaults
from warmfind.probing.prober import Budget, Prober
from warmfind.probing.search import SearchPlan, looks_longer, search
from warmfind.probing.workload import build_workload

CPU = torch.device("cpu")


def prober_for(optimizer: type[torch.optim.Optimizer] | None) -> Prober:
    parts = tf.mlp() if optimizer is None else dict(tf.mlp(), optimizer=lambda params, lr: optimizer(params, lr=lr))
    return Prober(build_workload(parts), CPU)


def test_it_runs_for_the_adam_family_where_the_lift_applies_and_nowhere_else() -> None:
    short, long = SearchPlan.for_run(300), SearchPlan.for_run(3000)
    assert short.rerank_steps >= short.total_steps * defaults.SECOND_RUN_SHARE  # the lift applies
    assert long.rerank_steps < long.total_steps * defaults.SECOND_RUN_SHARE  # the halving's plans: no lift, no look
    for kind in (None, torch.optim.Adam, torch.optim.AdamW, torch.optim.Adamax):  # None: the contract's AdamW
        assert looks_longer(short, prober_for(kind)) and not looks_longer(long, prober_for(kind))
    for kind in (torch.optim.SGD, torch.optim.NAdam, torch.optim.RAdam, torch.optim.RMSprop):
        assert not looks_longer(short, prober_for(kind))

    class Mine(torch.optim.AdamW):  # a user's subclass is still Adam-family
        pass

    assert looks_longer(short, prober_for(Mine))
    half = SearchPlan.for_run(300, rerank_fraction=0.5)  # a look of twice the re-rank would be the whole run
    assert not looks_longer(half, prober_for(None))


def test_round_90s_extension_is_for_adagrad_and_its_subclasses_only() -> None:
    from warmfind.probing.search import is_adagrad

    class Mine(torch.optim.Adagrad):
        pass

    assert is_adagrad(prober_for(torch.optim.Adagrad)) and is_adagrad(prober_for(Mine))
    for kind in (None, torch.optim.Adam, torch.optim.SGD, torch.optim.RMSprop):
        assert not is_adagrad(prober_for(kind))


def test_a_subclass_takes_its_base_optimizers_long_plan_share_as_it_takes_its_other_rules() -> None:
    from warmfind.analysis.second_run import halving_kind
    from warmfind.probing.search import optimizer_kinds

    class Mine(torch.optim.Adagrad):
        pass

    class Plain(torch.optim.Adam):
        pass

    assert optimizer_kinds(prober_for(Mine))[:2] == ("mine", "adagrad")
    assert halving_kind(optimizer_kinds(prober_for(Mine))) == "adagrad"
    assert halving_kind(optimizer_kinds(prober_for(torch.optim.SGD))) == "sgd"
    assert halving_kind(optimizer_kinds(prober_for(Plain))) == ""  # the default share


def test_the_estimate_and_the_default_budget_count_the_look_where_it_runs() -> None:
    from warmfind.probing.measure import default_budget, expected_steps

    short, long = SearchPlan.for_run(300), SearchPlan.for_run(3000)
    look = len(defaults.LONGER_LOOK) * defaults.LONGER_LOOK_HORIZON * short.rerank_steps  # one seed per look probe
    assert short.look_steps == look and long.look_steps == 0
    assert SearchPlan.for_run(300, rerank_fraction=0.5).look_steps == 0
    assert expected_steps(short, prober_for(torch.optim.Adam)) == short.expected_steps + look
    assert expected_steps(short, prober_for(torch.optim.SGD)) == short.expected_steps
    assert expected_steps(long, prober_for(torch.optim.Adam)) == long.expected_steps
    # a --seeds 3 plan of 1,000 steps: the budget makes room for its look as for its re-rank
    seeded = SearchPlan.for_run(1000, seeds=3)
    assert default_budget(expected_steps(seeded, prober_for(None))) >= 1.5 * (seeded.expected_steps + seeded.look_steps)


def test_the_look_probes_b_2b_4b_over_twice_the_rerank_and_moves_the_choice_only_upward() -> None:
    plan = SearchPlan.for_run(300)
    moved = []
    for kind in (torch.optim.Adam, torch.optim.AdamW):  # on the tiny MLP the look moves Adam's choice and not AdamW's
        result = search(prober_for(kind), plan)
        steps = defaults.LONGER_LOOK_HORIZON * plan.rerank_steps
        look = [p for p in result.probes if p.label == "rerank" and p.horizon == steps]
        assert len(look) == 3
        b = look[0].peak_lr
        warm = round(plan.warmup_fractions[-1] * steps)
        assert [(p.peak_lr / b, p.warmup_steps) for p in look] == [(1.0, 0), (2.0, warm), (4.0, warm)]
        rec = result.recommendation
        measured = rec.measured or rec  # the lift moved the recipe's peak off the probes' choice
        best = min(look, key=lambda p: p.quality)
        moved.append(any("longer look" in line for line in rec.explanation))
        if moved[-1]:  # the look's best was above the re-rank's choice
            assert math.isclose(measured.peak_lr, best.peak_lr, rel_tol=1e-9)  # nothing failed: no margin moved it
        else:  # never downward: the re-rank's choice stays where the look's best is not above it
            assert best.peak_lr <= measured.peak_lr * (1 + 1e-9)
    assert moved == [True, False]


def test_other_optimizers_search_as_before() -> None:
    plan = SearchPlan.for_run(300)
    result = search(prober_for(torch.optim.SGD), plan)
    assert not [p for p in result.probes if p.horizon == defaults.LONGER_LOOK_HORIZON * plan.rerank_steps]
    assert not any("longer look" in line for line in result.recommendation.explanation)


def test_a_budget_that_runs_out_in_the_look_keeps_the_reranks_choice() -> None:
    plan = SearchPlan.for_run(300)
    full = search(prober_for(torch.optim.Adam), plan)  # on the tiny MLP the look moves Adam's choice
    steps = defaults.LONGER_LOOK_HORIZON * plan.rerank_steps
    first = next(i for i, r in enumerate(full.runs) if r.label == "rerank" and r.planned_steps == steps)
    before = sum(len(r.losses) for r in full.runs[:first])
    parts = dict(tf.mlp(), optimizer=lambda params, lr: torch.optim.Adam(params, lr=lr))
    cut = search(Prober(build_workload(parts), CPU, budget=Budget(max_steps=before + steps // 2)), plan)
    rec = cut.recommendation
    assert cut.stopped_by == "budget" and not cut.complete and rec is not None
    assert any("cut short by the probe budget" in line for line in rec.explanation)
    assert not any("above the re-rank's choice" in line for line in rec.explanation)  # the look moved nothing
    full_measured = full.recommendation.measured or full.recommendation
    assert (rec.measured or rec).peak_lr < full_measured.peak_lr  # the choice the look would have lifted stays

