"""The fifty-ninth exam: six more workload families that neither the suite nor exams 1-58 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam58_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from welding and joining,
horology and watchmaking, tunnelling and tunnel-boring machines, numismatics and coin grading, laundry and
detergent performance, and pyrotechnics and fireworks (exam 60 was built at the same time from other domains; its
module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam59/README.md``. Every field convention below is the author's memory, not checked against
published code.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- resistance spot welding, weld quality from the process signals: a ReLU MLP over the dynamic-resistance and
  electrode-displacement curves (32 samples each over the weld time) and the weld schedule (current, weld time,
  electrode force, sheet thickness, coating, electrode tip diameter) regresses the nugget diameter measured by a
  peel test (as the dynamic-resistance quality-estimation ANNs of the 2000s, e.g. Cho & Rhee's, from memory);
  curves from a phenomenological heating model (contact-resistance collapse, bulk resistivity rising with
  temperature, nugget growth above a melting energy, expulsion); MSE in mm; Adam (torch's defaults)
- a timegrapher's amplitude from the sound of one beat (horology): a 1-d CNN over the envelope (rectified and
  smoothed, 4 kHz) of 28 ms of a contact microphone's signal, triggered on the first noise, with the lift angle
  and beat rate the watchmaker enters, gives the balance amplitude; the beat from an escapement's three noises
  (unlocking, impulse, drop) as damped case resonances, the drop delayed by the lift time asin(L / 2A) / (pi f);
  MSE of the amplitude in hundreds of degrees; NAdam (torch's defaults)
- TBM penetration rate from rock and machine parameters (tunnelling): a tanh MLP (as the ANN predictors of
  Benardos & Kaliampakos 2004 and Yagiz 2008, from memory) from the rock's UCS and Brazilian tensile strength, the
  spacing and orientation of its planes of weakness, thrust per cutter, cutterhead speed and the disc cutters'
  diameter, tip width and spacing to the rate of penetration; the rate from the Colorado School of Mines (Rostami)
  cutter-force model solved for the penetration per revolution, a fracturing factor for jointed rock, 5% field
  scatter; MSE of the log rate; RMSprop (torch's alpha 0.99)
- coin grading (numismatics): a small CNN classifies 24 x 24 shaded images of a coin's obverse into 8 grade bands
  of the Sheldon scale (Good to MS-65+); coins rendered from a relief height map (portrait, hair, legend, rim)
  whose high points are flattened by wear, mint luster's cartwheel, contact marks whose number falls with the
  mint-state grade, toning; graders' disagreement on the band boundaries; cross-entropy; SGD with momentum 0.9
  and weight decay 5e-4
- detergent wash performance (laundry; a long plan only): an MLP from the wash conditions (temperature, time,
  drum action, dose, water hardness, load, protease / amylase / lipase levels, bleach) to the stain removal index
  of 10 standard test-cloth stains; first-order removal kinetics per stain with surfactant (hardness-limited),
  enzyme (temperature optima and denaturation), bleach (activated) and mechanical terms, protein fixation at high
  temperature; 1.5-point reflectometer noise; MSE of the SRIs standardised per stain; Adagrad (torch's defaults)
- aerial firework shell ballistics (pyrotechnics; a long plan only): an MLP surrogate from the shell (calibre,
  mass, spherical or cylindrical), the lift charge, the mortar (length, tilt), wind and the time fuse to the burst
  point (height, downrange and crosswind drift) and the speed at burst; from an interior-ballistics efficiency and
  a quadratic-drag trajectory integrated to the fuse time; MSE of the scaled outputs (height / 100 m, drifts /
  20 m, speed / 20 m/s); Adamax (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the detergent and
firework-shell nets (no short plans), the TBM net on 4096 records instead of 512 and the spot-weld net on 8192
welds instead of 2048.

Of the eight plans, two use Adam (both spot-weld plans), one NAdam (timegrapher), two RMSprop (both TBM plans),
one SGD with momentum (coins), one Adagrad (detergent) and one Adamax (firework shells).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam59_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam59/README.md).

    python benchmarks/exam59_workloads.py          # the table
    python benchmarks/exam59_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 59"


def _u(n: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(n, generator=gen)


# --------------------------------------------------------------------------------------------------------------
# 1. resistance spot welding: nugget diameter from the dynamic-resistance and displacement curves (Adam)

SW_PTS = 32


def _sw_welds(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Spot welds of two equal steel sheets: current 7-12 kA, weld time 8-20 cycles at 50 Hz, electrode force
    2-4.5 kN, sheet thickness 0.7-2.0 mm, bare or galvanised (zinc needs more energy), tip diameter 5.5-8 mm (it
    grows as the electrode wears). Energy I^2 t against a melting energy that grows with the thickness, the tip's
    area, the force and the coating; the nugget grows above it towards 1.15 x the tip diameter and expels metal
    (a drop in resistance and displacement; the diameter is kept, the nugget is thinned) when the energy runs far
    past it (less with more force). The dynamic resistance (micro-ohms): a contact resistance falling with force
    and collapsing early, a bulk resistance rising with temperature, a fall as the nugget grows. The electrode
    displacement (mm): thermal expansion and nugget growth, collapse at expulsion. 2% noise on resistance, 3 um on
    displacement; the peel test's nugget diameter with 0.15 mm error. Returns (curves (n, 2, 32), standardised
    schedule (n, 6), nugget diameters (mm))."""
    cur = _u(n, 7, 12, gen)
    tw = _u(n, 0.16, 0.4, gen)
    force = _u(n, 2, 4.5, gen)
    th = _u(n, 0.7, 2.0, gen)
    coat = (torch.rand(n, generator=gen) < 0.5).float()
    tip = _u(n, 5.5, 8, gen)
    s = torch.linspace(1 / SW_PTS, 1, SW_PTS).view(1, -1)
    e_m = (6 * th * (tip / 6) ** 2 * (1 + 0.35 * coat) * (force / 3) ** 0.5).view(-1, 1)
    energy = (cur**2 * tw).view(-1, 1) * s
    over = F.relu(energy - e_m) / e_m
    d = 1.15 * tip.view(-1, 1) * (1 - torch.exp(-over / 1.2))
    exp_at = (2.5 + 0.4 * (force.view(-1, 1) - 3)).clamp_min(1.2)
    expelled = (over > exp_at).float()
    theta = (energy / e_m).clamp(max=1.0)
    r_c = (60 * (3 / force) * (1 - 0.4 * coat)).view(-1, 1) * torch.exp(-s / 0.08)
    r_b = (45 * th / (tip / 6) ** 2).view(-1, 1) * (1 + 2.5 * theta)
    ratio = d / (1.15 * tip.view(-1, 1))
    res = r_c + r_b * (1 - 0.35 * ratio**2) * (1 - 0.15 * expelled)
    disp = 0.03 * th.view(-1, 1) * theta + 0.05 * ratio**2 * th.view(-1, 1) - 0.06 * expelled
    res = res * (1 + 0.02 * torch.randn(res.shape, generator=gen))
    disp = disp + 0.003 * torch.randn(disp.shape, generator=gen)
    curves = torch.stack([(res - 120) / 50, disp / 0.05], 1)
    sched = torch.stack([(cur - 9.5) / 1.44, (tw - 0.28) / 0.07, (force - 3.25) / 0.72, (th - 1.35) / 0.375,
                         2 * coat - 1, (tip - 6.75) / 0.72], 1)
    nugget = d[:, -1] + 0.15 * torch.randn(n, generator=gen)
    return curves, sched, nugget.clamp_min(0)


