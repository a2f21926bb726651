"""The fifty-third exam: six more workload families that neither the suite nor exams 1-52 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam52_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool). Its families come from bakery science (dough
rheology), hydroponics and vertical farming, tidal energy, elevator dispatch (vertical transport), firefighting and
fire suppression, and leather tanning (exam 54 was built at the same time from other domains; its module was not
opened). What was checked to make them new is in ``benchmarks/results/exam53/README.md``.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- dough rheology from flour chemistry with an ANN (as Razmi-Rad et al. 2007 predicted farinograph and extensograph
  properties of bread doughs from the chemical composition of wheat flour): a tanh MLP from protein, wet gluten,
  gluten index, ash, moisture, falling number and damaged starch to seven standardised dough properties (water
  absorption, development time, stability, degree of softening, extensograph resistance, extensibility, energy);
  MSE; SGD with momentum 0.9 (back-propagation with momentum, as the food-engineering ANNs of that time; from
  memory)
- hydroponic nutrient sensing with an ion-selective-electrode array and an ANN (an ANN calibration of an ISE array
  for closed hydroponics, as in Kim et al. 2013's ISE-array macronutrient sensing and later ANN work; from memory):
  six electrode potentials (Nikolsky-Eisenman responses with cross-ion interference, drift and temperature) to the
  log concentrations of NO3, K, Ca and Mg; MSE; RMSprop (from memory)
- elevator group dispatch with a neural dispatcher (vertical transport; in the line of Crites & Barto 1996's neural
  elevator group control, here learnt from a rule-based estimated-time-of-arrival dispatcher): one shared MLP scores
  each of 4 cars for a new hall call from the car's position, direction, load and assigned stops and the call's
  floor and direction; a softmax over the cars; the KL divergence from the dispatcher's soft choice; SGD with
  Nesterov momentum 0.9
- leather surface-defect classification with a small CNN (leather tanning and finishing: the grain inspection of
  finished hides, as in Liong et al. 2019 and the leather-inspection CNNs reviewed by Aslam et al. 2019; from
  memory): 20 x 20 grey patches of grain texture, clean or with a scar, a hole, insect bites, a wrinkle or a stain;
  three convolutions with batch norm, global average pooling; cross-entropy; AdamW (weight decay 1e-2, torch's
  default)
- a tidal-stream turbine's power curve from ADCP velocity profiles with an ANN (tidal energy; power-performance
  assessment from the current profile over the rotor, as the data-driven tidal power curves that replace the
  IEC TS 62600-200 binned method; from memory; a long plan only): a ReLU MLP from the along-stream speeds at 10 ADCP
  bins, the flow direction and the turbulence intensity to the power; MSE; Adam (from memory)
- flashover prediction from heat-detector temperatures with a GRU (firefighting; in the style of NIST's P-Flash
  flashover-prediction models, from memory, here as a time-to-flashover regression; a long plan only): eight ceiling
  heat detectors over 12 steps of 10 s, each failing (reading zero) above its failure temperature, to the time left
  to flashover (log(1 + s / 10), capped at 300 s); MSE; NAdam (Keras's Nadam, from memory)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the tidal power ANN and
the flashover GRU (no short plans), the dough ANN on 2048 flours instead of 256 (a reference laboratory's, with 1%
measurement noise instead of 3%) and the elevator dispatcher on 8192 calls instead of 1024.

Of the eight plans, two use SGD with momentum (both dough plans), two SGD with Nesterov momentum (both elevator
plans), one RMSprop (the ISE array), one AdamW (the leather CNN), one Adam (the tidal power ANN) and one NAdam
(the GRU).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation, its dropout and the batch order. No
loss draws random numbers. The entrypoint is ``benchmarks/exam53_workloads.py:build`` (``no_eval=True`` drops
``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam53/README.md).

    python benchmarks/exam53_workloads.py          # the table
    python benchmarks/exam53_workloads.py --time   # also times one full run of each (one thread)
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

TITLE = "Exam 53"


# --------------------------------------------------------------------------------------------------------------
# 1. dough rheology from flour chemistry with an ANN (SGD with momentum)


def _dough_flours(n: int, gen: torch.Generator, noise: float = 0.03) -> tuple[torch.Tensor, torch.Tensor]:
    """Wheat flours: protein 8-15%, wet gluten (about 2.6 x protein), gluten index 40-98, ash 0.4-0.9%, moisture
    11-15%, falling number 150-450 s, damaged starch 4-10%. Dough properties from saturating and interacting
    relations (water absorption rising with protein and damaged starch, development time and stability with
    gluten strength, softening falling with it and with low enzyme activity, extensograph resistance with gluten
    index, extensibility with gluten quantity, energy with both), with relative lab noise (sd ``noise``). Returns
    (flour analyses, dough properties), unscaled."""
    protein = 8 + 7 * torch.rand(n, generator=gen)
    gluten = 2.6 * protein + 1.5 * torch.randn(n, generator=gen)
    gi = 40 + 58 * torch.rand(n, generator=gen)
    ash = 0.4 + 0.5 * torch.rand(n, generator=gen)
    moist = 11 + 4 * torch.rand(n, generator=gen)
    fn = 150 + 300 * torch.rand(n, generator=gen)
    ds = 4 + 6 * torch.rand(n, generator=gen)
    strength = torch.sigmoid((gi - 70) / 10) * (protein - 7) / 8
    enzyme = torch.exp(-(fn - 150) / 80)
    wa = 50 + 1.4 * protein + 1.1 * ds - 0.8 * (moist - 13) + 3 * ash
    ddt = 1 + 8 * strength**1.5 + 0.3 * ds * (1 - strength)
    stab = 1 + 14 * strength**2 * (1 - 0.6 * enzyme)
    soft = 150 - 110 * strength + 60 * enzyme
    res = 150 + 450 * torch.sigmoid((gi - 65) / 8) * (1 - 0.4 * enzyme) + 5 * (protein - 11) ** 2
    ext = 100 + 7 * gluten * (1 - 0.5 * torch.sigmoid((gi - 80) / 6))
    energy = res * ext / 500 * (0.7 + 0.3 * torch.tanh(protein - 11))
    y = torch.stack([wa, ddt, stab, soft, res, ext, energy], 1)
    y = y * (1 + noise * torch.randn(y.shape, generator=gen))
    x = torch.stack([protein, gluten, gi, ash, moist, fn, ds], 1)
    return x, y


class DoughANN(nn.Module):
    """A feed-forward ANN from the seven flour analyses to the seven dough properties (two tanh hidden layers)."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 7))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def dough_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error over the seven standardised dough properties."""
    x, y = batch
    return F.mse_loss(model(x), y)


