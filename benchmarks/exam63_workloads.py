"""The sixty-third exam: six more workload families that neither the suite nor exams 1-62 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam62_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from pipe-organ building and
voicing, textile dyeing and colour matching, lighthouses and maritime aids to navigation, gemstone grading and
gemology, sport fencing, and soap making and saponification (exam 64 was built at the same time from other domains;
its module was not opened). What was checked to make them new, and what was tried and dropped, is in
``benchmarks/results/exam63/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- organ flue-pipe voicing, a spectrum surrogate: a ReLU MLP from a flue pipe's scaling and voicing parameters
  (pitch, scale against Toepfer's Normalmensur, mouth width, cut-up, wind pressure, toe opening, languid / jet
  offset, nicking) to the levels of its first 12 harmonics; the spectra from a voicer's rules built around Ising's
  (1971) voicing number, the jet offset's even-harmonic suppression and the scale's roll-off, with overblowing at
  high Ising numbers; 0.5 dB of measurement noise; MSE of the levels, standardised per harmonic; Adam (torch's
  defaults)
- lighthouse light characteristics: a small 1-D CNN (two convolutions with batch norm, ReLU and max pooling, a dense
  layer) classifies a 20-second photometer trace of a light seen at sea into 12 IALA characteristics (F, Fl, Fl(2),
  Fl(3), LFl, Oc, Oc(2), Iso, Q, VQ, Mo(A), Q(6)+LFl); the traces from the rhythm with period tolerance and lamp
  rise time, Allard's law for the range and the meteorological visibility, a drifting twilight background,
  scintillation, swell occlusion and detector noise; cross-entropy; AdamW with weight decay 1e-2 (torch's default)
- diamond price from the grading report (the 4Cs), a hedonic MLP with entity embeddings (Guo & Berkhahn 2016's
  layout, from memory) of cut, colour, clarity and fluorescence joined with log carat, depth and table; prices from
  a hedonic law (a per-carat price rising with size, jumps at the "magic" weights 0.5, 0.7, 1, 1.5 and 2 ct, colour
  and clarity premiums growing with size, cut and proportion penalties, fluorescence) with dealer scatter; MSE of
  the scaled log price; RAdam (torch's defaults)
- fencing footwork recognition from 2-D pose: a FenceNet-style temporal convolutional network (from memory: Zhu et
  al.'s FenceNet classified fencing footwork from 2-D pose keypoints with a TCN; this one is small) over 32-frame
  sequences of a 13-joint side-view skeleton, six footwork actions (advance, retreat, lunge, advance-lunge, fleche,
  balestra-lunge); sequences from a kinematic stick fencer with random stance, speed, timing (late starts cut off
  by the clip), handedness (mirrored), camera scale and pan, keypoint jitter and missed detections; cross-entropy;
  SGD with Nesterov momentum 0.9 and weight decay 1e-4 (the author's memory of skeleton action-recognition
  training, ST-GCN's)
- textile dyeing, computer recipe prediction (a long plan only; as Bishop, Bushnell & Westland 1991's network, from
  memory, with a spectral input): a sigmoid MLP from the measured K/S spectrum of a dyed cotton sample (16
  wavelengths, 400-700 nm) to the concentrations (% on weight of fibre) of the three dyes of a trichromatic set; the
  reflectances from single-constant Kubelka-Munk theory (K/S additive in the dyes' unit K/S spectra, a build-up
  that saturates, the fixation varying dyeing to dyeing, the substrate's K/S) with spectrophotometer noise; MSE of
  the concentrations; SGD with momentum 0.9 (the backpropagation of that era)
- cold-process soap saponification (a long plan only): a tanh MLP from the oil blend (six oils' fractions) and the
  process (superfat, lye concentration, soaping temperature, stick-blending time, gel phase) to the log
  unsaponified fraction at 10 times from 0.5 h to 72 h; curves from second-order kinetics between ester and
  hydroxide with lye as the limiting reagent (the superfat), an emulsification (trace) delay, Arrhenius rates with
  the gel phase's exotherm and fatty-acid-dependent reactivity; titration noise; MSE of the log fraction; Adamax
  (torch's defaults)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the dye recipe net and
the soap kinetics net (no short plans), the organ-pipe surrogate on 8192 pipes instead of 1024 and the diamond price
net on 16384 stones instead of 2048.

Of the eight plans, two use Adam (both organ plans), one AdamW (lighthouse), two RAdam (both diamond plans), one SGD
with Nesterov momentum (fencing), one SGD with momentum (dye recipes) and one Adamax (soap).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam63_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam63/README.md).

    python benchmarks/exam63_workloads.py          # the table
    python benchmarks/exam63_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 63"


# --------------------------------------------------------------------------------------------------------------
# 1. organ flue-pipe voicing: a spectrum surrogate (Adam)

OP_HARM = 12


def _op_pipes(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Open metal flue pipes: MIDI pitch 36-96 (8' C to c'''' ), scale -8 to +8 half-tones against Toepfer's
    Normalmensur (diameter 155.5 mm at 8' C, halving on the 17th half-tone; + wider), mouth width 1/5-1/3 of the
    circumference, cut-up 0.2-0.45 of the mouth width, wind pressure 50-100 mm water gauge, toe opening 0.3-1
    (the fraction of the foot pressure reaching the flue), jet offset -1 to 1 (the languid's height: the jet below or
    above the upper lip), nicking 0-1. The voicer's rules: Ising's number I = sqrt(2 P d / (rho h^3)) / omega
    (d the flue width, h the cut-up height); the fundamental's level from the pressure and mouth area; a roll-off in
    dB per octave steeper for wide scales and low I and softened as I rises; a narrow-scale formant near harmonics
    4-7; even harmonics cut by a centred jet (20 log10(0.12 + |offset|)); nicking damping the upper harmonics; above
    I of about 3.5 the pipe starts to overblow (the fundamental falls, the octave rises); levels below 5 dB read as
    5 dB (the analyser's floor). 0.5 dB noise per level (a sustained tone's averaged spectrum).
    Returns (scaled parameters (n, 8), levels / 10 dB (n, 12), less 6 (60 dB); standardised by the caller)."""
    midi = 36 + 60 * torch.rand(n, generator=gen)
    scale = -8 + 16 * torch.rand(n, generator=gen)
    mouth = 0.2 + (1 / 3 - 0.2) * torch.rand(n, generator=gen)
    cut = 0.2 + 0.25 * torch.rand(n, generator=gen)
    press = 50 + 50 * torch.rand(n, generator=gen)
    toe = 0.3 + 0.7 * torch.rand(n, generator=gen)
    offset = -1 + 2 * torch.rand(n, generator=gen)
    nick = torch.rand(n, generator=gen)
    f = 440 * 2 ** ((midi - 69) / 12)
    diam = 0.1555 * 2 ** (-(midi - 36 - scale) / 16)
    width = mouth * math.pi * diam
    h = cut * width
    p = press * 9.81 * toe**2 / (toe**2 + 0.15) * 1.15  # Pa at the flue
    d = 0.0009 * (diam / 0.05) ** 0.5
    ising = torch.sqrt(2 * p * d / (1.2 * h**3)) / (2 * math.pi * f)
    k = torch.arange(1, OP_HARM + 1).float().view(1, -1)
    octs = torch.log2(k)
    slope = (9 + 0.45 * scale).view(-1, 1) - 3.5 * (ising.clamp(0.5, 4) - 2).view(-1, 1) + 4 * nick.view(-1, 1) * (octs > 1.5)
    level = 62 + 10 * torch.log10(p / 500) + 10 * torch.log10(width * h / 2e-4) * 0.5 - 0.1 * (midi - 60)
    lv = level.view(-1, 1) - slope.clamp_min(2) * octs
    lv = lv + (6 * torch.exp(-0.5 * ((k - 5.5) / 1.5) ** 2) * F.relu(-scale).view(-1, 1) / 8)
    even = (k.long() % 2 == 0).float()
    lv = lv + even * 20 * torch.log10(0.12 + 0.88 * offset.abs()).view(-1, 1) * 0.6
    over = torch.sigmoid(4 * (ising - 3.5)).view(-1, 1)
    lv = lv - 14 * over * (k == 1).float() + 6 * over * (k == 2).float()
    lv = lv - 6 * nick.view(-1, 1) * (k > 6).float() * (k - 6) / 6
    lv = lv.clamp_min(5) + 0.5 * torch.randn(lv.shape, generator=gen)
    x = torch.stack([(midi - 66) / 17.3, scale / 4.6, (mouth - 0.267) / 0.038, (cut - 0.325) / 0.072,
                     (press - 75) / 14.4, (toe - 0.65) / 0.2, offset / 0.58, (nick - 0.5) / 0.29], 1)
    return x, (lv - 60) / 10


