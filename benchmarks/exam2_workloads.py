"""The second exam: eight more workload families that neither the suite nor the first exam has.

The first exam (``exam_workloads.py``) was scored once and is spent. This one follows its rules: every workload
is written as a user of its field would write it (its own model code, its own synthetic data generated in the
factory from its own ``torch.Generator``; nothing downloaded, nothing imported from warmfind), with the optimiser
that field uses and plain torch data pipelines (a shuffling ``DataLoader`` over a finite pool, or a stream).

Not here: the suite's families (MLP, deep MLP, CNN +-BN, GRU/LSTM, Pre-/Post-LN transformers, HF-style GPT/BERT,
linear/logistic regression) and the first exam's (conv autoencoder, diffusion denoiser, GNN, MoE, SwiGLU MLP,
LoRA, contrastive, zero-init ResNet, seq2seq GRU, DeepFM).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- variational autoencoder (negative ELBO: Gaussian reconstruction + KL) on vectors near a 4-d manifold, Adamax
- dilated causal temporal conv net (WaveNet/TCN-style, next-value prediction) on a multi-sine + AR-noise series,
  AdamW with weight decay 0.01
- normalising flow: RealNVP affine coupling layers on a 2-d ring of 8 Gaussians (NLL), Adam
- metric learning: an embedding MLP trained with a triplet margin loss on fixed random triplets of overlapping
  synthetic identities, Adam with amsgrad
- DeepSets: a permutation-invariant set regressor (sum pooling), SGD with momentum 0.9 (no Nesterov)
- skip-gram word2vec with negative sampling on a synthetic topical Zipf corpus, plain SGD (no momentum)
- SIREN: a sine-activation implicit neural representation fitting a 2-d image from coordinates, Adam
- mixture density network (Gaussian-mixture NLL) on Bishop's inverse problem (a multivalued regression), Adadelta

Long plans (``<name>@long``, total_steps = 3000): tiny versions of three families, grid warmup 0 and 5% only.

The factory contract is the suite's and the first exam's: ``f(batch_size=..., seed=0, **kwargs)`` returns
``{model, data, eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent);
``optimizer`` is a hook ``(params, lr) -> Optimizer``. Data pools and held-out sets come from their own
``torch.Generator``; ``seed`` varies only the model's initialisation and the batch order (and the VAE's
reparameterisation noise). ``build(name, no_eval=True)`` drops ``eval_data``; the entrypoint is
``benchmarks/exam2_workloads.py:build``.

The split: every workload here is ``exam``. Nothing in warmfind was ever tuned on it; it is scored rarely
(benchmarks/results/exam2/README.md).

    python benchmarks/exam2_workloads.py          # the table
    python benchmarks/exam2_workloads.py --time   # also times one full run of each (one thread)
"""

from __future__ import annotations

import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exam_workloads import ExamWorkload, Registry, Stream, _named, held_out, loader, split_batches  # noqa: E402  (the registry's
#   record and plain data helpers: exam 1's, so the three exams read alike)

TITLE = "Exam 2"


