"""The eighty-eighth exam: six more workload families that neither the suite nor exams 1-84 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam84_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from sinkholes and ground
collapse, geysers and eruption intervals, topiary and hedge pruning, composting and pile heat, oyster farming and
filter feeding, and sheep shearing and fleece weight (exams 85, 86 and 87 were built at the same time from other
domains; their modules were not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam88/README.md``. Every field convention below is the author's memory, not checked in
public code.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- cover-collapse sinkhole susceptibility: an MLP from a site's survey factors (cover thickness, clay content,
  water-table decline, distance to the nearest mapped sinkhole, a microgravity anomaly, rainfall, land use) to the
  log-odds of a collapse within the survey period (the susceptibility ANNs of the karst-hazard literature, e.g.
  Yilmaz 2007 and later GIS-based sinkhole studies, from memory); collapses drawn from a plug-failure factor of
  safety of the cover over a hidden rock-head void that ravels with the water-table decline; binary cross-entropy;
  Adam (torch's defaults)
- geyser eruption-interval forecasting: a GRU over a geyser's last 12 eruptions (duration, interval) and the
  duration of the one just ended forecasts the next interval (Old Faithful's duration-interval rule, Azzalini &
  Bowman 1990's data, from memory); eruptions from a recharge model with bimodal short / long eruptions, a
  per-geyser linear interval law, barometric and tidal terms and slow drift; MSE of the standardised interval;
  RMSprop (torch's alpha 0.99)
- topiary form fitting for a hedge-trimming robot: a small CNN with batch norm reads a 16 x 16 depth image of an
  overgrown topiary bush (ball, cone, column, box or pyramid) and estimates the clipped form underneath (its
  half-width, half-height and centre), which a trimming robot must know before it cuts (the TrimBot2020 project's
  gardening robot fitted shapes to its bushes, from memory; this CNN is the author's choice); orthographic depth of
  the form, scaled and shifted, covered with a season's shoots; MSE of the standardised parameters; SGD with
  Nesterov momentum 0.9 and weight decay 5e-4
- oyster clearance (filtration) rate: a tanh MLP from shell height, tissue condition, temperature, salinity, seston
  load and organic fraction, flow and ploidy to the log clearance rate of an individual oyster, measured as in a
  flow-through chamber; rates from an allometric law (weight^0.7) with temperature, salinity and seston responses
  (as in Cerco & Noel's and Powell et al.'s oyster filtration models, from memory); MSE of the standardised log
  rate; NAdam (torch's defaults)
- compost pile heat (a long plan only): an MLP from a windrow's recipe and management (C:N ratio, moisture,
  height, porosity, ambient temperature, turning interval, degradable fraction) to its core temperature over 30
  days; the curves from a lumped heat-and-substrate model (first-order decay with Rosso's cardinal-temperature
  factor, moisture and oxygen limits, heat loss through the pile's surface, turning that cools and re-aerates);
  MSE of the temperature in tens of degrees; Adamax
- greasy fleece weight at shearing (a long plan only): an MLP with a breed embedding from the sheep (breed, sex,
  age, body weight, days since the last shearing, feed energy, lambing) to the log greasy fleece weight and the
  mean fibre diameter (the shearing date's season among the inputs); wool growth rising with the feed above
  maintenance from the breed's potential, photoperiod seasonality, a pregnancy and lactation penalty, yield, and
  fibre diameter rising with the growth rate; MSE of the standardised targets; AdamW (weight decay 1e-2)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the compost and
fleece nets (no short plans), the geyser GRU on 16384 eruption logs instead of 2048 and the oyster net on 8192
oysters instead of 1024.

Of the eight plans, one uses Adam (sinkhole), two RMSprop (both geyser plans), one SGD with Nesterov momentum
(topiary), two NAdam (both oyster plans), one Adamax (compost) and one AdamW (fleece).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam88_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam88/README.md).

    python benchmarks/exam88_workloads.py          # the table
    python benchmarks/exam88_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 88"


# --------------------------------------------------------------------------------------------------------------
# 1. cover-collapse sinkhole susceptibility (Adam)


def _sh_sites(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Survey sites over covered karst: cover thickness 2-30 m, clay fraction of the cover 0.05-0.6, water-table
    decline 0-20 m (pumping), distance to the nearest mapped sinkhole 10-2000 m (log-uniform), mean annual rainfall
    600-1600 mm, land use (0 natural, 1 farmland, 2 urban with leaking drains). A hidden rock-head void of radius
    r (log-normal, larger near mapped sinkholes) ravels upward as the water table falls and rain infiltrates; the
    cover fails as a cylindrical plug: factor of safety FS = perimeter shear (cohesion from the clay, softened as
    the water table falls, and friction under the at-rest effective stress) / the plug's weight (raised by the lost
    buoyancy and the seepage as the water table falls, and by urban loads). A collapse in the survey period with
    probability sigmoid((1 - FS) / 0.035). A microgravity survey sees the void as an anomaly of -400 r^3 / depth^2
    microGal (r and depth in m) with 2 microGal noise. Returns (standardised factors (n, 9), collapse labels)."""
    h = 2 + 28 * torch.rand(n, generator=gen)
    clay = 0.05 + 0.55 * torch.rand(n, generator=gen)
    dwt = 20 * torch.rand(n, generator=gen) ** 1.5
    dist = torch.exp(math.log(10) + (math.log(2000) - math.log(10)) * torch.rand(n, generator=gen))
    rain = 600 + 1000 * torch.rand(n, generator=gen)
    use = torch.randint(0, 3, (n,), generator=gen)
    r0 = torch.exp(0.3 + 0.7 * torch.randn(n, generator=gen) - 0.25 * (torch.log(dist) - 5))
    ravel = 1 + 0.05 * dwt + 0.0004 * (rain - 600) * (1 - clay) + 0.25 * (use == 2).float()
    r = (r0 * ravel).clamp(0.1, 15)
    gamma = 19.0  # kN/m3
    c = 5 + 60 * clay  # kPa
    phi = torch.deg2rad(34 - 20 * clay)
    k0 = 1 - torch.sin(phi)
    sv_mean = gamma * h / 2 - 9.81 * F.relu(h / 2 - dwt.clamp(max=h))  # mid-cover effective stress
    resist = 2 * math.pi * r * h * (c * (1 - 0.02 * dwt) + k0 * sv_mean.clamp_min(0) * torch.tan(phi))
    weight = math.pi * r**2 * h * gamma * (1 + 0.03 * dwt) + math.pi * r**2 * 10 * (use == 2).float()
    fs = resist / weight
    p = torch.sigmoid((1 - fs) / 0.035)
    y = (torch.rand(n, generator=gen) < p).float()
    depth = h + 2
    grav = -400 * r**3 / depth**2 + 2 * torch.randn(n, generator=gen)  # microGal
    x = torch.stack([(h - 16) / 8, (clay - 0.32) / 0.16, (dwt - 8) / 6, (torch.log(dist) - 4.95) / 1.53,
                     torch.sign(grav) * torch.log1p(grav.abs()) / 2, (rain - 1100) / 290,
                     (use == 0).float(), (use == 1).float(), (use == 2).float()], 1)
    return x, y


