"""Probe records that mean what they say (issue 19) and a ladder that finds the learning region (issue 22), on real
tiny torch runs: a large first step and a catapult are spikes, not divergences; a loss that turns NaN part-way is
never a pick; a model that learns only far below its blow-up is searched down to there."""

from __future__ import annotations

import math
import re

import honesty_factories as hf
import pytest
import torch

from warmfind.analysis.runs import failure, summarize
from warmfind.probing.prober import Prober
from warmfind.probing.search import SearchPlan, search
from warmfind.probing.workload import build_workload
from warmfind.recipe.schedule import Schedule

CPU = torch.device("cpu")


def constant_run(factory: object, lr: float, steps: int):  # type: ignore[no-untyped-def]
    prober = Prober(build_workload(factory()), CPU)  # type: ignore[operator]
    run, _ = prober.run(Schedule(lr, 0, steps, shape="linear-warmup-constant").lr_at, steps, "screen", lr)
    return run, summarize(run)


@pytest.mark.parametrize("lr", [3e-2, 1e-1])
def test_rmsprops_large_first_step_is_a_spike_that_recovers(lr: float) -> None:
    run, summary = constant_run(hf.rmsprop_linear, lr, 30)
    assert max(run.losses[1:4]) > 3 * run.losses[0]  # the jump the old rule called "diverged at step 1"
    assert run.stopped is None and run.steps == 30  # the prober let it train on
    assert summary.diverged_step is None and summary.stable
    assert summary.spike is not None and summary.spike.recovered and summary.spike.recovery_step is not None
    assert summary.score < 0.01 * run.losses[0]
    assert failure(summary, [summary]) is None


def test_a_catapult_is_recorded_with_its_size_step_and_recovery() -> None:
    run, summary = constant_run(hf.catapult, 4.0, 60)
    assert summary.spike is not None and summary.spike.recovered
    assert summary.spike.ratio > 3 and summary.spike.step < summary.spike.recovery_step  # type: ignore[operator]
    assert not summary.diverged and summary.score < 0.05 * run.losses[0]


def test_a_real_blow_up_is_still_stopped_and_diverged() -> None:
    run, summary = constant_run(hf.catapult, 8.0, 60)
    assert run.stopped == "diverged" and run.steps < 60
    assert summary.diverged and failure(summary, [summary]) == "diverged" and math.isinf(summary.quality)


def test_no_finished_probe_within_2x_of_its_horizons_best_is_labelled_diverged() -> None:
    result = search(Prober(build_workload(hf.rmsprop_linear()), CPU), SearchPlan.for_run(300))
    for horizon in {p.horizon for p in result.probes}:
        same = [p for p in result.probes if p.horizon == horizon]
        best = min(p.score for p in same)
        for p in same:
            if p.finished and p.score <= 2 * best:
                assert failure(p, result.probes) != "diverged", p
    assert result.recommendation is not None and result.complete


def test_a_loss_that_turns_nan_part_way_is_never_the_pick() -> None:
    result = search(Prober(build_workload(hf.nan_part_way()), CPU), SearchPlan.for_run(200))
    rec = result.recommendation
    if rec is None:  # nothing trained without NaN: said plainly, not complete
        assert result.stopped_by == "no-choice" and not result.complete and result.no_choice
        return
    at_or_below = [p for p in result.probes if p.peak_lr <= rec.peak_lr * (1 + 1e-6)]
    assert at_or_below and all(p.diverged_step is None for p in at_or_below)  # nothing at or below the pick went NaN
    checks = [r for r in result.runs if r.label == "check" and math.isclose(r.peak_lr, rec.peak_lr, rel_tol=1e-6)]
    assert checks and all(math.isfinite(v) for v in checks[-1].losses)  # the pick itself, held constant, stayed finite
    assert any(p.diverged for p in result.probes)  # and the explanation's margin names a NaN'd probe above it
    assert any("diverged" in line for line in rec.explanation)


def test_the_ladder_goes_down_to_where_the_loss_learns() -> None:
    # issue 22: the loss learns only near 1e-5 under Adam; from ~1.6e-4 up to the blow-up near 1 the rungs sit on a
    # plateau (0.04-0.08 against 0.001 at 2e-5, full length) that the old 8-rung ladder never left
    result = search(Prober(build_workload(hf.narrow_band()), CPU), SearchPlan.for_run(300))
    rt = result.range_test
    assert rt is not None and rt.steepest_lr and rt.valley_lr
    screen = [p for p in result.probes if p.label == "screen"]
    assert min(p.peak_lr for p in screen) <= min(rt.steepest_lr, rt.valley_lr)  # the range test's evidence is covered
    rec = result.recommendation
    # the full-length grid (300 steps, warmup 0, factor sqrt(2)) is best at 1.95e-5: held-out 0.0010, and 0.0016 at
    # 9.8e-6, 0.0094 at 2.4e-6, 0.014 at 7.8e-5, 0.04-0.08 from 1.6e-4 to 5 (benchmarks/results/narrow_band.md). The
    # pick must leave the plateau for the band that learns. Where in the band is machine-dependent on this chaotic model:
    # 2.7e-5 on one CPU, 2.3e-6 on another (its range test blew up at 0.89 there and 0.61 here, so every rung moved, and
    # at the re-rank's 60 steps 2.3e-6 measured best): the test holds the band, not the exact rung
    assert rec is not None and 1e-6 <= rec.peak_lr <= 3.9e-5
    plateau = [p for p in screen if p.peak_lr > 1e-3 and p.finished]
    assert plateau and all(failure(p, result.probes) is not None for p in plateau)  # none "trained" up there


