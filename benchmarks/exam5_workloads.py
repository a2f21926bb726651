"""The fifth exam: eight more workload families that neither the suite nor the first four exams have.

The first four exams (``exam_workloads.py``, ``exam2_workloads.py``, ``exam3_workloads.py``,
``exam4_workloads.py``) follow the same rules as this one: every workload is written as a user of its field would
write it (its own model code, its own synthetic data generated in the factory from its own ``torch.Generator``;
nothing downloaded, nothing imported from warmfind), with an optimiser that field uses and plain torch data
pipelines (a shuffling ``DataLoader`` over a finite pool, or a stream).

Not here: the suite's families (MLP, deep MLP, CNN +-BN, GRU/LSTM, Pre-/Post-LN transformers, HF-style GPT/BERT,
linear/logistic regression), the first exam's (conv autoencoder, diffusion denoiser, GNN, MoE, SwiGLU MLP, LoRA,
contrastive, zero-init ResNet, seq2seq GRU, DeepFM), the second's (VAE, TCN/WaveNet, RealNVP, triplet metric
learning, DeepSets, skip-gram, SIREN, mixture density network), the third's (U-Net, sparse autoencoder,
distillation, MADE, conv CTC, N-BEATS, PixelCNN, Poisson GLM net) and the fourth's (S4D state-space, NeuMF, PINN,
DeepSurv, ListNet, attention MIL, uncertainty multi-task, fastText).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- sequence tagger with a linear-chain CRF: a conv encoder's emission scores, the CRF's negative log-likelihood
  (forward algorithm) per token on BIO-tagged synthetic sentences, SGD with momentum 0.9 (as Ma & Hovy's NER
  tagger)
- deep kernel learning: an MLP feature extractor under an RBF kernel, the exact GP negative log marginal
  likelihood of each batch (Cholesky), Adam (as GPyTorch's examples)
- spiking neural network: two layers of leaky integrate-and-fire neurons over 16 time steps, a fast-sigmoid
  surrogate gradient, cross-entropy on a leaky readout's mean membrane potential, Adam
- binary neural network (BinaryNet): sign-binarised weights and activations with straight-through estimators,
  batch norm, Adam whose step clips the latent weights to [-1, 1] (Courbariaux et al.)
- Kolmogorov-Arnold network (FastKAN's Gaussian radial basis edge functions plus a SiLU base branch) fitting a
  symbolic formula, AdamW with weight decay 1e-4 (as efficient-kan's example)
- neural ODE: an MLP vector field integrated by fixed-step RK4, fitting noisy 6-step trajectories of a cubic
  2-d oscillator (torchdiffeq's demo system), mean absolute error, RMSprop (as torchdiffeq's demo)
- Poincare embeddings of a synthetic tree's transitive closure (Nickel & Kiela's softmax over 10 negatives of
  the hyperbolic distance), Riemannian SGD (a small optimiser here: the gradient rescaled by the ball's metric,
  then a projection back into the ball)
- ordinal regression with CORAL (one shared logit, K - 1 rank-threshold biases, the binary cross-entropies of
  'rank > k' summed) on six ranks cut from a noisy latent score, Adam (as the CORAL paper)

Long plans (``<name>@long``, total_steps = 3000): tiny versions of three families, grid warmup 0 and 5% only.

The factory contract is the suite's and the first four exams': ``f(batch_size=..., seed=0, **kwargs)`` returns
``{model, data, eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent);
``optimizer`` is a hook ``(params, lr) -> Optimizer``. Data pools and held-out sets come from their own
``torch.Generator``; ``seed`` varies only the model's initialisation and the batch order. ``build(name,
no_eval=True)`` drops ``eval_data``; the entrypoint is ``benchmarks/exam5_workloads.py:build``.

The split: every workload here is ``exam``. Nothing in warmfind was ever tuned on it; it is scored rarely
(benchmarks/results/exam5/README.md).

    python benchmarks/exam5_workloads.py          # the table
    python benchmarks/exam5_workloads.py --time   # also times one full run of each (one thread)
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
#   record and plain data helpers, shared with exams 1-4)

TITLE = "Exam 5"


# --------------------------------------------------------------------------------------------------------------
# 1. conv sequence tagger with a linear-chain CRF (SGD with momentum 0.9)

TAG_VOCAB, TAGS = 300, 5  # tags: O, B-PER, I-PER, B-LOC, I-LOC


@lru_cache(maxsize=1)
def _tagging_world() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The tag chain (BIO: an I- tag only after its own B- or I-) and per-tag word distributions that overlap (many
    words are ambiguous between tags), and trigger words that precede an entity."""
    gen = torch.Generator().manual_seed(3131)
    trans = torch.tensor([[0.80, 0.10, 0.00, 0.10, 0.00],  # O
                          [0.30, 0.05, 0.60, 0.05, 0.00],  # B-PER
                          [0.45, 0.05, 0.45, 0.05, 0.00],  # I-PER
                          [0.30, 0.05, 0.00, 0.05, 0.60],  # B-LOC
                          [0.45, 0.05, 0.00, 0.05, 0.45]])  # I-LOC
    emit = torch.zeros(TAGS, TAG_VOCAB)
    emit[0] = 1.0 / torch.arange(1, TAG_VOCAB + 1).float() ** 0.8  # O: a Zipf background over every word
    for k in range(1, TAGS):
        words = torch.randperm(TAG_VOCAB - 20, generator=gen)[:40] + 20
        emit[k, words] = torch.rand(40, generator=gen) + 0.3
        emit[k] += 0.15 * emit[0] / emit[0].sum() * 40  # entity words also drawn from the background
    triggers = torch.randint(0, 20, (TAGS, 3), generator=gen)  # common words that often precede B- tags
    return trans, emit / emit.sum(1, keepdim=True), triggers


