"""The twenty-fifth exam: six more workload families that neither the suite nor the first twenty-four exams have.

Same rules as exams 1-24 (``exam_workloads.py`` ... ``exam24_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam24_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 24's own
(learning time-series shapelets, deep clustering, Deep CORAL, EWC, DLLP, variational quantum classifier) and the
ones tried, dropped or set aside in exam 23's and exam 24's READMEs.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- concept bottleneck model, joint training (Koh et al. 2020): an MLP predicts ten binary concepts from the
  input, a second MLP predicts the class from the concept probabilities only; the class cross-entropy + lambda x
  the concepts' binary cross-entropy; SGD with momentum 0.9 and weight decay 4e-5 (the reference code's SGD; a
  public re-implementation's config also defaults to SGD)
- attribute-based zero-shot learning (ALE-style bilinear compatibility, Akata et al. 2016): F(x, y) = theta(x)^T W
  phi(y) between an MLP embedding of the item and the class's attribute vector; the softmax cross-entropy of the
  compatibilities over the seen classes in training, and over the unseen classes (never trained on) for half the
  held-out set; plain SGD (ALE's)
- parametric t-SNE (van der Maaten 2009): an MLP maps 20-d points to 2-d; the t-SNE KL divergence KL(P || Q)
  within fixed blocks of points whose P (Gaussian affinities at perplexity 15) is computed once, as the paper
  does, Q the Student-t (one degree of freedom) affinities of the embeddings; Adam (the Keras parametric t-SNE /
  parametric UMAP implementations')
- learning to defer to an expert (Mozannar & Sontag 2020): a classifier with one extra "defer" output, trained
  with the L_CE surrogate (-log p(y) - [the expert is right] log p(defer)) against an expert who is accurate only
  in part of the input space; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (the Wide ResNet recipe of
  the paper's CIFAR experiments, from memory)
- distributional regression network for weather-forecast post-processing (DRN, Rasp & Lerch 2018; a long plan
  only): an MLP on the raw ensemble's statistics and the date, with a learned station embedding, outputs the mean
  and sd of a Gaussian forecast of the temperature; the loss is its closed-form CRPS; Adam (the paper's Keras
  code)
- gradient-based causal structure learning (GraN-DAG, Lachapelle et al. 2020; a long plan only): one MLP per
  variable predicts it from all the others; a weighted adjacency from the path-normalised products of the
  absolute first- and second-layer weights; the loss is the reconstruction error (a unit-variance Gaussian NLL
  less its constant) + gamma h(A) + (mu / 2) h(A)^2 with h(A) = tr(exp(A)) - d (the acyclicity constraint) at
  the code's initial gamma 0 and mu 1e-3 (its first augmented-Lagrangian subproblem); RMSprop (the GraN-DAG
  code's default optimiser, torch defaults otherwise)

RMSprop is GraN-DAG's: its ``main.py`` has ``--optimizer`` default ``"rmsprop"`` (``sgd|rmsprop``), lr 1e-3,
batch 64, ``--mu-init 1e-3``, ``--lambda-init 0``, ``--hid-dim 10``. No Adagrad plan: none of these fields
uses it.

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the DRN and GraN-DAG
(no short plan), zero-shot learning and the concept bottleneck model on larger pools (16384 items). What was tried
and dropped before the first commit is listed in ``benchmarks/results/exam25/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss
draws random numbers. The entrypoint is ``benchmarks/exam25_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam25/README.md).

    python benchmarks/exam25_workloads.py          # the table
    python benchmarks/exam25_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import functools
import math
import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 25"


# --------------------------------------------------------------------------------------------------------------
# 2. concept bottleneck model, joint (SGD with momentum and weight decay)

CB_DIM, CB_CONCEPTS, CB_CLASSES = 24, 10, 6


def _cb_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Ten binary concepts per item, correlated through a 4-d latent (each concept on with probability
    sigmoid(2 x a fixed random projection of it)); the 24 input features are a fixed random tanh map of the
    concepts (as +-1) + noise sd 0.6, so a concept is not always recoverable; the class (of six) is the argmax of a
    fixed random linear teacher on the concepts + Gumbel noise (scale 0.5)."""
    tg = torch.Generator().manual_seed(25201)
    proj = torch.randn(4, CB_CONCEPTS, generator=tg)
    a = torch.randn(CB_CONCEPTS, CB_DIM, generator=tg) / CB_CONCEPTS**0.5
    w = 1.5 * torch.randn(CB_CONCEPTS, CB_CLASSES, generator=tg)
    z = torch.randn(n, 4, generator=gen)
    concepts = (torch.rand(n, CB_CONCEPTS, generator=gen) < torch.sigmoid(2 * z @ proj)).float()
    x = torch.tanh(1.5 * (2 * concepts - 1) @ a) * 2 + 0.6 * torch.randn(n, CB_DIM, generator=gen)
    u = torch.rand(n, CB_CLASSES, generator=gen).clamp(1e-9, 1 - 1e-9)
    y = ((2 * concepts - 1) @ w - 0.5 * torch.log(-torch.log(u))).argmax(1)
    return x, concepts, y


