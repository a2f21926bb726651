"""Successive halving over continued trunks (RERANK_MODE = "halving", a research mode)."""

from __future__ import annotations

import pytest
import tiny_factories as tf
import torch

from warmfind.probing.halving import cooldown_lr, rung_horizons, trunk_lr
from warmfind.probing.prober import Prober
from warmfind.probing.workload import build_workload


def test_a_trunk_warms_up_then_holds_and_a_branch_cools_down_to_zero() -> None:
    assert [trunk_lr(1.0, 4)(s) for s in (0, 2, 4, 100)] == [0.0, 0.5, 1.0, 1.0]
    branch = cooldown_lr(1.0, 4, 16, 4)  # leaves the trunk at step 16, decays over steps 16..19
    assert [branch(s) for s in (15, 16, 17, 19, 20)] == [1.0, 1.0, 0.75, 0.25, 0.0]
    early = cooldown_lr(1.0, 20, 10, 5)  # leaves during warmup: decays from the warmup's LR there
    assert [early(s) for s in (10, 12)] == [pytest.approx(0.5), pytest.approx(0.5 * 0.6)]


def test_rungs_are_a_quarter_and_the_whole_horizon() -> None:
    assert rung_horizons(200, 60) == (60, 200)
    assert rung_horizons(400, 60) == (100, 400)
    assert rung_horizons(100, 120) == (100,)


def test_a_continued_trunk_is_the_run_it_would_have_been() -> None:
    """Trunk to 20 steps with a snapshot, continued to 40, equals one 40-step trunk: survivors are continued."""
    prober = Prober(build_workload(tf.mlp()), torch.device("cpu"))
    lr = trunk_lr(0.05, 8)
    whole, _ = prober.run(lr, 40, "trunk", 0.05, 8)
    first, snapshot = prober.run(lr, 20, "trunk", 0.05, 8, save_at=20)
    assert snapshot is not None and snapshot.step == 20
    rest, _ = prober.run(lr, 40, "trunk", 0.05, 8, start=snapshot)
    assert list(first.losses + rest.losses) == pytest.approx(list(whole.losses), rel=1e-5)


def test_the_halving_search_ends_on_the_last_rung(monkeypatch: pytest.MonkeyPatch) -> None:
    from warmfind import defaults
    from warmfind.probing.search import SearchPlan, search

    monkeypatch.setattr(defaults, "RERANK_MODE", "halving")
    result = search(Prober(build_workload(tf.mlp()), torch.device("cpu")), SearchPlan.for_run(400))
    final = [p for p in result.probes if p.label == "rerank"]
    assert final and all(p.horizon == 200 for p in final) and any(p.label == "rung" for p in result.probes)
    assert result.recommendation is not None and "200-step re-rank" in result.recommendation.explanation[0]
    assert result.recommendation.warmup_steps <= 0.2 * 400  # a rung's warmup fraction never leaks into the recipe
