"""The eighty-fifth exam: six more workload families that neither the suite nor exams 1-84 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam84_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from woodturning and lathe
chatter, theremins and pitch antennas, sled dogs and team pulling, freediving and breath-hold, beekeeping and hive
temperature, and sandcastles and wet-sand cohesion (exams 86, 87 and 88 were built at the same time from other
domains; their modules were not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam85/README.md``. Every model and field convention here is from the author's memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- lathe chatter detection in woodturning: a small 1D CNN on raw accelerometer windows from the tool rest (as in the
  chatter-detection CNN papers of machining, from memory) classifies stable cutting, marginal (incipient) chatter and
  chatter; the windows from spindle harmonics of an out-of-round blank, grain impacts, cutting noise and a chatter
  tone near the tool's natural frequency whose amplitude follows the depth of cut against a Tlusty-style limiting
  depth with process damping; cross-entropy; SGD with Nesterov momentum 0.9, weight decay 5e-4
- beehive brood-nest temperature forecasting: a GRU over the last 24 hourly readings (hive and ambient temperature,
  sun, hour of day) forecasts the next 6 hours of brood-nest temperature (as the hive-monitoring IoT papers do with
  recurrent nets, from memory); the colonies from a heat-balance simulation of colony thermoregulation (set point 34.5
  C with brood, a lower cluster temperature without, heating and fanning capacity scaling with colony strength); MSE
  in C; Adam (torch's defaults), batch 64
- theremin pitch-field calibration: an MLP (two tanh layers of 128) from the hand's position relative to the pitch
  antenna, hand shape, the player's coupling to ground, the antenna's length and the pitch-knob setting to the played
  pitch in octaves (log2 f / 440 Hz); the pitch from the heterodyne of a fixed and a variable LC oscillator whose tank
  capacitance the hand's capacitance to the antenna raises, with 1% unobserved scatter of that capacitance (body and
  room) and pitch jitter; MSE in octaves; RAdam (torch's defaults), batch 128
- sandcastle strength: an MLP (three SiLU layers of 64) from the grain size, water content, packing fraction, fines
  fraction and column radius to the log yield stress of the wet sand and the log maximum height of a free-standing
  column; the sand from capillary-bridge cohesion (a bridge force of 2 pi gamma r cos theta, rising with the liquid
  content and lost near saturation) and Pakpour et al.'s (2012) elastic-buckling height H ~ (E / rho g)^(1/3) R^(2/3),
  soft-limited by the column's own-weight strength; MSE of the standardised logs; RAdam (torch's defaults)
- sled-dog team pulling (a long plan only): an MLP (two ReLU layers of 64) from the team (dogs, mean dog mass,
  fitness), the snow (temperature, new-snow depth), the sled's mass and the grades of 8 trail segments to the team's
  speed on each segment; speeds from a force balance of the team's linear force-velocity pull with Ringelmann's loss
  of per-dog effort in larger teams and fatigue, against runner friction (rising in very cold snow and with
  ploughing), gravity and air drag; MSE in m/s; RAdam
- freediving constant-weight descent (a long plan only): an MLP (two GELU layers of 64) from the diver (mass, body
  fat, lung volume after packing, wetsuit thickness, the depth of neutral buoyancy it is weighted for, kick thrust,
  the stop-kick depth, drag area) to the depth at 8 times of the descent (every 5 s to 40 s); profiles from a vertical
  force balance (Boyle's law on the lungs and the wetsuit's neoprene, tissue buoyancy, kick thrust until the stop-kick
  depth then freefall, quadratic drag, added mass); MSE in units of 10 m; RAdam, batch 64

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the sled-dog and
freediving nets (no short plans), the theremin net on 16384 readings instead of 1024 (and in batches of 32 instead
of 128) and the sandcastle net on 8192 samples instead of 512.

Of the eight plans, one uses SGD with Nesterov momentum (lathe), one Adam (hive) and six RAdam (both theremin, both
sandcastle, sled dogs, freediving).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam85_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam85/README.md).

    python benchmarks/exam85_workloads.py          # the table
    python benchmarks/exam85_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 85"


def _u(n: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(n, generator=gen)


def _radam(params: Any, lr: float) -> torch.optim.Optimizer:
    return torch.optim.RAdam(params, lr=lr)


# --------------------------------------------------------------------------------------------------------------
# 1. woodturning: lathe chatter detection from the tool rest's accelerometer (SGD, Nesterov)

LC_FS, LC_LEN = 2560.0, 256


def _lc_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Accelerometer windows (0.1 s at 2560 Hz) from a tool rest while a bowl blank is turned. Conditions: spindle
    speed 500-3000 rpm, blank diameter 10-35 cm, wood density 400-900 kg/m3 (the specific cutting force rises with
    it), tool overhang past the rest 3-6 cm (the tool's stiffness falls as its cube), damping ratio 2-6%, depth of
    cut 0.2-3 mm (log-uniform). The limiting depth is Tlusty's asymptotic one, 2 k zeta (1 + zeta) / Ks (with an
    invented constant for the width of cut), raised by process damping at low surface speed (1 + 6 / v m/s); the
    class from depth / limit (with 5% scatter of the true limit): stable below 0.7, marginal to 1.4, chatter above
    (about 37%, 24% and 39%). Signal: 5 spindle harmonics of an out-of-round blank, an impact at every pass of end
    grain (twice a revolution) ringing at the tool's natural frequency (300-900 Hz, falling with overhang), a
    chatter tone 0-5% above it of amplitude 0.2 x ratio^2 (ratio capped at 3, seen through another 5% of scatter;
    growing within the window when marginal), and broadband cutting noise (0.3 g). Returns (windows (n, 1, 256) in
    g, classes)."""
    rpm = _u(n, 500, 3000, gen)
    dia = _u(n, 0.10, 0.35, gen)
    rho = _u(n, 400, 900, gen)
    over = _u(n, 0.03, 0.06, gen)
    depth = torch.exp(_u(n, math.log(0.2e-3), math.log(3e-3), gen))
    ks = 2.5e7 * rho / 650  # N/m2, specific cutting force
    k = 4e6 * (0.04 / over) ** 3  # N/m
    zeta = _u(n, 0.02, 0.06, gen)
    vs = math.pi * dia * rpm / 60  # surface speed m/s
    blim = 2 * k * zeta * (1 + zeta) / ks * 5.6e-2 * (1 + 6.0 / vs)  # width-of-cut units folded in, metres
    ratio = depth / blim * torch.exp(0.05 * torch.randn(n, generator=gen))
    seen = ratio * torch.exp(0.05 * torch.randn(n, generator=gen))  # what the signal shows
    cls = (ratio > 0.7).long() + (ratio > 1.4).long()
    fn = 600 * (0.04 / over) ** 0.75
    fn = fn.clamp(300, 900) * torch.exp(0.05 * torch.randn(n, generator=gen))
    t = torch.arange(LC_LEN) / LC_FS
    fs = (rpm / 60).unsqueeze(1)
    sig = torch.zeros(n, LC_LEN)
    for h in range(1, 6):
        amp = 0.6 * torch.rand(n, 1, generator=gen) / h
        ph = 2 * math.pi * torch.rand(n, 1, generator=gen)
        sig = sig + amp * torch.sin(2 * math.pi * h * fs * t + ph)
    # end-grain impacts: twice a revolution, ringing at fn with damping zeta
    phase0 = torch.rand(n, 1, generator=gen)
    tt = (t * fs * 2 + phase0) % 1.0 / (2 * fs)  # time since the last impact
    hit = (0.2 + 0.4 * depth / 3e-3).unsqueeze(1) * (rho / 650).unsqueeze(1)
    sig = sig + hit * torch.exp(-zeta.unsqueeze(1) * 2 * math.pi * fn.unsqueeze(1) * tt) * torch.sin(
        2 * math.pi * fn.unsqueeze(1) * tt)
    fc = (fn * (1 + 0.05 * torch.rand(n, generator=gen))).unsqueeze(1)
    growth = (0.2 * seen.clamp(max=3) ** 2).unsqueeze(1)
    marginal = ((seen > 0.7) & (seen < 1.4)).unsqueeze(1)
    env = torch.where(marginal, torch.exp(8 * (t - 0.1)) * 2, torch.ones(1, LC_LEN))
    sig = sig + growth * env * torch.sin(2 * math.pi * fc * t + 2 * math.pi * torch.rand(n, 1, generator=gen))
    sig = sig + 0.3 * torch.randn(n, LC_LEN, generator=gen)
    return sig.unsqueeze(1), cls


