"""The ninth exam: six more workload families that neither the suite nor the first eight exams have.

Same rules as exams 1-8 (``exam_workloads.py`` ... ``exam8_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, or a stream). The families already taken are listed
in ``exam8_workloads.py``'s docstring, plus exam 8's own (GloVe, neural additive model, LISTA, MLP-Mixer,
Gumbel-softmax autoencoder, mixup, RBF network, modern Hopfield) and the dropped set transformer, capsule net,
offline DQN and conditional neural process.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- RankNet (Burges et al.): an MLP scorer trained on the pairwise logistic loss over the document pairs of a query
  whose graded relevance differs; SGD with Nesterov momentum and weight decay
- CP tensor completion: a rank-8 CANDECOMP/PARAFAC model of a 3-way tensor fitted to its observed entries; Adamax
- multi-label classifier: an MLP with dropout and one sigmoid per tag, binary cross-entropy over 12 correlated
  tags (binary relevance, as multi-label tagging code writes it); Adam
- Fourier-feature MLP (Tancik et al.): fixed Gaussian random Fourier features of 2-d coordinates, then a ReLU
  MLP, regressing an image-like surface from scattered noisy samples; RAdam
- prototypical network (Snell et al.): an embedding MLP, 5-way 5-shot episodes, queries classified by the
  negative squared distance to the class prototypes; RMSprop with momentum 0.9
- tabular masked autoencoder: a quarter of a row's features replaced by learned mask tokens, an MLP
  encoder-decoder reconstructs them (loss on the masked ones only); AdamW with betas (0.9, 0.95) and weight decay
  0.05 (MAE's)

Long plans (``<name>@long``, total_steps = 3000): a tiny tabular MAE, grid warmup 0 and 5% only (a RankNet one
was dropped before the grid, flat; a CP completion one after the first grid pass, seed noise 6.7%; a prototypical
network one tried in its place was flat and noisy).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, the batch order and the training
masks. The entrypoint is ``benchmarks/exam9_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam9/README.md).

    python benchmarks/exam9_workloads.py          # the table
    python benchmarks/exam9_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, Stream, _named, held_out, loader, split_batches  # noqa: E402

TITLE = "Exam 9"


# --------------------------------------------------------------------------------------------------------------
# 1. RankNet, pairwise (SGD, Nesterov, weight decay)

RANK_FEATURES = 16


def _queries(n: int, gen: torch.Generator, docs: int = 12) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` queries of ``docs`` documents with 16 features; a document's grade (0-4) is a fixed nonlinear
    teacher's score plus noise sd 0.5, cut at its quantiles, so close documents are often graded in the wrong
    order."""
    tg = torch.Generator().manual_seed(9191)
    w1 = torch.randn(RANK_FEATURES, 24, generator=tg) / RANK_FEATURES**0.5
    w2 = torch.randn(24, generator=tg) / 24**0.5
    x = torch.randn(n, docs, RANK_FEATURES, generator=gen)
    score = torch.tanh(x @ w1) @ w2 * 2.0 + 0.3 * x[..., 0]
    score = score + 0.5 * torch.randn(n, docs, generator=gen)
    grade = torch.bucketize(score, torch.tensor([-0.9, -0.3, 0.3, 0.9]))
    return x, grade.float()


def ranknet_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """log(1 + exp(-(s_i - s_j))) over every pair of a query with grade_i > grade_j, averaged over pairs;
    positive (the grades are noisy, so no scorer orders every pair)."""
    x, grade = batch
    s = model(x).squeeze(-1)  # (b, docs)
    diff = s[:, :, None] - s[:, None, :]
    better = (grade[:, :, None] > grade[:, None, :]).float()
    return (F.softplus(-diff) * better).sum() / better.sum()


def ranknet(batch_size: int = 16, seed: int = 0, queries: int = 1024, hidden: int = 64,
            weight_decay: float = 1e-4) -> dict[str, Any]:
    """RankNet (an MLP scorer, 16-64-64-1) on a pool of 1024 queries x 12 documents; held out: 512 other
    queries; SGD with Nesterov momentum 0.9, weight decay 1e-4."""
    gen = torch.Generator().manual_seed(9192)
    x, g = _queries(queries + 512, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(RANK_FEATURES, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, 1))
    return {"model": model, "data": loader(x[:queries], g[:queries], batch_size=batch_size),
            "eval_data": split_batches((x[queries:], g[queries:]), 128),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                    weight_decay=weight_decay), "sgd_nesterov_wd"),
            "loss_fn": ranknet_loss, "train_pool": (x[:queries], g[:queries])}


