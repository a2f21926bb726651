"""The eightieth exam: six more workload families that neither the suite nor exams 1-78 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam78_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from javelin throwing and release,
bungee jumping and cord stretch, ski jumping and in-run flight, water wheels and mill races, crochet and stitch
tension, and harpsichords and jack plucking (exam 79 was built at the same time from other domains; its module was
not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam80/README.md``. Models and their sources are named from memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- javelin release-to-distance with pitching flight: an MLP from the six release parameters (speed, angle, angle of
  attack, pitch rate, height, headwind) to the official distance and the landing pitch angle, on throws simulated
  with Hubbard & Rust's (1984) planar javelin model (lift, drag and a nose-down pitching moment that depend on the
  angle of attack, the centre of pressure behind the centre of mass); tape noise, and the inputs with 2D video's
  measuring errors; MSE of standardised targets;
  Adam (torch's defaults)
- ski-jump flight (Mueller's 1990s-2000s lift-and-drag-area flight model, from memory): an MLP from the take-off
  speed, the jumper's take-off push, the lift and drag areas of the flight position, the mass and the wind to the
  landing distance along a hill, the flight time and the landing's normal speed; trajectories by
  integrating the flight over a hill profile; measuring errors on inputs and targets; MSE of standardised
  targets; RAdam (torch's defaults)
- water wheels on a mill race (Mueller & Kauppert's 2004 performance characteristics, from memory): an MLP with a
  wheel-type embedding (overshot, breastshot, undershot / Poncelet) from diameter, width, head, flow and rim speed
  to the efficiency and the log shaft power; bucket overfill and centrifugal spill for overshot wheels, gap leakage
  for breastshot, the 4 r (1 - r) impulse law for undershot; weir-gauge and timing errors on the flow and rim
  speed; MSE of standardised targets; SGD with momentum 0.9 (no weight decay)
- crochet stitch recognition from a yarn-tension sensor (as in smart-hook / e-textile papers): a small 1D CNN
  classifies a window of the tension signal into six stitches (slip, single, half-double, double, treble, double
  treble), which differ by the number of yarn-over pull-throughs (tension peaks), their tempo and peak height;
  the crocheter's own tension, tempo and drift vary; each window z-scored; cross-entropy; RAdam (torch's
  defaults)
- bungee jump cord stretch (a long plan only): an MLP from the jumper's mass and drag area, the cord's unstretched
  length, its stiffness (strand count x per-strand modulus), its stiffening and its damping to the lowest
  point, the peak deceleration and the time to the first bottom; jumps integrated with free fall, a stiffening
  and damped rubber cord and air drag; MSE of standardised targets; RAdam (torch's defaults)
- harpsichord plucking (a long plan only): an MLP from the string's fundamental, the plucking point, the plectrum's
  (quill or delrin) stiffness and contact width and the key speed to the levels of the first 16 harmonics (dB,
  relative to a fixed reference), from the ideal plucked string (the triangle's sin(n pi beta) / n^2 series) with
  a finite-width contact, a release low-pass set by the plectrum's stiffness and key speed (as in Perng, Smith
  and Rossing's harpsichord plucking model, from memory) and a soundboard response; MSE of the dB levels / 10;
  RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the bungee and
harpsichord nets (no short plans), the ski-jump net on 8192 jumps instead of 1024 and the crochet CNN on 8192
windows instead of 1536.

Of the eight plans, one uses Adam (javelin), one SGD with momentum (water wheel) and six RAdam (both ski-jump
plans, both crochet plans, bungee, harpsichord).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam80_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam80/README.md).

    python benchmarks/exam80_workloads.py          # the table
    python benchmarks/exam80_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 80"


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    return (y - y[:n].mean(0)) / y[:n].std(0)


def target_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (standardised) targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


class RegressionMLP(nn.Module):
    """A plain multilayer perceptron for a physical regression (the model most of these fields publish)."""

    def __init__(self, n_in: int, n_out: int, hidden: int, depth: int = 2, act: type[nn.Module] = nn.Tanh) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        width = n_in
        for _ in range(depth):
            layers += [nn.Linear(width, hidden), act()]
            width = hidden
        layers.append(nn.Linear(width, n_out))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


# --------------------------------------------------------------------------------------------------------------
# 1. javelin release to distance, Hubbard & Rust's pitching javelin (Adam)


def _jav_throws(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Planar javelin flights (a men's 800 g javelin): release speed 24-31 m/s, release angle 28-42 deg, angle of
    attack -8..+10 deg, pitch rate -0.4..+0.2 rad/s, release height 1.7-2.1 m, headwind -3..+3 m/s. Air-relative
    velocity, lift and drag areas growing with the angle of attack (CD A = 0.0035 + 0.040 sin^2 a, CL A = 0.030
    sin 2a, m^2), a pitching moment from the centre of pressure moving behind the centre of mass (nose-down,
    restoring), pitch damping; Euler steps of 10 ms until the tip lands. Targets: the distance (tape noise 0.25 m)
    and the landing pitch angle (deg, 0.5 deg noise). The inputs are the release parameters as 2D video analysis
    measures them (errors of 0.05 m/s, 0.25 deg, 0.3 deg, 0.015 rad/s, 1 cm and 0.1 m/s for the wind)."""
    v = 24 + 7 * torch.rand(n, generator=gen)
    ang = torch.deg2rad(28 + 14 * torch.rand(n, generator=gen))
    att = torch.deg2rad(-8 + 18 * torch.rand(n, generator=gen))
    q0 = -0.4 + 0.6 * torch.rand(n, generator=gen)
    h = 1.7 + 0.4 * torch.rand(n, generator=gen)
    wind = -3 + 6 * torch.rand(n, generator=gen)
    m, inertia, rho = 0.8, 0.42, 1.2
    x, y = torch.zeros(n), h.clone()
    vx, vy = v * torch.cos(ang), v * torch.sin(ang)
    th, om = ang + att, q0.clone()
    dist, land_th = torch.zeros(n), torch.zeros(n)
    alive = torch.ones(n, dtype=torch.bool)
    dt = 0.01
    for _ in range(900):
        ux, uy = vx + wind, vy
        speed = torch.sqrt(ux**2 + uy**2)
        a = th - torch.atan2(uy, ux)
        q = 0.5 * rho * speed**2
        cd = 0.0035 + 0.040 * torch.sin(a) ** 2
        cl = 0.030 * torch.sin(2 * a)
        ex, ey = ux / speed, uy / speed
        fx = -q * cd * ex - q * cl * ey
        fy = -q * cd * ey + q * cl * ex - m * 9.81
        moment = -q * 0.0035 * torch.sin(a) * (1 + 2.5 * torch.sin(a).abs()) - 0.05 * om * speed
        vx2, vy2 = vx + dt * fx / m, vy + dt * fy / m
        om2 = om + dt * moment / inertia
        x2, y2 = x + dt * vx2, y + dt * vy2
        th2 = th + dt * om2
        hit = alive & (y2 <= 0)
        frac = y / (y - y2).clamp_min(1e-9)
        dist = torch.where(hit, x + frac * (x2 - x), dist)
        land_th = torch.where(hit, th2, land_th)
        alive = alive & ~hit
        x, y, vx, vy, th, om = x2, y2, vx2, vy2, th2, om2
        if not alive.any():
            break
    dist = dist + 0.25 * torch.randn(n, generator=gen)
    land = torch.rad2deg(land_th) + 0.5 * torch.randn(n, generator=gen)
    obs = [v + 0.05 * torch.randn(n, generator=gen), torch.rad2deg(ang) + 0.25 * torch.randn(n, generator=gen),
           torch.rad2deg(att) + 0.3 * torch.randn(n, generator=gen), q0 + 0.015 * torch.randn(n, generator=gen),
           h + 0.01 * torch.randn(n, generator=gen), wind + 0.1 * torch.randn(n, generator=gen)]
    xin = torch.stack([(obs[0] - 27.5) / 2, (obs[1] - 35) / 4, obs[2] / 5, (obs[3] + 0.1) / 0.17,
                       (obs[4] - 1.9) / 0.12, obs[5] / 1.7], 1)
    return xin, torch.stack([dist, land], 1)


