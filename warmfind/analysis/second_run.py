"""Plans whose re-rank saw a small share of the run: the peak LR is a share of the measured best (2^(-3/4), about
0.59x, ``defaults.HALVING_SHARE``: half until round 89; a quarter under RAdam; the best itself under SGD; sqrt(2) x
the best under Adagrad, whose best LR grows with the run: ``defaults.HALVING_SHARES``), and the advice names twice the
pick, never above the best (the best itself under the default share and under Adagrad; half the best under RAdam's
quarter: round 69, exams 109-110).

A re-rank capped by the probe budget (182 of a 3,000-step plan) more often ranks too large an LR first than too small:
the exams' long picks sat a median 1.7-2x the best LR. Round 35 (pre-registered on exams 29-30) adopted advice to
also train at half the peak and keep the better; round 36 (exams 33-34) halved the pick itself and lost the tail (4
of 16 rows over 8% against 1), so it was not adopted; round 38 tested the same rule, unchanged, a second and last
time on exams 37-38's 16 fresh long rows and it met all three pre-registered conditions: median +6.4% against the
pick's +12.9%, over 8% on 8 rows against 9, within 3% on 7 against 6 (`benchmarks/results/exam37_preregistration.md`;
`benchmarks/results/experiments/README.md`, rounds 35-39). Exams 39-40, the first scored with it (16 long rows): the
halved pick +2.7% median, over 8% on 4; the re-rank's best +7.7%, on 8; the better of the two +2.5%, on 3. The
misses still go both ways, so a larger LR stays the advised second run: where a second full run is affordable,
train both and keep the better. Round 89 (pre-registered, exams 143-144's 8 fresh Adam-family and RMSprop long rows
per regime) moved the default share a quarter octave up: median +4.4% -> +3.4% / +4.7% -> +3.5%; its revert test
(exams 145-146) kept it: half again read +2.5% / +2.2% against +1.8% / +1.3%.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from warmfind import defaults
from warmfind.analysis.recommend import Recommendation, emit_command, fmt


@dataclass(frozen=True)
class SecondRun:
    """The pick ``chosen_lr`` is a share (``defaults.HALVING_SHARES``) of the measured best ``best_lr``; advice to also
    train at ``other_lr``, twice the pick and never above the best, and keep the better (rounds 67, 69)."""

    kind: ClassVar[str] = "second-run"
    chosen_lr: float
    other_lr: float
    best_lr: float  # the re-rank's best (other_lr where the share is half)
    rerank_steps: int
    total_steps: int
    floor_ratio: float = 0.0  # the schedule's min_lr / peak_lr (0 for warmup-stable-decay), for the second run's floor

    def halving(self, margin: float | None) -> str:
        """The explanation's first line: why the peak LR is not the measured best, which the lines after it describe
        (their margin is the best's; the recipe's ``confidence.margin`` is the halved peak's, named here too)."""
        why = ("ranks too large an LR first more often than too small (on our exams' long plans, most of all under RAdam)"
               if self.chosen_lr < self.best_lr else "ranks too small an LR first under an optimizer whose steps shrink as "
               "its accumulator grows, so that its best LR grows with the run (Adagrad, on our exams' long plans)")
        line = (f"peak LR {fmt(self.chosen_lr)}: {share_words(self.chosen_lr / self.best_lr)} the re-rank's best, "
                f"{fmt(self.best_lr)}, because the re-rank saw {self.rerank_steps} of the planned {self.total_steps:,} "
                f"steps ({self.rerank_steps / self.total_steps:.0%}), and so short a look {why}. The lines below describe "
                "that best")
        if margin:
            line += f"; at this peak the margin to the nearest failed probe is {margin:.1f}x"
        return line

    def sentence(self) -> str:
        # the exam numbers behind both claims are in the module docstring and docs/how-it-works.md, not the recipe
        share = share_words(self.other_lr / self.best_lr)
        which = "the re-rank's best" if self.other_lr >= self.best_lr else f"twice this peak ({share} the re-rank's best)"
        return (f"advice: if a second full run is affordable, also train at {which}, peak LR "
                f"{fmt(self.other_lr)}, with the same warmup and keep the better: on our exams' long plans the better "
                f"of the two lost over 8% less often than either alone. Its config: {emit_command(self.other_lr, self.floor_ratio)}")

    def apply(self, rec: Recommendation) -> Recommendation:
        """``rec`` at the halved peak (its floor scaled with it), the halving first among its reasons."""
        halved = rec.moved("halving", self.chosen_lr)
        return halved.led_by(self.halving(halved.margin))


def share_words(share: float) -> str:
    """How the explanation names the pick's share of the re-rank's best: "half", "a quarter of", "1.4x"."""
    return {0.5: "half", 0.25: "a quarter of"}.get(share, f"{share:.2g}x")


def saw_enough(rerank_steps: int, total_steps: int, share: float = defaults.SECOND_RUN_SHARE) -> bool:
    """Whether the re-rank saw at least ``share`` of the planned run: where the recipe lifts the choice
    (``warmup_lift``, and on Adam-family plans looks again first: ``search.looks_longer``) rather than shipping a share
    of it (``second_run``)."""
    return rerank_steps >= total_steps * share


def halving_kind(kinds: Sequence[str]) -> str:
    """The first of an optimizer's class names (most derived first, ``search.optimizer_kinds``) that
    ``defaults.HALVING_SHARES`` names, or "": a subclass of Adagrad takes Adagrad's share."""
    return next((kind for kind in kinds if kind in defaults.HALVING_SHARES), "")


def second_run(measured_lr: float, rerank_steps: int, total_steps: int, floor_ratio: float = 0.0, optimizer: str = "",
               share: float = defaults.SECOND_RUN_SHARE, failed_lr: float | None = None) -> SecondRun | None:
    """``SecondRun`` (pick ``defaults.HALVING_SHARE`` of ``measured_lr``, or ``defaults.HALVING_SHARES``' share under
    the optimizer named ``optimizer``, its ``halving_kind``; advise twice the pick, at most ``measured_lr``) when
    the re-rank ran fewer steps than ``share`` of the plan (the probe budget shrank it on a long plan, or a small
    ``--rerank-fraction`` was asked for); None otherwise, and None where that optimizer's share is the whole best
    (SGD). Over 1 (Adagrad's sqrt(2)) the advice names the best itself, and the share is not taken where a probe at
    the choice's warmup failed at or below the raised peak (``failed_lr``, the recipe's nearest unstable LR): the pick
    never goes onto a measured failure (on exams 135-138's 32 Adagrad long recipes no probe had failed above the
    choice).
    ``floor_ratio`` (min_lr / peak_lr of the schedule) gives the second run's floor in the advice's emit command."""
    factor = defaults.HALVING_SHARES.get(optimizer, defaults.HALVING_SHARE)
    if saw_enough(rerank_steps, total_steps, share) or factor == 1:
        return None
    if factor > 1 and failed_lr is not None and failed_lr <= measured_lr * factor * (1 + 1e-9):
        return None
    return SecondRun(measured_lr * factor, min(2 * measured_lr * factor, measured_lr), measured_lr, rerank_steps,
                     total_steps, floor_ratio)
