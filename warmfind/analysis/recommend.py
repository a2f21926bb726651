"""Choosing the peak LR and the warmup from probe summaries: pure functions, summaries in, numbers out."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from warmfind import defaults
from warmfind.analysis.lr_range import RangeTest
from warmfind.analysis.runs import ProbeSummary, failure, stalled


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
    nearest_unstable_lr: float | None  # smallest probed LR above the choice that diverged or spiked
    seeds_agree: bool | None  # None when a single seed was run
    decay_fraction: float | None = None  # warmup-stable-decay only: the share of the run its final decay takes


def ladder(top_lr: float, rungs: int = defaults.LADDER_RUNGS, factor: float = defaults.LADDER_FACTOR) -> list[float]:
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


def ladder_done(screen: Sequence[ProbeSummary], rungs: int | None = None, trained: int | None = None) -> bool:
    """Whether a top-down screen has tried enough rungs: ``rungs`` (LADDER_RUNGS) of them, of which at least
    ``trained`` (MIN_TRAINED_RUNGS) did not diverge. Diverged rungs stop within a few steps, so descending past
    them is cheap, and a ladder that never reached a trainable LR has nothing to choose from."""
    rungs = defaults.LADDER_RUNGS if rungs is None else rungs
    trained = defaults.MIN_TRAINED_RUNGS if trained is None else trained
    return len(screen) >= rungs and sum(not s.diverged for s in screen) >= trained


def rerank_candidates(screen: Sequence[ProbeSummary], warmup: float, window: str | None = None) -> list[tuple[float, float]]:
    """(peak LR, warmup fraction) pairs for the longer re-rank, around the screen's best stable LR ``b``.

    ``window`` (RERANK_WINDOW) ``down``: ``b`` and ``b/2``, each without and with ``warmup``, because the screen's
    short horizon favours too-large LRs. ``up``: ``b`` and ``2b`` without warmup (``2b`` only if it trained stably
    in the screen) and with ``warmup``, since warmup is what lets a model take a larger LR (Kalra & Barkeshli
    2024), which only a horizon longer than the warmup can show. When an end wins, ``extension`` goes on that
    way (successive-halving style: few candidates first).
    """
    ranked = _ranked([c for c in screen if c.stable])
    if not ranked:
        return []
    b = ranked[0].peak_lr
    if (window or defaults.RERANK_WINDOW) == "down":
        down = b / defaults.LADDER_FACTOR
        return [(lr, f) for f in (0.0, warmup) for lr in (b, down)]
    up = b * defaults.LADDER_FACTOR
    up_unstable = any(_same_lr(p.peak_lr, up) and not p.stable for p in screen)
    plain = ([] if up_unstable else [up]) + [b]
    return [(lr, 0.0) for lr in plain] + [(lr, warmup) for lr in (b, up)]


def extension(
    chosen: ProbeSummary | None, rerank: Sequence[ProbeSummary], probes: Sequence[ProbeSummary]
) -> tuple[float, float] | None:
    """One more (LR, warmup fraction) when the winner is the smallest or largest LR re-ranked (None: inside)."""
    if chosen is None:
        return None
    lrs = sorted({r.peak_lr for r in rerank})
    if len(lrs) < 2:
        return None
    if _same_lr(chosen.peak_lr, lrs[0]):
        return chosen.peak_lr / defaults.LADDER_FACTOR, chosen.warmup_fraction
    if _same_lr(chosen.peak_lr, lrs[-1]):
        up = chosen.peak_lr * defaults.LADDER_FACTOR
        if not _unstable_at(up, chosen.warmup_fraction, probes):
            return up, chosen.warmup_fraction
    return None


def final_candidates(chosen: ProbeSummary, ranked: Sequence[ProbeSummary], n: int) -> list[tuple[float, float]]:
    """(peak LR, warmup fraction) pairs for the final, longer round: the choice and ``n - 1`` challengers below it.

    Short horizons favour LRs that are too large (on the suite's tune half the re-rank's pick sat a median 1.4x
    above the full-run best), so the challengers are the best-ranked candidates at smaller LRs, one per LR,
    and when fewer were measured, the choice's LR halved (then quartered), with its warmup.
    """
    out = [(chosen.peak_lr, chosen.warmup_fraction)]
    below = sorted((c for c in pool_seeds([c for c in ranked if c.stable]) if c.peak_lr < chosen.peak_lr * (1 - 1e-9)),
                   key=lambda c: c.quality)
    for c in below:
        if len(out) >= n:
            break
        if not any(_same_lr(c.peak_lr, lr) for lr, _ in out):
            out.append((c.peak_lr, c.warmup_fraction))
    lr = min(lr for lr, _ in out)
    while len(out) < n:
        lr /= defaults.LADDER_FACTOR
        out.append((lr, chosen.warmup_fraction))
    return out


def refinement(chosen: ProbeSummary | None, probes: Sequence[ProbeSummary]) -> tuple[float, float] | None:
    """``chosen * sqrt(2)`` when the rung above the choice was unstable: near the edge a factor 2 is too coarse."""
    if chosen is None:
        return None
    up = chosen.peak_lr * defaults.LADDER_FACTOR
    mid = chosen.peak_lr * math.sqrt(defaults.LADDER_FACTOR)
    if _unstable_at(up, chosen.warmup_fraction, probes) and not any(_same_lr(p.peak_lr, mid) for p in probes):
        return mid, chosen.warmup_fraction
    return None


def _unstable_at(lr: float, fraction: float, probes: Sequence[ProbeSummary]) -> bool:
    return any(_same_lr(p.peak_lr, lr) and not p.stable and p.warmup_fraction <= fraction + 1e-9 for p in probes)


def warmup_margin(chosen: ProbeSummary, probes: Sequence[ProbeSummary], margin: float | None = None) -> ProbeSummary | None:
    """The probe that argues for a longer warmup than the choice's, as a safety margin; None if none does.

    A run at the peak LR should survive the LR being ``margin`` x higher (the stability margin the LR keeps),
    and the warmup is insurance against the LR being too high: at every LR >= margin x peak where a warmup
    probe and a no-warmup probe ran the same horizon, if warmup removed an instability or trained
    WARMUP_GAIN better, the shortest such warmup is kept (the one at the smallest such LR).
    """
    margin = defaults.SAFETY_RATIO if margin is None else margin
    target = chosen.peak_lr * margin * (1 - 1e-6)
    found = []
    for warm in probes:
        if warm.peak_lr < target or warm.warmup_fraction <= chosen.warmup_fraction + 1e-9 or not warm.stable:
            continue
        for none in probes:
            if _same_lr(none.peak_lr, warm.peak_lr) and none.warmup_steps == 0 and none.horizon == warm.horizon:
                if not none.stable or warm.quality < none.quality * (1 - defaults.WARMUP_GAIN):
                    found.append(warm)
    return min(found, key=lambda p: (p.peak_lr, p.warmup_fraction), default=None)


def stalled_in_training(candidate: ProbeSummary, peers: Sequence[ProbeSummary]) -> bool:
    """Whether ``candidate``'s training loss is over STALL_RATIO x that of a stable peer of the same horizon at a
    smaller LR (``runs.stalled`` on training loss): it is not training, whatever its held-out loss says."""
    same = [(p.peak_lr, p.score) for p in peers if p.horizon == candidate.horizon and p.stable]
    return candidate.stable and stalled(candidate.score, candidate.peak_lr, same) is not None


def pick(candidates: Sequence[ProbeSummary], tolerance: float | None = None) -> ProbeSummary | None:
    """The best stable candidate; within ``tolerance`` of the best, prefer the smaller LR, then the shorter warmup.

    Candidates repeated with several seeds are averaged first (their quality is the mean over seeds).
    """
    tolerance = defaults.TIE_TOLERANCE if tolerance is None else tolerance
    pooled = pool_seeds([c for c in candidates if c.stable])
    if not pooled:
        return None
    best = min(c.quality for c in pooled)
    near = [c for c in pooled if c.quality <= best * (1 + tolerance) + 1e-12]
    return min(near, key=lambda c: (c.peak_lr, c.warmup_fraction))


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
    """One summary per (LR, warmup fraction): the first seed's, with the quality averaged over all seeds."""
    groups: dict[tuple[float, float], list[ProbeSummary]] = {}
    for c in candidates:
        groups.setdefault(_key(c), []).append(c)
    pooled = []
    for runs in groups.values():
        mean = sum(r.quality for r in runs) / len(runs)
        pooled.append(replace(runs[0], score=mean, eval_loss=None))
    return pooled


