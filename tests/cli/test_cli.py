"""The CLI end to end on tiny workloads: recipes written, shown, and every bad input a one-line exit 2."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from warmfind.cli import app

runner = CliRunner()
FAST = ["--total-steps", "40", "--device", "cpu", "--quiet"]


def invoke(*args: str):  # noqa: ANN201
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def recipe_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("recipe") / "recipe.yaml"
    result = invoke("probe", "tiny_factories:mlp", "--out", str(path), *FAST)
    assert result.exit_code == 0, result.output
    return path


def test_probe_writes_a_valid_recipe(recipe_path: Path) -> None:
    text = recipe_path.read_text()
    assert text.startswith("# produced by: warmfind probe tiny_factories:mlp")
    recipe = yaml.safe_load(text)
    assert recipe["warmfind"] == 1 and recipe["complete"] is True
    rec = recipe["recommendation"]
    assert rec["peak_lr"] > 0 and 0 <= rec["warmup_steps"] <= rec["total_steps"] == 40
    assert rec["schedule"] == "linear-warmup-cosine" and rec["explanation"]
    work = recipe["workload"]
    assert work["parameters"] == 8 * 4 + 4 + 4 + 1 and work["batch_size"] == 16 and len(work["fingerprint"]) == 16
    assert work["batches_per_pass"] == 4  # 64 examples in batches of 16: with total_steps, how often the run repeats them
    assert work["optimizer"]["name"] == "adamw"
    rt = recipe["evidence"]["lr_range_test"]
    assert len(rt["curve"]["lr"]) == len(rt["curve"]["loss"]) > 10
    assert recipe["evidence"]["probes"] and recipe["cost"]["probe_steps"] > 0


def test_probe_prints_yaml_to_stdout_and_json_on_request() -> None:
    result = invoke("probe", "tiny_factories:mlp", *FAST)
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout)["warmfind"] == 1
    result = invoke("probe", "tiny_factories:mlp", "--json", *FAST)
    assert json.loads(result.stdout)["warmfind"] == 1


def test_probe_from_a_spec_file_with_factory_args(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    factory = Path(__file__).parent.parent / "tiny_factories.py"
    spec.write_text(f"entrypoint: {factory}:mlp\ntotal_steps: 40\ndevice: cpu\nset: {{hidden: 6}}\n")
    result = invoke("probe", str(spec), "--quiet", "--set", "hidden=5")
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.stdout)["workload"]["parameters"] == 8 * 5 + 5 + 5 + 1


def test_show_renders_table_and_plot(recipe_path: Path) -> None:
    result = invoke("show", str(recipe_path))
    assert result.exit_code == 0, result.output
    assert "peak_lr" in result.output and "lr (log scale)" in result.output and "•" in result.output
    recipe = yaml.safe_load(recipe_path.read_text())
    planned = recipe["recommendation"]["total_steps"] / 4  # 4 batches per pass
    assert f"{planned:.3g} planned" in result.output and "(4 batches each)" in result.output


@pytest.mark.parametrize(
    ("entrypoint", "message"),
    [
        ("no_such_module:f", "module 'no_such_module' not found"),
        ("tiny_factories:missing", "has no attribute 'missing'"),
        ("tiny_factories:not_callable", "not a callable"),
        ("nofile.py:f", "file 'nofile.py' not found"),
        ("no-colon", "must look like"),
        ("tiny_factories:raises", "the factory raised RuntimeError: boom"),
        ("tiny_factories:no_model", "no 'model'"),
        ("tiny_factories:no_data", "no 'data'"),
        ("tiny_factories:wrong_type", "must return a mapping"),
        ("tiny_factories:empty_loader", "yielded no batches"),
        ("tiny_factories:non_scalar_loss", "must return a scalar"),
        ("tiny_factories:nan_loss", "is nan at initialisation"),
        ("tiny_factories:frozen", "no parameters that require grad"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(entrypoint: str, message: str) -> None:
    result = invoke("probe", entrypoint, *FAST)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [("entrypoint: [1", "not valid YAML"), ("total_steps: 5", "must be a mapping with an 'entrypoint'"),
     ("entrypoint: a:b\nbogus: 1", "unknown keys bogus")],
)
def test_bad_spec_is_exit_2(tmp_path: Path, content: str, message: str) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(content)
    result = invoke("probe", str(spec))
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_bad_set_and_unknown_factory_argument() -> None:
    assert invoke("probe", "tiny_factories:mlp", "--set", "oops", *FAST).exit_code == 2
    result = invoke("probe", "tiny_factories:mlp", "--set", "depth=3", *FAST)
    assert result.exit_code == 2 and "takes no argument 'depth'" in result.output


def test_debug_shows_the_traceback() -> None:
    result = invoke("probe", "tiny_factories:raises", "--debug", *FAST)
    assert result.exit_code == 2 and "Traceback" in result.output


def test_show_bad_recipe_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("warmfind: 7\n")
    result = invoke("show", str(bad))
    assert result.exit_code == 2 and "not a warmfind recipe" in result.output


def interrupt_at_step(monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    """Make the ``call``-th probe training step raise KeyboardInterrupt, as Ctrl-C would."""
    from warmfind.probing.train_step import TrainStep

    original = TrainStep.__call__
    calls = {"n": 0}

    def interrupting_step(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls["n"] += 1
        if calls["n"] == call:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)

    monkeypatch.setattr(TrainStep, "__call__", interrupting_step)


def test_ctrl_c_writes_a_partial_recipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    interrupt_at_step(monkeypatch, 150)  # inside the screen, after the range test
    out = tmp_path / "partial.yaml"
    result = invoke("probe", "tiny_factories:mlp", "--out", str(out), *FAST)
    assert result.exit_code == 130
    recipe = yaml.safe_load(out.read_text())
    assert recipe["complete"] is False and recipe["cost"]["stopped_by"] == "interrupted"
    assert recipe["evidence"]["lr_range_test"]["curve"]["lr"]
    assert recipe["recommendation"] is not None  # the range-test rule or the best finished probe


def test_noise_scale_evidence_at_init_at_peak_and_along_the_probe() -> None:
    result = invoke("probe", "tiny_factories:mlp", "--accumulate", "2", *FAST)
    assert result.exit_code == 0, result.output
    noise = yaml.safe_load(result.stdout)["evidence"]["gradient_noise_scale"]
    assert noise["batch_size"] == 16 and noise["at_peak_lr"]["b_big"] == 16 and noise["at_peak_lr"]["b_small"] == 8
    assert noise["at_init"] is None  # from the range test, and 4 batches per pass are too few independent ones
    assert noise["along_probe"]["b_small"] == 8 and noise["along_probe"]["samples"] > 0
    assert [row["batch_size"] for row in noise["batch_table"]] == [8, 32, 64, 128]


def test_an_sgd_long_plan_ships_the_rerank_best_unhalved() -> None:
    """Round 64: under SGD the long-plan halving is skipped; the recipe is the re-rank's best."""
    result = invoke("probe", "tiny_factories:mlp_sgd", "--rerank-fraction", "0.1", *FAST[2:], "--total-steps", "600")
    assert result.exit_code == 0, result.output
    rec = yaml.safe_load(result.stdout)["recommendation"]
    assert rec.get("measured") is None and "x the re-rank's best" not in rec["explanation"][0]


