"""The seventieth exam: six more workload families that neither the suite nor exams 1-68 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam68_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool; for the cube, a stream of fresh scrambles). Its
families come from go-karting and kart chassis set-up, hovercraft and air-cushion vehicles, popcorn popping and
kernel expansion, Rubik's cube and twisty puzzles, philately and stamp perforation gauging, and pogo sticks and
spring-loaded hopping (exam 69 was built at the same time from other domains; its module was not opened). What
was checked to make them new, and what was tried and dropped, is in ``benchmarks/results/exam70/README.md``. Every
field convention below is from its author's memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- kart chassis set-up, a lap-time surrogate: an MLP from a kart's set-up (rear and front track width, ride
  height, caster, tyre pressure, rear axle stiffness, gearing, seat position) and the day's conditions (track
  temperature, rubber) to the lap time, as set-up optimisation studies fit a surrogate to a lap simulator; laps
  from a quasi-steady-state point-mass lap simulation of a 1.1 km club circuit (corner speeds from the grip, the
  solid rear axle's scrub when the inside rear wheel does not lift, acceleration and top speed from the gearing,
  braking) with a driver's lap-to-lap scatter; MSE of the standardised lap time; NAdam (torch's defaults)
- hovercraft lift system (a long plan only): a tanh MLP from the craft (mass, cushion length and beam, skirt
  hem gap, fan diameter and speed, duct loss, surface) to the log daylight clearance and the log lift power of a
  plenum-chamber craft in hover; the equilibrium of the fan's characteristic with the cushion's peripheral
  leakage (cushion pressure = weight / area, the leak through the hover gap with a discharge coefficient, as in
  Mantle's and Yun & Bliault's textbooks); gauge noise; MSE of the standardised logs; AdamW (weight decay 1e-2)
- popcorn popping tests: an MLP from a lot's kernel moisture, size, pericarp thickness, hybrid (butterfly or
  mushroom) and popper (hot air, oil, microwave) to the expansion volume, the share of unpopped kernels and the
  median popping time of a 60-kernel test; kernels simulated one by one (the pericarp as a pressure vessel that
  bursts near 9 atm of internal steam pressure, about 180 C; expansion best near 14% moisture); MSE of the
  standardised outputs; RMSprop (torch's alpha 0.99)
- Rubik's cube, a learned move policy: a DeepCubeA-style residual MLP (Agostinelli et al. 2019: one-hot stickers,
  dense layers with batch norm, residual blocks) trained, as in Takano's EfficientCube (2023), to predict the move
  that undoes the last move of a random scramble, fresh scrambles every batch (a stream, as both generate their
  data); scrambles of 1-5 quarter turns of a 3x3x3 cube simulated by sticker permutations; cross-entropy over the 12
  quarter turns; Adam (torch's defaults)
- stamp perforation gauging: a small strided 1D CNN with batch norm reads the light profile scanned along a
  stamp's perforated edge (300 dpi, 256 pixels) and names the perforation gauge (holes per 2 cm, 10 to 16 in
  halves: 13 classes); edges with hole jitter, wet printings' paper shrinkage, torn and blind perfs, paper texture,
  toning and a varying hole diameter; cross-entropy; SGD with momentum 0.9 and weight decay 5e-4
- pogo-stick hopping (a long plan only): an MLP learns the apex-to-apex return map of a spring-loaded inverted
  pendulum (Blickhan 1989; Raibert's hoppers) with a rider who injects energy by a push during the stance's
  second half and a damped spring; hops simulated by integrating the stance; MSE of the standardised next apex
  clearance and forward speed; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the hovercraft lift
net and the pogo return map (no short plans), the kart surrogate on 8192 laps instead of 1024 and the popcorn net
on 8192 tests instead of 1024.

Of the eight plans, two use NAdam (both kart plans), two RMSprop (both popcorn plans), one Adam (cube), one SGD with
momentum (stamp perforation), one AdamW (hovercraft) and one RAdam (pogo).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order (for the cube, the
scrambles drawn). No loss draws random numbers. The entrypoint is ``benchmarks/exam70_workloads.py:build``
(``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam70/README.md).

    python benchmarks/exam70_workloads.py          # the table
    python benchmarks/exam70_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, Stream, _named, loader, split_batches  # noqa: E402

TITLE = "Exam 70"


def _std(y: torch.Tensor, n: int) -> torch.Tensor:
    """Standardise columns by the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def standardised_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised targets (the last tensor of the batch)."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. kart chassis set-up: a lap-time surrogate over a quasi-steady-state lap simulation (NAdam)

