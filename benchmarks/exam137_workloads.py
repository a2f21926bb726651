"""The hundred-and-thirty-seventh exam: six more workload families that neither the suite nor exams 1-136 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam136_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from tie racks and hanger sag, cookie cutters and dough release, potato mashers
and lump breakup, egg cups and shell cracking, butter dishes and softening, and bottle brushes and bristle reach
(exam 138 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam137/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- tie-rack arm creep sag: a residual net (pre-norm blocks with LayerNorm) from a swing-arm tie rack's arm
  (polypropylene, ABS or beech; one-hot), its length and thickness, the number of ties hung, their mass and
  spread along the arm, the room's temperature and humidity to the log sag of the arm's tip at 8 times from 6
  minutes to 2 weeks; cantilever point-load bending summed over the ties, with Findley's power-law creep compliance
  in a reduced time (an Arrhenius temperature shift and a humidity factor, mechano-sorptive for the wood); 8% scatter;
  MSE of the standardised log sags; Adam (torch's defaults). Its long plan: a narrower net (one block) on more racks,
  Adagrad (initial accumulator 0.1)
- cookie-cutter dough release: a 2-D CNN with BatchNorm reads the cutter's outline (a 16x16 mask with a soft edge, of a
  star / scalloped / round shape) and, in its head, the dough's thickness, temperature, flour dusting and the
  cutter's material, and classifies the lift into clean release, dough stuck in the cutter and torn points; the
  classes from the wall's drag (perimeter x thickness x a temperature- and flour-dependent tack) against the
  bench's hold on the cut-out (area x bench tack) and a tip-tearing margin (the points' sharpness against the
  dough's strength), each with scatter; cross-entropy; AdamW (weight decay 1e-2, torch's defaults otherwise)
- egg-cup shell cracking: a small Pre-LN transformer (one block, causal self-attention) over a sequence of 8 spoon
  taps on a soft-boiled egg in its cup (the tap's speed, its position from the apex, the spoon's mass, plus the egg's
  shell thickness, size, age and boiling time) gives, after each tap, the logit that the shell has cracked; Hertz-like
  impact force against a shell strength from thickness and curvature, damage summed Miner-style with a Weibull
  modulus, each egg's own (lognormal) threshold; binary cross-entropy per tap; AdamW (weight decay 0.05, betas
  0.9 / 0.98: a transformer user's setting)
- butter-dish softening: a grey-box net: the butter's core temperature after it leaves the fridge is Newton's
  warming law with a time constant learned per dish (an embedding of the dish: glass bell, covered ceramic, open
  plate, French crock, marble slab) and corrected by the butter's mass and the room, and a small MLP maps that
  temperature and the butter's kind to the log penetrometer hardness at 12 times over 4 hours; the data from a
  lumped heat model with a solid-fat-content curve per butter kind; MSE of the standardised log hardness; Adamax
  (torch's defaults). Its long plan: the same grey-box (16 hidden units) on more logs, Adagrad (initial
  accumulator 0.1)
- potato-masher lump breakup (a long plan only): an embedding net over the potato variety, the masher (wire, disc,
  ricer, fork, stick blender, food mill), the cooking method and the dairy added, plus the cooking time, the
  strokes and the mash temperature, to the mass fractions of lumps above 10 mm, 5-10 mm and 2-5 mm and a glueyness
  score; first-order breakage per stroke in a size cascade (a population balance), the rate from the masher and
  the cooked cells' softness (dry matter, cooking), glue from cells ruptured by overworking; MSE of the
  standardised outputs; Adagrad (initial accumulator 0.1, as Keras / TensorFlow set it, which recommender-style
  embedding code often keeps; torch's defaults otherwise)
- bottle-brush bristle reach (a long plan only): an MLP from a bottle's inner radius profile (32 heights, neck at
  the top) and the brush (head radius, bristle stiffness, stroke count) to the cleaned fraction of the wall at each
  height; the bristles' reach from their interference with the wall, reduced below the neck by the set the neck's
  squeeze leaves in them, with a shoulder shadow where the wall steps out; cleaning first order in contact pressure
  and strokes; MSE; Adagrad (torch's defaults: initial accumulator 0, lr_decay 0, eps 1e-10)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the potato-masher and
bottle-brush nets (no short plans, each on 16384 examples), the tie-rack net on 16384 racks instead of 2048 (32 units
and one residual block instead of 64 and two; batch 64 instead of 32) and the butter-dish grey-box on 8192 logs
instead of 1024 (16 hidden units instead of 32; batch 32 instead of 128), both with Adagrad (initial accumulator 0.1)
instead of their short plans' Adam and Adamax.

Of the eight plans, four use Adagrad (all the long plans), two AdamW (cookie cutter, egg cup), one Adam (tie rack)
and one Adamax (butter dish).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam137_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam137/README.md).

    python benchmarks/exam137_workloads.py          # the table
    python benchmarks/exam137_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 137"


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
    """Targets standardised with the mean and sd of the first ``n`` rows (the training pool), over all their
    entries (a sequence's or profile's positions share one scale)."""
    return (y - y[:n].mean()) / y[:n].std()


def _adagrad(acc: float) -> Any:
    """Adagrad with an initial accumulator value (torch's defaults otherwise: lr_decay 0, eps 1e-10, no decay)."""
    if acc == 0.0:
        return _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    return _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=acc),
                  f"adagrad_acc{acc:g}")


