"""Issue 21: the optimizer the hook built (a lambda here), its groups and the probed batch reach every stack's config.

The recipe's workload block comes from ``measure.describe`` on a real ``Prober``, as a probe writes it; each output
is read back by the stack's own reader where it is installed (transformers, DeepSpeed, jsonargparse as LightningCLI
and litgpt use it, OmegaConf + ``_component_`` instantiation as torchtune does, nanoGPT's configurator exec).
"""

from __future__ import annotations

import ast
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
import torch
import yaml

from warmfind.probing.measure import describe
from warmfind.probing.options import ProbeOptions
from warmfind.probing.prober import Prober
from warmfind.probing.workload import build_workload, model_architecture
from warmfind.recipe.emit import emit_text

SOURCE = "runs/lambda.recipe.yaml"
BETAS, WEIGHT_DECAY, BATCH = (0.9, 0.95), 0.1, 16


def probed_recipe(optimizer: Any, accumulate: int = 1) -> dict[str, Any]:
    """A recipe whose workload block is what a probe of an MLP with this optimizer hook records."""
    model = torch.nn.Sequential(torch.nn.Linear(8, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))
    data = [(torch.randn(BATCH, 8), torch.randn(BATCH, 1)) for _ in range(2)]
    workload = build_workload({"model": model, "data": data, "optimizer": optimizer})
    options = ProbeOptions(entrypoint="tiny:mlp", accumulate=accumulate)
    info = describe(Prober(workload, torch.device("cpu"), accumulate=accumulate), options, torch.device("cpu"))
    return {"warmfind": 1, "complete": True, "workload": asdict(info),
            "recommendation": {"peak_lr": 3e-3, "warmup_steps": 10, "total_steps": 100, "min_lr": 3e-4,
                               "schedule": "linear-warmup-cosine", "explanation": ["why"]}}


@pytest.fixture(scope="module")
def recipe() -> dict[str, Any]:
    return probed_recipe(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=WEIGHT_DECAY, betas=BETAS))


def test_the_recipe_records_the_instance_not_the_hook(recipe: dict[str, Any]) -> None:
    optimizer = recipe["workload"]["optimizer"]
    assert (optimizer["name"], optimizer["class"], optimizer["betas"], optimizer["weight_decay"]) == (
        "adamw", "torch.optim.AdamW", list(BETAS), WEIGHT_DECAY)
    assert "param_groups" not in optimizer and optimizer["groups"] == 1


def test_groups_are_recorded_with_their_lr_ratio_and_settings() -> None:
    def grouped(params: Any, lr: float) -> torch.optim.Optimizer:
        first, *rest = list(params)
        return torch.optim.SGD([{"params": [first], "lr": lr * 0.1, "weight_decay": 0.0},
                                {"params": rest}], lr=lr, momentum=0.9, nesterov=True, weight_decay=1e-4)

    block = probed_recipe(grouped)["workload"]["optimizer"]
    assert block["name"] == "sgd" and block["groups"] == 2
    first, second = block["param_groups"]
    assert first["lr_ratio"] == 1.0 and second["lr_ratio"] == pytest.approx(10.0)
    assert (first["weight_decay"], second["weight_decay"], second["momentum"], second["nesterov"]) == (0.0, 1e-4, 0.9, True)
    text = emit_text(probed_recipe(grouped), "hf", SOURCE)
    assert "2 parameter groups (group 1: lr_ratio 10" in text and "weight_decay 0.0001" in text


def test_the_real_hf_argument_parser_and_trainer_find_the_optimizer_and_batch(recipe: dict[str, Any], tmp_path: Path) -> None:
    transformers = pytest.importorskip("transformers")
    path = tmp_path / "hf.yaml"
    path.write_text(emit_text(recipe, "hf", SOURCE))
    (args,) = transformers.HfArgumentParser(transformers.TrainingArguments).parse_yaml_file(str(path), allow_extra_keys=False)
    assert (args.weight_decay, args.adam_beta1, args.adam_beta2, args.adam_epsilon) == (WEIGHT_DECAY, *BETAS, 1e-8)
    assert (args.per_device_train_batch_size, args.gradient_accumulation_steps) == (BATCH, 1)
    cls, kwargs = transformers.Trainer.get_optimizer_cls_and_kwargs(args)
    assert cls is torch.optim.AdamW and kwargs["betas"] == BETAS and kwargs["eps"] == 1e-8


