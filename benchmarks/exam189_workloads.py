"""The hundred-and-eighty-ninth exam: six more workload families that neither the suite nor exams 1-186 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam186_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from bumper cars and collision rebound, dinghies and sail heel, pontoons and
buoyancy draft, parasails and tow height, funiculars and cable counterweight, and monorails and beam deflection
(exams 187, 188 and 190 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam189/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is
as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- bumper-car collision rebound: a 1-D CNN (conv-BatchNorm-ReLU) from the two cars' accelerometer traces of a bump
  (64 samples at 200 Hz, 2 channels) to the coefficient of restitution and the log closing speed; the contact is a
  Hunt-Crossley bumper (F = k x^1.5 (1 + 1.5 alpha x')) between the two cars' masses, with floor friction and sensor
  noise; MSE of the standardised targets; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (a CNN's usual
  recipe)
- dinghy heel in gusts: a GRU from a 20-step record (0.5 s a step) of the true wind speed, the apparent wind angle,
  the mainsheet ease, the crew's hiking and the crew's mass to the heel angle at every step; a one-degree-of-freedom
  roll model (inertia, roll damping, the hull's righting arm GM sin(phi) falling off at large heel, the crew's
  righting moment, the sail's heeling moment 0.5 rho V^2 A C_H h cos^2(phi)); MSE; NAdam (torch's defaults)
- pontoon dock draft (a long plan only): an embedding net from a modular floating dock's 8 slots (the float module
  in each: 6 kinds: two HDPE cubes, a drum pair, a foam-filled, a concrete or a waterlogged float; the load on it: 8
  kinds with masses drawn within each kind), the deck's stiffness and the water (fresh or salt) to the draft at each
  slot; Archimedes' waterplane stiffness rho g A per slot coupled by the deck as a discrete beam on an elastic
  foundation (a tridiagonal solve), buoyancy lost once a float's freeboard is gone; MSE; Adagrad (torch's defaults;
  sparse categorical features)
- parasail tow height: a grey-box model: a small tanh MLP gives the canopy's lift and drag coefficients from the air
  speed, the flyers' load per canopy area and the canopy's area, and the equilibrium of lift, drag, weight and line
  tension gives the elevation angle, a catenary sag of the tow line its height and tension; from the boat speed, the
  head wind, the line length, the flyers' mass, the canopy area and the line's weight to the height (tens of metres)
  and the tension (kN) logged by the winch; MSE; SGD with (heavy-ball) momentum 0.9
- water-counterbalanced funicular ballast (a long plan only): a DeepFM (a factorisation machine and a ReLU tower
  over its factors) over the trip's categorical fields (hour, weekday, month, weather, brakeman, which car is on
  top) to the water ballast the top car takes on (m^3): the passenger imbalance expected from the hour, day and
  weather (the queues as judged, sd 1 rider), the rope's weight shifting sides, the rail friction (wet or icy
  rails), the brakeman's margin; MSE; Adagrad (torch's defaults)
- monorail guideway deflection: a Deep Sets network over a straddle monorail train's axles (each axle's position on
  the span and load, with the span's length, bending stiffness and the train's speed, through a shared MLP, summed,
  a LayerNorm and an MLP) to the beam's deflection at 9 points of a simply supported span; Euler-Bernoulli
  point-load deflection superposed over the axles on the span, times a dynamic amplification rising with speed over
  the span's first frequency; MSE; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the pontoon and
funicular nets (no short plans, both Adagrad), the parasail grey-box on 8192 flights instead of 1024 (SGD with
momentum, batch 32 instead of 64) and the monorail Deep Sets net on 8192 train positions instead of 1024 (RAdam,
batch 32 instead of 64, 3% scatter instead of 1%).

Of the eight plans, the short ones use SGD with Nesterov momentum (bumper car), NAdam (dinghy), SGD with heavy-ball
momentum (parasail) and RAdam (monorail); the long ones Adagrad (pontoon, funicular), SGD with heavy-ball momentum
(parasail) and RAdam (monorail).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam189_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam189/README.md).

    python benchmarks/exam189_workloads.py          # the table
    python benchmarks/exam189_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 189"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once), dropping the last partial batch."""
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
# 1. bumper-car collision rebound from accelerometer traces (SGD with Nesterov momentum)

