"""The hundred-and-forty-seventh exam: six more workload families that neither the suite nor exams 1-146 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam146_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from herb strippers and leaf yield, butter curlers and curl formation, cake
stands and tier load, cookie presses and dough extrusion, pastry cutters and edge sealing, and letterboxes and
draught flow (exam 148 was built at the same time from other domains; its module was not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam147/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- herb stripper leaf yield: an embedding net (the herb species and the stripper's hole as learned embeddings, with
  the stem's diameter and length, the hours since picking, the pull speed and angle) to the leaf yield and the stem
  bits in the harvest of one pull through a graded-hole stripper; leaves caught when their (wilt-folded) span beats
  the hole's clearance, tight holes squeeze the stem (a jam force), the pull force against a Weibull stem strength
  (a snapped stem leaves its lower leaves), a capstan term for the pull angle; MSE; Adagrad (torch's defaults)
- cake stand tier load: a Post-LN transformer encoder over a cake's 2-5 tiers (tokens: diameter, height, sponge,
  filling, dowels, with the stand's kind, the room's temperature and the hours on display) to each tier's sink;
  stacked tiers on a pedestal stand carry every tier above (the board's load over the upper tier's footprint),
  shared with the dowels by stiffness until a dowel's Euler load is passed, a creeping sponge whose modulus falls
  with warmth; a pillar-separated stand carries each tier on its own plate (the plate's deflection instead); MSE of
  the standardised log1p sinks over the real tiers; AdamW (torch's defaults: weight decay 1e-2)
- pastry cutter edge sealing: a 2-D CNN with BatchNorm reads a 2-channel map (the crimped dough's thickness ratio
  and the egg-wash wetness) of 32 mm of a pie's sealed edge, crimped by a fluted pastry wheel, to the seal's log
  burst pressure in the oven; bond strength rising with compression and wetness, cut through where a flute presses
  past 92%, the weakest stretch of the edge (a soft minimum of the bonded width over its length) deciding; MSE;
  SGD with Nesterov momentum 0.9 and weight decay 5e-4
- cookie press dough extrusion: an LSTM over the 8 trigger clicks of a spritz cookie press (per click: how long
  the cookie is held before the next click or the lift and how full the squeeze was; with the dough's butter,
  flour and starting temperature, the disc's open area and thickness, the press's ratchet and the air in the
  barrel) to each cookie's mass; the ratchet displaces a fixed volume, the barrel's trapped air stores part of it
  (a compliance), the dough flows through the disc as a Herschel-Bulkley fluid once the pressure passes its yield,
  the dough warming in the hand; MSE of the standardised masses; Adagrad (torch's defaults)
- letterbox draught (a long plan only): a grey-box crack-flow model (Q = C dp^n, the coefficient, the exponent in
  0.5-1 and the flap's open fraction from a tanh MLP of the door's features: mean wind, gustiness, stack pressure,
  the flap's spring preload and inertia, the slot's width and the draught excluder: none, single or double brush)
  to the log mean flow through the letterbox over 16 s of gusty wind and the share of the time the flap stands
  open; simulated with the flap a damped spring-loaded hinge opened by the wind's pressure, the flap's gap an
  orifice (Cd A sqrt(2 dp / rho)) in series with the brush's power-law leakage (Q = C dp^0.65); MSE; Adagrad
  (torch's defaults)
- butter curler curl formation (a long plan only): a residual MLP with LayerNorm classifies a pass of a butter
  curler (the butter's kind, fridge and room temperatures, minutes out, block mass, a curler dipped in hot water,
  the depth, rake angle, speed and length of the pass) into flakes, broken curl, full curl and smear; the surface's
  temperature by Newton's warming, the solid fat content a sigmoid in temperature, the yield stress exponential in
  it, the fracture strain of cold butter against the outer-fibre strain of the curl; cross-entropy; Adagrad (torch's
  defaults, weight decay 1e-4)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the letterbox and
butter-curler nets (no short plans), the herb-stripper net on 8192 pulls instead of 4096 (batch 32 instead of 64)
and the cookie-press LSTM on 8192 runs instead of 2048 (batch 32 instead of 64). All four long plans use Adagrad.

Of the eight plans, six use Adagrad (both herb-stripper plans, both cookie-press plans, letterbox, butter curler), one
AdamW (cake stand) and one SGD with Nesterov momentum (pastry cutter).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam147_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam147/README.md).

    python benchmarks/exam147_workloads.py          # the table
    python benchmarks/exam147_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 147"


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


# --------------------------------------------------------------------------------------------------------------
# 1. herb stripper leaf yield (Adagrad)

HS_SPECIES = 12  # rosemary, thyme, oregano, marjoram, sage, tarragon, kale, cavolo nero, parsley, cilantro, dill, mint
HS_HOLES = 9
HS_HOLE_MM = (1.5, 2.0, 3.0, 4.0, 5.0, 6.5, 8.0, 10.0, 13.0)


def _hs_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pulls of one stem through a hole of a graded herb stripper (holes 1.5-13 mm). Per species: mean stem diameter
    (mm), woodiness, a leaf's detach force (N), the leaves' half-span beyond the stem (mm) and the number of leaf
    nodes on 20 cm. Per pull: the stem's diameter (species mean, 20% lognormal), its length 10-30 cm, hours since
    picking 0-72 (wilting: 1 - exp(-h / 24); wilted leaves fold along the stem, woody stems turn brittle), the pull
    speed 0.05-0.5 m/s and the pull's angle off the plate's normal 0-45 degrees. The leaves are caught when their
    folded half-span beats the clearance (hole - stem) / 2 (a sigmoid); a stem wider than the hole is squeezed (a
    jam force ~ (d / D - 1)^1.5, stiffer when woody) and past 1.5x does not go in; the pull force (the caught leaves
    of a node at a time, faster pulls tearing more, times a capstan factor exp(0.4 angle)) against a Weibull stem
    strength (m = 4 fresh, up to 8 when dry and woody; scale ~ d^2): a snapped stem leaves the leaves below the snap
    (half on average). Yield = caught x (1 - P_snap / 2) less torn leaves; stem bits from woody tips breaking in
    tight holes and from snapped stems. Scatter 0.03 on each output. Returns (species, hole, numbers (n, 5), targets
    (n, 2): yield and 4 x stem-bit fraction)."""
    sp = torch.randint(0, HS_SPECIES, (n,), generator=gen)
    hole = torch.randint(0, HS_HOLES, (n,), generator=gen)
    d_mean = torch.tensor([2.2, 1.2, 1.8, 1.5, 2.8, 2.0, 6.0, 7.0, 2.5, 2.0, 2.2, 3.0])[sp]
    wood = torch.tensor([0.9, 0.8, 0.6, 0.5, 0.5, 0.4, 0.3, 0.35, 0.1, 0.05, 0.1, 0.2])[sp]
    f_det = torch.tensor([0.4, 0.3, 0.5, 0.4, 1.2, 0.6, 3.0, 3.5, 0.8, 0.5, 0.4, 1.0])[sp]
    span = torch.tensor([10.0, 4.0, 8.0, 6.0, 20.0, 15.0, 60.0, 50.0, 15.0, 12.0, 20.0, 18.0])[sp]
    nodes = torch.tensor([40.0, 30.0, 15.0, 20.0, 8.0, 20.0, 10.0, 10.0, 6.0, 6.0, 8.0, 10.0])[sp]
    d = d_mean * torch.exp(0.2 * torch.randn(n, generator=gen))
    length = 10 + 20 * torch.rand(n, generator=gen)
    hours = 72 * torch.rand(n, generator=gen) ** 1.5
    speed = 0.05 + 0.45 * torch.rand(n, generator=gen)
    angle = math.radians(45) * torch.rand(n, generator=gen)
    dh = torch.tensor(HS_HOLE_MM)[hole]
    wilt = 1 - torch.exp(-hours / 24)
    span_eff = span * (1 - 0.5 * wilt * (1 - wood))
    clear = (dh - d) / 2
    caught = torch.sigmoid((span_eff - clear) / (0.15 * span_eff + 0.3))
    squeeze = torch.relu(d / dh - 1)
    enters = torch.sigmoid((1.5 - d / dh) / 0.15)
    jam = 12 * squeeze**1.5 * (0.5 + wood) * d
    per_node = caught * f_det * (2 + nodes / 20) * (1 + 1.5 * speed)
    force = (per_node + jam) * torch.exp(0.4 * angle)
    strength = 0.9 * d**2 * (0.3 + wood) * (1 - 0.3 * wilt * wood) + 0.5
    m = 4 + 4 * wilt * wood
    p_snap = 1 - torch.exp(-(force / strength) ** m)
    torn = 0.25 * (1 - wood) * speed * (1 + angle)
    yield_ = enters * caught * (1 - 0.5 * p_snap) * (1 - torn) * (length / (length + 3))
    bits = enters * (0.15 * wood * torch.sigmoid((d - dh) / 0.3 + 2 * wilt) + 0.1 * p_snap)
    y = torch.stack([yield_, 4 * bits], 1) + 0.03 * torch.randn(n, 2, generator=gen)
    num = torch.stack([torch.log(d / 2.5) / 0.5, (length - 20) / 5.8, (hours - 29) / 21, (speed - 0.275) / 0.13,
                       (angle - 0.39) / 0.23], 1)
    return sp, hole, num, y


