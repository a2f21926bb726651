"""The hundred-and-fifty-eighth exam: six more workload families that neither the suite nor exams 1-154 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam154_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from hamster wheels and running, terrariums and condensation, garden mulch and
soil moisture, solar garden lamps and night glow, coat stands and tipping, and wood glue and joint curing (exams
155-157 were built at the same time from other domains; their modules were not opened). What was checked to make
them new, and what was tried and dropped, is in ``benchmarks/results/exam158/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- hamster wheel running (a long plan only): an embedding net (learned embeddings of the hamster, its species and
  the wheel's kind, concatenated with the wheel's diameter, the room temperature, the night's length, the animal's
  age and the study night) to the log nightly distance run and the log mean running speed, from a wheel counter
  logged over a two-month study of 512 pet hamsters; the distance from a species baseline times each animal's own
  level, a wheel-size penalty below the species' comfortable diameter (a bent back), the wheel's kind, an age
  curve, habituation over the first nights and short-day torpor of the dwarf species in a cool room; MSE of the
  standardised logs; Adagrad (torch's defaults)
- terrarium glass fogging: a GRU over a day's 24 hourly steps (room temperature, grow light, misting, the hour,
  and the terrarium's settings repeated at each step) to the fogged share of the glass at the end of each hour;
  data from a moisture balance of the closed glass box (transpiration and substrate evaporation against the vapour
  deficit, Magnus saturation, condensation on glass colder than the inside air, a lid vent's exchange) integrated
  implicitly in 10-minute steps; MSE; AdamW (torch's defaults)
- mulched garden bed soil moisture: an LSTM over 28 days of rain and potential evaporation (the mulch, its depth,
  the soil texture and the starting moisture repeated at each step) to the volumetric soil moisture of the top
  30 cm each day (a capacitance probe's reading); a daily bucket model with the mulch's interception store,
  Ritchie's two-stage soil evaporation damped exponentially by the mulch's depth, a crop's transpiration under water
  stress and drainage above field capacity; MSE of the standardised readings; Adam (torch's defaults)
- coat stand tipping when a coat is lifted off: a DeepSets net over the stand's eight hooks (each hook's coat, height,
  direction and its angle to the nearest leg; the base, the stand's mass, the hooks' tip angle and friction) to
  the tipping margin (N m) about the base's edge while each hook's coat is pulled off (the horizontal pull to drag
  the coat's loop up the hook's tip: W tan(phi + atan mu)); the restoring moment of the stand and every coat about
  the support edge in that direction, the legs' support distance R cos(angle to the nearest leg); MSE of the
  standardised margins; SGD with Nesterov momentum 0.9
- wood glue joint curing: a grey-box net (an MLP predicts a joint's cure rate at 20 C, activation energy, cure
  plateau, glue-line strength and the wood's shear strength; a maturity (equivalent age) integral over the shop
  logger's temperature readings turns them into the block-shear strength at 1-72 h); data from Kamal autocatalytic cure
  kinetics with DiBenedetto vitrification, a glue-line exotherm, moisture-curing polyurethane's dependence on the
  wood's moisture and a cap at the wood's own shear strength (wood failure); MSE of the standardised log strengths;
  Adamax (torch's defaults)
- solar garden lamp night glow (a long plan only): a grey-box embedding net for a fleet of 320 lamps logged
  nightly (a learned embedding of each lamp with the day's insolation, the night's temperature and length and the
  days since its panel was wiped; an MLP gives the lamp's harvest factor, its NiMH cell's usable capacity and its
  LED current, and the charge / discharge law gives the glow's duration and its brightness through the night);
  data from a saturating charge of the cell, a cold-capacity loss, the LED current's sag as the cell empties and
  the dusk-to-dawn switch; MSE of the standardised log glow hours and brightness; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the hamster and solar
lamp nets (no short plans), the coat-stand net on 8192 stands instead of 2048 (24 units a layer instead of 32) and
the wood-glue net on 8192 joints instead of 1024 (16 units instead of 32, and 8% test scatter instead of 12%).

Of the eight plans, two use Adagrad (hamster, solar lamp), two SGD with Nesterov momentum (both coat-stand plans),
two Adamax (both wood-glue plans), one AdamW (terrarium) and one Adam (mulch).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam158_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam158/README.md).

    python benchmarks/exam158_workloads.py          # the table
    python benchmarks/exam158_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 158"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. hamster wheel running (Adagrad; long only)

HW_HAMSTERS = 512
HW_SPECIES = 5  # Syrian, Campbell's dwarf, winter white (Djungarian), Roborovski, Chinese
HW_WHEELS = 3  # solid plastic wheel, wire-mesh wheel, flying saucer


def _hw_nights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Nights of 512 pet hamsters on wheels with a bike-computer counter, over a two-month study in which the wheels
    were rotated between cages. Per hamster: the species (baseline nightly distance 5.0, 3.5, 3.0, 6.0, 4.0 km;
    comfortable wheel diameter 26, 17, 17, 15, 18 cm; top speed 45, 38, 36, 40, 38 m/min), its own level (log sd
    0.35 on distance, 0.12 on speed) and its age at the study's start (6-80 weeks). Per night: the wheel's diameter
    (14-32 cm) and kind (solid 1.0, mesh 0.8, saucer 0.7 of the distance; speed 1.0, 0.85, 0.9), the room
    temperature (15-26 C), the dark hours (8-14) and the study night (0-59). Distance: species x own level x a
    sigmoid penalty below the comfortable diameter (the back bent in a small wheel) x the kind x an age curve
    (log-normal in age around 20 weeks) x (dark / 10)^0.6 x habituation 1 - 0.4 exp(-night / 4) x short-day torpor
    of the two dwarf species in a cool room; speed: species x own level x (diameter / 20)^0.3 x the kind, slowed a
    little by torpor. Scatter 7% (distance), 5% (speed). Returns (ids (n, 3): hamster, species, wheel kind; numbers
    (n, 5); log distance and log speed (n, 2))."""
    sp_of = torch.randint(0, HW_SPECIES, (HW_HAMSTERS,), generator=gen)
    level = 0.35 * torch.randn(HW_HAMSTERS, generator=gen)
    level_v = 0.12 * torch.randn(HW_HAMSTERS, generator=gen)
    age0 = 6 + 74 * torch.rand(HW_HAMSTERS, generator=gen)
    hid = torch.randint(0, HW_HAMSTERS, (n,), generator=gen)
    sp = sp_of[hid]
    dia = 14 + 18 * torch.rand(n, generator=gen)
    kind = torch.randint(0, HW_WHEELS, (n,), generator=gen)
    temp = 15 + 11 * torch.rand(n, generator=gen)
    dark = 8 + 6 * torch.rand(n, generator=gen)
    night = torch.randint(0, 60, (n,), generator=gen).float()
    age = age0[hid] + night / 7
    base = torch.tensor([5.0, 3.5, 3.0, 6.0, 4.0])[sp]
    dmin = torch.tensor([26.0, 17.0, 17.0, 15.0, 18.0])[sp]
    top = torch.tensor([45.0, 38.0, 36.0, 40.0, 38.0])[sp]
    f_wheel = torch.sigmoid((dia - dmin) / 2.5 + 1.0)
    f_kind = torch.tensor([1.0, 0.8, 0.7])[kind]
    f_age = torch.exp(-torch.log(age / 20) ** 2 / 1.2)
    dwarf = ((sp == 1) | (sp == 2)).float()
    torpor = 1 - 0.6 * dwarf * torch.sigmoid(18 - temp) * torch.sigmoid(1.5 * (dark - 12))
    dist = (base * torch.exp(level[hid]) * f_wheel * f_kind * f_age * (dark / 10) ** 0.6
            * (1 - 0.4 * torch.exp(-night / 4)) * torpor)
    speed = top * torch.exp(level_v[hid]) * (dia / 20) ** 0.3 * torch.tensor([1.0, 0.85, 0.9])[kind] * torpor**0.3
    y = torch.stack([torch.log(dist) + 0.07 * torch.randn(n, generator=gen),
                     torch.log(speed) + 0.05 * torch.randn(n, generator=gen)], 1)
    ids = torch.stack([hid, sp, kind], 1)
    x = torch.stack([(dia - 23) / 5.2, (temp - 20.5) / 3.2, (dark - 11) / 1.7, torch.log(age / 20),
                     (night - 30) / 17], 1)
    return ids, x, y


