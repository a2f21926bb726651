"""The hundred-and-thirty-first exam: six more workload families that neither the suite nor exams 1-130 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam130_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from aprons and spill shielding, binder clips and grip force, bottle openers
and lever pry, candle snuffers and flame quench, egg slicers and wire cutting, and flashlights and beam throw (exam
132 was built at the same time from other domains; its module was not opened). What was checked to make them new,
and what was tried and dropped, is in ``benchmarks/results/exam131/README.md``. Models, laws and optimiser settings
are written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- apron splash strike-through: learned embeddings of the apron fabric (7 kinds), the splashed liquid (5) and the
  repellent finish (3) joined to the impact speed, the drop size, the layer count, the wash count and the liquid's
  temperature, a GELU MLP on top, to the logit of the fraction of the splash that reaches a blotter under the
  apron and the log strike-through time; breakthrough when the drop's dynamic pressure passes the Laplace
  pressure of the fabric's pores (Young's contact angle from the liquid's surface tension and the finish, the
  finish wearing off with washes), Washburn wicking through the yarns after the impact; 4% scatter; MSE of the
  standardised targets; AdamW (weight decay 1e-2, torch's other defaults)
- binder-clip grip: a residual MLP (two Pre-LN blocks, LayerNorm) from the clip's size (19-51 mm), its spring
  steel's thickness, the stack's thickness against the clip's capacity, the paper's grammage and coating, the
  open / close cycles and the handles' position (folded back or up) to the log jaw clamp force, the log force to
  pull the middle sheet out and the log force to pull the whole stack out of the jaws; the clip a pre-bent
  triangular spring (its stiffness E w t^3 / L^3), plastic set beyond its capacity, stress relaxation with
  cycles, Coulomb friction at two paper-paper faces or at the jaws' lips; 2% scatter; MSE; Adam (torch's defaults)
  and, as a long plan (one block, 0.5% scatter), NAdam (torch's defaults)
- crown-cap bottle opener: a grey-box lever net: the lever law is written in (the hand force is the cap's release
  force times the opener's fulcrum-to-tooth over fulcrum-to-grip ratio, over a fulcrum efficiency), and a SiLU MLP
  learns the log release force of the crimp and the pry angle at release from the cap (steel thickness, liner,
  flute count), the carbonation pressure and temperature, the tooth's bite and the opener (flat church key,
  waiter's two-step lever, wall-mounted, speed opener; one-hot); release force from unbending the engaged flutes
  (yield stress times thickness squared), less the gas pressure's lift on the cap, plus the liner's adhesion; 1%
  scatter; MSE of the standardised log hand force and release angle; Adamax (torch's defaults)
- egg-slicer force traces: a 1-D CNN (three conv layers with BatchNorm, global average pooling) classifies a boiled
  egg's doneness (soft, jammy, hard, overcooked) from the force on an egg slicer's wire frame at 64 displacement
  steps; a Hertz-like loading of the white, one cutting peak per wire row (wire tension scatter staggers them), the
  yolk's response (runny: a drop; set: a plateau; overcooked: crumbly spikes), the doneness from the boiling time
  over the egg's diameter squared (heat conduction) with 0.25 min of scatter, load-cell noise; cross-entropy; AdamW
  (weight decay 5e-2, torch's other defaults) and, as a long plan (two conv layers, no BatchNorm, 0.1 min of
  doneness scatter), SGD with Nesterov momentum 0.9 and weight decay 5e-4
- candle snuffer quench (a long plan only): a GRU over 8 readings (2.4 s) of a photodiode's flame luminosity and a
  thermocouple's bell temperature (with the bell's volume and rim gap as constant channels) after a snuffer's bell
  is lowered over a candle, to the log time until the flame goes out and the log smoke mass of the smoulder
  afterwards; a well-mixed bell whose oxygen the flame burns (heat release over the heat of combustion per mass of
  oxygen) while the rim gap leaks air in, the flame shrinking towards the limiting oxygen fraction and going out
  below it, the wick's smoulder smoke growing with the time spent near the limit and with the wick's length; 3%
  scatter; MSE of the standardised targets; RMSprop (torch's defaults)
- flashlight beam throw (a long plan only): an MLP from the LED's die size and luminance class, the drive current,
  the reflector's aperture and depth, its texture (smooth, light or heavy orange peel, TIR optic; one-hot), the
  emitter's focus offset, the battery's charge and the cell temperature to the log peak intensity (candela; the
  ANSI FL1 throw is 2 sqrt(cd)), the log lumens out of the lens, the log hotspot and spill angles; luminance
  conservation (peak candela about the LED's luminance times the aperture area), efficacy droop with current and
  heat, the hotspot's angle from the die over the focal length, spread by the texture and defocus, the spill's
  from the reflector's depth; 1.5% scatter; MSE of the standardised targets; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the candle-snuffer and
flashlight nets (no short plans), the binder-clip net on 8192 tests instead of 4096 (32 units and one block instead
of 48 and two, tests with 0.5% scatter instead of 2%; NAdam, batch 32) and the egg-slicer CNN on 16384 eggs instead
of 8192 (two conv layers, no BatchNorm, 0.1 min of doneness scatter instead of 0.25; SGD with Nesterov momentum,
batch 128).

Of the eight plans, the four short ones use AdamW (apron, egg slicer), Adam (binder clip) and Adamax (bottle
opener); the four long ones SGD with Nesterov momentum (egg slicer), NAdam (binder clip), RMSprop (candle snuffer)
and RAdam (flashlight).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam131_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam131/README.md).

    python benchmarks/exam131_workloads.py          # the table
    python benchmarks/exam131_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 131"


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


def _u(n: int, gen: torch.Generator, lo: float, hi: float) -> torch.Tensor:
    """``n`` uniform draws on [lo, hi)."""
    return lo + (hi - lo) * torch.rand(n, generator=gen)


# --------------------------------------------------------------------------------------------------------------
# 1. apron splash strike-through (embeddings of the categorical inputs; AdamW)

AP_FABRICS = 7  # cotton twill, poly-cotton, denim, waxed canvas, PU-coated nylon, PVC-coated polyester, neoprene
AP_LIQUIDS = 5  # water, vegetable oil, coffee, tomato sauce, soapy dishwater
AP_FINISHES = 3  # none, fluorocarbon DWR, silicone


def _ap_splashes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Splash tests of kitchen aprons: a drop of liquid hits the apron (one or two layers) over a blotter.
    Fabric: pore radius (um) 25, 18, 12, 8, 1.5, 0.5, 0.8, thickness and a wetting offset; liquid: surface
    tension (mN/m) 72, 32, 60, 45, 30, viscosity (mPa s) 1, 60, 1.2, 400, 1.5 and density; finish: the advancing
    contact angle it gives water (75, 125, 110 degrees; oils wet all but the fluorocarbon), its effect halving
    every ~15 washes. Breakthrough pressure 2 gamma |cos theta| / r_pore for theta > 90 (Laplace), else wicking at
    once; dynamic pressure 0.5 rho v^2 (v 0.5-4 m/s) times a water-hammer factor for small drops (1-6 mm). The
    struck-through fraction 0.9 times a logistic of the log pressure ratio, plus a Washburn wicked share
    sqrt(gamma r cos theta t / 2 mu) over 10 s through the layers; the strike-through time the layers' thickness
    squared over the Washburn rate (hot liquid 20-80 C: lower viscosity), saturating near 10 min and shortened by
    the share driven through on impact. 4% scatter. Returns (categories (n, 3), features (n, 5),
    targets (n, 2): logit of the struck-through fraction, log strike-through time)."""
    fab = torch.randint(0, AP_FABRICS, (n,), generator=gen)
    liq = torch.randint(0, AP_LIQUIDS, (n,), generator=gen)
    fin = torch.randint(0, AP_FINISHES, (n,), generator=gen)
    v = _u(n, gen, 0.5, 4.0)
    drop = _u(n, gen, 1.0, 6.0)
    layers = torch.randint(1, 3, (n,), generator=gen).float()
    washes = torch.randint(0, 51, (n,), generator=gen).float()
    temp = _u(n, gen, 20, 80)
    pore = torch.tensor([25.0, 18.0, 12.0, 8.0, 1.5, 0.5, 0.8])[fab] * 1e-6
    thick = torch.tensor([0.6, 0.4, 0.8, 0.7, 0.25, 0.4, 2.0])[fab] * 1e-3
    gamma = torch.tensor([72.0, 32.0, 60.0, 45.0, 30.0])[liq] * 1e-3
    mu = torch.tensor([1.0, 60.0, 1.2, 400.0, 1.5])[liq] * 1e-3 * torch.exp(-0.02 * (temp - 20))
    rho = torch.tensor([1000.0, 920.0, 1010.0, 1080.0, 1005.0])[liq]
    theta_w = torch.tensor([75.0, 125.0, 110.0])[fin]
    fresh = 0.5 ** (washes / 15)
    theta_w = 75 + (theta_w - 75) * fresh
    # lower surface tension wets more (a Zisman-like drop of the angle), the fluorocarbon resists oils best
    oil_resist = torch.tensor([0.0, 1.0, 0.3])[fin] * fresh
    theta = theta_w - (72e-3 - gamma) * 1e3 * (1.6 - 0.8 * oil_resist)
    theta = theta + torch.tensor([0.0, 0.0, 5.0, 15.0, 20.0, 25.0, 10.0])[fab]
    cos_t = torch.cos(torch.deg2rad(theta.clamp(5, 150)))
    p_break = 2 * gamma * (-cos_t).clamp_min(0.02) / pore * layers**0.5
    p_dyn = 0.5 * rho * v**2 * (1 + 2.0 / drop)
    frac_imp = 0.9 * torch.sigmoid(1.2 * torch.log(p_dyn / p_break))
    wash_rate = (gamma * pore * cos_t.clamp_min(0.0) / (2 * mu)).clamp_min(1e-12)  # m^2/s
    wick_len = (wash_rate * 10.0).sqrt()
    frac_wick = (wick_len / (thick * layers)).clamp(max=1.0) * (drop / 6) ** 0.5
    frac = 0.005 + 0.99 * (frac_imp + (1 - frac_imp) * 0.6 * frac_wick)
    t_wick = (thick * layers) ** 2 / wash_rate
    t_st = 0.05 + 1 / (1 / (t_wick + 0.5) + 1 / 600) * (1 - 0.9 * frac_imp / 0.9)
    noise = torch.exp(0.04 * torch.randn(n, 2, generator=gen))
    frac = (frac * noise[:, 0]).clamp(1e-3, 1 - 1e-3)
    y = torch.stack([torch.logit(frac), torch.log(t_st * noise[:, 1])], 1)
    x = torch.stack([(v - 2.25) / 1.0, (drop - 3.5) / 1.44, 2 * layers - 3, (washes - 25) / 14.7,
                     (temp - 50) / 17.3], 1)
    return torch.stack([fab, liq, fin], 1), x, y


