"""Verdicts of ``warmfind check``: a recipe's evidence and a planned run in, frozen findings out (no torch).

How the evidence is read (``f`` is the planned warmup as a fraction of the planned run):

* A probe (LR ``u``, warmup fraction ``w``) is *unstable* when it diverged or its loss spiked and had not come back
  when it ended: the vocabulary of the search and the recipe (``runs.failure``). A spike the probe recovered from (a
  catapult, Lewkowycz et al. 2020) trained; a recipe that does not say ``recovered`` counts its spike as unstable.
* Instability is taken to be monotone: a larger LR or a shorter warmup is never safer. So a probe that trained
  stably at LR ``s`` with warmup ``<= f`` covers the plan at any LR ``<= s``.
* ``stable_lr(f)``: the largest LR that trained stably with no more warmup than planned (a plan within
  ROUNDING = 1% above it counts as covered: configs round LRs).
* ``limit(f)`` (the measured limit): the smallest LR above ``stable_lr(f)`` at which any probe was unstable,
  the range test's divergence LR included (a 100-step ramp is the gentlest warmup there is). Between the two
  lies an unmeasured gap, at most one ladder rung (2x) wide. A failure with less warmup than planned counts too, on
  purpose: the gate is conservative, and fails a plan that goes past a measured failure into LRs no probe with its
  warmup has tried. (The search's safety margin counts only failures at the choice's own warmup, so on the rare pick
  a no-warmup failure sits within 2x of, ``peak-lr-margin`` warns about it.)
* Warmup need at LR ``L``: the shortest warmup fraction that trained stably at some LR ``>= L``.

Checks, one finding each (error fails the gate, warning fails it only with ``--strict``):

* ``peak-lr-limit``  error when a probe at an LR ``<= L`` with warmup ``>= f`` diverged or ended in a spike while a
                     larger LR with no more warmup trained (``failed_beneath``: monotonicity broken, and the plan is
                     past a failure all the same),
                     or when ``L >= limit(f)`` and no probe at ``>= L`` trained stably with any warmup, or
                     when ``L`` is at or above the range test's divergence LR with no more warmup steps than its
                     ramp and no probe with warmup ``<= f`` covers it (the range test is always evidence).
* ``warmup``         error when the plan is past ``stable_lr(f)``, a longer warmup trained stably at ``>= L``,
                     and a probe with no more warmup than planned was unstable at or below that LR.
* ``peak-lr-margin`` warning when ``L > limit(f) / SAFETY_RATIO`` (2x, Smith's rule) or ``L`` is past
                     ``stable_lr(f)`` with nothing measured above it.
* ``peak-lr-waste``  warning when ``L < peak_lr / FAR_BELOW_RATIO``: margin paid for with slower training.
* ``batch-size``     a changed batch rescales every measured LR by the noise-scale rule
                     ``eps(B) = eps_max / (1 + B_noise / B)`` and every measured warmup's share of the run by
                     ``(B + B_noise) / (B0 + B_noise)`` (warmup steps scale as ``1 + B_noise/B``, for a run over
                     the same examples) when the recipe has a noise scale; otherwise LRs by linear scaling
                     ``B / B0`` (an upper bound for a larger batch), warmup shares kept, with a warning. A move
                     the batch table would not trust (``noise_scale.batch_table``) is a warning too.
* ``evidence``       warning when the recipe is incomplete, fell back to the range-test rule, or its choice learned
                     nothing measurable (advice ``unsupported``; ``peak-lr-waste`` then compares nothing).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from warmfind.analysis.noise_scale import (
    move_caveat,
    recipe_noise,
    steps_factor,
    warmup_fraction_factor,
)
from warmfind.analysis.runs import stalled
from warmfind.defaults import FAR_BELOW_RATIO, ROUNDING, SAFETY_RATIO
from warmfind.gate.findings import Finding
from warmfind.gate.plan_checks import check_architecture, check_grad_clip, check_schedule
from warmfind.gate.planned import Planned

CHECKS = ("evidence", "batch-size", "peak-lr-limit", "warmup", "peak-lr-margin", "peak-lr-waste", "grad-clip", "schedule",
          "architecture")
LEVELS = ("error", "warning", "info")
_TOL = 1e-9  # LRs are compared with this relative slack: recipes round them to 6 significant digits


@dataclass(frozen=True)
class Trial:
    """One probe of the recipe, as the checks read it."""

    lr: float
    warmup_steps: int
    horizon: int
    stable: bool
    stage: str
    outcome: str  # "trained stably", "diverged at step 2", "spiked x2.8 at step 3"
    stalled: bool = False  # unstable only by training far worse than its peers (no blow-up, no spike)

    @property
    def warmup_fraction(self) -> float:
        return self.warmup_steps / self.horizon if self.horizon else 0.0

    def warmup_at_most(self, fraction: float) -> bool:
        """Whether this probe had no more warmup than ``fraction`` of its horizon (half a step of rounding slack)."""
        return self.warmup_steps <= fraction * self.horizon + 0.5 + _TOL

    def words(self) -> str:
        warmup = "no warmup" if self.warmup_steps == 0 else f"a {self.warmup_fraction:.0%} warmup"
        if self.stage == "range-test":
            return f"the range test (an LR ramp over {self.horizon} steps) diverged at {fmt(self.lr)}"
        return f"the {self.stage} probe at {fmt(self.lr)} with {warmup} {self.outcome}"


@dataclass(frozen=True)
class Evidence:
    """What a recipe measured, in the units of the planned run's batch size."""

    trials: tuple[Trial, ...]
    peak_lr: float | None  # the recommendation
    warmup_steps: int | None
    total_steps: int | None
    batch_size: int | None  # samples per step the recipe was measured at
    b_noise: float | None  # gradient noise scale B_simple, when measured
    b_noise_stderr: float | None  # its standard error, when recorded
    complete: bool
    rule: str | None
    fingerprint: str | None
    lr_scale: float = 1.0  # measured LRs were multiplied by this for a changed batch size
    unsupported: bool = False  # the recipe's advice says its choice learned nothing measurable (kind "unsupported")
    failed_below: bool = False  # the recipe's advice says probes below its choice failed (kind "failed-below")

    def scaled(self, factor: float, warmup_factor: float = 1.0) -> Evidence:
        """Every measured LR times ``factor``, every measured warmup's share of its run times ``warmup_factor``."""
        trials = tuple(replace(t, lr=t.lr * factor, warmup_steps=min(t.horizon, round(t.warmup_steps * warmup_factor)))
                       for t in self.trials)
        peak = self.peak_lr * factor if self.peak_lr is not None else None
        warmup = round(self.warmup_steps * warmup_factor) if self.warmup_steps is not None else None
        return replace(self, trials=trials, peak_lr=peak, warmup_steps=warmup, lr_scale=self.lr_scale * factor)


