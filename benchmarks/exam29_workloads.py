"""The twenty-ninth exam: six more workload families that neither the suite nor the first twenty-eight exams have.

Same rules as exams 1-28 (``exam_workloads.py`` ... ``exam28_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families were taken from robotics and motion
control, transportation and traffic, chemistry and materials, and manufacturing and quality control (the build's
domains also allowed energy systems and agriculture and ecology; its families from there were dropped as noisy or
flat; exam 30 was built at the same time from other domains). The families already
taken are those of the suite's and exams 1-28's registries and docstrings, plus the ones tried, dropped or set
aside in exams 23-28's READMEs.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- traffic speed forecasting with a spatio-temporal graph convolutional network (STGCN, Yu, Yin & Zhu 2018): one
  ST-Conv block (gated temporal convolution, Chebyshev graph convolution over the sensor graph, gated temporal
  convolution, layer norm) and an output block read the last 12 five-minute speeds of 12 loop detectors on a
  freeway corridor and predict every detector's speed 15 minutes ahead; MSE on z-scored speeds; RMSprop with
  decay 0.9 and epsilon 1e-10 (STGCN's code: ``tf.train.RMSPropOptimizer`` with TF's defaults)
- retrosynthesis reaction-template classification (Segler & Waller 2017's neural-symbolic template prediction):
  an MLP (ELU) reads a product molecule's hashed circular fingerprint (256 bits) and predicts which of 24
  reaction templates made it (the templates depend on the highest-priority functional group and on whether an
  activating group is present; 10% of the labels are alternative disconnections); cross-entropy; Adam (from
  memory)
- wafer-map defect pattern classification (WM-811K style, Wu et al. 2015; the CNNs of Nakazawa & Kulkarni 2018 and
  later): a small CNN classifies 24 x 24 wafer maps (no die / pass / fail) into nine failure patterns (none,
  center, donut, edge-loc, edge-ring, loc, scratch, random, near-full); cross-entropy; Adam (common in wafer-map
  code; from memory)
- control chart pattern recognition (CCPR; Pham & Oztemel 1992, Hwarng & Hubele 1993 and the later literature): an
  MLP classifies a window of 40 standardised quality measurements into the eight control-chart patterns
  (normal, cyclic, up / down trend, up / down shift, stratification, systematic); cross-entropy; SGD with
  momentum 0.9 (backpropagation with momentum, as these networks are trained; from memory)
- a crystal graph convolutional network (CGCNN, Xie & Grossman 2018; a long plan only, small: one gated graph
  convolution, CGCNN's default is three) over each atom's 12 nearest periodic neighbours (Gaussian-expanded
  distances) predicts a synthetic formation energy per atom of 4-atom fcc cells; MSE on the normalised target; SGD with momentum 0.9 (CGCNN's ``main.py``
  defaults: ``--optim SGD``, momentum 0.9, weight decay 0)
- inverse kinematics by a distal teacher (Jordan & Rumelhart 1992; a long plan only): an MLP maps a noisily sensed
  target pose of a 3-link planar arm to joint angles and is trained through the arm's known forward kinematics
  (the loss is the pose error of the reached pose, never a joint-angle target); Adam (from memory)

Three families use Adam (template classification, wafer maps, inverse kinematics), one RMSprop (STGCN), two SGD
with momentum 0.9 (CCPR, CGCNN). No Adagrad, Adadelta, NAdam, RAdam, Adamax, AdamW or ASGD plan: none of these
fields uses them in the reference code the author knows of.

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): CGCNN and distal
inverse kinematics (no short plan), template classification on a larger pool (8192 products) and CCPR on a
larger pool (16384 windows). What was tried and dropped before the first commit is listed in
``benchmarks/results/exam29/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss
draws random numbers. The entrypoint is ``benchmarks/exam29_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam29/README.md).

    python benchmarks/exam29_workloads.py          # the table
    python benchmarks/exam29_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 29"


# --------------------------------------------------------------------------------------------------------------
# 1. traffic speed forecasting with STGCN (RMSprop)

ST_NODES, ST_HIST, ST_AHEAD, ST_DAY = 12, 12, 3, 288


def _st_series(steps: int, gen: torch.Generator) -> torch.Tensor:
    """Five-minute speeds (mph) of 12 detectors along a freeway corridor (node 0 upstream, 11 downstream): each
    detector's free-flow speed less a morning and an evening recurrent slowdown (fixed per-detector amplitudes,
    moving upstream from the bottleneck over the peak), less incident queues (random times, places, severities
    and durations; a queue reaches k detectors upstream after 2k steps, weakened by 0.75^k), + AR(1) noise sd 0.7.
    Returns (steps, nodes)."""
    tg = torch.Generator().manual_seed(29101)
    free = 58 + 10 * torch.rand(ST_NODES, generator=tg)
    amp_am = 8 + 22 * torch.rand(ST_NODES, generator=tg)
    amp_pm = 8 + 22 * torch.rand(ST_NODES, generator=tg)
    t = torch.arange(steps).float()
    day0 = float(torch.randint(0, ST_DAY, (1,), generator=gen))
    tod = ((t + day0) % ST_DAY / ST_DAY).unsqueeze(1)
    lag = (ST_NODES - 1 - torch.arange(ST_NODES)).float() / ST_DAY * 3  # upstream detectors slow later
    day_scale = 0.7 + 0.6 * torch.rand(steps // ST_DAY + 2, generator=gen)
    ds = day_scale[((t + day0) // ST_DAY).long()].unsqueeze(1)
    slow = ds * (amp_am * torch.exp(-0.5 * ((tod - 0.32 - lag) / 0.035) ** 2)
                 + amp_pm * torch.exp(-0.5 * ((tod - 0.71 - lag) / 0.045) ** 2))
    inc = torch.zeros(steps, ST_NODES)
    n_inc = int(steps * 0.012)
    starts = torch.randint(0, steps, (n_inc,), generator=gen)
    where = torch.randint(0, ST_NODES, (n_inc,), generator=gen)
    sev = 10 + 25 * torch.rand(n_inc, generator=gen)
    dur = torch.randint(8, 40, (n_inc,), generator=gen)
    for s, j, v, d in zip(starts.tolist(), where.tolist(), sev.tolist(), dur.tolist()):
        for k in range(0, j + 1):
            a, b = s + 2 * k, s + d + k
            if a >= min(b, steps):
                continue
            inc[a:b, j - k] += v * 0.75**k
    noise = torch.zeros(steps, ST_NODES)
    e = 0.7 * torch.randn(steps, ST_NODES, generator=gen) * (1 - 0.8**2) ** 0.5
    prev = torch.zeros(ST_NODES)
    for i in range(steps):
        prev = 0.8 * prev + e[i]
        noise[i] = prev
    return (free - slow - inc + noise).clamp(5, 80)


def _st_windows(series: torch.Tensor, n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` windows at random start times: the last 12 speeds of every detector (time, node) and the speeds 3
    steps after the window."""
    starts = torch.randint(0, len(series) - ST_HIST - ST_AHEAD, (n,), generator=gen)
    idx = starts.unsqueeze(1) + torch.arange(ST_HIST)
    x = series[idx]  # n, T, N
    y = series[starts + ST_HIST + ST_AHEAD - 1]
    return x, y


