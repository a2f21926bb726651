"""The package's layers stay as the tree shows them: analysis has no torch, and imports point one way only.

command line -> gate -> probing -> recipe -> analysis -> defaults/errors. Every import counts, including the
lazy ones inside functions, since a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "warmfind"
RANK = {"defaults": 0, "errors": 0, "analysis": 1, "recipe": 2, "probing": 3, "gate": 4, "cli": 5}
FACADES = {"__init__", "__main__", "schedule"}  # public entry points at the top, allowed to re-export any layer
STANDALONE = "workloads"  # built-in demo workloads: torch and themselves only


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _layer(module: str) -> str:
    """``warmfind.probing.prober`` -> ``probing``; ``warmfind.defaults`` -> ``defaults``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _dotted(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports, absolute, with ``from warmfind import defaults`` as ``warmfind.defaults``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "warmfind":
                found += [f"warmfind.{alias.name}" for alias in node.names]
            else:
                found.append(node.module)
    return found


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(PACKAGE)) for p in paths]


ANALYSIS = [p for p in _modules() if p.relative_to(PACKAGE).parts[0] == "analysis"]


@pytest.mark.parametrize("path", ANALYSIS, ids=_ids(ANALYSIS))
def test_analysis_never_imports_torch(path: Path) -> None:
    torchy = [m for m in _imports(path) if m == "torch" or m.startswith("torch.")]
    assert not torchy, f"{path.name} imports {torchy}: the analysis layer is pure (curves in, numbers out)"


@pytest.mark.parametrize("path", _modules(), ids=_ids(_modules()))
def test_imports_point_down_the_layers(path: Path) -> None:
    module = _dotted(path)
    layer = _layer(module)
    if layer in FACADES or module == "warmfind":
        return
    targets = [m for m in _imports(path) if m == "warmfind" or m.startswith("warmfind.")]
    if layer == STANDALONE:
        wrong = [t for t in targets if _layer(t) != STANDALONE]
    else:
        assert layer in RANK, f"{module} sits in no known layer: add it to RANK or move it"
        wrong = [t for t in targets if _layer(t) == STANDALONE or RANK.get(_layer(t), 99) > RANK[layer]]
    assert not wrong, f"{module} ({layer}) imports the higher layer(s) {wrong}"


def test_every_package_says_what_it_is() -> None:
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text()))
        assert doc, f"{init.relative_to(PACKAGE)} has no purpose line"


def test_public_entry_points_keep_their_paths() -> None:
    import warmfind.cli
    import warmfind.schedule

    assert callable(warmfind.cli.main)
    assert warmfind.schedule.from_recipe and warmfind.schedule.lr_at and warmfind.schedule.Schedule
    assert warmfind.schedule.WarmupCosineLR.__name__ == "WarmupCosineLR"  # the lazy class LightningCLI imports
