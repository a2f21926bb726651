"""The ``warmfind emit`` command: write a recipe's schedule in the config format of a training stack."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from warmfind.cli.exits import err, fail
from warmfind.errors import WarmfindError

FORMAT_HELP = "hf, hf-json, deepspeed, deepspeed-auto, torchtune, litgpt, lightning, nanogpt, torch, json or env"


def emit(
    recipe_path: Annotated[Path, typer.Argument(metavar="RECIPE", help="A recipe YAML written by warmfind probe")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here instead of stdout")] = None,
    set_: Annotated[
        Optional[list[str]],
        typer.Option("--set", help="Override before emitting: total_steps=N, warmup_steps=N, min_lr=X, peak_lr=X, batch_size=N "
                    "(moves LR, warmup and length to that batch by the noise-scale rules) (repeatable)"),
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks")] = False,
) -> None:
    """Write the recipe's peak LR and warmup as a config for HF, DeepSpeed, torchtune, litgpt, Lightning, nanoGPT or torch.

    Steps are always optimizer steps. Each output names its recipe and says where the stack's formula differs.
    """
    from warmfind.recipe.emit import emit_text, uncommented_caveats
    from warmfind.recipe.emitters.plan import incomplete_reason
    from warmfind.recipe.schema import load_recipe

    try:
        recipe = load_recipe(recipe_path)
        if reason := incomplete_reason(recipe):
            err.print(f"[yellow]warning:[/] {recipe_path}: {reason}", highlight=False, soft_wrap=True)
        text = emit_text(recipe, fmt, str(recipe_path), set_ or ())
        for caveat in uncommented_caveats(recipe, fmt, str(recipe_path), set_ or ()):
            err.print(f"[yellow]note:[/] {caveat}", highlight=False, soft_wrap=True)
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text)
    except WarmfindError as exc:
        raise fail(str(exc), debug) from None
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror or exc}", debug) from None
    if out is None:
        typer.echo(text, nl=False)
