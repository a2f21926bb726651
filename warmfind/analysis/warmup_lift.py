"""Plans whose re-rank saw a large share of the run (the exams' 300-step plans, T/3): the recipe warms up over 20% of
the run, at 2^(1/2) x the re-rank's choice (``defaults.LIFT_FACTOR``).

What a warmup buys is a larger LR that trains (Goyal et al. 2017; Kalra & Barkeshli 2024), and a re-rank at a third of
the run under-rates it: on the pooled exams' short plans the full runs' best cells have a 20% warmup on 52 of 94 rows
(exams 39-62) where the picks had none on 50. Read off the spent exams' grids (round 52), a 20% warmup at 2^(1/4) x
the pick read better than the pick on more rows than worse in every block of exams, with medians that moved little.
Set W of exams 63-64 decided it on fresh rows by full runs, by a rule written before they existed
(`benchmarks/results/exam63_preregistration.md`): on their 8 short rows per regime, median +15.7% -> +3.8% with
eval_data and +21.7% -> +9.6% without, within 3% on 3 rows against 2, over 8% on 3 / 4 against 6, better by over a
point on 7 rows and worse on 1 (`benchmarks/results/experiments/round52/decide.txt`). Exams 65-68 kept it by a
pre-registered revert rule; round 53 then read one more quarter octave better off exams 65-68's grids, and exams
69-70's pre-registered rule adopted 2^(1/2) by full runs (set X: median +5.6% -> +3.9% with eval_data, +3.2% -> +2.7%
without; within 3% on 4 rows against 3, over 8% on 3 against 3; one row worse by 181 points:
benchmarks/results/experiments/round53/README.md). Eight rows per regime each time: the direction is measured three
times, the size is not settled.
"""

from __future__ import annotations

from dataclasses import dataclass

from warmfind import defaults
from warmfind.analysis.recommend import Recommendation, fmt
from warmfind.analysis.second_run import saw_enough


@dataclass(frozen=True)
class WarmupLift:
    """The re-rank's choice (``measured_lr``, ``measured_warmup`` steps) and the recipe's peak and warmup after the lift."""

    measured_lr: float
    measured_warmup: int
    peak_lr: float
    warmup_steps: int

    def line(self) -> str:
        """The explanation's first line: why the peak and warmup are not the re-rank's choice, which the lines after it
        describe."""
        return (f"peak LR {fmt(self.peak_lr)} with a {self.warmup_steps}-step warmup: {defaults.LIFT_FACTOR:.2f}x the "
                f"re-rank's choice, {fmt(self.measured_lr)} with {self.warmed()}, behind a "
                f"{defaults.LIFT_WARMUP:.0%} warmup, because a re-rank this long under-rates the larger LR a warmup "
                "lets train (on our exams' short plans this trained better more often than the choice itself). "
                "The lines below describe the choice")

    def warmed(self) -> str:
        return f"a {self.measured_warmup}-step warmup" if self.measured_warmup else "no warmup"

    def apply(self, rec: Recommendation) -> Recommendation:
        """``rec`` at the lifted peak (its floor scaled with it) and warmup, the lift first among its reasons."""
        return rec.moved("warmup-lift", self.peak_lr, self.warmup_steps).led_by(self.line())


def warmup_lift(measured_lr: float, measured_warmup: int, rerank_steps: int, total_steps: int,
                share: float = defaults.SECOND_RUN_SHARE) -> WarmupLift | None:
    """``WarmupLift`` when the re-rank ran at least ``share`` of the plan (where ``second_run`` halves nothing); None
    otherwise."""
    if not saw_enough(rerank_steps, total_steps, share):
        return None
    return WarmupLift(measured_lr, measured_warmup, measured_lr * defaults.LIFT_FACTOR,
                      int(round(defaults.LIFT_WARMUP * total_steps)))