def test_hf_writes_the_accumulation_a_probe_used(tmp_path: Path) -> None:
    transformers = pytest.importorskip("transformers")
    recipe = probed_recipe(lambda params, lr: torch.optim.AdamW(params, lr=lr), accumulate=4)
    path = tmp_path / "hf.yaml"
    path.write_text(emit_text(recipe, "hf", SOURCE))
    (args,) = transformers.HfArgumentParser(transformers.TrainingArguments).parse_yaml_file(str(path))
    assert (args.per_device_train_batch_size, args.gradient_accumulation_steps) == (BATCH // 4, 4)


def test_hf_sgd_momentum_goes_through_optim_args(tmp_path: Path) -> None:
    transformers = pytest.importorskip("transformers")
    recipe = probed_recipe(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True, weight_decay=1e-4))
    path = tmp_path / "hf.yaml"
    path.write_text(emit_text(recipe, "hf", SOURCE))
    (args,) = transformers.HfArgumentParser(transformers.TrainingArguments).parse_yaml_file(str(path))
    cls, kwargs = transformers.Trainer.get_optimizer_cls_and_kwargs(args)
    assert cls is torch.optim.SGD and (kwargs["momentum"], kwargs["nesterov"], args.weight_decay) == (0.9, True, 1e-4)


def test_the_real_deepspeed_config_reads_optimizer_and_batch(recipe: dict[str, Any]) -> None:
    config = pytest.importorskip("deepspeed.runtime.config")
    ds = config.DeepSpeedConfig(json.loads(emit_text(recipe, "deepspeed", SOURCE)))
    assert ds.optimizer_name == "adamw" and ds.train_batch_size == BATCH
    assert (ds.optimizer_params["betas"], ds.optimizer_params["weight_decay"]) == (list(BETAS), WEIGHT_DECAY)


def _instantiate(spec: dict[str, Any], *args: Any) -> Any:
    """What torchtune's ``config.instantiate`` and jsonargparse's class_path do: import the path, call it with the rest."""
    path = spec.get("_component_") or spec["class_path"]
    kwargs = spec.get("init_args") or {k: v for k, v in spec.items() if k != "_component_"}
    module, _, name = path.rpartition(".")
    return getattr(__import__(module, fromlist=[name]), name)(*args, **kwargs)


def test_torchtune_config_through_omegaconf_builds_the_optimizer_and_batch(recipe: dict[str, Any], tmp_path: Path) -> None:
    omegaconf = pytest.importorskip("omegaconf")
    path = tmp_path / "tune.yaml"
    path.write_text(emit_text(recipe, "torchtune", SOURCE))
    config = omegaconf.OmegaConf.to_container(omegaconf.OmegaConf.load(path))
    optimizer = _instantiate(config["optimizer"], torch.nn.Linear(2, 1).parameters())
    group = optimizer.param_groups[0]
    assert isinstance(optimizer, torch.optim.AdamW) and (tuple(group["betas"]), group["weight_decay"]) == (BETAS, WEIGHT_DECAY)
    assert config["batch_size"] == BATCH


