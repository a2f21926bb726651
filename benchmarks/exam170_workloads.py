"""The hundred-and-seventieth exam: six more workload families that neither the suite nor exams 1-168 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam168_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from paddling pools and water warming, sunglasses and lens tint, machetes and
brush clearing, spanners and nut rounding, rocking horses and rocking motion, and bubble wands and bubble size
(exam 169 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam170/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); constants are partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- paddling-pool warming (a long plan only): a grey-box net for a garden paddling pool filled from the hose in the
  morning: a small MLP maps the pool (diameter, depth, liner colour, cover, ground, the tree's afternoon shade) and
  the day's mean weather to the five coefficients of the owner's linearised one-node heat balance (solar
  absorptance, a still-air and a wind loss coefficient, an evaporation coefficient, a constant loss) and a small
  hourly correction; the balance is solved in closed form hour by hour through the day's measured weather (sun,
  air temperature, wind, humidity) from the hose water's temperature to the water temperature at the end of each
  of 10 hours; the data from a richer balance (light passing to the liner, nonlinear evaporation, wall and ground
  losses, a cover's greenhouse); MSE; Adam (torch's defaults)
- photochromic sunglasses: a causal dilated 1-D CNN (a TCN) over a 64-sample walk (10 s a sample: indoors, outdoors,
  shade) from the UV irradiance, the lens temperature, the lens chemistry and its age to the lens's luminous
  transmittance at each sample; two photochromic forms activated by UV and fading thermally (Arrhenius: a warm lens
  darkens less and clears faster), fatigue with age; MSE; Adam (torch's defaults)
- machete brush clearing (a long plan only): a wide-and-deep net over a clearing crew's log (the species, the worker
  and the machete model as embeddings and a wide species x machete cross, the stem's diameter, green or dead wood,
  hours since sharpening, slope, hours into the shift) to the log blows a stem takes and the log seconds a clump of
  stems takes; the blow's energy from the blade and the worker's tip speed (falling with fatigue and footing), the
  cut depth per blow against the wood's toughness, the edge dulling with use (faster on hard species, and thin
  edges chipping there); MSE; Adagrad (torch's defaults)
- spanner nut rounding: an MLP classifies a try at undoing a nut (across-flats 10-24 mm, open-ended, 6-point ring,
  12-point ring or adjustable spanner, the jaw clearance, the nut's property class, corrosion, penetrating oil, the
  lever and the pull) into loosened, corners rounded, spanner slipped off, bolt sheared and did not budge; the
  outcome is whichever capacity (breakaway, rounding, slip-off, shear torque) the hand's torque meets first; the
  rounding torque falls steeply with clearance and is lowest for open and adjustable jaws; cross-entropy; SGD with
  Nesterov momentum 0.9 and weight decay 1e-4
- rocking-horse rocking: a GRU over 24 samples (4 Hz) of the child's torso lean (an IMU on the child) with the horse
  and child as constant inputs to the horse's rocking angle at each sample; a rolling rocker (radius R) driven by
  the child's lean (its weight shift and the reaction of throwing the torso), rolling resistance and joint damping;
  MSE; RMSprop (torch's defaults)
- bubble-wand bubble size: an embedding net with a LayerNorm residual block over a bubble-toy maker's test log
  (the washing-up liquid's brand, the additive and the wand as embeddings; the soap and additive doses, the wave
  speed, humidity, temperature and the solution's age) to the log bubble diameter and the log bubble lifetime; a
  film tube pulled from the ring until it pinches off (longer with speed above a critical speed, and with the
  additive's extensional viscosity), drainage and evaporation setting the lifetime; MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the paddling-pool and
machete nets (no short plans), the spanner classifier on 16384 tries from a torque-controlled rig (3% scatter on
each capacity instead of 12%) instead of 2048 bench tries, in batches of 64, and the bubble net on 16384 camera-rig
tests (0.03 scatter on each log instead of 0.1) instead of 2048 hand-held ones, in batches of 32 (both with 32 units
instead of 64).

Of the eight plans, three use Adagrad (both bubble plans, machete), two Adam (sunglasses, paddling pool), two SGD
with Nesterov momentum (both spanner plans) and one RMSprop (rocking horse).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam170_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam170/README.md).

    python benchmarks/exam170_workloads.py          # the table
    python benchmarks/exam170_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 170"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _esat(t: torch.Tensor) -> torch.Tensor:
    """Saturation vapour pressure (kPa) at t (C), the Tetens / Magnus form."""
    return 0.611 * torch.exp(17.27 * t / (t + 237.3))


# --------------------------------------------------------------------------------------------------------------
# 1. paddling-pool warming, a grey-box heat balance (Adam; long only)

PP_HOURS = 10  # 08:00-18:00
PP_RHOC = 4.18e6  # J / (m3 K)


def _pp_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Garden paddling pools filled from the hose at 08:00 and logged hourly: diameter 1.5-3 m, fill depth 0.15-0.5
    m, liner (blue, white, green, black: absorptance 0.6, 0.4, 0.75, 0.9), cover (none, bubble cover, opaque lid),
    ground (grass, patio, groundsheet), a tree shading a share 0-0.6 of the pool after 13:00, hose water 10-18 C.
    Weather per hour: a clear-sky sun of 900 W/m2 at noon dimmed by the day's cloud (and passing clouds), the air
    from the day's maximum (18-32 C at 15:00), wind 0.3-4.5 m/s, humidity 30-80%. The true balance (4 steps an
    hour): the sun absorbed partly by the water and partly by the liner through it (the liner's share falling with
    depth), through the cover's transmission; convection (3 + 3.5 wind) and longwave (5.5 W/m2K and a sky deficit
    falling with cloud), both cut by a cover; Magnus evaporation (8 (5 + 4.5 wind) kPa deficit W/m2, nearly stopped
    by a cover); the inflatable wall's loss (4 W/m2K over the wall's area); the ground (grass at 15 C, a patio warmed
    by the sun, a groundsheet insulating). Thermometer 0.15 C. Returns (pool features (n, 13), hose temperature (n,),
    weather (n, 10, 5): sun / 1000, air (C), wind, humidity, shade share; water temperatures (n, 10))."""
    dia = 1.5 + 1.5 * torch.rand(n, generator=gen)
    depth = 0.15 + 0.35 * torch.rand(n, generator=gen)
    liner = torch.randint(0, 4, (n,), generator=gen)
    cover = torch.randint(0, 3, (n,), generator=gen)
    ground = torch.randint(0, 3, (n,), generator=gen)
    shade = 0.6 * torch.rand(n, generator=gen)
    t0 = 10 + 8 * torch.rand(n, generator=gen)
    cloud = torch.rand(n, generator=gen) ** 1.5
    tmax = 18 + 14 * torch.rand(n, generator=gen)
    wind0 = 0.3 + 4.2 * torch.rand(n, generator=gen)
    rh0 = 0.3 + 0.5 * torch.rand(n, generator=gen)
    h = torch.arange(PP_HOURS).float() + 8.5
    sun = 900 * torch.sin(math.pi * (h - 6) / 14).clamp_min(0).view(1, -1)
    sun = sun * (1 - 0.75 * cloud.view(-1, 1) * (0.5 + torch.rand(n, PP_HOURS, generator=gen))).clamp(0.05, 1)
    air = tmax.view(-1, 1) - 7 * (1 - torch.sin(math.pi * (h - 8) / 14)).view(1, -1)
    wind = wind0.view(-1, 1) * (0.7 + 0.6 * torch.rand(n, PP_HOURS, generator=gen))
    rh = (rh0.view(-1, 1) - 0.1 * torch.sin(math.pi * (h - 8) / 14).view(1, -1)).clamp(0.15, 0.95)
    shaded = shade.view(-1, 1) * (h >= 13).float().view(1, -1)
    absorb = torch.tensor([0.6, 0.4, 0.75, 0.9])[liner]
    tau = torch.tensor([1.0, 0.85, 0.15])[cover]
    cut = torch.tensor([1.0, 0.45, 0.3])[cover]
    evap_cut = torch.tensor([1.0, 0.06, 0.1])[cover]
    a_eff = 0.35 + 0.65 * absorb * (0.5 + 0.5 * torch.exp(-depth / 0.4))
    wall = 4 * math.pi * dia * depth / (math.pi * dia**2 / 4)
    g_ground = torch.tensor([8.0, 12.0, 4.0])[ground]
    t = t0.clone()
    out = []
    for k in range(PP_HOURS):
        s, ta, u, r = sun[:, k], air[:, k], wind[:, k], rh[:, k]
        t_ground = torch.where(ground == 1, ta + 0.012 * s, torch.full_like(ta, 15.0))
        for _ in range(4):
            q = a_eff * s * (1 - shaded[:, k]) * tau
            loss = cut * ((3 + 3.5 * u) * (t - ta) + 5.5 * (t - ta) + 70 * (1 - 0.7 * cloud))
            evap = evap_cut * 8 * (5 + 4.5 * u) * (_esat(t) - r * _esat(ta))
            net = q - loss - evap - wall * (t - ta) - g_ground * (t - t_ground)
            t = t + 900 * net / (PP_RHOC * depth)
        out.append(t)
    y = torch.stack(out, 1) + 0.15 * torch.randn(n, PP_HOURS, generator=gen)
    x = torch.cat([torch.stack([(dia - 2.25) / 0.43, (depth - 0.325) / 0.1, (shade - 0.3) / 0.17], 1),
                   F.one_hot(liner, 4).float(), F.one_hot(cover, 3).float(), F.one_hot(ground, 3).float()], 1)
    weather = torch.stack([sun / 1000, air, wind, rh, shaded], 2)
    return x, t0, weather, y


