"""The hundred-and-eighth exam: six more workload families that neither the suite nor exams 1-106 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam106_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from lip balm and melting,
fireplaces and radiant heat, sushi rice and vinegar uptake, tuning forks and tone decay, whistles and pitch, and
sponges and water uptake (exam 107 was built at the same time from other domains; its module was not opened). What
was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam108/README.md``. The
models are named with their sources from memory (no paper was looked up).

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- lip-balm composition from a DSC melting thermogram: a small 1D CNN of the kind used for spectra (two convolutions
  with pooling and a dense head, as in the shallow spectroscopy CNNs of Acquarelli et al. 2017; from memory) reads a
  heating scan (10-90 C, 96 points) and gives the mass fractions of beeswax, candelilla wax, shea butter, cocoa
  butter, coconut oil and castor oil (a softmax); scans from the components' melting endotherms (skewed peaks,
  enthalpies of the order of the literature's), the waxes' melting depressed and broadened by the oils they
  dissolve in, a heat-capacity baseline, sample-mass error, drift and noise; MSE of the fractions (in tens of
  percent); Adam (torch's defaults, as Keras-style spectroscopy code uses)
- tuning-fork tone decay: a SiLU MLP from a fork's prong length, thickness and width, its alloy, how it is held
  (clamped, in the hand, on a table, on a resonator box tuned to 440 Hz) and the strike to the log frequency of the
  fundamental, its T60, the clang tone's T60 and the clang-to-fundamental level; frequencies by Euler-Bernoulli
  cantilever prongs (1.875 and 4.694 roots), decay from the alloy's loss factor, air radiation and the mount's
  losses (a box's coupling a Lorentzian about its resonance); MSE of the standardised targets; AdamW (weight decay
  1e-2, torch's default)
- tin-whistle pitch: a SiLU MLP from the coverage of the six finger holes (open, half-holed, closed), the blowing
  pressure and the breath temperature to the sounding pitch (octaves above D6): the uppermost open hole sets the
  length (equal-tempered hole placement), closed holes below it flatten it (cross-fingering), the second register
  above a pressure threshold that rises with the note, the pitch rising with the jet speed inside a register, the
  speed of sound with temperature; 4-cent noise; MSE in octaves (log2 of the ratio to D6); RAdam (torch's defaults)
- sushi-rice vinegar uptake: a grey-box net around Peleg's (1988) soaking equation (a SiLU MLP gives Peleg's k1 and
  k2, an exponent on time as in the modified Peleg model, and a loss rate; from memory) from the rice (variety, new
  or old crop, grain radius, moisture), the sushi-zu (dose, sugar, salt), the rice's starting temperature and the
  fanning to the acetic acid held by the grains at 10 times from 0.5 to 30 minutes; the data from Crank's series
  for diffusion into a sphere with a diffusivity that follows the cooling rice (Arrhenius, Stokes-Einstein with the
  syrup's viscosity) and the acid lost as the fanned rice steams; 2% noise; MSE of mg/g; RAdam (torch's defaults)
- fireplace radiant heat (a long plan only): a SiLU MLP from the fireplace (opening width and height, fire
  temperature, flame emissivity, glass door) and the receiver (distance, lateral offset, height, yaw) to the log
  radiant flux on the receiver: Stefan-Boltzmann from the opening's effective temperature, the view factor of a
  differential element to a parallel rectangle (the corner formula, superposed), the door's transmittance; 6%
  noise (radiometer, flicker); MSE of ln flux; RAdam (torch's defaults)
- sponge water uptake (a long plan only): a SiLU MLP from the sponge (cellulose, polyurethane, natural, melamine;
  pore radius, height), the water's temperature and detergent to the wicked height at 12 times from 1 s to 20 min:
  Lucas-Washburn rise with gravity (dh/dt = a / h - b, solved by bisection from its implicit solution), surface
  tension and contact angle with the detergent, viscosity with the temperature, the height capped by the sponge;
  MSE of ln(1 + h / cm); RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the fireplace and the
sponge nets (no short plans), the whistle net on 8192 blowings instead of 2048 (batch 32 instead of 64) and the
sushi-rice net on 4096 batches of rice instead of 1536 (batch 32 instead of 128).

Of the eight plans, six use RAdam (whistle, sushi rice, fireplace, sponge, and the two long versions), one Adam
(lip balm) and one AdamW (tuning fork).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam108_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam108/README.md).

    python benchmarks/exam108_workloads.py          # the table
    python benchmarks/exam108_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 108"


def _mlp(n_in: int, hidden: int, n_out: int, depth: int = 2) -> nn.Sequential:
    layers: list[nn.Module] = []
    for i in range(depth):
        layers += [nn.Linear(n_in if i == 0 else hidden, hidden), nn.SiLU()]
    return nn.Sequential(*layers, nn.Linear(hidden, n_out))


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. lip-balm composition from a DSC melting thermogram (Adam)

LB_COMP, LB_PTS = 6, 96
LB_T = torch.linspace(10, 90, LB_PTS)


def _lb_scans(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lip-balm blends: beeswax, candelilla wax, shea butter, cocoa butter, coconut oil and castor oil, fractions
    as recipe-weighted exponentials over their sum (Dirichlet-like). A 10 K/min heating scan, 10-90 C:
    each solid component melts as a skewed peak (the waxes broad, 'mushy'; shea butter with two polymorphs; cocoa
    butter's form V near 34 C; coconut oil near 24 C; castor oil liquid throughout), enthalpies (J/g) of the order
    of the literature's (beeswax ~150, candelilla ~140, shea ~90, cocoa ~140, coconut ~110). The waxes dissolve in
    the oils: their peaks move down (up to 9 C) and broaden with the liquid-oil fraction. A heat-capacity baseline
    (2 J/gK, rising with T), sample-mass error 3%, a linear drift and noise. Returns (scans (n, 1, 96), fractions)."""
    weights = torch.tensor([1.0, 0.6, 1.0, 0.7, 0.9, 0.8])
    e = -torch.log(torch.rand(n, LB_COMP, generator=gen).clamp_min(1e-6)) * weights
    frac = e / e.sum(1, keepdim=True)
    oil = frac[:, 4] + frac[:, 5] + 0.5 * frac[:, 2]
    t = LB_T.view(1, -1)
    # (peak C, width C, skew, enthalpy J/g) per melting event
    events = [(0, 63.0, 4.0, -1.5, 150.0), (1, 69.0, 3.0, -1.0, 140.0), (2, 31.0, 3.5, 0.5, 45.0),
              (2, 38.0, 2.5, 0.0, 45.0), (3, 34.0, 1.8, -0.8, 140.0), (4, 24.0, 2.0, -0.5, 110.0)]
    shift_jit = 1.0 * torch.randn(n, 6, generator=gen)
    flow = 2.0 + 0.004 * (t - 10)
    for k, (c, t0, w, skew, dh) in enumerate(events):
        wax = c in (0, 1)
        centre = t0 + shift_jit[:, k : k + 1] - (9.0 * oil.view(-1, 1) if wax else 0.0)
        width = w * (1 + (1.2 * oil.view(-1, 1) if wax else 0.0))
        z = (t - centre) / width
        peak = torch.exp(-0.5 * z**2) * torch.sigmoid(skew * z * 2) * 2
        peak = peak / (peak.sum(1, keepdim=True) * (80 / (LB_PTS - 1)))
        flow = flow + frac[:, c : c + 1] * dh * peak
    mass = 1 + 0.03 * torch.randn(n, 1, generator=gen)
    drift = 0.15 * torch.randn(n, 1, generator=gen) * (t - 50) / 40
    scan = flow * mass + drift + 0.05 * torch.randn(n, LB_PTS, generator=gen)
    return ((scan - 5.0) / 5.0).unsqueeze(1), frac


