"""YAML configs that name their classes: torchtune (``_component_``), litgpt and LightningCLI (``class_path``).

Each writes the optimizer with the recipe's peak LR and the scheduler settings the stack reads, and says in a
comment where the stack's schedule differs from the recipe's.
"""

from __future__ import annotations

import shlex
from typing import Any

from warmfind.recipe.emitters.optimizer import uncarried
from warmfind.recipe.emitters.plan import (
    EmitPlan,
    comment_block,
    float_literal,
    header,
    yaml_text,
)
from warmfind.recipe.schedule import WSD

TORCHTUNE_SCHEDULER = "torchtune.training.lr_schedulers.get_cosine_schedule_with_warmup"
LIGHTNING_SCHEDULER = "warmfind.schedule.WarmupCosineLR"


def _optimizer_args(plan: EmitPlan) -> dict[str, Any]:
    return {"lr": plan.peak_lr, **plan.optimizer_hparams()}


def _optimizer_notes(plan: EmitPlan, stack: str) -> list[str]:
    """What the stack's one optimizer entry cannot hold (per-group settings), as comments."""
    return comment_block(uncarried(plan.spec, stack, tuple(plan.spec.hparams)))


def _micro_and_accumulation(plan: EmitPlan, batch_key: str, accumulation_key: str) -> dict[str, int]:
    """The probed micro-batch per process and (when probed with --accumulate) the accumulation, under a stack's keys."""
    micro = plan.micro_batch()
    if micro is None:
        return {}
    return {batch_key: micro, **({accumulation_key: plan.accumulate} if plan.accumulate > 1 else {})}


def emit_torchtune(plan: EmitPlan) -> str:
    """A torchtune config fragment: ``optimizer``, ``lr_scheduler`` and the length, with ``tune run`` overrides."""
    floor = "holds the peak" if plan.constant_tail else f"decays to min_lr = {float_literal(plan.min_lr)}"
    notes = [
        f"{TORCHTUNE_SCHEDULER}: s / W during warmup, then",
        "0.5 * (1 + cos(pi * (s - W) / (N - W))) with no floor. Warmup and the peak at step W match the recipe;",
        f"after that it decays to 0 where the recipe {floor}: its LR is lower by min_lr * (1 - c(s)),",
        "reaching 0 instead of min_lr at the end." if not plan.constant_tail
        else "so the constant tail is lost: use a LambdaLR (--format torch) in a custom recipe.",
        "torchtune recipes pass N = epochs * steps_per_epoch to the scheduler themselves, with",
        "steps_per_epoch = min(len(dataloader) // gradient_accumulation_steps, max_steps_per_epoch):",
        f"epochs 1 and max_steps_per_epoch {plan.total_steps} give {plan.total_steps} optimizer steps when the data",
        f"holds at least {plan.total_steps} x gradient_accumulation_steps batches (do not set num_training_steps here).",
    ]
    overrides = {
        "optimizer.lr": float_literal(plan.peak_lr),
        "lr_scheduler.num_warmup_steps": str(plan.warmup_steps),
        "epochs": "1",
        "max_steps_per_epoch": str(plan.total_steps),
    }
    command = "tune run <recipe> --config <config> " + " ".join(shlex.quote(f"{k}={v}") for k, v in overrides.items())
    config = {
        "optimizer": {"_component_": plan.optimizer_class, **_optimizer_args(plan)},
        "lr_scheduler": {"_component_": TORCHTUNE_SCHEDULER, "num_warmup_steps": plan.warmup_steps},
        "epochs": 1,
        "max_steps_per_epoch": plan.total_steps,
        "clip_grad_norm": plan.grad_clip,  # null: no clipping, as probed
        **_micro_and_accumulation(plan, "batch_size", "gradient_accumulation_steps"),
    }
    lines = header(plan, "torchtune") + comment_block(notes) + comment_block(["as overrides:", command])
    return "\n".join(lines + _optimizer_notes(plan, "torchtune")) + "\n" + yaml_text(config)


