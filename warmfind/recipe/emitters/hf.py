"""Hugging Face TrainingArguments and DeepSpeed configs for a recipe's schedule.

HF's ``cosine_with_min_lr`` is this recipe's schedule term for term: ``lr * s / W`` during warmup, then
``lr * (c + (1 - c) * min_lr / lr)`` with ``c = 0.5 * (1 + cos(pi * (s - W) / (T - W)))``, ``s`` counting optimizer
steps. DeepSpeed's ``WarmupCosineLR`` is stepped once per optimizer step after the update, which shifts its warmup
by one step (see ``DEEPSPEED_NOTES``).
"""

from __future__ import annotations

import json
from typing import Any

from warmfind.recipe.emitters.optimizer import uncarried
from warmfind.recipe.emitters.plan import EmitPlan, comment_block, header, yaml_text

HF_NOTES = (
    "The HF Trainer counts optimizer steps (global_step), so max_steps and warmup_steps mean the same under",
    "gradient_accumulation_steps and any number of processes; max_steps overrides num_train_epochs.",
    "cosine_with_min_lr (transformers 4.38+) computes lr * (s / W), then lr * (c + (1 - c) * min_lr / lr):",
    "the recipe's schedule, equal up to float rounding. lr_scheduler_kwargs.min_lr is absolute.",
    "On the command line: --lr_scheduler_type cosine_with_min_lr --lr_scheduler_kwargs '{\"min_lr\": X}'.",
)

HF_WSD_NOTES = (
    "The HF Trainer counts optimizer steps (global_step), so max_steps and warmup_steps mean the same under",
    "gradient_accumulation_steps and any number of processes; max_steps overrides num_train_epochs.",
    "warmup_stable_decay is get_wsd_schedule: s / W during warmup, 1 for num_stable_steps, then linear to",
    "min_lr_ratio over num_decay_steps: the recipe's schedule exactly (warmup + stable + decay = max_steps).",
)

DEEPSPEED_NOTES = (
    "DeepSpeed WarmupCosineLR at scheduler iteration i: i / W during warmup (warmup_type linear),",
    "then cos_min_ratio + (1 - cos_min_ratio) * 0.5 * (1 + cos(pi * (i - W + 1) / (T - W))).",
    "The engine calls scheduler.step() after each optimizer step and the constructor sets the LR to 0,",
    "so optimizer step k runs at iteration k - 1: the warmup lags this recipe by one step",
    "(step k in 1..W runs at peak * (k - 1) / W where the recipe has peak * k / W; step W is not yet at peak);",
    "from step W + 1 on the LR equals the recipe's. DeepSpeed raises warmup_num_steps below 2 to 2",
    "(newer releases refuse 0), and an fp16 overflow skips scheduler.step(), delaying the schedule a step.",
    "For the exact schedule under the HF Trainer, drop the 'scheduler' block and use --format hf:",
    "the Trainer then builds cosine_with_min_lr itself (HF scheduler + DeepSpeed optimizer is supported).",
)

_HF_OPTIM = {"adamw": "adamw_torch", "adam": "adamw_torch", "sgd": "sgd"}  # TrainingArguments.optim
_HF_SGD_ARGS = ("momentum", "dampening", "nesterov")  # what HF's sgd reads from optim_args ("k=v,k=v")
_DS_OPTIMIZER = {"adamw": "AdamW", "adam": "Adam", "sgd": "SGD"}  # DeepSpeed builds SGD as torch.optim.SGD by name


