"""The hundred-and-sixty-third exam: six more workload families that neither the suite nor exams 1-162 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam162_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from bicycle kickstands and lean, bicycle panniers and load sway, car jacks and
lift effort, wiper blades and streaking, camping stoves and boil time, and head torches and beam throw (exam 164 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam163/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- bicycle kickstand lean and tipping: a residual MLP with LayerNorm from a parked bike's geometry (wheelbase, centre
  of mass, the side stand's pivot height, length, splay and mount), the ground's cross and along slope, the
  handlebar's turn, a side wind and soft ground to the lean angle, the moment margin against tipping upright and
  over, and the centre of mass's distances inside the support triangle's two stand edges; the lean from the stand
  foot's contact (tan phi = (H - L cos a) / (L sin a), the foot sinking into soft ground under its load), statics
  for the margins; 15% scatter; MSE of the standardised outputs; SGD with momentum 0.9
- pannier load sway: a GRU over 24 samples (15 Hz) of a rack-mounted gyro's roll rate and a crank sensor to the log
  natural frequency and log damping ratio of the loaded rack's roll mode and the log steady sway amplitude; the
  panniers a torsional pendulum on the rack (f_n = sqrt(k / I) / 2 pi, I from the load and its height), driven at
  twice the cadence (the single-degree-of-freedom magnification) and kicked by road bumps (decaying at f_n);
  MSE of the standardised outputs; Adam
- car jack lift effort (a long plan only): an embedding net over the car (100 models), the jack (40: scissor, bottle,
  trolley) and the lift point, with the lift height, the handle length and the extra load, to the log handle force;
  the corner load from the car's weight and axle split, a scissor jack's screw force W / tan(theta) through a
  square-thread screw's efficiency, a bottle or trolley jack's pump and lever ratios; 5% scatter; MSE; Adagrad
- wiper blade streaking: a 2-D CNN classifies a 16x16 rig-camera image of a windscreen after a wipe into clean,
  streaking (arcs behind edge nicks), chatter (radial bands from stick-slip when the set edge does not flip), smear
  (a haze from the lubricating film's thickness, soft-EHL h ~ (eta U / p)^0.6) and lift-off (an unwiped patch at
  the tip when the aerodynamic lift beats the arm force); the class from the blade's age, set, contamination, the
  arm force, the wiping speed and the car's speed with scatter, the image rendered from the same state; cross-entropy;
  SGD with Nesterov momentum 0.9 and weight decay 5e-4
- camping stove boil time (a long plan only): a grey-box net: embeddings of the stove (120 models: upright canister,
  integrated heat-exchanger system, remote canister / liquid fuel, alcohol) and the pot (30) give the burner's
  power, efficiency, wind and cold sensitivity, the pot's factor, and an energy balance gives the time to boil
  (m c (T_b - T_0) / (eta P - U A (T_mean - T_air)), the boiling point falling with altitude), plus a small
  correction net; 6% scatter; MSE of log minutes; Adagrad
- head torch beam reach: a 1-D CNN over a goniometer's vertical beam profile (48 angles, log intensity) and a
  geometry channel (log sin^3(a) / h^2 of each angle's depression a on the ground, from the head height and the
  tilt) to the log ANSI throw (2 sqrt(I_peak)), the log length of ground lit to 1 lux and the log illuminance at 5 m;
  ground illuminance E = I sin^3(a) / h^2; MSE of the standardised outputs; AdamW (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the car-jack and stove
nets (no short plans, both Adagrad), the kickstand net with 32 units instead of 64, batch 32 instead of 128 and 5%
scatter instead of 15% (on its own 8192 bikes), and the head-torch net on 8192 profiles instead of 2048 (8 channels
instead of 16, batch 32 instead of 64).

Of the eight plans, two use SGD with momentum (both kickstand plans), two Adagrad (car jack, stove), one SGD with
Nesterov momentum (wiper), one Adam (pannier) and two AdamW (both head-torch plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam163_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam163/README.md).

    python benchmarks/exam163_workloads.py          # the table
    python benchmarks/exam163_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 163"


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


def _u(n: int, gen: torch.Generator, lo: float, hi: float) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(n, generator=gen)


# --------------------------------------------------------------------------------------------------------------
# 1. bicycle kickstand lean and tipping margins (a residual MLP with LayerNorm; SGD with momentum)


def _ks_bikes(n: int, gen: torch.Generator, scatter: float = 0.15) -> tuple[torch.Tensor, torch.Tensor]:
    """Parked bikes on a side stand. Mass 9-28 kg, centre of mass 0.45-0.70 m high at 0.40-0.60 of the wheelbase
    (0.98-1.20 m) from the rear contact; the stand's foot 0.30-0.50 m ahead of the rear contact, its pivot 0.25-0.32
    m high, length 0.26-0.36 m, splayed 32-46 degrees from the bike's plane; the ground's cross slope -8..8 degrees
    (+: down toward the stand) and along slope -8..8 (+: nose down); the handlebar turned -40..40 degrees (+: toward
    the stand); a side wind -20..20 N at 0.7 m (+: pushing the bike upright); the soil's stiffness (hard to lawn, log).
    Lean: the bike rotates about the wheel line until the stand foot touches, tan phi = (H + s - L cos a) /
    (L sin a), with s the foot's sinking under its share of the weight (two fixed-point passes), plus the cross slope.
    Outputs: the lean (degrees), the moment margin against tipping upright and over (m g y_eff, N m; y_eff the centre
    of mass's lateral offset from the wheel line less the wind's equivalent shift, the turned bar's fork flop adding
    to it), and the distances (cm) of the centre of mass's ground projection inside the stand foot's two edges of the
    support triangle, to the rear and to the front contact (negative: it tips onto or past the stand). Scatter
    ``scatter`` (15%) of each output's spread. Returns (features (n, 13), outputs (n, 4))."""
    mass = _u(n, gen, 9, 28)
    h = _u(n, gen, 0.45, 0.70)
    xc = _u(n, gen, 0.40, 0.60)
    wb = _u(n, gen, 0.98, 1.20)
    hp = _u(n, gen, 0.25, 0.32)
    xs = _u(n, gen, 0.30, 0.50)
    ln = _u(n, gen, 0.26, 0.36)
    splay = torch.deg2rad(_u(n, gen, 32, 46))
    cross = torch.deg2rad(_u(n, gen, -8, 8))
    along = torch.deg2rad(_u(n, gen, -8, 8))
    steer = torch.deg2rad(_u(n, gen, -40, 40))
    wind = _u(n, gen, -20, 20)
    soil = 10 ** _u(n, gen, 4.0, 6.0)  # N/m of sinking for the foot
    g = 9.81
    sink = torch.zeros(n)
    for _ in range(2):
        phi = torch.atan((hp + sink - ln * torch.cos(splay)) / (ln * torch.sin(splay)))
        lean = phi + cross
        ys = ln * torch.sin(splay) * torch.cos(phi) + (hp - ln * torch.cos(splay)) * torch.sin(phi)
        share = (h * torch.sin(lean) / ys.clamp_min(0.05)).clamp(0, 1) * (1 - xs / wb) * 0.9
        sink = (share * mass * g / soil).clamp(0, 0.04)
    flop = 0.025 * torch.sin(steer) * torch.cos(lean)
    y_eff = h * torch.sin(lean) + flop - wind * 0.7 / (mass * g)
    upright = mass * g * y_eff
    xp = xc * wb + h * torch.sin(along)
    yf = -0.06 * torch.sin(steer)  # the front contact moves off the plane with the turned wheel
    # distances of (xp, y_eff) to the edges rear -> stand foot and stand foot -> front, positive on the triangle's
    # inside (the side of its centroid)
    zero = torch.zeros(n)
    cx, cy = (xs + wb) / 3, (ys + yf) / 3

    def edge(x0: torch.Tensor, y0: torch.Tensor, x1: torch.Tensor, y1: torch.Tensor) -> torch.Tensor:
        dx, dy = x1 - x0, y1 - y0
        norm = (dx**2 + dy**2).sqrt()
        side = torch.sign((cx - x0) * dy - (cy - y0) * dx)
        return side * ((xp - x0) * dy - (y_eff - y0) * dx) / norm

    y = torch.stack([torch.rad2deg(lean), upright, edge(zero, zero, xs, ys) * 100, edge(xs, ys, wb, yf) * 100], 1)
    y = y + scatter * y.std(0) * torch.randn(n, 4, generator=gen)
    x = torch.stack([(mass - 18.5) / 5.5, (h - 0.575) / 0.072, (xc - 0.5) / 0.058, (wb - 1.09) / 0.064,
                     (hp - 0.285) / 0.02, (xs - 0.40) / 0.058, (ln - 0.31) / 0.029, (splay - 0.68) / 0.07,
                     cross / 0.08, along / 0.08, steer / 0.4, wind / 11.5, (torch.log10(soil) - 5) / 0.58], 1)
    return x, y


