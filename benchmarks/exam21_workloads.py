"""The twenty-first exam: six more workload families that neither the suite nor the first twenty exams have.

Same rules as exams 1-20 (``exam_workloads.py`` ... ``exam20_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam20_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 20's own
(TabTransformer, Deep Interest Network, heatmap keypoint regression, 2-d Gaussian splatting, calibrated lattice,
RAT-SPN) and its dropped DDSP synthesiser.

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- unsupervised deformable image registration (VoxelMorph, Balakrishnan et al. 2019, in 2-d): a small U-Net over
  the stacked moving and fixed images predicts a dense displacement field, a spatial transformer (bilinear
  ``grid_sample``) warps the moving image, the loss is the MSE to the fixed image plus 0.01 x the squared spatial
  gradient of the field; 16x16 synthetic "anatomy" images under random smooth deformations; Adam (VoxelMorph's)
- biaffine dependency parsing (Dozat & Manning 2017): word and position embeddings, a window-of-five tanh encoder
  (a BiLSTM is too slow on one thread here), dependent and head MLPs, the biaffine arc scorer with a ROOT vector,
  the cross-entropy of every word's gold head, on sentences whose trees and words come from a small generative
  dependency grammar; Adam with betas (0.9, 0.9) (the paper's)
- restricted Boltzmann machine trained by its exact likelihood (16 visible, 8 hidden units; the log partition
  function summed exactly over the hidden states), the NLL of noisy 4x4 bars-and-stripes images; SGD with
  momentum 0.9 (Hinton's practical guide; exact gradients here instead of contrastive divergence)
- DeepHit (Lee et al. 2018, single risk, as pycox's DeepHitSingle): an MLP giving a PMF over 20 time bins (plus
  "after the horizon"), the loss 0.2 x the censored-data NLL + 0.8 x the pairwise ranking loss (sigma 0.1), on
  right-censored Weibull survival times; Adam (the paper's and pycox's)
- DeepSDF auto-decoder (Park et al. 2019, on 2-d shapes; a long plan only): a learned latent code per shape and an
  MLP on [code, x, y], the L1 error of the signed distance clamped to [-0.1, 0.1] plus 1e-4 x the codes' squared
  norm, on samples near and away from 16 disc-and-box shapes; held out: other points of the same shapes; Adam (the
  paper's)
- matrix product state classifier (Stoudenmire & Schwab 2016; a long plan only): a tensor train of 8 cores of
  bond dimension 8 over the local maps [1 - x, x] of 8 features, the label index on a middle core, contracted
  from both ends, cross-entropy of drawn labels; Adam (as TorchMPS's example)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the DeepSDF
auto-decoder and the MPS classifier (no short plan), the RBM at 3000 steps, and a tiny parser (embeddings 16,
encoder 32, arc MLPs 16, batch 8). Tried and dropped before any use: a DeepHit long plan (batch 16; within 0.5%
over 16x of LR); a ConvLSTM next-frame predictor (Shi et al. 2015; RMSprop) on moving blobs, 3.3-4.2 ms a step
at batch 8 on the shared cores and flat within 6% over 16x of LR (the unpredictable part of the frames
dominates); a VoxelMorph long plan (2.6 ms a step even at 8x8 and width 4: 8 s a long run); DeepSDF as a short
plan (seeds 5-17% apart at 300 steps); a BiLSTM encoder in the parser (4.8 ms a step).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (the parser's
biaffine weights start at zero, as Dozat & Manning's; the DeepSDF output layer starts at zero so the untrained SDF
is inside the clamp; the MPS cores start at the identity plus noise drawn from the seed). No loss draws random
numbers. The entrypoint is ``benchmarks/exam21_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam21/README.md).

    python benchmarks/exam21_workloads.py          # the table
    python benchmarks/exam21_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 21"


# --------------------------------------------------------------------------------------------------------------
# 1. deformable image registration, VoxelMorph-style, in 2-d (Adam)

RG_SIZE = 16


def _rg_grid(n: int, size: int) -> torch.Tensor:
    """The identity sampling grid of ``grid_sample`` (x, y in [-1, 1], align_corners=True), n copies."""
    g = torch.linspace(-1, 1, size)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    return torch.stack([xx, yy], -1).unsqueeze(0).expand(n, -1, -1, -1)


def _rg_warp(img: torch.Tensor, flow: torch.Tensor) -> torch.Tensor:
    """Warp ``img`` (B, 1, H, W) by a displacement field ``flow`` (B, 2, H, W) in pixels (x then y), bilinear, as
    VoxelMorph's spatial transformer."""
    size = img.shape[-1]
    grid = _rg_grid(len(img), size) + flow.permute(0, 2, 3, 1) * (2.0 / (size - 1))
    return F.grid_sample(img, grid, mode="bilinear", padding_mode="border", align_corners=True)


