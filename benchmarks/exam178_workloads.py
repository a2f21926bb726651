"""The hundred-and-seventy-eighth exam: six more workload families that neither the suite nor exams 1-174 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam174_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from dog whistles and pitch audibility, jack-in-the-boxes and spring launch,
crampons and ice grip, ice axes and self-arrest, ant farms and tunnel digging, and snow chains and road grip (exams
175-177 were built at the same time from other domains; their modules were not opened). What was checked to make
them new, and what was tried and dropped, is in ``benchmarks/results/exam178/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- dog-whistle audibility range: a 1-D CNN reads a whistle's measured spectrum (64 log-spaced bands, 1-64 kHz, dB SPL
  at 1 m: an adjustable fundamental 4-40 kHz, its harmonics and the breath noise) and predicts the log distance
  at which a dog and an adult human can still hear it; spherical spreading plus atmospheric absorption rising as
  f^1.6 (more in dry air), each band heard where its received level passes the species' audiogram (dog: best near
  8 kHz, usable to ~45 kHz; human: best near 3.5 kHz, falling off steeply above 16 kHz); MSE; Adam
- jack-in-the-box spring launch: a GRU reads the toy's coil spring coil by coil (each turn's diameter and pitch,
  with the wire, the puppet's mass and how far the lid compresses it) and predicts the log pop height of the
  puppet and the log latch load; each turn a spring of rate G d^4 / (8 D^3) that stops at coil bind, in series
  (the spring stiffens as the close-wound coils bind), the stored energy from the force-deflection curve, the
  launch with an unobserved 55-85% efficiency against the puppet and a third of the spring's mass; MSE of the
  standardised logs; RMSprop (torch's defaults)
- crampon front-point grip: an embedding net over the crampon model (48), the boot (24) and the ice type (6) with
  the ice temperature, the kick energy and the pull angle predicts the log pull-out load of the front points; ice
  strength rising as it cools, brittle dinner-plating of cold water ice, a penetration depth from the kick energy
  over the ice strength and the points' tip area, vertical / horizontal points, blunt aluminium on hard ice, boot
  flex losing energy; MSE; Adagrad (torch's defaults)
- ice-axe self-arrest on a snow slope: a Post-LN transformer encoder over 8 slope segments (angle, snow hardness,
  snow friction, length) with a climber token (mass, reaction time, head- or feet-first, axe pick) predicts the log
  distance slid before the arrest and the log peak speed; Coulomb sliding, a reaction delay, then the pick's drag,
  which peaks in firm snow (soft snow gives little, hard ice lets the pick skate), simulated in 0.05 s steps;
  MSE; AdamW (torch's defaults: weight decay 0.01)
- ant-farm tunnel digging (a long plan only): an LSTM reads 10 days of a formicarium's daily excavated sand mass
  (weighed from the spoil), the temperature and the sand moisture and forecasts the log cumulative excavated
  volume on days 11-17; digging that saturates as the nest nears a volume proportional to the colony (the
  Buhl / Rasse-Deneubourg kind of law, from memory), a rate with a temperature optimum and a moisture optimum
  (dry sand collapses, wet sand sticks), day-to-day scatter; MSE; SGD with momentum 0.9 (the plain recipe)
- snow-chain braking grip (a long plan only): a wide-and-deep net (hashed chain x road and chain x tyre crosses in
  an ``EmbeddingBag`` for the wide part, embeddings of the chain product (40), the tyre size (30) and the road (6)
  with the air temperature, snow depth and speed for the deep part) predicts the braking friction coefficient of
  a test; link bite into snow from the contact pressure over the snow's hardness, edge scraping on ice, a water
  film near 0 C, chains losing grip on bare asphalt, speed fade; MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the ant-farm and
snow-chain nets (no short plans), the crampon net on 8192 tests instead of 4096 (10% test scatter instead of 20%,
batch 32 instead of 128), and the jack-in-the-box GRU on 8192 springs of 8 coils instead of 4096 of 16 (12 hidden
units instead of 24, batch 8 instead of 64).

Of the eight plans, three use Adagrad (crampon, crampon@long, snow chains@long), two RMSprop (the jack-in-the-box
plans), one Adam (dog whistle), one AdamW (ice axe) and one SGD with momentum (ant farm).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam178_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam178/README.md).

    python benchmarks/exam178_workloads.py          # the table
    python benchmarks/exam178_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 178"


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
# 1. dog-whistle audibility range from the whistle's spectrum (1-D CNN, Adam)

DW_BANDS = 64


def _dw_whistles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Whistles measured at 1 m: a fundamental f0 4-40 kHz (log-uniform; the adjustable 'silent' whistle and the
    ordinary pea whistle's range) at 85-115 dB SPL, a bandwidth (Q 5-30), the 2nd and 3rd harmonics 8-25 dB down,
    breath noise (a broad hump near 2-6 kHz, 40-70 dB). The spectrum in 64 log-spaced bands 1-64 kHz, with 1.5 dB
    measurement scatter per band. Received level of a band at distance r: L - 20 log10 r - a(f) r, a(f) = 0.003
    f_kHz^1.6 dB/m times (1.6 - relative humidity) (humidity 0.2-0.9 is a feature). Heard where the received level
    passes the audiogram: dog T = -2 + 9 u^2 (u = log2(f / 8 kHz)) plus a wall above 45 kHz; human (adult) T = 2 + 7
    v^2 (v = log2(f / 3.5 kHz)) plus a wall above 16 kHz. The range of the whistle for a listener: the largest
    distance over the bands at which some band is heard (bisection in log r, 0.5-3000 m). Targets: log10 ranges of
    dog and human, 0.06 field scatter. Returns (spectra (n, 2, 64): level / 100 and the humidity channel, targets
    (n, 2))."""
    f = torch.logspace(0, math.log10(64), DW_BANDS)  # kHz
    lf = torch.log2(f).view(1, -1)
    f0 = 4 * 10 ** torch.rand(n, 1, generator=gen)
    lvl = 85 + 30 * torch.rand(n, 1, generator=gen)
    q = 5 + 25 * torch.rand(n, 1, generator=gen)
    h2 = 8 + 17 * torch.rand(n, 1, generator=gen)
    breath = 40 + 30 * torch.rand(n, 1, generator=gen)
    bf = 2 + 4 * torch.rand(n, 1, generator=gen)
    hum = 0.2 + 0.7 * torch.rand(n, 1, generator=gen)
    p = torch.zeros(n, DW_BANDS)
    for k, drop in ((1, 0.0), (2, 1.0), (3, 1.7)):
        width = 1.0 / q  # octaves
        p = p + 10 ** ((lvl - drop * h2) / 10) * torch.exp(-0.5 * ((lf - torch.log2(k * f0)) / width) ** 2)
    p = p + 10 ** (breath / 10) * torch.exp(-0.5 * ((lf - torch.log2(bf)) / 0.8) ** 2)
    spec = 10 * torch.log10(p + 1.0)
    meas = spec + 1.5 * torch.randn(n, DW_BANDS, generator=gen)
    alpha = 0.003 * f.view(1, -1) ** 1.6 * (1.6 - hum)
    u = lf - math.log2(8.0)
    dog = -2 + 9 * u**2 + 60 * torch.relu(f.view(1, -1) - 45) / 10
    v = lf - math.log2(3.5)
    human = 2 + 7 * v**2 + 80 * torch.relu(f.view(1, -1) - 16) / 4
    out = []
    for thr in (dog, human):
        lo = torch.full((n, DW_BANDS), math.log10(0.5))
        hi = torch.full((n, DW_BANDS), math.log10(3000.0))
        for _ in range(25):
            mid = 0.5 * (lo + hi)
            heard = spec - 20 * mid - alpha * 10**mid > thr
            lo, hi = torch.where(heard, mid, lo), torch.where(heard, hi, mid)
        rng = torch.where(spec - 20 * math.log10(0.5) - alpha * 0.5 > thr, lo, torch.full_like(lo, math.log10(0.5)))
        out.append(rng.max(1).values)
    y = torch.stack(out, 1) + 0.06 * torch.randn(n, 2, generator=gen)
    x = torch.stack([meas / 100, ((hum - 0.55) / 0.2).expand(n, DW_BANDS)], 1)
    return x, y


