"""The torch probe loop: exact restore, the contract's defaults, budgets, and the range test on a quadratic."""

from __future__ import annotations

import math
import time

import pytest
import tiny_factories as tf
import torch

from warmfind.analysis.lr_range import analyse_range_test, exponential_lrs
from warmfind.probing.prober import Budget, ProbeInterrupted, Prober
from warmfind.probing.workload import build_workload
from warmfind.workloads.synthetic import least_squares

CPU = torch.device("cpu")


def constant(lr: float):  # noqa: ANN201
    return lambda step: lr


def test_two_identical_runs_give_identical_losses_with_batchnorm_and_dropout() -> None:
    prober = Prober(build_workload(tf.batchnorm()), CPU)
    first, _ = prober.run(constant(1e-2), 12, "a", 1e-2)
    second, _ = prober.run(constant(1e-2), 12, "b", 1e-2)
    assert first.losses == second.losses
    assert first.update_ratios == second.update_ratios


def test_runs_do_not_leak_state_into_each_other() -> None:
    prober = Prober(build_workload(tf.batchnorm()), CPU)
    baseline, _ = prober.run(constant(1e-3), 8, "a", 1e-3)
    prober.run(constant(1.0), 8, "wild", 1.0)  # moves weights and BatchNorm statistics a lot
    again, _ = prober.run(constant(1e-3), 8, "a", 1e-3)
    assert again.losses == baseline.losses


def test_shuffling_dataloader_repeats_its_order_and_another_seed_changes_it() -> None:
    prober = Prober(build_workload(tf.shuffled_loader()), CPU)
    a, _ = prober.run(constant(1e-2), 6, "a", 1e-2)
    b, _ = prober.run(constant(1e-2), 6, "b", 1e-2)
    c, _ = prober.run(constant(1e-2), 6, "c", 1e-2, data_seed=1)
    assert a.losses == b.losses
    assert a.losses != c.losses


def test_one_shot_iterator_is_cached_and_cycled() -> None:
    prober = Prober(build_workload(tf.one_shot_iterator()), CPU)
    a, _ = prober.run(constant(1e-2), 10, "a", 1e-2)  # 4 batches, cycled
    b, _ = prober.run(constant(1e-2), 10, "b", 1e-2)
    assert a.steps == 10 and a.losses == b.losses


def test_branching_from_a_saved_state_continues_exactly() -> None:
    prober = Prober(build_workload(tf.batchnorm()), CPU)
    lr = lambda s: 1e-2 * (s + 1) / 10  # noqa: E731
    whole, saved = prober.run(lr, 10, "whole", 1e-2, save_at=4)
    assert saved is not None and saved.step == 4
    tail, _ = prober.run(lr, 10, "tail", 1e-2, start=saved)
    assert tail.losses == pytest.approx(whole.losses[4:], rel=1e-6)


@pytest.mark.parametrize(
    "factory", [tf.mlp, tf.mlp_tuple, tf.classifier, tf.dict_batches, tf.custom_loss], ids=lambda f: f.__name__
)
def test_contract_defaults_train(factory) -> None:  # noqa: ANN001
    prober = Prober(build_workload(factory()), CPU)
    run, _ = prober.run(constant(1e-2), 20, "t", 1e-2)
    assert run.stopped is None and run.steps == 20
    assert all(math.isfinite(v) for v in run.losses)
    assert run.losses[-1] < run.losses[0]


def test_a_blow_up_is_measured_against_the_untrained_mean_loss_not_one_low_first_batch() -> None:
    """Batch losses spread ~25x at init and the first is the smallest: a run at an LR too small to move anything sits
    3x above the first loss for its whole tail. Against that one batch it "diverged" (exam 54's bridge network: every
    screen rung, down to 3e-10); against the untrained model's mean over its first batches it is what it is, stable."""
    from dataclasses import replace

    from warmfind.analysis.runs import summarize

    prober = Prober(build_workload(tf.uneven_start()), CPU)
    run, _ = prober.run(constant(1e-9), 30, "screen", 1e-9)
    assert run.stopped is None and run.start_loss == prober.start_loss
    assert prober.start_loss > 3 * run.losses[0]  # the first batch is the outlier
    assert not summarize(run).diverged
    assert summarize(replace(run, start_loss=None)).diverged  # the first loss alone: the old, fragile line
    wild, _ = prober.run(constant(10.0), 30, "screen", 10.0)  # a real blow-up is still one
    assert summarize(wild).diverged


