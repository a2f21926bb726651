"""Resolve ``pkg.module:factory`` or ``path/to/file.py:factory`` to the callable it names."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from warmfind.errors import WarmfindError


def resolve(entrypoint: str, base_dir: Path | None = None) -> Callable[..., Any]:
    """Import the factory an entrypoint names; every failure is a WarmfindError that names the input.

    ``base_dir`` resolves relative file paths (a spec's entrypoint is relative to the spec file).
    """
    module_part, sep, attr = entrypoint.rpartition(":")
    if not sep or not module_part or not attr:
        raise WarmfindError(f"entrypoint {entrypoint!r} must look like 'pkg.module:factory' or 'file.py:factory'")
    module = _load_file(module_part, base_dir) if module_part.endswith(".py") else _import(module_part)
    target: Any = module
    for name in attr.split("."):
        if not hasattr(target, name):
            raise WarmfindError(f"entrypoint {entrypoint!r}: {module_part} has no attribute {name!r}")
        target = getattr(target, name)
    if not callable(target):
        raise WarmfindError(f"entrypoint {entrypoint!r}: {attr} is a {type(target).__name__}, not a callable")
    return target  # type: ignore[no-any-return]


def _import(name: str) -> Any:
    if "" not in sys.path and "." not in sys.path:
        sys.path.insert(0, "")  # `warmfind probe mymodule:f` should find mymodule.py in the working directory
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            raise WarmfindError(f"entrypoint module {name!r} not found") from exc
        raise WarmfindError(f"importing {name!r} failed: {exc}") from exc
    except Exception as exc:
        raise WarmfindError(f"importing {name!r} failed: {type(exc).__name__}: {exc}") from exc


def _load_file(path_text: str, base_dir: Path | None) -> Any:
    path = Path(path_text)
    if not path.is_absolute() and base_dir is not None and not path.exists():
        path = base_dir / path
    if not path.is_file():
        raise WarmfindError(f"entrypoint file {path_text!r} not found")
    name = f"warmfind_entry_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise WarmfindError(f"entrypoint file {path_text!r} cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    sys.path.insert(0, str(path.resolve().parent))  # let the file import its neighbours
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise WarmfindError(f"importing {path_text!r} failed: {type(exc).__name__}: {exc}") from exc
    return module