def test_a_radam_long_plan_ships_a_quarter_of_the_rerank_best() -> None:
    """Round 66: under RAdam the long-plan pick is a quarter of the re-rank's best, which ``measured`` records."""
    result = invoke("probe", "tiny_factories:mlp_radam", "--rerank-fraction", "0.1", *FAST[2:], "--total-steps", "600")
    assert result.exit_code == 0, result.output
    rec = yaml.safe_load(result.stdout)["recommendation"]
    assert rec["measured"]["moved_by"] == "halving" and "a quarter of the re-rank's best" in rec["explanation"][0]
    assert math.isclose(rec["measured"]["peak_lr"], 4 * rec["peak_lr"], rel_tol=1e-5)
    (advice,) = [a for a in yaml.safe_load(result.stdout)["advice"] if a["kind"] == "second-run"]  # round 69: twice
    assert math.isclose(advice["other_lr"], 2 * rec["peak_lr"], rel_tol=1e-5)  # the pick, half the best
    assert math.isclose(advice["best_lr"], rec["measured"]["peak_lr"], rel_tol=1e-5)


def test_a_halved_pick_reads_the_noise_along_the_probe_at_the_choice_it_halved() -> None:
    """A re-rank under an eighth of the run ships a share of the peak (2^(-3/4)); no probe ran there, so the noise along
    a probe is read at the choice (``recommendation.measured``), where the probes ran."""
    result = invoke("probe", "tiny_factories:mlp", "--accumulate", "2", "--rerank-fraction", "0.1", *FAST[2:],
                    "--total-steps", "600")  # a 60-step re-rank: the shortest it runs, under 1/8 of 600
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    rec = recipe["recommendation"]
    assert rec["measured"]["moved_by"] == "halving"
    assert math.isclose(rec["peak_lr"], 2 ** -0.75 * rec["measured"]["peak_lr"], rel_tol=1e-5)  # round 89's share
    screen = max(p["steps"] for p in recipe["evidence"]["probes"] if p["stage"] == "screen")
    assert recipe["evidence"]["gradient_noise_scale"]["along_probe"]["samples"] > screen  # the re-rank run's, longer
    #   than any screen rung (before the fix it read a 37-step screen rung at the halved LR: 37 samples against 74)


