"""The hundred-and-eighty-eighth exam: six more workload families that neither the suite nor exams 1-186 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam186_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from rowing oars and blade slip, outriggers and hull stability, catamarans and
hull-spacing drag, houseboats and mooring sway, pitchforks and hay lift, and tumbleweeds and wind rolling (exams
187, 189 and 190 were built at the same time from other domains; their modules were not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam188/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- rowing blade slip from an instrumented oarlock: a 1-D CNN over the drive's handle-force curve and the oar angle
  (32 samples) with the boat speed, the blade area, the gearing and the drive time as constant channels, to the
  log blade slip (cm) and the blade's propulsive efficiency; the blade force from the handle force by the oar's
  lever, the slip speed from a quadratic drag law on the blade (a drag coefficient that changes with the oar
  angle), slip and efficiency integrated over the drive; MSE of the standardised targets; NAdam (torch's defaults)
- outrigger canoe (va'a) righting-moment curve: a residual MLP with LayerNorm (Pre-LN blocks) from the hull's
  beam, the crew's and hull's weight, the ama's volume and mass, the iako's span and the centre of gravity's
  height to the righting moment at 12 heel angles (toward and away from the ama); the main hull's small
  metacentric moment plus the ama's buoyancy change with heel, capped when the ama is fully pressed under and
  when it flies; MSE of the standardised moments; RAdam (torch's defaults); its long plan AdamW (weight decay 0.01)
- catamaran resistance and hull spacing: a plain SiLU MLP from the demihull's slenderness, B / T, the separation
  ratio s / L, the Froude number and the length to the log total resistance coefficient; ITTC-1957 friction with a
  form factor raised by the viscous interference between the hulls, a humped wave-resistance coefficient falling
  steeply with slenderness and a wave-interference factor that peaks near Fn 0.35-0.5 at close spacing and turns
  favourable above Fn ~0.7; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- pitchfork hay lift: an embedding net (the farmhand, the hay or straw, the fork, the task as embeddings, with
  the moisture, the lift height and the hour of the shift) to the log forkful mass and the log forkfuls per minute; the
  forkful from the tines' engaged area, the hay's bulk density and its cohesion (long stems and moisture hold),
  capped by the worker's lifting moment at the handle's length, slowed by the height and fatigue; MSE; SGD with
  heavy-ball momentum 0.9 (short), Adagrad (long, torch's defaults)
- houseboat mooring sway (a long plan only): an LSTM over 16 samples (10 s apart) of the wind speed, its
  direction to the hull and passing boats' wake, with the houseboat's mass, windage, the lines' slack and
  stiffness as constant inputs, to the boat's sideways offset at every sample; a one-degree-of-freedom moored body
  (wind drag on the side area, slack-taut lines, a fender on the quay side, hydrodynamic damping), integrated in
  sub-steps; MSE of the offsets (m); RMSprop (torch's defaults)
- tumbleweed wind rolling (a long plan only): a wide-and-deep net over a sparse bag of (ground cover, 10 m cell)
  tokens along the downwind path (an EmbeddingBag, summed) and the plant's and the wind's numbers, to the log
  distance rolled; the rolling speed from the drag-rolling resistance balance, and per cell a capture hazard (fence,
  shrub, furrow...) that falls with the rolling speed; MSE; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the houseboat and
tumbleweed nets (no short plans), the outrigger net (AdamW; 16 units, one block, 1.5% scatter) and the pitchfork
net (Adagrad; 32 units) on 8192 examples instead of 1024 and 2048.

Of the eight plans: NAdam (rowing), RAdam (outrigger), SGD with Nesterov momentum (catamaran) and SGD with
heavy-ball momentum (pitchfork) for the short plans; Adagrad (tumbleweed, pitchfork), RMSprop (houseboat) and AdamW
(outrigger) for the long ones.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam188_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam188/README.md).

    python benchmarks/exam188_workloads.py          # the table
    python benchmarks/exam188_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 188"


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


# --------------------------------------------------------------------------------------------------------------
# 1. rowing blade slip from an instrumented oarlock (NAdam)

RW_PTS = 32


def _rw_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sweep-oar drives logged by an instrumented oarlock: the handle force at 32 instants of the drive (peak
    400-1000 N, the peak's position early to late, the curve's fullness) with 2% sensor noise, the oar angle from
    the catch (-55 to -65 degrees) to the finish (+30 to +40); the boat speed 3.5-5.5 m/s; the blade area 0.09-0.13
    m2; the gearing (outboard / inboard 2.1-2.5); the drive time 0.7-1.0 s. The blade force is the handle force
    over the gearing ratio (lever about the pin); the blade's normal speed through the water from
    F_b = 0.5 rho C_D A v_s^2 with C_D 1.1-1.9 depending on the oar angle (highest square to the boat); the slip is
    the integral of v_s over the drive, the efficiency 1 - (integral F_b v_s) / (integral F_b (v_s + v_boat cos
    theta)). Scatter 2% on the slip, 0.004 on the efficiency. Returns (inputs (n, 6, 32), targets (n, 2): log
    slip (cm), efficiency)."""
    t = torch.linspace(0.0, 1.0, RW_PTS).view(1, -1)
    peak = 400 + 600 * torch.rand(n, 1, generator=gen)
    where = 0.3 + 0.3 * torch.rand(n, 1, generator=gen)
    full = 1.2 + 1.6 * torch.rand(n, 1, generator=gen)
    p = full * where / (1 - where)
    q = full
    shape = (t.clamp(1e-3, 1 - 1e-3) ** p) * ((1 - t).clamp(1e-3, 1) ** q)
    force = peak * shape / shape.amax(1, keepdim=True)
    force = force * (1 + 0.02 * torch.randn(n, RW_PTS, generator=gen))
    catch = -(55 + 10 * torch.rand(n, 1, generator=gen))
    finish = 30 + 10 * torch.rand(n, 1, generator=gen)
    angle = catch + (finish - catch) * (0.5 - 0.5 * torch.cos(math.pi * t))
    vb = 3.5 + 2.0 * torch.rand(n, 1, generator=gen)
    area = 0.09 + 0.04 * torch.rand(n, 1, generator=gen)
    gear = 2.1 + 0.4 * torch.rand(n, 1, generator=gen)
    td = 0.7 + 0.3 * torch.rand(n, 1, generator=gen)
    th = torch.deg2rad(angle)
    fb = force.clamp_min(1.0) / gear
    cd = 1.1 + 0.8 * torch.cos(th) ** 2
    vs = (2 * fb / (1000 * cd * area)).sqrt()
    dt = td / RW_PTS
    slip = (vs * dt).sum(1) * 100
    waste = (fb * vs).sum(1)
    useful = (fb * vb * torch.cos(th)).sum(1)
    eff = useful / (useful + waste)
    y = torch.stack([torch.log(slip), eff], 1) + torch.tensor([0.02, 0.004]) * torch.randn(n, 2, generator=gen)
    const = torch.cat([(vb - 4.5) / 0.58, (area - 0.11) / 0.0115, (gear - 2.3) / 0.115, (td - 0.85) / 0.087], 1)
    x = torch.cat([(force / 500 - 1).unsqueeze(1), (angle / 45).unsqueeze(1),
                   const.unsqueeze(2).expand(-1, -1, RW_PTS)], 1)
    return x, y


