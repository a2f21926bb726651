"""`warmfind emit`: every format parsed back by its stack's loader, and the LR that stack would compute from it.

Each ``*_lr`` helper below re-implements the stack's documented schedule formula exactly as that stack computes
it, reading only the emitted config. Where the stack differs from the recipe by design, the test asserts the
documented difference and that the emitted comment states it.
"""

from __future__ import annotations

import ast
import importlib
import json
import math
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import torch
import yaml
from emit_cases import CASES
from typer.testing import CliRunner

from warmfind import schedule
from warmfind.cli import app
from warmfind.errors import WarmfindError
from warmfind.recipe.emit import FORMATS, emit_text
from warmfind.recipe.emitters.plan import (
    float_literal,
    parse_overrides,
    plan_from_recipe,
)
from warmfind.recipe.schedule import cosine_factor

SOURCE = "runs/charlm.recipe.yaml"



def make_recipe(peak: float, warmup: int, total: int, floor: float, shape: str, optimizer: dict | None = None) -> dict[str, Any]:
    return {
        "warmfind": 1,
        "complete": True,
        "workload": {
            "entrypoint": "examples/charlm.py:make",
            "batch_size": 32,
            "accumulate": 1,
            "optimizer": optimizer or {"name": "adamw", "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.01, "groups": 1},
            "fingerprint": "0123456789abcdef",
        },
        "recommendation": {
            "peak_lr": peak, "warmup_steps": warmup, "total_steps": total, "schedule": shape, "min_lr": floor,
            "rule": "stability-probes", "explanation": ["chosen because"],
            "confidence": {"nearest_unstable_lr": peak * 3, "margin": 3.0, "seeds_agree": True},
        },
    }


@pytest.fixture(params=list(CASES), ids=list(CASES))
def recipe(request: pytest.FixtureRequest) -> dict[str, Any]:
    return make_recipe(*CASES[request.param])


def ours(recipe: dict[str, Any], step: int) -> float:
    return schedule.lr_at(recipe, step)


def key_steps(recipe: dict[str, Any]) -> list[int]:
    rec = recipe["recommendation"]
    w, t = rec["warmup_steps"], rec["total_steps"]
    return sorted({s for s in (0, w - 1, w, t - 1) if s >= 0})


def floor_of(recipe: dict[str, Any]) -> float:
    """The floor the recipe decays to (a constant tail is a floor at the peak)."""
    rec = recipe["recommendation"]
    return rec["peak_lr"] if rec["schedule"] == "linear-warmup-constant" else rec["min_lr"]


def comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.startswith("#"))


def approx(value: float) -> Any:
    return pytest.approx(value, rel=1e-12, abs=1e-18)


# ---------------------------------------------------------------- Hugging Face


def hf_lr(args: dict[str, Any], step: int) -> float:
    """transformers' cosine_with_min_lr: the lambda of get_cosine_with_min_lr_schedule_with_warmup times lr."""
    lr, w, t = args["learning_rate"], args["warmup_steps"], args["max_steps"]
    min_lr_rate = args["lr_scheduler_kwargs"]["min_lr"] / lr  # min_lr / optimizer.defaults["lr"]
    if step < w:
        return lr * (float(step) / float(max(1, w)))
    progress = float(step - w) / float(max(1, t - w))
    factor = 0.5 * (1.0 + math.cos(math.pi * float(0.5) * 2.0 * progress))
    return lr * max(0, factor * (1 - min_lr_rate) + min_lr_rate)


@pytest.mark.parametrize("fmt, load", [("hf", yaml.safe_load), ("hf-json", json.loads)])
def test_hf_arguments_reproduce_the_recipe(recipe: dict[str, Any], fmt: str, load: Any) -> None:
    args = load(emit_text(recipe, fmt, SOURCE))
    rec = recipe["recommendation"]
    assert args["learning_rate"] == rec["peak_lr"] and type(args["warmup_steps"]) is int
    assert (args["warmup_steps"], args["max_steps"]) == (rec["warmup_steps"], rec["total_steps"])
    assert args["lr_scheduler_type"] == "cosine_with_min_lr" and set(args["lr_scheduler_kwargs"]) == {"min_lr"}
    assert (args["adam_beta1"], args["adam_beta2"], args["weight_decay"]) == (0.9, 0.999, 0.01)
    for step in key_steps(recipe):
        assert hf_lr(args, step) == approx(ours(recipe, step)), step


