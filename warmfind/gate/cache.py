"""Evidence for ``warmfind check``: the current workload's fingerprint, and recipes cached by it.

A cached recipe is named ``<fingerprint>-<settings hash>.yaml``: the fingerprint changes with the model
structure, optimizer and batch shape; the hash with the settings that shape what a probe measures.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warmfind.errors import WarmfindError
from warmfind.probing.options import ProbeOptions
from warmfind.recipe.schema import load_recipe, write_recipe

if TYPE_CHECKING:
    from warmfind.probing.workload import Workload

# Settings that change what a probe measures on an unchanged model (the budget only changes how much).
KEYED_SETTINGS = ("entrypoint", "factory_args", "total_steps", "seed", "seeds", "optimizer", "precision", "accumulate")


def fingerprint_of(options: ProbeOptions, workload: Workload) -> str:
    """The fingerprint a probe of ``options`` on ``workload`` would record, without probing (on CPU).

    The model is left in its initial state (``Prober`` restores it after its first-loss check), so the same
    ``workload`` can then be probed: the factory is called once per ``warmfind check``.
    """
    import torch

    from warmfind.probing.measure import describe
    from warmfind.probing.prober import Prober

    prober = Prober(workload, torch.device("cpu"))  # fp32 on CPU: the fingerprint ignores device and precision
    return describe(prober, options, torch.device("cpu")).fingerprint


def cache_key(fingerprint: str, options: ProbeOptions) -> str:
    """``<fingerprint>-<hash of KEYED_SETTINGS>``: a file name for the recipe of this workload and settings."""
    settings = {name: getattr(options, name) for name in KEYED_SETTINGS}
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()[:12]
    return f"{fingerprint}-{digest}"


def lookup(cache_dir: Path, key: str) -> dict[str, Any] | None:
    """The cached recipe for ``key``, or None when there is none (an unreadable entry counts as none)."""
    path = cache_dir / f"{key}.yaml"
    if not path.is_file():
        return None
    try:
        return load_recipe(path)
    except WarmfindError:
        return None


def entry_for_plan(cache_dir: Path, total_steps: int | None) -> Path:
    """The cache's one recipe for a plan of ``total_steps`` (any length when None), for ``check`` without a workload.

    Without the workload there is no fingerprint to pick by: exactly one entry must match, else a WarmfindError.
    """
    entries = sorted(Path(cache_dir).glob("*.yaml")) if Path(cache_dir).is_dir() else []
    if total_steps is not None and len(entries) > 1:
        entries = [p for p in entries if _settings_total(p) == total_steps]
    if len(entries) != 1:
        which = f" for a {total_steps}-step run" if total_steps is not None else ""
        raise WarmfindError(f"the cache {str(cache_dir)!r} holds {len(entries)} recipes{which}: name the workload to pick "
                            "by fingerprint, or pass --recipe")
    return entries[0]


def _settings_total(path: Path) -> int | None:
    recipe = lookup(path.parent, path.stem)
    return ((recipe or {}).get("settings") or {}).get("total_steps")


def store(cache_dir: Path, key: str, recipe: Mapping[str, Any], command: str | None = None) -> Path:
    """Write ``recipe`` into the cache under ``key``; the write is atomic so parallel CI jobs never see half a file."""
    path = cache_dir / f"{key}.yaml"
    partial = cache_dir / f".{key}.{os.getpid()}.partial"
    try:
        write_recipe(recipe, partial, command)
        partial.replace(path)
    except OSError as exc:
        raise WarmfindError(f"cannot write to the cache {str(cache_dir)!r}: {exc}") from None
    return path