class SpotWeldNet(nn.Module):
    """The quality-estimation ANN: the two process curves, sampled at 32 points each, and the weld schedule through
    two ReLU layers (64, 32) to the nugget diameter (the output scaled to the nuggets' usual 4.5 +- 2 mm)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2 * SW_PTS + 6, hidden), nn.ReLU(), nn.Linear(hidden, hidden // 2),
                                 nn.ReLU(), nn.Linear(hidden // 2, 1))

    def forward(self, curves: torch.Tensor, sched: torch.Tensor) -> torch.Tensor:
        return 4.5 + 2 * self.net(torch.cat([curves.flatten(1), sched], 1)).squeeze(1)


def nugget_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the nugget diameter (mm)."""
    curves, sched, d = batch
    return F.mse_loss(model(curves, sched), d)


def spot_weld(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The spot-weld net on 2048 logged welds with peel-test nuggets; held out: 2048 other welds in batches of 1024;
    Adam."""
    gen = torch.Generator().manual_seed(59102)
    c, s, d = _sw_welds(train_size + 2048, gen)
    tr = (c[:train_size], s[:train_size], d[:train_size])
    torch.manual_seed(seed)
    return {"model": SpotWeldNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], s[train_size:], d[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": nugget_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. a timegrapher's balance amplitude from the sound of one beat (NAdam)

TG_RATE, TG_LEN = 8000, 224
TG_BPH = torch.tensor([21600.0, 25200.0, 28800.0, 36000.0])


def _tg_beats(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """One beat of a lever escapement as a contact microphone hears it, 28 ms at 8 kHz: the unlocking noise at 1 ms (the
    trigger, +-0.1 ms), the impulse 25-45% of the lift time later, the drop (the escape wheel tooth landing on the
    locking face) at the end of the lift time t = asin(L / 2A) / (pi f), the balance swinging A sin(2 pi f t) through
    the lift angle L. Calibres: 21,600-36,000 beats an hour (f = 3-5 Hz), lift angles 40-58 degrees, amplitudes 170-320
    degrees. Each noise a sum of two damped case resonances (1.2-3.6 kHz, decay 0.3-0.9 ms) of random phase and level
    (the drop the loudest); background noise of sd 0.03-0.12 and mains hum; the envelope detector (rectify, average over
    0.5 ms, 4 kHz), normalised by the mean level of all the generated beats (training and held-out together). Returns
    (envelopes (n, 1, 112), (lift angle, beat rate) scaled (n, 2), amplitude / 100 degrees)."""
    bph = TG_BPH[torch.randint(0, 4, (n,), generator=gen)]
    f = bph / 7200
    lift = _u(n, 40, 58, gen)
    amp = _u(n, 170, 320, gen)
    t_lift = torch.asin(lift / (2 * amp)) / (math.pi * f)
    t0 = _u(n, 0.0009, 0.0011, gen)
    t_imp = t0 + _u(n, 0.25, 0.45, gen) * t_lift
    t_drop = t0 + t_lift
    t = torch.arange(TG_LEN).float().view(1, -1) / TG_RATE
    sig = torch.zeros(n, TG_LEN)
    for onset, lo, hi in ((t0, 0.3, 0.6), (t_imp, 0.4, 0.9), (t_drop, 0.8, 1.3)):
        level = _u(n, lo, hi, gen).view(-1, 1)
        for _ in range(2):
            fr = _u(n, 1200, 3600, gen).view(-1, 1)
            tau = _u(n, 0.0003, 0.0009, gen).view(-1, 1)
            ph = _u(n, 0, 2 * math.pi, gen).view(-1, 1)
            dt = t - onset.view(-1, 1)
            sig = sig + 0.5 * level * (dt >= 0).float() * torch.exp(-dt.clamp_min(0) / tau) * torch.sin(
                2 * math.pi * fr * dt + ph)
    hum = _u(n, 0, 0.05, gen).view(-1, 1) * torch.sin(2 * math.pi * 50 * t + _u(n, 0, 6.28, gen).view(-1, 1))
    sig = sig + hum + _u(n, 0.03, 0.12, gen).view(-1, 1) * torch.randn(n, TG_LEN, generator=gen)
    env = F.avg_pool1d(sig.abs().unsqueeze(1), 4, stride=2, padding=1)  # the envelope detector, 4 kHz
    cond = torch.stack([(lift - 49) / 5.2, (f - 3.85) / 0.74], 1)
    return env / env.mean(), cond, amp / 100


class TimegrapherCNN(nn.Module):
    """A 1-d CNN over the beat's envelope (four convolutions of 8, 16, 16 and 8 channels, kernels 5, 5, 5, 3, ReLU,
    the last three strided), its flattened features joined with the lift angle and beat rate, a dense layer of 64
    and the amplitude (scaled to the usual 250 +- 50 degrees)."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(1, width // 2, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(width // 2, width, 5, stride=2, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, width, 5, stride=2, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, 8, 3, stride=2, padding=1), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(8 * (TG_LEN // 16) + 2, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, sig: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return 2.5 + 0.5 * self.head(torch.cat([self.conv(sig).flatten(1), cond], 1)).squeeze(1)


