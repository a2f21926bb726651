"""The probe plan: range test, a ladder of compressed-schedule probes down to where the loss learns, a longer re-rank
with and without warmup (cooldown probes, ranked as measured), a constant-LR check and the warmup margin.

Each stage runs real training through a ``Prober`` and hands pure functions of ``recommend`` the summaries.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from warmfind import defaults
from warmfind.analysis.first_steps import FirstSteps, first_steps_only
from warmfind.analysis.lr_range import RangeTest, analyse_range_test, exponential_lrs
from warmfind.analysis.recommend import (
    Recommendation,
    Unsupported,
    at_edge,
    extension,
    extrapolate,
    fallback_reason,
    finalists as finalists_for,
    fmt,
    instability,
    keep_margin,
    ladder,
    ladder_done,
    learned,
    pick,
    probe_name,
    range_fell,
    range_test_rule,
    recommend,
    refinement,
    second_dip,
    seeds_agree,
    under_failures,
    unsupported,
    warmup_margin,
    warmup_tie,
    with_dip,
)
from warmfind.analysis.runs import ProbeRun, ProbeSummary, summarize
from warmfind.analysis.second_run import saw_enough
from warmfind.errors import WarmfindError
from warmfind.probing.batches import BadData
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
        if rerank_fraction is None:  # a typical probe costs at most max(PROBE_STEPS_CAP, LONG_PLAN_RUNS x the plan)
            screen, rerank = _within_budget(screen, rerank, max(defaults.PROBE_STEPS_CAP, defaults.LONG_PLAN_RUNS * total_steps))
        if shape not in SCHEDULES:
            raise WarmfindError(f"unknown schedule {shape!r}")
        if not 0 < decay_fraction <= 1:
            raise WarmfindError(f"--decay-fraction must be in (0, 1], got {decay_fraction}")
        rerank_shape = defaults.RERANK_SHAPE if defaults.RERANK_SHAPE and shape == SCHEDULES[0] else None
        return cls(total_steps, screen, min(rerank, total_steps), seeds, shape=shape,
                   decay_fraction=decay_fraction, rerank_shape=rerank_shape)

    @property
    def expected_steps(self) -> int:
        """A typical whole probe, for a progress bar's ETA and the default budget: the range test, eight screen rungs,
        six re-rank runs and the constant-LR check (diverged rungs stop early and extensions add runs, so it is an
        estimate); without the longer look, which depends on the optimizer (``look_steps``)."""
        return _expected(self.screen_steps, self.rerank_steps * self.seeds)

    @property
    def look_horizon(self) -> int:
        """The longer look's horizon where these horizons admit one (``looks_longer`` adds the optimizer):
        LONGER_LOOK_HORIZON x the re-rank's. None (0) where the re-rank saw less than SECOND_RUN_SHARE of the run
        (``saw_enough``) or where the look would be as long as the run."""
        steps = defaults.LONGER_LOOK_HORIZON * self.rerank_steps
        if not saw_enough(self.rerank_steps, self.total_steps) or steps >= self.total_steps:
            return 0
        return steps

    @property
    def look_steps(self) -> int:
        """The longer look's steps: LONGER_LOOK's probes over ``look_horizon``, one seed each (0 without a look)."""
        return len(defaults.LONGER_LOOK) * self.look_horizon

    def schedule(self, lr: float, warmup_fraction: float, steps: int, shape: str | None = None) -> Schedule:
        """The planned shape (or ``shape``) compressed into ``steps``: same warmup and decay shares, WSD decaying
        to 0 as HF's."""
        shape = shape or self.shape
        floor = 0.0 if shape == WSD else lr * defaults.MIN_LR_RATIO
        return Schedule(lr, int(round(warmup_fraction * steps)), steps, floor, shape, self.decay_fraction)


def _expected(screen: int, rerank: int) -> int:
    return defaults.RANGE_STEPS + 8 * screen + 6 * rerank + defaults.CHECK_STEPS


def _within_budget(screen: int, rerank: int, budget: float) -> tuple[int, int]:
    """The screen and re-rank horizons shrunk by one factor until a typical probe (``_expected``) fits ``budget``
    steps; the screen keeps SCREEN_MIN_STEPS and the re-rank twice the screen."""
    fixed = _expected(0, 0)  # the range test and the check do not shrink
    scale = min(1.0, (budget - fixed) / (_expected(screen, rerank) - fixed))
    small = max(defaults.SCREEN_MIN_STEPS, int(screen * scale))
    return small, max(2 * small, int(rerank * scale))


