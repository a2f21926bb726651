"""``warmfind check``'s comparisons of the plan with the probed setup: clipping, schedule shape, architecture.

Pure: a recipe mapping and a ``Planned`` in, one ``Finding`` each out. Each warns (never fails) when the run
would differ from what the probes measured, since the measured limits then move by an unmeasured amount.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from warmfind.defaults import SHAPE_CLOSE, SHAPE_SAME
from warmfind.gate.findings import Finding
from warmfind.gate.planned import Planned
from warmfind.gate.shapes import ShapeGap, compare
from warmfind.recipe.schedule import from_mapping


def check_grad_clip(recipe: Mapping[str, Any], planned: Planned) -> Finding:
    """A warning when the run will clip gradients differently from the probes: the measured edge moves with it."""
    probed = (recipe.get("workload") or {}).get("grad_clip")
    words = (lambda clip: f"clipping at max norm {clip:g}" if clip else "no clipping")
    if not planned.grad_clip_known:
        return Finding("info", "grad-clip", "grad-clip-not-checked", "gradient clipping not compared",
                       f"the plan does not say; the probes ran with {words(probed)}", setting="grad_clip")
    if (planned.grad_clip or None) == (probed or None):
        return Finding("info", "grad-clip", "grad-clip-as-probed", f"the plan clips as the probes did ({words(probed)})",
                       "the measured limits apply", setting="grad_clip", planned=planned.grad_clip, measured=probed)
    again = f"with --grad-clip {planned.grad_clip:g}" if planned.grad_clip else "without --grad-clip"
    return Finding("warning", "grad-clip", "grad-clip-differs",
                   f"the plan trains with {words(planned.grad_clip)} but the probes ran with {words(probed)}",
                   f"clipping moves the stability edge (HF and nanoGPT clip at 1.0 unless told otherwise): re-probe {again}",
                   setting="grad_clip", planned=planned.grad_clip, measured=probed)


def check_schedule(recipe: Mapping[str, Any], planned: Planned) -> Finding:
    """The plan's LR after warmup against the probed shape at the plan's warmup and length, step by step.

    Within SHAPE_SAME of the peak everywhere it is the probed shape; within SHAPE_CLOSE it is close enough to keep
    the measured peak; further apart it warns (the best peak moves with the shape: 1.4-2.8x under WSD vs cosine).
    """
    rec = recipe.get("recommendation") or {}
    probed_shape = rec.get("schedule") or "linear-warmup-cosine"
    plan = planned.scheduler
    if plan is None or plan.unknown:
        why = plan.unknown if plan is not None else "the plan names no scheduler warmfind can read"
        return Finding("info", "schedule", "schedule-not-checked", "schedule shape not compared",
                       f"{why}; the probes used {probed_shape}", setting="schedule")
    total = planned.total_steps or rec.get("total_steps")
    if not total:
        return Finding("info", "schedule", "schedule-not-checked", "schedule shape not compared",
                       f"the plan names no run length; the probes used {probed_shape}", setting="schedule")
    warmup = min(planned.warmup_steps_for(total) or 0, total)
    probed = from_mapping({**rec, "peak_lr": 1.0, "min_lr": _floor(rec), "warmup_steps": warmup}, total)
    gap = compare(plan, probed, warmup, total)
    where = (f"at step {gap.step} the plan runs at {gap.planned:.0%} of its peak, the probed shape at {gap.probed:.0%}; "
             f"at the last step {gap.planned_end:.0%} against {gap.probed_end:.0%}")
    decay = _decay_mismatch(plan.params, total, planned.peak_lr, gap)
    if gap.gap <= SHAPE_SAME:
        return Finding("info", "schedule", "schedule-as-probed",
                       f"the plan's schedule ({plan.words()}) is the probed one ({probed_shape})",
                       f"within {gap.gap:.1%} of the peak at every step after warmup: the measured peak applies",
                       setting="schedule")
    if gap.gap <= SHAPE_CLOSE and not decay:
        return Finding("info", "schedule", "schedule-close",
                       f"the plan's {plan.words()} stays within {gap.gap:.0%} of the peak of the probed {probed_shape}",
                       f"{where}; close enough to keep the measured peak (SHAPE_CLOSE = {SHAPE_CLOSE:.0%})",
                       setting="schedule")
    return Finding("warning", "schedule", "decay-length-differs" if decay else "schedule-differs",
                   decay or f"the plan trains with {plan.words()} but the probes used {probed_shape}: the LR differs by "
                   f"up to {gap.gap:.0%} of the peak",
                   f"{where}; the best peak LR moves with the shape (1.4-2.8x lower under WSD than cosine on the suite): "
                   "re-probe with --schedule matching the plan, or make the plan's decay match", setting="schedule")


def _floor(rec: Mapping[str, Any]) -> float:
    peak, floor = rec.get("peak_lr"), rec.get("min_lr")
    return float(floor) / float(peak) if isinstance(peak, (int, float)) and peak and isinstance(floor, (int, float)) else 0.0


def _decay_mismatch(params: Mapping[str, Any], total: int, peak: float | None, gap: ShapeGap) -> str:
    """nanoGPT's ``lr_decay_iters`` against the run's length, in words ("" when they agree)."""
    decay = params.get("decay_iters")
    if decay is None or decay == total:
        return ""
    end = f" ({peak * gap.planned_end:.1e})" if peak else ""
    if decay > total:
        return (f"lr_decay_iters {decay} is longer than the run ({total} steps): the LR ends at {gap.planned_end:.0%} of "
                f"the peak{end}, where the probed shape ends at {gap.probed_end:.0%}")
    return (f"lr_decay_iters {decay} is shorter than the run ({total} steps): the LR reaches min_lr at step {decay} and "
            f"holds it for the last {total - decay - 1} steps")


def check_architecture(recipe: Mapping[str, Any], planned: Planned) -> Finding:
    """A warning when the config sets model keys (n_layer, n_embd, block_size, dropout, ...) the probed model did not have."""
    probed = (recipe.get("workload") or {}).get("architecture") or {}
    given = dict(planned.architecture)
    if not given:
        return Finding("info", "architecture", "architecture-not-checked", "architecture not compared",
                       "the config sets no model keys", setting="architecture")
    shared = [k for k in given if k in probed]
    if not shared:
        return Finding("info", "architecture", "architecture-not-checked", "architecture not compared",
                       f"the config sets {', '.join(given)} but the recipe recorded none of them (it reads n_layer, n_embd, "
                       "... off the model or its .config)", setting="architecture")
    differ = [f"{k} {given[k]!r} (probed {probed[k]!r})" for k in shared if not _same(given[k], probed[k])]
    if not differ:
        return Finding("info", "architecture", "architecture-as-probed",
                       f"the config's model keys match the probed model ({', '.join(shared)})",
                       "the measured limits are the model's own", setting="architecture")
    return Finding("warning", "architecture", "architecture-differs",
                   f"the config describes another model: {', '.join(differ)}",
                   "the recipe measured the probed model; depth, width, context and dropout all move the stable LR: "
                   "re-probe the planned model", setting="architecture")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    return bool(a == b)