class WheelNet(nn.Module):
    """Embeddings of the hamster (8), its species (4) and the wheel's kind (3) with five numbers, into a ReLU MLP to
    the log distance and log speed."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.hamster = nn.Embedding(HW_HAMSTERS, dim)
        self.species = nn.Embedding(HW_SPECIES, 4)
        self.wheel = nn.Embedding(HW_WHEELS, 3)
        self.net = nn.Sequential(nn.Linear(dim + 4 + 3 + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, ids: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.hamster(ids[:, 0]), self.species(ids[:, 1]), self.wheel(ids[:, 2]), x], 1)
        return self.net(h)


def wheel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log distance and log speed."""
    return _mse(model, batch)


def hamster_wheel(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                  hidden: int = 32) -> dict[str, Any]:
    """The wheel net on 8192 hamster-nights, targets standardised over them; held out: 2048 other nights of the same
    hamsters in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(158101)
    ids, x, y = _hw_nights(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WheelNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": wheel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. terrarium glass fogging (AdamW)

TR_HOURS = 24


def _sat(t: torch.Tensor) -> torch.Tensor:
    """Saturation vapour density (g/m3) at t (C), from the Magnus formula (6.112 exp(17.62 t / (243.12 + t)) hPa)."""
    return 216.7 * 6.112 * torch.exp(17.62 * t / (243.12 + t)) / (t + 273.15)


def _tr_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A day of a closed glass terrarium (10-60 L, glass area 6 V^(2/3)), from midnight. Settings: the lid vent
    (0 sealed to 1 a mesh top, drawn as u^2), the plants' cover (0.2-1), the substrate's wetness (0-1), the grow
    light's heat (1-6 C) and its hours (on at 6-9, for 8-14 h), the room's mean temperature (16-26 C) and swing
    (1-5 C, warmest at 15:00), the room's relative humidity (35-65%), a misting (70% of days; 5-20 g at a random
    hour 6-22) and the fogged share at midnight (0-0.8, the film left from the day before). Each 10-minute step: the
    inside air relaxes (0.7 h) to the room plus the light's heat; the glass sits at the room's temperature plus 35%
    of the difference; transpiration (cover x (0.010 + 0.04 light) m3/h) and substrate evaporation (0.02 wetness)
    against the vapour deficit; condensation on the glass (3 m/h x the area) when the air's vapour density is above
    saturation at the glass, re-evaporation of the film when below; the vent's exchange (0.02 vent m3/h) with the
    room; the vapour balance solved implicitly. The fogged share 1 - exp(-film / (8 g/m2 x area)), read at the end
    of each hour with 0.05 scatter (a camera's pixel count). Returns (tokens (n, 24, 12), fogged share x 3
    (n, 24))."""
    vol = 10 + 50 * torch.rand(n, generator=gen)
    area = 6 * (vol / 1000) ** (2 / 3)
    vent = torch.rand(n, generator=gen) ** 2
    cover = 0.2 + 0.8 * torch.rand(n, generator=gen)
    wet = torch.rand(n, generator=gen)
    heat = 1 + 5 * torch.rand(n, generator=gen)
    on = torch.randint(6, 10, (n,), generator=gen).float()
    length = torch.randint(8, 15, (n,), generator=gen).float()
    tmean = 16 + 10 * torch.rand(n, generator=gen)
    swing = 1 + 4 * torch.rand(n, generator=gen)
    rh = 0.35 + 0.3 * torch.rand(n, generator=gen)
    mist_on = (torch.rand(n, generator=gen) < 0.7).float()
    mist_h = torch.randint(6, 23, (n,), generator=gen).float()
    mist_g = (5 + 15 * torch.rand(n, generator=gen)) * mist_on
    c0 = 0.8 * torch.rand(n, generator=gen)
    hours = torch.arange(TR_HOURS).float().view(1, -1)
    t_room = tmean.view(-1, 1) + swing.view(-1, 1) * torch.cos(2 * math.pi * (hours - 15) / 24)
    light = ((hours >= on.view(-1, 1)) & (hours < (on + length).view(-1, 1))).float()
    mist = (hours == mist_h.view(-1, 1)).float() * mist_g.view(-1, 1)
    v = vol / 1000
    m0 = 8 * area
    film = -m0 * torch.log1p(-c0)
    t_in = t_room[:, 0] + 0.3
    rho = 0.9 * _sat(t_in)
    dt = 1 / 6
    out = []
    for h in range(TR_HOURS):
        tr, li = t_room[:, h], light[:, h]
        rho_room = rh * _sat(tr)
        for _ in range(6):
            t_in = t_in + (tr + li * heat + 0.3 - t_in) * dt / 0.7
            t_glass = tr + 0.35 * (t_in - tr)
            s_in, s_gl = _sat(t_in), _sat(t_glass)
            g_s = cover * (0.010 + 0.04 * li) + 0.02 * wet
            hA = 3.0 * area * ((film > 0) | (rho > s_gl)).float()
            q = 0.02 * vent
            a = g_s * s_in + hA * s_gl + q * rho_room + mist[:, h]
            b = g_s + hA + q
            rho = (rho + dt / v * a) / (1 + dt / v * b)
            film = (film + dt * hA * (rho - s_gl)).clamp_min(0)
        out.append(1 - torch.exp(-film / m0))
    y = torch.stack(out, 1) + 0.05 * torch.randn(n, TR_HOURS, generator=gen)
    static = torch.stack([(vent - 0.33) / 0.3, (cover - 0.6) / 0.23, (wet - 0.5) / 0.29, (heat - 3.5) / 1.44,
                          torch.log(vol / 25), (rh - 0.5) / 0.087, (c0 - 0.4) / 0.23], 1)
    tokens = torch.cat([torch.stack([(t_room - 21) / 3.5, light, mist / 10,
                                     torch.sin(2 * math.pi * hours / 24).expand(n, -1),
                                     torch.cos(2 * math.pi * hours / 24).expand(n, -1)], 2),
                        static.unsqueeze(1).expand(-1, TR_HOURS, -1)], 2)
    return tokens, 3 * y


