"""The eighty-seventh exam: six more workload families that neither the suite nor exams 1-84 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam84_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from banjos and drumhead tension,
tabla and pitch bends, barbecue smoking and bark formation, dumplings and steaming, zorbing and rolling spheres, and
parkour and vault landings (exams 85, 86 and 88 were built at the same time from other domains; their modules were
not opened). What was checked to make them new, and what was tried and changed, is in
``benchmarks/results/exam87/README.md``. The models are written from memory of their sources, not copied.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- banjo head tension from a tap: a 1-D CNN over the log magnitude spectrum of a tap on a banjo head (the way a
  setup tech taps the head next to the bridge and listens) to its tension and its unevenness (the Drum Dial's
  reading, as a log tension, and the spread of the tension around the rim); the spectrum from an ideal circular
  membrane's modes (Bessel zeros j_mn, f = j_mn / (2 pi a) sqrt(T / sigma)), the (0,1) mode lowered by air loading
  and a resonator, the bridge's mass, the unevenness splitting the (m >= 1) doublets, tap-position amplitudes
  J_m(j_mn r / a), Lorentzian peaks of Q 50-120 and a noise floor; MSE of the standardised targets; Adam
- tabla pitch bends: a GRU pitch tracker reads the frame-wise log spectrum (24 log-spaced bins, 10 ms hops) of a
  bayan stroke whose pitch the player bends with the heel of the palm (the "ghe" glide, gamak) and gives the pitch of
  every frame in semitones; the bayan's membrane tension rises with palm pressure (f ~ sqrt(T)), its partials near
  1 : 1.5 : 2 : 2.5 : 3 (not the dayan's harmonic series: Raman's loaded membrane is the dayan), a decay of 0.08-0.3
  s, pressure as smooth random bumps; MSE of the standardised pitch over frames; RMSprop (torch's alpha 0.99)
- barbecue smoking (a long plan only): an MLP from the smoker's pit temperature, humidity (vapour pressure) and air
  speed, the cut's thickness, the rub's sugar and the wrap (Texas crutch) temperature to the cook's log time to 93 C
  at the core,
  the bark's thickness and its darkness (L*); the cooks from a two-node heat model with evaporative cooling of a wet
  surface (the stall), the surface drying and the bark growing on the dry surface by an Arrhenius (Maillard and
  smoke polymerisation) rate boosted by sugar, stopped and softened by the wrap; MSE of the standardised targets;
  AdamW (weight decay 1e-2, torch's default)
- dumpling steaming: an MLP from the dumpling's filling radius, wrapper thickness, start temperature (frozen or
  chilled), the steam's temperature (altitude), the basket tier and the lid gap to the log time for the centre to
  reach 72 C, the wrapper's water uptake by then and the centre temperature at 6 minutes; by the first term of the
  series solution for a sphere with a convective (condensing steam) surface, the wrapper as a thermal resistance, a
  latent-heat delay when frozen; MSE of the standardised targets; Adamax (torch's defaults)
- zorbing (a long plan only): an MLP from the zorb's diameter and shell mass, the rider's mass, harness or
  "hydro" (a free rider with 20-40 l of water sloshing at the bottom, not turning with the shell), the inflation,
  the hill's slope and length and the grass to the speed at eight marks down the hill and the run-out on the flat;
  runs from the rolling-sphere equation of motion (a thin shell's 2/3 M R^2 plus the harnessed rider's inertia,
  rolling resistance from the shell's flattening, the water's sloshing drag and air drag); MSE of the standardised
  targets; NAdam (torch's defaults)
- parkour vault landings: a 1-D CNN from a shin-mounted accelerometer's three axes (128 ms at 500 Hz around touch
  down) to the landing's peak vertical ground reaction force (body weights) and peak loading rate (as force-plate
  validations of wearables do; from memory of Johnson et al.'s and later CNN estimates of GRF from IMUs); landings
  after a vault (drop height 0.5-2.0 m, precision, roll or stiff landing, knee flexion), a two-peak force curve
  (forefoot then heel), the tibia's acceleration from the force through a soft-tissue wobble (15-25 Hz) and a
  sensor tilt mixing the axes; MSE of the standardised log peak and log loading rate; SGD with Nesterov momentum
  0.9 and weight decay 5e-4

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the barbecue net and
the zorbing net (no short plans), the banjo CNN on 16384 taps instead of 2048 and the dumpling net on 8192
dumplings instead of 1024 (with 32 hidden units a layer instead of 96).

Of the eight plans, two use Adam (both banjo plans), one RMSprop (tabla), one AdamW (barbecue), two Adamax (both
dumpling plans), one NAdam (zorbing) and one SGD with Nesterov momentum (parkour).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam87_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam87/README.md).

    python benchmarks/exam87_workloads.py          # the table
    python benchmarks/exam87_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 87"


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised by the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. banjo head tension from a tap spectrum (Adam)

# (m, zero of J_m) for the ideal membrane's first twelve modes
BJ_MODES = ((0, 2.4048), (1, 3.8317), (2, 5.1356), (0, 5.5201), (3, 6.3802), (1, 7.0156), (4, 7.5883), (2, 8.4172),
            (0, 8.6537), (5, 8.7715), (3, 9.7610), (1, 10.1735))
BJ_BINS = 96


def _bessel_j(m: int, x: torch.Tensor) -> torch.Tensor:
    """J_m(x) by its integral (1 / pi) int_0^pi cos(m t - x sin t) dt, a 64-point midpoint rule."""
    t = (torch.arange(64).float() + 0.5) * math.pi / 64
    return torch.cos(m * t - x.unsqueeze(-1) * torch.sin(t)).mean(-1)


def _bj_taps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Taps on 11-inch banjo heads (radius 0.1397 m, 7-mil Mylar, 0.25-0.27 kg/m2): tension 2500-7000 N/m (loose to
    very tight), unevenness 0-8% (the sd of the tension around the rim: it splits each m >= 1 mode into a doublet
    +-1 x the unevenness), air loading and the resonator lower the (0,1) mode by 8-20% and the (1,1) by a third
    of that, the bridge (1.5-3 g) lowers every mode by up to 4% (more for the low ones), the tap at 0.3-0.7 of the
    radius. Each mode a Lorentzian of Q 50-120 with amplitude |J_m(j r / a)| / (mode
    number)^0.5, on 96 log-spaced bins from 150 Hz to 3 kHz, plus a floor of 1e-3 and 5% multiplicative noise.
    Returns (log10 magnitude spectra (n, 1, 96), (log tension, unevenness %) (n, 2))."""
    a = 0.1397
    sigma = 0.25 + 0.02 * torch.rand(n, generator=gen)
    tension = 2500 * torch.exp(math.log(7000 / 2500) * torch.rand(n, generator=gen))
    uneven = 0.08 * torch.rand(n, generator=gen)
    air = 0.08 + 0.12 * torch.rand(n, generator=gen)
    bridge = 1.5e-3 + 1.5e-3 * torch.rand(n, generator=gen)
    r = 0.3 + 0.4 * torch.rand(n, generator=gen)
    q = 50 + 70 * torch.rand(n, generator=gen)
    f0 = torch.sqrt(tension / sigma) / (2 * math.pi * a)
    freqs = torch.exp(torch.linspace(math.log(150), math.log(3000), BJ_BINS))
    spec = torch.full((n, BJ_BINS), 1e-3)
    for k, (m, j) in enumerate(BJ_MODES):
        load = 1 - air if k == 0 else (1 - air / 3 if k == 1 else torch.ones(n))
        mass = 1 - (bridge / 3e-3) * 0.04 / (1 + 0.3 * k)
        f = f0 * j * load * mass
        amp = _bessel_j(m, j * r).abs() / math.sqrt(k + 1)
        for split in ((-1.0, 1.0) if m > 0 else (0.0,)):
            fs = f * (1 + split * uneven)
            w = fs / q
            peak = 1 + ((freqs - fs.unsqueeze(1)) / w.unsqueeze(1)) ** 2
            spec = spec + (amp / (1 if m == 0 else 2)).unsqueeze(1) / peak
    spec = spec * torch.exp(0.05 * torch.randn(spec.shape, generator=gen))
    return torch.log10(spec).unsqueeze(1), torch.stack([torch.log(tension), 100 * uneven], 1)


