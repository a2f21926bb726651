"""The eighty-third exam: six more workload families that neither the suite nor exams 1-82 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam82_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from shot put and glide technique,
handbell ringing and clapper strikes, snowshoeing and snow compaction, ice fishing and hole freezing, diabolos and
spin decay, and petanque and boule rolling (exam 84 was built at the same time from other domains; its module was
not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam83/README.md``. The models are named with their sources from memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- glide shot put: a grey-box net from the thrower and the glide (stature, body mass, the hip speed at the end of the
  glide, the transition time from right- to left-foot touchdown, the trunk angle at the power position, the left
  leg's block, the implement) and the release angle to the release speed and height, which the projectile equation
  turns into the official distance; release speed falling with the release angle as Linthorne (2001) measured; the
  data a biomechanics study's throws with trial-to-trial scatter; MSE of the distance in metres; AdamW (torch's
  weight decay 1e-2)
- handbell ringing, strike detection: a small 1-D CNN over the log-frequency spectrum of two consecutive frames
  (before and at the strike) says which of 12 handbells (C5-B5) the ringers struck (an onset-detection CNN as in
  Schlueter & Boeck 2014, multi-label); spectra of English-tuned handbells (fundamental and the tuned twelfth, weaker
  upper partials), earlier bells ringing on and decaying, the clapper's impact transient, its loudness with the
  clapper speed, room noise; binary cross-entropy; Adam (torch's defaults)
- snowshoe sinkage with snow compaction: a SiLU MLP from the load, the snowshoe's area and width, the snow's
  density, temperature, depth and grain type to the sinkage of the first three passes on a trail (trail breaking);
  the sinkage from Bekker's (1969) pressure-sinkage law with snow parameters from the density, limited by
  compaction towards 550 kg/m3, the snow re-densified by each pass; MSE of the log sinkage, standardised over the
  training trails; RAdam (torch's defaults)
- ice fishing, refreezing of an augered hole: a tanh MLP from the air temperature, wind, cloud, the hole's diameter,
  the slush / snow left on it and the water's heat flux to the skim-ice thickness after 1, 2, 4, 8, 12 and 24 hours;
  the thickness by integrating Stefan's problem with a surface heat-transfer coefficient (Ashton's form: conduction
  through the ice and its cover in series with the wind-dependent surface transfer and a clear-sky radiative loss,
  less the water's heat flux); MSE of the thickness in 5-cm units; RAdam (torch's defaults)
- diabolo spin decay (a long plan only): a decay-curve MLP from the diabolo (mass, cup radius, axle radius, axle
  type: fixed, one bearing, triple bearing), the string (material, tension, whether it is wrapped) and the initial
  spin to the spin at 12 times over 20 s (a sigmoid fraction of the initial spin); the data from a spin-down with
  the string's Coulomb friction on the axle (Stribeck-like, higher at low slip speed), bearing viscosity and the
  cups' air drag; MSE of the spin in units of 100 rad/s; RAdam (torch's defaults)
- petanque, where a pointed boule stops (a long plan only): an MLP with a terrain embedding from the release (height,
  speed, angle, backspin), the boule (mass, radius), the terrain (packed earth, fine gravel, coarse gravel, sand)
  and the slope to the landing-to-rest roll and the total distance; the data from a simulator (flight, one impact
  with restitution and friction, sliding until the boule rolls, rolling resistance with the slope, throw-to-throw
  variation of the ground); MSE of the distances in metres; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the diabolo and
petanque nets (no short plans), the snowshoe net on 8192 trails instead of 1024 and the ice-hole net on 4096
holes (batches of 32) instead of 1024 (batches of 128).

Of the eight plans, one uses AdamW (shot put), one Adam (handbells) and six RAdam (both snowshoe plans, both
ice-hole plans, diabolo, petanque).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam83_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam83/README.md).

    python benchmarks/exam83_workloads.py          # the table
    python benchmarks/exam83_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 83"
G = 9.81


# --------------------------------------------------------------------------------------------------------------
# 1. glide shot put: release speed and height from the glide, distance by the projectile equation (AdamW)


def _sp_throws(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Glide throws of a biomechanics study: stature 1.70-2.05 m, body mass 70-150 kg, hip speed at the end of the
    glide 1.0-3.0 m/s, transition (right- to left-foot touchdown) 0.03-0.20 s, trunk angle at the power position
    60-110 degrees from the vertical-forward, left-leg block 0-1, the implement (7.26 kg men's or 4 kg women's
    shot), release angle 28-42 degrees. The release speed grows with the mass (strength), the glide's hip speed and
    the block, falls with a long transition and away from a trunk angle near 85 degrees, is 1.3 m/s higher with the
    light shot, and falls by about 1.7 (m/s)/rad with the release angle (Linthorne 2001); the release height 1.12 x
    stature plus the arm's lift with the angle; trial-to-trial scatter of 0.8% in speed and 1.5 cm in height. The
    distance is the projectile's range from that height plus 0.25 m of release ahead of the stop board. Returns
    (scaled features (n, 8), release angle (rad), distance (m))."""
    stat = 1.70 + 0.35 * torch.rand(n, generator=gen)
    mass = 70 + 80 * torch.rand(n, generator=gen)
    hip = 1.0 + 2.0 * torch.rand(n, generator=gen)
    trans = 0.03 + 0.17 * torch.rand(n, generator=gen)
    trunk = 60 + 50 * torch.rand(n, generator=gen)
    block = torch.rand(n, generator=gen)
    light = (torch.rand(n, generator=gen) < 0.5).float()
    ang = torch.deg2rad(28 + 14 * torch.rand(n, generator=gen))
    strength = ((mass - 70) / 80).clamp_min(0) ** 0.7
    v = (10.2 + 2.4 * strength + 0.8 * (hip - 2) * (0.6 + 0.4 * block) - 5 * (trans - 0.08)
         + 0.5 * block - 0.8 * ((trunk - 85) / 25) ** 2 + 1.3 * light - 1.7 * (ang - 0.61))
    v = v * (1 + 0.008 * torch.randn(n, generator=gen))
    h = 1.12 * stat + 0.25 * torch.sin(ang) + 0.015 * torch.randn(n, generator=gen)
    vx, vy = v * torch.cos(ang), v * torch.sin(ang)
    dist = vx * (vy + (vy**2 + 2 * G * h).sqrt()) / G + 0.25
    feats = torch.stack([(stat - 1.875) / 0.1, (mass - 110) / 23, (hip - 2) / 0.58, (trans - 0.115) / 0.05,
                         (trunk - 85) / 14.4, (block - 0.5) / 0.29, 2 * light - 1, (ang - 0.61) / 0.07], 1)
    return feats, ang, dist