def emit_litgpt(plan: EmitPlan) -> str:
    """litgpt ``--config`` YAML: ``train`` schedule fields and the optimizer as ``class_path`` + ``init_args``."""
    notes = [
        "litgpt pretrain: get_lr = lr * it / warmup_iters, then min_lr + c * (lr - min_lr) with",
        "c = 0.5 * (1 + cos(pi * (it - warmup_iters) / (max_iters - warmup_iters))): the recipe's formula,",
        "but `it` counts micro-batch iterations: warmup_iters = lr_warmup_steps * gradient_accumulation_iters and",
        "max_iters comes from train.max_tokens (pretrain refuses train.max_steps): there, drop max_steps and set",
        f"train.max_tokens = {plan.total_steps} * global_batch_size * max_seq_length. With A > 1 micro-batches per step the",
        "LR of optimizer step k is the one set at its last micro-batch, peak * (k*A + A - 1) / (W*A) during warmup.",
        "litgpt finetune (full, lora, adapter): LambdaLR(step / W) then CosineAnnealingLR(T_max = max_steps - W)",
        "in a SequentialLR, stepped per optimizer step, with NO floor: train.min_lr is ignored and the LR reaches 0",
        "at max_steps (lower than the recipe by min_lr * (1 - c) after warmup); lr_warmup_steps must be >= 1.",
        "Its cosine length is min(epochs * steps_per_epoch, max_steps): keep train.epochs large enough.",
    ]
    config = {
        "train": {"lr_warmup_steps": plan.warmup_steps, "max_steps": plan.total_steps, "min_lr": plan.min_lr,
                  "max_norm": plan.grad_clip,
                  **({"global_batch_size": plan.batch_size} if plan.batch_size else {}),
                  **({"micro_batch_size": micro} if (micro := plan.micro_batch()) else {})},
        "optimizer": {"class_path": plan.optimizer_class, "init_args": _optimizer_args(plan)},
    }
    lines = header(plan, "litgpt") + comment_block(notes) + _optimizer_notes(plan, "litgpt")
    return "\n".join(lines) + "\n" + yaml_text(config)


def emit_lightning(plan: EmitPlan) -> str:
    """LightningCLI YAML: optimizer, ``warmfind.schedule.WarmupCosineLR`` and ``trainer.max_steps``."""
    notes = [
        f"{LIGHTNING_SCHEDULER} is a LambdaLR with the recipe's exact formula (warmfind must be installed where",
        "training runs). It must be stepped every optimizer step, but LightningCLI's default configure_optimizers",
        "returns [optimizer], [lr_scheduler], which Lightning steps once per EPOCH. Return interval 'step':",
        "",
        "  class CLI(LightningCLI):",
        "      @staticmethod",
        "      def configure_optimizers(lightning_module, optimizer, lr_scheduler=None):",
        "          return {\"optimizer\": optimizer,",
        "                  \"lr_scheduler\": {\"scheduler\": lr_scheduler, \"interval\": \"step\"}}",
        "",
        "trainer.max_steps counts optimizer steps (global_step), also under accumulate_grad_batches and DDP.",
    ]
    config = {
        "optimizer": {"class_path": plan.optimizer_class, "init_args": _optimizer_args(plan)},
        "lr_scheduler": {
            "class_path": LIGHTNING_SCHEDULER,
            "init_args": {"warmup_steps": plan.warmup_steps, "total_steps": plan.total_steps, "min_lr": plan.min_lr,
                          **({"shape": WSD, "decay_fraction": plan.schedule.decay_fraction} if plan.wsd else {})},
        },
        "trainer": {"max_steps": plan.total_steps, "gradient_clip_val": plan.grad_clip,
                    **({"accumulate_grad_batches": plan.accumulate} if plan.accumulate > 1 else {})},
    }
    if plan.batch_size:  # the batch lives in the user's DataModule, which warmfind cannot name
        notes += ["", f"the probed batch: {plan.micro_batch() or '?'} samples per micro-batch per process "
                      f"(data.init_args.batch_size, or your DataModule's), {plan.batch_size} per optimizer step"]
    lines = header(plan, "lightning") + comment_block(notes) + _optimizer_notes(plan, "LightningCLI")
    return "\n".join(lines) + "\n" + yaml_text(config)
