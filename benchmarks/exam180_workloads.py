"""The hundred-and-eightieth exam: six more workload families that neither the suite nor exams 1-178 have.

Same rules as the earlier exams (``exam_workloads.py`` ... ``exam178_workloads.py``): each workload is written as a
user of its field would write it (its own model code, synthetic data drawn in the factory from its own
``torch.Generator``, nothing downloaded or imported from warmfind), with an optimiser that field uses and a plain
torch pipeline (a shuffling ``DataLoader`` over a finite pool, indexed a whole batch at a time through a
``BatchSampler``). Its families come from hot air balloons and burner lift, spiralisers and ribbon cutting, samovars
and boil time, inkwells and ink evaporation, gramophones and groove wear, and jukeboxes and song selection (exam 179
was built at the same time from other domains; its module was not opened). What was checked to make them new, and
what was tried and dropped, is in ``benchmarks/results/exam180/README.md``. Models, laws and optimiser settings are
written from memory (no source was looked up); where a law is named, its form is as remembered, its constants
partly invented.

Families and optimisers (see ``EXAM`` and ``LONG`` below for batch, length and data regime):

- hot-air balloon level flight: a residual MLP (two pre-norm LayerNorm blocks) from the envelope volume, the
  all-up mass, the ground temperature, the altitude, the envelope's age (porosity), the wind and the burner (single,
  double, liquid-fire "whisper"; one-hot) to the log envelope-over-ambient temperature needed to float and the log
  propane burn (kg/h) that holds it; buoyancy from the ideal gas in a standard-like atmosphere, heat loss by
  convection (rising with the wind), radiation and porous leakage; 2% scatter; MSE of the standardised logs;
  SGD with heavy-ball momentum 0.9 (short), AdamW (torch's defaults, long)
- spiraliser ribbon tearing: a 1-D CNN (three ReLU conv layers, no normalisation) over a vegetable's 64 positions
  along its length (diameter, firmness, the blade's ribbon thickness and the crank speed as channels) to a tear
  logit at each position; the ribbon peeled off a radius r is bent to a strain t / (2 r), it tears where that
  strain (raised by a fast crank and by the stress concentration where the diameter changes fast) passes the
  flesh's failure strain (scaling with firmness), with a little scatter in the failure strain; binary
  cross-entropy; SGD with Nesterov momentum 0.9 and weight decay 5e-4 (a CNN user's setting)
- samovar boil time: a GRU over a charcoal samovar's 16 one-minute intervals (charcoal added, the boot (bellows)
  on or off, the chimney extension on or off, the water volume, the ambient temperature, the altitude) to the water
  temperature at the end of each minute; fuel burning at a draught-dependent first-order rate, part of its heat
  through the central pipe into the water, Newton cooling of the urn, the water capped at the altitude's boiling
  point; 2.5 C thermometer scatter; MSE of the temperatures / 100; RAdam (torch's defaults)
- inkwell ink evaporation (a long plan only): an embedding net (ink brand, 40, and inkwell model, 12, as
  embeddings, with the room temperature, the humidity, the days, the hours open a day and the fill) to the log
  fraction of the ink evaporated and the log relative viscosity; Stefan-type diffusion of water vapour up the
  inkwell's neck (rate ~ area / neck length x p_sat(T) x (a_w - RH)), the water activity falling as the humectant
  (glycerol) concentrates, integrated over the days; 3% scatter; MSE; Adagrad (torch's defaults, as sparse id
  features are fitted)
- gramophone groove wear: a grey-box net: a small MLP from the needle (loud, medium, soft steel, thorn, fibre;
  one-hot), the soundbox weight, the plays per needle, the disc's plays and the shellac's filler to the log corner
  frequency and the log surface-noise level, and a fixed law from them to the treble loss in dB at 12 frequencies
  and the noise: the groove wall worn by the needle (Archard-like, a worn steel needle cutting like a chisel),
  the playback losing wavelengths shorter than the worn wall's radius (10 log10(1 + (f / fc)^4)); 0.4 dB scatter
  (0.3 dB in the long plan's pool); MSE of the dB / 10; NAdam (torch's defaults, short), RMSprop (torch's defaults,
  long)
- jukebox song selection (a long plan only): an embedding (two-tower) net: the bar, the hour, the weekday and the
  song played just before as embeddings summed to a context, dotted with 120 song embeddings plus a song bias, to
  the song the next coin picks; data from a multinomial-logit choice (song popularity, a genre affinity of the bar
  and the hour, the genre of the song before, a penalty for replaying the same song); cross-entropy; Adagrad
  (torch's defaults, as recommender embeddings are fitted)

Long plans (``<name>@long``, total_steps = 3000), grid warmup 0 and 5% only (see ``LONG``): the inkwell and
jukebox nets (no short plans), the balloon net on 8192 flights instead of 4096 (16 units and one block instead of
32 and two, batch 16 instead of 128, AdamW) and the gramophone net on 8192 discs instead of 1024 (16 units instead
of 32, 0.3 dB scatter instead of 0.4, batch 16, RMSprop).

The factory contract is the earlier exams': ``f(batch_size=..., seed=0, **kwargs)`` returns ``{model, data,
eval_data, optimizer, loss_fn}`` (plus ``train_pool`` where examples are independent); ``optimizer`` is a hook
``(params, lr) -> Optimizer``; ``seed`` varies only the model's initialisation and the batch order. No loss draws
random numbers. The entrypoint is ``benchmarks/exam180_workloads.py:build`` (``no_eval=True`` drops ``eval_data``).

The split: every workload here is ``exam``, never tuned on, scored rarely (benchmarks/results/exam180/README.md).

    python benchmarks/exam180_workloads.py          # the table
    python benchmarks/exam180_workloads.py --time   # also times one full run of each (one thread)
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

from exam_workloads import ExamWorkload, Registry, _named, split_batches  # noqa: E402

TITLE = "Exam 180"


def loader(*tensors: torch.Tensor, batch_size: int) -> torch.utils.data.DataLoader:
    """A finite pool as a user who wants whole-batch indexing passes it: a shuffling DataLoader whose sampler is a
    ``BatchSampler`` over a ``RandomSampler`` (``batch_size=None``: the dataset is indexed with a batch of indices at
    once, no per-example collate), dropping the last partial batch."""
    ds = torch.utils.data.TensorDataset(*tensors)
    sampler = torch.utils.data.BatchSampler(torch.utils.data.RandomSampler(ds), batch_size, drop_last=True)
    return torch.utils.data.DataLoader(ds, sampler=sampler, batch_size=None)


def _mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the model's outputs against the targets."""
    x, y = batch
    return F.mse_loss(model(x), y)


