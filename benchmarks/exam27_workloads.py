"""The twenty-seventh exam: six more workload families that neither the suite nor the first twenty-six exams have.

Same rules as exams 1-26 (``exam_workloads.py`` ... ``exam26_workloads.py``): each workload is written as a user of
its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). The families already taken are listed in
``exam26_workloads.py``'s docstring (which chains to the earlier exams' and the suite's), plus exam 26's own
(side-channel analysis, the Speck distinguisher, feedback alignment, partial-label learning, SPO+, the unmixing
autoencoder) and the ones tried, dropped or set aside in exam 23's, 24's, 25's and 26's READMEs. This exam's
families come from signal processing, engineering, astronomy, seismology, climate modelling and control.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- deep direction-of-arrival estimation on a grid (in the style of Papageorgiou, Sellathurai & Eldar 2021 and Liu,
  Zhang & Yu 2018): an MLP reads the upper triangle of the sample covariance of an 8-element uniform linear array
  (32 snapshots, one to three sources, SNR -5 to 15 dB) and outputs one sigmoid per 2-degree bin of [-60, 60];
  binary cross-entropy against the sources' bins; Adam
- rolling-bearing fault diagnosis: an MLP classifies the envelope spectrum of a simulated vibration record
  (impacts at the outer-race, inner-race or ball defect frequency exciting a structural resonance, two fault
  sizes, or no fault; shaft speed, slip and noise level random) into seven classes; cross-entropy; Adam
- photometric redshift estimation as classification over redshift bins (in the style of Pasquet et al. 2019, on
  magnitudes instead of images): an MLP reads six-band magnitudes and colours of synthetic galaxies (a blend of
  an old and a young template, dust, noise growing with magnitude) and outputs a distribution over 32 redshift
  bins of [0, 2]; cross-entropy; Adam
- earthquake location as classification over an epicentre grid (in the style of Perol, Gharbi & Denolle 2018's
  ConvNetQuake location classes, on picked arrivals instead of waveforms): an MLP reads the relative P arrival
  times and log amplitudes at eight stations and outputs one of 8 x 8 epicentre cells; cross-entropy; Adam
- a longwave radiative-transfer emulator for a climate-model column (climART's MLP, Cachay et al. 2021, small; a
  long plan only): temperature and humidity profiles on 20 layers, the skin temperature and a well-mixed
  absorber's amount map to the 20 heating rates, the outgoing longwave radiation and the surface downward flux of
  a grey two-stream scheme (an unobserved water-vapour continuum factor per column); the mean squared error of
  standardised targets; Adam with weight decay 1e-6, batch 128 (climART's MLP script)
- approximate explicit model predictive control (imitation of an MPC law, as in Karg & Lucia 2020; a long plan
  only): a deep ReLU net maps the state of two coupled spring-mass carts to the first move of a box-constrained
  MPC (horizon 10, solved offline by accelerated projected gradient on the condensed QP) computed from a noisy
  state estimate; the mean squared error; Adam

Every family uses Adam (one with L2 weight decay 1e-6, as climART's script): that is what the reference code of
these fields that the author found or remembers uses. Families with other optimisers were written and dropped
(Galaxy Zoo with Nesterov SGD: flat; a value iteration network with RMSprop: seeds far apart); see the README.

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the radiative-transfer
emulator and approximate MPC (no short plan), DoA estimation and earthquake location on larger pools. What was
tried and dropped before the first commit is listed in ``benchmarks/results/exam27/README.md``.

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss
draws random numbers. The entrypoint is ``benchmarks/exam27_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam27/README.md).

    python benchmarks/exam27_workloads.py          # the table
    python benchmarks/exam27_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 27"


# --------------------------------------------------------------------------------------------------------------
# 1. direction-of-arrival estimation on an angle grid from a sample covariance (Adam)

DOA_M, DOA_SNAP, DOA_BINS = 8, 32, 61  # array elements, snapshots, 2-degree bins over [-60, 60]


def _doa_items(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """One to three narrow-band far-field sources on a half-wavelength uniform linear array of 8 elements, each at
    a distinct 2-degree bin (a uniform offset within the bin), powers U[0.5, 1], complex Gaussian signals, white
    noise at an SNR of U[-5, 15] dB, 32 snapshots. Features: the sample covariance divided by its trace, its upper
    triangle as 36 real and 28 imaginary parts; targets: the multi-hot bins of the sources."""
    k = torch.randint(1, 4, (n,), generator=gen)
    order = torch.rand(n, DOA_BINS, generator=gen).argsort(1)[:, :3]
    active = torch.arange(3).unsqueeze(0) < k.unsqueeze(1)  # (n, 3)
    centres = -60 + 2 * order.float()
    theta = torch.deg2rad(centres + 2 * (torch.rand(n, 3, generator=gen) - 0.5))
    m = torch.arange(DOA_M).float()
    steer = torch.exp(-1j * math.pi * m.view(1, -1, 1) * torch.sin(theta).unsqueeze(1))  # (n, M, 3)
    power = (0.5 + 0.5 * torch.rand(n, 3, generator=gen)) * active.float()
    s = torch.complex(torch.randn(n, 3, DOA_SNAP, generator=gen), torch.randn(n, 3, DOA_SNAP, generator=gen))
    s = s * (power / 2).sqrt().unsqueeze(2)
    sigma = (10 ** (-(-5 + 20 * torch.rand(n, 1, 1, generator=gen)) / 10) / 2).sqrt()
    noise = torch.complex(torch.randn(n, DOA_M, DOA_SNAP, generator=gen),
                          torch.randn(n, DOA_M, DOA_SNAP, generator=gen))
    x = steer @ s + sigma * noise
    r = x @ x.conj().transpose(1, 2) / DOA_SNAP
    r = r / r.diagonal(dim1=1, dim2=2).real.sum(1).view(n, 1, 1)
    iu = torch.triu_indices(DOA_M, DOA_M)
    iu1 = torch.triu_indices(DOA_M, DOA_M, 1)
    feats = torch.cat([r[:, iu[0], iu[1]].real, r[:, iu1[0], iu1[1]].imag], 1).float()
    target = torch.zeros(n, DOA_BINS)
    target.scatter_(1, order, active.float())
    return feats, target


def doa_estimation(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 256) -> dict[str, Any]:
    """An MLP 64-256-256-61 (ReLU) with a sigmoid per bin, binary cross-entropy over the bins; features
    standardised with the training set's mean and sd; ``train_size`` covariances; held out: 4096 others; Adam."""
    gen = torch.Generator().manual_seed(27702)
    x, t = _doa_items(train_size + 4096, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    rows = torch.cat([x, t], 1)
    tr = (rows[:train_size],)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(x.shape[1], width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                          nn.Linear(width, DOA_BINS))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((rows[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": doa_bce, "train_pool": tr}


def doa_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    (row,) = batch
    x, t = row.split([row.shape[1] - DOA_BINS, DOA_BINS], 1)
    return F.binary_cross_entropy_with_logits(model(x), t)


# --------------------------------------------------------------------------------------------------------------
# 2. rolling-bearing fault diagnosis from envelope spectra (Adam)

BRG_LEN, BRG_FS, BRG_BINS, BRG_CLASSES = 1024, 12000.0, 64, 7


def _bearing_signals(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vibration records (1024 samples at 12 kHz) of a rolling bearing at a shaft speed of U[20, 30] Hz: shaft
    harmonics, a structural resonance near 3 kHz excited by impacts at the fault's characteristic frequency (outer
    race 3.58, inner race 5.42 times the shaft frequency and modulated by the shaft rotation, ball 2.36 times it),
    with slip (random jitter of each impact), two fault sizes (impact strength), and white noise of a random level.
    Classes: normal, then outer / inner / ball at the small and the large size. Features: the log magnitude of the
    envelope spectrum (the squared signal's spectrum) in its 64 bins up to 750 Hz, each record's bins centred."""
    r = lambda *s: torch.rand(*s, generator=gen)  # noqa: E731
    y = torch.randint(0, BRG_CLASSES, (n,), generator=gen)
    fr = 20 + 10 * r(n, 1)
    t = torch.arange(BRG_LEN) / BRG_FS
    x = 0.3 * torch.sin(2 * math.pi * fr * t + 2 * math.pi * r(n, 1)) + 0.1 * torch.sin(4 * math.pi * fr * t)
    kind = torch.where(y == 0, 0, (y - 1) % 3 + 1)  # 0 none, 1 outer, 2 inner, 3 ball
    size = torch.where(y == 0, 0.0, torch.where(y <= 3, 1.5, 3.0)).unsqueeze(1)
    mult = torch.tensor([0.0, 3.58, 5.42, 2.36])[kind].unsqueeze(1)
    f_fault = mult * fr
    k = torch.arange(64).float()
    times = (k.unsqueeze(0) + 0.02 * torch.randn(n, 64, generator=gen)) / f_fault.clamp_min(1e-3) + 0.01 * r(n, 1)
    idx = (times * BRG_FS).round().long()
    valid = (idx >= 0) & (idx < BRG_LEN) & (kind.unsqueeze(1) > 0)
    amp = size * (1 + 0.3 * torch.randn(n, 64, generator=gen)).abs()
    inner = (kind == 2).float().unsqueeze(1)
    amp = amp * (1 - inner * 0.6 * (1 + torch.cos(2 * math.pi * fr * times)) / 2)
    imp = torch.zeros(n, BRG_LEN)
    imp.scatter_add_(1, idx.clamp(0, BRG_LEN - 1), amp * valid.float())
    tk = torch.arange(96) / BRG_FS
    ring = (torch.exp(-800 * tk) * torch.sin(2 * math.pi * 3000 * tk)).flip(0).view(1, 1, -1)
    x = x + F.conv1d(F.pad(imp.unsqueeze(1), (95, 0)), ring).squeeze(1)
    x = x + (0.3 + 0.7 * r(n, 1)) * torch.randn(n, BRG_LEN, generator=gen)
    env = x**2
    spec = torch.fft.rfft(env - env.mean(1, keepdim=True)).abs()
    fmax_bin = int(750 / (BRG_FS / BRG_LEN))
    spec = spec[:, 1:fmax_bin + 1]
    spec = F.avg_pool1d(spec.unsqueeze(1), spec.shape[1] // BRG_BINS).squeeze(1)[:, :BRG_BINS]
    feats = torch.log(spec + 1e-3)
    return feats - feats.mean(1, keepdim=True), y


def bearing_diagnosis(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 128) -> dict[str, Any]:
    """An MLP 64-128-64-7 (ReLU) on the envelope spectra, cross-entropy; ``train_size`` records; held out: 2048
    others; Adam."""
    gen = torch.Generator().manual_seed(27952)
    x, y = _bearing_signals(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(BRG_BINS, width), nn.ReLU(), nn.Linear(width, 64), nn.ReLU(),
                          nn.Linear(64, BRG_CLASSES))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. photometric redshifts as classification over redshift bins (Adam)

PZ_BINS, PZ_ZMAX = 32, 2.0
PZ_BANDS = torch.tensor([3550.0, 4700.0, 6200.0, 7500.0, 8900.0, 10200.0])  # u g r i z y centres (Angstrom)


def _pz_galaxies(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Galaxies with a redshift z = 0.01 + 1.98 u^1.3 (u uniform), a spectral type t ~ U[0, 1] blending an old
    (red, strong 4000 A break) and a young (blue, weak break) template with a Lyman-alpha-forest drop, a dust
    reddening, observed through six Gaussian filters (ugrizy). Magnitudes from the redshifted template's flux
    in each band, an apparent brightness drawn per galaxy, and noise growing with magnitude (limit near 25). Returns
    (the six magnitudes and five colours, the redshift bin)."""
    r = lambda *s: torch.rand(*s, generator=gen)  # noqa: E731
    z = 0.01 + (PZ_ZMAX - 0.02) * r(n) ** 1.3
    t = r(n, 1)
    dust = 0.3 * r(n, 1)
    lam = torch.linspace(800, 12000, 112)  # rest frame
    x = lam / 4000
    old = torch.where(lam < 4000, 0.25 + 0.3 * (x - 0.2), 1.0 + 0.3 * (x - 1)).clamp_min(0.02)
    young = (x ** -1.2).clamp_max(4.0) * torch.where(lam < 4000, 0.8, 1.0)
    sed = (1 - t) * old + t * young
    sed = sed * torch.exp(-dust * (4000 / lam)) * torch.where(lam < 1216, 0.1, 1.0)
    obs = lam.unsqueeze(0) * (1 + z.unsqueeze(1))  # observed wavelengths (n, 112)
    width = 0.08 * PZ_BANDS
    w = torch.exp(-0.5 * ((obs.unsqueeze(1) - PZ_BANDS.view(1, -1, 1)) / width.view(1, -1, 1)) ** 2)  # n, 6, 112
    flux = (w * sed.unsqueeze(1)).sum(2) / w.sum(2).clamp_min(1e-6)
    mag = -2.5 * torch.log10(flux.clamp_min(1e-4))
    mag = mag - mag[:, 2:3] + 20 + 4 * r(n, 1) + 2.5 * torch.log10(1 + z).unsqueeze(1) * 2
    err = 0.02 + 0.3 * torch.exp(0.6 * (mag - 25))
    mag = mag + err.clamp_max(1.0) * torch.randn(n, 6, generator=gen)
    feats = torch.cat([mag, mag[:, :-1] - mag[:, 1:]], 1)
    zbin = (z / PZ_ZMAX * PZ_BINS).long().clamp_max(PZ_BINS - 1)
    return feats, zbin


def photo_z(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 128) -> dict[str, Any]:
    """An MLP 11-128-128-32 (ReLU) over 32 redshift bins (0-2), cross-entropy; features standardised with the
    training set's mean and sd; ``train_size`` galaxies; held out: 4096 others; Adam."""
    gen = torch.Generator().manual_seed(27802)
    x, y = _pz_galaxies(train_size + 4096, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(11, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                          nn.Linear(width, PZ_BINS))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. earthquake location as classification over an epicentre grid (Adam)

EQ_STATIONS, EQ_GRID = 8, 8  # seismic stations; the epicentre grid is EQ_GRID x EQ_GRID cells of a 100 km square


def _eq_events(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Local earthquakes in a 100 x 100 km region (epicentre uniform, depth U[2, 20] km) recorded at 8 fixed
    stations (some outside the region). P arrival = origin time + hypocentral distance / v + the station's fixed
    static delay (sd 0.1 s), with v = 6 km/s times an unobserved regional factor U[0.97, 1.03] and pick errors of
    an unobserved sd U[0.02, 0.2] s; log amplitudes fall as -1.5 log10(distance) from a random magnitude, noise 0.2.
    Features: the arrival times less the earliest one and the log amplitudes less their mean; target: the epicentre
    cell (64 classes)."""
    tg = torch.Generator().manual_seed(27901)
    sta = torch.rand(EQ_STATIONS, 2, generator=tg) * 140 - 20
    static = 0.1 * torch.randn(EQ_STATIONS, generator=tg)
    r = lambda *s: torch.rand(*s, generator=gen)  # noqa: E731
    epi = 100 * r(n, 2)
    depth = 2 + 18 * r(n, 1)
    dist = ((epi.unsqueeze(1) - sta.unsqueeze(0)).pow(2).sum(2) + depth**2).sqrt()  # n, stations
    v = 6.0 * (0.97 + 0.06 * r(n, 1))
    pick = 0.02 + 0.18 * r(n, 1)
    t = dist / v + static + pick * torch.randn(n, EQ_STATIONS, generator=gen)
    amp = 2 * r(n, 1) - 1.5 * torch.log10(dist) + 0.2 * torch.randn(n, EQ_STATIONS, generator=gen)
    feats = torch.cat([t - t.amin(1, keepdim=True), amp - amp.mean(1, keepdim=True)], 1)
    cell = (epi / 100 * EQ_GRID).long().clamp_max(EQ_GRID - 1)
    return feats, cell[:, 0] * EQ_GRID + cell[:, 1]


def quake_location(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 128) -> dict[str, Any]:
    """An MLP 16-128-128-64 (ReLU), cross-entropy over the 64 cells; features standardised with the training
    set's mean and sd; ``train_size`` events; held out: 4096 others; Adam."""
    gen = torch.Generator().manual_seed(27902)
    x, y = _eq_events(train_size + 4096, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2 * EQ_STATIONS, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(),
                          nn.Linear(width, EQ_GRID * EQ_GRID))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.cross_entropy(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. longwave radiative-transfer emulator for a climate model column (Adam with L2; long only)

RT_LEVELS = 20
RT_WV_SPREAD = 0.5


def _rt_columns(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Atmospheric columns of 20 layers (equal pressure thickness, surface 1000 hPa to top 50 hPa): temperature
    (a surface value U[260, 310] K, a lapse rate to a tropopause near 200 hPa and an isothermal stratosphere, plus
    smooth perturbations) and water vapour (a relative humidity profile times the saturation mixing ratio), a
    surface (skin) temperature and the amount of a well-mixed absorber. Grey two-stream longwave transfer
    (diffusivity factor 1.66; each layer's optical depth from the well-mixed absorber + water vapour, whose
    continuum factor U[1, 1 + RT_WV_SPREAD] is not among the inputs) gives the upward and downward fluxes; the
    targets are the 20 layer heating rates (K/day), the outgoing longwave radiation and the surface downward flux
    (W/m^2). Returns (inputs: 20 temperatures, 20 log mixing ratios, the skin temperature, the absorber amount;
    targets: 22)."""
    lv = RT_LEVELS
    edges = torch.linspace(1000.0, 50.0, lv + 1)
    pmid = 0.5 * (edges[:-1] + edges[1:])
    dp = edges[:-1] - edges[1:]
    r = lambda *s: torch.rand(*s, generator=gen)  # noqa: E731
    ts = 260 + 50 * r(n, 1)
    kappa = 0.19 + 0.04 * r(n, 1)  # R / c_p with a spread: the lapse rate's steepness
    t_trop = 190 + 30 * r(n, 1)
    temp = torch.maximum(ts * (pmid / 1000) ** kappa, t_trop)
    for k in (1, 2, 3):
        temp = temp + 3 / k * torch.sin(k * math.pi * (1000 - pmid) / 950 + 2 * math.pi * r(n, 1)) * r(n, 1)
    t_air0 = temp[:, :1] + 4 * (2 * r(n, 1) - 1)  # the skin can differ from the lowest layer
    rh = (0.2 + 0.6 * r(n, 1)) * torch.exp(-((pmid - 300 - 600 * r(n, 1)) / (200 + 300 * r(n, 1))) ** 2) + 0.05
    esat = 6.112 * torch.exp(17.67 * (temp - 273.15) / (temp - 29.65))
    qv = (0.622 * rh.clamp_max(1.0) * esat / pmid).clamp(1e-6, 0.04)
    co2 = 0.8 + 0.6 * r(n, 1)  # the well-mixed absorber's amount (an input)
    dtau = dp / 1000 * co2 + 60.0 * qv * dp / 1000 * (1 + RT_WV_SPREAD * r(n, 1))  # an unobserved continuum factor
    trans = torch.exp(-1.66 * dtau)
    sigma = 5.670e-8
    planck = sigma * temp**4
    up = [sigma * t_air0[:, 0] ** 4]
    for k in range(lv):
        up.append(up[-1] * trans[:, k] + planck[:, k] * (1 - trans[:, k]))
    down = [torch.zeros(n)]
    for k in reversed(range(lv)):
        down.append(down[-1] * trans[:, k] + planck[:, k] * (1 - trans[:, k]))
    down = down[::-1]
    net = torch.stack(up, 1) - torch.stack(down, 1)  # upward net flux at the 21 interfaces
    heating = 9.81 / 1004 * (net[:, :-1] - net[:, 1:]) / (dp * 100) * 86400  # K/day
    x = torch.cat([temp, torch.log(qv), t_air0, co2], 1)
    y = torch.cat([heating, torch.stack(up, 1)[:, -1:], down[0].unsqueeze(1)], 1)
    return x, y


class RTEmulator(nn.Module):
    """climART's MLP, small: 42 -> 64 -> 64 -> 22, each hidden layer linear, layer norm, GELU."""

    def __init__(self, dims: tuple[int, ...] = (64, 64)) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        d = 2 * RT_LEVELS + 2
        for h in dims:
            layers += [nn.Linear(d, h), nn.LayerNorm(h), nn.GELU()]
            d = h
        self.net = nn.Sequential(*layers, nn.Linear(d, RT_LEVELS + 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def rt_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised targets; a batch row holds a column's inputs and targets."""
    (row,) = batch
    x, y = row.split([2 * RT_LEVELS + 2, RT_LEVELS + 2], 1)
    return F.mse_loss(model(x), y)


def radiation_emulator(batch_size: int = 128, seed: int = 0, train_size: int = 32768) -> dict[str, Any]:
    """The emulator on ``train_size`` columns, inputs and targets standardised per feature with the training set's
    mean and sd (climART's ``Z`` normalisation); held out: 4096 other columns; the mean squared error; Adam with
    weight decay 1e-6, batch 128 (climART's MLP script)."""
    gen = torch.Generator().manual_seed(27402)
    x, y = _rt_columns(train_size + 4096, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    rows = torch.cat([x, y], 1)
    tr = (rows[:train_size],)
    torch.manual_seed(seed)
    return {"model": RTEmulator(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((rows[train_size:],), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr, weight_decay=1e-6), "adam_l2_1e-6"),
            "loss_fn": rt_mse, "train_pool": tr}

# --------------------------------------------------------------------------------------------------------------
# 6. approximate explicit MPC: imitation of a constrained MPC law (Adam; long only)

MPC_N, MPC_DT = 10, 0.1
MPC_EST_NOISE = 0.02  # the expert's state estimate error, relative to the box


def _mpc_system() -> tuple[torch.Tensor, torch.Tensor]:
    """Two unit masses on springs (wall-mass 1, mass 1-mass 2, stiffness 1, damping 0.1), a force on each; the
    state is (p1, p2, v1, v2); zero-order-hold discretisation at dt = 0.1. Returns (A, B)."""
    ac = torch.tensor([[0.0, 0, 1, 0], [0, 0, 0, 1], [-2, 1, -0.1, 0], [1, -1, 0, -0.1]], dtype=torch.float64)
    bc = torch.tensor([[0.0, 0], [0, 0], [1, 0], [0, 1]], dtype=torch.float64)
    m = torch.zeros(6, 6, dtype=torch.float64)
    m[:4, :4], m[:4, 4:] = ac * MPC_DT, bc * MPC_DT
    e = torch.linalg.matrix_exp(m)
    return e[:4, :4], e[:4, 4:]


def _mpc_law(x0: torch.Tensor, iters: int = 150) -> torch.Tensor:
    """The first move of the MPC law for each initial state (rows of ``x0``): horizon 10, stage cost x'x + u'u,
    the discrete Riccati solution as terminal cost, inputs boxed to [-1, 1]; the condensed box-constrained QP solved
    by accelerated projected gradient (FISTA)."""
    a, b = _mpc_system()
    q, r = torch.eye(4, dtype=torch.float64), torch.eye(2, dtype=torch.float64)
    p = q.clone()
    for _ in range(500):
        k = torch.linalg.solve(r + b.T @ p @ b, b.T @ p @ a)
        p = q + a.T @ p @ (a - b @ k)
    n_x, n_u, h = 4, 2, MPC_N
    sx = torch.zeros(h * n_x, n_x, dtype=torch.float64)
    su = torch.zeros(h * n_x, h * n_u, dtype=torch.float64)
    ak = torch.eye(4, dtype=torch.float64)
    powers = [ak]
    for _ in range(h):
        powers.append(a @ powers[-1])
    for i in range(h):
        sx[i * n_x:(i + 1) * n_x] = powers[i + 1]
        for j in range(i + 1):
            su[i * n_x:(i + 1) * n_x, j * n_u:(j + 1) * n_u] = powers[i - j] @ b
    qbar = torch.block_diag(*([q] * (h - 1) + [p]))
    rbar = torch.block_diag(*([r] * h))
    hess = 2 * (su.T @ qbar @ su + rbar)
    lin = 2 * x0.double() @ (su.T @ qbar @ sx).T  # (n, 20)
    lip = float(torch.linalg.eigvalsh(hess).max())
    u = torch.zeros_like(lin)
    y, t = u.clone(), 1.0
    for _ in range(iters):
        u_new = (y - (y @ hess + lin) / lip).clamp(-1, 1)
        t_new = (1 + math.sqrt(1 + 4 * t * t)) / 2
        y = u_new + (t - 1) / t_new * (u_new - u)
        u, t = u_new, t_new
    return u[:, :n_u].float()


def mpc_imitation(batch_size: int = 32, seed: int = 0, train_size: int = 16384, width: int = 32, depth: int = 4
                  ) -> dict[str, Any]:
    """A deep ReLU net (4 -> 32 x 4 -> 2) learns the MPC law's first move from ``train_size`` states drawn uniformly
    from the box |p| <= 2, |v| <= 1.5 (inputs scaled to [-1, 1]); the demonstrations are the law evaluated at a
    noisy estimate of the state (error sd MPC_EST_NOISE of the box's half-widths); held out: 4096 other states;
    the mean squared error; Adam."""
    gen = torch.Generator().manual_seed(27302)
    scale = torch.tensor([2.0, 2.0, 1.5, 1.5])
    u = 2 * torch.rand(train_size + 4096, 4, generator=gen) - 1
    target = _mpc_law(u * scale + MPC_EST_NOISE * scale * torch.randn(train_size + 4096, 4, generator=gen))
    tr = (u[:train_size], target[:train_size])
    torch.manual_seed(seed)
    layers: list[nn.Module] = []
    d = 4
    for _ in range(depth):
        layers += [nn.Linear(d, width), nn.ReLU()]
        d = width
    model = nn.Sequential(*layers, nn.Linear(d, 2))
    return {"model": model, "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((u[train_size:], target[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": lambda model, batch: F.mse_loss(model(batch[0]), batch[1]), "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("doa_adam", doa_estimation, 300, "deep_doa_estimation_on_grid", "adam", "finite", 32,
      seconds=1.0, start_lr=0.016),
    W("bearing_adam", bearing_diagnosis, 300, "bearing_fault_diagnosis_envelope_spectrum", "adam", "finite", 32,
      seconds=1.3, start_lr=0.016),
    W("pz_adam", photo_z, 300, "photometric_redshift_bin_classification", "adam", "finite", 32,
      seconds=0.8, start_lr=0.016),
    W("quake_adam", quake_location, 300, "earthquake_location_grid_classification", "adam", "finite", 32,
      seconds=0.5, start_lr=0.016),
)
LONG = (
    W("rt_adam@long", radiation_emulator, 3000, "radiative_transfer_emulator", "adam_l2_1e-6", "finite", 128,
      seconds=7.2, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("mpc_adam@long", mpc_imitation, 3000, "approximate_explicit_mpc", "adam", "finite", 32,
      seconds=6.7, start_lr=0.004, grid_fractions=(0.0, 0.05)),
    W("doa_adam@long", doa_estimation, 3000, "deep_doa_estimation_on_grid", "adam", "finite", 32,
      dict(train_size=32768), seconds=6.5, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="doa_adam"),
    W("quake_adam@long", quake_location, 3000, "earthquake_location_grid_classification", "adam", "finite", 32,
      dict(train_size=32768), seconds=4.4, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="quake_adam"),
)

REGISTRY = Registry(EXAM, LONG, "exam27_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the twenty-seventh exam's workloads")
