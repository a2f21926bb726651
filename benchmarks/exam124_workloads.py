"""The hundred-and-twenty-fourth exam: six more workload families that neither the suite nor exams 1-120 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam120_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from nail clippers and cutting force, clotheslines and drying time, suitcases
and wheel rolling resistance, strollers and fold latches, rocking chairs and rocking period, and chopsticks and grip
slip (exams 121-123 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam124/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly or wholly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- nail-clipper clip outcome: an MLP classifies a clip (the nail's thickness, water content, width and transverse
  curvature; the clipper: fingernail lever, toenail lever or scissor-type (one-hot) with its mechanical advantage,
  the blades' edge radius and misalignment; the user's grip and closing speed) into clean cut, ragged edge, split /
  cracked, incomplete and layers peeled; the classes from an invented cutting force (a flow stress softened by
  water, the edge radius and misalignment adding to the thickness) against the grip through the lever, a
  brittleness index (flow stress and thickness over a toughness rising with water, the speed, the mismatch between
  the nail's and the jaws' curvature), a peeling check for dry, thick nails under a dull blade and a tearing check
  for wet nails under a dull or misaligned blade, each with scatter; cross-entropy; AdamW (torch's defaults, weight
  decay 1e-2)
- clothesline drying: a grey-box net: an MLP from the garment (towel, T-shirt, jeans, polyester shirt, wool jumper;
  one-hot), how it hangs (pegged flat or folded over the line), the washer's spin speed and the day's steady weather
  (temperature, humidity, wind, sunshine, the hour it went out) to the three parameters of the two-period drying
  curve (the constant drying rate, the critical and the equilibrium moisture ratios), which give the moisture ratio
  at the end of each of 12 hours; the data from constant-rate evaporation driven by the vapour-pressure deficit
  (Tetens) with a wind-dependent mass-transfer coefficient and solar warming of the cloth, a first-order
  falling-rate period below the garment's critical moisture and an equilibrium regain from the humidity, integrated
  in quarter hours; weighing scatter; MSE; AdamW (torch's defaults, weight decay 1e-2)
- stroller fold-latch engagement: a residual net with LayerNorm (Pre-LN blocks) classifies an unfold-and-lock test
  of a folding stroller's frame latch (spring preload and rate, tooth depth and chamfer, frame slop, wear cycles,
  temperature, grit, the unfolding speed, the user's push on the handle; latch kind one-hot) into locked, false
  latch (the bolt resting on the tooth's tip), one side only (frame racking), bounced out and jammed; the classes
  from a bolt-snap time against the frame's dwell window, the rebound energy against the detent's hold, the
  racking against the engagement and the grit's friction against the spring, each with tester scatter;
  cross-entropy; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- chopstick grip slip: a small Pre-LN transformer encoder reads the 16 time steps of a pick-and-lift (the grip force
  at the fingers, the food's vertical acceleration, the chopsticks' tilt, the time) with the chopsticks' material
  (lacquered wood, bare bamboo, stainless steel, melamine; one-hot), the tips' texture, the food (peanut, tofu,
  noodle, nigiri, dumpling; one-hot) and where the fingers hold them (the lever ratio), and labels each step held,
  slipping, dropped or crushed; Coulomb friction at two tips (the tip force through the chopsticks' lever, a
  tilt that lets the food rest on the sticks), slip that accumulates until the food falls, soft foods crushed
  past a per-piece strength; per-trial friction scatter; cross-entropy over the steps; AdamW (weight decay 1e-2,
  torch's default)
- rocking-chair period (a long plan only): a grey-box net: an MLP from the chair and its occupant (the chair's mass
  and centre-of-mass height, the occupant's mass, sitting height and recline, the seat height, the rockers' radius,
  the floor (hardwood, tile, rug, thick carpet; one-hot), the first push's angle) to an effective inertia about the
  contact, the centre of mass's height below the rockers' centre, a viscous damping ratio and a rolling-resistance
  arm, which the rolling-pendulum law turns into the period (T0 = 2 pi sqrt(I_contact / (m g (R - h))), a
  large-amplitude correction 1 + theta0^2 / 16) and the amplitude left after 1, 2, 4 and 8 cycles (viscous decay
  and a linear, Coulomb-like loss from rolling resistance); MSE of the standardised outputs; RAdam (torch's
  defaults)
- suitcase wheel rolling resistance (a long plan only): entity embeddings of the wheel's material (soft PU, hard PU,
  polypropylene, TPR rubber), its diameter class (40, 50, 65, 80 mm), the bearing (plain bushing, open 608, sealed
  608), the floor (terrazzo, carpet, asphalt, cobbles, tactile paving, decking) and the layout (two-wheel upright,
  four-wheel spinner), concatenated with the load, speed, wear and temperature, into an MLP to the log rolling
  resistance coefficient and the log handle vibration; the coefficient from a hysteresis term (contact width of a
  viscoelastic wheel), sinkage in soft floors, climbing the floor's steps and gaps, the bearing's friction over the
  wheel radius, flat spots from wear and spinner caster flutter; 1.5% scatter; MSE; Adam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the rocking-chair and
suitcase nets (no short plans), the clothesline net on 8192 days instead of 2048 (24 units a layer instead of 32,
batch 32) and the stroller latch net on 32768 tests instead of 8192 (32 units and two blocks instead of 48 and
three, batch 128).

Of the eight plans, the long ones use RAdam (rocking chair), Adam (suitcase), AdamW (clothesline@long) and SGD with
Nesterov momentum (stroller@long); the short ones AdamW (nail clipper, clothesline, chopsticks) and SGD with Nesterov
momentum (stroller).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam124_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam124/README.md).

    python benchmarks/exam124_workloads.py          # the table
    python benchmarks/exam124_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 124"


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
# 1. nail-clipper clip outcome, an MLP classifier (AdamW)

NC_CLASSES = 5  # clean cut, ragged edge, split / cracked, incomplete, layers peeled


def _nc_clips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Clips of fingernails and toenails judged under a loupe. The nail: thickness 0.3-1.2 mm (toenails
    thicker), water content 8-30% (dry to just after a bath), width across the cut 6-18 mm, transverse curvature
    radius 5-20 mm; the clipper (fingernail lever, toenail lever, scissor-type; one-hot): mechanical advantage
    9, 12, 2.5, jaw curvature radius 12, 25, infinite (straight), the blades' edge radius 5-40 um (log-uniform),
    the blades' misalignment 0-0.15 mm; the user's grip 20-120 N and the closing speed (slow squeeze to a snap,
    0-1). Cutting force: the width times a flow stress 60 MPa exp(-4 (w - 0.08)) times (thickness + 6 edge
    radius) times (1 + misalignment / thickness). Checks, each with lognormal scatter (the first failing one
    decides): incomplete when the cutting force exceeds 2 x grip x advantage (units invented);
    split / cracked when a brittleness index (flow stress x thickness over a toughness 2 + 30 w kJ/m2, times 1 +
    the speed, times the curvature mismatch |1 / R_nail - 1 / R_jaw|) is high; layers peeled when a dry, thick
    nail is cut with a dull blade; ragged when the edge radius or the misalignment is large against the
    thickness and the nail is wet (it tears instead of shearing); else clean. Constants invented.
    Returns (features (n, 12), classes)."""
    t = 0.3 + 0.9 * torch.rand(n, generator=gen) ** 1.5
    w = 0.08 + 0.22 * torch.rand(n, generator=gen)
    width = 6 + 12 * torch.rand(n, generator=gen)
    r_nail = 5 + 15 * torch.rand(n, generator=gen)
    kind = torch.randint(0, 3, (n,), generator=gen)
    adv = torch.tensor([9.0, 12.0, 2.5])[kind]
    inv_jaw = torch.tensor([1 / 12, 1 / 25, 0.0])[kind]
    re = 0.005 * 8 ** torch.rand(n, generator=gen)
    mis = 0.15 * torch.rand(n, generator=gen)
    grip = 20 + 100 * torch.rand(n, generator=gen)
    speed = torch.rand(n, generator=gen)
    sigma = 60 * torch.exp(-4 * (w - 0.08))
    gc = 2 + 30 * w
    force = width * sigma * (t + 6 * re) * (1 + mis / t)
    noise = [0.08 * torch.randn(n, generator=gen) for _ in range(4)]
    incomplete = torch.log(force / (2 * grip * adv)) + noise[0] > 0
    brittle = sigma * t / gc * (1 + speed) * (0.3 + 8 * (1 / r_nail - inv_jaw).abs())
    split = torch.log(brittle / 6.4) + noise[1] > 0
    peel = torch.log((0.32 - w).clamp_min(1e-3) / 0.22 * t / 0.6 * re / 0.02) + noise[2] > 0
    ragged = torch.log((re + 0.3 * mis) / t * (w / 0.15) / 0.12) + noise[3] > 0
    y = torch.zeros(n, dtype=torch.long)
    y[ragged] = 1
    y[peel] = 4
    y[split] = 2
    y[incomplete] = 3
    x = torch.cat([torch.stack([(t - 0.66) / 0.24, (w - 0.19) / 0.064, (width - 12) / 3.5, (r_nail - 12.5) / 4.3,
                                (torch.log(re) + 4.26) / 0.6, (mis - 0.075) / 0.043, (grip - 70) / 29,
                                (speed - 0.5) / 0.29, ], 1), F.one_hot(kind, 3).float(),
                   torch.log(adv / 6).unsqueeze(1)], 1)
    return x, y