def _standardise(y: torch.Tensor, n: int) -> torch.Tensor:
    """Targets standardised per column with the mean and sd of the first ``n`` rows (the training pool)."""
    return (y - y[:n].mean(0)) / y[:n].std(0)


# --------------------------------------------------------------------------------------------------------------
# 1. hot-air balloon level flight: envelope temperature and burner fuel (SGD momentum; AdamW long)


def _hb_flights(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Level flights: envelope 2000-4000 m3, all-up mass 300-0.19 V kg (so the envelope stays under ~120 C), ground
    temperature -5-30 C, altitude 0-2500 m, envelope age 0-500 flying hours, wind 0-8 m/s, burner single / double /
    liquid-fire whisper (efficiency 0.55, 0.6, 0.45 of the propane's 46 MJ/kg into the envelope). A standard-like
    atmosphere (6.5 K/km, p = p0 (1 - 2.2558e-5 h)^5.256); the air inside at T_in floats the mass when
    V rho_a (1 - T_a / T_in) = m. Heat loss: convection h A dT (h = 3 + 1.6 wind, A = 4.84 V^(2/3)), radiation
    0.6 sigma A (T_in^4 - T_a^4) and porous leakage rho_in V (2e-5 + 1e-4 age / 500) /s carrying cp dT. 2%
    scatter. Returns (features (n, 9), log dT and log propane kg/h (n, 2))."""
    vol = 2000 + 2000 * torch.rand(n, generator=gen)
    mass = 300 + (0.19 * vol - 300) * torch.rand(n, generator=gen)
    tg = 268 + 35 * torch.rand(n, generator=gen)
    alt = 2500 * torch.rand(n, generator=gen)
    age = 500 * torch.rand(n, generator=gen)
    wind = 8 * torch.rand(n, generator=gen)
    burner = torch.randint(0, 3, (n,), generator=gen)
    eff = torch.tensor([0.55, 0.6, 0.45])[burner]
    ta = tg - 0.0065 * alt
    p = 101325 * (1 - 2.2558e-5 * alt) ** 5.256
    rho = p / (287.05 * ta)
    t_in = ta / (1 - mass / (vol * rho))
    dt = t_in - ta
    area = 4.84 * vol ** (2 / 3)
    conv = (3 + 1.6 * wind) * area * dt
    rad = 0.6 * 5.67e-8 * area * (t_in**4 - ta**4)
    leak = p / (287.05 * t_in) * vol * (2e-5 + 1e-4 * age / 500) * 1005 * dt
    fuel = (conv + rad + leak) / (eff * 46e6) * 3600
    y = torch.stack([torch.log(dt), torch.log(fuel)], 1) + 0.02 * torch.randn(n, 2, generator=gen)
    x = torch.cat([torch.stack([(vol - 3000) / 577, (mass - 500) / 120, (tg - 285.5) / 10.1, (alt - 1250) / 722,
                                (age - 250) / 144, (wind - 4) / 2.3], 1), F.one_hot(burner, 3).float()], 1)
    return x, y


class LiftBlock(nn.Module):
    """A pre-norm residual block: x + W2 gelu(W1 LayerNorm(x))."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 2 * width), nn.Linear(2 * width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.fc2(F.gelu(self.fc1(self.norm(x))))


class BurnNet(nn.Module):
    """A residual MLP: an input layer, two pre-norm blocks, a final LayerNorm and a linear head to the two logs."""

    def __init__(self, width: int = 32, blocks: int = 2) -> None:
        super().__init__()
        self.inp = nn.Linear(9, width)
        self.blocks = nn.Sequential(*[LiftBlock(width) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.norm(self.blocks(self.inp(x))))


def burn_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log envelope temperature rise and log propane burn."""
    return _mse(model, batch)


def balloon_burn(batch_size: int = 32, seed: int = 0, train_size: int = 4096, width: int = 32, blocks: int = 2,
                 opt: str = "sgd") -> dict[str, Any]:
    """The burn net on ``train_size`` flights, targets standardised over them; held out: 2048 other flights in
    batches of 1024; SGD with heavy-ball momentum 0.9 (``opt="sgd"``) or AdamW with torch's defaults
    (``opt="adamw"``)."""
    gen = torch.Generator().manual_seed(180101)
    x, y = _hb_flights(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if opt == "sgd":
        make = _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9), "sgd_momentum0.9")
    else:
        make = _named(lambda params, lr: torch.optim.AdamW(params, lr=lr), "adamw")
    return {"model": BurnNet(width, blocks), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": make, "loss_fn": burn_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 2. spiraliser ribbon tearing along a vegetable (SGD with Nesterov momentum)

SP_LEN = 64


def _sp_vegetables(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Vegetables cut into ribbons by a spiraliser's flat blade: 64 positions along the length. Diameter: a
    carrot-like taper or a courgette-like barrel (20-60 mm at the wide end) with 0-3 smooth bumps; firmness 0.6-1.4
    (turgor), drifting along the length; the blade's ribbon thickness 1-3 mm; the crank speed 0.5-2 turns / s. The
    ribbon peeled at radius r (minus the coring rod's 5 mm) is bent to a strain t / (2 r); it tears where that
    strain x (1 + 0.25 speed) x (1 + 3 |d diameter / d position| / mm) passes 0.06 x firmness x (1 + 0.08 noise).
    Returns (features (n, 4, 64), tear labels (n, 64))."""
    pos = torch.linspace(0, 1, SP_LEN).view(1, -1)
    d0 = 20 + 40 * torch.rand(n, 1, generator=gen)
    carrot = (torch.rand(n, 1, generator=gen) < 0.5).float()
    taper = carrot * (1 - 0.75 * pos) + (1 - carrot) * (0.8 + 0.8 * pos * (1 - pos))
    bumps = torch.zeros(n, SP_LEN)
    for _ in range(3):
        c = torch.rand(n, 1, generator=gen)
        a = 0.12 * torch.randn(n, 1, generator=gen) * (torch.rand(n, 1, generator=gen) < 0.6).float()
        bumps = bumps + a * torch.exp(-((pos - c) / 0.06) ** 2)
    dia = d0 * taper * (1 + bumps)
    firm = 0.6 + 0.8 * torch.rand(n, 1, generator=gen) + 0.15 * torch.cumsum(
        torch.randn(n, SP_LEN, generator=gen), 1) / SP_LEN**0.5
    firm = firm.clamp(0.4, 1.6)
    thick = 1 + 2 * torch.rand(n, 1, generator=gen)
    speed = 0.5 + 1.5 * torch.rand(n, 1, generator=gen)
    r = (dia / 2 - 5).clamp_min(0.5)
    slope = torch.zeros(n, SP_LEN)
    slope[:, 1:-1] = (dia[:, 2:] - dia[:, :-2]).abs() / 2
    slope[:, 0], slope[:, -1] = slope[:, 1], slope[:, -2]
    strain = thick / (2 * r) * (1 + 0.25 * speed) * (1 + 3 * slope / 1.0 / (d0 / 40))
    fail = 0.06 * firm * (1 + 0.03 * torch.randn(n, SP_LEN, generator=gen))
    y = (strain > fail).float()
    x = torch.stack([(dia - 30) / 12, (firm - 1) / 0.25, (thick - 2).expand(-1, SP_LEN) / 0.58,
                     (speed - 1.25).expand(-1, SP_LEN) / 0.43], 1)
    return x, y


class RibbonCNN(nn.Module):
    """Conv1d-ReLU x 3 (the middle one dilated) and a 1x1 conv to a tear logit per position."""

    def __init__(self, ch: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(4, ch, 5, padding=2), nn.ReLU(),
            nn.Conv1d(ch, ch, 5, padding=4, dilation=2), nn.ReLU(),
            nn.Conv1d(ch, ch, 3, padding=1), nn.ReLU(),
            nn.Conv1d(ch, 1, 1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(1)


def tear_bce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The binary cross-entropy of the tear labels at every position."""
    x, y = batch
    return F.binary_cross_entropy_with_logits(model(x), y)


def spiraliser_ribbon(batch_size: int = 32, seed: int = 0, train_size: int = 1024, ch: int = 16) -> dict[str, Any]:
    """The ribbon CNN on 1024 vegetables; held out: 2048 other vegetables in batches of 512; SGD with Nesterov
    momentum 0.9 and weight decay 5e-4."""
    gen = torch.Generator().manual_seed(180102)
    x, y = _sp_vegetables(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": RibbonCNN(ch), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 512),
            "optimizer": _named(lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True,
                                                                   weight_decay=5e-4), "sgd_nesterov0.9_wd5e-4"),
            "loss_fn": tear_bce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 3. samovar boil time (GRU, RAdam)

SM_STEPS = 16


def _sm_firings(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """A charcoal samovar brought to the boil: 16 one-minute intervals. Water 3-10 L at 5-20 C, ambient 0-30 C,
    altitude 0-3000 m (boiling at 100 - h / 300 C). Each minute 0-0.15 kg of charcoal may be added (p 0.3, plus a
    first charge 0.1-0.3 kg), the boot (bellows) on or off (p 0.4), the chimney extension on or off (p 0.5). The
    charcoal burns at rate k m (k 0.06 /min, x2.2 with the boot, x1.5 with the extension), 29 MJ/kg, 55% of it
    through the pipe into the water; the urn loses (T - T_amb) x 0.03 kW/K; the water's temperature is capped at
    the boiling point (the excess boils water off). 2.5 C scatter (a thermometer in the urn). Returns (inputs
    (n, 16, 7), temperatures / 100 (n, 16))."""
    vol = 3 + 7 * torch.rand(n, generator=gen)
    tw = 5 + 15 * torch.rand(n, generator=gen)
    tamb = 30 * torch.rand(n, generator=gen)
    alt = 3000 * torch.rand(n, generator=gen)
    tb = 100 - alt / 300
    add = 0.15 * torch.rand(n, SM_STEPS, generator=gen) * (torch.rand(n, SM_STEPS, generator=gen) < 0.3).float()
    add[:, 0] = 0.1 + 0.2 * torch.rand(n, generator=gen)
    boot = (torch.rand(n, SM_STEPS, generator=gen) < 0.4).float()
    ext = (torch.rand(n, SM_STEPS, generator=gen) < 0.5).float()
    m = torch.zeros(n)
    t = tw.clone()
    out = []
    for s in range(SM_STEPS):
        m = m + add[:, s]
        k = 0.06 * (1 + 1.2 * boot[:, s]) * (1 + 0.5 * ext[:, s])
        burnt = m * (1 - torch.exp(-k))
        m = m - burnt
        heat = burnt * 29e3 * 0.55 - 0.03 * 60 * (t - tamb)  # kJ
        t = torch.minimum(t + heat / (4.186 * vol), tb)
        out.append(t)
    y = torch.stack(out, 1) + 2.5 * torch.randn(n, SM_STEPS, generator=gen)
    static = torch.stack([(vol - 6.5) / 2, (tw - 12.5) / 4.3, (tamb - 15) / 8.7, (alt - 1500) / 866], 1)
    x = torch.cat([torch.stack([add / 0.1, boot, ext], 2) - torch.tensor([0.5, 0.4, 0.5]),
                   static.unsqueeze(1).expand(-1, SM_STEPS, -1)], 2)
    return x, y / 100


class SamovarGRU(nn.Module):
    """A one-layer GRU over the minutes and a linear head to each minute's water temperature."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.gru = nn.GRU(7, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h).squeeze(2)


def boil_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the water temperatures (/100) over the 16 minutes."""
    return _mse(model, batch)


def samovar_boil(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32) -> dict[str, Any]:
    """The samovar GRU on 1024 firings; held out: 2048 other firings in batches of 1024; RAdam."""
    gen = torch.Generator().manual_seed(180103)
    x, y = _sm_firings(train_size + 2048, gen)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": SamovarGRU(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.RAdam(params, lr=lr), "radam"),
            "loss_fn": boil_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 4. inkwell ink evaporation (embedding net, Adagrad; long only)

IK_BRANDS, IK_WELLS = 40, 12


def _ik_wells(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Inkwells left on a desk: 40 ink brands (water fraction 0.85-0.97, the rest glycerol-like humectant and dye;
    a base viscosity), 12 inkwell models (neck diameter 8-30 mm, neck length 10-50 mm, a lid's leak 0.02-0.2);
    room 15-30 C, humidity 20-80%, 1-60 days, open 0-12 hours a day, filled 20-60 ml. Water vapour diffuses up the
    neck (Stefan-type: rate = 0.0021 x area / length x p_sat(T) / p_sat(20 C) x (a_w - RH) ml / h per mm), with a_w
    the humectant's Raoult-like water activity x_w / (x_w + 1.6 x_h) falling as the water goes, 10 steps over the
    days; open hours at the full rate, closed ones at the lid's leak. Viscosity rises with the humectant's and dye's
    concentration (exp(4 (c - c0))). 3% scatter. Returns (brand ids, model ids, continuous features (n, 5),
    log evaporated fraction and log relative viscosity (n, 2))."""
    bgen = torch.Generator().manual_seed(180104)
    water0 = 0.85 + 0.12 * torch.rand(IK_BRANDS, generator=bgen)
    visc0 = torch.exp(0.3 * torch.randn(IK_BRANDS, generator=bgen))
    neck_d = 8 + 22 * torch.rand(IK_WELLS, generator=bgen)
    neck_l = 10 + 40 * torch.rand(IK_WELLS, generator=bgen)
    lid = 0.02 + 0.18 * torch.rand(IK_WELLS, generator=bgen)
    brand = torch.randint(0, IK_BRANDS, (n,), generator=gen)
    well = torch.randint(0, IK_WELLS, (n,), generator=gen)
    temp = 15 + 15 * torch.rand(n, generator=gen)
    rh = 0.2 + 0.6 * torch.rand(n, generator=gen)
    days = 1 + 59 * torch.rand(n, generator=gen)
    open_h = 12 * torch.rand(n, generator=gen)
    fill = 20 + 40 * torch.rand(n, generator=gen)
    psat = torch.exp(17.27 * temp / (temp + 237.3)) / math.exp(17.27 * 20 / 257.3)
    area = math.pi * (neck_d[well] / 2) ** 2
    k = 0.0021 * area / neck_l[well] * psat / 10
    eff_h = open_h + (24 - open_h) * lid[well]
    w = fill * water0[brand]
    solids = fill - w
    hours = days * eff_h / 10
    for _ in range(10):
        xw = w / 18
        xh = solids * 0.5 / 92
        aw = xw / (xw + 1.6 * xh)
        w = (w - k * (aw - rh).clamp_min(0) * hours).clamp_min(0.05 * solids)
    lost = (fill * water0[brand] - w) / fill
    conc = solids / (w + solids)
    visc = visc0[brand] * torch.exp(4 * (conc - (1 - water0[brand])))
    y = torch.stack([torch.log(lost + 1e-3), torch.log(visc)], 1) + 0.03 * torch.randn(n, 2, generator=gen)
    x = torch.stack([(temp - 22.5) / 4.3, (rh - 0.5) / 0.17, (days - 30.5) / 17, (open_h - 6) / 3.5,
                     (fill - 40) / 11.5], 1)
    return brand, well, x, y


class InkwellNet(nn.Module):
    """Brand and inkwell embeddings concatenated with the room and use features, then a two-layer ReLU head."""

    def __init__(self, dim: int = 8, hidden: int = 48) -> None:
        super().__init__()
        self.brand = nn.Embedding(IK_BRANDS, dim)
        self.well = nn.Embedding(IK_WELLS, dim)
        self.head = nn.Sequential(nn.Linear(2 * dim + 5, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                  nn.Linear(hidden, 2))

    def forward(self, brand: torch.Tensor, well: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        return self.head(torch.cat([self.brand(brand), self.well(well), x], 1))


def ink_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the standardised log evaporated fraction and log relative viscosity."""
    brand, well, x, y = batch
    return F.mse_loss(model(brand, well, x), y)


def inkwell_evaporation(batch_size: int = 32, seed: int = 0, train_size: int = 8192) -> dict[str, Any]:
    """The inkwell net on 8192 inkwells, targets standardised over them; held out: 2048 others in batches of 1024;
    Adagrad with torch's defaults."""
    gen = torch.Generator().manual_seed(180104)
    b, w, x, y = _ik_wells(train_size + 2048, gen)
    y = _standardise(y, train_size)
    tr = (b[:train_size], w[:train_size], x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    return {"model": InkwellNet(), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((b[train_size:], w[train_size:], x[train_size:], y[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": ink_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 5. gramophone groove wear, a grey-box net (NAdam; RMSprop long)

GR_FREQS = torch.tensor([200, 300, 450, 700, 1000, 1400, 2000, 2700, 3500, 4500, 5500, 7000.0])


def _gr_discs(n: int, gen: torch.Generator, scatter: float = 0.4) -> tuple[torch.Tensor, torch.Tensor]:
    """Shellac 78s played on an acoustic gramophone: the needle (loud, medium, soft steel; thorn; fibre), the
    soundbox and arm's weight on the needle 90-160 g, plays per needle 1-10 (a worn steel point turns chisel-like),
    the disc's plays 1-300 (log-uniform), the filler fraction of the shellac 0.5-0.8 (harder with more). Wear per
    play k_needle x weight x (1 + chisel (plays per needle - 1)) / hardness; the groove wall's radius grows with
    the worn depth (total wear ~ plays^0.8); at the inner groove (0.5 m/s) wavelengths shorter than pi x that radius
    are lost: loss(f) = 10 log10(1 + (f / fc)^4) dB, fc = 0.5 / (pi r). A thorn or fibre needle adds its own
    soft-tip loss (its fc capped at 4.5 or 3.5 kHz). Surface noise (dB over a new disc) 6 log10(1 + wear / 20 um).
    0.4 dB scatter (``scatter``). Returns (features (n, 9), losses at 12 frequencies and the noise, all / 10
    (n, 13))."""
    needle = torch.randint(0, 5, (n,), generator=gen)
    k = torch.tensor([3.0, 2.0, 1.3, 0.15, 0.08])[needle]
    chisel = torch.tensor([0.25, 0.18, 0.12, 0.0, 0.0])[needle]
    cap = torch.tensor([1e5, 1e5, 1e5, 4500.0, 3500.0])[needle]
    weight = 90 + 70 * torch.rand(n, generator=gen)
    per_needle = torch.randint(1, 11, (n,), generator=gen).float()
    plays = torch.exp(math.log(300) * torch.rand(n, generator=gen))
    filler = 0.5 + 0.3 * torch.rand(n, generator=gen)
    hard = 1 + 3 * (filler - 0.5)
    wear = k * weight / 100 * (1 + chisel * (per_needle - 1)) / hard * plays**0.8  # um
    radius = 8e-6 + 0.25e-6 * wear
    fc = torch.minimum(0.5 / (math.pi * radius), cap)
    loss = 10 * torch.log10(1 + (GR_FREQS.view(1, -1) / fc.view(-1, 1)) ** 4)
    noise = 6 * torch.log10(1 + wear / 20)
    y = torch.cat([loss, noise.view(-1, 1)], 1) + scatter * torch.randn(n, 13, generator=gen)
    x = torch.cat([F.one_hot(needle, 5).float(), torch.stack([
        (weight - 125) / 20, (per_needle - 5.5) / 2.9, torch.log(plays) / 1.65 - 1.73, (filler - 0.65) / 0.087], 1)], 1)
    return x, y / 10


class GrooveGreyBox(nn.Module):
    """A tanh MLP to the log corner frequency and the log noise level; the treble loss at each frequency from the
    fixed law 10 log10(1 + (f / fc)^4), the noise as predicted."""

    def __init__(self, hidden: int = 32) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(9, hidden), nn.Tanh(), nn.Linear(hidden, hidden), nn.Tanh(),
                                 nn.Linear(hidden, 2))
        self.register_buffer("logf", torch.log(GR_FREQS / 2000).view(1, -1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.net(x)
        log_fc = out[:, :1] + 1.0  # around 2000 e ~ 5.4 kHz
        loss = 10 / math.log(10) * F.softplus(4 * (self.logf - log_fc)) / 10
        return torch.cat([loss, out[:, 1:]], 1)


def groove_mse(model: nn.Module, batch: Any) -> torch.Tensor:
    """The mean squared error of the treble losses and the surface noise (dB / 10)."""
    return _mse(model, batch)


def gramophone_wear(batch_size: int = 32, seed: int = 0, train_size: int = 1024, hidden: int = 32,
                    opt: str = "nadam", scatter: float = 0.4) -> dict[str, Any]:
    """The groove grey-box on ``train_size`` discs; held out: 2048 other discs in batches of 1024; NAdam
    (``opt="nadam"``) or RMSprop (``opt="rmsprop"``), torch's defaults."""
    gen = torch.Generator().manual_seed(180105)
    x, y = _gr_discs(train_size + 2048, gen, scatter)
    tr = (x[:train_size], y[:train_size])
    torch.manual_seed(seed)
    if opt == "nadam":
        make = _named(lambda params, lr: torch.optim.NAdam(params, lr=lr), "nadam")
    else:
        make = _named(lambda params, lr: torch.optim.RMSprop(params, lr=lr), "rmsprop")
    return {"model": GrooveGreyBox(hidden), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((x[train_size:], y[train_size:]), 1024),
            "optimizer": make, "loss_fn": groove_mse, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# 6. jukebox song selection (two-tower embedding net, Adagrad; long only)

JB_SONGS, JB_BARS, JB_GENRES = 120, 24, 6


def _jb_plays(n: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Coins dropped into jukeboxes: 24 bars, the hour (16-24 h, 8 slots), the weekday, the song played before;
    120 songs in 6 genres with a popularity. The next song by a multinomial logit: popularity + the bar's genre
    taste + the hour's genre shift (louder genres late) + 1.2 if the genre is the song before's + weekend x genre
    - 3 for the same song again, utilities x 5. Returns (ids (n, 4): bar, hour, weekday, previous song; the
    chosen song (n,))."""
    cgen = torch.Generator().manual_seed(180106)
    genre = torch.randint(0, JB_GENRES, (JB_SONGS,), generator=cgen)
    pop = 1.2 * torch.randn(JB_SONGS, generator=cgen)
    taste = 1.2 * torch.randn(JB_BARS, JB_GENRES, generator=cgen)
    late = torch.linspace(-1, 1, JB_GENRES)[torch.randperm(JB_GENRES, generator=cgen)]
    weekend = 0.6 * torch.randn(JB_GENRES, generator=cgen)
    bar = torch.randint(0, JB_BARS, (n,), generator=gen)
    hour = torch.randint(0, 8, (n,), generator=gen)
    day = torch.randint(0, 7, (n,), generator=gen)
    prev = torch.randint(0, JB_SONGS, (n,), generator=gen)
    g = genre.view(1, -1)
    u = (pop.view(1, -1) + taste[bar][:, genre] + (hour.view(-1, 1) / 3.5 - 1) * late[g]
         + 1.2 * (g == genre[prev].view(-1, 1)).float() + (day.view(-1, 1) >= 5).float() * weekend[g])
    u = u - 3 * F.one_hot(prev, JB_SONGS).float()
    probs = torch.softmax(5.0 * u, 1)
    song = torch.multinomial(probs, 1, generator=gen).squeeze(1)
    return torch.stack([bar, hour, day, prev], 1), song


class JukeboxTwoTower(nn.Module):
    """Context tower: the sum of bar, hour, weekday and previous-song embeddings through a linear layer; song tower:
    a song embedding and bias; logits = their dot products."""

    def __init__(self, dim: int = 16) -> None:
        super().__init__()
        self.bar, self.hour, self.day = nn.Embedding(JB_BARS, dim), nn.Embedding(8, dim), nn.Embedding(7, dim)
        self.prev = nn.Embedding(JB_SONGS, dim)
        self.ctx = nn.Linear(dim, dim)
        self.song = nn.Embedding(JB_SONGS, dim)
        self.bias = nn.Parameter(torch.zeros(JB_SONGS))

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        c = self.bar(ids[:, 0]) + self.hour(ids[:, 1]) + self.day(ids[:, 2]) + self.prev(ids[:, 3])
        return self.ctx(torch.tanh(c)) @ self.song.weight.t() + self.bias


def song_ce(model: nn.Module, batch: Any) -> torch.Tensor:
    """The cross-entropy of the song chosen."""
    ids, song = batch
    return F.cross_entropy(model(ids), song)


def jukebox_selection(batch_size: int = 64, seed: int = 0, train_size: int = 8192, dim: int = 16) -> dict[str, Any]:
    """The two-tower net on 8192 plays; held out: 4096 other plays in batches of 1024; Adagrad with torch's
    defaults."""
    gen = torch.Generator().manual_seed(180106)
    ids, song = _jb_plays(train_size + 4096, gen)
    tr = (ids[:train_size], song[:train_size])
    torch.manual_seed(seed)
    return {"model": JukeboxTwoTower(dim), "data": loader(*tr, batch_size=batch_size),
            "eval_data": split_batches((ids[train_size:], song[train_size:]), 1024),
            "optimizer": _named(lambda params, lr: torch.optim.Adagrad(params, lr=lr), "adagrad"),
            "loss_fn": song_ce, "train_pool": tr}


# --------------------------------------------------------------------------------------------------------------
# the registry

W = ExamWorkload
EXAM = (
    W("balloon_burn_momentum", balloon_burn, 300, "hot_air_balloon_level_flight_burn_resmlp_ln", "sgd_momentum0.9",
      "finite", 128, seconds=0.4, start_lr=0.2),
    W("spiraliser_ribbon_nesterov", spiraliser_ribbon, 300, "spiraliser_ribbon_tear_position_cnn1d",
      "sgd_nesterov0.9_wd5e-4", "finite", 32, seconds=0.7, start_lr=0.2),
    W("samovar_boil_radam", samovar_boil, 300, "samovar_charcoal_boil_curve_gru", "radam", "finite", 64,
      seconds=1.6, start_lr=0.512),
    W("gramophone_groove_nadam", gramophone_wear, 300, "gramophone_groove_wear_treble_loss_greybox", "nadam",
      "finite", 32, seconds=0.3, start_lr=0.016),
)
LONG = (
    W("inkwell_evaporation_adagrad@long", inkwell_evaporation, 3000, "inkwell_neck_diffusion_evaporation_embedding_net",
      "adagrad", "finite", 32, seconds=2.5, start_lr=0.4, grid_fractions=(0.0, 0.05)),
    W("jukebox_selection_adagrad@long", jukebox_selection, 3000, "jukebox_song_choice_two_tower_embedding",
      "adagrad", "finite", 64, seconds=2.6, start_lr=0.2, grid_fractions=(0.0, 0.05)),
    W("balloon_burn_adamw@long", balloon_burn, 3000, "hot_air_balloon_level_flight_burn_resmlp_ln", "adamw",
      "finite", 16, dict(train_size=8192, width=16, blocks=1, opt="adamw"), seconds=3.6, start_lr=0.032,
      grid_fractions=(0.0, 0.05), long_of="balloon_burn_momentum"),
    W("gramophone_groove_rmsprop@long", gramophone_wear, 3000, "gramophone_groove_wear_treble_loss_greybox",
      "rmsprop", "finite", 16, dict(train_size=8192, hidden=16, opt="rmsprop", scatter=0.3), seconds=2.2,
      start_lr=0.004, grid_fractions=(0.0, 0.05), long_of="gramophone_groove_nadam"),
)

REGISTRY = Registry(EXAM, LONG, "exam180_workloads")
WORKLOADS, get, order, build = REGISTRY.workloads, REGISTRY.get, REGISTRY.order, REGISTRY.build
BASE = WORKLOADS  # every workload is summarised (suite_horizon's name for them)
VARIANTS: dict[str, ExamWorkload] = {}


if __name__ == "__main__":
    REGISTRY.main("list (and time) the hundred-and-eightieth exam's workloads")