class PipeVoicingNet(nn.Module):
    """A voicing surrogate: a ReLU MLP from the 8 pipe parameters through two hidden layers to the 12 harmonic
    levels."""

    def __init__(self, hidden: int = 128) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, OP_HARM))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def spectrum_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised harmonic levels."""
    x, y = batch
    return F.mse_loss(model(x), y)


def organ_voicing(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 128) -> dict[str, Any]:
    """The voicing surrogate on 1024 voiced pipes, each harmonic's level standardised over them; held out: 2048
    other pipes in batches of 1024; Adam."""
    gen = torch.Generator().manual_seed(63102)
    x, y = _op_pipes(train_size + 2048, gen)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": PipeVoicingNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": spectrum_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. textile dyeing: computer recipe prediction with Kubelka-Munk reflectances (SGD with momentum; long only)

TD_WL = torch.linspace(400, 700, 16)


def _td_unit_ks() -> torch.Tensor:
    """Unit K/S spectra (per 1% owf) of a trichromatic reactive-dye set on cotton: a yellow (absorption peak 420 nm),
    a red (520 nm, a shoulder at 560 nm) and a blue (610 nm, a shoulder at 660 nm)."""
    wl = TD_WL

    def band(c: float, w: float) -> torch.Tensor:
        return torch.exp(-0.5 * ((wl - c) / w) ** 2)

    yellow = 9 * band(420, 35) + 0.3 * band(480, 30)
    red = 11 * band(520, 28) + 4 * band(560, 25)
    blue = 8 * band(610, 35) + 5 * band(660, 30) + 0.8 * band(450, 40)
    return torch.stack([yellow, red, blue], 0)  # 3, 16


def _td_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Dyeings: each dye present with probability 0.8 at 0.02-3% owf (log-uniform); the fraction of each dye
    that fixes varies from dyeing to dyeing (10%, relative: the liquor, the salt, the fixation's timing); the dye's
    build-up saturates (effective c = c_fixed / (1 + c_fixed / 4)); K/S = the substrate's (0.01-0.02, slightly yellowish) + sum c_eff x unit K/S;
    R = 1 + K/S - sqrt((K/S)^2 + 2 K/S) (single-constant Kubelka-Munk, an opaque sample); the instrument's noise
    0.3% reflectance plus a 1% gain error per sample. The network's input is what recipe-prediction software
    computes first, the measured K/S = (1 - R)^2 / 2R (R floored at 0.2%), as log K/S / 1.8. Returns (inputs (n, 16),
    concentrations (n, 3))."""
    unit = _td_unit_ks()
    c = torch.exp(math.log(0.02) + (math.log(3.0) - math.log(0.02)) * torch.rand(n, 3, generator=gen))
    c = c * (torch.rand(n, 3, generator=gen) < 0.8)
    fixed = c * (1 + 0.1 * torch.randn(n, 3, generator=gen)).clamp_min(0.5)  # the fixation varies dyeing to dyeing
    ceff = fixed / (1 + fixed / 4)
    sub = 0.01 + 0.01 * torch.rand(n, 1, generator=gen) + 0.01 * torch.exp(-((TD_WL - 400) / 60) ** 2).view(1, -1)
    ks = sub + ceff @ unit
    r = 1 + ks - torch.sqrt(ks**2 + 2 * ks)
    r = r * (1 + 0.01 * torch.randn(n, 1, generator=gen)) + 0.003 * torch.randn(r.shape, generator=gen)
    ks = (1 - r.clamp_min(0.002)) ** 2 / (2 * r.clamp_min(0.002))  # the colourist's K/S from the reflectance
    return torch.log(ks) / 1.8, c