class PoolGreyBox(nn.Module):
    """The owner's linearised one-node balance: rho c d dT/dt = a S (1 - shade) - U (T - T_air) - L with, each
    hour, U = u0 + u1 wind + k (1 + 0.9 wind) e_s'(T_air) and L = sky + k (1 + 0.9 wind) (1 - RH) e_s(T_air)
    (Magnus evaporation linearised about the air; the weather's terms are precomputed in the factory, ``_pp_terms``).
    A tanh MLP from the pool and the day's mean weather gives a, u0, u1, k, sky (either sign: the ground and the
    walls) and a learned correction of each hour's temperature (0.5 C a unit). Each hour is solved exactly (T
    relaxes to its equilibrium with the factor exp(-U 3600 / (rho c d))), and the ten hours in closed form
    (cumulated log factors)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(17, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 5 + PP_HOURS))
        self.register_buffer("scale", torch.tensor([1.0, 8.0, 3.0, 20.0, 40.0]))
        self.register_buffer("upper", torch.triu(torch.ones(PP_HOURS, PP_HOURS, dtype=torch.bool), 1))

    def forward(self, x: torch.Tensor, t0: torch.Tensor, terms: torch.Tensor) -> torch.Tensor:
        # the day's mean sun, air, wind and evaporative deficit
        day = torch.stack([terms[:, :, 3].mean(1) / 500 - 1, terms[:, :, 6].mean(1) / 5 - 5,
                           terms[:, :, 1].mean(1) - 2.5, terms[:, :, 5].mean(1) / 2], 1)
        p = self.net(torch.cat([x, day], 1))
        c = torch.cat([torch.sigmoid(p[:, :1]), F.softplus(p[:, 1:4]), p[:, 4:5]], 1) * self.scale  # a, u0, u1, k, sky
        # terms (n, 10, 7): [1, wind, evaporation slope] for U and [sun absorbed per unit a, -1, -evaporation
        # deficit] for the gains, then T_air
        big_u = torch.bmm(terms[:, :, :3], c[:, 1:4].unsqueeze(2)).squeeze(2)
        gain = torch.bmm(terms[:, :, 3:5], c[:, [0, 4]].unsqueeze(2)).squeeze(2) + terms[:, :, 5] * c[:, 3:4]
        t_eq = terms[:, :, 6] + gain / big_u
        log_f = -big_u * (3600 / PP_RHOC) / (0.325 + 0.1 * x[:, 1:2])
        cum = torch.cumsum(log_f, 1)
        w = (cum.unsqueeze(2) - cum.unsqueeze(1)).masked_fill(self.upper, -math.inf).exp()
        return (cum.exp() * t0.unsqueeze(1) + torch.bmm(w, ((1 - log_f.exp()) * t_eq).unsqueeze(2)).squeeze(2)
                + 0.5 * p[:, 5:])


def _pp_terms(weather: torch.Tensor) -> torch.Tensor:
    """The owner's per-hour terms from the weather (sun / 1000, air, wind, humidity, shade): [1, wind,
    (1 + 0.9 wind) e_s'(T_air)], [1000 sun (1 - shade), -1, -(1 + 0.9 wind)(1 - RH) e_s(T_air)] and T_air."""
    s, ta, u, r, sh = weather.unbind(2)
    es = _esat(ta)
    one = torch.ones_like(ta)
    return torch.stack([one, u, (1 + 0.9 * u) * es * 4098 / (ta + 237.3) ** 2, 1000 * s * (1 - sh), -one,
                        -(1 + 0.9 * u) * (1 - r) * es, ta], 2)


