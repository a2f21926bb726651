"""The hundred-and-eighty-fifth exam: six more workload families that neither the suite nor exams 1-184 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam184_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from chimney sweeps and soot deposits, fire pokers and ember stirring, coal
scuttles and coal flow, ice-cream scoops and scooping force, dumbwaiters and cable stretch, and turnstiles and crowd
throughput (exam 186 was built at the same time from other domains; its module was not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam185/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- chimney soot and creosote deposits over a heating season, as a sweep's inspection measures them: a residual MLP
  with LayerNorm from the flue (height, diameter, liner), the fuel, the share of slow "slumber" burning, the hours
  burned and the outdoor temperature to the log deposit thickness at 12 heights up the flue; the flue gas cooling
  exponentially up the flue, the wall temperature from the liner's insulation, tar condensing where the wall is
  below the tar's dew point and soot carried to the wall by thermophoresis; NAdam (short) and AdamW (long)
- ember stirring with a fire poker: a GRU over a two-hour burn log (24 five-minute steps: the poke's vigour, a log
  added, the air vent) to the fire's radiant output each step; a char bed burning at a rate limited by its ash
  cover and its air, the ash cover growing with the burn and raked off by each poke (which also collapses the bed
  for a short burst), added logs pyrolysing into char; RAdam
- coal pouring from a coal scuttle: a plain tanh MLP from the scuttle (hod, helmet, box), the coal's lump size and
  moisture, the fill, the tilt rate and the final tilt to the poured fraction at 12 times; coal spilling over the
  lip as a granular weir (the flow rising with the head over the lip to the 3/2 power) once the tilt passes the
  coal's angle of repose (wet coal steeper), lumps jamming at a narrow lip; SGD with Nesterov momentum (short) and
  RMSprop (long)
- ice-cream state from an instrumented scoop's force trace: a 1-D CNN (ELU) from the 48-sample handle force of one
  scooping stroke (penetration, drag, curl and release; inclusions as spikes; an unknown stroke speed) to the
  product's temperature, overrun and sugar; the hardness from the ice-phase fraction (freezing-point depression by
  the sugar), softened by the air; SGD with heavy-ball momentum
- dumbwaiter rope stretch (a long plan only): a grey-box model whose small net (an embedding of the rope's
  construction, its core included, with the diameter, the cycles since the last adjustment and the load) predicts
  the rope's effective modulus, its constructional (bedding-in) strain and a correction to the thermal strain, and
  whose physics (Hooke's law on the metallic area over the suspended length, plus those strains and the shaft's
  temperature) gives the car's sag at four landings; Adagrad
- turnstile throughput at a stadium's entry (a long plan only): an embedding net over the gate, the turnstile
  type, the ticket medium, the event and the bag check, with the arrival rate, the share of first-time visitors and
  rain, to the log throughput and the log mean wait; the service time per passage from the turnstile, the scan
  (slower for first-timers, failed scans retried), the bag check and a gate's own layout factor, capacity 60 / s,
  the throughput a smooth minimum of the arrival rate and the capacity, the wait from Kingman's formula below
  saturation and a growing queue above it; Adagrad

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the dumbwaiter and
turnstile nets (no short plans), the chimney net on 8192 flues instead of 1024 (one residual block of 32 instead of
two of 48) and the coal-scuttle net on 8192 pours instead of 1024 (32 units a layer instead of 64).

Optimisers: NAdam (chimney), RAdam (ember), SGD with Nesterov momentum (coal scuttle), SGD with heavy-ball momentum
(ice cream) for the short plans; Adagrad (dumbwaiter, turnstile), AdamW (chimney) and RMSprop (coal scuttle) for
the long ones.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam185_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam185/README.md).

    python benchmarks/exam185_workloads.py          # the table
    python benchmarks/exam185_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 185"


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


# --------------------------------------------------------------------------------------------------------------
# 1. chimney soot and creosote deposits (NAdam; AdamW long)

CH_HEIGHTS = 12
CH_FUELS = 5  # seasoned hardwood, seasoned softwood, unseasoned wood, smokeless ovoids, house coal
CH_LINERS = 3  # insulated stainless liner, clay flue liner, unlined brick


def _ch_flues(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A heating season's deposits in a stove's flue, as a sweep's camera and gauge measure them at 12 heights.
    Flue height 4-12 m, diameter 125-250 mm, the liner (insulated steel, clay, brick: wall-to-gas temperature ratio
    0.85, 0.6, 0.45), the fuel (tar 1.0, 1.6, 3.0, 0.3, 0.8; soot 0.5, 0.7, 0.9, 0.3, 1.5, invented units), the
    share of slow (slumber) burning 0-0.7, the hours burned 200-2000 and the season's mean outdoor temperature -5
    to 10 C. The gas enters at 140 + 260 (1 - slumber) C (less with wet wood) and cools up the flue as
    T_a + (T_in - T_a) exp(-z / L), L rising with the diameter and the gas flow and with the liner's insulation;
    the wall is T_a + r (T_g - T_a). Tar condenses where the wall is below its dew point (~120 C, a sigmoid of 12 C),
    more with slumbering; soot reaches the wall by thermophoresis (T_g - T_w) / T_g. Deposit (mm) = hours x the
    rates, a little more in the cooler top; 6% lognormal scatter. Returns (features (n, 13), log1p deposits (n,
    12))."""
    h = 4 + 8 * torch.rand(n, generator=gen)
    dia = 0.125 + 0.125 * torch.rand(n, generator=gen)
    liner = torch.randint(0, CH_LINERS, (n,), generator=gen)
    fuel = torch.randint(0, CH_FUELS, (n,), generator=gen)
    slumber = 0.7 * torch.rand(n, generator=gen)
    hours = 200 * 10 ** torch.rand(n, generator=gen)
    t_out = -5 + 15 * torch.rand(n, generator=gen)
    r = torch.tensor([0.85, 0.6, 0.45])[liner]
    tar = torch.tensor([1.0, 1.6, 3.0, 0.3, 0.8])[fuel]
    soot = torch.tensor([0.5, 0.7, 0.9, 0.3, 1.5])[fuel]
    wet = (fuel == 2).float()
    t_in = 140 + 260 * (1 - slumber) - 50 * wet
    length = 9 * (dia / 0.18) * (0.5 + (1 - slumber)) / (1.6 - r)
    z = torch.linspace(0.5, 1.0, CH_HEIGHTS).view(1, -1) * h.view(-1, 1)  # the flue from the first bend up
    z = z - 0.45 * h.view(-1, 1) + 0.5
    ta = t_out.view(-1, 1)
    tg = ta + (t_in.view(-1, 1) - ta) * torch.exp(-z / length.view(-1, 1))
    tw = ta + r.view(-1, 1) * (tg - ta)
    cond = tar.view(-1, 1) * (0.4 + slumber.view(-1, 1)) * torch.sigmoid((120 - tw) / 12)
    thermo = soot.view(-1, 1) * (tg - tw) / (tg + 273)
    dep = (hours.view(-1, 1) / 1000) * (1.5 * cond + 2.0 * thermo) * (0.18 / dia.view(-1, 1)) ** 0.5
    dep = dep * torch.exp(0.06 * torch.randn(dep.shape, generator=gen))
    x = torch.cat([torch.stack([(h - 8) / 2.3, (dia - 0.1875) / 0.036, (slumber - 0.35) / 0.2,
                                (torch.log10(hours) - 2.8) / 0.29, (t_out - 2.5) / 4.3], 1),
                   F.one_hot(liner, CH_LINERS).float(), F.one_hot(fuel, CH_FUELS).float()], 1)
    return x, torch.log1p(dep)