def mse_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.mse_loss(model(x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. variational autoencoder (Adamax)


@lru_cache(maxsize=2)
def _manifold_map(dim: int, latent: int) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(9001)
    return torch.randn(latent, 64, generator=gen), torch.randn(64, dim, generator=gen) / 4


def _manifold_vectors(n: int, gen: torch.Generator, dim: int = 32, latent: int = 4) -> tuple[torch.Tensor]:
    """Vectors on a curved 4-d manifold in R^32 (a fixed random tanh map of a Gaussian code) plus noise."""
    a, b = _manifold_map(dim, latent)
    z = torch.randn(n, latent, generator=gen)
    return (torch.tanh(z @ a / 2) @ b + 0.1 * torch.randn(n, dim, generator=gen),)


class VAE(nn.Module):
    def __init__(self, dim: int = 32, width: int = 128, latent: int = 8) -> None:
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU())
        self.mu = nn.Linear(width, latent)
        self.logvar = nn.Linear(width, latent)
        self.decoder = nn.Sequential(nn.Linear(latent, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                     nn.Linear(width, dim))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        h = self.encoder(x)
        mu, logvar = self.mu(h), self.logvar(h)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)  # the reparameterisation trick
        return self.decoder(z), mu, logvar


def neg_elbo(model: nn.Module, batch: Any) -> torch.Tensor:
    """Per-example negative ELBO: squared error summed over features (a unit-variance Gaussian decoder, up to a
    constant) plus KL(q(z|x) || N(0, I)), averaged over the batch."""
    (x,) = batch
    recon, mu, logvar = model(x)
    rec = 0.5 * ((recon - x) ** 2).sum(1)
    kl = -0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(1)
    return (rec + kl).mean()


def vae(batch_size: int = 64, seed: int = 0, width: int = 128, latent: int = 8) -> dict[str, Any]:
    """A VAE on a stream of manifold vectors; Adamax (lr 2e-3 is its torch default)."""
    torch.manual_seed(seed)
    return {"model": VAE(32, width, latent), "data": Stream(_manifold_vectors, batch_size),
            "eval_data": held_out(_manifold_vectors, 2048, 512, 61),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"), "loss_fn": neg_elbo}


# --------------------------------------------------------------------------------------------------------------
# 2. dilated causal temporal conv net (AdamW)


def _series(length: int, gen: torch.Generator) -> torch.Tensor:
    """Four sines with slowly drifting phases, an AR(1) noise process and a little white noise."""
    t = torch.arange(length, dtype=torch.float32)
    out = torch.zeros(length)
    for period, amp in ((7.0, 0.6), (17.0, 0.5), (41.0, 0.4), (97.0, 0.3)):
        drift = torch.cumsum(0.01 * torch.randn(length, generator=gen), 0)
        out += amp * torch.sin(2 * math.pi * t / period + drift + 2 * math.pi * torch.rand((), generator=gen))
    eps = 0.15 * torch.randn(length, generator=gen)
    ar = torch.zeros(length)
    for i in range(1, length):  # a short python loop: the factory runs once per build
        ar[i] = 0.8 * ar[i - 1] + eps[i]
    return out + ar + 0.05 * torch.randn(length, generator=gen)


@lru_cache(maxsize=2)
def _series_windows(window: int, train_windows: int) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(4242)
    s = _series(train_windows + 2048 + window + 1, gen)
    train = s[: train_windows + window].unfold(0, window + 1, 1)[:train_windows]
    test = s[train_windows + window :].unfold(0, window + 1, 8)[:256]  # later in time, never overlapping the pool
    return train.clone(), test.clone()


class CausalConv(nn.Conv1d):
    def __init__(self, cin: int, cout: int, kernel: int, dilation: int) -> None:
        super().__init__(cin, cout, kernel, dilation=dilation)
        self.left = (kernel - 1) * dilation

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return super().forward(F.pad(x, (self.left, 0)))


class TCN(nn.Module):
    """WaveNet-style: residual blocks of dilated causal convolutions (dilation 1, 2, 4, 8), gated activations,
    1x1 output head predicting the next value at every position."""

    def __init__(self, channels: int = 32, dilations: tuple[int, ...] = (1, 2, 4, 8), kernel: int = 2) -> None:
        super().__init__()
        self.inp = nn.Conv1d(1, channels, 1)
        self.filters = nn.ModuleList(CausalConv(channels, 2 * channels, kernel, d) for d in dilations)
        self.res = nn.ModuleList(nn.Conv1d(channels, channels, 1) for _ in dilations)
        self.head = nn.Sequential(nn.ReLU(), nn.Conv1d(channels, channels, 1), nn.ReLU(), nn.Conv1d(channels, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x[:, None])
        for conv, res in zip(self.filters, self.res):
            f, g = conv(h).chunk(2, 1)
            h = h + res(torch.tanh(f) * torch.sigmoid(g))
        return self.head(h)[:, 0]


def forecast_loss(model: nn.Module, batch: Any, skip: int = 16) -> torch.Tensor:
    """Next-value MSE at every position past the first ``skip`` (teacher forcing)."""
    (w,) = batch
    pred = model(w[:, :-1])
    return F.mse_loss(pred[:, skip:], w[:, 1 + skip :])


def tcn_forecast(batch_size: int = 16, seed: int = 0, window: int = 32, train_windows: int = 2048, channels: int = 24,
                 weight_decay: float = 0.01) -> dict[str, Any]:
    """A dilated causal conv net on a pool of 2048 overlapping windows of one series; held out: windows later in
    time; AdamW."""
    train, test = _series_windows(window, train_windows)
    torch.manual_seed(seed)
    return {"model": TCN(channels), "data": loader(train, batch_size=batch_size), "eval_data": split_batches((test,), 128),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay), "adamw"),
            "loss_fn": forecast_loss, "train_pool": (train,)}


# --------------------------------------------------------------------------------------------------------------
# 3. normalising flow: RealNVP (Adam)


def _ring_of_gaussians(n: int, gen: torch.Generator, modes: int = 8, radius: float = 2.0, std: float = 0.12) -> tuple[torch.Tensor]:
    k = torch.randint(0, modes, (n,), generator=gen).float()
    angle = 2 * math.pi * k / modes
    centre = radius * torch.stack([torch.cos(angle), torch.sin(angle)], 1)
    return (centre + std * torch.randn(n, 2, generator=gen),)


class Coupling(nn.Module):
    """An affine coupling layer: the masked half passes through, the rest is scaled and shifted by an MLP of it."""

    def __init__(self, mask: torch.Tensor, width: int = 64) -> None:
        super().__init__()
        self.register_buffer("mask", mask)
        dim = len(mask)
        self.net = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                 nn.Linear(width, 2 * dim))
        nn.init.zeros_(self.net[-1].weight)
        nn.init.zeros_(self.net[-1].bias)  # every layer starts as the identity
        self.scale = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        xm = x * self.mask
        s, t = self.net(xm).chunk(2, -1)
        s = self.scale * torch.tanh(s) * (1 - self.mask)
        t = t * (1 - self.mask)
        return xm + (1 - self.mask) * (x * torch.exp(s) + t), s.sum(-1)


