"""The ``warmfind emit``command (placeholder until it lands)."""

from __future__ import annotations

import typer


def emit() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
