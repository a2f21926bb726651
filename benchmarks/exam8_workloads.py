"""The eighth exam: eight more workload families that neither the suite nor the first seven exams have.

Same rules as exams 1-7 (``exam_workloads.py`` ... ``exam7_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, or a stream). The families already taken are listed
in ``exam7_workloads.py``'s docstring, plus exam 7's own (memory network, VQ-VAE, gMLP, pointer network, Bayes by
Backprop, focal detector, FiLM, char-CNN highway) and the dropped capsule net, offline DQN and conditional neural
process.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- GloVe: weighted least squares on the log co-occurrence counts of a synthetic corpus (Pennington et al.'s
  weighting, x_max 100, alpha 0.75), word and context vectors plus biases, Adagrad (the paper's)
- neural additive model: one small MLP per feature, summed (Agarwal et al.), with the output penalty, on a tabular
  regression whose target is mostly additive; Adam with eps 1e-3
- LISTA: sparse coding unrolled into 4 learned ISTA steps (Gregor & LeCun), trained to regress the true sparse code
  of noisy measurements; plain SGD (no momentum)
- MLP-Mixer: 4x4 patches of 16x16 images, two mixer blocks (token- and channel-mixing MLPs, Tolstikhin et al.),
  a class from the image's stripes and blob; AdamW with amsgrad and weight decay 0.05
- Gumbel-softmax categorical autoencoder: three 4-way latent variables relaxed with Gumbel-softmax (tau 0.7, Jang
  et al.), Bernoulli decoder, the ELBO with a uniform prior; RMSprop
- mixup (Zhang et al.): a small MLP classifier trained on convex mixes of example pairs and their labels (Beta(0.4,
  0.4)), scored by the plain cross-entropy; NAdam with decoupled weight decay
- RBF network: Gaussian radial basis units with learned centres (initialised at data points) and widths, a linear
  readout, a bumpy regression surface; Adadelta
- modern Hopfield retrieval: a Hopfield layer (softmax update with a learned inverse temperature, Ramsauer et al.)
  retrieves the label of the stored pattern a corrupted query came from; ASGD (torch's averaged SGD, defaults)

Long plans (``<name>@long``, total_steps = 3000): tiny versions of two families, grid warmup 0 and 5% only (a
GloVe one was dropped before any use: flat within 3% over 23x of LR).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. The entrypoint
is ``benchmarks/exam8_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam8/README.md).

    python benchmarks/exam8_workloads.py          # the table
    python benchmarks/exam8_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 8"


# --------------------------------------------------------------------------------------------------------------
# 1. GloVe on a synthetic co-occurrence matrix (Adagrad)


def _cooccurrences(vocab: int, rank: int, seed: int) -> tuple[tuple[torch.Tensor, ...], tuple[torch.Tensor, ...]]:
    """Two independent 'corpora' over the same vocabulary: counts X_ij ~ Poisson(exp(u_i . v_j + a_i + a_j + c))
    from a rank-``rank`` log-bilinear world with Zipf-like word frequencies. GloVe trains on the nonzero counts of
    the first; the held-out set is the same pairs' counts in the second (kept where nonzero)."""
    gen = torch.Generator().manual_seed(seed)
    u = torch.randn(vocab, rank, generator=gen) * 0.45
    v = torch.randn(vocab, rank, generator=gen) * 0.45
    freq = -0.9 * torch.log1p(torch.arange(vocab, dtype=torch.float))[torch.randperm(vocab, generator=gen)]
    rate = torch.exp(u @ v.T + freq[:, None] + freq[None] + 5.0)
    first, second = torch.poisson(rate, gen), torch.poisson(rate, gen)
    i, j = (first > 0).nonzero(as_tuple=True)
    keep = second[i, j] > 0
    return (i, j, first[i, j]), (i[keep], j[keep], second[i, j][keep])


class GloVe(nn.Module):
    def __init__(self, vocab: int, dim: int) -> None:
        super().__init__()
        self.w, self.c = nn.Embedding(vocab, dim), nn.Embedding(vocab, dim)
        self.bw, self.bc = nn.Embedding(vocab, 1), nn.Embedding(vocab, 1)
        for e in (self.w, self.c, self.bw, self.bc):
            nn.init.uniform_(e.weight, -0.5 / dim, 0.5 / dim)  # the reference implementation's init

    def forward(self, i: torch.Tensor, j: torch.Tensor) -> torch.Tensor:
        return (self.w(i) * self.c(j)).sum(1) + self.bw(i).squeeze(1) + self.bc(j).squeeze(1)


