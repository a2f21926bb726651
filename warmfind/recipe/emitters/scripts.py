"""Python outputs: a nanoGPT config file (``exec``'d by its configurator) and a runnable torch snippet."""

from __future__ import annotations

import math

from warmfind.defaults import NANOGPT_EVALS
from warmfind.recipe.emitters.optimizer import uncarried
from warmfind.recipe.emitters.plan import EmitPlan, comment_block, float_literal, header

NANOGPT_NOTES = (
    "nanoGPT get_lr(it): learning_rate * (it + 1) / (warmup_iters + 1) for it < warmup_iters, then",
    "min_lr + 0.5 * (1 + cos(pi * (it - warmup_iters) / (lr_decay_iters - warmup_iters))) * (learning_rate - min_lr),",
    "and min_lr past lr_decay_iters. Off by one in warmup, by design of nanoGPT: step s < W runs at",
    "peak * (s + 1) / (W + 1) where the recipe has peak * s / W (step 0 gets peak / (W + 1), not 0);",
    "from step W on it is the recipe's schedule exactly, with lr_decay_iters = total steps.",
    "iter_num counts optimizer steps (gradient_accumulation_steps micro-steps each, split across DDP processes).",
    "get_lr sets every parameter group to the same LR.",
    "batch_size x gradient_accumulation_steps is the probed batch per optimizer step. Under DDP with N processes,",
    "nanoGPT divides gradient_accumulation_steps by N: multiply it by N and keep batch_size.",
)
NANOGPT_ADAMW_KEYS = ("betas", "weight_decay")  # beta1, beta2, weight_decay; eps stays torch's default 1e-8
TORCH_DEFAULT_EPS = 1e-8


