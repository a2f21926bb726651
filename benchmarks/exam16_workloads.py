"""The sixteenth exam: six more workload families that neither the suite nor the first fifteen exams have.

Same rules as exams 1-15 (``exam_workloads.py`` ... ``exam15_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam15_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 15's own
(SincNet, PGD adversarial training, DeepONet, Caser, decomposable attention, Koopman autoencoder).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- evidential deep learning (Sensoy et al. 2018): an MLP whose softplus outputs are the evidence of a Dirichlet over
  the classes, trained on the expected squared error under the Dirichlet plus a fixed-weight KL of the
  misleading evidence to the uniform Dirichlet, on teacher-labelled points with 10% flipped labels; Adam (the
  paper's) with weight decay 5e-3 (an L2 term)
- contractive autoencoder (Rifai et al. 2011): a sigmoid encoder with a tied linear decoder, the reconstruction
  error plus the squared Frobenius norm of the encoder's Jacobian (closed form), on noisy points near a 3-d
  manifold in 20 dimensions; SGD with momentum 0.9
- Pi-model semi-supervised learning (Laine & Aila 2017): an MLP with input noise and dropout, the cross-entropy on
  the labelled fifth of each batch plus the squared difference of two stochastic passes' softmaxes on all of it;
  SGD with Nesterov momentum 0.9 and weight decay 1e-4
- VICReg (Bardes et al. 2022): an MLP encoder-expander on two augmented views (feature dropout, noise) of tabular
  rows driven by a few latent factors, the variance-invariance-covariance loss with the paper's weights (25, 25,
  1); AdamW with weight decay 1e-4 (no LARS)
- equation learner (EQL, Martius & Lampert 2016; a long plan only): layers of identity, sine, cosine, sigmoid and
  product units fitting a noisy symbolic formula, MSE (without the L1 sparsity phases); Adam (the paper's)
- multidimensional two-parameter logistic item-response model (2PL IRT, psychometrics; a long plan only): a learned
  ability per student and a direction, discrimination and difficulty per item, the binary cross-entropy of
  simulated test responses, held out: the same students' answers to items they have not seen; Adam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the EQL and the IRT
model (no short plan), and tiny versions of the Pi-model and the contractive autoencoder.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and the
Pi-model's noise and dropout, and VICReg's training views). The entrypoint is
``benchmarks/exam16_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam16/README.md).

    python benchmarks/exam16_workloads.py          # the table
    python benchmarks/exam16_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 16"


def _flip(y: torch.Tensor, classes: int, flip: float, gen: torch.Generator) -> torch.Tensor:
    noisy = torch.rand(len(y), generator=gen) < flip
    return torch.where(noisy, torch.randint(0, classes, (len(y),), generator=gen), y)


def _teacher_labels(n: int, features: int, classes: int, seed: int, gen: torch.Generator,
                    flip: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Gaussian points labelled by the argmax of a fixed random features-32-classes tanh teacher; labels flipped."""
    tg = torch.Generator().manual_seed(seed)
    w1 = torch.randn(features, 32, generator=tg) / features**0.5
    w2 = torch.randn(32, classes, generator=tg)
    x = torch.randn(n, features, generator=gen)
    y = (torch.tanh(1.5 * x @ w1) @ w2).argmax(1)
    return x, _flip(y, classes, flip, gen)


# --------------------------------------------------------------------------------------------------------------
# 1. evidential deep learning (Adam, weight decay 5e-3)

ED_FEATURES, ED_CLASSES = 8, 5
ED_KL = 0.1


