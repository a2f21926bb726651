"""The torch layer: short training runs of the user's model from one exact snapshot, recorded step by step."""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import torch

from warmfind import defaults
from warmfind.batches import BatchStream, split_batch
from warmfind.distributed import (
    Group,
    any_rank,
    average,
    average_gradients,
    broadcast_parameters,
    local_slice,
)
from warmfind.errors import WarmfindError
from warmfind.runs import ProbeRun
from warmfind.step_stats import StepRecorder, grad_sq, module_groups
from warmfind.workload import Workload

PRECISIONS = {"fp32": None, "bf16": torch.bfloat16, "fp16": torch.float16}
SNAPSHOT_PLACES = ("memory", "disk")


@dataclass
class Budget:
    """Hard caps on the whole probe's cost, shared by every run."""

    max_steps: int | None = None
    max_seconds: float | None = None
    steps: int = 0
    started: float = field(default_factory=time.monotonic)

    def exhausted(self) -> bool:
        if self.max_steps is not None and self.steps >= self.max_steps:
            return True
        return self.max_seconds is not None and time.monotonic() - self.started >= self.max_seconds

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


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


class ProbeInterrupted(Exception):
    """Ctrl-C during a run; carries the steps measured so far."""

    def __init__(self, run: ProbeRun) -> None:
        super().__init__("interrupted")
        self.run = run


StepCallback = Callable[[str, int, int, float], None]  # (label, step, planned_steps, loss) -> None


