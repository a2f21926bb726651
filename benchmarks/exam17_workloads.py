"""The seventeenth exam: six more workload families that neither the suite nor the first sixteen exams have.

Same rules as exams 1-16 (``exam_workloads.py`` ... ``exam16_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam16_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 16's own
(evidential deep learning, contractive autoencoder, Pi-model, VICReg, equation learner, 2PL item-response model).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- circular regression with a von Mises likelihood (as for wind directions or head poses): an MLP giving a mean
  direction (a normalised 2-d vector) and a log concentration, the von Mises negative log-likelihood of noisy
  angles; NAdam
- deep Tobit regression (censored regression, Tobin 1958, with a net for the latent mean and log sd): the Tobit
  likelihood of a response left-censored at 0 (a probit mass for censored rows, a Gaussian density otherwise); Adamax
- multiresolution hash encoding (Instant-NGP, Mueller et al. 2022): learned feature grids at several resolutions
  (spatially hashed where a level has more vertices than the table), bilinear interpolation and a tiny ReLU MLP,
  fitting a noisy 2-d image from coordinates by MSE; Adam with betas (0.9, 0.99) and eps 1e-15 (the paper's)
- generative moment matching network (GMMN, Li, Swersky & Zemel 2015): an MLP generator from Gaussian noise to
  2-d points, trained by the (biased, V-statistic) squared MMD with a sum of Gaussian kernels against data batches
  from two noisy moons; RMSprop (torch defaults)
- infomax ICA (Bell & Sejnowski 1995; a long plan only): an unmixing matrix trained by maximum likelihood under a
  logistic source prior, -log|det W| - sum log p(W x), on linear mixtures of Laplace sources; plain SGD
- Gaussian mixture model fitted by minibatch gradient descent on its negative log-likelihood (a long plan only):
  mixing logits, means and log standard deviations of a 6-component diagonal mixture, on points of 6 anisotropic
  clusters; Adagrad

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the ICA and the Gaussian mixture
(no short plan), and tiny versions of the GMMN and the hash encoding.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and the GMMN's
generator noise in training). The entrypoint is
``benchmarks/exam17_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam17/README.md).

    python benchmarks/exam17_workloads.py          # the table
    python benchmarks/exam17_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 17"


# --------------------------------------------------------------------------------------------------------------
# 1. circular (von Mises) regression (NAdam)

VM_FEATURES = 5


def _angles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rows of 5 Gaussian features and an angle (like a wind direction or a head pose): theta = atan2 of a smooth
    2-d function of the features, plus von-Mises-like noise (a Gaussian of sd 0.15 + 0.35 sigmoid(x5) radians,
    wrapped)."""
    x = torch.randn(n, VM_FEATURES, generator=gen)
    c = torch.sin(x[:, 0]) + 0.5 * x[:, 1] * x[:, 2] + 0.3
    s = torch.cos(x[:, 1]) * x[:, 3] - 0.5 * x[:, 0]
    sd = 0.15 + 0.35 * torch.sigmoid(x[:, 4])
    theta = torch.atan2(s, c) + sd * torch.randn(n, generator=gen)
    return x, torch.remainder(theta + math.pi, 2 * math.pi).sub(math.pi).unsqueeze(1)


