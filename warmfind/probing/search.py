"""The probe plan: range test, a ladder of compressed-schedule probes, a longer re-rank with and without warmup
(projected to the full run), a constant-LR check and the warmup margin.

Each stage runs real training through a ``Prober`` and hands pure functions of ``recommend`` the summaries.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from warmfind import defaults
from warmfind.analysis.lr_range import RangeTest, analyse_range_test, exponential_lrs
from warmfind.analysis.recommend import (
    Recommendation,
    extension,
    extrapolate,
    fallback_reason,
    final_candidates,
    fmt,
    instability,
    keep_descending,
    keep_margin,
    ladder,
    ladder_done,
    pick,
    pool_seeds,
    range_test_rule,
    recommend,
    refinement,
    rerank_candidates,
    seeds_agree,
    stalled_in_training,
    warmup_margin,
)
from warmfind.analysis.runs import ProbeRun, ProbeSummary, summarize
from warmfind.errors import WarmfindError
from warmfind.probing.batches import BadData
from warmfind.probing.halving import halving_rerank
from warmfind.probing.prober import Budget, ProbeInterrupted, Prober
from warmfind.recipe.schedule import SCHEDULES, WSD, Schedule

StageCallback = Callable[[str], None]


@dataclass(frozen=True)
class SearchPlan:
    """How long each stage's probes run, derived from the planned training length."""

    total_steps: int
    screen_steps: int
    rerank_steps: int
    seeds: int = 1
    final_steps: int = 0  # the final round's horizon (0: no final round)
    halving_steps: int = 0  # RERANK_MODE "halving": the last rung's horizon
    warmup_fractions: tuple[float, ...] = defaults.WARMUP_FRACTIONS
    shape: str = SCHEDULES[0]  # the planned schedule's shape: every probe compresses it into its own horizon
    decay_fraction: float = defaults.WSD_DECAY_FRACTION  # warmup-stable-decay's final decay, as a share of a run
    rerank_shape: str | None = None  # the re-rank probes' shape when not the planned one (a cooldown probe: RERANK_SHAPE)

    @classmethod
    def for_run(cls, total_steps: int, seeds: int = 1, rerank_fraction: float | None = None,
                shape: str = SCHEDULES[0], decay_fraction: float = defaults.WSD_DECAY_FRACTION) -> SearchPlan:
        """Horizons for a ``total_steps`` run; ``rerank_fraction`` (default RERANK_FRACTION) sets the re-rank's."""
        fraction = defaults.RERANK_FRACTION if rerank_fraction is None else rerank_fraction
        if not 0 < fraction <= 1:
            raise WarmfindError(f"--rerank-fraction must be in (0, 1], got {fraction}")
        screen = int(min(max(total_steps * defaults.SCREEN_FRACTION, defaults.SCREEN_MIN_STEPS), defaults.SCREEN_MAX_STEPS))
        screen = min(screen, total_steps)
        rerank = int(min(max(total_steps * fraction, 2 * screen), defaults.RERANK_MAX_STEPS))
        if shape not in SCHEDULES:
            raise WarmfindError(f"unknown schedule {shape!r}")
        if not 0 < decay_fraction <= 1:
            raise WarmfindError(f"--decay-fraction must be in (0, 1], got {decay_fraction}")
        final = 0
        if defaults.FINAL_FRACTION:
            final = int(min(total_steps * defaults.FINAL_FRACTION, defaults.FINAL_MAX_STEPS, total_steps))
            final = final if final > rerank else 0
        rerank_shape = defaults.RERANK_SHAPE if defaults.RERANK_SHAPE and shape == SCHEDULES[0] else None
        halving = int(min(total_steps * defaults.HALVING_FRACTION, 2 * defaults.RERANK_MAX_STEPS, total_steps))
        return cls(total_steps, screen, min(rerank, total_steps), seeds, final, halving, shape=shape,
                   decay_fraction=decay_fraction, rerank_shape=rerank_shape)

    @property
    def expected_steps(self) -> int:
        """A typical whole probe, for a progress bar's ETA: the range test, a full screen ladder, six re-rank runs
        and the constant-LR check (diverged rungs stop early and extensions add runs, so it is an estimate)."""
        return (defaults.RANGE_STEPS + defaults.LADDER_RUNGS * self.screen_steps + 6 * self.rerank_steps * self.seeds
                + defaults.FINAL_CANDIDATES * self.final_steps * self.seeds + defaults.CHECK_STEPS)

    def schedule(self, lr: float, warmup_fraction: float, steps: int, shape: str | None = None) -> Schedule:
        """The planned shape (or ``shape``) compressed into ``steps``: same warmup and decay shares, WSD decaying
        to 0 as HF's."""
        shape = shape or self.shape
        floor = 0.0 if shape == WSD else lr * defaults.MIN_LR_RATIO
        return Schedule(lr, int(round(warmup_fraction * steps)), steps, floor, shape, self.decay_fraction)


