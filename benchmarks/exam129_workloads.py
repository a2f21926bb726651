"""The hundred-and-twenty-ninth exam: six more workload families that neither the suite nor exams 1-128 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam128_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from pizza cutters and wheel drag, oven mitts and heat soak, napkins and fold
absorbency, placemats and slip, matchboxes and strike ignition, and bookmarks and page hold (exam 130 was built at
the same time from other domains; its module was not opened). What was checked to make them new, and what was tried
and dropped, is in ``benchmarks/results/exam129/README.md``. Models, laws and optimiser settings are written from
memory (no source was looked up); where a law is named, its form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- pizza-cutter wheel drag along a cut: a 1-D CNN (GroupNorm) from the profile along a 32-cm cut across a pizza
  (crust thickness with the baked rim at both ends, cheese layer, pepperoni slices) and the cutter and pizza
  (wheel diameter, edge radius, cheese temperature, cutting speed, broadcast as channels) to the horizontal drag
  force at each centimetre; the cutting force from each layer's cutting resistance (the cheese's falling with
  temperature) times a bluntness factor, its horizontal share sqrt(depth / wheel radius), and the molten cheese
  that builds up on the wheel (an exponential memory along the cut, stickier when hot) dragging by friction; 5%
  scatter; MSE of the standardised log force; Adam (torch's defaults)
- oven-mitt heat soak: a GRU from a two-minute handling sequence (5-s steps: holding a hot pan or not, the pan's
  temperature, the grip pressure; the mitt's material, shell thickness and moisture as constant inputs) to the
  hand-side temperature at every step; a two-node (outer, inner half-layer) heat-conduction model with contact
  conductance rising with grip pressure, insulation compressed by the grip, water replacing air in a damp fabric,
  the hand at 34 C and convection to the kitchen air; 0.8 C scatter; MSE of the standardised temperature; Adam
  (torch's defaults)
- placemat slip when a plate is pushed: a residual net with LayerNorm from the mat (vinyl, bamboo slats, cotton,
  silicone, cork; one-hot), the table (varnished wood, glass, laminate, tablecloth; one-hot), the plate's and the
  mat's mass, the push's offset from the mat's centre, a wet film, the rest time and the mat's width to the log
  breakaway push force, the log margin between the mat-table and the plate-mat friction, and the mat's rotation
  after a 3-cm push; Coulomb static friction tables, Dieterich-like ageing with the rest time, elastomer friction
  falling with load, silicone's suction on glass, a friction torque against the push's moment; MSE of the
  standardised outputs; Adamax (torch's defaults)
- matchbox strike outcome: an embedding net (the match type, the box's brand and the strike zone along the
  striker as embeddings, six conditions as numbers) classifies a strike into lit, failed (no light), head crumbled
  and stick snapped; red phosphorus left in the zone (worn by earlier strikes, most in the middle), frictional
  flash heating ~ mu N sqrt(v), a head softened by humidity, a strike-anywhere head carrying its own phosphorus
  sesquisulfide, the stick's bending moment; each margin with scatter; cross-entropy; AdamW (torch's defaults,
  weight decay 1e-2)
- napkin fold absorbency of a spill (a long plan only): a grey-box net (an MLP gives a layer's capacity, the
  sorptivity, the air-gap delay and up to 8 layers' presence of a layer-by-layer sqrt(t) uptake law, softly capped
  at the spill) from the napkin (tissue, airlaid, cotton, linen),
  its basis weight, the number of folds, the liquid (water, red wine, olive oil), the spill's volume and the
  dabbing pressure to the fraction of the spill absorbed after 1-128 s; data from layer-by-layer Washburn uptake
  (sorptivity ~ sqrt(gamma r cos theta / mu)), each folded layer starting after an air-gap delay; 1% scatter; MSE
  (x 16); RAdam (torch's defaults)
- bookmark page hold (a long plan only): a tanh MLP from the bookmark (card, leather, thin metal, loose silk
  ribbon), the book (pages, sewn or perfect binding), the bookmark's place in the book, its thickness and
  insertion depth, the shelf squeeze and the paper's roughness to the log pull-out force and the log acceleration
  that shakes it out of a book held spine up; the two page stacks bending around the bookmark as springs in series
  (stiffest in the middle of the book), friction on both faces, a capstan factor for a ribbon over the head; 5%
  scatter; MSE; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the napkin and
bookmark nets (no short plans), the placemat net on 8192 pushes instead of 4096 (one residual block of 32 units
instead of two of 64) and the matchbox net on 16384 strikes instead of 8192, both at batch 64 like their short
plans (the napkin and bookmark nets at 32).

Of the eight plans, two use Adam (pizza cutter, oven mitt), two Adamax (both placemat plans), two AdamW (both
matchbox plans), one RAdam (napkin) and one NAdam (bookmark).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam129_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam129/README.md).

    python benchmarks/exam129_workloads.py          # the table
    python benchmarks/exam129_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 129"


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


def _smooth(n: int, length: int, gen: torch.Generator, waves: int = 3) -> torch.Tensor:
    """Smooth random profiles (n, length) in about [-1, 1]: a sum of a few sinusoids with random phases."""
    pos = torch.linspace(0, 1, length).view(1, -1)
    out = torch.zeros(n, length)
    for k in range(1, waves + 1):
        amp = torch.rand(n, 1, generator=gen) / k
        phase = 2 * math.pi * torch.rand(n, 1, generator=gen)
        out = out + amp * torch.sin(2 * math.pi * k * pos * (0.5 + torch.rand(n, 1, generator=gen)) + phase)
    return out


# --------------------------------------------------------------------------------------------------------------
# 1. pizza-cutter wheel drag along a cut (1-D CNN, Adam)

PZ_LEN = 32


def _pz_cuts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cuts across a 32-cm pizza with a rolling cutter, one value a centimetre. Crust 3-8 mm (+-1 mm of smooth
    variation) and the baked rim (2-3 cm at each end, 8-15 mm thicker and 2.5x as hard to cut); cheese 0.5-4.5 mm (none
    on the rim); 2-5 pepperoni slices (3-4 cm each). The cutter: wheel diameter 6-10 cm, edge radius 10-80 um; the
    cheese at 30-90 C; the cut at 5-30 cm/s. Cutting force per position: (crust resistance x thickness (x2.5 on the
    rim) + the cheese's (cold cheese is firmer: exp(-(T - 30) / 40)) x thickness + pepperoni) x (1 + edge / 40 um);
    its horizontal share 3 sqrt(depth / R). Molten cheese builds up on the wheel (b_i = 0.75 b_(i-1) + stickiness x
    cheese_i, stickiness a sigmoid in (T - 55 C) / 8) and drags by friction, rising slowly with speed. 5% scatter
    (lognormal). Returns (inputs (n, 7, 32): crust, cheese, pepperoni, then diameter, edge, temperature and speed
    broadcast; the log drag force (n, 1, 32), N)."""
    crust = 5.5 + 2.5 * (2 * torch.rand(n, 1, generator=gen) - 1) + 1.0 * _smooth(n, PZ_LEN, gen)
    pos = torch.arange(PZ_LEN).view(1, -1).float()
    rim_w = 2 + torch.randint(0, 2, (n, 1), generator=gen).float()
    rim = ((pos < rim_w) | (pos >= PZ_LEN - rim_w)).float()
    crust = crust + rim * (8 + 7 * torch.rand(n, 1, generator=gen))
    cheese = (2.5 + 1.5 * _smooth(n, PZ_LEN, gen, 4)).clamp(0.5, 4.5) * (1 - rim)
    pep = torch.zeros(n, PZ_LEN)
    count = torch.randint(2, 6, (n,), generator=gen)
    for k in range(5):
        start = torch.randint(3, PZ_LEN - 7, (n, 1), generator=gen)
        width = torch.randint(3, 5, (n, 1), generator=gen)
        on = ((pos >= start) & (pos < start + width)).float() * (k < count).float().view(-1, 1)
        pep = torch.maximum(pep, on)
    pep = pep * (1 - rim)
    dia = 6 + 4 * torch.rand(n, 1, generator=gen)
    edge = 10 + 70 * torch.rand(n, 1, generator=gen)
    temp = 30 + 60 * torch.rand(n, 1, generator=gen)
    speed = 5 + 25 * torch.rand(n, 1, generator=gen)
    depth = crust + cheese + 2.0 * pep  # mm
    resist = 0.9 * crust * (1 + 1.5 * rim) + 0.6 * torch.exp(-(temp - 30) / 40) * cheese + 1.8 * pep
    cut = resist * (1 + edge / 40)
    horiz = cut * 3 * (depth / 10 / (dia / 2)).sqrt()
    stick = torch.sigmoid((temp - 55) / 8)
    build = torch.zeros(n, 1)
    fric = []
    for i in range(PZ_LEN):
        build = 0.75 * build + stick * cheese[:, i : i + 1]
        fric.append(build)
    drag = horiz + 0.9 * torch.cat(fric, 1) * (speed / 15) ** 0.3
    drag = drag * torch.exp(0.05 * torch.randn(n, PZ_LEN, generator=gen))
    ones = torch.ones(1, PZ_LEN)
    x = torch.stack([(crust - 8) / 4, (cheese - 2) / 1.2, pep, (dia - 8) / 1.15 * ones, (edge - 45) / 20 * ones,
                     (temp - 60) / 17 * ones, (speed - 17.5) / 7.2 * ones], 1)
    return x, torch.log(drag).unsqueeze(1)


