"""The hundred-and-sixtieth exam: six more workload families that neither the suite nor exams 1-158 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam158_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from allen keys and bolt tightening, stepping stones and moss growth, fence
posts and wind lean, laundry baskets and load sorting, toilet brushes and bristle wear, and curtain rails and glider
friction (exams 159, 161 and 162 were built at the same time from other domains; their modules were not opened).
What was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam160/README.md``.
Models, laws and optimiser settings are written from memory (no source was looked up); where a law is named, its
form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- moss on garden stepping stones: a small fully convolutional 2-D CNN reads a 12 x 12 map of a stone's top (the
  shade over it, the foot traffic where steps land, the surface's porosity, the moss cover in spring) and the
  season's wet days, and gives the moss cover map at the end of the growing season; logistic growth with a
  moisture- and porosity-dependent rate, spread to neighbouring cells by fragments (a diffusion term), trampling
  mortality and a carrying capacity lowered by foot traffic; MSE of the cover; Adam (torch's defaults)
- fence-post lean in a winter's gales: a GRU reads 24 days of a post's weather (the daily peak gust, the rain) with
  the post and panel (embedment depth, post width, the soil's friction angle, the backfill, panel height and
  porosity) and gives the post's lean each day; the panel's wind load against Broms' lateral capacity of a short
  rigid post in cohesionless soil (softened when the soil is wet), a plastic lean increment when the load passes
  half the capacity, the gap left behind the post and the panel's own weight (P-delta) adding to the next gale;
  MSE of log1p(lean in degrees); RMSprop (torch's defaults)
- curtain-rail glider friction: a causal Post-LN transformer reads the 16 gliders of a curtain from the master
  carrier back (spacing, the fabric each carries, the track's bend and dirt at its position and the bends' total up
  to it, the glider kind) and gives the pull force at the master carrier at the moment each glider starts to move;
  Coulomb break-away friction of each glider (its load and a tilt moment from the fabric's offset), the pleats'
  spring before each glider is picked up, and the track's bends multiplying the tension behind them by
  exp(mu theta); MSE of the standardised log forces (8% scatter); AdamW (torch's defaults, weight decay 1e-2)
- toilet-brush bristle wear: a residual MLP with LayerNorm from the brush (bristle polymer PP, PET or nylon;
  diameter, free length, tuft density), the use (uses a week, scrubbing force, the cleaner in the holder:
  none, hypochlorite bleach or an acid descaler, and its strength; a draining or a closed holder) to the share of
  bristles broken after 3, 6, 12 and 24 months and the head's sweep stiffness after 12 months; bending fatigue of
  each bristle by Basquin's law on the cantilever's strain amplitude, a fatigue life shortened by oxidative /
  hydrolytic embrittlement in the wet holder (a rate from the cleaner, its strength and the polymer), a lognormal
  spread of lives among the bristles; MSE of the standardised outputs; SGD with Nesterov momentum 0.9
- laundry-basket load sorting (long plans only): an embedding net from an item dropped in a household's laundry
  basket (the household, the garment, the fabric, the colour, the care label's temperature, the soiling, new or
  washed before) to the load it goes into (whites 60, colours 40, darks 30, delicates cold, towels and bedding 60,
  wool cycle); each household's own habits (whether it separates darks, how hot it washes, how careful with
  labels) shift utilities with Gumbel noise; cross-entropy; two long plans, one with Adagrad (torch's defaults),
  one with Adam (torch's defaults)
- allen-key bolt tightening (a long plan only): a grey-box net for a socket-head cap screw tightened by hand with a
  hex key: a tanh MLP gives the thread and under-head friction coefficients and the share of the hand's torque that
  reaches the screw (the key's cam-out in the socket, a ball end's slip), and the torque-tension relation
  T = F (P / 2 pi + 0.577 mu_t d2 + mu_b D_km / 2) turns them into the preload and the loosening torque; MSE of the
  logs (x2); Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the laundry net (twice,
with Adagrad and with Adam) and the allen-key grey box (no short plans), and the toilet-brush net on a larger pool
(8192 brushes) with a smaller net (width 32, one block). Of the eight plans, two use Adagrad (laundry, allen key),
two Adam (moss, laundry), two SGD with Nesterov momentum (both toilet-brush plans), one RMSprop (fence post) and one
AdamW (curtain rail).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam160_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam160/README.md).

    python benchmarks/exam160_workloads.py          # the table
    python benchmarks/exam160_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 160"


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


def _smooth_field(n: int, size: int, gen: torch.Generator, passes: int = 3) -> torch.Tensor:
    """A smooth random field in [0, 1] on a size x size grid (white noise box-blurred ``passes`` times)."""
    z = torch.rand(n, 1, size + 2 * passes, size + 2 * passes, generator=gen)
    for _ in range(passes):
        z = F.avg_pool2d(z, 3, stride=1)
    z = (z - z.amin((2, 3), keepdim=True)) / (z.amax((2, 3), keepdim=True) - z.amin((2, 3), keepdim=True) + 1e-6)
    return z


# --------------------------------------------------------------------------------------------------------------
# 1. moss growth on garden stepping stones (Adam)

MS_SIZE = 12


def _ms_stones(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Stepping stones in a garden path over one growing season (March to October). Per stone a 12 x 12 map of its
    top: the shade over it (a smooth field, 0-1, plus an overall shade level from the planting), the foot traffic
    (where steps land: a Gaussian footfall patch off the stone's centre, scaled by 0-30 crossings a day), the
    surface's porosity / roughness (sandstone to slate: a smooth field around a stone-wide level) and the moss
    cover in spring (a few cushions where it is shady, 0-1); and the season's share of wet days (0.2-0.6). The
    season in 8 steps of logistic growth dC = r C (1 - C / K) + D lap(C) - m traffic C: the rate r rises with
    the moisture (wet days, shade, porosity holding water), the capacity K falls with the traffic (trampled centres
    stay bare), fragments spread cover to the neighbouring cells (D), trampling kills in proportion to the traffic.
    The final cover is read from a photo with 0.07 scatter. Returns (maps (n, 5, 12, 12): shade, traffic,
    porosity, spring cover, wet days as a plane; final cover (n, 1, 12, 12))."""
    s = MS_SIZE
    shade = (0.6 * _smooth_field(n, s, gen) + 0.8 * torch.rand(n, 1, 1, 1, generator=gen)).clamp(0, 1)
    grid = torch.linspace(-1, 1, s)
    yy, xx = torch.meshgrid(grid, grid, indexing="ij")
    cx = 0.5 * (torch.rand(n, 1, 1, 1, generator=gen) - 0.5)
    cy = 0.5 * (torch.rand(n, 1, 1, 1, generator=gen) - 0.5)
    width = 0.3 + 0.3 * torch.rand(n, 1, 1, 1, generator=gen)
    crossings = 30 * torch.rand(n, 1, 1, 1, generator=gen) ** 1.5
    traffic = crossings / 30 * torch.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * width**2))
    porosity = (0.5 * _smooth_field(n, s, gen, 2) + 0.7 * torch.rand(n, 1, 1, 1, generator=gen)).clamp(0, 1)
    seeds = (torch.rand(n, 1, s, s, generator=gen) < 0.06).float()
    cover0 = (F.avg_pool2d(F.pad(seeds, (1, 1, 1, 1), mode="replicate"), 3, stride=1) * 2.5 * shade).clamp(0, 1)
    wet = 0.2 + 0.4 * torch.rand(n, 1, 1, 1, generator=gen)
    r = 1.0 * wet * (0.3 + shade) * (0.4 + porosity)
    cap = (1 - 0.9 * traffic / (0.25 + traffic)) * (0.5 + 0.5 * shade)
    c = cover0 + 0.01
    for _ in range(8):
        lap = F.avg_pool2d(F.pad(c, (1, 1, 1, 1), mode="replicate"), 3, stride=1) - c
        c = (c + r * c * (1 - c / cap) + 0.3 * lap - 0.6 * traffic * c).clamp(0, 1)
    y = c + 0.07 * torch.randn(n, 1, s, s, generator=gen)
    x = torch.cat([shade, traffic * 3, porosity, cover0, (wet - 0.4).expand(n, 1, s, s) * 5], 1)
    return x, y