def _tagged_sentences(n: int, gen: torch.Generator, length: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    trans, emit, triggers = _tagging_world()
    tags = torch.zeros(n, length, dtype=torch.long)
    for t in range(1, length):
        tags[:, t] = torch.multinomial(trans[tags[:, t - 1]], 1, generator=gen).squeeze(1)
    words = torch.multinomial(emit[tags.flatten()], 1, generator=gen).view(n, length)
    # before a B- tag, the word is one of its entity type's triggers with probability 0.5
    begin = (tags[:, 1:] == 1) | (tags[:, 1:] == 3)
    pick = triggers[tags[:, 1:], torch.randint(0, 3, (n, length - 1), generator=gen)]
    use = begin & (tags[:, :-1] == 0) & (torch.rand(n, length - 1, generator=gen) < 0.5)
    words[:, :-1] = torch.where(use, pick, words[:, :-1])
    return words, tags


class ConvCRFTagger(nn.Module):
    """Word embeddings, two 1-d convolutions (width 3) for emission scores, and a CRF's transition, start and end
    scores."""

    def __init__(self, vocab: int = TAG_VOCAB, dim: int = 32, width: int = 64, tags: int = TAGS) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab, dim)
        self.conv1 = nn.Conv1d(dim, width, 3, padding=1)
        self.conv2 = nn.Conv1d(width, width, 3, padding=1)
        self.emit = nn.Linear(width, tags)
        self.transitions = nn.Parameter(torch.zeros(tags, tags))  # [from, to]
        self.start, self.end = nn.Parameter(torch.zeros(tags)), nn.Parameter(torch.zeros(tags))

    def forward(self, words: torch.Tensor) -> torch.Tensor:
        h = self.embedding(words).transpose(1, 2)
        h = torch.relu(self.conv2(torch.relu(self.conv1(h)))).transpose(1, 2)
        return self.emit(h)  # (batch, length, tags)