# --------------------------------------------------------------------------------------------------------------
# 1. tie-rack arm creep sag under hung ties (a residual net with LayerNorm; Adam, Adagrad for the long plan)

TR_MATERIALS = 3  # polypropylene, ABS, beech
TR_TIMES = torch.tensor([0.1, 1.0, 6.0, 24.0, 48.0, 96.0, 168.0, 336.0])  # hours after the ties were hung


def _tr_racks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Swing-arm tie racks: an arm (a cantilever) 60-160 mm long, 3-6 mm thick and 8 mm wide (I = b h^3 / 12) of
    polypropylene, ABS or beech; 1-8 ties of 40-80 g hung evenly over the outer 20-100% of the arm; a room at 17-29 C
    and 30-75% relative humidity. Tip sag of a point load P at a from the root: P a^2 (3 L - a) / (6 E I), summed
    over the ties, with 1 / E -> Findley's creep compliance J(t) = 1 / E0 + m (t / a_T)^n (E0 1.4, 2.2, 11 GPa;
    n 0.20, 0.17, 0.25; m invented) in a reduced time with an Arrhenius shift (Ea 110, 120, 60 kJ/mol, T_ref 23 C)
    and a humidity factor (strong for the wood: mechano-sorptive creep, weak for the plastics). Sag at 8 times from
    6 minutes to 2 weeks. 8% scatter (lognormal, each reading). Returns (features (n, 10), log sag in mm (n, 8))."""
    mat = torch.randint(0, TR_MATERIALS, (n,), generator=gen)
    length = 0.06 + 0.10 * torch.rand(n, generator=gen)
    thick = 0.003 + 0.003 * torch.rand(n, generator=gen)
    ties = torch.randint(1, 9, (n,), generator=gen).float()
    tie_mass = 0.04 + 0.04 * torch.rand(n, generator=gen)
    spread = 0.2 + 0.8 * torch.rand(n, generator=gen)
    temp = 17 + 12 * torch.rand(n, generator=gen)
    rh = 30 + 45 * torch.rand(n, generator=gen)
    inertia = 0.008 * thick**3 / 12
    # ties at the tip and evenly inwards over the spread: a_i = L (1 - spread i / max(ties - 1, 1))
    i = torch.arange(8).float().view(1, -1)
    frac = torch.where(ties.view(-1, 1) > 1, i / (ties.view(-1, 1) - 1).clamp_min(1), torch.zeros(1, 8))
    a = length.view(-1, 1) * (1 - spread.view(-1, 1) * frac)
    on = (i < ties.view(-1, 1)).float()
    geo = (on * a**2 * (3 * length.view(-1, 1) - a)).sum(1) / (6 * inertia) * tie_mass * 9.81
    e0 = torch.tensor([1.4e9, 2.2e9, 11e9])[mat]
    expo = torch.tensor([0.20, 0.17, 0.25])[mat]
    coef = torch.tensor([2.0e-10, 0.6e-10, 0.8e-11])[mat]
    ea = torch.tensor([110e3, 120e3, 60e3])[mat]
    hum = torch.tensor([0.003, 0.004, 0.025])[mat]
    log_at = ea / (8.314 * math.log(10)) * (1 / (temp + 273.15) - 1 / 296.15) - hum * (rh - 50)
    xi = TR_TIMES.view(1, -1) / 10 ** log_at.view(-1, 1)
    comp = 1 / e0.view(-1, 1) + coef.view(-1, 1) * xi ** expo.view(-1, 1)
    sag = geo.view(-1, 1) * comp * 1000 * torch.exp(0.08 * torch.randn(n, 8, generator=gen))
    x = torch.cat([F.one_hot(mat, TR_MATERIALS).float(), torch.stack([
        (length - 0.11) / 0.029, (thick - 0.0045) / 0.00087, (ties - 4.5) / 2.3, (tie_mass - 0.06) / 0.0115,
        (spread - 0.6) / 0.23, (temp - 23) / 3.5, (rh - 52.5) / 13], 1)], 1)
    return x, torch.log(sag)


class ResBlock(nn.Module):
    """A pre-norm residual block: x + W2 GELU(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.ln = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, width), nn.Linear(width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.ln(x))))


