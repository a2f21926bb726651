"""The seventy-fifth exam: six more workload families that neither the suite nor exams 1-74 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam74_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from cheese making and curd
firmness, carillons and bell tuning, rodeo and bull riding, sumo wrestling and the tachiai, judo and throw
kinematics, and letterpress printing and ink transfer (exam 76 was built at the same time from other domains; its
module was not opened). What was checked to make them new, and what was tried, is in
``benchmarks/results/exam75/README.md``. The models are written from memory of their sources, not copied.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- rennet curd firming, a grey-box net (cheese making): a tanh MLP maps the milk and vat conditions (protein, fat,
  pH, temperature, rennet dose, CaCl2) to the three parameters of a first-order curd-firming curve (the
  gel time, the firming rate, the final firmness; the form of Carlson et al.'s and Douillard's firming models),
  evaluated at 16 times after renneting; curves from Holter-like gel times (inverse in the enzyme dose,
  Arrhenius in temperature, faster at low pH and with calcium), a final firmness quadratic in protein, and
  rheometer noise; MSE of G' in units of 100 Pa; RAdam (torch's defaults)
- carillon bell tuning from the strike spectrum: a small 1-d CNN reads the log magnitude spectrum of a struck bell
  (160 bins of 40 cents, locked to the nominal) and returns the lock's error and the hum, prime, tierce and quint
  deviations (cents) from true-harmonic tuning, the numbers a bell tuner reads before a cut; spectra with
  Lorentzian partials of decay-dependent width, random strike amplitudes, higher partials and noise; MSE of the
  scaled targets; Adam (torch's defaults)
- bull riding, the rider's biodynamic response (rodeo): a GELU MLP from the buck (frequency, height, how hard it
  lands), the rider's mass, muscle tension and grip to the log peak head acceleration, the log peak seat force and
  the log RMS spine compression; data from a 2-DOF seated biodynamic rider (pelvis and upper body on
  spring-dampers, in the style of the whole-body-vibration models) on the bull's moving back, integrated in the
  factory (the buck's phase is not an input); MSE of the standardised targets; NAdam (torch's defaults)
- letterpress ink transfer, a grey-box net around the Walker-Fetsko equation: an MLP maps the paper (roughness,
  absorbency), the press (impression pressure, speed) and the ink (viscosity, temperature) to the Walker-Fetsko
  parameters k, b and f, evaluated at 12 plate ink films; data from the equation with physically plausible
  parameter laws and gravimetric noise; MSE of the transferred film (um); RAdam (torch's defaults)
- the sumo tachiai (a long plan only): an MLP from the two wrestlers' masses, starts, charge accelerations, stances,
  the dohyo's friction and the first wrestler's tactic (push, belt, slap, side-step) to the clash impulse, the speed
  after the clash and the clinch's displacement 0.6 s later; data from a partially inelastic collision and a
  friction-limited pushing phase; MSE of the standardised targets; RAdam (torch's defaults)
- judo throw kinematics (a long plan only): an MLP with a throw embedding (seoi-nage, o-soto-gari, uchi-mata,
  harai-goshi, tai-otoshi) from uke's height and mass, the kuzushi pull, the lean, tori's drive, the fulcrum and the
  break-fall skill to uke's log peak head speed, log fall time and log impact speed of the centre of mass; data
  from a rigid rod rotating about the throw's fulcrum under gravity (integrated in the factory); MSE of the
  standardised targets; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tachiai and judo
nets (no short plans), the curd-firming net on 4096 vats instead of 512 and the ink-transfer net on 4096 press runs
instead of 512; both larger pools are also measured more precisely (a pilot plant's rheometer, a print tester's
balance: a third to a quarter of the short plans' noise), which the short plans' noise would otherwise hide.

Of the eight plans, six use RAdam (both curd-firming plans, both ink-transfer plans, tachiai, judo), one Adam
(carillon) and one NAdam (bull riding).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam75_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam75/README.md).

    python benchmarks/exam75_workloads.py          # the table
    python benchmarks/exam75_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 75"


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised over the first ``n`` (training) rows."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's output on the batch's last tensor."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. rennet curd firming, a grey-box net (RAdam)

CF_TIMES = torch.linspace(2.0, 60.0, 16)  # minutes after renneting


def _cf_vats(n: int, gen: torch.Generator, rel_noise: float = 0.03,
             abs_noise: float = 2.0) -> tuple[torch.Tensor, torch.Tensor]:
    """Vats: protein 2.8-4.2%, fat 2.5-4.5%, pH 6.2-6.7, temperature 28-38 C, rennet 0.01-0.04 mL/L (single
    strength), CaCl2 0-0.04%. The gel time (min): Holter's t_g = A + K / E with K Arrhenius-like in temperature
    (about x2 per 8 C), faster at lower pH and with added calcium, a little slower with more protein. The firming
    rate rises with the enzyme dose and temperature; the final firmness G'_inf (Pa) is quadratic in the protein,
    lowered by fat, raised by calcium and by a lower pH. G'(t) = G'_inf (1 - exp(-k (t - t_g))) after the gel time,
    rheometer noise (3% and 2 Pa by default; 1% and 0.5 Pa for a better-instrumented pilot plant). Returns
    (scaled conditions (n, 6), G' / 100 Pa (n, 16))."""
    prot = 2.8 + 1.4 * torch.rand(n, generator=gen)
    fat = 2.5 + 2.0 * torch.rand(n, generator=gen)
    ph = 6.2 + 0.5 * torch.rand(n, generator=gen)
    temp = 28 + 10 * torch.rand(n, generator=gen)
    dose = 0.01 + 0.03 * torch.rand(n, generator=gen)
    ca = 0.04 * torch.rand(n, generator=gen)
    speed = torch.exp(0.087 * (temp - 32)) * torch.exp(-2.2 * (ph - 6.55)) * (1 + 6 * ca) * (3.4 / prot) ** 0.3
    tg = 2.0 + 0.28 / dose / speed
    k = 0.045 * (dose / 0.02) ** 0.6 * torch.exp(0.05 * (temp - 32)) * (1 + 0.8 * (6.6 - ph))
    ginf = 190 * (prot / 3.4) ** 2 * (1 - 0.06 * (fat - 3.5)) * (1 + 5 * ca) * torch.exp(-1.2 * (ph - 6.5))
    t = CF_TIMES.view(1, -1)
    g = ginf.view(-1, 1) * (1 - torch.exp(-k.view(-1, 1) * F.relu(t - tg.view(-1, 1))))
    g = g * (1 + rel_noise * torch.randn(g.shape, generator=gen)) + abs_noise * torch.randn(g.shape, generator=gen)
    x = torch.stack([(prot - 3.5) / 0.4, (fat - 3.5) / 0.58, (ph - 6.45) / 0.14, (temp - 33) / 2.9,
                     (dose - 0.025) / 0.0087, (ca - 0.02) / 0.0115], 1)
    return x, g / 100


class CurdFirmingNet(nn.Module):
    """A grey-box curd-firming model: a tanh MLP from the six vat conditions to log gel time, log firming rate and
    log final firmness, put through the first-order firming curve (a softplus for the lag so it stays smooth)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        tg = 12 * torch.exp(0.5 * p[:, :1])
        k = 0.08 * torch.exp(0.5 * p[:, 1:2])
        ginf = 2.0 * torch.exp(0.5 * p[:, 2:3])
        lag = F.softplus(4 * (CF_TIMES.view(1, -1) - tg)) / 4
        return ginf * (1 - torch.exp(-k * lag))


def curd_firming(batch_size: int = 64, seed: int = 0, train_size: int = 512, hidden: int = 64,
                 rel_noise: float = 0.03, abs_noise: float = 2.0) -> dict[str, Any]:
    """The curd-firming net (64 tanh units a layer) on 512 vats' curves in batches of 64 (3% and 2 Pa of rheometer
    noise); held out: 2048 other vats (the same noise) in batches of 1024; RAdam. The long plan: 4096 vats measured
    to 1% and 0.5 Pa."""
    gen = torch.Generator().manual_seed(75102)
    x, y = _cf_vats(train_size + 2048, gen, rel_noise, abs_noise)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CurdFirmingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. carillon bell tuning from the strike spectrum (Adam)

CB_BINS, CB_CENTS = 160, 40.0  # bins of 40 cents from the spectrum's floor
CB_IDEAL = torch.tensor([-2400.0, -1200.0, -900.0, -498.0, 0.0, 702.0, 1200.0, 1586.0])  # hum .. nominal .. upper


def _cb_bells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Struck bells as a tuner's analyser shows them: the spectrum on a cents axis locked to the nominal (the
    strongest upper partial, found first) to within N(0, 15) cents, from 2800 cents below it to 3600 cents above
    it; the hum, prime, tierce and quint off true-harmonic tuning by N(0, 25) cents (old, untuned bells), the
    upper partials by N(0, 15). Each partial a Lorentzian peak in the power spectrum (a decaying sinusoid): width
    12-40 cents (the hum rings longest, the upper partials shortest), strike amplitude random (+-8 dB about a
    profile), a -45 dB noise floor and 1.5 dB of ripple. Returns (log spectrum (n, 1, 160) scaled, targets (n, 5):
    the lock's error in units of 15 cents and the four deviations in units of 25 cents)."""
    lock = 15 * torch.randn(n, 1, generator=gen)
    dev = torch.cat([25 * torch.randn(n, 4, generator=gen), torch.zeros(n, 1),
                     15 * torch.randn(n, 3, generator=gen)], 1)
    pos = 2800 + lock + CB_IDEAL.view(1, -1) + dev
    width = torch.tensor([12.0, 16, 20, 24, 22, 30, 34, 40]).view(1, -1) * (0.8 + 0.4 * torch.rand(n, 8, generator=gen))
    level = (torch.tensor([-12.0, -6, 0, -10, -2, -8, -12, -16]).view(1, -1)
             + 8 * (2 * torch.rand(n, 8, generator=gen) - 1))
    f = (torch.arange(CB_BINS) * CB_CENTS).view(1, 1, -1)
    power = (10 ** (level / 10)).unsqueeze(2) / (1 + ((f - pos.unsqueeze(2)) / width.unsqueeze(2)) ** 2)
    spec = 10 * torch.log10(power.sum(1) + 10 ** -4.5) + 1.5 * torch.randn(n, CB_BINS, generator=gen)
    y = torch.cat([lock / 15, dev[:, :4] / 25], 1)
    return ((spec + 25) / 12).unsqueeze(1), y