class FogGRU(nn.Module):
    """A one-layer GRU over the 24 hourly tokens (the day's inputs and the terrarium's settings at each step) with a
    linear read-out of each hour's fogged share."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(12, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(tokens)[0]).squeeze(-1)


def fog_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the hourly fogged shares (x 3)."""
    return _mse(model, batch)


def terrarium_fog(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                  hidden: int = 32) -> dict[str, Any]:
    """The fog GRU on 2048 terrarium-days; held out: 2048 other days in batches of 1024; AdamW (torch's
    defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(158102)
    x, y = _tr_days(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FogGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": fog_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. mulched garden bed soil moisture (Adam)

MU_DAYS = 28
MU_MULCHES = 6  # none, bark chips, straw, wood chips, compost, gravel
MU_SOILS = 3  # sand, loam, clay


def _mu_beds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Four weeks of a garden bed's top 30 cm under a mulch (none, bark chips, straw, wood chips, compost, gravel;
    2-10 cm deep: an interception store of 0.8, 1.2, 1.0, 2.0, 0.1 mm per cm and a damping of the soil's evaporation
    exp(-k depth), k 0.25, 0.35, 0.22, 0.15, 0.20 per cm) on sand, loam or clay (field capacity 0.12, 0.28, 0.38,
    wilting point 0.05, 0.12, 0.22, saturation 0.40, 0.46, 0.50, drainage 0.6, 0.3, 0.1 of the excess a day,
    Ritchie's stage-1 limit 6, 9, 12 mm and stage-2 coefficient 3, 4, 5 mm/d^0.5), from a starting moisture between
    wilting and just above field capacity. Daily weather: rain on 15-45% of days (exponential, mean 4-12 mm),
    potential evaporation 1.5-6 mm (a plot's level, +-30% a day). Each day: rain fills the mulch's store first and
    the rest infiltrates up to saturation (the excess runs off; more than 3 mm resets the soil's evaporation to
    stage 1); the store evaporates at up to 0.8 PET; the soil evaporates at the remaining demand times the mulch's
    damping, in stage 1 until its limit, then alpha (sqrt(t) - sqrt(t - 1)); a crop transpires 0.5 PET times a
    water-stress factor (1 above half the available water); drainage above field capacity. The probe reads the
    moisture at the day's end with 0.012 m3/m3 scatter. Returns (steps (n, 28, 13), moisture (n, 28))."""
    mulch = torch.randint(0, MU_MULCHES, (n,), generator=gen)
    depth = torch.where(mulch == 0, torch.zeros(n), 2 + 8 * torch.rand(n, generator=gen))
    soil = torch.randint(0, MU_SOILS, (n,), generator=gen)
    store = torch.tensor([0.0, 0.8, 1.2, 1.0, 2.0, 0.1])[mulch] * depth
    damp = torch.exp(-torch.tensor([0.0, 0.25, 0.35, 0.22, 0.15, 0.20])[mulch] * depth)
    fc = torch.tensor([0.12, 0.28, 0.38])[soil]
    wp = torch.tensor([0.05, 0.12, 0.22])[soil]
    kd = torch.tensor([0.6, 0.3, 0.1])[soil]
    sat = torch.tensor([0.40, 0.46, 0.50])[soil]
    u1 = torch.tensor([6.0, 9.0, 12.0])[soil]
    alpha = torch.tensor([3.0, 4.0, 5.0])[soil]
    th0 = wp + (fc - wp + 0.04) * torch.rand(n, generator=gen)
    p_wet = 0.15 + 0.3 * torch.rand(n, 1, generator=gen)
    mean_rain = 4 + 8 * torch.rand(n, 1, generator=gen)
    rain = ((torch.rand(n, MU_DAYS, generator=gen) < p_wet).float()
            * -mean_rain * torch.log(torch.rand(n, MU_DAYS, generator=gen).clamp_min(1e-6)))
    pet = (1.5 + 4.5 * torch.rand(n, 1, generator=gen)) * (0.7 + 0.6 * torch.rand(n, MU_DAYS, generator=gen))
    w = th0 * 300
    s = torch.zeros(n)
    cum1 = torch.zeros(n)
    t2 = torch.zeros(n)
    out = []
    for d in range(MU_DAYS):
        r, e0 = rain[:, d], pet[:, d]
        fill = torch.minimum(store - s, r)
        s = s + fill
        through = r - fill
        em = torch.minimum(s, 0.8 * e0)
        s = s - em
        w = torch.minimum(w + through, sat * 300)  # beyond saturation it runs off
        reset = through > 3
        cum1 = torch.where(reset, (cum1 - through).clamp_min(0), cum1)
        t2 = torch.where(reset, torch.zeros(n), t2)
        demand = (e0 - em) * damp
        stage1 = cum1 < u1
        e1 = torch.minimum(demand, u1 - cum1 + 0.5)
        t2n = t2 + (~stage1).float()
        e2 = torch.minimum(demand, alpha * (t2n.sqrt() - (t2n - 1).clamp_min(0).sqrt()))
        es = torch.where(stage1, e1, e2)
        cum1 = torch.where(stage1, cum1 + es, cum1)
        t2 = t2n
        avail = (w / 300 - wp) / (fc - wp)
        tr = 0.5 * e0 * (2 * avail).clamp(0, 1)
        w = (w - es - tr).clamp_min(0.5 * wp * 300)
        w = w - kd * (w - fc * 300).clamp_min(0)
        out.append(w / 300)
    y = torch.stack(out, 1) + 0.012 * torch.randn(n, MU_DAYS, generator=gen)
    static = torch.cat([F.one_hot(mulch, MU_MULCHES).float(), ((depth - 3) / 3).view(-1, 1),
                        F.one_hot(soil, MU_SOILS).float(), ((th0 - 0.2) / 0.1).view(-1, 1)], 1)
    steps = torch.cat([torch.stack([rain / 5, (pet - 3.4) / 1.5], 2), static.unsqueeze(1).expand(-1, MU_DAYS, -1)], 2)
    return steps, y


