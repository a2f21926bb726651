"""The fourteenth exam: six more workload families that neither the suite nor the first thirteen exams have.

Same rules as exams 1-13 (``exam_workloads.py`` ... ``exam13_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, or a stream where the field draws fresh samples).
The families already taken are listed in ``exam13_workloads.py``'s docstring (which chains to the earlier exams'
and the suite's), plus exam 13's own (variational information bottleneck, gated convolutional LM,
self-normalising network, I-AutoRec, centre-loss classifier, Wide & Deep) and its dropped MobileNet-style CNN.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- PointNet (Qi et al. 2017): a shared per-point MLP with batch norm, max pooling over the points, an MLP head with
  dropout, classifying synthetic point clouds of five randomly stretched and rotated surfaces (sphere, cube,
  cylinder, cone, torus) with 10% flipped labels; SGD with momentum 0.9 and weight decay 1e-4 (the DGCNN
  repository's script, which trains PointNet too)
- ComplEx with the N3 regulariser (Trouillon et al. 2016, Lacroix et al. 2018): knowledge-graph completion by
  complex embeddings, the full softmax cross-entropy over every tail entity (1-N scoring) plus the weighted N3
  norm of the batch's embeddings, on triples drawn from a stochastic teacher graph; Adagrad (Lacroix et al.'s)
- deep ensemble (Lakshminarayanan et al. 2017): five independently initialised MLPs, each predicting a mean and a
  softplus variance, trained on the average of their Gaussian negative log-likelihoods (no adversarial training),
  on a heteroscedastic tabular regression; Adam (the paper's)
- deep hedging (Buehler et al. 2019): an MLP policy maps (time to maturity, log-moneyness) to the position in the
  underlying at each of 8 rebalancing dates, plus a learned price; the mean squared terminal hedging error of a
  short at-the-money call on simulated geometric Brownian motion paths; Adam (the paper's)
- Behler-Parrinello neural network potential (2007): the same atomic MLP on every atom's radial symmetry functions,
  summed to the energy of synthetic five-atom clusters (Morse pairs plus a three-body angle term, noisy reference
  energies), MSE; AdamW with weight decay on the weight matrices only (as TorchANI's training example splits them)
- Dragonnet (Shi et al. 2019): a shared ELU representation, two outcome heads (control, treated) and a propensity
  head, the factual squared error plus the propensity cross-entropy, on confounded synthetic observational data;
  SGD with Nesterov momentum 0.9 (the paper's main phase)

Long plans (``<name>@long``, total_steps = 3000): tiny versions of two families, grid warmup 0 and 5% only (see
``LONG``): Dragonnet and the deep ensemble. Tried and dropped before the grid (never used): MAML on sinusoids
(Adam; seeds 5-20% apart near its best), a spatial transformer ST-FCN (plain SGD; stuck on a plateau for some
seeds: 52% apart), a convolutional BiDAF reader (Adadelta; 2-4 s a run), and a Behler-Parrinello long plan (seeds
up to 2.2% apart, flat; the deep ensemble's was steadier).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (and the
PointNet's dropout). The entrypoint is ``benchmarks/exam14_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam14/README.md).

    python benchmarks/exam14_workloads.py          # the table
    python benchmarks/exam14_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 14"


def ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy; positive (every label here is flipped at random with some probability)."""
    *x, y = batch
    return F.cross_entropy(model(*x), y)


def _flip(y: torch.Tensor, classes: int, flip: float, gen: torch.Generator) -> torch.Tensor:
    noisy = torch.rand(len(y), generator=gen) < flip
    return torch.where(noisy, torch.randint(0, classes, (len(y),), generator=gen), y)


# --------------------------------------------------------------------------------------------------------------
# 1. PointNet (SGD, momentum 0.9, weight decay 1e-4)

PN_CLASSES = 5