class StripperNet(nn.Module):
    """Learned embeddings of the species (8) and the hole (4) with the pull's five numbers into a ReLU head."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.species = nn.Embedding(HS_SPECIES, 8)
        self.hole = nn.Embedding(HS_HOLES, 4)
        self.head = nn.Sequential(nn.Linear(8 + 4 + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 2))

    def forward(self, sp: torch.Tensor, hole: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.species(sp), self.hole(hole), num], 1))


def stripper_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the leaf yield and the (x4) stem-bit fraction."""
    sp, hole, num, y = batch
    return F.mse_loss(model(sp, hole, num), y)


def herb_stripper(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 48) -> dict[str, Any]:
    """The stripper net on ``train_size`` pulls; held out: 2048 other pulls in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(147101)
    sp, hole, num, y = _hs_pulls(train_size + 2048, gen)
    tr = (sp[:train_size], hole[:train_size], num[:train_size], y[:train_size])
    te = (sp[train_size:], hole[train_size:], num[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": StripperNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": stripper_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. letterbox draught flow (Adagrad, a grey-box power-law model; long only)

LB_T = 64  # samples of 0.25 s
LB_BRUSHES = 3  # none, single brush, double brush
LB_FEATS = 7 + LB_BRUSHES


def _lb_doors(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Letterboxes in outside doors over 16 s of gusty wind: a slot 200-300 x 40 mm with a hinged, spring-loaded
    outer flap and an inner draught excluder (none, a single or a double brush: power-law leakage coefficients 60,
    9, 4 L/s at 1 Pa per 250 mm, exponent 0.65). The wind: mean 2-12 m/s, pressure on the door Cp 0.7 x 1/2 rho u^2,
    gusts an AR(1) process (10-40% of the mean speed, 2 s memory); the stack pressure 0-4 Pa (a warm house in cold
    weather: 0.043 x height x dT). The flap: a damped hinge, I theta'' = p - M_pre - k theta - c theta' (per unit
    area), held at 0 when shut and at 60 degrees open; its preload 2-20 Pa, its relative inertia 0.5-2; 4 steps a
    0.25 s sample. Through the gap: Q = Cd A sqrt(2 dp / rho) (Cd 0.6, A = slot width x flap length x sin theta, plus
    the shut flap's crack), in series with the brush (Q^-2 = Q_flap^-2 + Q_brush^-2). Measured: the mean flow (L/s)
    and the fraction of the time the flap stands open (over 3 degrees). 4% scatter on the flow, 0.02 on the fraction.
    Returns (features (n, 10), the mean driving pressure (n,) in Pa, targets (n, 2): log mean flow and 2 x open
    fraction)."""
    u = 2 + 10 * torch.rand(n, generator=gen)
    gust = 0.1 + 0.3 * torch.rand(n, generator=gen)
    stack = 4 * torch.rand(n, generator=gen)
    pre = 2 + 18 * torch.rand(n, generator=gen)
    mass = 0.5 + 1.5 * torch.rand(n, generator=gen)
    slot = 0.2 + 0.1 * torch.rand(n, generator=gen)
    brush = torch.randint(0, LB_BRUSHES, (n,), generator=gen)
    c_brush = torch.tensor([60.0, 9.0, 4.0])[brush] * slot / 0.25
    rho, dt, k = 1.2, 0.25, 40.0
    a = math.exp(-dt / 2.0)
    g = torch.randn(n, generator=gen)
    theta = torch.zeros(n)
    omega = torch.zeros(n)
    flow = torch.zeros(n)
    opened = torch.zeros(n)
    dp_sum = torch.zeros(n)
    sub = dt / 4
    for _ in range(LB_T):
        g = a * g + math.sqrt(1 - a * a) * torch.randn(n, generator=gen)
        dp = 0.7 * 0.5 * rho * (u * (1 + gust * g)).clamp_min(0) ** 2 + stack
        for _ in range(4):
            omega = omega + sub * (dp - pre - k * theta - 3.0 * omega) / (2 * mass)
            theta = theta + sub * omega
            shut = theta <= 0
            theta = torch.where(shut, torch.zeros_like(theta), theta)
            omega = torch.where(shut, omega.clamp_min(0), omega)
            top = theta >= 1.05
            theta = torch.where(top, torch.full_like(theta, 1.05), theta)
            omega = torch.where(top, omega.clamp_max(0), omega)
        area = slot * 0.04 * torch.sin(theta)
        q_flap = 0.6 * area * torch.sqrt(2 * dp / rho) * 1000 + 0.3 * dp**0.5
        q_brush = c_brush * dp**0.65
        flow = flow + (q_flap**-2 + q_brush**-2) ** -0.5 / LB_T
        opened = opened + (theta > 0.05).float() / LB_T
        dp_sum = dp_sum + dp / LB_T
    y = torch.stack([torch.log(flow) + 0.04 * torch.randn(n, generator=gen),
                     2 * (opened + 0.02 * torch.randn(n, generator=gen))], 1)
    x = torch.cat([torch.stack([(u - 7) / 2.9, (gust - 0.25) / 0.087, (stack - 2) / 1.15, (pre - 11) / 5.2,
                                (mass - 1.25) / 0.43, (slot - 0.25) / 0.029, torch.log(dp_sum) - 2.5], 1),
                   F.one_hot(brush, LB_BRUSHES).float()], 1)
    return x, dp_sum, y


