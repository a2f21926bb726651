"""The seventy-ninth exam: six more workload families that neither the suite nor exams 1-78 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam78_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from blacksmithing and quench
hardening, stained glass and lead came, indigo dyeing and vat chemistry, pigeon racing and homing flight, pole
vaulting and pole bending, and windmills and sail aerodynamics (exam 80 was built at the same time from other
domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam79/README.md``. The models are named with their sources from memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- blacksmith's quench hardness profiles: a sigmoid-hidden MLP (as the hardenability networks of Dobrzanski & Sitek,
  1998, from memory; theirs gave the Jominy curve from the composition) from a plain or low-alloy steel's
  composition, grain size, bar diameter and the smith's quenchant (brine, water, fast oil, vegetable oil) to the
  Rockwell C hardness at 10 depths from the surface to the centre of the quenched round bar; the profile from
  Grossmann's ideal critical diameter (multiplying factors), Just's / Hodge-Orehoski's martensite hardness, an
  equivalent Jominy distance per depth from the bar size and the quench severity H; 1 HRC of tester scatter;
  MSE of the standardised HRC; RAdam (torch's defaults)
- stained-glass colorant identification: a small 1-d CNN (as the spectral CNNs of Liu et al. 2017 for Raman
  spectra, from memory) classifies 64-point visible transmission spectra (380-780 nm) of antique and flashed
  glass into 8 colorants (cobalt blue, copper blue-green, chromium green, iron amber, manganese purple, gold ruby,
  selenium / cadmium sulphoselenide red, silver stain yellow); Beer-Lambert absorbances of each colorant's bands,
  a minor second colorant, thickness 2-5 mm, weathering crust and seed scattering, spectrometer noise;
  cross-entropy; Adam (torch's defaults)
- indigo vat dyeing: a tanh MLP from the vat (indigo g/L, pH, temperature, the reducer's excess, the fibre) and the
  dipping routine (dip and airing minutes) to the CIE lightness L* after each of 8 dips; the leuco-indigo fraction
  from the reducer, its mono- and diphenolate forms from pKa 7.97 and 12.7 (the monophenolate dyes cotton best,
  near pH 11), uptake per dip saturating with time and accumulated dye, incomplete oxidation on short airing;
  1.5 L* of unevenness and colorimeter noise; MSE of the standardised L*; RAdam (torch's defaults)
- pigeon race velocities: a ReLU MLP from a bird's age, loft training, race distance, the wind along and across
  the line of flight, temperature, cloud cover, the geomagnetic K index and water crossings to the race velocity
  (m/min, the sport's measure) and the route efficiency (straightness) of its homing flight; airspeed falling
  with distance and heat, drift in cross wind, sun-compass errors under overcast and map errors in magnetic
  storms; MSE of the standardised targets; SGD with Nesterov momentum 0.9 (a long plan of this family does not
  exist)
- pole vault pole bending (a long plan only): a SiLU MLP from the vaulter's mass and approach speed, grip height,
  the pole's length and flex rating, take-off angle and plant timing to the pole's peak chord shortening, the
  time of peak bend and the peak centre-of-mass height; the pole an Euler column (buckling load pi^2 EI / L^2,
  post-buckling chord shortening of the elastica), the energy return best where the pole's stiffness matches the
  take-off momentum; MSE of the standardised targets; RAdam (torch's defaults)
- traditional windmill sails (a long plan only): a GELU MLP from the sail type (common cloth, spring, patent
  shuttered), the number of sails, the cloth spread (reefing), weather (twist) angles at heel and tip, sail length
  and leading-board width to the power coefficient at 12 tip-speed ratios 0.5-6 (Smeaton's 1759 model-windmill
  curves in shape: low tip-speed ratios, peak Cp 0.1-0.3); Heier's Cp(lambda, beta) approximation rescaled to
  the solidity and twist; MSE of 10 Cp; RAdam (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the pole and the
windmill nets (no short plans), the quench net on 4096 bars instead of 512 and the indigo net on 8192 vat routines
instead of 2048.

Of the eight plans, six use RAdam (both quench plans, both indigo plans, pole vault, windmill), one Adam
(stained glass) and one SGD with Nesterov momentum (pigeons).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam79_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam79/README.md).

    python benchmarks/exam79_workloads.py          # the table
    python benchmarks/exam79_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 79"


# --------------------------------------------------------------------------------------------------------------
# 1. blacksmith's quench hardness profiles across a round bar (RAdam)

QH_DEPTHS = 10
QH_SEVERITY = torch.tensor([2.0, 1.0, 0.5, 0.3])  # Grossmann H: brine, still water, fast oil, vegetable oil


def _qh_bars(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Quenched round bars of plain and low-alloy steels (the smith's 1045, 1075, 1084, 5160, 4140, 8620, 52100-like
    range): C 0.2-1.0%, Mn 0.3-1.2, Si 0.15-0.4, Cr 0-1.5, Ni 0-1.5, Mo 0-0.3, ASTM grain size 5-9, diameter 8-50
    mm, one of four quenchants. Grossmann's ideal critical diameter DI = DI_base(C, grain) x the multiplying
    factors of Mn, Si, Cr, Ni, Mo; the Jominy distance of 50% martensite from DI; the equivalent Jominy distance of
    each of 10 depths (surface to centre) from the bar diameter and the quench severity H; the hardness from the
    as-quenched martensite hardness (Just: 60 sqrt(C) + 20, bent over above 0.5% C as retained austenite grows)
    down to a pearlite/bainite floor, along a logistic martensite fraction; 1 HRC of scatter. Returns (scaled
    inputs (n, 11), HRC / 10 (n, 10))."""
    c = 0.2 + 0.8 * torch.rand(n, generator=gen)
    mn = 0.3 + 0.9 * torch.rand(n, generator=gen)
    si = 0.15 + 0.25 * torch.rand(n, generator=gen)
    cr = 1.5 * torch.rand(n, generator=gen) ** 2
    ni = 1.5 * torch.rand(n, generator=gen) ** 3
    mo = 0.3 * torch.rand(n, generator=gen) ** 2
    grain = 5 + 4 * torch.rand(n, generator=gen)
    dia = 8 + 42 * torch.rand(n, generator=gen)
    q = torch.randint(0, 4, (n,), generator=gen)
    h = QH_SEVERITY[q] * torch.exp(0.1 * torch.randn(n, generator=gen))  # agitation varies
    di_base = 0.33 * c.sqrt() * 0.92 ** (grain - 7)  # inches
    di = di_base * (1 + 3.33 * mn) * (1 + 0.7 * si) * (1 + 2.16 * cr) * (1 + 0.36 * ni) * (1 + 3.0 * mo)
    j50 = 4.0 * di ** 1.3  # mm
    frac = torch.linspace(0, 1, QH_DEPTHS).view(1, -1)  # 0 the surface, 1 the centre
    jeq = 1.0 + 0.15 * dia.view(-1, 1) ** 1.25 * (0.25 + 0.75 * frac ** 1.5) / h.view(-1, 1) ** 0.6
    hmax = 60 * c.sqrt() + 20 - 45 * F.relu(c - 0.5) ** 1.5
    hmin = 8 + 22 * c + 6 * cr + 10 * mo
    m = torch.sigmoid(-3.0 * torch.log(jeq / j50.view(-1, 1)))
    hrc = hmin.view(-1, 1) + (hmax - hmin).view(-1, 1) * m
    hrc = hrc + 1.0 * torch.randn(hrc.shape, generator=gen)
    x = torch.stack([(c - 0.6) / 0.23, (mn - 0.75) / 0.26, (si - 0.275) / 0.072, (cr - 0.5) / 0.45,
                     (ni - 0.375) / 0.4, (mo - 0.1) / 0.09, (grain - 7) / 1.15, (dia - 29) / 12.1], 1)
    quench = F.one_hot(q, 4).float()[:, :3]
    return torch.cat([x, quench], 1), hrc / 10