def _cheb_basis() -> torch.Tensor:
    """Chebyshev polynomials T0..T2 of the scaled normalised Laplacian of the detector graph (STGCN's weighted
    adjacency: exp(-d^2 / sigma^2) above 0.5, from the detectors' mileposts)."""
    tg = torch.Generator().manual_seed(29102)
    pos = torch.cumsum(0.4 + 0.8 * torch.rand(ST_NODES, generator=tg), 0)
    d2 = (pos.unsqueeze(0) - pos.unsqueeze(1)) ** 2
    w = torch.exp(-d2 / 1.5)
    w = torch.where(w >= 0.5, w, torch.zeros_like(w)) * (1 - torch.eye(ST_NODES))
    dinv = w.sum(1).clamp_min(1e-6) ** -0.5
    lap = torch.eye(ST_NODES) - dinv.unsqueeze(1) * w * dinv.unsqueeze(0)
    lmax = torch.linalg.eigvalsh(lap).max()
    lt = 2 * lap / lmax - torch.eye(ST_NODES)
    t0, t1 = torch.eye(ST_NODES), lt
    return torch.stack([t0, t1, 2 * lt @ t1 - t0])


class TemporalGLU(nn.Module):
    """STGCN's gated temporal convolution over a width-``kt`` time kernel, (P + residual) * sigmoid(Q); written as
    a linear map of each node's ``kt`` consecutive steps (the same map as a (kt, 1) convolution, cheaper on a CPU
    for these sizes). Tensors are (batch, time, node, channel)."""

    def __init__(self, c_in: int, c_out: int, kt: int) -> None:
        super().__init__()
        self.lin = nn.Linear(c_in * kt, 2 * c_out)
        self.c_out, self.kt = c_out, kt

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        res = x[:, self.kt - 1:]
        if res.shape[3] < self.c_out:
            res = F.pad(res, (0, self.c_out - res.shape[3]))
        elif res.shape[3] > self.c_out:
            res = res[..., : self.c_out]
        win = x.unfold(1, self.kt, 1).flatten(3)  # b, t', n, c * kt
        p, q = self.lin(win).chunk(2, 3)
        return (p + res) * torch.sigmoid(q)