def amplitude_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the amplitude in hundreds of degrees."""
    sig, cond, a = batch
    return F.mse_loss(model(sig, cond), a)


def timegrapher(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The timegrapher CNN on 4096 recorded beats with known amplitudes (from an optical amplitude reading); held
    out: 1024 other beats in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(59202)
    x, c, a = _tg_beats(train_size + 1024, gen)
    tr = (x[:train_size], c[:train_size], a[:train_size])
    torch.manual_seed(seed)
    return {"model": TimegrapherCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], c[train_size:], a[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": amplitude_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. TBM rate of penetration with the CSM cutter model (RMSprop)


def _tbm_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bored sections: UCS 30-200 MPa (log-uniform), Brazilian tensile strength UCS / 8-16, distance between planes
    of weakness 0.05-2 m (log-uniform), the angle between them and the tunnel axis 0-90 degrees, thrust per cutter
    180-320 kN, cutterhead 4-12 rpm, disc cutters of 17 or 19 inches with tips 12-20 mm wide at 70-90 mm spacing.
    The penetration per revolution p solves the CSM model's normal force (Rostami): F = C T R phi P' / (1 + psi),
    phi = acos((R - p) / R), P' = C (S UCS^2 BTS / (phi sqrt(R T)))^(1/3), C = 2.12, psi = 0.1, Fn = F cos(phi / 2)
    (bisection, p at most 15 mm); a fracturing factor 1 + 1.4 exp(-DPW / 0.3) exp(-((alpha - 60) / 35)^2) for the
    jointed rock; the rate p x rpm x 60 / 1000 m/h with 5% field scatter. Returns (standardised inputs (n, 9), the
    log rate of penetration (ln m/h))."""
    ucs = torch.exp(_u(n, math.log(30), math.log(200), gen))
    bts = ucs / _u(n, 8, 16, gen)
    dpw = torch.exp(_u(n, math.log(0.05), math.log(2.0), gen))
    alpha = _u(n, 0, 90, gen)
    fn = _u(n, 180, 320, gen)
    rpm = _u(n, 4, 12, gen)
    big = (torch.rand(n, generator=gen) < 0.5).float()
    r = 0.216 + 0.025 * big
    tip = _u(n, 0.012, 0.020, gen)
    sp = _u(n, 0.07, 0.09, gen)

    def normal_force(p: torch.Tensor) -> torch.Tensor:
        phi = torch.acos((r - p) / r)
        pp = 2.12 * (sp * ucs**2 * bts / (phi * torch.sqrt(r * tip))) ** (1 / 3)
        return 2.12 * tip * r * phi * pp * 1e6 / 1.1 * torch.cos(phi / 2) / 1000  # kN

    lo, hi = torch.full((n,), 1e-5), torch.full((n,), 0.015)
    for _ in range(40):
        mid = (lo + hi) / 2
        below = normal_force(mid) < fn
        lo, hi = torch.where(below, mid, lo), torch.where(below, hi, mid)
    p = (lo + hi) / 2 * 1000  # mm / rev
    ks = 1 + 1.4 * torch.exp(-dpw / 0.3) * torch.exp(-(((alpha - 60) / 35) ** 2))
    rop = p * ks * rpm * 60 / 1000 * torch.exp(0.05 * torch.randn(n, generator=gen))
    x = torch.stack([(torch.log(ucs) - 4.5) / 0.53, (torch.log(bts) - 2.0) / 0.56, (torch.log(dpw) + 1.15) / 1.06,
                     (alpha - 45) / 26, (fn - 210) / 52, (rpm - 8) / 2.3, 2 * big - 1, (tip - 0.016) / 0.0023,
                     (sp - 0.08) / 0.0058], 1)
    return x, torch.log(rop)


