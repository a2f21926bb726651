"""The hundred-and-eighteenth exam: six more workload families that neither the suite nor exams 1-116 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam116_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from whisks and foam aeration, tent pegs and soil pull-out, pencil sharpeners
and blade wear, tape measures and blade buckling, fire hydrants and flow pressure, and parking meters and
occupancy (exam 117 was built at the same time from other domains; its module was not opened). What was checked to
make them new, and what was tried and dropped, is in ``benchmarks/results/exam118/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- frothing milk with a hand whisk while it heats in a pan: a GRU over the session (16 intervals of 15 s: the stroke
  rate and the milk's temperature of each, with the fat, the protein and the whisk's wire count) to the foam's
  overrun and the drained fraction of its liquid after every interval; air taken in at a rate rising with the
  whisk's power (wires x stroke rate^2) towards a ceiling set by the proteins' foamability (rising with temperature
  to ~60 C, falling as the whey denatures past 70 C), bubbles collapsing faster with fat (worst where it is liquid,
  25-40 C), drainage faster as the milk's viscosity falls; 3% scatter; MSE of the standardised outputs; Adam
  (torch's defaults)
- tent-peg pull-out in soil: embeddings of the peg type (round skewer, V, Y, nail, screw, wooden stake), the soil
  (dry sand, wet sand, loam, soft clay, stiff clay, gravel, peat) and how it went in (hammered or pushed), with the
  depth, the peg's tilt, the guy line's angle and the soil's moisture, into a SiLU MLP to the log pull-out
  capacity and the log displacement at peak; capacity from shaft friction (K0 sigma_v tan delta on the embedded
  perimeter) and a lateral passive / undrained bearing term (Broms-like, from memory), combined over the guy
  line's angle, a helix breakout term for screw pegs; 4% scatter; MSE; AdamW (torch's defaults, weight decay 0.01)
- pencil-sharpener blade wear: a 1-D CNN with BatchNorm over the torque trace of one sharpening (64 samples, the
  torque and the crank speed) to the blade's log edge radius; the trace from the wood's and lead's cutting
  force, chip-formation spikes once per turn that blunt as the edge wears, stick-slip chatter growing with wear,
  the crank speed varying by hand; MSE of the standardised log radius; SGD with Nesterov momentum 0.9 and weight
  decay 5e-4 (the usual CNN recipe)
- parking-meter occupancy: a small Pre-LN transformer over a block face's twelve hours (8:00-20:00) of meter
  payments (paid sessions per space, the hourly price, the hour) with an embedding of the block's land use
  (office, retail, restaurant, residential, mixed) to the occupancy rate of every hour (what in-ground sensors
  measure); demand curves per land use with a lunch and an evening peak, price elasticity, occupancy saturating
  at the capacity, payment compliance and placard use varying by block; MSE; AdamW (torch's defaults)
- tape-measure blade standout (a long plan only): a grey-box net, a physics prior with learnable constants for
  the standout of a cupped steel blade (the root moment of the blade's own weight and its hook against the
  flattening (snap-through) moment of the curved cross-section, c E t^2 b^2 / R from memory, with the elevation
  angle) plus a small MLP correction, to the log standout and the log tip sag at half standout; RAdam (torch's
  defaults)
- fire-hydrant flow test (a long plan only, NFPA 291 style): a residual net with LayerNorm from the main's
  diameter, its length to the source, the Hazen-Williams C, the static pressure, the elevation, the outlet (2.5 in
  or 4.5 in), the outlets open and the other demand to the log test flow, the residual pressure and the log
  available flow at 20 psi (Q_20 = Q_f ((P_s - 20) / (P_s - P_r))^0.54); the test flow solved by bisection from the
  outlet's orifice law against the Hazen-Williams loss; Adam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tape-measure and
hydrant nets (no short plans), the tent-peg net on 8192 pulls instead of 4096 (32 units a layer instead of 64)
and the sharpener CNN on 8192 traces instead of 4096 (two conv blocks of 8 and 16 channels instead of three of 16,
32 and 32), each with its own batch size.

Of the eight plans, three use AdamW (both tent-peg plans, parking), two SGD with Nesterov momentum (both
sharpener plans), two Adam (whisk, hydrant) and one RAdam (tape measure).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam118_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam118/README.md).

    python benchmarks/exam118_workloads.py          # the table
    python benchmarks/exam118_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 118"


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
    """Targets standardised per last-axis column with the mean and sd of the first ``n`` rows (the training pool)."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. frothing milk with a hand whisk (GRU, Adam)

