"""The hundred-and-fourteenth exam: six more workload families that neither the suite nor exams 1-112 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam112_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from toasters and bread browning, coffee grinders and grind size
distribution, clothespins and spring clamping, squeegees and water-film removal, pizza stones and heat storage, and
chewing gum and texture softening (exam 113 was built at the same time from other domains; its module was not
opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam114/README.md``. Models, laws and optimiser settings are written from memory (no source
was looked up); where a law is named, its form is as remembered, its constants partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- toaster browning map: a small fully convolutional 2-d CNN (GroupNorm) from 12 x 12 maps of a bread slice's face
  (the crumb's porosity, the element's measured radiant-flux pattern, the crust rim) with the toasting conditions
  broadcast as channels (dial time, slice thickness, moisture, sugar, frozen, a warm toaster) to the map of the
  toast's CIE L* lightness; per pixel, the surface dries first (water's latent heat against the local flux), then
  browns by an Arrhenius (Maillard) dose at a surface temperature set by the flux and the crumb's insulation, a
  little lateral conduction; colorimeter scatter; MSE of the standardised L*; Adam (torch's defaults)
- coffee grinder particle size distribution: entity embeddings of the burr set (conical 38 / 54 mm, flat 64 / 83
  mm, a blade grinder), the roast, the process and the feed (single dose or hopper) joined with the grind setting,
  the burr speed, the beans' moisture and temperature, through a residual MLP with LayerNorm to a softmax over 16
  laser-diffraction size classes (10-2000 um); the data a three-lognormal mixture (fines from broken cell walls
  near 35 um, the main mode set by the burr gap and the roast's brittleness, boulders), 5% diffraction scatter (3%
  in the long plan); KL divergence of the measured from the predicted distribution; AdamW (torch's defaults:
  weight decay 0.01)
- squeegee residual water film: a 1-d CNN with BatchNorm along 32 positions of a window squeegee's blade (the
  edge's local radius and nick depth, the stroke's speed, angle, line load, the rubber's Shore A hardness and the
  water's surface tension broadcast) to the log residual film thickness left behind at each position; the
  contact pressure from the edge's interference spread along the blade by its bending (a convolution), a
  soft-EHL film law h ~ (eta U / p)^0.6 R^0.4, streaks where nicks deeper than the rubber conforms leak; a scatter
  of 0.1 on the log film (0.05 in the long plan); MSE of the scaled log film; SGD with Nesterov momentum 0.9 (no
  weight decay)
- chewing gum texture softening: a Pre-LN transformer over a gum's ingredient tokens (a type embedding of the gum
  base, bulk sweeteners, syrup, glycerol, filler and flavour oil plus its mass fraction times a per-ingredient
  amount embedding; absent slots masked) and a chewing-condition token, masked mean pooling, to the log hardness
  of the bolus at 8 chewing times (0.25-10 min); the data from first-order leaching of the sweeteners into
  saliva, water uptake, warming to 37 C through the base's glass transition, crystalline sweetener as filler; 6%
  texture-analyser scatter; MSE of the standardised logs; AdamW with betas (0.9, 0.98) (weight decay torch's 0.01)
- pizza stone heat storage over a baking session (a long plan only): a GRU over 4 pizzas baked one after another
  (oven setpoint, preheat time, stone thickness and material, the gap before each pizza, the dough's mass and the
  toppings' wetness) to the stone's surface temperature at each launch and the bake time the bottom needs; the
  data from a two-node (surface layer, core) lumped stone heated by the oven from both faces, drained by the wet
  dough during the bake, recovering in the gaps, the oven's air dropping when the door opens; MSE of the
  standardised outputs; RAdam (torch's defaults)
- clothespin spring clamping (a long plan only): a grey-box net: an MLP from the pin (wood, plastic, steel wire;
  the torsion spring's wire and coil diameters, turns and pre-wind, the arms, weathering) to an effective spring
  rate, pre-wind angle and pivot friction, put through the torsion-spring lever law (torque k (phi0 + phi), k = E
  d^4 / (64 D n)) to the jaws' grip force at 8 openings and the squeeze force at the handles at the same openings,
  plus a learned residual (a zero-initialised linear head); the data with coil stiffening, stress relaxation with
  age, the pivot's friction rising with weathering, the arms' flex and the contact point moving along rounded tips;
  2% scatter; MSE of the log forces; Adam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the pizza-stone and
clothespin nets (no short plans), the coffee grinder net on 16384 grinds instead of 8192 (32 wide instead of 64, one
residual block instead of two, 3% diffraction scatter instead of 5%) and the squeegee CNN on 8192 strokes instead of
2048 (12 channels instead of 16, a scatter of 0.05 on the log film instead of 0.1), each with its own batch.

Of the eight plans, three use AdamW (both coffee plans, chewing gum), two Adam (toaster, clothespin), two SGD with
Nesterov momentum (both squeegee plans) and one RAdam (pizza stone). The long plans use four different ones.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam114_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam114/README.md).

    python benchmarks/exam114_workloads.py          # the table
    python benchmarks/exam114_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 114"


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


# --------------------------------------------------------------------------------------------------------------
# 1. toaster browning map of a bread slice (Adam)

TT_GRID = 12
TT_BREADS = 4  # white, wholemeal, sourdough, brioche


def _tt_slices(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Slices toasted in a two-slot pop-up toaster, seen face-on on a 12 x 12 grid. The bread (white, wholemeal,
    sourdough, brioche: mean porosity 0.80, 0.70, 0.76, 0.74, sugar 2, 3, 1, 10%), the crumb's porosity field (six
    random cells of +-0.1, larger holes in sourdough), the crust rim (drier, denser); the element's radiant flux
    pattern (nichrome ribbons in a zigzag: a stripe pattern with the toaster's own wire pitch and phase, hotter at
    the top of the slot, weaker at the ends), scaled by the slice's gap to the element (thicker slices sit closer);
    the dial's time 60-240 s, the slice's thickness 10-25 mm, its water 32-44%, frozen (a quarter), a toaster warm
    from a previous cycle (half: +12% flux). Per pixel: the surface dries once the latent heat of the local water
    (plus the ice's, if frozen) is paid by the flux; after that, browning at an Arrhenius (Maillard) rate (Ea 95
    kJ/mol) at a surface temperature 373 K + 100 K x flux x (0.4 + porosity) (porous crumb insulates), faster with
    sugar; a 3 x 3 lateral smoothing; L* = 26 + 54 exp(-dose). Colorimeter scatter 1.0 L*. Constants invented.
    Returns (maps (n, 9, 12, 12): porosity, flux, rim, then the six conditions broadcast; L* maps (n, 1, 12, 12))."""
    g = TT_GRID
    bread = torch.randint(0, TT_BREADS, (n,), generator=gen)
    p0 = torch.tensor([0.80, 0.70, 0.76, 0.74])[bread]
    sugar = torch.tensor([0.02, 0.03, 0.01, 0.10])[bread]
    hole = torch.tensor([1.5, 1.2, 2.6, 1.0])[bread]
    ax = torch.arange(g).float()
    yy, xx = torch.meshgrid(ax, ax, indexing="ij")
    cy, cx = g * torch.rand(n, 6, 1, 1, generator=gen), g * torch.rand(n, 6, 1, 1, generator=gen)
    amp = 0.1 * (2 * torch.rand(n, 6, 1, 1, generator=gen) - 1)
    r2 = (yy - cy) ** 2 + (xx - cx) ** 2
    por = p0.view(-1, 1, 1) + (amp * torch.exp(-r2 / (2 * hole.view(-1, 1, 1, 1) ** 2))).sum(1)
    rim = ((yy == 0) | (xx == 0) | (yy == g - 1) | (xx == g - 1)).float().expand(n, g, g)
    por = (por - 0.25 * rim).clamp(0.3, 0.95)
    pitch = 3 + 3 * torch.rand(n, 1, 1, generator=gen)
    phase = 2 * math.pi * torch.rand(n, 1, 1, generator=gen)
    pattern = (1 + 0.35 * torch.cos(2 * math.pi * xx / pitch + phase)) * (0.8 + 0.35 * (g - 1 - yy) / (g - 1))
    pattern = pattern * (1 - 0.25 * ((xx - (g - 1) / 2) / ((g - 1) / 2)) ** 4)
    t_dial = 60 + 180 * torch.rand(n, generator=gen)
    thick = 10 + 15 * torch.rand(n, generator=gen)
    water = 0.32 + 0.12 * torch.rand(n, generator=gen)
    frozen = (torch.rand(n, generator=gen) < 0.25).float()
    warm = (torch.rand(n, generator=gen) < 0.5).float()
    gap = 14 - thick / 2
    flux = pattern * ((1 + 0.12 * warm) / (1 + (gap / 9) ** 2)).view(-1, 1, 1)
    wet = water.view(-1, 1, 1) * (1 - 0.5 * rim) * (1 - por + 0.6)
    t_dry = (40 * wet + 14 * frozen.view(-1, 1, 1)) / flux
    ts = 373 + 100 * flux * (0.4 + por)
    rate = 1.5 * (1 + 8 * sugar.view(-1, 1, 1)) * torch.exp(-95e3 / 8.314 * (1 / ts - 1 / 470))
    dose = rate * torch.relu(t_dial.view(-1, 1, 1) - t_dry) / 100
    dose = F.avg_pool2d(dose.unsqueeze(1), 3, 1, 1, count_include_pad=False).squeeze(1) * 0.6 + 0.4 * dose
    lstar = 26 + 54 * torch.exp(-dose) + 1.0 * torch.randn(n, g, g, generator=gen)
    cond = torch.stack([(t_dial - 150) / 52, (thick - 17.5) / 4.3, (water - 0.38) / 0.035, (sugar - 0.04) / 0.035,
                        2 * frozen - 1, 2 * warm - 1], 1)
    x = torch.cat([((por - 0.72) / 0.1).unsqueeze(1), ((pattern - 1.0) / 0.3).unsqueeze(1), rim.unsqueeze(1),
                   cond.view(n, 6, 1, 1).expand(n, 6, g, g)], 1)
    return x, ((lstar - 50) / 15).unsqueeze(1)