def _point_clouds(n: int, gen: torch.Generator, points: int = 32, flip: float = 0.1) -> tuple[torch.Tensor, ...]:
    """Point clouds of five surfaces (sphere, cube, open cylinder, cone, torus), each stretched by a random scale per
    axis (0.6-1.4), randomly rotated and jittered (sd 0.05); 10% of labels replaced at random. x is (n, points, 3)."""
    y = torch.randint(0, PN_CLASSES, (n,), generator=gen)
    u = torch.rand(n, points, 2, generator=gen)
    theta = 2 * math.pi * u[..., 0]
    h = 2 * u[..., 1] - 1
    sphere = F.normalize(torch.randn(n, points, 3, generator=gen), dim=-1)
    cube = 2 * torch.rand(n, points, 3, generator=gen) - 1
    face = torch.randint(0, 3, (n, points, 1), generator=gen)
    sign = torch.randint(0, 2, (n, points, 1), generator=gen).float() * 2 - 1
    cube = torch.where(F.one_hot(face.squeeze(-1), 3).bool(), sign, cube)
    cylinder = torch.stack([theta.cos(), theta.sin(), h], -1)
    r = (1 - h) / 2
    cone = torch.stack([r * theta.cos(), r * theta.sin(), h], -1)
    phi = 2 * math.pi * torch.rand(n, points, generator=gen)
    ring = 0.7 + 0.3 * phi.cos()
    torus = torch.stack([ring * theta.cos(), ring * theta.sin(), 0.3 * phi.sin()], -1)
    shapes = torch.stack([sphere, cube, cylinder, cone, torus], 1)  # (n, 5, points, 3)
    pts = shapes[torch.arange(n), y]
    pts = pts * (0.6 + 0.8 * torch.rand(n, 1, 3, generator=gen))
    rot, _ = torch.linalg.qr(torch.randn(n, 3, 3, generator=gen))
    pts = pts @ rot + 0.05 * torch.randn(n, points, 3, generator=gen)
    return pts, _flip(y, PN_CLASSES, flip, gen)