def test_two_seeds_state_whether_they_agree() -> None:
    result = invoke("probe", "tiny_factories:mlp", "--seeds", "2", *FAST)
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    assert recipe["recommendation"]["confidence"]["seeds_agree"] in (True, False)
    assert {p["seed"] for p in recipe["evidence"]["probes"] if p["stage"] == "rerank"} == {0, 1}


def test_user_code_that_prints_does_not_corrupt_the_recipe_on_stdout() -> None:
    result = invoke("probe", "tiny_factories:chatty", *FAST)
    assert result.exit_code == 0, result.output
    assert "num decayed" not in result.stdout and "factory:" not in result.stdout
    assert yaml.safe_load(result.stdout)["warmfind"] == 1
    assert "num decayed parameter tensors" in result.stderr  # moved, not swallowed


def test_a_nan_row_is_a_one_line_data_error_with_the_partial_recipe_kept(tmp_path: Path) -> None:
    out = tmp_path / "partial.yaml"
    result = invoke("probe", "tiny_factories:nan_row", "--out", str(out), *FAST)
    assert result.exit_code == 2, result.output
    assert "non-finite inputs" in result.stderr and "Traceback" not in result.output and result.stdout == ""
    recipe = yaml.safe_load(out.read_text())
    assert recipe["complete"] is False and recipe["cost"]["stopped_by"] == "bad-data"
    assert recipe["recommendation"] is None and "batch 40 of epoch 0 of the data as warmfind draws it (data seed 0) has non-finite inputs" in recipe["cost"]["error"]
    shown = invoke("show", str(out))  # a partial recipe is shown, not refused
    assert shown.exit_code == 0, shown.output
    assert "INCOMPLETE" in shown.stdout and "no recommendation: the probe stopped (bad-data)" in shown.stdout
    assert recipe["evidence"]["lr_range_test"] is None or recipe["cost"]["runs"] >= 1


def test_a_non_finite_target_names_its_batch() -> None:
    result = invoke("probe", "tiny_factories:nan_target_batch", *FAST)
    assert result.exit_code == 2 and result.stdout == ""
    assert "batch 2 of the data (a list of 4 batches) has non-finite targets" in result.stderr


