"""The hundred-and-seventh exam: six more workload families that neither the suite nor exams 1-106 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam106_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from toothpaste and enamel abrasion, marshmallows and toasting, surfboards and
wave planing, erasers and graphite removal, staplers and staple crimping, and rubber bands and elastic hysteresis
(exam 108 was built at the same time from other domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam107/README.md``. Models, laws and optimiser settings are written from memory (no source
was looked up); where a law is named, its form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- toothpaste abrasivity from a brushing-machine test (the ISO 11609 RDA / REA kind): an MLP from the abrasive
  (hydrated silica, calcium carbonate, dicalcium phosphate, alumina, perlite; one-hot), its loading, particle
  size, the slurry dilution, the brush stiffness, the load and the stroke count to the log depth of enamel and of
  dentin lost (profilometry); wear by Archard's law with a hardness-ratio wear coefficient (abrasives harder than
  the substrate cut, softer ones polish), a particle-size effect saturating above ~10 um and crowding at high
  loading; 8% test scatter; MSE of the standardised logs; RAdam (torch's defaults)
- rubber-band loading / unloading hysteresis: an MLP from the band's compound (carbon black 0-40 phr,
  crosslink density), the temperature, the maximum stretch, the stretch rate and the cycle number to the nominal
  stress at 8 stretches on loading and 8 on unloading (a tensile tester's cyclic test); neo-Hookean stress with
  Guth-Gold filler reinforcement, a strain-induced-crystallisation upturn whose onset rises with temperature,
  Ogden-Roxburgh Mullins softening on unloading, a rate-dependent viscous loss, the crystallites' melting lag on
  unloading, later cycles softer; MSE of the standardised stresses; RAdam (torch's defaults)
- eraser graphite removal: an MLP from the pencil grade (9H-8B), the writing pressure, the paper's tooth, the
  eraser (vinyl, natural rubber, gum, kneaded; one-hot), the erasing pressure and the mark's age to the mark's
  residual optical density after 1, 2, 4, 8 and 16 strokes and the paper's fibre damage; the deposit from the
  grade's graphite fraction, pressure and tooth, part of it trapped in the paper's valleys (burnished by hard
  grades and pressure, bound by ageing), removal first-order per stroke with an eraser- and pressure-dependent rate
  (the trapped part slower), OD from the covered fraction; MSE; Adamax (torch's defaults)
- stapler clinch outcome: an MLP classifies a stapling (stack of 2-60 sheets of 60-120 g/m2 paper; staple size
  24/6, 26/6, 23/8, 23/10; hand, desktop or heavy-duty stapler; the push force; anvil wear; clinch or pinning anvil
  groove) into good clinch, under-clinched legs, legs buckled in the stack, crossed / overlapping legs and no
  penetration; the classes from a leg-penetration force against the driving force, Euler buckling of the leg (its
  full length at the start of the drive), and the leg length left over after the stack against the anvil's curl length, each with
  tester scatter; cross-entropy; SGD with momentum 0.9 and weight decay 1e-4
- marshmallow toasting over a campfire (a long plan only): an MLP from the marshmallow's size, the distance to the
  embers, the ember temperature, the rotation rate, the toasting time and the sugar / moisture content to the
  surface browning index, the core temperature and the expansion ratio; a lumped two-node heat model with radiant
  flux from the embers (Stefan-Boltzmann, a view factor falling with distance), Arrhenius browning at the surface
  (Maillard / caramelisation), ideal-gas bubble expansion with collapse once the foam overheats; MSE of the
  standardised outputs; RAdam (torch's defaults)
- surfboard planing with Savitsky's (1964) planing equations (a long plan only): an MLP from the rider's mass,
  the speed, the board's planing beam, the trim angle, the bottom's deadrise and the rocker to the log wetted
  length-beam ratio and the log drag; the equilibrium wetted length solved by bisection from Savitsky's lift
  equation (C_L0 = tau^1.1 (0.012 lambda^0.5 + 0.0055 lambda^2.5 / Cv^2), the deadrise correction), drag from the
  trim and ITTC-1957 skin friction on the wetted area, a rocker term; 3% noise; MSE; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the marshmallow and
surfboard nets (no short plans), the toothpaste net on 8192 tests instead of 768 and the rubber-band net on 8192
cyclic tests instead of 1024 (both with 32 units a layer instead of 64, and their own batch sizes).

Of the eight plans, six use RAdam (both toothpaste plans, both rubber-band plans, marshmallow, surfboard), one
Adamax (eraser) and one SGD with momentum (stapler).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam107_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam107/README.md).

    python benchmarks/exam107_workloads.py          # the table
    python benchmarks/exam107_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 107"


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
# 1. toothpaste abrasivity, enamel and dentin loss in a brushing-machine test (RAdam)

TP_ABRASIVES = 5


def _tp_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Brushing-machine tests of toothpaste slurries on enamel and dentin specimens. The abrasive (hydrated silica,
    calcium carbonate, dicalcium phosphate dihydrate, alumina, perlite) with a Mohs-like hardness (5.5, 3, 2.5, 9,
    5.5) and an angularity; loading 5-40 wt%; median particle size 2-15 um; slurry dilution 1:1-1:4 with water;
    brush stiffness 0-1 (soft to hard); load 1.5-3.5 N; 5,000-40,000 double strokes. Archard: depth = K F s / H
    with the substrate hardness (enamel 5, dentin 3); K from the hardness ratio (a steep sigmoid in
    log(H_abr / H_sub): harder abrasives cut, softer ones polish), the particle size (rising, saturating above ~10
    um), the effective concentration (loading over dilution, with crowding), the angularity and the brush (a stiff
    brush presses particles harder, a soft one lets them roll). 8% test-to-test scatter (lognormal). Returns
    (features (n, 11), log depths (n, 2))."""
    typ = torch.randint(0, TP_ABRASIVES, (n,), generator=gen)
    hard = torch.tensor([5.5, 3.0, 2.5, 9.0, 5.5])[typ]
    angular = torch.tensor([0.6, 0.4, 0.5, 1.0, 1.2])[typ]
    load_pct = 5 + 35 * torch.rand(n, generator=gen)
    d50 = 2 + 13 * torch.rand(n, generator=gen)
    dil = 1 + 3 * torch.rand(n, generator=gen)
    brush = torch.rand(n, generator=gen)
    force = 1.5 + 2.0 * torch.rand(n, generator=gen)
    strokes = 5000 * 8 ** torch.rand(n, generator=gen)
    conc = load_pct / (1 + dil)
    crowd = conc / (1 + conc / 8)
    size = (d50 / 10) ** 1.5 / (1 + (d50 / 10) ** 1.5)
    out = []
    for h_sub in (5.0, 3.0):
        ratio = torch.log(hard / h_sub)
        k = 0.02 + torch.sigmoid(4 * ratio) * (1 + 0.5 * torch.relu(ratio))
        k = k * size * crowd * angular * (0.6 + 0.8 * brush * (1 - 0.3 * size))
        depth = 0.004 * k * force * strokes / 1000 / h_sub
        depth = depth * torch.exp(0.08 * torch.randn(n, generator=gen))
        out.append(torch.log(depth))
    x = torch.cat([F.one_hot(typ, TP_ABRASIVES).float(), torch.stack([
        (load_pct - 22.5) / 10, (d50 - 8.5) / 3.75, (dil - 2.5) / 0.87, (brush - 0.5) / 0.29,
        (force - 2.5) / 0.58, (torch.log(strokes) - math.log(5000 * 8**0.5)) / 0.6], 1)], 1)
    return x, torch.stack(out, 1)