class RecipeNet(nn.Module):
    """The recipe-prediction network: reflectance in, one hidden layer of sigmoid units, the three concentrations
    out."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(16, hidden), nn.Sigmoid(), nn.Linear(hidden, 3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def concentration_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the three dye concentrations (% owf)."""
    x, c = batch
    return F.mse_loss(model(x), c)


def dye_recipe(batch_size: int = 16, seed: int = 0, train_size: int = 2048, hidden: int = 32) -> dict[str, Any]:
    """The recipe net on 2048 measured dyeings (the long plan passes 4096); held out: 2048 other dyeings in batches
    of 1024; SGD with momentum 0.9."""
    gen = torch.Generator().manual_seed(63202)
    x, c = _td_samples(train_size + 2048, gen)
    tr = (x[:train_size], c[:train_size])
    torch.manual_seed(seed)
    return {"model": RecipeNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], c[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": concentration_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. lighthouse light characteristics from a photometer trace (AdamW)

LH_HZ, LH_SECONDS = 8, 20
LH_LEN = LH_HZ * LH_SECONDS
LH_CLASSES = 12


def _lh_pattern(cls: int, t: torch.Tensor, period: torch.Tensor) -> torch.Tensor:
    """The light's on / off state at times ``t`` (n, L) (seconds within the period) for one IALA characteristic."""
    tp = torch.remainder(t, period)
    if cls == 0:  # F: fixed
        return torch.ones_like(t)
    if cls == 1:  # Fl 5s: one 0.5 s flash
        return (tp < 0.5).float()
    if cls == 2:  # Fl(2) 10s: two 0.5 s flashes 1.5 s apart
        return ((tp < 0.5) | ((tp >= 1.5) & (tp < 2.0))).float()
    if cls == 3:  # Fl(3) 15s
        return ((tp < 0.5) | ((tp >= 1.5) & (tp < 2.0)) | ((tp >= 3.0) & (tp < 3.5))).float()
    if cls == 4:  # LFl 10s: a 2 s flash
        return (tp < 2.0).float()
    if cls == 5:  # Oc 6s: eclipse 1.5 s
        return (tp >= 1.5).float()
    if cls == 6:  # Oc(2) 10s: two 1 s eclipses 1 s apart
        return 1 - ((tp < 1.0) | ((tp >= 2.0) & (tp < 3.0))).float()
    if cls == 7:  # Iso 4s
        return (tp < period / 2).float()
    if cls == 8:  # Q: 60 flashes a minute, 0.3 s on
        return (torch.remainder(tp, 1.0) < 0.3).float()
    if cls == 9:  # VQ: 120 a minute, 0.2 s on
        return (torch.remainder(tp, 0.5) < 0.2).float()
    if cls == 10:  # Mo(A) 8s: dot 0.5, gap 0.5, dash 1.5
        return ((tp < 0.5) | ((tp >= 1.0) & (tp < 2.5))).float()
    # Q(6)+LFl 15s: six quick flashes, then a 2 s long flash (the south cardinal mark)
    quick = (tp < 6.0) & (torch.remainder(tp, 1.0) < 0.3)
    return (quick | ((tp >= 6.0) & (tp < 8.0))).float()


LH_PERIODS = torch.tensor([1.0, 5.0, 10.0, 15.0, 10.0, 6.0, 10.0, 4.0, 1.0, 0.5, 8.0, 15.0])


def _lh_traces(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """20 s at 8 Hz of a photometer on a ship looking at a light: the class uniform over 12 characteristics, the
    period within +-4% of nominal, a random phase, the lamp's rise / fall (a first-order lag of 0.1-0.4 s, old
    incandescent to LED); the illuminance by Allard's law E = I T^(d / 1 nm) / d^2 (intensity 1e4-1e6 cd, range 2-20
    nautical miles, meteorological visibility 5-40 nm with T = 0.05^(1 / V)); a twilight background drifting
    linearly, multiplicative scintillation (an AR(1) log-normal, 10-30%), swell occlusions (the light hidden behind a
    wave crest for 0.3-1 s, 0-3 times) and detector noise; normalised by the trace's 98th percentile as the
    logger does. Returns (traces (n, 1, 160), classes)."""
    y = torch.randint(0, LH_CLASSES, (n,), generator=gen)
    period = LH_PERIODS[y] * (1 + 0.04 * (2 * torch.rand(n, generator=gen) - 1))
    t = torch.arange(LH_LEN).float().view(1, -1) / LH_HZ + period.view(-1, 1) * torch.rand(n, 1, generator=gen)
    on = torch.zeros(n, LH_LEN)
    for c in range(LH_CLASSES):
        m = y == c
        if m.any():
            on[m] = _lh_pattern(c, t[m], period[m].view(-1, 1))
    tau = 0.1 + 0.3 * torch.rand(n, 1, generator=gen)
    a = torch.exp(-1 / (LH_HZ * tau))
    lamp = torch.zeros(n, LH_LEN)
    state = on[:, :1].clone()
    for i in range(LH_LEN):
        state = a * state + (1 - a) * on[:, i : i + 1]
        lamp[:, i : i + 1] = state
    inten = torch.exp(math.log(1e4) + math.log(100) * torch.rand(n, 1, generator=gen))
    dist = 2 + 18 * torch.rand(n, 1, generator=gen)
    vis = 5 + 35 * torch.rand(n, 1, generator=gen)
    trans = 0.05 ** (1 / vis)
    e = inten * trans**dist / (dist * 1852) ** 2 * 1e6  # micro-lux
    bg = e * (0.05 + 0.6 * torch.rand(n, 1, generator=gen)) * (1 + 0.5 * (2 * torch.rand(n, 1, generator=gen) - 1)
                                                             * torch.linspace(-1, 1, LH_LEN).view(1, -1))
    rho = 0.8
    z = torch.randn(n, LH_LEN, generator=gen)
    ar = torch.zeros(n, LH_LEN)
    prev = z[:, 0]
    for i in range(LH_LEN):
        prev = rho * prev + math.sqrt(1 - rho**2) * z[:, i]
        ar[:, i] = prev
    scint = torch.exp((0.1 + 0.2 * torch.rand(n, 1, generator=gen)) * ar)
    occ = torch.ones(n, LH_LEN)
    idx = torch.arange(LH_LEN).float().view(1, -1)
    for _ in range(3):
        hit = torch.rand(n, 1, generator=gen) < 0.5
        start = LH_LEN * torch.rand(n, 1, generator=gen)
        length = LH_HZ * (0.3 + 0.7 * torch.rand(n, 1, generator=gen))
        occ = occ * (1 - 0.9 * (hit & (idx >= start) & (idx < start + length)).float())
    sig = e * lamp * scint * occ + bg + e * (0.08 + 0.1 * torch.rand(n, 1, generator=gen)) * torch.randn(
        n, LH_LEN, generator=gen)
    ref = torch.quantile(sig, 0.98, dim=1, keepdim=True).clamp_min(1e-9)
    return (sig / ref).unsqueeze(1), y


class LightCNN(nn.Module):
    """A small 1-D CNN for the trace: two convolutions (kernels 7 and 5; 16 and 32 channels) each with ReLU and
    max pooling by 4, a dense layer of 64 and the 12 characteristics."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(1, width, 7, padding=3), nn.BatchNorm1d(width), nn.ReLU(),
                                      nn.MaxPool1d(4), nn.Conv1d(width, 2 * width, 5, padding=2),
                                      nn.BatchNorm1d(2 * width), nn.ReLU(), nn.MaxPool1d(4))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * width * (LH_LEN // 16), 64), nn.ReLU(),
                                  nn.Linear(64, LH_CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x))


def characteristic_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the light's characteristic."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def light_characteristic(batch_size: int = 32, seed: int = 0, train_size: int = 3072,
                         width: int = 16) -> dict[str, Any]:
    """The CNN on 3072 logged traces; held out: 1024 other traces in batches of 512; AdamW (weight decay 1e-2)."""
    gen = torch.Generator().manual_seed(63302)
    x, y = _lh_traces(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LightCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": characteristic_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. diamond price from the grading report: a hedonic MLP with entity embeddings (RAdam)

DM_CUTS, DM_COLOURS, DM_CLARITIES, DM_FLUOR = 5, 7, 8, 4


def _dm_stones(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Graded round brilliants: carat log-normal around 0.7 ct (0.23-4) with stones bunched just above the magic
    weights; cut Fair..Ideal (skewed to the better grades), colour D..J, clarity I1, SI2, SI1, VS2, VS1, VVS2, VVS1,
    IF, fluorescence none..strong; depth 58-66% and table 52-64% around the cut's ideal. The price: log price = 8.2
    + (1.6 + 0.15 log carat) log carat, +0.09 per colour grade above J and +0.08 per clarity grade above I1 (both x
    (1 + 0.3 log carat): they matter more on big stones), +0.05 per cut grade, jumps of 6-15% at 0.5, 0.7, 1, 1.5
    and 2 ct, a penalty for depth and table away from 61.5% / 57%, a strong-fluorescence discount in D-G and a
    small premium in H-J; dealer scatter 6% (log-normal). Returns (categorical ids (n, 4), numeric (n, 3), log
    price standardised by fixed constants)."""
    base = torch.exp(math.log(0.7) + 0.6 * torch.randn(n, generator=gen)).clamp(0.23, 4.0)
    magic = torch.tensor([0.5, 0.7, 1.0, 1.5, 2.0])
    near = (base.view(-1, 1) / magic.view(1, -1))
    bump = ((near > 0.9) & (near < 1.0)).any(1) & (torch.rand(n, generator=gen) < 0.6)
    carat = torch.where(bump, (base * 1.1).clamp(max=4.0), base)
    carat = carat * (1 + 0.01 * torch.rand(n, generator=gen))
    cut = torch.multinomial(torch.tensor([0.04, 0.1, 0.22, 0.26, 0.38]), n, replacement=True, generator=gen)
    colour = torch.randint(0, DM_COLOURS, (n,), generator=gen)  # 0 = D (best)
    clarity = torch.multinomial(torch.tensor([0.03, 0.17, 0.24, 0.22, 0.15, 0.09, 0.07, 0.03]), n, replacement=True,
                                generator=gen)
    fluor = torch.multinomial(torch.tensor([0.6, 0.2, 0.13, 0.07]), n, replacement=True, generator=gen)
    spread = 1.8 - 0.3 * cut.float()
    depth = 61.5 + spread * torch.randn(n, generator=gen)
    table = 57 + 1.2 * spread * torch.randn(n, generator=gen)
    lc = torch.log(carat)
    size = 1 + 0.3 * lc
    lp = 8.2 + (1.6 + 0.15 * lc) * lc
    lp = lp + 0.09 * (DM_COLOURS - 1 - colour).float() * size + 0.08 * clarity.float() * size + 0.05 * cut.float()
    steps = torch.tensor([0.06, 0.07, 0.15, 0.08, 0.12])
    lp = lp + ((carat.view(-1, 1) >= magic.view(1, -1)).float() * steps.view(1, -1)).sum(1)
    lp = lp - 0.004 * (depth - 61.5) ** 2 - 0.003 * (table - 57) ** 2
    strong = (fluor.float() / 3) ** 1.5
    lp = lp - 0.12 * strong * (colour <= 3).float() + 0.03 * strong * (colour >= 5).float()
    lp = lp + 0.06 * torch.randn(n, generator=gen)
    cats = torch.stack([cut, colour, clarity, fluor], 1)
    num = torch.stack([(lc + 0.35) / 0.6, (depth - 61.5) / 1.3, (table - 57) / 1.6], 1)
    return cats, num, (lp - 8.4) / 1.2


class DiamondPriceNet(nn.Module):
    """Entity embeddings (dimension 3 each) of cut, colour, clarity and fluorescence (one table, each grade scale at
    its own offset) joined with the three numeric features, through two ReLU layers to the log price."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        sizes = torch.tensor([DM_CUTS, DM_COLOURS, DM_CLARITIES, DM_FLUOR])
        self.register_buffer("offsets", torch.cumsum(sizes, 0) - sizes)
        self.emb = nn.Embedding(int(sizes.sum()), 3)
        self.net = nn.Sequential(nn.Linear(15, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, cats: torch.Tensor, num: torch.Tensor) -> torch.Tensor:
        e = self.emb(cats + self.offsets).flatten(1)
        return self.net(torch.cat([e, num], 1)).squeeze(1)


def log_price_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the (scaled) log price."""
    cats, num, y = batch
    return F.mse_loss(model(cats, num), y)


def diamond_price(batch_size: int = 32, seed: int = 0, train_size: int = 2048, hidden: int = 64) -> dict[str, Any]:
    """The hedonic net on 2048 graded stones; held out: 4096 other stones in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(63402)
    c, x, y = _dm_stones(train_size + 4096, gen)
    tr = (c[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DiamondPriceNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((c[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": log_price_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. fencing footwork from 2-D pose with a small TCN (SGD with Nesterov momentum)

FN_JOINTS, FN_FRAMES, FN_CLASSES = 13, 32, 6
# head, neck, shoulder, elbow, wrist (weapon arm), shoulder, elbow, wrist (rear arm), hip centre, front knee,
# front ankle, rear knee, rear ankle
FN_EDGES = [(0, 1), (1, 2), (2, 3), (3, 4), (1, 5), (5, 6), (6, 7), (1, 8), (8, 9), (9, 10), (8, 11), (11, 12)]


def _smooth(u: torch.Tensor) -> torch.Tensor:
    """A smooth step 0 -> 1 on [0, 1] (clamped outside)."""
    u = u.clamp(0, 1)
    return u * u * (3 - 2 * u)


def _fn_sequences(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """32 frames (about 2 s at 15 fps) of a side-view fencer: the en-garde stance (feet 0.8-1.0 leg lengths apart,
    knees bent, weapon arm half extended) and one footwork action starting at a random frame (2-20: a late start
    is cut off by the clip's end, so some clips are ambiguous), lasting 8-16 frames:
    advance (front foot then rear foot forward one foot length), retreat (rear foot then front foot back), lunge (the
    weapon arm extends, the front foot kicks forward 1-1.4 leg lengths, the rear leg straightens, then a recovery or
    not), advance-lunge (an advance, then a lunge), fleche (the arm extends, the body leans forward and the rear foot
    passes the front foot), balestra-lunge (a short jump forward with both feet, then a lunge). Body size, camera
    distance (scale), handedness (the x axis mirrored) and a small camera pan vary; keypoint jitter 1.5% of the
    height, 3% of keypoints dropped to the hip centre's position (detector misses). Returns (sequences (n, 2, 32,
    13), centred on the first frame's hip, classes)."""
    y = torch.randint(0, FN_CLASSES, (n,), generator=gen)
    t = torch.arange(FN_FRAMES).float().view(1, -1)
    start = 2 + 18 * torch.rand(n, 1, generator=gen)  # late starts are cut off by the clip's end
    dur = 8 + 8 * torch.rand(n, 1, generator=gen)
    u = (t - start) / dur  # 0..1 over the action
    leg = 0.9 + 0.1 * torch.rand(n, 1, generator=gen)
    stance = (0.8 + 0.2 * torch.rand(n, 1, generator=gen)) * leg
    step = 0.3 * leg * (0.8 + 0.4 * torch.rand(n, 1, generator=gen))
    lunge = (1.0 + 0.4 * torch.rand(n, 1, generator=gen)) * leg
    recover = torch.rand(n, 1, generator=gen) < 0.5
    yy = y.view(-1, 1)
    front = torch.zeros(n, FN_FRAMES)
    rear = -stance.expand(-1, FN_FRAMES).clone()
    arm = torch.zeros(n, FN_FRAMES)  # 0 bent, 1 extended
    lean = torch.zeros(n, FN_FRAMES)
    lift = torch.zeros(n, FN_FRAMES)  # vertical hop of the hips
    # advance / retreat
    adv = _smooth(2 * u) * step
    adv_r = _smooth(2 * u - 0.6) * step
    m = yy == 0
    front = torch.where(m, adv, front)
    rear = torch.where(m, -stance + adv_r, rear)
    m = yy == 1
    front = torch.where(m, -_smooth(2 * u - 0.6) * step, front)
    rear = torch.where(m, -stance - _smooth(2 * u) * step, rear)

    def lunge_part(v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        out = _smooth(2.5 * v) - torch.where(recover, _smooth(2.5 * (v - 0.6)), torch.zeros_like(v))
        return out * lunge, _smooth(3 * v + 0.3) - torch.where(recover, _smooth(2.5 * (v - 0.6)), torch.zeros_like(v))

    m = yy == 2
    lf, la = lunge_part(u)
    front, arm = torch.where(m, lf, front), torch.where(m, la, arm)
    m = yy == 3
    lf, la = lunge_part(2 * u - 0.8)
    front = torch.where(m, _smooth(4 * u) * step + lf, front)
    rear = torch.where(m, -stance + _smooth(4 * u - 0.5) * step, rear)
    arm = torch.where(m, la, arm)
    m = yy == 4
    fl = _smooth(1.5 * u)
    arm = torch.where(m, _smooth(3 * u + 0.2), arm)
    lean = torch.where(m, 0.5 * fl, lean)
    rear = torch.where(m, -stance + fl * (stance + 0.9 * leg), rear)
    front = torch.where(m, _smooth(1.5 * u - 0.5) * 0.7 * leg, front)
    m = yy == 5
    hop = _smooth(4 * u) * 0.6 * step
    lf, la = lunge_part(2 * u - 0.7)
    front = torch.where(m, hop + lf, front)
    rear = torch.where(m, -stance + hop, rear)
    lift = torch.where(m, 0.12 * leg * torch.sin(math.pi * (4 * u).clamp(0, 1)), lift)
    arm = torch.where(m, la, arm)
    # joints from the feet, the arm and the lean: x forward, y up (leg length ~1)
    hip_x = 0.45 * front + 0.55 * rear + 0.1 * leg
    span = (front - rear).abs()
    hip_y = (1.6 * leg - 0.35 * span).clamp_min(0.9 * leg) * 0.62 + lift
    neck_x = hip_x + 0.15 + 0.6 * lean
    neck_y = hip_y + 0.62 * leg - 0.25 * lean
    head_x, head_y = neck_x + 0.03, neck_y + 0.2
    ext = 0.3 + 0.7 * arm
    sh_x, sh_y = neck_x + 0.05, neck_y - 0.05
    el_x, el_y = sh_x + 0.3 * ext + 0.05, sh_y - 0.1 * (1 - arm)
    wr_x, wr_y = el_x + 0.3 * ext, el_y + 0.05 * (1 - arm)
    rs_x, rs_y = neck_x - 0.08, neck_y - 0.05
    re_x, re_y = rs_x - 0.2, rs_y + 0.12 * (1 - arm) - 0.2 * arm
    rw_x, rw_y = re_x + 0.05, re_y + 0.2 * (1 - arm) - 0.1 * arm
    fk_x, fk_y = 0.5 * (hip_x + front) + 0.15, 0.5 * hip_y + 0.05
    rk_x, rk_y = 0.5 * (hip_x + rear) - 0.05 * (1 - arm), 0.5 * hip_y
    xs = torch.stack([head_x, neck_x, sh_x, el_x, wr_x, rs_x, re_x, rw_x, hip_x, fk_x, front, rk_x, rear], 2)
    ys = torch.stack([head_y, neck_y, sh_y, el_y, wr_y, rs_y, re_y, rw_y, hip_y, fk_y, torch.zeros_like(front),
                      rk_y, torch.zeros_like(rear)], 2)
    scale = 0.8 + 0.4 * torch.rand(n, 1, 1, generator=gen)
    flip = torch.where(torch.rand(n, 1, 1, generator=gen) < 0.3, -1.0, 1.0)
    pan = 0.2 * torch.randn(n, 1, 1, generator=gen) * t.view(1, -1, 1) / FN_FRAMES
    xs = flip * (xs - pan) * scale + 0.03 * torch.randn(xs.shape, generator=gen)
    ys = ys * scale + 0.03 * torch.randn(ys.shape, generator=gen)
    seq = torch.stack([xs - xs[:, :1, 8:9], ys - 0.6], 1)  # centred on the first frame's hip
    miss = torch.rand(n, 1, FN_FRAMES, FN_JOINTS, generator=gen) < 0.03
    seq = torch.where(miss, seq[:, :, :, 8:9].expand_as(seq), seq)
    return seq, y


class TemporalBlock(nn.Module):
    """A residual block of a temporal convolutional network: a dilated 1-D convolution over the frames (kernel 3)
    with ReLU, added to its input."""

    def __init__(self, width: int, dilation: int) -> None:
        super().__init__()
        self.conv = nn.Conv1d(width, width, 3, padding=dilation, dilation=dilation)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + F.relu(self.conv(x))


class FootworkTCN(nn.Module):
    """A FenceNet-style temporal convolutional network over the pose: the 13 joints' (x, y) as 26 channels per
    frame, a 1 x 1 convolution to 16 channels, three residual dilated blocks (dilations 1, 2, 4), global average
    pooling over the frames and a linear layer to the six actions."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.data_bn = nn.BatchNorm1d(2 * FN_JOINTS)
        self.inp = nn.Conv1d(2 * FN_JOINTS, width, 1)
        self.blocks = nn.Sequential(*[TemporalBlock(width, d) for d in (1, 2, 4)])
        self.head = nn.Linear(width, FN_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, c, t, v = x.shape
        h = self.inp(self.data_bn(x.permute(0, 1, 3, 2).reshape(n, c * v, t)))
        return self.head(self.blocks(F.relu(h)).mean(2))


def footwork_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the footwork action."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def fencing_footwork(batch_size: int = 32, seed: int = 0, train_size: int = 8192, width: int = 16) -> dict[str, Any]:
    """The TCN on 8192 pose sequences; held out: 1024 other sequences in batches of 512; SGD with Nesterov momentum
    0.9 and weight decay 1e-4."""
    gen = torch.Generator().manual_seed(63502)
    x, y = _fn_sequences(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FootworkTCN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=1e-4), "sgd_nesterov0.9_wd1e-4"),
            "loss_fn": footwork_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. cold-process soap: saponification curves (Adamax; long only)

SP_OILS = 6
SP_TIMES = torch.tensor([0.5, 1, 2, 4, 8, 12, 24, 36, 48, 72.0])


def _sp_batches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Soap batches: an oil blend (a flat Dirichlet over olive, coconut, palm, castor, shea, sunflower), superfat 1-10%
    (the lye short of full saponification), lye solution 25-40% NaOH, soaping temperature 25-55 C, stick blending
    0.5-5 min, gel phase (insulated) or not. The unsaponified fraction of the oils at 10 times (0.5-72 h): no
    reaction until the emulsion forms (a trace delay shortened by blending, warmth, castor and coconut), then
    second-order kinetics between ester (1) and hydroxide (1 - superfat), x = b (E - 1) / (E - b) with
    E = exp((1 - b) k t'), t' the time integrated with an Arrhenius factor (55 kJ/mol) over the batch's
    temperature (a gel phase adds an exotherm of 25-40 C over hours 1-12, a cold mould cools towards 20 C), the
    rate constant a blend average of the oils' reactivities (coconut's short chains and castor fastest, shea's
    unsaponifiables slowest) times the lye strength. Titration noise 2% (relative) plus 0.05% absolute, read as at least 0.2%. Returns
    (scaled inputs (n, 11), log unsaponified fraction (n, 10))."""
    w = -torch.log(torch.rand(n, SP_OILS, generator=gen))  # Dirichlet(1, ..., 1): normalised exponentials
    blend = w / w.sum(1, keepdim=True)
    sf = 0.01 + 0.09 * torch.rand(n, generator=gen)
    lye = 0.25 + 0.15 * torch.rand(n, generator=gen)
    temp = 25 + 30 * torch.rand(n, generator=gen)
    blendmin = 0.5 + 4.5 * torch.rand(n, generator=gen)
    gel = (torch.rand(n, generator=gen) < 0.5).float()
    react = torch.tensor([0.7, 2.2, 1.0, 1.8, 0.45, 0.8])
    k = (blend * react).sum(1) * 0.9 * (lye / 0.33) ** 1.5
    trace = 1.2 / (1 + 0.5 * blendmin) * torch.exp(-(temp - 35) / 25) / (1 + 2 * blend[:, 3] + 0.8 * blend[:, 1])
    grid = torch.linspace(0, 72, 577).view(1, -1)  # 7.5-minute steps
    exo = (25 + 15 * torch.rand(n, 1, generator=gen)) * gel.view(-1, 1)
    temp_t = (20 + (temp.view(-1, 1) - 20) * torch.exp(-grid / 3) + exo * (1 - torch.exp(-grid / 1.0))
              * torch.exp(-F.relu(grid - 2) / 10))
    arr = torch.exp(-55e3 / 8.314 * (1 / (temp_t + 273.15) - 1 / 313.15))
    active = (grid >= trace.view(-1, 1)).float()
    tprime = torch.cumsum(arr * active, 1) * (72 / 576)
    idx = (SP_TIMES / 72 * 576).round().long()
    tp = tprime[:, idx]
    b = (1 - sf).view(-1, 1)
    e = torch.exp((1 - b) * k.view(-1, 1) * tp)
    x = b * (e - 1) / (e - b)
    unsap = (1 - x) * (1 + 0.02 * torch.randn(x.shape, generator=gen)) + 0.0005 * torch.randn(x.shape, generator=gen)
    unsap = unsap.clamp_min(0.002)
    inp = torch.cat([(blend - 1 / SP_OILS) / 0.15, torch.stack([(sf - 0.055) / 0.026, (lye - 0.325) / 0.043,
                     (temp - 40) / 8.7, (blendmin - 2.75) / 1.3, 2 * gel - 1], 1)], 1)
    return inp, torch.log(unsap)


class SaponificationNet(nn.Module):
    """A tanh MLP from the 6 oil fractions and 5 process settings through two hidden layers to the log unsaponified
    fraction at the 10 sampling times."""

    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(SP_OILS + 5, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, len(SP_TIMES)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def log_unsap_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log unsaponified fraction."""
    x, y = batch
    return F.mse_loss(model(x), y)


def soap_saponification(batch_size: int = 8, seed: int = 0, train_size: int = 4096,
                        hidden: int = 48) -> dict[str, Any]:
    """The saponification net on 4096 titrated soap batches, 8 to a minibatch (a small lab data set); held out: 2048
    other soap batches in minibatches of 1024; Adamax."""
    gen = torch.Generator().manual_seed(63602)
    x, y = _sp_batches(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SaponificationNet(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adamax(params, lr=lr), "adamax"),
            "loss_fn": log_unsap_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("organ_voicing_adam", organ_voicing, 300, "organ_flue_pipe_voicing_spectrum_mlp", "adam", "finite", 32,
      seconds=0.4, start_lr=0.032),
    W("light_characteristic_adamw", light_characteristic, 300, "lighthouse_light_characteristic_cnn",
      "adamw_wd1e-2", "finite", 32, seconds=1.6, start_lr=0.016),
    W("diamond_price_radam", diamond_price, 300, "diamond_4c_hedonic_price_embedding_mlp", "radam", "finite", 32,
      seconds=0.7, start_lr=0.512),
    W("fencing_footwork_nesterov", fencing_footwork, 300, "fencing_footwork_pose_tcn", "sgd_nesterov0.9_wd1e-4",
      "finite", 32, seconds=1.7, start_lr=0.1),
)
LONG = (
    W("dye_recipe_momentum@long", dye_recipe, 3000, "textile_dye_recipe_prediction_kubelka_munk", "sgd_momentum0.9",
      "finite", 16, dict(train_size=4096), seconds=2.6, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("soap_saponification_adamax@long", soap_saponification, 3000, "cold_process_soap_saponification_mlp",
      "adamax", "finite", 8, seconds=3.0, start_lr=0.016, grid_fractions=(0.0, 0.05)),
    W("organ_voicing_adam@long", organ_voicing, 3000, "organ_flue_pipe_voicing_spectrum_mlp", "adam", "finite", 32,
      dict(train_size=8192), seconds=4.8, start_lr=0.016, grid_fractions=(0.0, 0.05), long_of="organ_voicing_adam"),
    W("diamond_price_radam@long", diamond_price, 3000, "diamond_4c_hedonic_price_embedding_mlp", "radam", "finite",
      32, dict(train_size=16384), seconds=7.5, start_lr=0.064, grid_fractions=(0.0, 0.05),
      long_of="diamond_price_radam"),
)

REGISTRY = Registry(EXAM, LONG, "exam63_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the sixty-third exam's workloads")