class BrowningCNN(nn.Module):
    """A fully convolutional net: two 3 x 3 convolutions (GELU, GroupNorm after the second) and a 1 x 1 read-out."""

    def __init__(self, width: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(9, width, 3, padding=1), nn.GELU(),
                                 nn.Conv2d(width, width, 3, padding=1), nn.GroupNorm(4, width), nn.GELU(),
                                 nn.Conv2d(width, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def browning_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised L* map."""
    return _mse(model, batch)


def toaster_browning(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 24) -> dict[str, Any]:
    """The browning CNN on 2048 toasted slices; held out: 2048 other slices in batches of 1024; Adam (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(114101)
    x, y = _tt_slices(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BrowningCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": browning_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. coffee grinder particle size distribution (AdamW)

CG_BINS = 16
CG_EDGES = 10 * 200 ** (torch.arange(CG_BINS + 1).float() / CG_BINS)  # um, laser-diffraction classes


def _cg_grinds(n: int, gen: torch.Generator, scatter: float = 0.05) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Single grinds of roasted coffee measured by laser diffraction (volume fractions in 16 log classes 10-2000
    um). The burr set (conical 38 mm, conical 54 mm, flat 64 mm, flat 83 mm, blade: main-mode spread sigma 0.55,
    0.50, 0.42, 0.38, 0.90; fines share 0.13, 0.12, 0.10, 0.09, 0.18; boulders 0.06, 0.05, 0.035, 0.025, 0.15), the
    roast (light, medium, dark: the main mode at 1.0, 0.92, 0.84 of the gap, darker beans more brittle, more fines),
    the process (washed, natural, honey: naturals give 10% more fines), the feed (single dose: the beans popcorn,
    1.6x the boulders), the grind setting (burr gap 150-1200 um, log-uniform; fines share rising as the gap shuts),
    the burr speed 300-1500 rpm (more fines, a slightly finer mode), the beans' moisture 9-13% (wetter: tougher,
    fewer fines, a coarser mode) and temperature -18 to 25 C (colder: a narrower main mode, fewer fines). Fines: a
    lognormal at 35 um (sigma 0.45); boulders: a lognormal at 1.7x the main mode (sigma 0.3). Class fractions from
    the normal CDF of the log size; 5% multiplicative diffraction scatter per class (``scatter``), renormalised.
    Constants invented. Returns (categories (n, 4), continuous (n, 4), distributions (n, 16))."""
    burr = torch.randint(0, 5, (n,), generator=gen)
    roast = torch.randint(0, 3, (n,), generator=gen)
    proc = torch.randint(0, 3, (n,), generator=gen)
    feed = torch.randint(0, 2, (n,), generator=gen)
    gap = 150 * 8 ** torch.rand(n, generator=gen)
    rpm = 300 + 1200 * torch.rand(n, generator=gen)
    moist = 9 + 4 * torch.rand(n, generator=gen)
    temp = -18 + 43 * torch.rand(n, generator=gen)
    sig = torch.tensor([0.55, 0.50, 0.42, 0.38, 0.90])[burr] * (1 - 0.004 * (25 - temp))
    fines = torch.tensor([0.13, 0.12, 0.10, 0.09, 0.18])[burr] * torch.tensor([0.85, 1.0, 1.2])[roast]
    fines = fines * torch.tensor([1.0, 1.1, 1.05])[proc] * (350 / gap) ** 0.3 * (rpm / 800) ** 0.25
    fines = fines * (1 - 0.06 * (moist - 11)) * (1 + 0.004 * (temp - 25))
    boulders = torch.tensor([0.06, 0.05, 0.035, 0.025, 0.15])[burr] * (1 + 0.6 * feed) * (gap / 500) ** 0.2
    d_main = gap * torch.tensor([1.0, 0.92, 0.84])[roast] * (800 / rpm) ** 0.05 * (1 + 0.03 * (moist - 11))
    d_main = d_main * (1 - 0.002 * (25 - temp))
    main = (1 - fines - boulders).clamp_min(0.2)
    le = torch.log(CG_EDGES).view(1, -1)

    def mass(mu: torch.Tensor, s: torch.Tensor | float) -> torch.Tensor:
        s = s if isinstance(s, float) else s.view(-1, 1)
        cdf = 0.5 * (1 + torch.erf((le - mu.view(-1, 1)) / (s * math.sqrt(2))))
        return cdf[:, 1:] - cdf[:, :-1]

    dist = (fines.view(-1, 1) * mass(torch.full((n,), math.log(35.0)), 0.45)
            + main.view(-1, 1) * mass(torch.log(d_main), sig)
            + boulders.view(-1, 1) * mass(torch.log(1.7 * d_main), 0.3))
    dist = (dist + 1e-4) * torch.exp(scatter * torch.randn(n, CG_BINS, generator=gen))
    dist = dist / dist.sum(1, keepdim=True)
    cats = torch.stack([burr, roast, proc, feed], 1)
    cont = torch.stack([(torch.log(gap) - math.log(150 * 8**0.5)) / 0.6, (rpm - 900) / 346, (moist - 11) / 1.15,
                        (temp - 3.5) / 12.4], 1)
    return cats, cont, dist


class GrindNet(nn.Module):
    """Entity embeddings (burr 4, roast 2, process 2, feed 2) joined with 4 continuous inputs, a linear stem, Pre-LN
    residual MLP blocks, and a linear read-out to 16 class logits."""

    def __init__(self, width: int = 64, blocks: int = 2) -> None:
        super().__init__()
        self.emb = nn.ModuleList([nn.Embedding(5, 4), nn.Embedding(3, 2), nn.Embedding(3, 2), nn.Embedding(2, 2)])
        self.stem = nn.Linear(14, width)
        self.blocks = nn.ModuleList([nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), nn.GELU(),
                                                   nn.Linear(2 * width, width)) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, CG_BINS)

    def forward(self, cats: torch.Tensor, cont: torch.Tensor) -> torch.Tensor:
        h = self.stem(torch.cat([e(cats[:, i]) for i, e in enumerate(self.emb)] + [cont], 1))
        for block in self.blocks:
            h = h + block(h)
        return self.head(self.norm(h))


def grind_kl(model: nn.Module, batch: Any) -> torch.Tensor:
    """KL(measured || predicted) of the class distribution, averaged over the batch."""
    cats, cont, dist = batch
    return F.kl_div(F.log_softmax(model(cats, cont), 1), dist, reduction="batchmean")


def coffee_grind(batch_size: int = 128, seed: int = 0, train_size: int = 8192, width: int = 64,
                 blocks: int = 2, scatter: float = 0.05) -> dict[str, Any]:
    """The grind-distribution net on 8192 grinds; held out: 2048 other grinds in batches of 1024; AdamW (torch's
    defaults: betas 0.9 / 0.999, weight decay 0.01)."""
    gen = torch.Generator().manual_seed(114102)
    cats, cont, dist = _cg_grinds(train_size + 2048, gen, scatter)
    tr = (cats[:train_size], cont[:train_size], dist[:train_size])
    torch.manual_seed(seed)
    return {"model": GrindNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((cats[train_size:], cont[train_size:], dist[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": grind_kl, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. squeegee residual water film along the blade (SGD with Nesterov momentum)

SQ_POS = 32


def _sq_strokes(n: int, gen: torch.Generator, scatter: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """Squeegee strokes on wet glass, the film left behind measured (interferometrically) at 32 positions along the
    blade. The edge: a new-to-worn radius 20-200 um (log-uniform) with a smooth wear profile along the blade (worn
    more where the hand presses, +-40%), and 0-3 nicks (1-2 positions wide, 10-250 um deep). The stroke: speed
    0.2-1.5 m/s, blade angle 30-70 degrees to the glass, line load 40-250 N/m; the rubber's Shore A 50-80 (E from
    Gent's relation, from memory); the water's surface tension 30-72 mN/m (detergent). The edge's local interference
    (the mean deflection, load / (E c), less a nick's depth) spread along the blade by its bending (an exponential
    kernel whose length grows with stiffness), the contact pressure from it; a soft-EHL film h = 0.9 um (eta U /
    p)^0.6 (R / 50 um)^0.4 / sin(angle)^0.5 (gamma / 50)^0.3 (scaled); where a nick is deeper than the rubber
    conforms, a leak streak of film (a softplus of the uncovered depth / 40 um, at nicks only). Scatter on the log
    film ``scatter`` (0.1; 0.05 in the long plan). Constants invented. Returns (channels (n, 7, 32): log radius,
    nick depth, then speed, angle, load, hardness and surface tension broadcast; log film (n, 1, 32))."""
    p = SQ_POS
    pos = torch.arange(p).float().view(1, -1)
    r0 = 20 * 10 ** torch.rand(n, 1, generator=gen)
    centre = p * torch.rand(n, 1, generator=gen)
    wear = 1 + 0.4 * (2 * torch.rand(n, 1, generator=gen) - 1) * torch.exp(-((pos - centre) / 8) ** 2)
    radius = r0 * wear
    nicks = torch.zeros(n, p)
    count = torch.randint(0, 4, (n,), generator=gen)
    for k in range(3):
        at = torch.randint(0, p, (n, 1), generator=gen)
        wide = torch.randint(1, 3, (n, 1), generator=gen)
        depth = 10 + 240 * torch.rand(n, 1, generator=gen)
        on = ((pos >= at) & (pos < at + wide) & (count.view(-1, 1) > k)).float()
        nicks = torch.maximum(nicks, on * depth)
    speed = 0.2 + 1.3 * torch.rand(n, generator=gen)
    angle = 30 + 40 * torch.rand(n, generator=gen)
    load = 40 + 210 * torch.rand(n, generator=gen)
    shore = 50 + 30 * torch.rand(n, generator=gen)
    gamma = 30 + 42 * torch.rand(n, generator=gen)
    e_mpa = 0.0981 * (56 + 7.62336 * shore) / (0.137505 * (254 - 2.54 * shore))
    defl = 60 * load / 150 / (e_mpa / 3)  # um
    lam = 1.5 + 2.5 * (e_mpa / 3) ** 0.25
    interf = torch.relu(defl.view(-1, 1) - 0.8 * nicks)
    ker = torch.exp(-torch.arange(-6, 7).float().abs().view(1, 1, -1) / lam.view(-1, 1, 1))
    ker = ker / ker.sum(2, keepdim=True)
    padded = F.pad(interf.unsqueeze(0), (6, 6), mode="replicate")  # (1, n, p + 12)
    spread = F.conv1d(padded, ker, groups=n).squeeze(0)
    pressure = (spread / defl.view(-1, 1)).clamp_min(0.02) * load.view(-1, 1) / 150
    film = 0.9 * (speed.view(-1, 1) / pressure) ** 0.6 * (radius / 50) ** 0.4
    film = film / torch.sin(torch.deg2rad(angle)).view(-1, 1) ** 0.5 * (gamma.view(-1, 1) / 50) ** 0.3
    leak = F.softplus((nicks - 1.3 * defl.view(-1, 1)) / 40) * (nicks > 0).float()
    y = torch.log(film + leak) + scatter * torch.randn(n, p, generator=gen)
    cond = torch.stack([(speed - 0.85) / 0.375, (angle - 50) / 11.5, (load - 145) / 60, (shore - 65) / 8.7,
                        (gamma - 51) / 12.1], 1)
    x = torch.cat([(torch.log(radius / 60) / 0.7).unsqueeze(1), (nicks / 100).unsqueeze(1),
                   cond.unsqueeze(2).expand(n, 5, p)], 1)
    return x, ((y - 0.2) / 0.8).unsqueeze(1)


class StreakCNN(nn.Module):
    """A 1-d CNN along the blade: two kernel-5 convolutions with BatchNorm and ReLU, a 1 x 1 read-out."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(7, width, 5, padding=2), nn.BatchNorm1d(width), nn.ReLU(),
                                 nn.Conv1d(width, width, 5, padding=2), nn.BatchNorm1d(width), nn.ReLU(),
                                 nn.Conv1d(width, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def film_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) log film thickness along the blade."""
    return _mse(model, batch)


def squeegee_film(batch_size: int = 64, seed: int = 0, train_size: int = 2048, width: int = 16,
                  scatter: float = 0.1) -> dict[str, Any]:
    """The streak CNN on 2048 strokes; held out: 2048 other strokes in batches of 1024; SGD with Nesterov momentum
    0.9 (no weight decay)."""
    gen = torch.Generator().manual_seed(114103)
    x, y = _sq_strokes(train_size + 2048, gen, scatter)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StreakCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": film_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. chewing gum texture softening (AdamW)

GUM_TYPES = 10  # PVAc-rich base, elastomer-rich base, sorbitol, xylitol, maltitol, sucrose, glucose syrup,
#                 glycerol, calcium carbonate, flavour oil
GUM_SLOTS = 7  # base, sweetener 1, sweetener 2, syrup, glycerol, filler, flavour
GUM_TIMES = (0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 7.0, 10.0)  # minutes of chewing


def _gum_pieces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Chewing-gum formulations chewed by a chewing simulator, the bolus's hardness measured by a texture analyser at
    8 times. The base (PVAc-rich or elastomer-rich) 22-40%; one or two bulk sweeteners (sorbitol, xylitol, maltitol,
    sucrose: leaching rates 0.35, 0.6, 0.25, 0.5 /min at reference, crystalline); glucose syrup 0-12% (half the
    pieces); glycerol 0-3% (half); calcium carbonate 0-10% (half); flavour oil 1-3%. Chewing at 0.8-1.6 Hz with
    saliva 0.5-2 ml/min, pieces 1.5-3 g. Sweeteners leach first-order (rate x (saliva / 1)^0.7 x (chew / 1.2)^0.5 x
    (2.2 g / mass)^0.33), the flavour oil more slowly; water is taken up (to 8%, 1.5 min); the bolus warms from 22 to
    37 C (time constant 0.6 min). Hardness: the base's (PVAc 12, elastomer 7, arbitrary units) times a filler factor
    1 + 2.5 phi + 6 phi^2 of the solids (crystalline sweetener left, carbonate) in the bolus, times exp(-(7 glycerol
    + 5 syrup + 6 water + 4 flavour) / base share), times a glass-transition softening exp(-c (T - 22)) (c 0.09 for
    PVAc, 0.04 for elastomer). 6% scatter (on the log). Constants invented. Returns (types (n, 7), fractions (n, 7),
    present mask (n, 7), conditions (n, 3), log hardness (n, 8))."""
    base_t = torch.randint(0, 2, (n,), generator=gen)
    base = 0.22 + 0.18 * torch.rand(n, generator=gen)
    s1 = torch.randint(2, 6, (n,), generator=gen)
    s2 = 2 + (s1 - 2 + torch.randint(1, 4, (n,), generator=gen)) % 4
    two = torch.rand(n, generator=gen) < 0.5
    syrup = 0.12 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.5)
    gly = 0.03 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.5)
    caco3 = 0.10 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.5)
    flav = 0.01 + 0.02 * torch.rand(n, generator=gen)
    sweet = 1 - base - syrup - gly - caco3 - flav
    split = torch.where(two, 0.3 + 0.4 * torch.rand(n, generator=gen), torch.ones(n))
    w1, w2 = sweet * split, sweet * (1 - split)
    chew = 0.8 + 0.8 * torch.rand(n, generator=gen)
    saliva = 0.5 + 1.5 * torch.rand(n, generator=gen)
    mass = 1.5 + 1.5 * torch.rand(n, generator=gen)
    k_rate = torch.tensor([0.0, 0.0, 0.35, 0.6, 0.25, 0.5])
    scale = saliva**0.7 * (chew / 1.2) ** 0.5 * (2.2 / mass) ** 0.33
    t = torch.tensor(GUM_TIMES).view(1, -1)
    left1 = w1.view(-1, 1) * torch.exp(-k_rate[s1].view(-1, 1) * scale.view(-1, 1) * t)
    left2 = w2.view(-1, 1) * torch.exp(-k_rate[s2].view(-1, 1) * scale.view(-1, 1) * t)
    syr = syrup.view(-1, 1) * torch.exp(-0.9 * scale.view(-1, 1) * t)
    fl = flav.view(-1, 1) * torch.exp(-0.12 * scale.view(-1, 1) * t)
    water = 0.08 * (1 - torch.exp(-t / 1.5))
    temp = 37 - 15 * torch.exp(-t / 0.6)
    total = base.view(-1, 1) + left1 + left2 + syr + fl + caco3.view(-1, 1) + gly.view(-1, 1) + water
    phi = (left1 + left2 + caco3.view(-1, 1)) / total
    share = base.view(-1, 1) / total
    h0 = torch.tensor([12.0, 7.0])[base_t].view(-1, 1)
    c = torch.tensor([0.09, 0.04])[base_t].view(-1, 1)
    plast = (7 * gly.view(-1, 1) + 5 * syr + 6 * water + 4 * fl) / total / share
    hard = h0 * (1 + 2.5 * phi + 6 * phi**2) * torch.exp(-plast) * torch.exp(-c * (temp - 22))
    y = torch.log(hard) + 0.06 * torch.randn(hard.shape, generator=gen)
    types = torch.stack([base_t, s1, s2, torch.full((n,), 6), torch.full((n,), 7), torch.full((n,), 8),
                         torch.full((n,), 9)], 1)
    fracs = torch.stack([base, w1, w2, syrup, gly, caco3, flav], 1)
    present = torch.stack([torch.ones(n, dtype=torch.bool), torch.ones(n, dtype=torch.bool), two, syrup > 0,
                           gly > 0, caco3 > 0, torch.ones(n, dtype=torch.bool)], 1)
    cond = torch.stack([(chew - 1.2) / 0.23, (saliva - 1.25) / 0.43, (mass - 2.25) / 0.43], 1)
    return types, fracs * 5, present, cond, y