def test_classifier_uses_cross_entropy() -> None:
    prober = Prober(build_workload(tf.classifier()), CPU)
    run, _ = prober.run(constant(0.0), 1, "t", 0.0)
    w = tf.classifier()
    x, y = w["data"][0]
    assert run.losses[0] == pytest.approx(float(torch.nn.functional.cross_entropy(w["model"](x), y).detach()), rel=1e-5)


def test_custom_optimizer_param_groups_keep_their_ratio() -> None:
    workload = build_workload(tf.param_groups())
    prober = Prober(workload, CPU)
    assert prober.group_ratios == pytest.approx([1.0, 10.0])
    optimizer = prober.restore(prober.initial)
    for group, ratio in zip(optimizer.param_groups, prober.group_ratios):
        group["lr"] = 0.01 * ratio
    assert [g["lr"] for g in optimizer.param_groups] == pytest.approx([0.01, 0.1])


def test_update_ratios_are_recorded_per_module() -> None:
    prober = Prober(build_workload(tf.mlp()), CPU)
    run, _ = prober.run(constant(1e-2), 3, "t", 1e-2)
    assert run.layer_names == ("0", "2")
    assert len(run.update_ratios) == 3 and all(len(r) == 2 and all(v > 0 for v in r) for r in run.update_ratios)


def test_accumulation_records_micro_and_full_batch_norms() -> None:
    prober = Prober(build_workload(tf.mlp()), CPU, accumulate=2)
    run, _ = prober.run(constant(1e-2), 4, "t", 1e-2)
    assert len(run.small_batch_sq) == 4 and len(run.big_batch_sq) == 4


def test_budget_in_steps_stops_runs() -> None:
    prober = Prober(build_workload(tf.mlp()), CPU, budget=Budget(max_steps=5))
    run, _ = prober.run(constant(1e-2), 20, "t", 1e-2)
    assert run.steps == 5 and run.stopped == "budget"


def test_budget_in_seconds_stops_runs() -> None:
    prober = Prober(build_workload(tf.mlp()), CPU, budget=Budget(max_seconds=0.0))
    run, _ = prober.run(constant(1e-2), 20, "t", 1e-2)
    assert run.stopped == "budget" and run.steps == 0


def test_divergence_stops_a_run_early() -> None:
    prober = Prober(build_workload(tf.mlp()), CPU, sync_every=5)
    run, _ = prober.run(constant(1e4), 200, "t", 1e4)
    assert run.stopped == "diverged" and run.steps < 200


def test_ctrl_c_returns_the_steps_measured() -> None:
    calls = []

    def on_step(label: str, step: int, planned: int, loss: float) -> None:
        calls.append(step)
        if step >= 4:
            raise KeyboardInterrupt

    prober = Prober(build_workload(tf.mlp()), CPU, on_step=on_step, sync_every=2)
    with pytest.raises(ProbeInterrupted) as info:
        prober.run(constant(1e-2), 20, "t", 1e-2)
    assert info.value.run.stopped == "interrupted" and info.value.run.steps == 4


def test_range_test_finds_the_gradient_descent_limit_of_least_squares() -> None:
    """Full-batch GD on mean((Xw - y)^2) diverges above 2 / lambda_max(2 X^T X / n): within 25%."""
    out = least_squares(full_batch=True)
    prober = Prober(build_workload(out), CPU)
    lrs = exponential_lrs(1e-7, 10, 100)
    run, _ = prober.run(lambda s: lrs[s], len(lrs), "range-test", 10.0)
    rt = analyse_range_test(run.lrs, run.losses, stopped_diverged=run.stopped == "diverged")
    exact = 2 / out["hessian_lambda_max"]
    assert rt.divergence_lr == pytest.approx(exact, rel=0.25)


