"""The hundred-and-sixty-first exam: six more workload families that neither the suite nor exams 1-158 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam158_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from picture frames and hanging tilt, chess clocks and move time, plate racks
and drip drying, swim caps and hair drag, hacksaws and blade cutting, and life jackets and inflation timing (exams
159, 160 and 162 were built at the same time from other domains; their modules were not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam161/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- picture-frame hanging tilt: an embedding + Pre-LN residual net (LayerNorm) from the frame's size, the D-rings'
  height and inset (with an installation error between the two), the wire's slack, the centre of mass's offset and
  the wire and hanger kinds (embedded) to the long-term tilt, the band of tilts friction holds, the nail's height
  above the frame's top and the wire tension; the statics of a wire over a nail (the centre of mass below the nail, the
  nail on the ellipse whose foci are the rings, the legs' tension ratio from the horizontal balance, the capstan
  limit exp(mu beta) of the wrap); MSE of the standardised outputs; SGD with momentum 0.9
- chess-clock move time (a long plan only): an embedding net (player and time-control embeddings and the clock
  state into an MLP) from one move of an online game (the player, the time control, the move number, both clocks,
  the number of legal moves, a critical position, a recapture, the rating) to the log seconds spent on the move; a
  time-management law (remaining time over the moves still to go plus most of the increment, scaled by the
  player's tempo, the position's complexity and the clock race; book moves instant; time trouble); Adagrad
- plate-rack drip drying (a short plan only): a dilated 1-D CNN over the 16 slots of a plate rack (each slot
  empty or holding a plate of a diameter and a material, plus the rack's pitch and the kitchen's air, the rinse
  water's temperature and a draught as constant channels) to each plate's log drying time; evaporation from the
  wet film by a mass-transfer coefficient that falls in the narrow channels between close neighbours, air made
  humid by the neighbours, a draught weakened by the plates upwind, and plates that stay warm from a hot rinse by
  their thermal mass; masked MSE over the occupied slots; AdamW (torch's defaults)
- swim-cap hair drag (a long plan only): a factorisation-style embedding net (swimmer and cap embeddings, their
  product and the speed, the depth and the goggle strap into an MLP) from a towing-tank test to the log passive drag
  of the head; drag 0.5 rho v^2 A C_d with the frontal area grown by the hair the cap fails to compress (its
  stiffness and its fit to the swimmer's head), a fabric cap's roughness and water uptake, wrinkles of a loose cap,
  and a wave-drag term at the surface; Adagrad
- hacksaw cutting: an LSTM over 12 depth increments of a cut through a bar, tube, square tube or angle (the chord
  length the blade meets at each depth, the blade's teeth per inch, the material, the stroke force and the blade's
  sharpness) to the log strokes each increment takes; the force per engaged tooth sets the depth each tooth takes
  (against the material's hardness), capped by what the gullets hold; fewer than three teeth in the cut strip
  teeth; the blade dulls with the area cut; stainless steel work-hardens when the teeth rub; RMSprop (torch's
  defaults)
- automatic life-jacket inflation timing (a short plan only): a grey-box net (an MLP gives the firing delay, two
  fill rates, their share and the full buoyancy; a fixed two-rate fill law gives the buoyancy curve) from the
  water and cylinder temperatures, the firing mechanism (a dissolving bobbin, a hydrostatic release, a manual
  pull), the jacket's size (150 N with a 33 g CO2 cylinder or 275 N with 60 g), the bobbin's age, the fall height,
  the valve and the salinity to the buoyancy at 16 times after immersion; data from a finer simulation (the
  bobbin's dissolution slowing in cold water, the cylinder's CO2 at its vapour pressure cooling by evaporation and
  warmed by the water, choked flow through the valve, the cold gas warming in the bladder, the bladder's volume
  limit); MSE; Adam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the chess-clock and
swim-cap nets (no short plans; Adagrad), the picture-frame net on 8192 hangings instead of 1024 (width 24, one
residual block) and the hacksaw LSTM on 8192 cuts instead of 1024 (16 units instead of 24, and cuts timed on a
quieter bench: 2% scatter instead of 4%).

Of the eight plans, two use Adagrad (chess clock, swim cap), two SGD with momentum (both picture-frame plans), two
RMSprop (both hacksaw plans), one AdamW (plate rack) and one Adam (life jacket).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam161_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam161/README.md).

    python benchmarks/exam161_workloads.py          # the table
    python benchmarks/exam161_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 161"


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


def _pool(x: Any, y: torch.Tensor, train_size: int) -> tuple[tuple[torch.Tensor, ...], tuple[torch.Tensor, ...]]:
    """The training pool (the first ``train_size`` rows) and the held-out rows."""
    xs = x if isinstance(x, tuple) else (x,)
    tr = tuple(t[:train_size] for t in xs) + (y[:train_size],)
    ho = tuple(t[train_size:] for t in xs) + (y[train_size:],)
    return tr, ho


# --------------------------------------------------------------------------------------------------------------
# 1. picture-frame hanging tilt (SGD with momentum)

PF_WIRES = 4  # braided steel, stranded stainless, vinyl-coated, nylon cord
PF_HANGERS = 4  # plain nail, single-pin picture hook, wide J-hook, roller hook


def _pf_hangings(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Frames hung on a wire over one nail or hook: width 0.3-1.2 m, height 0.7-1.4 of the width, D-rings 18-35% of
    the height below the top and 3-8 cm in from the sides, one ring up to 2 cm higher than the other (an
    installation error), wire length 1.03-1.2 times the rings' spacing, the centre of mass off the frame's centre by
    up to 3% of the width sideways and 8% of the height up or down. The wire's friction on the hanger mu (steel 0.10,
    stainless 0.08, vinyl 0.16, nylon 0.22; times 1.0, 1.2, 0.8, 0.2 for the nail, the pin hook, the J-hook, the
    roller; 10% scatter). Statics (from memory): whatever the friction, the centre of mass hangs right below the
    nail (the legs' pulls pass through it); the nail sits on the ellipse with the rings as foci and the wire's length
    as its major axis; the horizontal balance gives the legs' tension ratio, and friction holds a tilt while that
    ratio is within the capstan limit exp(mu beta) of the wrap angle beta. Over a 0.1-degree grid of tilts (+-40):
    the frictionless tilt (ratio 1, where vibration takes the frame in time), the lowest and highest tilt friction
    holds (the band a hand can set; tilts read on a gauge that stops at +-20 degrees), the nail's height above the
    top edge's centre (cm; negative when the nail hides behind the frame) at the frictionless tilt and the legs'
    tension over the weight. Scatter: 0.1 degree, 0.2 degree on the band's ends, 2 mm, 2%. Returns ((numbers (n,
    8), wire (n,), hanger (n,)), outputs (n, 5))."""
    w = 0.3 + 0.9 * torch.rand(n, generator=gen)
    aspect = 0.7 + 0.7 * torch.rand(n, generator=gen)
    h = w * aspect
    inset = 0.03 + 0.05 * torch.rand(n, generator=gen)
    ring_frac = 0.18 + 0.17 * torch.rand(n, generator=gen)
    err = 0.02 * (2 * torch.rand(n, generator=gen) - 1)
    slack = 1.03 + 0.17 * torch.rand(n, generator=gen)
    ex = 0.03 * (2 * torch.rand(n, generator=gen) - 1)
    ey = 0.08 * (2 * torch.rand(n, generator=gen) - 1)
    wire = torch.randint(0, PF_WIRES, (n,), generator=gen)
    hanger = torch.randint(0, PF_HANGERS, (n,), generator=gen)
    mu = (torch.tensor([0.10, 0.08, 0.16, 0.22])[wire] * torch.tensor([1.0, 1.2, 0.8, 0.2])[hanger]
          * torch.exp(0.1 * torch.randn(n, generator=gen)))
    ax, ay = -w / 2 + inset, -ring_frac * h - err / 2
    bx, by = w / 2 - inset, -ring_frac * h + err / 2
    cx, cy = ex * w, -h / 2 + ey * h
    f = 0.5 * torch.sqrt((bx - ax) ** 2 + (by - ay) ** 2)
    a = slack * f
    b = torch.sqrt(a**2 - f**2)
    alpha = torch.atan2(by - ay, bx - ax)
    mx, my = (ax + bx) / 2, (ay + by) / 2
    phi = torch.deg2rad(torch.linspace(-40, 40, 801)).view(1, -1)
    col = [t.view(-1, 1) for t in (ax, ay, bx, by, cx, cy, a, b, alpha, mx, my, mu)]
    ax, ay, bx, by, cx, cy, a, b, alpha, mx, my, mu = col
    dx, dy = torch.sin(phi), torch.cos(phi)  # the world's up in the frame's axes at tilt phi
    ca, sa = torch.cos(alpha), torch.sin(alpha)
    q0x, q0y = ca * (cx - mx) + sa * (cy - my), -sa * (cx - mx) + ca * (cy - my)
    ux, uy = ca * dx + sa * dy, -sa * dx + ca * dy
    qa = ux**2 / a**2 + uy**2 / b**2
    qb = 2 * (q0x * ux / a**2 + q0y * uy / b**2)
    qc = q0x**2 / a**2 + q0y**2 / b**2 - 1
    disc = qb**2 - 4 * qa * qc
    valid = disc > 0
    t = (-qb + disc.clamp_min(0).sqrt()) / (2 * qa)
    nx, ny = cx + t * dx, cy + t * dy
    l1x, l1y, l2x, l2y = nx - ax, ny - ay, nx - bx, ny - by
    n1, n2 = torch.sqrt(l1x**2 + l1y**2), torch.sqrt(l2x**2 + l2y**2)
    l1x, l1y, l2x, l2y = l1x / n1, l1y / n1, l2x / n2, l2y / n2
    cphi, sphi = torch.cos(phi), torch.sin(phi)
    w1x, w2x = cphi * l1x - sphi * l1y, cphi * l2x - sphi * l2y
    w1y, w2y = sphi * l1x + cphi * l1y, sphi * l2x + cphi * l2y
    ratio = -w2x / w1x
    valid = valid & (ratio > 0) & (w1x > 0)
    logr = torch.where(valid, torch.log(ratio.clamp_min(1e-6)), torch.full_like(ratio, 50.0))
    wrap = math.pi - torch.acos((l1x * l2x + l1y * l2y).clamp(-1, 1))
    held = valid & (logr.abs() <= mu * wrap)
    deg = torch.rad2deg(phi).expand_as(logr)
    i = torch.where(valid, logr.abs(), torch.full_like(logr, 1e9)).argmin(1, keepdim=True)
    j = (i + torch.where(logr.gather(1, i) > 0, -1, 1)).clamp(0, phi.shape[1] - 1)
    li, lj = logr.gather(1, i), logr.gather(1, j)
    di, dj = deg.gather(1, i), deg.gather(1, j)
    tilt = (di - li * (dj - di) / torch.where((lj - li).abs() > 1e-9, lj - li, torch.ones_like(li))).squeeze(1)
    lo = torch.where(held, deg, torch.full_like(deg, 1e9)).amin(1)
    hi = torch.where(held, deg, torch.full_like(deg, -1e9)).amax(1)
    drop = (sphi * nx + cphi * ny).expand_as(logr).gather(1, i).squeeze(1) * 100
    tension = 1 / (w1y + w2y).gather(1, i).squeeze(1)
    tilt, lo, hi = tilt.clamp(-20, 20), lo.clamp(-20, 20), hi.clamp(-20, 20)
    y = torch.stack([tilt + 0.1 * torch.randn(n, generator=gen), lo + 0.2 * torch.randn(n, generator=gen),
                     hi + 0.2 * torch.randn(n, generator=gen), drop + 0.2 * torch.randn(n, generator=gen),
                     tension * torch.exp(0.02 * torch.randn(n, generator=gen))], 1)
    x = torch.stack([(w.view(-1) - 0.75) / 0.26, (aspect - 1.05) / 0.2, (inset.view(-1) * 100 - 5.5) / 1.44,
                     (ring_frac - 0.265) / 0.049, err * 100 / 1.15, (slack - 1.115) / 0.05, ex / 0.017, ey / 0.046], 1)
    return (x, wire, hanger), y


