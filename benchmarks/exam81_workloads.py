"""The eighty-first exam: six more workload families that neither the suite nor exams 1-80 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam80_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from dressage and gait scoring,
truffle hunting and scent dogs, igloo building and snow blocks, carousels and ride dynamics, hammer throwing and
spin release, and cider pressing and juice yield (exam 82 was built at the same time from other domains; its module
was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam81/README.md``. Every field convention below is the author's memory, not checked in
public code.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- dressage judging of the working / medium trot: an MLP from ten kinematic variables of a trot test (stride
  length, suspension, diagonal advanced placement, carpal and tarsal flexion, limb protraction,
  withers excursion, head-neck position, stride regularity; the variables of Holmstroem et al.'s 1990s studies of
  kinematics against dressage marks, from memory) to the five judges' marks of a panel, each judge with its own
  severity and spread and 0.15 points of own noise, marks rounded to half points; MSE of the marks; Adam (torch's
  defaults)
- truffle hunting, where is it and how deep: a small CNN reads the concentration map of the truffle's volatile
  (dimethyl sulphide and kin) sniffed over a 16 x 16 grid of a 4 x 4 m patch of an oak truffiere, with the wind as two
  constant channels, and regresses the truffle's position and log depth; the map from a buried point source
  diffusing through soil (a half-space point-source flux at the surface), smeared downwind, other soil odours as
  background and a sniff's intermittency as log-normal noise; MSE of the standardised targets; SGD with Nesterov
  momentum 0.9 and weight decay 5e-4
- swing carousels (chair-o-planes, the tilting "wave swinger"): a tanh MLP from the ride's rotation rate, arm
  radius, chain length, tower tilt and the seat's phase on the tilt, the loaded seat's mass and drag area to the
  chain's swing-out angle, the rider's load factor (chain tension over m g) and the drag lag angle; the steady
  conical-pendulum balance tan(theta) = omega^2 (R + L sin theta) / g solved by fixed-point iteration, with the tilt
  changing the local gravity and a quadratic air drag; inclinometer (1 degree) and accelerometer (2%) noise; MSE of
  the standardised outputs; Adamax (torch's defaults)
- cider pressing yield curves, a grey-box net: a tanh MLP from the press settings (apple ripeness / storage weeks,
  mill grind size, pressure, pomace layer thickness, pectinase, temperature) to the four parameters of the two-stage
  expression equation Y(t) = Ymax (1 - B exp(-t / tau1) - (1 - B) exp(-t / tau2)) (a Shirato / Lanoiselle-type
  consolidation model, from memory), evaluated at 10 pressing times; the curves from Terzaghi's consolidation series
  with a creep term, yields of 0-80%, 0.4 point noise; MSE in yield points / 10; RAdam (torch's defaults)
- hammer throw, spin to release (a long plan only): an MLP from the thrower's sex (hammer weight) and body mass, the
  head speed after the winds, the turn count, each turn's duration, double-support fraction and hammer radius, and
  the plane's tilt to the release speed, release angle and the last turn's peak cable force; the throws from a
  turn-by-turn energy model (the thrower's torque does work in double support with a force-velocity limit, the head
  loses speed in single support, the radius shrinks as the thrower counters the pull, Dapena's 1980s description
  from memory); MSE of the standardised outputs; RMSprop (torch's alpha 0.99)
- igloo snow blocks (a long plan only): an MLP from the snow's density, temperature, grain size, the blocks' age
  since cutting (sintering), the wind-packing and the test's strain rate to the log compressive strength and the
  log Young's modulus; a power law in the density (Mellor's review, exponent about 4, from memory), age hardening
  as t^0.25 with a rate set by grain size and temperature, stronger when cold, a ductile-to-brittle drop at high
  strain rates, 3% and 2% scatter; MSE of the standardised logs; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the hammer and the
igloo nets (no short plans), the carousel net on 8192 ride states instead of 1024 and the cider net on 2048 pressings
instead of 256.

Of the eight plans, one uses Adam (dressage), one SGD with Nesterov momentum (truffle), two Adamax (both carousel
plans), two RAdam (both cider plans), one RMSprop (hammer) and one Adagrad (igloo).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam81_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam81/README.md).

    python benchmarks/exam81_workloads.py          # the table
    python benchmarks/exam81_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 81"


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.mse_loss(model(x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. dressage judging of the trot from its kinematics (Adam)

DR_JUDGES = 5


def _dr_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Trot tests of warmblood horses: stride length 2.2-3.4 m, stride duration 0.65-0.85 s, suspension 0-20% of the
    stride, diagonal advanced placement -10 to +40 ms (hind first positive), carpal flexion 60-110 degrees, tarsal
    flexion 25-50 degrees, fore and hind protraction, withers vertical excursion, the head-neck angle (nose in front
    of / behind the vertical) and the stride-to-stride CV (regularity). The judges see a latent quality: more
    suspension, hock flexion, stride length and forelimb lift score up, a small positive diagonal advanced placement
    is best, behind the vertical and irregularity are punished, with interactions (suspension counts only if
    regular; big movement with a short, flat hind end is marked down). Five judges, each with its own severity
    (bias) and spread, and their own noise; marks rounded to half points in 0-10. Returns (standardised kinematics
    (n, 10), marks (n, 5))."""
    talent = torch.randn(n, generator=gen)
    z = lambda: torch.randn(n, generator=gen)  # noqa: E731
    stride = 2.8 + 0.18 * talent + 0.15 * z()
    dur = 0.75 + 0.04 * z() - 0.01 * talent
    susp = (0.09 + 0.035 * talent + 0.03 * z()).clamp(0, 0.2)
    dap = 12 + 12 * z()
    carpal = 85 + 6 * talent + 6 * z()
    tarsal = 37 + 3 * talent + 3 * z()
    fpro = 30 + 3 * talent + 2.5 * z()
    hpro = 25 + 2 * talent + 2.5 * z()
    wex = 0.09 + 0.015 * z()
    head = 4 * z()  # degrees in front of (+) or behind (-) the vertical
    cv = (0.035 + 0.012 * z().abs() - 0.006 * talent).clamp(0.005, 0.12)
    kin = torch.stack([stride, dur, susp, dap, carpal, tarsal, fpro, hpro, wex, head, cv], 1)
    zk = (kin - kin.mean(0)) / kin.std(0)
    reg = torch.sigmoid((0.045 - cv) / 0.008)
    q = (6.4 + 1.1 * torch.tanh((susp - 0.09) / 0.04) * reg + 0.45 * zk[:, 5] + 0.35 * zk[:, 0]
         + 0.3 * torch.tanh(zk[:, 4]) - 0.5 * ((dap - 15) / 20) ** 2 - 0.25 * F.relu(-head - 2)
         - 2.0 * F.relu(cv - 0.05) / 0.02 - 0.4 * F.relu(zk[:, 6] - zk[:, 7] - 1) + 0.2 * zk[:, 8] * reg)
    bias = torch.tensor([0.0, -0.4, 0.3, -0.1, 0.2])
    spread = torch.tensor([1.0, 0.8, 1.2, 1.05, 0.9])
    marks = 6.5 + bias + spread * (q.unsqueeze(1) - 6.5) + 0.15 * torch.randn(n, DR_JUDGES, generator=gen)
    marks = (marks * 2).round().clamp(0, 20) / 2
    return torch.cat([zk[:, :1], zk[:, 2:]], 1), marks  # stride duration left out: the judges do not time it


