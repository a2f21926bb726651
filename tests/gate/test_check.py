"""The check verdicts on hand-written recipes whose right answers are known exactly."""

from __future__ import annotations

from typing import Any

import pytest

from warmfind.gate.planned import Planned
from warmfind.gate.verdicts import (
    FAR_BELOW_RATIO,
    batch_factor,
    check,
    factor_words,
    failed,
    limit,
    read_evidence,
    stable_lr,
    warmup_need,
)


def probe(lr: float, warmup: int = 0, horizon: int = 100, diverged: int | None = None, spike: bool | str = False) -> dict[str, Any]:
    """A probe; ``spike=True`` ends in a spike it had not come back from, ``spike="recovered"`` one it came back from."""
    return {"stage": "screen" if warmup == 0 else "warmup", "peak_lr": lr, "warmup_steps": warmup, "horizon": horizon,
            "steps": horizon, "seed": 0, "loss": 1.0, "eval_loss": None, "diverged_step": diverged,
            "spike": {"step": 5, "start_step": 3, "ratio": 2.5, "recovered": spike == "recovered"} if spike else None,
            "grad_blowup_step": None, "top_layers": []}


def recipe(probes: list[dict[str, Any]], peak_lr: float = 1e-3, warmup: int = 50, b_simple: float | None = None,
           divergence_lr: float | None = 1e-1, complete: bool = True, rule: str = "stability-probes") -> dict[str, Any]:
    """A recipe on a 1000-step run, batch 32: stable at 1e-3 without warmup, 2e-3 needs 5% warmup, 4e-3 unstable."""
    return {
        "warmfind": 1, "complete": complete,
        "workload": {"batch_size": 32, "fingerprint": "abc"},
        "recommendation": {"peak_lr": peak_lr, "warmup_steps": warmup, "total_steps": 1000, "rule": rule},
        "evidence": {"lr_range_test": {"divergence_lr": divergence_lr, "curve": {"lr": [0.0] * 100}},
                     "probes": probes,
                     "gradient_noise_scale": {"b_simple": b_simple} if b_simple else None},
    }


LADDER = [probe(8e-3, diverged=2), probe(4e-3, spike=True), probe(2e-3, spike=True), probe(1e-3), probe(5e-4),
          probe(2e-3, warmup=5), probe(4e-3, warmup=5, spike=True), probe(4e-3, warmup=20, spike=True)]


def findings_for(lr: float, warmup: int, **kwargs: Any) -> dict[str, tuple[str, str]]:
    planned = Planned(peak_lr=lr, warmup_steps=warmup, total_steps=1000, **kwargs)
    return {f.check: (f.level, f.code) for f in check(recipe(LADDER), planned)}


def test_a_spike_the_probe_came_back_from_is_a_trained_probe_as_in_the_search() -> None:
    """The search calls a recovered spike a catapult, not a failure (``runs.failure``); check reads it the same way, so
    the stable LR rises to it and the limit is the next real failure. A recipe without ``recovered`` stays unstable."""
    recovered = [probe(8e-3, diverged=2), probe(4e-3, spike=True), probe(2e-3, spike="recovered"), probe(1e-3)]
    trials = read_evidence(recipe(recovered)).trials
    assert stable_lr(trials, 0.0).lr == 2e-3  # type: ignore[union-attr]
    assert limit(trials, 0.0).lr == 4e-3  # type: ignore[union-attr]
    assert "came back" in next(t.outcome for t in trials if t.lr == 2e-3)
    silent = [dict(p, spike={"step": 5, "ratio": 2.5}) if p["peak_lr"] == 2e-3 else p for p in recovered]
    assert limit(read_evidence(recipe(silent)).trials, 0.0).lr == 2e-3  # type: ignore[union-attr]


