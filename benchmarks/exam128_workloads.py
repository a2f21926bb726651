"""The hundred-and-twenty-eighth exam: six more workload families that neither the suite nor exams 1-126 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam126_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from curtain rods and sag, belt buckles and strap tension, hole punches and
paper tearing, thumbtacks and cork hold, deadbolts and throw wear, and coffee filters and drip flow (exam 127 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam128/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- curtain-rod sag: a residual net with LayerNorm and embeddings of the rod's material and the bracket from the rod
  (diameter, wall, span, a centre bracket or not), the curtain's mass, how far it is drawn open and to which side,
  the brackets' projection and the months hung to the log sag at 8 points along the span (a laser-level survey);
  Euler-Bernoulli deflection of a simply supported rod (or two propped spans with a centre bracket) under the
  curtain's spread load and the stacked panels near the ends, the rod's own weight, bracket droop under each
  reaction, a telescoping rod's soft joint, creep of wooden poles; 15% scatter (10% in the long plan); MSE of the
  standardised logs;
  AdamW (weight decay 1e-2)
- belt strap tension through a day: a GRU from the wearer's posture (standing, sitting, bending) and meals every
  half hour, with the waist, the snugness of the chosen hole, the strap (leather, nylon webbing, elastic) and the
  buckle (prong, friction slide, ratchet) to the strap tension at each half hour (a tension-sensing buckle's
  log); the waist's rise with sitting, bending and digestion against the strap and the body's soft tissue in
  series, a friction slide slipping above its clamp force, the prong hole elongating (leather creep); MSE of the
  standardised log1p tension; Adam (torch's defaults)
- hole-punch diagnosis from the punch's force trace: a 1-D CNN reads a 64-sample force-stroke trace of a desk
  punch and estimates the share of the stack cut through (the lever's force may run out), the ragged (torn) share
  of the hole's edge, the die's wear and the chad bin's fill; the trace from the stack's compression and the
  sheets shearing one after another (wider bumps with a worn die, a tearing tail, a packed bin's late friction);
  MSE of the standardised estimates; Adamax (torch's defaults)
- thumbtack hold of a notice on a corkboard: a small Pre-LN transformer over the 2-6 tacks (their place on the
  notice, depth, tilt, pin type, the cork's local density, with the notice's mass, the humidity, the days since
  pinning and the board's age) to each tack's share of the load and its log hold margin; cork's radial grip on the
  pin relaxing with log time, the top tacks carrying most of the weight, failed tacks shedding their load to the
  others; masked MSE; AdamW with betas 0.9 / 0.98 and weight decay 1e-2 (the transformer recipe)
- deadbolt throw wear (a long plan only): a residual net with BatchNorm and embeddings of the bolt's material, the
  lubricant and the operator from the door's misalignment, the strike's clearance, dust, the daily cycles and the
  weatherstrip's compression to the log wear of the throw and the log torque to throw it at 1, 3, 6, 12, 24 and 48
  months; binding from the misalignment past the clearance, wear from the contact force (run-in and steady) that
  opens the clearance and so lowers the binding; MSE of the standardised logs; SGD with Nesterov momentum 0.9 and
  weight decay 5e-4
- coffee-filter drip flow (a long plan only): a grey-box net (an MLP predicts a drain rate constant, a filter
  clogging amount and its time constant and a residual) from the dose, grind, water, temperature, roast, filter
  paper and dripper to the log drip rate at 16 times of a single-pour brew; the analytic drawdown of a Darcy bed
  whose filter clogs with fines, against data from a finer simulation (a cone's head, the dripper's outlet, the
  bloom's CO2, the water's viscosity, the grounds' retained water); MSE of the log rates; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the deadbolt and coffee
nets (no short plans), the curtain-rod net on 8192 surveys instead of 2048 (32 units, one residual block instead of
64 and two; 10% survey scatter instead of 15%; batch 64 instead of 256) and the hole-punch CNN on 16384 traces
instead of 4096 (batch 32 instead of 128).

Of the eight plans, two use AdamW (both curtain-rod plans), one AdamW with transformer betas (thumbtack), one Adam
(belt), two Adamax (both hole-punch plans), one SGD with Nesterov momentum (deadbolt) and one RAdam (coffee filter).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam128_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam128/README.md).

    python benchmarks/exam128_workloads.py          # the table
    python benchmarks/exam128_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 128"


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


def _lognormal(shape: Any, sd: float, gen: torch.Generator) -> torch.Tensor:
    return torch.exp(sd * torch.randn(shape, generator=gen))


# --------------------------------------------------------------------------------------------------------------
# 1. curtain-rod sag (AdamW)

CR_MATERIALS = 5  # steel tube, aluminium tube, brass tube, wooden pole, telescoping steel
CR_BRACKETS = 3  # light pressed, standard, heavy cast
CR_POINTS = 8


def _cr_surveys(n: int, gen: torch.Generator,
                scatter: float = 0.10) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Curtain rods surveyed with a laser level: material (E 200, 70, 100, 11, 200 GPa; density 7850, 2700, 8500,
    600, 7850 kg/m3), outer diameter 16-35 mm, wall 0.6-1.5 mm (the pole is solid), span 1-3.5 m, a centre bracket
    (35%), curtain 1-12 kg, drawn open 0-1 (the open share of the curtain stacks near the ends, at 12% of the span),
    the stack's side share 0-1 (left), the brackets' projection 6-15 cm and stiffness class, months hung 0-24.
    Euler-Bernoulli deflection, from memory: uniform load w x (L^3 - 2 L x^2 + x^3) / 24 EI on a simple span,
    w x (l^3 - 3 l x^2 + 2 x^3) / 48 EI on each of two propped spans with a centre bracket; a point load P at a:
    P b x (L^2 - b^2 - x^2) / 6 L EI left of it (mirrored right of it), 0.6x of that on a propped half-span; the
    telescoping rod's joint a 40% softer rod; each bracket droops as its reaction times (projection / 10 cm)^3 over
    its stiffness (linear between brackets); the wooden pole creeps (1 + 0.5 log(1 + months) / log 25). Lognormal
    survey scatter (``scatter``: 15%, 10% in the long plan) plus 0.1 mm. Returns (material, bracket class,
    features (n, 9), log(sag + 0.3 mm) at 8 points (n, 8))."""
    mat = torch.randint(0, CR_MATERIALS, (n,), generator=gen)
    brk = torch.randint(0, CR_BRACKETS, (n,), generator=gen)
    e = torch.tensor([200e9, 70e9, 100e9, 11e9, 200e9])[mat]
    rho = torch.tensor([7850.0, 2700.0, 8500.0, 600.0, 7850.0])[mat]
    d = (16 + 19 * torch.rand(n, generator=gen)) / 1000
    wall = (0.6 + 0.9 * torch.rand(n, generator=gen)) / 1000
    span = 1.0 + 2.5 * torch.rand(n, generator=gen)
    centre = (torch.rand(n, generator=gen) < 0.35).float()
    mass = 1 + 11 * torch.rand(n, generator=gen)
    opened = torch.rand(n, generator=gen)
    side = torch.rand(n, generator=gen)
    proj = 0.06 + 0.09 * torch.rand(n, generator=gen)
    months = 24 * torch.rand(n, generator=gen) ** 1.5
    solid = mat == 3
    d_in = torch.where(solid, torch.zeros(n), (d - 2 * wall).clamp_min(0))
    inertia = math.pi / 64 * (d**4 - d_in**4)
    area = math.pi / 4 * (d**2 - d_in**2)
    ei = e * inertia * torch.where(mat == 4, torch.full((n,), 0.6), torch.ones(n))
    g = 9.81
    stacked = 0.8 * opened
    w = (mass * g * (1 - stacked) / span + rho * area * g).view(-1, 1)
    p_tot = mass * g * stacked
    p_l, p_r = (p_tot * side).view(-1, 1), (p_tot * (1 - side)).view(-1, 1)
    L = span.view(-1, 1)
    EI = ei.view(-1, 1)
    xs = (torch.arange(CR_POINTS).float().view(1, -1) + 0.5) / CR_POINTS * L
    a = 0.12 * L

    def point(P: torch.Tensor, a: torch.Tensor, x: torch.Tensor, span: torch.Tensor) -> torch.Tensor:
        b = span - a
        left = P * b * x * (span**2 - b**2 - x**2) / (6 * span * EI)
        right = P * a * (span - x) * (span**2 - a**2 - (span - x) ** 2) / (6 * span * EI)
        return torch.where(x <= a, left, right).clamp_min(0)

    # a simple span
    simple = w * xs * (L**3 - 2 * L * xs**2 + xs**3) / (24 * EI) + point(p_l, a, xs, L) + point(p_r, a, L - xs, L)
    # two propped spans (each measured from its outer bracket)
    half = L / 2
    xo = torch.where(xs <= half, xs, L - xs)
    p_side = torch.where(xs <= half, p_l.expand_as(xs), p_r.expand_as(xs))
    propped = w * xo * (half**3 - 3 * half * xo**2 + 2 * xo**3) / (48 * EI) + 0.6 * point(p_side, a, xo, half)
    c = centre.view(-1, 1)
    sag = (1 - c) * simple + c * propped.clamp_min(0)
    # bracket droop under the reactions
    k_brk = torch.tensor([1.5e4, 4e4, 1.2e5])[brk].view(-1, 1)  # N/m at 10 cm projection
    droop_scale = (proj.view(-1, 1) / 0.10) ** 3 / k_brk
    total_w = w * L + p_l + p_r
    share_end = torch.where(c > 0, 0.1875 + 0 * c, 0.5 + 0 * c)  # the outer brackets' share of a uniform load
    r_l = total_w * share_end + p_l * (1 - share_end * 2) * 0.8
    r_r = total_w * share_end + p_r * (1 - share_end * 2) * 0.8
    r_c = (total_w - r_l - r_r).clamp_min(0) * c
    frac = xs / L
    droop = droop_scale * (r_l * (1 - frac) + r_r * frac + r_c * (1 - (2 * frac - 1).abs()))
    creep = torch.where(solid, 1 + 0.5 * torch.log1p(months) / math.log(25), 1 + 0.02 * torch.log1p(months))
    y = (sag * creep.view(-1, 1) + droop) * 1000  # mm
    y = y * _lognormal(y.shape, scatter, gen) + 0.1 * torch.randn(y.shape, generator=gen)
    y = torch.log(y.clamp_min(0) + 0.3)
    x = torch.stack([(d * 1000 - 25.5) / 5.5, (wall * 1000 - 1.05) / 0.26, (span - 2.25) / 0.72, 2 * centre - 1,
                     (mass - 6.5) / 3.2, (opened - 0.5) / 0.29, (side - 0.5) / 0.29, (proj - 0.105) / 0.026,
                     torch.log1p(months) - 1.8], 1)
    return mat, brk, x, y