class ShotPutNet(nn.Module):
    """A grey-box release model: a tanh MLP from the thrower, glide and angle features to the release speed and
    height (about 11 m/s and 2.1 m), then the projectile range from that height plus the release ahead of the board."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, feats: torch.Tensor, ang: torch.Tensor) -> torch.Tensor:
        p = self.net(feats)
        v = 11.0 + 1.5 * p[:, 0]
        h = 2.1 + 0.2 * p[:, 1]
        vx, vy = v * torch.cos(ang), v * torch.sin(ang)
        return vx * (vy + (vy**2 + 2 * G * h).clamp_min(1e-6).sqrt()) / G + 0.25


def distance_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the distance (m)."""
    feats, ang, d = batch
    return F.mse_loss(model(feats, ang), d)


def shot_put(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The release net (64 tanh units a layer) on 2048 throws, batches of 64; held out: 2048 other throws in batches
    of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(83102)
    f, a, d = _sp_throws(train_size + 2048, gen)
    tr = (f[:train_size], a[:train_size], d[:train_size])
    torch.manual_seed(seed)
    return {"model": ShotPutNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[train_size:], a[train_size:], d[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": distance_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. handbell ringing: which bells were struck, from the spectra of two frames (Adam)

HB_BELLS, HB_BINS = 12, 96


def _hb_frames(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pairs of spectrum frames (96 log-spaced bands, 400 Hz - 9 kHz) of a 12-bell chromatic handbell set C5-B5
    (523-988 Hz, each bell detuned by up to 8 cents). A handbell's partials: the fundamental, the tuned twelfth (3
    f, the English handbell's tuning) at -6 dB and a weak 5.4 f at -18 dB. Before the strike 0-4 bells ring on from
    earlier strokes (their level -6 to -30 dB, the upper partials decayed more); at the strike 1-3 bells are struck
    (labels), each at a level set by the clapper speed (a 20 dB range, louder strikes brighter), with the clapper's
    impact transient (broadband, falling with frequency) on top, and the earlier bells 2 dB quieter, or damped
    against the ringer's shoulder (gone) with probability 0.3; room noise at -45 dB. Returns (log band energies
    (n, 2, 96), struck bells (n, 12))."""
    edges = torch.linspace(math.log2(400), math.log2(9000), HB_BINS)
    f0 = math.log2(523.25) + torch.arange(HB_BELLS) / 12.0
    f0 = f0.view(1, -1) + (torch.rand(n, HB_BELLS, generator=gen) - 0.5) * 16 / 1200
    partials = torch.tensor([0.0, math.log2(3.0), math.log2(5.4)])
    pos = f0.unsqueeze(2) + partials.view(1, 1, 3)  # n, bells, partials (log2 Hz)
    shape = torch.exp(-(((edges.view(1, 1, 1, -1) - pos.unsqueeze(3)) / 0.035) ** 2))  # n, bells, partials, bins
    prev_on = torch.rand(n, HB_BELLS, generator=gen) < (torch.randint(0, 5, (n, 1), generator=gen) / HB_BELLS)
    prev_db = -6 - 24 * torch.rand(n, HB_BELLS, generator=gen)
    prev_amp = prev_on.float() * 10 ** (prev_db / 10)
    prev_part = torch.stack([torch.ones(n, HB_BELLS), 10 ** (-1.0 - 0.4 * torch.rand(n, HB_BELLS, generator=gen)),
                             10 ** (-2.4 - 0.6 * torch.rand(n, HB_BELLS, generator=gen))], 2)
    k = torch.randint(1, 4, (n, 1), generator=gen)
    order = torch.rand(n, HB_BELLS, generator=gen).argsort(1)
    struck = torch.zeros(n, HB_BELLS).scatter_(1, order, (torch.arange(HB_BELLS).view(1, -1) < k).float())
    speed = torch.rand(n, HB_BELLS, generator=gen)
    amp = struck * 10 ** ((-20 + 20 * speed) / 10)
    bright = 10 ** (-0.6 - 0.4 * (1 - speed))
    part = torch.stack([torch.ones(n, HB_BELLS), bright, 10 ** (-1.8) * bright], 2)
    damped = (torch.rand(n, HB_BELLS, generator=gen) < 0.3).float()
    after = prev_amp * (1 - damped) * 10 ** (-0.2)
    e_prev = ((prev_amp.unsqueeze(2) * prev_part).unsqueeze(3) * shape).sum((1, 2))
    e_now = ((after.unsqueeze(2) * prev_part).unsqueeze(3) * shape).sum((1, 2))
    e_now = e_now + ((amp.unsqueeze(2) * part).unsqueeze(3) * shape).sum((1, 2))
    hit = (amp * speed).sum(1, keepdim=True)
    e_now = e_now + 0.004 * hit * torch.exp(-(edges.view(1, -1) - edges[0]) / 3.0)
    noise = lambda: 10 ** (-4.5) * (0.5 + torch.rand(n, HB_BINS, generator=gen))  # noqa: E731
    x = torch.stack([torch.log10(e_prev + noise()), torch.log10(e_now + noise())], 1)
    return (x + 2.5) / 1.5, struck


class StrikeCNN(nn.Module):
    """An onset-detection CNN (after Schlueter & Boeck 2014, scaled down): two 1-D convolutions over the bands with
    the two frames as channels, max pooling, a dense layer to one logit per bell."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.ReLU(), nn.Conv1d(width, width, 5, padding=2),
                                  nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Linear(width * HB_BINS // 2, HB_BELLS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def strike_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy of the struck bells (mean over bells and frames)."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def handbell_strikes(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The strike CNN on 2048 frame pairs; held out: 2048 other pairs in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(83202)
    x, y = _hb_frames(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrikeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": strike_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. snowshoe sinkage over three passes, Bekker's law with compaction (RAdam)

SS_GRAINS = 4


def _ss_trails(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A snowshoer's step on fresh snow: load (body and pack, with the step's dynamic factor) 600-1300 N, shoe
    area 0.07-0.20 m2 and width 0.18-0.26 m, snow density 70-350 kg/m3, temperature -20 to 0 C, depth of the soft
    layer 0.2-1.2 m, grain type (new, rounded, faceted, wet). The sinkage z solves Bekker's p = (k_c / b + k_phi)
    z^n with k_c, k_phi rising steeply with the density (and with sintering in the cold for rounded grains, falling
    for wet snow and facets), n from 1.1 (light snow) to 0.7 (dense); the layer can compact only towards 550 kg/m3,
    so z saturates smoothly at depth (1 - rho / 550). Each pass re-densifies the trodden snow (rho D / (D - z)) for
    the next. 6% scatter. Returns (features (n, 10), log sinkage in cm of passes 1-3 (n, 3))."""
    load = 600 + 700 * torch.rand(n, generator=gen)
    area = 0.07 + 0.13 * torch.rand(n, generator=gen)
    width = 0.18 + 0.08 * torch.rand(n, generator=gen)
    rho = 70 + 280 * torch.rand(n, generator=gen)
    temp = -20 * torch.rand(n, generator=gen)
    depth = 0.2 + 1.0 * torch.rand(n, generator=gen)
    grain = torch.randint(0, SS_GRAINS, (n,), generator=gen)
    gfac = torch.tensor([1.0, 1.6, 0.7, 0.5])[grain]
    sinter = torch.where(grain == 1, 1 + 0.5 * torch.exp(-((temp + 6) / 5) ** 2), torch.ones(n))
    p = load / area
    zs = []
    r, d = rho, depth
    for _ in range(3):
        kphi = 2.0e4 * torch.exp((r - 200) / 70) * gfac * sinter
        kc = 1.5e3 * torch.exp((r - 200) / 90) * gfac
        nexp = 1.1 - 0.4 * ((r - 70) / 480).clamp(0, 1)
        z = (p / (kc / width + kphi)) ** (1 / nexp)
        cap = d * (1 - r / 550).clamp_min(0.02)
        z = cap * (1 - torch.exp(-z / cap))
        zs.append(z)
        r = r * d / (d - z)
        d = d - z
    zt = torch.stack(zs, 1) * torch.exp(0.06 * torch.randn(n, 3, generator=gen))
    feats = torch.cat([torch.stack([(load - 950) / 200, (area - 0.135) / 0.0375, (width - 0.22) / 0.023,
                                    (rho - 210) / 81, (temp + 10) / 5.8, (depth - 0.7) / 0.29], 1),
                       F.one_hot(grain, SS_GRAINS).float()], 1)
    return feats, torch.log(100 * zt + 0.1)


class SinkageNet(nn.Module):
    """A SiLU MLP from the load, shoe and snow features to the log sinkage of three passes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6 + SS_GRAINS, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sinkage_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log sinkage (standardised over the training trails)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def snowshoe_sinkage(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The sinkage net on 1024 trails, the log sinkages standardised over them; held out: 2048 other trails in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(83302)
    x, y = _ss_trails(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SinkageNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": sinkage_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. ice fishing: refreezing of an augered hole, Stefan's problem with surface transfer (RAdam)

IH_HOURS = torch.tensor([1.0, 2.0, 4.0, 8.0, 12.0, 24.0])


def _ih_holes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Augered holes left open: air temperature -35 to -3 C, wind 0-12 m/s, cloud 0-1, hole diameter 15-25 cm,
    slush / snow left on the hole 0-4 cm, the water's heat flux to the ice 0-25 W/m2. The skim ice grows as
    rho_i L dh/dt = (T_f - T_a') / (h / k_i + s / k_s + 1 / H) - q_w (Stefan's problem with Ashton's surface
    transfer): H = 6 + 4.5 wind^0.8 W/m2K, a clear-sky radiative loss as an air 6 (1 - cloud) C colder, the narrow
    hole freezing a little faster from its rim (x (1 + 0.8 / diameter in cm)), integrated in 6-minute steps over
    24 hours. 6% scatter and 0.5 mm of reading error. Returns (features (n, 6), thickness at 1, 2, 4, 8, 12, 24 h in
    5-cm units (n, 6))."""
    ta = -35 + 32 * torch.rand(n, generator=gen)
    wind = 12 * torch.rand(n, generator=gen)
    cloud = torch.rand(n, generator=gen)
    diam = 15 + 10 * torch.rand(n, generator=gen)
    slush = 0.04 * torch.rand(n, generator=gen)
    qw = 25 * torch.rand(n, generator=gen)
    hcoef = 6 + 4.5 * wind**0.8
    teff = ta - 6 * (1 - cloud)
    rim = 1 + 0.8 / diam
    ki, ks, rl = 2.2, 0.25, 917 * 334e3
    h = torch.zeros(n)
    dt = 360.0
    out = []
    steps_at = {int(t * 10) for t in IH_HOURS.tolist()}
    for step in range(1, 241):
        flux = (0 - teff) / (h / ki + slush / ks + 1 / hcoef) - qw
        h = (h + rim * flux.clamp_min(0) * dt / rl).clamp_min(0)
        if step in steps_at:
            out.append(h)
    y = torch.stack(out, 1) * torch.exp(0.06 * torch.randn(n, 6, generator=gen))
    y = (y + 0.0005 * torch.randn(n, 6, generator=gen)).clamp_min(0)
    feats = torch.stack([(ta + 19) / 9.2, (wind - 6) / 3.5, (cloud - 0.5) / 0.29, (diam - 20) / 2.9,
                         (slush - 0.02) / 0.0115, (qw - 12.5) / 7.2], 1)
    return feats, y / 0.05


class RefreezeNet(nn.Module):
    """A tanh MLP (the feed-forward nets of ice-thickness forecasting) from the weather and hole to the thickness
    curve."""

    def __init__(self, hidden: int = 96) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, len(IH_HOURS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def thickness_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the ice thickness (5-cm units)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def ice_hole(batch_size: int = 128, seed: int = 0, train_size: int = 1024, hidden: int = 96) -> dict[str, Any]:
    """The refreeze net (96 tanh units a layer) on 1024 holes (batches of 128; the long plan: 4096 holes, batches
    of 32); held out: 2048 other holes in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(83402)
    x, y = _ih_holes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RefreezeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": thickness_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. diabolo spin decay, a decay-curve net (RAdam; long only)

DB_T = torch.linspace(0.0, 20.0, 13)[1:]


def _db_spins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A diabolo left spinning on the string: mass 0.2-0.35 kg, cup radius 5-7 cm, axle radius 3-6 mm, axle fixed
    / one bearing / triple bearing, string nylon or polyester, tension 0.8-2.5 x its weight, wrapped around the axle
    (a loop) or not, initial spin 40-190 rad/s (about 400-1800 rpm). Moment of inertia 0.55 m R^2. Torques: the
    string's friction on the axle, mu T r (a free spin on bearings: 8% of it), with mu higher at low slip speed
    (mu0 (1 + 0.6 exp(-w r / 0.05)), Stribeck-like) and 2.5x with a wrap; bearing grease b w; air drag of the
    cups 0.5 rho C R^5 w^2. Integrated in 10-ms steps to 20 s; 1.5% scatter. Returns (features (n, 9), initial spin
    / 100, spin / 100 at 12 times over 20 s (n, 12))."""
    m = 0.2 + 0.15 * torch.rand(n, generator=gen)
    rad = 0.05 + 0.02 * torch.rand(n, generator=gen)
    ra = 0.003 + 0.003 * torch.rand(n, generator=gen)
    axle = torch.randint(0, 3, (n,), generator=gen)
    poly = (torch.rand(n, generator=gen) < 0.5).float()
    tens = (0.8 + 1.7 * torch.rand(n, generator=gen)) * m * G
    wrap = (torch.rand(n, generator=gen) < 0.3).float()
    w0 = 40 + 150 * torch.rand(n, generator=gen)
    inertia = 0.55 * m * rad**2
    mu0 = (0.25 + 0.1 * poly) * torch.tensor([1.0, 0.08, 0.05])[axle] * (1 + 1.5 * wrap)
    visc = torch.tensor([2e-7, 6e-7, 9e-7])[axle]
    drag = 0.5 * 1.2 * 0.9 * rad**5
    w = w0.clone()
    out = []
    marks = {int(round(t * 100)) for t in DB_T.tolist()}
    for step in range(1, 2001):
        mu = mu0 * (1 + 0.6 * torch.exp(-w * ra / 0.05))
        torque = mu * tens * ra + visc * w + drag * w**2
        w = (w - torque / inertia * 0.01).clamp_min(0)
        if step in marks:
            out.append(w)
    y = torch.stack(out, 1) * (1 + 0.015 * torch.randn(n, 12, generator=gen))
    feats = torch.cat([torch.stack([(m - 0.275) / 0.043, (rad - 0.06) / 0.0058, (ra - 0.0045) / 0.00087,
                                    2 * poly - 1, (tens / (m * G) - 1.65) / 0.49, 2 * wrap - 1], 1),
                       F.one_hot(axle, 3).float()], 1)
    return feats, w0 / 100, y / 100


class SpinDecayNet(nn.Module):
    """A decay-curve net: a SiLU MLP from the diabolo and string features and the initial spin to the spin at the 12
    times, as a fraction of the initial spin through a sigmoid (a spin only falls) times the initial spin."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(DB_T)))

    def forward(self, feats: torch.Tensor, w0: torch.Tensor) -> torch.Tensor:
        frac = torch.sigmoid(self.net(torch.cat([feats, (w0.unsqueeze(1) - 1.15) / 0.43], 1)))
        return w0.unsqueeze(1) * frac


def spin_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the spin (100 rad/s)."""
    feats, w0, y = batch
    return F.mse_loss(model(feats, w0), y)


def diabolo_spin(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The decay-curve net (64 SiLU units a layer) on 4096 spins; held out: 2048 other spins in batches of 1024;
    RAdam."""
    gen = torch.Generator().manual_seed(83502)
    f, w0, y = _db_spins(train_size + 2048, gen)
    tr = (f[:train_size], w0[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpinDecayNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[train_size:], w0[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": spin_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. petanque: where a pointed boule comes to rest (RAdam; long only)

PQ_TERRAINS = 4


def _pq_throws(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pointing throws: release height 0.4-1.4 m (crouched to standing), speed 3-7.5 m/s, angle 5-55 degrees (a
    rolled shot to a high lob, "plombee"), backspin 0-15 rev/s; boule 650-800 g, radius 35.5-40 mm; terrain packed
    earth, fine gravel, coarse gravel, sand (restitution 0.25 / 0.2 / 0.15 / 0.05, impact friction 0.35 / 0.45 /
    0.55 / 0.6, rolling resistance 0.08 / 0.12 / 0.18 / 0.30, each varying 3% from throw to throw); slope -3 to
    +3% along the line. Flight without drag to the landing; one impact: the vertical speed kept by the restitution
    (the rest of the hop ignored), the horizontal speed and the backspin changed by the friction impulse (limited
    to reaching rolling); then sliding friction until the boule rolls (v = R w), then rolling resistance (and the
    slope) at 5/7 g to rest. Returns (features (n, 11), terrain ids, (roll, total distance) in metres (n, 2))."""
    h = 0.4 + 1.0 * torch.rand(n, generator=gen)
    v = 3 + 4.5 * torch.rand(n, generator=gen)
    ang = torch.deg2rad(5 + 50 * torch.rand(n, generator=gen))
    spin = 2 * math.pi * 15 * torch.rand(n, generator=gen)
    mass = 0.65 + 0.15 * torch.rand(n, generator=gen)
    rad = 0.0355 + 0.0045 * torch.rand(n, generator=gen)
    ter = torch.randint(0, PQ_TERRAINS, (n,), generator=gen)
    slope = -0.03 + 0.06 * torch.rand(n, generator=gen)
    var = lambda: torch.exp(0.03 * torch.randn(n, generator=gen))  # noqa: E731
    e = torch.tensor([0.25, 0.2, 0.15, 0.05])[ter] * var()
    mu_i = torch.tensor([0.35, 0.45, 0.55, 0.6])[ter] * var()
    mu_r = torch.tensor([0.08, 0.12, 0.18, 0.30])[ter] * var()
    vx, vy = v * torch.cos(ang), v * torch.sin(ang)
    vz = (vy**2 + 2 * G * h).sqrt()
    t_f = (vy + vz) / G
    x_land = vx * t_f
    # the impact: the normal impulse (1 + e) m vz, friction at most mu_i of it, towards rolling
    slip = vx + rad * spin  # contact-point slip speed (backspin adds to it)
    dv_max = mu_i * (1 + e) * vz
    dv = torch.minimum(dv_max, 2 / 7 * slip)
    vx1 = vx - dv
    w1 = spin - 2.5 * dv / rad  # backspin falls (or turns to topspin) by the torque
    # sliding on the ground until rolling: v - R w_top -> 0 where w_top = -w1
    slip1 = vx1 + rad * w1
    mu_s = 0.8 * mu_i
    t_s = (2 / 7) * slip1.clamp_min(0) / (mu_s * G)
    x_s = vx1 * t_s - 0.5 * mu_s * G * t_s**2
    v_roll = (vx1 - mu_s * G * t_s).clamp_min(0.02)
    dec = 5 / 7 * G * (mu_r + slope).clamp_min(0.01)
    x_r = v_roll**2 / (2 * dec)
    hop = e * vz * 2 * e * vz / G * 0.5 * vx1 / (vx1.abs() + 1)  # the short hop after the impact
    roll = (x_s.clamp_min(0) + x_r + hop).clamp_max(30)
    feats = torch.stack([(h - 0.9) / 0.29, (v - 5.25) / 1.3, (ang - 0.524) / 0.25, (spin - 47) / 27.2,
                         (mass - 0.725) / 0.043, (rad - 0.03775) / 0.0013, slope / 0.0173], 1)
    return feats, ter, torch.stack([roll, x_land + roll], 1)


class BouleNet(nn.Module):
    """An MLP with a learned terrain embedding (dimension 3), joined with the throw, through three SiLU layers to the
    roll and total distance."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(PQ_TERRAINS, 3)
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 2))

    def forward(self, feats: torch.Tensor, ter: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([feats, self.emb(ter)], 1))


def boule_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the roll and total distance (m)."""
    feats, ter, y = batch
    return F.mse_loss(model(feats, ter), y)


def petanque_roll(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The boule net on 4096 throws; held out: 2048 other throws in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(83602)
    f, t, y = _pq_throws(train_size + 2048, gen)
    tr = (f[:train_size], t[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BouleNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[train_size:], t[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": boule_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("shot_put_glide_adamw", shot_put, 300, "glide_shot_put_release_projectile_net", "adamw_wd1e-2", "finite", 64,
      seconds=0.3, start_lr=0.064),
    W("handbell_strikes_adam", handbell_strikes, 300, "handbell_strike_onset_spectrum_cnn", "adam", "finite", 32,
      seconds=0.8, start_lr=0.032),
    W("snowshoe_sinkage_radam", snowshoe_sinkage, 300, "snowshoe_bekker_compaction_sinkage_mlp", "radam", "finite",
      32, seconds=0.2, start_lr=0.512),
    W("ice_hole_radam", ice_hole, 300, "ice_fishing_hole_refreeze_stefan_mlp", "radam", "finite", 128,
      seconds=0.3, start_lr=0.512),
)
LONG = (
    W("diabolo_spin_radam@long", diabolo_spin, 3000, "diabolo_spin_decay_curve_mlp", "radam", "finite", 32,
      seconds=2.0, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("petanque_roll_radam@long", petanque_roll, 3000, "petanque_boule_roll_terrain_mlp", "radam", "finite", 32,
      seconds=2.4, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("snowshoe_sinkage_radam@long", snowshoe_sinkage, 3000, "snowshoe_bekker_compaction_sinkage_mlp", "radam",
      "finite", 32, dict(train_size=8192), seconds=1.7, start_lr=0.128, grid_fractions=(0.0, 0.05),
      long_of="snowshoe_sinkage_radam"),
    W("ice_hole_radam@long", ice_hole, 3000, "ice_fishing_hole_refreeze_stefan_mlp", "radam", "finite", 32,
      dict(train_size=4096), seconds=1.6, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="ice_hole_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam83_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-third exam's workloads")
