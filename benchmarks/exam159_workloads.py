"""The hundred-and-fifty-ninth exam: six more workload families that neither the suite nor exams 1-158 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam158_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from cold frames and seedling warmth, garden trowels and soil digging,
pegboards and hook loading, nail files and nail smoothing, bin liners and stretch tearing, and screwdrivers and
cam-out (exams 160-162 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam159/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- garden-trowel soil reading: a 1-D CNN classifies a bed's soil (sand, loam, clay x loose, compacted) from the
  force-depth trace of an instrumented trowel pushed 15 cm into it; the trace from a cone-index law (Busscher's
  power form, CI = a theta^b rho_b^c, from memory) on the blade's growing frontal area, soil-blade friction and
  loam's and clay's adhesion on its faces, a plough pan and stones; cross-entropy; SGD with Nesterov momentum 0.9
  and weight decay 5e-4
- nail filing: a GRU over the 16 strokes of a filing session (the file's grit, the stroke's pressure, sawing or
  one-way, with the nail's thickness, hydration and starting roughness) gives the free edge's roughness and its
  delamination after every stroke; roughness relaxes towards a grit-set floor, sawing with coarse grits peels
  the layers of wet thin nails; MSE of the standardised outputs; Adam (torch's defaults)
- pegboard hook loading: a dilated 2-D CNN maps an 8 x 12-hole pegboard's hooks (load and projection at each hole),
  its screws and its thickness to the board's outward deflection at every hole; each hook's moment is a pull-out
  force at its upper peg and a push at its lower one, the board a discrete plate (bending stiffness ~ t^3) held at
  the screws; MSE of the deflection (mm); Adam (torch's defaults)
- screwdriver cam-out: a residual MLP with LayerNorm from the drive (Phillips, Pozidriv, slotted, square, Torx), the
  bit's wear, fit and size, the push force, the driver, the screw and the wood to the log cam-out torque and the
  log torque needed to drive the screw home; cam-out from the wedge of the recess's flank angle with friction
  (T_c = F r (1 + mu tan a) / (tan a - mu)) capped by the recess's stripping torque; AdamW (torch's defaults,
  weight decay 0.01)
- bin-liner stretch tearing (a long plan only): an embedding net (brand, resin grade, production line, colour
  embeddings and the film's gauge, recycled share, temperature, direction, notch length and rate) gives the log
  strain at which a notched strip of liner film starts to tear and the log force then; a tear criterion of
  fracture mechanics (brittle if sqrt(E G / (pi a)) is under the yield stress, else a ductile tear after yielding,
  G the grade's tear energy, anisotropic by the brand's blow-up ratio); MSE of the standardised logs; Adagrad
  (torch's defaults)
- cold-frame seedling growth (a long plan only): a grey-box net: a small rate net (a species embedding, the day's
  maximum and minimum temperature in the frame and its light integral) gives each day's leaf appearance and stem
  extension, summed over the days (thermal-time accumulation) from the tray's start; the data from a beta
  temperature response (Yan and Hunt's form, from memory), a phyllochron per species, stem extension rising with
  DIF (day minus night temperature) and with low light; MSE of the standardised heights and leaf counts; Adagrad
  (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the bin-liner and
cold-frame nets (no short plans), the trowel CNN on 8192 traces instead of 2048 (8 channels instead of 16) and the
screwdriver net on 8192 drivings instead of 2048 (the same net, batch 32 instead of 64).

Of the eight plans, two use SGD with Nesterov momentum (both trowel plans), two Adam (nail file, pegboard), two
AdamW (both screwdriver plans) and two Adagrad (bin liner, cold frame).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam159_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).
The data generators' seeds are 159101 (cold frame), 159102 (trowel), 159103 (pegboard), 159104 (nail file), 159105
(bin liner) and 159106 (screwdriver).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam159/README.md).

    python benchmarks/exam159_workloads.py          # the table
    python benchmarks/exam159_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 159"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs (from every tensor of the batch but the last) against the last."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    dims = tuple(range(y.dim() - 1))
    return (y - y[:n].mean(dims)) / y[:n].std(dims)


# --------------------------------------------------------------------------------------------------------------
# 1. garden-trowel soil reading from the insertion force trace (SGD with Nesterov momentum)

TR_DEPTHS = 32  # force samples over 0-15 cm
TR_CLASSES = 6  # sand, loam, clay x loose, compacted


def _tr_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Instrumented-trowel pushes into garden beds. The soil: texture (sand, loam, clay) and compaction (loose,
    compacted) make the class; the volumetric water content theta (sand 0.05-0.25, loam 0.10-0.35, clay 0.20-0.45);
    the bulk density (sand 1.35, loam 1.15, clay 1.05 g/cm3 plus 0-0.2, plus 0.1-0.3 when compacted). The cone index
    CI = a theta^b rho^c (Busscher's form, from memory; a, b, c per texture invented), rising with depth by
    confinement (10, 5, 1.5% a cm for sand, loam, clay), with a plough pan (85% of compacted beds, 10% of loose ones)
    at 5-13 cm raising it 30-120% over 1.5-3 cm. The blade (width 6-9 cm, its point 4 cm long, 2.5 mm thick, pushed
    at 10-25 degrees off vertical): the tip force CI times the frontal area (growing over the point), the faces' soil
    friction (mu 0.45-0.6, 0.3-0.45, 0.15-0.3 on a lateral stress of 3% of the cone index plus the overburden) and
    adhesion (loam's 1 kPa, clay's 6 kPa at most, peaking near theta 0.3) on the area inserted. 0-3 stones, each a
    spike of 15-60 N over 1-2 samples. 3% multiplicative and 1 N additive noise. Returns (log1p(force / 10 N)
    standardised (n, 1, 32), classes)."""
    tex = torch.randint(0, 3, (n,), generator=gen)
    comp = torch.randint(0, 2, (n,), generator=gen)
    lo = torch.tensor([0.05, 0.10, 0.20])[tex]
    hi = torch.tensor([0.25, 0.35, 0.45])[tex]
    theta = lo + (hi - lo) * torch.rand(n, generator=gen)
    rho = (torch.tensor([1.35, 1.15, 1.05])[tex] + 0.2 * torch.rand(n, generator=gen)
           + comp * (0.1 + 0.2 * torch.rand(n, generator=gen)))
    a = torch.tensor([0.05, 0.02, 0.01])[tex]
    b = torch.tensor([-0.5, -1.2, -1.8])[tex]
    c = torch.tensor([5.0, 5.5, 6.0])[tex]
    ci = a * theta**b * rho**c  # MPa at the surface
    z = torch.linspace(0.25, 15.0, TR_DEPTHS).view(1, -1)  # cm
    pan_on = (torch.rand(n, generator=gen) < 0.1 + 0.75 * comp).float()
    pan_z = 5 + 8 * torch.rand(n, 1, generator=gen)
    pan_w = 1.5 + 1.5 * torch.rand(n, 1, generator=gen)
    pan_k = (0.3 + 0.9 * torch.rand(n, 1, generator=gen)) * pan_on.view(-1, 1)
    grad = torch.tensor([0.10, 0.05, 0.015])[tex].view(-1, 1)  # confinement: sand's resistance climbs with depth
    ci_z = ci.view(-1, 1) * (1 + grad * z) * (1 + pan_k * torch.exp(-0.5 * ((z - pan_z) / pan_w) ** 2))
    width = 6 + 3 * torch.rand(n, 1, generator=gen)
    tilt = torch.deg2rad(10 + 15 * torch.rand(n, 1, generator=gen))
    zz = z / torch.cos(tilt)  # the blade's inserted length
    front = width * (zz / 4).clamp(max=1) * 0.25  # cm2 of edge (2.5 mm thick)
    side = 2 * width * torch.where(zz < 4, zz**2 / 8, zz - 2)  # cm2 on both faces
    mu = torch.tensor([0.45, 0.3, 0.15])[tex].view(-1, 1) + 0.15 * torch.rand(n, 1, generator=gen)
    sigma_v = rho.view(-1, 1) * 9.81 * z / 100  # kPa of overburden at depth z (rho in g/cm3)
    plastic = torch.tensor([0.0, 1.0, 6.0])[tex].view(-1, 1)
    adh = plastic * torch.exp(-((theta.view(-1, 1) - 0.3) / 0.12) ** 2)  # kPa
    # N (1 MPa on 1 cm2 = 100 N, 1 kPa on 1 cm2 = 0.1 N)
    force = ci_z * 100 * front + side * 0.1 * (mu * (30 * ci_z + sigma_v) + adh)
    stones = torch.randint(0, 4, (n,), generator=gen)
    for k in range(3):
        on = (stones > k).float().view(-1, 1)
        at = torch.randint(0, TR_DEPTHS, (n, 1), generator=gen)
        size = 15 + 45 * torch.rand(n, 1, generator=gen)
        idx = torch.arange(TR_DEPTHS).view(1, -1)
        spike = torch.exp(-0.5 * ((idx - at) / 0.7) ** 2)
        force = force + on * size * spike
    force = force * torch.exp(0.03 * torch.randn(force.shape, generator=gen)) + torch.randn(force.shape, generator=gen)
    x = torch.log1p(force.clamp_min(0) / 10)
    x = (x - 3.2) / 1.1
    return x.unsqueeze(1), 2 * tex + comp


