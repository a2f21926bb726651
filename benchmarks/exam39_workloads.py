"""The thirty-ninth exam: six more workload families that neither the suite nor exams 1-38 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam38_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from hydrology and water
resources, aerospace and flight dynamics, food science and brewing, music information retrieval, logistics and
supply chain, and dermatology and histopathology (exam 40 was built at the same time from other domains; its module
was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam39/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- reference evapotranspiration with an ANN (hydrology; Kumar et al. 2002): a small sigmoid MLP maps a day's
  weather (maximum and minimum temperature and humidity, wind speed, solar radiation, the season) to the
  lysimeter-measured reference evapotranspiration; the targets are FAO-56 Penman-Monteith ET0 with lysimeter
  error; MSE (mm/day); SGD with momentum 0.9 (back-propagation with momentum, as those ANNs were trained; from
  memory)
- ACAS Xu policy compression (aerospace; Julian et al. 2016): a deep ReLU MLP maps an encounter's state (range,
  bearing, intruder heading, both speeds) to the scores of the five horizontal advisories (clear of conflict,
  weak / strong left / right), trained on the score table with Julian et al.'s asymmetric MSE; the scores from
  the closest approach of straight-flying intruder and turning ownship over 40 s plus advisory costs; AdaMax
  (Julian et al.'s; from memory)
- wine quality from physicochemical tests (food science; Cortez et al. 2009; a long plan only): a one-hidden-layer
  logistic MLP from 11 laboratory measurements to the sensory panel's quality score; MSE; AdamW with torch's
  weight decay 0.01 (the author's choice: Cortez et al. fit theirs with R's nnet)
- note onset detection with a CNN (music information retrieval; Schlueter & Boeck 2014): two convolution / max-pool
  stages over a 15-frame log-mel excerpt, a dense sigmoid layer, the probability of an onset at the centre frame;
  binary cross-entropy; SGD with momentum 0.9 (theirs, with a fixed momentum)
- intermittent demand forecasting with a neural network (logistics; Kourentzes 2013; a long plan only): an MLP
  from a spare part's recent non-zero demand sizes and inter-demand intervals to the mean demand over the next
  lead time (the quantity a reorder point is set from); MSE; Adam (the author's choice: Kourentzes trained with
  Levenberg-Marquardt)
- dermoscopy lesion classification with a CNN (dermatology; Esteva et al. 2017's recipe on a small CNN):
  three-class (benign nevus, melanoma, seborrheic keratosis) cross-entropy on synthetic dermoscopy images;
  RMSprop with decay 0.9, momentum 0.9, epsilon 0.1 (Esteva et al.'s settings, torch's placement of epsilon)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): wine quality and
intermittent demand (no short plans), the ET0 ANN on 8192 days instead of 1024 and ACAS Xu on 16384 table states
instead of 2048.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam39_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam39/README.md).

    python benchmarks/exam39_workloads.py          # the table
    python benchmarks/exam39_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 39"


# --------------------------------------------------------------------------------------------------------------
# 1. reference evapotranspiration with an ANN (SGD with momentum)

ET_LAT, ET_ELEV = math.radians(38.5), 18.0  # a CIMIS-like station in the Central Valley


def _et_days(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Daily weather at a Mediterranean-climate station and its lysimeter ET0. A random day of the year; maximum
    temperature with a seasonal cycle and weather noise, a diurnal range that shrinks on cloudy days; a cloud cover
    that sets the solar radiation (Angstrom: (0.25 + 0.5 sunshine) Ra) and raises the humidity; minimum and
    maximum relative humidity; wind speed at 2 m (lognormal, windier in spring). The target is FAO-56's
    Penman-Monteith grass reference ET0 (mm/day) times a lysimeter error (5%) plus 0.1 mm/day. Returns (inputs:
    Tmax, Tmin, RHmax, RHmin, u2, Rs, sin and cos of the day; ET0)."""
    doy = 1 + 364 * torch.rand(n, generator=gen)
    season = torch.cos(2 * math.pi * (doy - 200) / 365)
    cloud = (torch.rand(n, generator=gen) ** 2 * (0.75 - 0.45 * season)).clamp(0, 1)
    tmax = 23 + 10 * season + 3 * torch.randn(n, generator=gen) - 5 * cloud
    tmin = tmax - (8 + 8 * (1 - cloud) + 2 * torch.randn(n, generator=gen)).clamp_min(2)
    rhmin = (25 + 50 * cloud - 10 * season + 8 * torch.randn(n, generator=gen)).clamp(8, 95)
    rhmax = (rhmin + 25 + 30 * torch.rand(n, generator=gen)).clamp_max(100)
    u2 = torch.exp(math.log(2.0) + 0.15 * torch.sin(2 * math.pi * (doy - 60) / 365)
                   + 0.4 * torch.randn(n, generator=gen))
    # extraterrestrial radiation (FAO-56 eq. 21)
    dr = 1 + 0.033 * torch.cos(2 * math.pi * doy / 365)
    dec = 0.409 * torch.sin(2 * math.pi * doy / 365 - 1.39)
    ws = torch.acos((-math.tan(ET_LAT) * torch.tan(dec)).clamp(-1, 1))
    ra = 24 * 60 / math.pi * 0.082 * dr * (ws * math.sin(ET_LAT) * torch.sin(dec)
                                           + math.cos(ET_LAT) * torch.cos(dec) * torch.sin(ws))
    rs = (0.25 + 0.5 * (1 - cloud)) * ra
    # Penman-Monteith (FAO-56 eq. 6)
    def e0(t: torch.Tensor) -> torch.Tensor:
        return 0.6108 * torch.exp(17.27 * t / (t + 237.3))

    tmean = (tmax + tmin) / 2
    es = (e0(tmax) + e0(tmin)) / 2
    ea = (e0(tmin) * rhmax / 100 + e0(tmax) * rhmin / 100) / 2
    delta = 4098 * e0(tmean) / (tmean + 237.3) ** 2
    pres = 101.3 * ((293 - 0.0065 * ET_ELEV) / 293) ** 5.26
    gamma = 0.000665 * pres
    rso = (0.75 + 2e-5 * ET_ELEV) * ra
    rnl = (4.903e-9 * ((tmax + 273.16) ** 4 + (tmin + 273.16) ** 4) / 2 * (0.34 - 0.14 * ea.sqrt())
           * (1.35 * (rs / rso).clamp_max(1) - 0.35))
    rn = 0.77 * rs - rnl
    et0 = (0.408 * delta * rn + gamma * 900 / (tmean + 273) * u2 * (es - ea)) / (delta + gamma * (1 + 0.34 * u2))
    et0 = et0.clamp_min(0) * (1 + 0.05 * torch.randn(n, generator=gen)) + 0.1 * torch.randn(n, generator=gen)
    x = torch.stack([tmax, tmin, rhmax, rhmin, u2, rs, torch.sin(2 * math.pi * doy / 365),
                     torch.cos(2 * math.pi * doy / 365)], 1)
    return x, et0