def eval_interval_for(total: int, evals: int = NANOGPT_EVALS) -> int:
    """The divisor of ``total`` nearest ``total / evals`` (by ratio): the run's last eval then falls on its last step."""
    target = max(1.0, total / evals)
    divisors = [d for d in range(1, math.isqrt(total) + 1) if total % d == 0]
    divisors += [total // d for d in divisors]
    return min(divisors, key=lambda d: (abs(math.log(d / target)), -d))


def _length_notes(total: int, interval: int) -> list[str]:
    """How nanoGPT's loop maps max_iters to the recipe's steps, and why eval_interval is written."""
    return [
        "train.py evaluates (and checkpoints) when iter_num % eval_interval == 0, before that iteration's update,",
        "and stops once iter_num > max_iters. So max_iters = lr_decay_iters = total steps, with eval_interval dividing",
        f"it ({interval} divides {total}): the last eval and checkpoint see the model after exactly {total} optimizer steps,",
        f"the recipe's run. nanoGPT then trains one more iteration (iter {total}, at min_lr) that is never evaluated or",
        f"saved. Keep eval_interval a divisor of max_iters: with max_iters = {total - 1}, or an eval_interval that does",
        "not divide it, the final model is never evaluated or saved. A checkpoint is written only when the val loss",
        "improves, unless always_save_checkpoint = True.",
    ]


def _nanogpt_optimizer(plan: EmitPlan) -> tuple[dict[str, str], list[str]]:
    """beta1, beta2, weight_decay for train.py's AdamW, and what it cannot carry."""
    spec = plan.spec
    hp = spec.hparams
    values: dict[str, str] = {}
    if spec.name in ("adamw", "adam") and not (spec.name == "adam" and hp.get("weight_decay")):
        if "betas" in hp:
            values["beta1"], values["beta2"] = (float_literal(float(b)) for b in hp["betas"])
        values["weight_decay"] = float_literal(float(hp.get("weight_decay", 0.0)))
    carried = NANOGPT_ADAMW_KEYS + (("eps",) if hp.get("eps", TORCH_DEFAULT_EPS) == TORCH_DEFAULT_EPS else ())
    notes = uncarried(spec, "nanoGPT (train.py always builds torch.optim.AdamW)", carried, classes=("adamw", "adam"))
    if spec.name == "adam" and hp.get("weight_decay"):
        notes.append("the probe's torch.optim.Adam adds weight_decay as an L2 term; train.py's AdamW decouples it: "
                     "beta1, beta2 and weight_decay are left to your config")
    elif values.get("weight_decay") not in (None, "0.0"):
        notes.append("train.py's configure_optimizers decays only tensors with 2+ dimensions (weights, embeddings), "
                     "not biases or LayerNorm; the probes decayed every parameter")
    return values, notes


def emit_nanogpt(plan: EmitPlan) -> str:
    """A nanoGPT config file: floats written as float literals and iters as ints, as its configurator checks."""
    interval = eval_interval_for(plan.total_steps)
    values = {
        "learning_rate": float_literal(plan.peak_lr),
        "min_lr": float_literal(plan.min_lr),
        "warmup_iters": str(plan.warmup_steps),
        "lr_decay_iters": str(plan.total_steps),
        "max_iters": str(plan.total_steps),
        "eval_interval": str(interval),
        "decay_lr": "True",
        "grad_clip": float_literal(plan.grad_clip or 0.0),  # nanoGPT clips unless grad_clip == 0.0
    }
    optimizer, optimizer_notes = _nanogpt_optimizer(plan)
    values.update(optimizer)
    micro = plan.micro_batch()
    if micro is not None:  # the LR holds at the probed batch: carry it (emit --set batch_size=N moves both)
        values["batch_size"] = str(micro)
        values["gradient_accumulation_steps"] = str(plan.accumulate * plan.processes)
    overrides = " ".join(f"--{k}={v}" for k, v in values.items())
    lines = header(plan, "nanogpt") + comment_block(NANOGPT_NOTES) + comment_block(_length_notes(plan.total_steps, interval))
    lines += comment_block(optimizer_notes)
    lines += comment_block(["run: python train.py config/<this file>.py", f"or as overrides: python train.py {overrides}"])
    lines += [f"{key} = {value}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


TORCH_NOTES = (
    "A LambdaLR with the recipe's exact formula. LinearLR + CosineAnnealingLR in a SequentialLR cannot give it:",
    "LinearLR needs start_factor > 0 (step 0 would not be 0) and CosineAnnealingLR's recursive update drifts.",
    "Build the optimizer with lr = PEAK_LR; call scheduler.step() after every optimizer.step().",
    "warmfind.schedule.from_recipe(recipe_path, optimizer) builds the same scheduler straight from the recipe.",
)


COSINE_FACTOR = '''
def lr_factor(step: int) -> float:
    """LR / PEAK_LR at optimizer step `step`: step / W, then c + (1 - c) * MIN_LR / PEAK_LR, c the half-cosine."""
    if step < WARMUP_STEPS:
        return step / WARMUP_STEPS
    decay_steps = TOTAL_STEPS - WARMUP_STEPS
    progress = min((step - WARMUP_STEPS) / decay_steps, 1.0) if decay_steps > 0 else 0.0
    cosine = 0.5 * (1.0 + math.cos(math.pi * progress))
    return cosine + (1.0 - cosine) * (MIN_LR / PEAK_LR if PEAK_LR else 0.0)
'''

WSD_FACTOR = '''
def lr_factor(step: int) -> float:
    """LR / PEAK_LR at optimizer step `step` (warmup-stable-decay): step / W, then 1 until the last DECAY_STEPS,
    then linear down to MIN_LR / PEAK_LR at the last step (HF's warmup_stable_decay with a linear decay)."""
    if step < WARMUP_STEPS:
        return step / WARMUP_STEPS
    start = TOTAL_STEPS - DECAY_STEPS
    if step < start:
        return 1.0
    floor = MIN_LR / PEAK_LR if PEAK_LR else 0.0
    remaining = max(0.0, 1.0 - (step - start) / DECAY_STEPS)
    return remaining * (1.0 - floor) + floor
'''


def emit_torch(plan: EmitPlan) -> str:
    """A self-contained Python module: constants, ``lr_factor(step)``, ``build_scheduler(optimizer)`` and a demo."""
    hp = plan.optimizer_hparams()
    kwargs = "".join(f", {k}={_python(v)}" for k, v in hp.items())
    decay = f"\nDECAY_STEPS = {plan.schedule.decay_steps}  # the final linear decay (warmup-stable-decay)" if plan.wsd else ""
    body = f'''
import math

import torch

PEAK_LR = {float_literal(plan.peak_lr)}
WARMUP_STEPS = {plan.warmup_steps}
TOTAL_STEPS = {plan.total_steps}
MIN_LR = {float_literal(plan.min_lr)}{decay}

{(WSD_FACTOR if plan.wsd else COSINE_FACTOR).strip()}


def build_optimizer(params) -> torch.optim.Optimizer:
    return {plan.optimizer_class}(params, lr=PEAK_LR{kwargs})


def build_scheduler(optimizer: torch.optim.Optimizer) -> torch.optim.lr_scheduler.LambdaLR:
    """Multiplies each group's LR, so groups built with other LRs keep their ratio to PEAK_LR."""
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lr_factor)


if __name__ == "__main__":
    optimizer = build_optimizer(torch.nn.Linear(4, 1).parameters())
    scheduler = build_scheduler(optimizer)
    for step in range(TOTAL_STEPS):
        if step in (0, WARMUP_STEPS, TOTAL_STEPS - 1):
            print(f"step {{step}}: lr {{scheduler.get_last_lr()[0]:.6g}}")
        optimizer.step()
        scheduler.step()
'''
    lines = header(plan, "torch") + comment_block(TORCH_NOTES) + comment_block(uncarried(plan.spec, "build_optimizer", tuple(hp)))
    return "\n".join(lines) + "\n" + body.lstrip("\n")


def _python(value: object) -> str:
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, float):
        return float_literal(value)
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(_python(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return repr(value)
