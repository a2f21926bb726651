"""The ninety-first exam: six more workload families that neither the suite nor exams 1-90 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam90_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from hedge mazes and route
choice, canyons and river incision, marionettes and string control, kazoos and membrane buzz, tubas and valve
acoustics, and snow globes and flake settling (exams 92-94 were built at the same time from other domains; their
modules were not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam91/README.md``. Every model below is named with its source from memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- hedge-maze route choice: a GRU choice-sequence model (the recurrent model of Dezfouli et al. 2019, "Models that
  learn how humans learn", fed the previous choice and the current situation) predicts which branch (left,
  straight, right) a maze visitor takes at each of 16 junctions; visitors follow one of four latent strategies
  (right-hand wall following, left-hand wall following, Tremaux-like avoidance of visited passages, heading for
  the goal they glimpse over the hedge), each softmax-noisy with a personal sharpness; masked cross-entropy over
  the open branches; NAdam (torch's defaults)
- river incision and canyon profiles, an amortised chi-analysis inversion: an MLP from a noisy longitudinal river
  profile (48 elevations and drainage areas from outlet to channel head, and the reaches' slopes: its slope-area
  data) to the steepness index before and after a change in uplift, the knickpoint's position in chi and the
  concavity; profiles from the stream power law at
  n = 1 (Howard & Kerby 1983; Whipple & Tucker 1999) in Perron & Royden's (2013) chi coordinate, areas from
  Hack's law, a migrating knickpoint; MSE of the standardised targets; RAdam (torch's defaults)
- marionette string control, a learned dynamics model: a delta-state MLP (as model-based RL writes it, Nagabandi et
  al. 2018 / Chua et al.'s PETS 2018) predicts the change in a marionette leg's state over 40 ms from its state
  and the puppeteer's control-bar acceleration; the leg a damped double pendulum (string to the knee, shin)
  hung from the moving bar, integrated by RK4; MSE of the standardised state change; NAdam (torch's defaults)
- kazoo membrane buzz, black-box modelling of one kazoo as audio effects are modelled: a neural Wiener-Hammerstein
  model (a causal FIR filter bank, a pointwise tanh MLP as the static nonlinearity, a causal FIR filter back)
  maps the sung voice at the membrane to the kazoo's sound, sample by sample; the sound from a damped membrane
  oscillator driven by the voice that slaps the cap past its clearance (the buzz), integrated at 32 kHz; loss
  Wright et al.'s (2019) pre-emphasised error-to-signal ratio; RAdam (torch's defaults)
- tuba valve acoustics (a long plan only): leak and dent diagnosis from acoustic pulse reflectometry (the bore
  measurement of brass-instrument makers and repairers, Sharp and Campbell's): a dense ReLU classifier reads the
  reflection function of a tuba with its valves open and names the fault (none, a leak at one of the 4 valve
  casings, a dent in the body or in the mouthpipe); traces from the first-order (Born) reflection of a stepped
  bore with losses widening and damping the reflections; cross-entropy; AdamW (torch's weight decay 1e-2)
- snow-globe flake settling (a long plan only): an MLP from the glycerol fraction, temperature, flake density,
  size distribution, flatness and the globe's height to the clearing curve (the fraction of flakes still
  suspended at 16 times after a shake); the viscosity of glycerol-water by Cheng's (2008) formula, settling
  velocities by Ferguson & Church's (2004) law with a drag penalty for flat flakes, flakes starting at uniform
  heights, video-count noise; MSE of the fractions (x 10); SGD with Nesterov momentum 0.9

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tuba classifier and
the snow-globe clearing net (no short plans), the river-profile inversion on 8192 profiles instead of 1024 and the
marionette dynamics model on 16384 transitions instead of 4096.

Of the eight plans, two use NAdam (maze and marionette), two RAdam (river profile and kazoo), both at short length;
the two long versions keep them (river profile RAdam, marionette NAdam); the long-only ones use AdamW (tuba) and
SGD with Nesterov momentum (snow globe).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam91_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam91/README.md).

    python benchmarks/exam91_workloads.py          # the table
    python benchmarks/exam91_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 91"


# --------------------------------------------------------------------------------------------------------------
# 1. hedge-maze route choice: a GRU over a visitor's junction choices (NAdam)

MZ_STEPS = 16
MZ_ANGLE = torch.tensor([math.pi / 2, 0.0, -math.pi / 2])  # left, straight, right (relative to the heading)


def _mz_visitors(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Visitors' walks through a hedge maze, 16 junctions each. A junction opens two or three of left, straight and
    right (the four layouts equally often); an open passage may be marked as already walked (the chance grows with
    the junctions passed) or be a visible dead end (15%); the bearing of the goal (a glimpse of the centre's
    tower over the hedges) relative to the heading turns with each choice and drifts (the passages wind). Each
    visitor has one latent strategy: right-hand or left-hand wall following (rightmost / leftmost open branch),
    Tremaux-like (avoid walked passages and visible dead ends) or goal seeking (toward the tower, avoiding dead
    ends and, less, walked passages), and a personal sharpness 1.2-2.4 on the softmax of the strategy's utilities.
    Returns (features (n, 16, 14): open, walked, dead end, cos / sin of the goal bearing, previous choice one-hot;
    open masks (n, 16, 3); choices (n, 16))."""
    strat = torch.randint(0, 4, (n,), generator=gen)
    sharp = 1.2 + 1.2 * torch.rand(n, generator=gen)
    layouts = torch.tensor([[1, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 1]], dtype=torch.bool)
    bearing = (2 * torch.rand(n, generator=gen) - 1) * math.pi
    prev = torch.zeros(n, 3)
    feats, masks, choices = [], [], []
    rank = torch.tensor([0.0, 1.0, 2.0])
    for t in range(MZ_STEPS):
        open_ = layouts[torch.randint(0, 4, (n,), generator=gen)]
        walked = (torch.rand(n, 3, generator=gen) < min(0.6, 0.04 * t)) & open_
        dead = (torch.rand(n, 3, generator=gen) < 0.15) & open_
        w, d = walked.float(), dead.float()
        cosb = torch.cos(bearing.view(-1, 1) - MZ_ANGLE.view(1, 3))
        u = torch.zeros(n, 3)
        u = torch.where((strat == 0).view(-1, 1), 2.5 * rank.view(1, 3) - 0.5 * d, u)
        u = torch.where((strat == 1).view(-1, 1), 2.5 * (2 - rank).view(1, 3) - 0.5 * d, u)
        u = torch.where((strat == 2).view(-1, 1), -3.0 * w - 2.5 * d, u)
        u = torch.where((strat == 3).view(-1, 1), 2.5 * cosb - 2.5 * d - 1.0 * w, u)
        u = (sharp.view(-1, 1) * u).masked_fill(~open_, -math.inf)
        g = -torch.log(-torch.log(torch.rand(n, 3, generator=gen).clamp(1e-9, 1 - 1e-9)))
        c = (u + g).argmax(1)
        feats.append(torch.cat([open_.float(), w, d, torch.cos(bearing).view(-1, 1), torch.sin(bearing).view(-1, 1),
                                prev], 1))
        masks.append(open_)
        choices.append(c)
        prev = F.one_hot(c, 3).float()
        bearing = bearing - MZ_ANGLE[c] + 0.5 * torch.randn(n, generator=gen)
        bearing = torch.remainder(bearing + math.pi, 2 * math.pi) - math.pi
    return torch.stack(feats, 1), torch.stack(masks, 1), torch.stack(choices, 1)


