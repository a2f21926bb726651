"""The tenth exam: six more workload families that neither the suite nor the first nine exams have.

Same rules as exams 1-9 (``exam_workloads.py`` ... ``exam9_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, or a stream). The families already taken are listed
in ``exam9_workloads.py``'s docstring, plus exam 9's own (RankNet, CP tensor completion, multi-label BCE, random
Fourier-feature MLP, prototypical network, tabular masked autoencoder) and the dropped set transformer, capsule
net, offline DQN, conditional neural process and neural cellular automaton.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- neural probabilistic language model (Bengio et al. 2003): concatenated context embeddings, a tanh hidden layer
  and direct connections, next-token cross-entropy on a synthetic third-order corpus; Adagrad
- weight-normalised MLP (Salimans & Kingma): every linear layer reparametrised as g v / ||v||
  (``torch.nn.utils.parametrizations.weight_norm``), a smooth tabular regression; SGD with momentum 0.9 and
  weight decay 5e-4
- GRU-D (Che et al.): a GRU over irregularly sampled multivariate series with missing values, inputs decayed to the
  empirical mean and the hidden state decayed by the time since the last observation, a binary outcome; RMSprop
- early-exit classifier (BranchyNet, Teerapittayanon et al.): an MLP trunk with a classifier head after each of
  three blocks, trained on the weighted sum of the three cross-entropies (deep supervision); NAdam
- Deep & Cross Network v2 (Wang et al.): categorical-field embeddings and dense features, two full-rank cross
  layers x0 * (W x + b) + x in parallel with a ReLU MLP, click prediction by binary cross-entropy; Adam
- polynomial-chaos regression: a linear model on the tensor-product Chebyshev polynomials (total degree <= 6) of
  3 inputs, least squares on a smooth response surface; ASGD (torch's averaged SGD, defaults)

Long plans (``<name>@long``, total_steps = 3000): tiny versions of two families, grid warmup 0 and 5% only (an
early-exit one was dropped before any use: 3.3 s a run). A neural tensor network was dropped before any use for the
language model (it barely learned, and where it did its seeds were 10% apart).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. The entrypoint
is ``benchmarks/exam10_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam10/README.md).

    python benchmarks/exam10_workloads.py          # the table
    python benchmarks/exam10_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F
from torch.nn.utils.parametrizations import weight_norm

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 10"


def bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy on logits; positive (every label here is drawn from a probability strictly in (0, 1))."""
    *x, y = batch
    return F.binary_cross_entropy_with_logits(model(*x), y)


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE; positive (every target here carries noise)."""
    x, y = batch
    return F.mse_loss(model(x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. neural probabilistic language model (Adagrad)

NPLM_VOCAB, NPLM_CONTEXT = 48, 3


def _corpus(sequences: int, length: int, gen: torch.Generator) -> torch.Tensor:
    """``sequences`` texts of ``length`` tokens from a fixed third-order source: the next token's logits are a
    fixed random function of the previous three (a sum of per-position tables plus a rank-8 interaction of the
    last two), scaled so the source is neither deterministic nor uniform. Drawn in parallel, one position at a
    time."""
    tg = torch.Generator().manual_seed(10101)
    pos = 1.2 * torch.randn(NPLM_CONTEXT, NPLM_VOCAB, NPLM_VOCAB, generator=tg)
    left, right = torch.randn(NPLM_VOCAB, 8, generator=tg), torch.randn(NPLM_VOCAB, 8, generator=tg)
    mix = torch.randn(8, NPLM_VOCAB, generator=tg) * 0.5
    text = torch.randint(0, NPLM_VOCAB, (sequences, NPLM_CONTEXT), generator=gen)
    for _ in range(length - NPLM_CONTEXT):
        ctx = text[:, -NPLM_CONTEXT:]
        logits = sum(pos[i, ctx[:, i]] for i in range(NPLM_CONTEXT)) + (left[ctx[:, -1]] * right[ctx[:, -2]]) @ mix
        text = torch.cat([text, torch.multinomial(torch.softmax(logits, 1), 1, generator=gen)], 1)
    return text


def _windows(text: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    win = text.unfold(1, NPLM_CONTEXT + 1, 1).reshape(-1, NPLM_CONTEXT + 1)
    return win[:, :-1], win[:, -1]


class NPLM(nn.Module):
    """Bengio et al. (2003): the context's embeddings concatenated, a tanh hidden layer, a softmax over the
    vocabulary, plus the direct embedding-to-output connections."""

    def __init__(self, dim: int = 16, hidden: int = 64) -> None:
        super().__init__()
        self.embed = nn.Embedding(NPLM_VOCAB, dim)
        self.hidden = nn.Linear(NPLM_CONTEXT * dim, hidden)
        self.out = nn.Linear(hidden, NPLM_VOCAB)
        self.direct = nn.Linear(NPLM_CONTEXT * dim, NPLM_VOCAB, bias=False)

    def forward(self, ctx: torch.Tensor) -> torch.Tensor:
        e = self.embed(ctx).flatten(1)
        return self.out(torch.tanh(self.hidden(e))) + self.direct(e)


def lm_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Next-token cross-entropy in nats; positive (the source draws every token from a softmax)."""
    ctx, y = batch
    return F.cross_entropy(model(ctx), y)