def read_evidence(recipe: Mapping[str, Any]) -> Evidence:
    """The recipe mapping (schema 1) as Evidence; probes lacking an LR or horizon are skipped."""
    evidence = recipe.get("evidence") or {}
    probes = list(evidence.get("probes") or ())
    trials = [t for p in probes if (t := _trial(p, probes)) is not None]
    range_test = evidence.get("lr_range_test") or {}
    divergence = range_test.get("divergence_lr")
    if isinstance(divergence, (int, float)) and divergence > 0:
        steps = len((range_test.get("curve") or {}).get("lr") or ()) or 100
        trials.append(Trial(float(divergence), steps, steps, False, "range-test", "diverged"))
    rec = recipe.get("recommendation") or {}
    workload = recipe.get("workload") or {}
    noise = recipe_noise(evidence.get("gradient_noise_scale"))
    kinds = _advice_kinds(recipe)
    return Evidence(
        trials=tuple(trials),
        peak_lr=_positive(rec.get("peak_lr")),
        warmup_steps=rec.get("warmup_steps"),
        total_steps=rec.get("total_steps"),
        batch_size=workload.get("batch_size"),
        b_noise=noise[0] if noise else None,
        b_noise_stderr=noise[1] if noise else None,
        complete=bool(recipe.get("complete", False)),
        rule=rec.get("rule"),
        fingerprint=workload.get("fingerprint"),
        unsupported="unsupported" in kinds,
        failed_below="failed-below" in kinds,
    )