class DraughtGreyBox(nn.Module):
    """The crack-flow law Q = C dp^n with its coefficient, its exponent (0.5-1) and the flap's open fraction from a
    tanh MLP of the door's features: log Q = log C + n log(mean driving pressure)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(LB_FEATS, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor, dp: torch.Tensor) -> torch.Tensor:
        log_c, n_logit, open_logit = self.net(x).unbind(1)
        expo = 0.5 + 0.5 * torch.sigmoid(n_logit)
        return torch.stack([log_c + expo * torch.log(dp), 2 * torch.sigmoid(open_logit)], 1)


def draught_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log mean flow and the (x2) open fraction."""
    x, dp, y = batch
    return F.mse_loss(model(x, dp), y)


def letterbox_draught(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The draught grey box on ``train_size`` doors; held out: 2048 other doors in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(147106)
    x, dp, y = _lb_doors(train_size + 2048, gen)
    tr = (x[:train_size], dp[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DraughtGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], dp[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": draught_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cake stand tier load (AdamW, Post-LN transformer)

CS_TIERS = 5
CS_SPONGES = 4  # Victoria sponge, butter cake, mud cake, fruit cake
CS_FILLINGS = 3  # buttercream, ganache, jam
CS_FEATS = 2 + CS_SPONGES + CS_FILLINGS + 1 + 1 + 3  # geometry, sponge, filling, dowels, wooden, stand / temp / hours


def _cs_cakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tiered cakes on display: 2-5 tiers, diameters falling upward (the bottom 22-35 cm, each next 5-9 cm less,
    at least 10 cm), heights 7-14 cm; the sponge (Victoria, butter, mud, fruit: density 0.40, 0.50, 0.70, 1.00 g/cm3;
    compressive modulus 6, 12, 25, 60 kPa; creep 0.5, 0.35, 0.25, 0.1) and the filling (buttercream, ganache, jam:
    stiffness x 0.8, 1.2, 0.7, softening with warmth); 0-8 dowels under each upper tier's board (plastic or
    wooden: axial stiffness and Euler load pi^2 E I / (K h)^2, wooden 3x stiffer); the stand (a pedestal with the
    tiers stacked, or a pillar stand carrying each tier on its own plate), the room 18-28 C, 1-8 hours on display.
    Stacked: tier i carries the tiers above (their mass, 150 g a board) over the footprint of the tier resting on
    it; the dowels take the share k_d n / (k_d n + E A / h) until a dowel's load passes its Euler load (then the
    sponge takes it all); sink = h sigma / E_eff x (1 + creep (t / 1 h)^0.3) plus the tier's own weight's
    compression; E_eff = E x filling x exp(-0.06 (T - 20)). Pillar stand: the tier's own weight and its plate's
    deflection (~ mass D^2). 5% scatter. Returns (tokens (n, 5, 15), mask of real tiers (n, 5), log1p sinks in mm
    (n, 5), 0 past the top tier)."""
    nt = torch.randint(2, CS_TIERS + 1, (n,), generator=gen)
    d0 = 22 + 13 * torch.rand(n, generator=gen)
    steps = 5 + 4 * torch.rand(n, CS_TIERS, generator=gen)
    diam = (d0.view(-1, 1) - torch.cat([torch.zeros(n, 1), steps[:, 1:].cumsum(1)], 1)).clamp_min(10)
    height = 7 + 7 * torch.rand(n, CS_TIERS, generator=gen)
    sponge = torch.randint(0, CS_SPONGES, (n, CS_TIERS), generator=gen)
    filling = torch.randint(0, CS_FILLINGS, (n, CS_TIERS), generator=gen)
    dowels = torch.randint(0, 9, (n, CS_TIERS), generator=gen).float()
    wooden = (torch.rand(n, CS_TIERS, generator=gen) < 0.5).float()
    pillar = (torch.rand(n, generator=gen) < 0.3).float()
    temp = 18 + 10 * torch.rand(n, generator=gen)
    hours = 1 + 7 * torch.rand(n, generator=gen)
    real = torch.arange(CS_TIERS).view(1, -1) < nt.view(-1, 1)
    dowels = dowels * real
    rho = torch.tensor([0.40, 0.50, 0.70, 1.00])[sponge]
    e_mod = torch.tensor([6.0, 12.0, 25.0, 60.0])[sponge] * 1e3  # Pa
    creep = torch.tensor([0.5, 0.35, 0.25, 0.1])[sponge]
    fill = torch.tensor([0.8, 1.2, 0.7])[filling]
    area = math.pi * (diam / 200) ** 2  # m2
    mass = rho * area * 1e4 * height * real.float() / 1000  # kg (g/cm3 x cm3 / 1000)
    above = (mass + 0.15 * real.float()).flip(1).cumsum(1).flip(1) - (mass + 0.15 * real.float())
    foot = torch.cat([area[:, 1:], area[:, -1:]], 1)  # the footprint of the tier above
    e_eff = e_mod * fill * torch.exp(-0.06 * (temp.view(-1, 1) - 20))
    k_sponge = e_eff * foot / (height / 100)
    k_dowel = 4e4 * (1 + 2 * wooden)
    euler = 25 * (1 + 2 * wooden) / (height / 10) ** 2  # N per dowel
    load = above * 9.81
    share = k_dowel * dowels / (k_dowel * dowels + k_sponge)
    buckled = (load * share / dowels.clamp_min(1)) > euler
    share = torch.where(buckled, torch.zeros_like(share), share)
    sigma = load * (1 - share) / foot
    own = mass * 9.81 / area / 2
    time_f = 1 + creep * hours.view(-1, 1) ** 0.3
    sink_stacked = (height * 10) * (sigma + own) / e_eff * time_f  # mm
    plate = 0.4 * (mass + 0.15) * (diam / 25) ** 2 + (height * 10) * own / e_eff * time_f
    sink = torch.where(pillar.view(-1, 1) > 0, plate, sink_stacked)
    sink = sink * torch.exp(0.05 * torch.randn(n, CS_TIERS, generator=gen))
    y = torch.log1p(sink) * real
    glob = torch.stack([2 * pillar - 1, (temp - 23) / 2.9, (hours - 4.5) / 2.0], 1).view(n, 1, 3).expand(n, CS_TIERS, 3)
    tok = torch.cat([torch.stack([(diam - 22) / 6, (height - 10.5) / 2], 2), F.one_hot(sponge, CS_SPONGES).float(),
                     F.one_hot(filling, CS_FILLINGS).float(), (dowels / 4 - 1).unsqueeze(2), wooden.unsqueeze(2),
                     glob], 2) * real.unsqueeze(2)
    return tok, real, y


class TierTransformer(nn.Module):
    """A Post-LN transformer encoder (``norm_first=False``) over the tiers, bottom first, with a learned position
    embedding, to each tier's log1p sink; absent tiers are masked out of the attention."""

    def __init__(self, d_model: int = 32, layers: int = 2, heads: int = 4) -> None:
        super().__init__()
        self.inp = nn.Linear(CS_FEATS, d_model)
        self.pos = nn.Parameter(torch.zeros(CS_TIERS, d_model))
        layer = nn.TransformerEncoderLayer(d_model, heads, 2 * d_model, dropout=0.0, batch_first=True, norm_first=False)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.out = nn.Linear(d_model, 1)

    def forward(self, tok: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
        h = self.inp(tok) + self.pos
        return self.out(self.enc(h, src_key_padding_mask=~real)).squeeze(2)


def tier_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log1p sinks over the real tiers."""
    tok, real, y = batch
    err = (model(tok, real) - y) ** 2 * real
    return err.sum() / real.sum()


def cake_stand(batch_size: int = 32, seed: int = 0, train_size: int = 2048, d_model: int = 32,
               layers: int = 1) -> dict[str, Any]:
    """The tier transformer on ``train_size`` cakes, sinks standardised over the training tiers; held out: 2048
    other cakes in batches of 1024; AdamW (torch's defaults: betas 0.9 / 0.999, weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(147103)
    tok, real, y = _cs_cakes(train_size + 2048, gen)
    r = real[:train_size]
    mu, sd = y[:train_size][r].mean(), y[:train_size][r].std()
    y = (y - mu) / sd * real
    tr = (tok[:train_size], real[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TierTransformer(d_model, layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], real[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": tier_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pastry cutter edge sealing (SGD with Nesterov momentum, 2-D CNN with BatchNorm)

PC_H, PC_W = 12, 32  # 12 mm across the edge, 32 mm along it (1 mm pixels)


def _smooth_field(n: int, h: int, w: int, cells: tuple[int, int], gen: torch.Generator) -> torch.Tensor:
    """A smooth random field: Gaussian noise on a coarse grid, bilinearly upsampled (n, h, w)."""
    z = torch.randn(n, 1, *cells, generator=gen)
    return F.interpolate(z, size=(h, w), mode="bilinear", align_corners=True).squeeze(1)


def _pc_edges(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sealed edges of hand pies: two sheets of dough (each 2-4 mm) pressed and cut by a fluted pastry wheel
    (flute pitch 3-8 mm, flute depth 0.4-1.0 of the stack, the track 3-5 mm wide, wobbling by up to 1.5 mm along the
    edge), the lower sheet's edge brushed with egg wash or water (coverage 0.3-1, patchy: a thresholded smooth
    field) or (one edge in five) left dry. The map: the thickness ratio after crimping (1 - compression) and the
    wetness. Local bond strength b0 (the dough's fat 15-35% lowering it) x compression^0.7 x (0.25 + 0.75 wetness);
    cut through (no bond) where the compression passes 0.92 (a flute's crest pressed too hard). The edge's strength
    per mm along it is the bonded width (the sum over the rows), and the seal holds the filling's steam until its
    weakest stretch (a soft minimum, over 3 mm windows) fails: burst pressure ~ that width x (3 mm / sheet)^0.3. The
    dough's fat and the sheets' thickness are not in the map (unobserved: part of the scatter with the 5% test
    scatter). Returns (maps (n, 2, 12, 32), log burst pressure in kPa (n, 1))."""
    sheet = 2 + 2 * torch.rand(n, generator=gen)
    pitch = 3 + 5 * torch.rand(n, generator=gen)
    depth = 0.4 + 0.6 * torch.rand(n, generator=gen)
    track = 3 + 2 * torch.rand(n, generator=gen)
    wobble = 1.5 * torch.rand(n, generator=gen)
    cover = 0.3 + 0.7 * torch.rand(n, generator=gen)
    wash = (torch.rand(n, generator=gen) < 0.8).float()
    fat = 0.15 + 0.2 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    xs = torch.arange(PC_W).float().view(1, 1, -1)
    ys = torch.arange(PC_H).float().view(1, -1, 1)
    centre = 6 + wobble.view(-1, 1, 1) * torch.sin(2 * math.pi * xs / 20 + phase.view(-1, 1, 1))
    across = torch.exp(-0.5 * ((ys - centre) / (track.view(-1, 1, 1) / 2.5)) ** 2)
    flute = 0.5 + 0.5 * torch.cos(2 * math.pi * xs / pitch.view(-1, 1, 1) + phase.view(-1, 1, 1))
    comp = (depth.view(-1, 1, 1) * across * (0.55 + 0.45 * flute)
            + 0.03 * _smooth_field(n, PC_H, PC_W, (3, 8), gen)).clamp(0, 1)
    wet_field = _smooth_field(n, PC_H, PC_W, (4, 9), gen)
    wet = torch.sigmoid(4 * (wet_field + 1.6 * (cover.view(-1, 1, 1) - 0.5) * 2)) * wash.view(-1, 1, 1)
    b0 = 30 * (1 - 1.5 * (fat - 0.15))
    bond = b0.view(-1, 1, 1) * comp**0.7 * (0.25 + 0.75 * wet) * (comp < 0.92).float()
    width = bond.sum(1) / 10  # per mm of edge
    win = F.avg_pool1d(width.unsqueeze(1), 3, 1).squeeze(1)
    weakest = -0.3 * (torch.logsumexp(-win / 0.3, 1) - math.log(win.shape[1]))
    burst = weakest.clamp_min(0.05) * (3 / sheet) ** 0.3 * torch.exp(0.05 * torch.randn(n, generator=gen))
    x = torch.stack([1 - comp, wet], 1)
    return x, torch.log(burst).view(-1, 1)


class SealCNN(nn.Module):
    """Two 3x3 convolutions with BatchNorm (8 channels, a 2x2 max-pool between), global max and mean pooling, a
    32-unit head to the log burst pressure."""

    def __init__(self, channels: int = 8) -> None:
        super().__init__()
        c = channels
        self.features = nn.Sequential(
            nn.Conv2d(2, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(c, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * c, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.features(x)
        return self.head(torch.cat([h.amax((2, 3)), h.mean((2, 3))], 1))


def seal_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log burst pressure."""
    return _mse(model, batch)


def pastry_cutter(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 8) -> dict[str, Any]:
    """The seal CNN on ``train_size`` edges; held out: 2048 other edges in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(147105)
    x, y = _pc_edges(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SealCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": seal_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. cookie press dough extrusion (Adagrad, LSTM)

CP_CLICKS = 8
CP_FLOURS = 3  # all-purpose, cake, gluten-free blend


def _cp_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Runs of 8 clicks of a spritz cookie press. The dough: butter 25-40% (softer), the flour (all-purpose, cake,
    gluten-free: yield stress x 1.0, 0.8, 1.3), the starting temperature 8-24 C, air trapped in the barrel 0-8% (a
    compliance of 0.02 + 1.2 x air cm3/kPa); the disc: open area 20-80 mm2, thickness 1-3 mm; the press: a ratchet
    of 5 or 7 mm a click in a 45 mm barrel. Per click: the hold until the next click (the last: until the lift)
    0.5-6 s and the squeeze's completeness 0.6-1. Each click pushes the ratchet's volume into the barrel's store; the
    store's pressure is p = stored / compliance; the dough leaves through the disc as a Herschel-Bulkley fluid (flow
    index 0.45), Q = A_open / 50 x (max(p - p_yield, 0) / K)^(1 / 0.45) cm3/s with p_yield = 1.5 tau_0 x the disc's
    thickness, tau_0 and K falling by 6% a degree as the hand warms the barrel (to 32 C, time constant 240 s); what
    stays below the yield carries over to the next cookie. A cookie is what leaves during its hold (8 Euler steps,
    capped at the store above the yield), at 1.25 g/cm3. Scatter 1%. Returns (inputs (n, 8, 11): the static nine
    and per click (hold, squeeze), normalised; cookie masses in g (n, 8))."""
    butter = 0.25 + 0.15 * torch.rand(n, generator=gen)
    flour = torch.randint(0, CP_FLOURS, (n,), generator=gen)
    t0 = 8 + 16 * torch.rand(n, generator=gen)
    air = 0.08 * torch.rand(n, generator=gen)
    a_open = 20 + 60 * torch.rand(n, generator=gen)
    thick = 1 + 2 * torch.rand(n, generator=gen)
    ratchet = torch.where(torch.rand(n, generator=gen) < 0.5, torch.full((n,), 5.0), torch.full((n,), 7.0))
    hold = 0.5 + 5.5 * torch.rand(n, CP_CLICKS, generator=gen)  # from each click to the next (the last: to the lift)
    squeeze = 0.6 + 0.4 * torch.rand(n, CP_CLICKS, generator=gen)
    barrel = math.pi * 22.5**2  # mm2
    comp = 0.02 + 1.2 * air  # cm3 per kPa: the trapped air's compliance (a floor for the dough itself)
    tau0 = 6.0 * torch.tensor([1.0, 0.8, 1.3])[flour] * (1 - 1.2 * (butter - 0.25))  # kPa at 15 C
    kk = 30.0 * (1 - 1.0 * (butter - 0.25))
    stored = torch.zeros(n)
    clock = torch.zeros(n)
    masses = []
    for c in range(CP_CLICKS):
        stored = stored + barrel * ratchet * squeeze[:, c] / 1000  # cm3
        span = hold[:, c]
        out = torch.zeros(n)
        h = span / 8
        for _ in range(8):
            temp = 32 - (32 - t0) * torch.exp(-clock / 240)
            warm = torch.exp(-0.06 * (temp - 15))
            p = stored / comp
            p_y = 1.5 * tau0 * warm * thick
            q = a_open / 50 * (torch.relu(p - p_y) / (kk * warm)) ** (1 / 0.45)  # cm3/s
            dv = torch.minimum(q * h, torch.relu(stored - p_y * comp))
            stored = stored - dv
            out = out + dv
            clock = clock + h
        masses.append(out * 1.25)  # g at 1.25 g/cm3
    y = torch.stack(masses, 1) * torch.exp(0.01 * torch.randn(n, CP_CLICKS, generator=gen))
    static = torch.cat([torch.stack([(butter - 0.325) / 0.043, (t0 - 16) / 4.6, (air - 0.04) / 0.023,
                                     (a_open - 50) / 17.3, (thick - 2) / 0.58, ratchet - 6], 1),
                        F.one_hot(flour, CP_FLOURS).float()], 1)
    dyn = torch.stack([(hold - 3.25) / 1.6, (squeeze - 0.8) / 0.115], 2)
    x = torch.cat([static.unsqueeze(1).expand(n, CP_CLICKS, static.shape[1]), dyn], 2)
    return x.contiguous(), y


class PressLSTM(nn.Module):
    """A one-layer LSTM over the clicks, a linear read-out of each click's cookie mass."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.lstm = nn.LSTM(11, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.out(h).squeeze(2)


def press_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised cookie masses."""
    return _mse(model, batch)


def cookie_press(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The press LSTM on ``train_size`` runs of 8 clicks, masses standardised over them; held out: 2048 other runs in
    batches of 1024; Adagrad with initial_accumulator_value 0.1 (the value Keras / TensorFlow users carry over)."""
    gen = torch.Generator().manual_seed(147104)
    x, y = _cp_batches(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PressLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": press_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. butter curler curl formation (Adagrad, residual MLP with LayerNorm; long only)

BC_KINDS = 4  # unsalted, salted, cultured (high-fat), spreadable
BC_CLASSES = 4  # flakes, broken curl, full curl, smear


def _bc_passes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Passes of a butter curler over a block: the butter (unsalted, salted, cultured 84% fat, spreadable with oil:
    the solid-fat curve's midpoint 18, 17.5, 20, 9 C and its top 55, 53, 60, 35%), the fridge 2-8 C, 0-60 minutes
    out in a room of 18-28 C, a block of 125-500 g (the surface warming with time constant 15 min x (mass / 250)^(1/3),
    Newton), the curler dipped in hot water or not (+4 C at the contact, and a melted film that keeps cold butter from
    cracking), the pass's depth 0.5-3 mm, rake angle 10-40 degrees, speed 2-20 cm/s and length 3-10 cm. Solid fat
    SFC = top / (1 + exp((T - mid) / 3)); yield stress 0.3 kPa exp(0.09 SFC); fracture strain 0.02 + 0.25 sigmoid((T
    - 12) / 2) (+0.03 dipped), lower at speed (x (v / 5)^-0.15). The ribbon of thickness h curls to R = h (1.5 + 3
    rake); its outer-fibre strain 1 / (2 (1.5 + 3 rake)) against the fracture strain: flakes. A ribbon too soft to
    hold its shape (yield stress under an adhesion stress rising with depth): smear. A curl of more turns than the
    strain margin allows (turns = length / 2 pi R): broken. Else a full curl. Each margin with scatter (0.02 on its
    log). Returns (features (n, 13), classes)."""
    kind = torch.randint(0, BC_KINDS, (n,), generator=gen)
    mid = torch.tensor([18.0, 17.5, 20.0, 9.0])[kind]
    top = torch.tensor([55.0, 53.0, 60.0, 35.0])[kind]
    fridge = 2 + 6 * torch.rand(n, generator=gen)
    minutes = 60 * torch.rand(n, generator=gen)
    room = 18 + 10 * torch.rand(n, generator=gen)
    block = 125 + 375 * torch.rand(n, generator=gen)
    dipped = (torch.rand(n, generator=gen) < 0.4).float()
    depth = 0.5 + 2.5 * torch.rand(n, generator=gen)
    rake = math.radians(10) + math.radians(30) * torch.rand(n, generator=gen)
    speed = 2 + 18 * torch.rand(n, generator=gen)
    length = 3 + 7 * torch.rand(n, generator=gen)
    tau = 15 * (block / 250) ** (1 / 3)
    temp = room - (room - fridge) * torch.exp(-minutes / tau) + 4 * dipped
    sfc = top / (1 + torch.exp((temp - mid) / 3))
    yield_kpa = 0.3 * torch.exp(0.09 * sfc)
    eps_f = (0.02 + 0.25 * torch.sigmoid((temp - 12) / 2) + 0.03 * dipped) * (speed / 5) ** -0.15
    eps = 1 / (2 * (1.5 + 3 * rake))
    radius = depth * (1.5 + 3 * rake)
    turns = length * 10 / (2 * math.pi * radius)
    adhesion = 0.5 * (depth / 1.5) ** 0.5 * (1 - 0.3 * dipped)
    noise = [0.02 * torch.randn(n, generator=gen) for _ in range(3)]
    flakes = torch.log(eps_f / eps) + noise[0] < 0
    smear = torch.log(yield_kpa / adhesion) + noise[1] < 0
    broken = torch.log(eps_f / eps / (1 + 0.08 * turns)) + noise[2] < 0.15
    y = torch.full((n,), 2, dtype=torch.long)
    y[broken] = 1
    y[smear] = 3
    y[flakes] = 0
    x = torch.cat([torch.stack([(fridge - 5) / 1.7, (minutes - 30) / 17.3, (room - 23) / 2.9, (block - 312) / 108,
                                2 * dipped - 1, (depth - 1.75) / 0.72, (rake - 0.44) / 0.15, (speed - 11) / 5.2,
                                (length - 6.5) / 2.0], 1), F.one_hot(kind, BC_KINDS).float()], 1)
    return x, y


class CurlResNet(nn.Module):
    """A residual MLP: a linear stem, pre-LayerNorm residual blocks (LN, Linear, GELU, Linear), a final LayerNorm
    and a linear head to the four outcome logits."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(13, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, BC_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for b in self.blocks:
            h = h + b(h)
        return self.head(self.norm(h))


def curl_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the curl outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def butter_curler(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32,
                  blocks: int = 2) -> dict[str, Any]:
    """The curl classifier on ``train_size`` passes; held out: 2048 other passes in batches of 1024; Adagrad (torch's
    defaults, weight decay 1e-4)."""
    gen = torch.Generator().manual_seed(147102)
    x, y = _bc_passes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CurlResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr, weight_decay=1e-4),
                                "adagrad_wd1e-4"),
            "loss_fn": curl_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
L5 = (0.0, 0.05)
EXAM = (
    W("herb_stripper_adagrad", herb_stripper, 300, "herb_stripper_graded_hole_leaf_yield_weibull_embedding_net",
      "adagrad", "finite", 64, dict(train_size=4096), seconds=0.3, start_lr=0.2),
    W("cookie_press_adagrad", cookie_press, 300, "cookie_press_spritz_click_herschel_bulkley_lstm", "adagrad",
      "finite", 64, dict(train_size=2048), seconds=0.4, start_lr=0.8),
    W("cake_stand_adamw", cake_stand, 300, "cake_stand_tier_load_dowel_sink_postln_transformer", "adamw", "finite",
      64, seconds=1.2, start_lr=0.016),
    W("pastry_cutter_nesterov", pastry_cutter, 300, "pastry_cutter_fluted_wheel_edge_seal_burst_cnn2d_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=1.1, start_lr=0.05),
)
LONG = (
    W("letterbox_draught_adagrad@long", letterbox_draught, 3000, "letterbox_flap_brush_draught_crack_flow_greybox",
      "adagrad", "finite", 32, seconds=2.3, start_lr=0.4, grid_fractions=L5),
    W("butter_curler_adagrad@long", butter_curler, 3000, "butter_curler_solid_fat_curl_outcome_resnet_ln",
      "adagrad_wd1e-4", "finite", 32, seconds=3.7, start_lr=0.1, grid_fractions=L5),
    W("herb_stripper_adagrad@long", herb_stripper, 3000, "herb_stripper_graded_hole_leaf_yield_weibull_embedding_net",
      "adagrad", "finite", 32, dict(train_size=8192), seconds=2.2, start_lr=0.4, grid_fractions=L5,
      long_of="herb_stripper_adagrad"),
    W("cookie_press_adagrad@long", cookie_press, 3000, "cookie_press_spritz_click_herschel_bulkley_lstm", "adagrad",
      "finite", 32, seconds=2.9, start_lr=0.8, grid_fractions=L5, long_of="cookie_press_adagrad"),
)

REGISTRY = Registry(EXAM, LONG, "exam147_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-seventh exam's workloads")