def nplm(batch_size: int = 64, seed: int = 0, sequences: int = 128, hidden: int = 64) -> dict[str, Any]:
    """A neural probabilistic LM (vocabulary 48, context 3, embeddings 16, tanh 64) on 128 texts of 100 tokens
    (12416 windows); held out: 64 other texts; Adagrad."""
    gen = torch.Generator().manual_seed(10102)
    text = _corpus(sequences + 64, 100, gen)
    train, test = _windows(text[:sequences]), _windows(text[sequences:])
    torch.manual_seed(seed)
    return {"model": NPLM(hidden=hidden), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches(test, 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": lm_loss, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 2. weight-normalised MLP (SGD, momentum 0.9, weight decay 5e-4)

WN_FEATURES = 10


def _regression_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Friedman #1 on the first 5 of 10 uniform inputs (the other 5 are distractors), standardised, noise sd 0.3."""
    x = torch.rand(n, WN_FEATURES, generator=gen)
    y = (10 * torch.sin(torch.pi * x[:, 0] * x[:, 1]) + 20 * (x[:, 2] - 0.5) ** 2 + 10 * x[:, 3] + 5 * x[:, 4]
         - 14.4) / 4.9
    return x * 2 - 1, y + 0.3 * torch.randn(n, generator=gen)


def _wn_mlp(hidden: int, depth: int) -> nn.Module:
    sizes = [WN_FEATURES] + [hidden] * depth
    layers: list[nn.Module] = []
    for a, b in zip(sizes, sizes[1:]):
        layers += [weight_norm(nn.Linear(a, b)), nn.ReLU()]
    return nn.Sequential(*layers, weight_norm(nn.Linear(hidden, 1)), nn.Flatten(0))


def weightnorm_mlp(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 128,
                   depth: int = 3) -> dict[str, Any]:
    """A weight-normalised 10-128-128-128-1 ReLU MLP on a 4096-row Friedman #1 pool; held out: 4096 other rows;
    SGD with momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(10201)
    x, y = _regression_rows(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": _wn_mlp(hidden, depth), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum_wd"),
            "loss_fn": mse, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 3. GRU-D on irregularly sampled series (RMSprop)

GRUD_VARS, GRUD_LEN = 5, 12


def _irregular_series(n: int, gen: torch.Generator, missing: float = 0.6) -> tuple[torch.Tensor, ...]:
    """5 variables over 12 steps: a latent 2-d damped oscillation with a per-series frequency, read out by a fixed
    map plus noise sd 0.3; each value is missing with probability 0.6. The outcome is drawn from
    sigmoid(2.5 * (fast oscillation) + 1.5 * (late level)), so the label needs the whole series. Returns values
    (missing ones 0), mask, time since the last observation (in steps), and the label."""
    tg = torch.Generator().manual_seed(10301)
    read = torch.randn(2, GRUD_VARS, generator=tg)
    freq = 0.2 + 0.6 * torch.rand(n, generator=gen)
    phase = 6.28 * torch.rand(n, generator=gen)
    steps = torch.arange(GRUD_LEN).float()
    angle = freq[:, None] * steps + phase[:, None]
    latent = torch.stack([angle.sin(), angle.cos()], -1) * torch.exp(-0.05 * steps)[None, :, None]
    x = latent @ read + 0.3 * torch.randn(n, GRUD_LEN, GRUD_VARS, generator=gen)
    mask = (torch.rand(n, GRUD_LEN, GRUD_VARS, generator=gen) > missing).float()
    delta = torch.zeros_like(mask)
    for s in range(1, GRUD_LEN):
        delta[:, s] = 1 + (1 - mask[:, s - 1]) * delta[:, s - 1]
    logit = 2.5 * (freq - 0.5) / 0.17 + 1.5 * latent[:, -1, 0] / 0.5
    y = (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()
    return x * mask, mask, delta, y


def _last_observed(x: torch.Tensor, mask: torch.Tensor, fill: torch.Tensor) -> torch.Tensor:
    """x_last: each variable's last observed value before each step (``fill`` before the first), precomputed
    with the inputs as GRU-D's data pipelines do."""
    last, out = fill.expand(len(x), -1), []
    for s in range(x.shape[1]):
        out.append(last)
        last = mask[:, s] * x[:, s] + (1 - mask[:, s]) * last
    return torch.stack(out, 1)


class GRUD(nn.Module):
    """GRU-D: x_hat = m x + (1 - m)(gamma_x x_last + (1 - gamma_x) x_mean), h <- gamma_h h, then a GRU cell on
    [x_hat, m]; gamma = exp(-relu(W delta + b)). The empirical means are a buffer fixed from the training pool."""

    def __init__(self, x_mean: torch.Tensor, hidden: int = 32) -> None:
        super().__init__()
        self.register_buffer("x_mean", x_mean)
        self.gamma_x = nn.Linear(GRUD_VARS, GRUD_VARS)
        self.gamma_h = nn.Linear(GRUD_VARS, hidden)
        self.cell = nn.GRUCell(2 * GRUD_VARS, hidden)
        self.out = nn.Linear(hidden, 1)
        self.hidden = hidden

    def forward(self, x: torch.Tensor, mask: torch.Tensor, delta: torch.Tensor, last: torch.Tensor) -> torch.Tensor:
        gx, gh = torch.exp(-F.relu(self.gamma_x(delta))), torch.exp(-F.relu(self.gamma_h(delta)))
        x_hat = mask * x + (1 - mask) * (gx * last + (1 - gx) * self.x_mean)
        inputs = torch.cat([x_hat, mask], 2)
        h = x.new_zeros(len(x), self.hidden)
        for s in range(x.shape[1]):
            h = self.cell(inputs[:, s], gh[:, s] * h)
        return self.out(h).squeeze(1)


def grud(batch_size: int = 32, seed: int = 0, train_size: int = 3072, hidden: int = 32) -> dict[str, Any]:
    """GRU-D (hidden 32) classifying 3072 irregular series (60% of values missing); held out: 2048 others;
    RMSprop (torch defaults)."""
    gen = torch.Generator().manual_seed(10302)
    data = _irregular_series(train_size + 2048, gen)
    train, test = tuple(d[:train_size] for d in data), tuple(d[train_size:] for d in data)
    x_mean = train[0].sum((0, 1)) / train[1].sum((0, 1))
    train, test = ((*d[:3], _last_observed(d[0], d[1], x_mean), d[3]) for d in (train, test))
    torch.manual_seed(seed)
    return {"model": GRUD(x_mean, hidden), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches(test, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": bce, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 4. early-exit classifier with deep supervision (NAdam)

EE_FEATURES, EE_CLASSES = 24, 8
EXIT_WEIGHTS = (0.3, 0.3, 1.0)


def _ee_data(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """8 classes from a fixed random 3-layer tanh teacher on 24 Gaussian features (its logits scaled 3x), the
    label drawn from the teacher's softmax (so easy and hard examples mix, and no classifier reaches 0)."""
    tg = torch.Generator().manual_seed(10401)
    w1 = torch.randn(EE_FEATURES, 48, generator=tg) / EE_FEATURES**0.5
    w2 = torch.randn(48, 48, generator=tg) / 48**0.5 * 1.5
    w3 = torch.randn(48, EE_CLASSES, generator=tg) / 48**0.5
    x = torch.randn(n, EE_FEATURES, generator=gen)
    logits = 3.0 * torch.tanh(torch.tanh(x @ w1 * 1.5) @ w2) @ w3
    return x, torch.multinomial(torch.softmax(logits, 1), 1, generator=gen).squeeze(1)


class EarlyExitNet(nn.Module):
    """Three ReLU blocks of width 96, a linear exit after each (BranchyNet); returns the three exits' logits."""

    def __init__(self, hidden: int = 96) -> None:
        super().__init__()
        self.blocks = nn.ModuleList([nn.Sequential(nn.Linear(EE_FEATURES, hidden), nn.ReLU())] +
                                    [nn.Sequential(nn.Linear(hidden, hidden), nn.ReLU()) for _ in range(2)])
        self.exits = nn.ModuleList(nn.Linear(hidden, EE_CLASSES) for _ in range(3))

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        outs = []
        for block, head in zip(self.blocks, self.exits):
            x = block(x)
            outs.append(head(x))
        return outs


def early_exit_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """sum_k w_k CE(exit_k), weights (0.3, 0.3, 1.0); positive (labels are drawn from a softmax)."""
    x, y = batch
    return sum(w * F.cross_entropy(out, y) for w, out in zip(EXIT_WEIGHTS, model(x)))


def early_exit(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 96) -> dict[str, Any]:
    """A three-exit MLP (24-96-96-96, an 8-way head after each block) on a 4096-example pool; held out: 4096
    others; NAdam."""
    gen = torch.Generator().manual_seed(10402)
    x, y = _ee_data(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": EarlyExitNet(hidden), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": early_exit_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 5. Deep & Cross Network v2 (Adam)

DCN_FIELDS, DCN_CARD, DCN_DENSE = 6, 40, 4


def _clicks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """6 categorical fields of 20 values each and 4 dense features; the click probability is sigmoid of per-value
    effects, two pairwise field crosses, a cross of a field with a dense feature, and a dense product; clicks drawn
    from it."""
    tg = torch.Generator().manual_seed(10501)
    main = 0.6 * torch.randn(DCN_FIELDS, DCN_CARD, generator=tg)
    cross01 = 2.0 * torch.randn(DCN_CARD, DCN_CARD, generator=tg)
    cross23 = 2.0 * torch.randn(DCN_CARD, DCN_CARD, generator=tg)
    slope4 = torch.randn(DCN_CARD, generator=tg)
    cat = torch.randint(0, DCN_CARD, (n, DCN_FIELDS), generator=gen)
    dense = torch.randn(n, DCN_DENSE, generator=gen)
    logit = (main[torch.arange(DCN_FIELDS), cat].sum(1) + cross01[cat[:, 0], cat[:, 1]] + cross23[cat[:, 2], cat[:, 3]]
             + slope4[cat[:, 4]] * dense[:, 0] + 0.8 * dense[:, 1] * dense[:, 2] - 0.7)
    return cat, dense, (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()


class DCNv2(nn.Module):
    """Field embeddings (dim 8) + dense features -> x0; two cross layers x_{l+1} = x0 * (W x_l + b) + x_l in
    parallel with a 2-layer ReLU MLP; the two outputs concatenated into a logit."""

    def __init__(self, emb: int = 8, hidden: int = 64, cross: int = 2) -> None:
        super().__init__()
        self.embed = nn.Embedding(DCN_FIELDS * DCN_CARD, emb)
        nn.init.normal_(self.embed.weight, std=0.05)
        d = DCN_FIELDS * emb + DCN_DENSE
        self.cross = nn.ModuleList(nn.Linear(d, d) for _ in range(cross))
        self.deep = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.out = nn.Linear(d + hidden, 1)
        self.register_buffer("offset", torch.arange(DCN_FIELDS) * DCN_CARD)

    def forward(self, cat: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
        x0 = torch.cat([self.embed(cat + self.offset).flatten(1), dense], 1)
        x = x0
        for layer in self.cross:
            x = x0 * layer(x) + x
        return self.out(torch.cat([x, self.deep(x0)], 1)).squeeze(1)


def dcn(batch_size: int = 128, seed: int = 0, train_size: int = 12000, hidden: int = 64) -> dict[str, Any]:
    """DCN-v2 (embeddings 8, two cross layers, a 64-64 deep tower) on 12000 logged impressions; held out: 8192
    others; Adam."""
    gen = torch.Generator().manual_seed(10502)
    cat, dense, y = _clicks(train_size + 8192, gen)
    train, test = (cat[:train_size], dense[:train_size], y[:train_size]), (cat[train_size:], dense[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": DCNv2(hidden=hidden), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches(test, 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": bce, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 6. polynomial-chaos (Chebyshev) regression (ASGD)

PCE_DIMS, PCE_DEGREE = 3, 6


def _chebyshev(x: torch.Tensor, degree: int) -> torch.Tensor:
    """T_0..T_degree of each coordinate: (n, dims, degree + 1), by the three-term recurrence."""
    t = [torch.ones_like(x), x]
    for _ in range(degree - 1):
        t.append(2 * x * t[-1] - t[-2])
    return torch.stack(t, -1)


class ChebyshevExpansion(nn.Module):
    """y = sum_alpha c_alpha prod_i T_{alpha_i}(x_i) over multi-indices of total degree <= 6 (84 terms)."""

    def __init__(self, dims: int = PCE_DIMS, degree: int = PCE_DEGREE) -> None:
        super().__init__()
        alphas = [a for a in itertools.product(range(degree + 1), repeat=dims) if sum(a) <= degree]
        self.register_buffer("alphas", torch.tensor(alphas))
        self.degree = degree
        self.coef = nn.Linear(len(alphas), 1)
        nn.init.zeros_(self.coef.weight)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        t = _chebyshev(x, self.degree)  # (n, dims, degree + 1)
        feats = torch.stack([t[:, i, self.alphas[:, i]] for i in range(x.shape[1])], 0).prod(0)
        return self.coef(feats).squeeze(1)


def _response(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """The Ishigami function on [-pi, pi]^3 scaled to [-1, 1]^3 (a = 7, b = 0.1), standardised, noise sd 0.1."""
    x = torch.rand(n, PCE_DIMS, generator=gen) * 2 - 1
    u = x * torch.pi
    y = torch.sin(u[:, 0]) + 7 * torch.sin(u[:, 1]) ** 2 + 0.1 * u[:, 2] ** 4 * torch.sin(u[:, 0])
    return x, (y - 3.5) / 3.7 + 0.1 * torch.randn(n, generator=gen)


def pce(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """A degree-6 Chebyshev polynomial-chaos expansion of the Ishigami function from 2048 noisy samples; held
    out: 4096 other points; ASGD (torch defaults)."""
    gen = torch.Generator().manual_seed(10601)
    x, y = _response(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": ChebyshevExpansion(), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.ASGD(params, lr=lr), "asgd"), "loss_fn": mse,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("nplm_adagrad", nplm, 400, "neural_probabilistic_lm", "adagrad", "finite", 64, seconds=0.32, start_lr=0.2),
    W("wnmlp_sgdm", weightnorm_mlp, 400, "weight_norm_mlp", "sgd_momentum0.9_wd5e-4", "finite", 64, seconds=0.36,
      start_lr=0.1),
    W("grud_rmsprop", grud, 300, "gru_d", "rmsprop", "finite", 32, seconds=1.05, start_lr=8e-3),
    W("earlyexit_nadam", early_exit, 300, "early_exit_deep_supervision", "nadam", "finite", 64, seconds=0.5,
      start_lr=2e-3),
    W("dcn_adam", dcn, 300, "deep_cross_network", "adam", "finite", 128, seconds=0.55, start_lr=4e-3),
    W("pce_asgd", pce, 400, "polynomial_chaos", "asgd", "finite", 32, seconds=0.21, start_lr=0.2),
)
LONG = (
    W("pce_asgd@long", pce, 3000, "polynomial_chaos", "asgd", "finite", 8, dict(train_size=1024), seconds=1.25,
      start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="pce_asgd"),
    W("nplm_adagrad@long", nplm, 3000, "neural_probabilistic_lm", "adagrad", "finite", 16,
      dict(sequences=64, hidden=32), seconds=1.7, start_lr=0.1, grid_fractions=(0.0, 0.05), long_of="nplm_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam10_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the tenth exam's workloads")