@dataclass
class SearchResult:
    """Everything the search measured, and what it recommends; ``complete`` is False after Ctrl-C."""

    plan: SearchPlan
    range_test: RangeTest | None = None
    runs: list[ProbeRun] = field(default_factory=list)
    probes: list[ProbeSummary] = field(default_factory=list)
    recommendation: Recommendation | None = None
    complete: bool = False
    stopped_by: str | None = None  # "budget", "interrupted", "bad-data" or "no-choice" when the search ended early
    at_peak: Any = None  # what the ``at_peak`` hook measured right after a passed stability check
    error: str | None = None  # why the search stopped on bad data (``stopped_by == "bad-data"``)
    no_choice: str | None = None  # why every candidate failed or none learned (``stopped_by == "no-choice"``)
    untrained_loss: float | None = None  # the ranking loss of the model as initialised (None without eval batches)
    unsupported: Unsupported | None = None  # set when the probe the choice stands on learned nothing measurable
    first_steps: FirstSteps | None = None  # what shows the screen measured only the first steps (first_steps_only)


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
        if result.no_choice is not None:  # measured to the end, and nothing can be recommended: say so, pick nothing
            result.stopped_by = "no-choice"
            return result
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
    result.untrained_loss = prober.untrained_loss()
    stage("range test")
    rt_run = _range_test(prober)
    result.runs.append(rt_run)
    if not rt_run.lrs:
        result.stopped_by = "budget"
        return
    rt = analyse_range_test(rt_run.lrs, rt_run.losses, stopped_diverged=rt_run.stopped == "diverged")
    result.range_test = rt
    top = rt.blowup_lr or rt_run.lrs[-1]

    def probe(lr: float, fraction: float, steps: int, label: str, seed: int | None = None) -> ProbeSummary | None:
        if prober.budget.exhausted():
            result.stopped_by = "budget"
            return None
        sched = plan.schedule(lr, fraction, steps, plan.rerank_shape if label == "rerank" else None)
        run, _ = prober.run(sched.lr_at, steps, label, lr, sched.warmup_steps, sched.shape, data_seed=seed)
        result.runs.append(run)
        summary = summarize(run)
        if run.stopped == "budget":
            result.stopped_by = "budget"
            return None
        result.probes.append(summary)
        return summary

    stage(f"screening peak LRs below {top:.1e} ({plan.screen_steps} steps each), down to where the loss learns")
    screen: list[ProbeSummary] = []
    for lr in ladder(top):
        summary = probe(lr, 0.0, plan.screen_steps, "screen")
        if summary is None:
            return
        screen.append(summary)
        if ladder_done(screen, rt, untrained=result.untrained_loss):
            break

    result.first_steps = first_steps_only(screen, rt)
    if result.first_steps is not None:
        stage("the no-warmup screen blew up in its first steps far below the range test's divergence: "
              "the probes measured the optimizer's first steps, not the LR (see the recipe's advice)")

    rerank: list[ProbeSummary] = []

    def rerank_all(configs: list[tuple[float, float]]) -> bool:
        for seed_offset in range(plan.seeds):
            for lr, fraction in configs:
                summary = probe(lr, fraction, plan.rerank_steps, "rerank", prober.seed + seed_offset)
                if summary is None:
                    return False
                rerank.append(summary)
        return True

    found = finalists_for(screen, plan.warmup_fractions[-1], rt, result.untrained_loss)
    finalists, gauge, yardstick = found.pairs, found.gauge, found.yardstick  # gauge: what "learned" is measured against
    notes: list[str] = []  # said in the explanation, in order
    if found.basis == "untrained":
        notes.append(
            f"no {plan.screen_steps}-step screen rung fell {defaults.LEARNED_SHARE:.0%} of the way the range "
            f"test's loss fell ({rt.start_loss:.4g} to {rt.min_loss:.4g}); learning was judged against the "
            f"untrained model's {prober.eval_name} ({result.untrained_loss:.4g}) instead")
    elif found.basis == "any":
        best_rung = min((s for s in screen if s.stable), key=lambda s: s.quality)
        notes.append(
            f"no {plan.screen_steps}-step screen rung fell {defaults.LEARNED_MIN_FALL:.0%} below the untrained model's "
            f"{prober.eval_name} ({result.untrained_loss:.4g}; best {best_rung.quality:.4g} at {fmt(best_rung.peak_lr)}): "
            f"the {plan.rerank_steps}-step re-rank ranked the rungs that trained, around the best of them")

    dip = second_dip(screen) if finalists else None
    if dip is not None:
        finalists = with_dip(finalists, dip, plan.warmup_fractions[-1])
        notes.append(f"the screen dipped twice: {fmt(dip.peak_lr)} ({dip.quality:.4g}) within "
                     f"{defaults.SECOND_DIP_BAND:.0%} of its best rung and {defaults.SECOND_DIP_APART:g}x or more away "
                     f"in LR; the re-rank ran around both")

    def best() -> ProbeSummary | None:  # the measured best re-rank candidate that learned
        return pick([r for r in rerank if learned(r, gauge, yardstick)])

    if not finalists:
        failed = sum(1 for s in screen if not s.stable)
        result.no_choice = (f"no screen rung trained and learned: {failed} of the {len(screen)} rungs from "
                            f"{fmt(screen[0].peak_lr)} to {fmt(screen[-1].peak_lr)} failed, and none that trained fell "
                            f"{defaults.LEARNED_SHARE:.0%} of the way the range test's loss fell "
                            f"({rt.start_loss:.4g} to {rt.min_loss:.4g})" if screen else "no screen rung ran")
        return
    stage(f"re-ranking {len(finalists)} (peak LR, warmup) pairs over {plan.rerank_steps} steps, "
          f"ranked by {rerank_basis(prober)}")
    if not rerank_all(finalists):
        return
    chosen = best()
    for _ in range(defaults.MAX_EXTENSIONS):
        more = extension(chosen, rerank, result.probes, short_stalls_block=not is_adagrad(prober))
        if more is None:
            break
        (lr, fraction), why = more
        stage(f"extending the re-rank to {fmt(lr)}: {why}")
        if not rerank_all([(lr, fraction)]):
            return
        chosen = best()
    if chosen is None:
        result.no_choice = ("every re-rank candidate failed or did not learn: "
                            + "; ".join(f"{probe_name(r)}: {instability(r) if not r.stable else 'did not learn'}"
                                        for r in rerank))
        return
    finer = refinement(chosen, result.probes)  # just below a failed rung: try the LR halfway to it
    if finer is not None:
        stage(f"refining at {fmt(finer[0])}: the rung above the best failed")
        if not rerank_all([finer]):
            return
        chosen = best() or chosen
    trained = [r for r in rerank if learned(r, gauge, yardstick)]  # the candidates the choice may move among
    under = under_failures(chosen, trained, result.probes)
    if under is not None:  # stability does not grow as the LR falls here: the best measured under every failure
        notes.append(f"probes at smaller LRs than the measured best ({probe_name(chosen)}, {chosen.quality:.4g}) failed: "
                     f"the choice is the best measured under all of them, {probe_name(under)} ({under.quality:.4g})")
        chosen = under
    tie_from = None  # the measured best, when WARMUP_TIE moved the choice off it
    tied = warmup_tie(chosen, trained, defaults.WARMUP_TIE)
    if tied is not chosen:
        notes.append(f"{probe_name(tied)} ({tied.quality:.4g}) is within {defaults.WARMUP_TIE:.0%} of the measured best "
                     f"({probe_name(chosen)}, {chosen.quality:.4g}): the larger LR behind its warmup is taken (WARMUP_TIE)")
        tie_from, chosen = chosen, tied
    if looks_longer(plan, prober):
        b, warm, steps = finalists[0][0], plan.warmup_fractions[-1], plan.look_horizon
        pairs = [(factor * b, 0.0 if factor == 1 else warm) for factor in defaults.LONGER_LOOK]
        stage(f"looking again at {', '.join(fmt(lr) for lr, _ in pairs)} over {steps} steps (Adam-family plan)")
        look = []
        for lr, fraction in pairs:
            summary = probe(lr, fraction, steps, "rerank")
            if summary is None:  # the probe budget ran out: the re-rank's choice stands, the search goes on
                notes.append(f"the longer look ({steps} steps) was cut short by the probe budget: the re-rank's "
                             "choice stands")
                look = []
                break
            look.append(summary)
        longer = pick([s for s in look if learned(s, gauge, yardstick)])
        if longer is not None and longer.peak_lr > chosen.peak_lr * (1 + 1e-9):  # upward only (round 78)
            notes.append(f"a longer look ({steps} steps) at {fmt(b)} without warmup and "
                         f"{' and '.join(fmt(lr) for lr, f in pairs if f)} behind a {warm:.0%} warmup measured "
                         f"{probe_name(longer)} best ({longer.quality:.4g}), above the re-rank's choice: it is the "
                         "choice (LONGER_LOOK)")
            chosen, tie_from = longer, None
    edge = at_edge(chosen, rerank, result.probes)
    if edge is not None:
        notes.append(f"the choice is the {edge} LR the re-rank measured and the search stopped there "
                     f"(at most {defaults.MAX_EXTENSIONS} extensions): the best may lie further "
                     f"{'down' if edge == 'smallest' else 'up'}")
    measured = chosen  # the probe the choice stands on; the margin, the check and the warmup margin may move it
    chosen = keep_margin(chosen, trained, result.probes, defaults.SAFETY_RATIO)
    measured = next((r for r in rerank if _same_probe(r, chosen)), measured)
    if tie_from is not None and _same_probe(measured, chosen):
        measured = tie_from  # the first line cites the measured best and says the choice moved
    untrained = result.untrained_loss if result.untrained_loss is not None else rt.start_loss  # else training losses
    result.unsupported = unsupported(measured, untrained, rt)
    # the projection to the full run is listed for audit; the ranking is as measured
    result.probes = _with_projections(result.probes, rerank, extrapolate(rerank, screen, plan.total_steps))
    chosen, check_notes, passed = _stability_check(prober, chosen, plan, result, stage)
    notes += check_notes
    if passed and at_peak is not None:
        try:
            result.at_peak = at_peak()
        except KeyboardInterrupt:  # the choice is made: keep it, without this last measurement
            result.stopped_by = "interrupted"
    margin = warmup_margin(chosen, result.probes)
    if margin is not None:
        notes.append(_margin_note(chosen, margin, result.probes))
        chosen = replace(chosen, warmup_steps=int(round(margin.warmup_fraction * chosen.horizon)))
    result.recommendation = recommend(
        chosen, result.probes, plan.total_steps, result.range_test, seeds_agree(rerank), notes, measured=measured
    )


