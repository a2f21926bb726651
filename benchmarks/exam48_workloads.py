"""The forty-eighth exam: six more workload families that neither the suite nor exams 1-46 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam46_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from paleontology and
geochronology, nutrition and dietetics, semiconductor fabrication and lithography, emergency management and disaster
response, rheology and polymer science, and space weather and heliophysics (exam 47 was built at the same time from
other domains; its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam48/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- a foraminiferal transfer function with an artificial neural network (paleoceanography; Malmgren & Nordlund 1997,
  Malmgren et al. 2001): a one-hidden-layer sigmoid network maps the relative abundances of 24 planktic
  foraminifera species in a core-top sample to the winter and summer sea-surface temperatures; census counts of
  300 shells from species response curves along temperature, with a productivity gradient and selective
  dissolution as nuisances; MSE; SGD with momentum 0.9 (back-propagation with momentum, as the 1990s-2000s
  paleoceanographic ANNs were trained; from memory)
- resting energy expenditure with an ANN (dietetics; Disse et al. 2018): an MLP (two tanh layers of 64) from sex,
  age, height, weight and the bioimpedance fat-free and fat masses to the REE measured by indirect calorimetry in an
  obesity clinic; MSE of the standardised REE; batch 32; plain SGD (back-propagation by gradient descent, as the
  clinical ANNs' toolboxes default to; the paper's own optimiser was not checked)
- lithography hotspot detection with a feature-tensor CNN and biased learning (Yang et al. 2017, 2019): layout
  clips cut into 12 x 12 blocks, each block's 10 lowest-frequency DCT coefficients as channels, a CNN (two stages of
  two 3x3 convolutions, 8 and 16 channels (theirs 16 and 32), max pooling, a dense layer of 64 (theirs 250) with
  dropout 0.5); the cross-entropy against biased soft labels (non-hotspots [1 - 0.15, 0.15]); clips of Manhattan
  metal wires labelled by a Gaussian-blur aerial image with a threshold resist (a hotspot when too much of the
  clip's core prints wrong) under a random defocus; batch 32 and Adam (their code: ``tf.train.AdamOptimizer``,
  batch 32)
- building damage assessment from pre- and post-disaster imagery (xBD / xView2; Gupta et al. 2019): a Siamese CNN
  (a shared encoder over the two image chips, their features and their difference joined) classifies a building's
  damage on the four-level joint damage scale; cross-entropy; synthetic chips of roofs on ground texture with a
  different acquisition after the event, misregistration, and debris, tarps and rubble by level; batch 32; AdamW
  (the xView2 winning solutions' optimiser, from memory; torch's default weight decay)
- constitutive artificial neural networks for rubber (polymer science; Linka & Kuhl 2023; a long plan only): a
  strain energy from 8 terms (the invariants I1 - 3 and I2 - 3, to the first and second power, each through the
  identity or an exponential), non-negative weights, the nominal stress in uniaxial tension, equibiaxial tension
  and pure shear from its derivatives; MSE in MPa; noisy tests of a Treloar-like vulcanised natural rubber
  (Ogden's 1972 three-term fit with specimen-to-specimen variation); Adam (Linka & Kuhl's code, from memory)
- the geomagnetic Dst index one hour ahead from the solar wind with an Elman network (space weather; Lundstedt,
  Gleisner & Wintoft 2002; a long plan only): a tanh Elman recurrent network over 36-hour windows of the solar
  wind's Bz, density and speed, a linear read-out of Dst(t + 1); MSE in units of 50 nT after a 12-hour spin-up;
  solar wind with recurrent high-speed streams and coronal mass ejections, Dst from the Burton et al. (1975)
  equation with O'Brien & McPherron's (2000) injection and decay; RMSprop (the author's choice for a recurrent
  net: the paper's training method was not checked)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the CANN and the Dst
Elman network (no short plans), the foraminiferal ANN on 4096 samples instead of 512 and the REE ANN on 1024
patients (batch 8) instead of 320 (batch 32).

Of the eight plans, two use plain Adam (the hotspot CNN, the CANN), two SGD with momentum 0.9 (both foraminiferal
plans), two plain SGD (both REE plans), one AdamW (xBD) and one RMSprop (the Dst network).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam48_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam48/README.md).

    python benchmarks/exam48_workloads.py          # the table
    python benchmarks/exam48_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 48"


# --------------------------------------------------------------------------------------------------------------
# 1. a planktic foraminiferal transfer function for sea-surface temperature (SGD with momentum)

FA_SPECIES, FA_COUNT = 24, 300


def _fa_assemblages(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Core-top census counts: each of 24 species has a fixed response to the temperature of its season (a mix of
    winter and summer SST, from 0 (winter) to 1 (summer)), a Gaussian niche (optimum 0-29 C, tolerance 2-6 C) with
    a skew, a response to a productivity gradient (upwelling) and a fragility to dissolution. A sample: winter SST
    U[-1.5, 27.5] C, a seasonal range of 1-7 C (largest at mid temperatures), a productivity N(0, 1), a dissolution
    U[0, 1] (depth below the lysocline); 300 shells counted (multinomial) as percentages. Returns (relative
    abundances, (winter, summer) SST in C)."""
    tg = torch.Generator().manual_seed(48101)
    opt = torch.linspace(0.0, 29.0, FA_SPECIES)[torch.randperm(FA_SPECIES, generator=tg)]
    tol = 2 + 4 * torch.rand(FA_SPECIES, generator=tg)
    skew = 0.6 * torch.randn(FA_SPECIES, generator=tg)
    season = torch.rand(FA_SPECIES, generator=tg)
    height = torch.exp(0.8 * torch.randn(FA_SPECIES, generator=tg))
    prod = 0.5 * torch.randn(FA_SPECIES, generator=tg)
    fragile = torch.rand(FA_SPECIES, generator=tg) ** 2
    winter = -1.5 + 29 * torch.rand(n, 1, generator=gen)
    rng = 1 + 6 * torch.exp(-(((winter - 13) / 9) ** 2)) * torch.rand(n, 1, generator=gen)
    summer = winter + rng
    p = torch.randn(n, 1, generator=gen)
    d = torch.rand(n, 1, generator=gen)
    t = winter + season * (summer - winter)
    z = (t - opt) / tol
    logit = torch.log(height) - 0.5 * z**2 + skew * z * torch.exp(-0.5 * z**2) + prod * p
    lam = torch.exp(logit) * (1 - 0.85 * d * fragile) + 1e-4
    shells = torch.multinomial(lam / lam.sum(1, keepdim=True), FA_COUNT, replacement=True, generator=gen)
    counts = torch.zeros(n, FA_SPECIES).scatter_add_(1, shells, torch.ones(n, FA_COUNT))
    return counts / FA_COUNT, torch.cat([winter, summer], 1)