class ChoiceGRU(nn.Module):
    """Dezfouli et al.'s (2019) recurrent choice model, as its idea is written in PyTorch: a GRU over the sequence of
    situations (with the previous choice), a linear read-out of the branch logits at every junction."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(14, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.out(h)


def branch_choice_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the branch taken, over the open branches (closed ones masked out of the softmax)."""
    x, mask, y = batch
    logits = model(x).masked_fill(~mask, -1e9)
    return F.cross_entropy(logits.reshape(-1, 3), y.reshape(-1))


def maze_route(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The choice GRU on 1024 visitors' walks; held out: 1024 other visitors in batches of 512; NAdam."""
    gen = torch.Generator().manual_seed(91102)
    x, m, y = _mz_visitors(train_size + 1024, gen)
    tr = (x[:train_size], m[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChoiceGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], m[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": branch_choice_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. river incision: an amortised chi-analysis inversion of river long profiles (RAdam)

RV_PTS = 48


def _rv_profiles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """River long profiles of a canyon-cutting trunk stream, 48 points from the outlet (base level) to the channel
    head: length 20-60 km, drainage area by Hack's law A = k_a d^h (d the distance from the divide, k_a 0.5-2,
    h 1.6-1.9), concavity theta 0.35-0.6. At steady state under the stream power law with n = 1, z = k_s chi with
    chi = int (A0 / A)^theta dx (A0 = 1 km2, x from the outlet, trapezoidal); a change in uplift rate a while ago
    set a new steepness k_s' (1.5-3 times the old k_s of 20-200 m per km of chi, or 1 / 3 to 1 / 1.5 of it, even
    odds) below a knickpoint that has migrated a fraction 0.15-0.85 of the way up the profile's chi (n = 1: it
    moves at a constant rate in chi). DEM noise 1 m; the reach slopes (the slope-area plot's, Flint's law
    S = k_s A^-theta) with 15% scatter. Returns (inputs (n, 144): elevation / its top, log area and log slope
    standardised, log top elevation; targets (n, 4): log k_s, log k_s', the knickpoint's chi fraction, theta,
    standardised by the caller)."""
    length = 20 + 40 * torch.rand(n, 1, generator=gen)
    ka = 0.5 + 1.5 * torch.rand(n, 1, generator=gen)
    h = 1.6 + 0.3 * torch.rand(n, 1, generator=gen)
    theta = 0.35 + 0.25 * torch.rand(n, 1, generator=gen)
    x = length * torch.linspace(0, 1, RV_PTS).view(1, -1)
    d = length - x + 0.5
    area = ka * d**h
    f = area.pow(-theta)
    chi = torch.cat([torch.zeros(n, 1), torch.cumsum(0.5 * (f[:, 1:] + f[:, :-1]) * (x[:, 1:] - x[:, :-1]), 1)], 1)
    ks = torch.exp(math.log(20) + math.log(10) * torch.rand(n, 1, generator=gen))
    up = torch.rand(n, 1, generator=gen) < 0.5
    ratio = torch.exp(torch.where(up, 1.0, -1.0) * (math.log(1.5) + math.log(2) * torch.rand(n, 1, generator=gen)))
    frac = 0.15 + 0.7 * torch.rand(n, 1, generator=gen)
    chik = frac * chi[:, -1:]
    z = torch.where(chi < chik, ratio * ks * chi, ratio * ks * chik + ks * (chi - chik))
    slope = (z[:, 1:] - z[:, :-1]) / (1000 * (x[:, 1:] - x[:, :-1]))  # m / m, a reach's mean gradient
    slope = slope * torch.exp(0.15 * torch.randn(n, RV_PTS - 1, generator=gen))
    z = (z + 1 * torch.randn(n, RV_PTS, generator=gen)).clamp_min(0) + 1
    top = z.amax(1, keepdim=True)
    la = (torch.log(area) - 4.85) / 1.8
    ls = (torch.log(slope) + 5.1) / 1.3
    inp = torch.cat([z / top, la, ls, (torch.log(top) - 5.9) / 0.87], 1)
    tgt = torch.cat([torch.log(ks), torch.log(ratio * ks), frac, theta], 1)
    return inp, tgt


class ProfileInversionMLP(nn.Module):
    """An amortised inversion of a river profile (the chi-analysis targets of Perron & Royden 2013, learned from
    simulated profiles): a ReLU MLP from the profile and its slope-area data to the four parameters."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3 * RV_PTS, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def profile_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised steepness, knickpoint and concavity targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def river_profile(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The profile inversion on 1024 simulated profiles, targets standardised over them; held out: 2048 other
    profiles in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(91202)
    x, y = _rv_profiles(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ProfileInversionMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": profile_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. marionette string control: a delta-state dynamics model of a marionette leg (NAdam)


def _mr_accel(th: torch.Tensor, om: torch.Tensor, gx: torch.Tensor, gy: torch.Tensor, p: torch.Tensor) -> torch.Tensor:
    """Angular accelerations of a double pendulum in the frame of its moving suspension point (effective gravity
    (gx, gy) = gravity minus the bar's acceleration) with viscous joint damping. p = (l1, l2, m1, m2, c)."""
    l1, l2, m1, m2, c = p.unbind(1)
    t1, t2 = th.unbind(1)
    w1, w2 = om.unbind(1)
    cd, sd = torch.cos(t1 - t2), torch.sin(t1 - t2)
    a11, a12, a22 = (m1 + m2) * l1 * l1, m2 * l1 * l2 * cd, m2 * l2 * l2
    q1 = (m1 + m2) * l1 * (gx * torch.cos(t1) + gy * torch.sin(t1)) - m2 * l1 * l2 * sd * w2 * w2 - c * (2 * w1 - w2)
    q2 = m2 * l2 * (gx * torch.cos(t2) + gy * torch.sin(t2)) + m2 * l1 * l2 * sd * w1 * w1 - c * (w2 - w1)
    det = a11 * a22 - a12 * a12
    return torch.stack([(a22 * q1 - a12 * q2) / det, (a11 * q2 - a12 * q1) / det], 1)


def _mr_transitions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A marionette's leg hung by its knee string from the control bar: the string (0.3-0.6 m, the thigh's mass
    0.05-0.15 kg lumped at the knee) and the shin (0.15-0.25 m, 0.03-0.08 kg at the foot), joint damping
    0.002-0.01 N m s. States: angles within +-1.2 rad, angular velocities within +-4 rad/s; the puppeteer moves the
    bar with an acceleration of +-6 m/s2 in each direction, held over the 40 ms step; RK4 with 8 substeps; the
    motion capture's noise on the measured change, 0.0075 rad and 0.1 rad/s. Returns
    (inputs (n, 13): cos / sin of the angles, velocities / 4, bar acceleration / 6, the leg's scaled parameters;
    state changes (n, 4), standardised by the caller)."""
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(n, generator=gen)  # noqa: E731
    p = torch.stack([u(0.3, 0.6), u(0.15, 0.25), u(0.05, 0.15), u(0.03, 0.08), u(0.002, 0.01)], 1)
    th = 1.2 * (2 * torch.rand(n, 2, generator=gen) - 1)
    om = 4 * (2 * torch.rand(n, 2, generator=gen) - 1)
    acc = 6 * (2 * torch.rand(n, 2, generator=gen) - 1)
    gx, gy = -acc[:, 0], -9.81 - acc[:, 1]  # gravity less the bar's acceleration; angles from straight down
    th0, om0 = th.clone(), om.clone()
    h = 0.04 / 8

    def f(t: torch.Tensor, o: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return o, _mr_accel(t, o, gx, gy, p)

    for _ in range(8):
        k1t, k1o = f(th, om)
        k2t, k2o = f(th + 0.5 * h * k1t, om + 0.5 * h * k1o)
        k3t, k3o = f(th + 0.5 * h * k2t, om + 0.5 * h * k2o)
        k4t, k4o = f(th + h * k3t, om + h * k3o)
        th = th + h / 6 * (k1t + 2 * k2t + 2 * k3t + k4t)
        om = om + h / 6 * (k1o + 2 * k2o + 2 * k3o + k4o)
    scaled = (p - torch.tensor([0.45, 0.2, 0.1, 0.055, 0.006])) / torch.tensor([0.087, 0.029, 0.029, 0.0145, 0.0023])
    inp = torch.cat([torch.cos(th0), torch.sin(th0), om0 / 4, acc / 6, scaled], 1)
    noise = torch.cat([0.0075 * torch.randn(n, 2, generator=gen), 0.1 * torch.randn(n, 2, generator=gen)], 1)
    return inp, torch.cat([th - th0, om - om0], 1) + noise


class DeltaStateMLP(nn.Module):
    """The delta-state dynamics network of model-based RL (Nagabandi et al. 2018; PETS without its ensemble):
    SiLU layers from the state and action to the change in state."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(13, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def delta_state_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised state change."""
    x, y = batch
    return F.mse_loss(model(x), y)


def marionette_dynamics(batch_size: int = 32, seed: int = 0, train_size: int = 4096,
                        hidden: int = 64) -> dict[str, Any]:
    """The dynamics model on 4096 simulated transitions, state changes standardised over them; held out: 4096 other
    transitions in batches of 2048; NAdam."""
    gen = torch.Generator().manual_seed(91302)
    x, y = _mr_transitions(train_size + 4096, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DeltaStateMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": delta_state_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. kazoo membrane buzz: a neural Wiener-Hammerstein model of one kazoo, voice in, sound out (RAdam)

KZ_FS, KZ_LEN, KZ_SKIP, KZ_PRE = 8000, 160, 32, 128


def _kz_segments(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sung segments through one kazoo (20 ms at 8 kHz): the voice at the membrane a sum of 12 harmonics of a pitch
    of 100-400 Hz (log-uniform) with a 5 Hz vibrato of +-1%, amplitudes k^-s (s 1-2) at a loudness of 0.2-2
    (log-uniform), random phases, breath noise 1%. The membrane (resonance 600 Hz, Q 4) is a damped oscillator
    driven by that pressure; past a clearance of 0.6 it slaps the cap (a contact 40 times stiffer than the
    membrane, with its own damping): the buzz. The sound is the membrane's velocity (its first difference x 8000 /
    600, scaled by a fixed 0.05). Semi-implicit Euler at 4 substeps a sample, 16 ms simulated before each segment.
    Returns (voice (n, 1, 160), kazoo sound (n, 1, 160))."""
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(n, 1, generator=gen)  # noqa: E731
    f0, amp, tilt = torch.exp(u(math.log(100), math.log(400))), torch.exp(u(math.log(0.2), math.log(2.0))), u(1.0, 2.0)
    vib = 2 * math.pi * torch.rand(n, 1, generator=gen)
    ph = 2 * math.pi * torch.rand(n, 12, generator=gen)
    k = torch.arange(1, 13).float().view(1, -1)
    t = (torch.arange(KZ_PRE + KZ_LEN).float() / KZ_FS).view(1, -1)
    phase = 2 * math.pi * f0 * (t + 0.01 / (2 * math.pi * 5) * torch.sin(2 * math.pi * 5 * t + vib))
    weights = amp * k.pow(-tilt) / k.pow(-tilt).sum(1, keepdim=True) * 2
    voice = (weights.unsqueeze(2) * torch.cos(k.view(1, -1, 1) * phase.unsqueeze(1) + ph.unsqueeze(2))).sum(1)
    voice = voice + 0.01 * torch.randn(voice.shape, generator=gen)
    wm, q, gap, stiff = 2 * math.pi * 600.0, 4.0, 0.6, 40.0
    dt = 1.0 / (4 * KZ_FS)
    x, v = torch.zeros(n), torch.zeros(n)
    out = []
    for i in range(KZ_PRE + KZ_LEN):
        p = voice[:, i]
        for _ in range(4):
            over = F.relu(x - gap)
            acc = wm**2 * (p - x) - wm / q * v - stiff * wm**2 * over - 4 * wm / q * v * (over > 0).float()
            v = v + dt * acc
            x = x + dt * v
        out.append(x)
    xs = torch.stack(out, 1)
    sound = 0.05 * (xs[:, 1:] - xs[:, :-1]) * KZ_FS / 600
    return voice[:, KZ_PRE:].unsqueeze(1), sound[:, KZ_PRE - 1 :].unsqueeze(1)


class WienerHammerstein(nn.Module):
    """A neural Wiener-Hammerstein model (the block-oriented structure of system identification, with a small MLP as
    its static nonlinearity): a causal FIR filter bank (8 channels, 16 taps), a pointwise tanh MLP across the
    channels, and a causal FIR filter per channel summed back to one (the filters written as matrix products over
    sliding windows)."""

    def __init__(self, channels: int = 8, taps: int = 16, hidden: int = 16) -> None:
        super().__init__()
        self.taps = taps
        self.pre = nn.Linear(taps, channels)
        self.nl = nn.Sequential(nn.Linear(channels, hidden), nn.Tanh(), nn.Linear(hidden, channels))
        self.post = nn.Linear(channels * taps, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        win = F.pad(x[:, 0], (self.taps - 1, 0)).unfold(1, self.taps, 1)  # batch, time, taps
        h = self.nl(self.pre(win))  # batch, time, channels
        hw = F.pad(h.transpose(1, 2), (self.taps - 1, 0)).unfold(2, self.taps, 1)  # batch, channels, time, taps
        return self.post(hw.permute(0, 2, 1, 3).flatten(2)).transpose(1, 2)  # batch, 1, time


def esr_loss(model: nn.Module, batch: Any) -> torch.Tensor:
    """Wright et al.'s (2019) error-to-signal ratio with a first-order pre-emphasis (1 - 0.85 z^-1), over each
    segment's last 128 samples (the first 32 let the filters fill)."""
    x, y = batch
    pred = model(x)[..., KZ_SKIP:]
    y = y[..., KZ_SKIP:]
    emph = lambda s: s[..., 1:] - 0.85 * s[..., :-1]  # noqa: E731
    return (emph(y - pred) ** 2).sum() / (emph(y) ** 2).sum()


def kazoo_buzz(batch_size: int = 32, seed: int = 0, train_size: int = 2048, channels: int = 8) -> dict[str, Any]:
    """The Wiener-Hammerstein kazoo model on 2048 sung segments; held out: 1024 other segments in batches of 512;
    RAdam."""
    gen = torch.Generator().manual_seed(91402)
    x, y = _kz_segments(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WienerHammerstein(channels), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": esr_loss, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. tuba valve acoustics: leak and dent diagnosis from acoustic pulse reflectometry (AdamW; long only)

TB_BINS, TB_CLASSES = 128, 7
TB_VALVE_AT = torch.tensor([1.10, 1.25, 1.40, 1.55])  # the four valve casings' distances from the mouthpiece (m)


def _tb_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Acoustic pulse reflectometry of BBb tubas, valves open: the reflection function over the first 5.6 m of bore
    (128 bins of the round trip), in the first-order (Born) approximation r(x) = 1/2 d ln S / dx, each feature's
    reflection arriving at 2x / c. The bore: a mouthpipe cone from 4.5 mm to a valve-section radius of 8.5-10 mm
    over 0.8-1.0 m, the cylinder to 2.3-2.7 m with a small step at each valve casing's ports, then a conical body
    to 55-70 mm and a flaring bell r_b (1 + (x - 5) / 0.6)^(3 gamma) beyond 5.0 m (gamma 0.6-1.0). The fault, one
    of 7 equally often: sound; a leaking valve (1-4: a side hole at that casing, a negative spike of 0.03-0.1); a
    dent in the body (a constriction of 5-20% of the radius, 2-6 cm long, somewhere on 2.7-4.8 m); a dent in the
    mouthpipe (the same on 0.2-0.8 m). The trace widened by losses growing with distance (a Gaussian of 0.75 +
    0.75 x bins, x in m), damped by exp(-0.15 x), and 0.002 of noise. Returns (traces (n, 1, 128) x 20, fault
    classes (n,))."""
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(n, 1, generator=gen)  # noqa: E731
    x = torch.linspace(0, 5.6, TB_BINS).view(1, -1)
    ra, mp, cyl_end, rb, gam = u(8.5e-3, 10e-3), u(0.8, 1.0), u(2.3, 2.7), u(0.055, 0.07), u(0.6, 1.0)
    r = torch.where(x < mp, 4.5e-3 + (ra - 4.5e-3) * x / mp, ra)
    r = torch.where(x > cyl_end, ra + (rb - ra) * ((x - cyl_end) / (5.0 - cyl_end)).clamp(max=1), r)
    r = torch.where(x > 5.0, rb * (1 + (x - 5.0).clamp(min=0) / 0.6) ** (3 * gam), r)
    shift = u(-0.05, 0.05)
    for at in TB_VALVE_AT:
        r = r * (1 + 0.03 * torch.exp(-0.5 * ((x - at - shift) / 0.02) ** 2))
    y = torch.randint(0, TB_CLASSES, (n,), generator=gen)
    depth, width = u(0.05, 0.2), u(0.02, 0.06)
    pos = torch.where((y == 5).view(-1, 1), u(2.7, 4.8), u(0.2, 0.8))
    dent = ((y == 5) | (y == 6)).float().view(-1, 1)
    r = r * (1 - dent * depth * torch.exp(-0.5 * ((x - pos) / (width / 2)) ** 2))
    lns = 2 * torch.log(r)
    refl = torch.zeros(n, TB_BINS)
    refl[:, 1:] = 0.5 * (lns[:, 1:] - lns[:, :-1])  # each bin's reflection: half the step in ln S
    leak = (y >= 1) & (y <= 4)
    at = TB_VALVE_AT[(y - 1).clamp(0, 3)].view(-1, 1) + shift
    refl = refl - leak.float().view(-1, 1) * u(0.03, 0.1) * torch.exp(-0.5 * ((x - at) / 0.02) ** 2)
    idx = torch.arange(TB_BINS).float()
    sig = 0.75 + 0.75 * idx / TB_BINS * 5.6
    kern = torch.exp(-0.5 * ((idx.view(1, -1) - idx.view(-1, 1)) / sig.view(-1, 1)) ** 2)
    kern = kern / kern.sum(1, keepdim=True)  # row i: the blur of a reflection from bin i
    trace = (refl * torch.exp(-0.15 * x)) @ kern
    trace = trace + 0.002 * torch.randn(n, TB_BINS, generator=gen)
    return (20 * trace).unsqueeze(1), y


class ReflectometryMLP(nn.Module):
    """A dense classifier of the reflection trace (as the early neural-network readings of reflectometry and TDR
    traces were written): two ReLU layers of 64 and the 7 fault logits."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(TB_BINS, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                 nn.ReLU(), nn.Linear(hidden, TB_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def fault_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the fault class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def tuba_reflectometry(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The reflectometry CNN on 8192 measured tubas; held out: 2048 other tubas in batches of 1024; AdamW with
    torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(91502)
    x, y = _tb_traces(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ReflectometryMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": fault_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. snow-globe flake settling: the clearing curve (SGD with Nesterov momentum; long only)

SG_TIMES = torch.exp(torch.linspace(math.log(2.0), math.log(300.0), 16))  # seconds after the shake
SG_SIZES = 24


def _sg_viscosity(cm: torch.Tensor, temp: torch.Tensor) -> torch.Tensor:
    """Cheng's (2008) viscosity of glycerol-water (Pa s) at glycerol mass fraction cm and temperature temp (C)."""
    mu_w = 1.790 * torch.exp((-1230 - temp) * temp / (36100 + 360 * temp))
    mu_g = 12100 * torch.exp((-1233 + temp) * temp / (9900 + 70 * temp))
    a = 0.705 - 0.0017 * temp
    b = (4.9 + 0.036 * temp) * a**2.5
    alpha = 1 - cm + a * b * cm * (1 - cm) / (a * cm + b * (1 - cm))
    return mu_w**alpha * mu_g ** (1 - alpha) * 1e-3


def _sg_globes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Snow globes: glycerol mass fraction 0-0.7 in water, 15-30 C, flakes of density 1250-1500 kg/m3 (PET and PVC
    glitter) with a log-normal nominal size (median 0.4-3 mm, log sd 0.2-0.7) and a Corey shape factor 0.1-0.6 (flat
    flakes), fluid
    column 6-14 cm, the swirl after the shake dying out over 1-4 s. Settling velocity by Ferguson & Church (2004),
    w = R g d^2 / (C1 nu + sqrt(0.75 C2 R g d^3)), with C1 = 18 / CSF^0.4 and C2 = 0.4 + 1.4 (1 - CSF) for flat
    flakes (a drag penalty assumed here); flakes start at uniform heights, so a size's suspended fraction at time t
    is max(0, 1 - w (t - t0) / H); 24 quantiles of the size distribution; the count's noise 0.005. Returns
    (scaled conditions (n, 8), suspended fractions at 16 times (n, 16))."""
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(n, 1, generator=gen)  # noqa: E731
    cm, temp, rho_p = u(0.0, 0.7), u(15.0, 30.0), u(1250.0, 1500.0)
    ld50, lsd, csf, height, t0 = u(math.log(0.4e-3), math.log(3e-3)), u(0.2, 0.7), u(0.1, 0.6), u(0.06, 0.14), u(1, 4)
    mu = _sg_viscosity(cm, temp)
    rho_f = 998 + 262 * cm  # roughly linear in the mass fraction
    nu = mu / rho_f
    q = (torch.arange(SG_SIZES).float() + 0.5) / SG_SIZES
    z = math.sqrt(2) * torch.erfinv(2 * q - 1)
    d = torch.exp(ld50 + lsd * z.view(1, -1))
    r = (rho_p - rho_f) / rho_f
    c1, c2 = 18 / csf**0.4, 0.4 + 1.4 * (1 - csf)
    w = r * 9.81 * d**2 / (c1 * nu + (0.75 * c2 * r * 9.81 * d**3).sqrt())
    t = (SG_TIMES.view(1, 1, -1) - t0.unsqueeze(2)).clamp_min(0)
    frac = (1 - w.unsqueeze(2) * t / height.unsqueeze(2)).clamp_min(0).mean(1)
    frac = frac + 0.005 * torch.randn(frac.shape, generator=gen)
    inp = torch.cat([(cm - 0.35) / 0.2, (temp - 22.5) / 4.33, (rho_p - 1375) / 72, (ld50 + 6.5) / 0.58,
                     (lsd - 0.45) / 0.144, (csf - 0.35) / 0.144, (height - 0.1) / 0.023, (t0 - 2.5) / 0.87], 1)
    return inp, frac


class ClearingNet(nn.Module):
    """A tanh MLP from the globe's conditions to its clearing curve."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 16))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def clearing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the suspended fractions (x 10)."""
    x, y = batch
    return F.mse_loss(model(x), 10 * y)


def snow_globe(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The clearing net on 4096 simulated globes; held out: 2048 other globes in batches of 1024; SGD with Nesterov
    momentum 0.9."""
    gen = torch.Generator().manual_seed(91602)
    x, y = _sg_globes(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ClearingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": clearing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("maze_route_nadam", maze_route, 300, "hedge_maze_strategy_choice_gru", "nadam", "finite", 32,
      seconds=0.9, start_lr=0.032),
    W("river_profile_radam", river_profile, 300, "river_incision_chi_profile_inversion_mlp", "radam", "finite", 32,
      seconds=0.3, start_lr=0.064),
    W("marionette_dynamics_nadam", marionette_dynamics, 300, "marionette_leg_delta_state_dynamics_mlp", "nadam",
      "finite", 64, seconds=0.3, start_lr=0.032),
    W("kazoo_buzz_radam", kazoo_buzz, 300, "kazoo_membrane_buzz_wiener_hammerstein", "radam", "finite", 32,
      seconds=1.2, start_lr=0.128),
)
LONG = (
    W("tuba_reflectometry_adamw@long", tuba_reflectometry, 3000, "tuba_pulse_reflectometry_fault_mlp",
      "adamw_wd1e-2", "finite", 32, seconds=2.0, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("snow_globe_nesterov@long", snow_globe, 3000, "snow_globe_flake_clearing_curve_mlp", "sgd_nesterov0.9",
      "finite", 32, seconds=2.5, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("river_profile_radam@long", river_profile, 3000, "river_incision_chi_profile_inversion_mlp", "radam", "finite",
      32, dict(train_size=8192), seconds=3.5, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="river_profile_radam"),
    W("marionette_dynamics_nadam@long", marionette_dynamics, 3000, "marionette_leg_delta_state_dynamics_mlp", "nadam",
      "finite", 64, dict(train_size=16384), seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05),
      long_of="marionette_dynamics_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam91_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the ninety-first exam's workloads")
