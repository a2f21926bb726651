"""The hundred-and-ninety-fourth exam: six more workload families that neither the suite nor exams 1-192 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam192_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from lean-tos and wind sheltering, longbows and draw-force curves, minarets and
wind sway, obelisks and quarry hauling, pitons and crack holding force, and slingshots and band elasticity (exams
193, 195 and 196 were built at the same time from other domains; their modules were not opened). What was checked
to make them new, and what was tried and dropped, is in ``benchmarks/results/exam194/README.md``. Models, laws and
optimiser settings are written from memory (no source was looked up); where a law is named, its form is as
remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- longbow draw-force curves: a 1-D CNN over the limb's thickness and width profiles (16 stations from the fade to
  the tip, with the wood, the bow's length and the brace height as constant channels) to the draw force at 8 draw
  lengths (8-28 inches); the limb as a tapered cantilever (its tip compliance the integral of (L - s)^2 / (E I(s)),
  I = w t^3 / 12; all from memory, constants invented), the force-draw curve from the string geometry with late
  stacking and string follow; NAdam
- minaret across-wind sway from vortex shedding: a GRU over a record of 16 twenty-second mean wind speeds at the
  gallery (with the tower's height, top diameter, damping and Scruton number) to the log across-wind amplitude at
  each step; the shedding frequency St U / D against the first bending frequency (~ D / H^2), a lock-in band that
  widens with the amplitude (hysteresis: once locked in, the tower stays locked while the wind drifts), growth
  against damping and a buffeting floor; RAdam
- piton holding force in a crack: a residual MLP with LayerNorm from the piton (knifeblade, lost arrow, angle,
  bugaboo, soft iron), the rock (granite, limestone, sandstone, quartzite), the crack width, the fit, the depth
  driven, the hammer blows, the crack's flare, the load's outward angle and wetness to the log holding force; a soft
  minimum of friction wedging (the rock's elastic grip on the driven blade), the rock's spalling and the steel's
  strength; SGD with Nesterov momentum 0.9, weight decay 5e-4
- slingshot launch from band elasticity: a tanh MLP from the latex (thickness, compound), the band's taper (fork and
  pouch widths), the active length, the draw, the ammunition (steel or clay, diameter) and the pouch mass to the log
  launch speed and the efficiency; stored energy of a neo-Hookean / Mooney-Rivlin band with a strain-crystallisation
  upturn, hysteresis loss by compound, and the band's own moving mass (a third of it for a straight band, less with
  taper); SGD with heavy-ball momentum 0.9 (no weight decay)
- (long) lean-to smoke and wind sheltering by a campfire: an embedding net over the wind's direction against the open
  face (16 sectors), the covering (tarp, bark slabs, birch bark, spruce boughs, brush), the site, the roof's pitch,
  the side walls and a fire-reflector wall (with the wind speed and the fire's distance) to the log wind ratio at the
  sleeper and the log smoke index inside; Adagrad (torch's defaults)
- (long) obelisk hauling on a sledge over a wetted-sand track: a grey-box haul law F = M g (sin theta + cos theta
  mu_eff), mu_eff = a wood factor (a learned per-wood scale) times a learned sand-friction curve of the water content
  plus a learned ploughing term in the contact pressure and grain size, to the log hauling force; Adagrad
- (long) slingshot chronograph fit: a grey-box of the band as first written (neo-Hookean: learned shear moduli and
  hysteresis per compound and the band's moving-mass factor) with a correction net for what it misses (the
  Mooney-Rivlin term, crystallisation, the taper), on the slingshot data above; Adagrad

Short plans (300 steps): NAdam (longbow), RAdam (minaret), SGD with Nesterov momentum (piton), SGD with heavy-ball
momentum (slingshot). Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``),
all four Adagrad: the lean-to net twice (8192 camps, in batches of 32 and of 64), the obelisk
grey-box, and the slingshot grey-box (fed in batches of 8, as shots come off the chronograph). No long plan
lengthens a short one (``long_of`` is unset): the long plans' optimiser is another.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool``); ``optimizer`` is a hook ``(params, lr) -> Optimizer``;
``seed`` varies only the model's initialisation and the batch order. No loss draws random numbers. The entrypoint
is ``benchmarks/exam194_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam194/README.md).

    python benchmarks/exam194_workloads.py          # the table
    python benchmarks/exam194_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 194"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A shuffling DataLoader whose sampler is a ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the
    dataset is indexed with a batch of indices at once), dropping the last partial batch."""
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


def _pack(x: torch.Tensor, y: torch.Tensor, train_size: int, model: nn.Module, batch_size: int, opt: Any,
          loss_fn: Any) -> dict[str, Any]:
    tr = (x[:train_size], y[:train_size])
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024), "optimizer": opt,
            "loss_fn": loss_fn, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 1. lean-to smoke and wind sheltering (Adagrad, embedding net; long only)

