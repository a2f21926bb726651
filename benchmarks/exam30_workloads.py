"""The thirtieth exam: six more workload families that neither the suite nor exams 1-28 have.

Same rules as exams 1-28 (``exam_workloads.py`` ... ``exam28_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam26_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 26's, 27's and
28's own and the ones tried, dropped or set aside in exam 23's to 28's READMEs. Exam 29 was built at the same time
from other domains; its module was not read. This exam's families come from neuroscience, education and learning analytics, games and
sports, social and information networks, and information retrieval only.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- path integration by a recurrent network with place-cell targets (Banino et al. 2018's grid-cell network,
  small; neuroscience): an LSTM (32) reads a simulated rat's 2-d velocities over 8 steps, its state started from the
  place-cell code of the start position, and predicts the place-cell distribution (softmax over 64 Gaussian place
  cells of width 0.06) through a linear bottleneck at every step; the cross-entropy less the targets' entropy (the
  KL divergence); RMSprop with momentum 0.9, decay 0.9, eps 1e-10 (DeepMind's grid-cells code: TF's
  ``RMSPropOptimizer``, from memory; its gradient clipping and dropout are left out)
- neural cognitive diagnosis (NeuralCDM, Wang et al. 2020; education and learning analytics): student proficiency,
  exercise difficulty and discrimination per knowledge concept, masked by the exercise's Q-matrix row, through a
  monotone (non-negative-weight) MLP to the probability of a correct answer; the log-loss of response logs; Adam
  (NeuralCD's reference code, from memory)
- an NNUE chess evaluation network (Nasu 2018, as nnue-pytorch trains it; games): a 768-input (piece type x square)
  feature transformer, clipped ReLUs, 64-16-1, trained on the sigmoid of a teacher's centipawn evaluation (the
  squared difference of the two sigmoids, nnue-pytorch's loss with lambda 1); RAdam, eps 1e-7 (nnue-pytorch's Ranger
  is RAdam with Lookahead; Lookahead left out)
- the blade-chest matchup model for intransitive competition (Chen & Joachims 2016; games and sports): each
  player's skill plus a blade and a chest vector, P(a beats b) = sigmoid(skill_a - skill_b + blade_a . chest_b -
  blade_b . chest_a); the log-loss of match outcomes; plain SGD with L2 weight decay (an Elo-style stochastic
  update; from memory)
- BigCLAM overlapping community detection (Yang & Leskovec 2013; social networks; a long plan only): non-negative
  community affiliations per node (softplus of an embedding) under the Bernoulli-Poisson edge model P(u ~ v) = 1 -
  exp(-F_u . F_v), the negative log-likelihood on edges and on an equal number of sampled non-edges, balanced
  (NOCD's form, Shchur & Guennemann 2019); Adagrad (as large-graph embedding trainers such as PyTorch-BigGraph use
  for node embeddings; from memory)
- SPLADE learned sparse retrieval (Formal et al. 2021, tiny; information retrieval; a long plan only): a shared
  token encoder with a tied masked-LM head gives each text a vocabulary-sized vector, the max over its tokens of
  log(1 + ReLU(logits)); the score is the dot product; in-batch-negative softmax cross-entropy plus the FLOPS
  regulariser on queries and documents; AdamW, weight decay 0.01 (SPLADE's)

Optimisers: RMSprop with momentum (path integration), Adam (cognitive diagnosis), RAdam (NNUE, both plans), plain
SGD with weight decay (blade-chest, both plans), Adagrad (BigCLAM), AdamW (SPLADE).

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): BigCLAM and SPLADE (no
short plan), NNUE and the blade-chest model on larger pools (16384 positions and matches instead of 4096). What was
tried and dropped before the first commit is listed in ``benchmarks/results/exam30/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss
draws random numbers. The entrypoint is ``benchmarks/exam30_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam30/README.md).

    python benchmarks/exam30_workloads.py          # the table
    python benchmarks/exam30_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 30"


# --------------------------------------------------------------------------------------------------------------
# 1. path integration with place-cell targets (RMSprop with momentum)

PI_CELLS, PI_T, PI_SIGMA = 64, 8, 0.06


def _pi_trajectories(n: int, gen: torch.Generator, steps: int = PI_T) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A simulated rat in a unit box: start uniform in [0.1, 0.9]^2, a heading that turns by N(0, 0.4^2) rad a step,
    speed U[0.02, 0.06] a step (one draw per trajectory and step), reflecting walls. 64 place cells at fixed uniform
    centres, width 0.06; a cell's target is the softmax over cells of -|x - c|^2 / (2 sigma^2). Returns (velocities
    (n, T, 2) x 10, the start's place code (n, 64), the place codes after each step (n, T, 64))."""
    tg = torch.Generator().manual_seed(30101)
    centres = torch.rand(PI_CELLS, 2, generator=tg)

    def code(p: torch.Tensor) -> torch.Tensor:
        return torch.softmax(-((p.unsqueeze(-2) - centres) ** 2).sum(-1) / (2 * PI_SIGMA**2), -1)

    pos = 0.1 + 0.8 * torch.rand(n, 2, generator=gen)
    head = 2 * math.pi * torch.rand(n, generator=gen)
    start = code(pos)
    vels, codes = [], []
    for _ in range(steps):
        head = head + 0.4 * torch.randn(n, generator=gen)
        speed = 0.02 + 0.04 * torch.rand(n, generator=gen)
        v = speed.unsqueeze(1) * torch.stack([torch.cos(head), torch.sin(head)], 1)
        new = pos + v
        low, high = new < 0, new > 1
        new = torch.where(low, -new, torch.where(high, 2 - new, new))
        v = new - pos  # the actual displacement after the reflection
        flip = (low | high)
        hx, hy = torch.cos(head), torch.sin(head)
        hx, hy = torch.where(flip[:, 0], -hx, hx), torch.where(flip[:, 1], -hy, hy)
        head = torch.atan2(hy, hx)
        pos = new
        vels.append(10 * v)
        codes.append(code(pos))
    return torch.stack(vels, 1), start, torch.stack(codes, 1)


