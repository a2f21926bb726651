"""The eighty-fourth exam: six more workload families that neither the suite nor exams 1-82 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam82_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from shuffleboard and puck
sliding, horseshoe pitching and ringers, hula hoops and hoop dynamics, skipping ropes and jump timing, arm wrestling
and forearm torque, and abseiling and rope friction (exam 83 was built at the same time from other domains; its
module was not opened). What was checked to make them new, and what was tried, is in
``benchmarks/results/exam84/README.md``. Every model and field convention below is written from memory (no code or
paper was looked up), and is marked "from memory" where a source is named.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- table shuffleboard scoring (short only): a ReLU MLP classifies a shot, from the radar release speed, the release
  angle and lateral offset, the table's silicone-bead speed grade, the humidity, the table's crown and the puck
  weight, into where the puck comes to rest (short of the 1-line, the 1, 2 and 3 zones, hanging over the end, or off
  the table); the shot from Coulomb sliding (stopping distance v^2 / (2 mu g), mu from the bead grade and humidity
  with shot-to-shot scatter) and a crown drift towards the gutter; cross-entropy; SGD with Nesterov momentum 0.9 and
  weight decay 5e-4
- horseshoe pitching (short only): an MLP from the pitch (release speed, angle, height, lateral aim, the turn style:
  1 1/4, 1 3/4 turn or flip, its spin rate, the clay pit's moisture) to the ringer logit and the shoe's distance
  from the stake; the pitch from projectile flight over 40 ft (12.19 m, NHPA's men's distance, from memory), a slide
  in the clay, and a ringer when the stake is inside the shoe with the opening facing it; BCE + MSE; Adam
- hula-hoop dynamics (Belyakov and Seyranian's model of a hoop driven by a waist moving on a circle, from memory): a
  tanh MLP from the hoop (its radius, the waist's radius), the waist's gyration (frequency, amplitude), the
  friction and the initial kick to whether the hoop locks on (its mean speed ratio over the last cycles), the
  phase lag (sin, cos) and the vertical support margin mu N / (m g) - 1; from a numerical integration of the hoop's
  angle; MSE of standardised targets; RAdam (torch's defaults)
- skipping-rope jump timing: an MLP from the rope (length, mass per metre: beaded, PVC or speed cable), the turning
  (rate, hand height and spread) and the jump (take-off time against the rope's pass, take-off speed) to the
  clearance of the feet over the rope at its pass and the rope's bottom lag angle; the rope's shape from the balance
  of centrifugal force, gravity and air drag (Aristoff and Stone's jump-rope paper, from memory, reduced to a sag
  and a lag), the feet ballistic; MSE of standardised targets; RAdam (torch's defaults)
- arm wrestling (long only): an MLP from both competitors (forearm length, peak elbow-flexor and pronator torque,
  fatigue rate, reaction time, toproll or hook) to the hands' angle at six times of the match; the match simulated
  as the hands' angle driven by the difference of Hill-type torques (force-length in the elbow angle,
  force-velocity in the angular speed, a fatigue decay) with a leverage factor of the forearm lengths, until a pin;
  MSE; RAdam
- abseiling descender friction (long only): an MLP with a device embedding (figure-8, tube, rack) from the load,
  the rope diameter, wetness and age, the descent speed and height and the air temperature to the log brake-hand
  force at the end and the device's peak temperature; the capstan law T_load / T_hand = exp(mu theta) with mu
  falling with temperature and rising with rope diameter and wetness, the descender heated by m g v with
  lumped-capacity cooling; MSE of standardised targets; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the arm-wrestling net
and the abseiling net (no short plans), the hula-hoop net on 8192 hoops instead of 1024 and the jump-rope net on
8192 jumps instead of 1024.

Of the eight plans, one uses SGD with Nesterov momentum (shuffleboard), one Adam (horseshoe) and six RAdam (both
hula-hoop plans, both jump-rope plans, arm wrestling, abseiling).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam84_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam84/README.md).

    python benchmarks/exam84_workloads.py          # the table
    python benchmarks/exam84_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 84"
G = 9.81


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised over the first ``n`` rows (the training pool), as a user would."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. table shuffleboard: where the puck comes to rest (SGD with Nesterov momentum; short only)

SB_CLASSES = 6  # short, 1 zone, 2 zone, 3 zone, hanger, off


def _sb_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Shots on a 22 ft (6.71 m) table, 20 inches (0.508 m) wide: the player plays for a distance of 4.8-6.3 m from
    the release point (0.5 m along the table) and releases at the speed that would reach it on this table's
    nominal friction, 4% off (read by a radar, 1% noise); angle -2 to 2 degrees, lateral offset +-0.2 m, the bead
    speed grade 1-6 (a higher grade, finer beads, slides faster), relative humidity 20-80%, the crown (the table's
    bow, 0-3 mm, which pushes a slow puck towards the gutters) and a light or heavy puck. The nominal friction
    mu = 0.05 - 0.004 (grade - 1) + 0.012 (RH - 0.5), x0.9 for heavy pucks, with 5% shot-to-shot scatter (uneven
    wax). Stopping distance d = v^2 / (2 mu g) from the release point; the lateral drift tan(angle) d plus a crown
    drift growing as (d / 6)^3. Zones (from the far end): the 3 zone the last 0.15 m, the 2 zone the 0.45 m before
    it, the 1 zone the 0.45 m before that (its line at 1.05 m from the end); past the end by less than the puck's
    radius (0.026 m) a hanger; further, or off the side, off the table. Returns (features (n, 8), class)."""
    ang = math.radians(4) * (torch.rand(n, generator=gen) - 0.5)
    y0 = 0.4 * (torch.rand(n, generator=gen) - 0.5)
    grade = 1 + 5 * torch.rand(n, generator=gen)
    rh = 0.2 + 0.6 * torch.rand(n, generator=gen)
    crown = 3 * torch.rand(n, generator=gen)
    heavy = (torch.rand(n, generator=gen) < 0.5).float()
    mu_table = (0.05 - 0.004 * (grade - 1) + 0.012 * (rh - 0.5)) * (1 - 0.1 * heavy)
    aim = 4.8 + 1.5 * torch.rand(n, generator=gen)  # the distance the player plays for (m)
    v = (2 * mu_table * G * aim).sqrt() * torch.exp(0.04 * torch.randn(n, generator=gen))
    mu = mu_table * torch.exp(0.05 * torch.randn(n, generator=gen))
    d = v**2 / (2 * mu * G)
    x_end = 0.5 + d  # position along the table, its far end at 6.71 m
    lat = y0 + torch.tan(ang) * d + torch.sign(y0 + 1e-3) * 0.03 * crown * (d / 6) ** 3
    end = 6.71
    over = x_end - end
    cls = torch.zeros(n, dtype=torch.long)
    cls = torch.where(over > -1.05, torch.ones_like(cls), cls)
    cls = torch.where(over > -0.60, torch.full_like(cls, 2), cls)
    cls = torch.where(over > -0.15, torch.full_like(cls, 3), cls)
    cls = torch.where(over > 0.0, torch.full_like(cls, 4), cls)
    cls = torch.where((over > 0.026) | (lat.abs() > 0.254), torch.full_like(cls, 5), cls)
    v_read = v * (1 + 0.01 * torch.randn(n, generator=gen))
    x = torch.stack([(v_read - 2.0) / 0.25, ang / 0.02, y0 / 0.115, (grade - 3.5) / 1.44, (rh - 0.5) / 0.17,
                     (crown - 1.5) / 0.87, heavy * 2 - 1, (v_read**2 - 4.0) / 1.0], 1)
    return x, cls


