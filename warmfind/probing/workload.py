"""The entrypoint contract: turn whatever a user's factory returns into a checked ``Workload``."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from warmfind.errors import WarmfindError
from warmfind.probing.batches import Replayable
from warmfind.recipe.schema import ARCHITECTURE_KEYS

LossFn = Callable[[nn.Module, Any], torch.Tensor]
OptimizerFactory = Callable[..., torch.optim.Optimizer]

OPTIMIZERS = ("adamw", "adam", "sgd")


@dataclass(frozen=True)
class Workload:
    """A model, its data and how to train it: everything a probe run needs from the user."""

    model: nn.Module
    data: Iterable[Any]  # re-iterable: DataLoader, list, generator function, or a cached one-shot iterator
    loss_fn: LossFn
    optimizer_factory: OptimizerFactory  # called as factory(params, lr=...)
    optimizer_name: str  # for the recipe and the fingerprint
    eval_data: Iterable[Any] | None = None  # optional held-out batches used to score probes
    grad_clip: float | None = None  # max gradient norm the training clips to (torch.nn.utils.clip_grad_norm_)


def call_factory(factory: Callable[..., Any], overrides: Mapping[str, Any]) -> Any:
    """Call the user's factory with the ``--set``/``--batch-size`` keywords it accepts."""
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    takes_kwargs = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    unknown = [k for k in overrides if k not in params and not takes_kwargs]
    if unknown:
        raise WarmfindError(f"the factory takes no argument {', '.join(map(repr, unknown))} (from --set/--batch-size)")
    try:
        return factory(**overrides)
    except WarmfindError:
        raise
    except Exception as exc:
        raise WarmfindError(f"the factory raised {type(exc).__name__}: {exc}") from exc


def build_workload(returned: Any, optimizer: str | None = None) -> Workload:
    """Check a factory's return value against the contract and fill in the defaults."""
    parts = _parts(returned)
    model = parts.get("model")
    if model is None:
        raise WarmfindError("the factory returned no 'model'")
    if not isinstance(model, nn.Module):
        raise WarmfindError(f"'model' must be a torch.nn.Module, got {type(model).__name__}")
    if not any(p.requires_grad for p in model.parameters()):
        raise WarmfindError("the model has no parameters that require grad: nothing to train")
    data = parts.get("data")
    if data is None:
        raise WarmfindError("the factory returned no 'data'")
    if callable(data) and not isinstance(data, Iterable):
        data = _Regenerating(data)
    elif isinstance(data, Iterator):
        data = Replayable(data)
    if not isinstance(data, Iterable):
        raise WarmfindError(f"'data' must be an iterable of batches, got {type(data).__name__}")
    loss_fn = parts.get("loss_fn") or default_loss
    if not callable(loss_fn):
        raise WarmfindError(f"'loss_fn' must be callable, got {type(loss_fn).__name__}")
    factory = parts.get("optimizer")
    if optimizer is not None:
        factory, name = builtin_optimizer(optimizer), optimizer
    elif factory is None:
        factory, name = builtin_optimizer("adamw"), "adamw"
    elif not callable(factory):
        raise WarmfindError("'optimizer' must be a callable optimizer(params, lr) -> torch.optim.Optimizer")
    else:
        name = getattr(factory, "__name__", type(factory).__name__)
    eval_data = parts.get("eval_data")
    return Workload(model, data, loss_fn, factory, name, eval_data, grad_clip_value(parts.get("grad_clip")))


def _parts(returned: Any) -> dict[str, Any]:
    if isinstance(returned, Mapping):
        return dict(returned)
    if isinstance(returned, tuple):
        if len(returned) not in (2, 3):
            raise WarmfindError(f"a tuple return must be (model, data) or (model, data, loss_fn), got {len(returned)} items")
        return dict(zip(("model", "data", "loss_fn"), returned))
    if hasattr(returned, "model"):
        names = ("model", "data", "loss_fn", "optimizer", "eval_data")
        return {n: getattr(returned, n) for n in names if getattr(returned, n, None) is not None}
    raise WarmfindError(f"the factory must return a mapping, an object with .model/.data, or a tuple; got {type(returned).__name__}")


class _Regenerating:
    """Makes a generator *function* re-iterable: every iteration calls it again."""

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self.make = make

    def __iter__(self) -> Any:
        return iter(self.make())


def builtin_optimizer(name: str) -> OptimizerFactory:
    """The optimizers ``--optimizer`` offers, with the hyper-parameters most recipes use."""
    if name == "adamw":
        return lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.999), weight_decay=0.01)
    if name == "adam":
        return lambda params, lr: torch.optim.Adam(params, lr=lr)
    if name == "sgd":
        return lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9)
    raise WarmfindError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")


