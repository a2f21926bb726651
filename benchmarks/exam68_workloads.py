"""The sixty-eighth exam: six more workload families that neither the suite nor exams 1-66 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam66_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from curling and curling-stone
dynamics, bobsleigh and luge track dynamics, model rocketry and hobby rocket motors, marathon running and race
pacing, bonsai and horticultural pruning, and circus aerial arts and trapeze (exam 67 was built at the same time
from other domains; its module was not opened). What was checked to make them new, and what was tried and dropped,
is in ``benchmarks/results/exam68/README.md``. Every model and field convention below is the author's memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- curling-stone trajectories: a ReLU MLP from a delivery (speed at the near hog line, the turn's rate and handle,
  line, sweeping, the sheet's hog-to-tee time and the pebble's age) to where the stone stops (lateral and
  along-sheet offsets from the button, metres); the stones from a time-stepped pivot-slide-like model (friction
  rising as the stone slows, a lateral curl acceleration growing at low speed, nearly independent of the spin
  rate, sweeping lowering both); MSE in metres; Adam (torch's defaults)
- solid hobby rocket motors, an internal-ballistics surrogate: a GELU MLP from a BATES-grain motor's design (case
  diameter, core and grain length ratios, number of grains, initial Kn, St. Robert's law a and n, c*, thrust
  coefficient) to its static-test thrust curve at 24 times over 0-2.3 s; the curves from the textbook burnback
  (equilibrium chamber pressure (a rho c* Kn)^(1 / (1 - n)), web regression, uninhibited grain ends), load-cell
  noise; MSE of log(1 + F / 10 N); AdamW with weight decay 1e-2 (torch's default)
- marathon pacing: a GRU over a runner's six 5-km splits to 30 km (pace, the split's climb) and the runner's
  profile (sex, age, weekly distance, half-marathon best, race-day temperature) predicts the time for the last
  12.195 km; runners from Riegel's law (exponent rising for low-mileage runners, as Vickers and Vertosick 2016
  found), a heat slow-down, an even or aggressive start, and a glycogen "wall" whose onset depends on the start,
  the training and the heat, with a drift in the splits before it; MSE of the standardised time; NAdam
- flying-trapeze catches: a ReLU MLP from the flyer's swing (amplitude, line length, release angle, a hip kick)
  and the catcher's swing (amplitude, phase at the flyer's release, length) and the rigs' separation to the gap
  from the flyer's wrists to the catcher's hands at the top of her flight (a pendulum, a ballistic flight, a second
  pendulum); MSE of the standardised gap; SGD with Nesterov momentum 0.9 and weight decay 1e-4
- luge split times (a long plan only): a SiLU MLP from the slider and the conditions (start speed, mass, CdA, ice
  and air temperature, steering quality) to the five split times (standardised) on one 1300 m track of 16 curves;
  the runs from the energy equation along the track (gravity, runner friction with the normal load of the curves'
  centripetal term and a minimum near -7 C, aerodynamic drag with the air density, skid losses in the curves from
  poor steering and past 3.5 g); timing noise; MSE; RMSprop (torch's alpha 0.99)
- bonsai pruning response (a long plan only): an MLP with a species embedding from a branch's pruning (species,
  height on the trunk, branch diameter, tree vigour, severity of the cut, month, pinching or cutting back) to the
  log number of new shoots and the log total extension 60 days later; the response from apical dominance, the
  species' ability to back-bud (black pine barely on old wood), the season (spring flush, autumn cut-backs that
  barely break) and vigour, with log-normal scatter; MSE of the standardised logs; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the luge split-time
net and the bonsai pruning net (no short plans), the rocket-motor surrogate on 4096 motors instead of 512 (and in
batches of 64 instead of 32) and the trapeze catch net on 16384 catches instead of 2048.

Of the eight plans, one uses Adam (curling), two AdamW (both rocket plans), one NAdam (marathon), two SGD with
Nesterov momentum (both trapeze plans), one RMSprop (luge) and one Adagrad (bonsai).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam68_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam68/README.md).

    python benchmarks/exam68_workloads.py          # the table
    python benchmarks/exam68_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 68"


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the last tensor of the batch."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. curling-stone trajectories (Adam)


def _cu_deliveries(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Draw-weight deliveries from the near hog line (the button 28.35 m further on): speed 2.1-2.5 m/s, turn 0.5-3
    rad/s in or out (the handle's sign), line +-1.5 degrees from the centre line, sweeping 0-1 (the fraction of the
    way swept hard), the sheet's hog-to-tee time 12.5-15.5 s (fast ice slow times) and the pebble's age 0-3 h.
    The stone: deceleration mu(v) g with mu = mu0 (v / 1 m/s)^-0.3 (friction rising as the stone slows), mu0
    from the sheet's hog-to-tee time with 1% per-throw scatter (ice inhomogeneity), lowered up to 15% by sweeping
    while the stone runs over 0.8 m/s; a lateral curl acceleration k mu g / (v + 0.25) in the handle's direction,
    k rising weakly with the spin rate (1 + 0.1 ln w) and with the pebble's freshness (2% scatter), sweeping
    straightening the path; time-stepped at 0.1 s. Returns (scaled deliveries (n, 7), stop position (lateral,
    along from the button) in metres)."""
    v0 = 2.1 + 0.4 * torch.rand(n, generator=gen)
    w = 0.5 + 2.5 * torch.rand(n, generator=gen)
    handle = torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0)
    line = math.radians(1.5) * (2 * torch.rand(n, generator=gen) - 1)
    sweep = torch.rand(n, generator=gen)
    htt = 12.5 + 3.0 * torch.rand(n, generator=gen)
    age = 3.0 * torch.rand(n, generator=gen)
    mu0 = 0.0108 * (14.0 / htt) ** 1.6 * (1 + 0.01 * torch.randn(n, generator=gen)) * (1 + 0.04 * age / 3)
    k = 0.022 * (1 + 0.1 * torch.log(w)) * (1.25 - 0.25 * age / 1.5) * (1 + 0.02 * torch.randn(n, generator=gen))
    vx, vy = v0 * torch.sin(line), v0 * torch.cos(line)
    x = torch.zeros(n)
    y = torch.zeros(n)
    dt, g = 0.1, 9.81
    for _ in range(450):
        v = (vx**2 + vy**2).sqrt()
        moving = v > 1e-3
        vs = v.clamp_min(0.02)
        swept = sweep * (y < 28.35 * sweep + 1e-6).float() * (v > 0.8).float()
        mu = mu0 * vs.pow(-0.3) * (1 - 0.15 * swept)
        dec = torch.minimum(mu * g * dt, v)
        lat = handle * k * (1 - 0.5 * swept) * mu * g / (vs + 0.25) * dt * moving.float()
        ux, uy = vx / vs, vy / vs
        vx = vx - dec * ux + lat * uy
        vy = vy - dec * uy - lat * ux
        x, y = x + vx * dt, y + vy * dt
    stop = torch.stack([x, y - 28.35], 1)
    feats = torch.stack([(v0 - 2.3) / 0.115, (w - 1.75) / 0.72, handle, line / 0.015, (sweep - 0.5) / 0.29,
                         (htt - 14) / 0.87, (age - 1.5) / 0.87], 1)
    return feats, stop