def test_a_failure_beneath_the_plan_fails_it_when_larger_lrs_trained() -> None:
    """Exam 17's infomax ICA@long: re-rank probes at 0.034 and 0.017 diverged while 0.067 and 0.134 trained (recovered
    spikes included); the recipe's 0.047 then blew up on one seed of two at full length. Monotonicity is broken, so the
    stable probes above do not cover the plan: a failure at no larger LR with no less warmup fails it."""
    ica = [probe(0.134, spike="recovered"), probe(0.067), probe(0.034, diverged=181), probe(0.017, diverged=24),
           probe(0.0084), probe(0.134, warmup=20, diverged=78)]

    def limit_finding(lr: float, warmup: int) -> Any:
        plan = Planned(peak_lr=lr, warmup_steps=warmup, total_steps=1000)
        return next(f for f in check(recipe(ica, peak_lr=0.047, warmup=0), plan) if f.check == "peak-lr-limit")

    assert (limit_finding(0.047, 0).level, limit_finding(0.047, 0).code) == ("error", "peak-lr-above-failure")
    assert limit_finding(0.047, 0).measured == 0.017  # the lowest failure at or under the plan
    assert limit_finding(0.0084, 0).level == "info"  # under every failure: covered by 0.0084, which trained
    assert limit_finding(0.047, 200).code != "peak-lr-above-failure"  # those failures had less warmup than this plan


def test_limits_read_from_the_ladder() -> None:
    trials = read_evidence(recipe(LADDER)).trials
    assert stable_lr(trials, 0.0).lr == 1e-3  # type: ignore[union-attr]
    assert limit(trials, 0.0).lr == 2e-3  # type: ignore[union-attr]
    assert stable_lr(trials, 0.05).lr == 2e-3  # type: ignore[union-attr]  # warmup rescued 2e-3
    assert limit(trials, 0.05).lr == 4e-3  # type: ignore[union-attr]
    assert warmup_need(trials, 1.5e-3).warmup_fraction == 0.05  # type: ignore[union-attr]
    assert warmup_need(trials, 3e-3) is None


def test_the_gate_counts_a_failure_without_warmup_against_a_plan_that_warms_up() -> None:
    evidence = recipe([probe(1e-3, warmup=20), probe(1.5e-3, spike=True), probe(1e-3)], divergence_lr=None)
    trials = read_evidence(evidence).trials
    assert limit(trials, 0.2).lr == 1.5e-3  # type: ignore[union-attr]  # conservative: the search's margin does not
    findings = {f.check: (f.level, f.code) for f in check(evidence, Planned(peak_lr=1e-3, warmup_steps=200, total_steps=1000))}
    assert findings["peak-lr-margin"] == ("warning", "peak-lr-near-limit")  # a warning, not an error
    findings = {f.check: (f.level, f.code) for f in check(evidence, Planned(peak_lr=2e-3, warmup_steps=200, total_steps=1000))}
    assert findings["peak-lr-limit"][0] == "error"