def stable_lr(trials: Sequence[Trial], fraction: float) -> Trial | None:
    """The largest-LR probe that trained stably with no more warmup than ``fraction``."""
    return max((t for t in trials if t.stable and t.warmup_at_most(fraction)), key=lambda t: t.lr, default=None)


def limit(trials: Sequence[Trial], fraction: float) -> Trial | None:
    """The measured limit at warmup ``fraction``: the smallest unstable LR above ``stable_lr(fraction)``."""
    frontier = stable_lr(trials, fraction)
    floor = frontier.lr * (1 + _TOL) if frontier else 0.0
    return min((t for t in trials if not t.stable and t.lr > floor), key=lambda t: t.lr, default=None)


def failed_beneath(trials: Sequence[Trial], lr: float, fraction: float) -> Trial | None:
    """The smallest-LR probe at or below ``lr`` that diverged or ended in a spike with at least ``fraction`` warmup
    while a probe at a larger LR with no more warmup trained stably: monotonicity broken, so the stable probe above
    does not cover the plan, and by the rule itself a plan at a larger LR with no more warmup than a failure is no
    safer. A stall (relative to its peers) does not count, nor does the range test (judged on its own). None when
    there is none: on a monotone ladder ``limit`` says everything."""
    def contradicted(t: Trial) -> bool:  # a larger LR with no more warmup trained
        return any(s.stable and s.lr > t.lr * (1 + _TOL) and s.warmup_at_most(t.warmup_fraction) for s in trials)

    beneath = [t for t in trials if not t.stable and not t.stalled and t.stage != "range-test"
               and t.lr <= lr * (1 + ROUNDING) and t.warmup_steps + 0.5 + _TOL >= fraction * t.horizon and contradicted(t)]
    return min(beneath, key=lambda t: t.lr, default=None)


def warmup_need(trials: Sequence[Trial], lr: float) -> Trial | None:
    """The stable probe at an LR ``>= lr`` with the shortest warmup fraction (then the smallest LR)."""
    covering = [t for t in trials if t.stable and t.lr * (1 + ROUNDING) >= lr]
    return min(covering, key=lambda t: (t.warmup_fraction, t.lr), default=None)


def batch_factor(measured_batch: int, planned_batch: int, b_noise: float | None) -> float:
    """How much the stable LR moves from ``measured_batch`` to ``planned_batch``.

    With a noise scale, ``eps(B) = eps_max / (1 + B_noise / B)`` gives ``(1 + B_noise/B0) / (1 + B_noise/B)``
    (McCandlish et al. 2018); without one, linear scaling ``B / B0`` (Goyal et al. 2017), which bounds that
    ratio from above when the batch grows and from below when it shrinks.
    """
    if b_noise is not None:
        return 1.0 / steps_factor(measured_batch, planned_batch, b_noise)
    return planned_batch / measured_batch


def check(recipe: Mapping[str, Any], planned: Planned) -> tuple[Finding, ...]:
    """Judge a planned run against a recipe's evidence: one Finding per check, in CHECKS order."""
    if planned.peak_lr is None:
        raise ValueError("a planned peak LR is required")
    evidence = read_evidence(recipe)
    findings = [check_evidence(evidence)]
    batch_finding, evidence = check_batch(evidence, planned.batch_size)
    findings.append(batch_finding)
    total = planned.total_steps or evidence.total_steps
    fraction = planned.warmup_fraction(evidence.total_steps)
    if fraction is None:
        fraction = 0.0  # no warmup named anywhere: judge the plan as having none, which is what trainers do
    findings += check_lr_and_warmup(evidence.trials, planned.peak_lr, fraction, planned.warmup_steps_for(total), total)
    findings.append(check_waste(evidence, planned.peak_lr))
    findings.append(check_grad_clip(recipe, planned))
    findings.append(check_schedule(recipe, planned))
    findings.append(check_architecture(recipe, planned))
    return tuple(findings)


