"""The ninety-ninth exam: six more workload families that neither the suite nor exams 1-98 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam98_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser fixed for this exam (RMSprop
or RAdam) and a plain torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from ferris
wheels and rider loads, saffron crocuses and stigma yield, turntables and stylus wear, paper lanterns and hot-air
lift, postage stamps and perforation tearing, and icebergs and drift (exam 100 was built at the same time from other
domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam99/README.md``. Every model below is named from its author's memory of its field, not
from a source read while writing it.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- ferris-wheel drive torque from the rider loads: an MLP from the passenger mass in each of 16 gondolas, the
  wheel's angle, speed and acceleration and the wind to the drive torque and the hub's horizontal load (the load
  monitoring of a ride-control system); the torque from the gravitational unbalance of the gondolas, the wind on
  them with a power-law profile, bearing friction and the wheel's inertia, strain-gauge noise; MSE of standardised
  targets; RMSprop (torch's defaults: alpha 0.99, eps 1e-8, no momentum) (long plans only, two pools)
- saffron (Crocus sativus) stigma yield: an MLP with a soil-texture embedding from the corm size, planting density,
  field age, summer and autumn temperatures, irrigation, organic matter and altitude to the log flower number per
  m2 and the log dry stigma mass per flower (the corm-size and temperature responses as the saffron agronomy
  literature reports them, from memory: corms under ~8 g rarely flower, flowering best after a warm summer and a
  cool autumn, the field's yield rising for 3-4 years and then falling as corms crowd); MSE; RAdam (torch's defaults)
- turntable stylus wear by Archard's law: an MLP with a tip-shape embedding (conical, elliptical, line contact)
  from the tracking force, the cartridge's compliance, the anti-skating error, the records' cleanliness and
  loudness, the vertical tracking angle to the log width of the wear flats on the two groove walls after 100, 250,
  500 and 1000 hours; wear volume K F s / H, extra wear when the force is below what the cartridge needs to track;
  MSE; RMSprop with the Keras defaults (alpha / rho 0.9, eps 1e-7; from memory)
- paper (sky) lantern lift: an MLP from the lantern's envelope volume, paper grammage, frame mass, fuel-cell wax
  mass and wick, the air temperature, humidity and altitude to the net lift (grams force) at 8 times over the burn;
  the lift from the heated air's buoyancy V rho_a (1 - T_a / T_i) minus the masses, T_i from a heat balance of the
  flame's convective power and the envelope's losses, the wax burning down; MSE of the lift in tens of grams; RAdam
  (torch's defaults) (long plans only, two pools)
- postage-stamp perforation tearing: an MLP with a paper-type embedding (wove, laid, chalk-surfaced, granite) from
  the perforation gauge, hole diameter, paper thickness and strength, grain direction, humidity, gum, tearing angle
  and speed to the log peak tearing force and the fraction of short (pulled) perforation teeth; the force from the
  paper bridges between holes, the pulled teeth when the bridges come close to the paper's own tearing strength;
  MSE; RAdam (torch's defaults) (long only)
- iceberg drift: an MLP from the iceberg's waterline length and height, the latitude, the wind (changing linearly
  over the day) and the surface current to its displacement after 6, 12, 18 and 24 hours; the drift from the
  momentum equation of the iceberg drift models of Smith & Banke / Bigg et al. (1997) (air and water form drag,
  Coriolis, the sea-surface slope of the current; from memory) integrated every 10 minutes; MSE of km / 10; RMSprop
  (torch's defaults) (long only)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): one for each family,
and second long plans on larger pools for the ferris-wheel net (16384 instead of 4096 states) and the lantern net
(8192 instead of 2048 lanterns). Short plans (300 steps): the saffron net on 512 plots instead of 4096 (batch 64
instead of 32) and the stylus net on 1024 set-ups instead of 4096 (what a user would try first; ``long_of`` on
their long plans).

Of the eight long plans, four use RMSprop (both ferris-wheel plans, stylus, iceberg) and four RAdam (both lantern
plans, saffron, stamps); the two short plans use their families' (stylus RMSprop, saffron RAdam).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam99_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam99/README.md).

    python benchmarks/exam99_workloads.py          # the table
    python benchmarks/exam99_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 99"


def _rmsprop(params: Any, lr: float) -> torch.optim.Optimizer:
    return torch.optim.RMSprop(params, lr=lr)


def _rmsprop_keras(params: Any, lr: float) -> torch.optim.Optimizer:
    return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7)


def _radam(params: Any, lr: float) -> torch.optim.Optimizer:
    return torch.optim.RAdam(params, lr=lr)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised by the training rows' mean and sd (per column)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


class _MLP(nn.Module):
    def __init__(self, d_in: int, d_out: int, hidden: int, depth: int, act: type[nn.Module]) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        d = d_in
        for _ in range(depth):
            layers += [nn.Linear(d, hidden), act()]
            d = hidden
        layers.append(nn.Linear(d, d_out))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def _mse2(model: nn.Module, batch: Any) -> torch.Tensor:
    x, y = batch
    return F.mse_loss(model(x), y)


def _mse3(model: nn.Module, batch: Any) -> torch.Tensor:
    c, x, y = batch
    return F.mse_loss(model(c, x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. ferris wheel: drive torque and hub load from the rider loads (RMSprop; long only)

FW_GONDOLAS = 16


def _fw_states(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Operating states of a 40 m wheel (radius 20 m, hub 22 m up) with 16 gondolas of 450 kg empty: 0-6 riders a
    gondola (each of 75 +- 15 kg; about 40% of the gondolas empty), the wheel's angle, its speed (a
    revolution in 8-20 minutes, either way) and acceleration (+-0.004 rad/s2 while starting, stopping or loading),
    the 10 m wind 0-16 m/s from any direction. The drive torque (MN m): the gravitational unbalance sum m g R cos(phi)
    of the gondolas, the wind's drag on each gondola (0.5 rho Cd A v(z)^2 with a 1/7 power law in height) taken
    about the hub, the wheel's inertia (rim and spokes 1.2e7 kg m2 plus the gondolas' m R^2) times the acceleration
    and bearing friction (0.004 of the hub load at a 0.5 m journal radius, against the motion); the hub's horizontal
    load (MN) from the wind on the gondolas and the structure; strain-gauge noise 0.3% + 0.003 MN(m). Returns (inputs
    (n, 23), targets (n, 2))."""
    riders = torch.randint(0, 7, (n, FW_GONDOLAS), generator=gen).float()
    riders = riders * (torch.rand(n, FW_GONDOLAS, generator=gen) > 0.33)
    mass_r = riders * 75 + 15 * riders.sqrt() * torch.randn(n, FW_GONDOLAS, generator=gen)
    m = 450 + mass_r
    theta = 2 * math.pi * torch.rand(n, generator=gen)
    omega = (2 * math.pi / (60 * (8 + 12 * torch.rand(n, generator=gen)))) * torch.where(
        torch.rand(n, generator=gen) < 0.8, 1.0, -1.0)
    acc = 0.004 * (2 * torch.rand(n, generator=gen) - 1) * (torch.rand(n, generator=gen) < 0.5)
    wind = 16 * torch.rand(n, generator=gen)
    wdir = 2 * math.pi * torch.rand(n, generator=gen)
    phi = theta.view(-1, 1) + 2 * math.pi * torch.arange(FW_GONDOLAS).view(1, -1) / FW_GONDOLAS
    g, r, hub = 9.81, 20.0, 22.0
    grav = (m * g * r * torch.cos(phi)).sum(1)
    z = hub + r * torch.sin(phi)
    vz = wind.view(-1, 1) * (z / 10) ** (1 / 7)
    drag = 0.5 * 1.225 * 1.1 * 6.0 * vz**2  # per gondola, horizontal, along the wind
    in_plane = torch.cos(wdir).view(-1, 1)  # the wind's component in the wheel's plane
    wind_torque = -(drag * in_plane * (z - hub)).sum(1)
    inertia = 1.2e7 + (m * r**2).sum(1)
    hub_v = (m.sum(1) + 2.5e5) * g
    fric = 0.004 * hub_v * 0.5 * torch.sign(omega)
    torque = grav + wind_torque + inertia * acc + fric
    hub_h = (drag * in_plane).sum(1) + 0.5 * 1.225 * 1.3 * 350.0 * wind**2 * torch.cos(wdir)
    y = torch.stack([torque, hub_h], 1) / 1e6
    y = y * (1 + 0.003 * torch.randn(n, 2, generator=gen)) + 0.003 * torch.randn(n, 2, generator=gen)
    x = torch.cat([(mass_r - 240) / 200, torch.stack([torch.cos(theta), torch.sin(theta), omega / 0.01, acc / 0.0025,
                                                      (wind - 8) / 4.6, torch.cos(wdir), torch.sin(wdir)], 1)], 1)
    return x, y