def test_emit_of_an_incomplete_recipe_warns_in_the_header_and_on_stderr(recipe_path: Path, tmp_path: Path) -> None:
    partial = tmp_path / "partial.yaml"
    recipe = yaml.safe_load(recipe_path.read_text())
    recipe["complete"] = False
    recipe["cost"]["stopped_by"] = "interrupted"
    partial.write_text(yaml.safe_dump(recipe))
    result = invoke("emit", str(partial), "--format", "hf")
    assert result.exit_code == 0, result.output
    assert "INCOMPLETE (the probe stopped: interrupted)" in result.stderr
    assert "# WARNING: the recipe is INCOMPLETE" in result.stdout
    assert "INCOMPLETE" not in invoke("emit", str(recipe_path), "--format", "hf").output


def test_a_nanogpt_style_model_probes_with_no_loss_fn() -> None:
    result = invoke("probe", "tiny_factories:nanogpt_style", *FAST)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.stdout)["recommendation"]["peak_lr"] > 0


def test_grad_clip_flows_from_the_probe_to_the_recipe_and_the_emitted_config(tmp_path: Path) -> None:
    out = tmp_path / "clipped.yaml"
    assert invoke("probe", "tiny_factories:mlp", "--grad-clip", "0.5", "--out", str(out), *FAST).exit_code == 0
    assert yaml.safe_load(out.read_text())["workload"]["grad_clip"] == 0.5
    hf = yaml.safe_load(invoke("emit", str(out), "--format", "hf").stdout)
    assert hf["max_grad_norm"] == 0.5
    assert "grad_clip = 0.5" in invoke("emit", str(out), "--format", "nanogpt").stdout
    bad = invoke("probe", "tiny_factories:mlp", "--grad-clip", "-1", *FAST)
    assert bad.exit_code == 2 and "positive max gradient norm" in bad.stderr


def test_rerank_fraction_sets_the_rerank_horizon(tmp_path: Path) -> None:
    out = tmp_path / "long.yaml"
    assert invoke("probe", "tiny_factories:mlp", "--rerank-fraction", "0.5", "--out", str(out), "--total-steps", "200",
                  "--device", "cpu", "--quiet").exit_code == 0
    recipe = yaml.safe_load(out.read_text())
    assert recipe["settings"]["rerank_fraction"] == 0.5
    assert {p["horizon"] for p in recipe["evidence"]["probes"] if p["stage"] == "rerank"} == {100}
    assert invoke("probe", "tiny_factories:mlp", "--rerank-fraction", "1.5", *FAST).exit_code == 2


def test_ctrl_c_during_the_range_test_keeps_the_partial_curve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    interrupt_at_step(monkeypatch, 48)  # step 47 of the 100-step range test
    out = tmp_path / "partial.yaml"
    result = invoke("probe", "tiny_factories:mlp", "--out", str(out), *FAST)
    assert result.exit_code == 130
    curve = yaml.safe_load(out.read_text())["evidence"]["lr_range_test"]["curve"]
    assert 40 <= len(curve["lr"]) <= 47 and len(curve["lr"]) == len(curve["loss"])
    assert invoke("show", str(out)).exit_code == 0


def test_a_loss_that_turns_nan_after_n_calls_is_an_error_not_a_divergence(tmp_path: Path) -> None:
    out = tmp_path / "partial.yaml"
    result = invoke("probe", "tiny_factories:nan_after_calls", "--out", str(out), *FAST)
    assert result.exit_code == 2 and result.stdout == ""
    assert "finite at initialisation but nan at step 0" in result.stderr
    assert yaml.safe_load(out.read_text())["cost"]["stopped_by"] == "bad-data"