def default_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """``(x, y)`` -> cross-entropy for integer targets, MSE for float; a dict -> ``model(**batch).loss``."""
    if isinstance(batch, Mapping):
        out = model(**batch)
        loss = out["loss"] if isinstance(out, Mapping) else getattr(out, "loss", None)
        if loss is None:
            raise WarmfindError("a dict batch needs model(**batch) to return .loss or ['loss']; pass a loss_fn")
        return loss  # type: ignore[no-any-return]
    if isinstance(batch, (tuple, list)) and len(batch) == 2:
        x, y = batch
        if takes_targets(model):  # nanoGPT / minGPT: forward(idx, targets) -> (logits, loss)
            loss = _scalar_in(model(x, y))
            if loss is None:
                raise WarmfindError("model(x, targets) returned no scalar loss; pass a loss_fn")
            return loss
        out = model(x)
        if not isinstance(out, torch.Tensor):
            raise WarmfindError(f"model(x) returned {type(out).__name__}, not a tensor; pass a loss_fn")
        if y.dtype in (torch.int64, torch.int32, torch.int16, torch.uint8):
            return nn.functional.cross_entropy(out.reshape(-1, out.shape[-1]), y.reshape(-1).long())
        return nn.functional.mse_loss(out, y.to(out.dtype).reshape(out.shape))
    raise WarmfindError(f"cannot take a default loss of a {type(batch).__name__} batch; pass a loss_fn(model, batch)")


TARGET_NAMES = ("targets", "target", "labels", "y")


def takes_targets(model: nn.Module) -> bool:
    """Whether ``model.forward``'s second parameter takes the targets (``forward(idx, targets=None)``, as nanoGPT's)."""
    module = getattr(model, "_orig_mod", model)  # torch.compile's wrapper keeps the module it wraps here
    return _second_parameter(type(module)) in TARGET_NAMES


@functools.lru_cache(maxsize=64)
def _second_parameter(cls: type) -> str | None:
    try:
        names = [p.name for p in inspect.signature(cls.forward).parameters.values()
                 if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError, AttributeError):  # not a module: a plain callable (torch.func.functional_call)
        return None
    return names[2] if len(names) > 2 and names[0] == "self" else None


def _scalar_in(out: Any) -> torch.Tensor | None:
    """The loss in a model's output: the output itself if scalar, else the last scalar tensor of a tuple/list."""
    if isinstance(out, torch.Tensor):
        return out if out.numel() == 1 else None
    if isinstance(out, (tuple, list)):
        return next((v for v in reversed(out) if isinstance(v, torch.Tensor) and v.numel() == 1), None)
    return None


def grad_clip_value(value: Any) -> float | None:
    """A gradient-clipping max norm (``grad_clip`` factory key or ``--grad-clip``): a positive number, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise WarmfindError(f"grad_clip must be a positive max gradient norm, got {value!r}")
    return float(value)


# Recorded per parameter group, so emitters can carry them (and say which a stack cannot).
GROUP_KEYS = ("betas", "eps", "weight_decay", "momentum", "dampening", "nesterov")

def _plain(value: Any) -> Any:
    """A hyper-parameter the recipe can hold (bool, number, string, tuple of numbers), else None."""
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple) and all(isinstance(v, (int, float)) for v in value):
        return list(value)
    return None


def optimizer_class_path(cls: type) -> str:
    """``torch.optim.AdamW`` for torch's own optimizers (their public path), else ``module.Class``."""
    if getattr(torch.optim, cls.__name__, None) is cls:
        return f"torch.optim.{cls.__name__}"
    return f"{cls.__module__}.{cls.__qualname__}"


def optimizer_record(optimizer: torch.optim.Optimizer, group_ratios: list[float]) -> dict[str, Any]:
    """What the recipe keeps of the optimizer *instance* the hook built (never the hook's own name).

    ``name`` is the class name in lower case (``adamw``), ``class`` its import path; the first group's
    hyper-parameters sit at the top level; with more than one group, ``param_groups`` lists each group's LR
    ratio to the first and its GROUP_KEYS, so an emitter can carry them or say it cannot.
    """
    groups = optimizer.param_groups
    record: dict[str, Any] = {"name": type(optimizer).__name__.lower()}
    for key, value in groups[0].items():
        if key not in ("params", "lr", "initial_lr") and (plain := _plain(value)) is not None:
            record[key] = plain
    record["groups"] = len(groups)
    if len(groups) > 1:
        reference = group_ratios[0] or 1.0
        record["param_groups"] = [
            {"lr_ratio": ratio / reference, "params": sum(p.numel() for p in group["params"]),
             **{k: _plain(group[k]) for k in GROUP_KEYS if k in group and _plain(group[k]) is not None}}
            for group, ratio in zip(groups, group_ratios)
        ]
    record["class"] = optimizer_class_path(type(optimizer))
    return record


def model_architecture(model: nn.Module) -> dict[str, Any]:
    """The ARCHITECTURE_KEYS the model (or its ``.config``, an object or a mapping) carries as plain numbers."""
    module = getattr(model, "_orig_mod", model)  # torch.compile's wrapper
    found: dict[str, Any] = {}
    for source in (module, getattr(module, "config", None)):
        if source is None:
            continue
        for key in ARCHITECTURE_KEYS:
            value = source.get(key) if isinstance(source, Mapping) else getattr(source, key, None)
            if key not in found and isinstance(value, (bool, int, float)) and not isinstance(value, torch.Tensor):
                found[key] = value
    return found