class GumTransformer(nn.Module):
    """Ingredient tokens (type embedding + the mass fraction times an amount embedding) and a chewing-condition token
    through Pre-LN transformer blocks (masked self-attention, GELU feed-forward), masked mean pooling, a linear head."""

    def __init__(self, dim: int = 32, heads: int = 4, blocks: int = 1) -> None:
        super().__init__()
        self.type_emb = nn.Embedding(GUM_TYPES, dim)
        self.amount_emb = nn.Embedding(GUM_TYPES, dim)  # each ingredient's direction for its mass fraction
        self.cond = nn.Linear(3, dim)
        self.ln1 = nn.ModuleList([nn.LayerNorm(dim) for _ in range(blocks)])
        self.attn = nn.ModuleList([nn.MultiheadAttention(dim, heads, batch_first=True) for _ in range(blocks)])
        self.ln2 = nn.ModuleList([nn.LayerNorm(dim) for _ in range(blocks)])
        self.ff = nn.ModuleList([nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))
                                 for _ in range(blocks)])
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, len(GUM_TIMES))

    def forward(self, types: torch.Tensor, fracs: torch.Tensor, present: torch.Tensor,
                cond: torch.Tensor) -> torch.Tensor:
        tokens = self.type_emb(types) + fracs.unsqueeze(2) * self.amount_emb(types)
        h = torch.cat([tokens, self.cond(cond).unsqueeze(1)], 1)
        keep = torch.cat([present, torch.ones_like(present[:, :1])], 1)
        for ln1, attn, ln2, ff in zip(self.ln1, self.attn, self.ln2, self.ff):
            a = ln1(h)
            h = h + attn(a, a, a, key_padding_mask=~keep, need_weights=False)[0]
            h = h + ff(ln2(h))
        w = keep.unsqueeze(2).float()
        return self.head(self.norm((h * w).sum(1) / w.sum(1)))