@dataclass
class SearchResult:
    """Everything the search measured, and what it recommends; ``complete`` is False after Ctrl-C."""

    plan: SearchPlan
    range_test: RangeTest | None = None
    runs: list[ProbeRun] = field(default_factory=list)
    probes: list[ProbeSummary] = field(default_factory=list)
    recommendation: Recommendation | None = None
    complete: bool = False
    stopped_by: str | None = None  # "budget" or "interrupted" when the search ended early
    at_peak: Any = None  # what the ``at_peak`` hook measured right after a passed stability check
    error: str | None = None  # why the search stopped on bad data (``stopped_by == "bad-data"``)
    projected: list[ProbeSummary] = field(default_factory=list)  # the re-rank as ranked (projected when RERANK_PROJECTION)


def search(
    prober: Prober, plan: SearchPlan, on_stage: StageCallback | None = None, at_peak: Callable[[], Any] | None = None
) -> SearchResult:
    """Run the whole probe plan; on Ctrl-C return what was measured, marked incomplete.

    ``at_peak`` is called with the model as the passed constant-LR check left it (trained at the chosen
    peak), e.g. to measure the gradient noise scale there; its result lands in ``result.at_peak``.
    """
    result = SearchResult(plan)
    stage = on_stage or (lambda _: None)
    try:
        _run_stages(prober, plan, result, stage, at_peak)
        result.complete = result.stopped_by is None
    except ProbeInterrupted as interrupted:
        result.runs.append(interrupted.run)
        result.stopped_by = "interrupted"
        run = interrupted.run
        if result.range_test is None and run.label == "range-test" and len(run.lrs) >= 2:
            result.range_test = analyse_range_test(run.lrs, run.losses)  # keep the part of the sweep that ran
        elif run.label != "range-test" and run.steps >= plan.screen_steps:
            result.probes.append(summarize(run))  # past a screen's length: evidence (never chosen: it did not finish)
    except BadData as bad:  # broken data: keep what was measured, recommend nothing
        if bad.run is not None:
            result.runs.append(bad.run)
        result.stopped_by = "bad-data"
        result.error = str(bad)
        return result
    if result.recommendation is None:
        result.recommendation = _best_so_far(result)
    return result


