"""The fifty-second exam: six more workload families that neither the suite nor exams 1-50 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam50_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from postal logistics (mail
sorting), viticulture, racket sports analytics, cosmetics (sunscreen formulation), pulp and paper manufacturing and
art conservation (exam 51 was built at the same time from other domains; its module was not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam52/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- ZIP-code digit recognition with LeCun et al.'s (1989) network: 16 x 16 greyscale digits in [-1, 1], two strided
  5 x 5 convolutional layers of 12 maps (H1 8 x 8, H2 4 x 4; fully connected between maps instead of the
  original's partial connections), 30 hidden units, 10 outputs, all with LeCun's scaled tanh (1.7159 tanh(2x/3));
  the mean squared error against +-1 targets; digits drawn from stroke templates with random affine distortions,
  stroke widths, ink and scanner noise; plain SGD (the paper's stochastic gradient, without its diagonal
  Hessian step sizes)
- grapevine cold-hardiness (LT50) prediction with a GRU (after Saxena et al. 2023's multi-task RNN for grape
  cultivars): one GRU over a dormant season's daily weather, one linear head per cultivar, the mean squared error
  on the days with a differential-thermal-analysis measurement; seasons from a Ferguson et al. (2011)-style
  acclimation / deacclimation model with chilling-dependent deacclimation; Adam
- badminton stroke forecasting with ShuttleNet in miniature (Wang et al. 2022): each stroke's shot type, landing
  position and the hitter are embedded, a causal transformer encoder layer reads the rally so far, and the next
  stroke's shot type (cross-entropy) and landing position (bivariate Gaussian negative log-likelihood, ShuttleNet's
  loss) are predicted; rallies from a player-dependent Markov model; Adam (ShuttleNet's code, from memory)
- sunscreen SPF from the formulation with a feed-forward ANN: the concentrations of eight UV filters, the
  emollient polarity and the film former's level to the log in-vitro SPF and log UVA-PF; labels from Beer-Lambert
  absorbance bands through an irregular film (a fixed thickness-distribution quadrature), avobenzone's photo-
  instability (stabilised by octocrylene) and in-vitro measurement noise; RMSprop with Keras's rho 0.9
- kappa number of a kraft cook with a feed-forward ANN (a digester soft sensor; long plan only): effective alkali,
  sulfidity, temperature, time, chip thickness, density, liquor-to-wood ratio and the hardwood share to the kappa
  number; labels from Vroom's H-factor and a two-phase delignification model with chip-thickness diffusion limits
  and lab noise; SGD with Nesterov momentum 0.9
- virtual varnish removal of paintings with a small CNN (art conservation, after Maali Amiri & Messinger 2021;
  long plan only): a residual fully convolutional net maps an RGB image under an aged, yellowed varnish of uneven
  thickness to the cleaned image; MSE; Adam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the kappa ANN and the
varnish CNN (no short plans), LeNet on 7291 digits (USPS's training set size) instead of 2048 and the SPF ANN on
2048 formulations instead of 512.

Of the eight plans, three use plain Adam (the cold-hardiness GRU, ShuttleNet, the varnish CNN), two plain SGD
(both LeNet plans), two RMSprop (both SPF plans) and one SGD with Nesterov momentum (the kappa ANN).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam52_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam52/README.md).

    python benchmarks/exam52_workloads.py          # the table
    python benchmarks/exam52_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 52"


def _lecun_tanh(x: torch.Tensor) -> torch.Tensor:
    return 1.7159 * torch.tanh(2.0 * x / 3.0)


# --------------------------------------------------------------------------------------------------------------
# 1. ZIP-code digits with LeCun et al.'s 1989 network (plain SGD)

ZIP_SIZE = 16
# stroke templates of the ten digits (polylines in a unit box, y down); a digit's strokes are its consecutive pairs
_ZIP_STROKES: tuple[tuple[tuple[float, float], ...], ...] = (
    tuple((0.5 + 0.28 * math.sin(2 * math.pi * k / 8), 0.5 - 0.4 * math.cos(2 * math.pi * k / 8)) for k in range(9)),
    ((0.34, 0.27), (0.52, 0.1), (0.52, 0.9)),
    ((0.22, 0.3), (0.35, 0.12), (0.65, 0.12), (0.78, 0.3), (0.72, 0.48), (0.22, 0.9), (0.8, 0.9)),
    ((0.25, 0.15), (0.7, 0.12), (0.75, 0.3), (0.45, 0.5), (0.78, 0.68), (0.7, 0.88), (0.25, 0.88)),
    ((0.65, 0.9), (0.65, 0.1), (0.2, 0.65), (0.82, 0.65)),
    ((0.75, 0.12), (0.3, 0.12), (0.27, 0.45), (0.65, 0.45), (0.77, 0.65), (0.65, 0.88), (0.25, 0.85)),
    ((0.7, 0.12), (0.4, 0.3), (0.27, 0.6), (0.35, 0.85), (0.65, 0.88), (0.75, 0.68), (0.6, 0.52), (0.3, 0.6)),
    ((0.2, 0.12), (0.8, 0.12), (0.45, 0.9)),
    ((0.5, 0.5), (0.3, 0.3), (0.5, 0.1), (0.7, 0.3), (0.5, 0.5), (0.27, 0.7), (0.5, 0.9), (0.73, 0.7), (0.5, 0.5)),
    ((0.72, 0.4), (0.45, 0.48), (0.27, 0.3), (0.45, 0.12), (0.72, 0.25), (0.7, 0.55), (0.55, 0.9)),
)


def _zip_segments() -> tuple[torch.Tensor, torch.Tensor]:
    """The templates' segments padded to the longest digit: (10, S, 2, 2) end points and a (10, S) mask."""
    s = max(len(p) - 1 for p in _ZIP_STROKES)
    seg = torch.zeros(10, s, 2, 2)
    mask = torch.zeros(10, s, dtype=torch.bool)
    for d, pts in enumerate(_ZIP_STROKES):
        for k in range(len(pts) - 1):
            seg[d, k, 0], seg[d, k, 1] = torch.tensor(pts[k]), torch.tensor(pts[k + 1])
            mask[d, k] = True
    return seg, mask


