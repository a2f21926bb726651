"""`warmfind emit` outputs read by the real libraries (skipped when a library is absent).

CI: pip install transformers accelerate omegaconf jsonargparse "torch==<the installed version>" && pip install --no-deps deepspeed
    && pip install hjson py-cpuinfo pydantic msgpack einops ninja numpy
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch
import yaml
from emit_cases import CASES

from warmfind import schedule
from warmfind.recipe.emit import emit_text

SOURCE = "runs/recipe.yaml"


def make_recipe(peak: float, warmup: int, total: int, floor: float, shape: str) -> dict[str, Any]:
    return {
        "warmfind": 1,
        "workload": {"batch_size": 32, "accumulate": 1, "fingerprint": "f00d",
                     "optimizer": {"name": "adamw", "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.01}},
        "recommendation": {"peak_lr": peak, "warmup_steps": warmup, "total_steps": total, "min_lr": floor, "schedule": shape},
    }


def lrs_seen(optimizer: torch.optim.Optimizer, step_scheduler: Any, steps: int) -> list[float]:
    """The LR of the first group at each optimizer step, the scheduler stepped after each update."""
    seen = []
    for _ in range(steps):
        seen.append(float(optimizer.param_groups[0]["lr"]))
        optimizer.step()
        step_scheduler()
    return seen


def key_steps(w: int, t: int) -> list[int]:
    return sorted({s for s in (0, w - 1, w, t - 1) if s >= 0})


@pytest.fixture(scope="module")
def transformers() -> Any:
    return pytest.importorskip("transformers")


@pytest.mark.parametrize("case", list(CASES))
def test_hf_yaml_through_hf_argument_parser_and_get_scheduler(transformers: Any, tmp_path: Path, case: str) -> None:
    recipe = make_recipe(*CASES[case])
    path = tmp_path / "args.yaml"
    path.write_text(emit_text(recipe, "hf", SOURCE))
    (args,) = transformers.HfArgumentParser(transformers.TrainingArguments).parse_yaml_file(str(path))
    peak, w, t = CASES[case][:3]
    assert (args.learning_rate, args.max_steps, args.get_warmup_steps(args.max_steps)) == (peak, t, w)
    optimizer = torch.optim.AdamW(torch.nn.Linear(2, 1).parameters(), lr=args.learning_rate)
    scheduler = transformers.get_scheduler(
        args.lr_scheduler_type, optimizer, num_warmup_steps=args.get_warmup_steps(args.max_steps),
        num_training_steps=args.max_steps, scheduler_specific_kwargs=args.lr_scheduler_kwargs,
    )
    seen = lrs_seen(optimizer, scheduler.step, t)
    for step in key_steps(w, t):
        assert seen[step] == pytest.approx(schedule.lr_at(recipe, step), rel=1e-12, abs=1e-18), step


def test_hf_json_through_parse_json_file(transformers: Any, tmp_path: Path) -> None:
    path = tmp_path / "args.json"
    path.write_text(emit_text(make_recipe(*CASES["typical"]), "hf-json", SOURCE))
    (args,) = transformers.HfArgumentParser(transformers.TrainingArguments).parse_json_file(str(path))
    assert (args.learning_rate, args.warmup_steps, args.max_steps, args.lr_scheduler_kwargs) == (3e-3, 12, 100, {"min_lr": 3e-4})


@pytest.fixture(scope="module")
def warmup_cosine_lr() -> Any:
    pytest.importorskip("deepspeed")
    return pytest.importorskip("deepspeed.runtime.lr_schedules").WarmupCosineLR


@pytest.mark.parametrize("case", ["typical", "no-floor", "odd-values", "constant"])
def test_real_deepspeed_scheduler_lags_one_step_in_warmup_then_matches(warmup_cosine_lr: Any, case: str) -> None:
    recipe = make_recipe(*CASES[case])
    config = json.loads(emit_text(recipe, "deepspeed", SOURCE))
    peak, w, t = CASES[case][:3]
    optimizer = torch.optim.AdamW(torch.nn.Linear(2, 1).parameters(), **config["optimizer"]["params"])
    scheduler = warmup_cosine_lr(optimizer, **config["scheduler"]["params"])
    seen = lrs_seen(optimizer, scheduler.step, t)  # DeepSpeed's engine steps it after each optimizer step
    assert seen[0] == 0.0
    for step in range(1, w + 1):
        assert seen[step] == pytest.approx(peak * (step - 1) / w, rel=1e-12, abs=1e-18), step
    for step in range(w + 1, t):
        assert seen[step] == pytest.approx(schedule.lr_at(recipe, step), rel=1e-12, abs=1e-18), step


def test_deepspeed_auto_is_filled_by_the_hf_trainer(transformers: Any, warmup_cosine_lr: Any, tmp_path: Path) -> None:
    from transformers.integrations.deepspeed import HfTrainerDeepSpeedConfig

    recipe = make_recipe(*CASES["typical"])
    path = tmp_path / "args.yaml"
    path.write_text(emit_text(recipe, "hf", SOURCE))
    (args,) = transformers.HfArgumentParser(transformers.TrainingArguments).parse_yaml_file(str(path))
    ds = HfTrainerDeepSpeedConfig(json.loads(emit_text(recipe, "deepspeed-auto", SOURCE)))
    ds.trainer_config_process(args)
    ds.trainer_config_finalize(args, None, args.max_steps)
    params = ds.config["scheduler"]["params"]
    assert (params["total_num_steps"], params["warmup_num_steps"], ds.config["optimizer"]["params"]["lr"]) == (100, 12, 3e-3)
    assert ds.config["optimizer"]["params"]["betas"] == [0.9, 0.999]
    optimizer = torch.optim.AdamW(torch.nn.Linear(2, 1).parameters(), lr=ds.config["optimizer"]["params"]["lr"])
    seen = lrs_seen(optimizer, warmup_cosine_lr(optimizer, **params).step, 100)
    assert seen[99] == pytest.approx(schedule.lr_at(recipe, 99), rel=1e-12)


@pytest.mark.parametrize("fmt", ["hf", "torchtune", "litgpt", "lightning"])
def test_omegaconf_reads_the_yaml_outputs_like_pyyaml(tmp_path: Path, fmt: str) -> None:
    omegaconf = pytest.importorskip("omegaconf")
    text = emit_text(make_recipe(0.00123456789, 3, 10, 1.23456789e-05, "linear-warmup-cosine"), fmt, SOURCE)
    path = tmp_path / f"{fmt}.yaml"
    path.write_text(text)
    assert omegaconf.OmegaConf.to_container(omegaconf.OmegaConf.load(path)) == yaml.safe_load(text)


def test_torch_snippet_runs_as_a_script(tmp_path: Path) -> None:
    path = tmp_path / "schedule.py"
    recipe = make_recipe(*CASES["typical"])
    path.write_text(emit_text(recipe, "torch", SOURCE))
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.splitlines() == [f"step {s}: lr {schedule.lr_at(recipe, s):.6g}" for s in (0, 12, 99)]


WSD_RECIPE = {"warmfind": 1, "complete": True, "workload": {"optimizer": {"name": "adamw"}},
              "recommendation": {"peak_lr": 3e-3, "warmup_steps": 10, "total_steps": 100, "min_lr": 0.0,
                                 "schedule": "warmup-stable-decay", "decay_fraction": 0.25, "explanation": ["why"]}}


@pytest.mark.parametrize("recipe", [make_recipe(*CASES["typical"]), WSD_RECIPE], ids=["cosine", "wsd"])
def test_lightning_yaml_through_jsonargparse_as_lightning_cli_parses_it(tmp_path: Path, recipe: dict[str, Any]) -> None:
    jsonargparse = pytest.importorskip("jsonargparse")
    path = tmp_path / "lightning.yaml"
    path.write_text(emit_text(recipe, "lightning", SOURCE))
    # LightningCLI.add_configure_optimizers_method_to_model registers these two subclass groups, then
    # lightning's instantiate_class(args, init) imports class_path and calls it with init_args.
    parser = jsonargparse.ArgumentParser(exit_on_error=False)
    parser.add_subclass_arguments((torch.optim.Optimizer,), "optimizer", skip={"params"}, instantiate=False)
    lr_classes = (torch.optim.lr_scheduler.LRScheduler, torch.optim.lr_scheduler.ReduceLROnPlateau)
    parser.add_subclass_arguments(lr_classes, "lr_scheduler", skip={"optimizer"}, instantiate=False)
    parser.add_argument("--trainer", type=dict)
    config = parser.dump(parser.parse_path(str(path)), format="json")
    parsed = json.loads(config)

    def instantiate(args: tuple[Any, ...], init: dict[str, Any]) -> Any:
        module, _, name = init["class_path"].rpartition(".")
        return getattr(__import__(module, fromlist=[name]), name)(*args, **init.get("init_args", {}))

    optimizer = instantiate((torch.nn.Linear(2, 1).parameters(),), parsed["optimizer"])
    scheduler = instantiate((optimizer,), parsed["lr_scheduler"])
    seen = lrs_seen(optimizer, scheduler.step, 100)
    assert seen == pytest.approx([schedule.lr_at(recipe, s) for s in range(100)], rel=1e-12, abs=1e-18)


def test_a_wsd_recipe_is_read_by_the_real_trainer_arguments_and_get_scheduler(tmp_path: Path) -> None:
    """probe -> recipe -> HF config: LR equal at steps 0, W-1, W, the start of the decay and T-1."""
    transformers = pytest.importorskip("transformers")
    import torch
    import yaml

    from warmfind import schedule as wf_schedule

    recipe = {"warmfind": 1, "complete": True,
              "workload": {"batch_size": 32, "optimizer": {"name": "adamw"}, "grad_clip": None},
              "recommendation": {"peak_lr": 3e-3, "warmup_steps": 60, "total_steps": 600, "min_lr": 0.0,
                                 "schedule": "warmup-stable-decay", "decay_fraction": 0.2, "explanation": ["why"]}}
    path = tmp_path / "hf.yaml"
    path.write_text(emit_text(recipe, "hf", "recipe.yaml"))
    (args,) = transformers.HfArgumentParser(transformers.TrainingArguments).parse_yaml_file(
        str(path), allow_extra_keys=False)
    assert args.lr_scheduler_type == "warmup_stable_decay" and args.max_steps == 600
    optimizer = torch.optim.AdamW([torch.nn.Parameter(torch.zeros(1))], lr=args.learning_rate)
    scheduler = transformers.get_scheduler(args.lr_scheduler_type, optimizer, num_warmup_steps=args.warmup_steps,
                                           num_training_steps=args.max_steps, scheduler_specific_kwargs=args.lr_scheduler_kwargs)
    lrs = []
    for _ in range(600):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    for step in (0, 59, 60, 480, 599):  # warmup start and end, the peak, the start of the decay, the last step
        assert lrs[step] == pytest.approx(wf_schedule.lr_at(recipe, step), rel=1e-12, abs=1e-15), step
    assert yaml.safe_load(path.read_text())["lr_scheduler_kwargs"]["num_decay_steps"] == 120


def test_a_wsd_recipe_becomes_a_plain_torch_lambdalr_with_the_exact_lrs(tmp_path: Path) -> None:
    import runpy

    import torch

    from warmfind import schedule as wf_schedule

    recipe = {"warmfind": 1, "complete": True, "workload": {"optimizer": {"name": "adamw"}},
              "recommendation": {"peak_lr": 3e-3, "warmup_steps": 60, "total_steps": 600, "min_lr": 0.0,
                                 "schedule": "warmup-stable-decay", "decay_fraction": 0.2, "explanation": ["why"]}}
    path = tmp_path / "wsd_schedule.py"
    path.write_text(emit_text(recipe, "torch", "recipe.yaml"))
    module = runpy.run_path(str(path))
    assert module["DECAY_STEPS"] == 120
    optimizer = module["build_optimizer"](torch.nn.Linear(2, 1).parameters())
    seen = lrs_seen(optimizer, module["build_scheduler"](optimizer).step, 600)
    assert seen == pytest.approx([wf_schedule.lr_at(recipe, s) for s in range(600)], rel=1e-12, abs=1e-18)
    assert seen[480] == pytest.approx(3e-3) and seen[599] == pytest.approx(3e-3 / 120)  # the decay's start and end


@pytest.mark.parametrize("fmt", ["deepspeed", "torchtune", "litgpt", "nanogpt"])
def test_stacks_without_wsd_refuse_it_in_one_line(fmt: str) -> None:
    from warmfind.errors import WarmfindError

    recipe = {"warmfind": 1, "workload": {}, "recommendation": {
        "peak_lr": 3e-3, "warmup_steps": 60, "total_steps": 600, "min_lr": 0.0, "schedule": "warmup-stable-decay"}}
    with pytest.raises(WarmfindError, match="cannot carry a warmup-stable-decay schedule.*use hf, hf-json"):
        emit_text(recipe, fmt, "recipe.yaml")