# a 1.1 km club circuit: (straight before the corner in m, corner radius in m, corner arc in m)
KT_TRACK = torch.tensor([[180.0, 14.0, 30.0], [60.0, 30.0, 45.0], [95.0, 9.0, 22.0], [40.0, 22.0, 35.0],
                         [120.0, 50.0, 60.0], [35.0, 12.0, 25.0], [70.0, 18.0, 40.0], [55.0, 8.0, 20.0],
                         [85.0, 26.0, 38.0]])


def _kt_laps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Set-ups of a 125 cc direct-drive kart: rear track 1300-1400 mm, front track (spacers) 1040-1140 mm, ride
    height (hub position) 0-1, caster 10-18 degrees, hot tyre pressure 0.6-1.2 bar, rear axle soft / medium / hard,
    gearing 10/76-11/86 (ratio 6.9-8.6), seat fore-aft -3 to 3 cm; track temperature 10-45 C, rubber 0-1 (green to
    rubbered in). The grip: a base rising with rubber and temperature, the tyre's pressure optimum falling as the
    track heats; the balance: a narrower rear track, a lower rear and a softer axle add rear grip, a wider front and
    more caster add front grip (and jacking); in tight corners the inside rear wheel must lift (caster, front track,
    seat forward help) or the solid axle scrubs and bogs the engine, costing speed; a too-grippy rear hops. Corner
    speed sqrt(mu g R) with mu the lesser of front and rear grip less the imbalance; straights from the corner exit at
    an acceleration set by the gearing up to its top speed (15,000 rpm), braking at 1.3 g into the next corner.
    Returns (scaled set-up and conditions (n, 12), lap time in s), with a driver's scatter of 0.2 s."""
    u = lambda: torch.rand(n, generator=gen)  # noqa: E731
    rear, front, ride, caster, press = 1300 + 100 * u(), 1040 + 100 * u(), u(), 10 + 8 * u(), 0.6 + 0.6 * u()
    axle = torch.randint(0, 3, (n,), generator=gen)
    ratio, seat, temp, rubber = 6.9 + 1.7 * u(), -3 + 6 * u(), 10 + 35 * u(), u()
    p_opt = 1.05 - 0.008 * (temp - 10)
    base = 1.55 + 0.25 * rubber + 0.004 * (temp - 10) - 0.006 * F.relu(temp - 35) ** 2 / 10
    tyre = 1 - 0.35 * (press - p_opt) ** 2
    ax = torch.tensor([0.06, 0.0, -0.05])[axle]
    mu_r = base * tyre * (1 + 0.0012 * (1350 - rear) + 0.03 * (0.5 - ride) + ax)
    mu_f = base * tyre * (0.94 + 0.0008 * (front - 1090) + 0.008 * (caster - 14) + 0.006 * seat)
    lift = 0.5 + 0.06 * (caster - 14) + 0.004 * (front - 1090) + 0.05 * seat + 0.002 * (rear - 1350) - 2 * ax
    mu = torch.minimum(mu_f, mu_r) - 0.25 * (mu_f - mu_r).abs() ** 1.5
    hop = F.relu(mu_r - mu_f - 0.08) * 2
    rpm_max, wheel = 15000.0, 0.28 * math.pi  # rev limit, rear wheel circumference (m)
    vmax = rpm_max / 60 / ratio * wheel
    acc = 0.42 * ratio  # m/s2 near the corner exit
    brake = 1.3 * 9.81
    t = torch.zeros(n)
    vc = []
    for straight, radius, arc in KT_TRACK.tolist():
        scrub = (0.12 * F.relu(1 - lift).clamp(max=1) + 0.5 * hop.clamp(max=0.2)) * 10 / radius  # speed lost
        v = torch.minimum((mu * 9.81 * radius).sqrt() * (1 - scrub), vmax)
        vc.append(v)
        t = t + arc / v
    for i, (straight, _, _) in enumerate(KT_TRACK.tolist()):
        v1, v2 = vc[i - 1], vc[i]  # exit of the previous corner, entry of this one
        a = acc * (1 - 0.6 * (v1 / vmax) ** 2)  # the pull falls as the engine nears the rev limit
        vp = ((2 * a * brake * straight + brake * v1**2 + a * v2**2) / (a + brake)).sqrt()
        vp = torch.minimum(vp, vmax)
        d_acc = (vp**2 - v1**2) / (2 * a)
        d_brk = (vp**2 - v2**2).clamp_min(0) / (2 * brake)
        cruise = (straight - d_acc - d_brk).clamp_min(0)
        t = t + (vp - v1) / a + (vp - v2).clamp_min(0) / brake + cruise / vmax
    t = t + 0.2 * torch.randn(n, generator=gen)
    x = torch.stack([(rear - 1350) / 29, (front - 1090) / 29, (ride - 0.5) / 0.29, (caster - 14) / 2.3,
                     (press - 0.9) / 0.17, (ratio - 7.75) / 0.49, seat / 1.73, (temp - 27.5) / 10.1,
                     (rubber - 0.5) / 0.29], 1)
    return torch.cat([x, F.one_hot(axle, 3).float()], 1), t