class AbrasivityNet(nn.Module):
    """A SiLU MLP from the formulation and test conditions to the log enamel and dentin depths."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def abrasion_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log enamel and dentin depths."""
    return _mse(model, batch)


def toothpaste_abrasion(batch_size: int = 32, seed: int = 0, train_size: int = 768,
                        hidden: int = 64) -> dict[str, Any]:
    """The abrasivity net on 768 brushing tests, targets standardised over them; held out: 2048 other tests in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(107102)
    x, y = _tp_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AbrasivityNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": abrasion_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. rubber-band loading / unloading hysteresis (RAdam)

RB_PTS = 8


def _rb_cycles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cyclic tensile tests of natural-rubber bands: carbon black 0-40 phr (volume fraction phi = phr / 200),
    crosslink density (shear modulus of the gum 0.3-0.8 MPa), temperature 0-60 C, maximum stretch 2-6, stretch
    rate 0.01-1 /s (log-uniform), cycle 1-10. Loading: neo-Hookean G (lambda - lambda^-2) with Guth-Gold
    reinforcement (1 + 2.5 phi + 14.1 phi^2) and a strain-induced-crystallisation upturn past lambda_c (3.2 at 0 C,
    +0.02 per C, earlier with filler); a rate-dependent viscous over-stress. Unloading: the Ogden-Roxburgh Mullins
    factor 1 - erf((W_max - W) / (m + beta W_max)) / r (stronger with filler), less the viscous over-stress, and the
    crystallites' melting lag (the upturn shifted to higher stretch). Cycles after the first follow a softened
    loading path. 2% scatter. Returns (features (n, 6), stresses (n, 16): loading then unloading at stretches
    1 + (lambda_max - 1) k / 8, k = 1..8)."""
    phr = 40 * torch.rand(n, generator=gen)
    g0 = 0.3 + 0.5 * torch.rand(n, generator=gen)
    temp = 60 * torch.rand(n, generator=gen)
    lmax = 2 + 4 * torch.rand(n, generator=gen)
    rate = 10 ** (-2 + 2 * torch.rand(n, generator=gen))
    cyc = torch.randint(1, 11, (n,), generator=gen).float()
    phi = (phr / 200).view(-1, 1)
    g = (g0.view(-1, 1) * (1 + 2.5 * phi + 14.1 * phi**2))
    k = torch.arange(1, RB_PTS + 1).float().view(1, -1)
    lam = 1 + (lmax.view(-1, 1) - 1) * k / RB_PTS
    lam_c = (3.2 + 0.02 * temp).view(-1, 1) - 2.0 * phi

    def base(la: torch.Tensor, lc: torch.Tensor) -> torch.Tensor:
        gg = g.view(-1, *([1] * (la.dim() - 1)))
        return gg * (la - la**-2) * (1 + 0.6 * torch.relu(la - lc) ** 2)

    visc = (0.04 + 0.5 * phi) * (1 + 0.25 * torch.log10(rate).view(-1, 1)) * (1.2 - temp.view(-1, 1) / 100)
    soft = 1 - (0.05 + 0.6 * phi) * (1 - cyc.view(-1, 1) ** -0.35) * (lam / lmax.view(-1, 1))
    load = base(lam, lam_c) * soft * (1 + visc)
    # the strain energy along the loading path (trapezoid from lambda = 1), for the Mullins factor
    fine = 1 + (lam - 1).unsqueeze(2) * torch.linspace(0, 1, 9).view(1, 1, -1)
    w = torch.trapezoid(base(fine, lam_c.unsqueeze(2)), fine, dim=2)
    w_max = w[:, -1:]
    r = 1.2 + 2.0 * (1 - phi * 3).clamp_min(0.05)
    m = 0.1 * g
    eta = 1 - torch.erf((w_max - w) / (m + 0.3 * w_max)) / r
    unload = base(lam, lam_c + 0.6 * (lam_c < lmax.view(-1, 1)).float()) * soft * eta * (1 - visc)
    y = torch.cat([load, unload], 1)
    y = y * torch.exp(0.02 * torch.randn(y.shape, generator=gen))
    x = torch.stack([(phr - 20) / 11.5, (g0 - 0.55) / 0.14, (temp - 30) / 17.3, (lmax - 4) / 1.15,
                     torch.log10(rate) + 1, (cyc - 5.5) / 2.9], 1)
    return x, torch.log1p(y)