class MossNet(nn.Module):
    """A fully convolutional net (three 3 x 3 convolutions, 8 channels, ReLU) from the stone's maps to the cover
    map, through a sigmoid."""

    def __init__(self, ch: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(5, ch, 3, padding=1), nn.ReLU(), nn.Conv2d(ch, ch, 3, padding=1),
                                 nn.ReLU(), nn.Conv2d(ch, ch, 3, padding=1), nn.ReLU(), nn.Conv2d(ch, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.net(x))


def moss_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the cover map (x10, so that a percent of cover is 0.1)."""
    x, y = batch
    return F.mse_loss(model(x) * 10, y * 10)


def moss_stones(batch_size: int = 32, seed: int = 0, train_size: int = 2048, ch: int = 8) -> dict[str, Any]:
    """The moss net on 2048 stones; held out: 2048 other stones in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(160102)
    x, y = _ms_stones(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MossNet(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": moss_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. fence-post lean in a winter's gales (RMSprop)

FP_DAYS = 24


def _fp_winters(n: int, gen: torch.Generator, days: int = FP_DAYS) -> tuple[torch.Tensor, torch.Tensor]:
    """A fence post holding a panel through ``days`` days of winter. The post: embedment 0.45-0.9 m, width
    75-125 mm; the soil's friction angle 28-38 degrees (unit weight 18 kN/m3, about half when saturated); the
    backfill (the dug soil, compacted gravel, a concrete collar: 1.0, 1.3, 2.0 x the bearing width); the panel
    1.2-1.8 m high, 1.8 m wide, porosity 0-0.5 (close-board to slatted). Each day: the peak gust (a gamma-like draw,
    a few gales of 20-32 m/s) and the rain (wetting the soil, drying by a factor 0.8 a day). The wind's overturning
    moment 0.5 rho v^2 Cf A (1 - porosity)^1.5 h / 2 (Cf 1.2) plus the panel's weight times the lean (P-delta);
    the capacity from Broms' short rigid pile in cohesionless soil, H_u = 0.5 gamma b L^3 Kp / (e + L), Kp =
    (1 + sin phi) / (1 - sin phi), b the effective width, gamma lowered with the soil's wetness, and lowered by the
    gap the lean has left behind the post; when the moment passes half the capacity the post leans a plastic
    increment growing with the square of the excess. 8% scatter on the lean read with a level (and 0.2 degrees).
    Returns (inputs (n, days, 9): gust, rain, and the seven post / panel values repeated; log1p(lean in degrees)
    (n, days))."""
    depth = 0.45 + 0.45 * torch.rand(n, generator=gen)
    width = 0.075 + 0.05 * torch.rand(n, generator=gen)
    phi = torch.deg2rad(28 + 10 * torch.rand(n, generator=gen))
    fill = torch.randint(0, 3, (n,), generator=gen)
    b_eff = width * torch.tensor([1.0, 1.3, 2.0])[fill]
    height = 1.2 + 0.6 * torch.rand(n, generator=gen)
    poro = 0.5 * torch.rand(n, generator=gen)
    base_wind = 6 + 6 * torch.rand(n, 1, generator=gen)
    g1 = -torch.log(torch.rand(n, days, generator=gen).clamp_min(1e-6))
    g2 = -torch.log(torch.rand(n, days, generator=gen).clamp_min(1e-6))
    gust = (base_wind * (0.5 + 0.5 * (g1 + g2) / 2) ** 1.3).clamp(2, 34)
    rain = torch.relu(torch.randn(n, days, generator=gen) * 8 - 2)  # mm
    kp = (1 + torch.sin(phi)) / (1 - torch.sin(phi))
    area = 1.8 * height * (1 - poro) ** 1.5
    arm = 0.5 * height
    wetness = torch.zeros(n)
    lean = torch.zeros(n)  # radians
    gap = torch.zeros(n)
    out = []
    for d in range(days):
        wetness = (0.8 * wetness + rain[:, d] / 25).clamp(0, 1)
        gamma = 18e3 * (1 - 0.45 * wetness)
        hu = 0.5 * gamma * b_eff * depth**3 * kp / (arm + depth) * (1 - 0.4 * gap / (gap + 0.01))
        mu = hu * (arm + depth)
        moment = 0.5 * 1.23 * gust[:, d] ** 2 * 1.2 * area * arm + 250 * height * lean * arm
        excess = torch.relu(moment / mu - 0.5)
        step = 0.03 * excess**2
        lean = (lean + step).clamp(max=0.35)
        gap = gap + step * depth / 3
        out.append(lean)
    deg = torch.rad2deg(torch.stack(out, 1))
    deg = deg * torch.exp(0.08 * torch.randn(n, days, generator=gen)) + 0.2 * torch.randn(n, days, generator=gen)
    stat = torch.stack([(depth - 0.675) / 0.13, (width - 0.1) / 0.0144, (torch.rad2deg(phi) - 33) / 2.9,
                        fill.float() - 1, (height - 1.5) / 0.17, (poro - 0.25) / 0.144, base_wind[:, 0] / 3 - 3], 1)
    x = torch.cat([((gust - 12) / 6).unsqueeze(2), (rain / 8).unsqueeze(2),
                   stat.unsqueeze(1).expand(n, days, stat.shape[1])], 2)
    return x, torch.log1p(deg.clamp_min(0))


class LeanGRU(nn.Module):
    """A one-layer GRU over the days with a linear read-out of the lean each day."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.gru = nn.GRU(9, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(2)


def lean_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the daily log1p(lean in degrees)."""
    return _mse(model, batch)


def fence_post_lean(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 16,
                    days: int = FP_DAYS) -> dict[str, Any]:
    """The lean GRU on 2048 post-winters; held out: 2048 other post-winters in batches of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(160103)
    x, y = _fp_winters(train_size + 2048, gen, days)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LeanGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": lean_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. curtain-rail glider friction (AdamW)

CR_GLIDERS = 16


def _cr_curtains(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Drawing a curtain along a rail by its master carrier. 16 gliders from the master back to the stack; the
    glider kind for the whole rail (nylon glider in a C-track, ball-bearing runner, wooden ring on a pole:
    break-away friction 0.25, 0.06, 0.35); each glider's spacing (8-14 cm of fabric between it and the one before,
    the pleat it must pull straight), the fabric it carries (a curtain of 0.2-0.8 kg/m2, 2-2.6 m drop, lined or
    not), its tilt (the fabric's offset from the track: a moment raising the contact force by 20-80%), the track's
    dirt at its place (friction up to +60%) and a bend ahead of it (a bay rail: 0, 45 or 90 degrees at a few
    places). The force at the master carrier when glider k starts to move: the sum of the break-away friction of
    the gliders already moving and glider k, each passed through the bends between it and the master (times
    exp(mu_bend theta), mu_bend 0.3 for the fabric dragging round the bend's inside), plus the pleat's spring that
    had to be stretched (rising with the spacing). 8% scatter. Returns (tokens (n, 16, 10): spacing, fabric load,
    tilt, dirt, the bend at it and the bends' total up to it, lined, the glider kind one-hot; log forces (n, 16))."""
    k = CR_GLIDERS
    kind = torch.randint(0, 3, (n,), generator=gen)
    mu0 = torch.tensor([0.25, 0.06, 0.35])[kind].view(-1, 1)
    spacing = 0.08 + 0.06 * torch.rand(n, k, generator=gen)
    gsm = 0.2 + 0.6 * torch.rand(n, 1, generator=gen)
    drop = 2.0 + 0.6 * torch.rand(n, 1, generator=gen)
    lined = (torch.rand(n, 1, generator=gen) < 0.4).float()
    load = gsm * (1 + 0.6 * lined) * drop * spacing * 2.2 * 9.81  # N (the fullness of the pleats, 2.2)
    tilt = 0.2 + 0.6 * torch.rand(n, k, generator=gen)
    dirt = 0.6 * torch.rand(n, k, generator=gen) ** 2
    bend_at = torch.rand(n, k, generator=gen)
    bend = torch.where(bend_at < 0.08, math.pi / 2, torch.where(bend_at < 0.2, math.pi / 4, 0.0))
    mu = mu0 * (1 + dirt)
    fric = mu * load * (1 + tilt)
    amp = torch.exp(0.3 * torch.cumsum(bend, 1))  # the bends between glider j and the master (at or before j)
    pulled = torch.cumsum(fric * amp, 1)
    pleat = 1.5 * (spacing / 0.11) ** 2 * (1 + 0.6 * lined) * amp
    force = pulled + pleat
    y = torch.log(force) + 0.08 * torch.randn(n, k, generator=gen)
    tok = torch.stack([(spacing - 0.11) / 0.017, (load - load.mean()) / load.std(), (tilt - 0.5) / 0.17,
                       dirt / 0.15 - 1, bend / 0.6, torch.cumsum(bend, 1) / 1.5, (2 * lined - 1).expand(n, k)], 2)
    x = torch.cat([tok, F.one_hot(kind, 3).float().unsqueeze(1).expand(n, k, 3)], 2)
    return x, y


class GliderTransformer(nn.Module):
    """A causal Post-LN transformer encoder (1 layer, width 32, 4 heads, GELU, learned positions) over the gliders
    and a linear read-out of each glider's log force."""

    def __init__(self, d: int = 32, heads: int = 4, layers: int = 1) -> None:
        super().__init__()
        self.inp = nn.Linear(10, d)
        self.pos = nn.Parameter(torch.zeros(1, CR_GLIDERS, d))
        layer = nn.TransformerEncoderLayer(d, heads, 2 * d, dropout=0.0, activation="gelu", batch_first=True)
        self.enc = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = nn.Linear(d, 1)
        self.register_buffer("mask", torch.triu(torch.full((CR_GLIDERS, CR_GLIDERS), float("-inf")), 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.enc(self.inp(x) + self.pos, mask=self.mask)
        return self.head(h).squeeze(2)


def glider_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log pull forces."""
    return _mse(model, batch)


def curtain_rail(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The glider transformer on 4096 curtains, targets standardised over them (one mean and sd for all gliders);
    held out: 2048 other curtains in batches of 1024; AdamW (weight decay 1e-2, torch's default)."""
    gen = torch.Generator().manual_seed(160106)
    x, y = _cr_curtains(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GliderTransformer(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": glider_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. toilet-brush bristle wear (SGD with Nesterov momentum)


def _tb_brushes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Toilet brushes in use for two years. The bristle polymer (polypropylene, PET, nylon 6: bending modulus 1.5,
    2.5, 2.0 GPa; fatigue strain at 1e5 cycles 0.020, 0.017, 0.026), diameter 0.3-0.8 mm, free length 20-40 mm,
    tuft density 0.5-1; 3-20 uses a week of 20-60 strokes, scrubbing force 5-20 N; the cleaner left in the holder
    (none, hypochlorite bleach, acid descaler) at strength 0-1, a draining or a closed holder (the head sits wet).
    Each stroke bends a bristle as a cantilever: strain amplitude 6 d delta / L^2 with the tip deflection delta
    rising with the force over the head's stiffness (E d^4 / L^3 times the density). Basquin: the life N_f =
    1e5 (eps_f / eps)^(1 / 0.3), shortened by the embrittlement of a wet head (bleach attacks PP and nylon, acid
    attacks nylon and PET; a closed holder doubles it), which grows with time, so the broken share at t months is a
    lognormal CDF (sd 1.0 in log life) of the cycles so far against the life at that age. Stiffness after 12
    months: the unbroken share times the modulus lost to embrittlement and (for nylon) water. Scatter 0.03 on
    each output. Returns (features (n, 13), outputs (n, 5): the logit of the broken share at 3, 6, 12, 24 months
    (clamped at +-6, halved), log sweep stiffness at 12 months)."""
    poly = torch.randint(0, 3, (n,), generator=gen)
    e_mod = torch.tensor([1.5, 2.5, 2.0])[poly]
    eps_f = torch.tensor([0.020, 0.017, 0.026])[poly]
    dia = 0.3 + 0.5 * torch.rand(n, generator=gen)
    length = 20 + 20 * torch.rand(n, generator=gen)
    dens = 0.5 + 0.5 * torch.rand(n, generator=gen)
    uses = 3 + 17 * torch.rand(n, generator=gen)
    strokes = 20 + 40 * torch.rand(n, generator=gen)
    force = 5 + 15 * torch.rand(n, generator=gen)
    cleaner = torch.randint(0, 3, (n,), generator=gen)
    strength = torch.rand(n, generator=gen) * (cleaner > 0).float()
    closed = (torch.rand(n, generator=gen) < 0.5).float()
    attack = torch.tensor([[0.0, 0.0, 0.0], [1.0, 0.3, 0.8], [0.1, 0.6, 1.0]])[cleaner, poly]
    rate = (0.02 + 0.25 * attack * strength) * (1 + closed)  # embrittlement per month
    stiff0 = e_mod * (dia / 0.5) ** 4 / (length / 30) ** 3 * dens
    delta = 12 * (force / 12) / (0.5 + stiff0) ** 0.6  # mm
    eps = 6 * dia * delta / length**2
    outs = []
    for months in (3, 6, 12, 24):
        cycles = uses * strokes * 4.3 * months
        brittle = 1 - torch.exp(-rate * months)
        life = 1e5 * (eps_f * (1 - 0.7 * brittle) / eps) ** (1 / 0.3)
        z = (torch.log(cycles) - torch.log(life)) / 1.0
        share = (0.5 * (1 + torch.erf(z / math.sqrt(2)))).clamp(1e-3, 1 - 1e-3)
        outs.append(torch.log(share / (1 - share)).clamp(-6, 6) / 2)
    share12 = torch.sigmoid(outs[2] * 2)
    water = torch.where(poly == 2, 0.8, 1.0)
    stiff12 = stiff0 * (1 - share12) * (1 - 0.5 * (1 - torch.exp(-rate * 12))) * water
    y = torch.stack(outs + [torch.log(stiff12 + 0.02)], 1) + 0.03 * torch.randn(n, 5, generator=gen)
    x = torch.cat([torch.stack([(dia - 0.55) / 0.144, (length - 30) / 5.8, (dens - 0.75) / 0.144,
                                (uses - 11.5) / 4.9, (strokes - 40) / 11.5, (force - 12.5) / 4.3,
                                (strength - 0.33) / 0.35, 2 * closed - 1], 1),
                   F.one_hot(poly, 3).float(), F.one_hot(cleaner, 3).float()[:, 1:]], 1)
    return x, y


class BristleResNet(nn.Module):
    """A residual MLP: a linear stem, pre-LayerNorm residual blocks (LN, linear, GELU, linear), a final LayerNorm
    and a linear read-out."""

    def __init__(self, width: int = 48, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Linear(13, width)
        self.blocks = nn.ModuleList(nn.Sequential(nn.LayerNorm(width), nn.Linear(width, width), nn.GELU(),
                                                  nn.Linear(width, width)) for _ in range(blocks))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for b in self.blocks:
            h = h + b(h)
        return self.head(self.norm(h))


def bristle_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised broken shares (logits) and stiffness (log)."""
    return _mse(model, batch)


def toilet_brush(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 48,
                 blocks: int = 2) -> dict[str, Any]:
    """The bristle-wear net on 2048 brushes, targets standardised over them; held out: 2048 other brushes in
    batches of 1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(160105)
    x, y = _tb_brushes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BristleResNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": bristle_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. laundry-basket load sorting (Adagrad; long only)

LS_HOUSEHOLDS = 200
LS_GARMENTS = 16
LS_FABRICS = 8
LS_COLOURS = 10
LS_LABELS = 5
LS_LOADS = 6  # whites 60, colours 40, darks 30, delicates cold, towels and bedding 60, wool cycle


def _ls_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Items from households' laundry baskets and the load each went into. The household (200, each with its
    habits: how strictly it separates darks from colours, how hot it likes to wash, how much it heeds care labels,
    whether it runs a wool cycle at all), the garment (16: t-shirt, shirt, jeans, towel, bath mat, bedsheet,
    underwear, socks, sportswear, jumper, blouse, baby clothes, tea towel, dress, fleece, pyjamas), the fabric (8:
    cotton, polyester, wool, silk, linen, elastane blend, denim, microfibre), the colour (10: white, cream, pastel,
    light grey, red, bright multi, navy, black, dark denim, khaki), the care label (cold, 30, 40, 60, 90), the
    soiling (0-3) and whether it is new (dye bleeds). Each load's utility: the colour's fit (white and cream to
    whites, darks to darks, the rest to colours; the household's strictness scales it), the temperature wanted
    (soiling and towels and baby clothes want heat, the household's taste) against the label's limit (a penalty
    for exceeding it scaled by the household's care), the fabric (wool and silk to delicates or wool), the
    garment (towels, bath mats and bedsheets to towels), new dark or red dyes kept from whites; the choice is the
    argmax of the utilities plus Gumbel noise (scale 0.4). The households' habits are drawn first, from the same
    generator. Returns (codes (n, 7): household, garment, fabric, colour, label, soiling, new; loads (n,))."""
    strict = torch.rand(LS_HOUSEHOLDS, generator=gen) * 3
    hot = torch.randn(LS_HOUSEHOLDS, generator=gen)
    care = torch.rand(LS_HOUSEHOLDS, generator=gen) * 3
    wool_cycle = (torch.rand(LS_HOUSEHOLDS, generator=gen) < 0.6).float()
    hh = torch.randint(0, LS_HOUSEHOLDS, (n,), generator=gen)
    garment = torch.randint(0, LS_GARMENTS, (n,), generator=gen)
    fabric_of = torch.tensor([0, 0, 6, 0, 0, 0, 0, 5, 1, 2, 3, 0, 4, 1, 7, 0])
    swap = torch.rand(n, generator=gen) < 0.3
    fabric = torch.where(swap, torch.randint(0, LS_FABRICS, (n,), generator=gen), fabric_of[garment])
    colour = torch.randint(0, LS_COLOURS, (n,), generator=gen)
    label_of_fabric = torch.tensor([3, 2, 0, 0, 2, 1, 2, 2])
    label = (label_of_fabric[fabric] + torch.randint(-1, 2, (n,), generator=gen)).clamp(0, 4)
    label = torch.where(garment == 3, torch.maximum(label, torch.tensor(3)), label)
    soil = torch.randint(0, 4, (n,), generator=gen)
    new = (torch.rand(n, generator=gen) < 0.15).float()
    # colour fit to whites / colours / darks (other loads colour-neutral)
    fit = torch.tensor([[2.0, -1, -2], [1.5, 0, -2], [-0.5, 1.2, -1], [0.3, 0.8, 0.2], [-2, 1.5, 0.2],
                        [-2, 1.5, -0.5], [-2, 0.0, 1.8], [-2.5, -0.5, 2.0], [-2.5, 0.2, 1.5], [-1.5, 1.0, 0.8]])
    util = torch.zeros(n, LS_LOADS)
    s = strict[hh].view(-1, 1)
    util[:, :3] = fit[colour] * (0.5 + s)
    temps = torch.tensor([60.0, 40, 30, 20, 60, 30])
    want = 30 + 8 * soil + 10 * hot[hh] + 15 * torch.isin(garment, torch.tensor([3, 4, 5, 11, 12])).float()
    limit = torch.tensor([20.0, 30, 40, 60, 90])[label]
    util -= 0.05 * (temps.view(1, -1) - want.view(-1, 1)).abs()
    util -= care[hh].view(-1, 1) * 0.15 * torch.relu(temps.view(1, -1) - limit.view(-1, 1))
    delicate = torch.isin(fabric, torch.tensor([2, 3])).float()
    util[:, 3] += 2.5 * delicate - 0.5 + 0.8 * (label == 0).float()
    util[:, 5] += (3.0 * (fabric == 2).float() - 1.5) + 3 * (wool_cycle[hh] - 1)
    towels = torch.isin(garment, torch.tensor([3, 4, 5])).float()
    util[:, 4] += 3.0 * towels - 1.0 - 2.0 * (fabric == 7).float()
    bleed = new * torch.isin(colour, torch.tensor([4, 6, 7, 8])).float()
    util[:, 0] -= 3 * bleed
    gumbel = -torch.log(-torch.log(torch.rand(n, LS_LOADS, generator=gen).clamp(1e-6, 1 - 1e-6)))
    y = (util + 0.4 * gumbel).argmax(1)
    x = torch.stack([hh, garment, fabric, colour, label, soil, new.long()], 1)
    return x, y


class SortNet(nn.Module):
    """An embedding net: one offset table of 8-dimensional embeddings for the seven fields (household, garment,
    fabric, colour, label, soiling, new), concatenated into a ReLU MLP (56-48-6)."""

    def __init__(self, dim: int = 8, hidden: int = 48) -> None:
        super().__init__()
        sizes = [LS_HOUSEHOLDS, LS_GARMENTS, LS_FABRICS, LS_COLOURS, LS_LABELS, 4, 2]
        self.register_buffer("offsets", torch.tensor([0] + sizes[:-1]).cumsum(0))
        self.emb = nn.Embedding(sum(sizes), dim)
        self.mlp = nn.Sequential(nn.Linear(7 * dim, hidden), nn.ReLU(), nn.Linear(hidden, LS_LOADS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.mlp(self.emb(x + self.offsets).flatten(1))


def sort_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the load chosen."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def laundry_sort(batch_size: int = 64, seed: int = 0, train_size: int = 16384, dim: int = 8,
                 hidden: int = 48, adam: bool = False) -> dict[str, Any]:
    """The sorting net on 16384 basket items; held out: 4096 other items in batches of 1024; Adagrad (or Adam)."""
    gen = torch.Generator().manual_seed(160104)
    x, y = _ls_items(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SortNet(dim, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": (_named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam") if adam else
                          _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad")),
            "loss_fn": sort_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. allen-key bolt tightening (Adagrad; long only)

AK_SIZES = (3, 4, 5, 6, 8, 10)  # M-size of the socket-head cap screw
AK_PITCH = (0.5, 0.7, 0.8, 1.0, 1.25, 1.5)
AK_KEY = (2.5, 3.0, 4.0, 5.0, 6.0, 8.0)  # hex key across flats (mm)
AK_HEAD = (5.5, 7.0, 8.5, 10.0, 13.0, 16.0)  # head diameter (mm)


def _ak_tightenings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Socket-head cap screws M3-M10 (ISO 4762 sizes from memory) tightened by hand with a hex key, preload read
    from a load cell washer and the loosening torque from a torque wrench afterwards. The finish (black oxide,
    zinc, stainless A2) and lubricant (dry, light oil, MoS2 paste, a thread-locker) set the thread and under-head
    friction (a table plus scatter; stainless dry galls high); the key (an L-key's short arm, its long arm, a
    T-handle, a ball end: lever 0.3, 1.0, 0.8, 1.0 x the key's long-arm length, about 14 x its across-flats plus
    40 mm) and the hand (a pull of 40-250 N, log-uniform). The torque reaching the screw: the hand's torque,
    softly capped by the socket's cam-out torque (about 180 s^3 N mm for a hex of s mm across flats, 0.55 of it
    for a ball end; a worn key 0.6-1.0 of it). Torque-tension: T = F (P / 2 pi + 0.577 mu_t d2 + mu_b D_km / 2),
    d2 = d - 0.65 P, D_km = (head + d + 0.5) / 2; the loosening torque F (-P / 2 pi + 0.577 mu_t d2 + mu_b D_km / 2)
    (times 1.6 for the thread-locker). 1% scatter on each (and 1.5% on each friction coefficient). Returns
    (features (n, 21): size, finish, lubricant and key one-hot, the log pull, the key's wear, the diameter and the
    key's log across-flats; log preload (kN) and log loosening torque (N m) (n, 2); the geometry the user knows
    (n, 6): d, P, s, head, pull, the lever arm (mm))."""
    size = torch.randint(0, 6, (n,), generator=gen)
    finish = torch.randint(0, 3, (n,), generator=gen)
    lube = torch.randint(0, 4, (n,), generator=gen)
    key = torch.randint(0, 4, (n,), generator=gen)
    pull = 40 * (250 / 40) ** torch.rand(n, generator=gen)
    wear = 0.6 + 0.4 * torch.rand(n, generator=gen)
    d = torch.tensor(AK_SIZES, dtype=torch.float)[size]
    p = torch.tensor(AK_PITCH)[size]
    s = torch.tensor(AK_KEY)[size]
    head = torch.tensor(AK_HEAD)[size]
    mu_t = torch.tensor([[0.16, 0.12, 0.08, 0.14], [0.14, 0.11, 0.08, 0.13], [0.30, 0.16, 0.09, 0.17]])[finish, lube]
    mu_b = torch.tensor([[0.13, 0.10, 0.07, 0.12], [0.12, 0.10, 0.07, 0.12], [0.25, 0.14, 0.08, 0.15]])[finish, lube]
    mu_t = mu_t * torch.exp(0.015 * torch.randn(n, generator=gen))
    mu_b = mu_b * torch.exp(0.015 * torch.randn(n, generator=gen))
    lever = torch.tensor([0.3, 1.0, 0.8, 1.0])[key] * (14 * s + 40)  # mm
    hand = pull * lever  # N mm
    camout = 180 * s**3 * torch.where(key == 3, 0.55, 1.0) * wear
    torque = hand * camout / (hand**3 + camout**3) ** (1 / 3)
    d2 = d - 0.65 * p
    dkm = (head + d + 0.5) / 2
    fp = torque / (p / (2 * math.pi) + 0.577 * mu_t * d2 + mu_b * dkm / 2)  # N
    loosen = fp * (-p / (2 * math.pi) + 0.577 * mu_t * d2 + mu_b * dkm / 2) * torch.where(lube == 3, 1.6, 1.0)
    y = torch.stack([torch.log(fp / 1000), torch.log(loosen / 1000)], 1) + 0.01 * torch.randn(n, 2, generator=gen)
    x = torch.cat([F.one_hot(size, 6).float(), F.one_hot(finish, 3).float(), F.one_hot(lube, 4).float(),
                   F.one_hot(key, 4).float(), torch.stack([torch.log(pull / 100) / 0.53, (wear - 0.8) / 0.115,
                                                           (d - 6) / 2.4, torch.log(s) - 1.5], 1)], 1)
    return x, y, torch.stack([d, p, s, head, pull, lever], 1)


class TighteningGreyBox(nn.Module):
    """A grey-box net: a tanh MLP (21-32-32-3) gives the thread and under-head friction coefficients (softplus,
    around 0.12) and the share of the hand's torque that reaches the screw (a sigmoid); the torque-tension relation
    turns them into the log preload and the log loosening torque (the screw's geometry and the hand's torque, known
    to the user, ride along in the batch)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(21, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor, geo: torch.Tensor) -> torch.Tensor:
        o = self.net(x)
        mu_t = 0.12 * F.softplus(o[:, 0] + 0.54) / 1.0
        mu_b = 0.12 * F.softplus(o[:, 1] + 0.54) / 1.0
        share = torch.sigmoid(o[:, 2] + 1.0)
        lock = 1 + F.softplus(o[:, 3] - 2.0)
        d, p, head, pull, lever = geo[:, 0], geo[:, 1], geo[:, 3], geo[:, 4], geo[:, 5]
        d2 = d - 0.65 * p
        dkm = (head + d + 0.5) / 2
        thread = p / (2 * math.pi)
        rub = 0.577 * mu_t * d2 + mu_b * dkm / 2
        fp = share * pull * lever / (thread + rub)
        loosen = fp * (rub - thread).clamp_min(1e-3) * lock
        return torch.stack([torch.log(fp / 1000), torch.log(loosen / 1000)], 1)


def tightening_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log preload and the log loosening torque (x4)."""
    x, geo, y = batch
    return F.mse_loss(model(x, geo) * 2, y * 2)


def allen_key_tightening(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                         hidden: int = 32) -> dict[str, Any]:
    """The tightening grey box on 8192 tightenings; held out: 2048 other tightenings in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(160101)
    x, y, geo = _ak_tightenings(train_size + 2048, gen)
    tr = (x[:train_size], geo[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TighteningGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], geo[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": tightening_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("moss_stepping_stones_adam", moss_stones, 300, "stepping_stone_moss_cover_logistic_spread_cnn2d", "adam",
      "finite", 32, seconds=1.0, start_lr=0.032),
    W("fence_post_lean_rmsprop", fence_post_lean, 300, "fence_post_gale_lean_broms_ratchet_gru", "rmsprop",
      "finite", 128, seconds=1.5, start_lr=0.032),
    W("curtain_rail_glider_adamw", curtain_rail, 300, "curtain_rail_glider_breakaway_pull_force_postln_transformer",
      "adamw", "finite", 64, seconds=1.6, start_lr=0.032),
    W("toilet_brush_bristle_nesterov", toilet_brush, 300, "toilet_brush_bristle_basquin_fatigue_resmlp_ln",
      "sgd_nesterov0.9", "finite", 64, seconds=0.3, start_lr=0.2),
)
LONG = (
    W("laundry_sort_adagrad@long", laundry_sort, 3000, "laundry_basket_household_load_sort_embedding_net", "adagrad",
      "finite", 64, seconds=1.5, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("allen_key_tightening_adagrad@long", allen_key_tightening, 3000, "allen_key_torque_tension_preload_greybox",
      "adagrad", "finite", 64, seconds=2.6, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("laundry_sort_adam@long", laundry_sort, 3000, "laundry_basket_household_load_sort_embedding_net", "adam",
      "finite", 64, dict(adam=True), seconds=3.1, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("toilet_brush_bristle_nesterov@long", toilet_brush, 3000, "toilet_brush_bristle_basquin_fatigue_resmlp_ln",
      "sgd_nesterov0.9", "finite", 32, dict(train_size=8192, width=32, blocks=1), seconds=1.9, start_lr=0.4,
      grid_fractions=(0.0, 0.05), long_of="toilet_brush_bristle_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam160_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-sixtieth exam's workloads")
