"""The sixth exam: eight more workload families that neither the suite nor the first five exams have.

The first five exams (``exam_workloads.py``, ``exam2_workloads.py`` ... ``exam5_workloads.py``) follow the same
rules as this one: every workload is written as a user of its field would write it (its own model code, its own
synthetic data generated in the factory from its own ``torch.Generator``; nothing downloaded, nothing imported from
warmfind), with an optimiser that field uses and plain torch data pipelines (a shuffling ``DataLoader`` over a
finite pool, or a stream).

Not here: the suite's families (MLP, deep MLP, CNN +-BN, GRU/LSTM, Pre-/Post-LN transformers, HF-style GPT/BERT,
linear/logistic regression), the first exam's (conv autoencoder, diffusion denoiser, GNN, MoE, SwiGLU MLP, LoRA,
contrastive, zero-init ResNet, seq2seq GRU, DeepFM), the second's (VAE, TCN/WaveNet, RealNVP, triplet metric
learning, DeepSets, skip-gram, SIREN, mixture density network), the third's (U-Net, sparse autoencoder,
distillation, MADE, conv CTC, N-BEATS, PixelCNN, Poisson GLM net), the fourth's (S4D state-space, NeuMF, PINN,
DeepSurv, ListNet, attention MIL, uncertainty multi-task, fastText) and the fifth's (CRF tagger, deep kernel
learning, spiking net, BinaryNet, KAN, neural ODE, Poincare embeddings, CORAL ordinal; offline DQN and conditional
neural processes were tried there and dropped).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- hypernetwork: an MLP maps a sinusoid task's description to all the weights of a small target MLP, which is
  then run on that task's points (Ha et al.'s static hypernetwork), MSE, Adamax
- deep quantile regression: an MLP with five quantile outputs on heteroscedastic, skewed data, the pinball loss
  averaged over the quantiles, NAdam
- cosine classifier with an additive angular margin (ArcFace) and a learned scale (NormFace), SGD with momentum
  0.9 and weight decay 5e-4 (the ArcFace paper's)
- Siamese pair network with Hadsell, Chopra & LeCun's contrastive loss (margin 1), RMSprop with momentum 0.9
- Hamiltonian neural network: an MLP's scalar H(q, p), its symplectic gradient fitted to the noisy time
  derivatives of a pendulum-like system (Greydanus et al.), RAdam
- Perceiver: a few learned latents cross-attend to a set of 2-d points, one latent self-attention block, a class
  from the pooled latents (Jaegle et al.), AdamW with betas (0.9, 0.95) and weight decay 0.1
- two-tower retrieval: a user tower and an item tower (an id embedding plus an MLP of item features), cosine
  similarity over a temperature of 0.05, the in-batch softmax
  (sampled softmax with the batch's items as negatives, as in YouTube's and TF Recommenders' retrieval), Adagrad
- deep equilibrium model: a tanh fixed-point layer z = tanh(W z + U x + b) solved by 20 plain iterations without
  grad, then one more with grad (the Jacobian-free backward of Fung et al.), a linear head, SGD with Nesterov
  momentum 0.9

Long plans (``<name>@long``, total_steps = 3000): tiny versions of three families, grid warmup 0 and 5% only.

The factory contract is the suite's and the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns
``{model, data, eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent);
``optimizer`` is a hook ``(params, lr) -> Optimizer``. Data pools and held-out sets come from their own
``torch.Generator``; ``seed`` varies only the model's initialisation and the batch order. ``build(name,
no_eval=True)`` drops ``eval_data``; the entrypoint is ``benchmarks/exam6_workloads.py:build``.

The split: every workload here is ``exam``. Nothing in warmfind was ever tuned on it; it is scored rarely
(benchmarks/results/exam6/README.md).

    python benchmarks/exam6_workloads.py          # the table
    python benchmarks/exam6_workloads.py --time   # also times one full run of each (one thread)
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
#   record and plain data helpers, shared with exams 1-5)

TITLE = "Exam 6"


# --------------------------------------------------------------------------------------------------------------
# 1. hypernetwork generating a target MLP's weights (Adamax)


def _sinusoid_tasks(n: int, gen: torch.Generator, points: int = 16, noise: float = 0.3) -> tuple[torch.Tensor, ...]:
    """Tasks y = a sin(f x + phi) + b with a in [0.5, 2], f in [0.5, 2], phi uniform, b in [-1, 1]; each described
    by (a, f, sin phi, cos phi, b), observed at 16 points x in [-pi, pi] with noise sd 0.3."""
    a = 0.5 + 1.5 * torch.rand(n, generator=gen)
    f = 0.5 + 1.5 * torch.rand(n, generator=gen)
    phi = 2 * math.pi * torch.rand(n, generator=gen)
    b = 2 * torch.rand(n, generator=gen) - 1
    x = (2 * torch.rand(n, points, generator=gen) - 1) * math.pi
    y = a[:, None] * torch.sin(f[:, None] * x + phi[:, None]) + b[:, None]
    task = torch.stack([a, f, torch.sin(phi), torch.cos(phi), b], 1)
    return task, x, y + noise * torch.randn(y.shape, generator=gen)


class HyperNet(nn.Module):
    """An MLP from the task description to the flattened weights of a 1-H-H-1 tanh target net. The output layer
    starts small, its bias at a standard (Kaiming-uniform) draw of the target's weights, so that the generated
    nets start as ordinary initialisations (the usual hypernetwork initialisation fix)."""

    def __init__(self, task_dim: int = 5, width: int = 64, hidden: int = 16) -> None:
        super().__init__()
        self.h = hidden
        self.shapes = [(hidden, 1), (hidden,), (hidden, hidden), (hidden,), (1, hidden), (1,)]
        count = sum(math.prod(s) for s in self.shapes)
        self.body = nn.Sequential(nn.Linear(task_dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU())
        self.head = nn.Linear(width, count)
        nn.init.normal_(self.head.weight, std=0.1 / width**0.5)
        target = [nn.Linear(1, hidden), nn.Linear(hidden, hidden), nn.Linear(hidden, 1)]
        with torch.no_grad():
            self.head.bias.copy_(torch.cat([t.flatten() for m in target for t in (m.weight, m.bias)]))

    def forward(self, task: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        flat = self.head(self.body(task))
        parts, i = [], 0
        for s in self.shapes:
            k = math.prod(s)
            parts.append(flat[:, i : i + k].reshape(len(task), *s))
            i += k
        w1, b1, w2, b2, w3, b3 = parts
        h = torch.tanh(x[..., None] @ w1.transpose(1, 2) + b1[:, None])  # (tasks, points, H)
        h = torch.tanh(h @ w2.transpose(1, 2) + b2[:, None])
        return (h @ w3.transpose(1, 2) + b3[:, None]).squeeze(-1)


def hyper_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    task, x, y = batch
    return F.mse_loss(model(task, x), y)


def hypernet(batch_size: int = 64, seed: int = 0, width: int = 64, hidden: int = 16) -> dict[str, Any]:
    """A hypernetwork on a stream of sinusoid tasks (16 points each); held out: 1024 other tasks; Adamax."""
    torch.manual_seed(seed)
    return {"model": HyperNet(5, width, hidden), "data": Stream(_sinusoid_tasks, batch_size),
            "eval_data": held_out(_sinusoid_tasks, 1024, 256, 161),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"), "loss_fn": hyper_mse}


# --------------------------------------------------------------------------------------------------------------
# 2. deep quantile regression, pinball loss (NAdam)

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


@lru_cache(maxsize=1)
def _quantile_world(dim: int = 8) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(6161)
    return torch.randn(dim, 32, generator=gen) / dim**0.5, torch.randn(32, generator=gen) / 32**0.5, torch.randn(dim, generator=gen) / dim**0.5


def _heteroscedastic(n: int, gen: torch.Generator, dim: int = 8) -> tuple[torch.Tensor, torch.Tensor]:
    """8-d inputs; y = a non-linear mean + a noise whose scale depends on x (0.2 to 1.2) and which is skewed (a
    centred Gamma(2) draw), as demand or latency data are."""
    a, b, c = _quantile_world(dim)
    x = torch.randn(n, dim, generator=gen)
    mean = 2.0 * torch.tanh(x @ a) @ b + 0.5 * x[:, 0]
    scale = 0.2 + torch.sigmoid(2 * x @ c)
    eps = _gamma2(n, gen)
    return x, mean + scale * (eps - 2.0) / 2**0.5


def _gamma2(n: int, gen: torch.Generator) -> torch.Tensor:
    """Gamma(shape 2, rate 1) as the sum of two exponentials, drawn from ``gen``."""
    u = torch.rand(n, 2, generator=gen).clamp(min=1e-12)
    return -torch.log(u).sum(1)


class QuantileNet(nn.Module):
    def __init__(self, dim: int = 8, width: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                 nn.Linear(width, len(QUANTILES)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pinball(model: nn.Module, batch: Any) -> torch.Tensor:
    """The pinball (quantile) loss, averaged over the five quantiles and the batch; positive (the noise)."""
    x, y = batch
    q = torch.tensor(QUANTILES)
    err = y[:, None] - model(x)
    return torch.maximum(q * err, (q - 1) * err).mean()


def quantile(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 64) -> dict[str, Any]:
    """Deep quantile regression on an 8192-example pool; held out: 4096 others; NAdam."""
    gen = torch.Generator().manual_seed(6262)
    x, y = _heteroscedastic(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": QuantileNet(x.shape[1], width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), "loss_fn": pinball,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 3. cosine classifier with an additive angular margin (ArcFace) and a learned scale (SGD, momentum, wd)

ARC_CLASSES = 16


@lru_cache(maxsize=1)
def _arc_world(dim: int = 32) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(6363)
    return torch.randn(ARC_CLASSES, 8, generator=gen), torch.randn(8, dim, generator=gen) / 8**0.5


def _identities(n: int, gen: torch.Generator, dim: int = 32) -> tuple[torch.Tensor, torch.Tensor]:
    """16 identities: an 8-d latent prototype plus noise sd 0.8, through a fixed tanh map to 32-d, plus sd 0.3."""
    protos, mix = _arc_world(dim)
    y = torch.randint(0, ARC_CLASSES, (n,), generator=gen)
    z = protos[y] + 0.8 * torch.randn(n, 8, generator=gen)
    return torch.tanh(z @ mix) + 0.3 * torch.randn(n, dim, generator=gen), y


class ArcFaceNet(nn.Module):
    """An MLP embedding (L2-normalised) and normalised class centres: the logits are cosines."""

    def __init__(self, dim: int = 32, width: int = 128, emb: int = 32) -> None:
        super().__init__()
        self.embed = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, emb))
        self.centres = nn.Parameter(torch.randn(ARC_CLASSES, emb) / emb**0.5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.normalize(self.embed(x), dim=1) @ F.normalize(self.centres, dim=1).T  # cosines


def arcface_loss(model: nn.Module, batch: Any, margin: float = 0.2, scale: float = 10.0) -> torch.Tensor:
    """ArcFace: the target's logit is s cos(theta + m), the others s cos(theta) (s = 10, m = 0.2); cross-entropy.
    Positive."""
    x, y = batch
    cos = model(x).clamp(-1 + 1e-6, 1 - 1e-6)
    target = torch.cos(torch.acos(cos.gather(1, y[:, None])) + margin)
    logits = cos.scatter(1, y[:, None], target) * scale
    return F.cross_entropy(logits, y)


def arcface(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 128) -> dict[str, Any]:
    """ArcFace on an 8192-example pool of 16 identities; held out: 4096 others; SGD(momentum 0.9, wd 5e-4)."""
    gen = torch.Generator().manual_seed(6464)
    x, y = _identities(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": ArcFaceNet(x.shape[1], width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": arcface_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 4. Siamese pair network, Hadsell-Chopra-LeCun contrastive loss (RMSprop with momentum)

SIAM_CLASSES = 10


@lru_cache(maxsize=1)
def _siamese_world(dim: int = 24) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(6565)
    return torch.randn(SIAM_CLASSES, 6, generator=gen), torch.randn(6, dim, generator=gen) / 6**0.5


def _pairs(n: int, gen: torch.Generator, dim: int = 24) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pairs of 24-d items (10 classes: a 6-d prototype plus noise sd 0.7 through a tanh map, plus sd 0.3), half
    of them from the same class (label 1), as Keras's mnist_siamese example builds them."""
    protos, mix = _siamese_world(dim)
    a = torch.randint(0, SIAM_CLASSES, (n,), generator=gen)
    same = torch.rand(n, generator=gen) < 0.5
    b = torch.where(same, a, (a + torch.randint(1, SIAM_CLASSES, (n,), generator=gen)) % SIAM_CLASSES)

    def item(c: torch.Tensor) -> torch.Tensor:
        z = protos[c] + 0.7 * torch.randn(n, 6, generator=gen)
        return torch.tanh(z @ mix) + 0.3 * torch.randn(n, dim, generator=gen)

    return item(a), item(b), same.float()