class CurlingStopNet(nn.Module):
    """A plain ReLU MLP from the delivery to the stone's stopping point (a shot-calling aid's regression)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def curling_stone(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The stopping-point net on 4096 deliveries; held out: 2048 other deliveries in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(68102)
    x, y = _cu_deliveries(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CurlingStopNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. solid hobby rocket motors: a BATES-grain internal-ballistics surrogate (AdamW)

RM_T = 24
RM_TMAX = 2.3


def _rm_motors(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Amateur BATES motors: case (grain outer) diameter 29, 38 or 54 mm; core 0.25-0.45 of it; grain length
    1.2-2.2 diameters; 1-4 grains; initial Kn (burning area over throat area) 180-320; St. Robert's burn-rate law
    r = a P^n with a 4-8 mm/s at 1 MPa and n 0.25-0.45; propellant density 1700 kg/m3, c* 1250-1500 m/s, thrust
    coefficient 1.35-1.6. Burnback: the core and both uninhibited ends regress together over the web in 40 steps,
    the chamber pressure in equilibrium, P = (rho a c* Kn)^(1 / (1 - n)), the thrust C_F P A_t; the curve sampled at
    24 times over 0-2.3 s (zero after burnout), with load-cell noise of 1.5% + 2 N. Returns (scaled design (n, 9),
    log(1 + F / 10 N) (n, 24))."""
    dcase = torch.tensor([0.029, 0.038, 0.054])[torch.randint(0, 3, (n,), generator=gen)]
    core = 0.25 + 0.2 * torch.rand(n, generator=gen)
    lratio = 1.2 + 1.0 * torch.rand(n, generator=gen)
    grains = torch.randint(1, 5, (n,), generator=gen).float()
    kn0 = 180 + 140 * torch.rand(n, generator=gen)
    a = 4 + 4 * torch.rand(n, generator=gen)
    nexp = 0.25 + 0.2 * torch.rand(n, generator=gen)
    cstar = 1250 + 250 * torch.rand(n, generator=gen)
    cf = 1.35 + 0.25 * torch.rand(n, generator=gen)
    d0, length = core * dcase, lratio * dcase
    web = (dcase - d0) / 2

    def area(x: torch.Tensor) -> torch.Tensor:
        d, ln = d0 + 2 * x, (length - 2 * x).clamp_min(0)
        return grains * (math.pi * d * ln + 2 * math.pi / 4 * (dcase**2 - d**2))

    at = area(torch.zeros(n)) / kn0
    steps = 40
    xs = torch.linspace(0, 1, steps + 1).view(1, -1) * web.view(-1, 1)  # n, steps + 1
    ab = area(xs.T).T
    kn = ab / at.view(-1, 1)
    p_mpa = (1700 * a.view(-1, 1) * 1e-3 * cstar.view(-1, 1) * kn / 1e6) ** (1 / (1 - nexp.view(-1, 1)))
    rate = a.view(-1, 1) * 1e-3 * p_mpa ** nexp.view(-1, 1)  # m/s
    thrust = cf.view(-1, 1) * p_mpa * 1e6 * at.view(-1, 1)
    dt = (xs[:, 1:] - xs[:, :-1]) / (0.5 * (rate[:, 1:] + rate[:, :-1]))
    tt = torch.cat([torch.zeros(n, 1), dt.cumsum(1)], 1)
    grid = torch.linspace(0.05, RM_TMAX, RM_T)
    idx = torch.searchsorted(tt.contiguous(), grid.expand(n, -1).contiguous()).clamp(1, steps)
    t_lo, t_hi = tt.gather(1, idx - 1), tt.gather(1, idx)
    f_lo, f_hi = thrust.gather(1, idx - 1), thrust.gather(1, idx)
    frac = ((grid - t_lo) / (t_hi - t_lo)).clamp(0, 1)
    f = (f_lo + frac * (f_hi - f_lo)) * (grid <= tt[:, -1:]).float()
    f = (f * (1 + 0.015 * torch.randn(f.shape, generator=gen)) + 2 * torch.randn(f.shape, generator=gen)).clamp_min(0)
    design = torch.stack([(dcase - 0.040) / 0.010, (core - 0.35) / 0.058, (lratio - 1.7) / 0.29,
                          (grains - 2.5) / 1.12, (kn0 - 250) / 40, (a - 6) / 1.15, (nexp - 0.35) / 0.058,
                          (cstar - 1375) / 72, (cf - 1.475) / 0.072], 1)
    return design, torch.log1p(f / 10)