def test_a_wsd_plan_is_probed_and_recorded_as_wsd(tmp_path: Path) -> None:
    out = tmp_path / "wsd.yaml"
    result = invoke("probe", "tiny_factories:mlp", "--schedule", "wsd", "--decay-fraction", "0.25", "--out", str(out), *FAST)
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(out.read_text())
    rec = recipe["recommendation"]
    assert (rec["schedule"], rec["decay_fraction"], rec["min_lr"]) == ("warmup-stable-decay", 0.25, 0.0)
    assert {p["stage"] for p in recipe["evidence"]["probes"]} >= {"screen", "rerank"}
    hf = yaml.safe_load(invoke("emit", str(out), "--format", "hf").stdout)
    assert hf["lr_scheduler_type"] == "warmup_stable_decay" and hf["lr_scheduler_kwargs"]["num_decay_steps"] == 10
    refused = invoke("emit", str(out), "--format", "deepspeed")
    assert refused.exit_code == 2 and "cannot carry a warmup-stable-decay schedule" in refused.stderr
    assert invoke("probe", "tiny_factories:mlp", "--schedule", "linear", *FAST).exit_code == 2


def test_the_layer_table_is_in_the_recipe_and_in_show(recipe_path: Path) -> None:
    layers = yaml.safe_load(recipe_path.read_text())["evidence"]["warmup_by_layer"]
    assert layers is None or {"layer", "depth", "without_warmup", "with_warmup", "restraint"} <= set(layers["rows"][0])
    if layers is not None:
        assert "warmup by layer, measured at LR" in invoke("show", str(recipe_path)).stdout


def test_a_probe_with_stderr_in_a_file_logs_plain_lines() -> None:
    """CliRunner's stderr is not a terminal, as with ``2>probe.log``: one plain line per stage and finished run."""
    result = invoke("probe", "tiny_factories:mlp", "--total-steps", "40", "--device", "cpu")
    assert result.exit_code == 0
    log = result.stderr
    assert "] range test" in log and "] range-test: lr " in log and "] screen: lr " in log
    assert "progress.py" not in log and yaml.safe_load(result.stdout)["warmfind"] == 1


def test_ctrl_c_in_a_rerank_past_the_screen_horizon_keeps_its_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "partial.yaml"
    first = yaml.safe_load(invoke("probe", "tiny_factories:mlp", *FAST).stdout)
    rerank = [p for p in first["evidence"]["probes"] if p["stage"] == "rerank"]
    before = sum(p["steps"] for p in first["evidence"]["probes"] if p["stage"] != "rerank")
    interrupt_at_step(monkeypatch, 100 + before + rerank[0]["horizon"] - 2)  # range test, screen, then inside the first re-rank
    assert invoke("probe", "tiny_factories:mlp", "--out", str(out), *FAST).exit_code == 130
    kept = [p for p in yaml.safe_load(out.read_text())["evidence"]["probes"] if p["stage"] == "rerank"]
    assert kept and kept[-1]["steps"] >= 30 and kept[-1]["loss"] is None  # recorded, never scored


def test_with_no_eval_data_a_finite_loader_ranks_probes_on_held_back_examples() -> None:
    held = invoke("probe", "tiny_factories:loader_mlp", "--holdout", *FAST)
    assert held.exit_code == 0, held.output
    recipe = yaml.safe_load(held.stdout)
    assert recipe["evidence"]["ranked_by"]["by"] == "held-back"
    assert all(p["eval_loss"] is not None for p in recipe["evidence"]["probes"] if p["stage"] == "rerank")
    assert any("ranked by" in line and "held back" in line for line in recipe["recommendation"]["explanation"])
    off = yaml.safe_load(invoke("probe", "tiny_factories:loader_mlp", *FAST).stdout)  # off by default: a training sample
    assert off["evidence"]["ranked_by"]["by"] == "training-sample"
    assert all(p["eval_loss"] is not None for p in off["evidence"]["probes"] if p["stage"] == "rerank")
    assert "training-sample loss" in off["recommendation"]["explanation"][1]  # [0]: the lift (round 52)


