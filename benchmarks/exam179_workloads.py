"""The hundred-and-seventy-ninth exam: six more workload families that neither the suite nor exams 1-178 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam178_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from saddle bags and load sway, tow bars and trailer snaking, jump leads and
cranking current, spark plugs and electrode gap, seed drills and seed spacing, and tagines and steam condensation
(exam 180 was built at the same time from other domains; its module was not opened). What was checked to make them
new, and what was tried and dropped, is in ``benchmarks/results/exam179/README.md``. Models, laws and optimiser
settings are written from memory (no source was looked up); where a law is named, its form is as remembered, its
constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- pack-mule saddle bags swaying on a trail: a GRU from the saddle's lateral acceleration trace (the gait's
  sway at the stride frequency plus trail jolts) and the load (the two bags' masses, their hang length, the
  cinch's roll stiffness) to the bags' swing angle and the saddle's roll on the animal's back at each step; the data
  from a pendulum (the bags) coupled to a damped torsional spring (the saddle on the back) driven by the gait;
  MSE; NAdam (torch's defaults)
- caravan snaking behind a tow bar: a residual MLP with LayerNorm (pre-norm blocks) from the speed, the car's and
  caravan's masses, the nose weight, the drawbar length, the caravan's yaw radius of gyration, the tyres'
  cornering stiffness, the car's rear overhang and a friction stabiliser to the snaking mode's damping ratio and
  log frequency; an invented closed form with a critical speed (damping crossing zero); MSE; SGD with Nesterov
  momentum 0.9 and weight decay 1e-4 (short and long plans)
- jump-starting a flat car battery: a grey-box circuit model (a small MLP gives the batteries' open-circuit
  voltages and internal resistances and the starter's resistance and back-EMF; the leads' resistance is a learnt
  resistivity times length over cross-section plus learnt clamp contact resistances; the node voltage of two
  sources and a load in parallel by Kirchhoff) to the starter's cranking current, the current in the leads and the
  starter's terminal voltage; MSE of standardised outputs; SGD with heavy-ball momentum 0.9 (the short plan), and
  Adam (torch's defaults) on a fleet's larger log of starts (a long plan)
- spark-plug firing voltage (a long plan only): an embedding net over the plug model and the engine with the set
  gap, the mileage, the load and the speed to the required firing voltage; Paschen's law at the cylinder's gas
  density with the gap grown by electrode erosion (per plug material) and a tip-shape field factor; MSE;
  Adagrad (the embedding tables' usual optimiser; torch's defaults)
- seed-drill singulation (a long plan only): a factorisation machine over the seed lot, the meter disc and the
  row unit (embeddings, pairwise terms) with a dense head over the vacuum, the ground speed, the singulator
  setting and the target spacing to the miss and multiple rates (ISO 7256-1 kind, from memory) and the spacing's
  coefficient of variation; seed holding force against the vacuum, dwell time and bounce in the tube; MSE of the
  rates' half-logits and the scaled CV; Adagrad (torch's defaults)
- tagine steam condensation: a causal 1-D CNN (residual dilated blocks, left-padded) from the burner's power trace
  and the pot (lid material, fill, ambient) over 32 half-minute steps to the stew's temperature and the condensate
  returned by the conical lid at each step; a lumped heat balance, evaporation near the boil and Nusselt film
  condensation on the cone (h ~ dT^-1/4, so condensate ~ dT^3/4) with the lid's own heat balance; MSE of
  standardised outputs; RAdam (torch's defaults; a short plan only)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the spark-plug and
seed-drill nets (no short plans; Adagrad), the caravan net on 8192 rigs instead of 1024 (32 units instead of 48,
a damping-ratio scatter of 0.005 instead of 0.01, from a better-instrumented test track; SGD with Nesterov
momentum, as its short plan) and the jump-start grey box on 8192 starts with Adam (a long-only
plan of that family: its short plan uses SGD with heavy-ball momentum).

Of the eight plans: NAdam (saddle bags), RAdam (tagine), SGD with Nesterov momentum (both caravan plans), SGD with
heavy-ball momentum (the short jump-start plan), Adagrad (spark plug, seed drill) and Adam (the long jump-start
plan).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam179_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam179/README.md).

    python benchmarks/exam179_workloads.py          # the table
    python benchmarks/exam179_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 179"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. pack-mule saddle bags swaying on a trail (GRU, NAdam)

SB_STEPS = 16


def _sb_trips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A pack saddle with two bags (each 10-40 kg; the imbalance left minus right) hung 0.3-0.7 m below the saddle's
    bars, the cinch and pad giving the saddle a roll stiffness on the back (600-2000 N m/rad). The saddle's lateral
    acceleration: the walk's sway at the stride frequency (0.8-1.2 Hz, 0.5-1.5 m/s2) plus trail jolts (random
    impulses). The bags swing as a pendulum from the saddle: phi'' = -(g / L) sin phi - c phi' - (a + h psi'') / L
    cos phi; the saddle rolls: I psi'' = -k psi - c2 psi' + dm g r + M a h + a lever term of the swinging bags'
    weight (an invented, simplified coupling; the pendulum from memory); 10 sub-steps of 0.025 s per 0.25 s
    sample. Sensor noise 35% of each channel's sd. Returns (inputs (n, 16, 5): acceleration and the 4 load
    features; targets (n, 16, 2): swing and roll in degrees / 10)."""
    m_left = 10 + 30 * torch.rand(n, generator=gen)
    m_right = 10 + 30 * torch.rand(n, generator=gen)
    hang = 0.3 + 0.4 * torch.rand(n, generator=gen)
    k_roll = 600 + 1400 * torch.rand(n, generator=gen)
    f_stride = 0.8 + 0.4 * torch.rand(n, generator=gen)
    amp = 0.5 + 1.0 * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    jolts = torch.randn(n, SB_STEPS, generator=gen) * (torch.rand(n, SB_STEPS, generator=gen) < 0.15).float() * 2.0
    t = 0.25 * torch.arange(SB_STEPS).float().view(1, -1)
    acc = amp.view(-1, 1) * torch.sin(2 * math.pi * f_stride.view(-1, 1) * t + phase.view(-1, 1)) + jolts
    mass = m_left + m_right
    dm = m_left - m_right
    inertia = 8.0 + mass * 0.35**2
    g = 9.81
    phi = torch.zeros(n)
    dphi = torch.zeros(n)
    psi = torch.zeros(n)
    dpsi = torch.zeros(n)
    out = []
    dt = 0.025
    for s in range(SB_STEPS):
        a = acc[:, s]
        for _ in range(10):
            ddpsi = (-k_roll * psi - 60 * dpsi + dm * g * 0.25 + mass * a * 0.45
                     + mass * g * hang * torch.sin(phi) * 0.3) / inertia
            ddphi = -(g / hang) * torch.sin(phi) - 1.2 * dphi - (a + 0.45 * ddpsi) / hang * torch.cos(phi)
            dphi = dphi + dt * ddphi
            phi = phi + dt * dphi
            dpsi = dpsi + dt * ddpsi
            psi = psi + dt * dpsi
        out.append(torch.stack([phi, psi], 1))
    y = torch.rad2deg(torch.stack(out, 1)) / 10
    y = y + 0.35 * y.reshape(-1, 2).std(0) * torch.randn(y.shape, generator=gen)  # the IMU's noise
    static = torch.stack([(m_left - 25) / 8.7, (m_right - 25) / 8.7, (hang - 0.5) / 0.115,
                          (k_roll - 1300) / 404], 1)
    x = torch.cat([acc.unsqueeze(2), static.unsqueeze(1).expand(n, SB_STEPS, 4)], 2)
    return x, y


