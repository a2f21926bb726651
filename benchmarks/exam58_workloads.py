"""The fifty-eighth exam: six more workload families that neither the suite nor exams 1-56 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam56_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from sailing and yacht
performance, bicycle engineering and cycling power, stage lighting and theatre production, hydrogen fuel cells,
furniture upholstery and seating comfort, and toy and playground safety testing (exam 57 was built at the same time
from other domains; its module was not opened). What was checked to make them new, and what was tried and dropped,
is in ``benchmarks/results/exam58/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- yacht residuary resistance from the Delft Systematic Yacht Hull Series (the UCI "yacht hydrodynamics" set's
  shape, 14 Froude numbers per hull, on 88 hulls instead of its 22): a tanh MLP from the six DSYHS hull and speed
  parameters to the log residuary resistance per unit displacement (Ortigosa et al. 2007's neural network, trained
  here by RMSprop); the resistance from a Gerritsma-like hump-and-rise curve in the Froude number with
  hull-dependent factors and towing-tank noise; MSE of the log; RMSprop (torch's alpha 0.99)
- stage lighting, a photometric surrogate: an MLP from the DMX values (pan, tilt, dimmer, zoom) of a rig of 8
  moving-head spots to the illuminance on a 12 x 12 grid over the stage floor (the point calculation of a lighting
  design program: inverse square, cosine of incidence, a Gaussian beam whose peak intensity rises as the zoom
  narrows); MSE of log10(1 + E / 10 lux); AdamW with weight decay 1e-2 (torch's default)
- PEM fuel-cell polarisation curves, a grey-box net: a tanh MLP maps the operating conditions (temperature, the
  hydrogen and air pressures, humidity, ageing hours) to the five parameters of Kim et al.'s (1995) empirical
  equation V = E0 - b ln i - R i - m exp(n i), evaluated at 12 current densities; curves from a physical model
  (Nernst, Tafel with an exchange current falling with ageing, Springer's membrane conductivity, a limiting-current
  concentration loss, crossover) with 3 mV noise; MSE in centivolts; NAdam (torch's defaults)
- sitting-posture recognition from a seat-pan pressure mat: a LeNet-style CNN (two 3x3 convolutions with max
  pooling, a dense layer) classifies 16 x 16 pressure maps into 8 postures (as in Xu et al.'s eCushion and
  later pressure-mat posture papers); maps from ischial-tuberosity and thigh load blobs shifted and re-weighted by
  posture (with a continuous lean so postures overlap), occupants of random mass, hip width and seat position;
  cross-entropy; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- cycling power with Martin et al.'s (1998) road-cycling model (a long plan only): an MLP from the rider's
  position, height and yaw and the tyre's width, pressure and road surface gives CdA and Crr, which Martin's model
  turns into the power at the pedals for a 10-second ride segment (aerodynamic, rolling, gravity, kinetic and
  bearing terms, drivetrain efficiency); power-meter noise; MSE of the power in hectowatts; Adam (torch's defaults)
- playground surfacing impact tests (ASTM F1292 / EN 1177; a long plan only): an MLP with a material embedding
  from the surfacing material, depth, drop height, temperature, moisture and age to the log g-max and log HIC of
  a headform drop; the tests from a nonlinear spring-damper impact with bottoming-out and temperature stiffening,
  test-to-test scatter; MSE of the standardised logs; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): Martin's cycling model
and the playground surfacing net (no short plans), the lighting surrogate on 8192 rigs instead of 1024 and the
fuel-cell net on 2048 curves instead of 256.

Of the eight plans, one uses RMSprop (yacht), two AdamW (both lighting plans), two NAdam (both fuel-cell plans), one
SGD with Nesterov momentum (posture), one Adam (cycling) and one RAdam (playground).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam58_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam58/README.md).

    python benchmarks/exam58_workloads.py          # the table
    python benchmarks/exam58_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 58"


# --------------------------------------------------------------------------------------------------------------
# 1. yacht residuary resistance, Delft Systematic Yacht Hull Series (RMSprop)

YR_FN = torch.tensor([0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.325, 0.35, 0.375, 0.4, 0.425, 0.45])


def _yr_hulls(n_hulls: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """DSYHS-like hulls, each towed at 14 Froude numbers 0.125-0.45: the longitudinal centre of buoyancy (LCB, %
    of the waterline length from midships, -6 to 0), the prismatic coefficient Cp (0.53-0.60), the
    length-displacement ratio L / disp^(1/3) (4.3-5.2), the beam-draught ratio B / T (2.7-5.4), the length-beam ratio
    L / B (2.7-3.7). The residuary resistance per unit displacement (x 1000): a rise steepening with Fn (wave
    making) and a hump near Fn 0.3-0.35 (the first wave-making hump), scaled by the hull: heavier
    (small L / disp^(1/3)) and fuller (high Cp) hulls much worse at speed, B / T and L / B mild, LCB aft helps at high
    Fn; towing-tank noise of 4% (multiplicative) and a floor of 0.01. Returns (standardised inputs, log
    resistance), one row per (hull, Fn)."""
    lcb = -6 + 6 * torch.rand(n_hulls, generator=gen)
    cp = 0.53 + 0.07 * torch.rand(n_hulls, generator=gen)
    ld = 4.3 + 0.9 * torch.rand(n_hulls, generator=gen)
    bt = 2.7 + 2.7 * torch.rand(n_hulls, generator=gen)
    lb = 2.7 + 1.0 * torch.rand(n_hulls, generator=gen)
    fn = YR_FN.view(1, -1)
    s = ((fn - 0.1) / 0.35).clamp_min(0)
    heavy = torch.exp(2.2 * (4.75 - ld)).view(-1, 1)
    full = torch.exp(6 * (cp - 0.565)).view(-1, 1)
    hump = 1.0 + 0.8 * torch.exp(-(((fn - 0.31 - 0.15 * (cp.view(-1, 1) - 0.565)) / 0.035) ** 2))
    rise = 0.4 * s + 55 * s**5 * heavy ** (0.5 + s) * full ** (2 * s)
    shape = (1 + 0.04 * (bt.view(-1, 1) - 4) * s) * (1 - 0.05 * (lb.view(-1, 1) - 3.2))
    aft = 1 + 0.03 * (lcb.view(-1, 1) + 2.5) * (0.3 - fn) / 0.15
    rr = rise * hump * shape * aft
    rr = rr * torch.exp(0.04 * torch.randn(rr.shape, generator=gen)) + 0.01
    hull = torch.stack([(lcb + 3) / 1.7, (cp - 0.565) / 0.02, (ld - 4.75) / 0.26, (bt - 4.05) / 0.78,
                        (lb - 3.2) / 0.29], 1)
    x = torch.cat([hull.unsqueeze(1).expand(-1, 14, -1), ((fn - 0.2875) / 0.1).expand(n_hulls, -1).unsqueeze(2)], 2)
    return x.reshape(-1, 6), torch.log(rr).reshape(-1)


class YachtResistanceNet(nn.Module):
    """The DSYHS neural network (as in Ortigosa, Lopez & Garcia 2007): a tanh multilayer perceptron from the six
    hull and speed parameters to the (log) residuary resistance."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def log_resistance_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log residuary resistance."""
    x, y = batch
    return F.mse_loss(model(x), y)


