"""The sixty-sixth exam: six more workload families that neither the suite nor exams 1-64 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam64_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from zip lines and aerial
adventure parks, paragliding and hang gliding, darts and dartboard scoring, lawn mowers and turf care, saunas and
bathhouses, and typewriters and mechanical keyboards (exam 65 was built at the same time from other domains; its
module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam66/README.md``. Every field convention below is the author's memory, not checked in
public code.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- fall arrest on an aerial adventure park's (or a zip-line platform's) safety system: an MLP from the
  participant's mass, the lanyard's length and stiffness, the fall factor, the tear-webbing energy absorber's
  activation force and tear length and the harness compliance to the peak arrest force, the total fall distance
  (the clearance a park's designer checks) and the arrest time; the falls integrated at 1 ms through the free fall,
  the elastic lanyard and harness in series, the tearing webbing and a hard stop when the webbing is spent (the
  absorbers of EN 355 / EN 17109, from memory); drop-rig scatter; MSE of the standardised (log force, distance,
  log time); AdamW (torch's weight decay 1e-2)
- darts, an expected-score surrogate: an MLP from the aim point (polar, on the board) and the thrower's skill
  (the standard deviation of a circular Gaussian throw, as in Tibshirani, Price & Taylor 2011's "A statistician
  plays darts") to the expected score of one dart on a regulation board, the targets Monte Carlo means of 256
  throws; MSE of the score in units of 10 points; SGD with Nesterov momentum 0.9
- turf clipping yield: a GRU over 14 days of weather (maximum and minimum temperature, solar radiation, rain plus
  irrigation, nitrogen fed) and the grass type (cool- or warm-season) to the clippings at the weekly mowing; the
  yield from the turf growth-potential model (Gelernter & Stowell 2005: a Gaussian of the mean temperature about
  the type's optimum), a soil-water bucket and a decaying nitrogen response, summed over the 7 days since the last
  mowing, with 8% scatter; MSE of log(1 + g/m2); Adamax (torch's defaults)
- keystroke acoustic side channel: a small CNN (two 3x3 convolutions with max pooling, a dense layer) classifies
  the log-mel spectrogram (24 bands x 12 frames) of one keystroke of a mechanical keyboard into its key (30 keys;
  as in Asonov & Agrawal 2004 and Harrison et al. 2023, on a much smaller net); the sound from the push and
  release peaks with a key-dependent plate resonance set by the key's row and column, switch click, typist force,
  frame jitter and room noise; cross-entropy; Adam (torch's defaults)
- paraglider pitch response (a long plan only): an MLP from a 6-second brake input (24 samples at 4 Hz), the
  wing loading and the line length to the wing's pitch angle over those 6 seconds (the pendulum the pilot
  hangs on, the pitch back on braking and the surge on release, a deeper pitch near the stall point); IMU noise;
  MSE of the pitch in units of 10 degrees; RMSprop (torch's alpha 0.99)
- sauna bather thermophysiology (a long plan only): an MLP from the sauna air temperature and vapour pressure,
  the session's length and the bather's mass, height, age and heat acclimatisation to the core temperature rise,
  mean skin temperature, heart rate and sweat loss 20 minutes after entering (the session, then a rest at 25 C);
  the bathers from a two-node (core and skin) model in the manner of Gagge et al. 1971 (convection, radiation,
  condensation or evaporation at the skin, skin blood flow and sweating driven by the core and skin signals); MSE
  of the standardised outputs; RAdam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the paraglider and the
sauna nets (no short plans), the fall-arrest net on 8192 drops instead of 1024 and the darts surrogate on 16384 aims
instead of 2048 (the fall-arrest and paraglider long plans train in batches of 64, the others in 32).

Of the eight plans, two use AdamW (both fall-arrest plans), two SGD with Nesterov momentum (both darts plans), one
Adamax (turf), one Adam (keystrokes), one RMSprop (paraglider) and one RAdam (sauna).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam66_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam66/README.md).

    python benchmarks/exam66_workloads.py          # the table
    python benchmarks/exam66_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 66"


# --------------------------------------------------------------------------------------------------------------
# 1. fall arrest on an aerial adventure park's lanyard with an energy absorber (AdamW)

FA_STEPS, FA_DT = 900, 1e-3


def _fa_falls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Falls of a participant clipped to a ropes course's or a zip-line platform's safety line by a lanyard with a
    tear-webbing energy absorber (as EN 355 / EN 17109 describe them): mass 40-120 kg with gear, lanyard 0.6-2.0 m,
    fall factor 0.3-2 (the free fall f x L before the lanyard is taut), the lanyard's stiffness EA 12-40 kN, the
    absorber's activation force 2-4.5 kN rising 30% over its tear length 1.0-1.75 m, the harness and body
    compliance 15-40 kN/m in series, 5% damping. The fall from taut is integrated at 1 ms: the elastic force
    k_eff (x - torn), the webbing tearing while the force would pass the activation force, elastic again (a hard
    stop) once the tear length is spent. Returns (scaled parameters (n, 7), (log peak force in kN, total fall
    distance in m, log arrest time in s) with a drop-test rig's 1% / 1 cm / 1.5% scatter, standardised by the
    caller)."""
    m = 40 + 80 * torch.rand(n, generator=gen)
    length = 0.6 + 1.4 * torch.rand(n, generator=gen)
    ff = 0.3 + 1.7 * torch.rand(n, generator=gen)
    ea = 12e3 + 28e3 * torch.rand(n, generator=gen)
    fa = 2e3 + 2.5e3 * torch.rand(n, generator=gen)
    amax = 1.0 + 0.75 * torch.rand(n, generator=gen)
    kh = 15e3 + 25e3 * torch.rand(n, generator=gen)
    g = 9.81
    k = 1 / (length / ea + 1 / kh)
    c = 2 * 0.05 * torch.sqrt(k * m)
    v = torch.sqrt(2 * g * ff * length)
    x, torn = torch.zeros(n), torch.zeros(n)
    peak, xmax, t_stop = torch.zeros(n), torch.zeros(n), torch.full((n,), FA_STEPS * FA_DT)
    moving = torch.ones(n, dtype=torch.bool)
    for i in range(FA_STEPS):
        level = fa * (1 + 0.3 * torn / amax)
        would = k * (x - torn)
        tear = (would > level) & (torn < amax)
        torn = torch.where(tear, torch.minimum(x - level / k, amax), torn)
        force = (k * (x - torn)).clamp_min(0) + c * v * (x > 0)
        v = v + FA_DT * (g - force / m)
        x = x + FA_DT * v
        peak = torch.where(moving, torch.maximum(peak, force), peak)
        xmax = torch.maximum(xmax, x)
        stop = moving & (v <= 0)
        t_stop = torch.where(stop, torch.full_like(t_stop, (i + 1) * FA_DT), t_stop)
        moving = moving & ~stop
    out = torch.stack([torch.log(peak / 1e3) + 0.01 * torch.randn(n, generator=gen),
                       ff * length + xmax + 0.01 * torch.randn(n, generator=gen),
                       torch.log(t_stop) + 0.015 * torch.randn(n, generator=gen)], 1)
    p = torch.stack([(m - 80) / 23, (length - 1.3) / 0.4, (ff - 1.15) / 0.49, (ea - 26e3) / 8.1e3,
                     (fa - 3.25e3) / 720, (amax - 1.375) / 0.22, (kh - 27.5e3) / 7.2e3], 1)
    return p, out