def looks_longer(plan: SearchPlan, prober: Prober) -> bool:
    """Whether the search looks again over a longer horizon (``defaults.LONGER_LOOK``): an Adam-family optimizer (or a
    subclass) on a plan whose horizons admit the look (``SearchPlan.look_horizon``: the re-rank saw enough of the run for
    the recipe to lift the choice, and the look is still shorter than the run; with ``--rerank-fraction`` 0.5 or more
    the re-rank already looks that far)."""
    if not plan.look_horizon:
        return False
    return not set(optimizer_kinds(prober)).isdisjoint(defaults.LONGER_LOOK_OPTIMIZERS)


def is_adagrad(prober: Prober) -> bool:
    """Whether the factory's optimizer is Adagrad (or a subclass): round 88's narrowed extension."""
    return "adagrad" in optimizer_kinds(prober)


def optimizer_kinds(prober: Prober) -> tuple[str, ...]:
    """The factory's optimizer class and its bases, lowercased, most derived first: every per-optimizer rule reads
    these, so a subclass of Adagrad is Adagrad to all of them."""
    return tuple(kind.__name__.lower() for kind in type(prober.reference).__mro__)


def _same_probe(a: ProbeSummary, b: ProbeSummary) -> bool:
    return (a.label, a.horizon, a.warmup_steps) == (b.label, b.horizon, b.warmup_steps) and math.isclose(
        a.peak_lr, b.peak_lr, rel_tol=1e-9)