@pytest.mark.parametrize(("tail", "kind"), [([0.4] * 10, "returned"), ([3.0, 10.0, math.inf], "diverged")])
def test_the_range_test_says_whether_it_blew_up_or_came_back(tail: list[float], kind: str) -> None:
    from warmfind.analysis.lr_range import analyse_range_test, exponential_lrs

    losses = [0.42 - 0.4 * min(1.0, i / 50) for i in range(70)] + [0.02 + 0.02 * i for i in range(20)] + tail
    lrs = exponential_lrs(1e-7, 10, len(losses))
    rt = analyse_range_test(lrs, losses)
    assert rt.blowup_lr is not None and rt.blowup_kind == kind


def test_nothing_trainable_exits_3_with_the_reason_and_an_incomplete_recipe(tmp_path: object) -> None:
    import yaml
    from typer.testing import CliRunner

    from warmfind.cli import app

    out = f"{tmp_path}/r.yaml"
    result = CliRunner().invoke(app, ["probe", "honesty_factories:nothing_learns", "--total-steps", "100", "--device", "cpu",
                                      "--out", out])
    assert result.exit_code == 3, result.output
    assert "no recommendation:" in result.output and "Traceback" not in result.output
    recipe = yaml.safe_load(open(out).read())
    assert recipe["complete"] is False and recipe["recommendation"] is None
    assert recipe["cost"]["stopped_by"] == "no-choice" and recipe["cost"]["no_choice"]


CITED = re.compile(r"([0-9][0-9.e+-]*) \((\w+) (\d+) steps, ([0-9.]+e[+-]\d+), (no warmup|a (\d+)% warmup)\)")


@pytest.mark.parametrize("factory", ["rmsprop_linear", "catapult", "readme_noise", "hf_gpt2_clip"])
def test_recipe_log_and_explanation_agree(factory: str, tmp_path: object) -> None:
    """Every loss the explanation cites is the recipe's score of the probe it names; no probe that finished its
    horizon within 2x of the horizon's best is recorded diverged; the log's outcome is the recipe's."""
    import yaml
    from typer.testing import CliRunner

    from warmfind.cli import app

    if factory == "hf_gpt2_clip":
        pytest.importorskip("transformers")
    out = f"{tmp_path}/r.yaml"
    result = CliRunner().invoke(app, ["probe", f"honesty_factories:{factory}", "--total-steps", "300", "--device", "cpu",
                                      "--out", out])
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(open(out).read())
    probes = recipe["evidence"]["probes"]
    for p in probes:
        same = [q["loss"] for q in probes if q["horizon"] == p["horizon"] and q["loss"] is not None]
        if p["steps"] == p["horizon"] and p["loss"] is not None and p["loss"] <= 2 * min(same):
            assert p["failed"] != "diverged", p
    cited = [m for line in recipe["recommendation"]["explanation"] for m in CITED.finditer(line)]
    assert cited  # the choice line at least names its probe
    for value, stage, horizon, lr, _, percent in (m.groups() for m in cited):
        matches = [p for p in probes if p["stage"] == stage and p["horizon"] == int(horizon)
                   and math.isclose(p["peak_lr"], float(lr), rel_tol=0.05)  # 2 digits cited; the recipe rounds to 5
                   and round(100 * p["warmup_steps"] / p["horizon"]) == int(percent or 0)]
        assert matches, (stage, horizon, lr, percent)
        scores = [v for p in matches for v in (p["eval_loss"], p["loss"]) if v is not None]
        # the recipe keeps 5 significant digits below 1e-3 and the line prints 4: compare numbers, not strings
        assert any(math.isclose(float(value), v, rel_tol=1e-3) for v in scores), (value, scores)
    log = result.output
    for p in probes:  # a probe the recipe calls diverged was logged as stopped or non-finite, never as a clean finish
        if p["failed"] == "diverged" and p["steps"] == p["horizon"]:
            assert "(diverged)" in log or "nan" in log
