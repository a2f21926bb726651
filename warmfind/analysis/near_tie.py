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
from warmfind.analysis.recommend import emit_command, fmt, lr_ratio, pick, pool_seeds, probe_name
from warmfind.analysis.runs import ProbeSummary


@dataclass(frozen=True)
class NearTie:
    """Advice that the re-rank measured the chosen peak LR and another LR NEAR_TIE_APART x or more away both within
    NEAR_TIE_BAND of its best. Measured on the recorded recipes of the pooled first scorings (exams 4-21, round 23's
    ``near_ties.py``): a third of short plans have such a pair (39 of 103 with eval_data); at full length the other
    LR was better by over a point in 9 of them, worse in 13, within a point in 15; of such pairs on short plans the
    larger LR won 17 times and lost 5, on long plans it won 5 and lost 7."""

    kind: ClassVar[str] = "near-tie"
    chosen_lr: float
    other: str  # the re-rank probe at the other LR, as the recipe names it
    other_lr: float
    spread: float  # how far apart the two probes' ranking losses are, relative to the smaller
    other_warmup_steps: int | None = None  # the other probe's warmup share of the planned run, where it differs
    floor_ratio: float = 0.0  # the schedule's min_lr / peak_lr, for the other run's floor in the emit command

    def sentence(self) -> str:
        ratio = self.other_lr / self.chosen_lr
        where = f"{ratio:.1f}x" if ratio >= 1 else f"1/{1 / ratio:.1f}x"
        return (f"advice: {self.other} ({where} the chosen peak LR {fmt(self.chosen_lr)}) scored within "
                f"{self.spread:.1%} of the probe the choice stands on: a short probe cannot order the two, and a full "
                "run may (on our exams the larger LR of such a pair won more often on short plans, the smaller on long "
                f"ones). If a second full run is affordable, try peak LR {fmt(self.other_lr)} too: "
                f"{emit_command(self.other_lr, self.floor_ratio, self.other_warmup_steps)}")


def near_tie(probes: Sequence[ProbeSummary], chosen_lr: float, total_steps: int, chosen_warmup: int,
             floor_ratio: float = 0.0, band: float = defaults.NEAR_TIE_BAND,
             apart: float = defaults.NEAR_TIE_APART, measured_lr: float | None = None) -> NearTie | None:
    """``NearTie`` when the choice stands on a re-rank probe within ``band`` of the re-rank's best (within sqrt(2) of
    its LR: the constant-LR check may have stepped it down) and another such probe sits ``apart`` x or more from that
    probe's LR (the farthest is named); None otherwise, as when the margin moved the choice below the tied band.
    ``total_steps``, ``chosen_warmup`` (the recipe's) and ``floor_ratio`` place the other probe's schedule in the plan
    for the advice's emit command; ``measured_lr`` is the probes' own choice where the lift moved the recipe's peak off
    it (``recommendation.measured``): the choice stands on the probe there."""
    rerank = pool_seeds([p for p in probes if p.label == "rerank" and p.stable and math.isfinite(p.quality)])
    if len(rerank) < 2:
        return None
    best = pick(rerank)  # the re-rank's measured best, as the search takes it
    if best is None or best.quality <= 0:
        return None
    band_probes = [p for p in rerank if p.horizon == best.horizon and p.quality <= best.quality * (1 + band)]
    anchor = measured_lr or chosen_lr
    near = [p for p in band_probes if lr_ratio(p.peak_lr, anchor) <= math.sqrt(2) * (1 + 1e-9)]
    if not near:
        return None
    mine = min(near, key=lambda p: lr_ratio(p.peak_lr, anchor))  # the probe the choice stands on
    far = [p for p in band_probes if lr_ratio(p.peak_lr, mine.peak_lr) >= apart * (1 - 1e-9)]
    if not far:
        return None
    other = max(far, key=lambda p: (lr_ratio(p.peak_lr, mine.peak_lr), -p.quality))
    warmup = round(other.warmup_fraction * total_steps)
    return NearTie(chosen_lr, probe_name(other), other.peak_lr,
                   abs(other.quality - mine.quality) / min(other.quality, mine.quality),
                   warmup if warmup != chosen_warmup else None, floor_ratio)
