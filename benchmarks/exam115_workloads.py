"""The hundred-and-fifteenth exam: six more workload families that neither the suite nor exams 1-114 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam114_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from dishwashers and spray-arm cleaning, bicycle pumps and air compression,
cheese graters and shred size, salad spinners and centrifugal drying, leaf blowers and airflow reach, and
wheelbarrows and load balance (exam 116 was built at the same time from other domains; its module was not opened).
What was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam115/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- dishwasher spray-arm cleaning: a 1-D CNN along the 32 rack positions under a rotating spray arm (channels: each
  nozzle's share of the arm's flow, tall items that shadow the positions outside them, the soil at each position
  (starch, protein, fat; one-hot) and how long it dried on, and the cycle's temperature, enzyme detergent, pump
  pressure, arm height and time broadcast) to the log residual soil at each position; jets spreading with the arm's
  height (a Gaussian footprint), the dwell per revolution falling as 1 / r, shadowing by inner tall items, a removal
  rate from the sheeting water plus the impact's excess over a critical one, Arrhenius in temperature, enzymes for
  starch and protein, protein baking on above 60 C, fat melting near 40 C, dried-on soil slower; MSE of the
  standardised log residuals; AdamW (weight decay 1e-2)
- bicycle floor-pump inflation: a GRU over 12 strokes (the stroke's fraction of full travel and its period, with
  the pump's bore, stroke, dead volume, the tyre's volume, its starting pressure and the valve's cracking pressure
  broadcast) to the tyre's gauge pressure after each stroke and the stroke's peak handle force; polytropic
  compression (the exponent rising with stroke speed), the dead volume's re-expansion on the upstroke, the valve
  opening only when the barrel passes the tyre pressure plus the cracking pressure (a hard tyre can stall a small
  pump), mixing by mass balance, a tyre that stretches with pressure, seal friction, a slow leak; MSE of the
  standardised outputs; Adam (torch's defaults)
- cheese grater shred size: entity embeddings of the cheese (eight kinds) and the grater face (coarse, medium,
  fine, rasp, ribbon slicer) with the cheese temperature, the stroke force, length and speed and the block's contact
  width, an MLP over them, to the log shred length, thickness and width, the logit of the fines share and the
  clumping; the cut depth from the force against the cheese's hardness, softening above the cheese's softening
  temperature (wider, thicker, stickier shreds), brittle fracture of the ribbon rising with speed and cold; MSE of
  the standardised outputs; NAdam (torch's defaults)
- salad-spinner drying: a residual net with LayerNorm (two pre-norm blocks) from the leaf (iceberg, romaine,
  spinach, arugula, curly kale; one-hot), the spin speed, the basket radius, the load, the starting water and the
  water temperature to the log residual water (g/g) after 2, 4, 8, 12, 20 and 30 s; the surface film thinning
  under the centrifugal acceleration by the Emslie-Bonner-Peck law (h = h0 / sqrt(1 + 4 rho a h0^2 t / (3 mu L))),
  the viscosity falling with temperature, water held in the leaves' crevices until a Bond number passes 1, a full
  basket packing the leaves (inner layers at a smaller radius, slower drainage); MSE of the standardised logs; SGD
  with Nesterov momentum 0.9
- leaf-blower reach (a long plan only): a grey-box physics net; an MLP from the blower (nozzle diameter, round or
  flat nozzle, air flow), its height and tilt, the wind, the ground's roughness and the leaves (dry oak, wet
  maple, pine needles) to the jet's parameters (decay constant, virtual origin, the wall jet's decay exponent and
  offset, the leaves' threshold speed), and a fixed physics layer from those to the log air speed at the ground at
  8 distances and the log reach (where the speed falls to the threshold); the truth: a round (1 / x) or plane
  (1 / sqrt(x)) free jet from the exit speed Q / A down to the ground, a wall jet after the impingement decaying
  with an exponent rising with tilt and roughness and a ground friction outside the grey box's form, the leaves'
  threshold from their kind and the ground, raised by a head wind; MSE; RAdam (torch's defaults)
- wheelbarrow load balance (a long plan only): a small Pre-LN transformer over the barrow's load (six items:
  position along and across the tray, height, mass, kind (brick, sack, soil); a seventh token for the barrow: its
  handle length, tray mass, wheel radius and the side slope) to the left and right hand's lift forces, the wheel's
  load and the push needed to climb a 5 cm kerb; statics (moments about the axle for the lift, about the wheel-handle
  line on a side slope for the split between the hands, sacks slumping and soil spreading towards the low side)
  and the kerb push W sqrt(s (2R - s)) / (R - s); MSE of the standardised outputs; AdamW (weight decay 1e-2)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the leaf-blower and
wheelbarrow nets (no short plans), the cheese-grater net on 8192 gratings instead of 1024 (32 units instead of 48)
and the salad-spinner net on 8192 spins instead of 4096 (24 units instead of 32), both at batch 64.

Of the eight plans, two use NAdam (both grater plans), two SGD with Nesterov momentum (both spinner plans), two
AdamW (dishwasher, wheelbarrow), one Adam (bicycle pump) and one RAdam (leaf blower). The four long plans use four
different optimisers: NAdam, SGD with Nesterov momentum, RAdam and AdamW.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam115_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam115/README.md).

    python benchmarks/exam115_workloads.py          # the table
    python benchmarks/exam115_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 115"


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


def _standardise(y: torch.Tensor, n: int, dims: tuple[int, ...] = (0,)) -> torch.Tensor:
    """Targets standardised (per output, over ``dims``) with the mean and sd of the first ``n`` rows (the training
    pool)."""
    ref = y[:n]
    return (y - ref.mean(dims, keepdim=True)) / ref.std(dims, keepdim=True)


# --------------------------------------------------------------------------------------------------------------
# 1. dishwasher spray-arm cleaning (AdamW)

DW_POS = 32
DW_CH = 11


def _dw_racks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wash tests of a lower rack under a rotating spray arm, 32 positions at radii 3-25 cm. The arm's nozzles (each
    position a nozzle with probability 0.25, at least one), tall items (plates, probability 0.2) that shadow the two
    positions outside them (the jets angle outwards) by half each, the soil at each position (starch, protein, fat)
    and its drying time 0-24 h; the cycle: water 45-70 C, enzyme detergent or not, pump pressure 0.2-0.6 bar, arm 10-25
    cm below the rack, 20-90 min. The impact at a position: the nozzles' flow times their jet pressure spread by a
    Gaussian footprint (width rising with the arm's distance), shadowed, times the dwell per revolution (1 / r).
    Removal rate: a base from the sheeting water (0.15) plus a soft excess of the impact over a critical 0.4,
    Arrhenius (E/R = 4000 K), enzymes (amylase for starch x2.5, protease for protein x3), protein baking on above
    60 C, fat only mobile above its melting (~40 C, surfactant x1.5 with detergent), dried-on soil slower (1 / (1 +
    age / 6 h)). Residual = exp(-rate t) plus a 1%
    redeposition floor; 5% scatter. Features: each nozzle's share of the flow (times 8), the tall items, the soil
    (one-hot), its age, the cycle's five settings broadcast. Returns (features (n, 11, 32), log residuals (n, 1,
    32))."""
    r = 3 + 22 * (torch.arange(DW_POS).float() + 0.5) / DW_POS
    nozzle = (torch.rand(n, DW_POS, generator=gen) < 0.25).float()
    nozzle[nozzle.sum(1) == 0, DW_POS // 2] = 1.0
    tall = (torch.rand(n, DW_POS, generator=gen) < 0.2).float()
    soil = torch.randint(0, 3, (n, DW_POS), generator=gen)
    age = 24 * torch.rand(n, DW_POS, generator=gen)
    temp = 45 + 25 * torch.rand(n, 1, generator=gen)
    enzyme = (torch.rand(n, 1, generator=gen) < 0.5).float()
    press = 0.2 + 0.4 * torch.rand(n, 1, generator=gen)
    height = 10 + 15 * torch.rand(n, 1, generator=gen)
    minutes = 20 + 70 * torch.rand(n, 1, generator=gen)
    flow = nozzle / nozzle.sum(1, keepdim=True) * 8 * press  # each nozzle's share of the pump's flow times pressure
    offs = torch.arange(-6, 7).float()
    width = 0.5 + 1.5 * (height - 10) / 15  # positions
    kern = torch.exp(-0.5 * (offs.view(1, -1) / width) ** 2)
    kern = kern / kern.sum(1, keepdim=True)
    padded = F.pad(flow, (6, 6))
    impact = torch.stack([(padded[:, j:j + 13] * kern).sum(1) for j in range(DW_POS)], 1)
    shadow = torch.ones(n, DW_POS)
    shadow[:, 1:] *= 1 - 0.5 * tall[:, :-1]
    shadow[:, 2:] *= 1 - 0.5 * tall[:, :-2]
    impact = impact * shadow * 10 / r
    tk = temp + 273.15
    arr = torch.exp(-4000 * (1 / tk - 1 / 333.15))
    k_starch = 0.12 * (1 + 1.5 * enzyme) * arr
    k_protein = 0.08 * (1 + 2.0 * enzyme) * arr * torch.exp(-torch.relu(temp - 60) / 4)
    k_fat = 0.10 * torch.sigmoid((temp - 40) / 3) * (1 + 0.5 * enzyme) * arr
    k = torch.where(soil == 0, k_starch, torch.where(soil == 1, k_protein, k_fat))
    rate = k * (0.15 + 2 * F.softplus(3 * (impact / 0.4 - 1)) / 3) / (1 + age / 6)
    resid = torch.exp(-rate * minutes) + 0.01
    y = torch.log(resid) + 0.05 * torch.randn(n, DW_POS, generator=gen)
    glob = torch.cat([(temp - 57.5) / 7.2, 2 * enzyme - 1, (press - 0.4) / 0.115, (height - 17.5) / 4.3,
                      (minutes - 55) / 20], 1)
    x = torch.cat([(flow / press).unsqueeze(1), tall.unsqueeze(1), F.one_hot(soil, 3).permute(0, 2, 1).float(),
                   ((age - 12) / 7).unsqueeze(1), glob.unsqueeze(2).expand(n, 5, DW_POS)], 1)
    return x, y.unsqueeze(1)


class SprayCNN(nn.Module):
    """A 1-D CNN along the rack: two 5-wide convolutions (the second dilated) with GroupNorm and GELU, a 1x1 head."""

    def __init__(self, width: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(DW_CH, width, 5, padding=2), nn.GroupNorm(4, width), nn.GELU(),
            nn.Conv1d(width, width, 5, padding=4, dilation=2), nn.GroupNorm(4, width), nn.GELU(),
            nn.Conv1d(width, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def residual_soil_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log residual soil at every position."""
    return _mse(model, batch)


def dishwasher_spray(batch_size: int = 32, seed: int = 0, train_size: int = 1536, width: int = 24) -> dict[str, Any]:
    """The spray-arm CNN on 1536 rack wash tests, targets standardised over them; held out: 2048 other tests in
    batches of 1024; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(115101)
    x, y = _dw_racks(train_size + 2048, gen)
    y = _standardise(y, train_size, (0, 1, 2))
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SprayCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2), "adamw_wd1e-2"),
            "loss_fn": residual_soil_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. bicycle floor-pump inflation (Adam)

BP_STROKES = 12
P_ATM = 1.013  # bar


def _bp_inflations(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Inflating a tyre with a floor pump, 12 strokes. The pump: bore 25-40 mm, stroke 35-55 cm, dead volume (with
    the hose) 3-10% of the barrel; the tyre: 0.4-3 L at zero gauge, stretching 4% a bar, starting at 0-1.5 bar gauge;
    the valve cracking at 0.05-0.4 bar. Each stroke: a fraction 0.5-1 of full travel, a period 0.4-1.5 s (fast
    strokes near adiabatic, polytropic n = 1.1 + 0.3 / (1 + period / 0.6)). The upstroke: the dead volume's air
    re-expands, then fresh air at 1 atm fills the barrel. The downstroke: the barrel's air is compressed; if it
    cannot pass the tyre pressure plus the cracking pressure the tyre gains nothing (the stroke's peak is the
    barrel's end pressure); else barrel and tyre mix by mass (the barrel's air delivered warm, 3% more per unit of
    n - 1, cooling before the next reading), less the dead volume left at the tyre's pressure. Peak handle force:
    (peak barrel pressure - 1 atm) times the bore area, plus seal friction 15 N + 20 N / period. A leak of 0.2% a
    second. 0.5% scatter (a good gauge, a load cell). Returns (features (n, 12, 8): travel, period and six pump /
    tyre settings broadcast, outputs (n, 12, 2): tyre gauge pressure (bar), peak force (100 N))."""
    bore = 0.025 + 0.015 * torch.rand(n, generator=gen)
    stroke = 0.35 + 0.20 * torch.rand(n, generator=gen)
    dead_frac = 0.03 + 0.07 * torch.rand(n, generator=gen)
    vt0 = 0.4 + 2.6 * torch.rand(n, generator=gen)  # litres
    p0 = 1.5 * torch.rand(n, generator=gen)
    crack = 0.05 + 0.35 * torch.rand(n, generator=gen)
    travel = 0.5 + 0.5 * torch.rand(n, BP_STROKES, generator=gen)
    period = 0.4 + 1.1 * torch.rand(n, BP_STROKES, generator=gen)
    area = math.pi * bore**2 / 4
    vfull = area * stroke * 1000  # litres
    vd = dead_frac * vfull
    p = p0 + P_ATM  # absolute
    pressures, forces = [], []
    for k in range(BP_STROKES):
        nexp = 1.1 + 0.3 / (1 + period[:, k] / 0.6)
        vb = vfull * travel[:, k]
        vt = vt0 * (1 + 0.04 * (p - P_ATM))
        peak_closed = P_ATM * ((vb + vd) / vd) ** nexp
        opens = peak_closed > p + crack
        warm = 1 + 0.03 * (nexp - 1) / 0.3
        mixed = (p * vt + P_ATM * (vb + vd) * warm - crack * vd) / (vt + vd)
        p_new = torch.where(opens, torch.maximum(mixed, p), p)
        peak = torch.where(opens, p_new + crack, peak_closed)
        p_new = p_new * (1 - 0.002 * period[:, k])
        force = (peak - P_ATM) * 1e5 * area + 15 + 20 / period[:, k]
        p = p_new
        pressures.append(p - P_ATM)
        forces.append(force / 100)
    y = torch.stack([torch.stack(pressures, 1), torch.stack(forces, 1)], 2)
    y = y * torch.exp(0.005 * torch.randn(y.shape, generator=gen))
    stat = torch.stack([(bore - 0.0325) / 0.0043, (stroke - 0.45) / 0.058, (dead_frac - 0.065) / 0.02,
                        (vt0 - 1.7) / 0.75, (p0 - 0.75) / 0.43, (crack - 0.225) / 0.1], 1)
    x = torch.cat([torch.stack([(travel - 0.75) / 0.144, (period - 0.95) / 0.32], 2),
                   stat.unsqueeze(1).expand(n, BP_STROKES, 6)], 2)
    return x, y


class PumpGRU(nn.Module):
    """A GRU over the strokes with a linear read-out of the tyre pressure and the peak force after each."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(8, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h)


def inflation_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised tyre pressures and peak forces over the strokes."""
    return _mse(model, batch)


def bicycle_pump(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The pump GRU on 1024 inflations, targets standardised over them; held out: 2048 other inflations in batches
    of 1024; Adam."""
    gen = torch.Generator().manual_seed(115102)
    x, y = _bp_inflations(train_size + 2048, gen)
    y = _standardise(y, train_size, (0, 1))
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PumpGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": inflation_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cheese grater shred size (NAdam)

# moisture, fat, hardness (N), brittleness, softening temperature (C): mozzarella, mild cheddar, aged cheddar,
# gruyere, parmesan, pecorino, gouda, monterey jack (invented)
CG_CHEESES = torch.tensor([[0.52, 0.22, 8.0, 0.10, 12.0], [0.38, 0.33, 14.0, 0.30, 18.0],
                           [0.34, 0.34, 18.0, 0.60, 22.0], [0.34, 0.32, 20.0, 0.45, 24.0],
                           [0.30, 0.28, 35.0, 0.90, 35.0], [0.33, 0.30, 30.0, 0.80, 32.0],
                           [0.41, 0.31, 15.0, 0.35, 20.0], [0.44, 0.30, 10.0, 0.20, 14.0]])
# hole width (mm), lip height (mm), sharpness: coarse, medium, fine, rasp, ribbon slicer
CG_FACES = torch.tensor([[7.0, 2.0, 1.0], [5.0, 1.4, 1.0], [3.0, 0.8, 1.0], [1.2, 0.3, 1.6], [15.0, 0.6, 1.2]])


def _cg_gratings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Grating tests: a cheese (its moisture, fat, hardness, brittleness and softening temperature hidden behind its
    name), a grater face (hole width, lip height, sharpness hidden behind its name), the cheese at 2-22 C, a stroke
    force 5-35 N, a stroke 8-20 cm at 0.1-0.6 m/s, a block contact width 3-8 cm. The softness
    sigmoid((T - T_soft) / 3 + 2 moisture - 0.8); the cut depth lip (1 - exp(-sharpness F / (w 0.4 H))) (1 + 0.4
    softness) (the force spread over the contact); the shred's width the hole's, bulging 30% when soft; fracture of
    the ribbon per cm brittleness (speed / 0.3)^0.5 (1 + cold (below 8 C) / 10) / depth^0.5, the length the stroke
    over one plus the fractures; fines logit 3 brittleness - 2 + 1.5 (rasp) - 0.8 depth; clumping fat softness
    (1 - brittleness) F / 20. 2% scatter (0.08 on the logit, 0.006 on the clumping: sieved and weighed). Returns
    (cheese ids, face ids, continuous features (n, 5), outputs (n, 5))."""
    cheese = torch.randint(0, 8, (n,), generator=gen)
    face = torch.randint(0, 5, (n,), generator=gen)
    moist, fat, hard, brit, tsoft = CG_CHEESES[cheese].unbind(1)
    hole, lip, sharp = CG_FACES[face].unbind(1)
    temp = 2 + 20 * torch.rand(n, generator=gen)
    force = 5 + 30 * torch.rand(n, generator=gen)
    length = 8 + 12 * torch.rand(n, generator=gen)
    speed = 0.1 + 0.5 * torch.rand(n, generator=gen)
    contact = 3 + 5 * torch.rand(n, generator=gen)
    soft = torch.sigmoid((temp - tsoft) / 3 + 2 * moist - 0.8)
    depth = lip * (1 - torch.exp(-sharp * force / (contact * 0.4 * hard))) * (1 + 0.4 * soft)
    width = hole * (1 + 0.3 * soft) * torch.where(face == 4, 1.0, 0.8)
    cold = torch.relu(8 - temp)
    fract = brit * (speed / 0.3) ** 0.5 * (1 + cold / 10) / depth.clamp_min(0.05) ** 0.5 * (1 - 0.6 * soft)
    shred = length / (1 + 2 * fract)
    fines = 3 * brit - 2 + 1.5 * (face == 3).float() - 0.8 * depth
    clump = fat * soft * (1 - brit) * force / 20
    y = torch.stack([torch.log(shred), torch.log(depth), torch.log(width), fines, clump], 1)
    y = y + torch.tensor([0.02, 0.02, 0.02, 0.08, 0.006]) * torch.randn(n, 5, generator=gen)
    x = torch.stack([(temp - 12) / 5.8, (force - 20) / 8.7, (length - 14) / 3.5, (speed - 0.35) / 0.144,
                     (contact - 5.5) / 1.44], 1)
    return cheese, face, x, y


class ShredNet(nn.Module):
    """Entity embeddings of the cheese (6-d) and the grater face (4-d) concatenated with the five stroke features, a
    two-layer SiLU MLP to the five shred outputs."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.cheese = nn.Embedding(8, 6)
        self.face = nn.Embedding(5, 4)
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 5))

    def forward(self, cheese: torch.Tensor, face: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.cheese(cheese), self.face(face), x], 1))