LT_FIELDS = (16, 5, 5, 5, 3, 2)  # wind sector, covering, site, pitch bin, side walls, reflector


def _lt_camps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A lean-to with a fire in front of its open face. The wind's direction against the open face (16 sectors; 0:
    blowing into the face), the covering (tarp, bark slabs, birch bark, spruce boughs, brush: porosity 0.02, 0.08,
    0.05, 0.25, 0.40), the site (meadow, forest edge, dense forest, ridge, valley floor: wind factor 1, 0.7, 0.4,
    1.25, 0.8, turbulence 0.15, 0.3, 0.45, 0.2, 0.25), the roof pitch (30-70 degrees in 5 bins), side walls (none,
    one, both), a fire-reflector wall; the wind speed (1-12 m/s, log) and the fire's distance from
    the face (0.8-2.5 m). Wind ratio at the sleeper: face-on wind partly pressurises the dead-end cavity, wind from
    behind leaks through the covering and drives a lee eddy (larger under steep roofs) that flows back into the face,
    cross wind enters at the open sides. Smoke: blown in by face-on wind, drawn in by the lee eddy when the wind is
    from behind, swept away by cross wind, lofted by the fire's plume in light wind; the reflector wall turns the
    eddy's return. Scatter 3% (lognormal). Returns (features (n, 8): six codes then two numbers, targets (n, 2))."""
    codes = torch.stack([torch.randint(0, k, (n,), generator=gen) for k in LT_FIELDS], 1)
    sector, cover, site, pitch, walls, refl = codes.unbind(1)
    u = torch.exp(math.log(1.0) + math.log(12.0) * torch.rand(n, generator=gen))
    dist = 0.8 + 1.7 * torch.rand(n, generator=gen)
    th = sector.float() * (2 * math.pi / 16)
    c, s = torch.cos(th), torch.sin(th).abs()
    por = torch.tensor([0.02, 0.08, 0.05, 0.25, 0.40])[cover]
    sf = torch.tensor([1.0, 0.7, 0.4, 1.25, 0.8])[site]
    ti = torch.tensor([0.15, 0.3, 0.45, 0.2, 0.25])[site]
    phi = torch.deg2rad(30 + 10 * pitch.float())
    eddy = 0.12 + 0.25 * torch.sin(phi) ** 2
    w = walls.float()
    r = refl.float()
    front = torch.relu(c)
    back = torch.relu(-c)
    ratio = (0.28 * front * (1 - 0.2 * w) + back * (por * 0.9 + eddy * (1 - 0.35 * r)) * (1 - 0.1 * w)
             + 0.55 * s * (1 - 0.42 * w) * (1 - 0.3 * front) + 0.25 * ti + 0.02)
    ue = u * sf
    plume = 1 / (1 + (1.6 / ue) ** 1.5)  # light wind: the plume lofts the smoke over the lean-to
    smoke = (1.3 * front * torch.exp(-dist / 1.6) * (1 - 0.15 * w)
             + 1.1 * back * eddy * (1 - 0.55 * r) * torch.exp(-dist / 2.2) * (1 + 0.4 * ti)
             + 0.35 * s * (1 - 0.5 * w) * torch.exp(-dist / 1.0) * (0.6 + 0.8 * por)) * plume + 0.02
    y = torch.stack([torch.log(ratio), torch.log(smoke)], 1) + 0.03 * torch.randn(n, 2, generator=gen)
    x = torch.cat([codes.float(), torch.stack([torch.log(u) - 1.24, (dist - 1.65) / 0.49], 1)], 1)
    return x, y