class SplashNet(nn.Module):
    """Embeddings (4-d each) of the fabric, liquid and finish joined to the five numeric inputs, a GELU MLP."""

    def __init__(self, hidden: int = 64, emb: int = 4) -> None:
        super().__init__()
        self.fab = nn.Embedding(AP_FABRICS, emb)
        self.liq = nn.Embedding(AP_LIQUIDS, emb)
        self.fin = nn.Embedding(AP_FINISHES, emb)
        self.net = nn.Sequential(nn.Linear(3 * emb + 5, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.fab(cat[:, 0]), self.liq(cat[:, 1]), self.fin(cat[:, 2]), x], 1)
        return self.net(h)


def splash_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised strike-through logit and log time."""
    cat, x, y = batch
    return F.mse_loss(model(cat, x), y)


def apron_splash(batch_size: int = 128, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The splash net on 4096 splash tests, targets standardised over them; held out: 4096 other tests in batches
    of 1024; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(131101)
    cat, x, y = _ap_splashes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SplashNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2),
                                "adamw_wd1e-2"),
            "loss_fn": splash_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. binder-clip grip (a Pre-LN residual MLP; Adam, and NAdam as a long plan)


def _bc_tests(n: int, gen: torch.Generator, scatter: float = 0.02) -> tuple[torch.Tensor, torch.Tensor]:
    """Grip tests of binder clips: width 19-51 mm (capacity about 0.3 of the width), spring steel 0.25-0.6 mm; the
    stack 0.1-1.4 of the capacity thick, 70-160 g/m2 paper, coated (gloss) or uncoated; 0-200 open / close cycles;
    handles folded back or up. The clip a pre-bent triangular spring: jaw force F0 + k delta with k ~ E w t^3 /
    (4 L^3) (L about 0.45 of the width), the preload F0 from the bend; opened past its capacity the steel yields
    (the force caps and the clip keeps a set, losing preload); relaxation -3% per decade of cycles; handles up add
    a lever bit to the jaws. Pulling the middle sheet: two paper-paper faces, mu 0.45 (uncoated) or 0.3 (coated),
    rising a little with grammage; pulling the stack: the jaws' lips bite (mu 0.25 + a lip term rising with the
    force). 2% scatter (``scatter``). Returns (features (n, 8), log forces (n, 3): clamp, middle sheet, whole stack)."""
    width = _u(n, gen, 19, 51)
    t = _u(n, gen, 0.25, 0.6)
    fill = _u(n, gen, 0.1, 1.4)
    gsm = _u(n, gen, 70, 160)
    coated = (torch.rand(n, generator=gen) < 0.4).float()
    cycles = torch.floor(200 * torch.rand(n, generator=gen) ** 2)
    up = (torch.rand(n, generator=gen) < 0.5).float()
    cap = 0.3 * width
    stack = fill * cap
    length = 0.45 * width
    k = 2.0e5 * (width / 1000) * (t / 1000) ** 3 / (4 * (length / 1000) ** 3)  # N/m
    f0 = 0.25 * k * cap / 1000
    yield_d = cap * (0.9 + 0.4 * t)
    over = 0.1 * cap * F.softplus((stack - yield_d) / (0.1 * cap))  # past the yield point, smoothed
    d_eff = stack - 0.85 * over
    set_loss = torch.exp(-1.5 * over / cap)
    force = (f0 * set_loss + k * d_eff / 1000) * (1 - 0.03 * torch.log10(1 + cycles)) * (1 + 0.12 * up)
    mu_pp = (0.45 - 0.15 * coated) * (1 + 0.1 * (gsm - 115) / 45)
    sheet = 2 * mu_pp * force * (1 - 0.2 * torch.exp(-stack / 0.5))
    lip = 0.25 + 0.15 * (1 - torch.exp(-force / 20)) * (1 - 0.5 * coated)
    whole = 2 * lip * force + 0.5 * torch.sqrt(stack)
    y = torch.log(torch.stack([force, sheet, whole], 1)) + scatter * torch.randn(n, 3, generator=gen)
    x = torch.stack([(width - 35) / 9.2, (t - 0.425) / 0.1, (fill - 0.75) / 0.375, (gsm - 115) / 26,
                     2 * coated - 1, (torch.log1p(cycles) - 3.0) / 1.5, 2 * up - 1, torch.log(stack) - 1.5], 1)
    return x, y


class ResBlock(nn.Module):
    """A Pre-LN residual block: x + W2 GELU(W1 LN(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, 2 * width)
        self.fc2 = nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class GripNet(nn.Module):
    """A residual MLP: a linear stem, two Pre-LN blocks, a final LayerNorm and a linear head to the 3 log forces."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(8, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.stem(x))))


def grip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log clamp, sheet and stack forces."""
    return _mse(model, batch)


def binder_clip_grip(batch_size: int = 128, seed: int = 0, train_size: int = 4096, width: int = 48, blocks: int = 2,
                     optimizer: str = "adam", scatter: float = 0.02) -> dict[str, Any]:
    """The grip net on 4096 clip tests, targets standardised over them; held out: 4096 other tests in batches of
    1024; Adam (or NAdam, ``optimizer="nadam"``, the long plan's)."""
    gen = torch.Generator().manual_seed(131102)
    x, y = _bc_tests(train_size + 4096, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam") if optimizer == "nadam"
           else _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"))
    return {"model": GripNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": grip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. crown-cap bottle opener (a grey-box lever net; Adamax)

BO_OPENERS = 4  # flat church key, waiter's two-step lever, wall-mounted, speed opener


def _bo_prys(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Opening crown-capped bottles with a lever opener: the cap's steel 0.18-0.26 mm (yield 300-450 MPa), 21 or
    26 flutes, a PVC or a PVC-free liner (adhesion 5-40 N, more when aged), carbonation 0-4.5 volumes CO2 at 2-30
    C (Henry: the headspace pressure rising with both), the tooth's bite 0.5-2 mm under the skirt; the opener: its
    fulcrum-to-tooth distance a (12, 8, 15, 10 mm) and grip distance L (80, 110, 60, 150 mm, +-20%) and its
    fulcrum's efficiency (0.85, 0.92, 0.95, 0.8). The release force: the engaged flutes (more with a deeper bite,
    about 3-7) unbent, each sigma_y t^2 times a shape factor over the flute's arm, plus the liner's adhesion, less
    the gas pressure's lift on the 26 mm cap (a share of p pi r^2). The hand force = release force a / (L eff);
    the pry angle at release grows with the bite and the steel's stiffness, less with pressure. 1% scatter.
    Returns (features (n, 11), the lever ratio log(a / (L eff)) (n,), targets (n, 2): log hand force, release
    angle in degrees)."""
    typ = torch.randint(0, BO_OPENERS, (n,), generator=gen)
    a = torch.tensor([12.0, 8.0, 15.0, 10.0])[typ]
    grip = torch.tensor([80.0, 110.0, 60.0, 150.0])[typ] * _u(n, gen, 0.8, 1.2)
    eff = torch.tensor([0.85, 0.92, 0.95, 0.8])[typ]
    t = _u(n, gen, 0.18, 0.26)
    sy = _u(n, gen, 300, 450)
    flutes = torch.where(torch.rand(n, generator=gen) < 0.5, 21.0, 26.0)
    pvc_free = (torch.rand(n, generator=gen) < 0.5).float()
    vols = _u(n, gen, 0.0, 4.5)
    temp = _u(n, gen, 2, 30)
    bite = _u(n, gen, 0.5, 2.0)
    henry = 0.6 * torch.exp(0.035 * (temp - 2))  # bar per volume, rising with temperature
    p = vols * henry  # bar gauge
    engaged = (2.5 + 2.5 * bite) * flutes / 21 * (1 - 0.3 * torch.exp(-bite / 0.4))
    per_flute = sy * t**2 * 0.9 / (0.6 + 0.3 * bite)  # N
    adhesion = torch.where(pvc_free > 0, 15.0, 30.0) * (1 + 0.02 * temp) ** -1
    lift = 0.35 * p * 1e5 * math.pi * 0.013**2 * (1 - torch.exp(-bite))
    release = (engaged * per_flute + adhesion - lift).clamp_min(5.0)
    ratio = torch.log(a / (grip * eff))
    hand = release * torch.exp(ratio)
    angle = 8 + 6 * bite * (t / 0.22) ** 1.5 - 1.2 * p + 2 * (typ == 1).float()
    y = torch.stack([torch.log(hand) + 0.01 * torch.randn(n, generator=gen),
                     angle * torch.exp(0.01 * torch.randn(n, generator=gen))], 1)
    x = torch.cat([F.one_hot(typ, BO_OPENERS).float(), torch.stack([
        (t - 0.22) / 0.023, (sy - 375) / 43, (flutes - 23.5) / 2.5, 2 * pvc_free - 1, (vols - 2.25) / 1.3,
        (temp - 16) / 8.1, (bite - 1.25) / 0.43], 1)], 1)
    return x, ratio, y


class LeverGreyBox(nn.Module):
    """The lever law written in: log hand force = (learned log release force) + log(a / (L eff)), the ratio given
    per example; a SiLU MLP learns the log release force and the release angle from the cap, the bottle and the
    opener. The ratio enters in the standardised units of the log hand force (the training pool's sd)."""

    def __init__(self, hidden: int = 64, y_sd: float = 1.0, ratio_mean: float = 0.0) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))
        self.y_sd, self.ratio_mean = y_sd, ratio_mean

    def forward(self, x: torch.Tensor, ratio: torch.Tensor) -> torch.Tensor:
        out = self.net(x)
        # the standardised log release force (learned) plus the known lever ratio in the same units
        log_hand = out[:, 0] + (ratio - self.ratio_mean) / self.y_sd
        return torch.stack([log_hand, out[:, 1]], 1)


def lever_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log hand force and release angle."""
    x, ratio, y = batch
    return F.mse_loss(model(x, ratio), y)


def bottle_opener(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The lever grey-box on 1024 openings, targets standardised over them; held out: 4096 other openings in
    batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(131103)
    x, ratio, y = _bo_prys(train_size + 4096, gen)
    sd = y[:train_size].std(0)
    y = _standardise(y, train_size)
    tr = (x[:train_size], ratio[:train_size], y[:train_size])
    torch.manual_seed(seed)
    model = LeverGreyBox(hidden, float(sd[0]), float(ratio[:train_size].mean()))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], ratio[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": lever_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. egg-slicer force traces (a 1-D CNN with BatchNorm; AdamW, and SGD with Nesterov momentum as a long plan)

EG_STEPS = 64
EG_CLASSES = 4  # soft, jammy, hard, overcooked


def _eg_traces(n: int, gen: torch.Generator, scatter: float = 0.25) -> tuple[torch.Tensor, torch.Tensor]:
    """The force on an egg slicer's frame of 8-10 wires pushed through a peeled boiled egg (diameter 40-48 mm),
    sampled at 64 steps of the displacement. Doneness from the boiling time (5-14 min) over (diameter / 44 mm)^2
    (conduction), with 0.25 min of scatter (``scatter``) (the start temperature): soft < 6.5, jammy < 8.5, hard < 11.5,
    overcooked above. The white's modulus rises with doneness (saturating); loading Hertz-like (d^1.5) to the
    white's fracture, then one peak per wire row cutting (the wires' tension scatter staggers them over 2-8% of the
    stroke); the yolk's part (the middle 40% of the stroke): runny yolk drops the force, a jammy yolk is soft, a set
    yolk a plateau, an overcooked yolk crumbles into spikes; the wires' diameter (0.25-0.4 mm) scales the cutting
    force; the bottom white and the frame's stop. Load-cell noise 3% of the peak plus 0.02 N. Returns (traces (n,
    1, 64) in units of 2.5 N, classes (n,))."""
    dia = _u(n, gen, 40, 48)
    minutes = _u(n, gen, 5, 14)
    done = minutes / (dia / 44) ** 2 + scatter * torch.randn(n, generator=gen)
    y = torch.bucketize(done, torch.tensor([6.5, 8.5, 11.5]))
    wires = torch.randint(8, 11, (n,), generator=gen).float()
    wire_d = _u(n, gen, 0.25, 0.4)
    s = torch.linspace(0, 1, EG_STEPS).view(1, -1)
    mod = 1 - torch.exp(-(done.view(-1, 1) - 3) / 4).clamp(max=1.0)
    load = mod * 4 * (s / 0.12).clamp(max=1.0) ** 1.5
    frac_at = 0.12 + 0.03 * torch.rand(n, 1, generator=gen)
    cut = torch.zeros(n, EG_STEPS)
    spread = 0.02 + 0.06 * torch.rand(n, 1, generator=gen)
    for k in range(3):  # three rows of wires meet the white at staggered depths
        c = frac_at + spread * k + 0.01 * torch.randn(n, 1, generator=gen)
        cut = cut + (wires.view(-1, 1) / 9) * torch.exp(-((s - c) / 0.025) ** 2)
    white = (load * (s < frac_at).float() + mod * 2.5 * cut * (wire_d.view(-1, 1) / 0.3)
             + mod * 1.5 * ((s > frac_at) & (s < 0.3)).float())
    yolk_zone = ((s >= 0.3) & (s < 0.7)).float()
    d = done.view(-1, 1)
    yolk_level = torch.sigmoid((d - 7.5) / 0.8) * 1.8 + 0.1
    crumble = torch.sigmoid((d - 11.5) / 0.7) * 0.8 * torch.sin(s * 60 + 6 * torch.rand(n, 1, generator=gen)) ** 2
    yolk = yolk_zone * (yolk_level + crumble)
    bottom = ((s >= 0.7) & (s < 0.92)).float() * mod * (1.2 + 0.6 * torch.exp(-((s - 0.82) / 0.05) ** 2))
    stop = (s >= 0.92).float() * 5.0 * (s - 0.92) / 0.08
    f = white + yolk + bottom + stop
    peak = f.amax(1, keepdim=True)
    f = f + (0.03 * peak + 0.02) * torch.randn(n, EG_STEPS, generator=gen)
    return (f / 2.5).unsqueeze(1), y


class SliceCNN(nn.Module):
    """Conv1d(1, c, 5) BN ReLU MaxPool(2), Conv1d(c, 2c, 5) BN ReLU [MaxPool(2), Conv1d(2c, 2c, 3) BN ReLU when
    ``layers=3``], global average pooling, Linear to 4 logits; ``norm=False`` leaves the BatchNorms out."""

    def __init__(self, channels: int = 8, layers: int = 3, norm: bool | str = True) -> None:
        super().__init__()
        c = channels

        def bn(k: int) -> nn.Module:
            if norm == "group":
                return nn.GroupNorm(2, k)
            return nn.BatchNorm1d(k) if norm else nn.Identity()

        convs: list[nn.Module] = [nn.Conv1d(1, c, 5, padding=2), bn(c), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(c, 2 * c, 5, padding=2), bn(2 * c), nn.ReLU()]
        if layers == 3:
            convs += [nn.MaxPool1d(2), nn.Conv1d(2 * c, 2 * c, 3, padding=1), bn(2 * c), nn.ReLU()]
        self.features = nn.Sequential(*convs)
        self.head = nn.Linear(2 * c, EG_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).mean(2))


def slice_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the doneness class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def egg_slicer(batch_size: int = 256, seed: int = 0, train_size: int = 8192, channels: int = 8, layers: int = 3,
               norm: bool | str = True, optimizer: str = "adamw", scatter: float = 0.25) -> dict[str, Any]:
    """The slicer CNN on 8192 eggs; held out: 4096 other eggs in batches of 1024; AdamW with weight decay 5e-2 (or
    SGD with Nesterov momentum 0.9 and weight decay 5e-4, ``optimizer="nesterov"``, the long plan's)."""
    gen = torch.Generator().manual_seed(131104)
    x, y = _eg_traces(train_size + 4096, gen, scatter)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if optimizer == "nesterov":
        opt = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                         weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4")
    else:
        opt = _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=5e-2), "adamw_wd5e-2")
    return {"model": SliceCNN(channels, layers, norm), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": slice_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. candle-snuffer quench (a GRU over the sensor traces; RMSprop; long only)

CS_STEPS = 8


def _cs_snuffs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A bell snuffer lowered over a burning candle: bell volume 8-60 mL, rim gap 0-3 mm (leakage 0-0.6 volumes a
    second, growing with the gap), the flame's heat release 30-80 W (wick length 6-15 mm), oxygen 0.2095 at the
    start. A well-mixed bell in steps of 0.05 s: oxygen burnt at Q / 13.1 kJ per g O2 (the flame's rate shrinking
    as (X - X_lim) / (0.2095 - X_lim)), leak air in at the gap's rate; the flame out when X falls below the
    limiting fraction X_lim (0.155, lower for a hotter bell; out once the flame is 15% of its size); the bell's gas
    temperature rising with the heat kept.
    Sensors every 0.3 s for 8 readings (2.4 s): a photodiode's luminosity (the flame's rate, soot-yellow as X
    falls) and a thermocouple, each with noise. Targets: the log time to extinction (the run goes on to 20 s;
    past that, 20 s), the log smoke mass (the wick's smoulder after the flame dies, growing with the wick's length
    and the time spent near the limit, less with a tight bell that starves the ember). 3% scatter. Returns
    (sequences (n, 8, 4): luminosity, temperature, bell volume, gap; targets (n, 2))."""
    vol = _u(n, gen, 8, 60)
    gap = 3 * torch.rand(n, generator=gen) ** 1.5
    wick = _u(n, gen, 6, 15)
    q = 30 + 50 * (wick - 6) / 9
    leak = 0.2 * gap / (1 + 0.2 * gap)  # bell volumes per second
    x_o2 = torch.full((n,), 0.2095)
    temp = torch.full((n,), 25.0)
    t_out = torch.full((n,), 20.0)
    alive = torch.ones(n)
    near = torch.zeros(n)
    lum_seq, tmp_seq = [], []
    dt = 0.05
    for step in range(400):
        x_lim = 0.155 - 0.0002 * (temp - 25)
        rate = alive * ((x_o2 - x_lim) / (0.2095 - x_lim)).clamp(0, 1) ** 0.7
        o2_g = q * rate * dt / 13.1e3  # g of O2 burnt
        mol_air = vol * 1e-3 / 24.0 * 1e3  # mmol of gas in the bell
        x_o2 = x_o2 - o2_g / 32 * 1e3 / mol_air + leak * dt * (0.2095 - x_o2)
        temp = temp + dt * (0.04 * q * rate * 60 / vol - 0.3 * (temp - 25) * (1 + 2 * leak))
        near = near + dt * alive * ((x_o2 - x_lim) < 0.01).float()
        died = (alive > 0) & (rate < 0.15)
        t_out = torch.where(died, torch.full((n,), (step + 1) * dt), t_out)
        alive = alive * (~died).float()
        if step % 6 == 5 and len(lum_seq) < CS_STEPS:
            yellow = 1 + 0.8 * (1 - (x_o2 - 0.155) / 0.055).clamp(0, 1)
            lum_seq.append(rate * q / 50 * yellow)
            tmp_seq.append((temp - 25) / 20)
    smoke = 0.2 * (wick / 10) ** 2 * (1 + 1.5 * near) * (1 - 0.6 * torch.exp(-gap)) + 0.02
    y = torch.log(torch.stack([t_out, smoke], 1)) + 0.03 * torch.randn(n, 2, generator=gen)
    lum = torch.stack(lum_seq, 1) * (1 + 0.03 * torch.randn(n, CS_STEPS, generator=gen))
    tmp = torch.stack(tmp_seq, 1) + 0.02 * torch.randn(n, CS_STEPS, generator=gen)
    statics = torch.stack([(vol - 34) / 15, (gap - 1.2) / 0.9], 1).unsqueeze(1).expand(n, CS_STEPS, 2)
    return torch.cat([lum.unsqueeze(2), tmp.unsqueeze(2), statics], 2).contiguous(), y


class QuenchGRU(nn.Module):
    """A one-layer GRU over the 8 readings, its last hidden state through a linear head to the 2 targets."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.gru = nn.GRU(4, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(x)
        return self.head(h[-1])


