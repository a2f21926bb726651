"""The hundred-and-ninety-sixth exam: six more workload families that neither the suite nor exams 1-192 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam192_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from stagecoaches and relay timing, palanquins and bearer gait, tandoors and
clay-wall heat, smokehouses and cure moisture loss, tatami mats and humidity swelling, and flagpoles and halyard
slap (exams 193-195 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam196/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- palanquin bearer gait: a 1-D CNN reads 2.56 s of the vertical acceleration of a palanquin's passenger box
  (25 Hz) and returns the bearers' step cadence and their step synchrony (the Kuramoto order parameter of the
  four bearers' step phases: 1 in step, near 0 in the broken step bearers use to keep the box level); the box
  rides on its poles as a damped spring-mass, each bearer's step a force pulse train (fundamental and heel-strike
  harmonic) through the box's resonance; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (the CNN recipe)
- tandoor clay-wall heat: a fully convolutional 2-D CNN reads a thermal-camera map of a tandoor's inner wall
  (unrolled, 8 x 16, padded circularly around the wall) with the dough's thickness and hydration and the bed's
  radiant temperature, and returns the map of naan bake times (log) for a naan slapped at each spot; the bake time
  from contact heating by the clay as a semi-infinite solid (sqrt(t) law, the wall's mean temperature under the
  naan) plus the bed's radiation on the naan's face; RAdam (torch's defaults)
- tatami humidity swelling: a small Pre-LN transformer (one block) reads 32 days of room humidity and temperature
  (two days a token, with the mat's core type and cover) and returns the mat's moisture content and thickness
  swelling on the last day; the rush cover's and core's equilibrium moisture from a Hailwood-Horrobin-like
  sorption isotherm, each layer following it with its own lag, the thickness swelling from the moisture above the
  mat's build moisture (with a part that does not come back on drying); NAdam (torch's defaults)
- flagpole halyard slap: a residual MLP with LayerNorm from the wind, the pole and the halyard to the halyard's
  slap rate (log) and the slap's sound level; slapping when the halyard's swing (gusts at its string frequency
  sqrt(T / mu) / 2L) reaches the pole, much more when the pole's vortex shedding (St U / D) locks in with the
  pole's sway frequency (a tapered cantilever's), less with a tight or wrapped halyard; SGD with (heavy-ball)
  momentum 0.9 for the short plan, Adagrad on a larger pool for the long one (an online fit of logged slaps)
- stagecoach relay timing (long only): an embedding net from the stage's relay station, the horse team, the
  driver and the route (embeddings) and the leg's distance, climb, load, season and road surface to the log of the
  leg's time; horses at a trot slowing with the distance since the last change (fatigue with the team's
  stamina), a climb penalty (Naismith-like), mud by season and surface, the station's change time; Adagrad
  (torch's defaults) as the sparse-feature recommender fields use it
- smokehouse cure moisture loss (long only): a grey-box: a small MLP from the product (salmon side, pork belly,
  ham, sausage, beef strips), thickness, salt, smoke temperature, air humidity and air speed to three parameters
  of a Page drying model (rate, exponent, equilibrium moisture), whose closed form gives the weight loss at 8
  times; data from Fickian drying of a slab (a series solution, D Arrhenius in temperature, a boundary-layer
  factor from the air speed, equilibrium moisture from a Henderson-like isotherm with the salt lowering water
  activity); Adagrad (torch's defaults), as grey-box parameter fits use it

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``), all Adagrad: the
stagecoach embedding net (no short plan), the smokehouse grey-box twice (no short plan: batch 64 on 4096 runs, and
batch 128 on 8192 runs) and the flagpole net on 8192 ten-minute logs instead of 2048 (two residual blocks of width
32 instead of three of 48; Adagrad instead of the short plan's SGD with momentum).

Of the eight plans, one uses SGD with Nesterov momentum (palanquin), one RAdam (tandoor), one NAdam (tatami), one
SGD with heavy-ball momentum (flagpole) and four Adagrad (stagecoach, both smokehouse plans, flagpole@long).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam196_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam196/README.md).

    python benchmarks/exam196_workloads.py          # the table
    python benchmarks/exam196_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 196"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. palanquin bearer gait from the passenger box's vertical acceleration (SGD, Nesterov momentum)

PQ_LEN = 64
PQ_HZ = 25.0


def _pq_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Four bearers carry a palanquin on two poles; an accelerometer on the box logs 2.56 s at 25 Hz. Each bearer
    steps at the team's cadence 1.4-2.4 Hz (its own +-3%), with a phase: in step (phases together), broken step
    (the four spread) or anything between (phases spread uniformly over +-s, s up to pi). Each step is a force
    pulse train: the fundamental and a heel-strike second harmonic (share 0.2-0.6). The box rides the poles'
    bending as a damped spring-mass (natural frequency 1.8-4 Hz, damping ratio 0.08-0.3): each component passes
    through |H(f)| = 1 / sqrt((1 - r^2)^2 + (2 zeta r)^2) with its phase lag. The passenger's mass (40-90 kg) scales
    the response down; trunk sway of the bearers adds a slow 0.3-0.6 Hz drift; sensor noise 0.06 g. Returns
    (traces (n, 1, 64) in g, targets (n, 2): cadence (Hz) and the order parameter R = |mean exp(i phase)|)."""
    t = torch.arange(PQ_LEN).float() / PQ_HZ
    cad = 1.4 + 1.0 * torch.rand(n, generator=gen)
    spread = math.pi * torch.rand(n, generator=gen) ** 0.8
    base_ph = 2 * math.pi * torch.rand(n, 1, generator=gen)
    ph = base_ph + spread.view(-1, 1) * (2 * torch.rand(n, 4, generator=gen) - 1)
    f_i = cad.view(-1, 1) * (1 + 0.03 * (2 * torch.rand(n, 4, generator=gen) - 1))
    amp = 0.8 + 0.4 * torch.rand(n, 4, generator=gen)
    heel = 0.2 + 0.4 * torch.rand(n, 1, generator=gen)
    f0 = 1.8 + 2.2 * torch.rand(n, 1, generator=gen)
    zeta = 0.08 + 0.22 * torch.rand(n, 1, generator=gen)
    mass = 40 + 50 * torch.rand(n, 1, generator=gen)
    sig = torch.zeros(n, PQ_LEN)
    for harm, share in ((1, 1.0), (2, None)):
        f = harm * f_i
        r = f / f0
        h = 1 / torch.sqrt((1 - r**2) ** 2 + (2 * zeta * r) ** 2)
        lag = torch.atan2(2 * zeta * r, 1 - r**2)
        w = amp * (1.0 if share is not None else heel) * h * (r**2).clamp(max=4) ** 0.5
        sig = sig + (w.unsqueeze(2) * torch.cos(2 * math.pi * f.unsqueeze(2) * t + harm * ph.unsqueeze(2)
                                                - lag.unsqueeze(2))).sum(1)
    sig = sig * 0.12 * (60 / mass) ** 0.5
    sway_f = 0.3 + 0.3 * torch.rand(n, 1, generator=gen)
    sig = sig + 0.05 * torch.sin(2 * math.pi * sway_f * t + 6.28 * torch.rand(n, 1, generator=gen))
    sig = sig + 0.06 * torch.randn(n, PQ_LEN, generator=gen)
    order = torch.sqrt(torch.cos(ph).mean(1) ** 2 + torch.sin(ph).mean(1) ** 2)
    y = torch.stack([(cad - 1.9) / 0.29, (order - 0.6) / 0.3], 1)
    return sig.unsqueeze(1), y


