"""The ninety-fifth exam: six more workload families that neither the suite nor exams 1-94 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam94_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from sea urchins and spine
growth, octopus arms and reach, tide pools and temperature swings, ice cream and freezing, meringue and foam
stability, and honeycomb and comb building (exam 96 was built at the same time from other domains; its module was
not opened). What was checked to make them new, and what was tried and changed, is in
``benchmarks/results/exam95/README.md``. Every field convention named below is from its author's memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- sea-urchin spine regeneration: a SiLU MLP from an urchin's conditions (test diameter, temperature, kelp ration,
  the spine's position, original length and the fraction cut off) to the regrown length at 12 days over a month;
  regrowth from a lag and a saturating curve whose rate follows temperature (Q10), ration, size and position, 1.5%
  individual variation and 0.05 mm measurement noise; MSE in mm; Adamax (torch's defaults)
- ice cream, the freezing curve: a GELU MLP from a mix's composition (fat, MSNF, sucrose, corn syrup solids,
  dextrose, stabiliser) to its ice content at -4 ... -22 C; the ice from the freezing-point depression method of
  Leighton (sucrose equivalents, a quadratic fit of his table, the milk salts' term, solved by bisection), 0.15
  percentage points of noise; MSE of the scaled ice content; AdamW with weight decay 1e-2 (torch's default)
- meringue whipping: a ReLU MLP from the whipping conditions (sugar ratio and when it goes in, mixer speed, pH,
  egg age, yolk contamination, temperature, copper bowl) to the overrun at 1-8 minutes of whipping and the drip
  after an hour; overrun from air incorporation with over-beating collapse, drip falling with sugar and acid and
  rising with yolk and age; 3% noise; MSE of the scaled outputs; SGD with Nesterov momentum 0.9 and weight decay
  1e-4
- honeycomb, comb-cell states: a small CNN (two 3x3 convolutions with batch norm and max pooling, a dense layer)
  classifies 16 x 16 grey patches of a frame photograph into six states of the comb (bare foundation, being
  drawn, drawn and empty, nectar, capped honey, capped brood; after DeepBee's cell classifier); the hexagonal
  lattice a sum of three plane waves, a continuous draw depth so neighbouring stages overlap, a lighting gradient,
  gain, blur and noise; cross-entropy; Adam (torch's defaults)
- octopus arm reach (a long plan only): a tanh MLP as the forward statics of a planar muscular-hydrostat arm of 8
  segments, from the 24 muscle activations (dorsal and ventral longitudinal, transverse) to the 8 segment-end
  positions; constant volume (transverse contraction thins and lengthens), longitudinal shortening, bending from
  the difference of the longitudinal muscles over the diameter, passive saturation, constant-curvature arcs
  chained; tracking noise; MSE of the positions; RAdam (torch's defaults)
- tide-pool temperature (a long plan only): a GRU over 12 half-hours of a low-tide emersion (sunshine, air
  temperature, wind, whether the pool is still isolated, and its depth, shading and the sea temperature) to the
  pool's temperature every half-hour; the temperatures from a heat balance (sun, longwave, convection, Magnus
  evaporation, rock conduction over rho c depth) with the flood tide flushing the pool; 0.05 C logger noise; MSE of
  the scaled temperature; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the octopus arm and
the tide pool (no short plans), the urchin net on 8192 urchins instead of 1024 and the ice-cream net on 4096 mixes
instead of 512, both in batches of 16 instead of 64 (at 64 their long runs reached the noise floor over a wide
range of LRs).

Of the eight plans, two use Adamax (both urchin plans), two AdamW (both ice-cream plans), one SGD with Nesterov
momentum (meringue), one Adam (honeycomb), one RAdam (octopus) and one NAdam (tide pool).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam95_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam95/README.md).

    python benchmarks/exam95_workloads.py          # the table
    python benchmarks/exam95_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 95"


# --------------------------------------------------------------------------------------------------------------
# 1. sea-urchin spine regeneration after breakage (Adamax)

SU_DAYS = torch.arange(1, 13).float() * 2.5  # the 12 measuring days, 2.5-30


def _su_urchins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A spine-regeneration experiment (as in the aquarium studies of Strongylocentrotus and Paracentrotus, from
    memory): each urchin has one primary spine cut, and the regrown length is measured every 2.5 days for 30 days.
    Urchin: test diameter 20-80 mm, temperature 6-20 C, kelp ration 0-1 of ad libitum, the spine's position
    (ambitus, aboral, oral), its original length (rising with the test diameter, ambital spines longest) and the
    fraction cut off (0.2-0.8). Regrowth: a wound-healing lag (2-6 days, shorter when warm), then a saturating
    regrowth L(t) = missing x (1 - exp(-k (t - lag)))^2, the rate k Arrhenius-like in temperature (Q10 2.2), rising
    with the ration (Michaelis-Menten), falling with size (older urchins regenerate slower) and set by the position;
    each urchin's own rate varies by 1.5% (lognormal), the measurement by 0.05 mm. Returns (scaled conditions (n, 8),
    regrown length in mm (n, 12))."""
    diam = 20 + 60 * torch.rand(n, generator=gen)
    temp = 6 + 14 * torch.rand(n, generator=gen)
    ration = torch.rand(n, generator=gen)
    pos = torch.randint(0, 3, (n,), generator=gen)
    orig = (0.22 * diam + 4) * torch.tensor([1.0, 0.75, 0.6])[pos] * (1 + 0.1 * torch.randn(n, generator=gen))
    cut = 0.2 + 0.6 * torch.rand(n, generator=gen)
    missing = orig * cut
    lag = 2 + 4 * torch.sigmoid((12 - temp) / 2.5)
    k = (0.11 * 2.2 ** ((temp - 13) / 10) * (0.15 + ration) / (0.35 + ration) * (diam / 45) ** -0.4
         * torch.tensor([1.0, 0.8, 1.25])[pos] * (1 + 0.8 * cut) * torch.exp(0.015 * torch.randn(n, generator=gen)))
    t = SU_DAYS.view(1, -1)
    grown = missing.view(-1, 1) * (1 - torch.exp(-k.view(-1, 1) * F.relu(t - lag.view(-1, 1)))) ** 2
    grown = grown + 0.05 * torch.randn(grown.shape, generator=gen)
    x = torch.cat([torch.stack([(diam - 50) / 17, (temp - 13) / 4, (ration - 0.5) / 0.29, (orig - 11) / 4,
                                (cut - 0.5) / 0.17], 1), F.one_hot(pos, 3).float()], 1)
    return x, grown


