"""``warmfind emit``'s core: a loaded recipe, a format name and overrides in, one stack's config text out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from warmfind.errors import WarmfindError
from warmfind.recipe.emitters import (
    EMITTERS,
    EmitPlan,
    parse_overrides,
    plan_from_recipe,
)

FORMATS = tuple(EMITTERS)
WSD_FORMATS = ("hf", "hf-json", "json", "env", "torch", "lightning")  # the outputs that can carry a warmup-stable-decay schedule


def emit_text(recipe: Mapping[str, Any], fmt: str, source: str, overrides: Sequence[str] = ()) -> str:
    """The recipe's schedule as ``fmt`` text; ``overrides`` are ``key=value`` strings (``total_steps=20000``).

    Raises WarmfindError (one line) for an unknown format, a bad override or a schedule that cannot be written.
    """
    emitter = EMITTERS.get(fmt)
    if emitter is None:
        raise WarmfindError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    plan = plan_from_recipe(recipe, source, parse_overrides(overrides))
    if plan.wsd and fmt not in WSD_FORMATS:
        raise WarmfindError(f"--format {fmt} cannot carry a warmup-stable-decay schedule (it would silently become "
                            f"another shape); use {', '.join(WSD_FORMATS)}, or warmfind.schedule.from_recipe in plain torch")
    return emitter(plan)


def uncommented_caveats(recipe: Mapping[str, Any], fmt: str, source: str, overrides: Sequence[str] = ()) -> list[str]:
    """What a format without comments (hf-json) cannot carry, for the CLI to say on stderr; [] for the others."""
    if fmt != "hf-json":
        return []
    from warmfind.recipe.emitters.hf import hf_caveats

    return hf_caveats(plan_from_recipe(recipe, source, parse_overrides(overrides)))


__all__ = ["FORMATS", "EmitPlan", "emit_text", "parse_overrides", "plan_from_recipe", "uncommented_caveats"]
