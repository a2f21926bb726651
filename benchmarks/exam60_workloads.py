"""The sixtieth exam: six more workload families that neither the suite nor exams 1-58 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam58_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from paints and coatings,
sericulture and silk reeling, mountaineering and high-altitude physiology, limnology and lake ecology, golf ball
flight and club fitting, and speleology and cave surveying (exam 59 was built at the same time from other domains;
its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam60/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- robotic spray painting, a film-build surrogate: an MLP from the spray-gun settings (gun distance, traverse speed,
  fluid flow, atomising-air pressure, pass pitch, volume solids) to the dry film thickness at 24 points across a
  panel; the film from a beta-distribution spray pattern (the deposition model of the spray-painting robot
  papers, from memory) summed over overlapping passes, with transfer efficiency falling with distance and air
  pressure and an edge where the passes start; gauge noise; MSE of the log thickness; AdamW (torch's weight decay)
- silk reeling, cocoon-lot reelability: an MLP from the silkworm hybrid and the rearing, mounting, cooking and
  reeling conditions to the filament's size (denier) curve at 10 positions along the bave, the filament length,
  the reelability and the renditta (kg of cocoons per kg of raw silk), standardised; MSE; SGD with momentum 0.9
- lake trophic state, an ANN in the manner of Recknagel et al.'s (1997) ANNA (from memory): a tanh MLP from the
  phosphorus load, depth, residence time, colour (DOC), summer temperature, N:P loading ratio and area of a lake to
  its log total phosphorus, log chlorophyll a, log Secchi depth and cyanobacteria share; the lakes from
  Vollenweider's (OECD) retention model, Dillon and Rigler's chlorophyll-phosphorus law, a light-attenuation sum
  with Poole and Atkins' Secchi relation, and a logistic cyanobacteria share, with lake-to-lake scatter; MSE of the
  standardised targets; Adamax (torch's defaults)
- golf ball flight for club fitting: an MLP from a launch monitor's measured ball speed, launch angle, back spin,
  spin-axis tilt and the wind, temperature and altitude to the carry, apex, landing angle, lateral offset and
  flight time; the flights integrated from drag and Magnus lift with spin-ratio-dependent coefficients (after
  Bearman and Harvey 1976 and Smits and Smith 1994, from memory) and spin decay, the launch monitor's measurement
  noise on the inputs; MSE of the standardised targets; NAdam (torch's defaults)
- high-altitude SpO2 over a trek (a long plan only): an Elman RNN reads a trekker's daily itinerary (sleeping altitude,
  the day's gain) and covariates (sea-level SpO2, a noisy hypoxic ventilatory response, acetazolamide, age, prior
  exposure) and predicts each morning's pulse-oximeter SpO2; the truth from West's barometric-pressure model, the
  alveolar gas equation with ventilatory acclimatisation lowering PaCO2 over days, an A-a gradient growing with
  altitude, and Severinghaus' (1979) dissociation curve; oximeter noise; MSE of SpO2 in tens of percent; RMSprop
- cave-survey instrument calibration (a long plan only): a DistoX-style calibration (Heeb's linear calibration of
  the accelerometer and magnetometer triads, from memory) with learnable gains and offsets and a small MLP for the
  magnetometer's nonlinearity, turned into the shot direction by the instrument's own geometry (inclination from
  gravity, azimuth from the horizontal magnetic field); calibration shots with known directions and random roll;
  MSE of the direction's unit vector in squared degrees; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the SpO2 RNN and the
DistoX calibration (no short plans), the spray-painting surrogate on 8192 settings instead of 1024 and the
trophic-state net on 4096 lakes instead of 512.

Of the eight plans, two use AdamW (both spray plans), one SGD with momentum (silk), two Adamax (both lake plans),
one NAdam (golf), one RMSprop (SpO2) and one RAdam (DistoX).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam60_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam60/README.md).

    python benchmarks/exam60_workloads.py          # the table
    python benchmarks/exam60_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 60"


def _u(n: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    """n uniform draws in [lo, hi)."""
    return lo + (hi - lo) * torch.rand(n, generator=gen)


def _standardise(y: torch.Tensor, n_train: int) -> torch.Tensor:
    """Columns standardised by the training rows' mean and sd."""
    return (y - y[:n_train].mean(0)) / y[:n_train].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. robotic spray painting: a film-build surrogate (AdamW)

