"""The hundred-and-forty-fifth exam: six more workload families that neither the suite nor exams 1-144 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam144_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from peg bags and clothes-line wind, magazine racks and page curl, pot holders
and heat soak, melon ballers and scoop depth, cherry pitters and stone ejection, and honey dippers and drizzle (exam
146 was built at the same time from other domains; its module was not opened). What was checked to make them new,
and what was tried and dropped, is in ``benchmarks/results/exam145/README.md``. Models, laws and optimiser settings
are written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- a peg bag hung by its hook on a clothes line in gusty wind: a GRU over 16 one-second windows of the wind speed
  (the bag's mass, area, hook, hanging length, the line's slope and the wind's direction as constant inputs) to the
  bag's peak swing angle in each window and how far it has slid along the line; a quasi-steady drag angle, a
  decaying pendulum swing kicked by each gust, and Coulomb friction of the hook against the line's slope and the
  wind's along-line drag (the slope easing as the bag slides toward the sag's low point); 3% scatter; MSE of the
  standardised outputs; RMSprop (torch's defaults)
- magazine page curl in a rack: an embedding net (learned embeddings of the paper stock, the binding, the rack
  and the magazine's place in it, with the humidity, days on display, page count, lean angle and temperature) to
  the cover's curl height and the pages' droop at the free corner; hygroexpansive curl of a one-side-coated sheet
  (moisture change after a sorption lag), creep droop of an unsupported sheet as a cantilever under gravity;
  4% scatter; MSE of the standardised log heights; NAdam (torch's defaults)
- melon balling: a one-layer Post-LN transformer encoder (causal) over a sequence of 12 scoops on the cut face of
  a melon half (the scoop's place, the push and the twist; the melon's kind, firmness and size and the baller's
  cup as constant inputs) to each ball's depth and its completeness; the depth reached from the push against the
  flesh's firmness, capped by the flesh left above the rind or the seed cavity, and the ball cut short by the
  holes of earlier scoops nearby; MSE of the standardised outputs; AdamW (torch's defaults, weight decay 0.01)
- cherry pitter stone ejection (a long plan only): a small 1-D CNN with batch norm classifies the plunger's
  force-travel trace (32 samples over 16 mm) of a hand pitter into clean ejection, stone retained, stone split
  and flesh blown out; the trace from the skin's puncture peak, the flesh's travel, the stone's push through the
  cup with its ejection drop, a glancing hit (the stem axis off the plunger), a split stone's saw-tooth and a
  soft cherry's tearing, mixed by the margins' smooth odds; the class from the same margins with a scatter the
  trace does not show; cross-entropy; Adam (torch's defaults)
- pot holder heat soak: a 1-D CNN with group norm over the pot holder's through-thickness layer
  stack (12 cells of 1 mm: silicone face, cotton shell, cotton or polyester batting, a metallised Insul-Bright
  layer; the damp, the pan's temperature and the grip as channels) to the hand-side temperature at 8 times over
  a minute of holding; an explicit finite-difference heat equation with contact conductances at the pan and the
  hand, batting compressed by the grip and water evaporating at 100 C; 0.1 C thermocouple scatter; MSE of the
  standardised temperatures; AdamW (torch's defaults, weight decay 0.01)
- honey dipper drizzle (a long plan only): an MLP from the honey (acacia, clover, buckwheat; one-hot), its water
  content and temperature, the dipper's diameter and grooves, the withdrawal speed and the drizzle height to the
  honey carried, the drizzle's duration and the landing thread's coiling frequency; a VFT viscosity, a
  Landau-Levich-Derjaguin film blended into a gravity-limited film, the grooves' reservoir, film drainage off the
  dipper, the thread thinned by its fall and coiling in the gravitational regime; 4% scatter; MSE of the
  standardised logs; Adamax (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the honey dipper and
cherry pitter nets (no short plans), the magazine net on 8192 magazines instead of 4096 (32 units a layer instead of
64, batch 64 instead of 128) and the pot-holder CNN on 8192 holds instead of 4096 (one convolution of 8 channels
instead of two of 16; the same batch, 32).

Of the eight plans, three use AdamW (both pot-holder plans and the melon baller), two NAdam (both magazine plans),
one RMSprop (peg bag), one Adam (cherry pitter) and one Adamax (honey dipper).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam145_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam145/README.md).

    python benchmarks/exam145_workloads.py          # the table
    python benchmarks/exam145_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 145"


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
    """Targets standardised per output (over every dimension but the last) with the mean and sd of the first ``n``
    examples (the training pool)."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. a peg bag on a clothes line in gusty wind (RMSprop)

PB_STEPS = 16
PB_HOOKS = 3  # wire hook, plastic clip-hook, coat-hanger hook


