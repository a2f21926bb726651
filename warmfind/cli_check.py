"""The ``warmfind check``command (placeholder until it lands)."""

from __future__ import annotations

import typer


def check() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