class DressageMarksNet(nn.Module):
    """A ReLU MLP 10-64-64-5 from the trot's kinematics to the five judges' marks (a shared body, one output per
    judge seat)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, DR_JUDGES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x) + 6.5


def dressage_marks(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The marks net on 1024 judged trot tests; held out: 2048 other tests in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(81102)
    x, y = _dr_tests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DressageMarksNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. truffle hunting: the truffle's place and depth from a sniffed scent map (SGD, Nesterov)

TR_GRID = 16


def _tr_maps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A 4 x 4 m patch sniffed on a 16 x 16 grid (25 cm apart). One ripe truffle at (x0, y0) in the inner 3 x 3 m,
    2-20 cm deep, emitting at a log-normal rate (ripeness). Its volatiles diffuse through the soil as from a point
    source in a half-space: the surface flux ~ Q d / (r^2 + d^2)^1.5 (wider and weaker when deeper); above the ground
    a wind of 0-2 m/s from any direction carries it downwind (the along-wind distance shrunk upwind, stretched
    downwind) at a dog's nose height. Background: 1-3 broad odour blobs from other soil fungi and roots, and a
    sniff's intermittency as 25% log-normal noise. Returns (log-scaled scent map and the wind's two components as
    channels (n, 3, 16, 16), targets: x0 and y0 in metres about the centre and log depth standardised (n, 3))."""
    x0 = -1.5 + 3 * torch.rand(n, generator=gen)
    y0 = -1.5 + 3 * torch.rand(n, generator=gen)
    depth = 0.02 + 0.18 * torch.rand(n, generator=gen)
    q = torch.exp(0.5 * torch.randn(n, generator=gen))
    wdir = 2 * math.pi * torch.rand(n, generator=gen)
    wspd = 2 * torch.rand(n, generator=gen)
    g = torch.linspace(-2 + 0.125, 2 - 0.125, TR_GRID)
    gy, gx = torch.meshgrid(g, g, indexing="ij")
    dx = gx.view(1, TR_GRID, TR_GRID) - x0.view(-1, 1, 1)
    dy = gy.view(1, TR_GRID, TR_GRID) - y0.view(-1, 1, 1)
    ux, uy = torch.cos(wdir).view(-1, 1, 1), torch.sin(wdir).view(-1, 1, 1)
    along = dx * ux + dy * uy
    cross = -dx * uy + dy * ux
    w = wspd.view(-1, 1, 1)
    along = torch.where(along > 0, along / (1 + 0.8 * w), along * (1 + 0.8 * w))
    d = depth.view(-1, 1, 1) + 0.05
    c = q.view(-1, 1, 1) * d / (along**2 + cross**2 * (1 + 0.3 * w) + d**2) ** 1.5 * 0.01
    for _ in range(3):
        on = (torch.rand(n, 1, 1, generator=gen) < 0.66).float()
        bx = -2 + 4 * torch.rand(n, 1, 1, generator=gen)
        by = -2 + 4 * torch.rand(n, 1, 1, generator=gen)
        s = 0.6 + 0.8 * torch.rand(n, 1, 1, generator=gen)
        a = 0.3 * torch.rand(n, 1, 1, generator=gen)
        c = c + on * a * torch.exp(-((gx - bx) ** 2 + (gy - by) ** 2) / (2 * s**2))
    c = c * torch.exp(0.25 * torch.randn(c.shape, generator=gen))
    img = torch.log1p(c / 0.05)
    wind = torch.stack([wspd * torch.cos(wdir), wspd * torch.sin(wdir)], 1).view(n, 2, 1, 1) / 1.2
    x = torch.cat([img.unsqueeze(1), wind.expand(-1, -1, TR_GRID, TR_GRID)], 1)
    y = torch.stack([x0 / 0.87, y0 / 0.87, (torch.log(depth) - math.log(0.07)) / 0.6], 1)
    return x, y