class TrowelNet(nn.Module):
    """A 1-D CNN over the force-depth trace: two convolutions (the second strided), flattened (the depth kept), a
    linear head to the six soil classes."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(1, ch, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(ch, 2 * ch, 5, stride=2, padding=2), nn.ReLU())
        self.head = nn.Linear(2 * ch * TR_DEPTHS // 2, TR_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def trowel_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the soil class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def trowel_soil(batch_size: int = 32, seed: int = 0, train_size: int = 2048, ch: int = 16) -> dict[str, Any]:
    """The trowel CNN on 2048 pushes; held out: 2048 other pushes in batches of 1024; SGD with Nesterov momentum 0.9
    and weight decay 5e-4 (the usual small-CNN-classifier recipe)."""
    gen = torch.Generator().manual_seed(159102)
    x, y = _tr_traces(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrowelNet(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": trowel_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. nail filing, stroke by stroke (Adam)

NF_STROKES = 16
NF_GRITS = (100.0, 180.0, 240.0, 400.0)


def _nf_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Filing sessions of 16 strokes on a fingernail's free edge. The nail: thickness 0.3-0.8 mm, hydration 0-1 (dry
    to just out of the bath), the clipped edge's roughness Ra 8-25 um. The session: 2-4 phases, each on one side of
    a file (grit 100, 180, 240 or a 400 buffer, mostly coarse to fine), sawing (back and forth) or one-way, a
    pressure 0.5-3 N drifting stroke to stroke. Each stroke: Ra relaxes towards a floor set by the grit's particle
    size (16000 / grit um) and the pressure, at a rate rising with pressure, particle size and hydration and falling
    with thickness; sawing strokes add delamination (coarse grit, pressure^1.5, a wet and thin nail), the index
    1 - exp(-damage), which roughens the edge (chipped layers). Scatter: 4% on Ra, 0.02 on the index. Returns
    (strokes (n, 16, 6): log grit, pressure, sawing, and the nail's thickness, hydration, log start Ra; outputs
    (n, 16, 2): log Ra and the delamination index)."""
    h = 0.3 + 0.5 * torch.rand(n, generator=gen)
    hyd = torch.rand(n, generator=gen)
    ra0 = 8 + 17 * torch.rand(n, generator=gen)
    phases = torch.randint(2, 5, (n,), generator=gen)
    cuts = torch.sort(torch.rand(n, 3, generator=gen), 1).values * NF_STROKES
    k = torch.arange(NF_STROKES).view(1, -1).float()
    phase = (k >= cuts[:, :1]).long() + (k >= cuts[:, 1:2]).long() + (k >= cuts[:, 2:3]).long()
    phase = torch.minimum(phase, phases.view(-1, 1) - 1)
    start = torch.randint(0, 3, (n, 1), generator=gen)
    steps = torch.randint(0, 2, (n, 4), generator=gen)  # mostly coarse to fine
    steps[:, 0] = 0
    grit_of_phase = (start + torch.cumsum(steps, 1)).clamp(max=3)
    grit_idx = torch.gather(grit_of_phase, 1, phase)
    grit = torch.tensor(NF_GRITS)[grit_idx]
    saw_of_phase = (torch.rand(n, 4, generator=gen) < 0.45).float()
    saw = torch.gather(saw_of_phase, 1, phase)
    p = (0.5 + 2.5 * torch.rand(n, 1, generator=gen)) * torch.exp(
        torch.cumsum(0.08 * torch.randn(n, NF_STROKES, generator=gen), 1))
    p = p.clamp(0.3, 4.0)
    d = 16000 / grit  # um
    ra, dmg = ra0.clone(), torch.zeros(n)
    ras, dels = [], []
    for s in range(NF_STROKES):
        ps, ds = p[:, s], d[:, s]
        floor = 0.11 * ds * (ps / 1.5) ** 0.3
        rate = 0.22 * (ps / 1.5) * (ds / 100) ** 0.5 * (1 + 0.6 * hyd) / (h / 0.5) ** 0.5
        ra = floor + (ra - floor) * torch.exp(-rate)
        dmg = dmg + saw[:, s] * 0.05 * (ds / 100) * (ps / 1.5) ** 1.5 * (0.4 + hyd) ** 2 / (h / 0.5)
        dl = 1 - torch.exp(-dmg)
        ras.append(ra + 12 * dl)
        dels.append(dl)
    ra_obs = torch.stack(ras, 1) * torch.exp(0.04 * torch.randn(n, NF_STROKES, generator=gen))
    del_obs = torch.stack(dels, 1) + 0.02 * torch.randn(n, NF_STROKES, generator=gen)
    y = torch.stack([torch.log(ra_obs), del_obs], 2)
    static = torch.stack([(h - 0.55) / 0.14, (hyd - 0.5) / 0.29, torch.log(ra0) - 2.7], 1)
    x = torch.cat([torch.stack([torch.log(grit / 200) / 0.5, (p - 1.75) / 0.8, 2 * saw - 1], 2),
                   static.unsqueeze(1).expand(n, NF_STROKES, 3)], 2)
    return x, y


