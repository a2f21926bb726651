"""The thirteenth exam: six more workload families that neither the suite nor the first twelve exams have.

Same rules as exams 1-12 (``exam_workloads.py`` ... ``exam12_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam12_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 12's own
(mixture-of-softmaxes LM, squeeze-and-excitation CNN, noise-contrastive estimation density model, BPR matrix
factorisation, DenseNet-style MLP, deep L2-SVM) and its dropped NCE long plan.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- variational information bottleneck classifier (Alemi et al. 2017): an MLP encoder to a 16-d Gaussian code
  sampled by the reparameterisation trick, a softmax decoder, cross-entropy plus beta = 1e-3 times the KL to
  N(0, I), on teacher-labelled points with 10% flipped labels; Adam with betas (0.5, 0.999) (the paper's)
- gated convolutional language model (Dauphin et al. 2017): token embeddings, residual blocks of causal width-3
  convolutions gated by gated linear units, next-token cross-entropy at every position of windows drawn from a
  second-order Markov corpus; SGD with Nesterov momentum 0.99 (the paper's; no gradient clipping here)
- self-normalising network (Klambauer et al. 2017): a deep SELU MLP with LeCun-normal init and alpha dropout,
  a tabular classification with 10% flipped labels; plain SGD (the paper's)
- I-AutoRec (Sedhain et al. 2015): an item-based autoencoder over the item's vector of user ratings (sigmoid
  hidden layer, identity output), the squared error on observed ratings only, held out: other observed ratings of
  the same items; Adam with weight decay 1e-5 (as PyTorch AutoRec ports write the paper's L2 term)
- center-loss classifier (Wen et al. 2016): a PReLU MLP to an 8-d deep feature, a softmax classifier, and the
  centre loss (lambda 0.01) pulling each feature to its class's learned centre, on overlapping synthetic identities
  with 10% flipped labels; SGD with momentum 0.9 and weight decay 5e-4 (the paper's)
- Wide & Deep (Cheng et al. 2016): a wide linear model over one-hot categorical fields and two hashed cross-product
  features, plus a deep ReLU MLP over field embeddings and dense features, summed into one click logit, binary
  cross-entropy on clicks drawn from a teacher; Adagrad (the paper's deep-part optimiser; torch has no FTRL)

Long plans (``<name>@long``, total_steps = 3000): tiny versions of two families, grid warmup 0 and 5% only (see
``LONG``): the self-normalising network and I-AutoRec. A MobileNet-style depthwise-separable CNN (RMSprop) was
dropped before the grid for the centre-loss classifier: 0.8-0.9 s a run and seeds up to 15% apart near its best.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and the VIB's
training-time code samples). The entrypoint is ``benchmarks/exam13_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam13/README.md).

    python benchmarks/exam13_workloads.py          # the table
    python benchmarks/exam13_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 13"


def ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy; positive (every label here is flipped at random with some probability)."""
    *x, y = batch
    return F.cross_entropy(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. variational information bottleneck classifier (Adam, betas (0.5, 0.999))

VIB_FEATURES, VIB_CLASSES = 20, 6


def _teacher_labels(n: int, features: int, classes: int, seed: int, gen: torch.Generator,
                    flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Gaussian features; the class is the argmax of a fixed random features-32-classes tanh teacher, and ``flip``
    of the labels are replaced by a uniform random class."""
    tg = torch.Generator().manual_seed(seed)
    w1 = torch.randn(features, 32, generator=tg) / features**0.5
    w2 = torch.randn(32, classes, generator=tg)
    x = torch.randn(n, features, generator=gen)
    y = (torch.tanh(1.5 * x @ w1) @ w2).argmax(1)
    noisy = torch.rand(n, generator=gen) < flip
    return x, torch.where(noisy, torch.randint(0, classes, (n,), generator=gen), y)


class VIB(nn.Module):
    """Alemi et al.'s deep VIB: encoder x -> (mu, sigma = softplus(s - 5)) of a K-d Gaussian code, one
    reparameterised sample z while training (the mean at evaluation), a linear softmax decoder. Keeps the last KL."""

    def __init__(self, hidden: int = 128, code: int = 16) -> None:
        super().__init__()
        self.code = code
        self.encoder = nn.Sequential(nn.Linear(VIB_FEATURES, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                     nn.Linear(hidden, 2 * code))
        self.decoder = nn.Linear(code, VIB_CLASSES)
        self.kl = torch.zeros(())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        mu, s = self.encoder(x).split(self.code, 1)
        sigma = F.softplus(s - 5.0)
        z = mu + sigma * torch.randn_like(mu) if self.training else mu
        self.kl = (0.5 * (mu**2 + sigma**2 - 1) - torch.log(sigma)).sum(1).mean()
        return self.decoder(z)


VIB_BETA = 1e-3


def vib_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy + beta KL(q(z|x) || N(0, I)); positive: the KL is >= 0 and the cross-entropy cannot fall below
    the entropy of the 10% uniform label noise."""
    x, y = batch
    logits = model(x)
    return F.cross_entropy(logits, y) + VIB_BETA * model.kl


def vib_classifier(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 128,
                   code: int = 16) -> dict[str, Any]:
    """A deep VIB classifier (20-128-128 encoder, 16-d code, beta 1e-3) on 4096 teacher-labelled points; held out:
    4096 others; Adam with betas (0.5, 0.999)."""
    gen = torch.Generator().manual_seed(13102)
    x, y = _teacher_labels(train_size + 4096, VIB_FEATURES, VIB_CLASSES, 13101, gen)
    torch.manual_seed(seed)
    return {"model": VIB(hidden, code), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.5, 0.999)), "adam_b0.5"),
            "loss_fn": vib_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. gated convolutional language model (SGD, Nesterov momentum 0.99)

