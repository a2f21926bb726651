"""The hundred-and-eighty-seventh exam: six more workload families that neither the suite nor exams 1-186 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam186_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from pagodas and eave sway, sundecks and board cupping, ballistas and bolt
range, belfries and bell swing, roulette wheels and ball decay, and gargoyles and rain-spout throw (exams 188-190
were built at the same time from other domains; their modules were not opened). What was checked to make them new,
and what was tried and dropped, is in ``benchmarks/results/exam187/README.md``. Models, laws and optimiser settings
are written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- pagoda eave sway under gusts: a fully convolutional dilated 1-D CNN reads a 32-sample gust record at the top
  tier (the wind, its square, and the tier's natural frequency, damping and eave overhang as constant channels)
  and predicts the eave tip's displacement at every sample; the data from a damped single-degree-of-freedom tier
  (the central pillar's and the brackets' friction as its damping) driven by the quasi-steady wind force 0.5 rho
  Cd A v^2, the eave tip amplifying the tier's drift and adding a rocking term; NAdam (torch defaults)
- sundeck board cupping (a long plan): an embedding net (species and site embeddings, numeric features) to the
  signed cup depth of a deck board; cupping from the moisture gradient across the board (bottom wetter over a
  damp, unventilated ground, top dried by sun), curvature = shrinkage coefficient x moisture difference /
  thickness, cup = curvature x width^2 / 8, the shrinkage coefficient from the ring angle (tangential vs radial);
  Adagrad (torch defaults)
- ballista bolt range: a residual MLP with LayerNorm from the torsion engine (spring diameter, pre-twist, draw,
  arm length), the bolt (mass, length), the elevation and the wind to the log range and log impact speed; the
  skein's energy rising with diameter^2, pre-twist and draw^2, an efficiency from the arms' inertia against the
  bolt's mass, then a flight with quadratic drag integrated in 120 steps; SGD with Nesterov momentum 0.9 (short:
  8% scatter) and RMSprop (torch defaults; long: a larger pool, a narrower net, 2% scatter: surveyed ranges)
- belfry bell swing: a tanh MLP from the bell (mass, bearing friction, wheel radius) and the ringer (pull force,
  pull window, ringing time) to the log swing amplitude at the end of the ringing-up and the log peak horizontal
  force on the bell frame; a compound pendulum from rest, the rope's torque only while the bell swings towards the
  rope's side inside the pull window, the stay stopping it at 175 degrees, the frame force from the centripetal and
  tangential accelerations; SGD with momentum 0.9 (heavy ball; short) and Adam (torch defaults; long, a larger
  pool)
- roulette ball decay (a long plan): a factorisation machine over the wheel, the croupier, the ball type and a
  bucketed launch speed (one-hot fields) plus two numeric features, to the log time to the ball's drop from the
  track and the log revolutions; dw/dt = -a - b w^2 on the ball track (rolling friction and air drag, a per-wheel
  friction and tilt), the drop when w^2 R falls below g tan(track angle) (the tilt moving it); Adagrad (torch
  defaults)
- gargoyle rain-spout throw: a small causal Pre-LN transformer over a 16-step storm (rain intensity and wind per
  step, the roof and spout as static features per token) to the jet's throw from the wall at each step; the roof
  as a linear reservoir fed by the rational method's C i A, the spout's channel flow at critical depth, the jet a
  projectile from the spout's tip with a wind drift, clinging to the lip at small flows; RAdam (torch defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the sundeck and
roulette nets (Adagrad; no short plans), the ringing net on 8192 ringings with Adam and the range net on 8192 shots
with RMSprop (a width of 16, one block).

Of the eight plans, two use Adagrad (sundeck, roulette), one Adam (belfry@long), one RMSprop (ballista@long), one
NAdam (pagoda), one RAdam (gargoyle), one SGD with Nesterov momentum (ballista) and one SGD with heavy-ball
momentum (belfry).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam187_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam187/README.md).

    python benchmarks/exam187_workloads.py          # the table
    python benchmarks/exam187_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 187"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. pagoda eave sway under gusts (SGD with Nesterov momentum; Adam for the long plan)

PG_LEN = 32


def _pg_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Gust records at a pagoda's top tier and the eave tip's response. Mean wind 5-25 m/s, turbulence intensity
    0.10-0.25, the gusts an AR(1) process (correlation 0.8 a sample, 0.5 s samples, 32 of them, 16 s). The tier: a
    damped oscillator, natural frequency 0.4-1.2 Hz, damping 3-12% (the central pillar and the brackets' friction),
    driven by 0.5 rho Cd A v^2 over its modal mass (constants invented), integrated in 8 sub-steps a sample from a
    start at the mean-wind deflection. The eave tip (overhang 1.5-3.0 m) moves with the tier's drift times (1 +
    0.25 overhang) plus a rocking term from the tier's acceleration. 5% scatter (the displacement survey's).
    Returns (inputs (n, 5, 32): the standardised wind and its square, the frequency, damping and overhang as
    constant channels; the eave tip's displacement in cm (n, 32))."""
    u = 5 + 20 * torch.rand(n, generator=gen)
    ti = 0.10 + 0.15 * torch.rand(n, generator=gen)
    fn = 0.4 + 0.8 * torch.rand(n, generator=gen)
    zeta = 0.03 + 0.09 * torch.rand(n, generator=gen)
    over = 1.5 + 1.5 * torch.rand(n, generator=gen)
    e = torch.randn(n, PG_LEN, generator=gen)
    g = torch.zeros(n, PG_LEN)
    g[:, 0] = e[:, 0]
    for t in range(1, PG_LEN):
        g[:, t] = 0.8 * g[:, t - 1] + 0.6 * e[:, t]
    v = (u.view(-1, 1) * (1 + ti.view(-1, 1) * g)).clamp_min(0.0)
    w = 2 * math.pi * fn
    k_force = 0.004  # 0.5 rho Cd A / modal mass, invented
    x = k_force * u**2 / w**2
    xd = torch.zeros(n)
    dt = 0.5 / 8
    tip = torch.zeros(n, PG_LEN)
    for t in range(PG_LEN):
        f = k_force * v[:, t] ** 2
        for _ in range(8):
            acc = f - w**2 * x - 2 * zeta * w * xd
            xd = xd + dt * acc
            x = x + dt * xd
        tip[:, t] = x * (1 + 0.25 * over) + 0.02 * over**2 * acc / w
    y = tip * 100 * (1 + 0.05 * torch.randn(n, PG_LEN, generator=gen))  # cm
    ones = torch.ones(n, PG_LEN)
    inp = torch.stack([(v - 15) / 6, (v / 15) ** 2 - 1, ones * ((fn - 0.8) / 0.23).view(-1, 1),
                       ones * ((zeta - 0.075) / 0.026).view(-1, 1), ones * ((over - 2.25) / 0.43).view(-1, 1)], 1)
    return inp, y