class ShelterEmbedNet(nn.Module):
    """An embedding per categorical field (dimension 6), concatenated with the two numbers, into a ReLU MLP to the
    log wind ratio and the log smoke index."""

    def __init__(self, dim: int = 6, hidden: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(sum(LT_FIELDS), dim)  # one table, each field at its offset
        self.register_buffer("offsets", torch.tensor([sum(LT_FIELDS[:i]) for i in range(len(LT_FIELDS))]))
        self.net = nn.Sequential(nn.Linear(dim * len(LT_FIELDS) + 2, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        codes = x[:, : len(LT_FIELDS)].long() + self.offsets
        return self.net(torch.cat([self.emb(codes).flatten(1), x[:, len(LT_FIELDS):]], 1))


def leanto_shelter(batch_size: int = 32, seed: int = 0, train_size: int = 8192, dim: int = 6,
                   hidden: int = 32) -> dict[str, Any]:
    """The lean-to embedding net on 8192 camps, targets standardised over them; held out: 2048 other camps;
    Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(194101)
    x, y = _lt_camps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _pack(x, y, train_size, ShelterEmbedNet(dim, hidden), batch_size,
                 _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"), _mse)


# --------------------------------------------------------------------------------------------------------------
# 2. longbow draw-force curves (NAdam, 1-D CNN)

LB_ST = 16
LB_DRAWS = 8
LB_WOODS = 4  # yew, ash, elm, hickory


def _lb_bows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Self longbows: length 1.6-2.0 m (the limb from the fade 0.1 m off centre to the tip), the wood (yew, ash, elm,
    hickory: E 10, 12, 9, 14 GPa, each bow's stave +-8% unseen), the width from 25-40 mm at the fade to 9-15 mm at
    the tip (profile exponent 0.6-1.6), the thickness from 16-24 mm to 8-12 mm (exponent 0.6-1.6) with two knots or
    thin spots (+-6%); brace height 0.13-0.18 m. The tip compliance of the tapered cantilever under a tip load,
    C = integral of (L - s)^2 / (E I(s)) ds with I = w t^3 / 12 (16-point rule), the limb's stiffness 1 / C; the
    draw force F(x) = 2 k (x - b) g(x) with the string geometry's rise, late stacking (1 + 1.2 ((x - b) / L_bow)^2)
    and string follow from a thin limb's set. Outputs: the force (N) at 8 draws 0.20-0.71 m (8-28 inches), 3%
    scatter. Returns (profiles (n, 8, 16): thickness, width, the wood one-hot, length and brace as constant
    channels; forces (n, 8))."""
    length = 1.6 + 0.4 * torch.rand(n, generator=gen)
    wood = torch.randint(0, LB_WOODS, (n,), generator=gen)
    e = torch.tensor([10.0, 12.0, 9.0, 14.0])[wood] * 1e9 * (1 + 0.08 * (2 * torch.rand(n, generator=gen) - 1))
    w0 = 0.025 + 0.015 * torch.rand(n, 1, generator=gen)
    wt = 0.009 + 0.006 * torch.rand(n, 1, generator=gen)
    t0 = 0.016 + 0.008 * torch.rand(n, 1, generator=gen)
    tt = 0.008 + 0.004 * torch.rand(n, 1, generator=gen)
    pw = 0.6 + 1.0 * torch.rand(n, 1, generator=gen)
    pt = 0.6 + 1.0 * torch.rand(n, 1, generator=gen)
    brace = 0.13 + 0.05 * torch.rand(n, generator=gen)
    u = (torch.arange(LB_ST).float().view(1, -1) + 0.5) / LB_ST
    width = w0 + (wt - w0) * u**pw
    thick = t0 + (tt - t0) * u**pt
    for _ in range(2):
        at = torch.rand(n, 1, generator=gen)
        amp = 0.06 * (2 * torch.rand(n, 1, generator=gen) - 1)
        thick = thick * (1 + amp * torch.exp(-((u - at) / 0.08) ** 2))
    limb = (length / 2 - 0.1).view(-1, 1)
    s = u * limb
    inertia = width * thick**3 / 12
    comp = ((limb - s) ** 2 / (e.view(-1, 1) * inertia)).mean(1) * limb.view(-1)
    k = 1 / comp
    draws = 0.20 + (0.71 - 0.20) * torch.arange(LB_DRAWS).float().view(1, -1) / (LB_DRAWS - 1)
    ext = torch.relu(draws - brace.view(-1, 1))
    follow = 1 - 0.25 * (0.012 / thick[:, :4].mean(1, keepdim=True) - 0.5).clamp(0, 1)
    geo = 0.35 * (1 - torch.exp(-ext / 0.05)) + 0.1
    force = 2 * k.view(-1, 1) * ext * geo * (1 + 1.2 * (ext / length.view(-1, 1)) ** 2) * follow
    force = force * torch.exp(0.03 * torch.randn(n, LB_DRAWS, generator=gen))
    chans = [(thick - 0.015) / 0.004, (width - 0.022) / 0.009]
    oh = F.one_hot(wood, LB_WOODS).float().unsqueeze(2).expand(n, LB_WOODS, LB_ST)
    const = torch.stack([(length - 1.8) / 0.115, (brace - 0.155) / 0.0145], 1).unsqueeze(2).expand(n, 2, LB_ST)
    x = torch.cat([torch.stack(chans, 1), oh, const], 1)
    return x, force


class DrawCurveCNN(nn.Module):
    """Two 1-D convolutions (kernel 3, GELU) over the limb's 16 stations, flattened into a linear head for the 8
    draw forces."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2 + LB_WOODS + 2, ch, 3, padding=1), nn.GELU(),
                                  nn.Conv1d(ch, ch, 3, padding=1, stride=2), nn.GELU())
        self.head = nn.Linear(ch * LB_ST // 2, LB_DRAWS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x).flatten(1))


def longbow_draw(batch_size: int = 64, seed: int = 0, train_size: int = 2048, ch: int = 16) -> dict[str, Any]:
    """The draw-curve CNN on 2048 bows, forces standardised per draw over them; held out: 2048 other bows; NAdam
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(194102)
    x, y = _lb_bows(train_size + 2048, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _pack(x, y, train_size, DrawCurveCNN(ch), batch_size,
                 _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"), _mse)


# --------------------------------------------------------------------------------------------------------------
# 3. minaret across-wind sway from vortex shedding (RAdam, GRU)

MN_T = 16


def _mn_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Minarets (masonry or concrete shafts): height 45-70 m, top diameter 3-4.5 m, damping 0.5-2% of critical, mass
    per metre giving a Scruton number 2 m delta / (rho D^2) of 3-20 (log-uniform). First bending frequency f1 =
    625 D / H^2 Hz. A record of 16 twenty-second mean wind speeds at the gallery: a mean of 5-28 m/s, a linear drift
    of +-30% over the record and AR(1) fluctuations (10%). Across-wind amplitude A (as a fraction of D) per step:
    the shedding ratio r = St U / (f1 D) (St 0.2); the lock-in band's half-width 0.2 + 1.5 A (wider once the tower
    moves: hysteresis); growth (25 / Sc) exp(-((r - 1) / band)^2) against 1, limited near A = 0.12; relaxation
    towards a buffeting floor 0.0015 (U / 20)^2 (higher for low damping). Targets: log A per step (25% scatter: a
    20-second amplitude estimate from a gallery accelerometer). Returns (inputs (n, 16, 5): U / 20 and four
    constant tower features, log amplitudes (n, 16))."""
    h = 45 + 25 * torch.rand(n, generator=gen)
    d = 3 + 1.5 * torch.rand(n, generator=gen)
    zeta = 0.005 + 0.015 * torch.rand(n, generator=gen)
    sc = 3 * ((20 / 3) ** torch.rand(n, generator=gen))
    f1 = 625 * d / h**2
    u0 = 5 + 23 * torch.rand(n, generator=gen)
    drift = 0.3 * (2 * torch.rand(n, generator=gen) - 1)
    eps = torch.zeros(n)
    amp = torch.full((n,), 0.002)
    us, amps = [], []
    for t in range(MN_T):
        eps = 0.8 * eps + 0.6 * 0.1 * torch.randn(n, generator=gen)
        u = u0 * (1 + drift * (t / (MN_T - 1) - 0.5)) * (1 + eps)
        r = 0.2 * u / (f1 * d)
        band = 0.2 + 1.5 * amp
        gain = (25 / sc) * torch.exp(-(((r - 1) / band) ** 2))
        floor = 0.0015 * (u / 20) ** 2 * (1 + 2 * (0.02 - zeta) / 0.02)
        amp = amp + 0.6 * (gain - 1) * amp * (1 - amp / 0.12).clamp_min(0) * (zeta / 0.01) ** 0.3
        amp = (amp + 0.25 * (floor - amp)).clamp(1e-4, 0.12)
        us.append(u)
        amps.append(amp)
    u = torch.stack(us, 1)
    y = torch.log(torch.stack(amps, 1)) + 0.25 * torch.randn(n, MN_T, generator=gen)
    const = torch.stack([(h - 57.5) / 7.2, (d - 3.75) / 0.43, (zeta - 0.0125) / 0.0043, torch.log(sc) - 2.05], 1)
    x = torch.cat([(u / 20).unsqueeze(2), const.unsqueeze(1).expand(n, MN_T, 4)], 2)
    return x, y


class SwayGRU(nn.Module):
    """A one-layer GRU over the wind record, a linear read-out of the log amplitude at every step."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0]).squeeze(2)


def minaret_sway(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The sway GRU on 4096 wind records, log amplitudes standardised over them (one mean and sd); held out: 2048
    other records; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(194103)
    x, y = _mn_records(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    torch.manual_seed(seed)
    return _pack(x, y, train_size, SwayGRU(hidden), batch_size,
                 _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"), _mse)


# --------------------------------------------------------------------------------------------------------------
# 4. obelisk hauling on a sledge over wetted sand (Adagrad, grey-box; long only)

OB_WOODS = 3  # sycamore, acacia, cedar


def _ob_hauls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hauling an obelisk on a wooden sledge along a sand track with water poured in front: mass 20-500 t
    (log-uniform), slope -2% to +6%, the sand's water content 0-8% by volume, grain size 0.15-0.8 mm, the runners'
    contact area 2-12 m2, the runners' wood (sycamore, acacia, cedar: friction factors 1.0, 0.9, 1.1), the haul speed
    0.1-0.5 m/s. F = M g (sin theta + cos theta mu_eff); mu_eff = wood x (the sand's sliding friction, 0.55 dry,
    falling to ~0.28 near 4-5% water as capillary bridges stiffen the sand, rising again past 6% as it turns to
    slurry) + ploughing (ruts: 0.08 (p / 50 kPa)^0.7 (d50 / 0.4 mm)^0.3, much less on stiffened wet sand) + a small
    speed term. 1.5% scatter. Returns (features (n, 8): log mass, sin and cos of the slope, water and grain size
    (standardised), log contact pressure over 50 kPa, speed, wood code; log force in kN (n, 1))."""
    mass = 20e3 * 25 ** torch.rand(n, generator=gen)
    slope = -0.02 + 0.08 * torch.rand(n, generator=gen)
    water = 8 * torch.rand(n, generator=gen)
    d50 = 0.15 + 0.65 * torch.rand(n, generator=gen)
    area = 2 * 6 ** torch.rand(n, generator=gen)
    speed = 0.1 + 0.4 * torch.rand(n, generator=gen)
    wood = torch.randint(0, OB_WOODS, (n,), generator=gen)
    th = torch.atan(slope)
    p = mass * 9.81 / area / 1000  # kPa
    mu_sand = 0.55 - 0.29 * torch.sigmoid((water - 2.2) / 0.7) + 0.22 * torch.relu(water - 6) ** 1.5 / 8
    stiff = 1 - 0.75 * torch.sigmoid((water - 2.5) / 0.9) * (1 - torch.relu(water - 6.5) / 3)
    plough = 0.08 * (p / 50) ** 0.7 * (d50 / 0.4) ** 0.3 * stiff
    mu = torch.tensor([1.0, 0.9, 1.1])[wood] * mu_sand + plough + 0.03 * speed
    force = mass * 9.81 * (torch.sin(th) + torch.cos(th) * mu) / 1000
    y = (torch.log(force) + 0.015 * torch.randn(n, generator=gen)).unsqueeze(1)
    lp = torch.log(p / 50)
    x = torch.stack([torch.log(mass / 1e5), torch.sin(th), torch.cos(th), (water - 4) / 2.3, (d50 - 0.47) / 0.19, lp,
                     speed, wood.float()], 1)
    return x, y


class HaulGreyBox(nn.Module):
    """The haul law with its friction learned: M g (sin theta + cos theta (wood_w mu_s(water) + c p^a h(water, d50)
    + b v)), mu_s (softplus) and h (sigmoid) the two outputs of one tanh net 2-16-2 of the water content and the
    grain size, the wood factors, c, a, b learned; the log force (kN)."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.curves = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 2))
        self.log_wood = nn.Parameter(torch.zeros(OB_WOODS))
        self.log_c = nn.Parameter(torch.tensor(-2.0))
        self.a = nn.Parameter(torch.tensor(0.5))
        self.b = nn.Parameter(torch.tensor(0.0))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        lmass, sin, cos, lp, speed, wood = x[:, 0], x[:, 1], x[:, 2], x[:, 5], x[:, 6], x[:, 7]
        c = self.curves(x[:, 3:5])
        mu = (torch.exp(self.log_wood)[wood.long()] * F.softplus(c[:, 0])
              + torch.exp(self.log_c + self.a * lp) * torch.sigmoid(c[:, 1]) + self.b * speed)
        load = sin + cos * mu
        return (lmass + math.log(1e5 * 9.81 / 1000) + torch.log(load.clamp_min(1e-4))).unsqueeze(1)


def obelisk_haul(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 16) -> dict[str, Any]:
    """The haul grey-box on 4096 hauls (log force in kN); held out: 2048 other hauls; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(194104)
    x, y = _ob_hauls(train_size + 2048, gen)
    torch.manual_seed(seed)
    return _pack(x, y, train_size, HaulGreyBox(hidden), batch_size,
                 _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"), _mse)


# --------------------------------------------------------------------------------------------------------------
# 5. piton holding force in a crack (SGD with Nesterov momentum, residual MLP with LayerNorm)

PT_TYPES = 5  # knifeblade, lost arrow, angle, bugaboo, soft iron
PT_ROCKS = 4  # granite, limestone, sandstone, quartzite


def _pt_placements(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pull tests of driven pitons: the piton (knifeblade, lost arrow, angle, bugaboo, soft iron: best crack widths
    4, 7, 16, 6, 8 mm, blade lengths 75, 90, 110, 95, 80 mm, eye strengths 20, 22, 20, 22, 9 kN), the rock (granite,
    limestone, sandstone, quartzite: modulus factor 1, 0.8, 0.35, 1.2, friction 0.65, 0.55, 0.7, 0.6, tensile
    strength 8, 6, 2.5, 12 MPa), the crack width 3-25 mm (log-uniform), the fit (blade thickness over the crack
    width, 0.9-1.3), the depth driven (40-100% of the blade), hammer blows 2-12, the crack's flare 0-15 degrees, the
    load's outward angle 0-60 degrees, wet or dry. Friction wedging: the rock's elastic grip on the interference,
    N ~ E_r softplus(fit - 1) (depth) (1 - exp(-blows / 4)), a mismatch of the crack width and the piton's best
    width lowering it, flare letting it walk out, held = mu N / (1 + 2 sin(angle) (1.2 - depth)); spalling of the
    crack's edge ~ sigma_t (depth x length)^1.5 (1 - flare / 30); the steel's eye. The hold is a soft minimum of
    the three (log-sum-exp with sharpness 4), 30% scatter (lognormal: pull tests of pitons scatter widely). Returns
    (features (n, 16), log force in kN (n, 1))."""
    typ = torch.randint(0, PT_TYPES, (n,), generator=gen)
    rock = torch.randint(0, PT_ROCKS, (n,), generator=gen)
    width = 3 * (25 / 3) ** torch.rand(n, generator=gen)
    fit = 0.9 + 0.4 * torch.rand(n, generator=gen)
    depth = 0.4 + 0.6 * torch.rand(n, generator=gen)
    blows = torch.randint(2, 13, (n,), generator=gen).float()
    flare = 15 * torch.rand(n, generator=gen)
    angle = torch.deg2rad(60 * torch.rand(n, generator=gen))
    wet = (torch.rand(n, generator=gen) < 0.3).float()
    best = torch.tensor([4.0, 7.0, 16.0, 6.0, 8.0])[typ]
    blade = torch.tensor([75.0, 90.0, 110.0, 95.0, 80.0])[typ]
    eye = torch.tensor([20.0, 22.0, 20.0, 22.0, 9.0])[typ]
    er = torch.tensor([1.0, 0.8, 0.35, 1.2])[rock]
    mu = torch.tensor([0.65, 0.55, 0.7, 0.6])[rock] * (1 - 0.2 * wet)
    sig = torch.tensor([8.0, 6.0, 2.5, 12.0])[rock]
    match = torch.exp(-0.8 * torch.log(width / best) ** 2)
    grip = 60 * er * F.softplus((fit - 1.0) / 0.04) * 0.04 * depth * (1 - torch.exp(-blows / 4)) * match
    grip = grip * (1 - 0.5 * flare / 15) * (1 + 0.4 * (typ == 2).float() * (width > 10).float())
    hold = mu * grip / (1 + 2 * torch.sin(angle) * (1.2 - depth))
    spall = 0.004 * sig * (depth * blade) ** 1.5 * (1 - flare / 30) / (1 + torch.sin(angle))
    force = -torch.logsumexp(-4 * torch.stack([torch.log(hold + 0.05), torch.log(spall), torch.log(eye)], 1),
                             1) / 4
    y = (force + 0.3 * torch.randn(n, generator=gen)).unsqueeze(1)
    x = torch.cat([F.one_hot(typ, PT_TYPES).float(), F.one_hot(rock, PT_ROCKS).float(), torch.stack([
        (torch.log(width) - 2.16) / 0.61, (fit - 1.1) / 0.115, (depth - 0.7) / 0.17, (blows - 7) / 3.2,
        (flare - 7.5) / 4.3, (angle - 0.52) / 0.3, 2 * wet - 1], 1)], 1)
    return x, y


class HoldResMLP(nn.Module):
    """A residual MLP: a linear stem to 64 units, two pre-norm blocks (LayerNorm, Linear, GELU, Linear) added to
    the stream, a final LayerNorm and a linear head to the log holding force."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(PT_TYPES + PT_ROCKS + 7, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.head = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for b in self.blocks:
            h = h + b(h)
        return self.head(h)


def piton_hold(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 64) -> dict[str, Any]:
    """The holding-force residual MLP on 8192 pull tests, target standardised over them; held out: 2048 other
    tests; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(194105)
    x, y = _pt_placements(train_size + 2048, gen)
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _pack(x, y, train_size, HoldResMLP(width), batch_size,
                 _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                           weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"), _mse)


# --------------------------------------------------------------------------------------------------------------
# 6. slingshot launch from band elasticity (SGD heavy-ball momentum, MLP; Adagrad grey-box long)

SS_COMPOUNDS = 3  # gum latex, tan latex, black latex
SS_G = (0.42, 0.55, 0.70)  # shear moduli, MPa
SS_HYST = (0.12, 0.18, 0.26)  # hysteresis loss per cycle


def _ss_raw(n: int, gen: torch.Generator) -> dict[str, torch.Tensor]:
    """The shots' raw settings (see ``_ss_shots``)."""
    return {"thick": 0.4 + 0.6 * torch.rand(n, generator=gen), "wf": 15 + 15 * torch.rand(n, generator=gen),
            "taper": 0.45 + 0.55 * torch.rand(n, generator=gen), "l0": 15 + 10 * torch.rand(n, generator=gen),
            "draw": 70 + 30 * torch.rand(n, generator=gen), "steel": (torch.rand(n, generator=gen) < 0.6).float(),
            "dia": 6 + 6 * torch.rand(n, generator=gen), "pouch": 1 + 2 * torch.rand(n, generator=gen),
            "comp": torch.randint(0, SS_COMPOUNDS, (n,), generator=gen)}


def _ss_physics(r: dict[str, torch.Tensor], g: torch.Tensor, hyst: torch.Tensor, c2: Any, cryst: Any,
                kmass: Any, taper_gain: float = 0.25) -> tuple[torch.Tensor, torch.Tensor]:
    """Launch speed (m/s) and efficiency of a two-band slingshot. Each band tapers linearly from the fork width to
    ``taper`` times it at the pouch; stretched to the draw less the pouch's and the fork's 15 cm, at the stretch l =
    stretched / active length. Stored energy per band: the band's volume times the Mooney-Rivlin strain energy of
    uniaxial stretch, C1 (l^2 + 2 / l - 3) + C2 (2 l + 1 / l^2 - 3), C1 = G / 2, C2 = c2 C1, with a strain-
    crystallisation upturn (1 + cryst (l - 5)_+^2), the taper concentrating the stretch at the pouch (x (1 + 0.25
    (1 - taper)^2), ``taper_gain`` 0.25). The ammunition's kinetic energy is (1 - hyst) E, shared with the pouch
    and with the band, which moves with kmass times its mass (a third for a straight band, less for a tapered one:
    x (0.5 + 0.5 taper))."""
    wmean = r["wf"] * (1 + r["taper"]) / 2  # mm
    vol = r["thick"] * wmean * r["l0"] * 10  # mm3 per band
    lam = (r["draw"] - 15).clamp_min(20) / r["l0"]
    c1 = g / 2
    w = c1 * (lam**2 + 2 / lam - 3) + c2 * c1 * (2 * lam + lam**-2 - 3)
    w = w * (1 + cryst * torch.relu(lam - 5) ** 2) * (1 + taper_gain * (1 - r["taper"]) ** 2)
    energy = 2 * w * vol * 1e-3  # MPa x mm3 = mJ -> J
    band_mass = 2 * vol * 0.95e-3  # g
    ammo = (r["dia"] / 20) ** 3 * 4.19 * torch.where(r["steel"] > 0, 7.85, 2.0)  # g
    m_eff = ammo + r["pouch"] + kmass * band_mass * (0.5 + 0.5 * r["taper"])
    ke = (1 - hyst) * energy * (ammo / m_eff)
    v = torch.sqrt(2 * ke / (ammo / 1000))
    return v, ke / energy


def _ss_shots(n: int, gen: torch.Generator, scatter: tuple[float, float] = (0.005, 0.01)
              ) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
    """Chronograph shots of a two-band slingshot: latex 0.4-1.0 mm thick (gum, tan or black compound: G 0.42, 0.55,
    0.70 MPa, hysteresis 12, 18, 26%, each batch of latex +-6% unseen), fork width 15-30 mm, taper 0.45-1 (pouch
    width over fork width), active length 15-25 cm, draw 70-100 cm, steel or clay ammunition 6-12 mm, pouch 1-3 g.
    Physics in ``_ss_physics`` (Mooney-Rivlin C2 = 0.15 C1, crystallisation 0.04, band mass factor 1/3). Targets:
    log speed and the efficiency (x 5), with ``scatter`` on each (0.5% on the speed and 0.002 on the efficiency
    for a chronograph and a force gauge; the hobbyist's table in ``slingshot_launch``: 2% and 0.01). Returns
    (features (n, 11), targets (n, 2), the raw settings)."""
    r = _ss_raw(n, gen)
    g = torch.tensor(SS_G)[r["comp"]] * (1 + 0.06 * (2 * torch.rand(n, generator=gen) - 1))
    hyst = torch.tensor(SS_HYST)[r["comp"]]
    v, eff = _ss_physics(r, g, hyst, 0.15, 0.04, 1 / 3)
    y = torch.stack([torch.log(v) + scatter[0] * torch.randn(n, generator=gen),
                     5 * eff + scatter[1] * torch.randn(n, generator=gen)], 1)
    x = torch.cat([torch.stack([(r["thick"] - 0.7) / 0.17, (r["wf"] - 22.5) / 4.3, (r["taper"] - 0.725) / 0.16,
                                (r["l0"] - 20) / 2.9, (r["draw"] - 85) / 8.7, 2 * r["steel"] - 1,
                                (r["dia"] - 9) / 1.7, (r["pouch"] - 2) / 0.58], 1),
                   F.one_hot(r["comp"], SS_COMPOUNDS).float()], 1)
    return x, y, r


class LaunchMLP(nn.Module):
    """A tanh MLP 11-64-64-2 from the band, draw and ammunition to the log speed and the efficiency."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def slingshot_launch(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The launch MLP on 1024 shots, targets standardised over them; held out: 2048 other shots; SGD with heavy-ball
    momentum 0.9."""
    gen = torch.Generator().manual_seed(194106)
    x, y, _ = _ss_shots(train_size + 2048, gen, (0.02, 0.05))
    y = _standardise(y, train_size)
    torch.manual_seed(seed)
    return _pack(x, y, train_size, LaunchMLP(hidden), batch_size,
                 _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"), _mse)


class BandGreyBox(nn.Module):
    """The band physics of ``_ss_physics`` as a chronograph fitter writes it first: a neo-Hookean band (no
    Mooney-Rivlin C2, no crystallisation upturn, no taper concentration), its constants learned (log shear modulus
    and logit hysteresis per compound, the band's moving-mass factor), and a ReLU correction net 11-32-2 added for
    what the simple law misses. Inputs: the features (11), then what the fitter computes once from each shot's
    settings: the neo-Hookean energy per MPa of shear modulus (J), the ammunition's and the pouch's masses (g), the
    bands' mass times (0.5 + 0.5 taper) (g) and the compound's code."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.log_g = nn.Parameter(torch.full((SS_COMPOUNDS,), math.log(0.5)))
        self.logit_h = nn.Parameter(torch.full((SS_COMPOUNDS,), -1.5))
        self.log_km = nn.Parameter(torch.tensor(math.log(0.5)))
        self.corr = nn.Sequential(nn.Linear(11, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feats, e_unit, ammo, pouch, bm, comp = x[:, :11], x[:, 11], x[:, 12], x[:, 13], x[:, 14], x[:, 15].long()
        keep = ammo / (ammo + pouch + torch.exp(self.log_km) * bm) * (1 - torch.sigmoid(self.logit_h)[comp])
        log_v = 0.5 * (math.log(2000.0) + self.log_g[comp] + torch.log(e_unit * keep / ammo))
        return torch.stack([log_v, 5 * keep], 1) + self.corr(feats)


def slingshot_greybox(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The band grey-box fitted to 1024 shots (log speed and 5 x efficiency, unstandardised); held out: 2048 other
    shots; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(194106)
    x, y, r = _ss_shots(train_size + 2048, gen)
    vol = r["thick"] * r["wf"] * (1 + r["taper"]) / 2 * r["l0"] * 10
    lam = (r["draw"] - 15).clamp_min(20) / r["l0"]
    e_unit = 2 * 0.5 * (lam**2 + 2 / lam - 3) * vol * 1e-3
    ammo = (r["dia"] / 20) ** 3 * 4.19 * torch.where(r["steel"] > 0, 7.85, 2.0)
    bm = 2 * vol * 0.95e-3 * (0.5 + 0.5 * r["taper"])
    fit = torch.stack([e_unit, ammo, r["pouch"], bm, r["comp"].float()], 1)
    torch.manual_seed(seed)
    return _pack(torch.cat([x, fit], 1), y, train_size, BandGreyBox(hidden), batch_size,
                 _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"), _mse)


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("longbow_draw_nadam", longbow_draw, 300, "longbow_tapered_limb_draw_force_curve_cnn1d", "nadam", "finite", 128,
      seconds=1.0, start_lr=0.016),
    W("minaret_sway_radam", minaret_sway, 300, "minaret_vortex_lockin_crosswind_sway_gru", "radam", "finite", 128,
      seconds=2.5, start_lr=0.256),
    W("piton_hold_nesterov", piton_hold, 300, "piton_crack_wedging_holding_force_resmlp_ln", "sgd_nesterov0.9_wd5e-4",
      "finite", 128, seconds=0.6, start_lr=0.0125),
    W("slingshot_launch_momentum", slingshot_launch, 300, "slingshot_latex_band_launch_speed_mlp", "sgd_momentum0.9",
      "finite", 128, seconds=0.3, start_lr=0.2),
)
LONG = (
    W("leanto_shelter_adagrad@long", leanto_shelter, 3000, "leanto_campfire_smoke_wind_shelter_embedding_net",
      "adagrad", "finite", 32, seconds=3.5, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("obelisk_haul_adagrad@long", obelisk_haul, 3000, "obelisk_sledge_wet_sand_haul_greybox", "adagrad", "finite",
      32, seconds=3.0, start_lr=1.024, grid_fractions=(0.0, 0.05)),
    W("slingshot_band_adagrad@long", slingshot_greybox, 3000, "slingshot_band_chronograph_neo_hookean_greybox",
      "adagrad", "finite", 8, seconds=2.5, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("leanto_shelter_b64_adagrad@long", leanto_shelter, 3000, "leanto_campfire_smoke_wind_shelter_embedding_net",
      "adagrad", "finite", 64, seconds=3.5, start_lr=0.256, grid_fractions=(0.0, 0.05)),
)

REGISTRY = Registry(EXAM, LONG, "exam194_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-ninety-fourth exam's workloads")
