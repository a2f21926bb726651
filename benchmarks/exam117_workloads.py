"""The hundred-and-seventeenth exam: six more workload families that neither the suite nor exams 1-116 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam116_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from rubber ducks and buoyant drift, doormats and dirt capture, egg timers and
sand flow, rice cookers and thermal control, pepper mills and grind size, and colanders and drainage (exam 118 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam117/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- rubber-duck drift at sea: an LSTM reads 16 hourly steps of forcing (the wind, the surface current, the wave
  height, the side the duck was released facing the wind, the duck's type) and gives the duck's track (east / north
  displacement after each hour, a per-hour displacement from a linear head accumulated inside the model); the drift
  velocity is the current plus a wave-height Stokes drift plus a leeway from the wind (downwind and crosswind
  components from the duck's windage, the crosswind side jibing at random), relaxed with an inertial lag; MSE of
  the scaled track; RMSprop (torch's defaults)
- egg-timer sand flow, a grey-box net: an MLP from the grain (glass beads, river sand, crushed marble, ground
  eggshell; one-hot), its median size and spread, the humidity and the neck's cone angle to Beverloo's discharge
  coefficient C and the empty-annulus factor k, and Beverloo's law W = C rho_b sqrt(g) (D - k d)^2.5 with the
  sand's mass and the neck's diameter to the log run time of the timer; the data add an air counter-flow slowing
  fine grains, cohesion from humidity, a cone-angle effect and 4% scatter; MSE of the log time over its sd; RAdam
  (torch's defaults)
- pepper-mill grind size from a micrograph: a small 2-D CNN (BatchNorm, ReLU, global average pooling) reads a 16x16
  grey image of ground pepper on white paper (8-32 dark particles of Rosin-Rammler sizes, lighter husk flakes,
  uneven exposure, sensor noise) and gives the grind's log characteristic size (from the burr gap) and the log
  particle count of the field; MSE of the standardised targets; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- colander drainage: a Pre-LN transformer block over the colander's rings of holes (each a token: its height, its
  hole count, hole diameter and the share blocked by pasta) and a token for the bowl (radius, fill, pasta) gives
  the water retained after each of 8 half-seconds; a spherical-cap bowl drained by Torricelli outflow through every
  submerged ring (Cd 0.6), capillary hold-up of small holes below a Laplace head, pasta slowing the level's fall;
  4% scatter; MSE of the retained fractions (x4); AdamW (torch's defaults, weight decay 1e-2)
- rice-cooker thermal control (a long plan only): an LSTM reads 20 one-minute steps of the heater's duty (a
  controller's schedule with random changes), the rice type (white, brown, sushi; one-hot), the water-to-rice ratio,
  the rice mass and the room temperature, and gives the pot-bottom temperature and the free-water fraction after
  each minute; a lumped pot / water / rice heat balance, boiling holding the water at 100 C while the excess power
  evaporates it, water uptake by the rice above its gelatinisation temperature, the bottom running away once the
  free water is gone (to a 140 C cut-out); MSE of the scaled outputs; Adam (torch's defaults)
- doormat dirt capture (a long plan only): entity embeddings of the mat's fibre, its construction, the shoe's sole,
  the soil and the weather, joined with the mat's pile height and dirt load, through an MLP to the cumulative
  fraction of the shoe's dirt removed after each of 1-6 steps; per-step removal from an invented fibre x soil
  affinity table, a construction scraping factor, the sole's tread, wet soil sticking, a mat saturating as it
  loads; MSE of the fractions (x4); AdamW (torch's defaults, weight decay 1e-2)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the rice-cooker and
doormat nets (no short plans), the rubber-duck LSTM on 8192 tracks instead of 1024 (16 units instead of 32) and the
egg-timer grey-box net on 8192 timers instead of 1024 (32 units instead of 64), each with its own batch size.

Of the eight plans, two use RMSprop (both rubber-duck plans), two RAdam (both egg-timer plans), two AdamW (colander,
doormat), one SGD with Nesterov momentum (pepper mill) and one Adam (rice cooker).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam117_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam117/README.md).

    python benchmarks/exam117_workloads.py          # the table
    python benchmarks/exam117_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, split_batches  # noqa: E402

TITLE = "Exam 117"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _smooth_walk(n: int, steps: int, gen: torch.Generator, rho: float = 0.8) -> torch.Tensor:
    """An AR(1) series per row, unit stationary variance (weather that changes by the hour)."""
    out = torch.empty(n, steps)
    z = torch.randn(n, generator=gen)
    for t in range(steps):
        z = rho * z + math.sqrt(1 - rho**2) * torch.randn(n, generator=gen)
        out[:, t] = z
    return out


# --------------------------------------------------------------------------------------------------------------
# 1. rubber-duck drift at sea (RMSprop)

RD_STEPS = 16
RD_TYPES = 3  # classic bath duck, large show duck, weighted-base duck


def _rd_tracks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Drifting rubber ducks, 16 hourly steps. Wind: a mean speed 2-14 m/s from a random direction, veering and
    gusting by the hour (AR(1)). Surface current: a mean 0-0.3 m/s plus a semi-diurnal tide (amplitude 0-0.4 m/s,
    random phase and axis). Wave height Hs from the wind (0.025 W^2 m, with swell). The duck: windage (the ratio of
    its exposed to its immersed area) 1.6, 2.2, 1.0 for a bath, a show and a weighted duck; downwind leeway
    (0.012 + 0.010 windage) W + 0.02 m/s, crosswind leeway 0.15 of that on the side the duck was released facing
    (known, +-1), which jibes (flips) with probability 0.03 an hour (not known); Stokes drift 0.012 Hs^0.7 m/s
    downwind; the duck's velocity relaxes to the sum with a 20-minute lag (10-minute sub-steps). Positions are in km
    after each hour, 2% scatter in the leeway. Returns (forcing (n, 16, 9): wind u / v over 10, current u / v over
    0.5, Hs over 2, the release side, the duck one-hot; tracks (n, 16, 2) in km / 5)."""
    ang = 2 * math.pi * torch.rand(n, 1, generator=gen)
    speed = 2 + 12 * torch.rand(n, 1, generator=gen)
    veer = 0.25 * _smooth_walk(n, RD_STEPS, gen, 0.85)
    gust = 1 + 0.2 * _smooth_walk(n, RD_STEPS, gen, 0.6)
    wspd = speed * gust
    wdir = ang + veer
    wu, wv = wspd * torch.cos(wdir), wspd * torch.sin(wdir)
    cang = 2 * math.pi * torch.rand(n, 1, generator=gen)
    cmean = 0.3 * torch.rand(n, 1, generator=gen)
    tang = 2 * math.pi * torch.rand(n, 1, generator=gen)
    tamp = 0.4 * torch.rand(n, 1, generator=gen)
    phase = 2 * math.pi * torch.rand(n, 1, generator=gen)
    hours = torch.arange(RD_STEPS).float().view(1, -1)
    tide = tamp * torch.cos(2 * math.pi * hours / 12.42 + phase)
    cu = cmean * torch.cos(cang) + tide * torch.cos(tang)
    cv = cmean * torch.sin(cang) + tide * torch.sin(tang)
    swell = 0.3 + 0.7 * torch.rand(n, 1, generator=gen)
    hs = 0.025 * wspd**2 * (1 - torch.exp(-hours / 6 - 0.5)) + swell
    typ = torch.randint(0, RD_TYPES, (n,), generator=gen)
    windage = torch.tensor([1.6, 2.2, 1.0])[typ].view(-1, 1)
    lee = ((0.012 + 0.010 * windage) * wspd + 0.02) * torch.exp(0.02 * torch.randn(n, RD_STEPS, generator=gen))
    flips = torch.rand(n, RD_STEPS, generator=gen) < 0.03
    start = torch.where(torch.rand(n, 1, generator=gen) < 0.5, -1.0, 1.0)
    sign = start * torch.where(flips, -1.0, 1.0).cumprod(1)
    ux, uy = torch.cos(wdir), torch.sin(wdir)  # downwind unit vector
    stokes = 0.012 * hs**0.7
    tu = cu + (lee + stokes) * ux - 0.15 * lee * sign * uy
    tv = cv + (lee + stokes) * uy + 0.15 * lee * sign * ux
    # the duck's velocity relaxes to the target with a 20-minute lag, 6 sub-steps an hour
    du = torch.zeros(n)
    dv = torch.zeros(n)
    px = torch.zeros(n)
    py = torch.zeros(n)
    track = []
    for t in range(RD_STEPS):
        for _ in range(6):
            du = du + (tu[:, t] - du) * (10 / 20)
            dv = dv + (tv[:, t] - dv) * (10 / 20)
            px = px + du * 600 / 1000
            py = py + dv * 600 / 1000
        track.append(torch.stack([px, py], 1))
    y = torch.stack(track, 1) / 5
    x = torch.cat([torch.stack([wu / 10, wv / 10, cu / 0.5, cv / 0.5, hs / 2, start.expand(n, RD_STEPS)], 2),
                   F.one_hot(typ, RD_TYPES).float().unsqueeze(1).expand(n, RD_STEPS, RD_TYPES)], 2)
    return x, y