class TBMNet(nn.Module):
    """The geotechnical ANN: a tanh MLP from the nine rock and machine parameters to the log rate of penetration."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def rop_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log rate of penetration (ln m/h)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tbm_penetration(batch_size: int = 16, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The TBM net on 512 bored sections (a few projects' records); held out: 2048 other sections in batches of
    1024; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(59302)
    x, y = _tbm_records(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TBMNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": rop_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. coin grading from obverse images (SGD with momentum)

CG_SIZE, CG_BANDS = 24, 8


def _cg_coins(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Obverse photographs, 24 x 24: a relief height map (a rim, a portrait head and cheek, hair strands, a legend
    of 12 letters on a ring) shifted and turned slightly; a latent grade q in [0, 8) over the bands Good, Very
    Good, Fine, Very Fine, Extremely Fine, About Uncirculated, MS-60-64, MS-65+; wear (for q below 5.5) clips the
    relief's high points and smooths the hair; mint luster's cartwheel (a band of brightness turning with the light)
    for q above 4.5; contact marks (dark 3 x 3 spots) Poisson with a mean falling from 8 to 1 through the mint-state
    grades (4 on circulated coins); Lambertian shading under a lamp at 135 +- 20 degrees; toning (a dimming of
    0-35%); pixel noise 0.03. The label is the band of q plus the graders' disagreement (sd 0.3 of a band).
    Returns (images (n, 1, 24, 24), standardised with the pool's usual mean and sd, bands)."""
    g = torch.linspace(-1, 1, CG_SIZE)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    xx, yy = xx.unsqueeze(0), yy.unsqueeze(0)
    rot = _u(n, -0.25, 0.25, gen).view(-1, 1, 1)
    dx, dy = _u(n, -0.06, 0.06, gen).view(-1, 1, 1), _u(n, -0.06, 0.06, gen).view(-1, 1, 1)
    xr = torch.cos(rot) * (xx - dx) + torch.sin(rot) * (yy - dy)
    yr = -torch.sin(rot) * (xx - dx) + torch.cos(rot) * (yy - dy)
    rad = (xr**2 + yr**2).sqrt()
    q = 8 * torch.rand(n, generator=gen)
    wear = (1 - q / 5.5).clamp(0, 1).view(-1, 1, 1)
    head = 0.8 * torch.exp(-((xr + 0.05) ** 2 + (yr - 0.05) ** 2) / (2 * 0.3**2))
    cheek = 0.3 * torch.exp(-((xr - 0.1) ** 2 + (yr + 0.08) ** 2) / (2 * 0.13**2))
    hair_zone = torch.exp(-((xr + 0.15) ** 2 + (yr - 0.3) ** 2) / (2 * 0.2**2))
    hair = 0.25 * hair_zone * (1 + torch.sin(22 * (0.7 * xr + 0.7 * yr))) * (1 - wear)
    letters = 0.45 * torch.exp(-((rad - 0.7) ** 2) / (2 * 0.05**2)) * F.relu(torch.cos(12 * torch.atan2(yr, xr) - 0.2))
    design = head + cheek + hair + letters
    design = torch.minimum(design, 1.0 - 0.75 * wear)
    rim = ((rad > 0.84) & (rad < 0.94)).float() * (1.0 - 0.2 * wear)
    h = design * (rad < 0.84).float() + rim
    gy, gx = torch.gradient(h, dim=(1, 2))
    light = math.radians(135) + _u(n, -0.35, 0.35, gen).view(-1, 1, 1)
    lx, ly, lz = torch.cos(light), torch.sin(light), 1.5
    norm = (gx * 8) ** 2 + (gy * 8) ** 2 + 1
    shade = ((-8 * gx * lx - 8 * gy * ly + lz) / (norm.sqrt() * math.sqrt(1 + 1.5**2))).clamp_min(0)
    theta = torch.atan2(yy, xx)
    luster = (q.view(-1, 1, 1) - 4.5).clamp(0, 1) * 0.25 * torch.cos(2 * (theta - light)) ** 2
    img = (0.25 + 0.65 * shade + luster) * (rad < 0.94).float()
    lam = torch.where(q >= 6, 8 - 3.5 * (q - 6), torch.full((n,), 4.0))
    marks = torch.poisson(lam, generator=gen).clamp(max=12)
    on = (torch.arange(12).view(1, -1) < marks.view(-1, 1)).float()  # n, 12
    mr = 0.8 * torch.rand(n, 12, generator=gen).sqrt()
    ma = 2 * math.pi * torch.rand(n, 12, generator=gen)
    px = ((mr * torch.cos(ma) + 1) / 2 * (CG_SIZE - 1)).round().long()
    py = ((mr * torch.sin(ma) + 1) / 2 * (CG_SIZE - 1)).round().long()
    dots = torch.zeros(n, CG_SIZE * CG_SIZE).scatter_add_(1, py * CG_SIZE + px, on)
    k = torch.tensor([0.25, 0.5, 0.25])
    dots = F.conv2d(dots.view(n, 1, CG_SIZE, CG_SIZE), (k.view(3, 1) * k.view(1, 3)).view(1, 1, 3, 3), padding=1)
    img = img - 0.6 * dots[:, 0]
    img = img * (1 - _u(n, 0, 0.35, gen).view(-1, 1, 1)) + 0.03 * torch.randn(img.shape, generator=gen)
    band = (q + 0.3 * torch.randn(n, generator=gen)).clamp(0, CG_BANDS - 1e-3).floor().long()
    return ((img - 0.34) / 0.3).unsqueeze(1), band


