"""The command line (top layer): one module per command, the shared exit helpers in ``exits``; ``main`` is the console script."""

from warmfind.cli.app import app, main

__all__ = ["app", "main"]
