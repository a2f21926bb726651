"""The fifty-fifth exam: six more workload families that neither the suite nor exams 1-54 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam54_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from dairy science and milk
processing, ski resorts and snowmaking, sugar refining, eddy-covariance greenhouse-gas flux measurement,
musical-instrument acoustics (lutherie) and cement manufacturing (kiln control). Exam 56 was built at the same time
by someone else; its module was not opened. What was checked to make them new is in
``benchmarks/results/exam55/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- milk composition and coagulation from mid-infrared spectra with a 1-d CNN (dairy science): two convolutions over
  a 128-point FTIR absorbance spectrum of milk, pooling, a dense head to fat, protein, lactose and the rennet
  coagulation time (standardised); spectra from Gaussian absorption bands of the components (fat's carbonyl and
  C-H bands, protein's amide I / II, lactose's C-O region) with a baseline, a path-length factor and instrument
  noise; the coagulation time a nonlinear function of protein, pH and calcium; MSE; Adam (the usual choice of
  spectroscopy CNNs, from memory)
- next-day skier visits at a ski resort with an LSTM (ski resorts and snowmaking): 14 days of snowfall, snow depth
  (natural and machine-made), temperature, weekend / holiday flags and the visits themselves, plus tomorrow's
  forecast inputs; one LSTM layer of 24 units and a linear output; the log visits less the resort's season mean;
  MSE; RMSprop (Keras's usual choice for an LSTM forecaster, rho 0.9); held out on other resorts
- vacuum-pan sugar crystallisation with a back-propagation ANN (sugar refining): an MLP 8-16-16-3 (tanh, MATLAB's
  "tansig" of the sugar-industry ANN papers, and a linear output) from a white-sugar strike's operating settings
  (seed mass and size, feed syrup brix and purity, steam pressure, pan absolute pressure, boiling time, stirrer)
  to the product's mean crystal size (MA), its coefficient of variation (CV) and the crystal yield, standardised;
  the strikes from a simplified moment model of growth, secondary nucleation and agglomeration with laboratory
  noise; MSE; SGD with momentum 0.9 (back-propagation with momentum)
- violin top-plate eigenfrequencies with a feed-forward network (after Gonzalez et al. 2021, "A data-driven
  approach to violin making"): an MLP 11-32-32-5 (ReLU) from the plate's geometry (length, arching height,
  thickness and its graduation, f-hole position, bass bar) and its spruce's elastic constants and density to the
  first five free-plate mode frequencies (log Hz, standardised); frequencies from orthotropic-plate scaling laws
  with arching stiffening and mode-dependent mixtures of the elastic constants; MSE; Adam
- eddy-covariance flux gap-filling with an ANN (after Papale & Valentini 2003, ONEFlux's ANN; a long plan only): an
  MLP 9-24-12-1 (tanh) from global radiation, air temperature, VPD, soil temperature and water content, u* and the
  time of day and of year (sine / cosine terms) to the half-hourly net ecosystem exchange of CO2; one site-year of a temperate
  forest (a rectangular-hyperbola light response with VPD limitation and a phenology, Lloyd-Taylor respiration),
  the flux random error double-exponential with a magnitude-dependent scale (Richardson et al. 2006), filled on
  artificial gaps; MSE; AdamW with weight decay 1e-4
- clinker free-lime soft sensor with a dynamic (lagged-input) ANN (cement kiln control; a long plan only): an MLP
  64-32-16-1 (tanh) over the last 8 hours of 8 kiln variables (burning-zone temperature, kiln drive torque,
  secondary-air temperature, coal and raw-meal feed, kiln speed, back-end O2 and NOx) predicts the hourly
  laboratory free lime (f-CaO %) of the clinker; the kiln from a slow thermal state driven by the feeds, with an
  unmeasured raw-meal burnability; trained on 100 days, held out on the last 50; MSE; NAdam (from memory: a
  choice of several published process soft sensors)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the flux gap-filling
ANN and the free-lime ANN (no short plans), the sugar ANN on 2048 strikes instead of 256 and the skier LSTM on 2048
windows instead of 1536. A violin-plate long plan (on 512, 2048 and 4096 plates) and a milk-CNN long plan were
tried and dropped (flat or too slow: see the README).

Of the eight plans, two use plain Adam (milk CNN, violin plate), two RMSprop (both skier plans), two SGD with
momentum (both sugar plans), one AdamW (flux gap-filling) and one NAdam (free lime).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam55_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam55/README.md).

    python benchmarks/exam55_workloads.py          # the table
    python benchmarks/exam55_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 55"


# --------------------------------------------------------------------------------------------------------------
# 1. milk composition and coagulation from mid-infrared spectra with a 1-d CNN (Adam)

MIR_PTS = 128


def _mir_spectra(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """FTIR absorbance spectra of raw milk at 128 points over 925-3000 cm-1 (water's bands removed, as the milk
    analysers do): Gaussian bands of fat (carbonyl 1745, C-H 2855 / 2925, 1465), protein (amide I 1650, amide II
    1545), lactose (C-O 1040-1160) and a citrate / mineral band, with concentrations of fat U[2.5, 6]%, protein
    U[2.8, 4.2]%, lactose U[4.3, 5.1]%; band positions shifted slightly with temperature, a sloped baseline, a
    path-length factor and instrument noise. The rennet coagulation time (min) rises as protein and calcium fall
    and as pH rises (a nonlinear, saturating function). Returns (spectra (n, 1, 128), targets (n, 4): fat,
    protein, lactose, RCT)."""
    wn = torch.linspace(925, 3000, MIR_PTS)
    fat = 2.5 + 3.5 * torch.rand(n, 1, generator=gen)
    prot = 2.8 + 1.4 * torch.rand(n, 1, generator=gen)
    lact = 4.3 + 0.8 * torch.rand(n, 1, generator=gen)
    ph = 6.55 + 0.25 * torch.rand(n, 1, generator=gen)
    ca = 1.0 + 0.4 * torch.rand(n, 1, generator=gen)  # g/L
    shift = 4 * torch.randn(n, 1, generator=gen)

    def band(centre: float, width: float) -> torch.Tensor:
        return torch.exp(-0.5 * ((wn - centre - shift) / width) ** 2)

    a = (fat * (0.12 * band(1745, 18) + 0.09 * band(2925, 30) + 0.06 * band(2855, 22) + 0.03 * band(1465, 20))
         + prot * (0.10 * band(1650, 28) + 0.07 * band(1545, 25))
         + lact * (0.05 * band(1040, 22) + 0.04 * band(1075, 18) + 0.03 * band(1155, 25))
         + ca * 0.04 * band(1400, 35) + (7.0 - ph) * 0.3 * band(1570, 40))
    path = 1 + 0.05 * torch.randn(n, 1, generator=gen)
    base = 0.02 * torch.randn(n, 1, generator=gen) + 0.01 * torch.randn(n, 1, generator=gen) * (wn - 1960) / 1000
    x = path * a + base + 0.004 * torch.randn(n, MIR_PTS, generator=gen)
    rct = 8 + 14 * torch.sigmoid(6 * (ph - 6.68)) * (3.5 / prot) ** 1.5 * (1.2 / ca) + 0.8 * torch.randn(
        n, 1, generator=gen)
    y = torch.cat([fat, prot, lact, rct], 1)
    y = y + torch.tensor([0.05, 0.04, 0.04, 0.0]) * torch.randn(n, 4, generator=gen)  # reference-method error
    return x.unsqueeze(1) * 2, y


class MilkCNN(nn.Module):
    """A small 1-d CNN for spectra (in the style of the dairy MIR CNNs): two convolutions with ReLU and
    max-pooling, a dense layer and a linear output per trait."""

    def __init__(self, width: int = 8, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(1, width, 9, padding=4), nn.ReLU(), nn.MaxPool1d(4),
                                  nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(4), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * MIR_PTS // 16, hidden), nn.ReLU(), nn.Linear(hidden, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def trait_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the standardised traits."""
    x, y = batch
    return F.mse_loss(model(x), y)


