"""The hundred-and-fifty-first exam: six more workload families that neither the suite nor exams 1-150 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam150_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from salt pigs and moisture, bread lames and dough scoring, butter bells and
water seals, cloches and plant warming, bundt tins and baking heat, and French presses and steeping (exam 152 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam151/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- salt pig caking: a GRU reads six days of a kitchen's humidity and temperature (every 6 hours, with cooking
  steam) and the pig (glazed stoneware, unglazed terracotta, olive wood) and salt (fine table salt with an
  anti-caking agent, flaky sea salt, coarse kosher) and gives, at each reading, the salt's moisture content and its
  caking index; NaCl deliquescence above ~75% RH (sea salt's magnesium chloride from ~33%), uptake limited by the
  hood's opening, a terracotta pig buffering the RH, liquid bridges recrystallising into cakes on drying; RMSprop
  (torch's defaults)
- bread lame scoring and the loaf's ear: a 1-D CNN decoder from the scoring (the proof level, the blade's angle,
  the score's depth, the hydration, the loaf's width and the score's position) to the laser height profile across
  the baked loaf (64 points); oven spring from the proof (under-proofed dough springs more and bursts beside a
  shallow score), the opening from the spring and the depth, an ear lifted by a shallow angle, slump from hydration
  and over-proof; MSE of the profile; Adam (torch's defaults)
- butter bell water seal: a grey-box model (Dalton evaporation of the seal water with the Magnus vapour pressure,
  Arrhenius lipid oxidation, faster once the seal has run dry, with learnable constants and a small correction
  net) from the kitchen, the bell and the refill routine to the water lost and the butter's log peroxide value;
  Adagrad (torch's defaults), long only
- cloche night warming: a Post-LN transformer over a day's 24 hourly weather readings from noon (air temperature, cloud,
  wind, sun, humidity) and the cloche's material (glass, polyethylene film, twin-wall polycarbonate, horticultural
  fleece) gives the air temperature under the cloche each hour; a lumped energy balance (the sun trapped, a
  wind-dependent loss, long-wave loss to the sky through covers that pass or stop it, so film can invert below the
  open air on clear nights, the soil's store of heat); AdamW (torch's defaults)
- bundt tin bake time: an embedding net from the tin (cast aluminium, spun aluminium, dark non-stick steel,
  silicone, glass, tinned steel), the batter, the oven mode and the rack, plus the batter mass, the set point and
  the fill, to the log time for the middle of the ring's crumb to reach 96 C and the crust thickness; a
  conduction time L^2 / alpha over the ring's half-width (the tube heating from inside), a Biot correction with the
  tin's emissivity and conductance, the crust as an evaporation front growing with sqrt(time); Adagrad (torch's
  defaults)
- French press brew: a residual MLP with LayerNorm from the grind (the burr setting's boulder size and fines share),
  the brew ratio, the water temperature, the steep time, the stir, the carafe and its preheating, and the roast to
  the total dissolved solids, the extraction yield, the cup temperature and the silt through the mesh; two-class
  extraction (fines washed fast, boulders diffusion-limited, rate ~ D(T) / r^2) in water cooling by Newton's law;
  Adagrad (initial_accumulator_value 0.1), long only

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): all four use Adagrad:
the butter-bell grey box and the French-press net (no short plans), the bundt net on 8192 bakes (1% scatter) with
16 units a layer, and the French-press net on a cafe's 16384 brews with 24 units and batches of 64 (the same
optimiser as the brew plan, initial_accumulator_value 0.1).

Of the eight plans, five use Adagrad (the short bundt plan and the four long plans), one RMSprop (salt pig), one Adam
(bread lame) and one AdamW (cloche).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam151_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam151/README.md).

    python benchmarks/exam151_workloads.py          # the table
    python benchmarks/exam151_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 151"


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
    """Targets standardised per last-axis column with the mean and sd of the first ``n`` rows (the training pool)."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


def _psat(t_c: torch.Tensor) -> torch.Tensor:
    """Saturation vapour pressure of water (kPa), the Magnus form (from memory)."""
    return 0.6108 * torch.exp(17.27 * t_c / (t_c + 237.3))


# --------------------------------------------------------------------------------------------------------------
# 1. salt pig caking over six days of kitchen humidity (RMSprop)

SP_STEPS = 24  # readings every 6 hours over 6 days
SP_PIGS = 3  # glazed stoneware, unglazed terracotta, olive wood
SP_SALTS = 3  # fine table salt (anti-caking agent), flaky sea salt, coarse kosher


