"""The torch side of the gradient noise scale: squared gradient norms at two batch sizes, at init or from a probe."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from typing import Any

import torch
from torch import nn

from warmfind import defaults
from warmfind.analysis.noise_scale import NoiseScale, estimate_noise_scale
from warmfind.analysis.runs import ProbeRun
from warmfind.errors import WarmfindError
from warmfind.probing.batches import batch_size_of, split_batch, to_device
from warmfind.probing.workload import LossFn


def micro_batch_grad_sq(
    model: nn.Module, batches: Iterable[Any], loss_fn: LossFn, micro: int, num_batches: int,
    stop: Callable[[], bool] | None = None,
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per batch: the mean of ``|g_k|^2`` over its ``micro`` micro-batches, and ``|mean_k g_k|^2`` of the whole batch.

    ``stop`` is asked every NOISE_BATCHES batches, once that many are in: True ends the measurement there
    (a probe budget running out), with fewer than ``num_batches`` batches.

    No optimizer step is taken: parameters are unchanged, buffers (BatchNorm statistics) are restored, and
    ``.grad`` goes back to what it was (``None`` normally). The model runs in train mode (dropout on), as in training, and goes back to its
    previous mode afterwards. ``loss_fn`` must average over the examples of its batch, so that the whole
    batch's gradient is the mean of the equal-sized micro-batches' gradients.
    """
    if micro < 2:
        raise WarmfindError(f"the noise scale needs at least 2 micro-batches per batch, got {micro}")
    if num_batches < 1:
        raise WarmfindError(f"the noise scale needs at least 1 batch, got {num_batches}")
    params = [p for p in model.parameters() if p.requires_grad]
    if not params:
        raise WarmfindError("the model has no parameters that require grad")
    device = params[0].device
    was_training = model.training
    buffers = [b.detach().clone() for b in model.buffers()]
    saved_grads = [p.grad for p in params]
    small: list[torch.Tensor] = []
    big: list[torch.Tensor] = []
    model.train()
    try:
        for batch in itertools.islice(batches, num_batches):
            if stop is not None and small and len(small) % defaults.NOISE_BATCHES == 0 and stop():
                break
            parts = split_batch(to_device(batch, device), micro)
            total = [torch.zeros_like(p) for p in params]  # running mean of the micro-batch gradients
            part_sq = []
            for part in parts:
                for p in params:
                    p.grad = None
                loss_fn(model, part).backward()
                grads = [p.grad if p.grad is not None else torch.zeros_like(p) for p in params]
                part_sq.append(_sq_norm(grads))
                torch._foreach_add_(total, grads, alpha=1.0 / len(parts))
            small.append(torch.stack(part_sq).mean())
            big.append(_sq_norm(total))
    finally:
        for p, grad in zip(params, saved_grads):
            p.grad = grad  # None unless the caller had gradients of its own
        with torch.no_grad():
            for b, kept in zip(model.buffers(), buffers):
                b.copy_(kept)
        model.train(was_training)
    if len(small) < (num_batches if stop is None else min(num_batches, defaults.NOISE_BATCHES)):
        raise WarmfindError(f"the data yielded {len(small)} batches; the noise scale asked for {num_batches}")
    return tuple(torch.stack(small).tolist()), tuple(torch.stack(big).tolist())


def measure_at_init(
    model: nn.Module, batches: Iterable[Any], loss_fn: LossFn, micro: int, num_batches: int,
    stop: Callable[[], bool] | None = None,
) -> NoiseScale:
    """B_simple of ``model`` as it stands (no update), from ``num_batches`` batches each split ``micro`` ways
    (fewer when ``stop`` says so, see ``micro_batch_grad_sq``).

    The small batch is one micro-batch (``B/micro`` examples; its ``|g|^2`` averaged over all ``micro`` of them),
    the big batch the whole batch ``B``. Batches should be drawn at random, as in training; batches of another
    size than the first (a short last batch) are skipped.
    """
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        raise WarmfindError("the data yielded no batches")
    size = _batch_size(first)
    if size % micro:
        raise WarmfindError(f"a batch of {size} cannot be split into {micro} equal micro-batches")
    same_size = (b for b in itertools.chain([first], batches) if _batch_size(b) == size)  # skip a short last batch
    small, big = micro_batch_grad_sq(model, same_size, loss_fn, micro, num_batches, stop)
    return estimate_noise_scale(small, big, size // micro, size)


def noise_from_probe(run: ProbeRun, b_small: int, b_big: int, ema_beta: float | None = defaults.NOISE_EMA_BETA) -> NoiseScale:
    """B_simple along a probe run from the norms its loop recorded under gradient accumulation (``--accumulate >= 2``).

    The small batch is the first micro-batch of each step, the big one the whole step's batch. The EMA weighs
    the latest steps most, because the noise scale drifts as the loss falls. Steps whose norms are not finite
    (a diverging run) are left out.
    """
    if not run.small_batch_sq or not run.big_batch_sq:
        raise WarmfindError(f"the {run.label!r} run recorded no micro-batch gradients: the noise scale needs --accumulate >= 2")
    pairs = [(s, g) for s, g in zip(run.small_batch_sq, run.big_batch_sq) if math.isfinite(s) and math.isfinite(g)]
    if not pairs:
        raise WarmfindError(f"the {run.label!r} run recorded no finite gradient norms")
    small, big = zip(*pairs)
    return estimate_noise_scale(small, big, b_small, b_big, ema_beta=ema_beta)


def _sq_norm(tensors: list[torch.Tensor]) -> torch.Tensor:
    return (torch.stack(torch._foreach_norm(tensors)).double() ** 2).sum()


def _batch_size(batch: Any) -> int:
    size = batch_size_of(batch)
    if size is None:
        raise WarmfindError(f"cannot find the batch size of a {type(batch).__name__} batch")
    return size
