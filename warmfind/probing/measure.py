"""From probe options to a recipe: load the workload, run the search, assemble the evidence."""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import torch

from warmfind import defaults
from warmfind.analysis.first_steps import first_steps_advice
from warmfind.analysis.layers import (
    layer_advice,
    pick_pair,
    restraint_line,
    warmup_restraint,
)
from warmfind.analysis.near_tie import near_tie
from warmfind.analysis.recommend import failed_below
from warmfind.analysis.second_run import halving_kind, second_run
from warmfind.analysis.warmup_lift import warmup_lift
from warmfind.errors import WarmfindError
from warmfind.probing.batches import BatchStream, batch_shape, batch_size_of, data_length
from warmfind.probing.distributed import join, leave
from warmfind.probing.entrypoint import resolve
from warmfind.probing.holdout import hold_out
from warmfind.probing.noise_report import (
    along_probe,
    at_init_from_range_test,
    measure_now,
    noise_batches,
    noise_block,
    noise_line,
)
from warmfind.probing.options import ProbeOptions, schedule_shape
from warmfind.probing.prober import Budget, Prober, RunCallback, StepCallback
from warmfind.probing.search import SearchPlan, SearchResult, StageCallback, looks_longer, optimizer_kinds, search
from warmfind.probing.threads import choose_threads
from warmfind.probing.workload import (
    Workload,
    build_workload,
    call_factory,
    grad_clip_value,
    model_architecture,
    optimizer_record,
)
from warmfind.recipe.schedule import WSD
from warmfind.recipe.schema import WorkloadInfo, build_recipe, fingerprint


@dataclass(frozen=True)
class Measurement:
    """A finished (or interrupted) probe: the recipe mapping and the search behind it."""

    recipe: dict[str, Any]
    result: SearchResult