class DSCSpectraCNN(nn.Module):
    """A shallow spectroscopy CNN: two 1D convolutions (8 and 16 channels, kernel 7, ReLU, max pooling 2 and 4), a
    dense layer of 48 and a softmax over the six components."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(1, width, 7, padding=3), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.Conv1d(width, 2 * width, 7, padding=3), nn.ReLU(), nn.MaxPool1d(4))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * (LB_PTS // 8), 48), nn.ReLU(),
                                  nn.Linear(48, LB_COMP))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.head(self.features(x)), 1)


def fraction_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the mass fractions in tens of percent."""
    x, y = batch
    return F.mse_loss(10 * model(x), 10 * y)


def lip_balm_dsc(batch_size: int = 64, seed: int = 0, train_size: int = 3072, width: int = 8) -> dict[str, Any]:
    """The DSC CNN on 3072 scanned blends; held out: 1024 other blends in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(108102)
    x, y = _lb_scans(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DSCSpectraCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": fraction_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. tuning-fork tone decay (AdamW)

TF_ALLOYS, TF_MOUNTS = 3, 4


def _tf_forks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Forks: prong length 50-140 mm, thickness 3-8 mm, width 4-10 mm; alloy (tool steel, aluminium alloy,
    magnesium alloy: E, density, loss factor); mount (clamped, in the hand, stem on a table, on a resonator box
    tuned to 440 Hz); strike hardness (rubber mallet to hard knuckle) 0-1. Fundamental f1 = 1.875^2 / (2 pi L^2)
    sqrt(E I / rho A) (a cantilevered prong), the clang tone at (4.694 / 1.875)^2 f1 (6.27 f1). Decay rates
    (1/s): internal pi f eta; air radiation growing with f^2 and the prong width; the mount's loss (clamped
    small, hand large, table moderate and louder, the box a Lorentzian of Q 6 about 440 Hz, which drains the
    fundamental fast when tuned). T60 = 6.91 / rate. The clang's starting level (dB re the fundamental) rising
    with hardness and falling with length. Noise 12% on the times (strike to strike), 2.5 dB on the level.
    Returns (features (n, 11), [ln f1, ln T60 fundamental, ln T60 clang, level / 10 dB])."""
    length = 0.05 + 0.09 * torch.rand(n, generator=gen)
    thick = 0.003 + 0.005 * torch.rand(n, generator=gen)
    width = 0.004 + 0.006 * torch.rand(n, generator=gen)
    alloy = torch.randint(0, TF_ALLOYS, (n,), generator=gen)
    mount = torch.randint(0, TF_MOUNTS, (n,), generator=gen)
    hard = torch.rand(n, generator=gen)
    youngs = torch.tensor([205e9, 70e9, 45e9])[alloy]
    rho = torch.tensor([7850.0, 2700.0, 1800.0])[alloy]
    eta = torch.tensor([1.5e-5, 6e-5, 2.5e-4])[alloy]
    f1 = 1.875**2 / (2 * math.pi * length**2) * (youngs * thick**2 / (12 * rho)).sqrt()
    f2 = (4.694 / 1.875) ** 2 * f1
    air = lambda f: 4e-7 * f**2 * (width / 0.007) / (rho / 7850 * thick / 0.005)  # noqa: E731
    box = 6.0 / (1 + (6 * (f1 / 440 - 440 / f1)) ** 2)
    mount_loss = torch.stack([torch.full((n,), 0.02), torch.full((n,), 0.6), torch.full((n,), 0.25), 0.05 + box], 1)
    ml = mount_loss.gather(1, mount.view(-1, 1)).squeeze(1)
    r1 = math.pi * f1 * eta + air(f1) + ml
    r2 = math.pi * f2 * eta + air(f2) + 0.3 * ml + 0.5
    t1 = 6.91 / r1 * torch.exp(0.12 * torch.randn(n, generator=gen))
    t2 = 6.91 / r2 * torch.exp(0.12 * torch.randn(n, generator=gen))
    level = -25 + 22 * hard - 60 * (length - 0.09) + 2.5 * torch.randn(n, generator=gen)
    feats = torch.cat([((length - 0.095) / 0.026).unsqueeze(1), ((thick - 0.0055) / 0.00144).unsqueeze(1),
                       ((width - 0.007) / 0.0017).unsqueeze(1), ((hard - 0.5) / 0.29).unsqueeze(1),
                       F.one_hot(alloy, TF_ALLOYS).float(), F.one_hot(mount, TF_MOUNTS).float()], 1)
    y = torch.stack([torch.log(f1), torch.log(t1), torch.log(t2), level / 10], 1)
    return feats, y


