"""Probe options: one frozen dataclass, filled from a YAML probe spec and then from command-line flags."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from warmfind import defaults
from warmfind.errors import WarmfindError


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
    #   on the suite's tune half it ranked worse than training loss, docs/suite.md)
    threads: int | None = None  # CPU threads for torch; None times 1 against torch's default and keeps the faster
    base_dir: str | None = None  # where a spec's relative entrypoint file lives

    def with_flags(self, **flags: Any) -> ProbeOptions:
        """These options with every flag that was given (not None) replacing the spec's value."""
        given = {k: v for k, v in flags.items() if v is not None and k in _NAMES}
        if "factory_args" in given:
            given["factory_args"] = {**self.factory_args, **given["factory_args"]}
        return replace(self, **given)

    def factory_kwargs(self) -> dict[str, Any]:
        extra = {"batch_size": self.batch_size} if self.batch_size is not None else {}
        return {**self.factory_args, **extra}


_NAMES = {f.name for f in fields(ProbeOptions)}


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
    unknown = sorted(set(data) - _NAMES - {"base_dir"})
    if unknown:
        raise WarmfindError(f"probe spec {str(path)!r}: unknown keys {', '.join(unknown)}")
    try:
        return ProbeOptions(**data, base_dir=str(path.resolve().parent))
    except TypeError as exc:
        raise WarmfindError(f"probe spec {str(path)!r}: {exc}") from None


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


SHAPES = {"cosine": "linear-warmup-cosine", "wsd": "warmup-stable-decay", "constant": "linear-warmup-constant"}


def schedule_shape(name: str) -> str:
    """``--schedule`` (cosine, wsd, constant, or a full shape name) as the recipe's shape name."""
    if name in SHAPES.values():
        return name
    if name not in SHAPES:
        raise WarmfindError(f"unknown --schedule {name!r}; choose cosine, wsd or constant")
    return SHAPES[name]
