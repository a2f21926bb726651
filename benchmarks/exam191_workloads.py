"""The hundred-and-ninety-first exam: six more workload families that neither the suite nor exams 1-190 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam190_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from yurts and felt insulation, treehouses and branch load, penny-farthings and
header falls, segways and balance control, hand trucks and stair-climbing effort, and moats and bank slumping (exam
192 was built at the same time from other domains; its module was not opened). What was checked to make them new,
and what was tried and dropped, is in ``benchmarks/results/exam191/README.md``. Models, laws and optimiser settings
are written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- treehouse branch load: a small Pre-LN transformer over the four branches that carry a platform (one token per
  branch: its diameter, the lever arm to the bracket, its angle, its species as an embedding, and the deck load) to
  each branch's log bending utilisation (stress over the species' modulus of rupture); the load shared by the
  branches' stiffness (E d^4 / L^3), the moment P L cos(angle), the stress 32 M / (pi d^3), a knot-and-decay
  weakening; MSE of the standardised log utilisations; NAdam (torch's defaults)
- segway balance control: a GRU over 1.2 s of the rider's lean command and the ground slope (24 steps of 50 ms) to
  the pitch angle and the motor current; a wheeled inverted pendulum under a PD-plus-speed balance controller with
  a torque limit; MSE of the standardised pitch and current; RAdam (torch's defaults)
- penny-farthing header falls: a residual MLP with Pre-LN blocks from a ride over an obstacle (speed, wheel, the
  rider's setback, legs over the bars, the spoon brake, the bump, the road) to two safety margins: the header margin
  (the deceleration, the brake's and the bump's, against g times the rider's centre-of-mass setback behind the hub
  over its height) and the stall margin (the lift the wheel's kinetic energy allows against the bump); MSE of the
  standardised margins; SGD with heavy-ball momentum 0.9 (short) and Adagrad (long: a smaller net, less scatter)
- moat bank slumping: a 1-D CNN along 64 segments of a moat's bank (slope angle, cohesion, slip depth, root
  reinforcement, drawdown, permeability) to each segment's log factor of safety after a drawdown; the infinite-slope
  law with the pore pressure left after a rapid drawdown, smoothed by arching between neighbours; MSE of the
  standardised log factor; SGD with Nesterov momentum 0.9 (the convolutional-net habit; a short plan only)
- yurt felt insulation (a long plan only): a grey-box heat balance of a yurt (learnable felt conductivity, its
  moisture sensitivity, wind film and infiltration coefficients, times a small MLP correction) from the felt
  layers, thickness, moisture, canvas cover, the yurt's diameter, outdoor temperature and wind to the log stove
  power that holds 18 C inside; MSE of the log power; Adagrad (a grey-box parameter fit; torch's defaults)
- hand-truck stair-climbing effort (a long plan only): an embedding net from the hand truck's kind, the wheels, the
  load, the stair's surface and the operator (embeddings) and the load's mass, the rise, the going and the wheel
  diameter to the log peak handle force and the log work per step; MSE; Adagrad (sparse categorical features;
  torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): all four Adagrad (the
yurt grey box on 2048 nights; the hand-truck embedding net twice, on 4096 climbs with 4% scatter in batches of 32
and on 16384 climbs with 5% scatter in batches of 128; the penny-farthing margin net on the short plan's 8192 rides
with 3% scatter instead of 10%, half as wide, one block, batches of 64).

Of the eight plans, one uses NAdam (treehouse), one RAdam (segway), one SGD with heavy-ball momentum (penny-farthing),
one SGD with Nesterov momentum (moat), four Adagrad (the long plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam191_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam191/README.md).

    python benchmarks/exam191_workloads.py          # the table
    python benchmarks/exam191_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 191"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool indexed a whole batch at a time: a shuffling DataLoader whose sampler is a ``BatchSampler`` over
    a ``RandomSampler`` (``batch_size=None``), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised with the mean and sd of the first ``n`` rows (the training pool), over all but the
    last dimension."""
    dims = tuple(range(y.dim() - 1))
    mu = y[:n].mean(dims, keepdim=True)
    sd = y[:n].std(dims, keepdim=True)
    return (y - mu) / sd


