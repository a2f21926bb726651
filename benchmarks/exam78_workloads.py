"""The seventy-eighth exam: six more workload families that neither the suite nor exams 1-76 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam76_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from slinkies and spring waves,
soap bubbles and film drainage, lava lamps and wax convection, cuckoo clocks and escapement timing, wind chimes and
tube modes, and sourdough and starter fermentation (exam 77 was built at the same time from other domains; its
module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam78/README.md``. Every field convention below (formulas, constants, the models' sources)
is from the author's memory, simplified, and not looked up.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- slinky spring waves: an MLP from a stretched slinky's make (steel or plastic, number of coils, wire size, coil
  diameter) and its stretched length to the first four longitudinal and four transverse standing-wave frequencies
  (a helical spring's k = G d^4 / (8 D^3 N) and mass, the coil chain's discrete dispersion for longitudinal waves,
  the tension k (L - L0) with a bending-stiffness correction for transverse waves); 5% reading scatter (a phone
  tuner on a wobbling slinky); MSE of the standardised log frequencies; Adam (torch's defaults)
- vertical soap-film drainage: a tanh MLP from the solution (surfactant in multiples of the CMC, a rigidifying
  co-surfactant or not, glycerol fraction), the frame height, humidity and temperature to the film thickness seen
  by interferometry at 10 times (Mysels-style Poiseuille drainage between rigid or mobile surfaces, the
  water-glycerol viscosity, evaporation, the common-black-film floor); MSE of log10 thickness; RMSprop (torch's
  alpha 0.99)
- cuckoo-clock pendulum timing: a tanh MLP from the bob position, bob mass, drive weight, temperature, humidity (a
  wooden rod), beat error and oil age to the semi-arc amplitude and the daily rate (an energy balance of the recoil
  escapement's impulse against air and pivot losses; the period with the circular error and a recoil-escapement
  error that grows with the drive force); MSE of the standardised outputs; SGD with Nesterov momentum 0.9
- wind chimes ringing in gusty wind: a GELU MLP from the wind (mean speed, turbulence intensity) and the chime (sail
  area, string length, clapper mass, number of tubes, clapper gap, tube length) to the strike rate, the strike speed
  and the sound level of a ten-minute recording; the chimes from a random-vibration model (the sail's fluctuating
  drag, von Karman's gust spectrum at the clapper pendulum's frequency, its resonant and background response, Rice's
  formula for the rate of crossings of the gap); 4% / 1 dB scatter; MSE of the standardised log rate, log speed and
  level; AdamW (weight decay 1e-2)
- lava-lamp wax convection (a long plan only): an MLP from the bulb power, room temperature, bottle height, the
  wax-liquid density mismatch at room temperature, the liquid's viscosity and the wax load to the warm-up time, the
  blob diameter (Rayleigh-Taylor), its rise speed (Hadamard-Rybczynski) and the cycle period; 1% scatter of the
  logs (each lamp timed over many cycles); MSE of the standardised logs; NAdam (torch's defaults)
- sourdough starter fermentation (a long plan only): a 1-D CNN forecasts a starter jar's rise (a distance sensor's
  height every 10 minutes) at 8, 10, ..., 24 h from its first 6 h and the feeding's flour, temperature, hydration and
  ratio (the forecast of a "when will it peak" starter monitor); the rises from a two-population Monod model of
  yeast and lactic-acid bacteria (Ratkowsky square-root temperature laws, acid inhibition, gas held by a gluten
  network that leaks as acid builds, so the rise peaks and falls), each starter with its own unknown balance and
  vigour; MSE of the heights in jar volumes; Adamax (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the lava lamp and the
sourdough starter (no short plans), the slinky net on 8192 slinkies instead of 1024 (in batches of 8 instead of 32)
and the film-drainage net on 6144 films instead of 768.

Of the eight plans, two use Adam (both slinky plans), two RMSprop (both soap-film plans), one SGD with Nesterov
momentum (cuckoo clock), one AdamW (wind chime), one NAdam (lava lamp) and one Adamax (sourdough).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam78_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam78/README.md).

    python benchmarks/exam78_workloads.py          # the table
    python benchmarks/exam78_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 78"


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Columns standardised by the training rows' mean and sd (the first ``n``)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


def std_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (standardised) targets."""
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. slinky spring waves: longitudinal and transverse standing waves of a stretched slinky (Adam)