class GaitCNN(nn.Module):
    """A 1-D CNN (three conv-ReLU layers, two max-poolings, global average pooling) to cadence and synchrony."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, ch, 7, padding=3), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(ch, 2 * ch, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(2 * ch, 2 * ch, 3, padding=1), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(2 * ch, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def gait_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised cadence and order parameter."""
    return _mse(model, batch)


def palanquin_gait(batch_size: int = 32, seed: int = 0, train_size: int = 2048, ch: int = 16) -> dict[str, Any]:
    """The gait CNN on ``train_size`` logged carries (4096 in the plan); held out: 1024 other carries in batches of
    512; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(196102)
    x, y = _pq_traces(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GaitCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": gait_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. tandoor clay-wall heat: a 2-D CNN from the wall's thermal map to naan bake times (RAdam)

TD_ROWS, TD_COLS = 8, 16


def _td_maps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Thermal-camera maps of a tandoor's inner wall (unrolled: 8 rows from the charcoal bed up to the mouth, 16
    columns around the circumference, periodic) and the bake time of a naan slapped at each spot. The wall's
    temperature: a firing level 250-480 C at the bottom falling by 60-160 C to the mouth, a warmer side where the
    charcoal is heaped (a cosine around the wall, 0-50 C), 0-4 cold patches where breads were just pulled (dips of
    40-140 C, 2-3 cells across), 6 C camera noise. Per bake: the dough's thickness 3-8 mm, its hydration 55-70% and
    the bed's radiant temperature 700-1000 K. A naan covers 3 rows x 3 columns around its spot. Its bake time t
    solves a sqrt(t) + b t = E: contact heating from the clay as a semi-infinite solid (a = 2 e (T_w - T_d) /
    sqrt(pi), the clay's effusivity e, T_w the mean wall temperature under the naan, T_d 30 C), radiation from the
    bed on the naan's face (b = sigma eps (T_b^4 - T_n^4) times a view factor falling with the height), E the heat
    to bake the dough (thickness times the sensible and evaporation heat, more with hydration). 10% scatter a spot.
    Returns (maps (n, 4, 8, 16): the wall in C / 100 and the three bake constants as planes; log bake times (n,
    8, 16))."""
    rows = torch.arange(TD_ROWS).float().view(1, -1, 1) / (TD_ROWS - 1)
    cols = torch.arange(TD_COLS).float().view(1, 1, -1) * 2 * math.pi / TD_COLS
    base = 250 + 230 * torch.rand(n, 1, 1, generator=gen)
    drop = 60 + 100 * torch.rand(n, 1, 1, generator=gen)
    side = 50 * torch.rand(n, 1, 1, generator=gen) * torch.cos(cols - 2 * math.pi * torch.rand(n, 1, 1, generator=gen))
    wall = base - drop * rows**1.3 + side
    patches = torch.randint(0, 5, (n,), generator=gen)
    for j in range(4):
        on = (patches > j).float().view(-1, 1, 1)
        r0 = 0.15 + 0.7 * torch.rand(n, 1, 1, generator=gen)
        c0 = 2 * math.pi * torch.rand(n, 1, 1, generator=gen)
        depth = 40 + 100 * torch.rand(n, 1, 1, generator=gen)
        dc = torch.atan2(torch.sin(cols - c0), torch.cos(cols - c0)) / (2 * math.pi / TD_COLS)
        dr = (rows - r0) * (TD_ROWS - 1)
        wall = wall - on * depth * torch.exp(-(dr**2) / 1.5 - dc**2 / 2.0)
    thick = 3 + 5 * torch.rand(n, 1, 1, generator=gen)
    hyd = 0.55 + 0.15 * torch.rand(n, 1, 1, generator=gen)
    bed = 700 + 300 * torch.rand(n, 1, 1, generator=gen)
    # the mean wall temperature under a 3 x 3 naan (periodic around, clamped at the bottom and the mouth)
    w = F.pad(wall.unsqueeze(1), (1, 1, 0, 0), mode="circular")
    w = F.pad(w, (0, 0, 1, 1), mode="replicate")
    under = F.avg_pool2d(w, (3, 3), stride=1).squeeze(1)
    e = 1300.0  # the clay's effusivity, W s^0.5 / m2 K
    a = 2 * e * (under - 30).clamp_min(20) / math.sqrt(math.pi)
    view = 0.25 * (1 - 0.8 * rows)
    b = 5.67e-8 * 0.9 * (bed**4 - 373.0**4) * view
    energy = (thick / 1000) * 1000 * (2.6e3 * 70 + hyd * 0.35 * 2.26e6)  # J / m2
    sqrt_t = (-a + torch.sqrt(a**2 + 4 * b * energy)) / (2 * b)
    t = sqrt_t**2 * torch.exp(0.10 * torch.randn(n, TD_ROWS, TD_COLS, generator=gen))
    planes = [((thick - 5.5) / 1.44).expand(n, TD_ROWS, TD_COLS), ((hyd - 0.625) / 0.043).expand(n, TD_ROWS, TD_COLS),
              ((bed - 850) / 87).expand(n, TD_ROWS, TD_COLS)]
    wall = wall + 6 * torch.randn(n, TD_ROWS, TD_COLS, generator=gen)
    return torch.stack([wall / 100 - 3] + planes, 1), torch.log(t) - 4