def yacht_resistance(batch_size: int = 16, seed: int = 0, hulls: int = 88, hidden: int = 48) -> dict[str, Any]:
    """The DSYHS net (48 tanh units a layer) on 88 hulls x 14 Froude numbers (1232 rows, four times the UCI set);
    held out: 200 other hulls (2800 rows) in batches of 1400; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(58102)
    x, y = _yr_hulls(hulls + 200, gen)
    n = 14 * hulls
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": YachtResistanceNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1400),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": log_resistance_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. stage lighting: a photometric surrogate for a rig of moving heads (AdamW)

SL_FIX, SL_GRID = 8, 12


def _sl_rig() -> torch.Tensor:
    """The rig: 4 moving heads on a front-of-house truss (6.5 m up, 3 m downstage of the stage edge) and 4 on an
    overhead electric (7 m up, mid-stage), across a 10 x 10 m stage; (x, y, z) in metres, y = 0 the stage edge."""
    xs = torch.tensor([-3.75, -1.25, 1.25, 3.75])
    front = torch.stack([xs, torch.full((4,), -3.0), torch.full((4,), 6.5)], 1)
    over = torch.stack([xs, torch.full((4,), 5.0), torch.full((4,), 7.0)], 1)
    return torch.cat([front, over], 0)


def _sl_scenes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lighting states: every fixture's 8-bit DMX values as fractions (pan over +-90 degrees about facing the
    stage centre, tilt 0-60 degrees from straight down, dimmer with a square-law curve, zoom 10-40 degrees beam
    angle), with a 25% chance that a fixture is parked (dimmer 0). The illuminance (lux) at the 12 x 12 points of a
    10 x 10 m floor grid: I(theta) cos(incidence) / d^2 per fixture, I a Gaussian beam (half the peak at half the
    beam angle) with a peak of 60,000 cd x (20 / beam angle)^2 x dimmer, plus 15 lux of spill and house light.
    Returns (DMX values (n, 32), log10(1 + E / 10 lux) (n, 144))."""
    rig = _sl_rig()
    dmx = torch.rand(n, SL_FIX, 4, generator=gen)
    dmx[..., 2] = dmx[..., 2] * (torch.rand(n, SL_FIX, generator=gen) > 0.25)
    pan = (dmx[..., 0] - 0.5) * math.pi
    tilt = dmx[..., 1] * math.radians(60)
    level = dmx[..., 2] ** 2
    beam = math.radians(10) + dmx[..., 3] * math.radians(30)
    face = torch.atan2(5.0 - rig[:, 1], -rig[:, 0])  # the direction from each fixture to the stage centre
    heading = face + pan
    axis = torch.stack([torch.sin(tilt) * torch.cos(heading), torch.sin(tilt) * torch.sin(heading),
                        -torch.cos(tilt)], 2)
    g = torch.linspace(-5 + 5 / SL_GRID, 5 - 5 / SL_GRID, SL_GRID)
    gy, gx = torch.meshgrid(g + 5, g, indexing="ij")
    pts = torch.stack([gx.reshape(-1), gy.reshape(-1), torch.zeros(SL_GRID * SL_GRID)], 1)  # 144, 3
    d = pts.view(1, -1, 3) - rig.view(SL_FIX, 1, 3)  # fixtures, points, 3
    dist = d.norm(dim=2)
    u = d / dist.unsqueeze(2)
    cos_off = torch.einsum("nfk,fpk->nfp", axis, u).clamp(-1, 1)
    off = torch.acos(cos_off)
    peak = 60000 * (math.radians(20) / beam) ** 2 * level
    inten = peak.unsqueeze(2) * torch.exp(-math.log(2) * (off / (beam.unsqueeze(2) / 2)) ** 2)
    cos_inc = (-u[..., 2]).clamp_min(0)
    e = (inten * cos_inc.unsqueeze(0) / dist.pow(2).unsqueeze(0)).sum(1) + 15
    return dmx.reshape(n, -1), torch.log10(1 + e / 10)