class ScentMapCNN(nn.Module):
    """A small CNN: two 3x3 convolutions (16 and 32 channels) with ReLU and 2x2 max pooling, a dense layer of 64 and
    the three targets (east, north, log depth)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * 16, 64), nn.ReLU(), nn.Linear(64, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def truffle_scent(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The scent-map CNN on 2048 sniffed patches; held out: 1024 other patches in batches of 512; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(81202)
    x, y = _tr_maps(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ScentMapCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. swing carousel: swing-out angle, load factor and drag lag (Adamax)


def _sc_states(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Steady ride states of a chain-swing carousel: 4-14 rpm, arm radius 3-9 m, chain length 2-6 m, the tower's tilt
    0-12 degrees (a wave swinger) and the seat's phase on it, loaded seat mass 60-200 kg and drag area 0.3-0.9 m2. At
    each phase the ride is taken as locally steady: gravity leans by the tilt's component, the conical-pendulum balance
    tan(theta) = omega^2 (R + L sin theta) / g' (fixed-point iteration), the seat's speed v = omega (R + L sin theta), a
    quadratic drag 0.5 rho CdA v^2 lagging the chain by beta, the load factor the chain's tension over m g. Noise of an
    inclinometer on a seat that sways (1 degree on the swing) and the seat's triaxial accelerometer (2% on the load
    factor and on the lag angle it gives). Returns (scaled inputs (n, 8: phase as cos and sin), (swing angle / 30 deg,
    load factor, lag angle / 5 deg) standardised)."""
    rpm = 4 + 10 * torch.rand(n, generator=gen)
    r = 3 + 6 * torch.rand(n, generator=gen)
    ln = 2 + 4 * torch.rand(n, generator=gen)
    tilt = math.radians(12) * torch.rand(n, generator=gen)
    ph = 2 * math.pi * torch.rand(n, generator=gen)
    m = 60 + 140 * torch.rand(n, generator=gen)
    cda = 0.3 + 0.6 * torch.rand(n, generator=gen)
    w = rpm * 2 * math.pi / 60
    lean = tilt * torch.cos(ph)  # the arm's outward tilt at this phase
    g = 9.81 * torch.cos(tilt * torch.sin(ph))
    radius = r * torch.cos(lean)
    th = torch.full((n,), 0.5)
    for _ in range(40):
        th = torch.atan(w**2 * (radius + ln * torch.sin(th)) / g - torch.tan(lean) * 0.5)
        th = th.clamp(0, 1.45)
    v = w * (radius + ln * torch.sin(th))
    drag = 0.5 * 1.2 * cda * v**2
    cen = w**2 * (radius + ln * torch.sin(th))
    beta = torch.atan(drag / (m * torch.sqrt(g**2 + cen**2)))
    load = torch.sqrt(g**2 + cen**2 + (drag / m) ** 2) / 9.81
    ang = torch.rad2deg(th) + 1.0 * torch.randn(n, generator=gen)
    load = load * (1 + 0.02 * torch.randn(n, generator=gen))
    lag = torch.rad2deg(beta) * (1 + 0.02 * torch.randn(n, generator=gen))
    x = torch.stack([(rpm - 9) / 2.9, (r - 6) / 1.7, (ln - 4) / 1.15, (tilt / math.radians(6)) - 1, torch.cos(ph),
                     torch.sin(ph), (m - 130) / 40, (cda - 0.6) / 0.17], 1)
    y = torch.stack([ang / 30, load, lag / 5], 1)
    return x, y