@pytest.mark.parametrize(
    ("lr", "warmup", "check_name", "expected"),
    [
        pytest.param(1e-3, 0, "peak-lr-limit", ("info", "peak-lr-below-limit"), id="stable-probe-covers-plan"),
        pytest.param(1e-3, 0, "peak-lr-margin", ("info", "margin-ok"), id="exactly-2x-under-limit"),
        pytest.param(1.2e-3, 0, "peak-lr-margin", ("warning", "peak-lr-near-limit"), id="1.7x-under-limit"),
        pytest.param(5e-4, 0, "peak-lr-margin", ("info", "margin-ok"), id="4x-under-limit"),
        pytest.param(1.6e-2, 50, "peak-lr-limit", ("error", "peak-lr-above-limit"), id="4x-limit-fails"),
        pytest.param(4e-3, 200, "peak-lr-limit", ("error", "peak-lr-above-limit"), id="more-warmup-still-spiked"),
        pytest.param(2e-3, 0, "warmup", ("error", "warmup-too-short"), id="needs-5pct-warmup"),
        pytest.param(2e-3, 0, "peak-lr-limit", ("info", "peak-lr-needs-warmup"), id="lr-fine-with-warmup"),
        pytest.param(2e-3, 50, "warmup", ("info", "warmup-sufficient"), id="5pct-warmup-covers"),
        pytest.param(1.005e-3, 0, "warmup", ("info", "warmup-sufficient"), id="rounded-up-lr-still-covered"),
        pytest.param(1.5e-3, 0, "warmup", ("error", "warmup-too-short"), id="gap-below-a-spike"),
        pytest.param(2e-4, 50, "peak-lr-waste", ("warning", "peak-lr-far-below"), id="5x-below-recommendation"),
        pytest.param(5e-4, 50, "peak-lr-waste", ("info", "peak-lr-near-recommendation"), id="2x-below-recommendation"),
        pytest.param(3e-3, 50, "peak-lr-waste", ("info", "peak-lr-above-recommendation"), id="3x-above-recommendation"),
    ],
)
def test_verdicts(lr: float, warmup: int, check_name: str, expected: tuple[str, str]) -> None:
    assert findings_for(lr, warmup)[check_name] == expected


def test_recommended_settings_pass_strictly() -> None:
    findings = check(recipe(LADDER, peak_lr=5e-4, warmup=0), Planned(peak_lr=5e-4, warmup_steps=0, total_steps=1000))
    assert not failed(findings, strict=True)


def test_warmup_need_is_scaled_to_the_planned_run() -> None:
    findings = check(recipe(LADDER), Planned(peak_lr=2e-3, warmup_steps=10, total_steps=4000))
    warmup = next(f for f in findings if f.check == "warmup")
    assert warmup.code == "warmup-too-short" and "200 steps" in warmup.message


def test_warmup_ratio_counts_like_steps() -> None:
    findings = check(recipe(LADDER), Planned(peak_lr=2e-3, warmup_ratio=0.05))
    assert not failed(findings)


def test_range_test_divergence_bounds_any_warmup() -> None:
    findings = check(recipe([probe(1e-3)], divergence_lr=1e-2), Planned(peak_lr=2e-2, warmup_ratio=0.5))
    limit_finding = next(f for f in findings if f.check == "peak-lr-limit")
    assert limit_finding.code == "peak-lr-above-limit" and limit_finding.measured == 1e-2


@pytest.mark.parametrize(
    ("measured", "planned", "b_noise", "factor"),
    [
        pytest.param(32, 64, None, 2.0, id="linear"),
        pytest.param(32, 32, 100.0, 1.0, id="unchanged"),
        pytest.param(32, 64, 32.0, 4 / 3, id="noise-scale: (1+1)/(1+0.5)"),
    ],
)
def test_batch_factor(measured: int, planned: int, b_noise: float | None, factor: float) -> None:
    assert batch_factor(measured, planned, b_noise) == pytest.approx(factor)


def test_larger_batch_with_noise_scale_moves_the_limit() -> None:
    # B 32 -> 64 with B_noise 32 lifts every LR 4/3x: 2.5e-3 now sits under the rescued 2.67e-3.
    findings = check(recipe(LADDER, b_simple=32.0), Planned(peak_lr=2.5e-3, warmup_steps=50, total_steps=1000, batch_size=64))
    by_check = {f.check: f for f in findings}
    assert by_check["batch-size"].code == "batch-rescaled"
    assert by_check["peak-lr-limit"].level == "info"


def test_changed_batch_without_noise_scale_warns_stale() -> None:
    levels = findings_for(1e-3, 0, batch_size=16)
    assert levels["batch-size"] == ("warning", "recipe-stale-batch")
    assert levels["warmup"] == ("error", "warmup-too-short")  # LRs halved: 1e-3 now needs the 5% warmup 2e-3 did