def _pb_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A peg bag (0.3-1.5 kg with its pegs, frontal area 0.04-0.10 m2, drag coefficient 1.2) hangs by its hook
    (wire, plastic clip, coat-hanger: friction on the line 0.18, 0.30, 0.45) 0.15-0.35 m below a clothes line whose
    slope at the hook is 0-12 degrees toward the sag's low point 0.3-1.5 m away. The wind: a mean 2-10 m/s, a
    direction 0-90 degrees off the line's normal, gusts an AR(1) process (turbulence intensity 0.1-0.4, 0.6
    correlation from one second to the next) in 16 one-second windows. Per window: the quasi-steady drag angle
    atan(D / m g); a pendulum swing (natural period 2 pi sqrt(L / g), damping ratio 0.08) decaying over the second
    and kicked by the change of the drag angle; the hook slides when the slope's pull plus the along-line drag
    passes the friction of its normal load, at a speed growing with the excess, and the slope eases as it nears
    the low point. 3% scatter. Returns (inputs (n, 16, 11), outputs (n, 16, 2): log1p of the peak swing angle in
    degrees and of the distance slid in cm)."""
    mass = 0.3 + 1.2 * torch.rand(n, generator=gen)
    area = 0.04 + 0.06 * torch.rand(n, generator=gen)
    hook = torch.randint(0, PB_HOOKS, (n,), generator=gen)
    mu = torch.tensor([0.18, 0.30, 0.45])[hook]
    length = 0.15 + 0.20 * torch.rand(n, generator=gen)
    slope0 = torch.deg2rad(12 * torch.rand(n, generator=gen))
    low = 0.3 + 1.2 * torch.rand(n, generator=gen)
    u_mean = 2 + 8 * torch.rand(n, generator=gen)
    phi = torch.deg2rad(90 * torch.rand(n, generator=gen))
    ti = 0.1 + 0.3 * torch.rand(n, generator=gen)
    g, rho = 9.81, 1.2
    e = torch.zeros(n)
    omega = (g / length).sqrt()
    decay = torch.exp(-0.08 * omega * 1.0)
    amp = torch.zeros(n)
    slid = torch.zeros(n)
    prev = None
    winds, angles, slides = [], [], []
    for _ in range(PB_STEPS):
        e = 0.6 * e + 0.8 * torch.randn(n, generator=gen)
        u = (u_mean * (1 + ti * e)).clamp_min(0.0)
        drag = 0.5 * rho * 1.2 * area * u**2
        normal_drag = drag * torch.cos(phi)
        along_drag = drag * torch.sin(phi)
        theta = torch.atan(normal_drag / (mass * g))
        kick = torch.zeros(n) if prev is None else (theta - prev).abs()
        amp = amp * decay + 0.8 * kick
        prev = theta
        slope = slope0 * (1 - slid / 100 / low).clamp_min(0.0)
        pull = mass * g * torch.sin(slope) + along_drag
        load = ((mass * g * torch.cos(slope)) ** 2 + normal_drag**2).sqrt()
        excess = torch.relu(pull - mu * load * (1 + 0.5 * amp))
        slid = torch.minimum(slid + 40 * excess / (mass * g) ** 0.5, 100 * low)
        winds.append(u)
        angles.append(torch.rad2deg(theta + amp))
        slides.append(slid)
    wind = torch.stack(winds, 1)
    y = torch.stack([torch.stack(angles, 1), torch.stack(slides, 1)], 2)
    y = y * torch.exp(0.03 * torch.randn(y.shape, generator=gen))
    static = torch.cat([torch.stack([(mass - 0.9) / 0.35, (area - 0.07) / 0.017, (length - 0.25) / 0.058,
                                     (torch.rad2deg(slope0) - 6) / 3.5, (low - 0.9) / 0.35, torch.cos(phi),
                                     torch.sin(phi)], 1), F.one_hot(hook, PB_HOOKS).float()], 1)
    x = torch.cat([((wind - 6) / 3).unsqueeze(2), static.unsqueeze(1).expand(n, PB_STEPS, static.shape[1])], 2)
    return x, torch.log1p(y)


class PegBagGRU(nn.Module):
    """A one-layer GRU with a linear read-out at every window: the peak swing angle and the distance slid."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(11, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.gru(x)
        return self.head(out)


