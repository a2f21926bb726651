"""The twentieth exam: six more workload families that neither the suite nor the first nineteen exams have.

Same rules as exams 1-19 (``exam_workloads.py`` ... ``exam19_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam19_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 19's own
(direct preference optimisation, learned lossy compression, nnPU, sliced-Wasserstein autoencoder, SVGP, TasteNet
discrete choice).

Families and optimisers (see ``EXAM`` below for batch, length and data regime):

- TabTransformer (Huang et al. 2020): embeddings of six categorical columns contextualised by two post-LN
  Transformer encoder layers (as in Vaswani et al. and the paper: attention, add, LayerNorm, a ReLU feed-forward of
  4x, add, LayerNorm; no dropout), flattened and concatenated with the layer-normed continuous features, an MLP
  head, binary cross-entropy on labels drawn from a teacher with categorical interactions; AdamW (torch defaults,
  weight decay 0.01)
- Deep Interest Network (DIN, Zhou et al. 2018): item and category embeddings of a user's behaviour history
  weighted by a local activation unit (an MLP on [h, a, h - a, h * a] for history item h and candidate a, PReLU,
  no softmax), sum-pooled, an MLP over the pooled interest and the candidate, click binary cross-entropy on
  impressions drawn from users with two favourite categories; plain SGD (the paper's)
- heatmap keypoint regression (a one-level stacked-hourglass-style net, Newell et al. 2016): a conv, a max pool
  down, a conv and a nearest upsample back added to the skip, a conv and a 1x1 conv to one heatmap per keypoint, the
  per-pixel MSE against Gaussian heatmaps (sd 1 pixel) of the two ends of a noisy rendered arrow with a distractor
  blob, 12x12 images; RMSprop (the paper's; torch defaults)
- 2-d Gaussian splatting (image fitting as in GaussianImage, Zhang et al. 2024): anisotropic 2-d Gaussians (mean,
  log scales, rotation, RGB colour) summed at a point (accumulated summation, no alpha blending), MSE of the colour
  at noisy samples of a procedural image, held out: other points of the same image; Adam with eps 1e-15 (3D
  Gaussian splatting's)
- calibrated lattice model (TensorFlow Lattice style, Gupta et al. 2016; a long plan only): a piecewise-linear
  calibrator per feature (8 keypoints; monotone where the feature is declared monotone, by cumulative softplus
  increments), a 3^4 lattice by multilinear interpolation, MSE on a noisy regression monotone in three of the four
  features; Adagrad (TFL 1.x's estimators')
- random sum-product network (RAT-SPN, Peharz et al. 2019; a long plan only): four repetitions of a random binary
  region split of 16 binary variables (fixed by the model's own structure generator), factorised Bernoulli leaves,
  sum and product layers in log space, the negative log-likelihood per example of binary vectors drawn from a
  hidden latent-class chain model; Adam (the paper's)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the calibrated lattice
and the SPN (no short plan), and tiny versions of DIN (embeddings 4 + 4, batch 8) and the Gaussian splatting (16
Gaussians started on a 4 x 4 grid, batch 16; its first version, started at random like the short plan, had seeds
10-30% apart near its best in the first grid pass, so it was changed and its grid re-run before any use). Tried and dropped before any use: a DDSP harmonic synthesiser (Engel et al. 2020; a per-frame
MLP driving an additive sine synthesiser, multi-scale spectral loss, Adam) at 5.9-6.3 ms a step (1.8-1.9 s a short
run) even at batch 8, its STFTs too slow on one thread here; ``nn.TransformerEncoderLayer`` in the TabTransformer
(7.7 ms a step) was replaced by the hand-written post-LN layer above (4.7 ms).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (the lattice
and the long splatting plan are initialised deterministically, so their seed varies the batch order only; the
SPN's region graph is fixed, its weights are drawn from the seed).
No loss draws random numbers. The entrypoint is ``benchmarks/exam20_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam20/README.md).

    python benchmarks/exam20_workloads.py          # the table
    python benchmarks/exam20_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 20"


def bce_logits_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy of the model's logit; positive (the labels are drawn, so never certain)."""
    *x, y = batch
    return F.binary_cross_entropy_with_logits(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. TabTransformer: post-LN Transformer layers over categorical column embeddings (AdamW)

TT_CARD, TT_CONT = (6, 8, 5, 10, 4, 7), 4


def _tt_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tabular rows: six categorical columns, four continuous ones; the label's logit has main effects of every
    column, interactions of three column pairs (random tables), a continuous x categorical interaction and a
    quadratic term; the label is drawn from it (so the Bayes NLL is well above 0)."""
    tg = torch.Generator().manual_seed(20101)
    main = [torch.randn(c, generator=tg) * 0.6 for c in TT_CARD]
    pairs = ((0, 1), (2, 3), (4, 5))
    inter = [torch.randn(TT_CARD[a], TT_CARD[b], generator=tg) * 1.2 for a, b in pairs]
    w = torch.randn(TT_CONT, generator=tg) * 0.5
    cats = torch.stack([torch.randint(0, c, (n,), generator=gen) for c in TT_CARD], 1)
    cont = torch.randn(n, TT_CONT, generator=gen)
    logit = sum(m[cats[:, i]] for i, m in enumerate(main)) + cont @ w
    logit = logit + sum(t[cats[:, a], cats[:, b]] for t, (a, b) in zip(inter, pairs))
    logit = logit + cont[:, 0] * (cats[:, 3] % 3 - 1).float() - 0.4 * cont[:, 1] ** 2 + 0.4
    y = (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()
    return cats, cont, y


class PostLNBlock(nn.Module):
    """A Transformer encoder layer as in Vaswani et al. (and the TabTransformer paper): multi-head self-attention,
    add, LayerNorm, a ReLU feed-forward of 4x the width, add, LayerNorm (post-LN; no dropout)."""

    def __init__(self, dim: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.qkv, self.proj = nn.Linear(dim, 3 * dim), nn.Linear(dim, dim)
        self.ff = nn.Sequential(nn.Linear(dim, 4 * dim), nn.ReLU(), nn.Linear(4 * dim, dim))
        self.norm1, self.norm2 = nn.LayerNorm(dim), nn.LayerNorm(dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape
        q, k, v = self.qkv(x).view(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // self.heads), -1)
        x = self.norm1(x + self.proj((att @ v).transpose(1, 2).reshape(b, n, d)))
        return self.norm2(x + self.ff(x))


class TabTransformer(nn.Module):
    """Column embeddings (one table, each column's ids offset), ``depth`` post-LN Transformer layers, the
    contextual embeddings flattened and joined with the layer-normed continuous features, an MLP (4x and 2x the
    input's width in the paper; 64 and 32 here)."""

    def __init__(self, dim: int = 16, depth: int = 2, heads: int = 2) -> None:
        super().__init__()
        self.register_buffer("offsets", torch.tensor([0, *TT_CARD[:-1]]).cumsum(0))
        self.embed = nn.Embedding(sum(TT_CARD), dim)
        self.encoder = nn.Sequential(*[PostLNBlock(dim, heads) for _ in range(depth)])
        self.cont_norm = nn.LayerNorm(TT_CONT)
        self.head = nn.Sequential(nn.Linear(len(TT_CARD) * dim + TT_CONT, 64), nn.ReLU(), nn.Linear(64, 32),
                                  nn.ReLU(), nn.Linear(32, 1))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = self.encoder(self.embed(cats + self.offsets)).flatten(1)
        return self.head(torch.cat([h, self.cont_norm(cont)], 1)).squeeze(-1)


def tab_transformer(batch_size: int = 64, seed: int = 0, train_size: int = 4096, dim: int = 16, depth: int = 2
                    ) -> dict[str, Any]:
    """A TabTransformer (two post-LN layers of width 16, two heads) on 4096 rows; held out: 2048 others; AdamW."""
    gen = torch.Generator().manual_seed(20102)
    c, x, y = _tt_rows(train_size + 2048, gen)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TabTransformer(dim, depth), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": bce_logits_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. Deep Interest Network: attention over a behaviour history for click prediction (plain SGD)

DIN_ITEMS, DIN_CATS, DIN_HIST = 200, 20, 10


def _din_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Impressions: a user with two favourite categories has a history of 3-10 items (ids 1-200; 0 pads), 80% of
    them from the favourites; the candidate is from a favourite half the time. The click's logit rises with the
    share of the history in the candidate's category, the candidate's hidden quality, and whether the candidate
    complements (a fixed random pairing) an item in the history."""
    tg = torch.Generator().manual_seed(20201)
    quality = torch.randn(DIN_ITEMS + 1, generator=tg)
    complement = torch.randint(1, DIN_ITEMS + 1, (DIN_ITEMS + 1,), generator=tg)
    cat_of = torch.arange(DIN_ITEMS + 1) % DIN_CATS + 1  # item i's category (1..20); padding maps to 1, masked
    per_cat = DIN_ITEMS // DIN_CATS

    def item_in(cat: torch.Tensor) -> torch.Tensor:  # a random item of category cat (1..20)
        item = (cat - 1) + DIN_CATS * torch.randint(0, per_cat, cat.shape, generator=gen)
        return torch.where(item == 0, torch.full_like(item, DIN_ITEMS), item)  # item 200 is category 1's too

    fav = torch.stack([torch.randint(1, DIN_CATS + 1, (n,), generator=gen) for _ in range(2)], 1)
    pick = torch.randint(0, 2, (n, DIN_HIST), generator=gen)
    from_fav = torch.rand(n, DIN_HIST, generator=gen) < 0.8
    hcat = torch.where(from_fav, fav.gather(1, pick), torch.randint(1, DIN_CATS + 1, (n, DIN_HIST), generator=gen))
    hist = item_in(hcat)
    length = torch.randint(3, DIN_HIST + 1, (n, 1), generator=gen)
    hist = torch.where(torch.arange(DIN_HIST) < length, hist, torch.zeros_like(hist))
    ccat = torch.where(torch.rand(n, generator=gen) < 0.5, fav[:, 0], torch.randint(1, DIN_CATS + 1, (n,),
                                                                                    generator=gen))
    cand = item_in(ccat)
    mask = hist > 0
    share = ((cat_of[hist] == cat_of[cand].unsqueeze(1)) & mask).float().sum(1) / mask.float().sum(1)
    comp = ((complement[hist] == cand.unsqueeze(1)) & mask).any(1).float()
    logit = 6.0 * share + 1.5 * quality[cand] + 2.5 * comp - 3.0
    y = (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()
    return hist, cat_of[hist] * mask, cand, cat_of[cand], y


class DIN(nn.Module):
    """Item and category embeddings (id 0 pads), the local activation unit (an MLP with PReLU on [h, a, h - a,
    h * a], a weight per history item, padding masked, no softmax: DIN's sum pooling), an MLP with PReLU over the
    pooled interest and the candidate."""

    def __init__(self, emb: int = 8, att: int = 16, hidden: int = 32) -> None:
        super().__init__()
        self.item = nn.Embedding(DIN_ITEMS + 1, emb, padding_idx=0)
        self.cat = nn.Embedding(DIN_CATS + 1, emb, padding_idx=0)
        d = 2 * emb
        self.attention = nn.Sequential(nn.Linear(4 * d, att), nn.PReLU(), nn.Linear(att, 1))
        self.mlp = nn.Sequential(nn.Linear(2 * d, hidden), nn.PReLU(), nn.Linear(hidden, hidden // 2), nn.PReLU(),
                                 nn.Linear(hidden // 2, 1))

    def forward(self, hist: torch.Tensor, hcat: torch.Tensor, cand: torch.Tensor, ccat: torch.Tensor
                ) -> torch.Tensor:
        h = torch.cat([self.item(hist), self.cat(hcat)], -1)  # B, L, d
        a = torch.cat([self.item(cand), self.cat(ccat)], -1).unsqueeze(1).expand_as(h)
        w = self.attention(torch.cat([h, a, h - a, h * a], -1)) * (hist > 0).unsqueeze(-1).float()
        interest = (w * h).sum(1)
        return self.mlp(torch.cat([interest, a[:, 0]], -1)).squeeze(-1)


def din(batch_size: int = 32, seed: int = 0, train_size: int = 4096, emb: int = 8, att: int = 16, hidden: int = 32
        ) -> dict[str, Any]:
    """DIN (embeddings 8 + 8, attention MLP 64-16-1, MLP 32-32-16-1) on 4096 impressions; held out: 2048 others;
    plain SGD."""
    gen = torch.Generator().manual_seed(20202)
    rows = _din_rows(train_size + 2048, gen)
    tr = tuple(t[:train_size] for t in rows)
    torch.manual_seed(seed)
    return {"model": DIN(emb, att, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in rows), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": bce_logits_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. heatmap keypoint regression with a one-level hourglass (RMSprop)

KP_SIZE, KP_SIGMA = 12, 1.0


def _gauss(cx: torch.Tensor, cy: torch.Tensor, sigma: float) -> torch.Tensor:
    g = torch.arange(KP_SIZE).float()
    return torch.exp(-((g.view(1, KP_SIZE, 1) - cy.view(-1, 1, 1)) ** 2
                       + (g.view(1, 1, KP_SIZE) - cx.view(-1, 1, 1)) ** 2) / (2 * sigma ** 2))


def _kp_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Images of an arrow: a faint line from its tail to its head (length 4-7 pixels, any direction), a bright blob
    at the head, a distractor blob of random brightness elsewhere, pixel noise sd 0.15. Targets: a Gaussian heatmap
    (sd 1 pixel) at the head and one at the tail."""
    head = 2 + (KP_SIZE - 5) * torch.rand(n, 2, generator=gen)
    ang = 2 * math.pi * torch.rand(n, generator=gen)
    length = 4 + 3 * torch.rand(n, generator=gen)
    tail = (head + length.unsqueeze(1) * torch.stack([torch.cos(ang), torch.sin(ang)], 1)).clamp(0.5, KP_SIZE - 1.5)
    img = torch.zeros(n, KP_SIZE, KP_SIZE)
    for s in torch.linspace(0, 1, 9):
        p = head + s * (tail - head)
        img = torch.maximum(img, 0.5 * _gauss(p[:, 0], p[:, 1], 0.6))
    img = img + _gauss(head[:, 0], head[:, 1], 0.9)
    d = KP_SIZE * torch.rand(n, 2, generator=gen)
    img = img + (0.3 + 0.6 * torch.rand(n, 1, 1, generator=gen)) * _gauss(d[:, 0], d[:, 1], 0.8)
    img = img + 0.15 * torch.randn(n, KP_SIZE, KP_SIZE, generator=gen)
    heat = torch.stack([_gauss(head[:, 0], head[:, 1], KP_SIGMA), _gauss(tail[:, 0], tail[:, 1], KP_SIGMA)], 1)
    return img.unsqueeze(1), heat


class Hourglass(nn.Module):
    """One hourglass level: a 3x3 conv at full resolution (kept as the skip), a 2x2 max pool, a conv at half
    resolution, a nearest 2x upsample added to the skip, a conv, a 1x1 conv to the heatmaps (ReLU; no batch norm
    at this size)."""

    def __init__(self, width: int = 8, points: int = 2) -> None:
        super().__init__()
        c = width
        self.stem = nn.Sequential(nn.Conv2d(1, c, 3, padding=1), nn.ReLU())
        self.low = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(c, c, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2))
        self.out = nn.Sequential(nn.Conv2d(c, c, 3, padding=1), nn.ReLU(), nn.Conv2d(c, points, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        return self.out(h + self.low(h))


def heatmap_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The per-pixel MSE between predicted and target heatmaps (as the stacked-hourglass code); positive."""
    img, heat = batch
    return F.mse_loss(model(img), heat)


def keypoint_hourglass(batch_size: int = 16, seed: int = 0, train_size: int = 2048, width: int = 8
                       ) -> dict[str, Any]:
    """A one-level hourglass (8 channels) on 2048 arrow images of 12x12; held out: 1024 others; RMSprop."""
    gen = torch.Generator().manual_seed(20402)
    img, heat = _kp_images(train_size + 1024, gen)
    tr = (img[:train_size], heat[:train_size])
    torch.manual_seed(seed)
    return {"model": Hourglass(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((img[train_size:], heat[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": heatmap_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. 2-d Gaussian splatting: an image as a sum of anisotropic Gaussians (Adam, eps 1e-15)

GS_NOISE = 0.02


def _gs_image(xy: torch.Tensor) -> torch.Tensor:
    """A fixed procedural RGB image on the unit square: a sky-to-ground gradient, two soft discs, a ring and a
    tilted bar, with soft (not pixel-sharp) edges."""
    x, y = xy[:, 0], xy[:, 1]
    img = torch.stack([0.2 + 0.5 * y, 0.3 + 0.2 * y, 0.8 - 0.5 * y], 1)

    def paint(img: torch.Tensor, inside: torch.Tensor, colour: tuple[float, float, float]) -> torch.Tensor:
        return img + inside.unsqueeze(1) * (torch.tensor(colour) - img)

    soft = lambda d: torch.sigmoid(-d / 0.015)  # noqa: E731
    img = paint(img, soft(((x - 0.3) ** 2 + (y - 0.35) ** 2).sqrt() - 0.15), (0.9, 0.8, 0.1))
    img = paint(img, soft(((x - 0.72) ** 2 + (y - 0.7) ** 2).sqrt() - 0.12), (0.8, 0.2, 0.2))
    img = paint(img, soft((((x - 0.7) ** 2 + (y - 0.3) ** 2).sqrt() - 0.13).abs() - 0.03), (0.1, 0.6, 0.2))
    u = (x - 0.4) * 0.8 + (y - 0.75) * 0.6
    v = -(x - 0.4) * 0.6 + (y - 0.75) * 0.8
    return paint(img, soft(torch.maximum(u.abs() - 0.25, v.abs() - 0.04)), (0.95, 0.95, 0.95))


class GaussianSplat2d(nn.Module):
    """``n`` 2-d Gaussians, each a mean (in logit space of the unit square), log scales, a rotation and an RGB
    colour; a point's colour is the sum of every Gaussian's colour weighted by exp(-d^T Sigma^-1 d / 2) (accumulated
    summation, as GaussianImage renders, no alpha blending). ``init="random"``: means uniform at random, scales
    0.05; ``init="grid"`` (``n`` a square): means at the centres of a regular side x side grid, scales half its
    spacing. Colours start at 0."""

    def __init__(self, n: int = 48, init: str = "random") -> None:
        super().__init__()
        if init == "grid":
            side = round(math.sqrt(n))
            c = (torch.arange(side).float() + 0.5) / side
            self.mean = nn.Parameter(torch.logit(torch.cartesian_prod(c, c)))
            self.log_scale = nn.Parameter(torch.full((side * side, 2), math.log(0.5 / side)))
            n = side * side
        else:
            self.mean = nn.Parameter(torch.logit(torch.rand(n, 2).clamp(0.02, 0.98)))
            self.log_scale = nn.Parameter(torch.full((n, 2), math.log(0.05)))
        self.rot = nn.Parameter(torch.zeros(n))
        self.colour = nn.Parameter(torch.zeros(n, 3))

    def forward(self, xy: torch.Tensor) -> torch.Tensor:
        d = xy.unsqueeze(1) - torch.sigmoid(self.mean)  # B, N, 2
        c, s = torch.cos(self.rot), torch.sin(self.rot)
        u = (d[..., 0] * c + d[..., 1] * s) / self.log_scale[:, 0].exp()
        v = (-d[..., 0] * s + d[..., 1] * c) / self.log_scale[:, 1].exp()
        return torch.exp(-0.5 * (u * u + v * v)) @ self.colour


def splat_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE of the RGB colour at the sampled points; positive (pixel noise sd 0.02)."""
    xy, rgb = batch
    return F.mse_loss(model(xy), rgb)


def gaussian_splatting(batch_size: int = 64, seed: int = 0, train_size: int = 4096, gaussians: int = 48,
                       init: str = "random") -> dict[str, Any]:
    """48 Gaussians (placed at random) fitted to 4096 noisy colour samples at random points of the image; held out:
    2048 other points; Adam with eps 1e-15 (3D Gaussian splatting's)."""
    gen = torch.Generator().manual_seed(20702)
    xy = torch.rand(train_size + 2048, 2, generator=gen)
    rgb = _gs_image(xy) + GS_NOISE * torch.randn(len(xy), 3, generator=gen)
    tr = (xy[:train_size], rgb[:train_size])
    torch.manual_seed(seed)
    return {"model": GaussianSplat2d(gaussians, init), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((xy[train_size:], rgb[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, eps=1e-15), "adam_eps1e-15"),
            "loss_fn": splat_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. calibrated lattice model (Adagrad; a long plan only)

LT_DIM, LT_SIZE, LT_KEYS = 4, 3, 8
LT_MONOTONE = (True, True, True, False)


def _lt_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Four features in [0, 1] (two skewed); the response rises with the first three (a saturating one, an
    interaction of the second and third) and is a bump in the fourth; noise sd 0.25."""
    x = torch.rand(n, LT_DIM, generator=gen)
    x[:, 1] = x[:, 1] ** 2
    x[:, 2] = x[:, 2].sqrt()
    y = (2 * (1 - torch.exp(-4 * x[:, 0])) + 2.5 * x[:, 1] * x[:, 2] + 0.5 * x[:, 2]
         + torch.exp(-((x[:, 3] - 0.4) ** 2) / 0.05))
    return x, y + 0.25 * torch.randn(n, generator=gen)


class CalibratedLattice(nn.Module):
    """Per feature a piecewise-linear calibrator over 8 evenly spaced input keypoints whose outputs are
    parameters (monotone features: the first output plus cumulative softplus increments), clamped to the lattice's
    range [0, 2]; a 3^4 lattice of vertex values, multilinearly interpolated. Initialised as TFL does: calibrators
    linear over the lattice's range, lattice vertices linear in the coordinates over the response's range."""

    def __init__(self, y_min: float = 0.0, y_max: float = 6.0) -> None:
        super().__init__()
        self.register_buffer("keys", torch.linspace(0, 1, LT_KEYS))
        step = (LT_SIZE - 1) / (LT_KEYS - 1)
        raw = torch.full((LT_DIM, LT_KEYS), math.log(math.expm1(step)))
        raw[:, 0] = 0.0
        for i, mono in enumerate(LT_MONOTONE):
            if not mono:
                raw[i] = torch.linspace(0, LT_SIZE - 1, LT_KEYS)
        self.calib = nn.Parameter(raw)
        grid = torch.cartesian_prod(*[torch.arange(LT_SIZE).float()] * LT_DIM)  # V, D (first coordinate slowest)
        self.lattice = nn.Parameter(y_min + (y_max - y_min) * grid.sum(1) / (LT_DIM * (LT_SIZE - 1)))
        self.register_buffer("strides", torch.tensor([LT_SIZE ** (LT_DIM - 1 - i) for i in range(LT_DIM)]))
        self.register_buffer("corners", torch.cartesian_prod(*[torch.tensor([0, 1])] * LT_DIM))  # 16, D

    def calibrated(self, x: torch.Tensor) -> torch.Tensor:
        mono = torch.tensor(LT_MONOTONE)
        heights = torch.where(mono.unsqueeze(1),
                              torch.cat([self.calib[:, :1], F.softplus(self.calib[:, 1:])], 1).cumsum(1), self.calib)
        pos = (x * (LT_KEYS - 1)).clamp(0, LT_KEYS - 1 - 1e-6)
        lo = pos.floor().long()
        frac = pos - lo
        h = heights.unsqueeze(0).expand(len(x), -1, -1)
        out = h.gather(2, lo.unsqueeze(-1)).squeeze(-1) * (1 - frac) + h.gather(2, (lo + 1).unsqueeze(-1)).squeeze(-1) * frac
        return out.clamp(0, LT_SIZE - 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        c = self.calibrated(x)
        lo = c.floor().clamp(max=LT_SIZE - 2)
        frac = c - lo
        idx = ((lo.long().unsqueeze(1) + self.corners) * self.strides).sum(-1)  # B, 16
        w = torch.where(self.corners.bool(), frac.unsqueeze(1), 1 - frac.unsqueeze(1)).prod(-1)
        return (w * self.lattice[idx]).sum(-1)


def lattice_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """MSE of the response; positive (noise sd 0.25)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def calibrated_lattice(batch_size: int = 32, seed: int = 0, train_size: int = 4000) -> dict[str, Any]:
    """A calibrated 3^4 lattice on 4000 rows; held out: 2048 others; Adagrad. The initialisation is fixed (TFL's
    linear one), so the seed varies the batch order only."""
    gen = torch.Generator().manual_seed(20502)
    x, y = _lt_rows(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": CalibratedLattice(), "data": loader(x[:train_size], y[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": lattice_mse, "train_pool": (x[:train_size], y[:train_size])}


# --------------------------------------------------------------------------------------------------------------
# 6. random sum-product network on binary vectors (Adam; a long plan only)

SP_VARS, SP_CLASSES = 16, 6


def _sp_vectors(n: int, gen: torch.Generator) -> torch.Tensor:
    """Binary vectors of 16 variables from a hidden model: a latent class (6, unequal weights) sets each
    variable's base logit, and each variable also leans towards its predecessor's value (a chain)."""
    tg = torch.Generator().manual_seed(20601)
    prior = torch.softmax(torch.randn(SP_CLASSES, generator=tg), 0)
    base = torch.randn(SP_CLASSES, SP_VARS, generator=tg) * 1.5
    couple = torch.randn(SP_VARS, generator=tg) * 1.2
    z = torch.multinomial(prior, n, replacement=True, generator=gen)
    x = torch.zeros(n, SP_VARS)
    for i in range(SP_VARS):
        logit = base[z, i] + (couple[i] * (2 * x[:, i - 1] - 1) if i else 0.0)
        x[:, i] = (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()
    return x


class RatSPN(nn.Module):
    """RAT-SPN: per repetition a random permutation of the variables split in half twice (four leaf regions of four
    variables), ``leaves`` factorised Bernoulli distributions per leaf region, products of sibling regions' pairs
    of distributions, ``sums`` sum nodes per region, the two regions' products, and a root sum over every
    repetition's products; all in log space. The region graph is drawn once from the model's own generator (fixed,
    as in the paper's code); the weights and leaf logits are N(0, 1)."""

    def __init__(self, reps: int = 4, leaves: int = 4, sums: int = 4) -> None:
        super().__init__()
        sg = torch.Generator().manual_seed(20603)
        self.register_buffer("perm", torch.stack([torch.randperm(SP_VARS, generator=sg) for _ in range(reps)]))
        self.leaf = nn.Parameter(torch.randn(reps, SP_VARS, leaves))
        self.mid = nn.Parameter(torch.randn(reps, 2, leaves * leaves, sums))
        self.root = nn.Parameter(torch.randn(reps * sums * sums))

    def log_prob(self, x: torch.Tensor) -> torch.Tensor:
        b, (r, v, i) = len(x), self.leaf.shape
        xp = x[:, self.perm].unsqueeze(-1)  # B, R, V, 1
        lp = xp * F.logsigmoid(self.leaf) + (1 - xp) * F.logsigmoid(-self.leaf)  # B, R, V, I
        regions = lp.view(b, r, 4, v // 4, i).sum(3)  # B, R, 4, I
        prod = (regions[:, :, 0::2].unsqueeze(-1) + regions[:, :, 1::2].unsqueeze(-2)).flatten(-2)  # B, R, 2, I*I
        s = torch.logsumexp(prod.unsqueeze(-1) + self.mid.log_softmax(2), 3)  # B, R, 2, S
        top = (s[:, :, 0].unsqueeze(-1) + s[:, :, 1].unsqueeze(-2)).flatten(1)  # B, R*S*S
        return torch.logsumexp(top + self.root.log_softmax(0), 1)


def spn_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """The negative log-likelihood per example (nats); positive (a probability mass of a noisy binary vector)."""
    (x,) = batch
    return -model.log_prob(x).mean()


def rat_spn(batch_size: int = 32, seed: int = 0, train_size: int = 4000, reps: int = 4, leaves: int = 4,
            sums: int = 4) -> dict[str, Any]:
    """A RAT-SPN (4 repetitions, 4 leaves and 4 sums per region) on 4000 binary vectors; held out: 2048 others;
    Adam."""
    gen = torch.Generator().manual_seed(20602)
    x = _sp_vectors(train_size + 2048, gen)
    torch.manual_seed(seed)
    return {"model": RatSPN(reps, leaves, sums), "data": loader(x[:train_size], batch_size=batch_size),
            "eval_data": split_batches((x[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": spn_nll, "train_pool": (x[:train_size],)}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("tabtransformer_adamw", tab_transformer, 300, "tab_transformer", "adamw", "finite", 32, seconds=1.4,
      start_lr=0.004),
    W("din_sgd", din, 300, "deep_interest_network", "sgd", "finite", 32, seconds=0.55, start_lr=0.2),
    W("hourglass_rmsprop", keypoint_hourglass, 300, "heatmap_keypoint_regression", "rmsprop", "finite", 8,
      seconds=0.7, start_lr=0.002),
    W("splat2d_adam", gaussian_splatting, 300, "gaussian_splatting_2d", "adam_eps1e-15", "finite", 64,
      seconds=0.4, start_lr=0.032),
)
LONG = (
    W("lattice_adagrad@long", calibrated_lattice, 3000, "calibrated_lattice", "adagrad", "finite", 16, seconds=3.5,
      start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("ratspn_adam@long", rat_spn, 3000, "sum_product_network", "adam", "finite", 16, seconds=3.8, start_lr=0.016,
      grid_fractions=(0.0, 0.05)),
    W("din_sgd@long", din, 3000, "deep_interest_network", "sgd", "finite", 8, dict(emb=4, att=8, hidden=16),
      seconds=4.0, start_lr=0.2, grid_fractions=(0.0, 0.05), long_of="din_sgd"),
    W("splat2d_adam@long", gaussian_splatting, 3000, "gaussian_splatting_2d", "adam_eps1e-15", "finite", 16,
      dict(gaussians=16, init="grid"), seconds=4.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="splat2d_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam20_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twentieth exam's workloads")