WH_STEPS = 16


def _wh_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Frothing milk in a pan with a hand (balloon) whisk while it heats: fat 0.1-3.8% (skim to whole), protein
    3.0-3.8%, a start at 5-20 C heated at 0-4 C a 15 s interval (to at most 75 C), a whisk of 6-12 wires, 16
    intervals of 15 s with a stroke rate of 1-6 strokes/s (a random walk: the cook speeds up and rests). Power per
    interval ~ wires x rate^2. The foam volume per volume of milk (overrun) grows towards a ceiling set by the
    proteins' foamability (rising with protein and with temperature to ~60 C, falling past 70 C as the whey
    denatures) at a rate rising with the power; bubbles collapse at a rate rising with the fat (liquid fat spreads
    on the films: worst at 25-40 C, solid fat below ~20 C mild) and with the temperature (thinner lamellae); the
    liquid held in the foam drains as its viscosity falls with temperature (the drained fraction). 3% scatter.
    Returns (inputs (n, 16, 5): the stroke rate, the milk's temperature during the interval, fat, protein and wires;
    outputs (n, 16, 2): overrun and the drained fraction of the foam's liquid)."""
    fat = 0.001 + 0.037 * torch.rand(n, generator=gen)
    prot = 0.030 + 0.008 * torch.rand(n, generator=gen)
    temp0 = 5 + 15 * torch.rand(n, generator=gen)
    heat = 4 * torch.rand(n, generator=gen)
    wires = torch.randint(6, 13, (n,), generator=gen).float()
    steps = torch.randn(n, WH_STEPS, generator=gen) * 0.6
    rate = (3.0 + 1.2 * torch.randn(n, 1, generator=gen) + steps.cumsum(1)).clamp(1.0, 6.0)
    temp = (temp0.view(-1, 1) + heat.view(-1, 1) * torch.arange(1, WH_STEPS + 1).float().view(1, -1)).clamp(max=75)
    a = torch.zeros(n)
    drained = torch.zeros(n)
    outs = []
    for k in range(WH_STEPS):
        t = temp[:, k]
        p = wires / 9 * (rate[:, k] / 3) ** 2
        foamable = (prot / 0.034) * (0.8 + 0.8 * torch.sigmoid((t - 40) / 8)) * (1 - 0.5 * torch.sigmoid((t - 70) / 3))
        spread = torch.exp(-((t - 32) / 10) ** 2) + 0.25
        collapse = 0.05 + 6 * fat * spread + 0.002 * t
        a = a + (1 - torch.exp(-0.3 * p)) * (2.5 * foamable - a) - collapse * a * 0.5
        a = a.clamp_min(0)
        visc = torch.exp(-0.025 * (t - 20))
        drained = drained + (1 - drained) * 0.08 / visc * (1 + 5 * fat) / (1 + 0.3 * p)
        outs.append(torch.stack([a, drained], 1))
    y = torch.stack(outs, 1) * torch.exp(0.03 * torch.randn(n, WH_STEPS, 2, generator=gen))
    x = torch.stack([(rate - 3.5) / 1.4, (temp - 40) / 20, ((fat - 0.0195) / 0.0107).view(-1, 1).expand(n, WH_STEPS),
                     ((prot - 0.034) / 0.0023).view(-1, 1).expand(n, WH_STEPS),
                     ((wires - 9) / 2.0).view(-1, 1).expand(n, WH_STEPS)], 2)
    return x, y


class WhiskGRU(nn.Module):
    """A GRU over the whisking intervals and a linear head to the overrun and drained fraction after each interval."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)


def whip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised overrun and drained fraction over all intervals."""
    return _mse(model, batch)


def whisk_milk_froth(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The frothing GRU on 2048 sessions, targets standardised over them; held out: 4096 other sessions in batches
    of 1024; Adam."""
    gen = torch.Generator().manual_seed(118101)
    x, y = _wh_sessions(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WhiskGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": whip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. tent-peg pull-out (categorical embeddings, AdamW)

TP_PEGS, TP_SOILS = 6, 7


def _tp_pulls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pull-out tests of tent pegs on a guy line. Pegs (round skewer, V, Y, nail, screw, wooden stake): width 5, 18,
    22, 8, 12, 30 mm, perimeter factor, friction ratio tan(delta) / tan(phi) 0.5, 0.8, 0.85, 0.6, 0.9, 0.95, and a
    helix (screw only). Soils (dry sand, wet sand, loam, soft clay, stiff clay, gravel, peat): unit weight, phi,
    undrained strength cu, moisture sensitivity. Depth 0.10-0.30 m, tilt -20 to +40 degrees (positive: the head
    leans away from the load), the guy line's elevation 10-60 degrees, moisture 0-1, hammered or pushed
    (hammering loosens sand beside the shaft, densifies clay a little). Axial: shaft friction K0 sigma_v tan delta
    on perimeter x depth^2 / 2 plus adhesion alpha cu; lateral: 3 Kp gamma B L^2 / 2 (sand) or 9 cu B (L - 1.5 B)
    (clay), Broms-like from memory; the two combined over the line's angle to the peg (an ellipse), a helix
    breakout term for the screw peg. Displacement at peak: grows with the lateral share and with soft soil. 4%
    scatter. Returns (peg, soil, hammered (n,) ints as (n, 3), continuous (n, 4), log capacity and log
    displacement (n, 2))."""
    peg = torch.randint(0, TP_PEGS, (n,), generator=gen)
    soil = torch.randint(0, TP_SOILS, (n,), generator=gen)
    hammer = torch.randint(0, 2, (n,), generator=gen)
    depth = 0.10 + 0.20 * torch.rand(n, generator=gen)
    tilt = -20 + 60 * torch.rand(n, generator=gen)
    line = 10 + 50 * torch.rand(n, generator=gen)
    moist = torch.rand(n, generator=gen)
    width = torch.tensor([0.005, 0.018, 0.022, 0.008, 0.012, 0.030])[peg]
    perim = torch.tensor([3.14, 2.6, 2.9, 3.14, 4.5, 3.6])[peg] * width
    fric = torch.tensor([0.5, 0.8, 0.85, 0.6, 0.9, 0.95])[peg]
    helix = (peg == 4).float()
    gamma = torch.tensor([16.0, 19.0, 18.0, 17.0, 19.5, 20.0, 11.0])[soil] * 1000
    phi = torch.deg2rad(torch.tensor([32.0, 34.0, 28.0, 0.0, 0.0, 38.0, 22.0])[soil])
    cu = torch.tensor([0.0, 3.0, 12.0, 20.0, 60.0, 0.0, 8.0])[soil] * 1000
    sens = torch.tensor([0.1, -0.3, 0.5, 0.9, 0.6, 0.0, 0.4])[soil]
    cu = cu * (1 - 0.5 * sens.clamp_min(0) * moist)
    phi = phi * (1 - 0.15 * sens.clamp_max(0).abs() * (1 - moist))  # wet sand's suction lost when dry
    hammered = hammer.float()
    loosen = torch.where(cu > 0, 1 + 0.15 * hammered, 1 - 0.25 * hammered)
    k0 = (1 - torch.sin(phi)).clamp_min(0.3)
    l_eff = depth * torch.cos(torch.deg2rad(tilt)).clamp_min(0.5)
    axial = (k0 * gamma * l_eff**2 / 2 * torch.tan(fric * phi) + 0.5 * cu * l_eff) * perim * loosen
    axial = axial + helix * 9 * (cu + 0.5 * gamma * l_eff * torch.tan(phi)) * 0.0016
    kp = (1 + torch.sin(phi)) / (1 - torch.sin(phi))
    lateral = torch.where(cu > 0, 9 * cu * width * (l_eff - 1.5 * width).clamp_min(0.02),
                          1.5 * kp * gamma * width * l_eff**2) * loosen
    lateral = lateral + 3 * kp * gamma * width * l_eff**2 * (cu > 0).float() * 0.2
    ang = torch.deg2rad(90 - line + tilt).clamp(0.0, 1.55)  # the line's angle to the peg's axis
    cap = 1 / torch.sqrt((torch.cos(ang) / axial) ** 2 + (torch.sin(ang) / lateral) ** 2)
    disp = 0.004 + 0.03 * torch.sin(ang) ** 2 * (1 + 20000 / (gamma * l_eff * (1 + torch.tan(phi)) + 2 * cu + 1))
    y = torch.stack([torch.log(cap), torch.log(disp * 1000)], 1) + 0.04 * torch.randn(n, 2, generator=gen)
    cats = torch.stack([peg, soil, hammer], 1)
    cont = torch.stack([(depth - 0.2) / 0.058, (tilt - 10) / 17.3, (line - 35) / 14.4, (moist - 0.5) / 0.29], 1)
    return cats, cont, y


class PegNet(nn.Module):
    """Embeddings of the peg, the soil and the insertion, concatenated with the continuous inputs, into a SiLU MLP
    to the log capacity and log displacement."""

    def __init__(self, hidden: int = 64, emb: int = 4) -> None:
        super().__init__()
        self.peg = nn.Embedding(TP_PEGS, emb)
        self.soil = nn.Embedding(TP_SOILS, emb)
        self.ins = nn.Embedding(2, 2)
        self.net = nn.Sequential(nn.Linear(2 * emb + 2 + 4, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        z = torch.cat([self.peg(cats[:, 0]), self.soil(cats[:, 1]), self.ins(cats[:, 2]), cont], 1)
        return self.net(z)


def pullout_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log capacity and log displacement."""
    return _mse(model, batch)


def tent_peg_pullout(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The peg net on 4096 pulls, targets standardised over them; held out: 4096 other pulls in batches of 1024;
    AdamW (torch's defaults)."""
    gen = torch.Generator().manual_seed(118102)
    cats, cont, y = _tp_pulls(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PegNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": pullout_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. pencil-sharpener blade wear from the torque trace (1-D CNN with BatchNorm, SGD with Nesterov momentum)

PS_LEN = 64


def _ps_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Torque traces of a crank (or hand-held) sharpener's one sharpening, 64 samples: the blade's edge radius
    2-40 um (log-uniform); wood cedar or basswood (cutting force 1 or 1.35), lead HB-ish hardness 0.8-1.2; 3-7
    turns with the crank speed wandering by hand (the torque rises with speed, ~speed^0.3); the mean cutting torque
    ~ wood x (1 + 1.2 r / 40 um) rising as the cone forms (a ramp); one chip-formation spike per turn, its
    sharpness falling with wear (a blunt edge ploughs: wider, lower spikes); stick-slip chatter at 6-9 cycles per
    turn with an amplitude growing as wear^1.5; the lead's contact near the end; 5% sensor noise. Returns (traces
    (n, 2, 64): torque and crank speed, the standardised log edge radius (n, 1))."""
    r = 2 * 20 ** torch.rand(n, generator=gen)
    w = torch.log(r / 2) / math.log(20)  # 0-1
    wood = torch.where(torch.rand(n, generator=gen) < 0.5, 1.0, 1.35)
    lead = 0.8 + 0.4 * torch.rand(n, generator=gen)
    turns = 3 + 4 * torch.rand(n, generator=gen)
    t = torch.linspace(0, 1, PS_LEN).view(1, -1)
    wander = torch.cumsum(0.15 * torch.randn(n, PS_LEN, generator=gen), 1) / math.sqrt(PS_LEN) * 3
    speed = (1 + 0.3 * torch.randn(n, 1, generator=gen)).clamp(0.5, 1.6) * torch.exp(0.3 * wander)
    phase = 2 * math.pi * torch.cumsum(speed, 1) / speed.sum(1, keepdim=True) * turns.view(-1, 1)
    phase = phase + 2 * math.pi * torch.rand(n, 1, generator=gen)
    ramp = 0.5 + 0.5 * torch.clamp(t * 2, max=1)
    base = wood.view(-1, 1) * (1 + 1.2 * r.view(-1, 1) / 40) * ramp * speed**0.3
    sharp = (8 - 6 * w).view(-1, 1)
    spike = (0.6 - 0.3 * w).view(-1, 1) * torch.exp(sharp * (torch.cos(phase) - 1))
    chat = 0.25 * w.view(-1, 1) ** 1.5 * torch.sin(phase * (6 + 3 * torch.rand(n, 1, generator=gen)))
    lead_in = 0.3 * lead.view(-1, 1) * torch.sigmoid((t - 0.8) * 30)
    torque = (base + spike + chat + lead_in) * (1 + 0.05 * torch.randn(n, PS_LEN, generator=gen))
    x = torch.stack([(torque - 1.6) / 0.6, (speed - 1) / 0.35], 1)
    return x, torch.log(r).view(-1, 1)


class SharpenerCNN(nn.Module):
    """Conv1d-BatchNorm-ReLU blocks (three, max-pooling by 2 between; or two, max-pooling by 4), global average
    pooling, a linear head."""

    def __init__(self, width: int = 16, blocks: int = 3) -> None:
        super().__init__()

        def block(cin: int, cout: int, k: int) -> nn.Sequential:
            return nn.Sequential(nn.Conv1d(cin, cout, k, padding=k // 2, bias=False), nn.BatchNorm1d(cout), nn.ReLU())

        if blocks == 3:
            self.features = nn.Sequential(block(2, width, 7), nn.MaxPool1d(2), block(width, 2 * width, 5),
                                          nn.MaxPool1d(2), block(2 * width, 2 * width, 3))
        else:
            self.features = nn.Sequential(block(2, width, 7), nn.MaxPool1d(4), block(width, 2 * width, 5))
        self.head = nn.Linear(2 * width, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x).mean(2))


def wear_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log edge radius."""
    return _mse(model, batch)


def sharpener_wear(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16,
                   blocks: int = 3) -> dict[str, Any]:
    """The wear CNN on 4096 traces, the target standardised over them; held out: 4096 other traces in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(118103)
    x, y = _ps_traces(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SharpenerCNN(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": wear_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. parking-meter occupancy (a small Pre-LN transformer, AdamW)

PM_HOURS, PM_USES = 12, 5


def _pm_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A block face's metered day, 8:00-20:00: land use (office, retail, restaurant, residential, mixed) with a
    demand curve (a morning plateau, a lunch bump, an evening bump; weights per use), a demand scale 0.4-1.6, an
    hourly price $1-4 (a flat rate, or a peak-hour surcharge), price elasticity -0.2 to -0.5, the day of the week
    (weekend: offices empty, restaurants fuller). Occupancy rate = 1 - exp(-demand) (saturating at the capacity),
    turnover = occupancy / mean stay (1-3 h by use); paid sessions per space = turnover x compliance (0.75-0.9: pay
    by phone missed, placards) with Poisson-like noise on 15-40 spaces. Returns (use (n,) ints, per-hour inputs
    (n, 12, 5): paid sessions per space, price, hour sine and cosine, weekend; the occupancy rate (n, 12))."""
    use = torch.randint(0, PM_USES, (n,), generator=gen)
    scale = 0.4 + 1.2 * torch.rand(n, 1, generator=gen)
    weekend = (torch.rand(n, 1, generator=gen) < 2 / 7).float()
    hour = torch.arange(PM_HOURS).float().view(1, -1) + 8.5
    w = torch.tensor([[1.0, 0.4, 0.1], [0.6, 0.6, 0.4], [0.2, 0.7, 1.2], [0.5, 0.1, 0.6], [0.6, 0.5, 0.6]])[use]
    morning = torch.sigmoid((hour - 9) * 2) * torch.sigmoid((17.5 - hour) * 2)
    lunch = torch.exp(-((hour - 12.5) ** 2) / 2)
    evening = torch.exp(-((hour - 19) ** 2) / 3)
    wk = torch.tensor([0.2, 1.2, 1.4, 1.1, 1.0])[use].view(-1, 1)
    curve = w[:, :1] * morning + w[:, 1:2] * lunch + w[:, 2:] * evening
    curve = curve * (1 + weekend * (wk - 1))
    surcharge = (torch.rand(n, 1, generator=gen) < 0.4).float()
    price = 1 + 3 * torch.rand(n, 1, generator=gen) + surcharge * (lunch > 0.3).float()
    elast = 0.2 + 0.3 * torch.rand(n, 1, generator=gen)
    demand = 1.8 * scale * curve * torch.exp(-elast * (price - 2))
    occ = 1 - torch.exp(-demand)
    stay = torch.tensor([3.0, 1.5, 2.0, 2.5, 2.0])[use].view(-1, 1)
    comply = 0.75 + 0.15 * torch.rand(n, 1, generator=gen)
    spaces = torch.randint(15, 41, (n, 1), generator=gen).float()
    rate = occ / stay * comply
    paid = (rate + torch.sqrt(rate / spaces + 1e-4) * torch.randn(n, PM_HOURS, generator=gen)).clamp_min(0)
    ang = 2 * math.pi * hour / 24
    x = torch.stack([(paid - 0.3) / 0.2, (price - 2.7).expand(n, PM_HOURS) / 0.95, torch.sin(ang).expand(n, -1),
                     torch.cos(ang).expand(n, -1), (2 * weekend - 1).expand(n, PM_HOURS)], 2)
    return use, x, occ


class OccupancyTransformer(nn.Module):
    """A Pre-LN transformer encoder over the twelve hours (a learned position embedding, one block, 4 heads), with
    the land use's embedding added to every token, to the hourly occupancy rate."""

    def __init__(self, d: int = 32, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(5, d)
        self.use = nn.Embedding(PM_USES, d)
        self.pos = nn.Parameter(torch.zeros(1, PM_HOURS, d))
        layer = nn.TransformerEncoderLayer(d, 4, 2 * d, dropout=0.0, batch_first=True, norm_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, 1)

    def forward(self, use: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x) + self.use(use).unsqueeze(1) + self.pos
        return self.head(self.norm(self.enc(h))).squeeze(2)


def occupancy_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the hourly occupancy rates, times 10."""
    use, x, y = batch
    return F.mse_loss(model(use, x), y) * 10


def parking_occupancy(batch_size: int = 32, seed: int = 0, train_size: int = 8192, d: int = 32) -> dict[str, Any]:
    """The occupancy transformer on 8192 block-days; held out: 4096 other block-days in batches of 1024; AdamW
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(118104)
    use, x, y = _pm_days(train_size + 4096, gen)
    tr = (use[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OccupancyTransformer(d), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((use[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": occupancy_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. tape-measure blade standout (a grey-box physics net, RAdam; long only)


def _tm_blades(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Standout tests of tape measures: blade width 13-32 mm, steel 0.10-0.16 mm thick, cup radius 8-22 mm (the
    cross-section's curvature), a nylon coating or none (stiffer by ~8% and heavier), the hook's mass 3-12 g, the
    blade's elevation 0-30 degrees, wear (kinks, 0-1). The blade collapses when the root moment of its weight
    q L^2 / 2 cos(theta) and the hook's m g L cos(theta) reaches the flattening moment M_c = c E t^2 b^2 / R (from
    memory, c ~ 0.03; E 200 GPa; a kinked blade lower by up to 30%), solved for L; the sag at L/2 from the
    cantilever deflection (the weight and the hook) with the cupped section's I ~ t b^3 / (24 R / b) (an invented
    form), times an invented factor 1.5 - 0.15 wear. 1% scatter. Returns (features (n, 7), log standout and log sag (n, 2))."""
    b = 0.013 + 0.019 * torch.rand(n, generator=gen)
    t = 0.10e-3 + 0.06e-3 * torch.rand(n, generator=gen)
    R = 0.008 + 0.014 * torch.rand(n, generator=gen)
    coat = (torch.rand(n, generator=gen) < 0.5).float()
    m = 0.003 + 0.009 * torch.rand(n, generator=gen)
    theta = torch.deg2rad(30 * torch.rand(n, generator=gen))
    wear = torch.rand(n, generator=gen)
    E = 200e9
    arc = b * (1 + b**2 / (24 * R**2))
    q = 7850 * 9.81 * arc * t * (1 + 0.15 * coat)
    mc = 0.03 * E * t**2 * b**2 / R * (1 + 0.08 * coat) * (1 - 0.3 * wear**2)
    cq, cm = q * torch.cos(theta) / 2, m * 9.81 * torch.cos(theta)
    L = (-cm + torch.sqrt(cm**2 + 4 * cq * mc)) / (2 * cq)
    inertia = t * b**3 / 12 * (b / R) * 0.5
    sag = (q * (L / 2) ** 4 / (8 * E * inertia) + m * 9.81 * (L / 2) ** 3 / (3 * E * inertia)) * torch.cos(theta)
    sag = sag * (1 + 0.5 * (1 - 0.3 * wear))
    y = torch.stack([torch.log(L), torch.log(sag * 1000)], 1) + 0.01 * torch.randn(n, 2, generator=gen)
    x = torch.stack([(b - 0.0225) / 0.0055, (t - 0.13e-3) / 0.0173e-3, (R - 0.015) / 0.004, 2 * coat - 1,
                     (m - 0.0075) / 0.0026, (theta - 0.26) / 0.151, (wear - 0.5) / 0.29], 1)
    return x, y


class StandoutGreyBox(nn.Module):
    """A physics prior with learnable constants plus a small tanh MLP correction. The prior (on the raw inputs,
    recovered from the standardised ones): log standout = c0 + a_t log t + a_b log b - a_R log R - a_th log cos(theta)
    (the hook ignored), and log sag = s0 + k_L log standout + k_t log t + k_b log b; its exponents and constants are
    learned (starting at round guesses, not the true ones); the MLP adds what the prior misses (the hook, the
    coating, wear, the flattening near collapse)."""

    MEAN = torch.tensor([0.0225, 0.13e-3, 0.015, 0.0, 0.0075, 0.26, 0.5])
    SD = torch.tensor([0.0055, 0.0173e-3, 0.004, 1.0, 0.0026, 0.151, 0.29])

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.expo = nn.Parameter(torch.tensor([0.5, 1.0, 0.5, 0.5]))  # t, b, R, cos(theta) exponents
        self.const = nn.Parameter(torch.zeros(2))
        self.sag = nn.Parameter(torch.tensor([3.0, -1.0, -2.0]))  # on log standout, log t, log b
        self.mlp = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raw = x * self.SD + self.MEAN
        lt, lb, lr = torch.log(raw[:, 1] / 1.3e-4), torch.log(raw[:, 0] / 0.0225), torch.log(raw[:, 2] / 0.015)
        lc = torch.log(torch.cos(raw[:, 5]))
        ls = self.const[0] + self.expo[0] * lt + self.expo[1] * lb - self.expo[2] * lr - self.expo[3] * lc
        lsag = self.const[1] + self.sag[0] * ls + self.sag[1] * lt + self.sag[2] * lb
        return torch.stack([ls, lsag], 1) + self.mlp(x)


def standout_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log standout and log sag."""
    return _mse(model, batch)


def tape_measure_standout(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                          hidden: int = 64) -> dict[str, Any]:
    """The grey-box standout net on 8192 blades, targets standardised over them; held out: 4096 other blades in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(118105)
    x, y = _tm_blades(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StandoutGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": standout_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. fire-hydrant flow test (a residual net with LayerNorm, Adam; long only)


def _fh_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hydrant flow tests (NFPA 291 style, from memory): the main 6-12 in (0.15-0.30 m), its equivalent length to
    the source 50-800 m, Hazen-Williams C 70-140 (old tuberculated cast iron to new PVC), static pressure 50-110
    psi, the flow hydrant 0-15 m above the test hydrant, outlets 2.5 in (c 0.9) or a 4.5 in pumper (c 0.8), one or
    two outlets open, other demand 0-20 L/s on the main. The flow Q through the open outlets: Q = 29.83 c d^2
    sqrt(P_pitot) gpm per outlet with P_pitot the residual pressure at the flowing hydrant less the barrel's loss;
    the residual P_r = P_s - the Hazen-Williams loss 10.67 L (Q + demand)^1.852 / (C^1.852 D^4.87) - elevation;
    solved by bisection. Available flow at 20 psi: Q_20 = Q ((P_s - 20) / (P_s - P_r))^0.54. 2% gauge scatter.
    Returns (features (n, 8), outputs (n, 3): log Q, P_r (psi), log Q_20)."""
    D = 0.15 + 0.15 * torch.rand(n, generator=gen)
    L = 50 * 16 ** torch.rand(n, generator=gen)
    C = 70 + 70 * torch.rand(n, generator=gen)
    ps = 50 + 60 * torch.rand(n, generator=gen)
    elev = 15 * torch.rand(n, generator=gen)
    pumper = (torch.rand(n, generator=gen) < 0.4).float()
    outlets = 1 + (torch.rand(n, generator=gen) < 0.4).float()
    demand = 0.020 * torch.rand(n, generator=gen)
    d_in = torch.where(pumper > 0, 4.5, 2.5)
    c_out = torch.where(pumper > 0, 0.8, 0.9)
    k_out = 29.83 * c_out * d_in**2 * outlets * 6.309e-5  # m3/s per sqrt(psi)
    psi_per_m = 1 / 0.7031  # a psi is 0.7031 m of water

    def residual(q: torch.Tensor) -> torch.Tensor:
        hl = 10.67 * L * (q + demand) ** 1.852 / (C**1.852 * D**4.87)
        return ps - (hl + elev) * psi_per_m

    lo, hi = torch.zeros(n), torch.full((n,), 1.0)
    for _ in range(32):
        mid = 0.5 * (lo + hi)
        pr = residual(mid)
        too_low = k_out * torch.sqrt((pr * 0.9).clamp_min(0)) > mid  # the outlets would pass more: flow rises
        lo, hi = torch.where(too_low, mid, lo), torch.where(too_low, hi, mid)
    q = 0.5 * (lo + hi)
    pr = residual(q).clamp_min(1.0)
    q20 = q * ((ps - 20) / (ps - pr).clamp_min(0.5)) ** 0.54
    e = 0.02 * torch.randn(n, 3, generator=gen)
    y = torch.stack([torch.log(q * 1000) + e[:, 0], pr * (1 + e[:, 1]), torch.log(q20 * 1000) + e[:, 2]], 1)
    x = torch.stack([(D - 0.225) / 0.043, (torch.log(L) - math.log(200)) / 0.8, (C - 105) / 20, (ps - 80) / 17.3,
                     (elev - 7.5) / 4.3, 2 * pumper - 1, 2 * outlets - 3, (demand - 0.010) / 0.0058], 1)
    return x, y


class HydrantResNet(nn.Module):
    """An input layer, residual blocks (LayerNorm, Linear, GELU, Linear) and a LayerNorm'd head."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(8, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.out = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for blk in self.blocks:
            h = h + blk(h)
        return self.out(h)


def hydrant_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log flow, residual pressure and log available flow."""
    return _mse(model, batch)


def hydrant_flow(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 32) -> dict[str, Any]:
    """The hydrant net on 8192 flow tests, targets standardised over them; held out: 4096 other tests in batches of
    1024; Adam."""
    gen = torch.Generator().manual_seed(118106)
    x, y = _fh_tests(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HydrantResNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": hydrant_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("whisk_milk_froth_adam", whisk_milk_froth, 300, "hand_whisk_hot_milk_froth_overrun_drainage_gru", "adam",
      "finite", 32, seconds=1.0, start_lr=0.064),
    W("tent_peg_pullout_adamw", tent_peg_pullout, 300, "tent_peg_soil_pullout_embedding_mlp", "adamw", "finite", 256,
      seconds=0.7, start_lr=0.128),
    W("sharpener_wear_nesterov", sharpener_wear, 300, "pencil_sharpener_blade_wear_torque_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 128, seconds=1.5, start_lr=0.025),
    W("parking_occupancy_adamw", parking_occupancy, 300, "parking_meter_occupancy_preln_transformer", "adamw",
      "finite", 128, seconds=1.5, start_lr=0.032),
)
LONG = (
    W("tape_measure_standout_radam@long", tape_measure_standout, 3000, "tape_measure_standout_buckling_greybox",
      "radam", "finite", 32, seconds=3.0, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("hydrant_flow_adam@long", hydrant_flow, 3000, "fire_hydrant_flow_test_hazen_williams_resnet", "adam", "finite",
      32, seconds=3.2, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("tent_peg_pullout_adamw@long", tent_peg_pullout, 3000, "tent_peg_soil_pullout_embedding_mlp", "adamw",
      "finite", 64, dict(train_size=8192, hidden=32), seconds=2.5, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="tent_peg_pullout_adamw"),
    W("sharpener_wear_nesterov@long", sharpener_wear, 3000, "pencil_sharpener_blade_wear_torque_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 64, dict(train_size=8192, width=8, blocks=2), seconds=4.0, start_lr=0.05,
      grid_fractions=(0.0, 0.05), long_of="sharpener_wear_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam118_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighteenth exam's workloads")