class SiameseNet(nn.Module):
    def __init__(self, dim: int = 24, width: int = 64, emb: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, emb))

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return (self.net(a) - self.net(b)).pow(2).sum(1).add(1e-9).sqrt()  # Euclidean distance


def hadsell_loss(model: nn.Module, batch: Any, margin: float = 1.0) -> torch.Tensor:
    """(y d^2 + (1 - y) max(0, m - d)^2) / 2, averaged; never negative, and positive here because the classes
    overlap (some pairs of one class lie farther apart than some pairs of two)."""
    a, b, y = batch
    d = model(a, b)
    return 0.5 * (y * d.pow(2) + (1 - y) * F.relu(margin - d).pow(2)).mean()


def siamese(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 64) -> dict[str, Any]:
    """A Siamese net on an 8192-pair pool; held out: 4096 other pairs; RMSprop(momentum=0.9)."""
    gen = torch.Generator().manual_seed(6666)
    a, b, y = _pairs(train_size + 4096, gen)
    torch.manual_seed(seed)
    pool = (a[:train_size], b[:train_size], y[:train_size])
    return {"model": SiameseNet(a.shape[1], width), "data": loader(*pool, batch_size=batch_size),
            "eval_data": split_batches((a[train_size:], b[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, momentum=0.9), "rmsprop_momentum0.9"),
            "loss_fn": hadsell_loss, "train_pool": pool}


# --------------------------------------------------------------------------------------------------------------
# 5. Hamiltonian neural network (RAdam)


def _phase_points(n: int, gen: torch.Generator, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """States (q, p) in [-3, 3] x [-3, 3] of H = p^2 / 2 + 3 (1 - cos q) + q^4 / 20 and their time derivatives
    (dH/dp, -dH/dq), observed with noise sd 0.1 (Greydanus et al.'s pendulum task, with a quartic term)."""
    qp = (2 * torch.rand(n, 2, generator=gen) - 1) * 3
    q, p = qp[:, 0], qp[:, 1]
    dq = p
    dp = -(3 * torch.sin(q) + q**3 / 5)
    return qp, torch.stack([dq, dp], 1) + noise * torch.randn(n, 2, generator=gen)


class HNN(nn.Module):
    def __init__(self, width: int = 64) -> None:
        super().__init__()
        self.h = nn.Sequential(nn.Linear(2, width), nn.Tanh(), nn.Linear(width, width), nn.Tanh(), nn.Linear(width, 1))

    def forward(self, qp: torch.Tensor) -> torch.Tensor:
        """The symplectic gradient (dH/dp, -dH/dq) of the learned H (through autograd, also under no_grad)."""
        with torch.enable_grad():
            qp = qp.detach().requires_grad_(True)
            grad = torch.autograd.grad(self.h(qp).sum(), qp, create_graph=torch.is_grad_enabled() and self.training)[0]
        return torch.stack([grad[:, 1], -grad[:, 0]], 1)


def hnn_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    qp, deriv = batch
    return F.mse_loss(model(qp), deriv)


def hnn(batch_size: int = 64, seed: int = 0, width: int = 64) -> dict[str, Any]:
    """A Hamiltonian net on a stream of noisy phase-space derivatives; held out: 2048 others; RAdam."""
    torch.manual_seed(seed)
    return {"model": HNN(width), "data": Stream(_phase_points, batch_size),
            "eval_data": held_out(_phase_points, 2048, 512, 171),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"), "loss_fn": hnn_mse}


# --------------------------------------------------------------------------------------------------------------
# 6. Perceiver: latents cross-attending to a point set (AdamW, betas (0.9, 0.95), wd 0.1)

SHAPES = 6


def _point_sets(n: int, gen: torch.Generator, points: int = 32) -> tuple[torch.Tensor, torch.Tensor]:
    """Sets of 32 2-d points from one of 6 shapes (circle, two circles, line, cross, square outline, spiral),
    rotated by up to +-0.3 rad, scaled (0.7-1.3) and shifted (sd 0.5), plus point noise sd 0.08; 10% of labels
    resampled."""
    y = torch.randint(0, SHAPES, (n,), generator=gen)
    t = torch.rand(n, points, generator=gen)
    ang = 2 * math.pi * t
    shapes = [
        torch.stack([torch.cos(ang), torch.sin(ang)], -1),
        torch.stack([torch.cos(2 * ang) * 0.5 + torch.sign(t - 0.5) * 0.6, torch.sin(2 * ang) * 0.5], -1),
        torch.stack([2 * t - 1, torch.zeros_like(t)], -1),
        torch.where((torch.rand(n, points, 1, generator=gen) < 0.5), torch.stack([2 * t - 1, torch.zeros_like(t)], -1),
                    torch.stack([torch.zeros_like(t), 2 * t - 1], -1)),
        torch.stack([torch.clamp(1.5 * torch.cos(ang), -1, 1), torch.clamp(1.5 * torch.sin(ang), -1, 1)], -1),
        torch.stack([t * torch.cos(3 * ang), t * torch.sin(3 * ang)], -1),
    ]
    pts = torch.stack(shapes, 1)[torch.arange(n), y]  # (n, points, 2)
    theta = 0.6 * torch.rand(n, generator=gen) - 0.3
    rot = torch.stack([torch.stack([torch.cos(theta), -torch.sin(theta)], -1), torch.stack([torch.sin(theta), torch.cos(theta)], -1)], -2)
    pts = pts @ rot * (0.7 + 0.6 * torch.rand(n, 1, 1, generator=gen)) + 0.5 * torch.randn(n, 1, 2, generator=gen)
    flip = torch.rand(n, generator=gen) < 0.1
    return pts + 0.08 * torch.randn(pts.shape, generator=gen), torch.where(flip, torch.randint(0, SHAPES, (n,), generator=gen), y)


class Perceiver(nn.Module):
    """8 learned latents (dim 32) cross-attend (4 heads) to the points (their coordinates and 4 bands of Fourier
    features, embedded linearly), one pre-LN latent self-attention
    block with an MLP, mean-pooled latents to the classes."""

    def __init__(self, dim: int = 32, latents: int = 8, heads: int = 4, bands: int = 4) -> None:
        super().__init__()
        self.embed = nn.Linear(2 + 4 * bands, dim)
        self.bands = bands
        self.latents = nn.Parameter(torch.randn(latents, dim) * 0.02)
        self.norm_x, self.norm_q = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.cross = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.cross_mlp = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))
        self.norm_s = nn.LayerNorm(dim)
        self.self_attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.mlp = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))
        self.out = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, SHAPES))

    def forward(self, pts: torch.Tensor) -> torch.Tensor:
        freq = math.pi / 3 * 2.0 ** torch.arange(self.bands)  # Perceiver's Fourier features of the coordinates
        ang = (pts[..., None] * freq).flatten(2)
        x = self.norm_x(self.embed(torch.cat([pts, torch.sin(ang), torch.cos(ang)], -1)))
        q = self.latents.expand(len(pts), -1, -1)
        z = q + self.cross(self.norm_q(q), x, x, need_weights=False)[0]
        z = z + self.cross_mlp(z)
        h = self.norm_s(z)
        z = z + self.self_attn(h, h, h, need_weights=False)[0]
        z = z + self.mlp(z)
        return self.out(z.mean(1))