class ConceptBottleneck(nn.Module):
    """x -> concept logits (MLP 24-64-10) -> sigmoid -> class logits (MLP 10-32-6): the class sees the concepts only."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.concepts = nn.Sequential(nn.Linear(CB_DIM, hidden), nn.ReLU(), nn.Linear(hidden, CB_CONCEPTS))
        self.label = nn.Sequential(nn.Linear(CB_CONCEPTS, 32), nn.ReLU(), nn.Linear(32, CB_CLASSES))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        c = self.concepts(x)
        return c, self.label(torch.sigmoid(c))


def cbm_loss(model: nn.Module, batch: Any, lam: float = 0.5) -> torch.Tensor:
    """Joint CBM: the class cross-entropy + lambda x the concepts' mean binary cross-entropy."""
    x, concepts, y = batch
    c, logits = model(x)
    return F.cross_entropy(logits, y) + lam * F.binary_cross_entropy_with_logits(c, concepts)


def concept_bottleneck(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64
                       ) -> dict[str, Any]:
    """A joint concept bottleneck model on 4096 items; held out: 2048 others; SGD, momentum 0.9, weight decay 4e-5."""
    gen = torch.Generator().manual_seed(25202)
    x, concepts, y = _cb_items(train_size + 2048, gen)
    tr = (x[:train_size], concepts[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ConceptBottleneck(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], concepts[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=4e-5),
                                "sgd_momentum"),
            "loss_fn": cbm_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. parametric t-SNE (Adam)

TS_DIM = 20


def _ts_points(n: int, gen: torch.Generator) -> torch.Tensor:
    """20-d points: twelve clusters of different sizes on a curved 3-d manifold (a fixed random sine map of the
    latent), + isotropic noise sd 0.15."""
    tg = torch.Generator().manual_seed(25301)
    centres = 1.2 * torch.randn(12, 3, generator=tg)
    spread = 0.2 + 0.4 * torch.rand(12, generator=tg)
    a = torch.randn(3, TS_DIM, generator=tg)
    b = 2 * math.pi * torch.rand(TS_DIM, generator=tg)
    k = torch.randint(0, 12, (n,), generator=gen)
    z = centres[k] + spread[k].unsqueeze(1) * torch.randn(n, 3, generator=gen)
    return torch.sin(z @ a + b) + 0.15 * torch.randn(n, TS_DIM, generator=gen)


def _tsne_p(x: torch.Tensor, perplexity: float = 15.0, iters: int = 50) -> torch.Tensor:
    """The symmetrised t-SNE affinities of a batch: each point's Gaussian conditional at the target perplexity
    (bisection on its precision, in log space), (P + P^T) / 2n."""
    with torch.no_grad():
        n = len(x)
        d = torch.cdist(x, x).pow(2)
        d.fill_diagonal_(float("inf"))
        lo = torch.full((n, 1), -20.0)
        hi = torch.full((n, 1), 10.0)
        target = math.log(perplexity)
        for _ in range(iters):
            mid = (lo + hi) / 2
            p = torch.softmax(-d * mid.exp(), 1)
            h = -(p * p.clamp_min(1e-12).log()).sum(1, keepdim=True)
            too_flat = h > target  # entropy too high: raise the precision
            lo = torch.where(too_flat, mid, lo)
            hi = torch.where(too_flat, hi, mid)
        p = torch.softmax(-d * ((lo + hi) / 2).exp(), 1)
        return (p + p.t()) / (2 * n)


def tsne_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """KL(P || Q) per block, averaged over the batch's blocks: P the block's precomputed affinities, Q the
    Student-t (one degree of freedom) affinities of its embeddings."""
    x, p = batch
    y = model(x)  # blocks, points, 2
    num = 1 / (1 + torch.cdist(y, y).pow(2))
    num = num * (1 - torch.eye(x.shape[1]))
    q = num / num.sum((1, 2), keepdim=True)
    return (p * (p.clamp_min(1e-12).log() - q.clamp_min(1e-12).log())).sum((1, 2)).mean()


def parametric_tsne(batch_size: int = 2, seed: int = 0, train_blocks: int = 32, block: int = 128, hidden: int = 64
                    ) -> dict[str, Any]:
    """Parametric t-SNE (MLP 20-64-64-2) as van der Maaten (2009) trains it: the points split into fixed blocks
    (here of 128) whose P (perplexity 15) is computed once; 32 training blocks (4096 points), two blocks a step;
    held out: 16 other blocks; Adam."""
    gen = torch.Generator().manual_seed(25302)
    x = _ts_points((train_blocks + 16) * block, gen).reshape(-1, block, TS_DIM)
    p = torch.stack([_tsne_p(b) for b in x])
    tr = (x[:train_blocks], p[:train_blocks])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(TS_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, 2))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_blocks:], p[train_blocks:]), 8),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tsne_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3b. attribute-based zero-shot learning, ALE-style bilinear compatibility (plain SGD)

