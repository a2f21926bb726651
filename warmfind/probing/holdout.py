"""What ranks the probes: the factory's ``eval_data``, held-back batches (``--holdout``), or a fixed training sample.

With no ``eval_data``, every probe is scored by its final weights' mean loss on one fixed sample of the training data
(TRAINING_SAMPLE_BATCHES batches drawn once, before any probe): the same batches for every candidate, measured at the
end of the run. The mean training loss of a probe's last steps, ranked before, averaged a cooldown probe's whole decay,
which favours smaller LRs (a larger LR's loss is higher at the start of its cooldown and falls most during it): on the
suite's tune half with no eval_data, median regret +3.0% -> +1.2%, picks 0.86x -> 0.95x the best LR, search regret
worst +30% -> +13% (docs/suite.md). The sample is training data, so it cannot see over-fitting.

``--holdout`` instead holds back HOLDOUT_FRACTION of a finite dataset that probes never train on. It is opt-in because
on the suite's tune half (4 small-data workloads probed with no eval_data) ranking *probes* on a 10% or 25% held-back
slice did worse than training loss (median +38% / +34% vs +21%): a few dozen held-back examples are too noisy to rank
short probes by (docs/suite.md). Streams and one-shot iterators cannot be split and fall back to the training sample.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import torch
from torch.utils.data import (
    BatchSampler,
    DataLoader,
    IterableDataset,
    RandomSampler,
    SequentialSampler,
    Subset,
)

from warmfind import defaults
from warmfind.analysis.runs import HELD_OUT
from warmfind.probing.batches import BatchStream, data_length, nbytes
from warmfind.probing.workload import Workload

SAMPLE_SEED_OFFSET = 7919  # the sample is drawn in another order than the probes' batches (a prime, nothing more)


@dataclass(frozen=True)
class Ranking:
    """What the probes are ranked by, for the recipe: ``eval_data``, ``held-back`` or ``training-loss``."""

    by: str
    detail: str
    score: str = HELD_OUT  # the words for the number probes are ranked by, in logs and explanations


def hold_out(workload: Workload, enabled: bool = True, fraction: float | None = None,
             seed: int = 0, use_eval_data: bool = True) -> tuple[Workload, Ranking]:
    """The workload the probes train on, and what ranks them (held-back data replaces none only when it can);
    ``use_eval_data`` False (``--no-eval-data``) ranks as if the factory gave no eval_data."""
    if workload.eval_data is not None and use_eval_data:
        return workload, Ranking("eval_data", "the factory's eval_data")
    none = "no eval_data" if workload.eval_data is None else "eval_data ignored (--no-eval-data)"
    workload = replace(workload, eval_data=None)
    if not enabled:
        return training_sample(workload, seed, f"{none}; --holdout would hold back 10% of a finite dataset "
                                               "instead, see docs/suite.md for when it helps")
    fraction = defaults.HOLDOUT_FRACTION if fraction is None else fraction
    split = split_off(workload.data, fraction, seed)
    if isinstance(split, str):
        return training_sample(workload, seed, f"nothing held back: {split}")
    train, held, detail = split
    return replace(workload, data=train, eval_data=held), Ranking("held-back", detail)


def training_sample(workload: Workload, seed: int, why: str) -> tuple[Workload, Ranking]:
    """The workload with a fixed sample of its own training batches as the data probes are scored on (kept on the
    CPU: TRAINING_SAMPLE_BATCHES batches, fewer when the data has fewer or they pass TRAINING_SAMPLE_MAX_MB)."""
    drawn = BatchStream(workload.data, seed + SAMPLE_SEED_OFFSET, torch.device("cpu")).batches()  # off the accelerator
    limit = min(defaults.TRAINING_SAMPLE_BATCHES, data_length(workload.data) or defaults.TRAINING_SAMPLE_BATCHES)
    sample: list[Any] = []
    size = 0
    for batch in itertools.islice(drawn, limit):
        size += nbytes(batch)
        if sample and size > defaults.TRAINING_SAMPLE_MAX_MB * 2**20:
            break
        sample.append(batch)
    detail = (f"the final weights' mean loss on a fixed sample of {len(sample)} training batches, the same for every "
              f"probe ({why})")
    return replace(workload, eval_data=sample), Ranking("training-sample", detail, "training-sample loss")


def split_off(data: Iterable[Any], fraction: float, seed: int = 0) -> tuple[Any, Any, str] | str:
    """``(train, held, detail)`` with about ``fraction`` of ``data`` held back, or why it cannot be split."""
    if isinstance(data, DataLoader):
        return _split_loader(data, fraction, seed)
    if isinstance(data, Sequence) and not isinstance(data, (str, bytes)):
        return _split_batches(data, fraction)
    return ("the data is not a DataLoader over a dataset or a list of batches (a stream, a generator or a custom "
            "iterable), so warmfind cannot set examples aside")


def _split_loader(loader: DataLoader, fraction: float, seed: int) -> tuple[Any, Any, str] | str:
    dataset = loader.dataset
    if isinstance(dataset, IterableDataset) or not hasattr(dataset, "__len__"):
        return "the DataLoader's dataset is iterable, with no length"
    sampler = loader.batch_sampler.sampler if isinstance(loader.batch_sampler, BatchSampler) else None
    if type(sampler) not in (RandomSampler, SequentialSampler) or getattr(sampler, "replacement", False):
        return "the DataLoader has its own sampler, which warmfind will not rebuild"
    size = len(dataset)  # type: ignore[arg-type]
    batch = loader.batch_size or 1
    if size < defaults.HOLDOUT_MIN_BATCHES * batch:
        return f"{size} examples are fewer than {defaults.HOLDOUT_MIN_BATCHES} batches of {batch}: too few to spare any"
    held_n = min(max(batch, round(fraction * size)), defaults.HOLDOUT_MAX_BATCHES * batch)
    shuffled = isinstance(sampler, RandomSampler)
    # a shuffled loader gives up a random part; a sequential one its tail, so that batch i of the training part
    # is still batch i of the user's loader (an error naming a batch names the right one)
    order = torch.randperm(size, generator=torch.Generator().manual_seed(seed)).tolist() if shuffled else list(range(size))
    held_idx, train_idx = (sorted(order[:held_n]), sorted(order[held_n:])) if shuffled else (order[size - held_n:], order[:size - held_n])
    same = {"collate_fn": loader.collate_fn, "num_workers": loader.num_workers, "pin_memory": loader.pin_memory}
    train = DataLoader(Subset(dataset, train_idx), batch_size=batch, shuffle=shuffled,
                       drop_last=loader.drop_last, **same)
    held = DataLoader(Subset(dataset, held_idx), batch_size=batch, shuffle=False, **same)
    how = f"at random (seed {seed})" if shuffled else "from the end"
    return train, held, f"{held_n} of {size} examples ({held_n / size:.0%}) held back {how}; probes never train on them"


def _split_batches(batches: Sequence[Any], fraction: float) -> tuple[Any, Any, str] | str:
    n = len(batches)
    if n < defaults.HOLDOUT_MIN_BATCHES:
        return f"{n} batches are fewer than {defaults.HOLDOUT_MIN_BATCHES}: too few to spare any"
    k = min(max(1, round(fraction * n)), defaults.HOLDOUT_MAX_BATCHES)
    # the last k, the usual place of a validation split: batch i of the training part is still batch i of the
    # user's list, so an error naming a batch names the right one
    return (list(batches[: n - k]), list(batches[n - k:]),
            f"the last {k} of {n} batches ({k / n:.0%}) held back; probes never train on them")
