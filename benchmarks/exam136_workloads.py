"""The hundred-and-thirty-sixth exam: six more workload families that neither the suite nor exams 1-134 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam134_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from toothpicks and splinter strength, cotton swabs and absorbency, hairbrushes
and detangling, boot jacks and heel grip, tassels and swing damping, and bath mats and water uptake (exam 135 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam136/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- toothpick three-point bend test: a residual net with LayerNorm over embeddings of the wood (birch, bamboo,
  basswood, maple, poplar) and the section (round, flat, square) and six numbers (diameter, span, moisture content,
  slope of grain, loading rate, temperature) to the log peak load, the log deflection at break and the log
  splinter length; beam theory (peak load from the modulus of rupture and the section modulus), the wood's
  moisture and temperature adjustments, Hankinson's formula for the slope of grain, a rate effect, lateral-torsional
  buckling of flat picks, brash versus splintering failure from moisture, grain and fibre length; test scatter (6%
  on the load); MSE of the standardised logs; Adam (torch's defaults) for the short plan, Adagrad (torch's
  defaults) for the long plan
- cotton-swab absorbency from a gravimetric dip test: a 1-D CNN with GroupNorm reads the first 12 s of the swab
  head's uptake trace (g of liquid per g of head, 48 samples, balance noise, the meniscus / buoyancy step at
  immersion) and predicts the log equilibrium capacity, the log 60-s uptake and the uptake (g/g) of the fibres'
  slow swelling; Washburn's square-root-of-time capillary filling saturating at the inter-fibre pore
  volume, a wetting delay for waxy (unbleached) cotton, a first-order swelling uptake into the fibres; MSE; Adamax
  (torch's defaults)
- hairbrush detangling in a combing-force test: a GRU reads, stroke by stroke, the tress and brush (brush type
  one-hot, bristle density, hair length, curl type, fibre diameter, wet / dry, conditioner, damage) and the
  previous stroke's log peak force, and predicts the log peak force and log combing work of the next stroke, over
  16 strokes; tangles removed by a per-stroke probability from the brush and hair, some knots tightened by stiff
  bristles on wet damaged hair, the force from friction plus the knots; stroke-to-stroke scatter; MSE; Adam
  (torch's defaults)
- boot jack heel grip: a grey-box net: a small network over embeddings of the boot (western, wellington, riding,
  loosened lace-up, chelsea), the heel (leather, rubber, stacked) and the notch pad (bare wood, rubber, cork,
  carpet) and the fit numbers predicts the log removal force, the log friction coefficient of heel on notch and
  the log lip catch; a statics layer turns them, with the measured notch angle, pull angle, lever arms and the
  user's mass, into the log removal force, the log grip margin (wedge friction mu P / sin(alpha / 2) plus the lip's
  catch against the pull's vertical part) and the log tipping margin of the board; MSE of the standardised three;
  AdamW (torch's defaults: weight decay 1e-2) for the short plan, Adagrad with weight decay 1e-4 for the long plan
- tassel swing damping (a long plan only): a 1-D CNN (one strided convolution, then a dense layer) reads the swing
  angle of a hanging tassel released from rest (64 video samples at 10 Hz, tracking noise) and estimates the log
  effective pendulum length, the log linear (internal, thread-on-thread) damping rate and the log quadratic (air
  drag on the skirt) coefficient; the pendulum integrated with sin(theta), linear, quadratic and a small Coulomb
  pivot friction; MSE of the standardised logs; Adagrad (torch's defaults)
- bath mat water uptake (a long plan only): an MLP over embeddings of the mat's material (cotton, microfibre,
  bamboo viscose, chenille, diatomite stone, memory foam), construction (loop, cut pile, waffle, flat) and backing
  (none, latex, TPR) and nine numbers (weight per area, pile height, area, water per shower, contact time,
  showers, interval, humidity, prior dampness) to the logit of the share of the water taken up, the logit of the
  footprint's saturation after the last shower and the log drying time; a saturating first-order uptake per
  shower with lateral wicking, evaporation between showers; MSE of the standardised three; Adagrad with
  initial_accumulator_value 0.1 (the Keras default, as a ported recommender / tabular user would keep it)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tassel and bath mat
nets (no short plans), the toothpick net on 8192 tests instead of 2048 (one residual block of 32 units instead of
two of 48, batch 32 instead of 128) and the boot-jack net on 8192 pulls instead of 1024 (32 hidden units instead of
48, batch 32 as its short plan), both with Adagrad where their short plans use Adam and AdamW.

Of the eight plans, the four short ones use the Adam family (Adam for toothpick and hairbrush, Adamax for the
cotton swab, AdamW for the boot jack) and the four long ones Adagrad.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam136_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam136/README.md).

    python benchmarks/exam136_workloads.py          # the table
    python benchmarks/exam136_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 136"

HELD_OUT = 4096


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets (the inputs are all but the last)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. toothpick three-point bend test: peak load, deflection, splinter length (Adam; Adagrad for the long plan)

TP_WOODS = 5  # birch, bamboo, basswood, maple, poplar
TP_SECTIONS = 3  # round, flat, square


def _tp_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Three-point bend tests of toothpicks to failure. The wood (birch, bamboo, basswood, maple, poplar: modulus of
    rupture at 12% moisture 114, 160, 60, 109, 65 MPa; modulus of elasticity 13.9, 18, 10, 12.6, 10 GPa; a fibre
    length factor 1.0, 2.0, 0.6, 0.9, 0.7), the section (round of diameter d; flat 2.2 d by 0.6 d, bent about its
    thin axis; square of side 0.886 d), d 1.6-2.6 mm, span 20-40 mm, moisture content 6-20% (MOR x exp(-0.04
    (M - 12)), MOE x exp(-0.015 (M - 12))), slope of grain 0-15 degrees (Hankinson, n = 1.8, across-grain strength
    1/12 of along), loading rate 0.1-100 mm/min (+4% a decade), temperature 0-40 C (-0.5% a degree). Peak load from
    beam theory (sigma = M c / I), a flat pick's load capped (a smooth minimum) by lateral-torsional buckling
    (~ E b h^3 / L^2, which takes over on long spans); deflection at break F L^3 / (48 E I), with a plastic share
    that rises steeply above 15% moisture; splinter length from the fibre length, moisture and the slope of grain
    (wet, cross-grained wood splinters, dry straight-grained wood breaks brash: steep sigmoids at 10% and 4
    degrees). Scatter (lognormal): 6% on the load, 5% on the deflection, 8% on the splinter. Returns
    (wood and section indices (n, 2), numbers (n, 6), logs of load in N, deflection and splinter in mm (n, 3))."""
    wood = torch.randint(0, TP_WOODS, (n,), generator=gen)
    sec = torch.randint(0, TP_SECTIONS, (n,), generator=gen)
    d = 1.6 + 1.0 * torch.rand(n, generator=gen)
    span = 20 + 20 * torch.rand(n, generator=gen)
    mc = 6 + 14 * torch.rand(n, generator=gen)
    grain = 15 * torch.rand(n, generator=gen)
    rate = 10 ** (-1 + 3 * torch.rand(n, generator=gen))
    temp = 40 * torch.rand(n, generator=gen)
    mor0 = torch.tensor([114.0, 160.0, 60.0, 109.0, 65.0])[wood]
    moe = torch.tensor([13.9, 18.0, 10.0, 12.6, 10.0])[wood] * 1e3 * torch.exp(-0.015 * (mc - 12))
    fib = torch.tensor([1.0, 2.0, 0.6, 0.9, 0.7])[wood]
    mor = mor0 * torch.exp(-0.04 * (mc - 12)) * (1 + 0.04 * torch.log10(rate)) * (1 - 0.005 * (temp - 20))
    th = torch.deg2rad(grain)
    s90 = mor / 12
    mor = mor * s90 / (mor * th.sin() ** 1.8 + s90 * th.cos() ** 1.8)
    # section modulus Z = I / c (mm^3) and I (mm^4)
    r_i, r_z = math.pi * d**4 / 64, math.pi * d**3 / 32
    b, h = 2.2 * d, 0.6 * d
    f_i, f_z = b * h**3 / 12, b * h**2 / 6
    s = 0.886 * d
    s_i, s_z = s**4 / 12, s**3 / 6
    inertia = torch.stack([r_i, f_i, s_i], 1).gather(1, sec.view(-1, 1)).squeeze(1)
    zmod = torch.stack([r_z, f_z, s_z], 1).gather(1, sec.view(-1, 1)).squeeze(1)
    load = 4 * mor * zmod / span  # N
    # a flat pick on a long span twists out sideways first (lateral-torsional buckling, b h^3 / span^2)
    lateral = 2.5 * moe * b * h**3 / span**2 / 40
    load = torch.where(sec == 1, 1 / (1 / load**4 + 1 / lateral**4) ** 0.25, load)
    defl = load * span**3 / (48 * moe * inertia) * (1 + 1.5 * torch.sigmoid((mc - 15) / 0.8))
    wet = torch.sigmoid((mc - 10) / 0.8) * torch.sigmoid((grain - 4) / 1.0) + 0.3 * torch.sigmoid((mc - 10) / 0.8)
    splinter = fib * (0.8 + 4.0 * wet) * (1 + 3 * th.sin()) * (d / 2) * (1 + 0.3 * (sec == 1).float())
    y = torch.stack([torch.log(load), torch.log(defl), torch.log(splinter)], 1)
    y = y + torch.randn(n, 3, generator=gen) * torch.tensor([0.06, 0.05, 0.08])
    num = torch.stack([(d - 2.1) / 0.29, (span - 30) / 5.8, (mc - 13) / 4.0, (grain - 7.5) / 4.3,
                       torch.log10(rate) - 0.5, (temp - 20) / 11.5], 1)
    return torch.stack([wood, sec], 1), num, y


