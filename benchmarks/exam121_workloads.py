"""The hundred-and-twenty-first exam: six more workload families that neither the suite nor exams 1-120 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam120_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from corkscrews and cork extraction force, jar lids and opening torque, light
switches and contact bounce, bottle caps and seal pressure, piggy banks and coin sorting, and mailboxes and delivery
times (exam 122 was built at the same time from other domains; its module was not opened). What was checked to make
them new, and what was tried and dropped, is in ``benchmarks/results/exam121/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- light-switch contact bounce: a 1-D CNN (two strided convolutions with BatchNorm, a linear head) reads a
  64-sample oscilloscope trace of a switch closing (the contact pulled up through R to the supply, stray
  capacitance C) and regresses the log first-flight time, the log total bounce (settle) time and the log RC time
  constant; the traces from a bouncing-contact model (impact velocity, restitution, a spring's closing
  acceleration, flights shrinking geometrically, a short dwell at each impact, the node charging through RC while
  open and discharging fast while closed), the 2.56 ms window often ending before the bounce does; 0.02 V noise;
  MSE of the standardised targets; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- piggy-bank coin sorting: a small Pre-LN transformer encoder reads the 16 coins emptied from one piggy bank into a
  counting machine (diameter, thickness, mass, two eddy-current readings, a magnetic pull) and classifies each
  coin as one of the eight euro denominations or a foreign coin / token; the machine's calibration drifts from
  bank to bank (scale of diameter and mass, gain and offset of the eddy readings) and banks have their own mix,
  so the other coins of the same bank are the context; cross-entropy over coins; AdamW (weight decay 1e-2)
- bottle-cap seal pressure from the capping torque: a GRU reads the capping head's torque-angle trace of a plastic
  screw cap (16 angles, with the liner material and the temperature as constant channels) and predicts the log
  seal (land) contact pressure after 24 h, the log venting pressure and the log removal torque; the trace from the
  thread's run-down friction, a tamper-band ratchet bump, the liner's engagement at a finish-height-dependent angle
  and its Hertz-like axial force k delta^1.5 times a thread / land friction lever arm, capped by the head's clutch
  at the set torque; log-time stress relaxation of the liner; MSE; Adam (torch's defaults)
- jar-lid opening torque: a residual net with LayerNorm over embeddings of the product, the lid compound and the
  lid size (one offset table) plus the hot-fill and storage conditions, to the log opening torque and the
  headspace vacuum; vacuum from the headspace gas at the fill temperature (Tetens water-vapour pressure,
  steam-flush efficiency, the product's contraction on cooling, ideal gas), torque from the vacuum's load on the
  lid times the compound's friction lever arm plus the compound's adhesion growing with storage time (Arrhenius in
  the storage temperature, stronger with sugary products); 3% scatter; MSE; Adam (torch's defaults)
- corkscrew cork extraction (a long plan only): a grey-box net: an MLP maps the cork (natural, colmated,
  agglomerated, technical 1+1, synthetic; one-hot), its length and diameter, the bottle's bore, the age, upright or
  side storage, the cellar humidity and the temperature to five physical parameters (the kinetic friction load per
  mm of cork still in the neck, the static-over-kinetic excess, its decay length, the worm's grip stiffness and
  the bore's taper), and a physics layer turns them into the pull force at 16 extraction depths (an elastic ramp
  to breakaway, then friction over the cork length still in the neck); data from radial compression, log-time
  relaxation, drying of upright corks, age-grown adhesion; 3% scatter and 2 N; MSE of the forces in hN; RAdam
  (torch's defaults)
- mailbox delivery times (a long plan only): embeddings of the route, the carrier, the weekday and the month plus
  the mailbox's position along the route, the day's parcel volume and the rain, through an MLP, to the arrival
  time at the mailbox; data from a route start time (later on Mondays and on heavy days), per-stop service and
  driving times, carriers slower off their home routes, winter's dark, rain delays and a lunch break taken once
  the carrier passes noon; 6-minute scatter; MSE of the standardised arrival time; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the corkscrew and
mailbox nets (no short plans), the switch CNN on 8192 traces instead of 4096 (8 / 16 channels instead of 16 / 32)
and the jar-lid net on 16384 jars instead of 4096 (width 32 and one residual block instead of 64 and two; 1%
torque scatter instead of 3%), each with its own batch size.

Of the eight plans, two use SGD with Nesterov momentum (both switch plans), three Adam (both jar-lid plans, bottle
cap), one AdamW (piggy bank), one RAdam (corkscrew) and one Adagrad (mailbox). The long plans use four different
optimisers (SGD with Nesterov momentum, Adam, RAdam, Adagrad).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam121_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam121/README.md).

    python benchmarks/exam121_workloads.py          # the table
    python benchmarks/exam121_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 121"


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
# 1. light-switch contact bounce from an oscilloscope trace (SGD with Nesterov momentum)

SW_SAMPLES = 64
SW_DT = 40e-6  # s per sample (a 2.56 ms window)
SW_SUB = 5  # simulation sub-steps per sample
SW_FLIGHTS = 14


def _sw_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Closing traces of a mechanical switch wired to ground with a pull-up to 5 V. The moving contact hits at
    0.1-0.4 ms into the window with an impact velocity 0.1-0.4 m/s (log-uniform), restitution 0.3-0.7, the
    spring's closing acceleration 300-1500 m/s^2 (log-uniform): flight k lasts 2 e^k v0 / a, the total bounce time
    is the geometric sum (flights under 3 us are lost in the contact's dwell, 4-12 us at each impact). The node
    charges towards 5 V through RC (20-200 us, log-uniform) while open and discharges through the contact's
    resistance (0.3 us) to 0.05 V while closed; the scope averages each 40 us sample over 5 sub-steps; 0.02 V
    noise. Returns (traces (n, 1, 64), the log first flight, log bounce time, log RC (n, 3))."""
    t0 = 1e-4 + 3e-4 * torch.rand(n, generator=gen)
    v0 = 0.1 * 4 ** torch.rand(n, generator=gen)
    e = 0.3 + 0.4 * torch.rand(n, generator=gen)
    acc = 300 * 5 ** torch.rand(n, generator=gen)
    rc = 20e-6 * 10 ** torch.rand(n, generator=gen)
    dwell = 4e-6 + 8e-6 * torch.rand(n, generator=gen)
    k = torch.arange(1, SW_FLIGHTS + 1).float().view(1, -1)
    flight = 2 * v0.view(-1, 1) * e.view(-1, 1) ** k / acc.view(-1, 1)
    flight = flight * (flight > 3e-6).float()
    bounce = (flight + dwell.view(-1, 1) * (flight > 0).float()).sum(1) + dwell
    # open intervals: [start_k, start_k + flight_k), start_k = t0 + dwell + sum_{j<k} (flight_j + dwell)
    gap = flight + dwell.view(-1, 1)
    starts = t0.view(-1, 1) + dwell.view(-1, 1) + torch.cumsum(gap, 1) - gap
    ends = starts + flight
    v = torch.full((n,), 5.0)
    fine_dt = SW_DT / SW_SUB
    out = []
    for i in range(SW_SAMPLES):
        acc_v = torch.zeros(n)
        for j in range(SW_SUB):
            t = (i * SW_SUB + j + 0.5) * fine_dt
            closed = (t0 <= t) & ~((starts <= t) & (ends > t)).any(1)
            target = torch.where(closed, torch.tensor(0.05), torch.tensor(5.0))
            tau = torch.where(closed, torch.tensor(0.3e-6), rc)
            v = target + (v - target) * torch.exp(-fine_dt / tau)
            acc_v = acc_v + v
        out.append(acc_v / SW_SUB)
    trace = torch.stack(out, 1) + 0.02 * torch.randn(n, SW_SAMPLES, generator=gen)
    y = torch.stack([torch.log(flight[:, 0]), torch.log(bounce), torch.log(rc)], 1)
    return ((trace - 2.5) / 2.5).unsqueeze(1), y


