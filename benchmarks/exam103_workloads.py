"""The hundred-and-third exam: six more workload families that neither the suite nor exams 1-102 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam102_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from seesaws and balance torque,
scarecrows and bird deterrence, water balloons and burst pressure, hook-and-loop fasteners and peel strength,
raincoats and waterproof breathability, and ski wax and glide friction (exam 104 was built at the same time from
other domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam103/README.md``. The models, the published laws and the optimiser settings are named from
the author's memory, not looked up.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- seesaw swing dynamics: an MLP surrogate from the two riders' masses and seat distances, the beam's mass and the
  push-off impulse to the beam's angle at 24 instants of a 3-second swing; the swings from a rigid-beam simulation
  (gravity torque g cos(theta) (m2 d2 - m1 d1) about the pivot, the beam's and riders' moment of inertia, pivot
  friction and air drag, rubber bumpers with a restitution of 0.3 at the ground); MSE of angle / max angle; AdamW
  with weight decay 1e-2 (torch's default)
- scarecrow and bird-deterrent field trials: an MLP with an embedding of the deterrent (none, static scarecrow,
  relocated scarecrow, reflective tape, propane gas cannon, hawk kite) from the trial conditions to the log of a
  day's count of feeding birds (a neural log-linear count model); counts from a habituation model (the deterrent's
  effect decays exponentially with the days since it was installed or last moved, each kind with its own time
  constant), roost distance, crop stage, flock pressure and weather, with gamma-Poisson (negative-binomial)
  scatter; MSE of log(1 + count); NAdam (torch's defaults)
- water-balloon inflation and burst: an MLP from the balloon (uninflated radius, wall thickness, latex compound,
  age) and the filling (tap pressure, water temperature) to the log peak (instability) pressure, log burst
  pressure and log burst volume; the balloons from Gent's (1996) strain-energy for a thin spherical membrane,
  P = (2 mu t0 / r0) (1 / lambda - 1 / lambda^7) Jm / (Jm - I1 + 3), bursting when the wall's true stress reaches a
  strength that falls with age (ozone) and rises with the fill rate; 2% scatter in strength, 5% gauge scatter; MSE
  of standardised logs; RAdam (torch's defaults)
- ski wax glide friction (glide tests on a snow tribometer; a long plan only): an MLP with an embedding of the wax
  (cold, universal and warm hydrocarbon, fluorocarbon, an unwaxed base) from the snow and air conditions, speed,
  load and base structure to the log friction coefficient; the coefficient from Colbeck's (1992) picture of snow
  friction: dry (ploughing and adhesion, rising in cold hard snow), meltwater-lubricated (a viscous film thinning at
  low speed), and capillary drag (rising with liquid water in wet snow, cut by hydrophobic waxes and coarse
  structure), each wax grade best in its temperature window; 5% test scatter; MSE of log mu; RAdam (weight decay
  1e-4)
- hook-and-loop fastener peel and shear: an MLP (three SiLU layers of 48) with an embedding of the fastener's
  material (nylon, polyester, polypropylene) from the hook density and height, loop pile, engagement pressure,
  cycles of use, peel angle and peel speed to the log peel strength and log shear strength; peel from Kendall's
  (1975) peel law F / b = G / (1 - cos theta) with a fracture energy G from the engaged hooks (engagement saturating
  with the closing pressure, hooks and loops wearing with cycles, a rate exponent), shear from the engaged hooks'
  strength; 10% test scatter; MSE of standardised logs; RAdam (torch's defaults)
- raincoat fabric waterproofness and breathability (a long plan only): an MLP with an embedding of the membrane
  (expanded PTFE, microporous PU, hydrophilic PU, hydrophilic polyester, PVC coating) from the membrane thickness,
  laminate construction, bubble-point pore size, face-fabric weight, DWR treatment and launderings, test temperature
  and humidity to the log hydrostatic head and log RET (ISO 11092's water-vapour resistance); the head from the
  Young-Laplace law 2 gamma cos(theta) / r over the largest pore (contamination lowering theta with launderings) or
  the coating's strength, RET as a sum of resistances (boundary layer, face fabric wetting out when the DWR is
  spent, membrane: diffusion through pores or solution-diffusion swelling with humidity); 8% test scatter; MSE of
  standardised logs; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the ski-wax and
raincoat nets (no short plans, 8192 and 4096 tests), the water-balloon net on 8192 balloons instead of 512 and the
hook-and-loop net on 2048 tests instead of 512.

Of the eight plans, one uses AdamW (seesaw), one NAdam (scarecrow) and six RAdam (both water-balloon plans, both
hook-and-loop plans, ski wax, raincoat), as the brief fixed: every long plan RAdam.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam103_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam103/README.md).

    python benchmarks/exam103_workloads.py          # the table
    python benchmarks/exam103_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 103"


def _mlp(n_in: int, hidden: int, n_out: int, act: type[nn.Module] = nn.SiLU, layers: int = 2) -> nn.Sequential:
    mods: list[nn.Module] = []
    d = n_in
    for _ in range(layers):
        mods += [nn.Linear(d, hidden), act()]
        d = hidden
    mods.append(nn.Linear(d, n_out))
    return nn.Sequential(*mods)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (standardised) targets; the last tensor of the batch is the target."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. seesaw swing dynamics (AdamW)

SS_POINTS = 24


def _ss_swings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Swings of a playground seesaw: a 4 m beam on a pivot 0.6 m high (so at most asin(0.6 / 2) from level), beam
    mass 20-45 kg, two children of 15-45 kg seated 1.0-1.95 m from the pivot. Rider 1 starts on the ground and
    pushes off with an impulse of 40-140 N s (through the legs, at the seat). The beam turns under the gravity torque
    g cos(theta) (m2 d2 - m1 d1), a pivot friction of 6 N m, air drag on the riders; a bumper at either end stops it
    with a restitution of 0.3 (and a second, weaker push, 40% of the first, from whichever rider lands, as children
    do). 3 s at 5 ms (semi-implicit Euler). Returns (standardised inputs (n, 6), theta / theta_max at 24 instants
    every 0.125 s)."""
    m1 = 15 + 30 * torch.rand(n, generator=gen)
    m2 = 15 + 30 * torch.rand(n, generator=gen)
    d1 = 1.0 + 0.95 * torch.rand(n, generator=gen)
    d2 = 1.0 + 0.95 * torch.rand(n, generator=gen)
    mb = 20 + 25 * torch.rand(n, generator=gen)
    push = 40 + 100 * torch.rand(n, generator=gen)
    tmax = math.asin(0.6 / 2.0)
    inertia = m1 * d1**2 + m2 * d2**2 + mb * 4.0**2 / 12
    theta = torch.full((n,), tmax)  # rider 1's end down: its height -d1 sin(theta) is lowest
    omega = -push * d1 / inertia
    dt, g = 0.005, 9.81
    out = []
    for step in range(600):
        torque = -g * torch.cos(theta) * (m2 * d2 - m1 * d1) - 6.0 * torch.tanh(omega / 0.05)
        torque = torque - 0.6 * (d1**3 + d2**3) * omega * omega.abs()
        omega = omega + dt * torque / inertia
        theta = theta + dt * omega
        hit_hi, hit_lo = theta >= tmax, theta <= -tmax
        # landing at +tmax puts rider 1 down (it pushes), at -tmax rider 2
        omega = torch.where(hit_hi, -0.3 * omega.abs() - 0.4 * push * d1 / inertia, omega)
        omega = torch.where(hit_lo, 0.3 * omega.abs() + 0.4 * push * d2 / inertia, omega)
        theta = theta.clamp(-tmax, tmax)
        if step % 25 == 24:
            out.append(theta / tmax)
    x = torch.stack([(m1 - 30) / 8.7, (m2 - 30) / 8.7, (d1 - 1.475) / 0.27, (d2 - 1.475) / 0.27, (mb - 32.5) / 7.2,
                     (push - 90) / 29], 1)
    return x, torch.stack(out, 1)