class SwingRideNet(nn.Module):
    """A tanh MLP 8-64-64-3 (the ride engineer's surrogate of the pendulum balance)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def swing_carousel(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The swing-ride net on 1024 ride states, targets standardised over them; held out: 2048 other states in batches
    of 1024; Adamax."""
    gen = torch.Generator().manual_seed(81302)
    x, y = _sc_states(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwingRideNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. cider pressing: yield curves with a grey-box net around a two-stage expression equation (RAdam)

CP_TIMES = torch.tensor([0.5, 1, 2, 4, 6, 9, 13, 18, 25, 35.0])  # minutes under pressure


def _cp_pressings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pressings of milled apples: storage 0-12 weeks (mealier, softer cells), grind size 2-10 mm, pressure 2-10
    bar, pomace layer 2-8 cm, pectinase 0 / 1, temperature 5-25 C. The juice in the mash (72-82%) times an
    extractable fraction (rising with the log pressure, falling with coarse grind and with mealiness, pectinase
    helps); the expression from Terzaghi's consolidation series U(Tv) = 1 - sum 8 / ((2k+1)^2 pi^2)
    exp(-(2k+1)^2 pi^2 Tv / 4) (drained both faces: H the half layer), the consolidation coefficient from the
    cake's permeability (grind squared, pectinase, mealy apples clogging, juice viscosity with temperature) times
    the pressure, plus a slow creep term; 0.4 yield-point noise. Returns (scaled settings (n, 6), yield in % / 10
    at the 10 times)."""
    wk = 12 * torch.rand(n, generator=gen)
    grind = 2 + 8 * torch.rand(n, generator=gen)
    p = 2 + 8 * torch.rand(n, generator=gen)
    layer = 0.02 + 0.06 * torch.rand(n, generator=gen)
    enz = (torch.rand(n, generator=gen) < 0.5).float()
    temp = 5 + 20 * torch.rand(n, generator=gen)
    juice = 72 + 10 * torch.rand(n, generator=gen)
    mealy = 1 - torch.exp(-wk / 6)
    ext = torch.sigmoid(0.9 * torch.log(p / 3) + 0.8 - 0.18 * (grind - 4) - 1.2 * mealy + 0.7 * enz)
    ymax = juice * ext
    visc = torch.exp(-0.025 * (temp - 15))
    perm = (grind / 5) ** 2 * (1 + 1.5 * enz) * torch.exp(-1.4 * mealy) / visc
    cv = 2.5e-5 * perm * (p / 5) ** 0.7  # m2 / min
    h = layer / 2
    tv = cv.view(-1, 1) * CP_TIMES.view(1, -1) / h.view(-1, 1) ** 2
    u = torch.ones_like(tv)
    for k in range(12):
        a = (2 * k + 1) ** 2 * math.pi**2
        u = u - 8 / a * torch.exp(-a * tv / 4)
    creep = 0.12 * torch.log1p(CP_TIMES.view(1, -1) / (3 + 10 * mealy.view(-1, 1))) / math.log1p(35 / 3)
    y = ymax.view(-1, 1) * (0.88 * u.clamp(0, 1) + creep)
    y = y + 0.4 * torch.randn(y.shape, generator=gen)
    x = torch.stack([wk / 3.5 - 1.7, (grind - 6) / 2.3, (p - 6) / 2.3, (layer - 0.05) / 0.017, 2 * enz - 1,
                     (temp - 15) / 5.8], 1)
    return x, y / 10


class CiderPressNet(nn.Module):
    """A tanh MLP 6-32-32-4 to the two-stage expression equation's parameters (Ymax / 10 = 5 + 2 p, B through a
    sigmoid, tau1 and tau2 as 2 and 15 minutes times exp(p / 2)), evaluated at the curve's times: yield / 10."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        ymax = 5 + 2 * p[:, :1]
        b = torch.sigmoid(p[:, 1:2] + 1)
        tau1 = 2 * torch.exp(0.5 * p[:, 2:3])
        tau2 = 15 * torch.exp(0.5 * p[:, 3:4])
        t = CP_TIMES.view(1, -1)
        return ymax * (1 - b * torch.exp(-t / tau1) - (1 - b) * torch.exp(-t / tau2))