GCNN_VOCAB = 24


def _markov2_windows(n: int, length: int, gen: torch.Generator) -> torch.Tensor:
    """Independent windows of ``length + 1`` tokens from a fixed second-order Markov chain over 24 tokens: each
    (previous, current) pair has its own peaked next-token distribution (Dirichlet(0.1)-like, normalised Gamma
    draws); the first two tokens are uniform."""
    tg = torch.Generator().manual_seed(13201)
    table = torch._standard_gamma(torch.full((GCNN_VOCAB * GCNN_VOCAB, GCNN_VOCAB), 0.1), generator=tg)
    table = table / table.sum(1, keepdim=True)
    seq = [torch.randint(0, GCNN_VOCAB, (n,), generator=gen) for _ in range(2)]
    for _ in range(length - 1):
        seq.append(torch.multinomial(table[seq[-2] * GCNN_VOCAB + seq[-1]], 1, generator=gen).squeeze(1))
    return torch.stack(seq, 1)


class GatedConvLM(nn.Module):
    """Dauphin et al.'s GCNN: embeddings, ``blocks`` residual blocks h + GLU(conv_k(h)) with the convolution left-
    padded by k - 1 (causal), a linear softmax over the vocabulary at every position."""

    def __init__(self, dim: int = 32, blocks: int = 2, width: int = 3) -> None:
        super().__init__()
        self.width = width
        self.embed = nn.Embedding(GCNN_VOCAB, dim)
        self.convs = nn.ModuleList(nn.Conv1d(dim, 2 * dim, width) for _ in range(blocks))
        self.out = nn.Linear(dim, GCNN_VOCAB)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        h = self.embed(tokens).transpose(1, 2)  # (b, dim, t)
        for conv in self.convs:
            h = h + F.glu(conv(F.pad(h, (self.width - 1, 0))), 1)
        return self.out(h.transpose(1, 2))  # (b, t, vocab)


