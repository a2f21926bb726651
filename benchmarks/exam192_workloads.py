"""The hundred-and-ninety-second exam: six more workload families that neither the suite nor exams 1-190 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam190_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from siege towers and rolling push, battering rams and gate impulse, steeples
and lightning strikes, cloisters and arcade acoustics, trolleybuses and overhead-wire current draw, and paternoster
lifts and cabin spacing (exam 191 was built at the same time from other domains; its module was not opened). What
was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam192/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- siege-tower push: a GRU runs along a route of 16 terrain segments (slope, ground softness, planked or not) with
  the tower's mass, wheel diameter and crew size and predicts the tower's speed on each segment; rolling
  resistance with a Bekker-style sinkage coefficient (softer ground and narrower wheels sink more, bigger wheels
  roll easier), the grade, a crew's force falling linearly with speed and fading with the work done (fatigue);
  MSE; RAdam (torch's defaults)
- battering-ram gate impulse: a 1-D CNN with batch norm reads a gate-mounted accelerometer trace of one blow (64
  samples at 2 kHz: the contact pulse of a spring-dashpot ram head on the gate, then the gate leaf ringing) and
  predicts the log velocity change the blow gave the gate, the log contact duration and the log ringing
  frequency; MSE; SGD with heavy-ball momentum 0.9 (the plain signal-CNN recipe)
- cloister arcade acoustics: a small Pre-LN transformer over the 8 bays of a cloister walk (bay length, walk width, arch
  opening, vault height, glazing, wall and floor finish, distance from the listener) predicts the log T30 in six octave
  bands; the data from Eyring's formula with the arches as open (or glazed) area, distance-weighted bays along the
  walk, air absorption, vault focusing; MSE of log T30; NAdam (torch's defaults)
- paternoster cabin spacing: a residual MLP (LayerNorm blocks) maps the loads of the 16 cabins on the chain loop,
  the chain's wear, the temperature and the take-up spring's preload to the 16 gaps' deviation from nominal (the
  chain's elastic stretch under the tension each link carries, wear elongation rising with tension, thermal
  expansion, the take-up spring's travel); MSE; SGD with Nesterov momentum 0.9, weight decay 5e-4
- trolleybus overhead-wire current draw (a long plan only): an embedding net (the route segment, the line, the hour
  of day, the day type; the passenger load, the vehicle, the outside temperature) predicts the mean current drawn
  from the 750 V overhead wire over a segment and its energy per km; traction from the grade, rolling resistance,
  aerodynamic drag and the stops' acceleration less regenerated braking, speeds from the hour's congestion,
  heating / air conditioning from the temperature; MSE of the standardised outputs; Adagrad (torch's defaults)
- steeple lightning strikes (a long plan only): a Poisson regression net with embeddings (the region, i.e. its
  unknown ground-flash density; the steeple's surroundings) and the steeple's height, the hill it stands on and the
  years observed predicts the log expected count of strikes recorded; Eriksson's law N = Ng 24e-6 H^2.05 with an
  environmental factor; the counts Poisson; Poisson deviance; Adagrad (torch's defaults)
- cloister arcade reverberation, grey-box (a long plan only): the same walks, fitted by Eyring's formula whose
  absorption coefficients (per finish, glazing and band) and bay-weighting length are learnt parameters, with a small
  MLP correcting the log T30; MSE of log T30; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the trolleybus net
twice (8192 records, 64 units, batch 64; 4096 records, 32 units, batch 32), the steeple net and the cloister
grey-box. None is a longer version of a short plan (no ``long_of``).

Of the eight plans, four use Adagrad (the four long plans), one RAdam (siege tower), one NAdam (cloister
transformer), one SGD with heavy-ball momentum (battering ram) and one SGD with Nesterov momentum (paternoster).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam192_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam192/README.md).

    python benchmarks/exam192_workloads.py          # the table
    python benchmarks/exam192_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 192"


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


def _walk(n: int, steps: int, gen: torch.Generator, start: torch.Tensor, sd: float, lo: float,
          hi: float) -> torch.Tensor:
    """A clamped random walk of ``steps`` values per row from ``start``."""
    out = [start]
    for _ in range(steps - 1):
        out.append((out[-1] + sd * torch.randn(n, generator=gen)).clamp(lo, hi))
    return torch.stack(out, 1)


# --------------------------------------------------------------------------------------------------------------
# 1. siege-tower push along a route (GRU, RAdam)

ST_SEGS = 16


def _st_routes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Routes of 16 segments of 20 m each from the siege lines to the wall. The tower: mass 8-30 t, wheel diameter
    1.0-2.5 m, wheel width 0.2-0.5 m, a crew of 40-160 pushing (ropes, levers and pushing bars). The ground: slope
    -3 to +6 degrees and softness 0.1-1 (dry hardpan to wet fill), random walks along the route; some segments are
    planked (boards laid over the filled ditch). Rolling resistance (Bekker-style, from memory): sinkage
    z ~ 0.05 (W / (b k))^(2/3) / D^(1/3), C_rr = 0.02 + 0.9 z / D (a plank road 0.02); resistance R = m g (C_rr +
    sin slope). Each pusher's force F0 (1 - v / 1.6 m/s), F0 = 300 N times a fatigue factor 0.4 + 0.6 exp(-work /
    60 kJ per man) on the work done so far; speed v = 1.6 (1 - R / (crew F0 fatigue)), 0.02 m/s when stalled (the
    crew levers the wheels on), at most 1.8 m/s downhill (the crew holds it back on the ropes). Scatter 0.03 m/s.
    Returns (sequences (n, 16, 7): slope, softness, plank, mass,
    diameter, width, crew; speeds (n, 16) in m/s, times 2)."""
    mass = 8 + 22 * torch.rand(n, generator=gen)
    dia = 1.0 + 1.5 * torch.rand(n, generator=gen)
    width = 0.2 + 0.3 * torch.rand(n, generator=gen)
    crew = 40 + 120 * torch.rand(n, generator=gen)
    slope = _walk(n, ST_SEGS, gen, -1 + 4 * torch.rand(n, generator=gen), 1.2, -3.0, 6.0)
    soft = _walk(n, ST_SEGS, gen, 0.1 + 0.9 * torch.rand(n, generator=gen), 0.12, 0.1, 1.0)
    plank = (torch.rand(n, ST_SEGS, generator=gen) < 0.15).float()
    wheel_load = mass.view(-1, 1) * 9.81 / 8  # kN on each of 8 wheels
    k = 60 * (1.1 - soft)  # ground stiffness, softer ground lower
    z = 0.05 * (wheel_load / (width.view(-1, 1) * k)) ** (2 / 3) / dia.view(-1, 1) ** (1 / 3)
    crr = torch.where(plank > 0, torch.full_like(z, 0.02), 0.02 + 0.9 * z / dia.view(-1, 1))
    resist = mass.view(-1, 1) * 9810 * (crr + torch.sin(torch.deg2rad(slope)))
    speeds = []
    work = torch.zeros(n)
    for s in range(ST_SEGS):
        f0 = 300 * (0.4 + 0.6 * torch.exp(-work / 60e3))
        ratio = resist[:, s] / (crew * f0)
        v = (1.6 * (1 - ratio)).clamp(0.02, 1.8)
        work = work + (resist[:, s].clamp_min(0) * 20 / crew)
        speeds.append(v)
    y = torch.stack(speeds, 1) + 0.03 * torch.randn(n, ST_SEGS, generator=gen)
    stat = torch.stack([(mass - 19) / 6.4, (dia - 1.75) / 0.43, (width - 0.35) / 0.087, (crew - 100) / 35], 1)
    seq = torch.cat([torch.stack([slope / 3, (soft - 0.55) / 0.3, plank], 2),
                     stat.unsqueeze(1).expand(n, ST_SEGS, 4)], 2)
    return seq, 2 * y


