"""The forty-ninth exam: six more workload families that neither the suite nor exams 1-48 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam48_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from ceramics and glass
manufacturing, apiculture and pollination, pipeline integrity and corrosion, sign language and gesture recognition,
carbon capture and storage, and tribology and lubrication (exam 50 was built at the same time from other domains;
its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam49/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- glass viscosity with ViscNet (Cassar 2021): an MLP maps an oxide glass's composition to the three parameters of
  the MYEGA viscosity equation (the log asymptotic viscosity, the glass transition temperature and the fragility),
  and the equation gives log10 viscosity at each measured temperature; MSE on log10 viscosity; soda-lime-like
  silicate glasses of seven oxides with a mixed-alkali and a boron anomaly term, eight temperatures each,
  measurement scatter (sd 0.25 in log10); batch 64 glasses; AdamW (torch's default weight decay 0.01; from memory)
- beehive state from hive audio (apiculture; Nolasco et al. 2019, queenless / queenright detection): a small CNN
  convolving over time with the mel bands as channels (two conv blocks with batch norm and max pooling, a dense
  layer with dropout) on 16-band log-mel spectrograms of 32 frames; binary cross-entropy; hive hum with harmonics
  whose pitch, spread and modulation depend on the colony's state, queen piping in some queenright clips, wind /
  rain noise, a random gain; 8% of labels wrong (the annotation's errors); batch 32; SGD with Nesterov momentum 0.9
  (audio CNNs of the bioacoustics literature; from memory)
- corrosion-defect sizing from magnetic flux leakage (pipeline in-line inspection; a long plan only): a 1-d CNN
  (two conv / pool blocks, a dense head) on the axial, radial and circumferential flux-leakage components over
  32 axial samples of a metal-loss defect gives its depth and length (standardised); MSE; dipole-like
  leakage fields of a defect under a lift-off, with sensor noise, a wall-thickness ripple and a girth-weld-like
  bump in some records; batch 32; Adam (the MFL-sizing CNN papers'; from memory)
- isolated-sign recognition from hand landmarks with an LSTM (the MediaPipe-landmarks-plus-LSTM recipe of sign
  language recognition): 21 hand landmarks (x, y) per frame over 16 frames, wrist-relative and scale-normalised,
  into an LSTM (hidden 32) whose last state feeds a 12-way softmax; cross-entropy; 12 signs from 4 handshapes x 3
  movements, signers varying in hand size, speed, position, rotation and finger flexion, landmark jitter; batch
  32; RMSprop with rho 0.9 (Keras' default, the usual choice of those Keras notebooks; torch's ``alpha=0.9``)
- CO2 storage with an ANN proxy of a reservoir simulator (carbon capture and storage; a long plan only; the
  proxy / reduced-order models of CCS site screening): a ReLU MLP (three hidden layers of 32) from eight site and
  operation parameters (permeability, porosity, thickness, injection rate, time, kv / kh, depth, salinity) to the
  plume radius, the pressure build-up at the well and the dissolved fraction (standardised); MSE; outcomes from a
  Nordbotten-Celia sharp-interface plume with gravity override, a Theis-like pressure build-up and a convective
  dissolution term, with simulator-to-simulator scatter; batch 32; NAdam (one of the Keras optimisers such proxy
  studies use; from memory)
- friction and wear of lubricated contacts with an ANN (tribology; as the tribology ANNs reviewed by Argatov 2019):
  a tanh MLP from the load, sliding speed, lubricant viscosity grade, oil temperature, surface roughness and
  anti-wear additive content to the friction coefficient and the log specific wear rate; MSE on both
  (standardised); a Stribeck curve in the film-thickness ratio (Hamrock-Dowson central film thickness, a Vogel
  viscosity-temperature law), boundary friction lowered by the additive, wear falling with the film ratio;
  tribometer scatter; batch 16; SGD with momentum 0.9 (back-propagation with momentum; from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the MFL CNN and the
storage proxy (no short plans), the sign LSTM on 6144 clips instead of 3072 and the friction ANN on 1024 tests
instead of 512. A ViscNet long plan (4096 glasses) and a hive-CNN long plan (8192 clips) were tried and dropped
as flat, and a 1-d DenseED surrogate for CO2 storage was dropped as too slow (see the README).

Of the eight plans, one uses AdamW (ViscNet), one SGD with Nesterov momentum (the hive CNN), one Adam (the MFL
CNN), two RMSprop (both sign-LSTM plans), one NAdam (the storage proxy) and two SGD with momentum (both
friction-ANN plans).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam49_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam49/README.md).

    python benchmarks/exam49_workloads.py          # the table
    python benchmarks/exam49_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 49"


# --------------------------------------------------------------------------------------------------------------
# 1. glass viscosity with ViscNet: an MLP into the MYEGA equation (AdamW)

VN_OXIDES, VN_TEMPS = 7, 8  # SiO2, Na2O, K2O, CaO, MgO, Al2O3, B2O3
VN_MEAN = torch.tensor([0.675, 0.054, 0.054, 0.054, 0.054, 0.054, 0.054])  # the mole fractions' rough mean and sd
VN_STD = torch.tensor([0.072, 0.058, 0.058, 0.058, 0.058, 0.058, 0.058])


def myega(temp: torch.Tensor, log_inf: torch.Tensor, tg: torch.Tensor, m: torch.Tensor) -> torch.Tensor:
    """The MYEGA equation (Mauro et al. 2009): log10 viscosity (Pa s) at temperature ``temp`` (K)."""
    r = tg / temp
    return log_inf + (12 - log_inf) * r * torch.exp((m / (12 - log_inf) - 1) * (r - 1))


def _vn_glasses(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Soda-lime-like silicate glasses: SiO2 55-80 mol%, the rest split among Na2O, K2O, CaO, MgO, Al2O3 and B2O3 by
    random weights (some oxides absent); the true Tg (K) and fragility m from additive oxide terms plus a
    mixed-alkali dip, a boron anomaly and an Al2O3 / alkali charge-compensation term; log eta_inf -2.9 plus a small
    composition term; eight temperatures from Tg to 1.7 Tg (the viscometers' range, 10^1-10^12 Pa s); viscometer and
    data-source scatter sd 0.25 in log10. Returns (mole fractions, temperatures / 1000, log10 viscosity)."""
    si = 0.55 + 0.25 * torch.rand(n, generator=gen)
    w = torch.rand(n, VN_OXIDES - 1, generator=gen) * (torch.rand(n, VN_OXIDES - 1, generator=gen) < 0.7)
    w = w + 1e-3
    rest = w / w.sum(1, keepdim=True) * (1 - si).unsqueeze(1)
    x = torch.cat([si.unsqueeze(1), rest], 1)
    na, k, ca, mg, al, b = x[:, 1:].unbind(1)
    alk = na + k
    tg = (1450 * x[:, 0] + 350 * na + 420 * k + 1050 * ca + 1000 * mg + 1300 * al + 700 * b
          - 1200 * na * k / (alk + 0.02) - 900 * (b - 0.12).clamp_min(0)
          + 800 * torch.minimum(al, alk)) - 330
    m = 30 + 100 * (na + k) + 70 * ca + 40 * mg + 20 * al - 30 * b
    log_inf = -2.9 + 0.8 * (al - 0.05) - 0.5 * (b - 0.05)
    frac = torch.sort(torch.rand(n, VN_TEMPS, generator=gen), 1).values
    temp = tg.unsqueeze(1) * (1.0 + 0.7 * frac)
    y = myega(temp, log_inf.unsqueeze(1), tg.unsqueeze(1), m.unsqueeze(1))
    y = y + 0.25 * torch.randn(n, VN_TEMPS, generator=gen)
    return x, temp / 1000, y


