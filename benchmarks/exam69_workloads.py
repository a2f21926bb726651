"""The sixty-ninth exam: six more workload families that neither the suite nor exams 1-68 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam68_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from fly fishing and fly-line
casting, boomerangs and returning-wing flight, disc golf and flying-disc aerodynamics, yo-yos and spinning tops,
card shuffling and riffle-shuffle mixing, and domino toppling chains (exam 70 was built at the same time from other
domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam69/README.md``. Every field convention below is the author's memory, not checked in
public code.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- disc golf flight numbers from a tracked flight: a 1D CNN over a disc's tracked path (x, y, z at 30 times) to the
  disc's four flight numbers (speed, glide, turn, fade; the Innova-style rating scale); the flights from a
  Hummel-like (2003) flying-disc model (lift and drag linear / quadratic in the angle of attack) with a bank angle
  that the disc's turn (at speed) and fade (as it slows) roll; tracking noise; MSE of the standardised numbers;
  AdamW (torch's weight decay 1e-2)
- the heavy symmetric (Lagrange) spinning top: a tanh MLP from a released top's tilt, spin, inertia ratio, gravity
  term and initial precession to its signed nutation amplitude (asinh) and mean precession rate (log), the truth
  from the turning points of the effective-potential cubic f(u) (Goldstein's treatment); motion-capture noise; MSE
  of the standardised targets; SGD with momentum 0.9
- riffle-shuffle counting: a 1D CNN over a 52-card deck's order after 1-5 Gilbert-Shannon-Reeds riffle shuffles
  (the model of Bayer & Diaconis 1992) predicts how many shuffles were made; cross-entropy; Adam (torch's defaults)
- domino toppling chains: a GRU over a chain of 20 dominoes with varying spacing predicts the time between
  successive topples (a high-speed camera's measurement); the truth from an asymptotic wave speed
  sqrt(g h) F(d / h, t / h, mu) shaped like the published toppling-speed laws (rising with spacing, falling as the
  spacing nears the height) with a relaxation from the push speed; 1 ms frame noise; MSE; RMSprop (torch's alpha
  0.99)
- boomerang blade-element coefficients (a long plan only): an MLP surrogate of the rotation-averaged normal force,
  rolling and pitching moment coefficients of a 2-4 armed boomerang (advance ratio, disc angle of attack, blade
  pitch, washout, chord, arm count), the truth from a blade-element sum over azimuth and span with a tanh stall and
  reverse flow (as in Hess's and Azuma et al.'s analyses); 0.5% balance noise; MSE of the standardised
  coefficients; NAdam (torch's defaults)
- fly-line turnover (a long plan only): an MLP from a fly line's AFTMA weight, head and front-taper lengths, tip
  ratio, the leader, the fly's size, the line speed at the rod's stop and the loop height to the fly's speed at
  turnover and the turnover time (logs); the truth from a rolling-loop energy balance (the moving leg loses line to
  the loop at half its speed, skin-friction, loop and fly drag), integrated along the line; 1% video noise; MSE of
  the standardised logs; Adamax (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the boomerang surrogate
and the fly-line net (no short plans), the top net on 8192 releases instead of 1024 (in batches of 64 instead of
128) and the disc-golf CNN on 8192 flights instead of 2048.

Of the eight plans, two use AdamW (both disc-golf plans), two SGD with momentum 0.9 (both top plans), one Adam
(riffle), one RMSprop (domino), one NAdam (boomerang) and one Adamax (fly line).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam69_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam69/README.md).

    python benchmarks/exam69_workloads.py          # the table
    python benchmarks/exam69_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 69"


def _std(y: torch.Tensor, n: int) -> torch.Tensor:
    """Standardise the targets by the training rows' mean and sd (the first ``n`` rows)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. disc golf: flight numbers from a tracked flight (AdamW)

DG_PTS = 30