class PushGRU(nn.Module):
    """A GRU along the route with a linear head on every segment's state (the speed there)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(-1)


def push_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the segment speeds (m/s, times 2)."""
    return _mse(model, batch)


def siege_tower_push(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The push GRU on 1024 routes; held out: 2048 other routes in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(192101)
    x, y = _st_routes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PushGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": push_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. battering-ram gate impulse from an accelerometer trace (1-D CNN, SGD with heavy-ball momentum)

BR_LEN = 64
BR_FS = 2000.0


def _br_blows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Blows of a ram on a barred gate, recorded by an accelerometer on the gate. The ram: 300-1500 kg (log),
    swung or rolled at 1-5 m/s, an iron-capped or bare timber head (contact stiffness 2e8 or 4e7 N/m, times
    0.5-1.5). The gate: 600-2500 kg (oak, 8-20 cm), its leaf ringing on its hinges and bar at 30-150 Hz (log)
    with 3-10% damping. The contact is a spring-dashpot between ram and gate (reduced mass mu = m M / (m + M)):
    a half-sine force pulse of duration tau = pi sqrt(mu / k) and restitution e 0.3-0.6 (from the head), impulse
    J = (1 + e) mu v; the gate's acceleration F / M during contact, then a decaying ringing at f started by the
    velocity change J / M. The trace starts 2-10 samples before the blow; sensor noise 1% of the peak plus a floor
    of 0.2 m/s2. Targets: log(J / M) (m/s), log tau (ms), log f (Hz), as a reference (high-speed video of the ram,
    a modal hammer test of the gate) measured them, with 7% scatter. Returns (traces (n, 1, 64) as asinh(a / g),
    the usual compression of a wide-range shock trace; targets (n, 3))."""
    ram = 300 * 5 ** torch.rand(n, generator=gen)
    v = 1 + 4 * torch.rand(n, generator=gen)
    iron = (torch.rand(n, generator=gen) < 0.5).float()
    k = torch.where(iron > 0, torch.full((n,), 2e8), torch.full((n,), 4e7)) * (0.5 + torch.rand(n, generator=gen))
    e = torch.where(iron > 0, torch.full((n,), 0.55), torch.full((n,), 0.35)) + 0.05 * torch.rand(n, generator=gen)
    gate = 600 + 1900 * torch.rand(n, generator=gen)
    fring = 30 * 5 ** torch.rand(n, generator=gen)  # the barred gate leaf's first mode, 30-150 Hz
    zeta = 0.03 + 0.07 * torch.rand(n, generator=gen)
    mu = ram * gate / (ram + gate)
    tau = math.pi * torch.sqrt(mu / k)
    jimp = (1 + e) * mu * v
    fpk = jimp * math.pi / (2 * tau)  # the half-sine's peak for that impulse
    dv = jimp / gate
    w = 2 * math.pi * fring
    onset = (2 + 8 * torch.rand(n, generator=gen)) / BR_FS
    t = torch.arange(BR_LEN).float().view(1, -1) / BR_FS - onset.view(-1, 1)
    tt, tauv = t, tau.view(-1, 1)
    pulse = torch.where((tt >= 0) & (tt <= tauv), fpk.view(-1, 1) * torch.sin(math.pi * tt.clamp_min(0) / tauv),
                        torch.zeros_like(tt))
    acc = pulse / gate.view(-1, 1)
    after = (tt - tauv).clamp_min(0)
    wd = w.view(-1, 1) * torch.sqrt(1 - zeta.view(-1, 1) ** 2)
    ring = (-dv.view(-1, 1) * w.view(-1, 1) * torch.exp(-zeta.view(-1, 1) * w.view(-1, 1) * after)
            * torch.sin(wd * after))
    acc = acc + torch.where(tt > tauv, ring, torch.zeros_like(ring))
    peak = acc.abs().amax(1, keepdim=True)
    acc = acc + (0.01 * peak + 0.2) * torch.randn(n, BR_LEN, generator=gen)
    y = torch.stack([torch.log(dv), torch.log(tau * 1000), torch.log(w / (2 * math.pi))], 1)
    y = y + 0.07 * torch.randn(n, 3, generator=gen)  # the reference measurements' own scatter (about 7%)
    return torch.asinh(acc / 9.81).unsqueeze(1), y


class TraceCNN(nn.Module):
    """A 1-D CNN (three conv layers with batch norm, max-pooling, global average) from the trace to the three log
    targets."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, width, 5, padding=2), nn.BatchNorm1d(width), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(width, 2 * width, 5, padding=2), nn.BatchNorm1d(2 * width), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(2 * width, 2 * width, 3, padding=1), nn.BatchNorm1d(2 * width), nn.ReLU(),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(),
            nn.Linear(2 * width, 3))
        self.shift = nn.Parameter(torch.tensor([-1.5, 1.0, 3.0]), requires_grad=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x) + self.shift