class HysteresisNet(nn.Module):
    """A tanh MLP from the compound and test conditions to the 16 (log1p) stresses of the loop."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2 * RB_PTS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def loop_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log1p stresses of the loading / unloading loop."""
    return _mse(model, batch)


def rubber_band_hysteresis(batch_size: int = 32, seed: int = 0, train_size: int = 1024,
                           hidden: int = 64) -> dict[str, Any]:
    """The loop net on 1024 cyclic tests, targets standardised over them; held out: 2048 other tests in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(107202)
    x, y = _rb_cycles(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HysteresisNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": loop_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. eraser graphite removal (Adamax)

ER_ERASERS = 4
ER_STROKES = (1, 2, 4, 8, 16)


def _er_marks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Erasing tests of pencil marks: the grade 9H-8B (graphite fraction of the lead 0.45-0.90, the rest clay and
    wax), the writing pressure 0.5-3 N, the paper's tooth 0-1 (smooth bond to drawing paper), the eraser (vinyl,
    natural rubber, gum, kneaded: removal rates 0.45, 0.30, 0.22, 0.15 a stroke, abrasiveness 0.6, 0.8, 0.3, 0.05),
    the erasing pressure 1-6 N and the mark's age 0-365 days. The deposit mass rises with the graphite fraction, the
    pressure and the tooth; the trapped share (burnished into the valleys by pressure and hard, clay-rich leads)
    rises with tooth and pressure and binds with age. Each stroke removes a fraction of the free and (slower) of the
    trapped graphite; soft erasers smear (a floor that gum and kneaded erasers leave higher on soft leads). OD =
    -log10(1 - 0.85 coverage), coverage 1 - exp(-mass). The paper's fibre damage after 16 strokes from the
    eraser's abrasiveness, the pressure and the tooth. Scatter 0.015 OD. Returns (features (n, 9), residual ODs
    at 1, 2, 4, 8, 16 strokes and the damage (n, 6))."""
    grade = torch.rand(n, generator=gen)  # 0 = 9H, 1 = 8B
    gf = 0.45 + 0.45 * grade
    wp = 0.5 + 2.5 * torch.rand(n, generator=gen)
    tooth = torch.rand(n, generator=gen)
    er = torch.randint(0, ER_ERASERS, (n,), generator=gen)
    ep = 1 + 5 * torch.rand(n, generator=gen)
    age = 365 * torch.rand(n, generator=gen) ** 2
    rate = torch.tensor([0.45, 0.30, 0.22, 0.15])[er]
    abr = torch.tensor([0.6, 0.8, 0.3, 0.05])[er]
    mass = 2.2 * gf**2 * wp**0.6 * (0.4 + tooth)
    trap = torch.sigmoid(2.5 * (tooth - 0.5) + 0.8 * (wp - 1.75) + 1.5 * (0.6 - gf)) * (1 + 0.3 * torch.log1p(age / 30))
    trap = trap.clamp(0, 0.95)
    kf = 1 - (1 - rate) ** (ep / 3) ** 0.7
    kt = kf * (0.15 + 0.2 * abr) * (1 - 0.1 * torch.log1p(age / 30))
    smear = 0.04 * mass * grade * torch.tensor([0.3, 0.5, 1.0, 1.3])[er]
    ods = []
    for s in ER_STROKES:
        left = mass * ((1 - trap) * (1 - kf) ** s + trap * (1 - kt) ** s) + smear * (1 - 0.5 ** s)
        ods.append(-torch.log10(1 - 0.85 * (1 - torch.exp(-left))))
    damage = abr * ep**0.8 * (0.3 + tooth) * 0.2
    y = torch.stack(ods + [damage], 1) + 0.015 * torch.randn(n, 6, generator=gen)
    x = torch.cat([torch.stack([(grade - 0.5) / 0.29, (wp - 1.75) / 0.72, (tooth - 0.5) / 0.29,
                                (ep - 3.5) / 1.44, torch.log1p(age / 30) - 1.5], 1),
                   F.one_hot(er, ER_ERASERS).float()], 1)
    return x, y * 4


