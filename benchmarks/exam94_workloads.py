"""The ninety-fourth exam: six more workload families that neither the suite nor exams 1-90 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam90_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from fireflies and flash
synchrony, cicadas and emergence cycles, hummingbirds and hover flight, penguins and huddle heat, jellyfish and
pulse swimming, and maple syrup and sap boiling (exams 91, 92 and 93 were built at the same time from other domains;
their modules were not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam94/README.md``. Every field convention and published model named below is the author's
memory, not checked against the papers.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- firefly swarm inference: a 1D CNN reads a camera's flash count per 50 ms frame from a swarm of synchronous
  fireflies (Pteroptyx-like continuous flashers, as filmed in Buck's and Sarfati et al.'s field work) and infers
  the swarm's parameters (coupling strength, mean flash period, number of fireflies in view); the swarms are
  pulse-coupled integrate-and-fire oscillators (Mirollo & Strogatz 1990) with a sinusoidal phase-response curve
  (Ermentrout 1991), a spread of intrinsic periods, and missed and false detections; MSE of the standardised
  parameters; RAdam (torch's defaults)
- periodical cicada emergence timing, a grey-box degree-day net: an MLP maps a site's covariates (latitude,
  elevation, canopy, soil sand fraction, nymph density) to a base temperature and three degree-day requirements; the
  cumulative soil degree-days of the site's logged 20 cm soil temperatures then give the days of 10%, 50% and 90%
  emergence (a smooth threshold crossing). The sites' emergence comes from nymphs with individual degree-day
  requirements (the first emergences as the soil nears Heath 1968's 64 F rule); MSE of the days / 10; NAdam
  (torch's defaults)
- hummingbird hover energetics: an MLP from body mass, wing length, air density (altitude and hypodense gas, as in
  Altshuler & Dudley's experiments), added load and air temperature to the wingbeat frequency, stroke amplitude and
  metabolic rate in hover; the data from Ellington's (1984) actuator-disc induced power plus a profile power, with
  the stroke amplitude rising to balance the weight and capped at 175 degrees (the frequency makes up the rest);
  MSE of the standardised (log) targets; NAdam (torch's defaults). (The field mostly fits regressions; the net is
  the author's choice of what a user would write today.)
- maple sap runs, a hurdle net: an MLP from a tap-day's weather (the night's minimum and the day's maximum, the
  previous day's maximum, snow depth, sun), the tree (DBH, crown ratio), the tubing vacuum and the day of the season
  to (i) whether sap runs, (ii) the log volume per tap if it runs and (iii) the sap's sugar content (Brix, what the
  rule of 86 turns into syrup); runs from freeze-thaw cycles (the stem pressure of a freeze followed by a thaw),
  volume growing with vacuum and tree size and falling as the taphole closes; BCE + MSE on the run days; RAdam
  (torch's defaults)
- emperor penguin huddle heat loss (a long plan only): an MLP from the occupancy of a bird's two rings of hexagonal
  neighbours (Gerum et al. 2013's and Waters et al. 2012's lattice huddles), the wind's direction and speed, the air
  temperature and the sun to its heat loss; per exposed side a forced-convection coefficient growing as wind^0.6,
  shielded on the lee side and behind occupied second-ring sites, plus the top's convection and long-wave
  radiation less absorbed sun; MSE of the log heat loss; SGD with Nesterov momentum 0.9 (no weight decay)
- jellyfish jet swimming (a long plan only): an MLP from the bell's diameter, fineness (height / diameter, oblate
  to prolate), contraction amplitude, pulse frequency, contraction fraction of the cycle and water temperature to
  the swimming speed at 24 phases of a steady pulse cycle; the speeds from Daniel's (1983) jet-propulsion model of a
  medusa (thrust rho / A_velum (dV/dt)^2, shape-dependent added mass, Reynolds-number drag), integrated over 8
  cycles, with video-tracking noise; MSE of the speed in bell diameters per second; AdamW with weight decay 1e-4

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the penguin huddle and
jellyfish nets (no short plans), the hummingbird net on 8192 hovers instead of 1024 and the maple sap net on 16384
tap-days instead of 4096 (in batches of 32 instead of the short plan's 64).

Of the eight plans, two use RAdam (firefly, maple sap) and two NAdam (cicada, hummingbird) among the short ones; the
long versions keep them (hummingbird NAdam, maple RAdam); one SGD with Nesterov momentum (penguin) and one AdamW
(jellyfish).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam94_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam94/README.md).

    python benchmarks/exam94_workloads.py          # the table
    python benchmarks/exam94_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 94"


# --------------------------------------------------------------------------------------------------------------
# 1. firefly swarm inference from flash counts with a 1D CNN (RAdam)

FF_MAX, FF_FRAMES, FF_BURN, FF_DT = 40, 128, 200, 0.05


def _ff_swarms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Swarms of 8-40 fireflies in view, each an integrate-and-fire oscillator: its phase grows by dt / T_i and it
    flashes when the phase reaches 1 (then resets); every flash seen in the previous frame shifts every firefly's
    phase by -eps / N sin(2 pi phase) / (2 pi) (a sinusoidal phase-response curve: delayed early in its cycle,
    advanced late, as in Ermentrout's (1991) firefly model and Buck's entrainment experiments; a firefly pushed past
    1 flashes). The mean period T0 0.45-0.9 s (Pteroptyx-like), the spread of the periods 1-10% (log-uniform), the
    coupling eps 0.05-0.8 (log-uniform); random phases, a burn-in of 10 s, then 128 frames of 50 ms. The camera
    misses 10% of the flashes and records 0.05 false detections a frame (Poisson). Returns (the counts / 10 and the
    counts over their mean + 0.5, as two channels (n, 2, 128), (log eps, T0, log N))."""
    nf = torch.randint(8, FF_MAX + 1, (n,), generator=gen)
    present = (torch.arange(FF_MAX).view(1, -1) < nf.view(-1, 1)).float()
    t0 = 0.45 + 0.45 * torch.rand(n, generator=gen)
    spread = torch.exp(math.log(0.01) + math.log(10) * torch.rand(n, generator=gen))
    eps = torch.exp(math.log(0.05) + math.log(16) * torch.rand(n, generator=gen))
    period = t0.view(-1, 1) * (1 + spread.view(-1, 1) * torch.randn(n, FF_MAX, generator=gen)).clamp_min(0.5)
    phase = torch.rand(n, FF_MAX, generator=gen)
    seen = torch.zeros(n)
    counts = []
    for k in range(FF_BURN + FF_FRAMES):
        prc = -torch.sin(2 * math.pi * phase) / (2 * math.pi)
        phase = phase + FF_DT / period + (eps * seen / nf).view(-1, 1) * prc
        fire = (phase >= 1).float() * present
        phase = phase - fire * torch.floor(phase).clamp_min(1)
        seen = fire.sum(1)
        if k >= FF_BURN:
            detected = (fire * (torch.rand(n, FF_MAX, generator=gen) > 0.1).float()).sum(1)
            counts.append(detected + torch.poisson(torch.full((n,), 0.05), generator=gen))
    c = torch.stack(counts, 1)
    x = torch.stack([c / 10, c / (c.mean(1, keepdim=True) + 0.5)], 1)
    y = torch.stack([torch.log(eps), t0, torch.log(nf.float())], 1)
    return x, y