class WallCNN(nn.Module):
    """A fully convolutional 2-D CNN (three 3x3 conv-SiLU layers padded circularly around the wall and by replication
    at the bed and the mouth, a 1x1 read-out) from the wall map to the map of log bake times."""

    def __init__(self, ch: int = 12) -> None:
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv2d(4, ch, 3), nn.Conv2d(ch, ch, 3), nn.Conv2d(ch, ch, 3)])
        self.out = nn.Conv2d(ch, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for conv in self.convs:
            x = F.pad(F.pad(x, (1, 1, 0, 0), mode="circular"), (0, 0, 1, 1), mode="replicate")
            x = F.silu(conv(x))
        return self.out(x).squeeze(1)


def wall_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log bake times over the map."""
    return _mse(model, batch)


def tandoor_wall(batch_size: int = 32, seed: int = 0, train_size: int = 1024, ch: int = 12) -> dict[str, Any]:
    """The wall CNN on 1024 camera maps; held out: 1024 other maps in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(196103)
    x, y = _td_maps(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WallCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": wall_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. smokehouse cure moisture loss: a Page-model grey-box (Adagrad; long only)

SH_PRODUCTS = 5
SH_TIMES = torch.tensor([1.0, 2.0, 4.0, 8.0, 12.0, 18.0, 24.0, 36.0])  # hours


def _sh_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Smokehouse runs: the product (salmon side, pork belly, ham, sausage, beef strips: initial moisture 2.0, 1.2,
    1.8, 1.4, 2.8 kg water / kg dry matter, a diffusivity factor 1.0, 0.6, 0.5, 0.8, 1.3, fat shielding 0.1, 0.5,
    0.3, 0.4, 0.05), thickness 1-8 cm (beef strips 0.6-1.5 cm), salt 1-6% (the cure), smoke temperature 20-80 C
    (cold to hot smoking), air humidity 45-85% and air speed 0.5-3 m/s. Fickian drying of a slab of half-thickness
    L (dried from both faces): M - Me = (M0 - Me) (8 / pi^2) sum_k exp(-(2k+1)^2 pi^2 D t / (4 L^2)) / (2k+1)^2 (four
    terms), D = D0 exp(-Ea / R T) (Ea 30 kJ/mol) times a boundary-layer factor Bi / (Bi + 2) with Bi rising with
    the air speed, and a case-hardening slow-down at high temperature and low humidity; Me from a Henderson-like
    isotherm in the water activity (the air's RH, the salt lowering the product's surface activity). Weight loss
    at 8 times (1-36 h) as percent of the green weight; 0.4 percentage points of scatter. Returns (features (n, 10),
    weight losses (n, 8) in percent / 10)."""
    prod = torch.randint(0, SH_PRODUCTS, (n,), generator=gen)
    m0 = torch.tensor([2.0, 1.2, 1.8, 1.4, 2.8])[prod]
    dfac = torch.tensor([1.0, 0.6, 0.5, 0.8, 1.3])[prod]
    fat = torch.tensor([0.1, 0.5, 0.3, 0.4, 0.05])[prod]
    thick = torch.where(prod == 4, 0.6 + 0.9 * torch.rand(n, generator=gen), 1 + 7 * torch.rand(n, generator=gen))
    salt = 1 + 5 * torch.rand(n, generator=gen)
    temp = 20 + 60 * torch.rand(n, generator=gen)
    rh = 0.45 + 0.40 * torch.rand(n, generator=gen)
    vel = 0.5 + 2.5 * torch.rand(n, generator=gen)
    aw = rh * (1 + 0.02 * salt)
    me = (-torch.log(1 - aw.clamp(max=0.97)) / (0.9 * (temp + 40) / 60)) ** (1 / 1.6) * 0.35 * (1 + 0.05 * salt)
    bi = 2 + 6 * vel**0.8
    d = 2.2e-9 * dfac * (1 - 0.6 * fat) * torch.exp(-30e3 / 8.314 * (1 / (temp + 273.15) - 1 / 303.15))
    d = d * bi / (bi + 2) / (1 + 0.015 * torch.relu(temp - 45) * (1 - rh) * 4)
    half = thick / 200
    t = SH_TIMES.view(1, -1) * 3600
    series = torch.zeros(n, len(SH_TIMES))
    for k in range(4):
        j = 2 * k + 1
        series = series + torch.exp(-(j**2) * math.pi**2 * d.view(-1, 1) * t / (4 * half.view(-1, 1) ** 2)) / j**2
    mr = (8 / math.pi**2) * series
    m = me.view(-1, 1) + (m0 - me).view(-1, 1) * mr
    loss = 100 * (m0.view(-1, 1) - m) / (1 + m0.view(-1, 1))
    loss = loss + 0.4 * torch.randn(n, len(SH_TIMES), generator=gen)
    x = torch.cat([F.one_hot(prod, SH_PRODUCTS).float(), torch.stack([
        torch.log(thick) - 1, (salt - 3.5) / 1.44, (temp - 50) / 17.3, (rh - 0.65) / 0.115, (vel - 1.75) / 0.72],
        1)], 1)
    return x, loss / 10


class PageGreyBox(nn.Module):
    """A small tanh MLP to the Page model's parameters (log rate k, exponent n, the equilibrium loss share), and the
    closed form: loss(t) = L_inf (1 - exp(-(k t)^n)) at the 8 sampling times."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))
        self.register_buffer("log_t", torch.log(SH_TIMES / 8))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        log_k, n, l_inf = p[:, :1] - 1.0, 0.5 + torch.sigmoid(p[:, 1:2]), 8 * torch.sigmoid(p[:, 2:3])
        return l_inf * (1 - torch.exp(-torch.exp(n * (self.log_t + log_k))))


def cure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the weight losses (percent / 10) at the 8 sampling times."""
    return _mse(model, batch)


def smokehouse_cure(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The Page grey-box on ``train_size`` smokehouse runs (4096 or 8192); held out: 2048 other runs in batches of
    1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(196104)
    x, y = _sh_batches(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PageGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": cure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. tatami humidity swelling: a Pre-LN transformer over 32 days of room climate (NAdam)

TT_DAYS = 32
TT_TOKENS = 16  # two days a token


def _tt_rooms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tatami mats in rooms: 32 days of daily mean relative humidity (a seasonal level 40-85%, weather swings with a
    3-day memory, rainy spells) and temperature (10-30 C); the mat's core (rice straw, compressed wood-fibre board,
    polystyrene foam sandwich; one-hot), whether a carpet covers it, the mat's build moisture 8-14%. Each layer's
    equilibrium moisture from a Hailwood-Horrobin-like isotherm EMC = a h / (1 - b h) + c h / (1 + d h) (h the RH,
    a weak temperature term), the rush cover following it with a 1.5-day lag (6 days under a carpet), the core with
    its own lag (straw 8 days, fibre board 12, foam sandwich: the foam takes no water); the thickness swelling in
    percent from the cover's and core's moisture above the build moisture (straw swells most), with a set that does
    not come back (the maximum reached). Scatter 0.3 points of moisture, 0.05 of swelling. Returns (tokens (n, 16,
    10): two days' RH and temperature, the mat's constants, the token's position; targets (n, 2): the cover's
    moisture content and the swelling on day 32)."""
    level = 0.40 + 0.45 * torch.rand(n, 1, generator=gen)
    z = torch.randn(n, TT_DAYS, generator=gen)
    swing = torch.zeros(n, TT_DAYS)
    for d in range(TT_DAYS):
        swing[:, d] = (swing[:, d - 1] * 0.67 if d else 0) + 0.06 * z[:, d]
    rain = (torch.rand(n, TT_DAYS, generator=gen) < 0.15).float()
    rain = torch.clamp(rain + torch.roll(rain, 1, 1) * 0.6, max=1)
    rh = (level + swing + 0.12 * rain).clamp(0.2, 0.95)
    temp = 10 + 20 * torch.rand(n, 1, generator=gen) + 2 * torch.randn(n, TT_DAYS, generator=gen)
    core = torch.randint(0, 3, (n,), generator=gen)
    carpet = (torch.rand(n, generator=gen) < 0.3).float()
    build = 0.08 + 0.06 * torch.rand(n, generator=gen)

    def emc(h: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        return (0.9 * h / (1 - 0.7 * h) + 0.05 * h / (1 + 2 * h)) * 0.10 * (1 - 0.004 * (t - 20))

    lag_cover = 1.5 * (1 + 3 * carpet)
    lag_core = torch.tensor([8.0, 12.0, 1e6])[core]
    w_core = torch.tensor([1.0, 0.6, 0.0])[core]
    swell_k = torch.tensor([0.9, 0.6, 0.3])[core]
    mc = build.clone()
    mk = build.clone()
    peak = torch.zeros(n)
    for d in range(TT_DAYS):
        e = emc(rh[:, d], temp[:, d])
        mc = mc + (e - mc) * (1 - torch.exp(-1 / lag_cover))
        mk = mk + (e - mk) * (1 - torch.exp(-1 / lag_core))
        sw = 15 * (0.35 * (mc - build) + swell_k * w_core * (mk - build))
        peak = torch.maximum(peak, sw)
    swell = sw + 0.25 * torch.relu(peak - sw)
    y = torch.stack([100 * mc, swell], 1) + torch.tensor([0.3, 0.05]) * torch.randn(n, 2, generator=gen)
    const = torch.cat([F.one_hot(core, 3).float(), torch.stack([2 * carpet - 1, (build - 0.11) / 0.017], 1)], 1)
    pairs = torch.cat([((rh - 0.65) / 0.15).view(n, TT_TOKENS, 2), ((temp - 20) / 6).view(n, TT_TOKENS, 2)], 2)
    pos = torch.linspace(-1, 1, TT_TOKENS).view(1, -1, 1).expand(n, TT_TOKENS, 1)
    return torch.cat([pairs, const.unsqueeze(1).expand(n, TT_TOKENS, 5), pos], 2), y


class PreLNBlock(nn.Module):
    """A Pre-LN encoder block: x + attn(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.heads = heads
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def attn(self, h: torch.Tensor) -> torch.Tensor:
        b, t, d = h.shape
        q, k, v = self.qkv(h).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        return self.proj(F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class SwellFormer(nn.Module):
    """Two-day tokens (a linear embedding of the 10 token features), one Pre-LN block, a final LayerNorm, the last
    token read out to the moisture content and the swelling."""

    def __init__(self, d: int = 32, heads: int = 4, blocks: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(10, d)
        self.blocks = nn.ModuleList(PreLNBlock(d, heads) for _ in range(blocks))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.embed(x)
        for b in self.blocks:
            h = b(h)
        return self.head(self.ln(h[:, -1]))


def swell_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled moisture content and swelling."""
    return _mse(model, batch)


def tatami_swelling(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The swelling transformer on 2048 mats' months, targets standardised over them; held out: 1024 others in
    batches of 512; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(196105)
    x, y = _tt_rooms(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwellFormer(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": swell_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. flagpole halyard slap: a residual MLP with LayerNorm (SGD with momentum; Adagrad for the long plan)

FP_MATERIALS = 3


def _fp_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ten-minute logs at flagpoles: mean wind 1-18 m/s, turbulence intensity 0.1-0.4, pole height 6-15 m, top
    diameter 6-12 cm (a tapered aluminium cantilever: its first sway frequency (1.875^2 / 2 pi) sqrt(EI / m L^4)
    with a taper factor), the halyard (polyester braid, wire-core, nylon; one-hot: mass per metre and damping), its
    tension 20-200 N, a flag flying or not (it adds drag and tugs the halyard), the halyard wrapped round the pole or
    clipped off. The halyard's string frequency sqrt(T / mu) / 2L; gust energy at that frequency (a von Karman-like
    spectrum of U I) makes it swing, and a slap when the swing reaches the pole's stand-off (less with tension);
    the pole's vortex shedding at St U / D (St 0.2) locking in with its sway within +-15% makes the pole sway and
    the halyard slap much more; wrapping or clipping the halyard cuts it. Slaps a minute and their sound level
    (dB(A) at 10 m, from the impact speed and the pole's ring) with scatter. Returns (features (n, 11), (log1p
    slaps a minute, dB / 10) (n, 2))."""
    u = 1 + 17 * torch.rand(n, generator=gen)
    ti = 0.1 + 0.3 * torch.rand(n, generator=gen)
    h = 6 + 9 * torch.rand(n, generator=gen)
    dia = 0.06 + 0.06 * torch.rand(n, generator=gen)
    mat = torch.randint(0, FP_MATERIALS, (n,), generator=gen)
    mu = torch.tensor([0.012, 0.025, 0.010])[mat]
    damp = torch.tensor([1.0, 0.6, 1.4])[mat]
    tension = 20 + 180 * torch.rand(n, generator=gen)
    flag = (torch.rand(n, generator=gen) < 0.6).float()
    tied = torch.randint(0, 3, (n,), generator=gen)  # free, wrapped, clipped
    f_string = torch.sqrt(tension / mu) / (2 * h)
    e_i = 69e9 * math.pi * (dia / 2) ** 3 * 0.004  # thin wall 4 mm
    m_l = 2700 * math.pi * dia * 0.004
    f_pole = (1.875**2 / (2 * math.pi)) * torch.sqrt(e_i / (m_l * h**4)) * 1.3
    f_shed = 0.2 * u / (dia * 1.6)
    lock = torch.exp(-((f_shed / f_pole - 1) / 0.15) ** 2)
    spec = (u * ti) ** 2 / (1 + (f_string * h / (3 * u)) ** (5 / 3))
    swing = spec * (1 + 0.8 * flag) / (damp * (tension / 60)) + 3 * lock * (u / 10)
    reach = torch.tensor([1.0, 0.25, 0.1])[tied]
    rate = 30 * reach * swing / (swing + 2) * (1 + 0.5 * flag * ti)
    rate = rate * torch.exp(0.1 * torch.randn(n, generator=gen))
    db = 40 + 10 * torch.log10(1 + rate) + 12 * torch.log10(1 + swing) * reach - 3 * (mat == 0).float() \
        + 1.0 * torch.randn(n, generator=gen)
    x = torch.cat([torch.stack([(u - 9.5) / 4.9, (ti - 0.25) / 0.087, (h - 10.5) / 2.6, (dia - 0.09) / 0.017,
                                (tension - 110) / 52, 2 * flag - 1], 1), F.one_hot(mat, FP_MATERIALS).float(),
                   F.one_hot(tied, 3)[:, 1:].float()], 1)
    return x, torch.stack([torch.log1p(rate), db / 10 - 5], 1)


class ResBlock(nn.Module):
    """x + W2 GELU(W1 LN(x))."""

    def __init__(self, d: int) -> None:
        super().__init__()
        self.ln = nn.LayerNorm(d)
        self.fc1, self.fc2 = nn.Linear(d, 2 * d), nn.Linear(2 * d, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.ln(x))))


class SlapNet(nn.Module):
    """A residual MLP: a linear stem, ``blocks`` Pre-LN residual blocks, a final LayerNorm and a linear head."""

    def __init__(self, d: int = 48, blocks: int = 3) -> None:
        super().__init__()
        self.stem = nn.Linear(11, d)
        self.blocks = nn.Sequential(*(ResBlock(d) for _ in range(blocks)))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.ln(self.blocks(self.stem(x))))


def slap_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log1p(slaps a minute) and the sound level (dB / 10)."""
    return _mse(model, batch)


def flagpole_slap(batch_size: int = 32, seed: int = 0, train_size: int = 1024, d: int = 48, blocks: int = 3,
                  optimizer: str = "momentum") -> dict[str, Any]:
    """The slap net on ``train_size`` ten-minute logs (2048 for the short plan, 8192 for the long one); held out: 2048
    other logs in batches of 1024; SGD with momentum 0.9 (``optimizer="momentum"``) or Adagrad with torch's defaults
    (``optimizer="adagrad"``)."""
    gen = torch.Generator().manual_seed(196106)
    x, y = _fp_logs(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if optimizer == "adagrad":
        opt = _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    else:
        opt = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9")
    return {"model": SlapNet(d, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": slap_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. stagecoach relay timing: an embedding net over stations, teams, drivers and routes (Adagrad; long only)

SC_STATIONS, SC_TEAMS, SC_DRIVERS, SC_ROUTES = 60, 150, 30, 12


def _sc_stages(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Stages of a stagecoach line: the relay station the stage leaves from (60: its change time 3-12 minutes),
    the horse team (150: speed at a trot 11-15 km/h, stamina 8-25 km), the driver (30: a skill factor 0.93-1.07),
    the route (12: a road quality 0.85-1.1). The leg: 8-22 km, climb 0-400 m, load 2-9 passengers plus mail
    (heavier is slower), season (one-hot 4: winter and spring mud) and surface (macadam, gravel, dirt; one-hot).
    Speed at distance s into the leg: v0 exp(-s / stamina) floored at half of v0 (the team tiring), so the leg's
    running time is the integral of 1 / v; a climb penalty (a Naismith-like 1 minute per 8 m of climb for a coach),
    mud (dirt in winter and spring 1.35x, gravel 1.15x), the load (+2% a passenger), the driver and the road;
    plus the station's change time. Scatter 4% (lognormal). Returns (ids (n, 4), numeric features (n, 10), log
    minutes (n,))."""
    st = torch.randint(0, SC_STATIONS, (n,), generator=gen)
    tm = torch.randint(0, SC_TEAMS, (n,), generator=gen)
    dr = torch.randint(0, SC_DRIVERS, (n,), generator=gen)
    rt = torch.randint(0, SC_ROUTES, (n,), generator=gen)
    g2 = torch.Generator().manual_seed(1961)  # the line's fixed properties
    change = 3 + 9 * torch.rand(SC_STATIONS, generator=g2)
    v0 = 11 + 4 * torch.rand(SC_TEAMS, generator=g2)
    stamina = 8 + 17 * torch.rand(SC_TEAMS, generator=g2)
    skill = 0.93 + 0.14 * torch.rand(SC_DRIVERS, generator=g2)
    road = 0.85 + 0.25 * torch.rand(SC_ROUTES, generator=g2)
    dist = 8 + 14 * torch.rand(n, generator=gen)
    climb = 400 * torch.rand(n, generator=gen) ** 1.5
    load = torch.randint(2, 10, (n,), generator=gen).float()
    season = torch.randint(0, 4, (n,), generator=gen)  # winter, spring, summer, autumn
    surf = torch.randint(0, 3, (n,), generator=gen)  # macadam, gravel, dirt
    s = torch.linspace(0, 1, 17).view(1, -1) * dist.view(-1, 1)
    v = torch.maximum(v0[tm].view(-1, 1) * torch.exp(-s / stamina[tm].view(-1, 1)), 0.5 * v0[tm].view(-1, 1))
    hours = torch.trapezoid(1 / v, s, dim=1)
    muddy = (season <= 1).float()
    mud = torch.where(surf == 2, 1 + 0.35 * muddy, torch.where(surf == 1, 1 + 0.15 * muddy, torch.ones(n)))
    minutes = (hours * 60 + climb / 8) * mud * (1 + 0.02 * load) / (skill[dr] * road[rt]) + change[st]
    minutes = minutes * torch.exp(0.04 * torch.randn(n, generator=gen))
    num = torch.cat([torch.stack([(dist - 15) / 4, (climb - 160) / 110, (load - 5.5) / 2.3], 1),
                     F.one_hot(season, 4).float(), F.one_hot(surf, 3).float()], 1)
    return torch.stack([st, tm, dr, rt], 1), num, torch.log(minutes) - 4.2


class RelayNet(nn.Module):
    """Embeddings of the station, team, driver and route (``k`` each), concatenated with the numeric features, into a
    ReLU MLP to the log of the leg's minutes."""

    def __init__(self, k: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(c, k) for c in (SC_STATIONS, SC_TEAMS, SC_DRIVERS, SC_ROUTES))
        self.mlp = nn.Sequential(nn.Linear(4 * k + 10, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, ids: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = [emb(ids[:, i]) for i, emb in enumerate(self.emb)]
        return self.mlp(torch.cat(e + [num], 1)).squeeze(-1)


def relay_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log minutes (x 10)."""
    ids, num, y = batch
    return 100 * F.mse_loss(model(ids, num), y)


def stagecoach_relay(batch_size: int = 32, seed: int = 0, train_size: int = 8192, k: int = 8,
                     hidden: int = 64) -> dict[str, Any]:
    """The relay net on 8192 logged stages; held out: 2048 other stages in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(196101)
    ids, num, y = _sc_stages(train_size + 2048, gen)
    tr = (ids[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RelayNet(k, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": relay_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("palanquin_gait_nesterov", palanquin_gait, 300, "palanquin_bearer_gait_box_accel_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, dict(train_size=4096), seconds=1.0, start_lr=0.1),
    W("tandoor_wall_radam", tandoor_wall, 300, "tandoor_wall_thermal_map_naan_bake_time_cnn2d", "radam", "finite", 32,
      seconds=1.2, start_lr=0.064),
    W("tatami_swelling_nadam", tatami_swelling, 300, "tatami_mat_humidity_swelling_preln_transformer", "nadam",
      "finite", 64, seconds=1.5, start_lr=0.016),
    W("flagpole_slap_momentum", flagpole_slap, 300, "flagpole_halyard_slap_resmlp_ln", "sgd_momentum0.9", "finite", 64,
      dict(train_size=2048), seconds=0.5, start_lr=0.064),
)
LONG = (
    W("stagecoach_relay_adagrad@long", stagecoach_relay, 3000, "stagecoach_relay_stage_time_embedding_net",
      "adagrad", "finite", 32, seconds=3.5, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("smokehouse_cure_adagrad@long", smokehouse_cure, 3000, "smokehouse_cure_moisture_loss_page_greybox",
      "adagrad", "finite", 64, seconds=3.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("flagpole_slap_adagrad@long", flagpole_slap, 3000, "flagpole_halyard_slap_resmlp_ln", "adagrad", "finite", 32,
      dict(train_size=8192, d=32, blocks=2, optimizer="adagrad"), seconds=3.5, start_lr=0.256,
      grid_fractions=(0.0, 0.05)),
    W("smokehouse_cure_b128_adagrad@long", smokehouse_cure, 3000, "smokehouse_cure_moisture_loss_page_greybox",
      "adagrad", "finite", 128, dict(train_size=8192), seconds=3.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam196_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-ninety-sixth exam's workloads")