class RealNVP(nn.Module):
    def __init__(self, dim: int = 2, layers: int = 6, width: int = 64) -> None:
        super().__init__()
        masks = [torch.arange(dim) % 2 == i % 2 for i in range(layers)]
        self.layers = nn.ModuleList(Coupling(m.float(), width) for m in masks)

    def log_prob(self, x: torch.Tensor) -> torch.Tensor:
        logdet = torch.zeros(len(x))
        for layer in self.layers:
            x, ld = layer(x)
            logdet = logdet + ld
        base = -0.5 * (x**2).sum(-1) - 0.5 * x.shape[-1] * math.log(2 * math.pi)
        return base + logdet


def flow_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    (x,) = batch
    return -model.log_prob(x).mean()


def realnvp(batch_size: int = 256, seed: int = 0, layers: int = 6, width: int = 64) -> dict[str, Any]:
    """RealNVP (6 affine couplings) on a stream from a ring of 8 Gaussians; NLL in nats; Adam."""
    torch.manual_seed(seed)
    return {"model": RealNVP(2, layers, width), "data": Stream(_ring_of_gaussians, batch_size),
            "eval_data": held_out(_ring_of_gaussians, 4096, 1024, 71),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": flow_nll}


# --------------------------------------------------------------------------------------------------------------
# 4. metric learning with a triplet loss (Adam, amsgrad)


@lru_cache(maxsize=1)
def _class_world(classes: int = 24, latent: int = 12, dim: int = 32) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(2020)
    return (torch.randn(classes, latent, generator=gen), torch.randn(latent, 64, generator=gen) / latent**0.5,
            torch.randn(64, dim, generator=gen) / 8)


def _identities(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """24 identities: a prototype in a 12-d latent, strong within-class variation, seen through a fixed random
    tanh map into R^32 plus sensor noise; classes overlap, so no embedding separates them all."""
    protos, a, b = _class_world()
    y = torch.randint(0, len(protos), (n,), generator=gen)
    z = protos[y] + 1.2 * torch.randn(n, protos.shape[1], generator=gen)
    return torch.tanh(z @ a) @ b * 4 + 0.3 * torch.randn(n, b.shape[1], generator=gen), y


def _triplets(y: torch.Tensor, count: int, gen: torch.Generator) -> torch.Tensor:
    """Random (anchor, positive, negative) index triplets, drawn once (offline mining, no hardness)."""
    anchor = torch.randint(0, len(y), (count,), generator=gen)
    by_class = [torch.nonzero(y == c).flatten() for c in range(int(y.max()) + 1)]
    pos = torch.stack([by_class[int(y[i])][torch.randint(0, len(by_class[int(y[i])]), (), generator=gen)] for i in anchor])
    neg = torch.randint(0, len(y), (count,), generator=gen)
    clash = y[neg] == y[anchor]
    while clash.any():
        neg[clash] = torch.randint(0, len(y), (int(clash.sum()),), generator=gen)
        clash = y[neg] == y[anchor]
    return torch.stack([anchor, pos, neg], 1)


class Embedder(nn.Module):
    def __init__(self, dim: int = 32, width: int = 128, out: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, out))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def triplet_loss(model: nn.Module, batch: Any, margin: float = 1.0) -> torch.Tensor:
    """``nn.TripletMarginLoss()``'s defaults: Euclidean distance, margin 1, unnormalised embeddings."""
    a, p, n = batch
    e = model(torch.cat([a, p, n]))
    ea, ep, en = e.chunk(3)
    return F.triplet_margin_loss(ea, ep, en, margin=margin)


def triplet_metric(batch_size: int = 64, seed: int = 0, examples: int = 2048, triplets: int = 8192,
                   width: int = 128) -> dict[str, Any]:
    """An embedding net trained with a triplet margin loss on 8192 fixed random triplets over 2048 examples
    (a shuffling DataLoader); held out: 2048 triplets over 1024 other examples; Adam(amsgrad=True)."""
    gen = torch.Generator().manual_seed(2121)
    x, y = _identities(examples + 1024, gen)
    tr, te = _triplets(y[:examples], triplets, gen), _triplets(y[examples:], 2048, gen) + examples
    pool = tuple(x[tr[:, i]] for i in range(3))
    torch.manual_seed(seed)
    return {"model": Embedder(x.shape[1], width), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches(tuple(x[te[:, i]] for i in range(3)), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, amsgrad=True), "adam_amsgrad"),
            "loss_fn": triplet_loss, "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 5. DeepSets (SGD + momentum)


@lru_cache(maxsize=1)
def _set_direction(dim: int) -> torch.Tensor:
    return F.normalize(torch.randn(dim, generator=torch.Generator().manual_seed(5555)), dim=0)


def _sets(n: int, gen: torch.Generator, size: int = 16, dim: int = 4) -> tuple[torch.Tensor, torch.Tensor]:
    """Sets of 16 points, each set with its own centre and spread; the target is the log spread along a fixed
    direction plus the set's largest projection on it, plus a little noise."""
    w = _set_direction(dim)
    centre = torch.randn(n, 1, dim, generator=gen)
    spread = torch.exp(0.5 * torch.randn(n, 1, 1, generator=gen))
    x = centre + spread * torch.randn(n, size, dim, generator=gen)
    proj = x @ w
    y = torch.log(proj.var(1) + 0.1) + 0.5 * proj.max(1).values + 0.1 * torch.randn(n, generator=gen)
    return x, y[:, None]


class DeepSets(nn.Module):
    """rho(sum_i phi(x_i)) (Zaheer et al.)."""

    def __init__(self, dim: int = 4, width: int = 64) -> None:
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU())
        self.rho = nn.Sequential(nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.rho(self.phi(x).sum(1))


def deepsets(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 64) -> dict[str, Any]:
    """A DeepSets regressor on a 4096-set pool; SGD, momentum 0.9."""
    gen = torch.Generator().manual_seed(6060)
    x, y = _sets(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": DeepSets(x.shape[-1], width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum"),
            "loss_fn": mse_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. skip-gram word2vec with negative sampling (plain SGD)


@lru_cache(maxsize=2)
def _corpus_tables(vocab: int, topics: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-topic word distributions (a Zipf law over a topic's own permutation of the vocabulary, mixed with a
    shared Zipf background) and the unigram^0.75 negative-sampling table."""
    gen = torch.Generator().manual_seed(1234)
    zipf = 1.0 / torch.arange(1, vocab + 1).float() ** 1.1
    zipf = zipf / zipf.sum()
    per_topic = torch.stack([zipf[torch.argsort(torch.randperm(vocab, generator=gen))] for _ in range(topics)])
    probs = 0.7 * per_topic + 0.3 * zipf
    unigram = probs.mean(0)
    return probs, unigram**0.75 / (unigram**0.75).sum()


def _skipgram_pairs(n: int, gen: torch.Generator, vocab: int = 1000, topics: int = 20, negatives: int = 5) -> tuple[torch.Tensor, ...]:
    """(centre, context, negatives): a document's topic, two words from it (a window pair), 5 noise words."""
    probs, noise = _corpus_tables(vocab, topics)
    topic = torch.randint(0, topics, (n,), generator=gen)
    pair = torch.multinomial(probs[topic], 2, replacement=True, generator=gen)
    neg = torch.multinomial(noise, n * negatives, replacement=True, generator=gen).view(n, negatives)
    return pair[:, 0], pair[:, 1], neg


class SkipGram(nn.Module):
    def __init__(self, vocab: int = 1000, dim: int = 64) -> None:
        super().__init__()
        self.centre = nn.Embedding(vocab, dim)
        self.context = nn.Embedding(vocab, dim)
        nn.init.uniform_(self.centre.weight, -0.5 / dim, 0.5 / dim)  # word2vec.c's initialisation
        nn.init.zeros_(self.context.weight)


def sgns_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    centre, context, neg = batch
    v = model.centre(centre)  # b, d
    pos = (v * model.context(context)).sum(-1)
    negs = torch.einsum("bd,bkd->bk", v, model.context(neg))
    return -(F.logsigmoid(pos) + F.logsigmoid(-negs).sum(-1)).mean()


def skipgram(batch_size: int = 256, seed: int = 0, vocab: int = 1000, dim: int = 64) -> dict[str, Any]:
    """Skip-gram with 5 negatives on a stream of window pairs from a 20-topic Zipf corpus; plain SGD."""

    def sample(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
        return _skipgram_pairs(n, gen, vocab)

    torch.manual_seed(seed)
    return {"model": SkipGram(vocab, dim), "data": Stream(sample, batch_size), "eval_data": held_out(sample, 8192, 2048, 81),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"), "loss_fn": sgns_loss}


# --------------------------------------------------------------------------------------------------------------
# 7. SIREN implicit neural representation (Adam)


def _image(xy: torch.Tensor) -> torch.Tensor:
    """A synthetic picture on [-1, 1]^2: three gratings, a checker texture on the right half, a blob and a
    sharp-edged disc."""
    x, y = xy[:, 0], xy[:, 1]
    out = 0.3 * torch.sin(6 * x + 2 * y) + 0.2 * torch.cos(9 * y - 4 * x) + 0.15 * torch.sin(21 * x + 14 * y)
    out = out + 0.2 * torch.sin(13 * x) * torch.sin(17 * y) * (x > 0).float()
    out = out + 0.6 * torch.exp(-((x - 0.3) ** 2 + (y + 0.2) ** 2) / 0.05)
    out = out + 0.5 * torch.sigmoid(60 * (0.35 - torch.sqrt((x + 0.45) ** 2 + (y - 0.4) ** 2)))
    return out[:, None]


class SineLayer(nn.Module):
    def __init__(self, cin: int, cout: int, w0: float, first: bool) -> None:
        super().__init__()
        self.w0 = w0
        self.linear = nn.Linear(cin, cout)
        bound = 1 / cin if first else math.sqrt(6 / cin) / w0  # Sitzmann et al.'s initialisation
        nn.init.uniform_(self.linear.weight, -bound, bound)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.sin(self.w0 * self.linear(x))


class Siren(nn.Module):
    def __init__(self, width: int = 64, layers: int = 3, w0: float = 30.0) -> None:
        super().__init__()
        self.net = nn.Sequential(SineLayer(2, width, w0, True), *(SineLayer(width, width, w0, False) for _ in range(layers - 1)))
        self.out = nn.Linear(width, 1)
        bound = math.sqrt(6 / width) / w0
        nn.init.uniform_(self.out.weight, -bound, bound)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.net(x))


def siren(batch_size: int = 128, seed: int = 0, pixels: int = 4096, width: int = 64, w0: float = 30.0) -> dict[str, Any]:
    """A SIREN fitting a picture from 4096 sampled pixels; held out: 2048 other points; Adam."""
    gen = torch.Generator().manual_seed(3030)
    xy = torch.rand(pixels + 2048, 2, generator=gen) * 2 - 1
    v = _image(xy)
    torch.manual_seed(seed)
    return {"model": Siren(width, 3, w0), "data": loader(xy[:pixels], v[:pixels], batch_size=batch_size),
            "eval_data": split_batches((xy[pixels:], v[pixels:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": mse_loss,
            "train_pool": (xy[:pixels], v[:pixels])}


# --------------------------------------------------------------------------------------------------------------
# 8. mixture density network (Adadelta)


def _inverse_problem(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bishop's inverse problem: t uniform, x = t + 0.3 sin(2 pi t) + noise; predict t from x (up to three
    branches for one x). Both are scaled to a few units so the NLL stays positive."""
    t = torch.rand(n, 1, generator=gen)
    x = t + 0.3 * torch.sin(2 * math.pi * t) + 0.1 * (torch.rand(n, 1, generator=gen) * 2 - 1)
    return 4 * x - 2, 10 * t


class MDN(nn.Module):
    def __init__(self, width: int = 64, components: int = 5) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(1, width), nn.Tanh(), nn.Linear(width, width), nn.Tanh())
        self.head = nn.Linear(width, 3 * components)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        logit, mu, log_sigma = self.head(self.body(x)).chunk(3, -1)
        return logit, mu, log_sigma


def mdn_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    x, t = batch
    logit, mu, log_sigma = model(x)
    log_sigma = log_sigma.clamp(-7, 7)
    comp = -0.5 * ((t - mu) / log_sigma.exp()) ** 2 - log_sigma - 0.5 * math.log(2 * math.pi)
    return -torch.logsumexp(F.log_softmax(logit, -1) + comp, -1).mean()


def mdn(batch_size: int = 16, seed: int = 0, train_size: int = 1024, width: int = 64, components: int = 5) -> dict[str, Any]:
    """A 5-component MDN on a 1024-point pool of the inverse problem; Adadelta (torch default rho 0.9)."""
    gen = torch.Generator().manual_seed(7070)
    x, t = _inverse_problem(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": MDN(width, components), "data": loader(x[:train_size], t[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adadelta(params, lr=lr), "adadelta"), "loss_fn": mdn_nll,
            "train_pool": (x[:train_size], t[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry


W = ExamWorkload
EXAM = (
    W("vae_adamax", vae, 400, "vae", "adamax", "stream", 64, seconds=0.4, start_lr=0.032),
    W("tcn_adamw", tcn_forecast, 250, "tcn_wavenet", "adamw", "finite", 16, seconds=1.1, start_lr=0.016),
    W("realnvp_adam", realnvp, 400, "normalizing_flow", "adam", "stream", 256, seconds=1.2, start_lr=0.004),
    W("triplet_amsgrad", triplet_metric, 300, "metric_learning", "adam_amsgrad", "finite", 64, seconds=0.4, start_lr=0.004),
    W("deepsets_sgdm", deepsets, 400, "deepsets", "sgd_momentum", "finite", 32, seconds=0.3, start_lr=0.003125),
    W("skipgram_sgd", skipgram, 400, "word2vec_sgns", "sgd", "stream", 256, seconds=0.6, start_lr=12.8),
    W("siren_adam", siren, 300, "siren_inr", "adam", "finite", 128, seconds=0.3, start_lr=1e-3),
    W("mdn_adadelta", mdn, 400, "mixture_density", "adadelta", "finite", 16, seconds=0.3, start_lr=4.096),
)
LONG = (
    W("vae_adamax@long", vae, 3000, "vae", "adamax", "stream", 16, dict(width=32, latent=4), seconds=2.1,
      start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="vae_adamax"),
    W("deepsets_sgdm@long", deepsets, 3000, "deepsets", "sgd_momentum", "finite", 16, seconds=1.9,
      start_lr=0.003125, grid_fractions=(0.0, 0.05), long_of="deepsets_sgdm"),
    W("skipgram_sgd@long", skipgram, 3000, "word2vec_sgns", "sgd", "stream", 64, dict(vocab=500, dim=32), seconds=1.5,
      start_lr=3.2, grid_fractions=(0.0, 0.05), long_of="skipgram_sgd"),
)

REGISTRY = Registry(EXAM, LONG, "exam2_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the second exam's workloads")