class StrikeSpectrumCNN(nn.Module):
    """A small 1-d CNN over the spectrum: two convolutions (8 channels width 7, 16 channels width 5) with ReLU and
    max-pooling by 2, then a dense layer of 64 and the five outputs."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(1, 8, 7, padding=3), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(8, 16, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(16 * CB_BINS // 4, hidden), nn.ReLU(), nn.Linear(hidden, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def carillon_tuning(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The strike-spectrum CNN on 2048 bells; held out: 2048 other bells in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(75202)
    x, y = _cb_bells(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StrikeSpectrumCNN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. bull riding: a seated biodynamic rider on a bucking bull (NAdam)

BR_STEPS, BR_DT = 1600, 0.0025  # 4 s of ride at 2.5 ms


def _br_rides(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Rides: the bull's back bounds as a rectified sine, amp |sin(pi f t + phase)|, 1.2-2.2 bucks/s, 0.15-0.45 m
    high, a random phase, each landing's cusp rounded over 30-60 ms (a harder landing, a sharper jolt: about
    amp (pi f)^2 / sin(pi f dur / 2), 2-20 g); the rider's mass 55-85 kg, muscle tension 0-1 (stiffens and damps
    the spine and the hips) and the grip on the bull rope 0-1 (stiffens the seat, and lets the legs and the rope
    hand pull the rider down with up to 0.3-1.2 body weights). The rider is a 2-DOF seated biodynamic model in the
    style of the whole-body-vibration literature (pelvis and legs 45% of the mass on a seat spring-damper, the upper
    body and head on a spine spring-damper), integrated (semi-implicit Euler) over 4 s; the peaks and the RMS are
    taken over the last 3 s. Targets: the log peak head acceleration (g), the log peak seat force (body weights,
    floored at 0.1) and the log RMS spine compression (cm, floored at 0.05), with 2% measurement scatter. Returns
    (scaled conditions (n, 6), targets (n, 3))."""
    f = 1.2 + 1.0 * torch.rand(n, generator=gen)
    amp = 0.15 + 0.3 * torch.rand(n, generator=gen)
    dur = 0.03 + 0.03 * torch.rand(n, generator=gen)
    mass = 55 + 30 * torch.rand(n, generator=gen)
    tense = torch.rand(n, generator=gen)
    grip = torch.rand(n, generator=gen)
    ph = torch.rand(n, generator=gen)
    m1, m2 = 0.45 * mass, 0.55 * mass
    k1 = 2.0e4 * (1 + 1.5 * grip) * (mass / 70)
    c1 = 900 * (1 + 0.8 * grip) * (mass / 70) ** 0.5
    k2 = 3.0e4 * (1 + 2.0 * tense) * (mass / 70)
    c2 = 700 * (1 + 1.5 * tense) * (mass / 70) ** 0.5
    g = 9.81
    hold = -(0.3 + 0.9 * grip) * mass * g
    z1 = -mass * g / k1  # the static sag of the seat
    z2 = z1 - m2 * g / k2
    v1 = torch.zeros(n)
    v2 = torch.zeros(n)
    eps = torch.sin(math.pi * f * dur / 2)  # the cusp's rounding
    peak_a2 = torch.zeros(n)
    peak_f1 = torch.zeros(n)
    sq = torch.zeros(n)
    for step in range(BR_STEPS):
        t = step * BR_DT
        sn, cs = torch.sin(math.pi * (f * t + ph)), torch.cos(math.pi * (f * t + ph))
        r = (sn**2 + eps**2).sqrt()
        zb = amp * (r - eps)
        vb = amp * math.pi * f * sn * cs / r
        f1 = k1 * (zb - z1) + c1 * (vb - v1)
        f1 = torch.maximum(f1, hold)  # the legs and the rope hand can pull only so hard
        f2 = k2 * (z1 - z2) + c2 * (v1 - v2)
        a1 = (f1 - f2) / m1 - g
        a2 = f2 / m2 - g
        v1 = v1 + a1 * BR_DT
        v2 = v2 + a2 * BR_DT
        z1 = z1 + v1 * BR_DT
        z2 = z2 + v2 * BR_DT
        if step >= 400:  # after the first second (the transient)
            peak_a2 = torch.maximum(peak_a2, (a2 + g).abs() / g)
            peak_f1 = torch.maximum(peak_f1, f1 / (mass * g))
            sq = sq + (z1 - z2) ** 2
    rms = (sq / (BR_STEPS - 400)).sqrt() * 100
    y = torch.stack([torch.log(peak_a2), torch.log(peak_f1.clamp_min(0.1)), torch.log(rms.clamp_min(0.05))], 1)
    y = y + 0.02 * torch.randn(y.shape, generator=gen)
    cond = torch.stack([(f - 1.7) / 0.29, (amp - 0.3) / 0.087, (dur - 0.045) / 0.0087, (mass - 70) / 8.7,
                        (tense - 0.5) / 0.29, (grip - 0.5) / 0.29], 1)
    return cond, y


