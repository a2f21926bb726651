"""The fortieth exam: six more workload families that neither the suite nor exams 1-38 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam38_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from astronomy and cosmology,
telecommunications and wireless, agriculture and soil science, law and policy text, manufacturing and predictive
maintenance, and neuroscience (EEG) (exam 39 was built at the same time from other domains; its module was not
opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam40/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- weak-lensing cosmology with a CNN (Gupta et al. 2018; Ribli et al. 2019): a small convolutional net (batch norm,
  average pooling) reads a noisy 16 x 16 convergence map and regresses the matter density Omega_m and the
  clustering amplitude sigma_8; maps are lognormal fields whose power and skewness depend on both, with galaxy
  shape noise; MSE on the standardised parameters; batch 32; Adam (from memory)
- P300 detection for a speller with Cecotti & Graser's (2011) CNN (EEG): a spatial layer of 10 filters across 16
  electrodes, a temporal layer of 5 filters per spatial map with a kernel and stride of 125 ms, scaled tanh, a
  sigmoid layer of 100 units and one output; single-flash epochs with an N200 / P300 on attended flashes (one in
  six), a visual response on every flash and a stronger spatially mixed background; binary cross-entropy; SGD with
  momentum 0.9 (back-propagation, as such CNNs were trained then; from memory)
- crop yield from satellite-image histograms (You et al. 2017): a CNN over each county's histograms of five
  bands (red, NIR, SWIR, day and night land-surface temperature) through the season (bins x time, bands as
  channels), batch norm, a dense head to the yield (no dropout: see the README); the L2 loss on the standardised
  yield; Adam (their code, from memory)
- predictive maintenance with WTTE-RNN (Martinsson 2016): a GRU over the last 12 cycles of a pump's sensors, load
  and age gives the scale and shape of a Weibull distribution of the time to failure; the discrete censored
  Weibull log-likelihood; the pumps of a fleet wear at random rates and are censored when their records end;
  RMSprop (public Keras re-implementations of WTTE-RNN use it)
- power control by a DNN that learns WMMSE (Sun et al. 2018, "Learning to optimize"; telecommunications; a long
  plan only): an MLP (200-80-80, ReLU, a sigmoid output for the powers in [0, Pmax]) from the 100 channel gains of
  a 10-user interference channel to the powers the WMMSE algorithm allocates, computed in the factory; MSE; batch
  64 (theirs: 1000); RMSprop (their code, from memory)
- EU-legislation multi-label classification with label-wise attention (CAML, Mullenbach et al. 2018, as applied to
  EUROVOC concepts by Chalkidis et al. 2019; law and policy text; a long plan only): word embeddings, a 1-d
  convolution with tanh, one attention distribution over the positions per label, a per-label score; binary
  cross-entropy over 24 labels; Adam (Chalkidis et al.'s, from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the WMMSE power-control
DNN and the legislation classifier (no short plans), the P300 CNN on 24,000 flashes instead of 12,000 and WTTE-RNN
on a fleet of 2048 pumps instead of 256.

Of the eight plans, three use plain Adam (lensing, crop yield, legislation), two SGD with momentum (both P300
plans) and three RMSprop (both WTTE plans, WMMSE).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam40_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam40/README.md).

    python benchmarks/exam40_workloads.py          # the table
    python benchmarks/exam40_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 40"


# --------------------------------------------------------------------------------------------------------------
# 1. weak-lensing cosmology: Omega_m and sigma_8 from convergence maps with a CNN (Adam)

WL_PIX = 16


def _wl_maps(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Convergence maps of 16 x 16 pixels (about 3.5 x 3.5 deg at 13 arcmin): a Gaussian field with a power-law
    spectrum whose slope steepens with Omega_m, cut off at the pixel scale, turned into a shifted lognormal field
    (the usual model of the convergence's skewness: the shift shrinks as Omega_m grows, so the maps are more skewed)
    with a variance scaling as (sigma_8 Omega_m^0.6)^2; galaxy shape noise added. Omega_m ~ U[0.15, 0.45],
    sigma_8 ~ U[0.6, 1.0]. Returns (maps (n, 1, 16, 16) scaled to unit noise-free sd at the fiducial cosmology,
    (Omega_m, sigma_8))."""
    om = 0.15 + 0.3 * torch.rand(n, generator=gen)
    s8 = 0.6 + 0.4 * torch.rand(n, generator=gen)
    kx = torch.fft.fftfreq(WL_PIX).view(-1, 1)
    ky = torch.fft.rfftfreq(WL_PIX).view(1, -1)
    k = (kx**2 + ky**2).sqrt().clamp_min(1.0 / WL_PIX)
    slope = 1.2 + 3.0 * (om - 0.3)
    pk = k.unsqueeze(0) ** (-slope.view(n, 1, 1)) * torch.exp(-((k / 0.35) ** 2)).unsqueeze(0)
    white = torch.randn(n, WL_PIX, WL_PIX, generator=gen)
    g = torch.fft.irfft2(torch.fft.rfft2(white) * pk.sqrt(), s=(WL_PIX, WL_PIX))
    g = (g - g.mean((1, 2), keepdim=True)) / g.std((1, 2), keepdim=True)
    var = (0.018 * s8 * (om / 0.3) ** 0.6) ** 2
    shift = 0.03 * (0.3 / om) ** 1.5
    s = torch.log1p(var / shift**2).sqrt().view(n, 1, 1)
    kappa = shift.view(n, 1, 1) * (torch.exp(s * g - s**2 / 2) - 1)
    kappa = kappa + 0.003 * torch.randn(n, WL_PIX, WL_PIX, generator=gen)
    return (kappa / 0.018).unsqueeze(1), torch.stack([om, s8], 1)


