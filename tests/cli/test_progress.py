"""Reporting while a probe runs: plain lines for logs without a terminal."""

from __future__ import annotations

import io
import math

from rich.console import Console

from warmfind.analysis.runs import ProbeRun
from warmfind.cli.progress import PlainLog, probe_progress, run_line


def finished(stopped: str | None = None) -> ProbeRun:
    return ProbeRun(
        label="screen", peak_lr=0.0123, warmup_steps=6, planned_steps=30, schedule="linear-warmup-cosine",
        lrs=(0.01,) * 3, losses=(2.0, 1.5, math.nan if stopped else 1.25), grad_norms=(1.0,) * 3, layer_names=(),
        update_ratios=(), stopped=stopped, seconds=0.42, eval_loss=None if stopped else 1.3,
    )


def test_a_finished_run_is_one_plain_line() -> None:
    # the score the probes are ranked by, named: held-out loss here, with the training tail and the last step beside it
    assert run_line(finished()) == "screen: lr 0.0123 warmup 6 steps 3/30 held-out loss 1.3 (train tail 1.25, last 1.25) 0.4s"
    assert run_line(finished("diverged")) == "screen: lr 0.0123 warmup 6 steps 3/30 last loss 1.5 0.4s (diverged)"


def test_without_a_terminal_the_log_has_stages_runs_and_heartbeats() -> None:
    stream = io.StringIO()
    log = PlainLog(stream, heartbeat=0.0)  # every step is past the heartbeat
    log.on_estimate(1570)
    log.on_stage("range test")
    log.on_step("rerank", 10, 120, 2.5)
    log.on_run(finished())
    lines = stream.getvalue().splitlines()
    assert [line.split("] ", 1)[1] for line in lines] == [
        "about 1570 probe steps expected", "range test", "still running: rerank step 10/120, loss 2.5", run_line(finished())]
    quiet = PlainLog(io.StringIO(), heartbeat=3600.0)
    quiet.on_step("rerank", 10, 120, 2.5)
    assert quiet.stream.getvalue() == ""  # type: ignore[attr-defined]


def test_a_console_that_is_not_a_terminal_gets_the_plain_log() -> None:
    stream = io.StringIO()
    with probe_progress(Console(file=stream), enabled=True) as report:
        assert report.on_run is not None and report.on_stage is not None
        report.on_stage("screening")
    assert stream.getvalue().endswith("] screening\n") and "progress.py" not in stream.getvalue()
    with probe_progress(Console(file=io.StringIO()), enabled=False) as report:
        assert report.on_step is None and report.on_run is None


def test_a_terminal_gets_a_bar_for_the_run_and_one_for_the_whole_probe() -> None:
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=120)
    with probe_progress(console, enabled=True) as report:
        assert report.on_step is not None and report.on_run is not None and report.on_stage is not None
        assert report.on_estimate is not None
        report.on_stage("range test")
        report.on_step("range-test", 10, 100, 2.7)  # before measure's estimate: the run's bar only
        report.on_estimate(200)
        report.on_stage("screening")
        report.on_step("screen", 10, 30, 2.5)
        report.on_run(finished())
        report.on_step("rerank", 10, 120, 2.0)
    assert "whole probe (estimate)" in stream.getvalue()