# --------------------------------------------------------------------------------------------------------------
# 2. CP tensor completion (Adamax)


def _tensor_entries(size: int, rank: int, observed: int, seed: int) -> tuple[tuple[torch.Tensor, ...], tuple[torch.Tensor, ...]]:
    """A size^3 tensor, the sum of ``rank`` rank-one terms with decaying weights plus noise sd 0.1 on every
    entry; ``observed`` entries drawn for training, 4096 others held out."""
    gen = torch.Generator().manual_seed(seed)
    a, b, c = (torch.randn(rank, size, generator=gen) for _ in range(3))
    weight = 1.5 * 0.8 ** torch.arange(rank, dtype=torch.float)
    idx = torch.randperm(size**3, generator=gen)[: observed + 4096]
    i, j, k = idx // size**2, (idx // size) % size, idx % size
    value = (weight[:, None] * a[:, i] * b[:, j] * c[:, k]).sum(0) + 0.1 * torch.randn(len(idx), generator=gen)
    cut = observed
    return (i[:cut], j[:cut], k[:cut], value[:cut]), (i[cut:], j[cut:], k[cut:], value[cut:])


class CPModel(nn.Module):
    """x_ijk ~ sum_r A_ir B_jr C_kr, factors initialised N(0, 0.5)."""

    def __init__(self, size: int, rank: int) -> None:
        super().__init__()
        self.factors = nn.ParameterList(nn.Parameter(0.8 * torch.randn(size, rank)) for _ in range(3))

    def forward(self, i: torch.Tensor, j: torch.Tensor, k: torch.Tensor) -> torch.Tensor:
        a, b, c = self.factors
        return (a[i] * b[j] * c[k]).sum(1)


def entry_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """Squared error on observed entries; positive (noise sd 0.1 on every entry)."""
    i, j, k, v = batch
    return F.mse_loss(model(i, j, k), v)


