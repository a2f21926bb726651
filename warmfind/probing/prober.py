"""The torch layer: short training runs of the user's model from one exact snapshot, recorded step by step.

The step itself lives in ``train_step`` and the start states in ``snapshots``; a ``Prober`` owns the model, the
budget and the run loop (schedule, recording, early stop, held-out evaluation).
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import torch

from warmfind import defaults
from warmfind.analysis.runs import HELD_OUT, ProbeRun
from warmfind.analysis.spikes import start_level
from warmfind.errors import WarmfindError
from warmfind.probing.batches import (
    BadData,
    BatchStream,
    bad_data,
    data_length,
    non_finite_parts,
    split_batch,
)
from warmfind.probing.distributed import Group, any_rank, average, broadcast_parameters, local_slice
from warmfind.probing.snapshots import Snapshot, SnapshotStore
from warmfind.probing.step_stats import StepRecorder, module_groups, zero_start_floors
from warmfind.probing.train_step import TrainStep
from warmfind.probing.workload import Workload


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


class ProbeInterrupted(Exception):
    """Ctrl-C during a run; carries the steps measured so far."""

    def __init__(self, run: ProbeRun) -> None:
        super().__init__("interrupted")
        self.run = run


StepCallback = Callable[[str, int, int, float], None]  # (label, step, planned_steps, loss) -> None
RunCallback = Callable[[ProbeRun], None]  # called with each run as it finishes
_FACTORY_LR = 1e-3  # the LR the optimizer factory is called with; every group's ratio to it is kept (group_ratios)


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
        on_run: RunCallback | None = None,
        grad_clip: float | None = None,
        eval_name: str = HELD_OUT,
    ) -> None:
        if ratio_every < 1:
            raise WarmfindError("ratio_every must be at least 1")
        self.eval_name = eval_name  # what the eval batches are, for every run's record (holdout.Ranking.score)
        self.snapshots = SnapshotStore(snapshot)
        self.workload = workload
        self.model = workload.model.to(device)
        self.group = group
        if group is not None:
            broadcast_parameters(self.model)
        if channels_last:  # NHWC convolutions: faster on tensor cores and oneDNN for most CNNs
            self.model = self.model.to(memory_format=torch.channels_last)  # type: ignore[call-overload]
        # The compiled wrapper shares the parameters; state_dict and eval go through the plain module.
        train_model: torch.nn.Module = torch.compile(self.model) if compile else self.model  # type: ignore[assignment]
        self.train_step = TrainStep(self.model, train_model, workload.loss_fn, device, precision, accumulate,
                                    channels_last, group, grad_clip)
        self.device = device
        self.accumulate = accumulate
        self.budget = budget or Budget()
        self.seed = seed
        self.on_step = on_step
        self.on_run = on_run
        self.sync_every = sync_every
        self.ratio_every = ratio_every
        self.param_values = self.train_step.param_values
        self.layer_names, self.layer_index = module_groups(self.model)
        self.layer_floors = zero_start_floors(self.param_values, self.layer_index, len(self.layer_names))
        torch.manual_seed(seed)
        self.reference = self.new_optimizer()  # the factory's optimizer, never stepped: its class, groups and settings
        self.group_ratios = [g["lr"] / _FACTORY_LR for g in self.reference.param_groups]
        self.initial = self.snapshot(None, step=0)
        self.start_loss = self.check_first_loss()
        self.runs: list[ProbeRun] = []

    @property
    def snapshot_bytes(self) -> int:
        """The largest snapshot taken, for the recipe's cost block."""
        return self.snapshots.largest_bytes

    def _budget_spent(self) -> bool:
        """The budget check; under torchrun every rank stops at the same step when any rank's clock runs out."""
        spent = self.budget.exhausted()
        if self.group is not None and self.budget.max_seconds is not None:
            return any_rank(spent, self.device)
        return spent

    def check_first_loss(self) -> float:
        """Fail early, with a clear message, on a loss that is not a finite scalar with a gradient; return the
        untrained model's mean loss over the first START_LOSS_BATCHES batches (their first micro-batch when
        accumulating; what a blow-up is measured against, ``spikes.start_level``).

        The check is done once, on the first batch from the initial snapshot: every run starting there would compute
        the same loss, so the training steps themselves carry no such check (and no host sync for it).
        """
        batches = BatchStream(self.workload.data, self.seed, self.device).batches()
        losses: list[float] = []
        try:
            for index, batch in zip(range(defaults.START_LOSS_BATCHES), batches):
                with self.train_step.autocast(), torch.set_grad_enabled(index == 0):
                    loss = self.workload.loss_fn(self.model, split_batch(batch, self.accumulate)[0])
                if index == 0:
                    _check_loss(loss)
                losses.append(float(loss.detach()))
        except WarmfindError:
            raise
        except Exception as exc:
            if losses:  # a later batch: no LR has acted yet, so it is the data's
                raise batch_error(exc, f"at batch {len(losses)} of the data, on the initial weights") from exc
            raise WarmfindError(f"the loss failed on the first batch: {type(exc).__name__}: {exc}") from exc
        finite = [v for v in losses if math.isfinite(v)]  # the first is (checked); a later non-finite one is the data's
        self.restore(self.initial)  # the forward passes may have moved BatchNorm statistics or the RNG
        mean = torch.tensor(sum(finite) / len(finite), device=self.device)
        return float(average(mean, self.group.world) if self.group is not None else mean)  # one line on every rank

    # --- state --------------------------------------------------------------------------------------
    def new_optimizer(self) -> torch.optim.Optimizer:
        try:
            optimizer = self.workload.optimizer_factory(self.model.parameters(), lr=_FACTORY_LR)
        except Exception as exc:
            raise WarmfindError(f"the optimizer factory raised {type(exc).__name__}: {exc}") from exc
        if not isinstance(optimizer, torch.optim.Optimizer):
            raise WarmfindError(f"the optimizer factory returned {type(optimizer).__name__}, not a torch.optim.Optimizer")
        return optimizer

    def snapshot(self, optimizer: torch.optim.Optimizer | None, step: int) -> Snapshot:
        """The state at ``step``: one copy of model and optimizer state, on CPU or (``snapshot="disk"``) in a file."""
        return self.snapshots.take(self.model, optimizer, step, self.device)

    def restore(self, snap: Snapshot) -> torch.optim.Optimizer:
        """Load ``snap`` into the model and a fresh optimizer (returned), and restore the RNG."""
        model_state, opt_state = self.snapshots.states(snap)
        self.model.load_state_dict(model_state)
        optimizer = self.new_optimizer()
        if opt_state is not None:
            optimizer.load_state_dict(opt_state)
        self.snapshots.restore_rng(snap)
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
        """Train ``steps`` optimizer steps with LR ``lr_at(step)``; return the record and the state at ``save_at``
        (before that step runs; ``save_at == steps``: after the last one).

        A run stops early when the loss is non-finite, or has stayed above BLOWUP_MULTIPLE x its start level (its
        first loss raised to ``start_loss``, the untrained model's mean, where higher; a run continued from a later
        snapshot: its own first loss) for RECOVERY_STEPS steps in a row: a jump that comes back (a catapult, an
        optimizer's large first step) trains on.
        It is checked every ``sync_every`` steps, so recording never forces a device sync per step. A run also stops
        when the budget is spent.
        """
        start = start or self.initial
        start_loss = self.start_loss if start is self.initial else None  # a continued run: its own first loss
        optimizer = self.restore(start)
        seed = self.seed if data_seed is None else data_seed
        batches = _skip(BatchStream(self.workload.data, seed, self.device).batches(), start.step)
        rec = StepRecorder(self.layer_index.to(self.device), len(self.layer_names), self.layer_floors.to(self.device))
        self.train_step.begin_run(sum_gradients=label == "range-test")  # its first steps are at init: the noise scale
        saved: Snapshot | None = None
        stopped: str | None = None
        raised: tuple[int, Exception] | None = None  # the step whose loss, backward or optimizer step raised, and what
        began = time.monotonic()
        self.model.train()
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
                batch = next(batches)
                try:
                    self.train_step(optimizer, batch, rec, measure_ratio=(step - start.step) % self.ratio_every == 0)
                except WarmfindError:
                    raise
                except Exception as exc:  # the user's loss, backward or optimizer failed: the LR, or the batch?
                    raised = (step, exc)
                    rec.record_failure(self.device)
                if self.train_step.raised is not None and raised is None:  # under torchrun: a NaN step on every rank
                    raised = (step, self.train_step.raised)
                rec.lrs.append(lr)
                self.budget.steps += 1
                if raised is not None and self.group is None:
                    stopped = "diverged"
                    break
                if len(rec.losses) % self.sync_every == 0 or step == steps - 1:
                    rec.sync()
                    if self.on_step is not None:
                        self.on_step(label, step + 1, steps, rec.host_losses[-1])
                    if stop_on_divergence and _blew_up(rec.host_losses, start_level(rec.host_losses, start_loss)):
                        stopped = "diverged"
                        break
        except KeyboardInterrupt:
            raise ProbeInterrupted(self._record(rec, label, peak_lr, warmup_steps, steps, schedule, "interrupted", began, seed,
                                               start_loss)) from None
        if save_at == steps and stopped is None:  # the state after the last step: a trunk that others continue
            saved = self.snapshot(optimizer, steps)
        run = self._record(rec, label, peak_lr, warmup_steps, steps, schedule, stopped, began, seed, start_loss)
        if raised is not None:
            self._check_raised(*raised, seed, label)
            run = replace(run, raised=_described(raised[1]))
        if stopped == "diverged":
            self._check_data(run, start.step, seed)
            if start is self.initial and run.losses and not math.isfinite(run.losses[0]):
                # step 0 runs on the initial weights and the batch the first-loss check passed: no LR acted yet
                error = BadData(f"the loss was finite at initialisation but {run.losses[0]} at step 0 of the "
                                f"{label!r} probe, before any update: the loss function or the model is not a "
                                "function of the weights and the batch alone (a counter, a cache, a random NaN?)", [])
                error.run = run
                raise error
        if self.workload.eval_data is not None and stopped is None:
            try:
                eval_loss = self.evaluate()
            except WarmfindError:
                raise
            except Exception as exc:  # the trained weights break the loss on the eval batches: no finite score
                eval_loss, run = math.nan, replace(run, raised=_described(exc, " on the eval batches"))
            run = replace(run, eval_loss=eval_loss, eval_name=self.eval_name)
        self.runs.append(run)
        if self.on_run is not None:
            self.on_run(run)
        return run, saved

    def _check_data(self, run: ProbeRun, first_step: int, seed: int) -> None:
        """Raise BadData when the batch at a run's first non-finite loss holds NaN or inf: broken data, not the LR.

        Only a diverged run pays for it (one pass over the stream up to that batch), so probes cost nothing extra.
        """
        bad = next((i for i, v in enumerate(run.losses) if not math.isfinite(v)), None)
        if bad is None:
            return
        step = first_step + bad
        parts = non_finite_parts(self._batch_at(step, seed))
        if parts:
            error = bad_data(self.workload.data, step, parts, seed)
            error.run = run
            raise error

    def _check_raised(self, step: int, exc: Exception, seed: int, label: str) -> None:
        """Raise WarmfindError when the batch a run raised on raises from the initial weights too: then the data or
        the loss function fails on it whatever the LR. Otherwise the LR broke the model there: a divergence (a kernel
        matrix that is no longer positive definite, a distribution given a NaN parameter). Only a run that raised pays
        for it (one pass over the stream up to that batch)."""
        batch = self._batch_at(step, seed, self.device)
        if self.group is not None:  # this rank's share of the batch, as the step saw it
            batch = local_slice(batch, self.group)
        self.restore(self.initial)
        try:
            with self.train_step.autocast():
                loss = self.workload.loss_fn(self.model, split_batch(batch, self.accumulate)[0])
            loss.backward()
        except Exception as again:
            raise batch_error(again, f"at batch {step} of the {label!r} run's data, from the initial weights too") from exc
        finally:
            self.model.zero_grad(set_to_none=True)
            self.restore(self.initial)

    def _batch_at(self, step: int, seed: int, device: torch.device | None = None) -> Any:
        """The batch a run with data seed ``seed`` took at ``step``, read again (one pass over the stream up to it)."""
        return next(itertools.islice(BatchStream(self.workload.data, seed, device).batches(), step, None))

    def untrained_loss(self) -> float | None:
        """The ranking loss (``evaluate``) of the model as initialised; None without eval batches."""
        if self.workload.eval_data is None:
            return None
        self.restore(self.initial)
        try:
            return self.evaluate()
        except _EvalBatchRaised as raised:
            raise batch_error(raised.exc, f"at batch {raised.index} of the batches that rank probes ({self.eval_name}), "
                                          "on the initial weights") from raised.exc

    def evaluate(self, max_batches: int = 50) -> float:
        """Mean loss over (at most ``max_batches`` of) the eval batches, without updating anything.

        Every evaluation draws the same random numbers (torch's generator forked and seeded with EVAL_SEED, the
        caller's state untouched): a loss that samples (denoising score matching's noise, a VAE's reparameterisation)
        is then compared across probes and against the untrained model on the same draws. Unpaired, exam 18's
        energy model@long measured its untrained training-sample loss 3.3% below the same weights' loss a moment later,
        so no rung could learn "measurably" and the search recommended nothing."""
        assert self.workload.eval_data is not None
        self.model.eval()
        total, count = 0.0, 0
        devices = [self.device] if self.device.type == "cuda" else []
        try:
            with torch.no_grad(), torch.random.fork_rng(devices=devices):
                torch.manual_seed(defaults.EVAL_SEED)
                for batch in BatchStream(self.workload.eval_data, 0, self.device).batches():
                    try:
                        with self.train_step.autocast():
                            total += float(self.workload.loss_fn(self.model, batch))
                    except WarmfindError:
                        raise
                    except Exception as exc:
                        raise _EvalBatchRaised(exc, count) from exc
                    count += 1
                    if count >= min(max_batches, data_length(self.workload.eval_data) or max_batches):
                        break
        finally:
            self.model.train()
        return total / count

    def _record(self, rec: StepRecorder, label: str, peak_lr: float, warmup: int, steps: int, schedule: str,
                stopped: str | None, began: float, seed: int, start_loss: float | None) -> ProbeRun:
        rec.sync()
        n = len(rec.host_losses)
        return ProbeRun(
            label=label, peak_lr=peak_lr, warmup_steps=warmup, planned_steps=steps, schedule=schedule,
            lrs=tuple(rec.lrs[:n]), losses=tuple(rec.host_losses), grad_norms=tuple(math.sqrt(v) for v in rec.host_grad_sq),
            layer_names=self.layer_names, update_ratios=tuple(rec.host_ratios), stopped=stopped,
            zero_start=tuple(n for n, f in zip(self.layer_names, self.layer_floors.tolist()) if f > 0),
            grad_sum_sq=tuple(rec.host_sum_sq),
            seconds=time.monotonic() - began, seed=seed, start_loss=start_loss,
            small_batch_sq=tuple(rec.host_small_sq), big_batch_sq=tuple(rec.host_grad_sq) if rec.host_small_sq else (),
        )