class EaveSwayCNN(nn.Module):
    """A fully convolutional dilated 1-D CNN (GELU, dilations 1, 2, 4; receptive field 29 samples) over the record,
    a 1x1 convolution to the eave tip's displacement at every sample."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv1d(5, ch, 5, padding=2), nn.Conv1d(ch, ch, 5, padding=4, dilation=2),
                                    nn.Conv1d(ch, ch, 5, padding=8, dilation=4)])
        self.head = nn.Conv1d(ch, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for conv in self.convs:
            x = F.gelu(conv(x))
        return self.head(x).squeeze(1)


def pagoda_sway(batch_size: int = 32, seed: int = 0, train_size: int = 2048, ch: int = 16) -> dict[str, Any]:
    """The eave-sway CNN on ``train_size`` gust records, the displacements standardised per sample over them; held
    out: 1024 other records in batches of 512; NAdam (torch defaults)."""
    gen = torch.Generator().manual_seed(187101)
    x, y = _pg_records(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam")
    return {"model": EaveSwayCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512), "optimizer": opt,
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. sundeck board cupping (Adagrad; long only)

SD_SPECIES = 8  # southern pine (treated), western red cedar, ipe, redwood, larch, spruce, white oak, iroko
SD_SITES = 64


def _sd_boards(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Deck boards a season after laying. Species with tangential and radial shrinkage (% per % moisture change, the
    usual 0.1-0.35 / 0.05-0.2 kind) and a density; 64 sites with an unseen ground humidity and sun (a latent per
    site). Width 90-190 mm, thickness 19-32 mm, ring angle 0-90 degrees (flat- to quarter-sawn), bark side up or
    down, clearance over the ground 0.1-1.0 m, sun exposure 0-1, months since laying 1-24. Bottom moisture from the
    site's ground humidity, falling with clearance (ventilation); top from the sun drying it; the gradient settling
    with time as the board equilibrates. Curvature = s(angle) dMC / t, s the tangential shrinkage times cos^2 plus
    the radial times sin^2 of the ring angle; the cup depth w^2 kappa / 8 (edges up when the bottom is wetter), the
    ring curvature adding a cup with the bark side's sign on flat-sawn boards. 5% scatter plus 0.1 mm. Returns
    (species, site, numeric features (n, 7), cup depth (n, 1))."""
    tang = torch.tensor([0.28, 0.17, 0.30, 0.16, 0.27, 0.26, 0.33, 0.15])
    rad = torch.tensor([0.16, 0.08, 0.22, 0.10, 0.14, 0.13, 0.18, 0.10])
    site_wet = torch.rand(SD_SITES, generator=gen)
    site_sun = torch.rand(SD_SITES, generator=gen)
    sp = torch.randint(0, SD_SPECIES, (n,), generator=gen)
    site = torch.randint(0, SD_SITES, (n,), generator=gen)
    width = 90 + 100 * torch.rand(n, generator=gen)
    thick = 19 + 13 * torch.rand(n, generator=gen)
    ang = 90 * torch.rand(n, generator=gen)
    bark_up = (torch.rand(n, generator=gen) < 0.5).float()
    clear = 0.1 + 0.9 * torch.rand(n, generator=gen)
    sun = torch.rand(n, generator=gen)
    months = 1 + 23 * torch.rand(n, generator=gen)
    mc_bot = 14 + 10 * site_wet[site] / (1 + 3 * clear)
    mc_top = 14 - 5 * sun * (0.5 + site_sun[site])
    dmc = (mc_bot - mc_top) * (0.4 + 0.6 * torch.exp(-months / 8))
    a = torch.deg2rad(ang)
    s = (tang[sp] * torch.cos(a) ** 2 + rad[sp] * torch.sin(a) ** 2) / 100
    kappa = s * dmc / thick
    cup = width**2 * kappa / 8 + 0.4 * torch.cos(a) ** 2 * (2 * bark_up - 1) * (width / 140) ** 2
    cup = cup * (1 + 0.05 * torch.randn(n, generator=gen)) + 0.1 * torch.randn(n, generator=gen)
    num = torch.stack([(width - 140) / 29, (thick - 25.5) / 3.75, (ang - 45) / 26, 2 * bark_up - 1,
                       (clear - 0.55) / 0.26, (sun - 0.5) / 0.29, (months - 12.5) / 6.6], 1)
    return sp, site, num, cup.view(-1, 1)


