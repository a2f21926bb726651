"""The seventy-second exam: six more workload families that neither the suite nor exams 1-70 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam70_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from water polo and eggbeater
treading, Newton's cradles and collision toys, stilt walking, metronomes and coupled-oscillator synchronisation,
sandpaper and abrasive grit grading, and umbrellas and canopy wind loading (exam 71 was built at the same time from
other domains; its module was not opened). What was checked to make them new, and what was tried and changed, is in
``benchmarks/results/exam72/README.md``. Models and their sources are named from memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- the eggbeater kick of water polo, a blade-element surrogate: an MLP from nine kick and body parameters (cadence,
  knee-circle radius, foot pitch and its ankle-driven swing, foot area, hip flexion that tilts the plane of the foot
  path, the phase between the legs, body mass, the height the player holds) to the log of the mean vertical force
  as a share of the body's weight and the log of its fluctuation over the cycle (Sanders' 1999 lift-based
  conceptual model of the eggbeater, from memory: each foot a hydrofoil sculling on a circle, lift and drag
  from its angle of attack); 15% trial-to-trial scatter; MSE of the standardised logs; Adamax (torch's defaults)
- Newton's cradles and collision toys: an MLP from the five balls' masses, the four contacts'
  restitution coefficients and the incoming velocities to the outgoing velocities, the collisions resolved by the
  sequential-collision model (pairwise impacts with restitution repeated until no pair approaches; the textbook
  treatment of the cradle, e.g. Hinch & Saint-Jean 1999's discussion, from memory); high-speed-video noise; MSE of
  the velocities (m/s); SGD with momentum 0.9
- stilt walking gait from a shank IMU (a long plan only): a 1-d CNN (two width-5 convolutions, average and max
  pooling over time) from a 2.4 s window of the sagittal angular velocity and the vertical acceleration of a
  drywall-stilt walker's shank to the walking speed and the stride length (the IMU gait-estimation CNNs of the
  2010s, from memory); gait by dynamic similarity (Alexander's relative stride length 2.3 Fr^0.3 with the leg
  lengthened by the stilt), a swing / stance angular-velocity profile and heel-strike transients; reference speed
  and stride with 4% error; MSE of the standardised log targets; AdamW (weight decay 1e-2, torch's default)
- two metronomes on a rolling board (Pantaleone 2002's reduced equations: van der Pol-like escapement, a detuning
  per metronome and the board's coupling beta), a learned flow map: a tanh MLP from the state (two angles, two
  angular velocities) and the four parameters to the increment of the state over 1 time unit (about a sixth of
  a period; RK4, 20 substeps); tracking noise; MSE of the scaled increment; NAdam (torch's defaults)
- sandpaper grit grading (FEPA P-grades P60-P400): a small 1-d CNN over a 40-bin log-spaced particle-size
  histogram of 256 grains (image analysis of a grain sample) to the grade among 12; grains log-normal around each
  grade's median d50 (FEPA 43's values, from memory) with a batch tolerance and a spread per batch, and sizing
  noise; cross-entropy; SGD with Nesterov momentum 0.9 and weight decay 1e-4
- umbrella canopies in wind (a long plan only): an MLP from the wind speed, the angle between wind and the canopy
  axis, the canopy's diameter, depth ratio, vent area, fabric porosity, rib count and rib stiffness to the axial
  and normal force coefficients and the centre of pressure (cup / inverted-cup drag coefficients of Hoerner's
  Fluid-Dynamic Drag, from memory, a flat-plate-like normal force, porosity and vent relief, and inversion of the
  canopy when the load on its ribs passes their strength); balance noise; MSE of the standardised coefficients;
  Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the stilt-gait CNN and
the umbrella net (no short plans), the Newton's-cradle net on 8192 impacts instead of 1024 and the metronome flow
map on 16384 transitions instead of 2048.

Of the eight plans, one uses Adamax (eggbeater), two SGD with momentum (both cradle plans), one AdamW (stilts), two
NAdam (both metronome plans), one SGD with Nesterov momentum (grit) and one Adagrad (umbrella).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam72_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam72/README.md).

    python benchmarks/exam72_workloads.py          # the table
    python benchmarks/exam72_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 72"


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Standardise the targets by the first ``n`` rows' mean and sd (the training pool's)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. the eggbeater kick of water polo, a blade-element surrogate (Adamax)

EB_PHASES = 36


def _eb_kicks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Eggbeater kicks: cadence 0.9-1.6 cycles/s per leg, knee-circle radius of the foot path 0.22-0.38 m, mean foot
    pitch (angle of attack) 8-40 degrees, its ankle-driven swing over the cycle 0-20 degrees, foot area
    0.012-0.02 m2, hip flexion 40-100 degrees (tilts the plane of the foot path from horizontal by 0.6 x (100 -
    flexion)), the phase between the legs 140-220 degrees, body mass 60-100 kg, the head height held 0-0.3 m
    (more of the body out of the water to support). Each foot sculls on a circle; its speed 2 pi f r; lift
    0.5 rho A v^2 CL(alpha) with CL = 1.8 sin(2 alpha) cos(alpha) (a low-aspect-ratio plate, stalling gently), drag
    with CD = 0.1 + 1.9 sin^2 alpha, both resolved to the vertical for the path's tilt; the two legs summed over
    36 phases. Targets: the log of the mean vertical force over the weight to support (4% of the body's weight in
    water, 1 kg of head, and 0.06 m2 of torso per metre the player rises) and the log of its cycle's coefficient
    of variation; 15% noise on each (trial-to-trial scatter of a kick). Returns (standardised parameters (n, 9),
    the two logs)."""
    f = 0.9 + 0.7 * torch.rand(n, generator=gen)
    r = 0.22 + 0.16 * torch.rand(n, generator=gen)
    a0 = math.radians(8) + math.radians(32) * torch.rand(n, generator=gen)
    swing = math.radians(20) * torch.rand(n, generator=gen)
    area = 0.012 + 0.008 * torch.rand(n, generator=gen)
    hip = 40 + 60 * torch.rand(n, generator=gen)
    dphi = math.radians(140) + math.radians(80) * torch.rand(n, generator=gen)
    mass = 60 + 40 * torch.rand(n, generator=gen)
    head = 0.3 * torch.rand(n, generator=gen)
    tilt = torch.deg2rad(0.6 * (100 - hip)).view(-1, 1)  # the foot path's tilt from horizontal
    phi = torch.linspace(0, 2 * math.pi, EB_PHASES + 1)[:-1].view(1, -1)
    v = (2 * math.pi * f * r).view(-1, 1)
    total = 0
    for offset in (torch.zeros(n, 1), dphi.view(-1, 1)):
        p = phi + offset
        vz = torch.cos(p) * torch.sin(tilt)  # the vertical share of the foot's velocity direction
        alpha = a0.view(-1, 1) + swing.view(-1, 1) * torch.sin(p)
        cl = 1.8 * torch.sin(2 * alpha) * torch.cos(alpha)
        cd = 0.1 + 1.9 * torch.sin(alpha) ** 2
        q = 0.5 * 1000 * area.view(-1, 1) * v**2
        total = total + q * (cl * (1 - vz**2).clamp_min(0).sqrt() - cd * vz)
    weight = (0.04 * mass + 60 * head + 1.0) * 9.81  # kg to hold up: 4% of the body, 0.06 m2 of torso per metre
    mean = total.mean(1).clamp_min(1.0) / weight
    cv = total.std(1) / total.mean(1).abs().clamp_min(1.0)
    y = torch.stack([torch.log(mean) + 0.15 * torch.randn(n, generator=gen),
                     torch.log(cv + 0.02) + 0.15 * torch.randn(n, generator=gen)], 1)
    x = torch.stack([(f - 1.25) / 0.2, (r - 0.3) / 0.046, (a0 - 0.42) / 0.16, (swing - 0.17) / 0.1,
                     (area - 0.016) / 0.0023, (hip - 70) / 17.3, (dphi - math.pi) / 0.4, (mass - 80) / 11.5,
                     (head - 0.15) / 0.087], 1)
    return x, y


