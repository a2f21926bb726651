"""The sixty-fourth exam: six more workload families that neither the suite nor exams 1-62 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam62_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from skateboarding and skatepark
design, ten-pin bowling, vinyl record mastering and disc cutting, falconry and raptor flight, wood stoves and
residential biomass heating, and kayaking and canoe paddling (exam 63 was built at the same time from other domains;
its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam64/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime). Every model and field
convention here is the author's memory, not checked against published code:

- skatepark transition design, a ride surrogate: an MLP from a quarter pipe's geometry (transition radius and
  height, vert extension), the approach speed, the skater (mass, centre-of-mass height, how hard they pump) and the
  wheels (durometer, so rolling resistance) to the height the skater reaches above the flat bottom and the peak g
  in the transition; the rides from an energy balance along the arc (rolling resistance under the centripetal
  load, air drag, the pump as angular-momentum conservation when the skater stands up at the bottom), then the
  vert and the air above the coping; MSE of the standardised (log height, peak g); Adam (torch's defaults)
- ten-pin bowling lane play: a small CNN reads the lane's oil pattern (16 distance bins x 13 board groups, as a
  pattern sheet's volume per zone) and joins it with the release (speed, rev rate, axis rotation, launch angle,
  starting board, the ball's coverstock and radius of gyration) to predict the ball's board at six distances and
  its entry angle at the pins; the paths from a sliding-and-rolling ball simulation (friction from the local oil
  against the contact point's slip velocity, and its torque on the ball: skid, hook and roll phases); MSE of the
  standardised board positions and entry angle; SGD with Nesterov momentum 0.9
- vinyl disc cutting, a groove-excursion estimator: a 1D CNN over 256 samples (at 2 kHz) of the left and right
  bass channels predicts the peak lateral and vertical excursion of the cutting stylus (the mastering engineer's
  "will it fit at this level and pitch" question); the excursions computed exactly from the multitone signal:
  mid -> lateral, side -> vertical, the RIAA recording pre-emphasis (3180 / 318 / 75 us), velocity integrated to
  displacement; MSE of the log peaks; Adamax (torch's defaults)
- raptor soaring, Pennycuick's flight mechanics: an MLP from a bird's mass, span, wing area and body drag
  coefficient, the air density and the thermal's core strength and radius to the best climb rate in the thermal
  (maximised over bank angle and airspeed above stall, a Gaussian thermal) and the best straight glide ratio;
  MSE of the standardised outputs; NAdam (torch's defaults)
- wood-stove burn cycles (a long plan only): a GRU reads an 8-step burn log (12-minute steps: primary and
  secondary air settings, reload mass, fuel moisture, outdoor temperature, the firebox temperature at the start)
  and predicts the flue gas temperature and the log CO concentration at each step; the burns from a lumped model
  (volatiles and char, a firebox and a stove-body temperature, air-limited char burning, CO rising when the
  firebox is cold or starved); MSE; RMSprop (torch's alpha 0.99)
- sprint kayak stroke hydrodynamics (a long plan only): an MLP from a stroke's paddle force curve (24 samples of
  one side's stroke), the stroke rate, the boat-and-paddler mass, the boat class, the blade type and the boat's
  drag coefficient to the boat's velocity over the stroke at 24 phases, in the periodic steady state of
  m dv/dt = eta F(t) - k v^2 (with the blade's slip efficiency); MSE of the velocity in m/s; AdamW with weight
  decay 1e-2 (torch's default)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the wood stove and the
kayak (no short plans), the skatepark surrogate on 16384 rides instead of 2048 and the raptor net on 8192
birds-and-thermals instead of 2048.

Of the eight plans, two use Adam (both skatepark plans), one SGD with Nesterov momentum (bowling), one Adamax
(vinyl), two NAdam (both raptor plans), one RMSprop (wood stove) and one AdamW (kayak).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam64_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam64/README.md).

    python benchmarks/exam64_workloads.py          # the table
    python benchmarks/exam64_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 64"
G = 9.81


# --------------------------------------------------------------------------------------------------------------
# 1. skatepark transition design: a ride surrogate (Adam)


def _sk_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rides up a quarter pipe: transition radius 1.5-4 m, transition height 0.5-1 of the radius (the lip angle
    from it), vert extension 0-0.6 m (only on full-radius transitions), flat-bottom speed 3-7.5 m/s, skater mass
    45-95 kg, centre-of-mass height 0.6-1.0 m above the board, pump 0-0.2 m (how far the skater stands up at the
    bottom), wheel durometer 78a-101a (rolling resistance 0.02 falling to 0.006), frontal CdA 0.35-0.6 m2. The
    speed along the arc (16 segments) loses rolling resistance under the normal load m (g cos + v^2 / R) and air
    drag, gains the pump (the centre of mass's speed scaled by (R - h / 2) / (R - h / 2 - pump), angular momentum about
    the transition's centre, less the work against gravity) in the first segment, and climbs. Reached height: the
    transition and vert plus the air above the lip (the vertical part of the lip speed), or where the speed runs
    out. Peak g: 1 + v^2 / (g R) at the bottom after the pump. Noise 2% (a video-measured height) and 0.02 g.
    Returns (scaled inputs (n, 9), (log height, peak g))."""
    r = 1.5 + 2.5 * torch.rand(n, generator=gen)
    frac = 0.5 + 0.5 * torch.rand(n, generator=gen)
    full = torch.rand(n, generator=gen) < 0.4
    frac = torch.where(full, torch.ones(n), frac)
    vert = torch.where(full, 0.6 * torch.rand(n, generator=gen), torch.zeros(n))
    v0 = 3 + 4.5 * torch.rand(n, generator=gen)
    mass = 45 + 50 * torch.rand(n, generator=gen)
    h = 0.6 + 0.4 * torch.rand(n, generator=gen)
    pump = 0.2 * torch.rand(n, generator=gen)
    duro = 78 + 23 * torch.rand(n, generator=gen)
    cda = 0.35 + 0.25 * torch.rand(n, generator=gen)
    crr = 0.006 + 0.014 * ((101 - duro) / 23) ** 1.5
    lip = torch.acos(1 - frac)  # the lip angle from horizontal
    rc = r - 0.5 * h  # the crouched centre of mass's arc radius (the skater stands normal to the surface)
    e = 0.5 * v0**2  # kinetic energy per kg
    e = e - crr * G * 1.0 - 0.5 * 1.2 * cda / mass * v0**2 * 1.0  # 1 m of flat bottom before the transition
    steps = 16
    dth = lip / steps
    peak = torch.zeros(n)
    stopped = torch.zeros(n, dtype=torch.bool)
    height = torch.zeros(n)
    for k in range(steps):
        th = (k + 0.5) * dth
        if k == 0:
            v = (2 * e).clamp_min(0).sqrt()
            vp = v * rc / (rc - pump)
            e = 0.5 * vp**2 - G * pump
            peak = 1 + vp**2 / (G * r)
        v2 = (2 * e).clamp_min(0)
        ds = r * dth
        normal = G * torch.cos(th) + v2 / r
        de = (crr * normal * ds + 0.5 * 1.2 * cda / mass * v2 * ds
              + G * r * (torch.cos(th - dth / 2) - torch.cos(th + dth / 2)))
        e_new = e - de
        # where the speed runs out inside this segment: the height where kinetic energy hits zero
        run_out = (e_new <= 0) & ~stopped
        h_here = r * (1 - torch.cos(th - dth / 2)) + (e / G).clamp_min(0) * (1 - 0.3 * (e_new < 0).float())
        height = torch.where(run_out, torch.minimum(h_here, r * (1 - torch.cos(th + dth / 2))), height)
        stopped = stopped | run_out
        e = torch.where(stopped, torch.zeros(n), e_new)
    top = r * frac
    e_vert = e - G * vert
    v_lip2 = (2 * e).clamp_min(0)
    air_lip = v_lip2 * torch.sin(lip) ** 2 / (2 * G)  # a launch off a partial transition
    h_reach = torch.where(vert > 0, torch.where(e_vert > 0, top + vert + e_vert / G, top + e / G), top + air_lip)
    height = torch.where(stopped, height, h_reach).clamp_min(0.05)
    height = height * torch.exp(0.02 * torch.randn(n, generator=gen))
    peak = peak + 0.02 * torch.randn(n, generator=gen)
    x = torch.stack([(r - 2.75) / 0.72, (frac - 0.8) / 0.2, vert / 0.2, (v0 - 5.25) / 1.3, (mass - 70) / 14.4,
                     (h - 0.8) / 0.12, pump / 0.058, (duro - 89.5) / 6.6, (cda - 0.475) / 0.072], 1)
    return x, torch.stack([torch.log(height), peak], 1)


