"""What every emitter starts from: the recipe's schedule after ``--set`` overrides, plus where it came from.

Emitters are pure: an ``EmitPlan`` in, config text out. The numbers are written with ``float_literal`` so that
each consumer (YAML 1.1, JSON, Python) reads back exactly the float the recipe holds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from warmfind.analysis.noise_scale import for_batch, move_caveat, recipe_noise
from warmfind.errors import WarmfindError
from warmfind.recipe.emitters.optimizer import OptimizerSpec, optimizer_spec
from warmfind.recipe.schedule import Schedule, from_mapping

OVERRIDABLE = {"peak_lr": float, "warmup_steps": int, "total_steps": int, "min_lr": float, "batch_size": int}

UNITS = "All step counts are optimizer steps (one optimizer.step() each), not micro-batches, samples or epochs."


@dataclass(frozen=True)
class EmitPlan:
    """The schedule to write and the provenance every output's header names."""

    source: str  # the recipe file, named at the top of every output
    schedule: Schedule  # after overrides; a constant tail is folded into a cosine whose floor is the peak
    optimizer: Mapping[str, Any] = field(default_factory=dict)  # the recipe's workload.optimizer block
    batch_size: int | None = None  # samples per optimizer step the recipe was measured with
    accumulate: int = 1  # micro-batches per optimizer step during the probe
    fingerprint: str | None = None  # model + optimizer + batch hash: the recipe is stale once it changes
    recommendation: Mapping[str, Any] = field(default_factory=dict)  # the raw block, for json provenance
    overrides: Mapping[str, Any] = field(default_factory=dict)  # what --set changed
    constant_tail: bool = False  # the recipe said linear-warmup-constant
    wsd: bool = False  # the recipe said warmup-stable-decay (schedule.stable_steps / decay_steps hold its parts)
    moved_from_batch: int | None = None  # --set batch_size moved the recommendation from this measured batch
    moved_caveat: str = ""  # why the noise-scale table does not trust that move ("" when it does)
    incomplete: str = ""  # why the recipe is marked complete: false ("" when it is complete)
    grad_clip: float | None = None  # the max gradient norm the probes clipped to (None: they did not clip)
    probe_processes: int = 1  # data-parallel processes of the probe; batch_size is the global batch either way

    @property
    def peak_lr(self) -> float:
        return self.schedule.peak_lr

    @property
    def warmup_steps(self) -> int:
        return self.schedule.warmup_steps

    @property
    def total_steps(self) -> int:
        return self.schedule.total_steps

    @property
    def min_lr(self) -> float:
        return self.schedule.min_lr

    @property
    def spec(self) -> OptimizerSpec:
        """The recorded optimizer: class, hyper-parameters, parameter groups."""
        return optimizer_spec(self.optimizer)

    @property
    def optimizer_name(self) -> str:
        return self.spec.name

    @property
    def optimizer_class(self) -> str:
        """``torch.optim.AdamW`` for ``adamw``; a recorded class path for other classes."""
        return self.spec.class_path

    def optimizer_hparams(self) -> dict[str, Any]:
        """The recorded hyper-parameters a constructor of ``optimizer_class`` accepts (lr excluded)."""
        return dict(self.spec.hparams)

    @property
    def processes(self) -> int:
        return int(self.probe_processes or 1)

    def micro_batch(self) -> int | None:
        """Samples per micro-batch per process: the batch over accumulation x processes (None when it does not divide)."""
        parts = self.accumulate * self.processes
        if not self.batch_size or self.batch_size % parts:
            return None
        return self.batch_size // parts


def parse_overrides(pairs: Sequence[str]) -> dict[str, float | int]:
    """``["total_steps=20000", "min_lr=1e-5"]`` -> typed values; unknown keys and bad numbers raise WarmfindError."""
    out: dict[str, float | int] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep or key not in OVERRIDABLE:
            raise WarmfindError(f"--set expects one of {', '.join(OVERRIDABLE)} as key=value, got {pair!r}")
        kind = OVERRIDABLE[key]
        try:
            value = float(text) if kind is float else _integer(text)
        except ValueError:
            raise WarmfindError(f"--set {key} needs {'a number' if kind is float else 'an integer'}, got {text!r}") from None
        out[key] = value
    return out