def swing_slide_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised (log1p) swing angles and distances slid, over every window."""
    return _mse(model, batch)


def peg_bag_wind(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 24) -> dict[str, Any]:
    """The peg-bag GRU on 8192 gusty 16-second spells, targets standardised over them; held out: 2048 other spells
    in batches of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(145101)
    x, y = _pb_days(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PegBagGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": swing_slide_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. magazine page curl in a rack (NAdam)

MG_STOCKS = 4  # gloss coated, matte coated, uncoated, supercalendered newsprint
MG_BINDINGS = 3  # saddle stitch, perfect bound, loose (no spine)
MG_RACKS = 4  # wire rack, wall pocket, tiered floor stand, spinner
MG_PLACES = 3  # front, middle, back of its pocket


def _mg_magazines(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Magazines on display: the stock (gloss coated, matte coated, uncoated, supercalendered: caliper 0.09, 0.10,
    0.11, 0.07 mm; bending modulus 5, 4.5, 3.5, 3 GPa; hygroexpansion 0.8, 0.9, 1.4, 1.2 (x1e-3 per % moisture); the
    coating's asymmetry 0.5, 0.35, 0.05, 0.15; sorption lag 3, 4, 1, 1.5 days); the binding (saddle stitch, perfect
    bound, loose: the spine's restraint 0.6, 1.0, 0.2); the rack (wire, wall pocket, tiered stand, spinner: the
    share of the page left unsupported 0.7, 0.3, 0.5, 0.8); its place (front, middle, back: exposure 1.0, 0.5,
    0.7); relative humidity 20-90%, 1-60 days (log-uniform), 16-300 pages, a lean of 0-30 degrees, 15-30 C.
    Curl: the moisture change from the print room's 50% approached after the sorption lag (slower in thick
    magazines), a bimetal-like curvature from the coating's asymmetry and the hygroexpansion over the caliper,
    restrained by the spine, the curl height kappa W^2 / 2 over the 21 cm width (saturating, tanh, near a half roll).
    Droop: the unsupported overhang as a gravity cantilever (q L^4 / 8 E I of the sheet) with creep growing as
    log(1 + t) and with humidity and temperature, the pages' stack stiffening it, saturating (tanh) at the
    rack's ledge 120 mm below. 4% scatter. Returns (categories
    (n, 4), continuous (n, 5), log1p heights in mm (n, 2))."""
    stock = torch.randint(0, MG_STOCKS, (n,), generator=gen)
    bind = torch.randint(0, MG_BINDINGS, (n,), generator=gen)
    rack = torch.randint(0, MG_RACKS, (n,), generator=gen)
    place = torch.randint(0, MG_PLACES, (n,), generator=gen)
    rh = 20 + 70 * torch.rand(n, generator=gen)
    days = 60 ** torch.rand(n, generator=gen)
    pages = 16 + 284 * torch.rand(n, generator=gen)
    lean = 30 * torch.rand(n, generator=gen)
    temp = 15 + 15 * torch.rand(n, generator=gen)
    cal = torch.tensor([0.09, 0.10, 0.11, 0.07])[stock] * 1e-3
    modulus = torch.tensor([5.0, 4.5, 3.5, 3.0])[stock] * 1e9
    beta = torch.tensor([0.8, 0.9, 1.4, 1.2])[stock] * 1e-3
    asym = torch.tensor([0.5, 0.35, 0.05, 0.15])[stock]
    lag = torch.tensor([3.0, 4.0, 1.0, 1.5])[stock] * (1 + pages / 200)
    restraint = torch.tensor([0.6, 1.0, 0.2])[bind]
    open_share = torch.tensor([0.7, 0.3, 0.5, 0.8])[rack]
    exposure = torch.tensor([1.0, 0.5, 0.7])[place]
    dmc = (rh - 50) / 8 * (1 - torch.exp(-days * exposure / lag)) * (1 + 0.02 * (temp - 22))
    kappa = 0.3 * asym * beta * dmc / cal / (1 + 1.5 * restraint)  # 1/m, signed
    width = 0.21
    curl = 50 * torch.tanh(kappa.abs() * width**2 / 2 * 1000 / 50) + 0.2  # mm, saturating near a half roll
    overhang = 0.28 * open_share * (0.5 + torch.sin(torch.deg2rad(lean + 20)))
    stiff = modulus * cal**3 / 12 * (1 + (pages / 4) ** 0.5)  # per unit width, the stack's partial sharing
    q = 9.81 * 0.2e3 * cal  # the share of the sheet's weight its overhang carries
    creep = 1 + (0.15 + 0.6 * rh / 100) * torch.log1p(days) * (1 + 0.03 * (temp - 22))
    droop = 120 * torch.tanh(q * overhang**4 / (8 * stiff) * creep * 1000 / 120) + 0.5  # mm, the rack's ledge
    y = torch.stack([curl, droop], 1) * torch.exp(0.04 * torch.randn(n, 2, generator=gen))
    cats = torch.stack([stock, bind, rack, place], 1)
    cont = torch.stack([(rh - 55) / 20, (torch.log(days) - 2.05) / 1.18, (pages - 158) / 82, (lean - 15) / 8.7,
                        (temp - 22.5) / 4.3], 1)
    return cats, cont, torch.log1p(y)


class CurlEmbeddingNet(nn.Module):
    """Learned embeddings of the stock, binding, rack and place, concatenated with the continuous conditions, into
    a SiLU MLP with two outputs (the log1p curl height and droop)."""

    def __init__(self, hidden: int = 64, dim: int = 4) -> None:
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(k, dim) for k in (MG_STOCKS, MG_BINDINGS, MG_RACKS, MG_PLACES)])
        self.net = nn.Sequential(nn.Linear(4 * dim + 5, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        parts = [emb(cats[:, i]) for i, emb in enumerate(self.embs)]
        return self.net(torch.cat(parts + [cont], 1))


def curl_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log1p curl height and droop (mm)."""
    cats, cont, y = batch
    return F.mse_loss(model(cats, cont), y)