def rerank_basis(prober: Prober) -> str:
    """What the re-rank ranks by, for the log: the eval batches' loss (held-out or a training sample), else training
    loss."""
    if prober.workload.eval_data is not None:
        return f"{prober.eval_name} after each probe"
    return f"training loss (mean of each probe's last {defaults.SCORE_TAIL:.0%} of steps)"


def _with_projections(probes: list[ProbeSummary], rerank: list[ProbeSummary],
                      projected: list[ProbeSummary]) -> list[ProbeSummary]:
    """``probes`` with each re-rank probe's projected full-run loss attached, so the recipe shows both scores."""
    found = {id(r): q.score for r, q in zip(rerank, projected) if q.label == "projected"}
    return [replace(p, projected_loss=found[id(p)]) if id(p) in found else p for p in probes]


def _margin_note(chosen: ProbeSummary, margin: ProbeSummary, probes: list[ProbeSummary]) -> str:
    none = next(p for p in probes if math.isclose(p.peak_lr, margin.peak_lr, rel_tol=1e-6)
                and p.warmup_steps == 0 and p.horizon == margin.horizon)
    without = instability(none) if not none.stable else f"the loss reached {none.quality:.4g}"
    return (f"at {fmt(margin.peak_lr)} ({margin.peak_lr / chosen.peak_lr:.0f}x the peak) with no warmup {without} "
            f"({probe_name(none)}); a {margin.warmup_fraction:.0%} warmup reached {margin.quality:.4g} "
            f"({probe_name(margin)}): kept as a safety margin")