def _run_stages(
    prober: Prober, plan: SearchPlan, result: SearchResult, stage: StageCallback, at_peak: Callable[[], Any] | None
) -> None:
    stage("range test")
    rt_run = _range_test(prober)
    result.runs.append(rt_run)
    if not rt_run.lrs:
        result.stopped_by = "budget"
        return
    result.range_test = analyse_range_test(rt_run.lrs, rt_run.losses, stopped_diverged=rt_run.stopped == "diverged")
    top = result.range_test.blowup_lr or rt_run.lrs[-1]

    def probe(lr: float, fraction: float, steps: int, label: str, seed: int | None = None) -> ProbeSummary | None:
        if prober.budget.exhausted():
            result.stopped_by = "budget"
            return None
        shape = plan.rerank_shape if label == "rerank" or (label == "final" and defaults.FINAL_SHAPE == "rerank") else None
        sched = plan.schedule(lr, fraction, steps, shape)
        run, _ = prober.run(sched.lr_at, steps, label, lr, sched.warmup_steps, sched.shape, data_seed=seed)
        result.runs.append(run)
        summary = summarize(run)
        if run.stopped == "budget":
            result.stopped_by = "budget"
            return None
        result.probes.append(summary)
        return summary

    stage(f"screening peak LRs below {top:.1e} ({plan.screen_steps} steps each)")
    screen: list[ProbeSummary] = []
    for lr in ladder(top, 2 * defaults.LADDER_RUNGS):
        summary = probe(lr, 0.0, plan.screen_steps, "screen")
        if summary is None:
            return
        screen.append(summary)
        if not keep_descending(screen) or ladder_done(screen):
            break

    rerank: list[ProbeSummary] = []

    def run_all(configs: list[tuple[float, float]], steps: int, label: str, into: list[ProbeSummary]) -> bool:
        for seed_offset in range(plan.seeds):
            for lr, fraction in configs:
                summary = probe(lr, fraction, steps, label, prober.seed + seed_offset)
                if summary is None:
                    return False
                into.append(summary)
        return True

    def rerank_all(configs: list[tuple[float, float]]) -> bool:
        return run_all(configs, plan.rerank_steps, "rerank", rerank)

    finalists = rerank_candidates(screen, plan.warmup_fractions[-1])
    if not finalists:
        return
    if defaults.RERANK_MODE == "halving":  # continued trunks with cooldown branches (probing/halving.py)
        halved = halving_rerank(prober, finalists, plan.halving_steps, 2 * plan.screen_steps, result.runs.append,
                                result.probes.append, lambda: result.probes, stage)
        if halved is None:
            result.stopped_by = "budget"
            return
        rerank += halved
        chosen = pick(rerank)
    else:
        stage(f"re-ranking {len(finalists)} (peak LR, warmup) pairs over {plan.rerank_steps} steps")
        if not rerank_all(finalists):
            return
        chosen = pick(_ranked_rerank(rerank, screen, plan.total_steps))
        for _ in range(defaults.MAX_EXTENSIONS):
            # an end of the re-rank measured best: look one rung further (EXTEND_ON_TIES: also when it only won a tie)
            lead = chosen if defaults.EXTEND_ON_TIES else pick(_ranked_rerank(rerank, screen, plan.total_steps), tolerance=0.0)
            more = extension(lead, rerank, result.probes)
            if more is None:
                break
            if not rerank_all([more]):
                return
            chosen = pick(_ranked_rerank(rerank, screen, plan.total_steps))
        finer = refinement(chosen, result.probes)  # just below an unstable rung: try the LR halfway to it
        if finer is not None:
            if not rerank_all([finer]):
                return
            chosen = pick(_ranked_rerank(rerank, screen, plan.total_steps))
    if chosen is None:
        return
    if defaults.MARGIN_SOURCE != "none":  # Smith's rule, measured: stay a factor below the nearest instability
        divergence = result.range_test.divergence_lr if defaults.MARGIN_SOURCE == "probes+range" and result.range_test else None
        chosen = keep_margin(chosen, _ranked_rerank(rerank, screen, plan.total_steps), result.probes,
                             defaults.SAFETY_RATIO, divergence)
    result.projected = _ranked_rerank(rerank, screen, plan.total_steps)
    # the projection is listed for audit whether or not it ranks (RERANK_PROJECTION)
    result.probes = _with_projections(result.probes, rerank, extrapolate(rerank, screen, plan.total_steps))
    notes: list[str] = []
    if plan.final_steps:
        final_choice = _final_round(chosen, result.projected, prober.budget, plan, stage, run_all, notes)
        if final_choice is None:
            return
        chosen = final_choice
    chosen, check_notes, passed = _stability_check(prober, chosen, plan, result, stage)
    notes += check_notes
    if passed and at_peak is not None:
        try:
            result.at_peak = at_peak()
        except KeyboardInterrupt:  # the choice is made: keep it, without this last measurement
            result.stopped_by = "interrupted"
    margin = warmup_margin(chosen, [p for p in result.probes if p.label != "rung"])
    if margin is not None:
        notes.append(_margin_note(chosen, margin, result.probes))
        chosen = replace(chosen, warmup_steps=int(round(margin.warmup_fraction * chosen.horizon)))
    result.recommendation = recommend(
        chosen, result.probes, plan.total_steps, result.range_test, seeds_agree(rerank), notes
    )


