"""The near-tie advice: the re-rank measured two LRs far apart as equal, so the full run may order them either way.

No rule moves the pick on it (rounds 23 and 24, `benchmarks/results/experiments/README.md`: a tie toward the larger
LR helped short plans a little and broke a long one); the recipe says it, with both LRs, so a user who can afford a
second full run knows which one to try.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from warmfind import defaults
from warmfind.analysis.recommend import fmt, pool_seeds, probe_name
from warmfind.analysis.runs import ProbeSummary


@dataclass(frozen=True)
class NearTie:
    """Advice that a stable re-rank candidate NEAR_TIE_APART x or more away in LR from the re-rank's measured best
    scored within NEAR_TIE_BAND of it. Measured on the recorded recipes of the pooled first scorings (exams 4-21,
    round 23's ``near_ties.py``): a third of short plans have one (39 of 103 with eval_data); at full length the other
    LR was better by over a point in 9 of them, worse in 13, within a point in 15; of such pairs on short plans the
    larger LR won 17 times and lost 5, on long plans it won 5 and lost 7."""

    kind: ClassVar[str] = "near-tie"
    best: str  # the re-rank's measured best, as the recipe names it
    other: str  # the candidate tied with it
    other_lr: float
    gap: float  # the other's ranking loss over the best's, minus 1
    larger: bool  # the other is the larger LR of the two

    def sentence(self) -> str:
        side = "larger" if self.larger else "smaller"
        return (f"advice: {self.other} scored within {self.gap:.1%} of the re-rank's best ({self.best}), at a {side} "
                f"LR: a short probe cannot order the two, and a full run may (on our exams the larger LR of such a pair "
                f"won more often on short plans, the smaller on long ones). If a second full run is affordable, try "
                f"peak LR {fmt(self.other_lr)} too")


def near_tie(probes: Sequence[ProbeSummary], band: float = defaults.NEAR_TIE_BAND,
             apart: float = defaults.NEAR_TIE_APART) -> NearTie | None:
    """``NearTie`` for the stable re-rank candidate farthest in LR from the re-rank's measured best (at least ``apart``
    x away) whose ranking loss is within ``band`` of the best's; None when there is none."""
    rerank = pool_seeds([p for p in probes if p.label == "rerank" and p.stable and math.isfinite(p.quality)])
    if len(rerank) < 2:
        return None
    best = min(rerank, key=lambda p: (p.quality, p.peak_lr))
    tied = [p for p in rerank if p.horizon == best.horizon and p.quality <= best.quality * (1 + band)
            and max(p.peak_lr / best.peak_lr, best.peak_lr / p.peak_lr) >= apart * (1 - 1e-9)]
    if not tied or best.quality <= 0:
        return None
    other = max(tied, key=lambda p: (abs(math.log(p.peak_lr / best.peak_lr)), -p.quality))
    return NearTie(probe_name(best), probe_name(other), other.peak_lr, other.quality / best.quality - 1,
                   other.peak_lr > best.peak_lr)
