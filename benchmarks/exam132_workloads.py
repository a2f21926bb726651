"""The hundred-and-thirty-second exam: six more workload families that neither the suite nor exams 1-130 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam130_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from vegetable peelers and peel thickness, zesters and rind grating, sand timers
and grain flow, pincushions and pin retention, lint rollers and fibre pickup, and shoehorns and heel slide (exam 131
was built at the same time from other domains; its module was not opened). What was checked to make them new, and
what was tried and dropped, is in ``benchmarks/results/exam132/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants partly
invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- vegetable-peeler strokes: a GRU over the 16 steps of one stroke of a Y-peeler along a vegetable (the pressing
  force, the blade's rake angle, the surface curvature under the blade and the stroke speed at each step, with the
  vegetable (carrot, potato, cucumber, apple, parsnip; one-hot), the guard's slot gap and the blade's wear) to the
  peel thickness at each step; the blade's depth relaxes at a wear- and speed-dependent rate towards an equilibrium
  set by the slot gap, the force against the flesh's firmness, the rake angle and the sagitta of the blade on the
  curved surface, and a dull blade at a shallow angle skates on tough skin (no bite); MSE of the standardised
  thicknesses; Adamax (torch's defaults)
- zester rind grating: a causal Pre-LN transformer (one block) over the 12 strokes of a rasp zester on one citrus
  fruit (each stroke's place on the fruit, pressure and length, with the fruit (lemon, lime, orange, grapefruit;
  one-hot), its freshness and the teeth's sharpness) to each stroke's zest mass and pith fraction; each stroke bites a
  depth from the pressure, the sharpness and the fruit's softness; the flavedo left under a stroke is the fruit's
  flavedo thickness less the depth earlier strokes took there (a Gaussian overlap in angle and latitude), what the
  bite takes beyond it is bitter pith; MSE of the standardised outputs; AdamW (betas 0.9 / 0.98, weight decay 0.01)
- sand-timer clogging: a 1-D CNN over the sand's grain-size histogram (24 log-spaced sieve bins, mass fraction and
  cumulative fraction as two channels), with the neck's diameter, the humidity, the grains' angularity and the
  neck's taper, to the log mean avalanche size (grains passed between arches at the neck) and log10(1 + the expected
  clogs in one run); the arching law as remembered from silo-discharge experiments (the mean avalanche grows as
  exp(c (D / d)^2) with the neck-to-grain ratio), d a coarse-weighted diameter of the histogram, swollen by
  capillary bridges at high humidity and by angularity, c by the taper; MSE of the standardised outputs; Adam
  (torch's defaults)
- pincushion pin retention: a pre-norm residual net (LayerNorm, two blocks) from the filling (wool roving, polyester
  fibrefill, cotton batting, sawdust, emery sand, crushed walnut shell, rice; one-hot), its packing, the cover
  (felt, cotton, velvet), the pin's diameter and insertion depth, steel or stainless, the punctures the spot has had
  and the humidity to the log withdrawal force fresh and after 30 days, the log tilt of a pin under a side load and
  a rust index; grip pressure from van Wyk's fibre-compression law for fibrous fillings and a packing law for
  granular ones, loosened by punctures, relaxing with time (sawdust swelling in damp air); MSE of the standardised
  outputs; AdamW (torch's defaults: weight decay 0.01)
- lint-roller fibre pickup (a long plan only): entity embeddings of the fibre (dog hair, cat hair, human hair, cotton
  lint, wool fluff, polyester microfibre, acrylic fuzz), the fabric (wool coat, fleece, cotton T-shirt, velvet,
  polyester suit, knit jumper, denim, chenille upholstery) and the adhesive grade, with the sheet's prior coverage,
  the pressure, the rolling speed, the humidity and the fibre length, in an MLP to the logit of the fraction of
  fibres picked up after 1, 2 and 3 passes; per pass, the contact fraction from the pressure against the pile, the
  pickup from the adhesive's tack (rate-dependent, falling with humidity and the sheet's coverage) against the
  fibre's entanglement in the fabric; counting noise; MSE; Adagrad (torch's defaults)
- shoehorn heel slide (a long plan only): a grey-box net: one small MLP gives the friction coefficient between the
  horn (plastic, steel, ox horn, beech; one-hot) and the sock (bare skin, cotton, wool, nylon) from the sweat and
  the sliding speed, another the heel counter's normal force from its stiffness, the heel-to-opening interference
  and the counter's height; the statics of a heel sliding down a blade at an angle alpha to the vertical give the
  push needed (mu N / (cos alpha - mu sin alpha)) and the friction work mu N L along the blade; MSE of the two logs;
  RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the lint-roller and
shoehorn nets (no short plans), the sand-timer CNN on 32768 sands instead of 8192 (one convolution of 8 channels
instead of two of 12, a 32-unit head instead of 48) and the pincushion net on the same 4096 tests (32 units and one
residual block instead of 64 and two), each with its own batch size (32 instead of 128).

Of the eight plans, three use AdamW (zester, both pincushion plans), two Adam (both sand-timer plans), one Adamax
(peeler), one Adagrad (lint roller) and one RAdam (shoehorn).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam132_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam132/README.md).

    python benchmarks/exam132_workloads.py          # the table
    python benchmarks/exam132_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 132"


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


def _pools(x: torch.Tensor, y: torch.Tensor, n: int, batch_size: int,
           eval_batch: int = 1024) -> tuple[tuple[torch.Tensor, ...], torch.utils.data.DataLoader, list[Any]]:
    """The training pool (the first ``n`` rows), its loader and the held-out batches (the rest)."""
    tr = (x[:n], y[:n])
    return tr, loader(*tr, batch_size=batch_size), split_batches((x[n:], y[n:]), eval_batch)


# --------------------------------------------------------------------------------------------------------------
# 1. vegetable-peeler peel thickness along a stroke (Adamax)

PL_VEG = 5  # carrot, potato, cucumber, apple, parsnip
PL_STEPS = 16


def _pl_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Strokes of a Y-peeler along a vegetable, 16 steps each. The vegetable (carrot, potato, cucumber, apple,
    parsnip) with a flesh firmness (1.6, 1.0, 0.6, 0.8, 1.4), a skin toughness (0.15, 0.25, 0.35, 0.20, 0.30), a
    radius (1.3, 3.5, 2.5, 3.8, 1.8 cm, +-20%) and a taper (carrots and parsnips thin towards the tip); the guard's
    slot gap 0.6-1.2 mm; blade wear 0-1. Each stroke: a pressing force 2-10 N with a mid-stroke swell and a drift, a
    rake angle 15-40 degrees wandering by a few degrees, a speed 5-30 cm/s. The blade's equilibrium depth: the gap
    times a bite 1 - exp(-F / (3 firmness (1 + 1.5 wear))) times (sin angle / sin 25)^0.5, plus a share of the
    sagitta of a 20 mm blade on the local radius; a dull blade at a shallow angle skates on tough skin (a logistic
    gate in F sin(angle) / toughness). The depth relaxes towards it at a rate falling with wear and speed (the lag
    a user feels at the stroke's start). 0.04 mm scatter. Returns (per-step features (n, 16, 11), thickness in mm
    (n, 16))."""
    veg = torch.randint(0, PL_VEG, (n,), generator=gen)
    firm = torch.tensor([1.6, 1.0, 0.6, 0.8, 1.4])[veg].view(-1, 1)
    tough = torch.tensor([0.15, 0.25, 0.35, 0.20, 0.30])[veg].view(-1, 1)
    radius = (torch.tensor([1.3, 3.5, 2.5, 3.8, 1.8])[veg] * (0.8 + 0.4 * torch.rand(n, generator=gen))).view(-1, 1)
    taper = (torch.tensor([0.5, 0.1, 0.1, 0.15, 0.6])[veg] * torch.rand(n, generator=gen)).view(-1, 1)
    gap = 0.6 + 0.6 * torch.rand(n, 1, generator=gen)
    wear = torch.rand(n, 1, generator=gen)
    t = torch.linspace(0, 1, PL_STEPS).view(1, -1)
    f0 = 2 + 8 * torch.rand(n, 1, generator=gen)
    swell = 0.6 * torch.rand(n, 1, generator=gen)
    drift = 0.6 * (torch.rand(n, 1, generator=gen) - 0.5)
    force = f0 * (1 + swell * torch.sin(math.pi * t) + drift * (t - 0.5))
    force = force * torch.exp(0.08 * torch.randn(n, PL_STEPS, generator=gen))
    wander = torch.cumsum(1.5 * torch.randn(n, PL_STEPS, generator=gen), 1)
    angle = (15 + 25 * torch.rand(n, 1, generator=gen) + wander).clamp(8, 50)
    speed = 5 + 25 * torch.rand(n, 1, generator=gen)
    speed = speed * (1 + 0.1 * torch.randn(n, PL_STEPS, generator=gen)).clamp_min(0.5)
    r = radius * (1 - taper * t)
    sag = 400 / (8 * 10 * r)  # mm: (20 mm)^2 / (8 r), r in mm
    rad = torch.deg2rad(angle)
    bite = 1 - torch.exp(-force / (3 * firm * (1 + 1.5 * wear)))
    d_eq = gap * bite * (torch.sin(rad) / math.sin(math.radians(25))) ** 0.5 + 0.25 * sag
    gate = torch.sigmoid(4 * (force * torch.sin(rad) / (tough * (1 + 3 * wear)) / 6 - 1))
    d_eq = d_eq * gate
    k = 0.7 * (1 - 0.6 * wear) / (1 + speed / 30)
    depth = torch.zeros(n)
    out = []
    for i in range(PL_STEPS):
        depth = depth + k[:, 0] * (d_eq[:, i] - depth)
        out.append(depth)
    y = torch.stack(out, 1) + 0.04 * torch.randn(n, PL_STEPS, generator=gen)
    onehot = F.one_hot(veg, PL_VEG).float().view(n, 1, PL_VEG).expand(n, PL_STEPS, PL_VEG)
    x = torch.cat([torch.stack([(force - 7) / 3, (angle - 27.5) / 8, (1 / r - 0.5) / 0.25, (speed - 17.5) / 7.5], 2),
                   onehot, ((gap - 0.9) / 0.17).view(n, 1, 1).expand(n, PL_STEPS, 1),
                   ((wear - 0.5) / 0.29).view(n, 1, 1).expand(n, PL_STEPS, 1)], 2)
    return x, y