def _integer(text: str) -> int:
    number = float(text)  # accept "1e4" and "10000.0", refuse "10.5"
    if not number.is_integer():
        raise ValueError(text)
    return int(number)


def plan_from_recipe(recipe: Mapping[str, Any], source: str, overrides: Mapping[str, Any] | None = None) -> EmitPlan:
    """The plan for a loaded recipe; ``overrides`` replace recommendation fields before the schedule is built.

    Overriding ``total_steps`` alone keeps the warmup in steps (cut to the new length if longer). A new
    ``batch_size`` first moves the whole recommendation there by the noise-scale rules (``noise_scale.for_batch``:
    peak LR, warmup, and the length kept in examples); the other overrides apply after it.
    """
    rec = recipe.get("recommendation")
    if not isinstance(rec, Mapping):
        raise WarmfindError(f"{source} has no recommendation to emit (was the probe interrupted?)")
    overrides = dict(overrides or {})
    workload = recipe.get("workload") or {}
    batch = workload.get("batch_size")
    moved = "batch_size" in overrides and overrides["batch_size"] != batch
    caveat = ""
    if moved:
        rec, caveat = _moved_to_batch(recipe, rec, source, int(overrides["batch_size"]))
    # A new length alone stretches the schedule (warmup cut to fit); with an explicit warmup both are taken as given.
    stretch = overrides.get("total_steps") if "warmup_steps" not in overrides else None
    merged = {**rec, **{k: v for k, v in overrides.items() if k != "batch_size" and (stretch is None or k != "total_steps")}}
    try:
        schedule = from_mapping(merged, stretch)
    except (ValueError, TypeError, KeyError) as exc:
        raise WarmfindError(f"{source}: cannot emit this schedule: {exc}") from None
    constant = schedule.shape == "linear-warmup-constant"
    if constant:
        # min_lr + (peak - min_lr) * c is the peak for every c when min_lr = peak: one code path per stack.
        schedule = Schedule(schedule.peak_lr, schedule.warmup_steps, schedule.total_steps, schedule.peak_lr)
    return EmitPlan(
        source=source,
        schedule=schedule,
        optimizer=dict(workload.get("optimizer") or {}),
        batch_size=overrides.get("batch_size", batch),
        accumulate=int(workload.get("accumulate") or 1),
        fingerprint=workload.get("fingerprint"),
        recommendation=dict(rec),
        overrides=overrides,
        constant_tail=constant,
        wsd=schedule.shape == "warmup-stable-decay",
        moved_from_batch=batch if moved else None,
        moved_caveat=caveat,
        incomplete=incomplete_reason(recipe),
        grad_clip=workload.get("grad_clip"),
        probe_processes=int(workload.get("processes") or 1),
    )


def incomplete_reason(recipe: Mapping[str, Any]) -> str:
    """Why a recipe is marked ``complete: false`` ("" for a complete one), from its cost block."""
    if recipe.get("complete", True):
        return ""
    stopped = (recipe.get("cost") or {}).get("stopped_by") or "unknown"
    return f"the recipe is INCOMPLETE (the probe stopped: {stopped}); its recommendation rests on the probes that finished"


def _moved_to_batch(recipe: Mapping[str, Any], rec: Mapping[str, Any], source: str, new_batch: int) -> tuple[dict[str, Any], str]:
    """The recommendation at ``new_batch`` and the batch table's caveat for that move ("" when trusted)."""
    batch = (recipe.get("workload") or {}).get("batch_size")
    noise = recipe_noise((recipe.get("evidence") or {}).get("gradient_noise_scale"))
    if new_batch < 1:
        raise WarmfindError(f"--set batch_size needs a positive integer, got {new_batch}")
    if not isinstance(batch, int) or batch < 1:
        raise WarmfindError(f"{source} records no batch size to move the recommendation from")
    if noise is None:
        raise WarmfindError(f"{source} has no gradient noise scale to move the LR and warmup to batch {new_batch}: "
                            f"re-probe at that batch size")
    b_noise, stderr = noise
    return for_batch(rec, batch, new_batch, b_noise), move_caveat(batch, new_batch, b_noise, stderr)