class MotorCurveNet(nn.Module):
    """A dense surrogate of the burnback calculation: the 9 design numbers through two GELU layers to the 24
    thrust samples (log scale)."""

    def __init__(self, hidden: int = 96) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, RM_T))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def rocket_motor(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 96) -> dict[str, Any]:
    """The thrust-curve surrogate on 512 computed motors; held out: 2048 other motors in batches of 1024; AdamW
    with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(68202)
    x, y = _rm_motors(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MotorCurveNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. marathon pacing: a GRU over the 5-km splits predicts the last 12.195 km (NAdam)

MP_SPLITS = 6


def _mp_runners(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Runners of a big-city marathon: sex, age 20-70, weekly distance 20-120 km, a half-marathon best of 75-150
    min (faster with distance, slower with age and for women). The even-pace marathon ability: Riegel's law
    T_m = T_hm (42.195 / 21.0975)^e with e = 1.06 + 0.10 (40 / weekly km - 0.33)_+ (Riegel underestimates
    low-mileage runners); a heat slow-down of 0.4% per degree above 10 C (race-day 5-25 C), more for slower
    runners; the course's climb per split (m, a rolling course). The start: 0.96-1.03 of the even pace (the
    aggressive start faster). Glycogen: a store that the pace and the heat drain, larger with training; past its
    km the pace falls 8-36% (more in the heat and for low mileage), and in the splits before it the pace drifts.
    Split noise 1.5%, the last 12.195 km 2%. Returns (splits (n, 6, 3): pace min/km, climb, km mark, scaled;
    profile (n, 5); the last 12.195 km's time, standardised by the caller)."""
    female = (torch.rand(n, generator=gen) < 0.4).float()
    age = 20 + 50 * torch.rand(n, generator=gen)
    km = 20 + 100 * torch.rand(n, generator=gen)
    temp = 5 + 20 * torch.rand(n, generator=gen)
    hm = (105 - 22 * (km - 70) / 50 + 0.35 * F.relu(age - 35) + 10 * female) * torch.exp(
        0.1 * torch.randn(n, generator=gen))
    e = 1.06 + 0.10 * F.relu(40 / km - 0.33)
    tm = hm * (42.195 / 21.0975) ** e * (1 + 0.004 * F.relu(temp - 10) * (hm / 105))
    pace = tm / 42.195
    start = 0.96 + 0.07 * torch.rand(n, generator=gen)
    climb = 12 * torch.randn(n, 9, generator=gen)
    store = 30 + 10 * (km / 120) + 1 * torch.randn(n, generator=gen)
    drain = 1 + 2.5 * (1 - start) + 0.01 * F.relu(temp - 12)
    wall = (store / drain).clamp(20, 60)
    slow = 0.08 + 0.15 * (temp - 5) / 20 + 0.10 * (1 - km / 120) + 0.03 * torch.rand(n, generator=gen)
    marks = torch.tensor([5.0, 10, 15, 20, 25, 30, 35, 40, 42.195])
    lens = torch.tensor([5.0, 5, 5, 5, 5, 5, 5, 5, 2.195])
    rel = torch.where(marks.view(1, -1) <= 15, start.view(-1, 1), 1.0 + 0.3 * (1 - start.view(-1, 1)))
    past = ((marks.view(1, -1) - wall.view(-1, 1)) / 5).clamp(-1, 1)
    fade = torch.where(past > 0, slow.view(-1, 1) * past, 0.04 * slow.view(-1, 1) * (1 + past))
    split_pace = pace.view(-1, 1) * rel * (1 + fade) * (1 + 0.004 * climb)
    split_pace = split_pace * (1 + 0.015 * torch.randn(n, 9, generator=gen))
    last = (split_pace[:, 6:] * lens[6:]).sum(1) * (1 + 0.02 * torch.randn(n, generator=gen))
    seq = torch.stack([(split_pace[:, :MP_SPLITS] - 5.8) / 1.0, climb[:, :MP_SPLITS] / 12,
                       ((marks[:MP_SPLITS] - 17.5) / 8.5).expand(n, -1)], 2)
    prof = torch.stack([female, (age - 45) / 14.4, (km - 70) / 29, (hm - 110) / 20, (temp - 15) / 5.8], 1)
    return seq, prof, last


