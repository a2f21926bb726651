"""``warmfind check`` end to end on a tiny seeded CPU workload, probed once per session and cached."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import torch
from typer.testing import CliRunner

from warmfind.cli import app
from warmfind.gate.verdicts import read_evidence, stable_lr

torch.set_num_threads(1)

FACTORY = '''
import torch
from torch import nn

def build(batch_size: int = 32):
    with open(__file__ + ".calls", "a") as calls:  # counts factory calls
        calls.write("x")
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(512, 8, generator=g)
    y = torch.tanh(x @ torch.randn(8, 1, generator=g)) + 0.05 * torch.randn(512, 1, generator=g)
    data = [(x[i:i + batch_size], y[i:i + batch_size]) for i in range(0, 512, batch_size)]
    return {"model": nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1)), "data": data}
'''
TOTAL = 60
runner = CliRunner()


@pytest.fixture(scope="session")
def probed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Probe the tiny workload once through ``check --cache``; later runs hit the cache."""
    root = tmp_path_factory.mktemp("check")
    (root / "tiny.py").write_text(FACTORY)
    entry, cache = f"{root / 'tiny.py'}:build", root / "cache"
    result = runner.invoke(app, ["check", entry, "--lr", "1e-3", "--total-steps", str(TOTAL), "--device", "cpu",
                                 "--cache", str(cache), "--exit-zero"])
    assert result.exit_code == 0, result.output
    (recipe_path,) = cache.glob("*.yaml")
    from warmfind.recipe.schema import load_recipe

    calls = len((root / "tiny.py.calls").read_text())
    return {"root": root, "entry": entry, "cache": cache, "recipe": load_recipe(recipe_path), "first": result.output,
            "calls": calls}


def invoke(probed: dict[str, Any], *args: str, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, ["check", probed["entry"], "--cache", str(probed["cache"]), *args], env=env)


def hf_config(probed: dict[str, Any], lr: float, warmup: int, name: str) -> Path:
    path = probed["root"] / name
    path.write_text(f"# planned run\noutput_dir: out\nlearning_rate: {lr!r}\nwarmup_steps: {warmup}\nmax_steps: {TOTAL}\n"
                    f"per_device_train_batch_size: 32\n")
    return path


def recommended(probed: dict[str, Any]) -> tuple[float, int]:
    rec = probed["recipe"]["recommendation"]
    return rec["peak_lr"], rec["warmup_steps"]


def test_first_run_probes_second_hits_cache(probed: dict[str, Any]) -> None:
    assert "cache miss" in probed["first"]
    result = invoke(probed, "--lr", "1e-3", "--total-steps", str(TOTAL), "--exit-zero")
    assert result.exit_code == 0 and "cache hit" in result.output