class ToothpickResNet(nn.Module):
    """Embeddings of the wood and the section with the six numbers, a linear stem, ``blocks`` Pre-LN residual
    blocks (LayerNorm, Linear, GELU, Linear) and a LayerNorm head to the three logs."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.wood = nn.Embedding(TP_WOODS, 4)
        self.sec = nn.Embedding(TP_SECTIONS, 2)
        self.stem = nn.Linear(4 + 2 + 6, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 3)

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        h = self.stem(torch.cat([self.wood(cat[:, 0]), self.sec(cat[:, 1]), num], 1))
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def bend_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log load, log deflection and log splinter length."""
    return _mse(model, batch)


def toothpick_splinter(batch_size: int = 128, seed: int = 0, train_size: int = 2048, width: int = 48,
                       blocks: int = 2, optimizer: str = "adam") -> dict[str, Any]:
    """The bend-test net on ``train_size`` toothpicks, targets standardised over them; held out: 4096 other tests in
    batches of 1024. Adam (torch's defaults: betas 0.9 / 0.999, eps 1e-8, no weight decay), or Adagrad (torch's
    defaults: initial_accumulator_value 0, lr_decay 0, eps 1e-10, no weight decay) for the long plan."""
    gen = torch.Generator().manual_seed(136101)
    c, x, y = _tp_tests(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if optimizer == "adam":
        opt = _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam")
    else:
        opt = _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    return {"model": ToothpickResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": bend_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. cotton-swab absorbency from a gravimetric dip test (Adamax)

CS_FIBRES = 5  # bleached cotton, unbleached cotton, viscose, polyester, cotton-polyester blend
CS_PTS = 48  # 0.25 s apart: the first 12 s


def _cs_dips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Gravimetric dip tests of cotton-swab heads (the head lowered onto water on a balance, the uptake logged).
    The fibre (bleached cotton, unbleached cotton, viscose, polyester, cotton-polyester): cos(contact angle) 0.9,
    0.35, 0.95, 0.6, 0.8; swelling capacity 0.45, 0.4, 0.9, 0.0, 0.25 g/g (x 0.8-1.2) with time constants 20, 30,
    12, -, 25 s (x 0.7-1.3); head mass 20-60 mg; fibre volume fraction 0.05-0.20 (pore volume per g of fibre
    (1 - phi) / (phi rho_f),
    rho_f 1.5 g/cm^3, 85% of it filled at equilibrium); mean pore radius from the fibre radius (6-12 um) and phi;
    the liquid's viscosity 1-3 mPa s. Capillary part: Washburn, m1 = M1 tanh(k sqrt(t - t0) / M1) with k from
    sqrt(r cos(theta) / eta) and the wetted section, a wetting delay t0 = 0.15 / cos(theta) s; swelling part
    m2 = M2 (1 - exp(-(t - t0) / tau)). The trace: g per g of head every 0.25 s for 12 s, with the meniscus /
    buoyancy step at immersion (+-0.05 g/g) and balance noise (0.3 mg). Targets: log of the equilibrium capacity
    (M1 + M2), log of the uptake at 60 s, the swelling uptake M2 (g/g); 3% scatter on the first two.
    Returns (traces (n, 1, 48), targets (n, 3))."""
    fib = torch.randint(0, CS_FIBRES, (n,), generator=gen)
    cos = torch.tensor([0.9, 0.35, 0.95, 0.6, 0.8])[fib] * (1 + 0.1 * torch.randn(n, generator=gen)).clamp(0.5, 1.4)
    cos = cos.clamp(0.1, 1.0)
    swell = torch.tensor([0.45, 0.4, 0.9, 0.0, 0.25])[fib] * (0.8 + 0.4 * torch.rand(n, generator=gen))
    tau = torch.tensor([20.0, 30.0, 12.0, 20.0, 25.0])[fib] * (0.7 + 0.6 * torch.rand(n, generator=gen))
    mass = 20 + 40 * torch.rand(n, generator=gen)  # mg
    phi = 0.05 + 0.15 * torch.rand(n, generator=gen)
    rf = 6 + 6 * torch.rand(n, generator=gen)  # um
    eta = 1 + 2 * torch.rand(n, generator=gen)
    pore = rf * (1 - phi) / phi / 4  # um, a hydraulic radius
    m1 = 0.85 * (1 - phi) / (phi * 1.5)  # g/g
    m2 = swell
    k = 0.9 * torch.sqrt(pore * cos / eta) * (mass / 40) ** -0.33  # g/g per sqrt(s)
    t0 = 0.15 / cos
    t = torch.arange(1, CS_PTS + 1).float() * 0.25

    def uptake(tt: torch.Tensor) -> torch.Tensor:
        dt = (tt.view(1, -1) - t0.view(-1, 1)).clamp_min(0)
        cap = m1.view(-1, 1) * torch.tanh(k.view(-1, 1) * dt.sqrt() / m1.view(-1, 1))
        return cap + m2.view(-1, 1) * (1 - torch.exp(-dt / tau.view(-1, 1)))

    trace = uptake(t) + 0.05 * torch.randn(n, 1, generator=gen)
    trace = trace + 0.3 / mass.view(-1, 1) * torch.randn(n, CS_PTS, generator=gen)
    at60 = uptake(torch.tensor([60.0])).squeeze(1)
    total = m1 + m2
    y = torch.stack([torch.log(total), torch.log(at60), m2], 1)
    y = y + torch.randn(n, 3, generator=gen) * torch.tensor([0.03, 0.03, 0.0])
    return (trace / 5).unsqueeze(1), y


class UptakeCNN(nn.Module):
    """A 1-D CNN: three convolutions (kernel 5; the last two with stride 2) with GroupNorm and GELU, flattened, a
    linear head to the three targets."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, width, 5, padding=2), nn.GroupNorm(4, width), nn.GELU(),
            nn.Conv1d(width, width, 5, stride=2, padding=2), nn.GroupNorm(4, width), nn.GELU(),
            nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.GroupNorm(4, 2 * width), nn.GELU(),
            nn.Flatten(), nn.Linear(2 * width * CS_PTS // 4, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def absorbency_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log capacity, log 60-s uptake and swelling uptake."""
    return _mse(model, batch)


def cotton_swab_absorbency(batch_size: int = 64, seed: int = 0, train_size: int = 2048,
                           width: int = 12) -> dict[str, Any]:
    """The uptake CNN on ``train_size`` dip tests, targets standardised over them; held out: 4096 other tests in
    batches of 1024; Adamax (torch's defaults: betas 0.9 / 0.999, eps 1e-8, no weight decay)."""
    gen = torch.Generator().manual_seed(136102)
    x, y = _cs_dips(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": UptakeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": absorbency_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hairbrush detangling in a combing-force test (Adam)

HB_BRUSHES = 5  # paddle (nylon pins with balls), boar bristle, vented, wide-tooth comb, flexible "wet" brush
HB_STROKES = 16


def _hb_tresses(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Combing-force tests of hair tresses (a tensile tester draws the brush through the tress 16 times). The brush
    (paddle, boar bristle, vented, wide-tooth comb, flexible "wet" brush: detangling rates 0.18, 0.10, 0.14, 0.22,
    0.26 a stroke, stiffness 0.7, 0.4, 0.6, 1.0, 0.2), bristle density 0-1, hair length 10-60 cm, curl type 1-4
    (straight to coily), fibre diameter 50-100 um, wet or dry, conditioner or not, damage 0-1 (bleaching). The
    initial tangles rise with length, curl and damage (with an unseen lognormal spread); each stroke removes a
    share of them (the brush's rate, less for curlier and longer hair, more with conditioner and dense bristles),
    and stiff bristles on wet, damaged hair tighten a share of the rest (each tightened knot pulls harder). Peak
    force = friction (length, diameter, wet, conditioner, density) + knots x their strength; combing work from the
    friction over the length plus the knots' pull over their share of it. 6% stroke-to-stroke scatter (lognormal),
    common to the force and the work, and 4% more on the work. Returns (the static features (n, 12): brush one-hot
    and seven numbers, targets (n, 16, 2): log peak force and log work at each stroke, raw)."""
    brush = torch.randint(0, HB_BRUSHES, (n,), generator=gen)
    dens = torch.rand(n, generator=gen)
    length = 10 + 50 * torch.rand(n, generator=gen)
    curl = 1 + 3 * torch.rand(n, generator=gen)
    diam = 50 + 50 * torch.rand(n, generator=gen)
    wet = (torch.rand(n, generator=gen) < 0.5).float()
    cond = (torch.rand(n, generator=gen) < 0.5).float()
    damage = torch.rand(n, generator=gen)
    rate = torch.tensor([0.18, 0.10, 0.14, 0.22, 0.26])[brush]
    stiff = torch.tensor([0.7, 0.4, 0.6, 1.0, 0.2])[brush]
    knots = (length / 10) ** 1.3 * curl**1.5 * (1 + damage) * 3 * torch.exp(0.35 * torch.randn(n, generator=gen))
    p = rate * (1 + 0.6 * cond) * (0.7 + 0.6 * dens) / (1 + 0.25 * (curl - 1)) / (1 + length / 80)
    p = p * torch.exp(0.2 * torch.randn(n, generator=gen))
    tighten = 0.08 * stiff * wet * (0.3 + damage)
    fric = 0.15 * (length / 30) * (diam / 75) * (1 + 0.6 * wet) * (1 - 0.4 * cond) * (0.8 + 0.4 * dens)
    strength = torch.full((n,), 0.12) * (1 + 0.5 * wet * damage)
    tight = torch.zeros(n)
    forces, works = [], []
    for _ in range(HB_STROKES):
        pull = knots * strength * (1 + 2.5 * tight)
        eps = 0.06 * torch.randn(n, generator=gen)
        f = (fric + pull) * torch.exp(eps)
        w = (fric * length / 100 + pull * length / 250) * torch.exp(eps + 0.04 * torch.randn(n, generator=gen))
        forces.append(f)
        works.append(w)
        removed = knots * p * (1 - 0.5 * tight)
        knots = (knots - removed).clamp_min(0)
        tight = (tight + tighten * (1 - tight)).clamp(0, 1)
    y = torch.stack([torch.log(torch.stack(forces, 1)), torch.log(torch.stack(works, 1))], 2)
    static = torch.cat([F.one_hot(brush, HB_BRUSHES).float(), torch.stack([
        (dens - 0.5) / 0.29, (length - 35) / 14.4, (curl - 2.5) / 0.87, (diam - 75) / 14.4, 2 * wet - 1, 2 * cond - 1,
        (damage - 0.5) / 0.29], 1)], 1)
    return static, y


class CombingGRU(nn.Module):
    """A one-layer GRU over the strokes (input: the previous stroke's standardised log force and the tress / brush
    features), a linear head to the next stroke's log force and log work (standardised)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(1 + HB_BRUSHES + 7, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.gru(x)
        return self.head(out)


def combing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error, over the 16 strokes, of the standardised log peak force and log work."""
    return _mse(model, batch)


def hairbrush_detangling(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                         hidden: int = 32) -> dict[str, Any]:
    """The combing GRU on ``train_size`` tresses (teacher-forced: each stroke sees the measured force of the one
    before), targets standardised over them; held out: 4096 other tresses in batches of 1024; Adam (torch's
    defaults: betas 0.9 / 0.999, eps 1e-8, no weight decay)."""
    gen = torch.Generator().manual_seed(136103)
    static, y = _hb_tresses(train_size + HELD_OUT, gen)
    mean, sd = y[:train_size].mean((0, 1)), y[:train_size].std((0, 1))
    y = (y - mean) / sd
    prev = torch.cat([torch.zeros(len(y), 1), y[:, :-1, 0]], 1).unsqueeze(2)
    x = torch.cat([prev, static.unsqueeze(1).expand(-1, HB_STROKES, -1)], 2)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CombingGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": combing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. boot jack heel grip, a grey-box statics net (AdamW; Adagrad for the long plan)

BJ_BOOTS = 5  # western pull-on, wellington (rubber), tall riding, loosened lace-up work boot, chelsea
BJ_HEELS = 3  # leather, rubber, stacked leather
BJ_PADS = 4  # bare wood, rubber pad, cork, carpet
G = 9.81


def _bj_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Boots pulled off on a boot jack (a board on a heel block, a V notch at the raised front end; the user stands
    on the tail with one foot and pulls the other heel up and back out of the boot). Removal force: a base for
    the boot (120, 150, 200, 80, 90 N) x exp(5 (fit - 1)) (fit 0.9-1.1, calf and instep against the shaft), thick
    socks +25%, a wet boot +35% (wellingtons: suction, +20% more); 5% scatter. The heel's grip in the notch: the
    pull's backward part P = F sin(psi) (psi, the pull's angle from vertical, 10-35 degrees) wedges the heel
    counter into the V (angle 40-90 degrees), friction 2 mu N with N = P / (2 sin(alpha / 2)); mu = heel (leather
    0.45, rubber 0.9, stacked 0.55) x pad (wood 0.8, rubber 1.3, cork 1.1, carpet 0.9), a wet leather heel x 0.75;
    plus the lip's catch on the heel's breast, 60 N (depth / 4 cm)^1.5 (depth 2-5 cm; half for rubber heels, which
    deform past it); 4% scatter. Tipping: the user's weight (50-110 kg, 90% on the standing foot) at the tail
    (20-35 cm behind the heel block) against the pull's vertical part at the notch (8-14 cm in front of it).
    Returns (categoricals (n, 3), network features (n, 6), geometry in physical units (n, 5): notch angle (rad),
    pull angle (rad), mass (kg), tail arm and notch arm (m), targets (n, 3): log removal force, log grip margin,
    log tipping margin)."""
    boot = torch.randint(0, BJ_BOOTS, (n,), generator=gen)
    heel = torch.randint(0, BJ_HEELS, (n,), generator=gen)
    pad = torch.randint(0, BJ_PADS, (n,), generator=gen)
    fit = 0.9 + 0.2 * torch.rand(n, generator=gen)
    sock = (torch.rand(n, generator=gen) < 0.4).float()
    wet = (torch.rand(n, generator=gen) < 0.3).float()
    alpha = torch.deg2rad(40 + 50 * torch.rand(n, generator=gen))
    depth = 2 + 3 * torch.rand(n, generator=gen)
    psi = torch.deg2rad(10 + 25 * torch.rand(n, generator=gen))
    mass = 50 + 60 * torch.rand(n, generator=gen)
    tail = 0.20 + 0.15 * torch.rand(n, generator=gen)
    arm = 0.08 + 0.06 * torch.rand(n, generator=gen)
    base = torch.tensor([120.0, 150.0, 200.0, 80.0, 90.0])[boot]
    force = base * torch.exp(5 * (fit - 1)) * (1 + 0.25 * sock) * (1 + 0.35 * wet + 0.2 * wet * (boot == 1).float())
    force = force * torch.exp(0.05 * torch.randn(n, generator=gen))
    mu = torch.tensor([0.45, 0.9, 0.55])[heel] * torch.tensor([0.8, 1.3, 1.1, 0.9])[pad]
    mu = mu * (1 - 0.25 * wet * (heel != 1).float())
    catch = 60 * (depth / 4) ** 1.5 * (1 - 0.5 * (heel == 1).float())
    grip = mu * force * psi.sin() / (alpha / 2).sin() + catch
    grip = grip * torch.exp(0.04 * torch.randn(n, generator=gen))
    vert = force * psi.cos()
    y = torch.stack([torch.log(force), torch.log(grip / vert), torch.log(0.9 * mass * G * tail / (vert * arm))], 1)
    cat = torch.stack([boot, heel, pad], 1)
    feats = torch.stack([(fit - 1) / 0.058, 2 * sock - 1, 2 * wet - 1, (torch.rad2deg(alpha) - 65) / 14.4,
                         (depth - 3.5) / 0.87, (torch.rad2deg(psi) - 22.5) / 7.2], 1)
    geom = torch.stack([alpha, psi, mass, tail, arm], 1)
    return cat, feats, geom, y


class BootJackGreyBox(nn.Module):
    """Embeddings of the boot, heel and pad with the six features, a SiLU network to three latent logs (removal
    force, friction coefficient, lip catch), then statics: the log removal force, the log grip margin
    log((mu F sin(psi) / sin(alpha / 2) + catch) / (F cos(psi))) and the log tipping margin
    log(0.9 m g tail / (F cos(psi) arm)), each standardised with the training pool's mean and sd."""

    def __init__(self, hidden: int = 48, y_mean: torch.Tensor | None = None, y_sd: torch.Tensor | None = None) -> None:
        super().__init__()
        self.boot = nn.Embedding(BJ_BOOTS, 3)
        self.heel = nn.Embedding(BJ_HEELS, 2)
        self.pad = nn.Embedding(BJ_PADS, 2)
        self.net = nn.Sequential(nn.Linear(3 + 2 + 2 + 6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))
        # latent offsets: log 120 N, log 0.5, log 40 N (a user's prior guesses)
        self.register_buffer("offset", torch.tensor([math.log(120.0), math.log(0.5), math.log(40.0)]))
        self.register_buffer("y_mean", torch.zeros(3) if y_mean is None else y_mean)
        self.register_buffer("y_sd", torch.ones(3) if y_sd is None else y_sd)

    def forward(self, cat: torch.Tensor, feats: torch.Tensor, geom: torch.Tensor) -> torch.Tensor:
        z = self.net(torch.cat([self.boot(cat[:, 0]), self.heel(cat[:, 1]), self.pad(cat[:, 2]), feats], 1))
        z = z + self.offset
        log_f, log_mu, log_catch = z.unbind(1)
        alpha, psi, mass, tail, arm = geom.unbind(1)
        force = log_f.exp()
        vert = force * psi.cos()
        grip = log_mu.exp() * force * psi.sin() / (alpha / 2).sin() + log_catch.exp()
        y = torch.stack([log_f, torch.log(grip / vert), torch.log(0.9 * mass * G * tail / (vert * arm))], 1)
        return (y - self.y_mean) / self.y_sd


def heel_grip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log removal force, log grip margin and log tipping margin."""
    cat, feats, geom, y = batch
    return F.mse_loss(model(cat, feats, geom), y)


def boot_jack_grip(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48,
                   optimizer: str = "adamw") -> dict[str, Any]:
    """The grey-box boot-jack net on ``train_size`` pulls, targets standardised over them (the statics layer
    standardises its outputs the same way); held out: 4096 other pulls in batches of 1024. AdamW (torch's defaults:
    betas 0.9 / 0.999, eps 1e-8, weight decay 1e-2), or Adagrad with weight decay 1e-4 (torch's defaults otherwise:
    initial_accumulator_value 0, lr_decay 0, eps 1e-10) for the long plan."""
    gen = torch.Generator().manual_seed(136104)
    cat, feats, geom, y = _bj_pulls(train_size + HELD_OUT, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (cat[:train_size], feats[:train_size], geom[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if optimizer == "adamw":
        opt = _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw")
    else:
        opt = _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, weight_decay=1e-4), "adagrad_wd1e-4")
    return {"model": BootJackGreyBox(hidden, mean, sd), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], feats[train_size:], geom[train_size:], y[train_size:]),
                                       1024),
            "optimizer": opt, "loss_fn": heel_grip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. tassel swing damping from a video trace (Adagrad; long only)

TS_MATERIALS = 5  # silk, rayon, cotton, wool, metallic thread
TS_PTS = 64  # 10 Hz for 6.4 s


def _ts_swings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A tassel hanging by its cord, released from rest at 10-40 degrees and filmed at 10 Hz. Its effective
    pendulum length: the cord (5-25 cm) plus 60% of the skirt (5-15 cm); mass 5-40 g. The thread (silk, rayon,
    cotton, wool, metallic) sets the internal, thread-on-thread damping (linear rates 0.05, 0.08, 0.15, 0.25, 0.04
    /s, x (0.5 + the skirt's fullness 0.3-1), with a 20% lognormal spread); air drag on the skirt, quadratic:
    c2 = rho Cd A L / (2 m) (rho 1.2, Cd 1.2) with the skirt's frontal area from its length and fullness; a small
    Coulomb friction at the pivot (0-0.02 g / L, smoothed by a tanh). theta'' = -(g / L) sin(theta) - c1 theta'
    - c2 theta' |theta'| - coulomb sign(theta'), integrated with semi-implicit Euler at 5 ms. The trace: the angle
    (radians, x 3) every 0.1 s with 0.5 degree tracking noise. Targets: log L, log c1, log c2. Returns (traces
    (n, 1, 64), targets (n, 3))."""
    mat = torch.randint(0, TS_MATERIALS, (n,), generator=gen)
    cord = 0.05 + 0.20 * torch.rand(n, generator=gen)
    skirt = 0.05 + 0.10 * torch.rand(n, generator=gen)
    mass = 0.005 + 0.035 * torch.rand(n, generator=gen)
    full = 0.3 + 0.7 * torch.rand(n, generator=gen)
    theta0 = torch.deg2rad(10 + 30 * torch.rand(n, generator=gen))
    length = cord + 0.6 * skirt
    c1 = torch.tensor([0.05, 0.08, 0.15, 0.25, 0.04])[mat] * (0.5 + full)
    c1 = c1 * torch.exp(0.2 * torch.randn(n, generator=gen))
    area = skirt * 0.03 * (0.5 + full)
    c2 = 1.2 * 1.2 * area * length / (2 * mass)
    coulomb = 0.02 * torch.rand(n, generator=gen) * G / length
    th, om = theta0.clone(), torch.zeros(n)
    dt, out = 0.005, []
    for step in range(1, TS_PTS * 20 + 1):
        acc = -(G / length) * th.sin() - c1 * om - c2 * om * om.abs() - coulomb * torch.tanh(om / 0.02)
        om = om + dt * acc
        th = th + dt * om
        if step % 20 == 0:
            out.append(th)
    trace = torch.stack(out, 1) + math.radians(0.5) * torch.randn(n, TS_PTS, generator=gen)
    y = torch.stack([torch.log(length), torch.log(c1), torch.log(c2)], 1)
    return (trace * 3).unsqueeze(1), y


class SwingCNN(nn.Module):
    """A 1-D CNN: one strided convolution over the trace (kernel 8, stride 4, ``width`` channels, GELU), flattened,
    then a dense GELU layer of ``hidden`` units and a linear head to the three logs."""

    def __init__(self, width: int = 16, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, width, 8, stride=4, padding=2), nn.GELU(), nn.Flatten(),
            nn.Linear(width * (TS_PTS // 4), hidden), nn.GELU(), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def swing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log length, log linear damping and log quadratic drag."""
    return _mse(model, batch)


def tassel_swing(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 16,
                 hidden: int = 32) -> dict[str, Any]:
    """The swing CNN on ``train_size`` filmed swings, targets standardised over them; held out: 4096 other swings
    in batches of 1024; Adagrad (torch's defaults: initial_accumulator_value 0, lr_decay 0, eps 1e-10, no weight
    decay)."""
    gen = torch.Generator().manual_seed(136105)
    x, y = _ts_swings(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwingCNN(width, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": swing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bath mat water uptake (Adagrad; long only)

BM_MATERIALS = 6  # cotton, microfibre, bamboo viscose, chenille, diatomite stone, memory foam (microfibre cover)
BM_BUILDS = 4  # loop terry, cut pile, waffle, flat
BM_BACKINGS = 3  # none, latex, TPR


def _bm_uses(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A bath mat through a morning's showers. Capacity per area: the fabric's weight per area (400-1400 g/m2) x
    its uptake (cotton 2.5, microfibre 4.0, bamboo 3.2, chenille 4.5, memory foam 1.5 g/g; a diatomite slab holds
    1500 g/m2 whatever its weight) x the construction (loop 1.0, cut 0.9, waffle 0.8, flat 0.6) x (pile height 3-25
    mm)^0.2; uptake rate per second of contact (0.8, 1.5, 1.0, 1.6, 3.0, 0.6 x loop 1.1, cut 1.0, waffle 1.2, flat
    0.7); lateral wicking spreads a footprint's water (1.5, 3, 1.8, 2.5, 5, 1.2 x the footprints' 0.05 m2, at most
    the mat's 0.25-0.5 m2). Each of 1-8 showers leaves 10-60 g of water on the feet, in contact 2-6 s: the share
    taken up (1 - exp(-k t)) (1 - s)^1.5 of the footprint's saturation s; between showers (5-30 min) evaporation
    (rate from the humidity 40-90%, diatomite x 5, latex backing x 0.6, TPR x 0.7, thicker pile slower), and the
    footprint's saturation relaxes half-way to the mat's mean. Prior dampness 0-0.4 of capacity. Targets: logit of
    the share of all the water taken up, logit of the footprint's saturation after the last shower, log(1 + hours
    to dry the whole mat to 5%). Scatter 0.05 on each (logit / log units). Returns (categoricals (n, 3), numbers
    (n, 9), targets (n, 3))."""
    mat = torch.randint(0, BM_MATERIALS, (n,), generator=gen)
    build = torch.randint(0, BM_BUILDS, (n,), generator=gen)
    back = torch.randint(0, BM_BACKINGS, (n,), generator=gen)
    gsm = 400 + 1000 * torch.rand(n, generator=gen)
    pile = 3 + 22 * torch.rand(n, generator=gen)
    area = 0.25 + 0.25 * torch.rand(n, generator=gen)
    dose = 10 + 50 * torch.rand(n, generator=gen)
    contact = 2 + 4 * torch.rand(n, generator=gen)
    showers = torch.randint(1, 9, (n,), generator=gen)
    interval = 5 + 25 * torch.rand(n, generator=gen)
    rh = 40 + 50 * torch.rand(n, generator=gen)
    prior = 0.4 * torch.rand(n, generator=gen)
    uptake = torch.tensor([2.5, 4.0, 3.2, 4.5, 0.0, 1.5])[mat]
    stone = (mat == 4).float()
    cap = (gsm * uptake * torch.tensor([1.0, 0.9, 0.8, 0.6])[build] * (pile / 10) ** 0.2) * (1 - stone) + 1500 * stone
    k = torch.tensor([0.8, 1.5, 1.0, 1.6, 3.0, 0.6])[mat] * torch.tensor([1.1, 1.0, 1.2, 0.7])[build]
    spread = torch.minimum(torch.tensor([1.5, 3.0, 1.8, 2.5, 5.0, 1.2])[mat] * 0.05, area)
    evap = 0.02 * (1 - rh / 100) * (1 + 4 * stone) * torch.tensor([1.0, 0.6, 0.7])[back] / (1 + pile / 15)  # /min
    s_foot = prior.clone()
    held = prior * cap * area
    taken, given = torch.zeros(n), torch.zeros(n)
    for i in range(8):
        on = (showers > i).float()
        share = (1 - torch.exp(-k * contact)) * (1 - s_foot).clamp_min(0) ** 1.5
        got = share * dose * on
        taken, given = taken + got, given + dose * on
        held = held + got
        s_foot = (s_foot + got / (cap * spread)).clamp(0, 1)
        later = on * (showers > i + 1).float()
        decay = torch.exp(-evap * interval * later)
        held = held * decay
        s_foot = s_foot * decay
        # the footprint's water relaxes toward the mat's mean between showers
        s_mat = (held / (cap * area)).clamp(0, 1)
        s_foot = torch.where(later > 0, s_mat + (s_foot - s_mat) * 0.5, s_foot)
    s_whole = (held / (cap * area)).clamp(1e-4, 1)
    dry = torch.log(1 + torch.relu(torch.log(s_whole / 0.05)) / (evap * 60))
    eps = 0.05 * torch.randn(n, 3, generator=gen)
    frac = (taken / given).clamp(1e-3, 1 - 1e-3)
    y = torch.stack([torch.logit(frac) + eps[:, 0], torch.logit(s_foot.clamp(1e-3, 1 - 1e-3)) + eps[:, 1],
                     dry + eps[:, 2]], 1)
    num = torch.stack([(gsm - 900) / 289, (pile - 14) / 6.4, (area - 0.375) / 0.072, (dose - 35) / 14.4,
                       (contact - 4) / 1.15, (showers.float() - 4.5) / 2.3, (interval - 17.5) / 7.2, (rh - 65) / 14.4,
                       (prior - 0.2) / 0.115], 1)
    return torch.stack([mat, build, back], 1), num, y


class MatNet(nn.Module):
    """Embeddings of the material, construction and backing with the nine numbers, a SiLU MLP to the three
    targets."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.mat = nn.Embedding(BM_MATERIALS, 4)
        self.build = nn.Embedding(BM_BUILDS, 3)
        self.back = nn.Embedding(BM_BACKINGS, 2)
        self.net = nn.Sequential(nn.Linear(4 + 3 + 2 + 9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.mat(cat[:, 0]), self.build(cat[:, 1]), self.back(cat[:, 2]), num], 1))


def mat_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised uptake logit, saturation logit and log drying time."""
    return _mse(model, batch)


def bath_mat_uptake(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The mat net on ``train_size`` mornings, targets standardised over them; held out: 4096 other mornings in
    batches of 1024; Adagrad with initial_accumulator_value 0.1 (torch's defaults otherwise: lr_decay 0, eps 1e-10,
    no weight decay)."""
    gen = torch.Generator().manual_seed(136106)
    c, x, y = _bm_uses(train_size + HELD_OUT, gen)
    y = _standardise(y, train_size)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MatNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1),
                                "adagrad_acc0.1"),
            "loss_fn": mat_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("toothpick_splinter_adam", toothpick_splinter, 300, "toothpick_bend_splinter_strength_resnet_ln", "adam",
      "finite", 128, seconds=0.9, start_lr=0.064),
    W("cotton_swab_absorbency_adamax", cotton_swab_absorbency, 300, "cotton_swab_gravimetric_uptake_trace_cnn1d_gn",
      "adamax", "finite", 64, seconds=1.1, start_lr=0.016),
    W("hairbrush_detangling_adam", hairbrush_detangling, 300, "hairbrush_combing_force_detangling_gru", "adam",
      "finite", 32, seconds=1.3, start_lr=0.064),
    W("boot_jack_grip_adamw", boot_jack_grip, 300, "boot_jack_heel_grip_statics_greybox", "adamw", "finite", 32,
      seconds=0.4, start_lr=0.032),
)
LONG = (
    W("tassel_swing_adagrad@long", tassel_swing, 3000, "tassel_swing_damping_trace_cnn1d", "adagrad", "finite", 32,
      seconds=3.0, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("bath_mat_uptake_adagrad@long", bath_mat_uptake, 3000, "bath_mat_water_uptake_drying_embedding_mlp",
      "adagrad_acc0.1", "finite", 32, seconds=2.0, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("toothpick_splinter_adagrad@long", toothpick_splinter, 3000, "toothpick_bend_splinter_strength_resnet_ln",
      "adagrad", "finite", 32, dict(train_size=8192, width=32, blocks=1, optimizer="adagrad"), seconds=2.4,
      start_lr=0.512, grid_fractions=(0.0, 0.05), long_of="toothpick_splinter_adam"),
    W("boot_jack_grip_adagrad@long", boot_jack_grip, 3000, "boot_jack_heel_grip_statics_greybox", "adagrad_wd1e-4",
      "finite", 32, dict(train_size=8192, hidden=32, optimizer="adagrad"), seconds=3.0, start_lr=0.256,
      grid_fractions=(0.0, 0.05), long_of="boot_jack_grip_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam136_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-thirty-sixth exam's workloads")