def test_probe_start_is_fast_enough_to_not_matter() -> None:
    started = time.monotonic()
    Prober(build_workload(tf.mlp()), CPU)
    assert time.monotonic() - started < 5  # a sanity bound, not a benchmark


def test_ctrl_c_during_the_last_noise_measurement_keeps_the_choice() -> None:
    from warmfind.probing.search import SearchPlan, search

    def interrupted() -> None:
        raise KeyboardInterrupt

    result = search(Prober(build_workload(tf.mlp()), CPU), SearchPlan.for_run(40), at_peak=interrupted)
    assert result.recommendation is not None and result.recommendation.rule == "stability-probes"
    assert result.stopped_by == "interrupted" and not result.complete


def test_a_screen_that_cannot_match_the_range_tests_fall_judges_learning_by_the_untrained_loss(monkeypatch) -> None:  # noqa: ANN001
    # exam 16's Pi-model@long: 34-step rungs, none 30% of the 100-step range test's fall, though the held-out loss fell
    # 5%: it recommended nothing (exit 3). Here no rung can fall 5x the range test's fall
    from warmfind import defaults
    from warmfind.probing.holdout import hold_out
    from warmfind.probing.search import SearchPlan, search

    monkeypatch.setattr(defaults, "LEARNED_SHARE", 5.0)
    workload, _ = hold_out(build_workload(tf.mlp()), enabled=False)  # ranked by a training sample, as the CLI does
    result = search(Prober(workload, CPU), SearchPlan.for_run(40))
    rec = result.recommendation
    assert rec is not None and result.no_choice is None and result.unsupported is None
    assert any("judged against the untrained model's" in line for line in rec.explanation)


@pytest.mark.parametrize(
    ("batch", "parts"),
    [
        pytest.param((torch.ones(2, 3), torch.ones(2)), [], id="finite"),
        pytest.param((torch.tensor([[1.0, float("nan")]]), torch.ones(1)), ["inputs"], id="nan-input"),
        pytest.param((torch.ones(1, 2), torch.tensor([float("inf")])), ["targets"], id="inf-target"),
        pytest.param({"input_ids": torch.ones(2, 3, dtype=torch.long), "mask": torch.tensor([float("nan")])}, ["mask"], id="dict"),
        pytest.param(torch.tensor([float("nan")]), ["the batch"], id="bare-tensor"),
    ],
)
def test_non_finite_parts_names_what_is_broken(batch: object, parts: list[str]) -> None:
    from warmfind.probing.batches import non_finite_parts

    assert non_finite_parts(batch) == parts


def test_the_default_loss_of_a_nanogpt_style_model_is_its_own() -> None:
    from warmfind.probing.workload import default_loss, takes_targets

    model, (idx, targets) = tf.TinyGPT(), tf.nanogpt_style()["data"][0]
    assert takes_targets(model) and not takes_targets(torch.nn.Linear(2, 2))
    assert torch.equal(default_loss(model, (idx, targets)), model(idx, targets)[1])