class TransitionRideNet(nn.Module):
    """A ride surrogate for a skatepark designer: a ReLU MLP 9-64-64-2 to (log height reached, peak g)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def ride_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised (log height, peak g)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def skatepark_ride(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The ride surrogate on 2048 simulated rides, targets standardised over them; held out: 2048 other rides in
    batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(64102)
    x, y = _sk_rides(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TransitionRideNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": ride_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. ten-pin bowling: ball path from the oil pattern and the release (SGD, Nesterov momentum)

BW_ROWS, BW_COLS = 16, 13  # oil pattern: 16 distance bins over 60 ft, 13 groups of 3 boards
BW_LANE, BW_WIDTH, BW_BOARD = 18.29, 1.066, 1.066 / 39
BW_MARKS = (15, 25, 35, 45, 55, 60)  # feet from the foul line


def _bw_patterns(n: int, gen: torch.Generator) -> torch.Tensor:
    """Oil patterns as a pattern sheet's relative volume per zone: a pattern length of 32-47 ft with a taper over
    the last 4-8 ft, a crown (more oil in the middle boards than outside: ratio 2:1 to 10:1 from the width of the
    crown), and carry-down / breakdown: a worn track (boards 7-13) with 0-60% less oil in the front part."""
    x = (torch.arange(BW_ROWS).float() + 0.5) / BW_ROWS * 60  # ft
    y = (torch.arange(BW_COLS).float() * 3 + 2)  # board at the group's centre
    length = 32 + 15 * torch.rand(n, 1, 1, generator=gen)
    taper = 4 + 4 * torch.rand(n, 1, 1, generator=gen)
    along = torch.sigmoid((length - x.view(1, -1, 1)) / (taper / 4))
    ratio = 2 + 8 * torch.rand(n, 1, 1, generator=gen)
    crown = 6 + 8 * torch.rand(n, 1, 1, generator=gen)
    across = 1 / ratio + (1 - 1 / ratio) * torch.exp(-(((y.view(1, 1, -1) - 20) / crown) ** 2))
    wear = 0.6 * torch.rand(n, 1, 1, generator=gen)
    track = ((y >= 6) & (y <= 14)).float().view(1, 1, -1) * (x < 40).float().view(1, -1, 1)
    return along * across * (1 - wear * track)


def _bw_paths(oil: torch.Tensor, rel: dict[str, torch.Tensor], gen: torch.Generator) -> torch.Tensor:
    """The ball rolled down the lane (dt 10 ms): a 7 kg ball of radius 0.108 m with inertia m RG^2; at the contact
    point the slip velocity is v + omega x r; kinetic friction mu (0.04 on full oil, 0.22 dry, times the
    coverstock's factor) opposes it, slows and turns the ball and spins the rotation towards rolling. Returns the
    board (from the right gutter) at the six marks and the entry angle (degrees) at 60 ft, with tracking noise of
    0.3 boards and 0.2 degrees."""
    n = oil.shape[0]
    rad, m = 0.108, 7.0
    inertia = m * rel["rg"] ** 2
    x = torch.zeros(n)
    y = rel["board"] * BW_BOARD
    ang = torch.deg2rad(rel["launch"])
    vx, vy = rel["speed"] * torch.cos(ang), rel["speed"] * torch.sin(ang)
    w = rel["revs"] * 2 * math.pi / 60
    axis = torch.deg2rad(rel["axis"])
    wy = w * torch.cos(axis)  # forward roll about the lane's cross axis
    wx = -w * torch.sin(axis)  # side roll: the hook towards higher boards (left for a right-hander)
    marks = torch.tensor(BW_MARKS).float() * 0.3048
    out = torch.zeros(n, len(BW_MARKS))
    angle = torch.zeros(n)
    done = torch.zeros(n, dtype=torch.bool)
    rows = torch.arange(n)
    dt = 0.01
    for _ in range(400):
        ri = (x / BW_LANE * BW_ROWS).long().clamp(0, BW_ROWS - 1)
        ci = (y / BW_BOARD / 3).long().clamp(0, BW_COLS - 1)
        mu = (0.09 - 0.07 * oil[rows, ri, ci].clamp(0, 1)) * rel["cover"]
        ux, uy = vx - rad * wy, vy + rad * wx
        slip = (ux**2 + uy**2).sqrt()
        sliding = slip > 0.02
        fx = torch.where(sliding, -mu * m * G * ux / slip.clamp_min(1e-6), torch.zeros(n))
        fy = torch.where(sliding, -mu * m * G * uy / slip.clamp_min(1e-6), torch.zeros(n))
        # a rolling ball: friction only keeps it rolling (a small rolling resistance)
        fx = torch.where(sliding, fx, -0.01 * m * G * torch.ones(n))
        x_new = x + vx * dt
        for j, mk in enumerate(marks.tolist()):
            hit = (x < mk) & (x_new >= mk)
            out[:, j] = torch.where(hit, (y + vy * dt * (mk - x) / (vx * dt)) / BW_BOARD, out[:, j])
            if j == len(BW_MARKS) - 1:
                angle = torch.where(hit, torch.rad2deg(torch.atan2(vy, vx)), angle)
                done = done | hit
        x, y = x_new, y + vy * dt
        vx, vy = vx + fx / m * dt, vy + fy / m * dt
        wy = torch.where(sliding, wy - rad * fx / inertia * dt, vx / rad)
        wx = torch.where(sliding, wx + rad * fy / inertia * dt, -vy / rad)
        if bool(done.all()):
            break
    out = out + 0.3 * torch.randn(out.shape, generator=gen)
    angle = angle + 0.2 * torch.randn(n, generator=gen)
    return torch.cat([out, angle.unsqueeze(1)], 1)


def _bw_data(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Releases: speed 7-9.5 m/s at the foul line, 250-500 rpm, axis rotation 20-70 degrees, launch angle -3 to
    +0.5 degrees (out towards the gutter), starting board 12-28, coverstock friction factor 0.75-1.25 (polished
    urethane to sanded reactive solid), radius of gyration 0.063-0.066 m. Returns (oil (n, 1, 16, 13), scaled as
    (volume - 0.4) / 0.3, scaled release (n, 7), targets ((boards at six marks - 20) / 5, entry angle / 2))."""
    oil = _bw_patterns(n, gen)
    rel = {"speed": 7 + 2.5 * torch.rand(n, generator=gen), "revs": 250 + 250 * torch.rand(n, generator=gen),
           "axis": 20 + 50 * torch.rand(n, generator=gen), "launch": -3.5 + 3.5 * torch.rand(n, generator=gen),
           "board": 12 + 16 * torch.rand(n, generator=gen), "cover": 0.75 + 0.5 * torch.rand(n, generator=gen),
           "rg": 0.063 + 0.003 * torch.rand(n, generator=gen)}
    path = _bw_paths(oil, rel, gen)
    feats = torch.stack([(rel["speed"] - 8.25) / 0.72, (rel["revs"] - 375) / 72, (rel["axis"] - 45) / 14.4,
                         (rel["launch"] + 1.75) / 1.0, (rel["board"] - 20) / 4.6, (rel["cover"] - 1) / 0.144,
                         (rel["rg"] - 0.0645) / 0.00087], 1)
    y = torch.cat([(path[:, :6] - 20) / 5, path[:, 6:] / 2], 1)
    return ((oil - 0.4) / 0.3).unsqueeze(1), feats, y


class LanePlayNet(nn.Module):
    """A conv encoder of the oil pattern (3x3 convolutions of 8 and 16 channels, the second with stride 2, leaky
    ReLU with slope 0.1) joined with the release through two ReLU layers of 64 to the seven outputs."""

    def __init__(self, width: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.LeakyReLU(0.1),
                                  nn.Conv2d(width, 2 * width, 3, stride=2, padding=1), nn.LeakyReLU(0.1), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * 8 * 7 + 7, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                  nn.ReLU(), nn.Linear(hidden, 7))

    def forward(self, oil: torch.Tensor, rel: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.conv(oil), rel], 1))


