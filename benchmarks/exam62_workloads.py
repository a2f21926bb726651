"""The sixty-second exam: six more workload families that neither the suite nor exams 1-60 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam60_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from dredging and sediment
transport, kiteboarding and wind sports, locksmithing and lock security, salt production and solar saltworks, rope
and cordage manufacturing, and cable cars and ropeways (exam 61 was built at the same time from other domains; its
module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam62/README.md``. Models and their sources are named from memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- key bitting decoding from a key's blade silhouette (the "teleduplication" threat of Laxton, Wang & Savage 2008,
  done here the later way, with a CNN): a 1-d CNN reads the 96-sample edge profile of a 5-pin Schlage-style key
  (cut depths 0-9 in 0.015" steps, 0.156" spacing, 100-degree cuts with a flat root, the maximum adjacent cut rule)
  photographed at an unknown scale, offset, tilt and blur, and classifies each of the 5 cut depths; the mean
  cross-entropy over the 5 positions; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- kite line tension for kiteboarding: an MLP (two SiLU layers of 128) from the wind (10 m speed), the kite (area,
  aspect ratio, bar / depower), the lines, the kite's place in the wind window (azimuth, elevation), how hard it is
  flown crosswind and the rider's speed and heading to the log line tension; the tension from Loyd's (1980) crosswind
  law (the apparent wind grows with the glide ratio), a 1/7 power-law wind profile, line drag; load-cell noise 2%;
  MSE of the log; Adam (torch's defaults)
- solar saltworks brine chemistry: an MLP from the concentration factor (seawater evaporated 1-60x, log), the
  pond temperature and the feed seawater's salinity to the brine's major ions (log Na, Cl, Mg, K, Ca, SO4) and its
  Baume degree, along Usiglio's sequence (gypsum then halite precipitating when their solubility products are
  passed, temperature-dependent, the bittern ions conserved; a sample the mean of 8 parcels about the pond's
  factor); assay noise 5%; MSE of the standardised targets; Adamax (torch's defaults)
- track-rope profile of a bicable ropeway span: an MLP from the span, the chord slope, the rope weight, the
  counterweight tension and up to three loaded carriers (positions, loads) to the rope's sag below the chord at 16
  stations (the parabolic theory ropeway designers use: the sag is the simply supported moment over the
  horizontal tension) and the top-station tension; MSE of the scaled sags and tension; SGD with momentum 0.9
- slurry pipeline hydraulic gradient of a cutter-suction dredge (a long plan only): an MLP from the pipe diameter,
  the mixture velocity, the delivered concentration, the grain size and the water temperature to the log hydraulic
  gradient (Durand-Condolios' correlation over Swamee-Jain water friction, the grains' drag coefficient from their
  settling velocity, a stationary bed below the deposit-limit velocity); noise 3%; MSE of the log; RMSprop (torch's
  alpha 0.99)
- cordage minimum breaking strength (a long plan only): an MLP over one-hot codes of the fibre (manila, sisal,
  nylon, polyester, polypropylene, HMPE), the construction (3-strand laid, 8-strand plaited, 12-strand braid,
  double braid) and the termination (none, eye splice, knot) joined with the diameter, lay angle, wet / dry and UV
  exposure to the log breaking load and the elongation at break; the test from tenacity x fibre area x a
  cos^2(lay angle) helix efficiency x construction, termination, wet and UV factors; test scatter 0.5%; MSE of the
  standardised targets; NAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the dredge slurry net
and the cordage net (no short plans), the kite tension net on 8192 sessions instead of 1024 and the ropeway net on
16384 spans instead of 2048.

Of the eight plans, one uses SGD with Nesterov momentum (keys), two Adam (both kite plans), one Adamax
(saltworks), two SGD with momentum (both ropeway plans), one RMSprop (dredge) and one NAdam (cordage).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam62_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam62/README.md).

    python benchmarks/exam62_workloads.py          # the table
    python benchmarks/exam62_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 62"


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. key bitting decoding from a blade silhouette (SGD with Nesterov momentum)

KB_PINS, KB_DEPTHS, KB_LEN = 5, 10, 96


def _kb_keys(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Schlage-style 5-pin keys: cut depths 0-9 (0.015" a step below a 0.335" blade), cut centres 0.231" from the
    shoulder then 0.156" apart, 100-degree cuts with a 0.031" flat root; adjacent cuts differ by at most 7 (the
    maximum adjacent cut specification). The blade edge over 0-0.95" sampled at 96 points as a photograph gives it:
    the scale (camera distance) within 3%, the shoulder found within 0.02", a tilt (a linear ramp of sd 0.02 at the
    ends) and an offset (sd 0.03) of the edge height (normalised by the blade height), a Gaussian blur of sd 1-2
    samples, and sensor noise of sd 0.01. Returns (profiles (n, 1, 96),
    depth classes (n, 5))."""
    d = torch.randint(0, KB_DEPTHS, (n, KB_PINS), generator=gen)
    for i in range(1, KB_PINS):  # the MACS rule: redraw clipped towards the previous cut
        d[:, i] = torch.minimum(torch.maximum(d[:, i], d[:, i - 1] - 7), d[:, i - 1] + 7)
    scale = 1 + 0.03 * (2 * torch.rand(n, 1, generator=gen) - 1)
    shift = 0.02 * (2 * torch.rand(n, 1, generator=gen) - 1)
    x = torch.linspace(0, 0.95, KB_LEN).view(1, -1) * scale + shift  # inches from the shoulder
    centres = 0.231 + 0.156 * torch.arange(KB_PINS, dtype=torch.float32)
    root = 0.335 - 0.015 * d.float() - 0.12  # height of each cut's root above the blade's bottom
    half = 0.031 / 2
    slope = 1 / math.tan(math.radians(50))  # the flank rises this much per inch away from the root
    dist = (x.unsqueeze(2) - centres.view(1, 1, -1)).abs()  # n, L, pins
    flank = root.unsqueeze(1) + slope * F.relu(dist - half)
    h = torch.minimum(flank.min(2).values, torch.full_like(x.expand(n, -1), 0.335 - 0.12))
    h = h / 0.215
    tilt = 0.02 * torch.randn(n, 1, generator=gen) * torch.linspace(-1, 1, KB_LEN).view(1, -1)
    h = h + tilt + 0.03 * torch.randn(n, 1, generator=gen)
    w = 1.0 + 1.0 * torch.rand(n, generator=gen)  # blur sd in samples
    k = torch.arange(-6, 7, dtype=torch.float32).view(1, -1)
    kern = torch.exp(-0.5 * (k / w.view(-1, 1)) ** 2)
    kern = kern / kern.sum(1, keepdim=True)
    padded = F.pad(h.unsqueeze(1), (6, 6), mode="replicate").squeeze(1)
    win = padded.unfold(1, 13, 1)  # n, L, 13
    h = (win * kern.unsqueeze(1)).sum(2)
    h = h + 0.01 * torch.randn(h.shape, generator=gen)
    return ((h - 0.6) / 0.25).unsqueeze(1), d