def _final_round(
    chosen: ProbeSummary, ranked: list[ProbeSummary], budget: Budget, plan: SearchPlan, stage: StageCallback,
    run_all: Callable[[list[tuple[float, float]], int, str, list[ProbeSummary]], bool], notes: list[str],
) -> ProbeSummary | None:
    """Successive halving's last rung (FINAL_FRACTION): the choice against its best challengers at smaller LRs,
    all measured at ``plan.final_steps``. Returns the winner (the choice when the round is skipped for budget, a
    note saying so) or None when the budget ran out during it."""
    if defaults.FINAL_WHEN == "flat":  # only to settle a tie that spans 2x or more: the tie winner against the best
        best = pick(ranked, tolerance=0.0)
        if best is None or best.peak_lr < chosen.peak_lr * defaults.LADDER_FACTOR * (1 - 1e-9):
            return chosen
        finalists = [(chosen.peak_lr, chosen.warmup_fraction), (best.peak_lr, best.warmup_fraction)]
    else:
        finalists = final_candidates(chosen, ranked, defaults.FINAL_CANDIDATES)
    need = len(finalists) * plan.final_steps * plan.seeds
    left = budget.max_steps - budget.steps if budget.max_steps is not None else None
    if left is not None and left < need + defaults.CHECK_STEPS:
        notes.append(f"the final {plan.final_steps}-step round was skipped: it needs {need} probe steps and "
                     f"the budget has {left} left")
        return chosen
    stage(f"final round: {len(finalists)} (peak LR, warmup) pairs over {plan.final_steps} steps")
    final: list[ProbeSummary] = []
    if not run_all(finalists, plan.final_steps, "final", final):
        return None
    winner = pick([f for f in final if not (defaults.STALL_IN_SEARCH and stalled_in_training(f, final))])
    if winner is None:
        return chosen
    notes.append(_final_note(winner, final))
    return winner


def _ranked_rerank(rerank: list[ProbeSummary], screen: list[ProbeSummary], total_steps: int) -> list[ProbeSummary]:
    """The re-rank candidates as ``pick`` compares them: projected to the full run, or as measured."""
    ranked = extrapolate(rerank, screen, total_steps) if defaults.RERANK_PROJECTION else rerank
    if defaults.STALL_IN_SEARCH:  # the order is kept, so the raw probe decides for its projection
        ranked = [q for r, q in zip(rerank, ranked) if not stalled_in_training(r, rerank)]
    return ranked


def _with_projections(probes: list[ProbeSummary], rerank: list[ProbeSummary],
                      projected: list[ProbeSummary]) -> list[ProbeSummary]:
    """``probes`` with each re-rank probe's projected full-run loss attached, so the recipe shows both scores."""
    found = {id(r): q.score for r, q in zip(rerank, projected) if q.label == "projected"}
    return [replace(p, projected_loss=found[id(p)]) if id(p) in found else p for p in probes]