def _range_test(prober: Prober) -> ProbeRun:
    """The exponential sweep from RANGE_START_LR to RANGE_END_LR; one that got there without blowing up or falling
    measurably (``range_fell``) goes on above it at the same spacing, up to RANGE_MAX_LR, from where it stopped."""
    lrs = exponential_lrs(defaults.RANGE_START_LR, defaults.RANGE_END_LR, defaults.RANGE_STEPS)
    run, end = prober.run(lambda s: lrs[s], len(lrs), "range-test", defaults.RANGE_END_LR, schedule="exponential",
                          save_at=len(lrs))
    if end is None or run.stopped is not None or len(lrs) < 2:
        return run
    swept = analyse_range_test(run.lrs, run.losses)
    if swept.blowup_lr is not None or range_fell(swept):
        return run
    ratio = lrs[1] / lrs[0]
    above = [lrs[-1] * ratio ** (i + 1) for i in range(math.ceil(math.log(defaults.RANGE_MAX_LR / lrs[-1]) / math.log(ratio)))]
    try:
        more, _ = prober.run(lambda s: above[s - len(lrs)], len(lrs) + len(above), "range-test", above[-1],
                             schedule="exponential", start=end)
    except ProbeInterrupted as interrupted:
        raise ProbeInterrupted(_joined(run, interrupted.run)) from None
    return _joined(run, more)


def _joined(sweep: ProbeRun, more: ProbeRun) -> ProbeRun:
    """One range-test record from a sweep and its continuation above the sweep's end (the noise scale at init is the
    first part's)."""
    return replace(sweep, peak_lr=more.peak_lr, planned_steps=more.planned_steps, lrs=sweep.lrs + more.lrs,
                   losses=sweep.losses + more.losses, grad_norms=sweep.grad_norms + more.grad_norms,
                   update_ratios=sweep.update_ratios + more.update_ratios, stopped=more.stopped,
                   seconds=sweep.seconds + more.seconds)


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
        if summary.calm or run.stopped == "budget":
            return chosen, notes, summary.calm
        result.probes.append(summary)
        lowered = chosen.peak_lr / defaults.CHECK_STEP_DOWN
        said = f"held constant at {fmt(chosen.peak_lr)} for {defaults.CHECK_STEPS} steps, {instability(summary)}"
        notes.append(f"{said}: lowered to {fmt(lowered)}")
        stage(f"checking again at {fmt(lowered)}: {said}")
        chosen = replace(chosen, peak_lr=lowered)
    return chosen, notes, False


def _best_so_far(result: SearchResult) -> Recommendation | None:
    """What an interrupted or budget-capped search can still say: the best finished probe that learned, at an LR
    where no probe with as little warmup failed; else the range test's classic guess, labelled as such."""
    failed = [p for p in result.probes if not p.stable and p.finished]
    safe = [p for p in result.probes if learned(p, result.range_test)
            and not any(math.isclose(f.peak_lr, p.peak_lr, rel_tol=1e-6) and f.warmup_fraction <= p.warmup_fraction + 1e-9
                        for f in failed)]
    chosen = pick(safe)
    if chosen is not None:
        note = f"the probe stopped early ({result.stopped_by}): chosen from the probes that finished"
        return recommend(chosen, result.probes, result.plan.total_steps, result.range_test, notes=[note])
    if result.range_test is not None:
        return range_test_rule(result.range_test, result.plan.total_steps, fallback_reason(result.stopped_by, result.probes))
    return None