class KartLapNet(nn.Module):
    """A lap-time surrogate: a SiLU MLP from the 12 set-up and condition features to the lap time."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(12, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def kart_setup(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The lap-time surrogate on ``train_size`` simulated laps, lap times standardised over them; held out: 2048
    other laps in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(70102)
    x, t = _kt_laps(train_size + 2048, gen)
    y = _std(t, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KartLapNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. hovercraft lift system: clearance and lift power of a plenum-chamber craft (AdamW; long only)


def _hc_crafts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Light plenum-chamber hovercraft in static hover: all-up mass 150-600 kg, cushion length 3-6 m and beam
    1.6-2.6 m, skirt hem gap allowance 0-1, lift-fan diameter 0.6-1.0 m at 1500-3500 rpm, a duct loss
    coefficient, over concrete, grass or calm water. Cushion pressure p = m g / (l b); the fan's characteristic
    p_fan = rho (pi n D)^2 psi0 (1 - (Q / Q0)^2), Q0 = phi0 n D^3, less the duct loss k Q^2 / D^4; the cushion
    leaks round its periphery 2 (l + b) through the daylight clearance h with a discharge coefficient (0.6 over
    concrete, less over grass, more over water): Q = 2 (l + b) h Cd sqrt(2 p / rho). Only crafts whose fan holds
    1.15x the cushion pressure at shut-off are kept. Returns (scaled craft (n, 9), log clearance in mm and log lift
    power in kW) with gauge noise of 2% and 1%."""
    m = 150 + 450 * torch.rand(3 * n, generator=gen)
    ln, bm = 3 + 3 * torch.rand(3 * n, generator=gen), 1.6 + torch.rand(3 * n, generator=gen)
    hem = torch.rand(3 * n, generator=gen)
    d = 0.6 + 0.4 * torch.rand(3 * n, generator=gen)
    rpm = 1500 + 2000 * torch.rand(3 * n, generator=gen)
    kd = 0.5 + 1.5 * torch.rand(3 * n, generator=gen)
    surf = torch.randint(0, 3, (3 * n,), generator=gen)
    rho, g = 1.2, 9.81
    p = m * g / (ln * bm)
    rev = rpm / 60
    p0 = rho * (math.pi * rev * d) ** 2 * 0.11
    q0 = 0.55 * rev * d**3
    ok = p0 > 1.15 * p
    idx = ok.nonzero().squeeze(1)[:n]
    m, ln, bm, hem, d, rpm, kd, surf, p, p0, q0 = (v[idx] for v in (m, ln, bm, hem, d, rpm, kd, surf, p, p0, q0))
    # p0 (1 - (Q / q0)^2) - kd Q^2 / (100 d^4) = p  ->  Q^2 (p0 / q0^2 + kd / (100 d^4)) = p0 - p
    q = ((p0 - p) / (p0 / q0**2 + kd * 20 / d**4)).sqrt()
    cd = torch.tensor([0.6, 0.45, 0.68])[surf] * (1 + 0.15 * (hem - 0.5))
    h = q / (2 * (ln + bm) * cd * (2 * p / rho).sqrt())
    power = q * (p + kd * 20 * q**2 / d**4) / 0.7 / 1000
    h = h * 1000 * torch.exp(0.02 * torch.randn(len(h), generator=gen))
    power = power * torch.exp(0.01 * torch.randn(len(h), generator=gen))
    x = torch.stack([(m - 375) / 130, (ln - 4.5) / 0.87, (bm - 2.1) / 0.29, (hem - 0.5) / 0.29, (d - 0.8) / 0.115,
                     (rpm - 2500) / 577, (kd - 1.25) / 0.43], 1)
    x = torch.cat([x, F.one_hot(surf, 3).float()[:, 1:]], 1)
    return x, torch.stack([torch.log(h), torch.log(power)], 1)


