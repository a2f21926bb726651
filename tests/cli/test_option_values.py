"""Every bad option value of ``warmfind probe``, as a flag or as a spec key, is one line and exit 2 before any probe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from warmfind.cli import app

runner = CliRunner()


@pytest.fixture
def probes_run(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The probes (and torchrun launches) started: a bad value must leave this empty."""
    import warmfind.probing.distributed
    import warmfind.probing.measure

    started: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        started.append(args)
        raise AssertionError("a probe ran despite a bad option value")

    monkeypatch.setattr(warmfind.probing.measure, "measure", refuse)
    monkeypatch.setattr(warmfind.probing.measure, "load_workload", refuse)
    monkeypatch.setattr(warmfind.probing.distributed, "launch", refuse)
    return started


def assert_refused(args: list[str], message: str, started: list[object]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.output and result.output.startswith("error: ")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert result.stdout == "" and started == []


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--total-steps", "-5"], "--total-steps must be a whole number >= 1, got -5"),
        (["--total-steps", "0"], "--total-steps must be a whole number >= 1, got 0"),
        (["--total-steps", "2000.5"], "Invalid value for '--total-steps'"),
        (["--total-steps", "two"], "Invalid value for '--total-steps'"),
        (["--budget-steps", "0"], "--budget-steps must be a whole number >= 1"),
        (["--budget-seconds", "-1"], "--budget-seconds must be a number > 0, got -1.0"),
        (["--budget-seconds", "nan"], "--budget-seconds must be a number > 0, got nan"),
        (["--seeds", "0"], "--seeds must be a whole number >= 1"),
        (["--seed", "-1"], "--seed must be a whole number from 0 to 4294967295"),
        (["--seed", str(2**32)], "--seed must be a whole number from 0 to 4294967295"),
        (["--batch-size", "0"], "--batch-size must be a whole number >= 1"),
        (["--accumulate", "0"], "--accumulate must be a whole number >= 1"),
        (["--threads", "0"], "--threads must be a whole number >= 1"),
        (["--nproc", "0"], "--nproc must be a whole number >= 1"),
        (["--nproc", "2", "--total-steps", "-5"], "--total-steps must be a whole number >= 1"),  # before torchrun
        (["--grad-clip", "0"], "--grad-clip must be a positive max gradient norm"),
        (["--grad-clip", "inf"], "--grad-clip must be a positive max gradient norm, got inf"),
        (["--rerank-fraction", "0"], "--rerank-fraction must be a number in (0, 1]"),
        (["--rerank-fraction", "1.5"], "--rerank-fraction must be a number in (0, 1], got 1.5"),
        (["--decay-fraction", "2"], "--decay-fraction must be a number in (0, 1]"),
        (["--device", "gpu"], "--device must be auto, cpu, cuda or mps, got 'gpu'"),
        (["--precision", "fp64"], "--precision must be fp32, bf16 or fp16, got 'fp64'"),
        (["--device", "cpu", "--precision", "fp16"], "--precision fp16 needs a CUDA device"),
        (["--optimizer", "lamb"], "--optimizer must be adamw, adam or sgd, got 'lamb'"),
        (["--snapshot", "gpu"], "--snapshot must be memory or disk"),
        (["--schedule", "linear"], "--schedule must be cosine, wsd or constant, got 'linear'"),
        (["--totl-steps", "5"], "No such option: --totl-steps"),
    ],
)
def test_a_bad_flag_is_one_line_and_exit_2_before_any_probe(flags: list[str], message: str, probes_run: list[object]) -> None:
    assert_refused(["probe", "tiny_factories:mlp", *flags], message, probes_run)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("total_steps: two thousand", "total_steps must be a whole number >= 1, got 'two thousand'"),
        ("total_steps: 2000.5", "total_steps must be a whole number >= 1, got 2000.5"),
        ("total_steps: -5", "total_steps must be a whole number >= 1, got -5"),
        ("total_steps: true", "total_steps must be a whole number >= 1, got True"),
        ("budget_steps: 0", "budget_steps must be a whole number >= 1"),
        ("budget_seconds: ten", "budget_seconds must be a number > 0, got 'ten'"),
        ("seeds: 0", "seeds must be a whole number >= 1"),
        ("seed: x", "seed must be a whole number from 0 to 4294967295, got 'x'"),
        ("batch_size: 0", "batch_size must be a whole number >= 1"),
        ("accumulate: 1.5", "accumulate must be a whole number >= 1, got 1.5"),
        ("threads: 0", "threads must be a whole number >= 1"),
        ("ratio_every: 0", "ratio_every must be a whole number >= 1"),
        ("grad_clip: -1", "grad_clip must be a positive max gradient norm, got -1"),
        ("rerank_fraction: 2", "rerank_fraction must be a number in (0, 1], got 2"),
        ("decay_fraction: '0.2'", "decay_fraction must be a number in (0, 1], got '0.2'"),
        ("precision: fp64", "precision must be fp32, bf16 or fp16"),
        ("device: gpu", "device must be auto, cpu, cuda or mps, got 'gpu'"),
        ("device: null", "device must be auto, cpu, cuda or mps, got nothing (null)"),
        ("optimizer: lamb", "optimizer must be adamw, adam or sgd"),
        ("snapshot: ssd", "snapshot must be memory or disk"),
        ("schedule: linear", "schedule must be cosine, wsd or constant"),
        ("compile: 'yes'", "compile must be true or false, got 'yes'"),
        ("holdout: 3", "holdout must be true or false, got 3"),
        ("eval_data: 3", "eval_data must be true or false, got 3"),
        ("set: {1: 2}", "'set' keys must be argument names"),
        ("base_dir: /tmp", "unknown keys base_dir"),
    ],
)
def test_a_bad_spec_value_is_one_line_and_exit_2_before_any_probe(
    tmp_path: Path, line: str, message: str, probes_run: list[object]
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"entrypoint: tiny_factories:mlp\n{line}\n")
    assert_refused(["probe", str(spec)], f"probe spec {str(spec)!r}: {message}", probes_run)


def test_a_flag_overrides_a_bad_looking_spec_only_where_it_is_valid(tmp_path: Path, probes_run: list[object]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("entrypoint: tiny_factories:mlp\ntotal_steps: 40\n")
    assert_refused(["probe", str(spec), "--total-steps", "-1"], "--total-steps must be a whole number >= 1", probes_run)


def test_without_total_steps_the_default_length_is_said_on_stderr_and_stdout_stays_yaml() -> None:
    result = runner.invoke(app, ["probe", "tiny_factories:mlp", "--device", "cpu", "--budget-steps", "120"])
    assert result.exit_code == 0, result.output
    assert "planned run: 1,000 steps (default; pass --total-steps)" in result.stderr
    assert "(the default run length: pass --total-steps)" in result.stderr
    assert yaml.safe_load(result.stdout)["settings"]["total_steps"] == 1000
    given = runner.invoke(app, ["probe", "tiny_factories:mlp", "--device", "cpu", "--total-steps", "40"])
    assert "planned run: 40 steps" in given.stderr and "default" not in given.stderr.split("\n")[0]
    assert "planned run" not in runner.invoke(app, ["probe", "tiny_factories:mlp", "--total-steps", "40", "-q"]).stderr
