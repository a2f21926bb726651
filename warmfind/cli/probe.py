"""The ``warmfind probe`` command: run the probes on the user's model and write the recipe."""

from __future__ import annotations

import contextlib
import json
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from warmfind import defaults
from warmfind.cli.exits import EXIT_INTERRUPTED, EXIT_NO_RECOMMENDATION, err, fail
from warmfind.errors import WarmfindError

if TYPE_CHECKING:  # the probing layer (and torch) is imported only when a command runs
    from warmfind.probing.options import ProbeOptions


def probe(
    workload: Annotated[str, typer.Argument(help="ENTRYPOINT (pkg.module:factory or file.py:factory) or a probe spec YAML")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the recipe here (default: stdout)")] = None,
    total_steps: Annotated[Optional[int], typer.Option(help="Planned training length in optimizer steps")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Passed to the factory as batch_size=")] = None,
    device: Annotated[Optional[str], typer.Option(help="auto, cpu, cuda or mps")] = None,
    seed: Annotated[Optional[int], typer.Option(help="Seed for model RNG and data order")] = None,
    seeds: Annotated[Optional[int], typer.Option(help="Data orders for the decisive probes (2 states agreement)")] = None,
    budget_steps: Annotated[Optional[int], typer.Option(help="Hard cap on all probe steps together")] = None,
    budget_seconds: Annotated[Optional[float], typer.Option(help="Hard cap on probe wall time")] = None,
    optimizer: Annotated[Optional[str], typer.Option(help="adamw, adam or sgd, when the factory gives none")] = None,
    precision: Annotated[Optional[str], typer.Option(help="fp32, bf16 (autocast) or fp16 (CUDA)")] = None,
    accumulate: Annotated[Optional[int], typer.Option(help="Split each batch into N micro-batches")] = None,
    compile_: Annotated[Optional[bool], typer.Option("--compile/--no-compile", help="torch.compile the model (off by default)")] = None,
    channels_last: Annotated[Optional[bool], typer.Option("--channels-last/--no-channels-last", help="NHWC layout for CNNs")] = None,
    snapshot: Annotated[Optional[str], typer.Option(help="Keep the start state in CPU memory or on disk: memory or disk")] = None,
    threads: Annotated[Optional[int], typer.Option(help="CPU threads for torch (default: time 1 against torch's default, keep the faster)")] = None,
    schedule: Annotated[Optional[str], typer.Option(help="The planned shape, probed as such: cosine (default), wsd or constant")] = None,
    decay_fraction: Annotated[Optional[float], typer.Option(help="wsd: the final linear decay's share of the run (default 0.2)")] = None,
    rerank_fraction: Annotated[Optional[float], typer.Option(help="Re-rank horizon as a share of the run (default 1/3; shorter is cheaper, longer more accurate: docs/probe.md)")] = None,
    grad_clip: Annotated[Optional[float], typer.Option(help="Clip gradients to this max norm, as training will (as clip_grad_norm_)")] = None,
    holdout: Annotated[Optional[bool], typer.Option("--holdout/--no-holdout", help="With no eval_data, rank probes on 10% of a finite dataset held back from them (off by default, when a fixed sample of 20 training batches ranks them: docs/probe.md)")] = None,
    eval_data: Annotated[Optional[bool], typer.Option("--eval-data/--no-eval-data", help="--no-eval-data: rank probes as if the factory gave no eval_data (a training sample, or --holdout); for a held-out loss short probes do not move")] = None,
    set_: Annotated[Optional[list[str]], typer.Option("--set", help="key=value passed to the factory (repeatable)")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the recipe as JSON instead of YAML")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or explanation on stderr")] = False,
    nproc: Annotated[Optional[int], typer.Option(help="Run data-parallel on N local processes (launches torchrun)")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks")] = False,
) -> None:
    """Run short probe runs on the real model and write a YAML recipe: peak LR, warmup, schedule, evidence."""
    from warmfind.probing.distributed import is_main_process, launch, launched_by_torchrun

    main_process = is_main_process()  # under torchrun only rank 0 prints and writes
    quiet = quiet or not main_process
    flags = dict(  # the options a flag of the same name sets, for the options and for the recipe's header
        total_steps=total_steps, batch_size=batch_size, device=device, seed=seed, seeds=seeds,
        budget_steps=budget_steps, budget_seconds=budget_seconds, optimizer=optimizer, precision=precision,
        accumulate=accumulate, snapshot=snapshot, threads=threads, grad_clip=grad_clip,
        rerank_fraction=rerank_fraction, schedule=schedule, decay_fraction=decay_fraction, holdout=holdout,
        eval_data=eval_data,
    )
    try:  # every value is checked here, before torchrun starts and before the factory is called
        options = _options(workload, flags, compile_, channels_last, set_, nproc)
    except WarmfindError as exc:
        raise fail(str(exc), debug) from None
    if nproc is not None and nproc > 1 and not launched_by_torchrun():
        raise typer.Exit(code=launch(nproc, sys.argv[1:]))
    from warmfind.cli.progress import probe_progress
    from warmfind.probing.measure import measure
    from warmfind.recipe.schema import dump_recipe, write_recipe

    if not quiet:
        err.print(planned_run(options), highlight=False, soft_wrap=True)
    try:
        # user code that prints (a factory, an optimizer hook) must not corrupt the recipe on stdout
        with probe_progress(err, enabled=not quiet) as report, contextlib.redirect_stdout(sys.stderr):
            measurement = measure(options, report.on_step, report.on_stage, on_run=report.on_run,
                                  on_estimate=report.on_estimate)
    except WarmfindError as exc:
        raise fail(str(exc), debug) from None
    except KeyboardInterrupt:
        err.print("interrupted before any probe finished; nothing written")
        raise typer.Exit(code=EXIT_INTERRUPTED) from None
    recipe = measurement.recipe
    if not main_process:
        return
    command = _command_line("probe", workload, **flags, set=set_, compile=compile_ or None,
                            channels_last=channels_last or None, out=out)
    error = measurement.result.error
    if error is not None:  # broken data: keep what was measured in --out, never a recipe on stdout, exit 2
        if out is not None:
            write_recipe(recipe, out, command)
            err.print(f"what was measured before the bad batch is in {out} (complete: false)", soft_wrap=True)
        raise fail(error, debug)
    if not quiet:
        _explain(recipe, default_length=options.total_steps is None)
    if out is not None:
        write_recipe(recipe, out, command)
        if not quiet:
            err.print(f"recipe written to {out}")
    elif json_out:
        typer.echo(json.dumps(recipe, indent=2, default=str))
    else:
        typer.echo(dump_recipe(recipe, command), nl=False)
    if measurement.result.no_choice is not None:
        err.print(f"[bold red]no recommendation:[/] {measurement.result.no_choice}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=EXIT_NO_RECOMMENDATION)
    if not recipe["complete"] and measurement.result.stopped_by == "interrupted":
        err.print("[yellow]interrupted: the recipe holds what was measured and is marked complete: false[/]")
        raise typer.Exit(code=EXIT_INTERRUPTED)


def _options(workload: str, flags: dict[str, Any], compile_: bool | None, channels_last: bool | None,
             set_: list[str] | None, nproc: int | None) -> ProbeOptions:
    """The spec's options (if WORKLOAD is a spec) with the flags over them, every value checked; then the device
    named must exist and fp16 must have CUDA. Raises a one-line WarmfindError before any model work."""
    from warmfind.probing.measure import pick_device
    from warmfind.probing.options import ProbeOptions, check_value, is_spec, load_spec, parse_assignments

    if nproc is not None:
        check_value("nproc", nproc, "--nproc")
    base = load_spec(Path(workload)) if is_spec(workload) else ProbeOptions(entrypoint=workload)
    options = base.with_flags(**flags, compile=compile_, channels_last=channels_last,
                              factory_args=parse_assignments(set_) if set_ else None)
    if options.precision == "fp16" and pick_device(options.device).type != "cuda":
        raise WarmfindError("--precision fp16 needs a CUDA device (use bf16 on CPU)")
    return options


def planned_run(options: ProbeOptions) -> str:
    """The stderr line naming the planned run's length, and saying so when it is the default."""
    if options.total_steps is None:
        return f"planned run: {defaults.DEFAULT_TOTAL_STEPS:,} steps (default; pass --total-steps)"
    return f"planned run: {options.total_steps:,} steps"


def _command_line(command: str, argument: str, **flags: Any) -> str:
    """The command that reproduces this run, for the recipe's header."""
    words = ["warmfind", command, argument]
    for name, value in flags.items():
        for item in value if isinstance(value, list) else [value]:
            if item is True:
                words.append(f"--{name.replace('_', '-')}")
            elif item is False:
                words.append(f"--no-{name.replace('_', '-')}")
            elif item is not None:
                words += [f"--{name.replace('_', '-')}", str(item)]
    return " ".join(shlex.quote(w) for w in words)


def _explain(recipe: dict[str, Any], default_length: bool = False) -> None:
    rec = recipe.get("recommendation")
    if not rec:
        if recipe["cost"].get("stopped_by") != "no-choice":  # that one is said, with its reason, on the way out
            err.print("[yellow]no recommendation: the probe stopped before it could measure one[/]", soft_wrap=True)
        return
    # soft_wrap: a log file gets whole lines, not rich's 80-column wrapping
    length = " [yellow](the default run length: pass --total-steps)[/]" if default_length else ""
    err.print(f"[bold]peak_lr {rec['peak_lr']:.1e}, warmup_steps {rec['warmup_steps']} of {rec['total_steps']}[/]{length}", soft_wrap=True)
    for line in rec["explanation"]:
        err.print(f"  - {line}", highlight=False, soft_wrap=True)
    cost = recipe["cost"]
    err.print(f"  probe cost: {cost['probe_steps']} steps ({cost['full_run_equivalents']}x the planned run), {cost['seconds']} s",
              soft_wrap=True)