class LensingCNN(nn.Module):
    """A small CNN of the kind used on convergence maps (Gupta et al. 2018; Ribli et al. 2019): 3x3 convolutions
    with batch norm, ReLU and 2x2 average pooling (12, 24, 48 channels), a dense layer of 64 and a linear output per
    parameter."""

    def __init__(self, width: int = 12) -> None:
        super().__init__()
        w = width
        self.conv = nn.Sequential(nn.Conv2d(1, w, 3, padding=1), nn.BatchNorm2d(w), nn.ReLU(), nn.AvgPool2d(2),
                                  nn.Conv2d(w, 2 * w, 3, padding=1), nn.BatchNorm2d(2 * w), nn.ReLU(), nn.AvgPool2d(2),
                                  nn.Conv2d(2 * w, 4 * w, 3, padding=1), nn.BatchNorm2d(4 * w), nn.ReLU(),
                                  nn.AvgPool2d(2), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(4 * w * (WL_PIX // 8) ** 2, 64), nn.ReLU(), nn.Linear(64, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def cosmo_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the two standardised parameters."""
    x, y = batch
    return F.mse_loss(model(x), y)


def lensing_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 12) -> dict[str, Any]:
    """The lensing CNN on 4096 simulated convergence maps (parameters standardised over the training maps); held
    out: 1024 other maps in batches of 512; Adam."""
    gen = torch.Generator().manual_seed(40101)
    x, y = _wl_maps(train_size + 1024, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LensingCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": cosmo_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. P300 detection for a speller with Cecotti & Graser's (2011) CNN (SGD)

EP_CH, EP_HZ, EP_LEN = 16, 64, 48


def _ep_band(n: int, ch: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    """Gaussian noise band-limited to [lo, hi] Hz (unit sd), shape (n, ch, EP_LEN)."""
    f = torch.fft.rfftfreq(EP_LEN, 1.0 / EP_HZ)
    mask = ((f >= lo) & (f <= hi)).float()
    x = torch.fft.irfft(torch.fft.rfft(torch.randn(n, ch, EP_LEN, generator=gen)) * mask, n=EP_LEN)
    return x / x.std(2, keepdim=True).clamp_min(1e-6)


def _ep_trials(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Single-flash EEG epochs of a P300 speller (rows and columns flashed; one flash in six shows the attended
    symbol): 16 electrodes on a 4 x 4 grid over the scalp (frontal to occipital), 0.75 s from the flash at 64 Hz.
    Every flash evokes a visual response (P1 / N1 over the occipital rows); an attended flash adds an N200 (parieto-
    occipital) and a P300 (centro-parietal, peak 300 ms with a trial-to-trial latency jitter of sd 40 ms and an
    amplitude that varies 0.4-1.6x). The background is 16 spatially smooth sources mixed to the electrodes: 1/f-
    like slow activity and a 9-12 Hz alpha, stronger than the evoked responses (single trials are hard), plus
    electrode noise. Returns (epochs (n, 16, 48) in units of the background's sd, target labels)."""
    tg = torch.Generator().manual_seed(40202)
    yy, xx = torch.meshgrid(torch.arange(4).float(), torch.arange(4).float(), indexing="ij")
    pos = torch.stack([yy.flatten(), xx.flatten()], 1)  # row 0 frontal, row 3 occipital

    def topo(r: float, c: float, width: float) -> torch.Tensor:
        return torch.exp(-((pos - torch.tensor([r, c])) ** 2).sum(1) / (2 * width**2))

    mixing = torch.exp(-torch.cdist(pos, pos) ** 2 / 2.0) * (0.5 + torch.rand(EP_CH, EP_CH, generator=tg))
    y = (torch.rand(n, generator=gen) < 1 / 6).float()
    t = torch.arange(EP_LEN).float() / EP_HZ
    jit = 0.04 * torch.randn(n, 1, generator=gen)
    amp = 0.4 + 1.2 * torch.rand(n, 1, generator=gen)
    p300 = amp * torch.exp(-0.5 * ((t - 0.3 - jit) / 0.07) ** 2)
    n200 = -0.6 * amp * torch.exp(-0.5 * ((t - 0.2 - jit / 2) / 0.03) ** 2)
    vep_amp = 0.5 + torch.rand(n, 1, generator=gen)
    vep = vep_amp * (torch.exp(-0.5 * ((t - 0.1) / 0.02) ** 2) - 1.2 * torch.exp(-0.5 * ((t - 0.17) / 0.03) ** 2))
    evoked = (y.view(n, 1, 1) * (p300.unsqueeze(1) * topo(2.0, 1.5, 1.2).view(1, -1, 1)
                                 + n200.unsqueeze(1) * topo(3.0, 1.5, 1.0).view(1, -1, 1))
              + vep.unsqueeze(1) * topo(3.0, 1.5, 0.8).view(1, -1, 1))
    slow = torch.cumsum(torch.randn(n, EP_CH, EP_LEN, generator=gen), 2) / math.sqrt(EP_LEN)
    slow = slow - slow.mean(2, keepdim=True)
    sources = 1.0 * slow + 0.8 * _ep_band(n, EP_CH, 9.0, 12.0, gen)
    background = torch.einsum("ij,njt->nit", mixing, sources) / mixing.sum(1).view(1, -1, 1)
    x = 0.5 * evoked + background + 0.4 * torch.randn(n, EP_CH, EP_LEN, generator=gen)
    return x, y


class CecottiP300CNN(nn.Module):
    """Cecotti & Graser's (2011) CNN for P300 detection: a spatial layer (10 spatial filters across the 16
    electrodes), a temporal layer (5 filters per spatial map, kernel and stride of 8 samples: 125 ms), scaled tanh
    (LeCun's 1.7159 tanh(2x/3)) on both, a fully connected layer of 100 sigmoid units and one output (target or
    not)."""

    def __init__(self, spatial: int = 10, per_map: int = 5, hidden: int = 100) -> None:
        super().__init__()
        self.spatial = nn.Conv1d(EP_CH, spatial, 1)
        self.temporal = nn.Conv1d(spatial, spatial * per_map, 8, stride=8, groups=spatial)
        self.fc = nn.Linear(spatial * per_map * (EP_LEN // 8), hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        act = lambda h: 1.7159 * torch.tanh(2 * h / 3)
        h = act(self.temporal(act(self.spatial(x))))
        return self.out(torch.sigmoid(self.fc(h.flatten(1)))).squeeze(1)


def p300_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of target against non-target flashes."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def p300_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 12000) -> dict[str, Any]:
    """The P300 CNN on 12,000 flashes (about 2000 targets; every electrode standardised over the training flashes); held
    out: 3000 other flashes in batches of 1000; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(40201)
    x, y = _ep_trials(train_size + 3000, gen)
    x = (x - x[:train_size].mean((0, 2), keepdim=True)) / x[:train_size].std((0, 2), keepdim=True)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": CecottiP300CNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1000),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": p300_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. crop yield from satellite-image histograms with You et al.'s (2017) CNN (Adam)

CY_BANDS, CY_BINS, CY_T = 5, 16, 16


def _cy_counties(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """County-years of a maize belt: per county a crop fraction, soil quality, and per season a planting date, a
    drought index and heat-stress days. The crop pixels' NDVI-like greenness follows a logistic green-up and a
    senescence, its peak lowered by drought and heat and its timing shifted by planting; five bands per 8-day
    composite (16 over the season): red and NIR reflectance from the greenness, SWIR from canopy water (drought),
    day and night land-surface temperature (heat, drought). Each band's pixel histogram (16 bins over a fixed
    range) mixes crop pixels (a Gaussian around the crop mean) and other land (grass and forest), with the
    sampling noise of a few hundred pixels. The yield: a quadratic-plateau response to soil, drought and heat,
    with a penalty for late planting, plus 3% noise. Returns (histograms (n, 5, 16, 16), yield)."""
    frac = 0.3 + 0.6 * torch.rand(n, 1, generator=gen)
    soil = torch.rand(n, 1, generator=gen)
    plant = torch.randn(n, 1, generator=gen)
    drought = torch.rand(n, 1, generator=gen) ** 1.5
    heat = torch.rand(n, 1, generator=gen) ** 2
    t = torch.arange(CY_T).float().view(1, -1)
    peak = 0.35 + 0.35 * (0.6 + 0.4 * soil) * (1 - 0.6 * drought) * (1 - 0.35 * heat)
    up = torch.sigmoid((t - 4 - 1.2 * plant) / 1.2)
    down = torch.sigmoid((11 + 0.8 * plant - 2 * drought - t) / 1.3)
    green = 0.15 + peak * up * down
    other = 0.45 + 0.1 * torch.sin(math.pi * t / CY_T) + 0.03 * torch.randn(n, 1, generator=gen)
    temp = 0.5 * torch.sin(math.pi * t / CY_T) + 0.3 * heat + 0.2 * drought
    crop_means = torch.stack([0.6 - 0.8 * green, 0.2 + green, 0.7 - 0.6 * green * (1 - drought),
                              temp + 0.4 * (1 - green), 0.8 * temp + 0.1 * heat], 1)
    other_means = torch.stack([0.6 - 0.8 * other, 0.2 + other, 0.7 - 0.5 * other,
                               temp + 0.4 * (1 - other), 0.8 * temp], 1)
    edges = torch.linspace(-0.4, 1.6, CY_BINS + 1).view(1, 1, 1, -1)

    def probs(mean: torch.Tensor, sd: float) -> torch.Tensor:
        cdf = 0.5 * (1 + torch.erf((edges - mean.unsqueeze(3)) / (sd * math.sqrt(2))))
        return cdf[..., 1:] - cdf[..., :-1]

    p = frac.view(n, 1, 1, 1) * probs(crop_means, 0.08) + (1 - frac.view(n, 1, 1, 1)) * probs(other_means, 0.15)
    p = p + 1e-4
    p = p / p.sum(3, keepdim=True)
    pixels = 300
    h = p + (p / pixels).sqrt() * torch.randn(p.shape, generator=gen)
    h = h.clamp_min(0)
    h = h / h.sum(3, keepdim=True).clamp_min(1e-6)
    hist = h.permute(0, 1, 3, 2).contiguous()  # n, bands, bins, time
    yld = ((120 + 70 * soil - 40 * soil**2) * (1 - 0.55 * drought) * (1 - 0.3 * heat)
           * (1 - 0.04 * plant.clamp_min(0) ** 2))
    yld = yld * (1 + 0.03 * torch.randn(n, 1, generator=gen))
    return hist * CY_BINS, yld.squeeze(1)


class HistogramCNN(nn.Module):
    """You et al.'s (2017) CNN on histogram images: 3x3 convolutions with batch norm and ReLU (8, then 16 and 16
    with stride 2), optional dropout (off here), a dense layer of 64 and the yield."""

    def __init__(self, width: int = 8, dropout: float = 0.3, bn: bool = True) -> None:
        super().__init__()
        w = width

        def block(c_in: int, c_out: int, stride: int) -> nn.Module:
            norm = nn.BatchNorm2d(c_out) if bn else nn.Identity()
            return nn.Sequential(nn.Conv2d(c_in, c_out, 3, stride=stride, padding=1, bias=not bn), norm, nn.ReLU())

        self.conv = nn.Sequential(block(CY_BANDS, w, 1), block(w, 2 * w, 2), block(2 * w, 2 * w, 2), nn.Flatten(),
                                  nn.Dropout(dropout))
        self.head = nn.Sequential(nn.Linear(2 * w * (CY_BINS // 4) * (CY_T // 4), 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x)).squeeze(1)


def yield_l2(model: nn.Module, batch: Any) -> torch.Tensor:
    """The squared error of the standardised yield (You et al.'s L2 loss)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def crop_yield_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8, dropout: float = 0.0,
                   bn: bool = True) -> dict[str, Any]:
    """The histogram CNN on 2048 county-years (yield standardised over them); held out: 1024 other county-years in
    batches of 512; Adam."""
    gen = torch.Generator().manual_seed(40301)
    x, y = _cy_counties(train_size + 1024, gen)
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HistogramCNN(width, dropout, bn), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": yield_l2, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. predictive maintenance with WTTE-RNN (RMSprop)

PM_WIN, PM_SENS = 12, 4


def _pm_windows(n_machines: int, per_machine: int, gen: torch.Generator) -> tuple[torch.Tensor, ...]:
    """A fleet of pumps: each has a life L of 60-150 cycles, a hidden wear w_t = (t / L)^g with g ~ U[1, 1.4],
    and is observed until failure or until its record ends (censoring at a uniform time, 40% of
    the machines before failure). Every cycle, a load level (one of three regimes) and four sensors: vibration
    (rising with wear), bearing temperature (load, wear, ambient), discharge pressure (falling with wear,
    load), motor current (load, wear); all noisy and offset per machine; the age (cycles / 100) is logged too.
    Examples: windows of the last 12 cycles ending at a random observed cycle; the target: the cycles to failure
    from the window's end and whether the failure was observed (1) or the record was censored (0). Returns
    (windows (m, 12, 6), tte, observed)."""
    life = 60 + 90 * torch.rand(n_machines, generator=gen) ** 1.5
    gexp = 1.0 + 0.4 * torch.rand(n_machines, generator=gen)
    cens = torch.where(torch.rand(n_machines, generator=gen) < 0.4,
                       (PM_WIN + (life - PM_WIN) * torch.rand(n_machines, generator=gen)).floor(), life.floor())
    offs = 0.05 * torch.randn(n_machines, PM_SENS, generator=gen)
    m = n_machines * per_machine
    idx = torch.arange(n_machines).repeat_interleave(per_machine)
    end = (PM_WIN - 1 + (cens[idx] - PM_WIN + 1) * torch.rand(m, generator=gen)).floor()  # last observed cycle
    t = end.unsqueeze(1) - torch.arange(PM_WIN - 1, -1, -1).float().unsqueeze(0)  # m, window
    wear = (t / life[idx].unsqueeze(1)).clamp(0, 1) ** gexp[idx].unsqueeze(1)
    load = torch.randint(0, 3, (m, PM_WIN), generator=gen).float() - 1
    amb = torch.sin(2 * math.pi * t / 24)
    noise = lambda: 0.02 * torch.randn(m, PM_WIN, generator=gen)
    vib = 2 * wear + 0.3 * load + noise()
    tmp = 0.8 * load + 1.5 * wear + 0.4 * amb + noise()
    prs = -0.9 * load - 1.2 * wear + noise()
    cur = 0.7 * load + 0.8 * wear**1.5 + noise()
    x = torch.stack([vib, tmp, prs, cur], 2) + offs[idx].unsqueeze(1)
    x = torch.cat([x, load.unsqueeze(2), t.unsqueeze(2) / 100], 2)
    failed = cens[idx] >= life[idx].floor()
    horizon = torch.where(failed, life[idx].floor(), cens[idx])
    tte = (horizon - end).clamp_min(0)
    return x, tte, failed.float()


class WTTERNN(nn.Module):
    """WTTE-RNN (Martinsson 2016): a GRU over the window (hidden 12); its last state gives the Weibull scale
    alpha = init_alpha exp(a) and shape beta = softplus(b) (with a floor), the time to failure's distribution."""

    def __init__(self, hidden: int = 12, init_alpha: float = 40.0) -> None:
        super().__init__()
        self.gru = nn.GRU(PM_SENS + 2, hidden, batch_first=True)
        self.out = nn.Linear(hidden, 2)
        self.init_alpha = init_alpha

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h, _ = self.gru(x)
        o = self.out(h[:, -1])
        alpha = self.init_alpha * torch.exp(o[:, 0].clamp(-10, 10))
        beta = F.softplus(o[:, 1] + 0.5) + 0.05
        return alpha, beta


def weibull_discrete_nll(model: nn.Module, batch: Any) -> torch.Tensor:
    """WTTE-RNN's discrete censored Weibull loss: with cumulative hazards H(y) = (y / alpha)^beta, an observed
    failure at y contributes log(exp(H(y + 1) - H(y)) - 1) - H(y + 1), a censored record at y contributes -H(y + 1)
    (Martinsson's ``loglik_discrete``); the negative mean."""
    x, tte, u = batch
    alpha, beta = model(x)
    h0 = ((tte + 1e-9) / alpha) ** beta
    h1 = ((tte + 1.0) / alpha) ** beta
    ll = u * torch.log(torch.expm1((h1 - h0).clamp_min(1e-9)) + 1e-9) - h1
    return -ll.mean()


def wtte_rnn(batch_size: int = 32, seed: int = 0, machines: int = 256, per_machine: int = 8) -> dict[str, Any]:
    """WTTE-RNN on a fleet of 256 pumps (8 windows each: 2048 windows); held out: 128 other pumps (1024 windows) in
    batches of 512; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(40401)
    x, tte, u = _pm_windows(machines + 128, per_machine, gen)
    n = machines * per_machine
    tr = (x[:n], tte[:n], u[:n])
    torch.manual_seed(seed)
    return {"model": WTTERNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[n:], tte[n:], u[n:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": weibull_discrete_nll, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. power control: a DNN that learns WMMSE (Sun et al. 2018; RMSprop; long only)

PC_K = 10


def _pc_channels(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A 10-user interference channel with Rayleigh fading (|h_kj| of h ~ CN(0, 1)), Pmax 1, noise power 1; the
    powers WMMSE (Shi et al. 2011) allocates from the all-Pmax start after 100 iterations. Returns (|h| flattened
    (n, 100), powers (n, 10))."""
    re = torch.randn(n, PC_K, PC_K, generator=gen)
    im = torch.randn(n, PC_K, PC_K, generator=gen)
    h = ((re**2 + im**2) / 2).sqrt()  # h[:, k, j]: from transmitter j to receiver k
    hd = torch.diagonal(h, dim1=1, dim2=2)
    v = torch.ones(n, PC_K)
    for _ in range(100):
        rx = (h**2 * (v**2).unsqueeze(1)).sum(2) + 1.0
        u = hd * v / rx
        w = 1 / (1 - u * hd * v).clamp_min(1e-9)
        den = ((w * u**2).unsqueeze(2) * h**2).sum(1)
        v = (w * u * hd / den).clamp(0, 1)
    return h.flatten(1), v**2


class PowerControlDNN(nn.Module):
    """Sun et al.'s DNN: 100 gains in, hidden layers of 200, 80 and 80 with ReLU, 10 powers out in [0, Pmax] (a
    sigmoid here: their output activation, min(max(x, 0), Pmax), lets an output die for good)."""

    def __init__(self) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(PC_K * PC_K, 200), nn.ReLU(), nn.Linear(200, 80), nn.ReLU(),
                                 nn.Linear(80, 80), nn.ReLU(), nn.Linear(80, PC_K))

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.net(h))


def power_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    h, p = batch
    return F.mse_loss(model(h), p)


def wmmse_dnn(batch_size: int = 64, seed: int = 0, train_size: int = 20000) -> dict[str, Any]:
    """The WMMSE-learning DNN on 20,000 channel realisations, batch 64 (Sun et al.'s 1000 is too slow on one CPU
    thread); held out: 5000 others in batches of 2500; RMSprop (Sun et al.'s code, from memory; torch's alpha
    0.99)."""
    gen = torch.Generator().manual_seed(40501)
    h, p = _pc_channels(train_size + 5000, gen)
    tr = (h[:train_size], p[:train_size])
    torch.manual_seed(seed)
    return {"model": PowerControlDNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((h[train_size:], p[train_size:]), 2500),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": power_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. EU legislation: EUROVOC concepts with label-wise attention (CAML-style; Adam; long only)

LX_VOCAB, LX_LEN, LX_LABELS, LX_TERMS = 2000, 48, 24, 12


def _lx_documents(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Legislative acts as token ids: 24 EUROVOC-like concepts in 6 domains of 4; each act has 1-3 concepts
    (Zipf-like frequencies, exponent 0.5; a second concept from the same domain half the time). Each concept has 12
    terms, two of them shared with a sibling concept; an act's 48 tokens are its concepts' terms (each token with
    probability 0.25, spread over its concepts) and otherwise Zipf-distributed boilerplate over the vocabulary (which
    also contains the terms, so a term alone is weak evidence). Returns (tokens (n, 48), multi-hot labels (n, 24))."""
    tg = torch.Generator().manual_seed(40601)
    terms = torch.randperm(LX_VOCAB - 100, generator=tg)[: LX_LABELS * LX_TERMS].view(LX_LABELS, LX_TERMS) + 100
    for c in range(0, LX_LABELS, 2):  # siblings share two terms
        terms[c + 1, :2] = terms[c, :2]
    zipf_l = 1.0 / torch.arange(1, LX_LABELS + 1).float() ** 0.5
    zipf_v = 1.0 / torch.arange(1, LX_VOCAB + 1).float() ** 1.05
    first = torch.multinomial(zipf_l, n, replacement=True, generator=gen)
    k = 1 + torch.multinomial(torch.tensor([0.4, 0.4, 0.2]), n, replacement=True, generator=gen)
    y = torch.zeros(n, LX_LABELS)
    y[torch.arange(n), first] = 1
    same = torch.rand(n, generator=gen) < 0.5
    sib = (first // 4) * 4 + torch.randint(0, 4, (n,), generator=gen)
    anyl = torch.multinomial(zipf_l, n, replacement=True, generator=gen)
    second = torch.where(same, sib, anyl)
    y[torch.arange(n)[k >= 2], second[k >= 2]] = 1
    third = torch.multinomial(zipf_l, n, replacement=True, generator=gen)
    y[torch.arange(n)[k >= 3], third[k >= 3]] = 1
    tok = torch.multinomial(zipf_v, n * LX_LEN, replacement=True, generator=gen).view(n, LX_LEN)
    use = torch.rand(n, LX_LEN, generator=gen) < 0.25
    lab = torch.multinomial(y, LX_LEN, replacement=True, generator=gen)  # a concept of the act per position
    term = terms[lab, torch.randint(0, LX_TERMS, (n, LX_LEN), generator=gen)]
    return torch.where(use, term, tok), y


class LabelWiseAttention(nn.Module):
    """CAML (Mullenbach et al. 2018) as used for EUROVOC indexing: embeddings (24), a 1-d convolution (width 3, 32
    filters) with tanh, per-label attention over the positions (a query vector per label), and per-label output
    weights on the attended vector."""

    def __init__(self, emb: int = 24, filters: int = 32, dropout: float = 0.2) -> None:
        super().__init__()
        self.emb = nn.Embedding(LX_VOCAB, emb)
        self.drop = nn.Dropout(dropout)
        self.conv = nn.Conv1d(emb, filters, 3, padding=1)
        self.query = nn.Parameter(torch.randn(LX_LABELS, filters) / math.sqrt(filters))
        self.weight = nn.Parameter(torch.randn(LX_LABELS, filters) / math.sqrt(filters))
        self.bias = nn.Parameter(torch.zeros(LX_LABELS))

    def forward(self, tok: torch.Tensor) -> torch.Tensor:
        h = torch.tanh(self.conv(self.drop(self.emb(tok)).transpose(1, 2))).transpose(1, 2)  # n, len, filters
        att = torch.softmax(torch.einsum("lf,ntf->nlt", self.query, h), 2)
        v = torch.einsum("nlt,ntf->nlf", att, h)
        return (v * self.weight).sum(2) + self.bias


def multilabel_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    tok, y = batch
    return F.binary_cross_entropy_with_logits(model(tok), y)


def eurlex_caml(batch_size: int = 32, seed: int = 0, train_size: int = 24000, dropout: float = 0.2) -> dict[str, Any]:
    """The label-wise attention classifier on 24,000 acts; held out: 2000 other acts in batches of 500; Adam."""
    gen = torch.Generator().manual_seed(40602)
    tok, y = _lx_documents(train_size + 2000, gen)
    tr = (tok[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LabelWiseAttention(dropout=dropout), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((tok[train_size:], y[train_size:]), 500),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": multilabel_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("lensing_cnn_adam", lensing_cnn, 300, "weak_lensing_cosmology_cnn", "adam", "finite", 32,
      seconds=1.6, start_lr=0.016),
    W("p300_cnn_sgdm", p300_cnn, 300, "cecotti_p300_speller_cnn", "sgd_momentum0.9", "finite", 32,
      seconds=0.7, start_lr=0.1),
    W("crop_yield_cnn_adam", crop_yield_cnn, 300, "histogram_cnn_crop_yield", "adam", "finite", 32,
      seconds=1.0, start_lr=0.016),
    W("wtte_rnn_rmsprop", wtte_rnn, 300, "wtte_rnn_predictive_maintenance", "rmsprop", "finite", 32,
      seconds=0.7, start_lr=0.032),
)
LONG = (
    W("wmmse_dnn_rmsprop@long", wmmse_dnn, 3000, "wmmse_power_control_dnn", "rmsprop", "finite", 64,
      seconds=4.0, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("eurlex_caml_adam@long", eurlex_caml, 3000, "label_wise_attention_legislation", "adam", "finite", 32,
      seconds=9.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("p300_cnn_sgdm@long", p300_cnn, 3000, "cecotti_p300_speller_cnn", "sgd_momentum0.9", "finite", 32,
      dict(train_size=24000), seconds=7.0, start_lr=0.025, grid_fractions=(0.0, 0.05), long_of="p300_cnn_sgdm"),
    W("wtte_rnn_rmsprop@long", wtte_rnn, 3000, "wtte_rnn_predictive_maintenance", "rmsprop", "finite", 32,
      dict(machines=2048), seconds=8.0, start_lr=0.008, grid_fractions=(0.0, 0.05), long_of="wtte_rnn_rmsprop"),
)

REGISTRY = Registry(EXAM, LONG, "exam40_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fortieth exam's workloads")