class FallArrestNet(nn.Module):
    """A SiLU MLP from the seven fall parameters to the three outcomes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def arrest_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised outcomes."""
    x, y = batch
    return F.mse_loss(model(x), y)


def fall_arrest(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The fall-arrest net on ``train_size`` simulated drop tests, outcomes standardised over them; held out: 2048
    other drops in batches of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(66102)
    x, y = _fa_falls(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FallArrestNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": arrest_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. darts: an expected-score surrogate for a Gaussian thrower (SGD with Nesterov momentum)

DT_SECTORS = torch.tensor([20, 1, 18, 4, 13, 6, 10, 15, 2, 17, 3, 19, 7, 16, 8, 11, 14, 9, 12, 5])
DT_THROWS = 256


def _dt_score(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The score of darts landing at (x, y) mm from the centre of a regulation board (x right, y up): inner bull
    (radius 6.35) 50, outer bull (15.9) 25, trebles 99-107 mm, doubles 162-170 mm, off the board 0; the 20 sectors
    clockwise from the 20 at the top, each 18 degrees wide."""
    r = torch.sqrt(x**2 + y**2)
    ang = torch.rad2deg(torch.atan2(x, y)) % 360  # clockwise from the top
    sector = DT_SECTORS[((ang + 9) // 18).long() % 20].float()
    mult = torch.ones_like(r)
    mult = torch.where((r >= 99) & (r <= 107), torch.full_like(r, 3.0), mult)
    mult = torch.where((r >= 162) & (r <= 170), torch.full_like(r, 2.0), mult)
    s = sector * mult
    s = torch.where(r <= 15.9, torch.full_like(r, 25.0), s)
    s = torch.where(r <= 6.35, torch.full_like(r, 50.0), s)
    return torch.where(r > 170, torch.zeros_like(r), s)


def _dt_aims(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Aims uniform over the board's area out to 175 mm, throwers with a circular Gaussian spread of 15-60 mm
    (log-uniform: league players to beginners); the target the mean score of 256 simulated throws (Monte Carlo
    noise included, as a user's simulator would leave it). Returns ((r / 170, sin and cos of the aim's angle from
    the top, log-sd scaled), mean score / 10)."""
    r = 175 * torch.sqrt(torch.rand(n, generator=gen))
    th = 2 * math.pi * torch.rand(n, generator=gen)
    sd = torch.exp(math.log(15) + (math.log(60) - math.log(15)) * torch.rand(n, generator=gen))
    ax, ay = r * torch.sin(th), r * torch.cos(th)
    dx = sd.view(-1, 1) * torch.randn(n, DT_THROWS, generator=gen)
    dy = sd.view(-1, 1) * torch.randn(n, DT_THROWS, generator=gen)
    score = _dt_score(ax.view(-1, 1) + dx, ay.view(-1, 1) + dy).mean(1)
    feats = torch.stack([r / 170, torch.sin(th), torch.cos(th), (torch.log(sd) - 3.4) / 0.4], 1)
    return feats, score / 10


class DartsScoreNet(nn.Module):
    """A ReLU MLP 4-128-128-1 from the aim point and the thrower's spread to the expected score."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def score_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the expected score (units of 10 points)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def darts_score(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 128) -> dict[str, Any]:
    """The darts surrogate on ``train_size`` simulated aims; held out: 2048 other aims in batches of 1024; SGD with
    Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(66202)
    x, y = _dt_aims(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DartsScoreNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": score_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. turf clipping yield from 14 days of weather (Adamax)

TF_DAYS = 14


def _tf_fortnights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Fortnights before a weekly mowing, for a cool-season (optimum 20 C, sd 5.5) or warm-season (optimum 31 C,
    sd 7) turf: a season's mean temperature 5-30 C with day-to-day swings, daily max / min, solar radiation 5-28
    MJ/m2 (less on rainy days), rain (60% dry days, exponential amounts) plus irrigation on some lawns, nitrogen
    feeds (0-5 g N/m2 on at most one day). Growth per day: growth potential (Gelernter & Stowell's Gaussian of the
    mean temperature) x a radiation saturation x a soil-water factor (a 30 mm bucket losing 0.2 x radiation mm a
    day) x (1 + the nitrogen response, decaying with a 10-day time constant); clippings the sum over the last 7
    days x 6 g/m2 with 8% scatter. Returns (daily weather (n, 14, 5) scaled, grass type (n,), log(1 + g/m2))."""
    season = 5 + 25 * torch.rand(n, 1, generator=gen)
    drift = torch.cumsum(0.8 * torch.randn(n, TF_DAYS, generator=gen), 1)
    tmean = season + drift + 1.5 * torch.randn(n, TF_DAYS, generator=gen)
    rng = 6 + 6 * torch.rand(n, TF_DAYS, generator=gen)
    wet = torch.rand(n, TF_DAYS, generator=gen) > 0.6
    rain = wet * (-8 * torch.log(torch.rand(n, TF_DAYS, generator=gen).clamp_min(1e-6)))
    irrig = (torch.rand(n, 1, generator=gen) < 0.4) * (torch.arange(TF_DAYS) % 3 == 0).view(1, -1) * 6.0
    water_in = rain + irrig
    rad = (5 + 23 * torch.rand(n, 1, generator=gen) * (0.7 + 0.3 * torch.rand(n, TF_DAYS, generator=gen))
           * torch.where(wet, 0.6, 1.0))
    nday = torch.randint(0, TF_DAYS, (n,), generator=gen)
    ndose = 5 * torch.rand(n, generator=gen) * (torch.rand(n, generator=gen) < 0.6)
    nfeed = torch.zeros(n, TF_DAYS)
    nfeed[torch.arange(n), nday] = ndose
    warm = torch.rand(n, generator=gen) < 0.4
    topt = torch.where(warm, 31.0, 20.0).view(-1, 1)
    tsd = torch.where(warm, 7.0, 5.5).view(-1, 1)
    gp = torch.exp(-0.5 * ((tmean - topt) / tsd) ** 2)
    soil = 15 + 15 * torch.rand(n, generator=gen)
    nres = torch.zeros(n)
    growth = []
    for d in range(TF_DAYS):
        soil = (soil + water_in[:, d] - 0.2 * rad[:, d]).clamp(0, 30)
        nres = nres * math.exp(-1 / 10) + 0.25 * nfeed[:, d]
        wf = (soil / 12).clamp(max=1)
        growth.append(gp[:, d] * (1 - torch.exp(-rad[:, d] / 12)) * wf * (1 + nres))
    clip = 6 * torch.stack(growth, 1)[:, 7:].sum(1) * torch.exp(0.08 * torch.randn(n, generator=gen))
    w = torch.stack([(tmean + rng / 2 - 22) / 8, (tmean - rng / 2 - 10) / 8, (rad - 14) / 6,
                     torch.log1p(water_in) - 1, nfeed / 2], 2)
    return w, warm.long(), torch.log1p(clip)


class TurfGRU(nn.Module):
    """A GRU (hidden 32) over the daily weather, the grass type as a learned initial state, a linear head on the
    last state."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.h0 = nn.Embedding(2, hidden)
        self.gru = nn.GRU(5, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, w: torch.Tensor, kind: torch.Tensor) -> torch.Tensor:
        _, h = self.gru(w, torch.tanh(self.h0(kind)).unsqueeze(0))
        return self.head(h[0]).squeeze(1)


def clipping_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log(1 + clippings in g/m2)."""
    w, kind, y = batch
    return F.mse_loss(model(w, kind), y)


def turf_clippings(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The turf GRU on 2048 fortnights; held out: 1024 other fortnights in batches of 512; Adamax."""
    gen = torch.Generator().manual_seed(66302)
    w, k, y = _tf_fortnights(train_size + 1024, gen)
    tr = (w[:train_size], k[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TurfGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((w[train_size:], k[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": clipping_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. keystroke acoustic side channel: a CNN on log-mel spectrograms of key presses (Adam)

KS_KEYS, KS_BANDS, KS_FRAMES = 30, 24, 12


def _ks_presses(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Keystrokes of 30 keys (three rows of 10) of one mechanical keyboard recorded by a nearby microphone: each
    key's plate resonances sit at mel bands set smoothly by its row and column (so neighbouring keys sound alike),
    the push peak in frames 1-3 and the release peak, weaker and brighter, in frames 7-9 (both +-1 frame of jitter),
    a broadband switch click, the typist's force (+-6 dB), a per-press spectral tilt and room noise; log energy.
    Returns (spectrograms (n, 1, 24, 12), keys)."""
    key = torch.randint(0, KS_KEYS, (n,), generator=gen)
    row, col = (key // 10).float(), (key % 10).float()
    band = torch.arange(KS_BANDS).float().view(1, -1)
    f1 = 4 + 1.3 * col + 0.8 * row
    f2 = 19 - 0.9 * col + 1.6 * row
    f3 = 10 + 3 * torch.sin(0.9 * col + 2.1 * row)
    spec = (torch.exp(-0.5 * ((band - f1.view(-1, 1)) / 2.2) ** 2)
            + 0.7 * torch.exp(-0.5 * ((band - f2.view(-1, 1)) / 2.2) ** 2)
            + 0.5 * torch.exp(-0.5 * ((band - f3.view(-1, 1)) / 2.0) ** 2))
    force = 10 ** ((-6 + 12 * torch.rand(n, 1, generator=gen)) / 20)
    tilt = 1 + 0.3 * torch.randn(n, 1, generator=gen) * (band - 12) / 12
    push = spec * force * tilt.clamp_min(0.2) + 0.25
    release = 0.5 * spec * force * (1 + 0.4 * band / KS_BANDS) + 0.15
    frame = torch.arange(KS_FRAMES).float().view(1, 1, -1)
    t_push = 2 + torch.randint(-1, 2, (n,), generator=gen).float()
    t_rel = 8 + torch.randint(-1, 2, (n,), generator=gen).float()
    env_p = torch.exp(-0.5 * ((frame - t_push.view(-1, 1, 1)) / 0.8) ** 2)
    env_r = torch.exp(-0.5 * ((frame - t_rel.view(-1, 1, 1)) / 0.8) ** 2)
    energy = push.unsqueeze(2) * env_p + release.unsqueeze(2) * env_r
    energy = energy * torch.exp(0.6 * torch.randn(energy.shape, generator=gen)) + 0.05
    logmel = torch.log(energy)
    return ((logmel + 1.5) / 1.2).unsqueeze(1), key


class KeystrokeCNN(nn.Module):
    """Two 3x3 convolutions (16 and 32 channels) with ReLU and 2x2 max pooling, a dense layer of 64, the 30 key
    logits."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * 6 * 3, 64), nn.ReLU(), nn.Linear(64, KS_KEYS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def key_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the key."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def keystroke_acoustic(batch_size: int = 32, seed: int = 0, train_size: int = 3072, width: int = 16) -> dict[str, Any]:
    """The keystroke CNN on 3072 recorded presses; held out: 1024 other presses in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(66402)
    x, y = _ks_presses(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": KeystrokeCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": key_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. paraglider pitch response to the brakes (RMSprop; long only)

PG_SAMPLES, PG_DT, PG_SUB = 24, 0.25, 10


def _pg_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """6-second brake manoeuvres: the symmetric brake (0 hands up, 1 full) as 1-4 smooth applications and releases
    of random depth and speed, sampled at 4 Hz; wing loading 3.5-5 kg/m2, line length (pilot to canopy) 6-9 m. The
    wing's pitch theta (degrees, positive nose up) follows a damped pendulum about the pilot: theta'' + 2 zeta w
    theta' + w^2 (theta - trim(b)) = -k w db/dt, with w = sqrt(g / L) x 1.3 (the wing's own pitch stiffness),
    damping zeta falling with the loading, the trim pitching back with brake and steeply past 75% (the stall
    point), the surge on release (db/dt < 0) 1.5 times the pitch back on applying; integrated at 40 Hz; an IMU's
    0.15 degree noise. Returns (brake samples, scaled loading and line length (n, 26), pitch / 10 degrees (n, 24))."""
    t = torch.arange(PG_SAMPLES * PG_SUB + 1).float().view(1, -1) * (PG_DT / PG_SUB)
    b = torch.zeros(n, t.shape[1])
    for _ in range(4):
        on = (torch.rand(n, 1, generator=gen) < 0.7).float()
        start = 6 * torch.rand(n, 1, generator=gen)
        length = 0.5 + 2.5 * torch.rand(n, 1, generator=gen)
        depth = 0.2 + 0.75 * torch.rand(n, 1, generator=gen)
        rise = 0.2 + 0.8 * torch.rand(n, 1, generator=gen)
        up = torch.sigmoid((t - start) / (0.25 * rise)) - torch.sigmoid((t - start - length) / (0.25 * rise))
        b = torch.maximum(b, on * depth * up)
    b = b.clamp(0, 1)
    load = 3.5 + 1.5 * torch.rand(n, generator=gen)
    line = 6 + 3 * torch.rand(n, generator=gen)
    w = 1.3 * torch.sqrt(9.81 / line)
    zeta = 0.35 - 0.05 * (load - 3.5)
    trim = -6 * b - 40 * F.relu(b - 0.75) ** 2 * (load.view(-1, 1) / 4)
    db = torch.diff(b, dim=1, prepend=b[:, :1]) / (PG_DT / PG_SUB)
    gain = torch.where(db > 0, torch.full_like(db, 4.0), torch.full_like(db, 6.0))
    theta, om = torch.zeros(n), torch.zeros(n)
    h = PG_DT / PG_SUB
    out = []
    for i in range(1, t.shape[1]):
        acc = (-2 * zeta * w * om - w**2 * (theta - trim[:, i]) - gain[:, i] * w * db[:, i] * (load / 4))
        om = om + h * acc
        theta = theta + h * om
        if i % PG_SUB == 0:
            out.append(theta)
    pitch = torch.stack(out, 1) + 0.15 * torch.randn(n, PG_SAMPLES, generator=gen)
    x = torch.cat([b[:, PG_SUB::PG_SUB] * 2 - 0.5, ((load - 4.25) / 0.43).unsqueeze(1),
                   ((line - 7.5) / 0.87).unsqueeze(1)], 1)
    return x, pitch / 10


class PitchResponseNet(nn.Module):
    """A tanh MLP 26-128-128-24 from the brake trace and the wing to the pitch trace."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(PG_SAMPLES + 2, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, PG_SAMPLES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def pitch_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the pitch trace (units of 10 degrees)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def paraglider_pitch(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 128) -> dict[str, Any]:
    """The pitch-response net on 8192 manoeuvres; held out: 2048 other manoeuvres in batches of 1024; RMSprop."""
    gen = torch.Generator().manual_seed(66502)
    x, y = _pg_flights(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PitchResponseNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": pitch_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. sauna bather thermophysiology with a two-node model (RAdam; long only)


def _sn_sessions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sauna sessions: air 60-100 C, water vapour pressure 2-10 kPa (after the loyly), 5-20 minutes, bather 50-110 kg,
    1.55-1.95 m, 20-75 years, heat-acclimatised or not. A two-node body (core and skin, as Gagge et al. 1971; the
    constants are the author's memory, simplified): heat gain at the skin by convection and radiation (h 8 W/m2K
    over the DuBois area), evaporation of sweat or condensation set by the vapour pressures, core-to-skin transfer
    by conduction and the skin blood flow (driven by the core's and the skin's warm signals, less with age),
    sweating (Gagge's law, more when acclimatised), metabolism 60 W/m2, integrated per 10 s from core 36.9 / skin
    34.0 C. The outcomes are read 20 minutes after entering (the session, then a rest
    at 25 C for what remains). Returns (scaled conditions (n, 7), (core rise, skin temperature, heart rate, sweat)
    standardised by the caller)."""
    ta = 60 + 40 * torch.rand(n, generator=gen)
    pa = 2 + 8 * torch.rand(n, generator=gen)  # water vapour pressure (kPa) after the loyly
    minutes = 5 + 15 * torch.rand(n, generator=gen)
    mass = 50 + 60 * torch.rand(n, generator=gen)
    height = 1.55 + 0.4 * torch.rand(n, generator=gen)
    age = 20 + 55 * torch.rand(n, generator=gen)
    accl = (torch.rand(n, generator=gen) < 0.4).float()
    area = 0.202 * mass**0.425 * height**0.725

    def psat(t: torch.Tensor) -> torch.Tensor:  # kPa
        return torch.exp(16.6536 - 4030.183 / (t + 235))

    tc, tsk = torch.full((n,), 36.9), torch.full((n,), 34.0)
    sweat = torch.zeros(n)
    dt = 10.0
    steps = 120
    cc = 3490 * mass * 0.9  # core heat capacity (J/K)
    cs = 3490 * mass * 0.1
    hr_max = 208 - 0.7 * age
    hr = torch.full((n,), 70.0)
    for k in range(steps):
        active = (k * dt < minutes * 60).float()
        warm_c = F.relu(tc - 36.8)
        warm_s = F.relu(tsk - 34.1)
        skbf = (6.3 + 200 * warm_c) / (1 + 0.1 * F.relu(34.1 - tsk)) * (1 - 0.004 * (age - 20))
        skbf = skbf.clamp(0.5, 90)  # l / (m2 h)
        q_cs = (5.28 + 1.163 * skbf) * (tc - tsk) * area
        regsw = 170 * (warm_c + 0.1 * warm_s) * torch.exp(warm_s / 10.7) * (1 + 0.5 * accl)  # g / (m2 h)
        emax = 16.5 * 4.0 * (psat(tsk) - pa)  # W / m2 (Lewis's 16.5 K/kPa x hc 4 W/m2K)
        e_sw = torch.minimum(regsw * 0.68, F.relu(emax))  # W / m2
        cond = F.relu(-emax)  # condensation
        gain = 8 * (ta - tsk) * active + 8 * (25 - tsk) * (1 - active)  # convection 4 + radiation 4 W/m2K
        q_skin = (gain - e_sw + cond) * area
        met = 60 * area
        tc = tc + dt * (met - q_cs) / cc
        tsk = tsk + dt * (q_cs + q_skin) / cs
        sweat = sweat + dt / 3600 * regsw * area
        hr_target = torch.minimum(70 + 30 * (tc - 36.9) + 4 * (tsk - 34) + 0.4 * skbf, hr_max)
        hr = hr + (hr_target - hr) * (1 - math.exp(-dt / 60))
    out = torch.stack([tc - 36.9, tsk, hr, sweat], 1)
    out = out * (1 + torch.tensor([0.02, 0.002, 0.01, 0.03]) * torch.randn(n, 4, generator=gen))
    x = torch.stack([(ta - 80) / 11.5, (pa - 6) / 2.3, (minutes - 12.5) / 4.3, (mass - 80) / 17.3,
                     (height - 1.75) / 0.115, (age - 47.5) / 15.9, accl * 2 - 1], 1)
    return x, out


class BatherNet(nn.Module):
    """A SiLU MLP 7-64-64-4 from the session and the bather to the four outcomes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def bather_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised outcomes."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sauna_bather(batch_size: int = 32, seed: int = 0, train_size: int = 8192, hidden: int = 64) -> dict[str, Any]:
    """The bather net on 8192 simulated sessions, outcomes standardised over them; held out: 2048 other sessions in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(66602)
    x, y = _sn_sessions(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BatherNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": bather_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("fall_arrest_adamw", fall_arrest, 300, "adventure_park_lanyard_fall_arrest_mlp", "adamw_wd1e-2", "finite", 32,
      seconds=0.2, start_lr=0.032),
    W("darts_score_nesterov", darts_score, 300, "darts_gaussian_thrower_expected_score_mlp", "sgd_nesterov0.9",
      "finite", 32, seconds=0.2, start_lr=0.2),
    W("turf_clippings_adamax", turf_clippings, 300, "turf_clipping_yield_growth_potential_gru", "adamax", "finite",
      32, seconds=0.6, start_lr=0.128),
    W("keystroke_acoustic_adam", keystroke_acoustic, 300, "keyboard_acoustic_keystroke_cnn", "adam", "finite", 32,
      seconds=0.85, start_lr=0.008),
)
LONG = (
    W("paraglider_pitch_rmsprop@long", paraglider_pitch, 3000, "paraglider_brake_pitch_response_mlp", "rmsprop",
      "finite", 64, seconds=2.1, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("sauna_bather_radam@long", sauna_bather, 3000, "sauna_bather_two_node_thermophysiology_mlp", "radam", "finite",
      32, seconds=1.7, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("fall_arrest_adamw@long", fall_arrest, 3000, "adventure_park_lanyard_fall_arrest_mlp", "adamw_wd1e-2",
      "finite", 64, dict(train_size=8192), seconds=2.0, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="fall_arrest_adamw"),
    W("darts_score_nesterov@long", darts_score, 3000, "darts_gaussian_thrower_expected_score_mlp", "sgd_nesterov0.9",
      "finite", 32, dict(train_size=16384), seconds=1.8, start_lr=0.4, grid_fractions=(0.0, 0.05),
      long_of="darts_score_nesterov"),
)

REGISTRY = Registry(EXAM, LONG, "exam66_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-sixth exam's workloads")