class SplitGRU(nn.Module):
    """A GRU over the splits, each step's input the split and the runner's profile, the last hidden state through a
    linear head to the remaining time."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.gru = nn.GRU(3 + 5, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, seq: torch.Tensor, prof: torch.Tensor) -> torch.Tensor:
        x = torch.cat([seq, prof.unsqueeze(1).expand(-1, seq.shape[1], -1)], 2)
        out, _ = self.gru(x)
        return self.head(out[:, -1]).squeeze(1)


def marathon_pacing(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The split GRU on 1024 runners, the target standardised over them; held out: 2048 other runners in batches
    of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(68302)
    s, p, y = _mp_runners(train_size + 2048, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (s[:train_size], p[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SplitGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], p[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. flying-trapeze catches (SGD with Nesterov momentum)


def _tz_catches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A flyer on a fly bar (lines 2.4-3.0 m, the flyer's grip-to-wrist point 0.1 m below the bar) swings from the
    board with an amplitude of 50-75 degrees; she leaves the bar at 5-35 degrees past the bottom on the forward
    swing (her wrists then fly ballistically, with a hip kick adding 0-1.2 m/s upward), toward a catcher hanging by
    his knees from a catch bar 4.0-5.0 m away at the same height, his hands 2.9-3.5 m below it, swinging with an
    amplitude of 25-45 degrees and a phase (at her release) of 0-2 pi. The gap from her wrists to his hands at the
    top of her flight (where the catch is made), horizontal and vertical, with 3 cm of scatter (her timing); the
    catcher's swing a pendulum with amplitude-dependent frequency. Returns (scaled set-up (n, 9), the gap (m))."""
    amp = math.radians(50) + math.radians(25) * torch.rand(n, generator=gen)
    lf = 2.4 + 0.6 * torch.rand(n, generator=gen) + 0.1
    rel = math.radians(5) + math.radians(30) * torch.rand(n, generator=gen)
    kick = 1.2 * torch.rand(n, generator=gen)
    sep = 4.0 + 1.0 * torch.rand(n, generator=gen)
    lc = 2.9 + 0.6 * torch.rand(n, generator=gen)
    camp = math.radians(25) + math.radians(20) * torch.rand(n, generator=gen)
    phase = 2 * math.pi * torch.rand(n, generator=gen)
    g = 9.81
    om = (2 * g / lf * (torch.cos(rel) - torch.cos(amp)).clamp_min(0)).sqrt()
    x0, y0 = lf * torch.sin(rel), -lf * torch.cos(rel)
    vx0, vy0 = lf * om * torch.cos(rel), lf * om * torch.sin(rel) + kick
    tc = (vy0 / g).view(-1, 1)  # the top of her flight, where the catch is made
    fx = x0.view(-1, 1) + vx0.view(-1, 1) * tc
    fy = y0.view(-1, 1) + 0.5 * vy0.view(-1, 1) * tc
    wc = (g / lc).sqrt() * (1 - camp**2 / 16)
    th = camp.view(-1, 1) * torch.cos(wc.view(-1, 1) * tc + phase.view(-1, 1))
    cx = sep.view(-1, 1) - lc.view(-1, 1) * torch.sin(th)
    cy = -lc.view(-1, 1) * torch.cos(th)
    gap = torch.cat([cx - fx, cy - fy], 1) + 0.03 * torch.randn(n, 2, generator=gen)
    feats = torch.stack([(amp - 1.09) / 0.126, (lf - 2.8) / 0.17, (rel - 0.35) / 0.151, (kick - 0.6) / 0.35,
                         (sep - 4.5) / 0.29, (lc - 3.2) / 0.17, (camp - 0.61) / 0.1, torch.sin(phase),
                         torch.cos(phase)], 1)
    return feats, gap


