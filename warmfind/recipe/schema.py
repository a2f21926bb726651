"""The YAML recipe: schema version 1, built from a search result, written with floats every loader reads."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from warmfind.analysis.layers import LayerReport
from warmfind.analysis.recommend import Recommendation
from warmfind.analysis.runs import ProbeSummary, failure
from warmfind.errors import WarmfindError

SCHEMA_VERSION = 1
REQUIRED = {"recommendation": ("peak_lr", "warmup_steps", "total_steps")}
# Model attributes (on the model or its ``.config``) that describe its architecture; ``check`` compares a training
# config's keys of the same names (nanoGPT's globals are GPTConfig's fields; HF configs use these names too).
ARCHITECTURE_KEYS = (
    "n_layer", "n_head", "n_embd", "block_size", "dropout", "bias", "vocab_size",
    "num_hidden_layers", "num_attention_heads", "hidden_size", "intermediate_size", "max_position_embeddings",
    "n_positions", "hidden_dropout_prob", "attention_probs_dropout_prob", "attention_dropout",
)


@dataclass(frozen=True)
class WorkloadInfo:
    """What the recipe records about the workload it was measured on."""

    entrypoint: str
    parameters: int
    batch_size: int | None
    batch_shape: list[list[int]]
    optimizer: dict[str, Any]
    device: str
    precision: str
    accumulate: int
    fingerprint: str
    processes: int = 1  # data-parallel processes (torchrun); batch_size is the global batch either way
    grad_clip: float | None = None  # the max gradient norm the probes clipped to (None: no clipping)
    architecture: dict[str, Any] = field(default_factory=dict)  # n_layer, n_embd, ... read off the model or its .config
    batches_per_pass: int | None = None  # len() of the data, when it has one: with total_steps, how often the run
    #   repeats its data (late over-fitting on a small set is beyond what a probe's horizon measures)


def fingerprint(model_structure: str, optimizer: Mapping[str, Any], batch_shape: Sequence[Sequence[int]]) -> str:
    """A short hash of model structure + optimizer + batch shape: a recipe is stale once any of them changes.

    The optimizer's ``class`` path is left out: its lower-case ``name`` already says it for torch's optimizers,
    and leaving it out keeps the fingerprints of recipes written before it was recorded.
    """
    kept = {k: v for k, v in optimizer.items() if k != "class"}
    text = json.dumps({"model": model_structure, "optimizer": kept, "batch": batch_shape}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def recommendation_block(rec: Recommendation) -> dict[str, Any]:
    return {
        "peak_lr": rec.peak_lr,
        "warmup_steps": rec.warmup_steps,
        "total_steps": rec.total_steps,
        "schedule": rec.schedule,
        **({"decay_fraction": rec.decay_fraction} if rec.decay_fraction is not None else {}),
        "min_lr": rec.min_lr,
        "rule": rec.rule,
        "measured": asdict(rec.measured) if rec.measured else None,  # the probes' own choice, where a rule moved it
        "explanation": list(rec.explanation),
        "confidence": {
            "nearest_unstable_lr": rec.nearest_unstable_lr,
            "margin": rec.margin,
            "seeds_agree": rec.seeds_agree,
        },
    }


def probe_block(p: ProbeSummary, failed: str | None = None) -> dict[str, Any]:
    """One probe's summary as the recipe keeps it; ``failed`` says how it failed (``runs.failure``)."""
    return {
        "stage": p.label,
        "peak_lr": p.peak_lr,
        "warmup_steps": p.warmup_steps,
        "horizon": p.horizon,
        "steps": p.steps,
        "seed": p.seed,
        "loss": p.score if math.isfinite(p.score) else None,
        "eval_loss": p.eval_loss,
        **({"projected_loss": p.projected_loss} if p.projected_loss is not None else {}),
        "diverged_step": p.diverged_step,
        **({"raised": p.raised} if p.raised else {}),
        "spike": asdict(p.spike) if p.spike else None,
        "grad_blowup_step": p.grad_blowup_step,
        "failed": failed,
        "top_layers": [{"layer": name, "update_ratio": ratio} for name, ratio in p.top_layers],
    }


def dump_recipe(recipe: Mapping[str, Any], command: str | None = None) -> str:
    """The recipe as YAML text, opening with a comment naming the command that produced it."""
    header = f"# produced by: {command}\n" if command else ""
    return header + yaml.dump(dict(recipe), Dumper=_Dumper, sort_keys=False, default_flow_style=None, width=120)