def _sp_kitchens(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Six days in a salt pig. The kitchen's RH: a daily cycle (amplitude 10-18% RH about a mean of 40-70%),
    weather fronts (a random walk) and cooking steam (each reading a 1-in-4 chance of +10-30% RH), clipped to
    15-98%; the temperature 19-25 C, falling as the RH rises. The pig's hood passes a share of the room's air
    exchange (stoneware 1, terracotta 0.9, olive wood 0.8); unglazed terracotta buffers the RH the salt sees (a
    first-order lag, 12 h time constant), wood a little. The salt's deliquescence RH: pure NaCl 75.3% (a little
    lower when warm); sea salt's MgCl2 film wets from ~33% with a small capacity; the anti-caking agent of table
    salt soaks up the first 0.3% of moisture. Below the DRH the salt adsorbs a thin film (Langmuir-like, a few
    hundredths of a percent); above it, it dissolves at a rate ~ (RH - DRH) times the exchange (faster for finer
    salt), and the brine dries back (effloresces) at ~ (DRH - 8 - RH) when the air is drier. Drying brine
    recrystallises as bridges: the caking index grows with the moisture lost on drying (the finer the salt, the
    more contacts; the anti-caking agent cuts it) and never falls. Scatter 0.02 on both targets. Returns
    (sequences (n, 24, 8): RH, temperature, pig one-hot, salt one-hot; targets (n, 24, 2): log moisture (% w/w)
    and caking index)."""
    t = torch.arange(SP_STEPS).float() * 6.0  # hours
    mean_rh = 40 + 30 * torch.rand(n, 1, generator=gen)
    swing = 10 + 8 * torch.rand(n, 1, generator=gen)
    phase = 2 * math.pi * torch.rand(n, 1, generator=gen)
    front = torch.cumsum(2.5 * torch.randn(n, SP_STEPS, generator=gen), 1)
    cook = (torch.rand(n, SP_STEPS, generator=gen) < 0.25).float() * (10 + 20 * torch.rand(n, SP_STEPS, generator=gen))
    rh = (mean_rh + swing * torch.sin(2 * math.pi * t / 24 + phase) + front + cook).clamp(15, 98)
    temp = 22 + 6 * (torch.rand(n, 1, generator=gen) - 0.5) - 0.08 * (rh - mean_rh) + 0.5 * torch.randn(
        n, SP_STEPS, generator=gen)
    pig = torch.randint(0, SP_PIGS, (n,), generator=gen)
    salt = torch.randint(0, SP_SALTS, (n,), generator=gen)
    exch = torch.tensor([1.0, 0.9, 0.8])[pig]
    buffer = torch.tensor([0.0, 1.0, 0.3])[pig]
    fine = torch.tensor([1.0, 0.5, 0.35])[salt]
    agent = torch.tensor([0.3, 0.0, 0.0])[salt]
    mg = torch.tensor([0.0, 1.0, 0.0])[salt]
    seen = rh[:, 0].clone()
    water = torch.full((n,), 0.02)
    cake = torch.zeros(n)
    held = torch.zeros(n)
    ms, cs = [], []
    for k in range(SP_STEPS):
        lag = 1 - math.exp(-6 / 12)
        seen = seen + (rh[:, k] - seen) * (1 - buffer * (1 - lag))
        drh = 75.3 - 0.1 * (temp[:, k] - 25)
        film = 0.05 * (seen / 100) / (1 + 2 * seen / 100) + mg * 0.15 * torch.sigmoid((seen - 33) / 3)
        wet_rate = 0.012 * exch * torch.relu(seen - drh) * (1 + 0.3 * fine)
        dry_rate = 0.02 * exch * torch.relu(drh - 8 - seen) * (1 + 0.02 * (temp[:, k] - 20))
        before = held
        held = torch.relu(held + wet_rate - dry_rate * (held > 0).float())
        soak = torch.minimum(held, agent)
        lost = torch.relu(before - held)
        cake = cake + (1 - cake) * (1 - torch.exp(-2.5 * fine * lost * (1 - 0.6 * agent / 0.3 * (agent > 0).float())))
        water = film + held - 0.8 * soak + 0.02
        ms.append(torch.log(water))
        cs.append(cake)
    y = torch.stack([torch.stack(ms, 1), torch.stack(cs, 1)], 2)
    scatter = [0.02 * torch.randn(n, SP_STEPS, generator=gen) for _ in range(2)]
    y = y + torch.stack(scatter, 2)
    x = torch.cat([((rh - 55) / 20).unsqueeze(2), ((temp - 22) / 3).unsqueeze(2),
                   F.one_hot(pig, SP_PIGS).float().unsqueeze(1).expand(n, SP_STEPS, SP_PIGS),
                   F.one_hot(salt, SP_SALTS).float().unsqueeze(1).expand(n, SP_STEPS, SP_SALTS)], 2)
    return x, y


class CakingGRU(nn.Module):
    """A one-layer GRU over the readings, a linear head on every hidden state (moisture and caking so far)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(2 + SP_PIGS + SP_SALTS, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)


