"""The second-run advice for plans whose re-rank saw a small share of the run: also train at half the peak LR.

No rule moves the pick on it (a uniform factor broke the long picks it did not fix, rounds 14 and 36 of
`benchmarks/results/experiments/README.md`; round 36, pre-registered on exams 33-34, halved the pick: median +3.4% ->
+1.4% but 4 of 16 rows over 8% against 1): the misses of long plans go both ways. But they go high more often, so
the better of the pick and half of it, each trained in full, is what a user who can afford a second run should try.
Round 35 measured it on the recorded long plans of the pooled first scorings (exams 4-28, T = 3,000, re-rank 182
steps) and adopted it on exams 29-30's 16 fresh long rows, as pre-registered in
`benchmarks/results/exam29_preregistration.md`: pick or half +5.2% median against the pick's +20.1%, the tied
neighbour's +5.8% and double's +17.4%.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from warmfind import defaults
from warmfind.analysis.recommend import fmt


@dataclass(frozen=True)
class SecondRun:
    """Advice to train a second time at ``other_lr`` (half the chosen peak LR, same warmup) and keep the better."""

    kind: ClassVar[str] = "second-run"
    chosen_lr: float
    other_lr: float
    rerank_steps: int
    total_steps: int

    def sentence(self) -> str:
        # the exam numbers behind both claims are in the module docstring and docs/how-it-works.md, not the recipe
        return (f"advice: the re-rank saw {self.rerank_steps} of the planned {self.total_steps:,} steps "
                f"({self.rerank_steps / self.total_steps:.0%}); so short a look ranks too large an LR first more often "
                "than too small (on our exams' long plans). If a second full run is affordable, also train at peak LR "
                f"{fmt(self.other_lr)} with the same warmup and keep the better: on our exams' long plans the better of "
                "the two lost much less than the pick alone")


def second_run(chosen_lr: float, rerank_steps: int, total_steps: int,
               share: float = defaults.SECOND_RUN_SHARE) -> SecondRun | None:
    """``SecondRun`` when the re-rank ran fewer steps than ``share`` of the plan (the probe budget shrank it on a long
    plan, or a small ``--rerank-fraction`` was asked for); None otherwise."""
    if rerank_steps >= total_steps * share:
        return None
    return SecondRun(chosen_lr, chosen_lr / 2, rerank_steps, total_steps)
