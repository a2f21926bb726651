"""The sixty-seventh exam: six more workload families that neither the suite nor exams 1-66 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam66_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from surfing and surf-break wave
forecasting, origami and deployable folded structures, juggling and object-manipulation performance, cricket and
cricket-ball swing, pinball machines and flipper mechanics, and scuba diving and decompression modelling (exam 68 was
built at the same time from other domains; its module was not opened). What was checked to make them new, and what
was tried and dropped, is in ``benchmarks/results/exam67/README.md``. Every field convention below is the author's
memory (no public code was read).

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- surf-break forecasting: an MLP (the neural wave forecasting of Deo & Naidu 1998 and its successors, from memory)
  from the last 12 hours of an offshore buoy's swell partition (Hs, Tp, direction), the local wind and the tide to
  the breaking wave height at a surf break 3, 6, 9 and 12 hours ahead; the swell from dispersive events (the long
  periods first), propagated to the break at the deep-water group speed, refracted, sheltered by a headland and
  broken by Komar & Gaylord's (1972) breaker formula; MSE of the breaker height in metres; Adam
- juggling pattern recognition from a ball tracker: a small pre-LN transformer encoder over 8 tracked throw events
  (the time since the previous throw, the apex height, the hand, whether the ball crossed) classifies 8 vanilla
  siteswaps (3, 4, 5, 441, 531, 423, 51, 633); the events from ballistic throws (flight time from the siteswap
  value, the beat and the dwell, as in Shannon's juggling theorem) with tracking errors and glitches; cross-entropy;
  AdamW (weight decay 1e-2, torch's default)
- cricket-ball swing, a grey-box net: an MLP gives the side-force coefficient from the release speed, seam angle,
  ball age and seam wobble (signed by the seam's direction), and the lateral deviation at the popping crease
  follows from the ball's flight under drag (and the cross-wind's); data from Mehta's account of conventional and
  reverse swing (a critical speed that falls as the ball roughens), ball-to-ball variability and Hawk-Eye error;
  MSE of the deviation in decimetres; Adamax (torch's defaults)
- pinball flipper shots: an MLP from the incoming ball's velocity, the contact point along the flipper, the
  flipper's angle at contact (the player's timing), the coil voltage and the rubber's age to the ball's exit
  velocity; data from a solenoid-driven rotating flipper (exponential spin-up) and an impact with restitution and
  rolling friction against the moving rubber; MSE of the exit velocity in m/s / 2; RMSprop (torch's alpha 0.99)
- Miura-ori deployable sheets (a long plan only): an MLP surrogate from the crease pattern (panel sides, sector
  angle), the fold angle and the cell counts to the folded sheet's log width, log length, log height and the log of
  its in-plane Poisson's ratio's size (Schenk & Guest 2013's Miura-ori kinematics, from memory) with fabrication
  scatter; MSE of the standardised targets; NAdam (torch's defaults)
- scuba decompression stress (a long plan only): an MLP from a dive computer's one-minute depth log, the gas's
  oxygen fraction and the diver's age to the post-dive venous-gas-emboli grade (Eftedal-Brubakk 0-4), the grade from
  the peak supersaturation of a Buhlmann ZH-L16 tissue model (Schreiner's equation, M-values from Buhlmann's
  half-time formulas, from memory) plus the ascent speed and the diver's unobserved susceptibility;
  cross-entropy; Adagrad (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the Miura-ori surrogate
and the decompression net (no short plans), the surf forecast on 8192 windows instead of 1024 and the cricket
grey-box on 8192 deliveries instead of 1024.

Of the eight plans, two use Adam (both surf plans), two Adamax (both cricket plans), one AdamW (juggling), one
RMSprop (pinball), one NAdam (origami) and one Adagrad (scuba).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam67_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam67/README.md).

    python benchmarks/exam67_workloads.py          # the table
    python benchmarks/exam67_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 67"
G = 9.81


# --------------------------------------------------------------------------------------------------------------
# 1. surf-break forecasting: breaker height 3-12 hours ahead from an offshore buoy (Adam)

SF_HOURS, SF_LEADS = 12, (3.0, 6.0, 9.0, 12.0)


def _sf_windows(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Forecast windows at a point break whose shore normal faces the open ocean, the buoy 40 km offshore. The swell
    partition of one event: peak Hs 0.5-4.5 m (log-uniform) at hour t0 (-24 to +6 from now), a Gaussian envelope
    of 6-20 h half-width, a peak period of 10-18 s with the long periods arriving first (dispersion, +0.15 s an hour
    before the peak), a deep-water direction -60 to +60 degrees from the shore normal drifting 0-1 degree an hour; a
    background swell of 0.3-1.0 m at 7-9 s from the normal. Hourly buoy records (Hs, Tp, direction) for the last 12
    hours. At the break, at lead h: the offshore sea of h - D / c_g hours (c_g = g T / 4 pi, the deep-water group
    speed), refracted (H sqrt(cos a)), sheltered by a headland for directions beyond -25 degrees, broken by Komar &
    Gaylord's H_b = 0.39 g^0.2 (T H^2)^0.4, modulated by the tide on the reef (+-12% with the M2 tide's phase) and cut
    by onshore wind; the background breaks the same way and the two add in energy; the surf report's estimate
    scatters by 7% (log-normal). Returns (inputs (n, 56), breaker heights (n, 4) in metres)."""
    lg = lambda lo, hi: lo + (hi - lo) * torch.rand(n, 1, generator=gen)  # noqa: E731
    hp = torch.exp(lg(math.log(0.5), math.log(4.5)))
    t0, width = lg(-24, 6), lg(6, 20)
    tp0, a0, drift = lg(10, 18), lg(-60, 60), lg(-1, 1)
    hb_bg, tb_bg, ab_bg = lg(0.3, 1.0), lg(7, 9), lg(-20, 20)
    wind, wdir = lg(0, 12), lg(-math.pi, math.pi)
    tide0 = lg(0, 2 * math.pi)

    def swell(t: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        h = hp * torch.exp(-0.5 * ((t - t0) / width) ** 2)
        tp = (tp0 + 0.15 * (t0 - t)).clamp(8, 22)
        return h, tp, a0 + drift * t

    past = torch.arange(-SF_HOURS + 1, 1).float().view(1, -1)
    h, tp, ang = swell(past)
    rad = torch.deg2rad(ang)
    x = torch.cat([(h - 1.2) / 0.9, (tp - 14) / 3, torch.sin(rad), torch.cos(rad),
                   (hb_bg - 0.65) / 0.2, (tb_bg - 8) / 0.6, torch.sin(torch.deg2rad(ab_bg)),
                   wind / 6 * torch.cos(wdir), wind / 6 * torch.sin(wdir), (wind - 6) / 3.5,
                   torch.cos(tide0), torch.sin(tide0)], 1)

    def breaker(hs: torch.Tensor, t: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
        r = torch.deg2rad(a.clamp(-80, 80))
        h0 = hs * torch.cos(r).clamp_min(0.05).sqrt() * torch.sigmoid((a + 25) / 6)
        return 0.39 * G**0.2 * (t * h0**2) ** 0.4

    leads = torch.tensor(SF_LEADS).view(1, -1)
    lag_guess = 40e3 / (G * tp0 / (4 * math.pi)) / 3600
    _, tpl, _ = swell(leads - lag_guess)
    lag = 40e3 / (G * tpl / (4 * math.pi)) / 3600
    hs, tps, angs = swell(leads - lag)
    b = torch.sqrt(breaker(hs, tps, angs) ** 2 + breaker(hb_bg, tb_bg, ab_bg) ** 2)
    tide = 1 + 0.12 * torch.cos(tide0 + 2 * math.pi * leads / 12.42)
    onshore = (wind * torch.cos(wdir)).clamp_min(0)
    b = b * tide * (1 - 0.02 * onshore)
    b = b * torch.exp(0.07 * torch.randn(b.shape, generator=gen))
    return x, b


class SurfForecastMLP(nn.Module):
    """A neural wave forecaster in the Deo & Naidu style: the buoy's recent records, wind and tide through two
    hidden layers to the breaker height at four leads."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4 * SF_HOURS + 8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, len(SF_LEADS)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def breaker_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the breaker heights (metres) over the four leads."""
    x, y = batch
    return F.mse_loss(model(x), y)


def surf_forecast(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The surf forecaster on ``train_size`` forecast windows; held out: 2048 other windows in batches of 1024;
    Adam (torch's defaults)."""
    gen = torch.Generator().manual_seed(67102)
    x, y = _sf_windows(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SurfForecastMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": breaker_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. juggling: siteswap recognition from tracked throws, a small transformer (AdamW)

JG_PATTERNS = ((3,), (4,), (5,), (4, 4, 1), (5, 3, 1), (4, 2, 3), (5, 1), (6, 3, 3))
JG_THROWS = 8


def _jg_events(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """8 consecutive throws of a juggler running one of 8 vanilla siteswaps, as a ball tracker over a video sees
    them. The hands throw alternately, one throw a beat (0.20-0.32 s, drifting up to 5% over the window, 8 ms of
    timing jitter); a throw of value t flies t beats minus the dwell (25-70% of two beats, the hand's share of the
    cycle, Shannon's juggling theorem) and its apex is g flight^2 / 8 above the release; a 2 is a hold (no flight:
    the tracker reports the hand's lift, 3-8 cm), a 1 a quick pass. Each event: the time since the previous throw
    (s, 10 ms error), the apex height (25% error, 10% of them a tracking glitch at 0.3-3x), the hand (+-1) and whether
    the ball crossed to the other hand (wrong 30% of the time). Returns (events (n, 8, 4), pattern labels)."""
    y = torch.randint(0, len(JG_PATTERNS), (n,), generator=gen)
    period = torch.tensor([len(p) for p in JG_PATTERNS])[y]
    table = torch.zeros(len(JG_PATTERNS), 6)
    for i, p in enumerate(JG_PATTERNS):
        table[i] = torch.tensor([float(p[j % len(p)]) for j in range(6)])
    offset = torch.randint(0, 6, (n,), generator=gen)
    idx = (torch.arange(JG_THROWS).view(1, -1) + offset.view(-1, 1)) % period.view(-1, 1)
    val = table[y.view(-1, 1).expand(-1, JG_THROWS), idx]
    beat0 = 0.20 + 0.12 * torch.rand(n, 1, generator=gen)
    trend = 0.05 * (2 * torch.rand(n, 1, generator=gen) - 1)
    beat = beat0 * (1 + trend * torch.linspace(-1, 1, JG_THROWS).view(1, -1))
    dwell = (0.25 + 0.45 * torch.rand(n, 1, generator=gen)) * 2 * beat
    gap = beat + 0.008 * torch.randn(n, JG_THROWS, generator=gen) + 0.010 * torch.randn(n, JG_THROWS, generator=gen)
    flight = (val * beat - dwell).clamp_min(0.04)
    apex = G * flight**2 / 8
    apex = torch.where(val == 2, 0.03 + 0.05 * torch.rand(n, JG_THROWS, generator=gen), apex)
    apex = apex * torch.exp(0.25 * torch.randn(n, JG_THROWS, generator=gen))
    glitch = torch.rand(n, JG_THROWS, generator=gen) < 0.1
    apex = torch.where(glitch, apex * (0.3 + 2.7 * torch.rand(n, JG_THROWS, generator=gen)), apex)
    start = torch.randint(0, 2, (n, 1), generator=gen)
    hand = ((torch.arange(JG_THROWS).view(1, -1) + start) % 2).float() * 2 - 1
    cross = (val.long() % 2 == 1).float()
    cross = torch.where(torch.rand(n, JG_THROWS, generator=gen) < 0.3, 1 - cross, cross) * 2 - 1
    x = torch.stack([(gap - 0.26) / 0.04, torch.log(apex.clamp_min(0.01)), hand, cross], 2)
    return x, y


class ThrowTransformer(nn.Module):
    """A small pre-LN transformer encoder over the throw events: a linear embedding (width 32) plus a learned
    position embedding, one encoder layer (4 heads, feed-forward 64, no dropout), mean pooling and the 8 pattern
    logits."""

    def __init__(self, width: int = 32, layers: int = 1) -> None:
        super().__init__()
        self.embed = nn.Linear(4, width)
        self.pos = nn.Parameter(0.02 * torch.randn(1, JG_THROWS, width))
        layer = nn.TransformerEncoderLayer(width, 4, 2 * width, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, len(JG_PATTERNS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.encoder(self.embed(x) + self.pos)
        return self.head(self.norm(h).mean(1))


def pattern_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the siteswap."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def juggling_siteswap(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32) -> dict[str, Any]:
    """The throw transformer on 4096 tracked windows; held out: 2048 other windows in batches of 1024; AdamW with
    weight decay 1e-2 (torch's default)."""
    gen = torch.Generator().manual_seed(67202)
    x, y = _jg_events(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ThrowTransformer(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": pattern_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cricket-ball swing: a grey-box net for the side-force coefficient (Adamax)

CR_C = 1.2 * math.pi * 0.036**2 / (2 * 0.160)  # rho A / 2m for a 72 mm, 160 g ball (1/m)
CR_CD, CR_DIST = 0.45, 17.7


def _cr_flight(u0: torch.Tensor, steps: int = 24) -> tuple[torch.Tensor, torch.Tensor]:
    """The ball's speed along the flight (drag only) at ``steps`` midpoints and the time step: u(x) = u0 exp(-k x)."""
    k = CR_C * CR_CD
    xs = (torch.arange(steps).float() + 0.5) / steps * CR_DIST
    u = u0.view(-1, 1) * torch.exp(-k * xs.view(1, -1))
    dt = (CR_DIST / steps) / u
    return u, dt


def _cr_deviation(cs: torch.Tensor, u: torch.Tensor, dt: torch.Tensor, wind: torch.Tensor) -> torch.Tensor:
    """The lateral deviation at the crease: the side acceleration C u^2 Cs (+ the cross-wind's drag) integrated twice
    over the flight (metres)."""
    acc = CR_C * (cs * u**2 + CR_CD * u * wind.view(-1, 1))
    vel = torch.cumsum(acc * dt, 1) - 0.5 * acc * dt
    return (vel * dt).sum(1)


def _cr_deliveries(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Seam-bowled deliveries: release speed 24-42 m/s, seam angle 0-40 degrees to the line (towards slip or
    leg: the sign), ball age 0-80 overs (the rough side's roughness 1 - exp(-overs / 25), the other side polished),
    seam wobble 0-1, cross-wind -4 to 4 m/s. The side-force coefficient (after Mehta's account of swing): conventional
    swing sin(pi seam / 40) x 0.35, rising from about 18 m/s and lost above a critical speed that falls from 36 m/s
    (new ball) by 8 m/s as the ball roughens; reverse swing (the other way) of up to 0.28 x roughness^2 above it;
    wobble removes up to 60%; evaluated along the decelerating flight; ball-to-ball variability of 10% and Hawk-Eye's
    1 cm. Returns (inputs (n, 6), release speeds, deviations in decimetres)."""
    u0 = 24 + 18 * torch.rand(n, generator=gen)
    seam = 40 * torch.rand(n, generator=gen)
    sign = torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0)
    overs = 80 * torch.rand(n, generator=gen)
    rough = 1 - torch.exp(-overs / 25)
    wobble = torch.rand(n, generator=gen)
    wind = -4 + 8 * torch.rand(n, generator=gen)
    u, dt = _cr_flight(u0)
    ucrit = (36 - 8 * rough).view(-1, 1)
    conv = 0.35 * torch.sigmoid((u - 18) / 3) * torch.sigmoid((ucrit - u) / 3)
    rev = -0.28 * rough.view(-1, 1) ** 2 * torch.sigmoid((u - ucrit - 1) / 3)
    cs = (sign * torch.sin(math.pi * seam / 40) * (1 - 0.6 * wobble)).view(-1, 1) * (conv + rev)
    cs = cs * torch.exp(0.1 * torch.randn(n, 1, generator=gen))
    dev = _cr_deviation(cs, u, dt, wind) + 0.01 * torch.randn(n, generator=gen)
    x = torch.stack([(u0 - 33) / 5.2, (seam - 20) / 11.5, sign, (overs - 40) / 23, (wobble - 0.5) / 0.29,
                     wind / 2.3], 1)
    return x, u0, dev * 10


class SwingGreyBox(nn.Module):
    """A grey-box swing model: a tanh MLP from the release speed, seam angle, ball age and wobble to the size of the
    side-force coefficient (its last layer starting at zero), signed by the way the seam points, put through the
    ball's drag-slowed flight (with the cross-wind's drag) to the lateral deviation at the crease (decimetres)."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))
        nn.init.zeros_(self.net[-1].weight)  # no swing until it is learned
        nn.init.zeros_(self.net[-1].bias)

    def forward(self, x: torch.Tensor, u0: torch.Tensor) -> torch.Tensor:
        cs = 0.3 * x[:, 2:3] * self.net(x[:, [0, 1, 3, 4]])
        u, dt = _cr_flight(u0)
        return 10 * _cr_deviation(cs, u, dt, 2.3 * x[:, 5])


def deviation_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the deviation in decimetres."""
    x, u0, d = batch
    return F.mse_loss(model(x, u0), d)


def cricket_swing(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 48) -> dict[str, Any]:
    """The swing grey-box on ``train_size`` deliveries; held out: 2048 other deliveries in batches of 1024; Adamax
    (torch's defaults)."""
    gen = torch.Generator().manual_seed(67302)
    x, u0, d = _cr_deliveries(train_size + 2048, gen)
    tr = (x[:train_size], u0[:train_size], d[:train_size])
    torch.manual_seed(seed)
    return {"model": SwingGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], u0[train_size:], d[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": deviation_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pinball flipper shots (RMSprop)

PB_LEN, PB_REST, PB_STROKE = 0.076, math.radians(-28), math.radians(50)


def _pb_shots(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A left flipper (a 3-inch bat, pivot at the origin, at rest 28 degrees below the horizontal, a 50 degree
    stroke) hits a 27 mm steel ball. The ball arrives at 0.3-2.5 m/s, 50-130 degrees below the horizontal, and meets
    the bat 15-72 mm from the pivot while the bat is at 0-95% of its stroke (the player's timing). The coil (40-75 V)
    spins the bat up as w(t) = w_max (1 - exp(-t / tau)), w_max 35-65 rad/s with the voltage, tau 6 ms. The bat is
    far heavier than the ball: in its frame the normal velocity reverses with a restitution of 0.75 falling to 0.55
    with the rubber's age (0-2 years) and with the impact speed; the tangential velocity drops to 5/7 (the ball
    starts rolling) with slip. Exit velocity scatter 3% and 1.5 degrees. Returns (inputs (n, 6), exit velocity (n, 2)
    in m/s / 2)."""
    sp = 0.3 + 2.2 * torch.rand(n, generator=gen)
    ang = torch.deg2rad(-50 - 80 * torch.rand(n, generator=gen))
    r = 0.015 + 0.057 * torch.rand(n, generator=gen)
    frac = 0.95 * torch.rand(n, generator=gen)
    volt = 40 + 35 * torch.rand(n, generator=gen)
    age = 2 * torch.rand(n, generator=gen)
    w_max = 35 + 30 * (volt - 40) / 35
    tau = 0.006
    target = frac * PB_STROKE
    # the time at which the bat has turned ``target``: solve w_max (t - tau (1 - exp(-t / tau))) = target by Newton
    tt = (target / w_max + tau).clone()
    for _ in range(20):
        f = w_max * (tt - tau * (1 - torch.exp(-tt / tau))) - target
        tt = (tt - f / (w_max * (1 - torch.exp(-tt / tau))).clamp_min(1e-3)).clamp_min(1e-5)
    w = w_max * (1 - torch.exp(-tt / tau))
    phi = PB_REST + target
    nrm = torch.stack([-torch.sin(phi), torch.cos(phi)], 1)
    tan = torch.stack([torch.cos(phi), torch.sin(phi)], 1)
    vin = torch.stack([sp * torch.cos(ang), sp * torch.sin(ang)], 1)
    vbat = (w * r).unsqueeze(1) * nrm
    rel = vin - vbat
    vn, vt = (rel * nrm).sum(1), (rel * tan).sum(1)
    e = (0.75 - 0.1 * age) * (1 - 0.04 * vn.abs())
    vn2 = -e * vn
    vt2 = vt * (5 / 7 + 0.1 * torch.tanh(vt / 2))
    out = vn2.unsqueeze(1) * nrm + vt2.unsqueeze(1) * tan + vbat
    speed = out.norm(dim=1) * torch.exp(0.03 * torch.randn(n, generator=gen))
    dirn = torch.atan2(out[:, 1], out[:, 0]) + math.radians(1.5) * torch.randn(n, generator=gen)
    y = torch.stack([speed * torch.cos(dirn), speed * torch.sin(dirn)], 1) / 2
    x = torch.stack([vin[:, 0] / 0.7, (vin[:, 1] + 1.3) / 0.7, (r - 0.0435) / 0.0165, (frac - 0.475) / 0.27,
                     (volt - 57.5) / 10, (age - 1) / 0.58], 1)
    return x, y


class FlipperMLP(nn.Module):
    """A shot-map MLP: the six measured impact quantities through two tanh layers to the exit velocity."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def exit_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the exit velocity's two components (m/s / 2)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def pinball_flipper(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The flipper MLP on 4096 filmed shots; held out: 2048 other shots in batches of 1024; RMSprop (torch's alpha
    0.99)."""
    gen = torch.Generator().manual_seed(67402)
    x, y = _pb_shots(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlipperMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": exit_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. Miura-ori deployable sheets: a kinematic surrogate (NAdam; long only)


def _mo_geometry(a: torch.Tensor, b: torch.Tensor, alpha: torch.Tensor,
                 theta: torch.Tensor) -> tuple[torch.Tensor, ...]:
    """Schenk & Guest's Miura-ori unit cell (as the author remembers it): panels of sides a and b with sector angle
    alpha, fold angle theta (0 flat): height H, half-widths S and L, and the V offset."""
    ct, st = torch.cos(theta), torch.sin(theta)
    ta, sa = torch.tan(alpha), torch.sin(alpha)
    h = a * st * sa
    s = b * ct * ta / torch.sqrt(1 + ct**2 * ta**2)
    l_ = a * torch.sqrt(1 - st**2 * sa**2)
    return h, s, l_


def _mo_sheets(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Folded sheets: panel sides a 10-40 mm, b / a 0.5-2, sector angle 45-80 degrees, fold angle 10-80 degrees,
    3-12 by 3-12 cells. Targets: log of the sheet's width 2 S m, length 2 L n, height H + 0.2 mm, and the in-plane
    Poisson's ratio's size log(-nu), nu = -(dS / S) / (dL / L) (by a central difference in the fold angle); the
    fabrication scatter of a folded sheet: crease rest angles 1.5 degrees off, a 2% thickness allowance, measurement
    noise 1% (3% on the Poisson's ratio). Returns (inputs (n, 6), targets (n, 4))."""
    a = 10 + 30 * torch.rand(n, generator=gen)
    ratio = torch.exp(math.log(0.5) + math.log(4) * torch.rand(n, generator=gen))
    b = a * ratio
    alpha = torch.deg2rad(45 + 35 * torch.rand(n, generator=gen))
    theta = torch.deg2rad(10 + 70 * torch.rand(n, generator=gen))
    m = torch.randint(3, 13, (n,), generator=gen).float()
    k = torch.randint(3, 13, (n,), generator=gen).float()
    th = theta + torch.deg2rad(torch.tensor(1.5)) * torch.randn(n, generator=gen)
    h, s, l_ = _mo_geometry(a, b, alpha, th)
    eps = 1e-3
    _, s1, l1 = _mo_geometry(a, b, alpha, th + eps)
    _, s0, l0 = _mo_geometry(a, b, alpha, th - eps)
    nu = -((s1 - s0) / s) / ((l1 - l0) / l_)
    y = torch.stack([torch.log(2 * s * m * 1.02), torch.log(2 * l_ * k * 1.02), torch.log(h + 0.2),
                     torch.log(-nu)], 1)
    y = y + torch.tensor([0.01, 0.01, 0.01, 0.03]) * torch.randn(n, 4, generator=gen)
    x = torch.stack([(a - 25) / 8.7, torch.log(ratio) / 0.4, (torch.rad2deg(alpha) - 62.5) / 10.1,
                     (torch.rad2deg(theta) - 45) / 20.2, (m - 7.5) / 2.9, (k - 7.5) / 2.9], 1)
    return x, y


class MiuraSurrogate(nn.Module):
    """A design surrogate for the folded sheet: a SiLU MLP from the six pattern parameters to the four targets."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def miura_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log dimensions and log Poisson's ratio, standardised by the caller."""
    x, y = batch
    return F.mse_loss(model(x), y)


def miura_ori(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The Miura-ori surrogate on 8192 folded sheets, targets standardised over them; held out: 2048 other sheets
    in batches of 1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(67502)
    x, y = _mo_sheets(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MiuraSurrogate(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": miura_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. scuba decompression stress: bubble grade from a dive computer's log (Adagrad; long only)

SC_MIN, SC_GRADES = 48, 5
SC_HALF = torch.tensor([5.0, 8.0, 12.5, 18.5, 27.0, 38.3, 54.3, 77.0, 109.0, 146.0, 187.0, 239.0, 305.0, 390.0,
                        498.0, 635.0])  # Buhlmann ZH-L16 nitrogen half-times (minutes)


def _sc_dives(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Recreational multilevel dives logged each minute for 48 minutes: descent at 18 m/min to 12-40 m, a bottom
    time of 5-25 min there (a no-decompression-ish plan), two shallower levels, an ascent at 5-18 m/min, a safety
    stop at 5 m of 0-5 min, the surface. Air or nitrox (21-36% oxygen; depth scaled down for richer mixes to keep the
    oxygen's partial pressure under 1.4). Nitrogen loading of the 16 ZH-L16 compartments by Schreiner's equation
    (Haldane's at each minute's mean depth), water vapour 0.0627 bar; the M-value at ambient P: a + P / b with
    Buhlmann's a = 2 t^(-1/3) bar, b = 1.005 - t^(-1/2). Stress: the largest gradient factor (P_t - P) / (M - P)
    over the compartments and the minutes from the end of the bottom time on. The Eftedal-Brubakk grade: an ordered
    logit of 6 x stress + 0.04 x (the fastest ascent minute - 9 m/min) + 0.02 x (age - 40) + the diver's unobserved
    susceptibility (sd 0.3), cut at 2.5, 3.5, 4.5, 5.5. Returns (inputs (n, 50), grades)."""
    depth_max = 12 + 28 * torch.rand(n, generator=gen)
    fo2 = torch.where(torch.rand(n, generator=gen) < 0.4, torch.full((n,), 0.21),
                      0.21 + 0.15 * torch.rand(n, generator=gen))
    mod = 10 * (1.4 / fo2 - 1)
    depth_max = torch.minimum(depth_max, mod)
    bottom = 5 + 20 * torch.rand(n, generator=gen)
    lvl2 = depth_max * (0.5 + 0.3 * torch.rand(n, generator=gen))
    lvl3 = lvl2 * (0.4 + 0.4 * torch.rand(n, generator=gen))
    t2 = 3 + 10 * torch.rand(n, generator=gen)
    t3 = 3 + 10 * torch.rand(n, generator=gen)
    rate = 5 + 13 * torch.rand(n, generator=gen)
    stop = 5 * torch.rand(n, generator=gen)
    age = 20 + 45 * torch.rand(n, generator=gen)
    mins = torch.arange(SC_MIN + 1).float().view(1, -1)
    desc = depth_max / 18
    e1 = (desc + bottom).view(-1, 1)
    e2 = e1 + t2.view(-1, 1)
    e3 = e2 + t3.view(-1, 1)
    dm, l2, l3 = depth_max.view(-1, 1), lvl2.view(-1, 1), lvl3.view(-1, 1)
    r = rate.view(-1, 1)
    asc1 = e3 + (l3 - 5).clamp_min(0) / r
    e4 = asc1 + stop.view(-1, 1)
    d = torch.where(mins < desc.view(-1, 1), 18 * mins, dm)
    d = torch.where(mins >= e1, l2, d)
    d = torch.where(mins >= e2, l3, d)
    d = torch.where(mins >= e3, torch.maximum(l3 - r * (mins - e3), torch.full_like(d, 5.0)), d)
    d = torch.where(mins >= e4, (5 - r * (mins - e4)).clamp_min(0), d)
    d = d + 0.1 * torch.randn(d.shape, generator=gen) * (d > 0)
    d = d.clamp_min(0)
    amb = 1.013 + d / 10
    k = math.log(2) / SC_HALF.view(1, -1)
    fn2 = (1 - fo2).view(-1, 1)
    p = torch.full((n, 16), 0.79 * (1.013 - 0.0627))
    a_m = 2 * SC_HALF.pow(-1 / 3)
    b_m = 1.005 - SC_HALF.pow(-1 / 2)
    stress = torch.zeros(n)
    for i in range(SC_MIN):
        p0 = fn2 * ((amb[:, i] - 0.0627).view(-1, 1))
        p1 = fn2 * ((amb[:, i + 1] - 0.0627).view(-1, 1))
        rate_p = p1 - p0
        p = p0 + rate_p * (1 - 1 / k) + (p - p0 + rate_p / k) * torch.exp(-k)  # Schreiner over one minute
        pa = amb[:, i + 1].view(-1, 1)
        gf = (p - pa) / (a_m + pa / b_m - pa)
        late = (mins[0, i + 1] >= e1[:, 0]).float()
        stress = torch.maximum(stress, gf.max(1).values * late)
    ascent = (d[:, :-1] - d[:, 1:]).max(1).values
    z = (6 * stress + 0.04 * (ascent - 9) + 0.02 * (age - 40) + 0.3 * torch.randn(n, generator=gen))
    grade = (z.view(-1, 1) > torch.tensor([2.5, 3.5, 4.5, 5.5]).view(1, -1)).sum(1)
    x = torch.cat([d[:, 1:] / 20, ((fo2 - 0.26) / 0.05).view(-1, 1), ((age - 42.5) / 13).view(-1, 1)], 1)
    return x, grade


class BubbleGradeMLP(nn.Module):
    """A dive-log classifier: the 48 one-minute depths, the oxygen fraction and the age through two SiLU layers to
    the five bubble-grade logits."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(SC_MIN + 2, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, SC_GRADES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def grade_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the bubble grade."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def scuba_bubbles(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The bubble-grade net on 8192 logged dives; held out: 4096 other dives in batches of 1024; Adagrad (torch's
    defaults)."""
    gen = torch.Generator().manual_seed(67602)
    x, y = _sc_dives(train_size + 4096, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BubbleGradeMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": grade_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("surf_forecast_adam", surf_forecast, 300, "surf_break_breaker_height_forecast_mlp", "adam", "finite", 32,
      seconds=0.3, start_lr=0.016),
    W("juggling_siteswap_adamw", juggling_siteswap, 300, "juggling_siteswap_throw_event_transformer", "adamw_wd1e-2",
      "finite", 32, seconds=0.6, start_lr=0.016),
    W("cricket_swing_adamax", cricket_swing, 300, "cricket_swing_side_force_greybox", "adamax", "finite", 32,
      seconds=0.3, start_lr=0.064),
    W("pinball_flipper_rmsprop", pinball_flipper, 300, "pinball_flipper_shot_exit_mlp", "rmsprop", "finite", 32,
      seconds=0.15, start_lr=0.016),
)
LONG = (
    W("miura_ori_nadam@long", miura_ori, 3000, "miura_ori_fold_kinematics_surrogate", "nadam", "finite", 32,
      seconds=1.6, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("scuba_bubbles_adagrad@long", scuba_bubbles, 3000, "scuba_zhl16_bubble_grade_mlp", "adagrad", "finite", 32,
      seconds=1.3, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("surf_forecast_adam@long", surf_forecast, 3000, "surf_break_breaker_height_forecast_mlp", "adam", "finite", 32,
      dict(train_size=8192), seconds=1.4, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="surf_forecast_adam"),
    W("cricket_swing_adamax@long", cricket_swing, 3000, "cricket_swing_side_force_greybox", "adamax", "finite", 32,
      dict(train_size=8192), seconds=2.1, start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="cricket_swing_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam67_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-seventh exam's workloads")