def perceiver_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.cross_entropy(model(x), y)


def perceiver(batch_size: int = 32, seed: int = 0, train_size: int = 4096, dim: int = 32) -> dict[str, Any]:
    """A small Perceiver on a 4096-set pool; held out: 2048 other sets; AdamW(betas (0.9, 0.95), wd 0.1)."""
    gen = torch.Generator().manual_seed(6767)
    x, y = _point_sets(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": Perceiver(dim), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.95), weight_decay=0.1),
                                "adamw_b0.95_wd0.1"),
            "loss_fn": perceiver_ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 7. two-tower retrieval, in-batch softmax (Adagrad)

ITEMS = 400


@lru_cache(maxsize=1)
def _catalogue(dim: int = 16, latent: int = 8) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Items: an 8-d latent taste vector each and 16-d observed features (a noisy linear view, plus a tanh view);
    the map from a user's latent to their 16-d features."""
    gen = torch.Generator().manual_seed(6868)
    item_lat = torch.randn(ITEMS, latent, generator=gen)
    view = torch.randn(latent, dim, generator=gen) / latent**0.5
    item_feat = torch.tanh(item_lat @ view) + 0.3 * torch.randn(ITEMS, dim, generator=gen)
    return item_lat, item_feat, torch.randn(latent, dim, generator=gen) / latent**0.5


