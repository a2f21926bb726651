"""The rich progress display for a probe, fed by the probe loop's callbacks (only the CLI uses it)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from warmfind.probing.prober import StepCallback
from warmfind.probing.search import StageCallback


@contextlib.contextmanager
def probe_progress(console: Console, enabled: bool = True) -> Iterator[tuple[StepCallback | None, StageCallback | None]]:
    """Yield ``(on_step, on_stage)`` callbacks that drive a progress bar on ``console`` (stderr)."""
    if not enabled:
        yield None, None
        return
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} steps"),
        TextColumn("loss {task.fields[loss]}"), TimeElapsedColumn(), console=console, transient=True,
    )
    task = progress.add_task("starting", total=1, loss="-")
    stage_name = ["starting"]

    def on_stage(name: str) -> None:
        stage_name[0] = name
        console.log(name) if not console.is_terminal else None

    def on_step(label: str, step: int, planned: int, loss: float) -> None:
        progress.update(task, description=f"{stage_name[0]} [{label}]", completed=step, total=planned, loss=f"{loss:.4g}")

    with progress:
        yield on_step, on_stage