def javelin_release(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The release-to-distance MLP (two tanh layers of 48) on 1024 throws; held out: 2048 other throws in batches of
    1024; Adam."""
    gen = torch.Generator().manual_seed(80101)
    x, y = _jav_throws(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RegressionMLP(6, 2, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": target_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. ski-jump flight over a landing hill (RAdam)


def _hill(x: torch.Tensor) -> torch.Tensor:
    """The landing hill's profile below the take-off table (m): flat at the table, steepening to about 34 deg."""
    return -0.68 * x + 0.68 * 30 * (1 - torch.exp(-x / 30)) - 3.0


def _ski_jumps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Take-off speed 24-26.5 m/s along a -10.5 deg table, the jumper's push 2-3.6 m/s normal to it, lift area
    0.45-0.70 m^2 and drag area 0.45-0.62 m^2 (the V-style flight position; both scaled up with the speed-dependent
    angle of attack early in flight), mass 52-70 kg, wind -3..+3 m/s along the hill (positive: head wind, which
    raises lift). Integrated in 20 ms steps until the skis meet the hill. Targets: the distance along the hill from
    the table edge (measuring noise 0.5 m), the flight time (0.05 s) and the normal landing speed (0.06 m/s). The
    inputs as measured: speed trap 0.06 m/s, push 0.1 m/s, the areas from video 0.015 and 0.012 m^2, mass 0.3 kg,
    the wind gauges 0.15 m/s."""
    v0 = 24 + 2.5 * torch.rand(n, generator=gen)
    push = 2 + 1.6 * torch.rand(n, generator=gen)
    la = 0.45 + 0.25 * torch.rand(n, generator=gen)
    da = 0.45 + 0.17 * torch.rand(n, generator=gen)
    m = 52 + 18 * torch.rand(n, generator=gen)
    wind = -3 + 6 * torch.rand(n, generator=gen)
    t0 = math.radians(-10.5)
    vx = v0 * math.cos(t0) - push * math.sin(t0)
    vy = v0 * math.sin(t0) + push * math.cos(t0)
    x, y = torch.zeros(n), torch.zeros(n)
    land_x, t_land, vn = torch.zeros(n), torch.zeros(n), torch.zeros(n)
    alive = torch.ones(n, dtype=torch.bool)
    wx, wy = wind * math.cos(math.radians(34)), -wind * math.sin(math.radians(34))
    dt, t = 0.02, 0.0
    for _ in range(500):
        ux, uy = vx + wx, vy + wy
        sp = torch.sqrt(ux**2 + uy**2)
        early = 1 + 0.25 * math.exp(-t / 0.6)
        q = 0.5 * 1.1 * sp
        ax = (-q * da * early * ux - q * la * uy) / m
        ay = (-q * da * early * uy + q * la * ux) / m - 9.81
        vx2, vy2 = vx + dt * ax, vy + dt * ay
        x2, y2 = x + dt * vx2, y + dt * vy2
        t += dt
        hit = alive & (y2 <= _hill(x2)) & (x2 > 5)
        land_x = torch.where(hit, x2, land_x)
        t_land = torch.where(hit, torch.full_like(x, t), t_land)
        slope = torch.atan(-0.68 + 0.68 * torch.exp(-x2 / 30))
        vn = torch.where(hit, -(vy2 * torch.cos(slope) - vx2 * torch.sin(slope)), vn)
        alive = alive & ~hit
        x, y, vx, vy = x2, y2, vx2, vy2
        if not alive.any():
            break
    xs = torch.linspace(0, 1, 64).view(1, -1) * land_x.view(-1, 1)
    dy = torch.diff(_hill(xs), dim=1)
    dx = torch.diff(xs, dim=1)
    dist = torch.sqrt(dx**2 + dy**2).sum(1) + 0.5 * torch.randn(n, generator=gen)
    t_land = t_land + 0.05 * torch.randn(n, generator=gen)
    vn = vn + 0.06 * torch.randn(n, generator=gen)
    obs = [v0 + 0.06 * torch.randn(n, generator=gen), push + 0.1 * torch.randn(n, generator=gen),
           la + 0.015 * torch.randn(n, generator=gen), da + 0.012 * torch.randn(n, generator=gen),
           m + 0.3 * torch.randn(n, generator=gen), wind + 0.15 * torch.randn(n, generator=gen)]
    xin = torch.stack([(obs[0] - 25.25) / 0.72, (obs[1] - 2.8) / 0.46, (obs[2] - 0.575) / 0.072,
                       (obs[3] - 0.535) / 0.049, (obs[4] - 61) / 5.2, obs[5] / 1.7], 1)
    return xin, torch.stack([dist, t_land, vn], 1)


def ski_jump(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The flight MLP (two tanh layers of 48) on 1024 jumps; held out: 2048 other jumps in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(80202)
    x, y = _ski_jumps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RegressionMLP(6, 3, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": target_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. water wheels on a mill race (SGD with momentum)


def _wheels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Wheel type (0 overshot, 1 breastshot, 2 undershot / Poncelet), diameter 2-7 m, width 0.5-2 m, head (overshot
    0.9-1.05 of the diameter, breastshot 0.35-0.65 of it, undershot 0.5-2 m), flow 0.05-1 m^3/s per metre of width,
    rim speed 0.3-1.6 of the type's best. Efficiency: overshot 0.85 falling with the bucket fill (the flow per metre
    over the rim speed x 0.6 sqrt(D)) past 30% (overflow) and with the rim speed above the best (spill);
    breastshot 0.75 less a gap leakage share; undershot 0.7 x 4 r (1 - r) with r the rim speed over the jet speed
    sqrt(2 g H). Shaft power rho g Q H eta (kW). Gauge noise 2% on power, 0.015 on efficiency.
    Targets: the efficiency and log power. The flow as a weir gauges it (5%) and the rim speed as timed (3%)."""
    kind = torch.randint(0, 3, (n,), generator=gen)
    d = 2 + 5 * torch.rand(n, generator=gen)
    b = 0.5 + 1.5 * torch.rand(n, generator=gen)
    qw = 0.05 + 0.95 * torch.rand(n, generator=gen)
    ratio = 0.3 + 1.3 * torch.rand(n, generator=gen)
    head = torch.where(kind == 0, d * (0.9 + 0.15 * torch.rand(n, generator=gen)),
                       torch.where(kind == 1, d * (0.35 + 0.3 * torch.rand(n, generator=gen)),
                                   0.5 + 1.5 * torch.rand(n, generator=gen)))
    q = qw * b
    vjet = torch.sqrt(2 * 9.81 * head)
    best = torch.where(kind == 0, torch.full_like(d, 1.0), torch.where(kind == 1, torch.full_like(d, 1.6), 0.5 * vjet))
    u = ratio * best
    fill = qw / (u * 0.6 * d.sqrt())
    overflow = (1 - 1.8 * (fill - 0.3).clamp_min(0) ** 2).clamp_min(0.1)
    eta_o = 0.85 * overflow * (1 - 0.25 * (ratio - 1).clamp_min(0) ** 2)
    gap = 0.02 * u / (qw + 0.02 * u)
    eta_b = 0.75 * (1 - gap) * (1 - 0.3 * (ratio - 1) ** 2)
    r = u / vjet
    eta_u = 0.7 * 4 * r * (1 - r)
    eta = torch.where(kind == 0, eta_o, torch.where(kind == 1, eta_b, eta_u)).clamp_min(0.02)
    eta = eta + 0.015 * torch.randn(n, generator=gen)
    power = 1000 * 9.81 * q * head * eta.clamp_min(0.01) / 1000 * torch.exp(0.02 * torch.randn(n, generator=gen))
    qo = qw * torch.exp(0.05 * torch.randn(n, generator=gen))
    ro = ratio * torch.exp(0.03 * torch.randn(n, generator=gen))
    xin = torch.stack([(d - 4.5) / 1.44, (b - 1.25) / 0.43, (head - 2.5) / 1.7, (qo - 0.52) / 0.27,
                       (ro - 0.95) / 0.375], 1)
    return kind, xin, torch.stack([eta, torch.log(power)], 1)


class WaterWheelNet(nn.Module):
    """An MLP with a wheel-type embedding (as mill-restoration engineers fit performance curves by type)."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(3, 4)
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, kind: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(kind), x], 1))


def wheel_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised efficiency and log power."""
    kind, x, y = batch
    return F.mse_loss(model(kind, x), y)


def water_wheel(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The wheel net on 1024 wheel tests; held out: 2048 other tests in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(80303)
    k, x, y = _wheels(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (k[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WaterWheelNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((k[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": wheel_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. crochet stitch recognition from yarn tension (RAdam)

CR_LEN = 64
CR_PEAKS = (1, 2, 3, 4, 5, 6)  # slip, single, half-double, double, treble, double treble: pull-throughs


def _crochet(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A 64-sample window (about 2 s at 32 Hz) of the yarn tension while one stitch is worked: one tension peak per
    yarn-over pulled through, the stitch's peaks spread over a duration that grows with their count, the
    crocheter's own tension (peak height), tempo and peak width, a drifting baseline and sensor noise; the last
    pull-through is the strongest. Each window is z-scored (as sensor pipelines do before a CNN)."""
    label = torch.randint(0, 6, (n,), generator=gen)
    peaks = torch.tensor(CR_PEAKS)[label].float()
    t = torch.arange(CR_LEN).float().view(1, -1)
    tempo = 0.75 + 0.5 * torch.rand(n, 1, generator=gen)
    span = (10 + 6.5 * peaks.view(-1, 1)) * tempo
    start = 4 + (CR_LEN - 8 - span).clamp_min(0) * torch.rand(n, 1, generator=gen)
    height = 0.6 + 0.8 * torch.rand(n, 1, generator=gen)
    width = (1.2 + 1.3 * torch.rand(n, 1, generator=gen)) * tempo
    sig = torch.zeros(n, CR_LEN)
    for k in range(6):
        on = (k < peaks).float().view(-1, 1)
        pos = start + span * (k + 0.5) / peaks.view(-1, 1) + 1.2 * torch.randn(n, 1, generator=gen)
        amp = height * (0.7 + 0.3 * torch.rand(n, 1, generator=gen)) * torch.where(k == peaks.view(-1, 1) - 1, 1.4, 1.0)
        sig = sig + on * amp * torch.exp(-0.5 * ((t - pos) / width) ** 2)
    drift = 0.3 * torch.randn(n, 1, generator=gen) + 0.15 * torch.randn(n, 1, generator=gen) * (t - 32) / 32
    sig = sig + drift + 0.12 * torch.randn(n, CR_LEN, generator=gen)
    sig = (sig - sig.mean(1, keepdim=True)) / sig.std(1, keepdim=True)
    return sig.unsqueeze(1), label


class StitchCNN(nn.Module):
    """A small 1D CNN for a sensor window (two conv-ReLU-pool blocks, global average pooling, a linear head), as
    wearable-sensor activity recognition papers use."""

    def __init__(self, channels: int = 16) -> None:
        super().__init__()
        self.conv1 = nn.Conv1d(1, channels, 7, padding=3)
        self.conv2 = nn.Conv1d(channels, 2 * channels, 5, padding=2)
        self.head = nn.Linear(2 * channels, 6)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.max_pool1d(F.relu(self.conv1(x)), 2)
        h = F.max_pool1d(F.relu(self.conv2(h)), 2)
        return self.head(h.mean(2))


def stitch_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the stitch."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def crochet_stitch(batch_size: int = 32, seed: int = 0, train_size: int = 1536, channels: int = 16) -> dict[str, Any]:
    """The stitch CNN on 1536 windows; held out: 2048 other windows in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(80404)
    x, y = _crochet(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StitchCNN(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": stitch_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. bungee jump cord stretch (RAdam; a long plan only)


def _bungee(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Jumper mass 45-115 kg, drag area 0.25-0.6 m^2, cord unstretched length 8-20 m, stiffness of the whole cord
    EA = strands (6-30) x 250 N, stiffening 0-1.5 (tension EA e / L0 (1 + c e / L0)), cord damping 3-8% of
    critical-ish; a jump of 60 m. The cord's modulus varies by 3% from batch to batch (not an input).
    Integrated in 10 ms steps over 7 s. Targets: the depth of the lowest point, the
    peak deceleration (g) and the time to the first bottom; measurement noise 1%."""
    m = 45 + 70 * torch.rand(n, generator=gen)
    cda = 0.25 + 0.35 * torch.rand(n, generator=gen)
    l0 = 8 + 12 * torch.rand(n, generator=gen)
    strands = 6 + 24 * torch.rand(n, generator=gen)
    ea = strands * 250 * torch.exp(0.03 * torch.randn(n, generator=gen))
    c = 1.5 * torch.rand(n, generator=gen)
    zeta = 0.03 + 0.05 * torch.rand(n, generator=gen)
    z, v = torch.zeros(n), torch.zeros(n)
    zmax, amax, tbot = torch.zeros(n), torch.zeros(n), torch.zeros(n)
    found = torch.zeros(n, dtype=torch.bool)
    dt = 0.01
    for i in range(700):
        e = (z - l0).clamp_min(0)
        k = ea / l0
        tension = k * e * (1 + c * e / l0)
        damp = torch.where(e > 0, 2 * zeta * torch.sqrt(k * m) * v, torch.zeros_like(v))
        acc = 9.81 - (tension + damp) / m - 0.5 * 1.2 * cda * v * v.abs() / m
        v2 = v + dt * acc
        z2 = z + dt * v2
        turn = ~found & (v > 0) & (v2 <= 0)
        tbot = torch.where(turn, torch.full_like(z, (i + 1) * dt), tbot)
        found = found | turn
        amax = torch.maximum(amax, -acc / 9.81)
        zmax = torch.maximum(zmax, z2)
        z, v = z2, v2
    noise = lambda: torch.exp(0.01 * torch.randn(n, generator=gen))  # noqa: E731
    y = torch.stack([zmax * noise(), amax * noise(), tbot * noise()], 1)
    xin = torch.stack([(m - 80) / 20, (cda - 0.425) / 0.1, (l0 - 14) / 3.5, (strands - 18) / 6.9, (c - 0.75) / 0.43,
                       (zeta - 0.055) / 0.0145], 1)
    return xin, y


def bungee_cord(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The cord-stretch MLP (two tanh layers of 48) on 8192 jumps; held out: 2048 other jumps in batches of 1024;
    RAdam."""
    gen = torch.Generator().manual_seed(80505)
    x, y = _bungee(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RegressionMLP(6, 3, hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": target_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. harpsichord jack plucking: harmonic levels (RAdam; a long plan only)

HP_N = 16


def _plucks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A string of fundamental 44-1400 Hz (log-uniform), plucked at beta = 0.06-0.22 of its length by a plectrum of
    stiffness s (0-1: soft quill to stiff delrin) and contact width w (1-6 mm on a string of length 0.1-2 m, from
    the fundamental), the key pressed at speed k (0-1). Harmonic n's amplitude: the triangle's
    |sin(n pi beta)| / n^2 (from the plucking point), times the contact's sinc(n w / L), times a release low-pass
    exp(-n f0 tau) with tau shorter for stiffer plectra and faster keys, times a soundboard response (a broad
    peak near 250 Hz, roll-off above 2 kHz). Levels in dB, floored 70 dB below the fundamental's plain-string
    level, with 0.5 dB analysis noise; scaled by 1/10. The plucking point as measured on the instrument (4e-3)."""
    f0 = torch.exp(math.log(44) + (math.log(1400) - math.log(44)) * torch.rand(n, generator=gen))
    beta = 0.06 + 0.16 * torch.rand(n, generator=gen)
    s = torch.rand(n, generator=gen)
    w = 0.001 + 0.005 * torch.rand(n, generator=gen)
    k = torch.rand(n, generator=gen)
    length = (2.0 * (44 / f0) ** 0.85).clamp(0.1, 2.0)
    nn_ = torch.arange(1, HP_N + 1).float().view(1, -1)
    f = f0.view(-1, 1) * nn_
    tri = torch.sin(math.pi * nn_ * beta.view(-1, 1)).abs() / nn_**2
    xw = nn_ * (w / length).view(-1, 1)
    contact = torch.where(xw > 1e-6, torch.sin(math.pi * xw) / (math.pi * xw), torch.ones_like(xw)).abs()
    tau = 4e-5 * (1.6 - s.view(-1, 1)) * (1.5 - 0.7 * k.view(-1, 1))
    release = torch.exp(-f * tau)
    board = (1 + 1.5 * torch.exp(-((torch.log(f / 250)) ** 2) / 0.5)) / (1 + (f / 2000) ** 2)
    amp = tri * contact * release * board * (0.5 + k.view(-1, 1))
    level = 20 * torch.log10(amp + 10 ** (-70 / 20) / 1.0)
    level = level + 0.5 * torch.randn(level.shape, generator=gen)
    bo = beta + 0.004 * torch.randn(n, generator=gen)
    xin = torch.stack([(torch.log(f0) - 5.5) / 1.0, (bo - 0.14) / 0.046, (s - 0.5) / 0.29,
                       (w - 0.0035) / 0.00144, (k - 0.5) / 0.29], 1)
    return xin, level / 10


def harpsichord_pluck(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The pluck MLP (two SiLU layers of 64) on 8192 notes; held out: 2048 other notes in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(80606)
    x, y = _plucks(train_size + 2048, gen)
    y = y - y[:train_size].mean(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RegressionMLP(5, HP_N, hidden, act=nn.SiLU), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": target_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("javelin_release_adam", javelin_release, 300, "javelin_pitching_flight_distance_mlp", "adam", "finite", 32,
      seconds=0.22, start_lr=0.032),
    W("ski_jump_radam", ski_jump, 300, "ski_jump_lift_drag_area_flight_mlp", "radam", "finite", 32,
      seconds=0.2, start_lr=0.064),
    W("water_wheel_momentum", water_wheel, 300, "water_wheel_type_efficiency_power_mlp", "sgd_momentum0.9", "finite",
      32, seconds=0.13, start_lr=0.128),
    W("crochet_stitch_radam", crochet_stitch, 300, "crochet_yarn_tension_stitch_cnn", "radam", "finite", 32,
      seconds=0.53, start_lr=0.512),
)
LONG = (
    W("bungee_cord_radam@long", bungee_cord, 3000, "bungee_cord_stretch_jump_mlp", "radam", "finite", 32,
      seconds=1.6, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("harpsichord_pluck_radam@long", harpsichord_pluck, 3000, "harpsichord_plectrum_harmonic_levels_mlp", "radam",
      "finite", 32, seconds=1.6, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("ski_jump_radam@long", ski_jump, 3000, "ski_jump_lift_drag_area_flight_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=1.6, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="ski_jump_radam"),
    W("crochet_stitch_radam@long", crochet_stitch, 3000, "crochet_yarn_tension_stitch_cnn", "radam", "finite", 32,
      dict(train_size=8192), seconds=5.0, start_lr=0.064, grid_fractions=(0.0, 0.05), long_of="crochet_stitch_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam80_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eightieth exam's workloads")