class HangingNet(nn.Module):
    """Embedding + Pre-LN residual net: the eight numbers through a linear layer, plus the wire's and the hanger's
    embeddings, then ``blocks`` residual blocks (LayerNorm, Linear, GELU, Linear), a final LayerNorm and a linear
    head to the five outputs."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(8, width)
        self.wire = nn.Embedding(PF_WIRES, width)
        self.hanger = nn.Embedding(PF_HANGERS, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                  nn.Linear(2 * width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 5)

    def forward(self, x: torch.Tensor, wire: torch.Tensor, hanger: torch.Tensor) -> torch.Tensor:
        z = self.inp(x) + self.wire(wire) + self.hanger(hanger)
        for block in self.blocks:
            z = z + block(z)
        return self.head(self.norm(z))


def hanging_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised tilt, band, drop and tension."""
    x, wire, hanger, y = batch
    return F.mse_loss(model(x, wire, hanger), y)


def picture_frame(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32,
                  blocks: int = 2) -> dict[str, Any]:
    """The hanging net on 1024 hangings, targets standardised over them; held out: 2048 other hangings in batches
    of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(161101)
    x, y = _pf_hangings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr, ho = _pool(x, y, train_size)
    torch.manual_seed(seed)
    return {"model": HangingNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ho, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": hanging_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. chess-clock move time (Adagrad; long only)

CC_PLAYERS = 128
CC_CONTROLS = ((1, 0), (3, 0), (3, 2), (5, 0), (5, 3), (10, 0), (15, 10), (30, 0))  # minutes + seconds increment


def _cc_moves(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Moves from online games of 128 players (each with a tempo, lognormal sd 0.35; a book depth of 4-12 moves; a
    time-trouble threshold 0.5-2 times the usual; a rating 1200-2200) at eight time controls (1+0 to 30+0). Each
    move: the move number 1-70, the player's clock (the base time used at a pace set by the player's tempo, plus the
    increments earned), the opponent's clock, the legal moves 8-50, a critical position (20%), a recapture (15%). The
    time spent (from memory of engine and human time management): the remaining time over the moves still to go
    (max(18, 42 - 0.45 move)) plus 0.8 of the increment, times the tempo, (legal / 30)^0.6, 1 + 0.9 (rating above
    1200 / 1000 + 0.3) on a critical move, 0.35 on a recapture, exp(0.4 (own - opponent) / (own + opponent)) for the
    clock race; book moves 0.6-1.4 s; in time trouble (under the threshold times 15 s + 4 increments) at most 0.04
    of the clock + 0.7 increment + 0.5 s; plus 0.3 s to move; lognormal scatter 0.3. Returns ((numbers (n, 8),
    player (n,), control (n,)), log seconds (n, 1))."""
    tempo = torch.exp(0.35 * torch.randn(CC_PLAYERS, generator=gen))
    book = 4 + 8 * torch.rand(CC_PLAYERS, generator=gen)
    panic = 0.5 + 1.5 * torch.rand(CC_PLAYERS, generator=gen)
    rating = 1200 + 1000 * torch.rand(CC_PLAYERS, generator=gen)
    p = torch.randint(0, CC_PLAYERS, (n,), generator=gen)
    c = torch.randint(0, len(CC_CONTROLS), (n,), generator=gen)
    base = torch.tensor([60.0 * m for m, _ in CC_CONTROLS])[c]
    inc = torch.tensor([float(s) for _, s in CC_CONTROLS])[c]
    k = torch.randint(1, 71, (n,), generator=gen).float()
    used = (k / (45 * tempo[p].sqrt()) * (0.5 + 0.8 * torch.rand(n, generator=gen))).clamp(0, 0.98)
    own = base * (1 - used) + 0.8 * inc * k + 1
    opp = (own * torch.exp(0.35 * torch.randn(n, generator=gen))).clamp(1, None)
    legal = 8 + 42 * torch.rand(n, generator=gen)
    critical = (torch.rand(n, generator=gen) < 0.2).float()
    recapture = (torch.rand(n, generator=gen) < 0.15).float()
    togo = torch.clamp(42 - 0.45 * k, min=18)
    t = (own / togo + 0.8 * inc) * tempo[p] * (legal / 30) ** 0.6
    t = t * (1 + 0.9 * ((rating[p] - 1200) / 1000 + 0.3) * critical) * (1 - 0.65 * recapture)
    t = t * torch.exp(0.4 * (own - opp) / (own + opp))
    t = torch.where(k <= book[p], 0.6 + 0.8 * torch.rand(n, generator=gen), t)
    trouble = own < panic[p] * (15 + 4 * inc)
    t = torch.where(trouble, torch.minimum(t, 0.04 * own + 0.7 * inc + 0.5), t)
    t = (0.3 + t) * torch.exp(0.3 * torch.randn(n, generator=gen))
    x = torch.stack([(k - 35.5) / 20, (torch.log(own) - 4.5) / 1.2, (torch.log(opp) - 4.5) / 1.2,
                     (torch.log1p(inc) - 0.8) / 0.9, (legal - 29) / 12, critical, recapture,
                     (rating[p] - 1700) / 290], 1)
    return (x, p, c), torch.log(t).view(-1, 1)


