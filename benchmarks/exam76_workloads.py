"""The seventy-sixth exam: six more workload families that neither the suite nor exams 1-74 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam74_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from the abacus and bead
arithmetic, periscopes and submarine optics, telescope mirror grinding, quilting and batting loft, calligraphy and
brush strokes, and tattooing and needle-skin mechanics (exam 75 was built at the same time from other domains; its
module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam76/README.md``. Every field convention below is from its author's memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- soroban reading: a small CNN reads a photographed 4-rod soroban (one heaven bead and four earth beads a rod) and
  classifies each rod's digit 0-9 (the per-rod heads of abacus-reading apps; the layers are the author's choice,
  LeNet-like); images from bead blobs pushed to or away from the beam, with bead jitter, camera shift, blur,
  uneven light and sensor noise; cross-entropy of the rods' digits (the mean over rods); Adam (torch's defaults)
- calligraphy stroke classification: a 1-D CNN with batch norm over a brush-pen tablet trajectory (velocity and
  pressure at 48 samples) classifies the eight basic strokes of the character yong (dot, horizontal, vertical,
  hook, rise, sweep, peck, right-falling; "the eight principles of yong"); trajectories from Plamondon's
  sigma-lognormal kinematic theory (each stroke a sum of lognormal velocity pulses), with the press-and-lift
  pressure profile of each stroke and the writer's variation; cross-entropy; SGD with Nesterov momentum 0.9 and
  weight decay 5e-4
- quilt batting loft: a SiLU MLP from the batting's fibre (cotton, polyester, wool, bamboo blend, cotton/poly 80/20),
  construction (needle-punched, scrim-bound, thermal-bonded, resin-bonded), areal weight, fibre denier, wash cycles
  and humidity to its thickness at 10 pressures; the compression curves from van Wyk's (1946) law of fibre-mass
  compression P = k E (m / rho)^3 (1 / V^3 - 1 / V0^3) with loft and stiffness set by the batting; MSE of the log
  thickness, standardised per pressure over the training battings; RAdam (torch's defaults)
- telescope mirror testing: a CNN reads a Ronchigram (Ronchi grating near the centre of curvature, source moving
  with it) of a mirror being figured, with the mirror's diameter, focal ratio and the grating's offset, and
  regresses its conic constant and turned-down edge (after the Ronchigram CNNs of aberration correction, e.g.
  Schnitzer et al. 2020 in electron microscopy); bands from the zones' longitudinal aberration -K r^2 / 2R plus
  the slope of a turned-down edge, with uneven light and noise; MSE of the standardised conic and edge; RAdam
  (torch's defaults)
- periscope optics (a long plan only): a GELU MLP surrogate from a submarine periscope's state (magnification
  1.5x / 6x, visible or near-infrared channel, focus setting, the tube's thermal gradient, the boat's speed and
  sea state for mast vibration, head-window fogging) to its MTF at 8 spatial frequencies at 3 field positions: the
  diffraction MTF of a circular pupil, Hopkins-style defocus (the blur disc's 2 J1(x) / x), Shannon's aberration
  transfer factor with astigmatism growing with field, and Gaussian image jitter; MSE of the MTF in percent / 10;
  RAdam (torch's defaults)
- tattoo needle insertion (a long plan only): a ReLU MLP with a needle-grouping embedding from the grouping (1RL to
  15M1), needle gauge, taper, machine stroke and speed, skin site, skin stretch and age to the force on the needle
  group at 16 depths of one stroke; forces from Okamura et al.'s (2004) needle-insertion model (a nonlinear
  stiffness force up to the puncture of the epidermis, then cutting plus friction, a second rise at the dermis);
  MSE of the force in newtons; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the periscope surrogate
and the tattoo-needle net (no short plans), the batting-loft net on 4096 battings instead of 512 and the Ronchigram
CNN on 16384 Ronchigrams instead of 4096.

Of the eight plans, one uses Adam (soroban), one SGD with Nesterov momentum (calligraphy) and six RAdam (both
batting plans, both Ronchigram plans, periscope and tattoo).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam76_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam76/README.md).

    python benchmarks/exam76_workloads.py          # the table
    python benchmarks/exam76_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 76"


# --------------------------------------------------------------------------------------------------------------
# 1. soroban reading: a CNN reads each rod's digit (Adam)

SB_RODS, SB_H, SB_ROD_W = 4, 16, 5


def _sb_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Photographs of a 4-rod soroban, 16 x 20 pixels (5 a rod). The beam at row 4.5; a rod's heaven bead sits at
    row 1.5 (0) or against the beam at row 3.4 (5); its earth beads pushed up to the beam stack from row 5.8 down,
    1.6 rows apart, the others from the frame at row 15 up, so the digit shows as where the gap is. Beads are
    elliptical blobs with jitter of 0.25 rows; the camera shifts the image by up to a pixel, light falls off across
    it, a 3 x 3 blur and sensor noise of 0.3. Returns (images (n, 1, 16, 20), digits (n, 4))."""
    digits = torch.randint(0, 10, (n, SB_RODS), generator=gen)
    heaven = (digits >= 5).float()
    earth = digits % 5
    rows = torch.arange(SB_H).float().view(1, 1, -1, 1)
    cols = torch.arange(SB_RODS * SB_ROD_W).float().view(1, 1, 1, -1)
    dx = 2 * torch.rand(n, 1, 1, 1, generator=gen) - 1
    dy = 1.4 * torch.rand(n, 1, 1, 1, generator=gen) - 0.7
    centres = (SB_ROD_W * torch.arange(SB_RODS).float() + 2).view(1, SB_RODS, 1, 1) + dx
    img = torch.zeros(n, SB_RODS, SB_H, SB_RODS * SB_ROD_W)

    def bead(y0: torch.Tensor) -> torch.Tensor:
        y0 = y0.view(n, SB_RODS, 1, 1) + dy + 0.25 * torch.randn(n, SB_RODS, 1, 1, generator=gen)
        return torch.exp(-0.5 * ((cols - centres) / 1.3) ** 2 - 0.5 * ((rows - y0) / 0.6) ** 2)

    img = img + bead(1.5 + 1.9 * heaven)
    for i in range(4):
        up = (earth > i).float()  # bead i (from the beam) pushed up
        img = img + bead(up * (5.8 + 1.6 * i) + (1 - up) * (15.0 - 1.6 * (3 - i)))
    img = img.sum(1, keepdim=True)
    img = img + 0.6 * torch.exp(-0.5 * ((rows.view(1, 1, -1, 1) - 4.5 - dy) / 0.4) ** 2)  # the beam
    light = 0.6 + 0.8 * torch.rand(n, 1, 1, 1, generator=gen) + 0.3 * (2 * torch.rand(n, 1, 1, 1, generator=gen) - 1) \
        * (cols - 10) / 10
    img = img * light
    k = torch.tensor([0.25, 0.5, 0.25])
    img = F.conv2d(img, (k.view(3, 1) * k.view(1, 3)).view(1, 1, 3, 3), padding=1)
    img = img + 0.3 * torch.randn(img.shape, generator=gen)
    return img, digits