def hf_arguments(plan: EmitPlan) -> dict[str, Any]:
    """TrainingArguments fields: the schedule, the probed batch, and the optimizer's hyper-parameters HF has fields for."""
    args: dict[str, Any] = {
        "learning_rate": plan.peak_lr,
        "warmup_steps": plan.warmup_steps,  # an int >= 1 is a count (transformers 5 reads a float < 1 as a ratio)
        "max_steps": plan.total_steps,
        **({"lr_scheduler_type": "warmup_stable_decay",  # get_wsd_schedule, linear decay: the recipe's formula exactly
            # num_stable_steps is left to HF: max_steps - warmup_steps - num_decay_steps, the recipe's stable stretch
            "lr_scheduler_kwargs": {"num_decay_steps": plan.schedule.decay_steps, "decay_type": "linear",
                                    "min_lr_ratio": plan.schedule.floor_ratio}}
           if plan.wsd else
           {"lr_scheduler_type": "cosine_with_min_lr", "lr_scheduler_kwargs": {"min_lr": plan.min_lr}}),
        "max_grad_norm": plan.grad_clip or 0.0,  # HF clips at 1.0 unless told: train as the probes did (0 = off)
    }
    if (micro := plan.micro_batch()) is not None:
        args["per_device_train_batch_size"] = micro
        if plan.accumulate > 1:
            args["gradient_accumulation_steps"] = plan.accumulate
    args.update(_hf_optimizer(plan))
    return args


def _hf_optimizer(plan: EmitPlan) -> dict[str, Any]:
    """``optim`` and its hyper-parameters in TrainingArguments' fields; {} for a class HF cannot build."""
    spec = plan.spec
    if spec.name not in _HF_OPTIM:
        return {}
    hp = spec.hparams
    out: dict[str, Any] = {"optim": _HF_OPTIM[spec.name]}
    if spec.name == "sgd":
        sgd_args = [f"{k}={_arg(hp[k])}" for k in _HF_SGD_ARGS if k in hp]
        if sgd_args:
            out["optim_args"] = ",".join(sgd_args)
    else:
        if "betas" in hp:
            out["adam_beta1"], out["adam_beta2"] = (float(b) for b in hp["betas"])
        if "eps" in hp:
            out["adam_epsilon"] = float(hp["eps"])
    if "weight_decay" in hp and not _l2_adam(plan):
        out["weight_decay"] = float(hp["weight_decay"])
    return out


def _l2_adam(plan: EmitPlan) -> bool:
    """torch.optim.Adam with weight decay: an L2 term HF's adamw_torch (decoupled decay) cannot reproduce."""
    return plan.spec.name == "adam" and bool(plan.spec.hparams.get("weight_decay"))


def _arg(value: Any) -> str:
    return str(value) if isinstance(value, bool) else f"{value:g}" if isinstance(value, float) else str(value)


def hf_caveats(plan: EmitPlan) -> list[str]:
    """What TrainingArguments cannot say of the probed optimizer and batch (comments in YAML, stderr for JSON)."""
    spec = plan.spec
    carried = ("betas", "eps", "weight_decay", *_HF_SGD_ARGS)
    lines = uncarried(spec, "TrainingArguments", carried, classes=tuple(_HF_OPTIM))
    if _l2_adam(plan):
        lines.append(f"the probe's torch.optim.Adam adds weight_decay {spec.hparams['weight_decay']:g} as an L2 term; "
                     "HF's adamw_torch decouples it, so weight_decay is not written (0): add the L2 term in code")
    elif spec.name == "adam":
        lines.append("torch.optim.Adam with no weight decay is adamw_torch with weight_decay 0.0, written so")
    if spec.name in _HF_OPTIM and spec.hparams.get("weight_decay") and len(spec.groups) < 2:
        lines.append("the Trainer exempts biases and norm weights from weight_decay (get_decay_parameter_names);"
                     " the probes decayed every parameter")
    if plan.batch_size and plan.micro_batch() is None:
        lines.append(f"the probed batch {plan.batch_size} does not split into {plan.accumulate} micro-batches x "
                     f"{plan.processes} processes: set per_device_train_batch_size yourself")
    elif plan.processes > 1:
        lines.append(f"per_device_train_batch_size is per process: the probe ran {plan.processes} processes "
                     f"(global batch {plan.batch_size}); run as many, or pass check --batch-size {plan.batch_size}")
    return lines


def emit_hf(plan: EmitPlan) -> str:
    """TrainingArguments as YAML, readable by ``HfArgumentParser(TrainingArguments).parse_yaml_file``."""
    lines = header(plan, "hf") + comment_block(HF_WSD_NOTES if plan.wsd else HF_NOTES) + comment_block(hf_caveats(plan))
    return "\n".join(lines) + "\n" + yaml_text(hf_arguments(plan))


