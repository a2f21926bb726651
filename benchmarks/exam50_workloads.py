"""The fiftieth exam: six more workload families that neither the suite nor exams 1-48 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam48_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from toxicology and chemical
safety, GNSS and geodesy, railway engineering and track maintenance, audiology and hearing aids, cartography and map
generalisation, and additive manufacturing (exam 49 was built at the same time from other domains; its module was
not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam50/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- skin-sensitisation potency from in-vitro assays with an ANN (toxicology; as Hirota et al. 2015 and Tsujita-Inoue
  et al. 2014 built it: the DPRA cysteine and lysine depletions, the KeratinoSens EC1.5, the h-CLAT CD86 EC150 and
  CD54 EC200 and the log Kow of a chemical, with flags for negative (censored) assay results, through a small tanh
  network to the log LLNA EC3); chemicals from latent reactivity domains with pro-haptens and assay noise; MSE;
  batch 32; RMSprop (torch's alpha 0.99; the published ANNs' training software is not followed)
- day-ahead ionospheric TEC forecasting with an LSTM (GNSS; as in Sun et al. 2017 and later LSTM VTEC forecasters,
  a long plan only): the previous 4 days of hourly vertical TEC at a GNSS station (one LSTM step a day, with the
  day's solar flux F10.7, its maximum Kp and the day of year and hour), to the next 24 hourly values; a station's
  series with diurnal, seasonal (semi-annual, winter anomaly) and solar-cycle variation and geomagnetic storms (a
  positive then a negative phase); MSE in units of 10 TECU; batch 32; Adam
- squat detection from axle-box acceleration with a 1-d CNN (railway; Molodova et al.'s axle-box acceleration
  measurements, classified as in later CNN work): 128-sample vertical acceleration records of a track stretch,
  each normal track, a squat, a weld or an insulated joint, over rail roughness, sleeper passing and measurement
  noise; cross-entropy; batch 32; SGD with Nesterov momentum 0.9 and weight decay 5e-4
- hearing-aid gain prescription with NAL-NL2's neural network (audiology; Keidser et al. 2011: optimised gains
  generalised over audiograms by a neural network): the audiogram at eight frequencies and the input level to the
  insertion gains at those frequencies; gains from a loudness-normalising, intelligibility-weighted rule with
  compression, a desensitisation cap and optimiser noise; MSE in dB/10; batch 32; SGD with momentum 0.9
- building-group pattern recognition with a graph convolutional network (cartography and map generalisation; Yan
  et al. 2019, whose patterns guide typification and aggregation): 16 buildings per group with their size, shape,
  orientation and position descriptors, joined to their 4 nearest neighbours, classified as a regular grid, a
  linear row or an irregular group; groups with varying disorder; cross-entropy; batch 32; Adam
- melt-pool geometry in laser powder-bed fusion with an ANN (additive manufacturing; the process-map ANNs of single
  track experiments; a long plan only): laser power, scan speed, spot size, layer thickness, preheat and the alloy to
  the log width and log depth of the melt pool; tracks from the normalised-enthalpy scaling (King et al. 2014) with
  a keyhole transition and cross-section measurement noise; MSE; batch 32; Adam

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the TEC LSTM and the
melt-pool ANN (no short plans), the NAL-NL2 network on 4096 cases instead of 512 and the sensitisation ANN on 2048
chemicals instead of 512.

Of the eight plans, three use plain Adam (the TEC LSTM, the building-pattern GCN, the melt-pool ANN), two RMSprop
(both sensitisation plans), one SGD with Nesterov momentum (the squat CNN) and two SGD with momentum (both NAL-NL2
plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam50_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam50/README.md).

    python benchmarks/exam50_workloads.py          # the table
    python benchmarks/exam50_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 50"


# --------------------------------------------------------------------------------------------------------------
# 1. skin-sensitisation potency from in-vitro assays (RMSprop)


def _ss_chemicals(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Chemicals tested in the DPRA, KeratinoSens and h-CLAT and in the LLNA. Each has a reaction domain (Michael
    acceptor, SN2, Schiff base former, acyl transfer agent, SNAr, non-reactive), a latent reactivity, a log Kow
    U[-1, 6], and with probability 0.15 is a pro-hapten (needs metabolic activation: little peptide depletion,
    partial activity in the cell assays). The assays read the reactivity with domain-specific cysteine / lysine
    preferences, the cell assays also bioavailability (log Kow) and cytotoxicity; negatives are censored at the
    top concentration (with a flag). The LLNA EC3 (%, log10) falls with reactivity and rises off an optimal log Kow,
    with the assay's own noise (sd 0.25 log units); non-sensitisers are set to log10 EC3 = 2 (100%). Returns
    (features (n, 10), log10 EC3)."""
    dom = torch.randint(0, 6, (n,), generator=gen)
    cys_pref = torch.tensor([1.2, 0.6, -0.4, 0.3, 0.8, -2.5])[dom]
    lys_pref = torch.tensor([-0.6, 0.0, 1.0, 1.1, -0.2, -2.5])[dom]
    dom_pot = torch.tensor([0.4, 0.1, 0.0, 0.3, 0.6, -2.0])[dom]
    r = torch.randn(n, generator=gen)
    kow = -1 + 7 * torch.rand(n, generator=gen)
    pro = torch.rand(n, generator=gen) < 0.15
    r_pep = torch.where(pro, r - 2.0, r)
    cys = 100 * torch.sigmoid(1.6 * r_pep + cys_pref + 0.4 * torch.randn(n, generator=gen))
    lys = 100 * torch.sigmoid(1.3 * r_pep + lys_pref - 0.8 + 0.4 * torch.randn(n, generator=gen))
    avail = -0.15 * (kow - 2.5) ** 2
    cell = r + dom_pot + torch.where(pro, torch.full_like(r, -0.7), torch.zeros_like(r)) + 0.3 * avail
    ks = 2.6 - 0.7 * cell + 0.25 * torch.randn(n, generator=gen)  # log10 EC1.5 (uM); tested to 2000 uM
    cd86 = 2.4 - 0.8 * cell + 0.3 * torch.randn(n, generator=gen)  # log10 EC150 (ug/mL); tested to 5000
    cd54 = 2.6 - 0.6 * cell + 0.3 * torch.randn(n, generator=gen)  # log10 EC200
    ks_neg, cd86_neg, cd54_neg = ks > 3.3, cd86 > 3.7, cd54 > 3.7
    ks, cd86, cd54 = ks.clamp_max(3.3), cd86.clamp_max(3.7), cd54.clamp_max(3.7)
    pot = 1.0 * r + dom_pot + 0.6 * torch.tanh(r) + avail - torch.where(pro, torch.full_like(r, 0.3), torch.zeros_like(r))
    log_ec3 = (1.0 - 1.1 * pot + 0.25 * torch.randn(n, generator=gen)).clamp(-2.5, 2.0)
    x = torch.stack([(cys - 50) / 35, (lys - 30) / 30, (ks - 2.5) / 0.7, (cd86 - 2.5) / 0.9, (cd54 - 2.8) / 0.7,
                     (kow - 2.5) / 2, ks_neg.float(), cd86_neg.float(), cd54_neg.float(),
                     ((cys + lys) / 2 > 6.38).float()], 1)  # the last: the DPRA's own positive call
    return x, log_ec3