BC_SAMPLES = 64


def _bc_bumps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Head-on bumps of two bumper cars, each with an accelerometer (200 Hz, 64 samples, 0.32 s). Masses (car and
    rider) 150-300 kg each; closing speed 0.4-2.5 m/s; the rubber bumper ring as a Hunt-Crossley contact
    F = k x^1.5 (1 + 1.5 alpha x') (k 2e5-1e6 N/m^1.5, alpha 0.05-0.45 s/m: the restitution falls with speed),
    contact 0.02-0.03 s into the record (a triggered logger with a 20 ms pre-trigger and its jitter); rolling
    friction 0.02-0.06 g on each car; sensor noise 0.03 g and a bias. Integrated with 4 substeps a sample.
    Returns (traces (n, 2, 64) in g, targets (n, 2): restitution and log closing speed)."""
    ma = 150 + 150 * torch.rand(n, generator=gen)
    mb = 150 + 150 * torch.rand(n, generator=gen)
    v0 = 0.4 + 2.1 * torch.rand(n, generator=gen)
    k = 2e5 * 5 ** torch.rand(n, generator=gen)
    alpha = 0.05 + 0.4 * torch.rand(n, generator=gen)
    t0 = 0.02 + 0.01 * torch.rand(n, generator=gen)  # the logger triggers on contact, 20 ms pre-trigger
    fr_a = 0.02 + 0.04 * torch.rand(n, generator=gen)
    fr_b = 0.02 + 0.04 * torch.rand(n, generator=gen)
    mu = ma * mb / (ma + mb)
    sub, dt = 4, 0.005 / 4
    x = torch.zeros(n)
    v = v0.clone()  # closing speed (compression rate)
    acc_a = torch.zeros(n, BC_SAMPLES)
    acc_b = torch.zeros(n, BC_SAMPLES)
    t = 0.0
    for s in range(BC_SAMPLES):
        fa = torch.zeros(n)
        for _ in range(sub):
            started = (t >= t0)
            pen = x.clamp_min(0)
            force = (k * pen**1.5 * (1 + 1.5 * alpha * v)).clamp_min(0) * (pen > 0)
            v = torch.where(started, v - dt * force / mu, v)
            x = torch.where(started, x + dt * v, x)
            fa = fa + force / sub
            t += dt
        acc_a[:, s] = -fa / ma / 9.81 - fr_a
        acc_b[:, s] = fa / mb / 9.81 - fr_b
    rest = (-v / v0).clamp(0, 1)
    traces = torch.stack([acc_a, acc_b], 1)
    traces = traces + 0.03 * torch.randn(traces.shape, generator=gen) + 0.02 * torch.randn(n, 2, 1, generator=gen)
    return traces, torch.stack([rest, torch.log(v0)], 1)


class BumpNet(nn.Module):
    """A 1-D CNN: three convolutions (the last two strided), each with BatchNorm and ReLU, over the two traces, a
    linear head."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, ch, 5, padding=2), nn.BatchNorm1d(ch), nn.ReLU(),
                                  nn.Conv1d(ch, ch, 5, stride=2, padding=2), nn.BatchNorm1d(ch), nn.ReLU(),
                                  nn.Conv1d(ch, 2 * ch, 5, stride=2, padding=2), nn.BatchNorm1d(2 * ch), nn.ReLU())
        self.head = nn.Linear(2 * ch * BC_SAMPLES // 4, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def bumper_car_rebound(batch_size: int = 64, seed: int = 0, train_size: int = 2048, ch: int = 16) -> dict[str, Any]:
    """The rebound CNN on 2048 recorded bumps, targets standardised over them; held out: 2048 other bumps in batches
    of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(189101)
    x, y = _bc_bumps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BumpNet(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. dinghy heel in gusts (NAdam)

DH_STEPS = 20


def _dh_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """20-step logs (0.5 s a step) of a dinghy sailed upwind to reaching: true wind 3-9 m/s with gusts (an AR(1)
    process plus 1-3 gust pulses of +20-60%), the apparent wind angle 35-110 degrees (drifting), the mainsheet
    ease 0-1 (starting at 0-0.3 and drifting; easing cuts the heeling coefficient), the crew's hiking 0-1 (drifting)
    and the crew's mass 75-150 kg (their moment at 0.3-0.9 m): the five inputs of every step.
    Roll: I phi'' + c phi' + Delta GZ(phi) + crew = HM, with GZ = GM sin(phi) (1 - (phi / 70 deg)^2) (GM 0.25-0.45
    m, Delta 130-220 kg of boat and crew), HM = 0.5 rho_air (V cos(phi))^2 A C_H(awa, ease) h (A 7-10 m2, h 2.3 m);
    4 substeps a step. 0.5 degree of sensor noise. Returns (inputs (n, 20, 5), heel (n, 20) in tens of degrees)."""
    tws0 = 3 + 6 * torch.rand(n, generator=gen)
    area = 7 + 3 * torch.rand(n, generator=gen)
    gm = 0.25 + 0.2 * torch.rand(n, generator=gen)
    disp = 130 + 90 * torch.rand(n, generator=gen)
    crew_m = 75 + 75 * torch.rand(n, generator=gen)
    ar = torch.zeros(n)
    awa = 35 + 75 * torch.rand(n, generator=gen)
    ease = 0.3 * torch.rand(n, generator=gen)
    hike = torch.rand(n, generator=gen)
    g_at = torch.randint(0, DH_STEPS, (n, 3), generator=gen).float()
    g_on = (torch.rand(n, 3, generator=gen) < torch.tensor([1.0, 0.6, 0.3])).float()
    g_amp = (0.2 + 0.4 * torch.rand(n, 3, generator=gen)) * g_on
    phi = torch.zeros(n)
    om = torch.zeros(n)
    inertia = 0.35 * disp
    damp = 1.2 * disp
    ins, outs = [], []
    for s in range(DH_STEPS):
        ar = 0.8 * ar + 0.06 * torch.randn(n, generator=gen)
        gust = (g_amp * torch.exp(-0.5 * ((s - g_at) / 1.5) ** 2)).sum(1)
        tws = tws0 * (1 + ar + gust)
        awa = (awa + 3 * torch.randn(n, generator=gen)).clamp(30, 120)
        ease = (ease + 0.08 * torch.randn(n, generator=gen)).clamp(0, 1)
        hike = (hike + 0.1 * torch.randn(n, generator=gen)).clamp(0, 1)
        ch = 1.3 * torch.sin(torch.deg2rad(awa)).clamp_min(0.3) ** 0.5 * (1 - 0.7 * ease)
        for _ in range(4):
            hm = 0.5 * 1.225 * (tws * torch.cos(phi)) ** 2 * area * ch * 2.3
            gz = gm * torch.sin(phi) * (1 - (phi / 1.22) ** 2)
            crew = crew_m * 9.81 * (0.3 + 0.6 * hike) * torch.cos(phi)
            acc = (hm - disp * 9.81 * gz - crew - damp * om) / inertia
            om = om + 0.125 * acc
            phi = (phi + 0.125 * om).clamp(-0.2, 1.2)
        ins.append(torch.stack([(tws - 6) / 2, (awa - 72) / 22, ease * 2 - 1, hike * 2 - 1,
                                (crew_m - 112) / 22 + 0 * tws], 1))
        outs.append(torch.rad2deg(phi) / 10)
    y = torch.stack(outs, 1) + 0.05 * torch.randn(n, DH_STEPS, generator=gen)
    return torch.stack(ins, 1), y


class HeelNet(nn.Module):
    """A one-layer GRU over the log, a linear readout of the heel at every step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.out(h).squeeze(-1)