class TapToneCNN(nn.Module):
    """A 1-D CNN over the log spectrum (as spectral-regression CNNs are written): two convolutions (k 5, 24 and 48
    channels) with ReLU and max pooling, a dense layer of 48, two outputs."""

    def __init__(self, width: int = 24) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(1, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(4))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * (BJ_BINS // 8), 48), nn.ReLU(), nn.Linear(48, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def tension_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log tension and unevenness."""
    x, y = batch
    return F.mse_loss(model(x), y)


def banjo_tension(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 24) -> dict[str, Any]:
    """The tap-tone CNN on 2048 taps, spectra and targets standardised over them; held out: 1024 other taps in
    batches of 512; Adam."""
    gen = torch.Generator().manual_seed(87102)
    x, y = _bj_taps(train_size + 1024, gen)
    x = (x - x[:train_size].mean()) / x[:train_size].std()
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TapToneCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tension_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. tabla: a GRU pitch tracker for bayan pitch bends (RMSprop)

TB_FRAMES, TB_BINS = 32, 24
TB_PARTIALS = (1.0, 1.52, 2.0, 2.48, 3.02)


def _tb_strokes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Bayan strokes, 32 frames of 10 ms: the open pitch 75-130 Hz; the palm pressure p(t) a sum of 1-3 smooth
    bumps (raised cosines of 60-200 ms, heights 0-1, some pushing back down); the tension T0 (1 + k p), k 0.6-1.2,
    so the pitch f0 sqrt(1 + k p) (up to about 5 semitones); five partials near 1 : 1.5 : 2 : 2.5 : 3 with random
    levels; the stroke decays with a time constant of 0.08-0.3 s from a 0-20 ms attack. The frame's log spectrum on
    24 bins (a Gaussian of 0.08 in log frequency per partial, 60-500 Hz, log-spaced) with a floor of 1e-3 and 0.3
    additive noise on the log10 (a noisy room, the other drum). Returns (features (n, 32, 24), pitch in semitones
    above 100 Hz (n, 32))."""
    t = torch.arange(TB_FRAMES).float() * 0.01
    f_open = 75 * torch.exp(math.log(130 / 75) * torch.rand(n, 1, generator=gen))
    p = torch.zeros(n, TB_FRAMES)
    for _ in range(3):
        on = (torch.rand(n, 1, generator=gen) < 0.7).float()
        c = 0.3 * torch.rand(n, 1, generator=gen)
        wdt = 0.06 + 0.14 * torch.rand(n, 1, generator=gen)
        h = torch.rand(n, 1, generator=gen) * torch.where(torch.rand(n, 1, generator=gen) < 0.2, -0.5, 1.0)
        u = ((t - c) / wdt).clamp(-1, 1)
        p = p + on * h * 0.5 * (1 + torch.cos(math.pi * u))
    p = p.clamp(0, 1.5)
    k = 0.6 + 0.6 * torch.rand(n, 1, generator=gen)
    f0 = f_open * torch.sqrt(1 + k * p)
    tau = 0.08 + 0.22 * torch.rand(n, 1, generator=gen)
    attack = 0.02 * torch.rand(n, 1, generator=gen)
    env = torch.exp(-F.relu(t - attack) / tau) * (t / attack.clamp_min(1e-3)).clamp(0.2, 1)
    bins = torch.linspace(math.log(60), math.log(500), TB_BINS)
    spec = torch.full((n, TB_FRAMES, TB_BINS), 1e-3)
    for partial in TB_PARTIALS:
        level = (0.3 + 0.7 * torch.rand(n, 1, generator=gen)) / partial
        lf = torch.log(f0 * partial).unsqueeze(2)
        spec = spec + (level * env).unsqueeze(2) * torch.exp(-0.5 * ((bins - lf) / 0.08) ** 2)
    x = torch.log10(spec) + 0.3 * torch.randn(spec.shape, generator=gen)
    return (x + 1.5) / 1.0, 12 * torch.log2(f0 / 100)


class PitchGRU(nn.Module):
    """A frame-wise recurrent pitch tracker: a GRU (24 -> 32) over the frames and a linear read-out of the pitch at
    every frame."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(TB_BINS, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.out(h).squeeze(2)


def pitch_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised frame pitch."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tabla_pitch(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The GRU tracker on 2048 strokes, the pitch standardised over them; held out: 1024 other strokes in batches of
    512; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(87202)
    x, y = _tb_strokes(train_size + 1024, gen)
    mu, sd = y[:train_size].mean(), y[:train_size].std()
    y = (y - mu) / sd
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PitchGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": pitch_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. barbecue smoking: cook time, bark thickness and colour (AdamW; long only)


def _bbq_cooks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Brisket flats in an offset smoker: pit 105-135 C, pit humidity as a vapour pressure of 3-20 kPa (wet bulb about
    35-60 C), air speed 0.5-3 m/s, thickness
    4-10 cm, rub sugar 0-40% (by mass of the rub), wrapped (Texas crutch) when the core reaches 60-75 C or never
    (30%). A two-node model in 2-minute steps for up to 36 h: the surface (1.8e5 J/m2K) heated by convection (h = 15
    v^0.6 W/m2K) and cooled by evaporation from a wet surface (mass transfer by the Lewis analogy, the drive
    p_sat(T_s) - p_v), losing heat to the core through half the thickness (k 0.45 W/mK); the surface water drying at
    that rate and refilled from the interior at a rate falling with the bark; the core by conduction (a time
    constant of 3 h x (thickness / 7 cm)^2). Wrapped: no evaporation, 20% better heat transfer (the foil and the
    braise), and the bark softens at 3% an hour. The bark grows on the dry fraction of the surface at an Arrhenius
    rate (Ea 60 kJ/mol) times (1 + 2 sugar) times (air speed)^0.3 (smoke deposition); its L* falls from 55 with the
    bark and the sugar's caramelisation. The cook ends at a core of 93 C (a few of the coldest, thickest cooks stop
    at 36 h). 1% noise on the time, 0.02 mm on the bark, 0.5 on L*. Returns (scaled inputs (n, 7), (log hours, bark
    mm, L*) (n, 3))."""
    pit = 105 + 30 * torch.rand(n, generator=gen)
    pv = 3 + 17 * torch.rand(n, generator=gen)  # kPa
    air = 0.5 + 2.5 * torch.rand(n, generator=gen)
    thick = 0.04 + 0.06 * torch.rand(n, generator=gen)
    sugar = 0.4 * torch.rand(n, generator=gen)
    wrap_at = torch.where(torch.rand(n, generator=gen) < 0.3, torch.full((n,), 200.0),
                          60 + 15 * torch.rand(n, generator=gen))

    def psat(tc: torch.Tensor) -> torch.Tensor:  # kPa, Tetens
        return 0.61078 * torch.exp(17.27 * tc / (tc + 237.3))

    dt = 2 / 60  # hours
    ts = torch.full((n,), 4.0)
    tcore = torch.full((n,), 4.0)
    water = torch.ones(n)
    bark = torch.zeros(n)
    wrapped = torch.zeros(n, dtype=torch.bool)
    done = torch.zeros(n, dtype=torch.bool)
    hours = torch.full((n,), 36.0)
    h = 15 * air**0.6  # W/m2K
    tau_core = 3.0 * (thick / 0.07) ** 2  # hours
    for step in range(int(36 / dt)):
        wrapped = wrapped | (tcore >= wrap_at)
        heat = torch.where(wrapped, 1.2 * h, h) * (pit - ts)
        evap = torch.where(wrapped, torch.zeros(n), 3.0 * h * water * F.relu(psat(ts) - pv))
        ts_new = ts + dt * 3600 * (heat - evap - 0.45 * (ts - tcore) / (thick / 2)) / 1.8e5
        refill = 0.3 / (1 + bark)
        water = (water + dt * (refill * (1 - water) - evap / 1200)).clamp(0, 1)
        rate = 0.25 * torch.exp(-60000 / 8.314 * (1 / (ts + 273.15) - 1 / (110 + 273.15))) * (1 + 2 * sugar) * air**0.3
        bark = torch.where(wrapped, bark * (1 - 0.03 * dt), bark + dt * rate * (1 - water) * (~done).float())
        tcore = tcore + dt * (ts - tcore) / tau_core * (~done).float()
        ts = torch.where(done, ts, ts_new)
        newly = (~done) & (tcore >= 93)
        hours = torch.where(newly, torch.full((n,), (step + 1) * dt), hours)
        done = done | newly
        if bool(done.all()):
            break
    lstar = 55 - 18 * (1 - torch.exp(-bark / 0.8)) - 6 * sugar * (bark > 0.2).float()
    hours = hours * torch.exp(0.01 * torch.randn(n, generator=gen))
    bark = bark + 0.02 * torch.randn(n, generator=gen)
    lstar = lstar + 0.5 * torch.randn(n, generator=gen)
    wrap_in = torch.where(wrap_at > 100, torch.full((n,), 1.0), (wrap_at - 67.5) / 4.3 / 3)
    x = torch.stack([(pit - 120) / 8.7, (pv - 11.5) / 4.9, (air - 1.75) / 0.72, (thick - 0.07) / 0.017,
                     (sugar - 0.2) / 0.115, wrap_in, (wrap_at > 100).float() * 2 - 1], 1)
    return x, torch.stack([torch.log(hours), bark, lstar], 1)


class BarkNet(nn.Module):
    """A SiLU MLP (three layers of 64) from the seven smoker and cut inputs to the three cook outcomes."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cook_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log time, bark thickness and L*."""
    x, y = batch
    return F.mse_loss(model(x), y)