def ferris_wheel(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The load-monitoring MLP (two SiLU layers of 64) on ``train_size`` logged states, targets standardised over
    them; held out: 2048 other states in batches of 1024; RMSprop (torch's defaults)."""
    gen = torch.Generator().manual_seed(99102)
    x, y = _fw_states(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": _MLP(x.shape[1], 2, hidden, 2, nn.SiLU), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_rmsprop, "rmsprop"), "loss_fn": _mse2, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. saffron crocus: flowers and stigma yield (RAdam)

SF_SOILS = 4


def _sf_plots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Saffron plots: mother-corm mass 4-30 g, density 30-150 corms / m2, field age 1-6 years, the summer's mean
    temperature (corm storage / dormancy, 18-30 C: flower initiation best near 23-27 C), the autumn's (flowering,
    10-22 C: best near 15-17 C), irrigation 0-300 mm, organic matter 0.5-4%, altitude 200-2200 m, soil texture (sandy,
    loam, clay loam, clay). Flowers / m2: the corms that flower (a logistic in corm mass around 8 g) times the flowers
    a flowering corm gives (rising with mass), times the density with a crowding factor that grows with age as the
    corms multiply (replacement corms ~2-3 per corm a year, smaller), and the temperature, water, soil and
    organic-matter factors; dry stigma mass per flower ~7 mg, larger from big corms, with water and in cool autumns.
    Plot-to-plot scatter 4% and 1%. Returns (soil ids, scaled conditions (n, 8), (log flowers / m2, log mg /
    flower))."""
    corm = 4 + 26 * torch.rand(n, generator=gen)
    dens = 30 + 120 * torch.rand(n, generator=gen)
    age = torch.randint(1, 7, (n,), generator=gen).float()
    t_sum = 18 + 12 * torch.rand(n, generator=gen)
    t_aut = 10 + 12 * torch.rand(n, generator=gen)
    irr = 300 * torch.rand(n, generator=gen)
    om = 0.5 + 3.5 * torch.rand(n, generator=gen)
    alt = 200 + 2000 * torch.rand(n, generator=gen)
    soil = torch.randint(0, SF_SOILS, (n,), generator=gen)
    # corms multiply: more, smaller corms each year; the mean corm mass drifts towards what the density allows
    mult = 1 + 1.3 * (age - 1) * torch.exp(-dens * (age - 1) / 500)
    n_corms = dens * mult
    mean_corm = corm * (1 - (age - 1) / 6) + (age - 1) / 6 * 14 * torch.exp(-n_corms / 300)
    flowering = torch.sigmoid((mean_corm - 8) / 1.5)
    per_corm = 0.6 + 0.12 * mean_corm
    t_fac = torch.exp(-(((t_sum - 25) / 3.5) ** 2)) * torch.exp(-(((t_aut - 16) / 3.0) ** 2))
    water = 0.55 + 0.45 * (1 - torch.exp(-irr / 90))
    soil_fac = torch.tensor([0.85, 1.0, 0.95, 0.7])[soil]
    om_fac = 1 + 0.1 * (om - 2) - 0.04 * (om - 2) ** 2
    alt_fac = 1 + 0.12 * (alt - 1200) / 1000
    flowers = n_corms * flowering * per_corm * t_fac * water * soil_fac * om_fac * alt_fac
    stigma = 7.0 * (mean_corm / 14) ** 0.25 * (0.85 + 0.15 * (1 - torch.exp(-irr / 120))) * torch.exp(
        -0.02 * (t_aut - 15)) * torch.tensor([0.95, 1.0, 1.03, 0.97])[soil]
    flowers = flowers * torch.exp(0.04 * torch.randn(n, generator=gen))
    stigma = stigma * torch.exp(0.01 * torch.randn(n, generator=gen))
    cond = torch.stack([(corm - 17) / 7.5, (dens - 90) / 35, (age - 3.5) / 1.7, (t_sum - 24) / 3.5,
                        (t_aut - 16) / 3.5, (irr - 150) / 87, (om - 2.25) / 1.0, (alt - 1200) / 577], 1)
    return soil, cond, torch.stack([torch.log(flowers + 1), torch.log(stigma)], 1)


class SaffronNet(nn.Module):
    """A crop-response MLP: a learned soil-texture embedding (dimension 3) joined with the scaled plot conditions,
    two tanh layers, the two log targets."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(SF_SOILS, 3)
        self.net = _MLP(11, 2, hidden, 2, nn.Tanh)

    def forward(self, soil: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(soil), cond], 1))


