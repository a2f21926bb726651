"""The hundred-and-eighty-third exam: six more workload families that neither the suite nor exams 1-180 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam180_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from ravioli and seal leakage, mangles and wringing pressure, mop buckets and
wringer water, sash windows and counterweight friction, awnings and wind load, and downpipes and rainfall flow
(exams 181, 182 and 184 were built at the same time from other domains; their modules were not opened). What was
checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam183/README.md``. Models,
laws and optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- ravioli seal leakage in the boil: a 1-D CNN with circular padding runs round the seal of a square raviolo (32
  points: the pressed seal's width, the egg wash / moisture and the flour dust at each point, plus the filling's
  fill ratio, trapped air, sheet thickness and the boil's vigour as constant channels) to the log seal safety factor
  after 8 minutes and the time to the first leak; the bond from the width, wash and dust (peeling spreads to the
  neighbours), the hydrating dough weakening it over the boil, the pressure of the trapped air heated to 100 C and
  of the filling's steam, stress concentrated at the four corners; NAdam (short)
- mangle wringing: an embedding net (one table per categorical field: the fabric, the folds, the spring notch, the
  rollers, the pass) from a hand mangle's setting and the wash to the residual moisture (kg water per kg dry) of the
  wrung article; the nip's load from the spring, its width from the contact of the covered rollers (Hertz-like,
  a ~ sqrt(F R / E)), the pressure and the dwell time in the nip at the crank's speed, expression by a
  consolidation law towards an equilibrium moisture that falls with pressure; Adagrad (long, torch's defaults)
- mop bucket and wringer water: a GRU over a mopping session (12 dips) from the area mopped, its soil and the wring
  force at each dip (and the mop and bucket, constant) to the bucket water's dirt concentration and the water left
  on the floor after each pass; a mass balance of water and dirt between mop, bucket and floor, the wringer leaving
  a retained water falling exponentially with the press force; SGD with heavy-ball momentum 0.9 (short)
- sash window and counterweight friction: a residual MLP with LayerNorm from a double-hung sash's mass, its
  counterweights, the pulleys (plain cast iron, brass bush, ball bearing), the cord (cotton, nylon, chain) and its
  age, the paint in the channel, the humidity and the parting bead's gap to the force to raise, the force to lower
  and the hold margin; the imbalance, Coulomb friction in the channels (normal force from the bead and the stile's
  swelling), pulley bearing and cord bending losses; SGD with Nesterov momentum 0.9 and weight decay 1e-4 (short and
  long)
- awning wind load: a ReLU MLP over a two-minute anemometer record (16 readings of speed, direction and the
  quasi-steady normal wind pressure proxy (U cos theta)^2, flattened) and the awning's projection, pitch and width
  to the log peak and log mean moment at the arm bracket; a quasi-steady normal-force coefficient falling with the
  wind's angle off the awning's normal, a first-order canopy response with a gust-rate flutter term; RAdam (short),
  Adam (long)
- downpipe rainfall flow at 64 monitored downpipes: an embedding net (a site embedding beside the storm's peak
  intensity, duration, antecedent dry days and season) to the log peak downpipe flow and the gutter's overflow
  volume; the rational method (C i A) with the mean intensity over the roof's time of concentration, an initial
  wetting loss, the outlet and pipe's capacity (a leaf guard clogging it in autumn) capping the flow and the
  excess overflowing; Adagrad (long, torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the mangle and downpipe
embedding nets (no short plans; 64 units a layer, batch 128), the awning MLP on 8192 records (32 units a layer
instead of 64, batch 64 instead of 128, Adam) and the sash residual MLP on 8192 windows (16 wide with one block
instead of 32 wide with two, batch 64 instead of 32).

Of the eight plans: NAdam (ravioli), SGD with heavy-ball momentum (mop), SGD with Nesterov momentum (sash, short and
long), RAdam (awning, short), Adam (awning, long), Adagrad (mangle, downpipe).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam183_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam183/README.md).

    python benchmarks/exam183_workloads.py          # the table
    python benchmarks/exam183_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 183"


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
    """Targets standardised per last-axis column with the mean and sd of the first ``n`` rows (the training pool)."""
    flat = y[:n].reshape(-1, y.shape[-1])
    return (y - flat.mean(0)) / flat.std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. ravioli seal leakage in the boil (NAdam)

RV_PTS = 32


def _rv_ravioli(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Square ravioli sealed by hand, boiled. Round the seal, 32 points: the pressed width 3-12 mm (a smooth
    profile with one or two thin spots where the fork or the cutter missed), the egg wash / moisture 0-1 (patchy)
    and the flour dust 0-1 (patchy). Per raviolo: the fill ratio 0.5-1.1 (overfilled above 1), the trapped air
    0-1.5 ml, the sheet thickness 0.6-1.4 mm and the boil's vigour 0-1. The bond per point = width (0.4 + 0.6 wash)
    (1 - 0.7 dust), smoothed over the neighbours (a peel spreads), weakening as the dough hydrates, to 0.45 + 0.55
    exp(-t / (5 thickness)); the internal pressure from the trapped air heated to 100 C (x 373 / 293) and the
    filling's steam, rising over the first minutes, with the fill ratio and the boil's agitation; the stress at a
    point that pressure times a concentration of 1.6 at the four corners. Outputs: the log of the smallest bond /
    stress after 8 minutes (the seal's safety factor) and the time to the first leak (bond / stress < 1) over a
    12-minute boil, as a fraction of 12 (1 if none). Scatter 4% (lognormal) on the safety factor, 0.02 on the
    time. Returns (features (n, 7, 32), outputs (n, 2))."""
    pos = torch.arange(RV_PTS).float() / RV_PTS * 2 * math.pi

    def patchy(scale: float) -> torch.Tensor:
        a = torch.randn(n, 3, 1, generator=gen) * scale
        ph = torch.rand(n, 3, 1, generator=gen) * 2 * math.pi
        k = torch.tensor([1.0, 2.0, 3.0]).view(1, 3, 1)
        return (a * torch.sin(k * pos.view(1, 1, -1) + ph)).sum(1)

    width = 7.5 + 1.5 * torch.randn(n, 1, generator=gen) + patchy(0.8)
    for _ in range(2):
        at = torch.rand(n, 1, generator=gen) * 2 * math.pi
        depth = 4 * torch.rand(n, 1, generator=gen) * (torch.rand(n, 1, generator=gen) < 0.7).float()
        dist = torch.remainder(pos.view(1, -1) - at + math.pi, 2 * math.pi) - math.pi
        width = width - depth * torch.exp(-(dist**2) / 0.05)
    width = width.clamp(2.0, 12.0)
    wash = (0.6 + 0.25 * torch.randn(n, 1, generator=gen) + patchy(0.15)).clamp(0, 1)
    dust = (0.3 * torch.rand(n, 1, generator=gen) + patchy(0.1)).clamp(0, 1)
    fill = 0.5 + 0.6 * torch.rand(n, generator=gen)
    air = 1.5 * torch.rand(n, generator=gen)
    thick = 0.6 + 0.8 * torch.rand(n, generator=gen)
    vigour = torch.rand(n, generator=gen)
    bond = width * (0.4 + 0.6 * wash) * (1 - 0.7 * dust)
    bond = 0.5 * bond + 0.25 * (bond.roll(1, 1) + bond.roll(-1, 1))
    corner = 1 + 0.6 * torch.cos(4 * pos).clamp_min(0) ** 4
    t = torch.linspace(0.2, 12, 60).view(1, -1, 1)
    press = (0.4 * air * 373 / 293).view(-1, 1, 1) + (0.6 * fill**2).view(-1, 1, 1) * (1 - torch.exp(-t / 2.5))
    press = press * (1 + 0.5 * vigour.view(-1, 1, 1)) * (1 + 2.5 * torch.relu(fill - 0.9).view(-1, 1, 1))
    weak = 0.45 + 0.55 * torch.exp(-t / (5 * thick.view(-1, 1, 1)))
    ratio = (bond.unsqueeze(1) * weak) / (press * corner.view(1, 1, -1) + 0.3)
    worst = ratio.min(2).values  # (n, 60)
    sf8 = worst[:, 39] * torch.exp(0.04 * torch.randn(n, generator=gen))
    leaked = worst < 1
    first = torch.where(leaked.any(1), leaked.float().argmax(1).float(), torch.full((n,), 60.0))
    tfrac = ((first + 1) / 60).clamp(max=1.0) + 0.02 * torch.randn(n, generator=gen)
    const = torch.stack([(fill - 0.8) / 0.17, (air - 0.75) / 0.43, (thick - 1) / 0.23, (vigour - 0.5) / 0.29], 1)
    x = torch.cat([((width - 7.5) / 2).unsqueeze(1), ((wash - 0.6) / 0.25).unsqueeze(1),
                   ((dust - 0.15) / 0.12).unsqueeze(1), const.unsqueeze(2).expand(-1, -1, RV_PTS)], 1)
    return x, torch.stack([torch.log(sf8), tfrac], 1)