class PointNet(nn.Module):
    """Qi et al.'s PointNet without the T-Nets: a shared MLP 3-16-32 applied to every point (linear + batch norm +
    ReLU, the same weights for each point), a max over the points, a 32-16 head with batch norm and dropout 0.3, a
    linear softmax layer."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.fc1, self.bn1 = nn.Linear(3, width), nn.BatchNorm1d(width)
        self.fc2, self.bn2 = nn.Linear(width, 2 * width), nn.BatchNorm1d(2 * width)
        self.head = nn.Sequential(nn.Linear(2 * width, width), nn.BatchNorm1d(width), nn.ReLU(), nn.Dropout(0.3),
                                  nn.Linear(width, PN_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, n, _ = x.shape  # (batch, points, 3)
        h = torch.relu(self.bn1(self.fc1(x.reshape(b * n, 3))))
        h = torch.relu(self.bn2(self.fc2(h)))
        return self.head(h.view(b, n, -1).amax(1))


def pointnet(batch_size: int = 32, seed: int = 0, train_size: int = 3000, points: int = 32,
             width: int = 16) -> dict[str, Any]:
    """A small PointNet (3-16-32 per point, head 16) on 3000 clouds of 32 points; held out: 2048 others; SGD with
    momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(14102)
    x, y = _point_clouds(train_size + 2048, gen, points)
    torch.manual_seed(seed)
    return {"model": PointNet(width), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 2. ComplEx-N3 knowledge-graph completion (Adagrad)


def _kg_triples(n: int, entities: int, relations: int, gen: torch.Generator) -> torch.Tensor:
    """(head, relation, tail) triples: head and relation uniform, the tail drawn from a fixed teacher's softmax over
    every entity (a rank-8 trilinear score with a per-relation diagonal, scale 4, plus an entity popularity), so no
    tail is ever certain (the teacher's conditional entropy is 2.25 nats; uniform is ln 200 = 5.30)."""
    tg = torch.Generator().manual_seed(14201)
    e = torch.randn(entities, 8, generator=tg)
    w = torch.randn(relations, 8, generator=tg)
    pop = 0.8 * torch.randn(entities, generator=tg)
    h = torch.randint(0, entities, (n,), generator=gen)
    r = torch.randint(0, relations, (n,), generator=gen)
    logits = 4.0 * (e[h] * w[r]) @ e.T / 8**0.5 + pop
    t = torch.multinomial(logits.softmax(1), 1, generator=gen).squeeze(1)
    return torch.stack([h, r, t], 1)


class ComplEx(nn.Module):
    """Trouillon et al.'s ComplEx: rank-``rank`` complex embeddings (real and imaginary halves) of entities and
    relations, score(h, r, t) = Re(<e_h, w_r, conj(e_t)>), scored against every tail at once; embeddings
    initialised at scale 1e-3 (Lacroix et al.'s). Keeps the batch's factors for the N3 term."""

    def __init__(self, entities: int, relations: int, rank: int = 32) -> None:
        super().__init__()
        self.rank = rank
        self.ent = nn.Embedding(entities, 2 * rank)
        self.rel = nn.Embedding(relations, 2 * rank)
        with torch.no_grad():
            self.ent.weight.mul_(1e-3)
            self.rel.weight.mul_(1e-3)
        self.factors: tuple[torch.Tensor, ...] = ()

    def forward(self, h: torch.Tensor, r: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        k = self.rank
        eh, wr, et = self.ent(h), self.rel(r), self.ent(t)
        hr, hi, rr, ri = eh[:, :k], eh[:, k:], wr[:, :k], wr[:, k:]
        q = torch.cat([hr * rr - hi * ri, hr * ri + hi * rr], 1)  # e_h * w_r, then Re(<., conj(e_t)>) over all t
        self.factors = tuple(torch.sqrt(a[:, :k] ** 2 + a[:, k:] ** 2) for a in (eh, wr, et))
        return q @ self.ent.weight.T


N3_WEIGHT = 5e-3


def complex_n3_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Lacroix et al.'s objective: the cross-entropy of the true tail among every entity plus N3_WEIGHT times the sum
    of the cubed moduli of the batch's head, relation and tail factors, over the batch. Positive: the N3 term is
    >= 0 and every tail is drawn from a teacher softmax (the cross-entropy is at least its entropy)."""
    (triples,) = batch
    h, r, t = triples.unbind(1)
    scores = model(h, r, t)
    n3 = sum((f**3).sum() for f in model.factors) / len(triples)
    return F.cross_entropy(scores, t) + N3_WEIGHT * n3


def complex_n3(batch_size: int = 32, seed: int = 0, entities: int = 200, relations: int = 8,
               train_size: int = 12000, rank: int = 16) -> dict[str, Any]:
    """ComplEx (rank 16) with N3 (5e-3) on 12000 triples over 200 entities and 8 relations; held out: 4096 other
    triples of the same graph; Adagrad."""
    gen = torch.Generator().manual_seed(14202)
    triples = _kg_triples(train_size + 4096, entities, relations, gen)
    torch.manual_seed(seed)
    return {"model": ComplEx(entities, relations, rank), "data": loader(triples[:train_size], batch_size=batch_size),
            "eval_data": split_batches((triples[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": complex_n3_loss, "train_pool": (triples[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 3. deep ensemble (Adam)

DE_FEATURES = 6


def _hetero_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Gaussian features; y = a fixed random 6-16-1 tanh teacher + noise whose sd is 0.5-1.5, set by a second
    feature-dependent teacher (heteroscedastic)."""
    tg = torch.Generator().manual_seed(14501)
    w1 = torch.randn(DE_FEATURES, 16, generator=tg) / DE_FEATURES**0.5
    w2 = torch.randn(16, generator=tg) * 0.8
    ws = torch.randn(DE_FEATURES, generator=tg) / DE_FEATURES**0.5
    x = torch.randn(n, DE_FEATURES, generator=gen)
    mean = torch.tanh(1.5 * x @ w1) @ w2 + 0.5 * x[:, 0] * x[:, 1]
    sd = 0.5 + torch.sigmoid(2 * x @ ws)
    return x, (mean + sd * torch.randn(n, generator=gen)).unsqueeze(1)


class DeepEnsemble(nn.Module):
    """``members`` independent MLPs (features-hidden-hidden-2, ReLU), held as stacked weights and run with batched
    matmuls; each outputs a mean and a variance softplus(s) + 1e-6."""

    def __init__(self, members: int = 5, hidden: int = 50) -> None:
        super().__init__()
        sizes = (DE_FEATURES, hidden, hidden, 2)
        self.weights = nn.ParameterList()
        self.biases = nn.ParameterList()
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            bound = fan_in**-0.5  # nn.Linear's default init, per member
            self.weights.append(nn.Parameter(torch.empty(members, fan_in, fan_out).uniform_(-bound, bound)))
            self.biases.append(nn.Parameter(torch.empty(members, 1, fan_out).uniform_(-bound, bound)))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = x.unsqueeze(0).expand(len(self.weights[0]), -1, -1)
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            h = torch.baddbmm(b, h, w)
            if i < len(self.weights) - 1:
                h = torch.relu(h)
        return h[..., :1], F.softplus(h[..., 1:]) + 1e-6  # (members, n, 1) each


def ensemble_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The members' Gaussian negative log-likelihoods (with the 0.5 log 2 pi), averaged over members and rows.
    Positive: the noise sd is at least 0.5, so even the true conditional has NLL 0.5 log(2 pi e sd^2) >= 0.73."""
    x, y = batch
    mu, var = model(x)
    return (0.5 * (torch.log(2 * math.pi * var) + (y - mu) ** 2 / var)).mean()


def deep_ensemble(batch_size: int = 32, seed: int = 0, train_size: int = 2000, members: int = 5,
                  hidden: int = 50) -> dict[str, Any]:
    """A deep ensemble of five 6-50-50-2 MLPs on 2000 heteroscedastic rows; held out: 4096 others; Adam."""
    gen = torch.Generator().manual_seed(14502)
    x, y = _hetero_rows(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": DeepEnsemble(members, hidden), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": ensemble_nll, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 4. deep hedging (Adam)

DH_STEPS, DH_SPOT, DH_STRIKE, DH_VOL, DH_MATURITY = 8, 100.0, 100.0, 0.3, 0.25


def _price_paths(n: int, gen: torch.Generator) -> torch.Tensor:
    """Geometric Brownian motion price paths (spot 100, volatility 0.3, zero drift and rate) over a quarter year, at
    the 9 dates of an 8-step rebalancing grid. Shape (n, 9)."""
    dt = DH_MATURITY / DH_STEPS
    z = torch.randn(n, DH_STEPS, generator=gen)
    log_s = torch.cumsum(-0.5 * DH_VOL**2 * dt + DH_VOL * dt**0.5 * z, 1)
    return DH_SPOT * torch.cat([torch.ones(n, 1), log_s.exp()], 1)


class DeepHedger(nn.Module):
    """Buehler et al.'s deep hedging without transaction costs: one MLP (2-hidden-hidden-1, ReLU) maps (time to
    maturity, log-moneyness) at each rebalancing date to the position in the underlying, shared over the dates, and a
    learned initial capital (the price)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.policy = nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                    nn.Linear(hidden, 1))
        self.price = nn.Parameter(torch.zeros(()))

    def forward(self, paths: torch.Tensor) -> torch.Tensor:
        """The terminal profit and loss of selling the call and hedging it: price + sum of position x price change
        - payoff, per path."""
        s = paths[:, :-1]
        tau = (DH_MATURITY * (1 - torch.arange(DH_STEPS) / DH_STEPS)).expand_as(s)
        delta = self.policy(torch.stack([tau / DH_MATURITY, 5 * torch.log(s / DH_STRIKE)], -1)).squeeze(-1)
        gains = (delta * paths.diff(dim=1)).sum(1)
        return self.price + gains - (paths[:, -1] - DH_STRIKE).clamp_min(0)