class SorobanReader(nn.Module):
    """Two 3x3 convolutions (8 and 16 channels, ReLU, one 2x2 max pooling), a dense layer of 64, and 10 digit
    logits for each of the 4 rods."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * 8 * 10, 64), nn.ReLU(),
                                  nn.Linear(64, SB_RODS * 10))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x)).view(-1, 10, SB_RODS)


def rod_digit_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of each rod's digit, averaged over rods."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def soroban_reader(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The soroban reader on 2048 photographs; held out: 1024 other photographs in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(76102)
    x, y = _sb_images(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SorobanReader(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": rod_digit_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. calligraphy: the eight basic strokes of yong from sigma-lognormal trajectories (SGD, Nesterov)

CS_T, CS_CLASSES = 48, 8
# per stroke: its lognormal pulses (distance, start angle, end angle in degrees, onset) and its pressure profile
# (pressure at the start, middle and end of the stroke: the brush pressed, carried and lifted)
CS_PULSES = (
    ((0.25, -50, -60, 0.0),),  # dot: a short press down-right
    ((0.15, -40, -30, 0.0), (1.0, 2, 0, 0.08), (0.15, -60, -80, 0.45)),  # horizontal: in-stroke, across, pause
    ((0.15, -40, -60, 0.0), (1.0, -90, -90, 0.08)),  # vertical
    ((0.1, -40, -60, 0.0), (0.9, -90, -90, 0.05), (0.3, 150, 140, 0.45)),  # hook: down, then a flick up-left
    ((0.1, -60, -60, 0.0), (0.6, 35, 30, 0.06)),  # rise: up-right, quick
    ((0.1, -40, -60, 0.0), (1.0, -100, -140, 0.06)),  # sweep (left-falling): curving down-left
    ((0.05, -40, -60, 0.0), (0.45, -140, -150, 0.04)),  # peck: short, fast down-left
    ((0.1, 20, 0, 0.0), (1.0, -35, -40, 0.06), (0.3, 0, 10, 0.42)),  # right-falling: down-right, flattening out
)
CS_PRESS = ((0.4, 0.9, 0.2), (0.8, 0.6, 0.8), (0.8, 0.6, 0.5), (0.8, 0.6, 0.1), (0.8, 0.4, 0.05), (0.7, 0.5, 0.05),
            (0.8, 0.4, 0.05), (0.4, 0.6, 0.9))


def _cs_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Brush-pen strokes on a tablet, 48 samples over the stroke's duration. Velocity from Plamondon's
    sigma-lognormal model: each pulse j contributes a speed D_j / (sigma sqrt(2 pi) (t - t0_j)) exp(-(ln(t - t0_j)
    - mu)^2 / (2 sigma^2)) along a direction turning from its start to its end angle as the pulse proceeds. The
    writer's variation: a size of 0.6-1.6, a slant of +-25 degrees, angles +-35 degrees per pulse, mu -1.6 to -1.0
    and sigma 0.2-0.45 per pulse, onsets +-0.03, pressure profiles scaled 0.7-1.3 with noise 0.3; tablet noise
    0.2 on the velocity. Returns (channels (vx, vy, pressure) (n, 3, 48), stroke classes)."""
    y = torch.randint(0, CS_CLASSES, (n,), generator=gen)
    t = torch.linspace(0.01, 1.2, CS_T).view(1, -1)
    size = 0.6 + torch.rand(n, 1, generator=gen)
    slant = math.radians(25) * (2 * torch.rand(n, 1, generator=gen) - 1)
    vx = torch.zeros(n, CS_T)
    vy = torch.zeros(n, CS_T)
    for j in range(3):
        d = torch.tensor([p[j][0] if len(p) > j else 0.0 for p in CS_PULSES])[y].view(-1, 1)
        a0 = torch.tensor([p[j][1] if len(p) > j else 0.0 for p in CS_PULSES])[y].view(-1, 1)
        a1 = torch.tensor([p[j][2] if len(p) > j else 0.0 for p in CS_PULSES])[y].view(-1, 1)
        on = torch.tensor([p[j][3] if len(p) > j else 0.0 for p in CS_PULSES])[y].view(-1, 1)
        on = (on + 0.03 * (2 * torch.rand(n, 1, generator=gen) - 1)).clamp_min(0) - 0.005
        mu = -1.6 + 0.6 * torch.rand(n, 1, generator=gen)
        sig = 0.2 + 0.25 * torch.rand(n, 1, generator=gen)
        jit = math.radians(35) * (2 * torch.rand(n, 1, generator=gen) - 1)
        dt = (t - on).clamp_min(1e-4)
        speed = d * size / (sig * math.sqrt(2 * math.pi) * dt) * torch.exp(-((torch.log(dt) - mu) ** 2) / (2 * sig**2))
        speed = speed * (t > on).float()
        frac = 0.5 * (1 + torch.erf((torch.log(dt) - mu) / (sig * math.sqrt(2))))
        ang = torch.deg2rad(a0 + (a1 - a0) * frac) + slant + jit
        vx = vx + speed * torch.cos(ang)
        vy = vy + speed * torch.sin(ang)
    pr = torch.tensor(CS_PRESS)[y]
    s = torch.linspace(0, 1, CS_T).view(1, -1)
    press = (pr[:, :1] * (1 - s).clamp_min(0) ** 2 + 2 * pr[:, 1:2] * s * (1 - s) + pr[:, 2:] * s**2)
    press = press * (0.7 + 0.6 * torch.rand(n, 1, generator=gen)) + 0.3 * torch.randn(n, CS_T, generator=gen)
    vel = torch.stack([vx, vy], 1)
    vel = vel / 4 + 0.2 * torch.randn(vel.shape, generator=gen)
    return torch.cat([vel, press.clamp_min(0).unsqueeze(1)], 1), y