def dinghy_heel(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The heel GRU on 1024 logs; held out: 1024 other logs in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(189102)
    x, y = _dh_records(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HeelNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. pontoon dock draft (Adagrad; long only)

PT_SLOTS, PT_FLOATS, PT_LOADS = 8, 6, 8


def _pt_docks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Modular floating docks of 8 slots. Floats (waterplane m2, height m, own mass kg): HDPE cube 0.25 / 0.40 / 7,
    HDPE cube 0.25 / 0.50 / 8.5, 200 L drum pair 0.50 / 0.58 / 36, foam-filled float 0.60 / 0.45 / 40, concrete
    float 0.60 / 0.80 / 260, a waterlogged cube 0.25 / 0.40 / 45. Loads per slot (kg, drawn within the kind): none,
    a person 50-110, two people 110-200, a bench 30-60, a kayak on a rack 25-45, a jet ski 250-400, a fuel cask
    180-220, a winch post 60-90. Deck stiffness (a log-uniform coupling between neighbours), fresh or salt water.
    Draft d solves (diag(rho A) + kappa T) d = masses (T the second-difference matrix of the deck), then a float
    past its height loses its waterplane: the excess is carried by its neighbours (one correction pass). 5 mm of
    reading noise. Returns (floats (n, 8), loads (n, 8), continuous (n, 2), drafts (n, 8) in dm)."""
    fl = torch.randint(0, PT_FLOATS, (n, PT_SLOTS), generator=gen)
    ld = torch.randint(0, PT_LOADS, (n, PT_SLOTS), generator=gen)
    ld = torch.where(torch.rand(n, PT_SLOTS, generator=gen) < 0.35, torch.zeros_like(ld), ld)
    area = torch.tensor([0.25, 0.25, 0.50, 0.60, 0.60, 0.25])[fl]
    height = torch.tensor([0.40, 0.50, 0.58, 0.45, 0.80, 0.40])[fl]
    own = torch.tensor([7.0, 8.5, 36.0, 40.0, 260.0, 45.0])[fl]
    lo = torch.tensor([0.0, 50, 110, 30, 25, 250, 180, 60])[ld]
    hi = torch.tensor([0.0, 110, 200, 60, 45, 400, 220, 90])[ld]
    mass = own + 25 + lo + (hi - lo) * torch.rand(n, PT_SLOTS, generator=gen)  # 25 kg of deck a slot
    kappa = 50 * 40 ** torch.rand(n, generator=gen)
    salt = (torch.rand(n, generator=gen) < 0.5).float()
    rho = 1000 + 25 * salt
    lap = 2 * torch.eye(PT_SLOTS) - torch.diag(torch.ones(PT_SLOTS - 1), 1) - torch.diag(torch.ones(PT_SLOTS - 1), -1)
    lap[0, 0] = lap[-1, -1] = 1
    k_mat = torch.diag_embed(rho.view(-1, 1) * area) + kappa.view(-1, 1, 1) * lap
    d = torch.linalg.solve(k_mat, mass.unsqueeze(-1)).squeeze(-1)
    sunk = (d > height).float()
    area2 = area * (1 - 0.9 * sunk)
    k_mat = torch.diag_embed(rho.view(-1, 1) * area2) + kappa.view(-1, 1, 1) * lap
    d = torch.linalg.solve(k_mat, (mass - (rho.view(-1, 1) * area * 0.9 * height * sunk)).unsqueeze(-1)).squeeze(-1)
    d = d + 0.005 * torch.randn(n, PT_SLOTS, generator=gen)
    cont = torch.stack([(torch.log(kappa) - math.log(50 * 40**0.5)) / 1.06, 2 * salt - 1], 1)
    return fl, ld, cont, d * 10


class DockNet(nn.Module):
    """An embedding net: a float and a load embedding and a slot embedding per slot, concatenated over the dock
    with the deck and water features, a two-layer ReLU head to the 8 drafts."""

    def __init__(self, dim: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.floats = nn.Embedding(PT_FLOATS, dim)
        self.loads = nn.Embedding(PT_LOADS, dim)
        self.slots = nn.Parameter(torch.zeros(PT_SLOTS, dim))
        self.head = nn.Sequential(nn.Linear(PT_SLOTS * dim * 2 + 2, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                  nn.ReLU(), nn.Linear(hidden, PT_SLOTS))

    def forward(self, fl: torch.Tensor, ld: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        e = torch.cat([self.floats(fl) + self.slots, self.loads(ld)], -1).flatten(1)
        return self.head(torch.cat([e, cont], 1))


def dock_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the 8 standardised drafts."""
    fl, ld, cont, y = batch
    return F.mse_loss(model(fl, ld, cont), y)


def pontoon_draft(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                  hidden: int = 64) -> dict[str, Any]:
    """The dock embedding net on 8192 surveyed docks; held out: 2048 other docks in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(189103)
    *parts, y = _pt_docks(train_size + 2048, gen)
    parts = (*parts, _standardise(y, train_size))
    tr = tuple(p[:train_size] for p in parts)
    torch.manual_seed(seed)
    return {"model": DockNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(p[train_size:] for p in parts), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": dock_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. parasail tow height, a grey-box model (SGD with momentum)


def _ps_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Parasail flights at a steady tow: boat speed 7-14 m/s, head wind -3-+6 m/s, line 40-150 m, flyers 55-220 kg
    (one to three, with harness), canopy 28-52 m2, line 0.05-0.12 kg/m. Air speed U = V + head wind; the canopy's
    C_L = 0.9 (1 - exp(-U / 7)) - 0.08 (flyers' load per area), C_D = 0.35 + 0.25 C_L^2 (it pitches down as U
    rises); lift, drag and weight (flyers and 12 kg of canopy) set the elevation angle tan(theta) = (L - W) / D at
    the canopy and the tension T; the line's weight sags it (a shallow catenary: height = l sin(theta) -
    w l^2 cos(theta) / (2 T)), not below 2 m. 1% scatter. Returns (features (n, 6), targets (n, 2): height in tens
    of metres and tension in kN)."""
    v = 7 + 7 * torch.rand(n, generator=gen)
    head = -3 + 9 * torch.rand(n, generator=gen)
    line = 40 + 110 * torch.rand(n, generator=gen)
    mass = 55 + 165 * torch.rand(n, generator=gen)
    area = 28 + 24 * torch.rand(n, generator=gen)
    wl = 0.05 + 0.07 * torch.rand(n, generator=gen)
    y, x = _ps_physics(v, head, line, mass, area, wl, None)
    y = y * torch.exp(0.01 * torch.randn(n, 2, generator=gen))
    return x, y


def _ps_physics(v: torch.Tensor, head: torch.Tensor, line: torch.Tensor, mass: torch.Tensor, area: torch.Tensor,
                wl: torch.Tensor, coeffs: torch.Tensor | None) -> tuple[torch.Tensor, torch.Tensor]:
    """The tow's statics from the coefficients (the law's own when ``coeffs`` is None); also the features."""
    u = (v + head).clamp_min(2.0)
    if coeffs is None:
        cl = 0.9 * (1 - torch.exp(-u / 7)) - 0.08 * (mass / area / 4)
        cd = 0.35 + 0.25 * cl**2
    else:
        cl, cd = coeffs[:, 0], coeffs[:, 1]
    q = 0.5 * 1.2 * u**2 * area
    lift, drag = q * cl, q * cd
    weight = (mass + 12) * 9.81
    vert = (lift - weight).clamp_min(1.0)
    theta = torch.atan2(vert, drag)
    tension = torch.sqrt(vert**2 + drag**2)
    height = (line * torch.sin(theta) - wl * 9.81 * line**2 * torch.cos(theta) / (2 * tension)).clamp_min(2.0)
    x = torch.stack([(v - 10.5) / 2, head / 2.6 - 0.6, (line - 95) / 32, (mass - 137) / 48, (area - 40) / 7,
                     (wl - 0.085) / 0.02], 1)
    return torch.stack([height / 10, tension / 1000], 1), x


class TowGreyBox(nn.Module):
    """A tanh MLP gives the canopy's C_L and C_D (softplus) from what sets them (the air speed, the flyers' load per
    canopy area and the area); the tow's statics give the height and tension."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        v, head, line = x[:, 0] * 2 + 10.5, (x[:, 1] + 0.6) * 2.6, x[:, 2] * 32 + 95
        mass, area, wl = x[:, 3] * 48 + 137, x[:, 4] * 7 + 40, x[:, 5] * 0.02 + 0.085
        feats = torch.stack([(v + head - 12) / 3, (mass / area - 3.5) / 1.3, x[:, 4]], 1)
        c = F.softplus(self.net(feats) + torch.tensor([0.0, -1.0]))
        y, _ = _ps_physics(v, head, line, mass, area, wl, c)
        return y


def parasail_tow(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The tow grey-box on 1024 logged flights; held out: 2048 other flights in batches of 1024; SGD with momentum
    0.9."""
    gen = torch.Generator().manual_seed(189104)
    x, y = _ps_flights(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TowGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. water-counterbalanced funicular ballast (Adagrad; long only)

FN_FIELDS = (16, 7, 12, 4, 6, 2)  # hour (7-22), weekday, month, weather, brakeman, car on top


def _fn_trips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Trips of a water-counterbalanced funicular (the top car's tank filled until it outweighs the bottom car):
    the passengers up and down as the brakeman judges the queues (the expected riders, counted with an error of
    sd 1 a queue; means from the hour, weekday, month and weather: morning commuters down,
    tourists up at midday on fine summer weekends, evening diners down), 75 kg each; the rope's weight (a 120 m
    rope, 3 kg/m, on a 30% grade) on the top car's side at the start; the rail friction margin (dry, wet, icy,
    snow: 1, 1.3, 1.8, 1.5 x); the brakeman's margin (0.3-1.0 m3) and the car on top (car 2's tank reads 4% high).
    Ballast (m3) = (passengers down - passengers up) 0.075 + friction 1.2 x + margin - rope 0.36 x 0.3, at least
    0.2. Returns (fields (n, 6) as indices, ballast (n,))."""
    cols = [torch.randint(0, k, (n,), generator=gen) for k in FN_FIELDS]
    hour, day, month, weather, man, car = cols
    h = hour.float() + 7
    weekend = (day >= 5).float()
    summer = torch.exp(-0.5 * ((month.float() - 6.5) / 2.2) ** 2)
    fine = torch.tensor([1.0, 0.5, 0.2, 0.35])[weather]
    tour = 25 * summer * fine * (1 + 0.8 * weekend) * torch.exp(-0.5 * ((h - 13) / 2.5) ** 2)
    down_comm = 18 * (1 - weekend) * torch.exp(-0.5 * ((h - 8) / 1.0) ** 2)
    up_comm = 16 * (1 - weekend) * torch.exp(-0.5 * ((h - 18) / 1.2) ** 2)
    diners = 12 * (0.5 + weekend) * torch.exp(-0.5 * ((h - 21) / 1.0) ** 2) * (0.5 + fine)
    # the brakeman fills for the queues he sees: the expected riders, counted with an error of 1 a queue
    up = 2 + tour + up_comm + torch.randn(n, generator=gen)
    down = 2 + 0.6 * tour + down_comm + diners + torch.randn(n, generator=gen)
    fric = torch.tensor([1.0, 1.3, 1.8, 1.5])[weather]
    margin = torch.tensor([0.3, 0.45, 0.6, 0.75, 0.9, 1.0])[man]
    ballast = ((down - up) * 0.075 + 1.2 * fric + margin - 0.108).clamp_min(0.2) * (1 + 0.04 * car.float())
    return torch.stack(cols, 1), ballast


class BallastDeepFM(nn.Module):
    """A DeepFM: a factorisation machine (a bias, a weight per field value and a k-dim factor per field value, the
    pairwise interactions by the sum-square trick) plus a ReLU tower over the concatenated factors."""

    def __init__(self, k: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.offsets = torch.tensor([0] + list(FN_FIELDS[:-1])).cumsum(0)
        total = sum(FN_FIELDS)
        self.bias = nn.Parameter(torch.zeros(()))
        self.w = nn.Embedding(total, 1)
        self.v = nn.Embedding(total, k)
        nn.init.zeros_(self.w.weight)
        nn.init.normal_(self.v.weight, std=0.1)
        self.deep = nn.Sequential(nn.Linear(len(FN_FIELDS) * k, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                  nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        i = idx + self.offsets
        e = self.v(i)
        pair = 0.5 * (e.sum(1) ** 2 - (e**2).sum(1)).sum(1)
        return self.bias + self.w(i).sum((1, 2)) + pair + self.deep(e.flatten(1)).squeeze(-1)


def funicular_ballast(batch_size: int = 32, seed: int = 0, train_size: int = 8192, k: int = 8) -> dict[str, Any]:
    """The ballast DeepFM on 8192 logged trips; held out: 2048 other trips in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(189105)
    x, y = _fn_trips(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BallastDeepFM(k), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. monorail guideway deflection under a train's axles (RAdam)

MR_AXLES, MR_POINTS = 8, 9


def _mr_positions(n: int, gen: torch.Generator, scatter: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """A straddle monorail train of 2 cars (bogie centres 9.6 m apart in a car, 15 m car length, 1.5 m axle spacing
    in a bogie) crossing a simply supported guideway beam: span 18-30 m, EI 4e9-1.2e10 N m2, mass 1.6 t/m; the
    train's front at -5 m to the span plus 25 m; axle loads from the car's mass (11-14 t) and its passengers (0-8
    t), a quarter each on the car's 4 axles, +-5% per axle. Deflection at x_j = L j / 10, j = 1..9, from the
    Euler-Bernoulli point-load formula (P b x (L^2 - b^2 - x^2) / (6 EI L) for x <= a, mirrored) summed over the
    axles on the span, times a dynamic amplification 1 + 0.5 s^2 / (1 - 0.6 s^2) with s = speed / (2 f1 L) (f1 the
    span's first bending frequency). 1% scatter (``scatter``). Returns (axle tokens (n, 8, 6), deflections (n, 9) in
    cm)."""
    span = 18 + 12 * torch.rand(n, generator=gen)
    ei = 4e9 * 3 ** torch.rand(n, generator=gen)
    speed = 5 + 20 * torch.rand(n, generator=gen)
    front = -5 + (span + 30) * torch.rand(n, generator=gen)
    car_m = 11 + 3 * torch.rand(n, 2, generator=gen) + 8 * torch.rand(n, 2, generator=gen) ** 2
    offs = torch.tensor([0.0, 1.5, 9.6 + 0.0, 9.6 + 1.5])
    pos = torch.cat([front.view(-1, 1) - 2.7 - offs, front.view(-1, 1) - 17.7 - offs], 1)
    load = torch.cat([car_m[:, :1].expand(-1, 4), car_m[:, 1:].expand(-1, 4)], 1) / 4 * 9.81e3
    load = load * (1 + 0.05 * (2 * torch.rand(n, MR_AXLES, generator=gen) - 1))
    on = ((pos > 0) & (pos < span.view(-1, 1))).float()
    xs = span.view(-1, 1) * torch.arange(1, MR_POINTS + 1).float().view(1, -1) / 10
    a = pos.clamp(0, None).unsqueeze(1).minimum(span.view(-1, 1, 1))  # (n, 1, axles)
    L = span.view(-1, 1, 1)
    b = L - a
    x = xs.unsqueeze(2)
    left = load.unsqueeze(1) * b * x * (L**2 - b**2 - x**2) / (6 * ei.view(-1, 1, 1) * L)
    right = load.unsqueeze(1) * a * (L - x) * (L**2 - a**2 - (L - x) ** 2) / (6 * ei.view(-1, 1, 1) * L)
    defl = (torch.where(x <= a, left, right) * on.unsqueeze(1)).sum(2)
    f1 = math.pi / (2 * span**2) * torch.sqrt(ei / 1600)
    s = speed / (2 * f1 * span)
    daf = 1 + 0.5 * s**2 / (1 - 0.6 * s**2).clamp_min(0.2)
    y = defl * daf.view(-1, 1) * 100 * torch.exp(scatter * torch.randn(n, MR_POINTS, generator=gen))
    tok = torch.stack([pos / span.view(-1, 1) * 2 - 1, (load / 9.81e3 - 4) / 0.7, on * 2 - 1,
                       ((span - 24) / 3.5).view(-1, 1).expand(-1, MR_AXLES),
                       ((torch.log(ei) - math.log(4e9 * 3**0.5)) / 0.32).view(-1, 1).expand(-1, MR_AXLES),
                       ((speed - 15) / 5.8).view(-1, 1).expand(-1, MR_AXLES)], 2)
    return tok, y


class GuidewayDeepSets(nn.Module):
    """A Deep Sets network over the axles (each axle's features through a shared SiLU MLP, summed over the train:
    the loads superpose), a LayerNorm and a SiLU MLP from the sum to the 9 deflections."""

    def __init__(self, width: int = 64) -> None:
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(6, width), nn.SiLU(), nn.Linear(width, width), nn.SiLU())
        self.rho = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.SiLU(), nn.Linear(width, MR_POINTS))

    def forward(self, tok: torch.Tensor) -> torch.Tensor:
        return self.rho(self.phi(tok).sum(1) / MR_AXLES)


def monorail_deflection(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 64,
                        scatter: float = 0.01) -> dict[str, Any]:
    """The guideway Deep Sets net on 1024 measured train positions (``scatter``: the survey's scatter); held out:
    2048 others in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(189106)
    x, y = _mr_positions(train_size + 2048, gen, scatter)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GuidewayDeepSets(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("bumper_car_rebound_nesterov", bumper_car_rebound, 300, "bumper_car_hunt_crossley_rebound_accel_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=1.0, start_lr=0.0125),
    W("dinghy_heel_nadam", dinghy_heel, 300, "dinghy_gust_heel_roll_response_gru", "nadam", "finite", 32,
      seconds=1.0, start_lr=0.064),
    W("parasail_tow_momentum", parasail_tow, 300, "parasail_tow_height_catenary_greybox", "sgd_momentum0.9",
      "finite", 64, seconds=0.5, start_lr=0.025),
    W("monorail_deflection_radam", monorail_deflection, 300, "monorail_guideway_axle_deflection_deepsets",
      "radam", "finite", 64, seconds=1.0, start_lr=0.128),
)
LONG = (
    W("pontoon_draft_adagrad@long", pontoon_draft, 3000, "pontoon_dock_draft_winkler_embedding_net", "adagrad",
      "finite", 32, seconds=3.0, start_lr=0.1, grid_fractions=(0.0, 0.05)),
    W("funicular_ballast_adagrad@long", funicular_ballast, 3000, "funicular_water_ballast_counterbalance_deepfm",
      "adagrad", "finite", 32, seconds=3.0, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("parasail_tow_momentum@long", parasail_tow, 3000, "parasail_tow_height_catenary_greybox", "sgd_momentum0.9",
      "finite", 32, dict(train_size=8192), seconds=3.0, start_lr=0.025, grid_fractions=(0.0, 0.05),
      long_of="parasail_tow_momentum"),
    W("monorail_deflection_radam@long", monorail_deflection, 3000, "monorail_guideway_axle_deflection_deepsets",
      "radam", "finite", 32, dict(train_size=8192, scatter=0.03), seconds=3.5, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="monorail_deflection_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam189_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-ninth exam's workloads")