class SealCNN(nn.Module):
    """A 1-D CNN round the seal (circular padding), global max and mean pooling, a linear head."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(7, channels, 5, padding=2, padding_mode="circular"), nn.ReLU(),
            nn.Conv1d(channels, channels, 5, padding=2, padding_mode="circular"), nn.ReLU())
        self.head = nn.Linear(2 * channels, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.amax(2), h.mean(2)], 1))


def ravioli_leak(batch_size: int = 32, seed: int = 0, train_size: int = 1024, channels: int = 16) -> dict[str, Any]:
    """The seal CNN on ``train_size`` ravioli, targets standardised over them; held out: 2048 other ravioli in
    batches of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(183101)
    x, y = _rv_ravioli(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SealCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), "loss_fn": _mse,
            "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. mangle wringing (Adagrad; long only)

MG_FIELDS = (8, 6, 8, 4, 3)  # fabric, folds (1-6), spring notch (1-8), rollers, pass (1-3)


def _mg_wrings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Articles put through a hand mangle. The fabric (cotton sheet, linen, terry towel, wool blanket, flannel,
    denim, polyester-cotton, silk: a thickness per layer, a permeability, an equilibrium moisture at low and high
    pressure), the folds (1-6 layers), the spring's notch (1-8: the nip load 150-1200 N), the rollers (wood; rubber
    covered soft, medium, hard: an effective modulus), the pass (1-3: the moisture left by the previous pass);
    continuous: the initial moisture 1.2-2.5 kg/kg, the crank speed 10-60 rpm, the article's width 0.3-0.9 m. The
    nip half-width a = sqrt(4 F R / (pi E L)) (roller radius 6 cm), the mean pressure F / (2 a L), the dwell 2 a /
    v; moisture left = R_eq(P) + (R0 - R_eq) exp(-dwell P k / h) (a consolidation law; h the folded thickness),
    R_eq = R_lo + (R_hi - R_lo) / (1 + P / 60 kPa); each further pass starts from the last. Scatter 1.5% (lognormal).
    Returns (categorical codes (n, 5), continuous (n, 3), log residual moisture (n, 1))."""
    fab = torch.randint(0, 8, (n,), generator=gen)
    folds = torch.randint(0, 6, (n,), generator=gen)
    notch = torch.randint(0, 8, (n,), generator=gen)
    roll = torch.randint(0, 4, (n,), generator=gen)
    npass = torch.randint(0, 3, (n,), generator=gen)
    r0 = 1.2 + 1.3 * torch.rand(n, generator=gen)
    rpm = 10 + 50 * torch.rand(n, generator=gen)
    width = 0.3 + 0.6 * torch.rand(n, generator=gen)
    thick = torch.tensor([0.3, 0.35, 1.8, 2.5, 0.9, 0.8, 0.3, 0.15])[fab] * 1e-3
    perm = torch.tensor([1.0, 1.3, 2.0, 0.6, 0.8, 0.7, 1.6, 1.2])[fab]
    r_lo = torch.tensor([0.45, 0.40, 0.60, 0.75, 0.55, 0.50, 0.25, 0.30])[fab]
    r_hi = torch.tensor([0.9, 0.8, 1.3, 1.5, 1.1, 1.0, 0.5, 0.6])[fab]
    e_mod = torch.tensor([8e6, 1.5e6, 3e6, 6e6])[roll]
    load = 150 * (notch + 1).float()
    h = thick * (folds + 1).float()
    a = torch.sqrt(4 * load * 0.06 / (math.pi * e_mod * width)) + 0.5 * h
    p = load / (2 * a * width)
    dwell = 2 * a / (rpm / 60 * 2 * math.pi * 0.06)
    req = r_lo + (r_hi - r_lo) / (1 + p / 60e3)
    rate = dwell * p * perm * 3e-7 / h
    r = r0
    for k in range(3):
        nxt = req + (r - req) * torch.exp(-rate)
        r = torch.where(npass >= k, nxt, r)
    y = torch.log(r * torch.exp(0.015 * torch.randn(n, generator=gen)))
    cont = torch.stack([(r0 - 1.85) / 0.38, (rpm - 35) / 14.4, (width - 0.6) / 0.17], 1)
    codes = torch.stack([fab, folds, notch, roll, npass], 1)
    return codes, cont, y.view(-1, 1)


class MangleNet(nn.Module):
    """One embedding table for all the fields (offsets per field, 4 dims each), the continuous features appended,
    a two-layer ReLU head."""

    def __init__(self, dim: int = 4, hidden: int = 32) -> None:
        super().__init__()
        self.register_buffer("offsets", torch.tensor([0, *torch.tensor(MG_FIELDS).cumsum(0)[:-1].tolist()]))
        self.emb = nn.Embedding(sum(MG_FIELDS), dim)
        self.head = nn.Sequential(nn.Linear(dim * len(MG_FIELDS) + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                  nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, codes: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        e = self.emb(codes + self.offsets).flatten(1)
        return self.head(torch.cat([e, cont], 1))


def mangle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log residual moisture."""
    codes, cont, y = batch
    return F.mse_loss(model(codes, cont), y)