class DriftLSTM(nn.Module):
    """An LSTM over the hourly forcing; a linear head gives each hour's displacement, summed into the track."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(6 + RD_TYPES, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.head(h).cumsum(1)


def drift_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the track (km / 5) over the 16 hours."""
    return _mse(model, batch)


def rubber_duck_drift(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The drift LSTM on 1024 duck tracks; held out: 2048 other tracks in batches of 1024; RMSprop (torch's defaults:
    alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(117101)
    x, y = _rd_tracks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DriftLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": drift_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. doormat dirt capture (AdamW)

DM_FIBRES = 6  # coir, polypropylene needle-felt, nylon loop, rubber, cotton, microfibre
DM_BUILDS = 4  # cut pile, loop pile, ribbed, scraper grid
DM_SOLES = 5  # smooth leather, rubber lug, trainer, work boot, heel
DM_SOILS = 5  # dry sand, clay dust, loam, wet mud, road grit
DM_WEATHER = 3  # dry, damp, wet
DM_STEPS = 6


def _dm_wipes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Walk-off tests: a shoe soiled with a weighed soil walks 6 steps over a mat. The fibre x soil affinity
    (invented: coir and rubber scrape wet mud and grit, needle-felt and microfibre take fine dust and damp soil,
    cotton takes water), the construction's scraping (ribbed and scraper grids for coarse soil, cut pile for fine),
    the sole's tread (deep lugs hold mud, smooth leather gives it up), the weather (wet soil sticks to the sole and
    clogs the fine fibres), the pile height (1-15 mm) and the mat's dirt load (0-1 of its capacity, taking
    efficiency as 1 - load^2). Step k removes a fraction e_k of what is left, e_k falling 15% a step (the loosest
    soil goes first); a residue the mat cannot take (wet clay in lugs). 1.5% scatter on each fraction. Returns
    (categoricals (n, 5), continuous (n, 2): pile, load; cumulative fractions removed after steps 1-6 (n, 6) x4)."""
    fib = torch.randint(0, DM_FIBRES, (n,), generator=gen)
    bld = torch.randint(0, DM_BUILDS, (n,), generator=gen)
    sole = torch.randint(0, DM_SOLES, (n,), generator=gen)
    soil = torch.randint(0, DM_SOILS, (n,), generator=gen)
    wet = torch.randint(0, DM_WEATHER, (n,), generator=gen)
    pile = 1 + 14 * torch.rand(n, generator=gen)
    load = torch.rand(n, generator=gen)
    aff = torch.tensor([  # fibre x soil: dry sand, clay dust, loam, wet mud, road grit
        [0.55, 0.25, 0.40, 0.55, 0.60],
        [0.45, 0.55, 0.45, 0.25, 0.35],
        [0.40, 0.45, 0.40, 0.30, 0.40],
        [0.50, 0.15, 0.35, 0.60, 0.65],
        [0.30, 0.40, 0.45, 0.35, 0.20],
        [0.35, 0.65, 0.50, 0.30, 0.25]])
    coarse = torch.tensor([0.7, 0.1, 0.4, 0.8, 1.0])[soil]
    scrape = torch.tensor([0.1, 0.3, 0.6, 0.9])[bld]
    build_f = 1 + 0.5 * scrape * (coarse - 0.5)
    tread = torch.tensor([0.1, 0.8, 0.5, 1.0, 0.2])[sole]
    sole_f = 1.1 - 0.35 * tread * (0.5 + coarse)
    sticky = torch.tensor([0.0, 0.4, 1.0])[wet] * torch.tensor([0.3, 0.9, 0.6, 1.0, 0.2])[soil]
    absorbent = torch.tensor([0.6, 0.5, 0.3, 0.0, 1.0, 0.9])[fib]
    wet_f = 1 - 0.5 * sticky + 0.35 * sticky * absorbent
    pile_f = 1 + 0.25 * torch.log(pile / 5) * (1 - coarse) - 0.1 * (pile / 15) * scrape
    e1 = (aff[fib, soil] * build_f * sole_f * wet_f * pile_f * (1 - 0.8 * load**2)).clamp(0.02, 0.95)
    residue = 0.05 + 0.3 * sticky * tread
    left = torch.ones(n)
    out = []
    for k in range(DM_STEPS):
        left = left * (1 - e1 * 0.85**k)
        out.append((1 - residue) * (1 - left))
    y = torch.stack(out, 1) + 0.015 * torch.randn(n, DM_STEPS, generator=gen)
    cats = torch.stack([fib, bld, sole, soil, wet], 1)
    cont = torch.stack([(pile - 8) / 4, (load - 0.5) / 0.29], 1)
    return cats, cont, 4 * y


class DoormatNet(nn.Module):
    """Entity embeddings (4 each) of the mat's fibre and build, the sole, the soil and the weather, joined with the
    pile height and the load, through a two-layer ReLU MLP to the six cumulative fractions."""

    def __init__(self, emb: int = 4, hidden: int = 64) -> None:
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(k, emb) for k in (DM_FIBRES, DM_BUILDS, DM_SOLES, DM_SOILS,
                                                                  DM_WEATHER))
        self.net = nn.Sequential(nn.Linear(5 * emb + 2, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, DM_STEPS))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        z = torch.cat([e(cats[:, i]) for i, e in enumerate(self.embs)] + [cont], 1)
        return self.net(z)


def capture_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (x4) cumulative fractions removed."""
    cats, cont, y = batch
    return F.mse_loss(model(cats, cont), y)


