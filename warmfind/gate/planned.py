"""The planned training run (peak LR, warmup, length, batch) read from flags or a trainer's config file.

Pure except for reading the file. Each setting remembers the line it came from, so a CI annotation can point
at the learning rate in the user's own config. Python configs (nanoGPT) are parsed with ``ast``, never run.
"""

from __future__ import annotations

import ast
import json
import math
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from warmfind.errors import WarmfindError
from warmfind.gate.shapes import (
    HF_IGNORES_WARMUP,
    PlannedSchedule,
    deepspeed_scheduler,
    hf_scheduler,
    litgpt_scheduler,
    nanogpt_scheduler,
    torchtune_scheduler,
)
from warmfind.recipe.schema import ARCHITECTURE_KEYS

FORMATS = ("auto", "hf", "deepspeed", "torchtune", "litgpt", "nanogpt")
SETTINGS = ("peak_lr", "warmup_steps", "warmup_ratio", "total_steps", "batch_size")

KeyPath = tuple[str, ...]


@dataclass(frozen=True)
class Planned:
    """What the user plans to train with; None where neither a flag nor the config says."""

    peak_lr: float | None = None
    warmup_steps: int | None = None
    warmup_ratio: float | None = None  # HF's warmup_ratio / litgpt's lr_warmup_fraction, when given as a fraction
    total_steps: int | None = None  # optimizer steps of the whole run
    batch_size: int | None = None  # samples per optimizer step (micro-batch x accumulation)
    grad_clip: float | None = None  # max gradient norm the run clips to; None: no clipping (or not known)
    grad_clip_known: bool = False  # whether the config (or the trainer's default) says what the clipping is
    schedule: str | None = None  # the LR schedule's shape, as in warmfind.recipe.schedule.SCHEDULES (None: unknown)
    config: str | None = None  # the config file these came from, as the user named it
    config_format: str | None = None
    lines: tuple[tuple[str, int], ...] = ()  # (setting, 1-based line in the config) for annotations
    notes: tuple[str, ...] = ()  # assumptions made while reading: defaults used, "auto" values skipped
    scheduler: PlannedSchedule | None = None  # the config's LR scheduler, for comparing its shape with the probed one
    architecture: tuple[tuple[str, Any], ...] = ()  # model keys the config sets (n_layer, n_embd, ...), as written

    def line_of(self, setting: str) -> int | None:
        """The config line a setting came from (``warmup`` covers warmup_steps and warmup_ratio)."""
        names = ("warmup_steps", "warmup_ratio") if setting == "warmup" else (setting,)
        return next((line for name, line in self.lines if name in names), None)

    def warmup_fraction(self, fallback_total: int | None) -> float | None:
        """Warmup as a fraction of the run: ``warmup_ratio``, else ``warmup_steps / total_steps``.

        ``fallback_total`` (the recipe's run length) stands in when the plan names no length.
        """
        if self.warmup_steps is not None:
            total = self.total_steps or fallback_total
            return self.warmup_steps / total if total else None
        return self.warmup_ratio

    def warmup_steps_for(self, total: int | None) -> int | None:
        """Warmup in steps: given directly, or HF's ``ceil(warmup_ratio * total)``."""
        if self.warmup_steps is not None:
            return self.warmup_steps
        if self.warmup_ratio is not None and total:
            return math.ceil(self.warmup_ratio * total)
        return None

    def with_flags(self, **flags: Any) -> Planned:
        """These settings with every flag that was given (not None) replacing the config's value and line."""
        given = {k: v for k, v in flags.items() if v is not None and k in SETTINGS}
        if "warmup_steps" in given:
            given["warmup_ratio"] = None  # an explicit step count replaces a config's ratio
        lines = tuple((name, line) for name, line in self.lines if name not in given)
        return replace(self, **given, lines=lines)