def saffron(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The saffron net on ``train_size`` plots, targets standardised over them; held out: 2048 other plots in batches
    of 1024; RAdam."""
    gen = torch.Generator().manual_seed(99202)
    s, c, y = _sf_plots(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (s[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SaffronNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_radam, "radam"), "loss_fn": _mse3, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. turntable stylus wear by Archard's law (RMSprop, Keras defaults)

ST_TIPS = 3
ST_HOURS = torch.tensor([100.0, 250.0, 500.0, 1000.0])


def _st_setups(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Playback set-ups: tip shape (conical 15 um radius, elliptical 8 um minor radius, line contact 3 um), tracking
    force 0.8-3.5 g, the cartridge's compliance 8-35 cu (the force it needs to track rising as the compliance
    falls and as the records get louder), anti-skating error -1 to 1 g (load moved to one wall), records'
    cleanliness 0-1 (dust: an abrasive third body), their loudness 0-1, vertical tracking angle error -4 to 4
    degrees. Archard: wear volume per wall V = K F_wall s / H, s = 1260 m an hour (0.35 m/s groove speed); K doubles
    with dust, rises up to 4x (a logistic of scale 0.35 g) as the force falls below the force needed to track
    (mistracking: the tip chatters and chisels), and a little with the VTA error; the flat's width from the
    volume of a cap cut off the tip's contact radius, w = (64 r V / pi)^(1/4) (for the line contact the longer
    side's radius makes the flat grow slower).
    Microscope reading noise 1%. Returns (tip ids, scaled set-up (n, 6), log flat width in um for the two walls at
    100, 250, 500 and 1000 hours (n, 8))."""
    tip = torch.randint(0, ST_TIPS, (n,), generator=gen)
    force = 0.8 + 2.7 * torch.rand(n, generator=gen)
    comp = 8 + 27 * torch.rand(n, generator=gen)
    skate = 2 * torch.rand(n, generator=gen) - 1
    clean = torch.rand(n, generator=gen)
    loud = torch.rand(n, generator=gen)
    vta = 8 * torch.rand(n, generator=gen) - 4
    need = (0.9 + 1.3 * loud) * (20 / comp) ** 0.6
    mistrack = 1 + 3 * torch.sigmoid((need - force) / 0.35)
    k = 1e-9 * (1 + 1.2 * (1 - clean) ** 2) * mistrack * (1 + 0.02 * vta**2)
    k = k * torch.tensor([1.0, 1.1, 0.8])[tip]
    r = torch.tensor([15.0, 8.0, 3.0])[tip] * 1e-6
    r_long = torch.tensor([15.0, 18.0, 40.0])[tip] * 1e-6
    walls = torch.stack([force / 2 - 0.35 * skate, force / 2 + 0.35 * skate], 1).clamp_min(0.05) * 9.81e-3  # N
    walls = walls * (1 + torch.stack([0.04 * vta, -0.04 * vta], 1)).clamp_min(0.5)
    hard = 1e10  # diamond, Pa
    s = 1260.0 * ST_HOURS.view(1, 1, -1)
    vol = k.view(-1, 1, 1) * walls.unsqueeze(2) * s / hard
    rr = (r * r_long).sqrt().view(-1, 1, 1)
    w = (64 * rr * vol / math.pi) ** 0.25 * 1e6
    w = w * torch.exp(0.01 * torch.randn(w.shape, generator=gen))
    cond = torch.stack([(force - 2.15) / 0.78, (comp - 21.5) / 7.8, skate / 0.58, (clean - 0.5) / 0.29,
                        (loud - 0.5) / 0.29, vta / 2.3], 1)
    return tip, cond, torch.log(w).reshape(n, -1)


class StylusWearNet(nn.Module):
    """An MLP with a learned tip-shape embedding (dimension 3) and two SiLU layers to the 8 log flat widths."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(ST_TIPS, 3)
        self.net = _MLP(9, 8, hidden, 2, nn.SiLU)

    def forward(self, tip: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(tip), cond], 1))


def stylus_wear(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The stylus-wear net on ``train_size`` set-ups, targets standardised over them; held out: 2048 other set-ups in
    batches of 1024; RMSprop with Keras' defaults (rho 0.9, eps 1e-7)."""
    gen = torch.Generator().manual_seed(99302)
    t, c, y = _st_setups(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (t[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StylusWearNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((t[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_rmsprop_keras, "rmsprop_alpha0.9_eps1e-7"), "loss_fn": _mse3, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. paper (sky) lantern lift over the burn (RAdam; long only)

PL_TIMES = 8


def _pl_lanterns(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sky lanterns: envelope volume 0.1-0.45 m3 (a cylinder-on-cone of height 2.2 x its radius), tissue paper of
    12-22 g/m2, a bamboo or wire frame of 4-14 g, a wax fuel cell of 10-40 g with a wick factor 0.6-1.4 (its heat
    release 0.6-1.8 kW at full burn), air at -5 to 30 C, relative humidity 20-95% (moist air is lighter; damp paper
    heavier), site altitude 0-2000 m. The heat release rises over the first minute, holds, and falls as the wax runs
    out (burn time from the wax mass over the burn rate); the inside temperature from a heat balance: 60% of the heat
    convected into the envelope, lost through the paper (h = 3.5 W/m2K) and the open mouth; the lift at 8 times over 12
    minutes: V rho_a (1 - T_a / T_i) - paper - frame - remaining wax (grams force). Scale noise 0.2 g. Returns (scaled
    design and conditions (n, 8), net lift in tens of grams (n, 8))."""
    vol = 0.1 + 0.35 * torch.rand(n, generator=gen)
    gsm = 12 + 10 * torch.rand(n, generator=gen)
    frame = 4 + 10 * torch.rand(n, generator=gen)
    wax = 10 + 30 * torch.rand(n, generator=gen)
    wick = 0.6 + 0.8 * torch.rand(n, generator=gen)
    t_air = -5 + 35 * torch.rand(n, generator=gen)
    rh = 0.2 + 0.75 * torch.rand(n, generator=gen)
    alt = 2000 * torch.rand(n, generator=gen)
    radius = (vol / (math.pi * (2.2 * 0.7 + 2.2 * 0.3 / 3))) ** (1 / 3)
    area = 2 * math.pi * radius * 2.2 * radius * 0.7 + math.pi * radius * (radius**2 + (0.66 * radius) ** 2).sqrt()
    paper = gsm * area * (1 + 0.06 * rh**2)
    t_k = t_air + 273.15
    p = 101325 * torch.exp(-alt / 8400)
    psat = 610.8 * torch.exp(17.27 * t_air / (t_air + 237.3))
    rho = (p - 0.378 * rh * psat) / (287.05 * t_k)
    power = 600 + 1200 * (wick - 0.6) / 0.8 * (0.7 + 0.3 * (wax / 40) ** 0.3)
    burn_rate = power / 46e3  # g/s of wax (46 kJ/g)
    times = torch.linspace(45, 720, PL_TIMES).view(1, -1)
    t_out = (wax / burn_rate).view(-1, 1)
    ramp = 1 - torch.exp(-times / 40)
    fade = torch.sigmoid((t_out - times) / 60)
    q = 0.6 * power.view(-1, 1) * ramp * fade
    loss_coef = (3.5 * area + 25 * math.pi * (0.45 * radius) ** 2 * 0.3).view(-1, 1)  # W/K
    dt_in = q / loss_coef
    t_in = t_k.view(-1, 1) + dt_in
    lift_air = 1000 * vol.view(-1, 1) * rho.view(-1, 1) * (1 - t_k.view(-1, 1) / t_in)
    left = 2 * F.softplus((wax.view(-1, 1) - burn_rate.view(-1, 1) * times) / 2)  # the wax left (smoothly to 0)
    net = lift_air - paper.view(-1, 1) - frame.view(-1, 1) - left
    net = net + 0.2 * torch.randn(net.shape, generator=gen)
    x = torch.stack([(vol - 0.275) / 0.1, (gsm - 17) / 2.9, (frame - 9) / 2.9, (wax - 25) / 8.7,
                     (wick - 1) / 0.23, (t_air - 12.5) / 10, (rh - 0.575) / 0.22, (alt - 1000) / 577], 1)
    return x, net / 10


def paper_lantern(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 128) -> dict[str, Any]:
    """A lift MLP (two GELU layers of 128) on ``train_size`` lanterns; held out: 2048 other lanterns in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(99402)
    x, y = _pl_lanterns(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": _MLP(8, PL_TIMES, hidden, 2, nn.GELU), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_radam, "radam"), "loss_fn": _mse2, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. postage-stamp perforation tearing (RAdam; long only)

PS_PAPERS = 4


def _ps_tears(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tearing a strip of 10 stamps off a sheet along a perforated line: the gauge 10-16 (holes per 2 cm), hole
    diameter 0.7-1.3 mm (a bridge between holes of pitch - diameter, at least 0.1 mm), paper 60-120 um thick of
    tear strength 4-9 mN m2/g (Elmendorf-like index) times its grammage, paper type (wove, laid, chalk-surfaced,
    granite; laid weaker across its chain lines), grain along or across the line, relative humidity 20-90% (paper
    softer and tougher when damp), gummed or not (the gum film stiffens and embrittles the bridges), tearing angle
    0-90 degrees out of the plane and speed. The bridges' force: their ligament section times the paper's strength
    with a notch factor, more at a shallow angle (shear) and fast; the paper's own tear force beside the line: the
    strength times the thickness along the stamp's margin. The peak force is the bridges' (a smooth maximum with 0.3
    of the paper's, the strip's own resistance). The fraction of short (pulled) teeth rises logistically (centre 1,
    scale 0.3) in the ratio of the bridges' force to the paper's. Scatter 2% and 0.01. Returns (paper ids, scaled
    conditions (n, 9), (log peak force in N, the fraction of short teeth) standardised by the caller)."""
    paper = torch.randint(0, PS_PAPERS, (n,), generator=gen)
    gauge = 10 + 6 * torch.rand(n, generator=gen)
    hole = 0.7 + 0.6 * torch.rand(n, generator=gen)
    pitch = 20 / gauge
    bridge = (pitch - hole).clamp_min(0.1)
    thick = 60 + 60 * torch.rand(n, generator=gen)
    index = 4 + 5 * torch.rand(n, generator=gen)
    across = (torch.rand(n, generator=gen) < 0.5).float()
    rh = 0.2 + 0.7 * torch.rand(n, generator=gen)
    gum = (torch.rand(n, generator=gen) < 0.6).float()
    angle = 90 * torch.rand(n, generator=gen)
    speed = torch.rand(n, generator=gen)
    ptype = torch.tensor([1.0, 0.85, 0.7, 1.1])[paper]
    strength = (index * ptype * (1 - 0.25 * across * (paper == 1).float()) * (1 + 0.35 * (rh - 0.5))
                * (1 - 0.12 * across))
    notch = 0.55 + 0.3 * torch.exp(-bridge / 0.25)
    shear = 1 + 0.6 * torch.cos(torch.deg2rad(angle)) ** 2
    f_line = strength * (thick / 100) * (bridge / pitch) * 70 * notch * shear * (1 + 0.15 * speed) * (1 + 0.3 * gum)
    f_paper = strength * (thick / 100) * 25 * (1 + 0.4 * (rh - 0.5)) * (1 - 0.25 * gum * (1 - rh))
    ratio = f_line / f_paper
    short = torch.sigmoid((ratio - 1.0) / 0.3)
    force = (f_line**4 + (0.3 * f_paper) ** 4) ** 0.25 * 0.01 * torch.exp(0.02 * torch.randn(n, generator=gen))
    short = (short + 0.01 * torch.randn(n, generator=gen)).clamp(0, 1)
    cond = torch.stack([(gauge - 13) / 1.7, (hole - 1) / 0.17, (thick - 90) / 17, (index - 6.5) / 1.44,
                        across * 2 - 1, (rh - 0.55) / 0.2, gum * 2 - 1, (angle - 45) / 26, ], 1)
    cond = torch.cat([cond, ((speed - 0.5) / 0.29).unsqueeze(1)], 1)
    return paper, cond, torch.stack([torch.log(force), short], 1)


class PerforationNet(nn.Module):
    """An MLP with a learned paper-type embedding (dimension 3) and two SiLU layers to the two targets."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(PS_PAPERS, 3)
        self.net = _MLP(12, 2, hidden, 2, nn.SiLU)

    def forward(self, paper: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(paper), cond], 1))


def stamp_tearing(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The perforation net on ``train_size`` tears, targets standardised over them; held out: 2048 other tears in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(99502)
    p, c, y = _ps_tears(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (p[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PerforationNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((p[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_radam, "radam"), "loss_fn": _mse3, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. iceberg drift over a day (RMSprop; long only)


def _ib_drifts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Icebergs of waterline length 60-400 m (width 0.7 x, total height 0.15-0.3 x the width, at most 250 m; a
    freeboard of 1/7 of its height), at latitude 45-75 N, in a wind that changes linearly over 24
    hours from (u0, v0) to (u1, v1) (each component -15 to 15 m/s) and a steady surface current (each component -0.4
    to 0.4 m/s), the berg starting at the current's velocity. The momentum equation (Smith & Banke; Bigg et al.
    1997; from memory): m dv/dt = -m f k x v + 0.5 rho_a C_a A_a |v_a - v| (v_a - v) + 0.5 rho_w C_w A_w |v_w - v|
    (v_w - v) + m f k x v_w (the sea-surface slope that drives the current), with C_a 1.3, C_w 0.9, the added mass
    of half the displaced water; integrated every 10 minutes (the velocity, then the position with it). Returns
    (scaled inputs (n, 9), the displacement east and north in km / 10 after 6, 12, 18 and 24 hours (n, 8))."""
    length = 60 + 340 * torch.rand(n, generator=gen)
    width = 0.7 * length
    height = (0.15 + 0.15 * torch.rand(n, generator=gen)) * width
    height = height.clamp(max=250)
    lat = 45 + 30 * torch.rand(n, generator=gen)
    w0 = 30 * torch.rand(n, 2, generator=gen) - 15
    w1 = 30 * torch.rand(n, 2, generator=gen) - 15
    cur = 0.8 * torch.rand(n, 2, generator=gen) - 0.4
    rho_i, rho_a, rho_w = 900.0, 1.25, 1025.0
    draft = height * 6 / 7
    free = height / 7
    mass = rho_i * length * width * height * 1.5
    f = 2 * 7.292e-5 * torch.sin(torch.deg2rad(lat))
    a_air = 0.5 * rho_a * 1.3 * free * length / mass
    a_wat = 0.5 * rho_w * 0.9 * draft * length / mass
    v = cur.clone()
    pos = torch.zeros(n, 2)
    dt = 600.0
    outs = []
    steps = 144
    for k in range(steps):
        s = (k + 0.5) / steps
        wind = (1 - s) * w0 + s * w1
        rel_a = wind - v
        rel_w = cur - v
        acc = (a_air.view(-1, 1) * rel_a.norm(dim=1, keepdim=True) * rel_a
               + a_wat.view(-1, 1) * rel_w.norm(dim=1, keepdim=True) * rel_w)
        # Coriolis on the velocity relative to the current (the slope term balances it for the current itself)
        rel = v - cur
        cor = f.view(-1, 1) * torch.stack([rel[:, 1], -rel[:, 0]], 1)
        v = v + dt * (acc + cor)
        pos = pos + dt * v
        if (k + 1) % 36 == 0:
            outs.append(pos / 1e4)
    y = torch.cat(outs, 1)  # (n, 8): e6, n6, e12, n12, ...
    y = y + 0.005 * torch.randn(y.shape, generator=gen)  # GPS fixes: 50 m
    x = torch.cat([torch.stack([(length - 230) / 98, (height / width - 0.225) / 0.043, (lat - 60) / 8.7], 1),
                   w0 / 8.7, w1 / 8.7, cur / 0.23], 1)
    return x, y


def iceberg_drift(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 128) -> dict[str, Any]:
    """A drift MLP (two tanh layers of 128) on ``train_size`` simulated drifts; held out: 2048 other drifts in batches
    of 1024; RMSprop (torch's defaults)."""
    gen = torch.Generator().manual_seed(99602)
    x, y = _ib_drifts(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": _MLP(9, 8, hidden, 2, nn.Tanh), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_rmsprop, "rmsprop"), "loss_fn": _mse2, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("saffron_radam", saffron, 300, "saffron_crocus_stigma_yield_mlp", "radam", "small_finite", 64,
      dict(train_size=512), seconds=0.2, start_lr=0.128),
    W("stylus_wear_rmsprop", stylus_wear, 300, "turntable_stylus_archard_wear_mlp", "rmsprop_alpha0.9_eps1e-7",
      "small_finite", 32, dict(train_size=1024), seconds=0.2, start_lr=0.032),
)
LONG = (
    W("ferris_wheel_rmsprop@long", ferris_wheel, 3000, "ferris_wheel_drive_torque_rider_load_mlp", "rmsprop",
      "finite", 64, seconds=1.6, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("ferris_wheel_big_rmsprop@long", ferris_wheel, 3000, "ferris_wheel_drive_torque_rider_load_mlp", "rmsprop",
      "finite", 64, dict(train_size=16384), seconds=1.6, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("stylus_wear_rmsprop@long", stylus_wear, 3000, "turntable_stylus_archard_wear_mlp", "rmsprop_alpha0.9_eps1e-7",
      "finite", 32, seconds=1.7, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="stylus_wear_rmsprop"),
    W("iceberg_drift_rmsprop@long", iceberg_drift, 3000, "iceberg_drift_bigg_momentum_mlp", "rmsprop", "finite", 64,
      seconds=1.8, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("paper_lantern_radam@long", paper_lantern, 3000, "sky_lantern_net_lift_burn_mlp", "radam", "finite", 32,
      seconds=2.3, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("paper_lantern_big_radam@long", paper_lantern, 3000, "sky_lantern_net_lift_burn_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=2.3, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("saffron_radam@long", saffron, 3000, "saffron_crocus_stigma_yield_mlp", "radam", "finite", 32, seconds=2.0,
      start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="saffron_radam"),
    W("stamp_tearing_radam@long", stamp_tearing, 3000, "postage_stamp_perforation_tearing_mlp", "radam", "finite", 64,
      seconds=2.4, start_lr=0.064, grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam99_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-ninth exam's workloads")
