"""The hundred-and-first exam: six more workload families that neither the suite nor exams 1-100 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam100_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from wax seals and impression
depth, incense sticks and smoke plumes, barometers and pressure readings, thermos flasks and heat loss, woks and
stir-fry searing, and souffles and rise height (exam 102 was built at the same time from other domains; its module
was not opened). What was checked to make them new, and what was tried and changed, is in
``benchmarks/results/exam101/README.md``. The models are named with their sources from memory.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- sealing-wax impressions: an MLP with a wax-type embedding (a process-parameter ANN of the kind moulding papers
  fit) from the wax (shellac-rosin, flexible polymer, glue-gun stick), the pour temperature, the puddle, the wait,
  the stamp's temperature, the force, the dwell and the die's relief depth to the log impression depth and the log
  spread diameter; the impressions from Newton cooling of the puddle, a WLF viscosity, squeeze-flow filling of the
  relief integrated over the dwell and slumping when lifted hot; MSE of the standardised logs; Adam (torch's
  defaults)
- incense smoke plumes: a GELU MLP from the incense (stick, cone, coil), its burn rate, the room's temperature
  gradient, the draught and the room temperature to the log smoke concentration at 16 heights above the ember;
  the profile from a laminar plume (volume flux growing as nu z) turning turbulent (Morton, Taylor & Turner 1956:
  flux as F^(1/3) z^(5/3)), trapped in the stratified room below z_max = 3.76 F^(1/4) N^(-3/4) where a smoke layer
  builds up, and bent away from the sampling line by the draught; MSE of log10 concentration; RMSprop (torch's
  alpha 0.99)
- barometric tendency forecasting (a long plan only): a 1D CNN (two convolutions with max pooling and a dense
  head, as in the CNN time-series forecasters of the 2010s) from 48 hourly readings of a home barometer (with the
  hour of day and the latitude) to the pressure change over each of the next 12 hours; readings from passing
  synoptic highs and lows, the semidiurnal (S2) and diurnal (S1) atmospheric tides by latitude, the aneroid's
  temperature error and 0.1 hPa noise; MSE in units of 4 hPa; SGD with momentum 0.9 and weight decay 1e-4
- vacuum-flask heat retention (a long plan only): a ReLU MLP with a stopper embedding from the flask (volume, neck,
  stopper, residual gas pressure in the vacuum, silvering emissivity, preheating, fill level) and the fill and
  ambient temperatures to the drink's temperature at 11 times over 24 h; a lumped model with radiation across the
  vacuum gap, free-molecule gas conduction, the neck and stopper conductance (raised by an empty headspace) and the
  inner wall's heat capacity; MSE of the standardised temperatures; SGD with Nesterov momentum 0.9 and weight
  decay 5e-4
- wok stir-fry searing: a SiLU MLP from the burner power, the wok's mass, the preheat, the load, the moisture and
  thickness of the pieces, the toss rate and the oil to the surface and core temperatures at 8 times over two
  minutes and the log browning (on fixed scales); a lumped wok / food surface / food core model (contact heat
  through the oil film, hot-gas heat while tossed through the flame, an evaporation plateau at 100 C, conduction
  inwards, water wicking back to the surface, browning at an Arrhenius rate once the surface is dry); MSE; SGD with
  momentum 0.9
- souffle rise: a one-hidden-layer tanh ANN (the food-engineering ANN of the 1990s-2000s, trained by plain gradient
  descent) from the recipe and the bake (overrun of the whipped whites, their share, sugar, base viscosity, folding
  loss, ramekin size and fill, buttered walls, oven temperature, bain-marie) to the rise at 12 times in the oven and
  3 minutes out; gas expansion by Charles's law and water vapour pressure in the bubbles as the centre heats, the
  crust setting the top, drainage losses, and the unset part falling back out of the oven; MSE of the standardised
  rises; plain SGD (no momentum)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the barometric CNN and
the flask net (no short plans), the wok net on 8192 stir-fries instead of 1024 and the souffle ANN on 4096 bakes
instead of 384.

Of the eight plans, one uses Adam (wax seal), one RMSprop (incense), two SGD with momentum (both wok plans), one
SGD with momentum and weight decay (barometer), one SGD with Nesterov momentum (flask) and two plain SGD (both
souffle plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam101_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam101/README.md).

    python benchmarks/exam101_workloads.py          # the table
    python benchmarks/exam101_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 101"


def _standardise(y: torch.Tensor, n_train: int) -> torch.Tensor:
    """Targets standardised per column over the training rows (as a user's scaler fitted on the training set)."""
    return (y - y[:n_train].mean(0)) / y[:n_train].std(0)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    *x, y = batch
    return F.mse_loss(model(*x), y)


# --------------------------------------------------------------------------------------------------------------
# 1. sealing-wax impressions (Adam)

WS_WAX = 3


def _ws_impressions(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Hand-poured wax seals: the wax (0 traditional shellac-rosin, Tg 52 C; 1 flexible polymer-modified, Tg 38 C;
    2 glue-gun stick, Tg 28 C), pour temperature 90-140 C, 0.5-1.4 cm3 of wax in a puddle of 18-35 mm, a wait of
    0-25 s before pressing, the brass stamp at 4-35 C (chilled on an ice pack or not), a press of 5-60 N held 3-20 s,
    the die's relief 0.3-1.0 mm. The puddle cools in air (time constant 9 s per mm of thickness) and then against
    the stamp (4 s per mm); the viscosity follows WLF (1e10 Pa s at Tg, C1 17.4, C2 51.6); the relief fills as
    1 - exp(-k int P / eta dt) (squeeze flow, k = 0.3 (0.5 mm / relief)^2) and the puddle spreads by up to 35% as
    1 - exp(-(1e-3 int P / eta dt)^(1/2)); lifted while still soft (above Tg + 30 C) the impression slumps back;
    any press leaves 0.05 mm of texture. Measured depth and diameter with 3% scatter. Returns (wax ids, scaled
    conditions (n, 8), log depth (mm) and log diameter (mm))."""
    wax = torch.randint(0, WS_WAX, (n,), generator=gen)
    tg = torch.tensor([52.0, 38.0, 28.0])[wax]
    t0 = 90 + 50 * torch.rand(n, generator=gen)
    vol = 0.5 + 0.9 * torch.rand(n, generator=gen)  # cm3
    diam = 18 + 17 * torch.rand(n, generator=gen)  # mm
    wait = 25 * torch.rand(n, generator=gen)
    stamp = 4 + 31 * torch.rand(n, generator=gen)
    force = 5 + 55 * torch.rand(n, generator=gen)
    dwell = 3 + 17 * torch.rand(n, generator=gen)
    relief = 0.3 + 0.7 * torch.rand(n, generator=gen)
    area = math.pi * (diam / 2000) ** 2  # m2
    thick = vol * 1000 / (math.pi * (diam / 2) ** 2)  # mm
    t_press = 22 + (t0 - 22) * torch.exp(-wait / (9 * thick))
    t_eq = (stamp + 22) / 2
    pressure = force / area
    fill_int = torch.zeros(n)
    for k in range(20):
        t = (k + 0.5) / 20 * dwell
        temp = t_eq + (t_press - t_eq) * torch.exp(-t / (4 * thick))
        d = (temp - tg).clamp_min(-20)
        log_eta = 10 - 17.4 * d / (51.6 + d)
        fill_int = fill_int + pressure / 10**log_eta * dwell / 20
    t_lift = t_eq + (t_press - t_eq) * torch.exp(-dwell / (4 * thick))
    fill = 1 - torch.exp(-0.3 * fill_int * (0.5 / relief) ** 2)
    slump = 1 - 0.6 * torch.sigmoid((t_lift - tg - 30) / 10)
    depth = relief * fill * slump + 0.05
    spread = diam * (1 + 0.35 * (1 - torch.exp(-(1e-3 * fill_int).sqrt())))
    depth = depth * torch.exp(0.03 * torch.randn(n, generator=gen))
    spread = spread * torch.exp(0.03 * torch.randn(n, generator=gen))
    cond = torch.stack([(t0 - 115) / 14.4, (vol - 0.95) / 0.26, (diam - 26.5) / 4.9, (wait - 12.5) / 7.2,
                        (stamp - 19.5) / 8.9, (force - 32.5) / 15.9, (dwell - 11.5) / 4.9, (relief - 0.65) / 0.2], 1)
    return wax, cond, torch.stack([torch.log(depth), torch.log(spread)], 1)


class WaxSealNet(nn.Module):
    """A process-parameter MLP with a learned embedding of the wax (dimension 3): two SiLU layers to the log depth
    and log diameter."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(WS_WAX, 3)
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, wax: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(wax), cond], 1))