def emit_hf_json(plan: EmitPlan) -> str:
    """The same TrainingArguments as JSON: no comment key, since ``parse_json_file`` refuses unknown keys."""
    return json.dumps(hf_arguments(plan), indent=2) + "\n"


def deepspeed_config(plan: EmitPlan, auto: bool = False) -> dict[str, Any]:
    """A DeepSpeed config with optimizer + WarmupCosineLR; ``auto`` leaves the numbers to the HF Trainer."""
    notes = [line[2:] for line in header(plan, "deepspeed-auto" if auto else "deepspeed")] + list(DEEPSPEED_NOTES)
    if auto:
        notes.append("'auto' values are filled by the HF Trainer from TrainingArguments: use with --format hf.")
    if plan.warmup_steps < 2:
        notes.append(f"This recipe warms up over {plan.warmup_steps} step(s): DeepSpeed will warm up over 2 regardless.")
    config: dict[str, Any] = {"_warmfind": notes}  # DeepSpeed ignores top-level keys it does not know
    if auto:
        config.update(train_batch_size="auto", train_micro_batch_size_per_gpu="auto", gradient_accumulation_steps="auto")
    elif plan.batch_size:
        config["train_batch_size"] = plan.batch_size  # samples per optimizer step, across all processes
        if plan.accumulate > 1:
            config["gradient_accumulation_steps"] = plan.accumulate  # DeepSpeed derives the micro-batch per GPU
    config["gradient_clipping"] = "auto" if auto else (plan.grad_clip or 0.0)  # 0 = off; auto = HF's max_grad_norm
    optimizer = _deepspeed_optimizer(plan, auto)
    notes += uncarried(plan.spec, "DeepSpeed", ("betas", "eps", "weight_decay", "momentum", "dampening", "nesterov"),
                       classes=tuple(_DS_OPTIMIZER) if optimizer is None else ())
    if optimizer is not None:
        config["optimizer"] = optimizer
    config["scheduler"] = {
        "type": "WarmupCosineLR",
        "params": {
            "total_num_steps": "auto" if auto else plan.total_steps,
            # DeepSpeed 0.19+ refuses 0; it warms up over max(2, W) steps whatever is written here.
            "warmup_num_steps": "auto" if auto else max(1, plan.warmup_steps),
            "warmup_type": "linear",
            "warmup_min_ratio": 0.0,
            "cos_min_ratio": plan.schedule.floor_ratio,
        },
    }
    return config


def _deepspeed_optimizer(plan: EmitPlan, auto: bool) -> dict[str, Any] | None:
    """The ``optimizer`` block: type and params (None for a class DeepSpeed cannot build by name)."""
    spec = plan.spec
    torch_name = spec.class_path.rpartition(".")[2] if spec.class_path.startswith("torch.optim.") else None
    kind = _DS_OPTIMIZER.get(spec.name, torch_name)  # DeepSpeed builds other names as getattr(torch.optim, name)
    if kind is None:
        return None
    params: dict[str, Any] = {"lr": "auto" if auto else plan.peak_lr}
    for key, value in spec.hparams.items():
        # Under the HF Trainer only lr, betas, eps and weight_decay have TrainingArguments to fill them.
        params[key] = "auto" if auto and key in ("betas", "eps", "weight_decay") else value
    if spec.name == "adam":
        params["adam_w_mode"] = False  # DeepSpeed's "Adam" is AdamW unless told: torch.optim.Adam adds L2 decay
    return {"type": kind, "params": params}


def emit_deepspeed(plan: EmitPlan) -> str:
    """DeepSpeed JSON with concrete numbers, for ``deepspeed.initialize(config=...)``."""
    return json.dumps(deepspeed_config(plan), indent=2) + "\n"


def emit_deepspeed_auto(plan: EmitPlan) -> str:
    """DeepSpeed JSON for ``TrainingArguments(deepspeed=...)``: numbers as "auto", the floor ratio spelled out."""
    return json.dumps(deepspeed_config(plan, auto=True), indent=2) + "\n"


__all__ = ["emit_hf", "emit_hf_json", "emit_deepspeed", "emit_deepspeed_auto", "hf_arguments", "deepspeed_config"]
