"""Probe runs as plain data, and the summary of one run that the recommendation is built from (no torch)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from warmfind import defaults
from warmfind.analysis.spikes import (
    Spike,
    blowup_excursion,
    came_back,
    divergence_step,
    find_spike,
    grad_blowup_step,
    tail_score,
)


HELD_OUT = "held-out loss"  # what eval_loss is unless said otherwise (holdout.Ranking.score names the others)


@dataclass(frozen=True)
class ProbeRun:
    """One short training run: its schedule and what every step measured."""

    label: str  # e.g. "range-test", "screen", "warmup", "rerank", "check"
    peak_lr: float
    warmup_steps: int
    planned_steps: int  # the length the schedule was built for
    schedule: str  # the schedule's shape, as in warmfind.recipe.schedule
    lrs: tuple[float, ...]  # LR of the first parameter group at each step taken
    losses: tuple[float, ...]  # training loss at each step (before the update)
    grad_norms: tuple[float, ...]  # global gradient L2 norm at each step (before clipping)
    layer_names: tuple[str, ...]  # the modules whose update-to-weight ratio is recorded
    update_ratios: tuple[tuple[float, ...], ...]  # per step, |delta w| / |w| of each module in layer_names
    stopped: str | None  # None: ran to the end; "diverged", "budget" or "interrupted"
    seconds: float
    seed: int = 0  # the data-order seed
    eval_loss: float | None = None  # mean loss of the final weights on the batches that rank probes, when there are any
    eval_name: str = HELD_OUT  # what those batches are: HELD_OUT or "training-sample loss"
    small_batch_sq: tuple[float, ...] = ()  # |g|^2 of the first micro-batch per step (noise scale), if split
    big_batch_sq: tuple[float, ...] = ()  # |g|^2 of the whole batch per step, if split
    zero_start: tuple[str, ...] = ()  # modules that started near zero: their update ratio is against their init scale
    grad_sum_sq: tuple[float, ...] = ()  # |g_0 + ... + g_t|^2 per step (the range test): the noise scale at init
    raised: str | None = None  # the exception the loss, its backward or the optimizer raised at the last step, if any:
    #   the run ended there as diverged (a Cholesky of a kernel gone non-positive-definite at a large LR, say)
    start_loss: float | None = None  # the untrained model's mean loss over its first batches, for runs from the initial
    #   weights: what a blow-up is measured against (spikes.start_level; None: the run's first loss)

    @property
    def steps(self) -> int:
        return len(self.losses)


@dataclass(frozen=True)
class ProbeSummary:
    """What one probe run says about its (peak LR, warmup) pair, in the terms the recommendation uses."""

    label: str
    peak_lr: float
    warmup_steps: int
    horizon: int  # steps the run's schedule was built for
    steps: int  # steps actually taken
    score: float  # mean training loss over the run's last SCORE_TAIL (inf when it diverged or did not finish)
    eval_loss: float | None  # the final weights' loss on the batches that rank probes (held-out or a training sample)
    diverged_step: int | None  # first non-finite step, or the start of a blow-up that did not come back
    spike: Spike | None  # the largest loss spike; a recovered one is a catapult, not a failure
    grad_blowup_step: int | None  # first step whose gradient norm jumped GRAD_BLOWUP_MULTIPLE x
    top_layers: tuple[tuple[str, float], ...]  # modules with the largest update-to-weight ratio, largest first
    seed: int = 0
    stopped: str | None = None
    projected_loss: float | None = None  # re-rank probes: the loss projected to the full run (recommend.extrapolate)
    eval_name: str = HELD_OUT  # what eval_loss is (ProbeRun.eval_name)
    raised: str | None = None  # the exception that ended the run (ProbeRun.raised)

    @property
    def warmup_fraction(self) -> float:
        return self.warmup_steps / self.horizon if self.horizon else 0.0

    @property
    def diverged(self) -> bool:
        return self.diverged_step is not None

    @property
    def finished(self) -> bool:
        """Ran its whole horizon (not cut by the budget, Ctrl-C or a blow-up)."""
        return self.stopped is None

    @property
    def stable(self) -> bool:
        """Finished without diverging and without a spike it did not recover from: a candidate the search may
        choose. A spike that came back (a catapult, or an optimizer's large first step) is evidence, not a failure."""
        return self.finished and not self.diverged and (self.spike is None or self.spike.recovered)

    @property
    def calm(self) -> bool:
        """Stable and without any spike: what a constant-LR check at the peak must show."""
        return self.stable and self.spike is None

    @property
    def quality(self) -> float:
        """The number candidates are ranked by (lower is better): ``eval_loss`` if measured, else the tail score."""
        if self.diverged or not self.finished:
            return math.inf
        return self.eval_loss if self.eval_loss is not None and math.isfinite(self.eval_loss) else self.score

    @property
    def ranked_by(self) -> str:
        """What ``quality`` is, in words: ``eval_name`` (held-out or training-sample loss), or the training loss's tail
        mean."""
        if self.eval_loss is not None and math.isfinite(self.eval_loss):
            return self.eval_name
        return f"training loss, mean of the last {defaults.SCORE_TAIL:.0%} of steps"


def summarize(run: ProbeRun, top: int = defaults.UPDATE_RATIO_TOP) -> ProbeSummary:
    """Reduce a run to its spike, divergence, score and the layers that moved most."""
    diverged = divergence_step(run.losses, stopped=run.stopped == "diverged", start=run.start_loss)
    spike = find_spike(run.losses, start=run.start_loss)
    if diverged is None and (spike is None or spike.recovered):
        spike = _larger(spike, blowup_excursion(run.losses, start=run.start_loss))
    if spike is not None and spike.recovered and not came_back(run.losses, spike, run.start_loss):
        spike = replace(spike, recovered=False, recovery_step=None)
    window = run.update_ratios
    if spike is not None:  # name the layers that moved most while the loss was spiking
        window = run.update_ratios[max(0, spike.start_step - 5) : spike.step + 1] or window
    return ProbeSummary(
        label=run.label,
        peak_lr=run.peak_lr,
        warmup_steps=run.warmup_steps,
        horizon=run.planned_steps,
        steps=run.steps,
        score=tail_score(run.losses) if diverged is None and run.stopped is None else math.inf,
        eval_loss=run.eval_loss,
        eval_name=run.eval_name,
        diverged_step=diverged,
        spike=spike,
        grad_blowup_step=grad_blowup_step(run.grad_norms),
        top_layers=top_movers(run.layer_names, window, top),
        seed=run.seed,
        stopped=run.stopped,
        raised=run.raised,
    )


def _larger(a: Spike | None, b: Spike | None) -> Spike | None:
    if a is None or b is None:
        return a or b
    return a if a.ratio >= b.ratio else b


def top_movers(names: tuple[str, ...], ratios: tuple[tuple[float, ...], ...], top: int) -> tuple[tuple[str, float], ...]:
    """The ``top`` modules by their largest update-to-weight ratio over ``ratios`` (one row per step)."""
    if not ratios or not names:
        return ()
    peaks = [max((row[i] for row in ratios if math.isfinite(row[i])), default=math.inf) for i in range(len(names))]
    order = sorted(range(len(names)), key=lambda i: -peaks[i])[:top]
    return tuple((names[i], peaks[i]) for i in order)


def stalled(loss: float | None, lr: float, peers: list[tuple[float, float]], ratio: float | None = None) -> tuple[float, float] | None:
    """The best peer ``(lr, loss)`` of the same horizon that a probe trained far worse than, at a larger LR than it.

    A probe above the best LR whose loss is more than ``ratio`` (STALL_RATIO) times the best did not train: a
    stall, or a jump to a worse basin. It is a failed probe even though it neither spiked nor diverged. A probe
    below the best LR that is worse only trained slowly. None when the probe is not stalled.
    """
    ratio = defaults.STALL_RATIO if ratio is None else ratio
    finite = [(p_lr, p_loss) for p_lr, p_loss in peers if math.isfinite(p_loss) and p_loss > 0]
    if loss is None or not math.isfinite(loss) or not finite:
        return None
    best_lr, best = min(finite, key=lambda p: p[1])
    return (best_lr, best) if lr > best_lr * (1 + 1e-9) and loss > ratio * best else None


def failure(probe: ProbeSummary, probes: Sequence[ProbeSummary]) -> str | None:
    """How a probe failed, in the one vocabulary the search, the recipe and ``check`` share: ``diverged`` (went
    non-finite or blew up and did not come back), ``spiked`` (a spike it had not recovered from when it ended),
    ``stalled`` (trained far worse than the best probe of its horizon and warmup, at a larger LR), or
    ``interrupted``/``budget`` (cut before its horizon); None when it trained, a recovered spike included."""
    if probe.diverged:
        return "diverged"
    if not probe.finished:
        return probe.stopped
    if probe.spike is not None and not probe.spike.recovered:
        return "spiked"
    peers = [(p.peak_lr, p.quality) for p in probes if p.horizon == probe.horizon and p.warmup_steps == probe.warmup_steps]
    return "stalled" if stalled(probe.quality, probe.peak_lr, peers) is not None else None