class ShuffleboardNet(nn.Module):
    """A plain ReLU MLP (two hidden layers) from the shot's eight features to the six resting places."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, SB_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def zone_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the resting place."""
    x, c = batch
    return F.cross_entropy(model(x), c)


def shuffleboard(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The zone classifier on 2048 logged shots; held out: 2048 other shots in batches of 1024; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(84102)
    x, c = _sb_shots(train_size + 2048, gen)
    tr = (x[:train_size], c[:train_size])
    torch.manual_seed(seed)
    return {"model": ShuffleboardNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], c[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": zone_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. horseshoe pitching: ringer and distance from the stake (Adam; short only)

HS_STYLES = 3  # 1 1/4 turn, 1 3/4 turn, flip


def _hs_pitches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pitches over 40 ft (12.19 m) from release to stake (NHPA's men's distance, from memory): release height
    0.9-1.3 m, angle 14-20 degrees, lateral aim -0.15 to 0.15 m, and the speed that would land the shoe 0.15 m
    short of the stake, 4% off; the style (1 1/4 turn, 1 3/4 turn or a flip, ~2 turns end over end) with the turns
    done in flight scattered about the nominal (sd 0.10, 0.12, 0.18 turn; the spin rate, turns over the flight
    time, as read from video), the pit's clay moisture 0-1 (wet clay stops the shoe; dry clay lets it slide).
    Flight without drag; the slide after landing (0.12 v_h)^2 / (2 mu g) with mu 0.35 + 0.5 moisture, times a
    bounce factor on dry clay; 4 cm of lateral scatter. The shoe's opening faces the stake when the turns end
    within a style-dependent tolerance of the style's target fraction. A ringer: the stake within 0.12 m of the
    shoe's centre with the opening facing it (30% of those within 0.18 m also, a lucky slide). Returns (features
    (n, 7), style, targets: (ringer, distance from the stake in feet))."""
    h0 = 0.9 + 0.4 * torch.rand(n, generator=gen)
    ang = math.radians(14) + math.radians(6) * torch.rand(n, generator=gen)
    aim = 0.3 * (torch.rand(n, generator=gen) - 0.5)
    style = torch.randint(0, HS_STYLES, (n,), generator=gen)
    nominal = torch.tensor([1.25, 1.75, 2.0])[style]
    moist = torch.rand(n, generator=gen)
    mu = 0.35 + 0.5 * moist
    # the pitcher's speed: the one that would land the shoe 0.15 m short of the stake, 4% off
    v = torch.full((n,), 12.0)
    for _ in range(6):
        vx, vz = v * torch.cos(ang), v * torch.sin(ang)
        rng = vx * (vz + (vz**2 + 2 * G * h0).sqrt()) / G
        v = v * (12.04 / rng).sqrt()
    v = v * (1 + 0.04 * torch.randn(n, generator=gen))
    vx, vz = v * torch.cos(ang), v * torch.sin(ang)
    tf = (vz + (vz**2 + 2 * G * h0).sqrt()) / G
    land = vx * tf
    turns = nominal + torch.tensor([0.10, 0.12, 0.18])[style] * torch.randn(n, generator=gen)
    spin_rate = turns / tf  # turns per second, from video
    slide = (0.12 * vx) ** 2 / (2 * mu * G) * (1 + 0.5 * torch.randn(n, generator=gen).abs() * (1 - moist))
    along = land + slide - 12.19
    lateral = aim * (1 + slide / 12.19) + 0.04 * torch.randn(n, generator=gen)
    dist = (along**2 + lateral**2).sqrt()
    frac = turns - torch.floor(turns)
    tol = torch.tensor([0.14, 0.12, 0.07])[style]
    target = torch.tensor([0.25, 0.75, 0.0])[style]
    off = (frac - target).abs()
    off = torch.minimum(off, 1 - off)
    facing = off < tol
    ringer = (dist < 0.12) & facing
    ringer = ringer | ((dist < 0.18) & facing & (torch.rand(n, generator=gen) < 0.3))
    x = torch.stack([(h0 - 1.1) / 0.115, (v - 12.85) / 0.85, (ang - math.radians(17)) / 0.03, aim / 0.087,
                     (spin_rate - 1.8) / 0.4, (moist - 0.5) / 0.29, (tf - 0.98) / 0.07], 1)
    return x, style, torch.stack([ringer.float(), dist / 0.3048], 1)


class HorseshoeNet(nn.Module):
    """An MLP with a learned embedding of the turn style (dimension 3), joined with the pitch, through two SiLU
    layers to the ringer logit and the distance."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(HS_STYLES, 3)
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor, style: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([x, self.emb(style)], 1))