def _interactions(n: int, gen: torch.Generator, dim: int = 16, latent: int = 8) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A user (latent taste N(0, I), features a tanh view plus noise sd 0.3) and the item they engage with (its id
    and features), drawn from the softmax of the affinities user . item over a temperature of 0.5."""
    item_lat, item_feat, view = _catalogue(dim, latent)
    u = torch.randn(n, latent, generator=gen)
    users = torch.tanh(u @ view) + 0.3 * torch.randn(n, dim, generator=gen)
    item = torch.multinomial(torch.softmax(2.0 * u @ item_lat.T, 1), 1, generator=gen).squeeze(1)
    return users, item, item_feat[item]


class TwoTower(nn.Module):
    """A user MLP tower and an item tower (an id embedding plus an MLP of the item's features, as in TF
    Recommenders' retrieval tutorial) to normalised 32-d embeddings; logits are cosines over a temperature of 0.05
    (YouTube's)."""

    def __init__(self, dim: int = 16, width: int = 64, emb: int = 32, temperature: float = 0.05) -> None:
        super().__init__()
        self.user = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, emb))
        self.item_id = nn.Embedding(ITEMS, emb)
        nn.init.normal_(self.item_id.weight, std=0.05)
        self.item = nn.Sequential(nn.Linear(dim, width), nn.ReLU(), nn.Linear(width, emb))
        self.temperature = temperature

    def forward(self, users: torch.Tensor, item_ids: torch.Tensor, items: torch.Tensor) -> torch.Tensor:
        v = self.item_id(item_ids) + self.item(items)
        return F.normalize(self.user(users), dim=1) @ F.normalize(v, dim=1).T / self.temperature