class ChatterCNN(nn.Module):
    """A 1D CNN on the raw window: three convolutions (9, 5, 5 taps) with ReLU and max pooling, global average
    pooling, a linear layer to the three classes."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(1, width, 9, stride=2, padding=4), nn.ReLU(), nn.MaxPool1d(2),
                                 nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                 nn.Conv1d(2 * width, 2 * width, 5, padding=2), nn.ReLU(), nn.AdaptiveAvgPool1d(1),
                                 nn.Flatten(), nn.Linear(2 * width, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def chatter_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy of the three cutting states."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def lathe_chatter(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The chatter CNN on 2048 windows; held out: 1024 other windows in batches of 512; SGD with Nesterov momentum
    0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(85101)
    x, y = _lc_windows(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChatterCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": chatter_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. beekeeping: brood-nest temperature forecasting with a GRU (Adam)

HV_PAST, HV_AHEAD, HV_SPIN = 24, 6, 24


def _hv_series(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hourly series of one hive: a day's mean ambient temperature 2-30 C, a daily swing of 3-10 C peaking at 15 h,
    an AR(1) weather wander (0.9 a step, 0.7 C), sun from 6 to 18 h scaled by a random cloudiness. The colony's
    strength s (0.15-1), brood present with probability 0.7 (set point 34.5 C; without brood the cluster keeps
    its sensor near 14 + 8 s C), hive insulation (time constant 2-8 h). Each hour: T += (T_amb - T) / tau + 1.5 sun /
    tau + s * clamp(0.6 (T_set - T), -2.5, 3) (heating by shivering, cooling by fanning, both capped by the
    colony's strength), sensor noise 0.1 C. 24 hours of spin-up, 24 of inputs, 6 to forecast. Returns (inputs (n,
    24, 5): hive and ambient temperature / 10, sun, sin and cos of the hour; the next 6 hive temperatures in C)."""
    steps = HV_SPIN + HV_PAST + HV_AHEAD
    mean = _u(n, 2, 30, gen).unsqueeze(1)
    swing = _u(n, 3, 10, gen).unsqueeze(1)
    start = torch.randint(0, 24, (n, 1), generator=gen).float()
    hours = start + torch.arange(steps).float()
    w = torch.zeros(n)
    wander = []
    for _ in range(steps):
        w = 0.9 * w + 0.7 * torch.randn(n, generator=gen)
        wander.append(w)
    amb = mean + swing * torch.cos(2 * math.pi * (hours - 15) / 24) + torch.stack(wander, 1)
    cloud = _u(n, 0.2, 1.0, gen).unsqueeze(1)
    sun = (torch.sin(2 * math.pi * (hours - 6) / 24).clamp_min(0) * cloud)
    s = _u(n, 0.15, 1.0, gen)
    brood = torch.rand(n, generator=gen) < 0.7
    tset = torch.where(brood, torch.full((n,), 34.5), 14 + 8 * s)
    tau = _u(n, 2, 8, gen)
    temp = tset - 3 * torch.rand(n, generator=gen)
    hive = []
    for i in range(steps):
        temp = (temp + (amb[:, i] - temp) / tau + 1.5 * sun[:, i] / tau
                + s * (0.6 * (tset - temp)).clamp(-2.5, 3.0))
        hive.append(temp)
    hive = torch.stack(hive, 1) + 0.1 * torch.randn(n, steps, generator=gen)
    sl = slice(HV_SPIN, HV_SPIN + HV_PAST)
    x = torch.stack([hive[:, sl] / 10, amb[:, sl] / 10, sun[:, sl], torch.sin(2 * math.pi * hours[:, sl] / 24),
                     torch.cos(2 * math.pi * hours[:, sl] / 24)], 2)
    return x, hive[:, HV_SPIN + HV_PAST:]