def write_recipe(recipe: Mapping[str, Any], path: Path, command: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_recipe(recipe, command))


def load_recipe(path: Path, partial: bool = False) -> dict[str, Any]:
    """Read and validate a recipe; a WarmfindError names what is wrong.

    ``partial``: accept a recipe without a recommendation (an interrupted or bad-data probe), for showing it.
    """
    try:
        data = yaml.safe_load(Path(path).read_text())
    except FileNotFoundError:
        raise WarmfindError(f"recipe {str(path)!r} not found") from None
    except yaml.YAMLError as exc:
        raise WarmfindError(f"recipe {str(path)!r} is not valid YAML: {_first_line(exc)}") from None
    return validate_recipe(data, str(path), partial)


def validate_recipe(data: Any, name: str = "recipe", partial: bool = False) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("warmfind") != SCHEMA_VERSION:
        raise WarmfindError(f"{name} is not a warmfind recipe (expected 'warmfind: {SCHEMA_VERSION}' at the top)")
    for block, keys in REQUIRED.items():
        section = data.get(block)
        if partial and section is None and not data.get("complete", True):
            continue
        if not isinstance(section, dict):
            raise WarmfindError(f"{name} has no '{block}' section")
        missing = [k for k in keys if not isinstance(section.get(k), (int, float))]
        if missing:
            raise WarmfindError(f"{name}: '{block}' lacks numeric {', '.join(missing)}")
    return data


def format_float(value: float) -> str:
    """A float in a form every YAML loader reads as a float: ``3.0e-04``, ``0.25``, ``41.2``, ``.nan``."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    if value == 0:
        return "0.0"
    if 1e-3 <= abs(value) < 1e6:
        text = f"{value:.6g}"
        return text if ("." in text or "e" in text) else text + ".0"
    mantissa, exponent = f"{value:.4e}".split("e")
    mantissa = mantissa.rstrip("0")
    if mantissa.endswith("."):
        mantissa += "0"
    return f"{mantissa}e{exponent}"


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


class _Dumper(yaml.SafeDumper):
    pass


def _represent_float(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:float", format_float(value))


_Dumper.add_representer(float, _represent_float)


def build_recipe(
    workload: WorkloadInfo,
    recommendation: Recommendation | None,
    range_test: Any,
    probes: Sequence[ProbeSummary],
    cost: Mapping[str, Any],
    complete: bool,
    settings: Mapping[str, Any],
    noise_scale: Mapping[str, Any] | None = None,
    layers: LayerReport | None = None,
    ranking: Mapping[str, Any] | None = None,
    advice: Sequence[Any] = (),
) -> dict[str, Any]:
    """The recipe mapping (schema 1): workload, recommendation, evidence, cost."""
    evidence: dict[str, Any] = {"lr_range_test": _range_block(range_test) if range_test is not None else None}
    evidence["ranked_by"] = dict(ranking) if ranking else None  # eval_data, held-back or training-loss, why, and the
    #   untrained model's loss on it (untrained_loss: the yardstick of "learned" when the range test is none)
    evidence["probes"] = [probe_block(p, failure(p, probes)) for p in probes]
    evidence["gradient_noise_scale"] = dict(noise_scale) if noise_scale else None
    evidence["warmup_by_layer"] = asdict(layers) if layers is not None else None
    recipe: dict[str, Any] = {"warmfind": SCHEMA_VERSION, "complete": complete}
    recipe["workload"] = asdict(workload)
    recipe["recommendation"] = recommendation_block(recommendation) if recommendation else None
    recipe["advice"] = [{"kind": a.kind, **asdict(a), "text": a.sentence()} for a in advice]
    recipe["settings"] = dict(settings)
    recipe["evidence"] = evidence
    recipe["cost"] = dict(cost)
    return recipe


def _range_block(rt: Any) -> dict[str, Any]:
    return {
        "divergence_lr": rt.divergence_lr,
        "blowup_lr": rt.blowup_lr,
        "steepest_lr": rt.steepest_lr,
        "valley_lr": rt.valley_lr,
        "min_loss_lr": rt.min_loss_lr,
        "start_loss": rt.start_loss,  # where "learned" is measured from: the explanation cites the fall start -> min
        "min_loss": rt.min_loss,
        "curve": {"lr": list(rt.lrs), "loss": list(rt.losses), "smoothed": list(rt.smoothed)},
    }