def float_literal(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` in YAML 1.1, JSON and Python: ``0.003``, ``3.0e-05``.

    ``repr`` is already round-trip exact; YAML 1.1 (PyYAML) only needs a ``.`` in the mantissa to see a float.
    """
    if not math.isfinite(value):
        raise WarmfindError(f"cannot write the non-finite value {value} into a training config")
    text = repr(float(value))
    mantissa, e, exponent = text.partition("e")
    if e and "." not in mantissa:
        text = f"{mantissa}.0e{exponent}"
    return text


def header(plan: EmitPlan, fmt: str, marker: str = "#") -> list[str]:
    """The opening comment lines: the recipe file, the schedule in one line, the overrides, the units."""
    sets = "".join(f" --set {k}={v}" for k, v in plan.overrides.items())
    lines = [
        f"generated by: warmfind emit {plan.source} --format {fmt}{sets}",
        *([f"WARNING: {plan.incomplete}; re-probe with a larger budget before a costly run"] if plan.incomplete else []),
        f"recipe: {plan.source}" + (f" (fingerprint {plan.fingerprint})" if plan.fingerprint else ""),
        f"schedule: linear warmup 0 -> {float_literal(plan.peak_lr)} over {plan.warmup_steps} steps, then "
        + (
            "constant"
            if plan.constant_tail
            else f"constant for {plan.schedule.stable_steps} steps, then linear to {float_literal(plan.min_lr)} over the last "
            f"{plan.schedule.decay_steps}"
            if plan.wsd
            else f"cosine to {float_literal(plan.min_lr)} at step {plan.total_steps}"
        )
        + f"; {plan.total_steps} steps in all",
    ]
    if plan.overrides:
        recorded = plan.recommendation.get("warmup_steps")
        if "warmup_steps" not in plan.overrides and recorded is not None and int(recorded) != plan.warmup_steps:
            lines.append(f"the recipe's {recorded} warmup steps were cut to {plan.warmup_steps} to fit the new length")
    lines.append(UNITS)
    lines.append(f"gradient clipping: max norm {float_literal(plan.grad_clip)}, as probed" if plan.grad_clip
                 else "gradient clipping: none, as probed (a stack that clips by default is told not to where it has a key)")
    if plan.batch_size and plan.moved_from_batch:
        lines.append(
            f"measured at {plan.moved_from_batch} samples per optimizer step and moved to {plan.batch_size} by the noise-scale "
            "rules (peak LR by eps(B) = eps_max / (1 + B_noise/B), warmup steps by 1 + B_noise/B, length kept in examples)"
            + (f"; an extrapolation the measurement does not support ({plan.moved_caveat}): re-probe at that batch to be sure"
               if plan.moved_caveat else "")
        )
    elif plan.batch_size:
        lines.append(
            f"measured with {plan.batch_size} samples per optimizer step"
            + (f" ({plan.accumulate} micro-batches each)" if plan.accumulate > 1 else "")
            + "; keep that global batch (per-device batch x accumulation x processes) or re-probe"
        )
    return [f"{marker} {line}" for line in lines]


def comment_block(lines: Sequence[str], marker: str = "#") -> list[str]:
    return [f"{marker} {line}" if line else marker for line in lines]


class _ExactDumper(yaml.SafeDumper):
    """SafeDumper that writes floats with ``float_literal`` (round-trip exact, always a YAML float)."""


def _represent_float(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:float", float_literal(value))


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_ExactDumper.add_representer(float, _represent_float)
_ExactDumper.add_representer(list, _represent_list)


def yaml_text(data: Mapping[str, Any]) -> str:
    """A mapping as block YAML in insertion order, lists inline (``betas: [0.9, 0.999]``)."""
    return yaml.dump(dict(data), Dumper=_ExactDumper, sort_keys=False, default_flow_style=False, width=120)