def wax_seal(batch_size: int = 64, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The wax-seal net on 1024 pressed seals, targets standardised over them; held out: 1024 other seals in batches
    of 512; Adam."""
    gen = torch.Generator().manual_seed(101102)
    w, c, y = _ws_impressions(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (w[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WaxSealNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((w[train_size:], c[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. incense smoke plumes (RMSprop)

IP_HEIGHTS = torch.linspace(0.05, 1.6, 16)


def _ip_profiles(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Incense burning in a still room: the type (stick, cone, coil: heat per mg burnt 16, 17, 15 J and smoke per
    mg 0.03, 0.05, 0.02 mg), a burn rate 0.02-0.12 mg/s (cones faster), a vertical temperature gradient 0-2 K/m,
    a draught 0-0.12 m/s, room 16-28 C. The buoyancy flux F = g Q / (rho cp T); the plume laminar up to
    z_t = 0.18 m x (Q / 1 W)^(-1/3) / (1 + 15 u) with volume flux 8 pi nu z, turbulent above it (MTT, alpha 0.1);
    the centreline concentration 2 S / flux; above the trapping height z_max = 3.76 F^(1/4) N^(-3/4) it falls off
    over 15 cm, and a smoke layer (10 minutes of burning over 15 m2) builds around 0.8 z_max; the draught bends the
    plume off the sampling line (displacement d = u z / w against the plume's radius b: a dilution
    1 / (1 + d^2 / 2 b^2), the meandering bent plume's time average); 0.02 mg/m3 of background. 5%
    instrument scatter. Returns (scaled conditions (n, 7), log10 concentration (mg/m3) at 16 heights 0.05-1.6 m)."""
    kind = torch.randint(0, 3, (n,), generator=gen)
    rate = (0.02 + 0.1 * torch.rand(n, generator=gen)) * torch.tensor([1.0, 1.4, 0.8])[kind]  # mg/s
    grad = 2 * torch.rand(n, generator=gen) + 0.02
    draught = 0.12 * torch.rand(n, generator=gen) ** 1.5
    room = 16 + 12 * torch.rand(n, generator=gen)
    q = rate * torch.tensor([16.0, 17.0, 15.0])[kind]  # W
    s = rate * torch.tensor([0.03, 0.05, 0.02])[kind]  # mg/s of smoke
    ta = room + 273.15
    flux_b = 9.81 * q / (1.2 * 1005 * ta)
    n_bv = (9.81 / ta * grad).sqrt()
    z_max = 3.76 * flux_b**0.25 * n_bv**-0.75
    z = IP_HEIGHTS.view(1, -1)
    z_t = (0.18 * q.clamp_min(0.05) ** (-1 / 3) / (1 + 15 * draught)).view(-1, 1)
    lam = 8 * math.pi * 1.5e-5 * z
    turb_on = torch.sigmoid((z - z_t) / 0.08)
    turb = 0.169 * flux_b.view(-1, 1) ** (1 / 3) * (z - z_t + 0.05).clamp_min(0.01) ** (5 / 3)
    vflux = lam + turb_on * turb
    c = 2 * s.view(-1, 1) / vflux  # mg/m3 (s in mg/s, flux in m3/s)
    zm = z_max.view(-1, 1)
    c = c * torch.exp(-F.relu(z - zm) / 0.15)
    radius = 0.004 + 0.01 * z.sqrt() + 0.11 * (z - z_t).clamp_min(0) * turb_on
    w = 0.12 * q.clamp_min(0.05).view(-1, 1) ** (1 / 3) * z.clamp_min(0.05) ** (-1 / 3)
    drift = draught.view(-1, 1) * z / w
    c = c / (1 + 0.5 * (drift / radius) ** 2)
    layer = s.view(-1, 1) * 600 / (15 * 0.3) * torch.exp(-(((z - 0.8 * zm) / 0.15) ** 2))
    c = (c + layer + 0.02) * torch.exp(0.05 * torch.randn(n, 16, generator=gen))
    cond = torch.cat([F.one_hot(kind, 3).float(), ((rate - 0.075) / 0.035).unsqueeze(1),
                      ((grad - 1) / 0.58).unsqueeze(1), ((draught - 0.048) / 0.035).unsqueeze(1),
                      ((room - 22) / 3.5).unsqueeze(1)], 1)
    return cond, torch.log10(c)


class PlumeProfileNet(nn.Module):
    """A dense surrogate: the 7 conditions through two GELU layers to the 16 log concentrations."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Linear(hidden, 16))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def incense_plume(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The plume net on 1024 burns; held out: 1024 other burns in batches of 512; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(101202)
    x, y = _ip_profiles(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PlumeProfileNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. barometric tendency forecasting with a 1D CNN (SGD with momentum; long only)

BT_PAST, BT_AHEAD = 48, 12


def _bt_series(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """60 hourly readings of a home barometer at latitude 0-65 degrees, the last past reading at a random hour:
    three synoptic systems (Gaussian bumps in time, amplitude N(0, 2 + 10 lat / 65) hPa, 12-40 h wide, centred
    anywhere from 40 h before to 40 h after the forecast time), a slow drift; the S2 tide (1.2 cos^3(lat) hPa,
    peaks at 10 and 22 local time) and the S1 tide (0.5 cos(lat) hPa, peak at 6); the aneroid's error of
    0.05 hPa/K over a 3 K indoor day; 0.1 hPa of reading noise. Inputs: the 48 past readings less the last (in
    4 hPa), the hour's sine and cosine and the latitude (scaled), as 4 channels; targets: the change from the last
    reading over each of the next 12 hours (in 4 hPa)."""
    total = BT_PAST + BT_AHEAD
    lat = 65 * torch.rand(n, generator=gen)
    hour0 = torch.randint(0, 24, (n,), generator=gen).float()
    t = torch.arange(total).float().view(1, -1) - (BT_PAST - 1)  # 0 at the last past reading
    p = torch.zeros(n, total)
    amp_scale = (2 + 10 * lat / 65).view(-1, 1)
    for _ in range(3):
        amp = amp_scale * torch.randn(n, 1, generator=gen)
        width = 12 + 28 * torch.rand(n, 1, generator=gen)
        centre = -40 + 80 * torch.rand(n, 1, generator=gen)
        p = p + amp * torch.exp(-0.5 * ((t - centre) / width) ** 2)
    p = p + 0.05 * torch.randn(n, 1, generator=gen) * t
    hours = (hour0.view(-1, 1) + t) % 24
    rl = torch.deg2rad(lat).view(-1, 1)
    p = p + 1.2 * torch.cos(rl) ** 3 * torch.cos(2 * math.pi * (hours - 10) / 12)
    p = p + 0.5 * torch.cos(rl) * torch.cos(2 * math.pi * (hours - 6) / 24)
    p = p + 0.05 * 1.5 * torch.cos(2 * math.pi * (hours - 15) / 24)
    p = p + 0.1 * torch.randn(n, total, generator=gen)
    past, future = p[:, :BT_PAST], p[:, BT_PAST:]
    last = past[:, -1:]
    ph = hours[:, :BT_PAST] * 2 * math.pi / 24
    x = torch.stack([(past - last) / 4, torch.sin(ph), torch.cos(ph), ((lat - 32.5) / 19).view(-1, 1).expand(-1, BT_PAST)],
                    1)
    return x, (future - last) / 4


class BarometerCNN(nn.Module):
    """A 1D CNN forecaster: two convolutions (kernel 5, 8 and 16 channels, ReLU) each with max pooling by 2, then a
    dense layer of 64 and the 12 hourly changes."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(4, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                      nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * BT_PAST // 4, 64), nn.ReLU(),
                                  nn.Linear(64, BT_AHEAD))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def barometer_tendency(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 8) -> dict[str, Any]:
    """The barometric CNN on 8192 stations-days; held out: 2048 others in batches of 1024; SGD with momentum 0.9 and
    weight decay 1e-4."""
    gen = torch.Generator().manual_seed(101302)
    x, y = _bt_series(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BarometerCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=1e-4),
                                "sgd_momentum0.9_wd1e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. vacuum-flask heat retention (SGD with Nesterov momentum; long only)