def bbq_bark(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The bark net on 4096 simulated cooks, targets standardised over them; held out: 2048 other cooks in batches
    of 1024; AdamW with torch's weight decay 1e-2."""
    gen = torch.Generator().manual_seed(87302)
    x, y = _bbq_cooks(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BarkNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": cook_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. dumpling steaming: the sphere's first-term solution (Adamax)


def _dp_zeta(bi: torch.Tensor) -> torch.Tensor:
    """The first root of 1 - zeta cot(zeta) = Bi in (0, pi), by bisection."""
    lo, hi = torch.full_like(bi, 1e-6), torch.full_like(bi, math.pi - 1e-6)
    for _ in range(40):
        mid = (lo + hi) / 2
        g = 1 - mid / torch.tan(mid) - bi
        lo, hi = torch.where(g < 0, mid, lo), torch.where(g < 0, hi, mid)
    return (lo + hi) / 2


def _dp_dumplings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Dumplings in a bamboo steamer: a spherical filling (pork, k 0.45 W/mK, diffusivity 1.3e-7 m2/s) of radius
    0.9-1.8 cm, a wrapper 0.8-2.2 mm thick (k 0.3 W/mK, a series resistance), chilled (2-6 C) or frozen (-18 C: the
    latent heat of 60% water first, a delay of rho L V / (h A (T_steam - 0)) x 0.6), steam at 100 C less 3.3 C per km
    of altitude (0-3 km), in tier 1-3 (condensation h 900, 650, 450 W/m2K) with a lid gap of 0-5 mm lowering h by up
    to 40%. The centre temperature by the first term of the series (C1 exp(-zeta^2 Fo)); the time to 72 C at the
    centre, the wrapper's water uptake by then (8% sqrt(minutes) x its temperature factor / thickness^0.5, capped at
    60%), the centre temperature at 6 minutes. Noise: 1% on the time, 0.3 points on the uptake, 0.5 C on the
    temperature.
    Returns (scaled inputs (n, 7), (log minutes, uptake %, T at 6 min) (n, 3))."""
    radius = 0.009 + 0.009 * torch.rand(n, generator=gen)
    wrap = 0.0008 + 0.0014 * torch.rand(n, generator=gen)
    frozen = torch.rand(n, generator=gen) < 0.4
    t_start = torch.where(frozen, torch.full((n,), -18.0), 2 + 4 * torch.rand(n, generator=gen))
    alt = 3 * torch.rand(n, generator=gen)
    tier = torch.randint(0, 3, (n,), generator=gen)
    gap = 5 * torch.rand(n, generator=gen)
    t_steam = 100 - 3.3 * alt
    h = torch.tensor([900.0, 650.0, 450.0])[tier] * (1 - 0.08 * gap)
    k, alpha = 0.45, 1.3e-7
    h_eff = 1 / (1 / h + wrap / 0.3)
    bi = h_eff * radius / k
    z = _dp_zeta(bi)
    c1 = 4 * (torch.sin(z) - z * torch.cos(z)) / (2 * z - torch.sin(2 * z))
    t_eff0 = torch.where(frozen, torch.zeros(n), t_start)
    delay = torch.where(frozen, 1050 * 0.6 * 334e3 * radius / 3 / (h_eff * t_steam) * 0.6
                        + 1050 * 2000 * 18 * radius / 3 / (h_eff * t_steam), torch.zeros(n))
    theta = (t_steam - 72) / (t_steam - t_eff0)
    fo = torch.log(c1 / theta) / z**2
    secs = delay + fo * radius**2 / alpha
    minutes = secs / 60
    fo6 = F.relu(360 - delay) * alpha / radius**2
    t6 = torch.where(360 > delay, t_steam - (t_steam - t_eff0) * (c1 * torch.exp(-z**2 * fo6)).clamp(max=1),
                     t_start + (0 - t_start) * 360 / delay.clamp_min(1))
    uptake = (8 * minutes.sqrt() * (t_steam / 100) ** 2 / (wrap / 0.0015) ** 0.5).clamp(max=60)
    minutes = minutes * torch.exp(0.01 * torch.randn(n, generator=gen))
    uptake = uptake + 0.3 * torch.randn(n, generator=gen)
    t6 = t6 + 0.5 * torch.randn(n, generator=gen)
    x = torch.stack([(radius - 0.0135) / 0.0026, (wrap - 0.0015) / 0.0004, frozen.float() * 2 - 1,
                     (t_start + 5) / 10, (alt - 1.5) / 0.87, tier.float() - 1, (gap - 2.5) / 1.45], 1)
    return x, torch.stack([torch.log(minutes), uptake, t6], 1)


class SteamNet(nn.Module):
    """A ReLU MLP (two layers of 96) from the seven dumpling and steamer inputs to the three outcomes."""

    def __init__(self, hidden: int = 96) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def steam_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log time, uptake and 6-minute temperature."""
    x, y = batch
    return F.mse_loss(model(x), y)


def dumpling_steaming(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 96) -> dict[str, Any]:
    """The steaming net on 1024 dumplings, targets standardised over them; held out: 2048 other dumplings in batches
    of 1024; Adamax (torch's defaults)."""
    gen = torch.Generator().manual_seed(87402)
    x, y = _dp_dumplings(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SteamNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": steam_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. zorbing: speeds down the hill and the run-out (NAdam; long only)

ZB_MARKS = 8


def _zb_runs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Zorb runs: outer diameter 2.6-3.2 m (shell and inner sphere 70-95 kg, a thin shell's 2/3 M R^2), a rider of
    40-110 kg, harnessed (turning with the shell: the rider's inertia, 0.45 m of gyration plus 0.1 M R^2 of offset)
    or hydro (free at the bottom with 20-40 l of water: mass that translates but does not turn, and a sloshing drag
    of 8-15 N per m/s); inflation 0-1 (soft to firm) setting the flattening and so the rolling resistance Crr
    0.03-0.09 on grass of length 0-1 (short to long, +30%), heavier riders +10% per 75 kg; the hill's slope 8-18
    degrees over 120-220 m, then a flat. Air drag 0.5 rho 0.5 pi R^2 v^2. The equation of motion (M + I / R^2)
    dv/dt = forces, 0.05 s steps for up to 150 s. Targets: the speed at the end of each eighth of the slope (m/s)
    and the run-out on the flat (m, log). Noise: 0.03 m/s on speeds (timing gates), 1% on the run-out. Returns
    (scaled inputs (n, 8), targets (n, 9))."""
    diam = 2.6 + 0.6 * torch.rand(n, generator=gen)
    shell = 70 + 25 * torch.rand(n, generator=gen)
    rider = 40 + 70 * torch.rand(n, generator=gen)
    hydro = torch.rand(n, generator=gen) < 0.5
    water = torch.where(hydro, 20 + 20 * torch.rand(n, generator=gen), torch.zeros(n))
    slosh = torch.where(hydro, 8 + 7 * torch.rand(n, generator=gen), torch.zeros(n))
    firm = torch.rand(n, generator=gen)
    grass = torch.rand(n, generator=gen)
    slope = torch.deg2rad(8 + 10 * torch.rand(n, generator=gen))
    length = 120 + 100 * torch.rand(n, generator=gen)
    r = diam / 2
    mass = shell + rider + water
    inertia = 2 / 3 * shell * r**2 + torch.where(hydro, torch.zeros(n), rider * 0.45**2 + rider * 0.1 * r**2)
    m_eff = mass + inertia / r**2
    crr = (0.09 - 0.06 * firm) * (1 + 0.3 * grass) * (1 + 0.1 * (rider / 75 - 1))
    area = math.pi * r**2
    g, dt = 9.81, 0.05
    s = torch.zeros(n)
    v = torch.full((n,), 0.5)
    speeds = torch.zeros(n, ZB_MARKS)
    passed = torch.zeros(n, ZB_MARKS, dtype=torch.bool)
    stop = torch.full((n,), -1.0)
    for _ in range(int(150 / dt)):
        on_hill = s < length
        theta = torch.where(on_hill, slope, torch.zeros(n))
        force = (mass * g * torch.sin(theta) - crr * mass * g * torch.cos(theta) * (v > 0).float()
                 - slosh * v - 0.25 * 1.2 * area * v * v)
        v = (v + dt * force / m_eff).clamp_min(0)
        s = s + dt * v
        for k in range(ZB_MARKS):
            mark = length * (k + 1) / ZB_MARKS
            hit = (~passed[:, k]) & (s >= mark)
            speeds[:, k] = torch.where(hit, v, speeds[:, k])
            passed[:, k] = passed[:, k] | hit
        newly = (stop < 0) & (v <= 0) & (s >= length)
        stop = torch.where(newly, s - length, stop)
        if bool((stop >= 0).all()):
            break
    stop = torch.where(stop < 0, s - length, stop).clamp_min(1.0)
    speeds = speeds + 0.03 * torch.randn(speeds.shape, generator=gen)
    runout = torch.log(stop) + 0.01 * torch.randn(n, generator=gen)
    x = torch.stack([(diam - 2.9) / 0.17, (shell - 82.5) / 7.2, (rider - 75) / 20.2, hydro.float() * 2 - 1,
                     (firm - 0.5) / 0.29, (grass - 0.5) / 0.29, (torch.rad2deg(slope) - 13) / 2.9,
                     (length - 170) / 29], 1)
    return x, torch.cat([speeds, runout.unsqueeze(1)], 1)


class ZorbNet(nn.Module):
    """A tanh MLP (two layers of 64) from the eight run inputs to the eight speeds and the run-out."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, ZB_MARKS + 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def run_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised speeds and log run-out."""
    x, y = batch
    return F.mse_loss(model(x), y)


def zorb_run(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The zorb net on 4096 simulated runs, targets standardised over them; held out: 2048 other runs in batches of
    1024; NAdam (torch's defaults)."""
    gen = torch.Generator().manual_seed(87502)
    x, y = _zb_runs(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ZorbNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": run_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. parkour vault landings: GRF from a shin accelerometer (SGD with Nesterov momentum)

PK_LEN = 64  # samples at 500 Hz


def _pk_landings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Landings after a vault: drop height 0.5-2.0 m, technique (precision on the balls of the feet, a roll, a stiff
    landing), knee flexion 0-1 (stiff to soft), body mass 55-95 kg. The vertical GRF in body weights: a forefoot
    peak F1 at 8-15 ms and a heel peak F2 at 25-55 ms (Gaussian pulses), F2 = c v^1.3 (v = sqrt(2 g h)) with c by
    technique (precision 0.75, roll 0.45, stiff 1.2) and lowered by knee flexion (to 55%), F1 half to two thirds of F2
    for precision landings and less for the others; a roll adds a late, broad third pulse. The tibia's vertical
    acceleration: (F - 1) g times a gain falling with body mass, plus a soft-tissue wobble (a 15-25 Hz, damping
    0.2-0.4 oscillator driven by the force's rate) and 0.3 g noise; a sensor tilt of 0-25 degrees mixes vertical into
    the antero-posterior axis, with a technique-dependent forward braking trace; medio-lateral noise. Touch-down at
    sample 8-16. Targets: log peak vGRF and log peak loading rate (BW/s over 1 ms). Returns (accelerations (n, 3,
    64) in g / 10, targets (n, 2))."""
    h = 0.5 + 1.5 * torch.rand(n, 1, generator=gen)
    tech = torch.randint(0, 3, (n,), generator=gen)
    flex = torch.rand(n, 1, generator=gen)
    mass = 55 + 40 * torch.rand(n, 1, generator=gen)
    v = torch.sqrt(2 * 9.81 * h)
    c = torch.tensor([0.75, 0.45, 1.2])[tech].view(-1, 1)
    f2 = c * v**1.3 * (1 - 0.45 * flex) * (1 + 0.1 * (mass / 75 - 1))
    r1 = torch.tensor([0.6, 0.4, 0.35])[tech].view(-1, 1) + 0.08 * torch.rand(n, 1, generator=gen)
    f1 = r1 * f2
    t = torch.arange(PK_LEN).float().view(1, -1) / 500  # s
    t0 = (8 + 8 * torch.rand(n, 1, generator=gen)) / 500
    t1 = t0 + 0.008 + 0.007 * torch.rand(n, 1, generator=gen)
    t2 = t0 + 0.025 + 0.02 * torch.rand(n, 1, generator=gen) + 0.01 * flex
    w1 = 0.003 + 0.002 * torch.rand(n, 1, generator=gen)
    w2 = 0.008 + 0.006 * torch.rand(n, 1, generator=gen) + 0.006 * flex
    force = (f1 * torch.exp(-0.5 * ((t - t1) / w1) ** 2) + f2 * torch.exp(-0.5 * ((t - t2) / w2) ** 2)
             + (tech == 1).float().view(-1, 1) * 0.6 * torch.exp(-0.5 * ((t - t0 - 0.09) / 0.02) ** 2))
    force = force + (t >= t0).float() * 1.0 * (1 - torch.exp(-(t - t0).clamp_min(0) / 0.02))
    fine = torch.arange(0, PK_LEN * 2).float().view(1, -1) / 1000
    ffine = (f1 * torch.exp(-0.5 * ((fine - t1) / w1) ** 2) + f2 * torch.exp(-0.5 * ((fine - t2) / w2) ** 2))
    rate = ((ffine[:, 1:] - ffine[:, :-1]) * 1000).amax(1)
    peak = force.amax(1)
    # the soft-tissue wobble: a damped oscillator driven by the force's rate
    fw = 15 + 10 * torch.rand(n, 1, generator=gen)
    zeta = 0.2 + 0.2 * torch.rand(n, 1, generator=gen)
    wn = 2 * math.pi * fw
    dforce = torch.diff(force, dim=1, prepend=force[:, :1]) * 500
    y = torch.zeros(n, 1)
    yd = torch.zeros(n, 1)
    wob = []
    dt = 1 / 500 / 4
    for i in range(PK_LEN):
        for _ in range(4):
            ydd = dforce[:, i : i + 1] * 0.02 - 2 * zeta * wn * yd - wn**2 * y
            yd = yd + dt * ydd
            y = y + dt * yd
        wob.append(y * wn**2 / 200)
    wob = torch.cat(wob, 1)
    acc_v = (force - (t >= t0).float()) * (1.2 - 0.004 * (mass - 75)) + wob
    tilt = torch.deg2rad(25 * torch.rand(n, 1, generator=gen))
    brake = torch.tensor([0.3, 0.8, 0.15])[tech].view(-1, 1) * v * torch.exp(-0.5 * ((t - t1) / 0.01) ** 2)
    acc_ap = -acc_v * torch.sin(tilt) + brake * torch.cos(tilt)
    acc_vert = acc_v * torch.cos(tilt) + brake * torch.sin(tilt)
    acc_ml = 0.3 * torch.randn(n, PK_LEN, generator=gen)
    acc = torch.stack([acc_vert, acc_ap, acc_ml], 1) + 0.3 * torch.randn(n, 3, PK_LEN, generator=gen)
    return acc / 10, torch.stack([torch.log(peak), torch.log(rate)], 1)


class LandingCNN(nn.Module):
    """A 1-D CNN over the three accelerometer axes (as the IMU-to-GRF CNNs are written): two convolutions (k 7 and
    5, 16 and 32 channels) with ReLU and max pooling, average pooling to 4 positions, a dense layer of 32, two
    outputs."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(3, width, 7, padding=3), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.AdaptiveAvgPool1d(4))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(8 * width, 32), nn.ReLU(), nn.Linear(32, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def grf_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log peak vGRF and log loading rate."""
    x, y = batch
    return F.mse_loss(model(x), y)


def vault_landing(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The landing CNN on 2048 landings, targets standardised over them; held out: 1024 other landings in batches of
    512; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(87602)
    x, y = _pk_landings(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LandingCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": grf_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("banjo_tension_adam", banjo_tension, 300, "banjo_head_tap_spectrum_tension_cnn", "adam", "finite", 32,
      seconds=0.75, start_lr=0.016),
    W("tabla_pitch_rmsprop", tabla_pitch, 300, "tabla_bayan_pitch_bend_gru_tracker", "rmsprop", "finite", 32,
      seconds=1.1, start_lr=0.032),
    W("dumpling_steaming_adamax", dumpling_steaming, 300, "dumpling_steaming_sphere_heisler_mlp", "adamax",
      "finite", 32, seconds=0.15, start_lr=0.064),
    W("vault_landing_nesterov", vault_landing, 300, "parkour_landing_shin_imu_grf_cnn", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=0.5, start_lr=0.05),
)
LONG = (
    W("bbq_bark_adamw@long", bbq_bark, 3000, "bbq_smoking_stall_bark_mlp", "adamw_wd1e-2", "finite", 32,
      seconds=2.7, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("zorb_run_nadam@long", zorb_run, 3000, "zorbing_rolling_sphere_run_mlp", "nadam", "finite", 32,
      seconds=1.5, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("banjo_tension_adam@long", banjo_tension, 3000, "banjo_head_tap_spectrum_tension_cnn", "adam", "finite", 32,
      dict(train_size=16384), seconds=7.8, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="banjo_tension_adam"),
    W("dumpling_steaming_adamax@long", dumpling_steaming, 3000, "dumpling_steaming_sphere_heisler_mlp", "adamax",
      "finite", 32, dict(train_size=8192, hidden=32), seconds=1.2, start_lr=0.032, grid_fractions=(0.0, 0.05),
      long_of="dumpling_steaming_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam87_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the eighty-seventh exam's workloads")