class TransferFunctionANN(nn.Module):
    """Malmgren & Nordlund's (1997) back-propagation network: the species' relative abundances, one hidden layer
    of sigmoid units, a linear output per season's SST."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(FA_SPECIES, hidden), nn.Sigmoid(), nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def sst_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the two SSTs, in units of 5 C (standardised as the targets are)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def foram_ann(batch_size: int = 16, seed: int = 0, train_size: int = 512, hidden: int = 16) -> dict[str, Any]:
    """The transfer-function ANN on 512 core-top samples (a regional calibration data set); abundances scaled to
    percentages / 10, SSTs as (SST - 14) / 5; held out: 1024 other core tops in batches of 512; SGD with momentum
    0.9."""
    gen = torch.Generator().manual_seed(48102)
    x, y = _fa_assemblages(train_size + 1024, gen)
    x, y = 10 * x, (y - 14) / 5
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TransferFunctionANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": sst_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. resting energy expenditure of patients with obesity (plain SGD)


REE_NOISE = (0.015, 0.01)  # the per-patient metabolic factor and the calorimetry's error (log sd)


def _ree_patients(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Adults seen in an obesity clinic: 70% women, age U[18, 75], height by sex, BMI 22-60 (log-normal around 38),
    the fat mass from BMI, sex and age (a Deurenberg-like relation with scatter), the fat-free mass as the rest; the
    clinic's bioimpedance gives FFM and FM with 3% error. The REE (kcal/day): the organ-tissue view (FFM the main
    term, with a falling marginal cost in large FFM), a small fat-mass term, a fall with age that steepens after 60,
    a sex difference beyond body composition, a per-patient metabolic factor (sd 1.5%) and the calorimetry's error
    (sd 1%: both far smaller than a real clinic's; see the README). Returns (features, REE / 100)."""
    female = (torch.rand(n, generator=gen) < 0.7).float()
    age = 18 + 57 * torch.rand(n, generator=gen)
    height = torch.where(female > 0, 1.63 + 0.065 * torch.randn(n, generator=gen),
                         1.77 + 0.07 * torch.randn(n, generator=gen))
    bmi = (38 * torch.exp(0.22 * torch.randn(n, generator=gen))).clamp(22, 60)
    weight = bmi * height**2
    fat_pct = (1.2 * bmi + 0.23 * age - 10.8 * (1 - female) - 5.4 + 3 * torch.randn(n, generator=gen)).clamp(12, 65)
    fm = weight * fat_pct / 100
    ffm = weight - fm
    ree = (370 + 26.5 * ffm - 0.05 * (ffm - 55).clamp_min(0) ** 2 + 3.5 * fm - 0.012 * fm**2
           - 2.5 * (age - 40) - 0.15 * (age - 60).clamp_min(0) ** 2 + 60 * (1 - female))
    ree = ree * torch.exp(REE_NOISE[0] * torch.randn(n, generator=gen))
    ree = ree * torch.exp(REE_NOISE[1] * torch.randn(n, generator=gen))
    ffm_bia = ffm * torch.exp(0.03 * torch.randn(n, generator=gen))
    fm_bia = weight - ffm_bia
    return torch.stack([female, age, height, weight, ffm_bia, fm_bia], 1), ree / 100