def gum_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log hardness curve."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


def chewing_gum(batch_size: int = 64, seed: int = 0, train_size: int = 1024, dim: int = 32,
                blocks: int = 1) -> dict[str, Any]:
    """The gum transformer on 1024 chewing tests, targets standardised over them; held out: 2048 other tests in
    batches of 1024; AdamW with betas (0.9, 0.98) (the transformer habit), weight decay torch's 0.01."""
    gen = torch.Generator().manual_seed(114104)
    types, fracs, present, cond, y = _gum_pieces(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (types[:train_size], fracs[:train_size], present[:train_size], cond[:train_size], y[:train_size])
    ev = (types[train_size:], fracs[train_size:], present[train_size:], cond[train_size:], y[train_size:])
    torch.manual_seed(seed)
    return {"model": GumTransformer(dim, blocks=blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(ev, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.98)),
                                "adamw_b0.98"),
            "loss_fn": gum_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. pizza stone heat storage over a baking session (RAdam; long only)

PS_BAKES = 4


def _ps_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Home-oven baking sessions of 4 pizzas on one stone. The oven's setpoint 230-290 C, the preheat 20-75 min, the
    stone 1-2.5 cm thick of cordierite, steel or fireclay (volumetric heat capacity 2.0, 3.7, 1.8 MJ/m3K,
    conductivity 2.5, 45, 1.0 W/mK), the gap before each pizza 0.5-10 min, the dough 180-350 g, the toppings'
    wetness 0-1. A two-node stone (a 3 mm surface layer over the core) heated from both faces by the oven (h 14
    W/m2K to the air and the elements' radiation), conduction between the nodes k / (half the thickness); during a
    bake the dough (100 C, contact h 260 W/m2K over 70% of the face) drains the surface until the bottom has taken
    its heat (48 kJ/m2 for 250 g, more for wet toppings), the door drops the oven's air by 40 C, recovering with a
    3 min time constant. 15 s steps. Outputs per pizza: the surface temperature at launch and the bake time the
    bottom needs (log minutes); 1.5% scatter. Constants invented. Returns (inputs (n, 4, 9), outputs (n, 4, 2))."""
    setp = 230 + 60 * torch.rand(n, generator=gen)
    pre = 20 + 55 * torch.rand(n, generator=gen)
    thick = 0.01 + 0.015 * torch.rand(n, generator=gen)
    mat = torch.randint(0, 3, (n,), generator=gen)
    rc = torch.tensor([2.0e6, 3.7e6, 1.8e6])[mat]
    kc = torch.tensor([2.5, 45.0, 1.0])[mat]
    gaps = 0.5 + 9.5 * torch.rand(n, PS_BAKES, generator=gen)
    dough = 180 + 170 * torch.rand(n, PS_BAKES, generator=gen)
    wet = torch.rand(n, PS_BAKES, generator=gen)
    # preheat: the whole stone toward the setpoint (both faces), lumped
    tau = rc * thick / (2 * 14 + 1.5 * 4 * 5.67e-8 * (setp + 273) ** 3) / 60
    t0 = setp - (setp - 20) * torch.exp(-pre / tau)
    ts, tc = t0 - 3.0, t0.clone()
    surf_c = rc * 0.003
    core_c = rc * (thick - 0.003)
    g_in = kc / (thick / 2)
    h_o = 14 + 4 * 5.67e-8 * (setp + 273) ** 3
    dt = 15.0
    air = setp.clone()
    relax = torch.exp(-dt * g_in * (1 / surf_c + 1 / core_c))

    def exchange(ts: torch.Tensor, tc: torch.Tensor, active: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Conduction between the two nodes over one step, exactly (the difference relaxes, the heat is kept)."""
        mean = (surf_c * ts + core_c * tc) / (surf_c + core_c)
        diff = (ts - tc) * torch.where(active > 0, relax, torch.ones_like(relax))
        return mean + diff * core_c / (surf_c + core_c), mean - diff * surf_c / (surf_c + core_c)

    out_t, out_b = [], []
    for b in range(PS_BAKES):
        steps = (gaps[:, b] * 60 / dt).round()
        for s in range(40):  # the gap (up to 10 min), masked per session
            active = (s < steps).float()
            air = air + active * (setp - air) * (dt / 180)
            ts, tc = exchange(ts, tc, active)
            ts = ts + active * dt * h_o * (air - ts) / surf_c
            tc = tc + active * dt * h_o * (air - tc) / core_c
        out_t.append(ts.clone())
        need = 2.6e6 * (dough[:, b] / 250) * (1 + 0.35 * wet[:, b])
        got = torch.zeros(n)
        done = torch.full((n,), 48.0)
        baking = torch.ones(n)
        air = air - 40
        for s in range(48):  # up to 12 min
            q_p = 260 * 0.7 * torch.relu(ts - 100) * baking
            before = got
            got = got + dt * q_p
            fin = (got >= need) & (baking > 0)
            frac = ((need - before) / (got - before).clamp_min(1e-6)).clamp(0, 1)
            done = torch.where(fin, s + frac, done)
            air = air + (setp - air) * (dt / 180)
            ts = ts + dt * (h_o * (air - ts) - q_p) / surf_c
            tc = tc + dt * h_o * (air - tc) / core_c
            ts, tc = exchange(ts, tc, torch.ones(n))
            baking = torch.where(fin, torch.zeros(n), baking)
        out_b.append(torch.log(done * dt / 60))
    y = torch.stack([torch.stack(out_t, 1) / 100, torch.stack(out_b, 1)], 2)
    y = y + 0.015 * torch.randn(y.shape, generator=gen)
    static = torch.stack([(setp - 260) / 17.3, (pre - 47.5) / 15.9, (thick - 0.0175) / 0.0043], 1)
    x = torch.cat([static.unsqueeze(1).expand(n, PS_BAKES, 3), F.one_hot(mat, 3).float().unsqueeze(1).expand(
        n, PS_BAKES, 3), ((gaps - 5.25) / 2.74).unsqueeze(2), ((dough - 265) / 49).unsqueeze(2),
        ((wet - 0.5) / 0.29).unsqueeze(2)], 2)
    return x, y


class SessionGRU(nn.Module):
    """A one-layer GRU over the session's pizzas and a linear head per step."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.gru = nn.GRU(9, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0])


def session_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised launch temperature and log bake time, over every pizza."""
    return _mse(model, batch)


def pizza_stone(batch_size: int = 16, seed: int = 0, train_size: int = 8192, hidden: int = 16) -> dict[str, Any]:
    """The session GRU on 8192 baking sessions, targets standardised over them; held out: 2048 other sessions in
    batches of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(114105)
    x, y = _ps_sessions(train_size + 2048, gen)
    y = (y - y[:train_size].mean((0, 1))) / y[:train_size].std((0, 1))
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SessionGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": session_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. clothespin spring clamping, a grey-box net (Adam; long only)

CP_OPEN = torch.linspace(0.5, 8.0, 8)  # jaw opening at the tips, mm


def _cp_pins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Spring clothespins on a force tester: the pin (beech wood, polypropylene, stainless wire-frame: arm
    compliance 0.004, 0.012, 0.002 mm/N per mm of arm, pivot friction 0.12-0.30, 0.06-0.15, 0.04-0.10 rising from
    new to weathered with a 12-month time constant), the torsion
    spring's wire 0.9-1.5 mm, mean coil diameter 4-7 mm, 2-4.5 turns, pre-wind 25-70 degrees, the jaw arm 30-45 mm
    and the handle arm 18-30 mm from the pivot, weathering 0-36 months (the spring relaxes: -6% per log month for
    steel in wood, more in plastic seats; the pivot gets rougher). The spring rate k = E d^4 / (64 D n) (E 200 GPa,
    stainless 190; from memory) stiffening as the coil tightens (+12% x (phi / 1 rad)^2); the jaw angle phi from
    the opening over the jaw arm, plus the arms' flex; the grip force at the tips T / L_eff (1 - mu) (the contact
    point moves in along the rounded tips, L_eff = L - 0.4 x) when the jaws close on a thickness x, the squeeze
    force at the handles T / L_h (1 + mu) to open them to x. 2% scatter (lognormal). Constants invented. Returns
    (features (n, 10), geometry (n, 2): jaw and handle arms in mm, log forces (n, 16): grip then squeeze)."""
    kind = torch.randint(0, 3, (n,), generator=gen)
    wire = 0.9 + 0.6 * torch.rand(n, generator=gen)
    coil = 4 + 3 * torch.rand(n, generator=gen)
    turns = 2 + 2.5 * torch.rand(n, generator=gen)
    prewind = torch.deg2rad(25 + 45 * torch.rand(n, generator=gen))
    jaw = 30 + 15 * torch.rand(n, generator=gen)
    handle = 18 + 12 * torch.rand(n, generator=gen)
    age = 36 * torch.rand(n, generator=gen) ** 1.5
    lo = torch.tensor([0.12, 0.06, 0.04])[kind]
    hi = torch.tensor([0.30, 0.15, 0.10])[kind]
    mu = lo + (hi - lo) * (1 - torch.exp(-age / 12))
    comp = torch.tensor([0.004, 0.012, 0.002])[kind]
    e = torch.tensor([200e3, 200e3, 190e3])[kind]
    k = e * wire**4 / (64 * coil * turns)  # N mm / rad
    relax = 1 - torch.tensor([0.06, 0.10, 0.03])[kind] * torch.log1p(age)
    x = CP_OPEN.view(1, -1)
    phi = x / jaw.view(-1, 1)
    torque = k.view(-1, 1) * (prewind.view(-1, 1) + phi) * (1 + 0.12 * (prewind.view(-1, 1) + phi) ** 2)
    torque = torque * relax.view(-1, 1)
    leff = jaw.view(-1, 1) - 0.4 * x
    grip = torque / leff * (1 - mu.view(-1, 1))
    grip = grip / (1 + comp.view(-1, 1) * jaw.view(-1, 1) * grip / 10)
    squeeze = torque / handle.view(-1, 1) * (1 + mu.view(-1, 1))
    y = torch.log(torch.cat([grip, squeeze], 1)) + 0.02 * torch.randn(n, 16, generator=gen)
    feats = torch.cat([F.one_hot(kind, 3).float(), torch.stack([
        (wire - 1.2) / 0.17, (coil - 5.5) / 0.87, (turns - 3.25) / 0.72, (prewind - 0.83) / 0.23,
        (jaw - 37.5) / 4.3, (handle - 24) / 3.5, (torch.log1p(age) - 2.3) / 1.0], 1)], 1)
    return feats, torch.stack([jaw, handle], 1), y


class SpringGreyBox(nn.Module):
    """An MLP from the pin to an effective log spring rate, pre-wind angle and pivot friction, put through the
    torsion-spring lever law at the 8 openings (grip and squeeze), plus a learned residual (zero at the start)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh())
        self.params = nn.Linear(hidden, 3)
        self.residual = nn.Linear(hidden, 16)
        nn.init.zeros_(self.residual.weight)
        nn.init.zeros_(self.residual.bias)

    def forward(self, feats: torch.Tensor, geom: torch.Tensor) -> torch.Tensor:
        h = self.net(feats)
        p = self.params(h)
        log_k = 6.0 + p[:, :1]
        phi0 = 0.8 + 0.3 * p[:, 1:2]
        mu = 0.15 + 0.1 * torch.tanh(p[:, 2:3])
        jaw, handle = geom[:, :1], geom[:, 1:2]
        x = CP_OPEN.view(1, -1)
        ang = (phi0 + x / jaw).clamp_min(0.05)
        log_t = log_k + torch.log(ang)
        grip = log_t - torch.log(jaw - 0.4 * x) + torch.log1p(-mu)
        squeeze = log_t - torch.log(handle) + torch.log1p(mu)
        return torch.cat([grip, squeeze], 1) + self.residual(h)


def clamp_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log grip and squeeze forces (log newtons)."""
    feats, geom, y = batch
    return F.mse_loss(model(feats, geom), y)


def clothespin_clamp(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 32) -> dict[str, Any]:
    """The grey-box clamp net on 8192 pins; held out: 2048 other pins in batches of 1024; Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(114106)
    feats, geom, y = _cp_pins(train_size + 2048, gen)
    tr = (feats[:train_size], geom[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpringGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((feats[train_size:], geom[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": clamp_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("toaster_browning_adam", toaster_browning, 300, "toaster_bread_slice_browning_map_cnn", "adam", "finite", 32,
      seconds=1.5, start_lr=0.032),
    W("coffee_grind_adamw", coffee_grind, 300, "coffee_burr_grinder_laser_psd_embedding_resmlp", "adamw", "finite",
      128, seconds=0.6, start_lr=0.032),
    W("squeegee_film_nesterov", squeegee_film, 300, "squeegee_blade_residual_water_film_cnn1d", "sgd_nesterov0.9",
      "finite", 64, seconds=0.5, start_lr=0.064),
    W("chewing_gum_adamw", chewing_gum, 300, "chewing_gum_bolus_softening_ingredient_transformer", "adamw_b0.98",
      "finite", 64, seconds=1.0, start_lr=0.032),
)
LONG = (
    W("pizza_stone_radam@long", pizza_stone, 3000, "pizza_stone_session_heat_storage_gru", "radam", "finite", 16,
      seconds=3.1, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("clothespin_clamp_adam@long", clothespin_clamp, 3000, "clothespin_torsion_spring_clamp_greybox", "adam",
      "finite", 32, seconds=2.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("coffee_grind_adamw@long", coffee_grind, 3000, "coffee_burr_grinder_laser_psd_embedding_resmlp", "adamw",
      "finite", 32, dict(train_size=16384, width=32, blocks=1, scatter=0.03), seconds=3.3, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="coffee_grind_adamw"),
    W("squeegee_film_nesterov@long", squeegee_film, 3000, "squeegee_blade_residual_water_film_cnn1d",
      "sgd_nesterov0.9", "finite", 32, dict(train_size=8192, width=12, scatter=0.05), seconds=4.0, start_lr=0.064,
      grid_fractions=(0.0, 0.05), long_of="squeegee_film_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam114_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-fourteenth exam's workloads")