def pool_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the hourly water temperatures, in units of 2 C."""
    x, t0, weather, y = batch
    return F.mse_loss(model(x, t0, weather), y) / 4


def paddling_pool(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box pool net on 8192 pool-days; held out: 2048 other days in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(170101)
    x, t0, weather, y = _pp_days(train_size + 2048, gen)
    weather = _pp_terms(weather)
    tr = (x[:train_size], t0[:train_size], weather[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PoolGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t0[train_size:], weather[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": pool_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. photochromic sunglasses, transmittance over a walk (Adam)

PC_LEN = 64  # samples, 10 s apart
PC_LENSES = 3


def _pc_walks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A wearer's walk logged every 10 s: 3-6 stretches (indoors: no UV; shade: 10-30% of the sky's UV; sun: the
    day's UV irradiance, 0.3-1 of a UV-index-10 noon, times passing cloud), the lens warming in the sun (the air 0-35
    C, +6 C in full sun, lagging). Lenses: grey naphthopyran, brown naphthopyran, spirooxazine-rich (activation
    rates 0.05, 0.04, 0.08 a second per unit UV; fade rates at 20 C 0.010, 0.007, 0.02 /s with activation energies
    60, 70, 50 kJ/mol; the fast form's share 0.6, 0.5, 0.8 (its fade 4x faster); the darkened optical density 0.9,
    1.0, 0.8). Two forms each: dc/dt = k_a UV (1 - c) - k_f(T) c (4 steps a sample). Age 0-4 years: the optical
    density falls 8% a year (fatigue). Luminous transmittance 0.88 10^-OD, photometer 0.5%. Returns (inputs (n, 6,
    64): UV, temperature, three lens one-hots, age; transmittance x 10 (n, 64))."""
    seg = torch.randint(3, 7, (n,), generator=gen)
    bounds = torch.sort(torch.rand(n, 6, generator=gen), 1).values * PC_LEN
    kinds = torch.randint(0, 3, (n, 7), generator=gen)  # 0 indoors, 1 shade, 2 sun
    kinds[:, 0] = torch.where(torch.rand(n, generator=gen) < 0.5, 0, kinds[:, 0])
    level = 0.3 + 0.7 * torch.rand(n, generator=gen)
    idx = torch.arange(PC_LEN).float().view(1, -1)
    which = (idx.unsqueeze(2) >= bounds.unsqueeze(1)).long()  # (n, 64, 6)
    which = (which * (torch.arange(6).view(1, 1, -1) < (seg - 1).view(-1, 1, 1)).long()).sum(2)
    kind = torch.gather(kinds, 1, which)
    shade_share = 0.1 + 0.2 * torch.rand(n, 7, generator=gen)
    uv = torch.where(kind == 2, torch.ones(n, PC_LEN), torch.where(kind == 1, torch.gather(shade_share, 1, which),
                                                                    torch.zeros(n, PC_LEN)))
    uv = uv * level.view(-1, 1) * (1 - 0.3 * torch.rand(n, PC_LEN, generator=gen) * (kind == 2).float())
    air = 35 * torch.rand(n, generator=gen)
    lens = torch.randint(0, PC_LENSES, (n,), generator=gen)
    age = 4 * torch.rand(n, generator=gen)
    ka = torch.tensor([0.05, 0.04, 0.08])[lens]
    kf20 = torch.tensor([0.010, 0.007, 0.02])[lens]
    ea = torch.tensor([60e3, 70e3, 50e3])[lens]
    share = torch.tensor([0.6, 0.5, 0.8])[lens]
    odmax = torch.tensor([0.9, 1.0, 0.8])[lens] * (1 - 0.08 * age)
    temp = air.clone()
    c1, c2 = torch.zeros(n), torch.zeros(n)
    temps, trans = [], []
    for j in range(PC_LEN):
        u = uv[:, j]
        target = air + 6 * u / 1.0
        for _ in range(4):
            temp = temp + 2.5 * (target - temp) / 60
            kf = kf20 * torch.exp(-ea / 8.314 * (1 / (temp + 273.15) - 1 / 293.15))
            c1 = c1 + 2.5 * (ka * u * (1 - c1) - 4 * kf * c1)
            c2 = c2 + 2.5 * (ka * u * (1 - c2) - kf * c2)
        temps.append(temp)
        od = odmax * (share * c1 + (1 - share) * c2)
        trans.append(0.88 * 10 ** (-od))
    temp_t = torch.stack(temps, 1)
    y = torch.stack(trans, 1) * (1 + 0.005 * torch.randn(n, PC_LEN, generator=gen))
    x = torch.cat([uv.unsqueeze(1), ((temp_t - 20) / 10).unsqueeze(1),
                   F.one_hot(lens, PC_LENSES).float().unsqueeze(2).expand(n, PC_LENSES, PC_LEN),
                   ((age - 2) / 1.15).view(-1, 1, 1).expand(n, 1, PC_LEN)], 1)
    return x, 10 * y