class HiveGRU(nn.Module):
    """A one-layer GRU over the 24 hourly readings; a linear head from the last state forecasts the next 6 hive
    temperatures as changes from the last reading."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.head = nn.Linear(hidden, HV_AHEAD)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.gru(x)
        return 10 * x[:, -1, :1] + self.head(out[:, -1])


def hive_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the forecast hive temperatures (C)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def hive_temperature(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 48) -> dict[str, Any]:
    """The hive GRU (48 units) on 2048 hive-days in batches of 64; held out: 1024 others in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(85201)
    x, y = _hv_series(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HiveGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": hive_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. theremin: the pitch field of the pitch antenna (RAdam)


def _th_readings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Readings of a heterodyne theremin: the hand 3-50 cm from the pitch antenna (log-uniform), -20 to +20 cm
    along it from its top (above the top the distance grows), hand shape (fingers open to closed) 0.7-1.3, the
    player's coupling to ground 0.6-1.0, antenna length 35-50 cm, pitch knob 0-1. The hand's capacitance to the
    antenna C_h = 2 pF x coupling x shape x (L / 45 cm) x (5 cm / d_eff)^0.9, with 1% of unobserved scatter (the
    body's and the room's); the variable oscillator f0 (1 + C / C_tank)^(-1/2), f0 = 260 kHz, C_tank = 200 pF; the
    fixed oscillator set to zero beat where C_h would be that of the hand at 80-120 cm (the knob); the pitch |f_fix -
    f_var| (floored at 16 Hz) with 5 cents of jitter. Returns (scaled inputs (n, 6), log2(f / 440 Hz))."""
    d = torch.exp(_u(n, math.log(3.0), math.log(50.0), gen))
    z = _u(n, -20, 20, gen)
    shape = _u(n, 0.7, 1.3, gen)
    couple = _u(n, 0.6, 1.0, gen)
    length = _u(n, 35, 50, gen)
    knob = torch.rand(n, generator=gen)
    deff = torch.sqrt(d**2 + z.clamp_min(0) ** 2)
    scale = 2.0 * couple * shape * (length / 45)
    ch = scale * (5 / deff) ** 0.9 * torch.exp(0.01 * torch.randn(n, generator=gen))
    czb = scale * (5 / (80 + 40 * knob)) ** 0.9
    f0, ct = 260e3, 200.0
    fvar = f0 * (1 + ch / ct) ** -0.5
    ffix = f0 * (1 + czb / ct) ** -0.5
    f = (ffix - fvar).abs().clamp_min(16.0)
    pitch = torch.log2(f / 440) + 5 / 1200 * torch.randn(n, generator=gen)
    x = torch.stack([(torch.log(d) - 2.5) / 0.81, z / 11.5, (shape - 1) / 0.17, (couple - 0.8) / 0.115,
                     (length - 42.5) / 4.3, (knob - 0.5) / 0.29], 1)
    return x, pitch


class PitchFieldNet(nn.Module):
    """An MLP (two tanh layers) from the hand and instrument parameters to the pitch in octaves."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def pitch_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the pitch in octaves."""
    x, y = batch
    return F.mse_loss(model(x), y)


def theremin_pitch(batch_size: int = 128, seed: int = 0, train_size: int = 1024, hidden: int = 128) -> dict[str, Any]:
    """The pitch-field net (128 tanh units a layer) on 1024 readings in batches of 128; held out: 2048 other
    readings in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(85301)
    x, y = _th_readings(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PitchFieldNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_radam, "radam"), "loss_fn": pitch_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. sandcastles: wet-sand cohesion and the tallest column (RAdam)


def _sc_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Wet sand: grain diameter 0.1-1 mm (log-uniform), water 0.2-25% of the pore volume (log-uniform), packing
    fraction 0.55-0.64, fines 0-5%, column radius 2-20 cm. The capillary-bridge force 2 pi gamma r cos theta (gamma
    0.072 N/m, theta 20 degrees, r the grain radius) times a bridge-growth factor 1 - exp(-W / 1%) and a loss near
    saturation (the pendular bridges merge above ~15% of the pores, gone by 30%); the yield stress (Rumpf-like) phi
    z F / (pi d^2) with 6 contacts, raised by the fines; the shear modulus E = 300 x the yield stress; the tallest
    column the softer minimum of Pakpour et al.'s buckling height 0.8 (E / rho g)^(1/3) R^(2/3) and the own-weight
    limit 2 sigma / rho g. Scatter: 6% on the stress, 8% on the height. Returns (scaled inputs (n, 5), log stress
    and log height)."""
    d = torch.exp(_u(n, math.log(1e-4), math.log(1e-3), gen))
    w = torch.exp(_u(n, math.log(0.002), math.log(0.25), gen))
    phi = _u(n, 0.55, 0.64, gen)
    fines = _u(n, 0, 0.05, gen)
    radius = torch.exp(_u(n, math.log(0.02), math.log(0.2), gen))
    force = 2 * math.pi * 0.072 * (d / 2) * math.cos(math.radians(20))
    bridge = (1 - torch.exp(-w / 0.01)) * torch.sigmoid((0.22 - w) / 0.03)
    sigma = phi * 6 * force * bridge / (math.pi * d**2) * (1 + 12 * fines) * torch.exp(8 * (phi - 0.6))
    sigma = sigma * torch.exp(0.06 * torch.randn(n, generator=gen))
    rho_g = (phi * 2650 + (1 - phi) * w * 1000) * 9.81
    hb = 0.8 * (300 * sigma / rho_g) ** (1 / 3) * radius ** (2 / 3)
    hs = 2 * sigma / rho_g
    h = (hb**-4 + hs**-4) ** -0.25 * torch.exp(0.08 * torch.randn(n, generator=gen))
    x = torch.stack([(torch.log(d) + 8.06) / 0.66, (torch.log(w) + 3.53) / 1.4, (phi - 0.595) / 0.026,
                     (fines - 0.025) / 0.0144, (torch.log(radius) + 2.76) / 0.66], 1)
    return x, torch.stack([torch.log(sigma), torch.log(h)], 1)


class SandStrengthNet(nn.Module):
    """An MLP (three SiLU layers) from the sand and column parameters to the standardised log yield stress and log
    tallest column."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sand_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log stress and log height."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sandcastle(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The sand net on 512 samples, targets standardised over them; held out: 2048 others in batches of 1024;
    RAdam."""
    gen = torch.Generator().manual_seed(85401)
    x, y = _sc_samples(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SandStrengthNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_radam, "radam"), "loss_fn": sand_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. sled dogs: a team's speed over a trail (RAdam; long only)

SD_SEGS = 8


def _sd_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Runs of a team over 8 trail segments: 4-16 dogs of mean mass 20-30 kg, fitness 0-1, snow at -35 to 0 C with
    0-30 cm of new snow, sled, musher and load 100-250 kg, each segment's grade -6% to +8%. Each dog's sustained
    pull f (1 - v / v_max), f = 0.25 m_dog g (0.8 + 0.4 fitness), v_max 6-9 m/s with fitness; Ringelmann's effort
    per dog 1 - 0.025 (dogs - 1); fatigue 3% of pull a segment for an unfit team, none for a fit one. Resistance:
    runner friction mu = 0.03 + 0.0015 relu(-T - 10) + 0.003 per cm of new snow on the sled, gravity on the sled and
    on the dogs, drag 0.6 v^2. The speed solves the balance (a quadratic), floored at 0.5 m/s (walking); the
    musher brakes to 1.1 v_max downhill; 3% scatter. Returns (scaled inputs (n, 14), speeds (n, 8) in m/s)."""
    dogs = torch.randint(4, 17, (n,), generator=gen).float()
    mdog = _u(n, 20, 30, gen)
    fit = torch.rand(n, generator=gen)
    temp = _u(n, -35, 0, gen)
    snow = _u(n, 0, 30, gen)
    sled = _u(n, 100, 250, gen)
    grade = _u(n * SD_SEGS, -0.06, 0.08, gen).view(n, SD_SEGS)
    g = 9.81
    vmax = (6 + 3 * fit).unsqueeze(1)
    effort = 1 - 0.025 * (dogs - 1)
    fatigue = 1 - 0.03 * (1 - fit).unsqueeze(1) * torch.arange(SD_SEGS).float()
    pull = (dogs * effort * 0.25 * mdog * g * (0.8 + 0.4 * fit)).unsqueeze(1) * fatigue
    mu = (0.03 + 0.0015 * F.relu(-temp - 10) + 0.003 * snow).unsqueeze(1)
    res = sled.unsqueeze(1) * g * (mu + grade) + (dogs * mdog).unsqueeze(1) * g * grade
    a, b, c = 0.6, pull / vmax, res - pull
    v = (-b + torch.sqrt((b * b - 4 * a * c).clamp_min(0))) / (2 * a)
    v = v.clamp(0.5).minimum(1.1 * vmax)
    v = v * torch.exp(0.03 * torch.randn(n, SD_SEGS, generator=gen))
    x = torch.cat([torch.stack([(dogs - 10) / 3.7, (mdog - 25) / 2.9, (fit - 0.5) / 0.29, (temp + 17.5) / 10.1,
                                (snow - 15) / 8.7, (sled - 175) / 43], 1), (grade - 0.01) / 0.04], 1)
    return x, v


class TeamSpeedNet(nn.Module):
    """An MLP (two ReLU layers) from the team, snow, sled and trail grades to the 8 segment speeds."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6 + SD_SEGS, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, SD_SEGS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def speed_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the segment speeds (m/s)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sled_dogs(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The team-speed net on 8192 runs; held out: 2048 other runs in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(85501)
    x, y = _sd_runs(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TeamSpeedNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_radam, "radam"), "loss_fn": speed_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. freediving: the constant-weight descent profile (RAdam; long only)

FD_TIMES = 8


def _fd_dives(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Constant-weight descents in sea water (1025 kg/m3): diver mass 55-95 kg, body fat 8-30% (tissue density from
    fat at 900 and lean at 1100 kg/m3), lung volume after packing 5-8 L, wetsuit 0-3 mm of neoprene (1.9 m2, 70% gas),
    lead (to the nearest 0.25 kg) to be neutral at 8-15 m as freedivers weight themselves, kick thrust 30-60 N until
    the stop-kick depth 12-35 m, then freefall; drag area 0.04-0.07 m2. Lungs and neoprene compress by Boyle's law (P
    = 1 + z / 10 bar); added mass 20%. Integrated by Euler at 0.2 s from the surface with a 1 m/s push-off; the depth
    at 5, 10, ..., 40 s with 0.3 m of scatter. Returns (scaled inputs (n, 8), depths (n, 8) in units of 10 m)."""
    mass = _u(n, 55, 95, gen)
    fat = _u(n, 0.08, 0.30, gen)
    lung = _u(n, 5e-3, 8e-3, gen)
    suit = _u(n, 0, 3e-3, gen)
    neutral = _u(n, 8, 15, gen)  # the depth the diver weights for
    thrust = _u(n, 30, 60, gen)
    stop = _u(n, 12, 35, gen)
    cda = _u(n, 0.04, 0.07, gen)
    tissue = mass * (fat / 900 + (1 - fat) / 1100)  # body volume without the lungs, m3
    gas_suit = 1.9 * suit * 0.7
    rho, g, dt = 1025.0, 9.81, 0.2
    # lead on a neck weight or belt (11340 kg/m3) to be neutral at that depth, set to the nearest 0.25 kg
    lead = (rho * (tissue + (lung + gas_suit) / (1 + neutral / 10)) - mass) / (1 - rho / 11340)
    neck = (lead / 0.25).round().clamp_min(0) * 0.25
    tissue = tissue + neck / 11340
    m_eff = 1.2 * mass + neck
    z, v = torch.zeros(n), torch.ones(n)
    out = []
    for step in range(1, 201):
        p = 1 + z / 10
        buoy = rho * g * (tissue + (lung + gas_suit) / p) - (mass + neck) * g
        kick = torch.where(z < stop, thrust, torch.zeros(n))
        acc = (kick - buoy - 0.5 * rho * cda * v * v.abs()) / m_eff
        v = v + acc * dt
        z = (z + v * dt).clamp_min(0)
        if step % 25 == 0:
            out.append(z)
    depth = torch.stack(out, 1) + 0.3 * torch.randn(n, FD_TIMES, generator=gen)
    x = torch.stack([(mass - 75) / 11.5, (fat - 0.19) / 0.064, (lung - 6.5e-3) / 0.87e-3, (suit - 1.5e-3) / 0.87e-3,
                     (neutral - 11.5) / 2.0, (thrust - 45) / 8.7, (stop - 23.5) / 6.6, (cda - 0.055) / 0.0087], 1)
    return x, depth / 10


class DescentNet(nn.Module):
    """An MLP (two GELU layers) from the diver's parameters to the depths at the 8 times."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, FD_TIMES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def depth_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the depths (units of 10 m)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def freediving(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The descent net on 8192 dives in batches of 64; held out: 2048 other dives in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(85601)
    x, y = _fd_dives(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DescentNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(_radam, "radam"), "loss_fn": depth_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("lathe_chatter_nesterov", lathe_chatter, 300, "woodturning_lathe_chatter_accelerometer_cnn",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=0.8, start_lr=0.05),
    W("hive_temperature_adam", hive_temperature, 300, "beehive_brood_temperature_forecast_gru", "adam", "finite", 64,
      seconds=1.0, start_lr=0.032),
    W("theremin_pitch_radam", theremin_pitch, 300, "theremin_pitch_antenna_field_mlp", "radam", "finite", 128,
      seconds=0.3, start_lr=0.256),
    W("sandcastle_radam", sandcastle, 300, "sandcastle_wet_sand_cohesion_height_mlp", "radam", "small_finite", 32,
      seconds=0.2, start_lr=0.128),
)
LONG = (
    W("sled_dogs_radam@long", sled_dogs, 3000, "sled_dog_team_speed_ringelmann_mlp", "radam", "finite", 32,
      seconds=1.7, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("freediving_radam@long", freediving, 3000, "freediving_constant_weight_descent_mlp", "radam", "finite", 64,
      seconds=2.3, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("theremin_pitch_radam@long", theremin_pitch, 3000, "theremin_pitch_antenna_field_mlp", "radam", "finite", 32,
      dict(train_size=16384), seconds=2.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="theremin_pitch_radam"),
    W("sandcastle_radam@long", sandcastle, 3000, "sandcastle_wet_sand_cohesion_height_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=2.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="sandcastle_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam85_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-fifth exam's workloads")
