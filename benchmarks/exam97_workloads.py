"""The ninety-seventh exam: six more workload families that neither the suite nor exams 1-96 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam96_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from salt flats and evaporite
crusts, fishing lines and knot strength, sorbet and ice crystals, miso and koji fermentation, snowmobiles and track
traction, and papier-mache and drying strength (exam 98 was built at the same time from other domains; its module
was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam97/README.md``. The models are named with their sources from memory (no paper was
re-read while writing them).

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- salt-flat crust polygons from drone elevation models: a small CNN (three 3x3 convolutions with batch
  normalisation, two max poolings, global mean and max pooling; the VGG-style regressors of drone-survey work, from
  memory) reads a 6 x 6 m patch of a crust's elevation model (16 x 16 cells of 0.375 m, as structure-from-motion
  gives it) and estimates the polygons' mean diameter and ridge height (as measured on Badwater or Uyuni-type salt
  polygons); patches from a jittered-lattice Voronoi tiling with Gaussian ridges along the boundaries, a dome or
  dish inside each polygon, rotation, tilt, roughness and photogrammetric noise; MSE of the standardised log
  diameter and log ridge height; Adam (torch's defaults)
- fishing-knot pull tests: a 1-D CNN reads the load-extension trace of a knotted monofilament (load as a fraction
  of the rated test) and names the failure: the knot slipped, the line broke at the knot, or it broke in the
  standing line; traces from a nylon-like curve with the knot's efficiency (improved clinch, Palomar, uni, blood
  knot), wet or dry tying, turns and cinching, slip at a friction-limited load (a sawtooth of drops), break at
  the knot's strength or at a flaw in the standing line, whichever is lower; cross-entropy; RMSprop (torch's alpha
  0.99)
- sorbet ice-crystal size distributions: an MLP from the recipe (sugar, stabiliser), the draw and hardening
  temperatures and the storage history (temperature, its fluctuation, days) to the histogram of ice-crystal sizes
  (16 bins of 10 um) that image analysis of 2000 crystals under a cold-stage microscope gives; sizes
  gamma-distributed (as Donhowe and Hartel's ice-cream crystal counts were, from memory) plus a fine fraction that
  temperature cycling refreezes, with a mean ripening by Lifshitz-Slyozov-Wagner's L^3 = L0^3 + k t, k
  Arrhenius in the storage temperature, raised by fluctuations (accretion, melt-refreeze) and lowered by the
  stabiliser; KL divergence from the counted histogram; SGD with momentum 0.9 and weight decay 1e-4
- koji solid-state fermentation (for miso): an MLP from the batch conditions (rice moisture, chamber temperature
  and humidity, inoculum, strain, steaming) to the alpha-amylase and acid protease activities at 8 times over 48
  hours; growth by a logistic model with Rosso's cardinal-temperature rate and a water-activity factor, enzymes by
  Luedeking-Piret production (amylase favoured warm, protease favoured cool, as koji makers steer it), the koji's
  own heat raising the bed temperature; assay scatter 5%; MSE of the standardised log activities; SGD with momentum
  0.9 and weight decay 1e-4
- snowmobile track traction (a long plan only): a grey-box net: an MLP from the snow's descriptors (density,
  temperature, depth, age, a grain class) gives Bekker's pressure-sinkage parameters (k_c, k_phi, n) and the
  Mohr-Coulomb and Janosi-Hanamoto shear parameters (c, phi, K), which Wong's track model (from memory) turns into
  the drawbar-pull coefficient of a given sled (mass, track length and width, lug height) at 8 slips; thrust minus
  compaction resistance, sinkage capped by the snow depth; test-rig scatter; MSE of DP / W; SGD with momentum 0.9
- papier-mache drying strength (a long plan only): an MLP with a learned embedding of the paste (flour-water,
  wallpaper paste, PVA, starch) from the number of layers, the drying temperature, humidity and air speed and the
  drying time to the moisture content and the log flexural strength of a laminated strip; drying by Page's model
  MR = exp(-k t^n) toward an Oswin-isotherm equilibrium moisture, k falling with the square of the thickness,
  strength from the paste's dry strength and the layers, falling exponentially with the moisture (as paper's does);
  MSE of the standardised targets; SGD with Nesterov momentum 0.9 and weight decay 5e-4

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the snowmobile traction
net and the papier-mache net (no short plans), the sorbet net on 8192 counted samples instead of 1024 and the koji
net on 4096 fermentation batches instead of 512.

Of the eight plans, one uses Adam (salt polygons), one RMSprop (knot), five SGD with momentum (both sorbet plans, both
koji plans, snowmobile) and one SGD with Nesterov momentum (papier-mache): all four long plans are SGD.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam97_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam97/README.md).

    python benchmarks/exam97_workloads.py          # the table
    python benchmarks/exam97_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 97"


def kl_div(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """The Kullback-Leibler divergence of predicted proportions from observed ones, averaged over rows (the
    cross-entropy less the observed proportions' own entropy, so a perfect fit scores 0)."""
    return F.kl_div(F.log_softmax(logits, 1), target, reduction="batchmean")


# --------------------------------------------------------------------------------------------------------------
# 1. salt-flat crust polygons from drone elevation models, a CNN (Adam)

SP_PIX = 16  # a 16 x 16 patch of a 0.375 m elevation grid (6 x 6 m)


def _sp_patches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Patches of a salt-pan crust's elevation model (as structure-from-motion of drone photographs gives it): the
    crust is a tiling of polygons (a jittered lattice of centres, each point in its nearest centre's polygon: a
    Voronoi tiling) with ridges along the polygon boundaries, as on the Badwater Basin or Salar de Uyuni crusts.
    Polygon diameter 1-3 m (log-uniform; the convection cells' scale), lattice jitter 0.15-0.5 of it (older
    crusts are more irregular), ridge height 2-15 cm (log-uniform) and half-width 15-30 cm, a gentle dome or dish
    inside each polygon (up to a fifth of the ridge, either sign), a random offset and rotation, a tilt of the
    patch, a fine roughness (blurred noise, 0.6 cm) and 0.4 cm photogrammetric noise. Returns (heights in 5 cm
    units (n, 1, 16, 16), (log diameter, log ridge height) (n, 2), standardised by the caller)."""
    diam = torch.exp(math.log(1.0) + math.log(3.0) * torch.rand(n, generator=gen))
    jit = 0.15 + 0.35 * torch.rand(n, generator=gen)
    hgt = torch.exp(math.log(0.02) + math.log(7.5) * torch.rand(n, generator=gen))
    width = 0.15 + 0.15 * torch.rand(n, generator=gen)
    dome = 0.2 * (2 * torch.rand(n, generator=gen) - 1)
    ang = math.pi * torch.rand(n, generator=gen)
    off = torch.rand(n, 2, generator=gen)
    lat = torch.arange(-1, 7).float()
    li, lj = torch.meshgrid(lat, lat, indexing="ij")
    cells = torch.stack([li.reshape(-1), lj.reshape(-1)], 1)  # 64 lattice sites
    centres = (cells.unsqueeze(0) + off.unsqueeze(1) + jit.view(-1, 1, 1)
               * (torch.rand(n, cells.shape[0], 2, generator=gen) - 0.5) * 2) * diam.view(-1, 1, 1)
    g = (torch.arange(SP_PIX).float() + 0.5) * 0.375
    gy, gx = torch.meshgrid(g, g, indexing="ij")
    pts = torch.stack([gx.reshape(-1), gy.reshape(-1)], 1) - 3.0
    c, sn = torch.cos(ang).view(-1, 1), torch.sin(ang).view(-1, 1)
    rot = torch.stack([c * pts[:, 0] - sn * pts[:, 1], sn * pts[:, 0] + c * pts[:, 1]], 2) + 3.0  # n, 256, 2
    out = torch.empty(n, SP_PIX * SP_PIX)
    for i in range(0, n, 256):
        d = torch.cdist(rot[i:i + 256], centres[i:i + 256])  # chunk, 256, 64
        two = d.topk(2, dim=2, largest=False).values
        edge = two[..., 1] - two[..., 0]
        rel = (two[..., 0] / diam[i:i + 256].view(-1, 1)).clamp_max(1)
        out[i:i + 256] = (hgt[i:i + 256].view(-1, 1) * (torch.exp(-0.5 * (edge / width[i:i + 256].view(-1, 1)) ** 2)
                                                        + dome[i:i + 256].view(-1, 1) * (1 - 4 * rel**2)))
    z = out.view(n, 1, SP_PIX, SP_PIX)
    tilt = 0.01 * torch.randn(n, 2, 1, 1, generator=gen)
    z = z + tilt[:, :1] * (gx - 3) + tilt[:, 1:] * (gy - 3)
    rough = torch.randn(n, 1, SP_PIX, SP_PIX, generator=gen)
    k = torch.tensor([0.25, 0.5, 0.25])
    rough = F.conv2d(rough, (k.view(3, 1) * k.view(1, 3)).view(1, 1, 3, 3), padding=1)
    z = z + 0.006 / 0.38 * rough + 0.004 * torch.randn(z.shape, generator=gen)
    z = z - z.mean((2, 3), keepdim=True)
    return z / 0.05, torch.stack([torch.log(diam), torch.log(hgt)], 1)


class CrustPolygonCNN(nn.Module):
    """A small CNN for elevation patches (the VGG-style regressors of drone-survey papers): two 3x3 convolutions
    (12 and 24 channels) with batch normalisation, ReLU and 2x2 max pooling, a third 3x3 convolution (24, batch
    normalisation, ReLU), a global average and max pool, a dense layer of 32, and the two outputs."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU(),
                                      nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1, bias=False), nn.BatchNorm2d(2 * width),
                                      nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(2 * width, 2 * width, 3, padding=1, bias=False),
                                      nn.BatchNorm2d(2 * width), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(4 * width, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.features(x)
        return self.head(torch.cat([h.mean((2, 3)), h.amax((2, 3))], 1))


def polygon_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log diameter and log ridge height."""
    x, y = batch
    return F.mse_loss(model(x), y)


def salt_polygons(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 12) -> dict[str, Any]:
    """The polygon CNN on 2048 elevation patches, targets standardised over them; held out: 1024 other patches in
    batches of 512; Adam."""
    gen = torch.Generator().manual_seed(97102)
    x, y = _sp_patches(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrustPolygonCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": polygon_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. fishing-knot pull tests: failure mode from the load-extension trace (RMSprop)

KN_PTS = 64


def _kn_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pull tests of a knotted nylon monofilament at constant crosshead speed, 64 readings to 40% extension. The
    line's strength is 0.95-1.25 of its rated test; its curve a stiff start softening into a drawn plateau with
    strain hardening. The knot (improved clinch, Palomar, uni, blood knot: efficiency about 0.85, 0.92, 0.88, 0.8;
    wet tying +4%, a badly seated knot -15%; scatter 5%) breaks at efficiency x strength; a knot slips at a
    friction-limited load (lower for few turns, dry tying and the slick clinch), then holds in a sawtooth of drops
    until it pulls out; the standing line breaks at a flaw at 88-100% of its strength. The label is what failed
    first: 0 slip, 1 break at the knot, 2 break in the standing line (a break at either looks alike on the trace:
    only its load tells them apart, and only roughly, as the line's strength is unknown). Load cell noise 1% of the
    rating. Returns (load / rating (n, 1, 64), labels)."""
    knot = torch.randint(0, 4, (n,), generator=gen)
    wet = (torch.rand(n, generator=gen) < 0.5).float()
    seated = (torch.rand(n, generator=gen) < 0.8).float()
    turns = torch.randint(3, 8, (n,), generator=gen).float()
    strength = 0.95 + 0.3 * torch.rand(n, generator=gen)
    eff = torch.tensor([0.85, 0.92, 0.88, 0.8])[knot] * (1 + 0.04 * wet) * (1 - 0.15 * (1 - seated))
    eff = (eff * (1 + 0.05 * torch.randn(n, generator=gen))).clamp_max(1.0)
    slip_load = (torch.tensor([0.75, 1.4, 1.1, 1.0])[knot] * (0.55 + 0.09 * turns) * (1 + 0.25 * wet)
                 * (0.6 + 0.4 * seated) * torch.exp(0.25 * torch.randn(n, generator=gen)))
    at_knot = eff * strength
    in_line = strength * (1 - 0.12 * torch.rand(n, generator=gen))  # a nick or flaw in the standing line
    brk = torch.minimum(at_knot, in_line)
    slip = slip_load < brk
    label = torch.where(slip, torch.zeros(n, dtype=torch.long),
                        torch.where(in_line < at_knot, torch.full((n,), 2), torch.ones(n, dtype=torch.long)))
    e = torch.linspace(0, 0.4, KN_PTS).view(1, -1)
    e0 = (0.03 + 0.02 * torch.rand(n, 1, generator=gen))
    curve = strength.view(-1, 1) * (0.75 * (1 - torch.exp(-e / e0)) + 0.9 * e ** 2 / 0.16) * 0.95
    fail_load = torch.where(slip, slip_load, brk).view(-1, 1)
    reached = curve >= fail_load
    idx = torch.where(reached.any(1), reached.float().argmax(1), torch.full((n,), KN_PTS - 1)).view(-1, 1)
    pos = torch.arange(KN_PTS).view(1, -1)
    after = (pos - idx).clamp_min(0).float()
    # after a slip: drops and re-loads (sawtooth) at 85-100% of the slip load, pulling out after 6-20 readings
    tooth = fail_load * (0.85 + 0.15 * torch.frac(after / (2 + 2 * torch.rand(n, 1, generator=gen))))
    pull_out = after > (6 + 14 * torch.rand(n, 1, generator=gen))
    slipped = torch.where(pull_out, 0.05 * fail_load * torch.exp(-after / 3), tooth)
    broken = torch.zeros_like(curve) + 0.01
    post = torch.where(slip.view(-1, 1), slipped, broken)
    load = torch.where(pos < idx, curve, torch.where(pos == idx, fail_load.expand(-1, KN_PTS), post))
    load = load + 0.01 * torch.randn(load.shape, generator=gen)
    return load.unsqueeze(1), label


class PullTestCNN(nn.Module):
    """A small 1-D CNN over the trace: three convolutions (kernel 5) with ReLU, the first two followed by max
    pooling, a global max and mean pool, and the three failure-mode logits."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(1, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.Conv1d(width, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU())
        self.head = nn.Linear(4 * width, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.features(x)
        return self.head(torch.cat([h.amax(2), h.mean(2)], 1))


def failure_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the failure mode."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def knot_pull_test(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The pull-test CNN on 2048 labelled tests; held out: 1024 other tests in batches of 512; RMSprop."""
    gen = torch.Generator().manual_seed(97202)
    x, y = _kn_traces(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PullTestCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": failure_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. sorbet ice-crystal size distributions, LSW ripening (SGD with momentum)

SB_BINS = 16
SB_COUNT = 2000  # crystals sized per sample by image analysis


def _sb_counts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sorbet batches: sugar 20-32% (w/w), stabiliser (locust bean gum) 0-0.4%, draw temperature -4 to -7 C from the
    scraped-surface freezer, hardening at -20 to -35 C, storage at -10 to -25 C with a fluctuation of 0-4 C, 0-60
    days. The mean crystal size after hardening 18-40 um (colder draw and hardening, smaller; more sugar, smaller);
    in storage L^3 = L0^3 + k t, k Arrhenius (about 90 kJ/mol about -18 C) times (1 + 0.6 x fluctuation), times the
    unfrozen-phase share (more sugar, more), over (1 + 6 x stabiliser). Sizes gamma with shape 4-8 (narrowing a
    little as it ripens), plus a fine fraction (around 12 um) that temperature cycling refreezes, fading with the
    days and held back by the stabiliser; 2000 crystals sized by image analysis into 16 bins of 10 um (the last one
    open). Returns (scaled conditions (n, 7), counted proportions (n, 16))."""
    sugar = 20 + 12 * torch.rand(n, generator=gen)
    stab = 0.4 * torch.rand(n, generator=gen)
    draw = -4 - 3 * torch.rand(n, generator=gen)
    hard = -20 - 15 * torch.rand(n, generator=gen)
    store = -10 - 15 * torch.rand(n, generator=gen)
    fluct = 4 * torch.rand(n, generator=gen)
    days = 60 * torch.rand(n, generator=gen)
    l0 = 28 * torch.exp(0.12 * (draw + 5.5) + 0.015 * (hard + 27.5) - 0.02 * (sugar - 26))
    tk = store + 273.15
    k = (900 * torch.exp(-90e3 / 8.314 * (1 / tk - 1 / 255.15)) * (1 + 0.6 * fluct) * (sugar / 26) ** 1.5
         / (1 + 6 * stab))
    mean = (l0**3 + k * days).pow(1 / 3)
    shape = 4 + 4 * torch.rand(n, generator=gen) + 0.03 * days
    # the bins' probabilities: the density summed over a fine grid of sizes
    fine = torch.linspace(0.25, 200, 400)
    scale = (mean / shape).view(-1, 1)
    a = shape.view(-1, 1)
    logpdf = (a - 1) * torch.log(fine) - fine / scale - torch.lgamma(a) - a * torch.log(scale)
    # temperature cycling melts small crystals and refreezes the water as a fine fraction (5-20 um) on top
    fine_w = (0.25 * (fluct / 4) * torch.exp(-days / 25) * (1 - stab / 0.8)).view(-1, 1)
    fine_pdf = torch.exp(-0.5 * ((fine - 12) / 4) ** 2) / (4 * math.sqrt(2 * math.pi))
    pdf = (1 - fine_w) * torch.exp(logpdf) + fine_w * fine_pdf
    which = (fine / 10).floor().clamp_max(SB_BINS - 1).long()
    probs = torch.zeros(n, SB_BINS).index_add_(1, which, pdf)
    probs = probs / probs.sum(1, keepdim=True)
    counts = torch.multinomial(probs, SB_COUNT, replacement=True, generator=gen)
    hist = torch.zeros(n, SB_BINS).scatter_add_(1, counts, torch.ones(n, SB_COUNT)) / SB_COUNT
    x = torch.stack([(sugar - 26) / 3.5, (stab - 0.2) / 0.115, (draw + 5.5) / 0.87, (hard + 27.5) / 4.3,
                     (store + 17.5) / 4.3, (fluct - 2) / 1.15, (days - 30) / 17.3], 1)
    return x, hist


class CrystalSizeNet(nn.Module):
    """An MLP from the recipe and process to the crystal-size histogram: two tanh layers and 16 logits (a softmax
    gives the distribution)."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, SB_BINS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def histogram_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The KL divergence of the predicted size distribution from the counted histogram."""
    x, y = batch
    return kl_div(model(x), y)


def sorbet_crystals(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The crystal-size net on 1024 counted batches; held out: 1024 other batches in batches of 512; SGD with
    momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(97302)
    x, y = _sb_counts(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CrystalSizeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": histogram_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. koji solid-state fermentation: enzyme activities over 48 hours (SGD with momentum)

KJ_TIMES = torch.tensor([6.0, 12, 18, 24, 30, 36, 42, 48])


def _kj_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Koji batches on steamed rice (or barley): rice moisture after steaming 30-42%, chamber temperature 26-40 C,
    chamber humidity 70-98%, inoculum 10^4-10^6 spores per gram, three Aspergillus oryzae strains (a high-amylase,
    a high-protease, a balanced one), steaming time 30-70 min (gelatinisation). Growth: logistic, the rate by
    Rosso's cardinal-temperature model (T_min 8, T_opt 34, T_max 46 C) at the bed temperature (the chamber plus
    the koji's own heat, rising after about 20 hours, more in dry air) times a water-activity factor of the moisture (drying
    in low humidity). Enzymes by Luedeking-Piret (growth- and biomass-associated terms), amylase favoured above
    36 C and protease below 32 C. Assay scatter 5% (log-normal). Returns (scaled conditions (n, 8), log activities
    at 8 times for both enzymes (n, 16), standardised by the caller)."""
    moist = 30 + 12 * torch.rand(n, generator=gen)
    tch = 26 + 14 * torch.rand(n, generator=gen)
    rh = 70 + 28 * torch.rand(n, generator=gen)
    inoc = 4 + 2 * torch.rand(n, generator=gen)
    strain = torch.randint(0, 3, (n,), generator=gen)
    steam = 30 + 40 * torch.rand(n, generator=gen)
    t = KJ_TIMES.view(1, -1)
    dry = (1 - (rh.view(-1, 1) - 70) / 28)
    bed = tch.view(-1, 1) + (4 + 3 * dry) * torch.sigmoid((t - 20) / 4)  # the koji's heat after the first day
    tmin, topt, tmax = 8.0, 34.0, 46.0
    tb = bed.clamp(tmin + 0.1, tmax - 0.1)
    ctmi = ((tb - tmax) * (tb - tmin) ** 2) / ((topt - tmin) * ((topt - tmin) * (tb - topt)
                                                               - (topt - tmax) * (topt + tmin - 2 * tb)))
    m_eff = moist.view(-1, 1) - 6 * dry * t / 48
    aw = torch.sigmoid((m_eff - 28) / 3)
    mu = 0.32 * ctmi * aw * (1 + 0.15 * torch.tensor([0.0, -0.5, 0.5])[strain]).view(-1, 1)
    # the logistic integrated step by step over the 8 intervals at the interval's rate
    x0 = 10 ** (inoc - 7.5)  # the share of the maximum biomass
    xs = []
    x = x0.clone()
    prev = torch.zeros(n)
    for j in range(len(KJ_TIMES)):
        dt = KJ_TIMES[j] - prev
        prev = KJ_TIMES[j]
        x = 1 / (1 + (1 / x - 1) * torch.exp(-mu[:, j] * dt))
        xs.append(x)
    X = torch.stack(xs, 1)
    dX = torch.diff(torch.cat([x0.view(-1, 1), X], 1), dim=1)
    gel = 0.6 + 0.4 * torch.sigmoid((steam - 40) / 6).view(-1, 1)
    amy_pref = torch.sigmoid((bed - 36) / 2.5)
    pro_pref = torch.sigmoid((32 - bed) / 2.5)
    sa = torch.tensor([1.6, 0.6, 1.0])[strain].view(-1, 1)
    sp = torch.tensor([0.6, 1.7, 1.0])[strain].view(-1, 1)
    dt = torch.diff(torch.cat([torch.zeros(1, 1), t], 1), dim=1)
    amy = torch.cumsum((20 * dX + 0.6 * X * dt) * sa * gel * (0.4 + amy_pref), 1) + 0.05
    pro = torch.cumsum((12 * dX + 0.4 * X * dt) * sp * (0.4 + pro_pref) * (1.1 - 0.3 * gel), 1) + 0.05
    y = torch.cat([torch.log(amy), torch.log(pro)], 1)
    y = y + 0.05 * torch.randn(y.shape, generator=gen)
    cond = torch.cat([torch.stack([(moist - 36) / 3.5, (tch - 33) / 4, (rh - 84) / 8, (inoc - 5) / 0.58,
                                   (steam - 50) / 11.5], 1), F.one_hot(strain, 3).float()], 1)
    return cond, y


class KojiEnzymeNet(nn.Module):
    """An MLP from the batch conditions to the two enzymes' log activities at the 8 sampling times (the
    multi-output ANN of the solid-state fermentation modelling literature): two tanh layers."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2 * len(KJ_TIMES)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def activity_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log activities."""
    x, y = batch
    return F.mse_loss(model(x), y)


def koji_enzymes(batch_size: int = 16, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The koji net on 512 batches, targets standardised over them; held out: 1024 other batches in batches of 512;
    SGD with momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(97402)
    x, y = _kj_batches(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KojiEnzymeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": activity_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. snowmobile track traction, Bekker / Janosi-Hanamoto grey-box net (SGD with momentum; long only)

SM_SLIPS = torch.tensor([0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8])


def _sm_traction(snow: torch.Tensor, sled: torch.Tensor) -> torch.Tensor:
    """Wong's flexible-track model reduced to a rigid, uniformly loaded track: snow parameters (k_c kN/m^(n+1),
    k_phi kN/m^(n+2), n, c kPa, phi rad, K m, depth m) and sled (weight kN, track length m, width m, lug factor);
    the drawbar-pull coefficient DP / W at the 8 slips: thrust (A c + W tan phi) x the Janosi-Hanamoto factor
    1 - K / (i l) (1 - exp(-i l / K)), the lugs adding their shear area, minus the compaction resistance
    b (k_c / b + k_phi) z^(n+1) / (n+1), z the Bekker sinkage of the mean pressure capped by the snow depth (a
    hard base below), plus a bulldozing share of the same."""
    kc, kphi, n, c, phi, k, depth = snow.unbind(1)
    w, l, b, lug = sled.unbind(1)
    area = l * b
    p = w / area
    keq = kc / b + kphi
    z = (p / keq).pow(1 / n)
    z = depth - F.softplus(depth - z, beta=80)  # a smooth min(z, depth)
    res = 1.15 * b * keq * z.pow(n + 1) / (n + 1)
    il = SM_SLIPS.view(1, -1) * l.view(-1, 1)
    jh = 1 - k.view(-1, 1) / il * (1 - torch.exp(-il / k.view(-1, 1)))
    thrust = ((area * c * (1 + 0.5 * lug) + w * torch.tan(phi)) * (1 + 0.2 * lug)).view(-1, 1) * jh
    return (thrust - res.view(-1, 1)) / w.view(-1, 1)


def _sm_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Traction tests on snow: density 100-450 kg/m3, temperature -25 to 0 C, depth 0.1-1.2 m, age 0-30 days, grain
    class (new snow, rounded grains, faceted, wet); sleds of 2.5-5 kN (with rider), track 2.5-4 m of ground contact,
    0.38-0.5 m wide, lugs 25-65 mm. The snow's Bekker and shear parameters follow density (Wong's and Harrison's
    snow values as anchors: fresh snow k_c 4 and k_phi 200, n 1.6, c 1 kPa, phi 20 degrees, K 4 cm; settled snow
    much stiffer and stronger), softened near 0 C and when wet, faceted snow weak in cohesion; scatter 2% on DP/W
    plus 0.005. Returns (snow descriptors (n, 8), sled (n, 4), DP / W at 8 slips)."""
    rho = 100 + 350 * torch.rand(n, generator=gen)
    temp = -25 * torch.rand(n, generator=gen)
    depth = 0.1 + 1.1 * torch.rand(n, generator=gen)
    age = 30 * torch.rand(n, generator=gen)
    grain = torch.randint(0, 4, (n,), generator=gen)
    r = (rho - 100) / 350
    warm = torch.exp(temp / 6)  # near 0 C, 1
    wet = (grain == 3).float()
    facet = (grain == 2).float()
    kc = 4 * torch.exp(2.0 * r) * (1 - 0.3 * warm)
    kphi = 200 * torch.exp(3.0 * r + 0.01 * age) * (1 - 0.3 * warm) * (1 - 0.3 * wet)
    nn_ = 1.6 - 0.5 * r + 0.1 * wet
    c = (0.4 + 1.6 * r**2 + 0.02 * age) * (1 - 0.5 * facet) * (1 - 0.3 * warm)
    phi = torch.deg2rad(20 + 8 * r - 6 * wet - 3 * facet)
    kk = 0.04 * (1 - 0.4 * r) * (1 + 0.5 * wet)
    snow = torch.stack([kc, kphi, nn_, c, phi, kk, depth], 1)
    w = 2.5 + 2.5 * torch.rand(n, generator=gen)
    length = 2.5 + 1.5 * torch.rand(n, generator=gen)
    width = 0.38 + 0.12 * torch.rand(n, generator=gen)
    lug = 0.025 + 0.04 * torch.rand(n, generator=gen)
    sled = torch.stack([w, length, width, lug / 0.1], 1)
    dp = _sm_traction(snow, sled)
    dp = dp * (1 + 0.02 * torch.randn(dp.shape, generator=gen)) + 0.005 * torch.randn(dp.shape, generator=gen)
    desc = torch.cat([torch.stack([(rho - 275) / 100, (temp + 12.5) / 7.2, (depth - 0.65) / 0.32, (age - 15) / 8.7],
                                  1), F.one_hot(grain, 4).float()], 1)
    return desc, torch.stack([w, length, width, lug / 0.1], 1), dp


class SnowTractionNet(nn.Module):
    """The grey-box net: an MLP from the snow descriptors to the Bekker and shear parameters (each a bounded
    exponential about Wong's fresh-snow values), the depth passed through, and the track model above."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 6))

    def forward(self, desc: torch.Tensor, sled: torch.Tensor) -> torch.Tensor:
        q = self.net(desc)
        kc = 6 * torch.exp(q[:, 0])
        kphi = 400 * torch.exp(1.5 * q[:, 1])
        n = 1.3 + 0.4 * torch.tanh(q[:, 2])
        c = 1.0 * torch.exp(q[:, 3])
        phi = torch.deg2rad(22 + 8 * torch.tanh(q[:, 4]))
        k = 0.035 * torch.exp(0.5 * q[:, 5])
        depth = desc[:, 2] * 0.32 + 0.65
        return _sm_traction(torch.stack([kc, kphi, n, c, phi, k, depth], 1), sled)


def drawbar_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the drawbar-pull coefficient (x 10)."""
    desc, sled, dp = batch
    return F.mse_loss(10 * model(desc, sled), 10 * dp)


def snowmobile_traction(batch_size: int = 64, seed: int = 0, train_size: int = 4096,
                        hidden: int = 32) -> dict[str, Any]:
    """The traction net on 4096 tests; held out: 2048 other tests in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(97502)
    d, s, y = _sm_tests(train_size + 2048, gen)
    tr = (d[:train_size], s[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SnowTractionNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((d[train_size:], s[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": drawbar_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. papier-mache drying strength (SGD with Nesterov momentum; long only)

PM_PASTES = 4


def _pm_strips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Laminated newsprint strips: paste flour-water, wallpaper paste (methylcellulose), PVA glue or cooked starch;
    2-10 layers (0.12 mm of paper and 0.05 mm of paste each, wet); drying at 15-35 C, 30-80% RH, air 0-2 m/s, for
    2-96 hours. Moisture (dry basis) from Page's model MR = exp(-k t^n), n 1.1-1.3 by paste, k Arrhenius-like in
    the temperature, rising with the air speed and the humidity deficit, over the thickness squared; the
    equilibrium by Oswin's isotherm in the humidity; the initial moisture 1.2-2.0 by paste. Flexural strength:
    the paste's dry strength (PVA strongest, flour weakest), a laminate gain in the layers, falling as exp(-4.5 M)
    with the moisture M; scatter 1.5% on moisture and 6% on strength (a three-point bend of hand-made strips).
    Returns (paste ids, scaled conditions (n, 5), (moisture, log strength), standardised by the caller)."""
    paste = torch.randint(0, PM_PASTES, (n,), generator=gen)
    layers = torch.randint(2, 11, (n,), generator=gen).float()
    temp = 15 + 20 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.5 * torch.rand(n, generator=gen)
    air = 2 * torch.rand(n, generator=gen)
    hours = torch.exp(math.log(2) + math.log(48) * torch.rand(n, generator=gen))
    thick = layers * 0.17  # mm
    m0 = torch.tensor([2.0, 1.8, 1.2, 1.6])[paste]
    page_n = torch.tensor([1.2, 1.15, 1.3, 1.1])[paste]
    k = (0.08 * torch.exp(0.045 * (temp - 25)) * (1 + 0.6 * air) * (1 - rh) / 0.45) / (thick / 0.85) ** 2
    mr = torch.exp(-k * hours.pow(page_n) / 10)
    me = 0.08 * (rh / (1 - rh)) ** 0.4
    m = me + (m0 - me) * mr
    s_dry = torch.tensor([12.0, 18.0, 32.0, 22.0])[paste]
    strength = s_dry * (1 + 0.5 * torch.log(layers / 2)) * torch.exp(-4.5 * m.clamp_max(1.0) - 0.5 * F.relu(m - 1))
    m = m * (1 + 0.015 * torch.randn(n, generator=gen))
    strength = strength * torch.exp(0.06 * torch.randn(n, generator=gen))
    cond = torch.stack([(layers - 6) / 2.6, (temp - 25) / 5.8, (rh - 0.55) / 0.145, (air - 1) / 0.58,
                        (torch.log(hours) - 2.63) / 1.12], 1)
    return paste, cond, torch.stack([m, torch.log(strength)], 1)


class PapierMacheNet(nn.Module):
    """An MLP with a learned paste embedding (dimension 3) joined with the conditions, through two SiLU layers to
    the moisture and log strength."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(PM_PASTES, 3)
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, paste: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(paste), cond], 1))


def strip_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised moisture and log strength."""
    paste, cond, y = batch
    return F.mse_loss(model(paste, cond), y)


def papier_mache(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The papier-mache net on 4096 strips, targets standardised over them; held out: 2048 other strips in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(97602)
    p, c, y = _pm_strips(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (p[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PapierMacheNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((p[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": strip_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("salt_polygons_adam", salt_polygons, 300, "salt_pan_crust_polygon_dem_cnn", "adam", "finite", 32,
      seconds=1.4, start_lr=0.032),
    W("knot_pull_test_rmsprop", knot_pull_test, 300, "fishing_knot_pull_test_failure_mode_cnn1d", "rmsprop", "finite",
      32, seconds=0.5, start_lr=0.008),
    W("sorbet_crystals_momentum", sorbet_crystals, 300, "sorbet_ice_crystal_lsw_ripening_histogram_mlp",
      "sgd_momentum0.9_wd1e-4", "finite", 32, seconds=0.2, start_lr=0.4),
    W("koji_enzymes_momentum", koji_enzymes, 300, "koji_ssf_amylase_protease_time_course_mlp",
      "sgd_momentum0.9_wd1e-4", "small_finite", 16, seconds=0.1, start_lr=0.4),
)
LONG = (
    W("snowmobile_traction_momentum@long", snowmobile_traction, 3000, "snowmobile_bekker_janosi_traction_greybox",
      "sgd_momentum0.9", "finite", 64, seconds=3.3, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("papier_mache_nesterov@long", papier_mache, 3000, "papier_mache_page_drying_strength_mlp",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=1.4, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("sorbet_crystals_momentum@long", sorbet_crystals, 3000, "sorbet_ice_crystal_lsw_ripening_histogram_mlp",
      "sgd_momentum0.9_wd1e-4", "finite", 32, dict(train_size=8192), seconds=1.6, start_lr=0.4,
      grid_fractions=(0.0, 0.05), long_of="sorbet_crystals_momentum"),
    W("koji_enzymes_momentum@long", koji_enzymes, 3000, "koji_ssf_amylase_protease_time_course_mlp",
      "sgd_momentum0.9_wd1e-4", "finite", 16, dict(train_size=4096), seconds=0.9, start_lr=0.4,
      grid_fractions=(0.0, 0.05), long_of="koji_enzymes_momentum"),
)

REGISTRY = Registry(EXAM, LONG, "exam97_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-seventh exam's workloads")