class OarlockCNN(nn.Module):
    """A 1-D CNN over the drive (handle force, oar angle and four constant channels), pooled by mean and max, to the
    log slip and the efficiency."""

    def __init__(self, width: int = 24) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(6, width, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, width, 5, padding=2), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(2 * width, width), nn.ReLU(), nn.Linear(width, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.mean(2), h.amax(2)], 1))


def rowing_blade_slip(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 24) -> dict[str, Any]:
    """The oarlock CNN on 2048 drives, targets standardised over them; held out: 2048 other drives in batches of
    1024; NAdam."""
    gen = torch.Generator().manual_seed(188101)
    x, y = _rw_strokes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OarlockCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. outrigger canoe (va'a) righting-moment curve (RAdam; AdamW long)

OR_ANGLES = 12


def _or_canoes(n: int, gen: torch.Generator, scatter: float = 0.03) -> tuple[torch.Tensor, torch.Tensor]:
    """Outrigger canoes heeled on a tilt test: hull beam 0.40-0.65 m, crew and hull 90-650 kg (one to six
    paddlers), ama volume 50-200 l, ama mass 6-16 kg, iako span (the ama's offset from the centreline) 1.4-2.2 m,
    the centre of gravity 0.25-0.50 m above the keel. Heel angles -12 to +12 degrees (negative: toward the ama).
    The main hull's moment W GM sin(phi) with GM = B^2 / (12 T) + T / 2 - KG (T from the load on a slender hull,
    usually negative: the hull alone is tender); the ama carries its own weight plus a preload at rest, is pressed
    down by y sin(phi) when heeling toward it (buoyancy up by rho g A_w z, capped once fully under) and lifts when
    heeling away (buoyancy down, to zero once it flies: then only its weight rights the canoe). Scatter 3%
    (1.5% in the long plan's tests).
    Returns (features (n, 6), moments in kN m (n, 12))."""
    beam = 0.40 + 0.25 * torch.rand(n, generator=gen)
    mass = 90 + 560 * torch.rand(n, generator=gen)
    vol = 0.05 + 0.15 * torch.rand(n, generator=gen)
    ama_m = 6 + 10 * torch.rand(n, generator=gen)
    span = 1.4 + 0.8 * torch.rand(n, generator=gen)
    kg = 0.25 + 0.25 * torch.rand(n, generator=gen)
    g, rho = 9.81, 1025.0
    phi = torch.deg2rad(torch.linspace(-12, 12, OR_ANGLES)).view(1, -1)
    draft = (mass / (rho * 0.55 * 7.0 * beam)).view(-1, 1)
    gm = (beam.view(-1, 1) ** 2 / (12 * draft) + draft / 2 - kg.view(-1, 1))
    hull = mass.view(-1, 1) * g * gm * torch.sin(phi)
    b0 = (ama_m * g * 1.6).view(-1, 1)  # weight plus a preload from the rig, at rest
    bmax = (rho * g * vol).view(-1, 1)
    aw = (vol / 0.35 * 1.8).view(-1, 1)  # waterplane area of a slender ama, m2
    z = -span.view(-1, 1) * torch.sin(phi)  # pressed down when heeling toward the ama (phi < 0)
    soft = 0.02 * bmax
    buoy = b0 + rho * g * aw * z
    buoy = soft * F.softplus((buoy - 0) / soft) - soft * F.softplus((buoy - bmax) / soft)
    ama = (buoy - (ama_m * g).view(-1, 1)) * span.view(-1, 1) * torch.cos(phi)
    # moment sign: positive rights a heel away from the ama; the ama's net upward force acts on its side
    m = (hull - ama) / 1000
    m = m * (1 + scatter * torch.randn(n, OR_ANGLES, generator=gen))
    x = torch.stack([(beam - 0.525) / 0.072, (mass - 370) / 162, (vol - 0.125) / 0.043, (ama_m - 11) / 2.9,
                     (span - 1.8) / 0.23, (kg - 0.375) / 0.072], 1)
    return x, m


class PreLNResBlock(nn.Module):
    """x + W2 GELU(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class RightingNet(nn.Module):
    """A residual MLP with Pre-LN blocks from the canoe to its 12-point righting-moment curve."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(6, width)
        self.blocks = nn.Sequential(*[PreLNResBlock(width) for _ in range(blocks)])
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, OR_ANGLES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.blocks(self.inp(x)))