class REENet(nn.Module):
    """An MLP for the REE (Disse et al. 2018's ANN, from memory: a small feed-forward network on the clinic's
    anthropometric and bioimpedance variables): two tanh hidden layers of 64 and a linear output."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def ree_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised REE."""
    x, y = batch
    return F.mse_loss(model(x), y)


def ree_ann(batch_size: int = 32, seed: int = 0, train_size: int = 320, hidden: int = 64) -> dict[str, Any]:
    """The REE ANN on 320 patients, features and REE standardised over them; held out: 1024 other patients in
    batches of 512; plain SGD."""
    gen = torch.Generator().manual_seed(48202)
    x, y = _ree_patients(train_size + 1024, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)  # standardised over the training patients
    y = (y - y[:train_size].mean()) / y[:train_size].std()
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": REENet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr), "sgd"),
            "loss_fn": ree_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. lithography hotspot detection with a DCT feature tensor and biased learning (Adam)

HS_PIX, HS_BLOCK, HS_COEF, HS_BIAS = 48, 4, 10, 0.15


def _hs_layouts(n: int, gen: torch.Generator, tracks: int = 12) -> torch.Tensor:
    """Metal-layer clips of 48 x 48 pixels (25 nm each): parallel Manhattan wires (horizontal or vertical), widths
    2-4 pixels, spaces 1-5, each wire cut by up to two line-end gaps of 1-6 pixels (each with probability 0.6), and
    with probability 0.5 a jog (a 2-pixel perpendicular stub) joining two neighbouring wires."""
    w = torch.randint(2, 5, (n, tracks), generator=gen)
    s = torch.randint(1, 6, (n, tracks), generator=gen)
    y0 = torch.randint(0, 4, (n, 1), generator=gen)
    y = y0 + torch.cumsum(w + s, 1) - (w + s)  # each wire's first row
    r = torch.arange(HS_PIX).view(1, 1, -1)
    rows = (r >= y.unsqueeze(2)) & (r < (y + w).unsqueeze(2))  # n, tracks, 48 (wires past the clip are empty)
    cols = torch.ones(n, tracks, HS_PIX, dtype=torch.bool)
    for _ in range(2):
        g = torch.randint(1, 7, (n, tracks, 1), generator=gen)
        x0 = torch.randint(0, HS_PIX - 6, (n, tracks, 1), generator=gen)
        on = torch.rand(n, tracks, 1, generator=gen) < 0.6
        cols &= ~(on & (r >= x0) & (r < x0 + g))
    mask = torch.bmm(rows.float().transpose(1, 2), cols.float()) > 0  # n, 48 rows, 48 columns
    k = torch.randint(2, 5, (n, 1), generator=gen)  # a jog between wires k and k + 1 (near the core)
    ya = y.gather(1, k).squeeze(1)
    yb = (y + w).gather(1, k + 1).squeeze(1)
    xj = torch.randint(14, 32, (n,), generator=gen)
    jog = torch.rand(n, generator=gen) < 0.5
    c = torch.arange(HS_PIX)
    stub = ((c.view(1, -1, 1) >= ya.view(-1, 1, 1)) & (c.view(1, -1, 1) < yb.view(-1, 1, 1))
            & (c.view(1, 1, -1) >= xj.view(-1, 1, 1)) & (c.view(1, 1, -1) < xj.view(-1, 1, 1) + 2))
    mask = mask | (stub & jog.view(-1, 1, 1))
    flip = torch.rand(n, generator=gen) < 0.5
    mask = torch.where(flip.view(-1, 1, 1), mask.transpose(1, 2), mask)
    return mask.float()