def hedging_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared terminal hedging error (the quadratic hedging criterion). Positive: with 8 rebalancing dates
    no strategy replicates the call exactly."""
    (paths,) = batch
    return model(paths).pow(2).mean()


def deep_hedging(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """A deep hedger (policy 2-32-32-1) of an at-the-money call on 8192 simulated paths; held out: 4096 others;
    Adam."""
    gen = torch.Generator().manual_seed(14602)
    paths = _price_paths(train_size + 4096, gen)
    torch.manual_seed(seed)
    return {"model": DeepHedger(hidden), "data": loader(paths[:train_size], batch_size=batch_size),
            "eval_data": split_batches((paths[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": hedging_loss, "train_pool": (paths[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 5. Behler-Parrinello neural network potential (AdamW, weight decay on the weights only)

NNP_ATOMS, NNP_CENTRES = 5, 8


def _molecules(n: int, gen: torch.Generator, noise: float = 0.3) -> tuple[torch.Tensor, torch.Tensor]:
    """Clusters of 5 atoms in a 3 x 3 x 3 box, no pair closer than 0.8; the energy is a sum of Morse pair terms
    (depth 1, width 1.5, equilibrium 1.2) plus a three-body bond-angle term and noise sd 0.3 (a noisy reference
    method). Returns each atom's
    radial symmetry functions (8 Gaussians, eta 4, centres 0.6-3.0, cosine cutoff 3.5; shape (n, 5, 8)) and the
    energy."""
    keep: list[torch.Tensor] = []
    while sum(len(k) for k in keep) < n:
        pos = 3 * torch.rand(4 * n, NNP_ATOMS, 3, generator=gen)
        r = torch.cdist(pos, pos) + 10 * torch.eye(NNP_ATOMS)
        keep.append(pos[r.flatten(1).amin(1) > 0.8])
    pos = torch.cat(keep)[:n]
    d = pos.unsqueeze(2) - pos.unsqueeze(1)
    r = d.norm(dim=-1) + 10 * torch.eye(NNP_ATOMS)  # the diagonal lies beyond the cutoff
    morse = (1 - torch.exp(-1.5 * (r - 1.2))) ** 2 - 1
    cut = torch.where(r < 3.5, 0.5 * (torch.cos(math.pi * r / 3.5) + 1), torch.zeros(()))
    pair = 0.5 * (morse * cut).sum((1, 2))
    unit = d / r.unsqueeze(-1)
    cosines = torch.einsum("bijk,bilk->bijl", unit, unit)  # angle j-i-l at atom i
    w = (cut.unsqueeze(3) * cut.unsqueeze(2)) * (1 - torch.eye(NNP_ATOMS))
    three = 0.3 * (w * (cosines + 0.3) ** 2).sum((1, 2, 3)) / 2
    energy = pair + three + noise * torch.randn(n, generator=gen)
    centres = torch.linspace(0.6, 3.0, NNP_CENTRES)
    g = (torch.exp(-4 * (r.unsqueeze(-1) - centres) ** 2) * cut.unsqueeze(-1)).sum(2)
    return g, energy


class AtomicNN(nn.Module):
    """Behler & Parrinello's high-dimensional NN potential for one element: the same 8-hidden-hidden-1 CELU network
    on every atom's symmetry functions, the atomic energies summed."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(NNP_CENTRES, hidden), nn.CELU(0.1), nn.Linear(hidden, hidden),
                                 nn.CELU(0.1), nn.Linear(hidden, 1))

    def forward(self, g: torch.Tensor) -> torch.Tensor:
        return self.net(g).squeeze(-1).sum(1)