class EtANN(nn.Module):
    """Kumar et al.'s (2002) ET0 network: one hidden layer of sigmoid units, a linear output (theirs had 7 hidden
    units on 6 inputs; here 16 on 8)."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.Sigmoid(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def et_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of ET0 (mm/day)^2."""
    x, y = batch
    return F.mse_loss(model(x), y)


def et_ann(batch_size: int = 16, seed: int = 0, train_size: int = 1024, hidden: int = 16) -> dict[str, Any]:
    """The ET0 ANN on 1024 station-days (about three years of daily lysimeter records), inputs standardised over
    them; held out: 1024 other days in batches of 512; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(39101)
    x, y = _et_days(train_size + 1024, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": EtANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": et_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. ACAS Xu: compressing a collision-avoidance score table into a network (AdaMax)

AX_RATES = (0.0, 1.5, -1.5, 3.0, -3.0)  # COC, weak left, weak right, strong left, strong right (deg/s)
AX_COST = (0.0, 0.03, 0.03, 0.06, 0.06)  # the advisories' alerting costs
AX_HORIZON, AX_DT = 40, 1.0


def _ax_states(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Horizontal encounters and their advisory scores. State: range rho (ft, log-uniform 500-20000), the bearing
    theta of the intruder from the ownship's heading, the intruder's relative heading psi (both U[-pi, pi]), the
    ownship's and the intruder's speeds (ft/s, U[100, 1200] and U[0, 1200]). Score of each advisory: the ownship
    turns at the advisory's rate for 40 s while the intruder flies straight; the near-mid-air-collision cost
    exp(-d/4000 ft) + exp(-d/1500 ft) of the closest approach d within 40 s, plus the advisory's cost (0.03 weak,
    0.06 strong). Lower is better (ACAS Xu's convention). Returns (inputs scaled as in Julian et al.: rho / 20000,
    theta / pi, psi / pi, speeds / 1200; scores (n, 5))."""
    rho = torch.exp(math.log(500) + math.log(40) * torch.rand(n, generator=gen))
    theta = math.pi * (2 * torch.rand(n, generator=gen) - 1)
    psi = math.pi * (2 * torch.rand(n, generator=gen) - 1)
    v_own = 100 + 1100 * torch.rand(n, generator=gen)
    v_int = 1200 * torch.rand(n, generator=gen)
    t = torch.arange(1, AX_HORIZON + 1).float() * AX_DT  # times
    xi = rho.unsqueeze(1) * torch.cos(theta).unsqueeze(1) + v_int.unsqueeze(1) * torch.cos(psi).unsqueeze(1) * t
    yi = rho.unsqueeze(1) * torch.sin(theta).unsqueeze(1) + v_int.unsqueeze(1) * torch.sin(psi).unsqueeze(1) * t
    scores = []
    for rate, cost in zip(AX_RATES, AX_COST):
        w = math.radians(rate)
        if w == 0:
            xo, yo = v_own.unsqueeze(1) * t, torch.zeros(n, len(t))
        else:
            xo = v_own.unsqueeze(1) / w * torch.sin(w * t)
            yo = v_own.unsqueeze(1) / w * (1 - torch.cos(w * t))
        d = torch.cat([rho.unsqueeze(1), ((xi - xo) ** 2 + (yi - yo) ** 2).sqrt()], 1).min(1).values
        scores.append(torch.exp(-d / 4000) + torch.exp(-d / 1500) + cost)
    x = torch.stack([rho / 20000, theta / math.pi, psi / math.pi, v_own / 1200, v_int / 1200], 1)
    return x, torch.stack(scores, 1)