class StageLightSurrogate(nn.Module):
    """A dense surrogate of the point calculation: the 32 DMX values through two GELU layers to the 144 grid
    illuminances (log scale)."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4 * SL_FIX, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, SL_GRID * SL_GRID))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def illuminance_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log10(1 + E / 10 lux) over the grid."""
    x, y = batch
    return F.mse_loss(model(x), y)


def stage_lighting(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 128) -> dict[str, Any]:
    """The lighting surrogate on 1024 computed lighting states; held out: 1024 other states in batches of 512;
    AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(58202)
    x, y = _sl_scenes(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StageLightSurrogate(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": illuminance_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. PEM fuel-cell polarisation curves with a grey-box net around Kim et al.'s equation (NAdam)

FC_PTS = 12


def _fc_curves(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Single-cell polarisation curves: temperature 50-80 C, hydrogen 1-3 bar and air 1-3 bar (absolute), relative
    humidity 30-100%, ageing 0-2000 h. The voltage at 12 current densities from 0.02 A/cm2 to 90% of the limiting
    current: the Nernst voltage; a Tafel activation loss (RT / (alpha F), alpha 1) with an exchange current
    density (Arrhenius in T, proportional to the oxygen pressure, falling with ageing as the catalyst area is lost)
    and a crossover current; the ohmic loss of a Nafion membrane (Springer et al. 1991: water content from the
    humidity, conductivity Arrhenius in T) plus contact resistance growing with ageing; a concentration loss
    -c ln(1 - i / i_lim), i_lim rising with the air pressure and falling with flooding at high humidity; 3 mV
    noise. Returns (scaled conditions, current densities (A/cm2), voltages (V))."""
    t = 323.15 + 30 * torch.rand(n, generator=gen)
    ph2 = 1 + 2 * torch.rand(n, generator=gen)
    pair = 1 + 2 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.7 * torch.rand(n, generator=gen)
    age = 2000 * torch.rand(n, generator=gen)
    po2 = 0.21 * pair
    e_n = 1.229 - 0.85e-3 * (t - 298.15) + 4.31e-5 * t * (torch.log(ph2) + 0.5 * torch.log(po2))
    i0 = 1e-4 * torch.exp(-66000 / 8.314 * (1 / t - 1 / 353.15)) * po2 / 0.21 * torch.exp(-age / 2500)
    tafel = 8.314 * t / (1.0 * 96485)
    a = 0.043 + 17.18 * rh - 39.85 * rh**2 + 36.0 * rh**3  # Springer's water content
    sigma = (0.005139 * a - 0.00326) * torch.exp(1268 * (1 / 303 - 1 / t))
    r = 0.005 / sigma + 0.03 + 0.02 * age / 2000  # ohm cm2 (a 50 um membrane)
    i_lim = (1.1 + 0.45 * (pair - 1)) * (1 - 0.35 * F.relu(rh - 0.75) / 0.25) * (1 - 0.1 * age / 2000)
    frac = torch.linspace(0, 1, FC_PTS).view(1, -1)
    i = 0.02 + (0.9 * i_lim.view(-1, 1) - 0.02) * frac**1.3
    i_n = 0.002
    v = (e_n.view(-1, 1) - tafel.view(-1, 1) * torch.log((i + i_n) / i0.view(-1, 1)) - r.view(-1, 1) * i
         + 0.05 * torch.log(1 - i / i_lim.view(-1, 1)))
    v = v + 0.003 * torch.randn(v.shape, generator=gen)
    cond = torch.stack([(t - 338.15) / 8.7, (ph2 - 2) / 0.58, (pair - 2) / 0.58, (rh - 0.65) / 0.2,
                        (age - 1000) / 577], 1)
    return cond, i, v