class SwayGRU(nn.Module):
    """A one-layer GRU over the acceleration trace (with the load repeated at each step), a linear readout of the
    swing and roll at each step."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)


def saddlebag_sway(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 24) -> dict[str, Any]:
    """The sway GRU on 1024 trail recordings; held out: 1024 others in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(179101)
    x, y = _sb_trips(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwayGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. caravan snaking behind a tow bar (residual MLP with LayerNorm, SGD with Nesterov momentum)


def _cv_rigs(n: int, gen: torch.Generator, zeta_sd: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """Car and caravan combinations: speed 60-130 km/h, car 1200-2200 kg, caravan 700-1800 kg, nose weight 2-10% of
    the caravan's mass, drawbar (hitch to axle) 3-5.5 m, the caravan's yaw radius of gyration 1.2-2.0 m, the
    caravan tyres' cornering stiffness 30-70 kN/rad per axle, the car's rear overhang 0.8-1.3 m, a friction
    stabiliser (20%). An invented closed form of the linear snaking mode: a critical speed rising with the tyre
    stiffness, the drawbar, the nose weight and the car's mass ratio, falling with the yaw inertia and the overhang;
    the damping ratio zeta = zeta_0 (1 - (v / v_c)^2) plus the stabiliser's; the frequency ~ sqrt(C l / I) / (2 pi
    sqrt(m))-like, nearly independent of speed. ``zeta_sd`` scatter on zeta, 2% on the frequency. Returns (features
    (n, 9), targets (n, 2): 10 zeta, log f)."""
    v = (60 + 70 * torch.rand(n, generator=gen)) / 3.6
    m_car = 1200 + 1000 * torch.rand(n, generator=gen)
    m_cv = 700 + 1100 * torch.rand(n, generator=gen)
    nose = 0.02 + 0.08 * torch.rand(n, generator=gen)
    bar = 3 + 2.5 * torch.rand(n, generator=gen)
    kr = 1.2 + 0.8 * torch.rand(n, generator=gen)
    cs = 30e3 + 40e3 * torch.rand(n, generator=gen)
    over = 0.8 + 0.5 * torch.rand(n, generator=gen)
    stab = (torch.rand(n, generator=gen) < 0.2).float()
    ratio = m_cv / m_car
    v_c = (28 * (cs / 50e3) ** 0.5 * (bar / 4) ** 0.6 * (1 + 4 * (nose - 0.05)) / (kr / 1.6)
           / (0.4 + 0.6 * ratio / 0.9) ** 0.7 / (over / 1.0) ** 0.3)
    zeta = 0.18 * (1 - (v / v_c) ** 2) / (1 + 0.5 * (v / v_c) ** 2) + 0.06 * stab * (1 + ratio) / 2
    freq = 0.16 * torch.sqrt(cs * bar / (m_cv * kr**2)) / (1 + 0.3 * ratio) * (1 + 0.05 * v / 30)
    y = torch.stack([10 * (zeta + zeta_sd * torch.randn(n, generator=gen)),
                     torch.log(freq) + 0.02 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([(v * 3.6 - 95) / 20, (m_car - 1700) / 289, (m_cv - 1250) / 318, (nose - 0.06) / 0.023,
                     (bar - 4.25) / 0.72, (kr - 1.6) / 0.23, (cs - 50e3) / 11.5e3, (over - 1.05) / 0.144,
                     2 * stab - 1], 1)
    return x, y


class Block(nn.Module):
    """A pre-norm residual block: x + W2 relu(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.relu(self.fc1(self.norm(x))))


class SnakingNet(nn.Module):
    """A residual MLP (pre-norm blocks, a final LayerNorm) from the rig to the snaking mode's damping and frequency."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(9, width)
        self.blocks = nn.Sequential(*[Block(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.norm(self.blocks(self.inp(x))))


def caravan_snaking(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 48,
                    blocks: int = 2, zeta_sd: float = 0.01) -> dict[str, Any]:
    """The snaking net on 1024 rigs; held out: 2048 others in batches of 1024; SGD, Nesterov momentum 0.9, weight
    decay 1e-4."""
    gen = torch.Generator().manual_seed(179102)
    x, y = _cv_rigs(train_size + 2048, gen, zeta_sd)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SnakingNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. jump-starting a flat battery (grey-box circuit, SGD with heavy-ball momentum)


def _jl_starts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Jump starts: the donor battery's state of charge 0.6-1.0 and cold-cranking rating 300-900 A, the flat one's
    charge 0-0.5 and rating 300-900 A, the temperature -20-25 C, the leads' length 2.5-6 m (both ways) and copper
    cross-section 10-50 mm2, the clamps' bite 0-1, the engine's displacement 1-3 L and diesel or petrol. Open-circuit
    voltage 11.8 + 0.9 SOC; internal resistance 5.5 / CCA ohm rising in the cold and at low charge; leads rho L / A
    (rho 1.7e-8 ohm m at 20 C, +0.4% per C) plus two contact resistances 0.5-5 mOhm falling with the bite; the
    starter 8-14 mOhm with a back-EMF from the cranking speed, slower for big, cold or diesel engines. The node
    voltage of the two sources and the starter in parallel (Kirchhoff). 2% scatter. Returns (features (n, 13):
    the 10 standardised, then the leads' length (m), cross-section (cm2) and the bite as they are; targets (n, 3):
    starter current / 100 A, lead current / 100 A, starter voltage)."""
    soc_d = 0.6 + 0.4 * torch.rand(n, generator=gen)
    cca_d = 300 + 600 * torch.rand(n, generator=gen)
    soc_f = 0.5 * torch.rand(n, generator=gen)
    cca_f = 300 + 600 * torch.rand(n, generator=gen)
    temp = -20 + 45 * torch.rand(n, generator=gen)
    length = 2.5 + 3.5 * torch.rand(n, generator=gen)
    area = 10 + 40 * torch.rand(n, generator=gen)
    bite = torch.rand(n, generator=gen)
    disp = 1 + 2 * torch.rand(n, generator=gen)
    diesel = (torch.rand(n, generator=gen) < 0.4).float()
    cold = torch.exp(-0.025 * temp)
    e_d, e_f = 11.8 + 0.9 * soc_d, 11.8 + 0.9 * soc_f
    r_d = 5.5 / cca_d * cold * (1 + 0.5 * (1 - soc_d))
    r_f = 5.5 / cca_f * cold * (1 + 1.5 * (1 - soc_f))
    r_l = 1.7e-8 * (1 + 0.004 * (temp - 20)) * 2 * length / (area * 1e-6) + 2 * (0.5e-3 + 4.5e-3 * (1 - bite) ** 2)
    r_m = (8e-3 + 6e-3 * (disp - 1) / 2) * (1 + 0.004 * (temp - 20))
    e_b = 4.0 / (1 + 0.35 * (disp - 1) + 0.4 * diesel) / cold**0.5
    g_d, g_f, g_m = 1 / (r_d + r_l), 1 / r_f, 1 / r_m
    vnode = (e_d * g_d + e_f * g_f + e_b * g_m) / (g_d + g_f + g_m)
    i_m = (vnode - e_b) * g_m
    i_l = (e_d - vnode) * g_d
    y = torch.stack([i_m / 100, i_l / 100, vnode], 1) * torch.exp(0.02 * torch.randn(n, 3, generator=gen))
    x = torch.stack([(soc_d - 0.8) / 0.115, (cca_d - 600) / 173, (soc_f - 0.25) / 0.144, (cca_f - 600) / 173,
                     (temp - 2.5) / 13, (length - 4.25) / 1.0, (area - 30) / 11.5, (bite - 0.5) / 0.29,
                     (disp - 2) / 0.58, 2 * diesel - 1, length, area / 100, bite], 1)
    return x, y


class JumpStartGreyBox(nn.Module):
    """Kirchhoff's node voltage of two batteries and a starter in parallel, with the leads between the donor and the
    node. A small MLP gives the five lumped quantities (the two open-circuit voltages, the two internal resistances,
    the starter's resistance and back-EMF) from the features; the leads are a learnt resistivity times length over
    cross-section plus a learnt contact resistance falling with the clamps' bite. Outputs are scaled by the
    targets' training mean and sd (so the loss is the standardised MSE)."""

    def __init__(self, mean: torch.Tensor, sd: torch.Tensor, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, 6))
        nn.init.zeros_(self.net[2].weight)  # start from the nominal circuit (the grey-box user's prior)
        nn.init.zeros_(self.net[2].bias)
        self.log_rho = nn.Parameter(torch.tensor(math.log(2.0)))  # 1e-8 ohm m
        self.log_contact = nn.Parameter(torch.tensor([math.log(2.0), math.log(4.0)]))  # mOhm: base, bad bite
        self.register_buffer("mean", mean)
        self.register_buffer("sd", sd)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x[:, :10])
        e_d = 12.0 + 0.5 * torch.tanh(p[:, 0])
        e_f = 12.0 + 0.5 * torch.tanh(p[:, 1])
        r_d = 1e-2 * F.softplus(p[:, 2] - 1)
        r_f = 1e-2 * F.softplus(p[:, 3] - 1)
        r_m = 1e-2 * F.softplus(p[:, 4] + 0.5)
        e_b = 4.0 * F.softplus(p[:, 5] + 0.5)
        c = self.log_contact.exp() * 1e-3
        r_l = self.log_rho.exp() * 1e-8 * 2 * x[:, 10] / (x[:, 11] * 1e-4) + 2 * (c[0] + c[1] * (1 - x[:, 12]) ** 2)
        g_d, g_f, g_m = 1 / (r_d + r_l), 1 / r_f, 1 / r_m
        v = (e_d * g_d + e_f * g_f + e_b * g_m) / (g_d + g_f + g_m)
        y = torch.stack([(v - e_b) * g_m / 100, (e_d - v) * g_d / 100, v], 1)
        return (y - self.mean) / self.sd


def _jump_lead(batch_size: int, seed: int, train_size: int, hidden: int) -> dict[str, Any]:
    """The grey-box jump-start model's pieces on ``train_size`` starts (standardised outputs); held out: 2048 others
    in batches of 1024."""
    gen = torch.Generator().manual_seed(179103)
    x, y = _jl_starts(train_size + 2048, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": JumpStartGreyBox(mean, sd, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024), "loss_fn": _mse, "train_pool": tr}


def jump_lead_cranking(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The grey-box jump-start model on 1024 starts; SGD with momentum 0.9 (heavy ball), as a circuit modeller
    fitting a handful of physical parameters often does."""
    parts = _jump_lead(batch_size, seed, train_size, hidden)
    parts["optimizer"] = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9")
    return parts


def jump_lead_cranking_adam(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                            hidden: int = 32) -> dict[str, Any]:
    """The same grey-box model fitted on a fleet's 8192 logged starts with Adam (torch's defaults), as a
    battery-analytics team would (a long plan only)."""
    parts = _jump_lead(batch_size, seed, train_size, hidden)
    parts["optimizer"] = _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam")
    return parts


# --------------------------------------------------------------------------------------------------------------
# 4. spark-plug firing voltage (embedding net, Adagrad; long only)

SP_PLUGS, SP_ENGINES = 96, 64


def _sp_firings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Ignition-analyser readings: a plug model (96: copper, platinum or iridium centre electrode with its erosion
    rate, a tip diameter 0.4-2.5 mm whose field concentration lowers the voltage) in an engine (64: compression ratio
    9-13, boost 0-1 bar, a charge temperature), the gap as set 0.6-1.3 mm, the mileage 0-100,000 km, the load 0.2-1
    and the speed 1000-6000 rpm. Paschen's law (from memory) V = B pd / (ln(A pd) - ln(ln(1 + 1 / gamma))) at the gas
    density at the spark (pressure over temperature), the gap grown by erosion, a tip factor, a little higher at
    high speed (less ionised residue); 8% scatter (the cycle-to-cycle variation of breakdown). Returns (plug ids,
    engine ids, continuous (n, 4), target kV)."""
    pg = torch.Generator().manual_seed(1791040)
    material = torch.randint(0, 3, (SP_PLUGS,), generator=pg)
    erosion = torch.tensor([0.08, 0.03, 0.012])[material] * (0.7 + 0.6 * torch.rand(SP_PLUGS, generator=pg))
    tip = torch.tensor([2.5, 1.1, 0.6])[material] * (0.7 + 0.6 * torch.rand(SP_PLUGS, generator=pg))
    cr = 9 + 4 * torch.rand(SP_ENGINES, generator=pg)
    boost = torch.rand(SP_ENGINES, generator=pg) * (torch.rand(SP_ENGINES, generator=pg) < 0.5).float()
    t_charge = 600 + 150 * torch.rand(SP_ENGINES, generator=pg)
    plug = torch.randint(0, SP_PLUGS, (n,), generator=gen)
    eng = torch.randint(0, SP_ENGINES, (n,), generator=gen)
    gap = 0.6 + 0.7 * torch.rand(n, generator=gen)
    km = 100 * torch.rand(n, generator=gen)  # thousand km
    load = 0.2 + 0.8 * torch.rand(n, generator=gen)
    rpm = 1000 + 5000 * torch.rand(n, generator=gen)
    p = (load * (1 + boost[eng])) * cr[eng] ** 1.3 * 0.6  # bar at the spark, roughly
    dens = p / (t_charge[eng] / 300)  # bar at 300 K equivalent
    d = (gap + erosion[plug] * km / 10) * 0.1  # cm
    pd = dens * 750 * d  # torr cm
    a, b, lnln = 15.0, 365.0, math.log(math.log(1 + 1 / 0.01))
    v = b * pd / (torch.log(a * pd) - lnln) / 1000  # kV
    v = v * (1 - 0.12 * torch.exp(-tip[plug])) * (1 + 0.03 * (rpm - 3500) / 2500)
    v = v * torch.exp(0.08 * torch.randn(n, generator=gen))  # the spark's cycle-to-cycle variation
    cont = torch.stack([(gap - 0.95) / 0.2, (km - 50) / 29, (load - 0.6) / 0.23, (rpm - 3500) / 1443], 1)
    return plug, eng, cont, v


class PlugNet(nn.Module):
    """Embeddings of the plug model and the engine with the continuous readings, through a ReLU MLP, to the
    standardised firing voltage."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.plug = nn.Embedding(SP_PLUGS, dim)
        self.engine = nn.Embedding(SP_ENGINES, dim)
        self.mlp = nn.Sequential(nn.Linear(2 * dim + 4, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, plug: torch.Tensor, eng: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.plug(plug), self.engine(eng), cont], 1)).squeeze(1)


def plug_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised firing voltage."""
    plug, eng, cont, v = batch
    return F.mse_loss(model(plug, eng, cont), v)


def spark_plug_voltage(batch_size: int = 64, seed: int = 0, train_size: int = 8192, dim: int = 8,
                       hidden: int = 32) -> dict[str, Any]:
    """The plug net on 8192 readings (voltage standardised over them); held out: 2048 others in batches of 1024;
    Adagrad."""
    gen = torch.Generator().manual_seed(179104)
    plug, eng, cont, v = _sp_firings(train_size + 2048, gen)
    v = (v - v[:train_size].mean()) / v[:train_size].std()
    tr = (plug[:train_size], eng[:train_size], cont[:train_size], v[:train_size])
    ev = (plug[train_size:], eng[train_size:], cont[train_size:], v[train_size:])
    torch.manual_seed(seed)
    return {"model": PlugNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": plug_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. seed-drill singulation (factorisation machine, Adagrad; long only)

SD_LOTS, SD_DISCS, SD_ROWS = 80, 24, 48


def _sd_passes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Test-stand passes of a vacuum precision planter: a seed lot (80: thousand-seed mass 200-400 g, sphericity), a
    meter disc (24: hole diameter, wear), a row unit (48: vibration), the vacuum 2-8 kPa, the ground speed 4-14 km/h,
    the singulator setting 0-1 and the target spacing 10-30 cm. The holding force (vacuum x hole area) against the
    seed's weight and the disc's centrifugal and knock-off loads (rising with the disc speed = ground speed / spacing):
    misses when it is short, multiples when it is ample and the singulator is open, each a logistic of a log margin
    (ISO 7256-1's miss / multiple indices, from memory); the spacing's CV from the tube bounce (sphericity, speed) and
    the row's vibration. Returns (ids (n, 3), continuous (n, 4), targets (n, 3): miss rate, multiple rate, CV)."""
    pg = torch.Generator().manual_seed(1791050)
    tsm = 200 + 200 * torch.rand(SD_LOTS, generator=pg)
    spher = 0.5 + 0.5 * torch.rand(SD_LOTS, generator=pg)
    hole = 3.5 + 1.5 * torch.rand(SD_DISCS, generator=pg)
    wear = torch.rand(SD_DISCS, generator=pg)
    vib = torch.rand(SD_ROWS, generator=pg)
    lot = torch.randint(0, SD_LOTS, (n,), generator=gen)
    disc = torch.randint(0, SD_DISCS, (n,), generator=gen)
    row = torch.randint(0, SD_ROWS, (n,), generator=gen)
    vac = 2 + 6 * torch.rand(n, generator=gen)
    speed = 4 + 10 * torch.rand(n, generator=gen)
    sing = torch.rand(n, generator=gen)
    spacing = 10 + 20 * torch.rand(n, generator=gen)
    hold = vac * (hole[disc] / 4.25) ** 2 * (1 - 0.25 * wear[disc])
    need = (tsm[lot] / 300) * (1 + 0.8 * (speed / spacing) ** 1.5 / 0.6) * (1 + 0.3 * vib[row])
    margin = torch.log(hold / need)
    miss = torch.sigmoid(-(margin - 0.2) * 5 - 1.0 + 0.1 * torch.randn(n, generator=gen))
    multi = torch.sigmoid((margin - 0.9) * 4 + 2.5 * (0.5 - sing) - 1.0 * spher[lot]
                          + 0.1 * torch.randn(n, generator=gen))
    cv = (0.08 + 0.10 * (1 - spher[lot]) * speed / 9 + 0.08 * vib[row] + 0.5 * (miss + multi))
    cv = cv * torch.exp(0.04 * torch.randn(n, generator=gen))
    cont = torch.stack([(vac - 5) / 1.73, (speed - 9) / 2.9, (sing - 0.5) / 0.29, (spacing - 20) / 5.8], 1)
    return torch.stack([lot, disc + SD_LOTS, row + SD_LOTS + SD_DISCS], 1), cont, torch.stack([miss, multi, cv], 1)


class MeterFM(nn.Module):
    """A factorisation machine over the three ids (a bias per id and pairwise dot products of their factors), plus a
    dense ReLU head over the ids' factors and the continuous settings: half-logits of the miss and multiple rates and
    the CV (as (CV - 0.35) / 0.1)."""

    def __init__(self, k: int = 8, hidden: int = 32) -> None:
        super().__init__()
        n_ids = SD_LOTS + SD_DISCS + SD_ROWS
        self.bias = nn.Embedding(n_ids, 3)
        self.factors = nn.Embedding(n_ids, k)
        nn.init.zeros_(self.bias.weight)  # the usual FM start: zero biases, small factors
        nn.init.normal_(self.factors.weight, std=0.01)
        self.head = nn.Sequential(nn.Linear(3 * k + 4, hidden), nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, ids: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        v = self.factors(ids)  # (b, 3, k)
        pair = 0.5 * (v.sum(1).pow(2) - v.pow(2).sum(1)).sum(1, keepdim=True)
        return self.bias(ids).sum(1) + pair + self.head(torch.cat([v.flatten(1), cont], 1))


def meter_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The squared error of the half-logits of the miss and multiple rates and of (CV - 0.35) / 0.1 (rates are
    analysed on the logit scale, as test-stand reports are often fitted)."""
    ids, cont, y = batch
    rates = y[:, :2].clamp(1e-3, 1 - 1e-3)
    target = torch.cat([0.5 * torch.log(rates / (1 - rates)), ((y[:, 2] - 0.35) / 0.1).unsqueeze(1)], 1)
    return F.mse_loss(model(ids, cont), target)


def seed_drill_singulation(batch_size: int = 16, seed: int = 0, train_size: int = 8192, k: int = 8,
                           hidden: int = 32) -> dict[str, Any]:
    """The meter FM on 8192 passes; held out: 2048 others in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(179105)
    ids, cont, y = _sd_passes(train_size + 2048, gen)
    tr = (ids[:train_size], cont[:train_size], y[:train_size])
    ev = (ids[train_size:], cont[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": MeterFM(k, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": meter_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. tagine steam condensation (1-D CNN, RAdam)

TG_STEPS = 32


def _tg_cooks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Stews in a tagine: 32 half-minute steps of burner power (a cook's trace: a high start of 1400-2000 W, a simmer
    of 300-800 W, one later nudge of the simmer by -30% to +30%), the lid (unglazed clay, glazed clay, cast iron: its
    heat capacity and its conductance to the kitchen), the fill 0.8-2 kg and the kitchen 15-30 C. The stew's
    temperature from a lumped heat balance, softly capped near the boil (a softplus: the excess goes to steam); the
    steam condenses on the cone by Nusselt film condensation, h ~ dT^-1/4, so the lid's capacity ~ dT^3/4, dT the
    steam less the lid's wall; the lid catches a share capacity / (steam + capacity) of the steam, is heated by it
    and cooled by the kitchen; the condensate runs down and returns with a one-step lag. Scatter 3% on the
    temperature (the probe), 15% on the condensate (a drip gauge). Returns (inputs (n, 6, 32): power (kW) and 5 pot
    features; targets (n, 2, 32): stew temperature / 100 C and condensate return in g/min / 10)."""
    lid = torch.randint(0, 3, (n,), generator=gen)
    cap_lid = torch.tensor([900.0, 1000.0, 2500.0])[lid]  # J/K
    u_out = torch.tensor([5.0, 3.5, 7.0])[lid]  # W/K to the kitchen
    fill = 0.8 + 1.2 * torch.rand(n, generator=gen)
    amb = 15 + 15 * torch.rand(n, generator=gen)
    high = 1400 + 600 * torch.rand(n, generator=gen)
    simmer = 300 + 500 * torch.rand(n, generator=gen)
    switch = torch.randint(6, 16, (n,), generator=gen)
    nudge = torch.randint(16, 28, (n,), generator=gen)  # the cook turns the simmer up or down once
    k = torch.arange(TG_STEPS).view(1, -1)
    power = torch.where(k < switch.view(-1, 1), high.view(-1, 1), simmer.view(-1, 1))
    power = power * torch.where(k < nudge.view(-1, 1), 1.0, 0.7 + 0.6 * torch.rand(n, 1, generator=gen))
    t_stew = amb.clone()
    t_lid = amb.clone()
    ret = torch.zeros(n)
    temps, rets = [], []
    dt = 30.0
    for s in range(TG_STEPS):
        p = power[:, s] * 0.7
        loss = 2.0 * (t_stew - amb)
        t_new = t_stew + dt * (p - loss) / (fill * 3800)
        over = 2.0 * F.softplus((t_new - 99.0) / 2.0)  # a rolling simmer starts just below the boil
        excess = over * fill * 3800 / dt  # W going to steam
        t_stew = t_new - over
        steam = excess / 2.26e6  # kg/s
        d_t = F.softplus(t_stew - t_lid)
        cond_cap = 4.0e-6 * d_t ** 0.75  # kg/s the lid can condense (Nusselt: h ~ dT^-1/4)
        cond = steam * cond_cap / (steam + cond_cap + 1e-9)  # the share the lid catches; the rest escapes
        t_lid = t_lid + dt * (cond * 2.26e6 - u_out * (t_lid - amb)) / cap_lid
        temps.append(t_stew)
        rets.append(ret)
        ret = cond * 60e3  # g/min, returned next step
    y = torch.stack([torch.stack(temps, 1) / 100, torch.stack(rets, 1) / 10], 1)
    y = y * torch.exp(torch.tensor([0.03, 0.15]).view(1, 2, 1) * torch.randn(y.shape, generator=gen))
    static = torch.cat([F.one_hot(lid, 3).float(), ((fill - 1.4) / 0.35).view(-1, 1), ((amb - 22.5) / 4.3).view(-1, 1)],
                       1)
    x = torch.cat([(power / 1000).unsqueeze(1), static.unsqueeze(2).expand(n, 5, TG_STEPS)], 1)
    return x, y


class CausalBlock(nn.Module):
    """A residual causal convolution: x + relu(conv(left-pad(x))), kernel 3 at dilation ``d``."""

    def __init__(self, channels: int, d: int) -> None:
        super().__init__()
        self.pad = nn.ConstantPad1d((2 * d, 0), 0.0)
        self.conv = nn.Conv1d(channels, channels, 3, dilation=d)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + F.relu(self.conv(self.pad(x)))


class CondensateCNN(nn.Module):
    """A causal 1-D CNN (a small TCN): a 1x1 input projection, residual dilated causal convolutions (1, 2, 4, 8;
    kernel 3, left-padded, so each step sees the 31 steps up to it) over the half-minute steps, a 1x1 readout of the
    stew temperature and the condensate return."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.inp = nn.Conv1d(6, channels, 1)
        self.body = nn.Sequential(*[CausalBlock(channels, d) for d in (1, 2, 4, 8)])
        self.head = nn.Conv1d(channels, 2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(self.inp(x)))


def tagine_condensation(batch_size: int = 128, seed: int = 0, train_size: int = 1024,
                        channels: int = 16) -> dict[str, Any]:
    """The condensate CNN on 1024 cooks; held out: 1024 others in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(179106)
    x, y = _tg_cooks(train_size + 1024, gen)
    mean = y[:train_size].mean((0, 2), keepdim=True)
    sd = y[:train_size].std((0, 2), keepdim=True)
    y = (y - mean) / sd  # each channel standardised over the training cooks' steps
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CondensateCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("saddlebag_sway_nadam", saddlebag_sway, 300, "pack_saddle_bag_trail_sway_roll_gru", "nadam", "finite", 64,
      seconds=1.4, start_lr=0.032),
    W("tagine_condensation_radam", tagine_condensation, 300, "tagine_cone_lid_nusselt_condensate_cnn1d", "radam",
      "finite", 128, seconds=1.9, start_lr=0.128),
    W("caravan_snaking_nesterov", caravan_snaking, 300, "caravan_tow_bar_snaking_damping_resnet_ln",
      "sgd_nesterov0.9_wd1e-4", "finite", 32, seconds=0.35, start_lr=0.025),
    W("jump_lead_cranking_momentum", jump_lead_cranking, 300, "jump_lead_cranking_current_kirchhoff_greybox",
      "sgd_momentum0.9", "finite", 32, seconds=0.4, start_lr=0.025),
)
LONG = (
    W("spark_plug_voltage_adagrad@long", spark_plug_voltage, 3000,
      "spark_plug_gap_paschen_firing_voltage_embedding_net", "adagrad", "finite", 64, seconds=2.5, start_lr=0.256,
      grid_fractions=(0.0, 0.05)),
    W("seed_drill_singulation_adagrad@long", seed_drill_singulation, 3000,
      "seed_drill_vacuum_meter_miss_multiple_fm", "adagrad", "finite", 16, seconds=2.8, start_lr=0.256,
      grid_fractions=(0.0, 0.05)),
    W("caravan_snaking_nesterov@long", caravan_snaking, 3000, "caravan_tow_bar_snaking_damping_resnet_ln",
      "sgd_nesterov0.9_wd1e-4", "finite", 32, dict(train_size=8192, width=32, zeta_sd=0.005), seconds=3.8, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="caravan_snaking_nesterov"),
    W("jump_lead_cranking_adam@long", jump_lead_cranking_adam, 3000, "jump_lead_cranking_current_kirchhoff_greybox",
      "adam", "finite", 32, seconds=3.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam179_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-seventy-ninth exam's workloads")