def pick_device(name: str) -> torch.device:
    """``auto`` -> cuda, then mps, then cpu; a named device must exist."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name not in ("cpu", "cuda", "mps"):
        raise WarmfindError(f"unknown device {name!r}; choose auto, cpu, cuda or mps")
    if name == "cuda" and not torch.cuda.is_available():
        raise WarmfindError("--device cuda: no CUDA device is available")
    if name == "mps" and not (getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()):
        raise WarmfindError("--device mps: no MPS device is available")
    return torch.device(name)


def peak_memory_mb(device: torch.device) -> float | None:
    """Peak memory so far: CUDA's max allocated on a GPU, else the process's peak RSS (None where unknown)."""
    if device.type == "cuda":
        return round(torch.cuda.max_memory_allocated(device) / 2**20, 1)
    try:  # Linux: this process image's high-water mark (ru_maxrss would also count a parent's, across fork+exec)
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 2**10, 1)
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return round(peak / 2**20 if sys.platform == "darwin" else peak / 2**10, 1)


def load_workload(options: ProbeOptions) -> Workload:
    """Resolve the entrypoint, call the factory and check what it returns."""
    factory = resolve(options.entrypoint, Path(options.base_dir) if options.base_dir else None)
    torch.manual_seed(options.seed)
    return build_workload(call_factory(factory, options.factory_kwargs()), options.optimizer)


def optimizer_family(optimizer: torch.optim.Optimizer) -> str:
    """``sgd``, ``adam`` (Adam, AdamW and their kin) or ``other``: which layer-wise rule fits it."""
    if isinstance(optimizer, torch.optim.SGD):
        return "sgd"
    return "adam" if isinstance(optimizer, (torch.optim.Adam, torch.optim.AdamW, torch.optim.NAdam, torch.optim.RAdam)) else "other"


def describe(prober: Prober, options: ProbeOptions, device: torch.device) -> WorkloadInfo:
    """The workload block of the recipe, with its fingerprint."""
    first = next(BatchStream(prober.workload.data, options.seed).batches())
    shape = batch_shape(first)
    optimizer = optimizer_record(prober.reference, prober.group_ratios)  # the instance, not the hook's name
    model = prober.model
    return WorkloadInfo(
        entrypoint=options.entrypoint,
        parameters=sum(p.numel() for p in model.parameters()),
        batch_size=batch_size_of(first),
        batch_shape=shape,
        optimizer=optimizer,
        device=str(device),
        precision=options.precision,
        accumulate=options.accumulate,
        fingerprint=fingerprint(str(model), optimizer, shape),
        grad_clip=prober.train_step.grad_clip,
        architecture=model_architecture(model),
        batches_per_pass=data_length(prober.workload.data),
    )


def search_plan(options: ProbeOptions) -> SearchPlan:
    """The probe plan ``options`` ask for: the one ``measure`` runs."""
    return SearchPlan.for_run(options.total_steps or defaults.DEFAULT_TOTAL_STEPS, options.seeds, options.rerank_fraction,
                              schedule_shape(options.schedule), options.decay_fraction)


def default_budget(expected_steps: int) -> int:
    """The step cap when none is given: DEFAULT_BUDGET_STEPS, or room for the whole probe (``expected_steps``) when
    that needs more (a 20,000-step plan's probes take ~10,000 steps: a flat 5,000 always stopped them in the re-rank)."""
    return max(defaults.DEFAULT_BUDGET_STEPS, math.ceil(defaults.BUDGET_PLAN_MARGIN * expected_steps))


def expected_steps(plan: SearchPlan, prober: Prober) -> int:
    """A typical whole probe of ``plan`` on this prober's optimizer: the plan's stages, and the longer look where the
    search will take it (``looks_longer``: Adam-family plans that see enough of the run add about two runs)."""
    return plan.expected_steps + (plan.look_steps if looks_longer(plan, prober) else 0)


def measure(
    options: ProbeOptions, on_step: StepCallback | None = None, on_stage: StageCallback | None = None,
    workload: Workload | None = None, on_run: RunCallback | None = None,
    on_estimate: Callable[[int], None] | None = None,
) -> Measurement:
    """Run the whole probe for ``options`` and return the recipe (marked incomplete after Ctrl-C).

    ``workload``: one already built from ``options`` (``warmfind check`` builds it once for the fingerprint);
    by default the factory is called here. ``on_estimate`` hears the probe's expected steps (``expected_steps``) once
    the workload is loaded, before the first probe step.
    """
    called = time.monotonic()  # --budget-seconds covers loading the workload too, not only the probes
    if options.accumulate < 1 or options.seeds < 1:
        raise WarmfindError("--accumulate and --seeds must be at least 1")
    group, device = join(pick_device(options.device))
    workload = workload if workload is not None else load_workload(options)
    total = options.total_steps or defaults.DEFAULT_TOTAL_STEPS
    plan = search_plan(options)  # first: a bad --schedule, --decay-fraction or --rerank-fraction fails before model work
    budget = Budget(options.budget_steps, options.budget_seconds, started=called)
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    clip = grad_clip_value(options.grad_clip) if options.grad_clip is not None else workload.grad_clip
    workload, ranking = hold_out(workload, options.holdout, seed=options.seed, use_eval_data=options.eval_data)
    prober = Prober(
        workload, device, options.precision, options.accumulate, budget, options.seed, on_step,
        ratio_every=options.ratio_every, compile=options.compile, channels_last=options.channels_last,
        snapshot=options.snapshot, group=group, on_run=on_run, grad_clip=clip, eval_name=ranking.score,
    )
    expected = expected_steps(plan, prober)
    budget.max_steps = options.budget_steps or default_budget(expected)
    if on_estimate is not None:
        on_estimate(expected)
    info = replace(describe(prober, options, device), processes=group.world if group else 1)
    threads = choose_threads(prober, options.threads)
    started = time.monotonic()
    noise_n = noise_batches(total)
    result = search(prober, plan, on_stage, lambda: measure_now(prober, info.batch_size, noise_n))
    rec = result.recommendation
    if rec is not None and plan.shape != rec.schedule:  # the planned shape, measured as such by every probe
        planned = plan.schedule(rec.peak_lr, 0.0, total)  # its floor, from the one place the probes take it
        rec = replace(rec, schedule=planned.shape, min_lr=planned.min_lr,
                      decay_fraction=planned.decay_fraction if planned.shape == WSD else None)
    # where the re-rank saw less than its share of the run, the pick is a share of its best and the advice names twice
    # the pick, at most the best (rounds 35-38, 64, 66, 69); not for a choice that learned nothing measurable, whose
    # order ``unsupported`` already doubts, nor for the range test's fallback guess, which no re-rank measured
    from_probes = rec is not None and result.unsupported is None and rec.rule != "range-test"
    halved = (second_run(rec.peak_lr, plan.rerank_steps, plan.total_steps, rec.floor_ratio,
                         halving_kind(optimizer_kinds(prober)), failed_lr=rec.nearest_unstable_lr)
              if from_probes else None)  # the share by optimizer: HALVING_SHARES
    if halved is not None:
        rec = halved.apply(rec)
    # where it saw more, the recipe warms up over LIFT_WARMUP of the run at LIFT_FACTOR x the choice (rounds 52-53)
    lifted = warmup_lift(rec.peak_lr, rec.warmup_steps, plan.rerank_steps, plan.total_steps) if from_probes else None
    if lifted is not None:
        rec = lifted.apply(rec)
    # the probes ran at the choice, not where the halving or the lift moved the peak: the evidence is read there
    probed_lr = (rec.measured or rec).peak_lr if rec is not None else None
    parts = options.accumulate * (group.world if group else 1)
    along = along_probe(result.runs, probed_lr, info.batch_size, parts) if rec else None
    at_init = at_init_from_range_test(result.runs, result.range_test.blowup_lr if result.range_test else None,
                                      info.batch_size, data_length(prober.workload.data))
    noise = noise_block(at_init, result.at_peak, info.batch_size, rec.peak_lr if rec else None, along,
                        rec.warmup_steps if rec else None)
    if rec is not None and (line := noise_line(noise)):
        rec = replace(rec, explanation=rec.explanation + (line,))
    if rec is not None and ranking.by != "eval_data":
        rec = replace(rec, explanation=rec.explanation + (f"probes were ranked by {ranking.detail}",))
    pair = pick_pair(result.runs, probed_lr) if rec is not None else None
    layers = warmup_restraint(*pair) if pair is not None else None
    advice = layer_advice(layers, optimizer_family(prober.reference)) if layers is not None else None
    if rec is not None and layers is not None:
        rec = replace(rec, explanation=rec.explanation + (restraint_line(layers),) + ((advice.sentence(),) if advice else ()))
    unsupported = result.unsupported if rec is not None else None
    if unsupported is not None:
        unsupported = replace(unsupported, by_eval_data=ranking.by == "eval_data")
        rec = replace(rec, explanation=rec.explanation + (unsupported.sentence(),))
    below = failed_below(rec.peak_lr, result.probes) if rec is not None else None
    if below is not None:
        rec = replace(rec, explanation=rec.explanation + (below.sentence(),))
    # a choice that learned nothing measurable has no order to doubt: ``unsupported`` says more there. Where the
    # re-rank saw less than its share of the run, its best is the better second run than a tied neighbour (round 35)
    other_run = None
    if rec is not None and unsupported is None:
        other_run = halved or near_tie(result.probes, rec.peak_lr, rec.total_steps, rec.warmup_steps,
                                       rec.floor_ratio, measured_lr=probed_lr)
    if other_run is not None:
        rec = replace(rec, explanation=rec.explanation + (other_run.sentence(),))
    first = (first_steps_advice(result.first_steps, result.range_test, rec.total_steps, rec.floor_ratio)
             if rec is not None else None)
    if first is not None:
        rec = replace(rec, explanation=rec.explanation + (first.sentence(),))
    advised = [a for a in (advice, unsupported, below, other_run, first) if a is not None]
    seconds = time.monotonic() - started
    steps = prober.budget.steps
    cost = {
        "probe_steps": steps,
        "expected_steps": expected,  # the estimate the log line "about N probe steps expected" gave before the probe
        "seconds": round(seconds, 2),
        "runs": len(result.runs),
        "full_run_equivalents": round(steps / total, 3),
        "stopped_by": result.stopped_by,
        **({"error": result.error} if result.error else {}),
        **({"no_choice": result.no_choice} if result.no_choice else {}),
        "peak_memory_mb": peak_memory_mb(device),
        "snapshot_mb": round(prober.snapshot_bytes / 2**20, 3),
        "threads": threads.threads,
        "threads_chosen_by": threads.chosen_by,
        **({"step_seconds_by_threads": threads.step_seconds} if threads.step_seconds else {}),
    }
    settings = {k: v for k, v in asdict(options).items() if k != "base_dir"}
    settings["total_steps"] = total
    recipe = build_recipe(info, rec, result.range_test, result.probes, cost, result.complete, settings, noise, layers,
                          {"by": ranking.by, "detail": ranking.detail, "untrained_loss": result.untrained_loss}, advised)
    if group is not None:
        leave()
    return Measurement(recipe, result)
