"""Issue 23: an emitted nanoGPT config run through train.py's loop as its source defines it, and check on nanoGPT configs.

train.py's loop, written here from its definition: at each iteration it sets the LR, evaluates and checkpoints when
``iter_num % eval_interval == 0`` (before that iteration's update), trains one step, increments ``iter_num`` and
stops once ``iter_num > max_iters``.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from warmfind.gate.planned import read_config
from warmfind.gate.verdicts import check
from warmfind.recipe.emit import emit_text

TRAIN_DEFAULTS = {"eval_interval": 2000, "max_iters": 600000, "beta1": 0.9, "beta2": 0.95, "weight_decay": 1e-1}


def recipe(total: int = 600, betas: tuple[float, float] = (0.9, 0.99), architecture: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "warmfind": 1, "complete": True,
        "workload": {"batch_size": 64, "accumulate": 1, "fingerprint": "0123456789abcdef", "grad_clip": 1.0,
                     "architecture": architecture or {"n_layer": 4, "n_head": 4, "n_embd": 128, "block_size": 64,
                                                      "dropout": 0.0},
                     "optimizer": {"name": "adamw", "class": "torch.optim.AdamW", "betas": list(betas), "eps": 1e-8,
                                   "weight_decay": 0.05, "groups": 1}},
        "recommendation": {"peak_lr": 1e-3, "warmup_steps": 60, "total_steps": total, "min_lr": 1e-4,
                           "schedule": "linear-warmup-cosine", "rule": "stability-probes", "explanation": ["why"]},
    }


def configurator(*texts: str) -> dict[str, Any]:
    """nanoGPT's configurator: train.py's globals, then each config file's assignments on top."""
    values = dict(TRAIN_DEFAULTS)
    for text in texts:
        values.update({n.targets[0].id: ast.literal_eval(n.value) for n in ast.parse(text).body if isinstance(n, ast.Assign)})
    return values


def train_loop(config: dict[str, Any]) -> tuple[list[tuple[int, int]], int]:
    """(iter_num at each eval, optimizer steps trained before it) and the steps trained in all."""
    iter_num, trained, evals = 0, 0, []
    while True:
        if iter_num % config["eval_interval"] == 0:
            evals.append((iter_num, trained))  # evaluate, and checkpoint when iter_num > 0
        trained += 1  # one optimizer step (gradient_accumulation_steps micro-steps)
        iter_num += 1
        if iter_num > config["max_iters"]:
            return evals, trained


@pytest.mark.parametrize("total", [600, 599, 601, 97, 1000])
def test_the_final_eval_sees_the_planned_run(total: int) -> None:
    config = configurator("eval_interval = 250\nmax_iters = 5000\n", emit_text(recipe(total), "nanogpt", "r.yaml"))
    evals, trained = train_loop(config)
    assert evals[-1] == (total, total)  # the last eval and checkpoint see exactly the planned optimizer steps
    assert trained == total + 1  # ... and nanoGPT trains one iteration more that nobody evaluates (the file says so)


def test_the_old_max_iters_missed_the_end() -> None:
    evals, _ = train_loop({"eval_interval": 250, "max_iters": 599})
    assert evals[-1] == (500, 500)  # issue 23.1: the final 100 steps never evaluated or saved


def test_the_file_carries_the_probed_beta2_and_weight_decay() -> None:
    config = configurator(emit_text(recipe(betas=(0.9, 0.99)), "nanogpt", "r.yaml"))
    assert (config["beta1"], config["beta2"], config["weight_decay"]) == (0.9, 0.99, 0.05)


def test_check_reads_back_the_emitted_length_exactly(tmp_path: Path) -> None:
    path = tmp_path / "warmfind_lr.py"
    path.write_text(emit_text(recipe(600), "nanogpt", "r.yaml"))
    planned = read_config(path)
    assert (planned.total_steps, planned.warmup_steps, planned.batch_size) == (600, 60, 64)
    found = {f.check: f for f in check(recipe(600), planned)}
    assert found["schedule"].code == "schedule-as-probed" and not planned.notes


SHAKESPEARE = """
out_dir = 'out-shakespeare-char'
eval_interval = 250
eval_iters = 200
dataset = 'shakespeare_char'
gradient_accumulation_steps = 1
batch_size = 64
block_size = 256
n_layer = 6
n_head = 6
n_embd = 384
dropout = 0.2
learning_rate = 1e-3
max_iters = 600
lr_decay_iters = 5000
min_lr = 1e-4
beta2 = 0.99
warmup_iters = 100
"""


def test_lr_decay_iters_longer_than_the_run_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "train_shakespeare_char.py"
    path.write_text(SHAKESPEARE)
    found = {f.check: f for f in check(recipe(600), read_config(path))}
    schedule = found["schedule"]
    assert (schedule.level, schedule.code) == ("warning", "decay-length-differs")
    assert "lr_decay_iters 5000 is longer than the run (600 steps): the LR ends at 98% of the peak (9.8e-04)" in schedule.message
    agreeing = SHAKESPEARE.replace("lr_decay_iters = 5000", "lr_decay_iters = 600")
    path.write_text(agreeing)
    assert {f.check: f.code for f in check(recipe(600), read_config(path))}["schedule"] == "schedule-as-probed"
    path.write_text(SHAKESPEARE.replace("lr_decay_iters = 5000", "lr_decay_iters = 300"))
    shorter = {f.check: f for f in check(recipe(600), read_config(path))}["schedule"]
    assert shorter.code == "decay-length-differs" and "reaches min_lr at step 300" in shorter.message


def test_max_iters_off_the_eval_grid_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "train_shakespeare_char.py"
    path.write_text(SHAKESPEARE.replace("max_iters = 600", "max_iters = 599"))
    assert any("last eval and checkpoint are at iter 500" in note for note in read_config(path).notes)


def test_a_config_for_another_model_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "train_shakespeare_char.py"
    path.write_text(SHAKESPEARE)
    arch = {f.check: f for f in check(recipe(600), read_config(path))}["architecture"]
    assert (arch.level, arch.code) == ("warning", "architecture-differs")
    for phrase in ("n_layer 6 (probed 4)", "n_embd 384 (probed 128)", "block_size 256 (probed 64)", "dropout 0.2 (probed 0.0)"):
        assert phrase in arch.message
    same = "n_layer = 4\nn_head = 4\nn_embd = 128\nblock_size = 64\ndropout = 0.0\nlearning_rate = 1e-3\n"
    path.write_text(same)
    assert {f.check: f.code for f in check(recipe(600), read_config(path))}["architecture"] == "architecture-as-probed"
    path.write_text("learning_rate = 1e-3\n")
    assert {f.check: f.code for f in check(recipe(600), read_config(path))}["architecture"] == "architecture-not-checked"


def test_hf_config_overrides_are_compared_too(tmp_path: Path) -> None:
    path = tmp_path / "args.yaml"
    path.write_text("learning_rate: 1.0e-3\nmax_steps: 600\nconfig_overrides: n_embd=256,n_layer=4\n")
    arch = {f.check: f for f in check(recipe(600), read_config(path))}["architecture"]
    assert arch.code == "architecture-differs" and "n_embd 256 (probed 128)" in arch.message and "n_layer" not in arch.message
