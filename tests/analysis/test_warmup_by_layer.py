"""What warmup does to each layer, on hand-made update-ratio tables with exact answers."""

from __future__ import annotations

import math

import pytest

from warmfind.analysis.layers import (
    LayerReport,
    early_ratio,
    pick_pair,
    restraint_line,
    warmup_restraint,
)
from warmfind.analysis.runs import ProbeRun

NAMES = ("embed", "block.0", "block.1", "head")


def run(lr: float, warmup: int, ratios: list[tuple[float, ...]], label: str = "rerank", horizon: int = 10) -> ProbeRun:
    n = len(ratios)
    return ProbeRun(label=label, peak_lr=lr, warmup_steps=warmup, planned_steps=horizon, schedule="linear-warmup-cosine",
                    lrs=(lr,) * n, losses=(1.0,) * n, grad_norms=(1.0,) * n, layer_names=NAMES,
                    update_ratios=tuple(ratios), stopped=None, seconds=0.0)


# Without warmup every module moves 0.1 a step; with a 4-step warmup the deeper modules move 4x and 8x less.
PLAIN = run(0.01, 0, [(0.1, 0.1, 0.1, 0.1)] * 10)
WARM = run(0.01, 4, [(0.05, 0.05, 0.025, 0.0125)] * 4 + [(0.1, 0.1, 0.1, 0.1)] * 6)


def test_early_ratio_averages_the_first_steps_and_skips_non_finite() -> None:
    assert early_ratio([(1.0,), (3.0,), (100.0,)], 2, 0) == 2.0
    assert early_ratio([(math.nan,), (3.0,)], 2, 0) == 3.0
    assert math.isnan(early_ratio([], 2, 0))


def test_restraint_is_measured_over_the_warmup_and_says_deeper_layers_moved_less() -> None:
    report = warmup_restraint(PLAIN, WARM)
    assert report is not None and report.steps == 4
    assert [round(r.restraint, 6) for r in report.rows] == [2.0, 2.0, 4.0, 8.0]
    line = restraint_line(report)
    assert line.startswith("warmup at 1.0e-02 restrained 'head' x8, 'block.1' x4 most over its first 4 steps")
    assert "deeper modules were restrained more" in line


def test_even_restraint_is_called_even() -> None:
    even = run(0.01, 4, [(0.05,) * 4] * 10)
    assert "about even across depth" in restraint_line(warmup_restraint(PLAIN, even))  # type: ignore[arg-type]


def test_pick_pair_takes_the_rerank_pair_nearest_the_peak() -> None:
    far_plain, far_warm = run(0.04, 0, PLAIN.update_ratios), run(0.04, 4, WARM.update_ratios)
    screen = run(0.01, 4, WARM.update_ratios, label="screen")
    assert pick_pair([far_plain, far_warm, PLAIN, WARM, screen], 0.012) == (PLAIN, WARM)
    assert pick_pair([far_plain, far_warm], 0.012) == (far_plain, far_warm)
    assert pick_pair([WARM], 0.01) is None  # no no-warmup run to compare with


@pytest.mark.parametrize("names", [("a", "b"), ()])
def test_runs_of_other_modules_are_not_compared(names: tuple[str, ...]) -> None:
    other = ProbeRun(**{**WARM.__dict__, "layer_names": names})
    assert warmup_restraint(PLAIN, other) is None



def _report(ratios: dict[str, float]) -> LayerReport:
    from warmfind.analysis.layers import LayerReport, LayerRestraint

    rows = tuple(LayerRestraint(name, i, r, r / 4, 4.0) for i, (name, r) in enumerate(ratios.items()))
    return LayerReport(0.1, 20, 20, rows)


def test_layer_advice_names_the_rule_for_the_optimiser_and_the_layers_when_the_spread_is_over_the_threshold() -> None:
    from warmfind.analysis.layers import layer_advice

    report = _report({"embed": 5e-4, "block": 1e-2, "block2": 2e-2, "head": 1e-1})
    sgd = layer_advice(report, "sgd", threshold=100)
    assert sgd is not None and round(sgd.spread) == 200
    assert sgd.fastest == ("head", "block2") and sgd.slowest == ("embed", "block")
    assert "LARS" in sgd.sentence() and "'head', 'block2' move most" in sgd.sentence()
    three = layer_advice(_report({"embed": 5e-4, "block": 1e-2, "head": 1e-1}), "sgd", threshold=100)
    assert three is not None and (three.fastest, three.slowest) == (("head",), ("embed",))  # never the same module
    assert "did not change the optimiser" in sgd.sentence()
    assert "LAMB" in layer_advice(report, "adam", threshold=100).remedy  # type: ignore[union-attr]
    assert "per-layer learning rates" in layer_advice(report, "other", threshold=100).remedy  # type: ignore[union-attr]
    assert layer_advice(report, "sgd", threshold=250) is None  # 200x is under a 250x threshold
    assert layer_advice(_report({"only": 1e-2}), "sgd", threshold=1) is None
