"""The gradient-noise-scale evidence of a recipe: B_simple at init and at the chosen LR, and a batch-size table.

Only a measured B_simple (``NoiseScale.measured``: finite, positive, stderr within TRUST_MAX_REL_STDERR) drives the
table, the regime sentence and ``b_noise_used``; any other is written down and shown as "not measured".
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from warmfind import defaults
from warmfind.analysis.noise_scale import (
    NoiseScale,
    batch_table,
    init_window,
    is_measured,
    noise_from_sums,
    regime,
)
from warmfind.analysis.runs import ProbeRun
from warmfind.errors import WarmfindError
from warmfind.probing.batches import BadData, BatchStream, checked
from warmfind.probing.noise_probe import measure_at_init, noise_from_probe
from warmfind.probing.prober import Prober


def micro_split(batch_size: int | None, accumulate: int) -> int | None:
    """How many micro-batches to split a batch into for the small-batch norms (None: cannot split)."""
    if accumulate >= 2:
        return accumulate
    for parts in (4, 2):  # 4 halves the estimator's variance against 2, and costs the same examples
        if batch_size and batch_size % parts == 0 and batch_size // parts >= 2:
            return parts
    return None


def noise_batches(total_steps: int) -> int:
    """Batches per B_simple measurement for a run of ``total_steps``: NOISE_FRACTION of it, within
    [NOISE_BATCHES, NOISE_BATCHES_MAX] (a long run buys an estimate that heavy tails do not throw off)."""
    return int(min(max(round(defaults.NOISE_FRACTION * total_steps), defaults.NOISE_BATCHES), defaults.NOISE_BATCHES_MAX))


def measure_now(prober: Prober, batch_size: int | None, num_batches: int = defaults.NOISE_BATCHES) -> NoiseScale | None:
    """B_simple of the model as it stands, over ``num_batches`` batches, no update (None when the batch cannot split)."""
    micro = micro_split(batch_size, prober.accumulate)
    if micro is None or prober.budget.exhausted():
        return None
    seed = prober.seed + 7919  # a fresh data order
    stream = checked(BatchStream(prober.workload.data, seed, prober.device).batches(), prober.workload.data, seed)
    try:
        noise = measure_at_init(prober.model, stream, prober.workload.loss_fn, micro, num_batches, stop=prober.budget.exhausted)
    except BadData:
        raise
    except (WarmfindError, ValueError):  # no usable estimate (e.g. non-finite gradients from finite data)
        return None
    prober.budget.steps += noise.samples
    return noise


def at_init_from_range_test(runs: list[ProbeRun], blowup_lr: float | None, batch_size: int | None,
                            epoch_batches: int | None = None,
                            fraction: float = defaults.NOISE_INIT_LR_FRACTION) -> NoiseScale | None:
    """B_simple at init from the range test's first steps, the ones under ``fraction`` x its blow-up LR
    (``noise_scale.init_window``): consecutive batches at weights that have barely moved, no extra step.

    The window ends after ``epoch_batches`` (the data's batches per pass, when known): a second pass over a list
    of batches repeats them, and a repeated batch is not an independent sample. None when there is no range test
    with a gradient sum, fewer than NOISE_INIT_MIN_STEPS such steps, or no batch size.
    """
    sweep = next((r for r in runs if r.label == "range-test" and r.grad_sum_sq), None)
    if sweep is None or not batch_size:
        return None
    top = blowup_lr or sweep.lrs[-1]
    n = min(init_window(sweep.lrs, top, fraction), len(sweep.grad_sum_sq), epoch_batches or len(sweep.lrs))
    if n < defaults.NOISE_INIT_MIN_STEPS:
        return None
    try:
        return noise_from_sums([g * g for g in sweep.grad_norms[:n]], sweep.grad_sum_sq[:n], batch_size)
    except ValueError:  # non-finite gradients in the window
        return None


def along_probe(runs: list[ProbeRun], peak_lr: float, batch_size: int | None, parts: int) -> NoiseScale | None:
    """B_simple along the longest probe run at the chosen peak, from the norms it recorded per step.

    Only runs split into ``parts`` (micro-batches under ``--accumulate``, times ranks under torchrun)
    record a small-batch norm; others give None.
    """
    at_peak = [r for r in runs if r.small_batch_sq and math.isclose(r.peak_lr, peak_lr, rel_tol=1e-6)]
    if not at_peak or not batch_size or parts < 2:
        return None
    try:
        return noise_from_probe(max(at_peak, key=lambda r: r.steps), batch_size // parts, batch_size)
    except WarmfindError:
        return None


def noise_block(
    at_init: NoiseScale | None, at_peak: NoiseScale | None, batch_size: int | None, peak_lr: float | None,
    along: NoiseScale | None = None, warmup_steps: int | None = None,
) -> dict[str, Any] | None:
    """The recipe's ``evidence.gradient_noise_scale``: every measurement, the regime, and the batch table (peak LR
    and warmup steps at other batch sizes, ``noise_scale.batch_table``).

    The noise scale used is the first *measured* one of: at the peak LR, along the probe, at init. When none is
    measured, ``b_noise_used`` is None, the regime says so and there is no batch table.
    """
    if batch_size is None or (at_init is None and at_peak is None and along is None):
        return None
    use = next((n for n in (at_peak, along, at_init) if n is not None and n.measured), None)
    block: dict[str, Any] = {
        "batch_size": batch_size,
        "at_init": asdict(at_init) if at_init is not None else None,
        "at_peak_lr": asdict(at_peak) if at_peak is not None else None,
        "along_probe": asdict(along) if along is not None else None,
        "b_noise_used": use.b_simple if use is not None else None,
        "regime": regime(batch_size, use.b_simple) if use is not None else NOT_MEASURED,
    }
    if peak_lr is not None and use is not None:
        rows = batch_table(peak_lr, batch_size, use.b_simple, b_noise_stderr=use.stderr, warmup_steps=warmup_steps)
        block["batch_table"] = [asdict(r) for r in rows]
    return block


NOT_MEASURED = (f"B_simple not measured (infinite, undefined or looser than +-{defaults.TRUST_MAX_REL_STDERR:.0%}): "
                "no batch-size advice")


def noise_words(measurement: dict[str, Any] | None) -> str:
    """``161 (+-12)`` for a measured B_simple, else ``not measured`` with what was found (``inf``, ``+-140%``)."""
    if measurement and is_measured(measurement.get("b_simple"), measurement.get("stderr")):
        return f"{measurement['b_simple']:.3g} (+-{measurement['stderr']:.2g})"
    if not measurement:
        return "not measured"
    value, stderr = measurement.get("b_simple"), measurement.get("stderr")
    if isinstance(value, (int, float)) and 0 < value < math.inf and isinstance(stderr, (int, float)):
        return f"not measured ({value:.3g} +-{stderr / value:.0%})"
    return f"not measured ({value})"


def noise_line(block: dict[str, Any] | None) -> str | None:
    """One sentence for the recommendation's explanation."""
    if not block:
        return None
    init = block.get("at_init")
    text = f"gradient noise scale B_simple ~ {noise_words(init)} at init"
    if block.get("at_peak_lr"):
        text += f", {noise_words(block['at_peak_lr'])} after training at the peak LR"
    text = f"{text}; batch {block['batch_size']}: {block['regime']}"
    if block.get("b_noise_used") is None:
        return text
    if init and is_measured(init["b_simple"], init["stderr"]) and block["batch_size"] * defaults.REGIME_MARGIN <= init["b_simple"]:
        text += ("; early in training the batch is small against the noise scale, so mini-batch noise dominates "
                 "the first updates and the linear-scaling rule does not hold there (whether that needs a warmup is "
                 "what the probes above measured)")
    return f"{text}; {warmup_transfer_words(block['batch_size'], block['b_noise_used'])}"


def warmup_transfer_words(batch: int, b_noise: float) -> str:
    """How the warmup moves to another batch size under the rule of ``noise_scale.predicted_warmup``."""
    rule = "at another batch size the warmup's steps scale as (1 + B_simple/B)"
    if not math.isfinite(b_noise) or batch * defaults.REGIME_MARGIN <= b_noise:
        return f"{rule}: here that keeps its examples (steps x B/B'), see batch_table"
    if batch >= defaults.REGIME_MARGIN * b_noise:
        return f"{rule}: here that keeps its steps, see batch_table"
    return f"{rule}: between the same examples and the same steps here, see batch_table"