def test_incomplete_recipe_warns() -> None:
    findings = check(recipe(LADDER, complete=False), Planned(peak_lr=5e-4))
    assert findings[0].code == "recipe-incomplete" and failed(findings, strict=True) and not failed(findings)


def test_far_below_threshold_is_documented() -> None:
    assert FAR_BELOW_RATIO == 4.0


def test_recipe_noise_block_as_measure_writes_it() -> None:
    # measure() writes b_noise_used (and at_init) under gradient_noise_scale, not a top-level b_simple
    noisy = recipe(LADDER)
    noisy["evidence"]["gradient_noise_scale"] = {"batch_size": 32, "b_noise_used": 32.0,
                                                 "at_peak_lr": {"b_simple": 32.0, "stderr": 4.0}, "at_init": {"b_simple": 8.0}}
    assert (read_evidence(noisy).b_noise, read_evidence(noisy).b_noise_stderr) == (32.0, 4.0)
    plan = Planned(peak_lr=1e-3, warmup_steps=50, total_steps=1000, batch_size=64)
    assert {f.check: f for f in check(noisy, plan)}["batch-size"].code == "batch-rescaled"
    noisy["evidence"]["gradient_noise_scale"] = {"batch_size": 32, "b_noise_used": None, "at_init": {"b_simple": 8.0}}
    assert (read_evidence(noisy).b_noise, read_evidence(noisy).b_noise_stderr) == (8.0, None)
    # 64 > 2 x B_simple: the batch table would not trust that move, so it is a warning
    moved = {f.check: f for f in check(noisy, plan)}["batch-size"]
    assert (moved.level, moved.code) == ("warning", "batch-extrapolated") and "batch > 2x B_simple" in moved.message


@pytest.mark.parametrize(("warmup", "expected"), [(50, ("error", "warmup-too-short")), (80, ("info", "warmup-sufficient"))])
def test_larger_batch_needs_a_larger_warmup_share(warmup: int, expected: tuple[str, str]) -> None:
    # B 32 -> 64 with B_noise 32: warmup steps x (1 + 32/64)/(1 + 32/32) = 0.75 over half the steps, so the 5%
    # warmup that rescued 2e-3 (now 2.67e-3) becomes a 7.5% share (rounded to 8 of 100 probe steps)
    findings = check(recipe(LADDER, b_simple=32.0), Planned(peak_lr=2.5e-3, warmup_steps=warmup, total_steps=1000, batch_size=64))
    assert {f.check: (f.level, f.code) for f in findings}["warmup"] == expected


@pytest.mark.parametrize(
    ("value", "reference", "words"),
    [(6.2, 0.097, "63.9x above"), (0.3, 0.078, "3.85x above"), (0.02, 0.1, "5x below"), (0.1, 0.1, "at")],
)
def test_factors_are_stated_in_the_right_direction(value: float, reference: float, words: str) -> None:
    assert factor_words(value, reference) == words


# Issue 13's escape: the screen probe at the range test's divergence LR (1.56) neither spiked nor diverged within
# its 30 steps, so it covered 1.56, and a plan at 6.2 (4x the divergence LR, no warmup) passed as "beyond the evidence".
SGD_LADDER = [probe(1.56, horizon=30), probe(0.78, horizon=30), probe(0.39, horizon=30), probe(0.39, warmup=6, horizon=30)]