def cider_press(batch_size: int = 64, seed: int = 0, train_size: int = 256, hidden: int = 32) -> dict[str, Any]:
    """The grey-box press net on 256 pressings (batch 64); held out: 1024 other pressings in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(81402)
    x, y = _cp_pressings(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CiderPressNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. hammer throw: from the turns to the release (RMSprop; long only)

HT_TURNS = 4


def _ht_throws(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Throws of a 7.26 kg (men) or 4 kg (women) hammer with 3 or 4 turns after two winds: the thrower's mass
    70-130 kg; each turn's duration (the first about 0.55 s, shortening to about 0.38 s), its double-support
    fraction (30-55%) and the hammer's radius (1.45-1.75 m to the head); the plane's tilt at release 30-45 degrees.
    The head speed after the winds 14-17 m/s; in each turn's double support the thrower's torque does work, limited
    by a force-velocity law (less torque at higher angular speed) and by body mass; in single support the head loses
    a little speed; a radius pulled in at speed (the thrower's counter) costs speed. Release angle from the plane's
    tilt and the last turn's timing; the peak cable force m v^2 / r of the last turn plus gravity's component. Scatter
    of a radar / video measurement (0.4% on the speed, 0.3 degrees, 1% on the force). Returns (inputs (n, 17: the
    head speed after the winds, by radar, among them), standardised (release speed, angle, log peak force))."""
    women = (torch.rand(n, generator=gen) < 0.5).float()
    mh = 7.26 - 3.26 * women
    body = 70 + 60 * torch.rand(n, generator=gen) - 15 * women
    four = (torch.rand(n, generator=gen) < 0.6).float()
    skill = torch.randn(n, generator=gen)
    base = torch.tensor([0.55, 0.48, 0.43, 0.39]).view(1, -1)
    dur = base * (1 - 0.03 * skill.view(-1, 1)) + 0.025 * torch.randn(n, HT_TURNS, generator=gen)
    ds = (0.42 + 0.04 * skill.view(-1, 1) + 0.05 * torch.randn(n, HT_TURNS, generator=gen)).clamp(0.25, 0.6)
    rad = (1.62 + 0.05 * torch.randn(n, HT_TURNS, generator=gen) - 0.06 * women.view(-1, 1)).clamp(1.4, 1.8)
    tilt = 30 + 15 * torch.rand(n, generator=gen)
    v = 15.5 + 0.6 * torch.randn(n, generator=gen) - 1.0 * women
    v0 = v.clone()
    active = torch.stack([torch.ones(n), torch.ones(n), torch.ones(n), four], 1)
    for k in range(HT_TURNS):
        omega = v / rad[:, k]
        tau = 0.9 * (body / 100) * 1000 * (1 - omega / 16).clamp_min(0.05)
        work = tau * 2 * math.pi * ds[:, k]
        loss = 0.5 * mh * v**2 * 0.06 * (1 - ds[:, k]) * (0.4 / dur[:, k])
        pull = mh * v**2 / rad[:, k] * 0.002 * F.relu(1.62 - rad[:, k]) * 60
        e = 0.5 * mh * v**2 + active[:, k] * (work - loss - pull)
        v = torch.sqrt(2 * e.clamp_min(1) / mh)
    last = torch.where(four > 0, rad[:, 3], rad[:, 2])
    last_dur = torch.where(four > 0, dur[:, 3], dur[:, 2])
    ang = tilt - 40 * (last_dur - 0.4) + 0.3 * torch.randn(n, generator=gen)
    force = mh * v**2 / last + mh * 9.81 * torch.sin(torch.deg2rad(tilt))
    v = v * (1 + 0.004 * torch.randn(n, generator=gen))
    force = force * (1 + 0.01 * torch.randn(n, generator=gen))
    x = torch.cat([torch.stack([2 * women - 1, (body - 92) / 18, 2 * four - 1, (tilt - 37.5) / 4.3,
                               (v0 - 15) / 0.8], 1),
                   (dur - base) / 0.03, (ds - 0.42) / 0.065, (rad - 1.59) / 0.06], 1)
    for col in (8, 12, 16):  # no fourth turn: its inputs are zero
        x[:, col] = x[:, col] * four
    y = torch.stack([v, ang, torch.log(force)], 1)
    return x, y