VF_TIMES = torch.tensor([1.0, 2, 3, 4, 6, 8, 10, 12, 16, 20, 24])
VF_STOPPERS = 3


def _vf_flasks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Stainless vacuum flasks of 0.35-1.5 L, neck 3-6 cm, a stopper (0 cork, 1 screw plug with a silicone seal,
    2 push-button lid: neck conductance 0.012, 0.008, 0.016 W/K at a 4.5 cm neck, scaling with its area), the
    vacuum's residual gas pressure 1e-3 to 1 Pa (free-molecule conduction 1.2 W/m2/K/Pa), the silvering's
    emissivity 0.02-0.10 (two facing surfaces), filled to 80-100% at 70-98 C, preheated with hot water or not,
    ambient -10 to 30 C. Lumped: water plus the inner wall (0.2 kg of steel per litre^(2/3)) losing heat by
    radiation, gas conduction and the neck (raised by an empty headspace); Euler steps of 10 minutes over 24 h;
    a thermometer's 0.3 C. Returns (stopper ids, scaled conditions (n, 8), temperatures (C) at 11 times)."""
    vol = 0.35 + 1.15 * torch.rand(n, generator=gen)  # L
    neck = 3 + 3 * torch.rand(n, generator=gen)
    stopper = torch.randint(0, VF_STOPPERS, (n,), generator=gen)
    log_p = -3 + 3 * torch.rand(n, generator=gen)
    emis = 0.02 + 0.08 * torch.rand(n, generator=gen)
    fill = 0.8 + 0.2 * torch.rand(n, generator=gen)
    t_fill = 70 + 28 * torch.rand(n, generator=gen)
    pre = (torch.rand(n, generator=gen) < 0.5).float()
    amb = -10 + 40 * torch.rand(n, generator=gen)
    area = 5.5 * (vol / 1000) ** (2 / 3)
    c_water = 4186 * vol * fill
    c_wall = 500 * 0.2 * vol ** (2 / 3)
    t_wall = torch.where(pre > 0, torch.full((n,), 85.0), amb)
    temp = (c_water * t_fill + c_wall * t_wall) / (c_water + c_wall)
    cap = c_water + c_wall
    eps = 1 / (2 / emis - 1)
    ua_neck = torch.tensor([0.012, 0.008, 0.016])[stopper] * (neck / 4.5) ** 2 * (1 + 2.5 * (1 - fill) / 0.2)
    ua_gas = 1.2 * 10**log_p * area
    ta_k = amb + 273.15
    out = []
    dt = 600.0
    marks = (VF_TIMES * 6).long().tolist()
    for k in range(1, 24 * 6 + 1):
        tk = temp + 273.15
        q = eps * 5.67e-8 * area * (tk**4 - ta_k**4) + (ua_gas + ua_neck) * (temp - amb)
        temp = temp - q * dt / cap
        if k in marks:
            out.append(temp)
    y = torch.stack(out, 1) + 0.3 * torch.randn(n, len(marks), generator=gen)
    cond = torch.stack([(vol - 0.925) / 0.33, (neck - 4.5) / 0.87, (log_p + 1.5) / 0.87, (emis - 0.06) / 0.023,
                        (fill - 0.9) / 0.058, (t_fill - 84) / 8.1, pre * 2 - 1, (amb - 10) / 11.5], 1)
    return stopper, cond, y