def path_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised boards and entry angle."""
    oil, rel, y = batch
    return F.mse_loss(model(oil, rel), y)


def bowling_lane(batch_size: int = 32, seed: int = 0, train_size: int = 1024) -> dict[str, Any]:
    """The lane-play net on 1024 simulated shots, targets standardised over them; held out: 1024 other shots in
    batches of 512; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(64202)
    o, r, y = _bw_data(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (o[:train_size], r[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LanePlayNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((o[train_size:], r[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": path_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. vinyl disc cutting: peak groove excursion from the bass (Adamax)

VC_RATE, VC_LEN = 2000.0, 256


def _riaa_record_gain(f: torch.Tensor) -> torch.Tensor:
    """The RIAA recording curve's magnitude (the inverse of the playback curve with time constants 3180, 318 and
    75 us), 1 at 1 kHz."""

    def play(freq: torch.Tensor) -> torch.Tensor:
        w = 2 * math.pi * freq
        return (1 + (w * 318e-6) ** 2).sqrt() / ((1 + (w * 3180e-6) ** 2).sqrt() * (1 + (w * 75e-6) ** 2).sqrt())

    return play(torch.tensor(1000.0)) / play(f)


def _vc_blocks(n: int, gen: torch.Generator, tones: int = 5, spread: float = 1.7) -> tuple[torch.Tensor, torch.Tensor]:
    """Bass-heavy programme blocks of 128 ms at 2 kHz: 5 tones, log-uniform 30-700 Hz, levels falling with
    frequency (a programme's pink-ish spectrum) with 30 dB of spread, each panned (left-right gain) and with an
    inter-channel phase offset (out-of-phase bass cuts vertically), plus a little broadband noise. Excursion: the
    mid (L + R) / 2 drives the lateral, the side (L - R) / 2 the vertical; each tone's velocity is scaled by the
    RIAA recording gain, its displacement by 1 / (2 pi f); the peaks over the block of the summed displacements (for
    the block cut at a reference peak level; the vertical with a floor of 0.02, as mono bass has none), 2% noise.
    Returns (signals (n, 2, 256), log peaks (n, 2))."""
    t = torch.arange(VC_LEN).float() / VC_RATE
    f = torch.exp(math.log(30) + (math.log(700) - math.log(30)) * torch.rand(n, tones, generator=gen))
    level = torch.exp(-0.6 * torch.log(f / 30) + spread * torch.randn(n, tones, generator=gen))
    phase = 2 * math.pi * torch.rand(n, tones, generator=gen)
    pan = torch.rand(n, tones, generator=gen)
    dphi = torch.where(torch.rand(n, tones, generator=gen) < 0.3, math.pi * torch.rand(n, tones, generator=gen),
                       0.2 * torch.randn(n, tones, generator=gen))
    arg = 2 * math.pi * f.unsqueeze(2) * t.view(1, 1, -1) + phase.unsqueeze(2)
    left = (level * (1 - pan)).unsqueeze(2) * torch.sin(arg)
    right = (level * pan).unsqueeze(2) * torch.sin(arg + dphi.unsqueeze(2))
    sig = torch.stack([left.sum(1), right.sum(1)], 1)
    scale = sig.abs().amax((1, 2), keepdim=True)
    sig = sig / scale  # the block normalised to its peak: the excursions below are those of a cut at that level
    gain = _riaa_record_gain(f) / (2 * math.pi * f / 100)
    # displacement: a sine's integral is a cosine, so each tone's phase moves back 90 degrees
    argd = arg - math.pi / 2
    dl = (gain * level * (1 - pan)).unsqueeze(2) * torch.sin(argd)
    dr = (gain * level * pan).unsqueeze(2) * torch.sin(argd + dphi.unsqueeze(2))
    lat, ver = dl + dr, dl - dr
    peak_l = (lat.sum(1) / 2).abs().amax(1) / scale.view(-1)
    peak_v = (ver.sum(1) / 2).abs().amax(1) / scale.view(-1)
    sig = sig + 0.01 * torch.randn(sig.shape, generator=gen)
    y = torch.stack([torch.log(peak_l), torch.log(peak_v + 0.02)], 1)
    y = y + 0.02 * torch.randn(y.shape, generator=gen)
    return sig, y


class ExcursionCNN(nn.Module):
    """A 1D CNN: four convolutions (kernel 9, stride 2, 16-32-32-32 channels, ReLU), global max and mean pooling,
    a dense layer to the two log peaks."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, width, 9, stride=2, padding=4), nn.ReLU(),
                                  nn.Conv1d(width, 2 * width, 9, stride=2, padding=4), nn.ReLU(),
                                  nn.Conv1d(2 * width, 2 * width, 9, stride=2, padding=4), nn.ReLU(),
                                  nn.Conv1d(2 * width, 2 * width, 9, stride=2, padding=4), nn.ReLU())
        self.head = nn.Linear(4 * width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv(x)
        return self.head(torch.cat([h.amax(2), h.mean(2)], 1))


def excursion_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log peak lateral and vertical excursions."""
    x, y = batch
    return F.mse_loss(model(x), y)


def vinyl_excursion(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16, tones: int = 5,
                    spread: float = 1.7) -> dict[str, Any]:
    """The excursion CNN on 4096 programme blocks; held out: 1024 other blocks in batches of 512; Adamax."""
    gen = torch.Generator().manual_seed(64302)
    x, y = _vc_blocks(train_size + 1024, gen, tones, spread)
    y = y - y[:train_size].mean(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ExcursionCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": excursion_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. raptor soaring with Pennycuick's flight mechanics (NAdam)


def _rp_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Birds and thermals: mass 0.15-6 kg (log-uniform: kestrel to golden eagle), span 1.1 m x mass^0.36 and wing
    area 0.11 m2 x mass^0.64 (raptor-like allometry, each +-15%), body drag coefficient 0.1-0.4 on Pennycuick's
    body frontal area 0.00813 mass^(2/3), profile drag coefficient 0.014, induced factor 1.1, maximum lift
    coefficient 1.6; air density 0.9-1.225 kg/m3; a Gaussian thermal of core strength 1-5 m/s and radius 30-150 m.
    Sink in a circle at bank b and airspeed V: induced power k (m g / cos b)^2 / (2 rho (pi span^2 / 4) V) plus
    parasite and profile power over m g; circle radius V^2 / (g tan b); climb = thermal at that radius - sink,
    maximised over 12 banks (5-60 degrees) and 16 speeds above the stall speed at that bank. Best glide ratio: the
    straight glide's best V / sink over 32 speeds. Noise 0.03 m/s and 1% (a logger's climb and a
    glide-polar fit). Returns (scaled inputs (n, 7), (best
    climb m/s, log best glide ratio))."""
    lm = math.log(0.15) + (math.log(6) - math.log(0.15)) * torch.rand(n, generator=gen)
    m = lm.exp()
    span = 1.1 * m**0.36 * (0.85 + 0.3 * torch.rand(n, generator=gen))
    area = 0.11 * m**0.64 * (0.85 + 0.3 * torch.rand(n, generator=gen))
    cdb = 0.1 + 0.3 * torch.rand(n, generator=gen)
    rho = 0.9 + 0.325 * torch.rand(n, generator=gen)
    wc = 1 + 4 * torch.rand(n, generator=gen)
    rt = 30 + 120 * torch.rand(n, generator=gen)
    sb = 0.00813 * m ** (2 / 3)
    disk = math.pi * span**2 / 4
    weight = m * G

    def sink(v: torch.Tensor, bank: torch.Tensor) -> torch.Tensor:  # v (n, ...), bank broadcast
        lift = weight.view(-1, 1, 1) / torch.cos(bank)
        p_ind = 1.1 * lift**2 / (2 * rho.view(-1, 1, 1) * disk.view(-1, 1, 1) * v)
        p_par = 0.5 * rho.view(-1, 1, 1) * v**3 * (sb * cdb + area * 0.014).view(-1, 1, 1)
        return (p_ind + p_par) / weight.view(-1, 1, 1)

    bank = torch.deg2rad(torch.linspace(5, 60, 12)).view(1, -1, 1)
    v_stall = (2 * weight.view(-1, 1, 1) / (rho.view(-1, 1, 1) * area.view(-1, 1, 1) * 1.6 * torch.cos(bank))).sqrt()
    v = v_stall * (1.02 + 0.8 * torch.linspace(0, 1, 16).view(1, 1, -1))
    radius = v**2 / (G * torch.tan(bank))
    up = wc.view(-1, 1, 1) * torch.exp(-((radius / rt.view(-1, 1, 1)) ** 2))
    climb = (up - sink(v, bank)).amax((1, 2))
    vs1 = v_stall[:, :1, :1] * (1.02 + 2.5 * torch.linspace(0, 1, 32).view(1, 1, -1))
    glide = (vs1 / sink(vs1, torch.zeros(1, 1, 1))).amax((1, 2))
    climb = climb + 0.03 * torch.randn(n, generator=gen)
    glide = glide * torch.exp(0.01 * torch.randn(n, generator=gen))
    x = torch.stack([(lm - 0.13) / 1.06, (span / (1.1 * m**0.36) - 1) / 0.087, (area / (0.11 * m**0.64) - 1) / 0.087,
                     (cdb - 0.25) / 0.087, (rho - 1.06) / 0.094, (wc - 3) / 1.15, (rt - 90) / 34.6], 1)
    return x, torch.stack([climb, torch.log(glide)], 1)


class SoaringNet(nn.Module):
    """A SiLU MLP 7-64-64-64-2 from the bird, the air and the thermal to (best climb, log best glide ratio)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def soaring_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised best climb and log best glide ratio."""
    x, y = batch
    return F.mse_loss(model(x), y)


def raptor_soaring(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The soaring net on 2048 bird-and-thermal cases, targets standardised over them; held out: 2048 other cases
    in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(64402)
    x, y = _rp_cases(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SoaringNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": soaring_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. wood-stove burn cycles: flue temperature and CO from a burn log (RMSprop; long only)

WS_STEPS = 8


def _ws_burns(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """96-minute burn logs in 12-minute steps (12 one-minute sub-steps each). Controls: primary air 0.1-1 and
    secondary air 0-1, each changed with a 20% chance a step; reloads of 1.5-4 kg of split logs at the start and with
    a 15% chance a step, the first onto a bed of about 0.2-1.2 kg of coals (more in a hotter firebox) in a firebox
    at 250-600 C; fuel moisture 10-30% (per burn); outdoor temperature -15 to 12 C. State: volatile and char mass,
    firebox and stove-body temperatures. Volatiles are released at a rate rising with the firebox temperature (and
    slowed by moisture, which also takes heat to evaporate); char burns at a rate limited by primary air; the heat
    goes to the firebox, which loses it to the flue gas (more air, more dilution) and the stove body, which heats the
    room. Flue temperature: a mix of the firebox temperature and the air; CO: high when the firebox is cold or the
    air starved, falling with secondary air. Noise 5 C and 0.1 on the log. The firebox thermometer's reading at the
    start (+-20 C) is an input at every step. Returns (inputs (n, 8, 6), (flue C / 100, log CO ppm / 2) (n, 8, 2))."""
    def schedule(lo: float, hi: float) -> torch.Tensor:
        v = lo + (hi - lo) * torch.rand(n, 1, generator=gen)
        out = [v.squeeze(1)]
        for _ in range(1, WS_STEPS):
            change = torch.rand(n, generator=gen) < 0.2
            v = torch.where(change.unsqueeze(1), lo + (hi - lo) * torch.rand(n, 1, generator=gen), v)
            out.append(v.squeeze(1))
        return torch.stack(out, 1)

    prim = schedule(0.1, 1.0)
    sec = schedule(0.0, 1.0)
    reload = torch.where(torch.rand(n, WS_STEPS, generator=gen) < 0.15,
                         1.5 + 2.5 * torch.rand(n, WS_STEPS, generator=gen), torch.zeros(n, WS_STEPS))
    reload[:, 0] = 1.5 + 2.5 * torch.rand(n, generator=gen)
    moist = 0.1 + 0.2 * torch.rand(n, generator=gen)
    t_out = -15 + 27 * torch.rand(n, generator=gen)
    vol = torch.zeros(n)
    t_fb = 250 + 350 * torch.rand(n, generator=gen)
    char = 0.2 + 0.8 * (t_fb - 250) / 350 * (0.8 + 0.4 * torch.rand(n, generator=gen))  # the bed of coals
    wet = torch.zeros(n)
    t0 = t_fb + 20 * torch.randn(n, generator=gen)
    t_body = 20 + 0.5 * (t_fb - 20)
    flue, co = [], []
    for s in range(WS_STEPS):
        vol = vol + 0.8 * reload[:, s]
        char = char + 0.0 * reload[:, s]
        wet = wet + moist / (1 - moist) * reload[:, s]
        a1, a2 = prim[:, s], sec[:, s]
        for _ in range(12):
            dt = 1.0  # minute
            dry = (0.05 * wet * torch.sigmoid((t_fb - 100) / 30)).clamp(max=wet)
            rv = 0.04 * vol * torch.sigmoid((t_fb - 150) / 60) * (0.3 + a1) / (1 + 3 * wet / (vol + 0.1))
            rv = torch.minimum(rv, vol)
            rc = torch.minimum(0.06 * char * a1 * torch.sigmoid((t_fb - 250) / 80), char)
            burn_frac = (0.5 + 0.5 * torch.tanh(2 * (a1 + a2) - 0.8)) * torch.sigmoid((t_fb - 200) / 50)
            q = 15000 * rv * burn_frac + 30000 * rc - 2500 * dry  # kJ per minute
            vol = vol - rv
            char = char + 0.25 * rv - rc
            wet = wet - dry
            flow = 0.05 + 0.15 * a1 + 0.1 * a2  # air, kg per minute
            t_fb = t_fb + dt * (q - flow * 1.1 * (t_fb - t_out) - 1.0 * (t_fb - t_body)) / 25
            t_body = t_body + dt * (1.0 * (t_fb - t_body) - 1.2 * (t_body - 21)) / 120
            t_fb = t_fb.clamp(min=0, max=1100)
        f_t = 21 + 0.6 * (t_fb - 21) / (1 + 2 * flow) + 0.1 * (t_body - 21)
        starved = F.relu(0.6 - a1 - 0.5 * a2)
        log_co = (math.log(200) + 3.0 * torch.sigmoid((450 - t_fb) / 80) * (rv > 1e-3).float()
                  + 2.0 * starved - 0.8 * a2 + torch.log1p(10 * rv))
        flue.append(f_t)
        co.append(log_co)
    flue_t = torch.stack(flue, 1) + 5 * torch.randn(n, WS_STEPS, generator=gen)
    co_t = torch.stack(co, 1) + 0.1 * torch.randn(n, WS_STEPS, generator=gen)
    x = torch.stack([prim, sec, reload / 2, ((moist - 0.2) / 0.058).unsqueeze(1).expand(-1, WS_STEPS),
                     ((t_out + 1.5) / 7.8).unsqueeze(1).expand(-1, WS_STEPS),
                     ((t0 - 425) / 100).unsqueeze(1).expand(-1, WS_STEPS)], 2)
    y = torch.stack([flue_t / 100, co_t / 2], 2)
    return x, y


class StoveGRU(nn.Module):
    """A one-layer GRU (hidden 24) over the burn log and a linear read-out at each step."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.gru = nn.GRU(6, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0])


def stove_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of flue C / 100 and log CO / 2 over every step."""
    x, y = batch
    return F.mse_loss(model(x), y)


def wood_stove(batch_size: int = 16, seed: int = 0, train_size: int = 2048, hidden: int = 24) -> dict[str, Any]:
    """The stove GRU on 2048 burn logs, targets centred over them; held out: 512 other burns in batches of 256;
    RMSprop."""
    gen = torch.Generator().manual_seed(64502)
    x, y = _ws_burns(train_size + 512, gen)
    y = y - y[:train_size].mean((0, 1))
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StoveGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 256),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": stove_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. sprint kayak stroke hydrodynamics: the boat's velocity over a stroke (AdamW; long only)

KY_PTS = 24


def _ky_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Strokes: rate 60-130 strokes a minute (each side's stroke counted), the blade force a skewed bell
    (peak 120-350 N, in the water for 55-80% of the stroke, the peak early or late), boat-and-paddler mass 85-115
    kg (plus 10% added water mass), boat class K1 or C1 (drag k 2.6-3.4 or 3.2-4.2 N / (m/s)^2), wing or flat blade
    (slip efficiency 0.82-0.84 or 0.74-0.76); the drag coefficient (from a tow test) is an input. m dv/dt = eta F(t)
    - k v^2 integrated (72 sub-steps a stroke) from
    4 m/s for 10 strokes; the last stroke's velocity at 24 phases (the steady state), noise 0.01 m/s. Returns
    (inputs (n, 29), velocity (n, 24))."""
    rate = 60 + 70 * torch.rand(n, generator=gen)
    period = 60 / rate
    peak = 120 + 230 * torch.rand(n, generator=gen)
    duty = 0.55 + 0.25 * torch.rand(n, generator=gen)
    skew = 1.2 + 2.0 * torch.rand(n, generator=gen)
    mass = 85 + 30 * torch.rand(n, generator=gen)
    c1 = torch.rand(n, generator=gen) < 0.5
    k = torch.where(c1, 3.2 + 1.0 * torch.rand(n, generator=gen), 2.6 + 0.8 * torch.rand(n, generator=gen))
    wing = torch.rand(n, generator=gen) < 0.5
    eta = torch.where(wing, 0.82 + 0.02 * torch.rand(n, generator=gen), 0.74 + 0.02 * torch.rand(n, generator=gen))

    def force(phase: torch.Tensor) -> torch.Tensor:  # phase in [0, 1) of the stroke, (n, m)
        u = (phase / duty.unsqueeze(1)).clamp(0, 1)
        a = skew.unsqueeze(1)
        shape = u ** (a - 1) * (1 - u) ** (3.2 - a) * (phase < duty.unsqueeze(1)).float()
        return shape

    grid = (torch.arange(KY_PTS).float() / KY_PTS).unsqueeze(0).expand(n, -1)
    fine = torch.linspace(0, 1, 201)[:-1].unsqueeze(0).expand(n, -1)
    norm = force(fine).amax(1).clamp_min(1e-6)
    sub = 3 * KY_PTS
    v = torch.full((n,), 4.0)
    rec = torch.zeros(n, KY_PTS)
    me = 1.1 * mass
    for stroke in range(10):
        for j in range(sub):
            ph = torch.full((n, 1), (j + 0.5) / sub)
            fj = (force(ph).squeeze(1) / norm) * peak
            v = v + period / sub * (eta * fj - k * v * v) / me
            if stroke == 9 and j % 3 == 2:
                rec[:, j // 3] = v
    rec = rec + 0.01 * torch.randn(n, KY_PTS, generator=gen)
    f_curve = force(grid) / norm.unsqueeze(1) * peak.unsqueeze(1)
    x = torch.cat([f_curve / 150, ((rate - 95) / 20).unsqueeze(1), ((mass - 100) / 8.7).unsqueeze(1),
                   c1.float().unsqueeze(1) * 2 - 1, wing.float().unsqueeze(1) * 2 - 1,
                   ((k - 3.3) / 0.4).unsqueeze(1)], 1)
    return x, rec


class StrokeVelocityNet(nn.Module):
    """A GELU MLP 29-96-96-24 from the force curve and the boat to the velocity at the 24 phases."""

    def __init__(self, hidden: int = 96) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(KY_PTS + 5, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, KY_PTS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def velocity_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the boat velocity (m/s) over the stroke."""
    x, y = batch
    return F.mse_loss(model(x), y)


def kayak_stroke(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 96) -> dict[str, Any]:
    """The stroke net on 4096 simulated strokes; held out: 2048 other strokes in batches of 1024; AdamW with torch's
    weight decay 1e-2."""
    gen = torch.Generator().manual_seed(64602)
    x, y = _ky_strokes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrokeVelocityNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": velocity_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("skatepark_ride_adam", skatepark_ride, 300, "skatepark_transition_ride_surrogate_mlp", "adam", "finite", 32,
      seconds=0.35, start_lr=0.032),
    W("bowling_lane_nesterov", bowling_lane, 300, "bowling_oil_pattern_ball_path_cnn", "sgd_nesterov0.9", "finite",
      32, seconds=1.2, start_lr=0.032),
    W("vinyl_excursion_adamax", vinyl_excursion, 300, "vinyl_cutting_groove_excursion_cnn", "adamax", "finite", 32,
      seconds=2.8, start_lr=0.016),
    W("raptor_soaring_nadam", raptor_soaring, 300, "raptor_thermal_soaring_pennycuick_mlp", "nadam", "finite", 32,
      seconds=0.4, start_lr=0.032),
)
LONG = (
    W("wood_stove_rmsprop@long", wood_stove, 3000, "wood_stove_burn_cycle_flue_co_gru", "rmsprop", "finite", 16,
      seconds=11.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("kayak_stroke_adamw@long", kayak_stroke, 3000, "sprint_kayak_stroke_velocity_mlp", "adamw_wd1e-2", "finite",
      32, seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("skatepark_ride_adam@long", skatepark_ride, 3000, "skatepark_transition_ride_surrogate_mlp", "adam", "finite",
      32, dict(train_size=16384), seconds=4.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="skatepark_ride_adam"),
    W("raptor_soaring_nadam@long", raptor_soaring, 3000, "raptor_thermal_soaring_pennycuick_mlp", "nadam", "finite",
      32, dict(train_size=8192), seconds=6.0, start_lr=0.004, grid_fractions=(0.0, 0.05),
      long_of="raptor_soaring_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam64_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-fourth exam's workloads")