def in_batch_softmax(model: nn.Module, batch: Any) -> torch.Tensor:
    """Each user's own item against the batch's other items, cross-entropy; positive (the engagement is drawn,
    and a batch may hold one item twice)."""
    users, item_ids, items = batch
    return F.cross_entropy(model(users, item_ids, items), torch.arange(len(users)))


def two_tower(batch_size: int = 128, seed: int = 0, width: int = 64) -> dict[str, Any]:
    """A two-tower retrieval model on a stream of (user, engaged item) pairs, in-batch negatives; held out: 4096
    other pairs in batches of the same size; Adagrad."""
    torch.manual_seed(seed)
    return {"model": TwoTower(16, width), "data": Stream(_interactions, batch_size),
            "eval_data": held_out(_interactions, 4096, batch_size, 181),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": in_batch_softmax}


# --------------------------------------------------------------------------------------------------------------
# 8. deep equilibrium model, Jacobian-free backward (SGD with Nesterov momentum)

DEQ_CLASSES = 6


@lru_cache(maxsize=1)
def _deq_world(dim: int = 20) -> tuple[torch.Tensor, torch.Tensor]:
    gen = torch.Generator().manual_seed(6969)
    return torch.randn(dim, 32, generator=gen) / dim**0.5, torch.randn(32, DEQ_CLASSES, generator=gen) * 1.5


def _deq_batch(n: int, gen: torch.Generator, dim: int = 20, flip: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """20-d inputs, 6 classes from a non-linear teacher, 10% of labels resampled."""
    a, b = _deq_world(dim)
    x = torch.randn(n, dim, generator=gen)
    y = (torch.tanh(2 * x @ a) @ b).argmax(1)
    return x, torch.where(torch.rand(n, generator=gen) < flip, torch.randint(0, DEQ_CLASSES, (n,), generator=gen), y)


class DEQ(nn.Module):
    """z* = tanh(W z* + U x + b), found by ``iters`` plain iterations without grad; one more iteration with grad
    (Fung et al.'s Jacobian-free backward); a linear head on z*."""

    def __init__(self, dim: int = 20, width: int = 64, iters: int = 20) -> None:
        super().__init__()
        self.inject = nn.Linear(dim, width)
        self.W = nn.Linear(width, width, bias=False)
        nn.init.normal_(self.W.weight, std=0.5 / width**0.5)
        self.head = nn.Linear(width, DEQ_CLASSES)
        self.iters = iters

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        u = self.inject(x)
        with torch.no_grad():
            z = torch.zeros_like(u)
            for _ in range(self.iters):
                z = torch.tanh(self.W(z) + u)
        z = torch.tanh(self.W(z) + u)
        return self.head(z)


def deq_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.cross_entropy(model(x), y)


def deq(batch_size: int = 64, seed: int = 0, train_size: int = 8192, width: int = 64) -> dict[str, Any]:
    """A tanh DEQ on an 8192-example pool; held out: 4096 others; SGD(momentum 0.9, nesterov)."""
    gen = torch.Generator().manual_seed(7070)
    x, y = _deq_batch(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": DEQ(x.shape[1], width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True), "sgd_nesterov"),
            "loss_fn": deq_ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("hypernet_adamax", hypernet, 300, "hypernetwork", "adamax", "stream", 64, seconds=0.4, start_lr=0.032),
    W("quantile_nadam", quantile, 400, "quantile_regression", "nadam", "finite", 64, seconds=0.3, start_lr=0.032),
    W("arcface_sgdm", arcface, 300, "arcface_cosine", "sgd_momentum0.9_wd5e-4", "finite", 64, seconds=0.3, start_lr=0.1),
    W("siamese_rmspropm", siamese, 400, "siamese_contrastive", "rmsprop_momentum0.9", "finite", 64, seconds=0.4, start_lr=1e-3),
    W("hnn_radam", hnn, 400, "hamiltonian_nn", "radam", "stream", 64, seconds=0.3, start_lr=0.064),
    W("perceiver_adamw", perceiver, 300, "perceiver", "adamw_b0.95_wd0.1", "finite", 32, seconds=1.35, start_lr=0.008),
    W("two_tower_adagrad", two_tower, 400, "two_tower_retrieval", "adagrad", "stream", 128, seconds=0.8, start_lr=0.2),
    W("deq_nesterov", deq, 300, "deep_equilibrium", "sgd_nesterov", "finite", 64, seconds=0.25, start_lr=0.1),
)
LONG = (
    W("quantile_nadam@long", quantile, 3000, "quantile_regression", "nadam", "finite", 16, dict(width=32), seconds=1.6,
      start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="quantile_nadam"),
    W("hnn_radam@long", hnn, 3000, "hamiltonian_nn", "radam", "stream", 16, dict(width=32), seconds=1.9,
      start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="hnn_radam"),
    W("deq_nesterov@long", deq, 3000, "deep_equilibrium", "sgd_nesterov", "finite", 16, dict(width=32), seconds=1.45,
      start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="deq_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam6_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixth exam's workloads")