def outrigger_righting(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32, blocks: int = 2,
                       adamw: bool = False, scatter: float = 0.03) -> dict[str, Any]:
    """The righting-moment net on 1024 tilt tests, moments standardised over them; held out: 2048 other canoes in
    batches of 1024; RAdam (AdamW with its default weight decay 0.01 for the long plan)."""
    gen = torch.Generator().manual_seed(188102)
    x, y = _or_canoes(train_size + 2048, gen, scatter)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw") if adamw
           else _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"))
    return {"model": RightingNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. catamaran resistance and hull spacing (SGD with Nesterov momentum)


def _ct_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Towing-tank runs of catamaran models (scaled to ship size): slenderness L / displacement^(1/3) of a demihull
    6-9.5, B / T 1.5-2.5, separation s / L 0.15-0.5, Froude number 0.2-1.0, length 10-40 m. C_T = (1 + beta k) C_F +
    tau C_W: ITTC-1957 C_F = 0.075 / (log10 Re - 2)^2; k = 0.1 + 0.05 (B / T - 2) + 6 / slenderness^2, beta the
    viscous interference (1.1-1.4, larger close together); C_W of a demihull humped at Fn ~0.5 with a first bump
    near 0.3, falling as slenderness^-4; tau = 1 + 1.6 exp(-(s / L - 0.15) / 0.18) (a bump at Fn 0.35-0.5) minus a
    favourable dip above Fn ~0.7. 10% scatter (model-to-ship and tank). Returns (features (n, 5), log(1000 C_T)
    (n, 1))."""
    slen = 6 + 3.5 * torch.rand(n, generator=gen)
    bt = 1.5 + torch.rand(n, generator=gen)
    sl = 0.15 + 0.35 * torch.rand(n, generator=gen)
    fn = 0.2 + 0.8 * torch.rand(n, generator=gen)
    length = 10 + 30 * torch.rand(n, generator=gen)
    v = fn * (9.81 * length).sqrt()
    re = v * length / 1.19e-6
    cf = 0.075 / (torch.log10(re) - 2) ** 2
    k = 0.1 + 0.05 * (bt - 2) + 6 / slen**2
    beta = 1.1 + 0.3 * torch.exp(-(sl - 0.15) / 0.12)
    hump = torch.exp(-((fn - 0.5) / 0.13) ** 2) + 0.35 * torch.exp(-((fn - 0.3) / 0.05) ** 2) \
        + 0.5 * torch.sigmoid((fn - 0.5) / 0.1) * torch.exp(-(fn - 0.5))
    cw = 0.012 * hump * (7.0 / slen) ** 4 * (1 + 0.1 * (bt - 2))
    peak = 0.35 + 0.15 * (sl - 0.15) / 0.35
    tau = 1 + 1.6 * torch.exp(-(sl - 0.15) / 0.18) * torch.exp(-((fn - peak) / 0.1) ** 2) \
        - 0.25 * torch.exp(-(sl - 0.15) / 0.3) * torch.sigmoid((fn - 0.7) / 0.05)
    ct = (1 + beta * k) * cf + tau * cw
    y = torch.log(1000 * ct) + 0.1 * torch.randn(n, generator=gen)
    x = torch.stack([(slen - 7.75) / 1.0, (bt - 2) / 0.29, (sl - 0.325) / 0.1, (fn - 0.6) / 0.23,
                     (length - 25) / 8.7], 1)
    return x, y.view(-1, 1)


class CatamaranMLP(nn.Module):
    """A SiLU MLP from the demihull, the spacing and the speed to log(1000 C_T)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def catamaran_spacing_drag(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                           hidden: int = 64) -> dict[str, Any]:
    """The resistance net on 2048 runs, target standardised over them; held out: 2048 other runs in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(188103)
    x, y = _ct_runs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CatamaranMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pitchfork hay lift (SGD with momentum short; Adagrad long)

PF_HANDS, PF_HAY, PF_FORKS, PF_TASKS = 48, 8, 5, 4


def _pf_forkfuls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Forkfuls timed on farms: 48 farmhands (a strength 0.6-1.4 and a technique 0.7-1.2 each, unobserved); the
    material (meadow hay, timothy, alfalfa, clover, oat straw, wheat straw, barley straw, haylage: bulk density,
    stem length, cohesion); the fork (2-tine pitch fork, 3-tine hay fork, 4-tine, 5-tine, 10-tine bedding fork:
    tine count, length, spacing, handle length); the task (from a windrow, a loose stack, onto a wagon, into a
    loft); moisture 10-60%; lift height 0.3-3 m; the hour of the shift 0-8. The forkful: the engaged area (tines x
    length x a spacing efficiency, better for long-stemmed, cohesive material) x density x depth, held on the tines
    by cohesion (moisture helps up to ~40%), capped by the worker's lifting moment at the handle's length; the
    rate: forkfuls a minute falling with the height, the load and fatigue over the shift. 6% scatter. Returns
    (categorical (n, 4), numeric (n, 3), targets (n, 2): log forkful kg, log forkfuls per minute)."""
    hand = torch.randint(0, PF_HANDS, (n,), generator=gen)
    hay = torch.randint(0, PF_HAY, (n,), generator=gen)
    fork = torch.randint(0, PF_FORKS, (n,), generator=gen)
    task = torch.randint(0, PF_TASKS, (n,), generator=gen)
    hg = torch.Generator().manual_seed(1881040)
    strength = 0.6 + 0.8 * torch.rand(PF_HANDS, generator=hg)
    skill = 0.7 + 0.5 * torch.rand(PF_HANDS, generator=hg)
    dens = torch.tensor([70.0, 65, 90, 80, 45, 40, 42, 180])[hay]
    stem = torch.tensor([0.8, 1.0, 0.7, 0.6, 1.1, 1.2, 1.0, 0.5])[hay]
    coh = torch.tensor([1.0, 1.1, 0.8, 0.9, 0.6, 0.55, 0.6, 1.3])[hay]
    tines = torch.tensor([2.0, 3, 4, 5, 10])[fork]
    tlen = torch.tensor([0.32, 0.30, 0.28, 0.26, 0.33])[fork]
    space = torch.tensor([0.12, 0.09, 0.07, 0.05, 0.025])[fork]
    handle = torch.tensor([1.5, 1.4, 1.3, 1.2, 1.25])[fork]
    depth = torch.tensor([0.25, 0.35, 0.3, 0.2])[task]
    moist = 0.1 + 0.5 * torch.rand(n, generator=gen)
    height = 0.3 + 2.7 * torch.rand(n, generator=gen)
    hour = 8 * torch.rand(n, generator=gen)
    hold = torch.sigmoid(4 * (stem * coh / (space / 0.07) ** 0.5 - 0.5))
    hold = hold * (1 + 1.5 * moist - 1.8 * torch.relu(moist - 0.4))
    area = (tines - 1).clamp_min(1) * space * tlen * 2.2 + 0.02
    mass = area * dens * depth * hold
    cap = 9 * strength[hand] * skill[hand] / handle * (1 - 0.04 * hour)
    mass = cap * (1 - torch.exp(-mass / cap))
    rate = 8 * skill[hand] / (1 + 0.25 * height) / (1 + mass / (6 * strength[hand])) * (1 - 0.03 * hour)
    rate = rate * torch.tensor([1.0, 0.9, 0.85, 0.7])[task]
    y = torch.stack([torch.log(mass), torch.log(rate)], 1) + 0.06 * torch.randn(n, 2, generator=gen)
    cat = torch.stack([hand, PF_HANDS + hay, PF_HANDS + PF_HAY + fork, PF_HANDS + PF_HAY + PF_FORKS + task], 1)
    num = torch.stack([(moist - 0.35) / 0.14, (height - 1.65) / 0.78, (hour - 4) / 2.3], 1)
    return cat, num, y


class ForkfulNet(nn.Module):
    """Embeddings of the farmhand, the material, the fork and the task (one table, 8 dimensions), concatenated with
    the numeric inputs, through a ReLU MLP to the log forkful mass and the rate."""

    def __init__(self, dim: int = 8, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(PF_HANDS + PF_HAY + PF_FORKS + PF_TASKS, dim)
        self.mlp = nn.Sequential(nn.Linear(4 * dim + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.emb(cat).flatten(1), num], 1))


def pitchfork_hay_lift(batch_size: int = 32, seed: int = 0, train_size: int = 2048, dim: int = 8, hidden: int = 48,
                       adagrad: bool = False) -> dict[str, Any]:
    """The forkful net on 2048 timed forkfuls, targets standardised over them; held out: 2048 other forkfuls in
    batches of 1024; SGD with momentum
    0.9 (Adagrad, torch's defaults, for the long plan)."""
    gen = torch.Generator().manual_seed(188104)
    cat, num, y = _pf_forkfuls(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    opt = (_named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad") if adagrad
           else _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"))
    return {"model": ForkfulNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": opt, "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. houseboat mooring sway (RMSprop; long only)

HB_STEPS, HB_SUB = 16, 40


def _hb_logs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A houseboat moored beam-on to a quay, logged every 10 s for 160 s: a mean wind 2-14 m/s with gusts (an AR(1)
    series), its direction to the hull wandering around a mean 40-140 degrees, and wakes of passing boats (0-2,
    short bursts of side force). The boat: 15-60 t, windage (side area) 25-70 m2, the lines' slack 0.05-0.4 m and
    stiffness 5-30 kN/m, a fender 0.15 m off the quay (stiff). One degree of freedom, sideways offset x (m, away
    from the quay positive): m (1 + 0.5 added mass) x'' = 0.5 rho_air 1.1 A u^2 sin(dir) (pushing off the quay)
    + wake - lines' pull k (|x| - slack)^+ sign(x) + the fender's push (past 0.15 m toward the quay) - damping c x'
    (plus a quadratic term), integrated in 40 sub-steps a sample (semi-implicit Euler, 0.25 s). 3 cm of logger noise
    (the GPS). Returns (series (n, 16, 7): wind / 10, sin(dir), wake / 5 kN, and the four boat numbers; offsets
    (n, 16) in m)."""
    ar = torch.zeros(n)
    u_mean = 2 + 12 * torch.rand(n, generator=gen)
    d_mean = torch.deg2rad(40 + 100 * torch.rand(n, generator=gen))
    mass = 15e3 + 45e3 * torch.rand(n, generator=gen)
    area = 25 + 45 * torch.rand(n, generator=gen)
    slack = 0.05 + 0.35 * torch.rand(n, generator=gen)
    k = 5e3 + 25e3 * torch.rand(n, generator=gen)
    n_wake = torch.randint(0, 3, (n,), generator=gen)
    wake_t = torch.randint(0, HB_STEPS, (n, 2), generator=gen)
    wake_a = 2e3 + 6e3 * torch.rand(n, 2, generator=gen)
    winds, dirs, wakes, xs = [], [], [], []
    x = torch.zeros(n)
    v = torch.zeros(n)
    d = d_mean.clone()
    m_eff = 1.5 * mass
    c = 0.15 * 2 * (k * m_eff).sqrt()
    dt = 10.0 / HB_SUB
    for step in range(HB_STEPS):
        ar = 0.7 * ar + 0.3 * torch.randn(n, generator=gen)
        u = (u_mean * (1 + 0.35 * ar)).clamp_min(0)
        d = d + 0.1 * torch.randn(n, generator=gen) + 0.1 * (d_mean - d)
        wk = torch.zeros(n)
        for j in range(2):
            wk = wk + ((wake_t[:, j] == step) & (n_wake > j)).float() * wake_a[:, j]
        force = 0.5 * 1.225 * 1.1 * area * u**2 * torch.sin(d) + wk
        for _ in range(HB_SUB):
            line = k * torch.relu(x.abs() - slack) * torch.sign(x)
            fender = 5e4 * torch.relu(-0.15 - x)
            acc = (force - line + fender - c * v - 800 * v * v.abs()) / m_eff
            v = v + dt * acc
            x = x + dt * v
        winds.append(u / 10)
        dirs.append(torch.sin(d))
        wakes.append(wk / 5e3)
        xs.append(x + 0.03 * torch.randn(n, generator=gen))
    const = torch.stack([(mass - 37.5e3) / 13e3, (area - 47.5) / 13, (slack - 0.225) / 0.1, (k - 17.5e3) / 7.2e3], 1)
    seq = torch.cat([torch.stack([torch.stack(winds, 1), torch.stack(dirs, 1), torch.stack(wakes, 1)], 2),
                     const.unsqueeze(1).expand(-1, HB_STEPS, -1)], 2)
    return seq, torch.stack(xs, 1)


class SwayLSTM(nn.Module):
    """An LSTM over the log's samples, a linear read-out of the offset at every sample."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.lstm = nn.LSTM(7, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, seq: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(seq)
        return self.out(h).squeeze(2)


def houseboat_mooring_sway(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                           hidden: int = 16) -> dict[str, Any]:
    """The sway LSTM on 4096 logs; held out: 2048 other logs in batches of 1024; RMSprop (torch's defaults: alpha
    0.99, no momentum)."""
    gen = torch.Generator().manual_seed(188105)
    x, y = _hb_logs(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SwayLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. tumbleweed wind rolling (Adagrad; long only)

TW_COVERS, TW_CELLS = 8, 24


def _tw_rolls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tagged tumbleweeds (Russian thistle) released upwind of a 240 m transect of 24 ten-metre cells, each cell's
    ground cover one of bare soil, gravel, short grass, tall grass, shrubs, a furrowed field, a road, a fence line
    (rolling resistance and a capture rate each). The plant: diameter 0.3-1.2 m, dry mass 0.1-1.5 kg, porosity; the
    wind 4-18 m/s. The rolling speed from the balance of drag 0.5 rho C_D A (u - v)^2 (C_D 0.8, A a porous disc)
    against the rolling resistance mu m g, per cell (a stopped plant waits for a gust: rolls at 15% of u); the
    chance of being held in a cell 1 - exp(-h_cover / (1 + v / 3)), faster plants bounce over. The target is the
    log of the expected distance (m) to capture, capped at the transect. 5% scatter. Returns (tokens (n, 24): cover
    x 24 + cell, numbers (n, 4), log distance (n, 1))."""
    cover = torch.randint(0, TW_COVERS, (n, TW_CELLS), generator=gen)
    cover = torch.where(torch.rand(n, TW_CELLS, generator=gen) < 0.4, cover[:, :1].expand(-1, TW_CELLS), cover)
    mu = torch.tensor([0.08, 0.12, 0.15, 0.3, 0.35, 0.25, 0.05, 0.2])[cover]
    hz = torch.tensor([0.02, 0.03, 0.05, 0.25, 0.6, 0.15, 0.01, 1.6])[cover]
    dia = 0.3 + 0.9 * torch.rand(n, 1, generator=gen)
    mass = 0.1 + 1.4 * torch.rand(n, 1, generator=gen)
    por = 0.5 + 0.4 * torch.rand(n, 1, generator=gen)
    u = 4 + 14 * torch.rand(n, 1, generator=gen)
    area = math.pi / 4 * dia**2 * (1 - por)
    need = (mu * mass * 9.81 / (0.5 * 1.225 * 0.8 * area)).sqrt()
    v = torch.where(u > need, u - need, 0.15 * u)
    stay = torch.exp(-hz / (1 + v / 3))
    reach = torch.cumprod(torch.cat([torch.ones(n, 1), stay[:, :-1]], 1), 1)
    dist = 10 * (reach * (1 - 0.5 * (1 - stay))).sum(1, keepdim=True)
    y = torch.log(dist) + 0.05 * torch.randn(n, 1, generator=gen)
    tokens = cover * TW_CELLS + torch.arange(TW_CELLS).view(1, -1)
    num = torch.cat([(dia - 0.75) / 0.26, (mass - 0.8) / 0.4, (por - 0.7) / 0.115, (u - 11) / 4.0], 1)
    return tokens, num, y


class RollNet(nn.Module):
    """Wide and deep: a summed EmbeddingBag over the (cover, cell) tokens (16 dimensions) and a wide linear term
    over the same tokens, with the plant's and the wind's numbers, through a ReLU MLP."""

    def __init__(self, dim: int = 16, hidden: int = 32) -> None:
        super().__init__()
        vocab = TW_COVERS * TW_CELLS
        self.bag = nn.EmbeddingBag(vocab, dim, mode="sum")
        self.wide = nn.EmbeddingBag(vocab, 1, mode="sum")
        nn.init.zeros_(self.wide.weight)  # the wide part starts at zero, as wide-and-deep code usually does
        self.mlp = nn.Sequential(nn.Linear(dim + 4, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, tokens: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.bag(tokens) / 4, num], 1)) + self.wide(tokens)


def tumbleweed_rolling(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 16,
                       hidden: int = 32) -> dict[str, Any]:
    """The rolling net on 8192 releases, target standardised over them; held out: 2048 other releases in batches
    of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(188106)
    tok, num, y = _tw_rolls(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (tok[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RollNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("rowing_blade_slip_nadam", rowing_blade_slip, 300, "rowing_oarlock_handle_force_blade_slip_cnn1d", "nadam",
      "finite", 64, seconds=1.5, start_lr=0.008),
    W("outrigger_righting_radam", outrigger_righting, 300, "outrigger_vaa_ama_righting_moment_curve_preln_resmlp",
      "radam", "finite", 64, seconds=1.1, start_lr=0.256),
    W("catamaran_spacing_drag_nesterov", catamaran_spacing_drag, 300,
      "catamaran_hull_spacing_wave_interference_resistance_mlp", "sgd_nesterov0.9_wd5e-4", "finite", 64,
      seconds=0.5, start_lr=0.2),
    W("pitchfork_hay_lift_momentum", pitchfork_hay_lift, 300, "pitchfork_forkful_hay_lift_embedding_net",
      "sgd_momentum0.9", "finite", 128, seconds=0.5, start_lr=0.2),
)
LONG = (
    W("houseboat_mooring_sway_rmsprop@long", houseboat_mooring_sway, 3000, "houseboat_slack_mooring_wind_sway_lstm",
      "rmsprop", "finite", 32, seconds=8.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("tumbleweed_rolling_adagrad@long", tumbleweed_rolling, 3000, "tumbleweed_wind_rolling_capture_wide_deep_bag",
      "adagrad", "finite", 32, seconds=5.0, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("outrigger_righting_adamw@long", outrigger_righting, 3000, "outrigger_vaa_ama_righting_moment_curve_preln_resmlp",
      "adamw", "finite", 32, dict(train_size=8192, width=16, blocks=1, adamw=True, scatter=0.015), seconds=4.5,
      start_lr=0.064, grid_fractions=(0.0, 0.05), long_of="outrigger_righting_radam"),
    W("pitchfork_hay_lift_adagrad@long", pitchfork_hay_lift, 3000, "pitchfork_forkful_hay_lift_embedding_net",
      "adagrad", "finite", 32, dict(train_size=8192, hidden=32, adagrad=True), seconds=4.5, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="pitchfork_hay_lift_momentum"),
)

REGISTRY = Registry(EXAM, LONG, "exam188_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-eighth exam's workloads")