class WhistleCNN(nn.Module):
    """A 1-D CNN over the spectrum's bands (three conv blocks, two max-pools), flattened (the band positions kept:
    they are the frequencies) into a linear head to the two log ranges."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(2, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(width, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(width, 2 * width, 3, padding=1), nn.ReLU())
        self.head = nn.Linear(2 * width * DW_BANDS // 4, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def dog_whistle(batch_size: int = 64, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The whistle CNN on 2048 measured whistles, targets standardised over them; held out: 2048 other whistles in
    batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(178101)
    x, y = _dw_whistles(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WhistleCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. jack-in-the-box spring launch: pop height and latch load from the spring's coil-by-coil geometry (GRU, RMSprop)

JB_COILS = 16


def _jb_springs(n: int, gen: torch.Generator, coils: int = JB_COILS,
                scatter: float = 0.08) -> tuple[torch.Tensor, torch.Tensor]:
    """Jack-in-the-box springs described coil by coil, as a spring maker's drawing lists them: wire 0.8-1.6 mm
    (music wire, G 79 GPa), coil diameters D_i (cylindrical, conical or barrel: a mean 20-40 mm, a taper and a
    bulge, 3% coil-to-coil variation) and pitches p_i (4-12 mm with a trend and scatter: the closer-wound coils
    bind first). Each turn is a spring of rate G d^4 / (8 D_i^3) whose deflection stops at its gap p_i - d (coil
    bind); in series the deflection at a force F is sum_i min(F / k_i, gap_i), so the spring stiffens as coils
    close. The lid compresses it by 45-85% of its total gap; the latch load F0 solves x(F0) = x0 (bisection), the
    stored energy is F0 x0 - int_0^F0 x(F) dF (trapezoid on 24 points). The puppet (15-60 g) and a third of the
    spring's mass are launched with 55-85% of the energy (the costume and the lid's hinge: not observed): height
    = eta E / (m g). Targets: log pop height and log latch load, 8% measurement scatter (a toy-shop force gauge, a
    ruler behind the pop). Returns (coil sequences
    (n, coils, 5): D_i, p_i, the wire, the puppet mass, the compression (the last three repeated per coil), targets
    (n, 2))."""
    i = torch.linspace(-1, 1, coils).view(1, -1)
    d = (0.8 + 0.8 * torch.rand(n, 1, generator=gen)) * 1e-3
    dmean = (20 + 20 * torch.rand(n, 1, generator=gen)) * 1e-3
    taper = 0.5 * (2 * torch.rand(n, 1, generator=gen) - 1) * (torch.rand(n, 1, generator=gen) < 0.6).float()
    bulge = 0.3 * torch.rand(n, 1, generator=gen) * (torch.rand(n, 1, generator=gen) < 0.4).float()
    D = dmean * (1 + taper * i + bulge * (1 - i**2)) * (1 + 0.03 * torch.randn(n, coils, generator=gen))
    ptrend = 2 * torch.rand(n, 1, generator=gen) - 1
    p = (8 + 3 * ptrend * i + 1.5 * torch.randn(n, coils, generator=gen)).clamp(4, 12) * 1e-3
    mass = 0.015 + 0.045 * torch.rand(n, generator=gen)
    comp = 0.45 + 0.4 * torch.rand(n, generator=gen)
    eta = 0.55 + 0.3 * torch.rand(n, generator=gen)
    k = 79e9 * d**4 / (8 * D**3)
    gap = (p - d).clamp_min(1e-4)
    x0 = comp * gap.sum(1)

    def defl(force: torch.Tensor) -> torch.Tensor:
        return torch.minimum(force.unsqueeze(-1) / k.unsqueeze(1), gap.unsqueeze(1)).sum(-1)

    lo, hi = torch.zeros(n), (k * gap).max(1).values
    for _ in range(30):
        mid = 0.5 * (lo + hi)
        short = defl(mid.view(-1, 1)).squeeze(1) < x0
        lo, hi = torch.where(short, mid, lo), torch.where(short, hi, mid)
    f0 = 0.5 * (lo + hi)
    fs = f0.view(-1, 1) * torch.linspace(0, 1, 24).view(1, -1)
    energy = f0 * x0 - torch.trapezoid(defl(fs), fs, dim=1)
    m_spring = 7850 * math.pi**2 / 4 * (d**2 * D).sum(1)
    height = eta * energy / ((mass + m_spring / 3) * 9.81)
    y = torch.stack([torch.log(height), torch.log(f0)], 1) + scatter * torch.randn(n, 2, generator=gen)
    x = torch.stack([(D * 1e3 - 30) / 7, (p * 1e3 - 8) / 2.2, ((d * 1e3 - 1.2) / 0.23).expand(n, coils),
                     ((mass - 0.0375) / 0.013).view(-1, 1).expand(n, coils),
                     ((comp - 0.65) / 0.115).view(-1, 1).expand(n, coils)], 2)
    return x, y


class SpringGRU(nn.Module):
    """A one-layer GRU over the coils; its last hidden state through a linear head to the two targets."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(x)
        return self.head(h[-1])