def mangle_wringing(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The mangle embedding net on ``train_size`` wrings; held out: 2048 others in batches of 1024; Adagrad
    (torch's defaults: no initial accumulator, no decay)."""
    gen = torch.Generator().manual_seed(183102)
    codes, cont, y = _mg_wrings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (codes[:train_size], cont[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MangleNet(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((codes[train_size:], cont[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": mangle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. mop bucket and wringer water (SGD with heavy-ball momentum)

MB_DIPS = 12


def _mb_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Mopping sessions of 12 dips. The mop (cotton strings: capacity 0.45 l, retained water floor 0.12 l; or
    microfibre strips: 0.30 l, 0.05 l, picking up dirt better), the bucket's starting water 6-12 l. At each dip:
    the area mopped since the last one 1-4 m2, its soil 0.5-5 g/m2, the wring force on the press 50-300 N. The mop
    takes up the bucket's water to capacity at the bucket's dirt concentration; the wringer leaves W = W_min + (cap
    - W_min) exp(-F / F0) (F0 120 N cotton, 90 N microfibre), the rest (and its dirt) back in the bucket; on the
    floor the mop lays a film of about 30% of what it holds (more when wetter), takes up a share of the soil
    (falling as the mop gets wetter), and the film carries the bucket's dirt back. Outputs per dip: the log bucket
    concentration (g/l) and the water left on the floor (ml/m2). Scatter 0.1 on the log concentration (a turbidity
    meter's), 2 ml/m2 on the film. Returns (inputs (n, 12, 6): area, soil, force, mop, starting volume, dip index;
    outputs (n, 12, 2))."""
    micro = (torch.rand(n, generator=gen) < 0.5).float()
    cap = 0.45 - 0.15 * micro
    wmin = 0.12 - 0.07 * micro
    f0 = 120 - 30 * micro
    pick = 0.55 + 0.25 * micro
    vol0 = 6 + 6 * torch.rand(n, generator=gen)
    vol = vol0
    dirt = torch.full((n,), 0.5)  # g already in the tap water's bucket
    area = 1 + 3 * torch.rand(n, MB_DIPS, generator=gen)
    soil = 0.5 + 4.5 * torch.rand(n, MB_DIPS, generator=gen) ** 1.5
    force = 50 + 250 * torch.rand(n, MB_DIPS, generator=gen)
    mop_dirt = torch.zeros(n)
    outs = []
    for k in range(MB_DIPS):
        conc = dirt / vol
        take = cap
        vol = vol - take
        dirt = dirt - take * conc + mop_dirt
        held = wmin + (cap - wmin) * torch.exp(-force[:, k] / f0)
        back = take - held
        conc_mop = (take * conc + mop_dirt) / take
        vol = vol + back
        dirt = dirt + back * conc_mop - mop_dirt
        wet = held / cap
        film = 0.3 * held * (0.6 + 0.8 * wet) / area[:, k].clamp_min(1.0)  # l / m2
        picked = soil[:, k] * area[:, k] * pick * (1.2 - 0.5 * wet)
        mop_dirt = held * conc_mop + picked - film * area[:, k] * conc_mop
        mop_dirt = mop_dirt.clamp_min(0)
        conc = (dirt + mop_dirt) / vol
        outs.append(torch.stack([torch.log(conc), 1000 * film], 1))
    y = torch.stack(outs, 1)
    y = y + torch.randn(y.shape, generator=gen) * torch.tensor([0.1, 2.0])
    x = torch.stack([(area - 2.5) / 0.87, (soil - 2.3) / 1.3, (force - 175) / 72,
                     (2 * micro - 1).view(-1, 1).expand(-1, MB_DIPS),
                     ((vol0 - 9) / 1.7).view(-1, 1).expand(-1, MB_DIPS),
                     torch.linspace(-1, 1, MB_DIPS).view(1, -1).expand(n, -1)], 2)
    return x, y


class SessionGRU(nn.Module):
    """A one-layer GRU over the dips, a linear read-out of the two outputs at each dip."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(6, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0])


def mop_bucket(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The session GRU on ``train_size`` sessions, outputs standardised over them; held out: 2048 other sessions in
    batches of 1024; SGD with momentum 0.9 (heavy ball, no dampening, no weight decay)."""
    gen = torch.Generator().manual_seed(183103)
    x, y = _mb_sessions(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SessionGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. sash window and counterweight friction (SGD with Nesterov momentum)


def _sw_sashes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Double-hung sashes on cords over pulleys to counterweights in the box. The sash 6-20 kg, the two weights
    together 0.8-1.15 of it (re-glazing changes the sash, not the weights), the pulleys (plain cast iron, brass
    bush, ball bearing: a bearing loss of 6%, 3%, 1% of the cord's tension each, rising with rust for cast iron),
    the cord (cotton, nylon, chain: a bending loss of 3%, 2%, 1%, cotton's rising with age 0-40 years), paint in
    the channel 0-1 mm, humidity 30-90% (the stiles swell above 50%), the parting bead's gap 0-2 mm. The normal
    force in the channels from the bead (pressing when the gap is small), the swelling and the paint; Coulomb
    friction (mu 0.25 clean, 0.45 painted) on both stiles; static friction 1.3x. Raise force = (m_sash - m_w) g +
    friction + the pulleys' and cord's losses on the weights' tension; lower force = (m_w - m_sash) g + friction +
    losses (negative: the sash drops by itself); hold margin = static friction - |imbalance|. Scatter 2 N. Returns
    (features (n, 12), outputs (n, 3) in tens of newtons)."""
    sash = 6 + 14 * torch.rand(n, generator=gen)
    wt = sash * (0.8 + 0.35 * torch.rand(n, generator=gen))
    pul = torch.randint(0, 3, (n,), generator=gen)
    cord = torch.randint(0, 3, (n,), generator=gen)
    age = 40 * torch.rand(n, generator=gen)
    paint = torch.rand(n, generator=gen)
    hum = 30 + 60 * torch.rand(n, generator=gen)
    gap = 2 * torch.rand(n, generator=gen)
    rust = torch.rand(n, generator=gen)
    g = 9.81
    bear = torch.tensor([0.06, 0.03, 0.01])[pul] * (1 + 1.5 * rust * (pul == 0).float())
    bend = torch.tensor([0.03, 0.02, 0.01])[cord] * (1 + 0.04 * age * (cord == 0).float())
    normal = 30 * torch.relu(1 - gap) ** 2 + 0.8 * torch.relu(hum - 50) + 40 * paint**2 + 5
    mu = 0.25 + 0.2 * paint.clamp(max=0.5) * 2
    fric = 2 * mu * normal
    loss = 2 * (bear + bend) * wt * g
    imb = (sash - wt) * g
    up = imb + fric + loss
    down = -imb + fric + loss
    hold = 1.3 * fric - imb.abs()
    y = torch.stack([up, down, hold], 1) + 2.0 * torch.randn(n, 3, generator=gen)
    x = torch.cat([torch.stack([(sash - 13) / 4, (wt / sash - 0.975) / 0.1, (age - 20) / 11.5, (paint - 0.5) / 0.29,
                                (hum - 60) / 17.3, (gap - 1) / 0.58, (rust - 0.5) / 0.29], 1),
                   F.one_hot(pul, 3).float(), F.one_hot(cord, 3).float()], 1)[:, :12]  # chain: neither cord column
    return x, y / 10


class ResBlock(nn.Module):
    """Pre-norm residual block: LayerNorm, Linear, GELU, Linear, added back."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.ff = nn.Sequential(nn.Linear(width, 2 * width), nn.GELU(), nn.Linear(2 * width, width))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.ff(self.norm(x))


class SashNet(nn.Module):
    """A residual MLP with LayerNorm: an input layer, two pre-norm blocks, a final norm and a linear head."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(12, width)
        self.blocks = nn.Sequential(*[ResBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.inp(x))))


def sash_window(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32,
                blocks: int = 2) -> dict[str, Any]:
    """The sash residual MLP on ``train_size`` windows, targets standardised over them; held out: 2048 other windows in
    batches of 1024; SGD with Nesterov momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(183104)
    x, y = _sw_sashes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SashNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. awning wind load at the arm bracket (RAdam short, Adam long)

AW_STEPS = 16


def _aw_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Two minutes of a gusty wind on a folding-arm awning, 16 readings 7.5 s apart: a mean speed 2-12 m/s with
    gusts (an AR(1) turbulence of intensity 0.15-0.4) and a direction wandering round a mean of -90 to 90 degrees
    off the awning's normal. The awning: projection 1.5-4 m, pitch 5-35 degrees, width 2-6 m. The normal force
    0.5 rho U^2 C_N A, C_N = (0.3 + 1.3 sin(pitch + 10 deg)) (0.35 + 0.65 cos^2 theta) (from memory, constants
    invented); the canopy's response a first-order lag (time constant rising with the projection) plus a flutter
    term from the gust rate (U_t - U_t-1)^2; the moment at the arm brackets = force x projection / 2 / the two arms.
    Outputs: the log peak and the log mean moment (N m). Scatter 3%. Returns (sequence (n, 16, 4): speed, cos and
    sin of the angle, (U cos theta)^2 / 50; awning (n, 3); outputs (n, 2))."""
    mean = 2 + 10 * torch.rand(n, 1, generator=gen)
    ti = 0.15 + 0.25 * torch.rand(n, 1, generator=gen)
    e = torch.randn(n, AW_STEPS, generator=gen)
    turb = torch.zeros(n, AW_STEPS)
    for t in range(AW_STEPS):
        turb[:, t] = (0.7 * turb[:, t - 1] if t else 0) + math.sqrt(1 - 0.49) * e[:, t]
    u = (mean * (1 + ti * turb)).clamp_min(0.2)
    d0 = (torch.rand(n, 1, generator=gen) * 180 - 90)
    dirn = d0 + torch.cumsum(8 * torch.randn(n, AW_STEPS, generator=gen), 1)
    th = torch.deg2rad(dirn)
    proj = 1.5 + 2.5 * torch.rand(n, generator=gen)
    pitch = 5 + 30 * torch.rand(n, generator=gen)
    width = 2 + 4 * torch.rand(n, generator=gen)
    cn = (0.3 + 1.3 * torch.sin(torch.deg2rad(pitch + 10))).view(-1, 1) * (0.35 + 0.65 * torch.cos(th) ** 2)
    force = 0.5 * 1.2 * u**2 * cn * (proj * width).view(-1, 1)
    a = torch.exp(-5 / (2 + 2 * proj)).view(-1, 1)
    resp = torch.zeros(n, AW_STEPS)
    for t in range(AW_STEPS):
        resp[:, t] = a[:, 0] * (resp[:, t - 1] if t else force[:, 0]) + (1 - a[:, 0]) * force[:, t]
    rate = torch.diff(u, dim=1, prepend=u[:, :1])
    resp = resp + 0.2 * rate**2 * (proj * width).view(-1, 1) * (1 + proj.view(-1, 1) / 4)
    mom = resp * (proj / 2 / 2).view(-1, 1)
    y = torch.stack([torch.log(mom.amax(1)), torch.log(mom.mean(1))], 1) + 0.03 * torch.randn(n, 2, generator=gen)
    seq = torch.stack([(u - 7) / 3.5, torch.cos(th), torch.sin(th), (u * torch.cos(th)) ** 2 / 50], 2)
    awn = torch.stack([(proj - 2.75) / 0.72, (pitch - 20) / 8.7, (width - 4) / 1.15], 1)
    return seq, awn, y


class GustMLP(nn.Module):
    """A ReLU MLP on the whole record flattened (16 readings x 4) beside the awning's geometry."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4 * AW_STEPS + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, seq: torch.Tensor, awn: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([seq.flatten(1), awn], 1))


def awning_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log peak and mean bracket moments."""
    seq, awn, y = batch
    return F.mse_loss(model(seq, awn), y)


def awning_wind(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64,
                optimiser: str = "radam") -> dict[str, Any]:
    """The gust MLP on ``train_size`` records, targets standardised over them; held out: 2048 other records
    in batches of 1024; RAdam (torch's defaults) or, for the long plan, Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(183105)
    seq, awn, y = _aw_records(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (seq[:train_size], awn[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GustMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((seq[train_size:], awn[train_size:], y[train_size:]), 1024),
            "optimizer": (_named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam") if optimiser == "radam"
                          else _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam")),
            "loss_fn": awning_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. downpipe rainfall flow at a network of monitored sites (Adagrad; long only)

DP_SITES = 64


def _dp_storms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Storms at 64 monitored downpipes (a flow gauge on each), the site only known by its id. Each site hides a
    roof plan area 20-120 m2, a runoff coefficient 0.75-0.95, a time of concentration 2-8 minutes (steeper roofs
    quicker), a gutter outlet and pipe with a capacity 0.8-3 l/s and a leaf guard that clogs it by 0-40% in autumn.
    A storm: a triangular hyetograph with a peak 10-180 mm/h (log-uniform) and a duration 5-60 minutes, the
    antecedent dry days 0-20 (an initial wetting loss up to 1 mm) and the season (autumn or not). The rational
    method (from memory): the inflow's peak C A i / 3600 with i the mean intensity over the time of concentration
    round the peak (i_peak (1 - tc / (2 D)) when tc < D, else i_peak (2 - D / tc) D / (2 tc)); the downpipe's peak
    flow min(inflow, capacity) (smoothly); the gutter's overflow the triangle's volume above the capacity, (q_in -
    cap)^2 / q_in x D / 2. Outputs: log peak downpipe flow (l/s) and log1p overflow (litres), standardised. Scatter
    3% on the flows and 10% on the overflow. Returns (site ids (n,), storm features (n, 4), outputs (n, 2))."""
    sg = torch.Generator().manual_seed(183160)
    area = 20 + 100 * torch.rand(DP_SITES, generator=sg)
    coef = 0.75 + 0.2 * torch.rand(DP_SITES, generator=sg)
    tc = 2 + 6 * torch.rand(DP_SITES, generator=sg)
    cap = 0.8 + 2.2 * torch.rand(DP_SITES, generator=sg)
    clog = 0.4 * torch.rand(DP_SITES, generator=sg)
    site = torch.randint(0, DP_SITES, (n,), generator=gen)
    ip = 10 * 18 ** torch.rand(n, generator=gen)
    dur = 5 + 55 * torch.rand(n, generator=gen)
    dry = 20 * torch.rand(n, generator=gen)
    autumn = (torch.rand(n, generator=gen) < 0.3).float()
    t_c = tc[site]
    ratio = t_c / dur
    i_mean = torch.where(ratio < 1, ip * (1 - 0.5 * ratio), ip / (4 * ratio) * (2 - 1 / ratio.clamp_min(1)) * 2)
    loss_mm = 1 - torch.exp(-dry / 5)
    depth = ip * dur / 60 / 2
    eff = (1 - loss_mm / depth.clamp_min(0.5)).clamp(0.1, 1)
    q_in = coef[site] * area[site] * i_mean * eff / 3600
    c = cap[site] * (1 - clog[site] * autumn)
    q = c * torch.tanh(q_in / c)
    over = torch.relu(q_in - c) ** 2 / q_in * dur * 60 / 2
    q = q * torch.exp(0.03 * torch.randn(n, generator=gen))
    over = over * torch.exp(0.1 * torch.randn(n, generator=gen))
    feats = torch.stack([(torch.log(ip) - 3.75) / 0.83, (dur - 32.5) / 15.9, (dry - 10) / 5.8, 2 * autumn - 1], 1)
    return site, feats, torch.stack([torch.log(q), torch.log1p(over)], 1)


class SiteNet(nn.Module):
    """A site embedding (8 dims) beside the storm's features, a two-layer ReLU net to the two outputs."""

    def __init__(self, dim: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.site = nn.Embedding(DP_SITES, dim)
        self.net = nn.Sequential(nn.Linear(dim + 4, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, site: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.site(site), feats], 1))


def downpipe_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log peak flow and log1p overflow."""
    site, feats, y = batch
    return F.mse_loss(model(site, feats), y)


def downpipe_flow(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The site net on ``train_size`` storms, targets standardised over them; held out: 2048 other storms at the
    same sites in batches of 1024; Adagrad (torch's defaults), as sparse id features are fitted."""
    gen = torch.Generator().manual_seed(183106)
    site, feats, y = _dp_storms(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (site[:train_size], feats[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SiteNet(hidden=hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((site[train_size:], feats[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": downpipe_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("ravioli_seal_leak_nadam", ravioli_leak, 300, "ravioli_boil_seal_weakest_point_cnn1d_circular", "nadam",
      "finite", 64, dict(train_size=2048), seconds=1.0, start_lr=0.016),
    W("mop_bucket_wringer_momentum", mop_bucket, 300, "mop_bucket_wringer_water_dirt_balance_gru", "sgd_momentum0.9",
      "finite", 64, dict(train_size=2048), seconds=0.9, start_lr=0.4),
    W("sash_window_nesterov", sash_window, 300, "sash_window_counterweight_friction_resmlp_ln",
      "sgd_nesterov0.9_wd1e-4", "finite", 32, seconds=0.4, start_lr=0.05),
    W("awning_wind_radam", awning_wind, 300, "awning_gust_record_arm_bracket_moment_mlp", "radam", "finite",
      128, dict(train_size=4096), seconds=0.4, start_lr=0.064),
)
LONG = (
    W("mangle_wringing_adagrad@long", mangle_wringing, 3000, "mangle_nip_consolidation_moisture_embedding_net",
      "adagrad", "finite", 128, seconds=3.5, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("downpipe_flow_adagrad@long", downpipe_flow, 3000, "downpipe_site_embedding_rational_method_peak_overflow_net",
      "adagrad", "finite", 128, seconds=4.5, start_lr=0.8, grid_fractions=(0.0, 0.05)),
    W("awning_wind_adam@long", awning_wind, 3000, "awning_gust_record_arm_bracket_moment_mlp", "adam", "finite", 64,
      dict(train_size=8192, hidden=32, optimiser="adam"), seconds=4.0, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="awning_wind_radam"),
    W("sash_window_nesterov@long", sash_window, 3000, "sash_window_counterweight_friction_resmlp_ln",
      "sgd_nesterov0.9_wd1e-4", "finite", 64, dict(train_size=8192, width=16, blocks=1), seconds=4.0, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="sash_window_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam183_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-third exam's workloads")