def _sk_slinkies(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Slinkies stretched between two clamps: steel (G 79 GPa, 7850 kg/m3, wire 0.5-1.0 mm) or plastic (G 1.0 GPa,
    1200 kg/m3, wire 2-4 mm), 50-100 coils of diameter 30-75 mm, stretched to 1.15-4 times the closed length plus
    0.2-2.5 m. k = G d^4 / (8 D^3 N), mass rho (pi d^2 / 4) (pi D N). Longitudinal modes of the chain of N coils
    with fixed ends: f_n = (N / pi) sqrt(k / m) sin(n pi / (2 N)) (the discrete chain's dispersion). Transverse
    modes: tension T = k (L - L0) over the line density m / L, f_n = n / (2 L) sqrt(T / mu) (1 + B n^2) with a
    bending correction B from the coil's flexural stiffness, and a sag term from gravity for slack plastic ones.
    5% reading scatter (a phone tuner on a wobbling slinky). Returns (features (n, 6), log frequencies (n, 8))."""
    plastic = torch.rand(n, generator=gen) < 0.4
    g_mod = torch.where(plastic, torch.full((n,), 1.0e9), torch.full((n,), 79e9))
    rho = torch.where(plastic, torch.full((n,), 1200.0), torch.full((n,), 7850.0))
    d = torch.where(plastic, 2e-3 + 2e-3 * torch.rand(n, generator=gen), 0.5e-3 + 0.5e-3 * torch.rand(n, generator=gen))
    coils = torch.randint(50, 101, (n,), generator=gen).float()
    dia = 0.03 + 0.045 * torch.rand(n, generator=gen)
    l0 = coils * d
    stretch = 0.2 + 2.3 * torch.rand(n, generator=gen)
    length = l0 + stretch
    k = g_mod * d**4 / (8 * dia**3 * coils)
    m = rho * (math.pi * d**2 / 4) * (math.pi * dia * coils)
    modes = torch.arange(1, 5).float().view(1, -1)
    f_long = ((coils / math.pi).view(-1, 1) * (k / m).sqrt().view(-1, 1)
              * torch.sin(modes * math.pi / (2 * coils.view(-1, 1))))
    tension = k * stretch + 0.5 * m * 9.81 * plastic.float() * 0.2
    mu = m / length
    ei = g_mod * math.pi * d**4 / 64 * coils / length * dia / d / 400  # the coil as a soft beam (rough)
    bend = (math.pi**2 * ei / (2 * tension * length**2)).view(-1, 1)
    f_tr = modes / (2 * length.view(-1, 1)) * (tension / mu).sqrt().view(-1, 1) * (1 + bend * modes**2)
    f = torch.cat([f_long, f_tr], 1) * torch.exp(0.05 * torch.randn(n, 8, generator=gen))
    x = torch.stack([plastic.float() * 2 - 1, (coils - 75) / 14.7, (d - 1.7e-3) / 1.2e-3,
                     (dia - 0.0525) / 0.013, (stretch - 1.35) / 0.66, (length - 1.45) / 0.68], 1)
    return x, torch.log(f)


class SlinkyModeNet(nn.Module):
    """A SiLU MLP from the slinky's six make / stretch features to its eight log mode frequencies (the plain MLP
    surrogate of spring-design ANN studies, from memory; no published slinky net is known to the author)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 8))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def slinky_waves(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The slinky net on ``train_size`` measured slinkies, log frequencies standardised over them; held out: 2048
    other slinkies in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(78102)
    x, y = _sk_slinkies(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SlinkyModeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": std_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. vertical soap-film drainage seen by interferometry (RMSprop)

SF_TIMES = torch.logspace(math.log10(2.0), math.log10(120.0), 10)  # seconds after the film is drawn


def _sf_films(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Films drawn in a vertical frame: SDS at 1-10 CMC, with or without dodecanol (rigid surfaces), glycerol 0-50
    wt%, frame height 2-10 cm (the thickness read at mid-height), relative humidity 30-95%, 15-30 C. The viscosity
    of water-glycerol (an exponential fit in the glycerol fraction, Arrhenius-like in T); initial thickness 1-4 um
    (rising with concentration); Poiseuille drainage between rigid surfaces h^-2 = h0^-2 + 2 rho g t / (3 mu z)
    (Mysels-like), mobile surfaces drain faster (marginal regeneration; h ~ t^-2/3) and more so at low
    concentration; evaporation thins by J t with J proportional to 1 - RH; the film stops at a common black film
    of 30-60 nm. 2% reading scatter. Returns (features (n, 7), log10 thickness in nm (n, 10))."""
    conc = 1 + 9 * torch.rand(n, generator=gen)
    rigid = (torch.rand(n, generator=gen) < 0.5).float()
    gly = 0.5 * torch.rand(n, generator=gen)
    height = 0.02 + 0.08 * torch.rand(n, generator=gen)
    rh = 0.3 + 0.65 * torch.rand(n, generator=gen)
    temp = 15 + 15 * torch.rand(n, generator=gen)
    mu = 1.0e-3 * torch.exp(2.3 * gly + 4.5 * gly**2) * torch.exp(-0.022 * (temp - 20) * (1 + gly))
    z = height / 2
    h0 = 1e-6 * (1 + 0.3 * conc) * (1 + gly)
    t = SF_TIMES.view(1, -1)
    rate = (2 * 1000 * 9.81 / (3 * mu * z.view(-1))).view(-1, 1)
    h_rigid = (h0.view(-1, 1) ** -2 + rate * t) ** -0.5
    mob = 1 + (1 - rigid.view(-1, 1)) * 3.0 / (1 + 0.3 * conc.view(-1, 1))
    h_mob = h0.view(-1, 1) * (1 + (rate * mob * t * h0.view(-1, 1) ** 2) ** (2 / 3) * 1.2) ** -1.0
    h = rigid.view(-1, 1) * h_rigid + (1 - rigid.view(-1, 1)) * h_mob
    evap = 2.5e-9 * (1 - rh).view(-1, 1) * (1 + 0.05 * (temp.view(-1, 1) - 20)) * t
    black = (30 + 30 * rigid + 3 * conc).view(-1, 1) * 1e-9
    h = black + F.softplus((h - evap - black) / 5e-9) * 5e-9
    h = h * torch.exp(0.02 * torch.randn(h.shape, generator=gen))
    x = torch.stack([(conc - 5.5) / 2.6, rigid * 2 - 1, (gly - 0.25) / 0.144, (height - 0.06) / 0.023,
                     (rh - 0.625) / 0.19, (temp - 22.5) / 4.3, torch.log(h0 / 2e-6) / 0.4], 1)
    return x, torch.log10(h / 1e-9)


class FilmDrainageNet(nn.Module):
    """A tanh MLP from the seven film conditions to log10 thickness at the ten reading times (the small tanh ANNs of
    foam and film stability studies, from memory; the layout is the author's choice)."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 10))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def soap_film(batch_size: int = 16, seed: int = 0, train_size: int = 768, hidden: int = 48) -> dict[str, Any]:
    """The drainage net on ``train_size`` measured films (log10 nm, standardised over them per reading time); held
    out: 2048 other films in batches of 1024; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(78202)
    x, y = _sf_films(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FilmDrainageNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": std_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. cuckoo-clock pendulum: amplitude and daily rate from a recoil-escapement energy balance (SGD Nesterov)


def _cc_clocks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One-day cuckoo clocks (a wooden pendulum rod, a recoil anchor escapement driven by a chain weight): bob
    position +-8 mm about 150 mm effective length, bob mass 15-45 g, time-train weight 0.6-2.2 kg, 5-35 C, relative
    humidity 25-85% (the wooden rod swells along its length a little), beat error 0-4 degrees, oil age 0-12 years.
    The impulse per beat is proportional to the weight's torque times the train's efficiency (falling with oil age)
    and the beat error's loss; the losses per beat to air drag and pivot friction grow as amplitude^2 / Q with Q
    proportional to the bob mass; the semi-arc is where they balance. The period is 2 pi sqrt(L / g) (1 + theta0^2
    / 16) (the circular error), L from the bob position, thermal and hygroscopic length changes; the recoil
    escapement's error speeds the clock up in proportion to impulse / (bob mass x amplitude) (Airy's result, sign
    and size from memory). Rate in s/day against a reference pendulum; amplitude in degrees; the observer's scatter
    0.3 degree and 3 s/day. Returns (features (n, 7), (amplitude, rate) (n, 2))."""
    pos = -8 + 16 * torch.rand(n, generator=gen)
    mass = 0.015 + 0.03 * torch.rand(n, generator=gen)
    weight = 0.6 + 1.6 * torch.rand(n, generator=gen)
    temp = 5 + 30 * torch.rand(n, generator=gen)
    rh = 0.25 + 0.6 * torch.rand(n, generator=gen)
    beat = 4 * torch.rand(n, generator=gen)
    oil = 12 * torch.rand(n, generator=gen)
    length = (0.150 + pos * 1e-3) * (1 + 5e-6 * (temp - 20) + 8e-4 * (rh - 0.5))
    eff = 0.55 * torch.exp(-0.06 * oil)
    impulse = weight * eff * (1 - 0.015 * beat**2)
    q = 40 * (mass / 0.03) ** 0.8 / (1 + 0.04 * oil)
    amp = 14 * (impulse * q / 40 / (mass / 0.03) ** 0.3).clamp_min(1e-3) ** 0.5  # degrees
    theta = torch.deg2rad(amp)
    period = 2 * math.pi * (length / 9.81).sqrt() * (1 + theta**2 / 16)
    recoil = 1 - 2.5e-3 * impulse / ((mass / 0.03) * (amp / 14))
    period = period * recoil
    ref = 2 * math.pi * (0.150 / 9.81) ** 0.5
    rate = 86400 * (ref / period - 1)
    amp = amp + 0.3 * torch.randn(n, generator=gen)
    rate = rate + 3 * torch.randn(n, generator=gen)
    x = torch.stack([pos / 4.6, (mass - 0.03) / 0.0087, (weight - 1.4) / 0.46, (temp - 20) / 8.7, (rh - 0.55) / 0.17,
                     (beat - 2) / 1.15, (oil - 6) / 3.5], 1)
    return x, torch.stack([amp, rate], 1)


class PendulumRateNet(nn.Module):
    """A tanh MLP from the seven clock conditions to the (standardised) amplitude and daily rate (the author's choice:
    a back-propagation ANN as horology and mechanism-timing studies use them, from memory; no published cuckoo-clock
    net is known to the author)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cuckoo_clock(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The rate net on 2048 clock logs, outputs standardised over them; held out: 2048 other clocks in batches of
    1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(78302)
    x, y = _cc_clocks(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PendulumRateNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": std_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. wind chimes: how often and how hard a chime rings in gusty wind, Rice's formula on a buffeted clapper (AdamW)


def _wc_chimes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ten-minute recordings of a hung chime: mean wind 0.5-9 m/s with turbulence intensity 0.1-0.5 (a porch's
    gusts), a sail (wind catcher) of 50-400 cm2 on a string of 15-45 cm below the clapper, clapper mass 20-150 g, the
    clapper's gap to the ring of 5-8 tubes 1-4 cm, the tubes' length 30-90 cm (their fundamental, for the sound
    level). The sail's drag force 0.5 rho Cd A U^2 fluctuates with the gusts (2 sigma_u / U of it), the clapper-sail
    pendulum (its frequency from the string's length, damping 3-8%) answers the force spectrum (von Karman's, with
    an integral length 2-20 m) at its frequency plus the mean force's quasi-static tilt; the clapper's rms swing is
    the resonant and background parts. Strikes by Rice's formula: the rate of crossings of the gap, f_n exp(-(gap -
    tilt)^2 / (2 x_rms^2)), shared among the tubes; strike speed ~ omega x_rms; the sound level from the strike speed,
    the clapper mass and the tubes' length. 4% scatter of the rates and 1 dB of the level. Returns (features (n, 8),
    log strikes a minute, log strike speed, level in dB / 10 (n, 3))."""
    u = 0.5 + 8.5 * torch.rand(n, generator=gen)
    ti = 0.1 + 0.4 * torch.rand(n, generator=gen)
    area = (50 + 350 * torch.rand(n, generator=gen)) * 1e-4
    string = 0.15 + 0.3 * torch.rand(n, generator=gen)
    mass = 0.02 + 0.13 * torch.rand(n, generator=gen)
    tubes = torch.randint(5, 9, (n,), generator=gen).float()
    gap = 0.01 + 0.03 * torch.rand(n, generator=gen)
    length = 0.3 + 0.6 * torch.rand(n, generator=gen)
    lint = 2 + 18 * torch.rand(n, generator=gen)
    zeta = 0.03 + 0.05 * torch.rand(n, generator=gen)
    f_mean = 0.5 * 1.2 * 1.2 * area * u**2
    f_std = f_mean * 2 * ti
    m_eff = mass + 0.2 * 1.2 * area**1.5 + 0.01
    fn = (9.81 / (string + 0.05)).sqrt() / (2 * math.pi)
    k = m_eff * (2 * math.pi * fn) ** 2
    fl = fn * lint / u
    spec = 4 * fl / (1 + 70.8 * fl**2) ** (5 / 6)  # von Karman's f S(f) / sigma^2
    resonant = (math.pi / (4 * zeta) * spec).sqrt() * f_std / k
    background = f_std / k * 0.6
    x_rms = (resonant**2 + background**2).sqrt()
    tilt = f_mean / k * 0.3
    reach = (gap - tilt).abs() + 0.002
    rate = fn * 60 * torch.exp(-(reach**2) / (2 * x_rms**2)) * 2 + 0.05
    speed = 2 * math.pi * fn * (x_rms + 0.3 * tilt) + 0.01
    level = 60 + 20 * torch.log10(speed / 0.1) + 10 * torch.log10(mass / 0.05) + 6 * torch.log10(length / 0.6)
    rate = rate * torch.exp(0.04 * torch.randn(n, generator=gen))
    speed = speed * torch.exp(0.04 * torch.randn(n, generator=gen))
    level = level + torch.randn(n, generator=gen)
    x = torch.stack([(u - 4.75) / 2.45, (ti - 0.3) / 0.115, (area * 1e4 - 225) / 101, (string - 0.3) / 0.087,
                     (mass - 0.085) / 0.0375, (tubes - 6.5) / 1.12, (gap - 0.025) / 0.0087, (length - 0.6) / 0.173], 1)
    return x, torch.stack([torch.log(rate), torch.log(speed), level / 10], 1)


class ChimeRingNet(nn.Module):
    """A GELU MLP from the eight wind and chime features to the log strike rate, the log strike speed and the level
    (an ANN emulator of a random-vibration model, the author's choice; no published wind-chime net is known to the
    author)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def wind_chime(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The ringing net on ``train_size`` recorded chimes, outputs standardised over them; held out: 2048 other chimes
    in batches of 1024; AdamW with weight decay 1e-2 (torch's default)."""
    gen = torch.Generator().manual_seed(78402)
    x, y = _wc_chimes(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ChimeRingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": std_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. lava-lamp wax convection: warm-up, blob size, rise speed and cycle period (NAdam; long only)


def _ll_lamps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Lamps: bulb 25-40 W, room 15-30 C, bottle height 0.3-0.45 m, the wax's density excess over the liquid at
    room temperature 5-25 kg/m3, liquid viscosity 1-5 mPa s, wax load 10-25% of the bottle. The wax (expansion
    9e-4 / K) becomes lighter than the liquid (3e-4 / K) when heated by dT* = drho / (rho (b_w - b_l)); the base
    reaches T_room + P R (R falling with height: more liquid to heat); warm-up = the lower quarter's heat capacity x
    (dT* + melt) / net power. Blob diameter from the Rayleigh-Taylor wavelength 2 pi sqrt(3 sigma / (drho_eff g))
    (sigma 5 mN/m; times 0.3 here), drho_eff the buoyancy at the base's excess over dT*; rise speed
    Hadamard-Rybczynski (2/3) drho_eff g r^2 / mu (1 + k) / (2 + 3 k) with the wax / liquid viscosity ratio k, times
    0.01 (blobs never reach it); cycle = 2 H / v + a heating time ~ r^2 / alpha. 1% scatter of the logs (one lamp
    timed over many cycles). Returns (features (n, 6), log outputs (n, 4))."""
    power = 25 + 15 * torch.rand(n, generator=gen)
    room = 15 + 15 * torch.rand(n, generator=gen)
    height = 0.3 + 0.15 * torch.rand(n, generator=gen)
    drho = 5 + 20 * torch.rand(n, generator=gen)
    visc = 1e-3 + 4e-3 * torch.rand(n, generator=gen)
    load = 0.1 + 0.15 * torch.rand(n, generator=gen)
    dt_star = drho / (900 * 6e-4)
    excess = power * 2.4 / (height / 0.35) ** 0.7  # the base's rise above room (K)
    over = F.softplus((excess - dt_star) / 3) * 3 + 2
    vol = 3.5e-3 * height / 0.35
    heat_cap = 0.25 * vol * (load * 900 * 2100 + (1 - load) * 1000 * 4000)  # the lower quarter heats first
    net_power = (power * 0.8 - 0.1 * (height / 0.35) * (40 - room)).clamp_min(3)
    warm = heat_cap * (dt_star + 10 + 12 * load * 0.5) / net_power
    drho_eff = 900 * 6e-4 * over
    dia = 0.6 * math.pi * (3 * 5e-3 / (drho_eff * 9.81)).sqrt() * (1 + 0.8 * load)
    r = dia / 2
    k = 30e-3 / visc
    v = (2 / 3) * drho_eff * 9.81 * r**2 / visc * (1 + k) / (2 + 3 * k) * 0.01  # far below the steady speed
    cycle = 2 * height / v + r**2 / 1.5e-7 * 0.05
    y = torch.stack([torch.log(warm / 60), torch.log(dia * 100), torch.log(v * 100), torch.log(cycle)], 1)
    y = y + 0.01 * torch.randn(y.shape, generator=gen)
    x = torch.stack([(power - 32.5) / 4.3, (room - 22.5) / 4.3, (height - 0.375) / 0.043, (drho - 15) / 5.8,
                     (visc - 3e-3) / 1.15e-3, (load - 0.175) / 0.043], 1)
    return x, y


class LavaLampNet(nn.Module):
    """A GELU MLP from the six lamp conditions to the four log observables (the author's choice, a convection
    surrogate MLP as heat-transfer ANN papers use them, from memory)."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def lava_lamp(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The lamp net on 4096 timed lamps, log outputs standardised over them; held out: 2048 other lamps in batches of
    1024; NAdam."""
    gen = torch.Generator().manual_seed(78502)
    x, y = _ll_lamps(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LavaLampNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": std_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. sourdough starter: forecasting the jar's rise from its first six hours with a 1-D CNN (Adamax; long only)

SD_FLOURS = 3  # white wheat, whole wheat, rye
SD_SEEN, SD_DT = 36, 1 / 6  # the first 6 h of height readings, every 10 minutes
SD_AHEAD = torch.arange(8.0, 25.0, 2.0)  # the forecast hours after feeding


def _sd_feedings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Feedings of an established starter logged by a distance sensor over the jar: flour (white, whole wheat, rye),
    18-32 C, hydration 60-140%, feeding ratio 1:1 to 1:10 (starter : flour), and a starter whose yeast / lactic-acid-
    bacteria balance and vigour are unknown (drawn per feeding). A two-population Monod model integrated in
    10-minute steps: yeast and LAB grow on the fermentable sugar (the flour's free sugar plus amylase release) at
    rates from Ratkowsky's square-root model (LAB with a higher minimum and a steeper rise with temperature), both
    inhibited by the lactic acid the LAB make; the yeast's CO2 inflates the dough, and the gluten network leaks gas
    faster as the acid builds and the hydration rises (the rise peaks, then falls); the lid of a 3.2-volume jar
    stops the fastest. The sensor's height in jar volumes with 0.01 noise. Returns (the first 6 h of heights
    (n, 36), the feeding's scaled conditions (n, 5), the heights at 8, 10, ..., 24 h (n, 9))."""
    flour = torch.randint(0, SD_FLOURS, (n,), generator=gen)
    temp = 18 + 14 * torch.rand(n, generator=gen)
    hyd = 0.6 + 0.8 * torch.rand(n, generator=gen)
    ratio = 1 + 9 * torch.rand(n, generator=gen)
    vigour = torch.exp(0.3 * torch.randn(n, generator=gen))
    lab_share = 0.3 + 0.6 * torch.rand(n, generator=gen)
    sugar = torch.tensor([0.6, 0.9, 1.2])[flour]
    amylase = torch.tensor([0.03, 0.05, 0.08])[flour]
    gluten = torch.tensor([1.0, 0.75, 0.4])[flour]
    mu_y = (0.025 * (temp - 2)) ** 2 * vigour  # per hour (Ratkowsky: sqrt(mu) = b (T - Tmin))
    mu_l = (0.03 * (temp - 8)) ** 2 * vigour
    inoc = 1 / (1 + ratio)
    yeast, lab = inoc * (1 - lab_share), inoc * lab_share * 3
    s = sugar.clone()
    acid = 0.3 * inoc
    gas = torch.zeros(n)
    heights = []
    for step in range(round(24 / SD_DT)):
        monod = s / (0.15 + s)
        gy = mu_y * monod * yeast / (1 + (acid / 1.5) ** 2)
        gl = mu_l * monod * lab / (1 + (acid / 3.0) ** 3)
        s = (s + SD_DT * (amylase - 0.6 * gy - 0.4 * gl)).clamp_min(0)
        yeast, lab = yeast + SD_DT * gy, lab + SD_DT * gl
        acid = acid + SD_DT * (0.8 * gl + 0.02 * lab)
        leak = 0.05 * (1 + acid**2) * hyd / gluten
        gas = gas + SD_DT * (3.0 * gy + 0.04 * yeast * monod - leak * gas)
        heights.append(1 + gas * gluten**0.5 * (1.6 - 0.5 * hyd))
    h = 3.2 - F.softplus(3.2 - torch.stack(heights, 1), beta=8)  # a 3.2-volume jar: the dough meets the lid
    h = h + 0.01 * torch.randn(h.shape, generator=gen)
    seen = h[:, :SD_SEEN]
    ahead = h[:, (SD_AHEAD / SD_DT).long() - 1]
    cond = torch.cat([F.one_hot(flour, SD_FLOURS).float()[:, 1:], ((temp - 25) / 4.0).unsqueeze(1),
                      ((hyd - 1.0) / 0.23).unsqueeze(1), ((ratio - 5.5) / 2.6).unsqueeze(1)], 1)
    return seen, cond, ahead


class RiseForecastCNN(nn.Module):
    """A 1-D CNN over the first 6 h of heights (two convolutions of width 5, 16 and 32 channels, the second with
    stride 2, global average and max pooling), joined with the feeding's conditions, through a dense layer of 64 to
    the heights at the nine forecast hours (added to the last height seen): the 1-D CNN forecaster of
    sensor-based fermentation and process monitoring papers, from memory; the layout is the author's choice."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(2, width, 5, padding=2), nn.ReLU(),
                                  nn.Conv1d(width, 2 * width, 5, stride=2, padding=2), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(4 * width + 5, 64), nn.ReLU(), nn.Linear(64, len(SD_AHEAD)))

    def forward(self, seen: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        rel = seen - 1
        z = self.conv(torch.stack([rel, rel - F.pad(rel, (1, 0))[:, :-1]], 1) * 4)
        z = torch.cat([z.mean(2), z.amax(2), cond], 1)
        return seen[:, -1:] + self.head(z)


def rise_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the forecast heights (jar volumes)."""
    seen, cond, ahead = batch
    return F.mse_loss(model(seen, cond), ahead)


def sourdough_starter(batch_size: int = 16, seed: int = 0, train_size: int = 4096, width: int = 16) -> dict[str, Any]:
    """The rise-forecast CNN on 4096 logged feedings; held out: 2048 other feedings in batches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(78602)
    s, c, a = _sd_feedings(train_size + 2048, gen)
    tr = (s[:train_size], c[:train_size], a[:train_size])
    torch.manual_seed(seed)
    return {"model": RiseForecastCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], c[train_size:], a[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": rise_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("slinky_waves_adam", slinky_waves, 300, "slinky_helical_spring_wave_modes_mlp", "adam", "finite", 32,
      seconds=0.14, start_lr=0.064),
    W("soap_film_rmsprop", soap_film, 300, "vertical_soap_film_drainage_thickness_mlp", "rmsprop", "small_finite", 16,
      seconds=0.1, start_lr=0.008),
    W("cuckoo_clock_nesterov", cuckoo_clock, 300, "cuckoo_clock_recoil_escapement_rate_mlp", "sgd_nesterov0.9",
      "finite", 32, seconds=0.1, start_lr=0.05),
    W("wind_chime_adamw", wind_chime, 300, "wind_chime_gust_strike_rate_rice_mlp", "adamw_wd1e-2", "finite", 32,
      seconds=0.17, start_lr=0.064),
)
LONG = (
    W("lava_lamp_nadam@long", lava_lamp, 3000, "lava_lamp_wax_blob_convection_mlp", "nadam", "finite", 32,
      seconds=1.7, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("sourdough_starter_adamax@long", sourdough_starter, 3000, "sourdough_starter_monod_rise_forecast_cnn", "adamax",
      "finite", 16, seconds=3.9, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("slinky_waves_adam@long", slinky_waves, 3000, "slinky_helical_spring_wave_modes_mlp", "adam", "finite", 8,
      dict(train_size=8192), seconds=1.1, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="slinky_waves_adam"),
    W("soap_film_rmsprop@long", soap_film, 3000, "vertical_soap_film_drainage_thickness_mlp", "rmsprop", "finite", 16,
      dict(train_size=6144), seconds=1.0, start_lr=0.002, grid_fractions=(0.0, 0.05), long_of="soap_film_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam78_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventy-eighth exam's workloads")
