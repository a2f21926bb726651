"""Reading planned settings, and the line of each, from trainer configs."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmfind.errors import WarmfindError
from warmfind.gate.planned import Planned, read_config

CONFIGS = {
    "hf.yaml": ("output_dir: out\nlearning_rate: 3e-4\nwarmup_ratio: 0.1\nmax_steps: 1000\n"
                "per_device_train_batch_size: 8\ngradient_accumulation_steps: 4\n"),
    "ds.json": ('{\n  "train_batch_size": 256,\n  "optimizer": {\n    "type": "AdamW",\n    "params": {\n'
                '      "lr": 0.0006\n    }\n  },\n  "scheduler": {\n    "type": "WarmupDecayLR",\n    "params": {\n'
                '      "warmup_num_steps": 200,\n      "total_num_steps": 5000\n    }\n  }\n}\n'),
    "tune.yaml": ("batch_size: 4\nepochs: 2\nmax_steps_per_epoch: 500\noptimizer:\n  _component_: torch.optim.AdamW\n"
                  "  lr: 2e-5\nlr_scheduler:\n  _component_: torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup\n"
                  "  num_warmup_steps: 100\n"),
    "lit.yaml": ("train:\n  global_batch_size: 128\n  micro_batch_size: 4\n  lr_warmup_steps: 75\n  max_steps: 3000\n"
                 "optimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 0.0004\n"),
    "nano.py": ("import os\nos.system('false')  # never run\nbatch_size = 12\nblock_size = 1024\n"
                "gradient_accumulation_steps = 5 * 8\nmax_iters = 5000\nlr_decay_iters = max_iters\n"
                "learning_rate = 6e-4 / 2  # halved\nwarmup_iters = 100\n"),
}

EXPECTED = {
    #            format       lr      warmup ratio  total  batch  lr line
    "hf.yaml": ("hf", 3e-4, None, 0.1, 1000, 32, 2),
    "ds.json": ("deepspeed", 6e-4, 200, None, 5000, 256, 6),
    "tune.yaml": ("torchtune", 2e-5, 100, None, 1000, 4, 6),
    "lit.yaml": ("litgpt", 4e-4, 75, None, 3000, 128, 9),
    "nano.py": ("nanogpt", 3e-4, 100, None, 5000, 480, 8),  # the model evaluated and saved last has max_iters steps
}


@pytest.mark.parametrize("name", list(CONFIGS))
def test_formats_detected_and_read_with_lines(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(CONFIGS[name])
    planned = read_config(path)
    fmt, lr, warmup, ratio, total, batch, line = EXPECTED[name]
    assert (planned.config_format, planned.warmup_steps, planned.warmup_ratio, planned.total_steps, planned.batch_size) == (
        fmt, warmup, ratio, total, batch)
    assert planned.peak_lr == pytest.approx(lr)
    assert planned.line_of("peak_lr") == line


def test_deepspeed_auto_is_skipped_and_flags_fill_in(tmp_path: Path) -> None:
    path = tmp_path / "ds.json"
    path.write_text('{"train_batch_size": 64, "optimizer": {"params": {"lr": "auto"}}}')
    planned = read_config(path)
    assert planned.peak_lr is None and any('"auto"' in note for note in planned.notes)
    flagged = planned.with_flags(peak_lr=1e-3)
    assert flagged.peak_lr == 1e-3 and flagged.line_of("peak_lr") is None


def test_flags_override_config_and_drop_its_line(tmp_path: Path) -> None:
    path = tmp_path / "hf.yaml"
    path.write_text(CONFIGS["hf.yaml"])
    planned = read_config(path).with_flags(warmup_steps=50)
    assert planned.warmup_steps == 50 and planned.warmup_ratio is None and planned.line_of("warmup") is None
    assert planned.line_of("peak_lr") == 2


def test_hf_warmup_ratio_in_steps() -> None:
    assert Planned(warmup_ratio=0.1, total_steps=1005).warmup_steps_for(1005) == 101  # HF rounds up


def test_nanogpt_defaults_fill_what_the_config_omits(tmp_path: Path) -> None:
    path = tmp_path / "train_small.py"
    path.write_text("learning_rate = 1e-3\n")
    planned = read_config(path)
    assert (planned.warmup_steps, planned.total_steps) == (2000, 600000)  # train.py's max_iters


@pytest.mark.parametrize(
    ("name", "text", "fmt", "message"),
    [
        pytest.param("bad.yaml", "learning_rate: [1e-3\n", "auto", "not valid YAML", id="yaml-syntax"),
        pytest.param("bad.json", '{"learning_rate": 1e-3,}', "hf", "not valid JSON", id="json-syntax"),
        pytest.param("bad.py", "learning_rate = (\n", "auto", "not valid Python", id="python-syntax"),
        pytest.param("lr.yaml", "learning_rate: fast\n", "hf", "not a number", id="lr-not-a-number"),
        pytest.param("list.yaml", "- 1\n- 2\n", "hf", "must be a mapping", id="not-a-mapping"),
        pytest.param("what.yaml", "model: gpt2\n", "auto", "--config-format", id="unknown-trainer"),
        pytest.param("missing.yaml", None, "auto", "not found", id="missing-file"),
    ],
)
def test_malformed_configs_raise_one_line(tmp_path: Path, name: str, text: str | None, fmt: str, message: str) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    with pytest.raises(WarmfindError) as raised:
        read_config(path, fmt)
    assert message in str(raised.value) and "\n" not in str(raised.value)