class StrokeCNN(nn.Module):
    """A 1-D CNN over the trajectory: three convolutions of width 5 (16, 32, 32 channels, batch norm, ReLU, one 2x max
    pooling),
    global average pooling and the 8 stroke logits."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(3, width, 5, padding=2), nn.BatchNorm1d(width), nn.ReLU(),
                                 nn.MaxPool1d(2),
                                 nn.Conv1d(width, 2 * width, 5, padding=2), nn.BatchNorm1d(2 * width), nn.ReLU(),
                                 nn.Conv1d(2 * width, 2 * width, 5, padding=2), nn.BatchNorm1d(2 * width), nn.ReLU(),
                                 nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(2 * width, CS_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def stroke_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the stroke class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def calligraphy_strokes(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The stroke CNN on 2048 written strokes; held out: 1024 other strokes in batches of 512; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(76202)
    x, y = _cs_strokes(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrokeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": stroke_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. quilt batting loft with van Wyk's compression law (RAdam)

QB_FIBRES, QB_BUILDS = 5, 4
QB_P = torch.tensor([0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0])  # kPa


def _qb_battings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Quilt battings: fibre (cotton, polyester, wool, bamboo blend, cotton/poly 80/20), construction
    (needle-punched, scrim-bound, thermal-bonded, resin-bonded), areal weight 80-400 g/m2, fibre fineness 1.5-15
    denier, 0-10 wash cycles, relative humidity 20-90%. The thickness under pressure P from van Wyk's law,
    h(P) = (P / a + 1 / h0^3)^(-1/3), with the free loft h0 (mm) rising with weight, denier and the fibre's crimp and
    resilience, falling with washing (cotton and wool shrink and felt, polyester hardly) and humidity (wool and
    cotton); a = k E (m / rho)^3 with the fibre's modulus E and density rho, the mass m the areal weight, k set by
    the construction (bonded battings stiffer); the scatter of a thickness gauge on a lofty batt, 1.5%. Returns
    (fibre ids, construction ids, scaled numbers (n, 4), log thickness in mm at 10 pressures)."""
    fib = torch.randint(0, QB_FIBRES, (n,), generator=gen)
    bld = torch.randint(0, QB_BUILDS, (n,), generator=gen)
    w = 80 + 320 * torch.rand(n, generator=gen)
    den = torch.exp(math.log(1.5) + math.log(10) * torch.rand(n, generator=gen))
    wash = torch.randint(0, 11, (n,), generator=gen).float()
    rh = 0.2 + 0.7 * torch.rand(n, generator=gen)
    e_mod = torch.tensor([6.0, 3.5, 2.5, 5.0, 5.4])[fib]  # GPa
    rho = torch.tensor([1.54, 1.38, 1.31, 1.50, 1.51])[fib]
    crimp = torch.tensor([0.8, 1.3, 1.6, 0.7, 0.9])[fib]
    shrink = torch.tensor([0.05, 0.01, 0.07, 0.06, 0.04])[fib]
    damp = torch.tensor([0.5, 0.05, 0.4, 0.6, 0.4])[fib]
    kb = torch.tensor([1.0, 1.3, 1.8, 2.6])[bld]
    lofty = torch.tensor([1.0, 0.9, 1.25, 0.8])[bld]
    is_poly = (fib == 1).float()
    h0 = (3 + 0.035 * w) * crimp * lofty * (den / 4) ** (0.25 + 0.1 * is_poly)
    h0 = h0 * torch.exp(-shrink * wash) * (1 - 0.3 * damp * (rh - 0.2))
    a = 10 * kb * e_mod * (w / (rho * 100)) ** 3 * (den / 4) ** 0.5 * (1 + 0.5 * damp * (0.55 - rh))
    a = a * (1 + 0.04 * wash * shrink / 0.05)
    h = (QB_P.view(1, -1) / a.view(-1, 1) + h0.view(-1, 1).pow(-3)).pow(-1 / 3)
    h = h * torch.exp(0.015 * torch.randn(h.shape, generator=gen))
    num = torch.stack([(w - 240) / 92, (torch.log(den) - 1.56) / 0.66, (wash - 5) / 3.2, (rh - 0.55) / 0.2], 1)
    return fib, bld, num, torch.log(h)