def test_probe_clipping_is_clip_grad_norm_on_the_raw_norm() -> None:
    """A probe step with grad_clip moves the weights exactly as backward + clip_grad_norm_ + step, and records
    the unclipped norm (the noise scale and the blow-up check need the raw gradient)."""
    from warmfind.probing.step_stats import StepRecorder, module_groups
    from warmfind.probing.train_step import TrainStep

    torch.manual_seed(0)
    ours, theirs = torch.nn.Linear(4, 3), torch.nn.Linear(4, 3)
    theirs.load_state_dict(ours.state_dict())
    x, y = torch.randn(8, 4) * 10, torch.randn(8, 3)

    def loss_fn(model: torch.nn.Module, batch: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
        return torch.nn.functional.mse_loss(model(batch[0]), batch[1])

    step = TrainStep(ours, ours, loss_fn, torch.device("cpu"), grad_clip=0.1)
    names, index = module_groups(ours)
    rec = StepRecorder(index, len(names))
    step(torch.optim.SGD(ours.parameters(), lr=1.0), (x, y), rec, measure_ratio=False)
    loss_fn(theirs, (x, y)).backward()
    raw = torch.nn.utils.clip_grad_norm_(theirs.parameters(), 0.1)
    torch.optim.SGD(theirs.parameters(), lr=1.0).step()
    assert raw > 0.1  # the clip bit
    for a, b in zip(ours.parameters(), theirs.parameters()):
        assert torch.allclose(a, b, atol=1e-7)
    rec.sync()
    assert rec.host_grad_sq[0] == pytest.approx(float(raw) ** 2, rel=1e-5)


def test_probes_compress_the_planned_shape() -> None:
    from warmfind.probing.search import SearchPlan

    wsd = SearchPlan.for_run(400, shape="warmup-stable-decay", decay_fraction=0.25).schedule(1.0, 0.2, 80)
    assert (wsd.shape, wsd.warmup_steps, wsd.decay_steps, wsd.min_lr) == ("warmup-stable-decay", 16, 20, 0.0)
    assert wsd.lr_at(16) == wsd.lr_at(59) == 1.0 and wsd.lr_at(79) == pytest.approx(1 / 20)
    cosine = SearchPlan.for_run(400).schedule(1.0, 0.0, 80)
    assert cosine.shape == "linear-warmup-cosine" and cosine.min_lr == pytest.approx(0.1)


def test_rerank_probes_under_a_cosine_plan_are_cooldown_probes() -> None:
    from warmfind.probing.search import SearchPlan

    plan = SearchPlan.for_run(400)
    assert plan.rerank_shape == "warmup-stable-decay"
    probe = plan.schedule(1.0, 0.2, 80, plan.rerank_shape)  # warmup 16, hold, decay to 0 over the last 16 steps
    assert [round(probe.lr_at(s), 4) for s in (15, 16, 64, 79)] == [0.9375, 1.0, 1.0, 0.0625]
    assert plan.schedule(1.0, 0.2, 80).shape == "linear-warmup-cosine"  # the screen keeps the planned shape
    # a plan that never decays (or already is WSD) is re-ranked under its own shape
    assert SearchPlan.for_run(400, shape="linear-warmup-constant").rerank_shape is None
    assert SearchPlan.for_run(400, shape="warmup-stable-decay").rerank_shape is None


def test_the_default_budget_makes_room_for_long_plans() -> None:
    from warmfind import defaults
    from warmfind.probing.measure import default_budget
    from warmfind.probing.search import SearchPlan

    assert default_budget(SearchPlan.for_run(400).expected_steps) == defaults.DEFAULT_BUDGET_STEPS  # short: the flat cap
    long = SearchPlan.for_run(20_000)
    assert default_budget(long.expected_steps) >= 1.5 * long.expected_steps > defaults.DEFAULT_BUDGET_STEPS


def test_every_ranking_evaluation_draws_the_same_noise_and_leaves_the_callers_generator_alone() -> None:
    # exam 18's energy model@long (denoising score matching): unpaired noise put the untrained loss 3.3% below the
    # same weights' loss a moment later, and the search recommended nothing
    from warmfind.probing.holdout import hold_out

    def noisy_mse(model: torch.nn.Module, batch: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
        x, y = batch
        return torch.nn.functional.mse_loss(model(x + torch.randn_like(x)), y)

    workload, _ = hold_out(build_workload({**tf.mlp(), "loss_fn": noisy_mse}), enabled=False)
    prober = Prober(workload, CPU)
    before = torch.random.get_rng_state()
    first = prober.untrained_loss()
    assert torch.equal(torch.random.get_rng_state(), before)  # training noise does not depend on when probes rank
    torch.randn(100)  # whatever the caller drew meanwhile
    assert prober.evaluate() == first
