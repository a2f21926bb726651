"""The ``warmfind`` command line: one Typer app, one module per command."""

from __future__ import annotations

import warnings

import typer

from warmfind.cli.check import check
from warmfind.cli.emit import emit
from warmfind.cli.probe import probe
from warmfind.cli.show import show

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

app = typer.Typer(
    help="Measure the peak learning rate and warmup length for a PyTorch model before the costly run.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
for command in (probe, show, emit, check):
    app.command()(command)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