class SagResNet(nn.Module):
    """An input layer, pre-norm residual blocks with LayerNorm, a final LayerNorm and a read-out of the 8 log sags."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(10, width)
        self.blocks = nn.Sequential(*(ResBlock(width) for _ in range(blocks)))
        self.ln = nn.LayerNorm(width)
        self.out = nn.Linear(width, 8)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.ln(self.blocks(self.inp(x))))


def sag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log sags."""
    return _mse(model, batch)


def tie_rack_sag(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64, blocks: int = 2,
                 optimizer: str = "adam") -> dict[str, Any]:
    """The sag ResNet on 2048 racks, log sags standardised over them; held out: 2048 other racks in batches of 1024;
    Adam (torch's defaults), or Adagrad with an initial accumulator of 0.1 (``optimizer="adagrad"``)."""
    gen = torch.Generator().manual_seed(137101)
    x, y = _tr_racks(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam") if optimizer == "adam"
           else _adagrad(0.1))
    return {"model": SagResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": sag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. cookie-cutter dough release (a 2-D CNN with BatchNorm; AdamW)

CC_SIZE = 16
CC_CLASSES = 3  # clean release, stuck in the cutter, torn points


def _cc_cuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Cutter outlines r(theta) = r0 (1 + a cos(k (theta - phi))) (k 0 round, 3-8 points: stars and scallops;
    depth a 0-0.45; r0 4-7 px of a 16 px field, 1 px = 5 mm), rasterised with a one-pixel soft edge. Area and perimeter
    from the polar form. Dough 3-10 mm thick at 8-24 C (butter dough: its tack rises steeply above ~16 C), flour
    dusting 0-1, cutter metal or plastic (plastic walls thicker, draggier). Stuck: the wall's drag P t tack_wall
    exceeds the bench's hold A tack_bench + the cut-out's weight; torn: the points' sharpness a k^2 / r0 (the tip's
    curvature) times the lift's strain against the dough's strength (falling with temperature, rising with
    thickness) above 1. 10% log scatter on each margin. Returns (masks (n, 1, 16, 16), conditions (n, 4),
    classes)."""
    k = torch.tensor([0, 3, 4, 5, 6, 8])[torch.randint(0, 6, (n,), generator=gen)].float()
    a = torch.where(k > 0, 0.45 * torch.rand(n, generator=gen), torch.zeros(n))
    r0 = 4 + 3 * torch.rand(n, generator=gen)
    phi = 2 * math.pi * torch.rand(n, generator=gen)
    cx = 7.5 + 0.8 * torch.randn(n, generator=gen)
    cy = 7.5 + 0.8 * torch.randn(n, generator=gen)
    grid = torch.arange(CC_SIZE).float()
    yy, xx = torch.meshgrid(grid, grid, indexing="ij")
    dx = xx.unsqueeze(0) - cx.view(-1, 1, 1)
    dy = yy.unsqueeze(0) - cy.view(-1, 1, 1)
    rad = (dx**2 + dy**2).sqrt()
    th = torch.atan2(dy, dx)
    edge = r0.view(-1, 1, 1) * (1 + a.view(-1, 1, 1) * torch.cos(k.view(-1, 1, 1) * (th - phi.view(-1, 1, 1))))
    mask = (edge - rad + 0.5).clamp(0, 1).unsqueeze(1)  # anti-aliased: the pixel's covered fraction, roughly
    tt = torch.linspace(0, 2 * math.pi, 257)[:-1].view(1, -1)
    rr = r0.view(-1, 1) * (1 + a.view(-1, 1) * torch.cos(k.view(-1, 1) * tt))
    drr = -r0.view(-1, 1) * a.view(-1, 1) * k.view(-1, 1) * torch.sin(k.view(-1, 1) * tt)
    area = 0.5 * (rr**2).mean(1) * 2 * math.pi * 25  # mm2
    perim = (rr**2 + drr**2).sqrt().mean(1) * 2 * math.pi * 5  # mm
    thick = 3 + 7 * torch.rand(n, generator=gen)
    temp = 8 + 16 * torch.rand(n, generator=gen)
    flour = torch.rand(n, generator=gen)
    plastic = (torch.rand(n, generator=gen) < 0.4).float()
    tack = torch.exp((temp - 16) / 4) / (1 + 0.5 * torch.exp((temp - 16) / 4)) * (1 - 0.6 * flour)
    wall = perim * thick * tack * (1 + 0.5 * plastic)
    bench = area * (0.05 + 0.25 * tack * (1 - 0.5 * flour)) + 0.02 * area * thick
    sharp = a * k**2 / r0
    strength = thick**0.5 * torch.exp(-(temp - 8) / 10)
    noise = [0.1 * torch.randn(n, generator=gen) for _ in range(2)]
    stuck = torch.log(wall / bench / 1.35) + noise[0] > 0
    torn = torch.log((sharp + 0.05) * (1 + plastic) / strength / 1.65) + noise[1] > 0
    y = torch.zeros(n, dtype=torch.long)
    y[stuck] = 1
    y[torn] = 2
    cond = torch.stack([(thick - 6.5) / 2, (temp - 16) / 4.6, (flour - 0.5) / 0.29, 2 * plastic - 1], 1)
    return mask, cond, y


class CutterCNN(nn.Module):
    """Three conv-BN-ReLU stages over the outline (the first two max-pooled), global average pooling, the
    conditions concatenated, an MLP head to the three outcome logits (``norm=False``: no BatchNorm)."""

    def __init__(self, width: int = 16, norm: bool = True) -> None:
        super().__init__()

        def bn(c: int) -> nn.Module:
            return nn.BatchNorm2d(c) if norm else nn.Identity()

        self.features = nn.Sequential(
            nn.Conv2d(1, width, 3, padding=1), bn(width), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(width, 2 * width, 3, padding=1), bn(2 * width), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(2 * width, 2 * width, 3, padding=1), bn(2 * width), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * width + 4, 32), nn.ReLU(), nn.Linear(32, CC_CLASSES))

    def forward(self, mask: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        z = self.features(mask).mean((2, 3))
        return self.head(torch.cat([z, cond], 1))


def release_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the release outcome."""
    mask, cond, y = batch
    return F.cross_entropy(model(mask, cond), y)