def von_mises_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The von Mises negative log-likelihood, the net giving a direction (a 2-d vector, normalised) and a log
    concentration: -kappa cos(theta - mu) + log(2 pi I0(kappa)) (I0 through the scaled i0e). Positive here (the
    angles' noise keeps the density below about 1.4)."""
    x, theta = batch
    out = model(x)
    direction = F.normalize(out[:, :2], dim=1)
    kappa = out[:, 2].exp()
    cos_diff = direction[:, 0] * torch.cos(theta[:, 0]) + direction[:, 1] * torch.sin(theta[:, 0])
    log_i0 = torch.log(torch.special.i0e(kappa)) + kappa
    return (-kappa * cos_diff + math.log(2 * math.pi) + log_i0).mean()


def von_mises(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """A 5-64-64-3 ReLU MLP (direction, log concentration) on 4096 rows with angular targets; held out: 2048
    others; NAdam."""
    gen = torch.Generator().manual_seed(17102)
    x, theta = _angles(train_size + 2048, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(VM_FEATURES, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, 3))
    return {"model": model, "data": loader(x[:train_size], theta[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], theta[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": von_mises_nll, "train_pool": (x[:train_size], theta[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. deep Tobit (censored) regression (Adamax)

TB_FEATURES = 6


def _censored_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rows of 6 Gaussian features; a latent y* = 2 sin(x1) + x2 x3 + 0.5 x4^2 - 1 + 1.5 tanh(x5 - x6) plus noise sd
    0.5, observed as y = max(y*, 0) (left-censored at 0, like hours worked or spending)."""
    x = torch.randn(n, TB_FEATURES, generator=gen)
    latent = (2 * torch.sin(x[:, 0]) + x[:, 1] * x[:, 2] + 0.5 * x[:, 3] ** 2 - 1
              + 1.5 * torch.tanh(x[:, 4] - x[:, 5]) + 0.5 * torch.randn(n, generator=gen))
    return x, latent.clamp(min=0).unsqueeze(1)


def tobit_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The Tobit negative log-likelihood per row, the net giving the latent mean and log sd: -log Phi(-mu / sd) for a
    censored row (y = 0), the Gaussian NLL log sd + (y - mu)^2 / (2 sd^2) + log sqrt(2 pi) otherwise. Positive here
    (the noise sd 0.5 keeps the Gaussian part above about 0.6 and the censored part is -log of a probability)."""
    x, y = batch
    mu, log_sd = model(x).unbind(1)
    y = y.squeeze(1)
    sd = log_sd.exp()
    censored = y <= 0
    gauss = log_sd + 0.5 * ((y - mu) / sd) ** 2 + 0.5 * math.log(2 * math.pi)
    cens = -torch.special.log_ndtr(-mu / sd)
    return torch.where(censored, cens, gauss).mean()


def tobit(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """A 6-64-64-2 tanh MLP (latent mean, log sd) on 4096 left-censored rows; held out: 2048 others; Adamax."""
    gen = torch.Generator().manual_seed(17202)
    x, y = _censored_rows(train_size + 2048, gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(TB_FEATURES, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                          nn.Linear(hidden, 2))
    return {"model": model, "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": tobit_nll, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 3. multiresolution hash encoding (Adam, betas (0.9, 0.99), eps 1e-15)

HG_PRIMES = (1, 2654435761)


def _image_points(n: int, gen: torch.Generator, noise: float = 0.05) -> tuple[torch.Tensor, torch.Tensor]:
    """Coordinates uniform in [0, 1]^2 and a 'photo' there: two plane waves, a soft disc, a hard-edged square and a
    fine checker patch, measured with noise sd 0.05."""
    p = torch.rand(n, 2, generator=gen)
    u, v = p[:, 0], p[:, 1]
    img = 0.4 * torch.sin(7 * u + 3 * v) + 0.3 * torch.cos(11 * v - 5 * u * v)
    img = img + 0.8 * torch.sigmoid(-((u - 0.3) ** 2 + (v - 0.65) ** 2 - 0.03) * 200)
    img = img - 0.6 * ((u > 0.55) & (u < 0.85) & (v > 0.15) & (v < 0.45)).float()
    img = img + 0.3 * (((u * 24).floor() + (v * 24).floor()) % 2 * ((u < 0.4) & (v < 0.35)).float())
    return p, (img + noise * torch.randn(n, generator=gen)).unsqueeze(1)


class HashGrid(nn.Module):
    """Instant-NGP's encoding in 2-d: levels at resolutions growing geometrically from ``base`` to ``finest``, each a
    table of ``table`` learned ``features``-vectors (init U(-1e-4, 1e-4)) indexed directly where the level's
    vertices fit, else by the spatial hash (x * 1 XOR y * 2654435761) mod table; bilinear interpolation of the 4
    corners; the levels' features concatenated into a tiny ReLU MLP."""

    def __init__(self, levels: int = 4, base: int = 8, finest: int = 64, table: int = 1024, features: int = 2,
                 hidden: int = 32) -> None:
        super().__init__()
        growth = (finest / base) ** (1 / max(levels - 1, 1))
        self.res = [int(base * growth**i) for i in range(levels)]
        self.table = table
        self.grids = nn.ParameterList(
            nn.Parameter(torch.empty(min(table, (r + 1) ** 2), features).uniform_(-1e-4, 1e-4)) for r in self.res)
        self.mlp = nn.Sequential(nn.Linear(levels * features, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        self.register_buffer("offsets", torch.tensor([[0, 0], [1, 0], [0, 1], [1, 1]]))

    def forward(self, p: torch.Tensor) -> torch.Tensor:
        feats = []
        for r, grid in zip(self.res, self.grids):
            s = p * r
            i0 = s.floor().clamp(max=r - 1)
            f = s - i0
            fx, fy = f[:, :1], f[:, 1:]
            corners = i0.long().unsqueeze(1) + self.offsets  # B, 4 (corners), 2
            if (r + 1) ** 2 <= self.table:
                idx = corners[..., 0] + (r + 1) * corners[..., 1]
            else:
                idx = (corners[..., 0] * HG_PRIMES[0] ^ corners[..., 1] * HG_PRIMES[1]) % self.table
            w = torch.cat([(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy], 1)  # B, 4
            feats.append((grid[idx] * w.unsqueeze(-1)).sum(1))
        return self.mlp(torch.cat(feats, 1))


def mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE against targets measured with noise; positive."""
    x, y = batch
    return F.mse_loss(model(x), y)


def hashgrid(batch_size: int = 256, seed: int = 0, train_size: int = 8192, levels: int = 4, finest: int = 64,
             table: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """A hash-encoded neural field (4 levels, 8 to 64, tables of 1024 x 2, MLP 8-32-1) on 8192 noisy pixels sampled
    at random coordinates; held out: 4096 others; Adam betas (0.9, 0.99), eps 1e-15."""
    gen = torch.Generator().manual_seed(17302)
    p, y = _image_points(train_size + 4096, gen)
    torch.manual_seed(seed)
    model = HashGrid(levels=levels, finest=finest, table=table, hidden=hidden)
    return {"model": model, "data": loader(p[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((p[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.9, 0.99), eps=1e-15),
                                "adam_b0.99_eps1e-15"),
            "loss_fn": mse, "train_pool": (p[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 4. generative moment matching network (RMSprop)

GM_NOISE = 4
GM_BANDWIDTHS = (0.05, 0.2, 0.8)


def _moons(n: int, gen: torch.Generator) -> torch.Tensor:
    """Two interleaved half circles (radius 1) with Gaussian noise sd 0.08, centred."""
    t = math.pi * torch.rand(n, generator=gen)
    upper = torch.rand(n, generator=gen) < 0.5
    x = torch.where(upper, torch.cos(t), 1 - torch.cos(t))
    y = torch.where(upper, torch.sin(t), 0.5 - torch.sin(t))
    pts = torch.stack([x - 0.5, y - 0.25], 1)
    return pts + 0.08 * torch.randn(n, 2, generator=gen)


def mmd2(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The biased (V-statistic) squared MMD with a sum of Gaussian kernels exp(-d^2 / (2 s^2)): ||mean phi(a) -
    mean phi(b)||^2 in the kernel's feature space, positive for two different finite samples."""
    z = torch.cat([a, b])
    sq = (z * z).sum(1)
    d2 = (sq.unsqueeze(1) + sq.unsqueeze(0) - 2 * z @ z.T).clamp(min=0)
    k = sum(torch.exp(-d2 / (2 * s * s)) for s in GM_BANDWIDTHS)
    n = len(a)
    return k[:n, :n].mean() + k[n:, n:].mean() - 2 * k[:n, n:].mean()


def gmmn_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Training batches are data only (the generator's noise drawn from the torch RNG, as many as the data);
    held-out batches carry fixed noise with their data."""
    if len(batch) == 1:
        (x,) = batch
        z = torch.randn(len(x), GM_NOISE)
    else:
        z, x = batch
    return mmd2(model(z), x)


def gmmn(batch_size: int = 128, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """A GMMN generator 4-64-64-2 (ReLU) on 4096 points of two noisy moons; held out: MMD^2 of 2 x 1024 generated
    points (fixed noise) against 2 x 1024 other data points; RMSprop."""
    gen = torch.Generator().manual_seed(17402)
    x = _moons(train_size + 2048, gen)
    z = torch.randn(2048, GM_NOISE, generator=gen)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(GM_NOISE, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, 2))
    return {"model": model, "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((z, x[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": gmmn_loss, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 5. infomax ICA (plain SGD; a long plan only)

IC_DIM = 6


def _mixtures(n: int, gen: torch.Generator) -> torch.Tensor:
    """x = A s: 6 independent unit-variance Laplace sources mixed by a fixed ill-conditioned matrix U diag(0.5 ... 16, log-spaced) V^T (random orthogonal U, V)."""
    tg = torch.Generator().manual_seed(17501)
    u, _ = torch.linalg.qr(torch.randn(IC_DIM, IC_DIM, generator=tg))
    v, _ = torch.linalg.qr(torch.randn(IC_DIM, IC_DIM, generator=tg))
    a = u @ torch.diag(torch.logspace(math.log10(0.5), math.log10(16), IC_DIM)) @ v.T
    u = torch.rand(n, IC_DIM, generator=gen) - 0.5
    s = -torch.sign(u) * torch.log1p(-2 * u.abs()) / math.sqrt(2)
    return s @ a.T


class Unmixing(nn.Module):
    """The unmixing matrix W (nn.Linear's default init, no bias): sources s = W x."""

    def __init__(self) -> None:
        super().__init__()
        self.w = nn.Linear(IC_DIM, IC_DIM, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w(x)


def infomax_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative log-likelihood per sample under a logistic source prior: -log|det W| + sum_i (s_i + 2
    softplus(-s_i)) (= -log p(s_i) of the standard logistic). Positive here: the mixtures' differential entropy
    is about 13 nats."""
    (x,) = batch
    s = model(x)
    return -torch.linalg.slogdet(model.w.weight)[1] + (s + 2 * F.softplus(-s)).sum(1).mean()


def ica(batch_size: int = 32, seed: int = 0, train_size: int = 4000) -> dict[str, Any]:
    """Infomax ICA on 4000 6-d mixtures of Laplace sources; held out: 2048 others; plain SGD."""
    gen = torch.Generator().manual_seed(17502)
    x = _mixtures(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": Unmixing(), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": infomax_nll, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 6. Gaussian mixture model by gradient descent (Adagrad; a long plan only)

GM_K, GM_DIM = 6, 2


def _clusters(n: int, gen: torch.Generator) -> torch.Tensor:
    """Points from 6 fixed anisotropic Gaussian clusters in the plane (centres N(0, 3^2 I), per-axis sds 0.3-1.3,
    unequal weights)."""
    tg = torch.Generator().manual_seed(17601)
    centres = 3.0 * torch.randn(GM_K, GM_DIM, generator=tg)
    sds = 0.3 + torch.rand(GM_K, GM_DIM, generator=tg)
    weights = torch.rand(GM_K, generator=tg) + 0.5
    comp = torch.multinomial(weights / weights.sum(), n, replacement=True, generator=gen)
    return centres[comp] + sds[comp] * torch.randn(n, GM_DIM, generator=gen)


class GMM(nn.Module):
    """A diagonal-covariance Gaussian mixture: mixing logits, means (init N(0, 2^2)) and log standard deviations
    (init 0)."""

    def __init__(self, k: int = GM_K) -> None:
        super().__init__()
        self.logits = nn.Parameter(torch.zeros(k))
        self.means = nn.Parameter(2.0 * torch.randn(k, GM_DIM))
        self.log_sd = nn.Parameter(torch.zeros(k, GM_DIM))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """log p(x) per point."""
        z = (x.unsqueeze(1) - self.means) * torch.exp(-self.log_sd)  # B, K, D
        comp = -0.5 * (z * z).sum(-1) - self.log_sd.sum(-1) - 0.5 * GM_DIM * math.log(2 * math.pi)
        return torch.logsumexp(comp + self.logits.log_softmax(0), 1)


def gmm_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative log-likelihood per point; positive here (the data's differential entropy is about 3.7 nats)."""
    (x,) = batch
    return -model(x).mean()


def gmm(batch_size: int = 32, seed: int = 0, train_size: int = 4000) -> dict[str, Any]:
    """A 6-component diagonal GMM on 4000 points of 6 clusters; held out: 2048 others; Adagrad."""
    gen = torch.Generator().manual_seed(17602)
    x = _clusters(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": GMM(), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": gmm_nll, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("von_mises_nadam", von_mises, 300, "circular_von_mises_regression", "nadam", "finite", 32, seconds=0.5,
      start_lr=0.016),
    W("tobit_adamax", tobit, 300, "censored_tobit_regression", "adamax", "finite", 32, seconds=0.4, start_lr=0.064),
    W("hashgrid_adam", hashgrid, 300, "hash_grid_encoding", "adam_b0.99_eps1e-15", "finite", 128, seconds=0.8,
      start_lr=0.032),
    W("gmmn_rmsprop", gmmn, 300, "generative_moment_matching", "rmsprop", "finite", 64, seconds=0.6,
      start_lr=0.016),
)
LONG = (
    W("ica_sgd@long", ica, 3000, "infomax_ica", "sgd", "finite", 32, seconds=1.7, start_lr=0.016,
      grid_fractions=(0.0, 0.05)),
    W("gmm_adagrad@long", gmm, 3000, "gaussian_mixture_model", "adagrad", "finite", 32, seconds=2.0, start_lr=0.4,
      grid_fractions=(0.0, 0.05)),
    W("gmmn_rmsprop@long", gmmn, 3000, "generative_moment_matching", "rmsprop", "finite", 32, dict(hidden=16),
      seconds=3.8, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="gmmn_rmsprop"),
    W("hashgrid_adam@long", hashgrid, 3000, "hash_grid_encoding", "adam_b0.99_eps1e-15", "finite", 32,
      dict(levels=2, finest=32, hidden=16), seconds=3.8, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="hashgrid_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam17_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventeenth exam's workloads")
