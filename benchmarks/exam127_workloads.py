"""The hundred-and-twenty-seventh exam: six more workload families that neither the suite nor exams 1-126 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam126_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from butter knives and spread thickness, kitchen tongs and grip slip, doorstops
and wedge friction, bookends and shelf tipping, trivets and heat transfer, and lampshades and light diffusion (exam
128 was built at the same time from other domains; its module was not opened). What was checked to make them new,
and what was tried and dropped, is in ``benchmarks/results/exam127/README.md``. Models, laws and optimiser settings
are written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- butter spread with a knife: an embedding net (learned embeddings of the butter, the knife and the bread, with the
  numeric conditions, into a SiLU MLP) from the butter's kind and temperature, the knife, the bread, the blade
  angle, the pressing force, the stroke speed, the butter taken and the number of strokes to the log thickness of
  the spread at 8 points along the slice and the share of the crumb torn; a Bingham (yield-stress) layer left under
  the blade, the butter running out along the stroke, later strokes evening the layer out, tearing when the
  yield stress drags harder than the crumb holds; MSE of the standardised outputs; Adam (torch's defaults)
- kitchen-tong grip slip margins: a residual net with LayerNorm (pre-norm residual blocks) from a tong grip (the
  tongs' kind: scalloped stainless, silicone-tipped, nylon, bamboo, locking stainless; their length; the hand's
  squeeze and where along the arms; the food: steak, asparagus bundle, corn cob, tofu block, chicken drumstick, ice
  cube, spaghetti nest; oiliness, the grip's offset from the centre of mass, the lift's acceleration and the tilt)
  to the log safety factors against the food sliding out, twisting out and being crushed; a lever law for the tip
  force less the spring's opening force, Coulomb friction against the weight and the inertia, a friction torque
  against the offset weight's moment, a crushing pressure against the food's strength; MSE of the standardised logs;
  AdamW (torch's defaults: weight decay 1e-2)
- doorstop creep under a door's pushes: a causal temporal convolutional net (two dilated Conv1d layers, the
  slide of each step summed along the record) reads 32 half-second steps of the door's push on a wedge doorstop
  (a closer's steady push, draught gusts, bumps) with the wedge's material, angle and mass and the floor, and gives
  the wedge's cumulative slide (log1p mm) at every step; the wedge law for the clamping force (the push's share
  pressed into the floor, (1 - mu_d tan a) / (tan a + mu_d)), static and kinetic Coulomb friction with the floor
  (stick-slip), a viscoelastic creep of rubber below the slip threshold; MSE; Adam (torch's defaults)
- bookends and shelf tipping: a small Pre-LN transformer encoder (one hand-written Pre-LN block, two heads)
  reads a row of 3-8 books (thickness, height, mass, lean, one token each, padded and masked) and a bookend token
  (its mass, base depth, height, plate length, friction, the gap at the row's end) and gives the bookend's log
  safety factors against sliding and against tipping; the leaning books' horizontal thrust summed along the row,
  Coulomb sliding of the bookend (the first book's weight on its plate helping), its tipping about the front edge of
  the base; MSE of the standardised logs; AdamW (betas 0.9 / 0.98, weight decay 0.1: the usual small-transformer
  recipe, from memory)
- trivet heat transfer (a long plan only): a grey-box net: an MLP from the pot (its contents' mass, start
  temperature), the trivet (cork, silicone, cast iron, wood, ceramic tile, wire rack; one-hot; thickness) and the
  table top (pine, oak, glass, laminate, marble; one-hot) gives a gain and two time constants of a lumped
  two-time-constant response, G (T_0 - 20) (exp(-t / tau_slow) - exp(-t / tau_fast)), the table surface's rise at 8
  times over an hour; the data from a four-node model (pot, trivet, table surface and the layer below it, conducting
  into the table's depth) with radiation across the trivet's gaps; MSE of log1p(rise / 5 C); RAdam (torch's defaults)
- lampshade light diffusion (a long plan only): a plain ReLU MLP from the bulb (A19 LED, filament, LED globe,
  reflector; one-hot; its output), the shade (a frustum's bottom and top radii and height, the bulb's height in it)
  and the fabric (transmittance, darkness) to the log luminous intensity at 32 polar angles with the shade on; the
  direct light through the openings, the light transmitted diffusely by the fabric (a Lambertian drum spread over
  angles), the inside's reflections leaving by the openings; MSE of the standardised logs; SGD with Nesterov
  momentum 0.9 and weight decay 5e-4 (a common recipe, from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the trivet and lampshade
nets (no short plans), the butter net on 16384 spreads instead of 8192 (32 units a layer instead of 64) and the tong
net on 16384 grips instead of 8192 (one residual block instead of two), both with their own batch sizes.

Of the eight plans, three use Adam (butter, butter@long, doorstop), three AdamW (tongs, tongs@long with torch's
defaults; bookends with betas 0.9 / 0.98 and weight decay 0.1), one RAdam (trivet) and one SGD with Nesterov momentum
(lampshade).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam127_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam127/README.md).

    python benchmarks/exam127_workloads.py          # the table
    python benchmarks/exam127_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 127"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _u(n: int, gen: torch.Generator, lo: float, hi: float) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(n, generator=gen)


# --------------------------------------------------------------------------------------------------------------
# 1. butter spread thickness along a slice (an embedding net; Adam)

BK_BUTTERS, BK_KNIVES, BK_BREADS, BK_POINTS = 5, 4, 5, 8


def _bk_spreads(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Spreading butter on a slice with a knife. Butter: unsalted block, salted block, spreadable (blended with
    oil), whipped, cultured high-fat (yield stress at 4 C 9, 10, 2.5, 3, 12 kPa, falling exp(-b (T - 4)) with b
    0.11, 0.11, 0.05, 0.08, 0.12 per C); temperature 4-24 C. Knife: table knife, wide butter spreader, serrated,
    offset spatula (blade width 18, 28, 16, 30 mm; stiffness factors 1.0, 0.8, 1.1, 0.6). Bread: soft white,
    sourdough, rye, toast, crumpet (crumb strength 1.5, 4, 3, 9, 1 kPa; roughness 0.3, 0.7, 0.5, 0.6, 1.0).
    Blade angle 10-45 degrees, pressing force 1-8 N, stroke speed 0.05-0.3 m/s, butter taken 4-14 g, strokes 1-8.
    A Bingham layer is left under the blade: h = c tau_y^0.5 sin(angle)^0.5 / (F / w)^0.5 (1 + speed term), the
    roughness holding a base film; the butter runs out along the 10 cm stroke (the layer falls off where the volume
    taken is spent); each further stroke moves the layer toward its mean; the crumb tears where the yield stress
    drags harder than the crumb holds (a sigmoid in the log ratio), tearing taking butter with it. 4% scatter on
    the thicknesses, 0.03 on the torn share. Returns (categorical (n, 3), numeric (n, 6), outputs (n, 9): the log
    thickness (mm) at 8 points along the stroke, the torn share)."""
    butter = torch.randint(0, BK_BUTTERS, (n,), generator=gen)
    knife = torch.randint(0, BK_KNIVES, (n,), generator=gen)
    bread = torch.randint(0, BK_BREADS, (n,), generator=gen)
    temp = _u(n, gen, 4, 24)
    angle = _u(n, gen, 10, 45)
    force = 1 * 8 ** torch.rand(n, generator=gen)
    speed = _u(n, gen, 0.05, 0.3)
    grams = _u(n, gen, 4, 14)
    strokes = torch.randint(1, 9, (n,), generator=gen).float()
    tau0 = torch.tensor([9.0, 10.0, 2.5, 3.0, 12.0])[butter]
    b = torch.tensor([0.11, 0.11, 0.05, 0.08, 0.12])[butter]
    tau = tau0 * torch.exp(-b * (temp - 4))  # kPa
    width = torch.tensor([18.0, 28.0, 16.0, 30.0])[knife]
    stiff = torch.tensor([1.0, 0.8, 1.1, 0.6])[knife]
    crumb = torch.tensor([1.5, 4.0, 3.0, 9.0, 1.0])[bread]
    rough = torch.tensor([0.3, 0.7, 0.5, 0.6, 1.0])[bread]
    sin_a = torch.sin(torch.deg2rad(angle))
    h = 0.35 * tau.sqrt() * sin_a.sqrt() / (force * stiff / (width / 20)).sqrt() * (1 + 0.8 * speed)
    h = h + 0.04 * rough  # mm
    vol = grams / 0.91 * 1000 / (width * 100)  # mm of layer over the stroke's width and 10 cm, if all spread
    x = (torch.arange(BK_POINTS).float() + 0.5) / BK_POINTS
    reach = (vol / h).clamp(max=20).view(-1, 1)  # stroke fraction the butter lasts at thickness h
    layer = h.view(-1, 1) * torch.sigmoid(6 * (reach - x.view(1, -1)) / (0.3 + 0.1 * reach))
    mix = 1 - 0.7 ** (strokes - 1)
    layer = layer + mix.view(-1, 1) * (layer.mean(1, keepdim=True) - layer) * 0.8
    drag = tau * (1 + 2 * speed) * force.sqrt() / (sin_a + 0.3) / (6 * crumb)
    torn = torch.sigmoid(3 * torch.log(drag)) * (1 - 0.5 * mix * (tau < 3).float())
    layer = layer * (1 - 0.5 * torn.view(-1, 1))
    layer = layer * torch.exp(0.04 * torch.randn(n, BK_POINTS, generator=gen))
    torn = (torn + 0.03 * torch.randn(n, generator=gen)).clamp(0, 1)
    y = torch.cat([torch.log(layer + 0.01), 3 * torn.view(-1, 1)], 1)
    cat = torch.stack([butter, knife, bread], 1)
    num = torch.stack([(temp - 14) / 5.8, (angle - 27.5) / 10.1, (torch.log(force) - 1.04) / 0.6,
                       (speed - 0.175) / 0.072, (grams - 9) / 2.9, (strokes - 4.5) / 2.3], 1)
    return cat, num, y


