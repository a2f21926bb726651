"""The one error type for bad input: the CLI turns it into a one-line message and exit code 2."""

from __future__ import annotations


class WarmfindError(Exception):
    """A problem with the user's input (entrypoint, data, spec, recipe) rather than a bug in warmfind."""
