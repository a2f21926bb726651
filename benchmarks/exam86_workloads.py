"""The eighty-sixth exam: six more workload families that neither the suite nor exams 1-84 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam84_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from gongs and vibration modes,
orienteering and route choice, unicycles and balance control, tapestry weaving and thread tension, ice sculptures
and melting, and spinning wheels and yarn twist (exams 85, 87 and 88 were built at the same time from other domains;
their modules were not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam86/README.md``. Every model and field convention below is the author's memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- the pitch glide of a Chinese opera gong (Fletcher 1985's nonlinear shallow-shell account: a hardening cubic
  term of the plate against a softening quadratic one from the dome, so a flat gong's pitch falls as it decays and
  a domed one's rises): a SiLU MLP (three layers of 256) from the gong's diameter, thickness, dome rise, the
  strike's velocity and the mallet's hardness to the pitch of the fundamental (in semitones) at 16 times over the
  first 1.5 s; the data from a Duffing-like backbone f(t) = f0 (1 + gamma (A(t) / h)^2) with an exponentially
  decaying amplitude, pitch-tracker scatter of 20 cents; MSE of the pitch in units of 6 semitones; RAdam (torch's
  defaults)
- orienteering: a small U-Net with batch norm (as in learned path-planning work, e.g. Neural A*) from a 12 x 12
  orienteering map (ISOM-like runnability classes, paths, terrain height, the control's cell, the straight-line
  distance to it) to the travel time from every cell to the control; the field from a shortest-path (Bellman-Ford)
  relaxation over the 8-neighbour grid with Tobler's hiking function for the slope and the runnability's speed
  factor; MSE of log(1 + minutes); Adam (torch's defaults)
- unicycle falls: a 1D CNN with batch norm (as IMU fall-detection CNNs are built) over 2 s of a unicycle's IMU
  (pitch and roll rates, fore-aft and lateral accelerations at 50 Hz) classifies what the next 1.5 s bring: riding
  on, a forward fall (an "unplanned dismount") or a backward fall; rides from an inverted-pendulum rider on a wheel
  with a delayed proportional-derivative balance controller (the rider's gains and delay drawn per ride), bumps and
  sensor noise; cross-entropy; SGD with Nesterov momentum 0.9 and weight decay 1e-4
- handspun yarn from a spinning wheel: a SiLU MLP (three layers of 256) from the wheel's drive ratio, the treadling
  cadence, the drafting (take-up) speed (set by the spinner for the twist she aims at), the brake tension, the
  fibre's diameter and staple length, the grist and the ply to the yarn's log twist per metre, helix angle,
  tenacity and breaking extension (standardised); the data from the twist geometry (tan alpha = pi d T, the yarn's
  diameter from its tex and packing) with take-up slip and Hearle's staple-yarn strength law eta = cos^2(alpha)
  (1 - k cosec(alpha)) plus tensile-test scatter; MSE; RAdam
- tapestry weaving (a long plan only): a SiLU MLP (three layers of 128) from the warp sett, warp and weft
  diameters, the weft's bubbling angle, weft and warp tension and the beater's force to the picks per cm, the weft
  crimp, the draw-in of the selvedges after 20 cm of weaving and the warp coverage (standardised); the data from
  Peirce's (1937) geometry of a plain weave made weft-faced (crimp interchange between warp and weft by their
  tensions, the weft's extra length from the bubbles against the length its crimp needs); MSE; RAdam
- ice sculptures melting outdoors (a long plan only): a 1D CNN over 48 hours of weather (air temperature, solar
  radiation, wind, humidity, cloud) and the carving's albedo, shade and thickness gives a non-negative surface
  lowering (melt) for every hour; the data from a surface energy balance (absorbed short-wave, long-wave with cloud,
  a wind-dependent turbulent sensible flux, a latent flux from the vapour-pressure difference, cold content carried
  over cold nights) divided by the latent heat of fusion, a laser gauge's 0.1 mm noise; MSE of the hourly lowering
  in mm; RAdam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tapestry net and
the ice-sculpture CNN (no short plans), the gong-glide net on 8192 gongs instead of 2048 and the yarn net on 8192
spinnings instead of 2048.

Of the eight plans, six use RAdam (all four long plans and the two short plans of the families with long versions),
one Adam (orienteering) and one SGD with Nesterov momentum (unicycle).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam86_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam86/README.md).

    python benchmarks/exam86_workloads.py          # the table
    python benchmarks/exam86_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 86"


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. the pitch glide of a Chinese opera gong (RAdam; short and long)

GG_TIMES = 16


def _gg_strikes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Gongs and strikes: diameter 0.2-0.32 m, thickness 1.2-2.5 mm, dome rise 0-6 mm (flat to domed), strike
    velocity 0.5-4 m/s, mallet hardness 0-1. The linear fundamental of a clamped-free plate, f0 = 0.47 c h / a^2
    with c = 5000 m/s for bronze, raised by the dome (sqrt(1 + 0.6 (rise / h)^2)); the initial amplitude of the
    fundamental A0 = v / (2 pi f0) times the mallet's coupling (softer mallets put more into the fundamental) and
    0.4 (the mallet's share of the momentum that goes into the mode); a
    decay time of 0.4-1.6 s growing with thickness and falling with diameter; the backbone of Fletcher (1985):
    f(t) / f0 = 1 + (3/8 - 0.9 (rise / h)^2 / (1 + 0.6 (rise / h)^2)) (A(t) / h)^2, the glide in semitones
    saturating smoothly at +-6 (6 tanh(g / 6)). The pitch in semitones from 300 Hz at 16 times from 0.05 to 1.5 s,
    with 20 cents of pitch-tracker scatter (a gong's beating, inharmonic partials). Returns (scaled gong and strike
    parameters (n, 5), pitch in units of 6 semitones (n, 16))."""
    d = 0.2 + 0.12 * torch.rand(n, generator=gen)
    h = 1.2e-3 + 1.3e-3 * torch.rand(n, generator=gen)
    rise = 6e-3 * torch.rand(n, generator=gen) ** 1.5
    v = 0.5 + 3.5 * torch.rand(n, generator=gen)
    hard = torch.rand(n, generator=gen)
    a = d / 2
    r = rise / h
    f0 = 0.47 * 5000 * h / a**2 * torch.sqrt(1 + 0.6 * r**2)
    a0 = v / (2 * math.pi * f0) * (1.6 - 0.8 * hard) * 0.4
    tau = 0.8 * (h / 1.6e-3) ** 0.7 * (0.3 / d) ** 1.2
    t = torch.linspace(0.05, 1.5, GG_TIMES).view(1, -1)
    amp = a0.view(-1, 1) * torch.exp(-t / tau.view(-1, 1))
    gamma = 0.375 - 0.9 * r**2 / (1 + 0.6 * r**2)
    ratio = 1 + gamma.view(-1, 1) * (amp / h.view(-1, 1)) ** 2
    semis = 12 * torch.log2(f0.view(-1, 1) / 300) + 6 * torch.tanh(2 * torch.log2(ratio.clamp_min(0.05)))
    semis = semis + 0.2 * torch.randn(semis.shape, generator=gen)
    x = torch.stack([(d - 0.26) / 0.035, (h - 1.85e-3) / 0.375e-3, (rise - 2.4e-3) / 1.8e-3, (v - 2.25) / 1.0,
                     (hard - 0.5) / 0.29], 1)
    return x, semis / 6