def cookie_cutter_release(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8,
                          norm: bool = True) -> dict[str, Any]:
    """The release CNN on 2048 cuts; held out: 2048 other cuts in batches of 1024; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(137102)
    m, c, y = _cc_cuts(train_size + 2048, gen)
    tr = (m[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CutterCNN(width, norm), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((m[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": release_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. egg-cup shell cracking under spoon taps (a Pre-LN transformer; AdamW)

EG_TAPS = 8


def _eg_taps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Eggs in an egg cup, topped with a spoon: shell 0.28-0.42 mm, egg mass 50-73 g (size S-XL), age 1-30 days
    (the membrane loosens, the shell's support falls), boiled 3-10 min (a set white backs the shell). 8 taps: spoon
    speed 0.2-1.2 m/s, spoon 15-40 g, position 0-35 degrees from the apex (the shell's radius of curvature grows
    from ~15 to ~22 mm away from the pointed end). Hertz-like peak force F ~ (m_s)^0.6 v^1.2 (invented constant);
    shell strength S ~ t^2 / R x (1 + support); Miner damage D_i = sum (F / S)^6 (a Weibull modulus of 6); the shell
    cracks at the first tap where D_i passes the egg's own threshold (lognormal, median 1, sd of the log 0.3).
    Returns (inputs (n, 8, 7), cracked-by-now labels (n, 8))."""
    shell = 0.28 + 0.14 * torch.rand(n, 1, generator=gen)
    mass = 50 + 23 * torch.rand(n, 1, generator=gen)
    age = 1 + 29 * torch.rand(n, 1, generator=gen)
    boil = 3 + 7 * torch.rand(n, 1, generator=gen)
    speed = 0.2 + 1.0 * torch.rand(n, EG_TAPS, generator=gen)
    spoon = 15 + 25 * torch.rand(n, 1, generator=gen)
    pos = 35 * torch.rand(n, EG_TAPS, generator=gen)
    radius = (15 + 7 * (pos / 35) ** 1.5) * (mass / 60) ** (1 / 3)
    support = 0.3 * (1 - torch.exp(-(boil - 3) / 2.5)) + 0.2 * torch.exp(-age / 10)
    force = 9.0 * (spoon / 25) ** 0.6 * speed**1.2
    strength = 12.0 * (shell / 0.35) ** 2 * (18 / radius) * (1 + support)
    dmg = torch.cumsum((force / strength) ** 6, 1)
    thresh = torch.exp(0.3 * torch.randn(n, 1, generator=gen))
    y = (dmg > thresh).float()
    x = torch.stack([(speed - 0.7) / 0.29, (pos - 17.5) / 10, ((spoon - 27.5) / 7.2).expand(-1, EG_TAPS),
                     ((shell - 0.35) / 0.04).expand(-1, EG_TAPS), ((mass - 61.5) / 6.6).expand(-1, EG_TAPS),
                     ((age - 15.5) / 8.4).expand(-1, EG_TAPS), ((boil - 6.5) / 2).expand(-1, EG_TAPS)], 2)
    return x, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: x + attn(LN(x)), then x + MLP(LN(x)); causal attention."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x: torch.Tensor, causal: torch.Tensor) -> torch.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=causal, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class TapTransformer(nn.Module):
    """Tap features projected to d, a learned position embedding, Pre-LN blocks with causal attention, a final LN
    and a per-tap crack logit."""

    def __init__(self, d: int = 32, heads: int = 2, blocks: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(7, d)
        self.pos = nn.Parameter(torch.zeros(EG_TAPS, d))
        self.blocks = nn.ModuleList(PreLNBlock(d, heads) for _ in range(blocks))
        self.ln = nn.LayerNorm(d)
        self.out = nn.Linear(d, 1)
        self.register_buffer("causal", torch.triu(torch.ones(EG_TAPS, EG_TAPS, dtype=torch.bool), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x) + self.pos
        for b in self.blocks:
            h = b(h, self.causal)
        return self.out(self.ln(h)).squeeze(-1)


def crack_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of cracked-by-now after each tap."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def egg_cup_cracking(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32, blocks: int = 1
                     ) -> dict[str, Any]:
    """The tap transformer on 2048 eggs; held out: 4096 other eggs in batches of 1024; AdamW (weight decay 0.05,
    betas 0.9 / 0.98)."""
    gen = torch.Generator().manual_seed(137103)
    x, y = _eg_taps(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TapTransformer(d, 2, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98),
                                                                     weight_decay=0.05), "adamw_b0.98_wd0.05"),
            "loss_fn": crack_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. butter-dish softening (a grey-box net; Adamax, Adagrad for the long plan)