class SpineRegrowthNet(nn.Module):
    """A SiLU MLP from the urchin's conditions to its regrowth curve (the 12 measured lengths at once, a
    multi-output growth regression as ecologists fit in place of a nonlinear mixed growth model)."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(SU_DAYS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def regrowth_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the regrown length, in mm."""
    x, y = batch
    return F.mse_loss(model(x), y)


def urchin_spines(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 128) -> dict[str, Any]:
    """The regrowth net on ``train_size`` urchins; held out: 1024 other urchins in batches of 512; Adamax."""
    gen = torch.Generator().manual_seed(95102)
    x, y = _su_urchins(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpineRegrowthNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": regrowth_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. octopus arm reach: a forward model of a muscular-hydrostat arm (RAdam; long only)

OA_SEG = 8


def _oa_arms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A planar octopus arm of 8 segments (tapering: the base segments longer and thicker), each with three muscle
    activations in 0-1: the dorsal and ventral longitudinal muscles and the transverse muscles. A muscular
    hydrostat keeps its volume: transverse contraction thins a segment (diameter x (1 - 0.35 a_T)) and so lengthens
    it by the square of the thinning; longitudinal contraction shortens it (by up to 30%, with a force-length
    curve a^1.5); the difference of the two longitudinal muscles bends it, the curvature the strain difference over
    the diameter (thinner segments bend more), and passive tissue saturates the bend (tanh). The segments are
    constant-curvature arcs; the positions of the 8 segment ends (x, y in arm lengths, the base at the origin
    pointing along x) come from chaining them; video-tracking noise 0.004 arm lengths. Returns (activations (n, 24)
    centred on 0.5, positions (n, 16) x 10)."""
    a = torch.rand(n, OA_SEG, 3, generator=gen)
    i = torch.arange(OA_SEG).float()
    l0 = (1 - 0.5 * i / OA_SEG)
    l0 = l0 / l0.sum()
    d0 = 0.12 * (1 - 0.6 * i / OA_SEG)
    f = a ** 1.5
    d = d0 * (1 - 0.35 * f[..., 2])
    length = l0 * (d0 / d) ** 2 * (1 - 0.3 * (f[..., 0] + f[..., 1]) / 2)
    kappa = 0.3 * (f[..., 0] - f[..., 1]) / d
    theta = 1.2 * torch.tanh(kappa * length / 1.2)
    phi_end = torch.cumsum(theta, 1)
    phi_mid = phi_end - theta / 2
    chord = length * torch.sinc(theta / (2 * math.pi))  # an arc's chord: length x sin(theta / 2) / (theta / 2)
    xy = torch.stack([torch.cumsum(chord * torch.cos(phi_mid), 1), torch.cumsum(chord * torch.sin(phi_mid), 1)], 2)
    xy = xy + 0.004 * torch.randn(xy.shape, generator=gen)
    return (a - 0.5).reshape(n, -1), 10 * xy.reshape(n, -1)


class ArmForwardNet(nn.Module):
    """A feed-forward net from the muscle activations to the arm's shape (a learned forward statics model of a
    continuum arm, as in the soft-robotics octopus-arm work of Giorelli, Renda et al. 2015, from memory): tanh
    layers of 128."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3 * OA_SEG, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2 * OA_SEG))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def arm_shape_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the segment-end positions (tenths of an arm length)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def octopus_arm(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 128) -> dict[str, Any]:
    """The arm forward model on 8192 activation patterns; held out: 2048 others in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(95202)
    x, y = _oa_arms(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ArmForwardNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": arm_shape_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. tide-pool temperature over a low-tide emersion, a GRU forecaster (NAdam; long only)

TP_STEPS = 12


def _tp_pools(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rock pools cut off by the falling tide, logged every 30 minutes for 6 hours from a start hour of 4-12 h.
    Pool: depth 0.05-0.6 m, shading 0-0.7, sea temperature 9-18 C (the pool's starting temperature); the pool stays
    isolated for 6-12 half-hours, then the flood tide flushes it (relaxing to the sea, 60% a half-hour). Weather:
    clear-sky sunshine (a half-sine from 6 to 18 h, 900 W/m2 peak) under a cloud cover that drifts through the
    period; air temperature with a diurnal swing; wind 0-8 m/s. The pool's heat balance (5-minute steps): absorbed
    sunshine, net longwave loss of 60 W/m2, convection (5 + 4 wind) (T - T_air), evaporation from the Magnus vapour
    pressures at 70% humidity, conduction to the rock, over rho c depth. Logger noise 0.05 C. Returns (inputs per
    half-hour (n, 12, 7): sunshine, air temperature, wind, isolated, depth, shading, sea temperature, all scaled;
    (T - 15) / 5 (n, 12))."""
    depth = 0.05 + 0.55 * torch.rand(n, generator=gen)
    shade = 0.7 * torch.rand(n, generator=gen)
    sea = 9 + 9 * torch.rand(n, generator=gen)
    start = 4 + 8 * torch.rand(n, generator=gen)
    iso_end = torch.randint(6, TP_STEPS + 1, (n,), generator=gen)
    cloud0 = torch.rand(n, generator=gen)
    cloud = (cloud0.view(-1, 1) + 0.08 * torch.cumsum(torch.randn(n, TP_STEPS, generator=gen), 1)).clamp(0, 1)
    tmean = sea + 2 + 6 * torch.rand(n, generator=gen)
    tamp = 2 + 4 * torch.rand(n, generator=gen)
    wind = 8 * torch.rand(n, generator=gen)
    k = torch.arange(TP_STEPS).float().view(1, -1)
    hour = start.view(-1, 1) + 0.5 * k
    sun = 900 * torch.sin(math.pi * (hour - 6) / 12).clamp_min(0) * (1 - 0.75 * cloud)
    tair = tmean.view(-1, 1) + tamp.view(-1, 1) * torch.sin(math.pi * (hour - 9) / 12)
    iso = (k < iso_end.view(-1, 1)).float()

    def es(t: torch.Tensor) -> torch.Tensor:
        return 6.11 * torch.exp(17.27 * t / (t + 237.3))

    temp = sea.clone()
    out = []
    for s in range(TP_STEPS):
        for _ in range(6):
            q = (0.9 * (1 - shade) * sun[:, s] - 60 - (5 + 4 * wind) * (temp - tair[:, s])
                 - 2.5 * (1 + 0.5 * wind) * (es(temp) - 0.7 * es(tair[:, s])) - 15 * (temp - sea))
            temp = temp + 300 * q / (4.18e6 * depth)
        temp = torch.where(iso[:, s] > 0, temp, temp + 0.6 * (sea - temp))
        out.append(temp)
    y = torch.stack(out, 1) + 0.05 * torch.randn(n, TP_STEPS, generator=gen)
    x = torch.stack([sun / 450 - 1, (tair - 17) / 4, wind.view(-1, 1).expand(-1, TP_STEPS) / 4 - 1, 2 * iso - 1,
                     ((depth - 0.32) / 0.16).view(-1, 1).expand(-1, TP_STEPS),
                     ((shade - 0.35) / 0.2).view(-1, 1).expand(-1, TP_STEPS),
                     ((sea - 13.5) / 2.6).view(-1, 1).expand(-1, TP_STEPS)], 2)
    return x, (y - 15) / 5