class HammerReleaseNet(nn.Module):
    """A ReLU MLP 17-64-64-3 from the thrower and the turns to the release."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(17, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def hammer_release(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The release net on 8192 measured throws, targets standardised over them; held out: 2048 other throws in
    batches of 1024; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(81502)
    x, y = _ht_throws(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HammerReleaseNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. igloo snow blocks: compressive strength and stiffness (Adagrad; long only)


def _ig_blocks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Uniaxial compression tests of snow blocks cut for an igloo: density 200-480 kg/m3, temperature -30 to -2 C, grain
    size 0.2-2 mm, age since cutting 0-72 h, wind-packed or not, strain rate 1e-5 to 1e-2 /s. Strength sigma = 9 MPa
    (rho / rho_ice)^4 (a Mellor-type power law, from memory) times the age hardening (1 + (t / t0)^0.25, t0 shorter for
    fine grains and warmer snow, as sintering's neck growth), stronger when cold (by about 1.5% per degree), wind-packed
    snow bonded better; a ductile-to-brittle drop above about 1e-3 /s; the modulus a steeper power of the density,
    age-hardening too, less rate-sensitive. 3% and 2% scatter (each test the mean of three blocks'). Returns (scaled
    inputs (n, 6), standardised (log strength, log modulus))."""
    rho = 200 + 280 * torch.rand(n, generator=gen)
    temp = -30 + 28 * torch.rand(n, generator=gen)
    grain = 0.2 + 1.8 * torch.rand(n, generator=gen)
    age = 72 * torch.rand(n, generator=gen)
    wind = (torch.rand(n, generator=gen) < 0.5).float()
    lrate = -5 + 3 * torch.rand(n, generator=gen)
    rel = rho / 917
    t0 = 4 * (grain / 0.5) ** 2 * torch.exp(0.08 * (-temp - 10))
    hard = 1 + (age / t0) ** 0.25
    cold = torch.exp(0.015 * (-temp - 10))
    brittle = 1 / (1 + torch.exp(2.5 * (lrate + 3)))
    sigma = 9e6 * rel**4 * hard * cold * (1 + 0.4 * wind) * (0.45 + 0.55 * brittle) * (1 + 0.1 * (lrate + 3.5))
    e_mod = 6e9 * rel**5.5 * hard**1.3 * (1 + 0.3 * wind) * (1 + 0.03 * (lrate + 3.5)) * cold**0.5
    sigma = sigma * torch.exp(0.03 * torch.randn(n, generator=gen))
    e_mod = e_mod * torch.exp(0.02 * torch.randn(n, generator=gen))
    x = torch.stack([(rho - 340) / 81, (temp + 16) / 8.1, (grain - 1.1) / 0.52, (age - 36) / 20.8, 2 * wind - 1,
                     (lrate + 3.5) / 0.87], 1)
    return x, torch.stack([torch.log(sigma), torch.log(e_mod)], 1)