def energy_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The squared error of the predicted energy; positive (every energy carries noise sd 0.3, so at least 0.09)."""
    g, e = batch
    return F.mse_loss(model(g), e)


def _adamw_weights_only(params: Any, lr: float) -> torch.optim.Optimizer:
    """AdamW with weight decay 1e-4 on the weight matrices and none on the biases (as TorchANI's training example
    splits them)."""
    params = list(params)
    return torch.optim.AdamW([{"params": [p for p in params if p.dim() > 1], "weight_decay": 1e-4},
                              {"params": [p for p in params if p.dim() <= 1], "weight_decay": 0.0}], lr=lr)


def nn_potential(batch_size: int = 32, seed: int = 0, train_size: int = 3000, hidden: int = 32) -> dict[str, Any]:
    """A Behler-Parrinello potential (atomic net 8-32-32-1) on 3000 five-atom clusters; held out: 2048 others;
    AdamW (weight decay 1e-4 on weights only)."""
    gen = torch.Generator().manual_seed(14702)
    g, e = _molecules(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": AtomicNN(hidden), "data": loader(g[:train_size], e[:train_size], batch_size=batch_size),
            "eval_data": split_batches((g[train_size:], e[train_size:]), 1024),
            "optimizer": _named(_adamw_weights_only, "adamw_wd1e-4_weights"),
            "loss_fn": energy_mse, "train_pool": (g[:train_size], e[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. Dragonnet (SGD, Nesterov momentum 0.9)

DR_FEATURES = 10


def _observational(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Observational data: Gaussian covariates, a treatment drawn from a logistic propensity of them (confounded),
    outcomes mu0(x) + t tau(x) + noise sd 0.5 from fixed random tanh teachers. Returns (x, t, y)."""
    tg = torch.Generator().manual_seed(14801)
    wp = torch.randn(DR_FEATURES, generator=tg) / DR_FEATURES**0.5
    w0 = torch.randn(DR_FEATURES, 16, generator=tg) / DR_FEATURES**0.5
    v0 = torch.randn(16, generator=tg)
    wt = torch.randn(DR_FEATURES, 8, generator=tg) / DR_FEATURES**0.5
    vt = torch.randn(8, generator=tg) * 0.5
    x = torch.randn(n, DR_FEATURES, generator=gen)
    t = (torch.rand(n, generator=gen) < torch.sigmoid(1.5 * x @ wp)).float()
    y = torch.tanh(x @ w0) @ v0 + t * (1 + torch.tanh(x @ wt) @ vt) + 0.5 * torch.randn(n, generator=gen)
    return x, t, y