def lm_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Next-token cross-entropy over every position; positive, and at least the chain's conditional entropy (every
    token is drawn from a distribution that is never a point mass)."""
    (seq,) = batch
    logits = model(seq[:, :-1])
    return F.cross_entropy(logits.reshape(-1, GCNN_VOCAB), seq[:, 1:].reshape(-1))


def gcnn_lm(batch_size: int = 32, seed: int = 0, train_size: int = 3000, length: int = 16, dim: int = 32,
            blocks: int = 2) -> dict[str, Any]:
    """A 2-block gated conv LM (dim 32, width 3) on 3000 windows of 17 tokens; held out: 1024 others; SGD with
    Nesterov momentum 0.99."""
    gen = torch.Generator().manual_seed(13202)
    seq = _markov2_windows(train_size + 1024, length, gen)
    torch.manual_seed(seed)
    return {"model": GatedConvLM(dim, blocks), "data": loader(seq[:train_size], batch_size=batch_size),
            "eval_data": split_batches((seq[train_size:],), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.99, nesterov=True),
                                "sgd_nesterov0.99"),
            "loss_fn": lm_loss, "train_pool": (seq[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 3. self-normalising network (plain SGD)

SNN_FEATURES, SNN_CLASSES = 16, 4


class SNN(nn.Module):
    """Klambauer et al.'s SNN: ``depth`` Linear + SELU layers with LeCun-normal weights (sd 1/sqrt(fan_in)) and zero
    biases, alpha dropout after each, a linear softmax layer."""

    def __init__(self, width: int = 64, depth: int = 8, dropout: float = 0.05) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        fan_in = SNN_FEATURES
        for _ in range(depth):
            layers += [nn.Linear(fan_in, width), nn.SELU(), nn.AlphaDropout(dropout)]
            fan_in = width
        layers.append(nn.Linear(fan_in, SNN_CLASSES))
        self.net = nn.Sequential(*layers)
        for m in self.net:
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=m.in_features**-0.5)
                nn.init.zeros_(m.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def snn_mlp(batch_size: int = 64, seed: int = 0, train_size: int = 6000, width: int = 64,
            depth: int = 8) -> dict[str, Any]:
    """An 8-layer SELU network (width 64, alpha dropout 0.05) on 6000 teacher-labelled rows; held out: 4096 others;
    plain SGD."""
    gen = torch.Generator().manual_seed(13302)
    x, y = _teacher_labels(train_size + 4096, SNN_FEATURES, SNN_CLASSES, 13301, gen)
    torch.manual_seed(seed)
    return {"model": SNN(width, depth), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 4. I-AutoRec (Adam, weight decay 1e-5)


def _item_ratings(items: int, users: int, gen: torch.Generator, observed: float = 0.25,
                  test: float = 0.2) -> tuple[torch.Tensor, ...]:
    """Ratings from a rank-5 teacher: r = 3 + u . v + b_u + b_i + noise sd 0.5 (clamped to 0.5-5.5), each observed
    with probability 0.25; a fifth of the observed ones are held out. Returns (train ratings, train mask, test
    ratings, test mask), one row per item, unobserved entries 0."""
    u = torch.randn(users, 5, generator=gen) * 0.5
    v = torch.randn(items, 5, generator=gen) * 0.5
    r = 3 + v @ u.T + 0.4 * torch.randn(1, users, generator=gen) + 0.4 * torch.randn(items, 1, generator=gen)
    r = (r + 0.5 * torch.randn(items, users, generator=gen)).clamp(0.5, 5.5)
    seen = torch.rand(items, users, generator=gen) < observed
    held = seen & (torch.rand(items, users, generator=gen) < test)
    train = (seen & ~held).float()
    return r * train, train, r * held.float(), held.float()


class AutoRec(nn.Module):
    """Sedhain et al.'s I-AutoRec: h = sigmoid(V r + mu), r_hat = W h + b over an item's vector of user ratings."""

    def __init__(self, users: int, hidden: int = 48) -> None:
        super().__init__()
        self.encoder, self.decoder = nn.Linear(users, hidden), nn.Linear(hidden, users)

    def forward(self, r: torch.Tensor) -> torch.Tensor:
        return self.decoder(torch.sigmoid(self.encoder(r)))


def autorec_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The squared error on the observed entries of the target (training: the input's own ratings; held out: other
    ratings of the same items), per observed rating. Positive: every rating carries noise sd 0.5."""
    r_in, target, mask = batch
    return (mask * (model(r_in) - target) ** 2).sum() / mask.sum().clamp_min(1)