class _EvalBatchRaised(Exception):
    """The loss raised on eval batch ``index`` (``evaluate``): the caller says whether the LR or the data is to blame."""

    def __init__(self, exc: Exception, index: int) -> None:
        super().__init__(str(exc))
        self.exc, self.index = exc, index


def _described(exc: Exception, where: str = "") -> str:
    """``LinAlgError: linalg.cholesky: ...``: an exception as a probe's record quotes it (at most 300 characters)."""
    return f"{type(exc).__name__}{where}: {exc}"[:300]


def batch_error(exc: Exception, where: str) -> WarmfindError:
    """The one-line error for a loss, backward or optimizer step that raises on a batch ``where`` says, whatever the
    LR."""
    return WarmfindError(f"the loss raised {type(exc).__name__}: {exc} {where}: the data or the loss function fails on "
                         "that batch, whatever the LR")


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


def _blew_up(losses: list[float], first: float, window: int = defaults.RECOVERY_STEPS) -> bool:
    """Non-finite, or above BLOWUP_MULTIPLE x ``first`` (the start level) for the last ``window`` steps: it did not
    come back."""
    if not math.isfinite(losses[-1]):
        return True
    if len(losses) < window:
        return False
    return all(v > defaults.BLOWUP_MULTIPLE * abs(first) for v in losses[-window:])


def _skip(batches: Iterator[Any], n: int) -> Iterator[Any]:
    for _ in range(n):
        next(batches)
    return batches