class SootNet(nn.Module):
    """A residual MLP (Pre-LN blocks: LayerNorm, Linear, GELU, Linear) from the flue, fuel and use to the 12 log
    deposits."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(13, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                  nn.Linear(2 * width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, CH_HEIGHTS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def deposit_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log deposits."""
    return _mse(model, batch)


def chimney_soot(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 48, blocks: int = 2,
                 opt: str = "nadam") -> dict[str, Any]:
    """The deposit net on ``train_size`` flues, targets standardised over them; held out: 2048 other flues in
    batches of 1024; NAdam (torch's defaults) or AdamW (weight decay 0.01, torch's default)."""
    gen = torch.Generator().manual_seed(185101)
    x, y = _ch_flues(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if opt == "nadam":
        make = _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam")
    else:
        make = _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw")
    return {"model": SootNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024), "optimizer": make,
            "loss_fn": deposit_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. ember stirring with a fire poker (RAdam)

EM_STEPS = 24


def _em_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two-hour burn logs of an open fire, 24 five-minute steps. Static (inputs at every step): the wood's density
    (0.4-0.8 g/cm3), the starting char bed 1-4 kg and its ash cover 0-0.3 (as weighed and judged), the grate's air
    supply 0.3-1. Each step: a poke (probability 0.25; vigour 0.3-1), a log added (probability 0.12, 1-2 kg), the
    air vent 0.3-1 (changed now and then). The char burns at
    k C^(2/3) air (1 - 0.85 a) (a the ash cover, 0-1); the ash cover grows with the burn and is raked off by a poke
    (a -> a (1 - 0.8 vigour)), which also collapses the bed: a short burst (x(1 + 0.6 vigour) this step) and more
    char consumed; an added log pyrolyses with a 10-minute time constant, its volatiles burning in the flame and
    about half its mass left as char. Radiant output = 90 char burn + 9 pyrolysis (a step's kg); 1% scatter.
    Returns (inputs (n, 24, 7), log1p outputs (n, 24))."""
    dens = 0.4 + 0.4 * torch.rand(n, generator=gen)
    char = 1 + 3 * torch.rand(n, generator=gen)
    grate = 0.3 + 0.7 * torch.rand(n, generator=gen)
    poke = (torch.rand(n, EM_STEPS, generator=gen) < 0.25).float()
    poke = poke * (0.3 + 0.7 * torch.rand(n, EM_STEPS, generator=gen))
    logs = (torch.rand(n, EM_STEPS, generator=gen) < 0.12).float() * (1 + torch.rand(n, EM_STEPS, generator=gen))
    vent = 0.3 + 0.7 * torch.rand(n, 1, generator=gen)
    change = torch.rand(n, EM_STEPS, generator=gen) < 0.1
    vents = []
    for t in range(EM_STEPS):
        vent = torch.where(change[:, t:t + 1], 0.3 + 0.7 * torch.rand(n, 1, generator=gen), vent)
        vents.append(vent)
    vent_seq = torch.cat(vents, 1)
    ash = 0.3 * torch.rand(n, generator=gen)
    char0, ash0 = char.clone(), ash.clone()
    wood = torch.zeros(n)
    out = []
    for t in range(EM_STEPS):
        p = poke[:, t]
        ash = ash * (1 - 0.8 * p)
        wood = wood + logs[:, t]
        air = grate * vent_seq[:, t]
        burn = 0.12 * char.clamp_min(0) ** (2 / 3) * air * (1 - 0.85 * ash) * (1 + 0.6 * p) * (0.8 + 0.5 * dens)
        burn = torch.minimum(burn, char.clamp_min(0))
        pyro = wood * (1 - math.exp(-0.5)) * (0.7 + 0.6 * air)
        pyro = torch.minimum(pyro, wood)
        wood = wood - pyro
        char = char - burn + 0.45 * pyro * (0.7 + 0.6 * dens)
        ash = (ash + 0.9 * burn * (1 - ash) / (0.3 + 0.2 * char.clamp_min(0.1) ** 0.5)).clamp(0, 1)
        out.append(90 * burn + 9 * pyro)
    y = torch.stack(out, 1) * torch.exp(0.01 * torch.randn(n, EM_STEPS, generator=gen))
    static = torch.stack([(dens - 0.6) / 0.115, (grate - 0.65) / 0.2, (char0 - 2.5) / 0.87, (ash0 - 0.15) / 0.087],
                         1).unsqueeze(1).expand(n, EM_STEPS, 4)
    x = torch.cat([poke.unsqueeze(2) * 2, logs.unsqueeze(2), (vent_seq.unsqueeze(2) - 0.65) / 0.2, static], 2)
    return x, torch.log1p(y)


class EmberGRU(nn.Module):
    """A GRU over the burn log with a linear read-out of the radiant output each step."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(2)


def ember_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log1p radiant output over the 24 steps."""
    return _mse(model, batch)


def ember_stirring(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 24) -> dict[str, Any]:
    """The burn-log GRU on ``train_size`` logs, targets standardised (one mean and sd over all steps); held out:
    2048 other logs in batches of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(185102)
    x, y = _em_logs(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EmberGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": ember_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. coal pouring from a coal scuttle (SGD with Nesterov momentum; RMSprop long)

CS_TIMES = 12
CS_KINDS = 3  # hod (open, wide lip), helmet (tall, narrow spout), box (with a shovel flap)


def _cs_pours(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pouring coal from a scuttle into a stove's hopper by tilting it: the scuttle (hod, helmet, box: lip width
    28, 14, 20 cm, the coal's start angle below the lip 25, 40, 32 degrees when full), the lump size 10-80 mm
    (beans to cobbles), moisture 0-12%, the fill 4-14 kg (of a 15 kg scuttle), the tilt rate 15-60 degrees a second
    and the final tilt 70-120 degrees. The tilt rises linearly to its final value; coal spills once the tilt passes
    the start angle (lower when fuller; the coal's angle of repose steeper by 0.5 degrees a % of moisture, and
    the tilt needed rising by up to 15 degrees as the scuttle empties); then a granular
    weir: Q = c w sqrt(g) h^1.5 with the head h over the lip from the excess tilt, the lumps jamming at the lip by
    1 - exp(-w / (4 d)) (and a slowdown for wet fines), Euler-integrated in 0.05 s steps. The poured fraction at
    0.25-3 s, a 2% scatter on each. Returns (features (n, 8), fractions (n, 12))."""
    kind = torch.randint(0, CS_KINDS, (n,), generator=gen)
    lump = 10 + 70 * torch.rand(n, generator=gen)
    moist = 12 * torch.rand(n, generator=gen)
    fill = 4 + 10 * torch.rand(n, generator=gen)
    rate = 15 + 45 * torch.rand(n, generator=gen)
    final = 70 + 50 * torch.rand(n, generator=gen)
    lip = torch.tensor([0.28, 0.14, 0.20])[kind]
    start = torch.tensor([25.0, 40.0, 32.0])[kind] * (1.4 - 0.4 * fill / 14)
    jam = 1 - torch.exp(-lip / (4 * lump / 1000))
    wet = 1 / (1 + (moist / 8) ** 2 * (20 / lump))
    left = fill.clone()
    dt = 0.05
    marks = {round(0.25 * (k + 1) / dt) for k in range(CS_TIMES)}
    out = []
    for s in range(1, 61):
        tilt = torch.minimum(rate * s * dt, final)
        excess = torch.relu(tilt - start - 0.5 * moist - 15 * (1 - left / fill))
        head = 0.12 * torch.sin(torch.deg2rad(excess.clamp(max=80))) * (left / 15) ** 0.5
        q = 900 * lip * 9.81**0.5 * head**1.5 * jam * wet  # kg/s
        left = (left - q * dt).clamp_min(0)
        if s in marks:
            out.append(1 - left / fill)
    y = torch.stack(out, 1) + 0.02 * torch.randn(n, CS_TIMES, generator=gen)
    x = torch.cat([torch.stack([(lump - 45) / 20, (moist - 6) / 3.5, (fill - 9) / 2.9, (rate - 37.5) / 13,
                                (final - 95) / 14.4], 1), F.one_hot(kind, CS_KINDS).float()], 1)
    return x, y * 4


class PourNet(nn.Module):
    """A tanh MLP from the scuttle, coal and tilt to the poured fractions at 12 times."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, CS_TIMES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pour_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (x4) poured fractions."""
    return _mse(model, batch)


def coal_scuttle(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64,
                 opt: str = "nesterov") -> dict[str, Any]:
    """The pour net on ``train_size`` pours; held out: 2048 other pours in batches of 1024; SGD with Nesterov
    momentum 0.9 or RMSprop (torch's defaults: alpha 0.99, eps 1e-8)."""
    gen = torch.Generator().manual_seed(185103)
    x, y = _cs_pours(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if opt == "nesterov":
        make = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                      "sgd_nesterov0.9")
    else:
        make = _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop")
    return {"model": PourNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024), "optimizer": make,
            "loss_fn": pour_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. ice-cream state from an instrumented scoop's force trace (SGD with heavy-ball momentum)

IC_LEN = 48


def _ic_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One scooping stroke with a load cell in the scoop's handle, 48 samples. The product: temperature -20 to -8
    C, sugar 14-24%, overrun 30-100%, inclusions (none in half the tubs; else 2-6 pieces). Its freezing point
    -2 - 0.25 (sugar - 14) C, the ice fraction of its water 1 - T_f / T, the hardness exp(5 ice) / (1 + overrun /
    100) (invented constants). The stroke at an unknown speed (the phases stretched by 0.8-1.25): penetration
    (the force rising with the depth, 0-30% of the stroke, more slowly in an airy product), drag (a plateau of
    hardness x width plus a speed term, falling as the scoop fills, faster for a sticky high-sugar product), the
    curl (a peak near 80%, higher in a colder, more brittle product), then release; each
    inclusion a short spike of 0.5 x hardness; sensor noise 1% of the plateau. Returns (the log1p traces, centred
    and scaled (n, 1, 48), the standardised temperature, overrun and sugar (n, 3))."""
    temp = -20 + 12 * torch.rand(n, generator=gen)
    sugar = 14 + 10 * torch.rand(n, generator=gen)
    overrun = 30 + 70 * torch.rand(n, generator=gen)
    tf = -2 - 0.25 * (sugar - 14)
    ice = 1 - tf / temp
    hard = torch.exp(5 * ice) / (1 + overrun / 100) / 20
    speed = 0.8 + 0.45 * torch.rand(n, generator=gen)
    u = torch.linspace(0, 1, IC_LEN).view(1, -1) * speed.view(-1, 1)
    pen = (u / 0.3).clamp(max=1) ** (1 + 2 * overrun.view(-1, 1) / 100)  # airy product compresses first
    sticky = 0.1 + 0.5 * (sugar.view(-1, 1) - 14) / 10  # the drag fading as the scoop fills, more with sugar
    drag = 1 - sticky * ((u - 0.3) / 0.5).clamp(0, 1)
    curl_at = 0.78 + 0.04 * torch.rand(n, 1, generator=gen)
    curl_h = 0.3 + 0.05 * (-8 - temp.view(-1, 1)) + 0.03 * torch.rand(n, 1, generator=gen)  # colder: more brittle
    curl = curl_h * torch.exp(-((u - curl_at) / 0.05) ** 2)
    release = torch.sigmoid((0.92 - u) / 0.02)
    plateau = hard.view(-1, 1) * (1 + 0.3 * speed.view(-1, 1))
    f = plateau * (pen * drag + curl) * release
    pieces = (torch.rand(n, generator=gen) < 0.5).float() * torch.randint(2, 7, (n,), generator=gen).float()
    for k in range(6):
        on = (pieces > k).float().view(-1, 1)
        at = 0.3 + 0.5 * torch.rand(n, 1, generator=gen)
        f = f + on * 0.5 * hard.view(-1, 1) * torch.exp(-((u - at) / 0.015) ** 2) * release
    f = f + 0.01 * plateau * torch.randn(n, IC_LEN, generator=gen)
    y = torch.stack([(temp + 14) / 3.46, (overrun - 65) / 20.2, (sugar - 19) / 2.89], 1)
    return ((torch.log1p(f.clamp_min(0)) - 1.0) / 0.6).unsqueeze(1), y


class ScoopCNN(nn.Module):
    """A 1-D CNN over the force trace (three ELU conv layers, no normalisation, the last two strided, global mean and
    max pooling) with a linear head to the temperature, overrun and sugar."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        c = channels
        self.conv = nn.Sequential(nn.Conv1d(1, c, 5, padding=2), nn.ELU(),
                                  nn.Conv1d(c, c, 5, stride=2, padding=2), nn.ELU(),
                                  nn.Conv1d(c, 2 * c, 5, stride=2, padding=2), nn.ELU())
        self.head = nn.Linear(4 * c, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.mean(2), h.amax(2)], 1))


def scoop_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised temperature, overrun and sugar."""
    return _mse(model, batch)


def icecream_scoop(batch_size: int = 32, seed: int = 0, train_size: int = 4096, channels: int = 16) -> dict[str, Any]:
    """The trace CNN on ``train_size`` strokes; held out: 2048 other strokes in batches of 1024; SGD with momentum
    0.9 (heavy ball)."""
    gen = torch.Generator().manual_seed(185104)
    x, y = _ic_traces(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ScoopCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": scoop_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. dumbwaiter rope stretch, a grey-box model (Adagrad; long only)

DW_ROPES = 4  # 6x19 fibre core, 6x19 IWRC, 8x19 fibre core, 7x19 galvanised aircraft cable
DW_LANDINGS = 4


def _dw_cars(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A dumbwaiter's car sag at its four landings when loaded, as a lift engineer measures it after a service.
    The rope (6x19 FC, 6x19 IWRC, 8x19 FC, 7x19 cable: modulus 60, 85, 50, 75 GPa, metallic fill 0.42, 0.48, 0.40,
    0.45, constructional strain 0.45%, 0.2%, 0.55%, 0.3% at bedding-in), its diameter 5-10 mm, 1 or 2 ropes, the
    cycles since the last adjustment (100-100,000, log), the shaft's temperature 5-35 C, the car 20-50 kg and the
    load 0-100 kg, the landings 2.8 m apart below a 1.2 m machine room. Sag (mm) = (car + load) g L / (n E A) +
    the constructional strain grown since the adjustment (1 - exp(-cycles / 8000)) L under the load's share +
    thermal (12e-6 / K from 20 C) L; the modulus a little lower for thin ropes and rising 5% with bedding-in. 3%
    lognormal scatter plus 0.1 mm. Returns (features: rope index (n,), the rest (n, 7); sag / 10 mm (n, 4))."""
    rope = torch.randint(0, DW_ROPES, (n,), generator=gen)
    d = 5 + 5 * torch.rand(n, generator=gen)
    ropes = torch.randint(1, 3, (n,), generator=gen).float()
    cycles = 100 * 1000 ** torch.rand(n, generator=gen)
    temp = 5 + 30 * torch.rand(n, generator=gen)
    car = 20 + 30 * torch.rand(n, generator=gen)
    load = 100 * torch.rand(n, generator=gen)
    e = torch.tensor([60.0, 85.0, 50.0, 75.0])[rope] * 1e9
    fillf = torch.tensor([0.42, 0.48, 0.40, 0.45])[rope]
    ec = torch.tensor([0.0045, 0.002, 0.0055, 0.003])[rope]
    bed = 1 - torch.exp(-cycles / 8000)
    e_eff = e * (1 - 0.15 * torch.exp(-(d - 5) / 2)) * (1 + 0.05 * bed)
    area = fillf * math.pi * (d / 1000) ** 2 / 4 * ropes
    share = (car + load) / 150
    lengths = 1.2 + 2.8 * torch.arange(1, DW_LANDINGS + 1).float().view(1, -1)
    w = ((car + load) * 9.81).view(-1, 1)
    sag = w * lengths / (e_eff * area).view(-1, 1) + (ec * bed * share).view(-1, 1) * lengths * 0.3
    sag = sag + (12e-6 * (temp - 20)).view(-1, 1) * lengths
    sag = sag * 1000 * torch.exp(0.03 * torch.randn(n, DW_LANDINGS, generator=gen))
    sag = sag + 0.1 * torch.randn(n, DW_LANDINGS, generator=gen)
    x = torch.stack([(d - 7.5) / 1.44, ropes - 1.5, (torch.log10(cycles) - 3.5) / 0.87, (temp - 20) / 8.7,
                     (car - 35) / 8.7, load / 100 - 0.5, torch.log((car + load) / 85)], 1)
    return torch.cat([rope.float().view(-1, 1), x], 1), sag / 10


class RopeStretchGreyBox(nn.Module):
    """A grey-box model: a rope-construction embedding and the rope's own features feed a small tanh net for the
    log effective modulus (GPa) and the constructional strain (%) grown since the adjustment; Hooke's law over the
    suspended length (the car and load over the metallic area of the ropes) plus that strain times the length, plus
    the thermal strain, gives the sag at each landing."""

    def __init__(self, hidden: int = 24, emb: int = 4) -> None:
        super().__init__()
        self.rope = nn.Embedding(DW_ROPES, emb)
        self.net = nn.Sequential(nn.Linear(emb + 3, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))
        self.register_buffer("lengths", 1.2 + 2.8 * torch.arange(1, DW_LANDINGS + 1).float())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        rope, f = x[:, 0].long(), x[:, 1:]
        d = 7.5 + 1.44 * f[:, 0]
        ropes = f[:, 1] + 1.5
        temp = 20 + 8.7 * f[:, 3]
        mass = 85 * torch.exp(f[:, 6])
        h = self.net(torch.cat([self.rope(rope), f[:, [0, 2, 5]]], 1))
        e = 65e9 * torch.exp(h[:, 0])  # Pa
        fill = 0.44
        area = fill * math.pi * (d / 1000) ** 2 / 4 * ropes
        strain = 0.001 * F.softplus(h[:, 1])
        thermal = 12e-6 * (temp - 20) * (1 + 0.1 * h[:, 2])
        per_m = mass * 9.81 / (e * area) + strain + thermal
        return per_m.view(-1, 1) * self.lengths.view(1, -1) * 100  # sag / 10 mm


def sag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the sags (in cm)."""
    return _mse(model, batch)


def dumbwaiter_stretch(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 24) -> dict[str, Any]:
    """The grey-box rope model on ``train_size`` service records; held out: 2048 other records in batches of 1024;
    Adagrad (torch's defaults: lr_decay 0, initial accumulator 0)."""
    gen = torch.Generator().manual_seed(185105)
    x, y = _dw_cars(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RopeStretchGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": sag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. turnstile throughput at a stadium's entry (Adagrad; long only)

TS_GATES = 48
TS_TYPES = 4  # tripod, waist-high rotor, full-height rotor, speed gate (glass wings)
TS_MEDIA = 4  # paper barcode, mobile QR, RFID season card, NFC wallet
TS_EVENTS = 4  # football, rugby, concert, cricket
TS_BAGS = 3  # none, visual, search


def _ts_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ten-minute windows at a stadium's turnstiles before an event: the gate (48, each with its own layout factor,
    lognormal 0.12, fixed by the generator), the turnstile (base passage 2.2, 2.8, 4.0, 1.6 s), the ticket medium
    (scan 1.6, 2.2, 0.9, 1.1 s; failed scans 4%, 9%, 2%, 3% retried at 5 s), the event (the crowd's own pace 1.0,
    1.05, 1.2, 0.95), the bag check (0, 1.5, 6 s), the arrival rate 2-24 a minute per turnstile, the share of first-
    time visitors 0-0.6 (their scans 1.8x slower) and rain (10%: +15%). Service s = layout x (base + scan +
    failures x retry + bags) x pace, capacity 60 / s a minute; throughput the smooth minimum of arrivals and
    capacity ((a^-4 + c^-4)^(-1/4)); the mean wait from Kingman's formula (rho / (1 - rho) x (1 + cs^2) / 2 x s,
    cs 0.5) below rho 0.95 and a queue growing over the window above it. 4% lognormal scatter. Returns
    (categorical (n, 5), continuous (n, 3); log throughput and log1p wait (min) (n, 2))."""
    layout = torch.exp(0.12 * torch.randn(TS_GATES, generator=gen))
    gate = torch.randint(0, TS_GATES, (n,), generator=gen)
    typ = torch.randint(0, TS_TYPES, (n,), generator=gen)
    med = torch.randint(0, TS_MEDIA, (n,), generator=gen)
    ev = torch.randint(0, TS_EVENTS, (n,), generator=gen)
    bag = torch.randint(0, TS_BAGS, (n,), generator=gen)
    arr = 2 + 22 * torch.rand(n, generator=gen)
    first = 0.6 * torch.rand(n, generator=gen)
    rain = (torch.rand(n, generator=gen) < 0.1).float()
    base = torch.tensor([2.2, 2.8, 4.0, 1.6])[typ]
    scan = torch.tensor([1.6, 2.2, 0.9, 1.1])[med] * (1 + 0.8 * first)
    fail = torch.tensor([0.04, 0.09, 0.02, 0.03])[med] * (1 + first)
    bags = torch.tensor([0.0, 1.5, 6.0])[bag]
    pace = torch.tensor([1.0, 1.05, 1.2, 0.95])[ev]
    s = layout[gate] * (base + scan + fail * 5 + bags) * pace * (1 + 0.15 * rain)
    cap = 60 / s
    thr = (arr**-4 + cap**-4) ** -0.25
    rho = (arr / cap).clamp(max=0.95)
    wait_q = rho / (1 - rho) * (1 + 0.25) / 2 * s / 60
    wait = wait_q + torch.relu(arr - cap) / cap * 10 / 2
    y = torch.stack([torch.log(thr), torch.log1p(wait)], 1) + 0.04 * torch.randn(n, 2, generator=gen)
    cats = torch.stack([gate, typ, med, ev, bag], 1)
    cont = torch.stack([(arr - 13) / 6.35, (first - 0.3) / 0.17, 2 * rain - 1], 1)
    return torch.cat([cats.float(), cont], 1), y


class TurnstileNet(nn.Module):
    """Embeddings (gate 6 dims, the others 3) concatenated with the continuous inputs, a two-layer ReLU MLP to the
    log throughput and the log1p wait."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gate = nn.Embedding(TS_GATES, 6)
        self.cats = nn.ModuleList(nn.Embedding(k, 3) for k in (TS_TYPES, TS_MEDIA, TS_EVENTS, TS_BAGS))
        self.net = nn.Sequential(nn.Linear(6 + 12 + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        c = x[:, :5].long()
        parts = [self.gate(c[:, 0])] + [emb(c[:, i + 1]) for i, emb in enumerate(self.cats)] + [x[:, 5:]]
        return self.net(torch.cat(parts, 1))


def turnstile_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log throughput and the log1p wait."""
    return _mse(model, batch)


def turnstile_throughput(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                         hidden: int = 32) -> dict[str, Any]:
    """The turnstile net on ``train_size`` windows; held out: 2048 other windows in batches of 1024; Adagrad
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(185106)
    x, y = _ts_windows(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TurnstileNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": turnstile_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("chimney_soot_nadam", chimney_soot, 300, "chimney_flue_soot_creosote_deposit_profile_resmlp_ln", "nadam",
      "finite", 64, seconds=0.6, start_lr=0.008),
    W("ember_stirring_radam", ember_stirring, 300, "fire_poker_ember_stirring_ash_cover_burn_gru", "radam", "finite",
      64, seconds=1.3, start_lr=0.512),
    W("coal_scuttle_nesterov", coal_scuttle, 300, "coal_scuttle_tilt_pour_granular_weir_mlp", "sgd_nesterov0.9",
      "finite", 64, seconds=0.3, start_lr=0.4),
    W("icecream_scoop_trace_momentum", icecream_scoop, 300, "ice_cream_scoop_handle_force_trace_state_cnn1d",
      "sgd_momentum0.9", "finite", 128, seconds=1.0, start_lr=0.05),
)
LONG = (
    W("dumbwaiter_stretch_adagrad@long", dumbwaiter_stretch, 3000, "dumbwaiter_rope_stretch_landing_sag_greybox",
      "adagrad", "finite", 32, seconds=4.0, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("turnstile_throughput_adagrad@long", turnstile_throughput, 3000,
      "turnstile_stadium_entry_throughput_wait_embedding_net", "adagrad", "finite", 32, seconds=4.0, start_lr=0.512,
      grid_fractions=(0.0, 0.05)),
    W("chimney_soot_adamw@long", chimney_soot, 3000, "chimney_flue_soot_creosote_deposit_profile_resmlp_ln", "adamw",
      "finite", 32, dict(train_size=8192, width=32, blocks=1, opt="adamw"), seconds=4.5, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="chimney_soot_nadam"),
    W("coal_scuttle_rmsprop@long", coal_scuttle, 3000, "coal_scuttle_tilt_pour_granular_weir_mlp", "rmsprop",
      "finite", 32, dict(train_size=8192, hidden=32, opt="rmsprop"), seconds=3.0, start_lr=0.008,
      grid_fractions=(0.0, 0.05), long_of="coal_scuttle_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam185_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-fifth exam's workloads")