class CausalBlock(nn.Module):
    """A dilated causal convolution with a residual connection."""

    def __init__(self, channels: int, dilation: int) -> None:
        super().__init__()
        self.pad = 2 * dilation
        self.conv = nn.Conv1d(channels, channels, 3, dilation=dilation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + F.relu(self.conv(F.pad(x, (self.pad, 0))))


class LensTCN(nn.Module):
    """A causal TCN: a 1x1 input layer, dilations 1, 2, 4, 8, a 1x1 head to the transmittance (x 10)."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.inp = nn.Conv1d(6, channels, 1)
        self.blocks = nn.Sequential(*[CausalBlock(channels, d) for d in (1, 2, 4, 8)])
        self.head = nn.Conv1d(channels, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.blocks(self.inp(x))).squeeze(1)


def lens_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised transmittance trace."""
    x, y = batch
    return F.mse_loss(model(x), y)


def photochromic_lens(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                      channels: int = 16) -> dict[str, Any]:
    """The lens TCN on 2048 walks, the transmittance standardised over them (one mean and sd for the whole trace);
    held out: 2048 other walks in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(170102)
    x, y = _pc_walks(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LensTCN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lens_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. machete brush clearing, a wide-and-deep net over a crew's log (Adagrad; long only)

MC_SPECIES, MC_WORKERS, MC_MACHETES = 24, 12, 8


def _mc_log(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A clearing crew's log, one row a clump of stems of one species: the species (24: toughness 0.5-2.5, hardness
    0.3-1.5, lognormal), the worker (12: tip speed 18-28 m/s, accuracy 0.6-0.95, swing time 0.8-1.4 s, a skew to
    frequent workers), the machete (8 models: blade mass 0.35-0.8 kg, length 0.35-0.6 m, edge angle 18-30 degrees),
    stem diameter 0.5-6 cm (log-uniform), green or dead wood, hours since sharpening 0-8, slope 0-30 degrees, hours
    into the shift 0-8. The blow's energy 0.5 m_eff v^2 (m_eff from the blade's mass and length, v the worker's
    tip speed less fatigue and footing on the slope); the edge's sharpness exp(-0.12 hours hardness (24 / angle)),
    a thin edge chipping on hard species; the cut depth per blow E sharp accuracy / (toughness (dead wood 1.4x) D);
    blows = 1 + D / depth; a clump's seconds = 5 stems (blows swing time + 3 s walking). Scatter 8% on both. Returns
    (categorical (n, 4): species, worker, machete, species x machete; continuous (n, 5); log blows and log seconds
    (n, 2), standardised later)."""
    tough = torch.exp(0.5 * torch.randn(MC_SPECIES, generator=gen)) * 1.1
    hard = 0.3 + 1.2 * torch.rand(MC_SPECIES, generator=gen)
    speed = 18 + 10 * torch.rand(MC_WORKERS, generator=gen)
    acc = 0.6 + 0.35 * torch.rand(MC_WORKERS, generator=gen)
    swing = 0.8 + 0.6 * torch.rand(MC_WORKERS, generator=gen)
    mass = 0.35 + 0.45 * torch.rand(MC_MACHETES, generator=gen)
    length = 0.35 + 0.25 * torch.rand(MC_MACHETES, generator=gen)
    angle = 18 + 12 * torch.rand(MC_MACHETES, generator=gen)
    sp = torch.randint(0, MC_SPECIES, (n,), generator=gen)
    wk = torch.multinomial(torch.linspace(2, 0.5, MC_WORKERS), n, replacement=True, generator=gen)
    mc = torch.randint(0, MC_MACHETES, (n,), generator=gen)
    dia = 0.5 * 12 ** torch.rand(n, generator=gen)
    dead = (torch.rand(n, generator=gen) < 0.3).float()
    since = 8 * torch.rand(n, generator=gen)
    slope = 30 * torch.rand(n, generator=gen)
    shift = 8 * torch.rand(n, generator=gen)
    v = speed[wk] * (1 - 0.025 * shift) * (1 - 0.006 * slope)
    m_eff = mass[mc] * (0.6 + length[mc])
    energy = 0.5 * m_eff * v**2
    sharp = torch.exp(-0.12 * since * hard[sp] * (24 / angle[mc]))
    sharp = sharp * (1 - 0.25 * torch.relu(hard[sp] - 0.9) * (24 / angle[mc] - 0.8))
    depth = 0.012 * energy * sharp * acc[wk] / (tough[sp] * (1 + 0.4 * dead) * dia)
    blows = (1 + dia / depth) * torch.exp(0.08 * torch.randn(n, generator=gen))
    secs = 5 * (blows * swing[wk] + 3) * torch.exp(0.08 * torch.randn(n, generator=gen))
    cat = torch.stack([sp, wk, mc, sp * MC_MACHETES + mc], 1)
    cont = torch.stack([torch.log(dia) - 1.03, 2 * dead - 1, (since - 4) / 2.3, (slope - 15) / 8.7,
                        (shift - 4) / 2.3], 1)
    return cat, cont, torch.stack([torch.log(blows), torch.log(secs)], 1)


class WideDeepClearing(nn.Module):
    """Wide: a learned offset per species x machete cross (two outputs); deep: species, worker and machete
    embeddings with the continuous features through a ReLU MLP."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.wide = nn.Embedding(MC_SPECIES * MC_MACHETES, 2)
        nn.init.zeros_(self.wide.weight)
        self.species = nn.Embedding(MC_SPECIES, 6)
        self.worker = nn.Embedding(MC_WORKERS, 4)
        self.machete = nn.Embedding(MC_MACHETES, 4)
        self.deep = nn.Sequential(nn.Linear(6 + 4 + 4 + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        z = torch.cat([self.species(cat[:, 0]), self.worker(cat[:, 1]), self.machete(cat[:, 2]), cont], 1)
        return self.deep(z) + self.wide(cat[:, 3])


def clearing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log blows and log seconds."""
    cat, cont, y = batch
    return F.mse_loss(model(cat, cont), y)


def machete_clearing(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The wide-and-deep clearing net on 8192 logged clumps, targets standardised over them; held out: 2048 other
    clumps in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(170103)
    cat, cont, y = _mc_log(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WideDeepClearing(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": clearing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. spanner nut rounding, the outcome of a try at undoing a nut (SGD with Nesterov momentum)

SN_CLASSES = 5  # loosened, rounded, slipped off, sheared, did not budge
SN_SIZES = (10.0, 13.0, 17.0, 19.0, 22.0, 24.0)  # across flats, mm (M6, M8, M10, M12, M14, M16)
SN_THREADS = (6.0, 8.0, 10.0, 12.0, 14.0, 16.0)


def _sn_tries(n: int, gen: torch.Generator, scatter: float = 0.12) -> tuple[torch.Tensor, torch.Tensor]:
    """Tries at undoing a nut: across flats 10-24 mm (the matching thread M6-M16); the spanner (open-ended,
    6-point ring, 12-point ring, adjustable) with a jaw clearance (open 0.1-0.5 mm, rings 0.05-0.3, adjustable
    0.2-1.0); property class 5, 8 or 10 (hardness 150, 250, 320 HV; proof 400, 640, 830 MPa); corrosion 0-1;
    penetrating oil or not; a lever of 10-20 times the flats; a pull of 200-500 N. Capacities (N m, each with
    ``scatter`` lognormal scatter: 12% a try on a workshop's bench, 3% on the long plan's torque-controlled rig):
    breakaway 0.2 x preload (0.6 proof x 0.58 d^2) x d, times 1 + 3 corrosion^1.5 (oil takes 30% of the corrosion
    off); rounding 120 (HV / 250) (s / 13)^3 kappa exp(-clearance / c0) (open 0.45, 6-point 1,
    12-point 0.55, adjustable 0.35; c0 0.5, 1.0, 0.4, 0.8 mm); slip-off of open jaws 60 (s / 13)^2 exp(-clearance /
    0.6) (adjustable 1.2x that; rings never slip); shear 0.9 (0.6 UTS) pi d^3 / 16 (1 - 0.3 corrosion). The hand's
    torque F L: below every capacity the nut does not budge, else the lowest capacity decides. Returns (features
    (n, 13), classes)."""
    size = torch.randint(0, 6, (n,), generator=gen)
    s = torch.tensor(SN_SIZES)[size]
    d = torch.tensor(SN_THREADS)[size]
    kind = torch.randint(0, 4, (n,), generator=gen)
    lo = torch.tensor([0.1, 0.05, 0.05, 0.2])[kind]
    hi = torch.tensor([0.5, 0.3, 0.3, 1.0])[kind]
    clear = lo + (hi - lo) * torch.rand(n, generator=gen)
    pc = torch.randint(0, 3, (n,), generator=gen)
    hv = torch.tensor([150.0, 250.0, 320.0])[pc]
    proof = torch.tensor([400.0, 640.0, 830.0])[pc]
    uts = torch.tensor([500.0, 800.0, 1000.0])[pc]
    corr = torch.rand(n, generator=gen)
    oil = (torch.rand(n, generator=gen) < 0.4).float()
    lever = s * (10 + 10 * torch.rand(n, generator=gen)) / 1000
    pull = 200 + 300 * torch.rand(n, generator=gen)

    def draw() -> torch.Tensor:
        return torch.exp(scatter * torch.randn(n, generator=gen))

    preload = 0.6 * proof * 0.58 * d**2
    brk = 0.2 * preload * d / 1000 * (1 + 3 * (corr * (1 - 0.3 * oil)) ** 1.5) * draw()
    kappa = torch.tensor([0.45, 1.0, 0.55, 0.35])[kind]
    c0 = torch.tensor([0.5, 1.0, 0.4, 0.8])[kind]
    rnd = 120 * (hv / 250) * (s / 13) ** 3 * kappa * torch.exp(-clear / c0) * draw()
    slip_k = torch.tensor([1.0, math.inf, math.inf, 1.2])[kind]
    slip = 60 * (s / 13) ** 2 * torch.exp(-clear / 0.6) * slip_k * draw()
    shear = 0.9 * 0.6 * uts * math.pi * d**3 / 16 / 1000 * (1 - 0.3 * corr) * draw()
    caps = torch.stack([brk, rnd, slip, shear], 1)
    low, first = caps.min(1)
    y = torch.where(pull * lever < low, torch.full_like(first, 4), first)
    x = torch.cat([torch.stack([(s - 17.5) / 4.9, (clear - 0.35) / 0.22, corr * 2 - 1, 2 * oil - 1,
                                (lever - 0.21) / 0.08, (pull - 300) / 87], 1),
                   F.one_hot(kind, 4).float(), F.one_hot(pc, 3).float()], 1)
    return x, y


class NutOutcomeNet(nn.Module):
    """A ReLU MLP from the try to the five outcome logits."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(13, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, SN_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def nut_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def spanner_rounding(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64,
                     scatter: float = 0.12) -> dict[str, Any]:
    """The outcome classifier on 2048 tries; held out: 2048 other tries in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(170104)
    x, y = _sn_tries(train_size + 2048, gen, scatter)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": NutOutcomeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": nut_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. rocking-horse rocking driven by the child's lean (RMSprop)

RH_LEN = 24  # samples at 4 Hz
RH_SUB = 16


def _rh_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A child rocking a bow-rocker horse from rest for 6 s: horse 8-25 kg (its centre 0.30-0.45 m up), child 12-30
    kg on a saddle 0.45-0.70 m up (the torso 55% of the child, its centre 0.25 m above the saddle), rockers of radius
    0.8-1.6 m (at least 0.15 m above the combined centre), carpet or wooden floor (rolling-resistance arm 6 or 2 mm,
    pivot damping 2-6 N m s). The lean (torso angle to the horse): a pumping of 5-25 degrees at 0.4-1.1 Hz, its
    amplitude ramping up over 1-3 s, with 10% wobble. Rolling without slipping, I = m_tot (0.3^2 + (R - h)^2):
    I theta'' = -m_tot g (R - h) sin theta + m_torso g l sin(lean) - m_torso l h_saddle lean'' - c theta'
    - m_tot g r_rr tanh(theta' / 0.05) (16 steps a sample). IMU noise 0.3 degrees on the rocking angle. Returns
    (inputs (n, 24, 7): lean (x 4 rad), horse mass, child mass, saddle height, rocker radius, floor one-hot; the
    rocking angle in tens of degrees (n, 24))."""
    mh = 8 + 17 * torch.rand(n, generator=gen)
    hh = 0.30 + 0.15 * torch.rand(n, generator=gen)
    mchild = 12 + 18 * torch.rand(n, generator=gen)
    hs = 0.45 + 0.25 * torch.rand(n, generator=gen)
    m = mh + mchild
    h = (mh * hh + mchild * (hs + 0.2)) / m
    r = torch.maximum(0.8 + 0.8 * torch.rand(n, generator=gen), h + 0.15)
    carpet = (torch.rand(n, generator=gen) < 0.5).float()
    rr = 0.002 + 0.004 * carpet
    c = 2 + 4 * torch.rand(n, generator=gen)
    amp = torch.deg2rad(5 + 20 * torch.rand(n, generator=gen))
    freq = 0.4 + 0.7 * torch.rand(n, generator=gen)
    ramp = 1 + 2 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    wob = 1 + 0.1 * torch.randn(n, RH_LEN * RH_SUB + 2, generator=gen)
    wob = F.avg_pool1d(wob.unsqueeze(1), 9, 1, 4).squeeze(1)
    dt = 1 / (4 * RH_SUB)
    tt = torch.arange(RH_LEN * RH_SUB + 2).float().view(1, -1) * dt
    lean = amp.view(-1, 1) * (tt / ramp.view(-1, 1)).clamp(max=1) * wob * torch.sin(2 * math.pi * freq.view(-1, 1) * tt
                                                                                  + phase.view(-1, 1))
    lean = lean - lean[:, :1]
    mt, lt = 0.55 * mchild, 0.25
    inertia = m * (0.09 + (r - h) ** 2)
    th, om = torch.zeros(n), torch.zeros(n)
    out, leans = [], []
    for k in range(RH_LEN * RH_SUB):
        acc_lean = (lean[:, k + 2] - 2 * lean[:, k + 1] + lean[:, k]) / dt**2
        torque = (-m * 9.81 * (r - h) * torch.sin(th) + mt * 9.81 * lt * torch.sin(lean[:, k + 1])
                  - mt * lt * hs * acc_lean - c * om - m * 9.81 * rr * torch.tanh(om / 0.05))
        om = om + dt * torque / inertia
        th = th + dt * om
        if (k + 1) % RH_SUB == 0:
            out.append(th)
            leans.append(lean[:, k + 1])
    y = torch.rad2deg(torch.stack(out, 1)) + 0.3 * torch.randn(n, RH_LEN, generator=gen)
    static = torch.stack([(mh - 16.5) / 4.9, (mchild - 21) / 5.2, (hs - 0.575) / 0.072, (r - 1.2) / 0.23,
                          carpet, 1 - carpet], 1)
    x = torch.cat([torch.stack(leans, 1).unsqueeze(2) * 4, static.unsqueeze(1).expand(n, RH_LEN, 6)], 2)
    return x, y / 10


class RockingGRU(nn.Module):
    """A one-layer GRU over the lean and the constant horse / child inputs, a linear read-out of the angle."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0]).squeeze(2)


def rocking_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the rocking angle (tens of degrees) over the ride."""
    x, y = batch
    return F.mse_loss(model(x), y)


def rocking_horse(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The rocking GRU on 8192 rides; held out: 2048 other rides in batches of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(170105)
    x, y = _rh_rides(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RockingGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": rocking_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bubble-wand bubble size and lifetime (Adagrad)

BW_BRANDS, BW_ADDITIVES, BW_WANDS = 8, 5, 10


def _bw_tests(n: int, gen: torch.Generator, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A bubble-toy maker's tests: the washing-up liquid (8 brands: surface tension 24-32 mN/m, film elasticity
    0.5-1.5), the additive (none, glycerol, guar gum, sugar, polyethylene oxide: viscosity factors 1, 2.5, 4, 1.6,
    3 a unit dose and extensibility 0, 0.2, 1.2, 0.1, 1.6), the wand (10: ring diameter 2-30 cm log-uniform, a cloth
    wrap holding solution or not), the soap's dose 2-10%, the additive's dose 0-1, the wave speed 0.3-3 m/s,
    humidity 20-90%, 10-32 C, the solution's age 0-14 days. The film tube pulled from the ring grows with the
    speed's excess over a critical speed sqrt(8 sigma / (rho_air D)), and with extensibility, until it pinches off;
    the bubble's diameter from the tube's volume; its lifetime from drainage (viscosity, elasticity) and evaporation
    (1 - humidity), shorter for big bubbles and warm air, and falling as the solution ages. Scatter ``noise`` on
    each log (0.1 from a hand-held wand and a stopwatch; 0.03 on the long plan's rig with a camera). Returns
    (categorical (n, 3), continuous (n, 7), log diameter and log lifetime (n, 2), standardised later)."""
    sigma = 0.024 + 0.008 * torch.rand(BW_BRANDS, generator=gen)
    elast = 0.5 + torch.rand(BW_BRANDS, generator=gen)
    visc = torch.tensor([1.0, 2.5, 4.0, 1.6, 3.0])
    ext = torch.tensor([0.0, 0.2, 1.2, 0.1, 1.6])
    ring = 0.02 * 15 ** torch.rand(BW_WANDS, generator=gen)
    wrap = (torch.rand(BW_WANDS, generator=gen) < 0.5).float()
    br = torch.randint(0, BW_BRANDS, (n,), generator=gen)
    ad = torch.randint(0, BW_ADDITIVES, (n,), generator=gen)
    wd = torch.randint(0, BW_WANDS, (n,), generator=gen)
    soap = 0.02 + 0.08 * torch.rand(n, generator=gen)
    dose = torch.rand(n, generator=gen)
    speed = 0.3 + 2.7 * torch.rand(n, generator=gen)
    hum = 0.2 + 0.7 * torch.rand(n, generator=gen)
    temp = 10 + 22 * torch.rand(n, generator=gen)
    age = 14 * torch.rand(n, generator=gen)
    dd = ring[wd]
    sig = sigma[br] * (1 + 0.3 * torch.exp(-soap / 0.03))
    mu = 1 + (visc[ad] - 1) * dose
    uc = torch.sqrt(8 * sig / (1.2 * dd))
    excess = F.softplus((speed - uc) / (0.3 * uc)) + 0.05
    length = dd * (0.6 + 1.5 * excess ** 0.8) * (1 + ext[ad] * dose) * (1 + 0.5 * wrap[wd]) * (soap / 0.06) ** 0.2
    vol = math.pi / 4 * dd**2 * length
    diam = (6 * vol / math.pi) ** (1 / 3)
    life = (12 * mu**0.6 * elast[br] * (0.15 + hum**2) / (diam / 0.1) ** 0.5 * torch.exp(-(temp - 20) / 25)
            * torch.exp(-age / 20 * (1 + ext[ad])))
    y = torch.stack([torch.log(diam * 100), torch.log(life)], 1) + noise * torch.randn(n, 2, generator=gen)
    cat = torch.stack([br, ad, wd], 1)
    cont = torch.stack([(soap - 0.06) / 0.023, (dose - 0.5) / 0.29, (speed - 1.65) / 0.78, (hum - 0.55) / 0.2,
                        (temp - 21) / 6.4, (age - 7) / 4, torch.log(speed)], 1)
    return cat, cont, y


class BubbleNet(nn.Module):
    """Brand, additive and wand embeddings with the continuous features, a linear stem, a pre-norm residual block
    (LayerNorm, Linear, GELU, Linear) and a LayerNorm'd linear head to the two logs."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.brand = nn.Embedding(BW_BRANDS, 4)
        self.additive = nn.Embedding(BW_ADDITIVES, 3)
        self.wand = nn.Embedding(BW_WANDS, 4)
        self.stem = nn.Linear(4 + 3 + 4 + 7, hidden)
        self.block = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, hidden), nn.GELU(),
                                   nn.Linear(hidden, hidden))
        self.head = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        z = self.stem(torch.cat([self.brand(cat[:, 0]), self.additive(cat[:, 1]), self.wand(cat[:, 2]), cont], 1))
        return self.head(z + self.block(z))


def bubble_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log diameter and log lifetime."""
    cat, cont, y = batch
    return F.mse_loss(model(cat, cont), y)


def bubble_wand(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64,
                noise: float = 0.1) -> dict[str, Any]:
    """The bubble net on 2048 tests, targets standardised over them; held out: 2048 other tests in batches of 1024;
    Adagrad."""
    gen = torch.Generator().manual_seed(170106)
    cat, cont, y = _bw_tests(train_size + 2048, gen, noise)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BubbleNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bubble_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("photochromic_lens_adam", photochromic_lens, 300, "photochromic_sunglasses_uv_darkening_fade_tcn", "adam",
      "finite", 32, seconds=1.0, start_lr=0.032),
    W("spanner_rounding_nesterov", spanner_rounding, 300, "spanner_nut_rounding_outcome_mlp", "sgd_nesterov0.9_wd1e-4",
      "finite", 32, seconds=0.3, start_lr=0.05),
    W("rocking_horse_rmsprop", rocking_horse, 300, "rocking_horse_lean_driven_rocking_gru", "rmsprop", "finite", 64,
      seconds=1.5, start_lr=0.016),
    W("bubble_wand_adagrad", bubble_wand, 300, "bubble_wand_size_lifetime_embedding_resnet_ln", "adagrad", "finite",
      32, seconds=0.4, start_lr=0.1),
)
LONG = (
    W("paddling_pool_adam@long", paddling_pool, 3000, "paddling_pool_warming_heat_balance_greybox", "adam", "finite",
      32, seconds=4.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("machete_clearing_adagrad@long", machete_clearing, 3000, "machete_brush_clearing_blows_wide_deep", "adagrad",
      "finite", 32, seconds=2.5, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("spanner_rounding_nesterov@long", spanner_rounding, 3000, "spanner_nut_rounding_outcome_mlp",
      "sgd_nesterov0.9_wd1e-4", "finite", 64, dict(train_size=16384, hidden=32, scatter=0.03), seconds=1.5,
      start_lr=0.2, grid_fractions=(0.0, 0.05), long_of="spanner_rounding_nesterov"),
    W("bubble_wand_adagrad@long", bubble_wand, 3000, "bubble_wand_size_lifetime_embedding_resnet_ln", "adagrad",
      "finite", 32, dict(train_size=16384, hidden=32, noise=0.03), seconds=2.8, start_lr=0.4,
      grid_fractions=(0.0, 0.05), long_of="bubble_wand_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam170_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventieth exam's workloads")