class RiderResponseNet(nn.Module):
    """A GELU MLP from the six scaled ride conditions to the three log responses."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def bull_ride(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The rider-response net on 2048 simulated rides in batches of 64, targets standardised over them; held out:
    2048 other rides in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(75302)
    x, y = _br_rides(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RiderResponseNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. letterpress ink transfer with the Walker-Fetsko equation (RAdam)

LP_FILMS = torch.linspace(0.5, 12.0, 12)  # ink film on the forme, um (about g/m2)


def _lp_runs(n: int, gen: torch.Generator, rel_noise: float = 0.02,
             abs_noise: float = 0.03) -> tuple[torch.Tensor, torch.Tensor]:
    """Press runs: paper roughness (Parker Print-Surf) 1-7 um, absorbency (Cobb) 15-80 g/m2, impression pressure
    1-4 MPa, speed 500-3000 impressions/h, ink viscosity 10-60 Pa s, temperature 15-30 C. Walker-Fetsko:
    y = (1 - exp(-k x)) [b (1 - exp(-x / b)) + f (x - b (1 - exp(-x / b)))], k (contact) falling with roughness and
    rising with pressure, b (the immobilised film) rising with roughness and absorbency and with dwell time (lower
    speed), f (the free-film split) near 0.5, lowered by viscous ink at speed and raised by warmth; gravimetric
    noise (2% and 0.03 um by default; 0.5% and 0.01 um for a laboratory print tester). Returns (scaled conditions
    (n, 6), the transferred film (n, 12), um)."""
    rough = 1 + 6 * torch.rand(n, generator=gen)
    cobb = 15 + 65 * torch.rand(n, generator=gen)
    press = 1 + 3 * torch.rand(n, generator=gen)
    speed = 500 + 2500 * torch.rand(n, generator=gen)
    visc = 10 + 50 * torch.rand(n, generator=gen)
    temp = 15 + 15 * torch.rand(n, generator=gen)
    k = 1.6 * (press / 2.5) ** 0.7 * (3 / rough) ** 0.9
    b = 0.35 * (rough / 3) ** 0.8 * (cobb / 40) ** 0.4 * (1500 / speed) ** 0.25
    visc_t = visc * torch.exp(-0.04 * (temp - 22))
    f = torch.sigmoid(0.2 - 0.6 * torch.log(visc_t / 30) * (speed / 1500) ** 0.5 - 0.15 * (rough - 4))
    x = LP_FILMS.view(1, -1)
    k, b, f = k.view(-1, 1), b.view(-1, 1), f.view(-1, 1)
    imm = b * (1 - torch.exp(-x / b))
    y = (1 - torch.exp(-k * x)) * (imm + f * (x - imm))
    y = y * (1 + rel_noise * torch.randn(y.shape, generator=gen)) + abs_noise * torch.randn(y.shape, generator=gen)
    cond = torch.stack([(rough - 4) / 1.73, (cobb - 47.5) / 18.8, (press - 2.5) / 0.87, (speed - 1750) / 722,
                        (visc - 35) / 14.4, (temp - 22.5) / 4.33], 1)
    return cond, y


class WalkerFetskoNet(nn.Module):
    """A grey-box ink-transfer model: an ELU MLP from the six paper, press and ink conditions to log k, log b and
    logit f, put through the Walker-Fetsko equation at the forme's 12 ink films."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.ELU(), nn.Linear(hidden, hidden), nn.ELU(),
                                 nn.Linear(hidden, 3))

    def forward(self, cond: torch.Tensor) -> torch.Tensor:
        p = self.net(cond)
        k = 1.5 * torch.exp(0.7 * p[:, :1])
        b = 0.4 * torch.exp(0.7 * p[:, 1:2])
        f = torch.sigmoid(p[:, 2:3])
        x = LP_FILMS.view(1, -1)
        imm = b * (1 - torch.exp(-x / b))
        return (1 - torch.exp(-k * x)) * (imm + f * (x - imm))