class ResBlockLN(nn.Module):
    """Pre-norm residual block: x + W2 gelu(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, width), nn.Linear(width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class KickstandNet(nn.Module):
    """A residual MLP with LayerNorm from the parked bike to its lean and three tipping margins."""

    def __init__(self, hidden: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(13, hidden)
        self.blocks = nn.Sequential(*[ResBlockLN(hidden) for _ in range(blocks)])
        self.out = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.blocks(self.inp(x)))


def kickstand_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised lean, upright margin and the two stand-edge margins."""
    return _mse(model, batch)


def kickstand_lean(batch_size: int = 128, seed: int = 0, train_size: int = 8192, hidden: int = 64,
                   scatter: float = 0.15) -> dict[str, Any]:
    """The kickstand net on 8192 parked bikes, targets standardised over them; held out: 2048 other bikes in batches
    of 1024; SGD with momentum 0.9 (no weight decay, no Nesterov)."""
    gen = torch.Generator().manual_seed(163101)
    x, y = _ks_bikes(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KickstandNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": kickstand_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. pannier load sway from a rack gyro (a GRU; Adam)

PN_STEPS = 24
PN_RATE = 15.0  # Hz


def _pn_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """1.6 s windows (24 samples at 15 Hz) of a gyro on a loaded rear rack and a crank-angle sensor. The panniers
    (4-25 kg, their centre of mass 0.20-0.45 m above the rack's roll axis and 0.17 m out) sway in roll as a
    torsional pendulum on the rack and its mounts (stiffness 100-500 N m/rad, log-uniform; damping ratio 0.03-0.20,
    log-uniform): I = m (z^2 + 0.17^2) + 0.05, f_n = sqrt(k / I) / 2 pi. The rider's pedalling rocks the bike at
    twice the cadence (55-100 rpm) with a moment m a r (a = 0.3-0.8 m/s^2); the steady sway is the static deflection
    times the single-degree-of-freedom magnification 1 / sqrt((1 - rho^2)^2 + (2 zeta rho)^2), lagging by
    atan2(2 zeta rho, 1 - rho^2). Road bumps (0-3 in the window) kick the load's roll rate, each decaying at
    f_n. The gyro reads the roll rate with 3% noise and a bias. Channels: the roll rate over the window's RMS, the
    log RMS (constant), the crank's sine. Returns (windows (n, 24, 3), targets (n, 3): log f_n, log zeta and log
    steady amplitude in degrees)."""
    mass = _u(n, gen, 4, 25)
    z = _u(n, gen, 0.20, 0.45)
    k = 10 ** _u(n, gen, math.log10(100), math.log10(500))
    zeta = 10 ** _u(n, gen, math.log10(0.03), math.log10(0.20))
    cad = _u(n, gen, 55, 100)
    acc = _u(n, gen, 0.3, 0.8)
    inertia = mass * (z**2 + 0.17**2) + 0.05
    wn = (k / inertia).sqrt()
    wd = wn * (1 - zeta**2).sqrt()
    we = 2 * 2 * math.pi * cad / 60
    rho = we / wn
    static = mass * acc * (z**2 + 0.17**2).sqrt() / k
    amp = static / ((1 - rho**2) ** 2 + (2 * zeta * rho) ** 2).sqrt()
    lag = torch.atan2(2 * zeta * rho, 1 - rho**2)
    t = torch.arange(PN_STEPS).float().view(1, -1) / PN_RATE
    crank0 = 2 * math.pi * torch.rand(n, 1, generator=gen)
    crank = crank0 + 2 * math.pi * (cad / 60).view(-1, 1) * t
    rate = -amp.view(-1, 1) * we.view(-1, 1) * torch.sin(2 * crank - lag.view(-1, 1))
    for _ in range(3):
        on = (torch.rand(n, 1, generator=gen) < 0.6).float()
        tb = 1.2 * torch.rand(n, 1, generator=gen)
        kick = on * 0.05 * (0.5 + torch.rand(n, 1, generator=gen)) * torch.sign(torch.randn(n, 1, generator=gen))
        tau = (t - tb).clamp_min(0)
        a, b, c = wn.view(-1, 1), wd.view(-1, 1), zeta.view(-1, 1)
        rate = rate + (t >= tb).float() * kick * torch.exp(-c * a * tau) * (torch.cos(b * tau) - c * a / b *
                                                                             torch.sin(b * tau))
    rms0 = rate.pow(2).mean(1, keepdim=True).sqrt()
    rate = rate + 0.03 * rms0 * torch.randn(n, PN_STEPS, generator=gen) + 0.01 * rms0 * torch.randn(n, 1, generator=gen)
    rms = rate.pow(2).mean(1, keepdim=True).sqrt()
    x = torch.stack([rate / rms, (torch.log10(rms) + 0.5).expand(-1, PN_STEPS), torch.sin(crank)], 2)
    y = torch.stack([torch.log(wn / (2 * math.pi)), torch.log(zeta), torch.log(torch.rad2deg(amp))], 1)
    return x, y


class SwayGRU(nn.Module):
    """A GRU over the gyro window; its last state to the three targets."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.gru = nn.GRU(3, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.gru(x)
        return self.head(out[:, -1])


def sway_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log natural frequency, log damping ratio and log amplitude."""
    return _mse(model, batch)


def pannier_sway(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The sway GRU on 4096 windows, targets standardised over them; held out: 2048 other windows in batches of
    1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(163102)
    x, y = _pn_rides(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwayGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": sway_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. car jack lift effort (an embedding net; Adagrad; long only)

CJ_CARS, CJ_JACKS, CJ_POINTS = 100, 40, 4


def _cj_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Handle-force tests of car jacks. 100 cars (kerb mass 900-2600 kg, front axle share 0.52-0.63), 40 jacks (24
    scissor: arm 0.20-0.24 m, screw pitch 2-3 mm, square-thread efficiency 0.20-0.35, crank 0.15 m; 8 bottle: pump
    ratio 30-80, lever 8-12, efficiency 0.75-0.9; 8 trolley: pump ratio 20-40, lever 10-15, efficiency 0.7-0.85),
    four lift points (front / rear, left / right: the driver's side 3% heavier). A test: the car, the jack, the point,
    the lift height (0-1 of the jack's stroke), the handle length against the jack's own (0.7-1.5) and extra load
    (0-300 kg). Corner load W = g (m + extra) share / 2 (1 + 0.15 h). Scissor: sin theta = h / 2 L (h from 0.10 to
    0.40 m), screw force W / tan theta, handle force W / tan(theta) p / (2 pi eta r) + 2 N; bottle: W / (ratio lever
    eta) + 15 N of seals; trolley: the lift arm's ratio 0.8 + 0.4 h^2 on top. 5% scatter (lognormal). Returns (ids
    (n, 3), continuous (n, 3), log handle force (n,))."""
    car_m = _u(CJ_CARS, gen, 900, 2600)
    front = _u(CJ_CARS, gen, 0.52, 0.63)
    perm = torch.randperm(CJ_JACKS, generator=gen)
    kind = torch.zeros(CJ_JACKS, dtype=torch.long)
    kind[perm[24:32]], kind[perm[32:]] = 1, 2
    arm = _u(CJ_JACKS, gen, 0.20, 0.24)
    pitch = _u(CJ_JACKS, gen, 0.002, 0.003)
    eff_s = _u(CJ_JACKS, gen, 0.20, 0.35)
    ratio = torch.where(kind == 1, _u(CJ_JACKS, gen, 30, 80), _u(CJ_JACKS, gen, 20, 40))
    lever = torch.where(kind == 1, _u(CJ_JACKS, gen, 8, 12), _u(CJ_JACKS, gen, 10, 15))
    eff_h = torch.where(kind == 1, _u(CJ_JACKS, gen, 0.75, 0.9), _u(CJ_JACKS, gen, 0.7, 0.85))
    car = torch.randint(0, CJ_CARS, (n,), generator=gen)
    jack = torch.randint(0, CJ_JACKS, (n,), generator=gen)
    point = torch.randint(0, CJ_POINTS, (n,), generator=gen)
    hf = torch.rand(n, generator=gen)
    handle = _u(n, gen, 0.7, 1.5)
    extra = _u(n, gen, 0, 300)
    share = torch.where(point < 2, front[car], 1 - front[car]) * (1 + 0.03 * (point % 2 == 0).float())
    w = 9.81 * (car_m[car] + extra) * share / 2 * (1 + 0.15 * hf)
    j = jack
    sin_t = ((0.10 + 0.30 * hf) / (2 * arm[j])).clamp(max=0.95)
    tan_t = sin_t / (1 - sin_t**2).sqrt()
    scissor = w / tan_t * pitch[j] / (2 * math.pi * eff_s[j] * 0.15 * handle) + 2
    bottle = w / (ratio[j] * lever[j] * eff_h[j] * handle) + 15
    trolley = w * (0.8 + 0.4 * hf**2) / (ratio[j] * lever[j] * eff_h[j] * handle) + 10
    force = torch.where(kind[j] == 0, scissor, torch.where(kind[j] == 1, bottle, trolley))
    y = torch.log(force) + 0.05 * torch.randn(n, generator=gen)
    ids = torch.stack([car, jack, point], 1)
    cont = torch.stack([(hf - 0.5) / 0.29, (handle - 1.1) / 0.23, (extra - 150) / 87], 1)
    return ids, cont, y


class JackEffortNet(nn.Module):
    """Embeddings of the car, the jack and the lift point with the three continuous inputs, through a ReLU MLP, to
    the log handle force."""

    def __init__(self, dim: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.car, self.jack = nn.Embedding(CJ_CARS, dim), nn.Embedding(CJ_JACKS, dim)
        self.point = nn.Embedding(CJ_POINTS, 2)
        self.mlp = nn.Sequential(nn.Linear(2 * dim + 2 + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, ids: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.car(ids[:, 0]), self.jack(ids[:, 1]), self.point(ids[:, 2]), cont], 1)
        return self.mlp(h).squeeze(1)


def effort_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log handle force."""
    return _mse(model, batch)


def car_jack_effort(batch_size: int = 128, seed: int = 0, train_size: int = 8192, dim: int = 8) -> dict[str, Any]:
    """The jack-effort net on 8192 tests, the target standardised over them; held out: 2048 other tests in batches
    of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(163103)
    ids, cont, y = _cj_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (ids[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": JackEffortNet(dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": effort_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. wiper blade streaking from a rig camera's image (a 2-D CNN; SGD with Nesterov momentum)

WB_SIZE, WB_CLASSES = 16, 5  # clean, streaking, chatter, smear, lift-off


def _wb_wipes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wipes on a windscreen rig, each seen by a camera as a 16x16 grey image (the sweep around a pivot below the
    frame, 0.35-1.15 of the frame from it, +-65 degrees). The state: blade age 0-36 months (edge nicks: up to three,
    deeper with age), the rubber's set (with age and sun), contamination (wax, oil) 0-1, arm force 6-14 N, wiping
    speed (low or high), the car's speed 0-160 km/h. Scores (each with scatter): lift-off (V / 100)^2 9 / F - 1 (the
    aerodynamic lift against the arm force); chatter (stick-slip when the set edge cannot flip: worse at low wiping
    speed); streaking (the deepest nick); smear (the lubricating film, soft-EHL h ~ (eta U / p)^0.6, times the
    contamination). The class: lift-off, else chatter, else streaking, else smear, else clean, whichever first
    passes zero. The image: droplets outside the wiped area; in it an arc at each nick's radius, radial bands at the
    stick-slip's angular period, a haze, an unwiped outer band on the windward side, each as strong as its score
    (faint below its threshold); lighting gradient and 0.05 noise. Returns (images (n, 1, 16, 16), classes)."""
    s = WB_SIZE
    xs = torch.linspace(-1, 1, s).view(1, 1, -1)
    ys = torch.linspace(1.25, 0.05, s).view(1, -1, 1)
    r = (xs**2 + (ys + 0.1) ** 2).sqrt()
    th = torch.atan2(xs, ys + 0.1)
    age = 36 * torch.rand(n, generator=gen)
    sun = torch.rand(n, generator=gen)
    cont = torch.rand(n, generator=gen)
    force = _u(n, gen, 6, 14)
    high = (torch.rand(n, generator=gen) < 0.5).float()
    v = 160 * torch.rand(n, generator=gen)
    nick_depth = torch.rand(n, 3, generator=gen) * (age / 36).view(-1, 1) * 1.6
    nick_r = _u(3 * n, gen, 0.45, 1.1).view(n, 3)
    setv = (age / 36 * 0.7 + 0.4 * sun) * (0.7 + 0.6 * torch.rand(n, generator=gen))
    speed_u = 1 + 0.45 * high
    noise = 0.12 * torch.randn(n, 4, generator=gen)
    lift = (v / 100) ** 2 * 9 / force - 1 + noise[:, 0]
    chatter = setv * (1.25 - 0.35 * high) - 0.75 + noise[:, 1]
    streak = nick_depth.max(1).values - 0.8 + noise[:, 2]
    smear = (speed_u / (force / 10)) ** 0.6 * (0.3 + cont) - 1.0 + noise[:, 3]
    y = torch.zeros(n, dtype=torch.long)
    y[smear > 0] = 3
    y[streak > 0] = 1
    y[chatter > 0] = 2
    y[lift > 0] = 4
    wiped = ((r > 0.35) & (r < 1.15) & (th.abs() < math.radians(65))).float()
    rain = 0.35 + 0.25 * (torch.rand(n, 1, s, s, generator=gen) < 0.3).float()
    img = torch.zeros(n, 1, s, s)
    for k in range(3):
        a = 0.6 * torch.sigmoid(5 * (nick_depth[:, k] - 0.8)).view(-1, 1, 1, 1)
        img = img + a * torch.exp(-((r - nick_r[:, k].view(-1, 1, 1, 1)) ** 2) / (2 * 0.05**2))
    bands = (10 + 4 * high).view(-1, 1, 1, 1)
    phase = 2 * math.pi * torch.rand(n, 1, 1, 1, generator=gen)
    img = img + 0.5 * torch.sigmoid(5 * chatter).view(-1, 1, 1, 1) * 0.5 * (1 + torch.cos(bands * th + phase))
    img = img + 0.35 * torch.sigmoid(5 * smear).view(-1, 1, 1, 1) * (0.7 + 0.3 * torch.cos(2 * th + phase))
    r_lift = 1.15 - 0.55 * torch.sigmoid(4 * lift).view(-1, 1, 1, 1)
    unwiped = ((r > r_lift) & (th > math.radians(-20))).float()
    img = img * (1 - unwiped) + rain * unwiped
    img = wiped * img + (1 - wiped) * rain
    img = img + 0.1 + 0.1 * ys + 0.05 * torch.randn(n, 1, s, s, generator=gen)
    return (img - 0.35) / 0.25, y


class StreakCNN(nn.Module):
    """conv 3x3 1->8, ReLU, max-pool, conv 3x3 8->16, ReLU, max-pool, linear to the five classes."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Linear(2 * width * (WB_SIZE // 4) ** 2, WB_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).flatten(1))


def streak_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the wipe's class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def wiper_streak(batch_size: int = 64, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The streak classifier on 2048 wipes; held out: 2048 other wipes in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4 (the small-CNN recipe)."""
    gen = torch.Generator().manual_seed(163104)
    x, y = _wb_wipes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StreakCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": streak_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. camping stove boil time (a grey-box net over embeddings; Adagrad; long only)

CS_STOVES, CS_POTS = 120, 30


def _cs_boils(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Boil-time reports: 120 stoves (45% upright canister: 2.0-3.5 kW, efficiency 0.35-0.50, wind sensitivity
    0.08-0.20 per (m/s)^2; 25% integrated heat-exchanger systems: 1.2-2.2 kW, 0.60-0.80, 0.01-0.04; 15% remote
    canister or liquid fuel: 2.2-3.2 kW, 0.40-0.55, 0.04-0.10; 15% alcohol: 0.6-1.0 kW, 0.30-0.45, 0.10-0.25;
    canisters losing 2-5% of power per C below 5 C, liquid fuel none), 30 pots (a factor 0.85-1.10 on the
    efficiency, a wall area 0.03-0.06 m2). A report: the stove, the pot, 0.5-1.5 L of water from 2-25 C, air at -10 to
    30 C, altitude 0-4500 m (boiling at 100 - alt / 300 C), wind 0-6 m/s, a windscreen (cutting the wind's effect
    by 70%) and a lid (without it, 30% more loss). t = m c (T_b - T_0) / (eta P - U A (T_mean - T_air)), eta =
    eta_0 f_pot / (1 + k_w v^2), U = 10 + 4 v W/m2K. 6% scatter (lognormal). Returns (ids (n, 2), conditions (n, 7),
    log minutes (n,))."""
    kind = torch.multinomial(torch.tensor([0.45, 0.25, 0.15, 0.15]), CS_STOVES, replacement=True, generator=gen)

    def per_kind(ranges: list[tuple[float, float]]) -> torch.Tensor:
        lo = torch.tensor([a for a, _ in ranges])[kind]
        hi = torch.tensor([b for _, b in ranges])[kind]
        return lo + (hi - lo) * torch.rand(CS_STOVES, generator=gen)

    power = per_kind([(2.0, 3.5), (1.2, 2.2), (2.2, 3.2), (0.6, 1.0)]) * 1000
    eta0 = per_kind([(0.35, 0.50), (0.60, 0.80), (0.40, 0.55), (0.30, 0.45)])
    kw = per_kind([(0.08, 0.20), (0.01, 0.04), (0.04, 0.10), (0.10, 0.25)])
    cold = per_kind([(0.02, 0.05), (0.02, 0.05), (0.0, 0.05), (0.0, 0.01)])
    fpot = _u(CS_POTS, gen, 0.85, 1.10)
    area = _u(CS_POTS, gen, 0.03, 0.06)
    stove = torch.randint(0, CS_STOVES, (n,), generator=gen)
    pot = torch.randint(0, CS_POTS, (n,), generator=gen)
    water = _u(n, gen, 0.5, 1.5)
    t0 = _u(n, gen, 2, 25)
    tair = _u(n, gen, -10, 30)
    alt = _u(n, gen, 0, 4500)
    wind = _u(n, gen, 0, 6)
    screen = (torch.rand(n, generator=gen) < 0.5).float()
    lid = (torch.rand(n, generator=gen) < 0.8).float()
    cond = torch.stack([water, t0, tair, alt, wind, screen, lid], 1)
    y = _cs_time(cond, power[stove], eta0[stove], kw[stove], cold[stove], fpot[pot], area[pot])
    y = y + 0.06 * torch.randn(n, generator=gen)
    return torch.stack([stove, pot], 1), cond, y


def _cs_time(cond: torch.Tensor, power: torch.Tensor, eta0: torch.Tensor, kw: torch.Tensor, cold: torch.Tensor,
             fpot: torch.Tensor, area: torch.Tensor) -> torch.Tensor:
    """The energy balance: log minutes to boil (the generator's law and the grey-box model's structure)."""
    water, t0, tair, alt, wind, screen, lid = cond.unbind(1)
    tb = 100 - alt / 300
    p = power * (1 - cold * F.relu(5 - tair)).clamp_min(0.2)
    eta = eta0 * fpot / (1 + kw * (1 - 0.7 * screen) * wind**2)
    loss = area * (10 + 4 * wind) * (1 + 0.3 * (1 - lid)) * ((tb + t0) / 2 - tair)
    net = F.softplus(eta * p - loss - 40, beta=0.05) + 40
    return torch.log(water * 4186 * (tb - t0) / net / 60)


class BoilGreyBox(nn.Module):
    """The stove's power, efficiency, wind and cold sensitivity (4 numbers) and the pot's factor and area (2) from
    embeddings (started at zero: a 2 kW, 45%-efficient stove, wind 0.08, cold 0.02, a neutral pot of 0.045 m2),
    through the energy balance, plus a small correction net on the standardised conditions."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.stove, self.pot = nn.Embedding(CS_STOVES, 4), nn.Embedding(CS_POTS, 2)
        nn.init.normal_(self.stove.weight, std=0.05)
        nn.init.normal_(self.pot.weight, std=0.05)
        self.corr = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, 1))
        self.register_buffer("mu", torch.tensor([1.0, 13.5, 10.0, 2250.0, 3.0, 0.5, 0.8]))
        self.register_buffer("sd", torch.tensor([0.29, 6.6, 11.5, 1300.0, 1.73, 0.5, 0.4]))

    def forward(self, ids: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        s, p = self.stove(ids[:, 0]), self.pot(ids[:, 1])
        t = _cs_time(cond, 2000 * torch.exp(s[:, 0]), torch.sigmoid(-0.2 + s[:, 1]), 0.08 * torch.exp(s[:, 2]),
                     0.02 * torch.exp(s[:, 3]), torch.exp(p[:, 0]), 0.045 * torch.exp(p[:, 1]))
        return t + self.corr((cond - self.mu) / self.sd).squeeze(1)


def boil_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log minutes to boil."""
    return _mse(model, batch)


def stove_boil(batch_size: int = 64, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The boil-time grey box on 8192 reports; held out: 2048 other reports in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(163105)
    ids, cond, y = _cs_boils(train_size + 2048, gen)
    tr = (ids[:train_size], cond[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BoilGreyBox(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], cond[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": boil_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. head torch beam reach from a goniometer profile (a 1-D CNN; AdamW)

HT_ANGLES = 48


def _ht_beams(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Head torches on a goniometer: the vertical beam profile at 48 angles from -30 to +30 degrees. Peak intensity
    200-20,000 cd (log-uniform), a hotspot of 3-12 degrees (sd) and a spill of 15-35 degrees carrying 2-20% of the
    peak; 30% have a cut-off optic (the upper half above 2-6 degrees dimmed to 10-40%). Worn at 1.5-1.9 m, tilted
    down 5-35 degrees. A ray at beam angle theta meets the ground at depression a = tilt - theta, distance h / tan a,
    with illuminance E = I sin^3(a) / h^2. Targets: log10 ANSI throw 2 sqrt(I_peak) (m), log10 of 1 m plus the
    length of ground lit to 1 lux (within 200 m, a soft edge of 0.1 decades, on a 0.05-degree grid) and log10 of the
    illuminance at 5 m. The profile
    read with 3% noise over a 0.5 cd floor; the geometry channel log10(sin^3(a) / h^2) of each angle (-6 above the
    horizon). The targets' scatter (the light meter's) 0.025 in log10. Returns (profiles (n, 2, 48), targets (n, 3))."""
    peak = 10 ** _u(n, gen, math.log10(200), math.log10(20000))
    spot = _u(n, gen, 3, 12).view(-1, 1)
    spill_w = _u(n, gen, 15, 35).view(-1, 1)
    spill = _u(n, gen, 0.02, 0.20).view(-1, 1)
    cut = (torch.rand(n, generator=gen) < 0.3).float().view(-1, 1)
    cut_at = _u(n, gen, 2, 6).view(-1, 1)
    cut_to = _u(n, gen, 0.1, 0.4).view(-1, 1)
    h = _u(n, gen, 1.5, 1.9).view(-1, 1)
    tilt = _u(n, gen, 5, 35).view(-1, 1)

    def intensity(theta: torch.Tensor) -> torch.Tensor:
        shape = (1 - spill) * torch.exp(-theta**2 / (2 * spot**2)) + spill * torch.exp(-theta**2 / (2 * spill_w**2))
        dim = 1 - cut * (1 - cut_to) * torch.sigmoid((theta - cut_at) / 0.7)
        return peak.view(-1, 1) * shape * dim

    fine = torch.linspace(-30, 30, 1201).view(1, -1)
    a = torch.deg2rad(tilt - fine)
    e = intensity(fine) * torch.sin(a).clamp_min(0) ** 3 / h**2
    dist = (h / torch.tan(a.clamp_min(1e-4))).clamp(max=200)  # rising with the beam angle
    lit = torch.sigmoid(torch.log10(e.clamp_min(1e-6)) / 0.1)  # lit to about 1 lux (a soft edge of 0.1 decades)
    reach = 1 + (0.5 * (lit[:, 1:] + lit[:, :-1]) * dist.diff(dim=1)).sum(1)
    a2 = torch.atan(h / 5)
    e2 = intensity(tilt - torch.rad2deg(a2)) * torch.sin(a2) ** 3 / h**2
    ang = torch.linspace(-30, 30, HT_ANGLES).view(1, -1)
    prof = intensity(ang) * torch.exp(0.03 * torch.randn(n, HT_ANGLES, generator=gen)) + 0.5
    ag = torch.deg2rad(tilt - ang)
    geo = torch.where(ag > 0.01, torch.log10(torch.sin(ag.clamp_min(0.01)) ** 3 / h**2), torch.full_like(ag, -6.0))
    x = torch.stack([(torch.log10(prof) - 2) / 1.0, (geo + 3) / 1.5], 1)
    y = torch.stack([torch.log10(2 * peak.sqrt()), torch.log10(reach), torch.log10(e2.squeeze(1))], 1)
    return x, y + 0.025 * torch.randn(n, 3, generator=gen)


class BeamCNN(nn.Module):
    """Two 1-D convolutions (k5) with GELU over the angles (the second with stride 2), flattened (the angles are
    fixed), then a small head."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, channels, 5, padding=2), nn.GELU(),
                                  nn.Conv1d(channels, channels, 5, padding=2, stride=2), nn.GELU())
        self.head = nn.Sequential(nn.Linear(channels * HT_ANGLES // 2, 32), nn.GELU(), nn.Linear(32, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def beam_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log throw, log reach and log illuminance at 5 m."""
    return _mse(model, batch)


def head_torch_beam(batch_size: int = 64, seed: int = 0, train_size: int = 2048, channels: int = 16) -> dict[str, Any]:
    """The beam CNN on 2048 profiles, targets standardised over them; held out: 2048 other profiles in batches of
    1024; AdamW (torch's defaults: weight decay 0.01)."""
    gen = torch.Generator().manual_seed(163106)
    x, y = _ht_beams(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BeamCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": beam_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("kickstand_lean_momentum", kickstand_lean, 300, "bicycle_kickstand_lean_tip_margin_resmlp_ln",
      "sgd_momentum0.9", "finite", 128, seconds=0.35, start_lr=0.1),
    W("pannier_sway_adam", pannier_sway, 300, "pannier_rack_roll_sway_gyro_gru", "adam", "finite", 64,
      seconds=1.8, start_lr=0.064),
    W("wiper_streak_nesterov", wiper_streak, 300, "wiper_blade_wipe_pattern_streak_cnn2d", "sgd_nesterov0.9_wd5e-4",
      "finite", 64, seconds=0.9, start_lr=0.05),
    W("head_torch_beam_adamw", head_torch_beam, 300, "head_torch_ground_reach_beam_profile_cnn1d", "adamw", "finite",
      64, seconds=0.6, start_lr=0.032),
)
LONG = (
    W("car_jack_effort_adagrad@long", car_jack_effort, 3000, "car_jack_handle_effort_embedding_net", "adagrad",
      "finite", 128, seconds=2.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("stove_boil_adagrad@long", stove_boil, 3000, "camping_stove_boil_time_energy_balance_greybox", "adagrad",
      "finite", 64, seconds=3.3, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("kickstand_lean_momentum@long", kickstand_lean, 3000, "bicycle_kickstand_lean_tip_margin_resmlp_ln",
      "sgd_momentum0.9", "finite", 32, dict(hidden=32, scatter=0.05), seconds=3.0, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="kickstand_lean_momentum"),
    W("head_torch_beam_adamw@long", head_torch_beam, 3000, "head_torch_ground_reach_beam_profile_cnn1d", "adamw",
      "finite", 32, dict(train_size=8192, channels=8), seconds=5.5, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="head_torch_beam_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam163_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-third exam's workloads")
