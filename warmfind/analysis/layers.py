"""What warmup does to each layer: update-to-weight ratios early in training, with and without warmup (no torch).

Gotmare et al. (2018) found that warmup mostly limits how far the deeper layers move early on. Two re-rank runs
at the same peak LR, one without warmup and one with, record |Δw|/|w| per module per step; over the first steps
(the warmup's length) their ratio per module says how much the warmup restrained that module.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from warmfind import defaults
from warmfind.analysis.runs import ProbeRun


@dataclass(frozen=True)
class LayerRestraint:
    """One module's early update ratio without and with warmup, and their quotient."""

    layer: str
    depth: int  # position in the model's parameter order (0 = first, closest to the input for most models)
    without_warmup: float  # mean |Δw|/|w| per step over the first ``steps`` steps, no warmup
    with_warmup: float  # the same with the chosen warmup
    restraint: float  # without / with: how many times less the warmup let this module move (inf: it did not move)
    zero_start: bool = False  # started near zero: its ratios are |dw| / max(|w|, its init scale), not |dw| / |w|


@dataclass(frozen=True)
class LayerReport:
    """The per-layer effect of warmup at one peak LR, over the first ``steps`` steps of two re-rank runs."""

    peak_lr: float
    warmup_steps: int  # the warmup of the run compared against the no-warmup run (in that run's steps)
    steps: int
    rows: tuple[LayerRestraint, ...]


def early_ratio(ratios: Sequence[Sequence[float]], steps: int, column: int) -> float:
    """Mean update ratio of one module over the first ``steps`` rows (finite values only; nan when none)."""
    values = [row[column] for row in ratios[:steps] if column < len(row) and math.isfinite(row[column])]
    return sum(values) / len(values) if values else math.nan


def warmup_restraint(without: ProbeRun, with_warmup: ProbeRun) -> LayerReport | None:
    """How much the warmup of ``with_warmup`` restrained each module against ``without`` (same LR and horizon).

    Compared over the warmup's own length (at least one step): after it, both runs train at the same schedule.
    A module that started near zero (``ProbeRun.zero_start``) was recorded against its init scale, so its
    quotient compares update sizes rather than relative changes of a weight that was not there. None when the runs did not record the same modules or either recorded no ratios.
    """
    if without.layer_names != with_warmup.layer_names or not without.update_ratios or not with_warmup.update_ratios:
        return None
    steps = max(1, min(with_warmup.warmup_steps, len(without.update_ratios), len(with_warmup.update_ratios)))
    rows = []
    for depth, name in enumerate(without.layer_names):
        plain = early_ratio(without.update_ratios, steps, depth)
        warm = early_ratio(with_warmup.update_ratios, steps, depth)
        if math.isnan(plain) or math.isnan(warm):
            continue
        rows.append(LayerRestraint(name, depth, plain, warm, plain / warm if warm > 0 else math.inf,
                                   zero_start=name in without.zero_start))
    return LayerReport(with_warmup.peak_lr, with_warmup.warmup_steps, steps, tuple(rows)) if rows else None


def pick_pair(runs: Sequence[ProbeRun], peak_lr: float) -> tuple[ProbeRun, ProbeRun] | None:
    """The re-rank runs to compare: a no-warmup and a warmup run at one LR, the LR nearest ``peak_lr`` (log scale)."""
    finished = [r for r in runs if r.label == "rerank" and r.stopped is None and r.update_ratios]
    pairs = []
    for warm in (r for r in finished if r.warmup_steps > 0):
        plain = next((r for r in finished if r.warmup_steps == 0 and math.isclose(r.peak_lr, warm.peak_lr, rel_tol=1e-6)
                      and r.planned_steps == warm.planned_steps), None)
        if plain is not None:
            pairs.append((plain, warm))
    if not pairs or peak_lr <= 0:
        return None
    return min(pairs, key=lambda pair: abs(math.log(pair[1].peak_lr / peak_lr)))