def crf_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The linear-chain CRF's negative log-likelihood (log partition by the forward algorithm minus the gold path's
    score), per token; never negative."""
    words, tags = batch
    em = model(words)
    n, length, _ = em.shape
    gold = model.start[tags[:, 0]] + model.end[tags[:, -1]] + em.gather(2, tags[..., None]).squeeze(2).sum(1)
    gold = gold + model.transitions[tags[:, :-1], tags[:, 1:]].sum(1)
    alpha = model.start + em[:, 0]
    for t in range(1, length):
        alpha = torch.logsumexp(alpha[:, :, None] + model.transitions, 1) + em[:, t]
    log_z = torch.logsumexp(alpha + model.end, 1)
    return (log_z - gold).sum() / (n * length)


def crf_tagger(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 48, dim: int = 32) -> dict[str, Any]:
    """A conv-CRF tagger on a 4096-sentence pool (16 words); held out: 1024 other sentences; SGD(momentum=0.9)."""
    gen = torch.Generator().manual_seed(3232)
    x, y = _tagged_sentences(train_size + 1024, gen)
    torch.manual_seed(seed)
    return {"model": ConvCRFTagger(dim=dim, width=width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": crf_nll, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. deep kernel learning (Adam)


@lru_cache(maxsize=1)
def _dkl_world(dim: int = 8) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(3333)
    return torch.randn(dim, 2, generator=gen) / dim**0.5, torch.randn(dim, generator=gen) / dim**0.5


def _dkl_batch(n: int, gen: torch.Generator, dim: int = 8) -> tuple[torch.Tensor, torch.Tensor]:
    """8-d inputs; the target varies along a 2-d non-linear projection (a ring and a ridge), plus noise sd 0.4."""
    a, b = _dkl_world(dim)
    x = torch.randn(n, dim, generator=gen)
    z = x @ a
    f = 2.0 * torch.sin(2.0 * z.norm(dim=1)) + z[:, 0] + 0.3 * torch.tanh(x @ b)
    return x, f + 0.4 * torch.randn(n, generator=gen)


class DeepKernelGP(nn.Module):
    """Wilson et al.'s deep kernel: an MLP maps inputs to 2 features, an RBF kernel (learned lengthscale and output
    scale) on them, a learned constant mean and Gaussian noise."""

    def __init__(self, dim: int = 8, width: int = 64, features: int = 2, depth: int = 2) -> None:
        super().__init__()
        layers: list[nn.Module] = [nn.Linear(dim, width), nn.ReLU()]
        for _ in range(depth - 1):
            layers += [nn.Linear(width, width), nn.ReLU()]
        self.features = nn.Sequential(*layers, nn.Linear(width, features))
        self.raw_lengthscale = nn.Parameter(torch.zeros(()))
        self.raw_outputscale = nn.Parameter(torch.zeros(()))
        self.raw_noise = nn.Parameter(torch.zeros(()))
        self.mean = nn.Parameter(torch.zeros(()))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """The batch's prior mean and covariance (kernel + noise)."""
        h = self.features(x) / F.softplus(self.raw_lengthscale)
        k = F.softplus(self.raw_outputscale) * torch.exp(-0.5 * torch.cdist(h, h).pow(2))
        noise = F.softplus(self.raw_noise) + 1e-4
        return self.mean.expand(len(x)), k + noise * torch.eye(len(x))


def gp_marginal_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The exact GP negative log marginal likelihood of the batch's targets, per point (GPyTorch's
    ExactMarginalLogLikelihood). Positive here: the targets' noise (sd 0.4) keeps it above about 0.5."""
    x, y = batch
    mu, cov = model(x)
    chol = torch.linalg.cholesky(cov)
    r = y - mu
    alpha = torch.cholesky_solve(r[:, None], chol).squeeze(1)
    n = len(y)
    return 0.5 * (r @ alpha) / n + torch.log(torch.diagonal(chol)).sum() / n + 0.5 * math.log(2 * math.pi)