def cp_completion(batch_size: int = 128, seed: int = 0, size: int = 24, rank: int = 6, true_rank: int = 5,
                  observed: int = 6000) -> dict[str, Any]:
    """A rank-8 CP model of a 24^3 tensor (rank 5 plus noise) from 3000 observed entries; held out: 4096 other
    entries; Adamax."""
    train, test = _tensor_entries(size, true_rank, observed, 9292)
    torch.manual_seed(seed)
    return {"model": CPModel(size, rank), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches(test, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": entry_mse, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 3. multi-label classifier on correlated labels (Adam)

ML_FEATURES, ML_LABELS = 32, 12


def _tagged(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """32 features from a 6-d latent topic mix; 12 binary tags, each a noisy threshold of a fixed function of
    the topics, so tags co-occur (some are near-copies of others, some rare); 1% of tag bits flipped."""
    tg = torch.Generator().manual_seed(9393)
    lift = torch.randn(6, ML_FEATURES, generator=tg)
    tag_w = torch.randn(6, ML_LABELS, generator=tg) * 4.0
    tag_b = torch.linspace(-2.0, 0.5, ML_LABELS)[torch.randperm(ML_LABELS, generator=tg)]
    z = torch.randn(n, 6, generator=gen)
    x = torch.tanh(z @ lift) + 0.2 * torch.randn(n, ML_FEATURES, generator=gen)
    logit = (z @ tag_w) * torch.sigmoid(z[:, :1]) + tag_b + 0.3 * torch.randn(n, ML_LABELS, generator=gen)
    y = (logit > 0).float()
    flip = torch.rand(n, ML_LABELS, generator=gen) < 0.01
    return x, torch.where(flip, 1 - y, y)


def multilabel_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy summed over the 12 tags, averaged over examples; positive (1% of bits flipped, noisy thresholds)."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y, reduction="none").sum(1).mean()


def multilabel(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 128) -> dict[str, Any]:
    """A 32-128-128-12 ReLU MLP with dropout 0.1 tagging a 4096-example pool (12 correlated tags); held out:
    4096 others; Adam."""
    gen = torch.Generator().manual_seed(9394)
    x, y = _tagged(train_size + 4096, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(ML_FEATURES, hidden), nn.ReLU(), nn.Dropout(0.1), nn.Linear(hidden, hidden),
                          nn.ReLU(), nn.Dropout(0.1), nn.Linear(hidden, ML_LABELS))
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": multilabel_bce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 4. Fourier-feature MLP (RAdam)


def _surface_samples(n: int, gen: torch.Generator, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Coordinates uniform in [0, 1]^2; the target is an image-like surface: a disc edge, oriented gratings of
    two frequencies, a smooth gradient, plus noise sd 0.1."""
    p = torch.rand(n, 2, generator=gen)
    u, v = p[:, 0], p[:, 1]
    disc = torch.sigmoid(30 * (0.28 - ((u - 0.35) ** 2 + (v - 0.6) ** 2).sqrt()))
    grating = 0.4 * torch.sin(2 * math.pi * (6 * u + 3 * v)) * (u > 0.5).float()
    fine = 0.25 * torch.sin(2 * math.pi * 11 * v) * torch.exp(-((u - 0.7) ** 2) / 0.05)
    y = disc + grating + fine + 0.5 * u * v + noise * torch.randn(n, generator=gen)
    return p, y


class FourierMLP(nn.Module):
    """gamma(p) = [cos 2 pi B p, sin 2 pi B p] with B ~ N(0, sigma^2) drawn once with a fixed key (a buffer, the
    same for every seed, as the reference code keeps its key), then a 128-128-1 ReLU MLP."""

    def __init__(self, features: int = 64, sigma: float = 6.0, hidden: int = 128) -> None:
        super().__init__()
        self.register_buffer("B", sigma * torch.randn(2, features, generator=torch.Generator().manual_seed(9495)))
        self.net = nn.Sequential(nn.Linear(2 * features, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, p: torch.Tensor) -> torch.Tensor:
        z = 2 * math.pi * p @ self.B
        return self.net(torch.cat([z.cos(), z.sin()], 1)).squeeze(1)


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE; positive (noise sd 0.1)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def fourier_mlp(batch_size: int = 64, seed: int = 0, train_size: int = 4096, sigma: float = 6.0) -> dict[str, Any]:
    """Random Fourier features + MLP on 4096 scattered samples of a surface; held out: 4096 other points; RAdam."""
    gen = torch.Generator().manual_seed(9494)
    x, y = _surface_samples(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": FourierMLP(sigma=sigma), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"), "loss_fn": mse,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 5. prototypical network (RMSprop, momentum 0.9)

PROTO_DIM, PROTO_WAY, PROTO_SHOT, PROTO_QUERY = 20, 5, 5, 5


def _class_world(classes: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Each class: a centre in a 6-d latent space and its own latent spread; inputs are a fixed nonlinear map of
    the latent to 20 features, plus noise."""
    gen = torch.Generator().manual_seed(seed)
    return 1.2 * torch.randn(classes, 6, generator=gen), 0.5 + 0.5 * torch.rand(classes, 1, generator=gen)


def _lift(z: torch.Tensor) -> torch.Tensor:
    m = torch.randn(6, PROTO_DIM, generator=torch.Generator().manual_seed(9595))
    return torch.tanh(z @ m) + 0.3 * (z @ m)


def _episodes(classes: tuple[torch.Tensor, torch.Tensor]):
    centres, spread = classes

    def sample(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
        """``n`` episodes: 5 of the classes, 5 support and 5 query examples each; returns (n, way, shot+query,
        features) and the query labels."""
        pick = torch.rand(n, len(centres), generator=gen).argsort(1)[:, :PROTO_WAY]
        per = PROTO_SHOT + PROTO_QUERY
        z = centres[pick][:, :, None] + spread[pick][:, :, None] * torch.randn(n, PROTO_WAY, per, 6, generator=gen)
        x = _lift(z) + 0.3 * torch.randn(n, PROTO_WAY, per, PROTO_DIM, generator=gen)
        return x, torch.arange(PROTO_WAY).repeat_interleave(PROTO_QUERY).expand(n, -1)

    return sample


def proto_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy of the queries under softmax(-||f(x) - c_k||^2); positive (the classes overlap)."""
    x, y = batch
    e = model(x)  # (n, way, shot+query, d)
    prototypes = e[:, :, :PROTO_SHOT].mean(2)  # (n, way, d)
    queries = e[:, :, PROTO_SHOT:].flatten(1, 2)  # (n, way*query, d)
    logits = -torch.cdist(queries, prototypes).pow(2)
    return F.cross_entropy(logits.flatten(0, 1), y.flatten())


def protonet(batch_size: int = 8, seed: int = 0, hidden: int = 64) -> dict[str, Any]:
    """A prototypical network (20-64-64-16 embedding) on 5-way 5-shot episodes from 64 training classes (a
    stream); held out: 512 episodes from 64 novel classes; RMSprop with momentum 0.9."""
    train_classes, test_classes = _class_world(64, 9596), _class_world(64, 9597)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(PROTO_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, 16))
    return {"model": model, "data": Stream(_episodes(train_classes), batch_size),
            "eval_data": held_out(_episodes(test_classes), 512, 64, 959),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, momentum=0.9), "rmsprop_momentum"),
            "loss_fn": proto_loss}


# --------------------------------------------------------------------------------------------------------------
# 6. tabular masked autoencoder (AdamW, betas (0.9, 0.95), weight decay 0.05)

MAE_FEATURES = 24


def _table(n: int, gen: torch.Generator) -> torch.Tensor:
    """24 standardised features driven by a 5-d latent through a fixed random two-layer map, plus noise sd 0.3."""
    tg = torch.Generator().manual_seed(9696)
    w1, w2 = torch.randn(5, 32, generator=tg), torch.randn(32, MAE_FEATURES, generator=tg) / 32**0.5
    x = torch.tanh(torch.randn(n, 5, generator=gen) @ w1) @ w2
    x = (x - x.mean(0)) / x.std(0)
    return x + 0.3 * torch.randn(n, MAE_FEATURES, generator=gen)


class TabularMAE(nn.Module):
    """Masked features are replaced by a learned per-feature token; an MLP encoder (24-128-32) and decoder
    (32-128-24) reconstruct the row."""

    def __init__(self, hidden: int = 128, code: int = 32) -> None:
        super().__init__()
        self.token = nn.Parameter(torch.zeros(MAE_FEATURES))
        self.encoder = nn.Sequential(nn.Linear(2 * MAE_FEATURES, hidden), nn.GELU(), nn.Linear(hidden, code))
        self.decoder = nn.Sequential(nn.GELU(), nn.Linear(code, hidden), nn.GELU(), nn.Linear(hidden, MAE_FEATURES))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        visible = torch.where(mask, self.token, x)
        return self.decoder(self.encoder(torch.cat([visible, mask.float()], 1)))


def mae_loss(model: nn.Module, batch: Any, ratio: float = 0.25) -> torch.Tensor:
    """MSE on the masked features only; the mask is drawn afresh for a training batch (a held-out batch carries
    its own). Positive (noise sd 0.3 on every feature)."""
    x, mask = batch if len(batch) == 2 else (batch[0], torch.rand(batch[0].shape) < ratio)
    return (model(x, mask) - x).pow(2)[mask].mean()


def tabular_mae(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 128) -> dict[str, Any]:
    """A masked autoencoder on an 8192-row table (a quarter of the features masked); held out: 2048 other rows
    with fixed masks; AdamW(betas=(0.9, 0.95), weight_decay=0.05)."""
    gen = torch.Generator().manual_seed(9697)
    x = _table(train_size + 2048, gen)
    test_mask = torch.rand(2048, MAE_FEATURES, generator=gen) < 0.25
    torch.manual_seed(seed)
    return {"model": TabularMAE(hidden), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], test_mask), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.95), weight_decay=0.05),
                                "adamw_mae"),
            "loss_fn": mae_loss, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("ranknet_nesterov", ranknet, 300, "ranknet_pairwise", "sgd_nesterov_wd1e-4", "finite", 16, seconds=0.2, start_lr=0.2),
    W("cp_adamax", cp_completion, 400, "cp_tensor_completion", "adamax", "finite", 128, seconds=0.39, start_lr=0.5),
    W("multilabel_adam", multilabel, 300, "multilabel_bce", "adam", "finite", 64, seconds=0.35, start_lr=4e-3),
    W("fourier_radam", fourier_mlp, 400, "fourier_feature_mlp", "radam", "finite", 64, seconds=0.46, start_lr=0.032),
    W("protonet_rmsprop", protonet, 300, "prototypical_network", "rmsprop_momentum0.9", "stream", 8, seconds=0.38,
      start_lr=2.5e-4),
    W("tabmae_adamw", tabular_mae, 400, "tabular_masked_autoencoder", "adamw_b0.95_wd0.05", "finite", 64, seconds=0.52,
      start_lr=8e-3),
)
LONG = (
    W("tabmae_adamw@long", tabular_mae, 3000, "tabular_masked_autoencoder", "adamw_b0.95_wd0.05", "finite", 16,
      dict(train_size=4096, hidden=32), seconds=2.95, start_lr=8e-3, grid_fractions=(0.0, 0.05), long_of="tabmae_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam9_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninth exam's workloads")