class ErasureNet(nn.Module):
    """A ReLU MLP from the mark, paper and eraser to the residual ODs and the fibre damage."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def erasure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (x4) residual ODs and damage."""
    return _mse(model, batch)


def eraser_graphite(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The erasure net on 1024 erasing tests; held out: 2048 other tests in batches of 1024; Adamax (torch's
    defaults: betas 0.9, 0.999)."""
    gen = torch.Generator().manual_seed(107302)
    x, y = _er_marks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ErasureNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": erasure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. stapler clinch outcome (SGD with momentum)

ST_CLASSES = 5  # good, under-clinched, buckled, crossed, no penetration


def _st_staplings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Staplings: sheets 2-60 of 60-120 g/m2 paper (0.1 mm per 80 g/m2 sheet, scaled); the staple (24/6, 26/6,
    23/8, 23/10: wire 0.70, 0.55, 0.75, 0.75 mm, leg 6, 6, 8, 10 mm); the stapler (hand, desktop, heavy-duty:
    driving force 60, 110, 300 N at full push); the push 0.6-1.2 of full; anvil wear 0-1; a clinch or a pinning
    groove (pinning: legs turn out, never cross). The penetration force rises with the stack's paper mass and falls
    with the wire's sharpness (thicker wire, more force); the legs buckle when that force passes an Euler load
    pi^2 E I / (K L)^2 of the leg at the start of the drive (its full length; I rising with the wire's diameter^4); the leg length left after the stack
    against the anvil's curl (2.5-3.5 mm needed to clinch, less with wear; over 6.5 mm the legs cross in a clinch
    groove); the driving force left after penetration closes the legs (under-clinched when it is short). Each margin
    with scatter; the outcome is the first failing check. Returns (features (n, 12), classes)."""
    sheets = 2 + 58 * torch.rand(n, generator=gen) ** 1.3
    gsm = 60 + 60 * torch.rand(n, generator=gen)
    st = torch.randint(0, 4, (n,), generator=gen)
    wire = torch.tensor([0.70, 0.55, 0.75, 0.75])[st]
    leg = torch.tensor([6.0, 6.0, 8.0, 10.0])[st]
    kind = torch.randint(0, 3, (n,), generator=gen)
    drive = torch.tensor([60.0, 110.0, 300.0])[kind] * (0.6 + 0.6 * torch.rand(n, generator=gen))
    wear = torch.rand(n, generator=gen)
    pinning = (torch.rand(n, generator=gen) < 0.2).float()
    stack = sheets * 0.1 * (gsm / 80)
    pen = 12 + 1.1 * sheets * (gsm / 80) ** 1.2 * (wire / 0.65) ** 1.5
    free = (leg - stack).clamp_min(0.2)
    euler = 110 * (wire / 0.65) ** 4 / (leg / 6) ** 2
    curl = 2.5 + 1.0 * wear
    close = drive - pen
    noise = [0.08 * torch.randn(n, generator=gen) for _ in range(4)]
    y = torch.zeros(n, dtype=torch.long)
    no_pen = torch.log(drive / pen) + noise[0] < 0
    buckled = torch.log(euler / pen) + noise[1] < 0
    short = torch.log(free / curl) + noise[2] < 0
    crossed = (free - 6.5 + 2 * wear + 0.5 * noise[3] > 0) & (pinning == 0)
    under = (close / (20 + 8 * wire * (leg - stack).clamp_min(0)) + noise[3] < 1) | short
    y[under] = 1
    y[crossed] = 3
    y[buckled] = 2
    y[no_pen] = 4
    x = torch.cat([torch.stack([(sheets - 20) / 15, (gsm - 90) / 17.3, (drive / 100 - 1.2) / 0.9,
                                (wear - 0.5) / 0.29, 2 * pinning - 1], 1),
                   F.one_hot(st, 4).float(), F.one_hot(kind, 3).float()], 1)
    return x, y


class ClinchNet(nn.Module):
    """A ReLU MLP from the stapling to the five outcome logits."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, ST_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def clinch_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the clinch outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def stapler_clinch(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The clinch classifier on 2048 staplings; held out: 2048 other staplings in batches of 1024; SGD with momentum
    0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(107402)
    x, y = _st_staplings(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ClinchNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": clinch_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. marshmallow toasting over a campfire (RAdam; long only)


def _mm_toasts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Toasting a marshmallow on a stick: diameter 2.5-4 cm, distance to the embers 5-30 cm, ember temperature
    750-1100 K, rotation 0-1 turns a second, time 20-180 s, sugar / moisture content (water 14-20%). A two-node
    (surface shell, core) lumped heat model in 24 steps: the radiant flux eps sigma (T_e^4 - T_s^4) times a view
    factor 1 / (1 + (d / 8 cm)^2), the side facing the fire hotter when the rotation is slow (the browning taken on
    the hotter side), convection to 300 K air, conduction shell to core through the foam (k rising with
    expansion's fall), evaporation capping the surface near 100 C until the shell dries. Browning: an Arrhenius
    integral (Ea 110 kJ/mol) of the surface temperature, the browning index 100 (1 - exp(-integral)). Expansion:
    the core's gas at T / T_0 with the foam's yield, collapsing once the core passes 75 C. Scatter 3%. Returns
    (features (n, 6), outputs (n, 3): browning index, core temperature (C), expansion ratio)."""
    dia = 2.5 + 1.5 * torch.rand(n, generator=gen)
    dist = 5 + 25 * torch.rand(n, generator=gen)
    te = 750 + 350 * torch.rand(n, generator=gen)
    rot = torch.rand(n, generator=gen)
    time = 20 + 160 * torch.rand(n, generator=gen)
    water = 0.14 + 0.06 * torch.rand(n, generator=gen)
    vf = 1 / (1 + (dist / 8) ** 2)
    uneven = 1 + 0.8 / (1 + 6 * rot)
    ts = torch.full((n,), 293.0)
    tc = torch.full((n,), 293.0)
    dry = torch.zeros(n)
    brown = torch.zeros(n)
    dt = time / 24
    mass_s = 0.5 * dia  # shell heat capacity per area, arbitrary units
    for _ in range(24):
        q = 5.67e-8 * 0.9 * (te**4 - ts**4) * vf * uneven / 1e4  # W/cm2
        conv = 1e-3 * (ts - 300)
        cond = 4e-3 * (ts - tc) / (dia / 4)
        evap_cap = 373 + 60 * dry
        ts = ts + dt * (q - conv - cond) / (mass_s * 0.6)
        over = torch.relu(ts - evap_cap)
        dry = (dry + over * 0.02 / (water / 0.17)).clamp(0, 1)
        ts = torch.minimum(ts, evap_cap + 0.3 * over)
        tc = tc + dt * cond / (dia**2 * 0.25)
        brown = brown + dt * 3e13 * torch.exp(-110e3 / (8.314 * ts))
    bi = 100 * (1 - torch.exp(-brown))
    expand = 1 + 0.9 * (tc / 293 - 1) * 8 * torch.exp(-torch.relu(tc - 348) / 15) * (1.2 - water)
    y = torch.stack([bi, tc - 273.15, expand], 1) * torch.exp(0.03 * torch.randn(n, 3, generator=gen))
    x = torch.stack([(dia - 3.25) / 0.43, (dist - 17.5) / 7.2, (te - 925) / 101, (rot - 0.5) / 0.29,
                     (time - 100) / 46, (water - 0.17) / 0.017], 1)
    return x, y


class ToastNet(nn.Module):
    """A GELU MLP from the toasting conditions to the browning, core temperature and expansion."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def toast_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised browning, core temperature and expansion."""
    return _mse(model, batch)


def marshmallow_toasting(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                         hidden: int = 32) -> dict[str, Any]:
    """The toasting net on 8192 toasts, targets standardised over them; held out: 2048 other toasts in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(107502)
    x, y = _mm_toasts(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ToastNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": toast_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. surfboard planing with Savitsky's equations (RAdam; long only)


def _sb_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A surfer planing steadily on a wave face: rider and board 50-100 kg, speed 3-9 m/s, planing beam 0.40-0.58 m,
    trim 2-9 degrees, deadrise 0-8 degrees (flat to vee), rocker 5-15 cm. Savitsky (1964, from memory): for the
    mean wetted length-beam ratio lambda, C_L0 = tau^1.1 (0.012 lambda^0.5 + 0.0055 lambda^2.5 / Cv^2) (tau in
    degrees, Cv = V / sqrt(g b)), C_Lbeta = C_L0 - 0.0065 beta C_L0^0.6; lambda solved by bisection so that
    0.5 rho V^2 b^2 C_Lbeta (times a rocker factor, the curved bottom losing lift) carries the weight; drag =
    W tan tau + the ITTC-1957 friction (0.075 / (log10 Re - 2)^2) on the wetted area lambda b^2 / cos beta at the
    bottom's mean speed, over cos tau. 3% scatter. Returns (features (n, 6), log lambda and log drag (n, 2))."""
    mass = 50 + 50 * torch.rand(n, generator=gen)
    v = 3 + 6 * torch.rand(n, generator=gen)
    b = 0.40 + 0.18 * torch.rand(n, generator=gen)
    tau = 2 + 7 * torch.rand(n, generator=gen)
    beta = 8 * torch.rand(n, generator=gen)
    rocker = 0.05 + 0.10 * torch.rand(n, generator=gen)
    g, rho, nu = 9.81, 1025.0, 1.19e-6
    cv = v / (g * b).sqrt()
    weight = mass * g
    lo, hi = torch.full((n,), 0.05), torch.full((n,), 12.0)

    def lift(lam: torch.Tensor) -> torch.Tensor:
        cl0 = tau**1.1 * (0.012 * lam**0.5 + 0.0055 * lam**2.5 / cv**2)
        clb = cl0 - 0.0065 * beta * cl0**0.6
        return 0.5 * rho * v**2 * b**2 * clb * (1 - 0.8 * rocker * lam * b)

    for _ in range(30):
        mid = 0.5 * (lo + hi)
        low = lift(mid) < weight
        lo, hi = torch.where(low, mid, lo), torch.where(low, hi, mid)
    lam = 0.5 * (lo + hi)
    vm = v * (1 - 0.05 * tau / 9)
    re = vm * lam * b / nu
    cf = 0.075 / (torch.log10(re) - 2) ** 2
    area = lam * b**2 / torch.cos(torch.deg2rad(beta))
    drag = (weight * torch.tan(torch.deg2rad(tau)) + 0.5 * rho * vm**2 * area * cf) / torch.cos(torch.deg2rad(tau))
    y = torch.stack([torch.log(lam), torch.log(drag / 100)], 1) + 0.03 * torch.randn(n, 2, generator=gen)
    x = torch.stack([(mass - 75) / 14.4, (v - 6) / 1.73, (b - 0.49) / 0.052, (tau - 5.5) / 2.0, (beta - 4) / 2.3,
                     (rocker - 0.1) / 0.029], 1)
    return x, y


class PlaningNet(nn.Module):
    """A SiLU MLP from the rider, speed and board to the log wetted length-beam ratio and the log drag."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def planing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log wetted length-beam ratio and the log drag (hectonewtons)."""
    return _mse(model, batch)


def surfboard_planing(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The planing net on 8192 rides; held out: 2048 other rides in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(107602)
    x, y = _sb_rides(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PlaningNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": planing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("toothpaste_abrasion_radam", toothpaste_abrasion, 300, "toothpaste_rda_rea_enamel_dentin_wear_mlp", "radam",
      "finite", 128, seconds=0.6, start_lr=0.256),
    W("rubber_band_hysteresis_radam", rubber_band_hysteresis, 300, "rubber_band_loading_unloading_hysteresis_mlp",
      "radam", "finite", 128, seconds=0.7, start_lr=0.256),
    W("eraser_graphite_adamax", eraser_graphite, 300, "eraser_pencil_graphite_removal_od_mlp", "adamax", "finite", 64,
      seconds=0.6, start_lr=0.256),
    W("stapler_clinch_momentum", stapler_clinch, 300, "stapler_staple_clinch_outcome_mlp", "sgd_momentum0.9_wd1e-4",
      "finite", 32, seconds=0.3, start_lr=0.2),
)
LONG = (
    W("marshmallow_toasting_radam@long", marshmallow_toasting, 3000, "marshmallow_campfire_toasting_browning_mlp",
      "radam", "finite", 64, seconds=5.0, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("surfboard_planing_radam@long", surfboard_planing, 3000, "surfboard_savitsky_planing_lift_drag_mlp", "radam",
      "finite", 32, seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("toothpaste_abrasion_radam@long", toothpaste_abrasion, 3000, "toothpaste_rda_rea_enamel_dentin_wear_mlp",
      "radam", "finite", 64, dict(train_size=8192, hidden=32), seconds=6.0, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="toothpaste_abrasion_radam"),
    W("rubber_band_hysteresis_radam@long", rubber_band_hysteresis, 3000, "rubber_band_loading_unloading_hysteresis_mlp",
      "radam", "finite", 32, dict(train_size=8192, hidden=32), seconds=4.0, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="rubber_band_hysteresis_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam107_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventh exam's workloads")