def test_hf_yaml_says_it_counts_optimizer_steps() -> None:
    text = emit_text(make_recipe(*CASES["typical"]), "hf", SOURCE)
    assert "optimizer steps" in comments(text) and "gradient_accumulation_steps" in comments(text)


# ---------------------------------------------------------------- DeepSpeed


def deepspeed_ratio(params: dict[str, Any], iteration: int) -> float:
    """deepspeed.runtime.lr_schedules.WarmupCosineLR.get_lr_ratio at last_batch_iteration = iteration."""
    warmup = max(2, params["warmup_num_steps"])
    if iteration < warmup:
        assert params["warmup_type"] == "linear"
        ratio = iteration / warmup
        return params["warmup_min_ratio"] + ratio * (1.0 - params["warmup_min_ratio"])
    real_last_step = iteration - warmup + 1
    real_total_steps = params["total_num_steps"] - warmup
    ratio = (1 + math.cos(math.pi * real_last_step / real_total_steps)) / 2
    return max(0.0, params["cos_min_ratio"] + (1.0 - params["cos_min_ratio"]) * ratio)


def deepspeed_lr(config: dict[str, Any], step: int) -> float:
    """The LR optimizer step ``step`` runs at: the constructor sets 0, the engine steps the scheduler after each update."""
    lr = config["optimizer"]["params"]["lr"]
    return 0.0 if step == 0 else lr * deepspeed_ratio(config["scheduler"]["params"], step - 1)