SP_POINTS = 24


def _sp_panels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Spray settings of a robot painting a flat panel in parallel passes: gun distance 150-300 mm, traverse speed
    200-800 mm/s, fluid flow 100-400 ml/min, atomising air 1-4 bar, pass pitch 40-140 mm, volume solids 30-70%.
    One pass deposits a beta-distribution profile across its fan, (1 - (x / R)^2)^(beta - 1) normalised, with the
    fan's half-width R growing with the distance and the air pressure and beta (the pattern's peakedness) falling
    with the air pressure; the transfer efficiency falls with the distance and the air pressure (overspray and
    bounce-back). Passes start at 20 mm inside the panel's edge (x = -150 mm) and go on past its other edge; the
    dry film thickness (um) = flow x efficiency x solids / speed x the summed profiles, read at 24 points from -140
    to 140 mm, with gauge noise of 3% + 1 um. Returns (scaled settings (n, 6), log(thickness / 25 um), the
    thickness floored at 1 um)."""
    dist = _u(n, 150, 300, gen)
    speed = _u(n, 200, 800, gen)
    flow = _u(n, 100, 400, gen)
    air = _u(n, 1, 4, gen)
    pitch = _u(n, 40, 140, gen)
    solids = _u(n, 0.3, 0.7, gen)
    half = (0.45 * dist * (1 + 0.12 * (air - 2.5))).view(-1, 1, 1)
    beta = (3.2 - 0.5 * air).view(-1, 1, 1)
    eff = (0.8 - 0.0012 * (dist - 150) - 0.05 * (air - 1)).clamp(0.25, 0.9)
    x = torch.linspace(-140, 140, SP_POINTS).view(1, -1, 1)
    k = torch.arange(14, dtype=torch.float32).view(1, 1, -1)
    centres = -130 + pitch.view(-1, 1, 1) * k
    u = ((x - centres) / half).clamp(-1, 1)
    shape = (1 - u**2).clamp_min(0) ** (beta - 1)
    norm = half * torch.exp(torch.lgamma(beta) + math.lgamma(0.5) - torch.lgamma(beta + 0.5))  # integral of shape
    profile = (shape / norm).sum(2)  # per mm
    rate = flow * 1000 / 60 * eff * solids / speed  # mm^2 of dry film per pass
    dft = 1000 * rate.view(-1, 1) * profile  # um
    dft = dft * (1 + 0.03 * torch.randn(dft.shape, generator=gen)) + torch.randn(dft.shape, generator=gen)
    settings = torch.stack([(dist - 225) / 43, (speed - 500) / 173, (flow - 250) / 87, (air - 2.5) / 0.87,
                            (pitch - 90) / 29, (solids - 0.5) / 0.115], 1)
    return settings, torch.log(dft.clamp_min(1) / 25)


class SprayFilmNet(nn.Module):
    """A film-build surrogate: the 6 spray settings through two SiLU layers to the 24 film thicknesses."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, SP_POINTS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def thickness_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log dry film thickness."""
    x, y = batch
    return F.mse_loss(model(x), y)