@pytest.mark.parametrize(
    ("lr", "warmup", "expected"),
    [
        pytest.param(6.2, 0, ("error", "peak-lr-above-divergence"), id="4x-divergence-no-warmup-fails"),
        pytest.param(3.2, 50, ("error", "peak-lr-above-divergence"), id="2x-divergence-short-warmup-fails"),
        pytest.param(1.56, 0, ("info", "peak-lr-below-limit"), id="at-divergence-but-a-probe-covers-it"),
        pytest.param(3.2, 200, ("info", "peak-lr-below-limit"), id="warmup-longer-than-the-ramp-is-not-judged-by-it"),
    ],
)
def test_the_range_test_divergence_is_always_evidence(lr: float, warmup: int, expected: tuple[str, str]) -> None:
    planned = Planned(peak_lr=lr, warmup_steps=warmup, total_steps=1000)
    found = {f.check: f for f in check(recipe(SGD_LADDER, peak_lr=0.097, divergence_lr=1.56), planned)}
    assert (found["peak-lr-limit"].level, found["peak-lr-limit"].code) == expected
    if expected[1] == "peak-lr-above-divergence":
        assert failed(tuple(found.values()))
        assert "the range test (an LR ramp over 100 steps) diverged at 1.6e+00" in found["peak-lr-limit"].reason
        assert found["peak-lr-margin"].code == "margin-not-judged"
    assert "above the recommended 9.7e-02" in found["peak-lr-waste"].message


def test_a_probe_that_trained_far_worse_above_the_best_lr_is_a_failed_probe() -> None:
    """Issue 13: the screen at 1.56 neither spiked nor diverged but ended at 2.01 beside 0.41 one rung down."""
    ladder = [{**probe(1.56, horizon=30), "loss": 2.01}, {**probe(0.78, horizon=30), "loss": 0.41},
              {**probe(0.39, horizon=30), "loss": 0.45}, {**probe(0.05, horizon=30), "loss": 1.9}]
    found = {f.check: f for f in check(recipe(ladder, peak_lr=0.097, divergence_lr=None), Planned(peak_lr=1.56, warmup_steps=0,
                                                                                               total_steps=1000))}
    assert (found["peak-lr-limit"].level, found["peak-lr-limit"].code) == ("error", "peak-lr-above-limit")
    assert "trained far worse (loss 2.01 against 0.41 at 7.8e-01)" in found["peak-lr-limit"].reason
    ok = {f.check: f for f in check(recipe(ladder, peak_lr=0.097, divergence_lr=None), Planned(peak_lr=0.39, warmup_steps=0,
                                                                                            total_steps=1000))}
    assert ok["peak-lr-limit"].level == "info"  # the slow probe at 0.05 is below the best: not a failure


def test_a_recipe_whose_choice_learned_nothing_warns_and_is_no_yardstick_for_waste() -> None:
    flagged = recipe(LADDER)
    flagged["advice"] = [{"kind": "unsupported", "best_loss": 1.792, "untrained_loss": 1.792, "ceiling": 10.0}]
    findings = {f.check: f for f in check(flagged, Planned(peak_lr=2e-4, warmup_steps=50, total_steps=1000))}
    assert (findings["evidence"].level, findings["evidence"].code) == ("warning", "choice-unsupported")
    assert (findings["peak-lr-waste"].level, findings["peak-lr-waste"].code) == ("info", "recommendation-unsupported")
    assert findings["peak-lr-limit"].code == "peak-lr-below-limit"  # the measured limits still judge the plan
    assert not failed(list(findings.values())) and failed(list(findings.values()), strict=True)
    plain = {f.check: f.code for f in check(recipe(LADDER), Planned(peak_lr=2e-4, warmup_steps=50, total_steps=1000))}
    assert plain["evidence"] == "evidence-ok" and plain["peak-lr-waste"] == "peak-lr-far-below"


def test_a_recipe_with_failures_below_its_choice_warns() -> None:
    flagged = recipe(LADDER)
    flagged["advice"] = [{"kind": "failed-below", "failures": ["rerank 182 steps, 3.4e-02, no warmup: ..."],
                          "below_all": 0.0084}]
    findings = {f.check: f for f in check(flagged, Planned(peak_lr=2e-4, warmup_steps=50, total_steps=1000))}
    assert (findings["evidence"].level, findings["evidence"].code) == ("warning", "failed-below")
    assert not failed(list(findings.values())) and failed(list(findings.values()), strict=True)