def evidential_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Sensoy et al.'s loss (their eq. 5 plus the KL term): with alpha = evidence + 1, S = sum alpha, p = alpha / S,
    sum_j (y_j - p_j)^2 + p_j (1 - p_j) / (S + 1), plus ED_KL times KL(Dir(alpha~) || Dir(1)) where alpha~ removes
    the true class's evidence (a fixed weight here, not the paper's annealing, so that the held-out loss is the
    training loss). Positive: labels are 10% flipped, so the squared error cannot reach 0."""
    x, y = batch
    alpha = F.softplus(model(x)) + 1
    s = alpha.sum(1, keepdim=True)
    p = alpha / s
    onehot = F.one_hot(y, ED_CLASSES).float()
    mse = ((onehot - p) ** 2 + p * (1 - p) / (s + 1)).sum(1)
    a = onehot + (1 - onehot) * alpha  # alpha~
    sa = a.sum(1)
    kl = (torch.lgamma(sa) - math.lgamma(ED_CLASSES) - torch.lgamma(a).sum(1)
          + ((a - 1) * (torch.digamma(a) - torch.digamma(sa).unsqueeze(1))).sum(1))
    return (mse + ED_KL * kl).mean()


def evidential(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64,
               layers: int = 2) -> dict[str, Any]:
    """An 8-64-64-5 ReLU MLP with Dirichlet evidence outputs on 4096 teacher-labelled points (10% flipped); held out:
    2048 others; Adam with weight decay 5e-3."""
    gen = torch.Generator().manual_seed(16102)
    x, y = _teacher_labels(train_size + 2048, ED_FEATURES, ED_CLASSES, 16101, gen, 0.1)
    torch.manual_seed(seed)
    dims = [ED_FEATURES] + [hidden] * layers
    mods: list[nn.Module] = []
    for a, b in zip(dims[:-1], dims[1:]):
        mods += [nn.Linear(a, b), nn.ReLU()]
    model = nn.Sequential(*mods, nn.Linear(dims[-1], ED_CLASSES))
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=5e-3), "adam_wd5e-3"),
            "loss_fn": evidential_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. contractive autoencoder (SGD, momentum 0.9)

CA_DIM, CA_LATENT = 20, 3
CA_LAMBDA = 0.1


def _manifold_points(n: int, gen: torch.Generator, noise: float = 0.1) -> torch.Tensor:
    """Points near a curved 3-d manifold in 20 dimensions: z uniform in [-1, 1]^3, x = tanh(A z + 0.5 sin(B z))
    scaled to unit variance per coordinate (fixed A, B), plus noise sd 0.1."""
    tg = torch.Generator().manual_seed(16201)
    a = 1.5 * torch.randn(CA_LATENT, CA_DIM, generator=tg)
    b = 2.0 * torch.randn(CA_LATENT, CA_DIM, generator=tg)
    z = 2 * torch.rand(n, CA_LATENT, generator=gen) - 1
    x = torch.tanh(z @ a + 0.5 * torch.sin(z @ b))
    x = (x - x.mean(0)) / x.std(0)
    return x + noise * torch.randn(n, CA_DIM, generator=gen)


class ContractiveAE(nn.Module):
    """Rifai et al.'s CAE: h = sigmoid(W x + b), x^ = W^T h + c (tied weights, linear output for real data)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.enc = nn.Linear(CA_DIM, hidden)
        self.c = nn.Parameter(torch.zeros(CA_DIM))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = torch.sigmoid(self.enc(x))
        return h, h @ self.enc.weight + self.c


