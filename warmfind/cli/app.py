"""The ``warmfind`` command line: one Typer app, one module per command."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from warmfind.cli.check import check
from warmfind.cli.emit import emit
from warmfind.cli.exits import fail
from warmfind.cli.probe import probe
from warmfind.cli.show import show

try:  # typer >= 0.20 carries its own copy of click; older typer uses click itself
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover
    from click.exceptions import UsageError  # type: ignore[assignment]

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

@contextmanager
def _usage_errors_as_one_line() -> Iterator[None]:
    """A value the command line cannot parse (``--total-steps 2000.5``, an unknown flag) is one line and exit 2,
    like every other bad input, instead of click's usage box."""
    try:
        yield
    except UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `warmfind`: the help is the answer
            raise
        where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
        raise fail(exc.format_message() + where) from None


class OneLineErrors(TyperGroup):
    """The app's command group, with parse errors of the group and of every command as one line (see above)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _usage_errors_as_one_line():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _usage_errors_as_one_line():
            return super().invoke(ctx)


app = typer.Typer(
    help="Measure the peak learning rate and warmup length for a PyTorch model before the costly run.",
    cls=OneLineErrors,
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
