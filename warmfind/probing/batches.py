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


def nbytes(value: Any) -> int:
    """Bytes of every tensor inside a (nested) batch or state dict."""
    if isinstance(value, torch.Tensor):
        return value.numel() * value.element_size()
    if isinstance(value, dict):
        return sum(nbytes(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return sum(nbytes(v) for v in value)
    return 0


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


def non_finite_parts(batch: Any) -> list[str]:
    """The parts of a batch whose floating-point tensors hold NaN or inf: 'inputs'/'targets' of an ``(x, y)``
    batch, the keys of a dict batch, 'element i' of longer tuples, 'the batch' for a bare tensor."""
    def bad(value: Any) -> bool:
        if isinstance(value, torch.Tensor):
            return value.is_floating_point() and not bool(torch.isfinite(value).all())
        if isinstance(value, dict):
            return any(bad(v) for v in value.values())
        if isinstance(value, (tuple, list)):
            return any(bad(v) for v in value)
        return False

    if isinstance(batch, dict):
        return [str(k) for k, v in batch.items() if bad(v)]
    if isinstance(batch, (tuple, list)):
        names = ["inputs", "targets"] if len(batch) == 2 else [f"element {i}" for i in range(len(batch))]
        return [name for name, v in zip(names, batch) if bad(v)]
    return ["the batch"] if bad(batch) else []


class BadData(WarmfindError):
    """Broken input, not an unstable LR (exit 2): a batch holding NaN or inf, or a loss non-finite before any update."""

    def __init__(self, where: str, parts: list[str]) -> None:
        """``where`` the batch is and which ``parts`` are non-finite; with no parts, ``where`` is the whole message."""
        super().__init__(f"{where} has non-finite {' and '.join(parts)} (NaN or inf): fix or filter the data; "
                         "warmfind cannot tell an unstable LR from broken data" if parts else where)
        self.run: Any = None  # the probe run it broke, when there was one (for the partial recipe)


def bad_data(data: Any, index: int, parts: list[str], seed: int) -> BadData:
    """The error for the ``index``-th batch of warmfind's stream over ``data`` (seeded ``seed``), located the way the
    user can find it: the position in a list of batches, else the batch of the epoch in warmfind's data order."""
    if isinstance(data, Sequence) and not isinstance(data, (str, bytes)):
        position = next((i for i, batch in enumerate(data) if non_finite_parts(batch)), None)
        if position is not None:
            return BadData(f"batch {position} of the data (a list of {len(data)} batches)", parts)
    length = data_length(data)
    where = f"batch {index % length} of epoch {index // length}" if length else f"batch {index}"
    return BadData(f"{where} of the data as warmfind draws it (data seed {seed})", parts)


def checked(batches: Iterable[Any], data: Any, seed: int) -> Iterator[Any]:
    """``batches`` (warmfind's stream over ``data``) as they are, raising BadData at the first non-finite one."""
    for index, batch in enumerate(batches):
        parts = non_finite_parts(batch)
        if parts:
            raise bad_data(data, index, parts, seed)
        yield batch


def data_length(data: Any) -> int | None:
    """Batches per pass of ``data``, when it knows (``len``)."""
    try:
        return len(data)
    except TypeError:
        return None