class MoistureLSTM(nn.Module):
    """A one-layer LSTM over the days (weather and the bed's settings at each step) with a linear read-out of each
    day's moisture."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(13, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, steps: torch.Tensor) -> torch.Tensor:
        return self.out(self.lstm(steps)[0]).squeeze(-1)


def moisture_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised daily moisture."""
    return _mse(model, batch)


def mulch_moisture(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The moisture LSTM on 2048 bed-months, readings standardised over them (one mean and sd); held out: 2048 other
    beds in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(158103)
    x, y = _mu_beds(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MoistureLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": moisture_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. coat stand tipping while a coat is lifted off (SGD with Nesterov momentum)

CS_HOOKS = 8
CS_BASES = 4  # three legs, four legs, five legs, a round weighted base


def _cs_stands(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Free-standing coat stands with eight hooks on a head (every 45 degrees, alternately 1.60-1.68 and 1.74-1.82 m
    high, reaching 12-18 cm from the pole), on three, four or five splayed legs (feet on a radius 0.22-0.36 m, the
    legs turned at random against the hooks) or a round weighted base (radius 0.16-0.24 m, +3 kg); the stand 3-9 kg
    with its centre of mass on the pole; on carpet (30% of stands) the feet sink and the edge moves 1.5 cm in. Each
    hook holds a coat with a stand's own probability (0.3-0.9), 0.4-2.5 kg. The hooks' tip angle 15-45 degrees and
    the coat loop's friction 0.2-0.5 (per stand). Lifting hook i's coat off drags its loop up the tip: a horizontal
    pull W_i tan(phi + atan mu) at the hook's height, outward along the hook (none for an empty hook). The tipping
    margin in that direction: the stand's weight and every coat's weight (the one being lifted included) times
    its distance inside the support edge (R cos(angle to the nearest leg) for legs, R for the round base, less the
    carpet's sinking), less the pull's moment. 3% + 0.2 N m scatter. Returns (hook tokens (n, 8, 16), margins (N m)
    (n, 8))."""
    g = 9.81
    base = torch.randint(0, CS_BASES, (n,), generator=gen)
    legs = torch.tensor([3.0, 4.0, 5.0, 0.0])[base]
    round_ = (base == 3).float()
    radius = torch.where(base == 3, 0.16 + 0.08 * torch.rand(n, generator=gen),
                         0.22 + 0.14 * torch.rand(n, generator=gen))
    mass = 3 + 6 * torch.rand(n, generator=gen) + 3 * round_
    carpet = (torch.rand(n, generator=gen) < 0.3).float()
    psi0 = 2 * math.pi * torch.rand(n, generator=gen)
    reach = 0.12 + 0.06 * torch.rand(n, generator=gen)
    phi = torch.deg2rad(15 + 30 * torch.rand(n, generator=gen))
    mu = 0.2 + 0.3 * torch.rand(n, generator=gen)
    p = 0.3 + 0.6 * torch.rand(n, 1, generator=gen)
    occ = (torch.rand(n, CS_HOOKS, generator=gen) < p).float()
    coat = occ * (0.4 + 2.1 * torch.rand(n, CS_HOOKS, generator=gen))
    k = torch.arange(CS_HOOKS).float().view(1, -1)
    theta = k * math.pi / 4
    height = torch.where(k % 2 == 0, 1.60 + 0.08 * torch.rand(n, 1, generator=gen),
                         1.74 + 0.08 * torch.rand(n, 1, generator=gen)).expand(n, CS_HOOKS)
    sector = 2 * math.pi / legs.clamp_min(1).view(-1, 1)
    rel = torch.remainder(theta - psi0.view(-1, 1) + sector / 2, sector) - sector / 2
    rel = rel * (1 - round_.view(-1, 1))
    edge = radius.view(-1, 1) * torch.cos(rel) - 0.015 * carpet.view(-1, 1)
    # every coat's weight about the edge facing hook i: w_j (edge_i - reach cos(theta_j - theta_i))
    cosd = torch.cos(theta.view(1, -1, 1) - theta.view(1, 1, -1))  # (1, i, j)
    w = coat * g
    restore = mass.view(-1, 1) * g * edge + (w.unsqueeze(1) * (edge.unsqueeze(2) - reach.view(-1, 1, 1) * cosd)).sum(2)
    pull = w * torch.tan(phi + torch.atan(mu)).view(-1, 1)
    margin = restore - pull * height
    y = margin * (1 + 0.03 * torch.randn(n, CS_HOOKS, generator=gen)) + 0.2 * torch.randn(n, CS_HOOKS, generator=gen)
    glob = torch.cat([F.one_hot(base, CS_BASES).float(), torch.stack([
        (radius - 0.26) / 0.05, (mass - 7) / 2.3, (reach - 0.15) / 0.017, (torch.rad2deg(phi) - 30) / 8.7,
        (mu - 0.35) / 0.087, 2 * carpet - 1], 1)], 1)
    tokens = torch.cat([torch.stack([occ, (coat - 0.7) / 0.8, (height - 1.71) / 0.07,
                                     torch.cos(theta).expand(n, -1), torch.sin(theta).expand(n, -1),
                                     torch.cos(rel) * 4 - 3], 2),
                        glob.unsqueeze(1).expand(-1, CS_HOOKS, -1)], 2)
    return tokens, y


class HookSetNet(nn.Module):
    """DeepSets over the hooks: a shared ReLU encoder of each hook's token, the mean over the hooks, and a shared
    head on each hook's code with that mean to its tipping margin (permutation-equivariant)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(16, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        h = self.phi(tokens)
        pooled = h.mean(1, keepdim=True).expand_as(h)
        return self.head(torch.cat([h, pooled], 2)).squeeze(-1)


def margin_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised tipping margins."""
    return _mse(model, batch)


def coat_stand_tipping(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The hook-set net on 2048 stands, margins standardised over them (one mean and sd); held out: 2048 other stands
    in batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(158104)
    x, y = _cs_stands(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HookSetNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": margin_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. wood glue joint curing (Adamax)

WG_GLUES = 4  # five-minute epoxy, thirty-minute epoxy, slow laminating epoxy, one-part polyurethane
WG_TIMES = (1.0, 2.0, 4.0, 8.0, 16.0, 24.0, 48.0, 72.0)
WG_SUB = 8
WG_LOG = 2  # the shop logger's readings per read-out interval (at the midpoints of two equal halves)


def _wg_grid(sub: int = WG_SUB) -> torch.Tensor:
    """The integration grid (hours): each interval between 0 and the read-out times split into ``sub`` equal
    steps."""
    edges = (0.0,) + WG_TIMES
    return torch.cat([torch.linspace(a, b, sub + 1)[1:] for a, b in zip(edges[:-1], edges[1:])])


def _wg_mids(sub: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The midpoints and lengths of the grid's steps (hours)."""
    grid = _wg_grid(sub)
    dts = torch.diff(torch.cat([torch.zeros(1), grid]))
    return grid - dts / 2, dts


def _shop_temp(t: torch.Tensor, tmean: torch.Tensor, swing: torch.Tensor, hour: torch.Tensor) -> torch.Tensor:
    """The shop's temperature (C) t hours after the glue-up at ``hour`` o'clock: warmest at 15:00."""
    return tmean.view(-1, 1) + swing.view(-1, 1) * torch.cos(2 * math.pi * (hour.view(-1, 1) + t - 15) / 24)


def _wg_joints(n: int, gen: torch.Generator, scatter: float = 0.12) -> tuple[torch.Tensor, torch.Tensor]:
    """Block-shear tests of glued hardwood and softwood joints, broken 1, 2, 4, 8, 16, 24, 48 and 72 h after the
    glue-up. The glue (5-minute, 30-minute or slow laminating epoxy, one-part moisture-curing polyurethane: rate at
    20 C 3.0, 0.6, 0.12, 0.25 per h; activation energy 50, 55, 60, 40 kJ/mol; fully cured Tg 55, 60, 75, 50 C;
    glue-line strength 9, 12, 14, 10 MPa; gel at 55%, 55%, 55%, 40% conversion), the shop (mean 8-28 C, a day's
    swing 0-6 C, the glue-up hour 0-24), the wood's moisture content (6-16%: polyurethane cures with it, (MC /
    10)^1.2; epoxy a little slower when wet, (MC / 10)^-0.2), the glue line (0.1-0.6 mm: its exotherm warms the line
    by 3 C per mm per unit rate) and the wood's own shear strength (6-14 MPa). Cure: Kamal's autocatalytic law
    d alpha / dt = k(T) (0.1 + alpha)(1 - alpha)^1.5 with Arrhenius k, slowed by vitrification as DiBenedetto's Tg
    (Tg0 -20 C, lambda 0.45) nears the line's temperature (a logistic factor over 3 C, 10 C above the cure
    temperature), Euler on a 64-step grid. Strength: the glue line's strength x ((alpha - gel) / (1 - gel))^1.3,
    joined softly to the wood's (a 4-norm harmonic cap: wood failure). Log (0.2 + MPa) with ``scatter`` (12%; 8% in
    the long plan's better-controlled tests) lognormal scatter. Returns
    (features (n, 27): 11 scaled, then the shop logger's 16 readings (C, 0.3 C scatter) at the midpoints of the
    halves of each interval between the read-out times; log strengths (n, 8))."""
    glue = torch.randint(0, WG_GLUES, (n,), generator=gen)
    tmean = 8 + 20 * torch.rand(n, generator=gen)
    swing = 6 * torch.rand(n, generator=gen)
    hour = 24 * torch.rand(n, generator=gen)
    mc = 6 + 10 * torch.rand(n, generator=gen)
    line = 0.1 + 0.5 * torch.rand(n, generator=gen)
    wood = 6 + 8 * torch.rand(n, generator=gen)
    k20 = torch.tensor([3.0, 0.6, 0.12, 0.25])[glue]
    ea = torch.tensor([50e3, 55e3, 60e3, 40e3])[glue]
    tg_inf = torch.tensor([55.0, 60.0, 75.0, 50.0])[glue]
    tau_max = torch.tensor([9.0, 12.0, 14.0, 10.0])[glue]
    gel = torch.tensor([0.55, 0.55, 0.55, 0.40])[glue]
    pu = (glue == 3).float()
    k20 = k20 * torch.where(pu > 0, (mc / 10) ** 1.2, (mc / 10) ** -0.2)
    grid = _wg_grid()
    mids, dts = _wg_mids(WG_SUB)
    temps = _shop_temp(mids.view(1, -1), tmean, swing, hour)
    a = torch.zeros(n)
    rate = torch.zeros(n)
    out = []
    for i in range(len(grid)):
        t_line = temps[:, i] + 3.0 * line * rate
        k = k20 * torch.exp(-ea / 8.314 * (1 / (t_line + 273.15) - 1 / 293.15))
        tg = -20 + (tg_inf + 20) * 0.45 * a / (1 - 0.55 * a)
        vit = torch.sigmoid((t_line + 10 - tg) / 3)
        rate = k * (0.1 + a) * (1 - a).clamp_min(0) ** 1.5 * vit
        a = (a + rate * dts[i]).clamp(0, 1)
        if (i + 1) % WG_SUB == 0:
            out.append(a)
    alpha = torch.stack(out, 1)
    tau = tau_max.view(-1, 1) * ((alpha - gel.view(-1, 1)) / (1 - gel.view(-1, 1))).clamp_min(0) ** 1.3
    joint = tau * wood.view(-1, 1) / (tau**4 + wood.view(-1, 1) ** 4 + 1e-12) ** 0.25
    y = torch.log(0.2 + joint * torch.exp(scatter * torch.randn(n, len(WG_TIMES), generator=gen)))
    x = torch.cat([F.one_hot(glue, WG_GLUES).float(), torch.stack([
        (tmean - 18) / 5.8, swing / 3 - 1, torch.sin(2 * math.pi * hour / 24), torch.cos(2 * math.pi * hour / 24),
        (mc - 11) / 2.9, (line - 0.35) / 0.14, (wood - 10) / 2.3], 1)], 1)
    logged = _shop_temp(_wg_mids(WG_LOG)[0].view(1, -1), tmean, swing, hour) + 0.3 * torch.randn(n, 8 * WG_LOG,
                                                                                                generator=gen)
    return torch.cat([x, logged], 1), y


class CureGreyBox(nn.Module):
    """A grey box: a tanh MLP reads the 11 scaled features and gives the joint's log cure rate at 20 C (per h), its
    activation energy (kJ/mol, 25-85), the cure plateau (a logit), the glue line's log strength and the wood's log
    shear strength; a maturity (equivalent-age) integral over the shop logger's readings (the midpoint rule on its
    16 steps) gives the conversion plateau x (1 - exp(-k t_e)) at each read-out time, and the strength follows a
    gel-point power law (gel at 50%, softened) with a harmonic cap at the wood's strength. Outputs standardised
    log (0.2 + MPa) with the pool's means and sds (buffers)."""

    def __init__(self, mean: torch.Tensor, sd: torch.Tensor, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 5))
        self.register_buffer("dts", _wg_mids(WG_LOG)[1])
        self.register_buffer("mean", mean)
        self.register_buffer("sd", sd)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x[:, :11])
        ea = 55e3 + 30e3 * torch.tanh(p[:, 1:2])
        factor = torch.exp(-ea / 8.314 * (1 / (x[:, 11:] + 273.15) - 1 / 293.15))
        te = torch.cumsum(factor * self.dts, 1)[:, WG_LOG - 1 :: WG_LOG]
        alpha = torch.sigmoid(p[:, 2:3] + 2.0) * -torch.expm1(-torch.exp(p[:, 0:1] - 1.0) * te)
        tau = torch.exp(p[:, 3:4] + 2.4) * (F.softplus(40 * (alpha - 0.5)) / 20 + 1e-6) ** 1.3
        wood = torch.exp(p[:, 4:5] + 2.3)
        joint = tau * wood / (tau + wood)
        return (torch.log(0.2 + joint) - self.mean) / self.sd


def cure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log block-shear strengths."""
    return _mse(model, batch)


def wood_glue_curing(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32,
                     scatter: float = 0.12) -> dict[str, Any]:
    """The cure grey box on 1024 joints (12% test scatter unless ``scatter`` says otherwise), targets standardised
    over them (per read-out time; the model standardises its own outputs the same way); held out: 2048 other joints
    in batches of 1024; Adamax (torch's defaults: betas 0.9, 0.999)."""
    gen = torch.Generator().manual_seed(158105)
    x, y = _wg_joints(train_size + 2048, gen, scatter)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CureGreyBox(mean, sd, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": cure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. solar garden lamp night glow (Adagrad; long only)

SL_LAMPS = 320
SL_TIMES = (1.0, 2.0, 4.0, 6.0, 8.0, 10.0)  # hours after dusk


def _sl_glow(harvest: torch.Tensor, cap: torch.Tensor, led: torch.Tensor, night: torch.Tensor) -> torch.Tensor:
    """The charge / discharge law: the cell's charge cap (1 - exp(-harvest / cap)) (mAh), the run time charge / LED
    current (h), the glow cut at dawn; the brightness (LED current / 20 mA) sagging as (1 - 0.3 (t / run)^4) and
    off (a logistic over 15 minutes) when the cell is spent or at dawn. Returns (log glow hours, brightness at the
    six read-out times)."""
    charge = cap * (1 - torch.exp(-harvest / cap))
    run = charge / led
    glow = torch.minimum(run, night)
    t = torch.tensor(SL_TIMES, device=harvest.device).view(1, -1)
    on = torch.sigmoid((run.view(-1, 1) - t) / 0.25) * torch.sigmoid((night.view(-1, 1) - t) / 0.25)
    bright = led.view(-1, 1) / 20 * (1 - 0.3 * (t / run.view(-1, 1)).clamp(max=1.5) ** 4) * on
    return torch.cat([torch.log(glow).view(-1, 1), bright], 1)


def _sl_nights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Nights of a fleet of 320 solar garden lamps with loggers. Per lamp: its panel's harvest factor (log-normal,
    sd 0.35: shade, tilt, ageing), its NiMH cell's capacity (600 mAh x 0.6-1.1: fade) and its LED current (12-30
    mA). Per night: the day's insolation (0.3-7 kWh/m2, log-uniform), the night's temperature (-2 to 25 C: the
    cell loses 0.8% of its capacity per degree below 20 C), the night's length (7-16 h) and the days since the panel
    was wiped (0-60: dirt takes exp(-days / 80)). Harvest 90 mAh per kWh/m2 x the factors; the law of ``_sl_glow``.
    Scatter: 4% on the glow hours, 0.02 on the brightness. Returns (lamp ids (n,), numbers (n, 6): four scaled, then
    the raw insolation and night length; log glow hours and brightness at 1, 2, 4, 6, 8, 10 h (n, 7))."""
    eff = torch.exp(0.35 * torch.randn(SL_LAMPS, generator=gen))
    cap = 600 * (0.6 + 0.5 * torch.rand(SL_LAMPS, generator=gen))
    led = 12 + 18 * torch.rand(SL_LAMPS, generator=gen)
    lid = torch.randint(0, SL_LAMPS, (n,), generator=gen)
    ins = 0.3 * (7 / 0.3) ** torch.rand(n, generator=gen)
    temp = -2 + 27 * torch.rand(n, generator=gen)
    night = 7 + 9 * torch.rand(n, generator=gen)
    dirt = 60 * torch.rand(n, generator=gen)
    harvest = 90 * eff[lid] * ins * torch.exp(-dirt / 80)
    cap_t = cap[lid] * (1 - 0.008 * (20 - temp).clamp_min(0))
    y = _sl_glow(harvest, cap_t, led[lid], night)
    y = torch.cat([y[:, :1] + 0.04 * torch.randn(n, 1, generator=gen),
                   y[:, 1:] + 0.02 * torch.randn(n, len(SL_TIMES), generator=gen)], 1)
    x = torch.stack([torch.log(ins) - 0.37, (temp - 11.5) / 7.8, (night - 11.5) / 2.6, (dirt - 30) / 17.3, ins,
                     night], 1)
    return lid, x, y


class LampGreyBox(nn.Module):
    """A grey box with a learned embedding of each lamp: a ReLU MLP on the embedding and the four scaled numbers
    gives the lamp-night's log harvest factor, log usable capacity and log LED current; ``_sl_glow`` turns them,
    with the raw insolation and night length, into the glow hours and brightness. Outputs standardised with the
    pool's means and sds (buffers)."""

    def __init__(self, mean: torch.Tensor, sd: torch.Tensor, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.lamp = nn.Embedding(SL_LAMPS, dim)
        self.net = nn.Sequential(nn.Linear(dim + 4, hidden), nn.ReLU(), nn.Linear(hidden, 3))
        self.register_buffer("mean", mean)
        self.register_buffer("sd", sd)

    def forward(self, lid: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        p = self.net(torch.cat([self.lamp(lid), x[:, :4]], 1))
        harvest = 90 * torch.exp(p[:, 0]) * x[:, 4]
        cap = 500 * torch.exp(p[:, 1])
        led = 20 * torch.exp(p[:, 2])
        return (_sl_glow(harvest, cap, led, x[:, 5]) - self.mean) / self.sd


def glow_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log glow hours and brightness."""
    return _mse(model, batch)


def solar_lamp_glow(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                    hidden: int = 32) -> dict[str, Any]:
    """The lamp grey box on 8192 lamp-nights, targets standardised over them; held out: 2048 other nights of the
    same lamps in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(158106)
    lid, x, y = _sl_nights(train_size + 2048, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (lid[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LampGreyBox(mean, sd, dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((lid[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": glow_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("terrarium_fog_adamw", terrarium_fog, 300, "terrarium_glass_fogging_hourly_gru", "adamw", "finite", 32,
      seconds=1.2, start_lr=0.064),
    W("mulch_moisture_adam", mulch_moisture, 300, "mulched_bed_soil_moisture_ritchie_bucket_lstm", "adam", "finite",
      64, seconds=0.8, start_lr=0.128),
    W("coat_stand_tipping_nesterov", coat_stand_tipping, 300, "coat_stand_coat_lift_off_tipping_margin_deepsets",
      "sgd_nesterov0.9", "finite", 32, seconds=0.3, start_lr=0.1),
    W("wood_glue_curing_adamax", wood_glue_curing, 300, "wood_glue_joint_kamal_cure_maturity_greybox", "adamax",
      "finite", 32, seconds=0.35, start_lr=0.128),
)
LONG = (
    W("hamster_wheel_adagrad@long", hamster_wheel, 3000, "hamster_wheel_nightly_running_embedding_net", "adagrad",
      "finite", 32, seconds=1.8, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("solar_lamp_glow_adagrad@long", solar_lamp_glow, 3000, "solar_garden_lamp_night_glow_embedding_greybox",
      "adagrad", "finite", 32, seconds=2.6, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("coat_stand_tipping_nesterov@long", coat_stand_tipping, 3000, "coat_stand_coat_lift_off_tipping_margin_deepsets",
      "sgd_nesterov0.9", "finite", 32, dict(train_size=8192, hidden=24), seconds=1.9, start_lr=0.1,
      grid_fractions=(0.0, 0.05), long_of="coat_stand_tipping_nesterov"),
    W("wood_glue_curing_adamax@long", wood_glue_curing, 3000, "wood_glue_joint_kamal_cure_maturity_greybox", "adamax",
      "finite", 32, dict(train_size=8192, hidden=16, scatter=0.08), seconds=2.7, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="wood_glue_curing_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam158_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-eighth exam's workloads")