class BounceCNN(nn.Module):
    """Two strided Conv1d-BatchNorm-ReLU stages (64 -> 32 -> 16 samples) and a linear head to the three targets."""

    def __init__(self, c1: int = 16, c2: int = 32) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, c1, 5, stride=2, padding=2), nn.BatchNorm1d(c1), nn.ReLU(),
            nn.Conv1d(c1, c2, 5, stride=2, padding=2), nn.BatchNorm1d(c2), nn.ReLU())
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(c2 * SW_SAMPLES // 4, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def bounce_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log first flight, log bounce time and log RC."""
    return _mse(model, batch)


def switch_bounce(batch_size: int = 32, seed: int = 0, train_size: int = 4096, c1: int = 16,
                  c2: int = 32) -> dict[str, Any]:
    """The bounce CNN on 4096 traces, targets standardised over them; held out: 2048 other traces in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(121101)
    x, y = _sw_traces(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BounceCNN(c1, c2), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": bounce_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. piggy-bank coin sorting in a counting machine (AdamW)

PB_COINS = 16
PB_CLASSES = 9  # 1c, 2c, 5c, 10c, 20c, 50c, 1 euro, 2 euro, foreign coin / token
# diameter (mm), thickness (mm), mass (g), material (0 copper-plated steel, 1 Nordic gold, 2 bimetallic); from
# memory, roughly the euro coins' specifications
PB_SPEC = torch.tensor([[16.25, 1.67, 2.30, 0], [18.75, 1.67, 3.06, 0], [21.25, 1.67, 3.92, 0],
                        [19.75, 1.93, 4.10, 1], [22.25, 2.14, 5.74, 1], [24.25, 2.38, 7.80, 1],
                        [23.25, 2.33, 7.50, 2], [25.75, 2.20, 8.50, 2]])
# eddy-current readings at a low and a high frequency and the magnetic pull, by material (invented)
PB_EDDY = torch.tensor([[0.35, 0.80, 1.0], [0.55, 0.62, 0.0], [0.75, 0.48, 0.35]])


def _pb_banks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Piggy banks emptied into a coin-counting machine, 16 coins a bank. Each bank has its own mix of
    denominations (log-normal weights, sd 1.2 on the log, over the eight; 8% foreign coins and tokens:
    diameters 15-30 mm, thickness, mass and eddy readings drawn at random). The machine's calibration drifts between
    banks (diameter and thickness scale sd 6%, mass scale sd 8%, eddy gain sd 25% and offset sd 0.2, magnetic
    offset sd 0.3); each coin is worn (mass up to -4%, diameter up to -0.3 mm) and measured with noise (diameter
    0.3 mm, thickness 0.15 mm, mass 0.3 g, eddy 0.06, magnetic 0.25). Returns (features (n, 16, 6), classes (n, 16))."""
    w = torch.exp(1.2 * torch.randn(n, 8, generator=gen))  # the bank's mix: log-normal weights
    w = w / w.sum(1, keepdim=True)
    cls = torch.multinomial(w, PB_COINS, replacement=True, generator=gen)
    foreign = torch.rand(n, PB_COINS, generator=gen) < 0.08
    cls = torch.where(foreign, torch.full_like(cls, 8), cls)
    spec = PB_SPEC[cls.clamp_max(7)]
    eddy = PB_EDDY[spec[..., 3].long()]
    shape = (n, PB_COINS)
    dia = spec[..., 0] - 0.3 * torch.rand(shape, generator=gen)
    thick = spec[..., 1].clone()
    mass = spec[..., 2] * (1 - 0.04 * torch.rand(shape, generator=gen))
    e_lo, e_hi, mag = eddy[..., 0].clone(), eddy[..., 1].clone(), eddy[..., 2].clone()
    fo = foreign
    dia = torch.where(fo, 15 + 15 * torch.rand(shape, generator=gen), dia)
    thick = torch.where(fo, 1.4 + 1.2 * torch.rand(shape, generator=gen), thick)
    mass = torch.where(fo, 0.012 * dia**2 * thick * (0.7 + 0.6 * torch.rand(shape, generator=gen)), mass)
    e_lo = torch.where(fo, 0.2 + 0.7 * torch.rand(shape, generator=gen), e_lo)
    e_hi = torch.where(fo, 0.3 + 0.6 * torch.rand(shape, generator=gen), e_hi)
    mag = torch.where(fo, (torch.rand(shape, generator=gen) < 0.3).float(), mag)

    def bank(sd: float) -> torch.Tensor:
        return sd * torch.randn(n, 1, generator=gen)

    dia = dia * (1 + bank(0.06)) + 0.3 * torch.randn(shape, generator=gen)
    thick = thick * (1 + bank(0.06)) + 0.15 * torch.randn(shape, generator=gen)
    mass = mass * (1 + bank(0.08)) + 0.3 * torch.randn(shape, generator=gen)
    gain, off = 1 + bank(0.25), bank(0.2)
    e_lo = e_lo * gain + off + 0.06 * torch.randn(shape, generator=gen)
    e_hi = e_hi * gain + off + 0.06 * torch.randn(shape, generator=gen)
    mag = mag + bank(0.3) + 0.25 * torch.randn(shape, generator=gen)
    x = torch.stack([(dia - 21.5) / 3.0, (thick - 2.0) / 0.3, (mass - 5.5) / 2.2, (e_lo - 0.55) / 0.2,
                     (e_hi - 0.63) / 0.15, (mag - 0.45) / 0.45], 2)
    return x, cls


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + MHA(LN(x)), then x + MLP(LN(x)) (GELU), no dropout, no mask (a set)."""

    def __init__(self, d: int, heads: int, ff: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc1, self.fc2 = nn.Linear(d, ff), nn.Linear(ff, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(a)
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x))))


class CoinSetTransformer(nn.Module):
    """A linear embedding of each coin's six readings, Pre-LN transformer blocks over the bank's coins (no
    positions: a set), a final LayerNorm and a per-coin classifier."""

    def __init__(self, d: int = 32, heads: int = 4, layers: int = 2, ff: int = 64) -> None:
        super().__init__()
        self.embed = nn.Linear(6, d)
        self.blocks = nn.Sequential(*[PreLNBlock(d, heads, ff) for _ in range(layers)])
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, PB_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.embed(x))))


def coin_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of every coin's class, averaged over the coins of the batch's banks."""
    x, y = batch
    return F.cross_entropy(model(x).reshape(-1, PB_CLASSES), y.reshape(-1))


def piggy_bank_coins(batch_size: int = 32, seed: int = 0, train_size: int = 1024, d: int = 24,
                     layers: int = 2) -> dict[str, Any]:
    """The coin-set transformer on 1024 banks (16,384 coins); held out: 2048 other banks in batches of 512;
    AdamW (weight decay 1e-2, torch's default otherwise)."""
    gen = torch.Generator().manual_seed(121102)
    x, y = _pb_banks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CoinSetTransformer(d, heads=2, layers=layers, ff=2 * d),
            "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": coin_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. bottle-cap seal pressure from the capping head's torque-angle trace (Adam)

BC_ANGLES = 16
BC_LINERS = 3  # LDPE wad, EVA compound, TPE


def _bc_cappings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Plastic screw caps (28 mm) applied by a capping head with a slip clutch, the torque recorded at 16 angles
    from thread engagement to 360 degrees. Run-down: thread friction 0.15-0.35 N m with a tamper-band ratchet bump
    (0.3 N m, at 60-120 degrees). The liner (LDPE wad, EVA compound, TPE: stiffness 1.6, 1.0, 0.7, relaxation 0.12,
    0.08, 0.05 per decade, each +-15% from lot to lot) engages at an angle set by the finish height (200-300
    degrees); the axial force k delta^1.5 (delta the axial travel at a 3.2 mm pitch) times a friction lever arm
    (thread and land friction 0.08-0.22, higher cold) gives the torque, until the clutch slips at the set torque
    (1.4-2.6 N m) and the trace stays there. Temperature 5-35 C (the liner softer warm). After 24 h: the seal
    pressure is the final axial force relaxed by the liner's log-time relaxation over the land's area; the venting
    pressure ~ seal pressure^0.8 times the liner's conformability; the removal torque the relaxed force times the
    static friction lever arm. 2% scatter on each. Returns (sequences (n, 16, 6): torque, angle, the liner one-hot,
    temperature; the three logs (n, 3))."""
    liner = torch.randint(0, BC_LINERS, (n,), generator=gen)
    temp = 5 + 30 * torch.rand(n, generator=gen)
    stiff = torch.tensor([1.6, 1.0, 0.7])[liner] * (1 + 0.15 * (2 * torch.rand(n, generator=gen) - 1))
    stiff = stiff * (1 - 0.008 * (temp - 20))
    relax = torch.tensor([0.12, 0.08, 0.05])[liner] * (1 + 0.15 * (2 * torch.rand(n, generator=gen) - 1))
    relax = relax * (1 + 0.02 * (temp - 20))
    mu = (0.08 + 0.14 * torch.rand(n, generator=gen)) * (1 - 0.006 * (temp - 20))
    run = 0.15 + 0.2 * torch.rand(n, generator=gen)
    bump_at = 60 + 60 * torch.rand(n, generator=gen)
    engage = 200 + 100 * torch.rand(n, generator=gen)
    t_set = 1.4 + 1.2 * torch.rand(n, generator=gen)
    ang = torch.linspace(0, 360, BC_ANGLES).view(1, -1)
    delta = (3.2 * torch.relu(ang - engage.view(-1, 1)) / 360).clamp_min(0)  # mm
    force = 400 * stiff.view(-1, 1) * delta**1.5  # N
    arm = 0.014 * (mu.view(-1, 1) * 1.6 + 0.035)  # m: thread + land friction and the thread's lead
    bump = 0.3 * torch.exp(-((ang - bump_at.view(-1, 1)) / 12) ** 2)
    torque = run.view(-1, 1) + bump + force * arm
    torque = torch.minimum(torque, t_set.view(-1, 1))
    # the force at which the clutch slipped (or the full travel's if it never did)
    f_end = torch.minimum(force[:, -1], (t_set - run) / arm[:, 0])
    f24 = f_end * (1 - relax * math.log10(1 + 24 * 60))
    land = 28.0 * math.pi * (0.6 + 0.4 * (liner == 2).float())  # mm^2 of the seal land
    p_seal = f24 / land  # MPa
    vent = 12 * p_seal**0.8 * torch.tensor([0.8, 1.0, 1.15])[liner]  # bar
    removal = f24 * 0.014 * (mu * 1.25 * 1.6 + 0.02)
    y = torch.stack([torch.log(p_seal), torch.log(vent), torch.log(removal)], 1)
    y = y + 0.02 * torch.randn(n, 3, generator=gen)
    trace = torque + 0.02 * torch.randn(n, BC_ANGLES, generator=gen)
    static = torch.cat([F.one_hot(liner, BC_LINERS).float(), ((temp - 20) / 8.7).view(-1, 1)], 1)
    x = torch.cat([torch.stack([(trace - 1.0) / 0.8, ang.expand(n, -1) / 180 - 1], 2),
                   static.unsqueeze(1).expand(-1, BC_ANGLES, -1)], 2)
    return x, y


class CappingGRU(nn.Module):
    """A one-layer GRU over the torque-angle trace; a linear head on its last state."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(6, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(x)
        return self.head(h[-1])


def seal_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log seal pressure, log venting pressure and log removal torque."""
    return _mse(model, batch)


def bottle_cap_seal(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 24) -> dict[str, Any]:
    """The capping GRU on 1024 cappings, targets standardised over them; held out: 2048 other cappings in batches
    of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(121103)
    x, y = _bc_cappings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CappingGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": seal_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. jar-lid opening torque after hot filling and storage (Adam)

JL_PRODUCTS = 6  # jam, honey, pickles, tomato sauce, baby food, peanut butter
JL_COMPOUNDS = 2  # PVC plastisol, PVC-free
JL_SIZES = torch.tensor([43.0, 53.0, 63.0, 70.0, 82.0])  # lug-lid diameters, mm


def _tetens(t: torch.Tensor) -> torch.Tensor:
    """Saturated water-vapour pressure (kPa) at t C (Tetens)."""
    return 0.6108 * torch.exp(17.27 * t / (t + 237.3))


def _jl_jars(n: int, gen: torch.Generator,
             scatter: float = 0.03) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Hot-filled glass jars with twist-off lug lids. The product (jam, honey, pickles, tomato sauce, baby food,
    peanut butter: sugar stickiness 1.0, 1.3, 0.3, 0.6, 0.5, 0.8; fill temperatures around 85, 70, 80, 88, 92, 75
    C, +-8), the lid compound (PVC plastisol or PVC-free: adhesion 1.0 / 1.35, friction 0.25 / 0.3), the lid size
    (43-82 mm), the headspace (4-12% of the jar), the steam flush (0.3-0.95 of the air displaced), the storage time
    (1-365 days, log-uniform), the storage temperature (5-35 C) and the temperature at opening (4-25 C: fridge or
    shelf). Vacuum: the headspace air at the fill temperature (atmospheric less Tetens's vapour pressure, less the
    flushed share), expanded into the headspace enlarged by the product's contraction on cooling, ideal gas to the
    opening temperature, plus the vapour pressure there. Torque: the vacuum's load on the lid times the compound's
    friction and 0.4 of the radius, plus the lugs' thread friction, plus adhesion of the compound to the glass
    growing with log storage time at an Arrhenius rate (Ea 50 kJ/mol) and with the product's stickiness. 3%
    scatter on the torque (``scatter``), 0.3 kPa on the vacuum. Returns (categorical (n, 3), continuous (n, 6),
    log torque and vacuum/10 kPa (n, 2))."""
    prod = torch.randint(0, JL_PRODUCTS, (n,), generator=gen)
    comp = torch.randint(0, JL_COMPOUNDS, (n,), generator=gen)
    size = torch.randint(0, len(JL_SIZES), (n,), generator=gen)
    sticky = torch.tensor([1.0, 1.3, 0.3, 0.6, 0.5, 0.8])[prod]
    t_fill = torch.tensor([85.0, 70.0, 80.0, 88.0, 92.0, 75.0])[prod] + 8 * (2 * torch.rand(n, generator=gen) - 1)
    head = 0.04 + 0.08 * torch.rand(n, generator=gen)
    flush = 0.3 + 0.65 * torch.rand(n, generator=gen)
    days = 365 ** torch.rand(n, generator=gen)
    t_store = 5 + 30 * torch.rand(n, generator=gen)
    t_open = 4 + 21 * torch.rand(n, generator=gen)
    p_air = (101.3 - _tetens(t_fill)).clamp_min(5) * (1 - flush)
    v_cold = head + 0.0005 * (1 - head) * (t_fill - t_open)
    p_head = p_air * head / v_cold * (t_open + 273.15) / (t_fill + 273.15) + _tetens(t_open)
    vac = (101.3 - p_head).clamp_min(0)  # kPa
    dia = JL_SIZES[size] / 1000
    area = math.pi * dia**2 / 4
    load = vac * 1e3 * area  # N
    fric = torch.tensor([0.25, 0.3])[comp]
    torque = load * fric * 0.4 * dia / 2 + 0.3 * dia / 0.063
    adh_rate = torch.exp(-50e3 / 8.314 * (1 / (t_store + 273.15) - 1 / 293.15))
    adhesion = 0.9 * torch.tensor([1.0, 1.35])[comp] * sticky * (dia / 0.063) ** 2 * torch.log1p(days * adh_rate / 7)
    torque = (torque + adhesion) * torch.exp(scatter * torch.randn(n, generator=gen))
    vac = vac + 0.3 * torch.randn(n, generator=gen)
    cats = torch.stack([prod, comp, size], 1)
    cont = torch.stack([(t_fill - 82) / 9, (head - 0.08) / 0.023, (flush - 0.625) / 0.19,
                        (torch.log(days) - 2.95) / 1.7, (t_store - 20) / 8.7, (t_open - 14.5) / 6.1], 1)
    return cats, cont, torch.stack([torch.log(torque), vac / 10], 1)


class ResBlock(nn.Module):
    """Pre-LN residual block: x + W2 gelu(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class LidTorqueNet(nn.Module):
    """One embedding table for the product (6), the compound (2) and the lid size (5) (offset indices, 4 numbers
    each), with the six conditions, a linear stem, Pre-LN residual blocks, a final LayerNorm and a linear head to
    the log torque and the vacuum."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.embed = nn.Embedding(JL_PRODUCTS + JL_COMPOUNDS + len(JL_SIZES), 4)
        self.register_buffer("offsets", torch.tensor([0, JL_PRODUCTS, JL_PRODUCTS + JL_COMPOUNDS]))
        self.stem = nn.Linear(3 * 4 + 6, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 2)

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.embed(cats + self.offsets).flatten(1), cont], 1)
        return self.head(self.norm(self.blocks(self.stem(h))))


def lid_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log opening torque and vacuum."""
    cats, cont, y = batch
    return F.mse_loss(model(cats, cont), y)


def jar_lid_torque(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 64,
                   blocks: int = 2, scatter: float = 0.03) -> dict[str, Any]:
    """The lid-torque net on 4096 jars, targets standardised over them; held out: 2048 other jars in batches of
    1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(121104)
    cats, cont, y = _jl_jars(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LidTorqueNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lid_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. corkscrew cork extraction force, a grey-box net (RAdam; long only)

CK_KINDS = 5  # natural, colmated, agglomerated, technical 1+1, synthetic
CK_POINTS = 16


def _ck_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wine corks pulled by a corkscrew on a force gauge. The cork (natural, colmated, agglomerated, technical 1+1,
    synthetic: compression modulus 1.6, 1.8, 2.2, 2.0, 3.5 MPa; log-time relaxation 0.10, 0.11, 0.14, 0.12, 0.18
    per decade; kinetic friction 0.25, 0.27, 0.30, 0.28, 0.35, higher cold), its length 38-54 mm and diameter
    23.5-24.5 mm, the bore 17.5-19 mm, the age 0-20 years (weeks on the log), upright or side storage, the cellar's
    humidity 50-85% and the temperature at opening 10-25 C. The radial stress is the modulus times the compression
    strain, relaxed with age; upright corks dry (less with humidity; synthetic barely) and lose stress; the bore
    widens towards the mouth (a cork drawn out by a fraction f of its length keeps 1 - 0.2 f, or 1 - 0.4 f in
    narrow bores, of its friction). The static friction's excess
    over the kinetic grows with age (adhesion to the glass, most for natural cork) and decays over 1.5-4 mm of slip
    (by cork, +-10%); the worm's grip is an elastic ramp (stiffness 220-380 N/mm by cork, +-10%, lower for dry and
    old corks) up to breakaway. The
    pull force at 16 depths (k + 0.5) L / 16, 3% scatter and 2 N. Returns (features (n, 12), forces in hN
    (n, 16))."""
    kind = torch.randint(0, CK_KINDS, (n,), generator=gen)
    length = 38 + 16 * torch.rand(n, generator=gen)
    dia = 23.5 + torch.rand(n, generator=gen)
    bore = 17.5 + 1.5 * torch.rand(n, generator=gen)
    age = 20 * torch.rand(n, generator=gen) ** 1.5
    side = (torch.rand(n, generator=gen) < 0.6).float()
    hum = 50 + 35 * torch.rand(n, generator=gen)
    temp = 10 + 15 * torch.rand(n, generator=gen)
    modulus = torch.tensor([1.6, 1.8, 2.2, 2.0, 3.5])[kind]
    relax = torch.tensor([0.10, 0.11, 0.14, 0.12, 0.18])[kind]
    mu = torch.tensor([0.25, 0.27, 0.30, 0.28, 0.35])[kind] * (1 + 0.012 * (20 - temp))
    synth = (kind == 4).float()
    strain = (dia - bore) / dia
    sigma = modulus * strain * (1 - relax * torch.log10(1 + 52 * age))
    dry = (1 - side) * (1 - torch.exp(-age / 4)) * ((90 - hum) / 40).clamp(0, 1) * 0.55 * (1 - 0.9 * synth)
    sigma = sigma * (1 - dry)
    q = mu * sigma * math.pi * bore  # N per mm of cork in the neck
    adhesion = torch.tensor([1.0, 0.9, 0.6, 0.8, 0.15])[kind]
    excess = 0.15 + 0.7 * adhesion * (1 - torch.exp(-age / 6)) * (1 + 0.5 * dry)
    x0 = torch.tensor([1.5, 2.0, 3.0, 2.5, 4.0])[kind] * (0.9 + 0.2 * torch.rand(n, generator=gen))
    grip = torch.tensor([300.0, 280.0, 220.0, 250.0, 380.0])[kind] * (0.9 + 0.2 * torch.rand(n, generator=gen))
    grip = grip * (1 - 0.5 * dry) / (1 + 0.02 * age)
    k = torch.arange(CK_POINTS).float().view(1, -1)
    x = (k + 0.5) / CK_POINTS * length.view(-1, 1)
    L, qq = length.view(-1, 1), q.view(-1, 1)
    breakaway = qq * L * (1 + excess.view(-1, 1))
    slip = breakaway / grip.view(-1, 1)
    moved = torch.relu(x - slip)
    inside = torch.relu(L - moved)
    taper = 1 - (0.2 + 0.2 * (bore < 18.25).float()).view(-1, 1) * (moved / L).clamp(0, 1)  # the bore's wider top
    fric = qq * inside * taper * (1 + excess.view(-1, 1) * torch.exp(-moved / x0.view(-1, 1)))
    force = torch.minimum(grip.view(-1, 1) * x, fric)
    force = force * torch.exp(0.03 * torch.randn(n, CK_POINTS, generator=gen))
    force = force + 2 * torch.randn(n, CK_POINTS, generator=gen)
    feats = torch.cat([F.one_hot(kind, CK_KINDS).float(), torch.stack([
        (length - 46) / 4.6, (dia - 24) / 0.29, (bore - 18.25) / 0.43, torch.log1p(age) - 1.9, 2 * side - 1,
        (hum - 67.5) / 10, (temp - 17.5) / 4.3], 1)], 1)
    return feats, force / 100


class CorkGreyBox(nn.Module):
    """An MLP from the cork, bottle and storage to five positive physical parameters (friction load per mm,
    static excess, its decay length, grip stiffness, the bore's taper), and the extraction law (an elastic ramp to
    breakaway, then friction over the cork still in the neck, lessened by the taper, with a decaying static
    excess) at the 16 depths, in hN."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 5))
        self.register_buffer("depth", (torch.arange(CK_POINTS) + 0.5).view(1, -1) / CK_POINTS)

    def forward(self, feats: torch.Tensor) -> torch.Tensor:
        p = F.softplus(self.net(feats))
        q, excess, x0, grip = 8 * p[:, :1], 0.5 * p[:, 1:2], 1 + 2 * p[:, 2:3], 250 * p[:, 3:4] + 50
        taper = 0.3 * p[:, 4:5]
        length = 46 + 4.6 * feats[:, 5:6]
        x = self.depth * length
        moved = torch.relu(x - q * length * (1 + excess) / grip)
        fric = q * torch.relu(length - moved) * (1 - taper * moved / length) * (1 + excess * torch.exp(-moved / x0))
        return torch.minimum(grip * x, fric) / 100


def pull_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the pull forces (hN) at the 16 depths."""
    return _mse(model, batch)


def corkscrew_pull(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box extraction net on 8192 pulls; held out: 2048 other pulls in batches of 1024; RAdam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(121105)
    x, y = _ck_pulls(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CorkGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": pull_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. mailbox delivery times on letter-carrier routes (Adagrad; long only)

MB_ROUTES = 48
MB_CARRIERS = 56  # 48 regulars (carrier r's home route is r) and 8 floaters


def _mb_deliveries(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Deliveries to mailboxes on 48 routes (a fixed town drawn from the same generator: each route's start 0.5-2
    h after 8:00, 300-700 stops at 8-20 s each, 1-3 h of driving, a base parcel load 20-120). A day's carrier is
    the route's regular on 80% of days, otherwise one of 8 floaters or another regular (25-50% slower off their
    home route; each carrier's own pace 0.85-1.15). Monday starts 0.4 h later (the weekend's backlog), Saturday
    0.2 h earlier with 20% less to deliver; parcels log-normal around the route's base times a month factor (x2.2
    in December, x1.3 in November); heavy days start later (sorting) and deliver slower; winter's dark (Nov-Feb)
    5% slower; rain 0-20 mm (70% dry days) 1.5% slower per mm; the lunch break (30 min) is taken once the carrier
    passes noon (+-20 min). Each mailbox is at a fraction 0-1 of the route; 6-minute scatter. Returns (categorical
    (n, 4): route, carrier, weekday, month; continuous (n, 3): position, log parcels, rain; arrival in hours after
    8:00 (n, 1))."""
    start = 0.5 + 1.5 * torch.rand(MB_ROUTES, generator=gen)
    stops = 300 + 400 * torch.rand(MB_ROUTES, generator=gen)
    svc = 8 + 12 * torch.rand(MB_ROUTES, generator=gen)
    drive = 1 + 2 * torch.rand(MB_ROUTES, generator=gen)
    base = 20 + 100 * torch.rand(MB_ROUTES, generator=gen)
    pace = 0.85 + 0.3 * torch.rand(MB_CARRIERS, generator=gen)
    route = torch.randint(0, MB_ROUTES, (n,), generator=gen)
    regular = torch.rand(n, generator=gen) < 0.8
    other = torch.randint(0, MB_CARRIERS, (n,), generator=gen)
    carrier = torch.where(regular, route, other)
    home = carrier == route
    unfamiliar = 1 + (0.25 + 0.25 * torch.rand(MB_CARRIERS, generator=gen))[carrier] * (~home).float()
    weekday = torch.randint(0, 6, (n,), generator=gen)
    month = torch.randint(0, 12, (n,), generator=gen)
    mfac = torch.ones(12)
    mfac[10], mfac[11] = 1.3, 2.2
    parcels = base[route] * mfac[month] * torch.exp(0.35 * torch.randn(n, generator=gen))
    parcels = parcels * torch.where(weekday == 5, 0.8, 1.0)
    heavy = torch.log(parcels / base[route])
    t0 = start[route] + 0.4 * (weekday == 0).float() - 0.2 * (weekday == 5).float() + 0.3 * torch.relu(heavy)
    dark = torch.isin(month, torch.tensor([0, 1, 10, 11])).float()
    rain = torch.where(torch.rand(n, generator=gen) < 0.7, torch.zeros(n), 20 * torch.rand(n, generator=gen) ** 2)
    work = (stops[route] * svc[route] / 3600 * (1 + 0.15 * heavy) * torch.where(weekday == 5, 0.8, 1.0)
            + drive[route]) * pace[carrier] * unfamiliar * (1 + 0.05 * dark) * (1 + 0.015 * rain)
    pos = torch.rand(n, generator=gen)
    arrive = t0 + pos * work
    noon = 4 + (20 / 60) * (2 * torch.rand(n, generator=gen) - 1)
    arrive = arrive + 0.5 * (arrive > noon).float()
    arrive = arrive + 0.1 * torch.randn(n, generator=gen)
    cats = torch.stack([route, carrier, weekday, month], 1)
    cont = torch.stack([2 * pos - 1, (torch.log(parcels) - 4.1) / 0.6, rain / 5], 1)
    return cats, cont, arrive.view(-1, 1)


class DeliveryNet(nn.Module):
    """Embeddings of the route (8), carrier (8), weekday (3) and month (3) with the three numbers, through a ReLU
    MLP to the arrival time."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.route, self.carrier = nn.Embedding(MB_ROUTES, 8), nn.Embedding(MB_CARRIERS, 8)
        self.weekday, self.month = nn.Embedding(6, 3), nn.Embedding(12, 3)
        self.mlp = nn.Sequential(nn.Linear(8 + 8 + 3 + 3 + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.route(cats[:, 0]), self.carrier(cats[:, 1]), self.weekday(cats[:, 2]),
                       self.month(cats[:, 3]), cont], 1)
        return self.mlp(h)


def arrival_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised arrival time."""
    cats, cont, y = batch
    return F.mse_loss(model(cats, cont), y)


def mailbox_delivery(batch_size: int = 32, seed: int = 0, train_size: int = 16384, hidden: int = 64) -> dict[str, Any]:
    """The delivery net on 16384 deliveries, the arrival standardised over them; held out: 4096 other deliveries
    in batches of 1024; Adagrad (torch's defaults: no LR decay, initial accumulator 0, eps 1e-10)."""
    gen = torch.Generator().manual_seed(121106)
    cats, cont, y = _mb_deliveries(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DeliveryNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": arrival_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("switch_bounce_nesterov", switch_bounce, 300, "light_switch_contact_bounce_settle_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 256, seconds=1.0, start_lr=0.0125),
    W("piggy_bank_coins_adamw", piggy_bank_coins, 300, "piggy_bank_coin_counter_set_transformer", "adamw_wd1e-2",
      "finite", 32, seconds=1.2, start_lr=0.016),
    W("bottle_cap_seal_adam", bottle_cap_seal, 300, "bottle_cap_capping_torque_seal_pressure_gru", "adam", "finite",
      128, seconds=1.1, start_lr=0.032),
    W("jar_lid_torque_adam", jar_lid_torque, 300, "jar_lug_lid_vacuum_opening_torque_resnet_embedding", "adam",
      "finite", 256, seconds=0.6, start_lr=0.016),
)
LONG = (
    W("corkscrew_pull_radam@long", corkscrew_pull, 3000, "corkscrew_cork_extraction_force_greybox", "radam",
      "finite", 64, seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("mailbox_delivery_adagrad@long", mailbox_delivery, 3000, "mailbox_route_delivery_time_embedding_mlp",
      "adagrad", "finite", 64, seconds=2.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("switch_bounce_nesterov@long", switch_bounce, 3000, "light_switch_contact_bounce_settle_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, dict(train_size=8192, c1=8, c2=16), seconds=3.5, start_lr=0.05,
      grid_fractions=(0.0, 0.05), long_of="switch_bounce_nesterov"),
    W("jar_lid_torque_adam@long", jar_lid_torque, 3000, "jar_lug_lid_vacuum_opening_torque_resnet_embedding",
      "adam", "finite", 64, dict(train_size=16384, width=32, blocks=1, scatter=0.01), seconds=3.0, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="jar_lid_torque_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam121_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-first exam's workloads")