class CoinGradeCNN(nn.Module):
    """A small CNN: three 3x3 convolutions (8, 16, 32 channels, ReLU, 2x2 max pooling after each), a dense
    layer of 64 and the 8 grade bands."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(2 * width, 4 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(4 * width * 9, 64), nn.ReLU(), nn.Linear(64, CG_BANDS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def grade_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the grade band."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def coin_grading(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 8) -> dict[str, Any]:
    """The grading CNN on 4096 graded coins; held out: 1024 other coins in batches of 512; SGD with momentum 0.9 and
    weight decay 5e-4."""
    gen = torch.Generator().manual_seed(59402)
    x, y = _cg_coins(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CoinGradeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": grade_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. detergent wash performance on standard stains (Adagrad; long only)

DT_STAINS = 10


def _dt_washes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Washes of a strip of 10 stained test cloths (blood, egg yolk, cocoa, porridge starch, sebum, lipstick, red
    wine, tea, grass, clay): temperature 15-70 C, time 15-120 min, drum action 0.3-1, detergent dose 20-100 g,
    water hardness 0-4 mmol/L, load 2-8 kg, protease, amylase and lipase levels 0-1, bleach (percarbonate with TAED)
    0-1. The removal 1 - exp(-k sqrt(t / 60 min)), k per stain a sum of a surfactant term (the dose left after the
    hardness binds it, per kg of load, Arrhenius in temperature), enzyme terms for the stains each enzyme digests
    (an activity peaking at 40-55 C and denatured above), an activated-bleach term for the bleachable stains, a
    mechanical term for the particulate clay; protein stains fixed by heat without protease; the SRI 100 x removal
    of the removable part with 1.5 points of reflectometer noise. Returns (standardised conditions (n, 10), SRI / 10
    (n, 10))."""
    temp = _u(n, 15, 70, gen)
    time = _u(n, 15, 120, gen)
    mech = _u(n, 0.3, 1.0, gen)
    dose = _u(n, 20, 100, gen)
    hard = _u(n, 0, 4, gen)
    load = _u(n, 2, 8, gen)
    prot, amyl, lip, bleach = (torch.rand(n, generator=gen) for _ in range(4))
    free = F.softplus((dose - 12 * hard) / 10) * 10 / (20 + 4 * load)
    arr = torch.exp(0.035 * (temp - 40))
    surf = 0.6 * free * arr

    def activity(opt: float) -> torch.Tensor:
        return torch.exp(-(((temp - opt) / 18) ** 2)) * torch.sigmoid((62 - temp) / 3)

    s = torch.tensor  # per-stain weights: surfactant, protease, amylase, lipase, bleach, mechanics
    w = s([[0.3, 2.5, 0.0, 0.0, 0.2, 0.3], [0.5, 1.5, 0.0, 0.8, 0.3, 0.3], [0.8, 0.8, 0.6, 0.0, 0.5, 0.4],
           [0.4, 0.0, 2.8, 0.0, 0.0, 0.4], [1.2, 0.0, 0.0, 2.0, 0.0, 0.2], [0.9, 0.0, 0.0, 1.0, 0.4, 0.3],
           [0.6, 0.0, 0.0, 0.0, 2.2, 0.2], [0.5, 0.0, 0.0, 0.0, 2.6, 0.2], [0.5, 1.2, 0.0, 0.0, 1.0, 0.5],
           [0.7, 0.0, 0.0, 0.0, 0.0, 1.8]])
    terms = torch.stack([surf, prot * activity(50), amyl * activity(55), lip * activity(40),
                         bleach * (0.2 + 0.8 * torch.sigmoid((temp - 35) / 6)) * (1 - 0.3 * hard / 4),
                         mech * (0.5 + load / 8) ** -0.5], 1)
    k = terms @ w.T
    fix = (torch.sigmoid((temp - 45) / 5) * (1 - prot)).view(-1, 1) * torch.tensor([0.6, 0.4, 0.2] + [0.0] * 5
                                                                                  + [0.3, 0.0]).view(1, -1)
    removal = (1 - torch.exp(-k * (time / 60).sqrt().view(-1, 1))) * (1 - fix)
    sri = 100 * removal + 1.5 * torch.randn(n, DT_STAINS, generator=gen)
    x = torch.stack([(temp - 42.5) / 15.9, (time - 67.5) / 27.4, (mech - 0.65) / 0.2, (dose - 60) / 23,
                     (hard - 2) / 1.15, (load - 5) / 1.73, (prot - 0.5) / 0.29, (amyl - 0.5) / 0.29,
                     (lip - 0.5) / 0.29, (bleach - 0.5) / 0.29], 1)
    return x, sri / 10