class Dragonnet(nn.Module):
    """Shi et al.'s Dragonnet: a shared ELU representation (features-hidden-hidden), two outcome heads (hidden-32-1,
    one per treatment arm) and a linear propensity head on the representation."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.rep = nn.Sequential(nn.Linear(DR_FEATURES, hidden), nn.ELU(), nn.Linear(hidden, hidden), nn.ELU())
        self.y0 = nn.Sequential(nn.Linear(hidden, 32), nn.ELU(), nn.Linear(32, 1))
        self.y1 = nn.Sequential(nn.Linear(hidden, 32), nn.ELU(), nn.Linear(32, 1))
        self.propensity = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        z = self.rep(x)
        return self.y0(z).squeeze(1), self.y1(z).squeeze(1), self.propensity(z).squeeze(1)


def dragonnet_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The factual outcome's squared error plus the propensity head's binary cross-entropy (alpha 1, the paper's,
    without targeted regularisation). Positive: outcomes carry noise sd 0.5 and treatment is never certain."""
    x, t, y = batch
    y0, y1, logit = model(x)
    return ((y - torch.where(t > 0, y1, y0)) ** 2).mean() + F.binary_cross_entropy_with_logits(logit, t)


def dragonnet(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """A Dragonnet (representation 10-64-64, heads 64-32-1) on 4096 observational rows; held out: 4096 others; SGD
    with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(14802)
    x, t, y = _observational(train_size + 4096, gen)
    train = (x[:train_size], t[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": Dragonnet(hidden), "data": loader(*train, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": dragonnet_loss, "train_pool": train}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pointnet_sgdm", pointnet, 300, "pointnet", "sgd_momentum0.9_wd1e-4", "finite", 32, seconds=0.55,
      start_lr=0.025),
    W("complex_n3_adagrad", complex_n3, 400, "complex_n3_kg_completion", "adagrad", "finite", 32, seconds=0.72,
      start_lr=0.8),
    W("deep_ensemble_adam", deep_ensemble, 400, "deep_ensemble", "adam", "finite", 32, seconds=0.52, start_lr=0.016),
    W("deep_hedging_adam", deep_hedging, 400, "deep_hedging", "adam", "finite", 64, seconds=0.59, start_lr=0.064),
    W("nn_potential_adamw", nn_potential, 400, "behler_parrinello_potential", "adamw_wd1e-4_weights", "finite", 32,
      seconds=0.53, start_lr=0.016),
    W("dragonnet_nesterov", dragonnet, 400, "dragonnet", "sgd_nesterov0.9", "finite", 64, seconds=0.95, start_lr=0.05),
)
LONG = (
    W("dragonnet_nesterov@long", dragonnet, 3000, "dragonnet", "sgd_nesterov0.9", "finite", 16, dict(hidden=16),
      seconds=4.95, start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="dragonnet_nesterov"),
    W("deep_ensemble_adam@long", deep_ensemble, 3000, "deep_ensemble", "adam", "finite", 16, dict(members=3, hidden=24),
      seconds=3.26, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="deep_ensemble_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam14_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fourteenth exam's workloads")
