"""``python -m warmfind`` (and ``torchrun -m warmfind``) runs the CLI."""

from warmfind.cli import main

main()