def ink_transfer(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 32,
                 rel_noise: float = 0.02, abs_noise: float = 0.03) -> dict[str, Any]:
    """The Walker-Fetsko net on 512 press runs (2% and 0.03 um of noise); held out: 2048 other runs (the same
    noise) in batches of 1024; RAdam. The long plan: 4096 print-tester runs weighed to 0.5% and 0.01 um."""
    gen = torch.Generator().manual_seed(75402)
    x, y = _lp_runs(train_size + 2048, gen, rel_noise, abs_noise)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WalkerFetskoNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. the sumo tachiai, clash and push (RAdam; long only)

ST_TACTICS = 4  # oshi (push), yotsu (belt), harite (slap), henka (side-step)


def _st_bouts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Tachiai: masses 100-200 kg, start delays 0-0.25 s, charge accelerations 6-12 m/s2 over the 0.7 m between
    the shikiri-sen (the wrestlers meet where their paths cross), stances (trunk angle 20-60 degrees from the
    horizontal), the dohyo's friction 0.5-0.8, the first wrestler's tactic. The clash: a partially inelastic
    collision (restitution 0.15, less for a belt grip); a slap takes 30% off the first wrestler's impact; a
    side-step leaves only a glancing 15%. Then 0.6 s of pushing: each wrestler's friction-limited force
    mu m g (1 + 0.6 sin(stance)); the clinch moves as one. Returns (tactic, scaled conditions (n, 9), targets: log
    impulse, speed after the clash, displacement at 0.6 s)."""
    tac = torch.randint(0, ST_TACTICS, (n,), generator=gen)
    m1 = 100 + 100 * torch.rand(n, generator=gen)
    m2 = 100 + 100 * torch.rand(n, generator=gen)
    d1 = 0.25 * torch.rand(n, generator=gen)
    d2 = 0.25 * torch.rand(n, generator=gen)
    a1 = 6 + 6 * torch.rand(n, generator=gen)
    a2 = 6 + 6 * torch.rand(n, generator=gen)
    s1 = math.radians(20) + math.radians(40) * torch.rand(n, generator=gen)
    s2 = math.radians(20) + math.radians(40) * torch.rand(n, generator=gen)
    mu = 0.5 + 0.3 * torch.rand(n, generator=gen)
    # meeting time: 0.5 a1 (t - d1)^2 + 0.5 a2 (t - d2)^2 = 0.7, solved by bisection
    lo, hi = torch.zeros(n), torch.full((n,), 1.5)
    for _ in range(40):
        mid = (lo + hi) / 2
        gap = 0.5 * a1 * F.relu(mid - d1) ** 2 + 0.5 * a2 * F.relu(mid - d2) ** 2 - 0.7
        lo, hi = torch.where(gap < 0, mid, lo), torch.where(gap < 0, hi, mid)
    t = (lo + hi) / 2
    v1 = a1 * F.relu(t - d1)
    v2 = -a2 * F.relu(t - d2)
    eff = torch.tensor([1.0, 1.0, 0.7, 0.15])[tac]
    e = torch.where(tac == 1, torch.full((n,), 0.05), torch.full((n,), 0.15))
    mred = m1 * m2 / (m1 + m2)
    impulse = (1 + e) * mred * (v1 - v2) * eff
    vc = (m1 * v1 * eff + m2 * v2) / (m1 * eff + m2)
    g = 9.81
    push = mu * g * (m1 * (1 + 0.6 * torch.sin(s1)) * (0.6 + 0.4 * eff) - m2 * (1 + 0.6 * torch.sin(s2)))
    acc = push / (m1 + m2)
    disp = vc * 0.6 + 0.5 * acc * 0.36
    disp = disp * (1 + 0.005 * torch.randn(n, generator=gen)) + 0.005 * torch.randn(n, generator=gen)
    y = torch.stack([torch.log(impulse.clamp_min(1.0)), vc, disp], 1)
    y = y + torch.stack([0.005 * torch.randn(n, generator=gen), 0.005 * torch.randn(n, generator=gen),
                         torch.zeros(n)], 1)
    cond = torch.stack([(m1 - 150) / 29, (m2 - 150) / 29, (d1 - 0.125) / 0.072, (d2 - 0.125) / 0.072,
                        (a1 - 9) / 1.73, (a2 - 9) / 1.73, (s1 - 0.7) / 0.2, (s2 - 0.7) / 0.2], 1)
    cond = torch.cat([cond, ((mu - 0.65) / 0.087).unsqueeze(1)], 1)
    return tac, cond, y


class TachiaiNet(nn.Module):
    """An MLP with a learned embedding of the first wrestler's tactic (dimension 3), joined with the nine scaled
    conditions, through two SiLU layers to the three outcomes."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.emb = nn.Embedding(ST_TACTICS, 3)
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, tac: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(tac), cond], 1))