class ChebGraphConv(nn.Module):
    """Chebyshev spectral graph convolution (K = 3) with a residual and ReLU."""

    def __init__(self, c: int, basis: torch.Tensor) -> None:
        super().__init__()
        self.register_buffer("basis", basis.flatten(0, 1))  # K * n, n
        self.k = len(basis)
        self.theta = nn.Linear(c * self.k, c)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, n, c = x.shape
        xs = (self.basis @ x).view(b, t, self.k, n, c).transpose(2, 3).flatten(3)  # b, t, n, K * c
        return torch.relu(self.theta(xs) + x)


class STGCN(nn.Module):
    """One ST-Conv block (channels 16, 8, 16; Kt = 3) and STGCN's output block (a temporal GLU over the remaining
    8 steps, layer norm, a per-node linear map to the speed)."""

    def __init__(self, basis: torch.Tensor, kt: int = 3) -> None:
        super().__init__()
        self.t1 = TemporalGLU(1, 16, kt)
        self.g = nn.Sequential(nn.Linear(16, 8), ChebGraphConv(8, basis))
        self.t2 = TemporalGLU(8, 16, kt)
        left = ST_HIST - 2 * (kt - 1)
        self.ln = nn.LayerNorm([ST_NODES, 16])
        self.out_t = TemporalGLU(16, 16, left)
        self.out_ln = nn.LayerNorm([ST_NODES, 16])
        self.fc = nn.Linear(16, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.ln(self.t2(self.g(self.t1(x.unsqueeze(3)))))  # b, t, n, c
        h = self.out_ln(self.out_t(h))  # b, 1, n, c
        return self.fc(h)[:, 0, :, 0]  # b, n


def stgcn_traffic(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """STGCN on ``train_size`` windows from 24 days of corridor speeds (z-scored with the training days' mean and
    sd, STGCN's normalisation); held out: 2048 windows from 8 other days; RMSprop (TF's defaults: decay 0.9,
    epsilon 1e-10)."""
    gen = torch.Generator().manual_seed(29103)
    train_series = _st_series(24 * ST_DAY, gen)
    eval_series = _st_series(8 * ST_DAY, gen)
    mu, sd = train_series.mean(), train_series.std()
    x, y = _st_windows((train_series - mu) / sd, train_size, gen)
    ex, ey = _st_windows((eval_series - mu) / sd, 2048, gen)
    tr = (x, y)
    torch.manual_seed(seed)
    return {"model": STGCN(_cheb_basis()), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ex, ey), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-10),
                                "rmsprop_decay0.9_eps1e-10"),
            "loss_fn": lambda model, batch: F.mse_loss(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. retrosynthesis reaction-template classification (Adam)

RT_BITS, RT_GROUPS, RT_TEMPLATES = 256, 16, 24


def _rt_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Product molecules as 256-bit hashed circular fingerprints and the reaction template that made them. Sixteen
    functional groups each set 4 fixed fingerprint bits (each present with probability 0.9, as substructure
    variants change a bit); a molecule holds 1-3 groups and background bits at density 0.05. The template: the
    molecule's reaction centre is its highest-priority group g (priorities fixed); the template is g's first
    variant unless the molecule also holds g's activating group (then its second variant), with 24 templates in
    all (eight groups have two variants); 10% of the labels are another template of the same centre or a random
    one (alternative disconnections). Returns (fingerprints, template indices)."""
    tg = torch.Generator().manual_seed(29201)
    group_bits = torch.stack([torch.randperm(RT_BITS, generator=tg)[:4] for _ in range(RT_GROUPS)])
    prio = torch.randperm(RT_GROUPS, generator=tg)
    activator = torch.randint(0, RT_GROUPS, (RT_GROUPS,), generator=tg)
    first = torch.arange(RT_GROUPS)
    second = torch.where(torch.arange(RT_GROUPS) < 8, RT_GROUPS + torch.arange(RT_GROUPS), first).clamp_max(
        RT_TEMPLATES - 1)
    k = torch.randint(1, 4, (n,), generator=gen)
    scores = torch.rand(n, RT_GROUPS, generator=gen)
    ranks = scores.argsort(1).argsort(1)
    has = ranks < k.unsqueeze(1)  # n, G
    fp = (torch.rand(n, RT_BITS, generator=gen) < 0.05)
    present = has.unsqueeze(2) & (torch.rand(n, RT_GROUPS, 4, generator=gen) < 0.9)
    for g in range(RT_GROUPS):
        fp[:, group_bits[g]] |= present[:, g]
    centre = torch.where(has, prio.unsqueeze(0), torch.full_like(has, -1, dtype=torch.long)).argmax(1)
    active = has[torch.arange(n), activator[centre]] & (activator[centre] != centre)
    y = torch.where(active, second[centre], first[centre])
    flip = torch.rand(n, generator=gen) < 0.1
    other = torch.where(torch.rand(n, generator=gen) < 0.5, torch.where(y == first[centre], second[centre],
                        first[centre]), torch.randint(0, RT_TEMPLATES, (n,), generator=gen))
    return fp.float(), torch.where(flip, other, y)


def template_classifier(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 128
                        ) -> dict[str, Any]:
    """Segler & Waller's template-prediction network, small: fingerprint 256 -> 128 (ELU) -> 128 (ELU) -> 24
    templates, softmax cross-entropy, on ``train_size`` products; held out: 4096 others; Adam (from memory)."""
    gen = torch.Generator().manual_seed(29202)
    x, y = _rt_items(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(RT_BITS, hidden), nn.ELU(), nn.Linear(hidden, hidden), nn.ELU(),
                          nn.Linear(hidden, RT_TEMPLATES))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. wafer-map defect pattern classification (Adam)

WM_SIZE, WM_CLASSES = 24, 9


def _wafer_maps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wafer maps of a 24 x 24 die grid inside a circular wafer (0 no die, 0.5 pass, 1 fail). Every map has a
    random background failure rate U[0.02, 0.12]; eight of the nine classes add a failure pattern of random
    strength U[0.35, 0.9]: center (a Gaussian spot at the centre), donut (a ring at radius 4-7), edge-loc (an
    outer sector), edge-ring (the whole rim), loc (a blob inside), scratch (a thin line segment), random
    (uniform failures at 0.15-0.35) and near-full (0.6-0.9 of the dies); 'none' adds nothing. The class is the
    pattern drawn (none 20%, the others 10% each)."""
    c = (WM_SIZE - 1) / 2
    yy, xx = torch.meshgrid(torch.arange(WM_SIZE).float() - c, torch.arange(WM_SIZE).float() - c, indexing="ij")
    r = (xx**2 + yy**2).sqrt()
    ang = torch.atan2(yy, xx)
    wafer = (r <= c + 0.5).float()
    probs = torch.tensor([0.2] + [0.1] * 8)
    y = torch.multinomial(probs, n, replacement=True, generator=gen)
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(n, 1, 1, generator=gen)  # noqa: E731
    strength = u(0.35, 0.9)
    pats = torch.zeros(WM_CLASSES, n, WM_SIZE, WM_SIZE)
    pats[1] = torch.exp(-0.5 * r**2 / u(1.5, 3.5) ** 2)
    pats[2] = torch.exp(-0.5 * ((r - u(4, 7)) / u(0.7, 1.4)) ** 2)
    a0 = u(-math.pi, math.pi)
    dang = torch.remainder(ang - a0 + math.pi, 2 * math.pi) - math.pi
    pats[3] = ((r > u(7.5, 9.5)) & (dang.abs() < u(0.3, 0.8))).float()
    pats[4] = (r > u(9.5, 10.8)).float()
    bx, by = u(-6, 6), u(-6, 6)
    pats[5] = torch.exp(-0.5 * ((xx - bx) ** 2 + (yy - by) ** 2) / u(1.2, 2.5) ** 2)
    th, off = u(0, math.pi), u(-5, 5)
    along = xx * torch.cos(th) + yy * torch.sin(th)
    across = -xx * torch.sin(th) + yy * torch.cos(th) - off
    mid = u(-4, 4)
    pats[6] = ((across.abs() < 0.6) & ((along - mid).abs() < u(3, 7))).float()
    pats[7] = u(0.15, 0.35).expand(n, WM_SIZE, WM_SIZE) / strength
    pats[8] = u(0.6, 0.9).expand(n, WM_SIZE, WM_SIZE) / strength
    pat = pats.permute(1, 0, 2, 3)[torch.arange(n), y]  # n, H, W
    pat = (strength * pat).clamp(0, 1)
    bg = u(0.02, 0.12)
    pfail = 1 - (1 - bg) * (1 - pat)
    fail = (torch.rand(n, WM_SIZE, WM_SIZE, generator=gen) < pfail).float()
    img = wafer * (0.5 + 0.5 * fail)
    return img.unsqueeze(1), y


def wafer_cnn() -> nn.Module:
    """Three 3 x 3 convolutions of stride 2 (8, 16, 32 filters, ReLU; 24 -> 12 -> 6 -> 3), a dense layer of 64,
    nine logits."""
    return nn.Sequential(nn.Conv2d(1, 8, 3, stride=2, padding=1), nn.ReLU(),
                         nn.Conv2d(8, 16, 3, stride=2, padding=1), nn.ReLU(),
                         nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU(),
                         nn.Flatten(), nn.Linear(32 * 9, 64), nn.ReLU(), nn.Linear(64, WM_CLASSES))


def wafer_maps(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The wafer-map CNN on ``train_size`` labelled maps; held out: 2048 others; Adam."""
    gen = torch.Generator().manual_seed(29301)
    x, y = _wafer_maps(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": wafer_cnn(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. control chart pattern recognition (SGD with momentum)

CC_LEN, CC_CLASSES = 40, 8


def _cc_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Windows of 40 standardised quality measurements (in-control mean 0, sd 1) in the eight patterns of the
    control-chart literature (Swift 1987; Alcock & Manolopoulos's synthetic control chart data, with smaller
    magnitudes): normal, cyclic (amplitude 0.5-2 sd, period 8-16), upward and downward trend (0.02-0.08 sd a
    sample), upward and downward shift (0.7-2.5 sd, at a sample in the middle third), stratification (sd
    0.2-0.5) and systematic (alternating +-0.5-1.5 sd). Classes equally likely."""
    y = torch.randint(0, CC_CLASSES, (n,), generator=gen)
    t = torch.arange(CC_LEN).float()
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(n, 1, generator=gen)  # noqa: E731
    noise = torch.randn(n, CC_LEN, generator=gen)
    pats = torch.zeros(CC_CLASSES, n, CC_LEN)
    pats[1] = u(0.5, 2.0) * torch.sin(2 * math.pi * t / u(8, 16) + u(0, 2 * math.pi))
    pats[2] = u(0.02, 0.08) * t
    pats[3] = -u(0.02, 0.08) * t
    at = u(CC_LEN / 3, 2 * CC_LEN / 3)
    pats[4] = u(0.7, 2.5) * (t >= at).float()
    pats[5] = -u(0.7, 2.5) * (t >= at).float()
    pats[7] = u(0.5, 1.5) * (1 - 2 * (t % 2))
    x = pats.permute(1, 0, 2)[torch.arange(n), y] + noise
    strat = y == 6
    x[strat] = noise[strat] * u(0.2, 0.5)[strat]
    return x, y


def control_chart(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """An MLP 40-64-64-8 (ReLU) on ``train_size`` labelled windows; held out: 4096 others; SGD with momentum 0.9
    (backpropagation with momentum, as the CCPR networks are trained)."""
    gen = torch.Generator().manual_seed(29401)
    x, y = _cc_windows(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(CC_LEN, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                          nn.Linear(hidden, CC_CLASSES))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. crystal graph convolutional network (SGD with momentum; long only)

CG_ATOMS, CG_NBR, CG_EL, CG_GAUSS = 4, 12, 5, 12


def _cg_cells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """4-atom conventional fcc cells (lattice constant U[1.3, 1.6], so nearest neighbours near 0.92-1.13; each atom
    displaced by N(0, (0.06 a)^2)) of five elements drawn with fixed frequencies. Each atom's 12 nearest neighbours
    among the periodic images (CGCNN's neighbour lists). Target, per atom: the mean of the element's reference
    energy + half the sum over its 12 neighbours of a pair-specific Morse potential, + a regular-solution mixing
    term in the composition, + noise sd 0.02. Returns (element indices, neighbour indices, neighbour distances,
    targets)."""
    tg = torch.Generator().manual_seed(29501)
    e_ref = torch.randn(CG_EL, generator=tg) * 0.5
    dep = 0.3 + 0.7 * torch.rand(CG_EL, CG_EL, generator=tg)
    dep = (dep + dep.t()) / 2
    r0 = 0.85 + 0.3 * torch.rand(CG_EL, CG_EL, generator=tg)
    r0 = (r0 + r0.t()) / 2
    omega = torch.randn(CG_EL, CG_EL, generator=tg) * 0.4
    omega = (omega + omega.t()) / 2
    freq = torch.tensor([0.3, 0.25, 0.2, 0.15, 0.1])
    el = torch.multinomial(freq, n * CG_ATOMS, replacement=True, generator=gen).view(n, CG_ATOMS)
    base = torch.tensor([[0.0, 0.0, 0.0], [0.5, 0.5, 0.0], [0.5, 0.0, 0.5], [0.0, 0.5, 0.5]])
    a = 1.3 + 0.3 * torch.rand(n, 1, 1, generator=gen)
    pos = (base + 0.06 * torch.randn(n, CG_ATOMS, 3, generator=gen)) * a  # n, 4, 3
    shifts = torch.stack(torch.meshgrid(*[torch.arange(-1.0, 2.0)] * 3, indexing="ij"), -1).view(27, 3)
    nbr_idx = torch.empty(n, CG_ATOMS, CG_NBR, dtype=torch.long)
    nbr_d = torch.empty(n, CG_ATOMS, CG_NBR)
    for s in range(0, n, 2048):
        p = pos[s:s + 2048]
        m = len(p)
        img = (p.unsqueeze(1) + a[s:s + 2048].unsqueeze(1) * shifts.view(1, 27, 1, 3)).view(m, 27 * CG_ATOMS, 3)
        d = torch.cdist(p, img)  # m, 4, 108
        d[:, torch.arange(CG_ATOMS), 13 * CG_ATOMS + torch.arange(CG_ATOMS)] = math.inf  # the atom itself
        dist, idx = d.topk(CG_NBR, 2, largest=False)
        nbr_idx[s:s + m], nbr_d[s:s + m] = idx % CG_ATOMS, dist
    ei, ej = el.unsqueeze(2).expand(-1, -1, CG_NBR), el.gather(1, nbr_idx.view(n, -1)).view(n, CG_ATOMS, CG_NBR)
    morse = dep[ei, ej] * ((1 - torch.exp(-2.0 * (nbr_d - r0[ei, ej]))) ** 2 - 1)
    per_atom = e_ref[el] + 0.5 * morse.sum(2) / 6
    comp = F.one_hot(el, CG_EL).float().mean(1)  # n, 5
    mix = torch.einsum("na,ab,nb->n", comp, omega, comp)
    target = per_atom.mean(1) + mix + 0.02 * torch.randn(n, generator=gen)
    return el, nbr_idx, nbr_d, target


class CGConv(nn.Module):
    """CGCNN's convolution: z = [v_i, v_j, u_ij]; v_i + sum_j sigmoid(z W_f) * softplus(z W_s), batch norms as
    CGCNN's."""

    def __init__(self, atom: int) -> None:
        super().__init__()
        self.fc = nn.Linear(2 * atom + CG_GAUSS, 2 * atom)
        self.bn1, self.bn2 = nn.BatchNorm1d(2 * atom), nn.BatchNorm1d(atom)

    def forward(self, v: torch.Tensor, nbr_idx: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
        b, n, k = nbr_idx.shape
        vj = v.gather(1, nbr_idx.view(b, n * k, 1).expand(-1, -1, v.shape[2])).view(b, n, k, -1)
        z = torch.cat([v.unsqueeze(2).expand(-1, -1, k, -1), vj, u], 3)
        g = self.bn1(self.fc(z).view(b * n * k, -1)).view(b, n, k, -1)
        f, s = g.chunk(2, 3)
        summed = (torch.sigmoid(f) * F.softplus(s)).sum(2)
        summed = self.bn2(summed.view(b * n, -1)).view(b, n, -1)
        return F.softplus(v + summed)


class CGCNN(nn.Module):
    """Atom embedding 5 -> 16, one CGCNN convolution (``n_conv``; CGCNN's default is three, of 64 features), mean
    pooling, softplus, a hidden layer of 32, one output."""

    def __init__(self, atom: int = 16, hidden: int = 32, n_conv: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(CG_EL, atom)
        self.convs = nn.ModuleList(CGConv(atom) for _ in range(n_conv))
        self.head = nn.Sequential(nn.Softplus(), nn.Linear(atom, hidden), nn.Softplus(), nn.Linear(hidden, 1))
        self.register_buffer("centers", torch.linspace(0.4, 1.9, CG_GAUSS))

    def forward(self, el: torch.Tensor, nbr_idx: torch.Tensor, nbr_d: torch.Tensor) -> torch.Tensor:
        v = self.embed(F.one_hot(el, CG_EL).float())
        u = torch.exp(-((nbr_d.unsqueeze(3) - self.centers) ** 2) / 0.1**2)
        for conv in self.convs:
            v = conv(v, nbr_idx, u)
        return self.head(v.mean(1)).squeeze(1)


def cgcnn(batch_size: int = 32, seed: int = 0, train_size: int = 16384) -> dict[str, Any]:
    """CGCNN on ``train_size`` cells, the target normalised with the training mean and sd (CGCNN's Normalizer);
    held out: 2048 other cells; SGD, momentum 0.9 (CGCNN's defaults)."""
    gen = torch.Generator().manual_seed(29502)
    el, idx, d, t = _cg_cells(train_size + 2048, gen)
    t = (t - t[:train_size].mean()) / t[:train_size].std()
    tr = (el[:train_size], idx[:train_size], d[:train_size], t[:train_size])
    torch.manual_seed(seed)
    return {"model": CGCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((el[train_size:], idx[train_size:], d[train_size:], t[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": lambda model, batch: F.mse_loss(model(*batch[:3]), batch[3]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. inverse kinematics with a distal teacher (Adam; long only)

IK_LINKS = (1.0, 0.8, 0.6)


def _fk(q: torch.Tensor) -> torch.Tensor:
    """Forward kinematics of the 3-link planar arm: joint angles (n, 3) -> end-effector pose (x, y, phi)."""
    phi = torch.cumsum(q, 1)
    lens = torch.tensor(IK_LINKS)
    return torch.stack([(lens * torch.cos(phi)).sum(1), (lens * torch.sin(phi)).sum(1), phi[:, 2]], 1)


def _ik_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Target poses reached by joint angles drawn within the arm's limits (shoulder [-pi/2, pi/2], elbow [0.2,
    2.6], wrist [-1.5, 1.5]); the sensed target is the pose + noise (sd 0.06 in position, 0.1 rad in angle),
    given to the net as (x, y, cos phi, sin phi). Returns (sensed input, true pose)."""
    lo, hi = torch.tensor([-math.pi / 2, 0.2, -1.5]), torch.tensor([math.pi / 2, 2.6, 1.5])
    q = lo + (hi - lo) * torch.rand(n, 3, generator=gen)
    pose = _fk(q)
    noisy = pose + torch.tensor([0.06, 0.06, 0.1]) * torch.randn(n, 3, generator=gen)
    inp = torch.stack([noisy[:, 0], noisy[:, 1], torch.cos(noisy[:, 2]), torch.sin(noisy[:, 2])], 1)
    return inp, pose


def distal_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The distal teacher's error: the reached pose (forward kinematics of the net's joint angles) against the
    target: squared position error + 0.5 x the squared chord of the orientation error."""
    inp, pose = batch
    reached = _fk(model(inp))
    pos = (reached[:, :2] - pose[:, :2]).pow(2).sum(1)
    ang = 2 * (1 - torch.cos(reached[:, 2] - pose[:, 2]))
    return (pos + 0.5 * ang).mean()


def distal_ik(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 64) -> dict[str, Any]:
    """An MLP 4-64-64-64-3 (tanh) trained through the forward kinematics on ``train_size`` sensed targets; held
    out: 4096 others; Adam."""
    gen = torch.Generator().manual_seed(29601)
    inp, pose = _ik_items(train_size + 4096, gen)
    tr = (inp[:train_size], pose[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                          nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, 3))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((inp[train_size:], pose[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": distal_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("stgcn_rmsprop", stgcn_traffic, 300, "stgcn_traffic_speed_forecasting", "rmsprop_decay0.9_eps1e-10", "finite",
      32, seconds=1.5, start_lr=8e-3),
    W("rtc_adam", template_classifier, 300, "retrosynthesis_template_classification", "adam", "finite", 32,
      seconds=0.4, start_lr=2e-3),
    W("wafer_adam", wafer_maps, 300, "wafer_map_defect_pattern_classification", "adam", "finite", 32,
      seconds=1.0, start_lr=0.016),
    W("ccpr_sgdm", control_chart, 300, "control_chart_pattern_recognition", "sgd_momentum0.9", "finite", 32,
      seconds=0.3, start_lr=0.05),
)
LONG = (
    W("cgcnn_sgdm@long", cgcnn, 3000, "crystal_graph_cnn_formation_energy", "sgd_momentum0.9", "finite", 32,
      seconds=7.0, start_lr=8e-3, grid_fractions=(0.0, 0.05)),
    W("ik_adam@long", distal_ik, 3000, "distal_teacher_inverse_kinematics", "adam", "finite", 32,
      seconds=4.0, start_lr=8e-3, grid_fractions=(0.0, 0.05)),
    W("rtc_adam@long", template_classifier, 3000, "retrosynthesis_template_classification", "adam", "finite", 32,
      dict(train_size=8192), seconds=3.0, start_lr=1e-3, grid_fractions=(0.0, 0.05), long_of="rtc_adam"),
    W("ccpr_sgdm@long", control_chart, 3000, "control_chart_pattern_recognition", "sgd_momentum0.9", "finite", 32,
      dict(train_size=16384), seconds=2.5, start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="ccpr_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam29_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-ninth exam's workloads")
