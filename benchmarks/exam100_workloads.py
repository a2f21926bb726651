"""The hundredth exam: six more workload families that neither the suite nor exams 1-98 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam98_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser fixed for this exam (RMSprop or
RAdam) and a plain torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from squid and
jet propulsion, abalone shells and nacre toughness, sparklers and burn fronts, pressure cookers and cooking times,
marzipan and almond-paste texture, and mochi and rice-dough elasticity (exam 99 was built at the same time from
other domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam100/README.md``. Every model and field convention below is the author's memory (no public
code or paper was looked up for this exam).

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- squid jet propulsion from sonomicrometry (a long plan only): a feed-forward net reads the mantle diameter over
  one jet cycle (32 samples, as sonomicrometer crystals across the mantle give it, in the style of Anderson &
  DeMont's and Bartol et al.'s squid jet studies) with the animal's mean mantle diameter, funnel aperture, cycle
  period and mantle length, and predicts the jet's impulse, its slug length over the funnel diameter (L/D, the
  quantity of Gharib et al.'s formation number) and its mean jet power; the jets from a mantle-cavity volume
  model (flow = -dV/dt through the funnel, thrust = rho A u^2 with a nozzle over-pressure term at jet onset);
  MSE of the standardised logs; RMSprop with Keras's defaults as a ported Keras model would have them (rho 0.9,
  eps 1e-7)
- abalone nacre mechanics (a long plan only): an MLP from the brick-and-mortar microstructure (mineral fraction,
  tablet thickness and aspect ratio, interface thickness, tablet waviness, mineral-bridge density, hydration) to
  the log Young's modulus, tensile strength and work of fracture; the data from the tension-shear chain model
  (Jaeger & Fratzl 2000, Gao et al. 2003: stiffness), a tablet pull-out / tablet fracture strength, and a sliding
  toughness with waviness hardening (Barthelat et al. 2007), with test scatter; MSE of the standardised logs; RAdam
  (torch's defaults)
- sparkler burn fronts: an MLP from the sparkler's composition (oxidiser, steel filings, aluminium, dextrin, the
  filings' size and carbon content), coating and wire diameters, moisture and wind to the log burn-front speed, the
  spark rate and the spark-trail length; the front speed from a thermal (Zeldovich-Frank-Kamenetskii-type) flame
  theory with an adiabatic temperature set by the composition, heat losses to the wire and to the air, and a
  quenching limit; the sparks from the steel particles' d^2 burning law and carbon micro-explosions; MSE of the
  standardised logs; RMSprop (torch's defaults: alpha 0.99, eps 1e-8); two long plans (2048 and 16384 sparklers)
- pressure-cooker cooking times (a long plan only): an MLP with a food embedding (8 foods: beans, chickpeas, lentils,
  rices, potatoes, beef chuck) and the gauge pressure, altitude, piece size, soaking, water hardness, fill mass and
  burner power, to the log hold time to doneness and the log come-up time; the boiling point from Antoine's equation
  at the absolute pressure (the barometric formula for the altitude), Arrhenius softening kinetics with the come-up
  ramp's equivalent cooking subtracted, a centre-heating lag growing with the piece size squared; MSE of the
  standardised logs; RAdam (torch's defaults); 2048 recipes
- marzipan texture profile analysis: an MLP from the recipe (raw-paste share, moisture, invert sugar, almond-fat
  content, storage days, test temperature) to the 40-sample force-time curve of a two-bite TPA test (Bourne's
  texture profile analysis: hardness, cohesiveness, springiness, adhesiveness shape the curve); MSE of the force
  in units of 10 N; RMSprop (torch's defaults); a short plan (384 recipes) and a long plan (4096)
- mochi rheology, a grey-box net: an MLP maps the rice cake's recipe and history (amylose content, water, pounding,
  sugar, storage days and temperature) to the four parameters of a fractional Zener model (a spring in parallel
  with a fractional Maxwell arm, as used for starch gels), whose complex modulus gives log G' and log G'' at 12
  frequencies; the data from two fractional relaxation processes with Avrami retrogradation kinetics, rheometer
  noise; MSE of log10 moduli; RAdam (torch's defaults); a short plan (256 cakes) and two long plans (2048 and
  16384)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``). Short plans: the marzipan
and mochi nets (300 steps) on smaller pools (the mochi one in batches of 64). Of the eight long plans four use RMSprop
(squid, both sparkler plans, marzipan) and four RAdam (nacre, the pressure cooker, both mochi long plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam100_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam100/README.md).

    python benchmarks/exam100_workloads.py          # the table
    python benchmarks/exam100_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 100"


def _std(y: torch.Tensor, n: int) -> torch.Tensor:
    """Standardise each column by the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. squid jet propulsion from sonomicrometry: a dense net on the trace (RMSprop, Keras's defaults; long only)

SQ_T = 32


def _sq_jets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Jet cycles of squid (Doryteuthis-like): dorsal mantle length 5-35 cm, resting mantle diameter 18-25% of it,
    funnel aperture 12-22% of the diameter, cycle period 0.3-1.5 s. Each cycle a refill (the mantle expands from
    1 - c to 1 + h times its resting diameter, h up to 8%: hyperinflation) and a jet over a fraction 0.3-0.6 of the
    cycle (contracting back, c 3-10% for slow swimming, up to 30% in escape jets, with a skewed contraction). The
    cavity volume pi / 4 (D^2 - (0.6 D0)^2) x 0.8 ML; the jet flow Q = -dV/dt through the funnel; the jet velocity
    u = Q / A; thrust rho A u^2 (1 + 0.4 exp(-t / (0.1 t_jet))), the over-pressure at the jet's start. Targets: the
    impulse per cycle (N s), the slug length over the funnel diameter (L / D) and the jet's mean kinetic-energy
    flux (W); the scatter of measuring them (impulse and power from the wake's PIV) 6%, 5% and 8%. Inputs: the
    diameter trace (32 samples, 0.1% sonomicrometer noise) as the relative change from its mean, x 10; log mean
    diameter, log funnel aperture, log period, log mantle length."""
    ml = 0.05 + 0.30 * torch.rand(n, generator=gen)
    d0 = ml * (0.18 + 0.07 * torch.rand(n, generator=gen))
    df = d0 * (0.12 + 0.10 * torch.rand(n, generator=gen))
    period = 0.3 + 1.2 * torch.rand(n, generator=gen)
    escape = torch.rand(n, generator=gen) < 0.35
    c = torch.where(escape, 0.10 + 0.20 * torch.rand(n, generator=gen), 0.03 + 0.07 * torch.rand(n, generator=gen))
    h = 0.08 * torch.rand(n, generator=gen) ** 2
    jf = 0.3 + 0.3 * torch.rand(n, generator=gen)
    skew = 0.6 + 0.9 * torch.rand(n, generator=gen)
    fine = 256
    tau = (torch.arange(fine).float() + 0.5) / fine  # fraction of the cycle
    refill = 1 - jf.view(-1, 1)
    in_jet = tau.view(1, -1) >= refill
    pr = (tau.view(1, -1) / refill).clamp(0, 1)
    pj = ((tau.view(1, -1) - refill) / jf.view(-1, 1)).clamp(0, 1)
    lo, hi = (1 - c).view(-1, 1), (1 + h).view(-1, 1)
    rise = lo + (hi - lo) * 0.5 * (1 - torch.cos(math.pi * pr))
    fall = hi - (hi - lo) * 0.5 * (1 - torch.cos(math.pi * pj ** skew.view(-1, 1)))
    d = d0.view(-1, 1) * torch.where(in_jet, fall, rise)
    vol = math.pi / 4 * (d**2 - (0.6 * d0.view(-1, 1)) ** 2) * 0.8 * ml.view(-1, 1)
    dt = (period / fine).view(-1, 1)
    q = (-(torch.roll(vol, -1, 1) - vol) / dt).clamp_min(0) * in_jet
    area = math.pi / 4 * df.view(-1, 1) ** 2
    u = q / area
    tj = (tau.view(1, -1) - refill).clamp_min(0) * period.view(-1, 1)
    thrust = 1000 * area * u**2 * (1 + 0.4 * torch.exp(-tj / (0.1 * (jf * period).view(-1, 1))))
    impulse = (thrust * dt).sum(1)
    slug = (u * dt).sum(1) / df
    power = (0.5 * 1000 * area * u**3 * dt).sum(1) / period  # the jet's mean kinetic-energy flux (W)
    y = torch.stack([torch.log(impulse) + 0.06 * torch.randn(n, generator=gen),
                     torch.log(slug) + 0.05 * torch.randn(n, generator=gen),
                     torch.log(power) + 0.08 * torch.randn(n, generator=gen)], 1)
    trace = d[:, fine // (2 * SQ_T)::fine // SQ_T]
    trace = trace * (1 + 0.001 * torch.randn(trace.shape, generator=gen))
    mean = trace.mean(1, keepdim=True)
    x = (10 * (trace / mean - 1)).unsqueeze(1)
    s = torch.stack([(torch.log(mean.squeeze(1)) + 3.2) / 0.5, (torch.log(df) + 5.2) / 0.6,
                     (torch.log(period) + 0.35) / 0.45, (torch.log(ml) + 1.9) / 0.55], 1)
    return x, s, y


class SquidJetNet(nn.Module):
    """A feed-forward net on the resampled trace: the 32 diameter samples joined with the four scalars, two GELU
    layers of 64, and the three outputs."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(SQ_T + 4, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 3))

    def forward(self, trace: torch.Tensor, scalars: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([trace.flatten(1), scalars], 1))


def jet_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log impulse, log L / D and log jet power."""
    x, s, y = batch
    return F.mse_loss(model(x, s), y)


def squid_jet(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The jet net on 8192 recorded cycles, targets standardised over them; held out: 2048 other cycles in batches
    of 1024; RMSprop with Keras's defaults (rho 0.9, eps 1e-7)."""
    gen = torch.Generator().manual_seed(100102)
    x, s, y = _sq_jets(train_size + 2048, gen)
    y = _std(y, train_size)
    n = train_size
    tr = (x[:n], s[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": SquidJetNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], s[n:], y[n:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-7),
                                "rmsprop_a0.9_eps1e-7"),
            "loss_fn": jet_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. abalone nacre: stiffness, strength and toughness of the brick-and-mortar structure (RAdam; long only)


def _nc_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Nacre-like microstructures: mineral (aragonite) volume fraction 0.80-0.97, tablet thickness 0.3-0.8 um,
    aspect ratio 5-30, organic interface 10-40 nm, tablet waviness 0-10 degrees, mineral-bridge density 0-1, wet
    or dry. The tension-shear chain: 1 / E = 4 (1 - phi) / (G_p phi^2 rho^2) + 1 / (phi E_m), E_m 100 GPa, the
    protein's shear modulus 1.5 GPa dry, 0.5 GPa wet, stiffer with bridges and thinner interfaces. Strength: the
    lesser (smoothly) of tablet pull-out phi rho tau / 2 (tau 10-40 MPa with hydration, bridges and waviness) and
    tablet fracture phi sigma_t / 2 (sigma_t falling with the tablet thickness, Gao's flaw tolerance). Work of
    fracture: a brittle 20 J/m2 plus, when the tablets pull out, the sliding energy spread by waviness hardening
    (Barthelat's locking): the pull-out strength x the sliding distance x a process-zone height growing with
    (1 + 8 sin theta)^2, more when wet. Test scatter 1.5% (E), 2% (strength), 3% (toughness). Returns (standardised
    features (n, 7), log E (GPa), log strength (MPa), log work of fracture (J/m2))."""
    phi = 0.80 + 0.17 * torch.rand(n, generator=gen)
    t = 0.3 + 0.5 * torch.rand(n, generator=gen)
    rho = 5 + 25 * torch.rand(n, generator=gen)
    hi = 10 + 30 * torch.rand(n, generator=gen)
    wav = 10 * torch.rand(n, generator=gen)
    br = torch.rand(n, generator=gen)
    wet = (torch.rand(n, generator=gen) < 0.5).float()
    gp = (1.5 - 1.0 * wet) * (1 + 0.5 * br) * (25 / hi) ** 0.5
    e = 1 / (4 * (1 - phi) / (gp * phi**2 * rho**2) + 1 / (phi * 100))
    th = torch.sin(torch.deg2rad(wav))
    tau = (30 - 15 * wet) * (1 + 0.6 * br) * (1 + 3 * th)
    s_po = phi * rho * tau / 2
    s_t = 700 / (1 + 2 * (t - 0.3))
    s_tf = phi * s_t / 2
    strength = -0.08 * s_tf * torch.logsumexp(torch.stack([-s_po, -s_tf], 1) / (0.08 * s_tf.view(-1, 1)), 1)
    pull = torch.sigmoid((s_tf - s_po) / (0.1 * s_tf))
    slide = s_po * 1e6 * (rho * t * 1e-6 / 4) * (1 + 8 * th) ** 2 * (1 + 0.8 * wet) * 40 * (t / 0.5)
    wof = 20 + pull * slide / (1 + 0.3 * br)
    y = torch.stack([torch.log(e) + 0.015 * torch.randn(n, generator=gen),
                     torch.log(strength) + 0.02 * torch.randn(n, generator=gen),
                     torch.log(wof) + 0.03 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([(phi - 0.885) / 0.049, (t - 0.55) / 0.144, (rho - 17.5) / 7.2, (hi - 25) / 8.7, (wav - 5) / 2.9,
                     (br - 0.5) / 0.29, 2 * wet - 1], 1)
    return x, y


class NacreNet(nn.Module):
    """An MLP 7-64-64-3 with SiLU activations from the microstructure to the three log properties."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def props_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log properties."""
    x, y = batch
    return F.mse_loss(model(x), y)


def nacre_mechanics(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The nacre net on 2048 tested microstructures, targets standardised over them; held out: 2048 others in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(100202)
    x, y = _nc_samples(train_size + 2048, gen)
    y = _std(y, train_size)
    n = train_size
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": NacreNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": props_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. sparkler burn fronts: front speed, spark rate and trail length (RMSprop)


def _sp_sparklers(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sparklers: the coating's oxidiser (barium nitrate) 40-60%, steel filings 20-40%, aluminium 0-10% and dextrin
    5-20% (renormalised), the filings' size 100-400 um and carbon content 0.1-0.8%, the coating diameter 3-6 mm, the
    wire 0.8-1.6 mm, moisture 0-3%, wind 0-3 m/s. The flame temperature: 300 K plus the heat of the dextrin and
    aluminium burning with the nitrate (peaking at the stoichiometric ratio), divided by the heat capacity of the
    whole coating (the filings an inert sink), less the moisture's evaporation and the losses to the wire
    ((d_w / D_c)^2) and to the wind (over D_c). The front speed: 4 mm/s x exp(-Ta / 2 (1 / T_f - 1 / 2000 K)),
    Ta 16,000 K, times a quenching factor sigmoid((T_f - 1050 K) / 100 K), plus 0.1 mm/s (smouldering). The spark
    rate (per second): the filings fed per second x (burning ones, more with a hot front) x (1 + 6 carbon)
    branching, over the particle's mass; the trail length: the d^2 law (burn time ~ d^2) x the ejection speed,
    less for high-carbon steel (bursting early). Scatter 3% on the speed, 6% on the spark rate (counted from
    video), 4% on the trail. Returns (features
    (n, 10), standardised by the caller, and log speed, log rate, log trail)."""
    ox = 0.40 + 0.20 * torch.rand(n, generator=gen)
    fe = 0.20 + 0.20 * torch.rand(n, generator=gen)
    al = 0.10 * torch.rand(n, generator=gen)
    dx = 0.05 + 0.15 * torch.rand(n, generator=gen)
    tot = ox + fe + al + dx
    ox, fe, al, dx = ox / tot, fe / tot, al / tot, dx / tot
    dfe = 100 + 300 * torch.rand(n, generator=gen)
    carb = 0.1 + 0.7 * torch.rand(n, generator=gen)
    dc = 3 + 3 * torch.rand(n, generator=gen)
    dw = 0.8 + 0.8 * torch.rand(n, generator=gen)
    moist = 3 * torch.rand(n, generator=gen)
    wind = 3 * torch.rand(n, generator=gen)
    fuel = dx + 1.6 * al  # oxygen demand, in dextrin equivalents
    ratio = fuel / (0.45 * ox)  # 1 = stoichiometric
    burnt = torch.minimum(fuel, 0.45 * ox) * (1 - 0.15 * F.relu(ratio - 1))
    heat = 17.0 * burnt + 9.0 * al  # MJ per kg of coating (the aluminium also burns in air)
    cp = 1.2 * (ox + dx + al) + 0.55 * fe  # kJ / kg K
    tf = 300 + 1000 * heat / cp * 0.55 - 60 * moist - 900 * (dw / dc) ** 2 - 60 * wind / dc
    speed = 4.0 * torch.exp(-8000 * (1 / tf.clamp_min(500) - 1 / 2000)) * torch.sigmoid((tf - 1050) / 100) + 0.1
    feed = speed * dc**2 * fe / (dfe * 1e-3) ** 3
    rate = 0.02 * feed * torch.sigmoid((tf - 1500) / 150) * (1 + 6 * carb)
    trail = 25 * (dfe / 250) ** 2 * (tf / 2000) ** 0.5 / (1 + 1.5 * carb)
    y = torch.stack([torch.log(speed) + 0.03 * torch.randn(n, generator=gen),
                     torch.log(rate) + 0.06 * torch.randn(n, generator=gen),
                     torch.log(trail) + 0.04 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([ox, fe, al, dx, dfe / 100, carb, dc, dw, moist, wind], 1)
    return x, y


class SparklerNet(nn.Module):
    """An MLP 10-64-64-3 with GELU activations from the sparkler's recipe and conditions to the three logs."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sparkler_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log front speed, spark rate and trail length."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sparkler_front(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The sparkler net on 2048 burnt sparklers, features and targets standardised over them; held out: 2048 other
    sparklers in batches of 1024; RMSprop (torch's defaults)."""
    gen = torch.Generator().manual_seed(100302)
    x, y = _sp_sparklers(train_size + 2048, gen)
    n = train_size
    x, y = _std(x, n), _std(y, n)
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": SparklerNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": sparkler_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pressure-cooker cooking times: Antoine boiling point, Arrhenius softening (RAdam)

PC_FOODS = 8
# per food: minutes to doneness in an open pot at 100 C (soaked legumes), activation energy (kJ/mol), the
# centre-heating lag at the reference piece size (min), the soaking factor's strength (unsoaked legumes cook 2-3x
# longer; 0 for the rest), the water-hardness effect: black beans, chickpeas, kidney beans, lentils, brown rice,
# white rice, potato chunks, beef chuck
PC_T100 = torch.tensor([60.0, 90.0, 75.0, 25.0, 45.0, 17.0, 18.0, 150.0])
PC_EA = torch.tensor([105.0, 100.0, 110.0, 90.0, 75.0, 70.0, 115.0, 85.0])
PC_LAG = torch.tensor([3.0, 4.0, 3.5, 1.5, 2.0, 1.5, 6.0, 12.0])
PC_SOAK = torch.tensor([1.6, 1.8, 1.7, 0.5, 0.3, 0.0, 0.0, 0.0])
PC_HARD = torch.tensor([0.5, 0.6, 0.5, 0.3, 0.05, 0.05, 0.1, 0.0])


def _boil_c(p_kpa: torch.Tensor) -> torch.Tensor:
    """Water's boiling point (C) at an absolute pressure (kPa), by Antoine's equation (the 1-100 C constants
    8.07131, 1730.63, 233.426, mmHg; used a little above 100 C here)."""
    return 1730.63 / (8.07131 - torch.log10(p_kpa * 7.50062)) - 233.426


def _pc_recipes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pressure-cooker recipes: one of 8 foods, a gauge pressure of 0 (an open pot), 35-105 kPa, altitude 0-3500 m
    (the ambient pressure by the barometric formula), piece size 0.5-2 x the reference, soaking 0-12 h (legumes),
    water hardness 0-1, a fill of 1-4 kg of water and food, a burner or element of 0.8-2.5 kW. The come-up time:
    the fill's heat from 20 C to the boiling point over 70% of the power, plus 1.5 min venting. The hold time: the
    softening's equivalent minutes at 100 C (the food's time, x the soaking factor 1 + s exp(-hours / 4), x (1 + h
    hardness), x the size^1.3), less the equivalent minutes of the come-up ramp (Arrhenius-weighted over it), over
    the rate exp(-Ea / R (1 / T - 1 / 373 K)) at the boiling point, plus the centre lag x size^2 (conduction), at
    least 1 minute. Doneness judged by a texture test: 3% scatter on the hold time, 2% on the come-up. Returns (food
    ids, standardised conditions (n, 7), log hold time and log come-up time (min))."""
    food = torch.randint(0, PC_FOODS, (n,), generator=gen)
    open_pot = torch.rand(n, generator=gen) < 0.1
    pg = torch.where(open_pot, torch.zeros(n), 35 + 70 * torch.rand(n, generator=gen))
    alt = 3500 * torch.rand(n, generator=gen) ** 1.5
    size = 0.5 * 4 ** torch.rand(n, generator=gen)
    soak = 12 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.7)
    hard = torch.rand(n, generator=gen)
    fill = 1 + 3 * torch.rand(n, generator=gen)
    power = 0.8 + 1.7 * torch.rand(n, generator=gen)
    pa = 101.325 * (1 - 2.25577e-5 * alt) ** 5.25588
    tb = _boil_c(pa + pg)
    up = fill * 4.0 * (tb - 20) / (0.7 * power) / 60 + 1.5
    ea = PC_EA[food] * 1000 / 8.314
    need = (PC_T100[food] * (1 + PC_SOAK[food] * torch.exp(-soak / 4)) * (1 + PC_HARD[food] * hard)
            * size**1.3)
    ramp = torch.linspace(0.0625, 0.9375, 8).view(1, -1)
    temp = 20 + (tb.view(-1, 1) - 20) * ramp
    during = up * torch.exp(-ea.view(-1, 1) * (1 / (temp + 273.15) - 1 / 373.15)).mean(1) * 0.8
    rate = torch.exp(-ea * (1 / (tb + 273.15) - 1 / 373.15))
    hold = F.softplus((need - during) / rate - 1, beta=1.0) + 1 + PC_LAG[food] * size**2
    y = torch.stack([torch.log(hold) + 0.03 * torch.randn(n, generator=gen),
                     torch.log(up) + 0.02 * torch.randn(n, generator=gen)], 1)
    cond = torch.stack([(pg - 63) / 33, (alt - 1400) / 1000, torch.log2(size) / 0.58, (soak - 4.2) / 4.5,
                        (hard - 0.5) / 0.29, (fill - 2.5) / 0.87, (power - 1.65) / 0.49], 1)
    return food, cond, y


class CookerNet(nn.Module):
    """An MLP with a learned food embedding (dimension 4) joined with the seven conditions, two SiLU layers of 64,
    and the two log times."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(PC_FOODS, 4)
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, food: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(food), cond], 1))


def cook_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log hold and come-up times."""
    food, cond, y = batch
    return F.mse_loss(model(food, cond), y)


def pressure_cooker(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The cooker net on 2048 timed recipes, targets standardised over them; held out: 2048 other recipes in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(100402)
    food, cond, y = _pc_recipes(train_size + 2048, gen)
    n = train_size
    y = _std(y, n)
    tr = (food[:n], cond[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": CookerNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((food[n:], cond[n:], y[n:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": cook_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. marzipan texture profile analysis: the two-bite force curve (RMSprop)

MZ_PTS = 40


def _mz_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Marzipan recipes: the raw paste's share 50-90% (the rest sugar: from a plain 50:50 marzipan to a 90:10 one),
    moisture 8-17%, invert sugar / glucose syrup 0-10% of the sugar, the raw paste's almond fat 28-36%, storage
    0-60 days (drying and sucrose crystallisation, Avrami-like), test temperature 15-30 C. Texture profile analysis
    (two compressions to 50% strain, 2 s each with 1 s between, 40 samples): the hardness (the first peak, N)
    rises with the sugar, falls exponentially with moisture and with fat (and fat softening with temperature),
    rises with crystallisation; the cohesiveness (second to first area) 0.15-0.5, springiness 0.2-0.7 (the height
    recovered: the second bite's contact starts later), adhesiveness (a negative dip after each withdrawal) larger
    when moist and with invert sugar. Sample-to-sample scatter of 1% in the hardness, force-gauge noise 0.05 N.
    Returns (standardised recipe (n, 6), force / 10 N (n, 40))."""
    paste = 0.5 + 0.4 * torch.rand(n, generator=gen)
    moist = 8 + 9 * torch.rand(n, generator=gen)
    inv = 0.10 * torch.rand(n, generator=gen)
    fat = 28 + 8 * torch.rand(n, generator=gen)
    days = 60 * torch.rand(n, generator=gen)
    temp = 15 + 15 * torch.rand(n, generator=gen)
    sugar = 1 - paste
    cryst = (1 - torch.exp(-((days / 25) ** 1.5) * (1 - 5 * inv).clamp_min(0.2))) * sugar / 0.5
    fatpart = paste * fat / 100
    hard = (30 * torch.exp(-0.18 * (moist - 12)) * (1 + 1.5 * sugar) * (1 + 1.2 * cryst)
            * torch.exp(-2.5 * (fatpart - 0.2)) * torch.exp(-0.02 * (temp - 20)))
    coh = 0.15 + 0.35 * torch.sigmoid(0.5 * (moist - 12) + 3 * (fatpart - 0.2) - 1.5 * cryst)
    spring = 0.2 + 0.5 * torch.sigmoid(0.4 * (moist - 12) + 4 * inv - 2 * cryst)
    adh = 0.08 * hard * torch.sigmoid(0.6 * (moist - 13) + 12 * inv) * (1 + 0.03 * (temp - 20))
    ex = 1.6 + 0.8 * cryst + 0.5 * sugar
    t = torch.linspace(0, 5, MZ_PTS).view(1, -1)

    def bite(start: float, peak: torch.Tensor, onset: torch.Tensor) -> torch.Tensor:
        s = ((t - start) / 1.0).clamp(0, 2)
        strain = torch.where(s < 1, s, 2 - s)  # down 1 s, up 1 s
        eff = ((strain - onset.view(-1, 1)) / (1 - onset.view(-1, 1))).clamp_min(0)
        load = torch.where(s < 1, eff ** ex.view(-1, 1), 0.5 * eff ** (2 * ex.view(-1, 1)))
        dip = torch.exp(-(((s - 1.75) / 0.12) ** 2)) * (s > 1).float()
        on = ((t >= start) & (t <= start + 2)).float()
        return on * (peak.view(-1, 1) * load - adh.view(-1, 1) * dip)

    hard = hard * torch.exp(0.01 * torch.randn(n, generator=gen))  # sample-to-sample scatter
    f = bite(0.0, hard, torch.zeros(n)) + bite(3.0, hard * coh ** 0.7, 1 - spring)
    f = f + 0.05 * torch.randn(f.shape, generator=gen)
    x = torch.stack([(paste - 0.7) / 0.115, (moist - 12.5) / 2.6, (inv - 0.05) / 0.029, (fat - 32) / 2.3,
                     (days - 30) / 17.3, (temp - 22.5) / 4.3], 1)
    return x, f / 10


class MarzipanTPANet(nn.Module):
    """An MLP 6-64-64-40 with GELU activations from the recipe to the TPA force curve."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, MZ_PTS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def force_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the force (in 10 N) over the curve."""
    x, f = batch
    return F.mse_loss(model(x), f)


def marzipan_tpa(batch_size: int = 32, seed: int = 0, train_size: int = 384, hidden: int = 64) -> dict[str, Any]:
    """The TPA net on 384 tested marzipans; held out: 2048 other tests in batches of 1024; RMSprop (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(100502)
    x, f = _mz_tests(train_size + 2048, gen)
    n = train_size
    tr = (x[:n], f[:n])
    torch.manual_seed(seed)
    return {"model": MarzipanTPANet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], f[n:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": force_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. mochi rheology: a grey-box net around a fractional Zener model (RAdam)

MO_W = torch.logspace(-1, 2, 12)  # rad/s


def _frac(w: torch.Tensor, tau: torch.Tensor, alpha: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """z / (1 + z) for z = (i w tau)^alpha: its real and imaginary parts (broadcast over rows and frequencies)."""
    x = (w * tau) ** alpha
    c, s = torch.cos(alpha * math.pi / 2), torch.sin(alpha * math.pi / 2)
    zr, zi = x * c, x * s
    den = (1 + zr) ** 2 + zi**2
    return (zr * (1 + zr) + zi**2) / den, zi / den


def _mo_cakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rice cakes: amylose 0-20% of the starch (glutinous mochigome near 0, blends with non-glutinous rice above),
    water 40-55%, pounding 1-10 min, sugar 0-40% (gyuhi), storage 0-7 days at 2-25 C. Retrogradation: Avrami, theta =
    1 - exp(-(k t)^1.2), k fastest near 4 C, faster with amylose, slower with sugar. The moduli: an equilibrium
    network (crystallites: G_e grows with theta and amylose), an entangled amylopectin process (a fractional Maxwell
    arm, G_1 falling with water and rising with pounding, alpha 0.3-0.5) and a faster water-mediated process
    (another arm, G_2, tau_2 short); frequencies 0.1-100 rad/s, 12 points; rheometer scatter 0.02 in log10 (about
    5%). Returns (standardised recipe (n, 6), log10 G' and log10 G'' (Pa) (n, 24))."""
    am = 20 * torch.rand(n, generator=gen) ** 1.5
    water = 40 + 15 * torch.rand(n, generator=gen)
    pound = 1 + 9 * torch.rand(n, generator=gen)
    sugar = 40 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.6)
    days = 7 * torch.rand(n, generator=gen)
    temp = 2 + 23 * torch.rand(n, generator=gen)
    k = 0.5 * torch.exp(-(((temp - 4) / 9) ** 2)) * (1 + 0.08 * am) / (1 + 0.04 * sugar)
    theta = 1 - torch.exp(-((k * days) ** 1.2))
    ge = 300 * (1 + 0.1 * am) * (0.05 + 3 * theta) * torch.exp(-0.08 * (water - 47))
    g1 = 2e4 * torch.exp(-0.12 * (water - 47)) * (1 + 0.15 * (pound - 5)).clamp_min(0.3) * (1 + 0.6 * theta) \
        / (1 + 0.01 * sugar)
    a1 = 0.30 + 0.2 * torch.sigmoid((water - 47) / 3) - 0.1 * theta
    t1 = 2.0 * torch.exp(0.1 * (am - 5)) * (1 + 2 * theta) * torch.exp(-0.1 * (water - 47))
    g2 = 0.3 * g1 * (1 + 0.02 * sugar)
    t2 = 0.02 * torch.exp(-0.05 * (water - 47))
    w = MO_W.view(1, -1)
    r1, i1 = _frac(w, t1.view(-1, 1), a1.view(-1, 1))
    r2, i2 = _frac(w, t2.view(-1, 1), torch.full((n, 1), 0.7))
    gp = ge.view(-1, 1) + g1.view(-1, 1) * r1 + g2.view(-1, 1) * r2
    gpp = g1.view(-1, 1) * i1 + g2.view(-1, 1) * i2 + 0.05 * ge.view(-1, 1)
    y = torch.cat([torch.log10(gp), torch.log10(gpp)], 1) + 0.02 * torch.randn(n, 24, generator=gen)
    x = torch.stack([(am - 8) / 5.5, (water - 47.5) / 4.3, (pound - 5.5) / 2.6, (sugar - 12) / 13.5,
                     (days - 3.5) / 2.0, (temp - 13.5) / 6.6], 1)
    return x, y


class MochiZenerNet(nn.Module):
    """The grey-box net: a tanh MLP 6-48-48-4 gives the fractional Zener parameters (log10 G_e, log10 G_c about
    3.5, alpha in (0, 1) by a sigmoid, log10 tau), and the model's complex modulus gives log10 G' and G''."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        ge = 10 ** (2.5 + p[:, 0:1])
        gc = 10 ** (3.5 + p[:, 1:2])
        alpha = torch.sigmoid(p[:, 2:3] - 0.5)
        tau = 10 ** p[:, 3:4]
        r, i = _frac(MO_W.view(1, -1), tau, alpha)
        gp = ge + gc * r
        gpp = gc * i + 1e-3 * ge
        return torch.cat([torch.log10(gp), torch.log10(gpp)], 1)


def moduli_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log10 G' and log10 G'' over the frequencies."""
    x, y = batch
    return F.mse_loss(model(x), y)


def mochi_rheology(batch_size: int = 32, seed: int = 0, train_size: int = 256, hidden: int = 48) -> dict[str, Any]:
    """The grey-box net on 256 frequency sweeps; held out: 2048 other cakes in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(100602)
    x, y = _mo_cakes(train_size + 2048, gen)
    n = train_size
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": MochiZenerNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": moduli_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
L5 = (0.0, 0.05)
EXAM = (
    W("marzipan_tpa_rmsprop", marzipan_tpa, 300, "marzipan_tpa_force_curve_mlp", "rmsprop", "small_finite", 32,
      seconds=0.16, start_lr=0.016),
    W("mochi_rheology_radam", mochi_rheology, 300, "mochi_fractional_zener_greybox_rheology", "radam",
      "small_finite", 64, seconds=0.33, start_lr=0.256),
)
LONG = (
    W("squid_jet_rmsprop@long", squid_jet, 3000, "squid_sonomicrometry_jet_mlp", "rmsprop_a0.9_eps1e-7", "finite",
      32, seconds=1.7, start_lr=0.004, grid_fractions=L5),
    W("sparkler_front_rmsprop@long", sparkler_front, 3000, "sparkler_burn_front_spark_mlp", "rmsprop", "finite", 32,
      seconds=1.5, start_lr=0.016, grid_fractions=L5),
    W("sparkler_front_rmsprop_big@long", sparkler_front, 3000, "sparkler_burn_front_spark_mlp", "rmsprop", "finite",
      32, dict(train_size=16384), seconds=1.5, start_lr=0.016, grid_fractions=L5),
    W("marzipan_tpa_rmsprop@long", marzipan_tpa, 3000, "marzipan_tpa_force_curve_mlp", "rmsprop", "finite", 32,
      dict(train_size=4096), seconds=1.5, start_lr=0.008, grid_fractions=L5, long_of="marzipan_tpa_rmsprop"),
    W("nacre_mechanics_radam@long", nacre_mechanics, 3000, "abalone_nacre_tension_shear_chain_mlp", "radam",
      "finite", 32, seconds=1.6, start_lr=0.016, grid_fractions=L5),
    W("pressure_cooker_radam@long", pressure_cooker, 3000, "pressure_cooker_antoine_arrhenius_cook_time_mlp",
      "radam", "finite", 32, seconds=2.0, start_lr=0.016, grid_fractions=L5),
    W("mochi_rheology_radam@long", mochi_rheology, 3000, "mochi_fractional_zener_greybox_rheology", "radam",
      "finite", 32, dict(train_size=2048), seconds=2.9, start_lr=0.032, grid_fractions=L5,
      long_of="mochi_rheology_radam"),
    W("mochi_rheology_radam_big@long", mochi_rheology, 3000, "mochi_fractional_zener_greybox_rheology", "radam",
      "finite", 32, dict(train_size=16384), seconds=2.9, start_lr=0.064, grid_fractions=L5),
)

REGISTRY = Registry(EXAM, LONG, "exam100_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundredth exam's workloads")