def caking_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log moisture and caking index over all readings."""
    return _mse(model, batch)


def salt_pig_caking(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The caking GRU on 1024 six-day records, targets standardised over them; held out: 2048 others in batches of
    1024; RMSprop (torch's defaults: alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(151101)
    x, y = _sp_kitchens(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CakingGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": caking_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. bread lame scoring and the baked loaf's profile (Adam)

BL_POINTS = 64


def _bl_loaves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Batards scored once along their length, baked, and laser-profiled across the score (64 points over 12 cm).
    The proof level p (0.55-1.35 of the optimum), the blade's angle to the surface (20-90 degrees), the score's depth
    (3-12 mm), the hydration (65-85%), the loaf's half-width 5-6 cm. Oven spring s = 0.35 (1.25 - p) + 0.1
    (at least 0.02), more when under-proofed; the dome's height 5 cm (1 + s) less a slump from hydration and
    over-proof; the score opens to a groove of width ~ s (depth / 8)^0.7 and depth ~ the score's depth times
    (0.6 + s); a shallow angle lifts an ear on one side ~ (0.4 + s) cos(angle) (a wet dough's ear sags);
    under-proofed dough with a shallow score bursts beside it (a ragged bump). The score's position is off centre by
    up to 2 cm; 2 mm of crust roughness and laser noise. Returns (the
    scoring (n, 6): proof, angle, depth, hydration, width, position, standardised by their ranges; the profile
    (n, 1, 64): cm, less 3, halved)."""
    p = 0.55 + 0.8 * torch.rand(n, 1, generator=gen)
    ang = 20 + 70 * torch.rand(n, 1, generator=gen)
    depth = 3 + 9 * torch.rand(n, 1, generator=gen)
    hyd = 0.65 + 0.2 * torch.rand(n, 1, generator=gen)
    width = 5.0 + 1.0 * torch.rand(n, 1, generator=gen)
    xs = torch.linspace(-6, 6, BL_POINTS).view(1, -1)
    centre = 2 * (2 * torch.rand(n, 1, generator=gen) - 1)
    spring = (0.35 * (1.25 - p) + 0.1).clamp_min(0.02)
    slump = 0.6 * (hyd - 0.65) / 0.2 * (0.5 + torch.relu(p - 0.9))
    height = 5.0 * (1 + spring) - slump
    dome = height * (1 - (xs / (width + 0.8 * slump)) ** 2).clamp_min(0).sqrt()
    opening = 0.4 + 2.0 * spring * (depth / 8) ** 0.7
    groove = 0.12 * depth * (0.6 + spring) * torch.exp(-0.5 * ((xs - centre) / (0.25 + 0.4 * opening)) ** 2)
    ear_h = 2.0 * (0.4 + spring) * torch.cos(torch.deg2rad(ang)) * (1.3 - hyd)
    ear = ear_h * torch.exp(-0.5 * ((xs - centre - 0.25 - 0.6 * opening) / 0.6) ** 2)
    burst_amt = torch.relu(spring - 0.12 - 0.03 * depth) * 6
    side = centre - 2.2 + 0.5 * torch.randn(n, 1, generator=gen)
    burst = burst_amt * torch.exp(-0.5 * ((xs - side) / (0.5 + 0.3 * torch.rand(n, 1, generator=gen))) ** 2)
    prof = dome - groove + ear + burst + 0.2 * torch.randn(n, BL_POINTS, generator=gen)
    x = torch.cat([(p - 0.95) / 0.23, (ang - 55) / 20, (depth - 7.5) / 2.6, (hyd - 0.75) / 0.058,
                   (width - 5.5) / 0.29, centre / 1.15], 1)
    return x, ((prof - 3.0) / 2.0).unsqueeze(1)


class ProfileDecoder(nn.Module):
    """A 1-D CNN decoder: a linear map of the scoring to ``width`` channels at 8 points, then three blocks of x2
    nearest upsampling, a width-5 convolution and GELU (to 64 points), and a width-5 convolution to the profile."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.width = width
        self.inp = nn.Linear(6, width * 8)
        blocks: list[nn.Module] = []
        for _ in range(3):
            blocks += [nn.Upsample(scale_factor=2), nn.Conv1d(width, width, 5, padding=2), nn.GELU()]
        self.body = nn.Sequential(*blocks)
        self.out = nn.Conv1d(width, 1, 5, padding=2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.gelu(self.inp(x)).view(-1, self.width, 8)
        return self.out(self.body(h))


def score_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (shifted, scaled) profile."""
    return _mse(model, batch)