def sumo_tachiai(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 48) -> dict[str, Any]:
    """The tachiai net on 8192 bouts, targets standardised over them; held out: 2048 other bouts in batches of
    1024; RAdam."""
    gen = torch.Generator().manual_seed(75502)
    tac, cond, y = _st_bouts(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (tac[:train_size], cond[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TachiaiNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tac[train_size:], cond[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. judo throw kinematics, a rod about the throw's fulcrum (RAdam; long only)

JT_THROWS = 5  # seoi-nage, o-soto-gari, uchi-mata, harai-goshi, tai-otoshi


def _jt_throws(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Throws: uke 1.55-1.95 m and 50-120 kg, the kuzushi pull 0.4-2 m/s at the shoulders, an initial lean 5-25
    degrees, the fulcrum's height as a fraction of uke's height (the throw's own: back at the hips for seoi-nage,
    the calf for o-soto-gari, the thigh for uchi-mata and harai-goshi, the shin for tai-otoshi, +-0.04), tori's
    drive (the leg reap or hip lift adds 0.5-3 rad/s, more for o-soto-gari and uchi-mata), uke's break-fall skill
    0-1. Uke is a uniform rod rotating about the fulcrum under gravity from the lean to the horizontal, integrated
    in 200 steps of 4 ms (a fall still going at 0.8 s stops there); the head's peak speed, the fall time, the
    centre of mass's speed at impact (cushioned by up to 40% with break-fall skill); 0.3% scatter (a surrogate of
    the simulation). Returns (throw, scaled conditions (n, 7; the fulcrum as measured on video among them), log
    targets (n, 3))."""
    throw = torch.randint(0, JT_THROWS, (n,), generator=gen)
    h = 1.55 + 0.4 * torch.rand(n, generator=gen)
    m = 50 + 70 * torch.rand(n, generator=gen)
    pull = 0.4 + 1.6 * torch.rand(n, generator=gen)
    lean = math.radians(5) + math.radians(20) * torch.rand(n, generator=gen)
    p = torch.tensor([0.44, 0.22, 0.4, 0.42, 0.28])[throw] + 0.04 * (2 * torch.rand(n, generator=gen) - 1)
    drive = (0.5 + 2.5 * torch.rand(n, generator=gen)) * torch.tensor([0.8, 1.3, 1.2, 1.0, 0.7])[throw]
    skill = torch.rand(n, generator=gen)
    g = 9.81
    arm = (0.5 - p) * h  # the centre of mass above the fulcrum
    inertia = h**2 * (1 / 3 - p + p**2)  # per unit mass, about the fulcrum
    omega = pull / ((1 - p) * h) + drive
    theta = lean.clone()
    time = torch.zeros(n)
    dt = 0.004
    done = torch.zeros(n, dtype=torch.bool)
    for _ in range(200):
        alpha = g * arm * torch.sin(theta) / inertia
        omega_new = omega + alpha * dt
        theta_new = theta + omega_new * dt
        live = ~done
        omega = torch.where(live, omega_new, omega)
        theta = torch.where(live, theta_new, theta)
        time = time + dt * live.float()
        done = done | (theta >= math.pi / 2)
    head = omega * (1 - p) * h
    com = omega * arm.abs().clamp_min(0.05 * h) * (1 - 0.4 * skill) + 0.3 * pull
    y = torch.stack([torch.log(head), torch.log(time), torch.log(com)], 1)
    y = y + 0.003 * torch.randn(y.shape, generator=gen)
    cond = torch.stack([(h - 1.75) / 0.115, (m - 85) / 20.2, (pull - 1.2) / 0.46, (lean - 0.262) / 0.1,
                        (drive - 1.7) / 0.8, (skill - 0.5) / 0.29, (p - 0.35) / 0.09], 1)
    return throw, cond, y


class ThrowNet(nn.Module):
    """An MLP with a learned embedding of the throw (dimension 4), joined with the seven scaled conditions, through
    three tanh layers to the three log kinematic outcomes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(JT_THROWS, 4)
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, 3))

    def forward(self, throw: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(throw), cond], 1))


