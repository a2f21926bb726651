"""Probe start states: model, optimizer and RNG state at a step, kept in CPU memory or in a file, never on the accelerator."""

from __future__ import annotations

import itertools
import os
import tempfile
from dataclasses import dataclass
from typing import Any

import torch

from warmfind.errors import WarmfindError
from warmfind.probing.batches import nbytes

SNAPSHOT_PLACES = ("memory", "disk")


@dataclass(frozen=True)
class Snapshot:
    """Model, optimizer and RNG state at some step, kept on CPU (or in a file) so it never costs accelerator memory."""

    step: int
    model_state: dict[str, Any]  # empty when the state lives in ``path``
    optimizer_state: dict[str, Any] | None
    rng_state: torch.Tensor
    cuda_rng_state: list[torch.Tensor] | None
    path: str | None = None  # with --snapshot disk: the torch.save file holding model and optimizer state
    nbytes: int = 0  # size of the model and optimizer tensors it holds


class SnapshotStore:
    """Takes and reads back snapshots in one place (``memory`` or ``disk``), tracking the largest one's size."""

    def __init__(self, place: str = "memory") -> None:
        if place not in SNAPSHOT_PLACES:
            raise WarmfindError(f"unknown snapshot place {place!r}; choose memory or disk")
        self.directory = tempfile.TemporaryDirectory(prefix="warmfind-snapshots-") if place == "disk" else None
        self._ids = itertools.count()
        self.largest_bytes = 0  # the largest snapshot taken, for the recipe's cost block

    def take(self, model: torch.nn.Module, optimizer: torch.optim.Optimizer | None, step: int,
             device: torch.device) -> Snapshot:
        """The state at ``step``: one copy of model and optimizer state, on CPU or (disk) in a file."""
        cuda = torch.cuda.get_rng_state_all() if torch.cuda.is_available() and device.type == "cuda" else None
        rng = torch.get_rng_state()
        if self.directory is not None:  # straight from the device to the file: no host copy of the whole state
            model_state = {k: v.detach() for k, v in model.state_dict().items()}
            opt_state = optimizer.state_dict() if optimizer is not None else None
            size = nbytes(model_state) + nbytes(opt_state)
            path = os.path.join(self.directory.name, f"step{step}-{next(self._ids)}.pt")
            torch.save({"model": model_state, "optimizer": opt_state}, path)
            self.largest_bytes = max(self.largest_bytes, size)
            return Snapshot(step, {}, None, rng, cuda, path=path, nbytes=size)
        model_state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
        opt_state = _to_cpu(optimizer.state_dict()) if optimizer is not None else None  # _to_cpu copies every tensor
        size = nbytes(model_state) + nbytes(opt_state)
        self.largest_bytes = max(self.largest_bytes, size)
        return Snapshot(step, model_state, opt_state, rng, cuda, nbytes=size)

    @staticmethod
    def states(snap: Snapshot) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The snapshot's model and optimizer state dicts (read from its file when it has one)."""
        if snap.path is None:
            return snap.model_state, snap.optimizer_state
        saved = torch.load(snap.path, map_location="cpu", weights_only=False)  # our own file: any optimizer state
        return saved["model"], saved["optimizer"]

    @staticmethod
    def restore_rng(snap: Snapshot) -> None:
        torch.set_rng_state(snap.rng_state)
        if snap.cuda_rng_state is not None:
            torch.cuda.set_rng_state_all(snap.cuda_rng_state)


def _to_cpu(state: Any) -> Any:
    if isinstance(state, torch.Tensor):
        return state.detach().to("cpu", copy=True)
    if isinstance(state, dict):
        return {k: _to_cpu(v) for k, v in state.items()}
    if isinstance(state, list):
        return [_to_cpu(v) for v in state]
    return state
