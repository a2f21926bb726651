"""The ``warmfind show`` command: a recipe for a person, with its explanation, the probes and the LR plot."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from warmfind.cli.exits import fail
from warmfind.cli.plot import loss_vs_lr
from warmfind.errors import WarmfindError


def show(
    recipe_path: Annotated[Path, typer.Argument(metavar="RECIPE", help="A recipe YAML written by warmfind probe")],
    debug: Annotated[bool, typer.Option(help="Show tracebacks")] = False,
) -> None:
    """Print a recipe as a table, with a terminal plot of loss against LR."""
    from warmfind.recipe.schema import load_recipe

    try:
        recipe = load_recipe(recipe_path, partial=True)
    except WarmfindError as exc:
        raise fail(str(exc), debug) from None
    render(recipe, Console())


def _passes(batches: int, total_steps: int, recipe: dict[str, Any]) -> str:
    """How often the planned run, and its longest probe, go over the data: ``47.0 planned, 2.9 in the longest probe``."""
    longest = max((p.get("steps") or 0 for p in (recipe.get("evidence") or {}).get("probes") or []), default=0)
    return f"{total_steps / batches:.3g} planned, {longest / batches:.2g} in the longest probe ({batches} batches each)"


def render(recipe: dict[str, Any], console: Console) -> None:
    """Print the recipe's recommendation table, explanation, probe table and loss-vs-LR plot."""
    rec = recipe.get("recommendation") or {}
    work = recipe.get("workload") or {}
    title = "warmfind recipe" + ("" if recipe.get("complete", True) else " (INCOMPLETE)")
    table = Table(title=title, show_header=False)
    table.add_column("key", style="bold")
    table.add_column("value")
    for key in ("peak_lr", "warmup_steps", "total_steps", "schedule", "min_lr", "rule"):
        if key in rec:
            table.add_row(key, _cell(rec[key]))
    if measured := rec.get("measured"):  # recipes before this field have none
        table.add_row("probes' choice", f"{_cell(measured.get('peak_lr'))}, {measured.get('warmup_steps')}-step warmup "
                      f"(moved by the {measured.get('moved_by')})")
    for key in ("entrypoint", "parameters", "batch_size", "device", "fingerprint"):
        if key in work:
            table.add_row(key, _cell(work[key]))
    if work.get("batches_per_pass") and rec.get("total_steps"):
        table.add_row("passes over the data", _passes(work["batches_per_pass"], rec["total_steps"], recipe))
    cost = recipe.get("cost") or {}
    if cost:
        table.add_row("probe cost", f"{cost.get('probe_steps')} steps, {cost.get('seconds')} s")
    console.print(table)
    for line in rec.get("explanation", []):
        console.print(f"  - {line}", highlight=False)
    if not rec:
        stopped = cost.get("stopped_by") or "unknown"
        console.print(f"  no recommendation: the probe stopped ({stopped}) before it could choose; "
                      + (cost.get("error") or "what it measured is below"), highlight=False, soft_wrap=True)
    evidence = recipe.get("evidence") or {}
    probes = evidence.get("probes") or []
    if probes:
        sampled = (evidence.get("ranked_by") or {}).get("by") == "training-sample"
        console.print(_probe_table(probes, "sample" if sampled else "held-out"))
    noise = evidence.get("gradient_noise_scale") or {}
    if noise.get("batch_table"):
        console.print(_batch_table(noise))
    layers = evidence.get("warmup_by_layer")
    if layers and layers.get("rows"):
        console.print("\n".join(layer_chart(layers)), highlight=False, soft_wrap=True)
    rt = evidence.get("lr_range_test")
    if rt and rt.get("curve"):
        marks = {"D": rt.get("divergence_lr"), "S": rt.get("steepest_lr"), "V": rt.get("valley_lr"), "*": rec.get("peak_lr")}
        curve = rt["curve"]
        console.print("LR range test (D divergence, S steepest, V valley, * recommended peak)")
        for line in loss_vs_lr(curve["lr"], curve.get("smoothed") or curve["loss"], marks):
            console.print(line, highlight=False, markup=False)


def _probe_table(probes: list[dict[str, Any]], ranked: str) -> Table:
    """One row per probe; ``ranked`` names the column of the loss probes are ranked by ("held-out" or "sample")."""
    table = Table(title="probes")
    for col in ("stage", "peak_lr", "warmup", "steps", "loss", ranked, "projected", "failed", "moved most"):
        table.add_column(col)
    for p in probes:
        layers = p.get("top_layers") or []
        table.add_row(
            str(p.get("stage")), _cell(p.get("peak_lr")), str(p.get("warmup_steps")), f"{p.get('steps')}/{p.get('horizon')}",
            _cell(p.get("loss")), _cell(p.get("eval_loss")), _cell(p.get("projected_loss")), _failed(p),
            layers[0]["layer"] if layers else "",
        )
    return table


def _failed(probe: dict[str, Any]) -> str:
    """How a probe failed, with where: ``spiked x1.6 @ 14``, ``diverged @ 3``, ``stalled``."""
    spike, diverged = probe.get("spike"), probe.get("diverged_step")
    if diverged is not None:
        return f"diverged @ {diverged}"
    if spike:
        return f"spiked x{spike['ratio']:.1f} @ {spike['step']}"
    return str(probe.get("failed") or "")


def _batch_table(noise: dict[str, Any]) -> Table:
    table = Table(title=f"other batch sizes (noise-scale rule, B_simple ~ {_cell(noise.get('b_noise_used'))})")
    for col in ("batch", "peak_lr", "warmup steps", "trusted"):
        table.add_column(col)
    for row in noise["batch_table"]:
        trusted = "yes" if row.get("trusted") else f"no: {row.get('caveat')}"
        table.add_row(str(row.get("batch_size")), _cell(row.get("peak_lr")), _cell(row.get("warmup_steps")), trusted)
    return table


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3e}" if abs(value) < 1e-2 or abs(value) >= 1e4 else f"{value:.4g}"
    return "-" if value is None else str(value)


def layer_chart(report: dict[str, Any], width: int = 24) -> list[str]:
    """Per module, by depth: early update ratio without and with warmup, and a bar for how much warmup restrained it."""
    rows = report["rows"]
    name_width = min(max([len("module")] + [len(str(r["layer"])) for r in rows]), 28)
    top = max((math.log2(r["restraint"]) for r in rows if math.isfinite(r["restraint"]) and r["restraint"] > 1), default=1.0)
    lines = [f"warmup by layer, measured at LR {report['peak_lr']:.1e} over the first {report['steps']} steps (|dw|/|w| per step; "
             f"bar: log2 of how many times less the warmup let the module move)",
             f"  {'module':<{name_width}}  {'no warmup':>9}  {'warmup':>9}  restrained"]
    for r in rows:
        restraint = r["restraint"]
        bar = "#" * round(width * math.log2(restraint) / top) if math.isfinite(restraint) and restraint > 1 else ""
        lines.append(f"  {str(r['layer'])[:name_width]:<{name_width}}  {r['without_warmup']:9.2e}  {r['with_warmup']:9.2e}  "
                     f"x{restraint:<6.3g} {bar}")
    return lines