def _advice_kinds(recipe: Mapping[str, Any]) -> set[str]:
    return {a.get("kind") for a in recipe.get("advice") or () if isinstance(a, Mapping)}


def check_evidence(evidence: Evidence) -> Finding:
    probes = sum(1 for t in evidence.trials if t.stage != "range-test")
    if not evidence.trials:
        return Finding("warning", "evidence", "no-evidence", "the recipe holds no probe results",
                       "the probe stopped before any run finished: every check below is blind")
    if not evidence.complete:
        return Finding("warning", "evidence", "recipe-incomplete", "the recipe is incomplete (probe interrupted or out of budget)",
                       f"{probes} probes finished; a larger --budget-seconds measures the rest")
    if evidence.rule == "range-test":
        return Finding("warning", "evidence", "range-test-only", "the recommendation comes from the range test alone",
                       "no stability probe finished: the limits below rest on the LR range test")
    if evidence.unsupported:
        return Finding("warning", "evidence", "choice-unsupported",
                       "the recommendation learned nothing measurable (the recipe's advice: unsupported)",
                       "its probe ended under 2% below the untrained model's loss: the stability limits below are "
                       "measured, the recommendation is not")
    if evidence.failed_below:
        return Finding("warning", "evidence", "failed-below",
                       "probes at smaller LRs than the recommendation failed (the recipe's advice: failed-below)",
                       "stability here does not grow as the LR falls: the limits below are measured, but a plan under "
                       "a failed probe is not shown safe by the probes above it")
    return Finding("info", "evidence", "evidence-ok", f"{probes} probes and a range test measured this workload",
                   f"recipe fingerprint {evidence.fingerprint}")


def check_batch(evidence: Evidence, planned_batch: int | None) -> tuple[Finding, Evidence]:
    """The batch-size finding, and the evidence with its LRs rescaled to the planned batch size."""
    measured = evidence.batch_size
    if planned_batch is None or not measured:
        return Finding("info", "batch-size", "batch-not-checked", "batch size not compared",
                       "the plan or the recipe names no batch size", setting="batch_size"), evidence
    if planned_batch == measured:
        return Finding("info", "batch-size", "batch-unchanged", f"batch size {planned_batch} matches the recipe",
                       "the measured LRs apply as they are", setting="batch_size",
                       planned=planned_batch, measured=measured), evidence
    factor = batch_factor(measured, planned_batch, evidence.b_noise)
    warmup_factor = warmup_fraction_factor(measured, planned_batch, evidence.b_noise)
    scaled = evidence.scaled(factor, warmup_factor)
    if evidence.b_noise is not None:
        caveat = move_caveat(measured, planned_batch, evidence.b_noise, evidence.b_noise_stderr)
        rule = (f"noise-scale rule eps(B) = eps_max / (1 + B_noise/B) and warmup steps x (1 + B_noise/B) "
                f"with B_noise = {evidence.b_noise:.4g}, for a run over the same examples")
        return Finding("warning" if caveat else "info", "batch-size", "batch-extrapolated" if caveat else "batch-rescaled",
                       f"batch size {planned_batch} differs from the recipe's {measured}: measured LRs scaled x{factor:.3g}, "
                       f"warmup shares x{warmup_factor:.3g}" + (f", an extrapolation ({caveat})" if caveat else ""),
                       rule + ("; re-probe at the planned batch size to be sure" if caveat else ""),
                       setting="batch_size", planned=planned_batch, measured=measured), scaled
    return Finding("warning", "batch-size", "recipe-stale-batch",
                   f"batch size {planned_batch} differs from the recipe's {measured} and the recipe has no noise scale",
                   f"measured LRs scaled x{factor:.3g} by linear scaling, an optimistic bound for a larger batch; "
                   f"re-probe at the planned batch size", setting="batch_size",
                   planned=planned_batch, measured=measured), scaled