class ForkDecayNet(nn.Module):
    """A SiLU MLP (two hidden layers) from the fork's features to the four decay targets."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = _mlp(11, hidden, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def tuning_fork(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 48) -> dict[str, Any]:
    """The fork net on 2048 measured forks, targets standardised over them; held out: 1024 other forks in batches of
    512; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(108202)
    x, y = _tf_forks(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ForkDecayNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. tin-whistle pitch (RAdam)

TW_STEPS = (11.0, 9.0, 7.0, 5.0, 4.0, 2.0)  # hole 1 (top) ... hole 6 (bottom) open alone: semitones above D


def _tw_blowings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A D tin whistle: each of six holes closed (60%), open (32%) or half-holed (8%); blowing pressure log-uniform
    150-2500 Pa; breath temperature 18-34 C. The note (semitones above D5), from the bottom hole up: opening hole j
    (fraction o_j) moves the note towards that hole's step, flattened by 0.35 semitone times the coverage of the
    hole just below (cross-fingering). The second register sounds above a threshold 500 Pa x 2^(0.07 note), an
    octave up; inside a register the pitch rises 0.45 semitone per e-fold of pressure over the register's threshold
    (jet speed); the speed of sound adds 12 log2(c(T) / c(20 C)). Noise 4 cents. Returns (features (n, 8),
    pitch in octaves above D6)."""
    u = torch.rand(n, 6, generator=gen)
    cover = torch.where(u < 0.6, torch.ones(n, 6), torch.where(u < 0.92, torch.zeros(n, 6), torch.full((n, 6), 0.5)))
    p = torch.exp(math.log(150) + math.log(2500 / 150) * torch.rand(n, generator=gen))
    temp = 18 + 16 * torch.rand(n, generator=gen)
    note = torch.zeros(n)
    for j in range(5, -1, -1):
        o = 1 - cover[:, j]
        below = cover[:, j + 1] if j < 5 else torch.zeros(n)
        note = (1 - o) * note + o * (TW_STEPS[j] - 0.35 * below)
    thresh = 500 * 2 ** (0.07 * note)
    second = (p > thresh).float()
    base = torch.where(second > 0, thresh, 150 * 2 ** (0.03 * note))
    drift = 0.45 * torch.log(p / base).clamp_min(0) - 0.2
    c_ratio = ((273.15 + temp) / 293.15).sqrt()
    pitch = note + 12 * second + drift + 12 * torch.log2(c_ratio) + 0.04 * torch.randn(n, generator=gen)
    pitch = (pitch - 12) / 12  # octaves above D6 (log2 of the frequency ratio)
    feats = torch.cat([cover * 2 - 1, ((torch.log(p) - 6.42) / 0.81).unsqueeze(1), ((temp - 26) / 4.6).unsqueeze(1)],
                      1)
    return feats, pitch


class WhistlePitchNet(nn.Module):
    """A SiLU MLP (three hidden layers) from the fingering, pressure and temperature to the pitch."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = _mlp(8, hidden, 1, depth=3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def whistle_pitch(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 48) -> dict[str, Any]:
    """The whistle net on 2048 recorded blowings; held out: 2048 other blowings in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(108302)
    x, y = _tw_blowings(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WhistlePitchNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. sushi-rice vinegar uptake (RAdam)

SR_TIMES = torch.tensor([0.5, 1.0, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0, 20.0, 30.0])  # minutes
SR_VARIETIES = 3


def _sr_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Batches of cooked rice dressed with sushi-zu in a hangiri: variety (short-grain Koshihikari, medium-grain
    Calrose, long-grain), new crop or old, grain equivalent radius 1.0-1.6 mm, cooked moisture 58-66%; dose
    8-14% of the rice's mass, sugar 10-30 g and salt 4-12 g per 100 ml of rice vinegar (4.2% acetic acid);
    rice at 45-85 C, cooling by Newton's law towards 20 C at a rate set by the fanning (0.03-0.25 /min). Acid
    uptake (mg acetic acid per g rice): the dose's acid times an equilibrium share (higher with moisture, lower with
    sugar), times Crank's series for a sphere 1 - 6 / pi^2 sum exp(-k^2 pi^2 tau) / k^2 with tau = integral D dt / a^2,
    D Arrhenius (28 kJ/mol) over the syrup's relative viscosity (sugar, salt) and a variety / old-crop factor (old
    rice's denser surface slower); the acid held falls as acetic acid leaves the fanned, steaming rice (a rate
    rising with the fanning and exponentially with the rice's temperature). Noise 2%. Returns (features (n, 11),
    uptake (n, 10))."""
    var = torch.randint(0, SR_VARIETIES, (n,), generator=gen)
    old = (torch.rand(n, generator=gen) < 0.4).float()
    radius = 1.0 + 0.6 * torch.rand(n, generator=gen)
    moist = 0.58 + 0.08 * torch.rand(n, generator=gen)
    dose = 0.08 + 0.06 * torch.rand(n, generator=gen)
    sugar = 10 + 20 * torch.rand(n, generator=gen)
    salt = 4 + 8 * torch.rand(n, generator=gen)
    t0 = 45 + 40 * torch.rand(n, generator=gen)
    fan = 0.03 + 0.22 * torch.rand(n, generator=gen)
    acid = dose * 1000 * 0.042 / (1 + sugar / 100 * 0.6 + salt / 100 * 0.3)  # mg acid per g rice
    share = 0.75 * (moist / 0.62) ** 1.5 * (1 - 0.006 * (sugar - 20))
    visc = 1 + 0.03 * sugar + 0.01 * salt
    vfac = torch.tensor([1.0, 1.3, 1.7])[var] * (1 - 0.35 * old)
    # integral of D over time with T(t) = 20 + (t0 - 20) exp(-fan t): a fine trapezoid on a 0.1-minute grid
    tg = torch.linspace(0, 30, 301).view(1, -1)
    temp = 20 + (t0.view(-1, 1) - 20) * torch.exp(-fan.view(-1, 1) * tg)
    d = 2.2e-3 * torch.exp(-28000 / 8.314 * (1 / (273.15 + temp) - 1 / 333.15)) * ((273.15 + temp) / 333.15)
    d = d * (vfac / visc).view(-1, 1)  # mm^2 / min
    cum = torch.cat([torch.zeros(n, 1), torch.cumsum(0.5 * (d[:, 1:] + d[:, :-1]) * 0.1, 1)], 1)
    idx = (SR_TIMES * 10).round().long()
    tau = cum[:, idx] / radius.view(-1, 1) ** 2
    k = torch.arange(1, 16).float().view(1, 1, -1)
    frac = 1 - 6 / math.pi**2 * (torch.exp(-(k**2) * math.pi**2 * tau.unsqueeze(2)) / k**2).sum(2)
    # acetic acid lost from the dressing film as the fanned rice steams: a rate rising with the fanning and the
    # rice's temperature (vapour pressure), integrated on the same grid
    ev = 0.03 * (fan / 0.14).view(-1, 1) * torch.exp(0.045 * (temp - 60))
    cum_ev = torch.cat([torch.zeros(n, 1), torch.cumsum(0.5 * (ev[:, 1:] + ev[:, :-1]) * 0.1, 1)], 1)
    up = (acid * share).view(-1, 1) * frac.clamp_min(0) * torch.exp(-cum_ev[:, idx])
    up = up * torch.exp(0.02 * torch.randn(up.shape, generator=gen))
    feats = torch.cat([F.one_hot(var, SR_VARIETIES).float(), (old * 2 - 1).unsqueeze(1),
                       ((radius - 1.3) / 0.17).unsqueeze(1), ((moist - 0.62) / 0.023).unsqueeze(1),
                       ((dose - 0.11) / 0.017).unsqueeze(1), ((sugar - 20) / 5.8).unsqueeze(1),
                       ((salt - 8) / 2.3).unsqueeze(1), ((t0 - 65) / 11.5).unsqueeze(1),
                       ((fan - 0.14) / 0.064).unsqueeze(1)], 1)
    return feats, up


class PelegUptakeNet(nn.Module):
    """A grey-box net around Peleg's (1988) soaking equation, as food engineers fit it to absorption kinetics (from
    memory), in its modified form with an exponent on time: a SiLU MLP (two hidden layers) from the rice, dressing
    and cooling to Peleg's rate constant k1, his capacity constant k2 (g / mg), the exponent n and a first-order
    loss rate e (1 / min) for the acid that leaves the fanned rice; the uptake U(t) = t^n / (k1 + k2 t^n) exp(-e t)
    at the 10 times."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = _mlp(11, hidden, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = self.net(x)
        k1 = torch.exp(p[:, 0:1] + 1.0)
        k2 = torch.exp(p[:, 1:2] + 0.5)
        e = 0.005 * torch.exp(p[:, 2:3])
        tn = SR_TIMES.view(1, -1) ** (0.6 * torch.exp(0.3 * p[:, 3:4]))
        return tn / (k1 + k2 * tn) * torch.exp(-e * SR_TIMES.view(1, -1))


def sushi_rice(batch_size: int = 128, seed: int = 0, train_size: int = 1536, hidden: int = 64) -> dict[str, Any]:
    """The Peleg net on 1536 dressed batches of rice; held out: 1024 other batches in batches of 512; RAdam."""
    gen = torch.Generator().manual_seed(108402)
    x, y = _sr_batches(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PelegUptakeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. fireplace radiant heat (RAdam; long only)

SIGMA = 5.670e-8


def _fp_corner(x: torch.Tensor, y: torch.Tensor, d: torch.Tensor) -> torch.Tensor:
    """The view factor from a differential element to a parallel rectangle with one corner on its normal, the
    rectangle x by y at distance d (odd in x and in y, so rectangles off the normal superpose)."""
    a, b = x / d, y / d
    sa, sb = (1 + a**2).sqrt(), (1 + b**2).sqrt()
    return (a / sa * torch.atan(b / sa) + b / sb * torch.atan(a / sb)) / (2 * math.pi)


def _fp_rooms(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """An open fireplace or a stove with a glass door: opening width 0.5-1.2 m, height 0.4-0.8 m, its bottom 0.3 m
    up; the fire's effective radiating temperature 750-1150 K, flame / ember emissivity 0.3-0.9, a glass door on
    40% (transmittance 0.75, and the glass re-radiating at 500 K with emissivity 0.9 over the same opening). The
    receiver, a vertical element facing the fireplace, yawed 0-60 degrees: distance 0.8-4 m, lateral offset +-1.5
    m, height 0.3-1.5 m, at 300 K. Flux = (eps tau sigma T^4 (+ glass) - sigma 300^4) F cos(yaw), F by the corner
    formula superposed over the opening; 6% noise (radiometer, flicker of the fire). Returns (features (n, 9),
    ln flux in W/m2)."""
    w = 0.5 + 0.7 * torch.rand(n, generator=gen)
    h = 0.4 + 0.4 * torch.rand(n, generator=gen)
    tf = 750 + 400 * torch.rand(n, generator=gen)
    eps = 0.3 + 0.6 * torch.rand(n, generator=gen)
    door = (torch.rand(n, generator=gen) < 0.4).float()
    dist = 0.8 + 3.2 * torch.rand(n, generator=gen)
    lat = -1.5 + 3.0 * torch.rand(n, generator=gen)
    z = 0.3 + 1.2 * torch.rand(n, generator=gen)
    yaw = math.radians(60) * torch.rand(n, generator=gen)
    x1, x2 = -w / 2 - lat, w / 2 - lat
    y1, y2 = 0.3 - z, 0.3 + h - z
    view = _fp_corner(x2, y2, dist) - _fp_corner(x1, y2, dist) - _fp_corner(x2, y1, dist) + _fp_corner(x1, y1, dist)
    tau = 1 - 0.25 * door
    emitted = eps * tau * SIGMA * tf**4 + door * 0.9 * SIGMA * 500.0**4
    flux = (emitted - SIGMA * 300.0**4).clamp_min(50) * view * torch.cos(yaw)
    flux = flux * torch.exp(0.06 * torch.randn(n, generator=gen))
    feats = torch.stack([(w - 0.85) / 0.2, (h - 0.6) / 0.115, (tf - 950) / 115, (eps - 0.6) / 0.17, door * 2 - 1,
                         (dist - 2.4) / 0.92, lat / 0.87, (z - 0.9) / 0.35, (yaw - 0.52) / 0.3], 1)
    return feats, torch.log(flux)


class RadiantFluxNet(nn.Module):
    """A SiLU MLP (two hidden layers) from the fireplace and the receiver to the log radiant flux."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = _mlp(9, hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def fireplace_radiant(batch_size: int = 64, seed: int = 0, train_size: int = 4096,
                      hidden: int = 48) -> dict[str, Any]:
    """The radiant-flux net on 4096 radiometer readings; held out: 2048 others in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(108502)
    x, y = _fp_rooms(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RadiantFluxNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. sponge water uptake, Lucas-Washburn rise with gravity (RAdam; long only)

SP_TIMES = torch.tensor([1.0, 3.0, 10.0, 20.0, 40.0, 60.0, 120.0, 180.0, 300.0, 480.0, 720.0, 1200.0])  # seconds
SP_KINDS = 4


def _sp_strips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Strips of sponge dipped edge-on into water: kind (cellulose, polyurethane, natural sea sponge, melamine
    foam: contact angle 30 / 75 / 45 / 20 degrees, a flow-to-capillary radius ratio 0.5 / 0.7 / 0.35 / 0.3
    for tortuosity), capillary pore radius 40-400 micrometres (log-uniform), strip height 5-15 cm; water at 10-60 C
    (viscosity by Vogel's equation, surface tension 75.6 - 0.15 T mN/m) with 0-1 parts detergent (surface tension
    down to 30 mN/m, contact angle shrinking by up to 60%). Lucas-Washburn with gravity, dh/dt = a / h - b, a = r_c
    gamma cos(theta) / (4 mu) x (r_f / r_c)^2, b = rho g r_f^2 / (8 mu); h(t) from t = (a / b^2)(-ln(1 - b h / a)
    - b h / a) by 40 bisections, capped at the strip's height. Noise 2% on the height. Returns (features (n, 8),
    ln(1 + h / cm) (n, 12))."""
    kind = torch.randint(0, SP_KINDS, (n,), generator=gen)
    r = torch.exp(math.log(40e-6) + math.log(10) * torch.rand(n, generator=gen))
    height = 0.05 + 0.10 * torch.rand(n, generator=gen)
    temp = 10 + 50 * torch.rand(n, generator=gen)
    soap = torch.rand(n, generator=gen)
    theta = torch.tensor([30.0, 75.0, 45.0, 20.0])[kind] * (1 - 0.6 * soap)
    ratio = torch.tensor([0.5, 0.7, 0.35, 0.3])[kind]
    mu = 2.414e-5 * 10 ** (247.8 / (temp + 273.15 - 140))
    gamma = (75.6 - 0.15 * temp) * 1e-3 * (1 - 0.55 * soap)
    rf = ratio * r
    a = r * gamma * torch.cos(torch.deg2rad(theta)) / (4 * mu) * ratio**2
    b = 1000 * 9.81 * rf**2 / (8 * mu)
    hmax = (a / b).view(-1, 1)
    t = SP_TIMES.view(1, -1)
    lo, hi = torch.zeros(n, len(SP_TIMES)), hmax.expand(-1, len(SP_TIMES)) * (1 - 1e-9)
    aa, bb = a.view(-1, 1), b.view(-1, 1)
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        u = bb * mid / aa
        tm = aa / bb**2 * (-torch.log1p(-u) - u)
        lo, hi = torch.where(tm < t, mid, lo), torch.where(tm < t, hi, mid)
    hgt = torch.minimum(0.5 * (lo + hi), height.view(-1, 1))
    hgt = hgt * torch.exp(0.02 * torch.randn(hgt.shape, generator=gen))
    feats = torch.cat([F.one_hot(kind, SP_KINDS).float(), ((torch.log(r) - math.log(126e-6)) / 0.66).unsqueeze(1),
                       ((height - 0.1) / 0.029).unsqueeze(1), ((temp - 35) / 14.4).unsqueeze(1),
                       ((soap - 0.5) / 0.29).unsqueeze(1)], 1)
    return feats, torch.log1p(100 * hgt)


