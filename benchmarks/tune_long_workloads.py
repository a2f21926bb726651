"""Tune-half long plans: one 3,000-step plan from each family of the suite's ``tune`` half, with ground truth.

warmfind caps its probe cost on long plans (total_steps >= 3000) at ``LONG_PLAN_RUNS`` (warmfind/defaults.py).
Defaults may only be chosen on the suite's ``tune`` half (``suite_workloads.family_split``: cnn_bn, deep_mlp,
rnn, transformer_preln, transformer_postln), and the suite has no long plan; the exams' long plans are not for
tuning. These five are small versions of tune workloads, built so that the cap can be chosen on tune.

Each reuses the suite's own factory (imported from ``suite_workloads``, smaller sizes through its keyword
arguments), the suite's optimiser for that workload, and the suite's data and held-out ``eval_data``; it is
named ``<suite base name>@long``; only the length (3,000 steps), the model size and, for some, the batch and the
context differ:

- ``cnn_bn_adamw_noisy@long``: the suite's cnn_bn_adamw_noisy (SmallCNN with BatchNorm on a 2048-image pool with
  25% flipped labels, clean held-out, AdamW wd 0.05) at batch 8 (suite: 64); the factory has no size argument
  and the model is already small. (cnn_bn_sgd_b8@long was tried first and dropped: seed noise ~4%, see
  benchmarks/results/tune_long/README.md)
- ``deep_mlp_sgdm_stream@long``: the 10-layer He-initialised ReLU MLP at width 32 (suite: 64), SGD + momentum
- ``gru_charlm_adam95@long``: the GRU character LM with embedding 16, hidden 32, context 8 (suite: 32, 96, 32),
  batch 8 (suite: 16), Adam beta2 0.95
- ``charlm_preln_adam95_b8@long``: the Pre-LN character transformer, 1 layer, d_model 16, 2 heads, context 16
  (suite: 3 layers, 32, 4, 32), batch 8, Adam beta2 0.95
- ``charlm_postln_adam_b8@long``: the same, Post-LN, Adam beta2 0.999 (suite: charlm_postln_adam_b8)

The grid (``suite_grid.py --registry tune_long_workloads``) is the exams' long-plan grid: warmup 0 and 5% only,
seeds 0 and 1, a factor-2 ladder from ``start_lr`` (near the tune workload's suite grid best) to clearly worse
ends, at most 10 rungs. Results: benchmarks/results/tune_long/.

The split: every workload here is ``tune`` (``split`` and ``family_split`` both say so). ``build(name,
no_eval=True)`` drops ``eval_data``; the entrypoint is ``benchmarks/tune_long_workloads.py:build``.

    python benchmarks/tune_long_workloads.py          # the table
    python benchmarks/tune_long_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry  # noqa: E402  (the registry record the exams use)
from suite_workloads import charlm_gru, charlm_transformer, cnn, deep_mlp, family_split  # noqa: E402

TITLE = "Tune long plans"


@dataclass(frozen=True)
class TuneLongWorkload(ExamWorkload):
    """An exam-format record whose split is ``tune`` (a small long version of a suite tune workload)."""

    @property
    def split(self) -> str:
        return "tune"

    @property
    def family_split(self) -> str:
        return family_split(self.family)


W = TuneLongWorkload
LONG_FRACTIONS = (0.0, 0.05)  # long plans: warmup 0 and 5% only (as the exams')
LONG = (
    W("cnn_bn_adamw_noisy@long", cnn, 3000, "cnn_bn", "adamw_wd", "label_noise", 8,
      dict(bn=True, train_size=2048, flip=0.25, optimizer="adamw"), seconds=4.5, start_lr=0.016,
      grid_fractions=LONG_FRACTIONS, long_of="cnn_bn_adamw_noisy"),
    W("deep_mlp_sgdm_stream@long", deep_mlp, 3000, "deep_mlp", "sgd_momentum", "stream", 32,
      dict(he_init=True, width=32), seconds=1.8, start_lr=0.05, grid_fractions=LONG_FRACTIONS,
      long_of="deep_mlp_sgdm_stream"),
    W("gru_charlm_adam95@long", charlm_gru, 3000, "rnn", "adam_b2_0.95", "stream", 8,
      dict(d_embed=16, hidden=32, seq_len=8), seconds=4.2, start_lr=0.016, grid_fractions=LONG_FRACTIONS,
      long_of="gru_charlm_adam95"),
    W("charlm_preln_adam95_b8@long", charlm_transformer, 3000, "transformer_preln", "adam_b2_0.95", "stream", 8,
      dict(d_model=16, layers=1, heads=2, seq_len=16, optimizer="adam95"), seconds=4.6, start_lr=0.008,
      grid_fractions=LONG_FRACTIONS, long_of="charlm_preln_adam95_b8"),
    W("charlm_postln_adam_b8@long", charlm_transformer, 3000, "transformer_postln", "adam_b2_0.999", "stream", 8,
      dict(d_model=16, layers=1, heads=2, seq_len=16, post_ln=True, optimizer="adam"), seconds=4.3, start_lr=0.008,
      grid_fractions=LONG_FRACTIONS, long_of="charlm_postln_adam_b8"),
)

REGISTRY = Registry((), LONG, "tune_long_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the tune-half long plans")