def dough_ann(batch_size: int = 16, seed: int = 0, train_size: int = 256, hidden: int = 16,
              noise: float = 0.03) -> dict[str, Any]:
    """The dough ANN on 256 flours (a mill laboratory's few hundred samples, single measurements with 3% noise),
    inputs and outputs standardised over them; held out: 1024 other flours in batches of 512; SGD with momentum
    0.9."""
    gen = torch.Generator().manual_seed(53102)
    x, y = _dough_flours(train_size + 1024, gen, noise)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    y = (y - y[:train_size].mean(0)) / y[:train_size].std(0)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": DoughANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9"),
            "loss_fn": dough_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. hydroponic nutrient sensing with an ISE array and an ANN (RMSprop)

ISE_IONS = 4  # NO3, K, Ca, Mg


def _ise_samples(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Nutrient-solution samples of a closed hydroponic system: log10 molar NO3, K, Ca, Mg around a Hoagland-like
    recipe (correlated through the stock dilution), Na and Cl building up, temperature 15-30 C. Six electrodes (NO3,
    K, Ca, Mg, Na and a Cl reference-like one) respond by the Nikolsky-Eisenman equation with fixed selectivity
    coefficients (Cl on NO3, Na on K, Mg on Ca, Ca on Mg, K on Na, and small random ones among the other ions of
    the same sign), a Nernstian slope at the temperature (reduced by electrode ageing), offsets drifting between
    samples (sd 3 mV) and 0.5 mV noise. Returns (potentials in mV and the temperature, log10 molar NO3, K, Ca,
    Mg)."""
    dil = 0.5 * torch.randn(n, 1, generator=gen)
    base = torch.tensor([-1.8, -2.2, -2.4, -3.0])
    logc = base + 0.6 * dil + 0.25 * torch.randn(n, 4, generator=gen)
    na = -3.2 + 1.0 * torch.rand(n, generator=gen)
    cl = -3.0 + 1.0 * torch.rand(n, generator=gen)
    temp = 15 + 15 * torch.rand(n, generator=gen)
    a = 10 ** torch.cat([logc, na.unsqueeze(1), cl.unsqueeze(1)], 1)  # NO3 K Ca Mg Na Cl
    z = torch.tensor([-1.0, 1.0, 2.0, 2.0, 1.0, -1.0])
    tg = torch.Generator().manual_seed(53201)
    sel = 10 ** (-3 + 2.5 * torch.rand(6, 6, generator=tg))
    sel.fill_diagonal_(1.0)
    sel[0, 5], sel[1, 4], sel[2, 3], sel[3, 2], sel[4, 1] = 0.3, 0.15, 0.05, 0.4, 0.1
    same = torch.sign(z).view(6, 1) == torch.sign(z).view(1, 6)
    sel = sel * same  # an electrode feels only ions of its own sign
    power = z.view(6, 1) / z.view(1, 6)
    eff = (sel.unsqueeze(0) * a.unsqueeze(1).abs() ** power.unsqueeze(0)).sum(2)  # n, electrodes
    slope = 59.16 * (temp.unsqueeze(1) + 273.15) / 298.15 / z.abs()
    slope = slope * torch.sign(z) * torch.tensor([0.92, 0.97, 0.9, 0.85, 0.98, 0.95])
    e0 = torch.tensor([200.0, 150.0, 100.0, 80.0, 120.0, 180.0]) + 3 * torch.randn(n, 6, generator=gen)
    e = e0 + slope * torch.log10(eff) + 0.5 * torch.randn(n, 6, generator=gen)
    x = torch.cat([e, temp.unsqueeze(1)], 1)
    return x, logc


class ISEArrayANN(nn.Module):
    """A feed-forward ANN from the six potentials and the temperature to the four log concentrations."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(7, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, ISE_IONS))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def ion_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log10 concentrations (in units of 0.1 decade)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def ise_ann(batch_size: int = 32, seed: int = 0, train_size: int = 512, hidden: int = 32) -> dict[str, Any]:
    """The ISE-array ANN on 512 calibration samples, potentials standardised over them, targets centred and in
    tenths of a decade; held out: 1024 other samples in batches of 512; RMSprop (torch's alpha 0.99)."""
    gen = torch.Generator().manual_seed(53202)
    x, y = _ise_samples(train_size + 1024, gen)
    x = (x - x[:train_size].mean(0)) / x[:train_size].std(0)
    y = (y - y[:train_size].mean(0)) * 10
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": ISEArrayANN(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop"),
            "loss_fn": ion_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. elevator group dispatch with a neural dispatcher (SGD with Nesterov momentum)