def _finish(x: torch.Tensor, y: torch.Tensor, n: int, model: nn.Module, opt: Any, loss_fn: Any,
            batch_size: int) -> dict[str, Any]:
    tr = (x[:n], y[:n])
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1024), "optimizer": opt, "loss_fn": loss_fn, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 1. treehouse branch load (NAdam)

TH_BRANCHES = 4
TH_SPECIES = 5  # oak, beech, maple, ash, scots pine


def _th_platforms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Treehouse platforms on four branches. Per branch: diameter at the bracket 10-30 cm, lever arm from the trunk
    0.4-2.5 m, angle above the horizontal -10 to 35 degrees, species (modulus of rupture 95, 105, 90, 100, 80 MPa;
    modulus of elasticity 11, 13, 10, 12, 9 GPa), a knot / decay grade 0-1 (up to 35% strength lost). Deck 150-350
    kg plus 1-6 people of 75 kg, off-centre by up to 30%. The load shared by stiffness k = E d^4 / L^3 (tilted to
    the side the load sits on), the moment P L cos(angle), the stress 32 M / (pi d^3). 4% scatter (lognormal).
    Returns (tokens (n, 4, 6): species index then 5 features, log utilisations (n, 4))."""
    b = TH_BRANCHES
    d = 0.10 + 0.20 * torch.rand(n, b, generator=gen)
    arm = 0.4 + 2.1 * torch.rand(n, b, generator=gen)
    ang = -10 + 45 * torch.rand(n, b, generator=gen)
    sp = torch.randint(0, TH_SPECIES, (n, b), generator=gen)
    knot = torch.rand(n, b, generator=gen)
    mor = torch.tensor([95.0, 105.0, 90.0, 100.0, 80.0])[sp] * (1 - 0.35 * knot**2)
    emod = torch.tensor([11.0, 13.0, 10.0, 12.0, 9.0])[sp]
    people = torch.randint(1, 7, (n, 1), generator=gen).float()
    deck = 150 + 200 * torch.rand(n, 1, generator=gen)
    load = (deck + 75 * people) * 9.81
    side = 0.3 * (2 * torch.rand(n, 1, generator=gen) - 1)
    pos = torch.tensor([-1.0, -0.33, 0.33, 1.0]).view(1, b)
    k = emod * d**4 / arm**3
    share = k * (1 + side * pos)
    share = share / share.sum(1, keepdim=True)
    m = load * share * arm * torch.cos(torch.deg2rad(ang))
    stress = 32 * m / (math.pi * d**3) / 1e6
    util = stress / mor * torch.exp(0.04 * torch.randn(n, b, generator=gen))
    feats = torch.stack([(d - 0.2) / 0.058, (arm - 1.45) / 0.6, (ang - 12.5) / 13, (knot - 0.5) / 0.29,
                         ((load / 9.81 - 512) / 150).expand(n, b)], 2)
    tokens = torch.cat([sp.float().unsqueeze(2), feats], 2)
    return tokens, torch.log(util)


class BranchTransformer(nn.Module):
    """A Pre-LN transformer encoder over the branches (a species embedding plus a linear feature embedding per token,
    a position embedding for the branch's place under the deck), one output per branch."""

    def __init__(self, dim: int = 32, layers: int = 2, heads: int = 4) -> None:
        super().__init__()
        self.species = nn.Embedding(TH_SPECIES, dim)
        self.feat = nn.Linear(5, dim)
        self.pos = nn.Parameter(torch.zeros(1, TH_BRANCHES, dim))
        layer = nn.TransformerEncoderLayer(dim, heads, 2 * dim, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, 1)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        h = self.species(tokens[..., 0].long()) + self.feat(tokens[..., 1:]) + self.pos
        return self.head(self.norm(self.encoder(h))).squeeze(-1)


def treehouse_branch_load(batch_size: int = 32, seed: int = 0, train_size: int = 1024) -> dict[str, Any]:
    """The branch transformer on 1024 platforms, targets standardised over them; held out: 2048 other platforms;
    NAdam."""
    gen = torch.Generator().manual_seed(191101)
    x, y = _th_platforms(train_size + 2048, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _finish(x, y, train_size, BranchTransformer(),
                   _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), _mse, batch_size)


# --------------------------------------------------------------------------------------------------------------
# 2. segway balance control (RAdam)

SG_STEPS = 24


def _sg_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A self-balancing two-wheeler: rider 50-110 kg with the centre of mass 0.8-1.1 m over the axle; the rider's
    lean command (a smoothed random walk, +-8 degrees) and the ground slope (+-6 degrees, piecewise) over 24 steps
    of 50 ms (5 substeps each). A wheeled inverted pendulum: theta'' = (g / l) sin(theta) - u / (m l^2) - c theta',
    the controller u = Kp (theta - theta_ref) + Kd theta' + Kv (v - v_ref) (v_ref from the lean) limited to +-u_max
    (the motors' torque, 60 N m), the wheel speed driven by the torque against the slope and rolling resistance.
    Outputs per step: the pitch (degrees) and the motor current (A, proportional to the torque). Scatter of 10%
    of each output's mean size.
    Returns (inputs (n, 24, 4): lean, slope, mass, height; outputs (n, 24, 2))."""
    mass = 50 + 60 * torch.rand(n, generator=gen)
    l = 0.8 + 0.3 * torch.rand(n, generator=gen)
    steps = torch.randn(n, SG_STEPS, generator=gen) * 2.5
    lean = torch.cumsum(steps, 1)
    lean = (lean - lean.mean(1, keepdim=True)).clamp(-8, 8)
    jump = (torch.rand(n, SG_STEPS, generator=gen) < 0.1).float() * torch.randn(n, SG_STEPS, generator=gen) * 4
    slope = torch.cumsum(jump, 1).clamp(-6, 6)
    g, dt, umax = 9.81, 0.05 / 5, 60.0
    th = torch.zeros(n)
    om = torch.zeros(n)
    v = torch.zeros(n)
    kp, kd, kv = 900.0, 120.0, 40.0
    pitch, current = [], []
    for t in range(SG_STEPS):
        th_ref = torch.deg2rad(lean[:, t])
        sl = torch.deg2rad(slope[:, t])
        for _ in range(5):
            u = (kp * (th - th_ref - 0.5 * sl) + kd * om + kv * (v - 3 * th_ref) / 10 * l).clamp(-umax, umax)
            acc = (g / l) * torch.sin(th) - u / (mass * l**2) * 9 - 0.8 * om
            om = om + dt * acc
            th = th + dt * om
            v = v + dt * (u / (mass * 0.2) - g * torch.sin(sl) - 0.05 * v)
        pitch.append(torch.rad2deg(th))
        current.append(u * 0.8)
    y = torch.stack([torch.stack(pitch, 1), torch.stack(current, 1)], 2)
    y = y + 0.1 * y.abs().mean((0, 1), keepdim=True) * torch.randn(y.shape, generator=gen)
    x = torch.stack([lean / 4, slope / 3, ((mass - 80) / 17).view(-1, 1).expand(n, SG_STEPS),
                     ((l - 0.95) / 0.087).view(-1, 1).expand(n, SG_STEPS)], 2)
    return x, y


class BalanceGRU(nn.Module):
    """A one-layer GRU over the ride, a linear read-out of pitch and current at every step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(4, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0])


def segway_balance(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The balance GRU on 2048 rides, targets standardised over them; held out: 2048 other rides; RAdam."""
    gen = torch.Generator().manual_seed(191102)
    x, y = _sg_rides(train_size + 2048, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _finish(x, y, train_size, BalanceGRU(hidden),
                   _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"), _mse, batch_size)


# --------------------------------------------------------------------------------------------------------------
# 3. penny-farthing header falls (SGD heavy-ball momentum short, Adagrad long)

PF_OUT = 2  # the header margin, the stall margin


def _pf_rides(n: int, gen: torch.Generator, scatter: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """A high-wheeler meets an obstacle: speed 1.5-6 m/s, front wheel 1.2-1.55 m, the rider's centre of mass
    0.10-0.45 m behind the hub at a height of the wheel plus 0.45 m, legs over the bars or not (over: the rider
    clears the bars, the critical setback doubles), the spoon brake's deceleration 0-1.5 m/s^2, an obstacle 0-12 cm
    (stone or rut), the road (macadam, gravel, cobbles, dirt: rolling resistance 0.01, 0.03, 0.02, 0.04 and grip).
    Climbing a bump of height s at the contact angle a (cos a = 1 - s / R) the wheel decelerates by about
    v^2 (1 - cos a) / 4 over the reach sqrt(s (2R - s)); a stall when 15% of v^2 / 2 g (the rest lost in the
    impact) falls short of s plus the rolling losses; a header when the peak deceleration passes g x / h (tipping
    over the hub). The two margins, log(deceleration / (g x / h)) (a header above 0) and log(lift / s) (a stall
    below 0), each with 10% scatter (3% in the long plan's data). Returns (features (n, 11), margins (n, 2))."""
    v = 1.5 + 4.5 * torch.rand(n, generator=gen)
    dia = 1.2 + 0.35 * torch.rand(n, generator=gen)
    setback = 0.10 + 0.35 * torch.rand(n, generator=gen)
    legs = (torch.rand(n, generator=gen) < 0.25).float()
    brake = 1.5 * torch.rand(n, generator=gen) ** 2
    bump = 0.12 * torch.rand(n, generator=gen) ** 1.3
    road = torch.randint(0, 4, (n,), generator=gen)
    crr = torch.tensor([0.01, 0.03, 0.02, 0.04])[road]
    r = dia / 2
    h = dia + 0.45
    g = 9.81
    cos_a = (1 - bump / r).clamp(-1, 1)
    reach = torch.sqrt(bump * (2 * r - bump))
    decel = brake + 0.25 * v**2 * (1 - cos_a) / (reach + 0.05) + crr * g
    crit = g * setback * (1 + legs) / h
    header = torch.log(decel / crit)
    stall = torch.log(0.15 * v**2 / (2 * g) / (bump + 0.5 * crr + 0.005))
    y = torch.stack([header, stall], 1) + scatter * torch.randn(n, 2, generator=gen)
    x = torch.cat([torch.stack([(v - 3.75) / 1.3, (dia - 1.375) / 0.1, (setback - 0.275) / 0.1, 2 * legs - 1,
                                (brake - 1.2) / 0.9, (bump - 0.05) / 0.035], 1), F.one_hot(road, 4).float(),
                   torch.ones(n, 1)], 1)
    return x, y


class ResBlock(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, width)
        self.fc2 = nn.Linear(width, width)

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        return h + self.fc2(F.relu(self.fc1(self.norm(h))))


class HeaderNet(nn.Module):
    """A residual MLP with Pre-LN blocks from the ride to the header and stall margins."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(11, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, PF_OUT)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.norm(self.blocks(self.inp(x))))


def penny_farthing_header(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 64,
                          blocks: int = 2, adagrad: bool = False, scatter: float = 0.1) -> dict[str, Any]:
    """The margin net on 4096 rides, margins standardised over them; held out: 2048 other rides; SGD with momentum
    0.9 (or Adagrad with torch's defaults for the long plan)."""
    gen = torch.Generator().manual_seed(191103)
    x, y = _pf_rides(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    if adagrad:
        opt = _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
    else:
        opt = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9")
    return _finish(x, y, train_size, HeaderNet(width, blocks), opt, _mse, batch_size)


# --------------------------------------------------------------------------------------------------------------
# 4. moat bank slumping (SGD with Nesterov momentum)

MB_SEG = 64


def _smooth(z: torch.Tensor, width: int) -> torch.Tensor:
    """A moving average along the last dimension (circular: the moat closes on itself)."""
    k = torch.ones(1, 1, 2 * width + 1) / (2 * width + 1)
    return F.conv1d(F.pad(z.unsqueeze(1), (width, width), mode="circular"), k).squeeze(1)


def _mb_banks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Banks of a moat, 64 segments round it: slope 20-45 degrees, effective cohesion 2-12 kPa and friction angle
    24-34 degrees (random fields smoothed over 3-4 segments), slip depth 0.6-2.5 m, root cohesion 0-6 kPa where
    the bank is planted, the drawdown (0-1 of the slip depth, one per moat) and the clay's permeability (log).
    Infinite slope: FS = (c' + c_r + (gamma z cos^2 b - u) tan phi') / (gamma z sin b cos b), with the pore pressure
    left after the drawdown u = gamma_w z cos^2 b (0.2 + 0.8 D r), r the share not drained in time (falling with
    permeability). Neighbours hold a segment up by arching: the log FS smoothed over +-2 segments. 3% scatter.
    Returns (profiles (n, 6, 64), log FS (n, 1, 64))."""
    def field(lo: float, hi: float, w: int) -> torch.Tensor:
        z = _smooth(torch.randn(n, MB_SEG, generator=gen), w)
        z = (z - z.mean(1, keepdim=True)) / (z.std(1, keepdim=True) + 1e-6)
        return lo + (hi - lo) * torch.sigmoid(1.5 * z + 0.5 * torch.randn(n, 1, generator=gen))

    beta = field(20, 45, 4)
    coh = field(2, 12, 3)
    phi = field(24, 34, 4)
    depth = field(0.6, 2.5, 3)
    roots = 6 * (field(0, 1, 2) > 0.5).float() * torch.rand(n, 1, generator=gen)
    draw = torch.rand(n, 1, generator=gen).expand(n, MB_SEG)
    logk = (-2 + 2 * torch.rand(n, 1, generator=gen)).expand(n, MB_SEG)
    undrained = 1 / (1 + 10 ** (logk + 1))
    gam, gw = 19.0, 9.81
    b = torch.deg2rad(beta)
    u = gw * depth * torch.cos(b) ** 2 * (0.2 + 0.8 * draw * undrained)
    resist = coh + roots + (gam * depth * torch.cos(b) ** 2 - u).clamp_min(0) * torch.tan(torch.deg2rad(phi))
    fs = resist / (gam * depth * torch.sin(b) * torch.cos(b))
    y = _smooth(torch.log(fs), 2) + 0.03 * torch.randn(n, MB_SEG, generator=gen)
    x = torch.stack([(beta - 32.5) / 7, (coh - 7) / 2.8, (phi - 29) / 2.8, (depth - 1.55) / 0.5, roots / 3 - 0.5,
                     (draw - 0.5) / 0.29], 1)
    x = torch.cat([x, (logk + 1).unsqueeze(1)], 1)
    return x, y.unsqueeze(1)


class BankCNN(nn.Module):
    """A 1-D CNN round the moat (circular padding): two GELU conv layers of width 5 (the second dilated) and a
    1x1 read-out of each segment's log factor of safety."""

    def __init__(self, ch: int = 24) -> None:
        super().__init__()
        self.c1 = nn.Conv1d(7, ch, 5, padding=2, padding_mode="circular")
        self.c2 = nn.Conv1d(ch, ch, 5, padding=4, dilation=2, padding_mode="circular")
        self.c3 = nn.Conv1d(ch, ch, 1)
        self.out = nn.Conv1d(ch, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.gelu(self.c1(x))
        h = F.gelu(self.c2(h))
        h = F.gelu(self.c3(h))
        return self.out(h)


def moat_bank_slump(batch_size: int = 32, seed: int = 0, train_size: int = 1024, ch: int = 24) -> dict[str, Any]:
    """The bank CNN on 1024 moats, targets standardised over them; held out: 2048 other moats; SGD with Nesterov
    momentum 0.9."""
    gen = torch.Generator().manual_seed(191104)
    x, y = _mb_banks(train_size + 2048, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    opt = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True), "sgd_nesterov0.9")
    return _finish(x, y, train_size, BankCNN(ch), opt, _mse, batch_size)


# --------------------------------------------------------------------------------------------------------------
# 5. yurt felt insulation (Adagrad; long only)


def _yt_nights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Steady winter nights in a yurt held at 18 C: diameter 4-8 m (wall 1.5 m, roof cone at 30 degrees), 1-4 felt
    layers of 1-2.5 cm, the felt's moisture 0-30% (wet wool felt conducts more: k = 0.04 (1 + 2.5 m + 8 m^2)), a
    canvas cover or not (cuts the wind's infiltration by 60%), outdoor -40 to 5 C, wind 0-15 m/s. Conduction
    through the felt (its resistance cut by wind washing through loose felt, less under a cover and with more
    layers) in series with the inside film (8 W/m2K) and the wind-dependent outside film (5.7 + 3.8 v), a thermal
    bridge of the lattice wall and roof poles (0.4 W/m2K over the layers), infiltration ACH = 0.4 + 0.12 v (the
    stack effect raising the wind's share on cold nights; less with the cover), the crown ring and door losing a
    fixed 25 W/K. 2% scatter. The grey box below knows the series-resistance and infiltration form, not the
    washing, the bridge, the squared moisture term or the stack effect.
    Returns (features (n, 7), log stove power in kW (n, 1))."""
    dia = 4 + 4 * torch.rand(n, generator=gen)
    layers = torch.randint(1, 5, (n,), generator=gen).float()
    thick = 0.01 + 0.015 * torch.rand(n, generator=gen)
    moist = 0.3 * torch.rand(n, generator=gen) ** 1.5
    cover = (torch.rand(n, generator=gen) < 0.6).float()
    t_out = -40 + 45 * torch.rand(n, generator=gen)
    wind = 15 * torch.rand(n, generator=gen) ** 1.3
    r = dia / 2
    area = math.pi * dia * 1.5 + math.pi * r * r / math.cos(math.radians(30))
    vol = math.pi * r * r * 1.5 + math.pi * r * r * (r * math.tan(math.radians(30))) / 3
    k = 0.04 * (1 + 2.5 * moist + 8 * moist**2)
    wash = 1 - 0.35 * (1 - 0.7 * cover) * torch.tanh(wind / 6) / layers**0.5
    u = 1 / (1 / 8 + layers * thick / k * wash + 1 / (5.7 + 3.8 * wind)) + 0.4 / layers
    ach = (0.4 + 0.12 * wind * (1 + 0.01 * (18 - t_out))) * (1 - 0.6 * cover)
    dt = 18 - t_out
    q = (u * area + 1.2 * 1005 * vol * ach / 3600 + 25) * dt / 1000
    y = torch.log(q) + 0.02 * torch.randn(n, generator=gen)
    x = torch.stack([dia, layers, thick * 100, moist, cover, t_out, wind], 1)
    return x, y.unsqueeze(1)


class YurtGreyBox(nn.Module):
    """The heat balance with learnable physics (felt conductivity and its moisture factor, the films, the
    infiltration's still-air and wind terms, the fixed losses) times exp of a small tanh MLP's correction."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.log_k = nn.Parameter(torch.tensor(math.log(0.06)))
        self.moist = nn.Parameter(torch.tensor(1.0))
        self.h_in = nn.Parameter(torch.tensor(math.log(10.0)))
        self.h_wind = nn.Parameter(torch.tensor(math.log(2.0)))
        self.ach0 = nn.Parameter(torch.tensor(math.log(0.6)))
        self.ach_v = nn.Parameter(torch.tensor(math.log(0.05)))
        self.cover = nn.Parameter(torch.tensor(0.0))
        self.fixed = nn.Parameter(torch.tensor(math.log(10.0)))
        self.corr = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        dia, layers, thick, moist, cover, t_out, wind = x.unbind(1)
        r = dia / 2
        area = math.pi * dia * 1.5 + math.pi * r * r / math.cos(math.radians(30))
        vol = math.pi * r * r * 1.5 + math.pi * r * r * (r * math.tan(math.radians(30))) / 3
        k = self.log_k.exp() * (1 + F.softplus(self.moist) * moist)
        u = 1 / (1 / self.h_in.exp() + layers * thick / 100 / k + 1 / (5.7 + self.h_wind.exp() * wind))
        ach = (self.ach0.exp() + self.ach_v.exp() * wind) * (1 - torch.sigmoid(self.cover) * cover)
        ua = u * area + 1.2 * 1005 * vol * ach / 3600 + self.fixed.exp()
        z = torch.stack([(dia - 6) / 1.15, layers - 2.5, thick - 1.75, moist * 10 - 1, cover - 0.5,
                         (t_out + 17.5) / 13, wind / 5 - 1], 1)
        return (torch.log(ua * (18 - t_out) / 1000) + self.corr(z).squeeze(1)).unsqueeze(1)


def yurt_felt_heat(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 16) -> dict[str, Any]:
    """The yurt grey box on 2048 nights; held out: 2048 other nights; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(191105)
    x, y = _yt_nights(train_size + 2048, gen)
    torch.manual_seed(seed)
    return _finish(x, y, train_size, YurtGreyBox(hidden),
                   _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"), _mse, batch_size)


# --------------------------------------------------------------------------------------------------------------
# 6. hand-truck stair-climbing effort (Adagrad; long only)

HT_CATS = (4, 3, 6, 4, 24)  # truck kind, wheels, load, stair surface, operator


def _ht_climbs(n: int, gen: torch.Generator, scatter: float = 0.02) -> tuple[torch.Tensor, torch.Tensor]:
    """Hand-truck climbs up a flight: the truck (plain two-wheel, tri-star wheels, skid-rail stair truck, folding
    two-wheel), wheels (pneumatic, solid rubber, polyurethane), load (boxes, fridge, washing machine, keg, filing
    cabinet, piano stool: the centre-of-gravity height and setback), stair surface (concrete, timber, steel grating,
    carpet: the nosing's give and grip), one of 24 operators (technique: a factor 0.8-1.25), the load 20-200 kg,
    rise 15-22 cm, going 22-32 cm, wheel diameter 18-32 cm. Per step the load is lifted by the rise (work m g rise
    over an efficiency, less for tri-stars and rails which roll over the nosing); the peak handle force from the
    moment about the axle when the wheel is pulled up over the nosing: m g (setback + rise / tan(climb angle)) / L
    with the climb angle from the rise and the wheel radius, a tri-star or rail spreading it over the step.
    Scatter 2% by default (the long plans' data: 4% and 5%). Returns (features (n, 9): 5 category indices then
    4 standardised numbers; log force and log work (n, 2))."""
    cats = [torch.randint(0, c, (n,), generator=gen) for c in HT_CATS]
    kind, wheel, load, surf, op = cats
    mass = 20 + 180 * torch.rand(n, generator=gen)
    rise = 0.15 + 0.07 * torch.rand(n, generator=gen)
    going = 0.22 + 0.10 * torch.rand(n, generator=gen)
    dia = 0.18 + 0.14 * torch.rand(n, generator=gen)
    skill = 0.8 + 0.45 * torch.rand(HT_CATS[4], generator=gen)
    g = 9.81
    cg_set = torch.tensor([0.05, 0.12, 0.15, 0.08, 0.10, 0.04])[load]
    cg_h = torch.tensor([0.5, 0.9, 0.6, 0.4, 0.7, 0.3])[load]
    spread = torch.tensor([1.0, 0.55, 0.7, 1.1])[kind]
    eff = torch.tensor([0.75, 0.85, 0.8, 0.7])[kind] * torch.tensor([0.95, 1.0, 0.9])[wheel]
    give = torch.tensor([1.0, 1.05, 1.15, 0.9])[surf]
    r = dia / 2
    climb = torch.atan(rise / (r + 0.3 * going))
    handle = 1.3
    peak = mass * g * (cg_set + cg_h * 0.3 + rise / torch.tan(climb) * 0.25 * spread) / handle
    peak = peak * give * skill[op] * (1 + 0.3 * (rise / r - 1).clamp_min(0) * spread)
    work = mass * g * rise / eff * (1 + 0.2 * (going - 0.27) / 0.05 * 0.1) * skill[op] ** 0.5
    y = torch.stack([torch.log(peak), torch.log(work)], 1) + scatter * torch.randn(n, 2, generator=gen)
    x = torch.cat([torch.stack(cats, 1).float(), torch.stack([(mass - 110) / 52, (rise - 0.185) / 0.02,
                                                             (going - 0.27) / 0.029, (dia - 0.25) / 0.04], 1)], 1)
    return x, y


class ClimbEmbeddingNet(nn.Module):
    """Embeddings (4 wide) of the five categories concatenated with the numbers, a two-layer ReLU MLP to the log
    peak force and log work."""

    def __init__(self, dim: int = 4, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.ModuleList(nn.Embedding(c, dim) for c in HT_CATS)
        self.mlp = nn.Sequential(nn.Linear(dim * len(HT_CATS) + 4, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        idx = x[:, : len(HT_CATS)].long()
        e = [m(idx[:, i]) for i, m in enumerate(self.emb)]
        return self.mlp(torch.cat(e + [x[:, len(HT_CATS):]], 1))


def hand_truck_stairs(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32,
                      scatter: float = 0.02) -> dict[str, Any]:
    """The climb embedding net on 4096 climbs (or more), targets standardised over them; held out: 2048 other
    climbs; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(191106)
    x, y = _ht_climbs(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _finish(x, y, train_size, ClimbEmbeddingNet(hidden=hidden),
                   _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"), _mse, batch_size)


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("treehouse_branch_load_nadam", treehouse_branch_load, 300, "treehouse_branch_bending_preln_transformer",
      "nadam", "finite", 32, seconds=0.95, start_lr=0.008),
    W("segway_balance_radam", segway_balance, 300, "segway_pd_balance_pitch_current_gru", "radam", "finite", 64,
      seconds=1.3, start_lr=0.512),
    W("penny_farthing_header_momentum", penny_farthing_header, 300, "penny_farthing_header_fall_resmlp_ln",
      "sgd_momentum0.9", "finite", 128, dict(train_size=8192), seconds=0.3, start_lr=0.05),
    W("moat_bank_slump_nesterov", moat_bank_slump, 300, "moat_bank_drawdown_infinite_slope_fs_cnn1d",
      "sgd_nesterov0.9", "finite", 32, seconds=1.0, start_lr=0.1),
)
LONG = (
    W("yurt_felt_heat_adagrad@long", yurt_felt_heat, 3000, "yurt_felt_insulation_stove_power_greybox", "adagrad",
      "finite", 64, seconds=2.9, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("hand_truck_stairs_adagrad@long", hand_truck_stairs, 3000, "hand_truck_stair_climb_effort_embedding_net",
      "adagrad", "finite", 32, dict(scatter=0.04), seconds=2.0, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("penny_farthing_header_adagrad@long", penny_farthing_header, 3000, "penny_farthing_header_fall_resmlp_ln",
      "adagrad", "finite", 64, dict(train_size=8192, width=32, blocks=1, adagrad=True, scatter=0.03), seconds=1.9,
      start_lr=0.256, grid_fractions=(0.0, 0.05), long_of="penny_farthing_header_momentum"),
    W("hand_truck_stairs_adagrad_b128@long", hand_truck_stairs, 3000, "hand_truck_stair_climb_effort_embedding_net",
      "adagrad", "finite", 128, dict(train_size=16384, scatter=0.05), seconds=2.5, start_lr=0.512,
      grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam191_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-ninety-first exam's workloads")