def ringer_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The ringer's binary cross-entropy plus the MSE of the distance (feet)."""
    x, s, y = batch
    out = model(x, s)
    return F.binary_cross_entropy_with_logits(out[:, 0], y[:, 0]) + F.mse_loss(out[:, 1], y[:, 1])


def horseshoe(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The ringer net on 2048 charted pitches; held out: 2048 other pitches in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(84202)
    x, s, y = _hs_pitches(train_size + 2048, gen)
    tr = (x[:train_size], s[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HorseshoeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], s[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": ringer_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. hula-hoop dynamics: lock-on, phase lag and support (RAdam)


def _hh_hoops(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hoops of radius 0.35-0.55 m on a waist of radius 0.12-0.18 m gyrating on a circle of radius 0.01-0.05 m at
    1.2-2.2 Hz, a hoop-waist friction 0.3-0.8, a rolling-resistance damping 0.1-1 1/s, and an initial kick of the
    hoop 0.6-1.3 times the gyration's speed. The hoop's angle theta (its contact direction) with e = R - r:
    e theta'' = a w^2 sin(w t - theta) - c e theta' (the waist's centripetal push on the hoop; from memory of
    Belyakov and Seyranian), integrated for 8 gyrations (40 semi-implicit Euler steps a gyration). Targets: the
    hoop's mean speed over the last 2 gyrations over w (1 when locked on), the mean sin and cos of the phase lag
    w t - theta over them, and the support margin mu (e theta'^2 + a w^2 cos(lag)) / g - 1 averaged; 2% noise on
    each. Returns (scaled parameters (n, 7), targets (n, 4))."""
    big_r = 0.35 + 0.2 * torch.rand(n, generator=gen)
    r = 0.12 + 0.06 * torch.rand(n, generator=gen)
    a = 0.01 + 0.04 * torch.rand(n, generator=gen)
    f = 1.2 + 1.0 * torch.rand(n, generator=gen)
    mu = 0.3 + 0.5 * torch.rand(n, generator=gen)
    c = 0.1 + 0.9 * torch.rand(n, generator=gen)
    kick = 0.6 + 0.7 * torch.rand(n, generator=gen)
    w = 2 * math.pi * f
    e = big_r - r
    steps, cycles = 40, 8
    dt = 1.0 / (f * steps)
    th = torch.zeros(n)
    om = kick * w
    speed, sl, cl, marg = torch.zeros(n), torch.zeros(n), torch.zeros(n), torch.zeros(n)
    last = steps * 2
    for k in range(steps * cycles):
        t = k * dt
        lag = w * t - th
        acc = a * w**2 * torch.sin(lag) / e - c * om
        om = om + dt * acc
        th = th + dt * om
        if k >= steps * cycles - last:
            speed += om / w
            sl += torch.sin(lag)
            cl += torch.cos(lag)
            marg += mu * (e * om**2 + a * w**2 * torch.cos(lag)) / G - 1
    y = torch.stack([speed, sl, cl, marg], 1) / last
    y = y + 0.02 * y.abs().mean(0) * torch.randn(y.shape, generator=gen)
    x = torch.stack([(big_r - 0.45) / 0.058, (r - 0.15) / 0.017, (a - 0.03) / 0.0115, (f - 1.7) / 0.29,
                     (mu - 0.55) / 0.144, (c - 0.55) / 0.26, (kick - 0.95) / 0.2], 1)
    return x, y


class HoopNet(nn.Module):
    """A tanh MLP (three hidden layers) from the seven hoop and gyration parameters to the four targets."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def standardised_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def hula_hoop(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The hoop net on 1024 simulated hoops, targets standardised over them; held out: 2048 other hoops in batches
    of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(84302)
    x, y = _hh_hoops(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HoopNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. skipping-rope jump timing: clearance over the rope (RAdam)

JR_ROPES = 3  # beaded, PVC, speed cable


def _jr_jumps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Single-under jumps: a rope (beaded 0.09 kg/m, PVC 0.035, speed cable 0.012; drag diameters 14, 5 and 2.5 mm)
    sized to the jumper (the hand spread plus pi times the hand height, 0.85-1.1 of it), turned at 1.5-3.5 turns
    per second by hands 0.8-1.1 m high and 0.35-0.6 m apart. The rope's loop: its radius from the length left after
    the hand spread, stretched by gravity (a sag factor 1 + 0.6 tanh(g / (w^2 R))) and trailed by air drag (the
    lowest point lagging the hands by atan of the drag-to-inertia ratio 0.72 d R / (m / L); both from memory of
    Aristoff and Stone's picture, not their equations). The rope's lowest point passes under the feet at a time
    set by the lag; the feet leave the floor t_off before the hands' bottom (-0.05 to 0.25 s) at 1.0-2.0 m/s and
    fly ballistically. Targets: the clearance (cm) of the feet over the rope's lowest point when it passes (negative: a
    trip; the rope a little bouncy: 3 mm noise) and the lag angle (degrees, 0.2 degree noise). Returns (features (n,
    9), targets (n, 2))."""
    kind = torch.randint(0, JR_ROPES, (n,), generator=gen)
    lin = torch.tensor([0.09, 0.035, 0.012])[kind]
    diam = torch.tensor([0.014, 0.005, 0.0025])[kind]
    f = 1.5 + 2.0 * torch.rand(n, generator=gen)
    hand_h = 0.8 + 0.3 * torch.rand(n, generator=gen)
    spread = 0.35 + 0.25 * torch.rand(n, generator=gen)
    length = spread + math.pi * hand_h * (0.85 + 0.25 * torch.rand(n, generator=gen))  # sized to the jumper
    t_off = -0.05 + 0.3 * torch.rand(n, generator=gen)
    v0 = 1.0 + 1.0 * torch.rand(n, generator=gen)
    w = 2 * math.pi * f
    radius = (length - spread) / math.pi
    sag = 1 + 0.6 * torch.tanh(G / (w**2 * radius))
    drag = 1.2 * 0.5 * 1.2 * diam * radius / lin
    lag = torch.atan(drag)  # radians the lowest point trails the hands
    bottom = (hand_h - sag * radius * torch.cos(lag)).clamp_min(-0.2)  # the rope's lowest point (m above floor)
    t_pass = lag / w  # after the hands' bottom
    t = t_off + t_pass
    air = 2 * v0 / G
    feet = torch.where(t < air, v0 * t - 0.5 * G * t**2, torch.zeros(n)).clamp_min(0)
    clearance = 100 * (feet - bottom.clamp_min(0)) + 0.3 * torch.randn(n, generator=gen)
    lag_deg = torch.rad2deg(lag) + 0.2 * torch.randn(n, generator=gen)
    x = torch.cat([torch.stack([(length - 3.3) / 0.3, (f - 2.5) / 0.58, (hand_h - 0.95) / 0.087,
                                (spread - 0.475) / 0.072, (t_off - 0.1) / 0.087, (v0 - 1.5) / 0.29], 1),
                   F.one_hot(kind, JR_ROPES).float()], 1)
    return x, torch.stack([clearance, lag_deg], 1)


class JumpRopeNet(nn.Module):
    """A GELU MLP (two hidden layers) from the nine rope, turning and jump features to the clearance and the lag."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def jump_rope(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The jump-rope net on 1024 filmed jumps, targets standardised over them; held out: 2048 other jumps in
    batches of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(84402)
    x, y = _jr_jumps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": JumpRopeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. arm wrestling: winner and match time from a Hill-type torque duel (RAdam; long only)


def _aw_matches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Matches between two pullers, each: forearm length 0.25-0.33 m, peak isometric elbow-flexor torque 60-140 N m,
    pronator / wrist torque 10-35 N m (counted only by a toproll, the hook relying on the flexors), fatigue time
    constant 4-15 s, reaction 0.05-0.25 s, style toproll or hook. The hands' angle phi (0 upright, +-1.2 rad a pin)
    under the difference of the two torques, each Hill-type (from memory): T_max x a force-length factor of the
    elbow angle (the loser's elbow opens as phi moves towards him; peak near 90 degrees) x a force-velocity factor
    (concentric: (1 - v / v_max) / (1 + 4 v / v_max), eccentric up to 1.3) x exp(-t / tau) after the reaction, the
    leverage scaled by 0.29 / forearm length; inertia 0.15 kg m^2 and damping; a pin at +-1.2 rad ends the match; each puller's form on the day scales his torque by a lognormal factor (sd 2%) the features do not show.
    Targets: the hands' angle over the pin angle (-1 to 1; 1 the first puller's win) at 0.5, 1, 1.5, 2, 3 and 4 s,
    as read from the match video (noise 0.02). Returns (features (n, 12), targets (n, 6))."""
    def puller() -> list[torch.Tensor]:
        return [0.25 + 0.08 * torch.rand(n, generator=gen), 60 + 80 * torch.rand(n, generator=gen),
                10 + 25 * torch.rand(n, generator=gen), 4 + 11 * torch.rand(n, generator=gen),
                0.05 + 0.2 * torch.rand(n, generator=gen), (torch.rand(n, generator=gen) < 0.5).float()]

    p, q = puller(), puller()
    form_p = torch.exp(0.02 * torch.randn(n, generator=gen))  # the day's form, not in the features
    form_q = torch.exp(0.02 * torch.randn(n, generator=gen))

    def torque(s: list[torch.Tensor], form: torch.Tensor, elbow: torch.Tensor, vel: torch.Tensor,
               t: float) -> torch.Tensor:
        arm, tflex, tpro, tau, react, top = s
        fl = torch.exp(-(((elbow - 1.57) / 0.9) ** 2))
        vmax = 6.0
        fv = torch.where(vel >= 0, (1 - vel / vmax).clamp_min(0) / (1 + 4 * vel / vmax),
                         1.3 - 0.3 / (1 - 2 * vel / vmax))
        on = torch.clamp((t - react) / 0.1, 0, 1)
        tq = (tflex * fl * fv + top * tpro) * torch.exp(-(t - react).clamp_min(0) / tau) * on
        return tq * form * (0.29 / arm)

    phi = torch.zeros(n)
    om = torch.zeros(n)
    done = torch.zeros(n, dtype=torch.bool)
    dt = 0.01
    marks = {50: 0, 100: 1, 150: 2, 200: 3, 300: 4, 400: 5}
    track = torch.zeros(n, len(marks))
    for k in range(400):
        t = k * dt
        # phi > 0: towards the second puller's pin (the first puller winning); his elbow opens as phi grows
        tp = torque(p, form_p, 1.57 - phi, om, t)
        tq = torque(q, form_q, 1.57 + phi, -om, t)
        acc = (tp - tq - 8.0 * om) / 0.15
        om = torch.where(done, torch.zeros(n), om + dt * acc)
        phi = torch.where(done, phi, (phi + dt * om).clamp(-1.2, 1.2))
        done = done | (phi.abs() >= 1.2)
        if k + 1 in marks:
            track[:, marks[k + 1]] = phi
    track = track / 1.2 + 0.02 * torch.randn(track.shape, generator=gen)

    def scaled(s: list[torch.Tensor]) -> list[torch.Tensor]:
        return [(s[0] - 0.29) / 0.023, (s[1] - 100) / 23, (s[2] - 22.5) / 7.2, (s[3] - 9.5) / 3.2,
                (s[4] - 0.15) / 0.058, s[5] * 2 - 1]
    x = torch.stack(scaled(p) + scaled(q), 1)
    return x, track


class ArmWrestlingNet(nn.Module):
    """A ReLU MLP (three hidden layers) from both pullers' twelve features to the hands' angle at six times."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 6))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def match_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the hands' angle (over the pin angle) at the six times."""
    x, y = batch
    return F.mse_loss(model(x), y)


def arm_wrestling(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The match net on 8192 simulated matches; held out: 2048 other matches in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(84502)
    x, y = _aw_matches(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ArmWrestlingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": match_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. abseiling: descender friction and heating (RAdam; long only)

AB_DEVICES = 3  # figure-8, tube (ATC-style, with its carabiner), rack (5 bars)


def _ab_descents(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Descents: the load (climber and kit) 55-125 kg, the rope 8.5-11 mm, wet or dry, 0-6 years old (a glazed
    sheath: less friction), the descent speed 0.3-2.5 m/s, its height 10-80 m, the air -5 to 35 C, the device
    (wrap angles 2.3 pi, 1.6 pi and 3.0 pi, metal masses 0.10, 0.08 and 0.35 kg, from memory). The capstan law:
    T_hand = m g exp(-mu theta), mu = 0.2 (d / 10 mm)^0.8 (1 + 0.25 wet) (1 - 0.03 age) (1 - 0.0015 (T - 20) for
    the device's temperature T) (1 - 0.05 ln(1 + v)). The device heated by m g v (35% of the descent's power, the
    rest into the rope), cooled by h A (T - T_air) with the lumped time constant of its mass (aluminium, c = 900 J /
    kg K, h A 0.6 + 0.4 v W/K), water on the rope taking 40% of the heat; the temperature after the descent's time
    (its peak). Targets: the log brake-hand force at the end (N; 1% noise) and the peak temperature (C; 0.5 C
    noise). Returns (device ids, scaled conditions (n, 7), targets (n, 2))."""
    mass = 55 + 70 * torch.rand(n, generator=gen)
    d = 8.5 + 2.5 * torch.rand(n, generator=gen)
    wet = (torch.rand(n, generator=gen) < 0.3).float()
    age = 6 * torch.rand(n, generator=gen)
    v = 0.3 + 2.2 * torch.rand(n, generator=gen)
    height = 10 + 70 * torch.rand(n, generator=gen)
    t_air = -5 + 40 * torch.rand(n, generator=gen)
    dev = torch.randint(0, AB_DEVICES, (n,), generator=gen)
    wrap = torch.tensor([2.3, 1.6, 3.0])[dev] * math.pi
    dmass = torch.tensor([0.10, 0.08, 0.35])[dev]
    power = mass * G * v * 0.35 * (1 - 0.4 * wet)
    ha = 0.6 + 0.4 * v
    tau = dmass * 900 / ha
    dur = height / v
    temp = t_air + power / ha * (1 - torch.exp(-dur / tau))
    mu = (0.2 * (d / 10) ** 0.8 * (1 + 0.25 * wet) * (1 - 0.03 * age) * (1 - 0.0015 * (temp - 20)).clamp_min(0.3)
          * (1 - 0.05 * torch.log1p(v)))
    hand = mass * G * torch.exp(-mu * wrap)
    log_hand = torch.log(hand) + 0.01 * torch.randn(n, generator=gen)
    temp = temp + 0.5 * torch.randn(n, generator=gen)
    cond = torch.stack([(mass - 90) / 20, (d - 9.75) / 0.72, wet * 2 - 1, (age - 3) / 1.73, (v - 1.4) / 0.64,
                        (height - 45) / 20, (t_air - 15) / 11.5], 1)
    return dev, cond, torch.stack([log_hand, temp], 1)


class DescenderNet(nn.Module):
    """An MLP with a learned embedding of the device (dimension 4), joined with the descent, through two SiLU
    layers to the two targets."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(AB_DEVICES, 4)
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, dev: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(dev), cond], 1))


def descender_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log brake force and peak temperature."""
    dev, cond, y = batch
    return F.mse_loss(model(dev, cond), y)


def abseiling(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The descender net on 8192 logged descents, targets standardised over them; held out: 2048 other descents in
    batches of 1024; RAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(84602)
    dev, cond, y = _ab_descents(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (dev[:train_size], cond[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DescenderNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((dev[train_size:], cond[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": descender_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("shuffleboard_nesterov", shuffleboard, 300, "table_shuffleboard_resting_zone_mlp", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=0.12, start_lr=0.2),
    W("horseshoe_adam", horseshoe, 300, "horseshoe_pitching_ringer_distance_mlp", "adam", "finite", 32,
      seconds=0.2, start_lr=0.064),
    W("hula_hoop_radam", hula_hoop, 300, "hula_hoop_lock_on_phase_mlp", "radam", "finite", 32, seconds=0.2,
      start_lr=0.064),
    W("jump_rope_radam", jump_rope, 300, "skipping_rope_jump_clearance_mlp", "radam", "finite", 32, seconds=0.2,
      start_lr=0.064),
)
LONG = (
    W("arm_wrestling_radam@long", arm_wrestling, 3000, "arm_wrestling_hill_torque_duel_mlp", "radam", "finite", 32,
      seconds=2.6, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("abseiling_radam@long", abseiling, 3000, "abseil_descender_capstan_heat_mlp", "radam", "finite", 32,
      seconds=2.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("hula_hoop_radam@long", hula_hoop, 3000, "hula_hoop_lock_on_phase_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=2.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="hula_hoop_radam"),
    W("jump_rope_radam@long", jump_rope, 3000, "skipping_rope_jump_clearance_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=1.9, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="jump_rope_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam84_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-fourth exam's workloads")