EL_FLOORS, EL_CARS, EL_FEAT = 16, 4, 9


def _el_calls(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Hall calls in a 16-floor office building with 4 cars: a call floor (up-peak-like mix: a third from the lobby)
    and direction; each car's position, direction (up, down, idle), load (0-1) and its assigned stops (a random
    set). The rule-based dispatcher's cost of each car: its travel time to the call (along its current sweep,
    reversing if the call is behind it), 10 s per assigned stop on the way, a penalty for a full car and for a car
    going the other way; its soft choice is the softmax of minus the cost over 4 s. Returns (per-car features (n,
    4, 9), the dispatcher's choice probabilities (n, 4))."""
    f = torch.where(torch.rand(n, generator=gen) < 0.33, torch.zeros(n),
                    torch.randint(1, EL_FLOORS, (n,), generator=gen).float())
    up = torch.where(f == 0, torch.ones(n), (torch.rand(n, generator=gen) < 0.5).float())
    up = torch.where(f == EL_FLOORS - 1, torch.zeros(n), up)
    pos = EL_FLOORS * torch.rand(n, EL_CARS, generator=gen) * 0.999
    dirn = torch.randint(0, 3, (n, EL_CARS), generator=gen)  # 0 idle, 1 up, 2 down
    load = torch.rand(n, EL_CARS, generator=gen) ** 2
    stops = torch.rand(n, EL_CARS, EL_FLOORS, generator=gen) < 0.12
    fl = torch.arange(EL_FLOORS).float().view(1, 1, -1)
    fc, pc = f.view(n, 1), pos
    going_up, going_down = dirn == 1, dirn == 2
    ahead = torch.where(going_up, fc >= pc, torch.where(going_down, fc <= pc, torch.ones_like(pc, dtype=torch.bool)))
    same_dir = torch.where(going_up, up.view(n, 1) == 1, torch.where(going_down, up.view(n, 1) == 0,
                                                                   torch.ones_like(pc, dtype=torch.bool)))
    top = torch.where(stops, fl.expand(n, EL_CARS, -1), torch.full_like(stops, -1, dtype=torch.float)).amax(2)
    bot = torch.where(stops, fl.expand(n, EL_CARS, -1), torch.full_like(stops, EL_FLOORS, dtype=torch.float)).amin(2)
    top, bot = torch.maximum(top, pc), torch.minimum(bot, pc)
    direct = (fc - pc).abs()
    via_up = (top - pc) + (top - fc).abs()
    via_down = (pc - bot) + (fc - bot).abs()
    dist = torch.where(ahead & same_dir, direct, torch.where(going_up, via_up, torch.where(going_down, via_down,
                                                                                          direct)))
    lo, hi = torch.minimum(pc, fc.expand_as(pc)), torch.maximum(pc, fc.expand_as(pc))
    on_way = (stops & (fl >= lo.unsqueeze(2)) & (fl <= hi.unsqueeze(2))).sum(2).float()
    n_stops = stops.sum(2).float()
    on_way = torch.where(ahead & same_dir, on_way, n_stops)
    cost = 1.5 * dist + 10 * on_way + 40 * F.relu(load - 0.8) / 0.2 + 8 * (~same_dir).float()
    target = torch.softmax(-cost / 4.0, 1)
    feat = torch.stack([pos / EL_FLOORS, going_up.float(), going_down.float(), load, n_stops / 4,
                        on_way / 4, fc.expand_as(pc) / EL_FLOORS, (pos - fc) / EL_FLOORS, up.view(n, 1).expand_as(pc)],
                       2)
    return feat, target


class NeuralDispatcher(nn.Module):
    """One MLP shared by the cars (as Crites & Barto's network per car): each car's score for the call from its own
    features and the call's; a softmax over the cars."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(EL_FEAT, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, feat: torch.Tensor) -> torch.Tensor:
        return self.net(feat).squeeze(2)


def dispatch_kl(model: nn.Module, batch: Any) -> torch.Tensor:
    """The KL divergence from the dispatcher's soft choice to the net's softmax over the cars (the distillation
    loss; its floor is 0, not the choice's entropy)."""
    feat, target = batch
    return F.kl_div(F.log_softmax(model(feat), 1), target, reduction="batchmean")


def dispatcher(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The neural dispatcher on 1024 logged hall calls; held out: 2048 other calls in batches of 1024; SGD with
    Nesterov momentum 0.9."""
    gen = torch.Generator().manual_seed(53302)
    feat, target = _el_calls(train_size + 2048, gen)
    tr = (feat[:train_size], target[:train_size])
    torch.manual_seed(seed)
    return {"model": NeuralDispatcher(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((feat[train_size:], target[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True),
                                "sgd_nesterov0.9"),
            "loss_fn": dispatch_kl, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. leather surface-defect classification with a small CNN (AdamW)

LE_SIZE, LE_CLASSES = 20, 6


def _le_patches(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Grey 20 x 20 patches of finished grain leather: a grain texture (smoothed noise with pores, a random
    brightness and contrast), and one of six classes: clean, a scar (a thin bright line at a random angle), a hole
    (a dark disk), insect bites (four small dark spots), a wrinkle (a band of sinusoidal folds) or a stain
    (a broad soft dark blob); defects of random strength, some faint; camera noise. Returns (patches (n, 1, 20,
    20), class labels)."""
    s = LE_SIZE
    noise = torch.randn(n, 1, s + 4, s + 4, generator=gen)
    k = torch.ones(1, 1, 3, 3) / 9
    grain = F.conv2d(noise, k)[:, :, 1:-1, 1:-1] * 1.5
    pores = (torch.rand(n, 1, s, s, generator=gen) < 0.04).float() * -0.8
    img = 0.5 + 0.15 * (grain + pores) * (0.7 + 0.6 * torch.rand(n, 1, 1, 1, generator=gen))
    y = torch.randint(0, LE_CLASSES, (n,), generator=gen)
    g = torch.arange(s).float()
    yy, xx = torch.meshgrid(g, g, indexing="ij")
    cx = 4 + (s - 8) * torch.rand(n, 1, 1, generator=gen)
    cy = 4 + (s - 8) * torch.rand(n, 1, 1, generator=gen)
    ang = math.pi * torch.rand(n, 1, 1, generator=gen)
    strength = 0.2 + 0.4 * torch.rand(n, 1, 1, generator=gen)
    r2 = (xx - cx) ** 2 + (yy - cy) ** 2
    along = (xx - cx) * torch.cos(ang) + (yy - cy) * torch.sin(ang)
    across = -(xx - cx) * torch.sin(ang) + (yy - cy) * torch.cos(ang)
    scar = strength * torch.exp(-(across**2) / 0.8) * (along.abs() < 7).float()
    hole = -2 * strength * torch.sigmoid((2.5 - r2.sqrt()) * 3)
    bites = torch.zeros(n, s, s)
    for _ in range(4):
        bx = cx + 4 * torch.randn(n, 1, 1, generator=gen)
        by = cy + 4 * torch.randn(n, 1, 1, generator=gen)
        bites = bites - strength * torch.exp(-((xx - bx) ** 2 + (yy - by) ** 2) / 1.2)
    wrinkle = 0.7 * strength * torch.sin(across * 2.0) * torch.exp(-(across**2) / 18)
    stain = -strength * torch.exp(-r2 / 30)
    defects = torch.stack([torch.zeros(n, s, s), scar, hole, bites, wrinkle, stain], 1)
    img = img + defects[torch.arange(n), y].unsqueeze(1)
    img = img + 0.04 * torch.randn(img.shape, generator=gen)
    return (img - 0.5) / 0.15, y


class LeatherCNN(nn.Module):
    """A small inspection CNN: three 3x3 convolutions (8, 16, 16 filters, batch norm, ReLU, two max-poolings),
    global average pooling and a linear classifier."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(),
                                      nn.MaxPool2d(2),
                                      nn.Conv2d(width, 2 * width, 3, padding=1), nn.BatchNorm2d(2 * width), nn.ReLU(),
                                      nn.MaxPool2d(2),
                                      nn.Conv2d(2 * width, 2 * width, 3, padding=1), nn.BatchNorm2d(2 * width),
                                      nn.ReLU())
        self.fc = nn.Linear(2 * width, LE_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.features(x).mean((2, 3)))


def defect_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the defect class."""
    x, y = batch
    return F.cross_entropy(model(x), y)


def leather_cnn(batch_size: int = 32, seed: int = 0, train_size: int = 2048, width: int = 8) -> dict[str, Any]:
    """The leather CNN on 2048 patches; held out: 1024 other patches in batches of 512; AdamW (weight decay 1e-2,
    torch's default)."""
    gen = torch.Generator().manual_seed(53402)
    x, y = _le_patches(train_size + 1024, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": LeatherCNN(width), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw_wd1e-2"),
            "loss_fn": defect_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. a tidal-stream turbine's power from ADCP velocity profiles with an ANN (Adam; long only)

TP_BINS = 10


def _tp_records(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Ten-minute records at a 1.5 MW tidal-stream turbine (18 m rotor, hub 14 m above the bed): the along-stream
    speed at 10 ADCP bins over the rotor, the flow direction relative to the rotor axis (flood and ebb, with the
    site's misalignment) and the turbulence intensity. The hub speed follows the tide (Umax 2-3.5 m/s times the
    |sine| of a random phase), a power-law shear (exponent 1/10-1/5) and bin-wise turbulent fluctuations (TI
    5-15%) shape the profile, ADCP noise 0.03 m/s. The power: the rotor-equivalent (cube-mean) speed times the
    cosine of the misalignment, a Cp of 0.42 lowered by turbulence, cut-in 0.9 m/s, a smooth approach to rated,
    and a 1% of rated metering noise. Returns (bin speeds / 3, cos and sin of the direction, TI * 10; the power in
    tenths of rated power)."""
    umax = 2 + 1.5 * torch.rand(n, 1, generator=gen)
    u_hub = umax * torch.sin(math.pi * torch.rand(n, 1, generator=gen)).abs()
    ebb = torch.rand(n, 1, generator=gen) < 0.5
    mis = torch.deg2rad(torch.where(ebb, 12.0, 3.0) + 6 * torch.randn(n, 1, generator=gen))
    shear = 0.1 + 0.1 * torch.rand(n, 1, generator=gen)
    ti = 0.05 + 0.1 * torch.rand(n, 1, generator=gen)
    z = torch.linspace(5, 23, TP_BINS).view(1, -1)
    u = u_hub * (z / 14) ** shear * (1 + ti * torch.randn(n, TP_BINS, generator=gen))
    rev = (u.clamp_min(0) ** 3).mean(1, keepdim=True) ** (1 / 3) * torch.cos(mis)
    cp = 0.42 * (1 - 0.8 * ti)
    p_aero = 0.5 * 1025 * math.pi * 9**2 * cp * rev**3 / 1.5e6
    p = torch.where(rev > 0.9, p_aero, torch.zeros_like(p_aero))
    p = p / (1 + p**6) ** (1 / 6)  # a smooth cap at rated
    p = p + 0.01 * torch.randn(n, 1, generator=gen)
    meas = u + 0.03 * torch.randn(n, TP_BINS, generator=gen)
    x = torch.cat([meas / 3, torch.cos(mis), torch.sin(mis) * torch.where(ebb, -1.0, 1.0), ti * 10], 1)
    return x, 10 * p.squeeze(1)


class TidalPowerANN(nn.Module):
    """A feed-forward ANN power curve: the bin speeds, the flow direction and the turbulence intensity to the power
    (two hidden ReLU layers)."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(TP_BINS + 3, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def power_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the power (in tenths of rated power)."""
    x, y = batch
    return F.mse_loss(model(x), y)


def tidal_power_ann(batch_size: int = 64, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The power-curve ANN on 8192 ten-minute records (about two months); held out: 2048 other records in batches of
    1024; Adam."""
    gen = torch.Generator().manual_seed(53502)
    x, y = _tp_records(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": TidalPowerANN(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adam(params, lr=lr), "adam"),
            "loss_fn": power_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. flashover prediction from heat-detector temperatures with a GRU (NAdam; long only)

FO_STEPS, FO_DET = 12, 8


def _fo_fires(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Compartment fires seen by eight ceiling heat detectors: a t-squared fire (growth coefficient log-uniform, slow to
    ultra-fast) capped by ventilation (an opening factor), an upper-layer temperature from an MQH-like correlation
    (rise proportional to HRR^(2/3) / (ventilation and wall losses)^(1/3)), each detector lagging it with its own
    response time and distance from the fire; detectors fail (read 0) above 150-200 C; 12 readings 10 s apart ending
    at a random time (30-400 s). The target: the time left to flashover (the upper layer at 600 C), as log(1 +
    seconds / 10), capped at 300 s (and 300 s where the fire stays ventilation-limited below it), the fire growing
    on from the window's end with a growth coefficient changed by the unseen fuel (a log-normal factor, sd 0.25).
    Returns (readings / 100 C with the failure flags (n, 12, 16), targets)."""
    alpha = torch.exp(math.log(0.003) + math.log(0.19 / 0.003) * torch.rand(n, 1, generator=gen))
    vent = 0.5 + 2.5 * torch.rand(n, 1, generator=gen)
    losses = 0.6 + 0.8 * torch.rand(n, 1, generator=gen)
    t_end = 30 + 370 * torch.rand(n, 1, generator=gen)
    t = t_end - 10 * torch.arange(FO_STEPS - 1, -1, -1).float().view(1, -1)

    def layer(tt: torch.Tensor) -> torch.Tensor:
        hrr = torch.minimum(alpha * tt.clamp_min(0) ** 2, 3000 * vent)
        return 20 + 6.85 * (hrr**2 / (vent * losses * 4)) ** (1 / 3)

    upper = layer(t)
    hrr_fo = ((580 / 6.85) ** 3 * vent * losses * 4) ** 0.5  # the HRR that takes the upper layer to 600 C
    alpha_on = alpha * torch.exp(0.25 * torch.randn(n, 1, generator=gen))  # the unseen fuel beyond the window
    t_fo = t_end + (hrr_fo.sqrt() - alpha.sqrt() * t_end).clamp_min(0) / alpha_on.sqrt()
    t_fo = torch.where(hrr_fo < 3000 * vent, t_fo, torch.full_like(alpha, 1e4))
    label = torch.log1p((t_fo - t_end).clamp(0, 300) / 10).squeeze(1)
    obs = upper[:, :FO_STEPS]
    resp = 10 + 40 * torch.rand(n, FO_DET, generator=gen)
    dist = 0.5 + 0.6 * torch.rand(n, FO_DET, generator=gen)
    temps = []
    cur = torch.full((n, FO_DET), 20.0)
    for k in range(FO_STEPS):
        target = 20 + (obs[:, k : k + 1] - 20) * dist
        cur = cur + (target - cur) * (1 - torch.exp(-10 / resp))
        temps.append(cur)
    temp = torch.stack(temps, 1)  # n, steps, detectors
    fail_at = 150 + 50 * torch.rand(n, 1, FO_DET, generator=gen)
    failed = torch.cummax((temp > fail_at).float(), 1).values
    temp = temp + 2 * torch.randn(temp.shape, generator=gen)
    read = torch.where(failed > 0, torch.zeros_like(temp), temp / 100)
    return torch.cat([read, failed], 2), label


class FlashoverGRU(nn.Module):
    """A GRU over the detector readings and failure flags; its last state to the time left to flashover."""

    def __init__(self, hidden: int = 16) -> None:
        super().__init__()
        self.gru = nn.GRU(2 * FO_DET, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.gru(x)[0][:, -1]).squeeze(1)


def flashover_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the log time left to flashover."""
    x, y = batch
    return F.mse_loss(model(x), y)


def flashover_gru(batch_size: int = 32, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The flashover GRU on 8192 simulated fires; held out: 2048 other fires in batches of 1024; NAdam."""
    gen = torch.Generator().manual_seed(53602)
    x, y = _fo_fires(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": FlashoverGRU(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam"),
            "loss_fn": flashover_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("dough_ann_sgdm", dough_ann, 300, "dough_rheology_flour_chemistry_ann", "sgd_momentum0.9", "small_finite", 16,
      seconds=0.15, start_lr=0.2),
    W("ise_ann_rmsprop", ise_ann, 300, "hydroponic_ise_array_nutrient_ann", "rmsprop", "finite", 32,
      seconds=0.2, start_lr=0.016),
    W("dispatcher_sgdn", dispatcher, 300, "elevator_group_dispatch_neural_scorer", "sgd_nesterov0.9", "finite", 32,
      seconds=0.2, start_lr=0.4),
    W("leather_cnn_adamw", leather_cnn, 300, "leather_surface_defect_cnn", "adamw_wd1e-2", "finite", 32,
      seconds=1.6, start_lr=0.064),
)
LONG = (
    W("tidal_power_ann_adam@long", tidal_power_ann, 3000, "tidal_turbine_power_curve_adcp_ann", "adam", "finite", 64,
      seconds=2.4, start_lr=0.064, grid_fractions=(0.0, 0.05)),
    W("flashover_gru_nadam@long", flashover_gru, 3000, "flashover_prediction_heat_detector_gru", "nadam", "finite", 32,
      seconds=6.4, start_lr=0.032, grid_fractions=(0.0, 0.05)),
    W("dough_ann_sgdm@long", dough_ann, 3000, "dough_rheology_flour_chemistry_ann", "sgd_momentum0.9", "finite", 16,
      dict(train_size=2048, noise=0.01), seconds=1.3, start_lr=0.2, grid_fractions=(0.0, 0.05),
      long_of="dough_ann_sgdm"),
    W("dispatcher_sgdn@long", dispatcher, 3000, "elevator_group_dispatch_neural_scorer", "sgd_nesterov0.9", "finite",
      32, dict(train_size=8192), seconds=1.7, start_lr=0.4, grid_fractions=(0.0, 0.05), long_of="dispatcher_sgdn"),
)

REGISTRY = Registry(EXAM, LONG, "exam53_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the fifty-third exam's workloads")