class KeyDecoderCNN(nn.Module):
    """A 1-d CNN over the edge profile: three width-5 convolutions (16, 32, 32 channels) with ReLU and max pooling
    by 2, a dense layer of 64, and 5 x 10 logits (one softmax per pin position)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(1, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(2 * width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * (KB_LEN // 8), 64), nn.ReLU(),
                                  nn.Linear(64, KB_PINS * KB_DEPTHS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x)).view(-1, KB_PINS, KB_DEPTHS)


def bitting_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean cross-entropy over the 5 cut positions."""
    x, d = batch
    return F.cross_entropy(model(x).reshape(-1, KB_DEPTHS), d.reshape(-1))


def key_bitting(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The key decoder on 2048 photographed keys; held out: 1024 other keys in batches of 512; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(62102)
    x, d = _kb_keys(train_size + 1024, gen)
    tr = (x[:train_size], d[:train_size])
    torch.manual_seed(seed)
    return {"model": KeyDecoderCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], d[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": bitting_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. kite line tension (Adam)


def _kt_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Kiteboarding moments: wind 5-15 m/s at 10 m, kite area 7-17 m2, aspect ratio 3.5-6, bar position 0-1
    (depowered at 1), lines 18-27 m, the kite at azimuth -75 to 75 degrees and elevation 10-75 degrees in the wind
    window, flown crosswind at a fraction 0-1 of its glide ratio, the rider at 0-12 m/s at 45-135 degrees off the
    wind. Loyd's crosswind law: the apparent wind is the radial wind component times sqrt(1 + (s G)^2); the wind at
    the kite's height from a 1/7 power law, less the rider's downwind speed; CL = 1 - 0.6 bar, CD = 0.06 + CL^2 /
    (pi AR 0.8) + line drag (two 1 mm lines, Cd 1.1, a quarter of their area); T = 0.5 rho A sqrt(CL^2 + CD^2) va^2, and
    2% load-cell noise. Returns (scaled inputs (n, 10), log tension in kN)."""
    u = torch.rand(n, 10, generator=gen)
    v10 = 5 + 10 * u[:, 0]
    area = 7 + 10 * u[:, 1]
    ar = 3.5 + 2.5 * u[:, 2]
    bar = u[:, 3]
    lines = 18 + 9 * u[:, 4]
    az = torch.deg2rad(-75 + 150 * u[:, 5])
    el = torch.deg2rad(10 + 65 * u[:, 6])
    s = u[:, 7]
    ur = 12 * u[:, 8]
    psi = torch.deg2rad(45 + 90 * u[:, 9])
    height = 1.0 + lines * torch.sin(el)
    vh = v10 * (height / 10) ** (1 / 7)
    veff = torch.maximum(vh - ur * torch.cos(psi), 0.3 * vh)
    cl = 1.0 - 0.6 * bar
    cd = 0.06 + cl**2 / (math.pi * ar * 0.8) + 1.1 * 0.001 * lines * 2 / (4 * area)
    glide = cl / cd
    vr = veff * torch.cos(el) * torch.cos(az)
    va = vr * torch.sqrt(1 + (s * glide) ** 2) + 0.5
    tension = 0.5 * 1.225 * area * torch.sqrt(cl**2 + cd**2) * va**2 / 1000
    tension = tension * torch.exp(0.02 * torch.randn(n, generator=gen))
    return (u - 0.5) / 0.29, torch.log(tension).unsqueeze(1)


class KiteTensionNet(nn.Module):
    """An MLP 10-128-128-1 with SiLU from the session's variables to the log line tension."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def kite_tension(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 128) -> dict[str, Any]:
    """The tension net on 1024 logged moments; held out: 2048 others in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(62202)
    x, y = _kt_sessions(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KiteTensionNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. solar saltworks brine chemistry along Usiglio's sequence (Adamax)

# mol/kg of standard seawater (S = 35): Na, Cl, Mg, K, Ca, SO4
SW_IONS = torch.tensor([0.4690, 0.5460, 0.0528, 0.0102, 0.0103, 0.0282])
SW_MASS = torch.tensor([22.99, 35.45, 24.31, 39.10, 40.08, 96.06])


def _sw_pair(a: torch.Tensor, b: torch.Tensor, ksp: torch.Tensor) -> torch.Tensor:
    """Moles precipitated x of a 1:1 salt from a and b until (a - x)(b - x) = ksp (0 if undersaturated)."""
    disc = ((a + b) ** 2 - 4 * (a * b - ksp)).clamp_min(0)
    x = ((a + b) - disc.sqrt()) / 2
    return torch.where(a * b > ksp, x, torch.zeros_like(x))


def _sw_brines(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Brines of a solar saltworks: feed seawater of salinity 30-40, evaporated by a concentration factor 1-60
    (log-uniform, on the water), at 15-40 C. Each ion's molality is the feed's times the factor, less what has
    precipitated: gypsum (CaSO4) when Ca x SO4 passes its effective product (rising mildly with temperature, larger
    in concentrated brine through activity), then halite (NaCl) when Na x Cl passes its (about 37 (mol/kg)^2,
    rising slowly with temperature); Mg and K stay in the bittern. A sample is the mean of 8 parcels whose factors
    are spread evenly over +-15% (log) about the pond's. 5% assay noise on the molalities. The Baume degree from the
    density, 1 + 0.75 x the dissolved salts' mass fraction. Returns (scaled inputs (n, 3), targets (n, 7): the log
    molalities and Baume / 10)."""
    sal = 30 + 10 * torch.rand(n, generator=gen)
    cf = torch.exp(math.log(60) * torch.rand(n, generator=gen))
    temp = 15 + 25 * torch.rand(n, generator=gen)
    spread = torch.exp(0.1 * torch.linspace(-1.5, 1.5, 8)).expand(n, 8)  # a pond's brine: 8 parcels about its mean
    parts = []
    for j in range(8):
        m = SW_IONS.view(1, -1) * (sal / 35).view(-1, 1) * (cf * spread[:, j]).view(-1, 1)
        ionic = 0.5 * (m * torch.tensor([1, 1, 4, 1, 4, 4])).sum(1)
        k_gyp = 2.5e-4 * (1 + 0.004 * (temp - 25)) * (1 + 0.35 * ionic.clamp_max(6))
        g = _sw_pair(m[:, 4], m[:, 5], k_gyp)
        m = m.clone()
        m[:, 4] -= g
        m[:, 5] -= g
        k_hal = 37.0 * (1 + 0.003 * (temp - 25))
        h = _sw_pair(m[:, 0], m[:, 1], k_hal)
        m[:, 0] -= h
        m[:, 1] -= h
        parts.append(m)
    m = torch.stack(parts).mean(0).clamp_min(1e-6) * torch.exp(0.05 * torch.randn(m.shape, generator=gen))
    tds = (m * SW_MASS / 1000).sum(1)  # kg of salts per kg of water
    rho = 1 + 0.75 * tds / (1 + tds)
    baume = 145 * (1 - 1 / rho)
    x = torch.stack([(sal - 35) / 2.9, (torch.log(cf) - 2.05) / 1.18, (temp - 27.5) / 7.2], 1)
    return x, torch.cat([torch.log(m), (baume / 10).unsqueeze(1)], 1)


class BrineNet(nn.Module):
    """An MLP 3-64-64-7 with tanh from the pond's state to the brine's ions and Baume degree."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 7))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def saltworks_brine(batch_size: int = 32, seed: int = 0, train_size: int = 768, hidden: int = 64) -> dict[str, Any]:
    """The brine net on 768 sampled brines, targets standardised over them; held out: 2048 others in batches of
    1024; Adamax (torch's defaults)."""
    gen = torch.Generator().manual_seed(62302)
    x, y = _sw_brines(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BrineNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. bicable ropeway track-rope profile (SGD with momentum)

RW_ST = 16


def _rw_spans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Spans of a counterweight-tensioned track rope: span 200-1500 m (horizontal), chord slope 0-0.8, rope weight
    60-120 N/m, horizontal tension 400-1400 kN, 0-3 carriers of 15-45 kN at random places. The parabolic theory: the
    sag below the chord at x is the simply supported moment M(x) of the rope weight (per horizontal metre, w sqrt(1 +
    slope^2)) and the carrier loads over H; the top-station tension sqrt(H^2 + V^2), V the top reaction plus H times
    the slope. Targets: the sag at 16 stations / 10 m and the top tension / 1000 kN, with 1% survey noise. Returns
    (scaled inputs (n, 10), targets (n, 17))."""
    u = torch.rand(n, 4, generator=gen)
    span = 200 + 1300 * u[:, 0]
    slope = 0.8 * u[:, 1]
    w = 60 + 60 * u[:, 2]
    hten = 400e3 + 1000e3 * u[:, 3]
    present = torch.rand(n, 3, generator=gen) < 0.6
    pos = torch.rand(n, 3, generator=gen)
    load = (15e3 + 30e3 * torch.rand(n, 3, generator=gen)) * present
    xs = (torch.arange(1, RW_ST + 1, dtype=torch.float32) / (RW_ST + 1)).view(1, -1)  # fractions of the span
    wl = (w * torch.sqrt(1 + slope**2)).view(-1, 1)
    length = span.view(-1, 1)
    m = wl * length**2 * xs * (1 - xs) / 2
    a = pos.unsqueeze(1)  # n, 1, 3
    xx = xs.unsqueeze(2)
    m = m + (load.unsqueeze(1) * length.unsqueeze(2) * torch.where(xx < a, xx * (1 - a), a * (1 - xx))).sum(2)
    sag = m / hten.view(-1, 1)
    v_top = wl.squeeze(1) * span / 2 + (load * pos).sum(1) + hten * slope
    t_top = torch.sqrt(hten**2 + v_top**2)
    y = torch.cat([sag / 10, (t_top / 1e6).unsqueeze(1)], 1) * torch.exp(0.01 * torch.randn(n, RW_ST + 1,
                                                                                                generator=gen))
    x = torch.cat([(u - 0.5) / 0.29, (load / 1e4 - 1.8) / 1.6, (pos - 0.5) / 0.29], 1)
    return x, y


class TrackRopeNet(nn.Module):
    """An MLP 10-64-64-17 with ReLU from the span and its loading to the sags and the top-station tension."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, RW_ST + 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def ropeway_profile(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The track-rope net on 2048 loaded spans; held out: 2048 others in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(62402)
    x, y = _rw_spans(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TrackRopeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. dredge slurry pipeline hydraulic gradient (RMSprop; long only)


def _ds_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pipeline runs of a cutter-suction dredge: pipe diameter 0.3-1.0 m, mixture velocity 1.5-8 m/s, delivered
    volume concentration 0-0.35, grain d50 0.08-3 mm (log-uniform), water at 5-30 C, sand of density 2.65. Water
    friction from Swamee-Jain (roughness 0.05 mm, viscosity falling with temperature); the grains' drag coefficient
    from their settling velocity (a Ferguson-Church law); Durand-Condolios: i_m = i_w (1 + 81 C (g D (s - 1) /
    V^2 / sqrt(Cx))^1.5); below the deposit-limit velocity (Durand's F_L from 0.9 to 1.4 with d50 and C) a
    stationary bed adds a sliding term; 3% noise. Returns (scaled inputs (n, 5), log hydraulic gradient
    (m/m x 100))."""
    u = torch.rand(n, 5, generator=gen)
    diam = 0.3 + 0.7 * u[:, 0]
    vel = 1.5 + 6.5 * u[:, 1]
    conc = 0.35 * u[:, 2]
    d50 = 0.08e-3 * torch.exp(math.log(3 / 0.08) * u[:, 3])
    temp = 5 + 25 * u[:, 4]
    nu = 1.79e-6 / (1 + 0.0337 * temp + 0.00022 * temp**2)
    g, s = 9.81, 2.65
    re = vel * diam / nu
    f = 0.25 / torch.log10(0.05e-3 / (3.7 * diam) + 5.74 / re**0.9) ** 2
    i_w = f * vel**2 / (2 * g * diam)
    ws = (s - 1) * g * d50**2 / (18 * nu + (0.75 * 0.4 * (s - 1) * g * d50**3) ** 0.5)
    cx = 4 / 3 * g * d50 * (s - 1) / ws**2
    psi = g * diam * (s - 1) / vel**2 / cx.sqrt()
    i_m = i_w * (1 + 81 * conc * psi**1.5)
    fl = 0.9 + 0.5 * torch.tanh(d50 / 0.5e-3) * (1 - torch.exp(-conc / 0.05))
    vl = fl * (2 * g * diam * (s - 1)) ** 0.5
    bed = 0.4 * conc * (s - 1) * F.relu(1 - vel / vl) ** 1.5
    i_m = (i_m + bed) * torch.exp(0.03 * torch.randn(n, generator=gen))
    return (u - 0.5) / 0.29, torch.log(100 * i_m).unsqueeze(1)


class SlurryNet(nn.Module):
    """An MLP 5-64-64-1 with tanh from the pipeline's state to the log hydraulic gradient."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def dredge_slurry(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The slurry net on 8192 pipeline runs; held out: 2048 others in batches of 1024; RMSprop (torch's alpha
    0.99)."""
    gen = torch.Generator().manual_seed(62502)
    x, y = _ds_tests(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SlurryNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. cordage minimum breaking strength (NAdam; long only)

CD_FIBRES, CD_BUILDS, CD_ENDS = 6, 4, 3


def _cd_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor,
                                                     torch.Tensor]:
    """Break tests of new ropes: fibre (manila, sisal, nylon, polyester, polypropylene, HMPE; tenacity 0.35, 0.3,
    0.75, 0.7, 0.55, 2.8 N/tex, density 1.48, 1.48, 1.14, 1.38, 0.91, 0.97, breaking extension 12, 10, 35, 20, 25,
    4 %), construction (3-strand laid, 8-strand plaited, 12-strand braid, double braid: packing 0.62, 0.6, 0.58,
    0.64, efficiency 0.85, 0.9, 0.95, 0.88 and extension factors), termination (none, eye splice 0.9, bowline knot
    0.55 for nylon / polyester, 0.45 for HMPE's slippery fibre), diameter 6-40 mm, lay or braid angle 12-30 degrees,
    wet or dry (nylon 0.85 wet, manila 1.05), UV hours 0-2000 (polypropylene loses most). Load = tenacity x
    density x packing x pi d^2 / 4 x cos^2(angle) x the factors, scatter 0.5%; extension = fibre extension x
    construction factor / cos^2(angle) scaled by the termination, scatter 0.5%. Returns (fibre, construction,
    termination ids, scaled conditions (n, 4), log load (kN) and log extension (%))."""
    fib = torch.randint(0, CD_FIBRES, (n,), generator=gen)
    bld = torch.randint(0, CD_BUILDS, (n,), generator=gen)
    end = torch.randint(0, CD_ENDS, (n,), generator=gen)
    u = torch.rand(n, 4, generator=gen)
    diam = 6 + 34 * u[:, 0]
    ang = torch.deg2rad(12 + 18 * u[:, 1])
    wet = (u[:, 2] > 0.5).float()
    uv = 2000 * u[:, 3]
    ten = torch.tensor([0.35, 0.3, 0.75, 0.7, 0.55, 2.8])[fib]
    dens = torch.tensor([1.48, 1.48, 1.14, 1.38, 0.91, 0.97])[fib]
    ext = torch.tensor([12.0, 10.0, 35.0, 20.0, 25.0, 4.0])[fib]
    pack = torch.tensor([0.62, 0.6, 0.58, 0.64])[bld]
    eff = torch.tensor([0.85, 0.9, 0.95, 0.88])[bld]
    bext = torch.tensor([1.3, 1.2, 1.0, 1.1])[bld]
    knot = torch.tensor([0.55, 0.55, 0.55, 0.55, 0.6, 0.45])[fib]
    term = torch.where(end == 0, torch.ones(n), torch.where(end == 1, torch.full((n,), 0.9), knot))
    wetf = torch.tensor([1.05, 1.03, 0.85, 0.98, 1.0, 1.0])[fib]
    wetf = 1 + wet * (wetf - 1)
    uvk = torch.tensor([0.1, 0.12, 0.15, 0.08, 0.6, 0.05])[fib]
    uvf = torch.exp(-uvk * uv / 1000 * (12 / diam).clamp_max(1.5))  # thick ropes shield their core
    cos2 = torch.cos(ang) ** 2
    load = ten * dens * pack * math.pi * diam**2 / 4 * cos2 * eff * term * wetf * uvf  # N/tex x g/cm3 x mm2 = kN
    load = load * torch.exp(0.005 * torch.randn(n, generator=gen))
    elong = ext * bext / cos2 * (0.7 + 0.3 * term) * (1 + 0.1 * wet * (fib == 2).float())
    elong = elong * torch.exp(0.005 * torch.randn(n, generator=gen))
    cond = (u - 0.5) / 0.29
    return fib, bld, end, cond, torch.stack([torch.log(load), torch.log(elong)], 1)


class CordageNet(nn.Module):
    """One-hot codes of the fibre (6), construction (4) and termination (3) joined with the 4 conditions, through
    two GELU layers of 64 to the log breaking load and log extension."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(CD_FIBRES + CD_BUILDS + CD_ENDS + 4, hidden), nn.GELU(),
                                 nn.Linear(hidden, hidden), nn.GELU(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cordage_strength(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The cordage net on 8192 break tests (one-hot codes and conditions), targets standardised over them; held out:
    2048 other tests in batches of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(62602)
    f, b, e, c, y = _cd_tests(train_size + 2048, gen)
    x = torch.cat([F.one_hot(f, CD_FIBRES), F.one_hot(b, CD_BUILDS), F.one_hot(e, CD_ENDS)], 1).float()
    x = torch.cat([x, c], 1)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    n = train_size
    tr = (x[:n], y[:n])
    torch.manual_seed(seed)
    return {"model": CordageNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], y[n:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("key_bitting_nesterov", key_bitting, 300, "key_bitting_silhouette_cnn", "sgd_nesterov0.9_wd5e-4", "finite",
      32, seconds=1.2, start_lr=0.2),
    W("kite_tension_adam", kite_tension, 300, "kite_line_tension_loyd_mlp", "adam", "finite", 32, seconds=0.3,
      start_lr=0.032),
    W("saltworks_brine_adamax", saltworks_brine, 300, "solar_saltworks_usiglio_brine_mlp", "adamax", "small_finite",
      32, seconds=0.3, start_lr=0.128),
    W("ropeway_profile_momentum", ropeway_profile, 300, "bicable_ropeway_track_rope_profile_mlp", "sgd_momentum0.9",
      "finite", 32, seconds=0.3, start_lr=0.128),
)
LONG = (
    W("dredge_slurry_rmsprop@long", dredge_slurry, 3000, "dredge_slurry_durand_gradient_mlp", "rmsprop", "finite",
      32, seconds=2.2, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("cordage_strength_nadam@long", cordage_strength, 3000, "cordage_breaking_strength_mlp", "nadam", "finite", 32,
      seconds=2.8, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("kite_tension_adam@long", kite_tension, 3000, "kite_line_tension_loyd_mlp", "adam", "finite", 32,
      dict(train_size=8192), seconds=2.5, start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="kite_tension_adam"),
    W("ropeway_profile_momentum@long", ropeway_profile, 3000, "bicable_ropeway_track_rope_profile_mlp",
      "sgd_momentum0.9", "finite", 32, dict(train_size=16384), seconds=2.2, start_lr=0.128,
      grid_fractions=(0.0, 0.05), long_of="ropeway_profile_momentum"),
)

REGISTRY = Registry(EXAM, LONG, "exam62_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-second exam's workloads")
