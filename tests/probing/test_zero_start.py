"""Parameters that start at zero (LoRA's B, a zero position embedding) get update ratios with a scale that exists.

Before issue 19 a zero-init position embedding read "restrained x4.5e+14" and triggered the layer-wise advice at
a 2.6e+16x spread; these models reproduce that (ZERO_START_FRACTION = 0 restores the old arithmetic).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import torch
import yaml
from torch import nn
from typer.testing import CliRunner

from warmfind import defaults
from warmfind.cli.app import app
from warmfind.probing.prober import Prober
from warmfind.probing.step_stats import StepRecorder, init_scale, module_groups, zero_start_floors
from warmfind.probing.workload import build_workload
from zero_start_models import LoRALinear, lora_mlp, zero_pos_charlm

FAST = ["--total-steps", "40", "--device", "cpu", "--quiet"]


@pytest.mark.parametrize(("shape", "scale"), [((32, 4), 32**0.5), ((8, 3, 5, 5), 8**0.5), ((16,), 4.0), ((), 1.0)])
def test_init_scale_is_the_norm_of_a_fan_in_init(shape: tuple[int, ...], scale: float) -> None:
    assert init_scale(torch.empty(shape)) == pytest.approx(scale)


def test_only_modules_that_start_near_zero_get_a_floor() -> None:
    model = nn.Sequential(LoRALinear(16, 32, rank=4), nn.LayerNorm(32))
    names, index = module_groups(model)
    floors = dict(zip(names, zero_start_floors([p for p in model.parameters() if p.requires_grad], index, len(names)).tolist()))
    assert names == ("0.lora_A", "0.lora_B", "1")  # the frozen base is not recorded
    assert floors == {"0.lora_A": 0.0, "0.lora_B": pytest.approx(32**0.5), "1": 0.0}


def test_a_zero_module_is_measured_against_its_floor_and_others_against_their_weight() -> None:
    rec = StepRecorder(torch.tensor([0, 1]), 2, torch.tensor([2.0, 0.0]))
    rec.ratio_norms.append(torch.tensor([0.0, 4.0, 0.5, 1.0]))  # |w| per parameter, then |dw|
    rec.ratio_steps.append(0)
    rec.losses.append(torch.tensor(1.0))
    rec.grad_norms.append(torch.tensor(1.0))
    rec.sync()
    assert rec.host_ratios == [(0.25, 0.25)]  # 0.5 / max(0, 2) and 1 / 4


def test_every_update_ratio_of_a_zero_position_embedding_stays_bounded() -> None:
    prober = Prober(build_workload(zero_pos_charlm()), torch.device("cpu"), ratio_every=1)
    run, _ = prober.run(lambda step: 3e-2, steps=12, label="rerank", peak_lr=3e-2)
    assert run.zero_start == ("pos",)
    pos = run.layer_names.index("pos")
    assert all(math.isfinite(row[pos]) and 0 < row[pos] < 1e3 for row in run.update_ratios)
    assert max(max(row) for row in run.update_ratios) < 1e3


def _probe(entrypoint: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["probe", entrypoint, *FAST])
    assert result.exit_code == 0, result.output
    return yaml.safe_load(result.stdout)


@pytest.mark.parametrize(("entrypoint", "zero"), [
    pytest.param("zero_start_models:lora_mlp", ["0.lora_B", "2.lora_B"], id="lora"),
    pytest.param("zero_start_models:zero_pos_charlm", ["pos"], id="zero-pos"),
])
def test_zero_start_modules_give_no_astronomical_restraint_and_no_layer_wise_advice(entrypoint: str, zero: list[str]) -> None:
    recipe = _probe(entrypoint)
    rows = recipe["evidence"]["warmup_by_layer"]["rows"]
    assert [r["layer"] for r in rows if r["zero_start"]] == zero
    assert all(r["restraint"] < 1e3 and r["without_warmup"] < 1e3 and r["with_warmup"] < 1e3 for r in rows)
    assert [a["kind"] for a in recipe["advice"] if a["kind"] != "near-tie"] == []  # no layer-wise (or other) advice
    assert any("started at zero" in line for line in recipe["recommendation"]["explanation"])


def test_without_the_floor_the_old_artefact_comes_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """The regression the floor fixes: against |w| alone the LoRA model's B matrices move 'infinitely' fast."""
    monkeypatch.setattr(defaults, "ZERO_START_FRACTION", 0.0)
    recipe = _probe("zero_start_models:lora_mlp")
    assert recipe["advice"] and recipe["advice"][0]["spread"] > 1e6
    assert lora_mlp()["model"][0].lora_B.weight.abs().max() == 0  # the factory really starts B at zero