def spray_painting(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 128) -> dict[str, Any]:
    """The film-build surrogate (128 units a layer) on 1024 spray settings; held out: 2048 other settings in batches
    of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(60102)
    x, y = _sp_panels(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SprayFilmNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": thickness_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. silk reeling: cocoon-lot reelability and the filament's size curve (SGD with momentum)

SR_RACES, SR_POS = 4, 10


def _sr_lots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cocoon lots of four silkworm hybrids (a bivoltine double hybrid, a Chinese bivoltine, a multivoltine x
    bivoltine cross, a pure multivoltine): rearing temperature 22-30 C, relative humidity while spinning 50-90%,
    the mountage (plastic collapsible or bamboo), days of storage before stifling 0-6, cooking time 2-8 min, reeling
    water 30-50 C, reeling speed 80-180 m/min. The hybrid sets the cocoon's shell weight, filament length and size;
    heat shrinks them. The size (denier) of the bave along the filament rises over its first tenth and falls to
    about 60% at its inner end (the known denier curve). Reelability (share of cocoons reeled without a break)
    falls with spinning humidity, bamboo mountages, storage and reeling speed, and is best at a cooking time that
    grows with the shell's hardness (under- and over-cooking both hurt); the renditta is the cocoon weight over the
    raw silk reeled, rising as reelability and shell ratio fall. Sampling noise of a 20-cocoon test. Returns (lot
    features (n, 10), targets (n, 13): the size at 10 positions, log filament length, logit reelability, log
    renditta)."""
    race = torch.randint(0, SR_RACES, (n,), generator=gen)
    temp = _u(n, 22, 30, gen)
    hum = _u(n, 50, 90, gen)
    bamboo = (torch.rand(n, generator=gen) < 0.5).float()
    store = _u(n, 0, 6, gen)
    cook = _u(n, 2, 8, gen)
    water = _u(n, 30, 50, gen)
    speed = _u(n, 80, 180, gen)
    heat = F.relu(temp - 25)
    shell = torch.tensor([0.23, 0.22, 0.19, 0.14])[race] * (1 - 0.03 * heat)  # shell ratio
    length = torch.tensor([1150.0, 1250.0, 850.0, 500.0])[race] * (1 - 0.04 * heat)
    size = torch.tensor([2.9, 2.7, 2.5, 2.1])[race] * (1 - 0.015 * heat)
    s = torch.linspace(0.05, 0.95, SR_POS).view(1, -1)
    peak = torch.tensor([0.12, 0.1, 0.15, 0.08])[race].view(-1, 1)
    fall = torch.tensor([0.42, 0.38, 0.45, 0.35])[race].view(-1, 1)
    curve = torch.where(s < peak, 0.9 + 0.1 * s / peak, 1 - fall * ((s - peak) / (1 - peak)) ** 1.3)
    curve = curve * (1 + 0.03 * (water.view(-1, 1) - 40) / 10)  # warmer water, more sericin kept on the bave
    denier = size.view(-1, 1) * curve
    hard = shell / 0.2 * (1 + 0.3 * bamboo)
    best_cook = 3 + 2.5 * hard
    z = (2.2 - 0.045 * (hum - 65) - 0.5 * bamboo - 0.15 * store - 0.012 * (speed - 130)
         - 0.35 * ((cook - best_cook) / 1.5) ** 2 - 0.02 * (water - 40).abs())
    z = z - torch.tensor([0.0, 0.1, 0.3, 0.5])[race]
    reel = torch.sigmoid(z)
    renditta = 1 / (shell * (0.55 + 0.35 * reel) * (1 - 0.02 * (cook - 5).abs()))
    denier = denier * (1 + 0.015 * torch.randn(denier.shape, generator=gen))
    length = length * torch.exp(0.03 * torch.randn(n, generator=gen))
    reel = (reel + 0.03 * torch.randn(n, generator=gen)).clamp(0.03, 0.97)
    renditta = renditta * torch.exp(0.02 * torch.randn(n, generator=gen))
    feats = torch.cat([F.one_hot(race, SR_RACES).float(), torch.stack([(temp - 26) / 2.3, (hum - 70) / 11.5,
                       bamboo * 2 - 1, (store - 3) / 1.7, (cook - 5) / 1.7, (water - 40) / 5.8,
                       (speed - 130) / 29], 1)], 1)
    y = torch.cat([denier, torch.log(length).unsqueeze(1), torch.logit(reel).unsqueeze(1),
                   torch.log(renditta).unsqueeze(1)], 1)
    return feats, y


class ReelingNet(nn.Module):
    """A ReLU MLP from the lot's 11 features (hybrid one-hot and 7 conditions) to its 13 standardised outcomes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(SR_RACES + 7, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, SR_POS + 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def reeling_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised outcomes."""
    x, y = batch
    return F.mse_loss(model(x), y)