class CatchNet(nn.Module):
    """A ReLU MLP from the set-up to the gap at the catch."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def trapeze_catch(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 128) -> dict[str, Any]:
    """The catch net on 2048 simulated catches, the gap standardised over them; held out: 2048 others in batches of
    1024; SGD with Nesterov momentum 0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(68402)
    x, y = _tz_catches(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CatchNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. luge split times on one track (RMSprop; long only)

LG_SEG = 130  # 10 m segments of a 1300 m track
LG_SPLITS = (20, 45, 70, 100, 130)


def _lg_track() -> tuple[torch.Tensor, torch.Tensor]:
    """One track: 1300 m, the gradient of each 10 m segment (steeper at the start and in the middle, 6-13%), and
    16 curves (radius 12-35 m, 3-6 segments long; 0 radius code = straight)."""
    s = torch.arange(LG_SEG).float()
    grade = 0.09 + 0.03 * torch.sin(s / 11) + 0.02 * torch.exp(-s / 12) - 0.015 * (s > 118).float()
    inv_r = torch.zeros(LG_SEG)
    starts = [8, 16, 25, 33, 41, 48, 56, 63, 70, 77, 84, 91, 97, 104, 110, 116]
    radii = [30, 22, 18, 35, 14, 12, 25, 20, 16, 30, 13, 28, 18, 22, 15, 34]
    lens = [3, 4, 4, 3, 5, 6, 3, 4, 5, 3, 6, 3, 4, 4, 5, 3]
    for a, r, ln in zip(starts, radii, lens):
        inv_r[a : a + ln] = 1.0 / r
    return grade, inv_r


def _lg_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Singles runs: start speed after the paddles 3.5-5.5 m/s, slider and sled 80-125 kg, CdA 0.07-0.12 m2, ice
    -14 to -2 C (runner friction 0.004 + 0.00008 (T + 7)^2, lowest near -7 C), air -15 to 5 C and 850-950 hPa
    (the density), steering quality 0-1 (a skid loss in the curves, 0.03 (1 - q) v^2 / R, and a skid past 3.5 g
    of lateral load, 0.4 (1.2 - q) (g_lat - 3.5)^2 m/s2). The energy
    equation per 10 m segment: v^2 grows by 2 ds (g sin - mu (g cos + v^2 / R) - rho CdA v^2 / 2m - skid); the
    time from the mean speed; 1 ms timing noise and 0.07% run-to-run scatter. Returns (scaled conditions (n, 7),
    the five split times, standardised by the caller)."""
    grade, inv_r = _lg_track()
    v0 = 3.5 + 2.0 * torch.rand(n, generator=gen)
    mass = 80 + 45 * torch.rand(n, generator=gen)
    cda = 0.07 + 0.05 * torch.rand(n, generator=gen)
    tice = -14 + 12 * torch.rand(n, generator=gen)
    tair = -15 + 20 * torch.rand(n, generator=gen)
    press = 850 + 100 * torch.rand(n, generator=gen)
    steer = torch.rand(n, generator=gen)
    rho = press * 100 / (287.05 * (tair + 273.15))
    mu = 0.004 + 0.00008 * (tice + 7) ** 2
    drag = rho * cda / (2 * mass)
    g, ds = 9.81, 10.0
    v2 = v0**2
    t = torch.zeros(n)
    splits = []
    theta = torch.atan(grade)
    for k in range(LG_SEG):
        lat_g = v2 * inv_r[k] / g
        acc = (g * torch.sin(theta[k]) - mu * (g * torch.cos(theta[k]) + v2 * inv_r[k]) - drag * v2
               - 0.03 * (1 - steer) * v2 * inv_r[k] - 0.4 * (1.2 - steer) * F.relu(lat_g - 3.5) ** 2)
        v2n = (v2 + 2 * ds * acc).clamp_min(1.0)
        t = t + ds / (0.5 * (v2.sqrt() + v2n.sqrt()))
        v2 = v2n
        if k + 1 in LG_SPLITS:
            splits.append(t.clone())
    times = torch.stack(splits, 1) * (1 + 0.0007 * torch.randn(n, 1, generator=gen))
    times = times + 0.001 * torch.randn(times.shape, generator=gen)
    feats = torch.stack([(v0 - 4.5) / 0.58, (mass - 102.5) / 13, (cda - 0.095) / 0.0144, (tice + 8) / 3.46,
                         (tair + 5) / 5.8, (press - 900) / 29, (steer - 0.5) / 0.29], 1)
    return feats, times


class LugeSplitNet(nn.Module):
    """A SiLU MLP from the run's conditions to the five split times."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, len(LG_SPLITS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def luge_splits(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The split-time net on 8192 simulated runs, the times standardised over them; held out: 2048 other runs in
    batches of 1024; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(68502)
    x, y = _lg_runs(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LugeSplitNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. bonsai pruning response (Adagrad; long only)

BP_SPECIES = 6


def _bp_branches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pruned branches of six bonsai species (juniper, Japanese maple, trident maple, Chinese elm, ficus, black
    pine): height on the trunk 0-1 (apical dominance: upper branches stronger), branch diameter 2-15 mm, the tree's
    vigour 0-1, the cut's severity (fraction of the shoot removed) 0.1-0.9, the month, pinching (soft growth) or
    cutting back. New shoots: the dormant buds left near the cut (more on thicker wood, fewer after a severe cut on
    pine, which barely back-buds on old wood) times a break probability (logistic in species, vigour, height,
    severity and a season curve: spring high, late summer a second flush, autumn low; ficus all year); the
    extension per shoot from vigour, height and season, shared among the shoots. Log-normal scatter of 8% and 10%.
    Returns (species, scaled conditions (n, 7), log(1 + shoots) and log(1 + extension cm))."""
    sp = torch.randint(0, BP_SPECIES, (n,), generator=gen)
    h = torch.rand(n, generator=gen)
    diam = 2 + 13 * torch.rand(n, generator=gen)
    vig = torch.rand(n, generator=gen)
    sev = 0.1 + 0.8 * torch.rand(n, generator=gen)
    month = torch.randint(1, 13, (n,), generator=gen).float()
    pinch = (torch.rand(n, generator=gen) < 0.4).float()
    ang = 2 * math.pi * (month - 1) / 12
    base = torch.tensor([-0.3, 0.4, 0.6, 0.8, 1.0, -1.2])[sp]
    backbud = torch.tensor([0.5, 1.0, 1.1, 1.2, 1.3, 0.15])[sp]
    tropical = (sp == 4).float()
    season = (1 - tropical) * (1.2 * torch.exp(-((month - 4.5) / 1.5) ** 2) + 0.5 * torch.exp(-((month - 7.5) / 1) ** 2)
                               - 0.8 * torch.exp(-((month - 10.5) / 1.5) ** 2)) + tropical * 0.4
    buds = 1 + diam * 0.4 * backbud * (1 - 0.6 * sev * (sp == 5).float()) * (1 + 0.5 * pinch)
    logit = base + 1.8 * (vig - 0.5) + 1.2 * (h - 0.5) + 1.5 * sev * backbud + season - 0.6 * pinch * sev
    shoots = buds * torch.sigmoid(logit)
    ext = (2 + 25 * vig * (0.5 + h) * torch.exp(0.5 * season)) * (1 + 0.3 * sev) * (1 - 0.4 * pinch)
    shoots = shoots * torch.exp(0.08 * torch.randn(n, generator=gen))
    ext = ext * torch.exp(0.10 * torch.randn(n, generator=gen))
    cond = torch.stack([(h - 0.5) / 0.29, (diam - 8.5) / 3.75, (vig - 0.5) / 0.29, (sev - 0.5) / 0.23,
                        torch.sin(ang), torch.cos(ang), pinch * 2 - 1], 1)
    return sp, cond, torch.stack([torch.log1p(shoots), torch.log1p(ext)], 1)


class PruningNet(nn.Module):
    """An MLP with a species embedding (dimension 4), joined with the conditions, through two tanh layers to the
    two log responses."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(BP_SPECIES, 4)
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, sp: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(sp), cond], 1))