def magazine_curl(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64,
                  dim: int = 4) -> dict[str, Any]:
    """The curl embedding net on 4096 displayed magazines, targets standardised over them; held out: 2048 others in
    batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(145201)
    cats, cont, y = _mg_magazines(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (cats[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CurlEmbeddingNet(hidden, dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": curl_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. melon balling, a sequence of scoops (AdamW)

ML_SCOOPS = 12
ML_KINDS = 3  # cantaloupe, honeydew, watermelon


def _ml_halves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A melon half scooped 12 times: the kind (cantaloupe, honeydew, watermelon: half-size radius 6-8, 7-9, 9-13
    cm; rind 0.6, 0.8, 1.2 cm; a seed cavity of 3, 3.5, 0 cm radius; firmness scale 1.0, 1.3, 0.7), a ripeness
    (firmness 0.5-1.5 of its kind's), the baller's cup (diameter 2.2-3.2 cm). Each scoop: a place on the cut face
    (radius fraction and angle, uniform over the flesh ring), a push of 10-40 N and a twist of 90-270 degrees.
    The depth reached: the cup's diameter times a saturating function of the push over the firmness times the cup's
    area, capped by the flesh below the place (the hemisphere's depth less the rind, or for a cantaloupe or
    honeydew the cavity's edge at small radii). Completeness: the ball's volume fraction of a full sphere cut at
    that depth, less the overlap with the holes of earlier scoops (each by its closeness over the cup's diameter, 35% of
    the ball at most per hole)
    and a short twist's torn lip. 3% scatter. Returns (inputs (n, 12, 11), outputs (n, 12, 2): depth in cm,
    completeness)."""
    kind = torch.randint(0, ML_KINDS, (n,), generator=gen)
    r_lo = torch.tensor([6.0, 7.0, 9.0])[kind]
    big = r_lo + torch.tensor([2.0, 2.0, 4.0])[kind] * torch.rand(n, generator=gen)
    rind = torch.tensor([0.6, 0.8, 1.2])[kind]
    cavity = torch.tensor([3.0, 3.5, 0.0])[kind]
    firm = torch.tensor([1.0, 1.3, 0.7])[kind] * (0.5 + torch.rand(n, generator=gen))
    cup = 2.2 + 1.0 * torch.rand(n, generator=gen)
    frac = 0.15 + 0.75 * torch.rand(n, ML_SCOOPS, generator=gen).sqrt()
    ang = 2 * math.pi * torch.rand(n, ML_SCOOPS, generator=gen)
    push = 10 + 30 * torch.rand(n, ML_SCOOPS, generator=gen)
    twist = 90 + 180 * torch.rand(n, ML_SCOOPS, generator=gen)
    rr = frac * (big - rind).unsqueeze(1)
    xs, ys = rr * torch.cos(ang), rr * torch.sin(ang)
    avail = ((big - rind).unsqueeze(1) ** 2 - rr**2).clamp_min(0).sqrt()
    in_cav = rr < (cavity.unsqueeze(1) + 0.3 * cup.unsqueeze(1))
    cav_depth = (big - rind).unsqueeze(1) - (cavity.unsqueeze(1) ** 2 - rr**2).clamp_min(0).sqrt() - 0.5
    avail = torch.where(in_cav & (cavity.unsqueeze(1) > 0), torch.minimum(avail, 2.0 + 0.0 * avail), avail)
    avail = torch.where(in_cav & (cavity.unsqueeze(1) > 0), torch.minimum(avail, cav_depth.clamp_min(0.8)), avail)
    c = cup.unsqueeze(1)
    want = c * torch.tanh(push / (12 * firm.unsqueeze(1) * (c / 2.5) ** 2))
    depth = torch.minimum(want, avail)
    z = (depth / c).clamp(0, 1)
    full = z**2 * (3 - 2 * z)  # a sphere's cap volume fraction cut at depth z d
    dx = xs.unsqueeze(2) - xs.unsqueeze(1)
    dy = ys.unsqueeze(2) - ys.unsqueeze(1)
    close = torch.relu(1 - (dx**2 + dy**2).sqrt() / c.unsqueeze(2)) ** 1.5  # (n, j, i)
    earlier = torch.tril(torch.ones(ML_SCOOPS, ML_SCOOPS), diagonal=-1)
    lost = 0.35 * (close * earlier * full.unsqueeze(1)).sum(2)
    lip = 0.15 * torch.relu(1 - (twist - 90) / 120) * z
    complete = (full * (1 - lost).clamp_min(0.05) - lip).clamp_min(0.02)
    y = torch.stack([depth, complete], 2) * torch.exp(0.03 * torch.randn(n, ML_SCOOPS, 2, generator=gen))
    static = torch.cat([F.one_hot(kind, ML_KINDS).float(), torch.stack([(big - 8.5) / 1.6, (firm - 1.0) / 0.4,
                                                                        (cup - 2.7) / 0.29], 1)], 1)
    tok = torch.stack([xs / 6, ys / 6, (push - 25) / 8.7, (twist - 180) / 52, (frac - 0.6) / 0.2], 2)
    x = torch.cat([tok, static.unsqueeze(1).expand(n, ML_SCOOPS, static.shape[1])], 2)
    return x, y