def _hs_hotspots(mask: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """The lithography check: the aerial image is the mask blurred by a Gaussian (sd 1.5-1.7 pixels: a random
    defocus, not recorded), a threshold resist at 0.5; a clip is a hotspot when the printed pattern differs from the
    drawn one on more than 95 pixels of its central 24 x 24 core (line-end pull-back, corner rounding, pinching and
    bridging together: about 30% of clips)."""
    n = len(mask)
    sd = 1.5 + 0.2 * torch.rand(n, generator=gen)
    r = torch.arange(-5, 6).float()
    k1 = torch.exp(-0.5 * (r.view(1, -1) / sd.view(-1, 1)) ** 2)
    k1 = k1 / k1.sum(1, keepdim=True)  # n, 11
    x = mask.unsqueeze(0)  # 1, n, H, W: one group per clip
    aerial = F.conv2d(F.pad(x, (5, 5, 0, 0)), k1.view(n, 1, 1, 11), groups=n)
    aerial = F.conv2d(F.pad(aerial, (0, 0, 5, 5)), k1.view(n, 1, 11, 1), groups=n).squeeze(0)
    c = slice(12, 36)
    wrong = ((aerial[:, c, c] > 0.5).float() != mask[:, c, c]).float().sum((1, 2))
    return (wrong > 95).long()


def _dct_matrix(size: int) -> torch.Tensor:
    k = torch.arange(size).float().view(-1, 1)
    i = torch.arange(size).float().view(1, -1)
    d = torch.cos(math.pi / size * (i + 0.5) * k) * math.sqrt(2 / size)
    d[0] /= math.sqrt(2)
    return d


def _feature_tensor(mask: torch.Tensor) -> torch.Tensor:
    """Yang et al.'s feature tensor: the clip cut into 12 x 12 blocks of 4 x 4 pixels, each block's 2-d DCT, its
    first 10 coefficients in zig-zag order as channels (the low frequencies)."""
    n, nb = len(mask), HS_PIX // HS_BLOCK
    d = _dct_matrix(HS_BLOCK)
    blocks = mask.view(n, nb, HS_BLOCK, nb, HS_BLOCK).permute(0, 1, 3, 2, 4)
    coef = d @ blocks @ d.t()  # n, nb, nb, 4, 4
    zigzag = sorted(((i, j) for i in range(HS_BLOCK) for j in range(HS_BLOCK)),
                    key=lambda ij: (ij[0] + ij[1], ij[1] if (ij[0] + ij[1]) % 2 else ij[0]))[:HS_COEF]
    feats = torch.stack([coef[..., i, j] for i, j in zigzag], 1)  # n, coefs, nb, nb
    return feats


class HotspotCNN(nn.Module):
    """Yang et al.'s hotspot CNN on the feature tensor: two stages of two 3x3 convolutions (8, then 16 channels
    here; 16 and 32 in theirs; ReLU) each followed by 2x2 max pooling, a dense layer (64 units here, 250 in theirs)
    with dropout 0.5, two logits (non-hotspot, hotspot)."""

    def __init__(self, width: int = 8, dense: int = 64) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(HS_COEF, width, 3, padding=1), nn.ReLU(),
                                      nn.Conv2d(width, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(),
                                      nn.Conv2d(2 * width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Flatten())
        nb = HS_PIX // HS_BLOCK // 4
        self.head = nn.Sequential(nn.Linear(2 * width * nb * nb, dense), nn.ReLU(), nn.Dropout(0.5),
                                  nn.Linear(dense, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def biased_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    """Biased learning's loss: the softmax cross-entropy against soft labels, non-hotspots [1 - 0.15, 0.15] (the
    bias), hotspots [0, 1]."""
    x, y = batch
    target = torch.stack([(1 - y) * (1 - HS_BIAS), y + (1 - y) * HS_BIAS], 1).float()
    return -(target * F.log_softmax(model(x), 1)).sum(1).mean()


def hotspot_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The hotspot CNN on 2048 layout clips' feature tensors; held out: 1024 other clips in batches of 512; Adam
    (their code's, batch 32)."""
    gen = torch.Generator().manual_seed(48302)
    mask = _hs_layouts(train_size + 1024, gen)
    y = _hs_hotspots(mask, gen)
    x = _feature_tensor(mask)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HotspotCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": biased_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. building damage from pre- and post-disaster image chips, xBD style (AdamW)

XB_SIZE = 16


def _xb_chips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pairs of 16 x 16 RGB chips centred on a building, before and after an event, normalised. Before: a
    rectangular roof (5-11 pixels a side, one of a few roof colours, a ridge line) with a shadow on one side, on
    grass, soil or pavement texture. After: another acquisition (gain 0.8-1.2 per channel, a haze offset, noise,
    a misregistration of up to 1 pixel) and the damage on xBD's joint scale, drawn 45 / 22 / 18 / 15%: 0 none; 1
    minor (5-20% of the roof changed, half the time a blue tarp, else rubble; a few debris spots); 2 major (25-55%
    of the roof rubble, debris around); 3 destroyed (70-100% rubble, debris spread). Returns (pre, post, damage
    class)."""
    yy, xx = torch.meshgrid(torch.arange(XB_SIZE).float(), torch.arange(XB_SIZE).float(), indexing="ij")
    ground_cols = torch.tensor([[0.25, 0.45, 0.2], [0.5, 0.42, 0.3], [0.45, 0.45, 0.45]])
    roof_cols = torch.tensor([[0.65, 0.25, 0.2], [0.55, 0.55, 0.58], [0.3, 0.3, 0.32], [0.8, 0.78, 0.7]])
    g = ground_cols[torch.randint(0, 3, (n,), generator=gen)].view(n, 3, 1, 1)
    ground = g * (1 + 0.15 * torch.randn(n, 1, XB_SIZE, XB_SIZE, generator=gen))
    w = torch.randint(5, 12, (n, 1, 1), generator=gen).float()
    h = torch.randint(5, 12, (n, 1, 1), generator=gen).float()
    cx = 7.5 + torch.randint(-1, 2, (n, 1, 1), generator=gen).float()
    cy = 7.5 + torch.randint(-1, 2, (n, 1, 1), generator=gen).float()
    roof = ((xx - cx).abs() <= w / 2) & ((yy - cy).abs() <= h / 2)
    shadow = ((xx - cx - 1.5).abs() <= w / 2) & ((yy - cy - 1.5).abs() <= h / 2) & ~roof
    rc = roof_cols[torch.randint(0, 4, (n,), generator=gen)].view(n, 3, 1, 1)
    ridge = ((yy - cy).abs() < 0.6).unsqueeze(1)
    roof_img = rc * (1 + 0.05 * torch.randn(n, 1, XB_SIZE, XB_SIZE, generator=gen)) * (1 - 0.2 * ridge.float())
    roof_f, shadow_f = roof.unsqueeze(1).float(), shadow.unsqueeze(1).float()
    pre = ground * (1 - roof_f) * (1 - 0.5 * shadow_f) + roof_img * roof_f

    cls = torch.multinomial(torch.tensor([0.45, 0.22, 0.18, 0.15]), n, replacement=True, generator=gen)
    lo = torch.tensor([0.0, 0.05, 0.25, 0.7])[cls].view(n, 1, 1, 1)
    hi = torch.tensor([0.0, 0.2, 0.55, 1.0])[cls].view(n, 1, 1, 1)
    frac = lo + (hi - lo) * torch.rand(n, 1, 1, 1, generator=gen)
    blotch = F.avg_pool2d(torch.rand(n, 1, XB_SIZE + 2, XB_SIZE + 2, generator=gen), 3, 1)  # smooth noise
    rubble = (blotch < frac * 0.7 + 0.15 * frac).float() * roof_f
    rubble_tex = torch.tensor([0.5, 0.45, 0.38]).view(1, 3, 1, 1) * (1 + 0.35 * torch.randn(n, 1, XB_SIZE, XB_SIZE,
                                                                                                 generator=gen))
    tarp = (cls == 1).view(n, 1, 1, 1).float() * (torch.rand(n, 1, 1, 1, generator=gen) < 0.5).float()
    tarp_col = torch.tensor([0.15, 0.35, 0.8]).view(1, 3, 1, 1)
    post = pre * (1 - rubble) + rubble * (tarp * tarp_col + (1 - tarp) * rubble_tex)
    spread = torch.tensor([0.0, 0.03, 0.08, 0.18])[cls].view(n, 1, 1, 1)
    debris = (torch.rand(n, 1, XB_SIZE, XB_SIZE, generator=gen) < spread).float() * (1 - roof_f)
    post = post * (1 - debris) + debris * rubble_tex
    gain = 0.8 + 0.4 * torch.rand(n, 3, 1, 1, generator=gen)
    post = post * gain + 0.05 * torch.rand(n, 1, 1, 1, generator=gen)
    shift = torch.randint(-1, 2, (n, 2), generator=gen)
    post = torch.stack([torch.roll(post[i], (int(shift[i, 0]), int(shift[i, 1])), (1, 2)) for i in range(n)])
    pre = pre + 0.03 * torch.randn(pre.shape, generator=gen)
    post = post + 0.03 * torch.randn(post.shape, generator=gen)
    return (pre - 0.45) / 0.2, (post - 0.45) / 0.2, cls  # normalised as the chips' pixels are


class SiameseDamageNet(nn.Module):
    """A Siamese damage classifier (the xBD baseline's and the xView2 winners' shared-encoder idea, in miniature):
    one encoder (two 3x3 convolutions of 16 and 32 channels with ReLU and 2x2 max pooling) applied to both
    chips, the two feature maps and their difference concatenated, a 1x1 convolution, global average pooling and
    a linear layer to the four damage levels."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                     nn.Conv2d(width, 2 * width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fuse = nn.Sequential(nn.Conv2d(6 * width, 2 * width, 1), nn.ReLU())
        self.out = nn.Linear(2 * width, 4)

    def forward(self, pre: torch.Tensor, post: torch.Tensor) -> torch.Tensor:
        a, b = self.encoder(pre), self.encoder(post)
        h = self.fuse(torch.cat([a, b, b - a], 1)).mean((2, 3))
        return self.out(h)


def damage_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    pre, post, cls = batch
    return F.cross_entropy(model(pre, post), cls)


def xbd_siamese(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The Siamese damage classifier on 2048 building chip pairs, batch 32; held out: 1024 other buildings in
    batches of 512; AdamW (torch's default weight decay, 0.01)."""
    gen = torch.Generator().manual_seed(48402)
    pre, post, cls = _xb_chips(train_size + 1024, gen)
    tr = (pre[:train_size], post[:train_size], cls[:train_size])
    torch.manual_seed(seed)
    return {"model": SiameseDamageNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((pre[train_size:], post[train_size:], cls[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd0.01"),
            "loss_fn": damage_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. a constitutive artificial neural network for rubber (Adam; long only)

OGDEN = ((0.63, 1.3), (0.0012, 5.0), (-0.01, -2.0))  # Ogden (1972), Treloar's rubber: (mu_p MPa, alpha_p)
CA_RANGE = (6.0, 3.0, 4.5)  # the largest stretch tested: uniaxial, equibiaxial, pure shear
CA_NOISE = (0.015, 0.01, 0.005)  # specimen-to-specimen (log sd), relative and absolute (MPa) measurement noise


def _ca_invariants(mode: torch.Tensor, lam: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """I1 and I2 of an incompressible material in uniaxial tension (0), equibiaxial tension (1) or pure shear (2)."""
    i1 = torch.stack([lam**2 + 2 / lam, 2 * lam**2 + lam**-4, lam**2 + lam**-2 + 1], 1)
    i2 = torch.stack([2 * lam + lam**-2, lam**4 + 2 * lam**-2, lam**2 + lam**-2 + 1], 1)
    pick = F.one_hot(mode, 3).float()
    return (i1 * pick).sum(1), (i2 * pick).sum(1)


def _ca_stress(mode: torch.Tensor, lam: torch.Tensor, psi1: torch.Tensor, psi2: torch.Tensor) -> torch.Tensor:
    """The nominal (first Piola) stress from dpsi/dI1 and dpsi/dI2 in each test."""
    p = torch.stack([2 * (psi1 + psi2 / lam) * (lam - lam**-2), 2 * (psi1 + lam**2 * psi2) * (lam - lam**-5),
                     2 * (psi1 + psi2) * (lam - lam**-3)], 1)
    return (p * F.one_hot(mode, 3).float()).sum(1)


def _ca_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Test points of a vulcanised natural rubber: a test mode (uniaxial, equibiaxial, pure shear, equally often),
    a stretch U[1.05, its test's maximum] (6, 3 and 4.5: about Treloar's ranges), the nominal stress of Ogden's
    (1972) three-term fit to Treloar's data scaled by a specimen factor exp(N(0, 0.015^2)) (cross-link density),
    plus 1% and 0.005 MPa of measurement noise.
    Returns (mode, stretch, stress in MPa)."""
    mode = torch.randint(0, 3, (n,), generator=gen)
    top = torch.tensor(CA_RANGE)[mode]
    lam = 1.05 + (top - 1.05) * torch.rand(n, generator=gen)
    lam_other = torch.stack([lam**-0.5, lam, torch.ones_like(lam)], 1)  # the second principal stretch
    lam3 = 1 / (lam * (lam_other * F.one_hot(mode, 3)).sum(1))  # the thickness direction (stress-free)
    stress = torch.zeros(n)
    for mu, a in OGDEN:  # P1 = (sigma1 - sigma3) / lam1, sigma_i = sum mu_p lam_i^alpha_p
        stress = stress + mu * (lam**a - lam3**a) / lam
    stress = stress * torch.exp(CA_NOISE[0] * torch.randn(n, generator=gen))
    stress = stress * (1 + CA_NOISE[1] * torch.randn(n, generator=gen)) + CA_NOISE[2] * torch.randn(n, generator=gen)
    return mode, lam, stress


class CANN(nn.Module):
    """Linka & Kuhl's (2023) constitutive artificial neural network: the strain energy psi = sum_k w2_k
    f_k(w1_k g_k(I - 3)) over I in {I1, I2}, g in {x, x^2}, f in {x, exp(x) - 1}: 8 terms (theirs also has a log
    term), non-negative weights (here |w|; Keras' NonNeg in theirs; the initial weights are the author's). The
    stresses follow from dpsi/dI1 and dpsi/dI2, written out."""

    def __init__(self) -> None:
        super().__init__()
        scale = torch.tensor([1.0, 0.02]).view(1, 2, 1)  # the squared invariants' inner weights start smaller
        self.w1 = nn.Parameter(scale * (0.02 * torch.rand(2, 2, 2) + 0.005))  # invariant, power, activation
        self.w2 = nn.Parameter(0.05 * torch.rand(2, 2, 2) + 0.01)

    def forward(self, mode: torch.Tensor, lam: torch.Tensor) -> torch.Tensor:
        i1, i2 = _ca_invariants(mode, lam)
        w1, w2 = self.w1.abs(), self.w2.abs()
        d = []
        for k, inv in enumerate((i1 - 3, i2 - 3)):
            total = torch.zeros_like(inv)
            for power in range(2):
                g = inv if power == 0 else inv**2
                dg = torch.ones_like(inv) if power == 0 else 2 * inv
                total = total + w2[k, power, 0] * w1[k, power, 0] * dg  # identity
                total = total + w2[k, power, 1] * w1[k, power, 1] * torch.exp(w1[k, power, 1] * g) * dg  # exp
            d.append(total)
        return _ca_stress(mode, lam, d[0], d[1])


def stress_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the nominal stress (MPa)."""
    mode, lam, p = batch
    return F.mse_loss(model(mode, lam), p)


def cann_rubber(batch_size: int = 32, seed: int = 0, train_size: int = 1536) -> dict[str, Any]:
    """The CANN on 1536 test points (uniaxial, equibiaxial and pure-shear tests of many specimens); held out: 1536
    other points in batches of 768; Adam."""
    gen = torch.Generator().manual_seed(48502)
    mode, lam, p = _ca_tests(train_size + 1536, gen)
    tr = (mode[:train_size], lam[:train_size], p[:train_size])
    torch.manual_seed(seed)
    return {"model": CANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((mode[train_size:], lam[train_size:], p[train_size:]), 768),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": stress_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. the Dst index from the solar wind with an Elman network (RMSprop; long only)

DS_HOURS, DS_WIN, DS_SPIN, DS_SCALE = 3 * 8760, 36, 12, 50.0
DS_CME_BZ = (5.0, 15.0)  # the range of a magnetic cloud's southward Bz (nT)


def _ds_solar_wind() -> tuple[torch.Tensor, torch.Tensor]:
    """Three years of hourly solar wind at L1 and the Dst index. Speed: a slow wind of 380 km/s with recurrent
    high-speed streams (a 27-day rotation, two or three streams of 550-750 km/s); density anti-correlated with speed,
    compressed at stream interfaces; Bz (GSM) an AR(1) of sd 3 nT with a 6-hour memory; about one coronal mass
    ejection a week (a shock: speed +150-500 km/s, a dense sheath, then a magnetic cloud with Bz rotating through
    -5 to -15 nT, a quarter of them northward, for 10-30 hours). Dst from Burton et al.'s (1975) equation with
    O'Brien & McPherron's (2000) injection Q = -4.4 (VBs - 0.49) and decay time 2.4 exp(9.74 / (4.69 + VBs)) h,
    the pressure correction 7.26 sqrt(P) - 11 nT, an unmodelled AR(1) of sd 3 nT, and 2 nT of noise. Returns
    (solar wind (hours, 3), Dst)."""
    g = torch.Generator().manual_seed(48601)
    t = torch.arange(DS_HOURS).float()
    phase = 2 * math.pi * t / (27 * 24)
    centres = 2 * math.pi * torch.rand(3, generator=g)
    amps = 170 + 200 * torch.rand(3, generator=g)
    v = 380 + sum(a * torch.exp(-((torch.remainder(phase - c + math.pi, 2 * math.pi) - math.pi) / 0.35) ** 2)
                  for a, c in zip(amps, centres))
    drift = torch.cumsum(0.02 * torch.randn(DS_HOURS, generator=g), 0)
    v = v * torch.exp(0.08 * torch.tanh(drift))
    dv = torch.diff(v, prepend=v[:1])
    dens = 7 * (400 / v) ** 2 * (1 + 0.6 * torch.relu(dv / 20))
    bz_noise = torch.randn(DS_HOURS, generator=g).tolist()
    bz, b = [], 0.0
    for e in bz_noise:
        b = math.exp(-1 / 6) * b + 3 * math.sqrt(1 - math.exp(-2 / 6)) * e
        bz.append(b)
    bz = torch.tensor(bz)
    n_cme = DS_HOURS // (7 * 24)
    starts = torch.randint(0, DS_HOURS - 60, (n_cme,), generator=g)
    for s in starts.tolist():
        jump = 150 + 350 * float(torch.rand(1, generator=g))
        dur = int(10 + 20 * float(torch.rand(1, generator=g)))
        peak = DS_CME_BZ[0] + (DS_CME_BZ[1] - DS_CME_BZ[0]) * float(torch.rand(1, generator=g))
        sheath = 8
        decay = torch.exp(-torch.arange(sheath + dur + 24).float() / (sheath + dur))
        v[s : s + sheath + dur + 24] += jump * decay[: len(v[s : s + sheath + dur + 24])]
        dens[s : s + sheath] *= 2.5 + 2 * float(torch.rand(1, generator=g))
        rot = torch.sin(math.pi * torch.arange(dur).float() / dur)
        sign = 1.0 if float(torch.rand(1, generator=g)) < 0.75 else -1.0
        bz[s + sheath : s + sheath + dur] += -sign * peak * rot[: len(bz[s + sheath : s + sheath + dur])]
    dens = dens * torch.exp(0.2 * torch.randn(DS_HOURS, generator=g))
    vbs = (v * torch.relu(-bz) * 1e-3).tolist()  # mV/m
    pdyn = (1.6726e-6 * dens * v**2).tolist()  # nPa
    extra = torch.randn(DS_HOURS, generator=g).tolist()
    dst_star, a, out = -10.0, 0.0, []
    for vb, pd, e in zip(vbs, pdyn, extra):
        q = -4.4 * (vb - 0.49) if vb > 0.49 else 0.0
        tau = 2.4 * math.exp(9.74 / (4.69 + vb))
        dst_star = dst_star + q - dst_star / tau
        a = 0.9 * a + 3 * math.sqrt(1 - 0.81) * e
        out.append(dst_star + 7.26 * math.sqrt(pd) - 11 + a)
    dst = torch.tensor(out) + 2 * torch.randn(DS_HOURS, generator=g)
    wind = torch.stack([bz, dens, v], 1)
    return wind, dst


class ElmanDst(nn.Module):
    """Lundstedt et al.'s (2002) Dst model: an Elman network (a tanh recurrent hidden layer; 4 units in theirs, 16
    here) on the hourly Bz, density and speed, a linear output of the next hour's Dst."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.rnn = nn.RNN(3, hidden, nonlinearity="tanh", batch_first=True)
        self.out = nn.Linear(hidden, 1)

    def forward(self, wind: torch.Tensor) -> torch.Tensor:
        h, _ = self.rnn(wind)
        return self.out(h).squeeze(2)


def dst_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of Dst(t + 1) in units of 50 nT over each window's hours after a 12-hour spin-up."""
    wind, dst = batch
    return F.mse_loss(model(wind)[:, DS_SPIN:], dst[:, DS_SPIN:])


def dst_elman(batch_size: int = 32, seed: int = 0, stride: int = 6) -> dict[str, Any]:
    """The Elman network on 36-hour windows (every 6 hours) of the first 80% of the three years, the solar wind
    standardised over that period; held out: the last 20% in non-overlapping windows, in batches of 256; RMSprop."""
    wind, dst = _ds_solar_wind()
    n_train = int(0.8 * DS_HOURS)
    wind = (wind - wind[:n_train].mean(0)) / wind[:n_train].std(0)
    target = dst[1:] / DS_SCALE  # the next hour's Dst
    wind = wind[:-1]

    def windows(lo: int, hi: int, step: int) -> tuple[torch.Tensor, torch.Tensor]:
        idx = torch.arange(lo, hi - DS_WIN, step)
        ar = idx.view(-1, 1) + torch.arange(DS_WIN).view(1, -1)
        return wind[ar], target[ar]

    tr = windows(0, n_train, stride)
    te = windows(n_train, DS_HOURS - 1, DS_WIN - DS_SPIN)
    torch.manual_seed(seed)
    return {"model": ElmanDst(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches(te, 256),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": dst_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("foram_ann_sgdm", foram_ann, 300, "foraminiferal_sst_transfer_function_ann", "sgd_momentum0.9", "small_finite",
      16, seconds=0.15, start_lr=0.2),
    W("ree_ann_sgd", ree_ann, 300, "resting_energy_expenditure_ann", "sgd", "small_finite", 32,
      seconds=0.15, start_lr=0.2),
    W("hotspot_cnn_adam", hotspot_cnn, 300, "lithography_hotspot_feature_tensor_cnn", "adam", "finite", 32,
      seconds=1.3, start_lr=0.004),
    W("xbd_siamese_adamw", xbd_siamese, 300, "xbd_siamese_building_damage_cnn", "adamw_wd0.01", "finite", 32,
      seconds=2.0, start_lr=0.016),
)
LONG = (
    W("cann_rubber_adam@long", cann_rubber, 3000, "cann_rubber_hyperelasticity", "adam", "finite", 32,
      seconds=4.3, start_lr=0.002, grid_fractions=(0.0, 0.05)),
    W("dst_elman_rmsprop@long", dst_elman, 3000, "elman_dst_geomagnetic_index", "rmsprop", "finite", 32,
      seconds=5.6, start_lr=0.008, grid_fractions=(0.0, 0.05)),
    W("foram_ann_sgdm@long", foram_ann, 3000, "foraminiferal_sst_transfer_function_ann", "sgd_momentum0.9", "finite",
      16, dict(train_size=4096), seconds=1.1, start_lr=0.4, grid_fractions=(0.0, 0.05), long_of="foram_ann_sgdm"),
    W("ree_ann_sgd@long", ree_ann, 3000, "resting_energy_expenditure_ann", "sgd", "finite", 8,
      dict(train_size=1024), seconds=1.2, start_lr=0.05, grid_fractions=(0.0, 0.05), long_of="ree_ann_sgd"),
)

REGISTRY = Registry(EXAM, LONG, "exam48_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-eighth exam's workloads")