class CushionNet(nn.Module):
    """A tanh MLP from the 9 craft features to the log clearance and log lift power."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def hovercraft_lift(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 48) -> dict[str, Any]:
    """The lift net on ``train_size`` crafts, targets standardised over them; held out: 2048 other crafts in batches
    of 1024; AdamW with weight decay 1e-2 (torch's default)."""
    gen = torch.Generator().manual_seed(70202)
    x, y = _hc_crafts(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CushionNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. popcorn popping tests: expansion, unpopped share and popping time (RMSprop)

PC_KERNELS = 60


def _pc_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Popping tests of 60 kernels: lot moisture 9-18% (wet basis), kernel size 0.10-0.18 g, pericarp thickness
    50-110 um, hybrid butterfly or mushroom, popper hot air (about 4 C/s in the kernel), oil (6 C/s) or microwave
    (9 C/s, uneven). Each kernel: its moisture and mass scatter round the lot's; its pericarp bursts at a pressure
    rising with thickness (about 9 atm for 80 um), reached when the steam pressure (Clausius-Clapeyron from 100 C,
    scaled by the moisture's activity) matches it: near 180 C; a kernel with too little moisture or a cracked
    pericarp (more in dry lots) never pops. Expansion of a popped kernel: best near 14% moisture, larger for
    butterfly, smaller kernels and a burst at a higher pressure, a slow popper lets steam leak. Returns (scaled lot
    and popper (n, 7), [volume cm3 / g, logit unpopped share, log median popping time])."""
    u = lambda *s: torch.rand(*s, generator=gen)  # noqa: E731
    moist, size, peri = 9 + 9 * u(n), 0.10 + 0.08 * u(n), 50 + 60 * u(n)
    hyb = (u(n) < 0.5).float()  # 1 = butterfly
    popper = torch.randint(0, 3, (n,), generator=gen)
    rate = torch.tensor([4.0, 6.0, 9.0])[popper]
    k = PC_KERNELS
    km = moist.view(-1, 1) + 0.8 * torch.randn(n, k, generator=gen)
    ks = size.view(-1, 1) * torch.exp(0.15 * torch.randn(n, k, generator=gen))
    kp = peri.view(-1, 1) * torch.exp(0.12 * torch.randn(n, k, generator=gen))
    burst = 9.0 * (kp / 80) ** 0.8  # atm
    act = (km / 14).clamp(0.05, 1.3) ** 0.5
    # steam pressure p(T) = act * exp(L / R (1 / 373 - 1 / T)) atm, L / R = 4900 K; solve p = burst for T
    t_pop = 1 / (1 / 373.15 - torch.log(burst / act) / 4900) - 273.15
    uneven = torch.where(popper == 2, 0.25, 0.06).view(-1, 1) * torch.randn(n, k, generator=gen)
    time = (t_pop - 20) / (rate.view(-1, 1) * (1 + uneven)).clamp_min(1.0) + 8 * (ks / 0.14)
    crack = torch.sigmoid((11.5 - km) / 0.8) * 0.7 + 0.03
    pops = (u(n, k) > crack) & (t_pop < 230)
    expand = (44 * torch.exp(-(((km - 14) / 3.2) ** 2)) * (1 + 0.18 * hyb.view(-1, 1)) * (0.14 / ks) ** 0.3
              * (burst / 9) ** 0.4 * (1 - 0.12 * (4 / rate.view(-1, 1))))
    expand = expand * torch.exp(0.1 * torch.randn(n, k, generator=gen))
    popped = pops.float()
    count = popped.sum(1)
    volume = (expand * ks * popped).sum(1) / ks.sum(1) * 1.0  # cm3 of popcorn per g of kernels (kernel 1 cm3/g)
    unpopped = (k - count + 0.5) / (k + 1)
    tsort = torch.where(pops, time, torch.full_like(time, 400.0)).sort(1).values
    median = tsort[:, k // 2].clamp(max=400.0)
    x = torch.stack([(moist - 13.5) / 2.6, (size - 0.14) / 0.023, (peri - 80) / 17.3, hyb * 2 - 1], 1)
    x = torch.cat([x, F.one_hot(popper, 3).float()], 1)
    return x, torch.stack([volume, torch.log(unpopped / (1 - unpopped)), torch.log(median)], 1)


class PopNet(nn.Module):
    """A GELU MLP from the 7 lot and popper features to the three test outcomes."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def popcorn(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The popping-test net on ``train_size`` simulated tests, outcomes standardised over them; held out: 2048 other
    tests in batches of 1024; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(70302)
    x, y = _pc_tests(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PopNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. Rubik's cube: a DeepCubeA-style net predicting the move that undoes a scramble's last turn (Adam)

RC_FACES = ((0, 1), (0, -1), (1, 1), (1, -1), (2, 1), (2, -1))  # R, L, U, D, F, B as (axis, side)


def _rc_moves() -> torch.Tensor:
    """The 12 quarter turns (6 faces x 2 directions) as permutations of the 54 stickers, each sticker a (position,
    outward normal) pair on the cube's 3 x 3 x 3 lattice; a turn rotates the stickers of one face layer by 90
    degrees about the face's axis. ``perm[m][i]`` is where sticker i goes under move m."""
    stickers = []
    for axis in range(3):
        for side in (1, -1):
            o = [a for a in range(3) if a != axis]
            for i in (-1, 0, 1):
                for j in (-1, 0, 1):
                    pos = [0, 0, 0]
                    pos[axis], pos[o[0]], pos[o[1]] = side, i, j
                    nrm = [0, 0, 0]
                    nrm[axis] = side
                    stickers.append((tuple(pos), tuple(nrm)))
    index = {s: k for k, s in enumerate(stickers)}

    def rot(v: tuple[int, ...], axis: int, turn: int) -> tuple[int, ...]:
        a, b = [c for c in range(3) if c != axis]
        w = list(v)
        w[a], w[b] = -turn * v[b], turn * v[a]
        return tuple(w)

    perms = []
    for axis, side in RC_FACES:
        for turn in (1, -1):
            perm = [index[(rot(p, axis, turn), rot(q, axis, turn)) if p[axis] == side else (p, q)]
                    for p, q in stickers]
            perms.append(perm)
    return torch.tensor(perms)


def _rc_scrambles(n: int, gen: torch.Generator, max_len: int, perms: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Scrambles of 1-``max_len`` quarter turns from the solved cube (no turn undoing the one before it), ``perms``
    the moves' permutations; returns (the sticker colours (n, 54), the move that undoes the last turn: 12 classes)."""
    inv = torch.arange(12) ^ 1  # move 2f + d is undone by 2f + (1 - d)
    state = torch.arange(54).div(9, rounding_mode="floor").repeat(n, 1)
    length = torch.randint(1, max_len + 1, (n,), generator=gen)
    last = torch.full((n,), -1)
    for step in range(max_len):
        mv = torch.randint(0, 12, (n,), generator=gen)
        bad = (last >= 0) & (mv == inv[last.clamp_min(0)])
        mv = torch.where(bad, (mv + 2) % 12, mv)
        on = step < length
        new = torch.empty_like(state)
        new.scatter_(1, perms[mv], state)
        state = torch.where(on.view(-1, 1), new, state)
        last = torch.where(on, mv, last)
    return state, inv[last]


class DeepCubeNet(nn.Module):
    """DeepCubeA's network shape, scaled down: one-hot stickers (54 x 6) through two dense layers with batch norm
    and ReLU, residual blocks of two dense + batch-norm layers, and a head (here over the 12 moves)."""

    def __init__(self, width: int = 128, blocks: int = 2) -> None:
        super().__init__()
        self.stem = nn.Sequential(nn.Linear(324, 2 * width), nn.BatchNorm1d(2 * width), nn.ReLU(),
                                  nn.Linear(2 * width, width), nn.BatchNorm1d(width), nn.ReLU())
        self.blocks = nn.ModuleList(nn.Sequential(nn.Linear(width, width), nn.BatchNorm1d(width), nn.ReLU(),
                                                  nn.Linear(width, width), nn.BatchNorm1d(width))
                                    for _ in range(blocks))
        self.head = nn.Linear(width, 12)

    def forward(self, s: torch.Tensor) -> torch.Tensor:
        h = self.stem(F.one_hot(s, 6).float().flatten(1))
        for b in self.blocks:
            h = F.relu(h + b(h))
        return self.head(h)


def move_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the undoing move."""
    s, y = batch
    return F.cross_entropy(model(s), y)


def rubiks_policy(batch_size: int = 64, seed: int = 0, width: int = 128, max_len: int = 5) -> dict[str, Any]:
    """The cube policy net on fresh scrambles of 1-``max_len`` turns every batch (as DeepCubeA and EfficientCube
    generate their training data: a stream); held out: 2048 other scrambles in batches of 1024; Adam."""
    moves = _rc_moves()
    held = _rc_scrambles(2048, torch.Generator().manual_seed(70402), max_len, moves)
    torch.manual_seed(seed)
    return {"model": DeepCubeNet(width),
            "data": Stream(lambda b, gen: _rc_scrambles(b, gen, max_len, moves), batch_size, 100),
            "eval_data": split_batches(held, 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": move_ce}


# --------------------------------------------------------------------------------------------------------------
# 5. stamp perforation gauging from a scanned edge profile (SGD with momentum)

SP_GAUGES = torch.arange(10.0, 16.01, 0.5)  # holes per 2 cm, 13 gauges
SP_LEN = 256


def _sp_edges(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """The light through a stamp's perforated edge, scanned at 300 dpi along 256 pixels (2.17 cm): paper is dark,
    a hole lets the backlight through (a soft-edged bump of diameter 0.9-1.3 mm, at most 70% of the hole pitch),
    holes at the gauge's pitch (2 cm / gauge; half the stamps wet printings whose paper shrank by up to 3% after
    perforating, so they gauge finer than their catalogue gauge) from a random phase with a 5% jitter of the pitch
    per hole (the pins of a comb or line perforator), 8% of holes torn wider, 6% blind (not punched through: a
    faint bump); paper texture (smoothed noise), toning and backlight level vary, sensor noise; each scan
    normalised to mean 0 and sd 1. Returns (profiles (n, 1, 256), gauge class)."""
    y = torch.randint(0, len(SP_GAUGES), (n,), generator=gen)
    wet = (torch.rand(n, generator=gen) < 0.5).float()  # a wet printing: the paper shrank after perforating
    pitch_px = 20 / SP_GAUGES[y] / 25.4 * 300 * (1 - 0.03 * wet * torch.rand(n, generator=gen))  # pixels per hole
    nh = 24
    phase = torch.rand(n, 1, generator=gen)
    jitter = 0.05 * torch.randn(n, nh, generator=gen)
    centres = (torch.arange(nh).view(1, -1) - 2 + phase + jitter) * pitch_px.view(-1, 1)
    diam_mm = 0.9 + 0.4 * torch.rand(n, 1, generator=gen)
    diam = torch.minimum(diam_mm / 25.4 * 300, 0.7 * pitch_px.view(-1, 1))
    tear = 1 + 0.4 * (torch.rand(n, nh, generator=gen) < 0.08).float()
    depth = torch.where(torch.rand(n, nh, generator=gen) < 0.06, 0.2, 1.0)
    xpx = torch.arange(SP_LEN).float().view(1, 1, -1)
    d = (xpx - centres.unsqueeze(2)).abs() / (diam * tear / 2).unsqueeze(2)
    holes = (depth.unsqueeze(2) * torch.sigmoid((1 - d) * 6)).sum(1)
    light = 0.6 + 0.4 * torch.rand(n, 1, generator=gen)
    paper = 0.1 + 0.15 * torch.rand(n, 1, generator=gen)
    tex = F.avg_pool1d(torch.randn(n, 1, SP_LEN + 4, generator=gen), 5, 1).squeeze(1)
    sig = paper + light * holes.clamp(max=1) + 0.05 * tex + 0.03 * torch.randn(n, SP_LEN, generator=gen)
    sig = (sig - sig.mean(1, keepdim=True)) / sig.std(1, keepdim=True)  # each scan normalised
    return sig.unsqueeze(1), y


class PerfGaugeCNN(nn.Module):
    """A small 1D CNN: four strided convolutions (12, 24, 24, 48 channels; kernels 9, 7, 5, 5; stride 2) with
    batch norm and ReLU, global average pooling, and the 13 gauge logits."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(1, width, 9, stride=2, padding=4), nn.BatchNorm1d(width), nn.ReLU(),
                                 nn.Conv1d(width, 2 * width, 7, stride=2, padding=3), nn.BatchNorm1d(2 * width),
                                 nn.ReLU(),
                                 nn.Conv1d(2 * width, 2 * width, 5, stride=2, padding=2), nn.BatchNorm1d(2 * width),
                                 nn.ReLU(),
                                 nn.Conv1d(2 * width, 4 * width, 5, stride=2, padding=2), nn.BatchNorm1d(4 * width),
                                 nn.ReLU(),
                                 nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(4 * width, len(SP_GAUGES)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def gauge_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the perforation gauge."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def stamp_perforation(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 12) -> dict[str, Any]:
    """The gauge CNN on ``train_size`` scanned edges; held out: 1024 other edges in batches of 512; SGD with momentum
    0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(70502)
    x, y = _sp_edges(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PerfGaugeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=5e-4),
                                "sgd_momentum0.9_wd5e-4"),
            "loss_fn": gauge_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. pogo-stick hopping: the apex return map of a spring-loaded inverted pendulum with a rider's push (RAdam; long)


def _pg_hops(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One hop of a pogo stick and rider as a SLIP: mass 35-90 kg, spring rate 8-20 kN/m, stick rest length
    0.35 m from foot to the mass centre's pivot, apex clearance 5-35 cm, forward speed 0-2 m/s, touchdown angle
    -4 to 12 degrees from vertical, the rider's push (the spring's rest length grows by 1-5 cm while it extends),
    spring damping ratio 0.02-0.08. The stance integrated (semi-implicit Euler, 1 ms) from touchdown to liftoff;
    the next apex from the ballistic flight. Hops that do not leave the ground or fall are dropped. Returns (scaled
    hop (n, 7), [next apex clearance in cm, next forward speed in m/s]) as measured by video (1 cm and 0.03 m/s of
    noise)."""
    m_ = 3 * n
    u = lambda: torch.rand(m_, generator=gen)  # noqa: E731
    mass, k, clear, vx = 35 + 55 * u(), 8000 + 12000 * u(), 0.05 + 0.30 * u(), 2 * u()
    ang, push, zeta = math.radians(-4) + math.radians(16) * u(), 0.01 + 0.04 * u(), 0.02 + 0.06 * u()
    l0, g, dt = 0.35, 9.81, 0.001
    y_td = l0 * torch.cos(ang)
    vy = -(2 * g * (l0 + clear - y_td)).sqrt()
    px, py = -l0 * torch.sin(ang), y_td.clone()  # mass position relative to the foot
    vxs = vx.clone()
    c = 2 * zeta * (k * mass).sqrt()
    rest = torch.full((m_,), l0)
    active = torch.ones(m_, dtype=torch.bool)
    fell = torch.zeros(m_, dtype=torch.bool)
    for _ in range(500):
        ln = (px**2 + py**2).sqrt()
        ldot = (px * vxs + py * vy) / ln
        rest = torch.where(active & (ldot > 0), torch.full_like(rest, l0) + push, rest)
        f = (k * (rest - ln) - c * ldot).clamp_min(0)
        ax, ay = f * px / ln / mass, f * py / ln / mass - g
        a = active.float()
        vxs, vy = vxs + a * ax * dt, vy + a * ay * dt
        px, py = px + a * vxs * dt, py + a * vy * dt
        fell = fell | (active & (py < 0.1))
        done = active & (ln >= rest) & (ldot > 0)
        active = active & ~done
        if not active.any():
            break
    ok = ~active & ~fell & (vy > 0) & (vxs > -0.5)
    apex = py + vy.clamp_min(0) ** 2 / (2 * g) - l0
    idx = ok.nonzero().squeeze(1)[:n]
    x = torch.stack([(mass - 62.5) / 15.9, (k - 14000) / 3464, (clear - 0.2) / 0.087, (vx - 1) / 0.58,
                     (ang - math.radians(4)) / 0.081, (push - 0.03) / 0.0115, (zeta - 0.05) / 0.017], 1)
    y = torch.stack([apex * 100 + 1.0 * torch.randn(m_, generator=gen), vxs + 0.03 * torch.randn(m_, generator=gen)], 1)
    return x[idx], y[idx]


class HopMapNet(nn.Module):
    """An MLP for the SLIP apex return map: the 7 hop features through two SiLU layers to the next apex."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pogo_hop(batch_size: int = 64, seed: int = 0, train_size: int = 8192, hidden: int = 128) -> dict[str, Any]:
    """The return-map net on ``train_size`` simulated hops, targets standardised over them; held out: 2048 other
    hops in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(70602)
    x, y = _pg_hops(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HopMapNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": standardised_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("kart_setup_nadam", kart_setup, 300, "kart_chassis_setup_laptime_surrogate", "nadam", "finite", 64,
      seconds=0.2, start_lr=0.032),
    W("popcorn_rmsprop", popcorn, 300, "popcorn_popping_test_mlp", "rmsprop", "finite", 32, seconds=0.2,
      start_lr=0.016),
    W("rubiks_policy_adam", rubiks_policy, 300, "rubiks_cube_deepcubea_move_policy", "adam", "stream", 64,
      seconds=0.7, start_lr=0.002),
    W("stamp_perforation_sgdm", stamp_perforation, 300, "stamp_perforation_gauge_cnn1d", "sgd_momentum0.9_wd5e-4",
      "finite", 64, seconds=1.4, start_lr=0.512),
)
LONG = (
    W("hovercraft_lift_adamw@long", hovercraft_lift, 3000, "hovercraft_plenum_lift_mlp", "adamw_wd1e-2", "finite",
      32, seconds=1.4, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("pogo_hop_radam@long", pogo_hop, 3000, "pogo_slip_apex_return_map_mlp", "radam", "finite", 64, seconds=2.4,
      start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("kart_setup_nadam@long", kart_setup, 3000, "kart_chassis_setup_laptime_surrogate", "nadam", "finite", 64,
      dict(train_size=8192), seconds=1.9, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="kart_setup_nadam"),
    W("popcorn_rmsprop@long", popcorn, 3000, "popcorn_popping_test_mlp", "rmsprop", "finite", 32,
      dict(train_size=8192), seconds=1.6, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="popcorn_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam70_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventieth exam's workloads")