class GongGlideNet(nn.Module):
    """A SiLU MLP (three hidden layers) from the five gong and strike parameters to the fundamental's pitch at 16
    times."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, GG_TIMES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def gong_glide(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 256) -> dict[str, Any]:
    """The gong-glide net on ``train_size`` strikes (pitch in units of 6 semitones); held out: 2048 other strikes in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(86102)
    x, y = _gg_strikes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GongGlideNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. orienteering: travel time to the control over a map, a small U-Net (Adam)

OR_SIZE, OR_CELL = 12, 33.0  # cells, metres a cell
OR_SPEED = torch.tensor([1.0, 0.8, 0.65, 0.5, 0.35, 0.25])  # open, forest, slow run, walk, fight, marsh


def _or_maps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Orienteering maps of 400 x 400 m in 33 m cells: terrain height from 4 Gaussian hills (up to 35 m), the
    vegetation (ISOM-like runnability classes) from a smoothed random field thresholded into 6 classes, 0-2 straight
    paths (speed factor 1.15 where they run), a control at a random cell. The runner's time from every cell to the
    control: a Bellman-Ford relaxation (30 sweeps) over 8 neighbours, each step's time the distance at a base pace
    of 5 min/km
    times the two cells' mean speed factor times Tobler's hiking function of the step's slope (normalised to 1 on
    the flat). Returns (maps (n, 5, 12, 12): speed factor, path, height / 20 m, control, straight-line distance to
    the control / 200 m; log(1 + minutes), the time capped at 30 min)."""
    s = OR_SIZE
    ii = torch.arange(s).float()
    yy, xx = torch.meshgrid(ii, ii, indexing="ij")
    height = torch.zeros(n, s, s)
    for _ in range(4):
        c = torch.rand(n, 2, 1, 1, generator=gen) * s
        w = 1.5 + 3 * torch.rand(n, 1, 1, generator=gen)
        amp = 35 * torch.rand(n, 1, 1, generator=gen)
        height += amp * torch.exp(-((xx - c[:, 0]) ** 2 + (yy - c[:, 1]) ** 2) / (2 * w**2))
    noise = torch.randn(n, 1, s, s, generator=gen)
    k = torch.tensor([1.0, 4.0, 6.0, 4.0, 1.0])
    k = (k.view(5, 1) * k.view(1, 5)) / 256
    field = F.conv2d(F.conv2d(noise, k.view(1, 1, 5, 5), padding=2), k.view(1, 1, 5, 5), padding=2).squeeze(1)
    field = field / field.flatten(1).std(1).view(-1, 1, 1)
    cls = torch.bucketize(field, torch.tensor([-1.3, -0.2, 0.5, 1.1, 1.7]))
    speed = OR_SPEED[cls]
    path = torch.zeros(n, s, s)
    for p in range(2):
        on = (torch.rand(n, 1, 1, generator=gen) < 0.7 - 0.3 * p).float()
        ang = torch.rand(n, 1, 1, generator=gen) * math.pi
        off = (torch.rand(n, 1, 1, generator=gen) - 0.5) * 8
        dist = ((xx - s / 2) * torch.cos(ang) + (yy - s / 2) * torch.sin(ang) - off).abs()
        path = torch.maximum(path, on * (dist < 0.6).float())
    speed = torch.where(path > 0, torch.full_like(speed, 1.15), speed)
    ctrl = torch.randint(0, s * s, (n,), generator=gen)
    big = 1e6
    t = torch.full((n, s * s), big)
    t[torch.arange(n), ctrl] = 0.0
    t = t.view(n, s, s)
    pace = 5.0 / 1000  # minutes a metre
    tob0 = math.exp(-3.5 * 0.05)
    steps = []
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy == 0 and dx == 0:
                continue
            dist = OR_CELL * math.hypot(dy, dx)
            nb_h = torch.roll(height, (-dy, -dx), (1, 2))
            nb_s = torch.roll(speed, (-dy, -dx), (1, 2))
            slope = (nb_h - height) / dist  # from this cell to the neighbour
            tob = torch.exp(-3.5 * (slope + 0.05).abs()) / tob0
            cost = dist * pace / (0.5 * (speed + nb_s) * tob)
            valid = torch.ones(s, s, dtype=torch.bool)
            if dy == -1:
                valid[0] = False
            if dy == 1:
                valid[-1] = False
            if dx == -1:
                valid[:, 0] = False
            if dx == 1:
                valid[:, -1] = False
            steps.append((dy, dx, torch.where(valid, cost, torch.full_like(cost, big))))
    for _ in range(30):
        for dy, dx, cost in steps:
            t = torch.minimum(t, torch.roll(t, (-dy, -dx), (1, 2)) + cost)
    onehot = torch.zeros(n, s * s)
    onehot[torch.arange(n), ctrl] = 1.0
    cy, cx = (ctrl // s).float().view(-1, 1, 1), (ctrl % s).float().view(-1, 1, 1)
    crow = OR_CELL * torch.sqrt((yy - cy) ** 2 + (xx - cx) ** 2) / 200  # the straight line to the control, 200 m
    maps = torch.stack([speed, path, height / 20, onehot.view(n, s, s), crow], 1)
    return maps, torch.log1p(t.clamp_max(30.0)).unsqueeze(1)


class RouteUNet(nn.Module):
    """A small U-Net (Ronneberger et al. 2015's shape, two levels down, one convolution a level): 3x3 convolutions
    with batch norm and ReLU, 2x2 max pooling, nearest-neighbour upsampling with skip connections, a 1x1 convolution
    to the time field."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()
        w = width

        def block(i: int, o: int) -> nn.Module:
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU())

        self.e1, self.e2, self.mid = block(5, w), block(w, 2 * w), block(2 * w, 2 * w)
        self.d2, self.d1 = block(4 * w, w), block(2 * w, w)
        self.out = nn.Conv2d(w, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        e1 = self.e1(x)
        e2 = self.e2(F.max_pool2d(e1, 2))
        m = self.mid(F.max_pool2d(e2, 2))
        d2 = self.d2(torch.cat([F.interpolate(m, scale_factor=2.0), e2], 1))
        d1 = self.d1(torch.cat([F.interpolate(d2, scale_factor=2.0), e1], 1))
        return self.out(d1)


def orienteering_time(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The U-Net (8 channels at the top level) on 2048 maps; held out: 512 other maps in batches of 256; Adam."""
    gen = torch.Generator().manual_seed(86202)
    x, y = _or_maps(train_size + 512, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RouteUNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. unicycle falls from a short IMU window, a 1D CNN (SGD with Nesterov momentum)

UF_HZ, UF_WIN, UF_AHEAD = 50, 100, 75


def _uf_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rides of 3.5 s at 50 Hz. Pitch: an inverted pendulum of length l (0.9-1.2 m, the rider's centre of mass
    over the hub) on a wheel whose acceleration the rider sets, theta'' = (g sin theta - a cos theta) / l, with
    a = kp theta(t - d) + kd theta'(t - d) + a drift term, the gains drawn around the ones that balance (kp 1.0-1.6 g,
    kd 0.15-0.45 g s), the delay d 0.12-0.26 s, the wheel's acceleration limited to +-4 m/s2 (the rider's
    pedalling); roll: a weaker pendulum steered by twisting, gains and delay drawn likewise; bumps (impulses on the
    pitch and roll rates, 0-2 a ride, within the recorded window) and a slow disturbance; a rider who falls within
    the window is put back upright (a remount). Label over the last 1.5 s: 0 riding on,
    1 a forward fall (pitch past +0.6 rad, or the wheel saturated and the pitch past 0.35), 2 a backward fall. The
    IMU over the first 2 s: pitch and roll rates (gyro noise 0.03 rad/s) and the fore-aft and lateral
    accelerations (0.2 m/s2 noise), each channel scaled to about unit spread. Returns (IMU (n, 4, 100), labels)."""
    g, dt = 9.81, 1.0 / UF_HZ
    total = UF_WIN + UF_AHEAD
    l = 0.9 + 0.3 * torch.rand(n, generator=gen)
    kp = g * (1.0 + 0.6 * torch.rand(n, generator=gen))
    kd = g * (0.15 + 0.3 * torch.rand(n, generator=gen))
    dly = (6 + torch.randint(0, 8, (n,), generator=gen))
    kr = 0.6 + 0.8 * torch.rand(n, generator=gen)
    kdr = 0.2 + 0.4 * torch.rand(n, generator=gen)
    th = 0.05 * torch.randn(n, generator=gen)
    om = 0.1 * torch.randn(n, generator=gen)
    ph = 0.05 * torch.randn(n, generator=gen)
    omr = 0.1 * torch.randn(n, generator=gen)
    bump_t = torch.randint(20, UF_WIN, (n, 2), generator=gen)  # bumps in the recorded window only
    bump_on = torch.rand(n, 2, generator=gen) < 0.6
    bump = 1.2 * torch.randn(n, 2, generator=gen) * bump_on
    drift = 0.4 * torch.randn(n, generator=gen)
    hist_th = torch.zeros(total + 1, n)
    hist_om = torch.zeros(total + 1, n)
    rec = torch.zeros(total, 4, n)
    fell = torch.zeros(n, dtype=torch.long)
    idx = torch.arange(n)
    for k in range(total):
        hist_th[k], hist_om[k] = th, om
        j = (k - dly).clamp_min(0)
        a = (kp * hist_th[j, idx] + kd * hist_om[j, idx] + drift * math.sin(0.7 * k * dt)).clamp(-4, 4)
        acc_th = (g * torch.sin(th) - a * torch.cos(th)) / l
        ar = kr * g * ph + kdr * g * omr
        acc_ph = (0.6 * g * torch.sin(ph) - ar) / l
        om = om + dt * acc_th
        omr = omr + dt * acc_ph
        for b in range(2):
            hit = bump_t[:, b] == k
            om = om + torch.where(hit, bump[:, b], torch.zeros(n))
            omr = omr + torch.where(hit, 0.5 * bump[:, b], torch.zeros(n))
        th = (th + dt * om).clamp(-1.2, 1.2)
        ph = (ph + dt * omr).clamp(-1.2, 1.2)
        rec[k, 0], rec[k, 1], rec[k, 2], rec[k, 3] = om, omr, a + g * torch.sin(th), l * acc_ph + g * torch.sin(ph)
        if k >= UF_WIN:
            fwd = (fell == 0) & ((th > 0.6) | ((a.abs() >= 4) & (th > 0.35)))
            bwd = (fell == 0) & ((th < -0.6) | ((a.abs() >= 4) & (th < -0.35)))
            fell = torch.where(fwd, torch.ones_like(fell), fell)
            fell = torch.where(bwd, torch.full_like(fell, 2), fell)
        else:
            # a rider who is already down in the window is relaunched upright (a mount), as a recording starts
            down = th.abs() > 0.6
            th = torch.where(down, 0.02 * torch.randn(n, generator=gen), th)
            om = torch.where(down, torch.zeros(n), om)
    imu = rec[:UF_WIN].permute(2, 1, 0).clone()
    imu[:, :2] += 0.03 * torch.randn(n, 2, UF_WIN, generator=gen)
    imu[:, 2:] += 0.2 * torch.randn(n, 2, UF_WIN, generator=gen)
    imu = imu / torch.tensor([0.6, 0.17, 3.3, 0.76]).view(1, 4, 1)  # each channel to about unit spread
    return imu, fell


class FallCNN(nn.Module):
    """A 1D CNN: three convolutions (kernels 5, 5, 3; 16, 32, 32 channels) with batch norm and ReLU, two
    max-poolings, global
    average pooling and a linear layer to the three outcomes."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        w = width
        self.net = nn.Sequential(nn.Conv1d(4, w, 5, padding=2), nn.BatchNorm1d(w), nn.ReLU(), nn.MaxPool1d(2),
                                 nn.Conv1d(w, 2 * w, 5, padding=2), nn.BatchNorm1d(2 * w), nn.ReLU(), nn.MaxPool1d(2),
                                 nn.Conv1d(2 * w, 2 * w, 3, padding=1), nn.BatchNorm1d(2 * w), nn.ReLU(),
                                 nn.AdaptiveAvgPool1d(1),
                                 nn.Flatten(), nn.Linear(2 * w, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def fall_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def unicycle_fall(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The fall CNN on 4096 rides; held out: 2048 other rides in batches of 1024; SGD with Nesterov momentum 0.9 and
    weight decay 1e-4."""
    gen = torch.Generator().manual_seed(86302)
    x, y = _uf_rides(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FallCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": fall_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. handspun yarn from a spinning wheel: twist, helix angle and strength (RAdam; short and long)


def _yt_spinnings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Spinnings on a flyer wheel: drive ratio 5-20, treadling 40-90 a minute, a take-up (drafting) speed of
    2-25 cm/s set by the spinner for a twist angle she aims at (10-35 degrees, hit within +-25%), brake tension 0-1
    (Scotch tension), fibre diameter 18-36 um and staple 5-15 cm, grist 20-200 tex, singles or 2-ply. Twist: the
    flyer's turns over the length taken up, less slip that grows with brake tension at low ratios (2-ply: the plied
    yarn with 0.6 of the singles' twist, opposite). The yarn's diameter from its tex (wool 1.31 g/cm3, packing 0.6),
    the helix angle tan alpha = pi d T. Tenacity: the fibre's 12 cN/tex times Hearle's staple-yarn law
    cos^2(alpha) (1 - k cosec(alpha)) with k = (2/3) sqrt(d_f Q / mu) / L_f in effect (longer, finer fibres slip
    less), floored smoothly at 0.05 (a softplus), a plying bonus; breaking extension from the fibre's 30% and the
    helix (more twist, more extension). Scatter: 1% on twist, 2% on tenacity, 2.5% on extension. Returns (scaled
    settings (n, 8), (log twist per metre, helix angle in degrees, tenacity, extension), standardised by the
    caller)."""
    ratio = 5 + 15 * torch.rand(n, generator=gen)
    cad = 40 + 50 * torch.rand(n, generator=gen)
    brake = torch.rand(n, generator=gen)
    dfib = 18 + 18 * torch.rand(n, generator=gen)
    staple = 5 + 10 * torch.rand(n, generator=gen)
    tex = torch.exp(math.log(20) + math.log(10) * torch.rand(n, generator=gen))
    ply = (torch.rand(n, generator=gen) < 0.5).float()
    # the spinner drafts for a twist angle she has in mind (10-35 degrees), by feel (+-25%)
    aim = torch.deg2rad(10 + 25 * torch.rand(n, generator=gen))
    d_single = torch.sqrt(4 * tex * 1e-6 / (1310 * 0.6 * math.pi))
    take = (ratio * cad / 60 / (torch.tan(aim) / (math.pi * d_single)) * 100
            * torch.exp(0.25 * torch.randn(n, generator=gen))).clamp(2, 25)
    slip = 0.25 * brake * torch.exp(-ratio / 8)
    tpm = ratio * cad / 60 / (take / 100) * (1 - slip) * (1 - 0.4 * ply)
    tpm = tpm * torch.exp(0.01 * torch.randn(n, generator=gen))
    dyarn = torch.sqrt(4 * tex * (1 + ply) * 1e-6 / (1310 * 0.6 * math.pi))  # metres
    alpha = torch.atan(math.pi * dyarn * tpm)
    kk = (2 / 3) * torch.sqrt(dfib / 25) * 1.6 / staple * torch.sqrt(40 / tex)
    eta = 0.05 + F.softplus(torch.cos(alpha) ** 2 * (1 - kk / torch.sin(alpha).clamp_min(0.05)) - 0.05, beta=10)
    ten = 12 * eta * (1 + 0.12 * ply) * torch.exp(0.02 * torch.randn(n, generator=gen))
    ext = (30 * (0.35 + 1.3 * torch.sin(alpha) ** 2) * (0.6 + 0.4 * eta / (eta + 0.2))
           * torch.exp(0.025 * torch.randn(n, generator=gen)))
    x = torch.stack([(ratio - 12.5) / 4.3, (cad - 65) / 14.4, (take - 6) / 3, (brake - 0.5) / 0.29,
                     (dfib - 27) / 5.2, (staple - 10) / 2.9, (torch.log(tex) - 4.15) / 0.66, ply - 0.5], 1)
    y = torch.stack([torch.log(tpm), torch.rad2deg(alpha), ten, ext], 1)
    return x, y


class YarnNet(nn.Module):
    """A SiLU MLP (three hidden layers) from the eight wheel, fibre and yarn settings to the four measured yarn
    properties."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def yarn_twist(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 256) -> dict[str, Any]:
    """The yarn net on ``train_size`` spinnings, targets standardised over them; held out: 2048 other spinnings in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(86402)
    x, y = _yt_spinnings(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": YarnNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. tapestry weaving: weft-faced plain weave by Peirce's geometry (RAdam; long only)


def _tw_weaves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tapestry settings: warp sett 3-8 ends/cm, warp diameter 0.5-1.2 mm, weft diameter 0.3-1.0 mm, the weft's
    bubbling angle 10-40 degrees, weft tension 0.1-1.5 N, warp tension 5-30 N an end, beater force 0.2-1. Peirce's
    plain weave: warp spacing p1 = 10 / sett mm, the crimp heights sharing D = d1 + d2 (h1 + h2 = D) by crimp
    interchange, h1 / D = 1 / (1 + 4 (T1 / (20 T2))^0.5) (a taut warp stays straight and the weft wraps it); the
    weft's crimp from its sinusoidal path over p1 and h2. The weft packs until the picks touch (flattened by the
    beater): picks per cm = 10 / (d2 (1 - 0.25 force) (1 + 0.5 h1 / D)). The bubbles give the weft an extra length
    1 / cos(angle) - 1; the draw-in of each selvedge after 20 cm, in mm, from the crimp the bubbles do not cover,
    the weft's tension and the warp's stiffness against it; the warp coverage from the picks against the
    cover-factor limit. Noise 1-2% (0.005 on the coverage). Returns (scaled settings (n, 7), (picks/cm, weft crimp
    %, log(1 + draw-in mm), coverage), standardised by the caller)."""
    sett = 3 + 5 * torch.rand(n, generator=gen)
    d1 = 0.5 + 0.7 * torch.rand(n, generator=gen)
    d2 = 0.3 + 0.7 * torch.rand(n, generator=gen)
    bub = 10 + 30 * torch.rand(n, generator=gen)
    t2 = 0.1 + 1.4 * torch.rand(n, generator=gen)
    t1 = 5 + 25 * torch.rand(n, generator=gen)
    force = 0.2 + 0.8 * torch.rand(n, generator=gen)
    p1 = 10 / sett
    dsum = d1 + d2
    share1 = 1 / (1 + 4 * (t1 / t2 / 20) ** 0.5)
    h1, h2 = dsum * share1, dsum * (1 - share1)
    # the arc length of a sine of height h2 over a half-wavelength p1 (a closed-form approximation)
    crimp = 100 * (torch.sqrt(1 + (math.pi * h2 / (2 * p1)) ** 2 * 0.5 + (math.pi * h2 / (2 * p1)) ** 4 * 0.02) - 1)
    ppcm = 10 / (d2 * (1 - 0.25 * force) * (1 + 0.5 * share1))
    extra = 100 * (1 / torch.cos(torch.deg2rad(bub)) - 1)
    short = F.softplus(crimp - extra, beta=0.5)
    drawin = 100 * short / 100 * (1 + 0.8 * t2) / (1 + 0.04 * t1 * d1) * 2.0
    cover = torch.sigmoid(3 * (ppcm * d2 / 10 * (1 + 0.3 * force) - 0.9)) * (1 - 0.1 * torch.exp(-extra / 5))
    y = torch.stack([ppcm * torch.exp(0.01 * torch.randn(n, generator=gen)),
                     crimp * torch.exp(0.015 * torch.randn(n, generator=gen)),
                     torch.log1p(drawin * torch.exp(0.02 * torch.randn(n, generator=gen))),
                     cover + 0.005 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([(sett - 5.5) / 1.44, (d1 - 0.85) / 0.2, (d2 - 0.65) / 0.2, (bub - 25) / 8.7, (t2 - 0.8) / 0.4,
                     (t1 - 17.5) / 7.2, (force - 0.6) / 0.23], 1)
    return x, y


class TapestryNet(nn.Module):
    """A SiLU MLP (three hidden layers) from the seven loom and yarn settings to the four properties of the woven
    tapestry."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def tapestry_weave(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 128) -> dict[str, Any]:
    """The tapestry net on 4096 woven samples, targets standardised over them; held out: 2048 others in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(86502)
    x, y = _tw_weaves(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TapestryNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. ice sculptures melting outdoors: a 1D CNN to the hourly melt (RAdam; long only)

IS_HOURS = 48


def _is_weather(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two days of hourly weather at an ice-sculpture festival: air temperature a daily cycle (mean -8 to +6 C,
    amplitude 2-7 C) plus a front; clear-sky solar radiation a daily half-sine (peak 300-800 W/m2) dimmed by cloud;
    cloud 0-1 (a smoothed random walk); wind 0.5-8 m/s; relative humidity 50-100%. The carving: albedo 0.2-0.6
    (clear to white ice), shade 0-0.8, its thickness. The surface energy balance per hour: absorbed short-wave (1 -
    albedo)(1 - shade) S; net long-wave eps sigma ((T_air + 273)^4 (0.7 + 0.25 cloud) - 273^4); sensible
    (5 + 4 u)(T_air); latent (8 + 6 u)(e_air - 6.11 hPa) (sublimation when the air is dry); the ice's cold content
    (after cold spells the surface must warm before it melts: a store filled by negative balance, 0-2 MJ/m2, emptied
    first). Melt = positive surplus / (rho L_f); the surface lowering in each hour (mm), with a laser gauge's 0.1 mm
    noise. Returns (inputs (n, 8, 48): weather scaled, albedo, shade and thickness broadcast; the hourly lowering in
    mm (n, 48))."""
    h = torch.arange(IS_HOURS).float().view(1, -1)
    tmean = -8 + 14 * torch.rand(n, 1, generator=gen)
    tamp = 2 + 5 * torch.rand(n, 1, generator=gen)
    front = 4 * torch.randn(n, 1, generator=gen) * torch.sigmoid((h - 48 * torch.rand(n, 1, generator=gen)) / 3)
    tair = tmean + tamp * torch.sin(2 * math.pi * (h - 9) / 24) + front
    steps = 0.15 * torch.randn(n, IS_HOURS, generator=gen)
    cloud = torch.sigmoid(torch.randn(n, 1, generator=gen) + torch.cumsum(steps, 1))
    peak = 300 + 500 * torch.rand(n, 1, generator=gen)
    sun = peak * torch.sin(math.pi * (h % 24 - 7) / 10).clamp_min(0) * (1 - 0.75 * cloud)
    wind = 0.5 + 7.5 * torch.rand(n, 1, generator=gen) * (0.7 + 0.3 * torch.rand(n, IS_HOURS, generator=gen))
    rh = 0.5 + 0.5 * torch.rand(n, 1, generator=gen) * torch.ones(1, IS_HOURS)
    albedo = 0.2 + 0.4 * torch.rand(n, 1, generator=gen)
    shade = 0.8 * torch.rand(n, 1, generator=gen)
    thick = 5 + 25 * torch.rand(n, 1, generator=gen)
    sigma = 5.67e-8
    lw = 0.97 * sigma * ((tair + 273.15) ** 4 * (0.7 + 0.25 * cloud) - 273.15**4)
    sens = (5 + 4 * wind) * tair
    e_air = rh * 6.11 * torch.exp(17.27 * tair / (tair + 237.3))
    lat = (8 + 6 * wind) * (e_air - 6.11)
    q = (1 - albedo) * (1 - shade) * sun + lw + sens + lat  # W/m2
    cold = torch.zeros(n)
    melt = []
    for k in range(IS_HOURS):
        e = q[:, k] * 3600  # J/m2 in the hour
        cold = (cold - e.clamp_max(0)).clamp_max(2e6)
        surplus = e.clamp_min(0)
        used = torch.minimum(surplus, cold)
        cold = cold - used
        melt.append((surplus - used) / (917 * 334e3) * 100)  # cm
    low = torch.stack(melt, 1) * 10  # mm in each hour
    low = low + 0.1 * torch.randn(low.shape, generator=gen)  # a laser gauge's 0.1 mm
    ones = torch.ones(1, IS_HOURS)
    x = torch.stack([tair / 6, sun / 300, cloud - 0.5, (wind - 3) / 2, (rh - 0.75) / 0.14,
                     (albedo - 0.4) / 0.115 * ones, (shade - 0.4) / 0.23 * ones, (thick - 17.5) / 7.2 * ones], 1)
    return x, low


class MeltCNN(nn.Module):
    """A 1D CNN over the 48 hours (two convolutions of kernel 5, the second dilated by 2, 16 channels in the
    factory, ReLU, 'same' padding, a 1x1 convolution) to a non-negative lowering for every hour (softplus)."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        w = width
        self.net = nn.Sequential(nn.Conv1d(8, w, 5, padding=2), nn.ReLU(), nn.Conv1d(w, w, 5, padding=4, dilation=2),
                                 nn.ReLU(), nn.Conv1d(w, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.softplus(self.net(x).squeeze(1))


def ice_sculpture_melt(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The melt CNN on 4096 two-day records; held out: 1024 others in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(86602)
    x, y = _is_weather(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MeltCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("gong_glide_radam", gong_glide, 300, "opera_gong_fletcher_pitch_glide_mlp", "radam", "finite", 32,
      seconds=0.37, start_lr=0.064),
    W("orienteering_time_adam", orienteering_time, 300, "orienteering_map_travel_time_unet", "adam", "finite", 32,
      seconds=1.4, start_lr=0.016),
    W("unicycle_fall_nesterov", unicycle_fall, 300, "unicycle_imu_fall_prediction_cnn1d", "sgd_nesterov0.9_wd1e-4",
      "finite", 32, seconds=0.92, start_lr=0.4),
    W("yarn_twist_radam", yarn_twist, 300, "handspun_yarn_twist_hearle_strength_mlp", "radam", "finite", 32,
      seconds=0.38, start_lr=0.128),
)
LONG = (
    W("tapestry_weave_radam@long", tapestry_weave, 3000, "tapestry_weft_faced_peirce_drawin_mlp", "radam", "finite",
      32, seconds=2.9, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("ice_sculpture_melt_radam@long", ice_sculpture_melt, 3000, "ice_sculpture_energy_balance_melt_cnn", "radam",
      "finite", 32, seconds=4.3, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("gong_glide_radam@long", gong_glide, 3000, "opera_gong_fletcher_pitch_glide_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=3.9, start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="gong_glide_radam"),
    W("yarn_twist_radam@long", yarn_twist, 3000, "handspun_yarn_twist_hearle_strength_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=4.8, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="yarn_twist_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam86_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-sixth exam's workloads")