class FilingGRU(nn.Module):
    """A GRU over the strokes, a linear read-out of the roughness and delamination after each."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(6, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0])


def filing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log Ra and delamination over all strokes."""
    return _mse(model, batch)


def nail_filing(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The filing GRU on 2048 sessions, outputs standardised over them; held out: 2048 other sessions in batches of
    1024; Adam."""
    gen = torch.Generator().manual_seed(159104)
    x, y = _nf_sessions(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FilingGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": filing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. pegboard hook loading, the board's deflection map (Adam)

PB_ROWS, PB_COLS = 8, 12


def _pb_operators() -> tuple[list[torch.Tensor], list[list[tuple[int, int]]]]:
    """Inverse stiffness matrices of the board (unit bending stiffness) for six screw patterns: a discrete plate
    energy D |L w|^2 (L the grid Laplacian with free edges) plus stiff springs at the screws (with spacers)."""
    r, c = PB_ROWS, PB_COLS
    nn_ = r * c
    lap = torch.zeros(nn_, nn_)
    for i in range(r):
        for j in range(c):
            a = i * c + j
            for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                ii, jj = i + di, j + dj
                if 0 <= ii < r and 0 <= jj < c:
                    lap[a, a] -= 1
                    lap[a, ii * c + jj] += 1
    patterns = []
    corners = [(0, 0), (0, c - 1), (r - 1, 0), (r - 1, c - 1)]
    patterns.append(corners)
    patterns.append(corners + [(0, c // 2), (r - 1, c // 2)])
    patterns.append([(i, j) for i in (0, r // 2, r - 1) for j in (0, c // 2, c - 1)])
    patterns.append([(i, j) for i in range(0, r, 2) for j in (0, c - 1)])  # two furring strips, screwed every 2"
    patterns.append([(i, j) for i in range(0, r, 2) for j in (0, c // 2, c - 1)])  # three strips
    patterns.append(corners + [(r // 2, c // 2)])
    inverses = []
    for pat in patterns:
        k = lap.T @ lap + 1e-4 * torch.eye(nn_)
        for i, j in pat:
            k[i * c + j, i * c + j] += 50.0
        inverses.append(torch.linalg.inv(k))
    return inverses, patterns


def _pb_boards(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pegboards of 8 x 12 holes at 1 inch, hardboard 1/8, 3/16 or 1/4 inch thick (bending stiffness ~ t^3) on one of
    six screw patterns (4 corners; 6; a 3 x 3 grid; two or three furring strips; corners and centre). 3-12 hooks at
    free holes (the lower peg in the hole below), each with a load of 0.2-5 kg on an arm projecting 2-8 inches: the
    moment is a pull-out force at the upper peg's hole and an equal push at the lower one. The board's outward
    deflection (mm) at every hole from the plate; scatter 0.15 mm (a depth gauge on a board that
    rocks on its spacers). Returns (inputs (n, 4, 8, 12): load
    (kg), arm (inches / 8), screws, thickness channel; deflection (n, 1, 8, 12) in mm)."""
    inverses, patterns = _pb_operators()
    r, c = PB_ROWS, PB_COLS
    pat = torch.randint(0, len(patterns), (n,), generator=gen)
    thick = torch.tensor([1 / 8, 3 / 16, 1 / 4])[torch.randint(0, 3, (n,), generator=gen)]
    stiff = (thick / 0.125) ** 3
    load = torch.zeros(n, r, c)
    arm = torch.zeros(n, r, c)
    hooks = torch.randint(3, 13, (n,), generator=gen)
    for k in range(12):
        on = (hooks > k).float()
        i = torch.randint(0, r - 1, (n,), generator=gen)
        j = torch.randint(0, c, (n,), generator=gen)
        kg = (0.2 + 4.8 * torch.rand(n, generator=gen) ** 2) * on
        a = (2 + 6 * torch.rand(n, generator=gen)) * on
        idx = torch.arange(n)
        load[idx, i, j] = torch.maximum(load[idx, i, j], kg)
        arm[idx, i, j] = torch.where(kg >= load[idx, i, j], a, arm[idx, i, j])
    moment = load * 9.81 * arm  # N inch (a 1-inch peg spacing: the pull in N)
    q = moment.clone()
    q[:, 1:, :] -= moment[:, :-1, :]  # the lower peg's push in the hole below
    w = torch.zeros(n, r * c)
    screws = torch.zeros(n, r * c)
    for p_i, (inv, pattern) in enumerate(zip(inverses, patterns)):
        sel = pat == p_i
        if sel.any():
            w[sel] = q[sel].reshape(-1, r * c) @ inv.T
            for i, j in pattern:
                screws[sel, i * c + j] = 1.0
    w = 0.02 * w / stiff.view(-1, 1)
    w = w + 0.15 * torch.randn(w.shape, generator=gen)
    thick_map = ((thick - 3 / 16) * 32).view(-1, 1, 1).expand(n, r, c)
    x = torch.stack([load / 2, arm / 8, screws.view(n, r, c), thick_map], 1)
    return x, w.view(n, 1, r, c)


class PegboardCNN(nn.Module):
    """A dilated 2-D CNN (dilations 1, 2, 4: it sees most of the board) from the board's maps to its deflection."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        cin = 4
        for dil in (1, 2, 4):
            layers += [nn.Conv2d(cin, ch, 3, padding=dil, dilation=dil), nn.GELU()]
            cin = ch
        layers.append(nn.Conv2d(ch, 1, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pegboard_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the deflection (mm) over the holes."""
    return _mse(model, batch)


def pegboard_hooks(batch_size: int = 32, seed: int = 0, train_size: int = 2048, ch: int = 12) -> dict[str, Any]:
    """The pegboard CNN on 2048 boards; held out: 1024 other boards in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(159103)
    x, y = _pb_boards(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PegboardCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": pegboard_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. screwdriver cam-out (AdamW)

SD_DRIVES = 5  # Phillips, Pozidriv, slotted, square (Robertson), Torx
SD_DRIVERS = 3  # hand screwdriver, drill-driver, impact driver


def _sd_drivings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wood screws driven on a torque-measuring rig. The drive (Phillips, Pozidriv, slotted, square, Torx: flank angle
    26.5, 12, 20, 3, 2 degrees, stripping factor 0.9, 1.0, 0.6, 1.3, 1.6); the bit's wear 0-1 (rounded edges: the
    angle +8 degrees, the engagement down 50%), a mismatched bit (a Phillips bit in a Pozidriv screw or the reverse:
    +6 degrees, radius x 0.8) or one size under (radius x 0.75, engagement x 0.6); the push 40-250 N; the driver
    (hand, drill-driver, impact: the impacts worth 1.6x the push); the screw 3-6 mm x 20-80 mm; the wood 350-750
    kg/m3; a pilot hole; waxed threads. Cam-out: the wedge T = F r (1 + mu tan a) / (tan a - mu), mu 0.15, r = 0.45 d
    (never where tan a <= mu), capped by the stripping torque 2.5 N m (d / 4)^2.5 x factor x engagement. The torque
    to drive home: 1.2 N m (rho / 500)^1.3 (d / 4)^2 (L / 40)^0.9, less 35% with a pilot and 25% waxed, plus the
    head's seating. 2% scatter on each. Returns (features (n, 17), log torques (n, 2))."""
    drive = torch.randint(0, SD_DRIVES, (n,), generator=gen)
    angle = torch.tensor([26.5, 12.0, 20.0, 3.0, 2.0])[drive]
    strip = torch.tensor([0.9, 1.0, 0.6, 1.3, 1.6])[drive]
    wear = torch.rand(n, generator=gen) ** 1.5
    cross = (drive < 2).float()
    mismatch = (torch.rand(n, generator=gen) < 0.2).float() * cross
    under = (torch.rand(n, generator=gen) < 0.15).float()
    push = 40 + 210 * torch.rand(n, generator=gen)
    driver = torch.randint(0, SD_DRIVERS, (n,), generator=gen)
    d = 3 + 3 * torch.rand(n, generator=gen)
    length = 20 + 60 * torch.rand(n, generator=gen)
    rho = 350 + 400 * torch.rand(n, generator=gen)
    pilot = (torch.rand(n, generator=gen) < 0.4).float()
    wax = (torch.rand(n, generator=gen) < 0.25).float()
    a = torch.deg2rad(angle + 8 * wear + 6 * mismatch)
    r = 0.45 * d * 1e-3 * (1 - 0.2 * mismatch) * (1 - 0.25 * under)
    mu = 0.15
    f = push * torch.tensor([1.0, 1.0, 1.6])[driver]
    ta = torch.tan(a)
    wedge = torch.where(ta > mu + 0.01, f * r * (1 + mu * ta) / (ta - mu).clamp_min(0.01), torch.full((n,), 1e3))
    engage = (1 - 0.5 * wear) * (1 - 0.4 * under) * (1 - 0.3 * mismatch)
    t_strip = 2.5 * (d / 4) ** 2.5 * strip * engage
    t_cam = torch.minimum(wedge, t_strip)
    t_req = (1.2 * (rho / 500) ** 1.3 * (d / 4) ** 2 * (length / 40) ** 0.9 * (1 - 0.35 * pilot) * (1 - 0.25 * wax)
             + 0.3 * (d / 4) ** 3 * (rho / 500))
    y = torch.stack([torch.log(t_cam), torch.log(t_req)], 1) + 0.02 * torch.randn(n, 2, generator=gen)
    x = torch.cat([torch.stack([(wear - 0.4) / 0.3, 2 * mismatch - 1, 2 * under - 1, (push - 145) / 60,
                                (d - 4.5) / 0.87, (length - 50) / 17, (rho - 550) / 115, 2 * pilot - 1,
                                2 * wax - 1], 1),
                   F.one_hot(drive, SD_DRIVES).float(), F.one_hot(driver, SD_DRIVERS).float()], 1)
    return x, y


class CamOutNet(nn.Module):
    """A residual MLP: a linear stem, two pre-norm blocks (LayerNorm, Linear, GELU, Linear), a final LayerNorm and a
    linear head to the two log torques."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(17, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def camout_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log cam-out and driving torques."""
    return _mse(model, batch)


def screwdriver_camout(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 64,
                       blocks: int = 2) -> dict[str, Any]:
    """The cam-out net on 2048 drivings, targets standardised over them; held out: 2048 other drivings in batches of
    1024; AdamW (torch's defaults, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(159106)
    x, y = _sd_drivings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CamOutNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": camout_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. bin-liner stretch tearing, an embedding net (Adagrad; long only)

BL_BRANDS, BL_GRADES, BL_LINES, BL_COLOURS = 40, 8, 12, 4


def _bl_strips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Notched-strip stretch tests of bin-liner film (25 mm strips, a razor notch of 1-20 mm). Brands (40, drawn
    first): a quality factor (lognormal, sd 0.25) on the tear energy and a blow-up ratio 1.5-3.5 that balances the
    machine (MD) and transverse (TD) directions. Grades (LDPE, LLDPE butene, hexene, octene, metallocene LLDPE, HDPE,
    recycled LDPE blend, LDPE / LLDPE blend): tear energy 30, 45, 70, 80, 100, 25, 20, 50 kJ/m2, yield stress 9, 10,
    11, 11, 10, 22, 8, 10 MPa, modulus 200, 250, 220, 210, 180, 900, 220, 220 MPa, MD / TD anisotropy at a blow-up
    ratio of 1.5 of 0.5, 0.7, 0.8, 0.8, 0.85, 0.2, 0.5, 0.6 (towards 1 as the ratio rises). Lines (12): a gauge
    variation 5-20% that weakens the film at its thin spots. Colours (black recycled, grey, white, clear): filler
    and recycled share. Gauge 10-50 um, recycled share 0-80% (most in black), temperature -5 to 35 C, the direction,
    rate 10-1000 mm/min. Brittle when sqrt(E G / (pi a)) < the yield stress (the tear at that stress), else ductile:
    the strain at the tear eps_y + 0.6 G / (sigma_y a) (capped at 6), its force sigma x gauge x 25 mm. 8% scatter.
    Returns (categories (n, 4), numbers (n, 6), log strain and log force (n, 2))."""
    bq = torch.exp(0.25 * torch.randn(BL_BRANDS, generator=gen))
    bur = 1.5 + 2.0 * torch.rand(BL_BRANDS, generator=gen)
    line_cv = 0.05 + 0.15 * torch.rand(BL_LINES, generator=gen)
    brand = torch.randint(0, BL_BRANDS, (n,), generator=gen)
    grade = torch.randint(0, BL_GRADES, (n,), generator=gen)
    line = torch.randint(0, BL_LINES, (n,), generator=gen)
    colour = torch.randint(0, BL_COLOURS, (n,), generator=gen)
    g_tear = torch.tensor([30.0, 45, 70, 80, 100, 25, 20, 50])[grade] * 1e3  # J/m2
    sy = torch.tensor([9.0, 10, 11, 11, 10, 22, 8, 10])[grade] * 1e6
    e_mod = torch.tensor([200.0, 250, 220, 210, 180, 900, 220, 220])[grade] * 1e6
    aniso0 = torch.tensor([0.5, 0.7, 0.8, 0.8, 0.85, 0.2, 0.5, 0.6])[grade]
    gauge = 10 + 40 * torch.rand(n, generator=gen)
    rec_max = torch.tensor([0.8, 0.5, 0.2, 0.1])[colour]
    rec = rec_max * torch.rand(n, generator=gen)
    temp = -5 + 40 * torch.rand(n, generator=gen)
    md = (torch.rand(n, generator=gen) < 0.5).float()
    notch = 10 ** (torch.rand(n, generator=gen) * math.log10(20))  # mm
    rate = 10 ** (1 + 2 * torch.rand(n, generator=gen))
    aniso = aniso0 + (1 - aniso0) * (bur[brand] - 1.5) / 2.5 * 0.7
    g_eff = (g_tear * bq[brand] * (1 - 0.5 * rec) * (1 - 1.5 * line_cv[line])
             * torch.where(md > 0, aniso, 1 / aniso.sqrt()))
    g_eff = g_eff * torch.exp(0.012 * (temp - 20)) * (1 - 0.1 * torch.tensor([1.0, 0.5, 0.3, 0.0])[colour])
    sy_eff = sy * (1 - 0.008 * (temp - 20)) * (rate / 100) ** 0.05
    a = notch * 1e-3
    sc = (e_mod * g_eff / (math.pi * a)).sqrt()
    brittle = sc < sy_eff
    eps_y = sy_eff / e_mod
    strain = torch.where(brittle, sc / e_mod, (eps_y + 0.6 * g_eff / (sy_eff * a)).clamp(max=6.0))
    stress = torch.where(brittle, sc, sy_eff * (1 + 0.15 * torch.log1p(strain)))
    force = stress * gauge * 1e-6 * 0.025 * (1 - 0.3 * torch.tanh(strain / 3))  # thinning as it draws
    y = torch.stack([torch.log(strain), torch.log(force)], 1) + 0.08 * torch.randn(n, 2, generator=gen)
    cats = torch.stack([brand, grade, line, colour], 1)
    nums = torch.stack([(gauge - 30) / 11.5, (rec - 0.2) / 0.2, (temp - 15) / 11.5, 2 * md - 1,
                        (torch.log10(notch) - 0.65) / 0.37, torch.log10(rate) - 2], 1)
    return cats, nums, y


class LinerNet(nn.Module):
    """Embeddings of the brand (4), grade (4), line (3) and colour (2) with the six numbers, a ReLU MLP to the two
    standardised logs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.brand = nn.Embedding(BL_BRANDS, 4)
        self.grade = nn.Embedding(BL_GRADES, 4)
        self.line = nn.Embedding(BL_LINES, 3)
        self.colour = nn.Embedding(BL_COLOURS, 2)
        self.mlp = nn.Sequential(nn.Linear(19, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cats: torch.Tensor, nums: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.brand(cats[:, 0]), self.grade(cats[:, 1]), self.line(cats[:, 2]), self.colour(cats[:, 3]),
                       nums], 1)
        return self.mlp(h)


def liner_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log tear strain and log tear force."""
    return _mse(model, batch)


def bin_liner_tearing(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The liner net on 8192 strip tests, targets standardised over them; held out: 2048 other tests in batches of
    1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(159105)
    cats, nums, y = _bl_strips(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], nums[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LinerNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], nums[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": liner_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. cold-frame seedling growth, a grey-box net (Adagrad; long only)

CF_DAYS = 28
CF_SPECIES = 6  # tomato, pepper, brassica, lettuce, leek, sweet pea
CF_OUT_DAYS = (3, 7, 11, 15, 19, 23, 27)  # 0-based days of the counts (days 4, 8, ..., 28)


def _cf_trays(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Trays of seedlings grown on for 28 days in a cold frame, from emergence (height 1-3 cm). The frame's daily
    maximum and minimum (a max-min thermometer) and its daily light integral: a spring outside (mean 4-14 C, a random
    walk), the frame's solar gain by day on sunny days (less when the user vents), 1-3 C kept at night; DLI 3-25
    mol/m2/d. Species (tomato, pepper, brassica, lettuce, leek, sweet pea): base, optimum and maximum temperatures
    (10/26/35, 12/28/36, 4/20/30, 3/20/29, 5/22/32, 4/18/28 C), phyllochron (45, 55, 60, 50, 90, 40 C d), stem per
    leaf (1.2, 0.9, 0.7, 0.3, 1.0, 2.0 cm), DIF sensitivity (0.06, 0.05, 0.04, 0.03, 0.02, 0.05 per C) and shade
    stretch (0.3, 0.25, 0.2, 0.15, 0.1, 0.3). Daily thermal units: the beta response (Yan and Hunt's form) averaged
    over the day's maximum and minimum, times (T_opt - T_base); leaves = units / phyllochron; the stem's extension =
    stem per leaf x new leaves x (1 + sensitivity x DIF) x (1 + stretch x max(0, 12 / DLI - 1)). Counts on days
    4, 8, ..., 28: mean height (4% scatter) and leaves (0.15 scatter). Returns (species (n,), days (n, 28, 3):
    maximum, minimum, DLI (scaled), start height (n, 1), outputs (n, 14): heights then leaves)."""
    sp = torch.randint(0, CF_SPECIES, (n,), generator=gen)
    tb = torch.tensor([10.0, 12, 4, 3, 5, 4])[sp].view(-1, 1)
    to = torch.tensor([26.0, 28, 20, 20, 22, 18])[sp].view(-1, 1)
    tm = torch.tensor([35.0, 36, 30, 29, 32, 28])[sp].view(-1, 1)
    phyl = torch.tensor([45.0, 55, 60, 50, 90, 40])[sp].view(-1, 1)
    stem = torch.tensor([1.2, 0.9, 0.7, 0.3, 1.0, 2.0])[sp].view(-1, 1)
    dif_k = torch.tensor([0.06, 0.05, 0.04, 0.03, 0.02, 0.05])[sp].view(-1, 1)
    shade = torch.tensor([0.3, 0.25, 0.2, 0.15, 0.1, 0.3])[sp].view(-1, 1)
    mean = 4 + 10 * torch.rand(n, 1, generator=gen) + torch.cumsum(0.8 * torch.randn(n, CF_DAYS, generator=gen), 1)
    amp = 3 + 4 * torch.rand(n, CF_DAYS, generator=gen)
    sun = torch.rand(n, CF_DAYS, generator=gen)
    vent = torch.rand(n, 1, generator=gen)
    tmax = mean + amp + sun * (6 + 14 * (1 - vent))
    tmin = mean - amp + 1 + 2 * torch.rand(n, 1, generator=gen)
    dli = 3 + 22 * sun * (0.7 + 0.3 * torch.rand(n, CF_DAYS, generator=gen))
    h0 = 1 + 2 * torch.rand(n, 1, generator=gen)

    def beta(t: torch.Tensor) -> torch.Tensor:
        t = t.clamp(min=tb + 1e-3, max=tm - 1e-3)
        return ((t - tb) / (to - tb)) * ((tm - t) / (tm - to)) ** ((tm - to) / (to - tb))

    units = 0.5 * (beta(tmax) + beta(tmin)) * (to - tb)
    new_leaves = units / phyl
    ext = stem * new_leaves * (1 + dif_k * (tmax - tmin)).clamp_min(0.2) * (1 + shade * torch.relu(12 / dli - 1))
    leaves = torch.cumsum(new_leaves, 1)
    height = h0 + torch.cumsum(ext, 1)
    at = torch.tensor(CF_OUT_DAYS)
    hh = height[:, at] * torch.exp(0.04 * torch.randn(n, len(at), generator=gen))
    ll = leaves[:, at] + 0.15 * torch.randn(n, len(at), generator=gen)
    days = torch.stack([(tmax - 18) / 8, (tmin - 5) / 5, (dli - 12) / 7], 2)
    return sp, days, (h0 - 2) / 0.58, torch.cat([hh, ll], 1)


class SeedlingGreyBox(nn.Module):
    """A grey-box net: a species embedding and each day's maximum, minimum and light go through a small tanh net to
    the day's new leaves and stem extension (0.3 softplus, so never negative); their running sums from the start height
    are read on the count days and standardised with the training pool's means and sds."""

    def __init__(self, mean: torch.Tensor, sd: torch.Tensor, hidden: int = 16) -> None:
        super().__init__()
        self.species = nn.Embedding(CF_SPECIES, 4)
        self.rate = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, 2))
        self.register_buffer("mean", mean)
        self.register_buffer("sd", sd)
        self.register_buffer("at", torch.tensor(CF_OUT_DAYS))

    def forward(self, sp: torch.Tensor, days: torch.Tensor, h0: torch.Tensor) -> torch.Tensor:
        e = self.species(sp).unsqueeze(1).expand(-1, days.shape[1], -1)
        r = 0.3 * F.softplus(self.rate(torch.cat([e, days], 2)))
        grown = torch.cumsum(r, 1)[:, self.at]  # (n, 7, 2): new leaves, stem
        height = 2 + 0.58 * h0 + grown[:, :, 1]
        out = torch.cat([height, grown[:, :, 0]], 1)
        return (out - self.mean) / self.sd


def seedling_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised heights and leaf counts."""
    return _mse(model, batch)


def cold_frame_seedlings(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                         hidden: int = 16) -> dict[str, Any]:
    """The grey-box net on 4096 trays, counts standardised over them; held out: 2048 other trays in batches of 1024;
    Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(159101)
    sp, days, h0, y = _cf_trays(train_size + 2048, gen)
    mean, sd = y[:train_size].mean(0), y[:train_size].std(0)
    y = (y - mean) / sd
    tr = (sp[:train_size], days[:train_size], h0[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SeedlingGreyBox(mean, sd, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((sp[train_size:], days[train_size:], h0[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": seedling_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("trowel_soil_cnn1d_nesterov", trowel_soil, 300, "garden_trowel_insertion_force_trace_soil_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=0.8, start_lr=0.05),
    W("nail_filing_gru_adam", nail_filing, 300, "nail_file_stroke_roughness_delamination_gru", "adam", "finite", 32,
      seconds=1.0, start_lr=0.128),
    W("pegboard_hooks_cnn2d_adam", pegboard_hooks, 300, "pegboard_hook_moment_deflection_map_dilated_cnn2d", "adam",
      "finite", 32, seconds=1.0, start_lr=0.016),
    W("screwdriver_camout_adamw", screwdriver_camout, 300, "screwdriver_camout_strip_torque_resmlp_ln", "adamw",
      "finite", 64, seconds=0.7, start_lr=0.016),
)
LONG = (
    W("bin_liner_tearing_adagrad@long", bin_liner_tearing, 3000, "bin_liner_notched_stretch_tear_embedding_net",
      "adagrad", "finite", 32, seconds=3.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("cold_frame_seedlings_adagrad@long", cold_frame_seedlings, 3000, "cold_frame_seedling_dif_thermal_time_greybox",
      "adagrad", "finite", 32, seconds=5.0, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("trowel_soil_cnn1d_nesterov@long", trowel_soil, 3000, "garden_trowel_insertion_force_trace_soil_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, dict(train_size=8192, ch=8), seconds=6.0, start_lr=0.05,
      grid_fractions=(0.0, 0.05), long_of="trowel_soil_cnn1d_nesterov"),
    W("screwdriver_camout_adamw@long", screwdriver_camout, 3000, "screwdriver_camout_strip_torque_resmlp_ln", "adamw",
      "finite", 32, dict(train_size=8192), seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="screwdriver_camout_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam159_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fifty-ninth exam's workloads")