class WickingNet(nn.Module):
    """A SiLU MLP (two hidden layers) from the sponge and the water to the rise curve."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = _mlp(8, hidden, len(SP_TIMES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sponge_wicking(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The wicking net on 4096 dipped strips; held out: 2048 other strips in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(108602)
    x, y = _sp_strips(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WickingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("lip_balm_dsc_adam", lip_balm_dsc, 300, "lip_balm_dsc_thermogram_composition_cnn", "adam", "finite", 64,
      seconds=1.0, start_lr=0.032),
    W("tuning_fork_adamw", tuning_fork, 300, "tuning_fork_prong_decay_t60_mlp", "adamw_wd1e-2", "finite", 64,
      seconds=0.3, start_lr=0.128),
    W("tin_whistle_radam", whistle_pitch, 300, "tin_whistle_fingering_register_pitch_mlp", "radam", "finite", 64,
      seconds=0.4, start_lr=0.256),
    W("sushi_rice_radam", sushi_rice, 300, "sushi_rice_vinegar_peleg_greybox_net", "radam", "finite", 128,
      seconds=0.9, start_lr=0.512),
)
LONG = (
    W("fireplace_radiant_radam@long", fireplace_radiant, 3000, "fireplace_radiant_view_factor_flux_mlp", "radam",
      "finite", 64, seconds=5.0, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("sponge_wicking_radam@long", sponge_wicking, 3000, "sponge_lucas_washburn_wicking_mlp", "radam", "finite", 32,
      seconds=3.3, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("tin_whistle_radam@long", whistle_pitch, 3000, "tin_whistle_fingering_register_pitch_mlp", "radam", "finite",
      32, dict(train_size=8192), seconds=4.5, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="tin_whistle_radam"),
    W("sushi_rice_radam@long", sushi_rice, 3000, "sushi_rice_vinegar_peleg_greybox_net", "radam", "finite", 32,
      dict(train_size=4096), seconds=5.0, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="sushi_rice_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam108_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eighth exam's workloads")