class FlaskNet(nn.Module):
    """A ReLU MLP with a learned stopper embedding (dimension 3): two layers of 64 to the 11 temperatures."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(VF_STOPPERS, 3)
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, len(VF_TIMES)))

    def forward(self, stopper: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([self.emb(stopper), cond], 1))


def thermos_flask(batch_size: int = 32, seed: int = 0, train_size: int = 4096, hidden: int = 64) -> dict[str, Any]:
    """The flask net on 4096 flask tests, temperatures standardised over them; held out: 2048 other tests in batches
    of 1024; SGD with Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(101402)
    s, c, y = _vf_flasks(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (s[:train_size], c[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlaskNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((s[train_size:], c[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. wok stir-fry searing (SGD with momentum)

WK_MARKS = (15, 30, 45, 60, 75, 90, 105, 120)


def _wk_fries(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Two minutes of stir-frying: a burner of 3-22 kW (log-uniform: home hob to restaurant wok range, 35%
    efficient), a carbon-steel wok of 0.9-2.0 kg preheated 20-90 s, a load of 0.1-0.6 kg of pieces 4-15 mm thick
    with 60-90% water, straight from the fridge or not (4 or 18 C), tossed 0-50 times a minute, with 5-30 g of oil.
    Lumped in 1-second steps: the wok (heat in, loss 8 W/K, heat to the food); the food's surface layer (2 mm) heated
    through the oil film (h 300 + 10 W/m2K per g of oil) on the part in contact (the contact falls as the toss rate
    rises) and by the flame's hot gas while in the air (h 60 W/m2K at 250 C + 12 C per kW), capped at 100 C while
    surface water is left (the excess evaporates it), conducting into the core (which holds at 100 C once
    it boils, and while below it wicks water back to the surface at 0.4% of the layer's water a second); browning at
    an Arrhenius rate (Ea 110 kJ/mol, reference 150 C) on the dry surface. Thermocouple scatter 2 C, browning 5%.
    Returns (scaled conditions (n, 9), surface and core temperatures at 8 times ((T - 60 C) / 20 C) and the
    log browning)."""
    power = torch.exp(math.log(3) + math.log(22 / 3) * torch.rand(n, generator=gen)) * 1000
    m_wok = 0.9 + 1.1 * torch.rand(n, generator=gen)
    pre = 20 + 70 * torch.rand(n, generator=gen)
    load = 0.1 + 0.5 * torch.rand(n, generator=gen)
    water = 0.6 + 0.3 * torch.rand(n, generator=gen)
    thick = 4 + 11 * torch.rand(n, generator=gen)
    cold = (torch.rand(n, generator=gen) < 0.5).float()
    toss = 50 * torch.rand(n, generator=gen)
    oil = 5 + 25 * torch.rand(n, generator=gen)
    c_wok = 460 * m_wok
    t_wok = 25 + 420 * (1 - torch.exp(-0.35 * power * pre / (c_wok * 420)))
    t_food0 = torch.where(cold > 0, torch.full((n,), 4.0), torch.full((n,), 18.0))
    a_food = load / (1000 * thick / 1000) * 2  # m2 of surface (two faces)
    contact = (a_food / 2).clamp(max=0.07) / (1 + toss / 20)
    in_air = toss / (toss + 20)
    m_surf = a_food * 0.002 * 1000
    m_core = (load - m_surf).clamp_min(0.02)
    cp = 1500 + 2700 * water
    surf_water = m_surf * water * 0.9
    t_s, t_c = t_food0.clone(), t_food0.clone()
    brown = torch.zeros(n)
    h_oil = 300 + 10 * oil
    t_gas = 250 + 12 * power / 1000
    k_in = 0.5 * a_food / (thick / 2000)
    out_s, out_c = [], []
    for step in range(1, 121):
        q_c = h_oil * contact * (t_wok - t_s)
        q_g = 60 * a_food * in_air * (t_gas - t_s)
        q_in = k_in * (t_s - t_c)
        t_wok = t_wok + (0.35 * power - 8 * (t_wok - 25) - q_c) / c_wok
        t_new = t_s + (q_c + q_g - q_in) / (m_surf * cp)
        wet = surf_water > 0
        excess = (t_new - 100).clamp_min(0) * m_surf * cp
        evap = torch.minimum(excess / 2.26e6, surf_water) * wet
        surf_water = surf_water - evap
        t_s = torch.where(wet, torch.minimum(t_new, torch.full((n,), 100.0)) + (excess - evap * 2.26e6).clamp_min(0)
                          / (m_surf * cp), t_new)
        t_c = (t_c + q_in / (m_core * cp)).clamp(max=100.0)
        surf_water = surf_water + 0.004 * m_surf * water * (t_c < 100).float()
        dry = (surf_water <= 1e-6).float()
        brown = brown + dry * torch.exp(-110e3 / 8.314 * (1 / (t_s + 273.15) - 1 / 423.15)).clamp(max=50)
        if step in WK_MARKS:
            out_s.append(t_s)
            out_c.append(t_c)
    ts = torch.stack(out_s, 1) + 2 * torch.randn(n, 8, generator=gen)
    tc = torch.stack(out_c, 1) + 2 * torch.randn(n, 8, generator=gen)
    lb = torch.log(brown + 0.1) + 0.05 * torch.randn(n, generator=gen)
    cond = torch.stack([(power.log() - 9.0) / 0.58, (m_wok - 1.45) / 0.32, (pre - 55) / 20, (load - 0.35) / 0.14,
                        (water - 0.75) / 0.087, (thick - 9.5) / 3.2, cold * 2 - 1, (toss - 25) / 14.4,
                        (oil - 17.5) / 7.2], 1)
    return cond, torch.cat([(ts - 60) / 20, (tc - 60) / 20, lb.unsqueeze(1)], 1)


class WokNet(nn.Module):
    """A SiLU MLP (two layers of 64) from the 9 conditions to the 8 surface temperatures, 8 core temperatures and
    the log browning."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 17))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def wok_sear(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 64) -> dict[str, Any]:
    """The wok net on 1024 stir-fries (outputs on fixed scales); held out: 1024 other stir-fries in batches of 512;
    SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(101502)
    x, y = _wk_fries(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WokNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. souffle rise (plain SGD)

SF_MARKS = (2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24)


def _sf_bakes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Souffles: whites whipped to an overrun of 300-900%, 40-75% of the mix by volume (the rest a base of 1-6 Pa s),
    sugar 0-25% of the whites, 0-40% of the foam lost in folding, a ramekin 7-11 cm across filled 4-7 cm deep,
    buttered and sugared walls or not, an oven at 170-220 C, a bain-marie or not. The centre heats towards the oven
    (a bain-marie's 70/30 mix of oven and 100 C) with a time constant of about 20 min for an 8 cm, 5 cm deep ramekin
    at 190 C (longer in a bain-marie), counted only up to 85 C; the bubbles' gas grows by Charles's law and by the
    water vapour it holds, V ~ T / (p - p_v(T)) (Antoine); the rise is the gas fraction times the growth, only a
    third of it once the crust sets (after a time falling with the oven temperature), a quarter less without
    buttered walls, less drainage growing with time (slower with sugar and a thick base); 3 minutes out of the oven
    the part not yet set (protein setting near 80 C) falls back. Measured rises (% of the filled depth) with 1 point
    of scatter. Returns (scaled recipe and bake (n, 10), rises at 12 oven times and after 3 minutes out)."""
    overrun = 3 + 6 * torch.rand(n, generator=gen)
    share = 0.4 + 0.35 * torch.rand(n, generator=gen)
    visc = 1 + 5 * torch.rand(n, generator=gen)
    sugar = 0.25 * torch.rand(n, generator=gen)
    fold = 0.4 * torch.rand(n, generator=gen)
    diam = 7 + 4 * torch.rand(n, generator=gen)
    depth = 4 + 3 * torch.rand(n, generator=gen)
    walls = (torch.rand(n, generator=gen) < 0.6).float()
    oven = 170 + 50 * torch.rand(n, generator=gen)
    bath = (torch.rand(n, generator=gen) < 0.3).float()
    phi = share * overrun / (1 + overrun) * (1 - fold)
    r_eff = 1 / (1 / (diam / 2) + 1 / depth)  # cm
    tau = 20 * 60 * (r_eff / 2.1) ** 2 * (190 - 20) / (oven - 20) * (1 + 0.5 * bath)
    t_env = torch.where(bath > 0, 0.7 * oven + 0.3 * 100, oven)
    t_set = 60 * (6 + 8 * (190 - 20) / (oven - 20) * (1 + 0.3 * bath))

    def growth(temp: torch.Tensor) -> torch.Tensor:
        pv = (10 ** (8.07 - 1730.6 / (233.4 + temp)) / 760).clamp(max=0.8)
        return (temp + 273.15) / 293.15 * (1 - 0.023) / (1 - pv)

    drain_rate = 0.012 / (1 + 4 * sugar) / (visc / 3) ** 0.5 / (overrun / 6) ** 0.5  # per minute
    out = []
    rise = torch.zeros(n)
    prev = growth(torch.full((n,), 20.0))
    t_c = torch.full((n,), 20.0)
    grip = 1 - 0.25 * (1 - walls)
    for minute in range(1, 25):
        for sub in range(4):
            t = (minute - 1) * 60 + (sub + 1) * 15
            t_c = t_env - (t_env - 20) * torch.exp(torch.tensor(-1.0) * t / tau)
            centre = t_c.clamp(max=85.0)
            g = growth(centre)
            crust = 1 - (2 / 3) * torch.sigmoid((t - t_set) / 60)
            rise = rise + phi * (g - prev) * crust * grip * depth
            prev = g
        rise = rise - drain_rate * phi * depth * (minute / 10) * 0.25
        if minute in SF_MARKS:
            out.append(rise / depth * 100)
    set_frac = torch.sigmoid((t_c.clamp(max=85.0) - 80) / 4) * 0.8 + 0.2 * torch.sigmoid((oven - 190) / 15)
    after = rise - phi * (prev - growth(torch.full((n,), 60.0))) * grip * depth * (1 - set_frac)
    out.append(after / depth * 100)
    y = torch.stack(out, 1) + torch.randn(n, 13, generator=gen)
    x = torch.stack([(overrun - 6) / 1.73, (share - 0.575) / 0.1, (visc - 3.5) / 1.44, (sugar - 0.125) / 0.072,
                     (fold - 0.2) / 0.115, (diam - 9) / 1.15, (depth - 5.5) / 0.87, walls * 2 - 1, (oven - 195) / 14.4,
                     bath * 2 - 1], 1)
    return x, y


class SouffleANN(nn.Module):
    """One hidden layer of tanh units (a food-engineering ANN) from the 10 recipe and bake inputs to the 13 rises."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, 13))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def souffle_rise(batch_size: int = 16, seed: int = 0, train_size: int = 384, hidden: int = 32) -> dict[str, Any]:
    """The souffle ANN on 384 bakes, rises standardised over them; held out: 1024 other bakes in batches of 512;
    plain SGD."""
    gen = torch.Generator().manual_seed(101602)
    x, y = _sf_bakes(train_size + 1024, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SouffleANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": _mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("wax_seal_adam", wax_seal, 300, "sealing_wax_impression_depth_mlp", "adam", "finite", 64, seconds=0.3,
      start_lr=0.064),
    W("incense_plume_rmsprop", incense_plume, 300, "incense_smoke_plume_profile_mlp", "rmsprop", "finite", 32,
      seconds=0.2, start_lr=0.016),
    W("wok_sear_sgdm", wok_sear, 300, "wok_stir_fry_searing_mlp", "sgd_momentum0.9", "finite", 64, seconds=0.15,
      start_lr=0.4),
    W("souffle_rise_sgd", souffle_rise, 300, "souffle_rise_height_ann", "sgd", "small_finite", 16, seconds=0.1,
      start_lr=0.8),
)
LONG = (
    W("barometer_tendency_sgdm@long", barometer_tendency, 3000, "barometric_tendency_cnn1d", "sgd_momentum0.9_wd1e-4",
      "finite", 32, seconds=3.6, start_lr=0.1, grid_fractions=(0.0, 0.05)),
    W("thermos_flask_nesterov@long", thermos_flask, 3000, "vacuum_flask_heat_retention_mlp", "sgd_nesterov0.9_wd5e-4",
      "finite", 32, seconds=1.5, start_lr=0.256, grid_fractions=(0.0, 0.05)),
    W("wok_sear_sgdm@long", wok_sear, 3000, "wok_stir_fry_searing_mlp", "sgd_momentum0.9", "finite", 32,
      dict(train_size=8192), seconds=1.1, start_lr=0.2, grid_fractions=(0.0, 0.05), long_of="wok_sear_sgdm"),
    W("souffle_rise_sgd@long", souffle_rise, 3000, "souffle_rise_height_ann", "sgd", "finite", 16,
      dict(train_size=4096), seconds=0.7, start_lr=0.8, grid_fractions=(0.0, 0.05), long_of="souffle_rise_sgd"),
)

REGISTRY = Registry(EXAM, LONG, "exam101_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-first exam's workloads")