@pytest.mark.parametrize("case", ["typical", "no-floor", "odd-values", "constant"])
def test_deepspeed_matches_after_warmup_and_lags_one_step_during_it(case: str) -> None:
    recipe = make_recipe(*CASES[case])
    config = json.loads(emit_text(recipe, "deepspeed", SOURCE))
    peak, w, t = (recipe["recommendation"][k] for k in ("peak_lr", "warmup_steps", "total_steps"))
    assert config["scheduler"]["type"] == "WarmupCosineLR" and config["optimizer"]["params"]["lr"] == peak
    assert config["train_batch_size"] == 32
    assert deepspeed_lr(config, 0) == ours(recipe, 0) == 0.0
    for step in (1, w - 1, w):  # the documented lag: peak * (k - 1) / W instead of peak * k / W
        assert deepspeed_lr(config, step) == pytest.approx(peak * (step - 1) / w, rel=1e-12, abs=1e-18)
        assert ours(recipe, step) - deepspeed_lr(config, step) == pytest.approx(peak / w, rel=1e-9)
    for step in (w + 1, (w + t) // 2, t - 1):
        assert deepspeed_lr(config, step) == approx(ours(recipe, step)), step
    notes = " ".join(config["_warmfind"])
    assert SOURCE in notes and "lags this recipe by one step" in notes and "raises warmup_num_steps below 2" in notes


def test_deepspeed_auto_leaves_numbers_to_the_hf_trainer() -> None:
    recipe = make_recipe(*CASES["typical"])
    config = json.loads(emit_text(recipe, "deepspeed-auto", SOURCE))
    params = config["scheduler"]["params"]
    assert params["total_num_steps"] == params["warmup_num_steps"] == config["optimizer"]["params"]["lr"] == "auto"
    assert params["cos_min_ratio"] == 3e-4 / 3e-3 and params["warmup_type"] == "linear"
    hf_args = yaml.safe_load(emit_text(recipe, "hf", SOURCE))
    # What the HF Trainer fills the "auto" values with, then DeepSpeed's formula on top.
    filled = {**config, "optimizer": {"params": {"lr": hf_args["learning_rate"]}},
              "scheduler": {"params": {**params, "total_num_steps": hf_args["max_steps"],
                                       "warmup_num_steps": max(1, hf_args["warmup_steps"])}}}
    assert deepspeed_lr(filled, 99) == approx(ours(recipe, 99))
    assert "use with --format hf" in " ".join(config["_warmfind"])


# ---------------------------------------------------------------- torchtune


def torchtune_lr(config: dict[str, Any], step: int) -> float:
    """torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup, N = epochs * max_steps_per_epoch."""
    lr, w = config["optimizer"]["lr"], config["lr_scheduler"]["num_warmup_steps"]
    n = config["epochs"] * config["max_steps_per_epoch"]
    if step < w:
        return lr * (step / max(1, w))
    progress = (step - w) / max(1, n - w)
    return lr * max(0.0, 0.5 * (1.0 + math.cos(math.pi * 0.5 * 2.0 * progress)))


def test_torchtune_matches_through_warmup_and_decays_to_zero_not_to_min_lr(recipe: dict[str, Any]) -> None:
    text = emit_text(recipe, "torchtune", SOURCE)
    config = yaml.safe_load(text)
    rec = recipe["recommendation"]
    w, t = rec["warmup_steps"], rec["total_steps"]
    assert config["lr_scheduler"]["_component_"] == "torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup"
    assert config["optimizer"]["_component_"] == "torch.optim.AdamW" and "num_training_steps" not in config["lr_scheduler"]
    for step in key_steps(recipe):
        if step <= w:
            assert torchtune_lr(config, step) == approx(ours(recipe, step))
        else:  # the documented difference: no floor, so lower by min_lr * (1 - c)
            c = cosine_factor(step - w, t - w)
            assert ours(recipe, step) - torchtune_lr(config, step) == pytest.approx(floor_of(recipe) * (1 - c), rel=1e-9, abs=1e-15)
    assert "no floor" in comments(text) and "min_lr * (1 - c(s))" in comments(text) or "constant tail is lost" in comments(text)
    tune = re.search(r"^# tune run .*$", text, re.M)
    assert tune is not None
    overrides = dict(pair.split("=", 1) for pair in tune.group(0).split()[6:])
    assert float(overrides["optimizer.lr"]) == config["optimizer"]["lr"]
    assert int(overrides["lr_scheduler.num_warmup_steps"]) == w and int(overrides["max_steps_per_epoch"]) == t


# ---------------------------------------------------------------- litgpt


def litgpt_get_lr(learning_rate: float, it: int, warmup_iters: int, max_iters: int, min_lr: float) -> float:
    """litgpt.pretrain.get_lr, verbatim in behaviour."""
    if it < warmup_iters:
        return learning_rate * it / warmup_iters
    if it > max_iters:
        return min_lr
    decay_ratio = (it - warmup_iters) / (max_iters - warmup_iters)
    assert 0 <= decay_ratio <= 1
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return min_lr + coeff * (learning_rate - min_lr)


def litgpt_pretrain_lr(config: dict[str, Any], step: int, accumulation: int = 1) -> float:
    """The LR optimizer step ``step`` uses in litgpt pretrain: the one set at its last micro-batch iteration."""
    train = config["train"]
    it = step * accumulation + accumulation - 1
    return litgpt_get_lr(config["optimizer"]["init_args"]["lr"], it, train["lr_warmup_steps"] * accumulation,
                         train["max_steps"] * accumulation, train["min_lr"])


def test_litgpt_pretrain_formula_reproduces_the_recipe(recipe: dict[str, Any]) -> None:
    text = emit_text(recipe, "litgpt", SOURCE)
    config = yaml.safe_load(text)
    assert config["optimizer"]["class_path"] == "torch.optim.AdamW"
    assert config["optimizer"]["init_args"]["betas"] == [0.9, 0.999]
    for step in key_steps(recipe):
        assert litgpt_pretrain_lr(config, step) == approx(ours(recipe, step)), step
    assert "micro-batch iterations" in comments(text) and "max_tokens" in comments(text)


def test_litgpt_pretrain_under_accumulation_runs_ahead_as_documented() -> None:
    recipe = make_recipe(*CASES["typical"])
    text = emit_text(recipe, "litgpt", SOURCE)
    config = yaml.safe_load(text)
    a, w, peak = 4, 12, 3e-3
    for step in (0, 5, 11):
        assert litgpt_pretrain_lr(config, step, a) == pytest.approx(peak * (step * a + a - 1) / (w * a), rel=1e-12)
        assert litgpt_pretrain_lr(config, step, a) > ours(recipe, step)
    assert "peak * (k*A + A - 1) / (W*A)" in comments(text)


def litgpt_finetune_lrs(config: dict[str, Any], steps: int) -> list[float]:
    """litgpt.finetune.*.get_lr_scheduler on a real optimizer, stepped once per optimizer step."""
    init = config["optimizer"]["init_args"]
    optimizer = torch.optim.AdamW(torch.nn.Linear(2, 1).parameters(), **init)
    warmup_steps, max_steps = config["train"]["lr_warmup_steps"], config["train"]["max_steps"]
    scheduler1 = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: step / warmup_steps)
    scheduler2 = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=(max_steps - warmup_steps))
    scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, [scheduler1, scheduler2], milestones=[warmup_steps])
    seen = []
    for _ in range(steps):
        seen.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return seen