class CuppingNet(nn.Module):
    """Species and site embeddings with the numeric features into a two-layer ReLU net, the signed cup depth out."""

    def __init__(self, dim: int = 4, hidden: int = 32) -> None:
        super().__init__()
        self.species = nn.Embedding(SD_SPECIES, dim)
        self.site = nn.Embedding(SD_SITES, dim)
        self.net = nn.Sequential(nn.Linear(2 * dim + 7, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, sp: torch.Tensor, site: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.species(sp), self.site(site), num], 1))


def sundeck_cupping(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The cupping net on ``train_size`` boards, the cup standardised over them; held out: 2048 other boards in
    batches of 1024; Adagrad (torch defaults)."""
    gen = torch.Generator().manual_seed(187102)
    sp, site, num, y = _sd_boards(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (sp[:train_size], site[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CuppingNet(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((sp[train_size:], site[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. ballista bolt range (NAdam; RMSprop for the long plan)


def _bl_shots(n: int, gen: torch.Generator, noise: float = 0.08) -> tuple[torch.Tensor, torch.Tensor]:
    """Shots of a two-armed torsion ballista. Spring (skein) diameter 6-14 cm, pre-twist 0.5-1.5 (relative), draw
    0.6-1.2 m, arm length 0.5-0.9 m with a mass growing with it, bolt 0.1-0.8 kg and 0.5-1.2 m long, elevation 2-40
    degrees, a head- or tail-wind of -8 to 8 m/s. The skein's energy 2.2 kJ (D / 10 cm)^2 (0.6 + 0.4 twist)
    (draw / 0.9)^2 (invented); the bolt's share m / (m + 0.35 m_arms) (the arms' kinetic energy wasted), times 0.8;
    the flight with quadratic drag (Cd 0.5 on the bolt's frontal area, fletching adding 40% per metre of length,
    against the air speed) in 120 steps of a hundredth of the vacuum time of flight, launched 1.5 m up,
    interpolated at the ground. ``noise`` scatter on the logs (8%: the range staked by eye, the speed from a
    chronograph; 2%: a surveyed range). Returns (features (n, 8), log range and log impact speed (n, 2))."""
    dia = 6 + 8 * torch.rand(n, generator=gen)
    twist = 0.5 + torch.rand(n, generator=gen)
    draw = 0.6 + 0.6 * torch.rand(n, generator=gen)
    arm = 0.5 + 0.4 * torch.rand(n, generator=gen)
    m = 0.1 + 0.7 * torch.rand(n, generator=gen)
    blen = 0.5 + 0.7 * torch.rand(n, generator=gen)
    elev = 2 + 38 * torch.rand(n, generator=gen)
    wind = -8 + 16 * torch.rand(n, generator=gen)
    energy = 2200 * (dia / 10) ** 2 * (0.6 + 0.4 * twist) * (draw / 0.9) ** 2
    m_arms = 2.0 * (arm / 0.7) ** 2 * (dia / 10)
    v0 = (2 * 0.8 * energy * m / (m + 0.35 * m_arms) / m).sqrt()
    th = torch.deg2rad(elev)
    bd = 0.012 + 0.01 * m
    k = 0.5 * 1.2 * 0.5 * math.pi * bd**2 / 4 * (1 + 0.4 * blen) / m
    vx, vy = v0 * torch.cos(th), v0 * torch.sin(th)
    px, py = torch.zeros(n), torch.full((n,), 1.5)
    t_vac = (vy + (vy**2 + 2 * 9.81 * 1.5).sqrt()) / 9.81
    dt = t_vac / 100
    land_x, land_v = torch.zeros(n), torch.zeros(n)
    done = torch.zeros(n, dtype=torch.bool)
    for _ in range(120):
        rx, ry = vx + wind, vy
        sp = (rx**2 + ry**2).sqrt()
        nvx = vx - dt * k * sp * rx
        nvy = vy - dt * (9.81 + k * sp * ry)
        nx, ny = px + dt * nvx, py + dt * nvy
        hit = (ny <= 0) & ~done
        frac = py / (py - ny).clamp_min(1e-9)
        land_x = torch.where(hit, px + frac * (nx - px), land_x)
        land_v = torch.where(hit, (nvx**2 + nvy**2).sqrt(), land_v)
        done = done | hit
        px, py, vx, vy = nx, ny, nvx, nvy
    land_x = torch.where(done, land_x, px)
    land_v = torch.where(done, land_v, (vx**2 + vy**2).sqrt())
    y = torch.stack([torch.log(land_x), torch.log(land_v)], 1) + noise * torch.randn(n, 2, generator=gen)
    x = torch.stack([(dia - 10) / 2.3, (twist - 1) / 0.29, (draw - 0.9) / 0.17, (arm - 0.7) / 0.12,
                     (m - 0.45) / 0.2, (blen - 0.85) / 0.2, (elev - 21) / 11, wind / 4.6], 1)
    return x, y


class ResBlock(nn.Module):
    """Pre-norm residual block: x + W2 SiLU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.silu(self.fc1(self.norm(x))))