class TidePoolGRU(nn.Module):
    """A one-layer GRU over the half-hourly forcing with a linear read-out of the pool temperature at every step
    (the recurrent forecasters of water temperature in hydrology and intertidal ecology)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.out(h).squeeze(2)


def pool_temp_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled pool temperature over the 12 half-hours."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tide_pool(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The pool GRU on 4096 logged emersions; held out: 1024 others in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(95302)
    x, y = _tp_pools(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TidePoolGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": pool_temp_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. ice cream: the freezing curve of a mix from its composition (AdamW)

IC_TEMPS = -torch.arange(2, 12).float() * 2  # -4 ... -22 C


def _ic_mixes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ice-cream mixes: fat 4-16%, milk solids-not-fat (MSNF) 6-12%, sucrose 8-18%, 42 DE corn syrup solids 0-8%,
    dextrose 0-5%, stabiliser 0-0.4%, water the rest. The ice frozen at -4 ... -22 C by the freezing-point
    depression method of Leighton (1927) as taught for ice-cream mixes (from memory): sucrose equivalents SE =
    sucrose + 1.9 dextrose + 0.8 CSS + 0.545 MSNF (lactose); at an unfrozen water W_u the depression is that of a
    sucrose solution of SE x 100 / W_u g per 100 g water (a quadratic fit to Leighton's table) plus the milk salts'
    2.37 MSNF / W_u; the unfrozen water at temperature T solves depression(W_u) = -T (bisection), and the ice is
    W - W_u. Fat and stabiliser only dilute. DSC / dilatometry noise of 0.15 percentage points. Returns (scaled
    composition (n, 6), (ice % of the mix - 30) / 15 (n, 10))."""
    fat = 4 + 12 * torch.rand(n, generator=gen)
    msnf = 6 + 6 * torch.rand(n, generator=gen)
    suc = 8 + 10 * torch.rand(n, generator=gen)
    css = 8 * torch.rand(n, generator=gen)
    dex = 5 * torch.rand(n, generator=gen)
    stab = 0.4 * torch.rand(n, generator=gen)
    water = 100 - fat - msnf - suc - css - dex - stab
    se = suc + 1.9 * dex + 0.8 * css + 0.545 * msnf

    def depression(wu: torch.Tensor) -> torch.Tensor:
        c = se.view(-1, 1) * 100 / wu
        return 0.0571 * c + 1.5e-4 * c**2 + 2.37 * msnf.view(-1, 1) / wu

    target = -IC_TEMPS.view(1, -1).expand(n, -1)
    lo = torch.full((n, len(IC_TEMPS)), 1.0)
    hi = water.view(-1, 1).expand(-1, len(IC_TEMPS)).clone()
    for _ in range(40):
        mid = (lo + hi) / 2
        high = depression(mid) > target  # too concentrated: more water is unfrozen
        lo = torch.where(high, mid, lo)
        hi = torch.where(high, hi, mid)
    wu = torch.where(depression(water.view(-1, 1).expand_as(lo)) >= target, water.view(-1, 1).expand_as(lo),
                     (lo + hi) / 2)
    ice = water.view(-1, 1) - wu
    ice = ice + 0.15 * torch.randn(ice.shape, generator=gen)
    x = torch.stack([(fat - 10) / 3.5, (msnf - 9) / 1.7, (suc - 13) / 2.9, (css - 4) / 2.3, (dex - 2.5) / 1.44,
                     (stab - 0.2) / 0.115], 1)
    return x, (ice - 30) / 15


