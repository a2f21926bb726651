"""The twelfth exam: six more workload families that neither the suite nor the first eleven exams have.

Same rules as exams 1-11 (``exam_workloads.py`` ... ``exam11_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam11_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 11's own
(maxout network, soft decision tree, relation network, min-max monotonic network, ESPCN, recursive neural network)
and its dropped Fourier neural operator and quasi-recurrent network.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- mixture-of-softmaxes language model (Yang et al. 2018): a fixed window of context embeddings, a tanh context
  layer, K = 4 softmaxes over the (tied) vocabulary mixed by a learned prior, next-token NLL on a corpus drawn from
  a hidden Markov model; plain SGD without momentum (as AWD-LSTM and MoS train before switching to ASGD)
- squeeze-and-excitation CNN (Hu et al.): two conv-BN-ReLU stages, each followed by an SE block (global pool, a
  bottleneck MLP, a sigmoid gate per channel), global pooling and a linear classifier, on synthetic textured
  images with 10% flipped labels; SGD with momentum 0.9 and weight decay 1e-4 (SENet's)
- noise-contrastive estimation of an unnormalised density (Gutmann & Hyvarinen 2010): an energy MLP and a learned
  log-normaliser, logistic regression of data against samples of a known Gaussian noise (log p_model - log q);
  Adam with betas (0.9, 0.99) and eps 1e-6
- BPR matrix factorisation (Rendle et al. 2009): user and item factors plus an item bias, -log sigmoid(x_ui - x_uj)
  on (user, consumed item, sampled item) triples of implicit feedback; Adagrad (as LightFM's BPR)
- DenseNet-style MLP (dense connectivity, Huang et al., on tabular rows): every layer sees the concatenation of
  the input and every earlier layer's output (growth 16), a smooth tabular regression, MSE; AdamW (torch defaults)
- deep L2-SVM (Tang 2013; a long plan only): a ReLU MLP whose top layer is trained by the one-vs-rest squared hinge
  loss, on teacher-labelled points with 15% flipped labels; SGD with momentum 0.9

Long plans (``<name>@long``, total_steps = 3000): four, grid warmup 0 and 5% only: tiny versions of the
mixture-of-softmaxes LM, BPR-MF and DenseNet-style MLP, and the deep L2-SVM (which has no short plan). An NCE one was
dropped before the grid (its seeds were 6-11% apart near its best); the SE CNN is too slow for 3000 steps.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. The entrypoint
is ``benchmarks/exam12_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam12/README.md).

    python benchmarks/exam12_workloads.py          # the table
    python benchmarks/exam12_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 12"


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE; positive (every target here carries noise)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy; positive (every label here is flipped at random with some probability)."""
    *x, y = batch
    return F.cross_entropy(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. mixture-of-softmaxes language model (plain SGD)

MOS_VOCAB, MOS_STATES = 32, 8


def _hmm_windows(n: int, context: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Independent (context, next token) windows from a hidden Markov model: 8 hidden states with sticky random
    transitions (0.8 stay), each emitting from its own peaked distribution over 32 tokens (Dirichlet(0.1)-like, by
    normalised Gamma draws). The next token's distribution given the context is a mixture of the states' emission
    distributions weighted by the posterior: the high-rank conditional MoS is built for."""
    tg = torch.Generator().manual_seed(12101)
    trans = torch.rand(MOS_STATES, MOS_STATES, generator=tg) ** 3
    trans = 0.2 * trans / trans.sum(1, keepdim=True) + 0.8 * torch.eye(MOS_STATES)
    emit = torch._standard_gamma(torch.full((MOS_STATES, MOS_VOCAB), 0.1), generator=tg)
    emit = emit / emit.sum(1, keepdim=True)
    state = torch.randint(0, MOS_STATES, (n,), generator=gen)
    tokens = []
    for _ in range(context + 1):
        tokens.append(torch.multinomial(emit[state], 1, generator=gen).squeeze(1))
        state = torch.multinomial(trans[state], 1, generator=gen).squeeze(1)
    seq = torch.stack(tokens, 1)
    return seq[:, :context], seq[:, context]


class MixtureOfSoftmaxes(nn.Module):
    """Yang et al.'s MoS head on a window LM: embeddings of the context tokens concatenated, h = tanh(W e + b);
    prior pi = softmax(W_pi h), K context vectors h_k = tanh(W_k h), p(y) = sum_k pi_k softmax(h_k E^T + b_out)
    with the output embedding tied to the input one. Returns log p over the vocabulary."""

    def __init__(self, context: int = 4, dim: int = 24, hidden: int = 64, mixtures: int = 4) -> None:
        super().__init__()
        self.mixtures, self.dim = mixtures, dim
        self.embed = nn.Embedding(MOS_VOCAB, dim)
        nn.init.uniform_(self.embed.weight, -0.1, 0.1)  # AWD-LSTM's (and MoS's) embedding init
        self.hidden = nn.Linear(context * dim, hidden)
        self.prior = nn.Linear(hidden, mixtures, bias=False)
        self.latent = nn.Linear(hidden, mixtures * dim)
        self.bias = nn.Parameter(torch.zeros(MOS_VOCAB))

    def forward(self, ctx: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.hidden(self.embed(ctx).flatten(1)))
        log_prior = torch.log_softmax(self.prior(h), 1)  # (b, K)
        hk = torch.tanh(self.latent(h)).view(len(ctx), self.mixtures, self.dim)
        log_probs = torch.log_softmax(hk @ self.embed.weight.T + self.bias, 2)  # (b, K, V)
        return torch.logsumexp(log_prior[:, :, None] + log_probs, 1)


def mos_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """Next-token NLL of the mixture; positive, and at least the corpus's conditional entropy (tokens are drawn)."""
    ctx, y = batch
    return F.nll_loss(model(ctx), y)


def mos_lm(batch_size: int = 32, seed: int = 0, train_size: int = 6000, context: int = 4, dim: int = 24,
           hidden: int = 64) -> dict[str, Any]:
    """A mixture-of-softmaxes window LM (4 softmaxes, context 4) on 6000 HMM windows; held out: 4096 others; plain
    SGD (no momentum)."""
    gen = torch.Generator().manual_seed(12102)
    x, y = _hmm_windows(train_size + 4096, context, gen)
    torch.manual_seed(seed)
    return {"model": MixtureOfSoftmaxes(context, dim, hidden), "data": loader(x[:train_size], y[:train_size],
                                                                                batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": mos_nll, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. squeeze-and-excitation CNN (SGD, momentum 0.9, weight decay 1e-4)

SE_SIZE, SE_CLASSES = 10, 4


def _textures(n: int, gen: torch.Generator, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """10x10 images: the class sets the orientation of a grating (0, 45, 90, 135 degrees) of random frequency and
    phase and random contrast 0.3-1, under a random Gaussian blob of larger amplitude and pixel noise sd 0.5; 10% of
    labels are replaced by a uniform random class."""
    coords = torch.stack(torch.meshgrid(torch.linspace(-1, 1, SE_SIZE), torch.linspace(-1, 1, SE_SIZE),
                                        indexing="ij"), 0)
    y = torch.randint(0, SE_CLASSES, (n,), generator=gen)
    theta = y.float() * math.pi / 4 + 0.15 * torch.randn(n, generator=gen)
    freq = 2.0 + 2.0 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    contrast = 0.3 + 0.7 * torch.rand(n, generator=gen)
    proj = torch.cos(theta)[:, None, None] * coords[0] + torch.sin(theta)[:, None, None] * coords[1]
    img = contrast[:, None, None] * torch.sin(freq[:, None, None] * math.pi * proj + phase[:, None, None])
    centre = torch.rand(n, 2, generator=gen) * 1.4 - 0.7
    d2 = (coords[0] - centre[:, 0, None, None]) ** 2 + (coords[1] - centre[:, 1, None, None]) ** 2
    img = img + 1.5 * torch.randn(n, generator=gen)[:, None, None] * torch.exp(-d2 / 0.3)
    img = img + 0.5 * torch.randn(img.shape, generator=gen)
    noisy = torch.rand(n, generator=gen) < flip
    y = torch.where(noisy, torch.randint(0, SE_CLASSES, (n,), generator=gen), y)
    return img[:, None], y


class SqueezeExcite(nn.Module):
    """Hu et al.'s SE block: global average pool, FC (c / r) ReLU, FC (c) sigmoid, rescale each channel."""

    def __init__(self, channels: int, reduction: int = 4) -> None:
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(channels, channels // reduction), nn.ReLU(inplace=True),
                                nn.Linear(channels // reduction, channels), nn.Sigmoid())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.fc(x.mean((2, 3)))[:, :, None, None]


class SENet(nn.Module):
    """conv3x3 (w) BN ReLU SE, max-pool 2, conv3x3 (2w) BN ReLU SE, global average pool, linear."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU(inplace=True),
            SqueezeExcite(width), nn.MaxPool2d(2),
            nn.Conv2d(width, 2 * width, 3, padding=1, bias=False), nn.BatchNorm2d(2 * width), nn.ReLU(inplace=True),
            SqueezeExcite(2 * width))
        self.classifier = nn.Linear(2 * width, SE_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x).mean((2, 3)))


def se_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 3072, width: int = 12) -> dict[str, Any]:
    """An SE CNN (widths 12 and 24) classifying the grating orientation of 3072 noisy 10x10 images; held out: 2048
    others; SGD with momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(12201)
    x, y = _textures(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": SENet(width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 3. noise-contrastive estimation of an unnormalised density (Adam, betas (0.9, 0.99), eps 1e-6)

NCE_DIM = 2


def _pinwheel(n: int, gen: torch.Generator) -> torch.Tensor:
    """Johnson et al.'s pinwheel: 5 arms, radial sd 0.3, tangential sd 0.08, rate 0.25, scaled to unit-ish spread."""
    arms = 5
    labels = torch.randint(0, arms, (n,), generator=gen)
    feats = torch.randn(n, 2, generator=gen) * torch.tensor([0.3, 0.08])
    feats[:, 0] += 1.0
    angles = 2 * math.pi * labels / arms + 0.25 * torch.exp(feats[:, 0])
    c, s = torch.cos(angles), torch.sin(angles)
    rot = torch.stack([torch.stack([c, -s], 1), torch.stack([s, c], 1)], 1)  # (n, 2, 2)
    return (rot @ feats[:, :, None]).squeeze(2) * 1.5


class EnergyNet(nn.Module):
    """An unnormalised log-density log p(x) = -E(x) - c: a SiLU MLP for E and a learned log-normaliser c."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.energy = nn.Sequential(nn.Linear(NCE_DIM, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                    nn.Linear(hidden, 1))
        self.log_z = nn.Parameter(torch.zeros(1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return -self.energy(x).squeeze(1) - self.log_z


NCE_NOISE_SD = 1.6


def _noise_log_density(x: torch.Tensor) -> torch.Tensor:
    return -0.5 * (x / NCE_NOISE_SD).pow(2).sum(1) - NCE_DIM * math.log(NCE_NOISE_SD * math.sqrt(2 * math.pi))


def nce_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Gutmann & Hyvarinen's NCE with one noise sample per data point: the logistic loss of G(x) = log p_model(x) -
    log q(x) on data (label 1) and noise (label 0), summed over the pair. Positive: the Gaussian noise covers the
    data, so the two classes overlap and even the true density leaves a Bayes error."""
    data, noise = batch
    both = torch.cat([data, noise])
    g = model(both) - _noise_log_density(both)
    return F.softplus(-g[: len(data)]).mean() + F.softplus(g[len(data) :]).mean()


def nce_density(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """An energy MLP (2-64-64-1, SiLU) and log-normaliser fitted by NCE to 4096 pinwheel points paired with 4096
    fixed N(0, 1.6^2) noise points; held out: 4096 other pairs; Adam with betas (0.9, 0.99), eps 1e-6."""
    gen = torch.Generator().manual_seed(12301)
    data = _pinwheel(train_size + 4096, gen)
    noise = NCE_NOISE_SD * torch.randn(train_size + 4096, NCE_DIM, generator=gen)
    torch.manual_seed(seed)
    pool = (data[:train_size], noise[:train_size])
    return {"model": EnergyNet(hidden), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((data[train_size:], noise[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.9, 0.99), eps=1e-6),
                                "adam_b0.99_eps1e-6"),
            "loss_fn": nce_loss, "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 4. BPR matrix factorisation (Adagrad)


def _implicit_triples(n: int, users: int, items: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Implicit feedback: a fixed rank-6 teacher's preference s_ui = u . v + popularity_i; a consumed item is drawn
    from softmax(s_u), the sampled (negative) item uniformly from the others (which may be preferred: BPR's own
    assumption is noisy). Returns (user, consumed item, sampled item)."""
    tg = torch.Generator().manual_seed(12401 + users)
    u_f = torch.randn(users, 6, generator=tg) / 6**0.25
    i_f = torch.randn(items, 6, generator=tg) / 6**0.25
    pop = 0.8 * torch.randn(items, generator=tg)
    scores = u_f @ i_f.T + pop
    user = torch.randint(0, users, (n,), generator=gen)
    pos = torch.multinomial(torch.softmax(scores[user], 1), 1, generator=gen).squeeze(1)
    neg = (pos + torch.randint(1, items, (n,), generator=gen)) % items
    return user, pos, neg


class BPRMF(nn.Module):
    """x_ui = p_u . q_i + b_i (Rendle et al.'s matrix factorisation model under BPR), factors initialised N(0, 0.1)."""

    def __init__(self, users: int, items: int, factors: int = 16) -> None:
        super().__init__()
        self.user = nn.Embedding(users, factors)
        self.item = nn.Embedding(items, factors)
        self.item_bias = nn.Embedding(items, 1)
        nn.init.normal_(self.user.weight, std=0.1)
        nn.init.normal_(self.item.weight, std=0.1)
        nn.init.zeros_(self.item_bias.weight)

    def forward(self, u: torch.Tensor, i: torch.Tensor) -> torch.Tensor:
        return (self.user(u) * self.item(i)).sum(1) + self.item_bias(i).squeeze(1)


def bpr_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """-log sigmoid(x_ui - x_uj); positive, and bounded away from 0 because a sampled item is often preferred."""
    u, i, j = batch
    return F.softplus(-(model(u, i) - model(u, j))).mean()


def bpr_mf(batch_size: int = 128, seed: int = 0, train_size: int = 12000, users: int = 200, items: int = 100,
           factors: int = 16) -> dict[str, Any]:
    """BPR-MF (16 factors) on 12000 triples of 200 users x 100 items; held out: 4096 other triples; Adagrad."""
    gen = torch.Generator().manual_seed(12402)
    triples = _implicit_triples(train_size + 4096, users, items, gen)
    train, test = tuple(t[:train_size] for t in triples), tuple(t[train_size:] for t in triples)
    torch.manual_seed(seed)
    return {"model": BPRMF(users, items, factors), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches(test, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bpr_loss, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 5. DenseNet-style MLP (AdamW)

DENSE_FEATURES = 10


def _tabular_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """10 Gaussian features; y = sin(x0) x1 + 0.5 x2^2 + tanh(x3 + x4) - 0.5 |x5| + 0.5 x6 (+ 3 unused features),
    centred, + noise sd 0.5."""
    x = torch.randn(n, DENSE_FEATURES, generator=gen)
    y = (torch.sin(x[:, 0]) * x[:, 1] + 0.5 * x[:, 2] ** 2 + torch.tanh(x[:, 3] + x[:, 4]) - 0.5 * x[:, 5].abs()
         + 0.5 * x[:, 6])
    y = y - 0.1
    return x, y + 0.5 * torch.randn(n, generator=gen)


class DenseMLP(nn.Module):
    """Dense connectivity on an MLP: layer l maps concat(x, h_1 .. h_{l-1}) through LayerNorm-free Linear + ReLU to
    ``growth`` features; the head reads the concatenation of everything."""

    def __init__(self, layers: int = 4, growth: int = 16) -> None:
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(DENSE_FEATURES + l * growth, growth) for l in range(layers))
        self.head = nn.Linear(DENSE_FEATURES + layers * growth, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feats = x
        for layer in self.layers:
            feats = torch.cat([feats, F.relu(layer(feats))], 1)
        return self.head(feats).squeeze(1)


def dense_mlp(batch_size: int = 64, seed: int = 0, train_size: int = 6000, layers: int = 4,
              growth: int = 16) -> dict[str, Any]:
    """A 4-layer DenseNet-style MLP (growth 16) on 6000 rows; held out: 4096 others; AdamW (torch defaults)."""
    gen = torch.Generator().manual_seed(12501)
    x, y = _tabular_rows(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": DenseMLP(layers, growth), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": mse, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. deep L2-SVM classifier (SGD, momentum 0.9; a long plan only)

SVM_FEATURES, SVM_CLASSES = 16, 5


def _teacher_classes(n: int, gen: torch.Generator, flip: float = 0.15) -> tuple[torch.Tensor, torch.Tensor]:
    """16 Gaussian features; the class is the argmax of a fixed random 16-32-5 tanh teacher's outputs, and 15% of
    labels are replaced by a uniform random class."""
    tg = torch.Generator().manual_seed(12601)
    w1 = torch.randn(SVM_FEATURES, 32, generator=tg) / SVM_FEATURES**0.5
    w2 = torch.randn(32, SVM_CLASSES, generator=tg)
    x = torch.randn(n, SVM_FEATURES, generator=gen)
    y = (torch.tanh(1.5 * x @ w1) @ w2).argmax(1)
    noisy = torch.rand(n, generator=gen) < flip
    return x, torch.where(noisy, torch.randint(0, SVM_CLASSES, (n,), generator=gen), y)


def l2svm_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Tang's (2013) one-vs-rest L2-SVM objective on the top layer: sum_k max(0, 1 - t_k f_k(x))^2 with t_k = +1 for
    the labelled class and -1 otherwise, averaged over the batch. Positive: 15% of labels are flipped at random, so
    no f can put every held-out example beyond the margin."""
    x, y = batch
    t = 2 * F.one_hot(y, SVM_CLASSES).float() - 1
    return F.relu(1 - t * model(x)).pow(2).sum(1).mean()


def l2svm_mlp(batch_size: int = 16, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """A 16-h-h-5 ReLU MLP with an L2-SVM output layer on 4096 teacher-labelled points; held out: 4096 others; SGD
    with momentum 0.9."""
    gen = torch.Generator().manual_seed(12602)
    x, y = _teacher_classes(train_size + 4096, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(SVM_FEATURES, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, SVM_CLASSES))
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": l2svm_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("mos_lm_sgd", mos_lm, 400, "mixture_of_softmaxes_lm", "sgd", "finite", 32, seconds=0.28, start_lr=1.6),
    W("se_cnn_sgdm", se_cnn, 300, "squeeze_excitation_cnn", "sgd_momentum0.9_wd1e-4", "finite", 32, seconds=0.65,
      start_lr=0.2),
    W("nce_density_adam", nce_density, 400, "noise_contrastive_estimation", "adam_b0.99_eps1e-6", "finite", 64,
      seconds=0.33, start_lr=0.016),
    W("bpr_mf_adagrad", bpr_mf, 400, "bpr_matrix_factorisation", "adagrad", "finite", 128, seconds=0.36, start_lr=0.1),
    W("dense_mlp_adamw", dense_mlp, 400, "densenet_mlp", "adamw", "finite", 64, seconds=0.31, start_lr=0.032),
)
LONG = (
    W("mos_lm_sgd@long", mos_lm, 3000, "mixture_of_softmaxes_lm", "sgd", "finite", 16,
      dict(train_size=3000, dim=16, hidden=32), seconds=1.42, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="mos_lm_sgd"),
    W("l2svm_sgdm@long", l2svm_mlp, 3000, "deep_l2svm", "sgd_momentum0.9", "finite", 16, dict(hidden=32),
      seconds=1.05, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("bpr_mf_adagrad@long", bpr_mf, 3000, "bpr_matrix_factorisation", "adagrad", "finite", 16,
      dict(factors=8), seconds=1.1, start_lr=0.1, grid_fractions=(0.0, 0.05),
      long_of="bpr_mf_adagrad"),
    W("dense_mlp_adamw@long", dense_mlp, 3000, "densenet_mlp", "adamw", "finite", 16,
      dict(layers=3, growth=8), seconds=1.57, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="dense_mlp_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam12_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twelfth exam's workloads")