class MoveTimeNet(nn.Module):
    """Player and time-control embeddings, concatenated with the eight clock and position numbers, into a two-layer
    ReLU MLP to the log seconds of the move."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.player = nn.Embedding(CC_PLAYERS, dim)
        self.control = nn.Embedding(len(CC_CONTROLS), 4)
        self.mlp = nn.Sequential(nn.Linear(dim + 4 + 8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor, player: torch.Tensor, control: torch.Tensor) -> torch.Tensor:
        return self.mlp(torch.cat([self.player(player), self.control(control), x], 1))


def move_time_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log seconds."""
    x, player, control, y = batch
    return F.mse_loss(model(x, player, control), y)


def chess_clock(batch_size: int = 64, seed: int = 0, train_size: int = 8192, dim: int = 8,
                hidden: int = 32) -> dict[str, Any]:
    """The move-time net on 8192 moves; held out: 2048 other moves of the same players in batches of 1024;
    Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(161102)
    x, y = _cc_moves(train_size + 2048, gen)
    tr, ho = _pool(x, y, train_size)
    torch.manual_seed(seed)
    return {"model": MoveTimeNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ho, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": move_time_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. plate-rack drip drying (AdamW)

PR_SLOTS = 16
PR_MATERIALS = 4  # stoneware, porcelain, glass, melamine


def _magnus(t_c: torch.Tensor) -> torch.Tensor:
    """Saturation vapour pressure (hPa) by the Magnus formula (from memory)."""
    return 6.112 * torch.exp(17.62 * t_c / (243.12 + t_c))


def _pr_racks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Racks of 16 slots at a pitch of 2.5-5 cm, each slot filled with a chance of 0.4-1 (per rack); plates of the
    rack's set size (18-28 cm) +-2 cm, of stoneware, porcelain, glass or melamine (water left after draining 70, 50,
    45, 30 g/m2; thermal time constants 6, 4, 3, 1.5 min). The kitchen at 18-26 C and 30-80% relative humidity, the
    rinse at 30-60 C, a draught of 0-0.6 m/s along the rack from slot 0. Per plate: the surface cools from the rinse
    temperature to the room's with its time constant; evaporation per area k (p_sat(T_s) - RH_local p_sat(T_air))
    (Magnus), where RH_local is raised by the occupied neighbours (weights exp(-distance / 4 cm)), k falls in the
    narrow channel to the nearest occupied neighbours (sqrt(gap / (gap + 3 cm)), each side), and the draught, weakened
    by each plate upwind (x0.78), adds to still-air convection; the film dries when the evaporated mass reaches the
    water left. Drying times in 2-minute steps up to 240 min, interpolated; 5% scatter (lognormal). Returns
    (channels (n, 11, 16), log minutes (n, 16), occupied mask (n, 16))."""
    pitch = 2.5 + 2.5 * torch.rand(n, 1, generator=gen)
    fill = 0.4 + 0.6 * torch.rand(n, 1, generator=gen)
    occ = (torch.rand(n, PR_SLOTS, generator=gen) < fill).float()
    occ[:, 0] = torch.where(occ.sum(1) == 0, torch.ones(n), occ[:, 0])
    dia = 18 + 10 * torch.rand(n, 1, generator=gen) + 2 * (2 * torch.rand(n, PR_SLOTS, generator=gen) - 1)
    mat = torch.randint(0, PR_MATERIALS, (n, PR_SLOTS), generator=gen)
    t_air = 18 + 8 * torch.rand(n, 1, generator=gen)
    rh = 0.3 + 0.5 * torch.rand(n, 1, generator=gen)
    t_rinse = 30 + 30 * torch.rand(n, 1, generator=gen)
    draught = 0.6 * torch.rand(n, 1, generator=gen)
    water = torch.tensor([70.0, 50.0, 45.0, 30.0])[mat]  # g/m2
    tau = torch.tensor([6.0, 4.0, 3.0, 1.5])[mat]  # minutes
    pos = torch.arange(PR_SLOTS).float()
    dist = (pos.view(1, -1, 1) - pos.view(1, 1, -1)).abs() * pitch.view(-1, 1, 1)
    near = torch.exp(-dist / 4.0) * (1 - torch.eye(PR_SLOTS)).view(1, PR_SLOTS, PR_SLOTS)
    crowd = (near * occ.view(n, 1, -1)).sum(2)
    rh_loc = rh + (1 - rh) * 0.3 * crowd / (1 + crowd)
    big = torch.full_like(dist, 1e3)
    left = torch.where((pos.view(1, 1, -1) < pos.view(1, -1, 1)) & (occ.view(n, 1, -1) > 0), dist, big).amin(2)
    right = torch.where((pos.view(1, 1, -1) > pos.view(1, -1, 1)) & (occ.view(n, 1, -1) > 0), dist, big).amin(2)
    lc, rc = left.clamp(max=30), right.clamp(max=30)
    shelter = (lc / (lc + 3)).sqrt() * (rc / (rc + 3)).sqrt()
    upwind = torch.cumsum(occ, 1) - occ
    wind = draught * 0.78**upwind
    k = 0.15 * shelter * (1 + 2.5 * wind)  # g / (m2 min hPa)
    k = k * (1 + 0.1 * (dia - 23) / 5)
    dt = 2.0
    t_s0 = t_rinse.expand(n, PR_SLOTS)
    done = torch.zeros(n, PR_SLOTS)
    dry_at = torch.full((n, PR_SLOTS), 240.0)
    for step in range(120):
        tm = (step + 0.5) * dt
        t_s = t_air - 2.0 + (t_s0 - t_air + 2.0) * torch.exp(-tm / tau)
        rate = k * (_magnus(t_s) - rh_loc * _magnus(t_air)).clamp_min(0.05)
        new = done + rate * dt
        crossed = (new >= water) & (done < water)
        frac = ((water - done) / (new - done).clamp_min(1e-9)).clamp(0, 1)
        dry_at = torch.where(crossed, step * dt + frac * dt, dry_at)
        done = new
    y = torch.log(dry_at * torch.exp(0.05 * torch.randn(n, PR_SLOTS, generator=gen)))
    glob = torch.cat([(pitch - 3.75) / 0.72, (t_air - 22) / 2.3, (rh - 0.55) / 0.14, (t_rinse - 45) / 8.7,
                      (draught - 0.3) / 0.17], 1)
    chans = torch.cat([occ.unsqueeze(1), (occ * (dia - 23) / 3.3).unsqueeze(1),
                       F.one_hot(mat, PR_MATERIALS).float().transpose(1, 2) * occ.unsqueeze(1),
                       glob.unsqueeze(2).expand(n, 5, PR_SLOTS)], 1)
    return chans, y, occ


