"""What every command shares for leaving: the stderr console, exit codes and the one-line error for bad input."""

from __future__ import annotations

import typer
from rich.console import Console

err = Console(stderr=True)

EXIT_USAGE = 2
EXIT_NO_RECOMMENDATION = 3  # the probe ran to the end and nothing it measured can be recommended
EXIT_INTERRUPTED = 130


def fail(message: str, debug: bool = False) -> typer.Exit:
    """Print a one-line error on stderr (the traceback too with --debug) and return Exit(2) to raise."""
    if debug:
        err.print_exception()
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=EXIT_USAGE)