ZS_DIM, ZS_ATTRS, ZS_SEEN, ZS_UNSEEN = 32, 16, 40, 10


def _zs_world() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Fifty classes' attribute vectors (16 attributes, +-1, each on with probability 1/2), the first 40 seen and
    the last 10 unseen; and the fixed random tanh map from attributes to features."""
    tg = torch.Generator().manual_seed(25351)
    attrs = torch.where(torch.rand(ZS_SEEN + ZS_UNSEEN, ZS_ATTRS, generator=tg) < 0.5, 1.0, -1.0)
    a = torch.randn(ZS_ATTRS, ZS_DIM, generator=tg) / ZS_ATTRS**0.5
    return attrs[:ZS_SEEN], attrs[ZS_SEEN:], a


def _zs_items(n: int, gen: torch.Generator, unseen: bool) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Items of the seen (or unseen) classes: the class's attributes + N(0, 1.2^2) per attribute (an instance
    shows its class's attributes imperfectly), through the fixed tanh map, + feature noise sd 0.3. Returns
    (features, class index within its split, split flag)."""
    seen, unseen_attrs, a = _zs_world()
    attrs = unseen_attrs if unseen else seen
    y = torch.randint(0, len(attrs), (n,), generator=gen)
    z = attrs[y] + 1.2 * torch.randn(n, ZS_ATTRS, generator=gen)
    x = torch.tanh(z @ a) * 2 + 0.3 * torch.randn(n, ZS_DIM, generator=gen)
    return x, y, torch.full((n,), int(unseen))


class Compatibility(nn.Module):
    """F(x, y) = theta(x)^T W phi(y): an MLP image embedding theta (32-64-32), a learned bilinear map W of the
    class attributes phi(y); the seen and unseen classes' attributes as buffers."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        seen, unseen, _ = _zs_world()
        self.register_buffer("seen", seen)
        self.register_buffer("unseen", unseen)
        self.theta = nn.Sequential(nn.Linear(ZS_DIM, hidden), nn.ReLU(), nn.Linear(hidden, 32))
        self.w = nn.Linear(ZS_ATTRS, 32, bias=False)

    def forward(self, x: torch.Tensor, unseen: bool = False) -> torch.Tensor:
        return self.theta(x) @ self.w(self.unseen if unseen else self.seen).t()


def zsl_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The softmax cross-entropy of the compatibilities over the batch's class set (the seen classes in training,
    the unseen ones in the held-out batches: the zero-shot test)."""
    x, y, split = batch
    return F.cross_entropy(model(x, bool(split[0])), y)