class SensitisationANN(nn.Module):
    """The integrated-testing-strategy ANN (Hirota et al. 2015): the assay readouts and log Kow through tanh hidden
    layers to the log LLNA EC3."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(10, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def ec3_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log10 LLNA EC3."""
    x, y = batch
    return F.mse_loss(model(x), y)


def sensitisation_ann(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 24) -> dict[str, Any]:
    """The sensitisation ANN on 512 chemicals (a few published LLNA reference sets pooled); held out: 1024 other
    chemicals in batches of 512; RMSprop."""
    gen = torch.Generator().manual_seed(50102)
    x, y = _ss_chemicals(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SensitisationANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": ec3_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. day-ahead ionospheric TEC at a GNSS station with an LSTM (Adam; long only)

TEC_DAYS, TEC_STEPS, TEC_HELD_DAYS = 3 * 365, 4, 120


def _tec_series() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Three years of hourly vertical TEC (TECU) over a mid-latitude GNSS station on the rising phase of a solar
    cycle: a daily F10.7 (a trend from 80 to 160 sfu, a 27-day rotation and day-to-day noise), a 3-hourly Kp (quiet
    0-3 with storms about every 12 days: Kp 5-8 decaying over a day), and TEC = a solar-flux level x a seasonal
    factor (semi-annual maxima at the equinoxes, a winter anomaly on the dayside) x a diurnal profile (a minimum
    before dawn, a maximum at 14 LT) x a day-to-day variability (AR(1) over days), with storm phases (a positive
    phase of a few hours, then a negative phase of 1-2 days) and 0.8 TECU of receiver noise. Returns (TEC, F10.7,
    Kp), hourly."""
    g = torch.Generator().manual_seed(50201)
    days = torch.arange(TEC_DAYS).float()
    f107 = (80 + 80 * days / TEC_DAYS + 15 * torch.sin(2 * math.pi * days / 27 + 1.0)
            + 6 * torch.randn(TEC_DAYS, generator=g)).clamp_min(65)
    hours = TEC_DAYS * 24
    t = torch.arange(hours).float()
    kp = (1.5 + 0.8 * torch.randn(hours // 3, generator=g)).clamp(0, 4).repeat_interleave(3)
    n_storms = TEC_DAYS // 12
    onset = torch.randint(0, hours - 48, (n_storms,), generator=g)
    strength = 5 + 3 * torch.rand(n_storms, generator=g)
    storm = torch.zeros(hours)
    for o, s in zip(onset.tolist(), strength.tolist()):
        dt = t[o:] - o
        storm[o:] += (s - 2) * torch.exp(-dt / 18)
    kp = torch.maximum(kp, (kp + storm).clamp_max(9))
    # storm phase on TEC: positive for ~6 h after onset, then negative
    phase = torch.zeros(hours)
    for o, s in zip(onset.tolist(), strength.tolist()):
        dt = t[o:] - o
        phase[o:] += (s - 4) * (0.12 * torch.exp(-dt / 4) - 0.08 * (1 - torch.exp(-dt / 6)) * torch.exp(-dt / 30))
    hour = t % 24
    doy = (t / 24) % 365
    lt = hour
    diurnal = 0.25 + 0.75 * torch.clamp(torch.cos(2 * math.pi * (lt - 14) / 24) + 0.15, min=0) ** 1.4
    season = 1 + 0.2 * torch.cos(4 * math.pi * (doy - 80) / 365) + 0.15 * torch.cos(2 * math.pi * doy / 365) * (
        torch.cos(2 * math.pi * (lt - 13) / 24) > 0).float()
    e = (0.08 * torch.randn(TEC_DAYS, generator=g)).tolist()
    zs = [0.0]
    for v in e[1:]:
        zs.append(0.7 * zs[-1] + v)
    day_var = torch.exp(torch.tensor(zs)).repeat_interleave(24)
    level = (4 + 0.14 * (f107.repeat_interleave(24) - 65))
    tec = level * season * diurnal * day_var * (1 + phase) + 0.8 * torch.randn(hours, generator=g)
    return tec.clamp_min(0.5), f107.repeat_interleave(24), kp


def _tec_windows() -> tuple[torch.Tensor, torch.Tensor, int]:
    """Day-ahead examples: the input is the previous 4 days as 4 steps, each the day's 24 hourly TEC values / 20
    with its mean (F10.7 - 120) / 40, its maximum Kp / 9 and the sine and cosine of its day of year and of the hour
    the day starts at; the target is the next 24 hourly TEC values (TECU / 10). Windows start every hour; returns
    (inputs (n, 4, 30), targets (n, 24), the first held-out window)."""
    tec, f107, kp = _tec_series()
    hours = len(tec)
    t = torch.arange(hours).float()
    starts = torch.arange(0, hours - (TEC_STEPS + 1) * 24 + 1)
    day0 = starts.unsqueeze(1) + 24 * torch.arange(TEC_STEPS).unsqueeze(0)  # n, steps
    hrs = day0.unsqueeze(2) + torch.arange(24).view(1, 1, -1)  # n, steps, 24
    tt = t[day0]
    x = torch.cat([tec[hrs] / 20, ((f107[hrs].mean(2) - 120) / 40).unsqueeze(2), (kp[hrs].amax(2) / 9).unsqueeze(2),
                   torch.stack([torch.sin(2 * math.pi * tt / (24 * 365)), torch.cos(2 * math.pi * tt / (24 * 365)),
                                torch.sin(2 * math.pi * tt / 24), torch.cos(2 * math.pi * tt / 24)], 2)], 2)
    y = tec[(starts + TEC_STEPS * 24).unsqueeze(1) + torch.arange(24).unsqueeze(0)] / 10
    first_held = (TEC_DAYS - TEC_HELD_DAYS) * 24
    return x, y, first_held


class TECForecaster(nn.Module):
    """An LSTM VTEC forecaster: one LSTM layer over the input days, its last state through a dense layer to the next
    day's 24 hourly values."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(24 + 6, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 24)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.head(h[:, -1])


def tec_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the next day's hourly TEC (in units of 10 TECU)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tec_lstm(batch_size: int = 32, seed: int = 0, hidden: int = 32) -> dict[str, Any]:
    """The TEC LSTM trained on every hourly window of the first 2.7 years; held out: the last 120 days (windows
    starting every 6 hours, in batches of 240; the gap keeps their targets out of the training inputs); Adam."""
    x, y, first = _tec_windows()
    n_train = first - (TEC_STEPS + 1) * 24
    tr = (x[:n_train], y[:n_train])
    held = torch.arange(first, len(y), 6)
    torch.manual_seed(seed)
    return {"model": TECForecaster(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[held], y[held]), 240),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": tec_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. squat detection from axle-box acceleration with a 1-d CNN (SGD with Nesterov momentum)

ABA_LEN = 128


def _aba_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vertical axle-box acceleration over a 128-sample stretch of track (about 1 m, decimated): rail
    roughness (band-limited noise), the sleeper-passing ripple and sensor noise; class 0 normal track, 1 a squat (a
    short double impact, the lead edge and the trailing crack, ringing at the wheel-rail resonance; severity
    log-uniform), 2 a weld (a broad, lower-frequency dip and rise), 3 an insulated joint (a sharp impact across the
    gap, and a smaller one at its end, about 6 samples later). Each record is scaled by its own std. Returns
    (records (n, 1, 128), class)."""
    t = torch.arange(ABA_LEN).float().view(1, -1)
    cls = torch.randint(0, 4, (n,), generator=gen)
    rough = torch.randn(n, 1, ABA_LEN + 8, generator=gen)
    rough = F.avg_pool1d(rough, 9, stride=1).squeeze(1) * 1.2
    sleeper = 0.5 * torch.sin(2 * math.pi * t / (20 + 4 * torch.rand(n, 1, generator=gen))
                              + 2 * math.pi * torch.rand(n, 1, generator=gen))
    x = rough + sleeper + 0.6 * torch.randn(n, ABA_LEN, generator=gen)
    pos = 20 + 90 * torch.rand(n, 1, generator=gen)
    sev = torch.exp(math.log(1.0) + math.log(5.0) * torch.rand(n, 1, generator=gen))
    f_res = 0.18 + 0.1 * torch.rand(n, 1, generator=gen)

    def ring(t0: torch.Tensor, f: torch.Tensor, tau: float) -> torch.Tensor:
        dt = t - t0
        return torch.sin(2 * math.pi * f * dt) * torch.exp(-dt.clamp_min(0) / tau) * (dt >= 0)

    gap = 2 + 4 * torch.rand(n, 1, generator=gen)
    squat = sev * (ring(pos, f_res, 4.0) + 0.7 * ring(pos + gap, f_res, 4.0))
    weld = 1.6 * sev * torch.exp(-0.5 * ((t - pos) / 5) ** 2) * torch.cos(2 * math.pi * (t - pos) / 18)
    joint = 1.5 * sev * (ring(pos, f_res * 0.7, 6.0) + 0.5 * ring(pos + 6, f_res * 0.7, 6.0))
    event = torch.where((cls == 1).unsqueeze(1), squat, torch.zeros_like(x))
    event = torch.where((cls == 2).unsqueeze(1), weld, event)
    event = torch.where((cls == 3).unsqueeze(1), joint, event)
    x = x + event
    x = (x - x.mean(1, keepdim=True)) / x.std(1, keepdim=True)
    return x.unsqueeze(1), cls


class SquatCNN(nn.Module):
    """A 1-d CNN over the acceleration record: three convolution blocks (width 9, 9, 5; 8, 16 and 16 channels; ReLU,
    max pooling by 4 after the first two), a global max pool and a linear classifier over the four classes."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(1, width, 9, padding=4), nn.ReLU(), nn.MaxPool1d(4),
                                 nn.Conv1d(width, 2 * width, 9, padding=4), nn.ReLU(), nn.MaxPool1d(4),
                                 nn.Conv1d(2 * width, 2 * width, 5, padding=2), nn.ReLU(),
                                 nn.AdaptiveMaxPool1d(1), nn.Flatten(), nn.Linear(2 * width, 4))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def squat_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy over the four track classes."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def squat_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The squat CNN on 2048 labelled track records; held out: 1024 other records in batches of 512; SGD with
    Nesterov momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(50302)
    x, y = _aba_records(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SquatCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": squat_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. hearing-aid gain prescription with NAL-NL2's neural network (SGD with momentum)

HA_FREQS = (250, 500, 1000, 1500, 2000, 3000, 4000, 6000)


def _ha_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Audiograms (dB HL at eight frequencies) of hearing-aid candidates: a mix of flat, gently and steeply sloping
    (presbycusic), noise-notched (a dip at 4 kHz) and reverse-sloping losses, with per-frequency scatter, limited
    to 0-110 dB HL; an input speech level U[45, 85] dB SPL. The 'optimised' insertion gains (dB) follow an
    intelligibility-weighted rule: about a third of the threshold plus a share of the three-frequency average, less
    gain where the loss is steeply sloping and severe (desensitisation: the gain for a frequency saturates above
    about 80 dB HL), a compression ratio that grows with the loss (the gain falls with the input level above 45 dB
    SPL), and 1 dB of optimiser noise. Returns ((audiogram - 50) / 25 and (level - 65) / 12 (n, 9), gains / 10 (n, 8))."""
    f = torch.log2(torch.tensor(HA_FREQS, dtype=torch.float32) / 1000)  # -2 .. 2.58
    kind = torch.randint(0, 5, (n, 1), generator=gen)
    base = 15 + 55 * torch.rand(n, 1, generator=gen)
    slope = torch.where(kind == 1, 4 + 6 * torch.rand(n, 1, generator=gen),
                        torch.where(kind == 2, 12 + 10 * torch.rand(n, 1, generator=gen),
                                    torch.where(kind == 4, -6 - 6 * torch.rand(n, 1, generator=gen),
                                                torch.zeros(n, 1))))
    notch = (kind == 3).float() * (15 + 20 * torch.rand(n, 1, generator=gen)) * torch.exp(-((f - 2) ** 2) / 0.3)
    hl = base + slope * (f + 1).clamp_min(0) * (f + 1).clamp_min(0) ** 0.3 + notch
    hl = hl + 4 * torch.randn(n, 8, generator=gen)
    hl = (5 * torch.round(hl / 5)).clamp(0, 110)  # audiometers step by 5 dB
    level = 45 + 40 * torch.rand(n, 1, generator=gen)
    h3fa = hl[:, [1, 2, 4]].mean(1, keepdim=True)
    eff = 85 * torch.tanh(hl / 85)  # desensitisation: gain saturates for severe losses
    steep = F.relu(hl[:, 4:] - hl[:, 2:3] - 30).mean(1, keepdim=True)  # steep high-frequency slope
    freq_w = torch.tensor([-9.0, -4.0, 0.0, 1.0, 1.0, 0.0, -2.0, -6.0])  # NAL-style frequency corrections
    g65 = 0.32 * eff + 0.12 * h3fa + freq_w - 0.25 * steep * (f > 0.8).float()
    cr = 1 + 0.012 * hl + 0.004 * F.relu(hl - 60)
    gain = g65 - (level - 65) * (1 - 1 / cr)
    gain = gain.clamp_min(0) + 1.0 * torch.randn(n, 8, generator=gen)
    x = torch.cat([(hl - 50) / 25, (level - 65) / 12], 1)
    return x, gain / 10


class GainNet(nn.Module):
    """NAL-NL2's gain network in outline: the audiogram and the input level through two sigmoid hidden layers to the
    eight insertion gains."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 8))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def gain_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the insertion gains (in units of 10 dB)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def nal_gain_net(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 64) -> dict[str, Any]:
    """The gain network on 512 optimised (audiogram, level) cases; held out: 1024 other cases in batches of 512;
    SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(50402)
    x, y = _ha_cases(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": GainNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": gain_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. building-group pattern recognition with a graph convolutional network (Adam)

BP_N, BP_K = 16, 4


def _bp_groups(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Groups of 16 buildings from a large-scale topographic map, each a regular pattern (a grid of aligned,
    similar buildings), a linear pattern (a row along a curved street, each building turned to the street) or an
    irregular group (scattered positions, sizes and orientations). Every group has its own disorder: positional
    jitter, orientation scatter and size scatter from none to about as large as the irregular groups', so that the
    most disordered regular and linear groups look irregular. Per building (Yan et al.'s descriptors): log area,
    elongation, the orientation as (cos 2t, sin 2t), the centroid relative to the group's (in units of the mean
    spacing) and the mean distance to its 4 nearest neighbours; the graph joins each building to its 4 nearest
    neighbours (symmetrised, with self-loops, normalised D^-1/2 A D^-1/2). Returns (features (n, 16, 7),
    normalised adjacency (n, 16, 16), class)."""
    cls = torch.randint(0, 3, (n,), generator=gen)
    dis = torch.rand(n, 1, generator=gen)  # a group's disorder, 0..1
    # regular: a 4 x 4 grid, rotated
    gi = torch.arange(BP_N).float()
    grid = torch.stack([gi % 4 - 1.5, torch.div(gi, 4, rounding_mode="floor") - 1.5], 1).unsqueeze(0)  # 1, N, 2
    rot = math.pi * torch.rand(n, 1, generator=gen)
    c, s_ = torch.cos(rot).unsqueeze(2), torch.sin(rot).unsqueeze(2)
    reg = torch.cat([grid[..., :1] * c - grid[..., 1:] * s_, grid[..., :1] * s_ + grid[..., 1:] * c], 2)
    reg_o = rot.expand(n, BP_N)
    # linear: a row along a circular arc of random curvature
    u = (gi - 7.5).unsqueeze(0) * 0.9
    curv = 0.02 + 0.35 * torch.rand(n, 1, generator=gen)  # the street's curvature (per mean spacing)
    ang = u * curv
    lin = torch.stack([torch.sin(ang) / curv, (1 - torch.cos(ang)) / curv], 2)
    lin = torch.cat([lin[..., :1] * c - lin[..., 1:] * s_, lin[..., :1] * s_ + lin[..., 1:] * c], 2)
    lin_o = rot + ang
    # irregular: scattered
    irr = 3.2 * torch.rand(n, BP_N, 2, generator=gen) - 1.6
    irr_o = math.pi * torch.rand(n, BP_N, generator=gen)
    xy = torch.where((cls == 0).view(n, 1, 1), reg, torch.where((cls == 1).view(n, 1, 1), lin, irr))
    orient = torch.where((cls == 0).view(n, 1), reg_o, torch.where((cls == 1).view(n, 1), lin_o, irr_o))
    ordered = (cls < 2).float().view(n, 1)
    xy = xy + (0.7 * dis * ordered).unsqueeze(2) * torch.randn(n, BP_N, 2, generator=gen)
    orient = orient + 1.2 * dis * ordered * torch.randn(n, BP_N, generator=gen)
    size_sd = 0.1 + 0.4 * torch.maximum(dis * ordered, 1 - ordered)
    log_area = -1.5 + 0.2 * torch.randn(n, 1, generator=gen) + size_sd * torch.randn(n, BP_N, generator=gen)
    elong = 1.2 + 0.3 * torch.rand(n, 1, generator=gen) + (0.1 + 0.5 * torch.maximum(dis * ordered, 1 - ordered)) * torch.rand(
        n, BP_N, generator=gen)
    xy = xy - xy.mean(1, keepdim=True)
    d = torch.cdist(xy, xy) + 1e9 * torch.eye(BP_N)
    knn = d.topk(BP_K, 2, largest=False)
    adj = torch.zeros(n, BP_N, BP_N).scatter_(2, knn.indices, 1.0)
    adj = ((adj + adj.transpose(1, 2)) > 0).float() + torch.eye(BP_N)
    dinv = adj.sum(2).rsqrt()
    adj = dinv.unsqueeze(2) * adj * dinv.unsqueeze(1)
    spacing = knn.values.mean((1, 2), keepdim=True).squeeze(2)
    feats = torch.stack([log_area + 1.5, elong - 1.5, torch.cos(2 * orient), torch.sin(2 * orient), xy[..., 0] / spacing / 2,
                         xy[..., 1] / spacing / 2, knn.values.mean(2) / spacing - 1], 2)
    return feats, adj, cls


class BuildingPatternGCN(nn.Module):
    """Yan et al.'s (2019) graph convolutional network for building patterns, with first-order (Kipf & Welling)
    graph convolutions: two graph convolutions with ReLU, mean and max pooling over the group's buildings, and a
    linear classifier over the three patterns."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.g1, self.g2 = nn.Linear(7, hidden), nn.Linear(hidden, hidden)
        self.out = nn.Linear(2 * hidden, 3)

    def forward(self, x: torch.Tensor, adj: torch.Tensor) -> torch.Tensor:
        h = F.relu(adj @ self.g1(x))
        h = F.relu(adj @ self.g2(h))
        return self.out(torch.cat([h.mean(1), h.amax(1)], 1))


def pattern_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy over the three building patterns."""
    x, adj, y = batch
    return F.cross_entropy(model(x, adj), y)


def building_pattern_gcn(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The pattern GCN on 1024 labelled building groups; held out: 1024 other groups in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(50502)
    x, a, y = _bp_groups(train_size + 1024, gen)
    tr = (x[:train_size], a[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": BuildingPatternGCN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], a[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": pattern_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. melt-pool geometry in laser powder-bed fusion (Adam; long only)


def _mp_tracks(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Single-track experiments on three alloys (316L, Ti-6Al-4V, IN718: absorptivity, density x specific heat
    x melting-point enthalpy, thermal diffusivity): laser power U[50, 400] W, scan speed log-uniform 200-2000 mm/s,
    spot radius U[25, 75] um, layer thickness U[20, 60] um, preheat U[20, 200] C. The normalised enthalpy
    dH / h_s = A P / (pi h_s sqrt(D v sigma^3)) (King et al. 2014) sets the depth: conduction mode below a threshold
    of about 6, keyhole mode (a steeper rise) above; the width grows with sqrt(P / v) and the spot; preheat lowers
    the enthalpy needed. Cross-section measurements with 6% noise. Returns (process parameters (n, 8), (log width,
    log depth) in um)."""
    alloy = torch.randint(0, 3, (n,), generator=gen)
    absorb = torch.tensor([0.35, 0.45, 0.40])[alloy]
    hs = torch.tensor([9.0, 5.5, 8.0])[alloy]  # J/mm^3 to melt
    diff = torch.tensor([5.0, 3.0, 3.5])[alloy]  # mm^2/s
    power = 50 + 350 * torch.rand(n, generator=gen)
    speed = torch.exp(math.log(200) + math.log(10) * torch.rand(n, generator=gen))
    spot = 0.025 + 0.05 * torch.rand(n, generator=gen)  # mm
    layer = 20 + 40 * torch.rand(n, generator=gen)
    pre = 20 + 180 * torch.rand(n, generator=gen)
    hs_eff = hs * (1 - 0.5 * (pre - 20) / 1400)
    enth = absorb * power / (math.pi * hs_eff * torch.sqrt(diff * speed * spot**3))
    depth = 1000 * spot * (0.25 * enth.sqrt() + 0.35 * F.softplus(2 * (enth - 6)) / 2)
    depth = depth - 0.4 * layer
    depth = depth.clamp_min(5)
    width = 1000 * (1.2 * spot + 0.8 * torch.sqrt(absorb * power / (hs_eff * speed)))
    width = width * (1 + 0.1 * torch.tanh((enth - 6) / 3))
    y = torch.stack([torch.log(width), torch.log(depth)], 1) + 0.06 * torch.randn(n, 2, generator=gen)
    x = torch.stack([(power - 225) / 100, (torch.log(speed) - 6.45) / 0.66, (spot - 0.05) / 0.0144,
                     (layer - 40) / 11.5, (pre - 110) / 52], 1)
    x = torch.cat([x, F.one_hot(alloy, 3).float()], 1)
    return x, y


class MeltPoolANN(nn.Module):
    """A process-map ANN: the process parameters and the alloy (one-hot) through ReLU hidden layers to the log
    width and log depth of the melt pool."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def melt_pool_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log width and log depth."""
    x, y = batch
    return F.mse_loss(model(x), y)


def melt_pool_ann(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The melt-pool ANN on 1024 single tracks, targets centred on the training mean; held out: 1024 other tracks
    in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(50602)
    x, y = _mp_tracks(train_size + 1024, gen)
    y = y - y[:train_size].mean(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MeltPoolANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": melt_pool_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("sensitisation_ann_rmsprop", sensitisation_ann, 300, "skin_sensitisation_potency_ann", "rmsprop",
      "small_finite", 32, seconds=0.2, start_lr=0.016),
    W("squat_cnn_nesterov", squat_cnn, 300, "axle_box_acceleration_squat_cnn", "sgd_nesterov0.9_wd5e-4", "finite",
      32, seconds=0.7, start_lr=0.1),
    W("nal_gain_net_sgdm", nal_gain_net, 300, "nal_nl2_gain_prescription_network", "sgd_momentum0.9", "finite", 32,
      seconds=0.2, start_lr=0.2),
    W("building_pattern_gcn_adam", building_pattern_gcn, 300, "building_pattern_gcn_map_generalisation", "adam",
      "finite", 32, seconds=0.35, start_lr=0.032),
)
LONG = (
    W("tec_lstm_adam@long", tec_lstm, 3000, "ionospheric_tec_lstm_forecast", "adam", "finite", 32,
      seconds=4.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("melt_pool_ann_adam@long", melt_pool_ann, 3000, "lpbf_melt_pool_geometry_ann", "adam", "finite", 32,
      seconds=1.8, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("nal_gain_net_sgdm@long", nal_gain_net, 3000, "nal_nl2_gain_prescription_network", "sgd_momentum0.9",
      "finite", 32, dict(train_size=4096), seconds=1.5, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="nal_gain_net_sgdm"),
    W("sensitisation_ann_rmsprop@long", sensitisation_ann, 3000, "skin_sensitisation_potency_ann", "rmsprop",
      "finite", 32, dict(train_size=2048), seconds=2.2, start_lr=0.008, grid_fractions=(0.0, 0.05),
      long_of="sensitisation_ann_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam50_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fiftieth exam's workloads")