def autorec(batch_size: int = 32, seed: int = 0, items: int = 800, users: int = 200,
            hidden: int = 48) -> dict[str, Any]:
    """I-AutoRec (hidden 48) on 800 items x 200 users (about 40 training ratings an item); held out: about 10 other
    ratings of each item; Adam with weight decay 1e-5."""
    gen = torch.Generator().manual_seed(13401)
    r_train, m_train, r_test, m_test = _item_ratings(items, users, gen)
    torch.manual_seed(seed)
    return {"model": AutoRec(users, hidden), "data": loader(r_train, r_train, m_train, batch_size=batch_size),
            "eval_data": split_batches((r_train, r_test, m_test), 200),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=1e-5), "adam_wd1e-5"),
            "loss_fn": autorec_loss, "train_pool": (r_train, r_train, m_train)}


# --------------------------------------------------------------------------------------------------------------
# 5. center-loss classifier (SGD, momentum 0.9, weight decay 5e-4)

CL_FEATURES, CL_CLASSES = 16, 8


def _clusters(n: int, gen: torch.Generator, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """8 identities, each a fixed random centre in 16-d (sd 1) warped by a fixed random tanh map; points are the
    centre plus noise sd 0.9 before the warp, so identities overlap; 10% of labels replaced at random."""
    tg = torch.Generator().manual_seed(13501)
    centres = torch.randn(CL_CLASSES, CL_FEATURES, generator=tg)
    warp = torch.randn(CL_FEATURES, CL_FEATURES, generator=tg) / CL_FEATURES**0.5
    y = torch.randint(0, CL_CLASSES, (n,), generator=gen)
    z = centres[y] + 0.9 * torch.randn(n, CL_FEATURES, generator=gen)
    x = z + torch.tanh(2 * z @ warp)
    noisy = torch.rand(n, generator=gen) < flip
    return x, torch.where(noisy, torch.randint(0, CL_CLASSES, (n,), generator=gen), y)


class CenterLossNet(nn.Module):
    """Wen et al.'s (2016) set-up: a PReLU MLP to a ``dim``-d deep feature, a linear softmax classifier on it, and
    one learned centre per class (a parameter trained with the rest, as the common PyTorch port does)."""

    def __init__(self, hidden: int = 64, dim: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Linear(CL_FEATURES, hidden), nn.PReLU(), nn.Linear(hidden, hidden),
                                      nn.PReLU(), nn.Linear(hidden, dim))
        self.classifier = nn.Linear(dim, CL_CLASSES)
        self.centers = nn.Parameter(torch.randn(CL_CLASSES, dim))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        f = self.features(x)
        return self.classifier(f), f


CENTER_LAMBDA = 0.01


def center_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Softmax cross-entropy + lambda / 2 ||f - c_y||^2 (lambda 0.01, averaged over the batch). Positive: the
    centre term is >= 0 and the cross-entropy cannot fall below the entropy of the 10% uniform label noise."""
    x, y = batch
    logits, f = model(x)
    return F.cross_entropy(logits, y) + 0.5 * CENTER_LAMBDA * (f - model.centers[y]).pow(2).sum(1).mean()


def center_loss_net(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64,
                    dim: int = 8) -> dict[str, Any]:
    """A 16-64-64-8 PReLU feature net with a softmax head and a centre loss on 4096 points of 8 overlapping
    identities; held out: 4096 others; SGD with momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(13502)
    x, y = _clusters(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": CenterLossNet(hidden, dim), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": center_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. Wide & Deep (Adagrad)

WD_CARDS = (12, 8, 10, 6, 16, 5)
WD_DENSE = 3


def _clicks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Six categorical fields (cardinalities 12, 8, 10, 6, 16, 5) and three Gaussian dense features; the click
    logit is a fixed sum of per-value effects, two pairwise interaction tables (fields 0 x 1 and 2 x 3) and a
    tanh of the dense features, offset so that 43% click; the click is drawn from its sigmoid."""
    tg = torch.Generator().manual_seed(13601)
    effects = [0.5 * torch.randn(c, generator=tg) for c in WD_CARDS]
    inter01 = torch.randn(WD_CARDS[0], WD_CARDS[1], generator=tg)
    inter23 = torch.randn(WD_CARDS[2], WD_CARDS[3], generator=tg)
    wd = torch.randn(WD_DENSE, generator=tg)
    cats = torch.stack([torch.randint(0, c, (n,), generator=gen) for c in WD_CARDS], 1)
    dense = torch.randn(n, WD_DENSE, generator=gen)
    logit = sum(e[cats[:, k]] for k, e in enumerate(effects)) - 0.8
    logit = logit + inter01[cats[:, 0], cats[:, 1]] + inter23[cats[:, 2], cats[:, 3]] + torch.tanh(dense @ wd)
    y = (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()
    return cats, dense, y


class WideAndDeep(nn.Module):
    """Cheng et al.: a wide linear model over the one-hot fields and the cross-product features (field 0 x 1,
    field 2 x 3, hashed to 64 buckets each), plus a deep ReLU MLP (hidden, hidden / 2) over 8-d field embeddings
    and the dense features; the two logits are summed."""

    def __init__(self, embed: int = 8, hidden: int = 64, buckets: int = 64) -> None:
        super().__init__()
        self.buckets = buckets
        self.offsets = torch.tensor((0,) + WD_CARDS[:-1]).cumsum(0)
        self.wide = nn.EmbeddingBag(sum(WD_CARDS) + 2 * buckets, 1, mode="sum")
        nn.init.zeros_(self.wide.weight)
        self.wide_bias = nn.Parameter(torch.zeros(1))
        self.embeds = nn.ModuleList(nn.Embedding(c, embed) for c in WD_CARDS)
        self.deep = nn.Sequential(nn.Linear(len(WD_CARDS) * embed + WD_DENSE, hidden), nn.ReLU(),
                                  nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, 1))

    def forward(self, cats: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
        base = sum(WD_CARDS)
        cross01 = base + (cats[:, 0] * 7919 + cats[:, 1] * 31) % self.buckets
        cross23 = base + self.buckets + (cats[:, 2] * 7919 + cats[:, 3] * 31) % self.buckets
        ids = torch.cat([cats + self.offsets, cross01[:, None], cross23[:, None]], 1)
        wide = self.wide(ids).squeeze(1) + self.wide_bias
        emb = torch.cat([e(cats[:, k]) for k, e in enumerate(self.embeds)] + [dense], 1)
        return wide + self.deep(emb).squeeze(1)


def bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy of the click logit; positive (clicks are drawn, never certain)."""
    *x, y = batch
    return F.binary_cross_entropy_with_logits(model(*x), y)


def wide_deep(batch_size: int = 128, seed: int = 0, train_size: int = 8000, embed: int = 8,
              hidden: int = 64) -> dict[str, Any]:
    """Wide & Deep (embeddings 8, deep 64-32) on 8000 impressions; held out: 4096 others; Adagrad."""
    gen = torch.Generator().manual_seed(13602)
    cats, dense, y = _clicks(train_size + 4096, gen)
    train = (cats[:train_size], dense[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WideAndDeep(embed, hidden), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], dense[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bce, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("vib_adam", vib_classifier, 400, "variational_information_bottleneck", "adam_b0.5", "finite", 64,
      seconds=0.40, start_lr=0.004),
    W("gcnn_lm_nesterov", gcnn_lm, 300, "gated_conv_lm", "sgd_nesterov0.99", "finite", 32, seconds=0.52,
      start_lr=0.128),
    W("snn_sgd", snn_mlp, 400, "self_normalising_network", "sgd", "finite", 64, seconds=0.47, start_lr=0.1),
    W("autorec_adam", autorec, 400, "autorec", "adam_wd1e-5", "finite", 32, seconds=0.23, start_lr=0.004),
    W("center_loss_sgdm", center_loss_net, 400, "center_loss_classifier", "sgd_momentum0.9_wd5e-4", "finite", 64,
      seconds=0.28, start_lr=0.1),
    W("wide_deep_adagrad", wide_deep, 400, "wide_and_deep", "adagrad", "finite", 128, seconds=0.53, start_lr=0.2),
)
LONG = (
    W("snn_sgd@long", snn_mlp, 3000, "self_normalising_network", "sgd", "finite", 16, dict(width=32, depth=4),
      seconds=1.28, start_lr=0.2, grid_fractions=(0.0, 0.05), long_of="snn_sgd"),
    W("autorec_adam@long", autorec, 3000, "autorec", "adam_wd1e-5", "finite", 16, dict(hidden=32),
      seconds=1.33, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="autorec_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam13_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirteenth exam's workloads")