class PeelGRU(nn.Module):
    """A one-layer GRU over the stroke's steps, a linear read-out of the peel thickness at each step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(4 + PL_VEG + 2, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(-1)


def peel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised peel thicknesses over the stroke's steps."""
    return _mse(model, batch)


def peeler_thickness(batch_size: int = 128, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The peel GRU on 4096 strokes, thicknesses standardised (one mean and sd) over them; held out: 4096 other
    strokes in batches of 1024; Adamax (torch's defaults: betas 0.9, 0.999)."""
    gen = torch.Generator().manual_seed(132101)
    x, y = _pl_strokes(train_size + 4096, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr, data, ev = _pools(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": PeelGRU(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": peel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. zester rind grating, stroke by stroke (AdamW)

ZS_FRUITS = 4  # lemon, lime, orange, grapefruit
ZS_STROKES = 12


def _zs_fruits(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Twelve strokes of a rasp zester on one citrus fruit. The fruit (lemon, lime, orange, grapefruit) with a
    flavedo thickness (0.9, 0.6, 1.3, 1.6 mm, +-20%) and an oil-gland density (zest mass factor 1.0, 1.15, 0.85,
    0.75); its freshness 0-1 (a soft old fruit lets the teeth sink deeper); the teeth's sharpness 0-1. The user works
    around the fruit: the stroke's angle a random walk (steps of 0-1.2 rad, now and then back over a grated patch),
    its latitude in [-0.7, 0.7]; pressure 2-10 N; length 3-8 cm. Each stroke bites delta = 0.35 (p / 5)^0.7 (0.5 +
    sharpness) (1.4 - 0.5 freshness) mm; the flavedo left under it is h0 less the depth of each earlier stroke times
    exp(-(d angle^2 + d latitude^2) / 0.15); the zest taken is min(delta, left) over the stroke's area (0.6 cm wide)
    at 0.9 g/cm3 times the oil factor, the pith taken is what the bite passes beyond. 5% scatter on the mass, 0.02 on
    the pith fraction. Returns (stroke tokens (n, 12, 11), (zest mass in mg, pith fraction) (n, 12, 2))."""
    fruit = torch.randint(0, ZS_FRUITS, (n,), generator=gen)
    h0 = (torch.tensor([0.9, 0.6, 1.3, 1.6])[fruit] * (0.8 + 0.4 * torch.rand(n, generator=gen))).view(-1, 1)
    oil = torch.tensor([1.0, 1.15, 0.85, 0.75])[fruit].view(-1, 1)
    fresh = torch.rand(n, 1, generator=gen)
    sharp = torch.rand(n, 1, generator=gen)
    steps = 1.2 * torch.rand(n, ZS_STROKES, generator=gen) * torch.where(
        torch.rand(n, ZS_STROKES, generator=gen) < 0.25, -1.0, 1.0)
    theta = 2 * math.pi * torch.rand(n, 1, generator=gen) + torch.cumsum(steps, 1)
    lat = 0.7 * (2 * torch.rand(n, ZS_STROKES, generator=gen) - 1)
    press = 2 + 8 * torch.rand(n, ZS_STROKES, generator=gen)
    length = 3 + 5 * torch.rand(n, ZS_STROKES, generator=gen)
    delta = 0.35 * (press / 5) ** 0.7 * (0.5 + sharp) * (1.4 - 0.5 * fresh)
    dth = theta.unsqueeze(2) - theta.unsqueeze(1)
    dth = torch.atan2(torch.sin(dth), torch.cos(dth))
    overlap = torch.exp(-(dth**2 + (lat.unsqueeze(2) - lat.unsqueeze(1)) ** 2) / 0.15)
    earlier = torch.tril(torch.ones(ZS_STROKES, ZS_STROKES), -1)
    taken = torch.zeros(n, ZS_STROKES)
    zest = torch.zeros(n, ZS_STROKES)
    for i in range(ZS_STROKES):
        left = (h0[:, 0] - (overlap[:, i] * earlier[i] * taken).sum(1)).clamp_min(0)
        z = torch.minimum(delta[:, i], left)
        taken[:, i] = delta[:, i]
        zest[:, i] = z
    pith = delta - zest
    mass = 1000 * zest / 10 * length * 0.6 * 0.9 * oil  # mg
    frac = pith / (delta + 1e-6)
    y = torch.stack([mass * torch.exp(0.05 * torch.randn(n, ZS_STROKES, generator=gen)),
                     frac + 0.02 * torch.randn(n, ZS_STROKES, generator=gen)], 2)
    stat = torch.cat([F.one_hot(fruit, ZS_FRUITS).float(), (fresh - 0.5) / 0.29, (sharp - 0.5) / 0.29], 1)
    x = torch.cat([torch.stack([torch.cos(theta), torch.sin(theta), lat / 0.4, (press - 6) / 2.3,
                                (length - 5.5) / 1.44], 2),
                   stat.view(n, 1, -1).expand(n, ZS_STROKES, stat.shape[1])], 2)
    return x, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + attn(LN(x)), then x + MLP(LN(x)), GELU."""

    def __init__(self, d: int, heads: int, ff: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=mask, need_weights=False)[0]
        return x + self.ff(self.ln2(x))


class ZestTransformer(nn.Module):
    """A causal Pre-LN transformer over the strokes (each stroke sees itself and the strokes before it): a linear
    embedding of each stroke plus a learned position embedding, ``blocks`` blocks, a final LayerNorm and a linear
    read-out of the stroke's zest mass and pith fraction."""

    def __init__(self, d: int = 32, heads: int = 2, blocks: int = 1, ff: int = 64) -> None:
        super().__init__()
        self.embed = nn.Linear(5 + ZS_FRUITS + 2, d)
        self.pos = nn.Parameter(0.02 * torch.randn(ZS_STROKES, d))
        self.blocks = nn.ModuleList(PreLNBlock(d, heads, ff) for _ in range(blocks))
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, 2)
        self.register_buffer("mask", torch.triu(torch.full((ZS_STROKES, ZS_STROKES), float("-inf")), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.embed(x) + self.pos
        for block in self.blocks:
            h = block(h, self.mask)
        return self.head(self.ln(h))


def zest_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised zest masses and pith fractions of the strokes."""
    return _mse(model, batch)


def zester_grating(batch_size: int = 64, seed: int = 0, train_size: int = 2048, d: int = 32,
                   blocks: int = 1) -> dict[str, Any]:
    """The zest transformer on 2048 fruits, both outputs standardised over them; held out: 4096 other fruits in
    batches of 1024; AdamW with betas 0.9 / 0.98 and weight decay 0.01 (the transformer habit)."""
    gen = torch.Generator().manual_seed(132102)
    x, y = _zs_fruits(train_size + 4096, gen)
    flat = y[:train_size].reshape(-1, 2)
    y = (y - flat.mean(0)) / flat.std(0)
    tr, data, ev = _pools(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": ZestTransformer(d, 2, blocks, 2 * d), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98),
                                                                      weight_decay=0.01), "adamw_b0.98_wd1e-2"),
            "loss_fn": zest_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. sand-timer clogging from the grain-size histogram (Adam)

ST_BINS = 24
ST_EDGES = torch.logspace(math.log10(40), math.log10(1000), ST_BINS + 1)  # um
ST_MIDS = (ST_EDGES[1:] * ST_EDGES[:-1]).sqrt()


def _st_sands(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sands for a sand timer and their clogging at the neck. The sand: a lognormal by mass (median 90-350 um,
    geometric sd 1.15-1.7) with a coarse contamination (0-25% of the mass, 1.8-3.5x the median, geometric sd 1.2),
    sieved into 24 log-spaced bins 40-1000 um; the neck 4-12 times the median grain; relative humidity 10-90%;
    angularity 0 (glass beads) to 1 (crushed marble); the neck's taper 15-60 degrees from the axis. The arching
    diameter: d = (sum f d^4 / sum f d)^(1/3) (weighted towards the coarse tail), times 1 + 0.3 angularity, times 1
    + 0.6 sigmoid((RH - 60) / 8) (capillary bridges) for the finer sands; the mean avalanche size (grains between
    arches) ln s = c (D / d)^2 with c = 0.5 (1 + 0.5 cos(taper))^-1 (the exponential law as remembered from
    silo-discharge experiments, constants invented); the run's grains (30 g of quartz at the median size) over s
    give the expected clogs per run, reported as log10(1 + clogs). Scatter 0.25 decades on s. Returns ((channels (n,
    2, 24), scalars (n, 4)) packed as (n, 52), (log10 s, log10(1 + clogs)) (n, 2))."""
    d50 = 90 * (350 / 90) ** torch.rand(n, 1, generator=gen)
    gsd = 1.15 + 0.55 * torch.rand(n, 1, generator=gen)
    coarse = 0.25 * torch.rand(n, 1, generator=gen) ** 1.5
    cmed = d50 * (1.8 + 1.7 * torch.rand(n, 1, generator=gen))
    lm = ST_MIDS.log().view(1, -1)
    main = torch.exp(-0.5 * ((lm - d50.log()) / gsd.log()) ** 2)
    tail = torch.exp(-0.5 * ((lm - cmed.log()) / math.log(1.2)) ** 2)
    f = (1 - coarse) * main / main.sum(1, keepdim=True) + coarse * tail / tail.sum(1, keepdim=True)
    f = f / f.sum(1, keepdim=True)
    neck = d50 * (4 + 8 * torch.rand(n, 1, generator=gen))
    rh = 10 + 80 * torch.rand(n, 1, generator=gen)
    ang = torch.rand(n, 1, generator=gen)
    taper = 15 + 45 * torch.rand(n, 1, generator=gen)
    mids = ST_MIDS.view(1, -1)
    d = ((f * mids**4).sum(1, keepdim=True) / (f * mids).sum(1, keepdim=True)) ** (1 / 3)
    d = d * (1 + 0.3 * ang) * (1 + 0.6 * torch.sigmoid((rh - 60) / 8) * (150 / d50).clamp(max=1.5))
    c = 0.5 / (1 + 0.5 * torch.cos(torch.deg2rad(taper)))
    log10_s = c * (neck / d) ** 2 / math.log(10) + 0.25 * torch.randn(n, 1, generator=gen)
    grains = 30 / (2.65 * math.pi / 6 * (d50 * 1e-4) ** 3)
    clogs = torch.log10(1 + grains / 10**log10_s)
    y = torch.cat([log10_s, clogs], 1)
    scal = torch.cat([(neck - 2000) / 1000, (rh - 50) / 23, (ang - 0.5) / 0.29, (taper - 37.5) / 13], 1)
    x = torch.cat([f * ST_BINS, f.cumsum(1), scal], 1)
    return x, y


class SieveCNN(nn.Module):
    """A 1-D CNN over the sieve histogram (two channels: mass fraction and cumulative fraction), two GELU
    convolutions (kernel 5, same padding), flattened (the bins' positions matter) and joined with the neck and sand
    scalars in a GELU head."""

    def __init__(self, channels: int = 12, hidden: int = 48, convs: int = 2) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        for i in range(convs):
            layers += [nn.Conv1d(2 if i == 0 else channels, channels, 5, padding=2), nn.GELU()]
        self.conv = nn.Sequential(*layers)
        self.head = nn.Sequential(nn.Linear(channels * ST_BINS + 4, hidden), nn.GELU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        hist = x[:, : 2 * ST_BINS].view(-1, 2, ST_BINS)
        h = self.conv(hist).flatten(1)
        return self.head(torch.cat([h, x[:, 2 * ST_BINS :]], 1))


def clog_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log mean avalanche size and log10(1 + expected clogs)."""
    return _mse(model, batch)


def sand_timer_clogging(batch_size: int = 128, seed: int = 0, train_size: int = 8192, channels: int = 12,
                        hidden: int = 48, convs: int = 2) -> dict[str, Any]:
    """The sieve CNN on 8192 sands, targets standardised over them; held out: 4096 other sands in batches of 1024;
    Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(132103)
    x, y = _st_sands(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr, data, ev = _pools(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": SieveCNN(channels, hidden, convs), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": clog_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pincushion pin retention (AdamW)

PC_FILLS = 7  # wool roving, polyester fibrefill, cotton batting, sawdust, emery sand, walnut shell, rice
PC_COVERS = 3  # felt, cotton, velvet


def _pc_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pin tests in pincushions. The filling (wool roving, polyester fibrefill, cotton batting: fibrous; sawdust,
    emery sand, crushed walnut shell, rice: granular) with a pin friction (0.35, 0.2, 0.3, 0.5, 0.6, 0.55, 0.3), a
    packing 0-1 (fibre volume fraction 0.02-0.12 for the fibrous ones, relative density for the granular ones); the
    grip pressure by van Wyk's law for fibre assemblies, k E (phi^3 - phi0^3) (E 2.5, 3.5, 6 for wool, polyester,
    cotton; phi0 0.015), and for the granular ones a pressure rising with the square of the packing (1.2, 2.0, 1.6,
    0.9 times); the cover (felt, cotton, velvet) adds a grip 0.15, 0.05, 0.10 N and a stiffness; pin diameter
    0.5-0.9 mm, insertion 5-25 mm, steel (nickel-plated) or stainless; 0-500 earlier punctures at the spot
    (log-uniform), loosening by (1 + n / n0)^-0.35 with n0 (80, 40, 60, 200, 300, 250, 30); relative humidity
    20-90%. Withdrawal F0 = mu p pi d L + cover grip; after 30 days F30 = F0 (1 - relax (1 + RH / 100)), relax
    (0.12, 0.28, 0.18, 0.10, 0.04, 0.07, 0.12), sawdust's swelling adding grip in damp air; the tilt of a pin under a
    0.05 N side load at its head ~ 1 / ((p + cover stiffness) d L^2); rust after 30 days, a logistic of the filling's
    moisture retention (wool's lanolin and emery's polishing low, sawdust and rice high) times RH, plated steel
    only. 5% scatter, 0.03 on rust. Returns (features (n, 16), (log F0, log F30, log tilt, rust) (n, 4))."""
    fill = torch.randint(0, PC_FILLS, (n,), generator=gen)
    cover = torch.randint(0, PC_COVERS, (n,), generator=gen)
    pack = torch.rand(n, generator=gen)
    dia = 0.5 + 0.4 * torch.rand(n, generator=gen)
    depth = 5 + 20 * torch.rand(n, generator=gen)
    stainless = (torch.rand(n, generator=gen) < 0.35).float()
    punct = 500 ** torch.rand(n, generator=gen) - 1
    rh = 20 + 70 * torch.rand(n, generator=gen)
    fibrous = fill < 3
    mu = torch.tensor([0.35, 0.2, 0.3, 0.5, 0.6, 0.55, 0.3])[fill]
    e = torch.tensor([2.5, 3.5, 6.0, 1.0, 1.0, 1.0, 1.0])[fill]
    phi = 0.02 + 0.10 * pack
    p_fib = 8000 * e * (phi**3 - 0.015**3)  # kPa, k invented
    g = torch.tensor([1, 1, 1, 1.2, 2.0, 1.6, 0.9])[fill]
    p_gran = 25 * g * (0.4 + pack) ** 2
    p = torch.where(fibrous, p_fib, p_gran)
    n0 = torch.tensor([80.0, 40, 60, 200, 300, 250, 30])[fill]
    p = p * (1 + punct / n0) ** -0.35
    cgrip = torch.tensor([0.15, 0.05, 0.10])[cover]
    cstiff = torch.tensor([3.0, 1.0, 2.0])[cover]
    f0 = mu * p * 1e-3 * math.pi * dia * depth + cgrip  # kPa * mm^2 = 1e-3 N
    relax = torch.tensor([0.12, 0.28, 0.18, 0.10, 0.04, 0.07, 0.12])[fill]
    swell = torch.where(fill == 3, 0.35 * torch.relu(rh - 55) / 35, torch.zeros(n))
    f30 = f0 * (1 - relax * (1 + rh / 100) + swell)
    tilt = 0.05 * 30 / ((p + 5 * cstiff) * 1e-3 * dia * depth**2) * 60
    moist = torch.tensor([-1.5, 0.2, 0.8, 2.0, -2.0, 0.5, 1.6])[fill]
    rust = (1 - stainless) * torch.sigmoid(moist + (rh - 60) / 12)
    y = torch.stack([torch.log(f0), torch.log(f30.clamp_min(1e-3)), torch.log(tilt)], 1)
    y = torch.cat([y + 0.05 * torch.randn(n, 3, generator=gen),
                   (rust + 0.03 * torch.randn(n, generator=gen)).view(-1, 1)], 1)
    x = torch.cat([F.one_hot(fill, PC_FILLS).float(), F.one_hot(cover, PC_COVERS).float(),
                   torch.stack([(pack - 0.5) / 0.29, (dia - 0.7) / 0.115, (depth - 15) / 5.8, 2 * stainless - 1,
                                (torch.log1p(punct) - 3.1) / 1.8, (rh - 55) / 20], 1)], 1)
    return x, y


class ResBlockLN(nn.Module):
    """A pre-norm residual block: x + W2 GELU(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.ln = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, width), nn.Linear(width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.ln(x))))


class RetentionResNet(nn.Module):
    """A linear stem, two pre-norm residual blocks, a final LayerNorm and a linear head to the four outputs."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(PC_FILLS + PC_COVERS + 6, width)
        self.blocks = nn.Sequential(*(ResBlockLN(width) for _ in range(blocks)))
        self.ln = nn.LayerNorm(width)
        self.head = nn.Linear(width, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.ln(self.blocks(self.stem(x))))


def retention_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log forces, log tilt and rust index."""
    return _mse(model, batch)


def pincushion_retention(batch_size: int = 128, seed: int = 0, train_size: int = 4096,
                         width: int = 64, blocks: int = 2) -> dict[str, Any]:
    """The retention net on 4096 pin tests, targets standardised over them; held out: 4096 other tests in batches
    of 1024; AdamW (torch's defaults: betas 0.9, 0.999, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(132104)
    x, y = _pc_tests(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr, data, ev = _pools(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": RetentionResNet(width, blocks), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": retention_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. lint-roller fibre pickup (Adagrad; long only)

LR_FIBRES = 7  # dog hair, cat hair, human hair, cotton lint, wool fluff, polyester microfibre, acrylic fuzz
LR_FABRICS = 8  # wool coat, fleece, cotton T-shirt, velvet, polyester suit, knit jumper, denim, chenille
LR_GRADES = 4  # light, standard, extra sticky, pet


def _lr_rolls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lint-roller tests: a fibre kind on a fabric, rolled three passes with one sheet. Fibres: a contact area
    factor (coarse hairs touch more adhesive: 1.3, 0.9, 1.1, 0.7, 0.8, 0.5, 0.7) and an entanglement tendency
    (scales and crimp: 1.0, 0.7, 0.4, 0.5, 1.2, 0.6, 0.9); fabrics: a pile depth (0.2, 1.0, 0.1, 0.9, 0.05, 0.5,
    0.15, 0.8) and a loopiness (0.8, 1.2, 0.3, 0.5, 0.2, 1.3, 0.4, 1.1), with a fibre-fabric affinity table
    (static cling of synthetics on synthetics, wool on wool; invented). The adhesive grade's tack (0.6, 1.0, 1.4,
    1.8), rising with the rolling speed (0.1-1 m/s) as a viscoelastic adhesive's does and falling past ~0.6 m/s,
    lowered by humidity (20-90% RH) and by the sheet's prior coverage (0-0.8, growing with each pass's pickup);
    the pressure 2-20 N sets the contact fraction 1 - exp(-(P / 6)^0.6 / (0.4 + pile)); the fibre length 0-1
    (short fibres sink into the pile, long ones tangle). Per pass, pickup = contact * sigmoid(3 ln(tack area (1 -
    coverage)) - 3 ln(entanglement)); the fraction picked after k passes is 1 - prod(1 - pickup). Counting noise
    of 100 fibres. Returns ((fibre, fabric, grade, 5 scalars) (n, 8), logit fractions (n, 3))."""
    fib = torch.randint(0, LR_FIBRES, (n,), generator=gen)
    fab = torch.randint(0, LR_FABRICS, (n,), generator=gen)
    grade = torch.randint(0, LR_GRADES, (n,), generator=gen)
    cov0 = 0.8 * torch.rand(n, generator=gen) ** 1.5
    press = 2 + 18 * torch.rand(n, generator=gen)
    speed = 0.1 * 10 ** torch.rand(n, generator=gen)
    rh = 20 + 70 * torch.rand(n, generator=gen)
    length = torch.rand(n, generator=gen)
    area = torch.tensor([1.3, 0.9, 1.1, 0.7, 0.8, 0.5, 0.7])[fib]
    tangle = torch.tensor([1.0, 0.7, 0.4, 0.5, 1.2, 0.6, 0.9])[fib]
    pile = torch.tensor([0.2, 1.0, 0.1, 0.9, 0.05, 0.5, 0.15, 0.8])[fab]
    loops = torch.tensor([0.8, 1.2, 0.3, 0.5, 0.2, 1.3, 0.4, 1.1])[fab]
    affinity = torch.tensor([
        [1.4, 1.2, 0.8, 0.9, 1.0, 1.3, 0.8, 1.2],
        [1.2, 1.3, 0.9, 1.0, 1.1, 1.2, 0.9, 1.1],
        [0.9, 1.1, 0.7, 1.2, 1.3, 1.0, 0.7, 1.0],
        [1.0, 1.2, 1.1, 1.3, 0.8, 1.1, 1.2, 1.3],
        [1.6, 1.1, 0.7, 0.9, 0.8, 1.5, 0.8, 1.0],
        [0.8, 1.5, 0.9, 1.1, 1.4, 1.0, 0.6, 1.2],
        [1.0, 1.3, 0.8, 1.0, 1.2, 1.4, 0.7, 1.1]])[fib, fab]
    tack = torch.tensor([0.6, 1.0, 1.4, 1.8])[grade] * (speed / 0.3) ** 0.2 * torch.exp(-(speed / 0.8) ** 2)
    tack = tack * (1 - 0.45 * (rh - 20) / 70)
    contact = 1 - torch.exp(-(press / 6) ** 0.6 / (0.4 + pile * (1.2 - length)))
    ent = tangle * loops * affinity * (0.5 + length) + 0.05
    cov = cov0
    kept = torch.ones(n)
    out = []
    for _ in range(3):
        pick = contact * torch.sigmoid(3 * torch.log(tack * area * (1 - cov) + 1e-3) - 3 * torch.log(ent))
        kept = kept * (1 - pick)
        cov = (cov + 0.08 * pick * (1 - cov)).clamp(max=0.95)
        out.append(1 - kept)
    frac = torch.stack(out, 1)
    frac = frac + torch.sqrt(frac * (1 - frac) / 100) * torch.randn(n, 3, generator=gen)
    frac = frac.clamp(0.005, 0.995)
    y = torch.log(frac / (1 - frac))
    x = torch.stack([fib.float(), fab.float(), grade.float(), (cov0 - 0.3) / 0.25, (press - 11) / 5.2,
                     torch.log10(speed) + 0.5, (rh - 55) / 20, (length - 0.5) / 0.29], 1)
    return x, y


class PickupEmbedNet(nn.Module):
    """Entity embeddings of the fibre (4), the fabric (4) and the adhesive grade (2), joined with the five scalars
    in a ReLU MLP to the three passes' logit fractions."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.fib, self.fab = nn.Embedding(LR_FIBRES, 4), nn.Embedding(LR_FABRICS, 4)
        self.grade = nn.Embedding(LR_GRADES, 2)
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        idx = x[:, :3].long()
        h = torch.cat([self.fib(idx[:, 0]), self.fab(idx[:, 1]), self.grade(idx[:, 2]), x[:, 3:]], 1)
        return self.net(h)


def pickup_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the logit fractions picked up after 1, 2 and 3 passes."""
    return _mse(model, batch)


def lint_roller_pickup(batch_size: int = 128, seed: int = 0, train_size: int = 8192,
                       hidden: int = 32) -> dict[str, Any]:
    """The pickup net on 8192 roller tests; held out: 4096 other tests in batches of 1024; Adagrad (torch's
    defaults: no LR decay, initial accumulator 0, eps 1e-10), the embedding-table habit."""
    gen = torch.Generator().manual_seed(132105)
    x, y = _lr_rolls(train_size + 4096, gen)
    tr, data, ev = _pools(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": PickupEmbedNet(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": pickup_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. shoehorn heel slide, a grey-box net (RAdam; long only)

SH_HORNS = 4  # plastic, steel, ox horn, beech
SH_SOCKS = 4  # bare skin, cotton, wool, nylon


def _sh_donnings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Putting a shoe on with a shoehorn. Friction mu from a horn x sock table (plastic 0.45, 0.22, 0.28, 0.15;
    steel 0.35, 0.18, 0.24, 0.12; ox horn 0.40, 0.20, 0.25, 0.14; beech 0.50, 0.30, 0.35, 0.22 against bare skin,
    cotton, wool, nylon; invented), raised by sweat 0-1 (x (1 + 0.8 sweat) on bare skin, x (1 + 0.2 sweat) through
    a sock) and falling with the sliding speed 0.05-0.5 m/s (x (1 - 0.12 log10(v / 0.1))). The heel counter:
    stiffness 5-40 N/mm^1.5, the interference of a 55-75 mm heel with a 52-72 mm opening plus a 1-3 mm blade (at
    least 0.2 mm), height 35-65 mm: N = k delta^1.5 h / 50 (Hertz-like). The blade's angle to the vertical 10-35
    degrees, the heel's contact length on it 3-8 cm. Push needed W = mu N / (cos alpha - mu sin alpha), friction
    work E = mu N L. 12% scatter on each. Returns (features (n, 15): horn and sock one-hot, sweat, log speed,
    stiffness, interference, height, angle (rad), length (m); (log W, log E) (n, 2))."""
    horn = torch.randint(0, SH_HORNS, (n,), generator=gen)
    sock = torch.randint(0, SH_SOCKS, (n,), generator=gen)
    table = torch.tensor([[0.45, 0.22, 0.28, 0.15], [0.35, 0.18, 0.24, 0.12], [0.40, 0.20, 0.25, 0.14],
                          [0.50, 0.30, 0.35, 0.22]])
    sweat = torch.rand(n, generator=gen)
    speed = 0.05 * 10 ** torch.rand(n, generator=gen)
    mu = table[horn, sock] * torch.where(sock == 0, 1 + 0.8 * sweat, 1 + 0.2 * sweat)
    mu = mu * (1 - 0.12 * torch.log10(speed / 0.1))
    stiff = 5 + 35 * torch.rand(n, generator=gen)
    heel = 55 + 20 * torch.rand(n, generator=gen)
    opening = 52 + 20 * torch.rand(n, generator=gen)
    blade = 1 + 2 * torch.rand(n, generator=gen)
    inter = (heel - opening + blade).clamp_min(0.2)
    height = 35 + 30 * torch.rand(n, generator=gen)
    normal = stiff * inter**1.5 * height / 50
    alpha = torch.deg2rad(10 + 25 * torch.rand(n, generator=gen))
    length = 0.03 + 0.05 * torch.rand(n, generator=gen)
    push = mu * normal / (torch.cos(alpha) - mu * torch.sin(alpha))
    work = mu * normal * length
    y = torch.stack([torch.log(push), torch.log(work)], 1) + 0.12 * torch.randn(n, 2, generator=gen)
    x = torch.cat([F.one_hot(horn, SH_HORNS).float(), F.one_hot(sock, SH_SOCKS).float(),
                   torch.stack([(sweat - 0.5) / 0.29, torch.log10(speed / 0.1) / 0.29 - 0.5, (stiff - 22.5) / 10,
                                (inter - 5) / 4, (height - 50) / 8.7, alpha, length], 1)], 1)
    return x, y


class HeelSlideGreyBox(nn.Module):
    """A grey-box net: ``mu_net`` (horn and sock one-hot, sweat, log speed) gives the friction coefficient (a sigmoid
    scaled to 0.02-1.0), ``normal_net`` (stiffness, interference, height) the counter's normal force (exp of its
    output, in N, around 50); the statics give the log push mu N / (cos alpha - mu sin alpha) (the denominator
    kept above 0.05) and the log friction work mu N L."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.mu_net = nn.Sequential(nn.Linear(SH_HORNS + SH_SOCKS + 2, hidden), nn.Tanh(), nn.Linear(hidden, 1))
        self.normal_net = nn.Sequential(nn.Linear(3, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        mu = 0.02 + 0.98 * torch.sigmoid(self.mu_net(x[:, :10]).squeeze(-1))
        log_n = self.normal_net(x[:, 10:13]).squeeze(-1) + math.log(50)
        alpha, length = x[:, 13], x[:, 14]
        denom = (torch.cos(alpha) - mu * torch.sin(alpha)).clamp_min(0.05)
        log_mu_n = torch.log(mu) + log_n
        return torch.stack([log_mu_n - torch.log(denom), log_mu_n + torch.log(length)], 1)


def heel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log push (N) and the log friction work (J)."""
    return _mse(model, batch)


def shoehorn_heel_slide(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                        hidden: int = 32) -> dict[str, Any]:
    """The grey-box heel-slide net on 8192 donnings; held out: 4096 other donnings in batches of 1024; RAdam
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(132106)
    x, y = _sh_donnings(train_size + 4096, gen)
    tr, data, ev = _pools(x, y, train_size, batch_size)
    torch.manual_seed(seed)
    return {"model": HeelSlideGreyBox(hidden), "data": data, "eval_data": ev,
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": heel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("peeler_thickness_adamax", peeler_thickness, 300, "vegetable_peeler_stroke_peel_thickness_gru", "adamax",
      "finite", 128, seconds=1.4, start_lr=0.256),
    W("zester_grating_adamw", zester_grating, 300, "citrus_zester_stroke_zest_pith_preln_transformer",
      "adamw_b0.98_wd1e-2", "finite", 64, seconds=1.3, start_lr=0.016),
    W("sand_timer_clogging_adam", sand_timer_clogging, 300, "sand_timer_neck_arching_clog_sieve_cnn1d", "adam",
      "finite", 128, seconds=0.8, start_lr=0.032),
    W("pincushion_retention_adamw", pincushion_retention, 300, "pincushion_filling_pin_retention_resnet_ln", "adamw",
      "finite", 128, seconds=0.5, start_lr=0.016),
)
LONG = (
    W("lint_roller_pickup_adagrad@long", lint_roller_pickup, 3000, "lint_roller_fibre_pickup_passes_embedding_mlp",
      "adagrad", "finite", 128, seconds=2.6, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("shoehorn_heel_slide_radam@long", shoehorn_heel_slide, 3000, "shoehorn_heel_slide_friction_statics_greybox",
      "radam", "finite", 32, seconds=2.8, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("sand_timer_clogging_adam@long", sand_timer_clogging, 3000, "sand_timer_neck_arching_clog_sieve_cnn1d", "adam",
      "finite", 32, dict(train_size=32768, channels=8, hidden=32, convs=1), seconds=3.0, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="sand_timer_clogging_adam"),
    W("pincushion_retention_adamw@long", pincushion_retention, 3000, "pincushion_filling_pin_retention_resnet_ln",
      "adamw", "finite", 32, dict(width=32, blocks=1), seconds=2.7, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="pincushion_retention_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam132_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-second exam's workloads")
