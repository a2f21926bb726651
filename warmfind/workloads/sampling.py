"""Batches drawn at random on every pass, like a shuffling DataLoader: the torch RNG decides their order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import torch


class RandomBatches:
    """An iterable of ``num_batches`` batches per pass, each made by ``draw(generator)`` from the torch RNG.

    Seeding torch before ``iter()`` repeats a pass exactly, which is how warmfind gives every probe run the
    same sequence of batches; another seed gives another order.
    """

    def __init__(self, draw: Callable[[torch.Generator], Any], num_batches: int) -> None:
        self.draw = draw
        self.num_batches = num_batches

    def __len__(self) -> int:
        return self.num_batches

    def __iter__(self) -> Iterator[Any]:
        gen = torch.Generator().manual_seed(int(torch.randint(0, 2**62, ()).item()))
        for _ in range(self.num_batches):
            yield self.draw(gen)


def fixed_batches(draw: Callable[[torch.Generator], Any], num_batches: int, seed: int) -> list[Any]:
    """A fixed list of batches (held-out data): the same whatever the global RNG does."""
    gen = torch.Generator().manual_seed(seed)
    return [draw(gen) for _ in range(num_batches)]