class ViscNet(nn.Module):
    """ViscNet (Cassar 2021) in miniature: a small MLP (two hidden layers of 24; ViscNet's is larger) from the
    composition (each mole fraction centred and scaled by a fixed rough mean and sd) to MYEGA's log eta_inf, Tg and
    fragility, then MYEGA at each temperature."""

    def __init__(self, hidden: int = 24) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(VN_OXIDES, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor, temp: torch.Tensor) -> torch.Tensor:
        p = self.net((x - VN_MEAN) / VN_STD)
        log_inf = -3 + p[:, :1]
        tg = 0.8 + 0.2 * p[:, 1:2]  # thousands of kelvin
        m = 20 + F.softplus(p[:, 2:3]) * 30
        return myega(temp, log_inf, tg, m)


def viscosity_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of log10 viscosity."""
    x, temp, y = batch
    return F.mse_loss(model(x, temp), y)


def viscnet(batch_size: int = 64, seed: int = 0, train_size: int = 2048, hidden: int = 24) -> dict[str, Any]:
    """ViscNet on 2048 glasses (8 temperatures each); held out: 1024 other glasses in batches of 512; AdamW
    (torch's default weight decay 0.01)."""
    gen = torch.Generator().manual_seed(49102)
    x, t, y = _vn_glasses(train_size + 1024, gen)
    tr = (x[:train_size], t[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ViscNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], t[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw"),
            "loss_fn": viscosity_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. beehive state (queenright / queenless) from hive audio with a CNN (SGD with Nesterov momentum)

BH_MELS, BH_FRAMES = 16, 32


def _bh_clips(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Log-mel spectrograms (16 bands, 32 frames) of hive recordings: a hum with a fundamental near band 4
    (about 250 Hz) and three harmonics; a queenless colony's hum sits about half a band higher, is broader and
    warbles more (a slow frequency modulation), with more energy in the upper harmonics; 30% of queenright clips
    carry queen piping (short tones near band 9); wind or rain (broadband, low-frequency-heavy) of random level;
    a random gain; 8% of the labels wrong; the whole set standardised by its mean and sd. Returns (spectrograms
    (n, 16, 32), labels 1 = queenless)."""
    ql = (torch.rand(n, generator=gen) < 0.5).float()
    bands = torch.arange(BH_MELS).float().view(1, -1, 1)
    frames = torch.arange(BH_FRAMES).float().view(1, 1, -1)
    f0 = (3.8 + 0.4 * ql + 0.8 * torch.randn(n, generator=gen)).view(-1, 1, 1)
    rate = 0.1 + 0.2 * torch.rand(n, 1, 1, generator=gen)
    depth = (0.2 + 0.6 * ql.view(-1, 1, 1)) * torch.rand(n, 1, 1, generator=gen)
    wob = f0 + depth * torch.sin(2 * math.pi * rate * frames + 2 * math.pi * torch.rand(n, 1, 1, generator=gen))
    width = (0.5 + 0.2 * ql + 0.15 * torch.rand(n, generator=gen)).view(-1, 1, 1)
    tilt = (0.5 + 0.25 * ql + 0.2 * torch.randn(n, generator=gen)).clamp(0.1, 1.0).view(-1, 1, 1)
    spec = torch.zeros(n, BH_MELS, BH_FRAMES)
    for h in range(1, 5):
        centre = wob * (1 + 0.6 * (h - 1))
        spec = spec + tilt ** (h - 1) * torch.exp(-0.5 * ((bands - centre) / (width * (1 + 0.2 * h))) ** 2)
    piping = ((1 - ql) * (torch.rand(n, generator=gen) < 0.3).float()).view(-1, 1, 1)
    on = (torch.rand(n, 1, BH_FRAMES, generator=gen) < 0.3).float()
    pitch = 9 + 0.5 * torch.randn(n, 1, 1, generator=gen)
    spec = spec + 0.6 * piping * on * torch.exp(-0.5 * ((bands - pitch) / 0.8) ** 2)
    noise = 0.6 * torch.rand(n, 1, 1, generator=gen) * torch.exp(-bands / 6) * (
        1 + 0.5 * torch.rand(n, 1, BH_FRAMES, generator=gen))
    spec = torch.log(1e-2 + spec + noise + 0.05 * torch.rand(n, BH_MELS, BH_FRAMES, generator=gen))
    spec = spec + 0.5 * torch.randn(n, 1, 1, generator=gen)  # gain
    spec = (spec - spec.mean()) / spec.std()
    flip = (torch.rand(n, generator=gen) < 0.08).float()
    return spec, (ql + flip) % 2


class HiveCNN(nn.Module):
    """A small CNN of the hive-audio papers' kind, convolving over time with the mel bands as channels: two conv
    blocks (width 3, batch norm, ReLU, max pooling by 2; 16 and 32 channels), a dense layer of 32 with dropout 0.3,
    one logit."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(BH_MELS, width, 3, padding=1), nn.BatchNorm1d(width), nn.ReLU(),
                                      nn.MaxPool1d(2), nn.Conv1d(width, 2 * width, 3, padding=1),
                                      nn.BatchNorm1d(2 * width), nn.ReLU(), nn.MaxPool1d(2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * BH_FRAMES // 4, 32), nn.ReLU(), nn.Dropout(0.3),
                                  nn.Linear(32, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x)).squeeze(1)


def hive_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """Binary cross-entropy of the queenless logit."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def hive_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048) -> dict[str, Any]:
    """The hive CNN on 2048 clips; held out: 1024 other clips in batches of 512; SGD with Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(49202)
    x, y = _bh_clips(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": HiveCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": hive_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. corrosion-defect sizing from magnetic flux leakage with a 1-d CNN (Adam; long only)

MF_LEN = 32


def _mf_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """MFL records over a metal-loss defect: 32 axial samples (4 mm apart) of the axial, radial and circumferential
    leakage; depth 10-80% of the wall, length 10-80 mm, width 10-80 mm, a lift-off of 1-3 mm, the defect centred
    within +-10 mm; the axial field a smoothed box (the difference of arctangents over the defect's ends), the
    radial one its log-ratio pair, the circumferential one a width-dependent antisymmetric term; amplitude growing
    with depth and saturating with width; sensor noise, a wall-thickness ripple and, in 20% of records, a
    girth-weld-like bump. The labels are field-verified sizes with a measurement error (sd 0.15 standardised: about
    3% of the wall in depth, 3 mm in length). Returns (records (n, 3, 32), standardised (depth, length)); the width
    is a nuisance here."""
    x = (torch.arange(MF_LEN).float() - MF_LEN / 2).view(1, -1) * 4.0
    d = 0.1 + 0.7 * torch.rand(n, 1, generator=gen)
    length = 10 + 70 * torch.rand(n, 1, generator=gen)
    width = 10 + 70 * torch.rand(n, 1, generator=gen)
    lift = 1 + 2 * torch.rand(n, 1, generator=gen)
    x0 = 20 * torch.rand(n, 1, generator=gen) - 10
    h = lift + 4 * d
    amp = d * (1 - torch.exp(-width / 25)) * (1 + 0.1 * torch.randn(n, 1, generator=gen).clamp(-2, 2))
    a, b = x - x0 + length / 2, x - x0 - length / 2
    bx = amp * (torch.atan(a / h) - torch.atan(b / h))
    by = amp * 0.5 * torch.log((a**2 + h**2) / (b**2 + h**2))
    bz = amp * (20 / width) * 0.3 * (torch.atan(a / h) - torch.atan(b / h)) * torch.tanh((x - x0) / 10)
    rec = torch.stack([bx, by, bz], 1)
    ripple = 0.05 * torch.sin(2 * math.pi * (x / (40 + 40 * torch.rand(n, 1, generator=gen))
                                             + torch.rand(n, 1, generator=gen)))
    weld = (torch.rand(n, 1, generator=gen) < 0.2).float() * 0.4 * torch.exp(
        -0.5 * ((x - 60 * torch.rand(n, 1, generator=gen) + 30) / 3) ** 2)
    rec[:, 0] = rec[:, 0] + ripple + weld
    rec = rec + 0.04 * torch.randn(rec.shape, generator=gen)
    y = torch.cat([(d - 0.45) / 0.2, (length - 45) / 20], 1)
    y = y + 0.15 * torch.randn(y.shape, generator=gen)  # the dig-verification (field measurement) error
    return rec, y


class MFLCNN(nn.Module):
    """A 1-d CNN of the MFL-sizing papers' kind: two conv / max-pool blocks (16 and 32 channels, width 5), a dense
    layer of 64, two outputs (depth, length)."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(3, width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
                                  nn.Conv1d(width, 2 * width, 5, padding=2), nn.ReLU(), nn.MaxPool1d(4),
                                  nn.Flatten())
        self.head = nn.Sequential(nn.Linear(2 * width * MF_LEN // 8, 64), nn.ReLU(), nn.Linear(64, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.conv(x))


def sizing_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the two standardised defect dimensions (depth, length)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def mfl_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The MFL CNN on 8192 defect records; held out: 2048 other records in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(49302)
    x, y = _mf_records(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": MFLCNN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": sizing_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. isolated-sign recognition from hand landmarks with an LSTM (RMSprop)

SL_FRAMES, SL_POINTS, SL_CLASSES = 16, 21, 12


def _sl_hand(flex: torch.Tensor, spread: torch.Tensor) -> torch.Tensor:
    """21 landmarks (MediaPipe's order: the wrist, then four joints per finger) of a 2-d hand with per-finger
    flexion ``flex`` (..., 5) in [0, 1] and finger spread ``spread`` (..., 1); returns (..., 21, 2)."""
    base_ang = torch.tensor([-0.9, -0.3, 0.0, 0.3, 0.6])  # thumb, index, middle, ring, little
    base_len = torch.tensor([0.45, 0.9, 0.95, 0.9, 0.8])
    seg = torch.tensor([0.35, 0.28, 0.24, 0.22, 0.2])
    pts = [torch.zeros(flex.shape[:-1] + (2,))]
    for f in range(5):
        ang = base_ang[f] * (1 + spread[..., 0]) + math.pi / 2
        p = torch.stack([base_len[f] * 0.5 * torch.cos(ang), base_len[f] * 0.5 * torch.sin(ang)], -1)
        pts.append(p)
        bend_dir = 1.0 if f == 0 else -1.0
        a = ang
        for _ in range(3):
            a = a + bend_dir * flex[..., f] * 1.2 * (1 if f else 0.6)
            p = p + seg[f] * torch.stack([torch.cos(a), torch.sin(a)], -1)
            pts.append(p)
    return torch.stack(pts, -2)


def _sl_signs(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Sign clips: 12 signs = 4 handshapes (fist, flat hand, index pointing, V) x 3 movements (a circle, a
    downward stroke with a shake, a wrist rotation); each clip varies the signer's hand size (+-20%), speed and
    phase, position, overall rotation (+-0.4 rad), per-finger flexion (sd 0.45 per clip: loosely formed handshapes;
    0.05 frame to frame; clamped to [0, 1]) and spread, with landmark jitter
    sd 0.1 (a landmark detector's); landmarks are made wrist-relative and divided by the hand's size, as the
    recipe's preprocessing does, but the wrist's absolute track is kept as two extra features. Returns ((n, 16,
    44), labels)."""
    shapes = torch.tensor([[0.9, 0.95, 0.95, 0.95, 0.95], [0.1, 0.05, 0.05, 0.05, 0.05],
                           [0.8, 0.05, 0.9, 0.9, 0.9], [0.8, 0.05, 0.05, 0.9, 0.9]])
    label = torch.randint(0, SL_CLASSES, (n,), generator=gen)
    shape, move = label // 3, label % 3
    flex = (shapes[shape].unsqueeze(1) + 0.45 * torch.randn(n, 1, 5, generator=gen)
            + 0.05 * torch.randn(n, SL_FRAMES, 5, generator=gen)).clamp(0, 1)
    spread = 0.3 * torch.randn(n, 1, 1, generator=gen).expand(n, SL_FRAMES, 1)
    t = torch.linspace(0, 1, SL_FRAMES).view(1, -1)
    speed = 0.7 + 0.6 * torch.rand(n, 1, generator=gen)
    phase = 2 * math.pi * torch.rand(n, 1, generator=gen)
    s = 2 * math.pi * speed * t + phase
    circle = torch.stack([0.5 * torch.cos(s), 0.5 * torch.sin(s)], -1)
    stroke = torch.stack([0.1 * torch.sin(3 * s), 0.8 - 1.6 * t.expand(n, -1) * speed], -1)
    still = torch.zeros(n, SL_FRAMES, 2)
    wrist = torch.where(move.view(-1, 1, 1) == 0, circle, torch.where(move.view(-1, 1, 1) == 1, stroke, still))
    wrist = wrist + 0.3 * torch.randn(n, 1, 2, generator=gen)
    rot = 0.4 * (2 * torch.rand(n, 1, generator=gen) - 1) + (move == 2).float().view(-1, 1) * 0.6 * torch.sin(s)
    hand = _sl_hand(flex, spread)  # n, frames, 21, 2
    c, si = torch.cos(rot).unsqueeze(-1), torch.sin(rot).unsqueeze(-1)
    hand = torch.stack([c * hand[..., 0] - si * hand[..., 1], si * hand[..., 0] + c * hand[..., 1]], -1)
    size = 0.8 + 0.4 * torch.rand(n, 1, 1, 1, generator=gen)
    pts = hand * size + wrist.unsqueeze(2)
    pts = pts + 0.1 * torch.randn(pts.shape, generator=gen)
    rel = (pts - pts[:, :, :1]) / (pts[:, :, 9:10] - pts[:, :, :1]).norm(dim=-1, keepdim=True).clamp_min(1e-3)
    feats = torch.cat([rel[:, :, 1:].flatten(2), pts[:, :, 0]], 2)
    return feats, label


class SignLSTM(nn.Module):
    """The landmarks-plus-LSTM recipe: one LSTM layer (hidden 32) over the frames' landmark vectors, its last
    state into a dense layer to the 12 signs."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.lstm = nn.LSTM(2 * (SL_POINTS - 1) + 2, hidden, batch_first=True)
        self.out = nn.Linear(hidden, SL_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.out(h[:, -1])


def sign_cross_entropy(model: nn.Module, batch: Any) -> torch.Tensor:
    """Cross-entropy over the 12 signs."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def sign_lstm(batch_size: int = 32, seed: int = 0, train_size: int = 3072) -> dict[str, Any]:
    """The sign LSTM on 3072 clips (256 per sign: a small signer-recorded set); held out: 1024 other clips in batches
    of 512; RMSprop with rho 0.9 (Keras' default; torch's alpha)."""
    gen = torch.Generator().manual_seed(49402)
    x, y = _sl_signs(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SignLSTM(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr, alpha=0.9), "rmsprop_rho0.9"),
            "loss_fn": sign_cross_entropy, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. CO2 storage with an ANN proxy of a reservoir simulator (NAdam; long only)


def _cs_cases(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Simulated CO2 injections into saline aquifers for site screening: permeability 1-1000 mD (log-uniform),
    porosity 0.05-0.30, thickness 20-200 m, injection rate 0.5-5 Mt/yr, time 1-30 years, kv / kh 0.01-1
    (log-uniform), depth 1000-3000 m and brine salinity 0-250 g/l. The outcomes, from the analytical pieces such
    simulators reproduce: CO2 density and viscosity from the depth's pressure and temperature (smooth fits); the
    plume's radius from the Nordbotten-Celia sharp-interface solution (the injected volume spread over the
    thickness, widened by the brine / CO2 mobility ratio and by gravity override that grows with kv / kh and
    thickness); the pressure build-up at the well from the Theis-like log solution with the plume's lower
    viscosity; the fraction dissolved, growing with time, kv / kh (convective mixing) and falling with salinity.
    Returns (scaled inputs (n, 8), (log radius, log pressure build-up, dissolved fraction)); the factory
    standardises the outcomes and adds simulator-to-simulator scatter (sd 0.08 of each)."""
    u = torch.rand(n, 8, generator=gen)
    logk = math.log(1.0) + math.log(1000.0) * u[:, 0]
    phi = 0.05 + 0.25 * u[:, 1]
    thick = 20 + 180 * u[:, 2]
    rate = 0.5 + 4.5 * u[:, 3]
    years = 1 + 29 * u[:, 4]
    kvkh = torch.exp(math.log(0.01) + math.log(100.0) * u[:, 5])
    depth = 1000 + 2000 * u[:, 6]
    sal = 250 * u[:, 7]
    pres = 0.0101 * depth  # MPa, hydrostatic
    temp = 15 + 0.03 * depth
    rho = 250 + 600 * torch.sigmoid((pres - 8 - 0.06 * (temp - 31)) / 2.5) - 1.2 * (temp - 40)
    mu_co2 = 0.02 + 0.06 * (rho / 800) ** 2  # cP
    mu_brine = 0.6 * (1 + sal / 400) * torch.exp(-(temp - 40) / 60)
    ratio = mu_brine / mu_co2
    volume = rate * 1e9 * years / rho  # m3
    grav = 1 + 0.8 * torch.tanh(3 * kvkh * thick / 100)
    radius = torch.sqrt(ratio * volume / (math.pi * phi * thick) / (1 + 0.15 * ratio)) * grav
    k = torch.exp(logk) * 9.87e-16
    q = rate * 1e9 / rho / 3.15e7  # m3/s
    diff = k / (phi * mu_brine * 1e-3 * 1e-9) * 1e-2
    dp = q * mu_brine * 1e-3 / (4 * math.pi * k * thick) * torch.log(2.25 * diff * years * 3.15e7 / 0.01) / 1e6
    dp = dp * (0.4 + 0.6 / (1 + 0.3 * torch.log1p(radius / 100)))
    dissolved = 0.35 * torch.sqrt(years / 30) * (kvkh / (kvkh + 0.1)) ** 0.5 * (1 - sal / 500) * torch.tanh(
        torch.exp(logk) / 50 + 0.2)
    x = torch.stack([(logk - 3.45) / 2, (phi - 0.175) / 0.072, (thick - 110) / 52, (rate - 2.75) / 1.3,
                     (years - 15.5) / 8.4, (torch.log(kvkh) + 2.3) / 1.33, (depth - 2000) / 577, (sal - 125) / 72], 1)
    y = torch.stack([torch.log(radius), torch.log(dp), dissolved], 1)
    return x, y


class StorageProxy(nn.Module):
    """An ANN proxy (a ReLU MLP of three hidden layers of 32) from the eight site and operation parameters to the
    plume radius, the pressure build-up and the dissolved fraction."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def proxy_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the three standardised outcomes."""
    x, y = batch
    return F.mse_loss(model(x), y)


def storage_proxy(batch_size: int = 32, seed: int = 0, train_size: int = 4096) -> dict[str, Any]:
    """The storage proxy on 4096 simulated injections (outcomes standardised over them, then scattered); held out:
    2048 others in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(49502)
    x, y = _cs_cases(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    y = y + 0.08 * torch.randn(y.shape, generator=gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": StorageProxy(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": proxy_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. friction and wear of lubricated contacts with an ANN (SGD with momentum)


def _tb_tests(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Pin-on-disc / ball-on-disc tests: load 10-200 N, sliding speed 0.01-2 m/s (log-uniform), an ISO VG 32-320 oil
    (its 40 C viscosity), oil temperature 25-120 C, composite roughness 0.05-1 um (log-uniform), ZDDP-like additive
    0-2 wt%. The viscosity at the test temperature by a Vogel law; the film ratio lambda from the Hamrock-Dowson
    central film thickness (h ~ (eta u)^0.67 W^-0.067) over the roughness; the friction coefficient a Stribeck
    curve: boundary friction (0.12, lowered by the additive) times a smooth share of asperity contact falling with
    lambda, plus a hydrodynamic term growing with eta u / W; the log specific wear rate falling with lambda, lowered
    by the additive in boundary contact; tribometer scatter (friction 10%, log wear 0.2: repeat tests scatter this
    much). Returns (scaled conditions (n, 6), standardised (friction, log wear))."""
    load = 10 + 190 * torch.rand(n, generator=gen)
    speed = torch.exp(math.log(0.01) + math.log(200) * torch.rand(n, generator=gen))
    grade = torch.tensor([32.0, 68.0, 100.0, 220.0, 320.0])[torch.randint(0, 5, (n,), generator=gen)]
    temp = 25 + 95 * torch.rand(n, generator=gen)
    rough = torch.exp(math.log(0.05) + math.log(20) * torch.rand(n, generator=gen))
    add = 2 * torch.rand(n, generator=gen)
    eta = grade * torch.exp(900 * (1 / (temp + 95) - 1 / 135))  # cSt, Vogel-like
    h = 0.2 * (eta * speed / 10) ** 0.67 * (load / 50) ** -0.067  # um
    lam = h / rough
    share = torch.sigmoid(-6.0 * (torch.log(lam) - math.log(1.5)))
    mu_b = 0.12 - 0.03 * add / (1 + add) * 2
    mu = mu_b * share + 0.004 * (eta * speed / load).pow(0.5) + 0.01
    mu = mu * torch.exp(0.1 * torch.randn(n, generator=gen))
    wear = -7 + 1.5 * share - 0.6 * add / (1 + add) * share + 0.2 * torch.log(load / 50)
    wear = wear + 0.2 * torch.randn(n, generator=gen)
    x = torch.stack([(load - 105) / 55, (torch.log(speed) + 2.3) / 1.5, (torch.log(grade) - 4.6) / 0.8,
                     (temp - 72) / 27, (torch.log(rough) + 1.5) / 0.9, add - 1], 1)
    y = torch.stack([(mu - 0.06) / 0.04, (wear + 6.2) / 0.6], 1)
    return x, y


class TribologyANN(nn.Module):
    """A tanh MLP (two hidden layers of 20) from the six test conditions to friction and log wear."""

    def __init__(self, hidden: int = 20) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def tribology_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the standardised friction coefficient and log wear rate."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tribology_ann(batch_size: int = 16, seed: int = 0, train_size: int = 512, hidden: int = 20) -> dict[str, Any]:
    """The friction / wear ANN on 512 tribometer tests; held out: 1024 other tests in batches of 512; SGD with
    momentum 0.9."""
    gen = torch.Generator().manual_seed(49602)
    x, y = _tb_tests(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TribologyANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": tribology_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("viscnet_adamw", viscnet, 300, "viscnet_glass_viscosity_myega", "adamw", "finite", 64,
      seconds=0.35, start_lr=0.032),
    W("hive_cnn_sgdn", hive_cnn, 300, "beehive_queen_state_audio_cnn", "sgd_nesterov0.9", "finite", 32,
      seconds=0.65, start_lr=0.025),
    W("sign_lstm_rmsprop", sign_lstm, 300, "sign_language_landmark_lstm", "rmsprop_rho0.9", "finite", 32,
      seconds=0.5, start_lr=0.016),
    W("tribology_ann_sgdm", tribology_ann, 300, "tribology_friction_wear_ann", "sgd_momentum0.9", "small_finite", 16,
      seconds=0.15, start_lr=0.1),
)
LONG = (
    W("mfl_cnn_adam@long", mfl_cnn, 3000, "mfl_corrosion_defect_sizing_cnn", "adam", "finite", 32,
      seconds=4.2, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("storage_proxy_nadam@long", storage_proxy, 3000, "co2_storage_ann_proxy", "nadam", "finite", 32,
      seconds=2.3, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("sign_lstm_rmsprop@long", sign_lstm, 3000, "sign_language_landmark_lstm", "rmsprop_rho0.9", "finite", 32,
      dict(train_size=6144), seconds=4.1, start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="sign_lstm_rmsprop"),
    W("tribology_ann_sgdm@long", tribology_ann, 3000, "tribology_friction_wear_ann", "sgd_momentum0.9", "finite", 16,
      dict(train_size=1024), seconds=1.2, start_lr=0.05, grid_fractions=(0.0, 0.05),
      long_of="tribology_ann_sgdm"),
)

REGISTRY = Registry(EXAM, LONG, "exam49_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the forty-ninth exam's workloads")
