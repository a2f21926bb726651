"""Screens that measured the optimizer's first steps, not the LR: detect them, and advise the range test's valley.

Exam 60's DistoX calibration net (RAdam, an untrained loss of ~240): the range test's gradual ramp trained up to ~1 and
diverged at 5.7, but every no-warmup screen rung from 10 down to 1.5e-4 blew up at step 1. RAdam's first updates are
un-rectified momentum-SGD steps, and under such large gradients any LR above ~1e-4 throws the weights away before its
adaptive phase begins; a warmup keeps those first steps small (every 0%-warmup cell of that exam's grid ends ~20,000x
worse; the 5% cells train, best at 0.016). The probes' own warmups, a share of a short probe (7 of 34 steps, 36 of 182),
are too short in steps to show it, and the re-rank tries warmups only around the screen's best rung. So the search
ranked LRs 1,000x under the best (+17,566%).

Round 51 (``benchmarks/results/experiments/round51/``) measured a fallback that *picks* the range test's valley there:
on the DistoX net it scored -6.5% in both regimes, but its pre-registered rule also required that it fire on no other
recorded recipe, and it fired on exam 54's bridge network as the pre-round-45 code had probed it; so the pick is not
moved. What ships is the advice: the recipe says what the probes could not measure and names the range test's valley,
with a 5% warmup, as the second full run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from warmfind import defaults
from warmfind.analysis.lr_range import RangeTest
from warmfind.analysis.recommend import classic_warmup, emit_command, fmt
from warmfind.analysis.runs import ProbeSummary


@dataclass(frozen=True)
class FirstSteps:
    """A no-warmup screen that measured only the optimizer's first steps (``first_steps_only``), and the advice it
    gives once ``first_steps_advice`` has named the second run: the pick ranks only LRs that survived those steps and
    may be far too low; the range test's valley with a warmup is the second full run to try. Every number the advice
    cites is a field here."""

    kind: ClassVar[str] = "first-steps"
    failed_rungs: int  # no-warmup screen rungs above the highest stable one that blew up within FIRST_STEPS steps
    failed_from_lr: float  # the largest of them
    failed_to_lr: float  # the smallest of them
    highest_stable_lr: float  # the highest stable no-warmup rung (with none stable, the lowest rung)
    divergence_lr: float  # where the range test's gradual ramp diverged
    gap: float  # divergence_lr / highest_stable_lr
    other_lr: float | None = None  # the range test's valley, the advised second run
    warmup_steps: int | None = None  # its warmup: the classic guess's (recommend.classic_warmup)
    floor_ratio: float = 0.0

    def reason(self) -> str:
        return (f"{self.failed_rungs} no-warmup screen rungs from {fmt(self.failed_from_lr)} down to "
                f"{fmt(self.failed_to_lr)} blew up within their first {defaults.FIRST_STEPS} steps, and the highest that "
                f"trained, {fmt(self.highest_stable_lr)}, sits {self.gap:,.0f}x below the LR where the range test's "
                f"gradual ramp diverged ({fmt(self.divergence_lr)}): the constant-LR probes measured the optimizer's "
                "first steps, not the LR")

    def sentence(self) -> str:
        return (f"advice: {self.reason()}. The peak LR above ranks only LRs that survived those steps and may be far "
                f"too low: a warmup longer than any probe's may let much larger LRs train. If a second full run is "
                f"affordable, also train at the range test's valley, peak LR {fmt(self.other_lr or 0.0)}, with a "
                f"{self.warmup_steps}-step warmup, and keep the better. Its config: "
                f"{emit_command(self.other_lr or 0.0, self.floor_ratio, self.warmup_steps)}")


def first_steps_only(screen: Sequence[ProbeSummary], range_test: RangeTest | None) -> FirstSteps | None:
    """What shows that the no-warmup screen measured only the optimizer's first steps, or None when it measured the LR.

    It did when its highest stable rung (with none stable, its lowest) sits FIRST_STEPS_GAP or more below the LR at
    which the range test's gradual ramp diverged, and some rung above that blew up within its first FIRST_STEPS
    steps: the ramp trained through LRs that a constant LR cannot survive one step at, so what stops those rungs is
    the start of training, which a warmup cures, not the LR. A sweep that never diverged says nothing here (measured
    from its last LR instead, the rule fired on 7 more recorded workloads whose sweeps only climbed back at huge LRs).
    """
    if range_test is None or not range_test.divergence_lr:
        return None
    rungs = [s for s in screen if s.warmup_steps == 0]
    if not rungs:
        return None
    stable = [s.peak_lr for s in rungs if s.stable]
    top = max(stable) if stable else min(s.peak_lr for s in rungs)
    gap = range_test.divergence_lr / top
    early = [s.peak_lr for s in rungs
             if s.peak_lr > top and s.diverged_step is not None and s.diverged_step <= defaults.FIRST_STEPS]
    if gap < defaults.FIRST_STEPS_GAP or not early:
        return None
    return FirstSteps(len(early), max(early), min(early), top, range_test.divergence_lr, gap)


def first_steps_advice(found: FirstSteps | None, range_test: RangeTest | None, total_steps: int,
                       floor_ratio: float) -> FirstSteps | None:
    """``found`` with its second run named (the range test's valley, the classic guess's warmup), where the range test
    has a valley; else None."""
    if found is None or range_test is None or not range_test.valley_lr:
        return None
    return replace(found, other_lr=range_test.valley_lr, warmup_steps=classic_warmup(total_steps),
                   floor_ratio=floor_ratio)
