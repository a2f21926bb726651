"""Data-parallel probes under ``torchrun``: each rank trains on its slice of every batch, gradients are averaged.

Every rank loads the same data and takes slice ``rank`` of each global batch, so N processes see exactly the
batches one process would (same global batch, same order) and every rank holds the same averaged gradient,
the same losses and so takes the same decisions. The per-rank gradient before the all-reduce is the
small batch of the noise-scale estimate, the averaged one the big batch (McCandlish et al. 2018).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import torch
import torch.distributed as dist

from warmfind.errors import WarmfindError
from warmfind.probing.batches import split_batch

TIMEOUT_SECONDS = 120  # a rank stuck this long in a collective ends with an error instead of hanging forever


@dataclass(frozen=True)
class Group:
    """This process's place in the data-parallel job."""

    rank: int
    world: int
    local_rank: int


def launched_by_torchrun() -> bool:
    return int(os.environ.get("WORLD_SIZE", "1")) > 1


def launch(nproc: int, argv: list[str]) -> int:
    """Re-run this command under ``torchrun --standalone --nproc_per_node nproc`` (``--nproc`` removed)."""
    import subprocess
    import sys

    args, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--nproc":
            skip = True
        elif not arg.startswith("--nproc="):
            args.append(arg)
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", str(nproc), "-m", "warmfind", *args]
    return subprocess.call(command)


def is_main_process() -> bool:
    """True outside torchrun, and on rank 0 inside it: only that process prints and writes."""
    return int(os.environ.get("RANK", "0")) == 0


def join(device: torch.device) -> tuple[Group | None, torch.device]:
    """Join the torchrun job (gloo on CPU, NCCL on CUDA); returns None and the device outside torchrun."""
    if not launched_by_torchrun():
        return None, device
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if device.type == "cuda":
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
    backend = "nccl" if device.type == "cuda" else "gloo"
    if not dist.is_initialized():
        dist.init_process_group(backend, timeout=timedelta(seconds=TIMEOUT_SECONDS))
    return Group(dist.get_rank(), dist.get_world_size(), local_rank), device


def local_slice(batch: Any, group: Group) -> Any:
    """This rank's share of a global batch (split along dim 0 into ``world`` equal parts)."""
    try:
        return split_batch(batch, group.world)[group.rank]
    except WarmfindError as exc:
        raise WarmfindError(f"{exc} (one slice per process under torchrun)") from None


def average_gradients(params: Sequence[torch.Tensor], world: int) -> None:
    """All-reduce the gradients in one flat buffer and divide by ``world``."""
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return
    flat = torch.cat([g.reshape(-1) for g in grads])
    dist.all_reduce(flat)
    flat /= world
    offset = 0
    for g in grads:
        g.copy_(flat[offset : offset + g.numel()].view_as(g))
        offset += g.numel()


def average(value: torch.Tensor, world: int) -> torch.Tensor:
    """The mean of a tensor over all ranks."""
    out = value.clone()
    dist.all_reduce(out)
    return out / world


def any_rank(flag: bool, device: torch.device) -> bool:
    """True on every rank when it is true on any rank (so a time budget stops all ranks at the same step)."""
    t = torch.tensor([1.0 if flag else 0.0], device=device)
    dist.all_reduce(t, op=dist.ReduceOp.MAX)
    return bool(t.item())


def broadcast_parameters(model: torch.nn.Module) -> None:
    """Start every rank from rank 0's weights and buffers, whatever each factory call built."""
    for tensor in list(model.parameters()) + list(model.buffers()):
        dist.broadcast(tensor.data, src=0)


def leave() -> None:
    if dist.is_initialized():
        dist.destroy_process_group()