class WashNet(nn.Module):
    """The wash-performance MLP: the ten conditions through two SiLU layers to the ten stains' SRI."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, DT_STAINS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sri_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised stain removal indices, over the 10 stains."""
    x, y = batch
    return F.mse_loss(model(x), y)


def detergent_wash(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The wash-performance net on 4096 test washes, each stain's SRI standardised over them; held out: 2048 other
    washes in batches of 1024; Adagrad."""
    gen = torch.Generator().manual_seed(59502)
    x, y = _dt_washes(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WashNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": sri_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. aerial firework shell ballistics (Adamax; long only)


def _fw_shells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Shells of 3-8 inches (7.6-20.3 cm), spherical (Cd 0.47) or cylindrical (Cd 0.8, 1.3 x heavier), mass 0.5 x
    (calibre / 3 in)^3 kg x 0.85-1.15; a black-powder lift charge of 8-16% of the shell's mass (3 MJ/kg) at an
    efficiency of 1.1% (+-5% from lot to lot) x (1 - exp(-mortar length / 4 calibres)), the mortar 4-7 calibres long and
    tilted 0-15 degrees downrange; wind of 0-10 m/s at an angle to the downrange direction; a time fuse of 2.5-6.5 s;
    air density 1.1-1.25 kg/m3. The muzzle velocity from the lift energy over the shell and a third of the charge; the
    flight integrated with quadratic drag relative to the wind (Euler, 20 ms steps) to the fuse time. Returns
    (standardised inputs (n, 10), burst height / 100 m, downrange / 20 m, crosswind / 20 m, burst speed / 20 m/s)."""
    cal = _u(n, 3, 8, gen)
    cyl = (torch.rand(n, generator=gen) < 0.4).float()
    mass = 0.5 * (cal / 3) ** 3 * _u(n, 0.85, 1.15, gen) * (1 + 0.3 * cyl)
    lift = mass * _u(n, 0.08, 0.16, gen)
    length = _u(n, 4, 7, gen)
    tilt = torch.deg2rad(_u(n, 0, 15, gen))
    wind = _u(n, 0, 10, gen)
    wdir = _u(n, -math.pi, math.pi, gen)
    fuse = _u(n, 2.5, 6.5, gen)
    rho = _u(n, 1.1, 1.25, gen)
    eff = 0.011 * _u(n, 0.95, 1.05, gen) * (1 - torch.exp(-length / 4))
    v0 = (2 * eff * 3e6 * lift / (mass + lift / 3)).sqrt()
    area = math.pi * (cal * 0.0254 / 2) ** 2
    k = 0.5 * rho * (0.47 + 0.33 * cyl) * area / mass
    vx, vy, vz = v0 * torch.sin(tilt), torch.zeros(n), v0 * torch.cos(tilt)
    x, y, z = torch.zeros(n), torch.zeros(n), torch.zeros(n)
    wx, wy = wind * torch.cos(wdir), wind * torch.sin(wdir)
    dt = 0.02
    for i in range(350):
        on = (i * dt < fuse).float()
        rx, ry = vx - wx, vy - wy
        sp = (rx**2 + ry**2 + vz**2).sqrt()
        ax, ay, az = -k * sp * rx, -k * sp * ry, -9.81 - k * sp * vz
        x, y, z = x + on * vx * dt, y + on * vy * dt, z + on * vz * dt
        vx, vy, vz = vx + on * ax * dt, vy + on * ay * dt, vz + on * az * dt
    speed = (vx**2 + vy**2 + vz**2).sqrt()
    inp = torch.stack([(cal - 5.5) / 1.44, 2 * cyl - 1, (torch.log(mass) - 0.9) / 0.85, (lift / mass - 0.12) / 0.023,
                       (length - 5.5) / 0.87, (tilt - 0.13) / 0.076, wx / 4.1, wy / 4.1, (fuse - 5) / 1.15,
                       (rho - 1.175) / 0.043], 1)
    return inp, torch.stack([z / 100, x / 20, y / 20, speed / 20], 1)


class ShellNet(nn.Module):
    """The ballistics surrogate: a tanh MLP from the ten shell, mortar and weather inputs to the burst point and
    speed."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def burst_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the scaled burst height, drifts and speed."""
    x, y = batch
    return F.mse_loss(model(x), y)


def firework_shell(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The shell surrogate on 8192 simulated shots; held out: 2048 other shots in batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(59602)
    x, y = _fw_shells(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShellNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": burst_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("spot_weld_adam", spot_weld, 300, "resistance_spot_weld_dynamic_resistance_ann", "adam", "finite", 32,
      seconds=0.3, start_lr=0.016),
    W("timegrapher_nadam", timegrapher, 300, "timegrapher_beat_amplitude_cnn", "nadam", "finite", 32,
      seconds=1.1, start_lr=0.008),
    W("tbm_penetration_rmsprop", tbm_penetration, 300, "tbm_csm_penetration_rate_ann", "rmsprop", "small_finite", 16,
      seconds=0.15, start_lr=0.008),
    W("coin_grading_sgdm", coin_grading, 300, "coin_grading_sheldon_cnn", "sgd_momentum0.9_wd5e-4", "finite", 32,
      seconds=1.4, start_lr=0.05),
)
LONG = (
    W("detergent_wash_adagrad@long", detergent_wash, 3000, "detergent_stain_removal_mlp", "adagrad", "finite", 32,
      seconds=2.3, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("firework_shell_adamax@long", firework_shell, 3000, "aerial_shell_ballistics_surrogate_mlp", "adamax", "finite",
      32, seconds=3.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("tbm_penetration_rmsprop@long", tbm_penetration, 3000, "tbm_csm_penetration_rate_ann", "rmsprop", "finite", 16,
      dict(train_size=4096), seconds=2.1, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="tbm_penetration_rmsprop"),
    W("spot_weld_adam@long", spot_weld, 3000, "resistance_spot_weld_dynamic_resistance_ann", "adam", "finite", 32,
      dict(train_size=8192), seconds=5.0, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="spot_weld_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam59_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-ninth exam's workloads")