class AcasXuNet(nn.Module):
    """An ACAS Xu network (Julian et al. 2016): fully connected ReLU layers from the five state variables to the
    five advisory scores (theirs: 6 hidden layers of 45-50 units; here 5 of 32)."""

    def __init__(self, hidden: int = 32, layers: int = 5) -> None:
        super().__init__()
        mods: list[nn.Module] = []
        width = 5
        for _ in range(layers):
            mods += [nn.Linear(width, hidden), nn.ReLU()]
            width = hidden
        self.net = nn.Sequential(*mods, nn.Linear(width, 5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def asymmetric_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """Julian et al.'s asymmetric MSE (its weighting from memory): the squared error of every score, weighted 4x
    where the error could change the advisory chosen: overestimating the optimal advisory's score, underestimating
    a suboptimal one's."""
    x, y = batch
    err = model(x) - y
    best = F.one_hot(y.argmin(1), 5).bool()
    wrong_way = torch.where(best, err > 0, err < 0)
    return (err**2 * torch.where(wrong_way, 4.0, 1.0)).mean()


def acas_xu(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """An ACAS Xu network trained on a 2048-state score table (random states); held out: 2048 other states in
    batches of 1024; AdaMax (torch's betas)."""
    gen = torch.Generator().manual_seed(39202)
    x, y = _ax_states(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": AcasXuNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": asymmetric_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. wine quality from physicochemical tests (AdamW; long only)


def _wine_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vinho-verde-like wines: 11 laboratory measurements (fixed acidity, volatile acidity, citric acid,
    residual sugar, chlorides, free and total SO2, density, pH, sulphates, alcohol) drawn with the usual couplings
    (sugar and alcohol set the density, acids lower the pH, free SO2 a share of total); a latent quality rising
    with alcohol, falling steeply with volatile acidity above 0.4 g/L, best at moderate free SO2 and sulphates,
    lowered by chlorides; the panel's score is the median of three assessors' integer grades (latent + N(0,
    0.5^2) each), clipped to 3-9. Returns (log-scaled measurements, score)."""
    fixed = 6.8 + 0.8 * torch.randn(n, generator=gen)
    volatile = torch.exp(math.log(0.27) + 0.35 * torch.randn(n, generator=gen))
    citric = (0.33 + 0.12 * torch.randn(n, generator=gen)).clamp_min(0)
    sugar = torch.exp(math.log(4.0) + 0.9 * torch.randn(n, generator=gen))
    alcohol = (10.5 + 1.2 * torch.randn(n, generator=gen) - 0.08 * (sugar - 5)).clamp(8, 14.5)
    chlorides = torch.exp(math.log(0.043) + 0.3 * torch.randn(n, generator=gen) - 0.05 * (alcohol - 10.5))
    total_so2 = (138 + 40 * torch.randn(n, generator=gen) + 3 * sugar).clamp_min(10)
    free_so2 = total_so2 * (0.25 * torch.exp(0.3 * torch.randn(n, generator=gen))).clamp_max(0.8)
    density = 0.9978 - 0.0012 * (alcohol - 10.5) + 0.00038 * sugar + 0.0006 * torch.randn(n, generator=gen)
    ph = 3.19 - 0.09 * (fixed - 6.8) - 0.2 * (citric - 0.33) + 0.14 * torch.randn(n, generator=gen)
    sulph = (0.49 + 0.11 * torch.randn(n, generator=gen)).clamp_min(0.2)
    latent = (5.9 + 0.42 * (alcohol - 10.5) - 2.5 * F.relu(volatile - 0.4) - 1.2 * (volatile - 0.27)
              - 0.5 * ((free_so2 - 35) / 20) ** 2 + 0.25 * torch.tanh((sulph - 0.45) * 6)
              - 6 * (chlorides - 0.043) + 0.15 * torch.tanh((citric - 0.3) * 5)
              - 0.04 * F.relu(sugar - 10) * (11 - alcohol).clamp_min(0))
    grades = torch.round(latent.unsqueeze(1) + 0.5 * torch.randn(n, 3, generator=gen))
    score = grades.median(1).values.clamp(3, 9)
    x = torch.stack([fixed, volatile.log(), citric, sugar.log(), chlorides.log(), free_so2.log(), total_so2,
                     density, ph, sulph, alcohol], 1)
    return x, score


class WineMLP(nn.Module):
    """Cortez et al.'s (2009) network: one hidden layer of logistic units and a linear output (theirs chose the
    hidden size by grid search; here 16)."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, hidden), nn.Sigmoid(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def wine_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the quality score."""
    x, y = batch
    return F.mse_loss(model(x), y)


def wine_quality(batch_size: int = 32, seed: int = 0, train_size: int = 1066, hidden: int = 16) -> dict[str, Any]:
    """The wine-quality MLP on 1066 wines (two thirds of 1599, the size of the red vinho verde set, as Cortez et
    al.'s hold-out split), inputs standardised over them; held out: the other 533 wines in one batch; AdamW with
    torch's default weight decay 0.01."""
    gen = torch.Generator().manual_seed(39303)
    x, y = _wine_samples(train_size + 533, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": WineMLP(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 2048),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd0.01"),
            "loss_fn": wine_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. note onset detection with a CNN on log-mel excerpts (SGD with momentum)

ON_FRAMES, ON_BANDS, ON_CENTRE = 15, 24, 7


def _onset_excerpts(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """15-frame excerpts (10 ms hop) of 24-band log-mel spectrograms of polyphonic music: up to four notes, each
    with a pitch (its partials' bands on a mel-like axis, amplitude falling as 1/k), a level, an attack of 1 frame
    (plucked, struck) or 2-5 frames (bowed, blown: soft onsets), an exponential decay, a broadband percussive burst
    at its onset for struck notes, vibrato-like frame-to-frame tremolo on sustained notes; background noise. Half
    the excerpts have a note starting at the centre frame (the label), the others only elsewhere (including the
    next and previous frames) or none. Returns (log-mel (n, 1, 15, 40), label)."""
    frames = torch.arange(ON_FRAMES).float().view(1, 1, -1)
    bands = torch.arange(ON_BANDS).float().view(1, 1, 1, -1)
    k_notes = 4
    positive = torch.rand(n, generator=gen) < 0.5
    onset = torch.randint(-20, ON_FRAMES, (n, k_notes), generator=gen).float()
    onset[onset == ON_CENTRE] = ON_CENTRE - 2.0
    onset[:, 0] = torch.where(positive, torch.full((n,), float(ON_CENTRE)), onset[:, 0])
    present = torch.rand(n, k_notes, generator=gen) < 0.75
    present[:, 0] |= positive
    pitch = 1 + 9 * torch.rand(n, k_notes, generator=gen)  # the fundamental's band
    level = torch.exp(0.8 * torch.randn(n, k_notes, generator=gen)) * present
    soft = torch.rand(n, k_notes, generator=gen) < 0.35
    attack = torch.where(soft, 2 + 3 * torch.rand(n, k_notes, generator=gen), torch.ones(n, k_notes))
    decay = 4 + 20 * torch.rand(n, k_notes, generator=gen)
    dt = frames - onset.unsqueeze(2)  # n, notes, frames
    env = torch.where(dt < 0, torch.zeros_like(dt),
                      torch.where(dt < attack.unsqueeze(2), (dt + 1) / (attack.unsqueeze(2) + 1),
                                  torch.exp(-(dt - attack.unsqueeze(2)) / decay.unsqueeze(2))))
    env = env * (1 + 0.15 * torch.randn(n, k_notes, ON_FRAMES, generator=gen) * (dt > 3))
    partial_bands = pitch.unsqueeze(2) + 6 * torch.log2(torch.arange(1, 7).float()).view(1, 1, -1)  # mel-like
    amp = 1 / torch.arange(1, 7).float().view(1, 1, -1)
    spec_shape = (amp.unsqueeze(3) * torch.exp(-0.5 * (bands - partial_bands.unsqueeze(3)) ** 2 / 0.6)).sum(2)
    burst = (~soft).float() * level * (0.3 + 0.7 * torch.rand(n, k_notes, generator=gen))
    burst_env = torch.exp(-dt.clamp_min(0) / 1.0) * (dt >= 0)
    energy = torch.einsum("nkf,nkb->nfb", env * level.unsqueeze(2), spec_shape)
    energy = energy + torch.einsum("nkf,nk->nf", burst_env, burst).unsqueeze(2) * 0.4
    energy = energy + 0.02 * torch.rand(n, ON_FRAMES, ON_BANDS, generator=gen)
    logmel = torch.log1p(20 * energy)
    logmel = logmel + 0.05 * torch.randn(logmel.shape, generator=gen)
    label = (present & (onset == ON_CENTRE)).any(1).float()
    return logmel.unsqueeze(1), label


class OnsetCNN(nn.Module):
    """Schlueter & Boeck's (2014) onset detector in miniature: a 7x3 (time x frequency) convolution with 10
    filters, max-pooling over 3 bands, a 3x3 convolution with 20 filters, max-pooling over 2 bands, a dense layer
    of sigmoid units (theirs: 256, on three spectrogram resolutions of 80 bands; here 32 on one of 24) and one
    output (an onset at the centre frame); tanh after the convolutions, as theirs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(1, 10, (7, 3)), nn.Tanh(), nn.MaxPool2d((1, 3)),
                                  nn.Conv2d(10, 20, 3), nn.Tanh(), nn.MaxPool2d((1, 2)), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(20 * 7 * 2, hidden), nn.Sigmoid(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x)).squeeze(1)


def onset_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy of the centre frame's onset probability (on the logit, for stability)."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def onset_cnn(batch_size: int = 64, seed: int = 0, train_size: int = 4096, hidden: int = 32) -> dict[str, Any]:
    """The onset CNN on 4096 excerpts; held out: 2048 other excerpts in batches of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(39404)
    x, y = _onset_excerpts(train_size + 2048, gen)
    x = (x - x[:train_size].mean()) / x[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": OnsetCNN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": onset_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. intermittent demand forecasting with a neural network (Adam; long only)

ID_LAGS, ID_LEAD = 4, 13


def _id_windows(n_items: int, per_item: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Spare parts' weekly demand: each item has a demand probability (0.05-0.5 a week) that drifts over its life
    (a random linear trend: obsolescence or growth), a mean order size (lognormal around 4 units) and a
    size dispersion (negative-binomial-like: a gamma-mixed Poisson, gamma shape 2-6); 160 weeks per item. Examples: at random
    weeks after the item's fourth demand, its last four non-zero demand sizes, the last four inter-demand
    intervals, the weeks since the last demand (all log1p) and the item's demand count so far (scaled); the target
    is the mean weekly demand over the next 13 weeks (the lead time). Returns (features, target)."""
    weeks = 160
    p0 = 0.05 + 0.45 * torch.rand(n_items, 1, generator=gen)
    trend = 1.6 * (torch.rand(n_items, 1, generator=gen) - 0.6)
    t = torch.arange(weeks).float().view(1, -1) / weeks
    p = (p0 * (1 + trend * (t - 0.5) * 2)).clamp(0.01, 0.7)
    occurs = torch.rand(n_items, weeks, generator=gen) < p
    size_mean = torch.exp(math.log(4) + 0.6 * torch.randn(n_items, 1, generator=gen))
    shape = 2 + 4 * torch.rand(n_items, 1, generator=gen)
    rate = torch._standard_gamma(shape.expand(n_items, weeks).contiguous(), generator=gen) / shape * size_mean
    sizes = 1 + torch.poisson(rate, generator=gen)
    demand = sizes * occurs
    feats, targets = [], []
    for i in range(n_items):
        idx = occurs[i].nonzero().squeeze(1)
        if len(idx) < ID_LAGS + 1:
            continue
        lo = int(idx[ID_LAGS - 1]) + 1
        hi = weeks - ID_LEAD
        if hi <= lo:
            continue
        at = torch.randint(lo, hi, (per_item,), generator=gen)
        for w in at.tolist():
            past = idx[idx < w]
            last = past[-ID_LAGS:]
            s = demand[i, last]
            gaps = torch.diff(torch.cat([past[-ID_LAGS - 1 : -ID_LAGS] if len(past) > ID_LAGS else last[:1] - 1,
                                         last])).float()
            since = float(w - int(last[-1]))
            feats.append(torch.cat([torch.log1p(s), torch.log1p(gaps), torch.tensor([math.log1p(since),
                                                                                     len(past) / 40])]))
            targets.append(demand[i, w : w + ID_LEAD].mean())
    return torch.stack(feats), torch.stack(targets)


class DemandNet(nn.Module):
    """Kourentzes's (2013) neural network for intermittent demand, widened: an MLP from the recent non-zero demand
    sizes and inter-demand intervals to the demand rate (theirs: one small hidden layer; here two of 32, sigmoid),
    kept non-negative by a softplus."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2 * ID_LAGS + 2, hidden), nn.Sigmoid(), nn.Linear(hidden, hidden),
                                 nn.Sigmoid(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.softplus(self.net(x)).squeeze(1)


def demand_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the lead-time demand rate (units per week)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def intermittent_demand(batch_size: int = 32, seed: int = 0, train_items: int = 512, per_item: int = 16,
                        hidden: int = 32) -> dict[str, Any]:
    """The demand network on 512 parts' histories (16 forecast origins each); held out: 256 other parts (16
    origins each) in batches of 2048; Adam."""
    gen = torch.Generator().manual_seed(39505)
    tr = _id_windows(train_items, per_item, gen)
    te = _id_windows(256, 16, gen)
    torch.manual_seed(seed)
    return {"model": DemandNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 2048),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": demand_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. dermoscopy lesion classification with a CNN (RMSprop)

DM_SIZE = 20


def _dm_images(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """20 x 20 RGB dermoscopy-like images of three lesion classes in equal shares: a benign nevus (round, a regular
    border, one even brown), a melanoma (asymmetric: two offset lobes, an irregular border, variegated colour with
    dark, blue-grey and regression-white areas, larger on average) and a seborrheic keratosis (tan to light brown,
    a sharp "stuck-on" border, bright milia-like dots and dark comedo-like openings). The features overlap: every
    class draws its size, asymmetry, border irregularity and colour mix from its own spread (an atypical nevus can
    look like an early melanoma). Skin of a random tone, a few hairs, a vignette, sensor noise. Returns (images,
    class)."""
    y = torch.randint(0, 3, (n,), generator=gen)
    mel, sk = (y == 1).float().view(n, 1, 1), (y == 2).float().view(n, 1, 1)
    g = torch.linspace(-1, 1, DM_SIZE)
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    xx, yy = xx.unsqueeze(0), yy.unsqueeze(0)

    def u(*shape: int) -> torch.Tensor:
        return torch.rand(n, *shape, generator=gen)

    cx, cy = 0.3 * (u(1, 1) - 0.5), 0.3 * (u(1, 1) - 0.5)
    radius = 0.35 + 0.2 * u(1, 1) + 0.12 * mel * u(1, 1)
    asym = (0.1 + 0.4 * u(1, 1)) * (0.3 + 0.9 * mel)  # second lobe's offset
    phi = 2 * math.pi * u(1, 1)
    irreg = (0.05 + 0.15 * u(1, 1)) * (0.5 + 1.5 * mel)
    ang = torch.atan2(yy - cy, xx - cx)
    r = ((xx - cx) ** 2 + (yy - cy) ** 2).sqrt()
    wob = 1 + irreg * (torch.sin(3 * ang + 6 * u(1, 1)) + 0.7 * torch.sin(5 * ang + 6 * u(1, 1)))
    lobe1 = torch.sigmoid((radius * wob - r) * (12 + 12 * sk))
    ox, oy = cx + asym * torch.cos(phi), cy + asym * torch.sin(phi)
    r2 = ((xx - ox) ** 2 + (yy - oy) ** 2).sqrt()
    lobe2 = torch.sigmoid((0.7 * radius * wob - r2) * (12 + 12 * sk)) * (0.4 + 0.6 * u(1, 1))
    mask = torch.maximum(lobe1, lobe2)
    skin = torch.stack([0.85 - 0.25 * u(1, 1), 0.65 - 0.25 * u(1, 1), 0.55 - 0.2 * u(1, 1)], 1).squeeze(-1).squeeze(-1)
    img = skin.view(n, 3, 1, 1).expand(n, 3, DM_SIZE, DM_SIZE).clone()
    brown = torch.tensor([0.45, 0.28, 0.16]).view(1, 3, 1, 1)
    tan = torch.tensor([0.65, 0.5, 0.35]).view(1, 3, 1, 1)
    base = brown * (1 - sk.unsqueeze(1)) + tan * sk.unsqueeze(1)
    base = base * (0.8 + 0.4 * u(1, 1, 1))
    # variegation: dark, blue-grey and white patches (mostly melanoma; some in atypical nevi)
    varieg = (0.1 + 0.8 * mel * u(1, 1)).unsqueeze(1)
    blob = torch.sin(4 * xx * (1 + u(1, 1)) + 6 * u(1, 1)) * torch.sin(4 * yy * (1 + u(1, 1)) + 6 * u(1, 1))
    dark = (blob > 0.3).float().unsqueeze(1) * torch.tensor([-0.25, -0.2, -0.12]).view(1, 3, 1, 1)
    blue = (blob < -0.45).float().unsqueeze(1) * torch.tensor([-0.1, 0.0, 0.15]).view(1, 3, 1, 1)
    lesion = base + varieg * (dark + blue)
    # seborrheic keratosis: milia (bright dots) and comedo openings (dark dots)
    dots = (torch.rand(n, 1, DM_SIZE, DM_SIZE, generator=gen) < 0.06 * (0.3 + sk.unsqueeze(1))).float()
    sign = torch.where(torch.rand(n, 1, DM_SIZE, DM_SIZE, generator=gen) < 0.5, 0.35, -0.25)
    lesion = lesion + dots * sign
    m = mask.unsqueeze(1)
    img = img * (1 - m) + lesion * m
    hairs = torch.zeros(n, 1, DM_SIZE, DM_SIZE)
    for _ in range(2):
        on = (u(1, 1) < 0.4).float()
        a, off = math.pi * u(1, 1), 2 * u(1, 1) - 1
        d = xx * torch.cos(a) + yy * torch.sin(a) - off
        hairs = hairs + (on * torch.exp(-(d**2) / 0.004)).unsqueeze(1)
    img = img * (1 - 0.7 * hairs.clamp_max(1))
    img = img * (1 - 0.25 * (xx**2 + yy**2)).unsqueeze(1)
    img = img + 0.03 * torch.randn(img.shape, generator=gen)
    return img, y


class DermCNN(nn.Module):
    """A small CNN standing in for Esteva et al.'s Inception v3: three 3x3 convolution + ReLU stages (16, 32, 64
    channels), max-pooling after the first two, global average pooling, a linear layer to the three classes."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(2 * width, 4 * width, 3, padding=1), nn.ReLU(),
                                 nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4 * width, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def lesion_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy over the three classes."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def derm_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 16) -> dict[str, Any]:
    """The dermoscopy CNN on 2048 images, per-channel standardised over them; held out: 1024 other images in
    batches of 512; RMSprop with decay 0.9, momentum 0.9, epsilon 0.1 (Esteva et al.'s)."""
    gen = torch.Generator().manual_seed(39606)
    x, y = _dm_images(train_size + 1024, gen)
    mean, std = x[:train_size].mean((0, 2, 3), keepdim=True), x[:train_size].std((0, 2, 3), keepdim=True)
    x = (x - mean) / std
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DermCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9, momentum=0.9,
                                                                       eps=0.1), "rmsprop_a0.9_m0.9_eps0.1"),
            "loss_fn": lesion_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("et_ann_sgdm", et_ann, 300, "evapotranspiration_ann_penman_monteith", "sgd_momentum0.9", "small_finite", 16,
      seconds=0.5, start_lr=0.05),
    W("acas_xu_adamax", acas_xu, 300, "acas_xu_collision_avoidance_table_compression", "adamax", "finite", 64,
      seconds=0.45, start_lr=0.064),
    W("onset_cnn_sgdm", onset_cnn, 300, "onset_detection_cnn_log_mel", "sgd_momentum0.9", "finite", 64,
      seconds=1.8, start_lr=0.2),
    W("derm_cnn_rmsprop", derm_cnn, 300, "dermoscopy_lesion_cnn", "rmsprop_a0.9_m0.9_eps0.1", "finite", 32,
      seconds=3.2, start_lr=0.016),
)
LONG = (
    W("wine_quality_adamw@long", wine_quality, 3000, "wine_quality_physicochemical_ann", "adamw_wd0.01", "finite",
      32, seconds=1.9, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("intermittent_demand_adam@long", intermittent_demand, 3000, "intermittent_demand_neural_network", "adam",
      "finite", 32, seconds=2.8, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("et_ann_sgdm@long", et_ann, 3000, "evapotranspiration_ann_penman_monteith", "sgd_momentum0.9", "finite", 16,
      dict(train_size=8192), seconds=1.3, start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="et_ann_sgdm"),
    W("acas_xu_adamax@long", acas_xu, 3000, "acas_xu_collision_avoidance_table_compression", "adamax", "finite", 64,
      dict(train_size=16384), seconds=3.7, start_lr=0.032, grid_fractions=(0.0, 0.05), long_of="acas_xu_adamax"),
)

REGISTRY = Registry(EXAM, LONG, "exam39_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the thirty-ninth exam's workloads")