class CutDragCNN(nn.Module):
    """A 1-D CNN along the cut: two 5-wide convolutions (the second dilated by 2) with GroupNorm and GELU, and a
    1x1 head to the drag at each position."""

    def __init__(self, width: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(7, width, 5, padding=2), nn.GroupNorm(4, width), nn.GELU(),
            nn.Conv1d(width, width, 5, padding=4, dilation=2), nn.GroupNorm(4, width), nn.GELU(),
            nn.Conv1d(width, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cut_drag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log drag force along the cut."""
    return _mse(model, batch)


def pizza_cutter_drag(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 24) -> dict[str, Any]:
    """The drag CNN on 2048 cuts, the log force standardised over them (one mean and sd); held out: 4096 other cuts in
    batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(129101)
    x, y = _pz_cuts(train_size + 4096, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CutDragCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": cut_drag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. oven-mitt heat soak over a handling sequence (GRU, Adam)

OM_STEPS = 20
OM_MATERIALS = 4  # silicone, quilted cotton, aramid blend, neoprene


def _om_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Handling sessions of 20 steps of 5 s: holds of a hot pan (2-8 steps) and releases (1-5 steps) in turn, the
    pan at 150-250 C, the grip 5-40 kPa per hold. The mitt: silicone, quilted cotton, aramid blend or neoprene
    (conductivity 0.20, 0.05, 0.045, 0.10 W/mK; heat capacity 1.6, 0.5, 0.6, 1.0 MJ/m3K; compressibility 0.05,
    0.5, 0.3, 0.25; contact conductance 1200, 400, 450, 700 W/m2K), 3-10 mm thick, moisture 0-0.6 (water replaces
    air: conductivity x (1 + 8 m) for fabrics, x (1 + 0.5 m) for silicone; capacity x (1 + 2 m)). Two nodes (outer
    and inner half-layers), explicit steps of 0.5 s: contact conductance x (p / 20 kPa)^0.3 while holding,
    convection 10 W/m2K to 25 C air otherwise; the layer's conductance k / (L (1 - c p / (p + 20 kPa))) between
    them; the hand at 34 C through 100 W/m2K. 0.8 C scatter. Returns (inputs (n, 20, 9): holding, pan temperature,
    grip, thickness, moisture, material one-hot; the inner surface's temperature (n, 20, 1) in C)."""
    mat = torch.randint(0, OM_MATERIALS, (n,), generator=gen)
    k = torch.tensor([0.20, 0.05, 0.045, 0.10])[mat]
    rc = torch.tensor([1.6e6, 0.5e6, 0.6e6, 1.0e6])[mat]
    comp = torch.tensor([0.05, 0.5, 0.3, 0.25])[mat]
    hc = torch.tensor([1200.0, 400.0, 450.0, 700.0])[mat]
    thick = (3 + 7 * torch.rand(n, generator=gen)) / 1000
    moist = 0.6 * torch.rand(n, generator=gen) ** 1.5
    k = k * torch.where(mat == 0, 1 + 0.5 * moist, 1 + 8 * moist)
    rc = rc * (1 + 2 * moist)
    hold = torch.zeros(n, OM_STEPS)
    pan = torch.zeros(n, OM_STEPS)
    grip = torch.zeros(n, OM_STEPS)
    t = torch.randint(0, 3, (n,), generator=gen)  # the first hold starts at step 0-2
    for _ in range(6):
        length = torch.randint(2, 9, (n,), generator=gen)
        gap = torch.randint(1, 6, (n,), generator=gen)
        tp = 150 + 100 * torch.rand(n, generator=gen)
        gp = 5 + 35 * torch.rand(n, generator=gen)
        steps = torch.arange(OM_STEPS).view(1, -1)
        on = ((steps >= t.view(-1, 1)) & (steps < (t + length).view(-1, 1))).float()
        hold = torch.maximum(hold, on)
        pan = pan + on * tp.view(-1, 1)
        grip = grip + on * gp.view(-1, 1)
        t = t + length + gap
    t_out = torch.full((n,), 25.0)
    t_in = torch.full((n,), 30.0)
    cap = rc * thick / 2
    out = []
    for s in range(OM_STEPS):
        p = grip[:, s]
        g_layer = k / (thick * (1 - comp * p / (p + 20)))
        h = torch.where(hold[:, s] > 0, hc * (p.clamp_min(1) / 20) ** 0.3, torch.full((n,), 10.0))
        t_src = torch.where(hold[:, s] > 0, pan[:, s], torch.full((n,), 25.0))
        for _ in range(10):
            q_in = h * (t_src - t_out)
            q_mid = g_layer * (t_out - t_in)
            q_hand = 100 * (t_in - 34)
            t_out = t_out + 0.5 * (q_in - q_mid) / cap
            t_in = t_in + 0.5 * (q_mid - q_hand) / cap
        out.append(t_in)
    y = torch.stack(out, 1) + 0.8 * torch.randn(n, OM_STEPS, generator=gen)
    static = torch.stack([(thick * 1000 - 6.5) / 2.0, (moist - 0.2) / 0.17], 1)
    x = torch.cat([torch.stack([hold, pan / 100 * hold, grip / 20 * hold], 2),
                   static.unsqueeze(1).expand(n, OM_STEPS, 2),
                   F.one_hot(mat, OM_MATERIALS).float().unsqueeze(1).expand(n, OM_STEPS, OM_MATERIALS)], 2)
    return x, y.unsqueeze(2)


class HeatSoakGRU(nn.Module):
    """A one-layer GRU over the handling steps and a linear read-out of the hand-side temperature at each."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(9, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0])


def heat_soak_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised hand-side temperature over the session."""
    return _mse(model, batch)


def oven_mitt_heat_soak(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                        hidden: int = 32) -> dict[str, Any]:
    """The heat-soak GRU on 4096 sessions, the temperature standardised over them (one mean and sd); held out: 4096
    other sessions in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(129102)
    x, y = _om_sessions(train_size + 4096, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HeatSoakGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": heat_soak_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. placemat slip when a plate is pushed (residual net with LayerNorm, Adamax)

PM_MATS = 5  # vinyl, bamboo slats, cotton, silicone, cork
PM_TABLES = 4  # varnished wood, glass, laminate, tablecloth


def _pm_pushes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A plate on a placemat pushed sideways by hand. Static friction of the mat on the table (rows: vinyl, bamboo,
    cotton, silicone, cork; columns: wood, glass, laminate, tablecloth) and of a ceramic plate on the mat, invented;
    a wet film (0-1) lubricates vinyl, bamboo and cork on hard tables (x (1 - 0.4 w)), swells cotton's (x (1 + 0.2
    w)) and the cloth's, and adds to silicone's suction on glass (2-6 N, x (1 + 2 w)); Dieterich-like ageing x (1 +
    a log10(t_rest / 1 s)) (a 0.02, silicone 0.05), rest 1 s-1 h; silicone and cork lose friction with load (x
    (N / 10 N)^-0.15). Plate and food 0.3-2.5 kg, mat 0.05-0.4 kg, width 30-45 cm, the push's line 0-12 cm off the
    centre. Breakaway: the smaller of the plate's and the mat's sliding force (a soft minimum); the log margin
    between them; the mat's rotation after a 3-cm push when the mat goes: the push's moment against a friction
    torque over a radius 0.38 x width. 4% scatter on the forces, 0.5 degrees on the rotation. Returns (features
    (n, 15), (log breakaway force, log margin, rotation in degrees) (n, 3))."""
    mat = torch.randint(0, PM_MATS, (n,), generator=gen)
    table = torch.randint(0, PM_TABLES, (n,), generator=gen)
    mu_mt = torch.tensor([[0.45, 0.55, 0.40, 0.60], [0.30, 0.25, 0.28, 0.50], [0.50, 0.35, 0.40, 0.70],
                          [0.90, 1.10, 0.85, 0.80], [0.60, 0.50, 0.55, 0.65]])[mat, table]
    mu_pm = torch.tensor([0.35, 0.25, 0.45, 0.80, 0.50])[mat]
    m_plate = 0.3 + 2.2 * torch.rand(n, generator=gen)
    m_mat = 0.05 + 0.35 * torch.rand(n, generator=gen)
    width = 30 + 15 * torch.rand(n, generator=gen)
    offset = 12 * torch.rand(n, generator=gen)
    wet = torch.rand(n, generator=gen) ** 2
    rest = 10 ** (3.56 * torch.rand(n, generator=gen))
    hard = table < 3
    slick = (mat == 0) | (mat == 1) | (mat == 4)
    mu_mt = mu_mt * torch.where(hard & slick, 1 - 0.4 * wet, torch.ones(n))
    mu_mt = mu_mt * torch.where((mat == 2) | (table == 3), 1 + 0.2 * wet, torch.ones(n))
    age = torch.where(mat == 3, torch.full((n,), 0.05), torch.full((n,), 0.02))
    mu_mt = mu_mt * (1 + age * torch.log10(rest))
    normal = (m_plate + m_mat) * 9.81
    soft = (mat == 3) | (mat == 4)
    mu_mt = mu_mt * torch.where(soft, (normal / 10) ** -0.15, torch.ones(n))
    suction = torch.where((mat == 3) & (table == 1), (2 + 4 * (width - 30) / 15) * (1 + 2 * wet), torch.zeros(n))
    f_mat = mu_mt * normal + suction
    f_plate = mu_pm * m_plate * 9.81 * (1 + 0.02 * torch.log10(rest))
    scatter = torch.exp(0.04 * torch.randn(n, 2, generator=gen))
    f_mat, f_plate = f_mat * scatter[:, 0], f_plate * scatter[:, 1]
    brk = -0.1 * torch.logsumexp(torch.stack([-f_mat, -f_plate], 1) / 0.1, 1)
    margin = torch.log(f_mat / f_plate)
    r_g = 0.38 * width / 100
    torque_cap = (mu_mt * normal + suction) * r_g
    moment = f_mat * offset / 100
    goes = torch.sigmoid(-margin / 0.05)
    rot = goes * 25 * F.softplus((moment / torque_cap - 0.15) / 0.05) * 0.05
    rot = rot + 0.5 * torch.randn(n, generator=gen)
    y = torch.stack([torch.log(brk), margin, rot], 1)
    x = torch.cat([F.one_hot(mat, PM_MATS).float(), F.one_hot(table, PM_TABLES).float(), torch.stack([
        (m_plate - 1.4) / 0.64, (m_mat - 0.225) / 0.1, (width - 37.5) / 4.3, (offset - 6) / 3.5, (wet - 0.33) / 0.3,
        (torch.log10(rest) - 1.78) / 1.03], 1)], 1)
    return x, y


class SlipResNet(nn.Module):
    """A residual net: a linear stem, Pre-LN residual blocks (LayerNorm, Linear, GELU, Linear) and a LayerNorm
    head."""

    def __init__(self, hidden: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(15, hidden)
        self.blocks = nn.ModuleList([nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, hidden), nn.GELU(),
                                                   nn.Linear(hidden, hidden)) for _ in range(blocks)])
        self.head = nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for block in self.blocks:
            h = h + block(h)
        return self.head(h)


def slip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log breakaway force, log margin and rotation."""
    return _mse(model, batch)


def placemat_slip(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64,
                  blocks: int = 2) -> dict[str, Any]:
    """The slip net on 4096 pushes, targets standardised over them; held out: 4096 other pushes in batches of
    1024; Adamax (torch's defaults: betas 0.9, 0.999)."""
    gen = torch.Generator().manual_seed(129103)
    x, y = _pm_pushes(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SlipResNet(hidden, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": slip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. matchbox strike outcome (embedding net, AdamW)

MB_TYPES = 4  # safety, strike-anywhere, storm, long kitchen
MB_BRANDS = 8
MB_ZONES = 8
MB_CLASSES = 4  # lit, failed, head crumbled, stick snapped


def _mb_strikes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Strikes of a match on a box's striker: the match type (safety, strike-anywhere, storm, long kitchen); the
    brand (8, each with its own red-phosphorus loading, glass grit (friction 0.35-0.6) and head strength, drawn
    once); the zone along the striker (8; earlier strikes wear the middle most); speed 0.2-2 m/s, normal force
    2-15 N, angle to the striker 10-60 degrees, humidity 20-95%, earlier strikes on the box 0-50, temperature 0-35
    C. Phosphorus left: loading x exp(-earlier x zone wear / 40); strike-anywhere heads carry their own (phosphorus
    sesquisulfide, +0.8). Flash heating ~ mu N cos(angle) sqrt(v); the head's moisture (RH^2, a quarter for waxed
    storm heads) raises the ignition threshold, warmth lowers it. Lit when log(phosphorus transferred x flash) beats
    the threshold; the head crumbles when N sin-weighted passes its strength (damp heads weaker); the stick snaps
    when the bending moment N sin(angle) x its free length passes the stick's strength (kitchen sticks longer and
    thicker). Each margin with 0.05 scatter (log); snapped before crumbled before failed. Returns (categorical
    (n, 3), numbers (n, 6), classes)."""
    bgen = torch.Generator().manual_seed(129199)
    brand_p = 0.6 + 0.8 * torch.rand(MB_BRANDS, generator=bgen)
    brand_mu = 0.35 + 0.25 * torch.rand(MB_BRANDS, generator=bgen)
    brand_head = 0.7 + 0.6 * torch.rand(MB_BRANDS, generator=bgen)
    typ = torch.randint(0, MB_TYPES, (n,), generator=gen)
    brand = torch.randint(0, MB_BRANDS, (n,), generator=gen)
    zone = torch.randint(0, MB_ZONES, (n,), generator=gen)
    v = 0.2 + 1.8 * torch.rand(n, generator=gen)
    force = 2 + 13 * torch.rand(n, generator=gen)
    angle = torch.deg2rad(10 + 50 * torch.rand(n, generator=gen))
    rh = 20 + 75 * torch.rand(n, generator=gen)
    prior = 50 * torch.rand(n, generator=gen) ** 1.5
    temp = 35 * torch.rand(n, generator=gen)
    zone_w = torch.exp(-((zone.float() - 3.5) / 2.2) ** 2) * 1.6
    phos = brand_p[brand] * torch.exp(-prior * zone_w / 40) + torch.where(typ == 1, 0.8, 0.0)
    moist = (rh / 100) ** 2 * torch.where(typ == 2, 0.25, 1.0)
    flash = brand_mu[brand] * force * torch.cos(angle) * v.sqrt()
    transfer = phos * (force / 8).clamp(max=1.5) ** 0.5
    thresh = 0.3 + 1.6 * moist - 0.01 * (temp - 20) + torch.where(typ == 2, 0.3, 0.0)
    lit_m = torch.log(transfer * flash) - thresh
    head_str = brand_head[brand] * torch.tensor([1.0, 0.9, 1.5, 1.2])[typ] * (1 - 0.5 * moist) * 18
    crumble_m = torch.log(head_str / (force * (0.6 + 0.8 * torch.sin(angle))))
    stick_len = torch.tensor([3.5, 4.0, 4.0, 7.0])[typ]
    stick_str = torch.tensor([60.0, 65.0, 70.0, 160.0])[typ]
    snap_m = torch.log(stick_str / (force * torch.sin(angle) * stick_len * 2.2))
    noise = 0.05 * torch.randn(n, 3, generator=gen)
    y = torch.ones(n, dtype=torch.long)  # failed
    y[lit_m + noise[:, 0] > 0] = 0
    y[crumble_m + noise[:, 1] < 0] = 2
    y[snap_m + noise[:, 2] < 0] = 3
    cat = torch.stack([typ, brand, zone], 1)
    num = torch.stack([(v - 1.1) / 0.52, (force - 8.5) / 3.75, (torch.rad2deg(angle) - 35) / 14.4, (rh - 57.5) / 21.7,
                       (prior - 20) / 14, (temp - 17.5) / 10.1], 1)
    return cat, num, y


class StrikeEmbeddingNet(nn.Module):
    """Embeddings of the match type (3), the brand (4) and the striker zone (3), concatenated with the six
    conditions, into a two-layer ReLU MLP to the four outcome logits."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.typ = nn.Embedding(MB_TYPES, 3)
        self.brand = nn.Embedding(MB_BRANDS, 4)
        self.zone = nn.Embedding(MB_ZONES, 3)
        self.mlp = nn.Sequential(nn.Linear(10 + 6, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, MB_CLASSES))

    def forward(self, cat: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        h = torch.cat([self.typ(cat[:, 0]), self.brand(cat[:, 1]), self.zone(cat[:, 2]), num], 1)
        return self.mlp(h)


def strike_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the strike outcome."""
    cat, num, y = batch
    return F.cross_entropy(model(cat, num), y)


def matchbox_strike(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The strike classifier on 8192 strikes; held out: 4096 other strikes in batches of 1024; AdamW (torch's
    defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(129104)
    cat, num, y = _mb_strikes(train_size + 4096, gen)
    tr = (cat[:train_size], num[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrikeEmbeddingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cat[train_size:], num[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": strike_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. napkin fold absorbency of a spill (grey-box net, RAdam; long only)

NP_MATS = 4  # tissue, airlaid, cotton, linen
NP_LIQUIDS = 3  # water, red wine, olive oil
NP_TIMES = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0)


def _np_spills(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A napkin laid or dabbed on a spill. The napkin: tissue, airlaid, cotton or linen (retention 6, 9, 3, 2 mL/g;
    pore radius 20, 35, 10, 8 um; basis weight 20-40, 50-90, 120-200, 140-220 g/m2), folded 0-3 times (1-8 layers)
    over a 10 x 10 cm face. The liquid: water, red wine, olive oil (surface tension 72, 50, 32 mN/m; viscosity 1,
    1.2, 70 mPa s; contact angle 40, 45, 20 degrees on cotton-like fibres, water and wine wetting linen worse).
    The spill 2-20 mL; dabbing pressure 0-1. Each layer k holds retention x basis weight x face area (the spill's
    share under the face) and takes it up at Washburn's rate, V = S sqrt(t - tau_k), S ~ sqrt(gamma r cos theta /
    mu), the layers after the first starting after an air-gap delay tau_k = k x 2.5 s x (mu / 1 mPa s)^0.25 /
    (1 + 3 pressure); the total capped by the spill. 1% scatter (absolute). Returns (features (n, 11), the fraction
    of the spill absorbed at 1-128 s (n, 8))."""
    mat = torch.randint(0, NP_MATS, (n,), generator=gen)
    liq = torch.randint(0, NP_LIQUIDS, (n,), generator=gen)
    lo = torch.tensor([20.0, 50.0, 120.0, 140.0])[mat]
    hi = torch.tensor([40.0, 90.0, 200.0, 220.0])[mat]
    basis = lo + (hi - lo) * torch.rand(n, generator=gen)
    folds = torch.randint(0, 4, (n,), generator=gen)
    layers = 2 ** folds
    spill = 2 + 18 * torch.rand(n, generator=gen)
    press = torch.rand(n, generator=gen)
    retention = torch.tensor([6.0, 9.0, 3.0, 2.0])[mat] * torch.tensor([1.0, 0.9, 0.7])[liq]
    radius = torch.tensor([20.0, 35.0, 10.0, 8.0])[mat]
    gamma = torch.tensor([72.0, 50.0, 32.0])[liq]
    visc = torch.tensor([1.0, 1.2, 70.0])[liq]
    theta = torch.tensor([40.0, 45.0, 20.0])[liq] + torch.where((mat == 3) & (liq < 2), 20.0, 0.0)
    sorp = 0.12 * (gamma * radius * torch.cos(torch.deg2rad(theta)) / visc).sqrt() * (1 + 0.5 * press)
    spread = (spill / 10).clamp(max=1.0)  # the share of the face the spill wets (mL under 100 cm2)
    per_layer = retention * basis * 1e-2 * spread  # mL a layer (100 cm2 = 0.01 m2)
    tau = 2.5 * (visc ** 0.5) ** 0.5 / (1 + 3 * press)
    t = torch.tensor(NP_TIMES).view(1, -1)
    total = torch.zeros(n, len(NP_TIMES))
    for k in range(8):
        active = (layers > k).float().view(-1, 1)
        dt = torch.relu(t - k * tau.view(-1, 1))
        total = total + active * torch.minimum(per_layer.view(-1, 1), sorp.view(-1, 1) * dt.sqrt())
    frac = torch.minimum(total / spill.view(-1, 1), torch.ones(1))
    y = frac + 0.01 * torch.randn(n, len(NP_TIMES), generator=gen)
    x = torch.cat([F.one_hot(mat, NP_MATS).float(), F.one_hot(liq, NP_LIQUIDS).float(), torch.stack([
        (torch.log(basis) - 4.3) / 0.75, (folds.float() - 1.5) / 1.12, (spill - 11) / 5.2, (press - 0.5) / 0.29],
        1)], 1)
    return x, y


class AbsorbGreyBox(nn.Module):
    """A grey-box layer-by-layer uptake law: a GELU MLP gives, from the napkin, liquid and spill, a layer's capacity
    Q (0-1 of the spill, sigmoid), the sorptivity S and the air-gap delay tau (softplus), and each of 8 possible
    layers' presence m_k (sigmoid); the fraction absorbed at time t is the sum over layers of m_k Q (1 - exp(-S
    r(t - k tau) / Q)), r(t) = sqrt(relu(t) + 1/4) - 1/2 (a square root smoothed at the start), capped softly at
    the whole spill."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 11))
        self.register_buffer("t", torch.tensor(NP_TIMES).view(1, 1, -1))
        self.register_buffer("k", torch.arange(8.0).view(1, -1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        q = torch.sigmoid(p[:, 0:1]).unsqueeze(2) + 1e-3
        s = F.softplus(p[:, 1:2]).unsqueeze(2)
        tau = F.softplus(p[:, 2:3]).unsqueeze(2)
        m = torch.sigmoid(p[:, 3:]).unsqueeze(2)
        root = (torch.relu(self.t - self.k * tau) + 0.25).sqrt() - 0.5
        v = (m * q * (1 - torch.exp(-s * root / q))).sum(1)
        return v - 0.05 * F.softplus((v - 1) / 0.05)


def absorb_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the absorbed fractions (x 4)."""
    x, y = batch
    return 16 * F.mse_loss(model(x), y)


def napkin_absorbency(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box uptake net on 8192 spills; held out: 4096 other spills in batches of 1024; RAdam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(129105)
    x, y = _np_spills(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AbsorbGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": absorb_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bookmark page hold (MLP, NAdam; long only)

BM_TYPES = 4  # card, leather, thin metal, loose silk ribbon


def _bm_books(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A bookmark in a closed book. The bookmark: card, leather, thin metal or a loose silk ribbon (friction on
    paper 0.45, 0.60, 0.20, 0.15; thickness 0.3-0.6, 0.8-1.5, 0.1-0.3, 0.1-0.2 mm; 4 cm wide; areal mass 0.25,
    0.9, 0.8, 0.08 kg/m2); the book: 100-1000 pages, sewn (stiffer gutter, x 1.6) or perfect bound; the bookmark
    at 5-95% of the way through, inserted 2-15 cm; the shelf squeezing the book with 0-30 N; paper roughness 0-1.
    The two page stacks bend around the bookmark's thickness like springs in series (stiffness ~ n_front n_back /
    (n_front + n_back), largest in the middle), pressing it with a force ~ thickness x that stiffness, spread
    over the insertion depth (the gutter's share falling with depth); the squeeze adds its share of the page
    area. Pull-out force: friction on both faces, mu (1 + 0.3 roughness) x 2 N, a ribbon draped over the head gains
    a capstan factor exp(mu pi / 2). Shake-out: the pull-out force over the bookmark's weight (in g). 5% scatter.
    Returns (features (n, 11), (log pull-out force (N), log shake-out acceleration (g)) (n, 2))."""
    typ = torch.randint(0, BM_TYPES, (n,), generator=gen)
    mu = torch.tensor([0.45, 0.60, 0.20, 0.15])[typ]
    lo = torch.tensor([0.3, 0.8, 0.1, 0.1])[typ]
    hi = torch.tensor([0.6, 1.5, 0.3, 0.2])[typ]
    thick = lo + (hi - lo) * torch.rand(n, generator=gen)
    areal = torch.tensor([0.25, 0.9, 0.8, 0.08])[typ]
    pages = 100 + 900 * torch.rand(n, generator=gen)
    sewn = (torch.rand(n, generator=gen) < 0.5).float()
    place = 0.05 + 0.9 * torch.rand(n, generator=gen)
    depth = 2 + 13 * torch.rand(n, generator=gen)
    squeeze = 30 * torch.rand(n, generator=gen) ** 2
    rough = torch.rand(n, generator=gen)
    nf, nb = pages * place, pages * (1 - place)
    stiff = nf * nb / (nf + nb) * (1 + 0.6 * sewn)
    gutter = (1 - torch.exp(-depth / 3)) / (depth / 3)
    normal = 0.012 * thick * stiff * (0.3 + 0.7 * gutter) + squeeze * depth / 20 * 0.5
    pull = 2 * mu * (1 + 0.3 * rough) * normal
    pull = pull * torch.where(typ == 3, torch.exp(mu * math.pi / 2), torch.ones(n))
    weight = areal * 0.04 * (depth + 6) / 100 * 9.81
    scatter = torch.exp(0.05 * torch.randn(n, 2, generator=gen))
    y = torch.stack([torch.log(pull * scatter[:, 0]), torch.log(pull / weight * scatter[:, 1])], 1)
    x = torch.cat([F.one_hot(typ, BM_TYPES).float(), torch.stack([
        (pages - 550) / 260, 2 * sewn - 1, (place - 0.5) / 0.26, (depth - 8.5) / 3.75, (squeeze - 10) / 9,
        (rough - 0.5) / 0.29, (thick - 0.5) / 0.35], 1)], 1)
    return x, y


class PageHoldMLP(nn.Module):
    """A tanh MLP from the bookmark and book to the log pull-out force and the log shake-out acceleration."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def page_hold_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log pull-out force and log shake-out acceleration."""
    return _mse(model, batch)


def bookmark_page_hold(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The page-hold net on 8192 books, targets standardised over them; held out: 4096 other books in batches of
    1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(129106)
    x, y = _bm_books(train_size + 4096, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PageHoldMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": page_hold_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("pizza_cutter_drag_cnn_adam", pizza_cutter_drag, 300, "pizza_cutter_wheel_drag_profile_cnn1d", "adam",
      "finite", 64, seconds=0.8, start_lr=0.032),
    W("oven_mitt_heat_soak_gru_adam", oven_mitt_heat_soak, 300, "oven_mitt_heat_soak_grip_sequence_gru", "adam",
      "finite", 64, seconds=1.0, start_lr=0.064),
    W("placemat_slip_resnet_adamax", placemat_slip, 300, "placemat_plate_push_slip_rotation_resnet_ln", "adamax",
      "finite", 64, seconds=0.3, start_lr=0.032),
    W("matchbox_strike_embedding_adamw", matchbox_strike, 300, "matchbox_striker_ignition_outcome_embedding_net",
      "adamw", "finite", 64, seconds=0.25, start_lr=0.032),
)
LONG = (
    W("napkin_absorbency_greybox_radam@long", napkin_absorbency, 3000, "napkin_fold_layers_spill_uptake_greybox",
      "radam", "finite", 32, seconds=3.1, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("bookmark_page_hold_nadam@long", bookmark_page_hold, 3000, "bookmark_gutter_pressure_pull_out_mlp", "nadam",
      "finite", 32, seconds=1.6, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("placemat_slip_resnet_adamax@long", placemat_slip, 3000, "placemat_plate_push_slip_rotation_resnet_ln",
      "adamax", "finite", 64, dict(train_size=8192, hidden=32, blocks=1), seconds=2.3, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="placemat_slip_resnet_adamax"),
    W("matchbox_strike_embedding_adamw@long", matchbox_strike, 3000, "matchbox_striker_ignition_outcome_embedding_net",
      "adamw", "finite", 64, dict(train_size=16384), seconds=2.3, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="matchbox_strike_embedding_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam129_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-twenty-ninth exam's workloads")