def bread_lame_scoring(batch_size: int = 32, seed: int = 0, train_size: int = 1536, width: int = 16) -> dict[str, Any]:
    """The profile decoder on 1536 loaves; held out: 2048 other loaves in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(151102)
    x, y = _bl_loaves(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ProfileDecoder(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": score_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. butter bell water seal and butter oxidation, a grey box (Adagrad; long only)


def _bb_bells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Butter bells on a counter: kitchen temperature 16-30 C (daily swing 2-8 C), RH 30-80%, the seal water's
    depth at a refill 8-20 mm, the refill interval 2-10 days, the bell (glazed, unglazed base that wicks water),
    salted or unsalted butter, the butter's days in the bell 1-21. Water loss by Dalton's law: (1 - RH) p_sat(T) over
    the base's open rim (more with the swing; an unglazed base wicks and loses 1.6x); the seal runs dry when the
    loss since the last refill exceeds the depth. Oxidation: peroxide value PV = 0.2 exp(k t_eff) meq/kg, k from
    Arrhenius (Ea 60 kJ/mol, 0.035 a day at 20 C), 0.7x for salted butter,
    days with a dry seal count 4x (air reaches the butter). Scatter: 6% on the water lost, 8% on the PV. Returns
    (features (n, 8), raw; targets (n, 2): the water lost over the last interval (cm) and log PV)."""
    temp = 16 + 14 * torch.rand(n, generator=gen)
    sw = 2 + 6 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.5 * torch.rand(n, generator=gen)
    depth = 8 + 12 * torch.rand(n, generator=gen)
    interval = 2 + 8 * torch.rand(n, generator=gen)
    unglazed = (torch.rand(n, generator=gen) < 0.4).float()
    salted = (torch.rand(n, generator=gen) < 0.5).float()
    days = 1 + 20 * torch.rand(n, generator=gen)
    evap = 1.1 * (1 - rh) * _psat(temp) * (1 + 0.02 * sw**1.5) * (1 + 0.6 * unglazed)  # mm a day
    dry_after = depth / evap  # days after a refill that the seal runs dry
    dry_frac = torch.relu(interval - dry_after) / interval
    k = 0.035 * torch.exp(60e3 / 8.314 * (1 / 293.15 - 1 / (temp + 273.15))) * (1 - 0.3 * salted)
    t_eff = days * (1 + 3 * dry_frac)
    pv = 0.2 * torch.exp(k * t_eff)
    lost = torch.minimum(evap * interval, depth)
    noise = torch.randn(n, 2, generator=gen)
    y = torch.stack([lost / 10 * torch.exp(0.06 * noise[:, 0]), torch.log(pv) + 0.08 * noise[:, 1]], 1)
    x = torch.stack([temp, sw, rh, depth, interval, unglazed, salted, days], 1)
    return x, y


class ButterBellGreyBox(nn.Module):
    """Dalton evaporation and Arrhenius oxidation with learnable constants (log evaporation coefficient, log rate at
    20 C, activation energy in 10 kJ/mol, log dry-seal factor, log salt factor), and a small tanh net adding a
    correction to both outputs from the standardised inputs."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.log_a = nn.Parameter(torch.tensor(0.0))
        self.log_k = nn.Parameter(torch.tensor(-3.0))
        self.ea = nn.Parameter(torch.tensor(5.0))
        self.log_dry = nn.Parameter(torch.tensor(0.0))
        self.log_salt = nn.Parameter(torch.tensor(0.0))
        self.corr = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, 2))
        self.register_buffer("mu", torch.tensor([23.0, 5.0, 0.55, 14.0, 6.0, 0.4, 0.5, 11.0]))
        self.register_buffer("sd", torch.tensor([4.0, 1.7, 0.14, 3.5, 2.3, 0.5, 0.5, 5.8]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        temp, sw, rh, depth, interval, unglazed, salted, days = x.unbind(1)
        evap = torch.exp(self.log_a) * (1 - rh) * _psat(temp) * (1 + 0.02 * sw**1.5)
        dry_frac = torch.relu(interval - depth / evap.clamp_min(1e-3)) / interval
        k = torch.exp(self.log_k + self.ea * 1e4 / 8.314 * (1 / 293.15 - 1 / (temp + 273.15)) + self.log_salt * salted)
        log_pv = math.log(0.2) + k * days * (1 + torch.exp(self.log_dry) * dry_frac)
        lost = torch.minimum(evap * interval, depth) / 10
        return torch.stack([lost, log_pv], 1) + self.corr((x - self.mu) / self.sd)


def bell_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the water lost (cm) and the log peroxide value."""
    return _mse(model, batch)