def check_lr_and_warmup(
    trials: Sequence[Trial], lr: float, fraction: float, warmup_steps: int | None, total: int | None
) -> list[Finding]:
    """The peak-lr-limit, warmup and peak-lr-margin findings for a planned (LR, warmup fraction)."""
    frontier = stable_lr(trials, fraction)
    edge = limit(trials, fraction)
    covered = frontier is not None and lr <= frontier.lr * (1 + ROUNDING)
    over = edge is not None and lr >= edge.lr * (1 - _TOL)
    need = None if covered else warmup_need(trials, lr)
    culprits = [t for t in trials if not t.stable and t.warmup_at_most(fraction)
                and (frontier is None or t.lr > frontier.lr) and need is not None and t.lr <= need.lr * (1 + _TOL)]
    short = need is not None and need.warmup_fraction > fraction and (over or bool(culprits))
    found: list[Finding] = []
    ramp = next((t for t in trials if t.stage == "range-test"), None)
    past_ramp = (ramp is not None and not covered and lr >= ramp.lr * (1 - _TOL)
                 and (warmup_steps or 0) <= ramp.warmup_steps)

    beneath = failed_beneath(trials, lr, fraction)
    over = over or beneath is not None

    if past_ramp and ramp is not None:
        # The range test is always evidence: its ramp is a warmup, so a plan with no more warmup than the
        # ramp at or above the LR where the ramp diverged fails, unless a probe at that LR trained stably.
        found.append(_limit_error(
            "peak-lr-above-divergence", ramp, lr, frontier, "this warmup",
            f"planned peak LR {fmt(lr)} is {factor_words(lr, ramp.lr)} the range test's divergence LR {fmt(ramp.lr)}, "
            f"with no more warmup than its {ramp.horizon}-step ramp"))
    elif beneath is not None:
        # instability is taken to be monotone; where a probe at no larger LR, with no less warmup, blew up while
        # larger LRs trained, it is not, and the plan sits past a measured failure all the same (exam 17's ICA@long)
        found.append(Finding(
            "error", "peak-lr-limit", "peak-lr-above-failure",
            f"planned peak LR {fmt(lr)} is at or above a probe that failed with at least its warmup ({fmt(beneath.lr)})",
            f"{beneath.words()}, though larger LRs trained: stability is not monotone in the LR here, and a full run at "
            "the plan may fail where that probe did", setting="peak_lr", planned=lr, measured=beneath.lr))
    elif over and edge is not None and need is None:
        found.append(_limit_error(
            "peak-lr-above-limit", edge, lr, frontier, "any warmup",
            f"planned peak LR {fmt(lr)} is {lr / edge.lr:.1f}x the measured limit {fmt(edge.lr)}"))
    elif over and edge is not None:
        found.append(Finding("info", "peak-lr-limit", "peak-lr-needs-warmup",
                             f"planned peak LR {fmt(lr)} is past the limit at this warmup, but trained stably with more",
                             "see the warmup check", setting="peak_lr", planned=lr, measured=edge.lr))
    else:
        below = f"{edge.lr / lr:.1f}x below the measured limit {fmt(edge.lr)}" if edge else "below every unstable probe"
        found.append(Finding("info", "peak-lr-limit", "peak-lr-below-limit", f"planned peak LR {fmt(lr)} is {below}",
                             edge.words() if edge else "no probe or range test was unstable",
                             setting="peak_lr", planned=lr, measured=edge.lr if edge else None))

    if short and need is not None:
        need_steps = math.ceil(need.warmup_fraction * total) if total else None
        culprit = min(culprits, key=lambda t: t.lr) if culprits else edge
        steps_words = f"{need_steps} steps ({need.warmup_fraction:.0%})" if need_steps is not None else f"{need.warmup_fraction:.0%}"
        found.append(Finding(
            "error", "warmup", "warmup-too-short",
            f"warmup too short for peak LR {fmt(lr)}: planned {_warmup_amount(fraction, warmup_steps)}, measured need {steps_words}",
            (f"{culprit.words()}; " if culprit else "") + f"{need.words()}",
            setting="warmup", planned=fraction, measured=need.warmup_fraction))
    elif covered and frontier is not None:
        found.append(Finding("info", "warmup", "warmup-sufficient",
                             f"planned warmup of {_warmup_amount(fraction, warmup_steps)} suffices at peak LR {fmt(lr)}",
                             frontier.words(), setting="warmup", planned=fraction, measured=frontier.warmup_fraction))
    else:
        found.append(Finding("info", "warmup", "warmup-not-judged",
                             f"warmup not judged: no probe at peak LR {fmt(lr)} or above trained stably with any warmup",
                             "see the peak LR checks", setting="warmup", planned=fraction))

    if over or past_ramp:
        found.append(Finding("info", "peak-lr-margin", "margin-not-judged", "margin not judged: the plan is past the measured limit",
                             "see the peak-lr-limit and warmup checks", setting="peak_lr", planned=lr))
    elif edge is not None and lr > edge.lr / SAFETY_RATIO * (1 + ROUNDING):
        found.append(Finding(
            "warning", "peak-lr-margin", "peak-lr-near-limit",
            f"planned peak LR {fmt(lr)} is only {edge.lr / lr:.2f}x below the measured limit {fmt(edge.lr)} (want {SAFETY_RATIO:g}x)",
            f"{edge.words()}; long runs drift towards the edge of stability, so keep a {SAFETY_RATIO:g}x margin",
            setting="peak_lr", planned=lr, measured=edge.lr))
    elif not covered:
        top = f"the largest stable LR with this warmup was {fmt(frontier.lr)}" if frontier else "no probe with this warmup trained stably"
        found.append(Finding(
            "warning", "peak-lr-margin", "peak-lr-unmeasured",
            f"planned peak LR {fmt(lr)} with {_warmup_words(fraction, warmup_steps)} lies beyond the measured evidence",
            f"{top}; " + ("nothing above it was unstable either" if edge is None else f"the limit is {fmt(edge.lr)}"),
            setting="peak_lr", planned=lr, measured=frontier.lr if frontier else None))
    else:
        margin = f"{edge.lr / lr:.1f}x below the limit" if edge else f"covered by a stable probe at {fmt(frontier.lr) if frontier else '?'}"
        found.append(Finding("info", "peak-lr-margin", "margin-ok", f"planned peak LR {fmt(lr)} keeps a safe margin: {margin}",
                             f"the margin wanted is {SAFETY_RATIO:g}x", setting="peak_lr", planned=lr,
                             measured=edge.lr if edge else None))
    return found


