"""The thirty-fourth exam: six more workload families that neither the suite nor exams 1-32 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam32_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from computational photography,
seismology, urban mobility (transport demand), food science (predictive microbiology), healthcare operations and
aerospace (exam 33 was built at the same time from other domains; its module was not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam34/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- colour constancy with FC4 (Hu, Wang & Lin 2017): a small fully convolutional net gives an RGB estimate and a
  confidence at every location of a raw image, pooled by the softmax of the confidences; the loss is the mean
  angular error (degrees) against the true illuminant; raw Mondrian scenes of ColorChecker-like surfaces under
  black-body illuminants with a tint, a shading ramp, shot noise and clipping; batch 16 (FC4's); Adam (FC4's code,
  from memory)
- seismic phase picking with PhaseNet (Zhu & Beroza 2019): a 1-d U-Net (width-7 convolutions, batch norm,
  stride-4 down-sampling, transposed convolutions, skip concatenations; two levels instead of five) gives a
  per-sample softmax over noise / P / S on 128-sample three-component records; cross-entropy against PhaseNet's
  Gaussian targets; batch 20 (PhaseNet's default, from memory); Adam (PhaseNet's, from memory)
- commuting flows with Deep Gravity (Simini et al. 2021): a deep LeakyReLU MLP with dropout 0.35 scores each
  (origin, candidate destination) pair from the two places' features and their distance, a softmax over an
  origin's 64 candidates, the multinomial cross-entropy of the observed flow shares; a synthetic metropolitan area
  of 512 places; held out on other origins; batch 16 origins (1024 pairs); RMSprop with momentum 0.9 (Deep Gravity's code:
  ``optim.RMSprop(model.parameters(), lr=args.lr, momentum=args.momentum)``, momentum 0.9 by default; torch's
  alpha 0.99)
- predictive microbiology, an ANN secondary model: a small tanh MLP maps a food's storage temperature, pH and salt
  to the growth parameters (rate, lag, increase) of a modified Gompertz primary model (Zwietering et al. 1990),
  trained on the log counts of growth curves; curves from a cardinal-parameter model with biological variability
  and plate-count noise; SGD with momentum 0.9 (back-propagation with momentum, as the predictive-microbiology ANNs
  of the 1990s-2000s were trained; from memory)
- hourly emergency-department arrivals with NeuralProphet (Triebe et al. 2021; a long plan only): a piecewise-linear
  trend with 10 changepoints over the first 80% of the training period, additive Fourier seasonalities (daily order
  6, weekly order 3: NeuralProphet's), AR-Net over 24 lags (linear, its default), one-step-ahead; the smooth-L1
  (Huber) loss, NeuralProphet's default; batch 64 (NeuralProphet's automatic batch size for about 14,000 rows,
  2^(2 + floor(log10 n))); AdamW with weight decay 1e-3 (NeuralProphet's default optimiser and the weight decay its
  code sets for it)
- airfoil polars with a 1-d CNN surrogate (aerospace; a long plan only): convolutions over the upper and lower
  surfaces of a section at 32 cosine-spaced stations, joined with the angle of attack and Reynolds number, a dense
  head to the lift, drag and moment coefficients; the polars from thin-airfoil theory with thickness, stall and
  drag-polar terms and wind-tunnel noise; MSE; Adam (the usual choice of aerodynamic-surrogate papers; from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): NeuralProphet and the
airfoil CNN (no short plans), FC4 on 8192 images instead of 2048 and the growth ANN on 2048 curves instead of 256.
Three long plans were tried and dropped as flat (Deep Gravity on two pool sizes, PhaseNet on 8192 records: see the
README).

Of the eight plans, four use plain Adam (both FC4 plans, PhaseNet, the airfoil CNN), one RMSprop with momentum
(Deep Gravity), two SGD with momentum (both growth-ANN plans) and one AdamW (NeuralProphet).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam34_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam34/README.md).

    python benchmarks/exam34_workloads.py          # the table
    python benchmarks/exam34_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 34"


# --------------------------------------------------------------------------------------------------------------
# 1. colour constancy with FC4's confidence-weighted pooling (Adam)

CC_SIZE, CC_GRID = 24, 4


def _cc_illuminant(temp: torch.Tensor, tint: torch.Tensor) -> torch.Tensor:
    """A black-body illuminant at ``temp`` kelvin seen through three camera channels (600, 540 and 460 nm), with a
    green-magenta tint off the Planckian locus; unit-norm RGB."""
    lam = torch.tensor([600e-9, 540e-9, 460e-9])
    c2 = 1.4388e-2
    rgb = lam.pow(-5) / (torch.exp(c2 / (lam * temp.unsqueeze(1))) - 1)
    rgb = rgb / rgb[:, 1:2]
    rgb = rgb * torch.stack([torch.ones_like(tint), 1 + tint, torch.ones_like(tint)], 1)
    return rgb / rgb.norm(dim=1, keepdim=True)


def _cc_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Linear raw images of Mondrian scenes: a 4 x 4 grid of 6 x 6 patches, each a surface from a fixed 24-colour
    chart (ColorChecker-like reflectances, with a per-patch brightness), a smooth shading ramp, with probability 0.5
    one patch a grey / white surface (a specular-like cue), lit by one illuminant (black body 2500-10000 K with a
    tint); shot noise, a random exposure and clipping at 1. Returns (images, unit-norm illuminants)."""
    tg = torch.Generator().manual_seed(34101)
    palette = 0.05 + 0.85 * torch.rand(24, 3, generator=tg) ** 1.5
    palette[:6] = torch.linspace(0.1, 0.9, 6).unsqueeze(1).expand(6, 3)  # the chart's neutral row
    idx = torch.randint(0, 24, (n, CC_GRID * CC_GRID), generator=gen)
    refl = palette[idx] * (0.4 + 0.6 * torch.rand(n, CC_GRID * CC_GRID, 1, generator=gen))
    white = torch.rand(n, generator=gen) < 0.5
    where = torch.randint(0, CC_GRID * CC_GRID, (n,), generator=gen)
    refl[torch.arange(n)[white], where[white]] = 0.95
    refl = refl.view(n, CC_GRID, CC_GRID, 3).permute(0, 3, 1, 2)
    img = refl.repeat_interleave(CC_SIZE // CC_GRID, 2).repeat_interleave(CC_SIZE // CC_GRID, 3)
    ramp = torch.linspace(-1, 1, CC_SIZE)
    gx, gy = 0.3 * torch.randn(n, 1, 1, generator=gen), 0.3 * torch.randn(n, 1, 1, generator=gen)
    shade = (1 + gx * ramp.view(1, 1, -1) + gy * ramp.view(1, -1, 1)).clamp_min(0.2)
    temp = 2500 + 7500 * torch.rand(n, generator=gen)
    tint = 0.06 * torch.randn(n, generator=gen)
    ill = _cc_illuminant(temp, tint)
    raw = img * shade.unsqueeze(1) * ill.view(n, 3, 1, 1)
    raw = raw * (0.8 + 1.2 * torch.rand(n, 1, 1, 1, generator=gen))
    raw = raw + 0.01 * raw.clamp_min(0).sqrt() * torch.randn(raw.shape, generator=gen)
    raw = raw.clamp(0, 1)
    raw = raw / raw.flatten(1).max(1).values.view(n, 1, 1, 1).clamp_min(1e-3)
    return raw, ill


class FC4(nn.Module):
    """FC4 (Hu, Wang & Lin 2017) in miniature: a small fully convolutional trunk (FC4's is SqueezeNet) whose last
    1x1 layer gives, at every location, an RGB estimate and a confidence; the estimates are normalised and pooled
    with the softmax of the confidences."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.trunk = nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                   nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                   nn.Conv2d(2 * width, 2 * width, 3, padding=1), nn.ReLU(),
                                   nn.Conv2d(2 * width, 4, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.trunk(x).flatten(2)  # n, 4, locations
        rgb = F.normalize(F.softplus(h[:, :3]), dim=1)
        conf = torch.softmax(h[:, 3], 1).unsqueeze(1)
        return (rgb * conf).sum(2)


def angular_error(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean angular error, in degrees, between the estimated and the true illuminant (FC4's loss)."""
    x, ill = batch
    cos = F.cosine_similarity(model(x), ill, dim=1).clamp(-0.999999, 0.999999)
    return torch.rad2deg(torch.acos(cos)).mean()


def fc4(batch_size: int = 16, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """FC4 (width 8) on 2048 raw Mondrian images (24 x 24); held out: 1024 other images in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(34102)
    x, ill = _cc_images(train_size + 1024, gen)
    tr = (x[:train_size], ill[:train_size])
    torch.manual_seed(seed)
    return {"model": FC4(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], ill[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": angular_error, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. seismic phase picking with PhaseNet (Adam)

PN_LEN, PN_SIGMA = 128, 3.0


def _pn_waveforms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Three-component (Z, N, E) local-earthquake records of 128 samples: a P wavelet (a decaying sinusoid, mostly
    on Z) at an onset U[10, 70], an S wavelet (lower frequency, 1.5-3x larger, mostly on the horizontals, random
    back-azimuth) 8-48 samples later, white background noise with a microseism; P SNR log-uniform 1-20; each
    channel demeaned and scaled to unit std (PhaseNet's normalisation). Labels: PhaseNet's Gaussian targets (sd 3
    samples) around the P and S arrivals, and noise = 1 - P - S."""
    t = torch.arange(PN_LEN).float().view(1, -1)
    tp = 10 + 60 * torch.rand(n, 1, generator=gen)
    ts = (tp + 8 + 40 * torch.rand(n, 1, generator=gen)).clamp_max(PN_LEN - 6)

    def wavelet(t0: torch.Tensor, f: torch.Tensor, tau: torch.Tensor) -> torch.Tensor:
        dt = t - t0
        return torch.sin(2 * math.pi * f * dt) * torch.exp(-dt.clamp_min(0) / tau) * (dt >= 0)

    p = wavelet(tp, 0.08 + 0.12 * torch.rand(n, 1, generator=gen), 8 + 20 * torch.rand(n, 1, generator=gen))
    s = wavelet(ts, 0.04 + 0.08 * torch.rand(n, 1, generator=gen), 15 + 30 * torch.rand(n, 1, generator=gen))
    snr = torch.exp(math.log(20) * torch.rand(n, 1, generator=gen))
    amp_s = snr * (1.5 + 1.5 * torch.rand(n, 1, generator=gen))
    baz = 2 * math.pi * torch.rand(n, 1, generator=gen)
    inc = 0.2 + 0.4 * torch.rand(n, 1, generator=gen)
    z = snr * p + 0.3 * amp_s * s
    north = inc * snr * p * torch.cos(baz) + amp_s * s * torch.sin(baz)
    east = inc * snr * p * torch.sin(baz) - amp_s * s * torch.cos(baz)
    x = torch.stack([z, north, east], 1)
    micro = torch.sin(2 * math.pi * (0.005 + 0.01 * torch.rand(n, 3, 1, generator=gen)) * t.unsqueeze(0)
                      + 2 * math.pi * torch.rand(n, 3, 1, generator=gen))
    x = x + torch.randn(n, 3, PN_LEN, generator=gen) + 1.5 * micro
    x = x - x.mean(2, keepdim=True)
    x = x / x.std(2, keepdim=True)
    yp = torch.exp(-0.5 * ((t - tp) / PN_SIGMA) ** 2)
    ys = torch.exp(-0.5 * ((t - ts) / PN_SIGMA) ** 2)
    y = torch.stack([(1 - yp - ys).clamp_min(0), yp, ys], 1)
    return x, y


class PhaseNet(nn.Module):
    """PhaseNet (Zhu & Beroza 2019) with two levels instead of five: 1-d convolutions of width 7 with batch
    normalisation and ReLU, down-sampling by strided convolutions (stride 4), up-sampling by transposed
    convolutions, skip connections by concatenation, a per-sample softmax over noise / P / S."""

    def __init__(self, widths: tuple[int, ...] = (8, 16)) -> None:
        super().__init__()

        def block(c_in: int, c_out: int, stride: int = 1) -> nn.Module:
            return nn.Sequential(nn.Conv1d(c_in, c_out, 7, stride=stride, padding=3, bias=False),
                                 nn.BatchNorm1d(c_out), nn.ReLU())

        w = widths
        self.inp = block(3, w[0])
        self.down = nn.ModuleList(block(w[i], w[i + 1], 4) for i in range(len(w) - 1))
        self.up = nn.ModuleList(nn.Sequential(nn.ConvTranspose1d(w[i + 1], w[i], 7, stride=4, padding=3,
                                                                 output_padding=3, bias=False),
                                              nn.BatchNorm1d(w[i]), nn.ReLU()) for i in range(len(w) - 1))
        self.merge = nn.ModuleList(block(2 * w[i], w[i]) for i in range(len(w) - 1))
        self.out = nn.Conv1d(w[0], 3, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        skips = []
        for d in self.down:
            skips.append(h)
            h = d(h)
        for i in reversed(range(len(self.up))):
            h = self.merge[i](torch.cat([self.up[i](h), skips[i]], 1))
        return self.out(h)


def phase_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """PhaseNet's loss: the cross-entropy of the per-sample softmax against the soft targets, averaged over the
    samples."""
    x, y = batch
    return -(y * F.log_softmax(model(x), 1)).sum(1).mean()


def phasenet(batch_size: int = 20, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """PhaseNet on 2048 synthetic three-component records; held out: 1024 other records in batches of 512; Adam
    (PhaseNet's)."""
    gen = torch.Generator().manual_seed(34202)
    x, y = _pn_waveforms(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PhaseNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": phase_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. Deep Gravity, commuting flows between places (RMSprop with momentum)

DG_LOCS, DG_FEAT, DG_CAND, DG_TRIPS = 512, 8, 64, 200


def _dg_city() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A fixed metropolitan area of 512 places (tiles' output areas) in a 30 x 30 km square, clustered around 6
    centres: per place its log population, log jobs and six log points-of-interest counts (retail, schools,
    health, parks, transit stops, leisure), standardised; the pairwise distances (km); and the true destination
    utilities of a commuter from each place (jobs, retail, distance decay that weakens with the origin's and the
    destination's transit access, a same-cluster preference)."""
    g = torch.Generator().manual_seed(34301)
    centres = 30 * torch.rand(6, 2, generator=g)
    cl = torch.randint(0, 6, (DG_LOCS,), generator=g)
    xy = centres[cl] + 3.5 * torch.randn(DG_LOCS, 2, generator=g)
    core = torch.exp(-(xy - centres[cl]).norm(dim=1) / 4)  # closeness to its centre
    pop = 7 + 0.5 * torch.randn(DG_LOCS, generator=g) + 0.6 * core
    jobs = 5 + 2.5 * core + 0.8 * torch.randn(DG_LOCS, generator=g)
    poi = core.unsqueeze(1) * torch.tensor([2.0, 0.5, 1.0, 0.3, 1.5, 1.2]) + 0.5 * torch.randn(DG_LOCS, 6, generator=g)
    feats = torch.cat([pop.unsqueeze(1), jobs.unsqueeze(1), poi], 1)
    feats = (feats - feats.mean(0)) / feats.std(0)
    dist = torch.cdist(xy, xy)
    transit = torch.sigmoid(2 * poi[:, 4])
    beta = 0.35 - 0.15 * (transit.unsqueeze(1) + transit.unsqueeze(0)) / 2
    util = (1.0 * jobs.unsqueeze(0) + 0.4 * poi[:, 0].unsqueeze(0) - 0.2 * poi[:, 1].unsqueeze(0)
            - beta * dist - 0.6 * torch.log1p(dist) + 0.5 * (cl.unsqueeze(1) == cl.unsqueeze(0)).float())
    return feats, dist, util


def _dg_examples(origins: torch.Tensor, per_origin: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Deep Gravity's training examples: an origin, 64 candidate destinations drawn at random (the origin
    excluded), the features of each (origin, destination) pair (the origin's, the destination's, the distance)
    and the observed commuters from the origin to each candidate (200 trips, multinomial over the candidates with
    the true probabilities), as shares."""
    feats, dist, util = _dg_city()
    o = origins.repeat_interleave(per_origin)
    m = len(o)
    scores = torch.rand(m, DG_LOCS, generator=gen)
    scores[torch.arange(m), o] = -1.0
    d = scores.topk(DG_CAND, 1).indices  # m, candidates
    pair = torch.cat([feats[o].unsqueeze(1).expand(m, DG_CAND, DG_FEAT), feats[d],
                      (dist[o.unsqueeze(1), d] / 10).unsqueeze(2)], 2)
    prob = torch.softmax(util[o.unsqueeze(1), d], 1)
    counts = torch.stack([torch.bincount(torch.multinomial(prob[i], DG_TRIPS, replacement=True, generator=gen),
                                         minlength=DG_CAND) for i in range(m)]).float()
    return pair, counts / DG_TRIPS


class DeepGravity(nn.Module):
    """Deep Gravity's feed-forward network (Simini et al. 2021; 15 LeakyReLU layers of 256 then 128 units with
    dropout 0.35 in their code; here 6 layers, 3 of 32 then 3 of 16 units): a score per (origin, destination) pair, a softmax
    over the origin's candidates."""

    def __init__(self, hidden: int = 32, layers: int = 6, dropout: float = 0.35) -> None:
        super().__init__()
        mods: list[nn.Module] = []
        width = 2 * DG_FEAT + 1
        for i in range(layers):
            out = hidden if i < layers // 2 else hidden // 2
            mods += [nn.Linear(width, out), nn.LeakyReLU(), nn.Dropout(dropout)]
            width = out
        self.net = nn.Sequential(*mods, nn.Linear(width, 1))

    def forward(self, pair: torch.Tensor) -> torch.Tensor:
        return self.net(pair).squeeze(-1)


def flow_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    """Deep Gravity's multinomial loss: the cross-entropy between the observed flow shares and the softmax over
    the candidates (their code sums the flows; shares keep the scale the same for every origin)."""
    pair, share = batch
    return -(share * F.log_softmax(model(pair), 1)).sum(1).mean()


def deep_gravity(batch_size: int = 16, seed: int = 0, train_origins: int = 384, per_origin: int = 4,
                 hidden: int = 32) -> dict[str, Any]:
    """Deep Gravity on 384 training origins (4 candidate sets each); held out: the other 128 places as origins (4
    candidate sets each) in batches of 256; RMSprop with momentum 0.9 (Deep Gravity's code: ``optim.RMSprop(...,
    momentum=0.9)``, torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(34302)
    perm = torch.randperm(DG_LOCS, generator=gen)
    tr = _dg_examples(perm[:train_origins], per_origin, gen)
    te = _dg_examples(perm[DG_LOCS - 128:], 4, gen)
    torch.manual_seed(seed)
    return {"model": DeepGravity(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 256),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, momentum=0.9),
                                "rmsprop_momentum0.9"),
            "loss_fn": flow_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. predictive microbiology: a neural secondary model inside a Gompertz growth curve (SGD with momentum)

MB_TIMES = 12


def _mb_curves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Growth curves of a Listeria-like bacterium in a food broth: storage temperature U[4, 35] C, pH U[4.8, 7.4],
    NaCl U[0.5, 6]%; the true maximum growth rate (log10 CFU/h) from a cardinal-parameter model (Tmin 1, Topt 37,
    pHmin 4.4, pHopt 7, pHmax 9.4, NaCl max 10%, mu_opt 1.0) with 5% curve-to-curve variation; the lag
    h0 / mu with a random physiological state h0 = 0.9 exp(N(0, 0.15^2)); the increase A = 8.5 - N0 -
    0.15 NaCl; 12 samples spread over each experiment (to the lag + 2.5 A / mu) of a modified Gompertz curve from
    N0 ~ U[2, 4] log CFU/g, plate-count noise sd 0.25. Returns (conditions, sample times (h) with N0, log counts)."""
    temp = 4 + 31 * torch.rand(n, generator=gen)
    ph = 4.8 + 2.6 * torch.rand(n, generator=gen)
    nacl = 0.5 + 5.5 * torch.rand(n, generator=gen)
    tmin, topt, phmin, phopt, phmax = 1.0, 37.0, 4.4, 7.0, 9.4
    g_t = ((temp - tmin) / (topt - tmin)) ** 2
    g_ph = (ph - phmin) * (phmax - ph) / ((phopt - phmin) * (phmax - phopt))
    g_s = 1 - nacl / 10
    mu = 1.0 * g_t * g_ph * g_s * torch.exp(0.05 * torch.randn(n, generator=gen))
    lag = 0.9 * torch.exp(0.15 * torch.randn(n, generator=gen)) / mu
    n0 = 2 + 2 * torch.rand(n, generator=gen)
    a = 8.5 - n0 - 0.15 * nacl
    t_end = lag + 2.5 * a / mu
    frac = torch.sort(torch.rand(n, MB_TIMES, generator=gen), 1).values
    frac[:, 0] = 0.0
    t = frac * t_end.unsqueeze(1)
    y = n0.unsqueeze(1) + gompertz(t, mu.unsqueeze(1), lag.unsqueeze(1), a.unsqueeze(1))
    y = y + 0.25 * torch.randn(n, MB_TIMES, generator=gen)
    cond = torch.stack([(temp - 19.5) / 9, (ph - 6.1) / 0.75, (nacl - 3.25) / 1.6], 1)
    return cond, torch.cat([t, n0.unsqueeze(1)], 1), y


def gompertz(t: torch.Tensor, mu: torch.Tensor, lag: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
    """Zwietering et al.'s (1990) modified Gompertz curve: the log increase at time t."""
    return a * torch.exp(-torch.exp(mu * math.e / a * (lag - t) + 1))


class SecondaryModelNet(nn.Module):
    """An ANN secondary model (as in Hajmeer, Basheer & Najjar 1997 and later predictive-microbiology ANNs): a
    tanh MLP from the conditions to the growth parameters (log mu, log lag, the log increase), fed to the primary
    model (a modified Gompertz curve) to give the log count at each sample time."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, cond: torch.Tensor, times: torch.Tensor) -> torch.Tensor:
        p = self.net(cond)
        mu = torch.exp(p[:, :1] - 1.5)
        lag = torch.exp(p[:, 1:2] + 2.0)
        a = 5 + p[:, 2:3]
        t, n0 = times[:, :MB_TIMES], times[:, MB_TIMES:]
        return n0 + gompertz(t, mu, lag, a)


def growth_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log counts (log10 CFU/g)."""
    cond, times, y = batch
    return F.mse_loss(model(cond, times), y)


def growth_ann(batch_size: int = 32, seed: int = 0, train_size: int = 256, hidden: int = 16) -> dict[str, Any]:
    """The secondary-model ANN on 256 growth curves (a challenge-test data set of a few hundred curves); held out:
    1024 other curves in batches of 512; SGD with momentum 0.9 (back-propagation with momentum, as these ANNs were
    trained)."""
    gen = torch.Generator().manual_seed(34402)
    c, t, y = _mb_curves(train_size + 1024, gen)
    tr = (c[:train_size], t[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SecondaryModelNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], t[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": growth_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. emergency-department arrivals with NeuralProphet (AdamW; long only)

NP_HOURS, NP_LAGS, NP_CP, NP_HELD = 2 * 8760, 24, 10, 8 * 168
NP_DAILY, NP_WEEKLY = 6, 3


def _np_series() -> torch.Tensor:
    """Two years of hourly arrivals at a large emergency department: Poisson counts around 40 an hour times a daily
    profile (a trough at 4-6 am, a peak late morning, an evening shoulder), a weekly one (Mondays busiest, weekends
    quieter), a trend of 4% a year with a step of +12% when a new catchment is added at month 10, and an AR(1)
    log-intensity (phi 0.95, sd 0.05: weather, epidemics)."""
    g = torch.Generator().manual_seed(34501)
    t = torch.arange(NP_HOURS).float()
    hour, day = t % 24, (t // 24) % 7
    daily = (1 + 0.55 * torch.sin(2 * math.pi * (hour - 7) / 24) + 0.2 * torch.sin(4 * math.pi * (hour - 9) / 24)
             - 0.1 * torch.cos(6 * math.pi * hour / 24))
    weekly = torch.tensor([1.15, 1.05, 1.0, 1.0, 0.98, 0.9, 0.92])[day.long()]
    trend = (1 + 0.04 * t / 8760) * (1 + 0.12 * torch.sigmoid((t - 7300) / 200))
    e = (0.05 * torch.randn(NP_HOURS, generator=g)).tolist()
    zs = [0.0]
    for v in e[1:]:
        zs.append(0.95 * zs[-1] + v)
    z = torch.tensor(zs)
    lam = 40 * daily.clamp_min(0.15) * weekly * trend * torch.exp(z)
    return torch.poisson(lam, generator=g)


def _np_rows() -> tuple[torch.Tensor, torch.Tensor, float]:
    """NeuralProphet's rows for one-step-ahead forecasts: the normalised time, the Fourier terms of the daily
    (order 6) and weekly (order 3) seasonalities, and the 24 previous hours (normalised), with the next hour as the
    target; counts scaled by the training period's mean."""
    y = _np_series()
    n_train = int(0.8 * NP_HOURS)
    scale = float(y[:n_train].mean())
    ys = y / scale
    t = torch.arange(NP_HOURS).float()
    fourier = []
    for period, order in ((24.0, NP_DAILY), (168.0, NP_WEEKLY)):
        for k in range(1, order + 1):
            fourier += [torch.sin(2 * math.pi * k * t / period), torch.cos(2 * math.pi * k * t / period)]
    lags = torch.stack([ys[NP_LAGS - k : NP_HOURS - k] for k in range(1, NP_LAGS + 1)], 1)
    rows = torch.cat([(t / n_train).unsqueeze(1), torch.stack(fourier, 1)], 1)[NP_LAGS:]
    return torch.cat([rows, lags], 1), ys[NP_LAGS:], (n_train - NP_LAGS) / (NP_HOURS - NP_LAGS)


class NeuralProphet(nn.Module):
    """NeuralProphet (Triebe et al. 2021) with its defaults for one forecast step: a piecewise-linear trend (a
    rate, an offset and 10 rate changes at changepoints spread over the first 80% of the training period), additive
    Fourier seasonalities, and AR-Net (a linear layer over the 24 lags)."""

    def __init__(self) -> None:
        super().__init__()
        self.k = nn.Parameter(torch.zeros(1))
        self.m = nn.Parameter(torch.zeros(1))
        self.delta = nn.Parameter(torch.zeros(NP_CP))
        self.register_buffer("cp", torch.linspace(0, 0.8, NP_CP + 1)[1:])
        self.season = nn.Linear(2 * (NP_DAILY + NP_WEEKLY), 1, bias=False)
        self.ar = nn.Linear(NP_LAGS, 1, bias=False)

    def forward(self, row: torch.Tensor) -> torch.Tensor:
        t = row[:, :1]
        nf = 2 * (NP_DAILY + NP_WEEKLY)
        trend = self.m + self.k * t + (F.relu(t - self.cp) * self.delta).sum(1, keepdim=True)
        return (trend + self.season(row[:, 1 : 1 + nf]) + self.ar(row[:, 1 + nf :])).squeeze(1)


def huber_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """NeuralProphet's default loss, the smooth-L1 (Huber) loss (beta 1) on the scaled counts."""
    row, y = batch
    return F.smooth_l1_loss(model(row), y)


def neural_prophet(batch_size: int = 64, seed: int = 0) -> dict[str, Any]:
    """NeuralProphet on the first 80% of the series (about 14,000 hourly rows); held out: the next 8 weeks (1344
    hours, the staffing plan's horizon), in batches of 672; AdamW with weight decay 1e-3 (NeuralProphet's
    ``optimizer="AdamW"``, whose weight decay its code sets to 1e-3)."""
    x, y, frac = _np_rows()
    n = int(frac * len(y))
    tr = (x[:n], y[:n])
    te = (x[n : n + NP_HELD], y[n : n + NP_HELD])
    torch.manual_seed(seed)
    model = NeuralProphet()
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 672),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-3),
                                "adamw_wd1e-3"),
            "loss_fn": huber_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. airfoil polars from the section's shape with a 1-d CNN (Adam; long only)

AF_PTS = 32


def _af_sections(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Airfoil sections: NACA 4-digit shapes (max camber U[0, 6]%, at U[20, 60]% chord, thickness U[6, 18]%) with
    three small Bernstein-like bumps on each surface, sampled at 32 cosine-spaced stations; an angle of attack
    U[-6, 16] deg and a Reynolds number log-uniform 1e5-3e6. Polars from thin-airfoil theory (the zero-lift angle
    and the quarter-chord moment from the camber line's slope, integrated numerically), a lift slope raised by
    thickness, a stall where the linear lift passes a maximum lift that grows with thickness, camber and Re, a
    drag polar (skin friction falling with Re, form drag with thickness, induced-like and post-stall terms);
    wind-tunnel noise. Returns (surfaces (n, 2, 32), (alpha, log Re) scaled, (Cl, 100 Cd, 10 Cm))."""
    theta = torch.linspace(0, math.pi, AF_PTS)
    x = (1 - torch.cos(theta)) / 2
    m = 0.06 * torch.rand(n, 1, generator=gen)
    p = 0.2 + 0.4 * torch.rand(n, 1, generator=gen)
    th = 0.06 + 0.12 * torch.rand(n, 1, generator=gen)
    yt = 5 * th * (0.2969 * x.sqrt() - 0.126 * x - 0.3516 * x**2 + 0.2843 * x**3 - 0.1036 * x**4)
    yc = torch.where(x < p, m / p**2 * (2 * p * x - x**2), m / (1 - p) ** 2 * (1 - 2 * p + 2 * p * x - x**2))
    modes = torch.stack([x * (1 - x) ** 3, x**2 * (1 - x) ** 2, x**3 * (1 - x)], 0) * 8  # 3, points
    bu = 0.006 * torch.randn(n, 3, generator=gen) @ modes
    bl = 0.006 * torch.randn(n, 3, generator=gen) @ modes
    yu, yl = yc + yt + bu, yc - yt + bl
    camber = (yu + yl) / 2
    slope = torch.gradient(camber, spacing=(x,), dim=1)[0]

    def integral(f: torch.Tensor) -> torch.Tensor:
        return torch.trapezoid(f, theta, dim=1)

    alpha_l0 = -integral(slope * (torch.cos(theta) - 1)) / math.pi
    a1 = 2 / math.pi * integral(slope * torch.cos(theta))
    a2 = 2 / math.pi * integral(slope * torch.cos(2 * theta))
    cm = math.pi / 4 * (a2 - a1)
    alpha = torch.deg2rad(-6 + 22 * torch.rand(n, generator=gen))
    log_re = math.log(1e5) + math.log(30) * torch.rand(n, generator=gen)
    thick = (yu - yl).max(1).values
    cl_lin = 2 * math.pi * (1 + 0.77 * thick) * (alpha - alpha_l0)
    re_f = (log_re - math.log(1e5)) / math.log(30)
    cl_max = 0.8 + 4 * thick + 10 * m.squeeze(1) + 0.3 * re_f
    over = F.relu(cl_lin - cl_max)
    cl = cl_max * torch.tanh(cl_lin / cl_max) - 0.6 * over
    cd = (0.074 / torch.exp(log_re) ** 0.2 * (1 + 2 * thick) + 0.004 + 0.008 * (cl_lin - 0.3) ** 2 / (1 + 4 * thick)
          + 0.12 * over**2)
    cm = cm - 0.15 * over
    surf = torch.stack([yu, yl], 1) * 10
    cond = torch.stack([torch.rad2deg(alpha) / 10, (log_re - 13) / 1.0], 1)
    out = torch.stack([cl, 100 * cd, 10 * cm], 1)
    out = out + torch.tensor([0.03, 0.05, 0.03]) * torch.randn(n, 3, generator=gen)
    return surf, cond, out


class AirfoilCNN(nn.Module):
    """A 1-d CNN over the upper and lower surfaces (two channels), flattened and joined with the angle of attack
    and Reynolds number, and a dense head to the lift, drag and moment coefficients."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU(), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * AF_PTS // 2 + 2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(),
                                  nn.Linear(64, 3))

    def forward(self, surf: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(surf), cond], 1))


def polar_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the three standardised coefficients."""
    surf, cond, y = batch
    return F.mse_loss(model(surf, cond), y)


def airfoil_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The airfoil CNN on 8192 (section, angle, Reynolds number) cases, coefficients standardised over them; held
    out: 2048 other cases in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(34602)
    s, c, y = _af_sections(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (s[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AirfoilCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": polar_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("fc4_adam", fc4, 300, "fc4_colour_constancy_confidence_pooling", "adam", "finite", 16,
      seconds=1.3, start_lr=0.008),
    W("phasenet_adam", phasenet, 300, "phasenet_seismic_phase_picking", "adam", "finite", 20,
      seconds=1.2, start_lr=0.016),
    W("deep_gravity_rmsprop", deep_gravity, 300, "deep_gravity_mobility_flows", "rmsprop_momentum0.9", "finite", 16,
      seconds=1.5, start_lr=0.00025),
    W("growth_ann_sgdm", growth_ann, 300, "predictive_microbiology_secondary_model_ann", "sgd_momentum0.9",
      "small_finite", 32, seconds=0.4, start_lr=0.05),
)
LONG = (
    W("neural_prophet_adamw@long", neural_prophet, 3000, "neural_prophet_ed_arrivals", "adamw_wd1e-3", "finite", 64,
      seconds=2.6, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("airfoil_cnn_adam@long", airfoil_cnn, 3000, "airfoil_polar_cnn_surrogate", "adam", "finite", 32,
      seconds=6.0, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("fc4_adam@long", fc4, 3000, "fc4_colour_constancy_confidence_pooling", "adam", "finite", 16,
      dict(train_size=8192), seconds=13.0, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="fc4_adam"),
    W("growth_ann_sgdm@long", growth_ann, 3000, "predictive_microbiology_secondary_model_ann", "sgd_momentum0.9",
      "finite", 32, dict(train_size=2048), seconds=2.8, start_lr=0.025, grid_fractions=(0.0, 0.05),
      long_of="growth_ann_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam34_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-fourth exam's workloads")