def bonsai_pruning(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The pruning-response net on 8192 branches, the targets standardised over them; held out: 2048 other branches
    in batches of 1024; Adagrad (torch's defaults)."""
    gen = torch.Generator().manual_seed(68602)
    s, c, y = _bp_branches(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (s[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PruningNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("curling_stone_adam", curling_stone, 300, "curling_stone_stop_position_mlp", "adam", "finite", 32,
      seconds=0.4, start_lr=0.064),
    W("rocket_motor_adamw", rocket_motor, 300, "bates_rocket_motor_thrust_curve_surrogate", "adamw_wd1e-2",
      "small_finite", 32, seconds=0.3, start_lr=0.064),
    W("marathon_pacing_nadam", marathon_pacing, 300, "marathon_split_gru_last_12k", "nadam", "finite", 32,
      seconds=0.5, start_lr=0.016),
    W("trapeze_catch_nesterov", trapeze_catch, 300, "flying_trapeze_catch_approach_mlp", "sgd_nesterov0.9_wd1e-4",
      "finite", 64, seconds=0.3, start_lr=0.2),
)
LONG = (
    W("luge_splits_rmsprop@long", luge_splits, 3000, "luge_track_split_time_mlp", "rmsprop", "finite", 64,
      seconds=2.1, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("bonsai_pruning_adagrad@long", bonsai_pruning, 3000, "bonsai_pruning_response_mlp", "adagrad", "finite", 32,
      seconds=2.7, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("rocket_motor_adamw@long", rocket_motor, 3000, "bates_rocket_motor_thrust_curve_surrogate", "adamw_wd1e-2",
      "finite", 64, dict(train_size=4096), seconds=3.8, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="rocket_motor_adamw"),
    W("trapeze_catch_nesterov@long", trapeze_catch, 3000, "flying_trapeze_catch_approach_mlp",
      "sgd_nesterov0.9_wd1e-4", "finite", 64, dict(train_size=16384), seconds=3.6, start_lr=0.2,
      grid_fractions=(0.0, 0.05), long_of="trapeze_catch_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam68_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-eighth exam's workloads")