def _dg_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-hand backhand throws of 170 g, 21 cm discs. The disc: speed 1-14, glide 1-7, turn -5 to 1, fade 0-5
    (continuous). The throw: 18-26 m/s, launch 6-12 degrees up, nose angle -2 to 3 degrees to the path, bank -10 to
    15 degrees (hyzer negative), released 1.2 m up. Lift and drag as Hummel's (2003) disc model: C_L = C_L0 + C_La
    alpha, C_D = C_D0 + C_Da (alpha - alpha0)^2, the lift slope growing with glide, C_D0 falling with the speed
    rating; the bank rolls at a rate that turn drives while the disc is faster than its rated speed (8 + 1.4 speed
    m/s) and fade as it slows below it, plus a pitching-moment term in alpha. Euler, 50 ms steps for 3 s; the disc
    stops where it lands. Returns (the tracked path (n, 3, 30) in units of 20 m, with 0.1 m tracking noise, the
    flight numbers (n, 4), standardised by the caller)."""
    speed = 1 + 13 * torch.rand(n, generator=gen)
    glide = 1 + 6 * torch.rand(n, generator=gen)
    turn = -5 + 6 * torch.rand(n, generator=gen)
    fade = 5 * torch.rand(n, generator=gen)
    v0 = 18 + 8 * torch.rand(n, generator=gen)
    launch = torch.deg2rad(6 + 6 * torch.rand(n, generator=gen))
    nose = torch.deg2rad(-2 + 5 * torch.rand(n, generator=gen))
    phi = torch.deg2rad(-10 + 25 * torch.rand(n, generator=gen))
    rho, area, mass, g, dt = 1.225, math.pi * 0.105**2, 0.170, 9.81, 0.05
    cl0, cla = 0.15, 1.4 * (0.6 + 0.12 * glide)
    cd0, cda, a0 = 0.13 - 0.006 * speed, 2.72, math.radians(-4)
    vs = 8 + 1.4 * speed
    pos = torch.stack([torch.zeros(n), torch.zeros(n), torch.full((n,), 1.2)], 1)
    vel = torch.stack([v0 * torch.cos(launch), torch.zeros(n), v0 * torch.sin(launch)], 1)
    path = []
    for step in range(60):
        flying = (pos[:, 2] > 0).float().unsqueeze(1)
        sp = vel.norm(dim=1).clamp_min(1e-3)
        vh = vel[:, :2].norm(dim=1).clamp_min(1e-3)
        gamma = torch.atan2(vel[:, 2], vh)
        alpha = nose + launch - gamma
        q = 0.5 * rho * sp**2 * area
        lift = q * (cl0 + cla * alpha)
        drag = q * (cd0 + cda * (alpha - a0) ** 2)
        ev = vel / sp.unsqueeze(1)
        up = torch.stack([-vel[:, 0] * vel[:, 2], -vel[:, 1] * vel[:, 2], vh**2], 1) / (sp * vh).unsqueeze(1)
        right = torch.stack([vel[:, 1], -vel[:, 0], torch.zeros(n)], 1) / vh.unsqueeze(1)
        ldir = torch.cos(phi).unsqueeze(1) * up + torch.sin(phi).unsqueeze(1) * right
        acc = (lift.unsqueeze(1) * ldir - drag.unsqueeze(1) * ev) / mass
        acc[:, 2] -= g
        r = sp / vs
        roll = 0.09 * (-turn) * F.relu(r - 0.8) * r - 0.35 * fade * F.relu(1 - r) ** 1.5 - 0.6 * alpha
        phi = phi + dt * roll * flying.squeeze(1)
        vel = vel + dt * acc * flying
        pos = pos + dt * vel * flying
        pos[:, 2] = torch.where(flying.squeeze(1) > 0, pos[:, 2], torch.zeros(n))
        if step % 2 == 1:
            path.append(pos.clone())
    track = torch.stack(path, 2) + 0.1 * torch.randn(n, 3, DG_PTS, generator=gen)
    nums = torch.stack([speed, glide, turn, fade], 1)
    return track / 20, nums


class FlightTrackCNN(nn.Module):
    """A small 1D CNN over the tracked path: two 5-tap convolutions (16 and 32 channels, the second strided), a
    dense layer of 64 and the four flight numbers."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(3, width, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU())
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * (DG_PTS // 2), 64), nn.ReLU(), nn.Linear(64, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def flight_number_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised flight numbers."""
    x, y = batch
    return F.mse_loss(model(x), y)


def disc_golf(batch_size: int = 128, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The flight-number CNN on 2048 tracked flights; held out: 1024 other flights in batches of 512; AdamW with
    torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(69102)
    x, y = _dg_flights(train_size + 1024, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlightTrackCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": flight_number_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. the heavy symmetric spinning top: nutation and precession (SGD with momentum)


def _top_releases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Tops released on a fixed point with no nutation rate: tilt 10-60 degrees, spin 20-120 rad/s, I3 / I1 (I1
    about the pivot) 0.3-1.2, beta = 2 M g l / I1 40-200 s^-2, an initial precession rate 0-3 rad/s. With u =
    cos(theta), a = I3 w3 / I1, b = a u0 + phidot0 (1 - u0^2) and alpha = beta u0 + phidot0^2 (1 - u0^2), the
    turning points are the roots in [-1, 1] of f(u) = (1 - u^2)(alpha - beta u) - (b - a u)^2; u0 is one, the other
    the smaller root of f(u) / (u - u0). The mean precession rate (b - a u) / (1 - u^2) averaged over the nutation
    at Chebyshev nodes (a harmonic nutation's time average). Motion-capture noise: 3% on the amplitude and on the
    precession. Returns (scaled release conditions (n, 5), (asinh of the signed amplitude in degrees, log precession
    rate))."""
    th0 = torch.deg2rad(10 + 50 * torch.rand(n, generator=gen))
    w3 = 20 + 100 * torch.rand(n, generator=gen)
    ratio = 0.3 + 0.9 * torch.rand(n, generator=gen)
    beta = 40 + 160 * torch.rand(n, generator=gen)
    pd0 = 3 * torch.rand(n, generator=gen)
    u0 = torch.cos(th0)
    s2 = 1 - u0**2
    a = ratio * w3
    b = a * u0 + pd0 * s2
    al = beta * u0 + pd0**2 * s2
    c2, c1 = -(al + a**2), 2 * a * b - beta
    q1 = c2 + u0 * beta
    q0 = c1 + u0 * q1
    disc = (q1**2 - 4 * beta * q0).clamp_min(0)
    u1 = ((-q1 - disc.sqrt()) / (2 * beta)).clamp(-0.999, 0.999)
    amp = torch.rad2deg(torch.acos(u1) - th0)  # signed: the top dips (+) or rises (-) from its release tilt
    k = torch.arange(8).float()
    node = 0.5 * (u0 + u1).unsqueeze(1) + 0.5 * (u0 - u1).unsqueeze(1) * torch.cos(math.pi * (k + 0.5) / 8)
    prec = ((b.unsqueeze(1) - a.unsqueeze(1) * node) / (1 - node**2)).mean(1)
    amp = amp * torch.exp(0.03 * torch.randn(n, generator=gen))
    prec = prec * torch.exp(0.03 * torch.randn(n, generator=gen))
    x = torch.stack([(torch.rad2deg(th0) - 35) / 14.4, (w3 - 70) / 28.9, (ratio - 0.75) / 0.26, (beta - 120) / 46,
                     (pd0 - 1.5) / 0.87], 1)
    return x, torch.stack([torch.asinh(amp), torch.log(prec.clamp_min(0.05))], 1)


class TopNet(nn.Module):
    """A tanh MLP 5-64-64-2 from the release to the signed nutation amplitude (asinh) and the log precession rate."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def top_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised asinh amplitude and log precession rate."""
    x, y = batch
    return F.mse_loss(model(x), y)


def spinning_top(batch_size: int = 128, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The top net on 1024 releases, targets standardised over them; held out: 2048 other releases in batches of
    1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(69202)
    x, y = _top_releases(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TopNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": top_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. riffle-shuffle counting: how many GSR shuffles made this deck? (Adam)

RS_CARDS, RS_MAX = 52, 5


def _rs_decks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Decks after k = 1-5 Gilbert-Shannon-Reeds riffle shuffles of a new deck (cards 0-51 in order). A GSR
    shuffle's inverse gives every card a fair bit and moves the 0-cards, in order, above the 1-cards; k inverse
    shuffles give sigma, and the deck after k shuffles is sigma's inverse (the same law). Returns (the deck (n, 52),
    k - 1)."""
    k = torch.randint(1, RS_MAX + 1, (n,), generator=gen)
    sigma = torch.arange(RS_CARDS).repeat(n, 1)
    pos = torch.arange(RS_CARDS).float()
    for j in range(RS_MAX):
        bits = (torch.rand(n, RS_CARDS, generator=gen) < 0.5).float() * (j < k).float().unsqueeze(1)
        order = torch.argsort(bits * 100 + pos)
        sigma = sigma.gather(1, order)
    return torch.argsort(sigma), k - 1


class ShuffleCNN(nn.Module):
    """A 1D CNN over the deck: each position's card embedded (16) with the step to the next card (its value / 52 and
    whether it is +1: a pair of the new deck's order still together), two 5-tap convolutions of 32, mean and max
    pooling, and the 5 logits."""

    def __init__(self, width: int = 32) -> None:
        super().__init__()
        self.emb = nn.Embedding(RS_CARDS, 16)
        self.conv = nn.Sequential(nn.Conv1d(18, width, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, width, 5, padding=2), nn.ReLU())
        self.head = nn.Linear(2 * width, RS_MAX)

    def forward(self, deck: torch.Tensor) -> torch.Tensor:
        step = torch.diff(deck, dim=1, append=deck[:, -1:]).float()
        feats = torch.cat([self.emb(deck), (step / RS_CARDS).unsqueeze(2), (step == 1).float().unsqueeze(2)], 2)
        h = self.conv(feats.transpose(1, 2))
        return self.head(torch.cat([h.mean(2), h.amax(2)], 1))


def shuffle_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the number of shuffles."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def riffle_count(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32) -> dict[str, Any]:
    """The shuffle-count CNN on 4096 shuffled decks; held out: 2048 other decks in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(69302)
    x, y = _rs_decks(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ShuffleCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": shuffle_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. domino toppling chains: the time between topples along a chain (RMSprop)

DM_LEN = 20


def _dm_chains(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Chains of 20 dominoes of height 2-6 cm, thickness 0.12-0.25 of the height, friction 0.1-0.5, the first pushed
    at 0.2-1.2 m/s; the spacing d_i / h a bounded random walk from 0.2-0.7 (clamped to 0.12-0.9). The asymptotic wave
    speed sqrt(g h) 1.9 (d/h)^0.45 (1 - d/h)^0.25 (1 - 0.4 mu) / (1 + 2 t/h) (the shape of the published toppling
    laws, constants invented); the speed relaxes to it from the push, halving the gap each domino. The time between
    topples (d_i + t) / v_i, with 1 ms of frame noise (1000 fps). Returns (per-domino features (n, 20, 5), the times
    in units of 20 ms (n, 20))."""
    h = 0.02 + 0.04 * torch.rand(n, 1, generator=gen)
    tr = 0.12 + 0.13 * torch.rand(n, 1, generator=gen)
    mu = 0.1 + 0.4 * torch.rand(n, 1, generator=gen)
    push = 0.2 + 1.0 * torch.rand(n, generator=gen)
    start = 0.2 + 0.5 * torch.rand(n, 1, generator=gen)
    x = (start + torch.cumsum(0.05 * torch.randn(n, DM_LEN, generator=gen), 1)).clamp(0.12, 0.9)
    vinf = (9.81 * h).sqrt() * 1.9 * x**0.45 * (1 - x) ** 0.25 * (1 - 0.4 * mu) / (1 + 2 * tr)
    v, times = push, []
    for i in range(DM_LEN):
        v = vinf[:, i] + 0.5 * (v - vinf[:, i])
        times.append((x[:, i] + tr[:, 0]) * h[:, 0] / v)
    t = torch.stack(times, 1) + 0.001 * torch.randn(n, DM_LEN, generator=gen)
    feats = torch.stack([(x - 0.45) / 0.2, ((tr - 0.185) / 0.04).expand(-1, DM_LEN),
                         ((mu - 0.3) / 0.115).expand(-1, DM_LEN), ((h - 0.04) / 0.0115).expand(-1, DM_LEN),
                         ((push - 0.7) / 0.29).unsqueeze(1).expand(-1, DM_LEN)], 2)
    return feats, t / 0.02


class DominoGRU(nn.Module):
    """A one-layer GRU (hidden 32) along the chain, a linear read-out of each domino's toppling time."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.gru(x)[0]).squeeze(2)


def topple_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the times between topples (units of 20 ms)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def domino_chain(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The domino GRU on 2048 filmed chains; held out: 1024 other chains in batches of 512; RMSprop (torch's alpha
    0.99)."""
    gen = torch.Generator().manual_seed(69402)
    x, y = _dm_chains(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DominoGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": topple_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. boomerang blade-element coefficients, a surrogate (NAdam; long only)

BM_PSI, BM_R = 24, 12


def _bm_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Boomerang cases: the advance ratio mu = V / (omega R) 0.25-0.6, the disc's angle of attack -8 to 8 degrees,
    blade pitch 0-8 degrees, washout 0-6 degrees (root to tip), chord 0.12-0.22 R, 2, 3 or 4 arms. Blade elements at
    24 azimuths x 12 stations from 0.2 to 1 R on every arm: the tangential speed r + mu sin(psi), the normal speed
    mu sin(aoa) less a Glauert-like induced inflow 0.03 (arms / 3)(1 + 1.2 r cos(psi)), the local angle pitch -
    washout r + atan(normal / |tangential|), the lift coefficient 1.1 tanh(2 pi alpha / 1.1) (a tanh stall),
    reversed and halved in reverse flow. Averaged over the rotation: the normal force, rolling moment (r sin psi; it
    precesses the boomerang round its circle) and pitching moment (r cos psi) coefficients per (omega R)^2 R^2, with
    0.5% balance noise. Returns (scaled cases (n, 6), the three coefficients (n, 3), standardised by the caller)."""
    mu = 0.25 + 0.35 * torch.rand(n, generator=gen)
    aoa = torch.deg2rad(-8 + 16 * torch.rand(n, generator=gen))
    pitch = torch.deg2rad(8 * torch.rand(n, generator=gen))
    wash = torch.deg2rad(6 * torch.rand(n, generator=gen))
    chord = 0.12 + 0.10 * torch.rand(n, generator=gen)
    arms = torch.randint(2, 5, (n,), generator=gen)
    psi = torch.arange(BM_PSI).float() * 2 * math.pi / BM_PSI
    r = torch.linspace(0.2, 1.0, BM_R)
    out = torch.zeros(n, 3)
    for k in range(4):
        on = (k < arms).float().view(n, 1, 1)
        ang = psi.view(1, -1, 1) + 2 * math.pi * k / arms.view(n, 1, 1).float()
        ut = r.view(1, 1, -1) + mu.view(n, 1, 1) * torch.sin(ang)
        inflow = 0.03 * (arms.view(n, 1, 1) / 3) * (1 + 1.2 * r.view(1, 1, -1) * torch.cos(ang))
        un = (mu * torch.sin(aoa)).view(n, 1, 1) - inflow
        loc = pitch.view(n, 1, 1) - wash.view(n, 1, 1) * r.view(1, 1, -1) + torch.atan(un / ut.abs().clamp_min(1e-3))
        cl = 1.1 * torch.tanh(2 * math.pi * loc / 1.1) * torch.where(ut > 0, 1.0, -0.5)
        dl = 0.5 * (ut**2 + un**2) * cl * chord.view(n, 1, 1) * on
        out[:, 0] += dl.mean((1, 2))
        out[:, 1] += (dl * r.view(1, 1, -1) * torch.sin(ang)).mean((1, 2))
        out[:, 2] += (dl * r.view(1, 1, -1) * torch.cos(ang)).mean((1, 2))
    out = out * (1 + 0.005 * torch.randn(n, 3, generator=gen))
    x = torch.stack([(mu - 0.425) / 0.1, torch.rad2deg(aoa) / 4.6, (torch.rad2deg(pitch) - 4) / 2.3,
                     (torch.rad2deg(wash) - 3) / 1.7, (chord - 0.17) / 0.029, (arms.float() - 3) / 0.82], 1)
    return x, out


class BoomerangSurrogate(nn.Module):
    """A SiLU MLP 6-64-64-3 from the case to the three averaged coefficients."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def coefficient_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised coefficients."""
    x, y = batch
    return F.mse_loss(model(x), y)


def boomerang(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The boomerang surrogate on 4096 blade-element cases, targets standardised over them; held out: 2048 other
    cases in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(69502)
    x, y = _bm_cases(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BoomerangSurrogate(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": coefficient_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. fly-line turnover: the rolling loop's energy balance (Adamax; long only)

FL_S = 48
FL_GRAINS = torch.tensor([100.0, 120, 140, 160, 185, 210, 240])  # AFTMA 3-9 weight, grains in the first 30 ft


def _fl_casts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Overhead casts: line weight AFTMA 3-9 (the grains of the first 30 ft set the belly's mass per metre), head
    length 9-14 m carried, front taper 1-4 m down to a tip of 0.15-0.4 of the belly's mass per metre, a leader of
    2.5-4.5 m (0.05-0.2 g/m), a fly of 0.05-0.5 g with a drag area of 0.3-3 cm2, the line speed at the rod's stop
    10-30 m/s, a loop 0.3-1.5 m high. The moving leg's length s falls at half its speed (the loop travels at v / 2)
    and, per metre lost to the loop, d ln v / d(-s) = [(1 - 0.1) lambda(s) / 2 - rho (C_f pi d s + 0.15 h d + C_D
    A_fly)] / M(s), C_f 0.003, C_D 1 (the energy the leaving line hands over, 10% lost in the loop, less skin
    friction, loop and fly drag), M(s) the moving leg's mass with the fly. Integrated on 48 stations to the fly (a
    cast that dies ends near 0.5 m/s: a smooth floor); the turnover time the sum of 2 ds / v. Returns (scaled casts
    (n, 10), (log fly speed at turnover, log turnover time)) with 1% video noise."""
    wt = torch.randint(0, 7, (n,), generator=gen)
    head = 9 + 5 * torch.rand(n, generator=gen)
    taper = 1 + 3 * torch.rand(n, generator=gen)
    tip = 0.15 + 0.25 * torch.rand(n, generator=gen)
    leader = 2.5 + 2.0 * torch.rand(n, generator=gen)
    lam_l = (0.05 + 0.15 * torch.rand(n, generator=gen)) * 1e-3
    fly_m = (0.05 + 0.45 * torch.rand(n, generator=gen)) * 1e-3
    fly_a = (0.3 + 2.7 * torch.rand(n, generator=gen)) * 1e-4
    v0 = 10 + 20 * torch.rand(n, generator=gen)
    loop = 0.3 + 1.2 * torch.rand(n, generator=gen)
    lam_b = FL_GRAINS[wt] * 6.48e-5 / 9.144  # kg per metre of belly
    total = (head + leader).unsqueeze(1)
    s = torch.linspace(0, 1, FL_S + 1).view(1, -1) * total  # distance from the fly, 0 to the rod end of the head
    in_line = s - leader.unsqueeze(1)
    frac = (in_line / taper.unsqueeze(1)).clamp(0, 1)
    lam = torch.where(in_line < 0, lam_l.unsqueeze(1), lam_b.unsqueeze(1) * (tip.unsqueeze(1) + (1 - tip.unsqueeze(1))
                                                                             * frac))
    diam = (lam / 900 / (math.pi / 4)).sqrt()  # a floating line's density ~ 0.9 g/cm3
    ds = total / FL_S
    mass = fly_m.unsqueeze(1) + torch.cat([torch.zeros(n, 1), torch.cumsum(0.5 * (lam[:, 1:] + lam[:, :-1]) * ds, 1)],
                                          1)
    dbar = torch.cumsum(diam, 1) / torch.arange(1, FL_S + 2).float()
    drag = 1.2 * (0.003 * math.pi * dbar * s + 0.15 * loop.unsqueeze(1) * diam + 1.0 * fly_a.unsqueeze(1))
    rate = (0.9 * lam / 2 - drag) / mass  # d ln v per metre of line handed to the loop
    gain = 0.5 * (rate[:, 1:] + rate[:, :-1]) * ds
    lnv = torch.log(v0).unsqueeze(1) + torch.flip(torch.cumsum(torch.flip(gain, [1]), 1), [1])  # at stations 0..S-1
    lnv = torch.logaddexp(lnv, torch.tensor(math.log(0.5)))  # a cast that dies: a smooth floor of 0.5 m/s
    t_turn = (2 * ds / lnv.exp()).sum(1)
    y = torch.stack([lnv[:, 0], torch.log(t_turn)], 1) + 0.01 * torch.randn(n, 2, generator=gen)
    x = torch.stack([(wt.float() - 3) / 2, (head - 11.5) / 1.44, (taper - 2.5) / 0.87, (tip - 0.275) / 0.072,
                     (leader - 3.5) / 0.58, (lam_l * 1e3 - 0.125) / 0.043, (fly_m * 1e3 - 0.275) / 0.13,
                     (fly_a * 1e4 - 1.65) / 0.78, (v0 - 20) / 5.8], 1)
    x = torch.cat([x, ((loop - 0.9) / 0.35).unsqueeze(1)], 1)
    return x, y


class FlyLineNet(nn.Module):
    """A SiLU MLP 10-64-64-2 from the cast to the two logs."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def turnover_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised logs."""
    x, y = batch
    return F.mse_loss(model(x), y)


def fly_line(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The fly-line net on 4096 casts, targets standardised over them; held out: 2048 other casts in batches of 1024;
    Adamax."""
    gen = torch.Generator().manual_seed(69602)
    x, y = _fl_casts(train_size + 2048, gen)
    y = _std(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlyLineNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": turnover_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("disc_golf_adamw", disc_golf, 300, "disc_golf_flight_numbers_track_cnn", "adamw_wd1e-2", "finite", 128,
      seconds=0.65, start_lr=0.016),
    W("spinning_top_sgdm", spinning_top, 300, "heavy_symmetric_top_nutation_mlp", "sgd_momentum0.9", "finite", 128,
      seconds=0.2, start_lr=0.2),
    W("riffle_count_adam", riffle_count, 300, "gsr_riffle_shuffle_count_cnn", "adam", "finite", 32, seconds=0.8,
      start_lr=0.016),
    W("domino_chain_rmsprop", domino_chain, 300, "domino_toppling_chain_gru", "rmsprop", "finite", 32, seconds=0.8,
      start_lr=0.016),
)
LONG = (
    W("boomerang_nadam@long", boomerang, 3000, "boomerang_blade_element_coefficient_surrogate", "nadam", "finite",
      32, seconds=1.7, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("fly_line_adamax@long", fly_line, 3000, "fly_line_rolling_loop_turnover_mlp", "adamax", "finite", 64,
      seconds=1.8, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("spinning_top_sgdm@long", spinning_top, 3000, "heavy_symmetric_top_nutation_mlp", "sgd_momentum0.9", "finite",
      64, dict(train_size=8192), seconds=1.3, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="spinning_top_sgdm"),
    W("disc_golf_adamw@long", disc_golf, 3000, "disc_golf_flight_numbers_track_cnn", "adamw_wd1e-2", "finite", 128,
      dict(train_size=8192), seconds=7.2, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="disc_golf_adamw"),
)

REGISTRY = Registry(EXAM, LONG, "exam69_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-ninth exam's workloads")