class HardenabilityNet(nn.Module):
    """The hardenability network (as Dobrzanski & Sitek's, from memory): sigmoid hidden units, a linear output
    layer with one unit per depth."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Sigmoid(), nn.Linear(hidden, hidden), nn.Sigmoid(),
                                 nn.Linear(hidden, QH_DEPTHS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def hardness_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised hardness over the 10 depths."""
    x, y = batch
    return F.mse_loss(model(x), y)


def quench_hardness(batch_size: int = 64, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The hardenability net on 512 quenched bars, each depth's hardness standardised over them; held out: 2048
    other bars in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(79102)
    x, y = _qh_bars(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HardenabilityNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": hardness_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. stained-glass colorant identification from transmission spectra (Adam)

SG_PTS, SG_CLASSES = 64, 8
SG_WL = torch.linspace(380, 780, SG_PTS)


def _band(centre: float, width: float) -> torch.Tensor:
    return torch.exp(-0.5 * ((SG_WL - centre) / width) ** 2)


def _sg_bands() -> torch.Tensor:
    """The absorbance shape of each colorant (per unit concentration x thickness): cobalt's Co2+ triplet near 530,
    590 and 640 nm; copper's Cu2+ band rising into the red near 800 nm; chromium's Cr3+ bands at 450 and 650 nm;
    iron-sulphur amber's band at 410 nm and an ultraviolet edge; manganese's Mn3+ band at 500 nm; gold ruby's
    surface plasmon at 530 nm; the sulphoselenide absorption edge (a logistic below 590 nm); silver stain's plasmon
    at 415 nm."""
    edge = torch.sigmoid((590 - SG_WL) / 12)
    uv = torch.exp(-(SG_WL - 380) / 40)
    return torch.stack([
        0.8 * _band(530, 18) + 1.0 * _band(590, 20) + 0.9 * _band(640, 22),
        1.2 * _band(800, 110),
        0.9 * _band(450, 35) + 0.8 * _band(650, 45),
        1.0 * _band(410, 30) + 0.8 * uv,
        1.0 * _band(500, 55),
        1.1 * _band(530, 35),
        1.3 * edge,
        1.2 * _band(415, 28),
    ])


def _sg_spectra(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Transmission spectra of coloured glass: the colorant's band shapes, shifted by up to +-3 sample points
    (about +-19 nm; the base glass's composition), a concentration x thickness of 0.05-1.25 (most panes pale), a
    minor second colorant at up to 80% of it (flashed or mixed batches), the base glass's iron tint, weathering
    crust (a flat loss of 0-25%) and seed scattering (a blue-end loss), two reflecting surfaces (8%), 3% spectrometer
    noise; the model sees log10 of the transmission clipped at 1e-3. Returns (spectra (n, 1, 64), labels)."""
    bands = _sg_bands()
    y = torch.randint(0, SG_CLASSES, (n,), generator=gen)
    shift = torch.round(3 * torch.randn(n, generator=gen)).long().clamp(-3, 3)
    main = torch.stack([torch.roll(bands[int(k)], int(s)) for k, s in zip(y, shift)])
    other = bands[torch.randint(0, SG_CLASSES, (n,), generator=gen)]
    conc = 0.05 + 1.2 * torch.rand(n, 1, generator=gen) ** 2
    minor = 0.8 * torch.rand(n, 1, generator=gen) * conc
    tint = 0.15 * torch.rand(n, 1, generator=gen) * _band(1000, 250).view(1, -1)
    crust = 0.25 * torch.rand(n, 1, generator=gen)
    seed_scatter = 0.3 * torch.rand(n, 1, generator=gen) * (450 / SG_WL.view(1, -1)) ** 4
    absorb = conc * main + minor * other + tint
    t = 0.92 * (1 - crust) * torch.pow(10.0, -absorb) * torch.exp(-seed_scatter)
    t = t * (1 + 0.03 * torch.randn(t.shape, generator=gen))
    return torch.log10(t.clamp_min(1e-3)).unsqueeze(1), y


class SpectraCNN(nn.Module):
    """A small 1-d CNN for spectra (as the spectral-identification CNNs of Liu et al. 2017, from memory): two
    convolution / batch-norm / ReLU / max-pooling blocks and a dense layer."""

    def __init__(self, width: int = 16, hidden: int = 64) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(1, width, 7, padding=3), nn.BatchNorm1d(width), nn.ReLU(),
                                      nn.MaxPool1d(2), nn.Conv1d(width, width, 5, padding=2), nn.BatchNorm1d(width),
                                      nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(width * SG_PTS // 4, hidden), nn.ReLU(),
                                  nn.Linear(hidden, SG_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def colorant_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the colorant class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def stained_glass(batch_size: int = 64, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The spectra CNN on 4096 measured panes; held out: 2048 other panes in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(79202)
    x, y = _sg_spectra(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SpectraCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": colorant_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. indigo vat dyeing: lightness after each dip (RAdam)

IV_DIPS = 8


def _iv_routines(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vat routines: indigo 1-10 g/L, pH 10-12.8, temperature 20-50 C, reducer (dithionite or a fermentation
    vat's equivalent) at 0.4-2.0 times the stoichiometric need, dip 0.5-5 min, airing 1-15 min, fibre cotton,
    linen or wool. The reduced (leuco) fraction rises with the reducer's excess; leuco-indigo's monophenolate
    fraction from pKa 7.97 and 12.7 (the monophenolate has the affinity: best near pH 11 on cellulose, wool
    prefers a lower pH); uptake per dip saturating with dip time (faster when warm) and with the dye already on
    the fibre; airing below ~5 min leaves some leuco-indigo that washes off. L* from the dye on the fibre
    (exponential approach from the greige's 92 to 18), 1.5 of noise (dyeing unevenness and the colorimeter).
    Returns (scaled inputs (n, 9), L* / 10 (n, 8))."""
    ind = 1 + 9 * torch.rand(n, generator=gen)
    ph = 10 + 2.8 * torch.rand(n, generator=gen)
    temp = 20 + 30 * torch.rand(n, generator=gen)
    red = 0.4 + 1.6 * torch.rand(n, generator=gen)
    dip = 0.5 + 4.5 * torch.rand(n, generator=gen)
    air = 1 + 14 * torch.rand(n, generator=gen)
    fib = torch.randint(0, 3, (n,), generator=gen)
    leuco = ind * red**2 / (red**2 + 0.25) * torch.sigmoid(6 * (red - 0.6))
    mono = 1 / (1 + 10 ** (ph - 12.7) + 10 ** (7.97 - ph))
    di = 10 ** (ph - 12.7) * mono
    wool = (fib == 2).float()
    affinity = torch.tensor([1.0, 0.8, 1.6])[fib] * (mono + 0.15 * di) * torch.exp(-0.8 * wool * F.relu(ph - 11))
    rate = 0.6 * torch.exp(0.03 * (temp - 30))
    take = 1 - torch.exp(-rate * dip)
    fix = 1 - 0.5 * torch.exp(-air / 3)
    dye = torch.zeros(n)
    out = []
    for _ in range(IV_DIPS):
        sat = 30.0 * torch.tensor([1.0, 0.9, 1.3])[fib]
        dye = dye + 0.9 * leuco * affinity * take * fix * (1 - dye / sat).clamp_min(0)
        out.append(18 + 74 * torch.exp(-dye / 6))
    lstar = torch.stack(out, 1) + 1.5 * torch.randn(n, IV_DIPS, generator=gen)
    x = torch.stack([(ind - 5.5) / 2.6, (ph - 11.4) / 0.81, (temp - 35) / 8.7, (red - 1.2) / 0.46,
                     (dip - 2.75) / 1.3, (air - 8) / 4.0], 1)
    return torch.cat([x, F.one_hot(fib, 3).float()], 1), lstar / 10


class VatNet(nn.Module):
    """A tanh MLP from the vat and routine to the lightness after each dip."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, IV_DIPS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def lightness_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised L* over the 8 dips."""
    x, y = batch
    return F.mse_loss(model(x), y)


def indigo_vat(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 48) -> dict[str, Any]:
    """The vat net on 2048 dyeing routines, each dip's L* standardised over them; held out: 2048 other routines in
    batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(79302)
    x, y = _iv_routines(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VatNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": lightness_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. pigeon race velocities and route efficiency (SGD with Nesterov momentum)


def _pr_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Race flights: bird age 0.5-6 years, training tosses 0-30 this season, distance 80-900 km, wind along the
    line of flight -8 to +10 m/s and across it 0-10 m/s, temperature 8-32 C, cloud cover 0-1, geomagnetic K index
    0-7, km over open water 0-100. The still-air speed (about 19 m/s) rises with fitness and with age to 3 years,
    falls with distance (fatigue) and heat; the route efficiency (beeline / flown distance) falls with cloud (the
    sun compass), with a K index above 4, over water and for untrained birds, and with cross wind (drift, partly
    compensated); the velocity is beeline / time, with the wind along the line added at 70%. Noise of 4% on the
    velocity and 0.03 on the efficiency. Returns (scaled inputs (n, 9), (velocity / 1000 m/min, efficiency))."""
    age = 0.5 + 5.5 * torch.rand(n, generator=gen)
    train = 30 * torch.rand(n, generator=gen)
    dist = 80 + 820 * torch.rand(n, generator=gen)
    along = -8 + 18 * torch.rand(n, generator=gen)
    across = 10 * torch.rand(n, generator=gen)
    temp = 8 + 24 * torch.rand(n, generator=gen)
    cloud = torch.rand(n, generator=gen)
    kidx = 7 * torch.rand(n, generator=gen) ** 1.5
    water = 100 * torch.rand(n, generator=gen) ** 2
    fit = 1 - torch.exp(-train / 8)
    prime = 1 - 0.08 * (torch.log(age / 3)) ** 2
    air = 19.5 * (0.85 + 0.15 * fit) * prime * (1 - 0.09 * torch.log(dist / 80)) * (1 - 0.01 * F.relu(temp - 22))
    eff = (0.93 - 0.18 * cloud**2 - 0.05 * F.relu(kidx - 4) * (1 + cloud) - 0.0008 * water - 0.08 * (1 - fit)
           - 0.006 * across * (1 - 0.5 * fit))
    eff = eff.clamp(0.35, 0.98)
    ground = (air + 0.7 * along).clamp_min(4.0)
    vel = ground * eff * 60  # m/min along the beeline
    vel = vel * torch.exp(0.04 * torch.randn(n, generator=gen))
    eff = eff + 0.03 * torch.randn(n, generator=gen)
    x = torch.stack([(age - 3.25) / 1.6, (train - 15) / 8.7, (dist - 490) / 237, (along - 1) / 5.2,
                     (across - 5) / 2.9, (temp - 20) / 6.9, (cloud - 0.5) / 0.29, (kidx - 2.8) / 2.1,
                     (water - 33) / 30], 1)
    return x, torch.stack([vel / 1000, eff], 1)


class RaceNet(nn.Module):
    """A ReLU MLP from the flight's conditions to the velocity and route efficiency."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def race_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised velocity and route efficiency."""
    x, y = batch
    return F.mse_loss(model(x), y)


def pigeon_race(batch_size: int = 16, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The race net on 1024 flights, targets standardised over them; held out: 2048 other flights in batches of
    1024; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(79402)
    x, y = _pr_flights(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RaceNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": race_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. pole vault: pole bend and clearance (RAdam; long only)


def _pv_vaults(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vaults: mass 55-95 kg, approach speed 7-10 m/s, grip height 3.8-5.2 m, pole length 0.1-0.4 m above the grip,
    flex rating (the pole's weight rating relative to the vaulter's mass) 0.85-1.25, take-off angle 15-23 degrees,
    plant timing -0.1 to +0.1 s (early/late). The pole an Euler column of bending stiffness EI rising with the
    rating over the length squared; the compressive force from the vaulter's momentum turned at take-off; its
    post-buckling chord shortening from the elastica (P / P_cr - 1, eased, capped at 35%); the energy returned
    best where the stiffness matches the momentum (a log-quadratic loss), less when planted late; the peak
    centre-of-mass height from the kinetic energy returned, the take-off height and the push-off. Noise (motion
    capture and 1000 Hz video) 0.2 points of chord shortening, 1 ms, 1 cm. Returns (scaled inputs (n, 7), (chord
    shortening %, time of peak bend s, peak height m), standardised by the caller)."""
    m = 55 + 40 * torch.rand(n, generator=gen)
    v = 7 + 3 * torch.rand(n, generator=gen)
    grip = 3.8 + 1.4 * torch.rand(n, generator=gen)
    extra = 0.1 + 0.3 * torch.rand(n, generator=gen)
    rating = 0.85 + 0.4 * torch.rand(n, generator=gen)
    ang = 15 + 8 * torch.rand(n, generator=gen)
    plant = -0.1 + 0.2 * torch.rand(n, generator=gen)
    length = grip + extra
    ei = 1200 * rating * (m / 75) * (length / 4.6) ** 2.2  # N m2 (poles for heavier vaulters are stiffer)
    pcr = math.pi**2 * ei / length**2
    force = m * v**2 / grip * (0.9 + 0.025 * (ang - 19)) * (1 - 1.5 * plant)
    over = F.relu(force / pcr - 1)
    bend = 0.35 * torch.tanh(over / 0.9)
    match = torch.log(force / (2.0 * pcr))
    eff = 0.88 - 0.35 * match**2 - 0.6 * F.relu(plant) - 0.004 * (ang - 19) ** 2
    t_bend = 0.4 + 0.35 * bend + 0.5 * (grip / v - 0.5) + 0.15 * plant
    height = 1.25 + eff * v**2 / (2 * 9.81) + 0.45 * (grip - 4.5) + 0.08 * ang / 19
    bend = bend * 100 + 0.2 * torch.randn(n, generator=gen)
    t_bend = t_bend + 0.001 * torch.randn(n, generator=gen)
    height = height + 0.01 * torch.randn(n, generator=gen)
    x = torch.stack([(m - 75) / 11.5, (v - 8.5) / 0.87, (grip - 4.5) / 0.4, (extra - 0.25) / 0.087,
                     (rating - 1.05) / 0.115, (ang - 19) / 2.3, plant / 0.058], 1)
    return x, torch.stack([bend, t_bend, height], 1)


class VaultNet(nn.Module):
    """A SiLU MLP from the vaulter, the pole and the take-off to the bend, its timing and the clearance."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def vault_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised bend, time of peak bend and peak height."""
    x, y = batch
    return F.mse_loss(model(x), y)


def pole_vault(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The vault net on 4096 vaults, targets standardised over them; held out: 2048 other vaults in batches of 1024;
    RAdam."""
    gen = torch.Generator().manual_seed(79502)
    x, y = _pv_vaults(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": VaultNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": vault_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. traditional windmill sails: the power coefficient curve (RAdam; long only)

WM_TSR = torch.linspace(0.5, 6.0, 12)


def _wm_mills(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Windmill sail sets: type (common cloth, spring, patent), 4, 5, 6 or 8 sails, cloth spread 0.25-1 (the
    reefing: full sail to dagger point; shuttered sails read it as the shutter opening), weather (twist) angle at
    the heel 12-25 degrees and at the tip 0-10, sail length 7-13 m, leading board 0-1 (none to a full aerofoil
    leading board). Heier's Cp(lambda, beta) approximation with the tip-speed ratio rescaled so that the optimum
    falls at 1.8-3.5 (higher with fewer, narrower, less twisted sails), the pitch beta from the mean weather,
    scaled down by solidity losses, type factors (patent sails leak at the shutters, spring sails less), the
    leading board's gain; 0.001 of noise. Returns (scaled inputs (n, 9), 10 Cp at 12 tip-speed ratios)."""
    kind = torch.randint(0, 3, (n,), generator=gen)
    count = torch.tensor([4.0, 5.0, 6.0, 8.0])[torch.randint(0, 4, (n,), generator=gen)]
    spread = 0.25 + 0.75 * torch.rand(n, generator=gen)
    heel = 12 + 13 * torch.rand(n, generator=gen)
    tip = 10 * torch.rand(n, generator=gen)
    length = 7 + 6 * torch.rand(n, generator=gen)
    board = torch.rand(n, generator=gen)
    solidity = count * spread * 1.32 / (math.pi * length)  # sail area (about 0.13 L x L x spread) over the swept area
    beta = 0.35 * (heel + 2 * tip) / 3 + 2.0
    lam_opt = 1.8 + 1.7 * torch.exp(-3 * (solidity - 0.15).clamp_min(0)) - 0.03 * (heel - 18)
    scale = 12.0 / lam_opt  # Heier's curve peaks near lambda 12 at these pitches
    lam = WM_TSR.view(1, -1) * scale.view(-1, 1)
    b = beta.view(-1, 1)
    inv = 1 / (lam + 0.08 * b) - 0.035 / (b**3 + 1)
    cp = 0.5176 * (116 * inv - 0.4 * b - 5) * torch.exp(-21 * inv) + 0.0068 * lam
    gain = torch.tensor([0.55, 0.6, 0.5])[kind] * (1 + 0.25 * board) * (0.6 + 0.4 * spread ** 0.5)
    cp = (gain.view(-1, 1) * cp).clamp_min(-0.05)
    cp = cp + 0.001 * torch.randn(cp.shape, generator=gen)
    x = torch.stack([(count - 5.75) / 1.5, (spread - 0.625) / 0.22, (heel - 18.5) / 3.75, (tip - 5) / 2.9,
                     (length - 10) / 1.73, (board - 0.5) / 0.29], 1)
    return torch.cat([x, F.one_hot(kind, 3).float()], 1), 10 * cp


class SailNet(nn.Module):
    """A GELU MLP from the sail set to the Cp curve."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, len(WM_TSR)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def cp_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of 10 Cp over the 12 tip-speed ratios."""
    x, y = batch
    return F.mse_loss(model(x), y)


def windmill_sails(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The sail net on 4096 sail sets; held out: 2048 other sets in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(79602)
    x, y = _wm_mills(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SailNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": cp_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("quench_hardness_radam", quench_hardness, 300, "blacksmith_quench_bar_hardness_profile_ann", "radam", "finite",
      64, seconds=0.2, start_lr=0.512),
    W("stained_glass_adam", stained_glass, 300, "stained_glass_colorant_transmission_spectra_cnn", "adam", "finite",
      64, seconds=0.8, start_lr=0.016),
    W("indigo_vat_radam", indigo_vat, 300, "indigo_vat_dip_lightness_mlp", "radam", "finite", 32, seconds=0.2,
      start_lr=0.256),
    W("pigeon_race_nesterov", pigeon_race, 300, "pigeon_race_velocity_route_efficiency_mlp", "sgd_nesterov0.9",
      "finite", 16, seconds=0.1, start_lr=0.1),
)
LONG = (
    W("pole_vault_radam@long", pole_vault, 3000, "pole_vault_elastica_bend_clearance_mlp", "radam", "finite", 32,
      seconds=1.7, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("windmill_sails_radam@long", windmill_sails, 3000, "windmill_sail_heier_cp_curve_mlp", "radam", "finite", 32,
      seconds=2.0, start_lr=0.128, grid_fractions=(0.0, 0.05)),
    W("quench_hardness_radam@long", quench_hardness, 3000, "blacksmith_quench_bar_hardness_profile_ann", "radam",
      "finite", 32, dict(train_size=4096), seconds=1.5, start_lr=0.128, grid_fractions=(0.0, 0.05),
      long_of="quench_hardness_radam"),
    W("indigo_vat_radam@long", indigo_vat, 3000, "indigo_vat_dip_lightness_mlp", "radam", "finite", 32,
      dict(train_size=8192), seconds=1.6, start_lr=0.064, grid_fractions=(0.0, 0.05), long_of="indigo_vat_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam79_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the seventy-ninth exam's workloads")
