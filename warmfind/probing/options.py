"""Probe options: one frozen dataclass, filled from a YAML probe spec and then from command-line flags."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from warmfind import defaults
from warmfind.errors import WarmfindError
from warmfind.probing.snapshots import SNAPSHOT_PLACES
from warmfind.probing.train_step import PRECISIONS
from warmfind.probing.workload import OPTIMIZERS


@dataclass(frozen=True)
class ProbeOptions:
    """Everything that decides what a probe measures (all of it lands in the recipe's ``settings``)."""

    entrypoint: str
    total_steps: int | None = None  # the planned training length, in optimizer steps
    factory_args: dict[str, Any] = field(default_factory=dict)  # --set key=value, passed to the factory
    batch_size: int | None = None  # passed to the factory as batch_size= when given
    device: str = "auto"
    seed: int = 0
    seeds: int = 1  # data orders for the decisive (re-rank) probes
    budget_steps: int | None = None
    budget_seconds: float | None = None
    optimizer: str | None = None  # a built-in optimizer, when the factory gives none
    precision: str = "fp32"
    accumulate: int = 1
    compile: bool = False  # torch.compile the model for the training steps (first step pays the compile)
    channels_last: bool = False  # NHWC layout for the model and 4-d inputs: faster convolutions on most backends
    snapshot: str = "memory"  # where the start-of-run state is kept: "memory" (CPU RAM) or "disk" (a temp file)
    ratio_every: int = defaults.UPDATE_RATIO_EVERY  # update ratios measured on these steps (0, k, 2k, ... of each run)
    schedule: str = "cosine"  # the planned shape: cosine, wsd (warmup-stable-decay) or constant
    decay_fraction: float = defaults.WSD_DECAY_FRACTION  # wsd only: the final linear decay's share of the run
    rerank_fraction: float | None = None  # the re-rank's share of the run (default RERANK_FRACTION): longer is better, dearer
    grad_clip: float | None = None  # clip gradients to this norm as training will (overrides the factory's grad_clip)
    holdout: bool = False  # no eval_data and finite data: hold back HOLDOUT_FRACTION of it to rank probes by (opt-in:
    #   on the suite's tune half it ranked worse than training loss, docs/suite.md); off, a fixed training sample ranks
    #   them (holdout.training_sample)
    eval_data: bool = True  # False: rank probes as if the factory gave no eval_data (a training sample, or --holdout),
    #   for a held-out loss that no probe moves measurably (the recipe's "unsupported" advice says when): exam 15's
    #   decomposable attention under Adagrad ranked noise on its held-out loss (0.10x the best LR, +40.8%), while the
    #   training sample saw learning (0.76x, +0.0%)
    threads: int | None = None  # CPU threads for torch; None times 1 against torch's default and keeps the faster
    base_dir: str | None = None  # where a spec's relative entrypoint file lives

    def with_flags(self, **flags: Any) -> ProbeOptions:
        """These options with every flag that was given (not None) replacing the spec's value.

        Raises WarmfindError naming the flag (``--total-steps must be ...``) for a value out of range."""
        given = {k: v for k, v in flags.items() if v is not None and k in _NAMES}
        for name, value in given.items():
            check_value(name, value, flag_name(name))
        if "factory_args" in given:
            given["factory_args"] = {**self.factory_args, **given["factory_args"]}
        return replace(self, **given)

    def factory_kwargs(self) -> dict[str, Any]:
        extra = {"batch_size": self.batch_size} if self.batch_size is not None else {}
        return {**self.factory_args, **extra}


_NAMES = {f.name for f in fields(ProbeOptions)}
_OPTIONAL = {f.name for f in fields(ProbeOptions) if f.default is None}  # None means "not set" for these


def is_spec(argument: str) -> bool:
    """A YAML probe spec rather than an entrypoint."""
    return argument.endswith((".yaml", ".yml"))


def load_spec(path: Path) -> ProbeOptions:
    """Read a probe spec: a YAML mapping with ``entrypoint`` and any ProbeOptions field (``set`` for factory args)."""
    try:
        data = yaml.safe_load(path.read_text())
    except FileNotFoundError:
        raise WarmfindError(f"probe spec {str(path)!r} not found") from None
    except yaml.YAMLError as exc:
        raise WarmfindError(f"probe spec {str(path)!r} is not valid YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(data, Mapping) or not isinstance(data.get("entrypoint"), str):
        raise WarmfindError(f"probe spec {str(path)!r} must be a mapping with an 'entrypoint' string")
    data = dict(data)
    if "set" in data:
        if not isinstance(data["set"], Mapping):
            raise WarmfindError(f"probe spec {str(path)!r}: 'set' must be a mapping of factory arguments")
        data["factory_args"] = dict(data.pop("set"))
        if not all(isinstance(key, str) for key in data["factory_args"]):
            raise WarmfindError(f"probe spec {str(path)!r}: 'set' keys must be argument names")
    unknown = sorted(str(key) for key in set(data) - (_NAMES - {"base_dir"}))
    if unknown:
        raise WarmfindError(f"probe spec {str(path)!r}: unknown keys {', '.join(unknown)}")
    for name, value in data.items():
        check_value(name, value, f"probe spec {str(path)!r}: {name}")
    return ProbeOptions(**data, base_dir=str(path.resolve().parent))


def parse_assignments(pairs: list[str]) -> dict[str, Any]:
    """``["depth=4", "post_ln=true"]`` -> ``{"depth": 4, "post_ln": True}`` (values parsed as YAML scalars)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise WarmfindError(f"--set expects key=value, got {pair!r}")
        try:
            out[key.strip()] = yaml.safe_load(value) if value else ""
        except yaml.YAMLError:
            out[key.strip()] = value
    return out


# --- what each option accepts: checked on a spec's keys and on the flags, before any model work -------------------


@dataclass(frozen=True)
class Accepts:
    """The values one option accepts: a test, and the words the one-line error uses for it."""

    test: Callable[[Any], bool]
    words: str


def whole(low: int, high: int | None = None) -> Accepts:
    """An int (never a bool, never 2000.5) in ``[low, high]``."""
    words = f"a whole number >= {low}" if high is None else f"a whole number from {low} to {high}"
    return Accepts(lambda v: type(v) is int and v >= low and (high is None or v <= high), words)


def positive(words: str = "a number > 0") -> Accepts:
    """A finite number above 0."""
    return Accepts(lambda v: _is_number(v) and math.isfinite(v) and v > 0, words)


def fraction() -> Accepts:
    """A share of the run, in (0, 1]."""
    return Accepts(lambda v: _is_number(v) and 0 < v <= 1, "a number in (0, 1]")


def choice(*names: str, aliases: tuple[str, ...] = ()) -> Accepts:
    """One of ``names`` (or of ``aliases``, accepted but not listed in the error), exactly."""
    return Accepts(lambda v: isinstance(v, str) and v in names + aliases, ", ".join(names[:-1]) + " or " + names[-1])


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


SWITCH = Accepts(lambda v: isinstance(v, bool), "true or false")
DEVICES = ("auto", "cpu", "cuda", "mps")  # measure.pick_device's names
SHAPES = {"cosine": "linear-warmup-cosine", "wsd": "warmup-stable-decay", "constant": "linear-warmup-constant"}

ACCEPTS: dict[str, Accepts] = {
    "entrypoint": Accepts(lambda v: isinstance(v, str) and bool(v), "a 'module:factory' string"),
    "total_steps": whole(1),
    "batch_size": whole(1),
    "device": choice(*DEVICES),
    "seed": whole(0, defaults.SEED_MAX),
    "seeds": whole(1),
    "budget_steps": whole(1),
    "budget_seconds": positive(),
    "optimizer": choice(*OPTIMIZERS),
    "precision": choice(*PRECISIONS),
    "accumulate": whole(1),
    "compile": SWITCH,
    "channels_last": SWITCH,
    "snapshot": choice(*SNAPSHOT_PLACES),
    "ratio_every": whole(1),
    "schedule": choice(*SHAPES, aliases=tuple(SHAPES.values())),
    "decay_fraction": fraction(),
    "rerank_fraction": fraction(),
    "grad_clip": positive("a positive max gradient norm"),  # as workload.grad_clip_value says of the factory's
    "holdout": SWITCH,
    "eval_data": SWITCH,
    "threads": whole(1),
    "nproc": whole(1),  # a command-line flag only: the processes torchrun starts
}


def flag_name(name: str) -> str:
    """The command-line flag for an option: ``total_steps`` -> ``--total-steps`` (``factory_args`` is ``--set``)."""
    return "--set" if name == "factory_args" else "--" + name.replace("_", "-")


def check_value(name: str, value: Any, label: str) -> None:
    """Raise a one-line WarmfindError, ``{label} must be {what it accepts}, got {value!r}``, unless ``value`` fits.

    ``None`` fits the options that default to it (not set); names without a rule (``factory_args``) are not checked.
    """
    accepts = ACCEPTS.get(name)
    if accepts is None or (value is None and name in _OPTIONAL) or accepts.test(value):
        return
    shown = "nothing (null)" if value is None else repr(value)
    raise WarmfindError(f"{label} must be {accepts.words}, got {shown}")


def schedule_shape(name: str) -> str:
    """``--schedule`` (cosine, wsd, constant, or a full shape name) as the recipe's shape name."""
    if name in SHAPES.values():
        return name
    if name not in SHAPES:
        raise WarmfindError(f"unknown --schedule {name!r}; choose cosine, wsd or constant")
    return SHAPES[name]