def shred_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised shred outputs."""
    cheese, face, x, y = batch
    return F.mse_loss(model(cheese, face, x), y)


def cheese_grater(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The shred net on 1024 grating tests, targets standardised over them; held out: 2048 other tests in batches of
    1024; NAdam."""
    gen = torch.Generator().manual_seed(115103)
    c, f, x, y = _cg_gratings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (c[:train_size], f[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShredNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], f[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": shred_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. salad-spinner centrifugal drying (SGD with Nesterov momentum)

# specific area (cm2/g), crevice water (g/g), crevice size (mm), packing stiffness: iceberg, romaine, spinach,
# arugula, curly kale (invented)
SS_LEAVES = torch.tensor([[30.0, 0.02, 3.0, 0.8], [35.0, 0.04, 2.0, 0.6], [45.0, 0.03, 1.5, 0.3],
                          [50.0, 0.06, 1.0, 0.3], [25.0, 0.15, 0.8, 0.9]])
SS_TIMES = (2.0, 4.0, 8.0, 12.0, 20.0, 30.0)


def _ss_spins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Spin tests: a leaf (iceberg, romaine, spinach, arugula, curly kale), 200-900 rpm, basket radius 9-14 cm, load
    50-400 g, starting water 0.3-1.0 g/g, water at 5-25 C. The packed layer's thickness from the load (inner
    leaves at a smaller radius, the acceleration taken at the layer's middle), drainage slowed through the layer
    (time over 1 + load / (100 stiffness) g). The film: the water above the crevices' share over the leaf's area,
    h0 = w / (rho a_s), thinning by Emslie-Bonner-Peck h = h0 / sqrt(1 + 4 rho a h0^2 t / (3 mu L)) with a = omega^2 r,
    a 5 cm leaf and mu = 1.79 mPa s exp(-0.029 T). The crevices: the Bond number rho a l^2 / sigma (sigma 0.072
    N/m); a share 1 / (1 + Bo^2) stays, the rest drains with a 3 s time constant. A 0.005 g/g floor. 1% scatter.
    Returns (features (n, 10), log residual water (n, 6) at 2, 4, 8, 12, 20, 30 s)."""
    leaf = torch.randint(0, 5, (n,), generator=gen)
    a_s, crev, lsize, stiff = SS_LEAVES[leaf].unbind(1)
    rpm = 200 + 700 * torch.rand(n, generator=gen)
    radius = 0.09 + 0.05 * torch.rand(n, generator=gen)
    load = 50 + 350 * torch.rand(n, generator=gen)
    wet = 0.3 + 0.7 * torch.rand(n, generator=gen)
    temp = 5 + 20 * torch.rand(n, generator=gen)
    layer = 0.01 + 0.04 * load / 400 / stiff.clamp_min(0.3) ** 0.5
    r_eff = radius - layer / 2
    omega = 2 * math.pi * rpm / 60
    acc = omega**2 * r_eff
    mu = 1.79e-3 * torch.exp(-0.029 * temp)
    crev_w = torch.minimum(crev, wet)
    film0 = (wet - crev_w).clamp_min(1e-3)
    h0 = film0 / (1000 * a_s * 1e-4 * 1000)  # g/g over (kg/m3 * m2/kg) -> m
    bond = 1000 * acc * (lsize * 1e-3) ** 2 / 0.072
    stay = 1 / (1 + bond**2)
    out = []
    for t in SS_TIMES:
        te = t / (1 + load / (100 * stiff))
        h = h0 / torch.sqrt(1 + 4 * 1000 * acc * h0**2 * te / (3 * mu * 0.05))
        film = h * 1000 * a_s * 1e-4 * 1000
        cw = crev_w * (stay + (1 - stay) * torch.exp(-te / 3))
        out.append(torch.log(film + cw + 0.005))
    y = torch.stack(out, 1) + 0.01 * torch.randn(n, len(SS_TIMES), generator=gen)
    x = torch.cat([F.one_hot(leaf, 5).float(), torch.stack([(rpm - 550) / 202, (radius - 0.115) / 0.0144,
                   (load - 225) / 101, (wet - 0.65) / 0.2, (temp - 15) / 5.8], 1)], 1)
    return x, y


class SpinResNet(nn.Module):
    """A residual net: an input layer, two pre-norm blocks (LayerNorm, Linear, GELU, Linear, added back), a final
    LayerNorm and a linear head to the six log residual waters."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(10, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                  nn.Linear(2 * width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, len(SS_TIMES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def drying_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log residual water at the six times."""
    return _mse(model, batch)


def salad_spinner(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32) -> dict[str, Any]:
    """The spinner net on 4096 spin tests, targets standardised over them; held out: 2048 other tests in batches of
    1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(115104)
    x, y = _ss_spins(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpinResNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": drying_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. leaf-blower reach, a grey-box physics net (RAdam; long only)

LB_DIST = (0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0)
LB_THRESH = (3.5, 6.0, 4.5)  # dry oak, wet maple, pine needles (m/s, invented)


def _lb_physics(phys: torch.Tensor, k: torch.Tensor, x0: torch.Tensor, m: torch.Tensor, a: torch.Tensor,
                log_th: torch.Tensor) -> torch.Tensor:
    """The jet model in logs (shared by the truth and the grey-box net). ``phys``: the log exit speed, the flat-nozzle
    flag, the distance along the jet to the ground, the ground distance of the impingement x_i, the nozzle diameter
    and, for the 8 distances, the log fall-off in front of the impingement (a Gaussian in (x_i - x) / (0.3 h + 0.05),
    at most a factor e^-2.5: the entrained air there).
    A round (1 / s) or plane (1 / sqrt(s)) free jet u_i = u0 min(1, k d / (s + x0))^(1 or 1/2) down to the ground,
    then a wall jet u = u_i ((x_i + a) / (x + a))^m. Returns the log ground speeds at the 8 distances and the log
    reach, where the wall jet falls to the threshold exp(log_th): (x_i + a) (u_i / u_th)^(1 / m) - a (n, 9)."""
    lu0, flat, s_imp, x_imp, d = phys[:, :5].unbind(1)
    before = phys[:, 5:]
    lui = lu0 + (1 - 0.5 * flat) * torch.log(k * d / (s_imp + x0)).clamp_max(0)
    xi, ai, mi = x_imp.unsqueeze(1), a.unsqueeze(1), m.unsqueeze(1)
    xs = torch.tensor(LB_DIST).view(1, -1)
    speeds = lui.unsqueeze(1) + mi * (torch.log(xi + ai) - torch.log(torch.maximum(xs, xi) + ai)) - before
    reach = (x_imp + a) * torch.exp((lui - log_th).clamp_min(0) / m) - a
    return torch.cat([speeds, torch.log(reach).unsqueeze(1)], 1)


def _lb_sweeps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Leaf-blower tests: nozzle diameter 5-9 cm (round, or flat: a slot of the same area), air flow 6-20 m3/min,
    the nozzle 0.2-0.9 m above the ground tilted 8-35 degrees down, wind -3 to 3 m/s along the blowing direction,
    the ground's roughness 0-1 (pavement to long grass), the leaves (dry oak, wet maple, pine needles). The truth's
    jet: decay constant 6.0 (round; 2.4 plane) falling 10% with the exit Reynolds number's log, a virtual origin
    2-4 diameters, the wall jet's exponent 0.6 + 0.5 tilt / 35 deg + 0.4 roughness, its offset 0.3-0.6 m with
    height, and (outside the grey box's form) a ground friction taking 0.1 roughness log(1 + x) more off the log
    speed; the leaves' threshold their own times 1 + 0.5 roughness (the leaves catch in grass) plus 0.8 of a head
    wind (less with a tail wind). 0.5% scatter on the speeds, 1% on the reach. Returns (features (n, 11), physical
    inputs (n, 13) for the jet model, targets (n, 9): log speeds and log reach)."""
    d = 0.05 + 0.04 * torch.rand(n, generator=gen)
    flat = (torch.rand(n, generator=gen) < 0.4).float()
    q = 6 + 14 * torch.rand(n, generator=gen)
    h = 0.2 + 0.7 * torch.rand(n, generator=gen)
    tilt_deg = 8 + 27 * torch.rand(n, generator=gen)
    wind = -3 + 6 * torch.rand(n, generator=gen)
    rough = torch.rand(n, generator=gen)
    leaf = torch.randint(0, 3, (n,), generator=gen)
    tilt = torch.deg2rad(tilt_deg)
    u0 = q / 60 / (math.pi * d**2 / 4)
    re = u0 * d / 1.5e-5
    x_imp = h / torch.tan(tilt)
    xs = torch.tensor(LB_DIST).view(1, -1)
    before = ((((x_imp.view(-1, 1) - xs).clamp_min(0)) / (0.3 * h.view(-1, 1) + 0.05)) ** 2).clamp_max(2.5)
    phys = torch.cat([torch.stack([torch.log(u0), flat, h / torch.sin(tilt), x_imp, d], 1), before], 1)
    k = torch.where(flat > 0.5, 2.4, 6.0) * (1 - 0.1 * torch.log(re / 1e5))
    x0 = d * (2 + 2 * torch.sigmoid((q - 13) / 3))
    m = 0.6 + 0.5 * tilt_deg / 35 + 0.4 * rough
    a = 0.3 + 0.3 * (h - 0.2) / 0.7
    u_th = torch.tensor(LB_THRESH)[leaf] * (1 + 0.5 * rough) - 0.8 * wind
    y = _lb_physics(phys, k, x0, m, a, torch.log(u_th.clamp_min(1.0)))
    y[:, :-1] -= 0.1 * rough.view(-1, 1) * torch.log1p(xs)
    y = y + torch.cat([0.005 * torch.ones(len(LB_DIST)), torch.tensor([0.01])]) * torch.randn(n, 9, generator=gen)
    x = torch.cat([torch.stack([(d - 0.07) / 0.0115, 2 * flat - 1, (q - 13) / 4.0, (h - 0.55) / 0.2,
                                (tilt_deg - 21.5) / 7.8, wind / 1.73, (rough - 0.5) / 0.29], 1),
                   F.one_hot(leaf, 3).float(), torch.log(u0 / 50).unsqueeze(1)], 1)
    return x, phys, y


class BlowerGreyBox(nn.Module):
    """A grey-box net: a tanh MLP from the features to the jet's five parameters (decay constant, virtual origin in
    diameters, wall-jet exponent, wall-jet offset, log threshold speed; each an exponential or a softplus about a
    physical guess), then the fixed jet model to the log ground speeds and the log reach."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 5))

    def forward(self, x: torch.Tensor, phys: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        k = 4.0 * torch.exp(p[:, 0].clamp(-3, 3))
        x0 = phys[:, 4] * 3.0 * torch.exp(p[:, 1].clamp(-3, 3))
        m = 0.2 + F.softplus(p[:, 2] + 0.5)
        a = 0.05 + F.softplus(p[:, 3] - 0.5)
        return _lb_physics(phys, k, x0, m, a, 1.4 + p[:, 4])


def blower_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log ground speeds and the log reach."""
    x, phys, y = batch
    return F.mse_loss(model(x, phys), y)


def leaf_blower(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The grey-box blower net on 8192 blower tests; held out: 2048 other tests in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(115105)
    x, phys, y = _lb_sweeps(train_size + 2048, gen)
    tr = (x[:train_size], phys[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BlowerGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], phys[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": blower_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. wheelbarrow load balance, a small Pre-LN transformer over the load (AdamW; long only)

WB_ITEMS = 6
WB_FEAT = 9


def _wb_loads(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Loaded wheelbarrows: six items (brick stacks, sacks, soil heaps) of 2-25 kg at 0.15-0.85 m behind the axle,
    -0.25-0.25 m across the tray and 0.05-0.35 m up; the barrow: handles 1.2-1.5 m from the axle (hands 0.55 m
    apart), a tray of 12-20 kg at 0.5 m, a wheel of radius 0.15-0.22 m (axle 0.2 m below the tray's floor), a side
    slope of -10 to 10 degrees. Sacks slump 4 cm and soil spreads 8 cm towards the low side. Lift at the handles
    M g x_c / L; the split between the hands from the tipping moment about the wheel-handle line M g (y_c cos
    theta + (z_c + 0.2) sin theta) over the hands' spacing, times the handles' share (1 - x_c / L); the wheel's
    load M g cos theta - lift; the push to climb a 5 cm kerb W sqrt(s (2 R - s)) / (R - s). 0.5% scatter (load
    cells). Returns (tokens (n, 7, 9): six items (x, y, z, mass, kind one-hot, two zeros, the last the barrow flag)
    and the barrow's token (handle length, tray mass, wheel radius, slope in its first four slots, the flag 1),
    outputs (n, 4): left and right lift, wheel load, kerb push, all in 100 N)."""
    g = 9.81
    x = 0.15 + 0.7 * torch.rand(n, WB_ITEMS, generator=gen)
    y = -0.25 + 0.5 * torch.rand(n, WB_ITEMS, generator=gen)
    z = 0.05 + 0.3 * torch.rand(n, WB_ITEMS, generator=gen)
    mass = 2 + 23 * torch.rand(n, WB_ITEMS, generator=gen)
    kind = torch.randint(0, 3, (n, WB_ITEMS), generator=gen)
    handle = 1.2 + 0.3 * torch.rand(n, generator=gen)
    tray = 12 + 8 * torch.rand(n, generator=gen)
    radius = 0.15 + 0.07 * torch.rand(n, generator=gen)
    slope_deg = -10 + 20 * torch.rand(n, generator=gen)
    th = torch.deg2rad(slope_deg).view(-1, 1)
    slump = torch.where(kind == 1, 0.04, torch.where(kind == 2, 0.08, 0.0))
    y_eff = (y - slump * torch.sign(th) * (th.abs() / math.radians(10))).clamp(-0.3, 0.3)
    m_tot = mass.sum(1) + tray
    xc = ((mass * x).sum(1) + tray * 0.5) / m_tot
    yc = (mass * y_eff).sum(1) / m_tot
    zc = ((mass * z).sum(1) + tray * 0.1) / m_tot
    cos, sin = torch.cos(th.squeeze(1)), torch.sin(th.squeeze(1))
    lift = m_tot * g * cos * xc / handle
    tip = m_tot * g * (yc * cos + (zc + 0.2) * sin) / 0.55 * (1 - xc / handle)
    left, right = lift / 2 + tip / 2, lift / 2 - tip / 2
    wheel = m_tot * g * cos - lift
    s = 0.05
    kerb = wheel * torch.sqrt(s * (2 * radius - s)) / (radius - s)
    out = torch.stack([left, right, wheel, kerb], 1) / 100
    out = out * torch.exp(0.005 * torch.randn(n, 4, generator=gen))
    items = torch.cat([torch.stack([(x - 0.5) / 0.2, y / 0.144, (z - 0.2) / 0.087, (mass - 13.5) / 6.6], 2),
                       F.one_hot(kind, 3).float(), torch.zeros(n, WB_ITEMS, 2)], 2)
    barrow = torch.cat([torch.stack([(handle - 1.35) / 0.087, (tray - 16) / 2.3, (radius - 0.185) / 0.02,
                                     slope_deg / 5.8], 1), torch.zeros(n, 4), torch.ones(n, 1)], 1)
    tokens = torch.cat([items, barrow.unsqueeze(1)], 1)
    return tokens, out


class LoadTransformer(nn.Module):
    """A one-block Pre-LN transformer over the load's tokens (no positions: the items are a set): a linear token
    embedding, LayerNorm -> 4-head self-attention (fused qkv, scaled dot product) -> residual, LayerNorm -> GELU
    MLP -> residual (no biases in the attention and the MLP), a final LayerNorm,
    mean pooling and a linear head to the four forces."""

    def __init__(self, dim: int = 32, heads: int = 4) -> None:
        super().__init__()
        self.embed = nn.Linear(WB_FEAT, dim)
        self.heads = heads
        self.norm1 = nn.LayerNorm(dim)
        self.qkv = nn.Linear(dim, 3 * dim, bias=False)
        self.proj = nn.Linear(dim, dim, bias=False)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim, bias=False), nn.GELU(), nn.Linear(2 * dim, dim, bias=False))
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, 4)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        h = self.embed(tokens)
        b, t, dim = h.shape
        q, k, v = self.qkv(self.norm1(h)).view(b, t, 3, self.heads, dim // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, dim)
        h = h + self.proj(a)
        h = h + self.mlp(self.norm2(h))
        return self.head(self.norm(h).mean(1))


def load_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised hand, wheel and kerb forces."""
    return _mse(model, batch)


def wheelbarrow_balance(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 32) -> dict[str, Any]:
    """The load transformer on 8192 loaded barrows, targets standardised over them; held out: 2048 other barrows in
    batches of 1024; AdamW with weight decay 1e-2."""
    gen = torch.Generator().manual_seed(115106)
    x, y = _wb_loads(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LoadTransformer(dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-2), "adamw_wd1e-2"),
            "loss_fn": load_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("dishwasher_spray_adamw", dishwasher_spray, 300, "dishwasher_spray_arm_residual_soil_cnn1d", "adamw_wd1e-2",
      "finite", 32, seconds=0.6, start_lr=0.032),
    W("bicycle_pump_adam", bicycle_pump, 300, "bicycle_floor_pump_inflation_gru", "adam", "finite", 32,
      seconds=0.6, start_lr=0.032),
    W("cheese_grater_nadam", cheese_grater, 300, "cheese_grater_shred_size_embedding_mlp", "nadam", "finite", 32,
      seconds=0.2, start_lr=0.032),
    W("salad_spinner_nesterov", salad_spinner, 300, "salad_spinner_centrifugal_drying_resnet_ln", "sgd_nesterov0.9",
      "finite", 128, seconds=0.3, start_lr=0.05),
)
LONG = (
    W("leaf_blower_radam@long", leaf_blower, 3000, "leaf_blower_jet_reach_greybox", "radam", "finite", 32,
      seconds=3.1, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("wheelbarrow_balance_adamw@long", wheelbarrow_balance, 3000, "wheelbarrow_load_balance_set_transformer",
      "adamw_wd1e-2", "finite", 32, seconds=5.1, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("cheese_grater_nadam@long", cheese_grater, 3000, "cheese_grater_shred_size_embedding_mlp", "nadam", "finite", 64,
      dict(train_size=8192, hidden=32), seconds=2.3, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="cheese_grater_nadam"),
    W("salad_spinner_nesterov@long", salad_spinner, 3000, "salad_spinner_centrifugal_drying_resnet_ln",
      "sgd_nesterov0.9", "finite", 64, dict(train_size=8192, width=24), seconds=2.5, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="salad_spinner_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam115_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifteenth exam's workloads")