def deep_kernel(batch_size: int = 128, seed: int = 0, width: int = 64, depth: int = 2) -> dict[str, Any]:
    """Deep kernel learning on a stream of batches of 128 (the marginal likelihood of each); Adam."""
    torch.manual_seed(seed)
    return {"model": DeepKernelGP(8, width, 2, depth), "data": Stream(_dkl_batch, batch_size),
            "eval_data": held_out(_dkl_batch, 16 * batch_size, batch_size, 141),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": gp_marginal_nll}


# --------------------------------------------------------------------------------------------------------------
# 3. spiking neural network, surrogate gradients through time (Adam)

SNN_CLASSES = 4


class _SpikeFn(torch.autograd.Function):
    """Heaviside forward; the fast-sigmoid surrogate derivative 1 / (1 + 25 |v|)^2 backward (Zenke & Ganguli)."""

    @staticmethod
    def forward(ctx: Any, v: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(v)
        return (v > 0).float()

    @staticmethod
    def backward(ctx: Any, grad: torch.Tensor) -> torch.Tensor:
        (v,) = ctx.saved_tensors
        return grad / (1.0 + 25.0 * v.abs()) ** 2


@lru_cache(maxsize=1)
def _snn_world(dim: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(3434)
    return torch.randn(dim, 24, generator=gen) / dim**0.5, torch.randn(24, SNN_CLASSES, generator=gen) * 1.5


def _snn_batch(n: int, gen: torch.Generator, dim: int = 16, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Static 16-d inputs (a positive current), 4 classes from a non-linear teacher, 10% of labels resampled."""
    a, b = _snn_world(dim)
    x = torch.randn(n, dim, generator=gen)
    y = (torch.tanh(2 * x @ a) @ b).argmax(1)
    y = torch.where(torch.rand(n, generator=gen) < flip, torch.randint(0, SNN_CLASSES, (n,), generator=gen), y)
    return torch.sigmoid(x), y


class SpikingNet(nn.Module):
    """snnTorch's tutorial net: the input current fed at every step to two layers of leaky integrate-and-fire
    neurons (decay 0.9, threshold 1, reset by subtraction, the reset detached), and a non-spiking leaky readout."""

    def __init__(self, dim: int = 16, width: int = 64, steps: int = 16, beta: float = 0.9) -> None:
        super().__init__()
        self.fc1, self.fc2, self.out = nn.Linear(dim, width), nn.Linear(width, width), nn.Linear(width, SNN_CLASSES)
        self.steps, self.beta = steps, beta

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        v1 = torch.zeros(len(x), self.fc1.out_features)
        v2 = torch.zeros(len(x), self.fc2.out_features)
        vo = torch.zeros(len(x), SNN_CLASSES)
        cur1 = self.fc1(x)
        readout = 0.0
        for _ in range(self.steps):
            v1 = self.beta * v1 + cur1
            s1 = _SpikeFn.apply(v1 - 1.0)
            v1 = v1 - s1.detach()
            v2 = self.beta * v2 + self.fc2(s1)
            s2 = _SpikeFn.apply(v2 - 1.0)
            v2 = v2 - s2.detach()
            vo = self.beta * vo + self.out(s2)
            readout = readout + vo
        return readout / self.steps


def snn_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.cross_entropy(model(x), y)


def snn(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 64, steps: int = 16) -> dict[str, Any]:
    """A 2-layer LIF network over 16 steps on a 4096-example pool; held out: 2048 others; Adam."""
    gen = torch.Generator().manual_seed(3535)
    x, y = _snn_batch(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": SpikingNet(x.shape[1], width, steps), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": snn_ce,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 4. binary neural network, BinaryNet (Adam with latent-weight clipping)


class _SignSTE(torch.autograd.Function):
    """sign() forward; the straight-through estimator backward (the gradient passed where |x| <= 1)."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x)
        return torch.where(x >= 0, 1.0, -1.0)

    @staticmethod
    def backward(ctx: Any, grad: torch.Tensor) -> torch.Tensor:
        (x,) = ctx.saved_tensors
        return grad * (x.abs() <= 1).float()


class LatentWeight(nn.Parameter):
    """A binary layer's latent real-valued weight (its type marks it for clipping, and survives a deepcopy)."""


class BinaryLinear(nn.Linear):
    """A linear layer whose weights are binarised by sign in the forward pass; the latent real weights are a
    ``LatentWeight``, which the optimiser clips."""

    def __init__(self, a: int, b: int) -> None:
        super().__init__(a, b, bias=False)
        self.weight = LatentWeight(torch.empty(b, a).uniform_(-1.0, 1.0))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(x, _SignSTE.apply(self.weight))


class BinaryNet(nn.Module):
    """Courbariaux et al.'s MLP: binary linear layers, each followed by batch norm; sign activations (STE) between
    them; real-valued inputs to the first layer."""

    def __init__(self, dim: int = 32, width: int = 256, classes: int = 8) -> None:
        super().__init__()
        self.l1, self.l2, self.l3 = BinaryLinear(dim, width), BinaryLinear(width, width), BinaryLinear(width, classes)
        self.bn1, self.bn2, self.bn3 = nn.BatchNorm1d(width), nn.BatchNorm1d(width), nn.BatchNorm1d(classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = _SignSTE.apply(self.bn1(self.l1(x)))
        h = _SignSTE.apply(self.bn2(self.l2(h)))
        return self.bn3(self.l3(h))


class ClippedAdam(torch.optim.Adam):
    """Adam, then the latent binary weights clipped to [-1, 1] (BinaryNet's training loop, inside the step)."""

    @torch.no_grad()
    def step(self, closure: Any = None) -> Any:
        loss = super().step(closure)
        for group in self.param_groups:
            for p in group["params"]:
                if isinstance(p, LatentWeight):
                    p.clamp_(-1.0, 1.0)
        return loss


@lru_cache(maxsize=1)
def _bnn_world(dim: int = 32, classes: int = 8) -> torch.Tensor:
    gen = torch.Generator().manual_seed(3636)
    return torch.randn(classes, dim, generator=gen)


def _bnn_data(n: int, gen: torch.Generator, dim: int = 32, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """8 classes, each a mixture around its prototype with a class-specific sign pattern mask; features with
    noise sd 1.2; 10% of labels resampled."""
    protos = _bnn_world(dim)
    classes = len(protos)
    y = torch.randint(0, classes, (n,), generator=gen)
    x = protos[y] * torch.where(torch.rand(n, 1, generator=gen) < 0.5, 1.0, 0.5) + 1.2 * torch.randn(n, dim, generator=gen)
    y = torch.where(torch.rand(n, generator=gen) < flip, torch.randint(0, classes, (n,), generator=gen), y)
    return x, y


def bnn_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.cross_entropy(model(x), y)


def binary_net(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 256) -> dict[str, Any]:
    """BinaryNet's MLP on an 8192-example pool; held out: 2048 others; Adam with latent-weight clipping."""
    gen = torch.Generator().manual_seed(3737)
    x, y = _bnn_data(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": BinaryNet(x.shape[1], width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: ClippedAdam(params, lr=lr), "adam_clip"), "loss_fn": bnn_ce,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 5. Kolmogorov-Arnold network, FastKAN (AdamW, weight decay 1e-4)


class FastKANLayer(nn.Module):
    """Li's FastKAN layer: LayerNorm, then every input's edge functions as Gaussian radial basis functions on a
    fixed grid of 8 centres in [-2, 2] (learned coefficients per edge), plus a SiLU base branch."""

    def __init__(self, a: int, b: int, grid: int = 8, lo: float = -2.0, hi: float = 2.0) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(a)
        self.register_buffer("centres", torch.linspace(lo, hi, grid))
        self.denominator = (hi - lo) / (grid - 1)
        self.spline = nn.Linear(a * grid, b, bias=False)
        nn.init.trunc_normal_(self.spline.weight, std=0.1)
        self.base = nn.Linear(a, b)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        basis = torch.exp(-(((self.norm(x)[..., None] - self.centres) / self.denominator) ** 2))
        return self.spline(basis.flatten(1)) + self.base(F.silu(x))


class KAN(nn.Module):
    def __init__(self, widths: tuple[int, ...] = (4, 16, 16, 1)) -> None:
        super().__init__()
        self.layers = nn.Sequential(*(FastKANLayer(a, b) for a, b in zip(widths, widths[1:])))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x).squeeze(1)


def _symbolic(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """KAN's kind of target: f = exp(sin(pi x1) / 2 + x2^2 / 4) + x3 x4, inputs uniform on [-1, 1]^4, noise sd 0.3."""
    x = torch.rand(n, 4, generator=gen) * 2 - 1
    f = torch.exp(0.5 * torch.sin(math.pi * x[:, 0]) + 0.25 * x[:, 1] ** 2) + x[:, 2] * x[:, 3]
    return x, f + 0.3 * torch.randn(n, generator=gen)


def kan_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.mse_loss(model(x), y)


def kan(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 16, hidden: int = 2) -> dict[str, Any]:
    """A [4, 16, 16, 1] FastKAN on a 4096-point pool; held out: 2048 others; AdamW(weight_decay=1e-4)."""
    gen = torch.Generator().manual_seed(3838)
    x, y = _symbolic(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": KAN((4,) + (width,) * hidden + (1,)), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-4), "adamw_wd1e-4"),
            "loss_fn": kan_mse, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. neural ODE, fixed-step RK4 (RMSprop)

ODE_A = torch.tensor([[-0.1, 2.0], [-2.0, -0.1]])  # torchdiffeq's demo: dy/dt = (y^3) A


def _rk4(f: Any, y: torch.Tensor, dt: float, steps: int, substeps: int) -> torch.Tensor:
    """The states at ``steps`` observation times ``dt`` apart (RK4 with ``substeps`` steps between them)."""
    h = dt / substeps
    out = []
    for _ in range(steps):
        for _ in range(substeps):
            k1 = f(y)
            k2 = f(y + 0.5 * h * k1)
            k3 = f(y + 0.5 * h * k2)
            k4 = f(y + h * k3)
            y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        out.append(y)
    return torch.stack(out, 1)  # (batch, steps, 2)


def _trajectories(n: int, gen: torch.Generator, steps: int = 6, dt: float = 0.1, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Random starts on the annulus 0.5 <= |y| <= 2 and the true system's next 6 states (fine RK4), observed with
    noise sd 0.1."""
    angle = torch.rand(n, generator=gen) * 2 * math.pi
    radius = 0.5 + 1.5 * torch.rand(n, generator=gen)
    y0 = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], 1)
    with torch.no_grad():
        path = _rk4(lambda y: (y**3) @ ODE_A, y0, dt, steps, 8)
    return y0, path + noise * torch.randn(path.shape, generator=gen)


class ODEFunc(nn.Module):
    """torchdiffeq's demo vector field: an MLP on y^3."""

    def __init__(self, width: int = 50) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, width), nn.Tanh(), nn.Linear(width, 2))
        for m in self.net.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.1)
                nn.init.zeros_(m.bias)

    def forward(self, y: torch.Tensor) -> torch.Tensor:
        return self.net(y**3)


class NeuralODE(nn.Module):
    def __init__(self, width: int = 32, substeps: int = 1) -> None:
        super().__init__()
        self.func, self.substeps = ODEFunc(width), substeps

    def forward(self, y0: torch.Tensor, steps: int) -> torch.Tensor:
        return _rk4(self.func, y0, 0.1, steps, self.substeps)


def ode_l1(model: nn.Module, batch: Any) -> torch.Tensor:
    """torchdiffeq demo's loss: the mean absolute error over the predicted trajectory."""
    y0, path = batch
    return (model(y0, path.shape[1]) - path).abs().mean()


def neural_ode(batch_size: int = 32, seed: int = 0, width: int = 32) -> dict[str, Any]:
    """A neural ODE on a stream of 6-step trajectories; RMSprop (torchdiffeq's demo)."""
    torch.manual_seed(seed)
    return {"model": NeuralODE(width), "data": Stream(_trajectories, batch_size),
            "eval_data": held_out(_trajectories, 1024, 256, 151),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"), "loss_fn": ode_l1}


# --------------------------------------------------------------------------------------------------------------
# 7. Poincare embeddings (Riemannian SGD)


class RiemannianSGD(torch.optim.Optimizer):
    """Nickel & Kiela's RSGD on the Poincare ball: the Euclidean gradient times (1 - |x|^2)^2 / 4 (the inverse
    metric), a plain step, then rows at or beyond the boundary pulled back to norm 1 - 1e-5."""

    def __init__(self, params: Any, lr: float) -> None:
        super().__init__(params, dict(lr=lr))

    @torch.no_grad()
    def step(self, closure: Any = None) -> Any:
        loss = None if closure is None else closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                scale = (1 - p.pow(2).sum(-1, keepdim=True)).pow(2) / 4
                p.add_(p.grad * scale, alpha=-group["lr"])
                norm = p.norm(dim=-1, keepdim=True)
                p.mul_(torch.where(norm >= 1 - 1e-5, (1 - 1e-5) / norm, torch.ones_like(norm)))
        return loss


@lru_cache(maxsize=4)
def _tree(branching: int = 3, depth: int = 5) -> tuple[torch.Tensor, torch.Tensor]:
    """A tree with every node having 2-4 children (mean ``branching``) down to ``depth``; returns its transitive
    closure's (descendant, ancestor) edges and the 'related' matrix (either is the other's ancestor, or equal)."""
    gen = torch.Generator().manual_seed(3939)
    parent = [-1]
    frontier = [0]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for _ in range(int(torch.randint(branching - 1, branching + 2, (), generator=gen))):
                parent.append(node)
                nxt.append(len(parent) - 1)
        frontier = nxt
    n = len(parent)
    related = torch.eye(n, dtype=torch.bool)
    edges = []
    for node in range(n):
        a = parent[node]
        while a >= 0:
            edges.append((node, a))
            related[node, a] = related[a, node] = True
            a = parent[a]
    return torch.tensor(edges), related


class PoincareEmbedding(nn.Module):
    def __init__(self, nodes: int, dim: int = 5) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.empty(nodes, dim).uniform_(-1e-3, 1e-3))  # the paper's init

    def distance(self, u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        x, y = self.weight[u], self.weight[v]
        sq = (x - y).pow(2).sum(-1)
        den = (1 - x.pow(2).sum(-1)).clamp(min=1e-5) * (1 - y.pow(2).sum(-1)).clamp(min=1e-5)
        return torch.acosh((1 + 2 * sq / den).clamp(min=1 + 1e-7))


class EdgesWithNegatives(torch.utils.data.Dataset):
    """The paper's sampler: each (u, v) edge with 10 nodes unrelated to u, drawn afresh every time (torch's RNG)."""

    def __init__(self, edges: torch.Tensor, related: torch.Tensor, negatives: int = 10) -> None:
        self.edges, self.related, self.negatives = edges, related, negatives

    def __len__(self) -> int:
        return len(self.edges)

    def __getitem__(self, i: int) -> tuple[torch.Tensor, torch.Tensor]:
        u, v = self.edges[i]
        cand = torch.randint(0, len(self.related), (4 * self.negatives,))
        cand = cand[~self.related[u, cand]][: self.negatives]
        while len(cand) < self.negatives:
            more = torch.randint(0, len(self.related), (4 * self.negatives,))
            cand = torch.cat([cand, more[~self.related[u, more]]])[: self.negatives]
        return torch.stack([u, v]), cand


def _fixed_negatives(edges: torch.Tensor, related: torch.Tensor, negatives: int, gen: torch.Generator) -> torch.Tensor:
    out = torch.empty(len(edges), negatives, dtype=torch.long)
    for i, (u, _) in enumerate(edges.tolist()):
        cand = torch.randint(0, len(related), (8 * negatives,), generator=gen)
        out[i] = cand[~related[u, cand]][:negatives]
    return out


def poincare_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Softmax cross-entropy of the true neighbour against the negatives, logits = -distance; never negative."""
    uv, neg = batch
    u = uv[:, 0]
    d_pos = model.distance(u, uv[:, 1])
    d_neg = model.distance(u[:, None].expand_as(neg), neg)
    logits = -torch.cat([d_pos[:, None], d_neg], 1)
    return F.cross_entropy(logits, torch.zeros(len(u), dtype=torch.long))


def poincare(batch_size: int = 64, seed: int = 0, dim: int = 5, branching: int = 3, depth: int = 5) -> dict[str, Any]:
    """Poincare embeddings of a random tree's transitive closure (about 1,300 edges), 10 negatives per edge; held
    out: the same edges with one fixed draw of negatives (the paper's reconstruction setting); Riemannian SGD."""
    edges, related = _tree(branching, depth)
    gen = torch.Generator().manual_seed(4040)
    eval_neg = _fixed_negatives(edges, related, 10, gen)
    torch.manual_seed(seed)
    data = torch.utils.data.DataLoader(EdgesWithNegatives(edges, related), batch_size=batch_size, shuffle=True, drop_last=True)
    return {"model": PoincareEmbedding(len(related), dim), "data": data,
            "eval_data": split_batches((edges, eval_neg), 512),
            "optimizer": _named(lambda params, lr: RiemannianSGD(params, lr=lr), "rsgd"), "loss_fn": poincare_loss}


# --------------------------------------------------------------------------------------------------------------
# 8. ordinal regression, CORAL (Adam)

RANKS = 6


@lru_cache(maxsize=1)
def _ordinal_world(dim: int = 16) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(4343)
    return torch.randn(dim, 32, generator=gen) / dim**0.5, torch.randn(32, generator=gen) / 32**0.5, torch.randn(dim, generator=gen) / dim**0.5


def _ordinal(n: int, gen: torch.Generator, dim: int = 16) -> tuple[torch.Tensor, torch.Tensor]:
    """16-d inputs; a latent score (non-linear, plus a linear part, plus noise sd 0.5) cut at fixed, unevenly
    spaced thresholds into 6 ranks (0-5), as ratings or age groups are."""
    a, b, c = _ordinal_world(dim)
    x = torch.randn(n, dim, generator=gen)
    score = 2.0 * torch.tanh(x @ a) @ b + x @ c + 0.5 * torch.randn(n, generator=gen)
    return x, torch.bucketize(score, torch.tensor([-1.6, -0.7, 0.0, 0.5, 1.3]))


class CoralNet(nn.Module):
    """Cao, Mirjalili & Raschka's CORAL: an MLP gives one logit, shared by the K - 1 binary tasks 'rank > k', each
    with its own bias (the rank-consistent parameterisation)."""

    def __init__(self, dim: int = 16, width: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                 nn.Linear(width, 1, bias=False))
        self.biases = nn.Parameter(torch.zeros(RANKS - 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x) + self.biases  # (batch, K - 1) logits


def coral_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """coral_pytorch's loss: the K - 1 binary cross-entropies (rank > k), summed over tasks, averaged over the
    batch; positive (the latent noise leaves every rank uncertain near its thresholds)."""
    x, rank = batch
    levels = (rank[:, None] > torch.arange(RANKS - 1)).float()
    return F.binary_cross_entropy_with_logits(model(x), levels, reduction="none").sum(1).mean()


def coral(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 64) -> dict[str, Any]:
    """CORAL ordinal regression on an 8192-example pool; held out: 4096 others; Adam (the paper's)."""
    gen = torch.Generator().manual_seed(4444)
    x, y = _ordinal(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": CoralNet(x.shape[1], width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"), "loss_fn": coral_loss,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("crf_tagger_sgdm", crf_tagger, 300, "crf_tagger", "sgd_momentum0.9", "finite", 32, seconds=1.5, start_lr=0.4),
    W("dkl_adam", deep_kernel, 300, "deep_kernel_learning", "adam", "stream", 128, seconds=0.6, start_lr=0.064),
    W("snn_adam", snn, 300, "spiking_nn", "adam", "finite", 64, seconds=1.3, start_lr=0.016),
    W("bnn_adam", binary_net, 300, "binary_nn", "adam_clip", "finite", 64, seconds=0.7, start_lr=0.064),
    W("kan_adamw", kan, 400, "kan", "adamw_wd1e-4", "finite", 64, seconds=0.6, start_lr=0.032),
    W("node_rmsprop", neural_ode, 300, "neural_ode", "rmsprop", "stream", 32, seconds=1.3, start_lr=0.008),
    W("poincare_rsgd", poincare, 400, "poincare_embedding", "rsgd", "finite", 64, seconds=0.9, start_lr=51.2),
    W("coral_adam", coral, 400, "ordinal_coral", "adam", "finite", 64, seconds=0.3, start_lr=0.128),
)
LONG = (
    W("dkl_adam@long", deep_kernel, 3000, "deep_kernel_learning", "adam", "stream", 64, dict(width=32, depth=1),
      seconds=3.7, start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="dkl_adam"),
    W("kan_adamw@long", kan, 3000, "kan", "adamw_wd1e-4", "finite", 16, dict(width=8, hidden=1), seconds=2.4,
      start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="kan_adamw"),
    W("coral_adam@long", coral, 3000, "ordinal_coral", "adam", "finite", 16, dict(width=32), seconds=1.5,
      start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="coral_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam5_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifth exam's workloads")