def _rg_pairs(n: int, gen: torch.Generator, size: int = RG_SIZE) -> tuple[torch.Tensor, torch.Tensor]:
    """(moving, fixed) pairs of 16x16 images: a smooth anatomy-like image (an elliptical body with two inner blobs of
    random size and brightness, and a dark stripe), the moving image the same anatomy under a random smooth
    deformation (a 4x4 field of displacements, sd 1.2 pixels, upsampled bicubically), each image with its own
    pixel noise (sd 0.03)."""
    g = torch.linspace(-1, 1, size)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    u = lambda *s: torch.rand(*s, 1, 1, generator=gen)  # noqa: E731
    cx, cy, ax, ay = 0.2 * u(n) - 0.1, 0.2 * u(n) - 0.1, 0.55 + 0.2 * u(n), 0.55 + 0.2 * u(n)
    body = torch.sigmoid((1 - ((xx - cx) / ax) ** 2 - ((yy - cy) / ay) ** 2) / 0.15)
    img = 0.6 * body
    for _ in range(2):
        bx, by, r, b = 0.8 * u(n) - 0.4, 0.8 * u(n) - 0.4, 0.1 + 0.15 * u(n), 0.3 + 0.5 * u(n)
        img = img + b * torch.exp(-((xx - bx) ** 2 + (yy - by) ** 2) / (2 * r ** 2)) * body
    ang = math.pi * u(n)
    img = img - 0.35 * torch.exp(-((xx * torch.cos(ang) + yy * torch.sin(ang)) ** 2) / 0.01) * body
    fixed = img.unsqueeze(1)
    coarse = 1.2 * (size / RG_SIZE) * torch.randn(n, 2, 4, 4, generator=gen)
    flow = F.interpolate(coarse, size=(size, size), mode="bicubic", align_corners=True)
    moving = _rg_warp(fixed, flow)
    fixed = fixed + 0.03 * torch.randn(fixed.shape, generator=gen)
    moving = moving + 0.03 * torch.randn(moving.shape, generator=gen)
    return moving, fixed