BD_DISHES = 5  # glass bell, covered ceramic, open plate, French crock (water seal), marble slab
BD_KINDS = 4  # unsalted, salted, cultured, spreadable (with oil)
BD_TIMES = 12


def _bd_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Butter from the fridge (3-8 C) into a dish in a 17-30 C kitchen, 125-250 g; penetrometer readings at 12 times
    over 4 hours (t_k = 20 k min). The core temperature: two lumped nodes (the dish and the butter) warmed by the
    room (the cover and the dish's mass and conductance set the time constants; the French crock's water keeps it
    ~4 C below the room; marble stays cool and slows it), solved in 5-minute steps. Solid fat content: a logistic
    in temperature per kind (midpoint 18-22 C, the spreadable one's lower and flatter); hardness ~ SFC^2.3 (a
    fat-crystal network's power law, constant invented). 4% reading scatter. Returns (dish index, kind index,
    numeric (n, 3): fridge temp, room temp, log mass; log hardness (n, 12))."""
    dish = torch.randint(0, BD_DISHES, (n,), generator=gen)
    kind = torch.randint(0, BD_KINDS, (n,), generator=gen)
    t0 = 3 + 5 * torch.rand(n, generator=gen)
    room = 17 + 13 * torch.rand(n, generator=gen)
    mass = 125 + 125 * torch.rand(n, generator=gen)
    tau_b = torch.tensor([70.0, 95.0, 45.0, 80.0, 60.0])[dish] * (mass / 250) ** (2 / 3)  # min, butter <- dish air
    tau_d = torch.tensor([40.0, 90.0, 30.0, 120.0, 200.0])[dish]  # min, dish <- room
    dish_t0 = torch.tensor([1.0, 1.0, 1.0, 0.0, 0.6])[dish] * (room - 1)  # marble and crock start cool
    offset = torch.tensor([0.0, 0.0, 0.0, -4.0, -1.5])[dish]
    tb, td = t0.clone(), dish_t0 + (1 - torch.tensor([1.0, 1.0, 1.0, 0.0, 0.6])[dish]) * (t0 + 8)
    mid = torch.tensor([20.0, 20.5, 21.5, 15.0])[kind]
    width = torch.tensor([3.0, 3.0, 2.6, 5.0])[kind]
    sfc_max = torch.tensor([60.0, 58.0, 62.0, 40.0])[kind]
    out = []
    for step in range(48):
        td = td + 5 * (room + offset - td) / tau_d
        tb = tb + 5 * (0.5 * (td + room + offset) - tb) / tau_b
        if step % 4 == 3:
            sfc = sfc_max / (1 + torch.exp((tb - mid) / width))
            out.append(torch.log(2.0 * (sfc / 40) ** 2.3 + 0.05))
    y = torch.stack(out, 1) + 0.04 * torch.randn(n, BD_TIMES, generator=gen)
    num = torch.stack([(t0 - 5.5) / 1.44, (room - 23.5) / 3.75, (torch.log(mass) - 5.18) / 0.2], 1)
    return dish, kind, num, y


class ButterGreyBox(nn.Module):
    """Newton's warming law with a per-dish log time constant and room offset (embeddings), a linear correction of
    the time constant by the butter's mass and the room (all started at their priors: a 60-minute time constant, no
    offset, no correction); the core temperature at the 12 reading times, then a small MLP of (temperature, the
    butter kind's embedding) to the log hardness."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.log_tau = nn.Embedding(BD_DISHES, 1)
        self.offset = nn.Embedding(BD_DISHES, 1)
        nn.init.constant_(self.log_tau.weight, math.log(60.0))
        nn.init.zeros_(self.offset.weight)
        self.tau_fix = nn.Linear(3, 1)
        nn.init.zeros_(self.tau_fix.weight)
        nn.init.zeros_(self.tau_fix.bias)
        self.kind = nn.Embedding(BD_KINDS, 4)
        self.sfc = nn.Sequential(nn.Linear(5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))
        self.register_buffer("t", torch.arange(1, BD_TIMES + 1).float() * 20)

    def forward(self, dish: torch.Tensor, kind: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        tau = torch.exp(self.log_tau(dish) + self.tau_fix(num))  # (n, 1) minutes
        t0 = (num[:, :1] * 1.44 + 5.5)
        room = num[:, 1:2] * 3.75 + 23.5 + 4 * self.offset(dish)
        temp = room + (t0 - room) * torch.exp(-self.t / tau)  # (n, 12)
        k = self.kind(kind).unsqueeze(1).expand(-1, BD_TIMES, -1)
        z = torch.cat([((temp - 15) / 5).unsqueeze(-1), k], 2)
        return self.sfc(z).squeeze(-1)


def softening_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log hardness over the 12 readings."""
    return _mse(model, batch)


def butter_dish_softening(batch_size: int = 128, seed: int = 0, train_size: int = 1024, hidden: int = 32,
                          optimizer: str = "adamax") -> dict[str, Any]:
    """The grey-box on 1024 softening logs, log hardness standardised over them; held out: 2048 other logs in
    batches of 1024; Adamax (torch's defaults), or Adagrad with an initial accumulator of 0.1
    (``optimizer="adagrad"``)."""
    gen = torch.Generator().manual_seed(137104)
    dish, kind, num, y = _bd_logs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    s = slice(0, train_size)
    e = slice(train_size, None)
    tr = (dish[s], kind[s], num[s], y[s])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax") if optimizer == "adamax"
           else _adagrad(0.1))
    return {"model": ButterGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((dish[e], kind[e], num[e], y[e]), 1024),
            "optimizer": opt, "loss_fn": softening_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. potato-masher lump breakup (an embedding net; Adagrad; long only)

PM_VARIETIES = 8  # Russet, Maris Piper, King Edward, Yukon Gold, Desiree, Kerr's Pink, Charlotte, red waxy
PM_MASHERS = 6  # wire zigzag, perforated disc, ricer, fork, stick blender, food mill
PM_COOKS = 3  # boiled, steamed, baked
PM_DAIRY = 4  # none, milk, butter, cream


def _pm_mashes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Mashes: the variety (dry matter 16-23%: floury to waxy), the masher, the cooking method, the dairy, the
    cooking time (10-30 min, relative to the variety's ideal), 5-60 strokes (or seconds of the blender), the mash's
    temperature 40-90 C (cold cells' pectin sets, breaking them harder). A size cascade of first-order breakage:
    lumps > 10 mm break at a rate S1 per stroke into 5-10 mm, which break at S2 into 2-5 mm, which break at S3
    into the smooth mash (the Bateman solution of the chain); the rates from the masher's action, the cells'
    softness (the cooking's middle lamella breakdown: time over the variety's ideal, baked drier and softer, dry
    matter), the temperature and lubrication by the dairy. Glue: the free starch of cells ruptured, rising with the
    masher's shear (the blender, the ricer least), the strokes and the dry matter. 8% scatter (lognormal). Returns
    (categoricals (n, 4), numerics (n, 3), outputs (n, 4): log fractions > 10 mm, 5-10 mm, 2-5 mm, and log glue)."""
    var = torch.randint(0, PM_VARIETIES, (n,), generator=gen)
    mash = torch.randint(0, PM_MASHERS, (n,), generator=gen)
    cook = torch.randint(0, PM_COOKS, (n,), generator=gen)
    dairy = torch.randint(0, PM_DAIRY, (n,), generator=gen)
    time = 10 + 20 * torch.rand(n, generator=gen)
    strokes = 5 * 12 ** torch.rand(n, generator=gen)
    temp = 40 + 50 * torch.rand(n, generator=gen)
    dm = torch.tensor([22.5, 21.5, 21.0, 19.5, 19.0, 20.5, 16.5, 16.0])[var]
    ideal = torch.tensor([18.0, 19.0, 20.0, 20.0, 21.0, 18.0, 22.0, 23.0])[var]
    cook_soft = torch.tensor([1.0, 0.85, 1.25])[cook]
    soft = cook_soft * torch.sigmoid((time - ideal) / 3 + (dm - 19) / 2) + 0.1
    action = torch.tensor([[0.10, 0.06, 0.03], [0.08, 0.08, 0.05], [0.60, 0.50, 0.40], [0.05, 0.03, 0.015],
                           [0.50, 0.45, 0.45], [0.35, 0.30, 0.25]])[mash]  # per stroke, rates of the 3 sizes
    shear = torch.tensor([0.3, 0.35, 0.1, 0.3, 2.5, 0.4])[mash]
    lube = torch.tensor([1.0, 1.15, 1.25, 1.3])[dairy]
    warm = torch.sigmoid((temp - 60) / 8) * 0.7 + 0.3
    rates = action * (soft * warm * lube).view(-1, 1)
    s1, s2, s3 = rates[:, 0] + 1e-4, rates[:, 1] * 1.01 + 2e-4, rates[:, 2] * 1.02 + 3e-4
    N = strokes
    f1 = torch.exp(-s1 * N)
    f2 = s1 / (s2 - s1) * (torch.exp(-s1 * N) - torch.exp(-s2 * N))
    f3 = s1 * s2 * (torch.exp(-s1 * N) / ((s2 - s1) * (s3 - s1)) + torch.exp(-s2 * N) / ((s1 - s2) * (s3 - s2))
                    + torch.exp(-s3 * N) / ((s1 - s3) * (s2 - s3)))
    glue = 0.02 + shear * (dm / 20) ** 2 * (1 - torch.exp(-0.03 * N)) * (1.3 - 0.3 * warm) / lube
    y = torch.stack([torch.log(f1.clamp_min(1e-4) + 0.002), torch.log(f2.clamp_min(1e-4) + 0.002),
                     torch.log(f3.clamp_min(1e-4) + 0.002), torch.log(glue)], 1)
    y = y + 0.08 * torch.randn(n, 4, generator=gen)
    cats = torch.stack([var, mash, cook, dairy], 1)
    nums = torch.stack([(time - 20) / 5.8, (torch.log(strokes) - math.log(5 * 12**0.5)) / 0.72, (temp - 65) / 14.4], 1)
    return cats, nums, y


class MashNet(nn.Module):
    """One embedding table over the variety, masher, cooking and dairy fields (4 dimensions a field, each field's
    ids offset into it, as recommender code lays out categorical fields), concatenated with the numerics, a ReLU
    MLP to the four outputs."""

    def __init__(self, emb: int = 4, hidden: int = 32) -> None:
        super().__init__()
        sizes = (PM_VARIETIES, PM_MASHERS, PM_COOKS, PM_DAIRY)
        self.emb = nn.Embedding(sum(sizes), emb)
        self.register_buffer("offsets", torch.tensor([0, *torch.tensor(sizes).cumsum(0)[:-1].tolist()]))
        self.net = nn.Sequential(nn.Linear(4 * emb + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, cats: torch.Tensor, nums: torch.Tensor) -> torch.Tensor:
        z = self.emb(cats + self.offsets).flatten(1)
        return self.net(torch.cat([z, nums], 1))


def mash_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log lump fractions and log glue."""
    return _mse(model, batch)


def potato_masher_lumps(batch_size: int = 64, seed: int = 0, train_size: int = 16384, hidden: int = 32
                        ) -> dict[str, Any]:
    """The mash net on 16384 mashes, outputs standardised per column over them; held out: 2048 other mashes in
    batches of 1024; Adagrad with an initial accumulator of 0.1."""
    gen = torch.Generator().manual_seed(137105)
    cats, nums, y = _pm_mashes(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (cats[:train_size], nums[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MashNet(4, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], nums[train_size:], y[train_size:]), 1024),
            "optimizer": _adagrad(0.1), "loss_fn": mash_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bottle-brush bristle reach (an MLP; Adagrad; long only)

BB_POINTS = 32


def _bb_cleans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bottles (baby bottles, carafes, wine and milk bottles, vases): inner radius along 32 heights from the mouth
    down, a neck (radius 8-20 mm, 2-10 heights long), a shoulder (a smooth step of 1-5 heights), a body (radius
    25-45 mm, sometimes a waist). A twisted-wire brush, head radius 20-50 mm, bristle stiffness 0-1, 10-60 strokes.
    The bristles' reach: their free radius, less the set the neck's squeeze leaves (a fraction growing with the
    squeeze and falling with stiffness) below the neck; where the wall's radius is under the reach, the interference
    presses the bristles on it (pressure ~ stiffness x interference^1.5); just below the shoulder the wall is
    shadowed (the bristles spring out over a length ~ their own, so the reach grows back over 2-3 heights); the
    bottom's corner is reached by the tip. Cleaned fraction 1 - exp(-c p strokes), with 0.04 scatter (a swab's
    reading), clipped to [0, 1]. Returns (inputs (n, 35): the radius profile / 30 mm - 1, then the head radius,
    stiffness and log strokes; cleaned fraction (n, 32))."""
    z = torch.arange(BB_POINTS).float().view(1, -1)
    r_neck = 8 + 12 * torch.rand(n, 1, generator=gen)
    neck_len = 2 + 8 * torch.rand(n, 1, generator=gen)
    shoulder = 1 + 4 * torch.rand(n, 1, generator=gen)
    r_body = 25 + 20 * torch.rand(n, 1, generator=gen)
    waist = (torch.rand(n, 1, generator=gen) < 0.3).float() * 8 * torch.rand(n, 1, generator=gen)
    waist_at = 16 + 10 * torch.rand(n, 1, generator=gen)
    s = torch.sigmoid((z - neck_len - shoulder / 2) / (shoulder / 4))
    radius = r_neck + (r_body - r_neck) * s - waist * torch.exp(-((z - waist_at) / 3) ** 2)
    head = 20 + 30 * torch.rand(n, 1, generator=gen)
    stiff = torch.rand(n, 1, generator=gen)
    strokes = 10 * 6 ** torch.rand(n, 1, generator=gen)
    squeeze = (head - r_neck).clamp_min(0) / head
    set_frac = squeeze * (0.6 - 0.4 * stiff)
    reach_body = head * (1 - set_frac)
    below = torch.sigmoid((z - neck_len) / 0.7)
    reach = head * (1 - below) + reach_body * below
    # shoulder shadow: the reach grows back over ~2.5 heights below the shoulder's end
    shadow_end = neck_len + shoulder
    step_out = ((z >= neck_len) & (r_body > r_neck + 5)).float()
    regrow = 1 - 0.35 * torch.exp(-(z - shadow_end).clamp_min(0) / 2.5) * step_out
    reach = reach * regrow
    reach = torch.where(z >= BB_POINTS - 2, reach * 1.15, reach)  # the tip's bristles reach the bottom's corner
    interf = (reach - radius).clamp_min(0) / 10
    pressure = (0.3 + stiff) * interf**1.5 + 0.02
    clean = 1 - torch.exp(-0.08 * pressure * strokes)
    clean = (clean + 0.04 * torch.randn(n, BB_POINTS, generator=gen)).clamp(0, 1)
    x = torch.cat([radius / 30 - 1, (head - 35) / 8.7, (stiff - 0.5) / 0.29,
                   (torch.log(strokes) - math.log(10 * 6**0.5)) / 0.52], 1)
    return x, clean


class ReachNet(nn.Module):
    """A SiLU MLP from the radius profile and the brush to the cleaned fraction (a sigmoid) at the 32 heights."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(BB_POINTS + 3, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, BB_POINTS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.net(x))


def reach_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the cleaned fraction over the 32 heights."""
    return _mse(model, batch)


def bottle_brush_reach(batch_size: int = 64, seed: int = 0, train_size: int = 16384, hidden: int = 64
                       ) -> dict[str, Any]:
    """The reach net on 16384 bottle cleanings; held out: 2048 other cleanings in batches of 1024; Adagrad (torch's
    defaults: initial accumulator 0, lr_decay 0, eps 1e-10)."""
    gen = torch.Generator().manual_seed(137106)
    x, y = _bb_cleans(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ReachNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _adagrad(0.0), "loss_fn": reach_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("tie_rack_sag_adam", tie_rack_sag, 300, "tie_rack_arm_findley_creep_sag_resnet_ln", "adam", "finite", 32,
      seconds=0.4, start_lr=0.016),
    W("cookie_cutter_release_adamw", cookie_cutter_release, 300, "cookie_cutter_outline_dough_release_cnn2d_bn",
      "adamw_wd1e-2", "finite", 16, seconds=1.0, start_lr=0.016),
    W("egg_cup_cracking_adamw", egg_cup_cracking, 300, "egg_cup_spoon_tap_shell_crack_preln_transformer",
      "adamw_b0.98_wd0.05", "finite", 32, seconds=1.2, start_lr=0.004),
    W("butter_dish_softening_adamax", butter_dish_softening, 300, "butter_dish_warming_penetrometer_hardness_greybox",
      "adamax", "finite", 128, seconds=0.6, start_lr=0.256),
)
LONG = (
    W("potato_masher_lumps_adagrad@long", potato_masher_lumps, 3000,
      "potato_masher_lump_breakup_population_balance_embedding", "adagrad_acc0.1", "finite", 64, seconds=3.5,
      start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("bottle_brush_reach_adagrad@long", bottle_brush_reach, 3000, "bottle_brush_bristle_reach_wall_cleaning_mlp",
      "adagrad", "finite", 64, seconds=3.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("tie_rack_sag_adagrad@long", tie_rack_sag, 3000, "tie_rack_arm_findley_creep_sag_resnet_ln", "adagrad_acc0.1",
      "finite", 64, dict(train_size=16384, width=32, blocks=1, optimizer="adagrad"), seconds=3.5, start_lr=0.512,
      grid_fractions=(0.0, 0.05), long_of="tie_rack_sag_adam"),
    W("butter_dish_softening_adagrad@long", butter_dish_softening, 3000,
      "butter_dish_warming_penetrometer_hardness_greybox", "adagrad_acc0.1", "finite", 32,
      dict(train_size=8192, hidden=16, optimizer="adagrad"), seconds=3.5, start_lr=0.256, grid_fractions=(0.0, 0.05),
      long_of="butter_dish_softening_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam137_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-seventh exam's workloads")
