"""A finding of ``warmfind check``: one check's outcome and the measured evidence behind it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """The outcome of one check: what it found and the measured evidence behind it."""

    level: str  # "error" fails the gate, "warning" fails it under --strict, "info" is a pass or a note
    check: str  # one of CHECKS: the JUnit test case and the annotation title
    code: str  # a stable identifier of the outcome, e.g. "peak-lr-above-limit"
    message: str  # one line: what is wrong (or right) with the plan
    reason: str  # the evidence: which probe, at what LR and warmup, did what
    setting: str | None = None  # the planned setting it concerns ("peak_lr", "warmup", "batch_size")
    planned: float | None = None
    measured: float | None = None