def contractive_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The squared reconstruction error (summed over the 20 coordinates, averaged over the batch) plus
    CA_LAMBDA ||J_h(x)||_F^2 = CA_LAMBDA sum_j (h_j (1 - h_j))^2 sum_i W_ji^2 (the paper's closed form). Positive:
    the points carry noise sd 0.1 off the manifold."""
    (x,) = batch
    h, rec = model(x)
    jac = ((h * (1 - h)) ** 2 @ (model.enc.weight**2).sum(1))
    return ((rec - x) ** 2).sum(1).mean() + CA_LAMBDA * jac.mean()


def contractive_ae(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """A contractive autoencoder (20-64 sigmoid, tied decoder) on 4096 noisy points near a 3-d manifold; held out:
    2048 others; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(16202)
    x = _manifold_points(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": ContractiveAE(hidden), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": contractive_loss, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 3. Pi-model (SGD, Nesterov momentum 0.9, weight decay 1e-4)

PI_FEATURES, PI_CLASSES = 10, 6
PI_WEIGHT, PI_NOISE = 3.0, 0.15


class PiNet(nn.Module):
    """An MLP with Gaussian input noise (sd 0.15) and dropout 0.2 after each hidden layer, active in training only."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(PI_FEATURES, hidden), nn.ReLU(), nn.Dropout(0.2),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden, PI_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.training:
            x = x + PI_NOISE * torch.randn_like(x)
        return self.net(x)


def pi_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Laine & Aila's Pi-model loss with a fixed unsupervised weight (3.0): the cross-entropy over the batch's
    labelled examples (label >= 0; the mean over them) plus the mean squared difference of the softmaxes of two
    stochastic passes over every example. Held out (eval mode, every example labelled) it is the cross-entropy
    plus 0. Positive: labels are 5% flipped."""
    x, y = batch
    z1, z2 = model(x), model(x)
    labelled = y >= 0
    ce = F.cross_entropy(z1[labelled], y[labelled], reduction="sum") / labelled.sum().clamp(min=1)
    return ce + PI_WEIGHT * ((z1.softmax(1) - z2.softmax(1)) ** 2).sum(1).mean()


def pi_model(batch_size: int = 32, seed: int = 0, train_size: int = 4096, labelled: float = 0.2,
             hidden: int = 64) -> dict[str, Any]:
    """A Pi-model MLP on 4096 teacher-labelled points of which a fifth keep their label; held out: 2048 labelled
    points; SGD with Nesterov momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(16302)
    x, y = _teacher_labels(train_size + 2048, PI_FEATURES, PI_CLASSES, 16301, gen, 0.05)
    ytr = torch.where(torch.rand(train_size, generator=gen) < labelled, y[:train_size], torch.full_like(y[:train_size], -1))
    torch.manual_seed(seed)
    return {"model": PiNet(hidden), "data": loader(x[:train_size], ytr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": pi_loss, "train_pool": (x[:train_size], ytr)}


# --------------------------------------------------------------------------------------------------------------
# 4. VICReg (AdamW, weight decay 1e-4)

VR_DIM, VR_LATENT = 16, 4
VR_SIM, VR_STD, VR_COV = 25.0, 25.0, 1.0


def _latent_rows(n: int, gen: torch.Generator) -> torch.Tensor:
    """Rows of 16 features driven by 4 latent factors (one of 6 cluster centres plus a spread): x = tanh(z A) + 0.5
    sin(z B) for fixed A, B, standardised."""
    tg = torch.Generator().manual_seed(16401)
    a = torch.randn(VR_LATENT, VR_DIM, generator=tg)
    b = torch.randn(VR_LATENT, VR_DIM, generator=tg)
    centres = 1.5 * torch.randn(6, VR_LATENT, generator=tg)
    z = centres[torch.randint(0, 6, (n,), generator=gen)] + 0.7 * torch.randn(n, VR_LATENT, generator=gen)
    x = torch.tanh(z @ a / 2) + 0.5 * torch.sin(z @ b / 2)
    return (x - x.mean(0)) / x.std(0)


def _augment(x: torch.Tensor, gen: torch.Generator | None = None) -> torch.Tensor:
    """A view of a row: each feature dropped (set to 0) with probability 0.2, then Gaussian noise sd 0.3."""
    keep = (torch.rand(x.shape, generator=gen) > 0.2).float()
    return x * keep + 0.3 * torch.randn(x.shape, generator=gen)


def vicreg_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Bardes et al.'s VICReg loss with their weights (25, 25, 1): the invariance MSE between the two views'
    embeddings, the hinge of each embedding dimension's std at 1 (std = sqrt(var + 1e-4)), and the sum of the
    squared off-diagonal covariances divided by the dimension, for both views. Training batches are rows viewed
    twice here (torch RNG); held-out batches carry two fixed views. Positive: the views differ, so the invariance
    term cannot reach 0 without the variance term rising."""
    if len(batch) == 1:
        (x,) = batch
        v1, v2 = _augment(x), _augment(x)
    else:
        v1, v2 = batch
    z1, z2 = model(v1), model(v2)
    inv = F.mse_loss(z1, z2)
    loss = VR_SIM * inv
    for z in (z1, z2):
        z = z - z.mean(0)
        std = torch.sqrt(z.var(0) + 1e-4)
        cov = z.T @ z / (len(z) - 1)
        off = cov.pow(2).sum() - cov.diagonal().pow(2).sum()
        loss = loss + VR_STD * F.relu(1 - std).mean() / 2 + VR_COV * off / z.shape[1]
    return loss


def vicreg(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64,
           embed: int = 32) -> dict[str, Any]:
    """VICReg: an encoder 16-64-64 with an expander 64-32 (ReLU between, batch-free) on 4096 rows; held out: 1024
    other rows with two fixed views each (batches of 256); AdamW (weight decay 1e-4)."""
    gen = torch.Generator().manual_seed(16402)
    x = _latent_rows(train_size + 1024, gen)
    held = x[train_size:]
    v1, v2 = _augment(held, gen), _augment(held, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(VR_DIM, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, embed))
    return {"model": model, "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((v1, v2), 256),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-4), "adamw_wd1e-4"),
            "loss_fn": vicreg_loss, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 5. equation learner (Adam; a long plan only)

EQ_INPUTS = 3


def _formula_points(n: int, gen: torch.Generator, noise: float = 0.03) -> tuple[torch.Tensor, torch.Tensor]:
    """x uniform in [-2, 2]^3, y = sin(1.5 x1) + 0.5 x2 x3 - 0.3 cos(2 x3) + noise sd 0.03."""
    x = 4 * torch.rand(n, EQ_INPUTS, generator=gen) - 2
    y = torch.sin(1.5 * x[:, 0]) + 0.5 * x[:, 1] * x[:, 2] - 0.3 * torch.cos(2 * x[:, 2])
    return x, (y + noise * torch.randn(n, generator=gen)).unsqueeze(1)


class EQLLayer(nn.Module):
    """One EQL layer: a linear map to u unary units (``units`` each of identity, sin, cos, sigmoid) and ``units``
    product units (each the product of two linear outputs)."""

    def __init__(self, d_in: int, units: int = 2) -> None:
        super().__init__()
        self.units = units
        self.lin = nn.Linear(d_in, 6 * units)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z = self.lin(x)
        u = self.units
        return torch.cat([z[:, :u], torch.sin(z[:, u:2 * u]), torch.cos(z[:, 2 * u:3 * u]),
                          torch.sigmoid(z[:, 3 * u:4 * u]), z[:, 4 * u:5 * u] * z[:, 5 * u:]], 1)


def eql(batch_size: int = 16, seed: int = 0, train_size: int = 2000, units: int = 2) -> dict[str, Any]:
    """An EQL with two hidden layers (units of each kind: 2) and a linear output on 2000 noisy samples of a formula;
    held out: 2048 others; Adam."""
    gen = torch.Generator().manual_seed(16502)
    x, y = _formula_points(train_size + 2048, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(EQLLayer(EQ_INPUTS, units), EQLLayer(5 * units, units), nn.Linear(5 * units, 1))
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mse, "train_pool": (x[:train_size], y[:train_size])}


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE against targets measured with noise; positive."""
    x, y = batch
    return F.mse_loss(model(x), y)


# --------------------------------------------------------------------------------------------------------------
# 6. two-parameter logistic item-response model (Adam; a long plan only)

IR_STUDENTS, IR_ITEMS, IR_SEEN, IR_HELD = 600, 120, 50, 10


def _responses(gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Each of 600 students answers 60 distinct items of 120; correct with probability
    sigmoid(a_i (theta_s . w_i) - b_i) (a two-dimensional ability theta ~ N(0, 2.5^2 I), a fixed item direction
    w_i, discrimination a_i ~ LogNormal(0, 0.3), difficulty b_i ~ N(0, 1)). Training: 50 responses of every
    student; held out: the other 10 (the same students on items they have not answered)."""
    tg = torch.Generator().manual_seed(16601)
    w = F.normalize(torch.randn(IR_ITEMS, 2, generator=tg), dim=1)
    a = torch.exp(0.3 * torch.randn(IR_ITEMS, generator=tg))
    b = torch.randn(IR_ITEMS, generator=tg)
    theta = 2.5 * torch.randn(IR_STUDENTS, 2, generator=gen)
    items = torch.rand(IR_STUDENTS, IR_ITEMS, generator=gen).argsort(1)[:, :IR_SEEN + IR_HELD]
    students = torch.arange(IR_STUDENTS).unsqueeze(1).expand_as(items)
    logit = a[items] * (theta.unsqueeze(1) * w[items]).sum(-1) - b[items]
    correct = (torch.rand(items.shape, generator=gen) < torch.sigmoid(logit)).float()

    def part(sl: slice) -> tuple[torch.Tensor, ...]:
        return students[:, sl].reshape(-1), items[:, sl].reshape(-1), correct[:, sl].reshape(-1)

    return part(slice(0, IR_SEEN)) + part(slice(IR_SEEN, None))


class IRT2PL(nn.Module):
    """A multidimensional 2PL item-response model: P(correct) = sigmoid(softplus(a_i) (theta_s . w_i) - b_i), with a
    learned ability theta_s per student, a direction w_i, discrimination a_i and difficulty b_i per item."""

    def __init__(self, dims: int = 2) -> None:
        super().__init__()
        self.theta = nn.Embedding(IR_STUDENTS, dims)
        self.w = nn.Embedding(IR_ITEMS, dims)
        self.a = nn.Embedding(IR_ITEMS, 1)
        self.b = nn.Embedding(IR_ITEMS, 1)
        with torch.no_grad():
            self.theta.weight.normal_(0, 0.1)
            self.w.weight.normal_(0, 1.0)
            self.a.weight.fill_(0.5)
            self.b.weight.zero_()

    def forward(self, s: torch.Tensor, i: torch.Tensor) -> torch.Tensor:
        return (F.softplus(self.a(i)).squeeze(-1) * (self.theta(s) * self.w(i)).sum(-1)
                - self.b(i).squeeze(-1))


def irt_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the responses; positive (answers are random given the parameters)."""
    s, i, y = batch
    return F.binary_cross_entropy_with_logits(model(s, i), y)


def irt(batch_size: int = 32, seed: int = 0, dims: int = 2) -> dict[str, Any]:
    """A 2-d 2PL IRT model on 600 students x 50 responses; held out: their other 10 responses; Adam."""
    gen = torch.Generator().manual_seed(16602)
    s, i, y, hs, hi, hy = _responses(gen)
    torch.manual_seed(seed)
    return {"model": IRT2PL(dims), "data": loader(s, i, y, batch_size=batch_size),
            "eval_data": split_batches((hs, hi, hy), 2000),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": irt_loss, "train_pool": (s, i, y)}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("evidential_adam", evidential, 300, "evidential_deep_learning", "adam_wd5e-3", "finite", 32, seconds=0.9,
      start_lr=0.032),
    W("contractive_ae_sgdm", contractive_ae, 300, "contractive_autoencoder", "sgd_momentum0.9", "finite", 32,
      seconds=0.5, start_lr=0.05),
    W("pi_model_nesterov", pi_model, 300, "pi_model_semi_supervised", "sgd_nesterov0.9_wd1e-4", "finite", 32,
      seconds=0.5, start_lr=0.025),
    W("vicreg_adamw", vicreg, 300, "vicreg_self_supervised", "adamw_wd1e-4", "finite", 64, seconds=1.5, start_lr=0.016),
)
LONG = (
    W("eql_adam@long", eql, 3000, "equation_learner", "adam", "finite", 16, seconds=5.7, start_lr=0.032,
      grid_fractions=(0.0, 0.05)),
    W("irt_2pl_adam@long", irt, 3000, "item_response_theory", "adam", "finite", 32, seconds=3.2, start_lr=0.032,
      grid_fractions=(0.0, 0.05)),
    W("pi_model_nesterov@long", pi_model, 3000, "pi_model_semi_supervised", "sgd_nesterov0.9_wd1e-4", "finite", 16,
      dict(hidden=16), seconds=5.7, start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="pi_model_nesterov"),
    W("contractive_ae_sgdm@long", contractive_ae, 3000, "contractive_autoencoder", "sgd_momentum0.9", "finite", 16,
      dict(hidden=16), seconds=3.5, start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="contractive_ae_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam16_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixteenth exam's workloads")
