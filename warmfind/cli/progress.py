"""How a probe reports while it runs (only the CLI uses it): a rich progress bar in a terminal, plain lines elsewhere.

In a CI log, ``2>probe.log`` or under nohup there is no terminal to redraw, so each finished probe run is one
plain line (stage, LR, warmup, steps, the score it is ranked by, seconds) and a heartbeat line follows at least every
``HEARTBEAT_SECONDS`` while a long run goes on; no rich markup, no source-file suffixes, no wrapping.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from warmfind import defaults
from warmfind.analysis.runs import ProbeRun
from warmfind.analysis.spikes import tail_score
from warmfind.probing.prober import RunCallback, StepCallback
from warmfind.probing.search import StageCallback


@dataclass(frozen=True)
class ProbeCallbacks:
    """What ``measure`` calls as the probe goes: every synced step, every stage, every finished run."""

    on_step: StepCallback | None = None
    on_stage: StageCallback | None = None
    on_run: RunCallback | None = None
    on_estimate: Callable[[int], None] | None = None  # the whole probe's expected steps, once the workload is loaded


@contextlib.contextmanager
def probe_progress(console: Console, enabled: bool = True) -> Iterator[ProbeCallbacks]:
    """Callbacks that report on ``console`` (stderr): progress bars in a terminal, a plain log otherwise.

    In a terminal, one bar follows the run in progress and, once ``measure`` has an estimate of the whole probe
    (``on_estimate``: ``measure.expected_steps``), one bar the whole probe, its ETA from the measured step rate.
    """
    if not enabled:
        yield ProbeCallbacks()
        return
    if not console.is_terminal:
        yield PlainLog(console.file).callbacks()
        return
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} steps"),
        TextColumn("loss {task.fields[loss]}"), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        console=console, transient=True,
    )
    task = progress.add_task("starting", total=1, loss="-")
    whole: list[Any] = []  # the whole probe's task and its expected steps, once estimated
    stage_name = ["starting"]
    finished = [0]  # steps of the runs that ended

    def on_estimate(steps: int) -> None:
        whole[:] = [progress.add_task("whole probe (estimate)", total=max(steps, 1), loss="-"), max(steps, 1)]

    def on_stage(name: str) -> None:
        stage_name[0] = name

    def on_step(label: str, step: int, planned: int, loss: float) -> None:
        progress.update(task, description=f"{stage_name[0]} [{label}]", completed=step, total=planned, loss=f"{loss:.4g}")
        if whole:
            done = finished[0] + step
            progress.update(whole[0], completed=done, total=max(whole[1], done), loss=f"{loss:.4g}")

    def on_run(run: ProbeRun) -> None:
        finished[0] += run.steps

    with progress:
        yield ProbeCallbacks(on_step, on_stage, on_run, on_estimate)


class PlainLog:
    """One plain line per stage and per finished run, and a heartbeat while a run goes on, for logs without a terminal."""

    def __init__(self, stream: TextIO, heartbeat: float = defaults.HEARTBEAT_SECONDS) -> None:
        self.stream = stream
        self.heartbeat = heartbeat
        self.started = self.last_line = time.monotonic()

    def callbacks(self) -> ProbeCallbacks:
        return ProbeCallbacks(self.on_step, self.on_stage, self.on_run, self.on_estimate)

    def on_estimate(self, steps: int) -> None:
        self.line(f"about {steps} probe steps expected")

    def line(self, text: str) -> None:
        now = time.monotonic()
        self.last_line = now
        print(f"[{now - self.started:7.1f}s] {text}", file=self.stream, flush=True)

    def on_stage(self, name: str) -> None:
        self.line(name)

    def on_run(self, run: ProbeRun) -> None:
        self.line(run_line(run))

    def on_step(self, label: str, step: int, planned: int, loss: float) -> None:
        if time.monotonic() - self.last_line >= self.heartbeat:
            self.line(f"still running: {label} step {step}/{planned}, loss {loss:.4g}")


def run_line(run: ProbeRun) -> str:
    """A finished run in one line: stage, LR, warmup, steps, the score it is ranked by (and what that score is), the
    last step's loss, seconds and outcome. The score is the recipe's: the loss on the batches that rank probes
    (held-out or a training sample) when measured, else the mean training loss of the last SCORE_TAIL of steps."""
    last = next((v for v in reversed(run.losses) if math.isfinite(v)), math.nan)
    if run.stopped is not None:
        scored = f"last loss {last:.4g}"
    elif run.eval_loss is not None:
        scored = f"{run.eval_name} {run.eval_loss:.4g} (train tail {tail_score(run.losses):.4g}, last {last:.4g})"
    else:
        scored = f"train tail {tail_score(run.losses):.4g} (last {last:.4g})"
    outcome = f" ({run.stopped})" if run.stopped else ""
    return (f"{run.label}: lr {run.peak_lr:.3g} warmup {run.warmup_steps} steps {run.steps}/{run.planned_steps} "
            f"{scored} {run.seconds:.1f}s{outcome}")