def judo_throw(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The throw net (64 tanh units a layer) on 8192 throws, targets standardised over them; held out: 2048 other
    throws in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(75602)
    t, c, y = _jt_throws(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (t[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ThrowNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((t[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("curd_firming_radam", curd_firming, 300, "rennet_curd_firming_greybox_mlp", "radam", "small_finite", 64,
      seconds=0.26, start_lr=0.256),
    W("carillon_tuning_adam", carillon_tuning, 300, "carillon_strike_spectrum_tuning_cnn", "adam", "finite", 32,
      seconds=0.62, start_lr=0.016),
    W("bull_ride_nadam", bull_ride, 300, "bull_rider_seated_biodynamic_response_mlp", "nadam", "finite", 64,
      seconds=0.36, start_lr=0.064),
    W("ink_transfer_radam", ink_transfer, 300, "letterpress_walker_fetsko_ink_transfer_net", "radam",
      "small_finite", 32, seconds=0.22, start_lr=0.512),
)
LONG = (
    W("sumo_tachiai_radam@long", sumo_tachiai, 3000, "sumo_tachiai_clash_push_mlp", "radam", "finite", 32,
      seconds=2.0, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("judo_throw_radam@long", judo_throw, 3000, "judo_throw_rod_kinematics_mlp", "radam", "finite", 32,
      seconds=2.5, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("curd_firming_radam@long", curd_firming, 3000, "rennet_curd_firming_greybox_mlp", "radam", "finite", 64,
      dict(train_size=4096, rel_noise=0.01, abs_noise=0.5), seconds=2.8, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="curd_firming_radam"),
    W("ink_transfer_radam@long", ink_transfer, 3000, "letterpress_walker_fetsko_ink_transfer_net", "radam", "finite",
      32, dict(train_size=4096, rel_noise=0.005, abs_noise=0.01), seconds=2.3, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="ink_transfer_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam75_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventy-fifth exam's workloads")