class SpreadNet(nn.Module):
    """Learned embeddings of the butter, the knife and the bread, concatenated with the numeric conditions, into a
    SiLU MLP to the 8 log thicknesses and the torn share."""

    def __init__(self, hidden: int = 64, emb: int = 4) -> None:
        super().__init__()
        self.butter = nn.Embedding(BK_BUTTERS, emb)
        self.knife = nn.Embedding(BK_KNIVES, emb)
        self.bread = nn.Embedding(BK_BREADS, emb)
        self.net = nn.Sequential(nn.Linear(3 * emb + 6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, BK_POINTS + 1))

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        z = torch.cat([self.butter(cat[:, 0]), self.knife(cat[:, 1]), self.bread(cat[:, 2]), num], 1)
        return self.net(z)


def spread_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log thicknesses and torn share."""
    return _mse(model, batch)


def butter_spread(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The spread net on 8192 spreads, targets standardised over them; held out: 2048 other spreads in batches of
    1024; Adam (torch's defaults: betas 0.9 / 0.999, eps 1e-8, no weight decay)."""
    gen = torch.Generator().manual_seed(127101)
    cat, num, y = _bk_spreads(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpreadNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": spread_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. kitchen-tong grip slip margins (a residual net with LayerNorm; AdamW)

TG_TONGS, TG_FOODS, TG_MARGINS = 5, 7, 3  # log safety factors against sliding out, twisting out, crushing


def _tg_grips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tong grips. Tongs: scalloped stainless, silicone-tipped, nylon, bamboo, locking stainless (tip friction
    factors 0.9, 1.4, 0.8, 1.0, 0.9; tip contact areas 0.6, 1.2, 0.8, 1.0, 0.6 cm2; spring opening force 4, 3, 3, 2,
    6 N); length 23-40 cm; the hand's squeeze 5-80 N (log-uniform) at 0.35-0.8 of the length from the hinge. Food:
    steak, asparagus bundle, corn cob, tofu block, chicken drumstick, ice cube, spaghetti nest (mass 250, 120, 300,
    200, 110, 15, 150 g; friction 0.5, 0.35, 0.4, 0.3, 0.45, 0.08, 0.25; crushing strength 60, 25, 200, 8, 80, 500,
    15 N/cm2; half-length 6, 9, 10, 4, 5, 1.5, 4 cm); oiliness 0-1 (friction down to 40%), the grip's offset from
    the centre of mass 0.05-1 of the half-length, the lift's acceleration 0-1.5 g, the tilt 0-70 degrees. Tip force
    N = F_hand x / L - spring; the log safety factors: against sliding out, the friction capacity 2 mu N over
    m (g + a); against twisting out, a friction torque mu N r_tip x 2.5 over the moment m g offset cos(tilt)
    (1 + a / 2g); against crushing, the strength x the tip area over N. Each log with 0.3 scatter (test to test).
    Returns (features (n, 20), log safety factors (n, 3))."""
    tong = torch.randint(0, TG_TONGS, (n,), generator=gen)
    food = torch.randint(0, TG_FOODS, (n,), generator=gen)
    length = _u(n, gen, 23, 40)
    squeeze = 5 * 16 ** torch.rand(n, generator=gen)
    pos = _u(n, gen, 0.35, 0.8)
    oil = torch.rand(n, generator=gen)
    offset = _u(n, gen, 0.05, 1)
    acc = _u(n, gen, 0, 1.5)
    tilt = _u(n, gen, 0, 70)
    fmu = torch.tensor([0.9, 1.4, 0.8, 1.0, 0.9])[tong]
    area = torch.tensor([0.6, 1.2, 0.8, 1.0, 0.6])[tong]
    spring = torch.tensor([4.0, 3.0, 3.0, 2.0, 6.0])[tong] * (length / 30) ** -0.5
    mass = torch.tensor([0.25, 0.12, 0.30, 0.20, 0.11, 0.015, 0.15])[food]
    mu0 = torch.tensor([0.5, 0.35, 0.4, 0.3, 0.45, 0.08, 0.25])[food]
    strength = torch.tensor([60.0, 25.0, 200.0, 8.0, 80.0, 500.0, 15.0])[food]
    half = torch.tensor([6.0, 9.0, 10.0, 4.0, 5.0, 1.5, 4.0])[food]
    mu = (mu0 * fmu * (1 - 0.6 * oil)).clamp(max=1.2)
    tip = (squeeze * pos - spring).clamp_min(0.05)
    weight = mass * 9.81
    slide = torch.log(2 * mu * tip / (weight * (1 + acc)))
    moment = weight * offset * half / 100 * torch.cos(torch.deg2rad(tilt)) * (1 + 0.5 * acc)
    twist = torch.log(mu * tip * torch.sqrt(area / math.pi) / 100 * 2.5 / moment)
    crush = torch.log(strength * area / tip)
    y = torch.stack([slide, twist, crush], 1) + 0.3 * torch.randn(n, 3, generator=gen)
    x = torch.cat([torch.stack([(length - 31.5) / 4.9, (torch.log10(squeeze) - 1.3) / 0.35, (pos - 0.575) / 0.13,
                                (oil - 0.5) / 0.29, (offset - 0.525) / 0.27, (acc - 0.75) / 0.43,
                                (tilt - 35) / 20.2, torch.log10(mass) + 1], 1),
                   F.one_hot(tong, TG_TONGS).float(), F.one_hot(food, TG_FOODS).float()], 1)
    return x, y


class ResBlock(nn.Module):
    """A pre-norm residual block: x + W2 GELU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class GripNet(nn.Module):
    """A residual net with LayerNorm: a stem, pre-norm residual blocks (two by default), a final LayerNorm and a head
    to the three standardised log safety factors."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(20, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, TG_MARGINS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.stem(x))))


def grip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log safety factors."""
    return _mse(model, batch)


def tong_grip(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32,
              blocks: int = 2) -> dict[str, Any]:
    """The grip net on 8192 grips, targets standardised over them; held out: 2048 other grips in batches of 1024;
    AdamW (torch's defaults: betas 0.9 / 0.999, weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(127102)
    x, y = _tg_grips(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GripNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": grip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. doorstop wedge creep under a door's pushes (a temporal convolutional net; Adam)

DS_STEPS, DS_WEDGES, DS_FLOORS = 32, 4, 4


def _ds_pushes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A wedge doorstop holding a door open, 32 steps of 0.5 s. Wedge: rubber, wood, silicone, foam-backed plastic
    (door-side friction 0.8, 0.4, 0.9, 0.5; floor friction factor 1.0, 0.55, 1.1, 0.8; creep 1.0, 0.05, 0.6, 0.3);
    angle 8-20 degrees; mass 0.05-0.4 kg. Floor: tile, hardwood, carpet, laminate (friction with rubber 0.7, 0.6,
    0.9, 0.5; kinetic 75%). The push: a closer's steady 5-35 N, draught gusts (an AR(1) of sd 0-40% of it), 0-2
    bumps of 30-120 N lasting 1-2 steps. The wedge law: the clamping force on the floor m g + P (1 - mu_d tan a) /
    (tan a + mu_d) x 2 (the door's edge bearing down); it sticks until the push passes mu_s N, then slides
    (stick-slip: mu_k until the push falls below mu_k N) by 0.01 mm/N x (P - mu_k N) a step; below the threshold
    rubber-like wedges creep by 0.02 mm x creep x (P / (mu_s N))^3 a step (twice that on carpet). 25% scatter on
    the slide (the whole record). Returns (inputs (n, 32, 10): the push / 50 N and 9 static features, repeated;
    log1p of the cumulative slide in mm at each step (n, 32))."""
    wedge = torch.randint(0, DS_WEDGES, (n,), generator=gen)
    floor = torch.randint(0, DS_FLOORS, (n,), generator=gen)
    angle = _u(n, gen, 8, 20)
    mass = _u(n, gen, 0.05, 0.4)
    closer = _u(n, gen, 5, 35)
    gust_sd = _u(n, gen, 0, 0.4)
    mu_d = torch.tensor([0.8, 0.4, 0.9, 0.5])[wedge]
    mu_s = torch.tensor([1.0, 0.55, 1.1, 0.8])[wedge] * torch.tensor([0.7, 0.6, 0.9, 0.5])[floor]
    mu_k = 0.75 * mu_s
    creep = torch.tensor([1.0, 0.05, 0.6, 0.3])[wedge] * torch.tensor([1.0, 1.0, 2.0, 1.0])[floor]
    ta = torch.tan(torch.deg2rad(angle))
    clamp = (1 - mu_d * ta) / (ta + mu_d) * 2.0
    push = torch.zeros(n, DS_STEPS)
    g = torch.zeros(n)
    for t in range(DS_STEPS):
        g = 0.7 * g + gust_sd * torch.randn(n, generator=gen)
        push[:, t] = closer * (1 + g).clamp_min(0.1)
    for _ in range(2):
        has = torch.rand(n, generator=gen) < 0.6
        at = torch.randint(0, DS_STEPS - 1, (n,), generator=gen)
        size = _u(n, gen, 30, 120) * has
        push[torch.arange(n), at] += size
        push[torch.arange(n), at + 1] += size * (torch.rand(n, generator=gen) < 0.5)
    slipping = torch.zeros(n, dtype=torch.bool)
    slide = torch.zeros(n)
    out = torch.zeros(n, DS_STEPS)
    for t in range(DS_STEPS):
        p = push[:, t]
        normal = mass * 9.81 + p * clamp
        thresh = torch.where(slipping, mu_k * normal, mu_s * normal)
        moving = p > thresh
        slide = slide + torch.where(moving, (p - mu_k * normal) * 0.01,
                                    0.02 * creep * (p / (mu_s * normal)).clamp(max=1) ** 3)
        slipping = moving
        out[:, t] = slide
    out = out * torch.exp(0.25 * torch.randn(n, 1, generator=gen))
    static = torch.cat([F.one_hot(wedge, DS_WEDGES).float(), F.one_hot(floor, DS_FLOORS).float()[:, :3],
                        torch.stack([(angle - 14) / 3.5, (mass - 0.225) / 0.1], 1)], 1)
    x = torch.cat([(push / 50).unsqueeze(2), static.unsqueeze(1).expand(n, DS_STEPS, 9)], 2)
    return x, torch.log1p(out)


class CausalConv(nn.Module):
    """A causal dilated Conv1d (left padding only) with a GELU and a residual connection where the widths match."""

    def __init__(self, c_in: int, c_out: int, dilation: int) -> None:
        super().__init__()
        self.pad = 2 * dilation
        self.conv = nn.Conv1d(c_in, c_out, 3, dilation=dilation)
        self.residual = c_in == c_out

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.gelu(self.conv(F.pad(x, (self.pad, 0))))
        return x + h if self.residual else h


class CreepTCN(nn.Module):
    """A small temporal convolutional net: two causal dilated convolutions (dilation 1 and 3: a receptive field
    of 9 steps) over the pushes and the wedge and floor features, a 1x1 conv to the slide in each step (0.1 x a
    softplus, mm), summed along the record (``cumsum``) to the cumulative slide, out as log1p(mm)."""

    def __init__(self, width: int = 24) -> None:
        super().__init__()
        self.convs = nn.Sequential(CausalConv(10, width, 1), CausalConv(width, width, 3))
        self.out = nn.Conv1d(width, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        step = 0.1 * F.softplus(self.out(self.convs(x.transpose(1, 2))).squeeze(1))  # mm
        return torch.log1p(step.cumsum(1))


def creep_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log1p(slide, mm) over the 32 steps."""
    return _mse(model, batch)


def doorstop_creep(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 24) -> dict[str, Any]:
    """The creep TCN on 4096 push records; held out: 2048 other records in batches of 1024; Adam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(127103)
    x, y = _ds_pushes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CreepTCN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": creep_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. bookends and shelf tipping (a small Pre-LN transformer; AdamW)

BE_MAX_BOOKS, BE_MARGINS = 8, 2  # log safety factors of the bookend against sliding and against tipping


def _be_rows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """A row of 3-8 books on a shelf held by one bookend. Books: thickness 1-6 cm, height 15-32 cm, mass from the
    volume (0.65 g/cm3 x a 14-22 cm depth), and the lean each settles to (up to 25 degrees x the row's looseness,
    the gap left at the row's far end over 8 cm; less for books further from the bookend). Each leaning book pushes
    along the row with its weight x tan(lean) / 2, the thrust summed over the row (at least 0.05 N). The bookend:
    mass 0.1-1.5 kg, base depth 8-16 cm, height 10-22 cm, a plate of 0-12 cm under the first book (its weight on the
    plate; a heavy decorative bookend has none), friction with the shelf 0.2-0.7 (felt to rubber). Against sliding:
    mu (M + m_1 plate share) g over the thrust; against tipping about the base's front edge: (M g depth / 2 + m_1 g
    plate / 2) over the thrust's moment at 0.35 of the tallest leaning book's height (at least 0.3 of the
    bookend's). Each log safety factor with 0.15 scatter. Returns (book tokens (n, 8, 4), padding mask (n, 8),
    bookend and gap (n, 6), log safety factors (n, 2))."""
    count = torch.randint(3, BE_MAX_BOOKS + 1, (n,), generator=gen)
    pad = torch.arange(BE_MAX_BOOKS).view(1, -1) >= count.view(-1, 1)
    thick = _u(n * BE_MAX_BOOKS, gen, 1, 6).view(n, -1)
    height = _u(n * BE_MAX_BOOKS, gen, 15, 32).view(n, -1)
    depth = _u(n * BE_MAX_BOOKS, gen, 14, 22).view(n, -1)
    mass = 0.65 * thick * height * depth / 1000  # kg
    gap = _u(n, gen, 0, 8)
    lean = (25 * (gap / 8).view(-1, 1) * torch.rand(n, BE_MAX_BOOKS, generator=gen) ** 0.7)
    lean = lean * (1 - torch.arange(BE_MAX_BOOKS).view(1, -1) / (count.view(-1, 1) + 2))
    valid = (~pad).float()
    be_mass = 0.1 * 15 ** torch.rand(n, generator=gen)
    be_depth = _u(n, gen, 8, 16)
    be_height = _u(n, gen, 10, 22)
    plate = _u(n, gen, 0, 12) * (torch.rand(n, generator=gen) < 0.75)
    mu = _u(n, gen, 0.2, 0.7)
    g = 9.81
    thrust = (mass * g * torch.tan(torch.deg2rad(lean)) / 2 * valid).sum(1).clamp_min(0.05)
    lever = 0.35 * (height * (lean > 3).float() * valid).amax(1).clamp_min(0.3 * be_height) / 100
    m1 = mass[:, 0] * (plate / thick[:, 0]).clamp(max=1)
    slide = torch.log(mu * (be_mass + m1) * g / thrust)
    tip = torch.log((be_mass * g * be_depth / 200 + m1 * g * plate / 200) / (thrust * lever))
    y = torch.stack([slide, tip], 1) + 0.15 * torch.randn(n, 2, generator=gen)
    books = torch.stack([(thick - 3.5) / 1.44, (height - 23.5) / 4.9, (mass - 0.8) / 0.6, (lean - 8) / 7], 2)
    books = books * valid.unsqueeze(2)
    end = torch.stack([torch.log10(be_mass / 0.39) / 0.34, (be_depth - 12) / 2.3, (be_height - 16) / 3.5,
                       (plate - 4.5) / 4.4, (mu - 0.45) / 0.14, (gap - 4) / 2.3], 1)
    return books, pad, end, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block as a user writes it (nanoGPT-style): x + attn(LN(x)), then x + MLP(LN(x)), the
    attention by ``F.scaled_dot_product_attention`` with the padding masked."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.fc1, self.fc2 = nn.Linear(d, 2 * d), nn.Linear(2 * d, d)

    def forward(self, z: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
        b, t, d = z.shape
        q, k, v = self.qkv(self.ln1(z)).view(b, t, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=keep.view(b, 1, 1, t))
        z = z + self.proj(a.transpose(1, 2).reshape(b, t, d))
        return z + self.fc2(F.gelu(self.fc1(self.ln2(z))))


class RowTransformer(nn.Module):
    """A small Pre-LN transformer encoder: the books as tokens (a linear embedding of each book plus a learned
    position), the bookend as a first token, one Pre-LN block with the padding masked, the bookend token's output
    (after a final LayerNorm) to the two standardised log safety factors."""

    def __init__(self, d: int = 16, heads: int = 2) -> None:
        super().__init__()
        self.book = nn.Linear(4, d)
        self.end = nn.Linear(6, d)
        self.pos = nn.Parameter(torch.zeros(1, BE_MAX_BOOKS + 1, d))
        self.block = PreLNBlock(d, heads)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, BE_MARGINS)

    def forward(self, books: torch.Tensor, pad: torch.Tensor, end: torch.Tensor) -> torch.Tensor:
        z = torch.cat([self.end(end).unsqueeze(1), self.book(books)], 1) + self.pos
        keep = torch.cat([torch.ones_like(pad[:, :1]), ~pad], 1)
        return self.head(self.norm(self.block(z, keep)[:, 0]))


def row_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log safety factors."""
    return _mse(model, batch)


def bookend_row(batch_size: int = 32, seed: int = 0, train_size: int = 8192, d: int = 16) -> dict[str, Any]:
    """The row transformer on 8192 rows, targets standardised over them; held out: 2048 other rows in batches of
    1024; AdamW with betas 0.9 / 0.98 and weight decay 0.1 (eps 1e-8 as torch's default)."""
    gen = torch.Generator().manual_seed(127104)
    books, pad, end, y = _be_rows(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (books[:train_size], pad[:train_size], end[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RowTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((books[train_size:], pad[train_size:], end[train_size:], y[train_size:]),
                                       1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98),
                                                                     weight_decay=0.1), "adamw_b0.98_wd0.1"),
            "loss_fn": row_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. trivet heat transfer to a table top (a grey-box lumped model; RAdam; long only)

TV_TRIVETS, TV_TABLES = 6, 5
TV_TIMES = (2, 3, 4, 6, 8, 12, 18, 24)  # of 24 steps of 2.5 min: 5, 7.5, 10, 15, 20, 30, 45, 60 min


def _tv_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A hot pot set on a trivet on a table top for an hour, the table's surface under it logged. Pot: a pot of
    soup (60-100 C, 4 kJ/kg K) or a cast-iron skillet (150-250 C, 0.5 kJ/kg K), 0.5-5 kg, a 0.03 m2 base, losing
    heat to the 20 C room (10 W/m2 K over 0.1 m2 plus radiation). Trivet (k W/m K, contact fraction, rho c MJ/m3 K):
    cork (0.045, 1.0, 0.4), silicone (0.25, 0.6, 1.6), cast iron (50, 0.03, 3.5), wood slats (0.15, 0.5, 1.0),
    ceramic tile (1.0, 1.0, 2.0), wire rack (15, 0.02, 3.9); thickness 5-20 mm; the gaps pass heat by air conduction
    and radiation (4 sigma eps T^3). Table (k, rho c): pine (0.12, 0.8), oak (0.17, 1.4), glass (1.0, 2.1), laminate
    (0.25, 1.95), marble (2.8, 2.4), as a 3 mm surface layer over a 12 mm layer over the bulk at 20 C. Four nodes
    (pot, trivet, surface, sub-surface), each relaxing exponentially toward its neighbours every 10 s. Logged: the
    surface at 5, 7.5, 10, 15, 20, 30, 45 and 60 min, with 0.3 C + 3% sensor scatter. Returns (features (n, 15),
    log1p(rise / 5 C) at the 8 times (n, 8))."""
    trivet = torch.randint(0, TV_TRIVETS, (n,), generator=gen)
    table = torch.randint(0, TV_TABLES, (n,), generator=gen)
    skillet = torch.rand(n, generator=gen) < 0.4
    t0 = torch.where(skillet, _u(n, gen, 150, 250), _u(n, gen, 60, 100))
    mass = 0.5 * 10 ** torch.rand(n, generator=gen)
    thick = _u(n, gen, 0.005, 0.02)
    area, sigma = 0.03, 5.67e-8
    k_t = torch.tensor([0.045, 0.25, 50.0, 0.15, 1.0, 15.0])[trivet]
    frac = torch.tensor([1.0, 0.6, 0.03, 0.5, 1.0, 0.02])[trivet]
    rc_t = torch.tensor([0.4, 1.6, 3.5, 1.0, 2.0, 3.9])[trivet] * 1e6
    k_s = torch.tensor([0.12, 0.17, 1.0, 0.25, 2.8])[table]
    rc_s = torch.tensor([0.8, 1.4, 2.1, 1.95, 2.4])[table] * 1e6
    c_pot = mass * torch.where(skillet, torch.tensor(500.0), torch.tensor(4000.0))
    c_tri = rc_t * thick * area * frac.clamp_min(0.3)
    c_s1, c_s2 = rc_s * 0.003 * area, rc_s * 0.012 * area
    g_s12, g_s2b = k_s * area / 0.0075, k_s * area / 0.012
    tp, tt, s1, s2 = t0.clone(), torch.full((n,), 20.0), torch.full((n,), 20.0), torch.full((n,), 20.0)
    dt, out = 10.0, []
    for step in range(1, 361):
        solid = k_t * frac / thick
        g_pt = 2 * area * (solid + (1 - frac) * (0.026 / thick + 2 * sigma * 0.8 * ((tp + tt) / 2 + 273.15) ** 3))
        g_ts = 2 * area * (solid + (1 - frac) * (0.026 / thick + 2 * sigma * 0.8 * ((tt + s1) / 2 + 273.15) ** 3))
        g_air = 1.0 + 0.1 * 0.6 * 4 * sigma * ((tp + 293.15) / 2 + 273.15) ** 3 / 2
        # each node relaxes exponentially toward the conductance-weighted mean of its neighbours (stable at any dt)
        nodes = ((tp, c_pot, ((g_air, 20.0), (g_pt, tt))), (tt, c_tri, ((g_pt, tp), (g_ts, s1))),
                 (s1, c_s1, ((g_ts, tt), (g_s12, s2))), (s2, c_s2, ((g_s12, s1), (g_s2b, 20.0))))
        new = []
        for temp, cap, links in nodes:
            g_sum = sum(gl for gl, _ in links)
            eq = sum(gl * other for gl, other in links) / g_sum
            new.append(eq + (temp - eq) * torch.exp(-dt * g_sum / cap))
        tp, tt, s1, s2 = new
        if step % 15 == 0 and step // 15 in TV_TIMES:
            out.append(s1 - 20)
    rise = torch.stack(out, 1).clamp_min(0)
    rise = rise * torch.exp(0.03 * torch.randn(n, len(TV_TIMES), generator=gen))
    rise = (rise + 0.3 * torch.randn(n, len(TV_TIMES), generator=gen)).clamp_min(0)
    x = torch.cat([F.one_hot(trivet, TV_TRIVETS).float(), F.one_hot(table, TV_TABLES).float(),
                   torch.stack([(t0 - 120) / 60, torch.log10(mass / 0.5) * 2 - 1, (thick - 0.0125) / 0.0043,
                                2 * skillet.float() - 1], 1)], 1)
    return x, torch.log1p(rise / 5)


TV_MINUTES = (5.0, 7.5, 10.0, 15.0, 20.0, 30.0, 45.0, 60.0)


class TrivetGreyBox(nn.Module):
    """A grey-box net: a tanh MLP from the pot, the trivet and the table gives the parameters of a lumped
    two-time-constant response (a first-order lag between pot and table surface, the pot and the table's depth
    draining it): the surface's rise over the room is G (T_0 - 20 C) (exp(-t / tau_slow) - exp(-t / tau_fast)),
    tau_slow = tau_fast + a positive margin, the pot's start temperature known; out: log1p(rise / 5 C) at the 8 logged
    times."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))
        self.register_buffer("minutes", torch.tensor(TV_MINUTES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        gain = torch.sigmoid(p[:, :1] - 1)
        fast = torch.exp(p[:, 1:2].clamp(-6, 6) + 1.5)  # minutes
        slow = fast + torch.exp(p[:, 2:3].clamp(-6, 6) + 3.5)
        start = x[:, 11:12] * 60 + 100  # the pot's start excess over 20 C, from its standardised start temperature
        t = self.minutes.view(1, -1)
        rise = gain * start * (torch.exp(-t / slow) - torch.exp(-t / fast))
        return torch.log1p(rise.clamp_min(0) / 5)


def trivet_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log1p(surface rise / 5 C) at the 8 logged times."""
    return _mse(model, batch)


def trivet_heat(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The trivet grey-box on 8192 logged tests; held out: 2048 other tests in batches of 1024; RAdam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(127105)
    x, y = _tv_tests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrivetGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": trivet_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. lampshade light diffusion (a plain MLP; SGD with Nesterov momentum; long only)

LS_ANGLES = 32


def _ls_lamps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A table lamp's polar intensity with its shade on, at 32 angles from straight down (0) to straight up (180).
    Bulb: an A19 LED (even to 135 degrees, falling to the base), a filament bulb (even, the base's shadow above 160),
    an LED globe (1 + 0.4 cos), a reflector (cos^3 downward, little upward),
    as its shape times an output 0.6-1.4. Shade: a frustum, bottom radius 10-25 cm, top radius 5 cm to the bottom's,
    height 15-35 cm, the bulb at 0.3-0.7 of the height; a ray leaves through the bottom opening below
    atan(r_b / z_b), through the top above 180 - atan(r_t / (h - z_b)), else it meets the fabric (the edges softened
    by the bulb's size). Fabric transmittance 0.05-0.6, inside reflectance 0.9 - transmittance x 0.8 - 0.1 x a
    darkness 0-1. Out: the direct light through the openings; the light on the fabric transmitted and re-emitted
    as a Lambertian cone wall (sin(theta + the wall's tilt)); the reflected light (with inter-reflections, 1 / (1 -
    0.5 rho)) leaving through the openings in proportion to their areas as Lambertian discs. 2% scatter. Returns
    (features (n, 12): the bulb (one-hot), its output, the shade's radii, height, the bulb's height in it, the bulb's
    size, the transmittance and the darkness; log(intensity + 0.01) at the 32 angles (n, 32))."""
    theta = (torch.arange(LS_ANGLES).float() + 0.5) * math.pi / LS_ANGLES
    th = theta.view(1, -1)
    bulb = torch.randint(0, 4, (n,), generator=gen)
    shapes = torch.stack([torch.where(theta < 2.36, 1.0, 1 - 0.8 * (theta - 2.36) / 0.78),
                          torch.where(theta < 2.8, 1.0, 0.3),
                          1 + 0.4 * torch.cos(theta),
                          torch.cos(theta).clamp_min(0) ** 3 + 0.03], 0)
    lumens = _u(n, gen, 0.6, 1.4)
    i_b = shapes[bulb] * lumens.view(-1, 1)
    rb = _u(n, gen, 10, 25)
    rt = 5 + (rb - 5) * torch.rand(n, generator=gen)
    hs = _u(n, gen, 15, 35)
    zf = _u(n, gen, 0.3, 0.7)
    zb = hs * zf
    size = _u(n, gen, 0.05, 0.15)
    soft = size.view(-1, 1)
    lo = torch.atan(rb / zb).view(-1, 1)
    hi = (math.pi - torch.atan(rt / (hs - zb))).view(-1, 1)
    cover = torch.sigmoid((th - lo) / soft) * torch.sigmoid((hi - th) / soft)
    tau = _u(n, gen, 0.05, 0.6)
    dark = torch.rand(n, generator=gen)
    rho = (0.9 - 0.8 * tau - 0.1 * dark).clamp_min(0.05)
    w = torch.sin(th) * math.pi / LS_ANGLES
    flux_shade = (i_b * cover * w).sum(1, keepdim=True)
    tilt = torch.atan((rb - rt) / hs).view(-1, 1)
    wall = torch.sin(th + tilt).clamp_min(0)
    wall = wall / (wall * w).sum(1, keepdim=True)
    a_b, a_t = (rb**2).view(-1, 1), (rt**2).view(-1, 1)
    down = torch.cos(th).clamp_min(0)
    up = (-torch.cos(th)).clamp_min(0)
    down, up = down / (down * w).sum(1, keepdim=True), up / (up * w).sum(1, keepdim=True)
    refl = flux_shade * rho.view(-1, 1) / (1 - 0.5 * rho.view(-1, 1))
    out = (i_b * (1 - cover) + flux_shade * tau.view(-1, 1) * wall
           + refl * (a_b * down + a_t * up) / (a_b + a_t))
    out = out * torch.exp(0.02 * torch.randn(n, LS_ANGLES, generator=gen))
    x = torch.cat([F.one_hot(bulb, 4).float(), torch.stack([
        (lumens - 1) / 0.23, (rb - 17.5) / 4.3, (rt - 11.25) / 3.6, (hs - 25) / 5.8, (zf - 0.5) / 0.115,
        (size - 0.1) / 0.029, (tau - 0.325) / 0.16, (dark - 0.5) / 0.29], 1)], 1)
    return x, torch.log(out + 0.01)


class ShadeNet(nn.Module):
    """A plain ReLU MLP from the bulb and the shade to the 32 standardised log intensities."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, LS_ANGLES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def shade_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log intensities at the 32 angles."""
    return _mse(model, batch)


def lampshade_diffusion(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                        hidden: int = 32) -> dict[str, Any]:
    """The shade net on 8192 lamps, targets standardised per angle over them; held out: 2048 other lamps in batches
    of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(127106)
    x, y = _ls_lamps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShadeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": shade_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("butter_spread_embedding_adam", butter_spread, 300, "butter_knife_spread_thickness_profile_embedding_net",
      "adam", "finite", 256, seconds=0.6, start_lr=0.064),
    W("tong_grip_resnet_ln_adamw", tong_grip, 300, "kitchen_tongs_grip_slip_margins_resnet_ln", "adamw", "finite",
      256, seconds=0.5, start_lr=0.032),
    W("doorstop_creep_tcn_adam", doorstop_creep, 300, "doorstop_wedge_friction_stick_slip_creep_tcn", "adam",
      "finite", 128, seconds=1.3, start_lr=0.064),
    W("bookend_row_transformer_adamw", bookend_row, 300, "bookend_shelf_row_tipping_sliding_margins_transformer",
      "adamw_b0.98_wd0.1", "finite", 128, seconds=1.1, start_lr=0.032),
)
LONG = (
    W("trivet_heat_greybox_radam@long", trivet_heat, 3000, "trivet_pot_table_heat_transfer_greybox", "radam",
      "finite", 32, seconds=2.9, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("lampshade_diffusion_mlp_nesterov@long", lampshade_diffusion, 3000,
      "lampshade_fabric_light_diffusion_polar_mlp", "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=1.3, start_lr=0.8,
      grid_fractions=(0.0, 0.05)),
    W("butter_spread_embedding_adam@long", butter_spread, 3000, "butter_knife_spread_thickness_profile_embedding_net",
      "adam", "finite", 32, dict(train_size=16384, hidden=32), seconds=2.1, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="butter_spread_embedding_adam"),
    W("tong_grip_resnet_ln_adamw@long", tong_grip, 3000, "kitchen_tongs_grip_slip_margins_resnet_ln", "adamw",
      "finite", 64, dict(train_size=16384, width=32, blocks=1), seconds=2.6, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="tong_grip_resnet_ln_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam127_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-seventh exam's workloads")