def quench_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log extinction time and log smoke mass."""
    return _mse(model, batch)


def candle_snuffer(batch_size: int = 64, seed: int = 0, train_size: int = 16384, hidden: int = 16) -> dict[str, Any]:
    """The quench GRU on 16384 snuffings, targets standardised over them; held out: 4096 other snuffings in batches
    of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(131105)
    x, y = _cs_snuffs(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": QuenchGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": quench_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. flashlight beam throw (an MLP; RAdam; long only)

FL_OPTICS = 4  # smooth reflector, light orange peel, heavy orange peel, TIR optic


def _fl_lights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Flashlights on an integrating sphere and a goniometer: LED die 1-9 mm^2 (luminance falling with the die's
    size, a 'thrower' class and a 'flooder' class), drive current 0.5-6 A (efficacy drooping with current and
    with the junction's heat, which rises with current over the body's mass), reflector aperture 20-60 mm and depth
    0.6-1.6 of its radius (focal length from the parabola: f = r^2 / (4 depth)), the optic (smooth, light OP,
    heavy OP, TIR),
    the emitter's focus offset -1 to +1 mm, the battery's charge 0.1-1 (below ~0.3 the regulator drops out and the
    current sags), the ambient temperature -10-40 C. Peak candela = luminance x aperture area x the optic's
    efficiency, less with defocus and texture; lumens = efficacy x current x voltage x optic losses; the hotspot's
    full angle 2 atan(die half-width / f) times a texture spread plus defocus; the spill's angle 2 atan(r / (depth
    - f)) capped at 170 degrees (TIR: a fixed ~ 60). 1.5% scatter. Returns (features (n, 12), targets (n, 4): log cd,
    log lm, log hotspot and log spill angles in degrees)."""
    die = _u(n, gen, 1, 9)
    flooder = (torch.rand(n, generator=gen) < 0.5).float()
    amps = 0.5 + 5.5 * torch.rand(n, generator=gen) ** 1.3
    ap = _u(n, gen, 20, 60)
    depth = ap / 2 * _u(n, gen, 0.6, 1.6)
    optic = torch.randint(0, FL_OPTICS, (n,), generator=gen)
    focus = _u(n, gen, -1, 1)
    charge = _u(n, gen, 0.1, 1)
    amb = _u(n, gen, -10, 40)
    r = ap / 2
    f = r**2 / (4 * depth)
    sag = torch.sigmoid((charge - 0.3) / 0.05)
    i_eff = amps * (0.35 + 0.65 * sag)
    tj = amb + 12 * i_eff**1.2
    efficacy = 150 * (1 - 0.07 * i_eff) * (1 - 0.003 * (tj - 25)) * (1 - 0.1 * flooder)
    lm_led = efficacy * i_eff * 3.0
    lum = lm_led / (math.pi * die) * (1 + 0.5 * (1 - flooder))  # relative luminance
    spread = torch.tensor([1.0, 1.6, 2.6, 1.3])[optic]
    opt_eff = torch.tensor([0.85, 0.82, 0.8, 0.88])[optic]
    capture = 1 - torch.exp(-depth / (1.2 * r))
    defocus = 1 + 2.5 * focus.abs() / f.clamp_min(1)
    cd = lum * math.pi * r**2 * 1e-2 * opt_eff * capture / (spread**2 * defocus)
    lm = lm_led * opt_eff
    half = torch.sqrt(die) / 2
    hot = 2 * torch.rad2deg(torch.atan(half / f)) * spread * defocus
    spill = torch.where(optic == 3, torch.full((n,), 60.0),
                        (2 * torch.rad2deg(torch.atan(r / (depth - f).clamp_min(0.5)))).clamp(max=170.0))
    y = torch.log(torch.stack([cd, lm, hot, spill], 1)) + 0.015 * torch.randn(n, 4, generator=gen)
    x = torch.cat([torch.stack([(die - 5) / 2.3, 2 * flooder - 1, (amps - 2.9) / 1.6, (ap - 40) / 11.5,
                                (depth / r - 1.1) / 0.29, focus / 0.58, (charge - 0.55) / 0.26, (amb - 15) / 14.4], 1),
                   F.one_hot(optic, FL_OPTICS).float()], 1)
    return x, y


class BeamNet(nn.Module):
    """A SiLU MLP from the LED, driver, reflector, battery and ambient to the 4 beam figures."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def beam_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log candela, lumens, hotspot and spill angles."""
    return _mse(model, batch)