class RegUNet(nn.Module):
    """VoxelMorph's network in miniature: a one-level U-Net over the stacked (moving, fixed) pair (3x3 convs, a
    stride-2 conv down, LeakyReLU 0.2, nearest upsampling with skip concatenation), a final 3x3 conv to the
    2-channel displacement field (pixels) initialised N(0, 1e-5) with zero bias (as VoxelMorph's flow layer)."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        c = width
        act = lambda: nn.LeakyReLU(0.2)  # noqa: E731
        self.enc0 = nn.Sequential(nn.Conv2d(2, c, 3, padding=1), act())
        self.enc1 = nn.Sequential(nn.Conv2d(c, 2 * c, 3, stride=2, padding=1), act())
        self.dec0 = nn.Sequential(nn.Conv2d(3 * c, c, 3, padding=1), act())
        self.flow = nn.Conv2d(c, 2, 3, padding=1)
        nn.init.normal_(self.flow.weight, 0.0, 1e-5)
        nn.init.zeros_(self.flow.bias)

    def forward(self, moving: torch.Tensor, fixed: torch.Tensor) -> torch.Tensor:
        e0 = self.enc0(torch.cat([moving, fixed], 1))
        e1 = self.enc1(e0)
        return self.flow(self.dec0(torch.cat([F.interpolate(e1, scale_factor=2.0), e0], 1)))


def registration_loss(model: nn.Module, batch: Any, smooth: float = 0.01) -> torch.Tensor:
    """VoxelMorph's unsupervised loss: the MSE between the warped moving image and the fixed one plus ``smooth``
    times the mean squared spatial gradient of the displacement (finite differences); positive (the two images
    carry independent noise)."""
    moving, fixed = batch
    flow = model(moving, fixed)
    sim = F.mse_loss(_rg_warp(moving, flow), fixed)
    dx, dy = flow[:, :, :, 1:] - flow[:, :, :, :-1], flow[:, :, 1:] - flow[:, :, :-1]
    return sim + smooth * 0.5 * ((dx ** 2).mean() + (dy ** 2).mean())


def registration(batch_size: int = 8, seed: int = 0, train_size: int = 2048, width: int = 8, size: int = RG_SIZE
                 ) -> dict[str, Any]:
    """A VoxelMorph-style U-Net (8 base channels) registering 2048 pairs of 16x16 images; held out: 1024 other
    pairs; Adam (VoxelMorph's)."""
    gen = torch.Generator().manual_seed(21102)
    mv, fx = _rg_pairs(train_size + 1024, gen, size)
    tr = (mv[:train_size], fx[:train_size])
    torch.manual_seed(seed)
    return {"model": RegUNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((mv[train_size:], fx[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": registration_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. biaffine dependency parser (Adam with betas (0.9, 0.9))

DP_LEN, DP_CLASSES, DP_PER_CLASS = 10, 5, 8


def _dp_sentences(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sentences of 10 words with a dependency tree drawn by a small generative grammar: the words are placed in a
    random order, the first is the root (head 0) and each next attaches to an already placed word with probability
    falling with their distance (exp(-|i - j| / 1.5)); the root's class is drawn from a fixed preference, each
    dependent's class from a table given its head's class and side, its word (8 per class) half the time tied to
    its head's word (a lexical preference) and otherwise uniform. Returns word ids (1..40) and head positions (0 =
    the root, else 1..10)."""
    tg = torch.Generator().manual_seed(21401)
    root_p = torch.softmax(torch.randn(DP_CLASSES, generator=tg) * 2, 0)
    child_p = torch.softmax(torch.randn(DP_CLASSES, 2, DP_CLASSES, generator=tg) * 2, -1)  # head class, side
    tie = torch.randint(0, DP_PER_CLASS, (DP_CLASSES * DP_PER_CLASS, DP_CLASSES), generator=tg)
    order = torch.argsort(torch.rand(n, DP_LEN, generator=gen), 1)
    heads = torch.zeros(n, DP_LEN, dtype=torch.long)
    cls = torch.zeros(n, DP_LEN, dtype=torch.long)
    words = torch.zeros(n, DP_LEN, dtype=torch.long)
    placed = torch.zeros(n, DP_LEN, dtype=torch.bool)
    pos = torch.arange(DP_LEN).float()
    rows = torch.arange(n)
    for step in range(DP_LEN):
        i = order[:, step]
        if step == 0:
            c = torch.multinomial(root_p, n, replacement=True, generator=gen)
            w = c * DP_PER_CLASS + torch.randint(0, DP_PER_CLASS, (n,), generator=gen)
        else:
            weight = torch.exp(-(pos.unsqueeze(0) - i.unsqueeze(1).float()).abs() / 1.5) * placed
            h = torch.multinomial(weight, 1, generator=gen).squeeze(1)
            heads[rows, i] = h + 1
            hc, hw = cls[rows, h], words[rows, h]
            side = (h > i).long()
            c = torch.multinomial(child_p[hc, side], 1, generator=gen).squeeze(1)
            tied = torch.rand(n, generator=gen) < 0.5
            w = c * DP_PER_CLASS + torch.where(tied, tie[hw, c], torch.randint(0, DP_PER_CLASS, (n,), generator=gen))
        cls[rows, i], words[rows, i] = c, w
        placed[rows, i] = True
    return words + 1, heads


class BiaffineParser(nn.Module):
    """Dozat & Manning's (2017) biaffine arc scorer over a cheap encoder: word plus position embeddings, a tanh
    layer over each word's window of five (as the feed-forward parsers before BiLSTMs; a BiLSTM is too slow on one
    CPU thread here), ReLU MLPs to a dependent and a head representation of every word (a learned ROOT vector as
    position 0), the biaffine arc score s_ij = h_j^T U d_i + h_j^T u (U and u start at zero, as Dozat & Manning's),
    a softmax over every word's possible heads."""

    def __init__(self, emb: int = 32, hidden: int = 64, arc: int = 32, window: int = 2) -> None:
        super().__init__()
        self.window = window
        self.embed = nn.Embedding(DP_CLASSES * DP_PER_CLASS + 1, emb)
        self.pos = nn.Parameter(0.1 * torch.randn(DP_LEN, emb))
        self.encode = nn.Sequential(nn.Linear((2 * window + 1) * emb, hidden), nn.Tanh())
        self.root = nn.Parameter(torch.zeros(1, 1, hidden))
        self.dep = nn.Sequential(nn.Linear(hidden, arc), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(hidden, arc), nn.ReLU())
        self.U = nn.Parameter(torch.zeros(arc, arc))
        self.u = nn.Parameter(torch.zeros(arc))

    def forward(self, words: torch.Tensor) -> torch.Tensor:
        e = F.pad(self.embed(words) + self.pos, (0, 0, self.window, self.window))  # B, L + 2w, E (zero padding)
        x = self.encode(e.unfold(1, 2 * self.window + 1, 1).flatten(2))  # B, L, H
        d = self.dep(x)  # B, L, A
        h = self.head(torch.cat([self.root.expand(len(x), -1, -1), x], 1))  # B, L + 1, A
        return d @ self.U @ h.transpose(1, 2) + (h @ self.u).unsqueeze(1)  # B, L, L + 1


def arc_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of every word's gold head (a word may not head itself); positive (the trees are drawn)."""
    words, heads = batch
    scores = model(words)
    self_loop = torch.zeros(DP_LEN, DP_LEN + 1, dtype=torch.bool)
    self_loop[torch.arange(DP_LEN), torch.arange(DP_LEN) + 1] = True
    return F.cross_entropy(scores.masked_fill(self_loop, -1e9).flatten(0, 1), heads.flatten())


def biaffine_parser(batch_size: int = 32, seed: int = 0, train_size: int = 4096, emb: int = 32, hidden: int = 64,
                    arc: int = 32) -> dict[str, Any]:
    """A biaffine parser (embeddings 32, a window-of-5 tanh encoder of 64, arc MLPs 32) on 4096 sentences of 10
    words; held out: 2048 others; Adam with betas (0.9, 0.9) (Dozat & Manning's)."""
    gen = torch.Generator().manual_seed(21402)
    w, h = _dp_sentences(train_size + 2048, gen)
    tr = (w[:train_size], h[:train_size])
    torch.manual_seed(seed)
    return {"model": BiaffineParser(emb, hidden, arc), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((w[train_size:], h[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, betas=(0.9, 0.9)), "adam_b2_0.9"),
            "loss_fn": arc_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. restricted Boltzmann machine by exact likelihood (SGD with momentum)

RB_SIDE, RB_HIDDEN = 4, 8


def _rb_images(n: int, gen: torch.Generator) -> torch.Tensor:
    """4x4 binary 'bars and stripes' (MacKay): a random orientation, each row (or column) on with probability 0.5;
    every pixel then flipped with probability 0.05."""
    on = torch.rand(n, RB_SIDE, generator=gen) < 0.5
    vertical = torch.rand(n, 1, 1, generator=gen) < 0.5
    img = torch.where(vertical, on.unsqueeze(1).expand(-1, RB_SIDE, -1), on.unsqueeze(2).expand(-1, -1, RB_SIDE))
    flip = torch.rand(n, RB_SIDE, RB_SIDE, generator=gen) < 0.05
    return (img ^ flip).float().flatten(1)


class RBM(nn.Module):
    """A binary RBM (16 visible, 8 hidden units), W ~ N(0, 0.01^2) and zero biases (Hinton's practical guide); the
    exact log partition function by summing the hidden units' 256 states out analytically over the visible ones."""

    def __init__(self, visible: int = RB_SIDE * RB_SIDE, hidden: int = RB_HIDDEN) -> None:
        super().__init__()
        self.W = nn.Parameter(0.01 * torch.randn(visible, hidden))
        self.b = nn.Parameter(torch.zeros(visible))
        self.c = nn.Parameter(torch.zeros(hidden))
        self.register_buffer("states", torch.cartesian_prod(*[torch.tensor([0.0, 1.0])] * hidden))  # 256, H

    def free_energy(self, v: torch.Tensor) -> torch.Tensor:
        return -v @ self.b - F.softplus(v @ self.W + self.c).sum(1)

    def log_z(self) -> torch.Tensor:
        return torch.logsumexp(self.states @ self.c + F.softplus(self.states @ self.W.t() + self.b).sum(1), 0)


def rbm_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The exact negative log-likelihood per example, F(v) + log Z (nats); positive (a probability mass)."""
    (v,) = batch
    return model.free_energy(v).mean() + model.log_z()


def rbm(batch_size: int = 16, seed: int = 0, train_size: int = 2000, hidden: int = RB_HIDDEN) -> dict[str, Any]:
    """An RBM with 8 hidden units on 2000 noisy 4x4 bars-and-stripes images; held out: 2048 others; SGD with
    momentum 0.9 (Hinton's guide)."""
    gen = torch.Generator().manual_seed(21502)
    x = _rb_images(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": RBM(hidden=hidden), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum"),
            "loss_fn": rbm_nll, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# 4. DeepHit discrete-time survival (Adam)

DH_FEATURES, DH_BINS = 8, 20


def _dh_patients(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Patients with 8 covariates; the event time is Weibull (shape 1.5) with a log scale non-linear in them (main
    effects, an interaction, a sine), censored by an independent exponential time (about a third of the rows) and
    at the horizon 3; times cut into 20 equal bins (as pycox's discretisation). Returns covariates, the bin of the
    observed time, and the event indicator."""
    tg = torch.Generator().manual_seed(21701)
    w = torch.randn(DH_FEATURES, generator=tg) * 0.4
    x = torch.randn(n, DH_FEATURES, generator=gen)
    log_scale = x @ w + 0.6 * x[:, 0] * x[:, 1] + 0.5 * torch.sin(2 * x[:, 2]) - 0.3 * x[:, 3] ** 2 + 0.3
    event_t = torch.exp(log_scale) * (-torch.log(torch.rand(n, generator=gen))) ** (1 / 1.5)
    censor_t = -torch.log(torch.rand(n, generator=gen)) / 0.25
    t = torch.minimum(event_t, censor_t)
    event = (event_t <= censor_t) & (t < 3.0)
    t = t.clamp(max=3.0)
    return x, (t / 3.0 * DH_BINS).long().clamp(max=DH_BINS - 1), event.float()


class DeepHitNet(nn.Module):
    """DeepHit's single-risk network (Lee et al. 2018, as pycox's DeepHitSingle): an MLP from the covariates to a
    logit per time bin, plus a fixed zero logit for 'after the horizon' (pycox's padding), softmaxed to a PMF."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(DH_FEATURES, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                                 nn.Linear(width, DH_BINS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        logits = self.mlp(x)
        return torch.log_softmax(torch.cat([logits, logits.new_zeros(len(x), 1)], 1), 1)


def deephit_loss(model: nn.Module, batch: Any, alpha: float = 0.2, sigma: float = 0.1) -> torch.Tensor:
    """pycox's DeepHitSingleLoss: alpha x the NLL of the PMF (an event: the log mass of its bin; censored: the log
    mass after its bin) + (1 - alpha) x the ranking loss, the mean over the batch's pairs of exp(-(F_i(t_i) -
    F_j(t_i)) / sigma) for every pair where i had its event first (t_i < t_j, or equal and j censored); positive."""
    x, b, e = batch
    logp = model(x)  # B, bins + 1
    after = torch.logcumsumexp(logp.flip(1), 1).flip(1)  # log mass from each bin on
    surv = torch.cat([after[:, 1:], logp.new_full((len(x), 1), -math.inf)], 1)  # log mass after each bin
    ll = torch.where(e.bool(), logp.gather(1, b.unsqueeze(1)).squeeze(1), surv.gather(1, b.unsqueeze(1)).squeeze(1))
    cdf = logp.exp().cumsum(1)  # B, bins + 1
    at = cdf[:, b]  # [j, i] = F_j(t_i)
    diff = at.diagonal().unsqueeze(1) - at.t()  # [i, j] = F_i(t_i) - F_j(t_i)
    first = (b.unsqueeze(1) < b.unsqueeze(0)) | ((b.unsqueeze(1) == b.unsqueeze(0)) & (e.unsqueeze(0) == 0))
    rank = (first & e.bool().unsqueeze(1)).float() * torch.exp(-diff / sigma)
    return alpha * -ll.mean() + (1 - alpha) * rank.mean()


def deephit(batch_size: int = 32, seed: int = 0, train_size: int = 4000, width: int = 32) -> dict[str, Any]:
    """DeepHit (an MLP 8-32-32-20) on 4000 censored patients; held out: 2048 others; Adam (DeepHit's and pycox's)."""
    gen = torch.Generator().manual_seed(21702)
    x, b, e = _dh_patients(train_size + 2048, gen)
    tr = (x[:train_size], b[:train_size], e[:train_size])
    torch.manual_seed(seed)
    return {"model": DeepHitNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], b[train_size:], e[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": deephit_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. DeepSDF auto-decoder on 2-d shapes (Adam; a long plan only)

SD_SHAPES, SD_CLAMP = 16, 0.1


def _sd_samples(n_per: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """16 shapes, each the union of a disc and a rotated box (random centres, sizes, angle) by the exact min of
    their signed distances; per shape ``n_per`` points, 80% near the surface (a uniform point pushed along the
    gradient onto the zero set, then perturbed by N(0, 0.05^2) as DeepSDF samples) and 20% uniform in [-1, 1]^2."""
    tg = torch.Generator().manual_seed(21301)
    s = SD_SHAPES
    dc, dr = 0.5 * torch.rand(s, 2, generator=tg) - 0.25, 0.2 + 0.25 * torch.rand(s, generator=tg)
    bc, bh = 0.6 * torch.rand(s, 2, generator=tg) - 0.3, 0.1 + 0.3 * torch.rand(s, 2, generator=tg)
    ba = math.pi * torch.rand(s, generator=tg)

    def sdf(k: torch.Tensor, p: torch.Tensor) -> torch.Tensor:
        disc = (p - dc[k]).norm(dim=-1) - dr[k]
        c, sn = torch.cos(ba[k]), torch.sin(ba[k])
        d = p - bc[k]
        q = torch.stack([d[:, 0] * c + d[:, 1] * sn, -d[:, 0] * sn + d[:, 1] * c], 1).abs() - bh[k]
        box = q.clamp(min=0).norm(dim=-1) + q.max(1).values.clamp(max=0)
        return torch.minimum(disc, box)

    k = torch.arange(s).repeat_interleave(n_per)
    p = 2 * torch.rand(len(k), 2, generator=gen) - 1
    near = torch.rand(len(k), generator=gen) < 0.8
    for _ in range(3):  # Newton-like steps onto the surface for the near-surface points
        q = p.clone().requires_grad_(True)
        d = sdf(k, q)
        (grad,) = torch.autograd.grad(d.sum(), q)
        p = torch.where(near.unsqueeze(1), (q - d.unsqueeze(1) * grad).detach(), p)
    p = torch.where(near.unsqueeze(1), p + 0.05 * torch.randn(p.shape, generator=gen), p).clamp(-1, 1)
    return k, p, sdf(k, p).detach()


class AutoDecoder(nn.Module):
    """DeepSDF's auto-decoder: a latent code per shape (an embedding, initialised N(0, 1/latent) as DeepSDF's code
    does), an MLP on [code, x, y] (ReLU; tanh on the output)."""

    def __init__(self, latent: int = 8, width: int = 64, depth: int = 3) -> None:
        super().__init__()
        self.codes = nn.Embedding(SD_SHAPES, latent)
        nn.init.normal_(self.codes.weight, 0.0, 1.0 / math.sqrt(latent))
        layers: list[nn.Module] = []
        d = latent + 2
        for _ in range(depth):
            layers += [nn.Linear(d, width), nn.ReLU()]
            d = width
        out = nn.Linear(d, 1)
        nn.init.zeros_(out.weight)  # the untrained SDF is 0 everywhere, inside the clamp (else the clamp can stall it)
        nn.init.zeros_(out.bias)
        self.mlp = nn.Sequential(*layers, out, nn.Tanh())

    def forward(self, k: torch.Tensor, p: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        z = self.codes(k)
        return self.mlp(torch.cat([z, p], 1)).squeeze(-1), z


def deepsdf_loss(model: nn.Module, batch: Any, code_reg: float = 1e-4) -> torch.Tensor:
    """DeepSDF's loss: the L1 error of the SDF, both clamped to [-0.1, 0.1], plus 1e-4 times the squared norm of the
    batch's codes; positive."""
    k, p, s = batch
    pred, z = model(k, p)
    l1 = (pred.clamp(-SD_CLAMP, SD_CLAMP) - s.clamp(-SD_CLAMP, SD_CLAMP)).abs().mean()
    return l1 + code_reg * (z ** 2).sum(1).mean()


def deepsdf(batch_size: int = 64, seed: int = 0, per_shape: int = 256, latent: int = 8, width: int = 64,
            depth: int = 3) -> dict[str, Any]:
    """A DeepSDF auto-decoder (8-d codes, an MLP of ``depth`` x ``width``) on ``per_shape`` SDF samples of each of 16
    shapes; held out: 64 other samples of each shape (the same codes); Adam (DeepSDF's)."""
    gen = torch.Generator().manual_seed(21302)
    k, p, s = _sd_samples(per_shape + 64, gen)
    per = per_shape + 64
    train = (torch.arange(len(k)) % per) < per_shape
    tr = (k[train], p[train], s[train])
    torch.manual_seed(seed)
    return {"model": AutoDecoder(latent, width, depth), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((k[~train], p[~train], s[~train]), 768),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": deepsdf_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. matrix product state (tensor-train) classifier (Adam; a long plan only)

MP_SITES, MP_CLASSES = 8, 4


def _mp_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """12 features in [0, 1]; the class (4) drawn from the softmax of a fixed random two-layer teacher's logits
    (tanh, 24 units, logits scaled by 5), so the labels are noisy."""
    tg = torch.Generator().manual_seed(21601)
    w1, w2 = torch.randn(MP_SITES, 24, generator=tg) * 0.9, torch.randn(24, MP_CLASSES, generator=tg) * 0.6
    x = torch.rand(n, MP_SITES, generator=gen)
    logits = 5.0 * torch.tanh((x - 0.5) @ w1 * 2) @ w2
    y = torch.multinomial(torch.softmax(logits, 1), 1, generator=gen).squeeze(1)
    return x, y


class MPSClassifier(nn.Module):
    """A matrix product state (Stoudenmire & Schwab 2016) over 12 sites, bond dimension 8, each feature mapped to
    the local vector [1 - x, x] (TorchMPS's default map), the label index on a core in the middle; the chain is
    contracted from both ends to it. Cores start at the identity for both local components plus N(0, 0.05^2) noise
    (so the untrained chain neither explodes nor vanishes; TorchMPS initialises near the identity too)."""

    def __init__(self, bond: int = 8, noise: float = 0.05) -> None:
        super().__init__()
        eye = torch.eye(bond).unsqueeze(1).expand(-1, 2, -1)  # l, p, r
        self.cores = nn.Parameter(eye.unsqueeze(0).repeat(MP_SITES, 1, 1, 1) + noise * torch.randn(MP_SITES, bond, 2,
                                                                                                    bond))
        self.label = nn.Parameter(torch.eye(bond).unsqueeze(1).repeat(1, MP_CLASSES, 1)
                                  + noise * torch.randn(bond, MP_CLASSES, bond))
        self.register_buffer("left", torch.ones(bond) / math.sqrt(bond))
        self.register_buffer("right", torch.ones(bond) / math.sqrt(bond))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        s, d = MP_SITES, self.label.shape[0]
        phi = torch.stack([1 - x, x], -1).transpose(0, 1)  # S, B, 2
        mats = torch.bmm(phi, self.cores.permute(0, 2, 1, 3).reshape(s, 2, d * d)).view(s, len(x), d, d)
        v, w = self.left.view(1, 1, -1).expand(len(x), -1, -1), self.right.view(1, -1, 1).expand(len(x), -1, -1)
        for k in range(s // 2):
            v = torch.bmm(v, mats[k])
        for k in reversed(range(s // 2, s)):
            w = torch.bmm(mats[k], w)
        return ((v.squeeze(1) @ self.label.reshape(d, -1)).view(len(x), -1, d) * w.transpose(1, 2)).sum(-1)


def mps_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy of the class; positive (the labels are drawn)."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def mps_classifier(batch_size: int = 16, seed: int = 0, train_size: int = 4000, bond: int = 8) -> dict[str, Any]:
    """An MPS classifier (12 sites, bond 8) on 4000 rows; held out: 2048 others; Adam (as TorchMPS's example)."""
    gen = torch.Generator().manual_seed(21602)
    x, y = _mp_rows(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": MPSClassifier(bond), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mps_ce, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("voxelmorph_adam", registration, 300, "deformable_image_registration", "adam", "finite", 8, seconds=1.0,
      start_lr=0.008),
    W("biaffine_adam", biaffine_parser, 300, "biaffine_dependency_parser", "adam_b2_0.9", "finite", 32, seconds=0.8,
      start_lr=0.008),
    W("rbm_sgd", rbm, 300, "restricted_boltzmann_machine", "sgd_momentum", "finite", 16, seconds=0.3,
      start_lr=0.4),
    W("deephit_adam", deephit, 300, "deephit_discrete_time_survival", "adam", "finite", 32, seconds=0.7,
      start_lr=0.016),
)
LONG = (
    W("mps_adam@long", mps_classifier, 3000, "matrix_product_state", "adam", "finite", 16, seconds=3.5,
      start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("deepsdf_adam@long", deepsdf, 3000, "deepsdf_auto_decoder", "adam", "finite", 16,
      dict(per_shape=128, width=64, depth=2), seconds=4.0, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("rbm_sgd@long", rbm, 3000, "restricted_boltzmann_machine", "sgd_momentum", "finite", 16, seconds=2.5,
      start_lr=0.1, grid_fractions=(0.0, 0.05), long_of="rbm_sgd"),
    W("biaffine_adam@long", biaffine_parser, 3000, "biaffine_dependency_parser", "adam_b2_0.9", "finite", 8,
      dict(emb=16, hidden=32, arc=16), seconds=3.5, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="biaffine_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam21_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-first exam's workloads")