def test_check_builds_the_workload_once_and_probes_as_probe_does(probed: dict[str, Any]) -> None:
    # the fingerprint and the probe share one factory call, and that sharing leaves the probe unchanged
    assert probed["calls"] == 1
    out = probed["root"] / "probe.yaml"
    result = runner.invoke(app, ["probe", probed["entry"], "--total-steps", str(TOTAL), "--device", "cpu", "--quiet",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    from warmfind.recipe.schema import load_recipe

    mine, theirs = load_recipe(out)["recommendation"], probed["recipe"]["recommendation"]
    assert (mine["peak_lr"], mine["warmup_steps"]) == (theirs["peak_lr"], theirs["warmup_steps"])
    assert [p["loss"] for p in load_recipe(out)["evidence"]["probes"]] == [p["loss"] for p in probed["recipe"]["evidence"]["probes"]]


def test_lr_at_4x_the_stable_limit_fails_with_annotation_on_the_lr_line(probed: dict[str, Any]) -> None:
    peak, warmup = recommended(probed)
    frontier = stable_lr(read_evidence(probed["recipe"]).trials, warmup / TOTAL)
    assert frontier is not None
    config = hf_config(probed, 4 * frontier.lr, warmup, "too_high.yaml")
    result = invoke(probed, "--config", str(config), "--output-format", "github")
    assert result.exit_code == 1, result.output
    assert f"::error file={config},line=3,title=warmfind peak-lr-limit::" in result.stdout


def test_recommended_settings_pass(probed: dict[str, Any]) -> None:
    peak, warmup = recommended(probed)
    config = hf_config(probed, peak, warmup, "recommended.yaml")
    result = invoke(probed, "--config", str(config))
    assert result.exit_code == 0, result.output
    assert "warmfind check passed" in result.stdout


def test_exit_zero_and_strict(probed: dict[str, Any]) -> None:
    peak, warmup = recommended(probed)
    config = hf_config(probed, 100 * peak, warmup, "advisory.yaml")
    assert invoke(probed, "--config", str(config), "--exit-zero").exit_code == 0
    far_below = hf_config(probed, peak / 10, warmup, "far_below.yaml")
    assert invoke(probed, "--config", str(far_below)).exit_code == 0  # a warning alone passes
    assert invoke(probed, "--config", str(far_below), "--strict").exit_code == 1


def test_malformed_config_is_a_one_line_usage_error(probed: dict[str, Any]) -> None:
    bad = probed["root"] / "bad.yaml"
    bad.write_text("learning_rate: [3e-4\nwarmup_steps: 10\n")
    result = invoke(probed, "--config", str(bad))
    assert result.exit_code == 2
    assert "error:" in result.output and "not valid YAML" in result.output and "Traceback" not in result.output


def test_missing_lr_is_a_usage_error(probed: dict[str, Any]) -> None:
    result = invoke(probed, "--warmup-steps", "3")
    assert result.exit_code == 2 and "no planned peak LR" in result.output


def test_junit_parses_one_case_per_check(probed: dict[str, Any]) -> None:
    peak, warmup = recommended(probed)
    config = hf_config(probed, 4 * peak * 16, warmup, "junit.yaml")
    out = probed["root"] / "report.xml"
    result = invoke(probed, "--config", str(config), "--output-format", "junit", "-o", str(out))
    assert result.exit_code == 1
    suite = ET.parse(out).getroot().find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert {c.get("name") for c in cases} >= {"peak-lr-limit", "warmup", "peak-lr-margin", "batch-size"}
    assert int(suite.get("failures", "0")) == sum(1 for c in cases if c.find("failure") is not None) >= 1


def test_json_and_step_summary(probed: dict[str, Any]) -> None:
    peak, warmup = recommended(probed)
    summary = probed["root"] / "summary.md"
    result = invoke(probed, "--lr", str(peak), "--warmup-steps", str(warmup), "--total-steps", str(TOTAL),
                    "--output-format", "json", env={"GITHUB_STEP_SUMMARY": str(summary)})
    document = json.loads(result.stdout)
    assert document["verdict"] in ("pass", "warn") and document["evidence"]["source"] == "cache"
    assert "| `peak-lr-limit` |" in summary.read_text()


def test_recipe_reused_only_when_fingerprint_matches(probed: dict[str, Any]) -> None:
    from warmfind.recipe.schema import write_recipe

    stale = dict(probed["recipe"], workload={**probed["recipe"]["workload"], "fingerprint": "0000"})
    path = probed["root"] / "stale.yaml"
    write_recipe(stale, path)
    matching = probed["root"] / "matching.yaml"
    write_recipe(probed["recipe"], matching)
    result = runner.invoke(app, ["check", probed["entry"], "--recipe", str(matching), "--lr", "1e-3", "--exit-zero"])
    assert "matches the workload" in result.output
    result = invoke(probed, "--recipe", str(path), "--lr", "1e-3", "--total-steps", str(TOTAL), "--exit-zero")
    assert "another workload" in result.output and "cache hit" in result.output


def calls(probed: dict[str, Any]) -> int:
    return len((probed["root"] / "tiny.py.calls").read_text())


def test_recipe_and_config_alone_judge_without_building_anything(probed: dict[str, Any]) -> None:
    """Issue 21.5: `check --recipe R --config C` needs no entrypoint and never calls the factory."""
    from warmfind.recipe.schema import write_recipe

    path = probed["root"] / "alone.yaml"
    write_recipe(probed["recipe"], path)
    lr, warmup = recommended(probed)
    config = hf_config(probed, lr, warmup, "alone_hf.yaml")
    before = calls(probed)
    result = runner.invoke(app, ["check", "--recipe", str(path), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "judged as it is" in result.output and "peak-lr-limit" in result.output and calls(probed) == before
    result = runner.invoke(app, ["check", "--cache", str(probed["cache"]), "--lr", str(lr), "--total-steps", str(TOTAL)])
    assert result.exit_code == 0 and "cache entry" in result.output and calls(probed) == before


def test_fingerprint_builds_the_recipes_own_entrypoint(probed: dict[str, Any]) -> None:
    from warmfind.recipe.schema import write_recipe

    path = probed["root"] / "own.yaml"
    write_recipe(probed["recipe"], path)
    before = calls(probed)
    result = runner.invoke(app, ["check", "--recipe", str(path), "--fingerprint", "--lr", "1e-3", "--exit-zero"])
    assert result.exit_code == 0 and "matches the workload" in result.output and calls(probed) == before + 1


def test_no_workload_and_no_evidence_is_a_usage_error() -> None:
    result = runner.invoke(app, ["check", "--lr", "1e-3"])
    assert result.exit_code == 2 and "no workload to judge" in result.output


def test_a_transformers_5_config_with_a_warmup_ratio_in_warmup_steps_passes(probed: dict[str, Any]) -> None:
    """Issue 21.2/21.3: `warmup_steps: 0.1` is HF 5's ratio, and HF's default `linear` schedule is compared."""
    from warmfind.recipe.schema import write_recipe

    path = probed["root"] / "hf5.yaml"
    write_recipe(probed["recipe"], path)
    lr, _ = recommended(probed)
    config = probed["root"] / "hf5_args.yaml"
    config.write_text(f"output_dir: out\nlearning_rate: {lr!r}\nwarmup_steps: 0.1\nmax_steps: {TOTAL}\n"
                      "per_device_train_batch_size: 32\nmax_grad_norm: 0.0\n")
    transformers = pytest.importorskip("transformers")
    (args,) = transformers.HfArgumentParser(transformers.TrainingArguments).parse_yaml_file(str(config))
    assert args.get_warmup_steps(TOTAL) == 6  # the real TrainingArguments reads 0.1 as a ratio
    result = runner.invoke(app, ["check", "--recipe", str(path), "--config", str(config), "--output-format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    found = {f["check"]: f for f in report["findings"]}
    assert report["planned"]["warmup_ratio"] == 0.1 and report["planned"]["warmup_steps"] is None
    assert found["schedule"]["code"] in ("schedule-close", "schedule-as-probed") and "linear" in found["schedule"]["message"]
    assert found["batch-size"]["code"] == "batch-unchanged"
