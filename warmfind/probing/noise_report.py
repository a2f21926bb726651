"""The gradient-noise-scale evidence of a recipe: B_simple at init and at the chosen LR, and a batch-size table."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from warmfind import defaults
from warmfind.analysis.noise_scale import NoiseScale, batch_table, regime
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
    """The recipe's ``evidence.gradient_noise_scale``: both measurements, the regime, and the batch table
    (peak LR and warmup steps at other batch sizes, ``noise_scale.batch_table``)."""
    if at_init is None or batch_size is None:
        return None
    use = at_peak if at_peak is not None and math.isfinite(at_peak.b_simple) else at_init
    block: dict[str, Any] = {
        "batch_size": batch_size,
        "at_init": asdict(at_init),
        "at_peak_lr": asdict(at_peak) if at_peak is not None else None,
        "along_probe": asdict(along) if along is not None else None,
        "b_noise_used": use.b_simple,
        "regime": regime(batch_size, use.b_simple) if math.isfinite(use.b_simple) else "noise swamps the gradient",
    }
    if peak_lr is not None:
        rows = batch_table(peak_lr, batch_size, use.b_simple, b_noise_stderr=use.stderr, warmup_steps=warmup_steps)
        block["batch_table"] = [asdict(r) for r in rows]
    return block


def noise_line(block: dict[str, Any] | None) -> str | None:
    """One sentence for the recommendation's explanation."""
    if not block:
        return None
    init = block["at_init"]
    text = f"gradient noise scale B_simple ~ {init['b_simple']:.3g} (+-{init['stderr']:.2g}) at init"
    if block["at_peak_lr"]:
        text += f", {block['at_peak_lr']['b_simple']:.3g} after training at the peak LR"
    text = f"{text}; batch {block['batch_size']}: {block['regime']}"
    if math.isfinite(init["b_simple"]) and block["batch_size"] * defaults.REGIME_MARGIN <= init["b_simple"]:
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