def seesaw_swing(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The seesaw surrogate (two SiLU layers) on 1024 simulated swings; held out: 1024 other swings in batches of
    512; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(103102)
    x, y = _ss_swings(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": _mlp(6, hidden, SS_POINTS, nn.SiLU), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. scarecrow and bird-deterrent field trials (NAdam)

BD_KINDS = 6


def _bd_trials(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Field-days of a deterrent trial on cereal and fruit plots: the deterrent (0 none, 1 static scarecrow,
    2 scarecrow relocated every few days, 3 reflective tape, 4 propane gas cannon, 5 hawk kite), days since it was
    installed (0-60) and since it was last moved (kind 2: 0-6; others: the install age), the distance to the roost
    or woodland edge (0.1-3 km), the crop stage (0 sowing ... 1 ripe; seed and fruit most attractive at both ends),
    the regional flock index (0.3-3), wind (0-12 m/s; kites fly, cannons carry less) and rain (0-1). The expected
    count of feeding birds in the day: 300 x flock x attraction x exp(-distance / 1.2 km) x (1 - efficacy x
    habituation x weather factor), efficacy 0 / 0.55 / 0.65 / 0.45 / 0.85 / 0.75 and habituation exp(-days / tau),
    tau 5 / 12 / 8 / 20 / 15 days (the relocated scarecrow resets when moved). Counts: gamma-Poisson with shape 40.
    Returns (kinds, standardised conditions (n, 7), log(1 + count))."""
    kind = torch.randint(0, BD_KINDS, (n,), generator=gen)
    age = 60 * torch.rand(n, generator=gen)
    moved = torch.where(kind == 2, 6 * torch.rand(n, generator=gen), age)
    dist = 0.1 + 2.9 * torch.rand(n, generator=gen)
    stage = torch.rand(n, generator=gen)
    flock = 0.3 + 2.7 * torch.rand(n, generator=gen)
    wind = 12 * torch.rand(n, generator=gen)
    rain = torch.rand(n, generator=gen)
    eff = torch.tensor([0.0, 0.55, 0.65, 0.45, 0.85, 0.75])[kind]
    tau = torch.tensor([1.0, 5.0, 12.0, 8.0, 20.0, 15.0])[kind]
    hab = torch.exp(-moved / tau)
    weather = torch.ones(n)
    weather = torch.where(kind == 5, torch.sigmoid((wind - 3) / 1.0), weather)  # kites need wind
    weather = torch.where(kind == 4, 1 - 0.04 * wind, weather)  # cannons carry less downwind
    weather = torch.where(kind == 3, 0.5 + 0.5 * (1 - rain) * (wind / 12) ** 0.5, weather)  # tape needs sun and wind
    attract = 0.3 + 1.2 * (stage - 0.45) ** 2 / 0.3 + 0.4 * torch.exp(-((stage - 0.1) / 0.08) ** 2)
    rate = 300 * flock * attract * torch.exp(-dist / 1.2) * (1 - eff * hab * weather) * (1 - 0.5 * rain)
    lam = rate * torch._standard_gamma(torch.full((n,), 40.0), generator=gen) / 40.0
    count = torch.poisson(lam, generator=gen)
    cond = torch.stack([(age - 30) / 17.3, (moved - 25) / 20, (dist - 1.55) / 0.84, (stage - 0.5) / 0.29,
                        (flock - 1.65) / 0.78, (wind - 6) / 3.5, (rain - 0.5) / 0.29], 1)
    return kind, cond, torch.log1p(count)


class DeterrentCountNet(nn.Module):
    """A neural log-linear count model: an embedding of the deterrent (dimension 4) joined with the conditions,
    through two SiLU layers to the log of the day's count (plus one)."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(BD_KINDS, 4)
        self.net = _mlp(11, hidden, 1, nn.SiLU)

    def forward(self, kind: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(kind), cond], 1)).squeeze(1)


def scarecrow_trial(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 48) -> dict[str, Any]:
    """The deterrent count net on 2048 trial field-days; held out: 2048 other field-days in batches of 1024; NAdam
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(103202)
    k, c, y = _bd_trials(train_size + 2048, gen)
    tr = (k[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DeterrentCountNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((k[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. water-balloon inflation and burst with Gent's strain energy (RAdam)

WB_COMPOUNDS = 3


def _wb_balloons(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Latex water balloons: uninflated radius 1.0-2.2 cm, wall 0.08-0.25 mm, compound (0 natural latex, 1 a
    softer high-stretch latex, 2 a stiffer filled latex: shear modulus 0.42 / 0.32 / 0.6 MPa and Gent's limit
    Jm 80 / 110 / 55, strength 24 / 20 / 17 MPa), age 0-24 months (ozone cracking lowers the strength and stiffens
    the rubber), water temperature 5-35 C (the entropic modulus rises with absolute temperature, strength falls),
    tap pressure 1-4 bar (a faster fill: a little rate strengthening). Inflation of a thin sphere, stretch lambda:
    P = 2 mu t0 / r0 (1 / lambda - 1 / lambda^7) Jm / (Jm - (2 lambda^2 + lambda^-4 - 3)); the wall's true stress
    sigma = mu (lambda^2 - lambda^-4) Jm / (Jm - I1 + 3); burst where sigma reaches the strength (bisection), with
    2% scatter in the strength. Returns (compounds, standardised inputs (n, 5), log peak pressure, log burst
    pressure and log burst volume, to be standardised by the caller)."""
    comp = torch.randint(0, WB_COMPOUNDS, (n,), generator=gen)
    r0 = 1.0 + 1.2 * torch.rand(n, generator=gen)  # cm
    t0 = 0.08 + 0.17 * torch.rand(n, generator=gen)  # mm
    age = 24 * torch.rand(n, generator=gen)
    temp = 5 + 30 * torch.rand(n, generator=gen)
    tap = 1 + 3 * torch.rand(n, generator=gen)
    mu = torch.tensor([0.42, 0.32, 0.6])[comp] * (temp + 273.15) / 293.15 * (1 + 0.01 * age)
    jm = torch.tensor([80.0, 110.0, 55.0])[comp] * (1 - 0.01 * age)
    strength = (torch.tensor([24.0, 20.0, 17.0])[comp] * torch.exp(-age / 30) * (1 - 0.006 * (temp - 20))
                * (1 + 0.05 * torch.log(tap)) * torch.exp(0.02 * torch.randn(n, generator=gen)))

    def col(v: torch.Tensor, lam: torch.Tensor) -> torch.Tensor:  # a per-balloon value against lam's shape
        return v.view(-1, *([1] * (lam.dim() - 1)))

    def factor(lam: torch.Tensor) -> torch.Tensor:
        return col(jm, lam) / (col(jm, lam) - (2 * lam**2 + lam**-4 - 3)).clamp_min(1e-3)

    def pressure(lam: torch.Tensor) -> torch.Tensor:  # kPa (MPa x mm / cm -> x 100)
        return 2 * col(mu * t0 / r0, lam) * (1 / lam - lam**-7) * factor(lam) * 100

    lam_lock = torch.ones(n)
    hi = torch.full((n,), 30.0)
    for _ in range(40):  # the locking stretch: 2 lam^2 + lam^-4 - 3 = jm
        mid = (lam_lock + hi) / 2
        over = 2 * mid**2 + mid**-4 - 3 >= jm
        hi = torch.where(over, mid, hi)
        lam_lock = torch.where(over, lam_lock, mid)
    lo, hi = torch.ones(n), lam_lock * 0.9999
    for _ in range(40):  # burst: sigma(lam) = strength
        mid = (lo + hi) / 2
        sig = mu * (mid**2 - mid**-4) * factor(mid)
        over = sig >= strength
        hi = torch.where(over, mid, hi)
        lo = torch.where(over, lo, mid)
    lam_b = (lo + hi) / 2
    grid = 1 + (lam_b.view(-1, 1) - 1) * torch.linspace(0, 1, 200).view(1, -1)
    p_peak = pressure(grid).amax(1)
    p_burst = pressure(lam_b)
    vol = 4 / 3 * math.pi * (r0 * lam_b) ** 3  # cm3 = ml
    x = torch.stack([(r0 - 1.6) / 0.35, (t0 - 0.165) / 0.05, (age - 12) / 6.9, (temp - 20) / 8.7,
                     (tap - 2.5) / 0.87], 1)
    y = torch.stack([torch.log(p_peak), torch.log(p_burst), torch.log(vol)], 1)
    return comp, x, y + 0.05 * torch.randn(n, 3, generator=gen)


class BalloonNet(nn.Module):
    """An embedding of the latex compound (dimension 3) joined with the balloon and filling, two SiLU layers, the
    three standardised logs."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(WB_COMPOUNDS, 3)
        self.net = _mlp(8, hidden, 3, nn.SiLU)

    def forward(self, comp: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(comp), x], 1))


def water_balloon(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The balloon net on 512 balloons (targets standardised over them); held out: 2048 other balloons in batches
    of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(103302)
    c, x, y = _wb_balloons(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BalloonNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. ski wax glide friction on a snow tribometer (RAdam)

SW_WAXES = 5


def _sw_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Glide tests: the wax (0 cold hydrocarbon, best near -12 C; 1 universal, -5 C; 2 warm, -1 C; 3 fluorocarbon,
    -3 C and strongly hydrophobic; 4 unwaxed sintered base), snow temperature -20 to 0 C, air humidity 30-100%, the
    snow's grain (0 new and sharp ... 1 old, rounded), liquid water content (only near 0 C: 0-8%), speed 2-20 m/s,
    load 40-100 kg, base structure depth 0-1. Colbeck's (1992) three parts: dry friction (adhesion and ploughing:
    rising as the snow gets colder and sharper-grained, and when the wax is too soft for the snow, falling with
    speed as frictional heating makes meltwater), lubricated friction (a meltwater film's viscous shear,
    eta v / h with h growing with speed and warmth), capillary drag (rising with liquid water and fine
    structure, cut by hydrophobic waxes); the film's share of the contact h / (h + 0.2) weights the dry and lubricated
    parts. The wax's fit: a penalty of up to 80% growing with the distance of the snow
    temperature from its window (Gaussian). 5% test scatter. Returns (waxes, standardised conditions (n, 7), log mu)."""
    wax = torch.randint(0, SW_WAXES, (n,), generator=gen)
    temp = -20 * torch.rand(n, generator=gen)
    hum = 30 + 70 * torch.rand(n, generator=gen)
    grain = torch.rand(n, generator=gen)
    lwc = torch.where(temp > -1.0, 8 * torch.rand(n, generator=gen) * (1 + temp), torch.zeros(n))
    v = 2 + 18 * torch.rand(n, generator=gen)
    load = 40 + 60 * torch.rand(n, generator=gen)
    struct = torch.rand(n, generator=gen)
    best = torch.tensor([-12.0, -5.0, -1.0, -3.0, -6.0])[wax]
    width = torch.tensor([5.0, 6.0, 3.0, 7.0, 10.0])[wax]
    hydro = torch.tensor([0.7, 0.7, 0.75, 0.95, 0.4])[wax]
    fit = 1 + 0.8 * (1 - torch.exp(-(((temp - best) / width) ** 2)))
    dry = 0.03 * (1 + 0.06 * (-temp)) * (1.4 - 0.4 * grain) * fit / (1 + 0.05 * v) * (load / 70) ** 0.15
    h = 0.3 * torch.exp(temp / 6) * v**0.5 * (1 + lwc)  # the meltwater film (relative)
    lubricated = h / (h + 0.2)  # the share of the contact it carries
    wet = 0.006 * (1 + 0.5 * struct) * v**0.5 / (1 + h) * fit**0.5
    cap = 0.01 * (lwc / 4) ** 1.5 * (1.6 - hydro) * (1.3 - 0.6 * struct) * (1 + 0.003 * (hum - 60)) * (70 / load) ** 0.3
    mu = ((1 - lubricated) * dry + lubricated * wet + cap) * torch.exp(0.05 * torch.randn(n, generator=gen))
    cond = torch.stack([(temp + 10) / 5.8, (hum - 65) / 20, (grain - 0.5) / 0.29, (lwc - 0.4) / 1.3, (v - 11) / 5.2,
                        (load - 70) / 17.3, (struct - 0.5) / 0.29], 1)
    return wax, cond, torch.log(mu)


class GlideNet(nn.Module):
    """An embedding of the wax (dimension 4) joined with the test conditions, two SiLU layers, the log friction
    coefficient (standardised)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(SW_WAXES, 4)
        self.net = _mlp(11, hidden, 1, nn.SiLU)

    def forward(self, wax: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(wax), cond], 1)).squeeze(1)


def ski_wax(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The glide net on 8192 glide tests (the log coefficient standardised over them); held out: 2048 other tests in
    batches of 1024; RAdam with weight decay 1e-4."""
    gen = torch.Generator().manual_seed(103402)
    w, c, y = _sw_tests(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (w[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GlideNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((w[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr, weight_decay=1e-4),
                                "radam_wd1e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. hook-and-loop fastener peel and shear strength (RAdam; long only)

HL_MATERIALS = 3


def _hl_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Peel and shear tests of hook-and-loop tape (as in ASTM D5170 / D5169): the material (0 nylon 6.6, 1 polyester,
    2 polypropylene: hook strength 0.9 / 0.75 / 0.5 N and wear lives 3000 / 5000 / 1500 cycles), hook density 30-80
    per cm2, hook height 1.2-2.4 mm, loop pile density 0.3-1 (relative), closing pressure 5-60 kPa (a roller), cycles
    of use 0-5000, peel angle 60-180 degrees, peel speed 50-500 mm/min. The engaged hooks per cm2: density x pile
    coverage x (1 - exp(-pressure / p0)), p0 growing with the hook height; wear: hook strength x exp(-cycles /
    life), loops broken off likewise. Peel: Kendall's law F / b = G / (1 - cos theta), G the work of opening the
    engaged hooks (engaged x hook strength x opening distance ~ the hook height) x a rate factor (v / 300)^0.08,
    with a bump of up to 40% near 90 degrees (where the hooks are pulled straight out);
    shear: engaged x hook strength x a load-sharing factor falling with density. 10% test scatter (hook-and-loop
    peel traces are sawtooths; a test's mean force scatters widely). Returns
    (materials, standardised conditions (n, 7), log peel N/cm and log shear N/cm2, standardised by the caller)."""
    mat = torch.randint(0, HL_MATERIALS, (n,), generator=gen)
    dens = 30 + 50 * torch.rand(n, generator=gen)
    height = 1.2 + 1.2 * torch.rand(n, generator=gen)
    pile = 0.3 + 0.7 * torch.rand(n, generator=gen)
    press = 5 + 55 * torch.rand(n, generator=gen)
    cycles = 5000 * torch.rand(n, generator=gen)
    angle = math.radians(60) + math.radians(120) * torch.rand(n, generator=gen)
    speed = 50 + 450 * torch.rand(n, generator=gen)
    hook = torch.tensor([0.9, 0.75, 0.5])[mat]
    life = torch.tensor([3000.0, 5000.0, 1500.0])[mat]
    p0 = 8 + 10 * (height - 1.2)
    engaged = dens * pile**0.7 * (1 - torch.exp(-press / p0)) * torch.exp(-cycles / (2 * life))
    strength = hook * torch.exp(-cycles / life) * (1 + 0.2 * (height - 1.8))
    g = engaged * strength * height * 0.1 * (speed / 300) ** 0.08  # N mm per cm2 -> N / cm
    peel = g / (1 - torch.cos(angle)) * (1 + 0.4 * torch.exp(-((angle - math.radians(90)) / 0.4) ** 2))
    shear = engaged * strength * (1.2 - 0.005 * dens)
    noise = torch.exp(0.1 * torch.randn(n, 2, generator=gen))  # the sawtooth of a hook-and-loop peel trace
    y = torch.log(torch.stack([peel, shear], 1) * noise)
    cond = torch.stack([(dens - 55) / 14.4, (height - 1.8) / 0.35, (pile - 0.65) / 0.2, (press - 32.5) / 15.9,
                        (cycles - 2500) / 1443, (angle - math.radians(120)) / 0.6, (speed - 275) / 130], 1)
    return mat, cond, y


class FastenerNet(nn.Module):
    """An embedding of the fastener's material (dimension 3) joined with the test conditions, SiLU layers (three of
    48 in the plans), the standardised log peel and log shear strengths."""

    def __init__(self, hidden: int = 32, layers: int = 2) -> None:
        super().__init__()
        self.emb = nn.Embedding(HL_MATERIALS, 3)
        self.net = _mlp(10, hidden, 2, nn.SiLU, layers)

    def forward(self, mat: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(mat), cond], 1))


def hook_loop(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 48,
              layers: int = 3) -> dict[str, Any]:
    """The fastener net on 512 tests (targets standardised over them); held out: 2048 other tests in batches of
    1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(103502)
    m, c, y = _hl_tests(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (m[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FastenerNet(hidden, layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((m[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. raincoat fabric: hydrostatic head and water-vapour resistance (RAdam; long only)

RC_MEMBRANES = 5


def _rc_fabrics(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Laminated rainwear fabrics: the membrane (0 expanded PTFE, microporous, largest pore 0.2-1 um; 1 microporous
    PU, 0.5-2 um; 2 hydrophilic PU, non-porous; 3 hydrophilic polyester, non-porous; 4 PVC coating), its thickness
    10-60 um, the construction (2, 2.5 or 3 layers as 0-1), face fabric 40-150 g/m2, DWR (a fresh treatment's
    quality 0-1) and launderings 0-40, test temperature 20-35 C and relative humidity 30-90%. Hydrostatic head
    (mm of water): Young-Laplace 2 gamma cos(theta) / r_max for the porous membranes (contact angle falling from 120
    degrees as launderings contaminate them), the coating's or film's burst strength (thickness-proportional) for
    the non-porous ones. RET (m2 Pa / W, ISO 11092): a boundary-layer 2.5, the face fabric (weight-proportional,
    tripled when wetted out as the DWR is spent), the lining, and the membrane: pore diffusion for the porous ones,
    solution-diffusion for the hydrophilic ones (falling with the humidity they swell in, and temperature), nearly
    impermeable PVC. 8% test scatter. The conditions include the largest (bubble-point) pore size of the porous
    membranes, 0 for the others. Returns (membranes, standardised conditions (n, 8), log head and log RET,
    standardised by the caller)."""
    mem = torch.randint(0, RC_MEMBRANES, (n,), generator=gen)
    thick = 10 + 50 * torch.rand(n, generator=gen)
    layers = torch.rand(n, generator=gen)
    face = 40 + 110 * torch.rand(n, generator=gen)
    dwr = torch.rand(n, generator=gen)
    wash = 40 * torch.rand(n, generator=gen)
    temp = 20 + 15 * torch.rand(n, generator=gen)
    rh = 30 + 60 * torch.rand(n, generator=gen)
    u = torch.rand(n, generator=gen)
    rmax = torch.where(mem == 0, 0.2 + 0.8 * u, 0.5 + 1.5 * u)  # um
    theta = torch.deg2rad(120 - 25 * (1 - torch.exp(-wash / 15)) * torch.where(mem == 0, 0.6, 1.0))
    laplace = 2 * 0.072 * (-torch.cos(theta)) / (rmax * 1e-6) / 9.81  # mm of water (Pa / 9.81 per mm)
    film = torch.tensor([0.0, 0.0, 700.0, 600.0, 450.0])[mem] * thick * (1 + 0.3 * layers)
    head = torch.where(mem <= 1, laplace * (1 + 0.2 * layers) * (thick / 30) ** 0.2, film)
    spent = torch.sigmoid((wash / 10 - 3 * dwr) * 2)
    r_face = 0.015 * face * (1 + 2 * spent)
    r_lining = 0.8 + 1.5 * (1 - layers)
    porous = torch.tensor([0.08, 0.12, 0.0, 0.0, 0.0])[mem] * thick / (rmax + 0.2)
    swell = torch.exp(-(rh - 30) / 40) * torch.exp(-(temp - 20) / 25)
    hydro = torch.tensor([0.0, 0.0, 0.25, 0.18, 6.0])[mem] * thick * torch.where(mem == 4, 1.0, swell)
    ret = 2.5 + r_face + r_lining + porous + hydro
    noise = torch.exp(0.08 * torch.randn(n, 2, generator=gen))
    y = torch.log(torch.stack([head, ret], 1) * noise)
    pore = torch.where(mem <= 1, rmax, torch.zeros(n))  # the bubble-point pore size on the data sheet (0: none)
    cond = torch.stack([(thick - 35) / 14.4, (layers - 0.5) / 0.29, (face - 95) / 31.8, (dwr - 0.5) / 0.29,
                        (wash - 20) / 11.5, (temp - 27.5) / 4.3, (rh - 60) / 17.3, (pore - 0.5) / 0.5], 1)
    return mem, cond, y


class RainwearNet(nn.Module):
    """An embedding of the membrane (dimension 4) joined with the fabric and test conditions, two SiLU layers, the
    standardised log hydrostatic head and log RET."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(RC_MEMBRANES, 4)
        self.net = _mlp(12, hidden, 2, nn.SiLU)

    def forward(self, mem: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(mem), cond], 1))


def raincoat_fabric(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The rainwear net on 4096 tested fabrics (targets standardised over them); held out: 2048 other fabrics in
    batches of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(103602)
    m, c, y = _rc_fabrics(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (m[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RainwearNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((m[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("seesaw_swing_adamw", seesaw_swing, 300, "seesaw_swing_torque_dynamics_mlp", "adamw_wd1e-2", "finite", 32,
      seconds=0.4, start_lr=0.064),
    W("scarecrow_trial_nadam", scarecrow_trial, 300, "scarecrow_bird_deterrent_habituation_count_mlp", "nadam",
      "finite", 32, seconds=0.4, start_lr=0.064),
    W("water_balloon_radam", water_balloon, 300, "water_balloon_gent_burst_pressure_mlp", "radam", "small_finite", 32,
      seconds=0.6, start_lr=0.064),
    W("hook_loop_radam", hook_loop, 300, "hook_loop_kendall_peel_shear_mlp", "radam", "small_finite", 32,
      seconds=0.6, start_lr=0.128),
)
LONG = (
    W("ski_wax_radam@long", ski_wax, 3000, "ski_wax_colbeck_glide_friction_mlp", "radam_wd1e-4", "finite", 32,
      seconds=4.4, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("raincoat_fabric_radam@long", raincoat_fabric, 3000, "raincoat_membrane_head_ret_mlp", "radam", "finite", 32,
      seconds=3.6, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("water_balloon_radam@long", water_balloon, 3000, "water_balloon_gent_burst_pressure_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=4.9, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="water_balloon_radam"),
    W("hook_loop_radam@long", hook_loop, 3000, "hook_loop_kendall_peel_shear_mlp", "radam", "finite", 32,
      dict(train_size=2048), seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="hook_loop_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam103_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-third exam's workloads")