class Prober:
    """Runs probe runs of one workload; every run starts from the same snapshot unless told otherwise.

    Per step it records the loss and the global gradient norm; the per-module update-to-weight ratio costs a
    parameter copy, so it is measured on a run's first step and every ``ratio_every``-th step after it, and
    the steps between repeat the last measurement. Nothing is read back to the host until a sync.
    """

    def __init__(
        self,
        workload: Workload,
        device: torch.device,
        precision: str = "fp32",
        accumulate: int = 1,
        budget: Budget | None = None,
        seed: int = 0,
        on_step: StepCallback | None = None,
        sync_every: int = 10,
        ratio_every: int = defaults.UPDATE_RATIO_EVERY,
        compile: bool = False,
        channels_last: bool = False,
        snapshot: str = "memory",
        group: Group | None = None,
    ) -> None:
        if precision not in PRECISIONS:
            raise WarmfindError(f"unknown precision {precision!r}; choose fp32, bf16 or fp16")
        if precision == "fp16" and device.type != "cuda":
            raise WarmfindError("--precision fp16 needs a CUDA device (use bf16 on CPU)")
        if snapshot not in SNAPSHOT_PLACES:
            raise WarmfindError(f"unknown snapshot place {snapshot!r}; choose memory or disk")
        if ratio_every < 1:
            raise WarmfindError("ratio_every must be at least 1")
        self.workload = workload
        self.model = workload.model.to(device)
        self.group = group  # data-parallel under torchrun: this rank trains on its slice of every batch
        if group is not None:
            broadcast_parameters(self.model)
        self.channels_last = channels_last
        if channels_last:  # NHWC convolutions: faster on tensor cores and oneDNN for most CNNs
            self.model = self.model.to(memory_format=torch.channels_last)  # type: ignore[call-overload]
        # The compiled wrapper shares the parameters; state_dict and eval go through the plain module.
        self.train_model: torch.nn.Module = torch.compile(self.model) if compile else self.model  # type: ignore[assignment]
        self.device = device
        self.autocast_dtype = PRECISIONS[precision]
        self.accumulate = accumulate
        self.budget = budget or Budget()
        self.seed = seed
        self.on_step = on_step
        self.sync_every = sync_every
        self.ratio_every = ratio_every
        self.params = [p for p in self.model.parameters() if p.requires_grad]
        self.param_values = [p.detach() for p in self.params]  # views of the same storage, outside autograd
        self.layer_names, self.layer_index = module_groups(self.model)
        self.snapshot_dir = tempfile.TemporaryDirectory(prefix="warmfind-snapshots-") if snapshot == "disk" else None
        self._snapshot_ids = itertools.count()
        self.snapshot_bytes = 0  # the largest snapshot taken, for the recipe's cost block
        torch.manual_seed(seed)
        self.group_ratios = self._group_ratios()
        self.initial = self.snapshot(None, step=0)
        self.check_first_loss()
        self.runs: list[ProbeRun] = []

    def _budget_spent(self) -> bool:
        """The budget check; under torchrun every rank stops at the same step when any rank's clock runs out."""
        spent = self.budget.exhausted()
        if self.group is not None and self.budget.max_seconds is not None:
            return any_rank(spent, self.device)
        return spent

    def check_first_loss(self) -> None:
        """Fail early, with a clear message, on a loss that is not a finite scalar with a gradient.

        Done once, on the first batch from the initial snapshot: every run starting there would compute
        the same loss, so the training steps themselves carry no such check (and no host sync for it).
        """
        batch = next(BatchStream(self.workload.data, self.seed, self.device).batches())
        try:
            with self._autocast():
                loss = self.workload.loss_fn(self.model, split_batch(batch, self.accumulate)[0])
        except WarmfindError:
            raise
        except Exception as exc:
            raise WarmfindError(f"the loss failed on the first batch: {type(exc).__name__}: {exc}") from exc
        _check_loss(loss)
        self.restore(self.initial)  # the forward pass may have moved BatchNorm statistics or the RNG

    # --- state --------------------------------------------------------------------------------------
    def _group_ratios(self) -> list[float]:
        probe_lr = 1e-3
        optimizer = self.new_optimizer()
        return [g["lr"] / probe_lr for g in optimizer.param_groups]

    def new_optimizer(self) -> torch.optim.Optimizer:
        try:
            optimizer = self.workload.optimizer_factory(self.model.parameters(), lr=1e-3)
        except Exception as exc:
            raise WarmfindError(f"the optimizer factory raised {type(exc).__name__}: {exc}") from exc
        if not isinstance(optimizer, torch.optim.Optimizer):
            raise WarmfindError(f"the optimizer factory returned {type(optimizer).__name__}, not a torch.optim.Optimizer")
        return optimizer

    def optimizer_hparams(self) -> dict[str, Any]:
        """The first parameter group's hyper-parameters (lr excluded), for the recipe."""
        group = self.new_optimizer().param_groups[0]
        keep = {}
        for key, value in group.items():
            if key in ("params", "lr", "initial_lr") or value is None:
                continue
            if isinstance(value, (bool, int, float, str)) or (isinstance(value, tuple) and all(isinstance(v, (int, float)) for v in value)):
                keep[key] = list(value) if isinstance(value, tuple) else value
        keep["groups"] = len(self.group_ratios)
        return keep

    def snapshot(self, optimizer: torch.optim.Optimizer | None, step: int) -> Snapshot:
        """The state at ``step``: one copy of model and optimizer state, on CPU or (``snapshot="disk"``) in a file."""
        cuda = torch.cuda.get_rng_state_all() if torch.cuda.is_available() and self.device.type == "cuda" else None
        rng = torch.get_rng_state()
        if self.snapshot_dir is not None:  # straight from the device to the file: no host copy of the whole state
            model_state = {k: v.detach() for k, v in self.model.state_dict().items()}
            opt_state = optimizer.state_dict() if optimizer is not None else None
            nbytes = _nbytes(model_state) + _nbytes(opt_state)
            path = os.path.join(self.snapshot_dir.name, f"step{step}-{next(self._snapshot_ids)}.pt")
            torch.save({"model": model_state, "optimizer": opt_state}, path)
            self.snapshot_bytes = max(self.snapshot_bytes, nbytes)
            return Snapshot(step, {}, None, rng, cuda, path=path, nbytes=nbytes)
        model_state = {k: v.detach().to("cpu", copy=True) for k, v in self.model.state_dict().items()}
        opt_state = _to_cpu(optimizer.state_dict()) if optimizer is not None else None  # _to_cpu copies every tensor
        nbytes = _nbytes(model_state) + _nbytes(opt_state)
        self.snapshot_bytes = max(self.snapshot_bytes, nbytes)
        return Snapshot(step, model_state, opt_state, rng, cuda, nbytes=nbytes)

    def restore(self, snap: Snapshot) -> torch.optim.Optimizer:
        model_state, opt_state = snap.model_state, snap.optimizer_state
        if snap.path is not None:
            saved = torch.load(snap.path, map_location="cpu", weights_only=False)  # our own file: any optimizer state
            model_state, opt_state = saved["model"], saved["optimizer"]
        self.model.load_state_dict(model_state)
        optimizer = self.new_optimizer()
        if opt_state is not None:
            optimizer.load_state_dict(opt_state)
        torch.set_rng_state(snap.rng_state)
        if snap.cuda_rng_state is not None:
            torch.cuda.set_rng_state_all(snap.cuda_rng_state)
        return optimizer

    # --- one run ------------------------------------------------------------------------------------
    def run(
        self,
        lr_at: Callable[[int], float],
        steps: int,
        label: str,
        peak_lr: float,
        warmup_steps: int = 0,
        schedule: str = "linear-warmup-cosine",
        start: Snapshot | None = None,
        save_at: int | None = None,
        data_seed: int | None = None,
        stop_on_divergence: bool = True,
    ) -> tuple[ProbeRun, Snapshot | None]:
        """Train ``steps`` optimizer steps with LR ``lr_at(step)``; return the record and the state at ``save_at``.

        A run stops early when the loss is non-finite or BLOWUP_MULTIPLE x its first value (checked every
        ``sync_every`` steps so recording never forces a device sync per step), or when the budget is spent.
        """
        start = start or self.initial
        optimizer = self.restore(start)
        seed = self.seed if data_seed is None else data_seed
        batches = _skip(BatchStream(self.workload.data, seed, self.device).batches(), start.step)
        rec = StepRecorder(self.layer_index.to(self.device), len(self.layer_names))
        saved: Snapshot | None = None
        stopped: str | None = None
        began = time.monotonic()
        self.model.train()
        first_loss: float | None = None
        try:
            for step in range(start.step, steps):
                if save_at is not None and step == save_at:
                    saved = self.snapshot(optimizer, step)
                if self._budget_spent():
                    stopped = "budget"
                    break
                lr = lr_at(step)
                for group, ratio in zip(optimizer.param_groups, self.group_ratios):
                    group["lr"] = lr * ratio
                self._step(optimizer, next(batches), rec, measure_ratio=(step - start.step) % self.ratio_every == 0)
                rec.lrs.append(lr)
                self.budget.steps += 1
                if len(rec.losses) % self.sync_every == 0 or step == steps - 1:
                    rec.sync()
                    if first_loss is None:
                        first_loss = rec.host_losses[0]
                    if self.on_step is not None:
                        self.on_step(label, step + 1, steps, rec.host_losses[-1])
                    if stop_on_divergence and _blew_up(rec.host_losses, first_loss):
                        stopped = "diverged"
                        break
        except KeyboardInterrupt:
            raise ProbeInterrupted(self._record(rec, label, peak_lr, warmup_steps, steps, schedule, "interrupted", began, seed)) from None
        run = self._record(rec, label, peak_lr, warmup_steps, steps, schedule, stopped, began, seed)
        if self.workload.eval_data is not None and stopped is None:
            run = _with_eval(run, self.evaluate())
        self.runs.append(run)
        return run, saved

    def _step(self, optimizer: torch.optim.Optimizer, batch: Any, rec: StepRecorder, measure_ratio: bool = True) -> None:
        """One optimizer step, recording loss and gradient norm (and update ratios when asked) as device tensors.

        Every extra kernel launch here is paid on every probe step, so the per-step work is a handful of
        foreach ops; reductions to per-module numbers wait for ``StepRecorder.sync``.
        """
        optimizer.zero_grad(set_to_none=True)
        if self.group is not None:
            batch = local_slice(batch, self.group)
        if self.channels_last:
            batch = _channels_last(batch)
        if self.accumulate == 1:
            with self._autocast():
                loss = self.workload.loss_fn(self.train_model, batch)
            loss.backward()
            total = loss.detach()
            small_sq = None
        else:
            total, small_sq = self._accumulate(batch)
        if self.group is not None:  # this rank's gradient is the small batch; the average is the big one
            if small_sq is None:
                small_sq = grad_sq(self.params)
            average_gradients(self.params, self.group.world)
            total = average(total, self.group.world)
        grads = [p.grad for p in self.params if p.grad is not None]
        grad_norm = torch.linalg.vector_norm(torch.stack(torch._foreach_norm(grads)), dtype=torch.float32) if grads else None
        if measure_ratio:
            before = torch._foreach_mul(self.param_values, 1.0)  # an exact copy, in one foreach call
            weight_norms = torch._foreach_norm(before)
        optimizer.step()
        if measure_ratio:
            torch._foreach_sub_(before, self.param_values)  # before - after = -update
            rec.ratio_norms.append(torch.stack(weight_norms + torch._foreach_norm(before)))
            rec.ratio_steps.append(len(rec.losses))
        rec.losses.append(total)
        rec.grad_norms.append(grad_norm if grad_norm is not None else torch.zeros((), device=self.device))
        if small_sq is not None:
            rec.small_sq.append(small_sq)

    def _accumulate(self, batch: Any) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Forward and backward over micro-batches; the mean loss and |g|^2 of the first micro-batch alone."""
        micro = split_batch(batch, self.accumulate)
        total = torch.zeros((), device=self.device)
        small_sq = None
        for i, part in enumerate(micro):
            with self._autocast():
                loss = self.workload.loss_fn(self.train_model, part)
            (loss / len(micro)).backward()
            total += loss.detach().float() / len(micro)
            if i == 0 and len(micro) > 1:
                small_sq = grad_sq(self.params) * len(micro) ** 2  # grads hold part 0 / n so far
        return total, small_sq

    def _autocast(self) -> contextlib.AbstractContextManager[Any]:
        if self.autocast_dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.device.type, dtype=self.autocast_dtype)

    def evaluate(self, max_batches: int = 50) -> float:
        """Mean loss over (at most ``max_batches`` of) the held-out batches, without updating anything."""
        assert self.workload.eval_data is not None
        self.model.eval()
        total, count = 0.0, 0
        with torch.no_grad():
            for batch in BatchStream(self.workload.eval_data, 0, self.device).batches():
                with self._autocast():
                    total += float(self.workload.loss_fn(self.model, batch))
                count += 1
                if count >= max_batches or count >= _len_or(self.workload.eval_data, max_batches):
                    break
        self.model.train()
        return total / count

    def _record(self, rec: StepRecorder, label: str, peak_lr: float, warmup: int, steps: int, schedule: str,
                stopped: str | None, began: float, seed: int) -> ProbeRun:
        rec.sync()
        n = len(rec.host_losses)
        return ProbeRun(
            label=label, peak_lr=peak_lr, warmup_steps=warmup, planned_steps=steps, schedule=schedule,
            lrs=tuple(rec.lrs[:n]), losses=tuple(rec.host_losses), grad_norms=tuple(math.sqrt(v) for v in rec.host_grad_sq),
            layer_names=self.layer_names, update_ratios=tuple(rec.host_ratios), stopped=stopped,
            seconds=time.monotonic() - began, seed=seed,
            small_batch_sq=tuple(rec.host_small_sq), big_batch_sq=tuple(rec.host_grad_sq) if rec.host_small_sq else (),
        )


def _nbytes(state: Any) -> int:
    """Bytes of every tensor inside a (nested) state dict."""
    if isinstance(state, torch.Tensor):
        return state.numel() * state.element_size()
    if isinstance(state, dict):
        return sum(_nbytes(v) for v in state.values())
    if isinstance(state, (list, tuple)):
        return sum(_nbytes(v) for v in state)
    return 0


def _channels_last(batch: Any) -> Any:
    """Every 4-d floating-point tensor in a batch in channels-last layout (images, NCHW -> NHWC strides)."""
    if isinstance(batch, torch.Tensor):
        return batch.contiguous(memory_format=torch.channels_last) if batch.dim() == 4 and batch.is_floating_point() else batch
    if isinstance(batch, dict):
        return {k: _channels_last(v) for k, v in batch.items()}
    if isinstance(batch, (tuple, list)):
        return type(batch)(_channels_last(v) for v in batch)
    return batch


def _check_loss(loss: Any) -> None:
    if not isinstance(loss, torch.Tensor):
        raise WarmfindError(f"loss_fn must return a tensor, got {type(loss).__name__}")
    if loss.numel() != 1:
        raise WarmfindError(f"loss_fn must return a scalar, got a tensor of shape {tuple(loss.shape)}")
    if not loss.requires_grad:
        raise WarmfindError("the loss does not require grad: is the model's output detached?")
    value = float(loss.detach())
    if not math.isfinite(value):
        raise WarmfindError(f"the loss is {value} at initialisation, before any update")


def _blew_up(losses: list[float], first: float | None) -> bool:
    last = losses[-1]
    return not math.isfinite(last) or (first is not None and last > defaults.BLOWUP_MULTIPLE * abs(first))


def _skip(batches: Iterator[Any], n: int) -> Iterator[Any]:
    for _ in range(n):
        next(batches)
    return batches


def _with_eval(run: ProbeRun, eval_loss: float) -> ProbeRun:
    return replace(run, eval_loss=eval_loss)


def _len_or(data: Any, default: int) -> int:
    try:
        return len(data)
    except TypeError:
        return default


def _to_cpu(state: Any) -> Any:
    if isinstance(state, torch.Tensor):
        return state.detach().to("cpu", copy=True)
    if isinstance(state, dict):
        return {k: _to_cpu(v) for k, v in state.items()}
    if isinstance(state, list):
        return [_to_cpu(v) for v in state]
    return state