class SnowBlockNet(nn.Module):
    """A SiLU MLP 6-64-64-2 from the snow and the test to the log strength and log modulus."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def igloo_snow(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The snow-block net on 4096 compression tests, targets standardised over them; held out: 2048 other tests in
    batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(81602)
    x, y = _ig_blocks(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SnowBlockNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("dressage_marks_adam", dressage_marks, 300, "dressage_trot_kinematics_judge_marks_mlp", "adam", "finite", 32,
      seconds=0.2, start_lr=0.064),
    W("truffle_scent_nesterov", truffle_scent, 300, "truffle_scent_map_location_depth_cnn", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=1.0, start_lr=0.1),
    W("swing_carousel_adamax", swing_carousel, 300, "swing_carousel_chain_angle_load_mlp", "adamax", "finite", 64,
      seconds=0.2, start_lr=0.128),
    W("cider_press_radam", cider_press, 300, "cider_press_two_stage_expression_greybox", "radam", "small_finite", 64,
      seconds=0.25, start_lr=0.128),
)
LONG = (
    W("hammer_release_rmsprop@long", hammer_release, 3000, "hammer_throw_turns_to_release_mlp", "rmsprop", "finite",
      64, seconds=2.0, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("igloo_snow_adagrad@long", igloo_snow, 3000, "igloo_snow_block_strength_sintering_mlp", "adagrad", "finite", 32,
      seconds=1.7, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("swing_carousel_adamax@long", swing_carousel, 3000, "swing_carousel_chain_angle_load_mlp", "adamax", "finite",
      64, dict(train_size=8192), seconds=2.3, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="swing_carousel_adamax"),
    W("cider_press_radam@long", cider_press, 3000, "cider_press_two_stage_expression_greybox", "radam", "finite", 64,
      dict(train_size=2048), seconds=2.4, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="cider_press_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam81_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-first exam's workloads")