class ScoopTransformer(nn.Module):
    """A causal Post-LN transformer encoder (one layer by default, width 32, 4 heads, learned positions) over the
    scoops, a linear read-out of each scoop's depth and completeness."""

    def __init__(self, width: int = 32, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(11, width)
        self.pos = nn.Parameter(torch.zeros(ML_SCOOPS, width))
        layer = nn.TransformerEncoderLayer(width, 4, 2 * width, dropout=0.0, batch_first=True, norm_first=False)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(width, 2)
        self.register_buffer("mask", nn.Transformer.generate_square_subsequent_mask(ML_SCOOPS), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x) + self.pos
        return self.head(self.enc(h, mask=self.mask, is_causal=True))


def scoop_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised depths and completenesses, over every scoop."""
    return _mse(model, batch)


def melon_baller(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 32,
                 layers: int = 1) -> dict[str, Any]:
    """The scoop transformer on 2048 melon halves, targets standardised over them; held out: 2048 other halves in
    batches of 1024; AdamW (weight decay 0.01, torch's default)."""
    gen = torch.Generator().manual_seed(145401)
    x, y = _ml_halves(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ScoopTransformer(width, layers), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": scoop_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. cherry pitter stone ejection from the plunger's force trace (Adam; long only)

CP_POINTS = 32
CP_CLASSES = 4  # clean ejection, stone retained, stone split, flesh blown out


def _cp_pittings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hand-pitter strokes (plunger travel 0-16 mm, 32 samples): the cherry's diameter 18-30 mm, its stone 7-11 mm,
    the flesh's firmness 0.4-2.0 (N/mm), the skin's strength 3-9 N, the stone's toughness 40-120 N, the stem axis
    off the plunger's line by 0-4 mm. The trace: a linear rise to the skin's puncture and its drop; the flesh's
    travel at a force rising with the firmness; at the stone (after (D - d) / 2 of travel) a steep rise, steeper
    and higher with the stone's size and firmness, to the push needed to force it through the cup's hole, then
    the ejection's drop. An off-axis hit glances: a lower, wider peak and no drop (retained). A push above the
    stone's toughness splits it: a saw-tooth of two smaller drops. Soft, large-stoned cherries blow out: the flesh
    tears, a low peak with a slow decline. The trace mixes these shapes by the margins' smooth (noise-free) odds;
    the class is the first failing margin (retained, split, blown out), each with its own scatter (sd 0.08 in the
    log margin) that the trace does not show, else clean; the trace carries 3% and 0.4 N noise. Returns (traces
    (n, 1, 32), classes)."""
    dia = 18 + 12 * torch.rand(n, generator=gen)
    stone = 7 + 4 * torch.rand(n, generator=gen)
    firm = 0.4 + 1.6 * torch.rand(n, generator=gen)
    skin = 3 + 6 * torch.rand(n, generator=gen)
    tough = 40 + 80 * torch.rand(n, generator=gen)
    off = 4 * torch.rand(n, generator=gen) ** 1.5
    travel = torch.linspace(0, 16, CP_POINTS).view(1, -1)
    contact = ((dia - stone) / 2 - 1.5).clamp(1.5, 9).view(-1, 1)
    m_ret = (off / (0.3 * stone)).log()
    glance = torch.sigmoid(m_ret / 0.1)  # the plunger slides off the stone's side
    push = (6 + 4.5 * firm * (stone / 9) ** 2 * (dia / 24)) * (1 - 0.5 * glance)
    m_split = (push * (1 + 0.4 * firm) / tough * 3).log()
    m_blown = (stone / dia / (0.22 + 0.2 * firm)).log()
    nz = [0.08 * torch.randn(n, generator=gen) for _ in range(3)]
    retained = m_ret + nz[0] > 0
    split = ~retained & (m_split + nz[1] > 0)
    blown = ~retained & ~split & (m_blown + nz[2] > 0)
    y = torch.zeros(n, dtype=torch.long)
    y[retained] = 1
    y[split] = 2
    y[blown] = 3
    w_ret = glance
    w_split = (1 - glance) * torch.sigmoid(m_split / 0.1)
    w_blown = (1 - glance - w_split) * torch.sigmoid(m_blown / 0.1)
    w_clean = 1 - w_ret - w_split - w_blown
    sk = skin.view(-1, 1)
    puncture = 1.2 + 0.4 * sk / 6
    f_skin = torch.where(travel < puncture, sk * travel / puncture,
                         sk * torch.exp(-(travel - puncture) / 0.4) * (travel < contact))
    f_flesh = firm.view(-1, 1) * 0.8 * torch.relu(travel - puncture).clamp(max=6)
    rise = torch.relu(travel - contact)
    width = (1.2 + 1.5 * w_ret + 1.0 * w_blown / (0.5 + firm)).view(-1, 1)
    peak_at = contact + width
    pk = (push * (1 - 0.4 * w_blown)).view(-1, 1)
    f_stone = torch.where(travel < peak_at, pk * (rise / width) ** 1.5, pk)
    after = torch.relu(travel - peak_at)
    saw = 1 - 0.45 * (torch.sigmoid((after - 0.3) / 0.1) - torch.sigmoid((after - 1.2) / 0.1) * 0.4)
    saw = saw * torch.exp(-torch.relu(after - 2.0) / 0.5)
    shape = (w_ret.view(-1, 1) * (0.85 + 0.1 * torch.exp(-after)) + w_split.view(-1, 1) * saw
             + w_blown.view(-1, 1) * torch.exp(-after / 3.0) + w_clean.view(-1, 1) * torch.exp(-after / 0.5))
    trace = f_skin + f_flesh + f_stone * shape
    trace = trace * (1 + 0.03 * torch.randn(n, CP_POINTS, generator=gen)) + 0.4 * torch.randn(n, CP_POINTS,
                                                                                             generator=gen)
    return (trace / 20).unsqueeze(1), y


class PitterCNN(nn.Module):
    """A small 1-D CNN with batch norm: a convolution with batch norm, ReLU and max-pooling by 4, a second
    convolution with ReLU, a linear read-out of the four outcome logits from the flattened features."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, width, 7, padding=3), nn.BatchNorm1d(width), nn.ReLU(), nn.MaxPool1d(4),
            nn.Conv1d(width, width, 5, padding=2), nn.ReLU(), nn.Flatten(),
            nn.Linear(width * CP_POINTS // 4, CP_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pitting_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the pitting outcome."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def cherry_pitter(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 8) -> dict[str, Any]:
    """The pitter CNN on 8192 force traces; held out: 2048 other traces in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(145501)
    x, y = _cp_pittings(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PitterCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": pitting_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. pot holder heat soak through its layer stack (AdamW)

PH_CELLS = 12
PH_DX = 1e-3
PH_TIMES = (10, 15, 20, 25, 30, 40, 50, 60)
# cell materials: 0 none (pan side padding), 1 silicone, 2 cotton shell, 3 cotton batting, 4 polyester batting,
# 5 Insul-Bright (metallised needled polyester); conductivity W/m K and volumetric heat capacity J/m3 K (dry)
PH_K = (0.0, 0.22, 0.07, 0.045, 0.04, 0.035)
PH_RC = (1.0, 1.6e6, 5.0e5, 2.0e5, 1.2e5, 1.5e5)
PH_ABSORB = (0.0, 0.0, 1.0, 1.0, 0.15, 0.1)  # share of the damp a material takes up


def _ph_holds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A pot holder gripping a hot pan's handle for a minute. The stack from the pan: an optional silicone face (1
    cell), a cotton shell (1), batting (2-7 cells, cotton or polyester), an optional Insul-Bright layer (1), a
    cotton shell (1); padded on the pan side to 12 cells of 1 mm. The damp (0-40% water by the absorbent
    fibres' mass) raises conductivity and heat capacity; the grip (5-40 kPa) compresses the batting (conductivity
    up to +80%); the pan 120-250 C with a contact conductance of 150-600 W/m2 K; the hand a sink at 34 C through
    400 W/m2 K. Explicit finite differences (dt 0.25 s), water boiling off at 100 C (latent 2.26 MJ/kg) before a
    wet cell heats further. 0.1 C scatter. Returns (inputs (n, 9, 12): material one-hot (6), damp, pan
    temperature, grip; hand-side temperatures in C at 10, 15, 20, 25, 30, 40, 50, 60 s (n, 8))."""
    face = torch.rand(n, generator=gen) < 0.35
    batt_n = torch.randint(2, 8, (n,), generator=gen)
    batt_poly = torch.rand(n, generator=gen) < 0.5
    foil = torch.rand(n, generator=gen) < 0.4
    damp = 0.4 * torch.rand(n, generator=gen) ** 2
    t_pan = 120 + 130 * torch.rand(n, generator=gen)
    grip = 5 + 35 * torch.rand(n, generator=gen)
    h_pan = 150 + 450 * torch.rand(n, generator=gen)
    j = torch.arange(PH_CELLS).flip(0).unsqueeze(0)  # cells counted from the hand side
    b1 = torch.full((n, 1), 1)
    b2 = b1 + foil.long().unsqueeze(1)
    b3 = b2 + batt_n.unsqueeze(1)
    b4 = b3 + 1
    b5 = b4 + face.long().unsqueeze(1)
    batt = torch.where(batt_poly, 4, 3).unsqueeze(1)
    mats = torch.where(j < b1, 2, torch.where(j < b2, 5, torch.where(j < b3, batt, torch.where(
        j < b4, 2, torch.where(j < b5, 1, 0)))))
    k = torch.tensor(PH_K)[mats]
    rc = torch.tensor(PH_RC)[mats]
    absorb = torch.tensor(PH_ABSORB)[mats]
    batting = ((mats == 3) | (mats == 4)).float()
    k = k * (1 + 0.8 * batting * (grip / 40).unsqueeze(1)) + 0.5 * absorb * damp.unsqueeze(1)
    rc = rc * (1 + 0.3 * batting * (grip / 40).unsqueeze(1)) + 4.18e6 * 0.12 * absorb * damp.unsqueeze(1)
    water = 2.26e6 * 0.12 * absorb * damp.unsqueeze(1) * PH_DX  # latent J/m2 of each cell
    real = mats > 0
    temp = torch.full((n, PH_CELLS), 25.0)
    temp = torch.where(real, temp, t_pan.unsqueeze(1))
    first = real.float().argmax(1)
    g_in = torch.zeros(n, PH_CELLS)  # conductance into each cell from the one before (W/m2 K)
    inner = 1 / (PH_DX / (2 * k[:, 1:].clamp_min(1e-3)) + PH_DX / (2 * k[:, :-1].clamp_min(1e-3)))
    g_in[:, 1:] = inner * (real[:, 1:] & real[:, :-1]).float()
    rows = torch.arange(n)
    g_in[rows, first] = 1 / (1 / h_pan + PH_DX / (2 * k[rows, first]))
    g_hand = 1 / (1 / 400.0 + PH_DX / (2 * k[:, -1]))
    dt, steps = 0.25, 240
    record = {int(t / dt) for t in PH_TIMES}
    out = []
    cap = rc * PH_DX
    for step in range(1, steps + 1):
        prev = torch.cat([t_pan.unsqueeze(1), temp[:, :-1]], 1)
        prev = torch.where(torch.arange(PH_CELLS).unsqueeze(0) == first.unsqueeze(1), t_pan.unsqueeze(1), prev)
        flux_in = g_in * (prev - temp)
        flux_out = torch.cat([flux_in[:, 1:], (g_hand * (temp[:, -1] - 34)).unsqueeze(1)], 1)
        new = temp + dt * (flux_in - flux_out) / cap
        over = torch.relu(new - 100) * cap * (water > 0).float()
        take = torch.minimum(over, water)
        water = water - take
        new = new - take / cap
        temp = torch.where(real, new, t_pan.unsqueeze(1))
        if step in record:
            out.append(temp[:, -1])
    y = torch.stack(out, 1) + 0.1 * torch.randn(n, len(PH_TIMES), generator=gen)
    x = torch.cat([F.one_hot(mats, 6).float().transpose(1, 2),
                   torch.stack([damp.unsqueeze(1) / 0.2 * real.float(),
                                ((t_pan - 185) / 37.5).unsqueeze(1).expand(n, PH_CELLS),
                                ((grip - 22.5) / 10).unsqueeze(1).expand(n, PH_CELLS)], 1)], 1)
    return x, y


class StackCNN(nn.Module):
    """A 1-D CNN with group norm over the 12 cells (one or two convolutions, each with group norm and GELU), a
    linear read-out of the 8 hand-side temperatures from the flattened features."""

    def __init__(self, width: int = 16, convs: int = 2) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        for i in range(convs):
            layers += [nn.Conv1d(9 if i == 0 else width, width, 3, padding=1), nn.GroupNorm(4, width), nn.GELU()]
        self.net = nn.Sequential(*layers, nn.Flatten(), nn.Linear(width * PH_CELLS, len(PH_TIMES)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def soak_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised hand-side temperatures."""
    return _mse(model, batch)


def pot_holder_soak(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16,
                    convs: int = 2) -> dict[str, Any]:
    """The layer-stack CNN on 4096 holds, targets standardised over them; held out: 2048 other holds in batches of
    1024; AdamW (weight decay 0.01, torch's default)."""
    gen = torch.Generator().manual_seed(145301)
    x, y = _ph_holds(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StackCNN(width, convs), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": soak_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. honey dipper drizzle (Adamax; long only)

HD_HONEYS = 3  # acacia, clover, buckwheat


def _hd_drizzles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A wooden honey dipper (4-8 grooves, 2-3.5 cm across, 5 cm dipped) drawn from a jar at 0.5-10 cm/s (log-
    uniform) and held 5-30 cm above a cup. The honey: acacia, clover, buckwheat (viscosity at 20 C and 17.5% water
    3, 8, 15 Pa s), its water 15-20% (each point lowering the viscosity by a factor 1.45), 10-40 C; a Vogel-Fulcher-
    Tammann temperature law (B 900 K, T0 170 K); density 1420 kg/m3, surface tension 0.06 N/m. Carried: a
    Landau-Levich-Derjaguin film 0.94 l_c Ca^(2/3) blended harmonically into the gravity-limited sqrt(mu U / rho g)
    on the dipper's area, plus the grooves' reservoir (filled more at slow draws). The drizzle: the film drains off
    the tip at a rate ~ rho g h^3 / mu per unit circumference (Jeffreys), the grooves more slowly; its duration is
    the carried volume over the mean rate. The thread falls from the tip at the drain rate, thinning as it
    accelerates under gravity (radius ~ sqrt(Q / pi v)), and coils on landing at the gravitational regime's
    frequency (g Q^3 / nu a^8)^(1/4), damped for thick threads. 4% scatter. Returns (features (n, 10), logs of
    carried grams, drizzle seconds and coiling hertz (n, 3))."""
    honey = torch.randint(0, HD_HONEYS, (n,), generator=gen)
    water = 15 + 5 * torch.rand(n, generator=gen)
    temp_c = 10 + 30 * torch.rand(n, generator=gen)
    grooves = torch.randint(4, 9, (n,), generator=gen).float()
    dia = 0.02 + 0.015 * torch.rand(n, generator=gen)
    speed = 0.005 * 20 ** torch.rand(n, generator=gen)
    height = 0.05 + 0.25 * torch.rand(n, generator=gen)
    rho, gam, g = 1420.0, 0.06, 9.81
    mu20 = torch.tensor([3.0, 8.0, 15.0])[honey] * 1.45 ** (17.5 - water)
    tk = temp_c + 273.15
    mu = mu20 * torch.exp(900 / (tk - 170) - 900 / (293.15 - 170))
    lc = math.sqrt(gam / (rho * g))
    ca = mu * speed / gam
    h_ll = 0.94 * lc * ca ** (2 / 3)
    h_g = (mu * speed / (rho * g)).sqrt()
    h = 1 / (1 / h_ll + 1 / h_g)
    area = math.pi * dia * 0.05 * (1 + 0.3 * grooves / 6)
    groove_vol = grooves * 0.05 * 2e-6 * 15 * (0.6 + 0.4 * torch.exp(-speed / 0.02))
    vol = h * area + groove_vol
    mass = vol * rho * 1000  # g
    rate = rho * g * h**3 / (3 * mu) * math.pi * dia * 4 + groove_vol / (40 * mu / 8)
    duration = vol / rate
    q = vol / duration  # mean drain rate m3/s
    v0 = q / (math.pi * dia**2 / 4 * 0.05)
    v = (v0**2 + 2 * g * height).sqrt()
    a = (q / (math.pi * v)).sqrt()
    nu = mu / rho
    freq = (g * q**3 / (nu * a**8)) ** 0.25 / (2 * math.pi) / (1 + (a / 1e-3) ** 2)
    y = torch.stack([torch.log(mass), torch.log(duration), torch.log(freq)], 1) + 0.04 * torch.randn(
        n, 3, generator=gen)
    x = torch.cat([F.one_hot(honey, HD_HONEYS).float(), torch.stack([
        (water - 17.5) / 1.44, (temp_c - 25) / 8.7, (grooves - 6) / 1.4, (dia - 0.0275) / 0.0043,
        (torch.log(speed) - math.log(0.005 * 20**0.5)) / 0.86, (height - 0.175) / 0.072], 1),
        torch.zeros(n, 1)], 1)
    x[:, -1] = torch.log(mu20) - 2  # the label's printed viscosity at 20 C, as a user would add it
    return x, y


class DrizzleNet(nn.Module):
    """A SiLU MLP from the honey, the dipper and the draw to the log carried mass, drizzle time and coiling
    frequency."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def drizzle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised logs."""
    return _mse(model, batch)


def honey_dipper(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The drizzle net on 8192 draws, targets standardised over them; held out: 2048 other draws in batches of
    1024; Adamax."""
    gen = torch.Generator().manual_seed(145601)
    x, y = _hd_drizzles(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DrizzleNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": drizzle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("peg_bag_wind_rmsprop", peg_bag_wind, 300, "peg_bag_clothesline_gust_swing_slide_gru", "rmsprop", "finite",
      128, seconds=1.3, start_lr=0.032),
    W("magazine_curl_nadam", magazine_curl, 300, "magazine_rack_page_curl_droop_embedding_net", "nadam", "finite",
      128, seconds=0.4, start_lr=0.032),
    W("melon_baller_adamw", melon_baller, 300, "melon_baller_scoop_sequence_depth_postln_transformer", "adamw",
      "finite", 64, seconds=1.2, start_lr=0.016),
    W("pot_holder_soak_adamw", pot_holder_soak, 300, "pot_holder_layer_stack_heat_soak_cnn1d_gn", "adamw",
      "finite", 32, seconds=0.8, start_lr=0.016),
)
LONG = (
    W("honey_dipper_adamax@long", honey_dipper, 3000, "honey_dipper_lld_film_drizzle_coiling_mlp", "adamax",
      "finite", 32, seconds=1.8, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("cherry_pitter_adam@long", cherry_pitter, 3000, "cherry_pitter_plunger_force_trace_outcome_cnn1d_bn", "adam",
      "finite", 32, seconds=3.6, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("magazine_curl_nadam@long", magazine_curl, 3000, "magazine_rack_page_curl_droop_embedding_net", "nadam",
      "finite", 64, dict(train_size=8192, hidden=32), seconds=2.7, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="magazine_curl_nadam"),
    W("pot_holder_soak_adamw@long", pot_holder_soak, 3000, "pot_holder_layer_stack_heat_soak_cnn1d_gn", "adamw",
      "finite", 32, dict(train_size=8192, width=8, convs=1), seconds=3.0, start_lr=0.016,
      grid_fractions=(0.0, 0.05), long_of="pot_holder_soak_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam145_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-forty-fifth exam's workloads")
