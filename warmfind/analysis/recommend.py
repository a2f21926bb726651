"""Choosing the peak LR and the warmup from probe summaries: pure functions, summaries in, numbers out."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from warmfind import defaults
from warmfind.analysis.lr_range import RangeTest
from warmfind.analysis.runs import ProbeSummary, failure

_FAILURES = ("diverged", "spiked", "stalled")  # what ``runs.failure`` names a real failure (``_failed``)


@dataclass(frozen=True)
class MeasuredChoice:
    """The peak and warmup the probes chose, where the recommendation moved from them, and the rule that moved it."""

    peak_lr: float
    warmup_steps: int
    moved_by: str  # "halving" (long plans, analysis.second_run) or "warmup-lift" (short plans, analysis.warmup_lift)


@dataclass(frozen=True)
class Recommendation:
    """The schedule warmfind recommends, why, and how sure it is."""

    peak_lr: float
    warmup_steps: int
    total_steps: int
    min_lr: float
    schedule: str  # a shape from warmfind.recipe.schedule.SCHEDULES
    rule: str  # "stability-probes", or "range-test" when the probe stopped before the ladder ran
    explanation: tuple[str, ...]  # plain sentences, most important first
    nearest_unstable_lr: float | None  # smallest probed LR above the choice, at its warmup, that failed
    seeds_agree: bool | None  # None when a single seed was run
    decay_fraction: float | None = None  # warmup-stable-decay only: the share of the run its final decay takes
    measured: MeasuredChoice | None = None  # the probes' own choice, where a rule moved the peak from it

    @property
    def margin(self) -> float | None:
        """How far below the nearest failed probe the peak sits (the recipe's ``confidence.margin``)."""
        return self.nearest_unstable_lr / self.peak_lr if self.nearest_unstable_lr else None

    def moved(self, by: str, peak_lr: float, warmup_steps: int | None = None) -> Recommendation:
        """This schedule at another peak (its floor scaled with it, so ``floor_ratio`` stays) and, when given, warmup;
        ``measured`` keeps the probes' own choice and the rule ``by`` that moved it (the first move, if several)."""
        measured = self.measured or MeasuredChoice(self.peak_lr, self.warmup_steps, by)
        return replace(self, peak_lr=peak_lr, min_lr=self.min_lr * peak_lr / self.peak_lr,
                       warmup_steps=self.warmup_steps if warmup_steps is None else warmup_steps, measured=measured)

    def led_by(self, line: str) -> Recommendation:
        """This recommendation with ``line`` first among its reasons (why it is not the probe the rest describe)."""
        return replace(self, explanation=(line,) + self.explanation)

    @property
    def floor_ratio(self) -> float:
        """``min_lr`` as a share of the peak (0.1 for the cosine floor, 0 for warmup-stable-decay): an advised second
        run at another peak keeps the same share (``emit_command``)."""
        return self.min_lr / self.peak_lr


def ladder(top_lr: float, rungs: int = defaults.LADDER_MAX_RUNGS, factor: float = defaults.LADDER_FACTOR) -> list[float]:
    """Candidate peak LRs ``top_lr / factor**k`` for ``k = 0 .. rungs-1``, largest first."""
    return [top_lr / factor**k for k in range(rungs)]


def keep_descending(screen: Sequence[ProbeSummary], patience: int = 2, worse_by: float = 0.03) -> bool:
    """Whether a top-down ladder should try the next smaller LR.

    Stop once the last ``patience`` rungs all trained stably and were more than ``worse_by`` worse than the
    best so far: smaller LRs only get slower from there. A flat band of near-equal losses (language models at
    short horizons) keeps the ladder going, so it does not stop inside the band.
    """
    finite = [s.quality for s in screen if math.isfinite(s.quality)]
    if len(screen) <= patience or not finite:
        return True
    best = min(finite)
    tail = screen[-patience:]
    return not all(s.stable and s.quality > best * (1 + worse_by) for s in tail)


def rising_arm(screen: Sequence[ProbeSummary], rungs: int | None = None) -> bool:
    """Whether the ladder's last ``rungs`` (LADDER_FLAT_RUNGS) trained stably, each worse than the rung above it, all
    below the best rung, and the last at least RISING_ARM_RATIO x the best: the U's left arm, where smaller LRs only
    learn slower (a plateau that drifts up a little is not one: issue 22's ladder must go on through it).

    The range test's steepest point, which the ladder otherwise covers (issue 22), can be an artefact of its smoothing
    at the first points it may use (6.4e-7 on three exam long plans): the ladder then walked 21-24 rungs down a loss
    that rose at every rung, a third of a 3,000-step plan's probe cost, without a chance of a better rung below.
    """
    rungs = defaults.LADDER_FLAT_RUNGS if rungs is None else rungs
    if len(screen) <= rungs:
        return False
    tail = screen[-rungs:]
    above = screen[-rungs - 1]
    best = min(s.quality for s in screen)
    losses = [above.quality, *(s.quality for s in tail)]
    # strictly rising from a finite ``above`` makes every loss finite; a loss at or under 0 has no ratio to grow by
    return (all(s.stable for s in tail) and best > 0 and all(b > a for a, b in zip(losses, losses[1:]))
            and losses[-1] >= defaults.RISING_ARM_RATIO * best)


def learned(probe: ProbeSummary, range_test: RangeTest | None, untrained: float | None = None) -> bool:
    """Whether a probe's training loss reached the learning region the range test saw (issue 22): it fell by at
    least LEARNED_SHARE of the range test's own fall, from the first smoothed loss to the lowest. A probe that ended
    far above what the sweep reached (predicting the mean, say) trained, but did not learn.

    A range test that barely fell (``range_fell``) is no yardstick; then a probe learned when its ranking loss fell
    measurably below ``untrained``, the model's as initialised (``fell_measurably``, as ``unsupported`` judges the
    choice). Without it, a ladder in a band of rungs all at chance counted every rung as learned and walked the band:
    a tune long plan's label-noise CNN with a one-run cap went to 1,500x its best LR (+53.5%; +1.3% with this rule).
    """
    if not math.isfinite(probe.score):
        return False
    if not range_fell(range_test):
        return untrained is None or not math.isfinite(untrained) or fell_measurably(untrained, probe.quality)
    assert range_test is not None
    start, low = range_test.start_loss, range_test.min_loss
    return start - probe.score >= defaults.LEARNED_SHARE * (start - low)


def range_fell(range_test: RangeTest | None) -> bool:
    """Whether the range test's loss fell by LEARNED_MIN_FALL of its start: only then does it say where learning
    happens (its lowest loss, its steepest point); a sweep that barely fell is no yardstick."""
    return range_test is not None and fell_measurably(range_test.start_loss, range_test.min_loss)


def fell_measurably(start: float, end: float) -> bool:
    """Whether a loss went from ``start`` to ``end`` by more than LEARNED_MIN_FALL of ``start`` (both finite): the one
    yardstick for "it learned", used for the range test (``range_fell``) and the choice (``unsupported``)."""
    return math.isfinite(start) and math.isfinite(end) and start - end > defaults.LEARNED_MIN_FALL * abs(start)


def ladder_done(screen: Sequence[ProbeSummary], range_test: RangeTest | None = None, max_rungs: int | None = None,
                untrained: float | None = None) -> bool:
    """Whether a top-down screen has gone far enough.

    It has when a stable rung learned (``learned``), the ladder covers the range test's steepest point (where the
    sweep saw the loss fall fastest) and the losses turned back up below the best (``keep_descending``: the bottom of
    the U is inside the ladder). A plateau far above the learning region can look like a U of its own (issue 22),
    hence both. The valley point is not required: on noisy curves it fell 1e5x below anything that trains (an SGD
    LSTM's at 2.4e-6), which cost 20 rungs for nothing. In a flat band that never turns up, the ladder stops
    LADDER_FLAT_RUNGS rungs past that point (the top, when the range test barely fell). A ladder that never learned
    stops LADDER_PAST_RANGE rungs below the lowest of the range test's points (nothing is left to find there), or at
    ``max_rungs`` (LADDER_MAX_RUNGS). Below a learned best, LADDER_FLAT_RUNGS rungs each worse than the one above
    end it too (``rising_arm``), covered or not.
    """
    max_rungs = defaults.LADDER_MAX_RUNGS if max_rungs is None else max_rungs
    if len(screen) >= max_rungs:
        return True
    lowest = min(s.peak_lr for s in screen) * (1 - 1e-9)
    if not any(s.stable and learned(s, range_test, untrained) for s in screen):
        floor = [lr for lr in (range_test.steepest_lr, range_test.valley_lr, range_test.min_loss_lr) if lr] if range_test else []
        return bool(floor) and lowest < min(floor) / defaults.LADDER_FACTOR**defaults.LADDER_PAST_RANGE
    if rising_arm(screen):
        return True
    cover = range_test.steepest_lr if range_fell(range_test) and range_test and range_test.steepest_lr else screen[0].peak_lr
    if lowest > cover:
        return False
    flat = sum(s.peak_lr <= cover * (1 + 1e-9) for s in screen) >= defaults.LADDER_FLAT_RUNGS
    return flat or not keep_descending(screen)


def rerank_candidates(screen: Sequence[ProbeSummary], warmup: float, range_test: RangeTest | None = None,
                      untrained: float | None = None) -> list[tuple[float, float]]:
    """(peak LR, warmup fraction) pairs for the longer re-rank: the screen's best stable LR ``b`` and ``b/2`` without
    warmup, ``b`` with ``warmup``, and ``2b`` with ``warmup``. Empty unless some stable rung learned (``learned``).

    ``2b`` with warmup because what warmup buys is a larger LR that trains (Goyal et al. 2017; Kalra & Barkeshli 2024),
    which ``b`` with warmup cannot show, and the screen, run without warmup, cannot rank. On the tune half it moved one
    pick of 14 (a deep SGD MLP on a stream: 0.56x the best LR, +6.0% -> 1.1x with a 20% warmup, -5.1%), in both data
    regimes, changed no other, and cost 0.1 runs (median 1.98 -> 2.10 with eval_data, 1.95 -> 2.05 without).

    Below ``b`` because the screen's short horizon favours too-large LRs (the T/16 screen's best sat a median 1.7x
    above the full-run best on the suite's tune half); ``extension`` goes on whichever way the re-rank's best points.
    A fourth pair, ``b/2`` with warmup, changed no pick on the tune half and cost 0.2 runs (median 2.24 -> 2.04).
    ``b`` itself is not filtered by ``learned``: where the range test's fall is small next to batch noise (an LSTM on
    a counting task fell 1.45 -> 1.33) that test is a coin toss, and once the ladder reaches the learning region its
    rungs rank best anyway.
    """
    if not any(c.stable and learned(c, range_test, untrained) for c in screen):
        return []
    ranked = _ranked([c for c in screen if c.stable])
    return around(ranked[0].peak_lr, warmup)


@dataclass(frozen=True)
class Finalists:
    """The re-rank's (peak LR, warmup fraction) pairs and what "learned" is judged against for them: ``basis`` says
    which yardstick found them ("range": the range test's fall; "untrained": the untrained model's loss; "any":
    whatever trained; "none": no pair)."""

    pairs: list[tuple[float, float]]
    basis: str
    gauge: RangeTest | None
    yardstick: float | None


def finalists(screen: Sequence[ProbeSummary], warmup: float, range_test: RangeTest | None,
              untrained: float | None) -> Finalists:
    """The re-rank's finalists from the screen, by the first yardstick that finds any: ``rerank_candidates`` against
    the range test's fall (the untrained loss beside it once some rung beat it); else against the untrained loss
    alone (the range test's 100 rising-LR steps can fall further than any rung of a short screen: exam 16's
    Pi-model@long, 34-step rungs, none 30% of the sweep's fall, though the held-out loss fell 5%); else, where some
    rung trained below the untrained loss (``trained_below``), around whatever trained best."""
    yardstick = untrained if any(s.stable and learned(s, range_test, untrained) for s in screen) else None
    pairs = rerank_candidates(screen, warmup, range_test, yardstick)
    if pairs:
        return Finalists(pairs, "range", range_test, yardstick)
    if untrained is not None:
        pairs = rerank_candidates(screen, warmup, None, untrained)
        if pairs:
            return Finalists(pairs, "untrained", None, untrained)
    if trained_below(screen, untrained):
        return Finalists(rerank_candidates(screen, warmup), "any", None, None)
    return Finalists([], "none", range_test, yardstick)


def around(b: float, warmup: float) -> list[tuple[float, float]]:
    """The four re-rank pairs around a screen rung at ``b`` (``rerank_candidates``)."""
    up = b * defaults.LADDER_FACTOR
    return [(b, 0.0), (b / defaults.LADDER_FACTOR, 0.0), (b, warmup), (up, warmup)]


def second_dip(screen: Sequence[ProbeSummary]) -> ProbeSummary | None:
    """A second minimum of the screen, far from its best rung: a stable rung (ladder order, stable rungs only) lower
    than both its neighbours, within SECOND_DIP_BAND of the best rung's ranking loss and SECOND_DIP_APART or more
    away from it in LR; the lowest such rung, or None.

    A 30-step screen can dip twice (exam 22's tensor fusion network: 0.078 at 0.966 and 0.0049 at 1.004, with a
    1.16 between); the re-rank around the best rung alone then never tries the LRs between or below, where the full
    run's best (0.016) lay, and the pick cost +23.4%.
    """
    ok = [s for s in screen if s.stable and math.isfinite(s.quality)]
    if len(ok) < 3:
        return None
    best = _ranked(ok)[0]
    dips = [p for a, p, c in zip(ok, ok[1:], ok[2:])
            if p is not best and p.quality < a.quality and p.quality < c.quality
            and p.quality - best.quality <= defaults.SECOND_DIP_BAND * abs(best.quality)
            and lr_ratio(p.peak_lr, best.peak_lr) >= defaults.SECOND_DIP_APART]
    return min(dips, key=lambda s: s.quality, default=None)


def with_dip(finalists: list[tuple[float, float]], dip: ProbeSummary, warmup: float) -> list[tuple[float, float]]:
    """``finalists`` plus the pairs ``around`` a second dip (``second_dip``) that they do not hold already."""
    return finalists + [c for c in around(dip.peak_lr, warmup)
                        if not any(_same_lr(c[0], f[0]) and _same_fraction(c[1], f[1]) for f in finalists)]


def lr_ratio(a: float, b: float) -> float:
    """How far apart two LRs are, as a factor of at least 1."""
    return max(a / b, b / a)


def trained_below(screen: Sequence[ProbeSummary], untrained: float | None) -> bool:
    """Whether some stable screen rung ended below the untrained model's ranking loss at all: the last yardstick, for a
    ladder none of whose short rungs learned measurably (exam 18's energy model@long: 34-step rungs fell at most 1.8%
    below the untrained held-out loss, under LEARNED_MIN_FALL, while the model trains to a third of it at full
    length). Then the re-rank, five times longer, ranks the rungs that trained, and ``unsupported`` judges its choice."""
    return untrained is not None and math.isfinite(untrained) and any(s.stable and s.quality < untrained for s in screen)


def extension(
    chosen: ProbeSummary | None, rerank: Sequence[ProbeSummary], probes: Sequence[ProbeSummary],
    short_stalls_block: bool = True,
) -> tuple[tuple[float, float], str] | None:
    """One more (LR, warmup fraction), and why, when the re-rank's best is its smallest or largest LR, or the smallest
    that trained stably with only failed probes below it (then one rung below those), or when no re-rank candidate
    trained (then one rung below the smallest); None when the best lies inside. Without ``short_stalls_block`` (under
    Adagrad, whose large first steps stall short no-warmup probes), a probe that only stalled at a shorter horizon than
    the best's does not stop the upward extension (round 88, narrowed)."""
    lrs = sorted({r.peak_lr for r in rerank})
    if not lrs:
        return None
    if chosen is None:
        return (lrs[0] / defaults.LADDER_FACTOR, 0.0), f"no re-rank candidate trained stably down to {fmt(lrs[0])}"
    if len(lrs) < 2:
        return None
    below = [r for r in rerank if r.peak_lr < chosen.peak_lr and not _same_lr(r.peak_lr, chosen.peak_lr)]
    if not any(r.stable for r in below):  # nothing below the best trained stably: look one rung under all of it
        best = f"the best so far ({fmt(chosen.peak_lr)}, {chosen.quality:.4g})"
        why = (f"{best} is the smallest LR that trained stably: every re-rank probe below it failed "
               f"({'; '.join(f'{probe_name(r)}: {instability(r)}' for r in below)})" if below  # a late spike, say
               else f"{best} is the smallest LR re-ranked")
        lowest = min([chosen.peak_lr, *(r.peak_lr for r in below)])
        return (lowest / defaults.LADDER_FACTOR, chosen.warmup_fraction), why
    if _same_lr(chosen.peak_lr, lrs[-1]):
        up = chosen.peak_lr * defaults.LADDER_FACTOR
        if not _unstable_at(up, chosen.warmup_fraction, probes, None if short_stalls_block else chosen.horizon):
            return ((up, chosen.warmup_fraction),
                    f"the best so far ({fmt(chosen.peak_lr)}, {chosen.quality:.4g}) is the largest LR re-ranked")
    return None


def at_edge(chosen: ProbeSummary, rerank: Sequence[ProbeSummary], probes: Sequence[ProbeSummary]) -> str | None:
    """``smallest``/``largest`` when the choice is an end of the re-rank with no measured reason to stop there (above
    it no probe with as little warmup failed, below it nothing was tried); None inside."""
    lrs = sorted({r.peak_lr for r in rerank})
    if len(lrs) < 2:
        return None
    if _same_lr(chosen.peak_lr, lrs[0]):
        return "smallest"
    above = [p for p in probes if p.peak_lr > chosen.peak_lr * (1 + 1e-9) and p.warmup_fraction <= chosen.warmup_fraction + 1e-9]
    if _same_lr(chosen.peak_lr, lrs[-1]) and not any(_failed(p, probes) for p in above):
        return "largest"
    return None


def refinement(chosen: ProbeSummary | None, probes: Sequence[ProbeSummary]) -> tuple[float, float] | None:
    """``chosen * sqrt(2)`` when the rung above the choice was unstable: near the edge a factor 2 is too coarse."""
    if chosen is None:
        return None
    up = chosen.peak_lr * defaults.LADDER_FACTOR
    mid = chosen.peak_lr * math.sqrt(defaults.LADDER_FACTOR)
    if _unstable_at(up, chosen.warmup_fraction, probes) and not any(_same_lr(p.peak_lr, mid) for p in probes):
        return mid, chosen.warmup_fraction
    return None


def _unstable_at(lr: float, fraction: float, probes: Sequence[ProbeSummary], horizon: int | None = None) -> bool:
    """A probe at ``lr`` with no more warmup failed; with ``horizon``, a stall at a shorter horizon does not count."""
    for p in probes:
        if _same_lr(p.peak_lr, lr) and p.warmup_fraction <= fraction + 1e-9:
            why = failure(p, probes)
            if why in _FAILURES and not (why == "stalled" and horizon is not None and p.horizon < horizon):
                return True
    return False


def warmup_margin(chosen: ProbeSummary, probes: Sequence[ProbeSummary], margin: float | None = None) -> ProbeSummary | None:
    """The probe that argues for a longer warmup than the choice's, as a safety margin; None if none does.

    A run at the peak LR should survive the LR being ``margin`` x higher (the stability margin the LR keeps),
    and the warmup is insurance against the LR being too high: at every LR >= margin x peak where a warmup
    probe and a no-warmup probe ran the same horizon, if warmup removed a failure or a spike (a recovered one
    too: a catapult says the LR is above the current stability threshold) or trained WARMUP_GAIN better, the
    shortest such warmup is kept (the one at the smallest such LR).
    """
    margin = defaults.SAFETY_RATIO if margin is None else margin
    target = chosen.peak_lr * margin * (1 - 1e-6)
    found = []
    for warm in probes:
        if warm.peak_lr < target or warm.warmup_fraction <= chosen.warmup_fraction + 1e-9 or not warm.stable:
            continue
        for none in probes:
            if _same_lr(none.peak_lr, warm.peak_lr) and none.warmup_steps == 0 and none.horizon == warm.horizon:
                if (not none.stable or (none.spike is not None and warm.spike is None)
                        or warm.quality < none.quality * (1 - defaults.WARMUP_GAIN)):
                    found.append(warm)
    return min(found, key=lambda p: (p.peak_lr, p.warmup_fraction), default=None)


def pick(candidates: Sequence[ProbeSummary]) -> ProbeSummary | None:
    """The stable candidate the probes measured best (lowest ``quality``; a tie to the bit goes to the smaller LR).

    No tolerance moves the choice off the measured best: a 3% gap at a fifth of the run is not a 3% gap at its end
    (differences between LRs grow as training goes on), and "ties to the smaller LR" walked the suite's transformers
    2-4x below their best. Candidates repeated with several seeds are averaged first (quality = mean over seeds).
    """
    pooled = pool_seeds([c for c in candidates if c.stable])
    if not pooled:
        return None
    return min(pooled, key=lambda c: (c.quality, c.peak_lr, c.warmup_fraction))


def extrapolate(
    rerank: Sequence[ProbeSummary], screen: Sequence[ProbeSummary], total_steps: int
) -> list[ProbeSummary]:
    """Re-rank summaries with their quality projected to the full run from two horizons.

    At each LR, the no-warmup loss at the screen horizon ``h1`` and at the re-rank horizon ``h2`` give an
    improvement ratio ``r = q2 / q1`` (capped at 1). Assuming the loss keeps falling by that ratio per
    factor ``h2 / h1`` of horizon, the full run reaches ``q * r ** (log(T / h2) / log(h2 / h1))``; the same
    ``r`` projects the warmup candidates at that LR. This undoes the short-horizon bias where one LR
    plateaus early while another keeps improving. Candidates without both horizons keep their quality.
    """
    ratios: dict[float, tuple[float, float]] = {}
    for r in rerank:
        if r.warmup_steps:
            continue
        base = next((s for s in screen if _same_lr(s.peak_lr, r.peak_lr) and s.warmup_steps == 0 and s.horizon < r.horizon), None)
        if base is not None and 0 < base.quality < math.inf and r.quality < math.inf:
            power = math.log(max(total_steps, r.horizon) / r.horizon) / math.log(r.horizon / base.horizon)
            ratios[r.peak_lr] = (min(r.quality / base.quality, 1.0), power)
    out = []
    for r in rerank:
        found = next((v for lr, v in ratios.items() if _same_lr(lr, r.peak_lr)), None)
        if found is None or not math.isfinite(r.quality):
            out.append(r)
        else:
            ratio, power = found
            out.append(replace(r, score=r.quality * ratio**power, eval_loss=None, label="projected"))
    return out


def pool_seeds(candidates: Sequence[ProbeSummary]) -> list[ProbeSummary]:
    """One summary per (LR, warmup fraction): a single run as it is; several seeds as the first one's, with the
    training score and the held-out loss (where every seed has one) averaged, so ``quality`` is their mean."""
    groups: dict[tuple[float, float], list[ProbeSummary]] = {}
    for c in candidates:
        groups.setdefault(_key(c), []).append(c)
    pooled = []
    for runs in groups.values():
        if len(runs) == 1:
            pooled.append(runs[0])
            continue
        evals = [r.eval_loss for r in runs if r.eval_loss is not None and math.isfinite(r.eval_loss)]
        pooled.append(replace(runs[0], score=sum(r.score for r in runs) / len(runs),
                              eval_loss=sum(evals) / len(evals) if len(evals) == len(runs) else None))
    return pooled


def seeds_agree(candidates: Sequence[ProbeSummary]) -> bool | None:
    """Whether every seed, judged alone, picks the same (LR, warmup fraction); None for a single seed."""
    seeds = sorted({c.seed for c in candidates})
    if len(seeds) < 2:
        return None
    picks = {_key(p) for s in seeds if (p := pick([c for c in candidates if c.seed == s])) is not None}
    return len(picks) == 1


def warmup_tie(chosen: ProbeSummary, candidates: Sequence[ProbeSummary], band: float) -> ProbeSummary:
    """With WARMUP_TIE (exam 13's set B): a no-warmup choice moves to the largest-LR stable candidate with warmup above
    it whose score is within ``band`` of its own; otherwise the choice as it is."""
    if band <= 0 or chosen.warmup_steps:
        return chosen
    tied = [c for c in pool_seeds([c for c in candidates if c.stable]) if c.warmup_steps
            and c.peak_lr > chosen.peak_lr * (1 + 1e-9) and c.quality <= chosen.quality * (1 + band)]
    return max(tied, key=lambda c: (c.peak_lr, -c.quality), default=chosen)


def nearest_unstable(chosen: ProbeSummary, probes: Sequence[ProbeSummary]) -> ProbeSummary | None:
    """The smallest-LR probe above the choice, run with the choice's own warmup fraction, that failed (``_failed``).

    A failure with less warmup does not count: what warmup buys is a larger LR that trains, so a probe that failed
    without warmup says little about the same LR behind one (exam 8's LISTA: a no-warmup screen failure at 1.4x held
    a 20%-warmup best down 2x, +78.5%). A failure with more warmup would be evidence too (a longer ramp is never less
    safe, which is how ``check`` reads it), but the rule as pre-registered and adopted (exam 11's set B) changed only
    choices that warm up; of 236 committed no-warmup picks none has such a failure within 2x above it.
    """
    return min((p for p in _failures_above(chosen, probes) if _same_fraction(p.warmup_fraction, chosen.warmup_fraction)),
               key=lambda p: p.peak_lr, default=None)


def _failures_above(chosen: ProbeSummary, probes: Sequence[ProbeSummary]) -> list[ProbeSummary]:
    """The probes above the choice's LR, with any warmup, that failed (``_failed``)."""
    return [p for p in probes if _failed(p, probes) and p.peak_lr > chosen.peak_lr * (1 + 1e-9)]


def _failed(probe: ProbeSummary, probes: Sequence[ProbeSummary]) -> bool:
    """A real failure (``runs.failure``, the notion ``check`` uses): diverged, an unrecovered spike, or a stall.
    A recovered spike and a probe cut by the budget or Ctrl-C are not failures."""
    return failure(probe, probes) in _FAILURES


def margin_limit(chosen: ProbeSummary, probes: Sequence[ProbeSummary], ratio: float,
                 divergence_lr: float | None = None) -> float | None:
    """The largest peak LR that keeps ``ratio`` below the nearest measured instability above ``chosen``.

    The instability is the nearest unstable probe above the choice (no more warmup than it) or, when given, the
    range test's divergence LR, whichever is lower. None when nothing unstable was measured above the choice.
    """
    edges = [u.peak_lr for u in (nearest_unstable(chosen, probes),) if u is not None]
    if divergence_lr is not None and divergence_lr > chosen.peak_lr:
        edges.append(divergence_lr)
    return min(edges) / ratio if edges else None


def keep_margin(chosen: ProbeSummary, candidates: Sequence[ProbeSummary], probes: Sequence[ProbeSummary],
                ratio: float, divergence_lr: float | None = None) -> ProbeSummary:
    """The choice, or when it sits closer than ``ratio`` to a measured instability, the best candidate below
    that margin (``pick`` among them); with none measured there, the choice lowered to the margin itself."""
    limit = margin_limit(chosen, probes, ratio, divergence_lr)
    if limit is None or chosen.peak_lr <= limit * (1 + 1e-9):
        return chosen
    safe = pick([c for c in candidates if c.peak_lr <= limit * (1 + 1e-9)])
    return safe if safe is not None else replace(chosen, peak_lr=limit)


def recommend(
    chosen: ProbeSummary,
    probes: Sequence[ProbeSummary],
    total_steps: int,
    range_test: RangeTest | None = None,
    agree: bool | None = None,
    notes: Sequence[str] = (),
    min_lr_ratio: float = defaults.MIN_LR_RATIO,
    measured: ProbeSummary | None = None,
) -> Recommendation:
    """Turn the chosen probe into a full-length schedule and explain it in plain words.

    ``measured`` is the probe the choice stands on when the margin, the constant-LR check or the warmup margin moved
    ``chosen`` off it (``notes`` say why); the first line cites that probe, as the recipe lists it.
    """
    warmup = int(round(chosen.warmup_fraction * total_steps))
    unstable = nearest_unstable(chosen, probes)
    lines = [_choice_line(chosen, warmup, total_steps, probes, measured)]
    lines += _warmup_lines(chosen, probes, warmup, margin_kept=any("safety margin" in n for n in notes))
    lines += list(notes)
    lines.append(_margin_line(chosen, unstable, probes))
    if range_test is not None and range_test.divergence_lr:
        what = ("climbed back towards its start (no blow-up)" if range_test.blowup_kind == "returned"
                else "started to diverge")
        lines.append(
            f"the range test's loss {what} at {fmt(range_test.divergence_lr)}: the choice sits "
            f"{range_test.divergence_lr / chosen.peak_lr:.1f}x below it"
        )
    if agree is not None:
        lines.append("two data orders pick the same candidate" if agree else "two data orders disagree: treat the choice as uncertain")
    return Recommendation(
        peak_lr=chosen.peak_lr,
        warmup_steps=warmup,
        total_steps=total_steps,
        min_lr=chosen.peak_lr * min_lr_ratio,
        schedule="linear-warmup-cosine",
        rule="stability-probes",
        explanation=tuple(lines),
        nearest_unstable_lr=unstable.peak_lr if unstable else None,
        seeds_agree=agree,
    )


def fallback_reason(stopped_by: str | None, probes: Sequence[ProbeSummary]) -> str:
    """Why no probe could be chosen, in words that are true of what was measured.

    ``stopped_by`` is the search's ("budget", "interrupted" or None); ``probes`` are the probes that finished.
    """
    if stopped_by == "budget":
        return "the probe budget ended before any stability probe"
    if stopped_by == "interrupted":
        return "the probe was interrupted before any stability probe finished"
    if not probes:
        return "no stability probe ran"
    lrs = sorted(p.peak_lr for p in probes)
    spiked = [p for p in probes if not p.diverged and p.spike is not None]
    where = f"{len(probes)} probes from {fmt(lrs[0])} to {fmt(lrs[-1])}"
    if not spiked:
        return f"every probe diverged ({where})"
    mildest = min(spiked, key=lambda p: p.spike.ratio if p.spike else math.inf)
    assert mildest.spike is not None
    return (f"no probe trained without a loss spike or divergence ({where}; the mildest, at {fmt(mildest.peak_lr)}, "
            f"spiked x{mildest.spike.ratio:.2f} at step {mildest.spike.step})")


def classic_warmup(total_steps: int) -> int:
    """The warmup of the range test's classic guess: WARMUP_FRACTIONS[1] (5%) of the planned run."""
    return int(round(defaults.WARMUP_FRACTIONS[1] * total_steps))


def range_test_rule(range_test: RangeTest, total_steps: int, reason: str = "the probe budget ended before any stability probe",
                    min_lr_ratio: float = defaults.MIN_LR_RATIO) -> Recommendation:
    """Fallback when no probe can be chosen (``reason`` says why): fastai's valley LR with a 5% warmup."""
    lr = range_test.valley_lr or range_test.steepest_lr or (range_test.divergence_lr or 1e-3) / 10
    warmup = classic_warmup(total_steps)
    return Recommendation(
        peak_lr=lr, warmup_steps=warmup, total_steps=total_steps, min_lr=lr * min_lr_ratio,
        schedule="linear-warmup-cosine", rule="range-test",
        explanation=(f"{reason}: valley LR {fmt(lr)} of the range test, "
                     f"5% warmup; this is the classic LR-finder guess, not a measured recommendation",),
        nearest_unstable_lr=range_test.divergence_lr, seeds_agree=None,
    )


@dataclass(frozen=True)
class Unsupported:
    """Advice that the choice stands on no measured learning: the probe it cites ended no better than the untrained
    model, so the re-rank ranked noise (exam 4's fastText: every LR up to the range test's end left the held-out loss at
    chance, and the smallest LR measured lowest, 1/900 of the best)."""

    kind: ClassVar[str] = "unsupported"
    best_loss: float  # the cited probe's ranking loss
    untrained_loss: float  # the same loss of the model as initialised
    ceiling: float | None  # the range test's last LR when it never blew up: the best LR may lie above it
    by_eval_data: bool = False  # the ranking loss was the factory's eval_data (a training sample may see learning)

    def sentence(self) -> str:
        above = (f"; the range test never blew up up to {fmt(self.ceiling)}, so the best LR may also lie above every LR "
                 "probed" if self.ceiling is not None else "")
        return (f"advice: no probe measurably learned: the best reached {self.best_loss:.4g} against "
                f"{self.untrained_loss:.4g} for the untrained model (under {defaults.LEARNED_MIN_FALL:.0%} better), "
                f"so at this horizon the ranking is noise and this choice is not supported by a measurement. A longer "
                f"re-rank (--rerank-fraction 0.5) may see learning{above}"
                + ("; or rank by a training sample (--no-eval-data), which sees training progress a held-out loss does "
                   "not show yet" if self.by_eval_data else ""))


def unsupported(measured: ProbeSummary, untrained: float | None, range_test: RangeTest | None = None) -> Unsupported | None:
    """``Unsupported`` when the probe the choice stands on fell less than LEARNED_MIN_FALL of the untrained model's
    loss (``fell_measurably``, as for the range test); None when it learned, or nothing is known."""
    if untrained is None or not math.isfinite(untrained) or not math.isfinite(measured.quality):
        return None
    if fell_measurably(untrained, measured.quality):
        return None
    ceiling = range_test.lrs[-1] if range_test is not None and range_test.blowup_lr is None and range_test.lrs else None
    return Unsupported(measured.quality, untrained, ceiling)


@dataclass(frozen=True)
class FailedBelow:
    """Advice that probes below the choice failed while it trained: stability does not grow as the LR falls there, so
    the margin kept above the choice does not bound the risk. Exam 17's infomax ICA@long (plain SGD): re-rank probes
    at 0.71x and 0.35x the choice diverged; at full length one seed of two blew up at the pick (+510.5%). Over the
    pooled first scorings of exams 4-17, 5 of 232 scored picks had such failures below them: median regret +21.4%, 3
    over 8%, against +1.6% and 32 of 227 for the rest. The search now moves the measured best under such failures
    (``under_failures``); the advice stays for a choice that still sits above one (a warmup tie or the check moved it
    back up, or nothing trained under them)."""

    kind: ClassVar[str] = "failed-below"
    failures: tuple[str, ...]  # each failed probe below the choice, as the recipe names it, and how it failed
    below_all: float | None  # the largest LR under every such failure that trained, when one was probed

    def sentence(self) -> str:
        n = len(self.failures)
        lower = f", or the largest LR that trained below all of them, {fmt(self.below_all)}" if self.below_all else ""
        return (f"advice: {n} probe{'s' if n > 1 else ''} below the choice failed ({'; '.join(self.failures)}): here "
                "stability does not grow as the LR falls, so the margin above the choice does not bound the risk and "
                f"a full run may blow up where a probe did not. Confirm with --seeds 2{lower}")


def failed_below(chosen_lr: float, probes: Sequence[ProbeSummary]) -> FailedBelow | None:
    """``FailedBelow`` when a screen or re-rank probe at a smaller LR than the choice diverged or ended in a spike;
    None otherwise."""
    failed = _failures_below(chosen_lr, probes)
    if not failed:
        return None
    searched = [p for p in probes if p.label in ("screen", "rerank")]
    floor = min(p.peak_lr for p, _ in failed)
    trained = [p.peak_lr for p in searched if p.peak_lr < floor * (1 - 1e-6) and failure(p, searched) is None]
    return FailedBelow(tuple(f"{probe_name(p)}: {instability(p, kind)}" for p, kind in failed),
                       max(trained) if trained else None)


def under_failures(chosen: ProbeSummary, candidates: Sequence[ProbeSummary],
                   probes: Sequence[ProbeSummary]) -> ProbeSummary | None:
    """The measured best of ``candidates`` at LRs under every screen or re-rank probe that failed below ``chosen``;
    None when nothing failed below it, or nothing trained under the failures.

    Round 17 (exam 18's pre-registration, on the five pooled rows with failures below the pick): exam 17's infomax
    ICA@long +510.5% -> +0.1%, exam 10's PCE@long +1.9% -> +1.9%; a second data order for the whole re-rank did as
    well (-0.0%) at 1.6x the cost."""
    failed = _failures_below(chosen.peak_lr, probes)
    if not failed:
        return None
    floor = min(p.peak_lr for p, _ in failed)
    return pick([c for c in candidates if c.peak_lr < floor * (1 - 1e-6)])


def _failures_below(chosen_lr: float, probes: Sequence[ProbeSummary]) -> list[tuple[ProbeSummary, str]]:
    """The screen and re-rank probes at smaller LRs than ``chosen_lr`` that diverged or ended in a spike, with how."""
    searched = [p for p in probes if p.label in ("screen", "rerank")]
    return [(p, kind) for p in searched if p.peak_lr < chosen_lr * (1 - 1e-6)
            and (kind := failure(p, searched)) in ("diverged", "spiked")]


def probe_name(p: ProbeSummary) -> str:
    """A probe as the explanation cites it, findable in the recipe's probe list: ``re-rank 80 steps, 2.0e-03, no
    warmup``."""
    return f"{p.label} {p.horizon} steps, {fmt(p.peak_lr)}, {_warmup_words(p)}"


def _choice_line(chosen: ProbeSummary, warmup: int, total: int, probes: Sequence[ProbeSummary] = (),
                 measured: ProbeSummary | None = None) -> str:
    how = "no warmup" if warmup == 0 else f"a {warmup}-step warmup ({chosen.warmup_fraction:.0%} of {total} steps)"
    base = measured or chosen
    moved = ""
    if not _same_lr(base.peak_lr, chosen.peak_lr) or base.warmup_steps != chosen.warmup_steps:
        moved = f" (moved from the measured {fmt(base.peak_lr)} with {_warmup_words(base)}: see below)"
    rivals = pool_seeds([p for p in probes if p.stable and p.horizon == base.horizon and p.label == base.label
                         and _key(p) != _key(base)])
    runner = min(rivals, key=lambda p: p.quality, default=None)
    cited = f"{base.ranked_by} {base.quality:.4g} ({probe_name(base)})"
    if runner is not None and runner.quality < base.quality:
        return (f"peak LR {fmt(chosen.peak_lr)} with {how}{moved}: {cited}; the measured best, {runner.quality:.4g} "
                f"({probe_name(runner)}), sits closer than {defaults.SAFETY_RATIO:g}x to a failed probe (the margin below)")
    against = f"; next best {runner.quality:.4g} ({probe_name(runner)})" if runner is not None else ""
    return f"peak LR {fmt(chosen.peak_lr)} with {how}{moved}: the lowest {cited} of the stable candidates{against}"


def _warmup_lines(chosen: ProbeSummary, probes: Sequence[ProbeSummary], warmup: int, margin_kept: bool = False) -> list[str]:
    same = [p for p in probes if _same_lr(p.peak_lr, chosen.peak_lr) and p.horizon == chosen.horizon]
    shorter = [p for p in same if p.warmup_fraction < chosen.warmup_fraction - 1e-9 and (not p.stable or p.spike)]
    if shorter:
        worst = max(shorter, key=lambda p: p.spike.ratio if p.spike else math.inf)
        return [f"{probe_name(worst)}: {instability(worst)}; a {warmup}-step warmup removed it"]
    if warmup == 0:
        spiked = [p for p in probes if _same_lr(p.peak_lr, chosen.peak_lr) and p.warmup_steps == 0 and p.spike is not None]
        if spiked:
            return [f"no warmup: at this LR the loss only spiked and came back ({probe_name(spiked[0])}: "
                    f"{instability(spiked[0])}), and the warmup probes trained no better"]
        tried = [p for p in probes if _same_lr(p.peak_lr, chosen.peak_lr) and p.warmup_steps == 0 and p.stable]
        where = f" ({', '.join(probe_name(p) for p in tried[:2])})" if tried else ""
        return [f"no warmup needed: the loss did not spike at this LR without one{where}"]
    if margin_kept:
        return ["no spike at this LR without warmup either: the warmup is a safety margin, for the reason below"]
    none = pool_seeds([p for p in same if p.warmup_steps == 0 and p.stable])
    if none:
        why = ("because it trained better at this LR" if chosen.quality < none[0].quality
               else "though it trained no better at this LR (another step moved the choice here)")
        return [f"warmup kept {why}: {chosen.quality:.4g} ({probe_name(chosen)}) "
                f"against {none[0].quality:.4g} without warmup ({probe_name(none[0])})"]
    return [f"warmup as measured best ({probe_name(chosen)}); no warmup-free probe ran at this LR and horizon to "
            "compare with"]


def _margin_line(chosen: ProbeSummary, unstable: ProbeSummary | None, probes: Sequence[ProbeSummary]) -> str:
    if unstable is None:
        other = min(_failures_above(chosen, probes), key=lambda p: p.peak_lr, default=None)
        if other is None:
            return "no probed LR above the choice failed: the margin is at least the ladder's top"
        return (f"no probe with the choice's warmup failed above it; {probe_name(other)} failed "
                f"({instability(other, failure(other, probes))}) at {other.peak_lr / chosen.peak_lr:.1f}x the choice: the "
                f"margin counts failures at the choice's own warmup only")
    ratio = unstable.peak_lr / chosen.peak_lr
    verdict = "a safe margin" if ratio >= defaults.SAFETY_RATIO - 1e-9 else "close to the edge: lower the LR if runs are long"
    return (f"margin: {ratio:.1f}x below the nearest failed probe ({probe_name(unstable)}: "
            f"{instability(unstable, failure(unstable, probes))}), {verdict}")


def _warmup_words(probe: ProbeSummary) -> str:
    return "no warmup" if probe.warmup_steps == 0 else f"a {probe.warmup_fraction:.0%} warmup"


def instability(probe: ProbeSummary, kind: str | None = None) -> str:
    """``the loss spiked x3.1 at step 14, led by 'layers.2.attn'`` (or diverged, or stalled: ``kind``, from
    ``runs.failure``, says which when the probe alone cannot)."""
    lead = f", led by '{probe.top_layers[0][0]}'" if probe.top_layers else ""
    if probe.diverged:
        cause = f" (it raised {probe.raised})" if probe.raised else ""
        return f"the loss diverged at step {probe.diverged_step}{cause}{lead}"
    if not probe.finished:
        return f"the probe was cut at step {probe.steps} ({probe.stopped})"
    if probe.spike is None or kind == "stalled":
        return f"the loss stalled at {probe.quality:.4g}, over {defaults.STALL_RATIO:g}x the best of its horizon"
    back = (f" and came back by step {probe.spike.recovery_step}" if probe.spike.recovered and probe.spike.recovery_step
            is not None else "")
    return f"the loss spiked x{probe.spike.ratio:.1f} at step {probe.spike.step}{back}{lead}"


def _ranked(candidates: Sequence[ProbeSummary]) -> list[ProbeSummary]:
    return sorted((c for c in candidates if math.isfinite(c.quality)), key=lambda c: c.quality)


def _same_fraction(a: float, b: float) -> bool:
    """Warmup fractions are 0, 5% or 20% of a horizon; rounding to whole steps moves one by under 2 points."""
    return abs(a - b) < 0.02


def _same_lr(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6)


def _key(c: ProbeSummary) -> tuple[float, float]:
    return (round(math.log(c.peak_lr), 6), round(c.warmup_fraction, 6))


def fmt(value: float) -> str:
    """An LR as ``3.0e-03``: the form the recipe uses."""
    return f"{value:.1e}"


def emit_command(peak_lr: float, floor_ratio: float, warmup_steps: int | None = None) -> str:
    """The ``warmfind emit`` call that writes an advised second run's config from the same recipe: its peak, its
    floor (``floor_ratio`` x the peak, as the recipe's floor is of its own) and, where it differs, its warmup."""
    warmup = f" --set warmup_steps={warmup_steps}" if warmup_steps is not None else ""
    return (f"`warmfind emit RECIPE --format FORMAT --set peak_lr={peak_lr:.4g} --set min_lr={peak_lr * floor_ratio:.4g}"
            f"{warmup}`")