class BattingLoftNet(nn.Module):
    """An MLP with embeddings of the fibre and the construction (3 each) joined with the 4 numbers, two SiLU layers,
    and the log thickness at the 10 pressures."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.fib = nn.Embedding(QB_FIBRES, 3)
        self.bld = nn.Embedding(QB_BUILDS, 3)
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(QB_P)))

    def forward(self, fib: torch.Tensor, bld: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.fib(fib), self.bld(bld), num], 1))


def log_thickness_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log thickness."""
    fib, bld, num, y = batch
    return F.mse_loss(model(fib, bld, num), y)


def batting_loft(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The loft net on 512 measured battings, the log thicknesses standardised over them (per pressure); held out:
    2048 other battings in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(76302)
    f, b, x, y = _qb_battings(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (f[:train_size], b[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BattingLoftNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[train_size:], b[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": log_thickness_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. telescope mirror testing: a CNN reads a Ronchigram (RAdam)

RG_SIZE = 20


def _rg_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Ronchi tests of mirrors being figured: diameter 150-300 mm, focal ratio f/4-f/8 (radius of curvature R = 4 N a),
    conic constant -1.6 to 0.2 (a sphere 0, the paraboloid wanted -1), a turned-down edge of 0-250 nm over the outer
    15% of the radius; a 100 line-per-inch grating 3-9 mm inside or outside the centre of curvature, the source
    moving with it. A ray from the mirror point (x, y) crosses the grating at a transverse offset 2 x (d - dL(r)) / R
    plus 2 R times the edge's slope, dL(r) = -K r^2 / 2R the zone's longitudinal aberration; the image is bright
    where cos(2 pi offset / pitch) > 0 (soft-edged), inside the mirror's disc, 20 x 20 pixels, with uneven
    illumination and noise 0.15. Returns (images (n, 1, 20, 20), (diameter, focal ratio, grating offset) scaled,
    (conic, edge) standardised)."""
    dia = 150 + 150 * torch.rand(n, generator=gen)
    fr = 4 + 4 * torch.rand(n, generator=gen)
    k = -1.6 + 1.8 * torch.rand(n, generator=gen)
    tde = 250e-6 * torch.rand(n, generator=gen)  # mm
    d = (3 + 6 * torch.rand(n, generator=gen)) * torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0)
    a = dia / 2
    r_c = 4 * fr * a
    g = torch.linspace(-1 + 1 / RG_SIZE, 1 - 1 / RG_SIZE, RG_SIZE)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    rho = (xx**2 + yy**2).sqrt().view(1, RG_SIZE, RG_SIZE)
    x = xx.view(1, RG_SIZE, RG_SIZE) * a.view(-1, 1, 1)
    r = rho * a.view(-1, 1, 1)
    rc = r_c.view(-1, 1, 1)
    dl = -k.view(-1, 1, 1) * r**2 / (2 * rc)
    slope = -tde.view(-1, 1, 1) * 2 * F.relu(rho - 0.85) / 0.15**2 / a.view(-1, 1, 1)
    off = 2 * x * (d.view(-1, 1, 1) - dl) / rc + 2 * rc * slope * xx.view(1, RG_SIZE, RG_SIZE) / rho.clamp_min(1e-3)
    pitch = 25.4 / 100
    band = torch.sigmoid(4 * torch.cos(2 * math.pi * off / pitch))
    disc = torch.sigmoid(20 * (1 - rho))
    light = 0.8 + 0.4 * torch.rand(n, 1, 1, generator=gen) + 0.2 * (2 * torch.rand(n, 1, 1, generator=gen) - 1) \
        * yy.view(1, RG_SIZE, RG_SIZE)
    img = band * disc * light + 0.15 * torch.randn(n, RG_SIZE, RG_SIZE, generator=gen)
    meta = torch.stack([(dia - 225) / 43, (fr - 6) / 1.15, d / 6.2], 1)
    target = torch.stack([(k + 0.7) / 0.52, (tde * 1e6 - 125) / 72], 1)
    return img.unsqueeze(1), meta, target


class RonchigramCNN(nn.Module):
    """Two 3x3 convolutions (6 and 12 channels, ReLU, 2x2 max pooling each), flattened and joined with the mirror's
    diameter, focal ratio and the grating offset, a dense layer of 64 (ReLU) and the two outputs."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * (RG_SIZE // 4) ** 2 + 3, 64), nn.ReLU(), nn.Linear(64, 2))

    def forward(self, img: torch.Tensor, meta: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.features(img), meta], 1))


def figure_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised conic constant and turned-down edge."""
    img, meta, y = batch
    return F.mse_loss(model(img, meta), y)


def ronchi_mirror(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 6) -> dict[str, Any]:
    """The Ronchigram CNN on 4096 tests; held out: 1024 other tests in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(76402)
    img, meta, y = _rg_tests(train_size + 1024, gen)
    tr = (img[:train_size], meta[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RonchigramCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((img[train_size:], meta[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": figure_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. periscope optics: an MTF surrogate (RAdam; long only)

PS_FREQ = torch.tensor([5.0, 10, 15, 20, 30, 40, 50, 60])  # cycles/mm at the image plane
PS_FIELD = torch.tensor([0.0, 0.7, 1.0])


def _ps_states(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Periscope states: magnification 1.5x (f/8 at the image plane) or 6x (f/14), the visible (0.55 um) or
    near-infrared (0.85 um) channel, the focus knob -1 to 1, the tube's thermal gradient 0-8 K (sea water against
    the hull's air: the relay's spacing changes and defocuses), boat speed 0-10 knots and sea state 0-5 (the mast's
    vortex-induced vibration and the boat's motion), head-window fogging 0-1. The MTF at 8 frequencies and 3 field
    positions: diffraction of a circular pupil (2 / pi) (acos s - s sqrt(1 - s^2)), s = nu lambda N; defocus from
    the focus error and the gradient, a blur disc b = dz / N and 2 J1(pi b nu) / (pi b nu); Shannon's aberration
    transfer factor exp(-(W / 0.18)^2 (1 - 4 (s - 0.5)^2)) with W (waves rms) from spherical aberration plus
    astigmatism growing with the field squared, larger at 6x; Gaussian jitter exp(-2 pi^2 sigma^2 nu^2) with
    sigma rising with speed squared and the sea state; fogging as a veiling glare (1 - 0.4 fog) at all
    frequencies; measurement noise 0.003. Returns (scaled states (n, 7), MTF (n, 24) in percent / 10)."""
    hi = (torch.rand(n, generator=gen) < 0.5).float()
    nir = (torch.rand(n, generator=gen) < 0.5).float()
    focus = 2 * torch.rand(n, generator=gen) - 1
    grad = 8 * torch.rand(n, generator=gen)
    speed = 10 * torch.rand(n, generator=gen)
    sea = 5 * torch.rand(n, generator=gen)
    fog = torch.rand(n, generator=gen) ** 2
    fnum = 8 + 6 * hi
    lam = (0.55 + 0.30 * nir) * 1e-3  # mm
    dz = 0.08 * focus + 0.012 * grad * (1 + 0.5 * hi) - 0.03 * nir  # mm of defocus (the IR channel focuses behind)
    b = (dz.abs() / fnum).view(-1, 1, 1)
    nu = PS_FREQ.view(1, 1, -1)
    s = (nu * lam.view(-1, 1, 1) * fnum.view(-1, 1, 1)).clamp(max=1.0)
    diff = 2 / math.pi * (torch.acos(s) - s * (1 - s**2).clamp_min(0).sqrt())
    xb = (math.pi * b * nu).clamp_min(1e-4)
    defocus = 2 * torch.special.bessel_j1(xb) / xb
    field = PS_FIELD.view(1, -1, 1)
    w = (0.04 + 0.03 * hi).view(-1, 1, 1) + (0.05 + 0.06 * hi).view(-1, 1, 1) * field**2
    w = w * (0.55e-3 / lam).view(-1, 1, 1)
    atf = torch.exp(-((w / 0.18) ** 2) * (1 - 4 * (s - 0.5) ** 2))
    sigma = (0.0008 + 0.00012 * speed**2 * (1 + 0.6 * hi) + 0.0015 * sea).view(-1, 1, 1)  # mm
    jitter = torch.exp(-2 * math.pi**2 * sigma**2 * nu**2)
    mtf = diff * defocus * atf * jitter * (1 - 0.4 * fog).view(-1, 1, 1)
    mtf = mtf + 0.003 * torch.randn(mtf.shape, generator=gen)
    x = torch.stack([2 * hi - 1, 2 * nir - 1, focus / 0.58, (grad - 4) / 2.3, (speed - 5) / 2.9, (sea - 2.5) / 1.44,
                     (fog - 0.33) / 0.3], 1)
    return x, 10 * mtf.reshape(n, -1)


class PeriscopeMTFNet(nn.Module):
    """A surrogate of the optical model: the 7 state numbers through three GELU layers to the 24 MTF values."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, hidden), nn.GELU(), nn.Linear(hidden, 24))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def mtf_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the MTF (percent / 10)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def periscope_mtf(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The MTF surrogate on 8192 computed states; held out: 2048 other states in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(76502)
    x, y = _ps_states(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PeriscopeMTFNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": mtf_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. tattoo needle insertion forces with Okamura et al.'s model (RAdam; long only)

TN_GROUPS = 8  # 1RL, 3RL, 5RL, 7RL, 9RL, 5RS, 9M1, 15M1
TN_COUNT = torch.tensor([1.0, 3, 5, 7, 9, 5, 9, 15])
TN_SITES = 4  # forearm, upper arm, ribs, back
TN_DEPTH = torch.linspace(0.1, 2.0, 16)  # mm


def _tn_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """One stroke of a needle group into skin: the grouping, gauge 0.25-0.40 mm, taper 1.5-5.5 mm, machine stroke
    2.5-4.5 mm at 80-150 Hz (the tip's speed), skin site (epidermis thickness and dermis stiffness), stretch 0-20%
    by the artist's hand, age 18-80. The force at 16 depths (Okamura et al. 2004): before the epidermis is
    punctured a stiffness force a1 z + a2 z^2 (rising with the needles' contact area, stretch and site); puncture
    at a force that rises with gauge and bluntness (short taper), spread over the group by its stagger; then
    cutting (constant per needle, the dermis' toughness) plus friction along the inserted length (the needles'
    perimeter, a Karnopp-like friction growing with speed), with a second stiffness rise and puncture at the dermis
    that a rounded group (RS, magnum) spreads. Force noise 2% + 3 mN. Returns (group ids, site ids, scaled numbers
    (n, 6), force in N at 16 depths)."""
    grp = torch.randint(0, TN_GROUPS, (n,), generator=gen)
    site = torch.randint(0, TN_SITES, (n,), generator=gen)
    gauge = 0.25 + 0.15 * torch.rand(n, generator=gen)
    taper = 1.5 + 4 * torch.rand(n, generator=gen)
    stroke = 2.5 + 2 * torch.rand(n, generator=gen)
    hz = 80 + 70 * torch.rand(n, generator=gen)
    stretch = 0.2 * torch.rand(n, generator=gen)
    age = 18 + 62 * torch.rand(n, generator=gen)
    cnt = TN_COUNT[grp].view(-1, 1)
    spread = torch.tensor([0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.45])[grp].view(-1, 1)
    epi = torch.tensor([0.08, 0.1, 0.06, 0.14])[site] * (1 - 0.25 * (age - 18) / 62)
    stiff = torch.tensor([1.0, 0.8, 0.7, 1.4])[site] * (1 + 1.5 * stretch) * (1 + 0.4 * (age - 18) / 62)
    v = math.pi * stroke * hz / 1000  # m/s peak tip speed
    z = TN_DEPTH.view(1, -1)
    bluntness = (gauge / 0.3) ** 1.5 * (3.5 / taper) ** 0.5
    f_p1 = (0.09 * bluntness * (1 + 0.8 * stretch)).view(-1, 1)
    a1 = (0.6 * stiff * gauge / 0.3).view(-1, 1)
    z_p1 = (epi.view(-1, 1) + (-a1 + (a1**2 + 4 * 0.8 * f_p1).sqrt()) / (2 * 0.8)) * (1 - 0.2 * spread)
    pre = a1 * z + 0.8 * z**2
    cut = (0.03 * bluntness * torch.tensor([1.0, 1.2, 0.9, 1.1])[site]).view(-1, 1)
    fric = (0.02 * gauge / 0.3 * (1 + 0.3 * v) * stiff).view(-1, 1)
    z_p2 = z_p1 + (0.5 + 0.3 * stiff).view(-1, 1)
    sharp = 1 / (0.03 + 0.3 * spread)
    after1 = torch.sigmoid(sharp * (z - z_p1))
    after2 = torch.sigmoid(sharp * (z - z_p2))
    per = pre * (1 - after1) + (cut + fric * (z - z_p1).clamp_min(0)) * after1
    per = per + 0.5 * f_p1 * torch.exp(-((z - z_p2 + 0.15) / 0.12) ** 2) * (1 - after2) * after1
    force = cnt * per
    force = force * (1 + 0.02 * torch.randn(force.shape, generator=gen)) + 0.003 * torch.randn(force.shape,
                                                                                                   generator=gen)
    num = torch.stack([(gauge - 0.325) / 0.043, (taper - 3.5) / 1.15, (stroke - 3.5) / 0.58, (hz - 115) / 20,
                       (stretch - 0.1) / 0.058, (age - 49) / 18], 1)
    return grp, site, num, force


class NeedleForceNet(nn.Module):
    """An MLP with embeddings of the needle grouping (4) and the skin site (2) joined with the 6 numbers, three ReLU
    layers and the force at the 16 depths."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.grp = nn.Embedding(TN_GROUPS, 4)
        self.site = nn.Embedding(TN_SITES, 2)
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, len(TN_DEPTH)))

    def forward(self, grp: torch.Tensor, site: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.grp(grp), self.site(site), num], 1))


def force_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the force in newtons."""
    grp, site, num, f = batch
    return F.mse_loss(model(grp, site, num), f)


def tattoo_needle(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The needle-force net on 8192 strokes; held out: 2048 other strokes in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(76602)
    g, s, x, f = _tn_strokes(train_size + 2048, gen)
    tr = (g[:train_size], s[:train_size], x[:train_size], f[:train_size])
    torch.manual_seed(seed)
    return {"model": NeedleForceNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((g[train_size:], s[train_size:], x[train_size:], f[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": force_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("soroban_reader_adam", soroban_reader, 300, "soroban_rod_digit_reader_cnn", "adam", "finite", 32,
      seconds=1.2, start_lr=0.004),
    W("calligraphy_strokes_nesterov", calligraphy_strokes, 300, "yong_eight_strokes_sigma_lognormal_cnn",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=0.6, start_lr=0.1),
    W("batting_loft_radam", batting_loft, 300, "quilt_batting_van_wyk_loft_mlp", "radam", "small_finite", 32,
      seconds=0.25, start_lr=0.256),
    W("ronchi_mirror_radam", ronchi_mirror, 300, "telescope_mirror_ronchigram_cnn", "radam", "finite", 32,
      seconds=0.75, start_lr=0.064),
)
LONG = (
    W("periscope_mtf_radam@long", periscope_mtf, 3000, "periscope_mtf_optical_surrogate", "radam", "finite", 64,
      seconds=2.8, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("tattoo_needle_radam@long", tattoo_needle, 3000, "tattoo_needle_okamura_insertion_force_mlp", "radam", "finite",
      32, seconds=2.9, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("batting_loft_radam@long", batting_loft, 3000, "quilt_batting_van_wyk_loft_mlp", "radam", "finite", 32,
      dict(train_size=4096), seconds=2.4, start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="batting_loft_radam"),
    W("ronchi_mirror_radam@long", ronchi_mirror, 3000, "telescope_mirror_ronchigram_cnn", "radam", "finite", 32,
      dict(train_size=16384), seconds=7.5, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="ronchi_mirror_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam76_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventy-sixth exam's workloads")