class ClipNet(nn.Module):
    """A ReLU MLP from the nail, the clipper and the user to the five outcome logits."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, NC_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def clip_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the clip outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def nail_clipper(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The clip-outcome classifier on 8192 clips; held out: 2048 other clips in batches of 1024; AdamW."""
    gen = torch.Generator().manual_seed(124101)
    x, y = _nc_clips(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ClipNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": clip_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. clothesline drying, a grey-box two-period drying curve (AdamW)

CL_HOURS = 12
CL_FABRICS = 5  # towel, T-shirt, jeans, polyester shirt, wool jumper


def _p_sat(temp: torch.Tensor) -> torch.Tensor:
    """Tetens: the saturation vapour pressure (kPa) at ``temp`` (C)."""
    return 0.6108 * torch.exp(17.27 * temp / (temp + 237.3))


def _cl_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A garment pegged out after the wash, weighed every hour for 12 hours. The garment (towel 500 g/m2, T-shirt
    150, jeans 420, polyester shirt 120, wool jumper 320; moisture after a 1000 rpm spin 0.9, 0.6, 0.55, 0.3, 0.8
    kg/kg, critical moisture 0.35, 0.25, 0.3, 0.08, 0.4, regain at 65% RH 0.08, 0.08, 0.07, 0.005, 0.15); the
    spin 400-1400 rpm (moisture x (1000 / rpm)^0.6); pegged flat (two faces) or folded over the line (half the
    exposed area, slower); 0.06 kg/m2 evaporated per hour per unit of the rate below. Days of steady weather (the
    station's means over the 12 hours): from 6-11 h, temperature 5-28 C, relative humidity 35-90%, wind 0.3-7.5 m/s
    (log-uniform), sunshine 0-1. Each hour (4 sub-steps): constant-rate evaporation (0.3 + 0.25 u^0.7) (3% per-day
    scatter) (p_sat(T_s) - RH p_sat(T_a)) with the cloth warmed by the sun (T_s = T_a + 6 S), over the areal mass;
    below the critical moisture the rate falls in proportion to (X - X_eq) / (X_c - X_eq) (first order); X_eq the
    regain at the day's humidity (x (RH / 0.65)^1.5). Weighing scatter 0.01. Constants invented. Returns
    (features (n, 12): garment one-hot, spin, folded, temperature, humidity, log wind, sunshine, the start hour;
    moisture ratios (n, 12) at the end of each hour)."""
    fab = torch.randint(0, CL_FABRICS, (n,), generator=gen)
    areal = torch.tensor([0.50, 0.15, 0.42, 0.12, 0.32])[fab]
    x1000 = torch.tensor([0.9, 0.6, 0.55, 0.3, 0.8])[fab]
    xc = torch.tensor([0.35, 0.25, 0.30, 0.08, 0.40])[fab]
    regain = torch.tensor([0.08, 0.08, 0.07, 0.005, 0.15])[fab]
    rpm = 400 + 1000 * torch.rand(n, generator=gen)
    folded = (torch.rand(n, generator=gen) < 0.35).float()
    x0 = x1000 * (1000 / rpm) ** 0.6
    start = 6 + 5 * torch.rand(n, generator=gen)
    ta = 5 + 23 * torch.rand(n, generator=gen)
    rh = 0.35 + 0.55 * torch.rand(n, generator=gen)
    u = 0.3 * 25 ** torch.rand(n, generator=gen)
    sun = torch.rand(n, generator=gen)
    day_k = torch.exp(0.03 * torch.randn(n, generator=gen))
    x_eq = regain * (rh / 0.65) ** 1.5
    rate = (0.3 + 0.25 * u**0.7) * day_k * (_p_sat(ta + 6 * sun) - rh * _p_sat(ta)).clamp_min(0.02)
    rate = rate * (1 - 0.5 * folded) * 2 / areal  # kg water per kg cloth per hour, two faces
    x = x0.clone()
    ratio = []
    for _ in range(CL_HOURS):
        for _ in range(4):
            fall = ((x - x_eq).clamp_min(0) / (xc - x_eq).clamp_min(1e-3)).clamp(max=1)
            x = (x - 0.25 * 0.06 * rate * fall).clamp_min(x_eq * 0.5)
        ratio.append(x / x0)
    feats = torch.cat([F.one_hot(fab, CL_FABRICS).float(), torch.stack([
        (rpm - 900) / 290, 2 * folded - 1, (ta - 16.5) / 6.6, (rh - 0.625) / 0.16,
        (torch.log(u) - 0.4) / 0.93, (sun - 0.5) / 0.29, (start - 8.5) / 1.45], 1)], 1)
    y = torch.stack(ratio, 1) + 0.01 * torch.randn(n, CL_HOURS, generator=gen)
    return feats, y


class DryingGreyBox(nn.Module):
    """The two-period drying curve with learned parameters: an MLP from the garment and the day's means to the
    constant drying rate r (moisture ratio per hour), the critical ratio c and the equilibrium ratio e; the free
    moisture f = 1 - r t until it reaches c (at t_c = (1 - c) / r), then c exp(-(r / c) (t - t_c)) (the falling-rate
    period, first order); MR(t) = e + (1 - e) f at the end of each of the 12 hours."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))
        self.register_buffer("hours", torch.arange(1, CL_HOURS + 1, dtype=torch.float32))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        r = torch.exp(p[:, :1] - 1.5)  # per hour, centred near 0.22
        c = torch.sigmoid(p[:, 1:2] - 0.5)
        eq = torch.sigmoid(p[:, 2:] - 2.5)
        t = self.hours.view(1, -1)
        t_c = (1 - c) / r
        f = torch.where(t < t_c, 1 - r * t, c * torch.exp(-(r / c) * (t - t_c).clamp_min(0)))
        return eq + (1 - eq) * f


def drying_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the hourly moisture ratios, times 10."""
    x, y = batch
    return 10 * F.mse_loss(model(x), y)


def clothesline_drying(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                       hidden: int = 32) -> dict[str, Any]:
    """The grey-box drying net on 2048 days on the line; held out: 2048 other days in batches of 1024; AdamW."""
    gen = torch.Generator().manual_seed(124201)
    x, y = _cl_days(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DryingGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": drying_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. stroller fold-latch engagement, a residual net with LayerNorm (SGD with Nesterov momentum)

SL_CLASSES = 5  # locked, false latch, one side only, bounced out, jammed


def _sl_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Unfold-and-lock tests of a folding stroller's frame latch (a spring bolt or hook snapping into a detent
    tooth as the frame straightens). Spring preload 5-20 N, rate 0.5-3 N/mm; tooth depth 1.5-4 mm, chamfer
    10-40 degrees; frame slop 0-1.5 mm; wear 0-20,000 cycles (log); temperature -10-40 C (cold POM is stiffer and
    slicker); grit 0-1; the unfolding speed 0.2-1.5 m/s; the user's push on the handle after unfolding 0-60 N;
    the latch (rotary hook, sliding bolt, cam lever; one-hot). Checks, each with lognormal scatter: jammed when the
    grit's and the cold's friction exceeds the spring's force; bounced out when the frame's rebound energy (speed^2)
    beats the detent's hold (preload and depth, less with the chamfer and wear); false latch when the bolt's snap
    time sqrt(mass depth / force) is longer than the frame's dwell at the detent (slop over speed) and the push
    cannot seat it over the chamfer; one side only when slop and wear rack the frame by more than half the
    engagement. Constants invented. Returns (features (n, 13), classes)."""
    pre = 5 + 15 * torch.rand(n, generator=gen)
    rate = 0.5 + 2.5 * torch.rand(n, generator=gen)
    depth = 1.5 + 2.5 * torch.rand(n, generator=gen)
    cham = 10 + 30 * torch.rand(n, generator=gen)
    slop = 1.5 * torch.rand(n, generator=gen)
    wear = 10 ** (4.3 * torch.rand(n, generator=gen))
    temp = -10 + 50 * torch.rand(n, generator=gen)
    grit = torch.rand(n, generator=gen)
    speed = 0.2 + 1.3 * torch.rand(n, generator=gen)
    push = 60 * torch.rand(n, generator=gen)
    kind = torch.randint(0, 3, (n,), generator=gen)
    bolt_mass = torch.tensor([4.0, 6.0, 3.0])[kind]  # g
    hold_k = torch.tensor([1.0, 0.8, 1.3])[kind]
    force = pre + 0.5 * rate * depth
    wearf = torch.log10(wear) / 4.3
    noise = [0.02 * torch.randn(n, generator=gen) for _ in range(4)]
    fric = (2 + 14 * grit ** 1.5) * (1 + 0.02 * (20 - temp).clamp_min(0))
    jammed = torch.log(fric / (1.2 * force)) + noise[0] > 0
    hold = hold_k * force * depth * torch.cos(torch.deg2rad(cham)) * (1 - 0.35 * wearf)
    rebound = 18 * speed**2
    bounced = torch.log(rebound / hold) + noise[1] > 0
    snap = torch.sqrt(bolt_mass * depth / force)  # ms (units invented)
    dwell = (slop + 0.3) / speed * 0.8
    seat = push * torch.tan(torch.deg2rad(cham)) / (4 + fric)
    false = (torch.log(snap / dwell) + noise[2] > 0) & (seat + 0.3 * noise[3] < 1.5)
    rack = (slop + 0.5 * wearf) / depth
    one_side = torch.log(rack / 0.45) + noise[3] > 0
    y = torch.zeros(n, dtype=torch.long)
    y[one_side] = 2
    y[false] = 1
    y[bounced] = 3
    y[jammed] = 4
    x = torch.cat([torch.stack([(pre - 12.5) / 4.3, (rate - 1.75) / 0.72, (depth - 2.75) / 0.72, (cham - 25) / 8.7,
                                (slop - 0.75) / 0.43, (torch.log10(wear) - 2.15) / 1.24, (temp - 15) / 14.4,
                                (grit - 0.5) / 0.29, (speed - 0.85) / 0.375, (push - 30) / 17.3], 1),
                   F.one_hot(kind, 3).float()], 1)
    return x, y


class PreLNBlock(nn.Module):
    """x + W2 GELU(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class LatchResNet(nn.Module):
    """A linear stem, Pre-LN residual blocks, a final LayerNorm and the five class logits."""

    def __init__(self, width: int = 48, blocks: int = 3) -> None:
        super().__init__()
        self.stem = nn.Linear(13, width)
        self.blocks = nn.Sequential(*[PreLNBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, SL_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.stem(x))))


def latch_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the latch outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def stroller_latch(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 48,
                   blocks: int = 3) -> dict[str, Any]:
    """The latch classifier on 8192 unfold tests; held out: 2048 other tests in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(124401)
    x, y = _sl_tests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LatchResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": latch_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. chopstick grip slip, a small Pre-LN transformer over the lift (AdamW)

CH_STEPS = 16
CH_CLASSES = 4  # held, slipping, dropped, crushed


def _ch_lifts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pick-and-lift trials with chopsticks, 16 steps of 40 ms. The chopsticks (lacquered wood, bare bamboo,
    stainless steel, melamine: friction 0.25, 0.45, 0.18, 0.3), ridged tips or not (x1.3); the food (peanut 1 g,
    tofu 12 g, noodle 5 g, nigiri 25 g, dumpling 18 g; a wetness / oil factor 0.9, 0.6, 0.55, 0.8, 0.65 on the
    friction; crushing tip forces 30, 1.2, 4, 3, 2.5 N, lognormal 25%); the fingers' lever ratio 0.3-0.6 (tip force
    = ratio x grip). The trial: a grip that ramps up and wavers (0.3-3 N at the fingers), a lift whose
    acceleration is a bump of 1-9 m/s^2 peaking at a random step, a tilt of 0-40 degrees drifting. Each step the
    two tips can carry 2 N (mu cos theta + 0.6 sin theta); when m (g + a) is more, the food slips by 4 mm times the
    excess's share (accumulating), and drops past 8 mm; a tip force past the food's strength crushes it (absorbing).
    Per-trial friction scatter 5% (lognormal). Constants invented. Returns (inputs (n, 16, 15), labels (n, 16))."""
    mat = torch.randint(0, 4, (n,), generator=gen)
    ridged = (torch.rand(n, generator=gen) < 0.5).float()
    food = torch.randint(0, 5, (n,), generator=gen)
    wet = torch.tensor([0.9, 0.6, 0.55, 0.8, 0.65])[food]
    mu = torch.tensor([0.25, 0.45, 0.18, 0.3])[mat] * (1 + 0.3 * ridged) * wet
    mu = mu * torch.exp(0.05 * torch.randn(n, generator=gen))
    mass = torch.tensor([1.0, 12.0, 5.0, 25.0, 18.0])[food] / 1000
    crush = torch.tensor([30.0, 1.2, 4.0, 3.0, 2.5])[food] * torch.exp(0.25 * torch.randn(n, generator=gen))
    lever = 0.3 + 0.3 * torch.rand(n, generator=gen)
    g_target = 0.3 + 2.7 * torch.rand(n, generator=gen)
    ramp = 2 + 4 * torch.rand(n, generator=gen)
    a_peak = 1 + 8 * torch.rand(n, generator=gen)
    a_at = 4 + 8 * torch.rand(n, generator=gen)
    tilt0 = 40 * torch.rand(n, generator=gen)
    slip = torch.zeros(n)
    dropped = torch.zeros(n, dtype=torch.bool)
    crushed = torch.zeros(n, dtype=torch.bool)
    waver = torch.zeros(n)
    tilt = tilt0
    feats, labels = [], []
    for k in range(CH_STEPS):
        waver = 0.7 * waver + 0.12 * torch.randn(n, generator=gen)
        grip = g_target * (1 - torch.exp(-torch.tensor(float(k + 1)) / ramp)) * (1 + waver).clamp_min(0.2)
        acc = a_peak * torch.exp(-(((k - a_at) / 2.5) ** 2))
        tilt = (tilt + 2 * torch.randn(n, generator=gen)).clamp(0, 45)
        th = torch.deg2rad(tilt)
        tip = lever * grip
        carry = 2 * tip * (mu * torch.cos(th) + 0.6 * torch.sin(th))
        demand = mass * (9.81 + acc)
        excess = (demand - carry).clamp_min(0) / demand
        crushed = crushed | ((tip > crush) & ~dropped)
        slipping = (excess > 0) & ~crushed & ~dropped
        slip = slip + 4 * excess * (~crushed).float()
        dropped = dropped | ((slip > 8) & ~crushed)
        lab = torch.zeros(n, dtype=torch.long)
        lab[slipping] = 1
        lab[dropped] = 2
        lab[crushed] = 3
        labels.append(lab)
        feats.append(torch.stack([(grip - 2.5) / 1.6, (acc - 2) / 2.5, (tilt - 20) / 12,
                                  torch.full((n,), (k - 7.5) / 4.6)], 1))
    static = torch.cat([F.one_hot(mat, 4).float(), (2 * ridged - 1).unsqueeze(1), F.one_hot(food, 5).float(),
                        ((lever - 0.45) / 0.087).unsqueeze(1)], 1)
    inp = torch.cat([torch.stack(feats, 1), static.unsqueeze(1).expand(n, CH_STEPS, -1)], 2)
    return inp, torch.stack(labels, 1)


class GripTransformer(nn.Module):
    """A linear embedding of each step plus a learned position embedding, Pre-LN transformer encoder layers
    (``norm_first=True``, no dropout), a final LayerNorm and per-step class logits."""

    def __init__(self, d_model: int = 32, layers: int = 2, heads: int = 2) -> None:
        super().__init__()
        self.embed = nn.Linear(15, d_model)
        self.pos = nn.Parameter(0.02 * torch.randn(1, CH_STEPS, d_model))
        layer = nn.TransformerEncoderLayer(d_model, heads, 2 * d_model, dropout=0.0, activation="gelu",
                                           batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, CH_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.encoder(self.embed(x) + self.pos)))


def grip_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of each step's state (held, slipping, dropped, crushed), averaged over the steps."""
    x, y = batch
    return F.cross_entropy(model(x).reshape(-1, CH_CLASSES), y.reshape(-1))


def chopstick_grip(batch_size: int = 32, seed: int = 0, train_size: int = 8192, d_model: int = 32,
                   layers: int = 2) -> dict[str, Any]:
    """The grip transformer on 8192 lifts; held out: 2048 other lifts in batches of 1024; AdamW."""
    gen = torch.Generator().manual_seed(124601)
    x, y = _ch_lifts(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GripTransformer(d_model, layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": grip_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. rocking-chair period, a grey-box rolling pendulum (RAdam; long only)

RC_FLOORS = 4  # hardwood, tile, rug, thick carpet
RC_CYCLES = (1, 2, 4, 8)


def _rc_rocks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A rocking chair with its occupant, pushed once and left to rock. The chair 8-20 kg with its centre of mass
    0.30-0.45 m above the floor; the occupant 20-110 kg, the centre of mass 0.20-0.32 m above the seat, reclined
    0-25 degrees (lower and further back: a radius of gyration about the own centre of 0.25-0.35 m); the seat 0.35-0.48
    m high; rockers of radius 0.9-1.8 m (chairs with R - h under 0.12 m are re-drawn as R = h + 0.12-0.5); the
    floor's rolling-resistance arm 0.4, 0.3, 2.5, 7 mm (lognormal 2% per trial); the push 3-15 degrees. Rolling
    without slipping: the composite centre at height h, I_contact = I_cm + m h^2, T0 = 2 pi sqrt(I_contact / (m g
    (R - h))), T = T0 (1 + theta0^2 / 16); the amplitude after n cycles theta0 exp(-2 pi zeta n) - 4 n lambda / (R -
    h), zeta = 0.01 + 0.03 m_occupant / m (the body's own give), floored at 0. Scatter: 0.5% on the period, 0.005 on
    the ratios; the occupant's radius of gyration unobserved (1%). Constants invented. Returns (features (n, 13):
    the last is theta0 in radians, outputs (n, 5): log period and 4 amplitude ratios)."""
    mc = 8 + 12 * torch.rand(n, generator=gen)
    hc = 0.30 + 0.15 * torch.rand(n, generator=gen)
    mo = 20 + 90 * torch.rand(n, generator=gen)
    ho = 0.20 + 0.12 * torch.rand(n, generator=gen)
    recl = 25 * torch.rand(n, generator=gen)
    seat = 0.35 + 0.13 * torch.rand(n, generator=gen)
    radius = 0.9 + 0.9 * torch.rand(n, generator=gen)
    floor = torch.randint(0, RC_FLOORS, (n,), generator=gen)
    lam = torch.tensor([0.4, 0.3, 2.5, 7.0])[floor] / 1000 * torch.exp(0.02 * torch.randn(n, generator=gen))
    th0 = torch.deg2rad(3 + 12 * torch.rand(n, generator=gen))
    m = mc + mo
    h_o = seat + ho * torch.cos(torch.deg2rad(recl))
    h = (mc * hc + mo * h_o) / m
    low = radius - h < 0.12
    radius = torch.where(low, h + 0.12 + 0.38 * torch.rand(n, generator=gen), radius)
    k_o = (0.25 + 0.1 * recl / 25) * torch.exp(0.01 * torch.randn(n, generator=gen))
    i_cm = mc * (0.35 * hc) ** 2 + mo * k_o**2 + mc * mo / m * (h_o - hc) ** 2
    i_c = i_cm + m * h**2
    a = radius - h
    t0 = 2 * math.pi * torch.sqrt(i_c / (m * 9.81 * a))
    period = t0 * (1 + th0**2 / 16) * torch.exp(0.005 * torch.randn(n, generator=gen))
    zeta = 0.01 + 0.03 * mo / m
    ratios = [(torch.exp(-2 * math.pi * zeta * c) - 4 * c * lam / (a * th0)).clamp_min(0) for c in RC_CYCLES]
    y = torch.stack([torch.log(period)] + ratios, 1)
    y[:, 1:] = y[:, 1:] + 0.005 * torch.randn(n, len(RC_CYCLES), generator=gen)
    x = torch.cat([torch.stack([(mc - 14) / 3.5, (hc - 0.375) / 0.043, (mo - 65) / 26, (ho - 0.26) / 0.035,
                                (recl - 12.5) / 7.2, (seat - 0.415) / 0.038, (radius - 1.3) / 0.3,
                                (th0 - 0.157) / 0.06], 1), F.one_hot(floor, RC_FLOORS).float(), th0.unsqueeze(1)], 1)
    return x, y


class RockingGreyBox(nn.Module):
    """An MLP from the chair, occupant and floor to four positive parameters (the inertia about the contact per unit
    mass, the centre's depth below the rockers' centre, the damping ratio and the rolling-resistance arm), and the
    rolling-pendulum law from them and the push's angle to the period and the amplitude ratios, standardised with the
    training pool's means and sds (fixed buffers)."""

    def __init__(self, y_mean: torch.Tensor, y_sd: torch.Tensor, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))
        # centred on a typical chair: I/m 0.3 m^2, R - h 0.6 m, zeta 0.02, lambda 2 mm
        self.register_buffer("prior", torch.tensor([math.log(0.3), math.log(0.6), math.log(0.02), math.log(0.002)]))
        self.register_buffer("y_mean", y_mean)
        self.register_buffer("y_sd", y_sd)
        self.register_buffer("cycles", torch.tensor(RC_CYCLES, dtype=torch.float32))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = torch.exp(self.prior + self.net(x[:, :12]))
        ic, a, zeta, lam = p.unbind(1)
        th0 = x[:, 12]
        log_t = 0.5 * torch.log(ic / (9.81 * a)) + math.log(2 * math.pi) + torch.log1p(th0**2 / 16)
        c = self.cycles.view(1, -1)
        ratios = (torch.exp(-2 * math.pi * zeta.unsqueeze(1) * c) - 4 * c * (lam / (a * th0)).unsqueeze(1)).clamp_min(0)
        return (torch.cat([log_t.unsqueeze(1), ratios], 1) - self.y_mean) / self.y_sd


def rocking_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log period and amplitude ratios."""
    return _mse(model, batch)


def rocking_chair(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box rocking net on 8192 rocking tests; held out: 2048 other tests in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(124501)
    x, y = _rc_rocks(train_size + 2048, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RockingGreyBox(mean, sd, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": rocking_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. suitcase wheel rolling resistance, entity embeddings (Adam; long only)

SC_LEVELS = (4, 4, 3, 6, 2)  # material, diameter class, bearing, floor, layout


def _sc_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pull tests of wheeled suitcases on a force-sensing handle. Wheel material soft PU, hard PU, polypropylene,
    TPR (modulus 20, 60, 1500, 10 MPa; loss factor 0.08, 0.05, 0.02, 0.15; PU softening 1.5% per degree); diameter
    40, 50, 65, 80 mm (20 mm wide); bearing: plain bushing (friction 0.15), open 608 (0.004), sealed 608 (0.008), 8
    mm bore; the floor: terrazzo, carpet, asphalt, cobbles, tactile paving, decking (step height 0.1, 0.3, 1.5, 8,
    5, 3 mm; sinkage factor 0, 1, 0, 0, 0, 0.1); two-wheel upright (70% of the load on the wheels) or four-wheel
    spinner (casters flutter with speed on rough floors). Load 5-32 kg, speed 0.5-2 m/s, wear 0-1 (flat spots),
    temperature 0-35 C. Crr = 0.6 tan_delta sqrt(N / (E b D)) + sinkage 0.04 (N / (b D))^0.5 / D^0.5 + climbing
    0.25 sqrt(2 h / D) (1 + 0.2 v^2) + bearing mu_b d / D + 0.05 wear sqrt(h + 0.5 mm / D) + flutter; the handle
    vibration from the steps' height, the speed and the wheel's stiffness. 1.5% scatter. Constants invented. Returns
    (categorical codes (n, 5), numbers (n, 4), log Crr and log vibration (n, 2))."""
    cats = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in SC_LEVELS], 1)
    mat, dia, brg, flo, lay = cats.unbind(1)
    load = 5 + 27 * torch.rand(n, generator=gen)
    v = 0.5 + 1.5 * torch.rand(n, generator=gen)
    wear = torch.rand(n, generator=gen)
    temp = 35 * torch.rand(n, generator=gen)
    e_mod = torch.tensor([20.0, 60.0, 1500.0, 10.0])[mat] * 1e6
    pu = (mat < 2).float()
    e_mod = e_mod * (1 - pu * 0.015 * (temp - 20)).clamp_min(0.5)
    tan_d = torch.tensor([0.08, 0.05, 0.02, 0.15])[mat]
    d = torch.tensor([0.040, 0.050, 0.065, 0.080])[dia]
    mu_b = torch.tensor([0.15, 0.004, 0.008])[brg]
    step = torch.tensor([0.1, 0.3, 1.5, 8.0, 5.0, 3.0])[flo] / 1000
    sink = torch.tensor([0.0, 1.0, 0.0, 0.0, 0.0, 0.1])[flo]
    spinner = (lay == 1).float()
    wheels = 2 + 2 * spinner
    n_wheel = load * 9.81 * (0.7 + 0.3 * spinner) / wheels
    b = 0.02
    crr = (0.6 * tan_d * torch.sqrt(n_wheel / (e_mod * b * d)) * 30
           + 0.04 * sink * torch.sqrt(n_wheel / (b * d) / 1e4) / torch.sqrt(d / 0.05)
           + 0.25 * torch.sqrt(2 * step / d) * (1 + 0.2 * v**2)
           * (1 - 0.4 * (e_mod < 1e8).float() * (step < 0.004).float())
           + mu_b * 0.004 / d
           + 0.05 * wear * torch.sqrt((step + 0.0005) / d)
           + spinner * 0.01 * v**2 * torch.sqrt(step / 0.001))
    vib = v * torch.sqrt(step / d + 1e-4) * (e_mod / 6e7) ** 0.25 * (1 + 0.5 * wear) * (1 + 0.3 * spinner * v)
    y = torch.stack([torch.log(crr), torch.log(vib)], 1) + 0.015 * torch.randn(n, 2, generator=gen)
    num = torch.stack([(load - 18.5) / 7.8, (v - 1.25) / 0.43, (wear - 0.5) / 0.29, (temp - 17.5) / 10.1], 1)
    return cats, num, y