@pytest.mark.parametrize("fmt", ["litgpt", "lightning"])
def test_class_path_configs_through_jsonargparse_build_the_optimizer(recipe: dict[str, Any], tmp_path: Path, fmt: str) -> None:
    jsonargparse = pytest.importorskip("jsonargparse")
    path = tmp_path / f"{fmt}.yaml"
    path.write_text(emit_text(recipe, fmt, SOURCE))
    parser = jsonargparse.ArgumentParser(exit_on_error=False)
    parser.add_subclass_arguments((torch.optim.Optimizer,), "optimizer", skip={"params"}, instantiate=False)
    for key in ("train", "trainer", "lr_scheduler"):
        parser.add_argument(f"--{key}", type=dict)
    parsed = json.loads(parser.dump(parser.parse_path(str(path)), format="json"))
    optimizer = _instantiate(parsed["optimizer"], torch.nn.Linear(2, 1).parameters())
    group = optimizer.param_groups[0]
    assert isinstance(optimizer, torch.optim.AdamW) and (tuple(group["betas"]), group["weight_decay"]) == (BETAS, WEIGHT_DECAY)
    if fmt == "litgpt":
        assert (parsed["train"]["global_batch_size"], parsed["train"]["micro_batch_size"]) == (BATCH, BATCH)


def test_nanogpt_config_carries_beta2_and_weight_decay(recipe: dict[str, Any]) -> None:
    text = emit_text(recipe, "nanogpt", SOURCE)
    config = {n.targets[0].id: ast.literal_eval(n.value) for n in ast.parse(text).body if isinstance(n, ast.Assign)}
    assert (config["beta1"], config["beta2"], config["weight_decay"], config["batch_size"]) == (*BETAS, WEIGHT_DECAY, BATCH)
    assert "decays only tensors with 2+ dimensions" in text


def test_formats_that_cannot_carry_a_setting_say_so() -> None:
    recipe = probed_recipe(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9))
    assert "nanoGPT (train.py always builds torch.optim.AdamW) cannot build the probed optimizer torch.optim.SGD" in \
        emit_text(recipe, "nanogpt", SOURCE)
    eps = probed_recipe(lambda params, lr: torch.optim.AdamW(params, lr=lr, eps=1e-6))
    assert "no key for the probed eps = 1e-06" in emit_text(eps, "nanogpt", SOURCE)
    adam = probed_recipe(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=0.01))
    hf = emit_text(adam, "hf", SOURCE)
    assert "L2 term" in hf and "weight_decay" not in yaml.safe_load(hf)
    assert json.loads(emit_text(adam, "deepspeed", SOURCE))["optimizer"]["params"]["adam_w_mode"] is False


def test_an_older_recipe_naming_the_hook_has_its_class_inferred() -> None:
    old = {"warmfind": 1, "workload": {"batch_size": 8, "optimizer": {"name": "<lambda>", "betas": [0.9, 0.95], "eps": 1e-8,
                                                                      "weight_decay": 0.1, "decoupled_weight_decay": True}},
           "recommendation": {"peak_lr": 1e-3, "warmup_steps": 0, "total_steps": 10}}
    text = emit_text(old, "hf", SOURCE)
    args = yaml.safe_load(text)
    assert (args["optim"], args["weight_decay"], args["adam_beta2"]) == ("adamw_torch", 0.1, 0.95)
    assert "names the optimizer hook '<lambda>'" in text


def test_the_architecture_is_read_off_the_model_or_its_config() -> None:
    class Config:
        n_layer, n_embd, block_size, dropout = 4, 128, 64, 0.0

    model = torch.nn.Linear(2, 2)
    model.config = Config()  # type: ignore[assignment]
    assert model_architecture(model) == {"n_layer": 4, "n_embd": 128, "block_size": 64, "dropout": 0.0}
    assert model_architecture(torch.nn.Linear(2, 2)) == {}


def test_hf_json_says_on_stderr_what_it_cannot_carry(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warmfind.cli import app
    from warmfind.recipe.schema import write_recipe

    path = tmp_path / "r.yaml"
    write_recipe(probed_recipe(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=0.01)), path)
    result = CliRunner().invoke(app, ["emit", str(path), "--format", "hf-json", "--out", str(tmp_path / "a.json")])
    assert result.exit_code == 0 and "L2 term" in result.output
    assert "weight_decay" not in json.loads((tmp_path / "a.json").read_text())