def milk_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 1024) -> dict[str, Any]:
    """The milk CNN on 1024 spectra with reference analyses (traits standardised over them); held out: 1024 other
    samples in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(55102)
    x, y = _mir_spectra(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MilkCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": trait_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. next-day skier visits with an LSTM (RMSprop)

SK_DAYS, SK_WIN, SK_RESORTS = 140, 14, 24


def _sk_seasons(gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """24 resorts' 140-day winter seasons: snowfall events (a wet spell process), natural snow depth with settling
    and melt above 0 C, machine-made snow whenever the wet-bulb-like temperature is below -3 C (early season
    first), weekends and a Christmas / February holiday block; visits = the resort's size times a season curve,
    weekend and holiday multipliers, a fresh-snow boost (a powder day), a cold / warm penalty and a depth
    (coverage) saturation, with log-normal day noise. Returns (features (resorts, days, 7), log visits)."""
    r, d = SK_RESORTS, SK_DAYS
    day = torch.arange(d).float()
    size = math.log(2000) + 0.7 * torch.randn(r, 1, generator=gen)
    temp = (-3 - 5 * torch.sin(math.pi * day / d) + 12 * (day / d) ** 2 - 4 * torch.rand(r, 1, generator=gen)
            + 3 * torch.randn(r, d, generator=gen))
    wet = torch.rand(r, d, generator=gen) < 0.25
    snowfall = wet * (temp < 1) * (-torch.log(torch.rand(r, d, generator=gen).clamp_min(1e-6)) * 12)  # cm
    natural, made = torch.zeros(r, d), torch.zeros(r, d)
    nat, mm = torch.zeros(r), torch.zeros(r)
    for t in range(d):
        melt = 1.5 * F.relu(temp[:, t])
        nat = (0.97 * nat + snowfall[:, t] - melt).clamp_min(0)
        can_make = (temp[:, t] < -3) & (nat + mm < 80)
        mm = (mm + can_make * 6 * (1 + 0.3 * (t < 30)) - 0.5 * melt).clamp_min(0)
        natural[:, t], made[:, t] = nat, mm
    dow = (day + torch.randint(0, 7, (r, 1), generator=gen)) % 7
    weekend = (dow >= 5).float()
    holiday = (((day >= 35) & (day < 47)) | ((day >= 84) & (day < 93))).float().expand(r, d)
    season = -0.6 * ((day - 70) / 70) ** 2
    depth = natural + made
    lv = (size + season + 0.55 * weekend + 0.7 * holiday + 0.35 * torch.tanh(snowfall / 15)
          + 0.25 * torch.tanh(F.pad(snowfall, (1, 0))[:, :-1] / 15) - 0.03 * F.relu(-temp - 12) ** 1.2
          - 0.05 * F.relu(temp - 4) + torch.log(torch.sigmoid((depth - 30) / 12) + 0.05)
          + 0.12 * torch.randn(r, d, generator=gen))
    feats = torch.stack([snowfall / 10, natural / 50, made / 50, temp / 6, weekend, holiday], 2)
    return feats, lv


def _sk_windows(n_resorts: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Every 14-day window of every resort's season, with the next day's weather, calendar and snow known (the
    forecast inputs) and its log visits the target: (windows (n, 15, 7), targets (n,))."""
    xs, ys = [], []
    for _ in range(max(1, n_resorts // SK_RESORTS)):
        f, lv = _sk_seasons(gen)
        mean = lv.mean(1, keepdim=True)
        lvn = lv - mean
        for t in range(SK_WIN, SK_DAYS):
            hist = torch.cat([f[:, t - SK_WIN : t + 1], F.pad(lvn[:, t - SK_WIN : t], (0, 1)).unsqueeze(2)], 2)
            xs.append(hist)
            ys.append(lvn[:, t])
    return torch.cat(xs), torch.cat(ys)


class SkierLSTM(nn.Module):
    """One LSTM layer over the window (the last step carries tomorrow's forecast inputs and a zero for the unknown
    visits) and a linear output from the last hidden state."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.lstm = nn.LSTM(7, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.out(h[:, -1]).squeeze(1)


def visits_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log visits (each resort's season mean removed)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def skier_lstm(batch_size: int = 32, seed: int = 0, train_size: int = 1536,
               resorts: int = SK_RESORTS) -> dict[str, Any]:
    """The skier-visits LSTM on 1536 of the 3024 windows of 24 resorts' seasons (``resorts`` draws more seasons);
    held out: 1024 windows of 24 other resorts in batches of 512; RMSprop (rho 0.9, Keras's default)."""
    gen = torch.Generator().manual_seed(55202)
    x, y = _sk_windows(resorts, gen)
    xe, ye = _sk_windows(SK_RESORTS, gen)
    pick = torch.randperm(len(y), generator=gen)[:train_size]
    tr = (x[pick], y[pick])
    pe = torch.randperm(len(ye), generator=gen)[:1024]
    torch.manual_seed(seed)
    return {"model": SkierLSTM(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((xe[pe], ye[pe]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9), "rmsprop_rho0.9"),
            "loss_fn": visits_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. vacuum-pan sugar crystallisation with a back-propagation ANN (SGD with momentum)


def _sugar_strikes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """White-sugar vacuum-pan strikes: seed mass and mean size, feed syrup brix and purity, steam pressure, pan
    absolute pressure (so the boiling temperature), boiling time and stirrer speed. A simplified moment model:
    the supersaturation follows the evaporation rate (steam) against the crystal surface; growth rate Arrhenius in
    temperature, linear in (S - 1) and slowed by impurities; secondary nucleation above S ~ 1.2 adds fines (raising
    CV, lowering MA); agglomeration at low stirring raises CV; the yield from the final mother-liquor purity.
    Returns (settings scaled to about [-1, 1] (n, 8), (MA mm, CV %, yield %) (n, 3))."""
    u = torch.rand(n, 8, generator=gen) * 2 - 1
    seed_mass = 1.0 + 0.5 * u[:, 0]  # kg per m3 of massecuite
    seed_size = 0.012 + 0.006 * u[:, 1]  # mm
    brix = 72 + 3 * u[:, 2]
    purity = 96 + 3 * u[:, 3]
    steam = 1.2 + 0.4 * u[:, 4]  # bar
    p_abs = 0.18 + 0.06 * u[:, 5]  # bar
    hours = 2.5 + 0.8 * u[:, 6]
    stir = 1.0 + 0.4 * u[:, 7]
    temp = 60 + 60 * p_abs + 0.5 * (brix - 72)  # C
    evap = steam * (1 + 0.02 * (brix - 72))
    area = seed_mass.pow(1 / 3) * 2
    sat = 1 + 0.12 * evap / area * (1 - 0.04 * (100 - purity))
    growth = 0.35 * torch.exp(-2.0 * (1 / (temp + 273) - 1 / 343) * 1e3) * (sat - 1) * (1 - 0.05 * (100 - purity))
    fines = F.softplus((sat - 1.18) * 40) / 40
    ma = seed_size + growth * hours / (1 + 4 * fines) * (1 / seed_mass).pow(1 / 3)
    cv = 28 + 60 * fines + 8 * F.relu(1.0 - stir) ** 1.5 * 4 - 6 * (stir - 1) + 4 * (seed_size / 0.012 - 1)
    yield_ = 55 * (1 - (100 - purity) / 12) * torch.tanh(growth * hours * 2.5) + 4 * (brix - 72) / 3
    y = torch.stack([ma, cv, yield_], 1)
    y = y * (1 + torch.tensor([0.015, 0.02, 0.01]) * torch.randn(n, 3, generator=gen))
    return u, y


class PanANN(nn.Module):
    """A back-propagation network as in the sugar-industry ANN papers: two hidden layers of 16 tanh ("tansig")
    units and a linear output."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def strike_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the standardised MA, CV and yield."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sugar_ann(batch_size: int = 16, seed: int = 0, train_size: int = 256, hidden: int = 16) -> dict[str, Any]:
    """The pan ANN on 256 strikes (a refinery's few seasons of records; outputs standardised over them); held out:
    1024 other strikes in batches of 512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(55302)
    x, y = _sugar_strikes(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PanANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": strike_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. violin top-plate eigenfrequencies with a feed-forward network (Adam)


def _violin_plates(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Violin top plates: length, lower-bout width, arching height, mean thickness and its graduation (centre vs
    edge), f-hole position, bass-bar height, and the spruce's longitudinal and radial moduli, shear modulus and
    density (Gonzalez et al.'s kind of parameters, spread as tonewood varies). The first five free-plate modes
    (1, 2, 3, 4, 5: torsion, X, ring and their neighbours): an orthotropic-plate scaling f ~ h / L^2 sqrt(E / rho)
    with each mode's own mixture of E_L, E_R and G_LR, stiffened by the arching (more for the ring-like modes),
    shifted by the graduation, the bass bar and the f-holes; a small measurement error. Returns (parameters scaled
    to [-1, 1] (n, 11), log frequencies (n, 5))."""
    u = torch.rand(n, 11, generator=gen) * 2 - 1
    L = 0.356 * (1 + 0.02 * u[:, 0])
    wid = 0.205 * (1 + 0.04 * u[:, 1])
    arch = 0.0155 * (1 + 0.15 * u[:, 2])
    h = 0.0029 * (1 + 0.12 * u[:, 3])
    grad = 0.15 * u[:, 4]
    fpos = 0.05 * u[:, 5]
    bar = 1 + 0.2 * u[:, 6]
    el = 11e9 * (1 + 0.25 * u[:, 7])
    er = 0.9e9 * (1 + 0.3 * u[:, 8])
    g = 0.7e9 * (1 + 0.3 * u[:, 9])
    rho = 420 * (1 + 0.15 * u[:, 10])
    mix = torch.tensor([[0.10, 0.15, 0.75], [0.55, 0.35, 0.10], [0.30, 0.55, 0.15], [0.45, 0.45, 0.10],
                        [0.40, 0.50, 0.10]])
    base = torch.tensor([80.0, 145.0, 235.0, 290.0, 350.0])
    arch_k = torch.tensor([0.6, 1.0, 1.2, 2.0, 2.6])
    e = torch.stack([el / 11e9, er / 0.9e9, g / 0.7e9], 1)
    e_mode = (e.log() @ mix.T).exp()  # geometric mixture per mode
    aspect = (wid / 0.205).unsqueeze(1) ** torch.tensor([0.3, -0.8, 0.5, -0.4, 0.2])
    plate = (h / 0.0029 / (L / 0.356) ** 2).unsqueeze(1) * (e_mode / (rho / 420).unsqueeze(1)).sqrt() * aspect
    shell = (1 + arch_k * ((arch / 0.0155).unsqueeze(1) ** 2 * (0.0029 / h).unsqueeze(1)) * 0.3)
    f = base * plate * shell / (1 + arch_k * 0.3)
    f = f * (1 + grad.unsqueeze(1) * torch.tensor([0.05, -0.08, 0.12, -0.06, 0.1]))
    f = f * (1 + (bar - 1).unsqueeze(1) * torch.tensor([0.02, 0.06, 0.01, 0.08, 0.03]))
    f = f * (1 + fpos.unsqueeze(1) * torch.tensor([-0.3, 0.1, 0.4, 0.2, -0.5]) * torch.tanh(
        (arch / 0.0155 - 1).unsqueeze(1) * 4))
    f = f * torch.exp(0.01 * torch.randn(n, 5, generator=gen))
    return u, f.log()


class PlateNet(nn.Module):
    """A feed-forward network from the plate parameters to the mode frequencies: two hidden ReLU layers."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def mode_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the five standardised log frequencies."""
    x, y = batch
    return F.mse_loss(model(x), y)


def violin_plate(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The plate network on 512 simulated plates (log frequencies standardised over them); held out: 1024 other
    plates in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(55402)
    x, y = _violin_plates(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PlateNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": mode_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. eddy-covariance NEE gap-filling with an ANN (AdamW; long only)

EC_HH = 17520


def _ec_site_year(gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One site-year of half-hourly drivers and NEE (umol m-2 s-1) at a temperate deciduous forest: clear-sky
    radiation times a cloudiness process, air temperature (seasonal, diurnal and synoptic), VPD from temperature
    and a humidity process, soil temperature (lagged, damped), soil water (drying between rain events), u*;
    GPP = a rectangular-hyperbola light response (alpha 0.04, a Pmax following the canopy's phenology and
    temperature) limited above 10 hPa VPD; Reco = Lloyd-Taylor (E0 = 200 K) on soil temperature, lowered by dry
    soil; the random error double-exponential with scale 0.6 + 0.15 |NEE| (Richardson et al. 2006). Returns (the
    network's 9 inputs, NEE)."""
    t = torch.arange(EC_HH).float()
    doy = t / 48
    hod = (t % 48) / 2
    decl = 23.45 * torch.sin(torch.deg2rad(360 * (284 + doy) / 365))
    lat = math.radians(48)
    ha = torch.deg2rad(15 * (hod - 12))
    dec = torch.deg2rad(decl)
    sin_el = math.sin(lat) * torch.sin(dec) + math.cos(lat) * torch.cos(dec) * torch.cos(ha)
    clear = 1100 * sin_el.clamp_min(0)
    cl = torch.randn(EC_HH // 48 + 1, generator=gen)
    cloud_day = torch.sigmoid(1.2 * cl).repeat_interleave(48)[:EC_HH]
    rg = clear * (1 - 0.7 * cloud_day) * (1 + 0.1 * torch.randn(EC_HH, generator=gen)).clamp(0.5, 1.5)
    syn = torch.randn(EC_HH // 48 + 1, generator=gen).repeat_interleave(48)[:EC_HH]
    ta = 9 - 10 * torch.cos(2 * math.pi * (doy - 15) / 365) + 4 * torch.sin(2 * math.pi * (hod - 9) / 24) * (
        1 - 0.5 * cloud_day) + 3 * syn
    rh = (0.75 - 0.2 * torch.sin(2 * math.pi * (hod - 9) / 24) - 0.1 * (1 - cloud_day)).clamp(0.2, 0.98)
    vpd = 6.1078 * torch.exp(17.27 * ta / (ta + 237.3)) * (1 - rh)
    ts = 9 - 7 * torch.cos(2 * math.pi * (doy - 35) / 365) + 0.8 * syn
    rain = (torch.rand(EC_HH // 48 + 1, generator=gen) < 0.3).float().repeat_interleave(48)[:EC_HH]
    swc = 0.3 - 0.1 * torch.sin(2 * math.pi * (doy - 100) / 365).clamp_min(0) + 0.04 * rain
    ustar = (0.15 + 0.25 * torch.rand(EC_HH // 48 + 1, generator=gen).repeat_interleave(48)[:EC_HH]) * (
        0.6 + 0.4 * sin_el.clamp_min(0))
    pheno = torch.sigmoid((doy - 120) / 7) * torch.sigmoid((290 - doy) / 10)
    pmax = 28 * pheno * torch.exp(-((ta - 22) / 14) ** 2)
    alpha = 0.04
    gpp = alpha * rg * pmax / (alpha * rg + pmax + 1e-3) * torch.exp(-0.05 * F.relu(vpd - 10))
    reco = 2.2 * torch.exp(200 * (1 / 56.02 - 1 / (ts + 46.02))) * (swc / 0.3).clamp(0.3, 1.2)
    nee = reco - gpp
    scale = (0.25 + 0.08 * nee.abs()) / math.sqrt(2)
    e = torch.rand(EC_HH, generator=gen) - 0.5
    noise = -scale * torch.sign(e) * torch.log1p(-2 * e.abs())
    obs = nee + noise
    x = torch.stack([rg / 500, (ta - 10) / 8, vpd / 10, (ts - 9) / 5, (swc - 0.25) / 0.05, ustar / 0.2,
                     torch.sin(2 * math.pi * hod / 24), torch.cos(2 * math.pi * doy / 365),
                     torch.sin(2 * math.pi * doy / 365)], 1)
    return x, obs


class GapFillANN(nn.Module):
    """A feed-forward gap-filling network (ONEFlux's kind): two tanh hidden layers and a linear output."""

    def __init__(self, hidden: tuple[int, int] = (24, 12)) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden[0]), nn.Tanh(), nn.Linear(hidden[0], hidden[1]), nn.Tanh(),
                                 nn.Linear(hidden[1], 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def nee_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of NEE (umol m-2 s-1)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def flux_gapfill(batch_size: int = 64, seed: int = 0, train_size: int = 6144) -> dict[str, Any]:
    """The gap-filling ANN on 6144 quality-filtered half-hours (u* above 0.1 m/s) of the site-year; held out: 2048
    half-hours of artificial gaps (whole days) in batches of 1024; AdamW with weight decay 1e-4."""
    gen = torch.Generator().manual_seed(55502)
    x, y = _ec_site_year(gen)
    days = torch.randperm(EC_HH // 48, generator=gen)
    gap_days = days[:60]
    in_gap = torch.zeros(EC_HH, dtype=torch.bool)
    for d in gap_days.tolist():
        in_gap[d * 48 : (d + 1) * 48] = True
    good = x[:, 5] * 0.2 > 0.1
    tr_idx = torch.nonzero(good & ~in_gap).squeeze(1)
    tr_idx = tr_idx[torch.randperm(len(tr_idx), generator=gen)[:train_size]]
    te_idx = torch.nonzero(good & in_gap).squeeze(1)[:2048]
    tr = (x[tr_idx], y[tr_idx])
    torch.manual_seed(seed)
    return {"model": GapFillANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[te_idx], y[te_idx]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr, weight_decay=1e-4),
                                "adamw_wd1e-4"),
            "loss_fn": nee_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. clinker free-lime soft sensor with a lagged-input ANN (NAdam; long only)

KL_HOURS, KL_WIN, KL_VARS = 6000, 8, 8


def _kiln_series(gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """250 days of hourly kiln operation: coal and raw-meal feed set points moving by operator steps and drift,
    kiln speed following the feed, a raw-meal burnability (lime saturation) process the sensors do not see; the
    burning-zone temperature a slow first-order response to the fuel-to-feed ratio, the drive torque rising with
    the coating / hot-clinker load, secondary air, O2 and NOx following the combustion. Free lime (%) falls
    exponentially with the burning-zone temperature of 1-3 hours before and rises with burnability and feed;
    a lab error. Returns (hourly variables standardised (hours, 8), free lime (hours,))."""
    n = KL_HOURS
    jump_c = ((torch.rand(n, generator=gen) < 0.05).float() * torch.randn(n, generator=gen)).tolist()
    jump_f = ((torch.rand(n, generator=gen) < 0.04).float() * torch.randn(n, generator=gen)).tolist()
    eb = torch.randn(n, generator=gen).tolist()
    coal, feed, burn, bzt = (torch.zeros(n) for _ in range(4))
    c, f, b, z = 0.0, 0.0, 0.0, 0.0
    for t in range(n):
        c = 0.99 * c + 0.3 * jump_c[t]  # operator moves, slowly pulled back to the recipe
        f = 0.99 * f + 0.3 * jump_f[t]
        b = 0.9 * b + 0.3 * eb[t]
        z = 0.7 * z + 0.3 * (1.2 * c - 0.9 * f - 0.3 * b)
        coal[t], feed[t], burn[t], bzt[t] = c, f, b, z
    coal, feed, burn, bzt = (v / v.std() for v in (coal, feed, burn, bzt))
    speed = 0.6 * feed + 0.3 * torch.randn(n, generator=gen)
    torque = 0.8 * F.pad(bzt, (2, 0))[:-2] + 0.3 * feed + 0.3 * torch.randn(n, generator=gen)
    sec_air = 0.7 * bzt + 0.4 * torch.randn(n, generator=gen)
    o2 = -0.5 * coal + 0.4 * feed + 0.3 * torch.randn(n, generator=gen)
    nox = 0.9 * bzt - 0.3 * o2 + 0.3 * torch.randn(n, generator=gen)
    bzt_obs = bzt + 0.4 * torch.randn(n, generator=gen)
    x = torch.stack([bzt_obs, torque, sec_air, coal, feed, speed, o2, nox], 1)
    x = (x - x.mean(0)) / x.std(0)
    lag = 0.5 * F.pad(bzt, (1, 0))[:-1] + 0.3 * F.pad(bzt, (2, 0))[:-2] + 0.2 * F.pad(bzt, (3, 0))[:-3]
    fcao = (0.5 + 2.5 * torch.sigmoid(-1.8 * lag) + 0.25 * burn + 0.15 * feed
            + 0.15 * torch.randn(n, generator=gen))
    return x, fcao.clamp_min(0.2)


class FreeLimeANN(nn.Module):
    """A dynamic (lagged-input) feed-forward network, the usual free-lime soft sensor: the last 8 hours of the 8
    variables flattened, two tanh hidden layers and a linear output."""

    def __init__(self, hidden: tuple[int, int] = (32, 16)) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(KL_WIN * KL_VARS, hidden[0]), nn.Tanh(),
                                 nn.Linear(hidden[0], hidden[1]), nn.Tanh(), nn.Linear(hidden[1], 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def fcao_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the free lime (% CaO)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def kiln_ann(batch_size: int = 32, seed: int = 0, train_hours: int = 2400) -> dict[str, Any]:
    """The free-lime ANN on the 100 days (``train_hours``) before day 200 (windows of 8 hours ending at each lab
    sample); held out: the last 50 days (the windows after a day's gap) in batches of 600; NAdam."""
    gen = torch.Generator().manual_seed(55602)
    x, y = _kiln_series(gen)
    idx = torch.arange(KL_WIN - 1, KL_HOURS)
    win = torch.stack([x[i - KL_WIN + 1 : i + 1] for i in idx.tolist()])
    yy = y[idx]
    cut = 4800 - KL_WIN + 1
    tr = (win[cut - train_hours : cut], yy[cut - train_hours : cut])
    te = (win[cut + 24 :], yy[cut + 24 :])
    torch.manual_seed(seed)
    return {"model": FreeLimeANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 600),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": fcao_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("milk_mir_cnn_adam", milk_cnn, 300, "milk_mir_spectra_cnn", "adam", "finite", 32,
      seconds=0.6, start_lr=0.032),
    W("skier_lstm_rmsprop", skier_lstm, 300, "ski_resort_skier_visits_lstm", "rmsprop_rho0.9", "finite", 32,
      seconds=0.4, start_lr=0.032),
    W("sugar_pan_ann_sgdm", sugar_ann, 300, "sugar_vacuum_pan_crystallisation_ann", "sgd_momentum0.9",
      "small_finite", 16, seconds=0.3, start_lr=0.1),
    W("violin_plate_mlp_adam", violin_plate, 300, "violin_plate_eigenfrequency_mlp", "adam", "finite", 32,
      seconds=0.4, start_lr=0.016),
)
LONG = (
    W("flux_gapfill_ann_adamw@long", flux_gapfill, 3000, "eddy_covariance_nee_gapfill_ann", "adamw_wd1e-4",
      "finite", 64, seconds=2.2, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("kiln_freelime_ann_nadam@long", kiln_ann, 3000, "cement_kiln_free_lime_lagged_ann", "nadam", "finite", 32,
      seconds=2.0, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("sugar_pan_ann_sgdm@long", sugar_ann, 3000, "sugar_vacuum_pan_crystallisation_ann", "sgd_momentum0.9",
      "finite", 16, dict(train_size=2048), seconds=1.3, start_lr=0.1, grid_fractions=(0.0, 0.05),
      long_of="sugar_pan_ann_sgdm"),
    W("skier_lstm_rmsprop@long", skier_lstm, 3000, "ski_resort_skier_visits_lstm", "rmsprop_rho0.9", "finite", 32,
      dict(train_size=2048), seconds=3.8, start_lr=0.002, grid_fractions=(0.0, 0.05),
      long_of="skier_lstm_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam55_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-fifth exam's workloads")