def flashlight_beam(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The beam net on 8192 flashlights, targets standardised over them; held out: 4096 others in batches of 1024;
    RAdam."""
    gen = torch.Generator().manual_seed(131106)
    x, y = _fl_lights(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BeamNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": beam_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("apron_splash_adamw", apron_splash, 300, "apron_splash_strike_through_embedding_mlp", "adamw_wd1e-2", "finite",
      128, seconds=1.4, start_lr=0.064),
    W("binder_clip_grip_adam", binder_clip_grip, 300, "binder_clip_spring_grip_pullout_preln_resmlp", "adam",
      "finite", 128, seconds=0.6, start_lr=0.016),
    W("bottle_opener_lever_adamax", bottle_opener, 300, "crown_cap_bottle_opener_lever_pry_greybox", "adamax",
      "finite", 64, seconds=0.3, start_lr=0.256),
    W("egg_slicer_doneness_adamw", egg_slicer, 300, "egg_slicer_wire_force_trace_doneness_cnn1d", "adamw_wd5e-2",
      "finite", 256, seconds=2.2, start_lr=0.016),
)
LONG = (
    W("candle_snuffer_quench_rmsprop@long", candle_snuffer, 3000, "candle_snuffer_bell_oxygen_quench_smoke_gru",
      "rmsprop", "finite", 64, seconds=7.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("flashlight_beam_radam@long", flashlight_beam, 3000, "flashlight_reflector_beam_throw_candela_mlp", "radam",
      "finite", 32, seconds=2.1, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("binder_clip_grip_nadam@long", binder_clip_grip, 3000, "binder_clip_spring_grip_pullout_preln_resmlp", "nadam",
      "finite", 32, dict(train_size=8192, width=32, blocks=1, optimizer="nadam", scatter=0.005), seconds=3.1,
      start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="binder_clip_grip_adam"),
    W("egg_slicer_doneness_nesterov@long", egg_slicer, 3000, "egg_slicer_wire_force_trace_doneness_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 128,
      dict(train_size=16384, layers=2, norm=False, optimizer="nesterov", scatter=0.1), seconds=8.5, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="egg_slicer_doneness_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam131_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-first exam's workloads")