def seeds_agree(candidates: Sequence[ProbeSummary]) -> bool | None:
    """Whether every seed, judged alone, picks the same (LR, warmup fraction); None for a single seed."""
    seeds = sorted({c.seed for c in candidates})
    if len(seeds) < 2:
        return None
    picks = {_key(p) for s in seeds if (p := pick([c for c in candidates if c.seed == s])) is not None}
    return len(picks) == 1


def nearest_unstable(chosen: ProbeSummary, probes: Sequence[ProbeSummary]) -> ProbeSummary | None:
    """The smallest-LR probe above the choice, with no more warmup than it, that diverged or spiked."""
    unstable = [
        p for p in probes
        if _failed(p, probes) and p.peak_lr > chosen.peak_lr * (1 + 1e-9) and p.warmup_fraction <= chosen.warmup_fraction + 1e-9
    ]
    return min(unstable, key=lambda p: p.peak_lr, default=None)


def _failed(probe: ProbeSummary, probes: Sequence[ProbeSummary]) -> bool:
    """Diverged or spiked; with MARGIN_COUNTS_STALLS also stalled (``runs.failure``, the notion ``check`` uses)."""
    if not probe.stable:
        return True
    return defaults.MARGIN_COUNTS_STALLS and failure(probe, probes) == "stalled"


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
) -> Recommendation:
    """Turn the chosen probe into a full-length schedule and explain it in plain words."""
    warmup = int(round(chosen.warmup_fraction * total_steps))
    unstable = nearest_unstable(chosen, probes)
    lines = [_choice_line(chosen, warmup, total_steps, probes)]
    lines += _warmup_lines(chosen, probes, warmup, margin_kept=any("safety margin" in n for n in notes))
    lines += list(notes)
    lines.append(_margin_line(chosen, unstable))
    if range_test is not None and range_test.divergence_lr:
        lines.append(
            f"the range test's loss started to diverge at {fmt(range_test.divergence_lr)}: the choice sits "
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


def range_test_rule(range_test: RangeTest, total_steps: int, reason: str = "the probe budget ended before any stability probe",
                    min_lr_ratio: float = defaults.MIN_LR_RATIO) -> Recommendation:
    """Fallback when no probe can be chosen (``reason`` says why): fastai's valley LR with a 5% warmup."""
    lr = range_test.valley_lr or range_test.steepest_lr or (range_test.divergence_lr or 1e-3) / 10
    warmup = int(round(defaults.WARMUP_FRACTIONS[1] * total_steps))
    return Recommendation(
        peak_lr=lr, warmup_steps=warmup, total_steps=total_steps, min_lr=lr * min_lr_ratio,
        schedule="linear-warmup-cosine", rule="range-test",
        explanation=(f"{reason}: valley LR {fmt(lr)} of the range test, "
                     f"5% warmup; this is the classic LR-finder guess, not a measured recommendation",),
        nearest_unstable_lr=range_test.divergence_lr, seeds_agree=None,
    )


def _choice_line(chosen: ProbeSummary, warmup: int, total: int, probes: Sequence[ProbeSummary] = ()) -> str:
    how = "no warmup" if warmup == 0 else f"a {warmup}-step warmup ({chosen.warmup_fraction:.0%} of {total} steps)"
    what = "projected full-run loss" if chosen.label == "projected" else "loss"
    stage = "final round" if chosen.label == "final" else "re-rank"
    rivals = pool_seeds([p for p in probes if p.stable and p.horizon == chosen.horizon and p.label in ("rerank", "final")])
    best = min(rivals, key=lambda p: p.quality, default=None) if chosen.label != "projected" else None
    if best is not None and best.quality < chosen.quality * (1 - 1e-9):
        return (f"peak LR {fmt(chosen.peak_lr)} with {how}: its loss ({chosen.quality:.4g}) on the {chosen.horizon}-step "
                f"{stage} is within {defaults.TIE_TOLERANCE:.0%} of the lowest ({best.quality:.4g}, at {fmt(best.peak_lr)} "
                f"with {_warmup_words(best)}), and ties go to the smaller LR because short probes tend to favour large ones")
    return (f"peak LR {fmt(chosen.peak_lr)} with {how}: the lowest {what} ({chosen.quality:.4g}) of the stable "
            f"candidates on the {chosen.horizon}-step {stage}")


def _warmup_lines(chosen: ProbeSummary, probes: Sequence[ProbeSummary], warmup: int, margin_kept: bool = False) -> list[str]:
    same_lr = [p for p in probes if math.isclose(p.peak_lr, chosen.peak_lr, rel_tol=1e-6)]
    shorter = [p for p in same_lr if p.warmup_fraction < chosen.warmup_fraction - 1e-9 and not p.stable]
    if not shorter:
        if warmup == 0:
            return ["no warmup needed: the loss did not spike at this LR without one"]
        if margin_kept:
            return ["no spike at this LR without warmup either: the warmup is a safety margin, for the reason below"]
        return ["warmup kept because it trained better at this LR, not because of a measured spike"]
    worst = max(shorter, key=lambda p: p.spike.ratio if p.spike else math.inf)
    return [f"at {fmt(chosen.peak_lr)} with {_warmup_words(worst)} {instability(worst)}; a {warmup}-step warmup removed it"]


def _margin_line(chosen: ProbeSummary, unstable: ProbeSummary | None) -> str:
    if unstable is None:
        return "no probed LR above the choice was unstable: the margin is at least the ladder's top"
    ratio = unstable.peak_lr / chosen.peak_lr
    verdict = "a safe margin" if ratio >= defaults.SAFETY_RATIO - 1e-9 else "close to the edge: lower the LR if runs are long"
    return f"margin: {ratio:.1f}x below the nearest unstable candidate ({fmt(unstable.peak_lr)}, {instability(unstable)}), {verdict}"


def _warmup_words(probe: ProbeSummary) -> str:
    return "no warmup" if probe.warmup_steps == 0 else f"a {probe.warmup_fraction:.0%} warmup"


def instability(probe: ProbeSummary) -> str:
    """``the loss spiked x3.1 at step 14, led by 'layers.2.attn'`` (or diverged)."""
    lead = f", led by '{probe.top_layers[0][0]}'" if probe.top_layers else ""
    if probe.diverged:
        return f"the loss diverged at step {probe.diverged_step}{lead}"
    if probe.spike is None:
        return f"the loss stalled at {probe.quality:.4g}, over {defaults.STALL_RATIO:g}x the best of its horizon"
    return f"the loss spiked x{probe.spike.ratio:.1f} at step {probe.spike.step}{lead}"


def _ranked(candidates: Sequence[ProbeSummary]) -> list[ProbeSummary]:
    return sorted((c for c in candidates if math.isfinite(c.quality)), key=lambda c: c.quality)


def _same_lr(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6)


def _key(c: ProbeSummary) -> tuple[float, float]:
    return (round(math.log(c.peak_lr), 6), round(c.warmup_fraction, 6))


def fmt(value: float) -> str:
    """An LR as ``3.0e-03``: the form the recipe uses."""
    return f"{value:.1e}"
