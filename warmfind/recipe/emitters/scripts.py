"""Python outputs: a nanoGPT config file (``exec``'d by its configurator) and a runnable torch snippet."""

from __future__ import annotations

from warmfind.recipe.emitters.plan import EmitPlan, comment_block, float_literal, header

NANOGPT_NOTES = (
    "nanoGPT get_lr(it): learning_rate * (it + 1) / (warmup_iters + 1) for it < warmup_iters, then",
    "min_lr + 0.5 * (1 + cos(pi * (it - warmup_iters) / (lr_decay_iters - warmup_iters))) * (learning_rate - min_lr),",
    "and min_lr past lr_decay_iters. Off by one in warmup, by design of nanoGPT: step s < W runs at",
    "peak * (s + 1) / (W + 1) where the recipe has peak * s / W (step 0 gets peak / (W + 1), not 0);",
    "from step W on it is the recipe's schedule exactly, with lr_decay_iters = total steps.",
    "nanoGPT trains iterations 0..max_iters inclusive, so max_iters = total - 1 gives the recipe's total.",
    "iter_num counts optimizer steps (gradient_accumulation_steps micro-steps each, split across DDP processes).",
    "get_lr sets every parameter group to the same LR.",
    "batch_size x gradient_accumulation_steps is the probed batch per optimizer step. Under DDP with N processes,",
    "nanoGPT divides gradient_accumulation_steps by N: set it to N and batch_size to the probed batch / N.",
)

TORCH_NOTES = (
    "A LambdaLR with the recipe's exact formula. LinearLR + CosineAnnealingLR in a SequentialLR cannot give it:",
    "LinearLR needs start_factor > 0 (step 0 would not be 0) and CosineAnnealingLR's recursive update drifts.",
    "Build the optimizer with lr = PEAK_LR; call scheduler.step() after every optimizer.step().",
    "warmfind.schedule.from_recipe(recipe_path, optimizer) builds the same scheduler straight from the recipe.",
)


def emit_nanogpt(plan: EmitPlan) -> str:
    """A nanoGPT config file: floats written as float literals and iters as ints, as its configurator checks."""
    values = {
        "learning_rate": float_literal(plan.peak_lr),
        "min_lr": float_literal(plan.min_lr),
        "warmup_iters": str(plan.warmup_steps),
        "lr_decay_iters": str(plan.total_steps),
        "max_iters": str(plan.total_steps - 1),
        "decay_lr": "True",
        "grad_clip": float_literal(plan.grad_clip or 0.0),  # nanoGPT clips unless grad_clip == 0.0
    }
    if plan.batch_size:  # the LR holds at the probed batch: carry it (emit --set batch_size=N moves both)
        values["batch_size"] = str(plan.batch_size)
        values["gradient_accumulation_steps"] = "1"
    overrides = " ".join(f"--{k}={v}" for k, v in values.items())
    lines = header(plan, "nanogpt") + comment_block(NANOGPT_NOTES)
    lines += comment_block(["run: python train.py config/<this file>.py", f"or as overrides: python train.py {overrides}"])
    lines += [f"{key} = {value}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


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
    lines = header(plan, "torch") + comment_block(TORCH_NOTES)
    return "\n".join(lines) + "\n" + body.lstrip("\n")


def _python(value: object) -> str:
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, float):
        return float_literal(value)
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(_python(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return repr(value)