def butter_bell_seal(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The grey box on 8192 bell-weeks; held out: 2048 others in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(151103)
    x, y = _bb_bells(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ButterBellGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bell_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. cloche warming over a day and night (AdamW)

CL_HOURS = 24
CL_COVERS = 4  # glass, polyethylene film, twin-wall polycarbonate, fleece


def _cl_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A spring day under a cloche, hourly from noon. Outside air: a daily cycle (mean 2-14 C, amplitude 3-8 C,
    coldest near dawn) with noise; cloud 0-1 (a slow walk, clear nights colder); wind 0-8 m/s; sun by the hour's
    elevation times (1 - 0.7 cloud); RH. The cover: solar transmission (glass 0.85, film 0.80, twin-wall 0.75, fleece
    0.65), long-wave transmission (0.02, 0.70, 0.05, 0.50), conductance (5.5, 6.5, 3.0, 7.0 W/m2K, plus 0.8 per
    m/s of wind). The air under it: C dT/dt = tau_sw S - U (T - T_out) - eps sigma tau_lw (T^4 - T_sky^4) + G (T_soil
    - T), the sky at T_out - 20 (1 - 0.8 cloud), the soil store warmed by the day's sun (moist soil stores more),
    six sub-steps an hour (C 25 kJ/m2K; 0.35 of the transmitted sun heats the air, a quarter the soil). 0.8 C of
    sensor noise (a cheap logger in the cloche's air). Returns (tokens (n, 24, 6): air temperature, cloud, wind,
    sun, RH, soil moisture; the cover (n,); the inside temperature (n, 24), C)."""
    hours = (torch.arange(CL_HOURS).float() + 12) % 24
    mean = 2 + 12 * torch.rand(n, 1, generator=gen)
    amp = 3 + 5 * torch.rand(n, 1, generator=gen)
    t_out = mean + amp * torch.cos(2 * math.pi * (hours - 15) / 24) + 0.4 * torch.randn(n, CL_HOURS, generator=gen)
    cloud0 = torch.rand(n, 1, generator=gen)
    cloud = (cloud0 + torch.cumsum(0.08 * torch.randn(n, CL_HOURS, generator=gen), 1)).clamp(0, 1)
    night = (hours < 7).float() * (hours > 0).float()
    t_out = t_out - 2.5 * (1 - cloud) * night - 1.0 * (1 - cloud) * (hours >= 20).float()
    wind0 = 4 * torch.rand(n, 1, generator=gen)
    wind = (wind0 + torch.cumsum(0.4 * torch.randn(n, CL_HOURS, generator=gen), 1)).clamp(0, 8)
    elev = torch.sin(math.pi * (hours - 6) / 13).clamp_min(0) * (hours > 6).float() * (hours < 19).float()
    sun = 650 * elev * (1 - 0.7 * cloud)
    rh = (0.6 + 0.3 * (1 - elev) + 0.05 * torch.randn(n, CL_HOURS, generator=gen)).clamp(0.3, 1.0)
    soil_m = torch.rand(n, 1, generator=gen)
    cover = torch.randint(0, CL_COVERS, (n,), generator=gen)
    tau_sw = torch.tensor([0.85, 0.80, 0.75, 0.65])[cover].view(-1, 1)
    tau_lw = torch.tensor([0.02, 0.70, 0.05, 0.50])[cover].view(-1, 1)
    u0 = torch.tensor([5.5, 6.5, 3.0, 7.0])[cover].view(-1, 1)
    cap = 25e3  # J/m2K, the air and plants under a cloche per ground area (invented)
    soil_cap = 1.5e5 * (1 + soil_m)
    t_in = t_out[:, :1] + 3 * elev[:1].expand(n, 1)
    t_soil = mean + 2 + 3 * soil_m
    out = []
    for h in range(CL_HOURS):
        to = t_out[:, h:h + 1]
        t_sky = to - 20 * (1 - 0.8 * cloud[:, h:h + 1])
        u = u0 + 0.8 * wind[:, h:h + 1]
        for _ in range(6):
            k_in, k_sky = t_in + 273.15, t_sky + 273.15
            lw = 0.9 * 5.67e-8 * tau_lw * (k_in**4 - k_sky**4)
            g = 6.0 * (1 + 0.5 * soil_m) * (t_soil - t_in)
            q = tau_sw * sun[:, h:h + 1] * 0.35 - u * (t_in - to) - lw + g
            t_in = t_in + 600 * q / cap
            t_soil = t_soil + 600 * (0.25 * tau_sw * sun[:, h:h + 1] - g) / soil_cap
        out.append(t_in[:, 0])
    y = torch.stack(out, 1) + 0.8 * torch.randn(n, CL_HOURS, generator=gen)
    tok = torch.stack([(t_out - 8) / 5, 2 * cloud - 1, (wind - 4) / 2.3, sun / 300 - 0.5, (rh - 0.75) / 0.15,
                       (2 * soil_m - 1).expand(n, CL_HOURS)], 2)
    return tok, cover, y


class PostLNBlock(nn.Module):
    """A Post-LN transformer block: x = LN(x + causal self-attention(x)); x = LN(x + FF(x))."""

    def __init__(self, d: int, heads: int = 4, ff: int = 2) -> None:
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln1 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, ff * d), nn.GELU(), nn.Linear(ff * d, d))
        self.ln2 = nn.LayerNorm(d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(b, t, d)
        x = self.ln1(x + self.proj(a))
        return self.ln2(x + self.ff(x))


class ClocheTransformer(nn.Module):
    """A Post-LN transformer (``layers`` blocks, 4 heads, causal: each hour sees the hours so far) over the hourly
    readings plus a learned hour embedding and the cover's embedding; a linear head on every token."""

    def __init__(self, d: int = 32, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(6, d)
        self.pos = nn.Parameter(0.02 * torch.randn(CL_HOURS, d))
        self.cover = nn.Embedding(CL_COVERS, d)
        self.blocks = nn.Sequential(*[PostLNBlock(d) for _ in range(layers)])
        self.head = nn.Linear(d, 1)

    def forward(self, tok: torch.Tensor, cover: torch.Tensor) -> torch.Tensor:
        h = self.inp(tok) + self.pos + self.cover(cover).unsqueeze(1)
        return self.head(self.blocks(h)).squeeze(2)


def cloche_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) inside temperature over the 24 hours."""
    tok, cover, y = batch
    return F.mse_loss(model(tok, cover), y)


def cloche_warming(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32) -> dict[str, Any]:
    """The cloche transformer on 2048 cloche-days, the temperatures standardised over them; held out: 2048 other
    days in batches of 1024; AdamW (torch's
    defaults: weight decay 0.01)."""
    gen = torch.Generator().manual_seed(151104)
    tok, cover, y = _cl_days(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (tok[:train_size], cover[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ClocheTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], cover[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": cloche_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. bundt tin bake time and crust (Adagrad)

BT_TINS = 6  # cast aluminium, spun aluminium, dark non-stick steel, silicone, glass, tinned steel
BT_BATTERS = 6  # pound, sour cream, chocolate, marble, gluten-free, fruit
BT_MODES = 3  # conventional, fan, gas (bottom heat)
BT_RACKS = 3  # low, middle, high


def _bt_bakes(n: int, gen: torch.Generator, scatter: float = 0.02) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Bundt cakes: the tin (emissivity 0.25, 0.15, 0.9, 0.8, 0.85, 0.35; wall conductance high for metals, a
    resistance for silicone and glass), the batter (thermal diffusivity 1.1-1.5e-7 m2/s, water 20-30%, sugar), the
    oven mode (fan: convection x1.6 and 15 C above its set point; gas: 5 C above, hotter still on the low rack),
    the rack (convection a little lower low down), the batter
    mass 0.8-2.2 kg in a 10-15 cup tin (the fill), the set point 150-190 C. The ring's half-width L from the mass
    and the tin (a tube heats from inside, so the slowest point is mid-ring); the time for its centre to reach 96 C
    from a one-term series: t = L^2 / (alpha lambda1^2) ln(C (T_oven - T_0) / (T_oven - 96)), lambda1 from the
    Biot number h L / k (h = radiation by emissivity + convection, through the wall's resistance), plus the time
    the batter's evaporation holds the surface near 100 C. The crust: an evaporation front ~ sqrt(t) times the
    surface's excess heat (a thicker crust from gas bottom heat on the low rack). ``scatter``: 2% (1% in the larger
    study). Returns (categorical (n, 4), continuous (n, 3), targets (n, 2): log minutes, crust mm)."""
    tin = torch.randint(0, BT_TINS, (n,), generator=gen)
    bat = torch.randint(0, BT_BATTERS, (n,), generator=gen)
    mode = torch.randint(0, BT_MODES, (n,), generator=gen)
    rack = torch.randint(0, BT_RACKS, (n,), generator=gen)
    mass = 0.8 + 1.4 * torch.rand(n, generator=gen)
    cups = 10 + 5 * torch.rand(n, generator=gen)
    t_set = 150 + 40 * torch.rand(n, generator=gen)
    emis = torch.tensor([0.25, 0.15, 0.9, 0.8, 0.85, 0.35])[tin]
    wall_r = torch.tensor([0.001, 0.002, 0.002, 0.02, 0.012, 0.003])[tin]
    alpha = torch.tensor([1.2, 1.3, 1.1, 1.25, 1.45, 1.0])[bat] * 1e-7
    k = torch.tensor([0.30, 0.32, 0.28, 0.31, 0.34, 0.27])[bat]
    water = torch.tensor([0.22, 0.28, 0.25, 0.24, 0.30, 0.20])[bat]
    conv = torch.tensor([12.0, 19.0, 11.0])[mode] * torch.tensor([0.9, 1.0, 1.05])[rack]
    t_oven = t_set + torch.tensor([0.0, 15.0, 5.0])[mode] + torch.tensor([8.0, 0.0, -3.0])[rack] * (mode == 2).float()
    fill = (mass / 0.5) / cups  # litres over cup-volumes, about the fill fraction
    half = 0.018 + 0.014 * fill.clamp(0.3, 1.4) * (cups / 12) ** 0.33
    tk = t_oven + 273.15
    h_rad = emis * 5.67e-8 * 4 * ((tk + 373) / 2) ** 3
    h = 1 / (1 / (conv + h_rad) + wall_r)
    bi = h * half / k
    lam1 = torch.sqrt(bi / (1 + bi / 2.47))  # slab, one-term (a rational fit to tan(l) l = Bi, from memory)
    ratio = (1.27 * (t_oven - 20) / (t_oven - 96)).clamp_min(1.05)
    t = half**2 / (alpha * lam1**2) * torch.log(ratio) + 600 * water * (1 + 0.5 * fill)
    minutes = t / 60
    excess = torch.relu(t_oven - 100) * h / (h + 15)
    crust = 0.02 * excess * torch.sqrt(minutes / 30) * (1.2 - water) + 0.2 * (rack == 0).float() * (mode == 2).float()
    noise = scatter * torch.randn(n, 2, generator=gen)
    y = torch.stack([torch.log(minutes) + noise[:, 0], crust * torch.exp(noise[:, 1])], 1)
    cat = torch.stack([tin, bat, mode, rack], 1)
    cont = torch.stack([(mass - 1.5) / 0.4, (cups - 12.5) / 1.44, (t_set - 170) / 11.5], 1)
    return cat, cont, y


class BundtEmbeddingNet(nn.Module):
    """Embeddings of the tin, batter, oven mode and rack (dim ``emb``), concatenated with the continuous inputs, and
    a two-layer ReLU head to the log bake time and the crust."""

    def __init__(self, emb: int = 4, hidden: int = 32) -> None:
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, emb) for c in (BT_TINS, BT_BATTERS, BT_MODES, BT_RACKS)])
        self.head = nn.Sequential(nn.Linear(4 * emb + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        e = [m(cat[:, i]) for i, m in enumerate(self.embs)]
        return self.head(torch.cat(e + [cont], 1))


def bundt_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log bake time and crust thickness."""
    cat, cont, y = batch
    return F.mse_loss(model(cat, cont), y)


def bundt_bake(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32,
               scatter: float = 0.02) -> dict[str, Any]:
    """The bundt embedding net on 1024 bakes (2% scatter), targets standardised over them; held out: 2048 other
    bakes in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(151105)
    cat, cont, y = _bt_bakes(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BundtEmbeddingNet(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": bundt_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. French press brew (Adagrad; long only)


def _fp_brews(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """French-press brews: the burr setting's boulder size 500-1400 um and fines share 5-25% (fines ~50 um), the brew
    ratio 1:12-1:18 (water 500 g), the water at the pour 85-99 C, the steep 2-10 min, a stir at 1 minute or not, a
    glass or double-wall steel carafe, preheated or not, the roast (light to dark: more soluble, faster). Water
    cools by Newton's law (glass k 0.012 /min, steel 0.004; a cold carafe takes 4 C at the pour). Extraction of
    each class: E = E_max (phi (1 - exp(-k_s t)) + (1 - phi) (1 - exp(-k_d t))), the surface share phi 0.6 for fines
    and 0.2 for boulders, k_s 2 /min, k_d ~ D(T) / r^2 (D from the water's temperature by Stokes-Einstein with the
    viscosity, integrated over the cooling), stirring x1.3; E_max 0.26-0.30 by roast. TDS = EY dose / (water - 2
    dose). The cup temperature after the plunge; silt through the mesh ~ the fines share, the stir and the
    steep. 0.5% scatter (0.1 C on the cup). Returns (features (n, 9), targets (n, 4): TDS %, EY %, cup
    temperature, log silt)."""
    boulder = 500 + 900 * torch.rand(n, generator=gen)
    fines = 0.05 + 0.20 * torch.rand(n, generator=gen)
    ratio = 12 + 6 * torch.rand(n, generator=gen)
    t_pour = 85 + 14 * torch.rand(n, generator=gen)
    steep = 2 + 8 * torch.rand(n, generator=gen)
    stir = (torch.rand(n, generator=gen) < 0.5).float()
    steel = (torch.rand(n, generator=gen) < 0.4).float()
    warm = (torch.rand(n, generator=gen) < 0.5).float()
    roast = torch.rand(n, generator=gen)
    dose = 500 / ratio
    kc = 0.012 * (1 - steel) + 0.004 * steel
    t0 = t_pour - 4 * (1 - warm) * (1 - 0.5 * steel)
    # the mean diffusivity factor over the steep: D ~ T / mu(T), mu by an Andrade-like fit (from memory)
    ts = torch.linspace(0, 1, 8).view(1, -1) * steep.view(-1, 1)
    temp = 20 + (t0.view(-1, 1) - 20) * torch.exp(-kc.view(-1, 1) * ts)
    mu = torch.exp(-3.3 + 1700 / (temp + 273.15) - 6.5)  # Pa s, ~0.3e-3 at 90 C
    dfac = ((temp + 273.15) / mu).mean(1) / (363.15 / 0.315e-3)
    emax = 0.26 + 0.04 * roast
    ext = []
    for r, phi, share in ((25.0, 0.6, fines), (boulder / 2, 0.2, 1 - fines)):
        kd = 5.0 * dfac * (100 / r) ** 2 * (1 + 0.3 * stir) * (1 + 0.3 * roast)
        ks = 2.0 * (1 + 0.3 * stir)
        e = emax * (phi * (1 - torch.exp(-ks * steep)) + (1 - phi) * (1 - torch.exp(-kd * steep)))
        ext.append(share * e)
    ey = ext[0] + ext[1]
    tds = ey * dose / (500 - 2 * dose)
    cup = 20 + (t0 - 20) * torch.exp(-kc * steep) - 3
    silt = 30 * fines * (1 + 0.5 * stir) * (1 + 0.2 * torch.sqrt(steep))
    y = torch.stack([100 * tds, 100 * ey, cup, torch.log(silt)], 1)
    y = y * torch.exp(0.005 * torch.randn(n, 4, generator=gen) * torch.tensor([1.0, 1.0, 0.0, 1.0]))
    y[:, 2] += 0.1 * torch.randn(n, generator=gen)
    x = torch.stack([(boulder - 950) / 260, (fines - 0.15) / 0.058, (ratio - 15) / 1.73, (t_pour - 92) / 4,
                     (steep - 6) / 2.3, 2 * stir - 1, 2 * steel - 1, 2 * warm - 1, (roast - 0.5) / 0.29], 1)
    return x, y


class ResidualLN(nn.Module):
    """A residual MLP: an input layer, ``blocks`` pre-LayerNorm residual blocks (LN, Linear, GELU, Linear), a final
    LayerNorm and a linear head."""

    def __init__(self, d_in: int, d_out: int, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(d_in, width)
        self.blocks = nn.ModuleList([nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                   nn.Linear(2 * width, width)) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, d_out)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for b in self.blocks:
            h = h + b(h)
        return self.out(self.norm(h))


def brew_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised TDS, EY, cup temperature and log silt."""
    return _mse(model, batch)


def french_press_brew(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32) -> dict[str, Any]:
    """The brew net on 8192 brews, targets standardised over them; held out: 2048 other brews in batches of 1024;
    Adagrad with initial_accumulator_value 0.1 (the value other frameworks default to)."""
    gen = torch.Generator().manual_seed(151106)
    x, y = _fp_brews(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ResidualLN(9, 4, width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_init0.1"),
            "loss_fn": brew_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("salt_pig_caking_rmsprop", salt_pig_caking, 300, "salt_pig_deliquescence_caking_gru", "rmsprop", "finite", 32,
      seconds=1.0, start_lr=0.032),
    W("bread_lame_scoring_adam", bread_lame_scoring, 300, "bread_lame_score_ear_profile_decoder_cnn1d", "adam",
      "finite", 32, seconds=1.0, start_lr=0.064),
    W("cloche_warming_adamw", cloche_warming, 300, "cloche_cover_night_warming_postln_transformer", "adamw", "finite",
      32, seconds=1.3, start_lr=0.032),
    W("bundt_bake_adagrad", bundt_bake, 300, "bundt_tin_bake_time_crust_embedding_net", "adagrad", "finite", 32,
      seconds=0.2, start_lr=0.2),
)
LONG = (
    W("butter_bell_seal_adagrad@long", butter_bell_seal, 3000, "butter_bell_water_seal_oxidation_greybox", "adagrad",
      "finite", 32, seconds=2.3, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("french_press_brew_adagrad@long", french_press_brew, 3000, "french_press_two_class_extraction_resmlp_ln",
      "adagrad_init0.1", "finite", 32, seconds=2.9, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("bundt_bake_adagrad@long", bundt_bake, 3000, "bundt_tin_bake_time_crust_embedding_net", "adagrad", "finite", 32,
      dict(train_size=8192, hidden=16, scatter=0.01), seconds=1.9, start_lr=0.4, grid_fractions=(0.0, 0.05),
      long_of="bundt_bake_adagrad"),
    W("french_press_cafe_adagrad@long", french_press_brew, 3000, "french_press_two_class_extraction_resmlp_ln",
      "adagrad_init0.1", "finite", 64, dict(train_size=16384, width=24), seconds=2.8, start_lr=0.512,
      grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam151_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-first exam's workloads")