def silk_reeling(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The reeling net on 2048 cocoon lots, targets standardised over them; held out: 2048 other lots in batches of
    1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(60202)
    x, y = _sr_lots(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ReelingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": reeling_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. lake trophic state: an ANNA-style net over Vollenweider, Dillon-Rigler and Secchi laws (Adamax)


def _lk_lakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lakes: areal phosphorus load 30-5000 mg/m2/yr (log-uniform), mean depth 1.5-40 m (log-uniform), water
    residence time 0.05-15 yr (log-uniform), DOC 2-20 mg/l, mean summer epilimnion temperature 12-26 C, N:P loading
    ratio 5-80 by mass (log-uniform), area 0.1-100 km2 (log-uniform). Total phosphorus by the OECD / Vollenweider
    retention model TP = L / (q_s (1 + sqrt(tau))) (q_s = z / tau), raised by internal loading in shallow warm lakes;
    chlorophyll a by Dillon and Rigler's log chl = 1.449 log TP - 1.136, capped smoothly by nitrogen where N:P is low
    and lowered by brown water; light attenuation Kd = 0.1 + 0.016 chl + 0.06 DOC + resuspension in shallow, large
    lakes, Secchi = 1.7 / Kd (Poole and Atkins); the cyanobacteria share of the biomass logistic in log TP, the
    temperature, N:P and depth. Lake-to-lake scatter (0.06, 0.1 and 0.05 in log10 and 0.25 in the logit) on top.
    Returns (scaled drivers (n, 7), [log10 TP, log10 chl, log10 Secchi, logit cyanobacteria share])."""
    logl = _u(n, math.log10(30), math.log10(5000), gen)
    logz = _u(n, math.log10(1.5), math.log10(40), gen)
    logtau = _u(n, math.log10(0.05), math.log10(15), gen)
    doc = _u(n, 2, 20, gen)
    temp = _u(n, 12, 26, gen)
    lognp = _u(n, math.log10(5), math.log10(80), gen)
    logarea = _u(n, -1, 2, gen)
    load, z, tau = 10**logl, 10**logz, 10**logtau
    tp = load / (z / tau * (1 + tau.sqrt()))
    internal = 1 + 1.5 * torch.exp(-z / 4) * torch.sigmoid((temp - 19) / 2)
    tp = tp * internal * 10 ** (0.06 * torch.randn(n, generator=gen))
    logtp = torch.log10(tp)
    chl_p = 1.449 * logtp - 1.136
    chl_n = torch.log10(tp * 10**lognp / 7.0 * 0.02 + 1)  # a nitrogen ceiling (TN ~ TP x N:P / 7 uptake)
    logchl = -F.softplus(-(chl_p - chl_n) * 3) / 3 + chl_n  # smooth minimum
    logchl = logchl - 0.012 * (doc - 8) + 0.01 * (temp - 19) + 0.1 * torch.randn(n, generator=gen)
    chl = 10**logchl
    kd = 0.1 + 0.016 * chl + 0.06 * doc + 0.8 * torch.exp(-z / 2.5) * (logarea + 1) / 3
    logsd = torch.log10(1.7 / kd) + 0.05 * torch.randn(n, generator=gen)
    cyano = (2.2 * (logtp - 1.5) + 0.18 * (temp - 19) - 1.4 * (lognp - 1.3) + 0.4 * (logz - 0.9)
             + 0.25 * torch.randn(n, generator=gen))
    drivers = torch.stack([(logl - 2.6) / 0.62, (logz - 0.89) / 0.41, (logtau + 0.24) / 0.70, (doc - 11) / 5.2,
                           (temp - 19) / 4.0, (lognp - 1.3) / 0.35, (logarea - 0.5) / 0.87], 1)
    return drivers, torch.stack([logtp, logchl, logsd, cyano], 1)


class TrophicANN(nn.Module):
    """An ANNA-like feed-forward net (Recknagel et al. 1997, from memory; tanh units here): the 7 drivers through two
    hidden layers to the 4 standardised trophic variables."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def trophic_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log TP, log chlorophyll, log Secchi and logit cyanobacteria."""
    x, y = batch
    return F.mse_loss(model(x), y)


def lake_trophic(batch_size: int = 16, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The trophic-state net on 512 lakes, targets standardised over them; held out: 2048 other lakes in batches of
    1024; Adamax (torch's defaults)."""
    gen = torch.Generator().manual_seed(60302)
    x, y = _lk_lakes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrophicANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": trophic_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. golf ball flight from launch-monitor data (NAdam)

GB_MASS, GB_RADIUS = 0.04593, 0.02134


def _gb_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Shots of a fitting session, driver to wedge: a club drawn per shot sets the typical launch (ball speed 30-75
    m/s falling with loft, launch angle and back spin rising with it, each with the player's scatter), a spin-axis
    tilt of +-15 degrees, a head / tail wind and a cross wind of +-6 m/s, temperature 0-35 C and altitude 0-1800 m
    (the air density). The flight: drag and Magnus lift 0.5 rho A C |v|^2 on the air-relative velocity, C_D = 0.22 +
    0.2 S and C_L = 0.5 S^0.45 in the spin ratio S = r omega / v (the shapes of the golf-ball wind-tunnel data), the
    spin decaying with a 20-s time constant, integrated by semi-implicit Euler (10 ms) to the landing. Targets: carry
    (m), apex (m), landing angle (deg), lateral offset (m), flight time (s). The inputs are the launch monitor's
    readings of the launch (ball speed +-0.4 m/s, launch +-0.4 deg, spin +-4%, axis +-1.5 deg), not the truth.
    Returns (scaled readings and conditions (n, 8), targets (n, 5), standardised by the caller)."""
    club = torch.rand(n, generator=gen)  # 0 the driver, 1 the sand wedge
    speed = 72 - 40 * club + 3 * torch.randn(n, generator=gen)
    launch = 11 + 22 * club + 2 * torch.randn(n, generator=gen)
    spin = (2500 + 7000 * club**1.3) * torch.exp(0.15 * torch.randn(n, generator=gen))  # rpm
    axis = _u(n, -15, 15, gen)
    head = _u(n, -6, 6, gen)
    cross = _u(n, -6, 6, gen)
    temp = _u(n, 0, 35, gen)
    alt = _u(n, 0, 1800, gen)
    rho = 101325 * torch.exp(-alt / 8400) / (287.05 * (temp + 273.15))
    k = 0.5 * rho * math.pi * GB_RADIUS**2 / GB_MASS
    la, ax = torch.deg2rad(launch), torch.deg2rad(axis)
    vel = torch.stack([speed * torch.cos(la), torch.zeros(n), speed * torch.sin(la)], 1)
    pos = torch.zeros(n, 3)
    wind = torch.stack([-head, cross, torch.zeros(n)], 1)
    omega_hat = torch.stack([torch.zeros(n), -torch.cos(ax), torch.sin(ax)], 1)
    omega = spin * 2 * math.pi / 60
    dt = 0.01
    apex = torch.zeros(n)
    land = torch.zeros(n, 3)
    land_v = torch.zeros(n, 3)
    t_land = torch.zeros(n)
    done = torch.zeros(n, dtype=torch.bool)
    for i in range(1200):
        rel = vel - wind
        vr = rel.norm(dim=1, keepdim=True)
        s = GB_RADIUS * (omega * math.exp(-i * dt / 20)).unsqueeze(1) / vr
        cd = 0.22 + 0.2 * s
        cl = 0.5 * s.clamp_min(1e-6) ** 0.45
        lift_dir = torch.linalg.cross(omega_hat, rel / vr, dim=1)
        acc = k.unsqueeze(1) * vr * (-cd * rel + cl * vr * lift_dir)
        acc[:, 2] -= 9.81
        vel_new = vel + dt * acc
        pos_new = pos + dt * vel_new
        hit = (~done) & (pos_new[:, 2] < 0)
        frac = (pos[:, 2] / (pos[:, 2] - pos_new[:, 2]).clamp_min(1e-9)).unsqueeze(1)
        land = torch.where(hit.unsqueeze(1), pos + frac * (pos_new - pos), land)
        land_v = torch.where(hit.unsqueeze(1), vel_new, land_v)
        t_land = torch.where(hit, (i + frac.squeeze(1)) * dt, t_land)
        done = done | hit
        apex = torch.maximum(apex, torch.where(done, apex, pos_new[:, 2]))
        pos, vel = pos_new, vel_new
        if bool(done.all()):
            break
    angle = torch.rad2deg(torch.atan2(-land_v[:, 2], land_v[:, :2].norm(dim=1)))
    y = torch.stack([land[:, 0], apex, angle, land[:, 1], t_land], 1)
    m_speed = speed + 0.4 * torch.randn(n, generator=gen)
    m_launch = launch + 0.4 * torch.randn(n, generator=gen)
    m_spin = spin * (1 + 0.04 * torch.randn(n, generator=gen))
    m_axis = axis + 1.5 * torch.randn(n, generator=gen)
    x = torch.stack([(m_speed - 52) / 12.5, (m_launch - 22) / 6.8, (m_spin - 6000) / 2600, m_axis / 8.7, head / 3.5,
                     cross / 3.5, (temp - 17.5) / 10.1, (alt - 900) / 520], 1)
    return x, y


class BallFlightNet(nn.Module):
    """A ball-flight net for a fitting session: the 8 readings and conditions through three SiLU layers to the 5
    standardised flight outcomes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def flight_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised carry, apex, landing angle, lateral offset and flight time."""
    x, y = batch
    return F.mse_loss(model(x), y)


def golf_flight(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The ball-flight net on 2048 shots, targets standardised over them; held out: 2048 other shots in batches of
    1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(60402)
    x, y = _gb_shots(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BallFlightNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": flight_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. high-altitude SpO2 over a trek, an Elman RNN (RMSprop; long only)

HA_DAYS = 8


def _ha_severinghaus(po2: torch.Tensor) -> torch.Tensor:
    """Severinghaus' (1979) oxygen-haemoglobin dissociation curve: SaO2 (%) from PO2 (mmHg)."""
    return 100 / (23400 / (po2**3 + 150 * po2) + 1)


def _ha_treks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Treks of 8 days from 1.4-2.8 km: each day a climb of 0-700 m (a rest day with probability 0.25, a descent of
    up to 500 m with probability 0.08), between 1.0 and 5.6 km. Trekkers: sea-level SpO2 95-99%, a hypoxic
    ventilatory response (HVR) gain 0.3-1.8 (log-uniform) that a test measures with 5% error, acetazolamide (40%),
    age 20-65, prior altitude exposure (30%). Barometric pressure by West's (1996) model, PIO2 = 0.2095 (Pb - 47);
    ventilatory acclimatisation: PaCO2 falls toward a target set by the hypoxia and the HVR gain with a 2.5-day time
    constant (faster with prior exposure; acetazolamide 3 mmHg lower); PAO2 by the alveolar gas equation (R = 0.8),
    PaO2 below it by an A-a gradient growing with altitude and age; each morning's SpO2 by Severinghaus' curve,
    shifted by the trekker's sea-level offset; the reading is a 5-minute mean of a pulse oximeter, noise 0.3
    points. Returns (inputs (n, 8, 8), SpO2 / 10)."""
    start = _u(n, 1.4, 2.8, gen)
    climb = _u(n * HA_DAYS, 0, 0.7, gen).view(n, HA_DAYS)
    r = torch.rand(n, HA_DAYS, generator=gen)
    climb = torch.where(r < 0.25, torch.zeros_like(climb), climb)
    climb = torch.where(r > 0.92, -_u(n * HA_DAYS, 0, 0.5, gen).view(n, HA_DAYS), climb)
    climb[:, 0] = 0
    alt = (start.view(-1, 1) + climb.cumsum(1)).clamp(1.0, 5.6)
    gain = torch.diff(alt, dim=1, prepend=start.view(-1, 1))
    sl = _u(n, 95, 99, gen)
    hvr = torch.exp(_u(n, math.log(0.3), math.log(1.8), gen))
    hvr_test = hvr * torch.exp(0.05 * torch.randn(n, generator=gen))
    acz = (torch.rand(n, generator=gen) < 0.4).float()
    age = _u(n, 20, 65, gen)
    prior = (torch.rand(n, generator=gen) < 0.3).float()
    pb = torch.exp(6.63268 - 0.1112 * alt - 0.00149 * alt**2)
    pio2 = 0.2095 * (pb - 47)
    tau = 2.5 * (1 - 0.4 * prior)
    paco2 = torch.full((n,), 40.0)
    spo2 = []
    for d in range(HA_DAYS):
        target = 40 - (0.6 + 0.4 * hvr) * 22 * (1 - pio2[:, d] / 150).clamp_min(0) ** 0.8 - 3 * acz
        target = target.clamp(18, 40)
        paco2 = paco2 + (target - paco2) * (1 - torch.exp(-1 / tau))
        pao2 = pio2[:, d] - paco2 / 0.8
        aa = 2 + 0.06 * (age - 20) + F.relu(alt[:, d] - 4) ** 1.5
        sat = _ha_severinghaus((pao2 - aa).clamp_min(15)) + (sl - 97)
        spo2.append(sat + 0.3 * torch.randn(n, generator=gen))
    y = torch.stack(spo2, 1).clamp(50, 100) / 10
    static = torch.stack([(sl - 97) / 1.15, (hvr_test.log() - 0.3) / 0.55, acz * 2 - 1, (age - 42) / 13,
                          prior * 2 - 1], 1)
    x = torch.cat([((alt - 3.5) / 1.0).unsqueeze(2), (gain / 0.3).unsqueeze(2),
                   ((pio2 - 100) / 20).unsqueeze(2), static.unsqueeze(1).expand(-1, HA_DAYS, -1)], 2)
    return x, y


class TrekRNN(nn.Module):
    """A one-layer Elman RNN (tanh) over the trek's days (altitude, the day's gain, inspired PO2 and the
    trekker's covariates) with a linear read-out of each morning's SpO2 (offset by 9, i.e. 90%)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.rnn = nn.RNN(8, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.rnn(x)
        return self.head(h).squeeze(2) + 9.0


def spo2_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the morning SpO2 (tens of percent)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def altitude_spo2(batch_size: int = 16, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The trek RNN (32 units) on 2048 trekkers; held out: 2048 other trekkers in batches of 1024; RMSprop
    (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(60502)
    x, y = _ha_treks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrekRNN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": spo2_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. cave-survey instrument calibration, DistoX style (RAdam; long only)

DX_DEG2 = (180 / math.pi) ** 2


def _dx_rot(az: torch.Tensor, inc: torch.Tensor, roll: torch.Tensor) -> torch.Tensor:
    """The instrument's frame in world coordinates (east, north, up): columns x (the laser), y, z."""
    x = torch.stack([torch.cos(inc) * torch.sin(az), torch.cos(inc) * torch.cos(az), torch.sin(inc)], 1)
    y0 = torch.stack([torch.cos(az), -torch.sin(az), torch.zeros_like(az)], 1)
    z0 = torch.linalg.cross(x, y0, dim=1)
    y = torch.cos(roll).unsqueeze(1) * y0 + torch.sin(roll).unsqueeze(1) * z0
    z = torch.linalg.cross(x, y, dim=1)
    return torch.stack([x, y, z], 2)


def _dx_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Calibration shots of one instrument (fixed miscalibration): directions with azimuth uniform, inclination
    asin(u) for u in +-0.97, any roll. The accelerometer reads the up vector in the instrument's frame through a
    gain matrix (1 +- 3%, cross-axis 2%) and an offset (+-0.04); the magnetometer the earth field (dip 60 degrees)
    through a soft-iron matrix (1 +- 8%, cross-axis 5%), a hard-iron offset (+-0.25) and a per-axis cubic
    nonlinearity; both with 0.3% noise. Returns (raw readings (n, 6), the true laser direction (n, 3))."""
    g = torch.Generator().manual_seed(60699)  # the instrument
    ag = torch.eye(3) + 0.03 * torch.randn(3, 3, generator=g) * (1 - torch.eye(3)) * 0.7 + 0.03 * torch.diag(
        torch.randn(3, generator=g))
    bg = 0.04 * torch.randn(3, generator=g)
    am = torch.eye(3) + 0.05 * torch.randn(3, 3, generator=g) * (1 - torch.eye(3)) + 0.08 * torch.diag(
        torch.randn(3, generator=g))
    bm = 0.25 * torch.randn(3, generator=g)
    cub = 0.08 * torch.randn(3, generator=g)
    az = _u(n, 0, 2 * math.pi, gen)
    inc = torch.asin(_u(n, -0.97, 0.97, gen))
    roll = _u(n, 0, 2 * math.pi, gen)
    rot = _dx_rot(az, inc, roll)  # world = rot @ device
    up = torch.tensor([0.0, 0.0, 1.0])
    dip = math.radians(60)
    field = torch.tensor([0.0, math.cos(dip), -math.sin(dip)])
    g_dev = torch.einsum("nwd,w->nd", rot, up)
    m_dev = torch.einsum("nwd,w->nd", rot, field)
    g_raw = g_dev @ ag.T + bg + 0.003 * torch.randn(n, 3, generator=gen)
    m_lin = m_dev @ am.T + bm
    m_raw = m_lin + cub * m_lin**3 + 0.003 * torch.randn(n, 3, generator=gen)
    return torch.cat([g_raw, m_raw], 1), rot[:, :, 0]


class DistoXCalibration(nn.Module):
    """The calibration: a gain matrix and an offset for each sensor triad (identity and zero to start), a small
    tanh MLP adding the magnetometer's nonlinear correction (its output layer zero to start), and the instrument's
    geometry: up is the calibrated gravity direction, east is the magnetic field crossed with up, north is up
    crossed with east, and the laser's direction in (east, north, up) is the instrument x axis's components along
    them."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.g = nn.Linear(3, 3)
        self.m = nn.Linear(3, 3)
        for lin in (self.g, self.m):
            nn.init.eye_(lin.weight)
            nn.init.zeros_(lin.bias)
        self.nl = nn.Sequential(nn.Linear(3, hidden), nn.Tanh(), nn.Linear(hidden, 3))
        nn.init.zeros_(self.nl[2].weight)  # the correction starts at none
        nn.init.zeros_(self.nl[2].bias)

    def forward(self, raw: torch.Tensor) -> torch.Tensor:
        g = self.g(raw[:, :3])
        m = self.m(raw[:, 3:])
        m = m + self.nl(m)
        up = F.normalize(g, dim=1)
        east = F.normalize(torch.linalg.cross(m, up, dim=1), dim=1)
        north = torch.linalg.cross(up, east, dim=1)
        return torch.stack([east[:, 0], north[:, 0], up[:, 0]], 1)


def direction_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The squared distance between the computed and true unit directions, in squared degrees (small angles)."""
    raw, d = batch
    return DX_DEG2 * ((model(raw) - d) ** 2).sum(1).mean()


def cave_distox(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 16) -> dict[str, Any]:
    """The DistoX calibration on 4096 calibration shots; held out: 2048 other shots in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(60602)
    x, y = _dx_shots(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DistoXCalibration(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": direction_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("spray_painting_adamw", spray_painting, 300, "robotic_spray_painting_film_build_mlp", "adamw_wd1e-2", "finite",
      64, seconds=0.3, start_lr=0.064),
    W("silk_reeling_sgdm", silk_reeling, 300, "silk_reeling_cocoon_lot_reelability_mlp", "sgd_momentum0.9",
      "finite", 32, seconds=0.15, start_lr=0.2),
    W("lake_trophic_adamax", lake_trophic, 300, "lake_trophic_state_anna_vollenweider", "adamax", "small_finite", 16,
      seconds=0.2, start_lr=0.064),
    W("golf_flight_nadam", golf_flight, 300, "golf_ball_flight_launch_monitor_mlp", "nadam", "finite", 32,
      seconds=0.8, start_lr=0.016),
)
LONG = (
    W("altitude_spo2_rmsprop@long", altitude_spo2, 3000, "high_altitude_spo2_trek_rnn", "rmsprop", "finite", 16,
      seconds=5.0, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("cave_distox_radam@long", cave_distox, 3000, "distox_cave_survey_calibration", "radam", "finite", 32,
      seconds=3.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("spray_painting_adamw@long", spray_painting, 3000, "robotic_spray_painting_film_build_mlp", "adamw_wd1e-2",
      "finite", 32, dict(train_size=8192), seconds=3.5, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="spray_painting_adamw"),
    W("lake_trophic_adamax@long", lake_trophic, 3000, "lake_trophic_state_anna_vollenweider", "adamax", "finite", 16,
      dict(train_size=4096), seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="lake_trophic_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam60_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixtieth exam's workloads")
