"""The hundred-and-eighty-fourth exam: six more workload families that neither the suite nor exams 1-180 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam180_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from skylights and daylight factor, dormers and roof snow load, gazebos and
canopy shade, pergolas and vine growth, tyre treads and wet grip, and hummus and emulsion viscosity (exams 181-183
were built at the same time from other domains; their modules were not opened). What was checked to make them new,
and what was tried and changed, is in ``benchmarks/results/exam184/README.md``. Models, laws and optimiser settings
are written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- skylight daylight factor map: a 2-D CNN (conv-BatchNorm-ReLU, dilated 3x3 convolutions and a global-average
  branch) from a 12 x 12 m room's roof plan (1 m cells, 1-4 rectangular rooflights) with the working-plane-to-ceiling
  height, the light-well depth, the glazing transmittance and the room's mean reflectance broadcast as channels, to
  the log daylight factor at a 6 x 6 grid of working-plane points; the sky component of each glazed cell under a
  CIE overcast sky ((1 + 2 sin alt) / 3), cut by the well's walls at oblique angles, plus a split-flux internally
  reflected component, a maintenance factor of 0.8; MSE of the standardised log DF; SGD with Nesterov momentum 0.9
  and weight decay 5e-4 (the CNN recipe)
- tyre tread wet grip: a 1-D CNN over the tread's cross-section (48 points across the width: the groove depth, 0 on
  the ribs) with the water film, the inflation, the compound's wet-grip index and the sipe density broadcast as
  channels, to the braking friction coefficient at 40, 60, 80, 100 and 120 km/h; groove drainage (the grooves'
  void area against the film to be cleared), Horne's hydroplaning speed (6.36 sqrt(p kPa) km/h) lowered by the
  water the grooves cannot take, a lifted share (V / V_p)^2 of the footprint, the compound's wet friction falling
  with speed, groove edges and sipes adding grip; MSE of the (x3) coefficients; NAdam (torch's defaults)
- gazebo canopy shade over a summer day: a small Post-LN transformer (one encoder layer) over 16 hourly tokens (the
  sun's position in the gazebo's frame, the hour) with the gazebo (roof and floor size, eave height, curtains on
  each side, the fabric's transmittance, latitude) joined to each token, to the floor's mean irradiance and the
  deck's surface temperature each hour; the roof's shadow offset by the sun and overlapped with the floor square,
  curtains blocking low sun, the sky view left under the roof, a first-order thermal lag for the deck; MSE of the
  standardised outputs; RAdam (torch's defaults)
- dormer snow drift: a grey-box model. A weather station's embedding gives its ground snow load and exposure
  (softplus heads); a small tanh net gives the drift's height, base and density; Eurocode-style loads (the roof
  shape coefficient mu_1 of the pitch, C_e C_t s_k) plus a triangular drift against the dormer's upslope face,
  evaluated at 8 points up the roof. The data: the uniform load and a drift whose height follows an ASCE-style
  fetch law (a cube root of the roof length upslope, a fourth root of the ground snow load, capped by the dormer's
  height) with invented constants; MSE of the (/2) loads; SGD with momentum 0.9 (heavy-ball; a structural
  engineer's plain fit) on 2048 and 8192 roofs, and Adagrad (torch's defaults: a sparse station embedding and a
  convex-ish fit) on 8192
- pergola vine cover (a long plan only): an embedding net over the cultivar (36), the garden (48), the pergola's
  style (6) and the pruning regime (4) with the plants, the pergola's area, the year since planting and irrigation,
  to the share of the pergola's roof covered in May-September; a woody framework growing logistically with the
  cultivar's vigour and the garden's degree days, frost dieback of tender cultivars in cold gardens, the leaf-out
  of deciduous ones, pruning that caps the framework and a summer cut in July; MSE of the (x3) cover; Adagrad
  (torch's defaults: embedding features, as recommender-style tabular models use it)
- hummus emulsion viscosity (a long plan only): a residual MLP with LayerNorm (pre-norm blocks) from the recipe
  (cooked chickpea, tahini, olive oil, lemon juice, water), the blending (power, time), the chickpeas' softness and
  the serving temperature to the log apparent viscosity at six shear rates; particle and oil-droplet sizes from
  the blending energy, Krieger-Dougherty viscosity of the solids and droplets in a starchy continuous phase
  (Arrhenius in temperature), a Cross shear-thinning curve; MSE of the standardised logs; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the vine and hummus
nets (no short plans), the dormer grey-box with Adagrad (batch 64) and with SGD with momentum (batch 32; the long
version of the short plan, which uses batch 64), both on 8192 roofs instead of 2048.

Of the eight plans, two use Adagrad (vine, dormer@long), two SGD with heavy-ball momentum (both dormer_momentum
plans), two NAdam (tyre, hummus@long), one RAdam (gazebo) and one SGD with Nesterov momentum (skylight).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam184_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam184/README.md).

    python benchmarks/exam184_workloads.py          # the table
    python benchmarks/exam184_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 184"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. skylight daylight factor map (SGD with Nesterov momentum)

SK_GRID = 12


def _sk_rooms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rooms 12 x 12 m lit by 1-4 rooflights (rectangles of 1-3 x 1-3 one-metre cells at random places). The
    working plane to the ceiling 2.4-5 m, the light well 0-1.5 m deep, glazing transmittance 0.45-0.8, the room's
    mean reflectance 0.3-0.8. Sky component at 6 x 6 working-plane points (every 2 m, each under the centre of a
    2 x 2 block of cells): the sum over glazed cells of (1 + 2 cos t) / 3 cos^2 t / d^2 (CIE overcast sky luminance
    at the altitude seen, t from the vertical, d the distance to the cell), over the unobstructed 7 pi / 9, times
    the glazing and a well factor max(0, 1 - depth tan t / 1.5) (1 - 0.1 depth). Internally reflected component
    (split flux, rooflights): 0.5 T A_glazed R / (A_surfaces (1 - R)). DF = 0.8 (SC + IRC) in %; 3% meter scatter.
    Returns (inputs (n, 5, 12, 12), log DF (n, 36))."""
    g = SK_GRID
    idx = torch.arange(g).float()
    yy, xx = torch.meshgrid(idx, idx, indexing="ij")
    plan = torch.zeros(n, g, g)
    count = torch.randint(1, 5, (n,), generator=gen)
    for k in range(4):
        w = torch.randint(1, 4, (n, 1, 1), generator=gen).float()
        h = torch.randint(1, 4, (n, 1, 1), generator=gen).float()
        x0 = torch.floor(torch.rand(n, 1, 1, generator=gen) * (g - w + 1))
        y0 = torch.floor(torch.rand(n, 1, 1, generator=gen) * (g - h + 1))
        on = (count > k).float().view(n, 1, 1)
        cell = ((xx >= x0) & (xx < x0 + w) & (yy >= y0) & (yy < y0 + h)).float() * on
        plan = torch.maximum(plan, cell)
    height = 2.4 + 2.6 * torch.rand(n, generator=gen)
    well = 1.5 * torch.rand(n, generator=gen)
    tau = 0.45 + 0.35 * torch.rand(n, generator=gen)
    refl = 0.3 + 0.5 * torch.rand(n, generator=gen)
    pts = torch.stack([xx.flatten(), yy.flatten()], 1)
    rec = torch.stack(torch.meshgrid(2 * idx[:g // 2] + 0.5, 2 * idx[:g // 2] + 0.5, indexing="xy"), 2).reshape(-1, 2)
    r2 = ((rec[:, None, :] - pts[None, :, :]) ** 2).sum(-1)  # (receiver, cell)
    sc = torch.zeros(n, (g // 2) ** 2)
    for i in range(0, n, 256):
        hh = height[i:i + 256].view(-1, 1, 1)
        d2 = hh**2 + r2
        c = hh / d2.sqrt()
        tan_t = r2.sqrt() / hh
        wd = well[i:i + 256].view(-1, 1, 1)
        wf = (1 - wd * tan_t / 1.5).clamp_min(0) * (1 - 0.1 * wd)
        k = (1 + 2 * c) / 3 * c**2 / d2 * wf
        sc[i:i + 256] = torch.einsum("brc,bc->br", k, plan[i:i + 256].flatten(1))
    sc = 100 * tau.view(-1, 1) * sc / (7 * math.pi / 9)
    area = plan.flatten(1).sum(1)
    surfaces = 2 * g * g + 4 * g * height
    irc = 100 * 0.5 * tau * area * refl / (surfaces * (1 - refl))
    df = 0.8 * (sc + irc.view(-1, 1))
    df = df * torch.exp(0.03 * torch.randn(df.shape, generator=gen))
    chans = [(height - 3.7) / 0.75, (well - 0.75) / 0.43, (tau - 0.625) / 0.1, (refl - 0.55) / 0.14]
    x = torch.cat([plan.unsqueeze(1)] + [c.view(n, 1, 1, 1).expand(n, 1, g, g) for c in chans], 1)
    return x, torch.log(df)


class DaylightCNN(nn.Module):
    """Dilated 3x3 convolutions (conv-BatchNorm-ReLU) over the roof plan, a global-average branch broadcast back,
    then a 2x2 average pool to the 6 x 6 working-plane grid and a 1x1 head."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.c1 = nn.Conv2d(5, width, 3, padding=1, bias=False)
        self.b1 = nn.BatchNorm2d(width)
        self.c2 = nn.Conv2d(width, width, 3, padding=2, dilation=2, bias=False)
        self.b2 = nn.BatchNorm2d(width)
        self.c3 = nn.Conv2d(width, width, 3, padding=4, dilation=4, bias=False)
        self.b3 = nn.BatchNorm2d(width)
        self.mix = nn.Conv2d(2 * width, width, 1)
        self.head = nn.Conv2d(width, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.relu(self.b1(self.c1(x)))
        h = F.relu(self.b2(self.c2(h)))
        h = F.relu(self.b3(self.c3(h)))
        glob = h.mean((2, 3), keepdim=True).expand_as(h)
        h = F.relu(self.mix(torch.cat([h, glob], 1)))
        return self.head(F.avg_pool2d(h, 2)).flatten(1)


def skylight_daylight(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The daylight CNN on 2048 rooms, log DF standardised over them (one mean and sd); held out: 1024 other rooms
    in batches of 512; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(184101)
    x, y = _sk_rooms(train_size + 1024, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DaylightCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. tyre tread wet grip (NAdam)

TY_PTS = 48
TY_SPEEDS = (40.0, 60.0, 80.0, 100.0, 120.0)


def _ty_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wet braking tests of tyres with a 200 mm tread: 2-5 circumferential grooves 1-3 points wide (4.2 mm a point)
    at random places, all as deep as the tread's remaining depth (1.6-8 mm), a water film 0.5-3 mm, inflation
    180-300 kPa, the compound's wet-grip index 0.8-1.2, sipe density 0-1. The grooves take a water flux in
    proportion to their void area (0.6 A_g V); the film the footprint meets (h B V) beyond that is excess water. The
    hydroplaning speed: Horne's 6.36 sqrt(p) km/h, lowered by the excess film (1.25 - 0.5 tanh(excess / 0.6 mm)). A
    share (V / V_p)^2 (at most 1) of the footprint lifts; the rest grips at 0.75 index (1 - 0.25 V / 100) times
    (1 + 0.012 edges + 0.08 sipes); a lifted footprint keeps 0.05. 2% scatter. Returns (inputs (n, 5, 48),
    friction coefficients x3 at 40-120 km/h (n, 5))."""
    width = 200.0
    pt = width / TY_PTS
    depth = 1.6 + 6.4 * torch.rand(n, generator=gen)
    prof = torch.zeros(n, TY_PTS)
    grooves = torch.randint(2, 6, (n,), generator=gen)
    pos = torch.arange(TY_PTS).float().view(1, -1)
    for k in range(5):
        gw = torch.randint(1, 4, (n, 1), generator=gen).float()
        g0 = torch.floor(torch.rand(n, 1, generator=gen) * (TY_PTS - gw - 3)) + 2
        on = (grooves > k).float().view(n, 1)
        prof = torch.maximum(prof, ((pos >= g0) & (pos < g0 + gw)).float() * on)
    edges = (prof[:, 1:] - prof[:, :-1]).abs().sum(1)
    prof = prof * depth.view(-1, 1)
    film = 0.5 + 2.5 * torch.rand(n, generator=gen)
    press = 180 + 120 * torch.rand(n, generator=gen)
    index = 0.8 + 0.4 * torch.rand(n, generator=gen)
    sipes = torch.rand(n, generator=gen)
    void = prof.sum(1) * pt  # mm2
    excess = (film - 0.6 * void / width).clamp_min(0)
    vp = 6.36 * press.sqrt() * (1.25 - 0.5 * torch.tanh(excess / 0.6))
    mus = []
    for v in TY_SPEEDS:
        lift = ((v / vp) ** 2).clamp(max=1.0)
        grip = 0.75 * index * (1 - 0.25 * v / 100) * (1 + 0.012 * edges + 0.08 * sipes)
        mus.append(grip * (1 - lift) + 0.05 * lift)
    mu = torch.stack(mus, 1) * torch.exp(0.02 * torch.randn(n, len(TY_SPEEDS), generator=gen))
    chans = [(film - 1.75) / 0.72, (press - 240) / 35, (index - 1.0) / 0.115, (sipes - 0.5) / 0.29]
    x = torch.cat([(prof / 4).unsqueeze(1)] + [c.view(n, 1, 1).expand(n, 1, TY_PTS) for c in chans], 1)
    return x, 3 * mu


class TreadCNN(nn.Module):
    """Two 1-D convolutions over the cross-section, mean and max pooled, then a small head to the five speeds."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.c1 = nn.Conv1d(5, width, 5, padding=2)
        self.c2 = nn.Conv1d(width, width, 5, padding=2)
        self.fc = nn.Linear(2 * width + 4, 32)
        self.out = nn.Linear(32, len(TY_SPEEDS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.relu(self.c2(F.relu(self.c1(x))))
        feats = torch.cat([h.mean(2), h.amax(2), x[:, 1:, 0]], 1)
        return self.out(F.relu(self.fc(feats)))


def tyre_wet_grip(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The tread CNN on 2048 braking tests; held out: 2048 other tests in batches of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(184102)
    x, y = _ty_tests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TreadCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. gazebo canopy shade over a summer day (RAdam)

GZ_HOURS = 16  # 05:00 to 20:00 solar time


def _gz_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """A square gazebo on a summer day (day 120-240): latitude 30-55 N, the gazebo turned 0-90 degrees, roof 3-4.5 m
    square, floor 2.8-4 m square, eaves 2.1-2.7 m, a curtain on each side with probability 0.3 (hanging 0.6 of the
    eave height), fabric transmittance 0-0.25. The sun from the declination and hour angle; the roof's shadow moved
    by -H (s_x, s_y) / s_z and its overlap with the floor square; a curtain on a sunlit side shades the strip whose
    rays pass through it; shade = 1 - (1 - roof)(1 - curtains). Floor irradiance: the beam (DNI 900 exp(-0.15 /
    (s_z + 0.03))) times s_z and (1 - shade (1 - tau)), and the diffuse (110 + 60 s_z) times the sky view left
    under the roof. Deck temperature: first order towards the air (18 C + 10 C sin through the day) plus 0.03 K
    per W/m2, a 1.5-hour time constant. 3% scatter. Returns (tokens (n, 16, 5), globals (n, 9), outputs
    (n, 16, 2))."""
    lat = torch.deg2rad(30 + 25 * torch.rand(n, generator=gen))
    doy = 120 + 120 * torch.rand(n, generator=gen)
    turn = torch.deg2rad(90 * torch.rand(n, generator=gen))
    roof = 3 + 1.5 * torch.rand(n, generator=gen)
    floor = 2.8 + 1.2 * torch.rand(n, generator=gen)
    eave = 2.1 + 0.6 * torch.rand(n, generator=gen)
    curt = (torch.rand(n, 4, generator=gen) < 0.3).float()  # +x, -x, +y, -y
    tau = 0.25 * torch.rand(n, generator=gen)
    decl = torch.deg2rad(23.45 * torch.sin(2 * math.pi * (284 + doy) / 365))
    hours = torch.arange(GZ_HOURS).float() + 5
    om = torch.deg2rad(15 * (hours - 12)).view(1, -1)
    la, de = lat.view(-1, 1), decl.view(-1, 1)
    east = -torch.cos(de) * torch.sin(om)
    north = torch.cos(la) * torch.sin(de) - torch.sin(la) * torch.cos(de) * torch.cos(om)
    up = torch.sin(la) * torch.sin(de) + torch.cos(la) * torch.cos(de) * torch.cos(om)
    c, s = torch.cos(turn).view(-1, 1), torch.sin(turn).view(-1, 1)
    sx, sy = c * east + s * north, -s * east + c * north
    upc = up.clamp_min(0.02)
    H, R, Fl = eave.view(-1, 1), roof.view(-1, 1), floor.view(-1, 1)
    dx, dy = -H * sx / upc, -H * sy / upc

    def overlap(d: torch.Tensor) -> torch.Tensor:
        return ((torch.minimum(Fl / 2, d + R / 2) - torch.maximum(-Fl / 2, d - R / 2)).clamp_min(0) / Fl).clamp(max=1)

    roof_shade = overlap(dx) * overlap(dy)
    drop = 0.6 * H

    def strip(comp: torch.Tensor, flag: torch.Tensor) -> torch.Tensor:
        # rays through a curtain on the side the sun is on: floor points from H - drop to H below that side's line
        run = comp.abs() / upc
        near = ((H - drop) * run).clamp(max=Fl)
        far = (H * run).clamp(max=Fl)
        return flag * (far - near) / Fl

    cx = strip(sx, torch.where(sx > 0, curt[:, 0:1], curt[:, 1:2]))
    cy = strip(sy, torch.where(sy > 0, curt[:, 2:3], curt[:, 3:4]))
    shade = 1 - (1 - roof_shade) * (1 - cx) * (1 - cy)
    sun_up = (up > 0).float()
    dni = 900 * torch.exp(-0.15 / (up.clamp_min(0) + 0.03)) * sun_up
    beam = dni * up.clamp_min(0) * (1 - shade * (1 - tau.view(-1, 1)))
    view = 1 - (R**2 / (R**2 + (2 * H) ** 2)) * (1 - tau.view(-1, 1)) - 0.08 * curt.sum(1, keepdim=True)
    irr = beam + (110 + 60 * up.clamp_min(0)) * sun_up * view
    air = 18 + 10 * torch.sin(math.pi * (hours - 8) / 14).view(1, -1)
    deck = torch.zeros_like(irr)
    t = air[:, 0] + 0.03 * irr[:, 0]
    for k in range(GZ_HOURS):
        target = air[:, k] + 0.03 * irr[:, k]
        t = target + (t - target) * math.exp(-1 / 1.5)
        deck[:, k] = t
    y = torch.stack([irr / 300, (deck - 30) / 8], 2) * torch.exp(0.03 * torch.randn(n, GZ_HOURS, 2, generator=gen))
    ph = 2 * math.pi * hours / 24
    tokens = torch.stack([up, sx, sy, torch.sin(ph).expand(n, -1), torch.cos(ph).expand(n, -1)], 2)
    glob = torch.cat([torch.stack([(roof - 3.75) / 0.43, (floor - 3.4) / 0.35, (eave - 2.4) / 0.17,
                                   (tau - 0.125) / 0.072, (torch.rad2deg(lat) - 42.5) / 7.2], 1), 2 * curt - 1], 1)
    return tokens, glob, y


class ShadeTransformer(nn.Module):
    """Hourly tokens (sun and hour, with the gazebo's features joined) through a linear embedding and a learned
    position, one Post-LN encoder layer (torch's default layout) and a linear head to the two outputs per hour."""

    def __init__(self, d: int = 32, layers: int = 1, heads: int = 4) -> None:
        super().__init__()
        self.embed = nn.Linear(5 + 9, d)
        self.pos = nn.Parameter(torch.zeros(1, GZ_HOURS, d))
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d, 2)

    def forward(self, tokens: torch.Tensor, glob: torch.Tensor) -> torch.Tensor:
        x = torch.cat([tokens, glob.unsqueeze(1).expand(-1, tokens.shape[1], -1)], 2)
        return self.head(self.encoder(self.embed(x) + self.pos))


def gazebo_shade(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The shade transformer on 2048 gazebo-days; held out: 1024 other days in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(184103)
    tok, glob, y = _gz_days(train_size + 1024, gen)
    mean, sd = y[:train_size].mean((0, 1)), y[:train_size].std((0, 1))
    y = (y - mean) / sd
    tr = (tok[:train_size], glob[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShadeTransformer(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], glob[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. hummus emulsion viscosity (NAdam; long only)

HU_RATES = (0.1, 1.0, 10.0, 50.0, 100.0, 300.0)


def _hu_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hummus batches: cooked chickpea 40-65%, tahini 5-25%, olive oil 0-12%, lemon juice 2-8% (the rest water);
    a blender of 400-1500 W for 1-8 minutes (per kg); the chickpeas' softness 0-1 (peeled, overcooked); served at
    5-40 C. Particle d50 = 60 um (E / 100 kJ/kg)^-0.35 (1.3 - 0.5 softness); the swollen chickpea solids
    phi_s = 0.85 chickpea and the oil droplets phi_o = 0.9 (oil + 0.55 tahini). Krieger-Dougherty
    eta_0 = eta_c (1 - r)^(-2.5 phi_m), r = 0.95 tanh(phi / phi_m / 0.95) (a soft cap short of jamming),
    phi_m = 0.62 + 0.12 tanh(d50 / 40 um) + 0.1 tahini (its protein emulsifies) less 0.8 (lemon - 0.05)
    (flocculation by acid); eta_c = 0.02 (1 + 6 chickpea) exp(2200 (1 / T - 1 / 298)) Pa s. Cross model
    eta = eta_inf + (eta_0 - eta_inf) / (1 + (lambda gamma)^m), lambda = 4 (1 + 3 tahini) s, m = 0.65 + 1.25 oil,
    eta_inf = 1.5 eta_c. 0.003 (0.7%) rheometer scatter on log10 eta. Returns (features (n, 8), log10 eta at six
    shear rates (n, 6))."""
    chick = 0.40 + 0.25 * torch.rand(n, generator=gen)
    tahini = 0.05 + 0.20 * torch.rand(n, generator=gen)
    oil = 0.12 * torch.rand(n, generator=gen)
    lemon = 0.02 + 0.06 * torch.rand(n, generator=gen)
    power = 400 + 1100 * torch.rand(n, generator=gen)
    minutes = 1 + 7 * torch.rand(n, generator=gen)
    soft = torch.rand(n, generator=gen)
    temp = 5 + 35 * torch.rand(n, generator=gen)
    energy = power * minutes * 60 / 1000  # kJ per kg
    d50 = 60 * (energy / 100) ** -0.35 * (1.3 - 0.5 * soft)
    phi = 0.85 * chick + 0.9 * (oil + 0.55 * tahini)
    phi_m = 0.62 + 0.12 * torch.tanh(d50 / 40) - 0.8 * (lemon - 0.05) + 0.1 * tahini
    ratio = 0.95 * torch.tanh(phi / phi_m / 0.95)
    eta_c = 0.02 * (1 + 6 * chick) * torch.exp(2200 * (1 / (temp + 273.15) - 1 / 298.15))
    eta0 = eta_c * (1 - ratio) ** (-2.5 * phi_m)
    lam = 4 * (1 + 3 * tahini)
    m = 0.65 + 0.5 * oil / 0.12 * 0.3
    eta_inf = 1.5 * eta_c
    out = []
    for g in HU_RATES:
        eta = eta_inf + (eta0 - eta_inf) / (1 + (lam * g) ** m)
        out.append(torch.log10(eta))
    y = torch.stack(out, 1) + 0.003 * torch.randn(n, len(HU_RATES), generator=gen)
    x = torch.stack([(chick - 0.525) / 0.072, (tahini - 0.15) / 0.058, (oil - 0.06) / 0.035, (lemon - 0.05) / 0.017,
                     (power - 950) / 318, (minutes - 4.5) / 2.0, (soft - 0.5) / 0.29, (temp - 22.5) / 10.1], 1)
    return x, y


class ResMLP(nn.Module):
    """A residual MLP with pre-norm blocks (LayerNorm, Linear, GELU, Linear), a final LayerNorm and a linear head."""

    def __init__(self, inputs: int = 8, outputs: int = 6, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(inputs, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                  nn.Linear(2 * width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.out = nn.Linear(width, outputs)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.inp(x)
        for b in self.blocks:
            h = h + b(h)
        return self.out(self.norm(h))


def hummus_viscosity(batch_size: int = 32, seed: int = 0, train_size: int = 1024, width: int = 32) -> dict[str, Any]:
    """The residual MLP on 1024 hummus batches, log viscosities standardised per rate over them; held out: 2048
    other batches in batches of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(184104)
    x, y = _hu_batches(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ResMLP(width=width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. pergola vine cover (Adagrad; long only)

PG_CULTIVARS, PG_GARDENS, PG_STYLES, PG_PRUNING = 36, 48, 6, 4
PG_MONTHS = (5, 6, 7, 8, 9)


def _pg_vines(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Vines over garden pergolas (grapes, wisteria, clematis, hops, kiwi, climbing roses, trumpet vine, Virginia
    creeper...: 36 cultivars with a vigour 0.5-1.5, a hardiness -25 to -5 C, evergreen or deciduous with a leaf-out
    month 3.5-5.5); 48 gardens with growing degree days 900-2400 and a winter minimum -22 to -2 C; 6 pergola styles
    (rafter spacing: support 0.75-1.0); 4 pruning regimes (none, spur, hard, summer cut in July). Per vine: 1-4
    plants, a roof of 6-20 m2, year 1-6 since planting, irrigated or not. The woody framework
    sigmoid(1.6 vigour (gdd / 1500) (plants / area)^0.5 3 year (0.8 + 0.3 irrigated) - 3), killed back by up to 60%
    where the winter minimum falls below the hardiness (x 1 - 0.6 sigmoid((hardiness - minimum) / 3 K)), capped by
    pruning (1.0, 0.85, 0.6, 0.9). The roof cover in month m: framework x support x (evergreen: 0.9; else
    sigmoid(2 (m - leaf-out))), a summer cut taking 35% in July regrowing 15% a month. 0.02 scatter. Returns (ids
    (n, 4), numbers (n, 4), cover x3 (n, 5))."""
    cg = torch.Generator().manual_seed(184105 * 7)  # the world's fixed traits
    vigour = 0.5 + torch.rand(PG_CULTIVARS, generator=cg)
    hardy = -25 + 20 * torch.rand(PG_CULTIVARS, generator=cg)
    evergreen = (torch.rand(PG_CULTIVARS, generator=cg) < 0.2).float()
    leafout = 3.5 + 2 * torch.rand(PG_CULTIVARS, generator=cg)
    gdd = 900 + 1500 * torch.rand(PG_GARDENS, generator=cg)
    tmin = -22 + 20 * torch.rand(PG_GARDENS, generator=cg)
    support = 0.75 + 0.25 * torch.rand(PG_STYLES, generator=cg)
    cap = torch.tensor([1.0, 0.85, 0.6, 0.9])
    cv = torch.randint(0, PG_CULTIVARS, (n,), generator=gen)
    gd = torch.randint(0, PG_GARDENS, (n,), generator=gen)
    st = torch.randint(0, PG_STYLES, (n,), generator=gen)
    pr = torch.randint(0, PG_PRUNING, (n,), generator=gen)
    plants = torch.randint(1, 5, (n,), generator=gen).float()
    area = 6 + 14 * torch.rand(n, generator=gen)
    year = torch.randint(1, 7, (n,), generator=gen).float()
    irr = (torch.rand(n, generator=gen) < 0.5).float()
    drive = 1.6 * vigour[cv] * (gdd[gd] / 1500) * (plants / area).sqrt() * 3 * year * (0.8 + 0.3 * irr)
    frame = torch.sigmoid(drive - 3)
    frame = frame * (1 - 0.6 * torch.sigmoid((hardy[cv] - tmin[gd]) / 3))
    frame = torch.minimum(frame, cap[pr]) * support[st]
    covers = []
    for m in PG_MONTHS:
        leaf = evergreen[cv] * 0.9 + (1 - evergreen[cv]) * torch.sigmoid(2 * (m - leafout[cv]))
        cut = torch.where(pr == 3, torch.tensor(1 - 0.35 * (m >= 7) * max(0.0, 1 - 0.15 / 0.35 * (m - 7))),
                          torch.tensor(1.0))
        covers.append(frame * leaf * cut)
    y = torch.stack(covers, 1) + 0.02 * torch.randn(n, len(PG_MONTHS), generator=gen)
    ids = torch.stack([cv, gd, st, pr], 1)
    nums = torch.stack([(plants - 2.5) / 1.1, (area - 13) / 4.0, (year - 3.5) / 1.7, 2 * irr - 1], 1)
    return ids, nums, 3 * y


class VineNet(nn.Module):
    """Embeddings of the cultivar, garden, style and pruning, joined with the numbers, through two ReLU layers."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.cv = nn.Embedding(PG_CULTIVARS, 8)
        self.gd = nn.Embedding(PG_GARDENS, 8)
        self.st = nn.Embedding(PG_STYLES, 4)
        self.pr = nn.Embedding(PG_PRUNING, 4)
        self.net = nn.Sequential(nn.Linear(28, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, len(PG_MONTHS)))

    def forward(self, ids: torch.Tensor, nums: torch.Tensor) -> torch.Tensor:
        e = torch.cat([self.cv(ids[:, 0]), self.gd(ids[:, 1]), self.st(ids[:, 2]), self.pr(ids[:, 3]), nums], 1)
        return self.net(e)


def pergola_vine(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The vine embedding net on 8192 pergolas; held out: 2048 others in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(184105)
    ids, nums, y = _pg_vines(train_size + 2048, gen)
    tr = (ids[:train_size], nums[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VineNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], nums[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. dormer snow drift, a grey-box model (SGD with heavy-ball momentum; Adagrad)

DM_STATIONS = 40
DM_PTS = 8  # 0.25, 0.75, ..., 3.75 m up the roof from the dormer's face


def _mu1(pitch: torch.Tensor) -> torch.Tensor:
    """The roof shape coefficient (Eurocode-style, from memory): 0.8 to 30 degrees, falling to 0 at 60."""
    return (0.8 * (60 - pitch) / 30).clamp(0, 0.8)


def _dm_roofs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Snow surveys above dormers: 40 weather stations (ground snow load 0.5-4 kN/m2, exposure 0.8-1.2, snow
    density by the station's winter warmth); roof pitch 15-55 degrees; the dormer's face 0.8-2.5 m tall and 1-4 m
    wide; the roof upslope of it 2-10 m; the roof's thermal factor 0.8-1.0; windward (0) or leeward (1) of the
    prevailing wind. Uniform load mu_1 C_e C_t s_k; a drift against the face whose height is
    0.35 l_u^(1/3) (s_k + 0.5)^(1/4) (0.6 + 0.4 leeward) (1.4 - exposure) m less the uniform snow's depth, capped
    at the face's height less that depth (full drift when capped: a longer base), base 4 h_d (up to 5 m), density
    2 + 0.3 s_k kN/m3 (warmer stations denser), steep roofs shedding it (x mu_1 / 0.8); the load at 8 points up the
    roof. 5% scatter. Returns (station ids (n,), features (n, 6), loads /2 (n, 8))."""
    sg = torch.Generator().manual_seed(184106 * 7)
    sk_st = 0.5 + 3.5 * torch.rand(DM_STATIONS, generator=sg)
    ce_st = 0.8 + 0.4 * torch.rand(DM_STATIONS, generator=sg)
    warm_st = torch.rand(DM_STATIONS, generator=sg)
    st = torch.randint(0, DM_STATIONS, (n,), generator=gen)
    pitch = 15 + 40 * torch.rand(n, generator=gen)
    face = 0.8 + 1.7 * torch.rand(n, generator=gen)
    width = 1 + 3 * torch.rand(n, generator=gen)
    lu = 2 + 8 * torch.rand(n, generator=gen)
    ct = 0.8 + 0.2 * torch.rand(n, generator=gen)
    lee = (torch.rand(n, generator=gen) < 0.5).float()
    sk, ce, warm = sk_st[st], ce_st[st], warm_st[st]
    mu1 = _mu1(pitch)
    uniform = mu1 * ce * ct * sk
    gamma = 2 + 0.3 * sk + 1.0 * warm
    hb = uniform / gamma
    hd = 0.35 * lu ** (1 / 3) * (sk + 0.5) ** 0.25 * (0.6 + 0.4 * lee) * (1.4 - ce) * (0.7 + 0.1 * width)
    room = (face - hb).clamp_min(0.05)
    base = torch.where(hd <= room, 4 * hd, 4 * hd**2 / room).clamp(max=5.0)
    hd = torch.minimum(hd, room) * (mu1 / 0.8)
    xs = (torch.arange(DM_PTS).float() + 0.5) * 0.5
    drift = gamma.view(-1, 1) * hd.view(-1, 1) * (1 - xs.view(1, -1) / base.view(-1, 1)).clamp_min(0)
    load = (uniform.view(-1, 1) + drift) * torch.exp(0.05 * torch.randn(n, DM_PTS, generator=gen))
    x = torch.stack([(pitch - 35) / 11.5, (face - 1.65) / 0.49, (width - 2.5) / 0.87, (lu - 6) / 2.3,
                     (ct - 0.9) / 0.058, 2 * lee - 1], 1)
    return st, x, load / 2


class DormerGreyBox(nn.Module):
    """A station embedding gives the ground snow load and the exposure (softplus heads); a small net from the roof,
    the dormer and the station gives the drift's height (m) and base (m) and the snow density; the load is
    mu_1(pitch) C_e C_t s_k plus gamma h_d (1 - x / base)_+ at the 8 points (as loads / 2)."""

    def __init__(self, dim: int = 4, hidden: int = 32) -> None:
        super().__init__()
        self.station = nn.Embedding(DM_STATIONS, dim)
        self.climate = nn.Linear(dim, 2)
        self.drift = nn.Sequential(nn.Linear(6 + dim, hidden), nn.Tanh(), nn.Linear(hidden, 3))
        self.register_buffer("xs", (torch.arange(DM_PTS).float() + 0.5) * 0.5)

    def forward(self, st: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        e = self.station(st)
        sk, ce = F.softplus(self.climate(e)).unbind(1)
        ce = 0.5 + ce / 2
        pitch, ct = 35 + 11.5 * x[:, 0], 0.9 + 0.058 * x[:, 4]
        uniform = _mu1(pitch) * ce * ct * (sk + 0.1)
        hd, base, gamma = F.softplus(self.drift(torch.cat([x, e], 1))).unbind(1)
        drift = (2 * gamma).view(-1, 1) * hd.view(-1, 1) * (1 - self.xs / (base.view(-1, 1) + 0.2)).clamp_min(0)
        return (uniform.view(-1, 1) + drift) / 2


def dormer_snow(batch_size: int = 64, seed: int = 0, train_size: int = 8192, optim: str = "adagrad") -> dict[str, Any]:
    """The dormer grey-box on ``train_size`` surveyed roofs; held out: 2048 others in batches of 1024; Adagrad
    (torch's defaults) or SGD with momentum 0.9 (``optim="sgd_momentum"``)."""
    gen = torch.Generator().manual_seed(184106)
    st, x, y = _dm_roofs(train_size + 2048, gen)
    tr = (st[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DormerGreyBox(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((st[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": (_named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")
                          if optim == "adagrad" else
                          _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9")),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("skylight_daylight_nesterov", skylight_daylight, 300, "skylight_rooflight_daylight_factor_map_cnn2d_bn",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=1.4, start_lr=0.2),
    W("tyre_wet_grip_nadam", tyre_wet_grip, 300, "tyre_tread_groove_wet_grip_hydroplaning_cnn1d", "nadam", "finite",
      32, seconds=0.5, start_lr=0.016),
    W("gazebo_shade_radam", gazebo_shade, 300, "gazebo_canopy_hourly_shade_deck_heat_postln_transformer", "radam",
      "finite", 32, seconds=1.1, start_lr=0.256),
    W("dormer_snow_momentum", dormer_snow, 300, "dormer_snow_drift_eurocode_station_greybox", "sgd_momentum0.9",
      "finite", 64, dict(train_size=2048, optim="sgd_momentum"), seconds=0.3, start_lr=1.6),
)
LONG = (
    W("pergola_vine_adagrad@long", pergola_vine, 3000, "pergola_vine_roof_cover_embedding_net", "adagrad", "finite",
      64, seconds=3.1, start_lr=0.512, grid_fractions=(0.0, 0.05)),
    W("dormer_snow_adagrad@long", dormer_snow, 3000, "dormer_snow_drift_eurocode_station_greybox", "adagrad",
      "finite", 64, seconds=3.7, start_lr=2.048, grid_fractions=(0.0, 0.05)),
    W("hummus_viscosity_nadam@long", hummus_viscosity, 3000, "hummus_krieger_dougherty_cross_viscosity_resmlp_ln",
      "nadam", "finite", 8, dict(train_size=8192, width=24), seconds=4.6, start_lr=0.016,
      grid_fractions=(0.0, 0.05)),
    W("dormer_snow_momentum@long", dormer_snow, 3000, "dormer_snow_drift_eurocode_station_greybox", "sgd_momentum0.9",
      "finite", 32, dict(optim="sgd_momentum"), seconds=3.3, start_lr=1.6, grid_fractions=(0.0, 0.05),
      long_of="dormer_snow_momentum"),
)

REGISTRY = Registry(EXAM, LONG, "exam184_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighty-fourth exam's workloads")