class RangeResNet(nn.Module):
    """A residual MLP with LayerNorm: a stem, ``blocks`` pre-norm blocks, a final norm and a linear head."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(8, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.stem(x))))


def ballista_range(batch_size: int = 64, seed: int = 0, train_size: int = 1024, width: int = 32, blocks: int = 2,
                   optimizer: str = "nesterov", noise: float = 0.08) -> dict[str, Any]:
    """The range net on ``train_size`` shots, targets standardised over them; held out: 2048 other shots in batches
    of 1024; SGD with Nesterov momentum 0.9 or RMSprop (torch defaults)."""
    gen = torch.Generator().manual_seed(187103)
    x, y = _bl_shots(train_size + 2048, gen, noise)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if optimizer == "nesterov":
        opt = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                     "sgd_nesterov0.9")
    else:
        opt = _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop")
    return {"model": RangeResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024), "optimizer": opt,
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. belfry bell swing (SGD with heavy-ball momentum)


def _bf_ringing(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ringing a bell up from rest in a belfry. The bell 100-1500 kg (log-uniform; its centre of mass L = 0.35 (M /
    500)^(1/3) m below the gudgeons, radius of gyration 1.15 L), bearing friction 1-4% of critical, the wheel's
    radius 0.5-1.0 m; the ringer pulls with 80-300 N, only while the bell swings towards the rope's side fast
    enough (a smooth gate, open while w / w_n passes 1 - window, the pull window 0.3-0.9), for 4-16 s. A compound
    pendulum stepped at 40 ms (semi-implicit Euler), the swing capped at 175 degrees by the stay (the velocity
    reversed at 30%). Outputs: the swing's amplitude over the ringing's last 2 s (degrees, as a log) and the peak
    horizontal force on the frame M L |w^2 sin th - a cos th| (kN, as a log). 3% scatter. Returns (features (n, 6),
    outputs (n, 2))."""
    mass = 100 * 15 ** torch.rand(n, generator=gen)
    L = 0.35 * (mass / 500) ** (1 / 3)
    inertia = mass * (1.15 * L) ** 2
    fric = 0.01 + 0.03 * torch.rand(n, generator=gen)
    wheel = 0.5 + 0.5 * torch.rand(n, generator=gen)
    force = 80 + 220 * torch.rand(n, generator=gen)
    window = 0.3 + 0.6 * torch.rand(n, generator=gen)
    ring_t = 4 + 12 * torch.rand(n, generator=gen)
    wn2 = mass * 9.81 * L / inertia
    wn = wn2.sqrt()
    th = 0.05 * torch.ones(n)
    om = torch.zeros(n)
    dt = 0.04
    cap = math.radians(175)
    amp = torch.zeros(n)
    fpeak = torch.zeros(n)
    steps = int(16 / dt)
    for i in range(steps):
        t = i * dt
        active = (t < ring_t).float()
        # the rope pulls while the bell swings towards positive angles, gated by the window on the speed
        gate = torch.sigmoid(8 * (om / wn - (1 - window)))
        acc = -wn2 * torch.sin(th) - 2 * fric * wn * om + active * gate * force * wheel / inertia
        om = om + dt * acc
        th = th + dt * om
        hit = th.abs() > cap
        om = torch.where(hit, -0.3 * om, om)
        th = th.clamp(-cap, cap)
        fh = mass * L * (om**2 * torch.sin(th) - acc * torch.cos(th)).abs() / 1000
        fpeak = torch.maximum(fpeak, fh)
        recent = (t >= ring_t - 2) & (t < ring_t)
        amp = torch.where(recent, torch.maximum(amp, th.abs()), amp)
    y = torch.stack([torch.log(torch.rad2deg(amp) + 1), torch.log(fpeak)], 1)
    y = y + 0.03 * torch.randn(n, 2, generator=gen)
    x = torch.stack([torch.log(mass / 387) / 0.78, (fric - 0.025) / 0.0087, (wheel - 0.75) / 0.14,
                     (force - 190) / 64, (window - 0.6) / 0.17, (ring_t - 10) / 3.5], 1)
    return x, y


