"""The optimizer a recipe recorded, as emitters need it: its class, hyper-parameters and parameter groups.

Recipes record the optimizer *instance* (``workload.optimizer``: ``name`` = the class in lower case, ``class`` =
its import path, the first group's hyper-parameters, ``param_groups`` when there are several). Recipes written
before that recorded the optimizer hook's function name (``<lambda>``, ``hf_default_adamw``); for those the class
is inferred from the hyper-parameters torch puts in every group, and the output says it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# torch class for each optimizer name warmfind knows, and the hyper-parameters worth carrying over.
OPTIMIZER_CLASSES = {"adamw": "torch.optim.AdamW", "adam": "torch.optim.Adam", "sgd": "torch.optim.SGD"}
OPTIMIZER_KEYS = {
    "adamw": ("betas", "eps", "weight_decay"),
    "adam": ("betas", "eps", "weight_decay"),
    "sgd": ("momentum", "dampening", "weight_decay", "nesterov"),
}
_NOT_HPARAMS = ("name", "class", "groups", "param_groups")
GROUP_KEYS = ("betas", "eps", "weight_decay", "momentum", "dampening", "nesterov")


@dataclass(frozen=True)
class OptimizerSpec:
    """The recorded optimizer: what a config needs to rebuild it."""

    name: str  # "adamw", "adam", "sgd", or another class's lower-case name
    class_path: str  # "torch.optim.AdamW"; a recorded path for classes warmfind does not know
    hparams: Mapping[str, Any]  # the first group's hyper-parameters a constructor of class_path accepts (lr excluded)
    groups: tuple[Mapping[str, Any], ...] = ()  # each group's lr_ratio and GROUP_KEYS, when there are several
    inferred: str = ""  # how the class was inferred from an older recipe ("" when it was recorded)

    @property
    def known(self) -> bool:
        return self.name in OPTIMIZER_CLASSES

    def differing_groups(self) -> list[str]:
        """One phrase per parameter group that differs from the first (LR ratio or a hyper-parameter)."""
        if len(self.groups) < 2:
            return []
        first = self.groups[0]
        phrases = []
        for index, group in enumerate(self.groups[1:], start=1):
            changed = [f"{k} {_words(group.get(k))}" for k in ("lr_ratio", *GROUP_KEYS)
                       if k in group and group.get(k) != first.get(k)]
            if changed:
                phrases.append(f"group {index}: " + ", ".join(changed))
        return phrases


def optimizer_spec(block: Mapping[str, Any]) -> OptimizerSpec:
    """The spec of a recipe's ``workload.optimizer`` block (``{}`` reads as warmfind's default AdamW)."""
    recorded_class = block.get("class")
    raw_name = str(block.get("name", "adamw")).lower()
    inferred = ""
    if isinstance(recorded_class, str) and recorded_class:
        name = recorded_class.rpartition(".")[2].lower()
    elif raw_name in OPTIMIZER_CLASSES:
        name = raw_name
    else:
        name = _infer(block)
        inferred = (f"the recipe names the optimizer hook {block.get('name')!r}, not its class; "
                    f"{OPTIMIZER_CLASSES[name]} was inferred from its hyper-parameters (re-probe to record it)"
                    if name else f"the recipe's optimizer {block.get('name')!r} has no known class and no hyper-parameters "
                    "to infer one from: torch.optim.AdamW is written, check the class below")
        name = name or "adamw"
    class_path = recorded_class if isinstance(recorded_class, str) and recorded_class else OPTIMIZER_CLASSES.get(name, name)
    # A class warmfind does not know keeps every recorded hyper-parameter: they are its param group's defaults.
    keys = OPTIMIZER_KEYS.get(name) or tuple(k for k in block if k not in _NOT_HPARAMS)
    hparams = {k: block[k] for k in keys if block.get(k) is not None}
    groups = tuple(dict(g) for g in block.get("param_groups") or () if isinstance(g, Mapping))
    return OptimizerSpec(name, class_path, hparams, groups, inferred)


def _infer(block: Mapping[str, Any]) -> str:
    """AdamW, Adam or SGD from the keys torch writes into every param group (older recipes); "" for none."""
    if "betas" in block:
        return "adamw" if block.get("decoupled_weight_decay", True) else "adam"
    if "momentum" in block or "nesterov" in block:
        return "sgd"
    return ""


def uncarried(spec: OptimizerSpec, stack: str, carried: Sequence[str], classes: Sequence[str] = (),
              groups: bool = False) -> list[str]:
    """Comment lines naming what ``stack``'s config cannot hold of the recorded optimizer.

    ``carried``: the hyper-parameters it has keys for; ``classes``: the optimizer names it can build (empty: any
    class it is given); ``groups``: whether it can hold several parameter groups.
    """
    lines = [spec.inferred] if spec.inferred else []
    if classes and spec.name not in classes:
        lines.append(f"{stack} cannot build the probed optimizer {spec.class_path}: this file sets only the LR schedule")
        return lines
    dropped = [f"{k} = {_words(v)}" for k, v in spec.hparams.items() if k not in carried]
    if dropped:
        lines.append(f"{stack} has no key for the probed {', '.join(dropped)}: set it in the training code")
    if not groups and (differing := spec.differing_groups()):
        lines.append(f"the probe used {len(spec.groups)} parameter groups ({'; '.join(differing)}); {stack} gives "
                     "every parameter the same settings: build the groups in code to keep them")
    return lines


def _words(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(_words(v) for v in value) + ")"
    return str(value)