class PathIntegrator(nn.Module):
    """Banino et al.'s network, small: the LSTM's initial state is a linear map of the start's place code; its
    output goes through a linear bottleneck to place-cell logits at every step."""

    def __init__(self, hidden: int = 32, bottleneck: int = 64) -> None:
        super().__init__()
        self.init_h, self.init_c = nn.Linear(PI_CELLS, hidden), nn.Linear(PI_CELLS, hidden)
        self.lstm = nn.LSTM(2, hidden, batch_first=True)
        self.bottleneck = nn.Linear(hidden, bottleneck)
        self.readout = nn.Linear(bottleneck, PI_CELLS)

    def forward(self, v: torch.Tensor, start: torch.Tensor) -> torch.Tensor:
        state = (self.init_h(start).unsqueeze(0), self.init_c(start).unsqueeze(0))
        out, _ = self.lstm(v, state)
        return self.readout(self.bottleneck(out))


def place_kl(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy to the place-cell targets less their entropy (the KL divergence), summed over cells,
    averaged over steps and trajectories."""
    v, start, target = batch
    logp = torch.log_softmax(model(v, start), -1)
    return (target * (target.clamp_min(1e-12).log() - logp)).sum(-1).mean()


def path_integration(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32,
                     steps: int = PI_T) -> dict[str, Any]:
    """The path-integrating LSTM on 4096 trajectories of 8 steps (hidden 32); held out: 1024 others; RMSprop (momentum 0.9,
    decay 0.9, eps 1e-10)."""
    gen = torch.Generator().manual_seed(30102)
    v, s, t = _pi_trajectories(train_size + 1024, gen, steps)
    tr = (v[:train_size], s[:train_size], t[:train_size])
    torch.manual_seed(seed)
    return {"model": PathIntegrator(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((v[train_size:], s[train_size:], t[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-10,
                                                                       momentum=0.9), "rmsprop_momentum0.9"),
            "loss_fn": place_kl, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. neural cognitive diagnosis (Adam)

CD_STUDENTS, CD_ITEMS, CD_CONCEPTS = 512, 128, 8


def _cd_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Response logs of 512 students on 128 exercises over 8 knowledge concepts: a fixed Q-matrix (each exercise
    needs 1-3 concepts), students' mastery of each concept N(0, 1) (correlated through a general ability), exercise
    difficulty per concept N(0, 0.7^2) and discrimination U[0.5, 2]; P(correct) = guess + (1 - guess - slip) x the
    product over the needed concepts of sigmoid(disc x (mastery - difficulty)) (conjunctive), guess 0.1, slip 0.05.
    A log entry is a uniformly drawn (student, exercise) pair and its Bernoulli outcome. Returns (student, exercise,
    outcome) and the Q-matrix."""
    tg = torch.Generator().manual_seed(30701)
    need = torch.rand(CD_ITEMS, CD_CONCEPTS, generator=tg).argsort(1)
    k = torch.randint(1, 4, (CD_ITEMS,), generator=tg)
    q = (need.argsort(1) < k.unsqueeze(1)).float()
    ability = torch.randn(CD_STUDENTS, 1, generator=tg)
    mastery = 0.6 * ability + 0.8 * torch.randn(CD_STUDENTS, CD_CONCEPTS, generator=tg)
    diff = 0.7 * torch.randn(CD_ITEMS, CD_CONCEPTS, generator=tg)
    disc = 0.5 + 1.5 * torch.rand(CD_ITEMS, 1, generator=tg)
    s = torch.randint(0, CD_STUDENTS, (n,), generator=gen)
    e = torch.randint(0, CD_ITEMS, (n,), generator=gen)
    part = torch.sigmoid(disc[e] * (mastery[s] - diff[e]))
    p = 0.1 + 0.85 * torch.where(q[e] > 0, part, torch.ones_like(part)).prod(1)
    return s, e, (torch.rand(n, generator=gen) < p).float(), q


class NeuralCD(nn.Module):
    """NeuralCDM (Wang et al. 2020): student proficiency sigmoid(h_s), exercise difficulty sigmoid(h_e) and
    discrimination sigmoid(d_e) (x 10) per concept; the input disc x (proficiency - difficulty) masked by the
    exercise's Q-matrix row, then a monotone MLP 8-32-16-1 whose weights are kept non-negative (here |W|, where the
    reference code clips negative weights to zero after each step), sigmoid output."""

    def __init__(self, q: torch.Tensor) -> None:
        super().__init__()
        self.register_buffer("q", q)
        self.stu = nn.Embedding(CD_STUDENTS, CD_CONCEPTS)
        self.diff = nn.Embedding(CD_ITEMS, CD_CONCEPTS)
        self.disc = nn.Embedding(CD_ITEMS, 1)
        self.l1, self.l2, self.l3 = nn.Linear(CD_CONCEPTS, 32), nn.Linear(32, 16), nn.Linear(16, 1)
        for m in (self.l1, self.l2, self.l3):
            nn.init.xavier_normal_(m.weight)

    def forward(self, s: torch.Tensor, e: torch.Tensor) -> torch.Tensor:
        x = 10 * torch.sigmoid(self.disc(e)) * (torch.sigmoid(self.stu(s)) - torch.sigmoid(self.diff(e))) * self.q[e]
        h = torch.sigmoid(F.linear(x, self.l1.weight.abs(), self.l1.bias))
        h = torch.sigmoid(F.linear(h, self.l2.weight.abs(), self.l2.bias))
        return F.linear(h, self.l3.weight.abs(), self.l3.bias).squeeze(1)


def cd_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    s, e, y = batch
    return F.binary_cross_entropy_with_logits(model(s, e), y)


def cognitive_diagnosis(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """NeuralCDM on 4096 response logs; held out: 4096 other logs of the same students and exercises; Adam
    (NeuralCD's)."""
    gen = torch.Generator().manual_seed(30702)
    s, e, y, q = _cd_logs(train_size + 4096, gen)
    tr = (s[:train_size], e[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": NeuralCD(q), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], e[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": cd_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. NNUE chess evaluation (RAdam)

NN_FEATS = 12 * 64
# the 32 piece slots of a position: 0-5 white K P N B R Q, 6-11 black
_NN_SLOTS = torch.tensor([0, 6] + [1] * 8 + [7] * 8 + [2, 2, 8, 8, 3, 3, 9, 9, 4, 4, 10, 10, 5, 11])
_NN_VALUE = torch.tensor([0.0, 100, 320, 330, 500, 900])


def _nnue_positions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Random positions: both kings, and each other piece of the 30 present with a probability drawn per position
    (U[0.2, 0.9], the game's phase) and per colour side (+- 0.1), on distinct random squares. The teacher's score
    (centipawns, white's view): material + fixed random piece-square tables (sd 25) + a king-danger term (60 per
    enemy non-pawn piece within two squares of a king, squared over 2) + a small fixed random tanh network over the
    features (sd about 60) + search noise sd 20. Returns (768 binary features, the score)."""
    tg = torch.Generator().manual_seed(30301)
    pst = 25 * torch.randn(12, 64, generator=tg)
    u = torch.randn(NN_FEATS, 16, generator=tg) / 4
    w = 60 * torch.randn(16, generator=tg) / 4
    q = 0.2 + 0.7 * torch.rand(n, 1, generator=gen)
    side = (torch.arange(32).unsqueeze(0) % 2 == 0).float()  # a rough colour split of the slots for the skew
    skew = 0.1 * (2 * torch.rand(n, 1, generator=gen) - 1)
    present = torch.rand(n, 32, generator=gen) < (q + skew * (2 * side - 1)).clamp(0.05, 0.95)
    present[:, :2] = True
    squares = torch.argsort(torch.rand(n, 64, generator=gen), 1)[:, :32]
    idx = _NN_SLOTS * 64 + squares
    x = torch.zeros(n, NN_FEATS)
    x.scatter_(1, idx, present.float())
    x = x.view(n, 12, 64)
    sign = torch.tensor([1.0] * 6 + [-1.0] * 6)
    material = (x.sum(2) * torch.cat([_NN_VALUE, _NN_VALUE]) * sign).sum(1)
    psq = (x * pst * sign.view(1, 12, 1)).sum((1, 2))
    file_, rank = torch.arange(64) % 8, torch.arange(64) // 8
    near = ((file_.view(64, 1) - file_.view(1, 64)).abs().maximum((rank.view(64, 1) - rank.view(1, 64)).abs())
            <= 2).float()  # 64 x 64
    wk, bk = x[:, 0].argmax(1), x[:, 6].argmax(1)
    black_attackers = (x[:, 8:12].sum(1) * near[wk]).sum(1)
    white_attackers = (x[:, 2:6].sum(1) * near[bk]).sum(1)
    danger = 30 * (white_attackers**2 - black_attackers**2)
    x = x.view(n, NN_FEATS)
    score = material + psq + danger + torch.tanh(x @ u) @ w + 20 * torch.randn(n, generator=gen)
    return x, score


class NNUE(nn.Module):
    """The feature transformer (768 -> 64) and a 64-16-1 head, clipped ReLUs (clamp to [0, 1]); one perspective."""

    def __init__(self, ft: int = 64, hidden: int = 16) -> None:
        super().__init__()
        self.ft, self.l1, self.out = nn.Linear(NN_FEATS, ft), nn.Linear(ft, hidden), nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.ft(x).clamp(0, 1)
        return self.out(self.l1(h).clamp(0, 1)).squeeze(1)


def nnue_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """nnue-pytorch's loss with lambda 1: (sigmoid(output) - sigmoid(score / 400))^2, the output in units of 400
    centipawns."""
    x, score = batch
    return (torch.sigmoid(model(x)) - torch.sigmoid(score / 400)).pow(2).mean()


def nnue_eval(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """An NNUE net on 4096 scored positions; held out: 2048 others; RAdam (eps 1e-7)."""
    gen = torch.Generator().manual_seed(30302)
    x, s = _nnue_positions(train_size + 2048, gen)
    tr = (x[:train_size], s[:train_size])
    torch.manual_seed(seed)
    return {"model": NNUE(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], s[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr, eps=1e-7), "radam_eps1e-7"),
            "loss_fn": nnue_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. the blade-chest matchup model (plain SGD with weight decay)

BC_PLAYERS, BC_DIM = 256, 8


def _bc_matches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Matches between 256 players of a fixed population: skills N(0, 1.2^2) and blade / chest vectors in 3
    dimensions, N(0, 0.9^2) (rock-paper-scissors structure); a pair is drawn uniformly; the outcome (a beats b) is
    Bernoulli(sigmoid(skill_a - skill_b + blade_a . chest_b - blade_b . chest_a))."""
    tg = torch.Generator().manual_seed(30501)
    skill = 1.2 * torch.randn(BC_PLAYERS, generator=tg)
    blade = 0.9 * torch.randn(BC_PLAYERS, 3, generator=tg)
    chest = 0.9 * torch.randn(BC_PLAYERS, 3, generator=tg)
    a = torch.randint(0, BC_PLAYERS, (n,), generator=gen)
    b = (a + torch.randint(1, BC_PLAYERS, (n,), generator=gen)) % BC_PLAYERS
    logit = skill[a] - skill[b] + (blade[a] * chest[b]).sum(1) - (blade[b] * chest[a]).sum(1)
    return a, b, (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()


class BladeChest(nn.Module):
    """The blade-chest-inner model with a skill term: per player a skill, a blade and a chest vector (8-d),
    started at N(0, 0.1^2)."""

    def __init__(self) -> None:
        super().__init__()
        self.skill = nn.Parameter(torch.zeros(BC_PLAYERS))
        self.blade = nn.Parameter(0.1 * torch.randn(BC_PLAYERS, BC_DIM))
        self.chest = nn.Parameter(0.1 * torch.randn(BC_PLAYERS, BC_DIM))

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return (self.skill[a] - self.skill[b] + (self.blade[a] * self.chest[b]).sum(1)
                - (self.blade[b] * self.chest[a]).sum(1))


def matchup_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    a, b, y = batch
    return F.binary_cross_entropy_with_logits(model(a, b), y)


def blade_chest(batch_size: int = 32, seed: int = 0, train_size: int = 16384) -> dict[str, Any]:
    """The blade-chest model on 16384 matches (the short plan: 4096); held out: 4096 other matches; SGD with weight
    decay 1e-4."""
    gen = torch.Generator().manual_seed(30502)
    a, b, y = _bc_matches(train_size + 4096, gen)
    tr = (a[:train_size], b[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BladeChest(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((a[train_size:], b[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, weight_decay=1e-4), "sgd_wd1e-4"),
            "loss_fn": matchup_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. BigCLAM overlapping community detection (Adagrad; long only)


def _bigclam_pairs(nodes: int, communities: int, gen: torch.Generator
                   ) -> tuple[tuple[torch.Tensor, ...], tuple[torch.Tensor, ...]]:
    """A graph from the BigCLAM model itself: each node joins one community, and a second with probability 0.3,
    with affiliation strengths U[0.6, 1.4]; P(u ~ v) = 1 - exp(-F_u . F_v - 1e-3). The pairs: every edge and as many
    uniformly sampled non-edges; 20% of both held out. Returns ((u, v, label) train, (u, v, label) held out)."""
    fs = torch.zeros(nodes, communities)
    first = torch.randint(0, communities, (nodes,), generator=gen)
    second = torch.randint(0, communities, (nodes,), generator=gen)
    fs[torch.arange(nodes), first] = 0.6 + 0.8 * torch.rand(nodes, generator=gen)
    has2 = torch.rand(nodes, generator=gen) < 0.3
    fs[torch.arange(nodes)[has2], second[has2]] = 0.6 + 0.8 * torch.rand(int(has2.sum()), generator=gen)
    p = 1 - torch.exp(-(fs @ fs.t()) - 1e-3)
    upper = torch.triu(torch.ones(nodes, nodes, dtype=torch.bool), 1)
    adj = (torch.rand(nodes, nodes, generator=gen) < p) & upper
    eu, ev = adj.nonzero(as_tuple=True)
    m = len(eu)
    nu = torch.randint(0, nodes, (3 * m,), generator=gen)
    nv = torch.randint(0, nodes, (3 * m,), generator=gen)
    keep = (nu != nv) & ~adj[nu.minimum(nv), nu.maximum(nv)]
    nu, nv = nu[keep][:m], nv[keep][:m]
    u = torch.cat([eu, nu])
    v = torch.cat([ev, nv])
    y = torch.cat([torch.ones(m), torch.zeros(len(nu))])
    perm = torch.randperm(len(u), generator=gen)
    u, v, y = u[perm], v[perm], y[perm]
    cut = int(0.8 * len(u))
    return (u[:cut], v[:cut], y[:cut]), (u[cut:], v[cut:], y[cut:])


class BigCLAM(nn.Module):
    """Non-negative community affiliations F = softplus(E), E started at N(-1.5, 0.5^2)."""

    def __init__(self, nodes: int, communities: int) -> None:
        super().__init__()
        self.emb = nn.Parameter(torch.randn(nodes, communities) * 0.5 - 1.5)

    def forward(self, u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        f = F.softplus(self.emb)
        return (f[u] * f[v]).sum(1) + 1e-3


def bigclam_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The Bernoulli-Poisson negative log-likelihood, edges and non-edges each averaged and the two summed (NOCD's
    balanced loss): -log(1 - exp(-s)) on edges, s on non-edges."""
    u, v, y = batch
    s = model(u, v)
    pos = -torch.log(-torch.expm1(-s.clamp_min(1e-6)))
    n_pos, n_neg = y.sum().clamp_min(1), (1 - y).sum().clamp_min(1)
    return (y * pos).sum() / n_pos + ((1 - y) * s).sum() / n_neg


def bigclam(batch_size: int = 32, seed: int = 0, nodes: int = 2048, communities: int = 32) -> dict[str, Any]:
    """BigCLAM on a 2048-node graph of 32 overlapping communities (embedding dimension = communities); held out: 20%
    of the edges and non-edges in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(30401 + nodes)
    tr, ho = _bigclam_pairs(nodes, communities, gen)
    torch.manual_seed(seed)
    return {"model": BigCLAM(nodes, communities), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ho, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bigclam_nll, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. SPLADE learned sparse retrieval (AdamW; long only)

SP_VOCAB, SP_TOPICS, SP_QLEN, SP_DLEN = 128, 8, 4, 12


def _splade_pairs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Query-document pairs over a 128-term vocabulary: 8 topics, each a Zipf-weighted distribution over its own
    random 16 terms; a document is 12 tokens, 80% from its topic and 20% uniform; its query is 4 tokens, each (with
    probability 1/2) one of the document's tokens or else the synonym of one (a fixed random pairing of the terms:
    the vocabulary mismatch that expansion repairs)."""
    tg = torch.Generator().manual_seed(30601)
    topic_terms = torch.stack([torch.randperm(SP_VOCAB, generator=tg)[:16] for _ in range(SP_TOPICS)])
    zipf = 1.0 / torch.arange(1, 17).float()
    synonym = torch.randperm(SP_VOCAB, generator=tg)
    topic = torch.randint(0, SP_TOPICS, (n,), generator=gen)
    pick = torch.multinomial(zipf, n * SP_DLEN, replacement=True, generator=gen).view(n, SP_DLEN)
    doc = topic_terms[topic].gather(1, pick)
    noise = torch.rand(n, SP_DLEN, generator=gen) < 0.2
    doc = torch.where(noise, torch.randint(0, SP_VOCAB, (n, SP_DLEN), generator=gen), doc)
    src = doc.gather(1, torch.randint(0, SP_DLEN, (n, SP_QLEN), generator=gen))
    query = torch.where(torch.rand(n, SP_QLEN, generator=gen) < 0.5, src, synonym[src])
    return query, doc


class Splade(nn.Module):
    """A shared token encoder (embedding 16 started at N(0, 0.1^2), a residual per-token MLP 16-32-16 with GELU) and a masked-LM head
    tied to the embeddings; a text's vector is the max over its tokens of log(1 + ReLU(logits))."""

    def __init__(self, dim: int = 16) -> None:
        super().__init__()
        self.emb = nn.Embedding(SP_VOCAB, dim)
        nn.init.normal_(self.emb.weight, std=0.1)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))
        self.bias = nn.Parameter(torch.zeros(SP_VOCAB))

    def encode(self, tokens: torch.Tensor) -> torch.Tensor:
        e = self.emb(tokens)
        h = e + self.mlp(e)
        return torch.log1p(F.relu(h @ self.emb.weight.t() + self.bias)).amax(1)

    def forward(self, q: torch.Tensor, d: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.encode(q), self.encode(d)


def splade_loss(model: nn.Module, batch: Any, lam_q: float = 3e-3, lam_d: float = 1e-3) -> torch.Tensor:
    """In-batch-negative softmax cross-entropy over the batch's documents + the FLOPS regulariser (the sum over terms
    of the squared mean activation) on queries (3e-3) and documents (1e-3)."""
    q, d = batch
    vq, vd = model(q, d)
    scores = vq @ vd.t()
    ce = F.cross_entropy(scores, torch.arange(len(q)))
    return ce + lam_q * vq.mean(0).pow(2).sum() + lam_d * vd.mean(0).pow(2).sum()


def splade(batch_size: int = 32, seed: int = 0, train_size: int = 16384) -> dict[str, Any]:
    """SPLADE on 16384 query-document pairs; held out: 1024 other pairs in batches of 32 (the training batch, so
    the in-batch negatives are as many); AdamW, weight decay 0.01."""
    gen = torch.Generator().manual_seed(30602)
    q, d = _splade_pairs(train_size + 1024, gen)
    tr = (q[:train_size], d[:train_size])
    torch.manual_seed(seed)
    return {"model": Splade(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((q[train_size:], d[train_size:]), 32),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=0.01), "adamw_wd0.01"),
            "loss_fn": splade_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pathint_rmsprop", path_integration, 300, "place_cell_path_integration_rnn", "rmsprop_momentum0.9", "finite", 32,
      seconds=0.8, start_lr=4e-3),
    W("neuralcd_adam", cognitive_diagnosis, 300, "neural_cognitive_diagnosis", "adam", "finite", 32, seconds=0.4,
      start_lr=0.016),
    W("nnue_radam", nnue_eval, 300, "nnue_chess_evaluation", "radam_eps1e-7", "finite", 32, seconds=0.5,
      start_lr=0.032),
    W("bladechest_sgd", blade_chest, 300, "blade_chest_matchup_model", "sgd_wd1e-4", "finite", 32,
      dict(train_size=4096), seconds=0.3, start_lr=12.8),
)
LONG = (
    W("bigclam_adagrad@long", bigclam, 3000, "bigclam_overlapping_community_detection", "adagrad", "finite", 32,
      seconds=4.0, start_lr=1.6, grid_fractions=(0.0, 0.05)),
    W("splade_adamw@long", splade, 3000, "splade_learned_sparse_retrieval", "adamw_wd0.01", "finite", 32,
      seconds=9.0, start_lr=8e-3, grid_fractions=(0.0, 0.05)),
    W("nnue_radam@long", nnue_eval, 3000, "nnue_chess_evaluation", "radam_eps1e-7", "finite", 32,
      dict(train_size=16384), seconds=4.5, start_lr=1e-3, grid_fractions=(0.0, 0.05), long_of="nnue_radam"),
    W("bladechest_sgd@long", blade_chest, 3000, "blade_chest_matchup_model", "sgd_wd1e-4", "finite", 32,
      seconds=2.5, start_lr=6.4, grid_fractions=(0.0, 0.05), long_of="bladechest_sgd"),
)

REGISTRY = Registry(EXAM, LONG, "exam30_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirtieth exam's workloads")