class KimGreyBoxNet(nn.Module):
    """A grey-box polarisation model: a tanh MLP from the operating conditions to the five parameters of Kim et al.'s
    (1995) empirical equation V = E0 - b ln i - R i - m exp(n i), the equation evaluated at the measured current
    densities."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 5))

    def forward(self, cond: torch.Tensor, i: torch.Tensor) -> torch.Tensor:
        p = self.net(cond)
        e0 = 0.95 + 0.05 * p[:, :1]
        b = 0.03 * torch.exp(0.3 * p[:, 1:2])
        r = 0.2 * torch.exp(0.5 * p[:, 2:3])
        m = 0.01 * torch.exp(p[:, 3:4])
        n = 2.0 * torch.exp(0.3 * p[:, 4:5])
        return e0 - b * torch.log(i) - r * i - m * torch.exp(n * i)


def voltage_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the cell voltage in centivolts."""
    cond, i, v = batch
    return F.mse_loss(100 * model(cond, i), 100 * v)


def fuel_cell(batch_size: int = 32, seed: int = 0, train_size: int = 256, hidden: int = 32) -> dict[str, Any]:
    """The grey-box net on 256 polarisation curves (a test-bench campaign); held out: 1024 other curves in batches of
    512; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(58302)
    c, i, v = _fc_curves(train_size + 1024, gen)
    tr = (c[:train_size], i[:train_size], v[:train_size])
    torch.manual_seed(seed)
    return {"model": KimGreyBoxNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], i[train_size:], v[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": voltage_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. sitting posture from a seat pressure mat with a LeNet-style CNN (SGD, Nesterov)

SP_SIZE, SP_CLASSES = 16, 8


def _sp_maps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """16 x 16 seat-pan pressure maps (row 0 at the front edge of the cushion), 8 postures: upright, lean left, lean
    right, lean forward, lean back, slouch (sacral sitting), right leg crossed, left leg crossed. The load: two
    ischial-tuberosity blobs (rows ~11, hip-width apart) and two elongated thigh blobs towards the front; the
    occupant's mass (50-110 kg) scales the load and the blob size, hip width and position on the seat vary; a
    posture moves and re-weights the blobs by a continuous amount (lean 0.15-1, so weak leans overlap upright);
    foam spreading (blur), sensor noise and saturation. Returns (maps (n, 1, 16, 16), labels)."""
    y = torch.randint(0, SP_CLASSES, (n,), generator=gen)
    amt = 0.15 + 0.85 * torch.rand(n, generator=gen)
    mass = 50 + 60 * torch.rand(n, generator=gen)
    size = (mass / 75) ** 0.5
    hip = 2.6 + 0.8 * torch.rand(n, generator=gen) * size
    cx = 7.5 + 1.2 * torch.randn(n, generator=gen).clamp(-2, 2)
    cy = 11.0 + 0.8 * torch.randn(n, generator=gen).clamp(-2, 2)
    side = torch.zeros(n)
    side[y == 1], side[y == 2] = -1.0, 1.0
    fwd = torch.zeros(n)
    fwd[y == 3], fwd[y == 4], fwd[y == 5] = -1.0, 0.6, -0.8
    cross = torch.zeros(n)
    cross[y == 6], cross[y == 7] = 1.0, -1.0
    sacral = (y == 5).float()
    r = torch.arange(SP_SIZE).float().view(1, -1, 1)
    c = torch.arange(SP_SIZE).float().view(1, 1, -1)

    def blob(x0: torch.Tensor, y0: torch.Tensor, sx: torch.Tensor, sy: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        return w.view(-1, 1, 1) * torch.exp(-0.5 * ((c - x0.view(-1, 1, 1)) / sx.view(-1, 1, 1)) ** 2
                                            - 0.5 * ((r - y0.view(-1, 1, 1)) / sy.view(-1, 1, 1)) ** 2)

    a = amt
    it_y = cy + 1.2 * a * fwd
    w_l = (1 - 0.6 * a * side) * (1 - 0.3 * a * (fwd < 0).float()) * (1 + 0.2 * a * cross)
    w_r = (1 + 0.6 * a * side) * (1 - 0.3 * a * (fwd < 0).float()) * (1 - 0.2 * a * cross)
    s1 = 1.1 * size
    m = blob(cx - hip / 2 + 0.8 * a * side, it_y, s1, s1, w_l) + blob(cx + hip / 2 + 0.8 * a * side, it_y, s1, s1, w_r)
    th_w = 0.45 * (1 + 0.5 * a * (fwd < 0).float() - 0.3 * a * (fwd > 0).float())
    th_l = th_w * (1 - 0.7 * a * F.relu(-cross)) * (1 - 0.25 * a * side)
    th_r = th_w * (1 - 0.7 * a * F.relu(cross)) * (1 + 0.25 * a * side)
    th_y = cy - 6 + 1.0 * a * fwd
    m = m + blob(cx - hip / 2 - 0.3, th_y, 1.3 * size, 3.2 * size, th_l)
    m = m + blob(cx + hip / 2 + 0.3, th_y, 1.3 * size, 3.2 * size, th_r)
    m = m + blob(cx, cy + 3.0, 1.8 * size, 1.0 * size, 0.7 * a * sacral)
    m = m * (mass / 75).view(-1, 1, 1)
    k = torch.tensor([0.25, 0.5, 0.25])
    m = F.conv2d(m.unsqueeze(1), (k.view(3, 1) * k.view(1, 3)).view(1, 1, 3, 3), padding=1)
    m = m + 0.08 * torch.randn(m.shape, generator=gen)
    return m.clamp(0, 1.2), y


class PostureLeNet(nn.Module):
    """A LeNet-style CNN: two 3x3 convolutions (8 and 16 channels) with ReLU and 2x2 max pooling, a dense layer of
    64 with dropout 0.2, and the 8 posture logits."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * 16, 64), nn.ReLU(), nn.Dropout(0.2),
                                  nn.Linear(64, SP_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def posture_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the posture."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def seat_posture(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The posture CNN on 4096 labelled sittings; held out: 1024 other sittings in batches of 512; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(58402)
    x, y = _sp_maps(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PostureLeNet(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": posture_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. cycling power with Martin et al.'s road-cycling model and a net for CdA and Crr (Adam; long only)

CY_POS, CY_SURF = 4, 4


def _cy_segments(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """10-second ride segments: the rider's position (tops, hoods, drops, aero bars), height 1.60-1.95 m and the
    wind's yaw angle (0-20 degrees); the tyre's width (23-40 mm) and pressure (4-8 bar) and the road surface (new
    tarmac, worn tarmac, chip seal, cobbles); gradient -6% to +8%, ground speed 4-16 m/s on the flat and downhill
    (up to 7.2 m/s at +8%), head / tail wind -4 to 4 m/s, acceleration +-0.3 m/s2, system mass 65-105 kg. The true
    CdA depends on position, height (frontal area) and yaw; Crr on width, pressure and surface (impedance losses on
    rough roads favour wider, softer tyres). Power by Martin et al. (1998): aerodynamic + rolling + gravity + kinetic
    + wheel-bearing terms over a drivetrain efficiency of 0.977; the noise of a calibrated power meter's 10-second
    mean, 0.5% + 2 W. Returns (rider / equipment features (n, 11), ride conditions (n, 5), power in hectowatts)."""
    pos = torch.randint(0, CY_POS, (n,), generator=gen)
    height = 1.6 + 0.35 * torch.rand(n, generator=gen)
    yaw = 20 * torch.rand(n, generator=gen)
    width = 23 + 17 * torch.rand(n, generator=gen)
    press = 4 + 4 * torch.rand(n, generator=gen)
    surf = torch.randint(0, CY_SURF, (n,), generator=gen)
    grade = -0.06 + 0.14 * torch.rand(n, generator=gen)
    v = 4 + (12 - 110 * F.relu(grade)) * torch.rand(n, generator=gen)
    wind = -4 + 8 * torch.rand(n, generator=gen)
    acc = 0.3 * (2 * torch.rand(n, generator=gen) - 1)
    mass = 65 + 40 * torch.rand(n, generator=gen)
    cda0 = torch.tensor([0.40, 0.34, 0.29, 0.23])[pos]
    cda = cda0 * (height / 1.78) ** 2 * (1 + 0.012 * yaw - 0.0006 * yaw**2 * (pos == 3).float())
    rough = torch.tensor([0.0, 0.4, 1.0, 2.2])[surf]
    crr = (0.0032 * (25 / width) ** 0.4 * (6 / press) ** 0.5
           + 0.0025 * rough * (press / 6) ** 1.2 * (25 / width) ** 0.6)
    va = v + wind
    theta = torch.atan(grade)
    g = 9.81
    p = (0.5 * 1.2 * cda * va.abs() * va * v + crr * mass * g * torch.cos(theta) * v + mass * g * torch.sin(theta) * v
         + (mass + 0.14 / 0.311**2) * acc * v + v * (91 + 8.7 * v) * 1e-3) / 0.977
    p = p * (1 + 0.005 * torch.randn(n, generator=gen)) + 2 * torch.randn(n, generator=gen)
    feats = torch.cat([F.one_hot(pos, CY_POS).float(), ((height - 1.775) / 0.1).unsqueeze(1),
                       ((yaw - 10) / 5.8).unsqueeze(1), ((width - 31.5) / 4.9).unsqueeze(1),
                       ((press - 6) / 1.15).unsqueeze(1), F.one_hot(surf, CY_SURF).float()[:, 1:]], 1)
    ride = torch.stack([v, wind, grade, acc, mass], 1)
    return feats, ride, p / 100


class MartinPowerNet(nn.Module):
    """Martin et al.'s (1998) power model with its two unknowns learned: a ReLU MLP from the rider / equipment
    features to CdA (m2) and Crr, put through the model's aerodynamic, rolling, gravity, kinetic and bearing terms
    and the drivetrain efficiency."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, feats: torch.Tensor, ride: torch.Tensor) -> torch.Tensor:
        p = self.net(feats)
        cda = 0.32 * torch.exp(0.3 * p[:, 0])
        crr = 0.005 * torch.exp(0.5 * p[:, 1])
        v, wind, grade, acc, mass = ride.unbind(1)
        va = v + wind
        theta = torch.atan(grade)
        power = (0.5 * 1.2 * cda * va.abs() * va * v + crr * mass * 9.81 * torch.cos(theta) * v
                 + mass * 9.81 * torch.sin(theta) * v + (mass + 0.14 / 0.311**2) * acc * v + v * (91 + 8.7 * v) * 1e-3)
        return power / 0.977 / 100


def power_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the power in hectowatts."""
    feats, ride, p = batch
    return F.mse_loss(model(feats, ride), p)


def cycling_power(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """Martin's model with the CdA / Crr net on 4096 ride segments; held out: 2048 other segments in batches of 1024;
    Adam."""
    gen = torch.Generator().manual_seed(58502)
    f, r, p = _cy_segments(train_size + 2048, gen)
    tr = (f[:train_size], r[:train_size], p[:train_size])
    torch.manual_seed(seed)
    return {"model": MartinPowerNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((f[train_size:], r[train_size:], p[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": power_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. playground surfacing impact tests, g-max and HIC (RAdam; long only)

PG_MATERIALS = 6


def _pg_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Drop tests of a 4.6 kg hemispherical headform (ASTM F1292 / EN 1177) on six surfacings (wood chips,
    engineered wood fibre, sand, pea gravel, shredded rubber, poured-in-place rubber): depth 5-30 cm (loose fill) or
    4-12 cm (poured rubber), drop height 0.6-3.6 m, temperature -6 to 49 C (F1292's), moisture 0-1, age 0-8 years.
    The surface is a nonlinear spring: a stiffness per material rising with compaction, age, moisture (loose fill)
    and cold (rubber), falling with depth; the headform bottoms out when its deflection passes the usable depth.
    g-max = v0 omega / g times the bottoming factor, the pulse a half-sine of omega's half period, HIC of that pulse;
    the scatter of a reported value (F1292's mean of the second and third drops) 2% on g-max, 3% on HIC. Returns
    (material ids, scaled conditions (n, 5), log g-max and log HIC, standardised over the training tests by the
    caller)."""
    mat = torch.randint(0, PG_MATERIALS, (n,), generator=gen)
    rubber = mat == 5
    depth = torch.where(rubber, 0.04 + 0.08 * torch.rand(n, generator=gen), 0.05 + 0.25 * torch.rand(n, generator=gen))
    h = 0.6 + 3.0 * torch.rand(n, generator=gen)
    temp = -6 + 55 * torch.rand(n, generator=gen)
    moist = torch.rand(n, generator=gen)
    age = 8 * torch.rand(n, generator=gen)
    k0 = torch.tensor([9e3, 7e3, 2.2e4, 1.6e4, 5e3, 4e3])[mat]  # N/m per metre of depth, scaled below
    usable = torch.tensor([0.55, 0.6, 0.35, 0.45, 0.65, 0.8])[mat]
    loose = ~rubber
    cold = torch.tensor([0.2, 0.2, 0.05, 0.05, 0.6, 1.0])[mat]
    wet = torch.where(loose, 0.6 * moist * (mat == 2).float() + 0.2 * moist, torch.zeros(n))
    k = (k0 / depth * 0.1 * (1 + 0.08 * age) * (1 + wet)
         * torch.exp(cold * F.relu(20 - temp) / 20) * torch.exp(-0.15 * cold * F.relu(temp - 20) / 30))
    v0 = (2 * 9.81 * h).sqrt()
    omega = (k / 4.6).sqrt() * 6
    defl = v0 / omega
    bottom = torch.exp(2.5 * F.relu(defl / (usable * depth) - 1))
    gmax = v0 * omega / 9.81 * bottom
    dur = math.pi / omega / bottom**0.5
    hic = 0.53 * gmax**2.5 * dur
    gmax = gmax * torch.exp(0.02 * torch.randn(n, generator=gen))
    hic = hic * torch.exp(0.03 * torch.randn(n, generator=gen))
    cond = torch.stack([(depth - 0.16) / 0.07, (h - 2.1) / 0.87, (temp - 21.5) / 15.9, (moist - 0.5) / 0.29,
                        (age - 4) / 2.3], 1)
    return mat, cond, torch.stack([torch.log(gmax), torch.log(hic)], 1)


class SurfacingNet(nn.Module):
    """An MLP with a learned embedding of the surfacing material (dimension 4), joined with the test conditions,
    through three SiLU layers to log g-max and log HIC."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(PG_MATERIALS, 4)
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 2))

    def forward(self, mat: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(mat), cond], 1))


def impact_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log g-max and log HIC."""
    mat, cond, y = batch
    return F.mse_loss(model(mat, cond), y)


def playground_surfacing(batch_size: int = 32, seed: int = 0, train_size: int = 8192,
                         hidden: int = 48) -> dict[str, Any]:
    """The surfacing net on 8192 drop tests, targets standardised over them; held out: 2048 other tests in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(58602)
    m, c, y = _pg_tests(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (m[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SurfacingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((m[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": impact_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("yacht_resistance_rmsprop", yacht_resistance, 300, "dsyhs_yacht_residuary_resistance_mlp", "rmsprop",
      "finite", 16, seconds=0.15, start_lr=0.016),
    W("stage_lighting_adamw", stage_lighting, 300, "stage_lighting_photometric_surrogate", "adamw_wd1e-2", "finite",
      32, seconds=0.3, start_lr=0.016),
    W("fuel_cell_nadam", fuel_cell, 300, "pem_fuel_cell_kim_greybox_polarisation", "nadam", "small_finite", 32,
      seconds=0.3, start_lr=0.032),
    W("seat_posture_nesterov", seat_posture, 300, "seat_pressure_mat_posture_cnn", "sgd_nesterov0.9_wd5e-4", "finite",
      32, seconds=0.7, start_lr=0.05),
)
LONG = (
    W("cycling_power_adam@long", cycling_power, 3000, "martin_cycling_power_cda_crr_net", "adam", "finite", 64,
      seconds=2.9, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("playground_surfacing_radam@long", playground_surfacing, 3000, "playground_surfacing_gmax_hic_mlp", "radam",
      "finite", 32, seconds=2.8, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("stage_lighting_adamw@long", stage_lighting, 3000, "stage_lighting_photometric_surrogate", "adamw_wd1e-2",
      "finite", 32, dict(train_size=8192), seconds=2.8, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="stage_lighting_adamw"),
    W("fuel_cell_nadam@long", fuel_cell, 3000, "pem_fuel_cell_kim_greybox_polarisation", "nadam", "finite", 32,
      dict(train_size=2048), seconds=2.7, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="fuel_cell_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam58_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-eighth exam's workloads")