# --- reading a config ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Format:
    """Where one trainer keeps each setting: key paths in priority order, and products for batch and length."""

    peak_lr: tuple[KeyPath, ...]
    warmup_steps: tuple[KeyPath, ...] = ()
    warmup_ratio: tuple[KeyPath, ...] = ()
    total_steps: tuple[tuple[KeyPath, ...], ...] = ()  # each entry: key paths multiplied together
    batch_size: tuple[tuple[KeyPath, ...], ...] = ()
    defaults: tuple[tuple[str, float], ...] = ()  # the trainer's own defaults for settings a config may omit
    grad_clip: tuple[KeyPath, ...] = ()  # where the max gradient norm lives (0 or null: no clipping)
    grad_clip_default: float | None = None  # what the trainer clips to when the config says nothing


_FORMATS: dict[str, _Format] = {
    # HF TrainingArguments: warmup_steps > 0 wins over warmup_ratio; max_steps -1 means "use epochs".
    "hf": _Format(
        peak_lr=(("learning_rate",),),
        warmup_steps=(("warmup_steps",),),
        warmup_ratio=(("warmup_ratio",),),
        total_steps=((("max_steps",),),),
        batch_size=((("per_device_train_batch_size",), ("gradient_accumulation_steps",)),),
        defaults=(("peak_lr", 5e-5), ("warmup_steps", 0)),
        grad_clip=(("max_grad_norm",),), grad_clip_default=1.0,  # TrainingArguments.max_grad_norm = 1.0
    ),
    # DeepSpeed: WarmupLR/WarmupDecayLR's warmup_max_lr is the peak when present, else the optimizer's lr.
    "deepspeed": _Format(
        peak_lr=(("scheduler", "params", "warmup_max_lr"), ("optimizer", "params", "lr")),
        warmup_steps=(("scheduler", "params", "warmup_num_steps"),),
        total_steps=((("scheduler", "params", "total_num_steps"),),),
        batch_size=((("train_batch_size",),),
                    (("train_micro_batch_size_per_gpu",), ("gradient_accumulation_steps",))),
        grad_clip=(("gradient_clipping",),),  # DeepSpeed's default 0.0: no clipping
    ),
    "torchtune": _Format(
        peak_lr=(("optimizer", "lr"),),
        warmup_steps=(("lr_scheduler", "num_warmup_steps"),),
        total_steps=((("max_steps_per_epoch",), ("epochs",)),),
        batch_size=((("batch_size",), ("gradient_accumulation_steps",)),),
        defaults=(("warmup_steps", 0),),
        grad_clip=(("clip_grad_norm",),),
    ),
    "litgpt": _Format(
        peak_lr=(("optimizer", "init_args", "lr"), ("optimizer", "lr")),
        warmup_steps=(("train", "lr_warmup_steps"),),
        warmup_ratio=(("train", "lr_warmup_fraction"),),
        total_steps=((("train", "max_steps"),),),
        batch_size=((("train", "global_batch_size"),), (("train", "micro_batch_size"),)),
        defaults=(("warmup_steps", 100),),  # litgpt's TrainArgs.lr_warmup_steps default
        grad_clip=(("train", "max_norm"),),
    ),
    # nanoGPT config files override train.py's globals; what they omit keeps train.py's value.
    "nanogpt": _Format(
        peak_lr=(("learning_rate",),),
        warmup_steps=(("warmup_iters",),),
        total_steps=((("max_iters",),), (("lr_decay_iters",),)),
        batch_size=((("batch_size",), ("gradient_accumulation_steps",)),),
        defaults=(("peak_lr", 6e-4), ("warmup_steps", 2000), ("total_steps", 600000), ("batch_size", 12 * 40)),
        grad_clip=(("grad_clip",),), grad_clip_default=1.0,  # train.py's grad_clip = 1.0
    ),
}

_OPTIONAL_FACTORS = {"gradient_accumulation_steps"}  # a product still holds when these are missing (=1)


