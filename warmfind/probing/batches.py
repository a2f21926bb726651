"""The same sequence of batches for every probe run: re-iterate the user's data under a fixed seed."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import torch

from warmfind.errors import WarmfindError


class BatchStream:
    """An endless, reproducible batch sequence: ``BatchStream(data, seed)`` always yields the same batches.

    ``data`` must be re-iterable (DataLoader, list, ``Replayable``); it is iterated again for every run,
    with the torch RNG seeded from ``seed`` while the iterator is created and its first batch drawn, so a
    shuffling DataLoader repeats its order and a different seed gives another order. When the data runs
    out it starts again (a new epoch, with the next seed).
    """

    def __init__(self, data: Iterable[Any], seed: int = 0, device: torch.device | None = None) -> None:
        self.data = data
        self.seed = seed
        self.device = device

    def batches(self) -> Iterator[Any]:
        """A fresh pass over the stream from its first batch."""
        epoch = 0
        while True:
            produced = 0
            for batch in self._epoch(epoch):
                produced += 1
                yield to_device(batch, self.device)
            if produced == 0:
                raise WarmfindError("the data loader yielded no batches" if epoch == 0 else "the data loader is exhausted after one pass and cannot be re-iterated")
            epoch += 1

    def _epoch(self, epoch: int) -> Iterator[Any]:
        order_seed = self.seed * 1_000_003 + epoch
        if isinstance(self.data, Sequence) and not isinstance(self.data, (str, bytes)) and self.seed:
            order = list(range(len(self.data)))
            random.Random(order_seed).shuffle(order)
            return (self.data[i] for i in order)
        return _seeded_iteration(self.data, order_seed)



class Replayable:
    """Makes a one-shot iterator re-iterable by caching the batches it has produced (kept in memory)."""

    def __init__(self, iterator: Iterator[Any]) -> None:
        self.iterator = iterator
        self.cache: list[Any] = []
        self.complete = False

    def __iter__(self) -> Iterator[Any]:
        yield from self.cache
        if self.complete:
            return
        for batch in self.iterator:
            self.cache.append(batch)
            yield batch
        self.complete = True


def _seeded_iteration(data: Iterable[Any], seed: int) -> Iterator[Any]:
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        iterator = iter(data)
        try:
            first = next(iterator)  # samplers draw their seed lazily, at the first batch
        except StopIteration:
            return
    yield first
    yield from iterator


def to_device(batch: Any, device: torch.device | None) -> Any:
    """Move every tensor inside a batch (tuple, list, dict, or objects with ``.to``) to ``device``."""
    if device is None:
        return batch
    if isinstance(batch, torch.Tensor):
        return batch.to(device, non_blocking=True)
    if isinstance(batch, dict):
        return {k: to_device(v, device) for k, v in batch.items()}
    if isinstance(batch, (tuple, list)):
        return type(batch)(to_device(v, device) for v in batch)
    if hasattr(batch, "to") and callable(batch.to):
        return batch.to(device)
    return batch


def batch_size_of(batch: Any) -> int | None:
    """Leading dimension of the first tensor in the batch (None when there is no tensor)."""
    shape = batch_shape(batch)
    return shape[0][0] if shape and shape[0] else None


def batch_shape(batch: Any) -> list[list[int]]:
    """Shapes of the tensors in a batch, in order: the part of the fingerprint that describes the data."""
    if isinstance(batch, torch.Tensor):
        return [list(batch.shape)]
    if isinstance(batch, dict):
        return [s for k in sorted(batch) for s in batch_shape(batch[k])]
    if isinstance(batch, (tuple, list)):
        return [s for v in batch for s in batch_shape(v)]
    return []


def split_batch(batch: Any, parts: int) -> list[Any]:
    """Split a batch into ``parts`` micro-batches along dim 0 (for gradient accumulation)."""
    if parts <= 1:
        return [batch]
    if isinstance(batch, torch.Tensor):
        chunks = list(batch.chunk(parts))
        if len(chunks) != parts:
            raise WarmfindError(f"a batch of {batch.shape[0]} cannot be split into {parts} micro-batches")
        return chunks
    if isinstance(batch, dict):
        split = {k: split_batch(v, parts) if isinstance(v, torch.Tensor) else [v] * parts for k, v in batch.items()}
        return [{k: v[i] for k, v in split.items()} for i in range(parts)]
    if isinstance(batch, (tuple, list)):
        columns = [split_batch(v, parts) if isinstance(v, torch.Tensor) else [v] * parts for v in batch]
        return [type(batch)(col[i] for col in columns) for i in range(parts)]
    raise WarmfindError(f"cannot split a {type(batch).__name__} batch for --accumulate")