class EggbeaterNet(nn.Module):
    """A SiLU MLP (two hidden layers) from the nine kick and body parameters to the two force logs."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def standardised_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of standardised targets (one model input)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def eggbeater(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The eggbeater surrogate on 1024 kicks, targets standardised over them; held out: 1024 other kicks in batches
    of 512; Adamax."""
    gen = torch.Generator().manual_seed(72102)
    x, y = _eb_kicks(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EggbeaterNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. Newton's cradles and collision toys, the sequential-collision model (SGD with momentum)

NC_BALLS = 5


def _nc_impacts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Cradles of five touching balls, each 20-80 g (toys mix steel, glass and plastic balls), each contact's
    restitution 0.80-1.0; the first k balls (k = 1-4, from the left) released to arrive at 0.5-2 m/s, and in a
    third of the cases the last ball swung in from the right at 0.3-1.5 m/s. The sequential-collision model: sweep
    the contacts left to right, resolving each approaching pair as a two-body impact with its restitution, until no
    pair approaches (at most 60 sweeps). Outgoing velocities with 5% + 0.04 m/s of noise (a phone's 240 fps video,
    tracked by hand). Returns (features (n, 14): log masses, restitutions, incoming velocities; outgoing velocities
    (n, 5))."""
    m = 0.02 + 0.06 * torch.rand(n, NC_BALLS, generator=gen)
    e = 0.8 + 0.2 * torch.rand(n, NC_BALLS - 1, generator=gen)
    k = torch.randint(1, 5, (n, 1), generator=gen)
    speed = 0.5 + 1.5 * torch.rand(n, 1, generator=gen)
    v0 = (torch.arange(NC_BALLS).view(1, -1) < k).float() * speed
    right = (torch.rand(n, generator=gen) < 1 / 3).float() * (0.3 + 1.2 * torch.rand(n, generator=gen))
    v0[:, -1] = -right
    v = v0.clone()
    for _ in range(60):
        for i in range(NC_BALLS - 1):
            a, b = v[:, i], v[:, i + 1]
            hit = a > b
            ma, mb, ei = m[:, i], m[:, i + 1], e[:, i]
            p = ma * a + mb * b
            na = (p - mb * ei * (a - b)) / (ma + mb)
            nb = (p + ma * ei * (a - b)) / (ma + mb)
            v[:, i] = torch.where(hit, na, a)
            v[:, i + 1] = torch.where(hit, nb, b)
    v = v * (1 + 0.05 * torch.randn(v.shape, generator=gen)) + 0.04 * torch.randn(v.shape, generator=gen)
    x = torch.cat([(torch.log(m) - math.log(0.045)) / 0.4, (e - 0.9) / 0.058, v0 / 1.0], 1)
    return x, v


class CradleNet(nn.Module):
    """A ReLU MLP (three hidden layers) from the 14 ball, contact and incoming-velocity features to the five
    outgoing velocities."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3 * NC_BALLS - 1, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, NC_BALLS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def velocity_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the outgoing velocities (m/s)."""
    x, v = batch
    return F.mse_loss(model(x), v)


def newton_cradle(batch_size: int = 128, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The cradle net on 1024 impacts (batches of 128); held out: 2048 other impacts in batches of 1024; SGD with
    momentum 0.9."""
    gen = torch.Generator().manual_seed(72202)
    x, v = _nc_impacts(train_size + 2048, gen)
    tr = (x[:train_size], v[:train_size])
    torch.manual_seed(seed)
    return {"model": CradleNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], v[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": velocity_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. stilt walking: speed and stride length from a shank IMU with a 1-d CNN (AdamW; long only)

ST_LEN, ST_HZ = 96, 40.0


def _st_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """2.4 s windows (40 Hz) of a drywall-stilt walker's shank IMU: leg length 0.75-1.0 m, stilt height 0.45-1.0 m
    (18-40 inches), so an effective leg L of 1.2-2.0 m; a Froude number v^2 / (g L) of 0.05-0.35 gives the speed;
    the stride by dynamic similarity, 2.3 L Fr^0.3 (Alexander), times a walker's factor of 0.9-1.1; the cadence
    v / stride. The sagittal angular velocity: a swing peak (a raised cosine over 40% of the stride, amplitude from
    the swing arc stride / L), a slow stance rotation, a stilt wobble of 3-5 Hz; the vertical acceleration: 1 g plus
    a heel-strike transient growing with speed and the stilt's spring, and a stance oscillation; a random start in
    the stride; gyroscope noise 0.05 rad/s, accelerometer noise 0.05 g; the reference speed and stride (timing
    gates, a walkway) with 4% error. Returns (windows (n, 2, 96), log speed and log stride with that error)."""
    leg = 0.75 + 0.25 * torch.rand(n, 1, generator=gen)
    stilt = 0.45 + 0.55 * torch.rand(n, 1, generator=gen)
    big_l = leg + stilt
    fr = 0.05 + 0.3 * torch.rand(n, 1, generator=gen)
    v = (fr * 9.81 * big_l).sqrt()
    stride = 2.3 * big_l * fr**0.3 * (0.9 + 0.2 * torch.rand(n, 1, generator=gen))
    cad = v / stride  # strides per second
    t = torch.arange(ST_LEN).view(1, -1) / ST_HZ
    ph = torch.rand(n, 1, generator=gen) + cad * t
    u = ph - ph.floor()  # the phase within the stride, 0 = heel strike
    arc = stride / big_l  # the swing arc (rad), roughly
    swing = ((u > 0.6) & (u < 1.0)).float() * (1 - torch.cos(2 * math.pi * (u - 0.6) / 0.4)) / 2
    gyro = arc * cad * 2.5 * swing - arc * cad * 0.8 * ((u < 0.6).float()) * torch.sin(math.pi * u / 0.6)
    wob_f = 3 + 2 * torch.rand(n, 1, generator=gen)
    gyro = gyro + 0.1 * torch.sin(2 * math.pi * wob_f * t + 6.283 * torch.rand(n, 1, generator=gen))
    spring = 0.5 + torch.rand(n, 1, generator=gen)
    strike = (1.5 * v * spring) * torch.exp(-u / 0.03) * torch.cos(2 * math.pi * u / 0.05)
    acc = 1 + strike + 0.2 * v * (u < 0.6).float() * torch.sin(2 * math.pi * u / 0.6)
    gyro = gyro + 0.05 * torch.randn(gyro.shape, generator=gen)
    acc = acc + 0.05 * torch.randn(acc.shape, generator=gen)
    x = torch.stack([gyro, acc - 1], 1)
    ref = torch.cat([torch.log(v), torch.log(stride)], 1)
    return x, ref + 0.04 * torch.randn(ref.shape, generator=gen)


class StiltGaitCNN(nn.Module):
    """Two width-5 convolutions (16 and 32 channels, ReLU, a max-pooling of 2 after the first), average and max
    pooling over time concatenated, a dense layer of 32 and the two outputs."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(4 * width, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.mean(2), h.amax(2)], 1))


def stilt_gait(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 16) -> dict[str, Any]:
    """The gait CNN on 8192 windows, targets standardised over them; held out: 1024 other windows in batches of 512;
    AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(72302)
    x, y = _st_windows(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StiltGaitCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. two metronomes on a rolling board (Pantaleone 2002), a learned flow map (NAdam)

MT_DT, MT_SUB = 1.0, 20


def _mt_accel(s: torch.Tensor, prm: torch.Tensor) -> torch.Tensor:
    """Pantaleone's reduced equations for two metronomes on a board free to roll (dimensionless time):
    theta_i'' + (1 + d_i) sin theta_i + mu ((theta_i / theta0)^2 - 1) theta_i' + beta cos theta_i
    (sum_j sin theta_j)'' = 0, theta0 = 0.6; the accelerations from the 2x2 linear system (Sherman-Morrison).
    ``s``: (n, 4) = theta1, omega1, theta2, omega2; ``prm``: (n, 4) = d1, d2, mu, beta."""
    th, om = s[:, 0::2], s[:, 1::2]
    d, mu, beta = prm[:, :2], prm[:, 2:3], prm[:, 3:4]
    f = -(1 + d) * torch.sin(th) - mu * ((th / 0.6) ** 2 - 1) * om
    c = torch.cos(th)
    r = f + beta * c * (torch.sin(th) * om**2).sum(1, keepdim=True)
    a = r - beta * c * (c * r).sum(1, keepdim=True) / (1 + beta * (c * c).sum(1, keepdim=True))
    return torch.stack([om[:, 0], a[:, 0], om[:, 1], a[:, 1]], 1)


def _mt_transitions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """States (angles within +-0.9 rad, angular velocities within +-0.9) and parameters (detunings +-0.05, mu
    0.01-0.1, beta 0-0.15) drawn uniformly; the state 1 time unit later by RK4 (20 substeps); tracking noise
    0.01 rad on the next state. Returns (inputs (n, 8), the increment over 0.5 (n, 4))."""
    s = 0.9 * (2 * torch.rand(n, 4, generator=gen) - 1)
    prm = torch.stack([0.05 * (2 * torch.rand(n, generator=gen) - 1), 0.05 * (2 * torch.rand(n, generator=gen) - 1),
                       0.01 + 0.09 * torch.rand(n, generator=gen), 0.15 * torch.rand(n, generator=gen)], 1)
    h = MT_DT / MT_SUB
    z = s.clone()
    for _ in range(MT_SUB):
        k1 = _mt_accel(z, prm)
        k2 = _mt_accel(z + h / 2 * k1, prm)
        k3 = _mt_accel(z + h / 2 * k2, prm)
        k4 = _mt_accel(z + h * k3, prm)
        z = z + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    z = z + 0.01 * torch.randn(z.shape, generator=gen)
    x = torch.cat([s / 0.52, prm[:, :2] / 0.029, (prm[:, 2:3] - 0.055) / 0.026, (prm[:, 3:] - 0.075) / 0.043], 1)
    return x, (z - s) / 0.5


class MetronomeFlowMap(nn.Module):
    """A tanh MLP (three hidden layers) from the state and the parameters to the scaled increment of the state."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def increment_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled state increment."""
    x, dz = batch
    return F.mse_loss(model(x), dz)


def metronome_sync(batch_size: int = 32, seed: int = 0, train_size: int = 2048,
                   hidden: int = 128) -> dict[str, Any]:
    """The flow map (128 tanh units a layer) on 2048 transitions; held out: 2048 other transitions in batches of
    1024; NAdam."""
    gen = torch.Generator().manual_seed(72402)
    x, dz = _mt_transitions(train_size + 2048, gen)
    tr = (x[:train_size], dz[:train_size])
    torch.manual_seed(seed)
    return {"model": MetronomeFlowMap(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], dz[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": increment_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. sandpaper grit grading from a particle-size histogram (SGD with Nesterov momentum)

GR_D50 = torch.tensor([269.0, 201.0, 162.0, 125.0, 100.0, 82.0, 68.0, 58.5, 52.2, 46.2, 40.5, 35.0])  # P60-P400, um
GR_BINS, GR_GRAINS = 40, 256


def _gr_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Grain samples of a sandpaper's abrasive: the grade among P60, P80, P100, P120, P150, P180, P220, P240, P280,
    P320, P360, P400 (FEPA 43 medians); the batch's median within +-8% of the grade's (a tolerance), its geometric
    sd 1.2-1.45; 256 grains, each sized with 6% image-analysis error; the histogram of log size in 40 bins from 20
    to 500 um, as fractions (times 10). Returns (histograms (n, 1, 40), grades)."""
    y = torch.randint(0, len(GR_D50), (n,), generator=gen)
    med = GR_D50[y] * (1 + 0.08 * (2 * torch.rand(n, generator=gen) - 1))
    gsd = 1.2 + 0.25 * torch.rand(n, generator=gen)
    z = torch.randn(n, GR_GRAINS, generator=gen)
    d = med.view(-1, 1) * torch.exp(math.log(1) + z * torch.log(gsd).view(-1, 1))
    d = d * torch.exp(0.06 * torch.randn(d.shape, generator=gen))
    idx = ((torch.log(d) - math.log(20)) / (math.log(500) - math.log(20)) * GR_BINS).long().clamp(0, GR_BINS - 1)
    hist = torch.zeros(n, GR_BINS).scatter_add_(1, idx, torch.ones_like(d)) / GR_GRAINS
    return (10 * hist).unsqueeze(1), y


class GritCNN(nn.Module):
    """Two width-5 convolutions over the size bins (8 and 16 channels, ReLU, a max-pooling of 2 after each), a dense
    layer of 64 and the 12 grade logits."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(1, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                 nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2), nn.Flatten(),
                                 nn.Linear(2 * width * GR_BINS // 4, 64), nn.ReLU(), nn.Linear(64, len(GR_D50)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def grade_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the grade."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def grit_grading(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The grit CNN on 2048 grain samples; held out: 2048 other samples in batches of 1024; SGD with Nesterov momentum
    0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(72502)
    x, y = _gr_samples(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GritCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": grade_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. umbrella canopies in wind: force coefficients and centre of pressure (Adagrad; long only)


def _um_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wind-tunnel / field tests of umbrellas: wind 2-20 m/s, the angle between the wind and the canopy axis 0-180
    degrees (0: wind into the concave side, from below the handle), diameter 0.9-3 m (hand to patio umbrellas),
    depth ratio 0.1-0.3, vent area 0-5% of the canopy, fabric porosity 0-0.15, ribs 6-16 with a stiffness per rib of
    0.5-2 (relative). Axial force coefficient: a cup's 1.42 (concave side, deeper cups more) to 0.4 (convex side)
    varying as cos with the angle, reduced by porosity and vent; normal coefficient 1.1 sin(2 angle)-like with a
    stall; centre of pressure moving from the axis with the angle. The canopy inverts when the dynamic pressure
    times the area on the concave side passes the ribs' strength: then the axial coefficient falls to that of an
    inverted shallow dish (0.9) and the normal force halves. Balance noise 3%. Returns (standardised features
    (n, 8), the coefficients (n, 3), standardised by the caller)."""
    u = 2 + 18 * torch.rand(n, generator=gen)
    ang = math.pi * torch.rand(n, generator=gen)
    dia = 0.9 + 2.1 * torch.rand(n, generator=gen)
    depth = 0.1 + 0.2 * torch.rand(n, generator=gen)
    vent = 0.05 * torch.rand(n, generator=gen)
    por = 0.15 * torch.rand(n, generator=gen)
    ribs = torch.randint(6, 17, (n,), generator=gen).float()
    stiff = 0.5 + 1.5 * torch.rand(n, generator=gen)
    relief = (1 - 2.2 * por) * (1 - 3 * vent)
    cup = 1.0 + 2.0 * depth
    convex = 0.25 + 0.6 * depth
    ca = (0.5 * (cup + convex) + 0.5 * (cup - convex) * torch.cos(ang)) * relief
    cn = 1.1 * torch.sin(2 * ang).abs() * torch.exp(-((ang - math.pi / 2).abs() / 1.2) ** 2) * relief
    q = 0.5 * 1.2 * u**2
    load = q * ca * torch.cos(ang).clamp_min(0) * dia**2  # on the concave side, per unit rib strength
    strength = 40 * ribs * stiff * (1.5 / dia)
    inv = torch.sigmoid((load - strength) / (0.1 * strength))
    ca = ca * (1 - inv) + 0.9 * relief * inv
    cn = cn * (1 - 0.5 * inv)
    xcp = 0.35 * torch.sin(ang) * (1 - 0.4 * depth) + 0.1 * inv
    y = torch.stack([ca, cn, xcp], 1) * (1 + 0.03 * torch.randn(n, 3, generator=gen))
    x = torch.stack([(u - 11) / 5.2, (ang - 1.571) / 0.907, (dia - 1.95) / 0.6, (depth - 0.2) / 0.058,
                     (vent - 0.025) / 0.0144, (por - 0.075) / 0.043, (ribs - 11) / 3.2, (stiff - 1.25) / 0.43], 1)
    return x, y


class UmbrellaNet(nn.Module):
    """A ReLU MLP (two hidden layers) from the eight wind and canopy features to the three coefficients."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def umbrella_wind(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The umbrella net on 8192 tests, targets standardised over them; held out: 2048 other tests in batches of
    1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(72602)
    x, y = _um_tests(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": UmbrellaNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("eggbeater_adamax", eggbeater, 300, "water_polo_eggbeater_blade_element_mlp", "adamax", "finite", 32,
      seconds=0.15, start_lr=0.128),
    W("metronome_flow_nadam", metronome_sync, 300, "metronome_board_pantaleone_flow_map", "nadam", "finite", 32,
      seconds=0.25, start_lr=0.016),
    W("grit_grading_nesterov", grit_grading, 300, "sandpaper_fepa_grit_histogram_cnn", "sgd_nesterov0.9_wd1e-4",
      "finite", 32, seconds=0.4, start_lr=0.2),
    W("newton_cradle_momentum", newton_cradle, 300, "newton_cradle_sequential_collision_mlp", "sgd_momentum0.9",
      "finite", 128, seconds=0.22, start_lr=0.4),
)
LONG = (
    W("stilt_gait_adamw@long", stilt_gait, 3000, "stilt_walking_shank_imu_gait_cnn", "adamw_wd1e-2", "finite", 32,
      seconds=5.9, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("umbrella_wind_adagrad@long", umbrella_wind, 3000, "umbrella_canopy_wind_coefficients_mlp", "adagrad",
      "finite", 32, seconds=1.2, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("newton_cradle_momentum@long", newton_cradle, 3000, "newton_cradle_sequential_collision_mlp", "sgd_momentum0.9",
      "finite", 128, dict(train_size=8192), seconds=2.2, start_lr=0.4, grid_fractions=(0.0, 0.05),
      long_of="newton_cradle_momentum"),
    W("metronome_flow_nadam@long", metronome_sync, 3000, "metronome_board_pantaleone_flow_map", "nadam", "finite",
      32, dict(train_size=16384), seconds=2.3, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="metronome_flow_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam72_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventy-second exam's workloads")