def _final_note(winner: ProbeSummary, final: list[ProbeSummary]) -> str:
    others = [f"{fmt(p.peak_lr)} with {p.warmup_fraction:.0%} warmup: {p.quality:.4g}" for p in pool_seeds(final)
              if not (math.isclose(p.peak_lr, winner.peak_lr, rel_tol=1e-6) and p.warmup_steps == winner.warmup_steps)]
    others += [f"{fmt(p.peak_lr)}: {instability(p)}" for p in final if not p.stable]
    where = "; ".join(others) if others else "no other finalist trained stably"
    return (f"final round over {winner.horizon} steps, on equal footing (measured, not projected): the choice "
            f"reached {winner.quality:.4g} ({where}; ties within {defaults.TIE_TOLERANCE:.0%} go to the smaller LR)")


def _margin_note(chosen: ProbeSummary, margin: ProbeSummary, probes: list[ProbeSummary]) -> str:
    none = next(p for p in probes if math.isclose(p.peak_lr, margin.peak_lr, rel_tol=1e-6)
                and p.warmup_steps == 0 and p.horizon == margin.horizon)
    without = instability(none) if not none.stable else f"the loss reached {none.quality:.4g}"
    return (f"at {fmt(margin.peak_lr)} ({margin.peak_lr / chosen.peak_lr:.0f}x the peak) with no warmup {without}; "
            f"a {margin.warmup_fraction:.0%} warmup reached {margin.quality:.4g}: kept as a safety margin")


def _range_test(prober: Prober) -> ProbeRun:
    lrs = exponential_lrs(defaults.RANGE_START_LR, defaults.RANGE_END_LR, defaults.RANGE_STEPS)
    run, _ = prober.run(lambda s: lrs[s], len(lrs), "range-test", defaults.RANGE_END_LR, schedule="exponential")
    return run


def _stability_check(
    prober: Prober, chosen: ProbeSummary, plan: SearchPlan, result: SearchResult, stage: StageCallback
) -> tuple[ProbeSummary, list[str], bool]:
    """Hold the chosen peak at a constant LR: sharper near the edge than a decaying probe.

    A failed check lowers the peak by CHECK_STEP_DOWN and checks again (twice at most), so a choice next
    to the stability edge ends just below it rather than a whole ladder rung away.
    """
    stage("constant-LR stability check")
    notes: list[str] = []
    for _ in range(3):
        warmup = int(round(chosen.warmup_fraction * plan.rerank_steps))
        steps = warmup + defaults.CHECK_STEPS
        sched = Schedule(chosen.peak_lr, warmup, steps, shape="linear-warmup-constant")
        if prober.budget.exhausted():
            return chosen, notes + ["the constant-LR stability check was skipped: the probe budget ran out"], False
        run, _ = prober.run(sched.lr_at, steps, "check", chosen.peak_lr, warmup, schedule=sched.shape)
        result.runs.append(run)
        summary = summarize(run)
        if summary.stable or run.stopped == "budget":
            return chosen, notes, summary.stable
        result.probes.append(summary)
        lowered = chosen.peak_lr / defaults.CHECK_STEP_DOWN
        notes.append(f"held constant at {fmt(chosen.peak_lr)} for {defaults.CHECK_STEPS} steps, {instability(summary)}: "
                     f"lowered to {fmt(lowered)}")
        chosen = replace(chosen, peak_lr=lowered)
    return chosen, notes, False


def _best_so_far(result: SearchResult) -> Recommendation | None:
    """What an interrupted or budget-capped search can still say."""
    chosen = pick(result.probes)
    if chosen is not None:
        note = f"the probe stopped early ({result.stopped_by}): chosen from the probes that finished"
        return recommend(chosen, result.probes, result.plan.total_steps, result.range_test, notes=[note])
    if result.range_test is not None:
        return range_test_rule(result.range_test, result.plan.total_steps, fallback_reason(result.stopped_by, result.probes))
    return None