def glove_loss(model: nn.Module, batch: Any, x_max: float = 100.0, alpha: float = 0.75) -> torch.Tensor:
    """f(X_ij) (w_i . c_j + b_i + b_j - log X_ij)^2, averaged; positive (the counts are Poisson, the world's rank
    exceeds the vectors' dimension)."""
    i, j, x = batch
    weight = (x / x_max).clamp(max=1.0).pow(alpha)
    return (weight * (model(i, j) - torch.log(x)).pow(2)).mean()


def glove(batch_size: int = 256, seed: int = 0, vocab: int = 300, dim: int = 10) -> dict[str, Any]:
    """GloVe vectors on the nonzero co-occurrences of a 300-word vocabulary (rank-16 world); held out: the same
    pairs' counts in a second corpus; Adagrad."""
    train, test = _cooccurrences(vocab, 16, 8181)
    torch.manual_seed(seed)
    return {"model": GloVe(vocab, dim), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches(test, 4096),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": glove_loss, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# 2. neural additive model (Adam, eps 1e-3)

NAM_FEATURES = 8


def _tabular(n: int, gen: torch.Generator, noise: float = 0.3) -> tuple[torch.Tensor, torch.Tensor]:
    """8 independent features uniform in [-1, 1]; the target is a sum of shape functions (a sine, a
    steep sigmoid step, a parabola, a kink, a bump, two lines, a ramp) plus a small interaction no additive model can carry, plus
    noise sd 0.3."""
    x = 2 * torch.rand(n, NAM_FEATURES, generator=gen) - 1
    shapes = (torch.sin(3 * x[:, 0]), 0.75 * (1 + torch.tanh(8 * (x[:, 1] - 0.2))), 2 * x[:, 2] ** 2, (x[:, 3] - 0.3).clamp(min=0) * 3,
              torch.exp(-8 * x[:, 4] ** 2) * 1.5, 0.8 * x[:, 5], -0.5 * x[:, 6], torch.tanh(4 * x[:, 7]))
    y = sum(shapes) + 0.4 * x[:, 0] * x[:, 3] + noise * torch.randn(n, generator=gen)
    return x, y


class NAM(nn.Module):
    """One ReLU MLP (1-32-32-1) per feature, computed for all features at once by batched matmuls; their outputs
    summed with a bias. The first layer's kinks start spread over the inputs' range."""

    def __init__(self, features: int = NAM_FEATURES, hidden: int = 32) -> None:
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(features, 1, hidden))
        self.b1 = nn.Parameter(-self.w1.detach() * (2 * torch.rand(features, 1, hidden) - 1))  # kinks spread over [-1, 1]
        self.w2 = nn.Parameter(torch.randn(features, hidden, hidden) / hidden**0.5)
        self.b2 = nn.Parameter(torch.zeros(features, 1, hidden))
        self.w3 = nn.Parameter(torch.randn(features, hidden, 1) / hidden)
        self.bias = nn.Parameter(torch.zeros(()))

    def contributions(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.relu(x.T[:, :, None] @ self.w1 + self.b1)  # (features, n, hidden)
        h = torch.relu(h @ self.w2 + self.b2)
        return (h @ self.w3).squeeze(-1).T  # (n, features)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.contributions(x).sum(1) + self.bias


def nam_loss(model: nn.Module, batch: Any, penalty: float = 1e-3) -> torch.Tensor:
    """MSE plus the NAM output penalty (mean squared feature contribution x 1e-3); positive (noise sd 0.3)."""
    x, y = batch
    f = model.contributions(x)
    return F.mse_loss(f.sum(1) + model.bias, y) + penalty * f.pow(2).mean()


def nam(batch_size: int = 64, seed: int = 0, train_size: int = 16384, hidden: int = 32) -> dict[str, Any]:
    """A neural additive model on a 16384-row table; held out: 4096 other rows; Adam(eps=1e-3)."""
    gen = torch.Generator().manual_seed(8282)
    x, y = _tabular(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": NAM(NAM_FEATURES, hidden), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, eps=1e-3), "adam_eps1e-3"),
            "loss_fn": nam_loss, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 3. LISTA: learned ISTA for sparse coding (plain SGD)

LISTA_M, LISTA_N, LISTA_K = 20, 40, 3


def _dictionary() -> torch.Tensor:
    gen = torch.Generator().manual_seed(8383)
    d = torch.randn(LISTA_M, LISTA_N, generator=gen)
    return d / d.norm(dim=0, keepdim=True)


def _sparse_codes(n: int, gen: torch.Generator, noise: float = 0.05) -> tuple[torch.Tensor, torch.Tensor]:
    """Codes with 3 of 40 atoms active (amplitudes +-(0.5-1.5)); measurements x = D z + noise sd 0.05 through a
    fixed 20x40 unit-norm dictionary."""
    support = torch.rand(n, LISTA_N, generator=gen).argsort(1)[:, :LISTA_K]
    amp = (0.5 + torch.rand(n, LISTA_K, generator=gen)) * torch.where(torch.rand(n, LISTA_K, generator=gen) < 0.5, -1.0, 1.0)
    z = torch.zeros(n, LISTA_N).scatter(1, support, amp)
    return z @ _dictionary().T + noise * torch.randn(n, LISTA_M, generator=gen), z


def _shrink(v: torch.Tensor, theta: torch.Tensor) -> torch.Tensor:
    return torch.sign(v) * torch.relu(v.abs() - theta)  # soft thresholding with a learnable threshold


class LISTA(nn.Module):
    """z_0 = soft(W x, theta_0), z_{t+1} = soft(W x + S z_t, theta_{t+1}); W, S and the thresholds are learned,
    initialised at ISTA's values for the dictionary (W = D^T / L, S = I - D^T D / L, theta = 0.1 / L)."""

    def __init__(self, steps: int = 4, lam: float = 0.1) -> None:
        super().__init__()
        d = _dictionary()
        lip = float(torch.linalg.matrix_norm(d, ord=2)) ** 2
        self.W = nn.Parameter(d.T / lip)
        self.S = nn.Parameter(torch.eye(LISTA_N) - d.T @ d / lip)
        self.theta = nn.Parameter(torch.full((steps + 1,), lam / lip))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b = x @ self.W.T
        z = _shrink(b, self.theta[0])
        for t in range(1, len(self.theta)):
            z = _shrink(b + z @ self.S.T, self.theta[t])
        return z


def code_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """Squared error to the true code, summed over the 40 atoms and averaged over examples; positive (noisy,
    underdetermined measurements)."""
    x, z = batch
    return (model(x) - z).pow(2).sum(1).mean()


def lista(batch_size: int = 64, seed: int = 0, steps: int = 4) -> dict[str, Any]:
    """LISTA with 4 unrolled steps on a stream of sparse-coding problems; held out: 4096 others; SGD."""
    torch.manual_seed(seed)
    return {"model": LISTA(steps), "data": Stream(_sparse_codes, batch_size),
            "eval_data": held_out(_sparse_codes, 4096, 1024, 383),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"), "loss_fn": code_mse}


# --------------------------------------------------------------------------------------------------------------
# 4. MLP-Mixer on image patches (AdamW, amsgrad, weight decay 0.05)

MIX_SIZE, MIX_PATCH, MIX_CLASSES = 16, 4, 6


def _stripe_images(n: int, gen: torch.Generator, flip: float = 0.05) -> tuple[torch.Tensor, torch.Tensor]:
    """16x16 images: faint stripes at one of 3 orientations (random phase and period 3-5 px) and a bright blob in
    the left or right half, on noise sd 0.5; the class is (orientation, blob side): 6 classes; 5% of labels
    resampled."""
    r = torch.arange(MIX_SIZE, dtype=torch.float)
    yy, xx = torch.meshgrid(r, r, indexing="ij")
    orient = torch.randint(0, 3, (n,), generator=gen)
    side = torch.randint(0, 2, (n,), generator=gen)
    coord = torch.stack([xx, yy, (xx + yy) / 2 ** 0.5])[orient]  # (n, 16, 16)
    period = 3 + 2 * torch.rand(n, 1, 1, generator=gen)
    phase = 2 * math.pi * torch.rand(n, 1, 1, generator=gen)
    stripes = 0.5 * torch.sin(2 * math.pi * coord / period + phase)
    cx = 2 + 4 * torch.rand(n, 1, 1, generator=gen) + 8 * side[:, None, None]
    cy = 2 + 12 * torch.rand(n, 1, 1, generator=gen)
    blob = torch.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / 4)
    img = stripes + blob + 0.5 * torch.randn(n, MIX_SIZE, MIX_SIZE, generator=gen)
    y = 2 * orient + side
    return img[:, None], torch.where(torch.rand(n, generator=gen) < flip, torch.randint(0, MIX_CLASSES, (n,), generator=gen), y)


class MixerBlock(nn.Module):
    def __init__(self, tokens: int, dim: int) -> None:
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.token_mlp = nn.Sequential(nn.Linear(tokens, 2 * tokens), nn.GELU(), nn.Linear(2 * tokens, tokens))
        self.channel_mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.token_mlp(self.norm1(x).transpose(1, 2)).transpose(1, 2)
        return x + self.channel_mlp(self.norm2(x))


class Mixer(nn.Module):
    def __init__(self, dim: int = 32, depth: int = 2) -> None:
        super().__init__()
        tokens = (MIX_SIZE // MIX_PATCH) ** 2
        self.stem = nn.Conv2d(1, dim, MIX_PATCH, stride=MIX_PATCH)  # the per-patch linear embedding
        self.blocks = nn.Sequential(*[MixerBlock(tokens, dim) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, MIX_CLASSES)
        nn.init.zeros_(self.head.weight)  # the reference implementation's zero head

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        x = self.stem(img).flatten(2).transpose(1, 2)  # (b, 16 tokens, dim)
        return self.head(self.norm(self.blocks(x)).mean(1))


def image_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    img, y = batch
    return F.cross_entropy(model(img), y)


def mixer(batch_size: int = 64, seed: int = 0, train_size: int = 4096, dim: int = 24) -> dict[str, Any]:
    """A 2-block MLP-Mixer on a 4096-image pool; held out: 2048 others; AdamW(amsgrad=True, weight decay 0.05)."""
    gen = torch.Generator().manual_seed(8484)
    img, y = _stripe_images(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": Mixer(dim), "data": loader(img[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((img[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.05, amsgrad=True),
                                "adamw_amsgrad_wd0.05"),
            "loss_fn": image_ce, "train_pool": (img[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 5. Gumbel-softmax categorical autoencoder (RMSprop)

GS_VARS, GS_CATS, GS_DIM = 3, 4, 24


def _gs_templates() -> torch.Tensor:
    gen = torch.Generator().manual_seed(8585)
    return torch.randn(GS_VARS, GS_CATS, GS_DIM, generator=gen) * 1.5


def _binary_data(n: int, gen: torch.Generator) -> tuple[torch.Tensor]:
    """24-d binary vectors: three hidden 4-way categories each add a template to the logits of independent
    Bernoulli pixels (so even the true latents leave entropy: the loss cannot reach 0)."""
    c = torch.randint(0, GS_CATS, (n, GS_VARS), generator=gen)
    logits = _gs_templates()[torch.arange(GS_VARS), c].sum(1)
    return (torch.bernoulli(torch.sigmoid(logits), generator=gen),)


class GumbelAE(nn.Module):
    """An MLP encoder to 3 x 4 logits, relaxed one-hot samples by Gumbel-softmax (tau 0.7) in training, the softmax
    of the logits in eval mode, an MLP decoder to Bernoulli logits."""

    def __init__(self, width: int = 64, tau: float = 0.7) -> None:
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(GS_DIM, width), nn.ReLU(), nn.Linear(width, GS_VARS * GS_CATS))
        self.dec = nn.Sequential(nn.Linear(GS_VARS * GS_CATS, width), nn.ReLU(), nn.Linear(width, GS_DIM))
        self.tau = tau

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logits = self.enc(x).view(len(x), GS_VARS, GS_CATS)
        z = F.gumbel_softmax(logits, tau=self.tau) if self.training else torch.softmax(logits / self.tau, -1)
        return self.dec(z.flatten(1)), logits


def gumbel_elbo(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative ELBO per example: Bernoulli reconstruction (summed over pixels) + KL(q || uniform) of the three
    categoricals; both terms positive."""
    (x,) = batch
    recon, logits = model(x)
    q = torch.softmax(logits, -1)
    kl = (q * (torch.log_softmax(logits, -1) + math.log(GS_CATS))).sum((1, 2))
    return F.binary_cross_entropy_with_logits(recon, x, reduction="none").sum(1).mean() + kl.mean()


def gumbel_ae(batch_size: int = 64, seed: int = 0, width: int = 64) -> dict[str, Any]:
    """A Gumbel-softmax categorical autoencoder on a stream of binary vectors; held out: 4096 others; RMSprop."""
    torch.manual_seed(seed)
    return {"model": GumbelAE(width), "data": Stream(_binary_data, batch_size),
            "eval_data": held_out(_binary_data, 4096, 1024, 585),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"), "loss_fn": gumbel_elbo}


# --------------------------------------------------------------------------------------------------------------
# 6. mixup training of a small classifier (NAdam, decoupled weight decay)

MIXUP_DIM, MIXUP_CLASSES = 16, 6


def _teacher_points(n: int, gen: torch.Generator, flip: float = 0.03) -> tuple[torch.Tensor, torch.Tensor]:
    """16-d Gaussian inputs labelled by a random two-layer tanh teacher (6 classes, its argmax); 3% of labels
    resampled."""
    world = torch.Generator().manual_seed(8686)
    a = torch.randn(MIXUP_DIM, 32, generator=world) / MIXUP_DIM**0.5
    b = torch.randn(32, MIXUP_CLASSES, generator=world)
    x = torch.randn(n, MIXUP_DIM, generator=gen)
    y = (torch.tanh(2.5 * x @ a) @ b).argmax(1)
    return x, torch.where(torch.rand(n, generator=gen) < flip, torch.randint(0, MIXUP_CLASSES, (n,), generator=gen), y)


def mixup_ce(model: nn.Module, batch: Any, alpha: float = 0.4) -> torch.Tensor:
    """Training: mixup (Zhang et al.): inputs mixed with a shuffled copy of the batch by lam ~ Beta(0.4, 0.4), the
    cross-entropy mixed by the same lam. Eval mode: the plain cross-entropy. Positive (resampled labels)."""
    x, y = batch
    if not model.training:
        return F.cross_entropy(model(x), y)
    lam = float(torch.distributions.Beta(alpha, alpha).sample())
    perm = torch.randperm(len(x))
    logits = model(lam * x + (1 - lam) * x[perm])
    return lam * F.cross_entropy(logits, y) + (1 - lam) * F.cross_entropy(logits, y[perm])


def mixup(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 128) -> dict[str, Any]:
    """A 16-128-128-6 ReLU MLP trained with mixup on a 4096-example pool; held out: 4096 others (plain
    cross-entropy); NAdam(decoupled weight decay 0.01)."""
    gen = torch.Generator().manual_seed(8687)
    x, y = _teacher_points(train_size + 4096, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(MIXUP_DIM, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, MIXUP_CLASSES))
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr, weight_decay=0.01, decoupled_weight_decay=True),
                                "nadamw_wd0.01"),
            "loss_fn": mixup_ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 7. RBF network with learned centres and widths (Adadelta)


def _surface(n: int, gen: torch.Generator, noise: float = 0.2) -> tuple[torch.Tensor, torch.Tensor]:
    """Points in [-1, 1]^3; the target is a sum of five Gaussian bumps of mixed signs and widths (0.2-0.5) plus a
    gentle slope, observed with noise sd 0.1."""
    world = torch.Generator().manual_seed(8787)
    centres = 2 * torch.rand(5, 3, generator=world) - 1
    widths = 0.2 + 0.3 * torch.rand(5, generator=world)
    heights = torch.tensor([2.0, -1.5, 1.8, -1.2, 1.4])
    x = 2 * torch.rand(n, 3, generator=gen) - 1
    bumps = torch.exp(-torch.cdist(x, centres).pow(2) / (2 * widths**2)) @ heights
    return x, bumps + 0.3 * x[:, 0] + noise * torch.randn(n, generator=gen)


class RBFNet(nn.Module):
    def __init__(self, centres: torch.Tensor) -> None:
        super().__init__()
        self.centres = nn.Parameter(centres.clone())
        self.log_width = nn.Parameter(torch.full((len(centres),), math.log(0.4)))
        self.out = nn.Linear(len(centres), 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        phi = torch.exp(-torch.cdist(x, self.centres).pow(2) / (2 * torch.exp(2 * self.log_width)))
        return self.out(phi).squeeze(1)


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.mse_loss(model(x), y)


def rbf(batch_size: int = 32, seed: int = 0, train_size: int = 2048, units: int = 32) -> dict[str, Any]:
    """An RBF network (32 units, centres at random training points) on a 2048-point pool; held out: 4096 others;
    Adadelta."""
    gen = torch.Generator().manual_seed(8788)
    x, y = _surface(train_size + 4096, gen)
    torch.manual_seed(seed)
    centres = x[:train_size][torch.randperm(train_size)[:units]]
    return {"model": RBFNet(centres), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adadelta(params, lr=lr), "adadelta"), "loss_fn": mse,
            "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 8. modern Hopfield retrieval (ASGD)

HOP_STORED, HOP_DIM, HOP_LABELS = 24, 24, 8


def _recall(n: int, gen: torch.Generator, flip: float = 0.2) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """24 stored +-1 patterns of dimension 24, each with a label (1 of 8); the query is one of them with 20% of its
    signs flipped; the target is that pattern's label (a heavily corrupted query can be closer to another)."""
    stored = torch.where(torch.rand(n, HOP_STORED, HOP_DIM, generator=gen) < 0.5, -1.0, 1.0)
    labels = torch.randint(0, HOP_LABELS, (n, HOP_STORED), generator=gen)
    which = torch.randint(0, HOP_STORED, (n,), generator=gen)
    query = stored[torch.arange(n), which] * torch.where(torch.rand(n, HOP_DIM, generator=gen) < flip, -1.0, 1.0)
    return stored, labels, query, labels[torch.arange(n), which]


class HopfieldRetrieval(nn.Module):
    """A Hopfield layer: the query state xi and the stored patterns Y are projected, xi_new = softmax(beta Q K^T) V
    with a learned inverse temperature beta (one update step); V carries each pattern's label embedding; a linear
    readout to the 8 labels."""

    def __init__(self, dim: int = 32) -> None:
        super().__init__()
        self.q, self.k = nn.Linear(HOP_DIM, dim), nn.Linear(HOP_DIM, dim)
        self.label = nn.Embedding(HOP_LABELS, dim)
        self.v = nn.Linear(HOP_DIM + dim, dim)
        self.log_beta = nn.Parameter(torch.tensor(math.log(1 / dim**0.5)))
        self.out = nn.Linear(dim, HOP_LABELS)

    def forward(self, stored: torch.Tensor, labels: torch.Tensor, query: torch.Tensor) -> torch.Tensor:
        scores = torch.exp(self.log_beta) * (self.k(stored) @ self.q(query)[:, :, None]).squeeze(-1)
        values = self.v(torch.cat([stored, self.label(labels)], -1))
        return self.out((torch.softmax(scores, 1)[:, :, None] * values).sum(1))


def recall_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    stored, labels, query, y = batch
    return F.cross_entropy(model(stored, labels, query), y)


def hopfield(batch_size: int = 64, seed: int = 0, dim: int = 32) -> dict[str, Any]:
    """A Hopfield retrieval layer on a stream of (stored patterns, corrupted query); held out: 4096 others;
    ASGD."""
    torch.manual_seed(seed)
    return {"model": HopfieldRetrieval(dim), "data": Stream(_recall, batch_size),
            "eval_data": held_out(_recall, 4096, 1024, 888),
            "optimizer": _named(lambda params, lr: torch.optim.ASGD(params, lr=lr), "asgd"),
            "loss_fn": recall_ce}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("glove_adagrad", glove, 300, "glove", "adagrad", "finite", 256, seconds=0.39, start_lr=0.2),
    W("nam_adam_eps", nam, 300, "neural_additive_model", "adam_eps1e-3", "finite", 256, seconds=0.52, start_lr=0.016),
    W("lista_sgd", lista, 400, "lista_unrolled", "sgd", "stream", 64, seconds=0.31, start_lr=0.1),
    W("mixer_amsgradw", mixer, 300, "mlp_mixer", "adamw_amsgrad_wd0.05", "finite", 64, seconds=1.32, start_lr=0.032),
    W("gumbel_ae_rmsprop", gumbel_ae, 400, "gumbel_softmax_ae", "rmsprop", "stream", 64, seconds=0.32, start_lr=0.008),
    W("mixup_nadamw", mixup, 300, "mixup_classifier", "nadamw_wd0.01", "finite", 64, seconds=0.34, start_lr=0.008),
    W("rbf_adadelta", rbf, 400, "rbf_network", "adadelta", "finite", 64, seconds=0.27, start_lr=16.0),
    W("hopfield_asgd", hopfield, 300, "modern_hopfield", "asgd", "stream", 64, seconds=0.53, start_lr=0.8),
)
LONG = (
    W("rbf_adadelta@long", rbf, 3000, "rbf_network", "adadelta", "finite", 16, dict(units=24), seconds=1.34,
      start_lr=4.0, grid_fractions=(0.0, 0.05), long_of="rbf_adadelta"),
    W("lista_sgd@long", lista, 3000, "lista_unrolled", "sgd", "stream", 16, dict(steps=3), seconds=1.84,
      start_lr=0.1, grid_fractions=(0.0, 0.05), long_of="lista_sgd"),
)

REGISTRY = Registry(EXAM, LONG, "exam8_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighth exam's workloads")
