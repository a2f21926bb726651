"""The LR schedule a training config will run, as a fraction of its peak at each step, next to the probed shape.

Pure. Each stack's scheduler is written out from its source's formula after warmup (the ``warmup`` check judges
warmup itself): Hugging Face's ``get_scheduler`` names, DeepSpeed's ``scheduler.type``, torchtune's cosine,
litgpt's cosine and nanoGPT's ``get_lr`` with its own ``lr_decay_iters``. A scheduler whose LR depends on the
training itself (``reduce_lr_on_plateau``, ``greedy``) has no shape to compare, and says why.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from warmfind.recipe.schedule import Schedule

SAMPLES = 2000  # steps compared at most: evenly spread over the run after warmup, plus its last step

# Hugging Face scheduler names whose LR follows the training (no fixed shape), and why.
HF_ADAPTIVE = {
    "reduce_lr_on_plateau": "reduce_lr_on_plateau lowers the LR when the eval metric stops improving: its shape "
                            "depends on the run",
    "greedy": "greedy (GreedyLR) raises and lowers the LR from the training loss: its shape depends on the run",
}
HF_IGNORES_WARMUP = ("constant", "reduce_lr_on_plateau")  # HF builds these without num_warmup_steps


@dataclass(frozen=True)
class PlannedSchedule:
    """A config's LR scheduler: its name and the numbers its formula needs (floors as fractions of the peak)."""

    stack: str  # "hf", "deepspeed", "torchtune", "litgpt", "nanogpt"
    name: str  # as the config names it: "linear", "WarmupCosineLR", "get_lr"
    params: Mapping[str, Any] = field(default_factory=dict)
    unknown: str = ""  # why no shape can be computed ("" when it can)

    def words(self) -> str:
        return f"{self.name} ({self.stack})" if self.stack != "hf" else f"HF's {self.name}"

    def factor(self, step: int, warmup: int, total: int) -> float:
        """LR / peak at optimizer step ``step >= warmup`` of a ``total``-step run."""
        p = self.params
        span = max(1, total - warmup)
        progress = (step - warmup) / span
        kind = p.get("kind", self.name)
        if kind in ("constant", "constant_with_warmup"):
            return 1.0
        if kind == "linear":
            return max(0.0, (total - step) / span) * (1 - p.get("floor", 0.0)) + p.get("floor", 0.0)
        if kind == "cosine":  # HF's num_cycles: 0.5 is one half-cosine; floor 0 unless a min_lr is given
            floor = p.get("floor", 0.0)
            if p.get("restarts"):
                wave = 0.0 if progress >= 1 else 0.5 * (1 + math.cos(math.pi * ((p.get("cycles", 1) * progress) % 1.0)))
            else:
                wave = max(0.0, 0.5 * (1 + math.cos(math.pi * 2 * p.get("cycles", 0.5) * min(progress, 1.0))))
            return wave * (1 - floor) + floor
        if kind == "polynomial":
            end = p.get("floor", 1e-7)
            if step > total:
                return end
            return (1 - end) * (1 - min(progress, 1.0)) ** p.get("power", 1.0) + end
        if kind == "inverse_sqrt":
            timescale = p.get("timescale") or warmup or 10_000
            return 1.0 / math.sqrt((step + timescale - warmup) / timescale)
        if kind == "warmup_stable_decay":
            return _wsd(step, warmup, total, p)
        if kind == "nanogpt":  # get_lr: cosine over lr_decay_iters, min_lr after it
            decay = p["decay_iters"]
            floor = p.get("floor", 0.0)
            if step > decay:
                return floor
            ratio = (step - warmup) / max(1, decay - warmup)
            return floor + 0.5 * (1 + math.cos(math.pi * ratio)) * (1 - floor)
        raise ValueError(f"no formula for {kind!r}")


def _wsd(step: int, warmup: int, total: int, p: Mapping[str, Any]) -> float:
    decay = int(p.get("num_decay_steps") or 0)
    stable = p.get("num_stable_steps")
    stable = int(stable) if stable is not None else total - warmup - decay
    floor = float(p.get("min_lr_ratio", 0.0))
    if step < warmup + stable:
        return 1.0
    if step >= warmup + stable + decay:
        return floor
    progress = (step - warmup - stable) / max(1, decay)
    kind = p.get("decay_type", "cosine")
    shape = 1 - progress if kind == "linear" else 1 - math.sqrt(progress) if kind == "1-sqrt" else \
        0.5 * (1 + math.cos(math.pi * 2 * float(p.get("num_cycles", 0.5)) * progress))
    return max(0.0, shape * (1 - floor) + floor)


# --- reading a config's scheduler ------------------------------------------------------------------