def jack_in_the_box(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 24,
                    coils: int = JB_COILS, scatter: float = 0.08) -> dict[str, Any]:
    """The spring GRU on 4096 springs, targets standardised over them; held out: 2048 other springs in batches of
    1024; RMSprop (torch's defaults: alpha 0.99, eps 1e-8, no momentum)."""
    gen = torch.Generator().manual_seed(178102)
    x, y = _jb_springs(train_size + 2048, gen, coils, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpringGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. crampon front-point grip in ice (embedding net, Adagrad)

CR_MODELS, CR_BOOTS, CR_ICE = 48, 24, 6


def _cr_tests(n: int, gen: torch.Generator, scatter: float = 0.2) -> tuple[torch.Tensor, ...]:
    """Pull-out tests of a crampon's front points kicked into ice. Each of 48 crampon models has hidden properties
    drawn once: vertical or horizontal front points, mono or dual points, steel or aluminium, tip sharpness
    (area 0.5-3 mm2), point length; each of 24 boots a sole stiffness. Six ice types (water ice, blue glacier ice,
    neve, verglas, rime, hard snow) with a strength at -10 C and how brittle they get when cold. Ice temperature
    -25-0 C, kick energy 5-25 J, pull angle 0-40 degrees off the point's axis. Strength sigma = s_ice (1 + 0.035
    (-T)); brittle types fracture around the points below -12 C (the effective depth falls); depth = E_kick eta_boot
    / (sigma A_tip)^0.5 scaled, capped by the point length; aluminium points blunt on strong ice; load = sigma
    depth w n_points (vertical points hold more in water ice, horizontal in snow) cos(angle)^1.5. Target: log load,
    scatter 20% (ice is not uniform; ``scatter``: 10% for the long plan's more careful test series). Returns
    (model ids, boot ids, ice ids, dense (n, 3), targets (n, 1))."""
    vertical = (torch.rand(CR_MODELS, generator=gen) < 0.5).float()  # the catalogue first, then the tests
    dual = (torch.rand(CR_MODELS, generator=gen) < 0.6).float() + 1
    alu = (torch.rand(CR_MODELS, generator=gen) < 0.25).float()
    tip = 0.5 + 2.5 * torch.rand(CR_MODELS, generator=gen)
    plen = 2.0 + 2.0 * torch.rand(CR_MODELS, generator=gen)
    stiff = 0.5 + 0.5 * torch.rand(CR_BOOTS, generator=gen)
    s_ice = torch.tensor([1.0, 1.3, 0.35, 0.8, 0.25, 0.5])
    brittle = torch.tensor([1.0, 0.6, 0.0, 0.8, 0.0, 0.0])
    vert_gain = torch.tensor([1.25, 1.2, 0.85, 1.1, 0.8, 0.9])
    mid = torch.randint(0, CR_MODELS, (n,), generator=gen)
    bid = torch.randint(0, CR_BOOTS, (n,), generator=gen)
    iid = torch.randint(0, CR_ICE, (n,), generator=gen)
    temp = -25 * torch.rand(n, generator=gen)
    kick = 5 + 20 * torch.rand(n, generator=gen)
    ang = 40 * torch.rand(n, generator=gen)
    sigma = s_ice[iid] * (1 + 0.035 * (-temp))
    blunt = 1 + alu[mid] * 1.5 * torch.relu(sigma - 0.6)
    area = tip[mid] * blunt
    depth = 1.2 * (kick * stiff[bid] / (sigma * area)).sqrt()
    depth = torch.minimum(depth, plen[mid]) * (1 - 0.5 * brittle[iid] * torch.sigmoid((-12 - temp) / 3))
    geom = torch.where(vertical[mid] > 0, vert_gain[iid], 2 - vert_gain[iid])
    load = sigma * depth * dual[mid] ** 0.7 * geom * torch.cos(torch.deg2rad(ang)) ** 1.5
    y = torch.log(load) + scatter * torch.randn(n, generator=gen)
    dense = torch.stack([(temp + 12.5) / 7.2, (kick - 15) / 5.8, (ang - 20) / 11.5], 1)
    return mid, bid, iid, dense, y.view(-1, 1)


class CramponNet(nn.Module):
    """Embeddings of the crampon model, the boot and the ice type, concatenated with the dense features, through a
    two-layer ReLU head to the log pull-out load."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.model = nn.Embedding(CR_MODELS, dim)
        self.boot = nn.Embedding(CR_BOOTS, dim // 2)
        self.ice = nn.Embedding(CR_ICE, dim // 2)
        self.head = nn.Sequential(nn.Linear(2 * dim + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 1))

    def forward(self, mid: torch.Tensor, bid: torch.Tensor, iid: torch.Tensor, dense: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.model(mid), self.boot(bid), self.ice(iid), dense], 1))


def crampon_grip(batch_size: int = 64, seed: int = 0, train_size: int = 4096, dim: int = 8,
                 hidden: int = 32, scatter: float = 0.2) -> dict[str, Any]:
    """The crampon net on 4096 pull-out tests, targets standardised over them; held out: 2048 other tests in
    batches of 1024; Adagrad (torch's defaults: no decay, initial accumulator 0, eps 1e-10)."""
    gen = torch.Generator().manual_seed(178103)
    *x, y = _cr_tests(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    torch.manual_seed(seed)
    return {"model": CramponNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in x) + (y[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. ice-axe self-arrest on a snow slope (Post-LN transformer, AdamW)

IA_SEGS = 8


def _ia_falls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A climber falls at the top of a slope of 8 segments (each 4-12 m long, 20-50 degrees, snow hardness 0-1
    from soft powder to hard ice, snow friction 0.05-0.25) and self-arrests with the axe. Climber mass 55-100 kg,
    reaction time 0.4-2.0 s, head- or feet-first (head-first costs 0.6 s more to turn), a classic or a technical
    (more aggressive) pick. Sliding: a = g (sin theta - mu cos theta); after the reaction the pick drags with a force
    F = 900 N p(h) (1 + 0.3 technical), p(h) = 4 h (1 - h) + 0.15 peaking in firm snow (in ice the pick skates),
    bounded below by 0; the speed never below 0. Simulated in 0.05 s steps for 12 s. Targets: log10 of the distance
    slid to the stop (the run's end where there is none) and log10 of 1 + the peak speed; 3% scatter. Returns
    (tokens (n, 9, 6): the climber token then the segments, targets (n, 2))."""
    L = 4 + 8 * torch.rand(n, IA_SEGS, generator=gen)
    th = torch.deg2rad(20 + 30 * torch.rand(n, IA_SEGS, generator=gen))
    hard = torch.rand(n, IA_SEGS, generator=gen)
    mu = 0.05 + 0.2 * torch.rand(n, IA_SEGS, generator=gen)
    mass = 55 + 45 * torch.rand(n, generator=gen)
    react = 0.4 + 1.6 * torch.rand(n, generator=gen)
    head = (torch.rand(n, generator=gen) < 0.4).float()
    tech = (torch.rand(n, generator=gen) < 0.5).float()
    edges = torch.cumsum(L, 1)
    total = edges[:, -1]
    s = torch.zeros(n)
    v = torch.zeros(n)
    vmax = torch.zeros(n)
    stopped = torch.zeros(n, dtype=torch.bool)
    delay = react + 0.6 * head
    dt = 0.05
    for i in range(240):
        t = i * dt
        seg = torch.searchsorted(edges, s.clamp_max(total - 1e-3).unsqueeze(1)).clamp_max(IA_SEGS - 1).squeeze(1)
        tt = th.gather(1, seg.view(-1, 1)).squeeze(1)
        hh = hard.gather(1, seg.view(-1, 1)).squeeze(1)
        mm = mu.gather(1, seg.view(-1, 1)).squeeze(1)
        a = 9.81 * (torch.sin(tt) - mm * torch.cos(tt))
        pick = 900 * (4 * hh * (1 - hh) + 0.15) * (1 + 0.3 * tech) / mass
        a = a - (t >= delay).float() * pick
        v_new = (v + dt * a).clamp_min(0)
        stop_now = (t >= delay) & (v_new == 0) & (a < 0)
        stopped = stopped | stop_now | (s >= total)
        v = torch.where(stopped, torch.zeros_like(v), v_new)
        s = torch.where(stopped, s, (s + dt * v).clamp_max(total))
        vmax = torch.maximum(vmax, v)
    y = torch.stack([torch.log10(s.clamp_min(0.1)), torch.log10(1 + vmax)], 1)
    y = y + 0.013 * torch.randn(n, 2, generator=gen)
    seg_tok = torch.stack([(L - 8) / 2.3, (torch.rad2deg(th) - 35) / 8.7, (hard - 0.5) / 0.29,
                           (mu - 0.15) / 0.058, torch.zeros(n, IA_SEGS), torch.zeros(n, IA_SEGS)], 2)
    cl_tok = torch.stack([(mass - 77.5) / 13, (react - 1.2) / 0.46, 2 * head - 1, 2 * tech - 1,
                          torch.ones(n), torch.ones(n)], 1).unsqueeze(1)
    return torch.cat([cl_tok, seg_tok], 1), y


class ArrestTransformer(nn.Module):
    """Tokens projected to d_model with a learned position embedding, a Post-LN ``TransformerEncoder`` (torch's
    default ``norm_first=False``), the climber token's output through a linear head."""

    def __init__(self, d_model: int = 16, layers: int = 2, heads: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(6, d_model)
        self.pos = nn.Parameter(torch.zeros(1, IA_SEGS + 1, d_model))
        layer = nn.TransformerEncoderLayer(d_model, heads, 2 * d_model, dropout=0.0, batch_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d_model, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.enc(self.inp(x) + self.pos)[:, 0])


def ice_axe_arrest(batch_size: int = 64, seed: int = 0, train_size: int = 2048, d_model: int = 16,
                   layers: int = 2) -> dict[str, Any]:
    """The arrest transformer on 2048 simulated falls, targets standardised over them; held out: 2048 other falls
    in batches of 1024; AdamW (torch's defaults: betas 0.9 / 0.999, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(178104)
    x, y = _ia_falls(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ArrestTransformer(d_model, layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. ant-farm tunnel digging forecast (LSTM, SGD with momentum; long only)

AF_DAYS, AF_AHEAD = 10, 7


def _af_colonies(n: int, gen: torch.Generator, act: float = 0.15,
                 weigh: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Formicaria (sand between two glass panes) stocked with 20-400 workers (log-uniform; the count not recorded),
    sand moisture 3-20% (set at the start, drying 2% of itself a day), daily temperature around 18-28 C with
    +-2 C swings. Daily excavation: r N (1 - V / V*)^1.5 with the target volume V* = 0.15 N cm3 (the nest grows to
    fit the colony), the per-worker rate r = 0.02 cm3 / day times a temperature optimum exp(-((T - 26) / 6)^2)
    and a moisture optimum exp(-((m - 11) / 5)^2), the day's activity lognormal (sd 0.15). The observation: the
    spoil's daily mass (1.5 g / cm3, weighing scatter 0.1 g). Targets: log cumulative volume on days 11-17.
    Returns (sequences (n, 10, 3): log1p mass, temperature, moisture, targets (n, 7))."""
    N = 20 * 20 ** torch.rand(n, generator=gen)
    m0 = 3 + 17 * torch.rand(n, generator=gen)
    tbase = 18 + 10 * torch.rand(n, generator=gen)
    vstar = 0.15 * N
    V = torch.zeros(n)
    days = AF_DAYS + AF_AHEAD
    mass, temps, moist, cum = [], [], [], []
    for d in range(days):
        T = tbase + 2 * torch.randn(n, generator=gen)
        m = m0 * 0.98**d
        rate = 0.02 * N * torch.exp(-(((T - 26) / 6) ** 2)) * torch.exp(-(((m - 11) / 5) ** 2))
        dv = rate * torch.relu(1 - V / vstar) ** 1.5 * torch.exp(act * torch.randn(n, generator=gen))
        V = V + dv
        mass.append((1.5 * dv + weigh * torch.randn(n, generator=gen)).clamp_min(0))
        temps.append(T)
        moist.append(m)
        cum.append(V)
    seq = torch.stack([torch.log1p(torch.stack(mass[:AF_DAYS], 1)), (torch.stack(temps[:AF_DAYS], 1) - 23) / 3.5,
                       (torch.stack(moist[:AF_DAYS], 1) - 10) / 5], 2)
    y = torch.log(torch.stack(cum[AF_DAYS:], 1) + 0.1)
    return seq, y


class DigLSTM(nn.Module):
    """A one-layer LSTM over the 10 days; its last hidden state through a linear head to the 7 forecasts."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.lstm = nn.LSTM(3, hidden, batch_first=True)
        self.head = nn.Linear(hidden, AF_AHEAD)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, (h, _) = self.lstm(x)
        return self.head(h[-1])


def ant_farm_digging(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 16,
                     act: float = 0.15, weigh: float = 0.1) -> dict[str, Any]:
    """The digging LSTM on 4096 formicaria, targets standardised over them; held out: 2048 other formicaria in
    batches of 1024; SGD with momentum 0.9 (no weight decay). ``act`` and ``weigh``: the day's activity scatter
    (lognormal sd) and the weighing scatter (g)."""
    gen = torch.Generator().manual_seed(178105)
    x, y = _af_colonies(train_size + 2048, gen, act, weigh)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DigLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. snow-chain braking grip (wide-and-deep embedding net, Adagrad; long only)

SC_CHAINS, SC_TYRES, SC_ROADS, SC_HASH = 40, 30, 6, 512


def _sc_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Braking tests of cars on snow chains. 40 chain products with hidden properties drawn once: the kind
    (ladder, diamond, cable, textile sock, spike-ring), link thickness, edge sharpness; 30 tyre sizes (width
    175-275 mm: contact pressure falls with width). Six roads: fresh snow, packed snow, ice, slush, wet asphalt,
    dry asphalt (base friction 0.25, 0.20, 0.08, 0.22, 0.55, 0.75, hardness 0.1, 0.5, 1, 0.05, -, -). Air
    temperature -20-+3 C, snow depth 0-15 cm, speed 20-60 km/h. mu = base (ice near 0 C loses to a water film) +
    the chain's bite into snow (pressure / hardness, saturating; more for diamond and thick links) or its edges
    scraping ice (sharpness), less on bare asphalt (the links ride on the road: -0.15 and less), a fade with speed,
    deep fresh snow piling in front (+). Target: the braking mu, scatter 0.02. Returns (chain ids, tyre ids, road
    ids, hashed cross ids (n, 2), dense (n, 3), targets (n, 1))."""
    kind = torch.randint(0, 5, (SC_CHAINS,), generator=gen)  # the catalogue first, then the tests
    link = 0.7 + 0.6 * torch.rand(SC_CHAINS, generator=gen)
    edge = torch.rand(SC_CHAINS, generator=gen)
    bite_k = torch.tensor([0.20, 0.30, 0.15, 0.10, 0.12])[kind] * link
    ice_k = torch.tensor([0.08, 0.10, 0.05, 0.03, 0.25])[kind] * (0.4 + edge)
    asph_k = torch.tensor([0.15, 0.18, 0.10, 0.05, 0.12])[kind]
    width = 175 + 100 * torch.rand(SC_TYRES, generator=gen)
    base = torch.tensor([0.25, 0.20, 0.08, 0.22, 0.55, 0.75])
    hardness = torch.tensor([0.1, 0.5, 1.0, 0.05, 1.0, 1.0])
    cid = torch.randint(0, SC_CHAINS, (n,), generator=gen)
    tid = torch.randint(0, SC_TYRES, (n,), generator=gen)
    rid = torch.randint(0, SC_ROADS, (n,), generator=gen)
    temp = -20 + 23 * torch.rand(n, generator=gen)
    depth = 15 * torch.rand(n, generator=gen)
    speed = 20 + 40 * torch.rand(n, generator=gen)
    pressure = (225 / width[tid]) ** 0.8
    film = torch.sigmoid((temp + 2) / 1.0)
    mu0 = base[rid] * torch.where(rid == 2, 1 - 0.6 * film, torch.ones(n))
    bite = bite_k[cid] * (1 - torch.exp(-2 * pressure / hardness[rid]))
    snow = (rid == 0) | (rid == 1) | (rid == 3)
    gain = torch.where(snow, bite, torch.where(rid == 2, ice_k[cid] * (1 - 0.4 * film), -asph_k[cid] * pressure))
    mu = (mu0 + gain) * (1 - 0.004 * (speed - 20)) + torch.where(rid == 0, 0.006 * depth, torch.zeros(n))
    y = mu + 0.02 * torch.randn(n, generator=gen)
    cross = torch.stack([(cid * 7919 + rid * 104729) % SC_HASH, (cid * 6007 + tid * 3) % SC_HASH], 1)
    dense = torch.stack([(temp + 8.5) / 6.6, (depth - 7.5) / 4.3, (speed - 40) / 11.5], 1)
    return cid, tid, rid, cross, dense, y.view(-1, 1)


class ChainWideDeep(nn.Module):
    """Wide: an ``EmbeddingBag`` (sum, one output) over the hashed crosses; deep: embeddings of the chain, tyre and
    road with the dense features through a two-layer ReLU MLP. The sum of both is the (standardised) mu."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.wide = nn.EmbeddingBag(SC_HASH, 1, mode="sum")
        nn.init.zeros_(self.wide.weight)  # the linear (wide) part starts at zero, as wide-and-deep code does
        self.chain = nn.Embedding(SC_CHAINS, dim)
        self.tyre = nn.Embedding(SC_TYRES, dim // 2)
        self.road = nn.Embedding(SC_ROADS, dim // 2)
        self.deep = nn.Sequential(nn.Linear(2 * dim + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 1))

    def forward(self, cid: torch.Tensor, tid: torch.Tensor, rid: torch.Tensor, cross: torch.Tensor,
                dense: torch.Tensor) -> torch.Tensor:
        deep = self.deep(torch.cat([self.chain(cid), self.tyre(tid), self.road(rid), dense], 1))
        return deep + self.wide(cross)


def snow_chain_grip(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 8,
                    hidden: int = 32) -> dict[str, Any]:
    """The wide-and-deep net on 8192 braking tests, mu standardised over them; held out: 2048 other tests in batches
    of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(178106)
    *x, y = _sc_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = tuple(t[:train_size] for t in x) + (y[:train_size],)
    torch.manual_seed(seed)
    return {"model": ChainWideDeep(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(tuple(t[train_size:] for t in x) + (y[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("dog_whistle_range_adam", dog_whistle, 300, "dog_whistle_audiogram_range_cnn1d", "adam", "finite", 64,
      seconds=1.0, start_lr=0.016),
    W("jack_box_spring_pop_rmsprop", jack_in_the_box, 300, "jack_in_the_box_coil_spring_pop_height_gru", "rmsprop",
      "finite", 64, seconds=1.2, start_lr=0.016),
    W("crampon_front_point_adagrad", crampon_grip, 300, "crampon_front_point_ice_pullout_embedding_net", "adagrad",
      "finite", 128, seconds=0.3, start_lr=0.256),
    W("ice_axe_self_arrest_adamw", ice_axe_arrest, 300, "ice_axe_self_arrest_slide_postln_transformer", "adamw",
      "finite", 32, seconds=1.0, start_lr=0.016),
)
LONG = (
    W("ant_farm_digging_momentum@long", ant_farm_digging, 3000, "ant_farm_excavation_forecast_lstm",
      "sgd_momentum0.9", "finite", 32, seconds=5.0, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("snow_chain_grip_adagrad@long", snow_chain_grip, 3000, "snow_chain_braking_mu_wide_deep_embedding", "adagrad",
      "finite", 32, seconds=3.0, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("crampon_front_point_adagrad@long", crampon_grip, 3000, "crampon_front_point_ice_pullout_embedding_net",
      "adagrad", "finite", 32, dict(train_size=8192, scatter=0.1), seconds=3.0, start_lr=0.512,
      grid_fractions=(0.0, 0.05), long_of="crampon_front_point_adagrad"),
    W("jack_box_spring_pop_rmsprop@long", jack_in_the_box, 3000, "jack_in_the_box_coil_spring_pop_height_gru",
      "rmsprop", "finite", 8, dict(train_size=8192, hidden=12, coils=8), seconds=5.0, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="jack_box_spring_pop_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam178_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-eighth exam's workloads")
