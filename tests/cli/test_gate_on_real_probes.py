"""The gate on real probes of three tiny workloads: plans at 1x..64x the recommendation and at the divergence LR.

1x must pass; every plan at or above the range test's divergence LR (with no warmup) must fail with exit 1; every
verdict names its evidence. The probes run once per workload (module fixture) and ``check --recipe`` reuses them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from warmfind.cli import app

runner = CliRunner()
WORKLOADS = {
    "sgd-classifier": ["tiny_factories:sgd_classifier"],
    "adam-mlp": ["tiny_factories:mlp"],
    "transformer": ["warmfind.workloads.charlm:build", "--set", "d_model=16", "--set", "seq_len=16", "--batch-size", "8"],
}
FACTORS = (1, 2, 4, 16, 64)


@pytest.fixture(scope="module", params=list(WORKLOADS))
def probed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    args = WORKLOADS[request.param]
    out = tmp_path_factory.mktemp(request.param) / "recipe.yaml"
    result = runner.invoke(app, ["probe", *args, "--total-steps", "60", "--device", "cpu", "--quiet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {"args": args, "recipe": out, "data": yaml.safe_load(out.read_text())}


def verdict(probed: dict[str, Any], lr: float) -> tuple[int, dict[str, Any]]:
    entry = probed["args"][0]
    extra = probed["args"][1:]
    sets = [a for i, a in enumerate(extra) if extra[i - 1] == "--set" or a == "--set"] if "--set" in extra else []
    batch = ["--batch-size", extra[extra.index("--batch-size") + 1]] if "--batch-size" in extra else []
    result = runner.invoke(app, ["check", entry, *sets, *batch, "--recipe", str(probed["recipe"]), "--lr", f"{lr:.6g}",
                                 "--warmup-steps", "0", "--total-steps", "60", "--device", "cpu", "--quiet",
                                 "--output-format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def test_plans_from_the_recommendation_up_to_the_divergence_lr(probed: dict[str, Any]) -> None:
    peak = probed["data"]["recommendation"]["peak_lr"]
    divergence = probed["data"]["evidence"]["lr_range_test"]["divergence_lr"]
    code, report = verdict(probed, peak)
    findings = report["findings"] if isinstance(report, dict) else report
    assert code == 0, findings
    for factor in FACTORS:
        lr = peak * factor
        code, report = verdict(probed, lr)
        findings = report["findings"] if isinstance(report, dict) else report
        assert all(f["reason"] for f in findings)  # every verdict names its evidence
        if divergence is not None and lr >= divergence:
            assert code == 1, (factor, findings)
    if divergence is not None:  # a range test that never diverged bounds nothing
        assert verdict(probed, divergence)[0] == 1