class WheelEmbeddingNet(nn.Module):
    """One embedding table per categorical field, concatenated with the numbers, into a ReLU MLP."""

    def __init__(self, hidden: int = 32, dims: tuple[int, ...] = (4, 3, 3, 4, 2)) -> None:
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(k, d) for k, d in zip(SC_LEVELS, dims))
        self.net = nn.Sequential(nn.Linear(sum(dims) + 4, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cats: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([e(cats[:, i]) for i, e in enumerate(self.embs)] + [num], 1))


def wheel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log Crr and log vibration."""
    cats, num, y = batch
    return F.mse_loss(model(cats, num), y)


def suitcase_wheels(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The wheel embedding net on 8192 pull tests, targets standardised over them; held out: 2048 other tests in
    batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(124301)
    cats, num, y = _sc_pulls(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WheelEmbeddingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": wheel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("nail_clipper_outcome_adamw", nail_clipper, 300, "nail_clipper_clip_outcome_mlp", "adamw",
      "finite", 64, seconds=0.4, start_lr=0.032),
    W("clothesline_drying_greybox_adamw", clothesline_drying, 300, "clothesline_garment_two_period_drying_greybox",
      "adamw", "finite", 64, seconds=0.3, start_lr=0.064),
    W("stroller_latch_resnet_nesterov", stroller_latch, 300, "stroller_fold_latch_engagement_resnet_ln",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=0.5, start_lr=0.05),
    W("chopstick_grip_transformer_adamw", chopstick_grip, 300, "chopstick_grip_slip_sequence_transformer", "adamw",
      "finite", 64, seconds=2.2, start_lr=0.016),
)
LONG = (
    W("rocking_chair_greybox_radam@long", rocking_chair, 3000, "rocking_chair_rolling_pendulum_period_greybox",
      "radam", "finite", 128, seconds=3.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("suitcase_wheels_embedding_adam@long", suitcase_wheels, 3000, "suitcase_wheel_rolling_resistance_embedding_mlp",
      "adam", "finite", 64, seconds=3.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("clothesline_drying_greybox_adamw@long", clothesline_drying, 3000,
      "clothesline_garment_two_period_drying_greybox", "adamw", "finite", 32, dict(train_size=8192, hidden=24),
      seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="clothesline_drying_greybox_adamw"),
    W("stroller_latch_resnet_nesterov@long", stroller_latch, 3000, "stroller_fold_latch_engagement_resnet_ln",
      "sgd_nesterov0.9_wd5e-4", "finite", 128, dict(train_size=32768, width=32, blocks=2), seconds=3.0,
      start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="stroller_latch_resnet_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam124_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-fourth exam's workloads")