def zero_shot(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """Attribute-based zero-shot learning on 4096 items of the 40 seen classes; held out: 1024 other items of the
    seen classes (scored against the seen classes) and 1024 items of the 10 unseen classes (scored against the
    unseen classes' attributes only: the zero-shot test); plain SGD (ALE's)."""
    gen = torch.Generator().manual_seed(25352)
    tr = _zs_items(train_size, gen, unseen=False)
    seen_te = _zs_items(1024, gen, unseen=False)
    unseen_te = _zs_items(1024, gen, unseen=True)
    torch.manual_seed(seed)
    return {"model": Compatibility(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(seen_te, 512) + split_batches(unseen_te, 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": zsl_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. learning to defer to an expert (SGD with Nesterov momentum and weight decay)

LD_DIM, LD_CLASSES = 16, 6


def _ld_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Items of 16 Gaussian features, the class (of six) from a fixed random teacher MLP + Gumbel noise (scale
    0.7); the expert's prediction, drawn once per item: right 90% of the time where the first two features say
    the item is in the expert's speciality (x_0 + x_1 > 0), otherwise a random class (right 1/6 of the time).
    Returns (features, class, expert's prediction)."""
    tg = torch.Generator().manual_seed(25401)
    w1 = torch.randn(LD_DIM, 48, generator=tg) / LD_DIM**0.5
    w2 = torch.randn(48, LD_CLASSES, generator=tg)
    x = torch.randn(n, LD_DIM, generator=gen)
    u = torch.rand(n, LD_CLASSES, generator=gen).clamp(1e-9, 1 - 1e-9)
    y = (torch.tanh(2 * x @ w1) @ w2 - 0.7 * torch.log(-torch.log(u))).argmax(1)
    special = (x[:, 0] + x[:, 1]) > 0
    right = torch.rand(n, generator=gen) < torch.where(special, 0.9, 0.0)
    guess = torch.randint(0, LD_CLASSES, (n,), generator=gen)
    return x, y, torch.where(right, y, guess)


def defer_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Mozannar & Sontag's L_CE surrogate: the classifier has K + 1 outputs (the last is "defer"); the loss is
    -log p(y) - 1[expert right] log p(defer)."""
    x, y, m = batch
    logp = torch.log_softmax(model(x), 1)
    own = logp.gather(1, y.unsqueeze(1)).squeeze(1)
    return -(own + (m == y).float() * logp[:, -1]).mean()


def learning_to_defer(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64
                      ) -> dict[str, Any]:
    """An MLP 16-64-64-7 (six classes and "defer") on 4096 items with the expert's predictions; held out: 2048
    others; SGD, Nesterov momentum 0.9, weight decay 5e-4."""
    gen = torch.Generator().manual_seed(25402)
    x, y, m = _ld_items(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size], m[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(LD_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, LD_CLASSES + 1))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:], m[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov_wd5e-4"),
            "loss_fn": defer_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. distributional regression network for weather-forecast post-processing, trained by CRPS (Adam; long only)

DR_STATIONS, DR_FEATS = 64, 6


def _dr_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Station-days of 2 m temperature: each of 64 stations has a fixed climatology (mean, seasonal amplitude,
    altitude) and a fixed raw-ensemble bias and error scale; the true temperature is its climatology for the day of
    year + a weather anomaly; the raw ensemble's mean misses it by the station's bias (partly seasonal) + an error
    whose sd grows with a flow-dependent predictability factor, and its spread is an under-dispersive, noisy proxy
    of that sd. Features (standardised): ensemble mean, log ensemble spread, sin and cos of the day of year,
    altitude, the predictability factor's noisy observation. Returns (features, station, observed temperature)."""
    tg = torch.Generator().manual_seed(25501)
    clim = 10 + 4 * torch.randn(DR_STATIONS, generator=tg)
    amp = 6 + 2 * torch.rand(DR_STATIONS, generator=tg)
    alt = torch.rand(DR_STATIONS, generator=tg)
    bias = 1.5 * torch.randn(DR_STATIONS, generator=tg)
    seas_bias = torch.randn(DR_STATIONS, generator=tg)
    err = 0.8 + 0.8 * torch.rand(DR_STATIONS, generator=tg)
    st = torch.randint(0, DR_STATIONS, (n,), generator=gen)
    doy = 2 * math.pi * torch.rand(n, generator=gen)
    truth = clim[st] - 4 * alt[st] + amp[st] * torch.cos(doy) + 3 * torch.randn(n, generator=gen)
    predictability = torch.rand(n, generator=gen)
    sd = err[st] * (0.5 + 1.5 * predictability)
    ens_mean = truth + bias[st] + seas_bias[st] * torch.sin(doy) + sd * torch.randn(n, generator=gen)
    spread = 0.6 * sd * torch.exp(0.25 * torch.randn(n, generator=gen))
    feats = torch.stack([ens_mean / 10, spread.log(), torch.sin(doy), torch.cos(doy), 2 * alt[st] - 1,
                         2 * predictability - 1 + 0.3 * torch.randn(n, generator=gen)], 1)
    return feats, st, truth


class DRN(nn.Module):
    """Rasp & Lerch's network: the features with a 2-d station embedding, one hidden layer (32, ReLU), two outputs,
    the mean and (through softplus) the sd of a Gaussian forecast."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(DR_STATIONS, 2)
        self.net = nn.Sequential(nn.Linear(DR_FEATS + 2, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor, station: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        out = self.net(torch.cat([x, self.emb(station)], 1))
        return out[:, 0] * 10, F.softplus(out[:, 1]) + 1e-3


def crps_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The closed-form CRPS of the Gaussian forecast N(mu, sigma^2) at the observation, averaged."""
    x, station, obs = batch
    mu, sigma = model(x, station)
    z = (obs - mu) / sigma
    pdf = torch.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)
    cdf = 0.5 * (1 + torch.erf(z / math.sqrt(2)))
    return (sigma * (z * (2 * cdf - 1) + 2 * pdf - 1 / math.sqrt(math.pi))).mean()


def drn(batch_size: int = 64, seed: int = 0, train_size: int = 16384, hidden: int = 32) -> dict[str, Any]:
    """A DRN on 16384 station-days; held out: 4096 others in batches of 1024; Adam (Rasp & Lerch's)."""
    gen = torch.Generator().manual_seed(25502)
    x, st, obs = _dr_days(train_size + 4096, gen)
    tr = (x[:train_size], st[:train_size], obs[:train_size])
    torch.manual_seed(seed)
    return {"model": DRN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], st[train_size:], obs[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": crps_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. GraN-DAG causal structure learning (RMSprop; a long plan only)

GD_VARS, GD_HIDDEN = 8, 10


def _gd_samples(n: int, gen: torch.Generator) -> torch.Tensor:
    """Samples of eight variables from a fixed random DAG (each edge i -> j, i < j in a fixed random order, kept
    with probability 0.35) with nonlinear mechanisms (a fixed random sine network of the parents per variable,
    sin(1.5 x_pa W1) W2 with six units) and additive Gaussian noise sd 0.3; the variables' order shuffled by a fixed
    permutation; each variable standardised over the generated samples (pool and held-out set together)."""
    tg = torch.Generator().manual_seed(25601)
    order = torch.randperm(GD_VARS, generator=tg)
    adj = (torch.rand(GD_VARS, GD_VARS, generator=tg) < 0.35).float().triu(1)
    w1 = torch.randn(GD_VARS, GD_VARS, 6, generator=tg)
    w2 = torch.randn(GD_VARS, 6, generator=tg)
    x = torch.zeros(n, GD_VARS)
    for j in range(GD_VARS):
        parents = adj[:, j]
        drive = torch.sin(1.5 * x @ (parents.unsqueeze(1) * w1[:, j])) @ w2[j] if parents.any() else torch.zeros(n)
        x[:, j] = drive + 0.3 * torch.randn(n, generator=gen)
    x = x[:, order]
    return (x - x.mean(0)) / x.std(0)


class GranDAG(nn.Module):
    """One MLP per variable (d -> 10 -> 1, leaky ReLU; the code's default has two hidden layers of 10), its own
    input masked out; the weighted adjacency from the paths of |W1| |W2| from input i to output j (GraN-DAG's
    connectivity)."""

    def __init__(self, d: int = GD_VARS, hidden: int = GD_HIDDEN) -> None:
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(d, d, hidden) * (2 / (d + hidden)) ** 0.5)  # output j, input i, unit
        self.b1 = nn.Parameter(torch.zeros(d, hidden))
        self.w2 = nn.Parameter(torch.randn(d, hidden) * (2 / (hidden + 1)) ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(d))
        self.register_buffer("mask", (1 - torch.eye(d)).unsqueeze(2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.leaky_relu(torch.einsum("ni,jih->njh", x, self.w1 * self.mask) + self.b1)
        return (h * self.w2).sum(2) + self.b2

    def adjacency(self) -> torch.Tensor:
        """The connectivity A_ij: the sum over the hidden units of |W1| |W2| from input i to output j, over the
        number of such paths (GraN-DAG's ``norm_prod="paths"``)."""
        return torch.einsum("jih,jh->ij", (self.w1 * self.mask).abs(), self.w2.abs()) / self.w2.shape[1]


def grandag_loss(model: nn.Module, batch: Any, gamma: float = 0.0, mu: float = 1e-3) -> torch.Tensor:
    """Half the mean squared reconstruction error summed over variables (the unit-variance Gaussian NLL less its
    constant) + gamma h(A) + (mu / 2) h(A)^2, h(A) = tr(exp(A)) - d."""
    (x,) = batch
    nll = 0.5 * (model(x) - x).pow(2).sum(1).mean()
    h = torch.linalg.matrix_exp(model.adjacency()).diagonal().sum() - x.shape[1]
    return nll + gamma * h + 0.5 * mu * h * h


def grandag(batch_size: int = 64, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """GraN-DAG's first augmented-Lagrangian subproblem (gamma 0, mu 1e-3, the code's initial values) on 8192
    samples of eight variables; held out: 2048 others in batches of 1024; RMSprop (torch defaults)."""
    gen = torch.Generator().manual_seed(25602)
    x = _gd_samples(train_size + 2048, gen)
    tr = (x[:train_size],)
    torch.manual_seed(seed)
    return {"model": GranDAG(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": grandag_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("cbm_sgdm", concept_bottleneck, 300, "concept_bottleneck_model", "sgd_momentum0.9_wd4e-5", "finite", 32,
      seconds=0.5, start_lr=0.2),
    W("zsl_sgd", zero_shot, 300, "attribute_zero_shot_learning", "sgd", "finite", 32, seconds=0.3, start_lr=0.1),
    W("ptsne_adam", parametric_tsne, 300, "parametric_tsne", "adam", "finite", 2, seconds=1.0, start_lr=0.032),
    W("l2d_nesterov", learning_to_defer, 300, "learning_to_defer", "sgd_nesterov_wd5e-4", "finite", 32, seconds=0.35,
      start_lr=0.05),
)
LONG = (
    W("drn_adam@long", drn, 3000, "distributional_regression_network_crps", "adam", "finite", 64, seconds=6.0,
      start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("grandag_rmsprop@long", grandag, 3000, "gran_dag_causal_structure_learning", "rmsprop", "finite", 64,
      seconds=7.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("zsl_sgd@long", zero_shot, 3000, "attribute_zero_shot_learning", "sgd", "finite", 32, dict(train_size=16384),
      seconds=3.5, start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="zsl_sgd"),
    W("cbm_sgdm@long", concept_bottleneck, 3000, "concept_bottleneck_model", "sgd_momentum0.9_wd4e-5", "finite", 32,
      dict(train_size=16384), seconds=5.0, start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="cbm_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam25_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-fifth exam's workloads")
