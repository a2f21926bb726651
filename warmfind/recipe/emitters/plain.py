"""Plain outputs for anything else: the schedule and its provenance as JSON, or as ``KEY=value`` environment lines."""

from __future__ import annotations

import json
import shlex
from typing import Any

from warmfind.recipe.emitters.optimizer import uncarried
from warmfind.recipe.emitters.plan import EmitPlan, comment_block, float_literal, header

PROVENANCE_KEYS = ("rule", "explanation", "confidence")


def schedule_fields(plan: EmitPlan) -> dict[str, Any]:
    return {
        "peak_lr": plan.peak_lr,
        "warmup_steps": plan.warmup_steps,
        "total_steps": plan.total_steps,
        "min_lr": plan.min_lr,
        "schedule": "linear-warmup-constant" if plan.constant_tail else plan.schedule.shape,
        **({"decay_steps": plan.schedule.decay_steps} if plan.wsd else {}),
        "grad_clip": plan.grad_clip,
    }


def emit_json(plan: EmitPlan) -> str:
    """``{"_warmfind": ..., "recommendation": {...}, "provenance": {...}}``: a consumer we define, so extra keys are fine."""
    provenance: dict[str, Any] = {
        "recipe": plan.source,
        "fingerprint": plan.fingerprint,
        "batch_size": plan.batch_size,
        "accumulate": plan.accumulate,
        "optimizer": dict(plan.optimizer),
        "overrides": dict(plan.overrides),
    }
    provenance.update({k: plan.recommendation[k] for k in PROVENANCE_KEYS if k in plan.recommendation})
    measured = (plan.recommendation.get("warmup_steps"), plan.recommendation.get("total_steps"))
    if plan.overrides and "explanation" in provenance and measured != (plan.warmup_steps, plan.total_steps):
        # the explanation travels with this config, so it must say which schedule it was written for
        provenance["explanation"] = [
            f"measured for {measured[0]} warmup steps of {measured[1]}; this config has {plan.warmup_steps} of "
            f"{plan.total_steps} (--set {', '.join(f'{k}={v}' for k, v in plan.overrides.items())}). As measured:",
            *provenance["explanation"]]
    document = {
        "_warmfind": [line[2:] for line in header(plan, "json")],
        "recommendation": {**schedule_fields(plan), "units": "optimizer steps"},
        "provenance": provenance,
    }
    return json.dumps(document, indent=2, default=str) + "\n"


def optimizer_variables(plan: EmitPlan) -> dict[str, str]:
    """``WARMFIND_OPTIMIZER`` (the class path) and one variable per recorded hyper-parameter."""
    spec = plan.spec
    out = {"WARMFIND_OPTIMIZER": spec.class_path}
    for key, value in spec.hparams.items():
        if key == "betas" and isinstance(value, (list, tuple)) and len(value) == 2:
            out["WARMFIND_BETA1"], out["WARMFIND_BETA2"] = (float_literal(float(b)) for b in value)
        elif isinstance(value, (bool, int, float)):
            out[f"WARMFIND_{key.upper()}"] = str(value) if isinstance(value, bool) else float_literal(float(value))
    if plan.batch_size:
        out["WARMFIND_BATCH_SIZE"] = str(plan.batch_size)
        out["WARMFIND_ACCUMULATE"] = str(plan.accumulate)
    return out


def emit_env(plan: EmitPlan) -> str:
    """``WARMFIND_PEAK_LR=...`` lines: ``set -a; . file; set +a`` in a shell, or ``docker --env-file``."""
    values = {
        "WARMFIND_PEAK_LR": float_literal(plan.peak_lr),
        "WARMFIND_WARMUP_STEPS": str(plan.warmup_steps),
        "WARMFIND_TOTAL_STEPS": str(plan.total_steps),
        "WARMFIND_MIN_LR": float_literal(plan.min_lr),
        "WARMFIND_SCHEDULE": schedule_fields(plan)["schedule"],
        "WARMFIND_GRAD_CLIP": float_literal(plan.grad_clip) if plan.grad_clip else "0.0",
        "WARMFIND_RECIPE": plan.source,
        **optimizer_variables(plan),
    }
    lines = header(plan, "env") + comment_block(uncarried(plan.spec, "these variables", tuple(plan.spec.hparams)))
    # docker's --env-file takes values verbatim, so quote only when a shell would otherwise split the value.
    lines += [f"{key}={value if shlex.quote(value) == value else shlex.quote(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"
