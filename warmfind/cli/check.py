"""The ``warmfind check`` command: a CI gate that fails before a run whose peak LR or warmup the probes say is unsafe."""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from warmfind.cli.exits import err, fail
from warmfind.errors import WarmfindError

EXIT_PASS, EXIT_FAILED = 0, 1


def check(
    workload: Annotated[Optional[str], typer.Argument(
        help="ENTRYPOINT (pkg.module:factory or file.py:factory) or a probe spec YAML; optional with --recipe or --cache")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Training config holding the planned LR, warmup, steps, batch")] = None,
    config_format: Annotated[str, typer.Option(help="auto, hf, deepspeed, torchtune, litgpt or nanogpt")] = "auto",
    lr: Annotated[Optional[float], typer.Option("--lr", help="Planned peak LR (overrides the config)")] = None,
    warmup_steps: Annotated[Optional[int], typer.Option(help="Planned warmup steps (overrides the config)")] = None,
    total_steps: Annotated[Optional[int], typer.Option(help="Planned run length in optimizer steps (overrides the config)")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Planned samples per optimizer step; not passed to the factory")] = None,
    recipe: Annotated[Optional[Path], typer.Option("--recipe", help="Reuse this recipe when its fingerprint matches the workload; "
                                                   "with no workload named, judge with it as it is (nothing is built)")] = None,
    fingerprint: Annotated[bool, typer.Option("--fingerprint", help="With --recipe and no workload: build the recipe's own "
                                              "entrypoint to compare fingerprints (and probe it on a mismatch)")] = False,
    probe: Annotated[bool, typer.Option("--probe", help="Probe even when a recipe or cache entry matches")] = False,
    cache: Annotated[Optional[Path], typer.Option("--cache", help="Directory of recipes keyed by fingerprint and settings")] = None,
    budget_seconds: Annotated[Optional[float], typer.Option(help="Hard cap on probe wall time")] = None,
    budget_steps: Annotated[Optional[int], typer.Option(help="Hard cap on all probe steps together")] = None,
    device: Annotated[Optional[str], typer.Option(help="auto, cpu, cuda or mps")] = None,
    seed: Annotated[Optional[int], typer.Option(help="Seed for model RNG and data order")] = None,
    set_: Annotated[Optional[list[str]], typer.Option("--set", help="key=value passed to the factory (repeatable)")] = None,
    output_format: Annotated[str, typer.Option("--output-format", help="text, json, github or junit")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here instead of stdout")] = None,
    strict: Annotated[bool, typer.Option(help="Warnings fail the check too")] = False,
    exit_zero: Annotated[bool, typer.Option(help="Advisory: report, but exit 0 even when the check fails")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr")] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks")] = False,
) -> None:
    """Check a planned peak LR and warmup against measured stability limits: exit 0 pass, 1 fail, 2 usage error."""
    from warmfind.gate.planned import FORMATS, Planned, read_config
    from warmfind.gate.report import OUTPUT_FORMATS, render, render_markdown
    from warmfind.gate.verdicts import check as judge
    from warmfind.gate.verdicts import failed

    try:
        if output_format not in OUTPUT_FORMATS:
            raise WarmfindError(f"unknown --output-format {output_format!r}; choose {', '.join(OUTPUT_FORMATS)}")
        if config_format not in FORMATS:
            raise WarmfindError(f"unknown --config-format {config_format!r}; choose {', '.join(FORMATS)}")
        base = read_config(config, config_format) if config is not None else Planned()
        planned = base.with_flags(peak_lr=lr, warmup_steps=warmup_steps, total_steps=total_steps, batch_size=batch_size)
        _validate(planned)
        say = (lambda _: None) if quiet else (lambda text: err.print(text, highlight=False, soft_wrap=True))
        given = _given_evidence(workload, recipe, cache, fingerprint or probe, planned.total_steps, say)
        if given is not None:
            evidence, source = given
        else:
            options = _options(workload or _recipe_entrypoint(recipe), planned, budget_seconds, budget_steps, device, seed,
                               set_, recipe if workload is None else None)
            with contextlib.redirect_stdout(sys.stderr):  # user code that prints must not corrupt the report on stdout
                evidence, source = _evidence(options, recipe, cache, probe, quiet, err)
        findings = judge(evidence, planned)
    except WarmfindError as exc:
        raise fail(str(exc), debug) from None
    except KeyboardInterrupt:
        err.print("interrupted: no verdict")
        raise typer.Exit(code=130) from None
    except Exception as exc:  # an internal failure must not read as "check failed" (exit 1) in CI
        raise fail(f"internal error: {type(exc).__name__}: {exc}", debug) from None

    text = render(output_format, findings, planned, strict, extra={"evidence": source})
    try:
        if output is not None:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text)
            if not quiet:
                err.print(f"report written to {output}")
        else:
            typer.echo(text, nl=False)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(render_markdown(findings, planned, strict))
    except OSError as exc:
        raise fail(f"cannot write the report: {exc}", debug) from None
    if failed(findings, strict) and not exit_zero:
        raise typer.Exit(code=EXIT_FAILED)


def _validate(planned: Any) -> None:

    if planned.peak_lr is None:
        where = f"; {planned.config} names none ({'; '.join(planned.notes)})" if planned.notes else ""
        raise WarmfindError(f"no planned peak LR: pass --lr or --config{where}")
    if planned.peak_lr <= 0:
        raise WarmfindError(f"the planned peak LR must be positive, got {planned.peak_lr:g}")
    if planned.total_steps is not None and planned.total_steps <= 0:
        raise WarmfindError(f"the planned total steps must be positive, got {planned.total_steps}")
    if planned.batch_size is not None and planned.batch_size <= 0:
        raise WarmfindError(f"the planned batch size must be positive, got {planned.batch_size}")
    if planned.warmup_steps is not None and planned.total_steps is not None and planned.warmup_steps > planned.total_steps:
        raise WarmfindError(f"planned warmup ({planned.warmup_steps} steps) is longer than the run ({planned.total_steps})")


def _given_evidence(workload: str | None, recipe: Path | None, cache: Path | None, build: bool, total: int | None,
                    say: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """With no workload named: the --recipe as it is, or the one --cache entry for this plan; nothing is built.

    None when the workload must be built (one was named, or --fingerprint/--probe asks for the recipe's own).
    """
    from warmfind.gate.cache import entry_for_plan
    from warmfind.recipe.schema import load_recipe

    if workload is not None or (build and recipe is not None):
        return None
    if build and recipe is None:
        raise WarmfindError("--probe and --fingerprint need the workload (or --recipe, whose entrypoint is built)")
    if recipe is not None:
        given = load_recipe(recipe)
        recorded = (given.get("workload") or {}).get("fingerprint")
        say(f"recipe {recipe} judged as it is: no workload named, so its fingerprint ({recorded}) is not compared "
            "(--fingerprint builds its entrypoint to compare)")
        return given, {"source": "recipe", "path": str(recipe), "fingerprint": recorded, "fingerprint_compared": False}
    if cache is not None:
        path = entry_for_plan(cache, total)
        say(f"cache entry {path} judged as it is: no workload named, so its fingerprint is not compared")
        cached = load_recipe(path)
        return cached, {"source": "cache", "path": str(path), "fingerprint": (cached.get("workload") or {}).get("fingerprint"),
                        "fingerprint_compared": False}
    raise WarmfindError("no workload to judge: name one (ENTRYPOINT or probe spec), or pass --recipe or --cache")


def _recipe_entrypoint(recipe: Path | None) -> str:
    """The entrypoint a recipe was probed from (``--fingerprint`` and ``--probe`` without a workload build it)."""
    from warmfind.recipe.schema import load_recipe

    if recipe is None:
        raise WarmfindError("--fingerprint needs --recipe (or name the workload)")
    entry = (load_recipe(recipe).get("workload") or {}).get("entrypoint")
    if not isinstance(entry, str) or not entry:
        raise WarmfindError(f"recipe {str(recipe)!r} records no entrypoint to build: name the workload")
    return entry


def _options(workload: str, planned: Any, budget_seconds: float | None, budget_steps: int | None,
             device: str | None, seed: int | None, set_: list[str] | None, recipe: Path | None = None) -> Any:
    """Probe options for the workload; probes are sized for the planned run length. ``recipe``: the workload is the
    recipe's own entrypoint, built with the factory arguments and seed it was probed with."""
    from warmfind.probing.options import (
        ProbeOptions,
        is_spec,
        load_spec,
        parse_assignments,
    )

    base = load_spec(Path(workload)) if is_spec(workload) else ProbeOptions(entrypoint=workload)
    if recipe is not None:
        from dataclasses import fields, replace

        from warmfind.recipe.schema import load_recipe

        settings = load_recipe(recipe).get("settings") or {}
        keyed = {f.name for f in fields(ProbeOptions)} & {"factory_args", "seed", "optimizer", "precision", "accumulate",
                                                          "batch_size", "grad_clip", "schedule", "decay_fraction"}
        base = replace(base, **{k: settings[k] for k in keyed if settings.get(k) is not None})
    return base.with_flags(total_steps=planned.total_steps, budget_seconds=budget_seconds, budget_steps=budget_steps,
                           device=device, seed=seed, factory_args=parse_assignments(set_) if set_ else None)


def _evidence(options: Any, recipe_path: Path | None, cache: Path | None, force: bool, quiet: bool,
              err: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The recipe to judge with, and where it came from: a matching --recipe, the cache, or a fresh probe."""
    from warmfind.cli.progress import probe_progress
    from warmfind.gate.cache import cache_key, fingerprint_of, lookup, store
    from warmfind.probing.measure import load_workload, measure
    from warmfind.recipe.schema import load_recipe

    say = (lambda _: None) if quiet else (lambda text: err.print(text, highlight=False, soft_wrap=True))
    # Built once: for the fingerprint a --recipe or --cache is matched by, and then for the probe if it comes to that.
    workload = load_workload(options) if recipe_path is not None or cache is not None else None
    current = fingerprint_of(options, workload) if workload is not None else None
    if recipe_path is not None and not force:
        given = load_recipe(recipe_path)
        recorded = (given.get("workload") or {}).get("fingerprint")
        if recorded == current:
            say(f"recipe {recipe_path} matches the workload (fingerprint {current})")
            return given, {"source": "recipe", "path": str(recipe_path), "fingerprint": current}
        say(f"recipe {recipe_path} was measured on another workload (fingerprint {recorded}, now {current}): probing")
    key = None
    if cache is not None:
        key = cache_key(str(current), options)
        if not force and (cached := lookup(cache, key)) is not None:
            say(f"cache hit: {cache / (key + '.yaml')}")
            return cached, {"source": "cache", "path": str(cache / f"{key}.yaml"), "fingerprint": key.split("-")[0]}
        say(f"cache miss: {key}")
    with probe_progress(err, enabled=not quiet) as report:
        measurement = measure(options, report.on_step, report.on_stage, workload=workload, on_run=report.on_run,
                              on_estimate=report.on_estimate)
    if measurement.result.error is not None:  # broken data: no verdict can rest on it (exit 2, never cached)
        raise WarmfindError(measurement.result.error)
    fresh = measurement.recipe
    origin: dict[str, Any] = {"source": "probe", "fingerprint": fresh["workload"]["fingerprint"]}
    if cache is not None and key is not None:
        command = "warmfind " + " ".join(shlex.quote(a) for a in sys.argv[1:])
        origin["path"] = str(store(cache, key, fresh, command))
        say(f"recipe cached at {origin['path']}")
    return fresh, origin