def read_config(path: Path, config_format: str = "auto") -> Planned:
    """Read the planned settings from a trainer config; a WarmfindError names the file and what is wrong."""
    if config_format not in FORMATS:
        raise WarmfindError(f"unknown --config-format {config_format!r}; choose {', '.join(FORMATS)}")
    name = str(path)
    try:
        text = Path(path).read_text()
    except FileNotFoundError:
        raise WarmfindError(f"config {name!r} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise WarmfindError(f"config {name!r} cannot be read: {exc}") from None
    data, locate = _parse(text, name, config_format)
    fmt = detect_format(name, data) if config_format == "auto" else config_format
    return extract(data, fmt, locate, name)


def detect_format(name: str, data: Mapping[str, Any]) -> str:
    """Which trainer a config belongs to, from its file type and the keys it holds."""
    optimizer = data.get("optimizer")
    optimizer = optimizer if isinstance(optimizer, Mapping) else {}
    if name.endswith(".py"):
        return "nanogpt"
    if name.endswith(".json") and ("zero_optimization" in data or "train_batch_size" in data
                                   or "train_micro_batch_size_per_gpu" in data or "params" in optimizer):
        return "deepspeed"
    if "learning_rate" in data or "per_device_train_batch_size" in data:
        return "hf"
    if isinstance(data.get("train"), Mapping) or "init_args" in optimizer:
        return "litgpt"
    if "lr_scheduler" in data or "_component_" in optimizer:
        return "torchtune"
    if "params" in optimizer:
        return "deepspeed"
    raise WarmfindError(f"config {name!r}: cannot tell which trainer it is for; pass --config-format")


def extract(data: Mapping[str, Any], fmt: str, locate: Callable[[KeyPath], int | None], name: str) -> Planned:
    """The planned settings a ``fmt`` config holds, with their lines (``locate`` maps a key path to a line)."""
    spec = _FORMATS[fmt]
    values: dict[str, Any] = {}
    lines: list[tuple[str, int]] = []
    notes: list[str] = []

    def take(setting: str, paths: Sequence[KeyPath], integer: bool) -> None:
        for keys in paths:
            raw = _get(data, keys)
            if raw is None:
                continue
            if isinstance(raw, str) and raw.strip().lower() == "auto":
                notes.append(f"{'.'.join(keys)} is \"auto\" (filled in by the trainer): not read")
                continue
            values[setting] = _number(raw, keys, name, integer)
            line = locate(keys)
            if line is not None:
                lines.append((setting, line))
            return

    take("peak_lr", spec.peak_lr, integer=False)
    take("warmup_steps", spec.warmup_steps, integer=fmt != "hf")  # HF 5 takes a float: below 1 it is a ratio
    take("warmup_ratio", spec.warmup_ratio, integer=False)
    for setting, products in (("total_steps", spec.total_steps), ("batch_size", spec.batch_size)):
        for factors in products:
            product = _product(data, factors, name)
            if product is not None:
                values[setting] = product
                line = locate(factors[0])
                if line is not None:
                    lines.append((setting, line))
                break
    if fmt == "nanogpt":
        notes += _nanogpt_length(data, values)
    if fmt == "hf":
        if values.get("total_steps", 0) <= 0:
            values.pop("total_steps", None)  # max_steps -1: the length comes from epochs, unknown here
        notes += _hf_warmup(data, values)
    if "warmup_steps" in values:
        values.pop("warmup_ratio", None)
    for setting, default in spec.defaults:
        if setting not in values and not (setting == "warmup_steps" and "warmup_ratio" in values):
            values[setting] = int(default) if setting != "peak_lr" else default
            notes.append(f"{setting} not set: using {fmt}'s default {default:g}")
    scheduler = read_scheduler(data, fmt, values.get("peak_lr"))
    if scheduler is not None and scheduler.stack == "hf" and scheduler.name in HF_IGNORES_WARMUP and (
            values.get("warmup_steps") or values.get("warmup_ratio")):
        notes.append(f"lr_scheduler_type {scheduler.name} runs no warmup (HF builds it without num_warmup_steps): "
                     "judged as no warmup")
        values["warmup_steps"], values["warmup_ratio"] = 0, None
    kept = tuple((setting, line) for setting, line in lines if setting in values)
    clip, known = _grad_clip(data, spec)
    return Planned(**values, config=name, config_format=fmt, lines=kept, notes=tuple(notes), grad_clip=clip,
                   grad_clip_known=known, schedule=planned_shape(data, fmt), scheduler=scheduler,
                   architecture=read_architecture(data))


NANOGPT_TRAIN_DEFAULTS = {"decay_lr": True, "learning_rate": 6e-4, "min_lr": 6e-5, "lr_decay_iters": 600000,
                          "eval_interval": 2000}  # train.py's globals, which a config file overrides


def read_scheduler(data: Mapping[str, Any], fmt: str, peak: float | None) -> PlannedSchedule | None:
    """The config's LR scheduler, by stack (None where the format names none)."""
    if fmt == "hf":
        kwargs = data.get("lr_scheduler_kwargs")
        if isinstance(kwargs, str):  # the command line's JSON string
            try:
                kwargs = json.loads(kwargs)
            except json.JSONDecodeError:
                kwargs = None
        return hf_scheduler(str(data.get("lr_scheduler_type", "linear")), kwargs, peak)
    if fmt == "deepspeed":
        return deepspeed_scheduler(data.get("scheduler"))
    if fmt == "torchtune":
        return torchtune_scheduler(data.get("lr_scheduler"))
    if fmt == "litgpt":
        return litgpt_scheduler(data.get("train"), peak)
    if fmt == "nanogpt":
        return nanogpt_scheduler(data, NANOGPT_TRAIN_DEFAULTS)
    return None


def read_architecture(data: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """The model keys a config sets: top level (nanoGPT's globals), a ``model``/``model_config``/``model_args``
    mapping (litgpt, torchtune), or HF run_clm's ``config_overrides: "n_embd=10,n_layer=2"``."""
    found: dict[str, Any] = {}
    sources = [data, *(data.get(k) for k in ("model", "model_config", "model_args") if isinstance(data.get(k), Mapping))]
    overrides = data.get("config_overrides")
    if isinstance(overrides, str):
        pairs = (item.partition("=") for item in overrides.replace(" ", "").split(",") if "=" in item)
        sources.append({k: _scalar(v) for k, _, v in pairs})
    for source in sources:
        for key in ARCHITECTURE_KEYS:
            value = source.get(key)
            if key not in found and isinstance(value, (bool, int, float)):
                found[key] = value
    return tuple(found.items())


def _scalar(text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _hf_warmup(data: Mapping[str, Any], values: dict[str, Any]) -> list[str]:
    """HF's two spellings of warmup: ``warmup_steps`` (a ratio when below 1, transformers 5+) and ``warmup_ratio``."""
    notes = []
    steps = values.get("warmup_steps")
    if steps is not None and 0 < steps < 1:
        values["warmup_ratio"] = float(steps)
        del values["warmup_steps"]
        notes.append(f"warmup_steps {steps:g} is below 1: a ratio of the run, as transformers 5+ reads it "
                     "(4.x takes whole steps there; write warmup_ratio for 4.x)")
    elif steps is not None and steps != int(steps):
        values["warmup_steps"] = int(steps)
        notes.append(f"warmup_steps {steps:g}: transformers 5 truncates it to {int(steps)} steps (4.x refuses a fraction)")
    elif steps is not None:
        values["warmup_steps"] = int(steps)
    if "warmup_ratio" in data:
        notes.append("warmup_ratio is read by transformers 4.x (and 5.0-5.1, deprecated); 5.2+ refuse the key "
                     "(HfArgumentParser: 'Some keys are not used'): write warmup_steps: <ratio below 1> there")
        if values.get("warmup_steps") == 0 and _get(data, ("warmup_ratio",)) is not None:
            values.pop("warmup_steps")  # HF 4.x uses warmup_ratio unless warmup_steps > 0
    return notes


def _nanogpt_length(data: Mapping[str, Any], values: dict[str, Any]) -> list[str]:
    """nanoGPT's run length: the model it evaluates and saves last has ``max_iters`` steps when ``eval_interval``
    divides it (train.py evaluates at ``iter_num % eval_interval == 0``, before that update, and stops once
    ``iter_num > max_iters``)."""
    max_iters = _get(data, ("max_iters",))
    if not isinstance(max_iters, int) or max_iters <= 0:
        return []
    interval = data.get("eval_interval", NANOGPT_TRAIN_DEFAULTS["eval_interval"])
    if not isinstance(interval, int) or interval <= 0 or max_iters % interval == 0:
        return []
    last = max_iters - max_iters % interval
    return [f"max_iters {max_iters} is not a multiple of eval_interval {interval}: the last eval and checkpoint are at "
            f"iter {last}, so the final {max_iters - last + 1} steps are never evaluated or saved"]


# Each stack's scheduler names, as the recipe's shapes (a name not here is reported as unknown, never guessed).
_SHAPE_NAMES = {
    "cosine": "linear-warmup-cosine", "cosine_with_min_lr": "linear-warmup-cosine",
    "warmup_stable_decay": "warmup-stable-decay", "constant_with_warmup": "linear-warmup-constant",
    "WarmupCosineLR": "linear-warmup-cosine", "WarmupLR": "linear-warmup-constant",
    "torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup": "linear-warmup-cosine",
}


def planned_shape(data: Mapping[str, Any], fmt: str) -> str | None:
    """The schedule shape a config asks for, where its stack names one (HF, DeepSpeed, torchtune, nanoGPT, litgpt)."""
    if fmt == "hf":
        return _SHAPE_NAMES.get(str(data.get("lr_scheduler_type", "linear")))
    if fmt == "deepspeed":
        return _SHAPE_NAMES.get(str(_get(data, ("scheduler", "type"))))
    if fmt == "torchtune":
        return _SHAPE_NAMES.get(str(_get(data, ("lr_scheduler", "_component_"))))
    if fmt == "nanogpt":
        return "linear-warmup-cosine" if data.get("decay_lr", True) else "linear-warmup-constant"
    return "linear-warmup-cosine" if fmt == "litgpt" else None


def _grad_clip(data: Mapping[str, Any], spec: _Format) -> tuple[float | None, bool]:
    """The config's max gradient norm (None for no clipping) and whether anything says what it is."""
    for keys in spec.grad_clip:
        if not _has(data, keys):
            continue
        raw = _get(data, keys)
        if raw is None:
            return None, True  # an explicit null: no clipping
        try:
            value = float(raw)
        except (TypeError, ValueError):
            return None, False  # "auto" and the like: filled in elsewhere
        return (value if value > 0 else None), True
    if spec.grad_clip_default is not None:
        return spec.grad_clip_default, True
    return None, bool(spec.grad_clip)  # DeepSpeed, torchtune and litgpt do not clip unless told


def _parse(text: str, name: str, config_format: str) -> tuple[Mapping[str, Any], Callable[[KeyPath], int | None]]:
    if name.endswith(".py") or config_format == "nanogpt":
        assigned, linenos = _python_assignments(text, name)
        return assigned, lambda keys: linenos.get(keys[0]) if len(keys) == 1 else None
    if name.endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise WarmfindError(f"config {name!r} is not valid JSON: {exc}") from None
        return _mapping(data, name), lambda keys: _json_line(text, keys)
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise WarmfindError(f"config {name!r} is not valid YAML: {' '.join(str(exc).split())}") from None
    return _mapping(data, name), lambda keys: _yaml_line(root, keys)


def _mapping(data: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise WarmfindError(f"config {name!r} must be a mapping of settings, got {type(data).__name__}")
    return data


def _lookup(data: Mapping[str, Any], keys: KeyPath) -> tuple[bool, Any]:
    """Whether the nested key path is present (null included), and its value."""
    value: Any = data
    for key in keys:
        if not isinstance(value, Mapping) or key not in value:
            return False, None
        value = value[key]
    return True, value


def _get(data: Mapping[str, Any], keys: KeyPath) -> Any:
    return _lookup(data, keys)[1]


def _has(data: Mapping[str, Any], keys: KeyPath) -> bool:
    return _lookup(data, keys)[0]


def _number(raw: Any, keys: KeyPath, name: str, integer: bool) -> float | int:
    """A config value as a number; strings such as ``"3e-4"`` count (PyYAML reads ``3e-4`` as a string)."""
    where = f"config {name!r}: {'.'.join(keys)}"
    if isinstance(raw, bool):
        raise WarmfindError(f"{where} is {raw!r}, not a number")
    value = raw
    if isinstance(raw, str):
        try:
            value = float(raw)
        except ValueError:
            raise WarmfindError(f"{where} is {raw!r}, not a number") from None
    if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise WarmfindError(f"{where} is {raw!r}, not a non-negative number")
    if integer:
        if value != int(value):
            raise WarmfindError(f"{where} is {raw!r}, not a whole number of steps")
        return int(value)
    return float(value)


def _product(data: Mapping[str, Any], factors: Sequence[KeyPath], name: str) -> int | None:
    """The product of integer settings (batch x accumulation); None when a required factor is missing."""
    result = 1
    for keys in factors:
        raw = _get(data, keys)
        if raw is None or (isinstance(raw, str) and raw.strip().lower() == "auto"):
            if keys[-1] in _OPTIONAL_FACTORS:
                continue
            return None
        result *= int(_number(raw, keys, name, integer=True))
    return result


def _yaml_line(root: yaml.Node | None, keys: KeyPath) -> int | None:
    node = root
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
    return node.start_mark.line + 1 if node is not None else None


def _json_line(text: str, keys: KeyPath) -> int | None:
    """The line of the last key of ``keys``, found by searching for each key after the previous one.

    JSON has no positions in Python's parser; nested keys are searched in order, which is exact for the
    usual one-key-per-line configs.
    """
    position, match = 0, None
    for key in keys:
        match = re.compile(r'"%s"\s*:' % re.escape(key)).search(text, position)
        if match is None:
            return None
        position = match.end()
    return text.count("\n", 0, match.start()) + 1 if match else None


_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Pow: operator.pow, ast.Mod: operator.mod,
}


def _python_assignments(text: str, name: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Top-level ``name = literal`` assignments of a Python config (arithmetic on earlier names allowed)."""
    try:
        tree = ast.parse(text, filename=name)
    except SyntaxError as exc:
        raise WarmfindError(f"config {name!r} is not valid Python: {exc.msg} (line {exc.lineno})") from None
    values: dict[str, Any] = {}
    linenos: dict[str, int] = {}
    for stmt in tree.body:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
        value = getattr(stmt, "value", None)
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                try:
                    values[target.id] = _literal(value, values)
                    linenos[target.id] = stmt.lineno
                except ValueError:
                    values.pop(target.id, None)  # not a literal: unknown, as if never set here
    return values, linenos


def _literal(node: ast.AST, known: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name) and node.id in known:
        return known[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        operand = _literal(node.operand, known)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _literal(node.left, known), _literal(node.right, known)
        if isinstance(left, (int, float)) and isinstance(right, (int, float)):
            try:
                return _BINARY[type(node.op)](left, right)
            except (ArithmeticError, ValueError):
                raise ValueError("not a literal") from None
    raise ValueError("not a literal")
