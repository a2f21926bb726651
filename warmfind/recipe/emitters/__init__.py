"""One emitter per training stack: a pure function from an ``EmitPlan`` to the text that stack reads."""

from __future__ import annotations

from collections.abc import Callable

from warmfind.recipe.emitters.class_configs import (
    emit_lightning,
    emit_litgpt,
    emit_torchtune,
)
from warmfind.recipe.emitters.hf import (
    emit_deepspeed,
    emit_deepspeed_auto,
    emit_hf,
    emit_hf_json,
)
from warmfind.recipe.emitters.plain import emit_env, emit_json
from warmfind.recipe.emitters.plan import EmitPlan, parse_overrides, plan_from_recipe
from warmfind.recipe.emitters.scripts import emit_nanogpt, emit_torch

Emitter = Callable[[EmitPlan], str]

EMITTERS: dict[str, Emitter] = {
    "hf": emit_hf,
    "hf-json": emit_hf_json,
    "deepspeed": emit_deepspeed,
    "deepspeed-auto": emit_deepspeed_auto,
    "torchtune": emit_torchtune,
    "litgpt": emit_litgpt,
    "lightning": emit_lightning,
    "nanogpt": emit_nanogpt,
    "torch": emit_torch,
    "json": emit_json,
    "env": emit_env,
}

__all__ = ["EMITTERS", "EmitPlan", "Emitter", "parse_overrides", "plan_from_recipe"]