class FlashCountCNN(nn.Module):
    """A 1D CNN over the flash-count series (two channels): three convolutions (16, 32, 32 channels; kernels 7
    with stride 2, 5, 5) with ReLU and max pooling after the second, global mean and max pooling, a dense layer of
    64, the 3 swarm parameters."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(2, width, 7, stride=2, padding=3), nn.ReLU(),
                                      nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.Conv1d(2 * width, 2 * width, 5, padding=2), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(4 * width, 64), nn.ReLU(), nn.Linear(64, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.features(x)
        return self.head(torch.cat([h.mean(2), h.amax(2)], 1))


def swarm_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised swarm parameters."""
    x, y = batch
    return F.mse_loss(model(x), y)


def firefly_swarm(batch_size: int = 16, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The flash-count CNN on 2048 filmed swarms, parameters standardised over them; held out: 1024 other swarms in
    batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(94102)
    x, y = _ff_swarms(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlashCountCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": swarm_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. periodical cicada emergence timing with a grey-box degree-day net (NAdam)

CI_DAYS = 91  # 1 April to 30 June


def _ci_sites(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Emergence sites of a periodical-cicada brood: latitude 35-42 N, elevation 0-600 m, canopy cover 0-1, soil
    sand fraction 0-1, log10 nymph density 1-2.5 per m2. The daily mean air temperature from 1 April: a spring ramp
    (13.5 C at 35 N, -0.8 C per degree north, -6.5 C per km up, +0.16 C a day) with AR(1) weather (0.8, 2.5 C). The
    20 cm soil temperature (a logger, 0.2 C noise) lags the air: first order, faster in sandy soils, cooler under
    canopy. Each nymph emerges when the soil degree-days above the site's base (10.5 C + 1.5 canopy + 0.5 sand)
    reach its own requirement (lognormal, sd 0.3, median 130 degree-days, more at high density, less further north;
    with the ramp, the first emergences come as the soil nears Heath 1968's rule of about 17.9 C, 64 F); the days
    by which 10%, 50% and 90% have emerged (interpolated; day 90 if not by 30 June) with 0.75 days of trap-count
    noise. Returns (scaled
    covariates (n, 5), soil temperatures (n, 91), emergence days (n, 3))."""
    lat = 35 + 7 * torch.rand(n, generator=gen)
    elev = 0.6 * torch.rand(n, generator=gen)
    canopy = torch.rand(n, generator=gen)
    sand = torch.rand(n, generator=gen)
    dens = 1 + 1.5 * torch.rand(n, generator=gen)
    day = torch.arange(CI_DAYS).float().view(1, -1)
    base = 13.5 - 0.8 * (lat - 35) - 6.5 * elev
    anom = torch.zeros(n, CI_DAYS)
    a = 2.5 * torch.randn(n, generator=gen)
    for d in range(CI_DAYS):
        a = 0.8 * a + 2.5 * math.sqrt(1 - 0.64) * torch.randn(n, generator=gen)
        anom[:, d] = a
    air = base.view(-1, 1) + 0.16 * day + anom
    k = (0.15 + 0.2 * sand).view(-1, 1)
    soil = torch.zeros(n, CI_DAYS)
    s = air[:, 0] - 2
    for d in range(CI_DAYS):
        s = s + k[:, 0] * (air[:, d] - 1.5 * canopy - s)
        soil[:, d] = s
    logged = soil + 0.2 * torch.randn(soil.shape, generator=gen)
    base_t = 10.5 + 1.5 * canopy + 0.5 * sand
    need = 130 * torch.exp(0.25 * (dens - 1.75) - 0.15 * (lat - 38.5) / 2 + 0.2 * (canopy - 0.5) ** 2)
    dd = torch.cumsum(F.relu(soil - base_t.view(-1, 1)), 1)
    frac = torch.distributions.Normal(0.0, 1.0).cdf(torch.log(dd / need.view(-1, 1) + 1e-6) / 0.3)
    days = []
    for q in (0.1, 0.5, 0.9):
        above = frac >= q
        first = torch.where(above.any(1), above.float().argmax(1), torch.full((n,), CI_DAYS - 1))
        prev = frac.gather(1, (first - 1).clamp_min(0).view(-1, 1)).squeeze(1)
        cur = frac.gather(1, first.view(-1, 1)).squeeze(1)
        days.append(first.float() - ((cur - q) / (cur - prev + 1e-6)).clamp(0, 1))
    y = torch.stack(days, 1) + 0.75 * torch.randn(n, 3, generator=gen)
    cov = torch.stack([(lat - 38.5) / 2, elev / 0.17 - 1.75, (canopy - 0.5) / 0.29, (sand - 0.5) / 0.29,
                       (dens - 1.75) / 0.43], 1)
    return cov, logged, y


class DegreeDayEmergenceNet(nn.Module):
    """A grey-box degree-day model: a tanh MLP from the site covariates to a base temperature (8-20 C) and three
    increasing degree-day requirements; the cumulative degree-days above the base of the logged soil temperatures,
    and each quantile's day as the smooth count of days before the requirement is met (a sigmoid of 5
    degree-days' width)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))

    def forward(self, cov: torch.Tensor, soil: torch.Tensor) -> torch.Tensor:
        p = self.net(cov)
        base = 14 + 6 * torch.tanh(p[:, :1])
        steps = 40 * torch.exp(0.7 * p[:, 1:4])
        req = torch.cumsum(steps, 1)  # (n, 3)
        cum = torch.cumsum(F.softplus(soil - base, beta=2), 1)  # (n, days)
        return torch.sigmoid((req.unsqueeze(2) - cum.unsqueeze(1)) / 5).sum(2)


def emergence_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the emergence days in tens of days."""
    cov, soil, y = batch
    return F.mse_loss(model(cov, soil) / 10, y / 10)


def cicada_emergence(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The degree-day net on 1024 monitored sites; held out: 2048 other sites in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(94202)
    c, s, y = _ci_sites(train_size + 2048, gen)
    tr = (c[:train_size], s[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DegreeDayEmergenceNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], s[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": emergence_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hummingbird hover energetics (NAdam)


def _hb_hovers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hovering trials: body mass 2.5-12 g (log-uniform), wing length 2.9 M^0.45 cm (+-8%), air density 0.45-1.25
    kg/m3 (altitude and hypodense mixtures), added load 0-60% of the body mass, air temperature 5-35 C. The
    wingbeat frequency 40 (M / 4 g)^-0.35 Hz (x (1 + 0.15 load)); the stroke amplitude that balances the weight
    (lift ~ rho (n Phi R)^2 R^2 / AR) capped at 175 degrees, the frequency raised for the rest; Ellington's induced
    power 1.2 W^1.5 / sqrt(2 rho Phi R^2) and a profile power rho / 8 CD (n Phi)^3 R^4 c; the metabolic rate the
    mechanical power over a 10% efficiency plus 0.2 W per 4 g and a cold term below 25 C. Measurement noise 1% on
    frequency, 1.5 degrees on amplitude, 2.5% on metabolic rate. Returns (scaled inputs (n, 5), (log frequency,
    amplitude (rad), log metabolic rate (W)))."""
    lm = math.log(2.5) + math.log(12 / 2.5) * torch.rand(n, generator=gen)
    m = torch.exp(lm) * 1e-3
    r = 2.9e-2 * (m * 1e3) ** 0.45 * (1 + 0.08 * (2 * torch.rand(n, generator=gen) - 1))
    rho = 0.45 + 0.8 * torch.rand(n, generator=gen)
    load = 0.6 * torch.rand(n, generator=gen)
    ta = 5 + 30 * torch.rand(n, generator=gen)
    w = m * (1 + load) * 9.81
    freq = 40 * (m * 1e3 / 4) ** -0.35 * (1 + 0.15 * load)
    chord = r / 3.8
    cl = 1.6
    need = (w / (0.5 * rho * cl * 2 * r * chord / 3 * (2 * freq * r) ** 2)).sqrt()  # Phi (rad) from lift = weight
    cap = math.radians(175)
    phi = need.clamp(max=cap)
    freq = freq * (need / cap).clamp_min(1)
    p_ind = 1.2 * w**1.5 / (2 * rho * phi * r**2).sqrt()
    p_pro = rho / 8 * 0.3 * (2 * freq * phi) ** 3 * r**4 * chord * 2 / 5
    met = (p_ind + p_pro) / 0.1 + 0.2 * m * 1e3 / 4 + 0.004 * F.relu(25 - ta) * m * 1e3
    freq = freq * (1 + 0.01 * torch.randn(n, generator=gen))
    phi = phi + math.radians(1.5) * torch.randn(n, generator=gen)
    met = met * (1 + 0.025 * torch.randn(n, generator=gen))
    x = torch.stack([(lm - 1.6) / 0.45, (torch.log(r) + 3.0) / 0.2, (rho - 0.85) / 0.23, (load - 0.3) / 0.17,
                     (ta - 20) / 8.7], 1)
    return x, torch.stack([torch.log(freq), phi, torch.log(met)], 1)


class HoverEnergeticsMLP(nn.Module):
    """A SiLU MLP (two layers of 64) from the five trial variables to the three hover measurements."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def hover_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log frequency, amplitude and log metabolic rate."""
    x, y = batch
    return F.mse_loss(model(x), y)


def hummingbird_hover(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The hover net on 1024 trials, targets standardised over them; held out: 2048 other trials in batches of 1024;
    NAdam."""
    gen = torch.Generator().manual_seed(94302)
    x, y = _hb_hovers(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HoverEnergeticsMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": hover_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. maple sap runs with a hurdle net (RAdam)


def _ms_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tap-days of a sugarbush season: day 0-50 of the season, the night's minimum -15 to 5 C, the day's maximum
    (the minimum + 2 to 16 C), the previous day's maximum, snow depth 0-60 cm, sun 0-1, DBH 20-70 cm, crown ratio
    0.3-0.8, tubing vacuum 0-25 inHg (0: buckets). A run needs a freeze and a thaw (the stem's freeze-thaw pressure):
    its probability a steep logistic of the lesser of (freeze - 1 C) and (thaw - 2 C), helped by vacuum. Its volume
    per tap 1.5 L x freeze^0.4 x thaw^0.6 / 4 x (1 + 1.3 vacuum / 25) x (DBH / 40)^0.8, less after a warm day before,
    with sun and snow (a cool root zone) helping, times the taphole's closing exp(-day / 40 (1 - 0.5 vacuum / 25));
    10% lognormal noise. Sugar 2.3 Brix x (crown ratio / 0.5)^0.5 x (1 - 0.006 day), 3% noise. Returns (scaled
    inputs (n, 10), (run 0/1, log volume, (Brix - 2.2) / 0.5))."""
    day = 50 * torch.rand(n, generator=gen)
    tmin = -15 + 20 * torch.rand(n, generator=gen)
    tmax = tmin + 2 + 14 * torch.rand(n, generator=gen)
    prev = tmax + 4 * torch.randn(n, generator=gen)
    snow = 60 * torch.rand(n, generator=gen)
    sun = torch.rand(n, generator=gen)
    dbh = 20 + 50 * torch.rand(n, generator=gen)
    crown = 0.3 + 0.5 * torch.rand(n, generator=gen)
    vac = 25 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) > 0.3).float()
    freeze, thaw = F.relu(-tmin), F.relu(tmax)
    logit = 6 * torch.minimum(freeze - 1, thaw - 2) + 3 * vac / 25
    run = (torch.rand(n, generator=gen) < torch.sigmoid(logit)).float()
    vol = (1.5 * freeze.clamp_min(0.2) ** 0.4 * (thaw.clamp_min(0.2) ** 0.6 / 4) * (1 + 1.3 * vac / 25)
           * (dbh / 40) ** 0.8 * torch.exp(-0.04 * F.relu(prev - 8)) * (1 + 0.3 * sun) * (1 + 0.005 * snow)
           * torch.exp(-day / 40 * (1 - 0.5 * vac / 25)))
    vol = vol * torch.exp(0.1 * torch.randn(n, generator=gen))
    brix = 2.3 * (crown / 0.5) ** 0.5 * (1 - 0.006 * day) * (1 + 0.03 * torch.randn(n, generator=gen))
    x = torch.stack([(day - 25) / 14.4, (tmin + 5) / 5.8, (tmax - tmin - 9) / 4, (prev - 4) / 6.5, (snow - 30) / 17,
                     (sun - 0.5) / 0.29, (dbh - 45) / 14.4, (crown - 0.55) / 0.14, (vac - 9) / 9,
                     (vac > 0).float() - 0.7], 1)
    return x, torch.stack([run, torch.log(vol), (brix - 2.2) / 0.5], 1)


class SapHurdleNet(nn.Module):
    """A hurdle MLP: a shared ReLU trunk (two layers of 64) and three outputs, the run's logit, the log volume and
    the Brix."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def hurdle_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The hurdle loss: the run's binary cross-entropy plus, on the run days, the squared errors of the log volume
    and the scaled Brix (over all tap-days)."""
    x, y = batch
    out = model(x)
    run = y[:, 0]
    bce = F.binary_cross_entropy_with_logits(out[:, 0], run)
    sq = run * ((out[:, 1] - y[:, 1]) ** 2 + (out[:, 2] - y[:, 2]) ** 2)
    return bce + sq.mean()


def maple_sap(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The hurdle net on 4096 tap-days; held out: 4096 other tap-days in batches of 2048; RAdam."""
    gen = torch.Generator().manual_seed(94402)
    x, y = _ms_days(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SapHurdleNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": hurdle_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. emperor penguin huddle heat loss (SGD with Nesterov momentum; long only)


def _ph_dirs() -> tuple[torch.Tensor, torch.Tensor]:
    """Hexagonal-lattice neighbour offsets (unit spacing): ring 1 (6 sites at angles 0, 60, ... 300 degrees) and
    ring 2 (12 sites: 6 at distance 2 along those angles, 6 at sqrt(3) between them)."""
    a1 = torch.arange(6).float() * math.pi / 3
    r1 = torch.stack([torch.cos(a1), torch.sin(a1)], 1)
    a2 = a1 + math.pi / 6
    r2 = torch.cat([2 * r1, math.sqrt(3) * torch.stack([torch.cos(a2), torch.sin(a2)], 1)], 0)
    return r1, r2


def _ph_birds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Birds in huddles: the huddle's edge a line at a random angle, the bird -0.5 to 3 spacings inside it; a
    neighbour site is occupied if it lies inside the edge (with 0.4 spacings of raggedness) and not a gap (10%).
    Wind 0-15 m/s from a random direction, air -45 to -10 C, sun 0-400 W/m2. Per empty ring-1 side a convective
    loss (3 + 4.5 U_side^0.6) W/m2K x 0.05 m2 x (Ts - Ta), Ts = Ta + 4 K + 0.1 (Ta + 30), U_side the wind's
    component onto that side (0.15 of it on the lee sides), halved if the ring-2 site behind it is occupied; the
    top's convection (0.04 m2, the wind at 0.6 inside a huddle) and long-wave loss to a sky 20 K below the air, less
    10% of the sun on 0.03 m2; 4% noise. Returns (occupancy and weather (n, 23), log heat loss (W))."""
    r1, r2 = _ph_dirs()
    edge = 2 * math.pi * torch.rand(n, generator=gen)
    normal = torch.stack([torch.cos(edge), torch.sin(edge)], 1)
    depth = -0.5 + 3.5 * torch.rand(n, generator=gen)
    sites = torch.cat([r1, r2], 0)  # 18, 2
    out = sites @ normal.T  # 18, n: how far outwards each site lies
    rag = 0.4 * torch.randn(18, n, generator=gen)
    occ = ((out + rag < depth.view(1, -1)) & (torch.rand(18, n, generator=gen) > 0.1)).float().T  # n, 18
    wdir = 2 * math.pi * torch.rand(n, generator=gen)
    u = 15 * torch.rand(n, generator=gen)
    ta = -45 + 35 * torch.rand(n, generator=gen)
    sun = 400 * torch.rand(n, generator=gen)
    upwind = torch.stack([torch.cos(wdir), torch.sin(wdir)], 1)
    facing = F.relu(r1 @ upwind.T).T  # n, 6: how much each side faces the wind
    behind = occ[:, 6:12]  # the ring-2 site straight out from each ring-1 side
    u_side = u.view(-1, 1) * (0.15 + 0.85 * facing) * (1 - 0.5 * behind)
    ts = ta + 4 + 0.1 * (ta + 30)
    dt = (ts - ta).view(-1, 1)
    side = ((1 - occ[:, :6]) * (3 + 4.5 * u_side**0.6) * 0.05 * dt).sum(1)
    inside = occ[:, :6].mean(1)
    top = (3 + 4.5 * (u * (1 - 0.4 * inside)) ** 0.6) * 0.04 * dt[:, 0]
    rad = 0.98 * 5.67e-8 * 0.04 * ((ts + 273.15) ** 4 - (ta + 253.15) ** 4)
    q = (side + top + rad - 0.1 * 0.03 * sun).clamp_min(0.5)
    q = q * (1 + 0.04 * torch.randn(n, generator=gen))
    x = torch.cat([occ - 0.6, torch.stack([torch.cos(wdir), torch.sin(wdir), (u - 7.5) / 4.3, (ta + 27.5) / 10,
                                           (sun - 200) / 115], 1)], 1)
    return x, torch.log(q)


class HuddleHeatMLP(nn.Module):
    """A ReLU MLP (two layers of 64) from the 18 neighbour occupancies and 5 weather variables to the log heat
    loss."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(23, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def heat_loss_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log heat loss."""
    x, y = batch
    return F.mse_loss(model(x), y)


def penguin_huddle(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The huddle heat net on 8192 birds; held out: 4096 other birds in batches of 2048; SGD with Nesterov momentum
    0.9."""
    gen = torch.Generator().manual_seed(94502)
    x, y = _ph_birds(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HuddleHeatMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": heat_loss_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. jellyfish jet swimming with Daniel's model (AdamW; long only)

JF_PHASES, JF_SUB, JF_CYCLES = 24, 4, 8


def _jf_medusae(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Swimming medusae: bell diameter 0.5-8 cm (log-uniform), fineness H / D 0.3-1.3 (oblate to prolate), volume
    contraction amplitude 0.15-0.45, pulse frequency 0.5-3 Hz (log-uniform), contraction 25-50% of the cycle, water
    8-28 C (viscosity 1.4-0.84 mm2/s). Daniel's (1983) model: the subumbrellar volume V = 0.5 pi D^2 H / 6 (1 - a
    s(t)), s a half-cosine up in the contraction and down in the refill; the jet's thrust rho / A_v (dV/dt)^2 out of
    a velar aperture of 0.15 the bell's area (a tenth of it, backwards, on refilling); the body's mass plus an added
    mass of 0.4 (D / H)^0.9 of the bell's volume; drag 0.5 rho (24 / Re + 6 / (1 + Re^0.5) + 0.4) pi D^2 / 4 U|U|.
    Integrated from rest for 8 cycles (96 Euler steps a cycle); the speed at 24 phases of the last, in bell
    diameters per second, with 0.02 D/s of tracking noise. Returns (scaled inputs (n, 6), speed (D/s) (n, 24))."""
    ld = math.log(0.5) + math.log(16) * torch.rand(n, generator=gen)
    d = torch.exp(ld) * 1e-2
    fin = 0.3 + 1.0 * torch.rand(n, generator=gen)
    amp = 0.15 + 0.3 * torch.rand(n, generator=gen)
    lf = math.log(0.5) + math.log(6) * torch.rand(n, generator=gen)
    f = torch.exp(lf)
    duty = 0.25 + 0.25 * torch.rand(n, generator=gen)
    temp = 8 + 20 * torch.rand(n, generator=gen)
    nu = 1.79e-6 / (1 + 0.0337 * temp + 0.000221 * temp**2)
    rho = 1025.0
    h = fin * d
    v0 = 0.5 * math.pi * d**2 * h / 6
    mass = rho * math.pi * d**2 * h / 6 * (1 + 0.4 * (d / h) ** 0.9)
    av = 0.15 * math.pi * d**2 / 4
    area = math.pi * d**2 / 4
    steps = JF_PHASES * JF_SUB
    dt = 1 / (f * steps)
    u = torch.zeros(n)
    out = []
    for k in range(JF_CYCLES * steps):
        ph = (k % steps + 0.5) / steps
        con = ph < duty
        # ds/dt: a half-cosine rise over the contraction, a half-cosine fall over the refill
        ds = torch.where(con, 0.5 * math.pi / duty * torch.sin(math.pi * ph / duty),
                         -0.5 * math.pi / (1 - duty) * torch.sin(math.pi * (ph - duty) / (1 - duty)))
        dvdt = -v0 * amp * ds * f
        thrust = torch.where(con, rho / av * dvdt**2, -0.1 * rho / av * dvdt**2)
        re = u.abs() * d / nu + 1e-3
        cd = 24 / re + 6 / (1 + re.sqrt()) + 0.4
        drag = 0.5 * rho * cd * area * u * u.abs()
        u = u + dt * (thrust - drag) / mass
        if k >= (JF_CYCLES - 1) * steps and k % JF_SUB == JF_SUB - 1:
            out.append(u)
    speed = torch.stack(out, 1) / d.view(-1, 1)
    speed = speed + 0.02 * torch.randn(speed.shape, generator=gen)  # the video tracking's noise
    x = torch.stack([(ld - 0.35) / 0.8, (fin - 0.8) / 0.29, (amp - 0.3) / 0.087, (lf - 0.2) / 0.52,
                     (duty - 0.375) / 0.072, (temp - 18) / 5.8], 1)
    return x, speed


class PulseSpeedMLP(nn.Module):
    """A tanh MLP (two layers of 64) from the six bell and water variables to the speed at 24 phases of the
    cycle."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, JF_PHASES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def speed_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the speed over the cycle, in bell diameters per second."""
    x, y = batch
    return F.mse_loss(model(x), y)


def jellyfish_pulse(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The pulse-speed net on 8192 simulated medusae; held out: 2048 others in batches of 1024; AdamW with weight
    decay 1e-4."""
    gen = torch.Generator().manual_seed(94602)
    x, y = _jf_medusae(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PulseSpeedMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-4),
                                "adamw_wd1e-4"),
            "loss_fn": speed_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("firefly_swarm_radam", firefly_swarm, 300, "firefly_swarm_pulse_coupled_flash_cnn", "radam", "finite", 16,
      seconds=0.9, start_lr=0.064),
    W("cicada_emergence_nadam", cicada_emergence, 300, "magicicada_degree_day_greybox_emergence", "nadam", "finite",
      64, seconds=0.3, start_lr=0.032),
    W("hummingbird_hover_nadam", hummingbird_hover, 300, "hummingbird_hover_energetics_mlp", "nadam", "finite", 64,
      seconds=0.2, start_lr=0.032),
    W("maple_sap_radam", maple_sap, 300, "maple_sap_run_freeze_thaw_hurdle_mlp", "radam", "finite", 64,
      seconds=0.3, start_lr=0.064),
)
LONG = (
    W("penguin_huddle_nesterov@long", penguin_huddle, 3000, "emperor_penguin_huddle_heat_loss_mlp",
      "sgd_nesterov0.9", "finite", 32, seconds=1.3, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("jellyfish_pulse_adamw@long", jellyfish_pulse, 3000, "jellyfish_daniel_jet_swimming_mlp", "adamw_wd1e-4",
      "finite", 32, seconds=1.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("hummingbird_hover_nadam@long", hummingbird_hover, 3000, "hummingbird_hover_energetics_mlp", "nadam", "finite",
      64, dict(train_size=8192), seconds=1.7, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="hummingbird_hover_nadam"),
    W("maple_sap_radam@long", maple_sap, 3000, "maple_sap_run_freeze_thaw_hurdle_mlp", "radam", "finite", 32,
      dict(train_size=16384), seconds=2.0, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="maple_sap_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam94_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-fourth exam's workloads")