def _limit_error(code: str, edge: Trial, lr: float, frontier: Trial | None, warmup: str, message: str) -> Finding:
    """The failing peak-lr-limit finding: ``edge`` is the instability the plan reaches, ``warmup`` what no probe
    at ``lr`` or above trained stably with."""
    largest = f"; the largest stable LR with this warmup was {fmt(frontier.lr)}" if frontier else ""
    return Finding("error", "peak-lr-limit", code, message,
                   f"{edge.words()}; no probe at {fmt(lr)} or above trained stably with {warmup}{largest}",
                   setting="peak_lr", planned=lr, measured=edge.lr)


def check_waste(evidence: Evidence, lr: float) -> Finding:
    peak = evidence.peak_lr
    if peak is None:
        return Finding("info", "peak-lr-waste", "no-recommendation", "the recipe has no recommendation to compare with",
                       "the probe stopped early", setting="peak_lr", planned=lr)
    if evidence.unsupported:
        return Finding("info", "peak-lr-waste", "recommendation-unsupported",
                       f"planned peak LR {fmt(lr)} not compared with the recommended {fmt(peak)}",
                       "the recommendation learned nothing measurable, so it is no yardstick for wasted margin",
                       setting="peak_lr", planned=lr, measured=peak)
    if lr < peak / FAR_BELOW_RATIO:
        return Finding(
            "warning", "peak-lr-waste", "peak-lr-far-below",
            f"planned peak LR {fmt(lr)} is {peak / lr:.1f}x below the recommended {fmt(peak)}",
            f"the recommendation trained better and stably; {FAR_BELOW_RATIO:g}x below it the margin costs training speed",
            setting="peak_lr", planned=lr, measured=peak)
    if lr > peak * (1 + ROUNDING):
        return Finding("info", "peak-lr-waste", "peak-lr-above-recommendation",
                       f"planned peak LR {fmt(lr)} is {factor_words(lr, peak)} the recommended {fmt(peak)}",
                       "no margin wasted; whether it is safe is for the stability checks", setting="peak_lr", planned=lr,
                       measured=peak)
    return Finding("info", "peak-lr-waste", "peak-lr-near-recommendation",
                   f"planned peak LR {fmt(lr)} is {factor_words(lr, peak)} the recommended {fmt(peak)}",
                   "no margin wasted", setting="peak_lr", planned=lr, measured=peak)


