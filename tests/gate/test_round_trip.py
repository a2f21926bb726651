"""emit -> check: for every format ``check --config`` reads, the plan read back is the plan emit wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from warmfind.gate.planned import read_config
from warmfind.gate.verdicts import check
from warmfind.recipe.emit import emit_text

FILES = {"hf": "args.yaml", "deepspeed": "ds.json", "torchtune": "tune.yaml", "litgpt": "litgpt.yaml", "nanogpt": "lr.py"}


def recipe(batch: int = 32, clip: float | None = 1.0) -> dict[str, Any]:
    return {
        "warmfind": 1, "complete": True,
        "workload": {"batch_size": batch, "accumulate": 1, "fingerprint": "0123456789abcdef", "grad_clip": clip,
                     "optimizer": {"name": "adamw", "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.01, "groups": 1}},
        "recommendation": {"peak_lr": 3e-3, "warmup_steps": 120, "total_steps": 600, "min_lr": 3e-4,
                           "schedule": "linear-warmup-cosine", "rule": "stability-probes", "explanation": ["why"]},
    }


@pytest.mark.parametrize("fmt", list(FILES))
def test_check_reads_back_the_plan_emit_wrote(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / FILES[fmt]
    path.write_text(emit_text(recipe(), fmt, "recipe.yaml", ()))
    planned = read_config(path, fmt)
    assert planned.peak_lr == pytest.approx(3e-3)
    assert (planned.warmup_steps, planned.total_steps) == (120, 600)
    assert (planned.grad_clip, planned.grad_clip_known) == (1.0, True)
    assert planned.batch_size == 32  # every format carries the probed batch (issue 21)
    assert {f.check: f.code for f in check(recipe(), planned)}["batch-size"] == "batch-unchanged"
    shape = "schedule-close" if fmt == "torchtune" else "schedule-as-probed"  # torchtune's cosine has no floor (10% here)
    assert {f.check: f.code for f in check(recipe(), planned)}["schedule"] == shape


@pytest.mark.parametrize(
    ("config", "probed", "code"),
    [
        pytest.param("learning_rate: 3.0e-3\nwarmup_steps: 120\nmax_steps: 600\n", None, "grad-clip-differs",
                     id="hf-without-max_grad_norm-clips-at-1"),
        pytest.param("learning_rate: 3.0e-3\nwarmup_steps: 120\nmax_steps: 600\n", 1.0, "grad-clip-as-probed",
                     id="hf-default-as-probed"),
        pytest.param("learning_rate: 3.0e-3\nwarmup_steps: 120\nmax_steps: 600\nmax_grad_norm: 0.0\n", None,
                     "grad-clip-as-probed", id="hf-clipping-off-as-probed"),
    ],
)
def test_check_warns_when_the_plan_clips_differently(config: str, probed: float | None, code: str, tmp_path: Path) -> None:
    from warmfind.gate.verdicts import check

    path = tmp_path / "args.yaml"
    path.write_text(config)
    found = {f.check: f for f in check(recipe(clip=probed), read_config(path, "hf"))}
    assert found["grad-clip"].code == code
    assert found["grad-clip"].level == ("warning" if code == "grad-clip-differs" else "info")


def test_check_reads_the_planned_shape_and_warns_when_it_differs(tmp_path: Path) -> None:
    from warmfind.gate.verdicts import check

    wsd = recipe()
    wsd["recommendation"].update(schedule="warmup-stable-decay", decay_fraction=0.2, min_lr=0.0)
    path = tmp_path / "args.yaml"
    path.write_text(emit_text(wsd, "hf", "recipe.yaml", ()))
    planned = read_config(path, "hf")
    assert planned.schedule == "warmup-stable-decay"
    assert {f.check: f.code for f in check(wsd, planned)}["schedule"] == "schedule-as-probed"
    cosine = {f.check: f for f in check(recipe(), planned)}["schedule"]
    assert (cosine.level, cosine.code) == ("warning", "schedule-differs")
    path.write_text("learning_rate: 3.0e-3\nwarmup_steps: 120\nmax_steps: 600\n")  # HF's default: linear decay
    linear = {f.check: f for f in check(recipe(), read_config(path, "hf"))}["schedule"]
    assert (linear.level, linear.code) == ("info", "schedule-close") and "within 12% of the peak" in linear.message