def restraint_line(report: LayerReport) -> str:
    """The explanation's sentence: which modules the warmup restrained most, and whether the deeper half moved more."""
    ranked = sorted(report.rows, key=lambda r: -r.restraint)
    top = ", ".join(f"'{r.layer}' x{r.restraint:.2g}" for r in ranked[:2])
    half = len(report.rows) // 2
    if half == 0:
        return f"warmup at {report.peak_lr:.1e} restrained {top} over its first {report.steps} steps"
    shallow = _geomean([r.restraint for r in report.rows[:half]])
    deep = _geomean([r.restraint for r in report.rows[half:]])
    verdict = ("deeper modules were restrained more, as Gotmare et al. (2018) found" if deep > shallow * 1.1 else
               "shallower modules were restrained more, unlike Gotmare et al.'s deeper-layer finding"
               if shallow > deep * 1.1 else "restraint was about even across depth")
    return (f"warmup at {report.peak_lr:.1e} restrained {top} most over its first {report.steps} steps "
            f"(deeper half x{deep:.2g}, shallower half x{shallow:.2g}): {verdict}{zero_start_note(report)}")


def zero_start_note(report: LayerReport) -> str:
    """The clause naming the modules that started near zero and the scale they were measured against ("" if none)."""
    zero = [f"'{r.layer}'" for r in report.rows if r.zero_start]
    if not zero:
        return ""
    return (f"; {', '.join(zero)} started at zero, so {'its' if len(zero) == 1 else 'their'} update ratios are "
            "against a default init's scale, not the weight's own")


def _geomean(values: Sequence[float]) -> float:
    finite = [v for v in values if math.isfinite(v) and v > 0]
    return math.exp(sum(math.log(v) for v in finite) / len(finite)) if finite else math.nan


@dataclass(frozen=True)
class LayerAdvice:
    """Advice to use a layer-wise rule: the layers' update ratios at the chosen LR differ too much for one LR."""

    kind: ClassVar[str] = "layer-wise"
    spread: float  # largest / smallest early update ratio without warmup, over the modules
    threshold: float  # LAYER_SPREAD_ADVICE at the time
    fastest: tuple[str, ...]  # the modules that moved most, first the most
    slowest: tuple[str, ...]  # the modules that moved least, first the least
    remedy: str  # the layer-wise rule for the optimiser in use

    def sentence(self) -> str:
        fast, slow = ", ".join(f"'{n}'" for n in self.fastest), ", ".join(f"'{n}'" for n in self.slowest)
        return (f"advice: at the chosen LR the modules' update ratios differ {self.spread:.0f}x (over "
                f"{self.threshold:.0f}x): {fast} move most, {slow} least; one LR fits them badly. Consider {self.remedy}, "
                f"or parameter groups giving {fast} a smaller LR; warmfind did not change the optimiser")


REMEDIES = {
    "sgd": "LARS (You et al. 2017: each layer's step scaled by its trust ratio |w|/|g|)",
    "adam": "LAMB (You et al. 2019: Adam with a per-layer trust ratio)",
}


def layer_advice(report: LayerReport, optimizer_family: str, threshold: float | None = None,
                 named: int = 2) -> LayerAdvice | None:
    """Advice when the early update ratios at the chosen LR (no warmup) differ by more than ``threshold``
    (LAYER_SPREAD_ADVICE) between modules; ``optimizer_family`` is ``sgd``, ``adam`` or anything else."""
    threshold = defaults.LAYER_SPREAD_ADVICE if threshold is None else threshold
    rows = sorted((r for r in report.rows if math.isfinite(r.without_warmup) and r.without_warmup > 0),
                  key=lambda r: -r.without_warmup)
    if len(rows) < 2:
        return None
    spread = rows[0].without_warmup / rows[-1].without_warmup
    if spread <= threshold:
        return None
    remedy = REMEDIES.get(optimizer_family, "per-layer learning rates")
    named = max(1, min(named, len(rows) // 2))  # the fastest and the slowest never name the same module
    return LayerAdvice(spread, threshold, tuple(r.layer for r in rows[:named]),
                       tuple(r.layer for r in reversed(rows[-named:])), remedy)