def factor_words(value: float, reference: float) -> str:
    """How ``value`` stands to ``reference``, in the right direction: '64x above', '2.5x below' or 'at'."""
    if value > reference * (1 + ROUNDING):
        return f"{value / reference:.3g}x above"
    if value < reference / (1 + ROUNDING):
        return f"{reference / value:.3g}x below"
    return "at"


def failed(findings: Sequence[Finding], strict: bool = False) -> bool:
    """Whether the gate fails: any error, or any warning under ``strict``."""
    return any(f.level == "error" or (strict and f.level == "warning") for f in findings)


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    return {level: sum(1 for f in findings if f.level == level) for level in LEVELS}


def fmt(value: float) -> str:
    """An LR as ``3.0e-03``, as the recipe's explanations write it."""
    return f"{value:.1e}"


def _warmup_words(fraction: float, steps: int | None) -> str:
    if fraction <= 0:
        return "no warmup"
    return f"a {steps}-step warmup ({fraction:.1%})" if steps is not None else f"a {fraction:.1%} warmup"


def _warmup_amount(fraction: float, steps: int | None) -> str:
    return f"{steps} steps ({fraction:.1%})" if steps is not None else f"{fraction:.1%} of the run"


def _positive(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 else None


def _trial(probe: Mapping[str, Any], probes: Sequence[Mapping[str, Any]] = ()) -> Trial | None:
    lr, horizon = probe.get("peak_lr"), probe.get("horizon")
    if not isinstance(lr, (int, float)) or not isinstance(horizon, int) or lr <= 0:
        return None
    diverged, spike = probe.get("diverged_step"), probe.get("spike")
    catapult = spike if isinstance(spike, Mapping) and spike.get("recovered") is True else None
    spike = None if catapult else spike  # a spike it came back from: it trained (see the module docstring)
    peers = [(float(p["peak_lr"]), q) for p in probes
             if p.get("horizon") == horizon and p.get("warmup_steps") == probe.get("warmup_steps")
             and isinstance(p.get("peak_lr"), (int, float)) and (q := _probe_loss(p)) is not None]
    stall = stalled(_probe_loss(probe), float(lr), peers) if diverged is None and not spike else None
    if diverged is not None:
        outcome = f"diverged at step {diverged}"
    elif spike:
        outcome = f"spiked x{float(spike.get('ratio', math.nan)):.1f} at step {spike.get('step')}"
    elif stall is not None:
        outcome = (f"trained far worse (loss {_probe_loss(probe):.3g} against {stall[1]:.3g} at {fmt(stall[0])}): "
                   "a stall or a worse basin")
    elif catapult:
        outcome = f"trained (a spike x{float(catapult.get('ratio', math.nan)):.1f} at step {catapult.get('step')} came back)"
    else:
        outcome = "trained stably"
    return Trial(float(lr), int(probe.get("warmup_steps") or 0), horizon, diverged is None and not spike and stall is None,
                 str(probe.get("stage", "probe")), outcome, stalled=stall is not None)


def _probe_loss(probe: Mapping[str, Any]) -> float | None:
    """The loss a probe is ranked by: held-out when measured, else training."""
    for key in ("eval_loss", "loss"):
        value = probe.get(key)
        if isinstance(value, (int, float)) and math.isfinite(value):
            return float(value)
    return None