def hf_scheduler(name: str, kwargs: Any, peak: float | None) -> PlannedSchedule:
    """HF's ``lr_scheduler_type`` + ``lr_scheduler_kwargs`` (a dict, or the JSON string the CLI takes)."""
    kw = kwargs if isinstance(kwargs, Mapping) else {}
    if name in HF_ADAPTIVE:
        return PlannedSchedule("hf", name, unknown=HF_ADAPTIVE[name])
    simple = {"linear": {}, "constant": {}, "constant_with_warmup": {},
              "cosine": {"cycles": float(kw.get("num_cycles", 0.5))},
              "cosine_with_restarts": {"kind": "cosine", "restarts": True, "cycles": float(kw.get("num_cycles", 1))},
              "polynomial": {"floor": float(kw.get("lr_end", 1e-7)) / peak if peak else 0.0,
                             "power": float(kw.get("power", 1.0))},
              "inverse_sqrt": {"timescale": kw.get("timescale")},
              "warmup_stable_decay": dict(kw)}
    if name in simple:
        if name == "warmup_stable_decay" and not kw.get("num_decay_steps"):
            return PlannedSchedule("hf", name, unknown="warmup_stable_decay without lr_scheduler_kwargs.num_decay_steps "
                                                      "(get_wsd_schedule requires it)")
        return PlannedSchedule("hf", name, simple[name])
    if name in ("cosine_with_min_lr", "cosine_warmup_with_min_lr"):
        rate = kw.get("min_lr_rate")
        if rate is None and kw.get("min_lr") is not None and peak:
            rate = float(kw["min_lr"]) / peak
        if rate is None:
            return PlannedSchedule("hf", name, unknown=f"{name} without lr_scheduler_kwargs min_lr or min_lr_rate "
                                                      "(HF refuses it)")
        return PlannedSchedule("hf", name, {"kind": "cosine", "floor": float(rate), "cycles": float(kw.get("num_cycles", 0.5))})
    return PlannedSchedule("hf", name, unknown=f"lr_scheduler_type {name!r} is not one of HF's get_scheduler names "
                                               "warmfind knows")


def deepspeed_scheduler(block: Any) -> PlannedSchedule:
    """DeepSpeed's ``scheduler`` block: WarmupCosineLR, WarmupDecayLR, WarmupLR."""
    if not isinstance(block, Mapping):
        return PlannedSchedule("deepspeed", "none", unknown="the config has no scheduler block: the schedule comes from "
                                                           "the training code (the HF Trainer's lr_scheduler_type, or yours)")
    name, params = str(block.get("type")), block.get("params") or {}
    if name == "WarmupCosineLR":
        return PlannedSchedule("deepspeed", name, {"kind": "cosine", "floor": float(params.get("cos_min_ratio", 1e-4))})
    if name == "WarmupDecayLR":
        return PlannedSchedule("deepspeed", name, {"kind": "linear"})
    if name == "WarmupLR":
        return PlannedSchedule("deepspeed", name, {"kind": "constant"})
    return PlannedSchedule("deepspeed", name, unknown=f"DeepSpeed scheduler {name!r} (OneCycle and LRRangeTest cycle "
                                                     "the LR) has no warmup-then-decay shape to compare")


TORCHTUNE_COSINE = "torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup"


def torchtune_scheduler(block: Any) -> PlannedSchedule:
    component = str((block or {}).get("_component_")) if isinstance(block, Mapping) else "None"
    if component == TORCHTUNE_COSINE:
        return PlannedSchedule("torchtune", "get_cosine_schedule_with_warmup",
                               {"kind": "cosine", "cycles": float(block.get("num_cycles", 0.5))})
    return PlannedSchedule("torchtune", component, unknown=f"torchtune scheduler {component!r} is not one warmfind knows")


def litgpt_scheduler(train: Any, peak: float | None) -> PlannedSchedule:
    """litgpt pretrain's cosine to ``train.min_lr`` (finetune ignores the floor: the gap is at most min_lr / lr)."""
    min_lr = train.get("min_lr") if isinstance(train, Mapping) else None
    floor = float(min_lr) / peak if min_lr is not None and peak else 0.0
    return PlannedSchedule("litgpt", "cosine", {"kind": "cosine", "floor": floor})


def nanogpt_scheduler(data: Mapping[str, Any], defaults: Mapping[str, Any]) -> PlannedSchedule:
    """train.py's ``get_lr`` (``decay_lr = False``: the constant ``learning_rate``)."""
    value = {k: data.get(k, defaults[k]) for k in ("decay_lr", "learning_rate", "min_lr", "lr_decay_iters")}
    if not value["decay_lr"]:
        return PlannedSchedule("nanogpt", "decay_lr = False", {"kind": "constant"})
    peak = float(value["learning_rate"])
    return PlannedSchedule("nanogpt", "get_lr", {"kind": "nanogpt", "decay_iters": int(value["lr_decay_iters"]),
                                                 "floor": float(value["min_lr"]) / peak if peak else 0.0})


# --- comparing ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ShapeGap:
    """How far a planned schedule strays from the probed shape after warmup, in fractions of the peak."""

    gap: float  # the largest |planned - probed| over the compared steps
    step: int  # where it is largest
    planned: float  # the two factors there
    probed: float
    planned_end: float  # at the run's last step
    probed_end: float


def compare(planned: PlannedSchedule, probed: Schedule, warmup: int, total: int) -> ShapeGap:
    """``planned`` against ``probed`` (peak 1, the plan's warmup and length) over steps ``warmup .. total - 1``."""
    last = total - 1
    count = max(0, last - warmup)
    steps = sorted({warmup + round(i * count / SAMPLES) for i in range(SAMPLES + 1)} if count else {min(warmup, last)})
    rows = [(abs(planned.factor(s, warmup, total) - probed.factor_at(s)), s) for s in steps]
    gap, step = max(rows)
    return ShapeGap(gap, step, planned.factor(step, warmup, total), probed.factor_at(step),
                    planned.factor(last, warmup, total), probed.factor_at(last))