class FreezingCurveNet(nn.Module):
    """A GELU MLP from the mix composition to its ice content at ten temperatures (the ANN freezing-curve and
    ice-content predictors of ice-cream formulation software and papers, from memory)."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, len(IC_TEMPS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def ice_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled ice content ((% of the mix - 30) / 15)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def ice_cream(batch_size: int = 64, seed: int = 0, train_size: int = 512, hidden: int = 128) -> dict[str, Any]:
    """The freezing-curve net on ``train_size`` mixes; held out: 1024 other mixes in batches of 512; AdamW with
    torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(95402)
    x, y = _ic_mixes(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FreezingCurveNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": ice_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. meringue: overrun while whipping egg whites, and the foam's stability (SGD with Nesterov momentum)

MR_MIN = torch.arange(1, 9).float()  # whipping minutes 1-8


def _mr_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Whipping trials of a French meringue: sugar-to-white ratio 0-2, when the sugar goes in (0 at the start, 1
    at soft peaks), mixer speed 0.4-1, pH 6.5-9.2 (cream of tartar down, old eggs up), egg age 0-21 days, yolk
    contamination 0-0.3%, temperature 4-25 C, a copper bowl or not. The overrun at 1-8 minutes rises as
    OR_max (1 - exp(-r t)) (air incorporation, faster warm and fast, slower with early sugar) and falls once the
    foam is over-beaten (after a time that sugar, acid and copper postpone); OR_max falls with sugar and, steeply,
    with yolk fat; after the 8 minutes the drip (% of the foam drained as liquid after 1 h) falls with sugar
    (viscosity), acid and copper, rises with yolk, age and temperature. Noise 3% (multiplicative). Returns (scaled
    conditions (n, 8), overrun / 200 at 8 times and drip / 10 (n, 9))."""
    ratio = 2 * torch.rand(n, generator=gen)
    when = torch.rand(n, generator=gen)
    speed = 0.4 + 0.6 * torch.rand(n, generator=gen)
    ph = 6.5 + 2.7 * torch.rand(n, generator=gen)
    age = 21 * torch.rand(n, generator=gen)
    yolk = 0.3 * torch.rand(n, generator=gen)
    temp = 4 + 21 * torch.rand(n, generator=gen)
    copper = (torch.rand(n, generator=gen) < 0.3).float()
    early = ratio * (1 - when)
    r = 0.55 * speed * (1 + 0.03 * (temp - 4)) * (1 + 0.02 * age) / (1 + 0.6 * early)
    or_max = 950 * (1 - 0.22 * ratio) * torch.exp(-9 * yolk) * (1 - 0.04 * (ph - 8).abs())
    t_over = (3 + 1.5 * ratio + 0.8 * (8.8 - ph).clamp_min(0) + 2 * copper) / speed
    t = MR_MIN.view(1, -1)
    over = torch.exp(-0.25 * F.relu(t - t_over.view(-1, 1)) ** 1.5)
    overrun = or_max.view(-1, 1) * (1 - torch.exp(-r.view(-1, 1) * t)) * over
    overbeaten = F.relu(8 - t_over)
    drip = (45 * torch.exp(-1.1 * ratio) * (1 + 4 * yolk) * (1 + 0.015 * age) * (1 + 0.02 * (temp - 4))
            * (1 + 0.12 * (ph - 7.5)).clamp_min(0.5) * (1 - 0.35 * copper) * (1 + 0.15 * overbeaten))
    drip = 60 * (1 - torch.exp(-drip / 60))  # at most 60% of the foam drains
    y = torch.cat([overrun / 200, (drip / 10).view(-1, 1)], 1)
    y = y * torch.exp(0.03 * torch.randn(y.shape, generator=gen))
    x = torch.stack([ratio - 1, (when - 0.5) / 0.29, (speed - 0.7) / 0.17, (ph - 7.85) / 0.78, (age - 10.5) / 6,
                     (yolk - 0.15) / 0.087, (temp - 14.5) / 6, 2 * copper - 1], 1)
    return x, y


class MeringueNet(nn.Module):
    """A ReLU MLP from the whipping conditions to the overrun curve and the drip (the food-engineering ANN that
    stands beside a response-surface model, from memory)."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, len(MR_MIN) + 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def foam_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled overrun curve and drip."""
    x, y = batch
    return F.mse_loss(model(x), y)


def meringue(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 128) -> dict[str, Any]:
    """The meringue net on 1024 whipping trials; held out: 1024 other trials in batches of 512; SGD with Nesterov
    momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(95502)
    x, y = _mr_batches(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MeringueNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": foam_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. honeycomb: the state of comb cells (foundation to capped) from frame photographs, a small CNN (Adam)

HC_SIZE, HC_CLASSES = 16, 6


def _hc_patches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Grey 16 x 16 patches of a frame photograph, each labelled with its comb's state: 0 bare foundation, 1 cells
    being drawn, 2 drawn and empty, 3 nectar, 4 capped honey, 5 capped brood. The hexagonal lattice (cell pitch 4-6
    pixels, random orientation and offset) is the sum of three plane waves 120 degrees apart; its peaks are the
    cell centres, its troughs the walls. The wax's draw depth d (a continuous amount: 0-0.3 foundation, 0.2-0.65
    drawing, 0.55-1 drawn, so neighbouring stages overlap) raises the walls and darkens the cells; nectar adds a
    glint in the cells; capped honey is a light, flat, faintly patterned cover; capped brood a darker cover domed
    over each cell. A lighting gradient, gain 0.8-1.2, a slight blur and sensor noise of 0.06. Returns (images (n,
    1, 16, 16), labels (n,))."""
    y = torch.randint(0, HC_CLASSES, (n,), generator=gen)
    pitch = 4 + 2 * torch.rand(n, generator=gen)
    ang = torch.rand(n, generator=gen) * math.pi / 3
    off = torch.rand(n, 2, generator=gen) * 6
    g = torch.arange(HC_SIZE).float()
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    kmag = 4 * math.pi / (math.sqrt(3) * pitch)
    h = torch.zeros(n, HC_SIZE, HC_SIZE)
    for j in range(3):
        a = ang + j * 2 * math.pi / 3
        kx, ky = (kmag * torch.cos(a)).view(-1, 1, 1), (kmag * torch.sin(a)).view(-1, 1, 1)
        h = h + torch.cos(kx * (xx - off[:, 0].view(-1, 1, 1)) + ky * (yy - off[:, 1].view(-1, 1, 1)))
    cell = F.relu(h) / 3
    wall = torch.sigmoid(-3 * (h + 0.6))
    lo = torch.tensor([0.0, 0.2, 0.55, 0.6, 0.0, 0.0])[y]
    span = torch.tensor([0.3, 0.45, 0.45, 0.4, 0.0, 0.0])[y]
    d = (lo + span * torch.rand(n, generator=gen)).view(-1, 1, 1)
    img = 0.55 + d * (0.35 * wall - 0.3 * cell)
    glint = (0.15 + 0.35 * torch.rand(n, generator=gen)).view(-1, 1, 1) * cell**3 * 8
    img = torch.where((y == 3).view(-1, 1, 1), img + glint, img)
    honey = (0.72 + 0.15 * torch.rand(n, generator=gen)).view(-1, 1, 1) - 0.12 * torch.rand(
        n, generator=gen).view(-1, 1, 1) * wall
    img = torch.where((y == 4).view(-1, 1, 1), honey, img)
    brood = (0.42 + 0.12 * torch.rand(n, generator=gen)).view(-1, 1, 1) + 0.25 * cell - 0.08 * wall
    img = torch.where((y == 5).view(-1, 1, 1), brood, img)
    gdir = torch.rand(n, generator=gen) * 2 * math.pi
    grad = (0.15 * torch.rand(n, generator=gen)).view(-1, 1, 1) * (
        torch.cos(gdir).view(-1, 1, 1) * (xx - 7.5) + torch.sin(gdir).view(-1, 1, 1) * (yy - 7.5)) / 7.5
    img = (img + grad) * (0.8 + 0.4 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    kern = torch.tensor([0.2, 0.6, 0.2])
    img = F.conv2d(img.unsqueeze(1), (kern.view(3, 1) * kern.view(1, 3)).view(1, 1, 3, 3), padding=1)
    img = img + 0.06 * torch.randn(img.shape, generator=gen)
    return img - 0.55, y


class CombCellCNN(nn.Module):
    """A small CNN for comb-cell states (after DeepBee, Alves et al. 2020, which classifies cells cut from frame
    photographs; from memory, much smaller here): two 3x3 convolutions (8 and 16 channels) with batch norm, ReLU
    and 2x2 max pooling, a dense layer of 64, the 6 logits."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
                                      nn.MaxPool2d(2), nn.Conv2d(width, 2 * width, 3, padding=1),
                                      nn.BatchNorm2d(2 * width), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * 16, 64), nn.ReLU(), nn.Linear(64, HC_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def comb_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the comb state."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def honeycomb(batch_size: int = 64, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The comb-cell CNN on 4096 labelled patches; held out: 1024 others in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(95602)
    x, y = _hc_patches(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CombCellCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": comb_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("urchin_spines_adamax", urchin_spines, 300, "sea_urchin_spine_regeneration_curve_mlp", "adamax", "finite", 64,
      seconds=0.2, start_lr=0.128),
    W("ice_cream_adamw", ice_cream, 300, "ice_cream_leighton_freezing_curve_mlp", "adamw_wd1e-2", "small_finite", 64,
      seconds=0.25, start_lr=0.064),
    W("meringue_nesterov", meringue, 300, "meringue_whipping_overrun_drip_mlp", "sgd_nesterov0.9_wd1e-4", "finite",
      64, seconds=0.2, start_lr=0.2),
    W("honeycomb_adam", honeycomb, 300, "honeycomb_comb_cell_state_cnn", "adam", "finite", 64, seconds=1.1,
      start_lr=0.016),
)
LONG = (
    W("octopus_arm_radam@long", octopus_arm, 3000, "octopus_arm_hydrostat_forward_statics_mlp", "radam", "finite", 32,
      seconds=2.2, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("tide_pool_nadam@long", tide_pool, 3000, "tide_pool_emersion_temperature_gru", "nadam", "finite", 32,
      seconds=5.6, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("urchin_spines_adamax@long", urchin_spines, 3000, "sea_urchin_spine_regeneration_curve_mlp", "adamax", "finite",
      16, dict(train_size=8192), seconds=1.3, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="urchin_spines_adamax"),
    W("ice_cream_adamw@long", ice_cream, 3000, "ice_cream_leighton_freezing_curve_mlp", "adamw_wd1e-2", "finite", 16,
      dict(train_size=4096), seconds=1.9, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="ice_cream_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam95_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-fifth exam's workloads")