@pytest.mark.parametrize("case", ["typical", "no-floor", "odd-values"])
def test_litgpt_finetune_has_no_floor_as_documented(case: str) -> None:
    recipe = make_recipe(*CASES[case])
    config = yaml.safe_load(emit_text(recipe, "litgpt", SOURCE))
    w, t = config["train"]["lr_warmup_steps"], config["train"]["max_steps"]
    seen = litgpt_finetune_lrs(config, t)
    for step in key_steps(recipe):
        c = 1.0 if step <= w else cosine_factor(step - w, t - w)
        gap = recipe["recommendation"]["min_lr"] * (1 - c)
        # CosineAnnealingLR updates recursively, so it only agrees to ~1e-9 relative.
        assert ours(recipe, step) - seen[step] == pytest.approx(gap, rel=1e-6, abs=1e-12), step


def test_litgpt_finetune_needs_a_warmup_step() -> None:
    config = yaml.safe_load(emit_text(make_recipe(*CASES["no-warmup"]), "litgpt", SOURCE))
    with pytest.raises(ZeroDivisionError):
        litgpt_finetune_lrs(config, 1)


# ---------------------------------------------------------------- LightningCLI


def _import(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def test_lightning_classes_instantiate_and_step_the_recipe(recipe: dict[str, Any]) -> None:
    text = emit_text(recipe, "lightning", SOURCE)
    config = yaml.safe_load(text)
    rec = recipe["recommendation"]
    optimizer = _import(config["optimizer"]["class_path"])(torch.nn.Linear(2, 1).parameters(), **config["optimizer"]["init_args"])
    scheduler = _import(config["lr_scheduler"]["class_path"])(optimizer, **config["lr_scheduler"]["init_args"])
    assert config["trainer"]["max_steps"] == rec["total_steps"]
    for step in range(rec["total_steps"]):
        assert optimizer.param_groups[0]["lr"] == approx(ours(recipe, step)), step
        optimizer.step()
        scheduler.step()
    assert '"interval": "step"' in comments(text) and "once per EPOCH" in comments(text)


# ---------------------------------------------------------------- nanoGPT

NANOGPT_DEFAULTS = {"learning_rate": 6e-4, "min_lr": 6e-5, "warmup_iters": 2000, "lr_decay_iters": 600000,
                    "max_iters": 600000, "eval_interval": 2000, "decay_lr": True, "grad_clip": 1.0, "beta1": 0.9,
                    "beta2": 0.95, "weight_decay": 1e-1, "batch_size": 12, "gradient_accumulation_steps": 5 * 8}


def nanogpt_config(text: str) -> dict[str, Any]:
    """The assignments of a config file, each value a literal (the file is exec'd by nanoGPT's configurator)."""
    values = {}
    for node in ast.parse(text).body:
        assert isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def nanogpt_lr(c: dict[str, Any], it: int) -> float:
    """nanoGPT train.py get_lr(it)."""
    if it < c["warmup_iters"]:
        return c["learning_rate"] * (it + 1) / (c["warmup_iters"] + 1)
    if it > c["lr_decay_iters"]:
        return c["min_lr"]
    decay_ratio = (it - c["warmup_iters"]) / (c["lr_decay_iters"] - c["warmup_iters"])
    assert 0 <= decay_ratio <= 1
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return c["min_lr"] + coeff * (c["learning_rate"] - c["min_lr"])


def test_nanogpt_config_types_and_documented_off_by_one(recipe: dict[str, Any]) -> None:
    text = emit_text(recipe, "nanogpt", SOURCE)
    config = nanogpt_config(text)
    rec = recipe["recommendation"]
    w, t, peak = rec["warmup_steps"], rec["total_steps"], rec["peak_lr"]
    assert {k: type(v) for k, v in config.items()} == {k: type(v) for k, v in NANOGPT_DEFAULTS.items()}
    assert config["max_iters"] == t and t % config["eval_interval"] == 0  # the last eval sees the model after t steps
    for step in key_steps(recipe):
        if step < w:  # nanoGPT's (it + 1) / (W + 1) warmup, by design
            assert nanogpt_lr(config, step) == pytest.approx(peak * (step + 1) / (w + 1), rel=1e-12)
            assert nanogpt_lr(config, step) != ours(recipe, step)
        else:
            assert nanogpt_lr(config, step) == approx(ours(recipe, step)), step
    assert "(it + 1) / (warmup_iters + 1)" in text and "Off by one" in text


def test_nanogpt_command_line_overrides_pass_the_configurator_type_check() -> None:
    text = emit_text(make_recipe(*CASES["typical"]), "nanogpt", SOURCE)
    line = next(line for line in text.splitlines() if line.startswith("# or as overrides: python train.py"))
    for arg in line.split()[6:]:
        key, val = arg[2:].split("=", 1)
        attempt = ast.literal_eval(val)  # what configurator.py does, then it asserts the type matches the default
        assert type(attempt) is type(NANOGPT_DEFAULTS[key]), key


# ---------------------------------------------------------------- torch snippet


def test_torch_snippet_runs_and_reproduces_every_step(recipe: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    text = emit_text(recipe, "torch", SOURCE)
    namespace: dict[str, Any] = {"__name__": "emitted"}
    exec(compile(text, "emitted.py", "exec"), namespace)
    optimizer = namespace["build_optimizer"](torch.nn.Linear(3, 1).parameters())
    scheduler = namespace["build_scheduler"](optimizer)
    total = recipe["recommendation"]["total_steps"]
    for step in range(total + 2):
        assert optimizer.param_groups[0]["lr"] == approx(ours(recipe, step)), step
        optimizer.step()
        scheduler.step()
    exec(compile(text, "emitted.py", "exec"), {"__name__": "__main__"})  # the demo loop runs too
    assert f"step {total - 1}: lr" in capsys.readouterr().out
    assert "start_factor > 0" in comments(text)


# ---------------------------------------------------------------- json and env


def test_json_holds_the_schedule_and_its_provenance(recipe: dict[str, Any]) -> None:
    document = json.loads(emit_text(recipe, "json", SOURCE))
    rec = recipe["recommendation"]
    got = document["recommendation"]
    assert (got["peak_lr"], got["warmup_steps"], got["total_steps"]) == (rec["peak_lr"], rec["warmup_steps"], rec["total_steps"])
    assert got["min_lr"] == floor_of(recipe) and got["schedule"] == rec["schedule"] and got["units"] == "optimizer steps"
    provenance = document["provenance"]
    assert provenance["recipe"] == SOURCE and provenance["fingerprint"] == "0123456789abcdef"
    assert provenance["rule"] == "stability-probes" and provenance["optimizer"]["name"] == "adamw"


def test_json_explanation_says_which_schedule_it_describes_after_set() -> None:
    recipe = make_recipe(*CASES["typical"])
    rec = recipe["recommendation"]
    document = json.loads(emit_text(recipe, "json", SOURCE, ["total_steps=5000"]))
    first = document["provenance"]["explanation"][0]
    assert first.startswith(f"measured for {rec['warmup_steps']} warmup steps of {rec['total_steps']}; this config has")
    assert "of 5000 (--set total_steps=5000)" in first
    assert document["provenance"]["explanation"][1:] == rec["explanation"]
    assert json.loads(emit_text(recipe, "json", SOURCE))["provenance"]["explanation"] == rec["explanation"]


def test_env_lines_source_in_a_shell(tmp_path: Path) -> None:
    recipe = make_recipe(*CASES["odd-values"])
    path = tmp_path / "warmfind.env"
    path.write_text(emit_text(recipe, "env", "my runs/recipe.yaml"))
    out = subprocess.run(["bash", "-c", f"set -a; . '{path}'; set +a; env | grep ^WARMFIND_"],
                         capture_output=True, text=True, check=True).stdout
    env = dict(line.split("=", 1) for line in out.splitlines())
    assert float(env["WARMFIND_PEAK_LR"]) == 0.0037 and float(env["WARMFIND_MIN_LR"]) == 0.00041
    assert (int(env["WARMFIND_WARMUP_STEPS"]), int(env["WARMFIND_TOTAL_STEPS"])) == (7, 33)
    assert env["WARMFIND_RECIPE"] == "my runs/recipe.yaml" and env["WARMFIND_SCHEDULE"] == "linear-warmup-cosine"


# ---------------------------------------------------------------- every format


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_output_names_its_recipe_and_its_units(fmt: str) -> None:
    text = emit_text(make_recipe(*CASES["typical"]), fmt, SOURCE)
    if fmt == "hf-json":  # HfArgumentParser refuses unknown keys, so this one cannot carry a header
        assert SOURCE not in text
        return
    assert SOURCE in text and "optimizer steps" in text
    if fmt in ("deepspeed", "deepspeed-auto", "json"):
        assert next(iter(json.loads(text))) == "_warmfind"
    else:
        assert text.startswith(f"# generated by: warmfind emit {SOURCE} --format {fmt}\n")


@pytest.mark.parametrize("fmt", ["hf", "torchtune", "litgpt", "lightning"])
def test_yaml_outputs_keep_floats_exact(fmt: str) -> None:
    recipe = make_recipe(0.00123456789, 3, 10, 1.23456789e-05, "linear-warmup-cosine")
    text = emit_text(recipe, fmt, SOURCE)
    assert "0.00123456789" in text and "1.23456789e-05" in text
    assert yaml.safe_load(text) is not None


@pytest.mark.parametrize("value", [3e-3, 3e-5, 1e-8, 0.1 + 0.2, 1e16, 0.0, 123.0, 6.02e23, 1.5e-300])
def test_float_literal_reads_back_exactly_everywhere(value: float) -> None:
    text = float_literal(value)
    for loaded in (yaml.safe_load(text), json.loads(text), ast.literal_eval(text)):
        assert type(loaded) is float and loaded == value


def test_float_literal_refuses_non_finite() -> None:
    with pytest.raises(WarmfindError):
        float_literal(float("inf"))


# ---------------------------------------------------------------- overrides


def test_overrides_apply_before_emitting() -> None:
    recipe = make_recipe(*CASES["typical"])
    args = yaml.safe_load(emit_text(recipe, "hf", SOURCE, ["total_steps=1000", "min_lr=0"]))
    assert (args["warmup_steps"], args["max_steps"], args["lr_scheduler_kwargs"]["min_lr"]) == (12, 1000, 0.0)
    args = yaml.safe_load(emit_text(recipe, "hf", SOURCE, ["warmup_steps=5", "peak_lr=1e-3"]))
    assert (args["warmup_steps"], args["learning_rate"], args["max_steps"]) == (5, 1e-3, 100)
    text = emit_text(recipe, "nanogpt", SOURCE, ["total_steps=8"])
    assert nanogpt_config(text)["warmup_iters"] == 8 and "cut to 8" in text and text.startswith(f"# generated by: warmfind emit {SOURCE} --format nanogpt --set total_steps=8\n")


def test_parse_overrides_types_and_errors() -> None:
    assert parse_overrides(["total_steps=1e4", "min_lr=3e-5"]) == {"total_steps": 10000, "min_lr": 3e-5}
    for bad in (["total_steps=10.5"], ["total_steps=abc"], ["epochs=3"], ["batch_size=2.5"], ["min_lr"], ["min_lr=x"]):
        with pytest.raises(WarmfindError):
            parse_overrides(bad)


def test_batch_size_moves_lr_warmup_and_length_by_the_noise_rules() -> None:
    recipe = make_recipe(1e-3, 100, 1000, 1e-4, "linear-warmup-cosine")
    recipe["evidence"] = {"gradient_noise_scale": {"batch_size": 32, "b_noise_used": 32.0}}
    text = emit_text(recipe, "hf", SOURCE, ["batch_size=64"])
    args = yaml.safe_load(text)
    # B 32 -> 64, B_noise 32: LR x (1+1)/(1+1/2) = 4/3; warmup steps x (1+1/2)/(1+1) = 0.75; length in examples: 500
    assert args["learning_rate"] == pytest.approx(4e-3 / 3) and args["lr_scheduler_kwargs"]["min_lr"] == pytest.approx(4e-4 / 3)
    assert (args["warmup_steps"], args["max_steps"]) == (75, 500)
    assert "measured at 32 samples per optimizer step and moved to 64" in text and "extrapolation" not in text
    assert "does not support (batch > 2x B_simple; more than 4x" in emit_text(recipe, "hf", SOURCE, ["batch_size=256"])
    assert yaml.safe_load(emit_text(recipe, "hf", SOURCE, ["batch_size=64", "total_steps=2000"]))["max_steps"] == 2000
    assert yaml.safe_load(emit_text(recipe, "hf", SOURCE, ["batch_size=32"]))["warmup_steps"] == 100  # unchanged batch
    del recipe["evidence"]
    with pytest.raises(WarmfindError, match="no gradient noise scale to move the LR and warmup to batch 64"):
        emit_text(recipe, "hf", SOURCE, ["batch_size=64"])


@pytest.mark.parametrize(
    "overrides, message",
    [(["warmup_steps=500"], "warmup_steps (500) <= total_steps (100)"), (["batch_size=0"], "positive integer"), (["min_lr=1.0"], "min_lr"), (["peak_lr=nan"], "finite")],
)
def test_impossible_overrides_are_one_line_errors(overrides: list[str], message: str) -> None:
    with pytest.raises(WarmfindError, match=re.escape(message)) as info:
        emit_text(make_recipe(*CASES["typical"]), "hf", SOURCE, overrides)
    assert "\n" not in str(info.value)


def test_unknown_format_and_missing_recommendation() -> None:
    with pytest.raises(WarmfindError, match="unknown format 'yaml'"):
        emit_text(make_recipe(*CASES["typical"]), "yaml", SOURCE)
    with pytest.raises(WarmfindError, match="no recommendation"):
        plan_from_recipe({"warmfind": 1, "recommendation": None}, SOURCE)


def test_sgd_and_unknown_optimizers() -> None:
    sgd = make_recipe(*CASES["typical"], optimizer={"name": "sgd", "momentum": 0.9, "weight_decay": 0.0, "nesterov": False})
    namespace: dict[str, Any] = {"__name__": "emitted"}
    exec(emit_text(sgd, "torch", SOURCE), namespace)
    optimizer = namespace["build_optimizer"](torch.nn.Linear(2, 1).parameters())
    assert isinstance(optimizer, torch.optim.SGD) and optimizer.param_groups[0]["momentum"] == 0.9
    assert yaml.safe_load(emit_text(sgd, "hf", SOURCE))["optim"] == "sgd"
    lion = make_recipe(*CASES["typical"], optimizer={"name": "lion"})
    assert "no known class" in emit_text(lion, "litgpt", SOURCE)


# ---------------------------------------------------------------- CLI


def write_recipe(tmp_path: Path, recipe: dict[str, Any]) -> Path:
    path = tmp_path / "recipe.yaml"
    path.write_text("# produced by: warmfind probe x.py:make\n" + yaml.safe_dump(recipe, sort_keys=False))
    return path


def test_cli_writes_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    path = write_recipe(tmp_path, make_recipe(*CASES["typical"]))
    runner = CliRunner()
    result = runner.invoke(app, ["emit", str(path), "--format", "hf", "--set", "total_steps=500"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"# generated by: warmfind emit {path} --format hf")
    assert yaml.safe_load(result.stdout)["max_steps"] == 500
    out = tmp_path / "configs" / "ds.json"
    result = runner.invoke(app, ["emit", str(path), "-f", "deepspeed", "--out", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["scheduler"]["params"]["total_num_steps"] == 100


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "yaml"], "unknown format 'yaml'"),
        (["--format", "hf", "--set", "epochs=3"], "--set expects one of"),
        (["--format", "hf", "--set", "warmup_steps=1000"], "cannot emit this schedule"),
        (["--format", "hf", "--set", "batch_size=64"], "no gradient noise scale"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    path = write_recipe(tmp_path, make_recipe(*CASES["typical"]))
    result = CliRunner().invoke(app, ["emit", str(path), *args])
    assert result.exit_code == 2 and message in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("content, message", [(None, "not found"), ("a: [", "not valid YAML"), ("x: 1\n", "not a warmfind recipe")])
def test_cli_bad_recipe_exits_2(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "bad.yaml"
    if content is not None:
        path.write_text(content)
    result = CliRunner().invoke(app, ["emit", str(path), "--format", "hf"])
    assert result.exit_code == 2 and message in result.output