def trace_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log velocity change, log contact duration and log ringing frequency."""
    return _mse(model, batch)


def battering_ram_gate(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32) -> dict[str, Any]:
    """The trace CNN on 4096 recorded blows; held out: 2048 other blows in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(192102)
    x, y = _br_blows(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TraceCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": trace_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. steeple lightning strikes: Poisson regression with embeddings (Adagrad; long only)

SL_REGIONS = 48
SL_SURROUND = 4  # isolated on a hilltop, isolated, among buildings of similar height, among taller objects


def _sl_steeples(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Strike records of church steeples (lightning-counter or parish records). 48 regions, each with a ground-flash
    density Ng 2-12 flashes / km2 / year (log-uniform, not given to the model). The steeple: height 25-110 m, the
    surroundings (IEC 62305-2's environmental factor, from memory: 2, 1, 0.5, 0.25), the hill it stands on (0-150 m
    above the plain, raising the effective height), a lightning conductor (a conductor does not change the count,
    but a tall steeple with one has upward flashes recorded more fully: x1.1), 20-60 years observed. Expected strikes
    (Eriksson, from memory): Ng 24e-6 H_eff^2.05 C_d years, H_eff = H + 0.3 hill; counts Poisson. Returns ((region,
    surroundings, continuous (n, 4)), counts (n,))."""
    ng = 2.0 * 6 ** torch.rand(SL_REGIONS, generator=gen)
    reg = torch.randint(0, SL_REGIONS, (n,), generator=gen)
    sur = torch.randint(0, SL_SURROUND, (n,), generator=gen)
    h = 25 * 4.4 ** torch.rand(n, generator=gen)
    hill = 150 * torch.rand(n, generator=gen) ** 2
    rod = (torch.rand(n, generator=gen) < 0.6).float()
    years = 20 + 40 * torch.rand(n, generator=gen)
    cd = torch.tensor([2.0, 1.0, 0.5, 0.25])[sur]
    heff = h + 0.3 * hill
    lam = ng[reg] * 24e-6 * heff**2.05 * cd * years * (1 + 0.1 * rod * (heff > 100).float())
    counts = torch.poisson(lam, generator=gen)
    cont = torch.stack([(torch.log(h) - 3.96) / 0.43, (hill - 50) / 45, 2 * rod - 1, (torch.log(years) - 3.6) / 0.3], 1)
    return (reg, sur, cont), counts


class StrikeNet(nn.Module):
    """Region and surroundings embeddings with the continuous features, an MLP to the log expected count."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.region = nn.Embedding(SL_REGIONS, dim)
        self.surround = nn.Embedding(SL_SURROUND, 4)
        self.net = nn.Sequential(nn.Linear(dim + 4 + 4, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, reg: torch.Tensor, sur: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.region(reg), self.surround(sur), cont], 1)).squeeze(-1)


def poisson_deviance(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean Poisson deviance of the strike counts, the model giving the log expected count."""
    reg, sur, cont, y = batch
    log_mu = model(reg, sur, cont).clamp(max=12)
    mu = torch.exp(log_mu)
    ylogy = torch.where(y > 0, y * torch.log(y.clamp_min(1e-9)), torch.zeros_like(y))
    return (2 * (ylogy - y * log_mu - (y - mu))).mean()


def steeple_lightning(batch_size: int = 32, seed: int = 0, train_size: int = 4096, dim: int = 8) -> dict[str, Any]:
    """The strike net on 4096 steeple records; held out: 2048 other records in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(192103)
    (reg, sur, cont), y = _sl_steeples(train_size + 2048, gen)
    tr = (reg[:train_size], sur[:train_size], cont[:train_size], y[:train_size])
    ev = (reg[train_size:], sur[train_size:], cont[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": StrikeNet(dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": poisson_deviance, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. cloister arcade acoustics (Pre-LN transformer, NAdam; grey-box, Adagrad, long only)

CL_BAYS = 8
CL_BANDS = 6  # 125 Hz ... 4 kHz
CL_FEATS = 11


def _cl_walks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cloister walks of 8 bays, T30 measured at a listener somewhere along the walk. Each bay (4-6 m long, the
    walk 3-5 m wide): the arch opening to the garth (1.5-4 m wide, 2.5-5 m high), glazed or open; the vault height
    4-9 m; the wall finish (ashlar stone, lime plaster, painted plaster with wainscot) and the floor (stone flags or
    tomb slabs over earth). Absorption per band (125-4000 Hz, invented but of the usual shape): stone
    0.02-0.05, lime plaster 0.03-0.08, wainscot 0.15-0.06, flags 0.01-0.03, slabs over earth 0.04-0.08, an open arch
    1, glass 0.3-0.03. Eyring (from memory): T = 0.161 V / (-S ln(1 - a_mean) + 4 m V), over the bays weighted by
    exp(-|distance| / 9 m) from the listener (a long space is not diffuse), air absorption m rising with
    frequency, the vault's focusing lengthening the low bands when the vault is high. 1.5% scatter. Returns (bay
    tokens (n, 8, 11), log T30 (n, 6))."""
    length = 4 + 2 * torch.rand(n, CL_BAYS, generator=gen)
    walk_w = (3 + 2 * torch.rand(n, 1, generator=gen)).expand(n, CL_BAYS)
    arch_w = 1.5 + 2.5 * torch.rand(n, CL_BAYS, generator=gen)
    arch_h = 2.5 + 2.5 * torch.rand(n, CL_BAYS, generator=gen)
    vault = (4 + 5 * torch.rand(n, 1, generator=gen)).expand(n, CL_BAYS) + 0.3 * torch.randn(n, CL_BAYS, generator=gen)
    glazed = (torch.rand(n, 1, generator=gen) < 0.3).float() * (torch.rand(n, CL_BAYS, generator=gen) < 0.9).float()
    wall = torch.randint(0, 3, (n, 1), generator=gen).expand(n, CL_BAYS)
    floor = torch.randint(0, 2, (n, 1), generator=gen).expand(n, CL_BAYS)
    listener = 8 * torch.rand(n, 1, generator=gen)
    pos = torch.cumsum(length, 1) - length / 2
    lpos = (listener / 8) * length.sum(1, keepdim=True)
    dist = (pos - lpos).abs()
    wt = torch.exp(-dist / 9)
    a_wall = torch.tensor([[0.02, 0.02, 0.03, 0.04, 0.05, 0.05], [0.03, 0.03, 0.04, 0.05, 0.07, 0.08],
                           [0.15, 0.11, 0.10, 0.07, 0.06, 0.06]])[wall]  # (n, bays, bands)
    a_floor = torch.tensor([[0.01, 0.01, 0.015, 0.02, 0.02, 0.03], [0.04, 0.05, 0.06, 0.07, 0.08, 0.08]])[floor]
    a_glass = torch.tensor([0.30, 0.20, 0.10, 0.07, 0.05, 0.03])
    air_m = torch.tensor([0.0001, 0.0003, 0.0006, 0.001, 0.002, 0.005])
    s_open = (arch_w * arch_h).unsqueeze(2)
    vault_h = vault.unsqueeze(2)
    s_floor = (length * walk_w).unsqueeze(2)
    s_vault = s_floor * 1.4
    s_wall = (length * vault * 0.8 * 2).unsqueeze(2) - s_open
    a_open = glazed.unsqueeze(2) * a_glass + (1 - glazed.unsqueeze(2))
    sa = s_open * a_open + s_floor * a_floor + (s_vault + s_wall) * a_wall
    s_tot = s_open + s_floor + s_vault + s_wall
    vol = s_floor * vault_h * 0.85
    w3 = wt.unsqueeze(2)
    v_eff, s_eff, sa_eff = (vol * w3).sum(1), (s_tot * w3).sum(1), (sa * w3).sum(1)
    a_mean = (sa_eff / s_eff).clamp(max=0.95)
    t30 = 0.161 * v_eff / (-s_eff * torch.log(1 - a_mean) + 4 * air_m * v_eff)
    focus = 1 + 0.04 * (vault[:, :1] - 4) * torch.tensor([1.0, 0.8, 0.5, 0.3, 0.2, 0.1])
    t30 = t30 * focus * torch.exp(0.015 * torch.randn(n, CL_BANDS, generator=gen))
    tokens = torch.cat([torch.stack([(length - 5) / 0.58, (walk_w - 4) / 0.58, (arch_w - 2.75) / 0.72,
                                     (arch_h - 3.75) / 0.72, (vault - 6.5) / 1.5, 2 * glazed - 1, (dist - 12) / 8], 2),
                        F.one_hot(wall, 3).float(), (2 * floor - 1).float().unsqueeze(2)], 2)
    return tokens, torch.log(t30)


class BayTransformer(nn.Module):
    """A Pre-LN transformer encoder over the bay tokens, mean-pooled, to the six log T30s."""

    def __init__(self, d: int = 32, layers: int = 2, heads: int = 4) -> None:
        super().__init__()
        self.embed = nn.Linear(CL_FEATS, d)
        self.pos = nn.Parameter(torch.zeros(1, CL_BAYS, d))
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, CL_BANDS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.encoder(self.embed(x) + self.pos)
        return self.head(self.norm(h.mean(1)))


def t30_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log T30 in six octave bands."""
    return _mse(model, batch)


def cloister_arcade(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32) -> dict[str, Any]:
    """The bay transformer on 2048 measured walks; held out: 2048 other walks in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(192104)
    x, y = _cl_walks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BayTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": t30_mse, "train_pool": tr}


class EyringGreyBox(nn.Module):
    """Eyring's formula over the distance-weighted bays with learnt absorption coefficients (per wall finish, floor,
    glazing, open arch and band, as logits), a learnt air absorption per band and a learnt bay-weighting length;
    a small tanh MLP on the mean bay token corrects the log T30 (what the formula leaves out)."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        logit = lambda p: math.log(p / (1 - p))  # noqa: E731
        self.wall = nn.Parameter(torch.full((3, CL_BANDS), logit(0.05)))
        self.floor = nn.Parameter(torch.full((2, CL_BANDS), logit(0.05)))
        self.glass = nn.Parameter(torch.full((CL_BANDS,), logit(0.1)))
        self.open = nn.Parameter(torch.full((CL_BANDS,), logit(0.8)))
        self.air = nn.Parameter(torch.full((CL_BANDS,), math.log(1e-3)))
        self.log_scale = nn.Parameter(torch.tensor(math.log(6.0)))
        self.corr = nn.Sequential(nn.Linear(CL_FEATS, hidden), nn.Tanh(), nn.Linear(hidden, CL_BANDS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        length, walk_w = x[..., 0] * 0.58 + 5, x[..., 1] * 0.58 + 4
        arch_w, arch_h, vault = x[..., 2] * 0.72 + 2.75, x[..., 3] * 0.72 + 3.75, x[..., 4] * 1.5 + 6.5
        glazed, dist = ((x[..., 5] + 1) / 2).unsqueeze(2), x[..., 6] * 8 + 12
        floor = ((x[..., 10] + 1) / 2).unsqueeze(2)
        a_wall = x[..., 7:10] @ torch.sigmoid(self.wall)
        a_floor = floor * torch.sigmoid(self.floor[1]) + (1 - floor) * torch.sigmoid(self.floor[0])
        a_open = glazed * torch.sigmoid(self.glass) + (1 - glazed) * torch.sigmoid(self.open)
        s_open = (arch_w * arch_h).unsqueeze(2)
        s_floor = (length * walk_w).unsqueeze(2)
        s_wall = (length * vault * 1.6).unsqueeze(2) - s_open
        sa = s_open * a_open + s_floor * a_floor + (1.4 * s_floor + s_wall) * a_wall
        s_tot = s_open + 2.4 * s_floor + s_wall
        vol = s_floor * vault.unsqueeze(2) * 0.85
        wt = torch.exp(-dist / torch.exp(self.log_scale)).unsqueeze(2)
        v_eff, s_eff, sa_eff = (vol * wt).sum(1), (s_tot * wt).sum(1), (sa * wt).sum(1)
        a_mean = (sa_eff / s_eff).clamp(1e-4, 0.95)
        t30 = 0.161 * v_eff / (-s_eff * torch.log(1 - a_mean) + 4 * torch.exp(self.air) * v_eff)
        return torch.log(t30) + self.corr(x.mean(1))


def cloister_greybox(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 16) -> dict[str, Any]:
    """The Eyring grey-box on 2048 measured walks; held out: 2048 other walks in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(192104)
    x, y = _cl_walks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EyringGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": t30_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. trolleybus overhead-wire current draw: an embedding net (Adagrad; long only)

TB_SEGMENTS = 160
TB_LINES = 10
TB_HOURS = 24
TB_DAYS = 3  # weekday, Saturday, Sunday


def _tb_records(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Per-segment records of a trolleybus network's vehicles (the traction converter's log, 750 V overhead wire).
    160 route segments, each with a hidden length 250-800 m, grade -6 to +6%, 0-3 stops or signals and a
    sensitivity to congestion; 10 lines (4 run articulated 18 t vehicles, the rest 12 t solos); the hour's
    congestion (peaks at 8 and 17 h, lighter on Saturdays and Sundays); 0-120 passengers of 70 kg (solos capped at
    90); outside temperature -15 to 35 C. Speed: free 12 m/s over (1 + congestion x sensitivity). Energy
    (from memory, constants invented): m g (0.01 + grade) L (downhill: 35% recovered by regenerative braking), drag
    0.5 rho C_dA v^2 L (C_dA 4.2 m2), 0.5 m v^2 per stop less 35% regenerated, over a drive efficiency of 0.85; the
    auxiliaries 6 kW plus heating 1.3 kW / K below 12 C or air conditioning 0.8 kW / K above 22 C, over the
    running and dwell (20 s a stop) time. Targets: the mean current (A) and the energy per km (kWh/km), 4%
    scatter. Returns ((segment, line, hour, day, continuous (n, 3)), targets (n, 2))."""
    seg_len = 250 + 550 * torch.rand(TB_SEGMENTS, generator=gen)
    seg_grade = 0.06 * (2 * torch.rand(TB_SEGMENTS, generator=gen) - 1)
    seg_stops = torch.randint(0, 4, (TB_SEGMENTS,), generator=gen).float()
    seg_sens = 0.2 + 1.3 * torch.rand(TB_SEGMENTS, generator=gen)
    hours = torch.arange(TB_HOURS).float()
    cong_h = 0.1 + 0.9 * torch.exp(-((hours - 8) / 1.5) ** 2) + 0.8 * torch.exp(-((hours - 17) / 2) ** 2)
    seg = torch.randint(0, TB_SEGMENTS, (n,), generator=gen)
    line = torch.randint(0, TB_LINES, (n,), generator=gen)
    hour = torch.randint(5, TB_HOURS, (n,), generator=gen)
    day = torch.multinomial(torch.tensor([5.0, 1.0, 1.0]), n, replacement=True, generator=gen)
    artic = (line < 4).float()
    pax = (120 * torch.rand(n, generator=gen)).minimum(90 + 50 * artic)
    temp = -15 + 50 * torch.rand(n, generator=gen)
    mass = 12000 + 6000 * artic + 70 * pax
    cong = cong_h[hour] * torch.tensor([1.0, 0.6, 0.35])[day]
    v = 12 / (1 + cong * seg_sens[seg])
    length, grade, stops = seg_len[seg], seg_grade[seg], seg_stops[seg]
    climb = mass * 9.81 * (0.01 + grade) * length
    climb = torch.where(climb > 0, climb / 0.85, 0.35 * climb)
    drag = 0.5 * 1.2 * 4.2 * (1 + 0.2 * artic) * v**2 * length / 0.85
    accel = stops * 0.5 * mass * v**2 * (1 / 0.85 - 0.35)
    time = length / v + stops * (20 + 2 * v)
    hvac = 6000 + 1300 * (12 - temp).clamp_min(0) + 800 * (temp - 22).clamp_min(0)
    energy = climb + drag + accel + hvac * time
    current = energy / time / 750
    y = torch.stack([current, energy / 3.6e6 / (length / 1000)], 1) * torch.exp(0.04 * torch.randn(n, 2, generator=gen))
    cont = torch.stack([(pax - 55) / 33, (temp - 10) / 14.4, 2 * artic - 1], 1)
    return (seg, line, hour, day, cont), y


class CurrentNet(nn.Module):
    """Segment, line, hour and day embeddings with the continuous features, a ReLU MLP to the two outputs."""

    def __init__(self, dim: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.seg = nn.Embedding(TB_SEGMENTS, dim)
        self.line = nn.Embedding(TB_LINES, 3)
        self.hour = nn.Embedding(TB_HOURS, 4)
        self.day = nn.Embedding(TB_DAYS, 2)
        self.net = nn.Sequential(nn.Linear(dim + 3 + 4 + 2 + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, seg: torch.Tensor, line: torch.Tensor, hour: torch.Tensor, day: torch.Tensor,
                cont: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.seg(seg), self.line(line), self.hour(hour), self.day(day), cont], 1))


def current_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised mean current and energy per km."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def trolleybus_current(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                       hidden: int = 64) -> dict[str, Any]:
    """The current net on 8192 segment records, targets standardised over them; held out: 2048 other records in
    batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(192105)
    xs, y = _tb_records(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = tuple(t[:train_size] for t in xs) + (y[:train_size],)
    ev = tuple(t[train_size:] for t in xs) + (y[train_size:],)
    torch.manual_seed(seed)
    return {"model": CurrentNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": current_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. paternoster cabin spacing (residual MLP with LayerNorm, SGD with Nesterov momentum)

PN_CABINS = 16  # 8 on the up side, 8 on the down side


def _pn_states(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A paternoster's 16 cabins (250 kg each, 0-2 riders of 60-100 kg) on two roller chains (EA 60 MN each) with a
    nominal pitch of 2.6 m; 8 cabins go up, 8 down. The chain above each cabin carries the cabins below it on its
    side plus the take-up tension at the bottom sprocket: a spring with preload 2-8 kN and stiffness 40 kN/m whose
    travel takes up half the loop's elongation (solved by fixed-point iteration). A gap's elongation: elastic T / EA,
    wear (pin and bushing wear 0-1: up to 0.6% strain, growing with the tension's square root) and thermal (12e-6 /
    K from 20 C, the shaft at -5 to 35 C); the two gaps at the turns shorten by the spring's travel. Measured by a
    laser gauge with 0.3 mm scatter. Returns (features (n, 19): loads in 100 kg, wear, temperature, preload; gap
    deviations (n, 16) in mm)."""
    riders = torch.randint(0, 3, (n, PN_CABINS), generator=gen).float()
    rider_mass = 60 + 40 * torch.rand(n, PN_CABINS, generator=gen)
    load = 250 + riders * rider_mass
    wear = torch.rand(n, generator=gen)
    temp = -5 + 40 * torch.rand(n, generator=gen)
    pre = 2000 + 6000 * torch.rand(n, generator=gen)
    weight = load * 9.81
    up, down = weight[:, :8], weight[:, 8:]
    hang_up = torch.cumsum(up, 1)  # the chain above up-cabin i carries cabins 0..i of its side
    hang_down = torch.cumsum(down.flip(1), 1).flip(1)  # down side: cabin 8 at the top, 15 at the bottom
    pitch, ea = 2600.0, 120e6
    travel = torch.zeros(n)
    for _ in range(6):
        t_bottom = (pre + 40e3 * travel / 1000).view(-1, 1)
        tension = torch.cat([hang_up + t_bottom, hang_down + t_bottom], 1)
        strain = tension / ea + 0.006 * wear.view(-1, 1) * (tension / 20e3).sqrt() + 12e-6 * (temp.view(-1, 1) - 20)
        elong = pitch * strain
        travel = 0.5 * elong.sum(1)
    gaps = elong.clone()
    gaps[:, 7] = gaps[:, 7] - 0.5 * travel
    gaps[:, 15] = gaps[:, 15] - 0.5 * travel
    y = gaps + 0.3 * torch.randn(n, PN_CABINS, generator=gen)
    x = torch.cat([(load - 370) / 85,
                   torch.stack([(wear - 0.5) / 0.29, (temp - 15) / 11.5, (pre - 5000) / 1730], 1)], 1)
    return x, y


class ResidualBlock(nn.Module):
    """LayerNorm, Linear, GELU, Linear, added back."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, width), nn.Linear(width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class SpacingNet(nn.Module):
    """A residual MLP (two pre-norm blocks) from the cabin loads and the chain's state to the 16 gap deviations."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(PN_CABINS + 3, width)
        self.blocks = nn.Sequential(*[ResidualBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, PN_CABINS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.norm(self.blocks(self.inp(x))))


def spacing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised gap deviations."""
    return _mse(model, batch)


def paternoster_spacing(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64) -> dict[str, Any]:
    """The spacing net on 2048 measured chain states, targets standardised over them; held out: 2048 other states in
    batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(192106)
    x, y = _pn_states(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpacingNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": spacing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("siege_tower_push_radam", siege_tower_push, 300, "siege_tower_rolling_push_route_gru", "radam", "finite", 32,
      seconds=0.8, start_lr=0.512),
    W("battering_ram_gate_momentum", battering_ram_gate, 300, "battering_ram_gate_accelerometer_impulse_cnn1d",
      "sgd_momentum0.9", "finite", 32, seconds=1.3, start_lr=0.2),
    W("cloister_arcade_nadam", cloister_arcade, 300, "cloister_arcade_eyring_octave_t30", "nadam", "finite", 32,
      seconds=1.2, start_lr=0.008),
    W("paternoster_spacing_nesterov", paternoster_spacing, 300, "paternoster_chain_cabin_spacing_resmlp",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=0.3, start_lr=0.2),
)
LONG = (
    W("trolleybus_current_adagrad@long", trolleybus_current, 3000, "trolleybus_overhead_wire_current_embedding_net",
      "adagrad", "finite", 64, seconds=3.0, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("steeple_lightning_adagrad@long", steeple_lightning, 3000, "steeple_lightning_eriksson_poisson_embedding_net",
      "adagrad", "finite", 32, seconds=1.8, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("cloister_greybox_adagrad@long", cloister_greybox, 3000, "cloister_arcade_eyring_octave_t30", "adagrad",
      "finite", 32, seconds=3.3, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("trolleybus_current_small_adagrad@long", trolleybus_current, 3000,
      "trolleybus_overhead_wire_current_embedding_net", "adagrad", "finite", 32, dict(train_size=4096, hidden=32),
      seconds=2.1, start_lr=0.256, grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam192_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-ninety-second exam's workloads")