class SagResNet(nn.Module):
    """Embeddings of the material and the bracket class joined to the measured features, ``blocks`` Pre-LN residual
    blocks (LayerNorm, Linear, GELU, Linear; two, one in the long plan), a final LayerNorm and a linear head to the
    8 sag points."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.mat = nn.Embedding(CR_MATERIALS, 4)
        self.brk = nn.Embedding(CR_BRACKETS, 2)
        self.inp = nn.Linear(9 + 4 + 2, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, CR_POINTS)

    def forward(self, mat: torch.Tensor, brk: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(torch.cat([x, self.mat(mat), self.brk(brk)], 1))
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def sag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log sags."""
    mat, brk, x, y = batch
    return F.mse_loss(model(mat, brk, x), y)


def curtain_rod_sag(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64,
                    blocks: int = 2, scatter: float = 0.15) -> dict[str, Any]:
    """The sag net on 2048 surveyed rods (15% survey scatter), targets standardised over them; held out: 2048 other
    rods in batches of 1024; AdamW with weight decay 1e-2 (betas and eps torch's defaults)."""
    gen = torch.Generator().manual_seed(128101)
    mat, brk, x, y = _cr_surveys(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (mat[:train_size], brk[:train_size], x[:train_size], y[:train_size])
    ev = (mat[train_size:], brk[train_size:], x[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": SagResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2), "adamw_wd1e-2"),
            "loss_fn": sag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. belt strap tension through a day (Adam)

BT_STEPS = 16  # half hours


def _bt_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Eight hours of a belt, logged every half hour: waist 70-110 cm at rest; the hole's snugness (strap length
    minus waist) -3 to +0.5 cm; strap leather, nylon webbing or elastic (axial stiffness 60, 150, 6 N/cm); buckle
    prong, friction slide (slips above its clamp force 30-90 N) or ratchet; the posture each half hour (standing,
    sitting, bending: a Markov chain mostly seated) and meals (12% of half hours, size 0.3-1). The waist rises 2.5
    cm seated and 3.5 cm bent (scaled with the waist) and by 2.5 cm a meal, digested with a 2-hour time constant;
    the tension is the waist's excess over the strap through the strap and the body's soft tissue (25 N/cm) in
    series, plus a 3 N rest; the slide slips to its clamp force; a leather strap's prong hole elongates 0.004 cm
    per N-half-hour (nylon 0.0005, elastic 0.001; a ratchet has no holes). 8% scatter (the sensor and the fit of
    the clothes). Returns (inputs (n, 16, 13), log1p tension (n, 16))."""
    waist = 70 + 40 * torch.rand(n, generator=gen)
    snug = -3 + 3.5 * torch.rand(n, generator=gen)
    strap = torch.randint(0, 3, (n,), generator=gen)
    buckle = torch.randint(0, 3, (n,), generator=gen)
    clamp = 30 + 60 * torch.rand(n, generator=gen)
    k = torch.tensor([60.0, 150.0, 6.0])[strap]
    k_eff = 1 / (1 / k + 1 / 25.0)
    creep_rate = torch.tensor([0.004, 0.0005, 0.001])[strap]
    trans = torch.tensor([[0.6, 0.3, 0.1], [0.15, 0.8, 0.05], [0.5, 0.4, 0.1]])
    post = torch.multinomial(torch.tensor([0.4, 0.5, 0.1]), n, replacement=True, generator=gen)
    length = waist + snug
    belly = torch.zeros(n)
    scale = waist / 90
    dyn, ten = [], []
    for _ in range(BT_STEPS):
        meal = (torch.rand(n, generator=gen) < 0.12).float() * (0.3 + 0.7 * torch.rand(n, generator=gen))
        belly = belly * math.exp(-1 / 4) + 2.5 * meal
        rise = torch.tensor([0.0, 2.5, 3.5])[post] * scale
        t = 3 + k_eff * torch.relu(waist + rise + belly - length)
        slip = (buckle == 1) & (t > clamp)
        length = torch.where(slip, length + (t - clamp) / k_eff, length)
        t = torch.where(slip, clamp, t)
        length = length + creep_rate * t * (buckle != 2).float() * 0.5
        dyn.append(torch.cat([F.one_hot(post, 3).float(), meal.view(-1, 1)], 1))
        ten.append(t)
        post = torch.multinomial(trans[post], 1, generator=gen).view(-1)
    y = torch.log1p(torch.stack(ten, 1) * _lognormal((n, BT_STEPS), 0.08, gen))
    static = torch.cat([torch.stack([(waist - 90) / 11.5, (snug + 1.25) / 1.0, (clamp - 60) / 17.3], 1),
                        F.one_hot(strap, 3).float(), F.one_hot(buckle, 3).float()], 1)
    x = torch.cat([torch.stack(dyn, 1), static.unsqueeze(1).expand(-1, BT_STEPS, -1)], 2)
    return x, y


class TensionGRU(nn.Module):
    """A one-layer GRU over the half hours (posture, meal and the belt's static features at every step) with a
    linear read-out of the tension at each step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(13, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(-1)


def tension_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log1p tensions."""
    x, y = batch
    return F.mse_loss(model(x), y)


def belt_strap_tension(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The tension GRU on 8192 logged days, targets standardised (one mean and sd) over them; held out: 2048 other
    days in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(128102)
    x, y = _bt_days(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TensionGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tension_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hole-punch force-trace diagnosis (Adamax)

HP_SAMPLES = 64
HP_OUTPUTS = 4  # share of the stack cut through, ragged share of the edge, die wear, chad-bin fill


def _hp_punches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Desk punches with a load cell under the die: 1-14 sheets of 60-160 g/m2 paper (0.1 mm per 80 g/m2), shear
    strength 30-50 MPa, a 6 mm punch (perimeter pi d; the stack under the sheet carries part of the cut, a 0.35
    factor, invented), die wear 0-1 (clearance: a worn die needs 1 + 0.8 w the force and shears over a wider
    stroke), a light, standard or heavy punch (lever capacity 120, 260, 600 N, +-15%), the chad bin 0-1 full.
    Trace over the stroke (64 samples): the stack's compression (a rising ramp), then each sheet shearing in turn
    (a Gaussian bump of F1 = perimeter t tau (1 + 0.8 w), width 0.02 + 0.05 w, the stack's later sheets sharing
    the load); a punch whose lever runs out saturates at the capacity and holds; a tearing paper leaves a decaying
    tail (fibres pulled, not cut); a packed bin a late friction plateau (both growing smoothly with their latent
    margins). The input is log1p(trace / 20 N) with 2% and 0.01 noise. The targets, as inspected after the punch
    (each with 0.05 scatter): the share of the stack cut through (capacity / need, at most 1), the ragged share of
    the hole's edge (a sigmoid of the tearing index wear + 0.4 (gsm - 60) / 100 - 0.03 sheets about 0.6), the die's
    wear and the chad bin's fill. Returns (traces (n, 1, 64), targets (n, 4))."""
    sheets = torch.randint(1, 15, (n,), generator=gen).float()
    gsm = 60 + 100 * torch.rand(n, generator=gen)
    tau = 30e6 + 20e6 * torch.rand(n, generator=gen)
    wear = torch.rand(n, generator=gen)
    kind = torch.randint(0, 3, (n,), generator=gen)
    cap = torch.tensor([120.0, 260.0, 600.0])[kind] * (0.85 + 0.3 * torch.rand(n, generator=gen))
    fill = torch.rand(n, generator=gen)
    t_sheet = 0.1e-3 * gsm / 80
    f1 = 0.35 * math.pi * 6e-3 * t_sheet * tau * (1 + 0.8 * wear)  # the stack's support carries the rest
    need = f1 * (1 + 0.35 * (sheets - 1))
    margin = torch.log(cap / need)
    tear_idx = wear + 0.4 * (gsm - 60) / 100 - 0.03 * sheets
    s = torch.linspace(0, 1, HP_SAMPLES).view(1, -1)
    stack = (sheets * t_sheet * 1000).view(-1, 1)  # mm
    start = 0.1 + 0.02 * stack
    ramp = 0.08 * need.view(-1, 1) * ((s - 0.05) / 0.1).clamp(0, 1)
    width = (0.02 + 0.05 * wear).view(-1, 1)
    trace = ramp.clone()
    share = (need / sheets).view(-1, 1)
    for i in range(14):
        active = (sheets > i).float().view(-1, 1)
        centre = start + 0.04 * i * (1 + 0.3 * wear.view(-1, 1))
        trace = trace + active * share * 1.6 * torch.exp(-0.5 * ((s - centre) / width) ** 2)
    end = start + 0.04 * (sheets.view(-1, 1) - 1) + 2 * width
    # what the trace shows follows the latent margins without their scatter (the labels have it)
    tearing = torch.sigmoid((tear_idx - 0.6) / 0.1).view(-1, 1)
    packed = torch.sigmoid((fill - 0.8) / 0.1).view(-1, 1)
    tail = tearing * 0.5 * share * torch.exp(-(s - end).clamp_min(0) / 0.15) * (s > end)
    plateau = packed * 0.3 * need.view(-1, 1) * torch.sigmoid((s - end - 0.1) / 0.03)
    trace = trace + tail + plateau
    short = (margin < 0).view(-1, 1)
    held = torch.where(short, trace.clamp(max=cap.view(-1, 1)), trace)
    # a punch whose lever runs out stays loaded at the capacity after it stalls
    stalled = short & (s > start + 0.04 * (sheets.view(-1, 1) - 1) * cap.view(-1, 1) / need.view(-1, 1))
    held = torch.where(stalled, torch.maximum(held, 0.9 * cap.view(-1, 1)), held)
    x = torch.log1p(held / 20 * _lognormal(held.shape, 0.02, gen)) + 0.01 * torch.randn(held.shape, generator=gen)
    y = torch.stack([(cap / need).clamp(max=1), tearing.view(-1), wear, fill], 1)
    y = y + 0.05 * torch.randn(y.shape, generator=gen)
    return x.unsqueeze(1), y


class TraceCNN(nn.Module):
    """A 1-D CNN over the force trace: two conv blocks (5 taps, ReLU, max-pooling by 2), global average and max
    pooling and a linear head to the four diagnoses."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Linear(4 * width, HP_OUTPUTS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.features(x)
        return self.head(torch.cat([h.mean(-1), h.amax(-1)], 1))


def punch_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the four standardised diagnoses."""
    x, y = batch
    return F.mse_loss(model(x), y)


def hole_punch_trace(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The trace CNN on 4096 punches, targets standardised over them; held out: 2048 other punches in batches of
    1024; Adamax (torch's defaults: betas 0.9 / 0.999, eps 1e-8)."""
    gen = torch.Generator().manual_seed(128103)
    x, y = _hp_punches(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TraceCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": punch_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. thumbtack hold on a corkboard (AdamW, transformer betas)

TT_SLOTS = 6
TT_FEATS = 13


def _tt_notices(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Notices pinned on a corkboard with 2-6 tacks: each tack's place on the notice (x 0-1, y 0.3-1 from the
    bottom), its depth 0.4-1 of the pin, tilt -20 to +30 degrees (head up positive), the pin (flat thumbtack: 1.0 mm
    pin, 8 mm, the head's friction on the paper +0.3 N; push pin 1.0 mm, 10 mm; map pin 0.7 mm, 7 mm), the cork's
    local density 120-300 kg/m3; the notice 20-500 g, humidity 20-80%, 1-365 days pinned, the board's age 0-1
    (dry, crumbly). Load shares from weights exp(4 (y - y_top)) times depth (the top tacks carry the weight); each
    tack's grip mu p pi d L_in (mu 0.3, p = 0.35 MPa (rho / 200)^1.5 relaxing as 1 - 0.08 ln(1 + days), drier with
    age, swelling with humidity) times 1 + 0.8 sin(tilt); tacks whose load passes their grip fail and shed it to
    the others (three rounds; where all fail the notice falls and every tack keeps its first share). 3% scatter on
    the grips. Returns (tokens (n, 6, 13), mask (n, 6): a tack there,
    targets (n, 6, 2): the final load share and the log hold margin clipped to +-3)."""
    count = torch.randint(2, TT_SLOTS + 1, (n,), generator=gen)
    mask = torch.arange(TT_SLOTS).view(1, -1) < count.view(-1, 1)
    px = torch.rand(n, TT_SLOTS, generator=gen)
    py = 0.3 + 0.7 * torch.rand(n, TT_SLOTS, generator=gen) ** 0.5
    depth = 0.4 + 0.6 * torch.rand(n, TT_SLOTS, generator=gen)
    tilt = -20 + 50 * torch.rand(n, TT_SLOTS, generator=gen)
    pin = torch.randint(0, 3, (n, TT_SLOTS), generator=gen)
    dens = 120 + 180 * torch.rand(n, TT_SLOTS, generator=gen)
    mass = 0.02 + 0.48 * torch.rand(n, generator=gen) ** 1.5
    hum = 20 + 60 * torch.rand(n, generator=gen)
    days = 365 ** torch.rand(n, generator=gen)
    age = torch.rand(n, generator=gen)
    dia = torch.tensor([1.0e-3, 1.0e-3, 0.7e-3])[pin]
    length = torch.tensor([8e-3, 10e-3, 7e-3])[pin]
    head = torch.tensor([0.3, 0.0, 0.0])[pin]
    p = 0.35e6 * (dens / 200) ** 1.5 * (1 - 0.08 * torch.log1p(days)).clamp_min(0.3).view(-1, 1)
    p = p * (1 - 0.4 * age.view(-1, 1)) * (1 + 0.006 * (hum.view(-1, 1) - 50))
    grip = 0.3 * p * math.pi * dia * length * depth * (1 + 0.8 * torch.sin(torch.deg2rad(tilt))) + head
    grip = grip * _lognormal(grip.shape, 0.03, gen)
    y_top = torch.where(mask, py, torch.full_like(py, -1.0)).amax(1, keepdim=True)
    weight = torch.exp(4 * (py - y_top)) * depth * mask.float()
    load_total = (mass * 9.81).view(-1, 1)
    alive = mask.clone()
    for _ in range(3):
        wa = weight * alive.float()
        share = wa / wa.sum(1, keepdim=True).clamp_min(1e-9)
        load = share * load_total
        alive = alive & (load <= grip)
        none_left = ~alive.any(1, keepdim=True)
        alive = torch.where(none_left, mask, alive)  # all fail: the notice falls; report the first round's shares
    wa = weight * alive.float()
    share = wa / wa.sum(1, keepdim=True).clamp_min(1e-9)
    load = share * load_total
    margin = torch.log(grip / load.clamp_min(1e-3)).clamp(-3, 3)
    margin = torch.where(alive, margin, torch.log(grip / (weight / weight.sum(1, keepdim=True) * load_total)
                                                  .clamp_min(1e-3)).clamp(-3, 3))
    glob = torch.stack([(mass - 0.2) / 0.13, (hum - 50) / 17.3, torch.log(days) / 1.7 - 1.7, (age - 0.5) / 0.29], 1)
    tok = torch.cat([torch.stack([(px - 0.5) / 0.29, (py - 0.75) / 0.2, (depth - 0.7) / 0.17, tilt / 15,
                                  (dens - 210) / 52, mask.float()], 2), F.one_hot(pin, 3).float(),
                     glob.unsqueeze(1).expand(-1, TT_SLOTS, -1)], 2) * mask.unsqueeze(2).float()
    y = torch.stack([share * 2, margin / 1.5], 2) * mask.unsqueeze(2).float()
    return tok, mask, y


class PreLNBlock(nn.Module):
    """A Pre-LN transformer block: LayerNorm, multi-head self-attention (padding masked), residual; LayerNorm, a GELU
    feed-forward, residual."""

    def __init__(self, d: int, heads: int, ff: int) -> None:
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Linear(ff, d))

    def forward(self, h: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        z = self.ln1(h)
        h = h + self.attn(z, z, z, key_padding_mask=pad, need_weights=False)[0]
        return h + self.ff(self.ln2(h))


class TackTransformer(nn.Module):
    """Tack tokens embedded linearly, two Pre-LN blocks (4 heads), a final LayerNorm and a per-tack head (share,
    margin)."""

    def __init__(self, d: int = 32, layers: int = 2, heads: int = 4) -> None:
        super().__init__()
        self.embed = nn.Linear(TT_FEATS, d)
        self.blocks = nn.ModuleList(PreLNBlock(d, heads, 2 * d) for _ in range(layers))
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 2)

    def forward(self, tok: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        h = self.embed(tok)
        for block in self.blocks:
            h = block(h, ~mask)
        return self.head(self.norm(h))


def tack_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the tacks present (padding slots masked out) of the scaled share and margin."""
    tok, mask, y = batch
    err = (model(tok, mask) - y) ** 2 * mask.unsqueeze(2).float()
    return err.sum() / (2 * mask.sum())


def thumbtack_hold(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d: int = 32) -> dict[str, Any]:
    """The tack transformer on 2048 pinned notices; held out: 2048 other notices in batches of 1024; AdamW with
    betas 0.9 / 0.98 and weight decay 1e-2 (eps torch's default)."""
    gen = torch.Generator().manual_seed(128104)
    tok, mask, y = _tt_notices(train_size + 2048, gen)
    tr = (tok[:train_size], mask[:train_size], y[:train_size])
    ev = (tok[train_size:], mask[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": TackTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98),
                                                                     weight_decay=1e-2), "adamw_b0.98_wd1e-2"),
            "loss_fn": tack_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. deadbolt throw wear (SGD with Nesterov momentum; long only)

DB_MONTHS = (1, 3, 6, 12, 24, 48)


def _db_doors(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor,
                                                      torch.Tensor]:
    """Deadbolts in service: the bolt's material (brass, zinc die-cast, steel, stainless: wear coefficients 3, 6,
    1.5, 1 (relative)), the lubricant (none, graphite, oil: friction 0.35, 0.15, 0.12; wear x3, x1, x(1 + 2 dust)),
    the operator (thumb-turn, key, motor: the motor's impact x1.5 wear), the door's misalignment 0-4 mm, the strike's
    clearance 0.5-2 mm, dust 0-1, 2-40 throws a day, the weatherstrip's compression 0-1 (up to 20 N on the bolt).
    Each month (48 steps): the binding force k (misalignment - clearance - wear)+ (60 N/mm) plus the seal's
    push; the wear grows by run-in (0.02 mm (1 - exp(-throws / 300))) plus the steady rate k_w (N + 3 N) throws;
    wear opens the clearance. The torque to throw: 0.15 N m + friction times the force on a 12 mm arm, from the
    binding that remains. 4% scatter. Returns (material, lubricant, operator, features (n, 6), log wear (mm) and
    log torque (N m) at 1, 3, 6, 12, 24, 48 months (n, 12))."""
    mat = torch.randint(0, 4, (n,), generator=gen)
    lube = torch.randint(0, 3, (n,), generator=gen)
    op = torch.randint(0, 3, (n,), generator=gen)
    mis = 4 * torch.rand(n, generator=gen)
    clear = 0.5 + 1.5 * torch.rand(n, generator=gen)
    dust = torch.rand(n, generator=gen)
    per_day = 2 * 20 ** torch.rand(n, generator=gen)
    seal = torch.rand(n, generator=gen)
    kw = torch.tensor([3.0, 6.0, 1.5, 1.0])[mat]
    mu = torch.tensor([0.35, 0.15, 0.12])[lube]
    lw = torch.tensor([3.0, 1.0, 1.0])[lube] + (lube == 2).float() * 2 * dust
    impact = torch.tensor([1.0, 1.0, 1.5])[op]
    wear = torch.zeros(n)
    throws = torch.zeros(n)
    out_w, out_t = [], []
    for month in range(1, 49):
        force = 60 * torch.relu(mis - clear - wear) + 20 * seal
        new = per_day * 30
        run_in = 0.02 * (torch.exp(-throws / 300) - torch.exp(-(throws + new) / 300))
        wear = wear + run_in + 2e-7 * kw * lw * impact * (force + 3) * new * (1 + 0.5 * dust)
        throws = throws + new
        if month in DB_MONTHS:
            force = 60 * torch.relu(mis - clear - wear) + 20 * seal
            out_w.append(wear)
            out_t.append(0.15 + mu * (force + 3) * 0.012 * (1 + 0.3 * dust))
    y = torch.cat([torch.log(torch.stack(out_w, 1)), torch.log(torch.stack(out_t, 1))], 1)
    y = y + 0.04 * torch.randn(y.shape, generator=gen)
    x = torch.stack([(mis - 2) / 1.15, (clear - 1.25) / 0.43, (dust - 0.5) / 0.29,
                     (torch.log(per_day) - 2.2) / 0.86, (seal - 0.5) / 0.29,
                     (mis - clear) / 1.3], 1)  # the last: the nominal interference, as an installer notes it
    return mat, lube, op, x, y


class BNResBlock(nn.Module):
    """Linear, BatchNorm, ReLU, Linear, BatchNorm, plus the input, ReLU."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(width, width), nn.BatchNorm1d(width), nn.ReLU(),
                                  nn.Linear(width, width), nn.BatchNorm1d(width))

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        return F.relu(h + self.body(h))


class WearResNet(nn.Module):
    """Embeddings (3 wide, one table) of the material, lubricant and operator joined to the features, a Linear +
    BatchNorm stem, a BatchNorm residual block and a linear head to the 12 outputs."""

    def __init__(self, width: int = 32, blocks: int = 1) -> None:
        super().__init__()
        self.embed = nn.Embedding(4 + 3 + 3, 3)  # one table: materials, then lubricants, then operators
        self.register_buffer("offsets", torch.tensor([0, 4, 7]))
        self.stem = nn.Sequential(nn.Linear(6 + 9, width), nn.BatchNorm1d(width), nn.ReLU())
        self.blocks = nn.Sequential(*(BNResBlock(width) for _ in range(blocks)))
        self.head = nn.Linear(width, 2 * len(DB_MONTHS))

    def forward(self, mat: torch.Tensor, lube: torch.Tensor, op: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        cats = torch.stack([mat, lube, op], 1) + self.offsets
        h = self.stem(torch.cat([x, self.embed(cats).flatten(1)], 1))
        return self.head(self.blocks(h))


def wear_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log wears and torques."""
    mat, lube, op, x, y = batch
    return F.mse_loss(model(mat, lube, op, x), y)


def deadbolt_wear(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32) -> dict[str, Any]:
    """The wear net on 8192 deadbolts, targets standardised over them; held out: 2048 other deadbolts in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(128105)
    mat, lube, op, x, y = _db_doors(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (mat[:train_size], lube[:train_size], op[:train_size], x[:train_size], y[:train_size])
    ev = (mat[train_size:], lube[train_size:], op[train_size:], x[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": WearResNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": wear_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. coffee-filter drip flow (RAdam; long only)

CF_TIMES = torch.arange(16).float() * 15 + 10  # s


def _cf_brews(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Single-pour brews on a scale under the dripper: dose 12-30 g, grind 300-1100 um, water 200-500 g poured at
    once, 82-98 C, roast 0-1 (light to dark), the filter paper (thin bleached, unbleached, thick bonded: resistance
    1, 1.4, 2.5), the dripper (cone with one large hole, flat bottom with three small holes, cone with one small
    hole). Simulated in 2 s steps: the head above the bed from the water left (a 60-degree cone or a flat bottom),
    Darcy flow through the bed (Kozeny-Carman permeability d^2 eps^3 / 180 (1 - eps)^2 from the grind less the
    fines, the bed's depth from the dose, x25 for its compaction, invented) and the filter, which clogs with fines
    (1 + 25 fines (1 - exp(-t / 40 s)), fines 0.12 (300 um / grind)^0.8 (1 + 0.5 roast)); the bloom's CO2 slows
    the start of dark roasts; water viscosity by an Andrade law; the outlet's orifice flow in series; the grounds
    keep 2 g of water a gram. 3% scatter. Returns (features (n, 11), the water left to drain (mL, known from the
    recipe) (n, 1), log(drip rate + 0.2 mL/s) at 10, 25, ..., 235 s (n, 16))."""
    dose = 12 + 18 * torch.rand(n, generator=gen)
    grind = 300 + 800 * torch.rand(n, generator=gen)
    water = 200 + 300 * torch.rand(n, generator=gen)
    temp = 82 + 16 * torch.rand(n, generator=gen)
    roast = torch.rand(n, generator=gen)
    paper = torch.randint(0, 3, (n,), generator=gen)
    dripper = torch.randint(0, 3, (n,), generator=gen)
    fines = 0.12 * (300 / grind) ** 0.8 * (1 + 0.5 * roast)
    d_eff = grind * 1e-6 * (1 - 1.5 * fines)
    eps = 0.40
    perm = d_eff**2 * eps**3 / (180 * (1 - eps) ** 2)
    visc = 1e-3 * torch.exp(1800 * (1 / (temp + 273.15) - 1 / 293.15))
    cone = dripper != 1
    bed_area = torch.where(cone, torch.full((n,), 30e-4), torch.full((n,), 45e-4))
    bed = dose / 1000 / 380 / bed_area  # m
    r_bed = bed / perm
    r_f0 = 4e8 * torch.tensor([1.0, 1.4, 2.5])[paper]
    orifice = torch.tensor([40.0, 12.0, 6.0])[dripper]  # mL/s at 5 cm head
    v = (water - 2 * dose).clamp_min(20) * 1e-6  # m3 to drain
    v0 = v.clone()
    dt = 2.0
    t = 0.0
    rates = []
    times = CF_TIMES.tolist()
    k = 0
    q = torch.zeros(n)
    while k < len(times):
        t_mid = t + dt / 2
        h = torch.where(cone, (3 * v / (math.pi * math.tan(math.pi / 6) ** 2)) ** (1 / 3), v / bed_area) + bed
        r_f = r_f0 * (1 + 3 * fines / 0.12 * (1 - math.exp(-t_mid / 40)))
        q_d = 1000 * 9.81 * h * bed_area / (visc * (25 * r_bed + r_f))
        q_d = q_d * (1 - 0.5 * roast * math.exp(-t_mid / 20))
        q_o = orifice * 1e-6 * (h / 0.05).sqrt()
        q = q_d * q_o / (q_d + q_o)
        v = (v - q * dt).clamp_min(0)
        t += dt
        if t >= times[k] - 1e-6:
            rates.append(q * 1e6)
            k += 1
    y = torch.stack(rates, 1)
    y = torch.log(y * _lognormal(y.shape, 0.03, gen) + 0.2)
    x = torch.cat([torch.stack([(dose - 21) / 5.2, (grind - 700) / 231, (water - 350) / 87, (temp - 90) / 4.6,
                                (roast - 0.5) / 0.29], 1), F.one_hot(paper, 3).float(),
                   F.one_hot(dripper, 3).float()], 1)
    return x, (v0 * 1e6).view(-1, 1), y


class DrawdownGreyBox(nn.Module):
    """A SiLU MLP predicts a drain rate constant k0 (1/s), a clogging amount b >= 0 and its time constant tc (s),
    and a per-time residual; the drip rate is the analytic drawdown of a bed whose resistance rises as
    1 + b (1 - exp(-t / tc)): q(t) = V k(t) exp(-K(t)), k = k0 / (1 + b (1 - e^(-t/tc))), K(t) = k0 / (1 + b)
    (t + tc ln(1 + b - b e^(-t/tc))), returned as log(q + 0.2) plus the residual."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU())
        self.out = nn.Linear(hidden, 3 + len(CF_TIMES))  # the three physical parameters, then the residual
        with torch.no_grad():
            self.out.weight[3:].zero_()
            self.out.bias[3:].zero_()
        self.register_buffer("times", CF_TIMES.clone())

    def forward(self, x: torch.Tensor, v0: torch.Tensor) -> torch.Tensor:
        p = self.out(self.net(x))
        k0 = torch.exp(p[:, :1] - 4.0)
        b = F.softplus(p[:, 1:2])
        tc = 40 * torch.exp(p[:, 2:3].clamp(-4, 4))
        t = self.times.view(1, -1)
        e = torch.exp(-t / tc)
        k = k0 / (1 + b * (1 - e))
        big_k = k0 / (1 + b) * (t + tc * torch.log(1 + b - b * e))
        q = v0 * k * torch.exp(-big_k)
        return torch.log(q + 0.2) + p[:, 3:]


def drip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log drip rates."""
    x, v0, y = batch
    return F.mse_loss(model(x, v0), y)


def coffee_drip(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The drawdown grey-box on 8192 brews; held out: 2048 other brews in batches of 1024; RAdam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(128106)
    x, v0, y = _cf_brews(train_size + 2048, gen)
    tr = (x[:train_size], v0[:train_size], y[:train_size])
    ev = (x[train_size:], v0[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": DrawdownGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": drip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("curtain_rod_sag_adamw", curtain_rod_sag, 300, "curtain_rod_sag_profile_resnet_ln_emb", "adamw_wd1e-2",
      "finite", 256, seconds=0.7, start_lr=0.032),
    W("belt_strap_tension_adam", belt_strap_tension, 300, "belt_buckle_strap_tension_day_gru", "adam", "finite", 128,
      seconds=1.1, start_lr=0.064),
    W("hole_punch_trace_adamax", hole_punch_trace, 300, "hole_punch_force_trace_tear_wear_cnn1d", "adamax",
      "finite", 128, seconds=1.2, start_lr=0.064),
    W("thumbtack_hold_adamw", thumbtack_hold, 300, "thumbtack_corkboard_hold_share_preln_transformer",
      "adamw_b0.98_wd1e-2", "finite", 64, seconds=1.5, start_lr=0.032),
)
LONG = (
    W("deadbolt_wear_nesterov@long", deadbolt_wear, 3000, "deadbolt_throw_wear_torque_bn_resnet_emb",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, seconds=3.3, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("coffee_drip_radam@long", coffee_drip, 3000, "coffee_filter_drip_drawdown_greybox", "radam", "finite", 64,
      seconds=3.3, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("curtain_rod_sag_adamw@long", curtain_rod_sag, 3000, "curtain_rod_sag_profile_resnet_ln_emb", "adamw_wd1e-2",
      "finite", 64, dict(train_size=8192, width=32, blocks=1, scatter=0.10), seconds=3.3, start_lr=0.032,
      grid_fractions=(0.0, 0.05),
      long_of="curtain_rod_sag_adamw"),
    W("hole_punch_trace_adamax@long", hole_punch_trace, 3000, "hole_punch_force_trace_tear_wear_cnn1d", "adamax",
      "finite", 32, dict(train_size=16384), seconds=5.5, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="hole_punch_trace_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam128_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-eighth exam's workloads")