def _zip_digits(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Handwritten-like ZIP-code digits as the USPS scans were given to LeCun et al.: 16 x 16, in [-1, 1] (ink
    +1). Each digit is a stroke template seen through a random affine map (rotation +-15 deg, shear +-0.3, scale
    0.75-1.1 per axis, a shift of +-0.1 of the box), drawn with a pen of random width (0.05-0.1 of the box) and
    ink (0.6-1), a smooth background, and scanner noise (sd 0.2). Returns (images (n, 1, 16, 16), labels)."""
    seg, mask = _zip_segments()
    y = torch.randint(0, 10, (n,), generator=gen)
    ang = math.radians(15) * (2 * torch.rand(n, generator=gen) - 1)
    shear = 0.3 * (2 * torch.rand(n, generator=gen) - 1)
    sx, sy = 0.75 + 0.35 * torch.rand(n, generator=gen), 0.75 + 0.35 * torch.rand(n, generator=gen)
    shift = 0.1 * (2 * torch.rand(n, 2, generator=gen) - 1)
    c, s = torch.cos(ang), torch.sin(ang)
    a = torch.stack([torch.stack([sx * c, sx * (shear * c - s)], 1), torch.stack([sy * s, sy * (shear * s + c)], 1)], 1)
    grid = (torch.arange(ZIP_SIZE).float() + 0.5) / ZIP_SIZE
    pix = torch.stack(torch.meshgrid(grid, grid, indexing="xy"), -1).view(-1, 2)  # (x, y)
    det = a[:, 0, 0] * a[:, 1, 1] - a[:, 0, 1] * a[:, 1, 0]
    inv = torch.stack([torch.stack([a[:, 1, 1], -a[:, 0, 1]], 1), torch.stack([-a[:, 1, 0], a[:, 0, 0]], 1)], 1)
    q = (pix.unsqueeze(0) - 0.5 - shift.unsqueeze(1)) @ (inv / det.view(-1, 1, 1)).transpose(1, 2) + 0.5
    p0, p1 = seg[y, :, 0], seg[y, :, 1]  # n, S, 2
    d = p1 - p0
    t = (((q.unsqueeze(2) - p0.unsqueeze(1)) * d.unsqueeze(1)).sum(-1) / (d * d).sum(-1).clamp_min(1e-6).unsqueeze(1))
    t = t.clamp(0, 1)
    near = p0.unsqueeze(1) + t.unsqueeze(-1) * d.unsqueeze(1)
    dist = (q.unsqueeze(2) - near).norm(dim=-1).masked_fill(~mask[y].unsqueeze(1), 9.0).min(2).values  # n, pixels
    width = 0.05 + 0.05 * torch.rand(n, 1, generator=gen)
    ink = (0.6 + 0.4 * torch.rand(n, 1, generator=gen)) * torch.sigmoid((width - dist) / 0.025)
    bg = 0.1 * torch.rand(n, 1, generator=gen) * (pix[:, :1].T - 0.5)
    img = -1 + 2 * ink + bg + 0.2 * torch.randn(n, ZIP_SIZE * ZIP_SIZE, generator=gen)
    return img.clamp(-1, 1).view(n, 1, ZIP_SIZE, ZIP_SIZE), y


class ZipNet1989(nn.Module):
    """LeCun et al.'s (1989) ZIP-code network: H1 = 12 maps of 8 x 8 (5 x 5 kernels, stride 2), H2 = 12 maps of
    4 x 4 (5 x 5, stride 2; all maps connected here, 8 of 12 in the paper), H3 = 30 units, 10 outputs; the scaled
    tanh everywhere."""

    def __init__(self) -> None:
        super().__init__()
        self.h1 = nn.Conv2d(1, 12, 5, stride=2, padding=2)
        self.h2 = nn.Conv2d(12, 12, 5, stride=2, padding=2)
        self.h3 = nn.Linear(12 * 4 * 4, 30)
        self.out = nn.Linear(30, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = _lecun_tanh(self.h1(x))
        h = _lecun_tanh(self.h2(h))
        h = _lecun_tanh(self.h3(h.flatten(1)))
        return _lecun_tanh(self.out(h))


def zip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The 1989 paper's criterion: the mean squared error of the ten outputs against +1 for the true digit and -1
    for the others."""
    x, y = batch
    target = 2 * F.one_hot(y, 10).float() - 1
    return F.mse_loss(model(x), target)


def zip_lenet(batch_size: int = 16, seed: int = 0, train_size: int = 2048, test_size: int = 1024) -> dict[str, Any]:
    """The 1989 network on 2048 ZIP-code digits; held out: 1024 other digits in batches of 512; plain SGD."""
    gen = torch.Generator().manual_seed(52101)
    x, y = _zip_digits(train_size + test_size, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ZipNet1989(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": zip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. grapevine cold hardiness with a multi-head GRU (Adam)

CH_DAYS, CH_CULTIVARS = 56, 4
# per cultivar: hardiness at the season's start and its maximum (deg C below zero), the acclimation threshold and
# rate, the deacclimation threshold and its endodormant and ecodormant rates, the chilling (degree-days below 10 C)
# at which endodormancy ends: Cabernet Sauvignon-, Chardonnay-, Riesling- and Concord-like
CH_PARAMS = torch.tensor([[10.3, 25.1, 5.0, 0.12, 3.0, 0.010, 0.080, 260.0],
                          [11.0, 25.8, 4.5, 0.14, 2.5, 0.012, 0.100, 230.0],
                          [12.1, 26.1, 6.0, 0.13, 3.5, 0.008, 0.070, 290.0],
                          [12.8, 29.5, 7.0, 0.16, 2.0, 0.015, 0.120, 200.0]])


def _ch_seasons(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` dormant seasons (56 days from 1 November) at a vineyard: the daily mean temperature is a climatology
    falling from 10 C to about 1 C at the end of December, a season offset (sd 2 C) and an AR(1) anomaly (phi 0.8, sd
    2.5 C), the daily range 6-16 C, the dew point below the minimum. Returns the daily features (n, 56, 5:
    minimum, mean, maximum, dew point, day of season; standardised) and the mean temperatures (n, 56)."""
    d = torch.arange(CH_DAYS).float()
    clim = 10 - 0.3 * d + 0.0025 * d**2
    e = 2.5 * torch.randn(n, CH_DAYS, generator=gen)
    z = torch.zeros(n, CH_DAYS)
    z[:, 0] = e[:, 0] / 0.6
    for k in range(1, CH_DAYS):
        z[:, k] = 0.8 * z[:, k - 1] + e[:, k]
    tmean = clim + 2 * torch.randn(n, 1, generator=gen) + z
    rng = 6 + 10 * torch.rand(n, CH_DAYS, generator=gen)
    tmin, tmax = tmean - rng / 2, tmean + rng / 2
    dew = tmin - 3 * torch.rand(n, CH_DAYS, generator=gen)
    feats = torch.stack([(tmin - 0) / 6, (tmean - 5) / 6, (tmax - 10) / 6, (dew + 2) / 6,
                         (d / CH_DAYS).expand(n, CH_DAYS)], 2)
    return feats, tmean


def _ch_lt50(tmean: torch.Tensor, cultivar: torch.Tensor) -> torch.Tensor:
    """Ferguson et al.'s (2011) discrete-dynamic cold-hardiness model, simplified: the hardiness rises on days
    below the acclimation threshold (proportionally to the degrees below and to the room left to the maximum) and
    falls on days above the deacclimation threshold (at the endodormant rate until the chilling requirement is
    met, then at the ecodormant rate; proportionally to the degrees above and to the hardiness gained). Returns
    the daily LT50 (deg C, negative)."""
    p = CH_PARAMS[cultivar]
    hmin, hmax, th_a, k_a, th_d, kd_endo, kd_eco, chill_req = p.unbind(1)
    h = hmin.clone()
    chill = torch.zeros_like(h)
    out = []
    for k in range(tmean.shape[1]):
        t = tmean[:, k]
        chill = chill + (10 - t).clamp_min(0)
        k_d = kd_endo + (kd_eco - kd_endo) * torch.sigmoid((chill - chill_req) / 40)
        span = hmax - hmin
        gain = k_a * (th_a - t).clamp_min(0) * (hmax - h) / span
        loss = k_d * (t - th_d).clamp_min(0) * (h - hmin) / span * 8
        h = (h + gain - loss).clamp(hmin, hmax)
        out.append(-h)
    return torch.stack(out, 1)


def _ch_data(seasons: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Every cultivar in every season: the weather features, the cultivar, the LT50 measured (differential thermal
    analysis, noise sd 0.3 C) every 7 days from a random first day, and the mask of measured days."""
    feats, tmean = _ch_seasons(seasons, gen)
    feats = feats.repeat_interleave(CH_CULTIVARS, 0)
    tmean = tmean.repeat_interleave(CH_CULTIVARS, 0)
    cultivar = torch.arange(CH_CULTIVARS).repeat(seasons)
    lt50 = _ch_lt50(tmean, cultivar)
    n = len(cultivar)
    first = torch.randint(0, 7, (n, 1), generator=gen)
    mask = ((torch.arange(CH_DAYS).view(1, -1) - first) % 7 == 0).float()
    y = lt50 + 0.3 * torch.randn(n, CH_DAYS, generator=gen)
    return feats, cultivar, y, mask


class ColdHardinessGRU(nn.Module):
    """Saxena et al.'s (2023) multi-task cold-hardiness RNN in miniature: a dense layer on each day's weather, one
    GRU layer over the season, and one linear head per cultivar giving the LT50 every day."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.inp = nn.Linear(5, hidden)
        self.gru = nn.GRU(hidden, hidden, batch_first=True)
        self.heads = nn.Linear(hidden, CH_CULTIVARS)

    def forward(self, feats: torch.Tensor, cultivar: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(F.relu(self.inp(feats)))
        out = self.heads(h)  # n, days, cultivars
        return -15 + 5 * out.gather(2, cultivar.view(-1, 1, 1).expand(-1, out.shape[1], 1)).squeeze(2)


def lt50_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error (deg C^2) of the predicted LT50 on the measured days."""
    feats, cultivar, y, mask = batch
    err = (model(feats, cultivar) - y) ** 2 * mask
    return err.sum() / mask.sum()


def cold_hardiness(batch_size: int = 16, seed: int = 0, train_seasons: int = 96, hidden: int = 16) -> dict[str, Any]:
    """The multi-head GRU on 96 seasons x 4 cultivars (384 season series); held out: 64 other seasons (256 series)
    in batches of 128; Adam."""
    gen = torch.Generator().manual_seed(52201)
    f, c, y, m = _ch_data(train_seasons + 64, gen)
    n = train_seasons * CH_CULTIVARS
    tr = (f[:n], c[:n], y[:n], m[:n])
    torch.manual_seed(seed)
    return {"model": ColdHardinessGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[n:], c[n:], y[n:], m[n:]), 128),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lt50_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. badminton stroke forecasting with ShuttleNet in miniature (Adam)

SN_TYPES, SN_PLAYERS, SN_LEN = 10, 64, 12
SN_COURT = (6.1, 6.7)  # a half court's width and length (m)


def _sn_rallies(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Singles rallies of 12 strokes between two of 64 players: shot types (short / long serve, clear, drop, smash,
    net shot, lift, push, drive, block) follow a fixed transition matrix (a serve first) plus the hitter's style
    (a bias over types); each landing spot (x across, y deep, in metres on the receiving half) is the type's
    typical spot, pulled cross-court from the previous landing, plus the hitter's habit and noise (sd 0.3 m).
    Returns (types (n, 12), landings (n, 12, 2), players (n, 2): the server, the receiver)."""
    tg = torch.Generator().manual_seed(52301)
    trans = 2.0 * torch.randn(SN_TYPES, SN_TYPES, generator=tg)
    trans[:, :2] = -9.0  # no serve after the first stroke
    style = 1.5 * torch.randn(SN_PLAYERS, SN_TYPES, generator=tg)
    habit = 0.8 * torch.randn(SN_PLAYERS, 2, generator=tg)
    spot = torch.rand(SN_TYPES, 2, generator=tg) * torch.tensor(SN_COURT) * 0.8 + 0.1 * torch.tensor(SN_COURT)
    pair = torch.stack([torch.randperm(SN_PLAYERS, generator=gen)[:2] for _ in range(n)])
    types = torch.zeros(n, SN_LEN, dtype=torch.long)
    land = torch.zeros(n, SN_LEN, 2)
    serve_logit = torch.stack([style[pair[:, 0], 0], style[pair[:, 0], 1]], 1)
    types[:, 0] = torch.multinomial(torch.softmax(serve_logit, 1), 1, generator=gen).squeeze(1)
    prev = torch.tensor(SN_COURT) / 2 * torch.ones(n, 2)
    for k in range(SN_LEN):
        hitter = pair[torch.arange(n), k % 2]
        if k:
            logit = trans[types[:, k - 1]] + style[hitter]
            types[:, k] = torch.multinomial(torch.softmax(logit, 1), 1, generator=gen).squeeze(1)
        mirror = torch.stack([SN_COURT[0] - prev[:, 0], prev[:, 1]], 1)
        mean = 0.6 * spot[types[:, k]] + 0.4 * mirror + habit[hitter]
        land[:, k] = mean + 0.3 * torch.randn(n, 2, generator=gen)
        prev = land[:, k]
    return types, land, pair


class ShuttleNet(nn.Module):
    """ShuttleNet (Wang et al. 2022) in miniature: the rally's strokes embedded (shot type + a linear map of the
    landing spot + the hitter's player embedding + position), one causal transformer encoder layer (ShuttleNet
    fuses a rally-progress and a player-style extractor), and heads for the next stroke's type and for a bivariate
    Gaussian over its landing spot, given the next hitter's embedding."""

    def __init__(self, d: int = 32) -> None:
        super().__init__()
        self.type_emb = nn.Embedding(SN_TYPES, d)
        self.loc = nn.Linear(2, d)
        self.player = nn.Embedding(SN_PLAYERS, d)
        self.pos = nn.Parameter(0.02 * torch.randn(SN_LEN, d))
        self.enc = nn.TransformerEncoderLayer(d, 2, 2 * d, dropout=0.1, batch_first=True)
        self.type_head = nn.Linear(2 * d, SN_TYPES)
        self.loc_head = nn.Linear(2 * d, 5)
        self.register_buffer("causal", torch.triu(torch.full((SN_LEN - 1, SN_LEN - 1), float("-inf")), 1))

    def forward(self, types: torch.Tensor, land: torch.Tensor, pair: torch.Tensor) -> tuple[torch.Tensor, ...]:
        n = len(types)
        hitters = pair[:, torch.arange(SN_LEN) % 2]  # n, 12
        xy = (land - torch.tensor(SN_COURT) / 2) / 2
        h = self.type_emb(types[:, :-1]) + self.loc(xy[:, :-1]) + self.player(hitters[:, :-1]) + self.pos[:-1]
        h = self.enc(h, src_mask=self.causal)
        h = torch.cat([h, self.player(hitters[:, 1:])], 2)
        g = self.loc_head(h)
        return self.type_head(h), g[..., :2], g[..., 2:4], torch.tanh(g[..., 4]) * 0.95, xy[:, 1:]


def stroke_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """ShuttleNet's loss: the cross-entropy of the next shot type plus the negative log-likelihood of the next
    landing spot (scaled coordinates) under the predicted bivariate Gaussian, averaged over the strokes."""
    types, land, pair = batch
    logits, mu, log_s, rho, xy = model(types, land, pair)
    ce = F.cross_entropy(logits.reshape(-1, SN_TYPES), types[:, 1:].reshape(-1))
    z = (xy - mu) / torch.exp(log_s)
    q = (z[..., 0] ** 2 + z[..., 1] ** 2 - 2 * rho * z[..., 0] * z[..., 1]) / (1 - rho**2)
    nll = 0.5 * q + log_s.sum(-1) + 0.5 * torch.log(1 - rho**2) + math.log(2 * math.pi)
    return ce + nll.mean()


def shuttlenet(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32) -> dict[str, Any]:
    """ShuttleNet on 2048 rallies; held out: 1024 other rallies (the same 64 players) in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(52302)
    t, l, p = _sn_rallies(train_size + 1024, gen)
    tr = (t[:train_size], l[:train_size], p[:train_size])
    torch.manual_seed(seed)
    return {"model": ShuttleNet(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((t[train_size:], l[train_size:], p[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": stroke_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. sunscreen SPF from the formulation with a feed-forward ANN (RMSprop)

SPF_LAMBDA = torch.arange(290.0, 401.0, 5.0)
# UV filters: (peak nm, band width nm, absorbance per % w/w in a 2 mg/cm^2 film at the peak, maximum %):
# octinoxate, avobenzone, octocrylene, homosalate, oxybenzone, octisalate; titanium and zinc oxide are below
SPF_ORGANIC = torch.tensor([[311.0, 17.0, 0.16, 7.5], [357.0, 16.0, 0.30, 3.0], [303.0, 20.0, 0.07, 10.0],
                            [306.0, 14.0, 0.05, 10.0], [288.0, 16.0, 0.12, 6.0], [307.0, 14.0, 0.06, 5.0]])
SPF_MAX_INORGANIC = (25.0, 25.0)
SPF_NODES = torch.tensor([0.15, 0.45, 0.8, 1.2, 1.8, 2.8])  # film-thickness quadrature (relative to the mean)


def _spf_spectra() -> tuple[torch.Tensor, torch.Tensor]:
    """The erythemal (CIE) and persistent-pigment-darkening action spectra, each times a sun-like UV spectrum."""
    lam = SPF_LAMBDA
    ery = torch.where(lam <= 298, torch.ones_like(lam),
                      torch.where(lam <= 328, 10 ** (0.094 * (298 - lam)), 10 ** (0.015 * (140 - lam))))
    sun = torch.sigmoid((lam - 305) / 4) * (1 + (lam - 290) / 110)
    ppd = torch.where(lam >= 320, 10 ** (0.0073 * (320 - lam)), torch.zeros_like(lam))
    return ery * sun, ppd * sun


def _spf_formulas(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Formulations: 2-5 of the eight UV filters, each at U(0.2, 1) of its regulatory maximum, an emollient
    polarity U(0, 1) and a film former's level U(0, 1). Labels: the log in-vitro SPF and log UVA-PF of a 2 mg/cm^2
    film: Beer-Lambert absorbance (Gaussian bands for the organic filters; broad absorbance-plus-scattering edges
    for TiO2 and ZnO), polar emollients shifting the organic bands up to +4 nm; an irregular film (the thickness
    distribution's spread falls with the film former and grows with polarity), averaged over a fixed quadrature;
    avobenzone losing up to 60% to photolysis unless octocrylene stabilises it; log-normal measurement noise (sd
    0.12). Inputs: the concentrations as fractions of their maxima, the polarity and the film former."""
    ery, ppd = _spf_spectra()
    lam = SPF_LAMBDA
    k = torch.randint(2, 6, (n, 1), generator=gen)
    on = torch.rand(n, 8, generator=gen).argsort(1).argsort(1) < k
    frac = on * (0.2 + 0.8 * torch.rand(n, 8, generator=gen))
    pol, former = torch.rand(n, generator=gen), torch.rand(n, generator=gen)
    conc_org = frac[:, :6] * SPF_ORGANIC[:, 3]
    conc_org = conc_org.clone()
    octo = conc_org[:, 2]
    conc_org[:, 1] = conc_org[:, 1] * (1 - 0.6 * torch.exp(-octo / 2.5))
    peak = SPF_ORGANIC[:, 0] + 4 * pol.unsqueeze(1)  # n, 6
    band = torch.exp(-0.5 * ((lam.view(1, 1, -1) - peak.unsqueeze(2)) / SPF_ORGANIC[:, 1].view(1, 6, 1)) ** 2)
    absorb = (conc_org.unsqueeze(2) * SPF_ORGANIC[:, 2].view(1, 6, 1) * band).sum(1)
    tio2 = 0.045 * frac[:, 6:7] * SPF_MAX_INORGANIC[0] * (0.35 + torch.sigmoid((370 - lam) / 8))
    zno = 0.04 * frac[:, 7:8] * SPF_MAX_INORGANIC[1] * (0.3 + torch.sigmoid((378 - lam) / 5))
    absorb = absorb + tio2 + zno
    cv = 0.25 + 0.45 * pol - 0.2 * former  # the film's irregularity (0.05-0.7)
    w = torch.exp(-0.5 * ((SPF_NODES.log().view(1, -1) + 0.5 * cv.view(-1, 1) ** 2) / cv.view(-1, 1)) ** 2)
    w = w / w.sum(1, keepdim=True)
    trans = (w.unsqueeze(2) * 10 ** (-absorb.unsqueeze(1) * SPF_NODES.view(1, -1, 1))).sum(1)  # n, lambda
    spf = ery.sum() / (ery * trans).sum(1)
    uva = ppd.sum() / (ppd * trans).sum(1)
    y = torch.stack([spf.log(), uva.log()], 1) + 0.12 * torch.randn(n, 2, generator=gen)
    x = torch.cat([frac, pol.unsqueeze(1), former.unsqueeze(1)], 1)
    return x, y


class SPFNet(nn.Module):
    """A formulation ANN: two hidden ReLU layers from the ten formulation variables to log SPF and log UVA-PF."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def spf_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the two log protection factors."""
    x, y = batch
    return F.mse_loss(model(x), y)


def spf_ann(batch_size: int = 16, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The SPF ANN on 512 formulations (a formulation lab's in-vitro records); held out: 1024 other formulations in
    batches of 512; RMSprop with Keras's rho 0.9 (torch's ``alpha``)."""
    gen = torch.Generator().manual_seed(52401)
    x, y = _spf_formulas(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SPFNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9), "rmsprop_alpha0.9"),
            "loss_fn": spf_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. kappa number of a kraft cook with a feed-forward ANN (SGD with Nesterov momentum; long only)


def _kappa_cooks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Kraft cooks: effective alkali U(15, 22)% on wood, sulfidity U(25, 40)%, temperature U(150, 172) C, time at
    temperature U(60, 180) min, chip thickness U(2, 9) mm, basic density U(380, 520) kg/m^3, liquor-to-wood U(3.5,
    5), hardwood share U(0, 0.6). Labels: Vroom's H-factor; the bulk delignification, first order in the H-factor
    with a rate rising with effective alkali (order 0.5, per liquor volume) and sulfidity (order 0.4), slowed by
    the chips' thickness (diffusion) and density; a residual lignin that rises as the alkali is spent; the kappa
    number from the lignin on pulp; lab noise sd 1.2 plus 4%. Returns (standardised inputs, kappa)."""
    u = torch.rand(n, 8, generator=gen)
    ea = 15 + 7 * u[:, 0]
    sul = 25 + 15 * u[:, 1]
    temp = 150 + 22 * u[:, 2]
    time = 60 + 120 * u[:, 3]
    thick = 2 + 7 * u[:, 4]
    dens = 380 + 140 * u[:, 5]
    lw = 3.5 + 1.5 * u[:, 6]
    hw = 0.6 * u[:, 7]
    h = time / 60 * torch.exp(43.2 - 16113 / (temp + 273.15))
    oh = ea / lw
    rate = 1.6e-3 * oh**0.5 * (sul / 30) ** 0.4 * (1 + 0.8 * hw) / (1 + 0.012 * (thick - 2) ** 2) / (dens / 450)
    l0 = 28 - 7 * hw
    spent = torch.sigmoid((h * 1e-3 * 2.5 - oh) / 0.8)
    residual = 1.6 + 2.5 * spent + 0.4 * (thick - 2).clamp_min(0) / 7
    lignin = 0.85 * l0 * torch.exp(-rate * h) + residual  # % on wood
    yld = 45 + 0.5 * lignin + 3 * hw
    kappa = lignin / yld * 100 / 0.15
    kappa = kappa * (1 + 0.04 * torch.randn(n, generator=gen)) + 1.2 * torch.randn(n, generator=gen)
    x = (u - 0.5) / 0.2887
    return x, kappa


class KappaNet(nn.Module):
    """The digester soft sensor: two hidden tanh layers of 16 units from the eight cook variables to the kappa
    number (standardised)."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def kappa_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised kappa number."""
    x, y = batch
    return F.mse_loss(model(x), y)


def kappa_ann(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 16) -> dict[str, Any]:
    """The kappa ANN on 4096 cooks (years of a mill's lab kappa tests), kappa standardised over them; held out: 1024
    other cooks in batches of 512; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(52501)
    x, k = _kappa_cooks(train_size + 1024, gen)
    y = (k - k[:train_size].mean()) / k[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KappaNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": kappa_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. virtual varnish removal with a small residual CNN (Adam; long only)

VR_SIZE = 16


def _vr_paintings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16 x 16 RGB details of paintings and the same details under aged varnish. A painting: a ground shading
    between two colours of a 12-pigment palette, four soft-edged ellipses of palette colours, brushwork texture
    (sd 0.03). The varnish (one campaign of one varnish over the whole collection): a thickness field (a mean
    U(0.6, 0.9) with two low-frequency undulations of up to +-20%), an age U(0.8, 1.2); light crosses it twice
    with yellowing absorbance age x thickness x (0.12, 0.35, 0.95) for R, G, B, plus a warm scattering haze 0.06 x
    age x thickness; sensor noise sd 0.01. Returns (varnished, clean), both (n, 3, 16, 16) in [0, 1]."""
    tg = torch.Generator().manual_seed(52601)
    palette = 0.08 + 0.84 * torch.rand(12, 3, generator=tg)
    g = (torch.arange(VR_SIZE).float() + 0.5) / VR_SIZE
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    idx = torch.randint(0, 12, (n, 6), generator=gen)
    cols = palette[idx]  # n, 6, 3
    ang = 2 * math.pi * torch.rand(n, 1, 1, generator=gen)
    ramp = (xx * torch.cos(ang) + yy * torch.sin(ang)).unsqueeze(1)
    shade = (ramp - ramp.amin((2, 3), True)) / 1.5
    img = cols[:, 0].view(n, 3, 1, 1) + (cols[:, 1] - cols[:, 0]).view(n, 3, 1, 1) * shade
    for k in range(4):
        c = torch.rand(n, 2, 1, 1, generator=gen)
        r = 0.1 + 0.25 * torch.rand(n, 2, 1, 1, generator=gen)
        inside = ((xx - c[:, 0]) / r[:, 0]) ** 2 + ((yy - c[:, 1]) / r[:, 1]) ** 2
        alpha = torch.sigmoid((1 - inside) * 6).unsqueeze(1)
        img = img * (1 - alpha) + cols[:, 2 + k].view(n, 3, 1, 1) * alpha
    img = (img + 0.03 * torch.randn(n, 3, VR_SIZE, VR_SIZE, generator=gen)).clamp(0, 1)
    mean = 0.6 + 0.3 * torch.rand(n, 1, 1, generator=gen)
    und = torch.zeros(n, VR_SIZE, VR_SIZE)
    for _ in range(2):
        f = 2 * math.pi * (0.5 + 1.0 * torch.rand(n, 2, 1, 1, generator=gen))
        ph = 2 * math.pi * torch.rand(n, 1, 1, generator=gen)
        und = und + 0.1 * torch.sin(f[:, 0] * xx + f[:, 1] * yy + ph)
    thick = (mean * (1 + und)).unsqueeze(1)
    age = (0.8 + 0.4 * torch.rand(n, generator=gen)).view(n, 1, 1, 1)
    absorb = age * thick * torch.tensor([0.12, 0.35, 0.95]).view(1, 3, 1, 1)
    haze = 0.06 * age * thick * torch.tensor([1.0, 0.85, 0.55]).view(1, 3, 1, 1)
    old = img * torch.exp(-2 * absorb) + haze + 0.01 * torch.randn(n, 3, VR_SIZE, VR_SIZE, generator=gen)
    return old.clamp(0, 1), img


class VarnishNet(nn.Module):
    """A small fully convolutional restoration net (after Maali Amiri & Messinger's virtual-cleaning CNN): a 3 x 3
    convolution, a 1 x 1 convolution, a 3 x 3 convolution (ReLU after each) and a 1 x 1 output, added to the
    varnished image (a residual correction)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.ReLU(), nn.Conv2d(width, width, 1), nn.ReLU(),
                                  nn.Conv2d(width, width, 3, padding=1), nn.ReLU(), nn.Conv2d(width, 3, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.body(x)


def cleaning_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error (x 100) between the virtually cleaned and the clean painting."""
    old, clean = batch
    return 100 * F.mse_loss(model(old), clean)


def varnish_cnn(batch_size: int = 8, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The virtual-cleaning CNN on 2048 painting details; held out: 1024 other details in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(52602)
    old, clean = _vr_paintings(train_size + 1024, gen)
    tr = (old[:train_size], clean[:train_size])
    torch.manual_seed(seed)
    return {"model": VarnishNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((old[train_size:], clean[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": cleaning_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("zip_lenet_sgd", zip_lenet, 300, "lecun1989_zip_code_digit_network", "sgd", "finite", 16,
      seconds=0.75, start_lr=0.4),
    W("cold_hardiness_gru_adam", cold_hardiness, 300, "grapevine_cold_hardiness_multihead_gru", "adam",
      "small_finite", 16, seconds=1.9, start_lr=0.064),
    W("shuttlenet_adam", shuttlenet, 300, "shuttlenet_badminton_stroke_forecasting", "adam", "finite", 32,
      seconds=1.2, start_lr=0.032),
    W("spf_ann_rmsprop", spf_ann, 300, "sunscreen_spf_formulation_ann", "rmsprop_alpha0.9", "small_finite", 16,
      seconds=0.15, start_lr=0.032),
)
LONG = (
    W("kappa_ann_nesterov@long", kappa_ann, 3000, "kraft_digester_kappa_number_ann", "sgd_nesterov0.9", "finite",
      32, seconds=1.4, start_lr=0.1, grid_fractions=(0.0, 0.05)),
    W("varnish_cnn_adam@long", varnish_cnn, 3000, "virtual_varnish_removal_cnn", "adam", "finite", 8,
      seconds=4.8, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("zip_lenet_sgd@long", zip_lenet, 3000, "lecun1989_zip_code_digit_network", "sgd", "finite", 16,
      dict(train_size=7291, test_size=2007), seconds=5.0, start_lr=0.4, grid_fractions=(0.0, 0.05),
      long_of="zip_lenet_sgd"),
    W("spf_ann_rmsprop@long", spf_ann, 3000, "sunscreen_spf_formulation_ann", "rmsprop_alpha0.9", "finite", 16,
      dict(train_size=2048), seconds=1.45, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="spf_ann_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam52_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-second exam's workloads")