def test_layers_moving_at_very_different_rates_get_layer_wise_advice_and_the_optimiser_is_kept() -> None:
    result = invoke("probe", "tiny_factories:uneven_mlp", *FAST)
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    (advice,) = [a for a in recipe["advice"] if a["kind"] != "near-tie"]  # a near-tie of the re-rank may come too
    assert advice["kind"] == "layer-wise" and advice["spread"] > 100 and "LARS" in advice["remedy"]
    assert advice["fastest"] == ["2"] and advice["slowest"] == ["0"]  # the head moves, the 300x-scaled input layer not
    assert advice["text"] in recipe["recommendation"]["explanation"]
    assert recipe["workload"]["optimizer"]["name"] != "lars"  # advice only: the optimiser is the factory's
    assert yaml.safe_load(invoke("probe", "tiny_factories:mlp", *FAST).stdout)["advice"] == []


def test_a_long_plan_whose_rerank_saw_a_small_share_picks_a_share_of_its_best_and_advises_the_best() -> None:
    result = invoke("probe", "tiny_factories:mlp", "--total-steps", "3000", "--device", "cpu", "--quiet")
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    (advice,) = [a for a in recipe["advice"] if a["kind"] == "second-run"]
    peak = recipe["recommendation"]["peak_lr"]
    best = peak / 2 ** -0.75  # round 89: the pick is 2^(-3/4) x the re-rank's best (half until then)
    assert math.isclose(advice["chosen_lr"], peak, rel_tol=1e-5) and math.isclose(advice["other_lr"], best, rel_tol=1e-5)
    measured = [p for p in recipe["evidence"]["probes"] if p["stage"] == "rerank"
                and math.isclose(p["peak_lr"], best, rel_tol=1e-5)]
    assert measured  # the advised second run is an LR the re-rank measured: its best
    assert advice["rerank_steps"] < 3000 / 8
    explanation = recipe["recommendation"]["explanation"]
    assert explanation[0].startswith("peak LR") and "0.59x the re-rank's best" in explanation[0]
    margin = recipe["recommendation"]["confidence"]["margin"]  # the shipped peak's, named in the halving line
    assert f"margin to the nearest failed probe is {margin:.1f}x" in explanation[0]
    assert advice["text"] in explanation
    assert not [a for a in recipe["advice"] if a["kind"] == "near-tie"]  # the second run replaces a tied neighbour
    # the advice's emit command writes the second run's schedule: the measured best, its floor scaled with it
    command = advice["text"].split("`")[1].split()
    assert command[:2] == ["warmfind", "emit"]
    sets = [command[i + 1] for i, word in enumerate(command) if word == "--set"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "recipe.yaml"
        path.write_text(result.stdout)
        emitted = invoke("emit", str(path), "--format", "json", *[f"--set={s}" for s in sets])
    assert emitted.exit_code == 0, emitted.output
    second = json.loads(emitted.stdout)["recommendation"]
    assert math.isclose(second["peak_lr"], best, rel_tol=1e-3)
    assert math.isclose(second["min_lr"], best / peak * recipe["recommendation"]["min_lr"], rel_tol=1e-3)


def test_a_choice_that_learned_nothing_measurable_says_so_in_advice_and_explanation() -> None:
    result = invoke("probe", "tiny_factories:random_labels", *FAST)  # held-out labels independent of the inputs
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    flagged = [a for a in recipe["advice"] if a["kind"] == "unsupported"]
    assert len(flagged) == 1 and flagged[0]["text"] in recipe["recommendation"]["explanation"]
    assert abs(flagged[0]["untrained_loss"] - math.log(4)) < 1e-4  # zero weights: chance on 4 classes (YAML rounds)
    assert flagged[0]["best_loss"] > 0.98 * flagged[0]["untrained_loss"]
    assert "--no-eval-data" in flagged[0]["text"]  # ranked by eval_data: a training sample may see learning
    # the numbers explanations cite about "learned" are in the recipe by name
    assert abs(recipe["evidence"]["ranked_by"]["untrained_loss"] - flagged[0]["untrained_loss"]) < 1e-4
    assert {"start_loss", "min_loss"} <= set(recipe["evidence"]["lr_range_test"])


def test_no_eval_data_ranks_by_a_training_sample_though_the_factory_gives_eval_data() -> None:
    result = invoke("probe", "tiny_factories:random_labels", *FAST, "--no-eval-data")
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    assert recipe["evidence"]["ranked_by"]["by"] == "training-sample"
    assert "eval_data ignored (--no-eval-data)" in recipe["evidence"]["ranked_by"]["detail"]
    assert recipe["settings"]["eval_data"] is False
    assert not any("--no-eval-data" in a["text"] for a in recipe["advice"])  # no advice to do what was done


def test_a_loss_that_raises_at_large_lrs_is_a_divergence_and_the_recipe_says_what_it_raised(tmp_path: Path) -> None:
    # exam 5's deep kernel learning: a Cholesky of a kernel that is no longer positive definite raises LinAlgError
    result = invoke("probe", "tiny_factories:kernel_term", *FAST, "--out", str(tmp_path / "r.yaml"))
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load((tmp_path / "r.yaml").read_text())
    raised = [p for p in recipe["evidence"]["probes"] if "raised" in p]
    assert raised and all("LinAlgError" in p["raised"] and p["failed"] == "diverged" for p in raised)
    assert recipe["recommendation"]["peak_lr"] < min(p["peak_lr"] for p in raised)
    assert invoke("show", str(tmp_path / "r.yaml")).exit_code == 0


@pytest.mark.parametrize("args, where", [
    (["--set", "bad=40", "--set", "eval_data=true"], "at batch 40 of the 'range-test' run's data, from the initial weights too"),
    (["--set", "bad=5"], "at batch 5 of the data, on the initial weights"),  # no eval_data: found measuring the start
])
def test_a_batch_the_loss_raises_on_at_any_lr_is_a_one_line_error(args: list[str], where: str) -> None:
    result = invoke("probe", "tiny_factories:bad_batch", *FAST, "--threads", "1", *args)
    assert result.exit_code == 2
    assert f"RuntimeError: mat1 and mat2 shapes cannot be multiplied (16x7 and 8x1) {where}" in result.output
    assert "Traceback" not in result.output


def test_a_ladder_that_never_beats_the_untrained_loss_still_ranks_what_trained_and_says_so() -> None:
    result = invoke("probe", "tiny_factories:unreachable_target", *FAST)  # nothing to learn: neither yardstick is passed
    assert result.exit_code == 0, result.output  # not "no recommendation": it ranks what trained, as before round 6
    recipe = yaml.safe_load(result.stdout)
    assert [a["kind"] for a in recipe["advice"]] == ["unsupported"]


def test_a_low_first_batch_does_not_make_every_rung_diverge() -> None:
    """Exam 54's bridge network in miniature: batch losses spread 25x at init, the first the smallest. Measured against
    that one batch, every rung "diverged" and the probe exited 3 with no recommendation."""
    result = invoke("probe", "tiny_factories:uneven_start", *FAST)
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    assert recipe["evidence"]["lr_range_test"]["blowup_lr"] > 0.1  # SGD blows up near 2 / lambda_max, not at 1e-7
    assert recipe["recommendation"]["peak_lr"] > 0.01


def test_a_model_that_learns_only_above_the_range_tests_end_is_followed_there() -> None:
    result = invoke("probe", "tiny_factories:tiny_inputs_sgd", *FAST)  # GD stable to ~1e5; at 10 the loss falls ~1.4%
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    sweep = recipe["evidence"]["lr_range_test"]
    assert 1e4 < sweep["blowup_lr"] <= 1e6  # the sweep went on past its end (10) until it blew up
    assert 1e3 < recipe["recommendation"]["peak_lr"] < sweep["blowup_lr"]  # and the ladder started up there
    assert all(a["kind"] != "unsupported" for a in recipe["advice"])  # what it chose learned


def test_rerank_probes_list_measured_and_projected_loss_and_every_probe_says_how_it_failed() -> None:
    result = invoke("probe", "tiny_factories:mlp", *FAST)
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    probes = recipe["evidence"]["probes"]
    assert all(p["failed"] in (None, "diverged", "spiked", "stalled") for p in probes)
    assert all(p["failed"] == "diverged" for p in probes if p["diverged_step"] is not None)
    rerank = [p for p in probes if p["stage"] == "rerank"]
    assert any("projected_loss" in p for p in rerank) and all(p["loss"] is not None for p in rerank)
    assert "projected" not in recipe["recommendation"]["explanation"][0]  # measured loss decides, not the projection


def test_a_screen_that_only_measured_the_first_steps_says_so_and_names_the_valley() -> None:
    """Exam 60's DistoX net in miniature: RAdam's un-rectified first steps blow up every no-warmup rung far below the
    range test's divergence. The pick stays what the probes measured; the advice names the range test's valley."""
    result = invoke("probe", "tiny_factories:raw_first_steps", "--total-steps", "300", "--device", "cpu", "--quiet")
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    advice = [a for a in recipe["advice"] if a["kind"] == "first-steps"]
    assert len(advice) == 1 and "first steps, not the LR" in advice[0]["text"]
    valley = recipe["evidence"]["lr_range_test"]["valley_lr"]
    assert advice[0]["other_lr"] == valley > 100 * recipe["recommendation"]["peak_lr"]
    assert advice[0]["warmup_steps"] == 15


def test_a_range_test_fallback_on_a_long_plan_is_not_halved() -> None:
    """The long-plan halving is about the re-rank's short look; a budget that ends inside the range test leaves its
    classic guess, which no re-rank measured (it was halved, and said to be "half the re-rank's best", before round 89)."""
    result = invoke("probe", "tiny_factories:mlp", "--total-steps", "3000", "--budget-steps", "120", "--device", "cpu",
                    "--quiet")
    assert result.exit_code == 0, result.output
    recipe = yaml.safe_load(result.stdout)
    rec = recipe["recommendation"]
    assert rec["rule"] == "range-test"
    assert rec["peak_lr"] == recipe["evidence"]["lr_range_test"]["valley_lr"]
    assert "re-rank" not in rec["explanation"][0] and not any(a["kind"] == "second-run" for a in recipe["advice"])


def test_a_short_plan_recipe_lifts_the_choice_behind_a_fifth_of_the_run_in_warmup(tmp_path: Path) -> None:
    """Round 52: where the re-rank saw an eighth of the run or more, the recipe warms up over 20% of it at 2^(1/4) x
    the re-rank's choice (after its margin and check), which its first line names, its ``measured`` block records
    exactly, and ``show`` prints."""
    text = invoke("probe", "tiny_factories:loader_mlp", *FAST).stdout
    recipe = yaml.safe_load(text)
    rec = recipe["recommendation"]
    assert rec["warmup_steps"] == 8 and "1.41x the re-rank's choice" in rec["explanation"][0]
    measured = float(rec["explanation"][0].split("re-rank's choice, ")[1].split(" ")[0])
    assert math.isclose(rec["peak_lr"], measured * 2 ** 0.5, rel_tol=0.06)  # the line prints two digits
    assert math.isclose(rec["measured"]["peak_lr"] * 2 ** 0.5, rec["peak_lr"], rel_tol=1e-5)  # 6 digits in YAML
    assert rec["measured"]["moved_by"] == "warmup-lift"
    assert math.isclose(rec["measured"]["peak_lr"], measured, rel_tol=0.06)
    (tmp_path / "recipe.yaml").write_text(text)
    shown = invoke("show", str(tmp_path / "recipe.yaml"))
    assert shown.exit_code == 0 and "probes' choice" in shown.output and "warmup-lift" in shown.output