class SinkholeSusceptibilityNet(nn.Module):
    """A susceptibility MLP (9 factors, two ReLU layers, one logit), as GIS sinkhole studies train beside their
    logistic regressions."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def collapse_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of a collapse."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def sinkhole(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The susceptibility net on 2048 surveyed sites; held out: 8192 other sites in batches of 2048; Adam."""
    gen = torch.Generator().manual_seed(88102)
    x, y = _sh_sites(train_size + 8192, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SinkholeSusceptibilityNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": collapse_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. geyser eruption-interval forecasting with a GRU (RMSprop)

GY_HIST = 12


def _gy_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Eruption logs of n geyser-windows (each its own geyser or its own season), 13 eruptions each. Eruptions are
    short (mean 1.9-2.4 min) or long (3.8-4.6 min); a long one is likelier after a long interval (more heat
    recharged: logistic in the interval). The interval after an eruption of duration d: a + b d (a 25-45 min, b 7-14
    min per min, Old Faithful's about 33 + 10.7 d) + a barometric term, a semidiurnal tidal term with a random
    phase, a slow drift, and 1-min scatter. Returns (inputs (n, 13, 3): the duration, the interval before it, a
    flag for the last step whose interval is unknown; all standardised) and the next interval (standardised)."""
    steps = GY_HIST + 1
    a = 25 + 20 * torch.rand(n, 1, generator=gen)
    b = 7 + 7 * torch.rand(n, 1, generator=gen)
    ds = 1.9 + 0.5 * torch.rand(n, 1, generator=gen)
    dl = 3.8 + 0.8 * torch.rand(n, 1, generator=gen)
    bias = -1 + 2 * torch.rand(n, 1, generator=gen)
    baro = torch.cumsum(0.3 * torch.randn(n, steps + 1, generator=gen), 1)
    tide_ph = 2 * math.pi * torch.rand(n, 1, generator=gen)
    drift = 0.4 * torch.randn(n, 1, generator=gen)
    dur = torch.zeros(n, steps)
    gap = torch.zeros(n, steps + 1)
    gap[:, 0] = 60 + 25 * torch.rand(n, generator=gen)
    clock = torch.zeros(n)
    for t in range(steps):
        p_long = torch.sigmoid(bias[:, 0] + (gap[:, t] - 70) / 8)
        long_ = torch.rand(n, generator=gen) < p_long
        d = torch.where(long_, dl[:, 0], ds[:, 0]) + 0.18 * torch.randn(n, generator=gen)
        dur[:, t] = d
        clock = clock + gap[:, t]
        tide = 3 * torch.sin(2 * math.pi * clock / 745 + tide_ph[:, 0])
        gap[:, t + 1] = (a[:, 0] + b[:, 0] * d + 1.5 * baro[:, t] + tide + drift[:, 0] * t
                         + 1 * torch.randn(n, generator=gen))
    prev = gap[:, :steps]
    known = torch.ones(n, steps)
    known[:, -1] = 0
    x = torch.stack([(dur - 3.1) / 1.1, (prev - 70) / 15, known], 2)
    return x, (gap[:, steps] - 70) / 15


class EruptionGRU(nn.Module):
    """A one-layer GRU over the eruption log and a linear head on its last state (the next interval)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(3, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.gru(x)
        return self.head(out[:, -1]).squeeze(1)


def interval_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised next interval."""
    x, y = batch
    return F.mse_loss(model(x), y)


def geyser(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The eruption GRU on 2048 logged windows; held out: 2048 other windows in batches of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(88202)
    x, y = _gy_records(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EruptionGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": interval_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. topiary form fitting from depth images for a trimming robot (SGD with Nesterov momentum)

TP_SIZE, TP_CLASSES = 16, 5


def _tp_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Depth images (16 x 16, orthographic, over a 1 x 1 m frame) of clipped topiary forms grown over: 0 ball, 1
    cone, 2 column (cylinder), 3 box (a square section turned by a random angle; its front profile mirrored about
    the axis, a simplification), 4 pyramid (a square section shrinking upward). Half-width 0.3-0.45 m,
    half-height 0.3-0.45 m, centre shifted by up to 0.08 m each way; the form's front surface z(x, y) in closed
    form; then a season's overgrowth: 10-20 shoots (Gaussian bumps, 5-15 cm proud, 4-9 cm wide) over the bush and
    a 3 cm fuzz; the background a hedge 0.7 m behind with its own leafy texture; 1 cm sensor noise. Returns
    (depths (n, 1, 16, 16) in metres in front of the bush axis, shifted and scaled, and the clipped form's
    half-width, half-height and centre (n, 4), standardised)."""
    y = torch.randint(0, TP_CLASSES, (n,), generator=gen)
    g = torch.linspace(-0.5, 0.5, TP_SIZE)
    gy, gx = torch.meshgrid(-g, g, indexing="ij")
    gx, gy = gx.view(1, TP_SIZE, TP_SIZE), gy.view(1, TP_SIZE, TP_SIZE)
    w = (0.3 + 0.15 * torch.rand(n, 1, 1, generator=gen))
    hh = (0.3 + 0.15 * torch.rand(n, 1, 1, generator=gen))
    cx = 0.08 * (2 * torch.rand(n, 1, 1, generator=gen) - 1)
    cy = 0.08 * (2 * torch.rand(n, 1, 1, generator=gen) - 1)
    th = (math.pi / 2) * torch.rand(n, 1, 1, generator=gen)
    x = gx - cx
    v = (gy - cy) / hh  # -1 (foot) .. 1 (top)
    inside_h = (v.abs() <= 1).float()
    yy = y.view(-1, 1, 1)
    frac = ((1 - v) / 2).clamp(0, 1)  # 1 at the foot, 0 at the top
    radius = torch.where(yy == 0, w * (1 - v.clamp(-1, 1) ** 2).clamp_min(0).sqrt(),
                         torch.where(yy == 1, w * frac, w.expand_as(v)))
    radius = torch.where(yy == 4, w * frac, radius)
    round_z = (radius**2 - x**2).clamp_min(0).sqrt()
    round_in = (x.abs() < radius).float()
    c, s = torch.cos(th), torch.sin(th)
    a = radius / 1.0
    sq_z = torch.minimum((a - x.abs() * c) / s.clamp_min(1e-3), (a + x.abs() * s) / c.clamp_min(1e-3))
    sq_in = (x.abs() < a * (c + s)).float()
    square = (yy >= 3)
    z = torch.where(square, sq_z.clamp_min(0), round_z)
    body = torch.where(square, sq_in, round_in) * inside_h
    count = torch.randint(10, 21, (n, 1), generator=gen)
    on = (torch.arange(20).view(1, -1) < count).float()
    bx = cx.view(-1, 1) + 0.45 * (2 * torch.rand(n, 20, generator=gen) - 1)
    by = cy.view(-1, 1) + 0.45 * (2 * torch.rand(n, 20, generator=gen) - 1)
    bw = 0.04 + 0.05 * torch.rand(n, 20, generator=gen)
    amp = on * (0.05 + 0.10 * torch.rand(n, 20, generator=gen))
    ex = torch.exp(-((g.view(1, 1, -1) - bx.unsqueeze(2)) ** 2) / (2 * bw.unsqueeze(2) ** 2))
    ey = torch.exp(-((-g.view(1, 1, -1) - by.unsqueeze(2)) ** 2) / (2 * bw.unsqueeze(2) ** 2))
    bumps = torch.einsum("nk,nky,nkx->nyx", amp, ey, ex)
    near = F.avg_pool2d(body.unsqueeze(1), 3, 1, 1).squeeze(1)
    fuzz = 0.03 * torch.randn(n, TP_SIZE, TP_SIZE, generator=gen)
    front = torch.where(body > 0, z + bumps + fuzz, -0.7 + 0.04 * torch.randn(n, TP_SIZE, TP_SIZE, generator=gen)
                        + bumps * near)
    front = front + 0.01 * torch.randn(n, TP_SIZE, TP_SIZE, generator=gen)
    target = torch.cat([(w - 0.375) / 0.043, (hh - 0.375) / 0.043, cx / 0.046, cy / 0.046], 1).view(n, 4)
    return ((front + 0.2) / 0.4).unsqueeze(1), target


class TopiaryCNN(nn.Module):
    """A small CNN: three 3x3 convolutions (8, 16, 16 channels), each with batch norm and ReLU, two max poolings, a
    dense layer of 64 on the flattened 4 x 4 map, and the clipped form's four parameters."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(width, 2 * width, 3, padding=1, bias=False), nn.BatchNorm2d(2 * width), nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(2 * width, 2 * width, 3, padding=1, bias=False), nn.BatchNorm2d(2 * width), nn.ReLU())
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * (TP_SIZE // 4) ** 2, 64), nn.ReLU(),
                                  nn.Linear(64, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def form_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the clipped form's standardised half-width, half-height and centre."""
    x, y = batch
    return F.mse_loss(model(x), y)


def topiary(batch_size: int = 32, seed: int = 0, train_size: int = 3072, width: int = 8) -> dict[str, Any]:
    """The form CNN on 3072 depth images; held out: 2048 other bushes in batches of 512; SGD with Nesterov momentum
    0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(88302)
    x, y = _tp_images(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TopiaryCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": form_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. oyster clearance rate (NAdam)


def _oy_measurements(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Flow-through chamber measurements of single oysters (Crassostrea-like): shell height 5-12 cm, condition
    index 4-14 (dry tissue weight = 0.004 x height^2.6 x condition / 9 g), temperature 8-30 C, salinity 8-35,
    total particulate matter (TPM) 2-150 mg/L (log-uniform) with organic fraction 0.15-0.6, flow 0.5-4 L/min per
    chamber, diploid or triploid. Clearance rate (L/h) = 6.8 W^0.7 x f(T) (rising to an optimum at 27 C, falling
    fast above) x f(S) (logistic, half at salinity 9) x f(TPM) (filtration falls as pseudofaeces build above ~25
    mg/L, helped by a high organic fraction) x a chamber factor (under-estimation at low flow, re-filtration) x 1.15
    for triploids; individual and measurement scatter 20% (log-normal). Returns (standardised inputs (n, 8), log
    clearance rate; the caller standardises it)."""
    sh = 5 + 7 * torch.rand(n, generator=gen)
    ci = 4 + 10 * torch.rand(n, generator=gen)
    t = 8 + 22 * torch.rand(n, generator=gen)
    s = 8 + 27 * torch.rand(n, generator=gen)
    tpm = torch.exp(math.log(2) + (math.log(150) - math.log(2)) * torch.rand(n, generator=gen))
    org = 0.15 + 0.45 * torch.rand(n, generator=gen)
    flow = 0.5 + 3.5 * torch.rand(n, generator=gen)
    trip = (torch.rand(n, generator=gen) < 0.4).float()
    w = 0.004 * sh**2.6 * ci / 9
    ft = torch.exp(-((t - 27) / torch.where(t < 27, torch.tensor(12.0), torch.tensor(5.0))) ** 2)
    fs = torch.sigmoid((s - 9) / 2.5)
    ftpm = torch.exp(-0.012 * F.relu(tpm - 25) * (1.3 - org))
    cr_true = 6.8 * w**0.7 * ft * fs * ftpm * (1 + 0.15 * trip)
    chamber = 1 / (1 + cr_true / (60 * flow * 0.4))
    cr = cr_true * chamber * torch.exp(0.2 * torch.randn(n, generator=gen))
    x = torch.stack([(sh - 8.5) / 2.0, (ci - 9) / 2.9, (t - 19) / 6.4, (s - 21.5) / 7.8,
                     (torch.log(tpm) - 2.85) / 1.24, (org - 0.375) / 0.13, (flow - 2.25) / 1.0, trip], 1)
    return x, torch.log(cr)


class OysterFiltrationNet(nn.Module):
    """A tanh MLP 8-48-48-1 from the oyster and its water to the log clearance rate."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def log_rate_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (standardised) log clearance rate."""
    x, y = batch
    return F.mse_loss(model(x), y)


def oyster(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The filtration net on 1024 chamber measurements, the log rate standardised over them; held out: 4096 other
    oysters in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(88402)
    x, y = _oy_measurements(train_size + 4096, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OysterFiltrationNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": log_rate_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. compost pile heat: a windrow's core temperature over 30 days (Adamax; long only)

CP_DAYS = 30


def _cp_rosso(t: torch.Tensor) -> torch.Tensor:
    """Rosso et al.'s cardinal-temperature factor, Tmin 5, Topt 58, Tmax 72 C (0 outside)."""
    tmin, topt, tmax = 5.0, 58.0, 72.0
    tc = t.clamp(tmin, tmax)
    num = (tc - tmax) * (tc - tmin) ** 2
    den = (topt - tmin) * ((topt - tmin) * (tc - topt) - (topt - tmax) * (topt + tmin - 2 * tc))
    return (num / den).clamp(0, 1)


def _cp_piles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Windrows: C:N 15-50, moisture 35-75%, height 0.8-2.5 m, free air space 20-50%, ambient temperature -5 to
    30 C, turning every 3-15 days, degradable volatile solids 30-70%. Six-hourly steps: substrate decays at
    k S f(T) f(moisture) f(O2) f(C:N) (f(T) Rosso's, moisture optimum 55-60%, oxygen falling with the pile's
    height over its free air space and recovering when turned, nitrogen limiting at high C:N); heat = decay x
    enthalpy; loss through the surface (a conductance falling with height); turning drops the core 20% of the way
    to ambient. The probe's daily reading (1 C noise). Returns (standardised recipe (n, 7), temperatures / 10)."""
    cn = 15 + 35 * torch.rand(n, generator=gen)
    mo = 0.35 + 0.40 * torch.rand(n, generator=gen)
    ht = 0.8 + 1.7 * torch.rand(n, generator=gen)
    fas = 0.2 + 0.3 * torch.rand(n, generator=gen)
    amb = -5 + 35 * torch.rand(n, generator=gen)
    turn = torch.randint(3, 16, (n,), generator=gen).float()
    vs = 0.3 + 0.4 * torch.rand(n, generator=gen)
    f_mo = torch.exp(-((mo - 0.575) / 0.13) ** 2)
    f_cn = torch.where(cn < 30, torch.ones(n), 30 / cn) * torch.where(cn < 20, 0.6 + 0.02 * cn, torch.ones(n))
    o2_demand = ht / (fas * 4)
    temp = amb.clone()
    sub = vs.clone()
    o2 = torch.ones(n)
    out = []
    dt = 0.25
    for i in range(CP_DAYS * 4):
        day = i * dt
        f_t = _cp_rosso(temp) + 0.05
        rate = 0.35 * sub * f_t * f_mo * f_cn * o2
        sub = sub - dt * rate
        o2 = (o2 + dt * (0.6 * (1 - o2) - 0.5 * o2_demand * rate * o2)).clamp(0.05, 1)
        temp = temp + dt * (900 * rate - 1.2 / ht * (temp - amb))
        if i % 4 == 3:
            turned = ((day + dt) % turn).lt(dt / 2).float()
            temp = temp - turned * 0.2 * (temp - amb)
            o2 = o2 + turned * (1 - o2)
            out.append(temp.clone())
    curve = torch.stack(out, 1) + torch.randn(n, CP_DAYS, generator=gen)
    x = torch.stack([(cn - 32.5) / 10.1, (mo - 0.55) / 0.115, (ht - 1.65) / 0.49, (fas - 0.35) / 0.087,
                     (amb - 12.5) / 10.1, (turn - 9) / 4.3, (vs - 0.5) / 0.115], 1)
    return x, curve / 10


class CompostHeatNet(nn.Module):
    """An MLP 7-64-64-30 (SiLU) from the recipe and management to the 30 daily core temperatures."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, CP_DAYS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def temperature_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the daily core temperature in tens of degrees."""
    x, y = batch
    return F.mse_loss(model(x), y)


def compost(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The pile-heat net on 4096 simulated windrows; held out: 2048 others in batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(88502)
    x, y = _cp_piles(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CompostHeatNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": temperature_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. greasy fleece weight and fibre diameter at shearing (AdamW; long only)

FL_BREEDS = 6


def _fl_sheep(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sheep at shearing, six breeds (fine Merino, medium Merino, Corriedale, Polwarth, Romney, Border Leicester x
    Merino): sex (ewe, wether, ram), age 1-7 years, body weight (breed mean x sex x age curve, +-12%), days since
    the last shearing 150-420, feed energy 8-18 MJ ME/day, lambed and lactated this year (ewes, 70%). Clean wool
    grows at the breed's potential (14-17.5 g/day) x (0.4 + 0.08 x the feed above maintenance, 0.45 W^0.75 MJ),
    less 15% for pregnancy and lactation, less with age after 4, with a photoperiod seasonality (strong in
    Romney, weak in Merino) averaged over the period's span; greasy weight = clean / yield (breed 0.68-0.75); fibre
    diameter rises with the square root of the growth rate (breed base 17.5-34 um) and with age. Noise 1% on
    weight, 0.12 um on diameter. Returns (breeds, conditions (n, 9), the last two the season of the shearing date,
    [log greasy weight, diameter], standardised by the caller)."""
    br = torch.randint(0, FL_BREEDS, (n,), generator=gen)
    sex = torch.randint(0, 3, (n,), generator=gen)
    age = 1 + 6 * torch.rand(n, generator=gen)
    bw0 = torch.tensor([48.0, 55.0, 62.0, 58.0, 68.0, 65.0])[br]
    bw = bw0 * torch.tensor([1.0, 1.12, 1.35])[sex] * (1 - 0.3 * torch.exp(-age)) * (
        1 + 0.12 * torch.randn(n, generator=gen))
    days = 150 + 270 * torch.rand(n, generator=gen)
    feed = 8 + 10 * torch.rand(n, generator=gen)
    lamb = ((sex == 0) & (torch.rand(n, generator=gen) < 0.7)).float()
    pot = torch.tensor([14.0, 16.5, 15.5, 16.0, 17.5, 17.0])[br]  # g clean wool / day at full feed
    season = torch.tensor([0.05, 0.08, 0.2, 0.15, 0.35, 0.25])[br]
    ph = 2 * math.pi * torch.rand(n, generator=gen)
    span = days / 365 * 2 * math.pi
    # the mean over the period of 1 - season x cos(day of the year as an angle, from ph)
    seas = 1 + season * (torch.sin(ph + span) - torch.sin(ph)) / span.clamp_min(1e-3) * (-1)
    surplus = F.relu(feed - 0.45 * bw**0.75)
    rate = pot * (0.4 + 0.08 * surplus) * (1 - 0.15 * lamb) * (1 - 0.04 * F.relu(age - 4)) * seas
    clean = rate * days / 1000  # kg
    yld = torch.tensor([0.68, 0.70, 0.72, 0.70, 0.75, 0.73])[br]
    greasy = clean / yld * torch.exp(0.01 * torch.randn(n, generator=gen))
    base = torch.tensor([17.5, 20.5, 26.0, 22.5, 34.0, 27.0])[br]
    diam = base * (rate / pot).clamp_min(0.05) ** 0.5 * 1.0 + 0.8 * F.relu(age - 3) + 0.12 * torch.randn(
        n, generator=gen)
    cond = torch.stack([(sex == 1).float(), (sex == 2).float(), (age - 4) / 1.7, (bw - 65) / 14,
                        (days - 285) / 78, (feed - 13) / 2.9, lamb, torch.cos(ph + span), torch.sin(ph + span)], 1)
    return br, cond, torch.stack([torch.log(greasy), diam], 1)


class FleeceNet(nn.Module):
    """An MLP with a learned breed embedding (dimension 4), joined with the nine conditions, through two ReLU
    layers to log greasy fleece weight and fibre diameter."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(FL_BREEDS, 4)
        self.net = nn.Sequential(nn.Linear(13, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, br: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(br), cond], 1))


def fleece_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log greasy weight and fibre diameter."""
    br, cond, y = batch
    return F.mse_loss(model(br, cond), y)


def fleece(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The fleece net on 8192 shorn sheep, targets standardised over them; held out: 2048 others in batches of
    1024; AdamW (weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(88602)
    b, c, y = _fl_sheep(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (b[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FleeceNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((b[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": fleece_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sinkhole_collapse_adam", sinkhole, 300, "sinkhole_cover_collapse_susceptibility_mlp", "adam", "finite", 32,
      seconds=0.15, start_lr=0.032),
    W("geyser_interval_rmsprop", geyser, 300, "geyser_eruption_interval_gru", "rmsprop", "finite", 32,
      seconds=0.55, start_lr=0.016),
    W("topiary_form_nesterov", topiary, 300, "topiary_depth_image_form_fit_cnn", "sgd_nesterov0.9_wd5e-4", "finite",
      32, seconds=0.85, start_lr=0.025),
    W("oyster_clearance_nadam", oyster, 300, "oyster_clearance_rate_mlp", "nadam", "small_finite", 64,
      seconds=0.2, start_lr=0.032),
)
LONG = (
    W("compost_heat_adamax@long", compost, 3000, "compost_windrow_core_temperature_mlp", "adamax", "finite", 32,
      seconds=1.3, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("fleece_weight_adamw@long", fleece, 3000, "sheep_greasy_fleece_weight_diameter_mlp", "adamw_wd1e-2", "finite",
      32, seconds=1.8, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("geyser_interval_rmsprop@long", geyser, 3000, "geyser_eruption_interval_gru", "rmsprop", "finite", 32,
      dict(train_size=16384), seconds=5.5, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="geyser_interval_rmsprop"),
    W("oyster_clearance_nadam@long", oyster, 3000, "oyster_clearance_rate_mlp", "nadam", "finite", 64,
      dict(train_size=8192), seconds=1.7, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="oyster_clearance_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam88_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-eighth exam's workloads")