def doormat_capture(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The doormat net on 8192 walk-off tests; held out: 2048 other tests in batches of 1024; AdamW (torch's
    defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(117201)
    cats, cont, y = _dm_wipes(train_size + 2048, gen)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DoormatNet(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": capture_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. egg-timer sand flow, a grey-box Beverloo net (RAdam)

ET_GRAINS = 4  # glass beads, river sand, crushed marble, ground eggshell


def _et_timers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Hourglass egg timers: the grain (glass beads, river sand, crushed marble, ground eggshell: bulk density 1.55,
    1.60, 1.45, 0.95 g/cm3, Beverloo C 0.62, 0.57, 0.52, 0.48 from their shape, k 1.5, 1.9, 2.3, 2.6), the median
    grain size 60-300 um (log-uniform), the size spread (geometric sd 1.1-1.6: wider slows the flow a little), the
    humidity 20-90% (cohesion: C falls past ~60% RH, more for fine grains), the neck's cone half-angle 15-60 degrees
    (steeper necks flow faster), the neck's diameter 2-5 mm and the sand's mass 15-150 g. Beverloo: W = C rho_b
    sqrt(g) (D - k d)^2.5; fine grains are slowed by the air that must flow back up through the neck (W / (1 +
    (d_a / d)^1.5), d_a 70 um); run time M / W. 4% scatter (lognormal). Returns (grain features (n, 8), the neck and the mass
    (n, 2) in mm and g, log run time in s (n,))."""
    typ = torch.randint(0, ET_GRAINS, (n,), generator=gen)
    rho = torch.tensor([1.55, 1.60, 1.45, 0.95])[typ] * 1000  # kg/m3
    c0 = torch.tensor([0.62, 0.57, 0.52, 0.48])[typ]
    k0 = torch.tensor([1.5, 1.9, 2.3, 2.6])[typ]
    d = 60 * 5 ** torch.rand(n, generator=gen)  # um
    gsd = 1.1 + 0.5 * torch.rand(n, generator=gen)
    rh = 20 + 70 * torch.rand(n, generator=gen)
    cone = 15 + 45 * torch.rand(n, generator=gen)
    neck = 2 + 3 * torch.rand(n, generator=gen)  # mm
    mass = 15 * 10 ** torch.rand(n, generator=gen)  # g
    cohesion = torch.sigmoid((rh - 60) / 8) * 0.35 * (100 / d) ** 0.5
    c = c0 * (1 - cohesion).clamp_min(0.2) * (1 - 0.15 * (gsd - 1.1)) * (1 + 0.25 * torch.cos(torch.deg2rad(cone * 1.5)))
    k = k0 * (1 + 0.3 * (gsd - 1.1))
    opening = (neck - k * d / 1000).clamp_min(0.2) / 1000  # m
    w = c * rho * math.sqrt(9.81) * opening**2.5 / (1 + (70 / d) ** 1.5)  # kg/s
    t = mass / 1000 / w * torch.exp(0.04 * torch.randn(n, generator=gen))
    grain = torch.cat([F.one_hot(typ, ET_GRAINS).float(), torch.stack([
        torch.log(d / 134) / 0.46, (gsd - 1.35) / 0.14, (rh - 55) / 20, (cone - 37.5) / 13], 1)], 1)
    return grain, torch.stack([neck, mass], 1), torch.log(t)


class BeverlooNet(nn.Module):
    """Grey box: a SiLU MLP from the grain and the neck's cone to Beverloo's log C and k (k in 1-4), then the law
    W = C rho sqrt(g) (D - k d)^2.5 with the bulk density taken as 1500 kg/m3 (C absorbs the rest) gives the log
    run time M / W."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, grain: torch.Tensor, geo: torch.Tensor) -> torch.Tensor:
        out = self.net(grain)
        log_c = math.log(0.58) + out[:, 0]
        k = 1 + 3 * torch.sigmoid(out[:, 1])
        d = 134e-6 * torch.exp(0.46 * grain[:, 4])  # the median size back in m
        neck, mass = geo[:, 0] / 1000, geo[:, 1] / 1000
        opening = (neck - k * d).clamp_min(1e-4)
        log_w = log_c + math.log(1500 * math.sqrt(9.81)) + 2.5 * torch.log(opening)
        return torch.log(mass) - log_w


class TimerLoss:
    """The mean squared error of the log run time, over its training sd (a constant fixed by the factory)."""

    def __init__(self, sd: float) -> None:
        self.sd = sd

    def __call__(self, model: nn.Module, batch: Any) -> torch.Tensor:
        grain, geo, y = batch
        return F.mse_loss(model(grain, geo) / self.sd, y / self.sd)


def egg_timer_flow(batch_size: int = 128, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The Beverloo grey-box net on 1024 timers; held out: 2048 other timers in batches of 1024; RAdam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(117301)
    grain, geo, y = _et_timers(train_size + 2048, gen)
    tr = (grain[:train_size], geo[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BeverlooNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((grain[train_size:], geo[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": TimerLoss(float(y[:train_size].std())), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pepper-mill grind size from a micrograph (SGD with Nesterov momentum)

PM_SIZE = 16
PM_PARTICLES = 32


def _pm_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16x16 micrographs of ground pepper on white paper. The mill's burr gap 0.2-1.6 mm (log-uniform) sets the
    Rosin-Rammler characteristic size x' = 0.6 (gap / 0.5)^0.8 pixels, the spread n 1.8-2.8 from the burr (ceramic
    or steel) and the corns' oil. 8-32 particles a field of view (how much was ground onto the slide), each a Gaussian
    blob of radius x drawn from the Rosin-Rammler law (inverse CDF, clipped to 0.3-3 px) at a random place: dark
    for the black shell and the core, light for husk flakes (their share 0.1-0.6 of the blend: cracked versus
    fine-ground, realised per image); the exposure 0.6-1.0 with an uneven light ramp, 3% sensor noise. Returns
    (images (n, 1, 16, 16), targets (n, 2): log x' and the log particle count, standardised)."""
    gap = 0.2 * 8 ** torch.rand(n, generator=gen)
    ceramic = (torch.rand(n, generator=gen) < 0.5).float()
    oily = torch.rand(n, generator=gen)
    xc = 0.6 * (gap / 0.5) ** 0.8
    spread = 2.2 + 0.6 * ceramic - 0.4 * oily
    u = torch.rand(n, PM_PARTICLES, generator=gen).clamp(1e-4, 1 - 1e-4)
    r = (xc.view(-1, 1) * (-torch.log1p(-u)) ** (1 / spread.view(-1, 1))).clamp(0.3, 3.0)
    count = torch.randint(8, PM_PARTICLES + 1, (n, 1), generator=gen)
    present = (torch.arange(PM_PARTICLES).view(1, -1) < count).float()
    cx = PM_SIZE * torch.rand(n, PM_PARTICLES, 1, 1, generator=gen)
    cy = PM_SIZE * torch.rand(n, PM_PARTICLES, 1, 1, generator=gen)
    husk_p = 0.1 + 0.5 * torch.rand(n, 1, generator=gen)
    husk = (torch.rand(n, PM_PARTICLES, generator=gen) < husk_p).float()
    dark = (0.85 - 0.55 * husk) * present
    grid = torch.arange(PM_SIZE).float() + 0.5
    gy, gx = grid.view(1, 1, -1, 1), grid.view(1, 1, 1, -1)
    blob = torch.exp(-((gx - cx) ** 2 + (gy - cy) ** 2) / (2 * r.view(n, PM_PARTICLES, 1, 1) ** 2))
    cover = 1 - torch.prod(1 - dark.view(n, PM_PARTICLES, 1, 1) * blob, 1)
    gain = 0.6 + 0.4 * torch.rand(n, 1, 1, generator=gen)
    ramp = gain * (1 - 0.2 * torch.rand(n, 1, 1, generator=gen) * (gx.view(1, 1, -1) / PM_SIZE))
    img = ramp * (1 - cover) + 0.03 * torch.randn(n, PM_SIZE, PM_SIZE, generator=gen)
    y = torch.stack([(torch.log(xc) + 0.5) / 0.6, (torch.log(count.squeeze(1).float()) - 2.9) / 0.4], 1)
    return (img.unsqueeze(1) - 0.6) / 0.25, y


class GrindCNN(nn.Module):
    """Three 3x3 conv layers (8, 16, 16 channels; the last two with stride 2), each with BatchNorm and ReLU, global
    average pooling and a linear head to the two grind targets."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()

        def block(cin: int, cout: int, stride: int) -> nn.Sequential:
            return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())

        self.features = nn.Sequential(block(1, width, 1), block(width, 2 * width, 2), block(2 * width, 2 * width, 2))
        self.head = nn.Linear(2 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).mean((2, 3)))


def grind_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log size and log particle count."""
    return _mse(model, batch)


def pepper_mill_grind(batch_size: int = 128, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The grind CNN on 4096 micrographs; held out: 2048 other micrographs in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4 (the usual small-CNN recipe)."""
    gen = torch.Generator().manual_seed(117401)
    x, y = _pm_images(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GrindCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": grind_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. rice-cooker thermal control (Adam; long only)

RC_STEPS = 20
RC_RICES = 3  # white, brown, sushi


def _rc_cooks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A rice cooker's first 20 minutes, a step a minute. The heater (700 W) runs at a duty the controller sets (a
    full-power start for 4-10 minutes, then a duty 0.2-0.7 with random changes, and a random soak at 0.1 for some
    cookers). The pot: rice 0.2-0.6 kg (white, brown, sushi: uptake rates 1.0, 0.55, 1.2; gelatinisation 62, 68, 60
    C), water at 1.1-1.8 times the rice's mass, room 15-30 C. A lumped heat balance (pot 0.5 kJ/K, water 4.18 kJ/kg
    K, rice 1.8 kJ/kg K, a loss 3 W/K to the room); while free water is left the pot is capped at 100 C and the
    excess heat boils water away (2260 kJ/kg); the rice takes up water at a rate that rises with temperature past
    gelatinisation (to 1.2 times its mass); once the free water is gone the bottom's heat capacity falls and it runs
    away (until 140 C, where the cooker's thermostat cuts it). Sensor scatter 0.5 C. Returns (inputs (n, 20, 8):
    duty, the rice one-hot, the water ratio, the rice mass, the room temperature; outputs (n, 20, 2): (T - 60) / 40
    and the free-water fraction)."""
    typ = torch.randint(0, RC_RICES, (n,), generator=gen)
    rate = torch.tensor([1.0, 0.55, 1.2])[typ]
    gel = torch.tensor([62.0, 68.0, 60.0])[typ]
    rice = 0.2 + 0.4 * torch.rand(n, generator=gen)
    ratio = 1.1 + 0.7 * torch.rand(n, generator=gen)
    room = 15 + 15 * torch.rand(n, generator=gen)
    boost = torch.randint(4, 11, (n, 1), generator=gen)
    steps = torch.arange(RC_STEPS).view(1, -1)
    level = 0.2 + 0.5 * torch.rand(n, 1, generator=gen)
    change = (0.15 * torch.randn(n, RC_STEPS, generator=gen)).cumsum(1) * (torch.rand(n, 1, generator=gen) < 0.6)
    duty = torch.where(steps < boost, torch.ones(n, RC_STEPS), (level + change).clamp(0.05, 1.0))
    soak = (torch.rand(n, 1, generator=gen) < 0.3) & (steps < 3)
    duty = torch.where(soak, torch.full_like(duty, 0.1), duty)
    water = ratio * rice
    absorbed = torch.zeros(n)
    temp = room.clone()
    temps, frees = [], []
    for t in range(RC_STEPS):
        for _ in range(4):  # 15-second sub-steps
            free = (water - absorbed).clamp_min(0)
            cap = 0.5 + 4.18 * free + 1.8 * rice + 4.18 * absorbed * 0.5  # kJ/K
            cap = torch.where(free > 0.005, cap, 0.35 + 0.3 * rice)  # dry: only the bottom heats
            power = 0.7 * duty[:, t] * (temp < 140).float() - 0.003 * (temp - room)  # kW
            temp_new = temp + 15 * power / cap
            boiling = (temp_new > 100) & (free > 0.005)
            excess = torch.where(boiling, (temp_new - 100) * cap, torch.zeros(n))  # kJ
            free = (free - excess / 2260).clamp_min(0)
            water = absorbed + free
            temp = torch.where(boiling, torch.full_like(temp, 100.0), temp_new)
            uptake = 0.03 * rate * torch.sigmoid((temp - gel) / 4) * (1.2 * rice - absorbed).clamp_min(0) / rice
            absorbed = absorbed + torch.minimum(uptake * rice, (water - absorbed).clamp_min(0))
        temps.append(temp + 0.5 * torch.randn(n, generator=gen))
        frees.append((water - absorbed).clamp_min(0) / (ratio * rice))
    y = torch.stack([(torch.stack(temps, 1) - 60) / 40, torch.stack(frees, 1)], 2)
    static = torch.cat([F.one_hot(typ, RC_RICES).float(), torch.stack([
        (ratio - 1.45) / 0.2, (rice - 0.4) / 0.115, (room - 22.5) / 4.3], 1)], 1)
    x = torch.cat([duty.unsqueeze(2), static.unsqueeze(1).expand(n, RC_STEPS, static.shape[1])], 2)
    return x, y


class CookerLSTM(nn.Module):
    """An LSTM over the minutes (the duty and the pot's static inputs at every step), a linear head per minute."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.lstm = nn.LSTM(1 + RC_RICES + 3, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.head(h)


def cooker_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled pot temperature and the free-water fraction over the 20 minutes."""
    return _mse(model, batch)


def rice_cooker(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The cooker LSTM on 8192 cooks; held out: 2048 other cooks in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(117501)
    x, y = _rc_cooks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CookerLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": cooker_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. colander drainage (AdamW; long only)

CL_RINGS = 8
CL_TIMES = 8


def _cl_drains(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pasta tipped into a colander: a spherical-cap bowl of radius 9-14 cm with 8 rings of holes, ring j at a
    height z_j from the bottom (0 to 0.7 R, jittered), 4-60 holes of 2-6 mm each (the rings differ), pasta taking
    0-40% of the bowl's lower part and blocking the holes it lies on (most at the bottom, more for long pasta), water
    poured to a height 0.4-0.9 R. Torricelli: each submerged ring drains Cd n a sqrt(2 g (h - z_j - h_c)) (Cd 0.6), the
    head reduced by the capillary hold-up h_c = 4 sigma / (rho g d) (about 6 mm over a 5 mm hole); the level falls by
    the outflow over the free surface's area pi (2 R h - h^2), times the water's share of the volume where pasta
    lies. 40 sub-steps of 12.5 ms a half-second; the retained fraction after each of 8 half-seconds. 4% scatter.
    Returns (ring tokens (n, 8, 4): z / R, log holes, diameter, blocked share; bowl (n, 3): R, fill, pasta share;
    retained fractions (n, 8) x4)."""
    big_r = 0.09 + 0.05 * torch.rand(n, 1, generator=gen)
    base = torch.linspace(0, 0.7, CL_RINGS).view(1, -1)
    z = (base + 0.03 * torch.rand(n, CL_RINGS, generator=gen)) * big_r
    holes = (4 * 15 ** torch.rand(n, CL_RINGS, generator=gen)).round()
    dia = (2 + 4 * torch.rand(n, 1, generator=gen)) * (0.8 + 0.4 * torch.rand(n, CL_RINGS, generator=gen)) / 1000
    pasta = 0.4 * torch.rand(n, 1, generator=gen)
    long_pasta = (torch.rand(n, 1, generator=gen) < 0.5).float()
    blocked = (pasta * (2.0 + 1.0 * long_pasta) * torch.exp(-3 * z / big_r)).clamp(0, 0.95)
    fill = 0.4 + 0.5 * torch.rand(n, 1, generator=gen)
    h = fill * big_r
    area = 0.6 * holes * (1 - blocked) * math.pi * dia**2 / 4
    hold = 4 * 0.072 / (1000 * 9.81 * dia)
    pasta_top = pasta.sqrt() * big_r

    def volume(hh: torch.Tensor) -> torch.Tensor:
        return math.pi * hh**2 * (big_r - hh / 3)

    v0 = volume(h)
    out = []
    dt = 0.0125
    for _ in range(CL_TIMES):
        for _ in range(40):
            head = (h - z).clamp_min(0)
            q = (area * torch.sqrt(2 * 9.81 * (head - hold).clamp_min(0))).sum(1, keepdim=True)
            surf = math.pi * (2 * big_r * h - h**2).clamp_min(1e-5)
            share = torch.where(h < pasta_top, 1 - 0.6 * (pasta / 0.4).clamp_max(1) * 0.5, torch.ones_like(h))
            h = (h - dt * q / (surf * share)).clamp_min(0)
        out.append((volume(h) / v0).squeeze(1))
    y = torch.stack(out, 1) * torch.exp(0.04 * torch.randn(n, CL_TIMES, generator=gen))
    tokens = torch.stack([z / big_r, (torch.log(holes) - 2.74) / 0.78, (dia * 1000 - 4) / 1.2,
                          (blocked - 0.3) / 0.3], 2)
    bowl = torch.cat([(big_r - 0.115) / 0.0145, (fill - 0.65) / 0.145, (pasta - 0.2) / 0.115], 1)
    return tokens, bowl, 4 * y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: LayerNorm, multi-head self-attention, residual; LayerNorm, GELU MLP, residual."""

    def __init__(self, d: int, heads: int, ff: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a = self.ln1(x)
        x = x + self.attn(a, a, a, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class ColanderNet(nn.Module):
    """The rings as tokens (a linear embedding) plus one token for the bowl, a Pre-LN block over the set (no
    positions: the ring's height is a feature), a final LayerNorm, the bowl token's output to the 8 retained
    fractions."""

    def __init__(self, d: int = 32, heads: int = 2) -> None:
        super().__init__()
        self.ring = nn.Linear(4, d)
        self.bowl = nn.Linear(3, d)
        self.block = PreLNBlock(d, heads, 2 * d)
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, CL_TIMES)

    def forward(self, tokens: torch.Tensor, bowl: torch.Tensor) -> torch.Tensor:
        x = torch.cat([self.bowl(bowl).unsqueeze(1), self.ring(tokens)], 1)
        return self.head(self.ln(self.block(x))[:, 0])


def drain_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (x4) retained fractions."""
    tokens, bowl, y = batch
    return F.mse_loss(model(tokens, bowl), y)


def colander_drainage(batch_size: int = 128, seed: int = 0, train_size: int = 4096, d: int = 32) -> dict[str, Any]:
    """The colander transformer on 4096 drainings; held out: 2048 other drainings in batches of 1024; AdamW (weight
    decay 1e-2, torch's default)."""
    gen = torch.Generator().manual_seed(117601)
    tokens, bowl, y = _cl_drains(train_size + 2048, gen)
    tr = (tokens[:train_size], bowl[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ColanderNet(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tokens[train_size:], bowl[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": drain_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("rubber_duck_drift_rmsprop", rubber_duck_drift, 300, "rubber_duck_leeway_drift_track_lstm", "rmsprop",
      "finite", 32, seconds=0.4, start_lr=0.016),
    W("egg_timer_flow_radam", egg_timer_flow, 300, "egg_timer_beverloo_sand_flow_greybox", "radam", "finite", 128,
      seconds=0.3, start_lr=0.256),
    W("pepper_mill_grind_nesterov", pepper_mill_grind, 300, "pepper_mill_grind_micrograph_size_cnn2d",
      "sgd_nesterov0.9_wd5e-4", "finite", 128, seconds=1.2, start_lr=0.1),
    W("colander_drainage_adamw", colander_drainage, 300, "colander_torricelli_drainage_preln_transformer", "adamw",
      "finite", 128, seconds=1.0, start_lr=0.032),
)
LONG = (
    W("rice_cooker_adam@long", rice_cooker, 3000, "rice_cooker_heater_duty_thermal_lstm", "adam", "finite", 32,
      seconds=3.0, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("doormat_capture_adamw@long", doormat_capture, 3000, "doormat_walk_off_dirt_capture_embedding_mlp", "adamw",
      "finite", 32, seconds=2.7, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("rubber_duck_drift_rmsprop@long", rubber_duck_drift, 3000, "rubber_duck_leeway_drift_track_lstm", "rmsprop",
      "finite", 64, dict(train_size=8192, hidden=16), seconds=3.2, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="rubber_duck_drift_rmsprop"),
    W("egg_timer_flow_radam@long", egg_timer_flow, 3000, "egg_timer_beverloo_sand_flow_greybox", "radam", "finite",
      128, dict(train_size=8192, hidden=32), seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="egg_timer_flow_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam117_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventeenth exam's workloads")