class RackCNN(nn.Module):
    """A 1-D CNN along the rack: three 'same' convolutions of width 5 with dilations 1, 2 and 4 (ReLU; a receptive
    field of 29 slots, the whole rack) and a 1x1 head to each slot's log drying time."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(11, channels, 5, padding=2), nn.ReLU(),
                                 nn.Conv1d(channels, channels, 5, padding=4, dilation=2), nn.ReLU(),
                                 nn.Conv1d(channels, channels, 5, padding=8, dilation=4), nn.ReLU(),
                                 nn.Conv1d(channels, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def drying_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log drying times over the occupied slots."""
    x, y, mask = batch
    return ((model(x) - y) ** 2 * mask).sum() / mask.sum()


def plate_rack(batch_size: int = 32, seed: int = 0, train_size: int = 1024, channels: int = 16) -> dict[str, Any]:
    """The rack CNN on 1024 racks, log drying times standardised over the training pool's plates; held out: 2048
    other racks in batches of 1024; AdamW (torch's defaults: weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(161103)
    x, y, occ = _pr_racks(train_size + 2048, gen)
    on = occ[:train_size] > 0
    y = (y - y[:train_size][on].mean()) / y[:train_size][on].std()
    y = y * occ
    tr = (x[:train_size], y[:train_size], occ[:train_size])
    ho = (x[train_size:], y[train_size:], occ[train_size:])
    torch.manual_seed(seed)
    return {"model": RackCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ho, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": drying_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. swim-cap hair drag (Adagrad; long only)

SC_SWIMMERS = 200
SC_CAPS = 30


def _sc_tows(n: int, gen: torch.Generator) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
    """Towing-tank tests of a club's 200 swimmers (each a head frontal area 0.030-0.040 m2, a hair volume: 30% short
    or shaved 0-0.05 L, else 0.1-1.2 L; a head circumference 53-60 cm) in 30 caps (latex, silicone, lycra, or
    silicone-coated lycra: stiffness 0.6, 1.0, 0.15, 0.5; roughness 0, 0, 1, 0.3; each cap a size fitting a
    53-59 cm head and a wrinkle tendency 0-1), towed at 1.0-2.2 m/s at the surface or in a glide 0.6 m down (40%),
    the goggle strap over or under the cap. The swimmer's and the cap's properties are not given: only who and which.
    Drag (from memory, constants invented): the hair the cap does not hold down (compression from the stiffness and
    the fit, a tight cap holding more) grows the frontal area by 0.011 V^(2/3) m2 (V in L); C_d = 0.42 + 0.05
    roughness (Re / 1e6)^0.1 + 0.03 water-soaked hair under fabric + wrinkles (a loose cap's slack times its
    tendency) + 0.02 for a strap over the cap; at the surface a wave term 0.08 Fr^2 (Fr = v / sqrt(g 0.25 m)); drag
    0.5 rho v^2 A (C_d + wave). 3% scatter. Returns ((numbers (n, 3), swimmer (n,), cap (n,)), log drag (n, 1))."""
    area = 0.030 + 0.010 * torch.rand(SC_SWIMMERS, generator=gen)
    short = torch.rand(SC_SWIMMERS, generator=gen) < 0.3
    hair = torch.where(short, 0.05 * torch.rand(SC_SWIMMERS, generator=gen),
                       0.1 + 1.1 * torch.rand(SC_SWIMMERS, generator=gen))
    head = 53 + 7 * torch.rand(SC_SWIMMERS, generator=gen)
    kind = torch.randint(0, 4, (SC_CAPS,), generator=gen)
    stiff = torch.tensor([0.6, 1.0, 0.15, 0.5])[kind]
    rough = torch.tensor([0.0, 0.0, 1.0, 0.3])[kind]
    soak = torch.tensor([0.0, 0.0, 1.0, 0.3])[kind]
    size = 53 + 6 * torch.rand(SC_CAPS, generator=gen)
    wrinkle = torch.rand(SC_CAPS, generator=gen)
    s = torch.randint(0, SC_SWIMMERS, (n,), generator=gen)
    c = torch.randint(0, SC_CAPS, (n,), generator=gen)
    v = 1.0 + 1.2 * torch.rand(n, generator=gen)
    deep = (torch.rand(n, generator=gen) < 0.4).float()
    strap = (torch.rand(n, generator=gen) < 0.5).float()
    fit = (head[s] - size[c]) / size[c]  # > 0: tight
    hold = torch.sigmoid(2.5 * stiff[c] + 40 * fit - 1.0)
    bulge = hair[s] * (1 - 0.85 * hold)
    a = area[s] + 0.011 * bulge ** (2 / 3)
    re = v * 0.2 / 1.0e-6
    cd = (0.42 + 0.05 * rough[c] * (re / 1e6) ** 0.1 + 0.03 * soak[c] * hair[s]
          + 0.12 * wrinkle[c] * torch.relu(-fit) * 20 / (1 + torch.relu(-fit) * 20) * (1 + hair[s])
          + 0.02 * strap)
    fr = v / math.sqrt(9.81 * 0.25)
    drag = 0.5 * 1000 * v**2 * a * (cd + (1 - deep) * 0.08 * fr**2)
    y = torch.log(drag) + 0.03 * torch.randn(n, generator=gen)
    x = torch.stack([(v - 1.6) / 0.35, 2 * deep - 1, 2 * strap - 1], 1)
    return (x, s, c), y.view(-1, 1)


class CapDragNet(nn.Module):
    """A factorisation-style embedding net: the swimmer's and the cap's embeddings, their elementwise product and
    the speed, depth and strap into a two-layer SiLU MLP to the log drag."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.swimmer = nn.Embedding(SC_SWIMMERS, dim)
        self.cap = nn.Embedding(SC_CAPS, dim)
        self.mlp = nn.Sequential(nn.Linear(3 * dim + 3, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor, swimmer: torch.Tensor, cap: torch.Tensor) -> torch.Tensor:
        es, ec = self.swimmer(swimmer), self.cap(cap)
        return self.mlp(torch.cat([es, ec, es * ec, x], 1))


def cap_drag_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log drag."""
    x, swimmer, cap, y = batch
    return F.mse_loss(model(x, swimmer, cap), y)


def swim_cap(batch_size: int = 64, seed: int = 0, train_size: int = 8192, dim: int = 8,
             hidden: int = 32) -> dict[str, Any]:
    """The cap-drag net on 8192 tows, the log drag standardised over them; held out: 2048 other tows of the same
    swimmers and caps in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(161104)
    x, y = _sc_tows(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr, ho = _pool(x, y, train_size)
    torch.manual_seed(seed)
    return {"model": CapDragNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ho, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": cap_drag_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. hacksaw cutting (RMSprop)

HS_STEPS = 12
HS_TPI = (14, 18, 24, 32)
HS_MATERIALS = 5  # mild steel, stainless, aluminium, brass, PVC


def _hs_cuts(n: int, gen: torch.Generator, scatter: float = 0.04) -> tuple[torch.Tensor, torch.Tensor]:
    """Hand hacksaw cuts: a round bar (10-40 mm), a round tube (15-50 mm, wall 1.5-4 mm), a square tube (15-50 mm,
    wall 1.5-4 mm, cut from a face) or an angle (legs 20-50 mm, 3-6 mm thick, the standing leg first), in 12 equal
    depth increments; the chord the blade meets at each increment's mid-depth. A blade of 14, 18, 24 or 32 teeth per
    inch, 150 mm of stroke in the cut, its sharpness 0.5-1 at the start; mild steel, stainless, aluminium, brass or
    PVC (hardness 130, 200, 60, 100, 15 HB; gullet loading 0.1, 0.05, 0.6, 0.2, 0.8); a stroke force of 60-200 N.
    Per increment (a rule of thumb and a cutting law from memory, constants invented): the teeth in the cut (chord /
    pitch) share the force; each takes a depth 0.04 (F_tooth / H) x sharpness mm a pass, held back where the chip
    (depth x chord) outgrows the gullet (0.25 pitch^2, less by loading); fewer than three teeth in the cut snag and
    strip teeth (a slower cut, faster dulling); the blade dulls with the area cut and the hardness; stainless work-
    hardens (+15% hardness) while the teeth only rub (depth under 0.8 um). Strokes = increment / (depth x teeth
    passing a point a stroke). Lognormal scatter ``scatter`` (4%; 2% on the long plan's quieter bench). Returns
    (sequence features (n, 12, 13), log strokes (n, 12))."""
    shape = torch.randint(0, 4, (n,), generator=gen)
    size = torch.where(shape == 0, 10 + 30 * torch.rand(n, generator=gen), 15 + 35 * torch.rand(n, generator=gen))
    size = torch.where(shape == 3, 20 + 30 * torch.rand(n, generator=gen), size)
    wall = torch.where(shape == 3, 3 + 3 * torch.rand(n, generator=gen), 1.5 + 2.5 * torch.rand(n, generator=gen))
    tpi_i = torch.randint(0, 4, (n,), generator=gen)
    pitch = 25.4 / torch.tensor([float(v) for v in HS_TPI])[tpi_i]
    mat = torch.randint(0, HS_MATERIALS, (n,), generator=gen)
    hard = torch.tensor([130.0, 200.0, 60.0, 100.0, 15.0])[mat]
    loading = torch.tensor([0.1, 0.05, 0.6, 0.2, 0.8])[mat]
    force = 60 + 140 * torch.rand(n, generator=gen)
    sharp0 = 0.5 + 0.5 * torch.rand(n, generator=gen)
    depth = size
    z = (torch.arange(HS_STEPS).float().view(1, -1) + 0.5) / HS_STEPS * depth.view(-1, 1)
    r = (size / 2).view(-1, 1)
    bar = 2 * torch.sqrt((r**2 - (r - z) ** 2).clamp_min(0.0))
    ri = (r - wall.view(-1, 1)).clamp_min(0.1)
    inner = 2 * torch.sqrt((ri**2 - (r - z) ** 2).clamp_min(0.0))
    tube = bar - inner
    wl = wall.view(-1, 1)
    sq = torch.where((z < wl) | (z > depth.view(-1, 1) - wl), size.view(-1, 1).expand_as(z), 2 * wl.expand_as(z))
    ang = torch.where(z < depth.view(-1, 1) - wl, wl.expand_as(z), size.view(-1, 1).expand_as(z))
    chord = torch.where((shape == 0).view(-1, 1), bar, torch.where((shape == 1).view(-1, 1), tube,
                                                                   torch.where((shape == 2).view(-1, 1), sq, ang)))
    chord = chord.clamp_min(0.5)
    dz = depth / HS_STEPS
    sharp = sharp0.clone()
    h = hard.clone()
    strokes = []
    for i in range(HS_STEPS):
        ch = chord[:, i]
        engaged = ch / pitch
        f_tooth = force / engaged.clamp_min(1.0)
        bite = 0.04 * (f_tooth / h) * sharp
        gullet = 0.25 * pitch**2 * (1 - 0.7 * loading * (pitch < 1.2).float() - 0.3 * loading)
        bite = bite / torch.sqrt(1 + (bite * ch / gullet) ** 2)
        strip = torch.relu(1 - engaged / 3)
        bite = bite * (1 - 0.5 * strip)
        per_stroke = bite * 150 / pitch
        strokes.append(dz / per_stroke)
        sharp = (sharp - 2e-5 * ch * dz * h / 130 * (1 + 4 * strip)).clamp_min(0.2)
        h = torch.where((mat == 1) & (bite < 0.0008), h * 1.15, h)
    y = torch.log(torch.stack(strokes, 1)) + scatter * torch.randn(n, HS_STEPS, generator=gen)
    const = torch.cat([F.one_hot(tpi_i, 4).float(), F.one_hot(mat, HS_MATERIALS).float(),
                       ((force - 130) / 40).view(-1, 1), ((sharp0 - 0.75) / 0.14).view(-1, 1)], 1)
    seq = torch.cat([((torch.log(chord) - 2.3) / 0.9).unsqueeze(2),
                     ((dz - 2.5) / 0.9).view(-1, 1, 1).expand(n, HS_STEPS, 1),
                     const.unsqueeze(1).expand(n, HS_STEPS, const.shape[1])], 2)
    return seq, y


class CutLSTM(nn.Module):
    """A one-layer LSTM along the cut's depth increments and a linear head to each increment's log strokes."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.lstm = nn.LSTM(13, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(x)
        return self.head(out).squeeze(2)


def strokes_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log strokes of the increments."""
    return _mse(model, batch)


def hacksaw(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 24,
            scatter: float = 0.04) -> dict[str, Any]:
    """The cut LSTM on 1024 cuts, log strokes standardised over the training pool (one mean and sd); held out: 2048
    other cuts in batches of 1024; RMSprop (torch's defaults: alpha 0.99, eps 1e-8)."""
    gen = torch.Generator().manual_seed(161105)
    x, y = _hs_cuts(train_size + 2048, gen, scatter)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr, ho = _pool(x, y, train_size)
    torch.manual_seed(seed)
    return {"model": CutLSTM(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ho, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": strokes_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. automatic life-jacket inflation timing (Adam)

LJ_TIMES = torch.linspace(0.5, 12.0, 16)


def _lj_immersions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Immersions of automatic inflatable life jackets: water 2-25 C, salinity 0-35 g/kg, the cylinder at -5-30 C
    before the fall, a fall of 0-2 m; the firing by a dissolving bobbin (2.5 s at 15 C, slower in cold water, up to
    15% faster after 36 months' ageing), a hydrostatic release (0.3 s + the time to sink 10 cm, shorter after a
    higher fall) or a manual pull (1.5 s, longer in cold water from cold shock), each with scatter; a 150 N jacket
    (33 g of CO2, a 15 L bladder) or a 275 N one (60 g, 28 L); a standard or a fast valve. After firing, in 0.02 s
    steps (from memory, constants invented): while liquid is left, the cylinder is at CO2's vapour pressure (57 bar
    at 20 C, Clausius-Clapeyron with 2100 K), choked flow through the valve (0.14 or 0.2 g/s per bar), evaporation
    cooling the cylinder (150 J/g against 60 J/K + 2 J/(g K) of liquid) and the water warming it (3 W/K); the last
    10% leaves as gas with the pressure falling with what is left; the gas enters the bladder cold and warms to the
    water (4 s); volume by the ideal-gas law at 1.05 bar, soft-capped at the bladder's volume; buoyancy rho g V.
    Scatter 2 N. Returns (features (n, 10), buoyancy / 100 N at 16 times 0.5-12 s (n, 16))."""
    tw = 2 + 23 * torch.rand(n, generator=gen)
    sal = 35 * torch.rand(n, generator=gen)
    tc0 = -5 + 35 * torch.rand(n, generator=gen)
    fall = 2 * torch.rand(n, generator=gen)
    fire = torch.randint(0, 3, (n,), generator=gen)
    big = (torch.rand(n, generator=gen) < 0.5).float()
    age = 36 * torch.rand(n, generator=gen)
    fast = (torch.rand(n, generator=gen) < 0.5).float()
    bob = 2.5 * torch.exp(0.04 * (15 - tw)) * (1 - 0.15 * age / 36) * torch.exp(0.15 * torch.randn(n, generator=gen))
    hyd = (0.3 + 0.5 * torch.exp(-fall)) * torch.exp(0.1 * torch.randn(n, generator=gen))
    man = 1.5 * torch.exp(0.05 * (15 - tw)) * torch.exp(0.25 * torch.randn(n, generator=gen))
    t_fire = torch.where(fire == 0, bob, torch.where(fire == 1, hyd, man))
    m_tot = torch.where(big > 0, 60.0, 33.0)
    v_max = torch.where(big > 0, 28.0, 15.0)
    c_o = torch.where(fast > 0, 0.2, 0.14)
    tk = tc0 + 273.15
    twk = tw + 273.15
    out_m = torch.zeros(n)
    gas_t = twk.clone()
    rho = 1000 + 0.75 * sal
    dt = 0.02
    samples = []
    nxt = 0
    for step in range(601):
        t = step * dt
        if nxt < len(LJ_TIMES) and t >= float(LJ_TIMES[nxt]) - 1e-9:
            vol = out_m / 44 * 8.314 * gas_t / 1.05e5 * 1000  # L
            vol = v_max * (1 - torch.exp(-vol / v_max * 1.3)) / (1 - math.exp(-1.3))
            vol = torch.minimum(vol, v_max * 1.03)
            samples.append(rho * 9.81 * vol / 1000)
            nxt += 1
        on = (t >= t_fire).float()
        left = m_tot - out_m
        liquid = left > 0.1 * m_tot
        pv = 57 * torch.exp(2100 * (1 / 293.15 - 1 / tk))
        p = torch.where(liquid, pv, pv * left / (0.1 * m_tot))
        mdot = on * c_o * p
        dm = torch.minimum(mdot * dt, left)
        heat_cap = 60 + 2 * torch.where(liquid, left - 0.1 * m_tot, torch.zeros(n))
        tk = tk + (-dm * 150 * liquid.float() + 3 * (twk - tk) * dt * on) / heat_cap
        tk = tk.clamp_min(220)
        t_in = tk - 20
        gas_t = torch.where(out_m + dm > 0, (out_m * gas_t + dm * t_in) / (out_m + dm).clamp_min(1e-9), gas_t)
        gas_t = gas_t + (twk - gas_t) * dt / 4
        out_m = out_m + dm
    y = torch.stack(samples, 1) / 100 + 0.02 * torch.randn(n, len(LJ_TIMES), generator=gen)
    x = torch.cat([torch.stack([(tw - 13.5) / 6.6, (sal - 17.5) / 10.1, (tc0 - 12.5) / 10.1, (fall - 1) / 0.58,
                                (age - 18) / 10.4, 2 * big - 1, 2 * fast - 1], 1), F.one_hot(fire, 3).float()], 1)
    return x, y


class InflationGreyBox(nn.Module):
    """A grey box: a tanh MLP gives the firing delay, two fill rates, the first rate's share and the full buoyancy;
    the fixed law B(t) = B_max (1 - w exp(-k1 s) - (1 - w) exp(-k2 s)), s = softplus(8 (t - t_fire)) / 8, gives the
    buoyancy at the 16 times."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 5))
        self.register_buffer("times", LJ_TIMES.clone())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        o = self.mlp(x)
        t_fire = F.softplus(o[:, :1] + 1.0)
        k1 = F.softplus(o[:, 1:2])
        k2 = 0.2 * F.softplus(o[:, 2:3])
        w = torch.sigmoid(o[:, 3:4] + 1.0)
        b_max = 2 * F.softplus(o[:, 4:5] + 0.5)
        s = F.softplus(8 * (self.times.view(1, -1) - t_fire)) / 8
        return b_max * (1 - w * torch.exp(-k1 * s) - (1 - w) * torch.exp(-k2 * s))


def buoyancy_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the buoyancy (hundreds of newtons) at the 16 times."""
    return _mse(model, batch)


def life_jacket(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The inflation grey box on 1024 immersions; held out: 2048 other immersions in batches of 1024; Adam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(161106)
    x, y = _lj_immersions(train_size + 2048, gen)
    tr, ho = _pool(x, y, train_size)
    torch.manual_seed(seed)
    return {"model": InflationGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ho, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": buoyancy_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("picture_frame_tilt_momentum", picture_frame, 300, "picture_frame_wire_nail_capstan_tilt_band_resnet_ln_emb",
      "sgd_momentum0.9", "finite", 32, seconds=0.3, start_lr=0.2),
    W("plate_rack_drying_adamw", plate_rack, 300, "plate_rack_slot_sheltering_drip_drying_time_cnn1d", "adamw",
      "finite", 64, seconds=0.6, start_lr=0.032),
    W("hacksaw_cut_rmsprop", hacksaw, 300, "hacksaw_tpi_gullet_strokes_per_depth_lstm", "rmsprop", "finite", 32,
      seconds=0.4, start_lr=0.032),
    W("life_jacket_inflation_adam", life_jacket, 300, "life_jacket_co2_inflation_buoyancy_curve_greybox", "adam",
      "finite", 32, seconds=0.3, start_lr=0.032),
)
LONG = (
    W("chess_clock_move_time_adagrad@long", chess_clock, 3000, "chess_clock_move_time_player_embedding_net",
      "adagrad", "finite", 64, seconds=1.8, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("swim_cap_drag_adagrad@long", swim_cap, 3000, "swim_cap_hair_drag_swimmer_cap_factorisation_net", "adagrad",
      "finite", 64, seconds=2.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("picture_frame_tilt_momentum@long", picture_frame, 3000,
      "picture_frame_wire_nail_capstan_tilt_band_resnet_ln_emb", "sgd_momentum0.9", "finite", 32,
      dict(train_size=8192, width=24, blocks=1), seconds=2.2, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="picture_frame_tilt_momentum"),
    W("hacksaw_cut_rmsprop@long", hacksaw, 3000, "hacksaw_tpi_gullet_strokes_per_depth_lstm", "rmsprop", "finite",
      32, dict(train_size=8192, hidden=16, scatter=0.02), seconds=2.9, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="hacksaw_cut_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam161_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixty-first exam's workloads")