class RingingNet(nn.Module):
    """A tanh MLP from the bell, the ringer and the ringing time to the log amplitude and log peak frame force."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def belfry_swing(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64,
                 optimizer: str = "momentum") -> dict[str, Any]:
    """The ringing net on ``train_size`` ringings, targets standardised over them; held out: 2048 other ringings in
    batches of 1024; SGD with momentum 0.9 (heavy ball) or Adam (torch defaults)."""
    gen = torch.Generator().manual_seed(187104)
    x, y = _bf_ringing(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if optimizer == "momentum":
        opt = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9")
    else:
        opt = _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam")
    return {"model": RingingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. roulette ball decay (Adagrad; long only)

RL_WHEELS, RL_CROUPIERS, RL_BALLS, RL_BINS = 48, 16, 3, 12
RL_FIELDS = RL_WHEELS + RL_CROUPIERS + RL_BALLS + RL_BINS


def _rl_spins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Spins clocked on 48 wheels (each with its own rolling friction and tilt, unseen), by 16 croupiers (each with a
    launch-speed habit and a spin of the ball that adds a small friction), with 3 ball types (ivory, resin,
    PTFE: friction and drag factors). The launch speed w0 is clocked (1.5-3.5 rev/s; bucketed into 12 bins and kept
    as a number). On the track (radius 0.38 m, angle 12 degrees) dw/dt = -a - b w^2; the ball drops when w^2 R <
    g tan(angle) (the tilt raising or lowering that speed with a phase), so the time to drop is (atan(w0 q) -
    atan(wc q)) / (a q), q = sqrt(b / a), and the revolutions from the integral of w. 2% scatter. Returns (field
    indices (n, 4), numeric features (n, 2): the launch speed and the room's humidity, log time and log revolutions
    (n, 2))."""
    wheel_a = 0.06 * torch.exp(0.35 * torch.randn(RL_WHEELS, generator=gen))
    wheel_tilt = 0.08 * torch.rand(RL_WHEELS, generator=gen)
    crp_speed = 0.5 * torch.randn(RL_CROUPIERS, generator=gen)
    crp_spin = 0.02 * torch.rand(RL_CROUPIERS, generator=gen)
    ball_a = torch.tensor([1.0, 1.15, 0.8])
    ball_b = torch.tensor([1.0, 0.9, 1.1])
    wh = torch.randint(0, RL_WHEELS, (n,), generator=gen)
    cr = torch.randint(0, RL_CROUPIERS, (n,), generator=gen)
    bt = torch.randint(0, RL_BALLS, (n,), generator=gen)
    w0 = (2.5 + 0.5 * crp_speed[cr] + 0.5 * torch.randn(n, generator=gen)).clamp(1.5, 3.5)
    hum = torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    a = (wheel_a[wh] + crp_spin[cr]) * ball_a[bt] * (1 + 0.2 * hum) * 2 * math.pi
    b = 0.012 * ball_b[bt] * 2 * math.pi
    om0 = 2 * math.pi * w0
    wc = (9.81 * math.tan(math.radians(12)) / 0.38) ** 0.5 * (1 + wheel_tilt[wh] * torch.cos(phase))
    q = (b / a).sqrt()
    t = (torch.atan(om0 * q) - torch.atan(wc * q)) / (a * q)
    revs = (torch.log((a + b * om0**2) / (a + b * wc**2)) / (2 * b)) / (2 * math.pi)
    y = torch.stack([torch.log(t), torch.log(revs)], 1) + 0.02 * torch.randn(n, 2, generator=gen)
    bins = ((w0 - 1.5) / 2 * RL_BINS).long().clamp(0, RL_BINS - 1)
    idx = torch.stack([wh, RL_WHEELS + cr, RL_WHEELS + RL_CROUPIERS + bt,
                       RL_WHEELS + RL_CROUPIERS + RL_BALLS + bins], 1)
    num = torch.stack([(w0 - 2.5) / 0.5, (hum - 0.5) / 0.29], 1)
    return idx, num, y


class SpinFM(nn.Module):
    """A factorisation machine (Rendle's form, from memory): a bias, a weight per field value and per numeric
    feature, and pairwise factor interactions over the 4 one-hot fields and the 2 numeric features, one per
    output."""

    def __init__(self, k: int = 8, outputs: int = 2) -> None:
        super().__init__()
        self.w = nn.Embedding(RL_FIELDS, outputs)
        self.v = nn.Embedding(RL_FIELDS, k * outputs)
        self.wn = nn.Linear(2, outputs)
        self.vn = nn.Parameter(0.01 * torch.randn(2, k * outputs))
        nn.init.normal_(self.v.weight, std=0.01)
        nn.init.zeros_(self.w.weight)
        self.k, self.outputs = k, outputs

    def forward(self, idx: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        emb = self.v(idx)  # (n, 4, k * o)
        vn = num.unsqueeze(2) * self.vn.unsqueeze(0)  # (n, 2, k * o)
        f = torch.cat([emb, vn], 1).view(idx.shape[0], 6, self.outputs, self.k)
        inter = 0.5 * (f.sum(1).pow(2) - f.pow(2).sum(1)).sum(2)
        return self.w(idx).sum(1) + self.wn(num) + inter


def roulette_decay(batch_size: int = 64, seed: int = 0, train_size: int = 4096, k: int = 8) -> dict[str, Any]:
    """The spin FM on ``train_size`` clocked spins, targets standardised over them; held out: 2048 other spins in
    batches of 1024; Adagrad (torch defaults)."""
    gen = torch.Generator().manual_seed(187105)
    idx, num, y = _rl_spins(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (idx[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpinFM(k), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((idx[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. gargoyle rain-spout throw (RAdam)

GG_LEN = 16


def _gg_storms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Storms over a roof drained by a gargoyle. 16 five-minute steps of rain (a burst: a peak of 10-80 mm/h at a
    random time (step 2-10), a linear rise and an exponential fall, with 20% multiplicative jitter) and wind (mean
    -4 to 6 m/s away from the wall, gusting); the roof 40-300 m^2, runoff coefficient 0.8-0.95, a linear
    reservoir with a 5-15 minute lag; the spout's open channel 8-20 cm wide at critical depth (h = (Q^2 /
    (g b^2))^(1/3), the jet's speed sqrt(g h) times 1.1), tilted -5 to 25 degrees above horizontal, 0.6-1.5 m
    long, 6-30 m above the ground.
    The throw is the projectile's landing distance from the wall (the spout's length plus the flight, with a wind
    drift 0.15 of the wind times the fall time), at small flows the jet clinging to the spout's lip (the throw
    falling to the length). 3% scatter plus 3 cm (gusts, the splash's spread). Returns (inputs (n, 16, 9): rain,
    wind and the 7 static features per step; the throw in m (n, 16, 1))."""
    peak = 10 + 70 * torch.rand(n, generator=gen)
    tpk = 2 + 8 * torch.rand(n, generator=gen)
    t = torch.arange(GG_LEN).float().view(1, -1)
    tp = tpk.view(-1, 1)
    shape = torch.where(t < tp, (t + 1) / (tp + 1), torch.exp(-(t - tp) / 4))
    rain = peak.view(-1, 1) * shape * torch.exp(0.2 * torch.randn(n, GG_LEN, generator=gen))
    wind = (-4 + 10 * torch.rand(n, 1, generator=gen)) + 1.5 * torch.randn(n, GG_LEN, generator=gen)
    area = 40 + 260 * torch.rand(n, generator=gen)
    cr = 0.8 + 0.15 * torch.rand(n, generator=gen)
    lag = 5 + 10 * torch.rand(n, generator=gen)
    width = 0.08 + 0.12 * torch.rand(n, generator=gen)
    tilt = -5 + 30 * torch.rand(n, generator=gen)
    slen = 0.6 + 0.9 * torch.rand(n, generator=gen)
    height = 6 + 24 * torch.rand(n, generator=gen)
    q = torch.zeros(n)
    k = 1 - torch.exp(-5 / lag)
    throws = []
    for s in range(GG_LEN):
        inflow = cr * rain[:, s] / 1000 / 3600 * area  # m^3/s
        q = q + k * (inflow - q)
        h = (q**2 / (9.81 * width**2)).pow(1 / 3)
        v = 1.1 * (9.81 * h).sqrt()
        th = torch.deg2rad(tilt)
        vx, vy = v * torch.cos(th), v * torch.sin(th)
        tf = (vy + (vy**2 + 2 * 9.81 * height).sqrt()) / 9.81
        cling = torch.sigmoid((v - 0.35) / 0.05)
        throws.append(slen + cling * (vx * tf + 0.15 * wind[:, s] * tf))
    y = torch.stack(throws, 1)
    y = y * (1 + 0.03 * torch.randn(y.shape, generator=gen)) + 0.03 * torch.randn(y.shape, generator=gen)
    static = torch.stack([(area - 170) / 75, (cr - 0.875) / 0.043, (lag - 10) / 2.9, (width - 0.14) / 0.035,
                          (tilt - 10) / 8.7, (slen - 1.05) / 0.26, (height - 18) / 6.9], 1)
    inp = torch.cat([(rain / 30).unsqueeze(2), (wind / 3).unsqueeze(2),
                     static.unsqueeze(1).expand(-1, GG_LEN, -1)], 2)
    return inp, y.unsqueeze(2)


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + Attn(LN(x)) (causal, multi-head), then x + MLP(LN(x)) (GELU)."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc1, self.fc2 = nn.Linear(d, 2 * d), nn.Linear(2 * d, d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(n, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.proj(a.transpose(1, 2).reshape(n, t, d))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x))))


class ThrowTransformer(nn.Module):
    """A small Pre-LN transformer (causal: the throw depends on the rain so far) with learned positions, a final
    LayerNorm and a linear head per step."""

    def __init__(self, d: int = 16, heads: int = 2, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(9, d)
        self.pos = nn.Parameter(0.02 * torch.randn(GG_LEN, d))
        self.blocks = nn.Sequential(*[PreLNBlock(d, heads) for _ in range(layers)])
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.inp(x) + self.pos)))


def gargoyle_throw(batch_size: int = 32, seed: int = 0, train_size: int = 4096, d: int = 16) -> dict[str, Any]:
    """The throw transformer on ``train_size`` storms, the throw standardised over them; held out: 1024 other storms
    in batches of 512; RAdam (torch defaults)."""
    gen = torch.Generator().manual_seed(187106)
    x, y = _gg_storms(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ThrowTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pagoda_eave_sway_nadam", pagoda_sway, 300, "pagoda_eave_tip_gust_sway_sdof_dilated_cnn1d", "nadam", "finite",
      128, dict(ch=8, train_size=4096), seconds=1.0, start_lr=0.016),
    W("ballista_bolt_range_nesterov", ballista_range, 300, "ballista_torsion_skein_bolt_drag_range_resmlp_ln",
      "sgd_nesterov0.9", "finite", 128, dict(train_size=2048), seconds=0.5, start_lr=0.025),
    W("belfry_bell_swing_momentum", belfry_swing, 300, "belfry_ringing_up_bell_swing_frame_force_mlp",
      "sgd_momentum0.9", "finite", 32, seconds=0.4, start_lr=0.1),
    W("gargoyle_spout_throw_radam", gargoyle_throw, 300, "gargoyle_roof_reservoir_spout_jet_throw_preln_transformer",
      "radam", "finite", 64, seconds=1.0, start_lr=0.128),
)
LONG = (
    W("sundeck_board_cupping_adagrad@long", sundeck_cupping, 3000,
      "sundeck_board_moisture_gradient_cupping_embedding_net", "adagrad", "finite", 64, seconds=2.9, start_lr=0.4,
      grid_fractions=(0.0, 0.05)),
    W("roulette_ball_decay_adagrad@long", roulette_decay, 3000, "roulette_wheel_ball_track_decay_drop_fm", "adagrad",
      "finite", 64, seconds=2.0, start_lr=0.05, grid_fractions=(0.0, 0.05)),
    W("belfry_bell_swing_adam@long", belfry_swing, 3000, "belfry_ringing_up_bell_swing_frame_force_mlp", "adam",
      "finite", 64, dict(train_size=8192, hidden=64, optimizer="adam"), seconds=3.1, start_lr=0.016,
      grid_fractions=(0.0, 0.05)),
    W("ballista_bolt_range_rmsprop@long", ballista_range, 3000, "ballista_torsion_skein_bolt_drag_range_resmlp_ln",
      "rmsprop", "finite", 32, dict(train_size=8192, width=16, blocks=1, optimizer="rmsprop", noise=0.02), seconds=2.0,
      start_lr=0.016, grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam187_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-seventh exam's workloads")
